"""Schedule pages: the list, the form to create or edit (and deactivate) a schedule, the month's
calendar of occurrences (a grid on a wide screen, a list of days on a phone), and the one-tap
start of an occurrence's inspection.

The pages parse what was typed, call the services and render; the services judge in the
contract's order (404 → 403 → 409 → 422). Enterprise users find none of these pages (404)."""

from __future__ import annotations

import calendar as _gregorian
import datetime as dt
import uuid as uuidlib
from typing import Any

import sqlalchemy as sa
from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from checklists.accounts.forms import choices
from checklists.accounts.models import Organisation, Role, Site, User
from checklists.accounts.permissions import visible_organisations
from checklists.authoring.models import ChecklistTemplate, TemplateStatus
from checklists.core.clock import local_today
from checklists.core.errors import Conflict, InputError
from checklists.core.extensions import db
from checklists.core.schemas import query_id
from inspections.filling.permissions import can_fill
from inspections.findings.deadlines import official_calendar
from inspections.scheduling import operations, rules
from inspections.scheduling.forms import WEEKDAY_LABELS, ScheduleForm
from inspections.scheduling.models import Schedule

bp = Blueprint("schedules", __name__, url_prefix="/schedules")

STATUS_LABELS = {
    rules.OccurrenceStatus.DUE: "待检",
    rules.OccurrenceStatus.DONE: "已完成",
    rules.OccurrenceStatus.OVERDUE: "逾期",
}


@bp.app_context_processor
def _labels() -> dict[str, Any]:
    return {"schedule_status_labels": {s.value: label for s, label in STATUS_LABELS.items()}}


def _checked(call, *args, **kwargs):
    """A service call whose NotFoundError and Forbidden become the page's 404 and 403."""
    try:
        return call(*args, **kwargs)
    except operations.NotFoundError:
        abort(404)
    except operations.Forbidden:
        abort(403)


def _errors_on(form: ScheduleForm, exc: InputError) -> None:
    for name, message in exc.fields.items():
        target = form[name] if name in form else form.template_id
        target.errors = [*(target.errors or []), message]


# --- the list ---------------------------------------------------------------------------------


@bp.route("/")
@login_required
def index():
    """The schedules the user sees (an inspector: theirs), active first, with the next day
    each falls due."""
    _checked(operations.require_staff, current_user)
    rows = db.session.scalars(
        operations.visible_schedules(current_user)
        .options(sa.orm.joinedload(Schedule.organisation), sa.orm.joinedload(Schedule.template))
        .order_by(Schedule.active.desc(), Schedule.id.desc())
        .limit(500)
    ).all()
    today, calendar = local_today(), official_calendar()
    current = operations.published({r.template.lineage for r in rows})
    return render_template(
        "scheduling/index.html",
        rows=[
            (
                r,
                current.get(r.template.lineage, r.template),
                operations.next_due(r, today, calendar),
            )
            for r in rows
        ],
        manager=current_user.role in operations.MANAGERS,
    )


# --- create and edit --------------------------------------------------------------------------


def _choices(form: ScheduleForm, schedule: Schedule | None) -> None:
    templates = db.session.scalars(
        sa.select(ChecklistTemplate)
        .where(ChecklistTemplate.status == TemplateStatus.PUBLISHED)
        .order_by(ChecklistTemplate.name, ChecklistTemplate.version.desc())
    ).all()
    listed = [(str(t.id), f"{t.name}（v{t.version}）") for t in templates]
    if schedule is not None and schedule.template_id not in {t.id for t in templates}:
        listed.insert(0, (str(schedule.template_id), schedule.template.name))
    form.template_id.choices = choices([("", _("Choose…")), *listed])
    if schedule is not None:
        orgs: list[Organisation] = [schedule.organisation]
    else:
        orgs = list(
            db.session.scalars(visible_organisations(current_user).order_by(Organisation.name))
        )
    form.organisation_id.choices = choices(
        ([("", _("Choose…"))] if schedule is None else []) + [(str(o.id), o.name) for o in orgs]
    )
    sites = db.session.scalars(
        sa.select(Site)
        .where(Site.organisation_id.in_([o.id for o in orgs]))
        .order_by(Site.organisation_id, Site.name)
    ).all()
    names = {o.id: o.name for o in orgs}
    form.site_id.choices = choices(
        [("", _("The whole organisation"))]
        + [(str(s.id), f"{names[s.organisation_id]} · {s.name}") for s in sites]
    )
    people = db.session.scalars(
        sa.select(User)
        .where(User.active, User.role.in_((Role.INSPECTOR, Role.SUPERVISOR)))
        .order_by(User.username)
    ).all()
    form.inspector_ids.choices = choices(
        [(str(u.id), u.display_name or u.username) for u in people]
    )


def _values(form: ScheduleForm) -> dict[str, Any]:
    """What the form says, as the services read it."""
    return {
        "template_id": query_id(form.template_id.data),
        "site_id": query_id(form.site_id.data),
        "inspector_ids": [i for i in (query_id(x) for x in form.inspector_ids.data or []) if i],
        "rule_kind": form.rule_kind.data if form.rule_kind.data in set(rules.Recurrence) else None,
        "rule_period": form.rule_period.data or None,
        "rule_day": form.rule_day.data,
        "rule_month": form.rule_month.data,
        "rule_weeks": form.rule_weeks.data,
        "rule_weekday": query_id(form.rule_weekday.data),
        "starts_on": form.starts_on.data,
        "ends_on": form.ends_on.data,
        "note": form.note.data or "",
    }


def _show_rule(form: ScheduleForm, rule: rules.Rule) -> None:
    form.rule_kind.data, form.rule_period.data = rule.kind.value, rule.period.value
    form.rule_day.data = rule.day if "day" in rules.limits(rule.kind, rule.period) else None
    form.rule_month.data, form.rule_weeks.data = rule.month, rule.weeks
    form.rule_weekday.data = str(rule.weekday)


@bp.route("/new", methods=["GET", "POST"])
@login_required
def new():
    """A new schedule. ``?template_id=`` chooses the checklist first: a clause of it with an
    extracted frequency (每月至少一次) suggests the rule."""
    _checked(operations.require_manager, current_user)
    form = ScheduleForm()
    _choices(form, None)
    suggested = None
    if request.method == "GET":
        form.client_id.data = str(uuidlib.uuid4())
        form.starts_on.data = local_today()
        form.organisation_id.data = request.args.get("organisation_id", "")
        template = db.session.get(ChecklistTemplate, query_id(request.args.get("template_id")) or 0)
        if template is not None:
            form.template_id.data = str(template.id)
            suggested = operations.suggestion(template)
            if suggested is not None:
                _show_rule(form, suggested.rule)
        return render_template(
            "scheduling/form.html", form=form, schedule=None, suggested=suggested
        )
    if form.validate_on_submit():
        values = {**_values(form), "organisation_id": query_id(form.organisation_id.data)}
        try:
            schedule, _created = operations.create(
                current_user, values, client_id=form.client_id.data or None, today=local_today()
            )
            db.session.commit()
        except InputError as exc:
            db.session.rollback()
            _errors_on(form, exc)
        except Conflict as exc:
            db.session.rollback()
            flash(exc.message, "error")
            return render_template(
                "scheduling/form.html", form=form, schedule=None, suggested=None
            ), 409
        except sa.exc.IntegrityError:  # the same form sent twice at once: one schedule
            db.session.rollback()
            if operations.made_with(current_user, form.client_id.data) is None:
                raise
            return redirect(url_for(".index"), 303)
        else:
            flash(_("Schedule saved."), "success")
            return redirect(url_for(".index", _anchor=f"schedule-{schedule.id}"), 303)
    return render_template("scheduling/form.html", form=form, schedule=None, suggested=None), 422


@bp.route("/<int:schedule_id>/edit", methods=["GET", "POST"])
@login_required
def edit(schedule_id: int):
    """Edit a schedule; clearing "active" deactivates it from today."""
    schedule = _checked(operations.get_schedule, current_user, schedule_id, manage=True)
    form = ScheduleForm(obj=schedule) if request.method == "GET" else ScheduleForm()
    _choices(form, schedule)
    if request.method == "GET":
        form.template_id.data = str(schedule.template_id)
        form.organisation_id.data = str(schedule.organisation_id)
        form.site_id.data = str(schedule.site_id or "")
        form.inspector_ids.data = [str(u.id) for u in schedule.inspectors]
        _show_rule(form, schedule.rule)
        return render_template("scheduling/form.html", form=form, schedule=schedule, suggested=None)
    if form.validate_on_submit():
        try:
            operations.update(
                current_user,
                schedule,
                {**_values(form), "active": form.active.data},
                local_today(),
            )
            db.session.commit()
        except InputError as exc:
            db.session.rollback()
            _errors_on(form, exc)
        except Conflict as exc:
            db.session.rollback()
            flash(exc.message, "error")
            return render_template(
                "scheduling/form.html", form=form, schedule=schedule, suggested=None
            ), 409
        else:
            flash(_("Schedule saved."), "success")
            return redirect(url_for(".index", _anchor=f"schedule-{schedule.id}"), 303)
    return render_template(
        "scheduling/form.html", form=form, schedule=schedule, suggested=None
    ), 422


# --- the calendar -----------------------------------------------------------------------------


def _month(text: str | None, today: dt.date) -> dt.date:
    """The first day of ``?month=YYYY-MM`` (this month when absent or not a month)."""
    try:
        year, month = (int(part) for part in (text or "").split("-"))
        return dt.date(year, month, 1)
    except ValueError:
        return today.replace(day=1)


def _shift(first: dt.date, months: int) -> dt.date | None:
    index = first.year * 12 + first.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, 1) if 1 <= year <= 9999 else None


@bp.route("/calendar")
@login_required
def calendar():
    """The month's occurrences day by day, coloured by standing, with a one-tap start."""
    _checked(operations.require_staff, current_user)
    today = local_today()
    first = _month(request.args.get("month"), today)
    last = first.replace(day=_gregorian.monthrange(first.year, first.month)[1])
    found = operations.occurrences(current_user, first, last, today=today)
    by_day: dict[dt.date, list[operations.Occurrence]] = {}
    for occ in found:
        by_day.setdefault(occ.due_on, []).append(occ)
    names = dict(
        db.session.execute(
            sa.select(ChecklistTemplate.id, ChecklistTemplate.name).where(
                ChecklistTemplate.id.in_({o.template_id for o in found})
            )
        ).all()
    )
    # the grid's weeks run Monday to Sunday: the days before the 1st and after the last are
    # shown on a wide screen only (empty cells)
    lead = [None] * first.weekday()
    days = [first + dt.timedelta(days=n) for n in range(last.day)]
    trail = [None] * (-(len(lead) + len(days)) % 7)
    previous, following = _shift(first, -1), _shift(first, 1)
    return render_template(
        "scheduling/calendar.html",
        first=first,
        cells=[*lead, *days, *trail],
        by_day=by_day,
        names=names,
        today=today,
        previous=previous.strftime("%Y-%m") if previous else None,
        following=following.strftime("%Y-%m") if following else None,
        weekdays=[label for _value, label in WEEKDAY_LABELS],
        counts={s.value: sum(1 for o in found if o.status == s) for s in rules.OccurrenceStatus},
        may_start=current_user.role in operations.STAFF,
        manager=current_user.role in operations.MANAGERS,
    )


@bp.route("/<int:schedule_id>/occurrences/<due_on>/start", methods=["POST"])
@login_required
def start(schedule_id: int, due_on: str):
    """Start (or continue) the inspection of the occurrence due on ``due_on``: created at most
    once, planned for that day, assigned to the schedule's inspectors; then its form opens."""
    schedule = _checked(operations.get_schedule, current_user, schedule_id)
    try:
        day = dt.date.fromisoformat(due_on)
    except ValueError:
        abort(404)
    back = url_for(".calendar", month=day.strftime("%Y-%m"))
    try:
        inspection, _created = _checked(operations.start, current_user, schedule, day)
        db.session.commit()
    except Conflict as exc:
        db.session.rollback()
        flash(exc.message, "error")
        return redirect(back, 303)
    except sa.exc.IntegrityError:  # another tap (or another inspector) started it first
        db.session.rollback()
        schedule = _checked(operations.get_schedule, current_user, schedule_id)
        inspection, _created = _checked(operations.start, current_user, schedule, day)
        db.session.commit()
    if can_fill(current_user, inspection):
        return redirect(url_for("inspections.fill", key=inspection.uuid), 303)
    return redirect(url_for("inspections.show", key=inspection.uuid), 303)
