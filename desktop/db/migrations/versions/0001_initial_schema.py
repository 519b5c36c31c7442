"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-23 11:56:48.463710
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


# Every editable table names the staff who created and last changed a row. Those foreign keys make
# staff, units and stations reference each other, so on servers they are added once all tables
# exist; SQLite cannot add a constraint later but accepts a forward reference, so there they are
# created inline.
ATTRIBUTED_TABLES: dict[str, tuple[str, ...]] = {
    'incident_categories': ('created_by_id',),
    'stations': ('created_by_id', 'updated_by_id'),
    'attachments': ('created_by_id',),
    'import_batches': ('created_by_id',),
    'parties': ('created_by_id', 'updated_by_id'),
    'repeat_clusters': ('created_by_id', 'updated_by_id'),
    'units': ('created_by_id', 'updated_by_id'),
    'communities': ('created_by_id', 'updated_by_id'),
    'staff': ('created_by_id', 'updated_by_id'),
    'briefings': ('created_by_id', 'updated_by_id'),
    'grids': ('created_by_id', 'updated_by_id'),
    'staff_roles': ('created_by_id',),
    'warnings': ('created_by_id', 'updated_by_id'),
    'directives': ('created_by_id', 'updated_by_id'),
    'incidents': ('created_by_id', 'updated_by_id'),
    'disputes': ('created_by_id', 'updated_by_id'),
    'agreements': ('created_by_id', 'updated_by_id'),
    'cases': ('created_by_id', 'updated_by_id'),
    'follow_ups': ('created_by_id', 'updated_by_id'),
    'mediation_sessions': ('created_by_id', 'updated_by_id'),
    'transfers': ('created_by_id', 'updated_by_id'),
    'work_orders': ('created_by_id', 'updated_by_id'),
    'case_clock_events': ('created_by_id',),
    'work_order_events': ('created_by_id',),
}


def _is_sqlite() -> bool:
    return op.get_bind().dialect.name == "sqlite"


def _attribution_fks(table: str) -> list[sa.ForeignKeyConstraint]:
    if not _is_sqlite():
        return []
    return [
        sa.ForeignKeyConstraint([col], ["staff.id"], name=op.f(f"fk_{table}_{col}_staff"))
        for col in ATTRIBUTED_TABLES[table]
    ]


def _add_attribution_fks_on_server() -> None:
    if _is_sqlite():
        return
    for table, columns in ATTRIBUTED_TABLES.items():
        for col in columns:
            op.create_foreign_key(op.f(f"fk_{table}_{col}_staff"), table, "staff", [col], ["id"])


def _drop_attribution_fks_on_server() -> None:
    if _is_sqlite():
        return
    for table, columns in ATTRIBUTED_TABLES.items():
        for col in columns:
            op.drop_constraint(op.f(f"fk_{table}_{col}_staff"), table, type_="foreignkey")


# The audit log is append-only in the database itself, not only in the application.
_AUDIT_GUARD_MESSAGE = "audit_entries is append-only"


def _create_audit_guards() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER trg_audit_entries_no_{verb.lower()} BEFORE {verb} ON audit_entries "
                f"BEGIN SELECT RAISE(ABORT, '{_AUDIT_GUARD_MESSAGE}'); END"
            )
    elif dialect == "postgresql":
        op.execute(
            "CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS "
            f"$$ BEGIN RAISE EXCEPTION '{_AUDIT_GUARD_MESSAGE}'; END $$"
        )
        op.execute(
            "CREATE TRIGGER trg_audit_entries_append_only BEFORE UPDATE OR DELETE ON audit_entries "
            "FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only()"
        )
    elif dialect in ("mysql", "mariadb"):
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER trg_audit_entries_no_{verb.lower()} BEFORE {verb} ON audit_entries "
                f"FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '{_AUDIT_GUARD_MESSAGE}'"
            )


def _drop_audit_guards() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS trg_audit_entries_append_only ON audit_entries")
        op.execute("DROP FUNCTION IF EXISTS audit_entries_append_only()")
    else:
        for verb in ("update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS trg_audit_entries_no_{verb}")


def upgrade() -> None:
    op.create_table('audit_chain_heads',
    sa.Column('chain_id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('last_seq', sa.Integer(), nullable=False),
    sa.Column('last_hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('chain_id', name=op.f('pk_audit_chain_heads'))
    )
    op.create_table('incident_categories',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=16), nullable=False),
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('level', sa.Integer(), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('criminal', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('sort_order', sa.Integer(), server_default='0', nullable=False),
    sa.Column('active', sa.Boolean(), server_default='1', nullable=False),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.CheckConstraint('(level = 1 AND parent_id IS NULL) OR (level = 2 AND parent_id IS NOT NULL)', name=op.f('ck_incident_categories_level_parent')),
    sa.CheckConstraint('level IN (1, 2)', name=op.f('ck_incident_categories_level')),
    *_attribution_fks('incident_categories'),
    sa.ForeignKeyConstraint(['parent_id'], ['incident_categories.id'], name=op.f('fk_incident_categories_parent_id_incident_categories')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_incident_categories')),
    sa.UniqueConstraint('code', name=op.f('uq_incident_categories_code'))
    )
    with op.batch_alter_table('incident_categories', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_incident_categories_created_by_id'), ['created_by_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_incident_categories_parent_id'), ['parent_id'], unique=False)

    op.create_table('stations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=16), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('region', sa.String(length=100), nullable=True),
    sa.Column('cutover_hour', sa.Integer(), server_default='8', nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.CheckConstraint('cutover_hour >= 0 AND cutover_hour <= 23', name=op.f('ck_stations_cutover_hour')),
    *_attribution_fks('stations'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stations')),
    sa.UniqueConstraint('code', name=op.f('uq_stations_code'))
    )
    with op.batch_alter_table('stations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_stations_created_by_id'), ['created_by_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_stations_updated_by_id'), ['updated_by_id'], unique=False)

    op.create_table('attachments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('owner_kind', sa.String(length=20), nullable=False),
    sa.Column('owner_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('file_name', sa.String(length=260), nullable=False),
    sa.Column('mime_type', sa.String(length=100), nullable=False),
    sa.Column('size_bytes', sa.BigInteger(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('storage', sa.String(length=4), nullable=False),
    sa.Column('data', sa.LargeBinary().with_variant(mysql.LONGBLOB(), 'mariadb').with_variant(mysql.LONGBLOB(), 'mysql'), nullable=True),
    sa.Column('path', sa.String(length=500), nullable=True),
    sa.Column('station_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("(storage = 'db' AND data IS NOT NULL) OR (storage = 'file' AND path IS NOT NULL)", name=op.f('ck_attachments_storage_has_bytes')),
    sa.CheckConstraint("owner_kind IN ('work_order', 'work_order_event', 'dispute', 'session', 'agreement', 'follow_up', 'case', 'warning', 'incident')", name=op.f('ck_attachments_owner_kind')),
    sa.CheckConstraint("storage IN ('db', 'file')", name=op.f('ck_attachments_storage')),
    sa.CheckConstraint('size_bytes >= 0', name=op.f('ck_attachments_size_bytes')),
    *_attribution_fks('attachments'),
    sa.ForeignKeyConstraint(['station_id'], ['stations.id'], name=op.f('fk_attachments_station_id_stations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attachments'))
    )
    with op.batch_alter_table('attachments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attachments_created_by_id'), ['created_by_id'], unique=False)
        batch_op.create_index('ix_attachments_owner', ['station_id', 'owner_kind', 'owner_id'], unique=False)

    op.create_table('import_batches',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('file_name', sa.String(length=260), nullable=False),
    sa.Column('file_sha256', sa.String(length=64), nullable=False),
    sa.Column('profile', sa.String(length=100), nullable=True),
    sa.Column('rows_read', sa.Integer(), nullable=False),
    sa.Column('rows_imported', sa.Integer(), nullable=False),
    sa.Column('rows_unchanged', sa.Integer(), nullable=False),
    sa.Column('rows_conflict', sa.Integer(), nullable=False),
    sa.Column('rows_rejected', sa.Integer(), nullable=False),
    sa.Column('station_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("kind IN ('incident', 'case', 'warning')", name=op.f('ck_import_batches_kind')),
    *_attribution_fks('import_batches'),
    sa.ForeignKeyConstraint(['station_id'], ['stations.id'], name=op.f('fk_import_batches_station_id_stations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_import_batches'))
    )
    with op.batch_alter_table('import_batches', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_import_batches_created_by_id'), ['created_by_id'], unique=False)
        batch_op.create_index('ix_import_batches_station_id_created_at', ['station_id', 'created_at'], unique=False)

    op.create_table('number_sequences',
    sa.Column('station_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=32), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('last_value', sa.Integer(), nullable=False),
    sa.CheckConstraint('last_value >= 0', name=op.f('ck_number_sequences_last_value')),
    sa.ForeignKeyConstraint(['station_id'], ['stations.id'], name=op.f('fk_number_sequences_station_id_stations')),
    sa.PrimaryKeyConstraint('station_id', 'name', 'year', name=op.f('pk_number_sequences'))
    )
    op.create_table('parties',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('sex', sa.String(length=1), nullable=True),
    sa.Column('ethnicity', sa.String(length=20), nullable=True),
    sa.Column('birth_date', sa.Date(), nullable=True),
    sa.Column('id_number', sa.String(length=18), nullable=True),
    sa.Column('phone', sa.String(length=32), nullable=True),
    sa.Column('phone_raw', sa.String(length=64), nullable=True),
    sa.Column('address', sa.String(length=300), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('station_id', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("sex IS NULL OR sex IN ('M', 'F')", name=op.f('ck_parties_sex')),
    *_attribution_fks('parties'),
    sa.ForeignKeyConstraint(['station_id'], ['stations.id'], name=op.f('fk_parties_station_id_stations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_parties')),
    sa.UniqueConstraint('station_id', 'id_number', name=op.f('uq_parties_station_id_id_number'))
    )
    with op.batch_alter_table('parties', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_parties_created_by_id'), ['created_by_id'], unique=False)
        batch_op.create_index('ix_parties_station_name', ['station_id', 'name'], unique=False)
        batch_op.create_index('ix_parties_station_phone', ['station_id', 'phone'], unique=False)
        batch_op.create_index(batch_op.f('ix_parties_updated_by_id'), ['updated_by_id'], unique=False)

    op.create_table('repeat_clusters',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('match_key', sa.String(length=300), nullable=False),
    sa.Column('first_at', sa.DateTime(), nullable=False),
    sa.Column('last_at', sa.DateTime(), nullable=False),
    sa.Column('incident_count', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('station_id', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("kind IN ('same_caller', 'same_place', 'same_event')", name=op.f('ck_repeat_clusters_kind')),
    sa.CheckConstraint("status IN ('open', 'ordered', 'dismissed')", name=op.f('ck_repeat_clusters_status')),
    sa.CheckConstraint('incident_count >= 2', name=op.f('ck_repeat_clusters_incident_count')),
    sa.CheckConstraint('last_at >= first_at', name=op.f('ck_repeat_clusters_period')),
    *_attribution_fks('repeat_clusters'),
    sa.ForeignKeyConstraint(['station_id'], ['stations.id'], name=op.f('fk_repeat_clusters_station_id_stations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_repeat_clusters')),
    sa.UniqueConstraint('station_id', 'kind', 'match_key', 'first_at', name=op.f('uq_repeat_clusters_station_id_kind_match_key_first_at'))
    )
    with op.batch_alter_table('repeat_clusters', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_repeat_clusters_created_by_id'), ['created_by_id'], unique=False)
        batch_op.create_index('ix_repeat_clusters_station_last', ['station_id', 'last_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_repeat_clusters_updated_by_id'), ['updated_by_id'], unique=False)

    op.create_table('units',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('phone', sa.String(length=32), nullable=True),
    sa.Column('active', sa.Boolean(), server_default='1', nullable=False),
    sa.Column('station_id', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("kind IN ('command_room', 'community_team', 'case_team', 'police_office', 'mediation_centre', 'leadership', 'other')", name=op.f('ck_units_kind')),
    *_attribution_fks('units'),
    sa.ForeignKeyConstraint(['parent_id'], ['units.id'], name=op.f('fk_units_parent_id_units')),
    sa.ForeignKeyConstraint(['station_id'], ['stations.id'], name=op.f('fk_units_station_id_stations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_units')),
    sa.UniqueConstraint('station_id', 'code', name=op.f('uq_units_station_id_code'))
    )
    with op.batch_alter_table('units', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_units_created_by_id'), ['created_by_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_units_parent_id'), ['parent_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_units_updated_by_id'), ['updated_by_id'], unique=False)

    op.create_table('communities',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=True),
    sa.Column('station_id', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("kind IN ('community', 'village')", name=op.f('ck_communities_kind')),
    *_attribution_fks('communities'),
    sa.ForeignKeyConstraint(['station_id'], ['stations.id'], name=op.f('fk_communities_station_id_stations')),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_communities_unit_id_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_communities')),
    sa.UniqueConstraint('station_id', 'code', name=op.f('uq_communities_station_id_code'))
    )
    with op.batch_alter_table('communities', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_communities_created_by_id'), ['created_by_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_communities_unit_id'), ['unit_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_communities_updated_by_id'), ['updated_by_id'], unique=False)

    op.create_table('staff',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('rank', sa.String(length=20), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=True),
    sa.Column('phone', sa.String(length=32), nullable=True),
    sa.Column('password_hash', sa.String(length=255), nullable=True),
    sa.Column('active', sa.Boolean(), server_default='1', nullable=False),
    sa.Column('failed_logins', sa.Integer(), server_default='0', nullable=False),
    sa.Column('locked_until', sa.DateTime(), nullable=True),
    sa.Column('last_login_at', sa.DateTime(), nullable=True),
    sa.Column('must_change_password', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('station_id', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("rank IN ('officer', 'auxiliary', 'mediator', 'civilian')", name=op.f('ck_staff_rank')),
    sa.CheckConstraint('failed_logins >= 0', name=op.f('ck_staff_failed_logins')),
    *_attribution_fks('staff'),
    sa.ForeignKeyConstraint(['station_id'], ['stations.id'], name=op.f('fk_staff_station_id_stations')),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_staff_unit_id_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_staff')),
    sa.UniqueConstraint('station_id', 'number', name=op.f('uq_staff_station_id_number'))
    )
    with op.batch_alter_table('staff', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_staff_created_by_id'), ['created_by_id'], unique=False)
        batch_op.create_index('ix_staff_station_id_name', ['station_id', 'name'], unique=False)
        batch_op.create_index(batch_op.f('ix_staff_unit_id'), ['unit_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_staff_updated_by_id'), ['updated_by_id'], unique=False)

    op.create_table('audit_entries',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('chain_id', sa.Integer(), nullable=False),
    sa.Column('station_id', sa.Integer(), nullable=True),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=True),
    sa.Column('action', sa.String(length=20), nullable=False),
    sa.Column('table_name', sa.String(length=64), nullable=True),
    sa.Column('record_id', sa.String(length=64), nullable=True),
    sa.Column('summary', sa.String(length=300), nullable=True),
    sa.Column('changes', sa.Text(), nullable=True),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('entry_hash', sa.String(length=64), nullable=False),
    sa.CheckConstraint("action IN ('insert', 'update', 'delete', 'transition', 'login', 'login_failed', 'logout', 'export', 'print', 'import', 'bulk', 'other')", name=op.f('ck_audit_entries_action')),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_audit_entries_staff_id_staff')),
    sa.ForeignKeyConstraint(['station_id'], ['stations.id'], name=op.f('fk_audit_entries_station_id_stations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_entries')),
    sa.UniqueConstraint('chain_id', 'seq', name=op.f('uq_audit_entries_chain_id_seq'))
    )
    with op.batch_alter_table('audit_entries', schema=None) as batch_op:
        batch_op.create_index('ix_audit_entries_record', ['table_name', 'record_id'], unique=False)
        batch_op.create_index('ix_audit_entries_staff_at', ['staff_id', 'at'], unique=False)
        batch_op.create_index('ix_audit_entries_station_at', ['station_id', 'at'], unique=False)

    op.create_table('briefings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('period_start', sa.DateTime(), nullable=False),
    sa.Column('period_end', sa.DateTime(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('held_at', sa.DateTime(), nullable=True),
    sa.Column('chair_id', sa.Integer(), nullable=True),
    sa.Column('attendees', sa.Text(), nullable=True),
    sa.Column('analysis', sa.Text(), nullable=True),
    sa.Column('compiled', sa.JSON(), nullable=True),
    sa.Column('compiled_at', sa.DateTime(), nullable=True),
    sa.Column('signed_at', sa.DateTime(), nullable=True),
    sa.Column('signed_by_id', sa.Integer(), nullable=True),
    sa.Column('station_id', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("kind IN ('daily', 'weekly', 'monthly')", name=op.f('ck_briefings_kind')),
    sa.CheckConstraint("status IN ('draft', 'signed')", name=op.f('ck_briefings_status')),
    sa.CheckConstraint('period_end > period_start', name=op.f('ck_briefings_period')),
    sa.ForeignKeyConstraint(['chair_id'], ['staff.id'], name=op.f('fk_briefings_chair_id_staff')),
    *_attribution_fks('briefings'),
    sa.ForeignKeyConstraint(['signed_by_id'], ['staff.id'], name=op.f('fk_briefings_signed_by_id_staff')),
    sa.ForeignKeyConstraint(['station_id'], ['stations.id'], name=op.f('fk_briefings_station_id_stations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_briefings')),
    sa.UniqueConstraint('station_id', 'kind', 'period_start', name=op.f('uq_briefings_station_id_kind_period_start'))
    )
    with op.batch_alter_table('briefings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_briefings_chair_id'), ['chair_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_briefings_created_by_id'), ['created_by_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_briefings_signed_by_id'), ['signed_by_id'], unique=False)
        batch_op.create_index('ix_briefings_station_period', ['station_id', 'period_start'], unique=False)
        batch_op.create_index(batch_op.f('ix_briefings_updated_by_id'), ['updated_by_id'], unique=False)

    op.create_table('grids',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('community_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('station_id', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['community_id'], ['communities.id'], name=op.f('fk_grids_community_id_communities')),
    *_attribution_fks('grids'),
    sa.ForeignKeyConstraint(['station_id'], ['stations.id'], name=op.f('fk_grids_station_id_stations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_grids')),
    sa.UniqueConstraint('station_id', 'code', name=op.f('uq_grids_station_id_code'))
    )
    with op.batch_alter_table('grids', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_grids_community_id'), ['community_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_grids_created_by_id'), ['created_by_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_grids_updated_by_id'), ['updated_by_id'], unique=False)

    op.create_table('staff_roles',
    sa.Column('staff_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("role IN ('admin', 'chief', 'duty', 'officer', 'mediator', 'viewer')", name=op.f('ck_staff_roles_role')),
    *_attribution_fks('staff_roles'),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_staff_roles_staff_id_staff'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('staff_id', 'role', name=op.f('pk_staff_roles'))
    )
    with op.batch_alter_table('staff_roles', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_staff_roles_created_by_id'), ['created_by_id'], unique=False)

    op.create_table('warnings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=40), nullable=False),
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('received_at', sa.DateTime(), nullable=False),
    sa.Column('subject_name', sa.String(length=50), nullable=True),
    sa.Column('subject_phone', sa.String(length=32), nullable=True),
    sa.Column('subject_id_number', sa.String(length=18), nullable=True),
    sa.Column('subject_place', sa.String(length=300), nullable=True),
    sa.Column('content', sa.Text(), nullable=False),
    sa.Column('required_action', sa.Text(), nullable=True),
    sa.Column('deadline', sa.DateTime(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('handled_by_id', sa.Integer(), nullable=True),
    sa.Column('acted_at', sa.DateTime(), nullable=True),
    sa.Column('result', sa.Text(), nullable=True),
    sa.Column('station_id', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("kind IN ('fraud', 'stability', 'public_order', 'hazard', 'other')", name=op.f('ck_warnings_kind')),
    sa.CheckConstraint("source IN ('hq', 'own', 'other_dept')", name=op.f('ck_warnings_source')),
    sa.CheckConstraint("status IN ('received', 'assigned', 'acted', 'closed')", name=op.f('ck_warnings_status')),
    *_attribution_fks('warnings'),
    sa.ForeignKeyConstraint(['handled_by_id'], ['staff.id'], name=op.f('fk_warnings_handled_by_id_staff')),
    sa.ForeignKeyConstraint(['station_id'], ['stations.id'], name=op.f('fk_warnings_station_id_stations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_warnings')),
    sa.UniqueConstraint('station_id', 'number', name=op.f('uq_warnings_station_id_number'))
    )
    with op.batch_alter_table('warnings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_warnings_created_by_id'), ['created_by_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_warnings_handled_by_id'), ['handled_by_id'], unique=False)
        batch_op.create_index('ix_warnings_station_received', ['station_id', 'received_at'], unique=False)
        batch_op.create_index('ix_warnings_station_status', ['station_id', 'status', 'deadline'], unique=False)
        batch_op.create_index(batch_op.f('ix_warnings_updated_by_id'), ['updated_by_id'], unique=False)

    op.create_table('directives',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('briefing_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=True),
    sa.Column('assignee_id', sa.Integer(), nullable=True),
    sa.Column('priority', sa.String(length=20), nullable=False),
    sa.Column('deadline', sa.DateTime(), nullable=True),
    sa.Column('station_id', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("priority IN ('urgent', 'high', 'normal', 'long_term')", name=op.f('ck_directives_priority')),
    sa.CheckConstraint('seq >= 1', name=op.f('ck_directives_seq')),
    sa.ForeignKeyConstraint(['assignee_id'], ['staff.id'], name=op.f('fk_directives_assignee_id_staff')),
    sa.ForeignKeyConstraint(['briefing_id'], ['briefings.id'], name=op.f('fk_directives_briefing_id_briefings'), ondelete='CASCADE'),
    *_attribution_fks('directives'),
    sa.ForeignKeyConstraint(['station_id'], ['stations.id'], name=op.f('fk_directives_station_id_stations')),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_directives_unit_id_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_directives')),
    sa.UniqueConstraint('briefing_id', 'seq', name=op.f('uq_directives_briefing_id_seq'))
    )
    with op.batch_alter_table('directives', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_directives_assignee_id'), ['assignee_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_directives_created_by_id'), ['created_by_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_directives_unit_id'), ['unit_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_directives_updated_by_id'), ['updated_by_id'], unique=False)

    op.create_table('incidents',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('number', sa.String(length=40), nullable=False),
    sa.Column('reported_at', sa.DateTime(), nullable=False),
    sa.Column('caller_name', sa.String(length=50), nullable=True),
    sa.Column('caller_phone', sa.String(length=32), nullable=True),
    sa.Column('caller_phone_raw', sa.String(length=64), nullable=True),
    sa.Column('address', sa.String(length=300), nullable=True),
    sa.Column('address_norm', sa.String(length=300), nullable=True),
    sa.Column('community_id', sa.Integer(), nullable=True),
    sa.Column('grid_id', sa.Integer(), nullable=True),
    sa.Column('category_id', sa.Integer(), nullable=True),
    sa.Column('summary', sa.Text(), nullable=True),
    sa.Column('unit_id', sa.Integer(), nullable=True),
    sa.Column('officer_id', sa.Integer(), nullable=True),
    sa.Column('disposal', sa.Text(), nullable=True),
    sa.Column('source', sa.String(length=10), nullable=False),
    sa.Column('source_batch_id', sa.Integer(), nullable=True),
    sa.Column('source_row', sa.Integer(), nullable=True),
    sa.Column('station_id', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("source <> 'import' OR source_batch_id IS NOT NULL", name=op.f('ck_incidents_import_has_batch')),
    sa.CheckConstraint("source IN ('import', 'manual')", name=op.f('ck_incidents_source')),
    sa.ForeignKeyConstraint(['category_id'], ['incident_categories.id'], name=op.f('fk_incidents_category_id_incident_categories')),
    sa.ForeignKeyConstraint(['community_id'], ['communities.id'], name=op.f('fk_incidents_community_id_communities')),
    *_attribution_fks('incidents'),
    sa.ForeignKeyConstraint(['grid_id'], ['grids.id'], name=op.f('fk_incidents_grid_id_grids')),
    sa.ForeignKeyConstraint(['officer_id'], ['staff.id'], name=op.f('fk_incidents_officer_id_staff')),
    sa.ForeignKeyConstraint(['source_batch_id'], ['import_batches.id'], name=op.f('fk_incidents_source_batch_id_import_batches')),
    sa.ForeignKeyConstraint(['station_id'], ['stations.id'], name=op.f('fk_incidents_station_id_stations')),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_incidents_unit_id_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_incidents')),
    sa.UniqueConstraint('station_id', 'number', name=op.f('uq_incidents_station_id_number'))
    )
    with op.batch_alter_table('incidents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_incidents_created_by_id'), ['created_by_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_incidents_officer_id'), ['officer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_incidents_source_batch_id'), ['source_batch_id'], unique=False)
        batch_op.create_index('ix_incidents_station_address', ['station_id', 'address_norm', 'reported_at'], unique=False)
        batch_op.create_index('ix_incidents_station_cat', ['station_id', 'category_id', 'reported_at'], unique=False)
        batch_op.create_index('ix_incidents_station_community', ['station_id', 'community_id', 'reported_at'], unique=False)
        batch_op.create_index('ix_incidents_station_grid_cat', ['station_id', 'grid_id', 'category_id', 'reported_at'], unique=False)
        batch_op.create_index('ix_incidents_station_phone', ['station_id', 'caller_phone', 'reported_at'], unique=False)
        batch_op.create_index('ix_incidents_station_reported', ['station_id', 'reported_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_incidents_unit_id'), ['unit_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_incidents_updated_by_id'), ['updated_by_id'], unique=False)

    op.create_table('disputes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=32), nullable=False),
    sa.Column('registered_at', sa.DateTime(), nullable=False),
    sa.Column('cause', sa.Text(), nullable=False),
    sa.Column('occurred_at', sa.DateTime(), nullable=True),
    sa.Column('place', sa.String(length=300), nullable=True),
    sa.Column('nature', sa.String(length=20), nullable=False),
    sa.Column('scale', sa.Integer(), nullable=False),
    sa.Column('composition', sa.Text(), nullable=True),
    sa.Column('progression', sa.Text(), nullable=True),
    sa.Column('summary', sa.Text(), nullable=True),
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.Column('source_incident_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('community_id', sa.Integer(), nullable=True),
    sa.Column('grid_id', sa.Integer(), nullable=True),
    sa.Column('risk_level', sa.String(length=20), nullable=False),
    sa.Column('risk_reasons', sa.Text(), nullable=True),
    sa.Column('criminal_risk', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('resolved_how', sa.String(length=20), nullable=True),
    sa.Column('ended_at', sa.DateTime(), nullable=True),
    sa.Column('lead_mediator_id', sa.Integer(), nullable=True),
    sa.Column('station_id', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("nature IN ('family', 'neighbour', 'land', 'labour', 'debt', 'property_mgmt', 'medical', 'traffic', 'other')", name=op.f('ck_disputes_nature')),
    sa.CheckConstraint("resolved_how IS NULL OR resolved_how IN ('agreement', 'other')", name=op.f('ck_disputes_resolved_how')),
    sa.CheckConstraint("risk_level IN ('low', 'medium', 'high', 'major')", name=op.f('ck_disputes_risk_level')),
    sa.CheckConstraint("source IN ('incident', 'patrol', 'visit', 'transfer_in', 'other')", name=op.f('ck_disputes_source')),
    sa.CheckConstraint("status <> 'resolved' OR resolved_how IS NOT NULL", name=op.f('ck_disputes_resolved_how_set')),
    sa.CheckConstraint("status IN ('registered', 'mediating', 'resolved', 'failed', 'transferred')", name=op.f('ck_disputes_status')),
    sa.CheckConstraint('scale >= 1', name=op.f('ck_disputes_scale')),
    sa.ForeignKeyConstraint(['community_id'], ['communities.id'], name=op.f('fk_disputes_community_id_communities')),
    *_attribution_fks('disputes'),
    sa.ForeignKeyConstraint(['grid_id'], ['grids.id'], name=op.f('fk_disputes_grid_id_grids')),
    sa.ForeignKeyConstraint(['lead_mediator_id'], ['staff.id'], name=op.f('fk_disputes_lead_mediator_id_staff')),
    sa.ForeignKeyConstraint(['source_incident_id'], ['incidents.id'], name=op.f('fk_disputes_source_incident_id_incidents')),
    sa.ForeignKeyConstraint(['station_id'], ['stations.id'], name=op.f('fk_disputes_station_id_stations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_disputes')),
    sa.UniqueConstraint('station_id', 'number', name=op.f('uq_disputes_station_id_number'))
    )
    with op.batch_alter_table('disputes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_disputes_community_id'), ['community_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_disputes_created_by_id'), ['created_by_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_disputes_grid_id'), ['grid_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_disputes_lead_mediator_id'), ['lead_mediator_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_disputes_source_incident_id'), ['source_incident_id'], unique=False)
        batch_op.create_index('ix_disputes_station_criminal_risk', ['station_id', 'criminal_risk'], unique=False)
        batch_op.create_index('ix_disputes_station_ended', ['station_id', 'ended_at'], unique=False)
        batch_op.create_index('ix_disputes_station_registered', ['station_id', 'registered_at'], unique=False)
        batch_op.create_index('ix_disputes_station_status', ['station_id', 'status', 'risk_level'], unique=False)
        batch_op.create_index(batch_op.f('ix_disputes_updated_by_id'), ['updated_by_id'], unique=False)

    op.create_table('incident_parties',
    sa.Column('incident_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('party_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['incident_id'], ['incidents.id'], name=op.f('fk_incident_parties_incident_id_incidents'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['party_id'], ['parties.id'], name=op.f('fk_incident_parties_party_id_parties'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('incident_id', 'party_id', name=op.f('pk_incident_parties'))
    )
    with op.batch_alter_table('incident_parties', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_incident_parties_party_id'), ['party_id'], unique=False)

    op.create_table('repeat_cluster_incidents',
    sa.Column('cluster_id', sa.Integer(), nullable=False),
    sa.Column('incident_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.ForeignKeyConstraint(['cluster_id'], ['repeat_clusters.id'], name=op.f('fk_repeat_cluster_incidents_cluster_id_repeat_clusters'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['incident_id'], ['incidents.id'], name=op.f('fk_repeat_cluster_incidents_incident_id_incidents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('cluster_id', 'incident_id', name=op.f('pk_repeat_cluster_incidents'))
    )
    with op.batch_alter_table('repeat_cluster_incidents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_repeat_cluster_incidents_incident_id'), ['incident_id'], unique=False)

    op.create_table('agreements',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('dispute_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=40), nullable=False),
    sa.Column('agreement_version', sa.Integer(), nullable=False),
    sa.Column('supersedes_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('facts', sa.Text(), nullable=False),
    sa.Column('points', sa.Text(), nullable=True),
    sa.Column('terms', sa.Text(), nullable=False),
    sa.Column('performance', sa.Text(), nullable=True),
    sa.Column('performance_deadline', sa.Date(), nullable=True),
    sa.Column('copies', sa.Integer(), nullable=False),
    sa.Column('mediators', sa.String(length=200), nullable=True),
    sa.Column('organisation', sa.String(length=200), nullable=True),
    sa.Column('signed_on', sa.Date(), nullable=True),
    sa.Column('confirmation_applied_on', sa.Date(), nullable=True),
    sa.Column('station_id', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("status = 'draft' OR signed_on IS NOT NULL", name=op.f('ck_agreements_signed_on')),
    sa.CheckConstraint("status IN ('draft', 'signed', 'superseded')", name=op.f('ck_agreements_status')),
    sa.CheckConstraint('agreement_version >= 1', name=op.f('ck_agreements_agreement_version')),
    sa.CheckConstraint('copies >= 2', name=op.f('ck_agreements_copies')),
    *_attribution_fks('agreements'),
    sa.ForeignKeyConstraint(['dispute_id'], ['disputes.id'], name=op.f('fk_agreements_dispute_id_disputes'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['station_id'], ['stations.id'], name=op.f('fk_agreements_station_id_stations')),
    sa.ForeignKeyConstraint(['supersedes_id'], ['agreements.id'], name=op.f('fk_agreements_supersedes_id_agreements')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agreements')),
    sa.UniqueConstraint('station_id', 'number', 'agreement_version', name=op.f('uq_agreements_station_id_number_agreement_version'))
    )
    with op.batch_alter_table('agreements', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agreements_created_by_id'), ['created_by_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_agreements_dispute_id'), ['dispute_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_agreements_supersedes_id'), ['supersedes_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_agreements_updated_by_id'), ['updated_by_id'], unique=False)

    op.create_table('cases',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=40), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('category', sa.String(length=100), nullable=True),
    sa.Column('stage', sa.String(length=40), nullable=True),
    sa.Column('accepted_at', sa.DateTime(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('extended', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('due_at', sa.DateTime(), nullable=True),
    sa.Column('closed_at', sa.DateTime(), nullable=True),
    sa.Column('officer_id', sa.Integer(), nullable=True),
    sa.Column('unit_id', sa.Integer(), nullable=True),
    sa.Column('incident_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('dispute_id', sa.Integer(), nullable=True),
    sa.Column('summary', sa.Text(), nullable=True),
    sa.Column('station_id', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("kind IN ('criminal', 'administrative')", name=op.f('ck_cases_kind')),
    sa.CheckConstraint("status IN ('accepted', 'in_progress', 'extended', 'suspended', 'closed', 'transferred')", name=op.f('ck_cases_status')),
    *_attribution_fks('cases'),
    sa.ForeignKeyConstraint(['dispute_id'], ['disputes.id'], name=op.f('fk_cases_dispute_id_disputes')),
    sa.ForeignKeyConstraint(['incident_id'], ['incidents.id'], name=op.f('fk_cases_incident_id_incidents')),
    sa.ForeignKeyConstraint(['officer_id'], ['staff.id'], name=op.f('fk_cases_officer_id_staff')),
    sa.ForeignKeyConstraint(['station_id'], ['stations.id'], name=op.f('fk_cases_station_id_stations')),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_cases_unit_id_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cases')),
    sa.UniqueConstraint('station_id', 'number', name=op.f('uq_cases_station_id_number'))
    )
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cases_created_by_id'), ['created_by_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_cases_dispute_id'), ['dispute_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_cases_incident_id'), ['incident_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_cases_officer_id'), ['officer_id'], unique=False)
        batch_op.create_index('ix_cases_station_accepted', ['station_id', 'accepted_at'], unique=False)
        batch_op.create_index('ix_cases_station_due', ['station_id', 'kind', 'status', 'due_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_cases_unit_id'), ['unit_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_cases_updated_by_id'), ['updated_by_id'], unique=False)

    op.create_table('dispute_incidents',
    sa.Column('dispute_id', sa.Integer(), nullable=False),
    sa.Column('incident_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.ForeignKeyConstraint(['dispute_id'], ['disputes.id'], name=op.f('fk_dispute_incidents_dispute_id_disputes'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['incident_id'], ['incidents.id'], name=op.f('fk_dispute_incidents_incident_id_incidents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('dispute_id', 'incident_id', name=op.f('pk_dispute_incidents'))
    )
    with op.batch_alter_table('dispute_incidents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dispute_incidents_incident_id'), ['incident_id'], unique=False)

    op.create_table('dispute_parties',
    sa.Column('dispute_id', sa.Integer(), nullable=False),
    sa.Column('party_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.CheckConstraint("role IN ('applicant', 'respondent', 'other')", name=op.f('ck_dispute_parties_role')),
    sa.ForeignKeyConstraint(['dispute_id'], ['disputes.id'], name=op.f('fk_dispute_parties_dispute_id_disputes'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['party_id'], ['parties.id'], name=op.f('fk_dispute_parties_party_id_parties')),
    sa.PrimaryKeyConstraint('dispute_id', 'party_id', name=op.f('pk_dispute_parties'))
    )
    with op.batch_alter_table('dispute_parties', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dispute_parties_party_id'), ['party_id'], unique=False)

    op.create_table('follow_ups',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('dispute_id', sa.Integer(), nullable=False),
    sa.Column('visited_on', sa.Date(), nullable=False),
    sa.Column('visitor_id', sa.Integer(), nullable=True),
    sa.Column('visitor_name', sa.String(length=50), nullable=False),
    sa.Column('honoured', sa.String(length=10), nullable=False),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('new_risk_level', sa.String(length=20), nullable=True),
    sa.Column('next_due', sa.Date(), nullable=True),
    sa.Column('station_id', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("honoured IN ('yes', 'partly', 'no', 'n/a')", name=op.f('ck_follow_ups_honoured')),
    sa.CheckConstraint("new_risk_level IS NULL OR new_risk_level IN ('low', 'medium', 'high', 'major')", name=op.f('ck_follow_ups_new_risk_level')),
    *_attribution_fks('follow_ups'),
    sa.ForeignKeyConstraint(['dispute_id'], ['disputes.id'], name=op.f('fk_follow_ups_dispute_id_disputes'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['station_id'], ['stations.id'], name=op.f('fk_follow_ups_station_id_stations')),
    sa.ForeignKeyConstraint(['visitor_id'], ['staff.id'], name=op.f('fk_follow_ups_visitor_id_staff')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_follow_ups'))
    )
    with op.batch_alter_table('follow_ups', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_follow_ups_created_by_id'), ['created_by_id'], unique=False)
        batch_op.create_index('ix_follow_ups_dispute_visited', ['dispute_id', 'visited_on'], unique=False)
        batch_op.create_index('ix_follow_ups_station_due', ['station_id', 'next_due'], unique=False)
        batch_op.create_index(batch_op.f('ix_follow_ups_updated_by_id'), ['updated_by_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_follow_ups_visitor_id'), ['visitor_id'], unique=False)

    op.create_table('mediation_sessions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('dispute_id', sa.Integer(), nullable=False),
    sa.Column('held_at', sa.DateTime(), nullable=False),
    sa.Column('place', sa.String(length=200), nullable=True),
    sa.Column('remote', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('attendees', sa.Text(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('outcome', sa.String(length=20), nullable=False),
    sa.Column('station_id', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("outcome IN ('agreement', 'partial', 'none')", name=op.f('ck_mediation_sessions_outcome')),
    *_attribution_fks('mediation_sessions'),
    sa.ForeignKeyConstraint(['dispute_id'], ['disputes.id'], name=op.f('fk_mediation_sessions_dispute_id_disputes'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['station_id'], ['stations.id'], name=op.f('fk_mediation_sessions_station_id_stations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mediation_sessions'))
    )
    with op.batch_alter_table('mediation_sessions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mediation_sessions_created_by_id'), ['created_by_id'], unique=False)
        batch_op.create_index('ix_mediation_sessions_dispute_held', ['dispute_id', 'held_at'], unique=False)
        batch_op.create_index('ix_mediation_sessions_station_held', ['station_id', 'held_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_mediation_sessions_updated_by_id'), ['updated_by_id'], unique=False)

    op.create_table('transfers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('dispute_id', sa.Integer(), nullable=False),
    sa.Column('direction', sa.String(length=20), nullable=False),
    sa.Column('transferred_on', sa.Date(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('receiver', sa.String(length=200), nullable=False),
    sa.Column('outcome', sa.String(length=20), nullable=True),
    sa.Column('outcome_on', sa.Date(), nullable=True),
    sa.Column('outcome_notes', sa.Text(), nullable=True),
    sa.Column('station_id', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("direction IN ('to_centre', 'to_police', 'to_court')", name=op.f('ck_transfers_direction')),
    sa.CheckConstraint("outcome IS NULL OR outcome IN ('resolved', 'unresolved', 'returned')", name=op.f('ck_transfers_outcome')),
    sa.CheckConstraint('outcome IS NULL OR outcome_on IS NOT NULL', name=op.f('ck_transfers_outcome_on')),
    *_attribution_fks('transfers'),
    sa.ForeignKeyConstraint(['dispute_id'], ['disputes.id'], name=op.f('fk_transfers_dispute_id_disputes'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['station_id'], ['stations.id'], name=op.f('fk_transfers_station_id_stations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_transfers'))
    )
    with op.batch_alter_table('transfers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_transfers_created_by_id'), ['created_by_id'], unique=False)
        batch_op.create_index('ix_transfers_dispute', ['dispute_id', 'transferred_on'], unique=False)
        batch_op.create_index('ix_transfers_station_on', ['station_id', 'transferred_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_transfers_updated_by_id'), ['updated_by_id'], unique=False)

    op.create_table('work_orders',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=32), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('source_kind', sa.String(length=20), nullable=False),
    sa.Column('incident_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('cluster_id', sa.Integer(), nullable=True),
    sa.Column('directive_id', sa.Integer(), nullable=True),
    sa.Column('warning_id', sa.Integer(), nullable=True),
    sa.Column('dispute_id', sa.Integer(), nullable=True),
    sa.Column('hq_reference', sa.String(length=100), nullable=True),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('instructions', sa.Text(), nullable=True),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('assignee_id', sa.Integer(), nullable=True),
    sa.Column('tracker_id', sa.Integer(), nullable=True),
    sa.Column('priority', sa.String(length=20), nullable=False),
    sa.Column('deadline', sa.DateTime(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('issued_at', sa.DateTime(), nullable=False),
    sa.Column('closed_at', sa.DateTime(), nullable=True),
    sa.Column('cancel_reason', sa.Text(), nullable=True),
    sa.Column('station_id', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("(source_kind <> 'incident' OR incident_id IS NOT NULL) AND (source_kind <> 'cluster' OR cluster_id IS NOT NULL) AND (source_kind <> 'directive' OR directive_id IS NOT NULL) AND (source_kind <> 'warning' OR warning_id IS NOT NULL) AND (source_kind <> 'dispute' OR dispute_id IS NOT NULL)", name=op.f('ck_work_orders_source_link')),
    sa.CheckConstraint("priority IN ('urgent', 'high', 'normal', 'long_term')", name=op.f('ck_work_orders_priority')),
    sa.CheckConstraint("source_kind IN ('incident', 'cluster', 'directive', 'warning', 'dispute', 'hq', 'manual')", name=op.f('ck_work_orders_source_kind')),
    sa.CheckConstraint("status <> 'cancelled' OR cancel_reason IS NOT NULL", name=op.f('ck_work_orders_cancel_reason')),
    sa.CheckConstraint("status <> 'closed' OR closed_at IS NOT NULL", name=op.f('ck_work_orders_closed_at')),
    sa.CheckConstraint("status IN ('issued', 'accepted', 'reported', 'returned', 'closed', 'cancelled')", name=op.f('ck_work_orders_status')),
    sa.ForeignKeyConstraint(['assignee_id'], ['staff.id'], name=op.f('fk_work_orders_assignee_id_staff')),
    sa.ForeignKeyConstraint(['cluster_id'], ['repeat_clusters.id'], name=op.f('fk_work_orders_cluster_id_repeat_clusters')),
    *_attribution_fks('work_orders'),
    sa.ForeignKeyConstraint(['directive_id'], ['directives.id'], name=op.f('fk_work_orders_directive_id_directives')),
    sa.ForeignKeyConstraint(['dispute_id'], ['disputes.id'], name=op.f('fk_work_orders_dispute_id_disputes')),
    sa.ForeignKeyConstraint(['incident_id'], ['incidents.id'], name=op.f('fk_work_orders_incident_id_incidents')),
    sa.ForeignKeyConstraint(['station_id'], ['stations.id'], name=op.f('fk_work_orders_station_id_stations')),
    sa.ForeignKeyConstraint(['tracker_id'], ['staff.id'], name=op.f('fk_work_orders_tracker_id_staff')),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_work_orders_unit_id_units')),
    sa.ForeignKeyConstraint(['warning_id'], ['warnings.id'], name=op.f('fk_work_orders_warning_id_warnings')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_work_orders')),
    sa.UniqueConstraint('station_id', 'number', name=op.f('uq_work_orders_station_id_number')),
    sa.UniqueConstraint('station_id', 'year', 'seq', name=op.f('uq_work_orders_station_id_year_seq'))
    )
    with op.batch_alter_table('work_orders', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_work_orders_cluster_id'), ['cluster_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_work_orders_created_by_id'), ['created_by_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_work_orders_directive_id'), ['directive_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_work_orders_dispute_id'), ['dispute_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_work_orders_incident_id'), ['incident_id'], unique=False)
        batch_op.create_index('ix_work_orders_station_assignee', ['station_id', 'assignee_id', 'status'], unique=False)
        batch_op.create_index('ix_work_orders_station_issued', ['station_id', 'issued_at'], unique=False)
        batch_op.create_index('ix_work_orders_station_status', ['station_id', 'status', 'deadline'], unique=False)
        batch_op.create_index('ix_work_orders_station_tracker', ['station_id', 'tracker_id', 'status'], unique=False)
        batch_op.create_index('ix_work_orders_station_unit', ['station_id', 'unit_id', 'status'], unique=False)
        batch_op.create_index(batch_op.f('ix_work_orders_updated_by_id'), ['updated_by_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_work_orders_warning_id'), ['warning_id'], unique=False)

    op.create_table('agreement_parties',
    sa.Column('agreement_id', sa.Integer(), nullable=False),
    sa.Column('party_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('signed_how', sa.String(length=20), nullable=True),
    sa.CheckConstraint("role IN ('applicant', 'respondent', 'other')", name=op.f('ck_agreement_parties_role')),
    sa.CheckConstraint("signed_how IS NULL OR signed_how IN ('signature', 'seal', 'thumbprint')", name=op.f('ck_agreement_parties_signed_how')),
    sa.ForeignKeyConstraint(['agreement_id'], ['agreements.id'], name=op.f('fk_agreement_parties_agreement_id_agreements'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['party_id'], ['parties.id'], name=op.f('fk_agreement_parties_party_id_parties')),
    sa.PrimaryKeyConstraint('agreement_id', 'party_id', name=op.f('pk_agreement_parties'))
    )
    with op.batch_alter_table('agreement_parties', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agreement_parties_party_id'), ['party_id'], unique=False)

    op.create_table('case_clock_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('approver', sa.String(length=100), nullable=True),
    sa.Column('article', sa.String(length=100), nullable=True),
    sa.Column('station_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("kind IN ('pause', 'resume', 'extension')", name=op.f('ck_case_clock_events_kind')),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_case_clock_events_case_id_cases'), ondelete='CASCADE'),
    *_attribution_fks('case_clock_events'),
    sa.ForeignKeyConstraint(['station_id'], ['stations.id'], name=op.f('fk_case_clock_events_station_id_stations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_clock_events'))
    )
    with op.batch_alter_table('case_clock_events', schema=None) as batch_op:
        batch_op.create_index('ix_case_clock_events_case_at', ['case_id', 'at'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_clock_events_created_by_id'), ['created_by_id'], unique=False)

    op.create_table('session_mediators',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=True),
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.CheckConstraint("role IN ('officer', 'people_mediator', 'lawyer', 'legal_officer', 'grid_worker', 'other')", name=op.f('ck_session_mediators_role')),
    sa.ForeignKeyConstraint(['session_id'], ['mediation_sessions.id'], name=op.f('fk_session_mediators_session_id_mediation_sessions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_session_mediators_staff_id_staff')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_session_mediators'))
    )
    with op.batch_alter_table('session_mediators', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_session_mediators_session_id'), ['session_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_session_mediators_staff_id'), ['staff_id'], unique=False)

    op.create_table('work_order_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('work_order_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('text', sa.Text(), nullable=True),
    sa.Column('from_status', sa.String(length=20), nullable=True),
    sa.Column('to_status', sa.String(length=20), nullable=True),
    sa.Column('to_unit_id', sa.Integer(), nullable=True),
    sa.Column('to_assignee_id', sa.Integer(), nullable=True),
    sa.Column('station_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("from_status IS NULL OR from_status IN ('issued', 'accepted', 'reported', 'returned', 'closed', 'cancelled')", name=op.f('ck_work_order_events_from_status')),
    sa.CheckConstraint("kind IN ('issue', 'accept', 'report', 'return', 'close', 'urge', 'reassign', 'cancel')", name=op.f('ck_work_order_events_kind')),
    sa.CheckConstraint("to_status IS NULL OR to_status IN ('issued', 'accepted', 'reported', 'returned', 'closed', 'cancelled')", name=op.f('ck_work_order_events_to_status')),
    sa.ForeignKeyConstraint(['actor_id'], ['staff.id'], name=op.f('fk_work_order_events_actor_id_staff')),
    *_attribution_fks('work_order_events'),
    sa.ForeignKeyConstraint(['station_id'], ['stations.id'], name=op.f('fk_work_order_events_station_id_stations')),
    sa.ForeignKeyConstraint(['to_assignee_id'], ['staff.id'], name=op.f('fk_work_order_events_to_assignee_id_staff')),
    sa.ForeignKeyConstraint(['to_unit_id'], ['units.id'], name=op.f('fk_work_order_events_to_unit_id_units')),
    sa.ForeignKeyConstraint(['work_order_id'], ['work_orders.id'], name=op.f('fk_work_order_events_work_order_id_work_orders'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_work_order_events'))
    )
    with op.batch_alter_table('work_order_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_work_order_events_actor_id'), ['actor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_work_order_events_created_by_id'), ['created_by_id'], unique=False)
        batch_op.create_index('ix_work_order_events_order_at', ['work_order_id', 'at'], unique=False)
        batch_op.create_index(batch_op.f('ix_work_order_events_to_assignee_id'), ['to_assignee_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_work_order_events_to_unit_id'), ['to_unit_id'], unique=False)
    _add_attribution_fks_on_server()
    _create_audit_guards()


def downgrade() -> None:
    _drop_audit_guards()
    _drop_attribution_fks_on_server()
    with op.batch_alter_table('work_order_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_work_order_events_to_unit_id'))
        batch_op.drop_index(batch_op.f('ix_work_order_events_to_assignee_id'))
        batch_op.drop_index('ix_work_order_events_order_at')
        batch_op.drop_index(batch_op.f('ix_work_order_events_created_by_id'))
        batch_op.drop_index(batch_op.f('ix_work_order_events_actor_id'))

    op.drop_table('work_order_events')
    with op.batch_alter_table('session_mediators', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_session_mediators_staff_id'))
        batch_op.drop_index(batch_op.f('ix_session_mediators_session_id'))

    op.drop_table('session_mediators')
    with op.batch_alter_table('case_clock_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_clock_events_created_by_id'))
        batch_op.drop_index('ix_case_clock_events_case_at')

    op.drop_table('case_clock_events')
    with op.batch_alter_table('agreement_parties', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agreement_parties_party_id'))

    op.drop_table('agreement_parties')
    with op.batch_alter_table('work_orders', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_work_orders_warning_id'))
        batch_op.drop_index(batch_op.f('ix_work_orders_updated_by_id'))
        batch_op.drop_index('ix_work_orders_station_unit')
        batch_op.drop_index('ix_work_orders_station_tracker')
        batch_op.drop_index('ix_work_orders_station_status')
        batch_op.drop_index('ix_work_orders_station_issued')
        batch_op.drop_index('ix_work_orders_station_assignee')
        batch_op.drop_index(batch_op.f('ix_work_orders_incident_id'))
        batch_op.drop_index(batch_op.f('ix_work_orders_dispute_id'))
        batch_op.drop_index(batch_op.f('ix_work_orders_directive_id'))
        batch_op.drop_index(batch_op.f('ix_work_orders_created_by_id'))
        batch_op.drop_index(batch_op.f('ix_work_orders_cluster_id'))

    op.drop_table('work_orders')
    with op.batch_alter_table('transfers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_transfers_updated_by_id'))
        batch_op.drop_index('ix_transfers_station_on')
        batch_op.drop_index('ix_transfers_dispute')
        batch_op.drop_index(batch_op.f('ix_transfers_created_by_id'))

    op.drop_table('transfers')
    with op.batch_alter_table('mediation_sessions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mediation_sessions_updated_by_id'))
        batch_op.drop_index('ix_mediation_sessions_station_held')
        batch_op.drop_index('ix_mediation_sessions_dispute_held')
        batch_op.drop_index(batch_op.f('ix_mediation_sessions_created_by_id'))

    op.drop_table('mediation_sessions')
    with op.batch_alter_table('follow_ups', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_follow_ups_visitor_id'))
        batch_op.drop_index(batch_op.f('ix_follow_ups_updated_by_id'))
        batch_op.drop_index('ix_follow_ups_station_due')
        batch_op.drop_index('ix_follow_ups_dispute_visited')
        batch_op.drop_index(batch_op.f('ix_follow_ups_created_by_id'))

    op.drop_table('follow_ups')
    with op.batch_alter_table('dispute_parties', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_dispute_parties_party_id'))

    op.drop_table('dispute_parties')
    with op.batch_alter_table('dispute_incidents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_dispute_incidents_incident_id'))

    op.drop_table('dispute_incidents')
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_cases_updated_by_id'))
        batch_op.drop_index(batch_op.f('ix_cases_unit_id'))
        batch_op.drop_index('ix_cases_station_due')
        batch_op.drop_index('ix_cases_station_accepted')
        batch_op.drop_index(batch_op.f('ix_cases_officer_id'))
        batch_op.drop_index(batch_op.f('ix_cases_incident_id'))
        batch_op.drop_index(batch_op.f('ix_cases_dispute_id'))
        batch_op.drop_index(batch_op.f('ix_cases_created_by_id'))

    op.drop_table('cases')
    with op.batch_alter_table('agreements', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agreements_updated_by_id'))
        batch_op.drop_index(batch_op.f('ix_agreements_supersedes_id'))
        batch_op.drop_index(batch_op.f('ix_agreements_dispute_id'))
        batch_op.drop_index(batch_op.f('ix_agreements_created_by_id'))

    op.drop_table('agreements')
    with op.batch_alter_table('repeat_cluster_incidents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_repeat_cluster_incidents_incident_id'))

    op.drop_table('repeat_cluster_incidents')
    with op.batch_alter_table('incident_parties', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_incident_parties_party_id'))

    op.drop_table('incident_parties')
    with op.batch_alter_table('disputes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_disputes_updated_by_id'))
        batch_op.drop_index('ix_disputes_station_status')
        batch_op.drop_index('ix_disputes_station_registered')
        batch_op.drop_index('ix_disputes_station_ended')
        batch_op.drop_index('ix_disputes_station_criminal_risk')
        batch_op.drop_index(batch_op.f('ix_disputes_source_incident_id'))
        batch_op.drop_index(batch_op.f('ix_disputes_lead_mediator_id'))
        batch_op.drop_index(batch_op.f('ix_disputes_grid_id'))
        batch_op.drop_index(batch_op.f('ix_disputes_created_by_id'))
        batch_op.drop_index(batch_op.f('ix_disputes_community_id'))

    op.drop_table('disputes')
    with op.batch_alter_table('incidents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_incidents_updated_by_id'))
        batch_op.drop_index(batch_op.f('ix_incidents_unit_id'))
        batch_op.drop_index('ix_incidents_station_reported')
        batch_op.drop_index('ix_incidents_station_phone')
        batch_op.drop_index('ix_incidents_station_grid_cat')
        batch_op.drop_index('ix_incidents_station_community')
        batch_op.drop_index('ix_incidents_station_cat')
        batch_op.drop_index('ix_incidents_station_address')
        batch_op.drop_index(batch_op.f('ix_incidents_source_batch_id'))
        batch_op.drop_index(batch_op.f('ix_incidents_officer_id'))
        batch_op.drop_index(batch_op.f('ix_incidents_created_by_id'))

    op.drop_table('incidents')
    with op.batch_alter_table('directives', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_directives_updated_by_id'))
        batch_op.drop_index(batch_op.f('ix_directives_unit_id'))
        batch_op.drop_index(batch_op.f('ix_directives_created_by_id'))
        batch_op.drop_index(batch_op.f('ix_directives_assignee_id'))

    op.drop_table('directives')
    with op.batch_alter_table('warnings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_warnings_updated_by_id'))
        batch_op.drop_index('ix_warnings_station_status')
        batch_op.drop_index('ix_warnings_station_received')
        batch_op.drop_index(batch_op.f('ix_warnings_handled_by_id'))
        batch_op.drop_index(batch_op.f('ix_warnings_created_by_id'))

    op.drop_table('warnings')
    with op.batch_alter_table('staff_roles', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_staff_roles_created_by_id'))

    op.drop_table('staff_roles')
    with op.batch_alter_table('grids', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_grids_updated_by_id'))
        batch_op.drop_index(batch_op.f('ix_grids_created_by_id'))
        batch_op.drop_index(batch_op.f('ix_grids_community_id'))

    op.drop_table('grids')
    with op.batch_alter_table('briefings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_briefings_updated_by_id'))
        batch_op.drop_index('ix_briefings_station_period')
        batch_op.drop_index(batch_op.f('ix_briefings_signed_by_id'))
        batch_op.drop_index(batch_op.f('ix_briefings_created_by_id'))
        batch_op.drop_index(batch_op.f('ix_briefings_chair_id'))

    op.drop_table('briefings')
    with op.batch_alter_table('audit_entries', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_entries_station_at')
        batch_op.drop_index('ix_audit_entries_staff_at')
        batch_op.drop_index('ix_audit_entries_record')

    op.drop_table('audit_entries')
    with op.batch_alter_table('staff', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_staff_updated_by_id'))
        batch_op.drop_index(batch_op.f('ix_staff_unit_id'))
        batch_op.drop_index('ix_staff_station_id_name')
        batch_op.drop_index(batch_op.f('ix_staff_created_by_id'))

    op.drop_table('staff')
    with op.batch_alter_table('communities', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_communities_updated_by_id'))
        batch_op.drop_index(batch_op.f('ix_communities_unit_id'))
        batch_op.drop_index(batch_op.f('ix_communities_created_by_id'))

    op.drop_table('communities')
    with op.batch_alter_table('units', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_units_updated_by_id'))
        batch_op.drop_index(batch_op.f('ix_units_parent_id'))
        batch_op.drop_index(batch_op.f('ix_units_created_by_id'))

    op.drop_table('units')
    with op.batch_alter_table('repeat_clusters', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_repeat_clusters_updated_by_id'))
        batch_op.drop_index('ix_repeat_clusters_station_last')
        batch_op.drop_index(batch_op.f('ix_repeat_clusters_created_by_id'))

    op.drop_table('repeat_clusters')
    with op.batch_alter_table('parties', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_parties_updated_by_id'))
        batch_op.drop_index('ix_parties_station_phone')
        batch_op.drop_index('ix_parties_station_name')
        batch_op.drop_index(batch_op.f('ix_parties_created_by_id'))

    op.drop_table('parties')
    op.drop_table('number_sequences')
    with op.batch_alter_table('import_batches', schema=None) as batch_op:
        batch_op.drop_index('ix_import_batches_station_id_created_at')
        batch_op.drop_index(batch_op.f('ix_import_batches_created_by_id'))

    op.drop_table('import_batches')
    with op.batch_alter_table('attachments', schema=None) as batch_op:
        batch_op.drop_index('ix_attachments_owner')
        batch_op.drop_index(batch_op.f('ix_attachments_created_by_id'))

    op.drop_table('attachments')
    with op.batch_alter_table('stations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_stations_updated_by_id'))
        batch_op.drop_index(batch_op.f('ix_stations_created_by_id'))

    op.drop_table('stations')
    with op.batch_alter_table('incident_categories', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_incident_categories_parent_id'))
        batch_op.drop_index(batch_op.f('ix_incident_categories_created_by_id'))

    op.drop_table('incident_categories')
    op.drop_table('audit_chain_heads')
