"""Work-order documents: the printed form (工作指令单) and the ledger (工单台账, Excel and PDF). No Qt.

The form is built from :func:`work_orders.order_detail`; the ledger streams the rows of
:func:`work_orders.work_order_list_query` for any filter (keyset blocks, never the whole list in
memory for Excel). Printing and exporting are written to the audit log.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Iterator, Mapping
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy import or_, select

from desktop.db import Database
from desktop.db.audit import record_event
from desktop.errors import NotFound
from desktop.models.enums import AuditAction, WorkOrderStatus
from desktop.models.org import Station, Unit
from desktop.reports.work_order_form import WorkOrderForm, write_work_order_form
from desktop.services.paging import NO_FILTER, Filter, Sort
from desktop.services.work_order_labels import event_label, priority_label, source_label, status_label

Progress = Callable[[int, int, str], None]

LEDGER_TITLE = "工单台账"
# (title, kind, PDF width weight); the Excel sheet uses title and kind.
LEDGER_COLUMNS: tuple[tuple[str, str, float], ...] = (
    ("序号", "int", 0.6),
    ("工单编号", "text", 1.6),
    ("来源", "text", 1.0),
    ("标题", "text", 3.0),
    ("承办单位", "text", 1.3),
    ("承办人", "text", 0.9),
    ("跟踪人", "text", 0.9),
    ("优先级", "text", 0.8),
    ("下发时间", "datetime", 1.4),
    ("办结时限", "datetime", 1.4),
    ("状态", "text", 0.9),
    ("办结时间", "datetime", 1.4),
    ("是否超期", "text", 0.8),
)
_LIST_KEYS = ("number", "source", "title", "unit", "assignee", "tracker", "priority", "issued_at", "deadline",
              "status", "closed_at")
_OPEN = frozenset(str(s) for s in (WorkOrderStatus.ISSUED, WorkOrderStatus.ACCEPTED, WorkOrderStatus.REPORTED,
                                   WorkOrderStatus.RETURNED))
_OPEN_LABELS = frozenset(status_label(s) for s in _OPEN)


class Actor(Protocol):
    """Who acts: a LoginResult at a desk, or a station with no staff member for the CLI."""

    station_id: int
    staff_id: int | None


@dataclasses.dataclass(frozen=True)
class StationActor:
    """A headless actor (the CLI): the station, no staff member."""

    station_id: int
    staff_id: int | None = None


@dataclasses.dataclass(frozen=True)
class LedgerRow:
    """One order as the ledger and the CLI list show it (labels in Chinese, real datetimes)."""

    id: int
    number: str
    source: str
    title: str
    unit: str
    assignee: str
    tracker: str
    priority: str
    issued_at: datetime | None
    deadline: datetime | None
    status: str
    closed_at: datetime | None
    overdue: bool | None  # None for a cancelled order
    overdue_text: str


def _work_orders():
    # Imported late: the workflow module is large and the list screens import this one.
    from desktop.services import work_orders

    return work_orders


# --------------------------------------------------------------------------- the form


def form_for(db: Database, station_id: int, order_id: int, *, now: datetime | None = None) -> WorkOrderForm:
    """The printable form of one order (plain data, safe across threads)."""
    detail = _work_orders().order_detail(db, station_id, order_id, now=now)
    history = [
        (e.at, e.actor, event_label(e.kind), _event_text(e))
        for e in detail.events
    ]
    return WorkOrderForm(
        station_name=_station_name(db, station_id),
        number=detail.number,
        title=detail.title,
        source_label=detail.source_label or source_label(detail.source_kind),
        priority_label=priority_label(detail.priority),
        status_label=status_label(detail.status),
        unit=detail.unit or "",
        assignee=detail.assignee,
        tracker=detail.tracker,
        issued_at=detail.issued_at,
        deadline=detail.deadline,
        instructions=detail.instructions,
        history=history,
    )


def _event_text(event: Any) -> str:
    """The event's text, with where a reassignment went (the text alone may not say it)."""
    text = event.text or ""
    if str(event.kind) == "reassign":
        target = "、".join(x for x in (getattr(event, "to_unit", None), getattr(event, "to_assignee", None)) if x)
        if target:
            return f"转派至{target}" + (f"：{text}" if text else "")
    return text


def print_form(db: Database, login: Actor, order_id: int, path: str | os.PathLike[str], *,
               now: datetime | None = None) -> WorkOrderForm:
    """Write the form of ``order_id`` to the PDF ``path`` and record the print; returns the form."""
    form = form_for(db, login.station_id, order_id, now=now)
    write_work_order_form(path, form)
    with db.transaction(station_id=login.station_id, staff_id=login.staff_id) as s:
        record_event(s, AuditAction.PRINT, table_name="work_orders", record_id=order_id,
                     summary=f"打印工单 {form.number}", changes={"file": os.fspath(path)})
    return form


# --------------------------------------------------------------------------- the ledger


def ledger_filter(*, equals: Mapping[str, Any] | None = None,
                  ranges: Mapping[str, tuple[Any, Any]] | None = None, text: str = "") -> Filter:
    return Filter(text=text or "", equals=dict(equals or {}), ranges=dict(ranges or {}))


def overdue_filter(now: datetime, *, equals: Mapping[str, Any] | None = None,
                   ranges: Mapping[str, tuple[Any, Any]] | None = None) -> tuple[dict, dict]:
    """``equals`` and ``ranges`` narrowed to the orders overdue at ``now`` (open, deadline passed):
    work_orders.overdue_filter, with a status already chosen kept only where it is an open one."""
    overdue = _work_orders().overdue_filter(now)
    eq = dict(equals or {})
    wanted = eq.get("status")
    if wanted is None:
        eq["status"] = overdue.equals["status"]
    else:
        chosen = set(wanted) if isinstance(wanted, list | tuple | set | frozenset) else {wanted}
        eq["status"] = sorted(str(s) for s in chosen if str(s) in _OPEN) or ["-"]  # "-": matches nothing
    rg = dict(ranges or {})
    low, high = rg.get("deadline", (None, None))
    limit = overdue.ranges["deadline"][1]
    rg["deadline"] = (low, limit if high is None else min(high, limit))
    return eq, rg


def iter_ledger_rows(db: Database, station_id: int, filter: Filter = NO_FILTER, *,
                     now: datetime | None = None) -> Iterator[LedgerRow]:
    """The orders matching ``filter`` by issue time, streamed from the list query in blocks."""
    now = now or datetime.now()
    query = _work_orders().work_order_list_query(db, station_id, now=now)
    index = {c.key: i for i, c in enumerate(query.columns, start=1)}
    positions = [index[k] for k in _LIST_KEYS]
    for row in query.iter_rows(filter=filter, sort=Sort("issued_at")):
        number, source, title, unit, assignee, tracker, priority, issued_at, deadline, status, closed_at = (
            row[p] for p in positions)
        status_text = status_label(status)
        overdue = _overdue(str(status), status_text, deadline, closed_at, now)
        yield LedgerRow(
            id=row[0], number=number, source=source_label(source), title=title or "", unit=unit or "",
            assignee=assignee or "", tracker=tracker or "", priority=priority_label(priority),
            issued_at=issued_at, deadline=deadline, status=status_text, closed_at=closed_at, overdue=overdue,
            overdue_text="" if overdue is None else ("是" if overdue else "否"),
        )


def _overdue(status: str, label: str, deadline: datetime | None, closed_at: datetime | None,
             now: datetime) -> bool | None:
    """Open: past the deadline now. Closed: closed after the deadline. Cancelled: not applicable."""
    if status in ("cancelled", status_label("cancelled")):
        return None
    if deadline is None:
        return False
    if status in _OPEN or label in _OPEN_LABELS:
        return now > deadline
    return closed_at is not None and closed_at > deadline


def count_ledger(db: Database, station_id: int, filter: Filter = NO_FILTER, *, now: datetime | None = None) -> int:
    return _work_orders().work_order_list_query(db, station_id, now=now).count(filter)


def write_ledger(db: Database, login: Actor, path_xlsx: str | os.PathLike[str] | None = None,
                 path_pdf: str | os.PathLike[str] | None = None, *, equals: Mapping[str, Any] | None = None,
                 ranges: Mapping[str, tuple[Any, Any]] | None = None, text: str = "",
                 progress: Progress | None = None, cancel: Callable[[], bool] | None = None,
                 subtitle: str | None = None, now: datetime | None = None) -> int:
    """Write the 工单台账 of the orders matching the filter (``equals`` / ``ranges`` / ``text`` over
    the list query's keys) to ``path_xlsx`` and/or ``path_pdf`` (landscape); returns the number of
    orders written and records one export in the audit log.

    ``progress(done, total, text)`` is called now and then; ``cancel()`` turning true stops the work
    with :class:`Cancelled` and leaves no file behind. Any thread (each query opens its own session).
    """
    if path_xlsx is None and path_pdf is None:
        raise ValueError("write_ledger needs an Excel or a PDF path")
    from desktop.reports.pdf_table import write_table_pdf
    from desktop.reports.xlsx_export import write_table_xlsx

    now = now or datetime.now()
    station_id = login.station_id
    flt = ledger_filter(equals=equals, ranges=ranges, text=text)
    total = count_ledger(db, station_id, flt, now=now)
    station_name = _station_name(db, station_id)
    phases = (path_xlsx is not None) + (path_pdf is not None)

    def report(phase: int, label: str) -> Progress | None:
        if progress is None:
            return None
        # Both files: the Excel pass is the first half, the PDF the second.
        return lambda done, _t, _s: progress(phase * total + done, phases * total, label)

    def cells() -> Iterator[tuple]:
        for n, r in enumerate(iter_ledger_rows(db, station_id, flt, now=now), start=1):
            yield (n, r.number, r.source, r.title, r.unit, r.assignee, r.tracker, r.priority, r.issued_at,
                   r.deadline, r.status, r.closed_at, r.overdue_text)

    kept: list[tuple] | None = [] if path_xlsx is not None and path_pdf is not None else None

    def tee() -> Iterator[tuple]:
        for row in cells():
            kept.append(row)  # the PDF holds every row anyway; one read of the database serves both
            yield row

    written = 0
    files: list[str] = []
    if path_xlsx is not None:
        written = write_table_xlsx(path_xlsx, title=f"{station_name}{LEDGER_TITLE}",
                                   columns=[(t, k) for t, k, _w in LEDGER_COLUMNS],
                                   rows=tee() if kept is not None else cells(), progress=report(0, "Excel"),
                                   cancel=cancel, sheet_name=LEDGER_TITLE, total=total)
        files.append(os.fspath(path_xlsx))
    if path_pdf is not None:
        try:
            written = write_table_pdf(path_pdf, title=f"{station_name}{LEDGER_TITLE}",
                                      subtitle=subtitle or f"共 {total} 张　{now:%Y年%m月%d日}制表",
                                      columns=LEDGER_COLUMNS, rows=kept if kept is not None else cells(),
                                      landscape=True, progress=report(phases - 1, "PDF"), cancel=cancel)
        except BaseException:
            if path_xlsx is not None:  # all or nothing: no workbook without the PDF asked with it
                _remove(path_xlsx)
            raise
        files.append(os.fspath(path_pdf))
    with db.transaction(station_id=station_id, staff_id=login.staff_id) as s:
        record_event(s, AuditAction.EXPORT, table_name="work_orders",
                     summary=f"导出{LEDGER_TITLE} {written} 条",
                     changes={"list": LEDGER_TITLE, "rows": written, "files": files,
                              "filter": {"text": flt.text, "equals": flt.equals,
                                         "ranges": {k: list(v) for k, v in flt.ranges.items()}}})
    return written


def _remove(path: str | os.PathLike[str]) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


# --------------------------------------------------------------------------- lookups


def _station_name(db: Database, station_id: int) -> str:
    with db.session(station_id=station_id) as s:
        name = s.execute(select(Station.name).where(Station.id == station_id)).scalar_one_or_none()
    if name is None:
        raise NotFound(f"没有编号为 {station_id} 的派出所")
    return name


def unit_id_for(db: Database, station_id: int, code_or_name: str) -> int:
    """The id of the station's unit with this code or name (codes first); NotFound otherwise."""
    key = code_or_name.strip()
    with db.session(station_id=station_id) as s:
        rows = s.execute(
            select(Unit.id, Unit.code, Unit.name)
            .where(Unit.station_id == station_id, or_(Unit.code == key, Unit.name == key))
            .order_by(Unit.id)
        ).all()
    for uid, code, _name in rows:
        if code == key:
            return uid
    if rows:
        return rows[0][0]
    raise NotFound(f"没有代码或名称为 {key} 的单位")


__all__ = [
    "LEDGER_COLUMNS", "LEDGER_TITLE", "Actor", "LedgerRow", "StationActor", "count_ledger", "form_for",
    "iter_ledger_rows", "ledger_filter", "overdue_filter", "print_form", "unit_id_for", "write_ledger",
]
