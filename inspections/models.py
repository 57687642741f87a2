"""Inspections of one organisation against one pinned template version, and their answers.

Answers are never overwritten: every write is a row; for one item the answer with the latest
``answered_at`` is ``current`` (ties: the later arrival), the others stay as history. A write
made on a device carries a ``client_id``, so a resend is recognised and stored once.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import StrEnum
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from checklists.accounts.models import Organisation, Site, User, _enum, utcnow
from checklists.extensions import db
from checklists.models import ChecklistTemplate, TemplateItem, cite


class InspectionStatus(StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    SUBMITTED = "submitted"
    #: A supervisor sent it back for correction: answers may change again (a new revision).
    RETURNED = "returned"
    APPROVED = "approved"


#: Statuses in which answers may still change.
OPEN_STATUSES = (InspectionStatus.PLANNED, InspectionStatus.IN_PROGRESS, InspectionStatus.RETURNED)

inspection_inspectors = sa.Table(
    "inspection_inspectors",
    db.metadata,
    sa.Column(
        "inspection_id",
        sa.ForeignKey("inspections.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("user_id", sa.ForeignKey("users.id"), primary_key=True),
)


class Inspection(db.Model):
    """One inspection: a template version, an organisation (and site or project), inspectors."""

    __tablename__ = "inspections"
    __table_args__ = (
        #: The dashboard's figures read scored inspections by status and score (and filter by
        #: date, organisation and template) from this index alone, not from the wide rows.
        sa.Index(
            "ix_inspections_scored",
            "status",
            "score",
            "submitted_at",
            "organisation_id",
            "template_id",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: Made on the device (or the server) when the inspection is created; the API's key.
    uuid: Mapped[str] = mapped_column(sa.String(36), unique=True)
    #: The pinned template version.
    template_id: Mapped[int] = mapped_column(sa.ForeignKey("checklist_templates.id"), index=True)
    organisation_id: Mapped[int] = mapped_column(sa.ForeignKey("organisations.id"), index=True)
    site_id: Mapped[int | None] = mapped_column(sa.ForeignKey("sites.id"))
    #: A purchase or building project the inspection concerns (free text).
    project: Mapped[str] = mapped_column(sa.String(200), default="")
    planned_on: Mapped[dt.date | None] = mapped_column(sa.Date, index=True)
    status: Mapped[InspectionStatus] = mapped_column(
        _enum(InspectionStatus, "inspection_status"), default=InspectionStatus.PLANNED, index=True
    )
    #: 1, and +1 each time a supervisor returns it for correction.
    revision: Mapped[int] = mapped_column(default=1)
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    submitted_at: Mapped[dt.datetime | None] = mapped_column(sa.DateTime(timezone=True))
    lat: Mapped[Decimal | None] = mapped_column(sa.Numeric(9, 6))
    lon: Mapped[Decimal | None] = mapped_column(sa.Numeric(9, 6))
    #: Metres, as the device reported it.
    accuracy: Mapped[Decimal | None] = mapped_column(sa.Numeric(8, 1))
    #: Filled at submission by the scoring engine.
    score: Mapped[Decimal | None] = mapped_column(sa.Numeric(4, 1))
    verdict: Mapped[str | None] = mapped_column(sa.String(10))
    grade: Mapped[str | None] = mapped_column(sa.String(40))
    #: The engine's whole summary (items, sections, explanation) at submission. Deferred: it
    #: is large (about 16 KB for 50 items) and only the result page reads it.
    summary: Mapped[dict[str, Any] | None] = mapped_column(sa.JSON, deferred=True)
    #: The supervisor's reason when returning it for correction (shown to the inspector).
    return_comment: Mapped[str] = mapped_column(sa.Text, default="", server_default="")
    returned_at: Mapped[dt.datetime | None] = mapped_column(sa.DateTime(timezone=True))

    template: Mapped[ChecklistTemplate] = relationship()
    organisation: Mapped[Organisation] = relationship()
    site: Mapped[Site | None] = relationship()
    created_by: Mapped[User | None] = relationship(foreign_keys=[created_by_id])
    inspectors: Mapped[list[User]] = relationship(secondary=inspection_inspectors)
    answers: Mapped[list[Answer]] = relationship(
        back_populates="inspection", order_by="Answer.id", cascade="all, delete-orphan"
    )
    photos: Mapped[list[Photo]] = relationship(
        back_populates="inspection", order_by="Photo.id", cascade="all, delete-orphan"
    )

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def current_answers(self) -> dict[int, Answer]:
        """Item id → its current answer."""
        return {a.item_id: a for a in self.answers if a.current}

    def photo_counts(self) -> dict[int, int]:
        """Item id → how many photos it has."""
        counts: dict[int, int] = {}
        for photo in self.photos:
            if photo.item_id is not None:
                counts[photo.item_id] = counts.get(photo.item_id, 0) + 1
        return counts

    def signature(self, kind: PhotoKind) -> Photo | None:
        """The latest signature of ``kind``."""
        found = [p for p in self.photos if p.kind == kind]
        return found[-1] if found else None


class Answer(db.Model):
    """One write of one item's answer (the current one, or history)."""

    __tablename__ = "answers"
    __table_args__ = (
        sa.UniqueConstraint("inspection_id", "client_id", name="uq_answers_inspection_client"),
        #: An item's current answer (saving an answer, the progress bar) without reading the
        #: inspection's whole history.
        sa.Index("ix_answers_inspection_item_current", "inspection_id", "item_id", "current"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    inspection_id: Mapped[int] = mapped_column(
        sa.ForeignKey("inspections.id", ondelete="CASCADE"), index=True
    )
    item_id: Mapped[int] = mapped_column(sa.ForeignKey("template_items.id"), index=True)
    #: Made on the device; the same id again is the same write (None for server-made writes).
    client_id: Mapped[str | None] = mapped_column(sa.String(64))
    #: SHA-256 of the write's content (value, unit, note, answered_at): tells a resend from a
    #: reuse of the same client_id for other content.
    content_hash: Mapped[str] = mapped_column(sa.String(64))
    #: The normalised value (scoring.parse_value), JSON-ready: "yes", "480", ["a", "b"], "na".
    value: Mapped[Any] = mapped_column(sa.JSON)
    unit: Mapped[str | None] = mapped_column(sa.String(20))
    note: Mapped[str] = mapped_column(sa.Text, default="")
    answered_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True))
    received_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    answered_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    revision: Mapped[int] = mapped_column(default=1)
    current: Mapped[bool] = mapped_column(default=True)
    #: The engine's verdict for this value alone, with its reason (clause cited).
    result: Mapped[str] = mapped_column(sa.String(12))
    reason: Mapped[str] = mapped_column(sa.Text, default="")

    inspection: Mapped[Inspection] = relationship(back_populates="answers")
    item: Mapped[TemplateItem] = relationship()
    answered_by: Mapped[User | None] = relationship()


class PhotoKind(StrEnum):
    ITEM = "item"
    SIGNATURE_INSPECTOR = "signature_inspector"
    SIGNATURE_ORG = "signature_org"


class Photo(db.Model):
    """A photo (evidence for an item) or a signature. Identified by the SHA-256 of the bytes
    received, so the same upload sent twice is stored once. Files live under the upload
    folder (outside ``static/``): the original as evidence, a display copy without EXIF and a
    thumbnail (``inspections.storage``)."""

    __tablename__ = "photos"
    __table_args__ = (
        sa.UniqueConstraint("inspection_id", "sha256", name="uq_photos_inspection_sha256"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    inspection_id: Mapped[int] = mapped_column(
        sa.ForeignKey("inspections.id", ondelete="CASCADE"), index=True
    )
    item_id: Mapped[int | None] = mapped_column(sa.ForeignKey("template_items.id"), index=True)
    kind: Mapped[PhotoKind] = mapped_column(_enum(PhotoKind, "photo_kind"), default=PhotoKind.ITEM)
    sha256: Mapped[str] = mapped_column(sa.String(64))
    mime: Mapped[str] = mapped_column(sa.String(40))
    display_mime: Mapped[str] = mapped_column(sa.String(40))
    width: Mapped[int]
    height: Mapped[int]
    byte_size: Mapped[int]
    #: As the device reported them (read from the photo before it was downscaled).
    taken_at: Mapped[dt.datetime | None] = mapped_column(sa.DateTime(timezone=True))
    lat: Mapped[Decimal | None] = mapped_column(sa.Numeric(9, 6))
    lon: Mapped[Decimal | None] = mapped_column(sa.Numeric(9, 6))
    #: Read by the server from the file's own EXIF (kept as evidence, stripped from the copy
    #: people see).
    exif_taken_at: Mapped[dt.datetime | None] = mapped_column(sa.DateTime(timezone=True))
    exif_lat: Mapped[Decimal | None] = mapped_column(sa.Numeric(9, 6))
    exif_lon: Mapped[Decimal | None] = mapped_column(sa.Numeric(9, 6))
    exif: Mapped[dict[str, str]] = mapped_column(sa.JSON, default=dict)
    uploaded_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    uploaded_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    revision: Mapped[int] = mapped_column(default=1)

    inspection: Mapped[Inspection] = relationship(back_populates="photos")
    item: Mapped[TemplateItem | None] = relationship()
    uploaded_by: Mapped[User | None] = relationship()


# --- Findings: what a submitted inspection found wrong, and how it was put right -------------


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
    clause_text: Mapped[str] = mapped_column(sa.Text, default="")
    clause_text_hash: Mapped[str] = mapped_column(sa.String(64), default="")
    prompt: Mapped[str] = mapped_column(sa.String(500), default="")
    severity: Mapped[str] = mapped_column(sa.String(10))
    #: The scoring engine's reason (what was found against what the clause demands).
    reason: Mapped[str] = mapped_column(sa.Text, default="")
    required_action: Mapped[str] = mapped_column(sa.Text, default="")
    status: Mapped[FindingStatus] = mapped_column(
        _enum(FindingStatus, "finding_status"), default=FindingStatus.OPEN
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
            due_at = self.due_at if self.due_at.tzinfo else self.due_at.replace(tzinfo=dt.UTC)
            return due_at < now
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


class FindingFile(db.Model):
    """A photo or document the enterprise sent as evidence of a corrective action (or an
    inspector at 复查). Stored like inspection photos, by SHA-256; documents keep only the
    original."""

    __tablename__ = "finding_files"
    __table_args__ = (
        sa.UniqueConstraint("finding_id", "sha256", name="uq_finding_files_finding_sha256"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    finding_id: Mapped[int] = mapped_column(
        sa.ForeignKey("findings.id", ondelete="CASCADE"), index=True
    )
    #: The corrective action it belongs to; None until the next action is reported.
    event_id: Mapped[int | None] = mapped_column(sa.ForeignKey("finding_events.id"))
    #: "photo" or "document"
    kind: Mapped[str] = mapped_column(sa.String(10))
    sha256: Mapped[str] = mapped_column(sa.String(64))
    mime: Mapped[str] = mapped_column(sa.String(100))
    display_mime: Mapped[str | None] = mapped_column(sa.String(40))
    filename: Mapped[str] = mapped_column(sa.String(200), default="")
    byte_size: Mapped[int]
    width: Mapped[int | None]
    height: Mapped[int | None]
    uploaded_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    uploaded_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)

    finding: Mapped[Finding] = relationship(back_populates="files")
    event: Mapped[FindingEvent | None] = relationship(back_populates="files")
    uploaded_by: Mapped[User | None] = relationship()


class CalendarYear(db.Model):
    """A year's official holidays and 调休 make-up working days, entered by an administrator
    (for a year the bundled calendar does not know yet, or to correct it)."""

    __tablename__ = "calendar_years"

    year: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    holidays: Mapped[list[str]] = mapped_column(sa.JSON, default=list)
    workdays: Mapped[list[str]] = mapped_column(sa.JSON, default=list)
    loaded_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    loaded_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)


class Notification(db.Model):
    """A message in a user's in-app inbox (also e-mailed when SMTP is configured)."""

    __tablename__ = "notifications"
    __table_args__ = (sa.Index("ix_notifications_user_read", "user_id", "read_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    finding_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("findings.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(sa.String(20))
    text: Mapped[str] = mapped_column(sa.Text)
    link: Mapped[str] = mapped_column(sa.String(300), default="")
    created_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    read_at: Mapped[dt.datetime | None] = mapped_column(sa.DateTime(timezone=True))
    emailed_at: Mapped[dt.datetime | None] = mapped_column(sa.DateTime(timezone=True))

    user: Mapped[User] = relationship()
    finding: Mapped[Finding | None] = relationship()


class AuditEntry(db.Model):
    """Who changed what, when, from what to what: every status change of an inspection
    (submitted, returned, approved) and of its findings' review. Never changed or deleted."""

    __tablename__ = "audit_entries"
    __table_args__ = (sa.Index("ix_audit_entries_entity", "entity", "entity_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    actor_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    #: "inspection" (entity_id: its id)
    entity: Mapped[str] = mapped_column(sa.String(20))
    entity_id: Mapped[int]
    #: submitted, returned, approved
    action: Mapped[str] = mapped_column(sa.String(20))
    before: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)
    after: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)
    comment: Mapped[str] = mapped_column(sa.Text, default="")

    actor: Mapped[User | None] = relationship()
