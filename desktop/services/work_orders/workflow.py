"""The work-order state machine (DESIGN.md §3 "Work order"): who may do what in which state, issuing
new orders with their numbers, and every transition as an event. No Qt.

This module is the only place that changes a work order's status; screens and the CLI ask
:func:`allowed_actions` / :func:`actions_for` what to offer and call :func:`transition`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.dialects.mysql import insert as mysql_insert
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from desktop.db import Database
from desktop.db.audit import record_event
from desktop.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from desktop.models import (
    Directive,
    Dispute,
    Incident,
    NumberSequence,
    RepeatCluster,
    Staff,
    Station,
    Unit,
    Warning,
    WorkOrder,
    WorkOrderEvent,
)
from desktop.models.enums import (
    AuditAction,
    ClusterStatus,
    Priority,
    WarningStatus,
    WorkOrderEventKind,
    WorkOrderSource,
    WorkOrderStatus,
)
from desktop.services.accounts import LoginResult
from desktop.services.permissions import allowed, require, roles_for
from desktop.services.work_order_labels import EVENT_LABELS, PRIORITY_LABELS, SOURCE_LABELS, STATUS_LABELS

S = WorkOrderStatus
OPEN_STATES: tuple[str, ...] = tuple(str(s) for s in (S.ISSUED, S.ACCEPTED, S.REPORTED, S.RETURNED))
CLOSED_STATES: tuple[str, ...] = (str(S.CLOSED), str(S.CANCELLED))
ACTIONS = ("accept", "report", "return", "close", "urge", "reassign", "cancel")

# action -> the states it may start from
FROM_STATES: dict[str, tuple[str, ...]] = {
    "accept": (S.ISSUED, S.RETURNED),
    "report": (S.ACCEPTED,),
    "return": (S.REPORTED,),
    "close": (S.REPORTED,),
    "urge": OPEN_STATES,
    "reassign": (S.ISSUED, S.ACCEPTED),
    "cancel": OPEN_STATES,
}
# action -> the state it leads to (None: stays; reassign decides by the unit)
TO_STATE: dict[str, str | None] = {
    "accept": S.ACCEPTED, "report": S.REPORTED, "return": S.RETURNED, "close": S.CLOSED,
    "urge": None, "reassign": None, "cancel": S.CANCELLED,
}
# Who acts: the command room issues and reviews; the assignee's unit (or the assignee) works the order.
COMMAND_ACTIONS = frozenset({"return", "close", "urge", "reassign", "cancel"})
UNIT_ACTIONS = frozenset({"accept", "report"})
# The old names, derived from the matrix in desktop.services.permissions (which decides).
COMMAND_ROLES = roles_for("workorder.issue")
UNIT_ROLES = roles_for("workorder.handle") - roles_for("workorder.handle_any")

# The Chinese words for stored values live in one module (views, documents and the CLI share them).
ACTION_LABELS = EVENT_LABELS
DEFAULT_DEADLINE_HOURS: dict[str, int] = {"urgent": 2, "high": 24, "normal": 72, "long_term": 720}
SOURCE_COLUMNS: dict[str, str] = {
    "incident": "incident_id", "cluster": "cluster_id", "directive": "directive_id",
    "warning": "warning_id", "dispute": "dispute_id",
}
SOURCE_MODELS = {"incident": Incident, "cluster": RepeatCluster, "directive": Directive,
                 "warning": Warning, "dispute": Dispute}
SEQUENCE_NAME = "work_order"
MAX_TITLE = 200


def _seconds(moment: datetime | None) -> datetime:
    """Times to the second: MySQL's DATETIME keeps no fraction, and the overdue rule compares them."""
    return (moment or datetime.now()).replace(microsecond=0)


# --------------------------------------------------------------------------- who may do what


def allowed_actions(status: str, roles: Iterable[str], *, is_unit_member: bool, is_assignee: bool) -> list[str]:
    """The actions (in :data:`ACTIONS` order) that a person with ``roles`` may take on an order in
    ``status``. Admin and viewer alone may take none; chief may take every action the state allows."""
    roles = {str(r) for r in roles}
    command = allowed(roles, "workorder.issue")
    worker = allowed(roles, "workorder.handle_any") or (
        allowed(roles, "workorder.handle") and (is_unit_member or is_assignee))
    result = []
    for action in ACTIONS:
        if status not in FROM_STATES[action]:
            continue
        if (action in COMMAND_ACTIONS and command) or (action in UNIT_ACTIONS and worker):
            result.append(action)
    return result


def _staff_unit(session: Session, staff_id: int) -> int | None:
    return session.scalar(select(Staff.unit_id).where(Staff.id == staff_id))


def actions_for(db: Database, login: LoginResult, order_id: int) -> list[str]:
    """What this user may do now on this order (for the buttons of the detail screen)."""
    with db.session(station_id=login.station_id) as s:
        row = s.execute(select(WorkOrder.status, WorkOrder.unit_id, WorkOrder.assignee_id)
                        .where(WorkOrder.id == order_id)).first()
        if row is None:
            raise NotFound("找不到这张工单，可能已被删除。", hint="请刷新列表。")
        my_unit = _staff_unit(s, login.staff_id)
    status, unit_id, assignee_id = row
    return allowed_actions(status, login.roles, is_unit_member=my_unit is not None and my_unit == unit_id,
                           is_assignee=assignee_id == login.staff_id)


def can_issue(roles: Iterable[str]) -> bool:
    """Whether these roles may issue (create) work orders: the command room."""
    return allowed(roles, "workorder.issue")


# --------------------------------------------------------------------------- creating


@dataclasses.dataclass
class NewOrder:
    """What the issuing form collects. ``source_id`` names the incident, cluster, directive, warning or
    dispute for those source kinds; ``hq_reference`` is required for ``hq``. Without ``deadline`` the
    priority's default applies; without ``tracker_id`` the issuing person tracks the order."""

    title: str
    unit_id: int
    priority: str = "normal"
    source_kind: str = "manual"
    source_id: int | None = None
    hq_reference: str | None = None
    instructions: str | None = None
    assignee_id: int | None = None
    tracker_id: int | None = None
    deadline: datetime | None = None


def default_deadline(priority: str, issued_at: datetime, hours: Mapping[str, int] | None = None) -> datetime:
    """The deadline a priority gives by default (Settings.deadline_hours(); DESIGN.md defaults)."""
    table = {**DEFAULT_DEADLINE_HOURS, **(hours or {})}
    if priority not in table:
        raise ValidationError(f"未知的优先级：{priority}", fields={"priority": "无效"})
    return issued_at + timedelta(hours=int(table[priority]))


def _check_new(new: NewOrder, issued_at: datetime) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not (new.title or "").strip():
        errors["title"] = "请填写工单标题"
    elif len(new.title.strip()) > MAX_TITLE:
        errors["title"] = f"标题不能超过 {MAX_TITLE} 个字"
    if new.priority not in {str(p) for p in Priority}:
        errors["priority"] = "优先级无效"
    if new.source_kind not in {str(k) for k in WorkOrderSource}:
        errors["source_kind"] = "来源无效"
    elif new.source_kind in SOURCE_COLUMNS and new.source_id is None:
        errors["source_id"] = f"请选择来源{SOURCE_LABELS[new.source_kind]}"
    elif new.source_kind == WorkOrderSource.HQ and not (new.hq_reference or "").strip():
        errors["hq_reference"] = "请填写上级交办文号"
    if new.deadline is not None and _seconds(new.deadline) <= issued_at:
        errors["deadline"] = "办理时限应晚于下发时间"
    return errors


def _exists(session: Session, model, station_id: int, row_id: int | None) -> bool:
    if row_id is None:
        return False
    return session.scalar(select(model.id).where(model.id == row_id, model.station_id == station_id)) is not None


def create_work_order(db: Database, login: LoginResult, new: NewOrder, *, now: datetime | None = None,
                      deadline_hours: Mapping[str, int] | None = None) -> int:
    """Issue a new work order and return its id. The command room (duty, chief) issues.

    The number is ``{station code}-{year}-{seq:06d}`` from the station's counter for the year of
    issue, taken under a row lock so two desks never get the same one; a refused order (any
    :class:`ValidationError`) rolls the counter back with it. A cluster source is marked ``ordered``.
    """
    require(login, "workorder.issue")
    issued_at = _seconds(now)
    errors = _check_new(new, issued_at)
    if errors:
        raise ValidationError("工单内容不完整：" + "；".join(errors.values()), fields=errors)
    sid = login.station_id
    if not db.is_sqlite:
        _ensure_sequence(db, sid, issued_at.year)
    with db.transaction(station_id=sid, staff_id=login.staff_id) as s:
        # First statement of the transaction: on SQLite a write as the first statement takes the write
        # lock at once (waiting its turn) instead of failing later on a stale read snapshot.
        seq = _next_number(s, db, sid, issued_at.year)
        errors = {}
        if not _exists(s, Unit, sid, new.unit_id):
            errors["unit_id"] = "承办单位不存在"
        for field, staff_id in (("assignee_id", new.assignee_id), ("tracker_id", new.tracker_id)):
            if staff_id is not None and not _exists(s, Staff, sid, staff_id):
                errors[field] = "人员不存在"
        model = SOURCE_MODELS.get(new.source_kind)
        if model is not None and not _exists(s, model, sid, new.source_id):
            errors["source_id"] = f"来源{SOURCE_LABELS[new.source_kind]}不存在"
        if errors:
            raise ValidationError("工单内容有误：" + "；".join(errors.values()), fields=errors)
        code = s.scalar(select(Station.code).where(Station.id == sid))
        deadline = _seconds(new.deadline) if new.deadline else default_deadline(new.priority, issued_at,
                                                                                deadline_hours)
        links = {SOURCE_COLUMNS[new.source_kind]: new.source_id} if model is not None else {}
        order = WorkOrder(
            station_id=sid, number=f"{code}-{issued_at.year}-{seq:06d}", year=issued_at.year, seq=seq,
            source_kind=new.source_kind, hq_reference=(new.hq_reference or "").strip() or None,
            title=new.title.strip(), instructions=(new.instructions or "").strip() or None, unit_id=new.unit_id,
            assignee_id=new.assignee_id, tracker_id=new.tracker_id if new.tracker_id is not None else login.staff_id,
            priority=new.priority, deadline=deadline, status=S.ISSUED, issued_at=issued_at, **links,
        )
        s.add(order)
        s.flush()
        s.add(WorkOrderEvent(station_id=sid, work_order_id=order.id, kind=WorkOrderEventKind.ISSUE, at=issued_at,
                             actor_id=login.staff_id, text=order.instructions, to_status=S.ISSUED,
                             to_unit_id=order.unit_id, to_assignee_id=order.assignee_id))
        if new.source_kind == WorkOrderSource.CLUSTER:
            cluster = s.get(RepeatCluster, new.source_id)
            cluster.status = ClusterStatus.ORDERED
        elif new.source_kind == WorkOrderSource.WARNING:
            # In the same transaction: a warning with an order out is being handled (已派单).
            warning = s.get(Warning, new.source_id)
            if warning.status == WarningStatus.RECEIVED:
                warning.status = WarningStatus.ASSIGNED
        s.flush()
        record_event(s, AuditAction.TRANSITION, table_name="work_orders", record_id=order.id,
                     summary=f"下发工单 {order.number}：{order.title}"[:300])
        return order.id


def _sequence_key(station_id: int, year: int):
    t = NumberSequence.__table__
    return (t.c.station_id == station_id) & (t.c.name == SEQUENCE_NAME) & (t.c.year == year)


def _ensure_sequence(db: Database, station_id: int, year: int) -> None:
    """Make sure the year's counter row exists, in its own short transaction (servers only).

    Creating it inside the issuing transaction would make two desks that both miss it take gap locks
    and deadlock on MariaDB; an idempotent insert committed on its own cannot.
    """
    t = NumberSequence.__table__
    with db.engine.begin() as conn:
        if conn.execute(select(t.c.last_value).where(_sequence_key(station_id, year))).first() is not None:
            return
        values = {"station_id": station_id, "name": SEQUENCE_NAME, "year": year, "last_value": 0}
        if db.backend == "postgresql":
            conn.execute(pg_insert(t).values(**values).on_conflict_do_nothing())
        else:
            conn.execute(mysql_insert(t).values(**values).prefix_with("IGNORE"))


def _next_number(session: Session, db: Database, station_id: int, year: int) -> int:
    """The next sequence value of the year, with the counter row locked until the transaction ends."""
    t = NumberSequence.__table__
    quiet = {"skip_audit": True}
    if db.is_sqlite:
        session.execute(sqlite_insert(t).values(station_id=station_id, name=SEQUENCE_NAME, year=year, last_value=0)
                        .on_conflict_do_nothing(), execution_options=quiet)
    current = session.execute(select(t.c.last_value).where(_sequence_key(station_id, year)).with_for_update(),
                              execution_options={"all_stations": True}).scalar_one()
    session.execute(update(t).where(_sequence_key(station_id, year)).values(last_value=current + 1),
                    execution_options=quiet)
    return current + 1


# --------------------------------------------------------------------------- transitions


def _load_for_change(session: Session, order_id: int) -> WorkOrder:
    order = session.scalars(select(WorkOrder).where(WorkOrder.id == order_id).with_for_update()).first()
    if order is None:
        raise NotFound("找不到这张工单，可能已被删除。", hint="请刷新列表。")
    return order


def _refuse_state(order: WorkOrder, action: str) -> ValidationError:
    return ValidationError(
        f"工单 {order.number} 当前状态为“{STATUS_LABELS.get(order.status, order.status)}”，"
        f"不能{ACTION_LABELS[action]}",
        hint="请刷新后查看工单的最新状态",
    )


def _check_allowed(order: WorkOrder, action: str, login: LoginResult, my_unit: int | None) -> None:
    if order.status not in FROM_STATES[action]:
        raise _refuse_state(order, action)
    allowed = allowed_actions(order.status, login.roles, is_unit_member=my_unit is not None
                              and my_unit == order.unit_id, is_assignee=order.assignee_id == login.staff_id)
    if action not in allowed:
        if action in COMMAND_ACTIONS:
            raise PermissionDenied(f"只有值班员或指挥长可以{ACTION_LABELS[action]}工单 {order.number}")
        raise PermissionDenied(f"只有承办单位的人员或承办人可以{ACTION_LABELS[action]}工单 {order.number}")


def _apply(session: Session, order: WorkOrder, action: str, login: LoginResult, at: datetime, text: str | None,
           unit_id: int | None, assignee_id: int | None) -> None:
    """Change the order and append its event (the caller has checked the action is allowed)."""
    from_status = order.status
    to_status = TO_STATE[action] or from_status
    event = WorkOrderEvent(station_id=order.station_id, work_order_id=order.id, kind=action, at=at,
                           actor_id=login.staff_id, text=text, from_status=from_status)
    if action == "reassign":
        if unit_id is None:
            unit_id = order.unit_id
        if unit_id == order.unit_id and assignee_id == order.assignee_id:
            raise ValidationError(f"工单 {order.number} 已由该单位和人员承办，无需转派",
                                  fields={"unit_id": "与原承办相同"})
        if unit_id != order.unit_id:
            # A new unit has not accepted it yet.
            to_status = S.ISSUED
            order.unit_id = unit_id
        order.assignee_id = assignee_id
        event.to_unit_id = unit_id
        event.to_assignee_id = assignee_id
    elif action == "cancel":
        order.cancel_reason = text
    elif action == "close":
        order.closed_at = at
    event.to_status = to_status
    if action == "urge":
        # A reminder changes nothing on the order itself (and so no colleague's edit conflicts with it).
        pass
    elif to_status != from_status or action == "reassign":
        order.status = to_status
    session.add(event)


def _check_text(action: str, text: str | None) -> str | None:
    text = (text or "").strip() or None
    if action == "cancel" and text is None:
        raise ValidationError("撤销工单必须填写撤销原因", fields={"text": "请填写撤销原因"})
    return text


def _check_target(session: Session, station_id: int, unit_id: int | None, assignee_id: int | None) -> None:
    errors = {}
    if unit_id is not None and not _exists(session, Unit, station_id, unit_id):
        errors["unit_id"] = "承办单位不存在"
    if assignee_id is not None and not _exists(session, Staff, station_id, assignee_id):
        errors["assignee_id"] = "承办人不存在"
    if errors:
        raise ValidationError("转派对象有误：" + "；".join(errors.values()), fields=errors)


def transition(db: Database, login: LoginResult, order_id: int, version: int, action: str, *,
               text: str | None = None, unit_id: int | None = None, assignee_id: int | None = None,
               now: datetime | None = None) -> None:
    """Take ``action`` on the order the user read at ``version``; one transaction with its event.

    ``text`` is the note of the step (the cancel reason, required for ``cancel``); ``unit_id`` and
    ``assignee_id`` are the new unit and person of a ``reassign`` (a new unit sends the order back to
    ``issued``). Raises :class:`ValidationError` for a step the state does not allow,
    :class:`PermissionDenied` for a step the user's roles do not allow and :class:`ConflictError`
    when someone changed the order since ``version``.
    """
    if action not in ACTIONS:
        raise ValidationError(f"未知的工单操作：{action}")
    text = _check_text(action, text)
    at = _seconds(now)
    with db.transaction(station_id=login.station_id, staff_id=login.staff_id) as s:
        order = _load_for_change(s, order_id)
        if order.version != version:
            # Name the state it is in now: the desk that lost a race learns what the other one did.
            now_status = STATUS_LABELS.get(order.status, order.status)
            raise ConflictError(f"工单 {order.number} 已被其他人修改（现为“{now_status}”），本次操作未生效",
                                hint="请刷新后查看最新状态再操作")
        my_unit = _staff_unit(s, login.staff_id)
        _check_allowed(order, action, login, my_unit)
        if action == "reassign":
            _check_target(s, login.station_id, unit_id, assignee_id)
        from_status = order.status
        _apply(s, order, action, login, at, text, unit_id, assignee_id)
        s.flush()
        record_event(s, AuditAction.TRANSITION, table_name="work_orders", record_id=order.id,
                     summary=(f"{ACTION_LABELS[action]}工单 {order.number}" + (f"：{text}" if text else ""))[:300],
                     changes={"action": action, "from": from_status, "to": order.status})


def _bulk(db: Database, login: LoginResult, order_ids: Sequence[int], action: str, text: str | None,
          unit_id: int | None, assignee_id: int | None, now: datetime | None) -> int:
    ids = list(dict.fromkeys(order_ids))
    if not ids:
        return 0
    text = _check_text(action, text)
    if action in COMMAND_ACTIONS:
        require(login, "workorder.issue")
    at = _seconds(now)
    with db.transaction(station_id=login.station_id, staff_id=login.staff_id) as s:
        orders = list(s.scalars(select(WorkOrder).where(WorkOrder.id.in_(ids)).order_by(WorkOrder.id)
                                .with_for_update()))
        if len(orders) != len(ids):
            raise NotFound("部分工单已不存在，请刷新列表后重试")
        my_unit = _staff_unit(s, login.staff_id)
        refused = []
        for order in orders:
            try:
                _check_allowed(order, action, login, my_unit)
                if action == "reassign" and unit_id == order.unit_id and assignee_id == order.assignee_id:
                    raise ValidationError("无需转派")
            except (ValidationError, PermissionDenied):
                refused.append(order.number)
        if refused:
            shown = "、".join(refused[:10]) + (f" 等 {len(refused)} 张" if len(refused) > 10 else "")
            raise ValidationError(f"以下工单不能{ACTION_LABELS[action]}：{shown}，全部未执行",
                                  hint="请取消选择这些工单后重试")
        if action == "reassign":
            _check_target(s, login.station_id, unit_id, assignee_id)
        for order in orders:
            _apply(s, order, action, login, at, text, unit_id, assignee_id)
        s.flush()
        record_event(s, AuditAction.TRANSITION, table_name="work_orders",
                     summary=f"批量{ACTION_LABELS[action]} {len(orders)} 张工单"[:300],
                     changes={"action": action, "numbers": [o.number for o in orders]})
        return len(orders)


def urge_many(db: Database, login: LoginResult, order_ids: Iterable[int], text: str | None, *,
              now: datetime | None = None) -> int:
    """Urge every order of ``order_ids`` (all or nothing); returns how many were urged."""
    return _bulk(db, login, list(order_ids), "urge", text, None, None, now)


def reassign_many(db: Database, login: LoginResult, order_ids: Iterable[int], unit_id: int | None,
                  assignee_id: int | None, *, now: datetime | None = None) -> int:
    """Reassign every order of ``order_ids`` to ``unit_id`` / ``assignee_id`` (all or nothing)."""
    return _bulk(db, login, list(order_ids), "reassign", None, unit_id, assignee_id, now)


__all__ = [
    "ACTIONS", "ACTION_LABELS", "CLOSED_STATES", "DEFAULT_DEADLINE_HOURS", "OPEN_STATES", "PRIORITY_LABELS",
    "SOURCE_LABELS", "STATUS_LABELS", "NewOrder", "actions_for", "allowed_actions", "can_issue",
    "create_work_order", "default_deadline", "reassign_many", "transition", "urge_many",
]
