"""Statistics service (issue 9, DESIGN.md §4) on every backend against hand-counted fixtures."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime

import pytest
from sqlalchemy import insert

from desktop.errors import Cancelled, ValidationError
from desktop.models import (
    Case,
    Community,
    Dispute,
    Grid,
    Incident,
    IncidentCategory,
    RepeatCluster,
    Station,
    Transfer,
    Unit,
)
from desktop.models.enums import Role
from desktop.services import statistics as st
from desktop.services.stations import add_staff
from tests.factories import make_station, make_work_order

# --------------------------------------------------------------------------- pure: periods and text


def test_period_of_every_kind():
    day = st.period_of("day", date(2024, 2, 29))
    assert (day.start, day.end) == (datetime(2024, 2, 29, 8), datetime(2024, 3, 1, 8))
    assert day.label == "2024年2月29日" and day.days == 1 and day.first_day == day.last_day == date(2024, 2, 29)

    week = st.period_of("week", date(2026, 12, 31))  # ISO week 53 of 2026 spans the year end
    assert (week.first_day, week.last_day) == (date(2026, 12, 28), date(2027, 1, 3))
    assert week.label == "2026年第53周（12月28日—1月3日）" and week.days == 7
    assert st.period_of("week", date(2027, 1, 3)) == week
    assert st.period_of("week", date(2026, 11, 22)).label == "2026年第47周（11月16日—11月22日）"

    feb = st.period_of("month", date(2024, 2, 10))
    assert (feb.start, feb.end, feb.days, feb.label) == (datetime(2024, 2, 1, 8), datetime(2024, 3, 1, 8), 29,
                                                         "2024年2月")
    assert st.period_of("month", date(2023, 2, 10)).days == 28

    q1 = st.period_of("quarter", date(2025, 3, 31))
    assert (q1.start, q1.end, q1.label) == (datetime(2025, 1, 1, 8), datetime(2025, 4, 1, 8), "2025年第1季度")
    q2 = st.period_of("quarter", date(2025, 4, 1))
    assert (q2.first_day, q2.last_day, q2.label) == (date(2025, 4, 1), date(2025, 6, 30), "2025年第2季度")
    assert st.period_of("quarter", date(2024, 12, 31)).label == "2024年第4季度"

    year = st.period_of("year", date(2024, 7, 1))
    assert (year.start, year.end, year.days, year.label) == (datetime(2024, 1, 1, 8), datetime(2025, 1, 1, 8), 366,
                                                             "2024年")
    custom = st.period_of("custom", date(2026, 11, 1), last_day=date(2026, 11, 15))
    assert custom.label == "2026年11月1日—2026年11月15日" and custom.days == 15
    assert st.period_of("day", date(2025, 1, 1), cutover_hour=0).start == datetime(2025, 1, 1, 0)


def test_custom_period_errors_in_chinese():
    with pytest.raises(ValidationError, match="结束日期"):
        st.period_of("custom", date(2025, 1, 1))
    with pytest.raises(ValidationError, match="不能早于"):
        st.period_of("custom", date(2025, 1, 2), last_day=date(2025, 1, 1))
    with pytest.raises(ValidationError, match="3660"):
        st.period_of("custom", date(2015, 1, 1), last_day=date(2025, 1, 9))
    assert st.period_of("custom", date(2015, 1, 1), last_day=date(2025, 1, 7)).days == 3660
    with pytest.raises(ValidationError):
        st.period_of("fortnight", date(2025, 1, 1))


def test_previous_period_and_years_back():
    prev = st.previous_period
    back = st.same_period_years_back
    assert prev(st.period_of("day", date(2024, 3, 1))).first_day == date(2024, 2, 29)
    assert prev(st.period_of("week", date(2027, 1, 1))).first_day == date(2026, 12, 21)
    assert prev(st.period_of("month", date(2024, 3, 5))).label == "2024年2月"
    assert prev(st.period_of("month", date(2025, 1, 5))).label == "2024年12月"
    assert prev(st.period_of("quarter", date(2025, 2, 1))).label == "2024年第4季度"
    assert prev(st.period_of("year", date(2025, 2, 1))).label == "2024年"
    custom = prev(st.period_of("custom", date(2025, 3, 1), last_day=date(2025, 3, 10)))
    assert (custom.first_day, custom.last_day, custom.kind) == (date(2025, 2, 19), date(2025, 2, 28), "custom")

    leap_day = back(st.period_of("day", date(2024, 2, 29)))
    assert leap_day.first_day == date(2023, 2, 28) and leap_day.start == datetime(2023, 2, 28, 8)
    leap_feb = back(st.period_of("month", date(2024, 2, 29)))  # the whole February before: 28 days
    assert (leap_feb.first_day, leap_feb.last_day, leap_feb.end) == (date(2023, 2, 1), date(2023, 2, 28),
                                                                      datetime(2023, 3, 1, 8))
    assert back(st.period_of("month", date(2025, 2, 1)), 1).days == 29  # February 2024
    assert back(st.period_of("quarter", date(2025, 5, 1)), 3).label == "2022年第2季度"
    week = back(st.period_of("week", date(2026, 11, 18)))
    assert (week.first_day, week.last_day, week.days) == (date(2025, 11, 16), date(2025, 11, 22), 7)
    custom = back(st.period_of("custom", date(2024, 2, 1), last_day=date(2024, 2, 29)), 2)
    assert (custom.first_day, custom.last_day) == (date(2022, 2, 1), date(2022, 2, 28))


def test_change_formulas_and_zero_bases():
    assert st.change_pct(5, 0) is None
    assert st.change_pct(3, 2) == pytest.approx(50.0)
    c = st.make_change(5, 4, 2, 3, 4)
    assert c.mom_pct == pytest.approx(25.0) and c.yoy_pct == pytest.approx(150.0)
    assert c.avg_3y == pytest.approx(3.0) and c.vs_avg3_pct == pytest.approx(200 / 3)
    z = st.make_change(3, 0, 0, 0, 0)  # a zero average → "—"
    assert z.avg_3y == 0.0 and (z.mom_pct, z.yoy_pct, z.vs_avg3_pct) == (None, None, None)
    assert st.make_rate(0, 0).pct is None and st.make_rate(1, 3).pct == pytest.approx(100 / 3)


def test_texts():
    assert st.change_text(12.34) == "同比上升 12.3%"
    assert st.change_text(-10.2) == "同比下降 10.2%"
    assert st.change_text(0.04) == "同比持平" and st.change_text(-0.049) == "同比持平"
    assert st.change_text(None) == "同比 —"
    assert st.change_text(-15.06, basis="较前3年平均") == "较前3年平均下降 15.1%"
    assert st.change_text(5, basis="环比") == "环比上升 5.0%"
    assert st.pct_text(89) == "89.0%" and st.pct_text(15.06) == "15.1%" and st.pct_text(None) == "—"
    assert st.number_text(1234) == "1,234" and st.number_text(0) == "0"
    names = [n for n, _d in st.DEFINITIONS]
    for name in ("同比", "环比", "较前3年平均", "治安案件30日办结率", "调解成功率", "流转化解率", "工单按期办结率"):
        assert name in names


# --------------------------------------------------------------------------- database fixtures


@dataclasses.dataclass
class Org:
    station_id: int
    room: int
    team: int
    officer_a: int
    officer_b: int
    crime: int       # criminal level-1 category
    burglary: int    # its subtype
    dispute: int     # non-criminal level-1
    noise: int       # its subtype
    c1: int
    c2: int
    g1: int
    g2: int
    g3: int


@pytest.fixture
def org(db) -> Org:
    with db.transaction() as s:
        station, room, team, _duty = make_station(s)
        a = add_staff(s, station, number="GD101", name="刘洋", roles={Role.OFFICER}, unit=team)
        b = add_staff(s, station, number="GD102", name="陈静", roles={Role.OFFICER}, unit=room)
        crime = IncidentCategory(code="S-XS", name="刑事", level=1, criminal=True, sort_order=1)
        dispute = IncidentCategory(code="S-JF", name="纠纷", level=1, sort_order=2)
        s.add_all([crime, dispute])
        s.flush()
        burglary = IncidentCategory(code="S-XS-01", name="盗窃", level=2, parent_id=crime.id)
        noise = IncidentCategory(code="S-JF-01", name="噪音", level=2, parent_id=dispute.id)
        c1 = Community(station_id=station.id, code="C1", name="东风社区")
        c2 = Community(station_id=station.id, code="C2", name="西湖村")
        s.add_all([burglary, noise, c1, c2])
        s.flush()
        g1 = Grid(station_id=station.id, community_id=c1.id, code="G1", name="东风一网格")
        g2 = Grid(station_id=station.id, community_id=c1.id, code="G2", name="东风二网格")
        g3 = Grid(station_id=station.id, community_id=c2.id, code="G3", name="西湖网格")
        s.add_all([g1, g2, g3])
        s.flush()
        return Org(station.id, room.id, team.id, a.id, b.id, crime.id, burglary.id, dispute.id, noise.id,
                   c1.id, c2.id, g1.id, g2.id, g3.id)


def _incidents(db, org, items):
    rows = [{"station_id": org.station_id, "number": f"JQ{i:04d}", "reported_at": at, "category_id": cat,
             "community_id": com, "grid_id": grid, "unit_id": unit, "officer_id": officer, "source": "manual"}
            for i, (at, cat, com, grid, unit, officer) in enumerate(items)]
    with db.transaction() as s:
        s.execute(insert(Incident), rows)


FEB = st.period_of("month", date(2024, 2, 10))  # a leap-year February: 29 duty days
NOW = datetime(2024, 3, 20, 9, 0)


@pytest.fixture
def incidents(db, org):
    o = org
    _incidents(db, org, [
        # February 2024 (this period): 5, of them criminal 2
        (datetime(2024, 2, 1, 8, 0), o.crime, o.c1, o.g1, o.team, o.officer_a),       # Thu 08h, first minute
        (datetime(2024, 2, 10, 23, 30), o.burglary, o.c1, o.g2, o.team, o.officer_a),  # Sat 23h
        (datetime(2024, 2, 29, 10, 0), o.noise, o.c2, o.g3, o.room, o.officer_b),     # Thu 10h, leap day
        (datetime(2024, 3, 1, 7, 59), o.dispute, o.c2, o.g3, o.room, o.officer_b),    # Fri 07h → duty day 2-29
        (datetime(2024, 2, 15, 12, 0), None, None, None, None, None),                 # Thu 12h, nothing filled
        # January 2024 (previous period): 4
        (datetime(2024, 2, 1, 7, 59), o.noise, o.c1, o.g1, o.team, o.officer_a),      # duty day 1-31
        (datetime(2024, 1, 15, 12, 0), o.noise, o.c1, o.g1, o.team, o.officer_a),
        (datetime(2024, 1, 20, 12, 0), o.noise, o.c2, o.g3, o.room, o.officer_b),
        (datetime(2024, 1, 31, 9, 0), o.noise, o.c2, o.g3, o.room, o.officer_b),
        # February 2023 (last year): 2, criminal 1; 2023-02-01 07:59 belongs to January 2023
        (datetime(2023, 2, 28, 9, 0), o.crime, o.c1, o.g1, o.team, o.officer_a),
        (datetime(2023, 2, 10, 9, 0), o.noise, o.c2, o.g3, o.room, o.officer_b),
        (datetime(2023, 2, 1, 7, 59), o.crime, o.c1, o.g1, o.team, o.officer_a),
        # February 2022: 3; February 2021: 4, criminal 1
        *[(datetime(2022, 2, 5, 9, 0), o.noise, o.c2, o.g3, o.room, o.officer_b)] * 3,
        *[(datetime(2021, 2, 20, 9, 0), o.noise, o.c2, o.g3, o.room, o.officer_b)] * 3,
        (datetime(2021, 2, 21, 9, 0), o.burglary, o.c1, o.g2, o.team, o.officer_a),
    ])
    return org


def _others(db, org):
    """Cases, disputes, transfers, work orders and clusters of February 2024 (hand-counted)."""
    sid = org.station_id
    adm = {"station_id": sid, "kind": "administrative", "title": "治安"}
    crim = {"station_id": sid, "kind": "criminal", "title": "刑事"}
    cases = [
        # 30-day closure (now 2024-03-20): A1 closed within 30 days; A2 closed after 31; A3 open, 30 days run
        # out; A4 open, still within its 30 days (not counted at all). → 1 / 3
        {**adm, "number": "A1", "accepted_at": datetime(2024, 2, 2, 10), "status": "closed",
         "closed_at": datetime(2024, 2, 20, 10)},
        {**adm, "number": "A2", "accepted_at": datetime(2024, 2, 3, 10), "status": "closed",
         "closed_at": datetime(2024, 3, 5, 10)},
        {**adm, "number": "A3", "accepted_at": datetime(2024, 2, 5, 10)},
        {**adm, "number": "A4", "accepted_at": datetime(2024, 2, 27, 10)},
        {**adm, "number": "A5", "accepted_at": datetime(2024, 1, 5, 10)},  # January: not in the rate
        {**crim, "number": "X1", "accepted_at": datetime(2024, 2, 6, 10)},
        {**crim, "number": "X2", "accepted_at": datetime(2024, 2, 7, 10)},
        {**crim, "number": "X3", "accepted_at": datetime(2024, 1, 7, 10)},
        *[{**crim, "number": f"Y{i}", "accepted_at": datetime(2023, 2, 7 + i, 10)} for i in range(4)],
    ]
    base = {"station_id": sid, "cause": "纠纷", "source": "other", "risk_level": "low", "scale": 2,
            "nature": "neighbour", "registered_at": datetime(2024, 2, 2, 9)}
    disputes = [
        *[{**base, "number": f"D{i}", "status": "resolved", "resolved_how": "agreement",
           "ended_at": datetime(2024, 2, 10 + i)} for i in range(3)],
        {**base, "number": "D3", "status": "failed", "ended_at": datetime(2024, 2, 20)},
        {**base, "number": "D4", "status": "transferred", "ended_at": datetime(2024, 2, 21)},
        {**base, "number": "D5", "status": "mediating"},
        {**base, "number": "D6", "status": "resolved", "resolved_how": "other", "ended_at": datetime(2024, 1, 20),
         "registered_at": datetime(2024, 1, 2, 9)},
    ]
    with db.transaction() as s:
        s.execute(insert(Case), cases)
        s.execute(insert(Dispute), disputes)
        did = s.query(Dispute.id).filter(Dispute.number == "D4").scalar()
        tr = {"station_id": sid, "dispute_id": did, "direction": "to_centre", "reason": "移交", "receiver": "矛调中心"}
        s.execute(insert(Transfer), [
            {**tr, "transferred_on": date(2024, 2, 3), "outcome": "resolved", "outcome_on": date(2024, 2, 9)},
            {**tr, "transferred_on": date(2024, 2, 4), "outcome": "resolved", "outcome_on": date(2024, 2, 9)},
            {**tr, "transferred_on": date(2024, 2, 5), "outcome": "unresolved", "outcome_on": date(2024, 2, 9)},
            {**tr, "transferred_on": date(2024, 2, 6)},
            {**tr, "transferred_on": date(2024, 3, 6), "outcome": "resolved", "outcome_on": date(2024, 3, 9)},
        ])
        rc = {"station_id": sid, "incident_count": 2, "status": "open"}
        s.execute(insert(RepeatCluster), [
            {**rc, "kind": "same_caller", "match_key": "13800138000", "first_at": datetime(2024, 2, 3, 9),
             "last_at": datetime(2024, 2, 3, 10)},
            {**rc, "kind": "same_caller", "match_key": "13900139000", "first_at": datetime(2024, 2, 5, 9),
             "last_at": datetime(2024, 2, 5, 10)},
            {**rc, "kind": "same_place", "match_key": "解放路1号", "first_at": datetime(2024, 2, 28, 9),
             "last_at": datetime(2024, 3, 2, 10)},
            {**rc, "kind": "same_place", "match_key": "解放路2号", "first_at": datetime(2024, 3, 5, 9),
             "last_at": datetime(2024, 3, 6, 10)},
        ])
        station = s.get(Station, sid)
        team, room = s.get(Unit, org.team), s.get(Unit, org.room)
        # team: closed 2 (1 on time); room: closed 1 on time, 1 open and overdue now; 1 issued in January
        make_work_order(s, station, team, seq=1, issued_at=datetime(2024, 2, 2, 9), deadline=datetime(2024, 2, 5, 9),
                        status="closed", closed_at=datetime(2024, 2, 5, 9))       # on the deadline: on time
        make_work_order(s, station, team, seq=2, issued_at=datetime(2024, 2, 2, 9), deadline=datetime(2024, 2, 5, 9),
                        status="closed", closed_at=datetime(2024, 2, 6, 9))       # late
        make_work_order(s, station, room, seq=3, issued_at=datetime(2024, 2, 9, 9), deadline=datetime(2024, 2, 12, 9),
                        status="closed", closed_at=datetime(2024, 2, 10, 9))
        make_work_order(s, station, room, seq=4, issued_at=datetime(2024, 2, 20, 9), deadline=datetime(2024, 3, 1, 9))
        make_work_order(s, station, room, seq=5, issued_at=datetime(2024, 1, 20, 9), deadline=datetime(2024, 4, 1, 9))


# --------------------------------------------------------------------------- database tests


def test_dashboard_against_hand_counts(db, incidents):
    org = incidents
    _others(db, org)
    d = st.dashboard(db, org.station_id, FEB, now=NOW)

    c = d.incidents
    assert (c.value, c.previous, c.last_year, c.years_back) == (5, 4, 2, (2, 3, 4))
    assert c.mom_pct == pytest.approx(25.0) and c.yoy_pct == pytest.approx(150.0)
    assert c.avg_3y == pytest.approx(3.0) and c.vs_avg3_pct == pytest.approx(200 / 3)
    k = d.criminal_incidents
    assert (k.value, k.previous, k.last_year, k.years_back) == (2, 0, 1, (1, 0, 1))
    assert k.mom_pct is None and k.yoy_pct == pytest.approx(100.0) and k.vs_avg3_pct == pytest.approx(200.0)

    assert (d.criminal_cases.value, d.criminal_cases.previous, d.criminal_cases.last_year) == (2, 1, 4)
    assert d.criminal_cases.yoy_pct == pytest.approx(-50.0)
    assert (d.administrative_cases.value, d.administrative_cases.previous) == (4, 1)
    assert d.closure_rate_30 == st.Rate(1, 3, pytest.approx(100 / 3))
    assert d.mediation_success == st.Rate(3, 5, pytest.approx(60.0))
    assert d.transfer_resolution == st.Rate(2, 3, pytest.approx(200 / 3)) and d.transfers == 4
    assert d.disputes_registered == 6
    assert d.work_order_on_time == st.Rate(2, 3, pytest.approx(200 / 3))
    assert d.work_orders_issued == 4 and d.work_orders_overdue_now == 1
    units = {u.name: u for u in d.work_orders_by_unit}
    assert (units["社区警务队"].closed, units["社区警务队"].on_time, units["社区警务队"].pct) == (2, 1, 50.0)
    assert (units["综合指挥室"].closed, units["综合指挥室"].pct, units["综合指挥室"].overdue_now,
            units["综合指挥室"].open_now) == (1, 100.0, 1, 2)
    assert d.repeats_by_kind == {"same_caller": 2, "same_place": 1, "same_event": 0}

    # Daily trend: every duty day, zeros included, with the same duty day a year earlier.
    assert len(d.daily) == 29 and d.daily[0][0] == date(2024, 2, 1) and d.daily[-1][0] == date(2024, 2, 29)
    daily = {day: (n, ly) for day, n, ly in d.daily}
    assert daily[date(2024, 2, 1)] == (1, 0)      # 2023-02-01 07:59 is duty day 2023-01-31
    assert daily[date(2024, 2, 10)] == (1, 1)
    assert daily[date(2024, 2, 15)] == (1, 0)
    assert daily[date(2024, 2, 28)] == (0, 1)
    # 03-01 07:59 belongs to 02-29; 2023-02-28 is already 02-28's comparison, so it is not shown twice
    assert daily[date(2024, 2, 29)] == (2, 0)
    assert sum(ly for _n, ly in daily.values()) == d.incidents.last_year
    assert daily[date(2024, 2, 2)] == (0, 0)
    assert sum(n for _d, n, _l in d.daily) == 5

    # Hour × weekday by wall-clock time.
    m = d.hour_weekday
    assert len(m) == 7 and all(len(row) == 24 for row in m) and sum(map(sum, m)) == 5
    assert (m[3][8], m[5][23], m[3][10], m[4][7], m[3][12]) == (1, 1, 1, 1, 1)

    cats = [(b.key, b.name, b.value, b.last_year) for b in d.by_category]
    assert cats == [(org.crime, "刑事", 2, 1), (org.dispute, "纠纷", 2, 1), (None, "未分类", 1, 0)]
    assert d.by_category[0].yoy_pct == pytest.approx(100.0) and d.by_category[0].share_pct == pytest.approx(40.0)
    assert d.by_category[2].yoy_pct is None and d.by_category[2].share_pct == pytest.approx(20.0)
    coms = [(b.key, b.name, b.value, b.last_year) for b in d.by_community]
    assert coms == [(org.c1, "东风社区", 2, 1), (org.c2, "西湖村", 2, 1), (None, "未填写", 1, 0)]
    grids = [(b.key, b.value, b.last_year) for b in d.by_grid]
    assert grids == [(org.g3, 2, 1), (org.g1, 1, 1), (org.g2, 1, 0), (None, 1, 0)]
    assert sum(b.share_pct for b in d.by_grid) == pytest.approx(100.0)


SLICES = [
    ("category_id", "crime", (2, 0, 1, (1, 0, 1))),     # the category and its subtypes
    ("subtype_id", "burglary", (1, 0, 0, (0, 0, 1))),
    ("community_id", "c2", (2, 2, 1, (1, 3, 3))),
    ("grid_id", "g1", (1, 2, 1, (1, 0, 0))),
    ("unit_id", "room", (2, 2, 1, (1, 3, 3))),
    ("officer_id", "officer_a", (2, 2, 1, (1, 0, 1))),
]


def test_slices_periods_and_duty_day_cutover(db, incidents):
    # One database set-up for every slice and period (set-ups dominate this file's runtime).
    org = incidents
    for field, attr, expected in SLICES:
        c = st.incident_change(db, org.station_id, FEB, st.Slice(**{field: getattr(org, attr)}))
        assert (c.value, c.previous, c.last_year, c.years_back) == expected, field

    sl = st.Slice(category_id=org.crime)
    d = st.dashboard(db, org.station_id, FEB, sl, now=NOW)
    assert d.incidents.value == 2 and d.criminal_incidents.value == 2
    # Sliced by a level-1 category, the breakdown shows the category's own rows and its subtypes.
    assert [(b.name, b.value, b.last_year) for b in d.by_category] == [("刑事", 1, 1), ("盗窃", 1, 0)]
    assert [(b.name, b.value) for b in d.by_community] == [("东风社区", 2)]
    assert sum(n for _d, n, _l in d.daily) == 2
    assert st.slice_label(db, org.station_id, sl) == "刑事"
    assert st.slice_label(db, org.station_id, st.Slice(subtype_id=org.burglary, community_id=org.c1)) == \
        "盗窃 · 东风社区"
    assert st.slice_label(db, org.station_id, st.Slice()) == "全所"
    d2 = st.dashboard(db, org.station_id, FEB, st.Slice(community_id=org.c2, unit_id=org.room), now=NOW)
    assert d2.incidents.value == 2 and d2.criminal_incidents.value == 0

    day = st.period_of("day", date(2024, 2, 29))
    assert st.incident_change(db, org.station_id, day).value == 2          # 10:00 and next day 07:59
    jan31 = st.period_of("day", date(2024, 1, 31))
    assert st.incident_change(db, org.station_id, jan31).value == 2        # 09:00 and 02-01 07:59
    week = st.period_of("week", date(2024, 2, 29))                          # Mon 02-26 .. Sun 03-03
    c = st.incident_change(db, org.station_id, week)
    assert (c.value, c.previous) == (2, 0)
    q = st.incident_change(db, org.station_id, st.period_of("quarter", date(2024, 3, 31)))
    assert (q.value, q.previous, q.last_year) == (9, 0, 3)
    y = st.incident_change(db, org.station_id, st.period_of("year", date(2024, 6, 1)))
    assert (y.value, y.previous, y.last_year, y.years_back) == (9, 3, 3, (3, 3, 4))
    leap = st.dashboard(db, org.station_id, day, now=NOW)
    assert leap.daily == ((date(2024, 2, 29), 2, 1),)                      # compared with 2023-02-28

    # The records begin on 2021-02-20: February 2020 is not a year of zero incidents, so February 2023 is
    # compared with the mean of February 2022 and 2021 only.
    c = st.incident_change(db, org.station_id, st.period_of("month", date(2023, 2, 1)), now=NOW)
    assert (c.value, c.years_back, c.avg_3y) == (2, (3, 4, 0), 3.5)
    assert c.vs_avg3_pct == pytest.approx((2 - 3.5) / 3.5 * 100)
    assert st.make_change(5, 4, 2, 3, 4, covered=0).avg_3y is None

    # February still running on 2024-02-16 08:00 (15 duty days in): every base is cut to its first
    # 15 duty days — month to date against the same days of January and of each earlier February.
    mid = datetime(2024, 2, 16, 8, 0)
    c = st.incident_change(db, org.station_id, FEB, now=mid)
    assert (c.value, c.previous, c.last_year, c.years_back) == (3, 1, 1, (1, 3, 0))
    d = st.dashboard(db, org.station_id, FEB, now=mid)
    assert (d.incidents.value, d.incidents.last_year, d.incidents.previous) == (3, 1, 1)
    assert d.incidents.yoy_pct == pytest.approx(200.0)
    assert d.criminal_incidents.last_year == 0                             # 2023-02-28 is after the cut
    assert sum(n for _d, _n, n in d.daily) == 2                            # the chart shows all of Feb 2023


def test_empty_station_zeros_and_cancel(db, org):
    p = st.period_of("custom", date(2025, 3, 1), last_day=date(2025, 3, 3))
    d = st.dashboard(db, org.station_id, p, now=NOW)
    assert d.daily == tuple((date(2025, 3, i), 0, 0) for i in (1, 2, 3))
    assert d.incidents.vs_avg3_pct is None and d.incidents.avg_3y is None  # no records: no years to average
    assert d.closure_rate_30.pct is None and d.mediation_success.pct is None and d.work_order_on_time.pct is None
    assert d.by_category == () and sum(map(sum, d.hour_weekday)) == 0
    with pytest.raises(Cancelled):
        st.dashboard(db, org.station_id, p, now=NOW, cancelled=lambda: True)
    calls = []

    def later() -> bool:
        calls.append(1)
        return len(calls) > 3
    with pytest.raises(Cancelled):
        st.dashboard(db, org.station_id, p, now=NOW, cancelled=later)
