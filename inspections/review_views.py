"""Supervisors' pages: the review queue (filters kept in the URL)."""

from __future__ import annotations

import sqlalchemy as sa
from flask import Blueprint, render_template, request
from flask_login import current_user

from checklists.accounts.models import Role
from checklists.accounts.permissions import role_required
from checklists.extensions import db
from inspections import review
from inspections.models import Inspection

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
