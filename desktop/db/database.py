"""Engine and session factory for SQLite, PostgreSQL and MySQL/MariaDB: one code path for all."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session, sessionmaker

from desktop.db import audit, scoping
from desktop.db.errors import translate_error
from desktop.db.urls import backend_label, is_network_path, network_share_error, parse_url
from desktop.errors import DatabaseError

SQLITE_BUSY_TIMEOUT_MS = 10_000
SERVER_CONNECT_TIMEOUT_S = 3  # short: an unreachable server must be reported, not waited for


class AppSession(Session):
    """The application's sessions: station-scoped and audited (see ``scoping`` and ``audit``)."""


scoping.install(AppSession)
audit.install(AppSession)


class Database:
    """An open database: the engine, and sessions that scope to a station and write the audit log.

    Thread-safe; a worker thread opens its own session with :meth:`session`.
    """

    def __init__(self, url: URL, engine: Engine) -> None:
        self.url = url
        self.engine = engine
        self._factory = sessionmaker(bind=engine, class_=AppSession, expire_on_commit=False)

    @property
    def backend(self) -> str:
        """'sqlite', 'postgresql', 'mysql' or 'mariadb'."""
        name = self.engine.dialect.name
        if name == "mysql" and getattr(self.engine.dialect, "is_mariadb", False):
            return "mariadb"
        return name

    @property
    def is_sqlite(self) -> bool:
        return self.backend == "sqlite"

    @property
    def sqlite_path(self) -> Path | None:
        return sqlite_file(self.url) if self.is_sqlite else None

    @property
    def label(self) -> str:
        """E.g. ``SQLite /home/u/station.db`` or ``PostgreSQL 10.0.0.5/station``."""
        if self.is_sqlite:
            return f"SQLite {self.url.database}"
        return f"{backend_label(self.backend)} {self.url.host or 'localhost'}/{self.url.database}"

    def session(self, *, station_id: int | None = None, staff_id: int | None = None) -> Session:
        """A new session. With ``station_id`` every ORM query sees only that station's records
        and new records are filed under it; ``staff_id`` is who the audit log names."""
        session = self._factory()
        session.info["station_id"] = station_id
        session.info["staff_id"] = staff_id
        return session

    @contextlib.contextmanager
    def transaction(self, *, station_id: int | None = None, staff_id: int | None = None) -> Iterator[Session]:
        """A session in one transaction: committed on success, rolled back on any error."""
        session = self.session(station_id=station_id, staff_id=staff_id)
        try:
            with translate_error():
                yield session
                session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def table_names(self) -> set[str]:
        with translate_error():
            return set(inspect(self.engine).get_table_names())

    def dispose(self) -> None:
        self.engine.dispose()


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:  # pragma: no branch - trivial
        # Let SQLAlchemy issue BEGIN itself so transactions behave as on the servers.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        try:
            cur.execute("PRAGMA journal_mode=WAL")
        except dbapi_conn.OperationalError:  # a read-only file cannot switch mode; reading still works
            pass
        cur.execute("PRAGMA synchronous=NORMAL")
        # 64 MB page cache: the incident indexes outgrow SQLite's 2 MB default (inserts ~30 % faster).
        cur.execute("PRAGMA cache_size=-65536")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:
        # IMMEDIATE for writers would block readers' upgrades; DEFERRED plus busy_timeout is enough.
        conn.exec_driver_sql("BEGIN")


def _report_lost_connections(engine: Engine) -> None:
    """Raise :class:`ConnectionLost` for a dropped or refused server connection wherever it happens.

    Not every read runs under ``translate_error`` (a quick look-up in a plain session); without this
    a lost server would surface there as a raw driver error. SQLAlchemy still invalidates the dead
    connection (so the pool recovers by itself), and pre-ping failures are left alone: the pool
    reconnects on those silently, as it should."""

    @event.listens_for(engine, "handle_error")
    def _on_error(context) -> BaseException | None:
        if context.is_pre_ping or not (context.is_disconnect or context.connection is None):
            return None
        from desktop.db.errors import describe_db_error
        from desktop.errors import ConnectionLost

        error = describe_db_error(context.sqlalchemy_exception or context.original_exception)
        return error if isinstance(error, ConnectionLost) else None


def open_database(url: str | URL, *, create: bool = True, check: bool = True, echo: bool = False) -> Database:
    """Open the database at ``url`` (a SQLAlchemy URL or a bare file path).

    For SQLite the file is created when ``create`` is true (and refused on a network share); with
    ``check`` a first connection proves the database is reachable. Raises :class:`DatabaseError`
    with a Chinese message a user can act on.
    """
    parsed = parse_url(url) if isinstance(url, str) else url
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        engine = _sqlite_engine(parsed, create=create, echo=echo)
    else:
        connect_args: dict = {"connect_timeout": SERVER_CONNECT_TIMEOUT_S}
        if backend in ("mysql", "mariadb"):
            connect_args["charset"] = "utf8mb4"
        engine = create_engine(
            parsed, echo=echo, pool_pre_ping=True, pool_recycle=1800, connect_args=connect_args
        )
        _report_lost_connections(engine)
    db = Database(parsed, engine)
    if check:
        try:
            with translate_error(), engine.connect() as conn:
                conn.execute(text("SELECT 1"))
        except DatabaseError:
            engine.dispose()
            raise
    return db


def sqlite_file(parsed: URL) -> Path | None:
    """The file of a SQLite URL, including the ``file:…?mode=ro&uri=true`` form."""
    database = parsed.database or ""
    if database in ("", ":memory:"):
        return None
    if parsed.query.get("uri") in ("true", "1") and database.startswith("file:"):
        database = database[len("file:"):]
    return Path(database).expanduser()


def _sqlite_engine(parsed: URL, *, create: bool, echo: bool) -> Engine:
    path = sqlite_file(parsed)
    if path is None:
        raise DatabaseError("不能使用内存数据库", hint="请指定一个数据库文件")
    uri_form = parsed.query.get("uri") in ("true", "1")
    if is_network_path(path):
        raise network_share_error(path)
    if not path.exists():
        if not create:
            raise DatabaseError(f"数据库文件不存在：{path}", hint="请检查路径，或先创建数据库")
        if not path.parent.exists():
            raise DatabaseError(f"数据库所在的文件夹不存在：{path.parent}")
        if not os.access(path.parent, os.W_OK):
            raise DatabaseError(f"没有权限在此文件夹创建数据库：{path.parent}")
    elif path.is_dir():
        raise DatabaseError(f"这是一个文件夹，不是数据库文件：{path}")
    engine = create_engine(parsed if uri_form else parsed.set(database=str(path)), echo=echo)
    _configure_sqlite(engine)
    return engine



__all__ = ["AppSession", "Database", "open_database", "sqlite_file"]
