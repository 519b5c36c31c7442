"""Cases of the data foundation (issue 2): ``generate``, ``demo``, ``db-info``."""

from __future__ import annotations

import contextlib
import io
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

from benchmarks.generate import (
    DATA_DIR,
    ensure_incident_db,
    generate_incidents,
    remove_sqlite,
    setup_station,
    stderr_progress,
    to_url,
)
from benchmarks.harness import CaseUnavailable, Options, case, describe_times, measure, note, report
from desktop.db import open_database
from desktop.db.database import SQLITE_BUSY_TIMEOUT_MS, sqlite_file
from desktop.db.migrate import upgrade
from desktop.db.urls import parse_url, sqlite_url
from desktop.services.bootstrap import table_counts


def _sqlite_path(url: str) -> Path | None:
    parsed = parse_url(url)
    return sqlite_file(parsed) if parsed.get_backend_name() == "sqlite" else None


def _connect_raw(path: Path) -> sqlite3.Connection:
    """A plain sqlite3 connection with the settings the application's engine uses."""
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA foreign_keys=ON")
    con.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=NORMAL")
    return con


def _datetime_text(value: datetime) -> str:
    # The text SQLAlchemy's SQLite DATETIME stores ("2025-03-05 14:07:00.000000"), so both sides
    # write identical rows; the adapter runs inside executemany, i.e. inside the raw timing.
    return value.isoformat(" ", "microseconds")


# --------------------------------------------------------------------------- generate


@case("generate", "generate_incidents into a new SQLite file vs raw sqlite3.executemany of the same rows "
                  "(target: ratio <= 2)")
def generate_case(opts: Options) -> None:
    n = opts.size
    url = to_url(opts.db or DATA_DIR / f"generate-{n}.db")
    path = _sqlite_path(url)
    if path is None:
        note("generate: not a SQLite database, so no raw sqlite3 baseline; timing generate_incidents only")
        result = generate_incidents(url, n, progress=stderr_progress("generate "))
        s = result["seconds"]
        report("generate", "insert", s["insert"] + s["commit"], "s")
        report("generate", "rows/s", n / (s["insert"] + s["commit"]), "rows/s")
        report("generate", "total", s["total"], "s")
        return
    if opts.db is None:
        remove_sqlite(path)
    elif path.exists() and path.stat().st_size:
        raise SystemExit(f"generate: {path} exists; the case writes a new file (remove it or pass another --db)")
    path.parent.mkdir(parents=True, exist_ok=True)
    raw_path = path.with_name(f"{path.stem}-raw{path.suffix or '.db'}")
    remove_sqlite(raw_path)

    # The baseline's file: the same migration and the same station, so the same DDL, indexes,
    # constraints, foreign keys and ids; only the incidents' insert path differs.
    raw_db = open_database(sqlite_url(raw_path))
    try:
        upgrade(raw_db)
        with raw_db.transaction() as session:
            setup_station(session, seed=1)
    finally:
        raw_db.dispose()

    sqlite3.register_adapter(datetime, _datetime_text)
    con = _connect_raw(raw_path)
    state: dict = {"sql": None, "seconds": 0.0}

    def raw_insert(rows: list[dict]) -> None:
        # The very row dicts SQLAlchemy just inserted; named parameters, like SQLAlchemy's dicts.
        if state["sql"] is None:
            cols = list(rows[0])
            state["sql"] = (f"INSERT INTO incidents ({', '.join(cols)}) "
                            f"VALUES ({', '.join(':' + c for c in cols)})")
            con.execute("BEGIN")
        t0 = time.perf_counter()
        con.executemany(state["sql"], rows)
        state["seconds"] += time.perf_counter() - t0

    try:
        result = generate_incidents(url, n, on_chunk=raw_insert, progress=stderr_progress("generate "))
        t0 = time.perf_counter()
        if state["sql"] is not None:
            con.execute("COMMIT")
        raw_seconds = state["seconds"] + time.perf_counter() - t0
        _check_same_rows(path, con, n)
    finally:
        con.close()
        remove_sqlite(raw_path)
        if opts.db is None:  # a scratch file; later cases use ensure_incident_db's incidents-<N>.db
            remove_sqlite(path)

    s = result["seconds"]
    ours = s["insert"] + s["commit"]
    note(f"generate: {result['database']}: {n} incidents; seconds: "
         + ", ".join(f"{k} {v:.2f}" for k, v in s.items()) + f"; raw executemany + commit {raw_seconds:.2f}")
    report("generate", "insert", ours, "s", raw_seconds)
    report("generate", "rows/s", n / ours if ours else 0.0, "rows/s", n / raw_seconds if raw_seconds else 0.0)
    report("generate", "total", s["total"], "s")
    report("generate", "row building", s["rows"], "s")


def _check_same_rows(path: Path, raw: sqlite3.Connection, n: int) -> None:
    """Both files must hold the same incidents, byte for byte (a sample of rows)."""
    ours = sqlite3.connect(path)
    try:
        ids = sorted({1, max(1, n // 2), max(1, n)})
        marks = ",".join("?" * len(ids))
        query = f"SELECT * FROM incidents WHERE id IN ({marks}) ORDER BY id"
        a = ours.execute(query, ids).fetchall()
        b = raw.execute(query, ids).fetchall()
        count_a = ours.execute("SELECT COUNT(*) FROM incidents").fetchone()[0]
        count_b = raw.execute("SELECT COUNT(*) FROM incidents").fetchone()[0]
    finally:
        ours.close()
    if a != b or count_a != count_b or count_a != n:
        raise AssertionError(f"the two databases differ: {count_a} vs {count_b} rows; sample {a[:1]} vs {b[:1]}")


# --------------------------------------------------------------------------- demo


@case("demo", "create_demo_database(years=3) into a new SQLite file (target: < 30 s)")
def demo_case(opts: Options) -> None:
    try:
        import desktop.services.demo  # noqa: F401
    except ImportError as exc:
        raise CaseUnavailable(f"the demo generator (desktop/services/demo/) is not importable ({exc})") from exc
    from desktop.services.bootstrap import create_demo_database

    url = to_url(opts.db or DATA_DIR / "demo-3y.db")
    path = _sqlite_path(url)
    if path is not None:
        if opts.db is None:
            remove_sqlite(path)
        elif path.exists() and path.stat().st_size:
            raise SystemExit(f"demo: {path} exists; the case writes a new file (remove it or pass another --db)")
        path.parent.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    result = create_demo_database(url, years=3, seed=1)
    seconds = time.perf_counter() - t0
    counts = result.counts
    note("demo: " + ", ".join(f"{k} {v}" for k, v in counts.items() if v))
    report("demo", "time", seconds, "s")
    report("demo", "incidents", counts.get("incidents", 0), "incidents")
    report("demo", "incidents/s", counts.get("incidents", 0) / seconds if seconds else 0.0, "incidents/s")


# --------------------------------------------------------------------------- db info

_RAW_COUNT = (
    "import sqlite3, sys\n"
    "con = sqlite3.connect(sys.argv[1])\n"
    "print(con.execute('SELECT COUNT(*) FROM incidents').fetchone()[0])\n"
)


@case("db-info", "station-desk db info on the N-incident database, in-process and as a command "
                 "(target: < 1 s); baseline: raw sqlite3 SELECT COUNT(*) FROM incidents")
def db_info_case(opts: Options) -> None:
    from desktop import cli

    url = ensure_incident_db(opts.size, opts.db, progress=stderr_progress("db-info: generating "))
    path = _sqlite_path(url)
    argv = ["db", "info", "--db", url]
    db = open_database(url)
    try:
        expected = f"{table_counts(db).get('incidents', 0):,}"  # what db info must print
    finally:
        db.dispose()

    def in_process() -> None:
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            code = cli.main(argv)
        if code != 0 or expected not in out.getvalue():
            raise AssertionError(f"db info failed (exit {code}): {out.getvalue()[:500]}")

    env = dict(os.environ)
    env.setdefault("STATION_DESK_DATA_DIR", tempfile.mkdtemp(prefix="stationdesk-bench-"))
    command = [sys.executable, "-m", "desktop", *argv]

    def as_command() -> None:
        done = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", env=env, check=False)
        if done.returncode != 0 or expected not in done.stdout:
            raise AssertionError(f"{' '.join(command)} failed ({done.returncode}): {done.stderr[-500:]}")

    in_process()  # warm-up: imports, and the file in the OS cache, for both sides
    ours, ours_times = measure(in_process, opts.repeat)
    ours_cmd, cmd_times = measure(as_command, opts.repeat)
    note(f"db-info: {url}; in-process runs {describe_times(ours_times)} s; command runs {describe_times(cmd_times)} s")
    if path is None:
        report("db-info", "in-process", ours, "s")
        report("db-info", "command", ours_cmd, "s")
        return

    def raw() -> None:
        con = sqlite3.connect(path)
        try:
            con.execute("SELECT COUNT(*) FROM incidents").fetchone()
        finally:
            con.close()

    raw_command = [sys.executable, "-c", _RAW_COUNT, str(path)]

    def raw_as_command() -> None:
        subprocess.run(raw_command, capture_output=True, check=True, env=env)

    raw()
    base, _ = measure(raw, opts.repeat)
    base_cmd, _ = measure(raw_as_command, opts.repeat)
    report("db-info", "in-process", ours, "s", base)
    report("db-info", "command", ours_cmd, "s", base_cmd)
