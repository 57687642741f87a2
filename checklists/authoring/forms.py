"""Forms of the template builder: plain fields, no JSON anywhere."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import (
    BooleanField,
    DateField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
    widgets,
)
from wtforms.validators import DataRequired, Length, Optional

from checklists.accounts.forms import choices as select_choices
from checklists.authoring.models import REPEAT_AGGREGATES
from checklists.authoring.widgets import ANSWER_TYPE_LABELS

SEVERITY_LABELS = {
    "critical": _l("Critical (a failure fails the inspection)"),
    "major": _l("Major"),
    "minor": _l("Minor"),
}
SEVERITY_SHORT = {"critical": _l("critical"), "major": _l("major"), "minor": _l("minor")}
METHOD_LABELS = {
    "weighted": _l("Weighted percentage"),
    "deduction": _l("Deduction from 100 (扣分制)"),
}
ORG_KIND_CHOICES = [
    ("", _l("Any organisation")),
    ("enterprise", _l("Enterprises")),
    ("government", _l("Government bodies")),
]
STATUS_LABELS = {
    "draft": _l("draft"),
    "published": _l("published"),
    "superseded": _l("superseded"),
}
OP_CHOICES = [
    ("", _l("No threshold")),
    (">=", "≥"),
    (">", ">"),
    ("<=", "≤"),
    ("<", "<"),
    ("==", "="),
    ("range", _l("range")),
]


#: A condition or a key is typed as code: no capital letter, spelling fix or suggestion added
#: by the phone's keyboard.
CODE_INPUT = {
    "autocapitalize": "off",
    "autocorrect": "off",
    "spellcheck": "false",
    "autocomplete": "off",
}


def condition_field(label) -> StringField:
    """The text of a visibility condition (checked by the authoring service, not here)."""
    return StringField(
        label,
        validators=[Optional()],
        description=_l(
            "A condition on the keys of earlier items, e.g. amount >= 4000000 or "
            'has_warehouse == "yes"; empty: always shown.'
        ),
        render_kw=dict(CODE_INPUT),
    )


class MultiCheckboxField(SelectMultipleField):
    widget = widgets.ListWidget(prefix_label=False)
    option_widget = widgets.CheckboxInput()


class DocumentSearchForm(FlaskForm):
    """The document picker's search (a GET form: no CSRF token); the editor's script filters
    the list as one types."""

    class Meta:
        csrf = False

    q = StringField(
        _l("Find a document by number or title"),
        validators=[Optional(), Length(max=200)],
        render_kw={
            "placeholder": _l("e.g. 109号 or 洁净煤"),
            "autocomplete": "off",
            "enterkeyhint": "search",
            "inputmode": "search",
            "data-doc-filter": "document-list",
        },
    )


class DraftForm(FlaskForm):
    name = StringField(_l("Template name"), validators=[DataRequired(), Length(max=200)])
    org_kind = SelectField(_l("For"), choices=select_choices(ORG_KIND_CHOICES))
    clause_ids = MultiCheckboxField(_l("Clauses (none picked: the whole document)"), coerce=int)
    every_leaf = BooleanField(
        _l("Also draft a yes/no check for clauses with no recognised requirement")
    )
    include_authority = BooleanField(
        _l("Also draft the duties of authorities (governments, departments)")
    )
    submit = SubmitField(_l("Draft the checklist"))


class BlankForm(FlaskForm):
    name = StringField(_l("Template name"), validators=[DataRequired(), Length(max=200)])
    org_kind = SelectField(_l("For"), choices=select_choices(ORG_KIND_CHOICES))
    submit = SubmitField(_l("Start an empty template"))


class MetaForm(FlaskForm):
    name = StringField(_l("Template name"), validators=[DataRequired(), Length(max=200)])
    description = TextAreaField(_l("Description"), validators=[Optional()])
    org_kind = SelectField(_l("For"), choices=select_choices(ORG_KIND_CHOICES))
    method = SelectField(_l("Scoring method"), choices=select_choices(list(METHOD_LABELS.items())))
    grade_bands = TextAreaField(
        _l("Grade bands"),
        description=_l("One per line: lowest score | grade | passes (是/否), e.g. 90|优秀|是"),
    )
    submit = SubmitField(_l("Save"))


class SectionForm(FlaskForm):
    title = StringField(_l("Section title"), validators=[DataRequired(), Length(max=200)])
    submit = SubmitField(_l("Add a section"))


class AddItemForm(FlaskForm):
    section_id = SelectField(_l("Section"), coerce=int)
    clause_key = StringField(
        _l("Clause key"),
        validators=[DataRequired(), Length(max=500)],
        description=_l("e.g. 冠政发〔2016〕109号/二/（二）/1"),
        render_kw={"list": "clause-keys", "autocomplete": "off"},
    )
    submit = SubmitField(_l("Add an item"))


class ItemForm(FlaskForm):
    section_id = SelectField(_l("Section"), coerce=int)
    prompt = TextAreaField(_l("Question"), validators=[DataRequired(), Length(max=500)])
    guidance = TextAreaField(_l("Guidance for the inspector"), validators=[Optional()])
    answer_type = SelectField(
        _l("Answer type"), choices=select_choices(list(ANSWER_TYPE_LABELS.items()))
    )
    yes_value = SelectField(
        _l("Passing answer (yes/no items)"),
        choices=select_choices([("yes", _l("Yes")), ("no", _l("No (for prohibitions)"))]),
        default="yes",
    )
    op = SelectField(_l("Rule"), choices=select_choices(OP_CHOICES), default="")
    value = StringField(_l("Required value"))
    low = StringField(_l("Lowest"))
    high = StringField(_l("Highest"))
    low_inclusive = BooleanField(_l("Lowest included"), default=True)
    high_inclusive = BooleanField(_l("Highest included"), default=True)
    unit = StringField(_l("Unit"), description=_l("m, cm, m², 亩, t, 元, 万元, %, 辆 …"))
    choices = TextAreaField(
        _l("Choices"),
        description=_l("One per line: label | score | passes (是/否), e.g. 符合|2|是"),
    )
    parts = TextAreaField(_l("Named parts"), description=_l("One part per line"))
    expected = StringField(
        _l("Required code"),
        description=_l("The exact text the scan must give, e.g. the site's own code"),
        render_kw=dict(CODE_INPUT),
    )
    prefix = StringField(
        _l("Code starts with"),
        description=_l("e.g. GX- for every asset tag of the county (plain text, not a pattern)"),
        render_kw=dict(CODE_INPUT),
    )
    photo_on_fail = BooleanField(_l("Photo required when it fails"))
    weight = StringField(_l("Weight (points in deduction scoring)"), default="1")
    severity = SelectField(_l("Severity"), choices=select_choices(list(SEVERITY_LABELS.items())))
    na_allowed = BooleanField(_l("N/A allowed"), default=True)
    required = BooleanField(_l("Required"), default=True)
    scored = BooleanField(_l("Scored (untick for advisory wording)"), default=True)
    valid_from = DateField(_l("Rule valid from"), validators=[Optional()])
    valid_to = DateField(_l("Rule valid until"), validators=[Optional()])
    validity_confirmed = BooleanField(_l("Still applies after its validity ended"))
    validity_note = TextAreaField(_l("Why it still applies"), validators=[Optional()])
    key = StringField(
        _l("Key"),
        validators=[Optional()],
        description=_l(
            "The name later conditions read this item's answer by: letters, digits, _ or "
            "Chinese characters, e.g. amount or 有仓库; unique in the template."
        ),
        render_kw=dict(CODE_INPUT),
    )
    visible_when = condition_field(_l("Show only when"))
    submit = SubmitField(_l("Save the item"))


class SectionConditionForm(FlaskForm):
    """A section's visibility condition on the builder page (one per section, by prefix)."""

    visible_when = condition_field(_l("Show this section only when"))
    submit = SubmitField(_l("Save the condition"))


class SectionRepeatForm(FlaskForm):
    """Whether a section is filled once per instance, and how (one per section, by prefix)."""

    repeat = BooleanField(_l("Filled once per instance"))
    repeat_label = StringField(
        _l("Each one is called"),
        validators=[Optional()],
        description=_l(
            "e.g. 仓库 or 车辆: the inspector adds one per warehouse or vehicle and fills the "
            "section for each."
        ),
        render_kw={"maxlength": 40},
    )
    aggregate = SelectField(
        _l("How the instances are combined"),
        choices=select_choices(list(REPEAT_AGGREGATES.items())),
        default="all",
        validate_choice=False,  # checked by the authoring service, with its message
    )
    key = StringField(
        _l("Section key"),
        validators=[Optional()],
        description=_l(
            "The name conditions of later items count the instances by, e.g. "
            "count(warehouses) >= 2: letters, digits, _ or Chinese characters; unique in the "
            "template; empty: none."
        ),
        render_kw=dict(CODE_INPUT),
    )
    submit = SubmitField(_l("Save the repeat settings"))


class ImportTemplateForm(FlaskForm):
    file = FileField(
        _l("Template file (.json or .xlsx)"),
        validators=[FileRequired()],
        render_kw={"accept": ".json,.xlsx,application/json"},
    )
    submit = SubmitField(_l("Import"))
