"""answers: the answered_at the device sent, and a flag for clocks that were off

Revision ID: 0c1d2e3f4a5b
Revises: f4f97b8034da
Create Date: 2026-11-22 12:50:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0c1d2e3f4a5b'
down_revision = 'f4f97b8034da'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('answers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('sent_answered_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('clock_flag', sa.String(length=20), nullable=True))
    # Every earlier write hashed the stamp it was stored with: keep that as what was sent.
    op.execute('UPDATE answers SET sent_answered_at = answered_at')


def downgrade():
    with op.batch_alter_table('answers', schema=None) as batch_op:
        batch_op.drop_column('clock_flag')
        batch_op.drop_column('sent_answered_at')
