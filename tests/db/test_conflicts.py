"""Two desks on one database: the second save of a record is refused by the version check, the
colleague's change is readable for the conflict dialog, a merge saves against the new version, and
a work-order transition raced by two desks has exactly one winner."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta

import pytest

from desktop.db import open_database
from desktop.errors import ConflictError, NotFound
from desktop.models.enums import Role
from desktop.services import cases, disputes
from desktop.services import work_orders as wo
from desktop.services.accounts import LoginResult
from desktop.services.incidents import incident_detail, update_incident
from desktop.services.records import KINDS, current_values
from desktop.services.stations import add_staff
from desktop.services.work_order_labels import STATUS_LABELS
from tests.factories import make_incident, make_station

T0 = datetime(2025, 3, 6, 9, 0)
NOW = datetime(2025, 3, 7, 12, 0)


def _login(staff, station, role) -> LoginResult:
    return LoginResult(staff.id, station.id, staff.name, staff.number, (str(role),), station.name)


@pytest.fixture
def org(db):
    with db.transaction() as s:
        station, room, team, duty = make_station(s)
        chief = add_staff(s, station, number="GD009", name="王强", roles={Role.CHIEF}, unit=room)
        officer = add_staff(s, station, number="GD101", name="刘洋", roles={Role.OFFICER}, unit=team)
        colleague = add_staff(s, station, number="GD102", name="陈静", roles={Role.OFFICER}, unit=team)
        inc = make_incident(s, station, "JQ1", at=T0, summary="邻居噪音扰民", disposal="已劝离")
        return {
            "station_id": station.id, "team": team.id, "incident": inc.id,
            "a": _login(duty, station, Role.DUTY), "b": _login(chief, station, Role.CHIEF),
            "officer": _login(officer, station, Role.OFFICER), "colleague": _login(colleague, station, Role.OFFICER),
        }


@pytest.fixture
def other_desk(db):
    """A second client: its own engine and pool on the same database."""
    desk = open_database(db.url.render_as_string(hide_password=False))
    yield desk
    desk.dispose()


def _incident_values(detail, **changes):
    values = {"number": detail.number, "reported_at": detail.reported_at, "caller_name": detail.caller_name,
              "caller_phone": detail.caller_phone_raw or detail.caller_phone, "address": detail.address,
              "category_id": detail.category_id, "community_id": detail.community_id, "grid_id": detail.grid_id,
              "summary": detail.summary, "unit_id": detail.unit_id, "officer_id": detail.officer_id,
              "disposal": detail.disposal}
    values.update(changes)
    return values


def test_second_incident_save_is_refused_and_the_merge_saves(db, other_desk, org):
    sid, a, b = org["station_id"], org["a"], org["b"]
    seen_by_a = incident_detail(db, sid, org["incident"])
    seen_by_b = incident_detail(other_desk, sid, org["incident"])
    assert seen_by_a.version == seen_by_b.version

    update_incident(db, sid, a.staff_id, org["incident"], seen_by_a.version,
                    _incident_values(seen_by_a, summary="邻居装修噪音扰民"), now=NOW)
    with pytest.raises(ConflictError) as refused:
        update_incident(other_desk, sid, b.staff_id, org["incident"], seen_by_b.version,
                        _incident_values(seen_by_b, disposal="已调解，双方和解"), now=NOW)
    assert "已被他人修改" in refused.value.message

    # Nothing of B's went in; what B's conflict dialog shows is A's change, by A.
    state = current_values(other_desk, sid, "incident", org["incident"])
    assert state.values["summary"] == "邻居装修噪音扰民"
    assert state.values["disposal"] == "已劝离"
    assert state.version == seen_by_a.version + 1
    assert state.updated_by == a.name
    assert state.updated_at is not None

    # B keeps A's summary and its own disposal: saved against the new version.
    merged = dict(state.values, disposal="已调解，双方和解")
    update_incident(other_desk, sid, b.staff_id, org["incident"], state.version, merged, now=NOW)
    final = incident_detail(db, sid, org["incident"])
    assert (final.summary, final.disposal) == ("邻居装修噪音扰民", "已调解，双方和解")
    assert final.version == state.version + 1
    assert current_values(db, sid, "incident", org["incident"]).updated_by == b.name

    # A, still on its first version, is refused in turn: nobody overwrites silently.
    with pytest.raises(ConflictError):
        update_incident(db, sid, a.staff_id, org["incident"], seen_by_a.version,
                        _incident_values(seen_by_a, summary="又改了"), now=NOW)


def test_second_case_save_is_refused_and_the_merge_saves(db, other_desk, org):
    sid, a, b = org["station_id"], org["a"], org["b"]
    values = {"number": "A1", "kind": "administrative", "title": "殴打他人案", "accepted_at": T0,
              "category": "殴打他人", "summary": "双方互殴"}
    case_id = cases.create_case(db, a, values, rules=cases.CaseRules(), now=NOW)
    version = cases.case_detail(db, sid, case_id).version

    cases.update_case(db, a, case_id, version, dict(values, title="殴打他人案（一）"), rules=cases.CaseRules(),
                      now=NOW)
    with pytest.raises(ConflictError):
        cases.update_case(other_desk, b, case_id, version, dict(values, summary="双方互殴，一人轻微伤"),
                          rules=cases.CaseRules(), now=NOW)
    state = current_values(other_desk, sid, "case", case_id)
    assert state.values["title"] == "殴打他人案（一）"
    assert state.values["summary"] == "双方互殴"
    assert state.updated_by == a.name and state.version == version + 1

    cases.update_case(other_desk, b, case_id, state.version, dict(state.values, summary="双方互殴，一人轻微伤"),
                      rules=cases.CaseRules(), now=NOW)
    final = cases.case_detail(db, sid, case_id)
    assert (final.title, final.summary) == ("殴打他人案（一）", "双方互殴，一人轻微伤")


def test_second_dispute_save_is_refused_and_the_merge_saves(db, other_desk, org):
    sid, a, b = org["station_id"], org["a"], org["b"]
    values = {"cause": "宅基地边界争执", "occurred_at": T0 - timedelta(days=1), "place": "解放路12号",
              "nature": "neighbour", "progression": "双方多次口角", "source": "patrol", "risk_level": "low"}
    dispute_id = disputes.register_dispute(db, a, values, [({"name": "王芳"}, "applicant")], now=T0)
    version = disputes.dispute_detail(db, sid, dispute_id).version

    disputes.update_dispute(db, a, dispute_id, version, {"risk_level": "high", "risk_reasons": "扬言报复"}, now=T0)
    with pytest.raises(ConflictError):
        disputes.update_dispute(other_desk, b, dispute_id, version, {"place": "解放路14号"}, now=T0)
    state = current_values(other_desk, sid, "dispute", dispute_id)
    assert (state.values["risk_level"], state.values["risk_reasons"]) == ("high", "扬言报复")
    assert state.values["place"] == "解放路12号"
    assert state.updated_by == a.name

    disputes.update_dispute(other_desk, b, dispute_id, state.version, dict(state.values, place="解放路14号"), now=T0)
    final = disputes.dispute_detail(db, sid, dispute_id)
    assert (final.place, final.risk_level) == ("解放路14号", "high")


def test_current_values_of_a_missing_record_and_of_every_kind(db, org):
    sid = org["station_id"]
    with pytest.raises(NotFound):
        current_values(db, sid, "incident", 987654)
    with pytest.raises(ValueError):
        current_values(db, sid, "parking_ticket", 1)
    order_id = wo.create_work_order(db, org["a"], wo.NewOrder(title="核查噪音扰民", unit_id=org["team"]), now=T0)
    state = current_values(db, sid, "work_order", order_id)
    assert (state.values["title"], state.values["status"], state.version) == ("核查噪音扰民", "issued", 1)
    assert set(KINDS) == {"incident", "case", "dispute", "warning", "work_order"}


@pytest.mark.parametrize("backend", ["postgresql", "mariadb"])
def test_a_raced_transition_has_exactly_one_winner(db, other_desk, org, backend):
    """Two desks act on the same issued order at the same moment, five times over: one wins, the
    other is refused with the state the winner left it in."""
    sid = org["station_id"]
    for round_ in range(5):
        order_id = wo.create_work_order(db, org["a"], wo.NewOrder(title=f"核查 {round_}", unit_id=org["team"]),
                                        now=T0)
        version = wo.order_detail(db, sid, order_id).version
        outcomes = _race(order_id, version, ("accept", db, org["officer"], "accept", None),
                         ("cancel", other_desk, org["a"], "cancel", "重复下发"))
        winners = [name for name, result in outcomes.items() if result == "ok"]
        assert len(winners) == 1, outcomes
        loser = next(result for result in outcomes.values() if result != "ok")
        assert isinstance(loser, ConflictError), loser
        final = wo.order_detail(db, sid, order_id)
        assert final.status == ("accepted" if winners == ["accept"] else "cancelled")
        assert f"现为“{STATUS_LABELS[final.status]}”" in loser.message
        assert final.version == version + 1
        assert sum(1 for e in final.events if e.kind in ("accept", "cancel")) == 1


def _race(order_id, version, *desks) -> dict[str, object]:
    """Each desk (name, db, login, action, text) takes its action on the order at the same moment."""
    barrier = threading.Barrier(len(desks))
    outcomes: dict[str, object] = {}

    def act(name, desk, login, action, text):
        barrier.wait(timeout=10)
        try:
            wo.transition(desk, login, order_id, version, action, text=text, now=T0 + timedelta(hours=1))
        except Exception as exc:  # noqa: BLE001 - recorded and asserted by the caller
            outcomes[name] = exc
        else:
            outcomes[name] = "ok"

    threads = [threading.Thread(target=act, args=args) for args in desks]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    return outcomes
