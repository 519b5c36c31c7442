"""Cases of the briefing issue (7): compiling a daily and a monthly briefing on the N-incident
database (default 1,000,000) — every figure is a SQL aggregate over an indexed time range."""

from __future__ import annotations

from datetime import datetime

from benchmarks.generate import ensure_incident_db, stderr_progress
from benchmarks.harness import Options, case, describe_times, measure, note, report
from desktop.db import open_database


def _compile_case(opts: Options, name: str, kind: str) -> None:
    from sqlalchemy import text

    from desktop.services.briefings import compile_briefing, period_for

    url = ensure_incident_db(opts.size, opts.db, progress=stderr_progress("generate"))
    db = open_database(url)
    try:
        with db.engine.connect() as c:
            station_id = c.execute(text("SELECT min(id) FROM stations")).scalar_one()
            last = c.execute(text("SELECT max(reported_at) FROM incidents")).scalar_one()
        if isinstance(last, str):
            last = datetime.fromisoformat(last)
        start, end = period_for(kind, last.date(), 8)
        now = datetime.combine(last.date(), datetime.min.time()).replace(hour=9)
        compiled = compile_briefing(db, station_id, kind, start, end, now=now)  # warm the caches
        median, times = measure(lambda: compile_briefing(db, station_id, kind, start, end, now=now), opts.repeat)
        note(f"{name} {start:%Y-%m-%d %H:%M} – {end:%Y-%m-%d %H:%M}: {compiled['incidents']['total']} incidents, "
             f"{len(compiled['incidents']['notable'])} notable, {compiled['repeats']['total']} clusters; "
             f"{describe_times(times)}")
        report(name, f"compile {kind}", median * 1000, "ms")
    finally:
        db.dispose()


@case("briefing-daily", "compile the daily briefing (晨会) on the N-incident database (target < 100 ms)")
def briefing_daily_case(opts: Options) -> None:
    _compile_case(opts, "briefing-daily", "daily")


@case("briefing-monthly", "compile the monthly briefing (月会商) with its 3-year average on the N-incident database "
                          "(target < 500 ms)")
def briefing_monthly_case(opts: Options) -> None:
    _compile_case(opts, "briefing-monthly", "monthly")
