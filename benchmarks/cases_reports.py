"""Cases of the statistics-report issue (9): ``station-report`` (the monthly station report PDF on the
N-incident database, target < 2 s) and ``hq-workbook`` (the HQ workbook of a year, ≈ 50,000 incident
rows, target ≤ 1.3x raw XlsxWriter writing the same cells in the same run)."""

from __future__ import annotations

import shutil
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

from benchmarks.generate import ensure_incident_db, stderr_progress
from benchmarks.harness import Options, case, describe_times, measure, note, report
from desktop.db import open_database

HQ_YEAR_SIZE = 150_000  # the generator spreads incidents over three years: ≈ 50,000 a year


def _station_and_last_day(db) -> tuple[int, date]:
    from sqlalchemy import text

    with db.engine.connect() as c:
        station_id = c.execute(text("SELECT min(id) FROM stations")).scalar_one()
        last = c.execute(text("SELECT max(reported_at) FROM incidents")).scalar_one()
    if isinstance(last, str):
        last = datetime.fromisoformat(last)
    return station_id, last.date()


@case("station-report", "the monthly station report PDF (statistics + layout) for the last full month on the "
                        "N-incident database (target < 2 s)")
def station_report_case(opts: Options) -> None:
    from desktop.services.station_report import station_period, write_station_report
    from desktop.services.work_order_documents import StationActor

    url = ensure_incident_db(opts.size, opts.db, progress=stderr_progress("generate"))
    db = open_database(url)
    folder = Path(tempfile.mkdtemp(prefix="sd-bench-report-"))
    try:
        station_id, last = _station_and_last_day(db)
        period = station_period(db, station_id, "month", last.replace(day=1) - timedelta(days=1))
        now = datetime.combine(last, datetime.min.time()).replace(hour=9)
        actor = StationActor(station_id)
        out = folder / "月报.pdf"
        write_station_report(db, actor, period, out, now=now)  # warm the caches and the fonts
        median, times = measure(lambda: write_station_report(db, actor, period, out, now=now), opts.repeat)
        note(f"station-report {period.label}: {describe_times(times)} s, {out.stat().st_size:,} bytes")
        report("station-report", "monthly pdf", median, "s")
    finally:
        db.dispose()
        shutil.rmtree(folder, ignore_errors=True)


@case("hq-workbook", "the HQ workbook of a year (≈ 50,000 incident rows; a 150,000-incident database unless --db) "
                     "vs raw XlsxWriter (constant memory) writing the same cells, read back from the file, in the "
                     "same run (target ratio ≤ 1.3)")
def hq_workbook_case(opts: Options) -> None:
    import openpyxl
    import xlsxwriter

    from desktop.services.hq_export import write_hq_workbook
    from desktop.services.station_report import station_period
    from desktop.services.work_order_documents import StationActor

    url = ensure_incident_db(HQ_YEAR_SIZE if opts.db is None else opts.size, opts.db,
                             progress=stderr_progress("generate"))
    db = open_database(url)
    folder = Path(tempfile.mkdtemp(prefix="sd-bench-hq-"))
    try:
        station_id, last = _station_and_last_day(db)
        period = station_period(db, station_id, "custom", last - timedelta(days=364), last_day=last)
        now = datetime.combine(last, datetime.min.time()).replace(hour=9)
        actor = StationActor(station_id)
        out = folder / "hq.xlsx"
        counts: list[dict] = []
        ours, times = measure(lambda: counts.append(write_hq_workbook(db, actor, period, out, now=now)),
                              opts.repeat)
        note(f"hq-workbook {period.label}: {describe_times(times)} s, rows {counts[-1]}, "
             f"{out.stat().st_size:,} bytes")

        # The very cells our workbook holds, read back (outside the timing), then written raw.
        wb = openpyxl.load_workbook(out, read_only=True)
        sheets = [(ws.title, [tuple(c.value for c in row) for row in ws.iter_rows()]) for ws in wb.worksheets]
        wb.close()

        def raw() -> None:
            book = xlsxwriter.Workbook(str(folder / "raw.xlsx"), {"constant_memory": True})
            fmt_dt = book.add_format({"num_format": "yyyy-mm-dd hh:mm"})
            for title, rows in sheets:
                ws = book.add_worksheet(title)
                for r, row in enumerate(rows):
                    for c, value in enumerate(row):
                        if value is None:
                            continue
                        if isinstance(value, datetime):
                            ws.write_datetime(r, c, value, fmt_dt)
                        elif isinstance(value, int | float):
                            ws.write_number(r, c, value)
                        else:
                            ws.write_string(r, c, str(value))
            book.close()

        baseline, raw_times = measure(raw, opts.repeat)
        note(f"hq-workbook raw XlsxWriter: {describe_times(raw_times)} s")
        report("hq-workbook", f"year {sum(counts[-1].values())} rows", ours, "s", baseline)
    finally:
        db.dispose()
        shutil.rmtree(folder, ignore_errors=True)
