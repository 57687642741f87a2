"""A drafted item as its author checks it: the words it was drafted from marked in its clause,
who must act, when it applies and how sure the reading is (the requirement's own
``confidence``, from ``checklists.standards.requirements``)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from markupsafe import Markup

from checklists.authoring.models import ChecklistTemplate, TemplateItem
from checklists.authoring.widgets import OP_SIGNS
from checklists.authoring.wording import UNIT_WORDS
from checklists.core import subsup
from checklists.core.extensions import db
from checklists.standards.models import Clause, Requirement
from checklists.standards.requirements import confidence

#: Why a reading is uncertain, one label per flag of ``requirements.LOW_CONFIDENCE``.
FLAG_LABELS = {
    "approximate": _l("the wording gives the number only roughly"),
    "page_joined": _l("the wording runs across a page break"),
    "vague_deadline": _l("no deadline stated"),
    "source_conflict": _l("conflicts with another clause"),
    "assumed_equal": _l("a number with no comparison word, read as equal to"),
}
#: Characters of the clause shown on each side of the marked words.
CONTEXT = 40


@dataclass(frozen=True)
class Reading:
    """What the page shows of one item's source."""

    #: The whole clause text, the source span marked (escaped).
    quote: Markup
    #: The marked words with up to ``CONTEXT`` characters around them (escaped).
    excerpt: Markup
    #: The source span was found in the clause text.
    found: bool
    #: The requirement the item was drafted from, when the clause still has it.
    requirement: Requirement | None = None
    reasons: list[Any] = field(default_factory=list)

    @property
    def subject(self) -> str | None:
        return self.requirement.subject if self.requirement else None

    @property
    def subject_kind(self) -> str | None:
        return self.requirement.subject_kind if self.requirement else None

    @property
    def authority(self) -> bool:
        return self.subject_kind == "authority"

    @property
    def confidence(self) -> str | None:
        """ "high" or "low" for an item drafted from a requirement; None otherwise."""
        if self.requirement is None:
            return None
        return confidence(self.requirement.flags or [])

    @property
    def condition(self) -> str | None:
        """The condition it applies under as written, with its number if it states one."""
        when = (self.requirement.applies_when if self.requirement else None) or {}
        text = (when.get("text") or "").strip()
        if not text:
            return None
        unit = UNIT_WORDS.get(
            when.get("unit") or "", when.get("unit") or ""
        )  # (周岁, not age_year)
        if when.get("comparator") in OP_SIGNS and when.get("value") is not None:
            number = f"{OP_SIGNS[when['comparator']]} {when['value']} {unit}"
            text = f"{text}（{number.strip()}）"
        elif when.get("comparator") == "range" and None not in (when.get("low"), when.get("high")):
            number = f"{when['low']}–{when['high']} {unit}"  # (年满60周岁至79周岁: 60–79 周岁)
            text = f"{text}（{number.strip()}）"
        return text


def locate(text: str, span: str, requirement: Requirement | None) -> tuple[int, int] | None:
    """Where ``span`` stands in ``text``: at the requirement's offset when its words are there,
    else its first occurrence; None when the text does not contain it."""
    if not span:
        return None
    if requirement is not None and requirement.span == span:
        start = requirement.start
        if 0 <= start and text[start : start + len(span)] == span:
            return start, start + len(span)
    at = text.find(span)
    return (at, at + len(span)) if at >= 0 else None


def marked(text: str, where: tuple[int, int] | None, context: int | None = None) -> Markup:
    """``text`` escaped (sub- and superscripts shown), the ``where`` slice in ``<mark>``; with
    ``context``, only that many characters either side of it (an ellipsis where the text goes
    on)."""
    if where is None:
        return subsup.to_html(text) if context is None else subsup.truncate(text, context * 2)
    start, end = where
    mark = subsup.Mark(start, end, Markup('<mark class="req source-span">'), Markup("</mark>"))
    if context is None:
        return subsup.render(text, [mark])
    return subsup.excerpt(text, (start - context, end + context), [mark])


def _requirements(items: list[TemplateItem]) -> dict[int, list[Requirement]]:
    ids = {item.clause_id for item in items if item.clause_id and item.source_span}
    if not ids:
        return {}
    clauses = db.session.scalars(
        sa.select(Clause)
        .where(Clause.id.in_(ids))
        .options(sa.orm.selectinload(Clause.requirements))
    )
    return {c.id: sorted(c.requirements, key=lambda r: r.position) for c in clauses}


def readings(template: ChecklistTemplate) -> dict[int, Reading]:
    """Item id → its reading. An item is matched to its clause's requirement with the same
    words; several items with the same words in one clause take the requirements in turn."""
    items = template.ordered_items()
    by_clause = _requirements(items)
    used: dict[int | None, set[int]] = defaultdict(set)
    out: dict[int, Reading] = {}
    for item in items:
        requirement = None
        matches = [r for r in by_clause.get(item.clause_id or 0, []) if r.span == item.source_span]
        if matches:
            free = [r for r in matches if r.id not in used[item.clause_id]]
            requirement = (free or matches)[0]
            used[item.clause_id].add(requirement.id)
        text = item.clause_text or ""
        where = locate(text, item.source_span, requirement)
        reasons = (
            [FLAG_LABELS[flag] for flag in (requirement.flags or []) if flag in FLAG_LABELS]
            if requirement is not None
            else []
        )
        out[item.id] = Reading(
            quote=marked(text, where),
            excerpt=marked(text, where, CONTEXT),
            found=where is not None,
            requirement=requirement,
            reasons=reasons,
        )
    return out
