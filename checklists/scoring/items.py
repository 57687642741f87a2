"""Items: the specs the engine takes, the results it gives, and one item compiled and judged.

``CompiledItem`` does an item's work once (validated rule, thresholds, unit factors, the points
of every possible outcome, the wording of reasons) and memoises the results of repeated
answers; the per-type work is done by the item's answer type (``answer_types.py``). Templates,
visibility and the score are in ``engine``; repeated sections in ``repeats``, which judges each
instance as this module judges an item.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from fractions import Fraction
from math import lcm
from typing import Any

from checklists.core.workdays import OfficialCalendar
from checklists.scoring.answer_types import (
    ANSWER_TYPE_REGISTRY,
    ANSWER_TYPES,
    AnswerType,
    validate_rule,
)
from checklists.scoring.bands import DEFAULT_BANDS, GradeBand
from checklists.scoring.errors import AnswerError, RuleError
from checklists.scoring.numbers import (
    _F0,
    _F1,
    _terminating,
    _to_decimal,
    format_decimal,
    format_fraction,
)
from checklists.scoring.units import _nfkc, _ratio

SEVERITIES = ("critical", "major", "minor")
METHODS = ("weighted", "deduction")
RESULTS = ("pass", "fail", "na", "unanswered")
EXCLUSIONS = ("na", "advisory", "expired", "not_yet_valid", "optional_unanswered", "hidden")
#: How a repeated item's instances combine into its points (``ItemSpec.aggregate``).
AGGREGATES = ("all", "average", "worst")
#: An inspection's instances of its repeated sections: repeat key → [(instance key, label)].
Instances = Mapping[str, Sequence[tuple[str, str]]]

_EXCLUSION_WORDS = {
    "na": "不适用",
    "advisory": "倡导性条款",
    "expired": "规则已失效",
    "not_yet_valid": "规则尚未施行",
    "optional_unanswered": "非必答，未作答",
    "hidden": "显示条件不成立",
}
_MISSING_WORDS = {"unanswered": "未作答", "photo_required": "不合格须拍照，尚未拍照"}
#: The calendar ``date_pair`` items are judged with when the caller gives none: the bundled
#: one (``chinese_calendar``), without the years an administrator loaded.
LIBRARY_CALENDAR = OfficialCalendar()


# ---------------------------------------------------------------------------------------------
# Specs
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ItemSpec:
    """One checklist item as the engine sees it."""

    id: int | str
    answer_type: str
    rule: Mapping[str, Any] = field(default_factory=dict)
    prompt: str = ""
    weight: Decimal = Decimal(1)  # in deduction scoring: the points a failure deducts
    severity: str = "major"
    na_allowed: bool = True
    required: bool = True
    scored: bool = True  # False = advisory: evaluated and shown, never counted or a knockout
    section: str = ""
    citation: str = ""  # appended to reasons as （citation）
    valid_from: date | None = None
    valid_to: date | None = None
    validity_confirmed: bool = False  # the author confirmed an expired rule still applies
    label: str = ""  # how explanations name the item (e.g. "第5项"); the id when empty
    #: The name conditions read the item's answer by (``conditions``), unique in the template.
    key: str | None = None
    #: The condition(s) under which the item is shown, all of which must hold: its section's
    #: and its own (``conditions`` text, reading only earlier items' keys); empty: always.
    visible_when: str | tuple[str, ...] | None = None
    #: The key of the repeated section whose instances the item is answered per (``repeats``:
    #: the items sharing it, in a row, form one group); None: an ordinary item.
    repeat: str | None = None
    aggregate: str = "all"  # how the instances combine: all, average, worst (``repeats``)
    repeat_label: str = ""  # the instances' noun in reasons (e.g. "仓库"); "实例" when empty


@dataclass(frozen=True)
class Answer:
    """One answer: the value, its unit (numbers) and the number of photos attached."""

    value: Any
    unit: str | None = None
    photos: int = 0


@dataclass(frozen=True)
class TemplateSpec:
    """A template: items in order, scoring method and grade bands."""

    items: Sequence[ItemSpec]
    method: str = "weighted"
    grade_bands: Sequence[GradeBand] = DEFAULT_BANDS


# ---------------------------------------------------------------------------------------------
# Results
# ---------------------------------------------------------------------------------------------


def _json_value(value: Any) -> Any:
    if isinstance(value, Decimal):
        return format_decimal(value)
    if isinstance(value, Fraction):
        return format_fraction(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, dict):  # date_pair: {"from": date, "to": date}
        return {k: _json_value(v) for k, v in value.items()}
    return value


@dataclass(frozen=True, slots=True)
class ItemResult:
    """The verdict on one item (see the module docstring for the fields' meaning)."""

    item_id: int | str
    result: str  # pass, fail, na, unanswered
    reason: str
    value: Any  # normalised answer: Decimal, int, str, tuple of parts, date, dict of two dates
    # (date_pair), "na" or None
    counted: bool
    excluded: str | None  # na, advisory, expired, not_yet_valid, optional_unanswered, hidden
    earned: Fraction
    possible: Fraction
    deducted: Fraction
    knockout: bool
    missing: str | None  # unanswered, photo_required
    unit: str | None = None  # canonical unit of a number/count answer
    #: A repeated item's instances in order: (instance key, label, the instance's result).
    instances: tuple[tuple[str, str, ItemResult], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict (numbers as canonical strings; a repeated item's ``instances`` too)."""
        out: dict[str, Any] = {
            "item_id": self.item_id,
            "result": self.result,
            "reason": self.reason,
            "value": _json_value(self.value),
            "unit": self.unit,
            "counted": self.counted,
            "excluded": self.excluded,
            "earned": format_fraction(self.earned),
            "possible": format_fraction(self.possible),
            "deducted": format_fraction(self.deducted),
            "knockout": self.knockout,
            "missing": self.missing,
        }
        if self.instances:
            out["instances"] = [
                {"key": key, "label": label, **result.to_dict()}
                for key, label, result in self.instances
            ]
        return out


@dataclass(frozen=True, slots=True)
class SectionSummary:
    """Points of one section (items grouped by ``ItemSpec.section``, first-seen order)."""

    title: str
    earned: Fraction
    possible: Fraction
    deducted: Fraction
    score: Decimal | None  # one decimal; None when nothing in the section is counted
    counts: dict[str, int]  # pass / fail / na / unanswered → number of items
    item_ids: tuple[int | str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict."""
        return {
            "title": self.title,
            "earned": format_fraction(self.earned),
            "possible": format_fraction(self.possible),
            "deducted": format_fraction(self.deducted),
            "score": None if self.score is None else str(self.score),
            "counts": dict(self.counts),
            "item_ids": list(self.item_ids),
        }


@dataclass(frozen=True, slots=True)
class Summary:
    """The scored inspection. score, exact, grade and verdict are None until complete."""

    method: str
    complete: bool
    missing: list[tuple[int | str, str]]
    score: Decimal | None
    exact: Fraction | None
    grade: str | None
    verdict: str | None  # "pass" (合格) / "fail" (不合格)
    knockouts: list[int | str]
    items: dict[int | str, ItemResult]
    sections: list[SectionSummary]
    counted: list[int | str]
    exclusions: list[tuple[int | str, str]]
    explanation: list[str]
    earned: Fraction = _F0
    possible: Fraction = _F0
    deducted: Fraction = _F0

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict: scores as strings with one decimal, other numbers canonical."""
        return {
            "method": self.method,
            "complete": self.complete,
            "score": None if self.score is None else str(self.score),
            "exact": None if self.exact is None else format_fraction(self.exact),
            "grade": self.grade,
            "verdict": self.verdict,
            "earned": format_fraction(self.earned),
            "possible": format_fraction(self.possible),
            "deducted": format_fraction(self.deducted),
            "missing": [{"item_id": i, "code": c} for i, c in self.missing],
            "knockouts": list(self.knockouts),
            "counted": list(self.counted),
            "exclusions": [{"item_id": i, "code": c} for i, c in self.exclusions],
            "items": [r.to_dict() for r in self.items.values()],
            "sections": [s.to_dict() for s in self.sections],
            "explanation": list(self.explanation),
        }


# ---------------------------------------------------------------------------------------------
# Compiled items
# ---------------------------------------------------------------------------------------------


class _Outcome:
    """Points of one possible result of an item, as fractions and scaled integers."""

    __slots__ = ("fraction", "earned", "possible", "deducted", "e", "p", "d", "wlabel", "dlabel")

    def __init__(self, item: CompiledItem, fraction: Fraction) -> None:
        self.fraction = fraction
        self.earned = item.weight * fraction
        self.possible = item.weight
        self.deducted = item.weight - self.earned
        self.e = self.p = self.d = 0
        w, e, d = (format_fraction(f) for f in (item.weight, self.earned, self.deducted))
        self.wlabel = f"{item.name}（权重 {w}，得分 {e}，满分 {w}）"
        self.dlabel = f"{item.name}（扣分值 {w}，扣 {d}）"

    def scale(self, denominator: int) -> None:
        self.e = self.earned.numerator * denominator // self.earned.denominator
        self.p = self.possible.numerator * denominator // self.possible.denominator
        self.d = self.deducted.numerator * denominator // self.deducted.denominator


_NA_WORDS = frozenset({"na", "n/a", "不适用"})


class CompiledItem:
    """An item with its rule validated and everything scoring needs worked out once."""

    __slots__ = (
        "spec", "id", "name", "type", "rule", "weight", "scored", "required", "na_allowed",
        "critical",
        "photo_on_fail", "section", "cit", "valid_from", "valid_to", "confirmed", "judge", "parse",
        "op", "val", "low", "high", "low_inc", "high_inc", "fval", "flow", "fhigh", "unit",
        "unit_sp", "req_text", "ratios", "dratios", "yes_value", "choices", "labels", "max_score",
        "parts", "part_labels", "part_outcomes", "pass_o", "fail_o", "outcomes",
        "unanswered", "na", "xlabels", "mlabels", "cache", "cache_size", "kind", "photo_answer",
        "calendar", "repeat", "aggregate", "noun",
    )  # fmt: skip

    def __init__(
        self, spec: ItemSpec, cache_size: int = 0, calendar: OfficialCalendar | None = None
    ) -> None:
        item_id = spec.id

        def fail(field_name: str, message: str) -> RuleError:
            return RuleError(field_name, message, item_id)

        if spec.answer_type not in ANSWER_TYPES:
            raise fail("answer_type", f"未知的答案类型“{spec.answer_type}”")
        if spec.severity not in SEVERITIES:
            raise fail("severity", f"未知的严重程度“{spec.severity}”，可选 critical、major、minor")
        try:
            self.rule = validate_rule(spec.answer_type, spec.rule)
        except RuleError as exc:
            exc.item_id = item_id
            raise
        try:
            weight, rest = _to_decimal(spec.weight)
        except ValueError:
            weight, rest = None, "x"
        if weight is None or rest or weight < 0:
            raise fail("weight", "权重须为不小于 0 的数字")
        if spec.valid_from and spec.valid_to and spec.valid_from > spec.valid_to:
            raise fail("valid_to", "失效日期早于生效日期")
        if spec.aggregate not in AGGREGATES:
            raise fail("aggregate", f"未知的汇总方式“{spec.aggregate}”，可选 all、average、worst")
        self.spec = spec
        self.id = item_id
        self.name = spec.label or str(item_id)
        self.type = spec.answer_type
        self.weight = Fraction(weight)
        self.scored = bool(spec.scored)
        self.required = bool(spec.required)
        self.na_allowed = bool(spec.na_allowed)
        self.critical = spec.severity == "critical"
        self.photo_on_fail = bool(self.rule.get("photo_on_fail"))
        self.section = spec.section or ""
        self.cit = f"（{spec.citation.strip()}）" if spec.citation and spec.citation.strip() else ""
        self.valid_from = spec.valid_from
        self.valid_to = spec.valid_to
        self.confirmed = bool(spec.validity_confirmed)
        self.repeat = spec.repeat or None
        self.aggregate = spec.aggregate
        self.noun = (spec.repeat_label or "").strip() or "实例"
        self.cache: dict[Any, tuple[ItemResult, _Outcome | None]] | None = (
            {} if cache_size > 0 else None
        )
        self.cache_size = cache_size
        self.pass_o = _Outcome(self, _F1)
        self.fail_o = _Outcome(self, _F0)
        self.outcomes = [self.pass_o, self.fail_o]
        self.op = self.val = self.low = self.high = self.unit = None
        self.fval = self.flow = self.fhigh = None
        self.unit_sp = ""
        self.req_text = ""
        self.ratios: dict[str | None, Fraction | None] = {}
        self.dratios: dict[str | None, Decimal] = {}
        self.calendar = calendar or LIBRARY_CALENDAR
        self.kind: AnswerType = ANSWER_TYPE_REGISTRY[self.type]
        self.photo_answer = self.kind.photo_answer
        self.judge: Callable[[CompiledItem, Any, str | None], tuple[bool, str, _Outcome]]
        self.judge = self.kind.judge
        self.parse = self.kind.parse
        self.kind.compile(self)
        self.unanswered = self._fixed("unanswered", None)
        self.na = self._fixed("na", "na")
        self.xlabels = {code: f"{self.name}（{w}）" for code, w in _EXCLUSION_WORDS.items()}
        self.mlabels = {code: f"{self.name}（{w}）" for code, w in _MISSING_WORDS.items()}

    # -- compile helpers -----------------------------------------------------------------

    def outcome(self, fraction: Fraction) -> _Outcome:
        """A further possible outcome earning ``fraction`` of the weight (choices, parts)."""
        found = _Outcome(self, fraction)
        self.outcomes.append(found)
        return found

    def _fixed(self, result: str, value: Any) -> ItemResult:
        if result == "na":
            reason, excluded, missing = "不适用，不计分", "na", None
            if not self.scored:
                return ItemResult(
                    self.id, "na", "不适用（倡导性条款，不计分）", value, False, "advisory",
                    _F0, _F0, _F0, False, None,
                )  # fmt: skip
        elif not self.scored:
            reason, excluded, missing = "未作答", None, None
        elif self.required:
            reason, excluded, missing = "未作答", None, "unanswered"
        else:
            reason, excluded, missing = "未作答（非必答，不计分）", "optional_unanswered", None
        if not self.scored:
            reason, excluded, missing = reason + "（倡导性条款，不计分）", "advisory", None
        return ItemResult(
            self.id, result, reason, value, False, excluded, _F0, _F0, _F0, False, missing
        )

    def scale(self, denominator: int) -> None:
        """Express every outcome's points as integers over ``denominator``."""
        for outcome in self.outcomes:
            outcome.scale(denominator)

    def denominators(self) -> list[int]:
        """Denominators of every outcome's points."""
        return [f.denominator for o in self.outcomes for f in (o.earned, o.possible, o.deducted)]

    def ratio(self, unit: str) -> Fraction | None:
        """Factor from an answer unit to the rule's unit (memoised), None if not convertible."""
        try:
            return self.ratios[unit]
        except KeyError:
            found = self.ratios[unit] = _ratio(unit, self.unit)
            if found is not None and _terminating(found) is not None:
                self.dratios[unit] = Decimal(format_fraction(found))
            return found

    def validity(self, as_of: date | None) -> tuple[str, str] | None:
        """(excluded code, reason) when the rule is not in force on ``as_of``."""
        if as_of is None:
            return None
        if self.valid_to is not None and as_of > self.valid_to and not self.confirmed:
            return "expired", f"规则已于 {self.valid_to.isoformat()} 失效，未计分{self.cit}"
        if self.valid_from is not None and as_of < self.valid_from:
            return "not_yet_valid", (
                f"规则自 {self.valid_from.isoformat()} 起施行，尚未生效，未计分{self.cit}"
            )
        return None


# -- parsing and judging one answer -----------------------------------------------------------


def _parse_value(
    ci: CompiledItem, value: Any, unit: str | None, photos: int = 0
) -> tuple[Any, str | None]:
    """(normalised value or None or "na", canonical unit) or raise AnswerError."""
    kind = value.__class__
    if kind is str:
        text = value.strip()
        if not text:
            return None, None
        if len(text) <= 3 and (
            text.lower() in _NA_WORDS or (not text.isascii() and _nfkc(text).lower() in _NA_WORDS)
        ):
            if ci.na_allowed:
                return "na", None
            raise AnswerError("na_not_allowed", "此项不能选择“不适用”，请作答")
        value = text
    elif value is None:
        if ci.photo_answer and photos:
            return photos, None
        return None, None
    elif (kind is list or kind is tuple) and not value and not ci.kind.empty_list_answer:
        return None, None
    return ci.parse(ci, value, unit)


_PHOTO_NOTE = "；不合格须拍照留证，尚未拍照"
_ADVISORY_NOTE = "（倡导性条款，不计分）"


def _run(
    ci: CompiledItem, answer: Any, validity: tuple[str, str] | None
) -> tuple[ItemResult, _Outcome | None]:
    """Evaluate one answer: (result, outcome whose points count, or None)."""
    if type(answer) is Answer:
        value, unit, photos = answer.value, answer.unit, answer.photos
    else:
        value, unit, photos = answer, None, 0
    key = None
    cache = ci.cache
    if cache is not None and validity is None:
        kind = type(value)
        key = (
            kind,
            tuple(value) if kind is list else value,
            unit,
            photos if ci.photo_answer else (ci.photo_on_fail and photos > 0),
        )
        try:
            hit = cache.get(key)
        except TypeError:  # unhashable or signalling NaN: evaluate without the memo
            hit = key = None
        if hit is not None:
            return hit
    parsed, unit = _parse_value(ci, value, unit, photos)
    outcome: _Outcome | None = None
    if validity is not None:
        code, reason = validity
        res = ItemResult(ci.id, "na", reason, parsed, False, code, _F0, _F0, _F0, False, None, unit)
    elif parsed is None:
        res = ci.unanswered
    elif parsed.__class__ is str and parsed == "na":
        res = ci.na
    else:
        passed, reason, found = ci.judge(ci, parsed, unit)
        result = "pass" if passed else "fail"
        if not ci.scored:
            res = ItemResult(
                ci.id, result, reason + _ADVISORY_NOTE, parsed, False, "advisory",
                _F0, _F0, _F0, False, None, unit,
            )  # fmt: skip
        else:
            missing = None
            if not passed and ci.photo_on_fail and not photos:
                missing = "photo_required"
                reason += _PHOTO_NOTE
            res = ItemResult(
                ci.id, result, reason, parsed, True, None, found.earned, found.possible,
                found.deducted, ci.critical and not passed, missing, unit,
            )  # fmt: skip
            outcome = found
    if key is not None and len(cache) < ci.cache_size:  # type: ignore[arg-type]
        cache[key] = (res, outcome)  # type: ignore[index]
    return res, outcome


def _hidden_result(ci: CompiledItem, reason: str) -> ItemResult:
    """An item its visibility condition hides: not applicable, not counted, not missing (an
    answer stored before it was hidden is kept, not judged)."""
    return ItemResult(ci.id, "na", reason, None, False, "hidden", _F0, _F0, _F0, False, None)


# ---------------------------------------------------------------------------------------------
# Public evaluation
# ---------------------------------------------------------------------------------------------


def parse_value(item: ItemSpec, value: Any, unit: str | None = None) -> Any:
    """Normalise one answer value for ``item`` or raise ``AnswerError``.

    None, "" and (but for parts) [] → None (unanswered); "na" (also "不适用") → "na" when the
    item allows it.
    number → Decimal as entered (its unit must convert to the rule's unit; at most 15
    significant digits; not negative for a length, area, mass, time or age); count → int (not
    negative); choice → the choice value; parts → tuple of part values in the rule's order, and
    an explicit [] → () (none of the parts present: judged fail); date → date; date_pair
    ({"from": …, "to": …}) → {"from": date, "to": date}, both blank → None, "to" before "from"
    refused; yes_no → "yes"/"no"; text → stripped str; photo → number of photos (0 → None).
    """
    return parse_compiled(CompiledItem(item), value, unit)


def compile_item(item: ItemSpec, calendar: OfficialCalendar | None = None) -> CompiledItem:
    """``item`` compiled once for ``parse_compiled`` and ``evaluate_compiled``, which do what
    ``parse_value`` and ``evaluate`` do without compiling it again (a caller that judges many
    answers of one item keeps it)."""
    ci = CompiledItem(item, calendar=calendar)
    ci.scale(lcm(*ci.denominators()))
    return ci


def parse_compiled(ci: CompiledItem, value: Any, unit: str | None = None) -> Any:
    """``parse_value`` for a compiled item."""
    return _parse_value(ci, value, unit)[0]


def evaluate_compiled(
    ci: CompiledItem, answer: Answer | Any | None, as_of: date | None = None
) -> ItemResult:
    """``evaluate`` for a compiled item (its calendar is the one it was compiled with)."""
    return _run(ci, answer, ci.validity(as_of))[0]


def evaluate(
    item: ItemSpec,
    answer: Answer | Any | None,
    as_of: date | None = None,
    calendar: OfficialCalendar | None = None,
) -> ItemResult:
    """Judge one item on its own (pass / fail / na / unanswered, reason and points).

    ``answer`` is an ``Answer`` or a raw value. With ``as_of`` the item's validity dates are
    checked (an expired or not yet valid rule is excluded, not counted). ``calendar``: the
    official calendar a ``date_pair`` item counts with (default: the bundled one).
    """
    return evaluate_compiled(compile_item(item, calendar), answer, as_of)


# ---------------------------------------------------------------------------------------------
# Visibility conditions
# ---------------------------------------------------------------------------------------------


def _whens(visible_when: str | Sequence[str] | None) -> tuple[str, ...]:
    """An item's conditions as a tuple of non-empty texts."""
    if not visible_when:
        return ()
    if isinstance(visible_when, str):
        visible_when = (visible_when,)
    return tuple(w for w in visible_when if w and w.strip())


def stored_value(value: Any) -> Any:
    """An answer as conditions read it: the value as stored (``Answer.value`` taken out;
    decimals as canonical text, dates ISO, a parsed tuple of parts as a list), so that parsed
    answers (the preview's) and stored ones (an inspection's) read the same."""
    if type(value) is Answer:
        value = value.value
    if isinstance(value, Decimal):
        return format_decimal(value) if value.is_finite() else str(value)
    if isinstance(value, Fraction):
        return format_fraction(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [stored_value(v) for v in value]
    if isinstance(value, dict):
        return {k: stored_value(v) for k, v in value.items()}
    return value
