"""requirements: how many of what a rate is per (每100户, 每30名游客, 每千常住人口)

Revision ID: 7e2a4c6b8d10
Revises: 5d1f3b7a9c42
Create Date: 2026-11-26 23:50:00.000000

A requirement's ``per`` names what it is per (户, 人, m); ``per_count`` how many of them
(每100户配备1名网格员: 1 名 per 100 户). Null: per one.
"""
import sqlalchemy as sa
from alembic import op


# revision identifiers, used by Alembic.
revision = '7e2a4c6b8d10'
down_revision = '5d1f3b7a9c42'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('requirements', schema=None) as batch_op:
        batch_op.add_column(sa.Column('per_count', sa.Numeric(precision=24, scale=6), nullable=True))


def downgrade():
    with op.batch_alter_table('requirements', schema=None) as batch_op:
        batch_op.drop_column('per_count')
