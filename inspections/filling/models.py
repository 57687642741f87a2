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

from checklists.accounts.models import Organisation, Site, User
from checklists.authoring.models import ChecklistTemplate, TemplateItem, TemplateSection
from checklists.core.db import enum_column, utcnow
from checklists.core.extensions import db
from inspections.filling.evidence import Evidence, EvidenceFacts


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
        enum_column(InspectionStatus, "inspection_status"),
        default=InspectionStatus.PLANNED,
        index=True,
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
    #: Why it goes ahead although a clause it rests on is not in force on its date (repealed,
    #: expired), and who said so; empty: every basis was in force.
    basis_override: Mapped[str] = mapped_column(sa.Text, default="", server_default="")
    basis_override_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
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
    instances: Mapped[list[RepeatInstance]] = relationship(
        order_by=lambda: (RepeatInstance.position, RepeatInstance.id),
        cascade="all, delete-orphan",
    )

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def current_answers(self) -> dict[int, Answer]:
        """Item id → its current answer (items of ordinary sections; ``instance_answers`` has
        those of repeated sections)."""
        return {a.item_id: a for a in self.answers if a.current and not a.instance}

    def instance_answers(self) -> dict[tuple[int, str], Answer]:
        """(item id, instance key) → the current answer of an item of a repeated section."""
        return {(a.item_id, a.instance): a for a in self.answers if a.current and a.instance}

    def live_instances(self) -> list[RepeatInstance]:
        """The instances of its repeated sections not removed, in order."""
        return [i for i in self.instances if i.removed_at is None]

    def photo_counts(self) -> dict[Any, int]:
        """Item id (or, for an item of a repeated section, (item id, instance key)) → how many
        photos it has (originals: an annotated copy is not another photo)."""
        counts: dict[Any, int] = {}
        for photo in self.photos:
            if photo.item_id is not None and photo.annotates_id is None:
                at = (photo.item_id, photo.instance) if photo.instance else photo.item_id
                counts[at] = counts.get(at, 0) + 1
        return counts

    def annotations(self) -> dict[int, list[Photo]]:
        """Original photo id → its annotated copies, oldest first (the last is the one shown)."""
        found: dict[int, list[Photo]] = {}
        for photo in self.photos:
            if photo.annotates_id is not None:
                found.setdefault(photo.annotates_id, []).append(photo)
        return found

    def signature(self, kind: PhotoKind) -> Photo | None:
        """The latest signature of ``kind``."""
        found = [p for p in self.photos if p.kind == kind]
        return found[-1] if found else None


class Answer(db.Model):
    """One write of one item's answer (the current one, or history)."""

    __tablename__ = "answers"
    __table_args__ = (
        sa.UniqueConstraint("inspection_id", "client_id", name="uq_answers_inspection_client"),
        #: One index for the answer write's reads, none of which reads the inspection's
        #: history: its current answers (the progress of a template with conditions or
        #: repeats: a prefix), an item's current answer (the flip, saving, the progress bar),
        #: its answers by ``inspection_id`` alone (a prefix). PostgreSQL: the flip's index
        #: scan marks the entries of the rows it made dead, so that the next read of the
        #: current answers, by the same index, skips them (until a vacuum they would be read).
        sa.Index(
            "ix_answers_inspection_current_item", "inspection_id", "current", "item_id", "instance"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    inspection_id: Mapped[int] = mapped_column(sa.ForeignKey("inspections.id", ondelete="CASCADE"))
    item_id: Mapped[int] = mapped_column(sa.ForeignKey("template_items.id"), index=True)
    #: The instance of a repeated section the answer is for (``RepeatInstance.key``); "" for
    #: an item of an ordinary section.
    instance: Mapped[str] = mapped_column(sa.String(64), default="", server_default="")
    #: Made on the device; the same id again is the same write (None for server-made writes).
    client_id: Mapped[str | None] = mapped_column(sa.String(64))
    #: SHA-256 of the write's content as the device sent it (value, unit, note and the
    #: ``answered_at`` it gave, if any; never the server's clock): tells a resend from a reuse
    #: of the same client_id for other content.
    content_hash: Mapped[str] = mapped_column(sa.String(64))
    #: The normalised value (scoring.parse_value), JSON-ready: "yes", "480", ["a", "b"], "na".
    value: Mapped[Any] = mapped_column(sa.JSON)
    unit: Mapped[str | None] = mapped_column(sa.String(20))
    note: Mapped[str] = mapped_column(sa.Text, default="")
    #: When it was answered: the device's stamp, but never later than ``received_at`` (a phone
    #: whose clock runs ahead must not pin its answer as the latest forever).
    answered_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True))
    received_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    #: The ``answered_at`` the device sent (None: it sent none and the receipt time counts).
    sent_answered_at: Mapped[dt.datetime | None] = mapped_column(sa.DateTime(timezone=True))
    #: For the supervisor: "ahead" (the device's clock was more than 5 minutes ahead of the
    #: server's) or "before_inspection" (stamped before the inspection existed); None when fine.
    clock_flag: Mapped[str | None] = mapped_column(sa.String(20))
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


class Photo(EvidenceFacts, db.Model):
    """A photo (evidence for an item) or a signature: one use of a stored file (``Evidence``)
    in an inspection. The same bytes may serve several items and signatures, one link each;
    the same bytes again for the same item (or signature kind) are that link, stored once.
    The file's facts (SHA-256, type, size, EXIF) are the evidence's, read through here."""

    __tablename__ = "photos"
    __table_args__ = (
        sa.UniqueConstraint(
            "inspection_id",
            "evidence_id",
            "item_id",
            "instance",
            "kind",
            name="uq_photos_inspection_evidence",
        ),
        #: The same for photos of no item (signatures): NULLs are distinct in the constraint
        #: above, so without this only the inspection's lock would keep a retry from doubling
        #: a signature.
        sa.Index(
            "uq_photos_inspection_evidence_no_item",
            "inspection_id",
            "evidence_id",
            "kind",
            unique=True,
            sqlite_where=sa.text("item_id IS NULL"),
            postgresql_where=sa.text("item_id IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    inspection_id: Mapped[int] = mapped_column(
        sa.ForeignKey("inspections.id", ondelete="CASCADE"), index=True
    )
    item_id: Mapped[int | None] = mapped_column(sa.ForeignKey("template_items.id"), index=True)
    #: The repeated section's instance the photo is for ("" for an ordinary item, signatures).
    instance: Mapped[str] = mapped_column(sa.String(64), default="", server_default="")
    kind: Mapped[PhotoKind] = mapped_column(
        enum_column(PhotoKind, "photo_kind"), default=PhotoKind.ITEM
    )
    evidence_id: Mapped[int] = mapped_column(sa.ForeignKey("evidence.id"), index=True)
    #: As the device reported them (read from the photo before it was downscaled).
    taken_at: Mapped[dt.datetime | None] = mapped_column(sa.DateTime(timezone=True))
    lat: Mapped[Decimal | None] = mapped_column(sa.Numeric(9, 6))
    lon: Mapped[Decimal | None] = mapped_column(sa.Numeric(9, 6))
    uploaded_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    uploaded_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    revision: Mapped[int] = mapped_column(default=1)
    #: An annotated copy (arrows, circles, a short text drawn on the phone) of this photo of
    #: the same item and instance; None for an original. The original stays the evidence: an
    #: annotated copy is not another photo of its item (not counted, not scored). Indexed for
    #: the key's check when photos are deleted with their inspection.
    annotates_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("photos.id", ondelete="CASCADE"), index=True
    )

    inspection: Mapped[Inspection] = relationship(back_populates="photos")
    item: Mapped[TemplateItem | None] = relationship()
    #: The original (found in the session when the inspection's photos are loaded).
    annotates: Mapped[Photo | None] = relationship(remote_side=[id])
    #: Loaded with the link (one query for an inspection's photos, as before).
    evidence: Mapped[Evidence] = relationship(lazy="joined", innerjoin=True)
    uploaded_by: Mapped[User | None] = relationship()


class RepeatInstance(db.Model):
    """One instance of a repeated section in an inspection (a depot, a warehouse, a vehicle):
    made on the device with its own ``key`` (so a resend is the same instance, offline too),
    named by the inspector. Removing one keeps it and its answers (``removed_at``): they are
    left out of the score, never lost."""

    __tablename__ = "repeat_instances"
    __table_args__ = (
        sa.UniqueConstraint("inspection_id", "key", name="uq_repeat_instances_inspection_key"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    inspection_id: Mapped[int] = mapped_column(
        sa.ForeignKey("inspections.id", ondelete="CASCADE"), index=True
    )
    section_id: Mapped[int] = mapped_column(sa.ForeignKey("template_sections.id"))
    #: Made on the device (letters, digits, ``-`` and ``_``): the instance's name in the API.
    key: Mapped[str] = mapped_column(sa.String(64))
    label: Mapped[str] = mapped_column(sa.String(100), default="")
    position: Mapped[int] = mapped_column(default=0)
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    removed_at: Mapped[dt.datetime | None] = mapped_column(sa.DateTime(timezone=True))

    section: Mapped[TemplateSection] = relationship()
