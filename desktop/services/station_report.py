"""The 派出所月度 / 季度统计报告 (PDF): figures from desktop/services/statistics.py, layout from
desktop/reports/station_report_pdf.py. No Qt. Printing it is written to the audit log."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import select

from desktop.db import Database
from desktop.errors import Cancelled, NotFound
from desktop.models.org import Station
from desktop.services import activity, statistics
from desktop.services.statistics import Period

Progress = Callable[[int, int, str], None]
REPORT_WHAT = "统计报告"


class Actor(Protocol):
    """Who acts: a LoginResult at a desk, or a StationActor (no staff member) for the CLI."""

    station_id: int
    staff_id: int | None


def station_period(db: Database, station_id: int, kind: str, day: date, *, last_day: date | None = None) -> Period:
    """``statistics.period_of`` at the station's duty cut-over hour."""
    with db.session(station_id=station_id) as s:
        hour = s.execute(select(Station.cutover_hour).where(Station.id == station_id)).scalar_one_or_none()
    if hour is None:
        raise NotFound(f"没有编号为 {station_id} 的派出所")
    return statistics.period_of(kind, day, cutover_hour=int(hour), last_day=last_day)


def report_data(db: Database, station_id: int, period: Period, *, now: datetime | None = None,
                cancelled: Callable[[], bool] | None = None) -> Any:
    """Everything the report prints, as plain data (a StationReportData)."""
    from desktop.reports.station_report_pdf import StationReportData, report_title
    from desktop.services.disputes import statistics as dispute_statistics

    now = now or datetime.now()
    with db.session(station_id=station_id) as s:
        name = s.execute(select(Station.name).where(Station.id == station_id)).scalar_one_or_none()
    if name is None:
        raise NotFound(f"没有编号为 {station_id} 的派出所")
    board = statistics.dashboard(db, station_id, period, now=now, cancelled=cancelled)
    if cancelled is not None and cancelled():
        raise Cancelled()
    disputes = dispute_statistics(db, station_id, period.start, period.end)
    return StationReportData(station_name=name, title=report_title(name, period.label), compiled_on=now.date(),
                             dashboard=board, disputes_by_nature=dict(disputes.get("by_nature") or {}),
                             definitions=tuple(statistics.DEFINITIONS))


def write_station_report(db: Database, login: Actor, period: Period, path: str | os.PathLike[str], *,
                         now: datetime | None = None, progress: Progress | None = None,
                         cancelled: Callable[[], bool] | None = None) -> Path:
    """Write the statistics report of ``period`` to the PDF ``path`` and record the output; returns
    the path. The file is written under a temporary name and renamed, so a failure or a cancel
    (:class:`Cancelled`) leaves no half-written file. Any thread."""
    from desktop.reports.station_report_pdf import write_station_report_pdf

    target = Path(path)
    if progress is not None:
        progress(0, 3, "统计数据")
    data = report_data(db, login.station_id, period, now=now, cancelled=cancelled)
    if progress is not None:
        progress(1, 3, "排版")
    pages = write_station_report_pdf(target, data, cancelled=cancelled)
    if progress is not None:
        progress(2, 3, "记录")
    activity.record_output(db, login.station_id, login.staff_id, "print", what=f"{REPORT_WHAT}（{period.label}）",
                           rows=pages, path=os.fspath(target))
    if progress is not None:
        progress(3, 3, "")
    return target


__all__ = ["REPORT_WHAT", "report_data", "station_period", "write_station_report"]
