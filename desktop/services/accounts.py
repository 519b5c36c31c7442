"""Log-in and the first administrator (DESIGN.md §6 Security). No Qt.

Every attempt, good or bad, is written to the audit log in the same transaction as the change it
causes to the staff row (failed-attempt counter, lock, last log-in). A refused attempt still commits
that transaction (the audit entry and the counter must survive) and raises afterwards.
"""

from __future__ import annotations

import dataclasses
import functools
from datetime import datetime, timedelta

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from desktop.db.audit import record_event
from desktop.db.database import Database
from desktop.errors import ConflictError, PermissionDenied, StationDeskError, ValidationError
from desktop.models import Staff, StaffRole, Station, Unit
from desktop.models.enums import AuditAction, Rank, Role, UnitKind
from desktop.services import auth

MAX_FAILED_LOGINS = 5
LOCK_DURATION = timedelta(minutes=15)
MIN_PASSWORD_LENGTH = 8
BAD_CREDENTIALS = "工号或密码错误"

# Verified against when the number is unknown, so a wrong number costs as long as a wrong password
# and the timing does not reveal which staff numbers exist.
@functools.cache
def _dummy_hash() -> str:
    # Made on first use: hashing at import would slow every start-up by an argon2 round.
    return auth.hash_password("stationdesk-dummy-password", salt=b"stationdesk-dummy")


@dataclasses.dataclass(frozen=True)
class LoginResult:
    """Who is logged in, as plain data (safe to pass between threads and to every screen)."""

    staff_id: int
    station_id: int
    name: str
    number: str
    roles: tuple[str, ...]
    station_name: str
    # Set after an administrator's password reset (and for new accounts): change it now.
    must_change_password: bool = False


@dataclasses.dataclass(frozen=True)
class StationChoice:
    id: int
    code: str
    name: str


def list_stations(db: Database) -> list[StationChoice]:
    """The stations a desk may log in to (for the station picker when there are several)."""
    with db.transaction() as session:
        rows = session.execute(select(Station.id, Station.code, Station.name).order_by(Station.code)).all()
    return [StationChoice(*row) for row in rows]


def authenticate(
    db: Database, *, number: str, password: str, station_id: int | None = None, now: datetime | None = None
) -> LoginResult:
    """Check a staff number and password; return who logged in or raise.

    Raises :class:`PermissionDenied` for a wrong number or password (without saying which), a
    locked or a deactivated account; :class:`ValidationError` for empty input or when the number
    exists at several stations and ``station_id`` is not given. May run on any thread.
    """
    number = (number or "").strip()
    if not number:
        raise ValidationError("请输入工号", fields={"number": "必填"})
    if not password:
        raise ValidationError("请输入密码", fields={"password": "必填"})
    now = (now or datetime.now()).replace(microsecond=0)
    refusal: StationDeskError | None = None
    result: LoginResult | None = None
    with db.transaction() as session:
        staff = _find_staff(session, number, station_id)
        if staff is None:
            auth.verify_password(_dummy_hash(), password)
            record_event(session, AuditAction.LOGIN_FAILED, table_name="staff", station_id=station_id,
                         summary=f"登录失败：工号 {number[:32]} 不存在")
            refusal = PermissionDenied(BAD_CREDENTIALS)
        else:
            refusal = _check_staff(session, staff, password, now)
            if refusal is None:
                if auth.needs_rehash(staff.password_hash or ""):
                    # The right password is at hand: bring the hash up to today's parameters.
                    staff.password_hash = auth.hash_password(password)
                result = _login(session, staff, now)
    if refusal is not None:
        raise refusal
    assert result is not None
    return result


def _find_staff(session: Session, number: str, station_id: int | None) -> Staff | None:
    query = select(Staff).where(Staff.number == number)
    if station_id is not None:
        query = query.where(Staff.station_id == station_id)
    found = list(session.scalars(query.limit(2)))
    if len(found) > 1:
        raise ValidationError("多个派出所都有这个工号，请先选择派出所", fields={"station_id": "请选择派出所"})
    return found[0] if found else None


def _check_staff(session: Session, staff: Staff, password: str, now: datetime) -> StationDeskError | None:
    """Apply the lock-out rules to one attempt; None when the attempt succeeds."""

    def failed(summary: str) -> None:
        record_event(session, AuditAction.LOGIN_FAILED, table_name="staff", record_id=staff.id,
                     station_id=staff.station_id, summary=f"{summary}：{staff.number} {staff.name}")

    if staff.locked_until is not None:
        if staff.locked_until > now:
            failed("登录被拒绝（账号已锁定）")
            return PermissionDenied(
                f"密码连续输错 {MAX_FAILED_LOGINS} 次，账号已锁定至 {staff.locked_until:%H:%M}",
                hint="请稍后再试，或请管理员解锁",
            )
        # The lock has run out: a fresh start.
        staff.locked_until = None
        staff.failed_logins = 0
    if not auth.verify_password(staff.password_hash, password):
        staff.failed_logins = (staff.failed_logins or 0) + 1
        if staff.failed_logins >= MAX_FAILED_LOGINS:
            staff.locked_until = now + LOCK_DURATION
            failed(f"登录失败（密码错误第 {staff.failed_logins} 次，账号锁定）")
            minutes = int(LOCK_DURATION.total_seconds() // 60)
            return PermissionDenied(
                f"密码连续输错 {MAX_FAILED_LOGINS} 次，账号已锁定 {minutes} 分钟（至 {staff.locked_until:%H:%M}）",
                hint="请稍后再试，或请管理员解锁",
            )
        failed(f"登录失败（密码错误第 {staff.failed_logins} 次）")
        return PermissionDenied(BAD_CREDENTIALS)
    # Only after the right password: say the account is deactivated (no hint to guessers).
    if not staff.active:
        failed("登录被拒绝（账号已停用）")
        return PermissionDenied("该账号已停用", hint="请联系管理员")
    return None


def _login(session: Session, staff: Staff, now: datetime) -> LoginResult:
    session.info["staff_id"] = staff.id
    staff.failed_logins = 0
    staff.locked_until = None
    staff.last_login_at = now
    record_event(session, AuditAction.LOGIN, table_name="staff", record_id=staff.id,
                 station_id=staff.station_id, summary=f"登录：{staff.number} {staff.name}")
    station = session.get(Station, staff.station_id)
    return LoginResult(
        staff_id=staff.id,
        station_id=staff.station_id,
        name=staff.name,
        number=staff.number,
        roles=tuple(sorted(str(role) for role in staff.roles)),
        station_name=station.name if station else "",
        must_change_password=bool(staff.must_change_password),
    )


def record_logout(db: Database, login: LoginResult) -> None:
    """Write the log-out entry when the user closes the window."""
    with db.transaction(station_id=login.station_id, staff_id=login.staff_id) as session:
        record_event(session, AuditAction.LOGOUT, table_name="staff", record_id=login.staff_id,
                     summary=f"退出：{login.number} {login.name}")


# --------------------------------------------------------------------------- first administrator


def needs_first_admin(db: Database) -> bool:
    """True on a database where nobody can log in: no station, or no staff with a password."""
    with db.transaction() as session:
        has_station = session.scalar(select(exists().where(Station.id.is_not(None))))
        has_login = session.scalar(select(exists().where(Staff.password_hash.is_not(None))))
    return not (has_station and has_login)


def create_first_admin(
    db: Database, *, station_code: str, station_name: str, number: str, name: str, password: str
) -> LoginResult:
    """Create the station (or use the one with ``station_code``), its command room and the
    administrator, and log the administrator in. Only allowed while :func:`needs_first_admin`."""
    from desktop.services.stations import add_unit, create_station

    number, name = (number or "").strip(), (name or "").strip()
    errors = {}
    if not number:
        errors["number"] = "请填写工号"
    elif len(number) > 32:
        errors["number"] = "工号最多 32 个字符"
    if not name:
        errors["name"] = "请填写姓名"
    if len(password or "") < MIN_PASSWORD_LENGTH:
        errors["password"] = f"密码至少 {MIN_PASSWORD_LENGTH} 位"
    if not (station_name or "").strip():
        errors["station_name"] = "请填写派出所名称"
    if not (station_code or "").strip():
        errors["station_code"] = "请填写派出所代码"
    if errors:
        raise ValidationError(next(iter(errors.values())), fields=errors)
    password_hash = auth.hash_password(password)
    now = datetime.now().replace(microsecond=0)
    with db.transaction() as session:
        if session.scalar(select(exists().where(Staff.password_hash.is_not(None)))):
            raise ConflictError("数据库中已有可登录的账号，不能再创建首个管理员", hint="请用已有账号登录")
        code = station_code.strip().upper()
        station = session.scalar(select(Station).where(Station.code == code))
        if station is None:
            station = create_station(session, code=code, name=station_name)
        unit = session.scalar(
            select(Unit).where(Unit.station_id == station.id, Unit.kind == UnitKind.COMMAND_ROOM).limit(1)
        )
        if unit is None:
            unit = add_unit(session, station, code="ZHS", name="综合指挥室", kind=UnitKind.COMMAND_ROOM)
        if session.scalar(select(exists().where(Staff.station_id == station.id, Staff.number == number))):
            raise ValidationError("该工号已存在", fields={"number": "该工号已存在"})
        staff = Staff(station_id=station.id, number=number, name=name, rank=Rank.OFFICER, unit_id=unit.id,
                      password_hash=password_hash)
        staff.role_rows = [StaffRole(role=Role.ADMIN)]
        session.add(staff)
        session.flush()
        return _login(session, staff, now)


# --------------------------------------------------------------------------- staff administration
# Admin only (the "staff.manage" action of desktop.services.permissions), enforced here so the
# screen and any script obey it. Every change goes through the ORM in a session that knows who
# acts, so the audit hook records it (password hashes are redacted there).


@dataclasses.dataclass(frozen=True)
class StaffRow:
    """One staff member as the 人员与账号 list shows it."""

    id: int
    version: int
    number: str
    name: str
    rank: str
    unit_id: int | None
    unit_name: str
    roles: tuple[str, ...]
    active: bool
    can_log_in: bool
    locked_until: datetime | None
    failed_logins: int
    last_login_at: datetime | None
    must_change_password: bool

    def locked(self, now: datetime | None = None) -> bool:
        return self.locked_until is not None and self.locked_until > (now or datetime.now())


@dataclasses.dataclass(frozen=True)
class UnitChoice:
    id: int
    name: str


def _manage(login: LoginResult) -> None:
    from desktop.services.permissions import require

    require(login, "staff.manage")


def _admin_session(db: Database, login: LoginResult):
    return db.transaction(station_id=login.station_id, staff_id=login.staff_id)


def list_staff(db: Database, login: LoginResult) -> list[StaffRow]:
    """Everyone of the login's station, by number."""
    _manage(login)
    with _admin_session(db, login) as session:
        units = dict(session.execute(select(Unit.id, Unit.name)).all())
        staff = session.scalars(select(Staff).order_by(Staff.number)).all()
        return [_row(s, units) for s in staff]


def _row(s: Staff, units: dict[int, str]) -> StaffRow:
    return StaffRow(
        id=s.id, version=s.version, number=s.number, name=s.name, rank=s.rank, unit_id=s.unit_id,
        unit_name=units.get(s.unit_id, "") if s.unit_id else "", roles=tuple(sorted(s.roles)),
        active=bool(s.active), can_log_in=s.password_hash is not None, locked_until=s.locked_until,
        failed_logins=s.failed_logins or 0, last_login_at=s.last_login_at,
        must_change_password=bool(s.must_change_password),
    )


def list_units(db: Database, login: LoginResult) -> list[UnitChoice]:
    """The units of the station, for the staff dialog."""
    _manage(login)
    with _admin_session(db, login) as session:
        return [UnitChoice(*r) for r in session.execute(select(Unit.id, Unit.name).order_by(Unit.code)).all()]


def get_staff(db: Database, login: LoginResult, staff_id: int) -> StaffRow:
    _manage(login)
    with _admin_session(db, login) as session:
        staff = _load_staff(session, staff_id)
        units = dict(session.execute(select(Unit.id, Unit.name)).all())
        return _row(staff, units)


def _load_staff(session: Session, staff_id: int, version: int | None = None) -> Staff:
    from desktop.errors import NotFound

    staff = session.get(Staff, staff_id)
    if staff is None:
        raise NotFound("找不到这名人员，可能已被删除。", hint="请刷新列表。")
    if version is not None and staff.version != version:
        raise ConflictError(f"{staff.name}（{staff.number}）的信息已被他人修改。", hint="请刷新后重新编辑。")
    return staff


def _clean_roles(roles) -> list[str]:
    valid = {r.value for r in Role}
    chosen = sorted({str(r) for r in roles or ()})
    bad = [r for r in chosen if r not in valid]
    if bad:
        raise ValidationError(f"没有这种角色：{'、'.join(bad)}", fields={"roles": "角色不正确"})
    if not chosen:
        raise ValidationError("请至少选择一个角色", fields={"roles": "请选择角色"})
    return chosen


def _check_password(password: str, key: str = "password") -> None:
    if len(password or "") < MIN_PASSWORD_LENGTH:
        raise ValidationError(f"密码至少 {MIN_PASSWORD_LENGTH} 位", fields={key: f"至少 {MIN_PASSWORD_LENGTH} 位"})


def _check_unit(session: Session, unit_id: int | None) -> None:
    if unit_id is not None and session.get(Unit, unit_id) is None:
        raise ValidationError("所选单位不存在", fields={"unit_id": "单位不存在"})


def _active_admins(session: Session, other_than: int | None = None) -> int:
    from sqlalchemy import func

    query = (select(func.count()).select_from(Staff).join(StaffRole, StaffRole.staff_id == Staff.id)
             .where(StaffRole.role == Role.ADMIN.value, Staff.active.is_(True)))
    if other_than is not None:
        query = query.where(Staff.id != other_than)
    return int(session.scalar(query) or 0)


def _keep_an_admin(session: Session, staff: Staff, *, roles: list[str], active: bool) -> None:
    """Refuse a change that would leave the station without an active administrator."""
    was_admin = staff.active and Role.ADMIN.value in staff.roles
    stays_admin = active and Role.ADMIN.value in roles
    if was_admin and not stays_admin and _active_admins(session, other_than=staff.id) == 0:
        raise ValidationError("不能停用或取消最后一名在用管理员的管理员角色",
                              fields={"roles": "至少保留一名在用管理员"},
                              hint="请先给另一名人员授予管理员角色")


def create_staff(db: Database, login: LoginResult, *, number: str, name: str, unit_id: int | None,
                 roles, password: str, rank: str = Rank.OFFICER.value) -> int:
    """Add a staff member who can log in with ``password`` (must change it at first log-in)."""
    _manage(login)
    number, name = (number or "").strip(), (name or "").strip()
    errors = {}
    if not number:
        errors["number"] = "请填写工号"
    elif len(number) > 32:
        errors["number"] = "工号最多 32 个字符"
    if not name:
        errors["name"] = "请填写姓名"
    elif len(name) > 50:
        errors["name"] = "姓名最多 50 个字符"
    if errors:
        raise ValidationError(next(iter(errors.values())), fields=errors)
    if rank not in {r.value for r in Rank}:
        raise ValidationError("警衔/身份不正确", fields={"rank": "不正确"})
    chosen = _clean_roles(roles)
    _check_password(password)
    password_hash = auth.hash_password(password)
    with _admin_session(db, login) as session:
        _check_unit(session, unit_id)
        if session.scalar(select(exists().where(Staff.station_id == login.station_id, Staff.number == number))):
            raise ValidationError(f"工号 {number} 已存在", fields={"number": "该工号已存在"})
        staff = Staff(station_id=login.station_id, number=number, name=name, rank=rank, unit_id=unit_id,
                      password_hash=password_hash, must_change_password=True)
        staff.role_rows = [StaffRole(role=r) for r in chosen]
        session.add(staff)
        session.flush()
        return staff.id


def update_staff(db: Database, login: LoginResult, staff_id: int, version: int, *, name: str,
                 unit_id: int | None, roles, active: bool) -> None:
    """Change name, unit, roles and active flag if nobody changed the person since ``version``."""
    _manage(login)
    name = (name or "").strip()
    if not name:
        raise ValidationError("请填写姓名", fields={"name": "请填写姓名"})
    chosen = _clean_roles(roles)
    with _admin_session(db, login) as session:
        staff = _load_staff(session, staff_id, version)
        _check_unit(session, unit_id)
        _keep_an_admin(session, staff, roles=chosen, active=active)
        staff.name, staff.unit_id, staff.active = name, unit_id, bool(active)
        if set(chosen) != staff.roles:
            keep = [r for r in staff.role_rows if r.role in chosen]
            staff.role_rows = keep + [StaffRole(role=r) for r in chosen if r not in staff.roles]
            # Roles live in their own table: force an UPDATE of the staff row so its version moves
            # and a concurrent editor holding the old version is refused.
            from sqlalchemy.orm.attributes import flag_modified

            staff.updated_at = datetime.now().replace(microsecond=0)
            flag_modified(staff, "updated_at")
        session.flush()


def set_active(db: Database, login: LoginResult, staff_id: int, version: int, active: bool) -> None:
    """Deactivate (the person can no longer log in; records keep their name) or reactivate."""
    _manage(login)
    with _admin_session(db, login) as session:
        staff = _load_staff(session, staff_id, version)
        _keep_an_admin(session, staff, roles=sorted(staff.roles), active=active)
        staff.active = bool(active)
        session.flush()


def deactivate(db: Database, login: LoginResult, staff_id: int, version: int) -> None:
    set_active(db, login, staff_id, version, False)


def reactivate(db: Database, login: LoginResult, staff_id: int, version: int) -> None:
    set_active(db, login, staff_id, version, True)


def reset_password(db: Database, login: LoginResult, staff_id: int, version: int, temporary_password: str) -> None:
    """Set a temporary password the person must change at the next log-in; also lifts a lock."""
    _manage(login)
    _check_password(temporary_password)
    password_hash = auth.hash_password(temporary_password)
    with _admin_session(db, login) as session:
        staff = _load_staff(session, staff_id, version)
        staff.password_hash = password_hash
        staff.must_change_password = True
        staff.failed_logins = 0
        staff.locked_until = None
        record_event(session, AuditAction.OTHER, table_name="staff", record_id=staff.id,
                     summary=f"重置密码：{staff.number} {staff.name}")


def unlock(db: Database, login: LoginResult, staff_id: int) -> None:
    """Lift a lock-out now (clears the lock time and the failure count). No version check: unlocking
    twice is harmless, and a lock set by a log-in attempt must not make the admin reload first."""
    _manage(login)
    with _admin_session(db, login) as session:
        staff = _load_staff(session, staff_id)
        staff.locked_until = None
        staff.failed_logins = 0
        record_event(session, AuditAction.OTHER, table_name="staff", record_id=staff.id,
                     summary=f"解锁账号：{staff.number} {staff.name}")


def change_password(db: Database, login: LoginResult, old_password: str, new_password: str) -> None:
    """The logged-in user changes their own password (clears the must-change flag)."""
    _check_password(new_password, "new_password")
    if new_password == old_password:
        raise ValidationError("新密码不能与原密码相同", fields={"new_password": "与原密码相同"})
    new_hash = auth.hash_password(new_password)
    with _admin_session(db, login) as session:
        staff = _load_staff(session, login.staff_id)
        if not auth.verify_password(staff.password_hash, old_password):
            raise PermissionDenied("原密码不正确")
        staff.password_hash = new_hash
        staff.must_change_password = False
