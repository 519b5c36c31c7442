"""Backup and restore of a local SQLite database through SQLite's online backup API."""

from __future__ import annotations

import contextlib
import sqlite3
from datetime import datetime
from pathlib import Path

from desktop.db.database import Database
from desktop.errors import DatabaseError


def _require_sqlite(db: Database) -> Path:
    path = db.sqlite_path
    if path is None:
        raise DatabaseError(
            "只有本地 SQLite 数据库可以在这里备份和恢复",
            hint="服务器数据库请由管理员使用 pg_dump 或 mysqldump 备份",
        )
    return path


def backup(db: Database, dest: str | Path) -> Path:
    """Copy the live database into ``dest`` (consistent even while others write) and verify it."""
    src_path = _require_sqlite(db)
    dest = Path(dest).expanduser().resolve()
    if dest == src_path.resolve():
        raise DatabaseError("备份文件不能与数据库文件相同")
    if not dest.parent.exists():
        raise DatabaseError(f"备份所在的文件夹不存在：{dest.parent}")
    tmp = dest.with_name(dest.name + ".partial")
    try:
        with contextlib.closing(sqlite3.connect(src_path)) as src, contextlib.closing(sqlite3.connect(tmp)) as out:
            src.backup(out)
        verify(tmp)
        tmp.replace(dest)
    except sqlite3.Error as exc:
        tmp.unlink(missing_ok=True)
        raise _describe(exc, "备份失败") from exc
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise DatabaseError(f"备份失败：{exc.strerror or exc}", hint="请检查磁盘空间和文件夹权限") from exc
    return dest


def restore(db: Database, src: str | Path) -> None:
    """Replace the database's content with the backup ``src`` after checking that it is sound
    and not from a newer version of the application."""
    from desktop.db.database import open_database
    from desktop.db.migrate import SchemaState, schema_status

    dest_path = _require_sqlite(db)
    src = Path(src).expanduser().resolve()
    if not src.is_file():
        raise DatabaseError(f"备份文件不存在：{src}")
    verify(src)
    probe = open_database(str(src), create=False)
    try:
        status = schema_status(probe)
    finally:
        probe.dispose()
    if status.state in (SchemaState.NEWER, SchemaState.FOREIGN, SchemaState.EMPTY):
        raise DatabaseError("这个文件不是本版本 StationDesk 可以恢复的备份", hint=f"结构状态：{status.state}")
    db.dispose()  # no pooled connection may hold the file while pages are replaced
    try:
        with contextlib.closing(sqlite3.connect(src)) as s, contextlib.closing(sqlite3.connect(dest_path)) as d:
            s.backup(d)
        verify(dest_path)
    except sqlite3.Error as exc:
        raise _describe(exc, "恢复失败") from exc


def verify(path: Path) -> None:
    """Raise unless ``path`` is an intact SQLite database."""
    try:
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            result = conn.execute("PRAGMA integrity_check").fetchone()
    except sqlite3.Error as exc:
        raise _describe(exc, "文件校验失败") from exc
    if not result or result[0] != "ok":
        raise DatabaseError(f"文件已损坏：{path}", hint=str(result[0] if result else "")[:200])


def backup_before_upgrade(db: Database) -> Path:
    """The automatic, timestamped copy made before a local database is upgraded."""
    path = _require_sqlite(db)
    folder = path.parent / "backups"
    folder.mkdir(exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return backup(db, folder / f"{path.stem}-{stamp}-before-upgrade{path.suffix or '.db'}")


def _describe(exc: sqlite3.Error, what: str) -> DatabaseError:
    text = str(exc).lower()
    if "not a database" in text:
        return DatabaseError(f"{what}：这不是数据库文件")
    if "full" in text:
        return DatabaseError(f"{what}：磁盘空间已满", hint="请清理磁盘后重试")
    if "readonly" in text or "read-only" in text:
        return DatabaseError(f"{what}：文件是只读的")
    return DatabaseError(f"{what}：{exc}")
