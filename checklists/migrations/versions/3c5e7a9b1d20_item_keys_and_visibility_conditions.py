"""item keys and visibility conditions

Conditions (issue 25): a template item gets the key conditions name its answer by (unique in
its template version) and the condition under which it is shown; a section gets its condition
too. Every stored item and section has none: shown always, as before.

Revision ID: 3c5e7a9b1d20
Revises: f6964fb7ccab
Create Date: 2026-11-25 09:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '3c5e7a9b1d20'
down_revision = 'f6964fb7ccab'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('template_items', schema=None) as batch_op:
        batch_op.add_column(sa.Column('key', sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column('visible_when', sa.String(length=500), nullable=True))
        batch_op.create_unique_constraint('uq_template_items_template_key', ['template_id', 'key'])

    with op.batch_alter_table('template_sections', schema=None) as batch_op:
        batch_op.add_column(sa.Column('visible_when', sa.String(length=500), nullable=True))


def downgrade():
    with op.batch_alter_table('template_sections', schema=None) as batch_op:
        batch_op.drop_column('visible_when')

    with op.batch_alter_table('template_items', schema=None) as batch_op:
        batch_op.drop_constraint('uq_template_items_template_key', type_='unique')
        batch_op.drop_column('visible_when')
        batch_op.drop_column('key')
