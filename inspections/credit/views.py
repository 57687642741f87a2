"""Credit pages: the register, an entry with its steps and notices, due work, the deposit
ledger, depots; and the public lists (一公开, no login).

The pages parse what was typed, call the services (``entries``, ``deposits``, ``depots``,
``due``) and render; the services judge in the contract's order (404 → 403 → 409 → 422) and
every POST that succeeds redirects to a page that shows the result."""

from __future__ import annotations

import datetime as dt
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

from checklists.accounts import marks
from checklists.accounts.models import Organisation, Region, RegionLevel, Role
from checklists.accounts.permissions import visible_organisations
from checklists.core import pdf, tabular
from checklists.core.clock import local_today
from checklists.core.errors import Conflict, InputError
from checklists.core.extensions import db
from checklists.core.schemas import query_id
from inspections.credit import deposits, depots, due, entries, regime
from inspections.credit.api import documents_of
from inspections.credit.forms import (
    NOT_SENT,
    PROPOSED_KINDS,
    STEP_FORMS,
    DepositForm,
    DepotForm,
    NewEntryForm,
)
from inspections.credit.models import (
    HOLDS_PLACE,
    ON_LIST,
    CreditEntry,
    CreditKind,
    CreditStatus,
    DepositKind,
    DepositLine,
    DepotQualification,
)
from inspections.credit.regime import STEPS
from inspections.credit.terms import Case

bp = Blueprint("credit", __name__, url_prefix="/credit")
public_bp = Blueprint("public", __name__, url_prefix="/public")

#: The day each step is due by (the entry's field), when its clause sets one.
STEP_DUE = {
    "defence": "defence_due_on",
    "submit": "office_due_on",
    "publish": "publish_due_on",
    "request_removal": "removal_request_due_on",
    "remove": "ends_on",
    "publish_removal": "removal_publish_due_on",
}
EVENT_LABELS = {"proposed": _l("Proposed"), **{name: s.label for name, s in STEPS.items()}}
OUTCOME_LABELS = {
    "list": _l("listed"),
    "drop": _l("not listed: the defence holds"),
    "remove": _l("removed from the list"),
    "retain": _l("kept on the list with a new term"),
}
WHAT_LABELS = {
    "publish": _l("Publish"),
    "submit": _l("Report to the office"),
    "remove": _l("Decide on a removal"),
    "publish_removal": _l("Publish a removal"),
    "deposit": _l("Deposit owed"),
    "inspect": _l("Inspect (listed unit)"),
    "interview": _l("Interview the principal (listed unit)"),
    "rectify": _l("Check a depot again"),
}
DEPOT_EVENT_LABELS = {
    "accepted": _l("Passed acceptance"),
    "failed": _l("Failed acceptance"),
    "fail": _l("Failed a check: a month to put it right"),
    "pass": _l("Put right: qualified again"),
    "cancel": _l("Qualification cancelled (取消配送资格)"),
}
DEPOT_STEP_LABELS = {
    "fail": _l("Failed a check"),
    "pass": _l("Put right"),
    "cancel": _l("Cancel the qualification"),
}
#: The lists' names in the public CSV: fixed, whatever the reader's language.
PUBLIC_NAMES = {
    CreditKind.BLACKLIST: "安全生产黑名单",
    CreditKind.PROCUREMENT_BAN: "政府采购禁入",
}
PUBLIC_KINDS = tuple(kind for kind, basis in regime.BASES.items() if basis.public)
CSV_HEADER = ["name", "credit_code", "kind", "basis", "start", "end"]


def _listing_citation(kind: CreditKind) -> str:
    return regime.citation(kind, regime.BASES[kind].listing)


def _step_citation(kind: CreditKind, step: str) -> str:
    return regime.citation(kind, regime.article_of(kind, step))


@bp.app_context_processor
def _labels() -> dict[str, Any]:
    return {
        "credit_kind_labels": regime.KIND_LABELS,
        "credit_status_labels": regime.STATUS_LABELS,
        "credit_case_labels": regime.CASE_LABELS,
        "credit_event_labels": EVENT_LABELS,
        "credit_outcome_labels": OUTCOME_LABELS,
        "credit_deposit_labels": regime.DEPOSITS,
        "credit_deposit_kind_labels": regime.DEPOSIT_KIND_LABELS,
        "credit_qualification_labels": regime.QUALIFICATION_LABELS,
        "credit_listing_citation": _listing_citation,
        "credit_step_citation": _step_citation,
    }


def _day(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


@bp.app_template_global("credit_marks")
def credit_marks(organisation_ids) -> dict[int, list[dict[str, Any]]]:
    """The marks beside organisations' names: ``{id: [{"kind", "label", "ends"}]}``, for all
    the ids of a page at once (one query)."""
    ids = list(dict.fromkeys(int(i) for i in organisation_ids if i is not None))
    found = marks.of("credit", ids)
    return {
        org_id: [
            {
                **mark,
                "label": regime.KIND_MARKS.get(CreditKind(mark["kind"]), mark["kind"]),
                "ends": _day(mark.get("ends_on")),
            }
            for mark in rows
        ]
        for org_id, rows in found.items()
    }


def next_due(entry: CreditEntry, today: dt.date) -> dict[str, Any] | None:
    """The step the entry waits for, the day it is due and whether the authorities are late
    with it (an enterprise's defence or application is a right, never "late")."""
    step = entries.next_step(entry)
    if step is None:
        return None
    due_on = getattr(entry, STEP_DUE[step.name]) if step.name in STEP_DUE else None
    late = due_on is not None and due_on < today and step.side == regime.SUPERVISOR
    return {"step": step, "due_on": due_on, "late": late}


def _roles(*roles: Role) -> None:
    if current_user.role not in roles:
        abort(403)


def _organisations() -> list[Organisation]:
    return list(db.session.scalars(visible_organisations(current_user).order_by(Organisation.name)))


def _show_errors(form: FlaskForm, exc: Exception, default: str) -> None:
    """The service's reasons on the fields they name (else on ``default``); a 409 flashed,
    except ``regime_not_applicable``, which asks for the override on the form."""
    if isinstance(exc, InputError):
        for name, message in exc.fields.items():
            target = form[name] if name in form and name not in NOT_SENT else form[default]
            target.errors = [*(target.errors or []), message]
    elif getattr(exc, "code", "") == "regime_not_applicable" and "override" in form:
        form["override"].errors = [exc.message]  # type: ignore[attr-defined]
    else:
        flash(getattr(exc, "message", str(exc)), "error")


# --- the register -----------------------------------------------------------------------------


def _chosen(args) -> dict[str, str]:
    kind, status = args.get("kind", ""), args.get("status", "")
    return {
        "kind": kind if kind in CreditKind._value2member_map_ else "",
        "status": status if status in CreditStatus._value2member_map_ else "",
        "organisation_id": str(query_id(args.get("organisation_id")) or ""),
    }


@bp.route("/")
@login_required
def register():
    """The entries the user sees (an enterprise its own), filtered by list, status and
    organisation, newest first, each with the step it waits for and its day."""
    _roles(Role.ADMIN, Role.SUPERVISOR, Role.ENTERPRISE)
    chosen = _chosen(request.args)
    query = entries.visible_entries(current_user).options(
        sa.orm.joinedload(CreditEntry.organisation)
    )
    if chosen["kind"]:
        query = query.where(CreditEntry.kind == CreditKind(chosen["kind"]))
    if chosen["status"]:
        query = query.where(CreditEntry.status == CreditStatus(chosen["status"]))
    if chosen["organisation_id"]:
        query = query.where(CreditEntry.organisation_id == int(chosen["organisation_id"]))
    rows = db.session.scalars(query.order_by(CreditEntry.id.desc()).limit(500)).all()
    today = local_today()
    enterprise = current_user.role == Role.ENTERPRISE
    return render_template(
        "credit/register.html",
        rows=[(entry, next_due(entry, today)) for entry in rows],
        chosen=chosen,
        organisations=[] if enterprise else _organisations(),
        may_create=entries.can_create(current_user),
        own_id=current_user.organisation_id if enterprise else None,
        today=today,
    )


# --- proposing an entry -----------------------------------------------------------------------


def _new_page(form: NewEntryForm, status: int = 200):
    return render_template("credit/new.html", form=form), status


@bp.route("/new", methods=["GET", "POST"])
@login_required
def new():
    """Propose an entry (第五条（一）): the organisation, the list, the case and the reason."""
    if not entries.can_create(current_user):
        abort(403)
    if request.method == "GET":
        form = NewEntryForm(formdata=None, client_id=str(uuidlib.uuid4()))
        form.organisation_id.data = str(query_id(request.args.get("organisation_id")) or "")
    else:
        form = NewEntryForm()
    form.fill_choices(_organisations())
    if request.method == "GET":
        return _new_page(form)
    if not form.validate():
        return _new_page(form, 422)
    try:
        kind = _choice(CreditKind, form.kind.data, "kind", PROPOSED_KINDS)
        case = _choice(Case, form.case.data, "case") if form.case.data else None
        entry, _created = entries.create(
            current_user,
            today=local_today(),
            organisation_id=query_id(form.organisation_id.data) or 0,
            kind=kind,
            case=case,
            reason=form.reason.data,
            term_years=form.term_years.data,
            client_id=form.client_id.data or str(uuidlib.uuid4()),
            override=form.override.data,
        )
    except (InputError, Conflict) as exc:
        db.session.rollback()
        _show_errors(form, exc, default="reason")
        return _new_page(form, 409 if isinstance(exc, Conflict) else 422)
    db.session.commit()
    flash(_("Proposed: %(number)s.", number=entry.number), "success")
    return redirect(url_for(".entry", entry_id=entry.id), 303)


def _choice(enum, raw: str | None, name: str, allowed=None):
    """``raw`` as a member of ``enum`` (and of ``allowed``), else a 422 naming ``name``."""
    allowed = tuple(allowed or enum)
    if not raw:
        raise InputError({name: _("This field is required.")})
    if raw not in {member.value for member in allowed}:
        raise InputError(
            {name: _("One of: %(values)s.", values=", ".join(m.value for m in allowed))}
        )
    return enum(raw)


# --- one entry ----------------------------------------------------------------------------------


def _visible_entry(entry_id: int) -> CreditEntry:
    found, status = entries.checked(current_user, entry_id)
    if status != 200:
        abort(status)
    return found


def _fresh_form(name: str, today: dt.date) -> FlaskForm:
    form = STEP_FORMS[name](formdata=None, client_id=str(uuidlib.uuid4()))
    form["on"].data = today
    return form


def _entry_page(entry: CreditEntry, forms: dict[str, FlaskForm] | None = None, status=200):
    today = local_today()
    forms = dict(forms or {})
    takes = entries.steps_for(current_user, entry)
    for step in takes:
        forms.setdefault(step.name, _fresh_form(step.name, today))

    def clause_text(step: str) -> str:
        found = entries.current_clause(entry.kind, regime.article_of(entry.kind, step))
        return found.text if found is not None else ""

    return render_template(
        "credit/entry.html",
        entry=entry,
        takes=takes,
        forms=forms,
        waiting=next_due(entry, today),
        documents=documents_of(entry),
        step_due=lambda name: getattr(entry, STEP_DUE[name]) if name in STEP_DUE else None,
        clause_text=clause_text,
        has_ledger=entry.kind is CreditKind.BLACKLIST and bool(entry.published_on),
        today=today,
    ), status


@bp.route("/<int:entry_id>")
@login_required
def entry(entry_id: int):
    """An entry: its clause, term, the steps so far with their days, the notices, and the
    forms for the steps the user may take now."""
    return _entry_page(_visible_entry(entry_id))


def _sent(form: FlaskForm) -> dict[str, Any]:
    """What the form sends to the step, as the API would (empty fields left out)."""
    values: dict[str, Any] = {}
    for field in form:
        if field.name in NOT_SENT:
            continue
        raw = request.form.get(field.name, "")
        if field.name == "term_years":
            number = query_id(raw)
            values[field.name] = number if number is not None else raw.strip()
        else:
            values[field.name] = raw.strip() if field.name in ("on", "defence_due_on") else raw
    return values


@bp.route("/<int:entry_id>/step/<step>", methods=["POST"])
@login_required
def step(entry_id: int, step: str):
    """One step from its form: 404 (not seen, or no such step), 403 (not the user's to take);
    then the service's 409 (out of order) and 422 (bad values) come back on the page."""
    found, status = entries.checked(current_user, entry_id, step)
    if status != 200:
        abort(status)
    form = STEP_FORMS[step]()
    try:
        entries.take_step(
            found,
            step,
            current_user,
            _sent(form),
            today=local_today(),
            client_id=form.client_id.data or None,
        )
    except (InputError, Conflict) as exc:
        db.session.rollback()
        found = _visible_entry(entry_id)
        _show_errors(form, exc, default=next(f.name for f in form if f.name not in NOT_SENT))
        return _entry_page(found, {step: form}, 409 if isinstance(exc, Conflict) else 422)
    db.session.commit()
    flash(_("%(step)s: saved.", step=STEPS[step].label), "success")
    return redirect(url_for(".entry", entry_id=found.id), 303)


# --- the notices ------------------------------------------------------------------------------


def _document_html(entry: CreditEntry, name: str, *, for_pdf: bool) -> str:
    def clause_text(step: str) -> str:
        found = entries.current_clause(entry.kind, regime.article_of(entry.kind, step))
        return found.text if found is not None else ""

    required = db.session.scalar(
        sa.select(DepositLine)
        .where(DepositLine.entry_id == entry.id, DepositLine.kind == DepositKind.REQUIRED)
        .order_by(DepositLine.id)
        .limit(1)
    )
    decide, remove = entry.last_step("decide"), entry.last_step("remove")
    return render_template(
        f"credit/document_{name}.html",
        entry=entry,
        name=name,
        for_pdf=for_pdf,
        basis=regime.BASES[entry.kind],
        cite=lambda step: _step_citation(entry.kind, step),
        clause_text=clause_text,
        notify=entry.last_step("notify"),
        decide=decide,
        decided=(decide.data.get("request", {}).get("outcome") if decide else None),
        publish=entry.last_step("publish"),
        remove=remove,
        removal=(remove.data.get("request", {}).get("outcome") if remove else None),
        required=required,
        safety_deposit=regime.SAFETY_DEPOSIT,
        blacklist=entry.kind is CreditKind.BLACKLIST,
    )


def _document_entry(entry_id: int, name: str) -> CreditEntry:
    """The entry, if the user sees it and the notice exists yet (else 404)."""
    entry = _visible_entry(entry_id)
    if name not in documents_of(entry):
        abort(404)
    return entry


@bp.route("/<int:entry_id>/documents/<any(notice, decision, removal):name>")
@login_required
def document(entry_id: int, name: str):
    """告知书 (notice), 决定书 (decision) or 移出/保留决定 (removal) as a printable A4 page."""
    return _document_html(_document_entry(entry_id, name), name, for_pdf=False)


@bp.route("/<int:entry_id>/documents/<any(notice, decision, removal):name>.pdf")
@login_required
def document_pdf(entry_id: int, name: str):
    """The same notice as a PDF (Pango and a Chinese font on the server; else 503)."""
    entry = _document_entry(entry_id, name)
    try:
        data = pdf.render(_document_html(entry, name, for_pdf=True))
    except pdf.PdfUnavailable as exc:
        abort(503, description=str(exc))
    filename = f"credit-{name}-{entry.year}-{entry.seq:04d}.pdf"
    return Response(
        data,
        mimetype="application/pdf",
        headers={
            "Content-Disposition": f"inline; filename={filename}",
            "Cache-Control": "private, no-store",
        },
    )


# --- due work ---------------------------------------------------------------------------------


@bp.route("/due", endpoint="due")
@login_required
def due_work():
    """What the lists ask of a supervisor, by day, the overdue first (each with its clause)."""
    if not entries.can_create(current_user):
        abort(403)
    today = local_today()
    groups: list[dict[str, Any]] = []
    for item in due.due_work(current_user, today):
        if not groups or groups[-1]["day"] != item.due_on:
            groups.append({"day": item.due_on, "overdue": item.overdue(today), "work": []})
        groups[-1]["work"].append(item)
    return render_template("credit/due.html", groups=groups, what_labels=WHAT_LABELS, today=today)


# --- the deposit ledger -------------------------------------------------------------------------


def _ledger_page(organisation: Organisation, form: DepositForm | None, status: int = 200):
    today = local_today()
    lines = deposits.lines_of(organisation.id)
    numbers = dict(
        db.session.execute(
            sa.select(CreditEntry.id, CreditEntry.number).where(
                CreditEntry.organisation_id == organisation.id
            )
        ).all()
    )
    return render_template(
        "credit/ledger.html",
        organisation=organisation,
        balances=[(b, b.overdue(today)) for b in deposits.balances(organisation.id)],
        lines=lines,
        numbers=numbers,
        form=form,
        today=today,
    ), status


def _deposit_form(organisation: Organisation, post: bool) -> DepositForm:
    if post:
        form = DepositForm()
    else:
        form = DepositForm(formdata=None, client_id=str(uuidlib.uuid4()), on=local_today())
    rows = db.session.scalars(
        sa.select(CreditEntry)
        .where(CreditEntry.organisation_id == organisation.id)
        .order_by(CreditEntry.id.desc())
    )
    form.entry_id.choices = [("", "—")] + [
        (str(e.id), f"{e.number} · {regime.KIND_LABELS[e.kind]}") for e in rows
    ]
    return form


def _deposit_values(form: DepositForm) -> dict[str, Any]:
    """The line's values for ``deposits.record``; a 422 naming the fields that do not parse."""
    errors: dict[str, str] = {}
    amount = (form.amount.data or "").replace(",", "").replace("，", "").strip()
    # isdecimal, not isdigit: "²" and "①" are digits that int() refuses; "１０００" is read
    if not amount.isdecimal() or len(amount) > 13:
        errors["amount"] = _("A whole number of yuan above 0.")
    if form.kind.data not in DepositKind._value2member_map_:
        errors["kind"] = _("One of: %(values)s.", values=", ".join(DepositKind))
    if form.on.data is None:
        errors["on"] = _("This field is required.")
    if errors:
        raise InputError(errors)
    return {
        "deposit": form.deposit.data or "",
        "kind": DepositKind(form.kind.data),
        "amount": int(amount),
        "on": form.on.data,
        "due_on": form.due_on.data,
        "voucher": form.voucher.data or "",
        "note": form.note.data or "",
        "entry_id": query_id(form.entry_id.data),
    }


@bp.route("/deposits/<int:organisation_id>", methods=["GET", "POST"])
@login_required
def ledger(organisation_id: int):
    """An organisation's deposit ledger with what is held, owed and overdue (an enterprise its
    own); supervisors add lines (due, paid, forfeited, refunded)."""
    organisation = db.session.scalar(
        visible_organisations(current_user).where(Organisation.id == organisation_id)
    )
    if organisation is None or current_user.role in (Role.INSPECTOR, Role.AUTHOR):
        abort(404)
    may_record = deposits.can_record(current_user)
    if request.method == "POST" and not may_record:
        abort(403)
    form = _deposit_form(organisation, request.method == "POST") if may_record else None
    if request.method == "GET" or form is None:
        return _ledger_page(organisation, form)
    if not form.validate():
        return _ledger_page(organisation, form, 422)
    try:
        line, _created = deposits.record(
            current_user,
            today=local_today(),
            organisation_id=organisation.id,
            client_id=form.client_id.data or str(uuidlib.uuid4()),
            **_deposit_values(form),
        )
    except (InputError, Conflict) as exc:
        db.session.rollback()
        _show_errors(form, exc, default="amount")
        return _ledger_page(organisation, form, 409 if isinstance(exc, Conflict) else 422)
    db.session.commit()
    flash(
        _(
            "Ledger line added: %(kind)s %(amount)s yuan.",
            kind=regime.DEPOSIT_KIND_LABELS[line.kind],
            amount=f"{line.amount:,}",
        ),
        "success",
    )
    return redirect(url_for(".ledger", organisation_id=organisation.id), 303)


# --- depots -------------------------------------------------------------------------------------


def _townships() -> list[Region]:
    query = sa.select(Region).where(Region.level == RegionLevel.TOWNSHIP)
    if current_user.role == Role.SUPERVISOR and current_user.region is not None:
        query = query.where(Region.id.in_(current_user.region.subtree_ids()))
    return list(db.session.scalars(query.order_by(Region.parent_id, Region.name)))


def _depot_form(post: bool) -> DepotForm:
    form = DepotForm() if post else DepotForm(formdata=None, client_id=str(uuidlib.uuid4()))
    form.organisation_id.choices = [("", _("Choose…"))] + [
        (str(o.id), o.name) for o in _organisations()
    ]
    form.region_id.choices = [("", _("The organisation's township"))] + [
        (str(r.id), r.full_name) for r in _townships()
    ]
    return form


def _depots_page(form: DepotForm | None, status: int = 200):
    records = db.session.scalars(
        depots.visible_qualifications(current_user)
        .options(
            sa.orm.joinedload(DepotQualification.organisation),
            sa.orm.joinedload(DepotQualification.region),
        )
        .order_by(DepotQualification.region_id, DepotQualification.name)
    ).all()
    region_ids = {r.region_id for r in records}
    taken = dict(
        db.session.execute(
            sa.select(DepotQualification.region_id, sa.func.count())
            .where(
                DepotQualification.region_id.in_(region_ids),
                DepotQualification.status.in_(HOLDS_PLACE),
            )
            .group_by(DepotQualification.region_id)
        ).all()
    )
    groups: list[dict[str, Any]] = []
    for record in records:
        if not groups or groups[-1]["region"].id != record.region_id:
            groups.append({"region": record.region, "records": []})
        groups[-1]["records"].append(record)
    return render_template(
        "credit/depots.html",
        groups=groups,
        taken=taken,
        places=regime.DEPOTS_PER_TOWNSHIP,
        form=form,
        steps=depots.STEPS,
        step_labels=DEPOT_STEP_LABELS,
        event_labels=DEPOT_EVENT_LABELS,
        may_write=entries.can_create(current_user),
        clause=regime.DEPOT_CLAUSE.replace("/", " ", 1).replace("/", ""),
        today=local_today(),
    ), status


@bp.route("/depots", methods=["GET", "POST"], endpoint="depots")
@login_required
def depots_page():
    """Clean-coal depots by township with their places taken (at most 3), and a form to
    record an acceptance (冠政发〔2016〕109号 四（二））."""
    _roles(Role.ADMIN, Role.SUPERVISOR, Role.ENTERPRISE)
    may_write = entries.can_create(current_user)
    if request.method == "POST" and not may_write:
        abort(403)
    form = _depot_form(request.method == "POST") if may_write else None
    if request.method == "GET" or form is None:
        return _depots_page(form)
    if not form.validate():
        return _depots_page(form, 422)
    try:
        if form.passed.data not in ("yes", "no"):
            raise InputError({"passed": _("This field is required.")})
        record, _created = depots.qualify(
            current_user,
            today=local_today(),
            organisation_id=query_id(form.organisation_id.data) or 0,
            name=form.name.data,
            passed=form.passed.data == "yes",
            region_id=query_id(form.region_id.data),
            client_id=form.client_id.data or str(uuidlib.uuid4()),
        )
    except (InputError, Conflict) as exc:
        db.session.rollback()
        _show_errors(form, exc, default="name")
        return _depots_page(form, 409 if isinstance(exc, Conflict) else 422)
    db.session.commit()
    flash(
        _(
            "Depot %(name)s: %(status)s.",
            name=record.name,
            status=regime.QUALIFICATION_LABELS[record.status],
        ),
        "success",
    )
    return redirect(url_for(".depots"), 303)


@bp.route("/depots/<int:qualification_id>/<any(fail, pass, cancel):step>", methods=["POST"])
@login_required
def depot_step(qualification_id: int, step: str):
    """A depot's step: failed a check (a month to put it right), put right, or cancelled
    (取消配送资格, which also makes its credit entry)."""
    record, status = depots.checked(current_user, qualification_id, write=True)
    if status != 200:
        abort(status)
    try:
        depots.take_step(
            record, step, current_user, today=local_today(), text=request.form.get("text", "")
        )
    except (InputError, Conflict) as exc:
        db.session.rollback()
        flash(getattr(exc, "message", str(exc)), "error")
        form = _depot_form(False)
        return _depots_page(form, 409 if isinstance(exc, Conflict) else 422)
    db.session.commit()
    flash(
        _(
            "Depot %(name)s: %(status)s.",
            name=record.name,
            status=regime.QUALIFICATION_LABELS[record.status],
        ),
        "success",
    )
    return redirect(url_for(".depots"), 303)


# --- the public lists (no login) ----------------------------------------------------------------


def public_entries(today: dt.date) -> list[CreditEntry]:
    """Exactly the entries on a public list today: published, and their term not ended."""
    rows = db.session.scalars(
        sa.select(CreditEntry)
        .options(sa.orm.joinedload(CreditEntry.organisation))
        .where(
            CreditEntry.kind.in_(PUBLIC_KINDS),
            CreditEntry.status.in_(ON_LIST),
            CreditEntry.published_on.is_not(None),
            CreditEntry.starts_on <= today,
            sa.or_(CreditEntry.ends_on.is_(None), CreditEntry.ends_on >= today),
        )
        .order_by(CreditEntry.starts_on.desc(), CreditEntry.id.desc())
    ).all()
    return [entry for entry in rows if entry.on_list(today)]


@public_bp.route("/blacklist")
def blacklist():
    """The current 安全生产黑名单 and 政府采购禁入 lists (一公开): name, credit code, basis,
    start and end; nothing unpublished, no contact data."""
    today = local_today()
    listed = public_entries(today)
    lists = [
        {
            "kind": kind,
            "basis": regime.BASES[kind],
            "citation": _listing_citation(kind),
            "publish": _step_citation(kind, "publish"),
            "rows": [e for e in listed if e.kind == kind],
        }
        for kind in PUBLIC_KINDS
    ]
    return render_template("credit/public.html", lists=lists, today=today)


@public_bp.route("/blacklist.csv")
def blacklist_csv():
    """The same lists as CSV: ``name,credit_code,kind,basis,start,end`` (UTF-8 with a BOM,
    cells that look like formulas written as text)."""
    rows = [
        [
            e.organisation.name,
            e.organisation.credit_code or "",
            PUBLIC_NAMES.get(e.kind, e.kind.value),
            _listing_citation(e.kind),
            e.starts_on,
            e.ends_on,
        ]
        for e in public_entries(local_today())
    ]
    return tabular.csv_response(CSV_HEADER, rows, "blacklist.csv")
