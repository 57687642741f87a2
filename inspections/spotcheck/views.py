"""Spot-check pages: coverage and due work, the 随机抽查事项清单, the 名录库 with its Excel
imports, plans with their commitment, draw and publication; and the public pages (一公开, no
login): the list of items, each plan with its draw and results, its JSON, and a page that
checks a draw.

The pages parse what was typed, call the services and render; the services judge in the
contract's order (404 → 403 → 409 → 422)."""

from __future__ import annotations

import json
import uuid as uuidlib
from typing import Any

import sqlalchemy as sa
from flask import Blueprint, abort, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from checklists.accounts.forms import choices
from checklists.accounts.models import Organisation, OrgKind, Region, Role, User
from checklists.accounts.permissions import visible_organisations
from checklists.authoring.models import ChecklistTemplate, TemplateStatus
from checklists.core.clock import local_today
from checklists.core.errors import Conflict, InputError
from checklists.core.extensions import db
from checklists.core.schemas import query_id
from inspections.spotcheck import coverage, frequency, items, plans, pools
from inspections.spotcheck import draw as drawing
from inspections.spotcheck.forms import (
    METHOD_LABELS,
    ConflictForm,
    DrawForm,
    ImportForm,
    ItemForm,
    PlanForm,
    VerifyForm,
)
from inspections.spotcheck.models import (
    RISK_LABELS,
    RISK_WEIGHTS,
    PlanStatus,
    RiskClass,
    SpotcheckConflict,
    SpotcheckInspector,
    SpotcheckItem,
    SpotcheckPlan,
)

bp = Blueprint("spotcheck", __name__, url_prefix="/spotcheck")
public_bp = Blueprint("spotcheck_public", __name__, url_prefix="/public/spotcheck")

STATUS_LABELS = {
    PlanStatus.COMMITTED: "已承诺（待抽取）",
    PlanStatus.DRAWN: "已抽取",
    PlanStatus.PUBLISHED: "已公开",
    PlanStatus.VOID: "已作废",
}


@bp.app_context_processor
def _labels() -> dict[str, Any]:
    return {
        "spotcheck_status_labels": STATUS_LABELS,
        "risk_labels": {c.value: label for c, label in RISK_LABELS.items()},
        "risk_weights": {c.value: w for c, w in RISK_WEIGHTS.items()},
        "spotcheck_method_labels": METHOD_LABELS,
    }


def _staff() -> None:
    if current_user.role not in (Role.ADMIN, Role.SUPERVISOR):
        abort(403)


def _plan(plan_id: int) -> SpotcheckPlan:
    try:
        return plans.get_plan(current_user, plan_id)
    except plans.NotFoundError:
        abort(404)
    except plans.Forbidden:
        abort(403)


def _errors_on(form, exc: InputError, default: str) -> None:
    for name, message in exc.fields.items():
        target = form[name] if name in form else form[default]
        target.errors = [*(target.errors or []), message]


# --- overview ---------------------------------------------------------------------------------


@bp.route("/")
@login_required
def index():
    """Coverage of each item this period, the due work and the plans."""
    _staff()
    today = local_today()
    recent = db.session.scalars(
        plans.visible_plans(current_user).order_by(SpotcheckPlan.id.desc()).limit(50)
    ).all()
    return render_template(
        "spotcheck/index.html",
        board=coverage.board(current_user, today),
        due=coverage.due_work(current_user, today),
        plans=recent,
        today=today,
        period_label=frequency.period_label,
    )


# --- items ------------------------------------------------------------------------------------


def _item_choices(form: ItemForm) -> None:
    form.target_kind.choices = choices(
        [
            ("", _("Any")),
            (OrgKind.ENTERPRISE.value, _("Enterprise")),
            (OrgKind.GOVERNMENT.value, _("Government unit")),
        ]
    )
    form.region_id.choices = choices(
        [("", _("Any"))]
        + [
            (str(r.id), r.full_name)
            for r in db.session.scalars(sa.select(Region).order_by(Region.id))
        ]
    )
    templates = db.session.scalars(
        sa.select(ChecklistTemplate)
        .where(ChecklistTemplate.status == TemplateStatus.PUBLISHED)
        .order_by(ChecklistTemplate.name, ChecklistTemplate.version.desc())
    )
    form.template_id.choices = choices(
        [("", _("Choose…"))] + [(str(t.id), f"{t.name}（v{t.version}）") for t in templates]
    )


@bp.route("/items/new", methods=["GET", "POST"])
@bp.route("/items/<int:item_id>", methods=["GET", "POST"])
@login_required
def item_edit(item_id: int | None = None):
    item = db.session.get(SpotcheckItem, item_id) if item_id is not None else None
    if item_id is not None and item is None:
        abort(404)
    _staff()
    form = ItemForm(obj=item) if request.method == "GET" and item else ItemForm()
    _item_choices(form)
    if request.method == "GET" and item is not None:
        form.basis.data = "\n".join(item.basis)
        form.target_kind.data = item.target_kind.value if item.target_kind else ""
        form.region_id.data = str(item.region_id or "")
        form.template_id.data = str(item.template_id)
        form.method.data = item.method.value
        form.rule_kind.data, form.rule_period.data = item.rule_kind.value, item.rule_period.value
    status = 200
    if request.method == "POST":
        if form.validate_on_submit():
            data = {
                "department": form.department.data,
                "matter": form.matter.data,
                "target_kind": form.target_kind.data,
                "industry": form.industry.data,
                "region_id": query_id(form.region_id.data),
                "basis": (form.basis.data or "").splitlines(),
                "method": form.method.data,
                "template_id": query_id(form.template_id.data),
                "rule_kind": form.rule_kind.data,
                "rule_period": form.rule_period.data,
                "rule_value": form.rule_value.data or 1,
                "active": form.active.data,
            }
            try:
                saved = items.save(current_user, item, data)
            except InputError as exc:
                db.session.rollback()
                _errors_on(form, exc, "matter")
            else:
                db.session.commit()
                flash(_("Item saved."), "success")
                return redirect(url_for("spotcheck.items_page", _anchor=f"item-{saved.id}"))
        status = 422
    return render_template("spotcheck/item_edit.html", form=form, item=item), status


@bp.route("/items")
@login_required
def items_page():
    _staff()
    rows = db.session.scalars(
        sa.select(SpotcheckItem).order_by(SpotcheckItem.department, SpotcheckItem.id)
    )
    return render_template(
        "spotcheck/items.html", rows=[(i, items.bases(i)) for i in rows], public=False
    )


# --- pools ------------------------------------------------------------------------------------


@bp.route("/pools", methods=["GET"])
@login_required
def pools_page():
    _staff()
    return _render_pools(
        ImportForm(prefix="targets"), ImportForm(prefix="inspectors"), _conflict_form()
    )


def _conflict_form() -> ConflictForm:
    form = ConflictForm(prefix="conflict")
    people = db.session.scalars(
        sa.select(User)
        .join(SpotcheckInspector, SpotcheckInspector.user_id == User.id)
        .order_by(User.username)
    )
    form.user_id.choices = choices([("", _("Choose…"))] + [(str(u.id), u.name) for u in people])
    orgs = db.session.scalars(visible_organisations(current_user).order_by(Organisation.name))
    form.organisation_id.choices = choices(
        [("", _("Choose…"))] + [(str(o.id), o.name) for o in orgs]
    )
    return form


def _render_pools(targets_form, inspectors_form, conflict_form, status: int = 200):
    targets = db.session.scalars(pools.visible_targets(current_user)).all()
    people = db.session.scalars(
        sa.select(SpotcheckInspector)
        .join(User, User.id == SpotcheckInspector.user_id)
        .order_by(SpotcheckInspector.department, User.username)
    ).all()
    visible = visible_organisations(current_user).with_only_columns(Organisation.id)
    conflicts = db.session.scalars(
        sa.select(SpotcheckConflict)
        .where(SpotcheckConflict.organisation_id.in_(visible))
        .order_by(SpotcheckConflict.id)
    ).all()
    return (
        render_template(
            "spotcheck/pools.html",
            targets=targets,
            people=people,
            conflicts=conflicts,
            targets_form=targets_form,
            inspectors_form=inspectors_form,
            conflict_form=conflict_form,
        ),
        status,
    )


@bp.route("/pools/<kind>", methods=["POST"])
@login_required
def pools_import(kind: str):
    """Import the target (``targets``) or inspector (``inspectors``) pool from a sheet: all
    rows or none; a committed plan whose pool changed becomes void."""
    if kind not in ("targets", "inspectors"):
        abort(404)
    _staff()
    forms = {"targets": ImportForm(prefix="targets"), "inspectors": ImportForm(prefix="inspectors")}
    form = forms[kind]
    upload = form.file.data if form.validate_on_submit() else None
    if upload is None or not getattr(upload, "filename", ""):
        form.file.errors = [_("Choose an Excel file (.xlsx).")]
        return _render_pools(forms["targets"], forms["inspectors"], _conflict_form(), 422)
    try:
        data = upload.read()
        result = (
            pools.import_targets(current_user, data)
            if kind == "targets"
            else pools.import_inspectors(data)
        )
    except InputError as exc:
        db.session.rollback()
        form.file.errors = [f"{where}：{why}" for where, why in exc.fields.items()]
        return _render_pools(forms["targets"], forms["inspectors"], _conflict_form(), 422)
    _commit_pool_change()
    flash(
        _(
            "Imported: %(created)d new, %(updated)d updated.",
            created=result.created,
            updated=result.updated,
        ),
        "success",
    )
    return redirect(url_for("spotcheck.pools_page"))


def _commit_pool_change() -> None:
    """A pool changed: void the committed plans it changes, commit, and say which."""
    voided = plans.void_changed(current_user)
    db.session.commit()
    for plan in voided:
        flash(_("Plan %(id)d is void: its pool changed after the commitment.", id=plan.id), "error")


@bp.route("/pools/conflicts", methods=["POST"])
@login_required
def conflict_new():
    _staff()
    form = _conflict_form()
    user = (
        db.session.get(User, query_id(form.user_id.data) or 0)
        if form.validate_on_submit()
        else None
    )
    org = db.session.scalar(
        visible_organisations(current_user).where(
            Organisation.id == (query_id(form.organisation_id.data) or 0)
        )
    )
    if user is None or org is None:
        if user is None:
            form.user_id.errors = [_("This field is required.")]
        if org is None:
            form.organisation_id.errors = [_("This field is required.")]
        return _render_pools(
            ImportForm(prefix="targets"), ImportForm(prefix="inspectors"), form, 422
        )
    pools.declare_conflict(user, org, form.reason.data or "")
    _commit_pool_change()
    flash(
        _(
            "Conflict recorded: %(user)s will not be drawn for %(org)s.",
            user=user.name,
            org=org.name,
        ),
        "success",
    )
    return redirect(url_for("spotcheck.pools_page"))


# --- plans ------------------------------------------------------------------------------------


@bp.route("/plans/new", methods=["GET", "POST"])
@login_required
def plan_new():
    _staff()
    form = PlanForm()
    active = db.session.scalars(
        sa.select(SpotcheckItem).where(SpotcheckItem.active).order_by(SpotcheckItem.id)
    ).all()
    form.item_id.choices = choices(
        [("", _("Choose…"))]
        + [(str(i.id), f"{i.department}：{i.matter}（{i.rule.describe()}）") for i in active]
    )
    regions = (
        [current_user.region]
        if current_user.role == Role.SUPERVISOR and current_user.region
        else []
    )
    if not regions:
        regions = db.session.scalars(sa.select(Region).order_by(Region.id)).all()
        form.region_id.choices = choices(
            [("", _("Any"))] + [(str(r.id), r.full_name) for r in regions]
        )
    else:
        region = regions[0]
        form.region_id.choices = choices(
            [(str(region.id), region.full_name)]
            + [(str(c.id), c.full_name) for c in region.children]
        )
    if request.method == "GET":
        form.item_id.data = request.args.get("item_id", "")
        form.client_id.data = str(uuidlib.uuid4())
        item = db.session.get(SpotcheckItem, query_id(form.item_id.data) or 0)
        if item is not None:
            start, end = frequency.period_of(local_today(), item.rule_period)
            form.period_start.data, form.period_end.data = start, end
        return render_template("spotcheck/plan_new.html", form=form)
    if form.validate_on_submit():
        try:
            plan, _created = plans.create(
                current_user,
                item_id=query_id(form.item_id.data),
                period_start=form.period_start.data,
                period_end=form.period_end.data,
                planned_on=form.planned_on.data,
                count=form.count.data,
                ratio=form.ratio.data,
                team_size=form.team_size.data or 2,
                region_id=query_id(form.region_id.data),
                industry=form.industry.data or "",
                risk_classes=list(form.risk_classes.data or []),
                recusal_months=form.recusal_months.data,
                beacon_kind="manual"
                if (form.beacon_source.data or "").strip()
                else "later_commitments",
                beacon_source=form.beacon_source.data or "",
                client_id=form.client_id.data or None,
            )
        except InputError as exc:
            db.session.rollback()
            _errors_on(form, exc, "item_id")
        except Conflict as exc:
            db.session.rollback()
            flash(exc.message, "error")
            return render_template("spotcheck/plan_new.html", form=form), 409
        else:
            db.session.commit()
            flash(
                _(
                    "Plan committed. Its commitment is public; "
                    "the seed stays secret until the draw."
                ),
                "success",
            )
            return redirect(url_for("spotcheck.plan", plan_id=plan.id))
    return render_template("spotcheck/plan_new.html", form=form), 422


def _plan_view(plan: SpotcheckPlan) -> dict[str, Any]:
    """What a plan page shows: names for the ids of its inputs and draw."""
    orgs = plans.names({t["id"] for t in plan.inputs["targets"]})
    return {"orgs": orgs, "record": plans.public_record(plan)}


@bp.route("/plans/<int:plan_id>")
@login_required
def plan(plan_id: int):
    return _plan_page(_plan(plan_id))


def _plan_page(p: SpotcheckPlan, status: int = 200, draw_form: DrawForm | None = None):
    """The plan's page; a refused draw or publication shows it again with its status (a 4xx
    answer is never followed as a redirect: the browser would show a bare "Redirecting...")."""
    people = {}
    if p.picks:
        ids = {i for pick in p.picks for i in pick.inspectors}
        people = {u.id: u for u in db.session.scalars(sa.select(User).where(User.id.in_(ids)))}
    changes = plans.pool_changes(p) if p.status == PlanStatus.COMMITTED else []
    return render_template(
        "spotcheck/plan.html",
        plan=p,
        people=people,
        changes=changes,
        draw_form=draw_form or DrawForm(),
        approved=plans.approved_at([pick.inspection_id for pick in p.picks]),
        **_plan_view(p),
    ), status


@bp.route("/plans/<int:plan_id>/draw", methods=["POST"])
@login_required
def plan_draw(plan_id: int):
    p = _plan(plan_id)
    form = DrawForm()
    form.validate_on_submit()
    try:
        plans.draw(p, current_user, form.beacon.data)
    except Conflict as exc:
        db.session.rollback()
        flash(exc.message, "error")
        return _plan_page(p, 409)
    except InputError as exc:
        db.session.rollback()
        form.beacon.errors = [*(form.beacon.errors or []), *exc.fields.values()]
        return _plan_page(p, 422, form)
    db.session.commit()
    flash(_("Drawn: the inspections are assigned and planned."), "success")
    return redirect(url_for("spotcheck.plan", plan_id=plan_id))


@bp.route("/plans/<int:plan_id>/publish", methods=["POST"])
@login_required
def plan_publish(plan_id: int):
    p = _plan(plan_id)
    try:
        made = plans.publish(p, current_user, local_today())
    except Conflict as exc:
        db.session.rollback()
        flash(exc.message, "error")
        return _plan_page(p, 409)
    db.session.commit()
    flash(_("%(n)d results made public.", n=made), "success")
    return redirect(url_for("spotcheck.plan", plan_id=plan_id))


# --- public (一公开) ----------------------------------------------------------------------------


@public_bp.route("")
def public_index():
    """The 随机抽查事项清单 and the plans, for everyone."""
    rows = db.session.scalars(
        sa.select(SpotcheckItem)
        .where(SpotcheckItem.active)
        .order_by(SpotcheckItem.department, SpotcheckItem.id)
    )
    listed = db.session.scalars(
        sa.select(SpotcheckPlan).order_by(SpotcheckPlan.id.desc()).limit(200)
    ).all()
    return render_template(
        "spotcheck/public_index.html", rows=[(i, items.bases(i)) for i in rows], plans=listed
    )


def _public_plan(plan_id: int) -> SpotcheckPlan:
    found = db.session.get(SpotcheckPlan, plan_id)
    if found is None:
        abort(404)
    return found


@public_bp.route("/<int:plan_id>")
def plan_page(plan_id: int):
    p = _public_plan(plan_id)
    return render_template("spotcheck/public_plan.html", plan=p, **_plan_view(p))


@public_bp.route("/<int:plan_id>.json")
def plan_json(plan_id: int):
    """The plan's public record: inputs, inputs_hash, commitment, seed (after the draw),
    beacon, targets, results."""
    response = jsonify(plans.public_record(_public_plan(plan_id)))
    response.headers["Content-Disposition"] = f'inline; filename="spotcheck-{plan_id}.json"'
    return response


@public_bp.route("/verify", methods=["GET", "POST"])
def verify():
    """Check a draw: paste a plan's public JSON (or give its number)."""
    form = VerifyForm()
    outcome = None
    if request.method == "POST":
        text = (form.record.data or "").strip()
        number = query_id(form.plan_id.data)
        record = None
        if number is not None:
            record = plans.public_record(_public_plan(number))
            form.record.data = json.dumps(record, ensure_ascii=False, indent=1)
        else:
            try:
                record = json.loads(text) if len(text) < 5_000_000 else None
            except ValueError:
                record = None
        if not isinstance(record, dict):
            outcome = {"ok": False, "problems": [_("Not a plan's public JSON.")], "picks": []}
        else:
            picks, problems = drawing.verify(record)
            outcome = {"ok": not problems, "problems": problems, "picks": picks}
    return render_template("spotcheck/verify.html", outcome=outcome, form=form)


@bp.app_template_global("risk_class_label")
def risk_class_label(value: str) -> str:
    try:
        return RISK_LABELS[RiskClass(value)]
    except ValueError:
        return value
