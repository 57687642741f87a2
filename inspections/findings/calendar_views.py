"""The administrator's holiday calendar (``/admin/calendar``): the official 放假 and 调休 of a
year, which deadlines in working days are counted on."""

from __future__ import annotations

import sqlalchemy as sa
from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import IntegerField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange

from checklists.accounts.models import Role
from checklists.accounts.permissions import role_required
from checklists.core.errors import InputError
from checklists.core.extensions import db
from inspections.findings import deadlines, workdays
from inspections.findings.blueprint import bp
from inspections.findings.models import ACTIVE, CalendarYear, Finding


class CalendarForm(FlaskForm):
    year = IntegerField(_l("Year"), validators=[DataRequired(), NumberRange(min=2000, max=2100)])
    holidays = TextAreaField(
        _l("Holidays (days off)"), validators=[DataRequired(), Length(max=4000)]
    )
    workdays = TextAreaField(_l("Make-up working days (调休)"), validators=[Length(max=4000)])
    submit = SubmitField(_l("Load the year"))


@bp.route("/admin/calendar", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def calendar():
    form = CalendarForm()
    status = 200
    if form.validate_on_submit():
        try:
            moved = deadlines.load_year(
                form.year.data, form.holidays.data, form.workdays.data or "", current_user
            )
        except InputError as exc:
            db.session.rollback()
            for name, reason in exc.fields.items():
                getattr(form, name).errors = [reason]
            status = 422
        else:
            db.session.commit()
            flash(
                _(
                    "%(year)d loaded: %(n)d provisional deadline(s) moved.",
                    year=form.year.data,
                    n=moved,
                ),
                "success",
            )
            return redirect(url_for(".calendar"), 303)
    elif request.method == "POST":
        status = 422
    loaded = db.session.scalars(sa.select(CalendarYear).order_by(CalendarYear.year)).all()
    provisional = db.session.scalar(
        sa.select(sa.func.count())
        .select_from(Finding)
        .where(Finding.deadline_provisional, Finding.status.in_(ACTIVE))
    )
    library = workdays.OfficialCalendar()
    return render_template(
        "admin/calendar.html",
        form=form,
        loaded=loaded,
        provisional=provisional,
        library_years=library.known_years(),
    ), status
