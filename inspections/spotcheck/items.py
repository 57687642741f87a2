"""The 随机抽查事项清单: items per department, their basis read live from the standards."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from flask_babel import gettext as _

from checklists.accounts.models import OrgKind, Region, User
from checklists.authoring.models import ChecklistTemplate
from checklists.core.clock import local_today
from checklists.core.errors import InputError
from checklists.core.extensions import db
from checklists.standards.models import Clause, Document
from inspections.spotcheck.frequency import Period, RuleKind
from inspections.spotcheck.models import Method, SpotcheckItem


def save(
    user: User,
    item: SpotcheckItem | None,
    data: dict[str, Any],
) -> SpotcheckItem:
    """Create (``item`` None) or change an item from ``data``; every refusal names its field."""
    errors: dict[str, str] = {}
    required = _("This field is required.")
    department = str(data.get("department") or "").strip()
    matter = str(data.get("matter") or "").strip()
    if not department:
        errors["department"] = required
    if not matter:
        errors["matter"] = required
    if len(department) > 100:
        errors["department"] = _("At most 100 characters.")
    if len(matter) > 200:
        errors["matter"] = _("At most 200 characters.")
    kind = _choice(data.get("target_kind"), OrgKind, "target_kind", errors, optional=True)
    method = _choice(data.get("method"), Method, "method", errors)
    rule_kind = _choice(data.get("rule_kind"), RuleKind, "rule_kind", errors)
    period = _choice(data.get("rule_period"), Period, "rule_period", errors)
    value = data.get("rule_value") or 1
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 100:
        errors["rule_value"] = _("A whole number from 1 to 100.")
    template = (
        db.session.get(ChecklistTemplate, data["template_id"]) if data.get("template_id") else None
    )
    if template is None:
        errors["template_id"] = required if not data.get("template_id") else _("No such checklist.")
    region_id = data.get("region_id")
    if region_id and db.session.get(Region, region_id) is None:
        errors["region_id"] = _("No such region.")
    basis = [str(k).strip() for k in data.get("basis") or [] if str(k).strip()]
    unknown = [k for k in basis if resolve(k) is None]
    if unknown:
        errors["basis"] = _("No such clause: %(keys)s", keys="；".join(unknown))
    if errors:
        raise InputError(errors)
    if item is None:
        item = SpotcheckItem(created_by_id=user.id)
        db.session.add(item)
    item.department, item.matter = department, matter
    item.target_kind, item.method = kind, method
    item.industry = str(data.get("industry") or "").strip()[:100]
    item.region_id = region_id or None
    item.basis = basis
    item.template = template
    item.rule_kind, item.rule_period, item.rule_value = rule_kind, period, value
    item.active = bool(data.get("active", True))
    db.session.flush()
    return item


def _choice(value: Any, enum: type, name: str, errors: dict[str, str], optional: bool = False):
    if value in (None, "") and optional:
        return None
    try:
        return enum(value)
    except ValueError:
        errors[name] = _("One of: %(names)s", names=", ".join(m.value for m in enum))
        return None


@dataclass(frozen=True)
class Basis:
    key: str
    document: str
    text: str
    in_force: bool


def resolve(key: str) -> Basis | None:
    """The clause a key names, in its newest version, with whether its document is in force
    today (a basis that lapsed shows so on the list)."""
    row = db.session.execute(
        sa.select(Clause, Document)
        .join(Document, Document.id == Clause.document_id)
        .where(Clause.key == key)
        .order_by(Document.version.desc(), Clause.id.desc())
        .limit(1)
    ).first()
    if row is None:
        return None
    clause, document = row
    return Basis(
        key=key,
        document=document.number or document.title,
        text=clause.text,
        in_force=document.in_force_on(local_today()),
    )


def bases(item: SpotcheckItem) -> list[Basis]:
    return [b for b in (resolve(k) for k in item.basis) if b is not None]
