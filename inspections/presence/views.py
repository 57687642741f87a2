"""扫码: the landing page a printed QR code opens, the start of an inspection from it, and the
printable sheet of an organisation's codes. Views parse, call, render; services decide."""

from __future__ import annotations

import uuid as uuidlib

import segno
import sqlalchemy as sa
from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from markupsafe import Markup

from checklists.accounts.models import Organisation, Role
from checklists.authoring.models import ChecklistTemplate, TemplateStatus
from checklists.core.errors import Conflict
from checklists.core.extensions import db
from inspections.filling import workflow
from inspections.filling.models import Inspection, InspectionStatus
from inspections.filling.permissions import can_create, can_fill, visible_inspections
from inspections.presence import services
from inspections.presence.models import Scan

bp = Blueprint("presence", __name__)

#: Who scans to inspect (an enterprise user's scan opens its own findings instead).
STAFF_ON_SITE = (Role.ADMIN, Role.SUPERVISOR, Role.INSPECTOR)
#: Who prints the sheets of codes.
PRINTERS = (Role.ADMIN, Role.SUPERVISOR)


def _scanned_or_404(code: str):
    found = services.resolve(code)
    if found is None or not services.visible(current_user, found[0]):
        abort(404)
    return found


def _open_inspections(org: Organisation) -> list[Inspection]:
    query = (
        visible_inspections(current_user)
        .where(
            Inspection.organisation_id == org.id,
            Inspection.status.in_((InspectionStatus.PLANNED, InspectionStatus.IN_PROGRESS)),
        )
        .order_by(Inspection.planned_on.desc(), Inspection.id.desc())
        .limit(20)
    )
    return [i for i in db.session.scalars(query) if can_fill(current_user, i)]


def _templates() -> list[ChecklistTemplate]:
    return list(
        db.session.scalars(
            sa.select(ChecklistTemplate)
            .where(ChecklistTemplate.status == TemplateStatus.PUBLISHED)
            .order_by(ChecklistTemplate.name)
        )
    )


@bp.route("/s/<code>")
@login_required
def scan(code: str):
    """A scan: an enterprise user goes to its own findings; an inspector is recorded as there
    and chooses the inspection to start or continue."""
    org, site = _scanned_or_404(code)
    if current_user.role == Role.ENTERPRISE:
        return redirect(url_for("findings.index"))
    if current_user.role not in STAFF_ON_SITE:
        abort(403)
    recorded = services.record(current_user, org, site)
    db.session.commit()
    return render_template(
        "presence/scan.html",
        org=org,
        site=site,
        scan=recorded,
        code=code,
        inspections=_open_inspections(org),
        templates=_templates() if can_create(current_user) else [],
        new_uuid=str(uuidlib.uuid4()),  # a retried start creates no second inspection
    )


@bp.route("/s/<code>/start", methods=["POST"])
@login_required
def start(code: str):
    """Continue an open inspection (``inspection``: its uuid) or start one (``template_id``,
    ``uuid``) from the scan ``scan``: the scan is tied to it, then the filling page opens."""
    org, site = _scanned_or_404(code)
    if current_user.role not in STAFF_ON_SITE:
        abort(403)
    recorded = db.session.get(Scan, _int(request.form.get("scan")))
    mine = recorded is not None and recorded.user_id == current_user.id
    if not mine or recorded.organisation_id != org.id:
        abort(404)
    key = request.form.get("inspection")
    if key:
        found = next((i for i in _open_inspections(org) if str(i.uuid) == key), None)
        if found is None:
            abort(404)
    else:
        template = db.session.get(ChecklistTemplate, _int(request.form.get("template_id")))
        if not can_create(current_user):
            abort(403)
        if template is None or template.status != TemplateStatus.PUBLISHED:
            flash(_("Choose a published checklist."), "error")
            return redirect(url_for(".scan", code=code)), 303
        try:
            found, _created = workflow.create_inspection(
                template, org, current_user, uuid=_uuid(request.form.get("uuid"))
            )
        except Conflict as exc:
            db.session.rollback()
            flash(exc.message, "error")
            return redirect(url_for(".scan", code=code)), 303
    services.tie(recorded, found)
    db.session.commit()
    return redirect(url_for("inspections.fill", key=found.uuid), 303)


@bp.route("/organisations/<int:org_id>/codes")
@login_required
def sheet(org_id: int):
    """The printable sheet: the organisation's code and each site's, with name, credit code
    and address, to hang where inspectors arrive."""
    org = db.session.get(Organisation, org_id)
    if org is None or not services.visible(current_user, org):
        abort(404)
    if current_user.role not in PRINTERS:
        abort(403)
    codes = [
        (org.name, None, org.address, _svg(url_for(".scan", code=org.scan_code, _external=True))),
        *(
            (org.name, s.name, s.address, _svg(url_for(".scan", code=s.scan_code, _external=True)))
            for s in org.sites
        ),
    ]
    return render_template("presence/sheet.html", org=org, codes=codes)


def _svg(url: str) -> Markup:
    """The QR code of ``url`` as inline SVG (error correction M: a smudged print still reads)."""
    return Markup(segno.make(url, error="m").svg_inline(scale=5, border=2, omitsize=False))


def _int(text: str | None) -> int:
    try:
        return int(text or "")
    except ValueError:
        return 0


def _uuid(text: str | None) -> str:
    try:
        return str(uuidlib.UUID(text or ""))
    except ValueError:
        return str(uuidlib.uuid4())
