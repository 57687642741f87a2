"""answers: PostgreSQL's function that writes an ordinary answer in one call

Revision ID: 5d1f3b7a9c42
Revises: 3c9e1a7d5b20
Create Date: 2026-11-26 12:30:00.000000

The function's text is the app's (inspections/filling/answer_call.py), so that a database made
by the migrations and one made by create_all hold the same function. SQLite: nothing to do.
"""
from alembic import op

from inspections.filling.answer_call import CREATE_FUNCTION, DROP_FUNCTION


# revision identifiers, used by Alembic.
revision = '5d1f3b7a9c42'
down_revision = '3c9e1a7d5b20'
branch_labels = None
depends_on = None


def upgrade():
    if op.get_bind().dialect.name == 'postgresql':
        op.execute(CREATE_FUNCTION)


def downgrade():
    if op.get_bind().dialect.name == 'postgresql':
        op.execute(DROP_FUNCTION)
