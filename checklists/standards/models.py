"""Standards: imported gazettes, their documents (versioned), clauses and requirements."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from checklists.accounts.models import User
from checklists.core.db import utcnow
from checklists.core.extensions import db
from checklists.standards import search_index


class ImportRun(db.Model):
    """One uploaded or imported file and what came of it."""

    __tablename__ = "import_runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    filename: Mapped[str] = mapped_column(sa.String(255))
    #: SHA-256 of the extracted text.
    text_sha256: Mapped[str] = mapped_column(sa.String(64), index=True)
    imported_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    imported_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    #: [{"title", "reason"}]: parts of the gazette recognised and kept out (cover, speeches ...).
    skipped: Mapped[list[dict[str, Any]]] = mapped_column(sa.JSON, default=list)
    #: [{"document_id", "number", "title", "outcome": "new"|"new_version"|"unchanged"}]
    outcomes: Mapped[list[dict[str, Any]]] = mapped_column(sa.JSON, default=list)

    imported_by: Mapped[User | None] = relationship()


def document_year(signed_on: dt.date | None, number: str | None) -> int | None:
    """The signing year, else the year in the 文号's brackets (〔2016〕)."""
    if signed_on:
        return signed_on.year
    if number and "〔" in number:
        digits = number.split("〔", 1)[1][:4]
        return int(digits) if digits.isdecimal() else None
    return None


class Document(db.Model):
    """One version of a document (文号 + instrument). Old versions stay; ``is_current`` marks
    the newest of each ``lineage``. Whatever is judged against a version keeps pointing at it."""

    __tablename__ = "documents"
    __table_args__ = (
        sa.UniqueConstraint("lineage", "version", name="uq_documents_lineage_version"),
        sa.CheckConstraint("version >= 1", name="version_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: The root clause key: the normalised 文号, or 文号/instrument title, or 无文号-<hash>.
    lineage: Mapped[str] = mapped_column(sa.String(300), index=True)
    version: Mapped[int] = mapped_column(default=1)
    is_current: Mapped[bool] = mapped_column(default=True, index=True)
    #: Normalised 文号 (brackets 〔〕, no spaces); None when the document has none.
    number: Mapped[str | None] = mapped_column(sa.String(100), index=True)
    title: Mapped[str] = mapped_column(sa.String(500))
    issuer: Mapped[str | None] = mapped_column(sa.String(200), index=True)
    signed_on: Mapped[dt.date | None] = mapped_column(sa.Date)
    in_force_from: Mapped[dt.date | None] = mapped_column(sa.Date)
    in_force_until: Mapped[dt.date | None] = mapped_column(sa.Date)
    #: SHA-256 over the clause keys and text hashes: equal means "the same text".
    content_hash: Mapped[str] = mapped_column(sa.String(64))
    #: Marked repealed (废止) by hand: from that day nothing new may rest on it.
    repealed_on: Mapped[dt.date | None] = mapped_column(sa.Date)
    repeal_note: Mapped[str] = mapped_column(sa.Text, default="", server_default="")
    repealed_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    import_run_id: Mapped[int] = mapped_column(sa.ForeignKey("import_runs.id"), index=True)
    previous_id: Mapped[int | None] = mapped_column(sa.ForeignKey("documents.id"))

    #: Filled by queries that count clauses (``with_expression``).
    clause_count: Mapped[int | None] = sa.orm.query_expression()

    import_run: Mapped[ImportRun] = relationship()
    previous: Mapped[Document | None] = relationship(remote_side=[id])
    clauses: Mapped[list[Clause]] = relationship(
        back_populates="document", order_by="Clause.position", cascade="all, delete-orphan"
    )

    @property
    def year(self) -> int | None:
        return document_year(self.signed_on, self.number)

    def in_force_on(self, day: dt.date) -> bool:
        """False when ``day`` lies outside the stated in-force window (if any) or on or after
        the day it was repealed."""
        if self.in_force_from and day < self.in_force_from:
            return False
        if self.repealed_on and day >= self.repealed_on:
            return False
        return not (self.in_force_until and day > self.in_force_until)


class Clause(db.Model):
    """A numbered clause (or the preamble, or a table) of one document version."""

    __tablename__ = "clauses"
    __table_args__ = (
        sa.UniqueConstraint("document_id", "key", name="uq_clauses_document_key"),
        sa.Index(
            search_index.GIN_INDEX,
            sa.text("to_tsvector('simple', search_grams)"),
            postgresql_using="gin",
        ).ddl_if(dialect="postgresql"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(sa.ForeignKey("documents.id"), index=True)
    parent_id: Mapped[int | None] = mapped_column(sa.ForeignKey("clauses.id"))
    #: Canonical key, e.g. 冠政发〔2016〕109号/二/（二）/1 (stable across versions).
    key: Mapped[str] = mapped_column(sa.String(500), index=True)
    token: Mapped[str] = mapped_column(sa.String(50), default="")
    position: Mapped[int]
    #: Verbatim text (page-break joins applied).
    text: Mapped[str] = mapped_column(sa.Text)
    #: NFKC, no whitespace: what search matches against.
    normalized: Mapped[str] = mapped_column(sa.Text)
    #: Overlapping character pairs of ``normalized``, space-separated, for the search index.
    search_grams: Mapped[str] = mapped_column(sa.Text, default="")
    text_hash: Mapped[str] = mapped_column(sa.String(64))
    is_table: Mapped[bool] = mapped_column(default=False)
    table: Mapped[list[list[str]] | None] = mapped_column(sa.JSON)
    flags: Mapped[list[str]] = mapped_column(sa.JSON, default=list)

    document: Mapped[Document] = relationship(back_populates="clauses")
    parent: Mapped[Clause | None] = relationship(remote_side=[id])
    requirements: Mapped[list[Requirement]] = relationship(
        back_populates="clause", order_by="Requirement.position", cascade="all, delete-orphan"
    )

    @property
    def depth(self) -> int:
        return self.key.count("/")


class Requirement(db.Model):
    """A requirement drafted from a clause's wording (see checklists.extraction)."""

    __tablename__ = "requirements"

    id: Mapped[int] = mapped_column(primary_key=True)
    clause_id: Mapped[int] = mapped_column(sa.ForeignKey("clauses.id"), index=True)
    position: Mapped[int]
    modality: Mapped[str | None] = mapped_column(sa.String(30))
    kind: Mapped[str] = mapped_column(sa.String(30))
    comparator: Mapped[str | None] = mapped_column(sa.String(10))
    value: Mapped[Decimal | None] = mapped_column(sa.Numeric(24, 6))
    low: Mapped[Decimal | None] = mapped_column(sa.Numeric(24, 6))
    high: Mapped[Decimal | None] = mapped_column(sa.Numeric(24, 6))
    unit: Mapped[str | None] = mapped_column(sa.String(20))
    per: Mapped[str | None] = mapped_column(sa.String(20))
    #: How many of what it is per (每100户 → 100), null for one.
    per_count: Mapped[Decimal | None] = mapped_column(sa.Numeric(24, 6))
    #: The exact source text and its offset in the clause text.
    span: Mapped[str] = mapped_column(sa.Text)
    start: Mapped[int]
    trigger: Mapped[str | None] = mapped_column(sa.String(200))
    flags: Mapped[list[str]] = mapped_column(sa.JSON, default=list)
    #: Who must act, as written, and whether that is the inspected party (``regulated``) or an
    #: ``authority``; drafting makes items for the inspected party by default.
    subject: Mapped[str | None] = mapped_column(sa.String(100))
    subject_kind: Mapped[str | None] = mapped_column(sa.String(20))
    #: The condition it applies under: {"text", "comparator", "value", "unit", "per"}, or null.
    applies_when: Mapped[dict[str, Any] | None] = mapped_column(sa.JSON)
    #: A deadline written as a date or a calendar rule: {"rule": "next_month_day", "day": 5}.
    due: Mapped[dict[str, Any] | None] = mapped_column(sa.JSON)

    clause: Mapped[Clause] = relationship(back_populates="requirements")


@sa.event.listens_for(Clause.__table__, "after_create")
def _create_search_index(_target, connection, **_kw) -> None:
    search_index.create_index(connection)


@sa.event.listens_for(Clause.__table__, "before_drop")
def _drop_search_index(_target, connection, **_kw) -> None:
    search_index.drop_index(connection)
