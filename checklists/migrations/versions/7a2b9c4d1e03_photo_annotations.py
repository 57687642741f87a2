"""photo annotations

Photo annotations (issue 25): an annotated copy (arrows, circles, a short text drawn on the
phone) is a photo of its own, linked to the untouched original it was drawn on
(``photos.annotates_id``); the original stays the evidence.

Revision ID: 7a2b9c4d1e03
Revises: 640385c63f23
Create Date: 2026-11-25 07:20:00.000000

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "7a2b9c4d1e03"
down_revision = "640385c63f23"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("photos", schema=None) as batch_op:
        batch_op.add_column(sa.Column("annotates_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_photos_annotates_id"), ["annotates_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_photos_annotates_id_photos"),
            "photos",
            ["annotates_id"],
            ["id"],
            ondelete="CASCADE",
        )


def downgrade():
    with op.batch_alter_table("photos", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_photos_annotates_id_photos"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_photos_annotates_id"))
        batch_op.drop_column("annotates_id")
