"""约谈 pages: the due list with a form to schedule each (supervisors), an enterprise's own
interviews, one interview with its record, steps and timeline, and the printable 约谈通知书."""

from __future__ import annotations

import uuid as uuidlib
from typing import Any
from zoneinfo import ZoneInfo

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
    DateTimeLocalField,
    HiddenField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import Length, Optional

from checklists.accounts.models import Role
from checklists.core import pdf
from checklists.core.clock import local_today
from checklists.core.errors import Conflict, InputError
from checklists.core.extensions import db
from checklists.core.schemas import query_id
from inspections.supervision import interviews, regime
from inspections.supervision.models import Interview

bp = Blueprint("interviews", __name__, url_prefix="/interviews")


@bp.app_context_processor
def _labels() -> dict[str, Any]:
    return {
        "interview_status_labels": interviews.STATUS_LABELS,
        "interview_trigger_labels": interviews.TRIGGER_LABELS,
        "interview_event_labels": interviews.EVENT_LABELS,
        "interview_citation": interviews.citation,
    }


class ScheduleForm(FlaskForm):
    organisation_id = HiddenField()
    trigger = HiddenField()
    clause_key = HiddenField()
    reason = TextAreaField(_l("Reason"), validators=[Length(max=interviews.MAX_TEXT)])
    scheduled_at = DateTimeLocalField(
        _l("Time of the interview"), format="%Y-%m-%dT%H:%M", validators=[Optional()]
    )
    place = StringField(_l("Place"), validators=[Length(max=interviews.MAX_PLACE)])
    client_id = HiddenField()
    submit = SubmitField(_l("Schedule an interview"))


class HeldForm(FlaskForm):
    attendees = TextAreaField(_l("Attendees (one name per line)"))
    minutes = TextAreaField(_l("Minutes (纪要)"))
    commitments = TextAreaField(_l("Commitments"))
    held_on = DateField(_l("Held on"), validators=[Optional()])
    submit = SubmitField(_l("Record the interview"))


class ReportForm(FlaskForm):
    text = TextAreaField(_l("Written report on the follow-up"))
    submit = SubmitField(_l("Send the report"))


FORMS: dict[str, type[FlaskForm]] = {"held": HeldForm, "report": ReportForm}


def _load(interview_id: int, step: str | None = None) -> Interview:
    found, status = interviews.checked(current_user, interview_id, step)
    if status != 200:
        abort(status)
    return found


def _schedule_form(entry: dict[str, Any]) -> ScheduleForm:
    form = ScheduleForm(formdata=None, client_id=str(uuidlib.uuid4()))
    form.organisation_id.data = str(entry["organisation_id"])
    form.trigger.data = str(entry["trigger"])
    form.clause_key.data = entry["clause_key"]
    form.reason.data = entry["reason"]
    return form


def _index_page(forms: dict[tuple[str, str], ScheduleForm] | None = None):
    today = local_today()
    rows = db.session.scalars(
        interviews.visible_interviews(current_user).order_by(Interview.id.desc()).limit(300)
    ).all()
    if current_user.role == Role.ENTERPRISE:
        return render_template("supervision/interviews.html", rows=rows, due=[], today=today)
    due = interviews.due(current_user, today)
    forms = forms or {}
    for entry in due:
        key = (str(entry["organisation_id"]), str(entry["trigger"]))
        entry["form"] = forms.get(key) or _schedule_form(entry)
    return render_template("supervision/interviews.html", rows=rows, due=due, today=today)


@bp.route("/")
@login_required
def index():
    """Supervisors: who is due for an interview and the interviews so far; an enterprise: its
    own interviews."""
    if current_user.role not in (Role.ADMIN, Role.SUPERVISOR, Role.ENTERPRISE):
        abort(403)
    return _index_page()


@bp.route("/new", methods=["POST"])
@login_required
def new():
    """Schedule an interview from the due list (or for any organisation, trigger manual)."""
    if not interviews.can_schedule(current_user):
        abort(403)
    form = ScheduleForm()
    moment = None
    if form.scheduled_at.data is not None:
        moment = form.scheduled_at.data.replace(tzinfo=ZoneInfo("Asia/Shanghai"))
    raw_org = form.organisation_id.data or ""
    try:
        if not form.validate():
            raise InputError({name: errors[0] for name, errors in form.errors.items()})
        interview, _created = interviews.schedule(
            current_user,
            today=local_today(),
            organisation_id=query_id(raw_org),
            trigger=form.trigger.data or None,
            reason=form.reason.data,
            clause_key_=form.clause_key.data or None,
            scheduled_at=moment,
            place=form.place.data,
            client_id=form.client_id.data,
        )
    except (InputError, Conflict) as exc:
        db.session.rollback()
        if isinstance(exc, InputError):
            for name, message in exc.fields.items():
                target = form[name] if name in form and name != "csrf_token" else form.reason
                if target.type == "HiddenField":
                    target = form.reason
                target.errors = [*(target.errors or []), message]
        else:
            flash(getattr(exc, "message", str(exc)), "error")
        page = _index_page({(raw_org, form.trigger.data or ""): form})
        return page, 409 if isinstance(exc, Conflict) else 422
    db.session.commit()
    flash(_("Interview notice %(number)s issued.", number=interview.number), "success")
    return redirect(url_for(".show", interview_id=interview.id), 303)


def _page(interview: Interview, forms: dict[str, FlaskForm] | None = None):
    forms = dict(forms or {})
    takes = interviews.steps_for(current_user, interview)
    for name in takes:
        forms.setdefault(name, FORMS[name](formdata=None))
    return render_template(
        "supervision/interview.html",
        interview=interview,
        takes=takes,
        forms=forms,
        steps=interviews.STEPS,
        today=local_today(),
    )


@bp.route("/<int:interview_id>")
@login_required
def show(interview_id: int):
    return _page(_load(interview_id))


def _sent(step: str) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name in FORMS[step]():
        if name.name in ("csrf_token", "submit"):
            continue
        raw = request.form.get(name.name, "")
        if name.name == "attendees":
            values[name.name] = [line.strip() for line in raw.splitlines() if line.strip()]
        else:
            values[name.name] = raw
    return values


@bp.route("/<int:interview_id>/<any(held, report):step>", methods=["POST"])
@login_required
def take(interview_id: int, step: str):
    """A step from its form: 404, 403, then 409 out of order / 422 re-render the page."""
    interview = _load(interview_id, step)
    form = FORMS[step]()
    try:
        interviews.take_step(interview, step, current_user, _sent(step), today=local_today())
    except (InputError, Conflict) as exc:
        db.session.rollback()
        interview = _load(interview_id)
        if isinstance(exc, InputError):
            for name, message in exc.fields.items():
                target = form[name] if name in form else next(iter(form))
                target.errors = [*(target.errors or []), message]
        else:
            flash(getattr(exc, "message", str(exc)), "error")
        return _page(interview, {step: form}), 409 if isinstance(exc, Conflict) else 422
    db.session.commit()
    flash(_("%(step)s: saved.", step=interviews.STEPS[step][2]), "success")
    return redirect(url_for(".show", interview_id=interview.id), 303)


@bp.route("/<int:interview_id>/notice")
@login_required
def notice(interview_id: int):
    """约谈通知书 (第四条) as a printable A4 page in the GB/T 9704 layout."""
    return _notice_html(_load(interview_id))


@bp.route("/<int:interview_id>/notice.pdf")
@login_required
def notice_pdf(interview_id: int):
    """The same notice as a PDF (Pango and a Chinese font on the server; else 503)."""
    interview = _load(interview_id)
    try:
        data = pdf.render(_notice_html(interview, for_pdf=True))
    except pdf.PdfUnavailable as exc:
        abort(503, description=str(exc))
    return Response(
        data,
        mimetype="application/pdf",
        headers={
            "Content-Disposition": (
                f"inline; filename=interview-notice-{interview.year}-{interview.seq:04d}.pdf"
            ),
            "Cache-Control": "private, no-store",
        },
    )


def _notice_html(interview: Interview, for_pdf: bool = False) -> str:
    when = None
    if interview.scheduled_at is not None:
        when = interviews.local(interview.scheduled_at)
    return render_template(
        "supervision/interview_notice.html",
        for_pdf=for_pdf,
        interview=interview,
        regime=regime,
        instrument=interviews.INSTRUMENT,
        when=when,
        seventh=interviews.clause_text(interviews.article_key("第七条")),
        sixth=interviews.clause_text(interviews.article_key("第六条")),
        citation=interviews.citation,
        article_key=interviews.article_key,
    )
