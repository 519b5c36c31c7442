"""briefing: directive targets (one work order per unit) and addenda after sign-off

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('directives') as batch:
        batch.add_column(sa.Column('targets', sa.JSON(), nullable=True))
    with op.batch_alter_table('briefings') as batch:
        batch.add_column(sa.Column('addenda', sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('briefings') as batch:
        batch.drop_column('addenda')
    with op.batch_alter_table('directives') as batch:
        batch.drop_column('targets')
