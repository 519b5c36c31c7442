"""Smoke test of the benchmark harness: the runner lists its cases, and the ``generate`` case runs
on a small database and prints well-formed figure lines. No timings are asserted."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

RUN = Path(__file__).resolve().parents[2] / "benchmarks" / "run.py"
FIGURE_RE = re.compile(
    r"^(?P<case>[\w.-]+) (?P<figure>[^:]+): (?P<value>-?\d+(?:\.\d+)?(?:e-?\d+)?) (?P<unit>\S+)"
    r"(?: \(raw baseline: -?\d+(?:\.\d+)?(?:e-?\d+)? \S+, ratio (?:\d+(?:\.\d+)?|inf)\))?$"
)


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, STATION_DESK_DATA_DIR=str(cwd / "data-dir"))
    return subprocess.run([sys.executable, str(RUN), *args], cwd=cwd, env=env, capture_output=True,
                          text=True, encoding="utf-8", timeout=120, check=False)


def test_list_names_the_cases(tmp_path: Path) -> None:
    done = _run("--list", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    names = {line.split()[0] for line in done.stdout.splitlines() if line.strip()}
    assert {"generate", "demo", "db-info"} <= names


def test_generate_case_prints_figures_and_writes_the_rows(tmp_path: Path) -> None:
    db = tmp_path / "bench.db"
    done = _run("generate", "--size", "2000", "--db", str(db), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    assert lines, done.stderr
    for line in lines:
        assert FIGURE_RE.match(line), f"not a figure line: {line!r}"
    figures = {FIGURE_RE.match(line)["figure"]: line for line in lines}
    assert "raw baseline:" in figures["insert"]
    assert {"insert", "rows/s", "total"} <= set(figures)
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT COUNT(*) FROM incidents").fetchone()[0] == 2000
        assert con.execute("SELECT COUNT(DISTINCT number) FROM incidents").fetchone()[0] == 2000
    # The baseline's scratch file is removed.
    assert not (tmp_path / "bench-raw.db").exists()


def test_unknown_case_is_refused(tmp_path: Path) -> None:
    done = _run("no-such-case", "--size", "10", cwd=tmp_path)
    assert done.returncode == 2
    assert "generate" in done.stderr


def test_startup_case_reaches_the_login_dialog(tmp_path: Path) -> None:
    """The app started as a user would, up to the painted log-in dialog, then closed by the probe."""
    from desktop.db import open_database
    from desktop.db.migrate import upgrade
    from desktop.services.accounts import create_first_admin

    path = tmp_path / "desk.db"
    db = open_database(str(path))
    upgrade(db)
    create_first_admin(db, station_code="DS", station_name="东山派出所", number="1001", name="张伟",
                       password="correct-horse")
    db.dispose()
    done = _run("startup", "--db", str(path), "--repeat", "1", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    assert len(lines) == 1 and FIGURE_RE.match(lines[0]), lines
    assert lines[0].startswith("startup to login dialog:") and "raw baseline:" in lines[0]
