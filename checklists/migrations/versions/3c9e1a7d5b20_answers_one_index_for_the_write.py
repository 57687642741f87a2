"""answers: one index (inspection_id, current, item_id, instance) for the answer write's reads

Revision ID: 3c9e1a7d5b20
Revises: 10b5c2e2c89a
Create Date: 2026-11-25 18:30:00.000000

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = '3c9e1a7d5b20'
down_revision = '10b5c2e2c89a'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('answers', schema=None) as batch_op:
        # the new index first: the answers are never without one by inspection
        batch_op.create_index(
            'ix_answers_inspection_current_item',
            ['inspection_id', 'current', 'item_id', 'instance'],
            unique=False,
        )
        batch_op.drop_index('ix_answers_inspection_current')
        batch_op.drop_index('ix_answers_inspection_item_current')


def downgrade():
    with op.batch_alter_table('answers', schema=None) as batch_op:
        batch_op.create_index(
            'ix_answers_inspection_item_current',
            ['inspection_id', 'item_id', 'instance', 'current'],
            unique=False,
        )
        batch_op.create_index('ix_answers_inspection_current', ['inspection_id', 'current'], unique=False)
        batch_op.drop_index('ix_answers_inspection_current_item')
