"""Creating databases: record counts, the emptiness check, and the demo station."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import func, select, table

from desktop.db.audit import record_event
from desktop.db.database import Database, open_database, sqlite_file
from desktop.db.errors import translate_error
from desktop.db.migrate import SchemaState, prepare, schema_status, upgrade
from desktop.db.urls import parse_url
from desktop.errors import DatabaseError
from desktop.models import Base
from desktop.models.enums import AuditAction

# Tables a brand-new, migrated database may hold rows in.
_BOOKKEEPING_TABLES = {"alembic_version"}

Progress = Callable[[int, int, str], None]


def table_counts(db: Database) -> dict[str, int]:
    """Row counts of every application table present, in one round trip."""
    present = db.table_names()
    names = [t for t in sorted(Base.metadata.tables) if t in present]
    if not names:
        return {}
    columns = [
        select(func.count()).select_from(table(name)).scalar_subquery().label(name) for name in names
    ]
    with translate_error(), db.engine.connect() as conn:
        row = conn.execute(select(*columns)).one()
    return {name: int(row[i]) for i, name in enumerate(names)}


def is_empty(db: Database) -> bool:
    """True when no application table holds a row (a new or freshly migrated database)."""
    return not any(count for name, count in table_counts(db).items() if name not in _BOOKKEEPING_TABLES)


@dataclasses.dataclass(frozen=True)
class DemoResult:
    db_label: str
    station_id: int
    counts: dict[str, int]


def create_demo_database(
    url: str,
    *,
    years: int = 3,
    seed: int = 1,
    progress: Progress | None = None,
    cancel: Callable[[], bool] | None = None,
) -> DemoResult:
    """Migrate (if new) and fill an empty database with the demo station, in one transaction.

    Refuses a database that already holds data. On any failure or cancel the data are rolled back,
    and a SQLite file this call created is removed, so the database is left as it was.
    """
    from desktop.services.demo import generate_demo

    if years < 1 or years > 10:
        raise DatabaseError("演示数据年数应在 1 到 10 之间")
    created_path = _new_sqlite_path(url)
    db = open_database(url)
    try:
        status = schema_status(db)
        if status.state is SchemaState.EMPTY:
            upgrade(db)
        else:
            prepare(db, auto_upgrade_local=True)
            if not is_empty(db):
                raise DatabaseError(
                    "目标数据库已有数据，演示数据只能写入空数据库", hint="请指定一个新的数据库文件或空库"
                )
        with db.transaction() as session:
            summary = generate_demo(session, years=years, seed=seed, progress=progress, cancel=cancel)
            # The generator writes in bulk through the connection; one entry records the whole act.
            record_event(session, AuditAction.BULK, summary=f"生成演示派出所数据：{years} 年，种子 {seed}",
                         changes={"counts": dict(summary.counts)}, station_id=summary.station_id)
        # The open cases' deadlines by the clock rules (the generator writes cases in bulk).
        from desktop.services.cases import CaseRules, recompute_due

        recompute_due(db, summary.station_id, None, CaseRules())
        return DemoResult(db.label, summary.station_id, table_counts(db))
    except BaseException:
        db.dispose()
        if created_path is not None:
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(str(created_path) + suffix).unlink(missing_ok=True)
        raise
    finally:
        db.dispose()


def _new_sqlite_path(url: str) -> Path | None:
    """The SQLite file ``url`` names, if it does not exist yet (so a failure may remove it)."""
    parsed = parse_url(url)
    path = sqlite_file(parsed) if parsed.get_backend_name() == "sqlite" else None
    if path is None:
        return None
    return None if path.exists() and path.stat().st_size > 0 else path
