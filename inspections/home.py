"""The app shell's pages: the home page (every feature's summary), the language switch, and the
health checks (``/healthz``: the process answers; ``/readyz``: what it needs answers too)."""

from __future__ import annotations

import datetime as dt

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

from checklists.accounts.models import Organisation, Role, User
from checklists.accounts.permissions import visible_organisations
from checklists.authoring.models import ChecklistTemplate, SourceChange, TemplateStatus
from checklists.core import health
from checklists.core.clock import local_today
from checklists.core.extensions import db
from inspections.credit import due as credit_due
from inspections.filling.models import InspectionStatus
from inspections.filling.permissions import visible_inspections
from inspections.findings import operations as findings
from inspections.review import queue as review
from inspections.scheduling import operations as scheduling
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
    today = local_today()
    if current_user.role != Role.AUTHOR:
        if own is not None:
            extra = findings.enterprise_home(current_user)
        extra["finding_counts"] = findings.finding_counts(current_user)
    if current_user.role in (Role.ADMIN, Role.INSPECTOR, Role.SUPERVISOR):
        extra["inspection_counts"] = inspection_counts(current_user, today)
        extra["schedule_counts"] = scheduling.counts(current_user, today)
    if current_user.role in (Role.ADMIN, Role.AUTHOR):
        extra["template_counts"] = template_counts()
    if current_user.role in (Role.ADMIN, Role.SUPERVISOR):
        extra["review_count"] = review.queue_count(current_user)
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


def inspection_counts(user: User, today: dt.date) -> dict[str, int]:
    """The open inspections ``user`` sees planned today, overdue and returned for correction
    (grouped as on "My inspections"), and those submitted and waiting for review: one query."""
    visible = visible_inspections(user).subquery()
    status, planned = visible.c.status, visible.c.planned_on
    still_open = status.in_([InspectionStatus.PLANNED.value, InspectionStatus.IN_PROGRESS.value])
    row = db.session.execute(
        sa.select(
            sa.func.count(sa.case((sa.and_(still_open, planned == today), 1))),
            sa.func.count(sa.case((sa.and_(still_open, planned < today), 1))),
            sa.func.count(sa.case((status == InspectionStatus.RETURNED.value, 1))),
            sa.func.count(sa.case((status == InspectionStatus.SUBMITTED.value, 1))),
        ).select_from(visible)
    ).one()
    return dict(zip(("today", "overdue", "returned", "waiting"), row, strict=True))


def template_counts() -> dict[str, int]:
    """Drafts and published templates, and the items whose source changed (flags not answered
    yet), for an author's home page."""
    drafts, published = db.session.execute(
        sa.select(
            sa.func.count(sa.case((ChecklistTemplate.status == TemplateStatus.DRAFT, 1))),
            sa.func.count(sa.case((ChecklistTemplate.status == TemplateStatus.PUBLISHED, 1))),
        )
    ).one()
    flagged = db.session.scalar(
        sa.select(sa.func.count())
        .select_from(SourceChange)
        .where(SourceChange.resolved_at.is_(None))
    )
    return {"drafts": drafts, "published": published, "sources_changed": flagged or 0}


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
    """200 while the process answers (liveness: nothing else is checked, no database)."""
    response = jsonify(status="ok")
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.route("/readyz")
def readyz():
    """200 when the database, Redis (when configured), the blob store and every registered
    check (``checklists.core.health``) are ok; 503 naming the failing parts, and why."""
    body, status = health.readiness()
    response = jsonify(body)
    response.status_code = status
    response.headers["Cache-Control"] = "no-store"
    return response
