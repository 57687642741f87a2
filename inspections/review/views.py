"""Supervisors' pages: the review queue, deciding on a queued inspection (approve or return,
then on to the next one in the queue) and the dashboard (filters kept in the URL)."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from checklists.accounts.models import Role
from checklists.accounts.permissions import role_required
from checklists.core.clock import local_today
from checklists.core.errors import Conflict, InputError
from checklists.core.extensions import db
from inspections.filling import workflow
from inspections.filling.models import Inspection
from inspections.filling.permissions import checked
from inspections.review import charts as charts_module
from inspections.review import dashboard as dash
from inspections.review import queue as review
from inspections.spotcheck import coverage as spotcheck_coverage

bp = Blueprint("review", __name__, url_prefix="/review")


@bp.route("/")
@role_required(Role.SUPERVISOR)
def queue():
    filters = review.parse_filters(request.args)
    rows = db.session.scalars(
        review.queue(current_user, filters)
        .options(
            sa.orm.joinedload(Inspection.organisation),
            sa.orm.joinedload(Inspection.template),
            sa.orm.selectinload(Inspection.inspectors),
        )
        .limit(500)
    ).all()
    return render_template(
        "review/queue.html",
        rows=rows,
        filters=filters,
        choices=review.choices(current_user, filters),
    )


@bp.app_context_processor
def _review_args() -> dict[str, Any]:
    """``review_args()``: the review filters of the current address (as the queue's links carry
    them), for the decision forms of an inspection's page."""
    return {"review_args": lambda: review.parse_filters(request.args).args()}


def _decided(inspection: Inspection, filters: review.Filters, done: str):
    """After a decision: flash what was done and go on to the next inspection in the queue (the
    same filters), or back to the queue when nothing else waits."""
    following = review.next_in_queue(current_user, filters, after=inspection)
    flash(done, "success")
    if following is None:
        flash(_("Nothing else waits in the review queue."), "info")
        return redirect(url_for(".queue", **filters.args()), 303)
    flash(_("Next in the review queue: %(name)s.", name=following.organisation.name), "info")
    return redirect(url_for("inspections.show", key=following.uuid, **filters.args()), 303)


def _decision_target(key) -> Inspection:
    inspection, status = checked(current_user, key, review=True)
    if status != 200:
        abort(status)
    return inspection


def _back(inspection: Inspection, filters: review.Filters):
    return redirect(
        url_for("inspections.show", key=inspection.uuid, _anchor="decision", **filters.args()),
        303,
    )


@bp.route("/<uuid:key>/approve", methods=["POST"])
@login_required
def approve(key):
    """Approve from the inspection's page, then on to the next queued inspection."""
    inspection = _decision_target(key)
    filters = review.parse_filters(request.args)
    try:
        changed = workflow.approve(inspection, current_user, request.form.get("comment", ""))
    except Conflict as exc:
        db.session.rollback()
        flash(exc.message, "error")
        return _back(inspection, filters)
    db.session.commit()
    name = inspection.organisation.name
    if changed:
        done = _("Approved the inspection of %(name)s: its score stands.", name=name)
    else:
        done = _("The inspection of %(name)s was already approved.", name=name)
    return _decided(inspection, filters, done)


@bp.route("/<uuid:key>/return", methods=["POST"])
@login_required
def return_inspection(key):
    """Return for correction (with a comment, sent to the inspectors) from the inspection's
    page, then on to the next queued inspection."""
    inspection = _decision_target(key)
    filters = review.parse_filters(request.args)
    try:
        workflow.return_for_correction(inspection, current_user, request.form.get("comment", ""))
    except InputError as exc:
        db.session.rollback()
        flash("；".join(exc.fields.values()), "error")
        return _back(inspection, filters)
    except Conflict as exc:
        db.session.rollback()
        flash(exc.message, "error")
        return _back(inspection, filters)
    db.session.commit()
    done = _(
        "Returned the inspection of %(name)s for correction: its inspectors are notified.",
        name=inspection.organisation.name,
    )
    return _decided(inspection, filters, done)


@bp.route("/dashboard")
@role_required(Role.SUPERVISOR)
def dashboard():
    filters = review.parse_filters(request.args)
    data = dash.build(current_user, filters, local_today())
    spotchecks = spotcheck_coverage.board(current_user, local_today())

    def scores(rows: list, title: str) -> str:
        """Average scores as bars out of 100, those under 60 in red."""
        return charts_module.bar_chart(
            [(name, float(avg)) for name, avg, _n in rows],
            title=title,
            max_value=100,
            highlight=lambda _label, value: value < 60,
            empty=_("No data"),
        )

    charts = {
        "organisation": scores(
            data.by_organisation, _("Average score by organisation (lowest first)")
        ),
        "region": scores(data.by_region, _("Average score by region")),
        "template": scores(data.by_template, _("Average score by checklist")),
        "time": charts_module.line_chart(
            [
                (name, [(m, None if v is None else float(v)) for m, v in points])
                for name, points in data.over_time
            ],
            title=_("Average score by month"),
            empty=_("No data"),
        ),
        "distribution": charts_module.histogram(
            data.distribution,
            title=_("Score distribution"),
            highlight=lambda label, _n: label == "<60",
            empty=_("No data"),
        ),
        "spotcheck": charts_module.bar_chart(
            [
                (item.matter, round(100 * st.progress / st.demanded) if st.demanded else 100)
                for item, st in spotchecks
            ],
            title=_("Random spot checks: share of this period's demand done"),
            unit="%",
            max_value=100,
            highlight=lambda _label, value: value < 100,
            empty=_("No data"),
        ),
        "clauses": charts_module.bar_chart(
            [(row["prompt"] or row["key"], row["count"]) for row in data.failed_clauses],
            title=_("Most failed clauses (inspections)"),
            empty=_("No data"),
        ),
    }
    return render_template(
        "review/dashboard.html",
        data=data,
        time_rows=[
            [month, *(dict(points).get(month) for _name, points in data.over_time)]
            for month in data.months
        ],
        charts=charts,
        spotchecks=spotchecks,
        filters=filters,
        choices=review.choices(current_user, filters),
    )
