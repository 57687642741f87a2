"""Provenance that stays live: template items whose source clause changed, went away, was
repealed or expired are flagged to their authors, who re-point or confirm each in one step.

``on_source_changed`` receives ``checklists.standards.hooks.source_changed`` (connected by the
feature's ``register``); ``resolve`` is the author's one step.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import sqlalchemy as sa
from flask_babel import gettext as _

from checklists.accounts import notifications
from checklists.accounts.models import User
from checklists.authoring import operations as builder
from checklists.authoring.models import (
    ChecklistTemplate,
    SourceChange,
    SourceChangeKind,
    TemplateItem,
    TemplateStatus,
)
from checklists.core.db import utcnow
from checklists.core.errors import InputError
from checklists.core.extensions import db
from checklists.standards.hooks import ChangeKind, ClauseChange
from checklists.standards.models import Clause, Document

#: Templates whose items are flagged: those being written and those in use.
LIVE = (TemplateStatus.DRAFT, TemplateStatus.PUBLISHED)


def on_source_changed(
    document: Document, *, changes: list[ClauseChange], user: User | None = None
) -> None:
    """Flag every live template item citing a clause of ``changes`` (once per item, kind and
    version), and tell each template's author."""
    if not changes:
        return
    kind = SourceChangeKind(changes[0].kind)
    if kind in (SourceChangeKind.REPEALED, SourceChangeKind.EXPIRED):
        flags = _flags_for_document(document, kind)
    else:
        flags = _flags_for_version(document)
    if not flags:
        return
    known = set(
        db.session.execute(
            sa.select(SourceChange.item_id, SourceChange.kind, SourceChange.new_document_id).where(
                SourceChange.item_id.in_([f.item_id for f in flags])
            )
        ).all()
    )
    fresh = [f for f in flags if (f.item_id, f.kind, f.new_document_id) not in known]
    db.session.add_all(fresh)
    db.session.flush()
    templates = {f.template_id for f in fresh}
    for template in db.session.scalars(
        sa.select(ChecklistTemplate).where(ChecklistTemplate.id.in_(templates))
    ):
        count = sum(1 for f in fresh if f.template_id == template.id)
        authors = [u for u in (template.created_by, template.published_by) if u is not None]
        notifications.send(
            authors,
            "source",
            lambda template=template, count=count: _(
                "%(count)d item(s) of %(name)s cite a clause that changed or is no longer in "
                "force: re-point or confirm them.",
                count=count,
                name=template.name,
            ),
            link=f"/templates/{template.id}/sources",
        )


def _live_items(clause_ids: Iterable[int]) -> list[TemplateItem]:
    ids = list(clause_ids)
    if not ids:
        return []
    return list(
        db.session.scalars(
            sa.select(TemplateItem)
            .join(ChecklistTemplate, ChecklistTemplate.id == TemplateItem.template_id)
            .where(TemplateItem.clause_id.in_(ids), ChecklistTemplate.status.in_(LIVE))
            .order_by(TemplateItem.id)
        )
    )


def _flags_for_document(document: Document, kind: SourceChangeKind) -> list[SourceChange]:
    """Repealed or expired: every live item citing a clause of this version."""
    clauses = {c.id: c for c in document.clauses}
    return [
        SourceChange(
            item_id=item.id,
            template_id=item.template_id,
            kind=kind,
            clause_key=item.clause_key,
            old_document_id=document.id,
            new_document_id=document.id,
            old_text=item.clause_text,
            new_text="",
        )
        for item in _live_items(clauses)
    ]


def _flags_for_version(new: Document) -> list[SourceChange]:
    """A new version: every live item citing an earlier version of the document whose clause
    the new version words differently or no longer has (compared with what the item quotes)."""
    earlier = db.session.execute(
        sa.select(Clause.id, Clause.document_id)
        .join(Document, Document.id == Clause.document_id)
        .where(Document.lineage == new.lineage, Document.version < new.version)
    ).all()
    now = {c.key: c for c in new.clauses}
    document_of = dict(earlier)
    flags = []
    for item in _live_items(document_of):
        after = now.get(item.clause_key)
        if after is not None and after.text_hash == item.clause_text_hash:
            continue
        flags.append(
            SourceChange(
                item_id=item.id,
                template_id=item.template_id,
                kind=SourceChangeKind.CHANGED if after is not None else SourceChangeKind.REMOVED,
                clause_key=item.clause_key,
                old_document_id=document_of[item.clause_id],
                new_document_id=new.id,
                old_text=item.clause_text,
                new_text=after.text if after is not None else "",
            )
        )
    return flags


# --- what the author sees and does ---------------------------------------------------------------


def open_changes(template: ChecklistTemplate) -> list[SourceChange]:
    """The template's unresolved flags, in item order."""
    order = {item.id: n for n, item in enumerate(template.ordered_items())}
    rows = db.session.scalars(
        sa.select(SourceChange).where(
            SourceChange.template_id == template.id, SourceChange.resolved_at.is_(None)
        )
    ).all()
    return sorted(rows, key=lambda f: (order.get(f.item_id, 0), f.id))


def open_counts(template_ids: Iterable[int]) -> dict[int, int]:
    """Template id → number of unresolved flags (for lists)."""
    ids = list(template_ids)
    if not ids:
        return {}
    return dict(
        db.session.execute(
            sa.select(SourceChange.template_id, sa.func.count())
            .where(SourceChange.template_id.in_(ids), SourceChange.resolved_at.is_(None))
            .group_by(SourceChange.template_id)
        ).all()
    )


@dataclass(frozen=True)
class Resolved:
    repointed: int
    confirmed: int
    #: The draft version the re-pointed items are in (a published template is not edited).
    draft: ChecklistTemplate | None


def resolve(
    template: ChecklistTemplate,
    choices: Mapping[int, str],
    notes: Mapping[int, str],
    user: User | None,
) -> Resolved:
    """The author's one step over the template's open flags: per flag id, ``repoint`` (the
    item cites the new version's clause: in a new draft version when the template is
    published) or ``confirm`` (kept as it is; a note says why). Every open flag must get a
    choice; nothing is written unless all are valid."""
    flags = open_changes(template)
    errors: dict[str, str] = {}
    targets: dict[int, Clause] = {}
    for flag in flags:
        choice = choices.get(flag.id)
        field = f"choice-{flag.id}"
        if choice not in ("repoint", "confirm"):
            errors[field] = _("Choose: cite the new version, or keep the item as it is.")
        elif choice == "repoint":
            target = (
                db.session.get(Clause, _new_clause_id(flag))
                if flag.kind == SourceChangeKind.CHANGED
                else None
            )
            if target is None:
                errors[field] = _("There is no new wording to cite: keep the item, with a note.")
            else:
                targets[flag.id] = target
        elif not (notes.get(flag.id) or "").strip():
            errors[f"note-{flag.id}"] = _("Say why the item stays as it is.")
    if not flags:
        errors["choices"] = _("Nothing to resolve.")
    if errors:
        raise InputError(errors)
    draft = None
    if targets:
        draft = template if template.status == TemplateStatus.DRAFT else None
        draft = draft or builder.new_version(template, user)
    copies = _copies(template, draft) if draft is not None and draft is not template else {}
    now = utcnow()
    for flag in flags:
        flag.resolved_at, flag.resolved_by = now, user
        if flag.id in targets:
            item = copies.get(flag.item_id) or flag.item
            builder._provenance(item, targets[flag.id])
            flag.resolution = "repointed"
            flag.note = (notes.get(flag.id) or "").strip()
        else:
            flag.resolution = "confirmed"
            flag.note = notes[flag.id].strip()
    db.session.flush()
    return Resolved(len(targets), len(flags) - len(targets), draft)


def _new_clause_id(flag: SourceChange) -> int | None:
    return db.session.scalar(
        sa.select(Clause.id).where(
            Clause.document_id == flag.new_document_id, Clause.key == flag.clause_key
        )
    )


def _copies(template: ChecklistTemplate, draft: ChecklistTemplate) -> dict[int, TemplateItem]:
    """Item id in ``template`` → its copy in ``draft`` (same section and position)."""
    out = {}
    for old, new in zip(template.sections, draft.sections, strict=False):
        for a, b in zip(old.items, new.items, strict=False):
            if a.clause_key == b.clause_key:
                out[a.id] = b
    return out


def kind_label(kind: str) -> str:
    return {
        ChangeKind.CHANGED: _("reworded in a new version"),
        ChangeKind.REMOVED: _("gone from the new version"),
        ChangeKind.REPEALED: _("repealed"),
        ChangeKind.EXPIRED: _("no longer in force"),
    }.get(kind, kind)
