"""login counters: failed logins per username and per address, shared by every worker

Revision ID: 9d4e1f2a3b60
Revises: 8c2f4e6a1b37
Create Date: 2026-11-23 13:00:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "9d4e1f2a3b60"
down_revision = "8c2f4e6a1b37"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "login_counters",
        sa.Column("key", sa.String(length=255), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("expires_at", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_login_counters")),
    )
    with op.batch_alter_table("login_counters", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_login_counters_expires_at"), ["expires_at"], unique=False
        )


def downgrade():
    with op.batch_alter_table("login_counters", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_login_counters_expires_at"))
    op.drop_table("login_counters")
