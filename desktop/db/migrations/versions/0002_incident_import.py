"""incident import: profiles, batch report, 未分类 category, substring-search index

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import logging

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

log = logging.getLogger(__name__)

# The search index as this revision creates it (desktop/db/search_index.py names it for the queries;
# a revision keeps its own copy of the DDL so later edits there cannot change what it did).
_FTS = "incidents_fts"
_TRGM = "ix_incidents_search_trgm"
_COLS = ("number", "caller_name", "caller_phone", "address", "summary")


def _search_index_ddl(dialect: str) -> list[str]:
    cols = ", ".join(_COLS)
    new = ", ".join(f"new.{c}" for c in _COLS)
    old = ", ".join(f"old.{c}" for c in _COLS)
    if dialect == "sqlite":
        return [
            f"CREATE VIRTUAL TABLE {_FTS} USING fts5({cols}, content='incidents', content_rowid='id', "
            "tokenize='trigram')",
            f"CREATE TRIGGER trg_{_FTS}_insert AFTER INSERT ON incidents BEGIN "
            f"INSERT INTO {_FTS}(rowid, {cols}) VALUES (new.id, {new}); END",
            f"CREATE TRIGGER trg_{_FTS}_delete AFTER DELETE ON incidents BEGIN "
            f"INSERT INTO {_FTS}({_FTS}, rowid, {cols}) VALUES ('delete', old.id, {old}); END",
            f"CREATE TRIGGER trg_{_FTS}_update AFTER UPDATE OF {cols} ON incidents BEGIN "
            f"INSERT INTO {_FTS}({_FTS}, rowid, {cols}) VALUES ('delete', old.id, {old}); "
            f"INSERT INTO {_FTS}(rowid, {cols}) VALUES (new.id, {new}); END",
            f"INSERT INTO {_FTS}({_FTS}) VALUES ('rebuild')",
        ]
    if dialect == "postgresql":
        expression = " || ' ' || ".join(f"coalesce(incidents.{c}, '')" for c in _COLS)
        return [f"CREATE INDEX {_TRGM} ON incidents USING gin (({expression}) gin_trgm_ops)"]
    return []


def _search_index_drop(dialect: str) -> list[str]:
    if dialect == "sqlite":
        return [*(f"DROP TRIGGER IF EXISTS trg_{_FTS}_{verb}" for verb in ("insert", "delete", "update")),
                f"DROP TABLE IF EXISTS {_FTS}"]
    if dialect == "postgresql":
        return [f"DROP INDEX IF EXISTS {_TRGM}"]
    return []


# Rows that no mapping rule recognises are filed here and listed for review (desktop/services/taxonomy.py).
UNCLASSIFIED = (("99", "未分类", 1, None, 900), ("9999", "未分类", 2, "99", 901))


def upgrade() -> None:
    op.create_table('import_profiles',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('mapping', sa.JSON(), nullable=False),
    sa.Column('station_id', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("kind IN ('incident', 'case', 'warning')", name=op.f('ck_import_profiles_kind')),
    sa.ForeignKeyConstraint(['created_by_id'], ['staff.id'], name=op.f('fk_import_profiles_created_by_id_staff')),
    sa.ForeignKeyConstraint(['station_id'], ['stations.id'], name=op.f('fk_import_profiles_station_id_stations')),
    sa.ForeignKeyConstraint(['updated_by_id'], ['staff.id'], name=op.f('fk_import_profiles_updated_by_id_staff')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_import_profiles')),
    sa.UniqueConstraint('station_id', 'kind', 'name', name=op.f('uq_import_profiles_station_id_kind_name'))
    )
    op.create_index(op.f('ix_import_profiles_created_by_id'), 'import_profiles', ['created_by_id'], unique=False)
    op.create_index(op.f('ix_import_profiles_updated_by_id'), 'import_profiles', ['updated_by_id'], unique=False)
    with op.batch_alter_table('import_batches') as batch:
        batch.add_column(sa.Column('rows_duplicate', sa.Integer(), server_default='0', nullable=False))
        batch.add_column(sa.Column('rows_review', sa.Integer(), server_default='0', nullable=False))
        batch.add_column(sa.Column('report', sa.JSON(), nullable=True))

    _add_unclassified()

    bind = op.get_bind()
    dialect = bind.dialect.name
    if dialect == "postgresql" and not _pg_trgm_available(bind):
        log.warning("pg_trgm is not available: incident search uses ILIKE without an index")
    else:
        for statement in _search_index_ddl(dialect):
            op.execute(statement)


def _add_unclassified() -> None:
    bind = op.get_bind()
    cats = sa.table('incident_categories', sa.column('id', sa.Integer), sa.column('code', sa.String),
                    sa.column('name', sa.String), sa.column('level', sa.Integer), sa.column('parent_id', sa.Integer),
                    sa.column('criminal', sa.Boolean), sa.column('sort_order', sa.Integer),
                    sa.column('active', sa.Boolean))
    # Only where the taxonomy was seeded already; a new database gets it from seed_categories().
    if bind.execute(sa.select(sa.func.count()).select_from(cats)).scalar_one() == 0:
        return
    for code, name, level, parent, order in UNCLASSIFIED:
        if bind.execute(sa.select(cats.c.id).where(cats.c.code == code)).first() is not None:
            continue
        parent_id = (bind.execute(sa.select(cats.c.id).where(cats.c.code == parent)).scalar_one()
                     if parent else None)
        bind.execute(sa.insert(cats).values(code=code, name=name, level=level, parent_id=parent_id,
                                            criminal=False, sort_order=order, active=True))


def _pg_trgm_available(bind) -> bool:
    """Create pg_trgm if this account may; a savepoint keeps a refusal from aborting the upgrade."""
    try:
        with bind.begin_nested():
            bind.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        return True
    except sa.exc.DBAPIError:
        return False


def downgrade() -> None:
    bind = op.get_bind()
    for statement in _search_index_drop(bind.dialect.name):
        op.execute(statement)
    with op.batch_alter_table('import_batches') as batch:
        batch.drop_column('report')
        batch.drop_column('rows_review')
        batch.drop_column('rows_duplicate')
    op.drop_index(op.f('ix_import_profiles_updated_by_id'), table_name='import_profiles')
    op.drop_index(op.f('ix_import_profiles_created_by_id'), table_name='import_profiles')
    op.drop_table('import_profiles')
