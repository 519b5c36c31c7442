"""Cases of the incidents issue (4): import of a 110 export at scale, the list's filters and search,
repeat detection for one duty day — all on the N-incident database (default 1,000,000)."""

from __future__ import annotations

import csv
import shutil
import sqlite3
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from benchmarks.generate import ensure_incident_db, iter_incident_chunks, setup_station, stderr_progress
from benchmarks.harness import CaseUnavailable, Options, case, describe_times, measure, note, report
from desktop.db import open_database
from desktop.db.database import sqlite_file
from desktop.db.urls import parse_url, sqlite_url

IMPORT_ROWS = 100_000
HEADER = ["接警单编号", "报警时间", "报警人", "报警人联系电话", "事发地址", "警情类别", "警情类型", "报警内容",
          "所属社区", "网格", "处警单位", "处警结果"]
_INSERT_COLS = ("station_id", "number", "reported_at", "caller_name", "caller_phone", "caller_phone_raw", "address",
                "address_norm", "community_id", "grid_id", "category_id", "summary", "unit_id", "officer_id",
                "disposal", "source", "version", "created_at", "created_by_id")


def _sqlite_path(opts: Options, size: int) -> Path:
    url = ensure_incident_db(size, opts.db, progress=stderr_progress("generate"))
    path = sqlite_file(parse_url(url))
    if path is None:
        raise CaseUnavailable("this case measures SQLite against raw sqlite3; give a SQLite --db")
    return path


def _export_rows(n: int) -> tuple[list[list], list[dict]]:
    """``n`` rows of a 110 export (cells as the dispatch system writes them) and the same rows as the
    raw baseline inserts them (already clean)."""
    import sqlite3 as _s

    from desktop.db.migrate import upgrade

    # Names of categories, communities … come from a throw-away station built the same way.
    tmp = Path(tempfile.mkdtemp()) / "names.db"
    db = open_database(sqlite_url(tmp))
    upgrade(db)
    with db.transaction() as s:
        world = setup_station(s, seed=1)  # the same station as the generated database
    db.dispose()
    con = _s.connect(tmp)
    cat = dict(con.execute("SELECT c.id, p.name || '|' || c.name FROM incident_categories c "
                           "JOIN incident_categories p ON p.id = c.parent_id").fetchall())
    community = dict(con.execute("SELECT id, name FROM communities").fetchall())
    grid = dict(con.execute("SELECT id, name FROM grids").fetchall())
    unit = dict(con.execute("SELECT id, name FROM units").fetchall())
    con.close()
    shutil.rmtree(tmp.parent, ignore_errors=True)
    cells, clean = [], []
    for chunk in iter_incident_chunks(world, n, seed=7, years=1, end=date.today()):
        for row in chunk:
            number = f"IMP{len(cells):09d}"
            row = {**row, "number": number}
            category, subtype = cat[row["category_id"]].split("|")
            cells.append([number, row["reported_at"].strftime("%Y-%m-%d %H:%M:%S"), row["caller_name"],
                          row["caller_phone_raw"], row["address"], category, subtype, row["summary"],
                          community[row["community_id"]], grid[row["grid_id"]], unit[row["unit_id"]],
                          row["disposal"]])
            clean.append(row)
    return cells, clean


def _write_xlsx(path: Path, cells: list[list]) -> None:
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    ws = wb.add_worksheet("警情")
    ws.write_row(0, 0, ["城关派出所警情明细表"])
    ws.write_row(1, 0, HEADER)
    for i, row in enumerate(cells, start=2):
        ws.write_row(i, 0, row)
    ws.write_row(len(cells) + 2, 0, [f"合计：{len(cells)} 条"])
    wb.close()


def _raw_insert(path: Path, station_id: int, clean: list[dict]) -> float:
    """A raw executemany of the rows into the incidents table of ``path`` (same indexes, same search
    triggers), in one transaction: the floor an import cannot beat."""
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA cache_size=-65536")
    sql = f"INSERT INTO incidents ({', '.join(_INSERT_COLS)}) VALUES ({', '.join('?' * len(_INSERT_COLS))})"
    params = [tuple({**r, "station_id": station_id}[c] for c in _INSERT_COLS) for r in clean]
    t0 = time.perf_counter()
    con.execute("BEGIN")
    con.executemany(sql, params)
    con.execute("COMMIT")
    elapsed = time.perf_counter() - t0
    con.close()
    return elapsed


def _copy_db(src: Path, dest: Path) -> None:
    con = sqlite3.connect(src)
    out = sqlite3.connect(dest)
    con.backup(out)
    out.close()
    con.close()


def _import_case(opts: Options, kind: str) -> None:
    from python_calamine import CalamineWorkbook

    from desktop.services.incident_import import analyse, run_import

    name = f"import-{kind}"
    path = _sqlite_path(opts, opts.size)
    rows = min(IMPORT_ROWS, max(1000, opts.size // 10))
    work = Path(tempfile.mkdtemp(prefix="sdbench-"))
    try:
        note(f"{name}: building a {rows:,}-row export and two copies of {path.name}")
        cells, clean = _export_rows(rows)
        export = work / (f"export.{kind}")
        if kind == "xlsx":
            _write_xlsx(export, cells)
        else:
            with export.open("w", encoding="gbk", errors="replace", newline="") as f:
                w = csv.writer(f)
                w.writerow(HEADER)
                w.writerows(cells)
        app_db, raw_db = work / "app.db", work / "raw.db"
        _copy_db(path, app_db)
        _copy_db(path, raw_db)
        station_id = sqlite3.connect(app_db).execute("SELECT min(id) FROM stations").fetchone()[0]

        t0 = time.perf_counter()
        if kind == "xlsx":
            CalamineWorkbook.from_path(str(export)).get_sheet_by_index(0).to_python()
        else:
            with export.open(encoding="gbk", newline="") as f:
                sum(1 for _ in csv.reader(f))
        raw_read = time.perf_counter() - t0
        raw_write = _raw_insert(raw_db, station_id, clean)
        raw_total = raw_read + raw_write
        note(f"{name}: raw read {raw_read:.2f} s + raw executemany {raw_write:.2f} s")

        db = open_database(sqlite_url(app_db))
        phases: dict[str, float] = {}
        last = [time.perf_counter(), ""]

        def progress(done, total, text):
            if text != last[1]:
                now = time.perf_counter()
                if last[1]:
                    phases[last[1]] = phases.get(last[1], 0) + now - last[0]
                last[:] = [now, text]

        t0 = time.perf_counter()
        analysis = analyse(export)
        t_read = time.perf_counter() - t0
        last[0] = time.perf_counter()
        summary = run_import(db, station_id, None, analysis, progress=progress)
        total = time.perf_counter() - t0
        phases[last[1]] = phases.get(last[1], 0) + time.perf_counter() - last[0]
        db.dispose()
        note(f"{name}: read {t_read:.2f} s, " + ", ".join(f"{k} {v:.2f} s" for k, v in phases.items()))
        note(f"{name}: {summary.counts()}")
        if summary.imported != rows:
            note(f"{name}: WARNING imported {summary.imported} of {rows}")
        report(name, f"{rows} rows into {opts.size}", total, "s", raw_total)
    finally:
        shutil.rmtree(work, ignore_errors=True)


@case("import-xlsx", "import of a 100,000-row .xlsx 110 export into the N-incident database end to end "
                     "(target <= 1.5x raw); baseline: python-calamine read + raw executemany into the same table")
def import_xlsx_case(opts: Options) -> None:
    _import_case(opts, "xlsx")


@case("import-csv", "the same import from a GBK .csv (target <= 1.5x raw); baseline: csv module read + raw "
                    "executemany")
def import_csv_case(opts: Options) -> None:
    _import_case(opts, "csv")


@case("incident-list", "the incident list on the N-incident database: first page (and count) of several "
                       "filters and sorts (target < 50 ms), text search of 3+ characters (< 100 ms) and of "
                       "1-2 characters (< 500 ms)")
def incident_list_case(opts: Options) -> None:
    from desktop.services.incidents import incident_list_query, lookups
    from desktop.services.paging import Filter, Sort

    url = ensure_incident_db(opts.size, opts.db, progress=stderr_progress("generate"))
    db = open_database(url)
    try:
        with db.engine.connect() as c:
            from sqlalchemy import text

            station_id = c.execute(text("SELECT min(id) FROM stations")).scalar_one()
            last = c.execute(text("SELECT max(reported_at) FROM incidents")).scalar_one()
            word3 = c.execute(text("SELECT address FROM incidents WHERE id = 777")).scalar_one()[:4]
        if isinstance(last, str):
            last = datetime.fromisoformat(last)
        found = lookups(db, station_id)
        q = incident_list_query(db, station_id)
        week = Filter(ranges={"reported_at": (last - timedelta(days=7), None)})
        crime = found.categories[0]
        cases = [
            ("newest first", Filter(), Sort("reported_at", True)),
            ("sorted by type", Filter(), Sort("category")),
            ("sorted by community desc", Filter(), Sort("community", True)),
            ("last 7 days", week, Sort("reported_at", True)),
            ("one community", Filter(equals={"community_id": found.communities[0].id}), Sort("reported_at", True)),
            ("one category", Filter(equals={"category_id": [crime.id, *found.subtype_ids_of(crime.id)]}),
             Sort("reported_at", True)),
            ("grid + last 7 days", Filter(equals={"grid_id": found.grids[0].id},
                                          ranges=week.ranges), Sort("reported_at", True)),
            (f"search 3+ chars '{word3}'", Filter(text=word3), Sort("reported_at", True)),
            ("search 2 chars '醉酒'", Filter(text="醉酒"), Sort("reported_at", True)),
            ("search 1 char '猫'", Filter(text="猫"), Sort("reported_at", True)),
        ]
        for label, flt, sort in cases:
            q.forget_anchors()
            page, times = measure(lambda flt=flt, sort=sort: q.fetch(0, 200, filter=flt, sort=sort), opts.repeat)
            count, ctimes = measure(lambda flt=flt: q.count(flt), max(1, opts.repeat // 2))
            note(f"incident-list {label}: page {describe_times(times)}; count {describe_times(ctimes)} "
                 f"({q.count(flt):,} rows)")
            report("incident-list", f"{label} first page", page * 1000, "ms")
            report("incident-list", f"{label} count", count * 1000, "ms")
    finally:
        db.dispose()


@case("repeats-day", "repeat-call detection for one duty day on the N-incident database (target < 50 ms)")
def repeats_day_case(opts: Options) -> None:
    from sqlalchemy import text

    from desktop.services.repeats import RepeatRules, detect, duty_day_bounds

    url = ensure_incident_db(opts.size, opts.db, progress=stderr_progress("generate"))
    db = open_database(url)
    try:
        with db.engine.connect() as c:
            station_id = c.execute(text("SELECT min(id) FROM stations")).scalar_one()
            last = c.execute(text("SELECT max(reported_at) FROM incidents")).scalar_one()
        if isinstance(last, str):
            last = datetime.fromisoformat(last)
        start, end = duty_day_bounds(last.date() - timedelta(days=1), 8)
        with db.session(station_id=station_id) as s:
            found, times = measure(lambda: detect(s, station_id, start, end, RepeatRules()), opts.repeat)
            clusters = detect(s, station_id, start, end, RepeatRules())
        note(f"repeats-day {start:%Y-%m-%d %H:%M} – {end:%Y-%m-%d %H:%M}: {len(clusters)} clusters; "
             f"{describe_times(times)}")
        report("repeats-day", "detect one duty day", found * 1000, "ms")
    finally:
        db.dispose()


@case("main-window", "from a successful log-in to the main window painted with the 警情 screen open, on the "
                     "N-incident database (target < 0.5 s)")
def main_window_case(opts: Options) -> None:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    from sqlalchemy import text

    from desktop.services.accounts import LoginResult
    from desktop.views.main_window import SCREENS, MainWindow

    url = ensure_incident_db(opts.size, opts.db, progress=stderr_progress("generate"))
    app = QApplication.instance() or QApplication([])
    db = open_database(url)
    work = Path(tempfile.mkdtemp(prefix="sdbench-"))
    try:
        with db.engine.connect() as c:
            station_id, staff_id, name, number = c.execute(text(
                "SELECT s.station_id, s.id, s.name, s.number FROM staff s ORDER BY s.id LIMIT 1")).one()
        login = LoginResult(staff_id, station_id, name, number, ("duty",), "城关派出所")
        settings = QSettings(str(work / "s.ini"), QSettings.Format.IniFormat)
        settings.setValue("main_window/page", SCREENS.index("incidents"))

        def open_window():
            window = MainWindow(db, login, settings=settings)
            window.show()
            window.repaint()
            app.processEvents()
            window.close()
            window.deleteLater()
            app.processEvents()

        # The first window of a process also imports the screen's modules: what a log-in costs.
        cold, _ = measure(open_window, 1)
        median, times = measure(open_window, opts.repeat)
        note(f"main-window: again {describe_times(times)}")
        report("main-window", "log-in to painted main window (incidents open, first)", cold, "s")
        report("main-window", "log-in to painted main window (incidents open, again)", median, "s")
    finally:
        db.dispose()
        shutil.rmtree(work, ignore_errors=True)
