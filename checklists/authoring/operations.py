"""Checklist template use cases: draft from clauses, edit a draft, publish, new version.

Each function validates, mutates and flushes; the caller commits once. Published templates are
frozen: every edit of one raises :class:`InputError` (the view offers "new draft version").
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from flask_babel import gettext as _

from checklists import scoring
from checklists.accounts.models import OrgKind, User
from checklists.authoring import visibility
from checklists.authoring.models import (
    REPEAT_AGGREGATES,
    ChecklistTemplate,
    ScoringMethod,
    Severity,
    TemplateItem,
    TemplateSection,
    TemplateStatus,
    item_spec,
)
from checklists.authoring.wording import dec, item_from_requirement, trim
from checklists.core.db import utcnow
from checklists.core.errors import InputError
from checklists.core.extensions import db
from checklists.standards.models import Clause, Document, Requirement

PROMPT_MAX = 500


def default_bands() -> list[dict[str, Any]]:
    """The default grade bands as stored on a template."""
    return bands_json(scoring.DEFAULT_BANDS)


def bands_json(bands: Iterable[scoring.GradeBand]) -> list[dict[str, Any]]:
    return [{"min": dec(b.min), "label": b.label, "pass": b.passing} for b in bands]


# --- reading a template as the scoring engine sees it ----------------------------------------


def template_spec(template: ChecklistTemplate) -> scoring.TemplateSpec:
    """The engine's view of a template (section by section, in order)."""
    rows = [(item, section) for section in template.sections for item in section.items]
    items = [
        item_spec(
            item,
            section.title,
            n,
            tuple(w for w in (section.visible_when, item.visible_when) if w),
        )
        for n, (item, section) in enumerate(rows, start=1)
    ]
    bands = (
        scoring.validate_bands(template.grade_bands)
        if template.grade_bands
        else scoring.DEFAULT_BANDS
    )
    return scoring.TemplateSpec(items=items, method=str(template.method), grade_bands=bands)


# --- creating ----------------------------------------------------------------------------------


def _check_draft(template: ChecklistTemplate) -> None:
    if not template.is_draft:
        raise InputError(
            {"template": _("A published template cannot be changed; make a new draft version.")}
        )


def _clean_name(name: str | None) -> str:
    name = (name or "").strip()
    if not name:
        raise InputError({"name": _("Give the template a name.")})
    if len(name) > 200:
        raise InputError({"name": _("At most %(n)s characters.", n=200)})
    return name


def create_template(
    name: str,
    user: User | None,
    org_kind: OrgKind | None = None,
    description: str = "",
    method: ScoringMethod = ScoringMethod.WEIGHTED,
) -> ChecklistTemplate:
    """A new, empty draft (version 1 of a new lineage)."""
    template = ChecklistTemplate(
        lineage=uuid.uuid4().hex,
        version=1,
        status=TemplateStatus.DRAFT,
        name=_clean_name(name),
        description=description or "",
        org_kind=org_kind,
        method=method,
        grade_bands=default_bands(),
        created_by=user,
    )
    db.session.add(template)
    db.session.flush()
    return template


def _short_title(clause: Clause) -> str:
    """A section title from a clause: its path plus the first phrase of its text."""
    path = clause.key.split("/", 1)[1].replace("/", "") if "/" in clause.key else ""
    text = clause.text.strip()
    if clause.token and text.startswith(clause.token):
        text = text[len(clause.token) :]
    text = re.split(r"[。；;：:，,\n]", text.lstrip("、. ．"), maxsplit=1)[0].strip()
    if len(text) > 30:
        text = text[:30] + "…"
    return f"{path} {text}".strip() or clause.key


def _provenance(item: TemplateItem, clause: Clause) -> None:
    document = clause.document
    item.clause = clause
    item.clause_key = clause.key
    item.document_number = document.number
    item.document_version = document.version
    item.clause_text = clause.text
    item.clause_text_hash = clause.text_hash
    item.valid_from = document.in_force_from
    item.valid_to = document.in_force_until


def _clause_body(clause: Clause) -> str:
    text = clause.text.strip()
    if clause.token and text.startswith(clause.token):
        text = text[len(clause.token) :].lstrip("、. ．")
    return text


def current_clause(key: str) -> Clause | None:
    """The clause with ``key`` in the current version of its document."""
    return db.session.scalar(
        sa.select(Clause).join(Document).where(Clause.key == key, Document.is_current)
    )


def _new_item(section: TemplateSection, clause: Clause, fields: dict[str, Any]) -> TemplateItem:
    item = TemplateItem(
        template_id=section.template_id,
        position=len(section.items),
        prompt=fields["prompt"][:PROMPT_MAX],
        guidance=fields.get("guidance", ""),
        answer_type=fields["answer_type"],
        rule=fields.get("rule", {}),
        weight=Decimal(1),
        severity=fields.get("severity", Severity.MAJOR),
        na_allowed=fields.get("na_allowed", True),
        required=True,
        scored=fields.get("scored", True),
        source_span=fields.get("source_span", ""),
        confirmed=False,  # drafted by the reading: the author checks it before publishing
    )
    _provenance(item, clause)
    section.items.append(item)
    return item


def clause_item_fields(clause: Clause) -> dict[str, Any]:
    """A yes/no item for a clause in which no requirement was recognised."""
    return {
        "answer_type": "yes_no",
        "rule": {},
        "severity": Severity.MAJOR,
        "prompt": trim(f"是否符合：{_clause_body(clause)}"),
    }


#: Units a clause's time to put a failure right may be in (``TemplateItem.fix_unit``).
FIX_TIME_UNITS = ("working_day", "day", "hour", "month", "year")
#: Words of putting a failure right (限期一个月整改, 15日内改正).
_PUT_RIGHT = re.compile(r"整改|改正|纠正|整治|修复|补正|补齐")


def clause_fix_time(clause: Clause) -> tuple[int, str, str] | None:
    """The time ``clause`` gives to put a failure right (未通过验收的限期一个月整改 → (1,
    "month", the words)), read from its deadline requirements, or None when it states none: a
    deadline in whole units whose phrase puts something right."""
    for req in clause.requirements:
        if req.kind != "deadline" or req.unit not in FIX_TIME_UNITS or req.value is None:
            continue
        if req.comparator not in ("<=", "==") or req.value != req.value.to_integral_value():
            continue
        words = _phrase_at(clause.text, req.start, req.span)
        if int(req.value) >= 1 and _PUT_RIGHT.search(words):
            return int(req.value), req.unit, words
    return None


def _phrase_at(text: str, start: int, span: str) -> str:
    """The words of ``text`` from the punctuation before ``span`` to the one after it."""
    at = start if text[start : start + len(span)] == span else text.find(span)
    if at < 0:
        return span
    head = max(text.rfind(mark, 0, at) for mark in "，,。；;：:\n") + 1
    ends = [i for i in (text.find(mark, at + len(span)) for mark in "，,。；;\n") if i >= 0]
    return text[head : min(ends, default=len(text))].strip()


def is_authority(requirement: Requirement) -> bool:
    """A duty of a government or department, not of the inspected party."""
    return requirement.subject_kind == "authority"


def draft_template(
    name: str,
    user: User | None,
    *,
    document: Document | None = None,
    clauses: Sequence[Clause] = (),
    org_kind: OrgKind | None = None,
    every_leaf: bool = False,
    include_authority: bool = False,
) -> ChecklistTemplate:
    """A draft with one item per extracted requirement of ``document`` (or of ``clauses``).

    Items are drafted for the inspected party: a duty of an authority (各县（市、区）要…,
    财政局负责…) is left out unless ``include_authority``, and a clause that states nothing
    else gets no fallback item either.

    必须/严禁 → critical, 应/不得 → major, 原则上 → minor, advisory wording → shown, not scored,
    thresholds → number or count items carrying their rule; permissions (可) are left out. Picked
    clauses with no requirement get one yes/no item each; for a whole document, clauses with no
    requirement are only drafted when ``every_leaf`` (leaves of the clause tree only). Items are
    grouped in sections by their parent clause.
    """
    if document is None and not clauses:
        raise InputError({"clauses": _("Pick a document or at least one clause.")})
    template = create_template(name, user, org_kind=org_kind)
    if document is not None:
        picked = list(
            db.session.scalars(
                sa.select(Clause)
                .where(Clause.document_id == document.id)
                .order_by(Clause.position)
                .options(sa.orm.selectinload(Clause.requirements))
            )
        )
        parents = {c.parent_id for c in picked if c.parent_id}
        explicit = False
    else:
        picked = sorted(clauses, key=lambda c: (c.document_id, c.position))
        parents = set()
        explicit = True
    sections: dict[int | None, TemplateSection] = {}
    for clause in picked:
        theirs = [r for r in clause.requirements if include_authority or not is_authority(r)]
        drafts = [f for f in map(item_from_requirement, theirs) if f]
        if not drafts and len(theirs) < len(clause.requirements):
            continue  # only duties of authorities: nothing for the inspected party to check
        if not drafts:
            leaf = clause.id not in parents and clause.parent_id is not None
            if explicit or (every_leaf and leaf and not clause.is_table):
                drafts = [clause_item_fields(clause)]
        if not drafts:
            continue
        group = clause.parent if clause.parent is not None else clause
        section = sections.get(group.id)
        if section is None:
            section = TemplateSection(title=_short_title(group), position=len(sections))
            template.sections.append(section)
            db.session.flush()
            sections[group.id] = section
        fix = clause_fix_time(clause)
        for fields in drafts:
            item = _new_item(section, clause, fields)
            if fix is not None:  # its findings are due when the clause says (限期一个月整改)
                item.fix_n, item.fix_unit, item.fix_span = fix
    if not sections:
        template.sections.append(TemplateSection(title="检查项", position=0))
    db.session.flush()
    return template


# --- editing a draft ----------------------------------------------------------------------------


def update_template(
    template: ChecklistTemplate,
    *,
    name: str,
    description: str,
    org_kind: OrgKind | None,
    method: ScoringMethod,
    grade_bands: list[dict[str, Any]],
) -> None:
    """Change a draft's name, description, organisation kind, method and grade bands."""
    _check_draft(template)
    template.name = _clean_name(name)
    template.description = description or ""
    template.org_kind = org_kind
    template.method = method
    try:
        template.grade_bands = bands_json(scoring.validate_bands(grade_bands))
    except scoring.RuleError as exc:
        raise InputError({"grade_bands": exc.message}) from exc
    db.session.flush()


def _renumber(rows: Sequence[TemplateSection] | Sequence[TemplateItem]) -> None:
    for position, row in enumerate(rows):
        row.position = position


def add_section(template: ChecklistTemplate, title: str) -> TemplateSection:
    _check_draft(template)
    title = (title or "").strip()
    if not title:
        raise InputError({"title": _("Give the section a title.")})
    section = TemplateSection(title=title[:200], position=len(template.sections))
    template.sections.append(section)
    db.session.flush()
    return section


def rename_section(section: TemplateSection, title: str) -> None:
    _check_draft(section.template)
    title = (title or "").strip()
    if not title:
        raise InputError({"title": _("Give the section a title.")})
    section.title = title[:200]
    db.session.flush()


def delete_section(section: TemplateSection) -> None:
    """Delete an empty section; refused while a condition reads its key."""
    template = section.template
    _check_draft(template)
    if section.items:
        raise InputError({"section": _("Move or delete the section's items first.")})
    if len(template.sections) == 1:
        raise InputError({"section": _("A template keeps at least one section.")})
    before = visibility.current(template)
    template.sections.remove(section)
    _renumber(template.sections)
    visibility.refuse_breaking(template, before, _("Not deleted"))
    db.session.flush()


def move_section(section: TemplateSection, step: int) -> None:
    """Move a section up (-1) or down (+1); refused when a condition would then read an item
    after it."""
    template = section.template
    _check_draft(template)
    before = visibility.current(template)
    rows = list(template.sections)
    at = rows.index(section)
    to = max(0, min(len(rows) - 1, at + step))
    rows.insert(to, rows.pop(at))
    _renumber(rows)
    template.sections.sort(key=lambda s: s.position)
    visibility.refuse_breaking(template, before)
    db.session.flush()


def move_item(item: TemplateItem, step: int) -> None:
    """Move an item up (-1) or down (+1); past a section's end it moves to the next section.
    Refused when a condition would then read an item after it."""
    section = item.section
    template = section.template
    _check_draft(template)
    before = visibility.current(template)
    rows = list(section.items)
    at = rows.index(item)
    to = at + step
    sections = list(template.sections)
    s_at = sections.index(section)
    if to < 0 and s_at > 0:
        _move_to_section(item, sections[s_at - 1], at_end=True)
    elif to >= len(rows) and s_at < len(sections) - 1:
        _move_to_section(item, sections[s_at + 1], at_end=False)
    else:
        to = max(0, min(len(rows) - 1, to))
        rows.insert(to, rows.pop(at))
        _renumber(rows)
        section.items.sort(key=lambda i: i.position)
    visibility.refuse_breaking(template, before)
    db.session.flush()


def _move_to_section(item: TemplateItem, target: TemplateSection, at_end: bool = True) -> None:
    source = item.section
    if target is source:
        return
    rows = target.items  # loaded first: an autoflush must never see the item orphaned
    if at_end:
        rows.append(item)  # the backref takes it out of source.items
    else:
        rows.insert(0, item)
    _renumber(source.items)
    _renumber(rows)


def add_item(section: TemplateSection, clause: Clause) -> TemplateItem:
    """A yes/no item citing ``clause`` at the end of ``section`` (the author then edits it)."""
    _check_draft(section.template)
    fields = clause_item_fields(clause)
    drafted = [f for f in map(item_from_requirement, clause.requirements) if f]
    if drafted:
        fields = drafted[0]
    item = _new_item(section, clause, fields)
    db.session.flush()
    return item


def _parse_decimal(value: Any, field: str) -> Decimal:
    try:
        number = Decimal(str(value).strip())
    except Exception as exc:
        raise InputError({field: _("Enter a number.")}) from exc
    if not number.is_finite():
        raise InputError({field: _("Enter a number.")})
    return number


# --- keys and visibility conditions (checked in ``visibility``) ---------------------------------


def set_section_condition(section: TemplateSection, visible_when: Any) -> None:
    """Show ``section`` only when ``visible_when`` holds (None or blank: always). The
    condition must parse and read only the keys of items before the section."""
    template = section.template
    _check_draft(template)
    when = visibility.clean_condition(visible_when)
    layout = visibility.layout_of(template)
    problems = [
        (row, field, message)
        for row, field, message in visibility.problems(layout, {section: (section.key, when)})
        if row is section and field == "visible_when"
    ]
    if problems:
        raise InputError(
            {"visible_when": visibility.row_problem(*problems[0], template.item_numbers())}
        )
    section.visible_when = when
    db.session.flush()


#: The longest name of one instance of a repeated section (仓库, 车辆).
REPEAT_LABEL_MAX = 40


def set_section_repeat(
    section: TemplateSection,
    *,
    repeat: bool,
    repeat_label: str | None = "",
    aggregate: str | None = "all",
    key: str | None = None,
) -> None:
    """Fill ``section`` once per instance the inspector adds (``repeat``; per depot, warehouse,
    vehicle), each instance called ``repeat_label`` (仓库), an item's instances combined into its
    points by ``aggregate`` (``REPEAT_AGGREGATES``); ``key`` names the section in the conditions
    of later items (``count(warehouses) >= 2``; blank: none). The key must be valid, unused by
    any item or section of the template, and only a repeated section has one; a change that
    breaks a condition reading the key (renamed, dropped) is refused. Nothing changes when
    anything is wrong (InputError per field)."""
    template = section.template
    _check_draft(template)
    repeat = bool(repeat)
    label = (repeat_label or "").strip() if isinstance(repeat_label, str) else ""
    how = "all" if aggregate is None else aggregate.strip() if isinstance(aggregate, str) else ""
    name = visibility.clean_condition(key)
    errors: dict[str, str] = {}
    if len(label) > REPEAT_LABEL_MAX:
        errors["repeat_label"] = _("At most %(n)s characters.", n=REPEAT_LABEL_MAX)
    if how not in REPEAT_AGGREGATES:
        errors["aggregate"] = _("One of: %(allowed)s.", allowed=", ".join(REPEAT_AGGREGATES))
    if name is not None and not repeat:
        errors["key"] = _("Only a section filled once per instance has a key.")
    else:
        errors.update(visibility.section_key_errors(section, name))
    if errors:
        raise InputError(errors)
    section.repeat = repeat
    section.repeat_label = label
    section.aggregate = how
    section.key = name
    db.session.flush()


def update_item(item: TemplateItem, data: dict[str, Any]) -> None:
    """Change an item from plain fields (see ``ITEM_FIELDS``); the rule is validated by the
    scoring engine's registry and stored normalised. Nothing changes when anything is wrong."""
    template = item.section.template
    _check_draft(template)
    errors: dict[str, str] = {}
    prompt = (data.get("prompt") or "").strip()
    if not prompt:
        errors["prompt"] = _("Write the question the inspector answers.")
    elif len(prompt) > PROMPT_MAX:
        errors["prompt"] = _("At most %(n)s characters.", n=PROMPT_MAX)
    answer_type = data.get("answer_type")
    if answer_type not in scoring.ANSWER_TYPES:
        errors["answer_type"] = _("Choose an answer type.")
    severity = data.get("severity")
    if severity not in {s.value for s in Severity}:
        errors["severity"] = _("Choose a severity.")
    weight = Decimal(1)
    try:
        weight = _parse_decimal(data.get("weight", "1"), "weight")
        if weight < 0 or weight > 1000:
            errors["weight"] = _("Between 0 and 1000.")
    except InputError as exc:
        errors.update(exc.fields)
    valid_from, valid_to = data.get("valid_from"), data.get("valid_to")
    if valid_from and valid_to and valid_from > valid_to:
        errors["valid_to"] = _("The end of validity comes before its start.")
    rule: dict[str, Any] = {}
    if answer_type in scoring.ANSWER_TYPES:
        try:
            rule = scoring.validate_rule(answer_type, data.get("rule") or {})
        except scoring.RuleError as exc:
            errors[f"rule_{exc.field}"] = exc.message
    section = data.get("section")
    if section is not None and section.template_id != template.id:
        errors["section"] = _("Choose a section of this template.")
    key = visibility.clean_condition(data.get("key", item.key))
    when = visibility.clean_condition(data.get("visible_when", item.visible_when))
    if "section" not in errors:
        errors.update(visibility.item_condition_errors(item, key, when, section or item.section))
    if errors:
        raise InputError(errors)
    item.prompt = prompt
    item.guidance = (data.get("guidance") or "").strip()
    item.answer_type = answer_type
    item.rule = rule
    item.severity = Severity(severity)
    item.weight = weight
    item.na_allowed = bool(data.get("na_allowed"))
    item.required = bool(data.get("required"))
    item.scored = bool(data.get("scored"))
    item.valid_from = valid_from
    item.valid_to = valid_to
    item.validity_confirmed = bool(data.get("validity_confirmed"))
    item.validity_note = (data.get("validity_note") or "").strip()
    item.key = key
    item.visible_when = when
    if section is not None and section is not item.section:
        _move_to_section(item, section)
    db.session.flush()


def split_item(item: TemplateItem) -> TemplateItem:
    """Split one clause into several checks: a copy of ``item`` right after it, same clause."""
    section = item.section
    _check_draft(section.template)
    copy = _copy_item(item)
    copy.key = None  # a key names one item: the author gives the new part its own
    section.items.insert(section.items.index(item) + 1, copy)
    _renumber(section.items)
    db.session.flush()
    return copy


def merge_items(items: Sequence[TemplateItem]) -> TemplateItem:
    """Merge items into the first: prompts joined with ；, the first one's clause and rule kept,
    the others' clause keys named in the guidance, the highest severity and the total weight."""
    if len(items) < 2:
        raise InputError({"items": _("Pick at least two items to merge.")})
    first, rest = items[0], list(items[1:])
    template = first.section.template
    _check_draft(template)
    if any(i.section.template_id != template.id for i in rest):
        raise InputError({"items": _("Pick items of this template.")})
    prompts = [first.prompt] + [i.prompt for i in rest]
    first.prompt = "；".join(prompts)[:PROMPT_MAX]
    others = sorted({i.clause_key for i in rest if i.clause_key != first.clause_key})
    notes = [first.guidance] + [i.guidance for i in rest if i.guidance]
    if others:
        notes.append("另见条款：" + "、".join(others))
    first.guidance = "\n".join(n for n in notes if n)
    order = list(Severity)
    first.severity = min([first.severity, *(i.severity for i in rest)], key=order.index)
    first.weight = sum((Decimal(i.weight) for i in rest), Decimal(first.weight))
    first.confirmed = first.confirmed and all(i.confirmed for i in rest)
    before = visibility.current(template)
    for other in rest:
        section = other.section
        section.items.remove(other)
        _renumber(section.items)
    visibility.refuse_breaking(template, before, _("Not merged"))
    db.session.flush()
    return first


def delete_item(item: TemplateItem) -> None:
    """Delete an item of a draft; refused while a condition reads its key."""
    section = item.section
    template = section.template
    _check_draft(template)
    before = visibility.current(template)
    section.items.remove(item)
    _renumber(section.items)
    visibility.refuse_breaking(template, before, _("Not deleted"))
    db.session.flush()


def confirm_item(item: TemplateItem, user: User | None = None) -> None:
    """The author checked ``item`` against its clause: it may be published as it stands."""
    confirm_items(item.section.template, [item.id], user)


def confirm_items(
    template: ChecklistTemplate, ids: Iterable[int], user: User | None = None
) -> list[TemplateItem]:
    """Confirm several items of a draft in one step (items confirmed before stay so). An id
    that is not an item of ``template`` refuses the whole step; returns the items confirmed.
    ``user`` is who confirmed them (the item keeps the flag, not the name)."""
    _check_draft(template)
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        raise InputError({"items": _("Pick the items to confirm.")})
    items = {item.id: item for item in template.ordered_items()}
    unknown = [str(i) for i in wanted if i not in items]
    if unknown:
        raise InputError(
            {"items": _("Not items of this template: %(ids)s.", ids="、".join(unknown))}
        )
    changed = [items[i] for i in wanted if not items[i].confirmed]
    for item in changed:
        item.confirmed = True
    db.session.flush()
    return changed


def unconfirmed_items(template: ChecklistTemplate) -> list[TemplateItem]:
    """The draft's items nobody confirmed yet, in display order."""
    return [item for item in template.ordered_items() if not item.confirmed]


def _copy_item(item: TemplateItem, section: TemplateSection | None = None) -> TemplateItem:
    copy = TemplateItem(
        template_id=(section or item.section).template_id,
        position=item.position,
        **{name: getattr(item, name) for name in ITEM_COLUMNS},
    )
    copy.rule = dict(item.rule or {})
    return copy


#: Section columns copied to a new version (everything but ids and position).
SECTION_COLUMNS = ("title", "visible_when", "key", "repeat", "repeat_label", "aggregate")
#: Item columns copied to a new version (everything but ids and position).
ITEM_COLUMNS = (
    "key",
    "visible_when",
    "prompt",
    "guidance",
    "answer_type",
    "rule",
    "weight",
    "severity",
    "na_allowed",
    "required",
    "scored",
    "valid_from",
    "valid_to",
    "validity_confirmed",
    "validity_note",
    "clause_id",
    "clause_key",
    "document_number",
    "document_version",
    "clause_text",
    "clause_text_hash",
    "source_span",
    "derivation_note",
    "fix_n",
    "fix_unit",
    "fix_span",
    "confirmed",
)


# --- publishing and versions --------------------------------------------------------------------

#: How many unconfirmed items the refusal to publish names (then "…").
UNCONFIRMED_NAMED = 10


def publication_problems(template: ChecklistTemplate) -> dict[str, str]:
    """What stops ``template`` from being published (empty when nothing does)."""
    problems: dict[str, str] = {}
    items = template.ordered_items()
    if not items:
        problems["items"] = _("A template needs at least one item.")
    for item in items:
        label = _("Item %(n)s", n=item.id)
        if not item.clause_key:
            problems[f"item_{item.id}"] = _("%(label)s cites no clause.", label=label)
            continue
        try:
            scoring.validate_rule(item.answer_type, item.rule or {})
        except scoring.RuleError as exc:
            problems[f"item_{item.id}"] = f"{label}: {exc.message}"
    problems.update(visibility.condition_problems(template))
    for section in template.sections:
        if section.repeat and not section.items:
            problems[f"section_{section.id}_repeat"] = _(
                "Section %(title)s is filled once per instance but has no items.",
                title=section.title,
            )
    if items and not any(i.scored for i in items):
        problems["scored"] = _("At least one item must be scored.")
    numbers = {item.id: n for n, item in enumerate(items, start=1)}
    waiting = [_("No. %(n)s", n=numbers[item.id]) for item in items if not item.confirmed]
    if waiting:
        which = "、".join(waiting[:UNCONFIRMED_NAMED]) + (
            "…" if len(waiting) > UNCONFIRMED_NAMED else ""
        )
        problems["confirmed"] = _(
            "%(n)s items are not confirmed yet (%(which)s): check each drafted item against "
            "its clause and confirm it.",
            n=len(waiting),
            which=which,
        )
    return problems


def publish(template: ChecklistTemplate, user: User | None) -> None:
    """Freeze a draft. The lineage's previous published version becomes superseded."""
    _check_draft(template)
    problems = publication_problems(template)
    if problems:
        raise InputError(problems)
    for older in db.session.scalars(
        sa.select(ChecklistTemplate).where(
            ChecklistTemplate.lineage == template.lineage,
            ChecklistTemplate.status == TemplateStatus.PUBLISHED,
        )
    ):
        older.status = TemplateStatus.SUPERSEDED
    template.status = TemplateStatus.PUBLISHED
    template.published_at = utcnow()
    template.published_by = user
    db.session.flush()


def draft_of(template: ChecklistTemplate) -> ChecklistTemplate | None:
    """The open draft of ``template``'s lineage, if any."""
    return db.session.scalar(
        sa.select(ChecklistTemplate).where(
            ChecklistTemplate.lineage == template.lineage,
            ChecklistTemplate.status == TemplateStatus.DRAFT,
        )
    )


def new_version(template: ChecklistTemplate, user: User | None) -> ChecklistTemplate:
    """A new draft version copied from ``template``; returns the open draft if there is one."""
    existing = draft_of(template)
    if existing is not None:
        return existing
    latest = db.session.scalar(
        sa.select(sa.func.max(ChecklistTemplate.version)).where(
            ChecklistTemplate.lineage == template.lineage
        )
    )
    copy = ChecklistTemplate(
        lineage=template.lineage,
        version=(latest or 0) + 1,
        status=TemplateStatus.DRAFT,
        name=template.name,
        description=template.description,
        org_kind=template.org_kind,
        method=template.method,
        grade_bands=list(template.grade_bands or default_bands()),
        previous=template,
        created_by=user,
    )
    for section in template.sections:
        new_section = TemplateSection(
            position=section.position, **{name: getattr(section, name) for name in SECTION_COLUMNS}
        )
        copy.sections.append(new_section)
    db.session.add(copy)
    db.session.flush()
    for section, new_section in zip(template.sections, copy.sections, strict=True):
        for item in section.items:
            new_section.items.append(_copy_item(item, new_section))
    db.session.flush()
    return copy


def expired_items(template: ChecklistTemplate, day: dt.date) -> list[TemplateItem]:
    """Items whose rule's validity ended before ``day`` and that nobody confirmed."""
    return [item for item in template.ordered_items() if item.expired_on(day)]
