"""The engine: items and templates in, verdicts, points, score, grade and verdict out.

``compile_template`` does all per-item work once (validated rule, thresholds, unit factors,
the points of every possible outcome as integers over a common denominator, the wording of
reasons) and memoises the results of repeated answers per item; the per-type work is done by
the item's answer type (``answer_types.py``).
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
from checklists.scoring import conditions
from checklists.scoring.answer_types import (
    ANSWER_TYPE_REGISTRY,
    ANSWER_TYPES,
    AnswerType,
    validate_rule,
)
from checklists.scoring.bands import DEFAULT_BANDS, GradeBand, validate_bands
from checklists.scoring.errors import AnswerError, RuleError
from checklists.scoring.explain import _explain
from checklists.scoring.numbers import (
    _F0,
    _F1,
    _round_half_up_1,
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

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict (numbers as canonical strings)."""
        return {
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
        "calendar",
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


class Visibility:
    """The items' keys and visibility conditions, checked and parsed once.

    Keys must be valid and unique, and each condition must parse and read only the keys of
    earlier items (``conditions.order_problems``), else ``RuleError`` (field ``key`` or
    ``visible_when``, the item's id). ``hidden`` works out, in item order, which items an
    inspection's answers hide: an item is shown when all its conditions hold over the answers
    of the items shown before it (a hidden item's answer, kept for the record, reads as
    unanswered), and the explanation of a hidden one says why, naming items by their prompts.
    """

    __slots__ = ("plan", "labels", "conditional")

    def __init__(self, items: Sequence[ItemSpec]) -> None:
        entries = [(item.key or None, _whens(item.visible_when)) for item in items]
        problems = conditions.order_problems(entries)
        if problems:
            n, field_name, message = problems[0]
            raise RuleError(field_name, message, items[n].id)
        self.labels = {
            item.key: item.prompt or item.label or item.key for item in items if item.key
        }
        self.plan = tuple(
            (item.id, key, tuple(conditions.parse(w) for w in whens))
            for item, (key, whens) in zip(items, entries, strict=True)
        )
        #: Whether any item has a condition (else nothing is ever hidden).
        self.conditional = any(trees for _id, _key, trees in self.plan)

    def hidden(self, answers: Mapping[Any, Any]) -> dict[Any, str]:
        """Item id → why it is hidden (``conditions.explain``: 不适用：…不成立), for the items
        ``answers`` (item id → stored value or ``Answer``) hide; empty when none is."""
        return {item_id: why for item_id, (_n, why) in self.explained(answers).items()}

    def explained(self, answers: Mapping[Any, Any]) -> dict[Any, tuple[int, str]]:
        """``hidden`` with the index of the condition that does not hold (in the item's
        ``visible_when``: 0 is its section's when the section has one)."""
        out: dict[Any, tuple[int, str]] = {}
        if not self.conditional:
            return out
        shown: dict[str, Any] = {}
        get = answers.get
        for item_id, key, trees in self.plan:
            for n, tree in enumerate(trees):
                if not conditions.evaluate(tree, shown):
                    out[item_id] = (n, conditions.explain(tree, shown, self.labels))
                    break
            else:
                if key is not None:
                    shown[key] = stored_value(get(item_id))
        return out


class CompiledTemplate:
    """A validated template, ready to score many inspections quickly."""

    __slots__ = ("spec", "items", "by_id", "ids", "method", "bands", "denominator",
                 "sections", "section_items", "section_of", "_validity", "_fractions",
                 "_scores", "calendar", "visibility", "_shown")  # fmt: skip

    def __init__(
        self,
        spec: TemplateSpec,
        cache_size: int = 1024,
        calendar: OfficialCalendar | None = None,
    ) -> None:
        if spec.method not in METHODS:
            raise RuleError("method", f"未知的计分方法“{spec.method}”，可选 weighted、deduction")
        self.spec = spec
        self.method = spec.method
        self.bands = validate_bands(list(spec.grade_bands))
        self.calendar = calendar or LIBRARY_CALENDAR
        items = [CompiledItem(item, cache_size, self.calendar) for item in spec.items]
        self.by_id: dict[Any, CompiledItem] = {}
        for ci in items:
            if ci.id in self.by_id:
                raise RuleError("id", f"条目编号重复：{ci.id}", ci.id)
            self.by_id[ci.id] = ci
        self.items = tuple(items)
        self.ids = frozenset(self.by_id)
        self.visibility = Visibility(spec.items)
        self._shown = (None,) * len(items)  # no item hidden
        dens = [d for ci in items for d in ci.denominators()]
        self.denominator = lcm(*dens) if dens else 1
        for ci in items:
            ci.scale(self.denominator)
        titles: dict[str, int] = {}
        for ci in items:
            titles.setdefault(ci.section, len(titles))
        self.sections = tuple(titles)
        self.section_of = tuple(titles[ci.section] for ci in items)
        self.section_items = tuple(
            tuple(ci.id for ci in items if ci.section == title) for title in self.sections
        )
        self._validity: dict[date | None, tuple[tuple[str, str] | None, ...]] = {}
        self._fractions: dict[int, Fraction] = {}
        self._scores: dict[tuple[int, int], tuple[Fraction | None, Decimal | None]] = {}

    def fraction(self, scaled: int) -> Fraction:
        """``scaled`` points (integers over ``denominator``) as a fraction (memoised)."""
        found = self._fractions.get(scaled)
        if found is None:
            found = Fraction(scaled, self.denominator)
            if len(self._fractions) < 65536:
                self._fractions[scaled] = found
        return found

    def points_score(self, e: int, p: int, d: int) -> tuple[Fraction | None, Decimal | None]:
        """(exact score, rounded score) of scaled points; Nones when Σ满分 is 0 (weighted)."""
        key = (e, p) if self.method == "weighted" else (d, -1)
        found = self._scores.get(key)
        if found is None:
            if self.method == "weighted":
                exact = Fraction(e * 100, p) if p else None
            else:
                exact = max(_F0, 100 - Fraction(d, self.denominator))
            found = (exact, None if exact is None else _round_half_up_1(exact))
            if len(self._scores) < 65536:
                self._scores[key] = found
        return found

    def validity(self, as_of: date | None) -> tuple[tuple[str, str] | None, ...]:
        """Per item: None, or (excluded code, reason) when not in force on ``as_of``."""
        found = self._validity.get(as_of)
        if found is None:
            found = tuple(ci.validity(as_of) for ci in self.items)
            if len(self._validity) < 64:
                self._validity[as_of] = found
        return found


def compile_template(
    spec: TemplateSpec, cache_size: int = 1024, calendar: OfficialCalendar | None = None
) -> CompiledTemplate:
    """Validate ``spec`` and precompute everything scoring needs; raises ``RuleError``.

    ``cache_size`` bounds the memo of evaluated answers per item (0 turns it off); ``calendar``
    is the official calendar ``date_pair`` items count with (default: the bundled one).
    """
    return CompiledTemplate(spec, cache_size, calendar)


def score(
    template: TemplateSpec | CompiledTemplate,
    answers: Mapping[Any, Answer | Any],
    as_of: date | None = None,
    calendar: OfficialCalendar | None = None,
) -> Summary:
    """Score one inspection: every item's verdict, section points, score, grade and verdict.

    ``answers`` maps item id → ``Answer`` or raw value (a missing id is unanswered). Invalid
    values raise ``AnswerError`` (with ``item_id`` set); ids not in the template raise
    ``AnswerError("unknown_item")``. Score, grade and verdict are None until every required
    item is answered (and every counted failure needing a photo has one). An item whose
    visibility condition (its own or its section's, ``ItemSpec.visible_when``) does not hold
    over the answers of the items shown before it is hidden: not applicable (excluded
    ``hidden``, the reason from ``conditions.explain``), neither required nor scored, its
    answer, if one was stored before, kept but not judged (``Visibility``). ``calendar``: the
    official calendar ``date_pair`` items count with (default: the bundled one); a compiled
    template counts with the one it was compiled with, so giving another is an error.
    """
    if isinstance(template, CompiledTemplate):
        if calendar is not None and calendar is not template.calendar:
            raise ValueError("score: the template was compiled with another calendar")
        ct = template
    else:
        ct = compile_template(template, calendar=calendar)
    if not ct.ids.issuperset(answers):
        extra = [str(k) for k in answers if k not in ct.ids]
        raise AnswerError("unknown_item", f"条目“{'、'.join(extra)}”不在本检查表中", extra[0])
    get = answers.get
    method = ct.method
    weighted = method == "weighted"
    nsec = len(ct.sections)
    sec_e, sec_p, sec_d, sec_n = [0] * nsec, [0] * nsec, [0] * nsec, [0] * nsec
    sec_counts = [{"pass": 0, "fail": 0, "na": 0, "unanswered": 0} for _ in range(nsec)]
    items: dict[Any, ItemResult] = {}
    counted: list[Any] = []
    counted_labels: list[str] = []
    exclusions: list[tuple[Any, str]] = []
    excluded_labels: list[str] = []
    missing: list[tuple[Any, str]] = []
    missing_labels: list[str] = []
    knockouts: list[Any] = []
    knockout_labels: list[str] = []
    ci = None
    if ct.visibility.conditional:
        why = ct.visibility.hidden(answers)
        hidden = tuple(why.get(ci.id) for ci in ct.items) if why else ct._shown
    else:
        hidden = ct._shown
    try:
        for ci, validity, s, hide in zip(
            ct.items, ct.validity(as_of), ct.section_of, hidden, strict=True
        ):
            if hide is not None:  # its condition does not hold: neither required nor scored
                res, outcome = _hidden_result(ci, hide), None
            else:
                res, outcome = _run(ci, get(ci.id), validity)
            items[ci.id] = res
            sec_counts[s][res.result] += 1
            if outcome is not None:
                sec_e[s] += outcome.e
                sec_p[s] += outcome.p
                sec_d[s] += outcome.d
                sec_n[s] += 1
                counted.append(ci.id)
                counted_labels.append(outcome.wlabel if weighted else outcome.dlabel)
                if res.knockout:
                    knockouts.append(ci.id)
                    knockout_labels.append(ci.name)
            elif res.excluded is not None:
                exclusions.append((ci.id, res.excluded))
                excluded_labels.append(ci.xlabels[res.excluded])
            if res.missing is not None:
                missing.append((ci.id, res.missing))
                missing_labels.append(ci.mlabels[res.missing])
    except AnswerError as exc:
        if exc.item_id is None and ci is not None:
            exc.item_id = ci.id
        raise
    frac = ct.fraction
    sections = [
        SectionSummary(
            title,
            frac(sec_e[i]),
            frac(sec_p[i]),
            frac(sec_d[i]),
            ct.points_score(sec_e[i], sec_p[i], sec_d[i])[1] if sec_n[i] else None,
            sec_counts[i],
            ct.section_items[i],
        )
        for i, title in enumerate(ct.sections)
    ]
    total_e, total_p, total_d = sum(sec_e), sum(sec_p), sum(sec_d)
    earned, possible, deducted = frac(total_e), frac(total_p), frac(total_d)
    complete = not missing
    exact = rounded = grade = verdict = band = None
    if complete:
        if counted:
            exact, rounded = ct.points_score(total_e, total_p, total_d)
        if rounded is not None:
            band = next(b for b in ct.bands if b.min <= rounded)
            grade = band.label
        verdict = "fail" if knockouts or (band is not None and not band.passing) else "pass"
    explanation = _explain(
        method, counted_labels, excluded_labels, missing_labels, knockout_labels, earned, possible,
        deducted, exact, rounded, band, verdict, bool(counted),
    )  # fmt: skip
    return Summary(
        method, complete, missing, rounded, exact, grade, verdict, knockouts, items, sections,
        counted, exclusions, explanation, earned, possible, deducted,
    )  # fmt: skip
