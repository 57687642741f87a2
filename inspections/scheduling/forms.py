"""The schedule form. The services judge what was typed; the form renders and keeps it."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    HiddenField,
    IntegerField,
    RadioField,
    SelectField,
    SelectMultipleField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import Length, Optional

from checklists.accounts.forms import choices
from inspections.scheduling.operations import NOTE_MAX
from inspections.scheduling.rules import Recurrence
from inspections.spotcheck.forms import PERIOD_LABELS

RULE_LABELS = {
    Recurrence.DAY: _l("On a day of the period (e.g. 每月20日前, 每季度第一个月的20日前)"),
    Recurrence.LAST_WORKING_DAY: _l("By the period's last working day"),
    Recurrence.FOLLOWING_MONTH: _l("By a day of the month after the period (e.g. 次月5日前)"),
    Recurrence.WEEKS: _l("Every N weeks on a weekday"),
}
WEEKDAY_LABELS = [
    ("0", _l("Monday")),
    ("1", _l("Tuesday")),
    ("2", _l("Wednesday")),
    ("3", _l("Thursday")),
    ("4", _l("Friday")),
    ("5", _l("Saturday")),
    ("6", _l("Sunday")),
]


class ScheduleForm(FlaskForm):
    template_id = SelectField(_l("Checklist template"), coerce=str, validate_choice=False)
    organisation_id = SelectField(_l("Organisation"), coerce=str, validate_choice=False)
    site_id = SelectField(
        _l("Site (empty: the whole organisation)"), coerce=str, validate_choice=False
    )
    inspector_ids = SelectMultipleField(_l("Inspectors"), coerce=str, validate_choice=False)
    rule_kind = RadioField(
        _l("When it falls due"),
        choices=choices(list(RULE_LABELS.items())),
        default=Recurrence.DAY.value,
        validate_choice=False,
    )
    rule_period = SelectField(
        _l("Period"), choices=choices(list(PERIOD_LABELS.items())), validate_choice=False
    )
    rule_day = IntegerField(_l("Day of the month"), validators=[Optional()])
    rule_month = IntegerField(
        _l("Which month of the period (a quarter: 1–3; a year: 1–12)"),
        default=1,
        validators=[Optional()],
    )
    rule_weeks = IntegerField(_l("Every N weeks"), default=1, validators=[Optional()])
    rule_weekday = SelectField(
        _l("Weekday"), choices=choices(WEEKDAY_LABELS), validate_choice=False
    )
    starts_on = DateField(_l("First day"), validators=[Optional()])
    ends_on = DateField(_l("Last day (empty: open-ended)"), validators=[Optional()])
    note = TextAreaField(_l("Note"), validators=[Length(max=NOTE_MAX)])
    active = BooleanField(_l("Active (clear to deactivate from today)"), default=True)
    client_id = HiddenField()
    submit = SubmitField(_l("Save the schedule"))
