"""Log-in rules and the first administrator (desktop.services.accounts); no Qt."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from desktop.db import open_database
from desktop.db.migrate import upgrade
from desktop.errors import ConflictError, PermissionDenied, ValidationError
from desktop.models import AuditEntry, Staff
from desktop.services import accounts

PASSWORD = "correct-horse"


@pytest.fixture
def db(tmp_path):
    database = open_database(str(tmp_path / "t.db"))
    upgrade(database)
    yield database
    database.dispose()


@pytest.fixture
def admin(db) -> accounts.LoginResult:
    return accounts.create_first_admin(
        db, station_code="ds", station_name="东山派出所", number="1001", name="张伟", password=PASSWORD
    )


def _staff(db, staff_id: int) -> Staff:
    with db.transaction() as session:
        return session.get(Staff, staff_id)


def _update_staff(db, staff_id: int, **values) -> None:
    with db.transaction() as session:
        staff = session.get(Staff, staff_id)
        for key, value in values.items():
            setattr(staff, key, value)


def _audit(db, action: str) -> list[AuditEntry]:
    with db.transaction() as session:
        return list(session.scalars(select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.id)))


def test_first_admin_flow(db):
    assert accounts.needs_first_admin(db)
    result = accounts.create_first_admin(
        db, station_code="ds", station_name="东山派出所", number="1001", name="张伟", password=PASSWORD
    )
    assert (result.name, result.number, result.roles, result.station_name) == ("张伟", "1001", ("admin",), "东山派出所")
    assert all(type(role) is str for role in result.roles)  # plain data, safe across threads
    assert not accounts.needs_first_admin(db)
    staff = _staff(db, result.staff_id)
    assert staff.password_hash and staff.password_hash != PASSWORD
    assert staff.unit_id is not None
    assert [s.code for s in accounts.list_stations(db)] == ["DS"]
    # The administrator is logged in by creating the account, and it is audited.
    assert len(_audit(db, "login")) == 1
    with pytest.raises(ConflictError):
        accounts.create_first_admin(db, station_code="ds", station_name="东山派出所", number="1002", name="李",
                                    password=PASSWORD)


def test_first_admin_rejects_short_password(db):
    with pytest.raises(ValidationError) as info:
        accounts.create_first_admin(db, station_code="ds", station_name="东山派出所", number="1001", name="张伟",
                                    password="short")
    assert "password" in info.value.fields
    assert accounts.needs_first_admin(db)


def test_right_password(db, admin):
    result = accounts.authenticate(db, number=" 1001 ", password=PASSWORD)
    assert result == admin
    staff = _staff(db, admin.staff_id)
    assert staff.last_login_at is not None
    assert staff.failed_logins == 0


def test_wrong_password_and_unknown_number_give_the_same_message(db, admin):
    with pytest.raises(PermissionDenied) as wrong:
        accounts.authenticate(db, number="1001", password="nope-nope")
    with pytest.raises(PermissionDenied) as unknown:
        accounts.authenticate(db, number="9999", password=PASSWORD)
    assert str(wrong.value) == str(unknown.value) == "工号或密码错误"
    assert _staff(db, admin.staff_id).failed_logins == 1


def test_empty_input_is_a_validation_error(db, admin):
    with pytest.raises(ValidationError):
        accounts.authenticate(db, number="", password=PASSWORD)
    with pytest.raises(ValidationError):
        accounts.authenticate(db, number="1001", password="")


def test_five_wrong_passwords_lock_the_account(db, admin):
    for _ in range(4):
        with pytest.raises(PermissionDenied, match="工号或密码错误"):
            accounts.authenticate(db, number="1001", password="wrong-password")
    with pytest.raises(PermissionDenied, match="锁定") as fifth:
        accounts.authenticate(db, number="1001", password="wrong-password")
    assert "15 分钟" in fifth.value.message
    staff = _staff(db, admin.staff_id)
    assert staff.locked_until is not None and staff.locked_until > datetime.now()
    # Even the right password is refused while locked.
    with pytest.raises(PermissionDenied, match="锁定"):
        accounts.authenticate(db, number="1001", password=PASSWORD)


def test_success_resets_the_counter(db, admin):
    for _ in range(3):
        with pytest.raises(PermissionDenied):
            accounts.authenticate(db, number="1001", password="wrong-password")
    accounts.authenticate(db, number="1001", password=PASSWORD)
    assert _staff(db, admin.staff_id).failed_logins == 0


def test_lock_expires(db, admin):
    _update_staff(db, admin.staff_id, failed_logins=5, locked_until=datetime.now() - timedelta(minutes=1))
    result = accounts.authenticate(db, number="1001", password=PASSWORD)
    assert result.staff_id == admin.staff_id
    staff = _staff(db, admin.staff_id)
    assert staff.locked_until is None and staff.failed_logins == 0


def test_lock_expiry_is_computed_from_now(db, admin):
    start = datetime(2025, 3, 1, 8, 0, 0)
    for _ in range(5):
        with pytest.raises(PermissionDenied):
            accounts.authenticate(db, number="1001", password="wrong-password", now=start)
    with pytest.raises(PermissionDenied, match="锁定"):
        accounts.authenticate(db, number="1001", password=PASSWORD, now=start + timedelta(minutes=14))
    # Still-locked attempts do not extend the lock.
    assert accounts.authenticate(db, number="1001", password=PASSWORD, now=start + timedelta(minutes=16))


def test_inactive_account_refused(db, admin):
    _update_staff(db, admin.staff_id, active=False)
    with pytest.raises(PermissionDenied, match="停用"):
        accounts.authenticate(db, number="1001", password=PASSWORD)
    # A wrong password on a deactivated account does not reveal that it exists.
    with pytest.raises(PermissionDenied, match="工号或密码错误"):
        accounts.authenticate(db, number="1001", password="wrong-password")


def test_every_attempt_is_audited(db, admin):
    before_ok, before_bad = len(_audit(db, "login")), len(_audit(db, "login_failed"))
    accounts.authenticate(db, number="1001", password=PASSWORD)
    for number, password in (("1001", "wrong-password"), ("nobody", "whatever1")):
        with pytest.raises(PermissionDenied):
            accounts.authenticate(db, number=number, password=password)
    good, bad = _audit(db, "login"), _audit(db, "login_failed")
    assert len(good) == before_ok + 1 and len(bad) == before_bad + 2
    assert good[-1].staff_id == admin.staff_id
    assert good[-1].record_id == str(admin.staff_id)
    assert good[-1].station_id == admin.station_id
    assert bad[0].record_id == str(admin.staff_id) and bad[0].staff_id is None
    assert "nobody" in (bad[1].summary or "")
    assert PASSWORD not in " ".join((e.summary or "") + (e.changes or "") for e in good + bad)


def test_logout_is_audited(db, admin):
    accounts.record_logout(db, admin)
    assert len(_audit(db, "logout")) == 1


def test_number_at_several_stations_needs_a_station(db, admin):
    from desktop.services.auth import hash_password
    from desktop.services.stations import add_staff, create_station

    with db.transaction() as session:
        other = create_station(session, code="XS", name="西山派出所")
        add_staff(session, other, number="1001", name="王芳", password_hash=hash_password(PASSWORD))
        other_id = other.id
    with pytest.raises(ValidationError) as info:
        accounts.authenticate(db, number="1001", password=PASSWORD)
    assert "station_id" in info.value.fields
    result = accounts.authenticate(db, number="1001", password=PASSWORD, station_id=other_id)
    assert (result.name, result.station_name) == ("王芳", "西山派出所")
