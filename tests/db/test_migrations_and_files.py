"""Start-up schema policy, SQLite backup/restore, and the network-share refusal."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import select, text

from desktop.db import open_database
from desktop.db import urls as db_urls
from desktop.db.backup import backup, backup_before_upgrade, restore
from desktop.db.migrate import SchemaState, prepare, schema_status, upgrade
from desktop.errors import DatabaseError, SchemaError
from desktop.models import Station
from tests.conftest import SERVER_BACKENDS
from tests.factories import make_station


def _stamp(db, revision):
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = :r"), {"r": revision})


def test_database_from_a_newer_version_is_refused(db):
    _stamp(db, "9999_future")
    try:
        assert schema_status(db).state is SchemaState.NEWER
        with pytest.raises(SchemaError) as info:
            prepare(db)
        assert "更新版本" in info.value.message
        with pytest.raises(SchemaError):
            upgrade(db)
    finally:
        _stamp(db, schema_status(db).head)


def test_new_local_file_is_migrated_at_start_up(tmp_path):
    db = open_database(str(tmp_path / "fresh.db"))
    try:
        assert prepare(db).state is SchemaState.CURRENT
    finally:
        db.dispose()


@pytest.mark.parametrize("backend", SERVER_BACKENDS)
def test_shared_server_is_never_upgraded_by_a_desk(backend, empty_url):
    db = open_database(empty_url)
    try:
        with pytest.raises(SchemaError) as info:
            prepare(db)
        assert "db upgrade" in str(info.value)
        assert schema_status(db).state is SchemaState.EMPTY  # untouched
    finally:
        db.dispose()


def test_foreign_database_is_refused(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY)")
    db = open_database(str(path))
    try:
        with pytest.raises(SchemaError):
            prepare(db)
    finally:
        db.dispose()


def _station_names(db):
    with db.session() as s:
        return sorted(s.scalars(select(Station.name)))


def test_backup_and_restore_round_trip(tmp_path):
    db = open_database(str(tmp_path / "live.db"))
    upgrade(db)
    with db.transaction() as s:
        make_station(s, "GD", "城关派出所")
    copy = backup(db, tmp_path / "copy.db")
    with db.transaction() as s:
        make_station(s, "XJ", "新街派出所")
    assert _station_names(db) == ["城关派出所", "新街派出所"]
    restore(db, copy)
    assert _station_names(db) == ["城关派出所"]
    db.dispose()


def test_restore_of_a_bad_file_leaves_the_database_unchanged(tmp_path):
    db = open_database(str(tmp_path / "live.db"))
    upgrade(db)
    with db.transaction() as s:
        make_station(s)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database" * 100)
    with pytest.raises(DatabaseError):
        restore(db, junk)
    empty = tmp_path / "empty.db"
    sqlite3.connect(empty).close()
    with pytest.raises(DatabaseError):
        restore(db, empty)
    assert _station_names(db) == ["城关派出所"]
    db.dispose()


def test_automatic_backup_before_upgrade_is_timestamped_and_valid(tmp_path):
    db = open_database(str(tmp_path / "live.db"))
    upgrade(db)
    with db.transaction() as s:
        make_station(s)
    path = backup_before_upgrade(db)
    assert path.parent == tmp_path / "backups" and "before-upgrade" in path.name
    copy = open_database(str(path), create=False)
    assert _station_names(copy) == ["城关派出所"]
    copy.dispose()
    db.dispose()


@pytest.mark.parametrize("backend", SERVER_BACKENDS)
def test_backup_of_a_server_database_is_refused_with_advice(backend, db):
    with pytest.raises(DatabaseError) as info:
        backup(db, "/tmp/x.db")
    assert "SQLite" in info.value.message


def test_sqlite_on_a_network_share_is_refused(tmp_path, monkeypatch):
    with pytest.raises(DatabaseError) as info:
        open_database("//fileserver/share/station.db")
    assert "网络" in info.value.message and "服务器" in str(info.value)
    monkeypatch.setattr(db_urls, "_mount_fs_type", lambda path: "cifs")
    with pytest.raises(DatabaseError):
        open_database(str(tmp_path / "on-share.db"))
    monkeypatch.setattr(db_urls, "_mount_fs_type", lambda path: "ext4")
    open_database(str(tmp_path / "local.db")).dispose()


def test_mount_table_lookup_finds_the_longest_mount_point():
    # The real /proc/mounts of this machine: the root file system is never a network share here.
    assert db_urls._mount_fs_type(db_urls.Path("/")) not in (None, "nfs", "cifs")


@pytest.mark.parametrize(
    "url, fragment",
    [("", "为空"), ("oracle://scott@db/x", "不支持"), ("postgresql://u@127.0.0.1:1/x", "无法连接"),
     ("/no/such/folder/x.db", "文件夹不存在")],
)
def test_bad_urls_give_one_clear_message(url, fragment):
    with pytest.raises(DatabaseError) as info:
        open_database(url)
    assert fragment in str(info.value)


@pytest.fixture
def next_release(tmp_path, monkeypatch):
    """The shipped migrations plus one more, as the next release would bring."""
    import shutil

    from desktop.db import migrate

    folder = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, folder, ignore=shutil.ignore_patterns("__pycache__"))
    (folder / "versions" / "9999_next.py").write_text(
        '"""next release"""\n'
        "import sqlalchemy as sa\nfrom alembic import op\n\n"
        f"revision = '9999'\ndown_revision = '{migrate.head_revision()}'\n"
        "branch_labels = None\ndepends_on = None\n\n\n"
        "def upgrade():\n    op.create_table('release_probe', sa.Column('id', sa.Integer, primary_key=True))\n\n\n"
        "def downgrade():\n    op.drop_table('release_probe')\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", folder)
    return "9999"


def test_older_local_file_is_backed_up_then_upgraded(tmp_path, next_release):
    from desktop.db.migrate import upgrade as do_upgrade

    path = tmp_path / "desk.db"
    db = open_database(str(path))
    do_upgrade(db, "0001")
    with db.transaction() as s:
        make_station(s)
    assert schema_status(db).state is SchemaState.BEHIND
    status = prepare(db)
    assert status.state is SchemaState.CURRENT and status.current == next_release
    backups = list((tmp_path / "backups").glob("desk-*-before-upgrade.db"))
    assert len(backups) == 1
    old = open_database(str(backups[0]), create=False)
    try:
        assert schema_status(old).current == "0001" and _station_names(old) == ["城关派出所"]
    finally:
        old.dispose()
    assert _station_names(db) == ["城关派出所"]
    db.dispose()


@pytest.mark.parametrize("backend", SERVER_BACKENDS)
def test_older_server_database_waits_for_the_administrator(backend, empty_url, next_release):
    from desktop.db.migrate import upgrade as do_upgrade

    db = open_database(empty_url)
    try:
        do_upgrade(db, "0001")
        with pytest.raises(SchemaError) as info:
            prepare(db)
        assert "升级" in info.value.message and "db upgrade" in str(info.value)
        assert schema_status(db).current == "0001"
        assert do_upgrade(db).current == next_release  # what `station-desk db upgrade` does
    finally:
        db.dispose()
