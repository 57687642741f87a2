"""Evidence: the one stored file behind every inspection photo, signature and finding file.

A file is received once (``ingest``: sniffed by its magic bytes, checked against the size and
pixel limits, processed, put into the blob store) and recorded once (``Evidence``, unique by
the SHA-256 of its bytes), however many items, inspections, findings and corrective actions use
it: each use is a link row of its own (``Photo`` here, ``FindingFile`` in findings) pointing at
it. A photo keeps the original (EXIF and all: evidence), a display copy and a thumbnail; a
document (PDF, .docx, .xlsx) only the original. The files lie in the blob store under the
SHA-256 (``<sha>``, ``<sha>.show``, ``<sha>.thumb``).

Findings import this module (the one-way rule: findings → filling).
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from flask import current_app
from flask_babel import gettext as _
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Mapped, mapped_column

from checklists.core import storage
from checklists.core.db import utcnow
from checklists.core.extensions import db
from inspections.filling import photos as photo_checks

PHOTO, DOCUMENT = "photo", "document"
#: Documents accepted as evidence besides photos (finding files only), by magic bytes and, for
#: the zip-based Office files, the file name's extension.
OFFICE_TYPES = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


class Evidence(db.Model):
    """A stored file, once per SHA-256: what the bytes are and what was read from them."""

    __tablename__ = "evidence"

    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(sa.String(64), unique=True)
    #: "photo" or "document"
    kind: Mapped[str] = mapped_column(sa.String(10))
    #: As sniffed from the bytes (never the client's word).
    mime: Mapped[str] = mapped_column(sa.String(100))
    #: The display copy's and thumbnail's type (a photo's; None for a document).
    display_mime: Mapped[str | None] = mapped_column(sa.String(40))
    #: A photo's size after its EXIF orientation (None for a document).
    width: Mapped[int | None]
    height: Mapped[int | None]
    byte_size: Mapped[int]
    #: Read by the server from the file's own EXIF (kept as evidence, stripped from the copy
    #: people see).
    exif_taken_at: Mapped[dt.datetime | None] = mapped_column(sa.DateTime(timezone=True))
    exif_lat: Mapped[Decimal | None] = mapped_column(sa.Numeric(9, 6))
    exif_lon: Mapped[Decimal | None] = mapped_column(sa.Numeric(9, 6))
    exif: Mapped[dict[str, str]] = mapped_column(sa.JSON, default=dict)
    created_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)


class EvidenceFacts:
    """For a link row (``Photo``, ``FindingFile``) with an ``evidence`` relationship: the stored
    file's facts under the names they had when they were the link's own columns."""

    @property
    def sha256(self) -> str:
        return self.evidence.sha256

    @property
    def mime(self) -> str:
        return self.evidence.mime

    @property
    def display_mime(self) -> str | None:
        """A photo's display copy and thumbnail type; None for a document."""
        return self.evidence.display_mime

    @property
    def width(self) -> int | None:
        return self.evidence.width

    @property
    def height(self) -> int | None:
        return self.evidence.height

    @property
    def byte_size(self) -> int:
        return self.evidence.byte_size

    @property
    def exif_taken_at(self) -> dt.datetime | None:
        return self.evidence.exif_taken_at

    @property
    def exif_lat(self) -> Decimal | None:
        return self.evidence.exif_lat

    @property
    def exif_lon(self) -> Decimal | None:
        return self.evidence.exif_lon

    @property
    def exif(self) -> dict[str, Any]:
        return self.evidence.exif


@dataclass(frozen=True)
class Received:
    """A file checked, processed and in the blob store; ``record`` gives its Evidence row."""

    sha256: str
    kind: str
    mime: str
    byte_size: int
    display_mime: str | None = None
    width: int | None = None
    height: int | None = None
    exif_taken_at: dt.datetime | None = None
    exif_lat: Decimal | None = None
    exif_lon: Decimal | None = None
    exif: dict[str, str] = field(default_factory=dict, repr=False)

    def facts(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__dataclass_fields__}


def ingest(data: bytes, *, filename: str = "", documents: bool = False) -> Received:
    """Check ``data`` and store its files; no database row yet (``record`` makes or finds it,
    under the caller's lock, after the slow part). A photo (JPEG, PNG, WebP) is processed by
    ``photos.process``; with ``documents`` a PDF, or a .docx/.xlsx by its ``filename``, is
    kept as it is. Refused files raise ``photos.PhotoError``; nothing is stored then."""
    config = current_app.config
    mime = _document_type(data, filename) if documents else None
    store = storage.blob_store()
    if mime is not None:
        if len(data) > config["PHOTO_MAX_BYTES"]:
            raise photo_checks.PhotoError(
                "too_large",
                _("The file is larger than %(mb)d MB.", mb=config["PHOTO_MAX_BYTES"] // 2**20),
                413,
            )
        sha = store.put(data)
        return Received(sha256=sha, kind=DOCUMENT, mime=mime, byte_size=len(data))
    processed = photo_checks.process(
        data, max_bytes=config["PHOTO_MAX_BYTES"], max_pixels=config["PHOTO_MAX_PIXELS"]
    )
    sha = store.put(data)
    store.put(processed.display, key=storage.variant_key(sha, storage.SHOWN))
    store.put(processed.thumbnail, key=storage.variant_key(sha, storage.THUMBNAIL))
    return Received(
        sha256=sha,
        kind=PHOTO,
        mime=processed.mime,
        byte_size=processed.byte_size,
        display_mime=processed.display_mime,
        width=processed.width,
        height=processed.height,
        exif_taken_at=_aware_local(processed.exif_taken_at),
        exif_lat=processed.exif_lat,
        exif_lon=processed.exif_lon,
        exif=processed.exif,
    )


def record(received: Received) -> Evidence:
    """The Evidence row of ``received``'s bytes: the stored one, else a new one. Two requests
    recording the same bytes at once make one row (the insert does nothing on a conflict)."""
    found = by_sha256(received.sha256)
    if found is not None:
        return found
    dialect = db.session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    db.session.execute(
        insert(Evidence)
        .values(**received.facts())
        .on_conflict_do_nothing(index_elements=["sha256"])
    )
    # Inserted just now, or by the request it conflicted with (committed by then).
    return db.session.scalars(sa.select(Evidence).where(Evidence.sha256 == received.sha256)).one()


def by_sha256(sha: str) -> Evidence | None:
    return db.session.scalar(sa.select(Evidence).where(Evidence.sha256 == sha))


def _document_type(data: bytes, filename: str) -> str | None:
    """The type of a PDF or an Office file, else None (for the photo checks to accept or
    refuse)."""
    if data.startswith(b"%PDF-"):
        return "application/pdf"
    extension = os.path.splitext(filename.lower())[1]
    if data.startswith(b"PK\x03\x04") and extension in OFFICE_TYPES:
        return OFFICE_TYPES[extension]
    return None


def _aware_local(moment: dt.datetime | None) -> dt.datetime | None:
    """An EXIF time in UTC (a time without offset is the service's zone, +08:00)."""
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone(dt.timedelta(hours=8)))
    return moment.astimezone(dt.UTC)
