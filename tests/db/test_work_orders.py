"""Work-order service on every backend: the state machine, roles, numbers, sources, lists, desk,
statistics and attachments."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta
from types import SimpleNamespace

import pytest
from sqlalchemy import select, text, update

from desktop.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from desktop.models import (
    Attachment,
    Briefing,
    Directive,
    Dispute,
    RepeatCluster,
    Station,
    Warning,
    WorkOrder,
    WorkOrderEvent,
    repeat_cluster_incidents,
)
from desktop.models.enums import Rank, Role, UnitKind
from desktop.services import work_orders as wo
from desktop.services.accounts import LoginResult
from desktop.services.paging import Filter, Sort
from desktop.services.stations import add_staff, add_unit
from tests.factories import make_incident, make_station, make_work_order

T0 = datetime(2025, 3, 6, 9, 0)


@dataclasses.dataclass
class Org:
    station_id: int
    code: str
    room: int
    team: int
    office: int
    duty: LoginResult
    chief: LoginResult
    officer: LoginResult      # community team
    colleague: LoginResult    # community team, another person
    outsider: LoginResult     # police office
    viewer: LoginResult
    admin: LoginResult


def _login(staff, station) -> LoginResult:
    return LoginResult(staff.id, station.id, staff.name, staff.number, tuple(sorted(str(r) for r in staff.roles)),
                       station.name)


@pytest.fixture
def org(db) -> Org:
    with db.transaction() as s:
        station, room, team, duty = make_station(s)
        office = add_unit(s, station, code="GD-JWS", name="城南警务室", kind=UnitKind.POLICE_OFFICE)
        chief = add_staff(s, station, number="GD009", name="王强", roles={Role.CHIEF}, unit=room)
        officer = add_staff(s, station, number="GD101", name="刘洋", roles={Role.OFFICER}, unit=team)
        colleague = add_staff(s, station, number="GD102", name="陈静", roles={Role.OFFICER}, unit=team)
        outsider = add_staff(s, station, number="GD201", name="赵磊", roles={Role.OFFICER}, unit=office)
        viewer = add_staff(s, station, number="GD301", name="孙丽", rank=Rank.CIVILIAN, roles={Role.VIEWER},
                           unit=team)
        admin = add_staff(s, station, number="GD302", name="周杰", rank=Rank.CIVILIAN, roles={Role.ADMIN}, unit=team)
        return Org(station.id, station.code, room.id, team.id, office.id, _login(duty, station),
                   _login(chief, station), _login(officer, station), _login(colleague, station),
                   _login(outsider, station), _login(viewer, station), _login(admin, station))


def _new(org: Org, **kw) -> wo.NewOrder:
    return wo.NewOrder(title=kw.pop("title", "核查噪音扰民"), unit_id=kw.pop("unit_id", org.team), **kw)


def _issue(db, org: Org, *, now=T0, **kw) -> int:
    return wo.create_work_order(db, org.duty, _new(org, **kw), now=now)


def _version(db, org: Org, order_id: int) -> int:
    return wo.order_detail(db, org.station_id, order_id, now=T0).version


def _do(db, org: Org, login: LoginResult, order_id: int, action: str, *, now=T0 + timedelta(hours=1), **kw):
    wo.transition(db, login, order_id, _version(db, org, order_id), action, now=now, **kw)


def _put_in_state(db, org: Org, order_id: int, status: str) -> None:
    """Force an order into a state (test set-up only), as the right people would have brought it there."""
    with db.transaction(station_id=org.station_id) as s:
        order = s.get(WorkOrder, order_id)
        order.status = status
        if status == "closed":
            order.closed_at = T0 + timedelta(hours=2)
        if status == "cancelled":
            order.cancel_reason = "重复下发"


# --------------------------------------------------------------------------- the state machine

# Independent of the module's tables: DESIGN.md §3 written out state by state.
EXPECTED_TO = {
    ("issued", "accept"): "accepted", ("returned", "accept"): "accepted",
    ("accepted", "report"): "reported",
    ("reported", "return"): "returned", ("reported", "close"): "closed",
    **{(s, "urge"): s for s in ("issued", "accepted", "reported", "returned")},
    ("issued", "reassign"): "issued", ("accepted", "reassign"): "issued",
    **{(s, "cancel"): "cancelled" for s in ("issued", "accepted", "reported", "returned")},
}
STATES = ("issued", "accepted", "reported", "returned", "closed", "cancelled")


@pytest.mark.parametrize("status", STATES)
@pytest.mark.parametrize("action", wo.ACTIONS)
def test_state_table(db, org, status, action):
    order_id = _issue(db, org)
    _put_in_state(db, org, order_id, status)
    version = _version(db, org, order_id)
    kw = {"text": "原因说明"}
    if action == "reassign":
        kw.update(unit_id=org.office, assignee_id=org.outsider.staff_id)
    expected = EXPECTED_TO.get((status, action))
    if expected is None:
        with pytest.raises(ValidationError, match="不能"):
            wo.transition(db, org.chief, order_id, version, action, now=T0 + timedelta(hours=3), **kw)
        detail = wo.order_detail(db, org.station_id, order_id, now=T0)
        assert detail.status == status and detail.version == version
        assert [e.kind for e in detail.events] == ["issue"]
        return
    wo.transition(db, org.chief, order_id, version, action, now=T0 + timedelta(hours=3), **kw)
    detail = wo.order_detail(db, org.station_id, order_id, now=T0)
    assert detail.status == expected
    last = detail.events[-1]
    assert (last.kind, last.actor, last.text, last.from_status, last.to_status) == (
        action, "王强", "原因说明", status, expected)
    assert last.at == T0 + timedelta(hours=3)
    if action == "reassign":
        assert (detail.unit, detail.assignee, last.to_unit, last.to_assignee) == ("城南警务室", "赵磊", "城南警务室",
                                                                                  "赵磊")
    if action == "close":
        assert detail.closed_at == T0 + timedelta(hours=3)
    if action == "cancel":
        assert detail.cancel_reason == "原因说明"


@pytest.mark.parametrize("status", STATES)
def test_allowed_actions_by_role(status):
    everything = [a for a in wo.ACTIONS if (status, a) in EXPECTED_TO]
    command = [a for a in everything if a in ("return", "close", "urge", "reassign", "cancel")]
    unit = [a for a in everything if a in ("accept", "report")]
    assert wo.allowed_actions(status, ["chief"], is_unit_member=False, is_assignee=False) == everything
    assert wo.allowed_actions(status, ["duty"], is_unit_member=False, is_assignee=False) == command
    assert wo.allowed_actions(status, ["officer"], is_unit_member=True, is_assignee=False) == unit
    assert wo.allowed_actions(status, ["mediator"], is_unit_member=False, is_assignee=True) == unit
    assert wo.allowed_actions(status, ["officer"], is_unit_member=False, is_assignee=False) == []
    for roles in (["viewer"], ["admin"], ["admin", "viewer"]):
        assert wo.allowed_actions(status, roles, is_unit_member=True, is_assignee=True) == []


def test_full_workflow_with_return(db, org):
    order_id = _issue(db, org, assignee_id=org.officer.staff_id)
    assert wo.actions_for(db, org.officer, order_id) == ["accept"]
    _do(db, org, org.officer, order_id, "accept", now=T0 + timedelta(hours=1))
    _do(db, org, org.officer, order_id, "report", text="已上门劝导", now=T0 + timedelta(hours=5))
    assert wo.actions_for(db, org.duty, order_id) == ["return", "close", "urge", "cancel"]
    _do(db, org, org.duty, order_id, "return", text="请补充照片", now=T0 + timedelta(hours=6))
    _do(db, org, org.colleague, order_id, "accept", now=T0 + timedelta(hours=7))  # a unit colleague may
    _do(db, org, org.officer, order_id, "report", text="已补充", now=T0 + timedelta(hours=8))
    _do(db, org, org.duty, order_id, "close", text="销号", now=T0 + timedelta(hours=9))
    detail = wo.order_detail(db, org.station_id, order_id, now=T0 + timedelta(days=10))
    assert detail.status == "closed" and not detail.overdue
    assert [(e.kind, e.actor, e.to_status) for e in detail.events] == [
        ("issue", "张伟", "issued"), ("accept", "刘洋", "accepted"), ("report", "刘洋", "reported"),
        ("return", "张伟", "returned"), ("accept", "陈静", "accepted"), ("report", "刘洋", "reported"),
        ("close", "张伟", "closed"),
    ]
    assert detail.version == 7
    with db.session() as s:
        summaries = s.scalars(text("SELECT summary FROM audit_entries WHERE action = 'transition' ORDER BY seq")).all()
    assert summaries[0].startswith(f"下发工单 {detail.number}") and summaries[-1].startswith("办结工单")


def test_roles_are_enforced(db, org):
    order_id = _issue(db, org)
    for login in (org.outsider, org.viewer, org.admin):
        with pytest.raises(PermissionDenied, match="承办单位"):
            _do(db, org, login, order_id, "accept")
        assert wo.actions_for(db, login, order_id) == []
    # The duty officer is in the command room, not the team: may not accept the team's order.
    with pytest.raises(PermissionDenied):
        _do(db, org, org.duty, order_id, "accept")
    for login in (org.officer, org.viewer, org.admin):
        with pytest.raises(PermissionDenied, match="值班员或指挥长"):
            _do(db, org, login, order_id, "urge", text="请尽快")
    for login in (org.officer, org.viewer, org.admin):
        with pytest.raises(PermissionDenied):
            wo.create_work_order(db, login, _new(org), now=T0)
    # The named assignee may accept even when working in another unit.
    other = _issue(db, org, assignee_id=org.outsider.staff_id)
    _do(db, org, org.outsider, other, "accept")
    # The chief may do everything.
    _do(db, org, org.chief, order_id, "accept")
    _do(db, org, org.chief, order_id, "report", text="已办")
    _do(db, org, org.chief, order_id, "close")
    assert wo.order_detail(db, org.station_id, order_id).status == "closed"


def test_reassign_to_another_unit_goes_back_to_issued(db, org):
    order_id = _issue(db, org, assignee_id=org.officer.staff_id)
    _do(db, org, org.officer, order_id, "accept")
    _do(db, org, org.duty, order_id, "reassign", unit_id=org.team, assignee_id=org.colleague.staff_id)
    detail = wo.order_detail(db, org.station_id, order_id)
    assert (detail.status, detail.assignee) == ("accepted", "陈静")  # same unit: still in progress
    _do(db, org, org.duty, order_id, "reassign", unit_id=org.office, assignee_id=None, text="属警务室辖区")
    detail = wo.order_detail(db, org.station_id, order_id)
    assert (detail.status, detail.unit, detail.assignee) == ("issued", "城南警务室", None)
    assert (detail.events[-1].from_status, detail.events[-1].to_status) == ("accepted", "issued")
    assert wo.actions_for(db, org.officer, order_id) == []
    assert wo.actions_for(db, org.outsider, order_id) == ["accept"]
    with pytest.raises(ValidationError, match="无需转派"):
        _do(db, org, org.duty, order_id, "reassign", unit_id=org.office, assignee_id=None)
    with pytest.raises(ValidationError, match="承办单位不存在"):
        _do(db, org, org.duty, order_id, "reassign", unit_id=987654)


def test_cancel_needs_a_reason(db, org):
    order_id = _issue(db, org)
    for reason in (None, "", "   "):
        with pytest.raises(ValidationError, match="撤销原因"):
            _do(db, org, org.duty, order_id, "cancel", text=reason)
    assert wo.order_detail(db, org.station_id, order_id).status == "issued"
    _do(db, org, org.duty, order_id, "cancel", text="重复下发")
    detail = wo.order_detail(db, org.station_id, order_id)
    assert (detail.status, detail.cancel_reason) == ("cancelled", "重复下发")


def test_stale_version_is_a_conflict(db, org):
    order_id = _issue(db, org)
    version = _version(db, org, order_id)
    wo.transition(db, org.officer, order_id, version, "accept", now=T0)
    with pytest.raises(ConflictError):
        wo.transition(db, org.duty, order_id, version, "cancel", text="不需要了", now=T0)
    detail = wo.order_detail(db, org.station_id, order_id)
    assert detail.status == "accepted" and len(detail.events) == 2
    with pytest.raises(NotFound):
        wo.transition(db, org.duty, 999999, 1, "urge", now=T0)


def test_urge_records_a_reminder_only(db, org):
    order_id = _issue(db, org)
    version = _version(db, org, order_id)
    wo.transition(db, org.duty, order_id, version, "urge", text="请今日内签收", now=T0 + timedelta(hours=1))
    detail = wo.order_detail(db, org.station_id, order_id)
    assert (detail.status, detail.version) == ("issued", version)
    assert (detail.events[-1].kind, detail.events[-1].text) == ("urge", "请今日内签收")


def test_bulk_urge_and_reassign_all_or_nothing(db, org):
    a = _issue(db, org)
    b = _issue(db, org)
    c = _issue(db, org)
    _do(db, org, org.officer, c, "accept")
    _do(db, org, org.officer, c, "report", text="已办")
    _do(db, org, org.duty, c, "close")
    numbers = {i: wo.order_detail(db, org.station_id, i).number for i in (a, b, c)}
    with pytest.raises(ValidationError) as refused:
        wo.urge_many(db, org.duty, [a, b, c], "请加快", now=T0 + timedelta(hours=2))
    assert numbers[c] in refused.value.message and numbers[a] not in refused.value.message
    assert [len(wo.order_detail(db, org.station_id, i).events) for i in (a, b)] == [1, 1]
    assert wo.urge_many(db, org.duty, [a, b], "请加快", now=T0 + timedelta(hours=2)) == 2
    assert wo.order_detail(db, org.station_id, b).events[-1].kind == "urge"
    with pytest.raises(ValidationError, match=numbers[c]):
        wo.reassign_many(db, org.duty, [a, c], org.office, None)
    with pytest.raises(PermissionDenied):
        wo.urge_many(db, org.officer, [a], "x")
    assert wo.reassign_many(db, org.duty, [a, b], org.office, org.outsider.staff_id) == 2
    assert {wo.order_detail(db, org.station_id, i).unit for i in (a, b)} == {"城南警务室"}


# --------------------------------------------------------------------------- creating


def test_numbers_deadline_and_year_rollover(db, org):
    first = _issue(db, org, now=datetime(2025, 12, 31, 23, 0), priority="urgent")
    second = _issue(db, org, now=datetime(2025, 12, 31, 23, 30), priority="long_term")
    third = _issue(db, org, now=datetime(2026, 1, 1, 0, 5), deadline=datetime(2026, 1, 5, 17, 30))
    d1, d2, d3 = (wo.order_detail(db, org.station_id, i) for i in (first, second, third))
    assert [d1.number, d2.number, d3.number] == ["GD-2025-000001", "GD-2025-000002", "GD-2026-000001"]
    assert d1.deadline == datetime(2026, 1, 1, 1, 0)
    assert d2.deadline == datetime(2026, 1, 30, 23, 30)
    assert d3.deadline == datetime(2026, 1, 5, 17, 30)
    assert d1.tracker == "张伟"  # the issuing desk chases it unless told otherwise
    assert wo.default_deadline("high", T0) == T0 + timedelta(hours=24)
    assert wo.default_deadline("normal", T0, {"normal": 48}) == T0 + timedelta(hours=48)
    custom = wo.create_work_order(db, org.duty, _new(org, priority="high"), now=T0, deadline_hours={"high": 12})
    assert wo.order_detail(db, org.station_id, custom).deadline == T0 + timedelta(hours=12)


def test_refused_order_does_not_use_a_number(db, org):
    with pytest.raises(ValidationError, match="承办单位不存在"):
        _issue(db, org, unit_id=424242)
    with pytest.raises(ValidationError) as bad:
        _issue(db, org, title=" ", deadline=T0 - timedelta(hours=1))
    assert set(bad.value.fields) == {"title", "deadline"}
    order_id = _issue(db, org)
    assert wo.order_detail(db, org.station_id, order_id).number == "GD-2025-000001"


def _sources(db, org: Org) -> dict[str, int]:
    with db.transaction(station_id=org.station_id) as s:
        station = s.get(Station, org.station_id)
        inc = make_incident(s, station, "JQ20250305001")
        inc2 = make_incident(s, station, "JQ20250305002")
        cluster = RepeatCluster(kind="same_caller", match_key="13800138000", first_at=T0 - timedelta(hours=5),
                                last_at=T0 - timedelta(hours=1), incident_count=2)
        s.add(cluster)
        s.flush()
        s.execute(repeat_cluster_incidents.insert(), [{"cluster_id": cluster.id, "incident_id": inc.id},
                                                      {"cluster_id": cluster.id, "incident_id": inc2.id}])
        briefing = Briefing(kind="daily", period_start=datetime(2025, 3, 5, 8), period_end=datetime(2025, 3, 6, 8))
        s.add(briefing)
        s.flush()
        directive = Directive(briefing_id=briefing.id, seq=2, text="加强夜间巡逻")
        warning = Warning(number="YJ-2025-0007", source="hq", kind="fraud", received_at=T0, content="反诈预警")
        dispute = Dispute(number="JF-2025-0003", registered_at=T0, cause="噪音", nature="neighbour")
        s.add_all([directive, warning, dispute])
        s.flush()
        return {"incident": inc.id, "incident2": inc2.id, "cluster": cluster.id, "directive": directive.id,
                "warning": warning.id, "dispute": dispute.id}


def test_every_source_kind_links_both_ways(db, org):
    src = _sources(db, org)
    expected_labels = {
        "incident": "警情 JQ20250305001", "cluster": "重复警情 一人多报 13800138000",
        "directive": "指令 2025-03-05 第2条", "warning": "预警 YJ-2025-0007", "dispute": "矛盾纠纷 JF-2025-0003",
    }
    made = {}
    for kind, label in expected_labels.items():
        order_id = _issue(db, org, source_kind=kind, source_id=src[kind])
        made[kind] = order_id
        detail = wo.order_detail(db, org.station_id, order_id)
        assert (detail.source_kind, detail.source_id, detail.source_label) == (kind, src[kind], label)
        number = detail.number
        assert wo.orders_for_source(db, org.station_id, kind, src[kind])[-1] == (order_id, number, "issued")
    hq = _issue(db, org, source_kind="hq", hq_reference="公（2025）12号")
    assert wo.order_detail(db, org.station_id, hq).source_label == "上级交办 公（2025）12号"
    assert wo.order_detail(db, org.station_id, _issue(db, org)).source_label == "自建"
    # An incident of the cluster reaches the cluster's order too.
    linked = [row[0] for row in wo.orders_for_source(db, org.station_id, "incident", src["incident2"])]
    assert linked == [made["cluster"]]
    with db.session(station_id=org.station_id) as s:
        assert s.get(RepeatCluster, src["cluster"]).status == "ordered"
    rows = wo.work_order_list_query(db, org.station_id, now=T0).fetch(0, 20, sort=Sort("number"))
    assert [r[9] for r in rows[:5]] == ["警情 JQ20250305001", "重复警情 一人多报 13800138000", "指令",
                                        "预警 YJ-2025-0007", "矛盾纠纷 JF-2025-0003"]
    assert rows[5][9] == "上级交办 公（2025）12号"


def test_sources_must_exist_in_this_station(db, org):
    src = _sources(db, org)
    with db.transaction() as s:
        other, *_ = make_station(s, code="XJ", name="新街派出所")
        foreign = make_incident(s, other, "JQ-OTHER-1").id
    with pytest.raises(ValidationError, match="来源警情不存在"):
        _issue(db, org, source_kind="incident", source_id=foreign)
    with pytest.raises(ValidationError, match="来源"):
        _issue(db, org, source_kind="dispute", source_id=None)
    with pytest.raises(ValidationError, match="文号"):
        _issue(db, org, source_kind="hq")
    with pytest.raises(ValidationError, match="不存在"):
        _issue(db, org, source_kind="cluster", source_id=src["cluster"] + 1000)
    with db.session(station_id=org.station_id) as s:
        assert s.get(RepeatCluster, src["cluster"]).status == "open"
        assert s.scalar(select(WorkOrder.id)) is None


# --------------------------------------------------------------------------- overdue, list, counts


def test_overdue_boundary(db, org):
    order_id = _issue(db, org, deadline=T0 + timedelta(hours=4))
    deadline = T0 + timedelta(hours=4)
    assert not wo.order_detail(db, org.station_id, order_id, now=deadline).overdue
    assert wo.order_detail(db, org.station_id, order_id, now=deadline + timedelta(seconds=1)).overdue
    assert not wo.is_overdue("issued", deadline, deadline) and wo.is_overdue("returned", deadline,
                                                                              deadline + timedelta(seconds=1))
    assert not wo.is_overdue("closed", deadline, deadline + timedelta(days=1))
    for now, tone, listed in ((deadline - timedelta(hours=25), "", 0), (deadline - timedelta(hours=24), "due_soon", 0),
                              (deadline, "due_soon", 0), (deadline + timedelta(seconds=1), "overdue", 1)):
        query = wo.work_order_list_query(db, org.station_id, now=now)
        assert query.fetch(0, 5)[0][2] == tone
        assert query.count(wo.overdue_filter(now)) == listed
        assert len(wo.my_desk(db, org.duty, now=now).overdue_tracked) == listed
    assert wo.work_order_list_query(db, org.station_id, now=deadline).count(
        wo.overdue_filter(deadline + timedelta(microseconds=500))) == 1
    # A cancelled order is never overdue.
    _do(db, org, org.duty, order_id, "cancel", text="不需要")
    assert wo.work_order_list_query(db, org.station_id, now=deadline + timedelta(days=1)).fetch(0, 1)[0][2] == ""


def test_list_filters_and_counts(db, org):
    a = _issue(db, org, assignee_id=org.officer.staff_id, deadline=datetime(2025, 3, 6, 18, 0))
    b = _issue(db, org, unit_id=org.office, priority="urgent", title="反诈劝阻回访")
    c = _issue(db, org, deadline=datetime(2025, 3, 7, 9, 0))
    _do(db, org, org.officer, a, "accept")
    _do(db, org, org.duty, c, "cancel", text="重复")
    now = datetime(2025, 3, 6, 12, 0)
    query = wo.work_order_list_query(db, org.station_id, {"unit": "Unit"}, now=now)
    assert query.column("unit").title == "Unit"
    assert query.count() == 3
    assert query.count(Filter(equals={"status": "accepted"})) == 1
    assert query.count(Filter(equals={"unit_id": org.office})) == 1
    assert query.count(Filter(equals={"assignee_id": org.officer.staff_id})) == 1
    assert query.count(Filter(equals={"tracker_id": org.duty.staff_id})) == 3
    assert query.count(Filter(equals={"priority": "urgent", "source_kind": "manual"})) == 1
    assert query.count(Filter(text="反诈")) == 1
    assert query.count(wo.due_today_filter(now)) == 2  # a (18:00 today) and b (urgent: 11:00 today)
    assert query.count(wo.overdue_filter(now)) == 1     # b: issued 09:00 + 2 h
    rows = {r[0]: r for r in query.fetch(0, 10)}
    assert rows[a][1:9] == ("GD-2025-000001", "due_soon", "accepted", "normal", "核查噪音扰民", "社区警务队", "刘洋",
                            "张伟")
    assert rows[b][2] == "overdue" and rows[c][2] == ""
    assert [r[0] for r in query.fetch(0, 10, sort=Sort("deadline"))] == [b, a, c]
    assert query.count(Filter(ranges={"issued_at": (T0, T0)})) == 3
    assert wo.status_counts(db, org.station_id) == {"accepted": 1, "issued": 1, "cancelled": 1}
    assert wo.status_counts(db, org.station_id, equals={"unit_id": org.team}) == {"accepted": 1, "cancelled": 1}
    assert wo.status_counts(db, org.station_id, text="反诈") == {"issued": 1}
    assert wo.status_counts(db, org.station_id, ranges={"deadline": (None, datetime(2025, 3, 6, 23, 59))}) == {
        "accepted": 1, "issued": 1}


def test_my_desk_for_assignee_unit_and_tracker(db, org):
    mine = _issue(db, org, assignee_id=org.officer.staff_id, deadline=T0 + timedelta(hours=10))
    unit_open = _issue(db, org, deadline=T0 + timedelta(hours=5))
    someone_elses = _issue(db, org, assignee_id=org.colleague.staff_id)
    tracked_by_chief = wo.create_work_order(db, org.chief, _new(org, unit_id=org.office), now=T0)
    in_progress = _issue(db, org, assignee_id=org.officer.staff_id)
    _do(db, org, org.officer, in_progress, "accept")
    reported = _issue(db, org, assignee_id=org.officer.staff_id)
    _do(db, org, org.officer, reported, "accept")
    _do(db, org, org.officer, reported, "report", text="已办")
    now = T0 + timedelta(hours=6)
    desk = wo.my_desk(db, org.officer, now=now)
    assert [r.id for r in desk.to_accept] == [unit_open, mine]  # by deadline
    assert desk.to_accept[0].overdue and not desk.to_accept[1].overdue
    assert [r.id for r in desk.to_report] == [in_progress]
    assert desk.to_review == [] and desk.overdue_tracked == []
    assert someone_elses not in [r.id for r in desk.to_accept]
    duty_desk = wo.my_desk(db, org.duty, now=now)
    assert [r.id for r in duty_desk.to_review] == [reported]
    assert [r.id for r in duty_desk.overdue_tracked] == [unit_open]
    assert duty_desk.overdue_tracked[0].unit == "社区警务队"
    chief_desk = wo.my_desk(db, org.chief, now=now + timedelta(days=5))
    assert [r.id for r in chief_desk.overdue_tracked] == [tracked_by_chief]
    assert chief_desk.to_review == []  # the duty desk tracks the reported one
    viewer_desk = wo.my_desk(db, org.viewer, now=now)
    assert viewer_desk.total == 0


# --------------------------------------------------------------------------- statistics


def test_statistics_on_a_hand_made_set(db, org):
    with db.transaction(station_id=org.station_id) as s:
        station = s.get(Station, org.station_id)
        team, office = org.team, org.office
        officer, outsider = org.officer.staff_id, org.outsider.staff_id

        def order(seq, unit, assignee, issued, deadline, status, closed=None, accepted=None):
            w = make_work_order(s, station, SimpleNamespace(id=unit), seq=seq, assignee_id=assignee,
                                issued_at=issued, deadline=deadline, status=status, closed_at=closed,
                                cancel_reason="x" if status == "cancelled" else None)
            if accepted:
                s.add(WorkOrderEvent(work_order_id=w.id, kind="accept", at=accepted, from_status="issued",
                                     to_status="accepted"))
                s.add(WorkOrderEvent(work_order_id=w.id, kind="accept", at=accepted + timedelta(hours=30),
                                     from_status="returned", to_status="accepted"))  # only the first counts
            return w

        d = datetime
        # In March 2025 (the period): team: 2 closed (1 on time, 1 late), 1 open overdue; office: 1 closed
        # exactly at its deadline (on time), 1 open not overdue, 1 cancelled.
        order(1, team, officer, d(2025, 3, 1, 8), d(2025, 3, 2, 8), "closed", d(2025, 3, 1, 20), d(2025, 3, 1, 10))
        order(2, team, officer, d(2025, 3, 2, 8), d(2025, 3, 3, 8), "closed", d(2025, 3, 4, 8), d(2025, 3, 2, 12))
        order(3, team, None, d(2025, 3, 10, 8), d(2025, 3, 11, 8), "issued")
        order(4, office, outsider, d(2025, 3, 5, 8), d(2025, 3, 6, 8), "closed", d(2025, 3, 6, 8),
              d(2025, 3, 5, 9))
        order(5, office, outsider, d(2025, 3, 20, 8), d(2025, 4, 20, 8), "accepted", None, d(2025, 3, 20, 14))
        order(6, office, None, d(2025, 3, 21, 8), d(2025, 3, 22, 8), "cancelled")
        # Issued in February, closed in March (closed in period, not issued in it).
        order(7, team, officer, d(2025, 2, 27, 8), d(2025, 3, 2, 8), "closed", d(2025, 3, 1, 8), d(2025, 2, 27, 9))
        # Entirely outside the period.
        order(8, team, officer, d(2025, 1, 5, 8), d(2025, 1, 6, 8), "closed", d(2025, 1, 5, 12))
    stats = wo.statistics(db, org.station_id, datetime(2025, 3, 1), datetime(2025, 4, 1), now=datetime(2025, 3, 25))
    o = stats.overall
    assert (o.open_now, o.overdue_now, o.issued, o.closed, o.closed_on_time) == (2, 1, 6, 4, 3)
    assert o.on_time_rate == pytest.approx(0.75)
    # issue → first accept of orders issued in March: 2 h, 4 h, 1 h, 6 h.
    assert o.avg_accept_hours == pytest.approx(13 / 4)
    # issue → close of orders closed in March: 12 h, 48 h, 24 h, 48 h.
    assert o.avg_close_hours == pytest.approx(132 / 4)
    units = {r.name: r for r in stats.by_unit}
    t, f = units["社区警务队"], units["城南警务室"]
    assert (t.open_now, t.overdue_now, t.issued, t.closed, t.closed_on_time) == (1, 1, 3, 3, 2)
    assert t.on_time_rate == pytest.approx(2 / 3) and t.avg_close_hours == pytest.approx(36)
    assert t.avg_accept_hours == pytest.approx(3)
    assert (f.open_now, f.overdue_now, f.issued, f.closed, f.closed_on_time, f.on_time_rate) == (1, 0, 3, 1, 1, 1.0)
    people = {r.name: r for r in stats.by_person}
    assert people["刘洋"].closed == 3 and people["赵磊"].closed == 1 and people["赵磊"].open_now == 1
    assert stats.by_person[-1].id is None and stats.by_person[-1].issued == 2
    empty = wo.statistics(db, org.station_id, datetime(2024, 1, 1), datetime(2024, 2, 1), now=datetime(2025, 3, 25))
    assert (empty.overall.closed, empty.overall.on_time_rate, empty.overall.avg_close_hours) == (0, None, None)


# --------------------------------------------------------------------------- attachments


def test_attachment_is_stored_and_verified(db, org, tmp_path):
    order_id = _issue(db, org, assignee_id=org.officer.staff_id)
    photo = tmp_path / "现场照片.JPG"
    payload = bytes(range(256)) * 400  # 100 KB: more than MySQL's plain BLOB would hold
    photo.write_bytes(payload)
    att_id = wo.add_attachment(db, org.officer, order_id, photo)
    detail = wo.order_detail(db, org.station_id, order_id)
    assert [(a.id, a.file_name, a.mime_type, a.size_bytes, a.created_by) for a in detail.attachments] == [
        (att_id, "现场照片.JPG", "image/jpeg", len(payload), "刘洋")]
    assert wo.attachment_bytes(db, org.station_id, att_id) == ("现场照片.JPG", payload)
    with pytest.raises(PermissionDenied):
        wo.add_attachment(db, org.outsider, order_id, photo)
    with pytest.raises(ValidationError, match="找不到文件"):
        wo.add_attachment(db, org.officer, order_id, tmp_path / "missing.pdf")
    with db.engine.begin() as conn:  # someone changes the stored bytes behind the application's back
        conn.execute(update(Attachment.__table__).where(Attachment.__table__.c.id == att_id)
                     .values(data=payload[:-1] + b"\x00"))
    with pytest.raises(wo.AttachmentCorrupt, match="校验值不符"):
        wo.attachment_bytes(db, org.station_id, att_id)
    assert wo.mime_type_of("scan.pdf") == "application/pdf" and wo.mime_type_of("x.unknown") == \
        "application/octet-stream"
