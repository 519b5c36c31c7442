"""Warnings register on every backend: hand entry, list, overdue, warning → order → outcome, summary."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta

import pytest

from desktop.errors import ConflictError, PermissionDenied, ValidationError
from desktop.models.enums import Rank, Role
from desktop.services import warnings as wn
from desktop.services import work_orders as wo
from desktop.services.accounts import LoginResult
from desktop.services.masking import mask_value
from desktop.services.paging import Filter, Sort
from desktop.services.stations import add_staff
from tests.factories import make_station

NOW = datetime(2025, 3, 6, 9, 0)


@dataclasses.dataclass
class Org:
    station_id: int
    team: int
    duty: LoginResult
    officer: LoginResult
    viewer: LoginResult


def _login(staff, station) -> LoginResult:
    return LoginResult(staff.id, station.id, staff.name, staff.number, tuple(sorted(str(r) for r in staff.roles)),
                       station.name)


@pytest.fixture
def org(db) -> Org:
    with db.transaction() as s:
        station, _room, team, duty = make_station(s)
        officer = add_staff(s, station, number="GD101", name="刘洋", roles={Role.OFFICER}, unit=team)
        viewer = add_staff(s, station, number="GD301", name="孙丽", rank=Rank.CIVILIAN, roles={Role.VIEWER},
                           unit=team)
        return Org(station.id, team.id, _login(duty, station), _login(officer, station), _login(viewer, station))


def _values(**kw):
    values = {"source": "hq", "kind": "fraud", "received_at": "2025-03-05 10:00", "subject_name": "王芳",
              "subject_phone": "138-0013-8000", "subject_id_number": "11010519491231002X",
              "subject_place": "解放路128号", "content": "疑似刷单返利诈骗潜在受害人", "required_action": "当面劝阻",
              "deadline": "2025-03-05 18:00"}
    values.update(kw)
    return values


def test_hand_entry_normalises_and_generates_numbers(db, org):
    first = wn.create_warning(db, org.duty, _values(), now=NOW)
    second = wn.create_warning(db, org.duty, _values(subject_phone="+86 139 0000 1111"), now=NOW)
    own = wn.create_warning(db, org.duty, _values(number="HQ-2025-7", kind="反诈", source="自主研判"), now=NOW)
    d1 = wn.warning_detail(db, org.station_id, first, now=NOW)
    d2 = wn.warning_detail(db, org.station_id, second, now=NOW)
    d3 = wn.warning_detail(db, org.station_id, own, now=NOW)
    assert (d1.number, d2.number, d3.number) == ("YJ-20250305-0001", "YJ-20250305-0002", "HQ-2025-7")
    assert d1.subject_phone == "13800138000" and d2.subject_phone == "13900001111"
    assert d1.subject_id_number == "11010519491231002X"
    assert d1.received_at == datetime(2025, 3, 5, 10, 0) and d1.deadline == datetime(2025, 3, 5, 18, 0)
    assert (d3.kind, d3.source, d1.status) == ("fraud", "own", "received")
    with pytest.raises(ValidationError) as err:
        wn.create_warning(db, org.duty, _values(number="HQ-2025-7"), now=NOW)
    assert "已存在" in err.value.fields["number"]


def test_hand_entry_refuses_bad_fields_with_field_messages(db, org):
    with pytest.raises(ValidationError) as err:
        wn.create_warning(db, org.duty, _values(subject_id_number="340524198001010013", subject_phone="1381234",
                                                kind="", content=" ", deadline="2025-03-05 09:00"), now=NOW)
    fields = err.value.fields
    assert "校验位" in fields["subject_id_number"]
    assert "电话号码无效" in fields["subject_phone"]
    assert fields["kind"] == "请选择预警类型" and fields["content"] == "请填写预警内容"
    assert fields["deadline"] == "处置时限应晚于接收时间"
    with pytest.raises(ValidationError) as err:
        wn.create_warning(db, org.duty, _values(received_at="2025-03-07 10:00"), now=NOW)
    assert "接收时间晚于当前时间" in err.value.fields["received_at"]
    with pytest.raises(PermissionDenied):
        wn.create_warning(db, org.viewer, _values(), now=NOW)
    # Nothing of the refused entries was stored.
    assert wn.warning_list_query(db, org.station_id, now=NOW).count() == 0


def test_update_uses_the_version(db, org):
    wid = wn.create_warning(db, org.duty, _values(), now=NOW)
    version = wn.warning_detail(db, org.station_id, wid, now=NOW).version
    wn.update_warning(db, org.duty, wid, version, _values(number="", subject_place="人民路1号"), now=NOW)
    detail = wn.warning_detail(db, org.station_id, wid, now=NOW)
    assert detail.subject_place == "人民路1号" and detail.number == "YJ-20250305-0001"
    with pytest.raises(ConflictError):
        wn.update_warning(db, org.duty, wid, version, _values(), now=NOW)


def test_list_filters_masking_and_overdue_boundary(db, org):
    a = wn.create_warning(db, org.duty, _values(), now=NOW)
    b = wn.create_warning(db, org.duty, _values(kind="hazard", source="other_dept", subject_phone="",
                                                received_at="2025-03-06 08:00", deadline=None), now=NOW)
    query = wn.warning_list_query(db, org.station_id, now=NOW)
    specs = {c.key: c for c in query.columns}
    assert [c.key for c in query.columns] == ["number", "tone", "kind", "source", "received_at", "subject_name",
                                              "subject_phone", "subject_place", "deadline", "status"]
    assert specs["subject_phone"].mask == "phone" and specs["subject_name"].mask == "name"
    assert specs["kind"].labels["fraud"] == "反诈"
    assert query.count(Filter(equals={"kind": "fraud"})) == 1
    assert query.count(Filter(equals={"source": "other_dept"})) == 1
    assert query.count(Filter(equals={"status": "received"})) == 2
    rows = query.fetch(0, 10, filter=Filter(ranges={"received_at": (datetime(2025, 3, 6), None)}))
    assert [r[0] for r in rows] == [b]
    rows = query.fetch(0, 10, sort=Sort("received_at"))
    assert [r[0] for r in rows] == [a, b]
    assert rows[0][2] == "overdue" and rows[1][2] == ""  # deadline 03-05 18:00 < NOW; b has no deadline
    assert mask_value("phone", rows[0][7]) == "138****8000"
    # At the deadline itself it is not overdue yet; one second later it is.
    deadline = datetime(2025, 3, 5, 18, 0)
    assert not wn.warning_detail(db, org.station_id, a, now=deadline).overdue
    assert wn.warning_detail(db, org.station_id, a, now=deadline + timedelta(seconds=1)).overdue
    at_deadline = wn.warning_list_query(db, org.station_id, now=deadline).fetch(0, 10, sort=Sort("received_at"))
    assert at_deadline[0][2] == ""


def test_warning_to_order_to_outcome(db, org):
    wid = wn.create_warning(db, org.duty, _values(deadline="2025-03-06 18:00"), now=NOW)
    order_id = wn.order_for_warning(db, org.duty, wid, unit_id=org.team, now=NOW)
    detail = wn.warning_detail(db, org.station_id, wid, now=NOW)
    assert detail.status == "assigned"
    assert [(o[0], o[2]) for o in detail.orders] == [(order_id, "issued")]
    order = wo.order_detail(db, org.station_id, order_id, now=NOW)
    assert order.source_kind == "warning" and order.source_id == wid
    assert order.title == "反诈预警 YJ-20250305-0001：王芳" and order.instructions == "当面劝阻"
    assert order.deadline == datetime(2025, 3, 6, 18, 0)  # the warning's own deadline
    assert wn.sync_from_orders(db, org.station_id, wid) is None

    wo.transition(db, org.officer, order_id, order.version, "accept", now=NOW + timedelta(hours=1))
    version = wo.order_detail(db, org.station_id, order_id, now=NOW).version
    wo.transition(db, org.officer, order_id, version, "report", text="已上门劝阻，对方已停止转账",
                  now=NOW + timedelta(hours=2))
    feedback = wn.sync_from_orders(db, org.station_id, wid)
    assert feedback.text == "已上门劝阻，对方已停止转账" and feedback.order_id == order_id
    assert feedback.order_status == "reported"

    version = wn.warning_detail(db, org.station_id, wid, now=NOW).version
    with pytest.raises(ValidationError):
        wn.record_outcome(db, org.duty, wid, version, "maybe", "x")
    with pytest.raises(PermissionDenied):
        wn.record_outcome(db, org.viewer, wid, version, "dissuaded", feedback.text)
    at = NOW + timedelta(hours=3)
    wn.record_outcome(db, org.duty, wid, version, "dissuaded", feedback.text, now=at)
    detail = wn.warning_detail(db, org.station_id, wid, now=at)
    assert detail.status == "acted" and detail.acted_at == at and detail.handled_by_id == org.duty.staff_id
    assert detail.result == "劝阻成功：已上门劝阻，对方已停止转账"
    assert wn.outcome_of(detail.result) == "dissuaded"
    assert not wn.warning_detail(db, org.station_id, wid, now=at + timedelta(days=9)).overdue
    with pytest.raises(ConflictError):
        wn.record_outcome(db, org.duty, wid, version, "reached", "")
    with pytest.raises(ValidationError):
        wn.order_for_warning(db, org.duty, wid, unit_id=org.team, now=at)


def test_summary_counts(db, org):
    wn.create_warning(db, org.duty, _values(), now=NOW)  # overdue at NOW
    wn.create_warning(db, org.duty, _values(kind="fraud", received_at="2025-03-05 11:00", deadline=None), now=NOW)
    acted = wn.create_warning(db, org.duty, _values(kind="stability", received_at="2025-03-05 12:00"), now=NOW)
    wn.create_warning(db, org.duty, _values(kind="hazard", received_at="2025-03-04 12:00"), now=NOW)  # before
    version = wn.warning_detail(db, org.station_id, acted, now=NOW).version
    wn.record_outcome(db, org.duty, acted, version, "reached", "", now=NOW)
    summary = wn.warnings_summary(db, org.station_id, datetime(2025, 3, 5), datetime(2025, 3, 6), now=NOW)
    assert summary["received"] == 3
    assert summary["by_kind"] == {"fraud": 2, "stability": 1, "public_order": 0, "hazard": 0, "other": 0}
    assert summary["not_acted"] == 2
    assert summary["overdue"] == 2  # the 03-05 fraud one and the 03-04 hazard one (both deadline 03-05 18:00)


def test_any_order_issued_for_a_warning_marks_it_assigned(db, org):
    """An order made through the general new-order form (not order_for_warning) also moves the
    warning on, in the order's own transaction."""
    wid = wn.create_warning(db, org.duty, _values(deadline="2025-03-06 18:00"), now=NOW)
    assert wn.warning_detail(db, org.station_id, wid, now=NOW).status == "received"
    wo.create_work_order(db, org.duty, wo.NewOrder(title="劝阻", unit_id=org.team, source_kind="warning",
                                                   source_id=wid), now=NOW)
    assert wn.warning_detail(db, org.station_id, wid, now=NOW).status == "assigned"
