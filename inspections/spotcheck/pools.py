"""The 名录库: the target pool (organisations with industry and risk class) and the inspector
pool (people with their 执法证号 and department), declared conflicts, the Excel import of both
(all rows or none, each refusal naming its row and column), and a plan's pool snapshot with its
recusals."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from flask_babel import gettext as _
from openpyxl import load_workbook

from checklists.accounts.models import Organisation, Region, Role, User
from checklists.accounts.permissions import visible_organisations
from checklists.core.errors import InputError
from checklists.core.extensions import db
from checklists.core.workdays import add_months
from inspections.filling.models import Inspection, inspection_inspectors
from inspections.spotcheck.models import (
    RISK_LABELS,
    RISK_WEIGHTS,
    RiskClass,
    SpotcheckConflict,
    SpotcheckInspector,
    SpotcheckItem,
    SpotcheckTarget,
)

#: The words a sheet may use for a risk class (the code, or its Chinese name with or without 风险).
RISK_WORDS = {
    **{c.value: c for c in RiskClass},
    **{label: c for c, label in RISK_LABELS.items()},
    **{label.removesuffix("风险"): c for c, label in RISK_LABELS.items()},
}
YES = {"是", "在库", "yes", "y", "1", "true", ""}
NO = {"否", "不在库", "no", "n", "0", "false"}


def visible_targets(user: User) -> sa.Select[tuple[SpotcheckTarget]]:
    """The target pool's rows whose organisation ``user`` may see."""
    orgs = visible_organisations(user).with_only_columns(Organisation.id)
    return (
        sa.select(SpotcheckTarget)
        .join(Organisation, Organisation.id == SpotcheckTarget.organisation_id)
        .where(SpotcheckTarget.organisation_id.in_(orgs))
        .order_by(Organisation.name)
    )


def set_target(
    organisation: Organisation, industry: str, risk_class: RiskClass, active: bool = True
) -> SpotcheckTarget:
    target = db.session.scalar(
        sa.select(SpotcheckTarget).where(SpotcheckTarget.organisation_id == organisation.id)
    )
    if target is None:
        target = SpotcheckTarget(organisation_id=organisation.id)
        db.session.add(target)
    target.industry, target.risk_class, target.active = industry.strip(), risk_class, active
    db.session.flush()
    return target


def set_inspector(user: User, badge: str, department: str, active: bool = True):
    badge = badge.strip()
    if not badge:
        raise InputError({"badge": _("This field is required.")})
    taken = db.session.scalar(
        sa.select(SpotcheckInspector).where(
            SpotcheckInspector.badge == badge, SpotcheckInspector.user_id != user.id
        )
    )
    if taken is not None:
        raise InputError({"badge": _("This 执法证号 belongs to someone else.")})
    person = db.session.scalar(
        sa.select(SpotcheckInspector).where(SpotcheckInspector.user_id == user.id)
    )
    if person is None:
        person = SpotcheckInspector(user_id=user.id)
        db.session.add(person)
    person.badge, person.department, person.active = badge, department.strip(), active
    db.session.flush()
    return person


def declare_conflict(user: User, organisation: Organisation, reason: str) -> SpotcheckConflict:
    found = db.session.scalar(
        sa.select(SpotcheckConflict).where(
            SpotcheckConflict.user_id == user.id,
            SpotcheckConflict.organisation_id == organisation.id,
        )
    )
    if found is None:
        found = SpotcheckConflict(user_id=user.id, organisation_id=organisation.id)
        db.session.add(found)
    found.reason = reason.strip()[:1000]
    db.session.flush()
    return found


# --- Excel import ---------------------------------------------------------------------------


@dataclass
class Imported:
    created: int = 0
    updated: int = 0
    errors: dict[str, str] = field(default_factory=dict)


def _rows(data: bytes) -> list[tuple[int, dict[str, str]]]:
    """The first sheet's rows as {header: text}, with their row numbers (the header is row 1)."""
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a file that is not a workbook
        raise InputError({"file": _("Not an Excel workbook (.xlsx).")}) from None
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    if not rows:
        raise InputError({"file": _("The sheet is empty.")})
    header = [str(h).strip() if h is not None else "" for h in rows[0]]
    out = []
    for number, values in enumerate(rows[1:], start=2):
        cells = {
            header[i]: ("" if v is None else str(v).strip())
            for i, v in enumerate(values)
            if i < len(header) and header[i]
        }
        if any(cells.values()):
            out.append((number, cells))
    return out


def _need(header_rows: list[tuple[int, dict[str, str]]], names: Iterable[str]) -> None:
    present = set().union(*(cells.keys() for _, cells in header_rows)) if header_rows else set()
    missing = [n for n in names if n not in present]
    if missing and header_rows:
        raise InputError({"file": _("Missing columns: %(names)s", names="、".join(missing))})


def _active(text: str) -> bool | None:
    word = text.strip().lower()
    return True if word in YES else False if word in NO else None


def import_targets(user: User, data: bytes) -> Imported:
    """Rows ``统一社会信用代码 | 单位名称 | 行业 | 风险等级 | 在库``: an organisation found by its
    credit code (else its exact name) among those ``user`` may see. Nothing is written unless
    every row is valid."""
    rows = _rows(data)
    _need(rows, ("行业", "风险等级"))
    visible = {o.id: o for o in db.session.scalars(visible_organisations(user))}
    by_code = {o.credit_code: o for o in visible.values() if o.credit_code}
    by_name = {o.name: o for o in visible.values()}
    result, valid = Imported(), []
    seen: dict[int, int] = {}
    for number, cells in rows:
        code = cells.get("统一社会信用代码", "").upper()
        name = cells.get("单位名称", "")
        org = by_code.get(code) if code else by_name.get(name)
        if org is None:
            column = "统一社会信用代码" if code else "单位名称"
            result.errors[f"第{number}行 {column}"] = _("No such organisation that you may see.")
            continue
        if org.id in seen:
            result.errors[f"第{number}行 {'统一社会信用代码' if code else '单位名称'}"] = _(
                "Also on row %(row)d.", row=seen[org.id]
            )
            continue
        seen[org.id] = number
        risk = RISK_WORDS.get(cells.get("风险等级", "").lower()) or RISK_WORDS.get(
            cells.get("风险等级", "")
        )
        if risk is None:
            result.errors[f"第{number}行 风险等级"] = _(
                "One of: %(words)s", words="、".join(RISK_LABELS.values())
            )
            continue
        active = _active(cells.get("在库", ""))
        if active is None:
            result.errors[f"第{number}行 在库"] = _("是 or 否.")
            continue
        if len(cells.get("行业", "")) > 100:
            result.errors[f"第{number}行 行业"] = _("At most 100 characters.")
            continue
        valid.append((org, cells.get("行业", ""), risk, active))
    if result.errors:
        raise InputError(result.errors)
    existing = set(db.session.scalars(sa.select(SpotcheckTarget.organisation_id)))
    for org, industry, risk, active in valid:
        set_target(org, industry, risk, active)
        if org.id in existing:
            result.updated += 1
        else:
            result.created += 1
    return result


def import_inspectors(data: bytes) -> Imported:
    """Rows ``用户名 | 执法证号 | 部门 | 在库`` of inspector and supervisor accounts."""
    rows = _rows(data)
    _need(rows, ("用户名", "执法证号"))
    users = {
        u.username: u
        for u in db.session.scalars(
            sa.select(User).where(User.role.in_((Role.INSPECTOR, Role.SUPERVISOR)))
        )
    }
    badges_taken = dict(
        db.session.execute(sa.select(SpotcheckInspector.badge, SpotcheckInspector.user_id)).all()
    )
    result, valid = Imported(), []
    badges: dict[str, int] = {}
    for number, cells in rows:
        person = users.get(cells.get("用户名", ""))
        badge = cells.get("执法证号", "")
        if person is None:
            result.errors[f"第{number}行 用户名"] = _(
                "No inspector or supervisor with this username."
            )
            continue
        if not badge or len(badge) > 40:
            result.errors[f"第{number}行 执法证号"] = _("Required, at most 40 characters.")
            continue
        if badge in badges or badges_taken.get(badge, person.id) != person.id:
            result.errors[f"第{number}行 执法证号"] = _("This 执法证号 belongs to someone else.")
            continue
        badges[badge] = number
        active = _active(cells.get("在库", ""))
        if active is None:
            result.errors[f"第{number}行 在库"] = _("是 or 否.")
            continue
        valid.append((person, badge, cells.get("部门", "")[:100], active))
    if result.errors:
        raise InputError(result.errors)
    existing = set(db.session.scalars(sa.select(SpotcheckInspector.user_id)))
    for person, badge, department, active in valid:
        # a badge moving between people in one sheet: free it first
        db.session.execute(
            sa.update(SpotcheckInspector)
            .where(SpotcheckInspector.badge == badge, SpotcheckInspector.user_id != person.id)
            .values(badge=f"~{person.id}-{badge}"[:40])
        )
        set_inspector(person, badge, department, active)
        result.updated += person.id in existing
        result.created += person.id not in existing
    return result


# --- a plan's pool --------------------------------------------------------------------------


def region_ids(*regions: Region | None) -> set[int] | None:
    """The region ids inside every one of ``regions`` (None: no limit)."""
    limit: set[int] | None = None
    for region in regions:
        if region is None:
            continue
        ids = set(region.subtree_ids())
        limit = ids if limit is None else limit & ids
    return limit


def target_query(
    item: SpotcheckItem, region: Region | None, filters: dict[str, Any]
) -> sa.Select[tuple[int, RiskClass]]:
    """The pool's targets an item reaches (organisation id and risk class): active, of the
    item's kind and industry (or the filter's), the risk classes filtered, inside the item's
    and the plan's region."""
    query = (
        sa.select(SpotcheckTarget.organisation_id, SpotcheckTarget.risk_class)
        .join(Organisation, Organisation.id == SpotcheckTarget.organisation_id)
        .where(SpotcheckTarget.active, Organisation.active)
    )
    if item.target_kind is not None:
        query = query.where(Organisation.kind == item.target_kind)
    industry = filters.get("industry") or item.industry
    if industry:
        query = query.where(SpotcheckTarget.industry == industry)
    if filters.get("risk_classes"):
        query = query.where(SpotcheckTarget.risk_class.in_(filters["risk_classes"]))
    inside = region_ids(item.region, region)
    if inside is not None:
        query = query.where(Organisation.region_id.in_(inside))
    return query


def snapshot(
    item: SpotcheckItem,
    *,
    region: Region | None,
    filters: dict[str, Any],
    team_size: int,
    period_start: dt.date,
    recusal_months: int,
    as_of: dt.datetime,
) -> dict[str, Any]:
    """The pool a plan draws from, as it stands: ``targets`` ([{"id", "class", "weight"}] by
    id), ``inspectors`` (ids), ``recusals`` ([[inspector, organisation]]: own organisation,
    declared conflict, or an inspection of it in the ``recusal_months`` before the period
    begins, counting inspections made before ``as_of``)."""
    query = target_query(item, region, filters)
    targets = [
        {"id": org_id, "class": risk.value, "weight": RISK_WEIGHTS[risk]}
        for org_id, risk in db.session.execute(query.order_by(SpotcheckTarget.organisation_id))
    ]
    department = filters.get("department", item.department)
    people = sa.select(SpotcheckInspector.user_id, User.organisation_id).join(
        User, User.id == SpotcheckInspector.user_id
    )
    people = people.where(SpotcheckInspector.active, User.active)
    if department:
        people = people.where(SpotcheckInspector.department == department)
    inspectors = dict(db.session.execute(people.order_by(SpotcheckInspector.user_id)).all())
    target_ids = {t["id"] for t in targets}
    recusals = {(user_id, org_id) for user_id, org_id in inspectors.items() if org_id in target_ids}
    recusals |= set(
        db.session.execute(
            sa.select(SpotcheckConflict.user_id, SpotcheckConflict.organisation_id).where(
                SpotcheckConflict.user_id.in_(inspectors),
                SpotcheckConflict.organisation_id.in_(target_ids),
            )
        ).all()
    )
    since, _clamped = add_months(period_start, -recusal_months) if recusal_months else (None, 0)
    if since is not None:
        day = sa.func.coalesce(Inspection.planned_on, sa.func.date(Inspection.created_at))
        recusals |= set(
            db.session.execute(
                sa.select(inspection_inspectors.c.user_id, Inspection.organisation_id)
                .join(Inspection, Inspection.id == inspection_inspectors.c.inspection_id)
                .where(
                    inspection_inspectors.c.user_id.in_(inspectors),
                    Inspection.organisation_id.in_(target_ids),
                    Inspection.created_at < as_of,
                    day >= since,
                    day < period_start,
                )
                .distinct()
            ).all()
        )
    return {
        "targets": targets,
        "inspectors": sorted(inspectors),
        "recusals": sorted([int(i), int(o)] for i, o in recusals),
        "team_size": team_size,
    }
