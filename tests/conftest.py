"""Shared fixtures: real databases on SQLite files, PostgreSQL and MariaDB.

Database tests take the ``db`` fixture, which runs each test once per backend. The servers are
the ones on this machine (override with STATION_DESK_TEST_PG_URL / STATION_DESK_TEST_MYSQL_URL).
A plain local run skips a backend whose server is down, with the reason; `.ci/run` sets
STATION_DESK_REQUIRE_SERVERS=1, which turns that into a failure.
"""

from __future__ import annotations

import itertools
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Never touch the developer's real data folder.
os.environ["STATION_DESK_DATA_DIR"] = tempfile.mkdtemp(prefix="stationdesk-test-data-")
os.environ.pop("STATION_DESK_DB", None)

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from desktop.db import Database, open_database
from desktop.db.migrate import upgrade
from desktop.models import Base

PG_URL = os.environ.get("STATION_DESK_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
MY_URL = os.environ.get("STATION_DESK_TEST_MYSQL_URL", "mysql+pymysql://root@127.0.0.1:3306/test")
REQUIRE_SERVERS = os.environ.get("STATION_DESK_REQUIRE_SERVERS") == "1"
BACKENDS = ("sqlite", "postgresql", "mariadb")
SERVER_BACKENDS = ("postgresql", "mariadb")
_RUN = f"sdt{os.getpid()}"
_counter = itertools.count()


def _admin_url(backend: str) -> str:
    return PG_URL if backend == "postgresql" else MY_URL


def _server_unavailable(backend: str, reason: str):
    message = f"{backend} server not reachable at {make_url(_admin_url(backend)).render_as_string()}: {reason}"
    if REQUIRE_SERVERS:
        pytest.fail(message + " (CI requires it: start the server)", pytrace=False)
    pytest.skip(message)


class ServerDatabases:
    """Creates and drops scratch databases on one server for this test run."""

    def __init__(self, backend: str) -> None:
        self.backend = backend
        self.admin = create_engine(_admin_url(backend), isolation_level="AUTOCOMMIT", pool_pre_ping=True)
        self.created: list[str] = []
        self.error: str | None = None
        try:
            with self.admin.connect() as conn:
                conn.execute(text("SELECT 1"))
        except Exception as exc:  # noqa: BLE001 - any failure means "not reachable"
            self.error = str(exc).splitlines()[0]

    def create(self, suffix: str) -> str:
        name = f"{_RUN}_{suffix}"
        charset = "" if self.backend == "postgresql" else " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
        with self.admin.connect() as conn:
            conn.execute(text(f"DROP DATABASE IF EXISTS {name}"))
            conn.execute(text(f"CREATE DATABASE {name}{charset}"))
        self.created.append(name)
        return make_url(_admin_url(self.backend)).set(database=name).render_as_string(hide_password=False)

    def drop(self, url: str) -> None:
        name = make_url(url).database
        with self.admin.connect() as conn:
            if self.backend == "postgresql":
                conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
            else:
                conn.execute(text(f"DROP DATABASE IF EXISTS {name}"))
        if name in self.created:
            self.created.remove(name)

    def close(self) -> None:
        for name in list(self.created):
            try:
                self.drop(make_url(_admin_url(self.backend)).set(database=name).render_as_string(False))
            except Exception:  # noqa: BLE001 - best effort clean-up
                pass
        self.admin.dispose()


@pytest.fixture(scope="session")
def servers() -> Iterator[dict[str, ServerDatabases]]:
    found = {b: ServerDatabases(b) for b in ("postgresql", "mariadb")}
    yield found
    for s in found.values():
        s.close()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory) -> Path:
    """A migrated SQLite file, copied for each test (migrating once is much faster)."""
    path = tmp_path_factory.mktemp("template") / "template.db"
    db = open_database(str(path))
    upgrade(db)
    db.dispose()
    return path


@pytest.fixture(scope="session")
def migrated_servers(servers) -> dict[str, str]:
    """One migrated database per reachable server for this run, emptied after each test."""
    urls = {}
    for backend, srv in servers.items():
        if srv.error is None:
            url = srv.create("main")
            db = open_database(url)
            upgrade(db)
            db.dispose()
            urls[backend] = url
    return urls


def _empty_server_database(db: Database) -> None:
    tables = [t.name for t in reversed(Base.metadata.sorted_tables)]
    with db.engine.begin() as conn:
        if db.backend == "postgresql":
            conn.execute(text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE"))
        else:
            conn.execute(text("SET FOREIGN_KEY_CHECKS=0"))
            for name in tables:
                conn.execute(text(f"TRUNCATE TABLE {name}"))
            conn.execute(text("SET FOREIGN_KEY_CHECKS=1"))


@pytest.fixture(params=BACKENDS)
def backend(request) -> str:
    return request.param


@pytest.fixture
def db(backend, tmp_path, sqlite_template, servers, migrated_servers) -> Iterator[Database]:
    """A migrated, empty database on each backend."""
    if backend == "sqlite":
        path = tmp_path / "station.db"
        shutil.copyfile(sqlite_template, path)
        database = open_database(str(path))
        yield database
        database.dispose()
        return
    if servers[backend].error is not None:
        _server_unavailable(backend, servers[backend].error)
    database = open_database(migrated_servers[backend])
    try:
        yield database
    finally:
        _empty_server_database(database)
        database.dispose()


@pytest.fixture
def empty_url(backend, tmp_path, servers) -> Iterator[str]:
    """The URL of a brand-new database with no tables, on each backend."""
    if backend == "sqlite":
        yield str(tmp_path / "new.db")
        return
    srv = servers[backend]
    if srv.error is not None:
        _server_unavailable(backend, srv.error)
    url = srv.create(f"e{next(_counter)}")
    try:
        yield url
    finally:
        srv.drop(url)


# --------------------------------------------------------------------------- process exit

_EXIT_STATUS = pytest.StashKey[int]()


def pytest_sessionfinish(session, exitstatus) -> None:
    session.config.stash[_EXIT_STATUS] = int(exitstatus)


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config) -> None:
    """Leave without interpreter finalisation once Qt was used and everything is reported.

    With PySide6 6.12 on Python 3.11, finalising a process that built a few hundred widgets,
    models and databases aborts in the garbage collector ("bool_dealloc: deallocating True or
    False … refcount error in a C extension"), after every test has passed and been reported. The
    results are final here; skipping finalisation keeps a C extension's teardown from turning a
    green run into exit code 134. The application does the same after its event loop (app.py).
    """
    import sys

    if "PySide6.QtCore" in sys.modules and _EXIT_STATUS in config.stash:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(config.stash[_EXIT_STATUS])
