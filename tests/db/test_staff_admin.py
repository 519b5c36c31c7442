"""Staff administration (issue 10 point 1) on every backend: create, roles, password reset, unlock
after a lock-out, the last administrator protected, optimistic locking, all audited."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from desktop.errors import ConflictError, PermissionDenied, ValidationError
from desktop.models import AuditEntry, Staff
from desktop.models.enums import Role
from desktop.services import accounts, auth
from desktop.services.accounts import LoginResult
from desktop.services.stations import add_staff
from tests.factories import make_station

PASSWORD = "初始密码123456"


@dataclasses.dataclass
class Org:
    admin: LoginResult
    room: int
    team: int


@pytest.fixture
def org(db) -> Org:
    with db.transaction() as s:
        station, room, team, _duty = make_station(s)
        admin = add_staff(s, station, number="A1", name="管理员甲", roles={Role.ADMIN}, unit=room,
                          password_hash=auth.hash_password("管理员密码123"))
        login = LoginResult(admin.id, station.id, admin.name, admin.number, ("admin",), station.name)
        return Org(login, room.id, team.id)


def _row(db, org, number):
    return next(r for r in accounts.list_staff(db, org.admin) if r.number == number)


def test_create_lists_and_logs_in_with_roles(db, org):
    new_id = accounts.create_staff(db, org.admin, number=" P100 ", name="李明", unit_id=org.team,
                                   roles=["officer", "duty"], password=PASSWORD)
    rows = accounts.list_staff(db, org.admin)
    assert [r.number for r in rows] == ["A1", "GD001", "P100"]  # the station's duty officer too
    row = _row(db, org, "P100")
    assert (row.id, row.name, row.unit_name, row.roles, row.active, row.can_log_in) == (
        new_id, "李明", "社区警务队", ("duty", "officer"), True, True)
    assert row.must_change_password
    login = accounts.authenticate(db, number="P100", password=PASSWORD)
    assert login.roles == ("duty", "officer") and login.must_change_password
    with db.session() as s:
        stored = s.get(Staff, new_id).password_hash
        entries = s.scalars(select(AuditEntry).where(AuditEntry.table_name == "staff",
                                                     AuditEntry.action == "insert")).all()
    assert stored.startswith("$argon2")
    # The insert is audited, by the administrator, without the hash.
    mine = [e for e in entries if e.record_id == str(new_id)]
    assert len(mine) == 1 and mine[0].staff_id == org.admin.staff_id
    assert PASSWORD not in str(mine[0].changes) and stored not in str(mine[0].changes)


def test_create_refuses_bad_input_and_duplicates(db, org):
    with pytest.raises(ValidationError) as e:
        accounts.create_staff(db, org.admin, number="A1", name="重复", unit_id=None, roles=["viewer"],
                              password=PASSWORD)
    assert "已存在" in str(e.value)
    with pytest.raises(ValidationError):
        accounts.create_staff(db, org.admin, number="P2", name="短密码", unit_id=None, roles=["viewer"], password="1")
    with pytest.raises(ValidationError):
        accounts.create_staff(db, org.admin, number="P2", name="无角色", unit_id=None, roles=[], password=PASSWORD)
    with pytest.raises(ValidationError):
        accounts.create_staff(db, org.admin, number="P2", name="怪角色", unit_id=None, roles=["boss"],
                              password=PASSWORD)
    assert [r.number for r in accounts.list_staff(db, org.admin)] == ["A1", "GD001"]


def test_update_roles_and_optimistic_lock(db, org):
    sid = accounts.create_staff(db, org.admin, number="P1", name="王", unit_id=org.team, roles=["officer"],
                                password=PASSWORD)
    first = _row(db, org, "P1")
    accounts.update_staff(db, org.admin, sid, first.version, name="王五", unit_id=org.room,
                          roles=["duty", "chief"], active=True)
    second = _row(db, org, "P1")
    assert (second.name, second.unit_name, second.roles) == ("王五", "综合指挥室", ("chief", "duty"))
    assert second.version > first.version
    # A roles-only change still moves the version, so a colleague's stale edit is refused.
    accounts.update_staff(db, org.admin, sid, second.version, name="王五", unit_id=org.room, roles=["chief"],
                          active=True)
    third = _row(db, org, "P1")
    assert third.roles == ("chief",) and third.version > second.version
    with pytest.raises(ConflictError):
        accounts.update_staff(db, org.admin, sid, second.version, name="旧版本", unit_id=None, roles=["viewer"],
                              active=True)
    assert _row(db, org, "P1").name == "王五"
    assert accounts.authenticate(db, number="P1", password=PASSWORD).roles == ("chief",)


def test_reset_password_sets_a_temporary_one(db, org):
    sid = accounts.create_staff(db, org.admin, number="P1", name="王", unit_id=None, roles=["viewer"],
                                password=PASSWORD)
    me = accounts.authenticate(db, number="P1", password=PASSWORD)
    accounts.change_password(db, me, PASSWORD, "我的新密码456789")
    assert not _row(db, org, "P1").must_change_password
    accounts.reset_password(db, org.admin, sid, _row(db, org, "P1").version, "临时密码7890123")
    with pytest.raises(PermissionDenied):
        accounts.authenticate(db, number="P1", password="我的新密码456789")
    again = accounts.authenticate(db, number="P1", password="临时密码7890123")
    assert again.must_change_password
    with db.session() as s:
        summaries = s.scalars(select(AuditEntry.summary).where(AuditEntry.action == "other")).all()
    assert "重置密码：P1 王" in summaries


def test_unlock_after_lockout(db, org):
    sid = accounts.create_staff(db, org.admin, number="P1", name="王", unit_id=None, roles=["viewer"],
                                password=PASSWORD)
    now = datetime(2025, 3, 1, 9, 0)
    for _ in range(accounts.MAX_FAILED_LOGINS):
        with pytest.raises(PermissionDenied):
            accounts.authenticate(db, number="P1", password="wrong-password", now=now)
    row = _row(db, org, "P1")
    assert row.failed_logins == 5 and row.locked_until == now + timedelta(minutes=15)
    with pytest.raises(PermissionDenied) as e:  # even the right password is refused while locked
        accounts.authenticate(db, number="P1", password=PASSWORD, now=now + timedelta(minutes=1))
    assert "锁定" in str(e.value)
    accounts.unlock(db, org.admin, sid)
    row = _row(db, org, "P1")
    assert (row.failed_logins, row.locked_until) == (0, None)
    assert accounts.authenticate(db, number="P1", password=PASSWORD, now=now + timedelta(minutes=2)).staff_id == sid
    with db.session() as s:
        summaries = s.scalars(select(AuditEntry.summary).where(AuditEntry.action == "other")).all()
    assert "解锁账号：P1 王" in summaries


def test_the_last_active_admin_is_protected(db, org):
    me = _row(db, org, "A1")
    with pytest.raises(ValidationError) as e:
        accounts.deactivate(db, org.admin, me.id, me.version)
    assert "最后一名" in str(e.value)
    with pytest.raises(ValidationError):
        accounts.update_staff(db, org.admin, me.id, me.version, name=me.name, unit_id=me.unit_id, roles=["chief"],
                              active=True)
    # With a second administrator the first may step down; then the second is the last one.
    other = accounts.create_staff(db, org.admin, number="A2", name="管理员乙", unit_id=None, roles=["admin"],
                                  password=PASSWORD)
    accounts.update_staff(db, org.admin, me.id, me.version, name=me.name, unit_id=me.unit_id,
                          roles=["admin", "chief"], active=True)
    accounts.deactivate(db, org.admin, me.id, _row(db, org, "A1").version)
    assert not _row(db, org, "A1").active
    second = _row(db, org, "A2")
    with pytest.raises(ValidationError):
        accounts.deactivate(db, org.admin, other, second.version)
    accounts.reactivate(db, org.admin, me.id, _row(db, org, "A1").version)
    assert _row(db, org, "A1").active


def test_only_an_administrator_manages_staff(db, org):
    chief = dataclasses.replace(org.admin, roles=("chief", "duty"))
    with pytest.raises(PermissionDenied) as e:
        accounts.list_staff(db, chief)
    assert "管理人员与账号" in str(e.value)
    with pytest.raises(PermissionDenied):
        accounts.create_staff(db, chief, number="X", name="X", unit_id=None, roles=["admin"], password=PASSWORD)
    assert [r.number for r in accounts.list_staff(db, org.admin)] == ["A1", "GD001"]
