"""Major hazards under 挂牌督办: the hazard (its clause, its organisation, its numbered notice and
deadline), every step of its history (``HazardEvent``, never changed), its evidence files and
the 通报批评 issued when it was not put right in time."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from checklists.accounts.models import Organisation, User
from checklists.authoring.models import cite
from checklists.core.db import enum_column, utcnow
from checklists.core.extensions import db
from inspections.filling.evidence import Evidence, EvidenceFacts
from inspections.findings.models import Finding


class HazardStatus(StrEnum):
    #: The notice was issued; waiting for the enterprise's signed receipt (第五条（四）).
    LISTED = "listed"
    #: The receipt was signed; waiting for the plan with the six 落实 (第七条).
    ACKNOWLEDGED = "acknowledged"
    #: The plan is in; the enterprise puts the hazard right.
    RECTIFYING = "rectifying"
    #: The enterprise filed its 隐患整改销号报告; waiting for its township (第七条).
    CLOSURE_REQUESTED = "closure_requested"
    #: The township confirmed the report; waiting for the on-site verification (第八条).
    CONFIRMED = "confirmed"
    #: The experts found it put right; waiting for 销号 (第九条).
    VERIFIED = "verified"
    #: 销号: closed and archived.
    CLOSED = "closed"


#: Statuses in which the enterprise still has to put the hazard right: past ``due_on`` in one
#: of these, the hazard is overdue (第十条).
UNRECTIFIED = (HazardStatus.LISTED, HazardStatus.ACKNOWLEDGED, HazardStatus.RECTIFYING)


class HazardCounter(db.Model):
    """The last number used in a year for a kind of document (``notice``: 挂牌督办通知书,
    ``criticism``: 通报批评), taken under a row lock."""

    __tablename__ = "hazard_counters"

    kind: Mapped[str] = mapped_column(sa.String(10), primary_key=True)
    year: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    last: Mapped[int] = mapped_column(default=0)


class Hazard(db.Model):
    """A major hazard listed for 挂牌督办: what it is, the clause it was listed against (copied,
    so the record stays what it was), its notice's number and its deadline."""

    __tablename__ = "hazards"
    __table_args__ = (
        sa.UniqueConstraint("year", "seq", name="uq_hazards_year_seq"),
        #: The register and the overdue check filter by organisation and status.
        sa.Index("ix_hazards_organisation_status", "organisation_id", "status"),
        sa.CheckConstraint("status <> 'closed' OR closed_at IS NOT NULL", name="closed_has_time"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(sa.ForeignKey("organisations.id"))
    #: The finding it was listed from (None when listed directly).
    finding_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("findings.id", ondelete="SET NULL"), index=True
    )
    #: The stored clause it was listed against, when it is known.
    clause_id: Mapped[int | None] = mapped_column(sa.ForeignKey("clauses.id"))
    # The 挂牌督办通知书's number: 督办〔2026〕0001号 (per year).
    year: Mapped[int]
    seq: Mapped[int]
    number: Mapped[str] = mapped_column(sa.String(60), unique=True)
    #: 重大安全生产隐患名称 (第五条（一）).
    title: Mapped[str] = mapped_column(sa.String(500))
    #: 督办事项: what must be done (第五条（二）).
    description: Mapped[str] = mapped_column(sa.Text)
    # Provenance: the clause as it read when the hazard was listed.
    document_number: Mapped[str | None] = mapped_column(sa.String(100))
    document_version: Mapped[int | None]
    clause_key: Mapped[str] = mapped_column(sa.String(500), default="")
    clause_text: Mapped[str] = mapped_column(sa.Text, default="")
    clause_text_hash: Mapped[str] = mapped_column(sa.String(64), default="")
    status: Mapped[HazardStatus] = mapped_column(
        enum_column(HazardStatus, "hazard_status"), default=HazardStatus.LISTED
    )
    # 整改完成期限 (第五条（三）): N units after the start day (inspections.findings.workdays).
    deadline_start: Mapped[dt.date] = mapped_column(sa.Date)
    deadline_n: Mapped[int]
    deadline_unit: Mapped[str] = mapped_column(sa.String(12))
    due_on: Mapped[dt.date] = mapped_column(sa.Date, index=True)
    deadline_provisional: Mapped[bool] = mapped_column(default=False, server_default=sa.false())
    deadline_explanation: Mapped[str] = mapped_column(sa.Text, default="")
    #: Set by ``flask supervision check-overdue`` when it flagged this deadline as missed.
    overdue_since: Mapped[dt.date | None] = mapped_column(sa.Date)
    #: Made by the client that listed it, so a resend lists it once.
    client_id: Mapped[str | None] = mapped_column(sa.String(64), unique=True)
    listed_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    #: The notice's day (the deadline counts from it, not counted).
    listed_on: Mapped[dt.date] = mapped_column(sa.Date)
    listed_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    closed_at: Mapped[dt.datetime | None] = mapped_column(sa.DateTime(timezone=True))

    organisation: Mapped[Organisation] = relationship()
    finding: Mapped[Finding | None] = relationship()
    listed_by: Mapped[User | None] = relationship()
    events: Mapped[list[HazardEvent]] = relationship(
        back_populates="hazard", order_by="HazardEvent.id", cascade="all, delete-orphan"
    )
    files: Mapped[list[HazardFile]] = relationship(
        back_populates="hazard", order_by="HazardFile.id", cascade="all, delete-orphan"
    )
    criticisms: Mapped[list[HazardCriticism]] = relationship(
        back_populates="hazard", order_by="HazardCriticism.id", cascade="all, delete-orphan"
    )

    @property
    def citation(self) -> str:
        """文号 and clause path as people write them; "" for a hazard without a clause."""
        return cite(self.clause_key, self.document_number) if self.clause_key else ""

    def is_overdue(self, today: dt.date) -> bool:
        return self.status in UNRECTIFIED and self.due_on < today

    def last_step(self, kind: str) -> HazardEvent | None:
        """The latest event of a step (``plan``, ``receipt`` ...)."""
        return next((e for e in reversed(self.events) if e.kind == kind), None)


class HazardEvent(db.Model):
    """One step in a hazard's history: listed, the receipt, a plan, the closure report, the
    township's confirmation, a verification, 销号, flagged overdue, 通报批评. ``data`` keeps
    what was sent (``request``) and the status before and after. Never changed or deleted."""

    __tablename__ = "hazard_events"
    __table_args__ = (
        sa.UniqueConstraint("hazard_id", "client_id", name="uq_hazard_events_client"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    hazard_id: Mapped[int] = mapped_column(
        sa.ForeignKey("hazards.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(sa.String(20))
    actor_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    text: Mapped[str] = mapped_column(sa.Text, default="")
    data: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)
    #: Made on the device, so a resend of the step is stored once.
    client_id: Mapped[str | None] = mapped_column(sa.String(64))

    hazard: Mapped[Hazard] = relationship(back_populates="events")
    actor: Mapped[User | None] = relationship()
    files: Mapped[list[HazardFile]] = relationship(back_populates="event", order_by="HazardFile.id")


class HazardFile(EvidenceFacts, db.Model):
    """A photo or document sent with a step (the closure report's evidence, the verifiers'
    photos): one use of a stored file (``Evidence``), once per hazard."""

    __tablename__ = "hazard_files"
    __table_args__ = (
        sa.UniqueConstraint("hazard_id", "evidence_id", name="uq_hazard_files_hazard_evidence"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    hazard_id: Mapped[int] = mapped_column(
        sa.ForeignKey("hazards.id", ondelete="CASCADE"), index=True
    )
    #: The step it was sent with; None until the next step is recorded.
    event_id: Mapped[int | None] = mapped_column(sa.ForeignKey("hazard_events.id"))
    evidence_id: Mapped[int] = mapped_column(sa.ForeignKey("evidence.id"), index=True)
    filename: Mapped[str] = mapped_column(sa.String(200), default="")
    uploaded_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    uploaded_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)

    hazard: Mapped[Hazard] = relationship(back_populates="files")
    event: Mapped[HazardEvent | None] = relationship(back_populates="files")
    evidence: Mapped[Evidence] = relationship(lazy="joined", innerjoin=True)
    uploaded_by: Mapped[User | None] = relationship()

    @property
    def kind(self) -> str:
        """ "photo" or "document"."""
        return self.evidence.kind


class HazardCriticism(db.Model):
    """通报批评 (第十条): a numbered record that the hazard was not put right by a deadline
    (once per missed deadline)."""

    __tablename__ = "hazard_criticisms"
    __table_args__ = (
        sa.UniqueConstraint("year", "seq", name="uq_hazard_criticisms_year_seq"),
        sa.UniqueConstraint("hazard_id", "due_on", name="uq_hazard_criticisms_deadline"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    hazard_id: Mapped[int] = mapped_column(
        sa.ForeignKey("hazards.id", ondelete="CASCADE"), index=True
    )
    year: Mapped[int]
    seq: Mapped[int]
    #: e.g. 通报〔2026〕0003号
    number: Mapped[str] = mapped_column(sa.String(60), unique=True)
    #: The deadline that was missed.
    due_on: Mapped[dt.date] = mapped_column(sa.Date)
    issued_on: Mapped[dt.date] = mapped_column(sa.Date)
    text: Mapped[str] = mapped_column(sa.Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)

    hazard: Mapped[Hazard] = relationship(back_populates="criticisms")


# --- 约谈 (临政办字〔2016〕10号《临淄区安全生产约谈制度》) --------------------


class InterviewStatus(StrEnum):
    #: The 约谈通知 was issued (第四条); the interview is to be held.
    NOTIFIED = "notified"
    #: Held, its minutes (纪要) sent (第六条); the unit reports within 15 working days (第七条).
    HELD = "held"
    #: The unit's written report is in.
    REPORTED = "reported"


class InterviewTrigger(StrEnum):
    #: 第三条（二）6: the same kind of violation found twice in the window.
    REPEAT_VIOLATION = "repeat_violation"
    #: 第三条（二）2: a major hazard under 挂牌督办 not put right by its deadline.
    HAZARD_OVERDUE = "hazard_overdue"
    #: Any other case a supervisor decides (第三条（二）7 by default).
    MANUAL = "manual"


class Interview(db.Model):
    """A 约谈: its numbered notice (约谈〔2026〕0001号), why (the trigger, the 第三条 item and
    its text as it read), when and where, and its steps (held with minutes, the unit's report).
    ``events`` keeps every step as sent; nothing in it is changed."""

    __tablename__ = "interviews"
    __table_args__ = (
        sa.UniqueConstraint("year", "seq", name="uq_interviews_year_seq"),
        sa.Index("ix_interviews_organisation_trigger", "organisation_id", "trigger"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(sa.ForeignKey("organisations.id"))
    year: Mapped[int]
    seq: Mapped[int]
    number: Mapped[str] = mapped_column(sa.String(60), unique=True)
    trigger: Mapped[InterviewTrigger] = mapped_column(
        enum_column(InterviewTrigger, "interview_trigger")
    )
    reason: Mapped[str] = mapped_column(sa.Text, default="")
    #: The 第三条 item it rests on, and its text when the regime was imported.
    clause_key: Mapped[str] = mapped_column(sa.String(500), default="")
    clause_text: Mapped[str] = mapped_column(sa.Text, default="")
    #: What it answers (the due list leaves these out afterwards): the kinds of violation
    #: (``triggers.kind_of``) or ``hazard/<id>``.
    subjects: Mapped[list[str]] = mapped_column(sa.JSON, default=list)
    hazard_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("hazards.id", ondelete="SET NULL"), index=True
    )
    inspection_ids: Mapped[list[int]] = mapped_column(sa.JSON, default=list)
    scheduled_at: Mapped[dt.datetime | None] = mapped_column(sa.DateTime(timezone=True))
    place: Mapped[str] = mapped_column(sa.String(200), default="")
    status: Mapped[InterviewStatus] = mapped_column(
        enum_column(InterviewStatus, "interview_status"), default=InterviewStatus.NOTIFIED
    )
    attendees: Mapped[list[str]] = mapped_column(sa.JSON, default=list)
    minutes: Mapped[str] = mapped_column(sa.Text, default="")
    commitments: Mapped[str] = mapped_column(sa.Text, default="")
    held_on: Mapped[dt.date | None] = mapped_column(sa.Date)
    held_at: Mapped[dt.datetime | None] = mapped_column(sa.DateTime(timezone=True))
    #: 第七条: 15 working days after the interview day (the official calendar).
    report_due_on: Mapped[dt.date | None] = mapped_column(sa.Date, index=True)
    report_due_provisional: Mapped[bool] = mapped_column(default=False, server_default=sa.false())
    report_text: Mapped[str] = mapped_column(sa.Text, default="")
    reported_at: Mapped[dt.datetime | None] = mapped_column(sa.DateTime(timezone=True))
    #: Set by ``flask supervision check-overdue`` when the report was late.
    overdue_since: Mapped[dt.date | None] = mapped_column(sa.Date)
    client_id: Mapped[str | None] = mapped_column(sa.String(64), unique=True)
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    #: The notice's day (the due list's window counts from it).
    created_on: Mapped[dt.date] = mapped_column(sa.Date)
    created_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    #: Every step: ``{"kind", "at", "actor_id", "actor", "text", "data": {"request", ...}}``.
    events: Mapped[list[dict[str, Any]]] = mapped_column(sa.JSON, default=list)

    organisation: Mapped[Organisation] = relationship()
    created_by: Mapped[User | None] = relationship()
    hazard: Mapped[Hazard | None] = relationship()

    def is_overdue(self, today: dt.date) -> bool:
        return (
            self.status == InterviewStatus.HELD
            and self.report_due_on is not None
            and self.report_due_on < today
        )
