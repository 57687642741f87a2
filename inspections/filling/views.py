"""Inspection pages: my inspections, assigning, filling on a phone (online or offline),
the result, photos, and returning for correction. The service worker is served at ``/sw.js``
so that its scope is the whole site.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import os
import re
import uuid as uuidlib
from fractions import Fraction
from typing import Any

import sqlalchemy as sa
from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from flask_wtf.csrf import validate_csrf
from werkzeug.datastructures import MultiDict
from wtforms import (
    DateField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
    ValidationError,
)
from wtforms.validators import DataRequired, Length, Optional

from checklists import scoring
from checklists.accounts.models import Organisation, Role, User
from checklists.accounts.permissions import visible_organisations
from checklists.authoring.forms import SEVERITY_SHORT
from checklists.authoring.models import ChecklistTemplate, TemplateItem, TemplateStatus
from checklists.authoring.widgets import answers_from_form
from checklists.core import assets, pdf, storage, workdays
from checklists.core.clock import local_today
from checklists.core.errors import Conflict, InputError
from checklists.core.extensions import db
from checklists.core.schemas import query_id
from checklists.scoring import units
from inspections.filling import attaching, hooks, repeats, stamping, visibility, workflow
from inspections.filling.labels import AUDIT_LABELS, STATUS_LABELS
from inspections.filling.models import OPEN_STATUSES, Inspection, InspectionStatus, Photo, PhotoKind
from inspections.filling.permissions import (
    can_create,
    can_fill,
    can_review,
    checked,
    visible_inspections,
)
from inspections.filling.photos import PhotoError

bp = Blueprint("inspections", __name__, url_prefix="/inspections")
sw = Blueprint("sw", __name__)


@bp.app_template_filter("unit_choices")
def unit_choices(unit: str) -> list[dict[str, str]]:
    """The units a number answer may be given in for a rule in ``unit`` (the same dimension):
    the symbol stored, the label shown, the factor into the rule's unit (for the phone's own
    verdict) and the names a value typed with its unit may use ("0.2 m", "0.2米")."""
    out = []
    for symbol, factor in units.same_dimension(unit):
        out.append(
            {
                "symbol": symbol,
                "label": units.display_name(symbol),
                "factor": _factor_text(factor),
                "names": "|".join(units.names_of(symbol)),
            }
        )
    return out


def _factor_text(factor: Fraction) -> str:
    """A factor as a decimal the phone can read (2000/3 → 666.666666666667)."""
    if factor.denominator == 1:
        return str(factor.numerator)
    return f"{factor.numerator / factor.denominator:.15g}"


@bp.app_template_filter("unit_label")
def unit_label(unit: str | None) -> str:
    return units.display_name(scoring.canonical_unit(unit) or "") if unit else ""


@bp.app_template_filter("canonical_unit")
def canonical_unit_filter(unit: str | None) -> str | None:
    return scoring.canonical_unit(unit)


@bp.app_template_filter("client_rule")
def client_rule(item) -> str:
    """What the phone needs to judge an answer at once, in few bytes (the server's verdict
    follows): the threshold, the yes value, the passing choices, the number of parts, a
    date_pair's N and unit (the calendar is the form's ``data-calendar``), a barcode's
    required code or prefix; and the engine's message refusing a negative number (``neg``)
    where it refuses one."""
    rule = item.rule or {}
    if item.answer_type == "date_pair":
        small: dict[str, Any] = {"value": rule.get("value"), "unit": rule.get("unit")}
    elif item.answer_type == "choice":
        small = {"pass": [c["value"] for c in rule.get("choices", []) if c.get("pass")]}
    elif item.answer_type == "parts":
        small = {"n": len(rule.get("parts", []))}
    elif item.answer_type == "barcode":
        small = {k: rule[k] for k in ("expected", "prefix") if k in rule}
    else:
        keys = ("op", "value", "low", "high", "low_inclusive", "high_inclusive")
        small = {k: rule[k] for k in keys if k in rule}
        kind = scoring.ANSWER_TYPE_REGISTRY.get(item.answer_type)
        if kind is not None and (refusal := kind.negative_message(rule)):
            small["neg"] = refusal
    return json.dumps(small, ensure_ascii=False, separators=(",", ":"))


@bp.app_context_processor
def _labels() -> dict[str, Any]:
    return {
        "inspection_status_labels": STATUS_LABELS,
        "audit_labels": AUDIT_LABELS,
        "can_fill_row": lambda row: can_fill(current_user, row),
    }


def _load(key: Any, *, fill: bool = False, review: bool = False) -> Inspection:
    found, status = checked(current_user, key, fill=fill, review=review)
    if status != 200:
        abort(status)
    return found


# --- my inspections ---------------------------------------------------------------------------


@bp.route("/")
@login_required
def index():
    """Today, overdue, in progress, planned, and recently submitted (待同步 is counted on the
    device)."""
    today = local_today()
    query = (
        visible_inspections(current_user)
        .options(sa.orm.joinedload(Inspection.template), sa.orm.joinedload(Inspection.organisation))
        .order_by(Inspection.planned_on.is_(None), Inspection.planned_on, Inspection.id)
    )
    open_rows = db.session.scalars(
        query.where(Inspection.status.in_(OPEN_STATUSES)).limit(500)
    ).all()
    groups: dict[str, list[Inspection]] = {
        "returned": [],
        "overdue": [],
        "today": [],
        "in_progress": [],
        "planned": [],
    }
    for row in open_rows:
        if row.status == InspectionStatus.RETURNED:
            groups["returned"].append(row)
        elif row.planned_on and row.planned_on < today:
            groups["overdue"].append(row)
        elif row.planned_on == today:
            groups["today"].append(row)
        elif row.status == InspectionStatus.IN_PROGRESS:
            groups["in_progress"].append(row)
        else:
            groups["planned"].append(row)
    done = db.session.scalars(
        query.where(Inspection.status.not_in(OPEN_STATUSES))
        .order_by(None)
        .order_by(Inspection.submitted_at.desc(), Inspection.id.desc())
        .limit(30)
    ).all()
    mine = [row for row in open_rows if can_fill(current_user, row)]
    # the forms of one's open inspections and their clause texts, for the service worker to keep
    fillable = [url_for(".fill", key=row.uuid) for row in mine] + sorted(
        {url_for("templates.clauses_json", template_id=row.template_id) for row in mine}
    )
    fillable += _scanner_urls({row.template_id for row in mine})  # 扫码 offline too
    return render_template(
        "inspections/index.html",
        groups=groups,
        done=done,
        today=today,
        precache=fillable,
        may_create=can_create(current_user),
    )


class InspectionForm(FlaskForm):
    template_id = SelectField(_l("Checklist template"), coerce=int, validators=[DataRequired()])
    organisation_id = SelectField(_l("Organisation"), coerce=int, validators=[DataRequired()])
    project = StringField(_l("Site, project or place (optional)"), validators=[Length(max=200)])
    planned_on = DateField(_l("Planned date"), validators=[Optional()])
    inspector_ids = SelectMultipleField(_l("Inspectors"), coerce=int)
    basis_override = TextAreaField(
        _l("Why it goes ahead although its basis is not in force"),
        validators=[Optional(), Length(max=1000)],
    )
    submit = SubmitField(_l("Create the inspection"))


@bp.route("/new", methods=["GET", "POST"])
@login_required
def new():
    if not can_create(current_user):
        abort(403)
    form = InspectionForm()
    templates = db.session.scalars(
        sa.select(ChecklistTemplate)
        .where(ChecklistTemplate.status == TemplateStatus.PUBLISHED)
        .order_by(ChecklistTemplate.name)
    ).all()
    form.template_id.choices = [(t.id, f"{t.name} v{t.version}") for t in templates]
    orgs = db.session.scalars(visible_organisations(current_user).order_by(Organisation.name)).all()
    form.organisation_id.choices = [(o.id, o.name) for o in orgs]
    supervising = current_user.role != Role.INSPECTOR
    if supervising:
        people = db.session.scalars(
            sa.select(User)
            .where(User.active, User.role.in_((Role.INSPECTOR, Role.SUPERVISOR)))
            .order_by(User.username)
        ).all()
        form.inspector_ids.choices = [(u.id, u.display_name or u.username) for u in people]
    else:
        form.inspector_ids.choices = [(current_user.id, current_user.username)]
    if request.method == "GET":
        form.planned_on.data = local_today()
        form.inspector_ids.data = [current_user.id] if not supervising else []
        org_id = query_id(request.args.get("organisation_id"))
        if org_id is not None:
            form.organisation_id.data = org_id
    if form.validate_on_submit():
        template = db.session.get(ChecklistTemplate, form.template_id.data)
        org = db.session.get(Organisation, form.organisation_id.data)
        chosen = [u for u in (form.inspector_ids.data or [])]
        inspectors = (
            db.session.scalars(sa.select(User).where(User.id.in_(chosen))).all()
            if supervising and chosen
            else None
        )
        try:
            inspection, _created = workflow.create_inspection(
                template,
                org,
                current_user,
                uuid=str(uuidlib.uuid4()),
                planned_on=form.planned_on.data,
                inspectors=list(inspectors) if inspectors else None,
                basis_override=form.basis_override.data or "",
            )
        except Conflict as exc:  # a basis not in force: say which, ask for the reason
            db.session.rollback()
            form.basis_override.errors = [exc.message]
            return render_template(
                "inspections/new.html", form=form, supervising=supervising, basis_lapsed=True
            ), 409
        inspection.project = (form.project.data or "").strip()
        db.session.commit()
        flash(_("Inspection created."), "success")
        if can_fill(current_user, inspection):
            return redirect(url_for(".fill", key=inspection.uuid))
        return redirect(url_for(".show", key=inspection.uuid))
    status = 422 if request.method == "POST" else 200
    return render_template("inspections/new.html", form=form, supervising=supervising), status


# --- one inspection ---------------------------------------------------------------------------


def _view_data(inspection: Inspection) -> dict[str, Any]:
    summary = workflow.summary_of(inspection, local_today())
    done, required = workflow.progress(inspection)
    conditional = visibility.has_conditions(inspection.template_id)
    # a failed item that needs a photo and has none is not done (submitting would refuse it)
    done -= sum(1 for r in summary["items"] if r.get("missing") == "photo_required")
    photos: dict[Any, list[Photo]] = {}  # originals; an annotated copy is shown in its place
    for photo in inspection.photos:
        if photo.item_id is not None and photo.annotates_id is None:
            at = (photo.item_id, photo.instance) if photo.instance else photo.item_id
            photos.setdefault(at, []).append(photo)
    instance_answers = inspection.instance_answers()
    return {
        "inspection": inspection,
        "template": inspection.template,
        "numbers": inspection.template.item_numbers(),
        "results": {r["item_id"]: r for r in summary["items"]},
        "summary": summary,
        "answers": inspection.current_answers(),
        "photos": photos,
        # original photo id → its latest annotated copy (_photos.html shows it, 原图 a link)
        "annotated": {i: copies[-1] for i, copies in inspection.annotations().items()},
        # repeated sections: section id → live instances; by (item id, instance key) the
        # answers, the engine's verdicts and the notes
        "instances": repeats.instances_by_section(inspection),
        "instance_labels": {i.key: repeats.label_of(i) for i in inspection.live_instances()},
        "instance_answers": instance_answers,
        "instance_results": {
            (r["item_id"], x["key"]): x for r in summary["items"] for x in r.get("instances", ())
        },
        "instance_notes": {at: a.note for at, a in instance_answers.items()},
        "progress": (done, required),
        # visibility conditions: the phone re-evaluates them (conditions.js, loaded only then)
        "conditional": conditional,
        "condition_labels": inspection.template.condition_labels() if conditional else {},
        "conflicts": workflow.conflicts(inspection),
        "severity_short": SEVERITY_SHORT,
        "signatures": {
            kind.value: inspection.signature(kind)
            for kind in (PhotoKind.SIGNATURE_INSPECTOR, PhotoKind.SIGNATURE_ORG)
        },
    }


@bp.route("/<uuid:key>")
@login_required
def show(key):
    inspection = _load(key)
    return render_template(
        "inspections/show.html",
        **hooks.collect(hooks.page_context, inspection),
        today=local_today(),
        audit=workflow.audit_trail(inspection),
        may_fill=can_fill(current_user, inspection) and inspection.is_open,
        may_review=can_review(current_user),
        **_view_data(inspection),
    )


def _form_values(inspection: Inspection) -> MultiDict:
    """The current answers as the answer widget's form values (a<id>, u<id>, na<id>, none<id>
    for the stored [] of a parts item: none of the parts present, to<id> for a date_pair's
    second date)."""
    values = MultiDict()
    slots = [(str(i), a) for i, a in inspection.current_answers().items()]
    slots += [(f"{i}-{k}", a) for (i, k), a in inspection.instance_answers().items()]
    for slot, answer in slots:  # <id>, or <id>-<instance key> in a repeated section
        name = f"a{slot}"
        if answer.value == "na":
            values.add(name, "na")
            values.add(f"na{slot}", "1")
        elif isinstance(answer.value, list):
            for part in answer.value:
                values.add(name, part)
            if not answer.value:
                values.add(f"none{slot}", "1")
        elif isinstance(answer.value, dict):  # date_pair: a<id> from, to<id> to
            values.add(name, answer.value.get("from") or "")
            values.add(f"to{slot}", answer.value.get("to") or "")
        elif answer.value is not None:
            values.add(name, str(answer.value))
        if answer.unit:
            values.add(f"u{slot}", answer.unit)
    return values


@bp.route("/<uuid:key>/fill", methods=["GET", "POST"])
@login_required
def fill(key):
    """The filling page: every section in one page; the script shows one at a time and saves
    each answer as it is given (queued on the device when offline). Without the script, the
    form posts every answer given here at once."""
    inspection = _load(key, fill=True)
    if not inspection.is_open:
        flash(_("The inspection was submitted; it can change only after a supervisor returns it."))
        return redirect(url_for(".show", key=inspection.uuid))
    errors: dict[int, str] = {}
    status = 200
    missing = session.pop(_missing_key(inspection), None) if request.method == "GET" else None
    if request.method == "POST":
        errors = _save_form(inspection)
        if not errors:
            db.session.commit()
            flash(_("Answers saved."), "success")
            return redirect(url_for(".fill", key=inspection.uuid))
        db.session.rollback()
        status = 422
    values = request.form if request.method == "POST" else _form_values(inspection)
    notes = {a.item_id: a.note for a in inspection.current_answers().values()}
    page = render_template(
        "inspections/fill.html",
        values=values,
        errors=errors,
        missing=missing,
        section_of=_sections_of(inspection.template),
        notes=notes,
        phone_calendar=_phone_calendar(inspection.template),
        scanner=_scanner_urls({inspection.template_id}),
        hidden_sections=visibility.hidden_sections(inspection),
        **_view_data(inspection),
    )
    # asked again with the ETag of the same page (the phone's copy): 304, a few hundred bytes
    return assets.conditional_page(current_app.make_response((page, status)))


def _missing_key(inspection: Inspection) -> str:
    return f"missing-{inspection.uuid}"


def _sections_of(template: ChecklistTemplate) -> dict[int, str]:
    """Each item's section on the filling page (s1, s2, …), for links to an item."""
    return {
        item.id: f"s{n}"
        for n, section in enumerate(template.sections, start=1)
        for item in section.items
    }


#: The phone's code reader (扫码): its script, and the vendored jsQR it fetches where the browser
#: has no BarcodeDetector (iOS Safari, many in-app webviews).
SCANNER = ("js/scan.js", "vendor/jsqr/jsQR.js")


def _scanner_urls(template_ids: set[int]) -> list[str]:
    """The reader's files when one of these templates has a barcode item, else []: the filling
    page fetches them the first time a 扫码 button is used, the service worker keeps them so
    that scanning works offline; a form without such an item never loads them."""
    found = template_ids and db.session.scalar(
        sa.select(TemplateItem.id)
        .where(TemplateItem.template_id.in_(template_ids), TemplateItem.answer_type == "barcode")
        .limit(1)
    )
    return [url_for("static", filename=name) for name in SCANNER] if found else []


def _phone_calendar(template: ChecklistTemplate) -> str:
    """What the phone needs to judge ``date_pair`` answers offline as the engine does ("" when
    the template has none): the days that break the Mon–Fri rule (``off``: weekdays off, ``on``:
    weekend days worked) from two years before this one to the end of the next, by the same
    calendar the server judges with. Dates outside that range get no verdict offline."""
    items = template.ordered_items()
    if not any(item.answer_type == "date_pair" for item in items):
        return ""
    calendar = workflow.official_calendar(items) or scoring.LIBRARY_CALENDAR
    year = local_today().year
    first, last = dt.date(year - 2, 1, 1), dt.date(year + 1, 12, 31)
    off, on = workdays.deviations(calendar, first, last)
    data = {
        "from": first.isoformat(),
        "to": last.isoformat(),
        "off": [day.isoformat() for day in off],
        "on": [day.isoformat() for day in on],
    }
    return json.dumps(data, separators=(",", ":"))


def _save_form(inspection: Inspection) -> dict[int, str]:
    """Save the answers a form without the script posted; a message per invalid answer (then
    nothing is saved)."""
    try:
        validate_csrf(request.form.get("csrf_token"))
    except ValidationError:
        abort(400)
    parsed, errors = answers_from_form(inspection.template, request.form)
    if errors:
        return errors
    current = inspection.current_answers()
    now = dt.datetime.now(dt.UTC)
    items = inspection.template.ordered_items()
    photo_items = {i.id for i in items if i.answer_type == "photo"}
    for item_id, answer in parsed.items():
        note = request.form.get(f"n{item_id}", "").strip()
        earlier = current.get(item_id)
        if item_id in photo_items or (
            earlier is not None
            and earlier.note == note
            and earlier.value == workflow.json_value(answer.value)
        ):
            continue
        try:
            workflow.save_answer(
                inspection,
                item_id,
                workflow.json_value(answer.value),
                current_user,
                unit=answer.unit,
                note=note,
                answered_at=now,
            )
        except InputError as exc:
            errors[item_id] = "；".join(exc.fields.values())
    item_ids = {i.id for i in items}
    for name, upload in request.files.items(multi=True):
        # p<item id>, in ASCII digits ("p²" names no field: int() refuses "²")
        item_id = query_id(name[1:]) if name.startswith("p") else None
        if item_id is None or not upload.filename:
            continue
        if item_id not in item_ids:  # and so never an id beyond what the database holds
            errors[item_id] = _("This item is not in the inspection's template.")
            continue
        try:
            attaching.add_photo(inspection, upload.read(), current_user, item_id=item_id)
        except InputError as exc:
            errors[item_id] = "；".join(exc.fields.values())
        except PhotoError as exc:
            errors[item_id] = exc.message
    return errors


@bp.route("/<uuid:key>/submit", methods=["POST"])
@login_required
def submit(key):
    inspection = _load(key, fill=True)
    try:
        workflow.submit(inspection, current_user, local_today())
    except InputError as exc:
        db.session.rollback()
        # Post/redirect/get: the list of what is missing goes with the redirect, each line a
        # link to its item; reloading the page shows the page, not a "405".
        session[_missing_key(inspection)] = [
            (int(field.removeprefix("item_")), message)
            for field, message in exc.fields.items()
            if field.removeprefix("item_").isdigit()
        ]
        return redirect(url_for(".fill", key=inspection.uuid, _anchor="missing"), 303)
    db.session.commit()
    flash(_("Submitted. The score and findings are below."), "success")
    return redirect(url_for(".show", key=inspection.uuid))


@bp.route("/<uuid:key>/return", methods=["POST"])
@login_required
def return_for_correction(key):
    inspection = _load(key, review=True)
    try:
        workflow.return_for_correction(inspection, current_user, request.form.get("comment", ""))
    except InputError as exc:
        flash("；".join(exc.fields.values()), "error")
        return redirect(url_for(".show", key=inspection.uuid)), 303
    except Conflict as exc:
        flash(exc.message, "error")
        return redirect(url_for(".show", key=inspection.uuid)), 303
    db.session.commit()
    flash(_("Returned for correction: the inspector can change the answers again."), "success")
    return redirect(url_for(".show", key=inspection.uuid))


def _report(inspection: Inspection, *, for_pdf: bool) -> str:
    """The inspection report: score and explanation, every failed item with its clause, all
    answers, photos, signatures, findings and the audit trail. For the PDF the photos are put
    into the page itself (the renderer fetches nothing over the network)."""

    def image(photo: Photo, variant: str) -> str:
        if not for_pdf:
            return url_for(".photo_file", key=inspection.uuid, photo_id=photo.id, variant=variant)
        try:
            data = base64.b64encode(stamping.shown_bytes(photo, variant)).decode()
        except storage.BlobNotFound:
            return ""  # a lost file must not stop the report
        return f"data:{photo.display_mime};base64,{data}"

    return render_template(
        "inspections/report.html",
        for_pdf=for_pdf,
        image=image,
        **hooks.collect(hooks.page_context, inspection),
        audit=workflow.audit_trail(inspection),
        issuer=current_app.config["NOTICE_ISSUER"],
        **_view_data(inspection),
    )


@bp.route("/<uuid:key>/report")
@login_required
def report(key):
    return _report(_load(key), for_pdf=False)


@bp.route("/<uuid:key>/report.pdf")
@login_required
def report_pdf(key):
    inspection = _load(key)
    try:
        data = pdf.render(_report(inspection, for_pdf=True))
    except pdf.PdfUnavailable as exc:
        abort(503, description=str(exc))
    day = (inspection.submitted_at or inspection.created_at).strftime("%Y%m%d")
    return Response(
        data,
        mimetype="application/pdf",
        headers={
            "Content-Disposition": f"inline; filename=report-{day}-{inspection.uuid[:8]}.pdf",
            "Cache-Control": "private, no-store",
        },
    )


@bp.route("/<uuid:key>/approve", methods=["POST"])
@login_required
def approve(key):
    inspection = _load(key, review=True)
    try:
        workflow.approve(inspection, current_user, request.form.get("comment", ""))
    except Conflict as exc:
        flash(exc.message, "error")
        return redirect(url_for(".show", key=inspection.uuid)), 303
    db.session.commit()
    flash(_("Approved: the score stands."), "success")
    return redirect(url_for(".show", key=inspection.uuid), 303)


IMMUTABLE = "private, max-age=31536000, immutable"
EXTENSIONS = {"image/jpeg": ".jpg", "image/png": ".png", "image/webp": ".webp"}


@bp.route("/<uuid:key>/photos/<int:photo_id>/<any(show, thumb, original):variant>")
@login_required
def photo_file(key, photo_id: int, variant: str):
    """A photo's display copy or thumbnail (an item's photo with its 水印), or its original
    as received (the evidence, EXIF and all, as a download), only for people who may see the
    inspection."""
    inspection = _load(key)
    photo = db.session.get(Photo, photo_id)
    if photo is None or photo.inspection_id != inspection.id:
        abort(404)
    store = storage.blob_store()
    if variant == "original":
        return store.send(
            storage.variant_key(photo.sha256, storage.ORIGINAL),
            mimetype=photo.mime,
            as_attachment=True,
            download_name=photo.sha256 + EXTENSIONS.get(photo.mime, ""),
            etag=photo.sha256,
            cache_control=IMMUTABLE,
        )
    try:
        blob, tag = stamping.shown_key(photo, variant)
    except storage.BlobNotFound:
        abort(404)
    # The URL pages build names the stamp (``?v=<tag>``, see ``_photo_version``): such a URL
    # always shows the same copy. Without it (or an older one) the copy may change.
    current = not tag or request.args.get("v") == tag
    return store.send(
        blob,
        mimetype=photo.display_mime,
        etag=blob if tag else photo.sha256,
        cache_control=IMMUTABLE if current else "private, no-cache",
    )


@bp.url_defaults
def _photo_version(endpoint: str, values: dict[str, Any]) -> None:
    """``url_for`` of a stamped photo's copy adds ``v=<the stamp's tag>``: browsers and the
    phone's service worker keep a photo URL's answer for good, so when a fact on the stamp
    changes (a renamed organisation) the URL changes with it."""
    if endpoint != "inspections.photo_file" or "v" in values:
        return
    if values.get("variant") not in (storage.SHOWN, storage.THUMBNAIL):
        return
    photo_id = values.get("photo_id")
    photo = db.session.get(Photo, photo_id) if photo_id is not None else None  # loaded already
    if photo is not None:
        tag = stamping.stamp_tag(photo)
        if tag:
            values["v"] = tag


@sw.route("/sw.js")
def service_worker():
    """The service worker, at the root so that it may serve the inspection pages offline."""
    body = current_app.extensions.get("service_worker")
    if body is None or current_app.debug:
        body = current_app.extensions["service_worker"] = _service_worker_source()
    response = current_app.response_class(body, mimetype="text/javascript")
    response.headers["Cache-Control"] = "no-cache"
    response.headers["Service-Worker-Allowed"] = "/"
    # the browser checks for a new worker on every visit: unchanged, a 304
    response.set_etag(hashlib.sha256(body.encode()).hexdigest()[:32])
    return response.make_conditional(request)


SHELL_LINE = re.compile(r"^var SHELL = (\[.*\]);$", re.MULTILINE)
STATIC_LINE = re.compile(r'^var STATIC = "[^"]*";$', re.MULTILINE)


def _service_worker_source() -> str:
    """static/js/sw.js with each shell URL as the pages name it (``name.<content hash>.ext``) and
    the static cache named after them: the body, hence the worker, changes exactly when a shell
    file's bytes do. Made once per process (the hashes are read once)."""
    path = os.path.join(current_app.static_folder or "static", "js", "sw.js")
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    shell = SHELL_LINE.search(text)
    if shell is None or STATIC_LINE.search(text) is None:
        raise RuntimeError(
            "sw.js: the lines 'var STATIC = \"...\";' and 'var SHELL = [...];' are needed"
        )
    urls = [
        url_for("static", filename=url.removeprefix("/static/"))
        for url in json.loads(shell.group(1))
    ]
    name = "cc-static-" + hashlib.sha256(" ".join(urls).encode()).hexdigest()[:12]
    text = SHELL_LINE.sub(lambda _m: f"var SHELL = {json.dumps(urls)};", text, count=1)
    return STATIC_LINE.sub(lambda _m: f'var STATIC = "{name}";', text, count=1)
