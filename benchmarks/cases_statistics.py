"""Cases of the statistics issue (9): the statistics screen's dashboard on the N-incident database
(default 1,000,000). Target: a year's whole screen under 1 s."""

from __future__ import annotations

from datetime import date, datetime

from benchmarks.generate import ensure_incident_db, stderr_progress
from benchmarks.harness import Options, case, describe_times, measure, note, report
from desktop.db import open_database


@case("stats-dashboard", "the statistics dashboard (统计报表) for a year — whole station and sliced — and a month "
                         "on the N-incident database (target: a year < 1 s)")
def stats_dashboard_case(opts: Options) -> None:
    from sqlalchemy import func, select, text

    from desktop.models import Incident
    from desktop.services import statistics as st

    url = ensure_incident_db(opts.size, opts.db, progress=stderr_progress("generate"))
    db = open_database(url)
    name = "stats-dashboard"
    try:
        with db.engine.connect() as c:
            station_id = c.execute(text("SELECT min(id) FROM stations")).scalar_one()
            last = c.execute(text("SELECT max(reported_at) FROM incidents")).scalar_one()
            community = c.execute(text("SELECT min(id) FROM communities")).scalar_one()
            crime = c.execute(text("SELECT min(id) FROM incident_categories WHERE criminal = 1 AND level = 1"
                                   if db.backend != "postgresql" else
                                   "SELECT min(id) FROM incident_categories WHERE criminal AND level = 1")).scalar_one()
        if isinstance(last, str):
            last = datetime.fromisoformat(last)
        now = datetime.combine(last.date(), datetime.min.time()).replace(hour=9)
        year = st.period_of("year", date(last.year - 1, 6, 1))   # the last full year, with a year before it
        month = st.period_of("month", date(last.year - 1, 11, 1))

        def raw_count() -> int:  # the cheapest pass over the year's rows: one COUNT on the index range
            with db.session(station_id=station_id) as s:
                return s.scalar(select(func.count()).select_from(Incident).where(
                    Incident.station_id == station_id, Incident.reported_at >= year.start,
                    Incident.reported_at < year.end))

        raw_count()
        raw, _ = measure(raw_count, opts.repeat)
        runs = [
            ("year", year, st.Slice()),
            ("year community", year, st.Slice(community_id=community)),
            ("year category", year, st.Slice(category_id=crime)),
            ("month", month, st.Slice()),
        ]
        for label, period, sl in runs:
            result = st.dashboard(db, station_id, period, sl, now=now)  # warm the caches
            median, times = measure(lambda p=period, s=sl: st.dashboard(db, station_id, p, s, now=now), opts.repeat)
            note(f"{name} {label} {period.label} {sl}: {result.incidents.value} incidents "
                 f"(last year {result.incidents.last_year}); {describe_times(times)}")
            note(f"{name} {label} per query group: " + ", ".join(
                f"{k} {v * 1000:.0f} ms" for k, v in result.timings.items() if k != "start"))
            report(name, label, median * 1000, "ms", baseline=raw * 1000 if label == "year" else None)
            if label == "year":
                for key, value in result.timings.items():
                    if key != "start":
                        report(name, f"year {key}", value * 1000, "ms")
    finally:
        db.dispose()
