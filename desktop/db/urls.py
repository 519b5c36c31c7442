"""Database URLs: the local default, validation, display, and the network-share refusal."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import user_data_dir
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from desktop.errors import DatabaseError

APP_NAME = "StationDesk"
ENV_URL = "STATION_DESK_DB"

# Backends the application supports and the driver each uses.
_DRIVERS = {"sqlite": "pysqlite", "postgresql": "psycopg", "mysql": "pymysql", "mariadb": "pymysql"}
_BACKEND_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL", "mysql": "MySQL", "mariadb": "MariaDB"}

# File systems on which SQLite locking and WAL are not reliable.
_NETWORK_FS = {
    "nfs", "nfs4", "cifs", "smbfs", "smb3", "9p", "afs", "ncpfs", "fuse.sshfs", "sshfs",
    "fuse.rclone", "davfs", "fuse.davfs2", "glusterfs", "ceph", "lustre",
}


def data_dir() -> Path:
    """The user's data folder (database, backups, logs)."""
    override = os.environ.get("STATION_DESK_DATA_DIR")
    path = Path(override) if override else Path(user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_url() -> str:
    """``STATION_DESK_DB`` if set, else a SQLite file in the user data folder."""
    env = os.environ.get(ENV_URL)
    if env:
        return env
    return sqlite_url(data_dir() / "station.db")


def demo_url() -> str:
    return sqlite_url(data_dir() / "demo.db")


def sqlite_url(path: str | os.PathLike) -> str:
    return str(URL.create("sqlite", database=str(Path(path).resolve())))


def parse_url(url: str) -> URL:
    """Parse and normalise a URL: bare file paths become SQLite URLs; drivers are filled in."""
    text = (url or "").strip()
    if not text:
        raise DatabaseError("数据库地址为空", hint="请填写数据库文件路径或服务器地址")
    if "://" not in text:
        if is_network_path(text):
            raise network_share_error(text)
        return make_url(sqlite_url(text))
    try:
        parsed = make_url(text)
    except ArgumentError as exc:
        raise DatabaseError(f"数据库地址格式不正确：{text}",
                            hint="例如 postgresql://用户@主机:5432/库名 或 sqlite:///文件路径") from exc
    backend = parsed.get_backend_name()
    if backend not in _DRIVERS:
        raise DatabaseError(f"不支持的数据库类型：{backend}", hint="请使用 SQLite、PostgreSQL 或 MySQL/MariaDB")
    if "+" not in parsed.drivername:
        parsed = parsed.set(drivername=f"{backend}+{_DRIVERS[backend]}")
    return parsed


def network_share_error(path: str | os.PathLike) -> DatabaseError:
    return DatabaseError(
        f"数据库文件位于网络驱动器或共享文件夹：{path}",
        hint="SQLite 文件不能放在网络共享上多人共用；多个工作台请使用 PostgreSQL 或 MySQL 服务器",
    )


def backend_label(backend: str) -> str:
    """'postgresql' → 'PostgreSQL' and so on, for display."""
    return _BACKEND_NAMES.get(backend, backend)


def describe_url(url: str | URL) -> str:
    """A display form without the password."""
    parsed = parse_url(url) if isinstance(url, str) else url
    return parsed.render_as_string(hide_password=True)


def is_network_path(path: str | os.PathLike) -> bool:
    """True when ``path`` lies on a network drive or share, where SQLite must not be used."""
    text = str(path)
    if text.startswith(("\\\\", "//")):
        return True  # UNC path: \\server\share
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import ctypes

        drive = os.path.splitdrive(os.path.abspath(text))[0]
        if drive:
            DRIVE_REMOTE = 4
            return ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == DRIVE_REMOTE
        return False
    return _mount_fs_type(Path(text)) in _NETWORK_FS


def _mount_fs_type(path: Path) -> str | None:
    """The file-system type of the mount holding ``path`` (Linux /proc/mounts; None elsewhere)."""
    try:
        mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    target = path.resolve() if path.exists() else path.parent.resolve()
    best, best_type = "", None
    for line in mounts:
        parts = line.split()
        if len(parts) < 3:
            continue
        mount_point = parts[1].replace("\\040", " ")
        if (str(target) == mount_point or str(target).startswith(mount_point.rstrip("/") + "/")) and len(
            mount_point
        ) > len(best):
            best, best_type = mount_point, parts[2]
    return best_type
