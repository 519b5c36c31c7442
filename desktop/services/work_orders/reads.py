"""Reading work orders: details with history, the list query, status counts and the personal desk. No Qt.

Like the incident list, the work-order list is a :class:`PagedQuery` over the work_orders table alone;
names are correlated look-ups of the rows shown, sorted by their indexed foreign keys.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, case, false, func, literal, or_, select
from sqlalchemy.orm import Session

from desktop.db import Database
from desktop.errors import NotFound
from desktop.models import (
    Attachment,
    Briefing,
    Directive,
    Dispute,
    Incident,
    RepeatCluster,
    Staff,
    Unit,
    Warning,
    WorkOrder,
    WorkOrderEvent,
)
from desktop.models.enums import AttachmentOwner
from desktop.services.accounts import LoginResult
from desktop.services.paging import ColumnSpec, Filter, PagedQuery
from desktop.services.permissions import allowed
from desktop.services.work_order_labels import PRIORITY_LABELS, SOURCE_LABELS, STATUS_LABELS
from desktop.services.work_orders.workflow import (
    OPEN_STATES,
    SOURCE_COLUMNS,
)

DUE_SOON = timedelta(hours=24)
REPEAT_LABELS = {"same_caller": "一人多报", "same_place": "一地多报", "same_event": "多人同报"}
DEFAULT_TITLES: dict[str, str] = {
    "number": "工单编号", "tone": "提醒", "status": "状态", "priority": "优先级", "title": "标题",
    "unit": "承办单位", "assignee": "承办人", "tracker": "跟踪人", "source": "来源", "deadline": "办理时限",
    "issued_at": "下发时间", "closed_at": "办结时间",
}
DESK_LIMIT = 500


def _now(now: datetime | None) -> datetime:
    return (now or datetime.now()).replace(microsecond=0)


def is_overdue(status: str, deadline: datetime, now: datetime) -> bool:
    """Open and past its deadline; a deadline of exactly ``now`` is not overdue yet."""
    return status in OPEN_STATES and now > deadline


# --------------------------------------------------------------------------- detail


@dataclasses.dataclass(frozen=True)
class EventRow:
    at: datetime
    kind: str
    actor: str | None
    text: str | None
    from_status: str | None
    to_status: str | None
    to_unit: str | None
    to_assignee: str | None


@dataclasses.dataclass(frozen=True)
class AttachmentRow:
    id: int
    file_name: str
    mime_type: str
    size_bytes: int
    created_at: datetime
    created_by: str | None


@dataclasses.dataclass(frozen=True)
class OrderDetail:
    id: int
    version: int
    number: str
    title: str
    instructions: str | None
    status: str
    priority: str
    source_kind: str
    source_id: int | None
    source_label: str
    unit_id: int
    unit: str | None
    assignee_id: int | None
    assignee: str | None
    tracker_id: int | None
    tracker: str | None
    deadline: datetime
    issued_at: datetime
    closed_at: datetime | None
    cancel_reason: str | None
    overdue: bool
    events: tuple[EventRow, ...]
    attachments: tuple[AttachmentRow, ...]
    hq_reference: str | None = None


def _source_id(order: WorkOrder) -> int | None:
    column = SOURCE_COLUMNS.get(order.source_kind)
    return getattr(order, column) if column else None


def _source_label(s: Session, order: WorkOrder) -> str:
    kind = order.source_kind
    label = SOURCE_LABELS.get(kind, kind)
    if kind == "hq":
        return f"{label} {order.hq_reference or ''}".strip()
    if kind == "incident":
        number = s.scalar(select(Incident.number).where(Incident.id == order.incident_id))
        return f"{label} {number or ''}".strip()
    if kind == "cluster":
        row = s.execute(select(RepeatCluster.kind, RepeatCluster.match_key)
                        .where(RepeatCluster.id == order.cluster_id)).first()
        return f"{label} {REPEAT_LABELS.get(row[0], row[0])} {row[1]}" if row else label
    if kind == "directive":
        row = s.execute(select(Briefing.period_start, Directive.seq)
                        .join(Briefing, Briefing.id == Directive.briefing_id)
                        .where(Directive.id == order.directive_id)).first()
        return f"{label} {row[0]:%Y-%m-%d} 第{row[1]}条" if row else label
    if kind == "warning":
        number = s.scalar(select(Warning.number).where(Warning.id == order.warning_id))
        return f"{label} {number or ''}".strip()
    if kind == "dispute":
        number = s.scalar(select(Dispute.number).where(Dispute.id == order.dispute_id))
        return f"{label} {number or ''}".strip()
    return label


def _names(s: Session, model: Any, ids: set[int | None]) -> dict[int, str]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    return dict(s.execute(select(model.id, model.name).where(model.id.in_(wanted))).all())


def order_detail(db: Database, station_id: int, order_id: int, *, now: datetime | None = None) -> OrderDetail:
    """One order with its history (oldest first) and attachments, as plain data."""
    at = _now(now)
    with db.session(station_id=station_id) as s:
        order = s.get(WorkOrder, order_id)
        if order is None or order.station_id != station_id:
            raise NotFound("找不到这张工单，可能已被删除。", hint="请刷新列表。")
        events = s.execute(
            select(WorkOrderEvent.at, WorkOrderEvent.kind, WorkOrderEvent.actor_id, WorkOrderEvent.text,
                   WorkOrderEvent.from_status, WorkOrderEvent.to_status, WorkOrderEvent.to_unit_id,
                   WorkOrderEvent.to_assignee_id)
            .where(WorkOrderEvent.work_order_id == order.id).order_by(WorkOrderEvent.at, WorkOrderEvent.id)
        ).all()
        files = s.execute(
            select(Attachment.id, Attachment.file_name, Attachment.mime_type, Attachment.size_bytes,
                   Attachment.created_at, Attachment.created_by_id)
            .where(Attachment.owner_kind == AttachmentOwner.WORK_ORDER, Attachment.owner_id == order.id)
            .order_by(Attachment.created_at, Attachment.id)
        ).all()
        staff = _names(s, Staff, {order.assignee_id, order.tracker_id} | {e[2] for e in events}
                       | {e[7] for e in events} | {f[5] for f in files})
        units = _names(s, Unit, {order.unit_id} | {e[6] for e in events})
        return OrderDetail(
            id=order.id, version=order.version, number=order.number, title=order.title,
            instructions=order.instructions, status=order.status, priority=order.priority,
            source_kind=order.source_kind, source_id=_source_id(order), source_label=_source_label(s, order),
            unit_id=order.unit_id, unit=units.get(order.unit_id), assignee_id=order.assignee_id,
            assignee=staff.get(order.assignee_id), tracker_id=order.tracker_id, tracker=staff.get(order.tracker_id),
            deadline=order.deadline, issued_at=order.issued_at, closed_at=order.closed_at,
            cancel_reason=order.cancel_reason, overdue=is_overdue(order.status, order.deadline, at),
            events=tuple(EventRow(e[0], e[1], staff.get(e[2]), e[3], e[4], e[5], units.get(e[6]), staff.get(e[7]))
                         for e in events),
            attachments=tuple(AttachmentRow(f[0], f[1], f[2], f[3], f[4], staff.get(f[5])) for f in files),
            hq_reference=order.hq_reference,
        )


def orders_for_source(db: Database, station_id: int, source_kind: str, source_id: int) -> list[tuple[int, str, str]]:
    """The orders made from one incident, cluster, directive, warning or dispute: (id, number, status).

    An incident also lists the orders of the repeat clusters it belongs to (reached through the cluster).
    """
    from desktop.models import repeat_cluster_incidents

    column = SOURCE_COLUMNS.get(source_kind)
    if column is None:
        return []
    condition = getattr(WorkOrder, column) == source_id
    if source_kind == "incident":
        clusters = select(repeat_cluster_incidents.c.cluster_id).where(
            repeat_cluster_incidents.c.incident_id == source_id)
        condition = or_(condition, WorkOrder.cluster_id.in_(clusters))
    with db.session(station_id=station_id) as s:
        rows = s.execute(select(WorkOrder.id, WorkOrder.number, WorkOrder.status)
                         .where(WorkOrder.station_id == station_id, condition).order_by(WorkOrder.id)).all()
    return [tuple(r) for r in rows]


# --------------------------------------------------------------------------- list


def _name_of(model: Any, fk: Any) -> Any:
    return select(model.name).where(model.id == fk).correlate(WorkOrder).scalar_subquery()


def tone_expr(now: datetime) -> Any:
    """'overdue' (open, past its deadline), 'due_soon' (open, deadline within 24 h) or ''."""
    open_ = WorkOrder.status.in_(OPEN_STATES)
    return case(
        (and_(open_, WorkOrder.deadline < now), literal("overdue")),
        (and_(open_, WorkOrder.deadline <= now + DUE_SOON), literal("due_soon")),
        else_=literal(""),
    )


def _source_expr() -> Any:
    """The source as one line, e.g. "警情 JQ2025…", built in SQL for the rows shown."""

    def lookup(model: Any, column: Any, fk: Any) -> Any:
        return func.coalesce(select(column).where(model.id == fk).correlate(WorkOrder).scalar_subquery(), "")

    def labelled(kind: str, value: Any) -> Any:
        return literal(SOURCE_LABELS[kind] + " ") + value

    kind_label = case(*((RepeatCluster.kind == k, literal(v)) for k, v in REPEAT_LABELS.items()),
                      else_=RepeatCluster.kind)
    cluster_text = kind_label + literal(" ") + RepeatCluster.match_key
    return case(
        (WorkOrder.source_kind == "incident", labelled("incident", lookup(Incident, Incident.number,
                                                                          WorkOrder.incident_id))),
        (WorkOrder.source_kind == "cluster", labelled("cluster", lookup(RepeatCluster, cluster_text,
                                                                        WorkOrder.cluster_id))),
        (WorkOrder.source_kind == "warning", labelled("warning", lookup(Warning, Warning.number,
                                                                        WorkOrder.warning_id))),
        (WorkOrder.source_kind == "dispute", labelled("dispute", lookup(Dispute, Dispute.number,
                                                                        WorkOrder.dispute_id))),
        (WorkOrder.source_kind == "hq", labelled("hq", func.coalesce(WorkOrder.hq_reference, ""))),
        (WorkOrder.source_kind == "directive", literal(SOURCE_LABELS["directive"])),
        else_=literal(SOURCE_LABELS["manual"]),
    )


def work_order_list_query(db: Database, station_id: int, titles: Mapping[str, str] | None = None, *,
                          now: datetime | None = None) -> PagedQuery:
    """The work-order list of a station. ``tone`` is computed against ``now`` (bound when the query is
    built: build a new query to move the clock). Filter with ``equals`` on status, priority, unit_id,
    assignee_id, tracker_id, source_kind and ``ranges`` on deadline / issued_at / closed_at; see
    :func:`overdue_filter` and :func:`due_today_filter`. Status and priority are the stored values."""
    t = {**DEFAULT_TITLES, **(titles or {})}
    at = _now(now)
    columns = [
        ColumnSpec("number", t["number"], WorkOrder.number),
        ColumnSpec("tone", t["tone"], tone_expr(at), sortable=False, searchable=False, width=76,
                   labels={"overdue": "已超期", "due_soon": "即将到期"}),
        ColumnSpec("status", t["status"], WorkOrder.status, searchable=False, width=76, labels=STATUS_LABELS),
        ColumnSpec("priority", t["priority"], WorkOrder.priority, searchable=False, width=64,
                   labels=PRIORITY_LABELS),
        ColumnSpec("title", t["title"], WorkOrder.title, width=260),
        ColumnSpec("unit", t["unit"], _name_of(Unit, WorkOrder.unit_id), sort_expr=WorkOrder.unit_id,
                   searchable=False),
        ColumnSpec("assignee", t["assignee"], _name_of(Staff, WorkOrder.assignee_id),
                   sort_expr=WorkOrder.assignee_id, searchable=False),
        ColumnSpec("tracker", t["tracker"], _name_of(Staff, WorkOrder.tracker_id), sort_expr=WorkOrder.tracker_id,
                   searchable=False),
        ColumnSpec("source", t["source"], _source_expr(), sort_expr=WorkOrder.source_kind, searchable=False),
        ColumnSpec("deadline", t["deadline"], WorkOrder.deadline, "datetime"),
        ColumnSpec("issued_at", t["issued_at"], WorkOrder.issued_at, "datetime"),
        ColumnSpec("closed_at", t["closed_at"], WorkOrder.closed_at, "datetime"),
    ]
    filters = [ColumnSpec(key, key, getattr(WorkOrder, key), "int")
               for key in ("unit_id", "assignee_id", "tracker_id")]
    filters.append(ColumnSpec("source_kind", "source_kind", WorkOrder.source_kind))
    return PagedQuery(db, station_id=station_id, base=select(WorkOrder.id), columns=columns, id_expr=WorkOrder.id,
                      filter_columns=filters)


def overdue_filter(now: datetime | None = None, **equals: Any) -> Filter:
    """Open orders past their deadline at ``now`` (the list's ranges are inclusive, times are whole
    seconds: ``deadline < now`` is ``deadline <= now - 1 s``)."""
    moment = now or datetime.now()
    high = moment.replace(microsecond=0) if moment.microsecond else moment - timedelta(seconds=1)
    return Filter(equals={"status": list(OPEN_STATES), **equals}, ranges={"deadline": (None, high)})


def due_today_filter(now: datetime | None = None, **equals: Any) -> Filter:
    """Open orders whose deadline falls on ``now``'s calendar day."""
    day = (now or datetime.now()).replace(hour=0, minute=0, second=0, microsecond=0)
    return Filter(equals={"status": list(OPEN_STATES), **equals},
                  ranges={"deadline": (day, day + timedelta(days=1) - timedelta(seconds=1))})


def status_counts(db: Database, station_id: int, *, equals: Mapping[str, Any] | None = None,
                  ranges: Mapping[str, tuple[Any, Any]] | None = None, text: str = "",
                  now: datetime | None = None) -> dict[str, int]:
    """How many orders of each status match the filter (one GROUP BY), for the filter bar's counts.
    Filters take the list's keys; a status missing from the result has no orders."""
    query = work_order_list_query(db, station_id, now=now)
    filt = Filter(text=text, equals=dict(equals or {}), ranges=dict(ranges or {}))
    stmt = select(WorkOrder.status, func.count(WorkOrder.id)).select_from(WorkOrder).group_by(WorkOrder.status)
    # The list's own filter building, so the counts always agree with the rows the list shows.
    stmt = query._filtered(stmt, filt)
    with db.session(station_id=station_id) as s:
        rows = s.execute(stmt, execution_options={"all_stations": True}).all()
    return {status: int(n) for status, n in rows}


# --------------------------------------------------------------------------- my desk


@dataclasses.dataclass(frozen=True)
class OrderRow:
    id: int
    number: str
    title: str
    status: str
    deadline: datetime
    unit: str | None
    assignee: str | None
    overdue: bool


@dataclasses.dataclass
class MyDesk:
    """What waits for one person: orders to accept and to report back on (their own, or their unit's
    orders nobody is named for), reports to review (command room: orders they track or nobody
    tracks) and overdue orders they track. Each list is ordered by deadline."""

    to_accept: list[OrderRow]
    to_report: list[OrderRow]
    to_review: list[OrderRow]
    overdue_tracked: list[OrderRow]

    @property
    def total(self) -> int:
        return len(self.to_accept) + len(self.to_report) + len(self.to_review) + len(self.overdue_tracked)


def _desk_rows(s: Session, station_id: int, condition: Any, at: datetime) -> list[OrderRow]:
    stmt = (select(WorkOrder.id, WorkOrder.number, WorkOrder.title, WorkOrder.status, WorkOrder.deadline,
                   _name_of(Unit, WorkOrder.unit_id), _name_of(Staff, WorkOrder.assignee_id))
            .where(WorkOrder.station_id == station_id, condition)
            .order_by(WorkOrder.deadline, WorkOrder.id).limit(DESK_LIMIT))
    return [OrderRow(*row, overdue=is_overdue(row[3], row[4], at))
            for row in s.execute(stmt, execution_options={"all_stations": True})]


def my_desk(db: Database, login: LoginResult, *, now: datetime | None = None) -> MyDesk:
    at = _now(now)
    roles = {str(r) for r in login.roles}
    sid = login.station_id
    me = login.staff_id
    with db.session(station_id=sid) as s:
        my_unit = s.scalar(select(Staff.unit_id).where(Staff.id == me))
        works = allowed(roles, "workorder.handle")
        mine = or_(WorkOrder.assignee_id == me,
                   and_(WorkOrder.assignee_id.is_(None), WorkOrder.unit_id == my_unit)
                   if my_unit is not None else false())
        to_accept = _desk_rows(s, sid, and_(WorkOrder.status.in_(("issued", "returned")), mine), at) if works else []
        to_report = _desk_rows(s, sid, and_(WorkOrder.status == "accepted", mine), at) if works else []
        to_review = (_desk_rows(s, sid, and_(WorkOrder.status == "reported",
                                             or_(WorkOrder.tracker_id == me, WorkOrder.tracker_id.is_(None))), at)
                     if allowed(roles, "workorder.issue") else [])
        overdue = _desk_rows(s, sid, and_(WorkOrder.tracker_id == me, WorkOrder.status.in_(OPEN_STATES),
                                          WorkOrder.deadline < at), at)
    return MyDesk(to_accept=to_accept, to_report=to_report, to_review=to_review, overdue_tracked=overdue)


__all__ = [
    "DEFAULT_TITLES", "AttachmentRow", "EventRow", "MyDesk", "OrderDetail", "OrderRow", "due_today_filter",
    "is_overdue", "my_desk", "order_detail", "orders_for_source", "overdue_filter", "status_counts", "tone_expr",
    "work_order_list_query",
]
