"""Supervisors' pages: the review queue and the dashboard (filters kept in the URL)."""

from __future__ import annotations

import sqlalchemy as sa
from flask import Blueprint, render_template, request
from flask_babel import gettext as _
from flask_login import current_user

from checklists.accounts.models import Role
from checklists.accounts.permissions import role_required
from checklists.core.clock import local_today
from checklists.core.extensions import db
from inspections.filling.models import Inspection
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
        choices=review.choices(current_user),
    )


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
        choices=review.choices(current_user),
    )
