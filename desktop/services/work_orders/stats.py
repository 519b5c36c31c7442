"""Work-order statistics per unit, per person and overall (DESIGN.md §4 on-time rate). No Qt.

Every figure is an SQL aggregate (one GROUP BY per breakdown); Python only names the groups.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime
from typing import Any

from sqlalchemy import and_, case, func, literal, literal_column, or_, select

from desktop.db import Database
from desktop.models import Staff, Unit, WorkOrder, WorkOrderEvent
from desktop.services.work_orders.workflow import OPEN_STATES


@dataclasses.dataclass(frozen=True)
class StatsRow:
    """Figures of one group. ``id`` / ``name`` are the unit's or person's (None, None overall; a person
    row with id None gathers the orders nobody is named for). Period figures count orders issued,
    or closed, in [start, end). ``on_time_rate`` is a fraction 0–1 (None when nothing was closed);
    the averages are hours (None when there is nothing to average)."""

    id: int | None
    name: str | None
    open_now: int
    overdue_now: int
    issued: int
    closed: int
    closed_on_time: int
    on_time_rate: float | None
    avg_accept_hours: float | None
    avg_close_hours: float | None


@dataclasses.dataclass(frozen=True)
class WorkOrderStats:
    start: datetime
    end: datetime
    now: datetime
    overall: StatsRow
    by_unit: tuple[StatsRow, ...]
    by_person: tuple[StatsRow, ...]


def hours_between(db: Database, later: Any, earlier: Any) -> Any:
    """``later - earlier`` in hours, as an SQL expression of this backend."""
    if db.backend == "postgresql":
        return func.extract("epoch", later - earlier) / 3600.0
    if db.backend in ("mysql", "mariadb"):
        return func.timestampdiff(literal_column("SECOND"), earlier, later) / 3600.0
    # Whole seconds since the epoch: julianday() differences carry float noise (0.99999999 h).
    return (func.strftime("%s", later) - func.strftime("%s", earlier)) / 3600.0


def statistics(db: Database, station_id: int, start: datetime, end: datetime, *,
               now: datetime | None = None) -> WorkOrderStats:
    """Open and overdue orders now, and orders issued / closed / closed on time in [start, end), with the
    average hours from issue to the first acceptance (orders issued in the period) and from issue to
    closing (orders closed in the period); overall, per current unit and per current assignee."""
    at = (now or datetime.now()).replace(microsecond=0)
    first_accept = (
        select(WorkOrderEvent.work_order_id.label("order_id"), func.min(WorkOrderEvent.at).label("at"))
        .where(WorkOrderEvent.station_id == station_id, WorkOrderEvent.kind == "accept")
        .group_by(WorkOrderEvent.work_order_id)
        .subquery("first_accept")
    )
    is_open = WorkOrder.status.in_(OPEN_STATES)
    issued = and_(WorkOrder.issued_at >= start, WorkOrder.issued_at < end)
    closed = and_(WorkOrder.status == "closed", WorkOrder.closed_at >= start, WorkOrder.closed_at < end)
    on_time = and_(closed, WorkOrder.closed_at <= WorkOrder.deadline)

    def count(cond: Any) -> Any:
        return func.coalesce(func.sum(case((cond, 1), else_=0)), 0)

    measures = [
        count(is_open),
        count(and_(is_open, WorkOrder.deadline < at)),
        count(issued),
        count(closed),
        count(on_time),
        func.avg(case((and_(issued, first_accept.c.at.is_not(None)),
                       hours_between(db, first_accept.c.at, WorkOrder.issued_at)))),
        func.avg(case((closed, hours_between(db, WorkOrder.closed_at, WorkOrder.issued_at)))),
    ]
    base = (select().select_from(WorkOrder)
            .outerjoin(first_accept, first_accept.c.order_id == WorkOrder.id)
            .where(WorkOrder.station_id == station_id, or_(is_open, issued, closed)))

    def run(session, key: Any | None) -> list[tuple]:
        cols = [key, *measures] if key is not None else [literal(None), *measures]
        stmt = base.add_columns(*cols)
        if key is not None:
            stmt = stmt.group_by(key)
        return [tuple(r) for r in session.execute(stmt, execution_options={"all_stations": True})]

    with db.session(station_id=station_id) as s:
        overall = run(s, None)[0]
        units = run(s, WorkOrder.unit_id)
        people = run(s, WorkOrder.assignee_id)
        unit_names = dict(s.execute(select(Unit.id, Unit.name).where(Unit.station_id == station_id)).all())
        staff_ids = [r[0] for r in people if r[0] is not None]
        staff_names = dict(s.execute(select(Staff.id, Staff.name).where(Staff.id.in_(staff_ids))).all()) \
            if staff_ids else {}
    by_unit = sorted((_row(r, unit_names.get(r[0])) for r in units), key=lambda x: (x.name or "", x.id or 0))
    by_person = sorted((_row(r, staff_names.get(r[0]) if r[0] is not None else None) for r in people),
                       key=lambda x: (x.id is None, x.name or "", x.id or 0))
    return WorkOrderStats(start=start, end=end, now=at, overall=_row(overall, None),
                          by_unit=tuple(by_unit), by_person=tuple(by_person))


def _row(r: tuple, name: str | None) -> StatsRow:
    open_now, overdue, issued, closed, on_time = (int(v or 0) for v in r[1:6])
    return StatsRow(
        id=r[0], name=name, open_now=open_now, overdue_now=overdue, issued=issued, closed=closed,
        closed_on_time=on_time, on_time_rate=(on_time / closed) if closed else None,
        avg_accept_hours=None if r[6] is None else float(r[6]),
        avg_close_hours=None if r[7] is None else float(r[7]),
    )


__all__ = ["StatsRow", "WorkOrderStats", "hours_between", "statistics"]
