"""Scheduled inspections: a schedule (a checklist by its lineage, an organisation or one of its
sites, inspectors, a recurrence rule, a first and an optional last day) and the inspections
started for its occurrences."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from checklists.accounts.models import Organisation, Site, User
from checklists.authoring.models import ChecklistTemplate
from checklists.core.db import enum_column, utcnow
from checklists.core.extensions import db
from inspections.filling.models import Inspection
from inspections.scheduling.rules import Recurrence, Rule
from inspections.spotcheck.frequency import Period

schedule_inspectors = sa.Table(
    "schedule_inspectors",
    db.metadata,
    sa.Column("schedule_id", sa.ForeignKey("schedules.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("user_id", sa.ForeignKey("users.id"), primary_key=True),
)


class Schedule(db.Model):
    """A recurring assignment: the organisation (or site) is to be inspected with the template
    on each day its rule falls due, by the inspectors assigned."""

    __tablename__ = "schedules"
    __table_args__ = (
        sa.CheckConstraint("ends_on IS NULL OR ends_on >= starts_on", name="period_ordered"),
        sa.CheckConstraint("rule_day BETWEEN 1 AND 31", name="rule_day_range"),
        sa.CheckConstraint("rule_month BETWEEN 1 AND 12", name="rule_month_range"),
        sa.CheckConstraint("rule_weeks BETWEEN 1 AND 52", name="rule_weeks_range"),
        sa.CheckConstraint("rule_weekday BETWEEN 0 AND 6", name="rule_weekday_range"),
        #: A schedule is deactivated on a day, reactivated by clearing it.
        sa.CheckConstraint("active = (deactivated_on IS NULL)", name="deactivated_when_inactive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: The version chosen; an occurrence is inspected with the newest published version of
    #: its lineage, so a newer version takes over without editing the schedule.
    template_id: Mapped[int] = mapped_column(sa.ForeignKey("checklist_templates.id"))
    #: Scope queries (a supervisor's region) filter by organisation.
    organisation_id: Mapped[int] = mapped_column(sa.ForeignKey("organisations.id"), index=True)
    #: One site of the organisation; None: the organisation as a whole.
    site_id: Mapped[int | None] = mapped_column(sa.ForeignKey("sites.id"))
    rule_kind: Mapped[Recurrence] = mapped_column(enum_column(Recurrence, "schedule_rule"))
    rule_period: Mapped[Period] = mapped_column(
        enum_column(Period, "schedule_period"), default=Period.MONTH
    )
    #: See ``rules.Rule``: the day of the month, the month within the period, every N weeks
    #: on a weekday (0 Monday); the fields a rule's kind does not read stay at their defaults.
    rule_day: Mapped[int] = mapped_column(default=1)
    rule_month: Mapped[int] = mapped_column(default=1)
    rule_weeks: Mapped[int] = mapped_column(default=1)
    rule_weekday: Mapped[int] = mapped_column(default=0)
    #: The first day an occurrence may fall on (and the anchor of a weekly rule).
    starts_on: Mapped[dt.date] = mapped_column(sa.Date)
    #: The last day an occurrence may fall on; None: open-ended.
    ends_on: Mapped[dt.date | None] = mapped_column(sa.Date)
    active: Mapped[bool] = mapped_column(default=True)
    #: The day it was deactivated: occurrences after it are no longer due (those before keep
    #: their standing, overdue included).
    deactivated_on: Mapped[dt.date | None] = mapped_column(sa.Date)
    note: Mapped[str] = mapped_column(sa.Text, default="")
    #: Made by the device or the form: the same client_id again is the same schedule.
    client_id: Mapped[str | None] = mapped_column(sa.String(64), unique=True)
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(
        sa.DateTime(timezone=True), default=utcnow, onupdate=utcnow
    )

    template: Mapped[ChecklistTemplate] = relationship()
    organisation: Mapped[Organisation] = relationship()
    site: Mapped[Site | None] = relationship()
    created_by: Mapped[User | None] = relationship()
    inspectors: Mapped[list[User]] = relationship(
        secondary=schedule_inspectors, order_by=lambda: User.id
    )

    @property
    def rule(self) -> Rule:
        return Rule(
            self.rule_kind,
            self.rule_period,
            day=self.rule_day,
            month=self.rule_month,
            weeks=self.rule_weeks,
            weekday=self.rule_weekday,
            anchor=self.starts_on,
        )

    @property
    def last_day(self) -> dt.date | None:
        """The last day an occurrence is due: its end, or the day it was deactivated."""
        days = [d for d in (self.ends_on, self.deactivated_on) if d is not None]
        return min(days) if days else None


class ScheduledInspection(db.Model):
    """The inspection started for one occurrence (a schedule's due day): one per occurrence,
    so a retried start creates none twice."""

    __tablename__ = "scheduled_inspections"
    __table_args__ = (
        sa.UniqueConstraint("schedule_id", "due_on", name="uq_scheduled_inspections_occurrence"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    schedule_id: Mapped[int] = mapped_column(sa.ForeignKey("schedules.id", ondelete="CASCADE"))
    #: The occurrence's due day (the inspection's planned_on when it was started).
    due_on: Mapped[dt.date] = mapped_column(sa.Date)
    inspection_id: Mapped[int] = mapped_column(sa.ForeignKey("inspections.id"), unique=True)
    started_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    started_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)

    schedule: Mapped[Schedule] = relationship()
    inspection: Mapped[Inspection] = relationship()
