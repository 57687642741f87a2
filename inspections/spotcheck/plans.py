"""Plans and their draw: commit (a secret seed, its SHA-256 and the frozen inputs), draw (the
public value, the targets and teams, the inspections), publish the results (一公开), void a plan
whose pool changed, and the public record anyone can check.

Checks run in the contract's order: 404 (missing, or outside the caller's region), 403 (role),
409 (state), 422 (body)."""

from __future__ import annotations

import datetime as dt
import math
import uuid as uuidlib
from typing import Any

import sqlalchemy as sa
from flask import current_app
from flask_babel import gettext as _

from checklists.accounts.models import Organisation, Region, Role, User
from checklists.authoring.models import ChecklistTemplate, TemplateItem, TemplateStatus
from checklists.core import audit, workdays
from checklists.core.db import utcnow
from checklists.core.errors import Conflict, InputError
from checklists.core.extensions import db
from inspections.filling import workflow
from inspections.filling.models import Answer, InspectionStatus
from inspections.spotcheck import draw as drawing
from inspections.spotcheck import pools
from inspections.spotcheck.models import (
    RISK_WEIGHTS,
    PlanStatus,
    RiskClass,
    SpotcheckItem,
    SpotcheckPick,
    SpotcheckPlan,
)

BEACON_KINDS = ("later_commitments", "manual")
#: How a plan voided by a changed pool says why (the changes follow).
POOL_CHANGED = "承诺后名录库发生变化，本计划作废："


class NotFoundError(Exception):
    """Missing, or outside the caller's region: the views answer 404."""


class Forbidden(Exception):
    """Visible but not for this role: 403."""


def visible_plans(user: User) -> sa.Select[tuple[SpotcheckPlan]]:
    """Plans a supervisor may see: those drawing inside their region (all, for admins and
    supervisors without a region)."""
    query = sa.select(SpotcheckPlan)
    if user.role == Role.SUPERVISOR and user.region is not None:
        query = query.where(SpotcheckPlan.region_id.in_(user.region.subtree_ids()))
    return query


def get_plan(user: User, plan_id: int) -> SpotcheckPlan:
    """The plan, for a supervisor or an administrator: 404 before 403 (a plan is not the
    business of other roles, and one outside the region is missing)."""
    if user.role not in (Role.ADMIN, Role.SUPERVISOR):
        if db.session.get(SpotcheckPlan, plan_id) is None:
            raise NotFoundError
        raise Forbidden
    plan = db.session.scalar(visible_plans(user).where(SpotcheckPlan.id == plan_id))
    if plan is None:
        raise NotFoundError
    return plan


# --- commit ---------------------------------------------------------------------------------


def create(
    user: User,
    *,
    item_id: int | None,
    period_start: dt.date | None,
    period_end: dt.date | None,
    planned_on: dt.date | None,
    count: int | None,
    ratio: int | None,
    team_size: int,
    region_id: int | None,
    industry: str = "",
    risk_classes: list[str] | None = None,
    recusal_months: int | None = None,
    beacon_kind: str = "later_commitments",
    beacon_source: str = "",
    client_id: str | None,
) -> tuple[SpotcheckPlan, bool]:
    """Commit a plan: freeze its pool and inputs, make a secret seed, publish its SHA-256. The
    same ``client_id`` again answers the plan already made (False)."""
    if user.role not in (Role.ADMIN, Role.SUPERVISOR):
        raise Forbidden
    if client_id:
        existing = db.session.scalar(
            sa.select(SpotcheckPlan).where(SpotcheckPlan.client_id == client_id)
        )
        if existing is not None:
            if db.session.scalar(visible_plans(user).where(SpotcheckPlan.id == existing.id)):
                return existing, False
            raise Conflict("id_reused", _("This client_id belongs to another plan."))
    errors: dict[str, str] = {}
    required = _("This field is required.")
    if not client_id:
        errors["client_id"] = required
    item = db.session.get(SpotcheckItem, item_id) if item_id else None
    if item is None or not item.active:
        errors["item_id"] = required if item_id is None else _("No such active item.")
    for name, value in (("period_start", period_start), ("period_end", period_end)):
        if value is None:
            errors[name] = required
    if period_start and period_end and period_end < period_start:
        errors["period_end"] = _("Must not be before the start.")
    if (count is None) == (ratio is None):
        errors["count"] = _("Give a count or a ratio, not both.")
    elif count is not None and not 1 <= count <= 10000:
        errors["count"] = _("From 1 to 10000.")
    elif ratio is not None and not 1 <= ratio <= 100:
        errors["ratio"] = _("A percentage from 1 to 100.")
    if not 2 <= team_size <= 10:
        errors["team_size"] = _("At least two inspectors a team (双随机), at most 10.")
    bad_classes = [c for c in risk_classes or [] if c not in RiskClass.__members__.values()]
    if bad_classes:
        errors["risk_classes"] = _("Unknown: %(names)s", names=", ".join(bad_classes))
    if beacon_kind not in BEACON_KINDS:
        errors["beacon_kind"] = _("One of: %(names)s", names=", ".join(BEACON_KINDS))
    elif beacon_kind == "manual" and not beacon_source.strip():
        errors["beacon_source"] = _(
            "Name the public value, fixed after today, that the draw will use (e.g. a lottery "
            "result of a later day)."
        )
    region = _region(user, region_id, errors)
    if recusal_months is None:
        recusal_months = current_app.config["SPOTCHECK_RECUSAL_MONTHS"]
    if not 0 <= recusal_months <= 120:
        errors["recusal_months"] = _("From 0 to 120.")
    if errors:
        raise InputError(errors)
    assert item is not None and period_start and period_end
    template = _published(item.template)
    if template is None:
        raise Conflict(
            "template_unpublished",
            _("The item's checklist has no published version: publish it first."),
        )
    filters = {
        "region_id": region.id if region else None,
        "industry": industry.strip(),
        "risk_classes": sorted(risk_classes or []),
        "department": item.department,
    }
    committed_at = utcnow()
    pool = pools.snapshot(
        item,
        region=region,
        filters=filters,
        team_size=team_size,
        period_start=period_start,
        recusal_months=recusal_months,
        as_of=committed_at,
    )
    size = len(pool["targets"])
    wanted = count if count is not None else max(1, math.ceil(size * (ratio or 0) / 100))
    if wanted > size:
        raise Conflict(
            "pool_too_small",
            _(
                "The pool holds %(size)d targets; %(count)d cannot be drawn.",
                size=size,
                count=wanted,
            ),
        )
    if len(pool["inspectors"]) < team_size:
        raise Conflict(
            "pool_too_small",
            _(
                "The inspector pool of %(department)s holds %(n)d people; a team needs %(k)d.",
                department=item.department or "—",
                n=len(pool["inspectors"]),
                k=team_size,
            ),
        )
    short = drawing.unstaffable(pool)
    if short:
        names = db.session.scalars(sa.select(Organisation.name).where(Organisation.id.in_(short)))
        raise Conflict(
            "team_too_small",
            _(
                "After recusals, fewer than %(k)d inspectors may check: %(names)s.",
                k=team_size,
                names="、".join(names),
            ),
        )
    seed = drawing.new_seed()
    plan = SpotcheckPlan(
        item=item,
        period_start=period_start,
        period_end=period_end,
        planned_on=planned_on or period_start,
        region=region,
        inputs={},
        inputs_hash="",
        commitment=drawing.commitment(seed),
        seed=seed,
        committed_at=committed_at,
        client_id=client_id,
        created_by_id=user.id,
    )
    db.session.add(plan)
    db.session.flush()
    plan.inputs = {
        "algorithm": drawing.ALGORITHM,
        "plan_id": plan.id,
        "item": {"id": item.id, "matter": item.matter, "department": item.department},
        "period": {"start": period_start.isoformat(), "end": period_end.isoformat()},
        "planned_on": plan.planned_on.isoformat(),
        "template_id": template.id,
        "filters": filters,
        "count": wanted,
        "ratio": ratio,
        "recusal_months": recusal_months,
        "risk_weights": {c.value: w for c, w in RISK_WEIGHTS.items()},
        "beacon": {"kind": beacon_kind, "source": _beacon_source(beacon_kind, beacon_source)},
        "committed_at": committed_at.isoformat(),
        **pool,
    }
    plan.inputs_hash = drawing.inputs_hash(plan.inputs)
    audit.record("spotcheck_plan", plan.id, user.id, "committed", {}, _state(plan))
    db.session.flush()
    return plan, True


def _beacon_source(kind: str, source: str) -> str:
    if kind == "manual":
        return source.strip()[:300]
    return (
        "本计划承诺之后、抽取之前承诺的其他计划的承诺值，按计划编号顺序以“|”连接后的 SHA-256"
        "（没有则为空）"
    )


def _region(user: User, region_id: int | None, errors: dict[str, str]) -> Region | None:
    """The plan's region: a supervisor limited to a region draws inside it."""
    region = db.session.get(Region, region_id) if region_id else None
    if region_id and region is None:
        errors["region_id"] = _("No such region.")
        return None
    if user.role == Role.SUPERVISOR and user.region is not None:
        if region is None:
            return user.region
        if region.id not in user.region.subtree_ids():
            errors["region_id"] = _("Outside your region.")
    return region


def _published(template: ChecklistTemplate) -> ChecklistTemplate | None:
    """The newest published version of the item's checklist."""
    return db.session.scalar(
        sa.select(ChecklistTemplate)
        .where(
            ChecklistTemplate.lineage == template.lineage,
            ChecklistTemplate.status == TemplateStatus.PUBLISHED,
        )
        .order_by(ChecklistTemplate.version.desc())
        .limit(1)
    )


def _state(plan: SpotcheckPlan) -> dict[str, Any]:
    return {
        "status": plan.status.value,
        "commitment": plan.commitment,
        "inputs_hash": plan.inputs_hash,
    }


# --- the pool after the commitment --------------------------------------------------------


def pool_now(plan: SpotcheckPlan) -> dict[str, Any]:
    inputs = plan.inputs
    return pools.snapshot(
        plan.item,
        region=plan.region,
        filters=inputs["filters"],
        team_size=inputs["team_size"],
        period_start=plan.period_start,
        recusal_months=inputs["recusal_months"],
        as_of=dt.datetime.fromisoformat(inputs["committed_at"]),
    )


def pool_changes(plan: SpotcheckPlan) -> list[str]:
    """What differs between the frozen pool and the pool now, in Chinese (empty: unchanged)."""
    now = pool_now(plan)
    frozen = plan.inputs
    named = names({t["id"] for t in frozen["targets"]} | {t["id"] for t in now["targets"]})
    out = []
    before = {t["id"]: t["class"] for t in frozen["targets"]}
    after = {t["id"]: t["class"] for t in now["targets"]}
    for org in sorted(after.keys() - before.keys()):
        out.append(f"对象名录新增 {named.get(org, org)}")
    for org in sorted(before.keys() - after.keys()):
        out.append(f"对象名录移除 {named.get(org, org)}")
    for org in sorted(before.keys() & after.keys()):
        if before[org] != after[org]:
            out.append(f"{named.get(org, org)} 风险等级由 {before[org]} 改为 {after[org]}")
    added = set(now["inspectors"]) - set(frozen["inspectors"])
    removed = set(frozen["inspectors"]) - set(now["inspectors"])
    if added:
        out.append(f"检查人员名录新增 {len(added)} 人")
    if removed:
        out.append(f"检查人员名录移除 {len(removed)} 人")
    if {tuple(r) for r in now["recusals"]} != {tuple(r) for r in frozen["recusals"]}:
        out.append("回避关系有变化")
    return out


def names(ids: set[int]) -> dict[int, str]:
    """Organisation names by id, in one query."""
    if not ids:
        return {}
    return dict(
        db.session.execute(
            sa.select(Organisation.id, Organisation.name).where(Organisation.id.in_(ids))
        ).all()
    )


def void(plan: SpotcheckPlan, user: User | None, reason: str) -> None:
    plan.status = PlanStatus.VOID
    plan.void_reason = reason[:2000]
    plan.voided_at = utcnow()
    audit.record(
        "spotcheck_plan", plan.id, user.id if user else None, "voided", {}, _state(plan), reason
    )
    db.session.flush()


def void_changed(user: User | None) -> list[SpotcheckPlan]:
    """After a pool changed: void every committed plan whose pool is no longer the frozen one
    (visibly: the plan and its public page say why)."""
    voided = []
    for plan in db.session.scalars(
        sa.select(SpotcheckPlan).where(SpotcheckPlan.status == PlanStatus.COMMITTED)
    ):
        changes = pool_changes(plan)
        if changes:
            void(plan, user, POOL_CHANGED + "；".join(changes))
            voided.append(plan)
    return voided


# --- draw -----------------------------------------------------------------------------------


def beacon_for(plan: SpotcheckPlan, given: str | None) -> str:
    """The public value the draw mixes with the seed (fixed after the commitment)."""
    if plan.inputs["beacon"]["kind"] == "manual":
        value = (given or "").strip()
        if not value:
            raise InputError(
                {
                    "beacon": _(
                        "Give the public value: %(source)s", source=plan.inputs["beacon"]["source"]
                    )
                }
            )
        return value[:500]
    later = db.session.scalars(
        sa.select(SpotcheckPlan.commitment)
        .where(SpotcheckPlan.id > plan.id, SpotcheckPlan.committed_at >= plan.committed_at)
        .order_by(SpotcheckPlan.id)
    ).all()
    return drawing.sha256_hex("|".join(later)) if later else ""


def draw(plan: SpotcheckPlan, user: User, beacon: str | None = None) -> bool:
    """Draw: check the pool is the frozen one (else void the plan: 409 pool_changed), take the
    public value, run the algorithm, create one assigned, planned inspection per target.
    Drawing a drawn plan again changes nothing (False)."""
    if plan.status in (PlanStatus.DRAWN, PlanStatus.PUBLISHED):
        return False
    if plan.status == PlanStatus.VOID:
        raise Conflict("plan_void", _("This plan is void: %(why)s", why=plan.void_reason))
    changes = pool_changes(plan)
    if changes:
        void(plan, user, POOL_CHANGED + "；".join(changes))
        db.session.commit()
        raise Conflict(
            "pool_changed",
            _(
                "The pool changed after the commitment; the plan is void: %(what)s",
                what="；".join(changes),
            ),
        )
    value = beacon_for(plan, beacon)
    picks = drawing.draw(plan.inputs, plan.seed, value)
    template = db.session.get(ChecklistTemplate, plan.inputs["template_id"])
    people = {
        u.id: u
        for u in db.session.scalars(sa.select(User).where(User.id.in_(plan.inputs["inspectors"])))
    }
    organisations = {
        o.id: o
        for o in db.session.scalars(
            sa.select(Organisation).where(Organisation.id.in_([p.organisation_id for p in picks]))
        )
    }
    for position, pick in enumerate(picks, start=1):
        inspection, _created = workflow.create_inspection(
            template,
            organisations[pick.organisation_id],
            user,
            uuid=str(
                uuidlib.uuid5(uuidlib.NAMESPACE_URL, f"spotcheck:{plan.commitment}:{position}")
            ),
            planned_on=plan.planned_on,
            inspectors=[people[i] for i in pick.inspectors],
        )
        inspection.project = f"双随机抽查：{plan.item.matter}"[:200]
        plan.picks.append(
            SpotcheckPick(
                position=position,
                organisation_id=pick.organisation_id,
                inspectors=list(pick.inspectors),
                inspection=inspection,
            )
        )
    plan.beacon_value = value
    plan.status = PlanStatus.DRAWN
    plan.drawn_at = utcnow()
    audit.record(
        "spotcheck_plan", plan.id, user.id, "drawn", {}, _state(plan) | {"seed": plan.seed}
    )
    db.session.flush()
    return True


# --- results and publication ----------------------------------------------------------------


def approved_at(inspection_ids: list[int]) -> dict[int, dt.datetime]:
    """When each inspection was last approved (from its audit trail)."""
    if not inspection_ids:
        return {}
    rows = db.session.execute(
        sa.select(audit.AuditEntry.entity_id, sa.func.max(audit.AuditEntry.at))
        .where(
            audit.AuditEntry.entity == "inspection",
            audit.AuditEntry.action == "approved",
            audit.AuditEntry.entity_id.in_(inspection_ids),
        )
        .group_by(audit.AuditEntry.entity_id)
    ).all()
    return dict(rows)


def publish_due(approved: dt.datetime, calendar: workdays.OfficialCalendar) -> dt.date:
    """The last day an approved result may wait before it is public (SPOTCHECK_PUBLISH_DAYS
    working days after the approval)."""
    days = current_app.config["SPOTCHECK_PUBLISH_DAYS"]
    local = approved.astimezone(workdays.SHANGHAI).date()
    return workdays.deadline(local, days, workdays.Unit.WORKING_DAY, calendar).due_on


def publish(plan: SpotcheckPlan, user: User, today: dt.date) -> int:
    """Make public the results of the plan's approved inspections not yet public; the plan is
    ``published`` from the first time. Returns how many results became public."""
    if plan.status == PlanStatus.VOID:
        raise Conflict("plan_void", _("This plan is void: %(why)s", why=plan.void_reason))
    if plan.status == PlanStatus.COMMITTED:
        raise Conflict("not_drawn", _("Draw the plan first."))
    made = 0
    for pick in plan.picks:
        if pick.published_on is None and pick.inspection.status == InspectionStatus.APPROVED:
            pick.published_on = today
            made += 1
    if plan.status != PlanStatus.PUBLISHED:
        plan.status = PlanStatus.PUBLISHED
        plan.published_at = utcnow()
    audit.record("spotcheck_plan", plan.id, user.id, "published", {}, _state(plan), str(made))
    db.session.flush()
    return made


def failed_clauses(inspection_ids: list[int]) -> dict[int, list[str]]:
    """The clauses each inspection's current answers failed against (keys, in item order)."""
    out: dict[int, list[str]] = {i: [] for i in inspection_ids}
    if not inspection_ids:
        return out
    rows = db.session.execute(
        sa.select(Answer.inspection_id, TemplateItem.clause_key)
        .join(TemplateItem, TemplateItem.id == Answer.item_id)
        .where(
            Answer.inspection_id.in_(inspection_ids),
            Answer.current,
            Answer.result == "fail",
        )
        .order_by(Answer.inspection_id, TemplateItem.position)
    ).all()
    for inspection_id, key in rows:
        if key and key not in out[inspection_id]:
            out[inspection_id].append(key)
    return out


def public_results(plan: SpotcheckPlan) -> list[dict[str, Any]]:
    """What 一公开 shows of each published result: the organisation, the day, 合格/不合格 and
    the clauses failed. Nothing else of an inspection."""
    shown = [p for p in plan.picks if p.published_on is not None]
    failed = failed_clauses([p.inspection_id for p in shown])
    out = []
    for pick in shown:
        inspection = pick.inspection
        day = (
            inspection.submitted_at.astimezone(workdays.SHANGHAI).date()
            if inspection.submitted_at
            else inspection.planned_on
        )
        out.append(
            {
                "organisation_id": pick.organisation_id,
                "organisation": pick.organisation.name,
                "inspected_on": day.isoformat() if day else None,
                "result": "合格" if inspection.verdict == "pass" else "不合格",
                "failed_clauses": failed[pick.inspection_id],
                "published_on": pick.published_on.isoformat(),
            }
        )
    return out


def public_record(plan: SpotcheckPlan) -> dict[str, Any]:
    """The plan's public JSON: enough to recompute the draw (inputs, seed, beacon) and the
    results published. The seed appears only once the plan is drawn."""
    drawn = plan.status in (PlanStatus.DRAWN, PlanStatus.PUBLISHED)
    return {
        "id": plan.id,
        "status": plan.status.value,
        "item": plan.inputs["item"],
        "basis": plan.item.basis,
        "inputs": plan.inputs,
        "inputs_hash": plan.inputs_hash,
        "commitment": plan.commitment,
        "seed": plan.seed if drawn else None,
        "beacon": {
            **plan.inputs["beacon"],
            "value": plan.beacon_value if drawn else None,
        },
        "targets": [
            {
                "organisation_id": p.organisation_id,
                "inspectors": p.inspectors,
                "inspection_uuid": p.inspection.uuid,
            }
            for p in plan.picks
        ],
        "results": public_results(plan),
        "void_reason": plan.void_reason or None,
    }


def verify_stored(plan: SpotcheckPlan) -> tuple[list[drawing.Pick], list[str]]:
    """Verify a plan in the database: its public record, and that the inspections created are
    the ones drawn (organisation and team)."""
    picks, problems = drawing.verify(public_record(plan))
    for pick in plan.picks:
        team = sorted(u.id for u in pick.inspection.inspectors)
        if pick.inspection.organisation_id != pick.organisation_id:
            problems.append(f"第{pick.position}个对象的检查记录属于另一单位")
        if team != sorted(pick.inspectors):
            problems.append(f"第{pick.position}个对象的检查人员与抽取结果不符")
    return picks, problems
