"""Templates in and out as JSON (exact round trip); the Excel workbook is in ``workbook``.

``template_to_dict`` is the canonical content of a template version (no database ids, no
version number): exporting, importing and exporting again gives the same dict. The workbook
carries the same content in readable columns, one row per item, and reads back to that dict.
"""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal, InvalidOperation
from typing import Any

import sqlalchemy as sa
from flask_babel import gettext as _

from checklists import scoring
from checklists.accounts.models import OrgKind, User
from checklists.authoring import operations, visibility, wording
from checklists.authoring.models import (
    REPEAT_AGGREGATES,
    ChecklistTemplate,
    ScoringMethod,
    Severity,
    TemplateItem,
    TemplateSection,
    TemplateStatus,
)
from checklists.core.errors import InputError
from checklists.core.extensions import db
from checklists.scoring import conditions
from checklists.standards.clause_tree import clause_text_hash
from checklists.standards.models import Clause, Document

FORMAT = "clausecheck-template/1"
MAX_ITEMS = 2000


# --- to a dict ----------------------------------------------------------------------------------


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


#: Item columns exported as they are (besides rule, weight, severity, dates and the clause).
_PLAIN = (
    "key",
    "visible_when",
    "prompt",
    "guidance",
    "answer_type",
    "na_allowed",
    "required",
    "scored",
    "validity_confirmed",
    "validity_note",
    "source_span",
    "derivation_note",
    "fix_n",
    "fix_unit",
    "fix_span",
)
#: Section fields exported as they are (besides its items).
SECTION_FIELDS = ("title", "visible_when", "key", "repeat", "repeat_label", "aggregate")
#: The units of a time to put right that a clause states (an item's ``fix_unit``).
FIX_UNITS = operations.FIX_TIME_UNITS


def item_to_dict(item: TemplateItem) -> dict[str, Any]:
    raw = {name: getattr(item, name) for name in (*_PLAIN, "rule", "weight", "severity")}
    raw |= {"valid_from": item.valid_from, "valid_to": item.valid_to}
    raw["clause"] = {
        "key": item.clause_key,
        "document": item.document_number,
        "document_version": item.document_version,
        "text": item.clause_text,
        "text_hash": item.clause_text_hash,
    }
    return _plain_item(raw)


def template_to_dict(template: ChecklistTemplate) -> dict[str, Any]:
    """The template's content as JSON-ready data."""
    return {
        "format": FORMAT,
        "lineage": template.lineage,
        "name": template.name,
        "description": template.description,
        "org_kind": str(template.org_kind) if template.org_kind else None,
        "method": str(template.method),
        "grade_bands": list(template.grade_bands or operations.default_bands()),
        "sections": [
            {
                **{name: getattr(s, name) for name in SECTION_FIELDS},
                "items": [item_to_dict(i) for i in s.items],
            }
            for s in template.sections
        ],
    }


# --- from a dict --------------------------------------------------------------------------------


class _Reader:
    """Reads untrusted data, collecting every error with the path of the field."""

    def __init__(self) -> None:
        self.errors: dict[str, str] = {}

    def fail(self, path: str, message: str) -> None:
        self.errors.setdefault(path, message)

    def text(self, data: dict, key: str, path: str, required: bool = False, limit: int = 0) -> str:
        value = data.get(key)
        if value is None:
            value = ""
        if not isinstance(value, str):
            self.fail(path, _("Expected text."))
            return ""
        if required and not value.strip():
            self.fail(path, _("Required."))
        if limit and len(value) > limit:
            self.fail(path, _("At most %(n)s characters.", n=limit))
        return value

    def optional(self, data: dict, key: str, path: str, limit: int) -> str | None:
        """Text that may be absent: stripped, None when blank or missing."""
        value = data.get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            self.fail(path, _("Expected text."))
            return None
        value = value.strip()
        if len(value) > limit:
            self.fail(path, _("At most %(n)s characters.", n=limit))
        return value or None

    def boolean(self, data: dict, key: str, path: str, default: bool) -> bool:
        value = data.get(key, default)
        if not isinstance(value, bool):
            self.fail(path, _("Expected true or false."))
            return default
        return value

    def date(self, data: dict, key: str, path: str) -> dt.date | None:
        value = data.get(key)
        if value in (None, ""):
            return None
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            self.fail(path, _("Expected a date (YYYY-MM-DD)."))
            return None


def _fix(reader: _Reader, raw: dict, path: str) -> dict[str, Any]:
    """``fix_n`` and ``fix_unit``: both absent, or a whole number 1–3650 and a unit."""
    n, unit = raw.get("fix_n"), raw.get("fix_unit")
    if n in (None, "") and unit in (None, ""):
        return {"fix_n": None, "fix_unit": None}
    if isinstance(n, str) and n.strip().isdecimal() and len(n.strip()) <= 9:
        n = int(n.strip())  # isdecimal: "²" is a digit that int() refuses
    if not isinstance(n, int) or isinstance(n, bool) or not 1 <= n <= 3650:
        reader.fail(f"{path}.fix_n", _("A whole number from 1 to 3650."))
        n = None
    if unit not in FIX_UNITS:
        reader.fail(f"{path}.fix_unit", _("One of: %(allowed)s.", allowed=", ".join(FIX_UNITS)))
        unit = None
    return {"fix_n": n, "fix_unit": unit}


def _enum_value(reader: _Reader, enum_cls, value, path: str, nullable: bool = False):
    if value is None and nullable:
        return None
    try:
        return enum_cls(value)
    except ValueError:
        allowed = ", ".join(m.value for m in enum_cls)
        reader.fail(path, _("One of: %(allowed)s.", allowed=allowed))
        return None


def _read_item(reader: _Reader, raw: Any, path: str) -> dict[str, Any] | None:
    if not isinstance(raw, dict):
        reader.fail(path, _("Expected an object."))
        return None
    item: dict[str, Any] = {
        # a key's other rules, and the condition's, are checked over the whole template
        "key": reader.optional(raw, "key", f"{path}.key", conditions.KEY_MAX),
        "visible_when": reader.optional(
            raw, "visible_when", f"{path}.visible_when", conditions.MAX_LENGTH
        ),
        "prompt": reader.text(raw, "prompt", f"{path}.prompt", required=True, limit=500),
        "guidance": reader.text(raw, "guidance", f"{path}.guidance"),
        "validity_note": reader.text(raw, "validity_note", f"{path}.validity_note"),
        "source_span": reader.text(raw, "source_span", f"{path}.source_span"),
        "derivation_note": reader.text(raw, "derivation_note", f"{path}.derivation_note"),
        "fix_span": reader.text(raw, "fix_span", f"{path}.fix_span"),
        **_fix(reader, raw, path),
        "na_allowed": reader.boolean(raw, "na_allowed", f"{path}.na_allowed", True),
        "required": reader.boolean(raw, "required", f"{path}.required", True),
        "scored": reader.boolean(raw, "scored", f"{path}.scored", True),
        "validity_confirmed": reader.boolean(
            raw, "validity_confirmed", f"{path}.validity_confirmed", False
        ),
        "valid_from": reader.date(raw, "valid_from", f"{path}.valid_from"),
        "valid_to": reader.date(raw, "valid_to", f"{path}.valid_to"),
    }
    answer_type = raw.get("answer_type")
    if answer_type not in scoring.ANSWER_TYPES:
        reader.fail(
            f"{path}.answer_type",
            _("One of: %(allowed)s.", allowed=", ".join(scoring.ANSWER_TYPES)),
        )
    else:
        rule = raw.get("rule") or {}
        if not isinstance(rule, dict):
            reader.fail(f"{path}.rule", _("Expected an object."))
        else:
            try:
                item["rule"] = scoring.validate_rule(answer_type, rule)
            except scoring.RuleError as exc:
                reader.fail(f"{path}.rule.{exc.field}", exc.message)
    item["answer_type"] = answer_type
    item["severity"] = _enum_value(reader, Severity, raw.get("severity"), f"{path}.severity")
    try:
        weight = Decimal(str(raw.get("weight", "1")))
        if not weight.is_finite() or weight < 0 or weight > 1000:
            raise InvalidOperation
        item["weight"] = weight
    except (InvalidOperation, ValueError):
        reader.fail(f"{path}.weight", _("A number from 0 to 1000."))
    if item["valid_from"] and item["valid_to"] and item["valid_from"] > item["valid_to"]:
        reader.fail(f"{path}.valid_to", _("The end of validity comes before its start."))
    clause = raw.get("clause")
    if not isinstance(clause, dict):
        reader.fail(f"{path}.clause", _("Every item cites a clause."))
        return item
    key = reader.text(clause, "key", f"{path}.clause.key", required=True, limit=500)
    text = reader.text(clause, "text", f"{path}.clause.text")
    text_hash = reader.text(clause, "text_hash", f"{path}.clause.text_hash")
    if text and text_hash != clause_text_hash(text):
        reader.fail(f"{path}.clause.text_hash", _("Does not match the quoted clause text."))
    number = clause.get("document")
    if number is not None and not isinstance(number, str):
        reader.fail(f"{path}.clause.document", _("Expected text."))
    version = clause.get("document_version")
    if version is not None and (not isinstance(version, int) or isinstance(version, bool)):
        reader.fail(f"{path}.clause.document_version", _("Expected a whole number."))
    item["clause"] = {
        "key": key,
        "document": number,
        "document_version": version,
        "text": text,
        "text_hash": text_hash,
    }
    return item


def _drop_nul(data: Any) -> None:
    """Drop every NUL from the texts (keys too) of parsed JSON, in place: no stored text holds
    one (PostgreSQL refuses it), as a gazette's text keeps none. A loop, not recursion: the
    JSON may be nested as deep as the parser went."""
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            pairs = list(node.items())
            node.clear()
            for key, value in pairs:
                node[key.replace("\x00", "") if isinstance(key, str) else key] = value
        entries = node.items() if isinstance(node, dict) else enumerate(node)
        for where, value in list(entries):
            if isinstance(value, str):
                node[where] = value.replace("\x00", "")
            elif isinstance(value, dict | list):
                stack.append(value)


def read_template_dict(data: Any) -> dict[str, Any]:
    """Validate an exported template; returns the cleaned content or raises InputError with
    every problem keyed by its path (``sections[0].items[2].rule.op``). A NUL in its texts
    is dropped (``_drop_nul``)."""
    reader = _Reader()
    if not isinstance(data, dict):
        raise InputError({"file": _("Expected a JSON object.")})
    if data.get("format") != FORMAT:
        raise InputError({"format": _("Not a ClauseCheck template (format %(f)s).", f=FORMAT)})
    _drop_nul(data)
    out: dict[str, Any] = {
        "lineage": data.get("lineage") or None,
        "name": reader.text(data, "name", "name", required=True, limit=200),
        "description": reader.text(data, "description", "description"),
        "org_kind": _enum_value(reader, OrgKind, data.get("org_kind"), "org_kind", nullable=True),
        "method": _enum_value(reader, ScoringMethod, data.get("method", "weighted"), "method"),
    }
    lineage = out["lineage"]
    if lineage is not None and (
        not isinstance(lineage, str)
        or len(lineage) != 32
        or any(c not in "0123456789abcdef" for c in lineage)
    ):
        reader.fail("lineage", _("32 lower-case hex digits."))
    bands = data.get("grade_bands") or operations.default_bands()
    try:
        out["grade_bands"] = operations.bands_json(scoring.validate_bands(bands))
    except scoring.RuleError as exc:
        reader.fail("grade_bands", exc.message)
    except (TypeError, AttributeError):
        reader.fail("grade_bands", _("Expected a list of bands."))
    sections = data.get("sections")
    if not isinstance(sections, list) or not sections:
        reader.fail("sections", _("A template needs at least one section."))
        sections = []
    out["sections"] = []
    count = 0
    for s, raw_section in enumerate(sections):
        path = f"sections[{s}]"
        if not isinstance(raw_section, dict):
            reader.fail(path, _("Expected an object."))
            continue
        title = reader.text(raw_section, "title", f"{path}.title", required=True, limit=200)
        raw_items = raw_section.get("items") or []
        if not isinstance(raw_items, list):
            reader.fail(f"{path}.items", _("Expected a list."))
            raw_items = []
        when = reader.optional(
            raw_section, "visible_when", f"{path}.visible_when", conditions.MAX_LENGTH
        )
        repeat = _read_repeat(reader, raw_section, path)
        items = []
        for i, raw_item in enumerate(raw_items):
            count += 1
            item = _read_item(reader, raw_item, f"{path}.items[{i}]")
            if item is not None:
                item["_path"] = f"{path}.items[{i}]"
                items.append(item)
        out["sections"].append(
            {"title": title, "visible_when": when, **repeat, "items": items, "_path": path}
        )
    if count > MAX_ITEMS:
        reader.fail("sections", _("At most %(n)s items.", n=MAX_ITEMS))
    _check_conditions(reader, out["sections"])
    if reader.errors:
        raise InputError(reader.errors)
    return out


def _read_repeat(reader: _Reader, raw: dict, path: str) -> dict[str, Any]:
    """A section's repeat fields (each optional: a file from before them is an ordinary
    section): ``key`` (only a repeated section has one; its other rules are checked over the
    whole template), ``repeat``, ``repeat_label`` and ``aggregate``."""
    repeat = reader.boolean(raw, "repeat", f"{path}.repeat", False)
    key = reader.optional(raw, "key", f"{path}.key", conditions.KEY_MAX)
    if key is not None and raw.get("repeat") is not True and f"{path}.repeat" not in reader.errors:
        reader.fail(f"{path}.key", _("Only a section filled once per instance has a key."))
    label = reader.text(
        raw, "repeat_label", f"{path}.repeat_label", limit=operations.REPEAT_LABEL_MAX
    )
    aggregate = raw.get("aggregate")
    if aggregate is None:
        aggregate = "all"
    if not isinstance(aggregate, str) or aggregate not in REPEAT_AGGREGATES:
        reader.fail(
            f"{path}.aggregate", _("One of: %(allowed)s.", allowed=", ".join(REPEAT_AGGREGATES))
        )
        aggregate = "all"
    return {"key": key, "repeat": repeat, "repeat_label": label.strip(), "aggregate": aggregate}


def _check_conditions(reader: _Reader, sections: list[dict[str, Any]]) -> None:
    """Keys valid and unique, conditions that parse and read only earlier items' keys (a
    section's key counts as coming after its items: ``visibility.section_entries``): each
    problem at its path (``sections[0].items[2].visible_when``), the field named in Chinese.
    Takes the paths out of the cleaned content."""
    paths: list[str] = []
    entries: list[tuple[str | None, tuple[str, ...]]] = []
    for section in sections:
        path = section.pop("_path")
        opening, closing = visibility.section_entries(section["key"], section["visible_when"])
        paths.append(path)
        entries.append(opening)
        for item in section["items"]:
            paths.append(item.pop("_path"))
            entries.append((item["key"], (item["visible_when"],) if item["visible_when"] else ()))
        if closing is not None:
            paths.append(path)
            entries.append(closing)
    for n, field, message in conditions.order_problems(entries):
        if field == "key":
            reader.fail(f"{paths[n]}.key", _("Key: %(message)s", message=message))
        else:
            reader.fail(f"{paths[n]}.visible_when", _("Condition: %(message)s", message=message))


def _resolve_clause(ref: dict[str, Any]) -> Clause | None:
    """The stored clause an exported reference names: same document version and key, else the
    current version's clause with that key and the same text."""
    query = sa.select(Clause).join(Document).where(Clause.key == ref["key"])
    if ref["document_version"] is not None:
        exact = db.session.scalar(query.where(Document.version == ref["document_version"]))
        if exact is not None and (not ref["text_hash"] or exact.text_hash == ref["text_hash"]):
            return exact
    current = operations.current_clause(ref["key"])
    if current is not None and (not ref["text_hash"] or current.text_hash == ref["text_hash"]):
        return current
    return None


def _build(template: ChecklistTemplate, content: dict[str, Any]) -> None:
    for position, raw_section in enumerate(content["sections"]):
        section = TemplateSection(
            position=position, **{name: raw_section[name] for name in SECTION_FIELDS}
        )
        template.sections.append(section)
    db.session.flush()
    for section, raw_section in zip(template.sections, content["sections"], strict=True):
        for position, raw in enumerate(raw_section["items"]):
            ref = raw["clause"]
            clause = _resolve_clause(ref)
            section.items.append(
                TemplateItem(
                    template_id=template.id,
                    position=position,
                    key=raw["key"],
                    visible_when=raw["visible_when"],
                    prompt=raw["prompt"],
                    guidance=raw["guidance"],
                    answer_type=raw["answer_type"],
                    rule=raw["rule"],
                    weight=raw["weight"],
                    severity=raw["severity"],
                    na_allowed=raw["na_allowed"],
                    required=raw["required"],
                    scored=raw["scored"],
                    valid_from=raw["valid_from"],
                    valid_to=raw["valid_to"],
                    validity_confirmed=raw["validity_confirmed"],
                    validity_note=raw["validity_note"],
                    source_span=raw["source_span"],
                    derivation_note=raw["derivation_note"],
                    fix_n=raw["fix_n"],
                    fix_unit=raw["fix_unit"],
                    fix_span=raw["fix_span"],
                    clause_id=clause.id if clause else None,
                    clause_key=ref["key"],
                    document_number=ref["document"],
                    document_version=ref["document_version"],
                    clause_text=ref["text"],
                    clause_text_hash=ref["text_hash"],
                )
            )
    db.session.flush()


def content_to_dict(content: dict[str, Any]) -> dict[str, Any]:
    """Cleaned content (``read_template_dict``) in the export shape."""
    return {
        "format": FORMAT,
        "lineage": content["lineage"],
        "name": content["name"],
        "description": content["description"],
        "org_kind": str(content["org_kind"]) if content["org_kind"] else None,
        "method": str(content["method"]),
        "grade_bands": content["grade_bands"],
        "sections": [
            {
                **{name: s[name] for name in SECTION_FIELDS},
                "items": [_plain_item(i) for i in s["items"]],
            }
            for s in content["sections"]
        ],
    }


def _same_content(template: ChecklistTemplate, content: dict[str, Any]) -> bool:
    mine = template_to_dict(template)
    return mine == {**content_to_dict(content), "lineage": template.lineage}


def _plain_item(raw: dict[str, Any]) -> dict[str, Any]:
    """An item's fields (from a row or from ``read_template_dict``) in the export shape."""
    return {
        **{name: raw[name] for name in _PLAIN},
        "rule": dict(raw["rule"] or {}),
        "weight": wording.dec(Decimal(raw["weight"])),
        "severity": str(raw["severity"]),
        "valid_from": _iso(raw["valid_from"]),
        "valid_to": _iso(raw["valid_to"]),
        "clause": dict(raw["clause"]),
    }


def import_template(data: Any, user: User | None) -> tuple[ChecklistTemplate, str]:
    """Store an exported template as a draft. Returns (template, outcome): ``new`` (a new
    lineage, or the exported lineage seen for the first time), ``new_version`` (the lineage
    exists with other content) or ``unchanged`` (its latest version has this content)."""
    content = read_template_dict(data)
    lineage = content["lineage"]
    latest = None
    if lineage:
        latest = db.session.scalar(
            sa.select(ChecklistTemplate)
            .where(ChecklistTemplate.lineage == lineage)
            .order_by(ChecklistTemplate.version.desc())
            .limit(1)
        )
    if latest is not None:
        if _same_content(latest, content):
            return latest, "unchanged"
        if latest.is_draft:
            raise InputError(
                {
                    "lineage": _(
                        "This template has an unpublished draft (version %(v)s); publish it first.",
                        v=latest.version,
                    )
                }
            )
    template = ChecklistTemplate(
        lineage=lineage or uuid.uuid4().hex,
        version=(latest.version + 1) if latest else 1,
        status=TemplateStatus.DRAFT,
        name=content["name"],
        description=content["description"],
        org_kind=content["org_kind"],
        method=content["method"],
        grade_bands=content["grade_bands"],
        previous=latest,
        created_by=user,
    )
    db.session.add(template)
    db.session.flush()
    _build(template, content)
    return template, ("new_version" if latest else "new")
