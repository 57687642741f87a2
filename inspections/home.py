"""The app shell's pages: the home page (every feature's summary), the language switch and the
health check."""

from __future__ import annotations

import sqlalchemy as sa
from flask import (
    Blueprint,
    current_app,
    jsonify,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_login import current_user, login_required

from checklists.accounts.models import Organisation, Role
from checklists.accounts.permissions import visible_organisations
from checklists.core.clock import local_today
from checklists.core.extensions import db
from inspections.credit import due as credit_due
from inspections.findings import operations as findings
from inspections.spotcheck import coverage as spotcheck
from inspections.supervision import operations as supervision

bp = Blueprint("main", __name__)


@bp.route("/")
@login_required
def home():
    org_count = db.session.scalar(
        sa.select(sa.func.count()).select_from(visible_organisations(current_user).subquery())
    )
    own = (
        db.session.get(Organisation, current_user.organisation_id)
        if current_user.role == Role.ENTERPRISE
        else None
    )
    extra = {}
    if current_user.role != Role.AUTHOR:
        if own is not None:
            extra = findings.enterprise_home(current_user)
        extra["finding_counts"] = findings.finding_counts(current_user)
    if current_user.role in (Role.ADMIN, Role.SUPERVISOR):
        today = local_today()
        extra["hazard_counts"] = supervision.counts(current_user, today)
        work = credit_due.due_work(current_user, today)
        extra["credit_due"] = {
            "total": len(work),
            "overdue": sum(1 for item in work if item.overdue(today)),
        }
        checks = spotcheck.due_work(current_user, today)
        extra["spotcheck_due"] = {
            "total": len(checks),
            "overdue": sum(1 for item in checks if item.overdue(today)),
        }
    return render_template("home.html", org_count=org_count, own=own, **extra)


@bp.route("/lang/<code>", methods=["POST"])
def set_language(code: str):
    """Remember a language for this browser session (logged-in users keep theirs in settings)."""
    if code in current_app.config["LANGUAGES"]:
        session["lang"] = code
    target = request.form.get("next", "")
    return redirect(
        target if target.startswith("/") and not target.startswith("//") else url_for("main.home")
    )


@bp.route("/healthz")
def healthz():
    """200 when the database answers, 503 otherwise."""
    try:
        db.session.execute(sa.text("SELECT 1"))
    except sa.exc.SQLAlchemyError as exc:
        current_app.logger.error("health check failed: %s", exc)
        return jsonify(status="error", database="unreachable"), 503
    return jsonify(status="ok", database="ok")
