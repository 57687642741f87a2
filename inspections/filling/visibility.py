"""Visibility conditions while filling: which items an inspection's answers show, for the
progress bar, the answer write's reply and the filling page.

Most templates have no condition: their progress stays ``workflow.progress_of``'s one SQL count
(the answer write reads it from its own INSERT). A template with conditions counts in Python
the required items its current answers show, as the engine scores them
(``checklists.scoring.Visibility``). Whether a template has conditions, and its plan, are kept
per app for a published template, like ``workflow.compiled_item``'s items.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from flask import current_app

from checklists import scoring
from checklists.authoring import operations as builder
from checklists.authoring.models import ChecklistTemplate, TemplateItem, TemplateSection
from checklists.core.extensions import db
from inspections.filling.models import Answer, Inspection, Photo


@dataclass(frozen=True)
class ConditionPlan:
    """What the progress of a template with visibility conditions needs: its items' keys and
    conditions (``scoring.Visibility``), its required items in order and its photo items."""

    visibility: scoring.Visibility
    required: tuple[int, ...]
    photo_items: frozenset[int]

    def values(self, inspection_id: int) -> dict[int, Any]:
        """Item id → its current answer's stored value; a photo item without an answer, its
        number of photos (its photos are its answer)."""
        values: dict[int, Any] = dict(
            db.session.execute(_CURRENT_VALUES, {"inspection_id": inspection_id}).all()
        )
        if self.photo_items:
            photos: dict[int, int] = dict(
                db.session.execute(_PHOTO_COUNTS, {"inspection_id": inspection_id}).all()
            )
            for item_id in self.photo_items:
                if item_id not in values and photos.get(item_id):
                    values[item_id] = photos[item_id]
        return values

    def progress(self, inspection_id: int) -> tuple[int, int]:
        """(required items shown and answered, required items shown): the current answers
        decide, in item order, which items are shown (as the engine scores them); a hidden
        item is not required, whatever it holds."""
        values = self.values(inspection_id)
        hidden = self.visibility.hidden(values)
        shown = [item_id for item_id in self.required if item_id not in hidden]
        return sum(1 for item_id in shown if item_id in values), len(shown)


def hidden_sections(inspection: Inspection) -> dict[int, str]:
    """Section id → why it is hidden, for the sections whose condition the inspection's
    current answers leave false (the filling page shows them folded)."""
    plan = condition_plan(inspection.template_id)
    if plan is None:
        return {}
    explained = plan.visibility.explained(plan.values(inspection.id))
    out: dict[int, str] = {}
    for section in inspection.template.sections:
        if section.visible_when and section.items:
            found = explained.get(section.items[0].id)
            if found is not None and found[0] == 0:  # its first condition: the section's
                out[section.id] = found[1]
    return out


_CURRENT_VALUES = sa.select(Answer.item_id, Answer.value).where(
    Answer.inspection_id == sa.bindparam("inspection_id", type_=sa.Integer), Answer.current
)
_PHOTO_COUNTS = (
    sa.select(Photo.item_id, sa.func.count())
    .where(
        Photo.inspection_id == sa.bindparam("inspection_id", type_=sa.Integer),
        Photo.item_id.is_not(None),
    )
    .group_by(Photo.item_id)
)
_HAS_CONDITIONS = sa.select(
    ChecklistTemplate.published_at.is_not(None),
    sa.or_(
        sa.exists().where(
            TemplateItem.template_id == ChecklistTemplate.id, TemplateItem.visible_when.is_not(None)
        ),
        sa.exists().where(
            TemplateSection.template_id == ChecklistTemplate.id,
            TemplateSection.visible_when.is_not(None),
        ),
    ),
).where(ChecklistTemplate.id == sa.bindparam("template_id", type_=sa.Integer))
#: Templates whose plans are kept per app (``condition_plan``): beyond this many, it starts again.
CONDITION_PLANS_KEPT = 2_000


def condition_plan(template_id: int) -> ConditionPlan | None:
    """The plan of a template that shows a section or an item only under a condition, None for
    one that has none (most: their progress stays one SQL count). Kept per app for a published
    template (publishing freezes it; ``compiled_item`` keeps its items the same way), so that
    an answer write to a template without conditions pays a dict lookup, not a query."""
    kept = current_app.extensions.setdefault("condition_plans", {})
    if template_id in kept:
        return kept[template_id]
    published, conditional = db.session.execute(
        _HAS_CONDITIONS, {"template_id": template_id}
    ).one_or_none() or (False, False)
    plan = None
    if conditional:
        template = db.session.get(ChecklistTemplate, template_id)
        spec = builder.template_spec(template)
        plan = ConditionPlan(
            visibility=scoring.Visibility(spec.items),
            required=tuple(i.id for i in spec.items if i.required),
            photo_items=frozenset(i.id for i in spec.items if i.answer_type == "photo"),
        )
    if published:
        if len(kept) >= CONDITION_PLANS_KEPT:
            kept.clear()
        kept[template_id] = plan
    return plan


def has_conditions(template_id: int) -> bool:
    """Whether the template shows a section or an item only under a condition."""
    return condition_plan(template_id) is not None
