"""Visibility conditions while filling: which items an inspection's answers show, for the
progress bar, the answer write's reply and the filling page.

Most templates have no condition: their progress stays ``workflow.progress_of``'s one SQL count
(the answer write reads it from its own INSERT). A template with conditions counts in Python
the required items its current answers show, as the engine scores them
(``checklists.scoring.Visibility``). Whether a template has conditions, and its plan, are kept
per app for a published template, like ``workflow.compiled_item``'s items.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from flask import current_app

from checklists import scoring
from checklists.authoring import operations as builder
from checklists.authoring.models import (
    ChecklistTemplate,
    TemplateItem,
    TemplateSection,
    repeat_key,
)
from checklists.core.extensions import db
from inspections.filling.models import Answer, Inspection, Photo, RepeatInstance


@dataclass(frozen=True)
class ConditionPlan:
    """What the progress of a template with visibility conditions needs: its items' keys and
    conditions (``scoring.Visibility``), its required items in order and its photo items."""

    visibility: scoring.Visibility
    required: tuple[int, ...]
    photo_items: frozenset[int]
    #: Repeated sections: item id → its section's repeat key, section id → the repeat key.
    repeated: dict[int, str]
    repeat_keys: dict[int, str]
    #: Item of a repeated section → the section's id.
    item_sections: dict[int, int]

    def instances(
        self, inspection_id: int, live: list[tuple[str, int]] | None = None
    ) -> dict[str, list[tuple[str, str]]]:
        """Repeat key → the inspection's live instances, (key, key), as the engine takes them
        (every repeated section listed, with none added too). ``live``: ``live_rows`` when the
        caller has read them already."""
        return self._grouped(live_rows(inspection_id) if live is None else live)

    def _grouped(self, live: list[tuple[str, int]]) -> dict[str, list[tuple[str, str]]]:
        out: dict[str, list[tuple[str, str]]] = {k: [] for k in self.repeat_keys.values()}
        for key, section_id in live:
            out[self.repeat_keys[section_id]].append((key, key))
        return out

    def values(self, inspection_id: int, live: set[str] | None = None) -> dict[Any, Any]:
        """Item id (an item of a repeated section: (item id, instance key), live instances
        only) → its current answer's stored value; a photo item without an answer, its number
        of photos (its photos are its answer)."""
        read = db.session.connection().execute
        answers = read(_CURRENT_VALUES, {"inspection_id": inspection_id})
        photos = read(_PHOTO_COUNTS, {"inspection_id": inspection_id}) if self.photo_items else ()
        return self._values(answers, photos, live)

    def _values(
        self,
        answers: Iterable[tuple[int, str, Any]],
        photos: Iterable[tuple[int, str, int]],
        live: set[str] | None,
    ) -> dict[Any, Any]:
        """``values`` from the rows read: (item id, instance, value) of the current answers,
        (item id, instance, number) of the photos."""
        values: dict[Any, Any] = {}
        for item_id, instance, value in answers:
            if not instance:
                values[item_id] = value
            elif live is not None and instance in live:
                values[item_id, instance] = value
        for item_id, instance, count in photos:
            if item_id not in self.photo_items or not count:
                continue
            at = (item_id, instance) if instance else item_id
            if instance and (live is None or instance not in live):
                continue
            values.setdefault(at, count)
        return values

    def state(self, inspection_id: int) -> State:
        """What ``progress`` reads, in one statement: an answer write reads it under the
        inspection's lock, before its insert, and counts its own answer in
        (``progress_after``), so that it needs no read after it."""
        rows = db.session.connection().execute(
            _STATE_WITH_PHOTOS if self.photo_items else _STATE, {"inspection_id": inspection_id}
        )
        found = State([], [], [])
        for kind, number, key, value, count, _position, _row_id in rows:
            if kind == _LIVE_ROW:
                found.live.append((key, number))
            elif kind == _ANSWER_ROW:
                found.answers.append((number, key, value))
            else:
                found.photos.append((number, key, count))
        return found

    def progress_after(self, state: State, written: tuple[int, str, Any] | None) -> tuple[int, int]:
        """``progress`` after a write, from the ``state`` read before it (its ``live`` as the
        write left it): ``written`` (item id, instance, value) when the write became the item's
        current answer, None when a later answer stays current."""
        answers = state.answers
        if written is not None:
            answers = [row for row in answers if row[:2] != written[:2]] + [written]
        return self._count(state.live, answers, state.photos)

    def progress(
        self, inspection_id: int, live: list[tuple[str, int]] | None = None
    ) -> tuple[int, int]:
        """(required items shown and answered, required items shown): the current answers
        decide, in item order, which items are shown (as the engine scores them); a hidden
        item is not required, whatever it holds. An item of a repeated section counts once per
        live instance (once, unanswered, while none has been added). ``live``: ``live_rows``
        when the caller has read them already (an answer write, under the inspection's lock)."""
        if live is None and self.repeat_keys:
            live = live_rows(inspection_id)
        read = db.session.connection().execute
        answers = read(_CURRENT_VALUES, {"inspection_id": inspection_id})
        photos = read(_PHOTO_COUNTS, {"inspection_id": inspection_id}) if self.photo_items else ()
        return self._count(live or [], answers, photos)

    def _count(
        self,
        live: list[tuple[str, int]],
        answers: Iterable[tuple[int, str, Any]],
        photos: Iterable[tuple[int, str, int]],
    ) -> tuple[int, int]:
        """``progress`` from the rows read (``_values``' and ``live_rows``')."""
        instances = self._grouped(live) if self.repeat_keys else {}
        live_keys = {key for group in instances.values() for key, _label in group}
        values = self._values(answers, photos, live_keys)
        hidden = self.visibility.hidden(values, instances or None)
        done = total = 0
        for item_id in self.required:
            if item_id in hidden:
                continue
            repeat = self.repeated.get(item_id)
            if repeat is None:
                total += 1
                done += item_id in values
                continue
            keys = [key for key, _label in instances.get(repeat, ())]
            total += not keys
            for key in keys:
                if (item_id, key) not in hidden:
                    total += 1
                    done += (item_id, key) in values
        return done, total


@dataclass
class State:
    """An inspection's rows that its progress counts (``ConditionPlan.state``): live instances
    in order (key, section id), current answers (item id, instance, value), photos (item id,
    instance, number)."""

    live: list[tuple[str, int]]
    answers: list[tuple[int, str, Any]]
    photos: list[tuple[int, str, int]]


def hidden_sections(inspection: Inspection) -> dict[int, str]:
    """Section id → why it is hidden, for the sections whose condition the inspection's
    current answers leave false (the filling page shows them folded)."""
    plan = condition_plan(inspection.template_id)
    if plan is None:
        return {}
    instances = plan.instances(inspection.id) if plan.repeat_keys else {}
    live = {key for group in instances.values() for key, _label in group}
    explained = plan.visibility.explained(plan.values(inspection.id, live), instances or None)
    out: dict[int, str] = {}
    for section in inspection.template.sections:
        if section.visible_when and section.items:
            found = explained.get(section.items[0].id)
            if found is not None and found[0] == 0:  # its first condition: the section's
                out[section.id] = found[1]
    return out


# Read on every answer write (``progress``): Core statements on the tables, run on the
# session's connection (no ORM compile state nor result processing).
_ANSWERS = Answer.__table__.c
_PHOTOS = Photo.__table__.c
_INSTANCES = RepeatInstance.__table__.c
_CURRENT_VALUES = sa.select(_ANSWERS.item_id, _ANSWERS.instance, _ANSWERS.value).where(
    _ANSWERS.inspection_id == sa.bindparam("inspection_id", type_=sa.Integer), _ANSWERS.current
)
_PHOTO_COUNTS = (
    sa.select(_PHOTOS.item_id, _PHOTOS.instance, sa.func.count())
    .where(
        _PHOTOS.inspection_id == sa.bindparam("inspection_id", type_=sa.Integer),
        _PHOTOS.item_id.is_not(None),
        _PHOTOS.annotates_id.is_(None),  # an annotated copy is not another photo
    )
    .group_by(_PHOTOS.item_id, _PHOTOS.instance)
)
_LIVE = (
    sa.select(_INSTANCES.key, _INSTANCES.section_id)
    .where(
        _INSTANCES.inspection_id == sa.bindparam("inspection_id", type_=sa.Integer),
        _INSTANCES.removed_at.is_(None),
    )
    .order_by(_INSTANCES.position, _INSTANCES.id)
)


#: ``ConditionPlan.state``: the three reads as one statement, rows told apart by their kind.
_LIVE_ROW, _ANSWER_ROW, _PHOTO_ROW = 0, 1, 2


def _state_statement(photos: bool) -> sa.CompoundSelect:
    """Current answers first: the union's columns take their types (the value's JSON) from it."""
    zero = sa.literal(0)
    parts = [
        sa.select(
            sa.literal(_ANSWER_ROW).label("kind"),
            _ANSWERS.item_id.label("number"),
            _ANSWERS.instance.label("key"),
            _ANSWERS.value.label("value"),
            zero.label("count"),
            zero.label("position"),
            zero.label("row_id"),
        ).where(
            _ANSWERS.inspection_id == sa.bindparam("inspection_id", type_=sa.Integer),
            _ANSWERS.current,
        ),
        sa.select(
            sa.literal(_LIVE_ROW),
            _INSTANCES.section_id,
            _INSTANCES.key,
            sa.null(),
            zero,
            _INSTANCES.position,
            _INSTANCES.id,
        ).where(
            _INSTANCES.inspection_id == sa.bindparam("inspection_id", type_=sa.Integer),
            _INSTANCES.removed_at.is_(None),
        ),
    ]
    if photos:
        counted = _PHOTO_COUNTS.subquery()
        item_id, instance, count = counted.c
        parts.append(
            sa.select(sa.literal(_PHOTO_ROW), item_id, instance, sa.null(), count, zero, zero)
        )
    return sa.union_all(*parts).order_by(
        sa.literal_column("kind"), sa.literal_column("position"), sa.literal_column("row_id")
    )


_STATE = _state_statement(photos=False)
_STATE_WITH_PHOTOS = _state_statement(photos=True)


def live_rows(inspection_id: int) -> list[tuple[str, int]]:
    """The inspection's live instances in order, as (key, section id): one read that an answer
    write shares between finding its instance (``repeats``) and counting the progress."""
    rows = db.session.connection().execute(_LIVE, {"inspection_id": inspection_id})
    return [(key, section_id) for key, section_id in rows]


_HAS_CONDITIONS = sa.select(
    ChecklistTemplate.published_at.is_not(None),
    sa.or_(
        sa.exists().where(
            TemplateItem.template_id == ChecklistTemplate.id, TemplateItem.visible_when.is_not(None)
        ),
        sa.exists().where(
            TemplateSection.template_id == ChecklistTemplate.id,
            sa.or_(TemplateSection.visible_when.is_not(None), TemplateSection.repeat),
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
            repeated={i.id: i.repeat for i in spec.items if i.repeat},
            repeat_keys={s.id: repeat_key(s) for s in template.sections if s.repeat},
            item_sections={i.id: s.id for s in template.sections if s.repeat for i in s.items},
        )
    if published:
        if len(kept) >= CONDITION_PLANS_KEPT:
            kept.clear()
        kept[template_id] = plan
    return plan


def has_conditions(template_id: int) -> bool:
    """Whether the template shows a section or an item only under a condition, or has a
    repeated section (its progress counts instances: not the one SQL count either)."""
    return condition_plan(template_id) is not None
