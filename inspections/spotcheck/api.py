"""双随机、一公开 in the JSON API: ``/api/v1/spotcheck/plans`` (commit, list, show, draw,
publish), ``/spotcheck/items``, ``/spotcheck/coverage`` and ``/spotcheck/due``. The contract
is ``inspections.spotcheck.schemas``; the public record is ``/public/spotcheck/<id>.json``."""

from __future__ import annotations

from flask import request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from checklists.accounts.models import Role
from checklists.core.api import (
    ApiError,
    ApiRoutes,
    args,
    body,
    error_response,
    paginate,
    refuse_unless_ok,
    reply,
)
from checklists.core.clock import local_today
from checklists.core.extensions import db
from inspections.spotcheck import coverage, plans
from inspections.spotcheck import schemas as s
from inspections.spotcheck.models import SpotcheckItem, SpotcheckPlan

routes = ApiRoutes()


@routes.errorhandler(plans.NotFoundError)
def _missing(_exc):
    return error_response(ApiError(404, "not_found", _("Not found.")))


@routes.errorhandler(plans.Forbidden)
def _forbidden(_exc):
    return error_response(ApiError(403, "forbidden", _("Your role may not do this.")))


def _staff() -> None:
    if current_user.role not in (Role.ADMIN, Role.SUPERVISOR):
        refuse_unless_ok(403)


def target_json(pick) -> s.SpotcheckTargetOut:
    return s.SpotcheckTargetOut(
        organisation_id=pick.organisation_id,
        organisation=pick.organisation.name,
        inspectors=pick.inspectors,
        inspection_uuid=pick.inspection.uuid,
        inspection_status=pick.inspection.status.value,
        published_on=pick.published_on,
    )


def plan_json(plan: SpotcheckPlan) -> s.SpotcheckPlan:
    drawn = plan.drawn_at is not None
    return s.SpotcheckPlan(
        id=plan.id,
        status=plan.status,
        item_id=plan.item_id,
        matter=plan.item.matter,
        period_start=plan.period_start,
        period_end=plan.period_end,
        planned_on=plan.planned_on,
        count=plan.inputs["count"],
        team_size=plan.inputs["team_size"],
        commitment=plan.commitment,
        inputs_hash=plan.inputs_hash,
        seed=plan.seed if drawn else None,
        beacon={**plan.inputs["beacon"], "value": plan.beacon_value if drawn else None},
        committed_at=plan.committed_at,
        drawn_at=plan.drawn_at,
        published_at=plan.published_at,
        void_reason=plan.void_reason,
        client_id=plan.client_id,
        targets=[target_json(p) for p in plan.picks],
        public=url_for("spotcheck_public.plan_page", plan_id=plan.id),
    )


@routes.route(
    "/spotcheck/plans",
    query=s.SpotcheckPlanQuery,
    responses={200: ([s.SpotcheckPlan], "One page, newest first"), 403: "Supervisors only"},
)
def spotcheck_plans():
    """The plans the caller may see (a supervisor: those drawing in their region)."""
    _staff()
    wanted = args(s.SpotcheckPlanQuery)
    query = plans.visible_plans(current_user).order_by(SpotcheckPlan.id.desc())
    if wanted.status is not None:
        query = query.where(SpotcheckPlan.status == wanted.status)
    if wanted.item_id is not None:
        query = query.where(SpotcheckPlan.item_id == wanted.item_id)
    return paginate(query, wanted, plan_json)


@routes.route(
    "/spotcheck/plans",
    methods=["POST"],
    body=s.SpotcheckPlanCreate,
    responses={
        201: (s.SpotcheckPlan, "Committed: its commitment and inputs_hash are public"),
        200: (s.SpotcheckPlan, "Already committed with this client_id"),
        403: "Supervisors and administrators only",
        409: "id_reused; template_unpublished; pool_too_small; team_too_small (recusals "
        "leave a target fewer inspectors than a team)",
        422: "No client_id, item, period; a count and a ratio both or neither",
    },
)
def spotcheck_plan_create():
    """Commit a plan (the seed stays secret until the draw); the same client_id again
    answers 200 with the plan."""
    _staff()
    data = body(s.SpotcheckPlanCreate)
    plan, created = plans.create(
        current_user,
        item_id=data.item_id,
        period_start=data.period_start,
        period_end=data.period_end,
        planned_on=data.planned_on,
        count=data.count,
        ratio=data.ratio,
        team_size=data.team_size,
        region_id=data.region_id,
        industry=data.industry,
        risk_classes=[c.value for c in data.risk_classes],
        recusal_months=data.recusal_months,
        beacon_kind=data.beacon_kind,
        beacon_source=data.beacon_source,
        client_id=data.client_id,
    )
    db.session.commit()
    return reply(plan_json(plan), 201 if created else 200)


@routes.route(
    "/spotcheck/plans/<int:plan_id>",
    responses={200: (s.SpotcheckPlan, "The plan"), 403: "Supervisors only", 404: "Missing"},
)
def spotcheck_plan(plan_id: int):
    """One plan: its commitment, and after the draw its seed, targets and inspections."""
    return reply(plan_json(plans.get_plan(current_user, plan_id)))


@routes.route(
    "/spotcheck/plans/<int:plan_id>/draw",
    methods=["POST"],
    body=s.SpotcheckDrawBody,
    responses={
        200: (s.SpotcheckDrawn, "Drawn (again: the same draw)"),
        403: "Supervisors only",
        404: "Missing, or outside the caller's region",
        409: "pool_changed (the plan is now void); plan_void",
        422: "A manual beacon's value missing",
    },
)
def spotcheck_draw(plan_id: int):
    """Draw: reveal the seed, mix it with the public value, pick targets and teams and create
    the inspections, assigned and planned."""
    plan = plans.get_plan(current_user, plan_id)
    data = body(s.SpotcheckDrawBody) if _has_body() else s.SpotcheckDrawBody()
    plans.draw(plan, current_user, data.beacon)
    db.session.commit()
    return reply(
        s.SpotcheckDrawn(
            id=plan.id,
            status=plan.status,
            seed=plan.seed,
            beacon=plan.beacon_value or "",
            targets=[target_json(p) for p in plan.picks],
        )
    )


def _has_body() -> bool:
    return bool(request.get_data(cache=True))


@routes.route(
    "/spotcheck/plans/<int:plan_id>/publish",
    methods=["POST"],
    responses={
        200: (s.SpotcheckPublished, "The approved results are public"),
        403: "Supervisors only",
        404: "Missing",
        409: "not_drawn; plan_void",
    },
)
def spotcheck_publish(plan_id: int):
    """一公开: make public the results of the plan's approved inspections."""
    plan = plans.get_plan(current_user, plan_id)
    made = plans.publish(plan, current_user, local_today())
    db.session.commit()
    return reply(s.SpotcheckPublished(id=plan.id, status=plan.status, published=made))


@routes.route(
    "/spotcheck/items",
    responses={200: ([s.SpotcheckItem], "The 随机抽查事项清单"), 403: "Supervisors only"},
)
def spotcheck_items():
    """The items of the 随机抽查事项清单 (also public at /public/spotcheck)."""
    _staff()
    return reply([item_json(i) for i in db.session.scalars(db.select(SpotcheckItem))])


def item_json(item: SpotcheckItem) -> s.SpotcheckItem:
    return s.SpotcheckItem(
        id=item.id,
        department=item.department,
        matter=item.matter,
        target_kind=item.target_kind.value if item.target_kind else None,
        industry=item.industry,
        region_id=item.region_id,
        basis=item.basis,
        method=item.method,
        template_id=item.template_id,
        rule_kind=item.rule_kind,
        rule_period=item.rule_period,
        rule_value=item.rule_value,
        rule=item.rule.describe(),
        active=item.active,
    )


@routes.route(
    "/spotcheck/coverage",
    responses={200: ([s.SpotcheckStanding], "Each item this period"), 403: "Supervisors only"},
)
def spotcheck_coverage():
    """Each active item's rule in the current period: demanded, planned, done, overdue and
    the share of the pool covered."""
    _staff()
    out = []
    for item, st in coverage.board(current_user, local_today()):
        out.append(
            s.SpotcheckStanding(
                item_id=item.id,
                matter=item.matter,
                rule=item.rule.describe(),
                period_start=st.start,
                period_end=st.end,
                pool_size=st.pool_size,
                demanded=st.demanded,
                planned=st.planned,
                done=st.done,
                overdue=st.overdue,
                covered=st.covered,
                coverage=st.coverage,
                to_plan=st.to_plan,
            )
        )
    return reply(out)


@routes.route(
    "/spotcheck/due",
    responses={200: ([s.SpotcheckDue], "Due work"), 403: "Supervisors only"},
)
def spotcheck_due():
    """What the frequency rules and plans ask now: plans to make, inspections, results."""
    _staff()
    today = local_today()
    return reply(
        [
            s.SpotcheckDue(
                what=d.what, text=d.text, due_on=d.due_on, overdue=d.overdue(today), link=d.link
            )
            for d in coverage.due_work(current_user, today)
        ]
    )
