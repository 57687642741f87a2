"""Does an item still say what its clause's requirement says? Re-derive the answer type and
rule from the requirement the item was drafted from (``item_from_requirement``) and compare.

An item whose answer type or rule differs from its requirement's draft (or that has no
requirement and is more than a yes/no check of its clause) must say why in its
``derivation_note``. Only what the requirement decides is compared: the answer type and the
rule's threshold, choices or parts; evidence flags an author adds (``photo_on_fail``) are not.
Reads the stored clause and its requirements; changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from checklists import scoring
from checklists.authoring import operations as builder
from checklists.authoring.models import TemplateItem
from checklists.standards.models import Requirement

#: Rule keys that are the author's evidence settings, not the requirement's.
EVIDENCE_KEYS = frozenset({"photo_on_fail"})
#: A plain yes/no check of a clause: the answer "yes" passes.
PLAIN = ("yes_no", {"value": "yes"})


def core(answer_type: str, rule: dict[str, Any] | None) -> tuple[str, dict[str, Any]]:
    """(answer type, normalised rule without evidence flags)."""
    normal = scoring.validate_rule(answer_type, rule or {})
    return answer_type, {k: v for k, v in normal.items() if k not in EVIDENCE_KEYS}


def requirement_of(item: TemplateItem) -> Requirement | None:
    """The requirement of the item's clause whose span is the item's ``source_span``."""
    span = (item.source_span or "").strip()
    if not span or item.clause is None:
        return None
    return next((r for r in item.clause.requirements if r.span.strip() == span), None)


def drafted(requirement: Requirement) -> tuple[str, dict[str, Any]]:
    """(answer type, rule) the builder drafts from ``requirement`` (a permission, which drafts
    nothing, counts as a plain yes/no check)."""
    fields = builder.item_from_requirement(requirement)
    if fields is None:
        return PLAIN
    return core(fields["answer_type"], fields.get("rule"))


@dataclass(frozen=True)
class Derivation:
    """How one item stands against its requirement."""

    item: TemplateItem
    requirement: Requirement | None
    #: (answer type, rule) the requirement drafts; the plain yes/no check without one.
    expected: tuple[str, dict[str, Any]]
    actual: tuple[str, dict[str, Any]]

    @property
    def differs(self) -> bool:
        return self.expected != self.actual

    @property
    def explained(self) -> bool:
        return bool((self.item.derivation_note or "").strip())

    @property
    def unexplained(self) -> bool:
        """Differs from its requirement (or is more than a plain check) with no note why."""
        return self.differs and not self.explained


def derive(item: TemplateItem) -> Derivation:
    requirement = requirement_of(item)
    expected = drafted(requirement) if requirement is not None else PLAIN
    return Derivation(item, requirement, expected, core(item.answer_type, item.rule))


def unexplained(items: list[TemplateItem]) -> list[Derivation]:
    """The items whose answer type or rule differs from what their requirement drafts and that
    do not say why."""
    return [d for d in map(derive, items) if d.unexplained]
