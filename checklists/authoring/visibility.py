"""Item and section keys and the visibility conditions of items and sections, as the authoring
service checks them: a key valid and unique, a condition that parses and reads only the keys of
items that come earlier (``checklists.scoring.conditions.order_problems``), over the template as
it stands or as an edit, a move or a deletion would leave it; and a condition suggested from the
reading's ``applies_when``. Reads the rows it is given; changes nothing.

A repeated section's key (``count(warehouses) >= 2``) reads as the list of its instances once
the section is over: it counts as coming right after the section's last item, so only the items
after the section may read it (an item of the section may read the earlier items of the
section, each instance its own answers)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from flask_babel import gettext as _

from checklists import scoring
from checklists.authoring.models import ChecklistTemplate, TemplateItem, TemplateSection
from checklists.core.errors import InputError
from checklists.scoring import conditions
from checklists.scoring.units import canonical_unit

#: A section or an item: what a condition problem is about.
Row = TemplateSection | TemplateItem
#: Sections in order, each with its items in order.
Layout = list[tuple[TemplateSection, list[TemplateItem]]]


def clean_condition(text: Any) -> str | None:
    """A condition as typed: stripped, None when blank."""
    text = (text or "").strip() if isinstance(text, str) else ""
    return text or None


def layout_of(template: ChecklistTemplate) -> Layout:
    """The template's sections and items as they stand."""
    return [(section, list(section.items)) for section in template.sections]


def problems(
    layout: Layout, values: dict[Row, tuple[str | None, str | None]] | None = None
) -> list[tuple[Row, str, str]]:
    """``conditions.order_problems`` of the sections and items of ``layout`` in order, with the
    (key, condition) of the rows in ``values`` as they would become: (row, field, message). A
    section's condition is read before its items, its key after them (``section_entries``)."""
    values = values or {}
    rows: list[Row] = []
    entries: list[tuple[str | None, tuple[str, ...]]] = []
    for section, items in layout:
        opening, closing = section_entries(
            *values.get(section, (section.key, section.visible_when))
        )
        rows.append(section)
        entries.append(opening)
        for item in items:
            key, when = values.get(item, (item.key, item.visible_when))
            rows.append(item)
            entries.append((key, (when,) if when else ()))
        if closing is not None:
            rows.append(section)
            entries.append(closing)
    return [(rows[n], field, message) for n, field, message in conditions.order_problems(entries)]


def section_entries(
    key: str | None, when: str | None
) -> tuple[tuple[None, tuple[str, ...]], tuple[str, tuple[()]] | None]:
    """A section's two ``order_problems`` entries: its condition, before its items, and its key
    (None when it has none), after them: a repeated section's key is the list of its instances
    once they are all filled, so the section's own condition and items cannot read it."""
    return (None, (when,) if when else ()), ((key, ()) if key else None)


def row_problem(row: Row, field: str, message: str, numbers: dict[int, int]) -> str:
    """A problem of ``row`` named for a list of problems: which item or section, which field."""
    if isinstance(row, TemplateSection):
        if field == "key":
            return _("Section %(title)s, key: %(message)s", title=row.title, message=message)
        return _("Section %(title)s, condition: %(message)s", title=row.title, message=message)
    n = numbers.get(row.id, row.id)
    if field == "key":
        return _("No. %(n)s, key: %(message)s", n=n, message=message)
    return _("No. %(n)s, condition: %(message)s", n=n, message=message)


def row_field(row: Row, field: str) -> str:
    if isinstance(row, TemplateSection):
        return f"section_{row.id}_{field}"
    return f"item_{row.id}_{field}"


def condition_problems(template: ChecklistTemplate) -> dict[str, str]:
    """What is wrong with the keys and conditions of ``template`` as it stands (the items may
    have moved since they were written): ``item_<id>_key``, ``item_<id>_visible_when``,
    ``section_<id>_key`` or ``section_<id>_visible_when`` → the problem, naming the item or
    section and the field."""
    numbers = template.item_numbers()
    return {
        row_field(row, field): row_problem(row, field, message, numbers)
        for row, field, message in problems(layout_of(template))
    }


def new_problems(
    before: list[tuple[Row, str, str]], after: list[tuple[Row, str, str]], but: Row | None = None
) -> list[tuple[Row, str, str]]:
    """The problems in ``after`` of rows (other than ``but``) that had none in ``before``."""
    had = {(id(row), field) for row, field, _message in before}
    return [p for p in after if p[0] is not but and (id(p[0]), p[1]) not in had]


def current(template: ChecklistTemplate) -> list[tuple[Row, str, str]]:
    """The problems of ``template`` as it stands (before a change: see ``refuse_breaking``)."""
    return problems(layout_of(template))


def refuse_breaking(
    template: ChecklistTemplate, before: list[tuple[Row, str, str]], refused: str | None = None
) -> None:
    """InputError ``order`` when a change (a move, by default) left a condition reading an item
    after it or no longer there, which it did not ``before``: ``refused`` says what was not
    done. The caller rolls the change back."""
    broken = new_problems(before, current(template))
    if broken:
        raise InputError(
            {
                "order": _(
                    "%(refused)s: %(problem)s",
                    refused=refused or _("Not moved"),
                    problem=row_problem(*broken[0], template.item_numbers()),
                )
            }
        )


def suggested_condition(item: TemplateItem, applies_when: dict[str, Any] | None) -> str | None:
    """A visibility condition for ``item`` made from its requirement's ``applies_when``
    (达到1万吨以上的 → ``>= 10000 t``), when one earlier item is obviously the quantity it
    speaks of: the only earlier keyed number or count item in the same unit. None otherwise
    (the author writes it: the reading's words are shown beside the field)."""
    when = applies_when or {}
    op, value = when.get("comparator"), when.get("value")
    if op == "range":  # (年满60周岁至79周岁的: both bounds, ``age >= 60 and age <= 79``)
        value = when.get("low")
        if when.get("high") in (None, ""):
            return None
    if op not in scoring.OPS or value in (None, ""):
        return None
    unit = canonical_unit(when["unit"]) if when.get("unit") else None
    earlier: list[TemplateItem] = []
    for candidate in item.section.template.ordered_items():
        if candidate is item:
            break
        if (
            candidate.key
            and candidate.answer_type in ("number", "count")
            and (canonical_unit(u) if (u := (candidate.rule or {}).get("unit")) else None) == unit
        ):
            earlier.append(candidate)
    if len(earlier) != 1:
        return None
    try:
        number = scoring.format_decimal(Decimal(str(value)))
        high = scoring.format_decimal(Decimal(str(when["high"]))) if op == "range" else None
    except ArithmeticError:
        return None
    key = earlier[0].key
    if high:  # (10吨（含）至100吨（不含）的: each end as its marker says)
        above = ">=" if when.get("low_inclusive", True) else ">"
        below = "<=" if when.get("high_inclusive", True) else "<"
        return f"{key} {above} {number} and {key} {below} {high}"
    return f"{key} {op} {number}"


def item_condition_errors(
    item: TemplateItem, key: str | None, when: str | None, section: TemplateSection
) -> dict[str, str]:
    """The problems of an item's key and condition as it would stand (in ``section``: at its
    place, or at the end of another), and of the conditions after it that the change would
    break (under ``key`` when the key changes, else ``section``)."""
    template = item.section.template
    layout = layout_of(template)
    moved = [
        (s, [i for i in items if i is not item] + ([item] if s is section else []))
        if section is not item.section
        else (s, items)
        for s, items in layout
    ]
    before = problems(layout)
    after = problems(moved, {item: (key, when)})
    errors: dict[str, str] = {}
    for row, field, message in after:
        if row is item:
            errors.setdefault(field, message)
    broken = new_problems(before, after, but=item)
    if broken:
        where = "key" if key != item.key else "section"
        numbers = template.item_numbers()
        errors.setdefault(
            where,
            _(
                "This change breaks another condition: %(problem)s",
                problem=row_problem(*broken[0], numbers),
            ),
        )
    return errors


def used_keys(template: ChecklistTemplate, but: Row | None = None) -> set[str]:
    """The keys of the template's items and sections, ``but``'s apart."""
    rows: list[Row] = [*template.sections, *template.ordered_items()]
    return {row.key for row in rows if row.key and row is not but}


def section_key_errors(section: TemplateSection, key: str | None) -> dict[str, str]:
    """The problems of ``section``'s key as it would stand (``key``: stripped, None for none):
    valid (``conditions.key_problem``), unused by any item or other section, and not breaking
    a condition that reads the key it had (renamed or dropped) or that the new key now comes
    after. ``key`` → the first problem; empty when there is none."""
    template = section.template
    if key is not None:
        problem = conditions.key_problem(key)
        if problem is None and key in used_keys(template, but=section):
            problem = _("The key %(key)s is already used in this template.", key=key)
        if problem is not None:
            return {"key": problem}
    layout = layout_of(template)
    before = problems(layout)
    after = problems(layout, {section: (key, section.visible_when)})
    broken = new_problems(before, after)
    if broken:
        return {
            "key": _(
                "This change breaks another condition: %(problem)s",
                problem=row_problem(*broken[0], template.item_numbers()),
            )
        }
    return {}
