"""Standards use cases: read a file, import its documents (versioned), diff versions.

Each function validates, mutates and flushes; the caller commits once, so an import is one
transaction: a failure leaves nothing half-imported.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import pathlib
from dataclasses import dataclass, field

import docx
import sqlalchemy as sa
from flask_babel import gettext as _
from pypdf import PdfReader

from checklists.accounts.models import User
from checklists.core.clock import local_today
from checklists.core.errors import InputError
from checklists.core.extensions import db
from checklists.core.storage import safe_filename
from checklists.standards import search_index
from checklists.standards.clause_tree import ParsedClause, heads_only
from checklists.standards.conflicts import mark_conflicts
from checklists.standards.due_dates import dated
from checklists.standards.extraction import Requirement as Extracted
from checklists.standards.extraction import extract
from checklists.standards.hooks import ChangeKind, ClauseChange, source_changed
from checklists.standards.models import Clause, Document, ImportRun, Requirement
from checklists.standards.parsing import ParsedDocument, parse_gazette
from checklists.standards.settling import under_a_lead

SUFFIXES = (".txt", ".md", ".docx", ".pdf")


# --- reading files -----------------------------------------------------------------------------


def _decode_text(data: bytes) -> str:
    if b"\x00" in data[:8192]:
        raise InputError({"file": _("This is a binary file, not text.")})
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError({"file": _("The text is neither UTF-8 nor GB18030.")})


def _docx_text(data: bytes) -> str:
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # a damaged upload can make the parser raise anything
        raise InputError({"file": _("This is not a readable .docx file.")}) from exc
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append("\t".join(cell.text.strip() for cell in row.cells))
    return "\n".join(lines)


def _pdf_text(data: bytes) -> str:
    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except Exception as exc:  # a damaged upload can make the parser raise anything
        raise InputError({"file": _("This is not a readable PDF file.")}) from exc
    text = "\n\n".join(pages)
    if not text.strip():
        raise InputError(
            {"file": _("The PDF has no text layer (a scan?); run OCR first or upload the text.")}
        )
    return text


def read_file(filename: str, data: bytes, max_bytes: int) -> str:
    """The text of an uploaded gazette, or InputError naming the problem. A NUL is no
    character of a text (PostgreSQL cannot store one): one in the first 8 KB of a text file
    marks a binary file, refused; any later (or in a PDF's text) is dropped."""
    suffix = pathlib.Path(safe_filename(filename)).suffix.lower()
    if suffix not in SUFFIXES:
        raise InputError(
            {
                "file": _(
                    "Unsupported file type %(suffix)s; use .txt, .md, .docx or .pdf.",
                    suffix=suffix or "?",
                )
            }
        )
    if len(data) > max_bytes:
        raise InputError(
            {"file": _("The file is larger than %(mb)d MB.", mb=max(1, max_bytes // 2**20))}
        )
    if not data.strip():
        raise InputError({"file": _("The file is empty.")})
    if suffix == ".docx":
        text = _docx_text(data)
    elif suffix == ".pdf":
        text = _pdf_text(data)
    else:
        text = _decode_text(data)
    text = text.replace("\x00", "")
    if not text.strip():
        raise InputError({"file": _("The file contains no text.")})
    return text


# --- importing ---------------------------------------------------------------------------------


@dataclass
class ImportReport:
    """What an import did: per document new / new_version / unchanged, and what was skipped."""

    filename: str
    documents: list[tuple[Document, str]] = field(default_factory=list)
    skipped: list[dict[str, str]] = field(default_factory=list)
    run: ImportRun | None = None

    @property
    def changed(self) -> bool:
        return any(outcome != "unchanged" for _doc, outcome in self.documents)


def content_hash(parsed: ParsedDocument) -> str:
    """Equal for two parses of the same text: clause keys and text hashes, in order."""
    digest = hashlib.sha256()
    for clause in parsed.clauses:
        digest.update(f"{clause.key}\x1f{clause.text_hash}\x1e".encode())
    return digest.hexdigest()


def _lineage(parsed: ParsedDocument) -> str:
    root = next((c for c in parsed.clauses if c.parent_key is None), None)
    return root.key if root is not None else (parsed.number or parsed.title)


def import_text(text: str, filename: str, user: User | None = None) -> ImportReport:
    """Import a gazette's text: new documents, new versions of changed ones; same text: nothing.

    Raises InputError when no document is recognised. ``filename`` is kept without the
    characters no file name keeps (``safe_filename``: a NUL, an escape ...).
    """
    filename = safe_filename(filename)
    result = parse_gazette(text)
    if not result.documents:
        raise InputError(
            {"file": _("No document was recognised (no 文号 or document title found).")}
        )
    report = ImportReport(
        filename, skipped=[{"title": s.title, "reason": s.reason} for s in result.skipped]
    )
    pending: list[tuple[ParsedDocument, Document | None, str]] = []
    lineages = [_lineage(parsed) for parsed in result.documents]
    currents = {
        doc.lineage: doc
        for doc in db.session.scalars(
            sa.select(Document).where(Document.lineage.in_(lineages), Document.is_current)
        )
    }
    for parsed, lineage in zip(result.documents, lineages, strict=True):
        digest = content_hash(parsed)
        current = currents.get(lineage)
        if current is not None and current.content_hash == digest:
            report.documents.append((current, "unchanged"))
        else:
            pending.append((parsed, current, digest))
    if not pending:
        return report

    # the long part (reading every clause's requirements) before the first write, so that
    # the write transaction, which blocks every other writer on SQLite, is short
    readings = [_read_requirements(parsed) for parsed, _current, _digest in pending]
    run = ImportRun(
        filename=filename[:255],
        text_sha256=hashlib.sha256(text.encode()).hexdigest(),
        imported_by=user,
        skipped=report.skipped,
    )
    db.session.add(run)
    new_clause_ids: list[int] = []
    for (parsed, current, digest), reading in zip(pending, readings, strict=True):
        document = _store_document(parsed, reading, current, digest, run)
        report.documents.append((document, "new_version" if current else "new"))
        new_clause_ids.extend(c.id for c in document.clauses)
        if current is not None:
            changes = version_changes(current, document)
            if changes:
                source_changed.send(document, changes=changes, user=user)
    run.outcomes = [
        {"document_id": d.id, "number": d.number, "title": d.title, "outcome": outcome}
        for d, outcome in report.documents
    ]
    report.run = run
    db.session.flush()
    search_index.index_clauses(db.session.connection(), new_clause_ids)
    return report


def _read_requirements(parsed: ParsedDocument) -> list[tuple[list[Extracted], str]]:
    """Each clause's requirements (conflicts marked) and search grams, in clause order."""
    texts = {c.key: c.text for c in parsed.clauses}
    parents = {c.parent_key for c in parsed.clauses if c.parent_key}
    extracted = mark_conflicts(
        [(c.key, [] if heads_only(c, parents) else _read_clause(c, texts)) for c in parsed.clauses]
    )
    return [
        (requirements, search_index.grams(clause.text))
        for clause, (_key, requirements) in zip(parsed.clauses, extracted, strict=True)
    ]


def _read_clause(clause: ParsedClause, texts: dict[str, str]) -> list[Extracted]:
    found = extract(clause.text, join_offsets=clause.join_offsets, token=clause.token)
    return _under_its_lead(found, texts, clause)


def _under_its_lead(
    found: list[Extracted], texts: dict[str, str], clause: ParsedClause
) -> list[Extracted]:
    """An item of a list (a clause of its own) as the lead clause above it binds it
    (``settling.under_a_lead``)."""
    return under_a_lead(found, texts.get(clause.parent_key or "", ""), clause.text, clause.token)


def _store_document(
    parsed: ParsedDocument,
    reading: list[tuple[list[Extracted], str]],
    current: Document | None,
    digest: str,
    run: ImportRun,
) -> Document:
    if current is not None:
        current.is_current = False
        db.session.flush()  # one current version per lineage at any moment
    document = Document(
        lineage=_lineage(parsed),
        version=current.version + 1 if current else 1,
        is_current=True,
        number=parsed.number,
        title=parsed.title[:500],
        issuer=parsed.issuer,
        signed_on=parsed.signed_on,
        in_force_from=parsed.in_force_from,
        in_force_until=parsed.in_force_until,
        content_hash=digest,
        import_run=run,
        previous=current,
    )
    db.session.add(document)
    by_key: dict[str, Clause] = {}
    for parsed_clause, (requirements, grams) in zip(parsed.clauses, reading, strict=True):
        clause = Clause(
            parent=by_key.get(parsed_clause.parent_key or ""),
            key=parsed_clause.key,
            token=parsed_clause.token,
            position=parsed_clause.position,
            text=parsed_clause.text,
            normalized=parsed_clause.normalized,
            search_grams=grams,
            text_hash=parsed_clause.text_hash,
            is_table=parsed_clause.is_table,
            table=[list(row) for row in parsed_clause.table] if parsed_clause.table else None,
            flags=list(parsed_clause.flags),
        )
        document.clauses.append(clause)
        by_key[clause.key] = clause
        clause.requirements = [
            Requirement(
                position=i,
                modality=r.modality,
                kind=r.kind,
                comparator=r.comparator,
                value=r.value,
                low=r.low,
                high=r.high,
                unit=r.unit,
                per=r.per,
                per_count=r.per_count,
                span=r.span,
                start=r.start,
                trigger=r.trigger,
                flags=list(r.flags),
                subject=r.subject[:100] if r.subject else None,
                subject_kind=r.subject_kind,
                applies_when=r.applies_when.to_dict() if r.applies_when else None,
                due=dated(r.due, parsed.signed_on or parsed.in_force_from),
            )
            for i, r in enumerate(requirements)
        ]
    db.session.flush()
    return document


def clauses_with_requirements(document: Document) -> list[Clause]:
    """A document's clauses in order, their requirements loaded in one more query."""
    return list(
        db.session.scalars(
            sa.select(Clause)
            .where(Clause.document_id == document.id)
            .options(sa.orm.selectinload(Clause.requirements))
            .order_by(Clause.position)
        )
    )


# --- versions ----------------------------------------------------------------------------------


@dataclass
class ClauseDiff:
    added: list[Clause]
    removed: list[Clause]
    changed: list[tuple[Clause, Clause]]  # (old, new)

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed)


def diff_documents(old: Document, new: Document) -> ClauseDiff:
    """Clause-level difference between two versions, matched by clause key."""
    before = {c.key: c for c in old.clauses}
    after = {c.key: c for c in new.clauses}
    return ClauseDiff(
        added=[c for k, c in after.items() if k not in before],
        removed=[c for k, c in before.items() if k not in after],
        changed=[
            (before[k], c)
            for k, c in after.items()
            if k in before and before[k].text_hash != c.text_hash
        ],
    )


def version_changes(old: Document, new: Document) -> list[ClauseChange]:
    """The clauses of ``old`` that ``new`` words differently or no longer has."""
    diff = diff_documents(old, new)
    changes = [
        ClauseChange(
            ChangeKind.CHANGED,
            before.key,
            before.id,
            before.text,
            old.id,
            after.id,
            after.text,
            new.id,
        )
        for before, after in diff.changed
    ]
    changes += [
        ClauseChange(ChangeKind.REMOVED, c.key, c.id, c.text, old.id, None, "", new.id)
        for c in diff.removed
    ]
    return changes


def _all_clauses(document: Document, kind: ChangeKind) -> list[ClauseChange]:
    return [
        ClauseChange(kind, c.key, c.id, c.text, document.id, None, "", document.id)
        for c in document.clauses
    ]


def repeal_document(document: Document, day: dt.date | None, note: str, user: User | None) -> None:
    """Mark every version of the document repealed (废止) from ``day``: nothing new may rest on
    it from then, and whatever cites it is flagged to its owners."""
    note = (note or "").strip()
    errors = {}
    if day is None:
        errors["repealed_on"] = _("Say from which day it is repealed.")
    if not note:
        errors["repeal_note"] = _("Say what repealed it (the document that did, or why).")
    elif len(note) > 1000:
        errors["repeal_note"] = _("At most 1000 characters.")
    if errors:
        raise InputError(errors)
    versions = db.session.scalars(
        sa.select(Document).where(Document.lineage == document.lineage)
    ).all()
    for version in versions:
        version.repealed_on, version.repeal_note, version.repealed_by_id = (
            day,
            note,
            user.id if user else None,
        )
    db.session.flush()
    for version in versions:
        source_changed.send(version, changes=_all_clauses(version, ChangeKind.REPEALED), user=user)


def expire_documents(today: dt.date) -> list[Document]:
    """Flag whatever cites a document whose in-force window ended before ``today`` (once: the
    receivers record each flag at most once). Returns the documents found expired."""
    expired = db.session.scalars(
        sa.select(Document).where(
            Document.in_force_until.is_not(None), Document.in_force_until < today
        )
    ).all()
    for document in expired:
        source_changed.send(document, changes=_all_clauses(document, ChangeKind.EXPIRED), user=None)
    return list(expired)


def document_query(
    *,
    issuer: str | None = None,
    year: int | None = None,
    in_force: bool | None = None,
    q: str | None = None,
) -> sa.Select:
    """Current documents of ``issuer``, signed in ``year`` (else with it in the 文号's
    brackets), in force today or not (``in_force``), whose title or 文号 contains ``q``."""
    query = sa.select(Document).where(Document.is_current)
    if issuer:
        query = query.where(Document.issuer == issuer)
    if year is not None:
        query = query.where(
            sa.or_(
                sa.extract("year", Document.signed_on) == year,
                sa.and_(Document.signed_on.is_(None), Document.number.contains(f"〔{year}〕")),
            )
        )
    today = local_today()
    active = sa.and_(
        sa.or_(Document.in_force_from.is_(None), Document.in_force_from <= today),
        sa.or_(Document.in_force_until.is_(None), Document.in_force_until >= today),
    )
    if in_force is not None:
        query = query.where(active if in_force else sa.not_(active))
    if q:
        query = query.where(sa.or_(Document.title.contains(q), Document.number.contains(q)))
    return query.order_by(Document.number.is_(None), Document.number, Document.id)
