"""Schema versions: status, upgrade, and the start-up policy of DESIGN.md §6.

A local SQLite file is upgraded at start-up after a timestamped backup; a shared server is never
upgraded by a desk (an administrator runs ``station-desk db upgrade``); a database newer than the
application is refused.
"""

from __future__ import annotations

import dataclasses
from enum import StrEnum
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from desktop.db.database import Database
from desktop.db.errors import translate_error
from desktop.errors import SchemaError

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


class SchemaState(StrEnum):
    EMPTY = "empty"      # no tables at all: a new database
    BEHIND = "behind"    # an older schema: needs `db upgrade`
    CURRENT = "current"
    NEWER = "newer"      # made by a newer StationDesk
    FOREIGN = "foreign"  # tables, but not ours


@dataclasses.dataclass(frozen=True)
class SchemaStatus:
    state: SchemaState
    current: str | None
    head: str


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None  # the package always ships its migrations
    return head


def schema_status(db: Database) -> SchemaStatus:
    script = ScriptDirectory.from_config(alembic_config())
    head = script.get_current_head()
    with translate_error(), db.engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
        tables = set(inspect(conn).get_table_names())
    if current is None:
        state = SchemaState.EMPTY if not (tables - {"alembic_version"}) else SchemaState.FOREIGN
    elif current == head:
        state = SchemaState.CURRENT
    else:
        try:
            known = script.get_revision(current) is not None
        except Exception:  # noqa: BLE001 - alembic raises several kinds for an unknown id
            known = False
        state = SchemaState.BEHIND if known else SchemaState.NEWER
    return SchemaStatus(state, current, head)


def upgrade(db: Database, revision: str = "head") -> SchemaStatus:
    """Apply migrations up to ``revision`` in one transaction (DDL is transactional on SQLite and
    PostgreSQL; MySQL commits each DDL statement, so there each migration is kept small)."""
    status = schema_status(db)
    if status.state is SchemaState.NEWER:
        raise _newer_error(status)
    if status.state is SchemaState.FOREIGN:
        raise _foreign_error()
    cfg = alembic_config()
    with translate_error(), db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
    return schema_status(db)


def prepare(db: Database, *, auto_upgrade_local: bool = True) -> SchemaStatus:
    """Make ``db`` usable by this version of the application, or raise :class:`SchemaError`."""
    status = schema_status(db)
    if status.state is SchemaState.CURRENT:
        return status
    if status.state is SchemaState.NEWER:
        raise _newer_error(status)
    if status.state is SchemaState.FOREIGN:
        raise _foreign_error()
    if db.is_sqlite and auto_upgrade_local:
        if status.state is SchemaState.BEHIND:
            from desktop.db.backup import backup_before_upgrade

            backup_before_upgrade(db)
        return upgrade(db)
    raise SchemaError(
        "数据库结构需要升级" if status.state is SchemaState.BEHIND else "服务器上的数据库尚未初始化",
        hint="共享服务器不会由工作台自动升级，请管理员运行 station-desk db upgrade --db <地址>",
    )


def _newer_error(status: SchemaStatus) -> SchemaError:
    return SchemaError(
        f"数据库由更新版本的 StationDesk 创建（结构版本 {status.current}），本程序无法使用",
        hint="请安装最新版本的 StationDesk",
    )


def _foreign_error() -> SchemaError:
    return SchemaError(
        "这个数据库里已有其他程序的数据表，不是 StationDesk 数据库", hint="请选择空数据库或 StationDesk 数据库"
    )
