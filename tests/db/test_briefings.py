"""Briefings on every backend: periods, compiled figures, directives → orders, sign-off and addenda."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timedelta

import pytest

from desktop.errors import PermissionDenied, ValidationError
from desktop.models import Dispute, IncidentCategory
from desktop.models.enums import Role
from desktop.services import briefings as br
from desktop.services import work_orders as wo
from desktop.services.accounts import LoginResult
from desktop.services.stations import add_staff
from tests.factories import make_incident, make_station

NOW = datetime(2025, 3, 6, 9, 0)


@dataclasses.dataclass
class Org:
    station_id: int
    room: int
    team: int
    chief: LoginResult
    officer: LoginResult
    theft: int      # criminal level-1 category
    burglary: int   # its level-2 child
    noise: int      # non-criminal


def _login(staff, station) -> LoginResult:
    return LoginResult(staff.id, station.id, staff.name, staff.number, tuple(sorted(str(r) for r in staff.roles)),
                       station.name)


@pytest.fixture
def org(db) -> Org:
    with db.transaction() as s:
        station, room, team, _duty = make_station(s)
        chief = add_staff(s, station, number="GD900", name="王强", roles={Role.CHIEF}, unit=room)
        officer = add_staff(s, station, number="GD101", name="刘洋", roles={Role.OFFICER}, unit=team)
        theft = IncidentCategory(code="T-XS", name="测试刑事", level=1, criminal=True)
        noise = IncidentCategory(code="T-ZA", name="测试噪音", level=1)
        s.add_all([theft, noise])
        s.flush()
        burglary = IncidentCategory(code="T-XS-01", name="入室盗窃", level=2, parent_id=theft.id)
        s.add(burglary)
        s.flush()
        return Org(station.id, room.id, team.id, _login(chief, station), _login(officer, station),
                   theft.id, burglary.id, noise.id)


def _add(db, org, items):
    with db.transaction(station_id=org.station_id) as s:
        from desktop.models import Station
        station = s.get(Station, org.station_id)
        for number, at, category in items:
            make_incident(s, station, number, at=at, category_id=category, summary=f"摘要{number}")


def test_periods():
    assert br.period_for("daily", date(2025, 3, 6), 8) == (datetime(2025, 3, 5, 8), datetime(2025, 3, 6, 8))
    assert br.period_for("weekly", date(2025, 3, 6), 8) == (datetime(2025, 2, 27, 8), datetime(2025, 3, 6, 8))
    assert br.period_for("monthly", date(2025, 3, 6), 8) == (datetime(2025, 2, 1, 8), datetime(2025, 3, 1, 8))
    assert br.period_for("monthly", date(2025, 1, 2), 8) == (datetime(2024, 12, 1, 8), datetime(2025, 1, 1, 8))
    assert br.change_pct(5, 0) is None
    assert br.change_pct(3, 2) == pytest.approx(50.0)


def test_daily_duty_day_categories_and_changes(db, org):
    _add(db, org, [
        ("A1", datetime(2025, 3, 5, 7, 59), org.noise),      # previous duty day
        ("A2", datetime(2025, 3, 5, 8, 0), org.noise),       # first minute of the briefed day
        ("A3", datetime(2025, 3, 6, 7, 59), org.burglary),   # last minute of the briefed day
        ("A4", datetime(2025, 3, 6, 8, 0), org.noise),       # next duty day
        ("A5", datetime(2025, 3, 5, 23, 30), org.noise),
        ("W1", datetime(2025, 2, 26, 12, 0), org.noise),     # same day last week
        ("W2", datetime(2025, 2, 26, 13, 0), org.noise),
    ])
    c = br.compile_briefing(db, org.station_id, "daily", *br.period_for("daily", date(2025, 3, 6), 8), now=NOW)
    inc = c["incidents"]
    assert inc["total"] == 3 and inc["prev"] == 2 and inc["last_year"] == 0
    assert inc["change_prev_pct"] == pytest.approx(50.0)
    assert inc["change_year_pct"] is None
    cats = {r["code"]: r for r in inc["by_category"]}
    assert cats["T-ZA"]["count"] == 2 and cats["T-ZA"]["prev"] == 2
    assert cats["T-XS"]["count"] == 1 and cats["T-XS"]["prev"] == 0   # level-2 rolls up to its category
    assert inc["by_hour"][8] == 1 and inc["by_hour"][23] == 1 and inc["by_hour"][7] == 1 and sum(inc["by_hour"]) == 3
    assert [n["number"] for n in inc["notable"]] == ["A3"]
    assert inc["notable"][0]["category"] == "入室盗窃" and inc["notable"][0]["summary"] == "摘要A3"
    assert "avg3" not in inc


def test_monthly_three_year_average(db, org):
    _add(db, org, [
        ("M1", datetime(2025, 2, 10, 10), org.noise), ("M2", datetime(2025, 2, 11, 10), org.noise),
        ("M3", datetime(2025, 2, 12, 10), org.noise), ("M4", datetime(2025, 2, 13, 10), org.noise),
        ("Y1", datetime(2024, 2, 10, 10), org.noise), ("Y2", datetime(2024, 2, 11, 10), org.noise),
        ("Y3", datetime(2023, 2, 10, 10), org.noise), ("Y4", datetime(2022, 2, 1, 7, 0), org.noise),  # before cut-over
        ("P1", datetime(2025, 1, 20, 10), org.noise),
    ])
    c = br.compile_briefing(db, org.station_id, "monthly", *br.period_for("monthly", date(2025, 3, 3), 8), now=NOW)
    inc = c["incidents"]
    assert inc["total"] == 4 and inc["prev"] == 1 and inc["last_year"] == 2
    assert inc["avg3_years"] == [2, 1, 0]
    assert inc["avg3"] == pytest.approx(1.0)
    assert inc["change_avg3_pct"] == pytest.approx(300.0)
    assert inc["change_year_pct"] == pytest.approx(100.0)


def test_directives_orders_sign_off_and_addendum(db, org):
    _add(db, org, [("B1", datetime(2025, 3, 5, 10), org.noise)])
    bid = br.open_briefing(db, org.chief, "daily", date(2025, 3, 6), cutover_hour=8, now=NOW)
    assert br.open_briefing(db, org.chief, "daily", date(2025, 3, 6), cutover_hour=8, now=NOW) == bid
    with pytest.raises(PermissionDenied):
        br.open_briefing(db, org.officer, "daily", date(2025, 3, 7), cutover_hour=8, now=NOW)
    view = br.briefing_view(db, org.station_id, bid)
    assert view.status == "draft" and view.compiled["incidents"]["total"] == 1
    br.save_draft(db, org.chief, bid, view.version, analysis="夜间噪音警情上升", attendees="王强、张伟")
    d1 = br.add_directive(db, org.chief, bid, text="加强夜间巡逻", targets=[(org.team, None), (org.room, None)],
                          priority="high", deadline=datetime(2025, 3, 8, 18))
    d2 = br.add_directive(db, org.chief, bid, text="走访噪音源", targets=[(org.team, org.officer.staff_id)])
    d3 = br.add_directive(db, org.chief, bid, text="作废", targets=[(org.team, None)])
    br.remove_directive(db, org.chief, d1)
    br.update_directive(db, org.chief, d2, text="走访噪音源并登记")
    view = br.briefing_view(db, org.station_id, bid)
    assert [(d.id, d.seq) for d in view.directives] == [(d2, 1), (d3, 2)]
    br.remove_directive(db, org.chief, d3)
    d1 = br.add_directive(db, org.chief, bid, text="加强夜间巡逻", targets=[(org.team, None), (org.room, None)],
                          priority="high", deadline=datetime(2025, 3, 8, 18))
    with pytest.raises(ValidationError):
        br.add_directive(db, org.chief, bid, text=" ", targets=[(org.team, None)])
    view = br.briefing_view(db, org.station_id, bid)
    ids = br.issue_and_sign(db, org.chief, bid, view.version, now=NOW)
    assert len(ids) == 3
    orders = wo.orders_for_source(db, org.station_id, "directive", d1)
    assert len(orders) == 2 and {o[0] for o in orders} <= set(ids)
    details = [wo.order_detail(db, org.station_id, o[0], now=NOW) for o in orders]
    assert sorted(d.unit_id for d in details) == sorted([org.team, org.room])
    assert {(d.title, d.deadline, d.priority) for d in details} == {("加强夜间巡逻", datetime(2025, 3, 8, 18), "high")}
    walk = wo.order_detail(db, org.station_id, wo.orders_for_source(db, org.station_id, "directive", d2)[0][0], now=NOW)
    assert walk.assignee_id == org.officer.staff_id and walk.deadline == NOW + timedelta(hours=72)
    view = br.briefing_view(db, org.station_id, bid)
    assert view.status == "signed" and view.signed_by[0] == org.chief.staff_id and view.signed_at == NOW
    assert {len(d.orders) for d in view.directives} == {1, 2} and not any(d.done for d in view.directives)
    two = next(d for d in view.directives if d.id == d2)
    assert two.targets[0][2] == org.officer.staff_id and two.targets[0][3] == "刘洋"
    with pytest.raises(ValidationError):
        br.save_draft(db, org.chief, bid, view.version, analysis="改")
    with pytest.raises(ValidationError):
        br.add_directive(db, org.chief, bid, text="再加", targets=[(org.team, None)])
    with pytest.raises(ValidationError):
        br.issue_and_sign(db, org.chief, bid, view.version, now=NOW)
    with pytest.raises(ValidationError):
        br.recompile(db, org.chief, bid, view.version)
    br.add_addendum(db, org.chief, bid, "更正：巡逻时段为22时至次日2时", now=NOW + timedelta(hours=1))
    view = br.briefing_view(db, org.station_id, bid)
    assert view.analysis == "夜间噪音警情上升"
    assert [a["text"] for a in view.addenda] == ["更正：巡逻时段为22时至次日2时"]
    rows = br.list_briefings(db, org.station_id, kind="daily")
    assert [(r.id, r.directives, r.orders, r.open_orders) for r in rows] == [(bid, 2, 3, 3)]
    # The next day's briefing carries the still-open directive orders.
    nxt = br.open_briefing(db, org.chief, "daily", date(2025, 3, 7), cutover_hour=8, now=NOW + timedelta(days=1))
    carried = br.briefing_view(db, org.station_id, nxt).compiled["work_orders"]["open_from_directives"]
    assert sorted(o["id"] for o in carried) == sorted(ids)


def test_stored_figures_unchanged_until_recompile(db, org):
    _add(db, org, [("C1", datetime(2025, 3, 5, 10), org.theft)])
    bid = br.open_briefing(db, org.chief, "daily", date(2025, 3, 6), cutover_hour=8, now=NOW)
    _add(db, org, [("C2", datetime(2025, 3, 5, 11), org.theft)])
    view = br.briefing_view(db, org.station_id, bid)
    assert view.compiled["incidents"]["total"] == 1
    assert [n["number"] for n in view.compiled["incidents"]["notable"]] == ["C1"]
    br.recompile(db, org.chief, bid, view.version, now=NOW)
    assert br.briefing_view(db, org.station_id, bid).compiled["incidents"]["total"] == 2


def test_disputes_section(db, org):
    with db.transaction(station_id=org.station_id) as s:
        s.add_all([
            Dispute(station_id=org.station_id, number="D1", registered_at=datetime(2025, 3, 5, 9), cause="宅基地",
                    nature="neighbour", risk_level="high"),
            Dispute(station_id=org.station_id, number="D2", registered_at=datetime(2025, 1, 5, 9), cause="欠薪",
                    nature="labour", risk_level="low", criminal_risk=True, status="mediating"),
        ])
    c = br.compile_briefing(db, org.station_id, "daily", *br.period_for("daily", date(2025, 3, 6), 8), now=NOW)
    d = c["disputes"]
    assert d["registered"] == 1
    assert [r["number"] for r in d["high_risk"]] == ["D1"]
    assert [r["number"] for r in d["criminal_risk"]] == ["D2"]


def test_cases_and_work_orders_sections(db, org):
    from desktop.models import Case, Station
    from tests.factories import make_work_order

    with db.transaction(station_id=org.station_id) as s:
        station = s.get(Station, org.station_id)
        s.add_all([
            Case(station_id=org.station_id, number="XA1", kind="administrative", title="殴打他人",
                 accepted_at=datetime(2025, 2, 5, 10), due_at=datetime(2025, 3, 7)),        # past warn day
            Case(station_id=org.station_id, number="XA2", kind="administrative", title="盗窃",
                 accepted_at=datetime(2025, 2, 25, 10), due_at=datetime(2025, 3, 27)),      # not yet
            Case(station_id=org.station_id, number="XA3", kind="administrative", title="赌博",
                 accepted_at=datetime(2025, 1, 25, 10), due_at=datetime(2025, 2, 24)),      # overdue
            Case(station_id=org.station_id, number="XS1", kind="criminal", title="诈骗", stage="拘留",
                 accepted_at=datetime(2025, 3, 5, 12), due_at=datetime(2025, 3, 8)),        # within 3 days
            Case(station_id=org.station_id, number="XA4", kind="administrative", title="噪音", status="closed",
                 accepted_at=datetime(2025, 2, 1, 10), due_at=datetime(2025, 3, 3),
                 closed_at=datetime(2025, 3, 5, 15)),
        ])
        from desktop.models import Unit
        team = s.get(Unit, org.team)
        make_work_order(s, station, team, seq=1, issued_at=datetime(2025, 3, 5, 9), deadline=datetime(2025, 3, 6, 8))
        make_work_order(s, station, team, seq=2, issued_at=datetime(2025, 3, 5, 10), status="closed",
                        closed_at=datetime(2025, 3, 5, 20))
        make_work_order(s, station, team, seq=3, issued_at=datetime(2025, 3, 1, 10))
    c = br.compile_briefing(db, org.station_id, "daily", *br.period_for("daily", date(2025, 3, 6), 8), now=NOW)
    cases = c["cases"]
    assert [r["number"] for r in cases["admin_due"]] == ["XA3", "XA1"] and cases["admin_overdue"] == 1
    assert [r["number"] for r in cases["criminal_due"]] == ["XS1"]
    assert cases["accepted"] == 1 and cases["closed"] == 1
    w = c["work_orders"]
    assert w["issued"] == 2 and w["closed"] == 1 and w["overdue"] == 2  # seq 3 too: due 3-4
    assert w["issued_by_unit"] == {"社区警务队": 2}
    assert c["warnings"]["received"] == 0
