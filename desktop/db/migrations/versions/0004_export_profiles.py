"""reports: saved HQ-workbook export profiles (sheets, columns, masking) per station

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('export_profiles',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('config', sa.JSON(), nullable=False),
    sa.Column('station_id', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['created_by_id'], ['staff.id'], name=op.f('fk_export_profiles_created_by_id_staff')),
    sa.ForeignKeyConstraint(['station_id'], ['stations.id'], name=op.f('fk_export_profiles_station_id_stations')),
    sa.ForeignKeyConstraint(['updated_by_id'], ['staff.id'], name=op.f('fk_export_profiles_updated_by_id_staff')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_export_profiles')),
    sa.UniqueConstraint('station_id', 'name', name=op.f('uq_export_profiles_station_id_name'))
    )
    op.create_index(op.f('ix_export_profiles_created_by_id'), 'export_profiles', ['created_by_id'], unique=False)
    op.create_index(op.f('ix_export_profiles_updated_by_id'), 'export_profiles', ['updated_by_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_export_profiles_updated_by_id'), table_name='export_profiles')
    op.drop_index(op.f('ix_export_profiles_created_by_id'), table_name='export_profiles')
    op.drop_table('export_profiles')
