"""The credit pages' forms: proposing an entry, each step of an entry, a ledger line and a
depot's acceptance. The pages send what was typed to the services, which judge it (the forms
only render the fields and keep what was typed when the page comes back with a reason)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    DateField,
    HiddenField,
    IntegerField,
    RadioField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import Length, NumberRange, Optional

from checklists.accounts.forms import choices
from inspections.credit import entries, regime
from inspections.credit.models import CreditKind, DepositKind

#: The lists a supervisor proposes an entry on (取消配送资格 follows from a depot's steps).
PROPOSED_KINDS = (CreditKind.BLACKLIST, CreditKind.PROCUREMENT_BAN)


class NewEntryForm(FlaskForm):
    organisation_id = SelectField(_l("Organisation"), coerce=str, validate_choice=False)
    kind = SelectField(_l("List"), coerce=str, validate_choice=False)
    case = SelectField(_l("Case (sets the term)"), coerce=str, validate_choice=False)
    reason = TextAreaField(
        _l("Reason for listing (facts and evidence)"),
        validators=[Length(max=entries.MAX_TEXT)],
    )
    term_years = IntegerField(
        _l("Term in years (government purchasing only: 1 to 3)"),
        validators=[Optional(), NumberRange(min=1, max=3)],
    )
    override = TextAreaField(
        _l("Why the list applies all the same (override)"), validators=[Length(max=1000)]
    )
    client_id = HiddenField()
    submit = SubmitField(_l("Propose the entry"))

    def fill_choices(self, organisations) -> None:
        self.organisation_id.choices = choices(
            [("", _l("Choose…"))] + [(str(o.id), o.name) for o in organisations]
        )
        self.kind.choices = choices([(k.value, regime.KIND_LABELS[k]) for k in PROPOSED_KINDS])
        cases = [c for k in PROPOSED_KINDS for c in regime.KIND_CASES[k]]
        self.case.choices = choices(
            [("", _l("The list's usual case"))] + [(c.value, regime.CASE_LABELS[c]) for c in cases]
        )


# --- the steps of an entry ----------------------------------------------------------------------


def _on(label=None):
    return DateField(label or _l("Day it took effect"), validators=[Optional()])


def _text(label):
    return TextAreaField(label, validators=[Length(max=entries.MAX_TEXT)])


def _channel():
    return StringField(_l("Where it was published"), validators=[Length(max=entries.MAX_CHANNEL)])


class NotifyForm(FlaskForm):
    on = _on(_l("Day of the notice"))
    defence_due_on = DateField(_l("Defence to be made by"), validators=[Optional()])
    text = _text(_l("What the notice says (optional)"))
    client_id = HiddenField()
    submit = SubmitField(_l("Record the written notice"))


class DefenceForm(FlaskForm):
    text = _text(_l("The defence (facts, reasons and evidence)"))
    on = _on(_l("Day the defence was made"))
    client_id = HiddenField()
    submit = SubmitField(_l("Record the defence"))


class DecideForm(FlaskForm):
    outcome = RadioField(
        _l("Decision"),
        choices=choices(
            [
                ("list", _l("List it (纳入)")),
                ("drop", _l("Do not list it: the defence holds (不予纳入)")),
            ]
        ),
        validate_choice=False,
    )
    text = _text(_l("Reasons (required when the defence holds)"))
    on = _on(_l("Day of the decision"))
    client_id = HiddenField()
    submit = SubmitField(_l("Record the decision"))


class SubmitForm(FlaskForm):
    on = _on(_l("Day it was reported to the office"))
    client_id = HiddenField()
    submit = SubmitField(_l("Record the report to the office"))


class PublishForm(FlaskForm):
    on = _on(_l("Day of publication (the term starts)"))
    channel = _channel()
    client_id = HiddenField()
    submit = SubmitField(_l("Record the publication"))


class RequestRemovalForm(FlaskForm):
    text = _text(_l("The application for removal"))
    on = _on(_l("Day of the application"))
    client_id = HiddenField()
    submit = SubmitField(_l("Apply for removal"))


class RemoveForm(FlaskForm):
    outcome = RadioField(
        _l("Decision on the removal"),
        choices=choices(
            [
                ("remove", _l("Remove from the list (移出)")),
                ("retain", _l("Keep on the list with a new term (保留)")),
            ]
        ),
        validate_choice=False,
    )
    term_years = IntegerField(_l("New term in years (when kept: 1 to 7)"), validators=[Optional()])
    text = _text(_l("Reasons (required when kept)"))
    on = _on(_l("Day of the decision"))
    client_id = HiddenField()
    submit = SubmitField(_l("Record the decision on the removal"))


class PublishRemovalForm(FlaskForm):
    on = _on(_l("Day the removal was published"))
    channel = _channel()
    client_id = HiddenField()
    submit = SubmitField(_l("Record the publication of the removal"))


STEP_FORMS: dict[str, type[FlaskForm]] = {
    "notify": NotifyForm,
    "defence": DefenceForm,
    "decide": DecideForm,
    "submit": SubmitForm,
    "publish": PublishForm,
    "request_removal": RequestRemovalForm,
    "remove": RemoveForm,
    "publish_removal": PublishRemovalForm,
}
#: Form fields that are not part of what a step records.
NOT_SENT = {"csrf_token", "client_id", "submit"}


# --- the ledger and the depots --------------------------------------------------------------------


class DepositForm(FlaskForm):
    deposit = SelectField(
        _l("Deposit"),
        choices=choices(list(regime.DEPOSITS.items())),
        coerce=str,
        validate_choice=False,
    )
    kind = SelectField(
        _l("Line"),
        choices=choices([(k.value, regime.DEPOSIT_KIND_LABELS[k]) for k in DepositKind]),
        coerce=str,
        validate_choice=False,
    )
    amount = StringField(_l("Amount (whole yuan)"), validators=[Length(max=20)])
    on = DateField(_l("Day"), validators=[Optional()])
    due_on = DateField(_l("Due by (for an amount due)"), validators=[Optional()])
    voucher = StringField(_l("Payment voucher no. (for a payment)"), validators=[Length(max=100)])
    note = TextAreaField(_l("Note (the event, or the removal)"), validators=[Length(max=2000)])
    entry_id = SelectField(_l("Entry it belongs to"), coerce=str, validate_choice=False)
    client_id = HiddenField()
    submit = SubmitField(_l("Add the line"))


class DepotForm(FlaskForm):
    organisation_id = SelectField(_l("Organisation"), coerce=str, validate_choice=False)
    name = StringField(_l("Name of the depot"), validators=[Length(max=200)])
    region_id = SelectField(_l("Township"), coerce=str, validate_choice=False)
    passed = RadioField(
        _l("Acceptance"),
        choices=choices(
            [
                ("yes", _l("Passed: qualified")),
                ("no", _l("Failed: a month to put it right")),
            ]
        ),
        validate_choice=False,
    )
    client_id = HiddenField()
    submit = SubmitField(_l("Record the acceptance"))
