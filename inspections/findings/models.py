"""Findings: what a submitted inspection found wrong, and how it was put right (events, files,
numbered notices), and the holiday calendar their deadlines are counted on."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from checklists.accounts.models import Organisation, User
from checklists.authoring.models import TemplateItem, cite
from checklists.core.db import as_utc, enum_column, utcnow
from checklists.core.extensions import db
from inspections.filling.evidence import Evidence, EvidenceFacts
from inspections.filling.models import Inspection


class FindingStatus(StrEnum):
    OPEN = "open"
    #: The enterprise reported a corrective action; waiting for the inspector's 复查.
    ACTION_SUBMITTED = "action_submitted"
    CLOSED = "closed"
    #: 复查 found it not put right: the enterprise acts again.
    REOPENED = "reopened"
    #: The item passed when the returned inspection was submitted again (nothing was done yet).
    WITHDRAWN = "withdrawn"


#: A finding waiting for the enterprise (these become overdue after their deadline).
UNRESOLVED = (FindingStatus.OPEN, FindingStatus.REOPENED)
#: Not yet closed or withdrawn.
ACTIVE = (FindingStatus.OPEN, FindingStatus.REOPENED, FindingStatus.ACTION_SUBMITTED)


class RectificationNotice(db.Model):
    """整改通知书: a numbered notice listing an inspection's findings (one per submission that
    found something; a later submission's notice supersedes the earlier one)."""

    __tablename__ = "rectification_notices"
    __table_args__ = (sa.UniqueConstraint("year", "seq", name="uq_notices_year_seq"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    inspection_id: Mapped[int] = mapped_column(
        sa.ForeignKey("inspections.id", ondelete="CASCADE"), index=True
    )
    revision: Mapped[int]
    year: Mapped[int]
    seq: Mapped[int]
    #: e.g. 整改〔2026〕0007号
    number: Mapped[str] = mapped_column(sa.String(60), unique=True)
    issued_on: Mapped[dt.date] = mapped_column(sa.Date)
    issued_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    issued_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    superseded: Mapped[bool] = mapped_column(default=False, server_default=sa.false())

    inspection: Mapped[Inspection] = relationship()
    issued_by: Mapped[User | None] = relationship()
    findings: Mapped[list[Finding]] = relationship(
        back_populates="notice", order_by="Finding.number"
    )


class NoticeCounter(db.Model):
    """The last notice number used in a year (taken under a row lock)."""

    __tablename__ = "notice_counters"

    year: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    last: Mapped[int] = mapped_column(default=0)


class Finding(db.Model):
    """A failed item of a submitted inspection: the clause it breaks, what must be done and by
    when, and (in its events) everything that happened to it since."""

    __tablename__ = "findings"
    __table_args__ = (
        sa.UniqueConstraint("inspection_id", "item_id", name="uq_findings_inspection_item"),
        sa.Index("ix_findings_organisation_status", "organisation_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    inspection_id: Mapped[int] = mapped_column(
        sa.ForeignKey("inspections.id", ondelete="CASCADE"), index=True
    )
    #: Copied from the inspection: every scoped query filters on it.
    organisation_id: Mapped[int] = mapped_column(sa.ForeignKey("organisations.id"))
    item_id: Mapped[int] = mapped_column(sa.ForeignKey("template_items.id"))
    notice_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("rectification_notices.id"), index=True
    )
    #: Its place in the notice (第N项).
    number: Mapped[int] = mapped_column(default=1)
    #: The inspection revision that last confirmed it.
    revision: Mapped[int] = mapped_column(default=1)
    # Provenance: the clause and template version it was judged against.
    template_id: Mapped[int] = mapped_column(sa.ForeignKey("checklist_templates.id"))
    template_version: Mapped[int] = mapped_column(default=1)
    clause_key: Mapped[str] = mapped_column(sa.String(500), default="")
    document_number: Mapped[str | None] = mapped_column(sa.String(100))
    #: The version of the document the finding was judged against.
    document_version: Mapped[int | None]
    clause_text: Mapped[str] = mapped_column(sa.Text, default="")
    clause_text_hash: Mapped[str] = mapped_column(sa.String(64), default="")
    prompt: Mapped[str] = mapped_column(sa.String(500), default="")
    severity: Mapped[str] = mapped_column(sa.String(10))
    #: The scoring engine's reason (what was found against what the clause demands).
    reason: Mapped[str] = mapped_column(sa.Text, default="")
    required_action: Mapped[str] = mapped_column(sa.Text, default="")
    status: Mapped[FindingStatus] = mapped_column(
        enum_column(FindingStatus, "finding_status"), default=FindingStatus.OPEN
    )
    # The deadline: N units after the start day (inspections.workdays).
    deadline_start: Mapped[dt.date] = mapped_column(sa.Date)
    deadline_n: Mapped[int]
    deadline_unit: Mapped[str] = mapped_column(sa.String(12))
    due_on: Mapped[dt.date] = mapped_column(sa.Date, index=True)
    #: For a deadline in hours.
    due_at: Mapped[dt.datetime | None] = mapped_column(sa.DateTime(timezone=True))
    #: Computed on weekdays for a year whose official calendar was not loaded yet.
    deadline_provisional: Mapped[bool] = mapped_column(default=False)
    deadline_explanation: Mapped[str] = mapped_column(sa.Text, default="")
    #: None: the default for its severity; else who set it.
    deadline_set_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    #: Set by ``flask findings check-overdue`` when it flagged (and notified) this finding.
    overdue_since: Mapped[dt.date | None] = mapped_column(sa.Date)
    created_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    closed_at: Mapped[dt.datetime | None] = mapped_column(sa.DateTime(timezone=True))

    inspection: Mapped[Inspection] = relationship()
    organisation: Mapped[Organisation] = relationship()
    item: Mapped[TemplateItem] = relationship()
    notice: Mapped[RectificationNotice | None] = relationship(back_populates="findings")
    events: Mapped[list[FindingEvent]] = relationship(
        back_populates="finding", order_by="FindingEvent.id", cascade="all, delete-orphan"
    )
    files: Mapped[list[FindingFile]] = relationship(
        back_populates="finding", order_by="FindingFile.id", cascade="all, delete-orphan"
    )

    @property
    def citation(self) -> str:
        """文号 and clause path as people write them (see TemplateItem.citation)."""
        return cite(self.clause_key, self.document_number)

    def is_overdue(self, today: dt.date, now: dt.datetime | None = None) -> bool:
        if self.status not in UNRESOLVED:
            return False
        if self.due_at is not None and now is not None:
            return as_utc(self.due_at) < now
        return self.due_on < today


class FindingEvent(db.Model):
    """One step in a finding's history: raised, a corrective action, 复查 (closed or reopened),
    a deadline change, flagged overdue, withdrawn. Never changed or deleted."""

    __tablename__ = "finding_events"
    __table_args__ = (
        sa.UniqueConstraint("finding_id", "client_id", name="uq_finding_events_client"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    finding_id: Mapped[int] = mapped_column(
        sa.ForeignKey("findings.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(sa.String(20))
    actor_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    text: Mapped[str] = mapped_column(sa.Text, default="")
    #: Before/after values (deadline changes), the status it led to.
    data: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)
    #: Made on the device for a corrective action, so a resend is stored once.
    client_id: Mapped[str | None] = mapped_column(sa.String(64))

    finding: Mapped[Finding] = relationship(back_populates="events")
    actor: Mapped[User | None] = relationship()
    files: Mapped[list[FindingFile]] = relationship(
        back_populates="event", order_by="FindingFile.id"
    )


class FindingFile(EvidenceFacts, db.Model):
    """A photo or document the enterprise sent as evidence of a corrective action (or an
    inspector at 复查): one use of a stored file (``Evidence``, shared with inspection photos
    and other findings), once per finding. The file's facts are the evidence's, read through
    here; the name is the one it had in this upload."""

    __tablename__ = "finding_files"
    __table_args__ = (
        sa.UniqueConstraint("finding_id", "evidence_id", name="uq_finding_files_finding_evidence"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    finding_id: Mapped[int] = mapped_column(
        sa.ForeignKey("findings.id", ondelete="CASCADE"), index=True
    )
    #: The corrective action it belongs to; None until the next action is reported.
    event_id: Mapped[int | None] = mapped_column(sa.ForeignKey("finding_events.id"))
    evidence_id: Mapped[int] = mapped_column(sa.ForeignKey("evidence.id"), index=True)
    filename: Mapped[str] = mapped_column(sa.String(200), default="")
    uploaded_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    uploaded_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)

    finding: Mapped[Finding] = relationship(back_populates="files")
    event: Mapped[FindingEvent | None] = relationship(back_populates="files")
    #: Loaded with the link (one query for a finding's files, as before).
    evidence: Mapped[Evidence] = relationship(lazy="joined", innerjoin=True)
    uploaded_by: Mapped[User | None] = relationship()

    # The file's other facts (SHA-256, type, size, EXIF) come from EvidenceFacts.

    @property
    def kind(self) -> str:
        """ "photo" or "document"."""
        return self.evidence.kind


class CalendarYear(db.Model):
    """A year's official holidays and 调休 make-up working days, entered by an administrator
    (for a year the bundled calendar does not know yet, or to correct it)."""

    __tablename__ = "calendar_years"

    year: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    holidays: Mapped[list[str]] = mapped_column(sa.JSON, default=list)
    workdays: Mapped[list[str]] = mapped_column(sa.JSON, default=list)
    loaded_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    loaded_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
