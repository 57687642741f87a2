"""The spot-check pages' forms: an item of the 随机抽查事项清单, a plan, the pools' imports and a
declared conflict. The services judge what was typed; the forms render and keep it."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import (
    BooleanField,
    DateField,
    HiddenField,
    IntegerField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import Length, NumberRange, Optional

from checklists.accounts.forms import choices
from inspections.spotcheck.frequency import Period, RuleKind
from inspections.spotcheck.models import RISK_LABELS, Method

METHOD_LABELS = {Method.ONSITE: _l("On site"), Method.DOCUMENTS: _l("By documents")}
RULE_LABELS = {
    RuleKind.AT_LEAST: _l("At least N times in each period"),
    RuleKind.COVERAGE: _l("Every target once in each period (full coverage)"),
    RuleKind.RATIO: _l("At least N percent of the pool in each period"),
}
PERIOD_LABELS = {Period.MONTH: _l("Month"), Period.QUARTER: _l("Quarter"), Period.YEAR: _l("Year")}


class ItemForm(FlaskForm):
    department = StringField(_l("Department"), validators=[Length(max=100)])
    matter = StringField(_l("Matter (抽查事项)"), validators=[Length(max=200)])
    target_kind = SelectField(_l("Kind of target"), coerce=str, validate_choice=False)
    industry = StringField(_l("Industry (empty: any)"), validators=[Length(max=100)])
    region_id = SelectField(_l("Region (empty: any)"), coerce=str, validate_choice=False)
    basis = TextAreaField(_l("Basis: clause keys, one per line"), validators=[Length(max=5000)])
    method = RadioField(
        _l("Method"),
        choices=choices(list(METHOD_LABELS.items())),
        default=Method.ONSITE.value,
        validate_choice=False,
    )
    template_id = SelectField(_l("Checklist to use"), coerce=str, validate_choice=False)
    rule_kind = SelectField(
        _l("Frequency"), choices=choices(list(RULE_LABELS.items())), validate_choice=False
    )
    rule_period = SelectField(
        _l("Period"), choices=choices(list(PERIOD_LABELS.items())), validate_choice=False
    )
    rule_value = IntegerField(
        _l("N (times, or percent)"), default=1, validators=[Optional(), NumberRange(1, 100)]
    )
    active = BooleanField(_l("In use"), default=True)
    submit = SubmitField(_l("Save the item"))


class PlanForm(FlaskForm):
    item_id = SelectField(_l("Item"), coerce=str, validate_choice=False)
    period_start = DateField(_l("Period from"), validators=[Optional()])
    period_end = DateField(_l("Period to"), validators=[Optional()])
    planned_on = DateField(
        _l("Inspections planned for (empty: the first day)"), validators=[Optional()]
    )
    count = IntegerField(_l("Number of targets"), validators=[Optional()])
    ratio = IntegerField(_l("Or a share of the pool, in %"), validators=[Optional()])
    team_size = IntegerField(
        _l("Inspectors per team (at least 2)"), default=2, validators=[Optional()]
    )
    region_id = SelectField(_l("Region"), coerce=str, validate_choice=False)
    industry = StringField(_l("Industry (empty: the item's)"), validators=[Length(max=100)])
    risk_classes = SelectMultipleField(
        _l("Risk classes (none chosen: all)"),
        choices=choices([(c.value, label) for c, label in RISK_LABELS.items()]),
        validate_choice=False,
    )
    recusal_months = IntegerField(
        _l("Recuse inspectors who inspected a target in the last N months"),
        validators=[Optional()],
    )
    beacon_source = StringField(
        _l("Public value for the draw (optional): name a value fixed after today"),
        validators=[Length(max=300)],
    )
    client_id = HiddenField()
    submit = SubmitField(_l("Commit the plan"))


class DrawForm(FlaskForm):
    beacon = StringField(_l("The public value"), validators=[Length(max=500)])
    submit = SubmitField(_l("Draw now"))


class ImportForm(FlaskForm):
    file = FileField(_l("Excel file (.xlsx)"))
    submit = SubmitField(_l("Import"))


class ConflictForm(FlaskForm):
    user_id = SelectField(_l("Inspector"), coerce=str, validate_choice=False)
    organisation_id = SelectField(_l("Organisation"), coerce=str, validate_choice=False)
    reason = TextAreaField(_l("Reason (kept internal)"), validators=[Length(max=1000)])
    submit = SubmitField(_l("Declare the conflict"))


class VerifyForm(FlaskForm):
    """The public check of a draw: read-only, so no CSRF token (the route is exempt)."""

    class Meta:
        csrf = False

    plan_id = StringField(_l("Plan number"), validators=[Length(max=18)])
    record = TextAreaField(_l("Or paste a plan's public JSON"), render_kw={"rows": 8})
    submit = SubmitField(_l("Check"))
