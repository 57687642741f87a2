"""users: session version (logout, a new password or an admin's change ends every session)

Revision ID: 8c2f4e6a1b37
Revises: 6eadeaabadff
Create Date: 2026-11-23 12:00:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "8c2f4e6a1b37"
down_revision = "6eadeaabadff"
branch_labels = None
depends_on = None


def upgrade():
    # Sessions made before keep the bare user id, which no longer finds anyone: everyone logs
    # in once more after the upgrade.
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("session_version", sa.Integer(), server_default="0", nullable=False)
        )


def downgrade():
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("session_version")
