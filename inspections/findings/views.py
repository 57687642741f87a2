"""Finding pages: the list, one finding (corrective actions, 复查, deadline), its files, the
整改通知书 (printable and PDF), the findings CSV. (The inbox and the holiday calendar are
``inbox_views`` and ``calendar_views`` on the same blueprint.)"""

from __future__ import annotations

import uuid as uuidlib
from typing import Any

import sqlalchemy as sa
from flask import (
    Response,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from wtforms import (
    HiddenField,
    IntegerField,
    MultipleFileField,
    RadioField,
    SelectField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from checklists.accounts.forms import choices
from checklists.accounts.models import Organisation, Role
from checklists.accounts.permissions import visible_organisations
from checklists.core import pdf, storage, tabular
from checklists.core.clock import local_today
from checklists.core.db import utcnow
from checklists.core.errors import Conflict, InputError
from checklists.core.extensions import db
from checklists.core.schemas import query_id
from inspections.filling.models import Inspection
from inspections.filling.permissions import visible_inspections
from inspections.filling.photos import PhotoError
from inspections.findings import operations as findings
from inspections.findings.blueprint import bp
from inspections.findings.export import findings_export
from inspections.findings.labels import STATUS_LABELS
from inspections.findings.models import (
    ACTIVE,
    UNRESOLVED,
    Finding,
    FindingFile,
    FindingStatus,
    RectificationNotice,
)

EVENT_LABELS = {
    "raised": _l("Raised"),
    "action": _l("Corrective action"),
    "closed": _l("Verified and closed"),
    "reopened": _l("Reopened"),
    "deadline": _l("Deadline changed"),
    "recomputed": _l("Deadline recomputed"),
    "overdue": _l("Overdue"),
    "withdrawn": _l("Withdrawn"),
    "source_changed": _l("Source clause changed"),
}
UNIT_LABELS = {
    "working_day": _l("working days"),
    "day": _l("days"),
    "hour": _l("hours"),
    "month": _l("months"),
    "year": _l("years"),
}
FILTERS = {
    "active": _l("Open"),
    "overdue": _l("Overdue"),
    "action_submitted": _l("To verify"),
    "closed": _l("Closed"),
    "all": _l("All"),
}


@bp.app_context_processor
def _labels() -> dict[str, Any]:
    return {"finding_status_labels": STATUS_LABELS, "unit_labels": UNIT_LABELS}


@bp.app_template_filter("days_left")
def days_left(finding: Finding) -> str:
    """还剩3天 / 今天到期 / 已逾期2天 for an unresolved finding; "" otherwise."""
    if finding.status not in ACTIVE:
        return ""
    delta = (finding.due_on - local_today()).days
    if delta > 0:
        return _("%(n)d day(s) left", n=delta)
    if delta == 0:
        return _("due today")
    return _("%(n)d day(s) overdue", n=-delta)


def _load(finding_id: int, *, act: bool = False, verify: bool = False) -> Finding:
    found, status = findings.checked(current_user, finding_id, act=act, verify=verify)
    if status != 200:
        abort(status)
    return found


# --- forms ------------------------------------------------------------------------------------


class ActionForm(FlaskForm):
    description = TextAreaField(
        _l("What was done"), validators=[DataRequired(), Length(max=findings.MAX_TEXT)]
    )
    files = MultipleFileField(_l("Photos and documents (JPEG, PNG, WebP, PDF, Word, Excel)"))
    client_id = HiddenField()
    submit = SubmitField(_l("Report the corrective action"))


class VerifyForm(FlaskForm):
    outcome = RadioField(
        _l("Outcome of the re-inspection"),
        choices=choices(
            [("closed", _l("Put right: close")), ("reopened", _l("Not put right: reopen"))]
        ),
        validators=[DataRequired()],
    )
    reason = TextAreaField(_l("Reason"), validators=[Length(max=findings.MAX_TEXT)])
    n = IntegerField(
        _l("New deadline (if reopened)"),
        validators=[Optional(), NumberRange(min=1, max=3650)],
    )
    unit = SelectField(_l("Unit"), choices=choices(UNIT_LABELS.items()))
    submit = SubmitField(_l("Save the re-inspection"))


class DeadlineForm(FlaskForm):
    n = IntegerField(_l("Deadline"), validators=[DataRequired(), NumberRange(min=1, max=3650)])
    unit = SelectField(_l("Unit"), choices=choices(UNIT_LABELS.items()))
    reason = TextAreaField(_l("Reason"), validators=[Length(max=findings.MAX_TEXT)])
    submit = SubmitField(_l("Set the deadline"))


# --- lists ------------------------------------------------------------------------------------


def _filtered(args) -> tuple[sa.Select, dict[str, Any]]:
    """The visible findings narrowed by ``?show=&organisation_id=&severity=``."""
    show = args.get("show", "active")
    show = show if show in FILTERS else "active"
    query = findings.visible_findings(current_user)
    today = local_today()
    if show == "active":
        query = query.where(Finding.status.in_(ACTIVE))
    elif show == "overdue":
        query = query.where(Finding.status.in_(UNRESOLVED), Finding.due_on < today)
    elif show == "action_submitted":
        query = query.where(Finding.status == FindingStatus.ACTION_SUBMITTED)
    elif show == "closed":
        query = query.where(Finding.status == FindingStatus.CLOSED)
    org = args.get("organisation_id", "")
    org_id = query_id(org)
    if org_id is not None:
        query = query.where(Finding.organisation_id == org_id)
    severity = args.get("severity", "")
    if severity in ("critical", "major", "minor"):
        query = query.where(Finding.severity == severity)
    return query, {"show": show, "organisation_id": org, "severity": severity}


@bp.route("/findings/")
@login_required
def index():
    query, chosen = _filtered(request.args)
    rows = db.session.scalars(
        query.options(sa.orm.joinedload(Finding.organisation), sa.orm.joinedload(Finding.notice))
        .order_by(Finding.due_on, Finding.id)
        .limit(500)
    ).all()
    organisations = []
    if current_user.role != Role.ENTERPRISE:
        organisations = db.session.scalars(
            visible_organisations(current_user).order_by(Organisation.name)
        ).all()
    return render_template(
        "findings/index.html",
        rows=rows,
        chosen=chosen,
        filters=FILTERS,
        organisations=organisations,
        today=local_today(),
    )


@bp.route("/findings/export.csv")
@login_required
def export_csv():
    """The findings on the list (same filters) as CSV: the export's columns (see
    inspections.findings.export), streamed, UTF-8 with a BOM for Excel."""
    query, _chosen = _filtered(request.args)
    criteria = [] if query.whereclause is None else [query.whereclause]
    export = findings_export(criteria, utcnow(), local_today())
    return tabular.csv_response(export.header, export.rows(), "findings.csv")


# --- one finding ------------------------------------------------------------------------------


def _page(finding: Finding, **forms: Any):
    photos = [p for p in finding.inspection.photos if p.item_id == finding.item_id]
    # the originals, each shown by its latest annotated copy if it has one (原图 a link)
    evidence = [p for p in photos if p.annotates_id is None]
    annotated = {p.annotates_id: p for p in photos if p.annotates_id is not None}
    forms.setdefault(
        "action_form",
        ActionForm(formdata=None, client_id=str(uuidlib.uuid4())),
    )
    forms.setdefault("verify_form", VerifyForm(formdata=None, unit=finding.deadline_unit))
    forms.setdefault(
        "deadline_form",
        DeadlineForm(formdata=None, n=finding.deadline_n, unit=finding.deadline_unit),
    )
    return render_template(
        "findings/show.html",
        finding=finding,
        evidence=evidence,
        annotated=annotated,
        event_labels=EVENT_LABELS,
        may_act=findings.can_act(current_user) and finding.status in ACTIVE,
        may_verify=findings.can_verify(current_user) and finding.status != FindingStatus.WITHDRAWN,
        today=local_today(),
        **forms,
    )


@bp.route("/findings/<int:finding_id>")
@login_required
def show(finding_id: int):
    return _page(_load(finding_id))


def _post(finding_id: int, form_name: str, form: FlaskForm, field: str, change, done: str):
    """Run one finding form: 422 with the page and the reason on ``field`` when the form or
    the service refuses (nothing stored), else commit, say ``done`` and go back to the page."""
    finding = _load(finding_id, act=form_name == "action_form", verify=form_name != "action_form")
    if not form.validate():
        return _page(finding, **{form_name: form}), 422
    try:
        change(finding, form)
    except (InputError, PhotoError, Conflict) as exc:
        db.session.rollback()
        form[field].errors = [_reason(exc)]
        return _page(_load(finding_id), **{form_name: form}), 422
    db.session.commit()
    flash(done, "success")
    return redirect(url_for(".show", finding_id=finding.id), 303)


@bp.route("/findings/<int:finding_id>/actions", methods=["POST"])
@login_required
def add_action(finding_id: int):
    def change(finding: Finding, form: ActionForm) -> None:
        for upload in request.files.getlist(form.files.name):
            if upload and upload.filename:
                findings.add_file(finding, upload.read(), upload.filename, current_user)
        findings.add_action(finding, current_user, form.description.data, form.client_id.data)

    return _post(
        finding_id,
        "action_form",
        ActionForm(),
        "description",
        change,
        _("Corrective action reported: the inspector has been told."),
    )


@bp.route("/findings/<int:finding_id>/verify", methods=["POST"])
@login_required
def verify(finding_id: int):
    def change(finding: Finding, form: VerifyForm) -> None:
        findings.verify(
            finding,
            current_user,
            form.outcome.data,
            form.reason.data,
            n=form.n.data,
            unit=form.unit.data,
            today=local_today(),
        )

    return _post(
        finding_id, "verify_form", VerifyForm(), "reason", change, _("Re-inspection saved.")
    )


@bp.route("/findings/<int:finding_id>/deadline", methods=["POST"])
@login_required
def set_deadline(finding_id: int):
    def change(finding: Finding, form: DeadlineForm) -> None:
        findings.set_deadline(finding, current_user, form.n.data, form.unit.data, form.reason.data)

    return _post(finding_id, "deadline_form", DeadlineForm(), "n", change, _("Deadline set."))


def _reason(exc: Exception) -> str:
    if isinstance(exc, InputError):
        return "；".join(exc.fields.values()) or str(exc)
    return getattr(exc, "message", str(exc))


@bp.route("/findings/<int:finding_id>/files/<int:file_id>/<any(orig, show, thumb):variant>")
@login_required
def file(finding_id: int, file_id: int, variant: str):
    """A corrective action's photo (display copy or thumbnail) or document, only for people
    who may see the finding."""
    finding = _load(finding_id)
    record = db.session.get(FindingFile, file_id)
    if record is None or record.finding_id != finding.id:
        abort(404)
    if record.kind == "photo" and variant == "orig":
        variant = "show"  # the original keeps its EXIF (location): evidence, not for display
    if record.kind == "document":
        variant = "orig"
    document = record.kind == "document"
    return storage.blob_store().send(
        storage.variant_key(record.sha256, variant),
        mimetype=record.mime if document else record.display_mime,
        as_attachment=document,
        download_name=record.filename or f"{record.sha256[:12]}",
        etag=record.sha256,
        cache_control="private, max-age=31536000, immutable",
    )


# --- the notice -------------------------------------------------------------------------------


def _notice(notice_id: int) -> RectificationNotice:
    notice = db.session.get(RectificationNotice, notice_id)
    if notice is None:
        abort(404)
    visible = db.session.scalar(
        visible_inspections(current_user)
        .with_only_columns(Inspection.id)
        .where(Inspection.id == notice.inspection_id)
    )
    if visible is None:
        abort(404)
    return notice


def _notice_html(notice: RectificationNotice, *, for_pdf: bool) -> str:
    return render_template(
        "findings/notice.html",
        notice=notice,
        inspection=notice.inspection,
        issuer=current_app.config["NOTICE_ISSUER"],
        for_pdf=for_pdf,
    )


@bp.route("/notices/<int:notice_id>")
@login_required
def notice(notice_id: int):
    return _notice_html(_notice(notice_id), for_pdf=False)


@bp.route("/notices/<int:notice_id>.pdf")
@login_required
def notice_pdf(notice_id: int):
    found = _notice(notice_id)
    try:
        data = pdf.render(_notice_html(found, for_pdf=True))
    except pdf.PdfUnavailable as exc:
        abort(503, description=str(exc))
    return Response(
        data,
        mimetype="application/pdf",
        headers={
            "Content-Disposition": f"inline; filename=notice-{found.year}-{found.seq:04d}.pdf",
            "Cache-Control": "private, no-store",
        },
    )
