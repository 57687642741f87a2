"""photos: one row per inspection, evidence and kind for photos of no item (signatures)

Revision ID: b4c6d8e0f2a4
Revises: a3b5c7d9e1f2
Create Date: 2026-11-23 15:00:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "b4c6d8e0f2a4"
down_revision = "a3b5c7d9e1f2"
branch_labels = None
depends_on = None


def upgrade():
    op.create_index(
        "uq_photos_inspection_evidence_no_item",
        "photos",
        ["inspection_id", "evidence_id", "kind"],
        unique=True,
        sqlite_where=sa.text("item_id IS NULL"),
        postgresql_where=sa.text("item_id IS NULL"),
    )


def downgrade():
    op.drop_index("uq_photos_inspection_evidence_no_item", table_name="photos")
