"""requirements: who must act, the condition they apply under, deadlines written as dates

The reading issue: each requirement keeps its subject as written (企业, 配送中心, 各县（市、区）,
财政局 …), whether that is the inspected party or an authority, and the condition it applies
under (``applies_when``: its words and, if it states one, its number), and a deadline written as
a date or a calendar rule (``due``: 次月5日前, 每季度第一个月的20日前, 年底前). Requirements of documents
imported before stay as they were (null) until the document is imported again.

Revision ID: 7f3a9c2e1d44
Revises: 5e7a1d3c9b20
Create Date: 2026-11-23 01:10:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '7f3a9c2e1d44'
down_revision = '5e7a1d3c9b20'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('requirements', schema=None) as batch_op:
        batch_op.add_column(sa.Column('subject', sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column('subject_kind', sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column('applies_when', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('due', sa.JSON(), nullable=True))


def downgrade():
    with op.batch_alter_table('requirements', schema=None) as batch_op:
        batch_op.drop_column('due')
        batch_op.drop_column('applies_when')
        batch_op.drop_column('subject_kind')
        batch_op.drop_column('subject')
