"""The builder's side of each answer type: one adapter per type, under the key the scoring
engine registers it with (``scoring.ANSWER_TYPE_REGISTRY``).

An adapter names its type in the builder (``title``), turns a stored rule into the item form's
rule fields and back, reads a rule as a short chip label, and reads an answer posted from the
answer widget (``templates/_partials/_answer_widget.html``: ``a<id>`` value, ``u<id>`` unit,
``na<id>`` not applicable, ``none<id>`` none of the parts present, ``to<id>`` a date_pair's
second date), as the preview and the filling page post it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm

from checklists import scoring
from checklists.authoring import operations
from checklists.authoring.excel import NO, YES
from checklists.authoring.models import ChecklistTemplate
from checklists.scoring.units import display_name

OP_SIGNS = {">=": "≥", "<=": "≤", ">": ">", "<": "<", "==": "="}

#: The item form's rule fields, in the order the form shows them.
RULE_FIELDS = (
    "yes_value",
    "op",
    "value",
    "low",
    "high",
    "low_inclusive",
    "high_inclusive",
    "unit",
    "choices",
    "parts",
    "expected",
    "prefix",
    "photo_on_fail",
)
#: Rule fields shown only for some comparisons of a threshold (``op``): a single value, or the
#: two ends of a range. The editor's script hides the others; without it all stay shown.
OP_FIELDS = {
    "value": "single",
    "low": "range",
    "high": "range",
    "low_inclusive": "range",
    "high_inclusive": "range",
}

#: The item form's rule fields as they stand when the item's type does not use them.
BLANK_RULE_FIELDS: dict[str, Any] = {
    "yes_value": "yes",
    "op": "",
    "value": "",
    "low": "",
    "high": "",
    "low_inclusive": True,
    "high_inclusive": True,
    "unit": "",
    "choices": "",
    "parts": "",
    "expected": "",
    "prefix": "",
}


class Widget:
    """How the builder and the answer pages handle one answer type (the base handles none of
    the rule fields: text and photo items, which always pass, have no rule)."""

    title: Any = ""
    #: What passes, in a sentence shown above the rule fields ("" when there is no rule).
    help: Any = ""
    #: The item form's rule fields this type uses (``RULE_FIELDS`` names, in that order).
    fields: tuple[str, ...] = ()

    def form_data(self, rule: Mapping[str, Any]) -> dict[str, Any]:
        """The item form's fields of this type, filled from a stored rule."""
        return {}

    def rule_from_form(self, form: FlaskForm, old_rule: Mapping[str, Any]) -> dict[str, Any]:
        """The rule the item form's fields of this type describe (validated later)."""
        return {}

    def label(self, rule: Mapping[str, Any]) -> str:
        """A short reading of the rule for the item's chips ("" when there is nothing to say)."""
        return ""

    def read(self, values: Any, name: str) -> Any:
        """The raw answer posted under ``name``."""
        return values.get(name)

    def raw_answer(self, values: Any, item_id: int) -> Any:
        """The raw answer to item ``item_id`` in posted ``values``; "na" when so marked."""
        name = f"a{item_id}"
        raw = self.read(values, name)
        if values.get(f"na{item_id}") or "na" in values.getlist(name):
            raw = "na"
        return raw


class YesNoWidget(Widget):
    title = _l("Yes / no / N/A")
    help = _l("The item passes on the passing answer (choose “No” for prohibitions).")
    fields = ("yes_value", "photo_on_fail")

    def form_data(self, rule: Mapping[str, Any]) -> dict[str, Any]:
        return {"yes_value": rule.get("value", "yes")}

    def rule_from_form(self, form: FlaskForm, old_rule: Mapping[str, Any]) -> dict[str, Any]:
        return {"value": "no"} if form.yes_value.data == "no" else {}

    def label(self, rule: Mapping[str, Any]) -> str:
        return _("passing answer: no") if rule.get("value") == "no" else ""


class _ThresholdWidget(Widget):
    """Shared by number, count and date: a comparison with a value or a range, and a unit."""

    has_unit = True
    help = _l(
        "The item passes when the answer meets the threshold or lies within the range; with no"
        " threshold the answer is only recorded."
    )
    fields = (
        "op",
        "value",
        "low",
        "high",
        "low_inclusive",
        "high_inclusive",
        "unit",
        "photo_on_fail",
    )

    def form_data(self, rule: Mapping[str, Any]) -> dict[str, Any]:
        return {
            "op": rule.get("op", ""),
            "value": rule.get("value", ""),
            "low": rule.get("low", ""),
            "high": rule.get("high", ""),
            "low_inclusive": rule.get("low_inclusive", True),
            "high_inclusive": rule.get("high_inclusive", True),
            "unit": rule.get("unit", ""),
        }

    def rule_from_form(self, form: FlaskForm, old_rule: Mapping[str, Any]) -> dict[str, Any]:
        rule: dict[str, Any] = {}
        if form.op.data:
            rule["op"] = form.op.data
            if form.op.data == "range":
                rule["low"], rule["high"] = form.low.data.strip(), form.high.data.strip()
                rule["low_inclusive"] = form.low_inclusive.data
                rule["high_inclusive"] = form.high_inclusive.data
            else:
                rule["value"] = form.value.data.strip()
        if self.has_unit and form.unit.data.strip():
            rule["unit"] = form.unit.data.strip()
        return rule

    def label(self, rule: Mapping[str, Any]) -> str:
        unit = f" {display_name(rule['unit'])}" if rule.get("unit") else ""
        if rule.get("op") == "range":
            left = "[" if rule.get("low_inclusive", True) else "("
            right = "]" if rule.get("high_inclusive", True) else ")"
            return f"{left}{rule['low']}, {rule['high']}{right}{unit}"
        if rule.get("op") in OP_SIGNS:
            return f"{OP_SIGNS[rule['op']]} {rule.get('value', '')}{unit}"
        return ""


class NumberWidget(_ThresholdWidget):
    title = _l("Number with unit")


class CountWidget(_ThresholdWidget):
    title = _l("Whole count")


class DateWidget(_ThresholdWidget):
    title = _l("Date")
    has_unit = False
    fields = tuple(name for name in _ThresholdWidget.fields if name != "unit")


class DatePairWidget(Widget):
    """Two dates (received, answered) within N working days or days: the rule's N is the
    required value, its unit 工作日 or 日 (working_day, day); the comparison is always ≤."""

    title = _l("Two dates within a period (received → answered)")
    help = _l(
        "Two-date items (received → answered) pass when the second date is within the required"
        " value of working days (unit 工作日) or days (unit 日), counted from the day after the"
        " first, with the official holidays and make-up working days."
    )
    fields = ("value", "unit", "photo_on_fail")
    UNIT_WORDS = {"working_day": "工作日", "day": "日"}

    def form_data(self, rule: Mapping[str, Any]) -> dict[str, Any]:
        return {
            "value": str(rule.get("value", "")),
            "unit": self.UNIT_WORDS.get(rule.get("unit", ""), rule.get("unit", "")),
        }

    def rule_from_form(self, form: FlaskForm, old_rule: Mapping[str, Any]) -> dict[str, Any]:
        # always ≤ (the form shows no comparison for this type: one chosen for another type
        # and left in the hidden field must not count)
        return {"op": "<=", "value": form.value.data.strip(), "unit": form.unit.data.strip()}

    def label(self, rule: Mapping[str, Any]) -> str:
        if rule.get("unit") == "working_day":
            return _("within %(n)s working days", n=rule.get("value", ""))
        if rule.get("unit") == "day":
            return _("within %(n)s days", n=rule.get("value", ""))
        return ""

    def raw_answer(self, values: Any, item_id: int) -> Any:
        """``{"from": a<id>, "to": to<id>}``; "na" when so marked, None when both are blank."""
        raw = super().raw_answer(values, item_id)
        if raw == "na":
            return raw
        start, end = raw or "", values.get(f"to{item_id}") or ""
        if not start.strip() and not end.strip():
            return None
        return {"from": start, "to": end}


class ChoiceWidget(Widget):
    """One choice per line: label | score | passes (是/否)."""

    title = _l("Single choice (score per choice)")
    help = _l(
        "The item passes on a choice marked as passing; in weighted scoring a choice earns its"
        " score divided by the best score."
    )
    fields = ("choices", "photo_on_fail")

    def form_data(self, rule: Mapping[str, Any]) -> dict[str, Any]:
        return {
            "choices": "\n".join(
                f"{c['label']}|{c['score']}|{YES if c['pass'] else NO}"
                for c in rule.get("choices", [])
            )
        }

    def rule_from_form(self, form: FlaskForm, old_rule: Mapping[str, Any]) -> dict[str, Any]:
        known = {c["label"]: c["value"] for c in old_rule.get("choices", [])}
        choices = []
        for line in (form.choices.data or "").splitlines():
            if not line.strip():
                continue
            cells = [c.strip() for c in line.split("|")] + ["", ""]
            label = cells[0]
            choices.append(
                {
                    "value": known.get(label, label),
                    "label": label,
                    "score": cells[1] or "0",
                    "pass": cells[2] != NO,
                }
            )
        return {"choices": choices}

    def label(self, rule: Mapping[str, Any]) -> str:
        return _("%(n)d choices", n=len(rule["choices"])) if rule.get("choices") else ""


class PartsWidget(Widget):
    """One named part per line; the answer is the list of parts ticked."""

    title = _l("Check-list of named parts")
    help = _l(
        "The item passes when every part is present; in weighted scoring it earns the share of"
        " parts present."
    )
    fields = ("parts", "photo_on_fail")

    def form_data(self, rule: Mapping[str, Any]) -> dict[str, Any]:
        return {"parts": "\n".join(p["label"] for p in rule.get("parts", []))}

    def rule_from_form(self, form: FlaskForm, old_rule: Mapping[str, Any]) -> dict[str, Any]:
        known = {p["label"]: p["value"] for p in old_rule.get("parts", [])}
        return {
            "parts": [
                {"value": known.get(line.strip(), line.strip()), "label": line.strip()}
                for line in (form.parts.data or "").splitlines()
                if line.strip()
            ]
        }

    def label(self, rule: Mapping[str, Any]) -> str:
        return "、".join(p["label"] for p in rule["parts"]) if rule.get("parts") else ""

    def read(self, values: Any, name: str) -> Any:
        return values.getlist(name)

    def raw_answer(self, values: Any, item_id: int) -> Any:
        """The parts ticked; [] when "None of these" is ticked (the engine judges it a fail),
        None when nothing is."""
        raw = super().raw_answer(values, item_id)
        if raw == "na":
            return raw
        if values.get(f"none{item_id}"):
            if raw:
                raise scoring.AnswerError(
                    "bad_value", _("Tick the parts present or “None of these”, not both.")
                )
            return []
        return raw or None


class TextWidget(Widget):
    title = _l("Text")
    help = _l("A text answer is recorded and always passes: there is no rule to set.")


class PhotoWidget(Widget):
    title = _l("Photo")
    help = _l(
        "The photos taken are the answer, and the item always passes: there is no rule to set."
    )

    def raw_answer(self, values: Any, item_id: int) -> Any:
        return 1 if values.get(f"a{item_id}") else None  # a photo chosen (never "na")


class BarcodeWidget(Widget):
    """扫码: the code scanned (or typed) on the phone; a required text or a prefix, or none."""

    title = _l("Scan (barcode / QR code)")
    help = _l(
        "The inspector scans the code with the phone's camera or types it. With a required code"
        " the item passes only on exactly that text, with a prefix on a code that starts with"
        " it; with neither, the code is only recorded. Fill in at most one of the two."
    )
    fields = ("expected", "prefix", "photo_on_fail")

    def form_data(self, rule: Mapping[str, Any]) -> dict[str, Any]:
        return {"expected": rule.get("expected", ""), "prefix": rule.get("prefix", "")}

    def rule_from_form(self, form: FlaskForm, old_rule: Mapping[str, Any]) -> dict[str, Any]:
        rule = {}
        for name in ("expected", "prefix"):
            text = (getattr(form, name).data or "").strip()
            if text:
                rule[name] = text
        return rule

    def label(self, rule: Mapping[str, Any]) -> str:
        if rule.get("expected"):
            return _("code: %(code)s", code=rule["expected"])
        if rule.get("prefix"):
            return _("code starts with %(prefix)s", prefix=rule["prefix"])
        return ""


#: Answer type → its adapter, in the scoring registry's order.
WIDGETS: dict[str, Widget] = {
    "yes_no": YesNoWidget(),
    "number": NumberWidget(),
    "count": CountWidget(),
    "choice": ChoiceWidget(),
    "parts": PartsWidget(),
    "date": DateWidget(),
    "date_pair": DatePairWidget(),
    "text": TextWidget(),
    "photo": PhotoWidget(),
    "barcode": BarcodeWidget(),
}
if tuple(WIDGETS) != scoring.ANSWER_TYPES:
    raise RuntimeError("checklists.authoring.widgets: one adapter per scoring answer type")

if any(set(w.fields) - set(RULE_FIELDS) for w in WIDGETS.values()):
    raise RuntimeError("checklists.authoring.widgets: a widget names an unknown rule field")

ANSWER_TYPE_LABELS = {name: widget.title for name, widget in WIDGETS.items()}

_NO_WIDGET = Widget()


def widget_for(answer_type: str | None) -> Widget:
    """The adapter of ``answer_type`` (one that handles no rule field for an unknown type)."""
    return WIDGETS.get(answer_type or "", _NO_WIDGET)


def rule_form_data(answer_type: str, rule: Mapping[str, Any]) -> dict[str, Any]:
    """The item form's rule fields for a stored rule of ``answer_type``."""
    data = dict(BLANK_RULE_FIELDS)
    data.update(widget_for(answer_type).form_data(rule))
    data["photo_on_fail"] = rule.get("photo_on_fail", False)
    return data


def rule_from_form(form: FlaskForm, old_rule: Mapping[str, Any]) -> dict[str, Any]:
    """The rule an item form describes, for the answer type chosen in it (the fields of other
    types are ignored, whatever they hold)."""
    widget = widget_for(form.answer_type.data)
    rule = widget.rule_from_form(form, old_rule)
    if "photo_on_fail" in widget.fields and form.photo_on_fail.data:
        rule["photo_on_fail"] = True
    return rule


def field_types() -> dict[str, tuple[str, ...]]:
    """Rule field → the answer types that use it (the editor shows a field only for those)."""
    return {
        name: tuple(kind for kind, widget in WIDGETS.items() if name in widget.fields)
        for name in RULE_FIELDS
    }


def rule_label(rule: Mapping[str, Any], answer_type: str) -> str:
    """A short reading of a rule: "≥ 500 m²", "[6, 10] m", "passing answer: no", "3 choices"."""
    return widget_for(answer_type).label(rule)


def answers_from_form(template: ChecklistTemplate, values) -> tuple[dict, dict[int, str]]:
    """Answers typed on the preview (or filling) page, and a message per item whose answer is
    invalid."""
    spec = operations.template_spec(template)
    answers: dict[int, scoring.Answer] = {}
    errors: dict[int, str] = {}
    for item in spec.items:
        unit = values.get(f"u{item.id}") or None
        try:
            raw = widget_for(item.answer_type).raw_answer(values, item.id)
            value = scoring.parse_value(item, raw, unit)
        except scoring.AnswerError as exc:
            errors[item.id] = exc.message
            continue
        if value is not None:
            answers[item.id] = scoring.Answer(value=value, unit=unit, photos=1)
    return answers, errors
