"""Data safety of a local SQLite database: the daily backup (keep N), restore round trip and the
start-up integrity check on a damaged file (desktop/db/backup.py)."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from desktop.db import open_database
from desktop.db.backup import (
    backup_before_upgrade,
    backup_folder,
    integrity_check,
    list_backups,
    restore,
    scheduled_backup,
)
from desktop.errors import DatabaseError
from desktop.models import Incident
from tests.factories import make_incident, make_station

T0 = datetime(2025, 6, 1, 7, 30)


@pytest.fixture
def backend() -> str:
    return "sqlite"  # backups through the online backup API are for local files only


@pytest.fixture
def station_db(db):
    with db.transaction() as s:
        station, *_ = make_station(s)
        for i in range(300):  # enough rows for the incidents table to span many pages
            make_incident(s, station, f"JQ{i:04d}", summary="夜间噪音扰民，多次劝阻无效" * 3)
        sid = station.id
    return db, sid


def _numbers(db) -> list[str]:
    with db.session() as s:
        return list(s.scalars(select(Incident.number).order_by(Incident.number)))


def test_scheduled_backup_is_daily_and_keeps_n(station_db, tmp_path):
    db, _sid = station_db
    folder = tmp_path / "bk"
    first = scheduled_backup(db, folder, keep=3, now=T0)
    assert first is not None and first.name == "station-20250601-073000.db" and first.is_file()
    assert scheduled_backup(db, folder, keep=3, now=T0 + timedelta(hours=23, minutes=59)) is None
    assert [b.path for b in list_backups(folder)] == [first]
    made = [first]
    for day in range(1, 5):
        made.append(scheduled_backup(db, folder, keep=3, now=T0 + timedelta(days=day)))
    infos = list_backups(folder, check=True)
    assert [b.path for b in infos] == made[:-4:-1]  # the newest three, newest first
    assert [b.taken_at for b in infos] == [T0 + timedelta(days=d) for d in (4, 3, 2)]
    assert all(b.verified and b.scheduled and b.size > 0 for b in infos)
    assert not made[0].exists() and not made[1].exists()


def test_backups_made_before_an_upgrade_are_listed_but_never_pruned(station_db, tmp_path):
    db, _sid = station_db
    safety = backup_before_upgrade(db)
    folder = backup_folder(db, "")
    assert safety.parent == folder == db.sqlite_path.parent / "backups"
    for day in range(3):
        scheduled_backup(db, folder, keep=1, now=T0 + timedelta(days=day))
    infos = list_backups(folder)
    assert [b.scheduled for b in infos].count(True) == 1
    assert safety in [b.path for b in infos if not b.scheduled]
    assert backup_folder(db, str(tmp_path / "elsewhere")) == tmp_path / "elsewhere"


def test_restore_round_trip(station_db, tmp_path):
    db, sid = station_db
    made = scheduled_backup(db, tmp_path / "bk", keep=2, now=T0)
    before = _numbers(db)
    with db.transaction(station_id=sid) as s:
        s.add(Incident(number="JQ-LATER", reported_at=T0))
        s.get(Incident, 1).summary = "改过"
    assert len(_numbers(db)) == len(before) + 1
    restore(db, made)
    reopened = open_database(str(db.sqlite_path))
    try:
        assert _numbers(reopened) == before
        with reopened.session() as s:
            assert s.get(Incident, 1).summary.startswith("夜间噪音扰民")
        integrity_check(reopened)
    finally:
        reopened.dispose()


def _corrupt_a_page(path) -> None:
    """Overwrite the middle of the incidents table's pages with garbage, as a failing disk would."""
    with sqlite3.connect(path) as conn:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        pages = [r[0] for r in conn.execute(
            "SELECT pageno FROM dbstat WHERE name = 'incidents' AND pagetype = 'leaf' ORDER BY pageno")]
    conn.close()
    victim = pages[len(pages) // 2]
    with open(path, "r+b") as f:
        f.seek((victim - 1) * page_size + 8)
        f.write(b"\xff\x00\xa5" * (page_size // 4))


def test_damaged_file_is_reported_in_chinese_with_the_newest_backup(station_db, tmp_path):
    db, _sid = station_db
    folder = tmp_path / "bk"
    scheduled_backup(db, folder, keep=3, now=T0)
    newest = scheduled_backup(db, folder, keep=3, now=T0 + timedelta(days=1))
    integrity_check(db, folder)  # the live file is fine
    db.dispose()
    damaged = tmp_path / "damaged.db"
    shutil.copyfile(db.sqlite_path, damaged)
    _corrupt_a_page(damaged)
    broken = open_database(str(damaged), create=False)
    try:
        with pytest.raises(DatabaseError) as info:
            integrity_check(broken, folder)
        with pytest.raises(DatabaseError, match="没有找到备份"):
            integrity_check(broken, tmp_path / "empty")
    finally:
        broken.dispose()
    message = str(info.value)
    assert message.startswith(f"数据库文件已损坏：{damaged}")
    assert str(newest) in message and "2025-06-02 07:30" in message
    assert "station-desk db restore" in message and "数据备份" in message


def test_a_server_database_is_not_backed_up_here(tmp_path):
    class Server:  # what the functions read of a server Database
        sqlite_path = None

    with pytest.raises(DatabaseError, match="只有本地 SQLite"):
        scheduled_backup(Server(), tmp_path)
