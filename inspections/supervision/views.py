"""挂牌督办 pages: the register (supervisors) or "my major hazards" (an enterprise), listing a
hazard, one hazard with its timeline and the step form for whoever may act, the 挂牌督办通知书
(printable and PDF) with its 签收回执, a 通报批评, the evidence files and the register as Excel."""

from __future__ import annotations

import io
import uuid as uuidlib
from typing import Any

import sqlalchemy as sa
from flask import (
    Blueprint,
    Response,
    abort,
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
    DateField,
    HiddenField,
    IntegerField,
    MultipleFileField,
    RadioField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import Length, NumberRange, Optional

from checklists.accounts.forms import choices
from checklists.accounts.models import Organisation, Region, Role
from checklists.accounts.permissions import visible_organisations
from checklists.core import pdf, storage, tabular
from checklists.core.clock import local_today
from checklists.core.db import utcnow
from checklists.core.errors import Conflict, InputError
from checklists.core.extensions import db
from checklists.core.schemas import query_id
from checklists.standards.models import Clause, Document
from inspections.filling.photos import PhotoError
from inspections.findings.models import Finding
from inspections.findings.operations import visible_findings
from inspections.review.exports import XLSX_MIMETYPE, write_xlsx
from inspections.supervision import operations as supervision
from inspections.supervision import regime
from inspections.supervision.models import Hazard, HazardCriticism, HazardFile, HazardStatus
from inspections.supervision.regime import STEPS

bp = Blueprint("supervision", __name__, url_prefix="/hazards")

UNIT_CHOICES = [
    ("working_day", _l("working days")),
    ("day", _l("days")),
    ("month", _l("months")),
]
OUTCOME_LABELS = {
    "confirmed": _l("confirmed"),
    "returned": _l("returned"),
    "passed": _l("put right"),
    "failed": _l("not put right"),
}
#: The register's tabs: all, overdue, then one per status.
SHOW = {"active": _l("Open"), "overdue": _l("Overdue"), "closed": _l("Closed"), "all": _l("All")}


@bp.app_context_processor
def _labels() -> dict[str, Any]:
    return {
        "hazard_status_labels": regime.STATUS_LABELS,
        "hazard_event_labels": regime.EVENT_LABELS,
        "hazard_steps": STEPS,
        "hazard_next": lambda hazard: STEPS.get(regime.NEXT[hazard.status] or ""),
        "hazard_regime_citation": regime.citation,
        "outcome_labels": OUTCOME_LABELS,
    }


@bp.app_template_filter("hazard_days_left")
def days_left(hazard: Hazard) -> str:
    """还剩3天 / 今天到期 / 已逾期2天 while the hazard is not put right; "" otherwise."""
    if hazard.status not in (
        HazardStatus.LISTED,
        HazardStatus.ACKNOWLEDGED,
        HazardStatus.RECTIFYING,
    ):
        return ""
    delta = (hazard.due_on - local_today()).days
    if delta > 0:
        return _("%(n)d day(s) left", n=delta)
    if delta == 0:
        return _("due today")
    return _("%(n)d day(s) overdue", n=-delta)


def _load(hazard_id: int, step: str | None = None) -> Hazard:
    found, status = supervision.checked(
        current_user, hazard_id, STEPS[step] if step is not None else None
    )
    if status != 200:
        abort(status)
    return found


# --- forms ------------------------------------------------------------------------------------


class NewHazardForm(FlaskForm):
    finding_id = StringField(_l("From finding no. (optional)"), validators=[Length(max=20)])
    organisation_id = SelectField(_l("Organisation"), coerce=str, validate_choice=False)
    title = StringField(_l("Name of the major hazard"), validators=[Length(max=500)])
    description = TextAreaField(
        _l("What must be done (督办事项)"), validators=[Length(max=supervision.MAX_TEXT)]
    )
    clause_key = StringField(_l("Clause key (optional)"), validators=[Length(max=500)])
    n = IntegerField(
        _l("Deadline for putting it right"), validators=[Optional(), NumberRange(min=1, max=3650)]
    )
    unit = SelectField(_l("Unit"), choices=choices(UNIT_CHOICES), default="working_day")
    override = TextAreaField(
        _l("Why it applies although the organisation is outside the regime's region"),
        validators=[Length(max=1000)],
    )
    client_id = HiddenField()
    submit = SubmitField(_l("List for supervision and issue the notice"))


class ReceiptForm(FlaskForm):
    signer = StringField(_l("Signed by"), validators=[Length(max=supervision.MAX_NAME)])
    note = TextAreaField(_l("Note"), validators=[Length(max=supervision.MAX_TEXT)])
    client_id = HiddenField()
    submit = SubmitField(_l("Sign the receipt"))


class PlanForm(FlaskForm):
    responsibility = StringField(regime.PLAN_FIELDS["responsibility"])
    measures = TextAreaField(regime.PLAN_FIELDS["measures"])
    funds = StringField(regime.PLAN_FIELDS["funds"])
    deadline = DateField(regime.PLAN_FIELDS["deadline"], validators=[Optional()])
    emergency_plan = TextAreaField(regime.PLAN_FIELDS["emergency_plan"])
    monitoring = TextAreaField(regime.PLAN_FIELDS["monitoring"])
    client_id = HiddenField()
    submit = SubmitField(_l("Submit the plan"))


class ClosureReportForm(FlaskForm):
    report = TextAreaField(_l("What was done (隐患整改销号报告)"))
    files = MultipleFileField(_l("Photos and documents (JPEG, PNG, WebP, PDF, Word, Excel)"))
    client_id = HiddenField()
    submit = SubmitField(_l("File the closure report"))


class ConfirmForm(FlaskForm):
    outcome = RadioField(
        _l("The township's decision"),
        choices=choices(
            [
                ("confirmed", _l("Confirmed: pass it on for verification")),
                ("returned", _l("Returned: not put right yet")),
            ]
        ),
        validate_choice=False,
    )
    note = TextAreaField(_l("Note (required to return it)"))
    client_id = HiddenField()
    submit = SubmitField(_l("Save the decision"))


class VerificationForm(FlaskForm):
    outcome = RadioField(
        _l("Outcome of the on-site verification"),
        choices=choices(
            [("passed", _l("Put right")), ("failed", _l("Not put right: a new deadline"))]
        ),
        validate_choice=False,
    )
    verifiers = TextAreaField(_l("Verified on site by (one name per line)"))
    report = TextAreaField(_l("Verification report (核查情况报告)"))
    verified_on = DateField(_l("Verified on"), validators=[Optional()])
    n = IntegerField(
        _l("New deadline (if not put right)"),
        validators=[Optional(), NumberRange(min=1, max=3650)],
    )
    unit = SelectField(_l("Unit"), choices=choices(UNIT_CHOICES), default="working_day")
    files = MultipleFileField(_l("Photos and documents (JPEG, PNG, WebP, PDF, Word, Excel)"))
    client_id = HiddenField()
    submit = SubmitField(_l("Save the verification"))


class CloseForm(FlaskForm):
    note = TextAreaField(_l("Note for the archive"))
    client_id = HiddenField()
    submit = SubmitField(_l("Close the hazard (销号)"))


FORMS: dict[str, type[FlaskForm]] = {
    "receipt": ReceiptForm,
    "plan": PlanForm,
    "closure-report": ClosureReportForm,
    "confirm": ConfirmForm,
    "verification": VerificationForm,
    "close": CloseForm,
}
#: Form fields that are not part of what a step records.
_NOT_SENT = {"csrf_token", "client_id", "submit", "files"}


def _fresh_form(name: str) -> FlaskForm:
    form = FORMS[name](formdata=None, client_id=str(uuidlib.uuid4()))
    if name == "receipt":
        form.signer.data = current_user.name
    return form


# --- the register -----------------------------------------------------------------------------


def _chosen(args) -> dict[str, str]:
    show = args.get("show", "active")
    return {
        "show": show if show in SHOW else "active",
        "status": args.get("status", "") if args.get("status", "") in regime.NEXT else "",
        "organisation_id": args.get("organisation_id", ""),
        "region_id": args.get("region_id", ""),
    }


def _regions() -> list[Region]:
    """The regions (counties and their townships) of the organisations the user may see."""
    held = visible_organisations(current_user).with_only_columns(Organisation.region_id)
    regions = db.session.scalars(sa.select(Region).where(Region.id.in_(held))).all()
    found = {r.id: r for r in regions}
    for region in regions:
        if region.parent is not None:
            found.setdefault(region.parent.id, region.parent)
    return sorted(
        found.values(), key=lambda r: (r.parent_id or r.id, r.parent_id is not None, r.name)
    )


def _register_query(chosen: dict[str, str]) -> sa.Select:
    today = local_today()
    query = supervision.filtered(
        current_user,
        status=chosen["status"] or None,
        organisation_id=query_id(chosen["organisation_id"]),
        overdue=True if chosen["show"] == "overdue" else None,
        today=today,
    )
    region = query_id(chosen["region_id"])
    if region is not None:  # a township, or a county and its townships
        within = sa.select(Region.id).where(sa.or_(Region.id == region, Region.parent_id == region))
        query = query.where(
            Hazard.organisation_id.in_(
                sa.select(Organisation.id).where(Organisation.region_id.in_(within))
            )
        )
    if chosen["show"] == "active":
        query = query.where(Hazard.status != HazardStatus.CLOSED)
    elif chosen["show"] == "closed":
        query = query.where(Hazard.status == HazardStatus.CLOSED)
    return query.options(sa.orm.joinedload(Hazard.organisation))


@bp.route("/")
@login_required
def index():
    """The register (台账) for supervisors; an enterprise's own hazards, what is due next first."""
    today = local_today()
    if current_user.role == Role.ENTERPRISE:
        rows = db.session.scalars(
            supervision.visible_hazards(current_user)
            .order_by(Hazard.status == HazardStatus.CLOSED, Hazard.due_on, Hazard.id)
            .limit(200)
        ).all()
        return render_template("supervision/mine.html", rows=rows, today=today)
    chosen = _chosen(request.args)
    rows = db.session.scalars(
        _register_query(chosen).order_by(Hazard.due_on, Hazard.id).limit(500)
    ).all()
    organisations = db.session.scalars(
        visible_organisations(current_user).order_by(Organisation.name)
    ).all()
    return render_template(
        "supervision/register.html",
        rows=rows,
        chosen=chosen,
        show=SHOW,
        counts=supervision.counts(current_user, today),
        organisations=organisations,
        regions=_regions(),
        may_list=supervision.can_list(current_user),
        today=today,
    )


def _register_table(chosen: dict[str, str]):
    """The register on the screen (same filters): its header and rows, made here, while the
    view's session is open (a CSV is streamed after the view has returned, when the hazards
    read here could load nothing more)."""
    hazards = db.session.scalars(
        _register_query(chosen).options(sa.orm.selectinload(Hazard.criticisms)).order_by(Hazard.id)
    ).all()
    header = [
        _("Number"),
        _("Organisation"),
        _("Name of the major hazard"),
        _("Status"),
        _("Next step"),
        _("Due"),
        _("Overdue"),
        _("Clause"),
        _("Listed on"),
        _("Closed at"),
        _("Public criticism (通报批评)"),
    ]
    today = local_today()

    def row(h: Hazard) -> list[Any]:
        waiting = regime.NEXT[h.status]
        return [
            h.number,
            h.organisation.name,
            h.title,
            str(regime.STATUS_LABELS[h.status]),
            str(STEPS[waiting].label) if waiting else "",
            h.due_on,
            _("yes") if h.is_overdue(today) else "",
            h.citation,
            h.listed_on,
            tabular.local_time(h.closed_at),
            "、".join(c.number for c in h.criticisms),
        ]

    return header, [row(h) for h in hazards]


@bp.route("/export.csv")
@login_required
def export_csv():
    """The register on the screen (same filters) as CSV: UTF-8 with a BOM for Excel, cells that
    look like formulas written as text (``tabular``)."""
    header, rows = _register_table(_chosen(request.args))
    return tabular.csv_response(header, rows, "hazards.csv")


@bp.route("/export.xlsx")
@login_required
def export_xlsx():
    """The register on the screen (same filters) as an Excel workbook: a bold, frozen header,
    text never read as a formula, and a 说明 sheet saying what it holds and when."""
    header, rows = _register_table(_chosen(request.args))
    widths = (22, 28, 36, 12, 16, 12, 8, 40, 12, 20, 24)
    out = io.BytesIO()
    write_xlsx(
        out,
        "挂牌督办台账",
        tabular.columns(*zip(header, widths, strict=True)),
        rows,
        [
            ("内容", "重大安全生产隐患挂牌督办台账（" + regime.DOCUMENT_NUMBER + " 第六条）"),
            ("导出时间", tabular.local_time(utcnow())),
        ],
    )
    return Response(
        out.getvalue(),
        mimetype=XLSX_MIMETYPE,
        headers={"Content-Disposition": "attachment; filename=hazards.xlsx"},
    )


# --- listing ----------------------------------------------------------------------------------


def _new_page(form: NewHazardForm, finding: Finding | None):
    return render_template("supervision/new.html", form=form, finding=finding)


def _finding(raw: str | None) -> Finding | None:
    finding_id = query_id(raw)
    if finding_id is None:
        return None
    return db.session.scalar(visible_findings(current_user).where(Finding.id == finding_id))


@bp.route("/new", methods=["GET", "POST"])
@login_required
def new():
    """List a major hazard: from a finding (``?finding_id=``) or directly."""
    if not supervision.can_list(current_user):
        abort(403)
    organisations = db.session.scalars(
        visible_organisations(current_user).order_by(Organisation.name)
    ).all()
    if request.method == "GET":
        form = NewHazardForm(formdata=None, client_id=str(uuidlib.uuid4()))
        form.finding_id.data = request.args.get("finding_id", "")
    else:
        form = NewHazardForm()
    form.organisation_id.choices = choices(
        [("", _("Choose…"))] + [(str(o.id), o.name) for o in organisations]
    )
    finding = _finding(form.finding_id.data)
    from_finding = bool((form.finding_id.data or "").strip())
    if request.method == "GET" or not form.validate():
        return _new_page(form, finding), 200 if request.method == "GET" else 422
    try:
        clause_id = _clause_id(form.clause_key.data)
        hazard, _created = supervision.list_hazard(
            current_user,
            today=local_today(),
            # a number the caller cannot see is refused by the service as unknown
            finding_id=(finding.id if finding else 0) if from_finding else None,
            organisation_id=None if from_finding else query_id(form.organisation_id.data),
            title=form.title.data,
            description=form.description.data,
            clause_id=clause_id,
            n=form.n.data,
            unit=form.unit.data if form.n.data else None,
            client_id=form.client_id.data,
            override=form.override.data,
        )
    except (InputError, Conflict) as exc:
        db.session.rollback()
        _show_errors(form, exc, default="description")
        return _new_page(form, finding), 409 if isinstance(exc, Conflict) else 422
    db.session.commit()
    flash(_("Listed for supervision: notice %(number)s.", number=hazard.number), "success")
    return redirect(url_for(".show", hazard_id=hazard.id), 303)


def _clause_id(key: str | None) -> int | None:
    key = (key or "").strip()
    if not key:
        return None
    found = db.session.scalar(
        sa.select(Clause.id).join(Document).where(Document.is_current, Clause.key == key)
    )
    if found is None:
        raise InputError({"clause_key": _("No such clause.")})
    return found


def _show_errors(form: FlaskForm, exc: Exception, default: str) -> None:
    if isinstance(exc, InputError):
        for name, message in exc.fields.items():
            name = {"clause_id": "clause_key"}.get(name, name)
            target = form[name] if name in form else form[default]
            target.errors = [*target.errors, message] if target.errors else [message]
    elif getattr(exc, "code", "") == "regime_not_applicable" and "override" in form:
        form["override"].errors = [exc.message]
    else:
        flash(getattr(exc, "message", str(exc)), "error")


# --- one hazard -------------------------------------------------------------------------------


def _page(hazard: Hazard, forms: dict[str, FlaskForm] | None = None):
    forms = dict(forms or {})
    takes = supervision.steps_for(current_user, hazard)
    for step in takes:
        forms.setdefault(step.name, _fresh_form(step.name))
    clauses = supervision.regime_clauses()
    waiting = regime.NEXT[hazard.status]
    plan = hazard.last_step("plan")
    return render_template(
        "supervision/show.html",
        hazard=hazard,
        takes=takes,
        forms=forms,
        waiting=STEPS[waiting] if waiting else None,
        plan=plan,
        plan_fields=regime.PLAN_FIELDS,
        regime=regime,
        step_clause=lambda article: clauses.get(regime.clause_key(article)),
        pending=[f for f in hazard.files if f.event_id is None],
        today=local_today(),
    )


@bp.route("/<int:hazard_id>")
@login_required
def show(hazard_id: int):
    return _page(_load(hazard_id))


def _sent(name: str, form: FlaskForm) -> dict[str, Any]:
    """What the form sends to the step, as the API would: text fields as typed."""
    values: dict[str, Any] = {}
    for field in form:
        if field.name in _NOT_SENT:
            continue
        raw = request.form.get(field.name, "")
        if field.name == "verifiers":
            values[field.name] = [line.strip() for line in raw.splitlines() if line.strip()]
        elif field.name in ("n", "unit"):
            continue
        else:
            values[field.name] = raw
    if name == "verification" and request.form.get("outcome") == "failed":
        values["n"] = request.form.get("n", "") or None
        values["unit"] = request.form.get("unit", "") if values["n"] else None
    return values


@bp.route(
    "/<int:hazard_id>/<any(receipt, plan, 'closure-report', confirm, verification, close):step>",
    methods=["POST"],
)
@login_required
def take(hazard_id: int, step: str):
    """One step from its form: 404, 403; then the service's checks (409 out of order, 422 bad
    values) re-render the page with the reason; else commit and back to the page."""
    hazard = _load(hazard_id, step)
    form = FORMS[step]()
    try:
        if hazard.status in STEPS[step].starts:  # else a resend, or refused as out of order
            for upload in request.files.getlist("files"):
                if upload and upload.filename:
                    supervision.add_file(hazard, upload.read(), upload.filename, current_user)
        supervision.take_step(
            hazard,
            STEPS[step],
            current_user,
            _sent(step, form),
            today=local_today(),
            client_id=form.client_id.data,
        )
    except (InputError, PhotoError, Conflict) as exc:
        db.session.rollback()
        hazard = _load(hazard_id)
        if isinstance(exc, PhotoError):
            form["files"].errors = [exc.message]
        else:
            _show_errors(form, exc, default=next(f.name for f in form))
        return _page(hazard, {step: form}), 409 if isinstance(exc, Conflict) else 422
    db.session.commit()
    flash(_("%(step)s: saved.", step=STEPS[step].label), "success")
    return redirect(url_for(".show", hazard_id=hazard.id), 303)


@bp.route("/<int:hazard_id>/files/<int:file_id>/<any(orig, show, thumb):variant>")
@login_required
def file(hazard_id: int, file_id: int, variant: str):
    """A step's photo (display copy or thumbnail) or document, for people who see the hazard."""
    hazard = _load(hazard_id)
    record = db.session.get(HazardFile, file_id)
    if record is None or record.hazard_id != hazard.id:
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


# --- the notice and 通报批评 --------------------------------------------------------------------


def _notice_html(hazard: Hazard, *, for_pdf: bool) -> str:
    clauses = supervision.regime_clauses()
    return render_template(
        "supervision/notice.html",
        hazard=hazard,
        regime=regime,
        receipt=hazard.last_step("receipt"),
        article=lambda name: clauses.get(regime.clause_key(name)),
        for_pdf=for_pdf,
    )


@bp.route("/<int:hazard_id>/notice")
@login_required
def notice(hazard_id: int):
    """挂牌督办通知书 (第五条) as a printable A4 page with its detachable 签收回执."""
    return _notice_html(_load(hazard_id), for_pdf=False)


@bp.route("/<int:hazard_id>/notice.pdf")
@login_required
def notice_pdf(hazard_id: int):
    hazard = _load(hazard_id)
    try:
        data = pdf.render(_notice_html(hazard, for_pdf=True))
    except pdf.PdfUnavailable as exc:
        abort(503, description=str(exc))
    return Response(
        data,
        mimetype="application/pdf",
        headers={
            "Content-Disposition": (
                f"inline; filename=hazard-notice-{hazard.year}-{hazard.seq:04d}.pdf"
            ),
            "Cache-Control": "private, no-store",
        },
    )


@bp.route("/<int:hazard_id>/criticisms/<int:criticism_id>")
@login_required
def criticism(hazard_id: int, criticism_id: int):
    """通报批评 (第十条) as a printable page."""
    hazard = _load(hazard_id)
    record = db.session.get(HazardCriticism, criticism_id)
    if record is None or record.hazard_id != hazard.id:
        abort(404)
    clauses = supervision.regime_clauses()
    return render_template(
        "supervision/criticism.html",
        hazard=hazard,
        criticism=record,
        regime=regime,
        article=clauses.get(regime.clause_key(regime.CRITICISM_ARTICLE)),
    )
