"""The case register and its legal clocks (DESIGN.md §3 worked examples, §4 closure rate), on every backend."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from desktop.errors import ConflictError, PermissionDenied, ValidationError
from desktop.models.enums import Role
from desktop.services.accounts import LoginResult
from desktop.services.cases import (
    CaseRules,
    case_detail,
    case_list_query,
    cases_due,
    close_case,
    closure_rate_30,
    compute_due,
    create_case,
    extend,
    parse_stage_days,
    pause_clock,
    recompute_due,
    resume_clock,
    start_handling,
    transfer_case,
    update_case,
)
from desktop.services.paging import Filter, Sort
from desktop.settings import Settings
from tests.factories import make_station

D = datetime(2025, 3, 1, 9, 30)
NOW = datetime(2025, 12, 31)
RULES = CaseRules()


@pytest.fixture
def login(db):
    with db.transaction() as s:
        station, room, _team, officer = make_station(s)
        return LoginResult(staff_id=officer.id, station_id=station.id, name=officer.name, number=officer.number,
                           roles=(Role.DUTY,), station_name=station.name), room.id


def _new(db, login, number="A1", *, kind="administrative", at=D, rules=RULES, **kw):
    values = {"number": number, "kind": kind, "title": kw.pop("title", "殴打他人案"), "accepted_at": at, **kw}
    return create_case(db, login[0] if isinstance(login, tuple) else login, values, rules=rules, now=NOW)


def _detail(db, login, case_id, today, rules=RULES):
    return case_detail(db, login.station_id, case_id, today=today, rules=rules)


def test_worked_example_accepted_d_is_due_d_plus_30(db, login):
    me, unit_id = login
    case_id = _new(db, me, officer_id=me.staff_id, unit_id=unit_id, category="殴打他人")
    d = _detail(db, me, case_id, D.date())
    assert d.due_at.date() == D.date() + timedelta(days=30)
    assert d.days_left == 30 and d.state == "running" and d.status == "accepted"
    assert d.officer == "张伟" and d.unit == "综合指挥室"
    assert not d.overdue and not d.due_soon


def test_worked_example_extension_gives_d_plus_60_and_only_once(db, login):
    me, _ = login
    case_id = _new(db, me)
    v = _detail(db, me, case_id, D.date()).version
    extend(db, me, case_id, v, reason="案情复杂", approver="县公安局", at=D + timedelta(days=20), rules=RULES)
    d = _detail(db, me, case_id, D.date())
    assert d.due_at.date() == D.date() + timedelta(days=60)
    assert d.extended and d.status == "extended"
    assert [(e.kind, e.approver, e.article) for e in d.events] == [("extension", "县公安局", RULES.admin_article)]
    with pytest.raises(ValidationError, match="已延长过一次"):
        extend(db, me, case_id, d.version, reason="再延", approver="县公安局", rules=RULES)
    with pytest.raises(ValidationError, match="批准人"):
        extend(db, me, _new(db, me, "A2"), 1, reason="x", approver=" ", rules=RULES)


def test_worked_example_appraisal_pause_d10_to_d20_gives_d_plus_40(db, login):
    me, _ = login
    case_id = _new(db, me)
    pause_clock(db, me, case_id, 1, reason="伤情鉴定", at=D + timedelta(days=10), rules=RULES)
    paused = _detail(db, me, case_id, D.date() + timedelta(days=15))
    assert paused.state == "paused" and paused.status == "suspended" and paused.due_at is None
    assert paused.days_left == 20  # frozen at the pause: D+30 - D+10
    # Still frozen long after the original deadline; a paused case is never overdue.
    later = _detail(db, me, case_id, D.date() + timedelta(days=45))
    assert later.days_left == 20 and not later.overdue and not later.due_soon
    resume_clock(db, me, case_id, paused.version, at=D + timedelta(days=20), rules=RULES)
    d = _detail(db, me, case_id, D.date() + timedelta(days=20))
    assert d.due_at.date() == D.date() + timedelta(days=40)
    assert d.state == "running" and d.status == "in_progress" and d.days_left == 20
    assert [e.kind for e in d.events] == ["pause", "resume"]
    assert d.events[0].reason == "伤情鉴定"


def test_pause_and_resume_refusals(db, login):
    me, _ = login
    case_id = _new(db, me)
    with pytest.raises(ValidationError, match="计时未暂停"):
        resume_clock(db, me, case_id, 1, at=D + timedelta(days=1), rules=RULES)
    with pytest.raises(ValidationError, match="原因"):
        pause_clock(db, me, case_id, 1, reason="  ", at=D + timedelta(days=1), rules=RULES)
    pause_clock(db, me, case_id, 1, reason="鉴定", at=D + timedelta(days=5), rules=RULES)
    v = _detail(db, me, case_id, D.date()).version
    with pytest.raises(ValidationError, match="计时已暂停"):
        pause_clock(db, me, case_id, v, reason="鉴定", at=D + timedelta(days=6), rules=RULES)
    with pytest.raises(ValidationError, match="恢复时间"):
        resume_clock(db, me, case_id, v, at=D + timedelta(days=4), rules=RULES)
    with pytest.raises(ConflictError):
        resume_clock(db, me, case_id, v - 1, at=D + timedelta(days=8), rules=RULES)
    # Two pauses add up; the extension while paused keeps the status suspended.
    resume_clock(db, me, case_id, v, at=D + timedelta(days=8), rules=RULES)
    v = _detail(db, me, case_id, D.date()).version
    pause_clock(db, me, case_id, v, reason="复核鉴定", at=D + timedelta(days=12), rules=RULES)
    v = _detail(db, me, case_id, D.date()).version
    extend(db, me, case_id, v, reason="复杂", approver="县局", at=D + timedelta(days=13), rules=RULES)
    d = _detail(db, me, case_id, D.date())
    assert d.status == "suspended" and d.state == "paused" and d.days_left == 30 + 3 + 30 - 12
    resume_clock(db, me, case_id, d.version, at=D + timedelta(days=14), rules=RULES)
    d = _detail(db, me, case_id, D.date())
    assert d.status == "extended" and d.due_at.date() == D.date() + timedelta(days=60 + 3 + 2)
    criminal = _new(db, me, "X1", kind="刑事", stage="拘留")
    with pytest.raises(ValidationError, match="行政案件"):
        pause_clock(db, me, criminal, 1, reason="鉴定", at=D + timedelta(days=1), rules=RULES)


def test_closed_cases_refuse_clock_changes_and_viewer_refused(db, login):
    me, _ = login
    case_id = _new(db, me)
    start_handling(db, me, case_id, 1)
    with pytest.raises(ValidationError, match="受理状态"):
        start_handling(db, me, case_id, 2)
    close_case(db, me, case_id, 2, at=D + timedelta(days=3))
    d = _detail(db, me, case_id, D.date() + timedelta(days=40))
    assert d.state == "closed" and d.closed_at == D + timedelta(days=3) and not d.overdue and d.days_left is None
    with pytest.raises(ValidationError, match="已结案"):
        pause_clock(db, me, case_id, d.version, reason="鉴定", rules=RULES)
    viewer = LoginResult(me.staff_id, me.station_id, "只读", "V1", (Role.VIEWER,), "x")
    with pytest.raises(PermissionDenied):
        transfer_case(db, viewer, _new(db, me, "A2"), 1)


def test_rule_change_takes_effect_when_a_case_is_recomputed(db, login):
    me, _ = login
    case_id = _new(db, me)
    other = _new(db, me, "A2", at=D + timedelta(days=1))
    settings = Settings.from_values({"cases/admin_limit_days": 45})
    rules45 = CaseRules.from_settings(settings)
    assert rules45.admin_limit_days == 45 and rules45.criminal_stage_days["拘留"] == 37
    d = _detail(db, me, case_id, D.date())
    update_case(db, me, case_id, d.version, {"number": "A1", "kind": "行政", "title": "改名", "accepted_at": D},
                rules=rules45, now=NOW)
    assert _detail(db, me, case_id, D.date(), rules45).due_at.date() == D.date() + timedelta(days=45)
    assert _detail(db, me, other, D.date()).due_at.date() == D.date() + timedelta(days=31)  # not yet recomputed
    assert recompute_due(db, me.station_id, me.staff_id, rules45) == 1
    assert _detail(db, me, other, D.date()).due_at.date() == D.date() + timedelta(days=46)


def test_criminal_stage_days(db, login):
    me, _ = login
    rules = CaseRules(criminal_stage_days=parse_stage_days("拘留：37；侦查羁押:60, 坏:x"))
    assert dict(rules.criminal_stage_days) == {"拘留": 37, "侦查羁押": 60}
    held = _new(db, me, "X1", kind="刑事", stage="拘留", rules=rules)
    unknown = _new(db, me, "X2", kind="criminal", stage="审查起诉", rules=rules)
    assert _detail(db, me, held, D.date(), rules).due_at.date() == D.date() + timedelta(days=37)
    assert _detail(db, me, unknown, D.date(), rules).due_at is None
    d = _detail(db, me, held, D.date(), rules)
    update_case(db, me, held, d.version, {"number": "X1", "kind": "刑事", "title": "盗窃案", "stage": "侦查羁押",
                                          "accepted_at": D}, rules=rules, now=NOW)
    assert _detail(db, me, held, D.date(), rules).due_at.date() == D.date() + timedelta(days=60)
    with pytest.raises(ValidationError, match="行政案件"):
        extend(db, me, held, d.version + 1, reason="r", approver="a", rules=rules)
    assert compute_due("criminal", D, [], False, None, rules) is None


def test_validation_messages_are_per_field(db, login):
    me, _ = login
    with pytest.raises(ValidationError) as err:
        create_case(db, me, {"number": "", "kind": "民事", "title": "", "accepted_at": "不是时间"}, rules=RULES, now=D)
    assert set(err.value.fields) == {"number", "kind", "title", "accepted_at"}
    _new(db, me, "A1")
    with pytest.raises(ValidationError, match="已存在"):
        _new(db, me, "A1")


def test_due_overdue_and_due_soon_boundaries(db, login):
    me, _ = login
    today = date(2025, 6, 1)
    ids = {}
    for name, accepted_days_ago in (("fresh", 0), ("warn_minus1", 24), ("warn", 25), ("due_today", 30),
                                    ("overdue", 31)):
        ids[name] = _new(db, me, name, at=datetime.combine(today, datetime.min.time()).replace(hour=23)
                         - timedelta(days=accepted_days_ago))
    flags = {n: (_detail(db, me, i, today).overdue, _detail(db, me, i, today).due_soon,
                 _detail(db, me, i, today).days_left) for n, i in ids.items()}
    assert flags == {"fresh": (False, False, 30), "warn_minus1": (False, False, 6), "warn": (False, True, 5),
                     "due_today": (False, True, 0), "overdue": (True, False, -1)}
    rows = cases_due(db, me.station_id, within_days=5, today=today)
    assert [(r.number, r.days_left, r.overdue) for r in rows] == [("overdue", -1, True), ("due_today", 0, False),
                                                                   ("warn", 5, False)]
    assert [r.number for r in cases_due(db, me.station_id, within_days=0, today=today)] == ["overdue", "due_today"]
    # The list shows the same tones and days left, computed in SQL.
    q = case_list_query(db, me.station_id, today=today)
    keys = [c.key for c in q.columns]
    got = {row[1 + keys.index("number")]: (row[1 + keys.index("tone")], row[1 + keys.index("days_left")])
           for row in q.fetch(0, 50, sort=Sort("due_at"))}
    assert got == {"fresh": ("", 30), "warn_minus1": ("", 6), "warn": ("due_soon", 5), "due_today": ("due_soon", 0),
                   "overdue": ("overdue", -1)}
    assert q.count(filter=Filter(ranges={"due_at": (None, datetime(2025, 6, 1, 23, 59))})) == 2
    close_case(db, me, ids["overdue"], 1, at=datetime(2025, 6, 1, 8))
    assert [r.number for r in cases_due(db, me.station_id, within_days=0, today=today)] == ["due_today"]
    assert q.count(filter=Filter(equals={"status": "closed"})) == 1


def test_closure_rate_30_on_a_hand_made_set(db, login):
    me, _ = login
    today = date(2025, 4, 30)  # C4's 30 days end today: not yet run out
    start, end = datetime(2025, 3, 1), datetime(2025, 4, 1)
    # In the period: closed on day 30 (counts), closed on day 31 (late), open and run out (late),
    # open and not run out (not counted). Outside: a criminal case and one accepted in April.
    c1 = _new(db, me, "C1", at=datetime(2025, 3, 1, 20))
    close_case(db, me, c1, 1, at=datetime(2025, 3, 31, 8))
    c2 = _new(db, me, "C2", at=datetime(2025, 3, 2, 8))
    close_case(db, me, c2, 1, at=datetime(2025, 4, 2, 8))
    _new(db, me, "C3", at=datetime(2025, 3, 3, 8))
    _new(db, me, "C4", at=datetime(2025, 3, 31, 8))
    x = _new(db, me, "X1", kind="刑事", stage="拘留", at=datetime(2025, 3, 5))
    close_case(db, me, x, 1, at=datetime(2025, 3, 6))
    _new(db, me, "C5", at=datetime(2025, 4, 1, 0))
    assert closure_rate_30(db, me.station_id, start, end, today=today) == (1, 3, pytest.approx(1 / 3))
    assert closure_rate_30(db, me.station_id, datetime(2025, 1, 1), datetime(2025, 2, 1), today=today) == (0, 0, None)


def test_criminal_stage_due_soon_uses_the_administrative_margin(db, login):
    me, _ = login
    rules = CaseRules(admin_limit_days=30, warn_days=25, criminal_stage_days={"拘留": 37})
    case_id = _new(db, me, "X1", kind="刑事", stage="拘留", rules=rules)
    due = D.date() + timedelta(days=37)
    assert [(_detail(db, me, case_id, due - timedelta(days=n), rules).due_soon) for n in (6, 5, 0)] == [
        False, True, True]
    late = _detail(db, me, case_id, due + timedelta(days=1), rules)
    assert late.overdue and not late.due_soon and late.days_left == -1
    q = case_list_query(db, me.station_id, today=due - timedelta(days=5), rules=rules)
    tone = [c.key for c in q.columns].index("tone") + 1
    assert [row[tone] for row in q.fetch(0, 10)] == ["due_soon"]


def test_a_stage_written_longer_than_the_rule_still_finds_its_days():
    from desktop.services.cases import CaseRules, stage_days

    rules = CaseRules(criminal_stage_days={"拘留": 37, "侦查羁押": 60})
    assert stage_days(rules, "拘留") == 37
    assert stage_days(rules, "刑事拘留") == 37
    assert stage_days(rules, "延长侦查羁押") == 60
    assert stage_days(rules, "立案侦查") is None and stage_days(rules, None) is None
