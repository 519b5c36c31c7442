"""The permission matrix (issue 10 point 1): every role × every action against a table written out
here by hand, and every service entry point refusing a role without the right (on SQLite)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from desktop.errors import PermissionDenied
from desktop.models.enums import Rank, Role
from desktop.services import (
    accounts,
    briefings,
    case_import,
    cases,
    disputes,
    incident_import,
    incidents,
    permissions,
    warning_import,
)
from desktop.services import warnings as wn
from desktop.services import work_orders as wo
from desktop.services.accounts import LoginResult
from desktop.services.dispute_documents import print_agreement, write_dispute_ledger
from desktop.services.stations import add_staff
from tests.factories import make_station

ROLES = ("admin", "chief", "duty", "officer", "mediator", "viewer")

# action: the roles that may do it — written out, not computed from the module under test.
EXPECTED = {
    #                       admin chief duty officer mediator viewer
    "incident.edit":        (1, 1, 1, 0, 0, 0),
    "import.run":           (1, 1, 1, 0, 0, 0),
    "repeats.refresh":      (1, 1, 1, 0, 0, 0),
    "case.edit":            (0, 1, 1, 0, 0, 0),
    "warning.edit":         (0, 1, 1, 0, 0, 0),
    "warning.outcome":      (0, 1, 1, 1, 0, 0),
    "dispute.edit":         (0, 1, 1, 1, 1, 0),
    "briefing.edit":        (0, 1, 1, 0, 0, 0),
    "workorder.issue":      (0, 1, 1, 0, 0, 0),
    "workorder.handle":     (0, 1, 1, 1, 1, 0),
    "workorder.handle_any": (0, 1, 0, 0, 0, 0),
    "personal.view":        (0, 1, 1, 1, 1, 0),
    "export.unmasked":      (0, 1, 1, 0, 0, 0),
    "report.view":          (1, 1, 1, 1, 1, 1),
    "report.export_hq":     (1, 1, 1, 0, 0, 0),
    "staff.manage":         (1, 0, 0, 0, 0, 0),
    "audit.view":           (1, 1, 0, 0, 0, 0),
    "settings.edit":        (1, 0, 0, 0, 0, 0),
    "db.backup":            (1, 0, 0, 0, 0, 0),
}


def test_the_matrix_has_exactly_the_expected_actions_and_labels():
    assert set(permissions.ACTIONS) == set(EXPECTED) == set(permissions.MATRIX)
    assert all(permissions.ACTIONS[a] for a in EXPECTED)
    assert permissions.ROLES == ROLES


@pytest.mark.parametrize("action", sorted(EXPECTED))
@pytest.mark.parametrize("role", ROLES)
def test_every_role_and_action(role, action):
    expected = bool(EXPECTED[action][ROLES.index(role)])
    login = LoginResult(1, 1, "某人", "0001", (role,), "所")
    assert permissions.allowed((role,), action) is expected
    assert permissions.allowed(login, action) is expected
    assert permissions.allowed([Role(role)], action) is expected  # enum members work as well
    if expected:
        permissions.require(login, action)
    else:
        with pytest.raises(PermissionDenied) as refused:
            permissions.require(login, action)
        # The message names the action and who may do it.
        assert permissions.ACTIONS[action] in str(refused.value)
        for other in ROLES:
            if EXPECTED[action][ROLES.index(other)]:
                assert permissions.ROLE_LABELS[other] in str(refused.value)


def test_several_roles_add_up_and_no_role_may_nothing():
    assert permissions.allowed(("viewer", "admin"), "staff.manage")
    assert permissions.allowed(("officer", "duty"), "case.edit")
    assert not any(permissions.allowed((), a) for a in EXPECTED)
    assert not permissions.allowed(None, "report.view")
    with pytest.raises(KeyError):
        permissions.allowed(("admin",), "no.such.action")


def test_refusal_message_in_chinese():
    assert permissions.describe("staff.manage") == "您没有权限管理人员与账号（只有管理员可以）"
    assert permissions.describe("audit.view") == "您没有权限查看审计日志（只有管理员、指挥长可以）"


def test_masking_and_work_orders_follow_the_matrix():
    from desktop.services.masking import PERSONAL_DATA_ROLES, may_see_personal

    assert {"chief", "duty", "officer", "mediator"} == PERSONAL_DATA_ROLES
    assert [may_see_personal((r,)) for r in ROLES] == [False, True, True, True, True, False]
    assert [wo.can_issue((r,)) for r in ROLES] == [False, True, True, False, False, False]
    # an officer of the assigned unit may accept; the same officer elsewhere may not; the chief may anywhere
    assert wo.allowed_actions("issued", ("officer",), is_unit_member=True, is_assignee=False) == ["accept"]
    assert wo.allowed_actions("issued", ("officer",), is_unit_member=False, is_assignee=False) == []
    assert "accept" in wo.allowed_actions("issued", ("chief",), is_unit_member=False, is_assignee=False)
    assert wo.allowed_actions("issued", ("admin",), is_unit_member=True, is_assignee=True) == []


# --------------------------------------------------------------------------- services refuse


@pytest.fixture
def backend():  # this walk runs on SQLite; the staff tests cover the servers
    return "sqlite"


@pytest.fixture
def people(db) -> dict[str, LoginResult]:
    """One staff member per role (so services given only a staff id find the roles stored)."""
    out = {}
    with db.transaction() as s:
        station, room, _team, _duty = make_station(s)
        for i, role in enumerate(ROLES):
            staff = add_staff(s, station, number=f"R{i}", name=f"角色{i}", rank=Rank.OFFICER, roles={Role(role)},
                              unit=room)
            out[role] = LoginResult(staff.id, station.id, staff.name, staff.number, (role,), station.name)
    return out


T0, T1 = datetime(2025, 3, 1), datetime(2025, 3, 2)

# (action, call): each call is made by a login of one role; dummy arguments are fine because the
# permission is checked before anything is read.
CALLS = [
    ("incident.edit", lambda db, me, tmp: incidents.create_incident(db, me.station_id, me.staff_id, {})),
    ("incident.edit", lambda db, me, tmp: incidents.update_incident(db, me.station_id, me.staff_id, 999, 1, {})),
    ("repeats.refresh",
     lambda db, me, tmp: incidents.refresh_repeat_clusters(db, me.station_id, me.staff_id, T0, T1)),
    ("import.run", lambda db, me, tmp: incident_import.run_import(db, me.station_id, me.staff_id, None)),
    ("import.run", lambda db, me, tmp: incident_import.save_profile(db, me.station_id, me.staff_id, "p", [], {})),
    ("import.run", lambda db, me, tmp: case_import.run_import(db, me.station_id, me.staff_id, None)),
    ("import.run", lambda db, me, tmp: case_import.save_profile(db, me.station_id, me.staff_id, "p", [], {})),
    ("import.run", lambda db, me, tmp: warning_import.run_warning_import(db, me.station_id, me.staff_id, None)),
    ("case.edit", lambda db, me, tmp: cases.create_case(db, me, {}, rules=cases.CaseRules())),
    ("case.edit", lambda db, me, tmp: cases.update_case(db, me, 999, 1, {}, rules=cases.CaseRules())),
    ("case.edit", lambda db, me, tmp: cases.close_case(db, me, 999, 1)),
    ("warning.edit", lambda db, me, tmp: wn.create_warning(db, me, {})),
    ("warning.edit", lambda db, me, tmp: wn.update_warning(db, me, 999, 1, {})),
    ("warning.outcome", lambda db, me, tmp: wn.record_outcome(db, me, 999, 1, "handled", "已劝阻")),
    ("dispute.edit", lambda db, me, tmp: disputes.register_dispute(db, me, {}, [])),
    ("briefing.edit", lambda db, me, tmp: briefings.open_briefing(db, me, "daily", date(2025, 3, 2),
                                                                  cutover_hour=8)),
    ("briefing.edit", lambda db, me, tmp: briefings.add_directive(db, me, 999, text="x", targets=[])),
    ("workorder.issue", lambda db, me, tmp: wo.create_work_order(db, me, None)),
    ("workorder.issue", lambda db, me, tmp: wo.urge_many(db, me, [999], "快")),
    ("personal.view", lambda db, me, tmp: print_agreement(db, me, 999, tmp / "a.pdf")),
    ("personal.view", lambda db, me, tmp: write_dispute_ledger(db, me, tmp / "l.xlsx")),
    ("staff.manage", lambda db, me, tmp: accounts.list_staff(db, me)),
    ("staff.manage", lambda db, me, tmp: accounts.list_units(db, me)),
    ("staff.manage", lambda db, me, tmp: accounts.create_staff(db, me, number="N1", name="新人", unit_id=None,
                                                               roles=["viewer"], password="12345678")),
    ("staff.manage", lambda db, me, tmp: accounts.update_staff(db, me, me.staff_id, 1, name="x", unit_id=None,
                                                               roles=["viewer"], active=True)),
    ("staff.manage", lambda db, me, tmp: accounts.reset_password(db, me, me.staff_id, 1, "12345678")),
    ("staff.manage", lambda db, me, tmp: accounts.unlock(db, me, me.staff_id)),
    ("staff.manage", lambda db, me, tmp: accounts.set_active(db, me, me.staff_id, 1, False)),
]


@pytest.mark.parametrize("action,call", CALLS, ids=[f"{a}-{i}" for i, (a, _c) in enumerate(CALLS)])
def test_every_service_entry_point_refuses_a_role_without_the_right(db, people, tmp_path, action, call):
    for role, me in people.items():
        if EXPECTED[action][ROLES.index(role)]:
            # Past the gate: the dummy arguments then fail in their own ways, never as a refusal.
            try:
                call(db, me, tmp_path)
            except PermissionDenied as exc:  # pragma: no cover - the failure message
                pytest.fail(f"{role} was refused {action}: {exc}")
            except TypeError as exc:
                if "argument" in str(exc):  # the call itself is wrong: the walk would prove nothing
                    raise
            except Exception:  # noqa: BLE001 - dummy arguments
                pass
        else:
            with pytest.raises(PermissionDenied):
                call(db, me, tmp_path)


def test_a_deactivated_person_keeps_no_rights_through_a_staff_id(db, people):
    duty = people["duty"]
    admin = people["admin"]
    accounts.set_active(db, admin, duty.staff_id, 1, False)
    with pytest.raises(PermissionDenied):
        incidents.refresh_repeat_clusters(db, duty.station_id, duty.staff_id, T0, T1)
