"""Backup and restore of a local SQLite database through SQLite's online backup API, the daily
scheduled backup (keep the newest N) and the start-up integrity check.

A server database is backed up by its administrator with pg_dump / mariadb-dump
(docs/server-setup.md); nothing here touches one.
"""

from __future__ import annotations

import contextlib
import dataclasses
import re
import sqlite3
from datetime import datetime, timedelta
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


SCHEDULE_INTERVAL = timedelta(hours=24)
DEFAULT_KEEP = 14
_STAMP = "%Y%m%d-%H%M%S"
# <database stem>-<yyyymmdd-hhmmss>[-before-upgrade].<suffix>: the time is read from the name, so
# copying a folder (which changes file times) does not change which backup is the newest.
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})(?P<upgrade>-before-upgrade)?(?P<suffix>\.[^.]+)$")


@dataclasses.dataclass(frozen=True)
class BackupInfo:
    """One backup file. ``scheduled`` is false for the copies made before an upgrade (never
    pruned); ``verified`` is None unless :func:`list_backups` was asked to check the files."""

    path: Path
    taken_at: datetime
    size: int
    scheduled: bool
    verified: bool | None = None


def default_backup_folder(db: Database) -> Path:
    """``backups`` beside the database file."""
    return _require_sqlite(db).parent / "backups"


def backup_folder(db: Database, setting: str | None) -> Path:
    """The folder the ``backup/folder`` setting names, or the default when it is empty."""
    text = (setting or "").strip()
    return Path(text).expanduser() if text else default_backup_folder(db)


def list_backups(folder: str | Path, *, check: bool = False) -> list[BackupInfo]:
    """The backups in ``folder``, newest first; with ``check`` each file is verified (slow for
    big files: run it off the UI thread)."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if match is None or not path.is_file():
            continue
        try:
            taken = datetime.strptime(match["stamp"], _STAMP)
            size = path.stat().st_size
        except (ValueError, OSError):
            continue
        verified = None
        if check:
            try:
                verify(path)
                verified = True
            except DatabaseError:
                verified = False
        found.append(BackupInfo(path, taken, size, match["upgrade"] is None, verified))
    found.sort(key=lambda b: (b.taken_at, b.path.name), reverse=True)
    return found


def scheduled_backup(db: Database, folder: str | Path, keep: int = DEFAULT_KEEP,
                     now: datetime | None = None) -> Path | None:
    """The daily backup: when the newest scheduled backup in ``folder`` is 24 hours old or more
    (or there is none), copy the database there (online backup API, verified), then delete all but
    the newest ``keep`` scheduled backups. Returns the new file, or None when none was due.
    Safe on a worker thread (it opens its own connections)."""
    _require_sqlite(db)
    if keep < 1:
        raise DatabaseError("保留的备份份数至少为 1")
    now = (now or datetime.now()).replace(microsecond=0)
    folder = Path(folder).expanduser()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseError(f"无法创建备份文件夹：{folder}（{exc.strerror or exc}）",
                            hint="请在设置中选择一个可写的备份文件夹") from exc
    scheduled = [b for b in list_backups(folder) if b.scheduled]
    if scheduled and now - scheduled[0].taken_at < SCHEDULE_INTERVAL:
        return None
    made = backup_now(db, folder, now=now)
    for old in [b for b in list_backups(folder) if b.scheduled][keep:]:
        with contextlib.suppress(OSError):  # a file held open elsewhere goes next time
            old.path.unlink()
    return made


def backup_now(db: Database, folder: str | Path, now: datetime | None = None) -> Path:
    """A backup into ``folder`` named by the time, like the daily ones (it counts as today's)."""
    src = _require_sqlite(db)
    now = (now or datetime.now()).replace(microsecond=0)
    folder = Path(folder).expanduser()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseError(f"无法创建备份文件夹：{folder}（{exc.strerror or exc}）",
                            hint="请在设置中选择一个可写的备份文件夹") from exc
    return backup(db, folder / f"{src.stem}-{now.strftime(_STAMP)}{src.suffix or '.db'}")


def restore_with_safety_copy(db: Database, src: str | Path) -> Path | None:
    """Restore ``src`` after copying the current database aside (the copy made before an
    upgrade: never pruned); returns that copy (None for an empty file)."""
    path = _require_sqlite(db)
    safety = backup_before_upgrade(db) if path.exists() and path.stat().st_size else None
    restore(db, src)
    return safety


def integrity_check(db: Database, folder: str | Path | None = None) -> None:
    """Start-up check of a local database (``PRAGMA quick_check``). On damage raises
    :class:`DatabaseError` saying so, where the newest backup is and how to restore it."""
    path = _require_sqlite(db)
    problem = None
    try:
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            rows = conn.execute("PRAGMA quick_check").fetchall()
        if [r[0] for r in rows] != ["ok"]:
            problem = "; ".join(str(r[0]) for r in rows[:3])
    except sqlite3.DatabaseError as exc:
        problem = str(exc)
    if problem is None:
        return
    folder = Path(folder) if folder else path.parent / "backups"
    backups = list_backups(folder)
    if backups:
        newest = backups[0]
        where = (f"最新的备份是 {newest.path}（{newest.taken_at:%Y-%m-%d %H:%M}）。"
                 f"请退出程序后运行 station-desk db restore \"{newest.path}\" 恢复，"
                 "或由管理员在“管理 → 数据备份”中选择“从备份恢复”。")
    else:
        where = f"在 {folder} 中没有找到备份，请联系管理员。"
    raise DatabaseError(f"数据库文件已损坏：{path}。{where}", hint=f"SQLite 检查结果：{problem[:200]}")


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
