"""双随机、一公开 records: the 随机抽查事项清单 (items), the 名录库 (target and inspector pools,
declared conflicts), plans with their commitment and draw, and the targets drawn."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from checklists.accounts.models import Organisation, OrgKind, Region, User
from checklists.authoring.models import ChecklistTemplate
from checklists.core.db import enum_column, utcnow
from checklists.core.extensions import db
from inspections.filling.models import Inspection
from inspections.spotcheck.frequency import Period, Rule, RuleKind


class Method(StrEnum):
    #: 现场检查.
    ONSITE = "onsite"
    #: 书面检查 (documents sent in).
    DOCUMENTS = "documents"


class RiskClass(StrEnum):
    """风险等级 of a target (分级分类监管): a class, published; its weight sets how likely a
    target is drawn."""

    LOW = "low"
    GENERAL = "general"
    ELEVATED = "elevated"
    HIGH = "high"


#: Weight of each class in the draw (a high-risk target is four times as likely as a low one).
RISK_WEIGHTS = {RiskClass.LOW: 1, RiskClass.GENERAL: 2, RiskClass.ELEVATED: 3, RiskClass.HIGH: 4}
RISK_LABELS = {
    RiskClass.LOW: "低风险",
    RiskClass.GENERAL: "一般风险",
    RiskClass.ELEVATED: "较高风险",
    RiskClass.HIGH: "高风险",
}


class PlanStatus(StrEnum):
    #: The seed is committed (its SHA-256 published) and the inputs frozen; nothing drawn.
    COMMITTED = "committed"
    #: Drawn: the seed revealed, targets and teams chosen, inspections created.
    DRAWN = "drawn"
    #: The results of approved inspections are public.
    PUBLISHED = "published"
    #: A pool changed after the commitment (or a supervisor withdrew it): no draw, ever.
    VOID = "void"


class SpotcheckItem(db.Model):
    """One line of a department's 随机抽查事项清单: the matter, what kind of target, on which
    basis, how, with which checklist, and how often."""

    __tablename__ = "spotcheck_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    department: Mapped[str] = mapped_column(sa.String(100))
    matter: Mapped[str] = mapped_column(sa.String(200))
    #: The kind of target: organisation kind, industry (""), region (None: any).
    target_kind: Mapped[OrgKind | None] = mapped_column(enum_column(OrgKind, "spotcheck_org_kind"))
    industry: Mapped[str] = mapped_column(sa.String(100), default="")
    region_id: Mapped[int | None] = mapped_column(sa.ForeignKey("regions.id"))
    #: The clauses it rests on (keys such as 冠政发〔2016〕109号/五/（三）), read live.
    basis: Mapped[list[str]] = mapped_column(sa.JSON, default=list)
    method: Mapped[Method] = mapped_column(enum_column(Method, "spotcheck_method"))
    template_id: Mapped[int] = mapped_column(sa.ForeignKey("checklist_templates.id"))
    rule_kind: Mapped[RuleKind] = mapped_column(enum_column(RuleKind, "spotcheck_rule"))
    rule_period: Mapped[Period] = mapped_column(enum_column(Period, "spotcheck_period"))
    rule_value: Mapped[int] = mapped_column(default=1)
    active: Mapped[bool] = mapped_column(default=True)
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)

    region: Mapped[Region | None] = relationship()
    template: Mapped[ChecklistTemplate] = relationship()

    @property
    def rule(self) -> Rule:
        return Rule(self.rule_kind, self.rule_period, self.rule_value)


class SpotcheckTarget(db.Model):
    """An organisation in the target pool (检查对象名录库) with its industry and risk class."""

    __tablename__ = "spotcheck_targets"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(sa.ForeignKey("organisations.id"), unique=True)
    industry: Mapped[str] = mapped_column(sa.String(100), default="")
    risk_class: Mapped[RiskClass] = mapped_column(
        enum_column(RiskClass, "risk_class"), default=RiskClass.GENERAL
    )
    active: Mapped[bool] = mapped_column(default=True)
    updated_at: Mapped[dt.datetime] = mapped_column(
        sa.DateTime(timezone=True), default=utcnow, onupdate=utcnow
    )

    organisation: Mapped[Organisation] = relationship()


class SpotcheckInspector(db.Model):
    """A person in the inspector pool (执法检查人员名录库): their 执法证号 and department."""

    __tablename__ = "spotcheck_inspectors"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"), unique=True)
    badge: Mapped[str] = mapped_column(sa.String(40), unique=True)
    department: Mapped[str] = mapped_column(sa.String(100), default="")
    active: Mapped[bool] = mapped_column(default=True)
    updated_at: Mapped[dt.datetime] = mapped_column(
        sa.DateTime(timezone=True), default=utcnow, onupdate=utcnow
    )

    user: Mapped[User] = relationship()


class SpotcheckConflict(db.Model):
    """An inspector's declared conflict of interest with an organisation (回避): never drawn
    together. The reason stays internal; the pair is public in a plan's inputs."""

    __tablename__ = "spotcheck_conflicts"
    __table_args__ = (
        sa.UniqueConstraint("user_id", "organisation_id", name="uq_spotcheck_conflicts_pair"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    organisation_id: Mapped[int] = mapped_column(sa.ForeignKey("organisations.id"))
    reason: Mapped[str] = mapped_column(sa.Text, default="")
    declared_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)

    user: Mapped[User] = relationship()
    organisation: Mapped[Organisation] = relationship()


class SpotcheckPlan(db.Model):
    """A plan: an item, a period, filters, a count; its frozen inputs and the commitment to a
    secret seed; after the draw, the seed and the public value it was mixed with."""

    __tablename__ = "spotcheck_plans"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(sa.ForeignKey("spotcheck_items.id"), index=True)
    period_start: Mapped[dt.date] = mapped_column(sa.Date)
    period_end: Mapped[dt.date] = mapped_column(sa.Date)
    #: The day the drawn inspections are planned for.
    planned_on: Mapped[dt.date] = mapped_column(sa.Date)
    #: The region the plan draws in (None: every region); a supervisor's is theirs.
    region_id: Mapped[int | None] = mapped_column(sa.ForeignKey("regions.id"))
    status: Mapped[PlanStatus] = mapped_column(
        enum_column(PlanStatus, "spotcheck_status"), default=PlanStatus.COMMITTED
    )
    #: The frozen inputs (public), their hash, and the commitment SHA-256(seed).
    inputs: Mapped[dict[str, Any]] = mapped_column(sa.JSON)
    inputs_hash: Mapped[str] = mapped_column(sa.String(64))
    commitment: Mapped[str] = mapped_column(sa.String(64), unique=True)
    #: Secret until the draw; never shown before.
    seed: Mapped[str] = mapped_column(sa.String(64))
    #: The public value mixed with the seed, fixed after the commitment.
    beacon_value: Mapped[str | None] = mapped_column(sa.String(500))
    committed_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    drawn_at: Mapped[dt.datetime | None] = mapped_column(sa.DateTime(timezone=True))
    published_at: Mapped[dt.datetime | None] = mapped_column(sa.DateTime(timezone=True))
    void_reason: Mapped[str] = mapped_column(sa.Text, default="")
    voided_at: Mapped[dt.datetime | None] = mapped_column(sa.DateTime(timezone=True))
    client_id: Mapped[str | None] = mapped_column(sa.String(64), unique=True)
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))

    item: Mapped[SpotcheckItem] = relationship()
    region: Mapped[Region | None] = relationship()
    created_by: Mapped[User | None] = relationship()
    picks: Mapped[list[SpotcheckPick]] = relationship(
        back_populates="plan", order_by="SpotcheckPick.position", cascade="all, delete-orphan"
    )


class SpotcheckPick(db.Model):
    """One drawn target: its place in the draw, the team, the inspection created for it, and
    the day its result was made public."""

    __tablename__ = "spotcheck_picks"
    __table_args__ = (
        sa.UniqueConstraint("plan_id", "organisation_id", name="uq_spotcheck_picks_target"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(sa.ForeignKey("spotcheck_plans.id", ondelete="CASCADE"))
    position: Mapped[int]
    organisation_id: Mapped[int] = mapped_column(sa.ForeignKey("organisations.id"))
    inspectors: Mapped[list[int]] = mapped_column(sa.JSON)
    inspection_id: Mapped[int] = mapped_column(sa.ForeignKey("inspections.id"), unique=True)
    published_on: Mapped[dt.date | None] = mapped_column(sa.Date)

    plan: Mapped[SpotcheckPlan] = relationship(back_populates="picks")
    organisation: Mapped[Organisation] = relationship()
    inspection: Mapped[Inspection] = relationship()
