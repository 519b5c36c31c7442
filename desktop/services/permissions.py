"""The permission matrix: which role may do which action (DESIGN.md §6 Security, issue 10). No Qt.

One table, enforced in the services with :func:`require` (so the CLI and every screen obey it) and
asked by the views with :func:`allowed` to enable or hide buttons. The rows were taken from the
checks the services and screens made before this module existed, so behaviour is kept, except:

* ``case.edit``: the service refused only read-only accounts while the screen offered editing to
  duty and chief only; the matrix follows the screen (what users actually had).
* ``dispute.edit``: the service allowed officers, the screen did not offer them the buttons; the
  matrix follows the service (officers do mediate, DESIGN.md §1).
* ``export.unmasked``: officers and mediators see personal data on screen for their work, but a
  file with unmasked ID numbers and phones leaving the desk is a command-room decision, so only
  duty and chief may export unmasked; the others' exports are masked (DESIGN.md §5).
* ``admin`` is a technical role: it manages staff, settings and backups and reads the audit log,
  but does not handle police records beyond what it could before (incidents, imports, repeats).
"""

from __future__ import annotations

from typing import Any

from desktop.errors import PermissionDenied
from desktop.models.enums import Role

ROLE_LABELS: dict[str, str] = {
    Role.ADMIN.value: "管理员",
    Role.CHIEF.value: "指挥长",
    Role.DUTY.value: "值班员",
    Role.OFFICER.value: "民警",
    Role.MEDIATOR.value: "调解员",
    Role.VIEWER.value: "只读",
}
ROLES: tuple[str, ...] = tuple(ROLE_LABELS)

# action -> what it is, in the words of the error message ("您没有权限{label}")
ACTIONS: dict[str, str] = {
    "incident.edit": "登记和修改警情",
    "import.run": "导入数据",
    "repeats.refresh": "重新识别重复警情",
    "case.edit": "登记和修改案件",
    "warning.edit": "登记和修改预警",
    "warning.outcome": "登记预警处置结果",
    "dispute.edit": "登记和调解矛盾纠纷",
    "briefing.edit": "编辑会商",
    "workorder.issue": "下发和管理工单",
    "workorder.handle": "办理本单位的工单",
    "workorder.handle_any": "办理任何单位的工单",
    "personal.view": "查看完整的个人信息",
    "export.unmasked": "导出未遮蔽的个人信息",
    "report.view": "查看统计报表",
    "report.export_hq": "导出上报分局的工作簿",
    "staff.manage": "管理人员与账号",
    "audit.view": "查看审计日志",
    "settings.edit": "修改系统设置",
    "db.backup": "备份和恢复数据库",
}

_A, _C, _D, _O, _M, _V = ROLES

MATRIX: dict[str, frozenset[str]] = {
    "incident.edit": frozenset({_A, _C, _D}),
    "import.run": frozenset({_A, _C, _D}),
    "repeats.refresh": frozenset({_A, _C, _D}),
    "case.edit": frozenset({_C, _D}),
    "warning.edit": frozenset({_C, _D}),
    "warning.outcome": frozenset({_C, _D, _O}),
    "dispute.edit": frozenset({_C, _D, _O, _M}),
    "briefing.edit": frozenset({_C, _D}),
    # The command room issues, reviews, urges, reassigns and cancels.
    "workorder.issue": frozenset({_C, _D}),
    # Accept and report back: members of the assigned unit (or the assignee) with these roles...
    "workorder.handle": frozenset({_C, _D, _O, _M}),
    # ...while the chief may do so on any order.
    "workorder.handle_any": frozenset({_C}),
    "personal.view": frozenset({_C, _D, _O, _M}),
    "export.unmasked": frozenset({_C, _D}),
    "report.view": frozenset(ROLES),
    "report.export_hq": frozenset({_A, _C, _D}),  # admin: the station IT contact; masked
    "staff.manage": frozenset({_A}),
    "audit.view": frozenset({_A, _C}),
    "settings.edit": frozenset({_A}),
    "db.backup": frozenset({_A}),
}
assert set(MATRIX) == set(ACTIONS)


def _roles_of(who: Any) -> set[str]:
    """Role names from a LoginResult-like object (``.roles``) or an iterable of roles."""
    roles = getattr(who, "roles", who)
    if roles is None or isinstance(roles, str):
        roles = () if roles is None else (roles,)
    return {str(r) for r in roles}


def roles_for(action: str) -> frozenset[str]:
    """The roles that may do ``action`` (KeyError for an unknown action: a typo must not pass)."""
    return MATRIX[action]


def allowed(roles: Any, action: str) -> bool:
    """Whether someone with ``roles`` (a LoginResult or an iterable of roles) may do ``action``."""
    return bool(_roles_of(roles) & MATRIX[action])


def describe(action: str) -> str:
    """The Chinese refusal message for ``action``, naming who may do it."""
    names = "、".join(ROLE_LABELS[r] for r in ROLES if r in MATRIX[action])
    return f"您没有权限{ACTIONS[action]}（只有{names}可以）"


def require(login_or_roles: Any, action: str) -> None:
    """Raise :class:`PermissionDenied` unless ``login_or_roles`` may do ``action``."""
    if not allowed(login_or_roles, action):
        raise PermissionDenied(describe(action), hint="如需此权限，请联系管理员")


def staff_roles(session: Any, staff_id: int) -> set[str]:
    """The roles of a staff member as stored (for services that are given only a staff id)."""
    from sqlalchemy import select

    from desktop.models import Staff, StaffRole

    rows = session.execute(
        select(StaffRole.role).join(Staff, Staff.id == StaffRole.staff_id)
        .where(StaffRole.staff_id == staff_id, Staff.active.is_(True))
    ).scalars()
    return {str(r) for r in rows}


def require_staff(session: Any, staff_id: int | None, action: str) -> None:
    """:func:`require` for services that take a ``staff_id`` instead of a login.

    ``staff_id=None`` is an in-process system job (demo data, benchmarks, start-up recomputation):
    nobody logged in at a desk or on the CLI acts that way — the CLI authenticates a user for every
    command that changes data (``--user``) and passes that user's id.
    """
    if staff_id is None:
        return
    require(staff_roles(session, staff_id), action)


def require_staff_id(db: Any, station_id: int, staff_id: int | None, action: str) -> None:
    """:func:`require_staff` in a short session of its own, for a check before long work starts."""
    if staff_id is None:
        return
    with db.session(station_id=station_id) as session:
        require_staff(session, staff_id, action)


__all__ = [
    "ACTIONS", "MATRIX", "ROLES", "ROLE_LABELS", "allowed", "describe", "require", "require_staff", "require_staff_id",
    "roles_for",
    "staff_roles",
]
