"""`station-desk demo`: a believable station in an empty database, refused elsewhere, all or nothing."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import event

from desktop.cli import main
from desktop.db import database as database_module
from desktop.db import open_database
from desktop.services.bootstrap import is_empty, table_counts


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_demo_fills_an_empty_database_once(capsys, empty_url):
    code, out, err = run(capsys, "demo", "--db", empty_url, "--years", "1", "--seed", "7", "--json")
    assert code == 0, err
    counts = json.loads(out)["counts"]
    assert counts["stations"] == 1
    assert counts["incidents"] > 300 * 30  # about 50 a day for a year
    for table in ("work_orders", "work_order_events", "disputes", "mediation_sessions", "agreements",
                  "cases", "warnings", "briefings", "directives", "repeat_clusters", "staff"):
        assert counts[table] > 0, table

    # a second run must not write into a database that holds data
    code, _, err = run(capsys, "demo", "--db", empty_url, "--years", "1")
    assert code == 2 and "已有数据" in err
    db = open_database(empty_url)
    try:
        assert table_counts(db) == counts
    finally:
        db.dispose()


@pytest.fixture
def limit_file_size(monkeypatch):
    """SQLite's max_page_count makes a file 'full' part-way through, like a full disk."""
    original = database_module._configure_sqlite

    def limited(engine):
        original(engine)

        @event.listens_for(engine, "connect")
        def _limit(dbapi_conn, _record):
            dbapi_conn.execute("PRAGMA max_page_count = 600")

    def apply(on: bool) -> None:
        monkeypatch.setattr(database_module, "_configure_sqlite", limited if on else original)

    return apply


def test_full_disk_during_generation_leaves_the_database_as_it_was(capsys, tmp_path, limit_file_size):
    path = tmp_path / "small.db"
    assert run(capsys, "db", "upgrade", "--db", str(path))[0] == 0
    limit_file_size(True)
    code, out, err = run(capsys, "demo", "--db", str(path), "--years", "1")
    assert code == 2 and "磁盘空间已满" in err and "Traceback" not in out + err
    limit_file_size(False)
    db = open_database(str(path))
    try:
        assert is_empty(db)
    finally:
        db.dispose()


def test_failed_demo_into_a_new_file_removes_the_file(capsys, tmp_path, limit_file_size):
    path = tmp_path / "new.db"
    limit_file_size(True)
    code, _, err = run(capsys, "demo", "--db", str(path), "--years", "1")
    assert code == 2 and "磁盘空间已满" in err
    assert not path.exists()


@pytest.mark.parametrize("years", ["0", "11"])
def test_demo_years_out_of_range(capsys, tmp_path, years):
    code, _, err = run(capsys, "demo", "--db", str(tmp_path / "y.db"), "--years", years)
    assert code == 2 and "年数" in err


def test_demo_generation_is_recorded_in_the_audit_log(capsys, tmp_path):
    from sqlalchemy import select

    from desktop.models import AuditEntry

    url = str(tmp_path / "audited.db")
    assert run(capsys, "demo", "--db", url, "--years", "1")[0] == 0
    db = open_database(url)
    try:
        with db.session() as s:
            entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "bulk",
                                                        AuditEntry.summary.like("生成演示派出所数据%"))).one()
            assert entry.station_id is not None and json.loads(entry.changes)["counts"]["incidents"] > 0
    finally:
        db.dispose()
    assert run(capsys, "audit", "verify", "--db", url)[0] == 0
