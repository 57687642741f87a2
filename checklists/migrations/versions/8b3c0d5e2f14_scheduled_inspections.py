"""scheduled inspections

(issue 25) Schedules (a checklist, an organisation or site, inspectors, a recurrence rule),
their inspectors, and the inspections started for their occurrences.

Revision ID: 8b3c0d5e2f14
Revises: 7a2b9c4d1e03
Create Date: 2026-11-25 07:20:00.000000

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "8b3c0d5e2f14"
down_revision = "7a2b9c4d1e03"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "schedules",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("template_id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=True),
        sa.Column(
            "rule_kind",
            sa.Enum(
                "day",
                "last_working_day",
                "following_month",
                "weeks",
                name="schedule_rule",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column(
            "rule_period",
            sa.Enum(
                "month",
                "quarter",
                "year",
                name="schedule_period",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("rule_day", sa.Integer(), nullable=False),
        sa.Column("rule_month", sa.Integer(), nullable=False),
        sa.Column("rule_weeks", sa.Integer(), nullable=False),
        sa.Column("rule_weekday", sa.Integer(), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("deactivated_on", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("client_id", sa.String(length=64), nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "ends_on IS NULL OR ends_on >= starts_on", name=op.f("ck_schedules_period_ordered")
        ),
        sa.CheckConstraint("rule_day BETWEEN 1 AND 31", name=op.f("ck_schedules_rule_day_range")),
        sa.CheckConstraint(
            "rule_month BETWEEN 1 AND 12", name=op.f("ck_schedules_rule_month_range")
        ),
        sa.CheckConstraint(
            "rule_weeks BETWEEN 1 AND 52", name=op.f("ck_schedules_rule_weeks_range")
        ),
        sa.CheckConstraint(
            "rule_weekday BETWEEN 0 AND 6", name=op.f("ck_schedules_rule_weekday_range")
        ),
        sa.CheckConstraint(
            "active = (deactivated_on IS NULL)",
            name=op.f("ck_schedules_deactivated_when_inactive"),
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name=op.f("fk_schedules_created_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_schedules_organisation_id_organisations"),
        ),
        sa.ForeignKeyConstraint(["site_id"], ["sites.id"], name=op.f("fk_schedules_site_id_sites")),
        sa.ForeignKeyConstraint(
            ["template_id"],
            ["checklist_templates.id"],
            name=op.f("fk_schedules_template_id_checklist_templates"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_schedules")),
        sa.UniqueConstraint("client_id", name=op.f("uq_schedules_client_id")),
    )
    with op.batch_alter_table("schedules", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_schedules_organisation_id"), ["organisation_id"], unique=False
        )

    op.create_table(
        "schedule_inspectors",
        sa.Column("schedule_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["schedule_id"],
            ["schedules.id"],
            name=op.f("fk_schedule_inspectors_schedule_id_schedules"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_schedule_inspectors_user_id_users")
        ),
        sa.PrimaryKeyConstraint("schedule_id", "user_id", name=op.f("pk_schedule_inspectors")),
    )
    op.create_table(
        "scheduled_inspections",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("schedule_id", sa.Integer(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("inspection_id", sa.Integer(), nullable=False),
        sa.Column("started_by_id", sa.Integer(), nullable=True),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["inspection_id"],
            ["inspections.id"],
            name=op.f("fk_scheduled_inspections_inspection_id_inspections"),
        ),
        sa.ForeignKeyConstraint(
            ["schedule_id"],
            ["schedules.id"],
            name=op.f("fk_scheduled_inspections_schedule_id_schedules"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["started_by_id"],
            ["users.id"],
            name=op.f("fk_scheduled_inspections_started_by_id_users"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scheduled_inspections")),
        sa.UniqueConstraint("inspection_id", name=op.f("uq_scheduled_inspections_inspection_id")),
        sa.UniqueConstraint("schedule_id", "due_on", name="uq_scheduled_inspections_occurrence"),
    )


def downgrade():
    op.drop_table("scheduled_inspections")
    op.drop_table("schedule_inspectors")
    with op.batch_alter_table("schedules", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_schedules_organisation_id"))
    op.drop_table("schedules")
