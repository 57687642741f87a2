"""Forms for logging in, passwords and the admin pages."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    DecimalField,
    EmailField,
    PasswordField,
    SelectField,
    StringField,
    SubmitField,
    TelField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import (
    EqualTo,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    Regexp,
    ValidationError,
)

from checklists.accounts.creditcode import CreditCodeError, normalise_credit_code
from checklists.accounts.models import OrgKind, Role

ROLE_LABELS = {
    Role.ADMIN: _l("Administrator"),
    Role.AUTHOR: _l("Checklist author"),
    Role.INSPECTOR: _l("Inspector"),
    Role.SUPERVISOR: _l("Supervisor"),
    Role.ENTERPRISE: _l("Enterprise user"),
}
KIND_LABELS = {OrgKind.ENTERPRISE: _l("Enterprise"), OrgKind.GOVERNMENT: _l("Government unit")}
LANGUAGE_PAIRS = [("", _l("Follow the browser")), ("zh", "简体中文"), ("en", "English")]
MIN_PASSWORD = 8


def choices(pairs) -> list[SelectChoice]:
    """WTForms choices from (value, label) pairs."""
    return [SelectChoice(value, label) for value, label in pairs]


class LoginForm(FlaskForm):
    username = StringField(_l("Username"), validators=[InputRequired(), Length(max=80)])
    password = PasswordField(_l("Password"), validators=[InputRequired(), Length(max=200)])
    remember = BooleanField(_l("Stay logged in on this device"))
    submit = SubmitField(_l("Log in"))


class ChangePasswordForm(FlaskForm):
    current = PasswordField(_l("Current password"), validators=[InputRequired()])
    new = PasswordField(
        _l("New password"), validators=[InputRequired(), Length(min=MIN_PASSWORD, max=200)]
    )
    confirm = PasswordField(
        _l("Repeat the new password"),
        validators=[InputRequired(), EqualTo("new", message=_l("The two passwords differ."))],
    )
    submit = SubmitField(_l("Change password"))


#: Good enough to catch typing mistakes; the mail server has the last word.
EMAIL = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"


class SettingsForm(FlaskForm):
    display_name = StringField(_l("Display name"), validators=[Optional(), Length(max=100)])
    email = EmailField(
        _l("E-mail (for notifications)"),
        validators=[
            Optional(),
            Length(max=200),
            Regexp(EMAIL, message=_l("Not an e-mail address.")),
        ],
    )
    locale = SelectField(_l("Language"), choices=choices(LANGUAGE_PAIRS))
    submit = SubmitField(_l("Save"))


class UserForm(FlaskForm):
    """Create or edit a user; ``password`` is required only when creating."""

    username = StringField(_l("Username"), validators=[InputRequired(), Length(max=80)])
    display_name = StringField(_l("Display name"), validators=[Optional(), Length(max=100)])
    email = EmailField(
        _l("E-mail (for notifications)"),
        validators=[
            Optional(),
            Length(max=200),
            Regexp(EMAIL, message=_l("Not an e-mail address.")),
        ],
    )
    role = SelectField(
        _l("Role"), choices=choices((r.value, label) for r, label in ROLE_LABELS.items())
    )
    organisation_id = SelectField(_l("Organisation"), coerce=int, validate_choice=True)
    region_id = SelectField(_l("Region (supervisors)"), coerce=int, validate_choice=True)
    password = PasswordField(
        _l("Password"), validators=[Optional(), Length(min=MIN_PASSWORD, max=200)]
    )
    active = BooleanField(_l("Active"), default=True)
    must_change_password = BooleanField(
        _l("Must set a new password at next login (ends their sessions and API tokens)")
    )
    submit = SubmitField(_l("Save"))

    def validate_organisation_id(self, field: SelectField) -> None:
        if self.role.data == Role.ENTERPRISE.value and not field.data:
            raise ValidationError(_l("An enterprise user must belong to an organisation."))


class SecurityLogFilterForm(FlaskForm):
    """The security log's filters (a GET form: no CSRF token)."""

    class Meta:
        csrf = False

    kind = SelectField(_l("Event"), validate_choice=False)
    username = StringField(_l("Username"), validators=[Optional(), Length(max=80)])
    start = DateField(_l("From"), validators=[Optional()])
    end = DateField(_l("To"), validators=[Optional()])
    submit = SubmitField(_l("Apply"))


def _validate_credit_code(form: FlaskForm, field: StringField) -> None:
    if not field.data:
        return
    try:
        field.data = normalise_credit_code(field.data)
    except CreditCodeError as exc:
        raise ValidationError(credit_code_message(exc)) from exc


def credit_code_message(exc: CreditCodeError) -> str:
    """The translated reason a credit code was refused."""
    messages = {
        "length": _l("A unified social credit code has 18 characters."),
        "alphabet": _l(
            "A unified social credit code uses digits and capital letters other than I, O, Z, S, V."
        ),
        "check": _l("The check character (the 18th) does not match; please check the code."),
    }
    return str(messages[exc.reason])


def _coordinate(label: Any, low: int, high: int) -> DecimalField:
    """A WGS-84 degree (the place check's coordinates), empty allowed; a decimal keypad."""
    return DecimalField(
        label,
        places=6,
        validators=[
            Optional(),
            NumberRange(low, high, message=_l("Between %(min)s and %(max)s degrees.")),
        ],
        render_kw={"inputmode": "decimal", "autocomplete": "off"},
    )


class OrganisationForm(FlaskForm):
    name = StringField(_l("Name"), validators=[InputRequired(), Length(max=200)])
    kind = SelectField(
        _l("Kind"), choices=choices((k.value, label) for k, label in KIND_LABELS.items())
    )
    credit_code = StringField(
        _l("Unified social credit code"),
        validators=[Optional(), _validate_credit_code],
        render_kw={"autocapitalize": "characters", "spellcheck": "false", "maxlength": 18},
    )
    region_id = SelectField(_l("Region"), coerce=int, validate_choice=True)
    address = StringField(_l("Address"), validators=[Optional(), Length(max=300)])
    contact_person = StringField(_l("Contact person"), validators=[Optional(), Length(max=100)])
    contact_phone = TelField(_l("Contact phone"), validators=[Optional(), Length(max=40)])
    lat = _coordinate(_l("Latitude"), -90, 90)
    lon = _coordinate(_l("Longitude"), -180, 180)
    active = BooleanField(_l("Active"), default=True)
    submit = SubmitField(_l("Save"))


class SiteForm(FlaskForm):
    name = StringField(_l("Site name"), validators=[InputRequired(), Length(max=200)])
    address = StringField(_l("Address"), validators=[Optional(), Length(max=300)])
    lat = _coordinate(_l("Latitude"), -90, 90)
    lon = _coordinate(_l("Longitude"), -180, 180)
    submit = SubmitField(_l("Add site"))


class RegionForm(FlaskForm):
    name = StringField(_l("Name"), validators=[InputRequired(), Length(max=100)])
    parent_id = SelectField(_l("County (empty for a new county)"), coerce=int)
    submit = SubmitField(_l("Add region"))
