"""Standards pages: document list, document with its clause tree, versions, search, import."""

from __future__ import annotations

import uuid
from collections import defaultdict
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from flask import (
    Blueprint,
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
from flask_wtf.file import FileField, FileRequired
from markupsafe import Markup
from werkzeug.datastructures import MultiDict
from wtforms import DateField, HiddenField, SelectField, SubmitField, TextAreaField
from wtforms.validators import Length, Optional

from checklists.accounts.forms import choices
from checklists.accounts.models import Role
from checklists.accounts.permissions import role_required
from checklists.core import jobs, storage, subsup
from checklists.core.clock import local_today
from checklists.core.errors import InputError
from checklists.core.extensions import db
from checklists.standards import import_jobs, services
from checklists.standards.models import Clause, Document, Requirement, document_year
from checklists.standards.search import search_clauses
from checklists.standards.search_index import normalise

bp = Blueprint("standards", __name__, url_prefix="/standards")

MODALITY_LABELS = {
    "mandatory_strong": _l("must (strong)"),
    "mandatory": _l("must"),
    "default": _l("as a rule"),
    "advisory": _l("advisory"),
    "permission": _l("may"),
}
UNIT_LABELS = {
    "working_day": _l("working days"),
    "day": _l("days"),
    "hour": _l("hours"),
    "minute": _l("minutes"),
    "second": _l("seconds"),
    "month": _l("months"),
    "year": _l("years"),
    "age_year": _l("years of age"),
}
PER_LABELS = {
    "second": _l("per second"),
    "minute": _l("per minute"),
    "hour": _l("per hour"),
    "day": _l("per day"),
    "week": _l("per week"),
    "ten_days": _l("per ten days (旬)"),
    "half_month": _l("per half month"),
    "month": _l("per month"),
    "quarter": _l("per quarter"),
    "half_year": _l("per half year"),
    "year": _l("per year"),
    "batch": _l("per batch"),
}
COMPARATORS = {">=": "≥", "<=": "≤", ">": ">", "<": "<", "==": "="}


def _number(value: Decimal | None) -> str:
    if value is None:
        return ""
    text = format(value.normalize(), "f")
    return text


def requirement_label(req: Requirement) -> str:
    """A short reading of a requirement, e.g. "必须 · ≥ 500 m²" or "15 个工作日"."""
    parts = []
    if req.modality:
        parts.append(str(MODALITY_LABELS.get(req.modality, req.modality)))
    unit = str(UNIT_LABELS.get(req.unit, req.unit or ""))
    if req.comparator == "range":
        parts.append(f"{_number(req.low)}–{_number(req.high)} {unit}".strip())
    elif req.comparator:
        parts.append(f"{COMPARATORS[req.comparator]} {_number(req.value)} {unit}".strip())
    elif req.value is not None:
        parts.append(f"{_number(req.value)} {unit}".strip())
    if req.per:
        label = str(PER_LABELS.get(req.per, req.per))
        if req.per_count:  # (每100户: how many of what it is per)
            label = f"{_number(req.per_count)} × {label}"
        parts.append(label)
    if "vague_deadline" in req.flags:
        parts.append(_("no deadline stated"))
    if "source_conflict" in req.flags:
        parts.append(_("conflicts with another clause"))
    return " · ".join(parts) or req.kind


def highlight(clause: Clause) -> Markup:
    """The clause text with each requirement's span marked, sub- and superscripts shown."""
    text = clause.text
    spans = sorted((r.start, r.start + len(r.span), r) for r in clause.requirements if r.span)
    marks, cursor = [], 0
    for start, end, req in spans:
        if start < cursor or text[start:end] != req.span:
            continue  # overlapping or stale span: leave the text as it is
        kind = "warn" if {"vague_deadline", "source_conflict"} & set(req.flags) else req.kind
        opening = Markup('<mark class="req req-{}" title="{}">').format(
            kind, requirement_label(req)
        )
        marks.append(subsup.Mark(start, end, opening, Markup("</mark>")))
        cursor = end
    return subsup.render(text, marks)


@bp.app_template_global("clause_diff")
def clause_diff(old: str, new: str) -> Markup:
    """A clause's old and new words in one line (<del>/<ins>), escaped, formulas shown."""
    return subsup.diff_html(old or "", new or "")


@bp.app_template_global("snippet")
def snippet(text: str, needle: str, context: int = 60) -> Markup:
    """Up to ``context`` characters around the first match, every match marked, sub- and
    superscripts shown."""
    at = text.find(needle) if needle else -1
    if at < 0:
        return subsup.excerpt(text, (0, context * 2))
    marks = []
    while at >= 0:
        marks.append(subsup.Mark(at, at + len(needle), Markup("<mark>"), Markup("</mark>")))
        at = text.find(needle, at + len(needle))
    first = marks[0].start
    return subsup.excerpt(text, (first - context, first + len(needle) + context), marks)


@bp.app_template_filter("subsup")
def _subsup_filter(text: Any, limit: int | None = None) -> Markup:
    """Clause text (str) escaped with its sub- and superscripts as <sub>/<sup>; with ``limit``,
    its first ``limit`` characters. Markup passes through as it is (it is HTML already)."""
    if isinstance(text, Markup):
        return text
    words = str(text) if text else ""
    return subsup.to_html(words) if limit is None else subsup.truncate(words, limit)


@bp.app_template_filter("requirement_label")
def _requirement_label_filter(req: Requirement) -> str:
    return requirement_label(req)


@bp.app_template_filter("highlight")
def _highlight_filter(clause: Clause) -> Markup:
    return highlight(clause)


def _filters(args: MultiDict[str, str]) -> dict[str, Any]:
    """The list's filters as its form sends them; a value it does not offer is ignored."""
    year = args.get("year", "")
    return {
        "issuer": args.get("issuer") or None,
        "year": int(year) if year.isascii() and year.isdigit() and len(year) <= 4 else None,
        "in_force": {"yes": True, "no": False}.get(args.get("in_force", "")),
        "q": args.get("q") or None,
    }


@bp.route("/")
@login_required
def index():
    counts = (
        sa.select(Clause.document_id, sa.func.count().label("n"))
        .group_by(Clause.document_id)
        .subquery()
    )
    rows = db.session.execute(
        services.document_query(**_filters(request.args))
        .add_columns(sa.func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.document_id == Document.id)
    ).all()
    issuers = db.session.scalars(
        sa.select(Document.issuer)
        .where(Document.issuer.is_not(None))
        .distinct()
        .order_by(Document.issuer)
    ).all()
    dated = db.session.execute(
        sa.select(Document.signed_on, Document.number).where(Document.is_current)
    )
    years = sorted({y for y in (document_year(*row) for row in dated) if y}, reverse=True)
    filters = FilterForm(request.args)
    filters.issuer.choices = choices([("", _("All")), *((i, i) for i in issuers)])
    filters.year.choices = choices([("", _("All")), *((str(y), str(y)) for y in years)])
    return render_template("standards/index.html", rows=rows, filters=filters, today=local_today())


def _document_or_404(document_id: int) -> Document:
    return db.session.get(Document, document_id) or abort(404)


@bp.route("/documents/<int:document_id>")
@login_required
def document(document_id: int):
    doc = _document_or_404(document_id)
    clauses = services.clauses_with_requirements(doc)
    children: dict[int | None, list[Clause]] = defaultdict(list)
    for clause in clauses:
        children[clause.parent_id].append(clause)
    versions = db.session.scalars(
        sa.select(Document).where(Document.lineage == doc.lineage).order_by(Document.version)
    ).all()
    requirement_count = sum(len(c.requirements) for c in clauses)
    return render_template(
        "standards/document.html",
        repeal_form=RepealForm(formdata=None, repealed_on=local_today()),
        may_repeal=current_user.role in (Role.ADMIN, Role.AUTHOR) and not doc.repealed_on,
        doc=doc,
        children=children,
        versions=versions,
        requirement_count=requirement_count,
        clause_count=len(clauses),
        today=local_today(),
    )


class RepealForm(FlaskForm):
    repealed_on = DateField(_l("Repealed from"), validators=[Optional()])
    repeal_note = TextAreaField(_l("What repealed it"), validators=[Optional(), Length(max=1000)])
    submit = SubmitField(_l("Mark as repealed"))


@bp.route("/documents/<int:document_id>/repeal", methods=["POST"])
@login_required
def repeal(document_id: int):
    """Mark a document repealed (废止): whatever cites it is flagged to its owners, and nothing
    new may rest on it from that day without a recorded reason."""
    doc = _document_or_404(document_id)
    if current_user.role not in (Role.ADMIN, Role.AUTHOR):
        abort(403)
    form = RepealForm(meta={"csrf": False})  # the app's CSRFProtect has checked the token
    if not form.validate_on_submit():
        for errors in form.errors.values():
            flash("；".join(errors), "error")
        return redirect(url_for(".document", document_id=doc.id)), 303
    try:
        services.repeal_document(
            doc, form.repealed_on.data, form.repeal_note.data or "", current_user
        )
    except InputError as exc:
        db.session.rollback()
        for message in exc.fields.values():
            flash(message, "error")
    else:
        db.session.commit()
        flash(_("Marked as repealed; whatever cites it has been flagged."), "success")
    return redirect(url_for(".document", document_id=doc.id)), 303


@bp.route("/documents/<int:document_id>/diff")
@login_required
def diff(document_id: int):
    doc = _document_or_404(document_id)
    if doc.previous is None:
        abort(404)
    return render_template(
        "standards/diff.html",
        doc=doc,
        old=doc.previous,
        changes=services.diff_documents(doc.previous, doc),
    )


@bp.route("/search")
@login_required
def search():
    q = request.args.get("q", "").strip()
    results = search_clauses(q, limit=100) if q else []
    return render_template("standards/search.html", q=q, results=results, needle=normalise(q))


class FilterForm(FlaskForm):
    """The document list's filters (a GET form: no CSRF token)."""

    class Meta:
        csrf = False

    issuer = SelectField(_l("Issuer"), validate_choice=False)
    year = SelectField(_l("Year"), validate_choice=False)
    in_force = SelectField(
        _l("In force today"),
        choices=choices([("", _l("All")), ("yes", _l("In force")), ("no", _l("Not in force"))]),
    )
    submit = SubmitField(_l("Apply"))


class ImportForm(FlaskForm):
    #: A retried upload of a large file (imported by a job) is the same job.
    client_id = HiddenField(validators=[Optional(), Length(max=64)])
    file = FileField(
        _l("Gazette file (.txt, .md, .docx, .pdf)"),
        validators=[FileRequired()],
        render_kw={"accept": ".txt,.md,.docx,.pdf,text/plain,text/markdown,application/pdf"},
    )
    submit = SubmitField(_l("Import"))


@bp.route("/import", methods=["GET", "POST"])
@role_required(Role.AUTHOR)
def upload():
    form = ImportForm()
    if not form.is_submitted():
        form.client_id.data = str(uuid.uuid4())
    report = None
    if form.validate_on_submit():
        upload = form.file.data
        data = upload.read()
        if len(data) > current_app.config["IMPORT_JOB_BYTES"]:  # a long read: a job's
            job = jobs.enqueue(
                import_jobs.KIND,
                {"key": storage.blob_store().put(data), "filename": upload.filename or ""},
                owner=current_user,
                client_id=form.client_id.data or None,
                title=import_jobs.title(upload.filename or ""),
            )
            return redirect(url_for("jobs.index", new=job.id), code=303)
        try:
            text = services.read_file(
                upload.filename or "upload.txt",
                data,
                current_app.config["MAX_CONTENT_LENGTH"],
            )
            report = services.import_text(text, upload.filename or "upload.txt", current_user)
        except InputError as exc:
            db.session.rollback()
            form.file.errors = [*form.file.errors, *exc.fields.values()]
        else:
            db.session.commit()
    status = 422 if form.file.errors else 200
    return render_template("standards/import.html", form=form, report=report), status
