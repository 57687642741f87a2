"""Checklist answers → item verdicts → inspection score, grade and verdict.

Pure module (standard library only): no Flask, no database, no project imports.

Every checklist item cites a clause and carries a rule (``validate_rule`` normalises it). An
answer is judged per item as ``pass``, ``fail``, ``na`` or ``unanswered`` with a short reason in
Chinese that ends with the citation; the inspection is then scored either as a weighted rate
(Σ得分 ÷ Σ满分 × 100) or by deduction (100 − Σ扣分, floored at 0). Numbers are compared as
decimals, never binary floats; unit conversions use exact fractions (1 亩 = 2000/3 m²).

For speed, ``compile_template`` does all per-item work once (validated rule, thresholds,
unit factors, the points of every possible outcome as integers over a common denominator,
the wording of reasons), and memoises the results of repeated answers per item.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Context, Decimal, Inexact, InvalidOperation, Overflow, Rounded
from fractions import Fraction
from math import lcm
from typing import Any

# ---------------------------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------------------------

ANSWER_TYPES = ("yes_no", "number", "count", "choice", "parts", "date", "text", "photo")
SEVERITIES = ("critical", "major", "minor")
METHODS = ("weighted", "deduction")
OPS = (">=", "<=", ">", "<", "==", "range")
RESULTS = ("pass", "fail", "na", "unanswered")
EXCLUSIONS = ("na", "advisory", "expired", "not_yet_valid", "optional_unanswered")

_OP_SIGN = {">=": "≥", "<=": "≤", ">": ">", "<": "<", "==": "="}
_OP_FAILED = {">=": "<", "<=": ">", ">": "≤", "<": "≥", "==": "≠"}
_EXCLUSION_WORDS = {
    "na": "不适用",
    "advisory": "倡导性条款",
    "expired": "规则已失效",
    "not_yet_valid": "规则尚未施行",
    "optional_unanswered": "非必答，未作答",
}
_MISSING_WORDS = {"unanswered": "未作答", "photo_required": "不合格须拍照，尚未拍照"}


class RuleError(ValueError):
    """A rule, item or template setting the author must correct.

    ``field`` names the offending key (``op``, ``value``, ``low``, ``high``, ``unit``,
    ``choices``, ``parts``, ``grade_bands`` …); ``message`` says in Chinese what to change.
    """

    def __init__(self, field: str, message: str, item_id: int | str | None = None) -> None:
        super().__init__(message)
        self.field = field
        self.message = message
        self.item_id = item_id


class AnswerError(ValueError):
    """An answer the inspector must re-enter; ``message`` says in Chinese what to enter.

    Codes: not_a_number, not_whole, negative, bad_unit, unknown_choice, unknown_part,
    bad_date, na_not_allowed, bad_value, unknown_item. ``item_id`` is set by ``score``.
    """

    def __init__(self, code: str, message: str, item_id: int | str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.item_id = item_id


# ---------------------------------------------------------------------------------------------
# Units
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Unit:
    """A canonical unit: its dimension and its size in the dimension's base unit."""

    symbol: str
    dimension: str
    factor: Fraction
    aliases: tuple[str, ...] = ()


def _units(dimension: str, *rows: tuple[str, Fraction | int, tuple[str, ...]]) -> tuple[Unit, ...]:
    return tuple(Unit(sym, dimension, Fraction(f), aliases) for sym, f, aliases in rows)


#: Canonical units and their aliases, grouped by dimension. Units of one dimension convert
#: into each other exactly; working_day, month, year and age_year convert to nothing else.
#: Any other unit string (counter words 辆 次 名 人 条 例 台 个 …) only matches itself.
UNITS: Mapping[str, tuple[Unit, ...]] = {
    "length": _units(
        "length",
        ("mm", Fraction(1, 1000), ("毫米",)),
        ("cm", Fraction(1, 100), ("厘米",)),
        ("m", 1, ("米",)),
        ("km", 1000, ("公里", "千米")),
    ),
    "area": _units(
        "area",
        ("m²", 1, ("平方米", "㎡", "m2", "平米")),
        ("亩", Fraction(2000, 3), ()),
        ("公顷", 10_000, ("ha",)),
        ("km²", 1_000_000, ("平方公里", "平方千米", "km2")),
    ),
    "mass": _units("mass", ("kg", 1, ("千克", "公斤")), ("t", 1000, ("吨",))),
    "money": _units("money", ("元", 1, ()), ("万元", 10**4, ()), ("亿元", 10**8, ())),
    "ratio": _units("ratio", ("‰", 1, ()), ("%", 10, ())),
    "time": _units(
        "time", ("hour", 1, ("小时",)), ("day", 24, ("日", "天")), ("week", 168, ("周", "星期"))
    ),
    "working_day": _units("working_day", ("working_day", 1, ("工作日",))),
    "month": _units("month", ("month", 1, ("个月", "月"))),
    "year": _units("year", ("year", 1, ("年",))),
    "age_year": _units("age_year", ("age_year", 1, ("周岁", "岁"))),
}


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip()


_UNIT_BY_KEY: dict[str, Unit] = {}
_KNOWN_SYMBOLS = frozenset(u.symbol for group in UNITS.values() for u in group)
for _group in UNITS.values():
    for _unit in _group:
        for _name in (_unit.symbol, *_unit.aliases):
            _UNIT_BY_KEY[_nfkc(_name)] = _unit
_UNIT_MEMO: dict[str, str | None] = {}


def canonical_unit(unit: str | None) -> str | None:
    """The canonical spelling of ``unit`` (``"平方米"`` → ``"m²"``), None for no unit.

    The string is NFKC-normalised and stripped first; an unknown unit (a counter word such as
    ``"辆"``) comes back normalised and only ever matches itself.
    """
    if unit is None:
        return None
    hit = _UNIT_MEMO.get(unit, False)
    if hit is not False:
        return hit
    if not isinstance(unit, str):
        raise TypeError("unit must be a string or None")
    key = _nfkc(unit)
    found = _UNIT_BY_KEY.get(key)
    if found is None and key.isascii():
        found = _UNIT_BY_KEY.get(key.lower())
    out = found.symbol if found is not None else (key or None)
    if len(_UNIT_MEMO) < 4096:
        _UNIT_MEMO[unit] = out
    return out


def _unit_info(symbol: str | None) -> Unit | None:
    return None if symbol is None else _UNIT_BY_KEY.get(_nfkc(symbol))


def _ratio(from_unit: str | None, to_unit: str | None) -> Fraction | None:
    """Factor from ``from_unit`` to ``to_unit`` (canonical), None when they do not convert."""
    if from_unit == to_unit:
        return Fraction(1)
    a, b = _unit_info(from_unit), _unit_info(to_unit)
    if a is None or b is None or a.dimension != b.dimension:
        return None
    return a.factor / b.factor


def _unit_text(unit: str | None) -> str:
    return unit or "无单位"


def convert(value: Decimal | int, from_unit: str, to_unit: str) -> Fraction:
    """``value`` in ``from_unit`` expressed exactly in ``to_unit`` (600 cm → 6 m).

    Raises ``AnswerError("bad_unit")`` when the units are of different dimensions or unknown.
    """
    src, dst = canonical_unit(from_unit), canonical_unit(to_unit)
    factor = _ratio(src, dst)
    if factor is None:
        raise AnswerError(
            "bad_unit",
            f"单位“{_unit_text(src)}”不能换算为“{_unit_text(dst)}”，"
            f"请输入以 {_unit_text(dst)} 为单位的数值",
        )
    return Fraction(value) * factor


# ---------------------------------------------------------------------------------------------
# Number and date formatting / parsing
# ---------------------------------------------------------------------------------------------

_ZERO_D = Decimal(0)
#: Multiplications in this context are exact or raise (then fractions are used instead).
_EXACT = Context(prec=120, traps=[Inexact, Rounded, InvalidOperation, Overflow])
_F0 = Fraction(0)
_F1 = Fraction(1)


def format_decimal(value: Decimal | int) -> str:
    """Canonical text of a decimal: no exponent, no trailing zeros, no ``-0``."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text in ("-0", "", "-"):
        return "0"
    return text


def _terminating(value: Fraction) -> int | None:
    """Decimal places needed to write ``value`` exactly, None if it does not terminate."""
    den = value.denominator
    twos = fives = 0
    while den % 2 == 0:
        den //= 2
        twos += 1
    while den % 5 == 0:
        den //= 5
        fives += 1
    return max(twos, fives) if den == 1 else None


def format_fraction(value: Fraction | int) -> str:
    """Exact text of a fraction: ``"12.5"`` when it terminates, else ``"2/3"``."""
    value = Fraction(value)
    places = _terminating(value)
    if places is None:
        return f"{value.numerator}/{value.denominator}"
    scaled = value.numerator * 10**places // value.denominator
    return format_decimal(Decimal(f"{scaled}E-{places}"))


def _approx(value: Fraction, places: int = 4) -> tuple[bool, str]:
    """(exact?, text): exact decimal text, or rounded half up to ``places`` decimals."""
    if _terminating(value) is not None:
        return True, format_fraction(value)
    sign = "-" if value < 0 else ""
    scaled = (abs(value) * 10**places * 2 + 1) // 2
    return False, sign + format_decimal(Decimal(f"{scaled}E-{places}"))


def _round_half_up_1(value: Fraction) -> Decimal:
    """``value`` (>= 0) rounded to one decimal, halves up."""
    tenths = (value.numerator * 20 + value.denominator) // (value.denominator * 2)
    return Decimal(f"{tenths // 10}.{tenths % 10}")


_NUM_RE = re.compile(r"([+-]?)((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)(.*)", re.S)


def _to_decimal(value: Any) -> tuple[Decimal, str]:
    """(decimal, trailing text) or raise ValueError; bool is not a number."""
    kind = type(value)
    if kind is int:
        return Decimal(value), ""
    if kind is str:
        text = value
        if not text.isascii() or " " in text:
            text = "".join(unicodedata.normalize("NFKC", text).split())
        match = _NUM_RE.fullmatch(text)
        if match is None:
            raise ValueError(value)
        sign, digits, rest = match.groups()
        if "," in digits:
            digits = digits.replace(",", "")
        if "." in digits:
            digits = digits.rstrip("0").rstrip(".") or "0"
        number = Decimal(sign + digits) if sign == "-" else Decimal(digits)
        return (_ZERO_D if number == 0 else number), rest
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, int):
        return Decimal(int(value)), ""
    if isinstance(value, Decimal):
        number = value
    elif isinstance(value, float):
        number = Decimal(repr(value))
    elif isinstance(value, Fraction) and _terminating(value) is not None:
        number = Decimal(format_fraction(value))
    else:
        raise ValueError(value)
    if not number.is_finite():
        raise ValueError(value)
    return Decimal(format_decimal(number)), ""


_DATE_RE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def _to_date(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        match = _DATE_RE.fullmatch(_nfkc(value))
        if match:
            return date(*(int(g) for g in match.groups()))  # ValueError for 2024-02-30
    raise ValueError(value)


# ---------------------------------------------------------------------------------------------
# Grade bands
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GradeBand:
    """Scores >= ``min`` (and below the next band) get ``label``; ``passing`` → 合格."""

    min: Decimal
    label: str
    passing: bool


DEFAULT_BANDS = (
    GradeBand(Decimal(90), "优秀", True),
    GradeBand(Decimal(75), "良好", True),
    GradeBand(Decimal(60), "合格", True),
    GradeBand(Decimal(0), "不合格", False),
)


def validate_bands(bands: Sequence[Mapping[str, Any] | GradeBand]) -> tuple[GradeBand, ...]:
    """Grade bands from ``[{"min", "label", "pass"}]`` (or GradeBand objects), highest first.

    Rules: at least one band, 0 <= min <= 100, mins unique, one band starts at 0 (so every
    score gets a grade), labels non-empty, ``pass`` a bool (default true). Raises
    ``RuleError(field="grade_bands")``.
    """
    if isinstance(bands, (str, bytes, Mapping)) or not isinstance(bands, Sequence) or not bands:
        raise RuleError("grade_bands", "请至少设置一个等级")
    out: list[GradeBand] = []
    for band in bands:
        if isinstance(band, GradeBand):
            raw_min, label, passing = band.min, band.label, band.passing
        elif isinstance(band, Mapping):
            raw_min, label = band.get("min"), band.get("label")
            passing = band.get("pass", band.get("passing", True))
        else:
            raise RuleError("grade_bands", "等级格式不正确，应为 {min, label, pass}")
        try:
            low = _to_decimal(raw_min)
        except ValueError:
            low = None
        if low is None or low[1] or not Decimal(0) <= low[0] <= Decimal(100):
            raise RuleError("grade_bands", "等级的最低分须为 0 到 100 之间的数字")
        if not isinstance(label, str) or not label.strip():
            raise RuleError("grade_bands", "等级名称不能为空")
        if not isinstance(passing, bool):
            raise RuleError("grade_bands", "等级是否合格须为 true 或 false")
        out.append(GradeBand(low[0], label.strip(), passing))
    mins = [b.min for b in out]
    if len(set(mins)) != len(mins):
        raise RuleError("grade_bands", "等级的最低分不能重复")
    if Decimal(0) not in mins:
        raise RuleError("grade_bands", "须有一个最低分为 0 的等级，使每个得分都有等级")
    return tuple(sorted(out, key=lambda b: b.min, reverse=True))


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
# Rules
# ---------------------------------------------------------------------------------------------


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _rule_bool(rule: Mapping[str, Any], key: str, default: bool, field_name: str) -> bool:
    value = rule.get(key)
    if value is None:
        return default
    if not isinstance(value, bool):
        raise RuleError(field_name, f"“{key}”须为 true 或 false")
    return value


def _rule_number(value: Any, field_name: str, whole: bool) -> Decimal:
    try:
        number, rest = _to_decimal(value)
    except ValueError:
        number, rest = None, "x"
    if number is None or rest:
        raise RuleError(field_name, "请输入数字，例如 500 或 0.15")
    if whole and number != number.to_integral_value():
        raise RuleError(field_name, "数量要求须为整数，例如 3")
    if whole and number < 0:
        raise RuleError(field_name, "数量要求不能为负数")
    return number


def _rule_date(value: Any, field_name: str) -> date:
    try:
        return _to_date(value)
    except ValueError:
        raise RuleError(field_name, "请输入日期，格式为 YYYY-MM-DD，例如 2024-03-01") from None


def _threshold_rule(answer_type: str, rule: Mapping[str, Any], out: dict[str, Any]) -> None:
    is_date = answer_type == "date"
    op = rule.get("op")
    if _blank(op):
        given = [k for k in ("value", "low", "high") if not _blank(rule.get(k))]
        if given:
            raise RuleError("op", "已填写要求值，请选择比较方式（≥、≤、>、<、= 或范围）")
    elif op not in OPS:
        raise RuleError("op", f"未知的比较方式“{op}”，可选 >=、<=、>、<、== 或 range")
    else:

        def read(key: str) -> Any:
            raw = rule.get(key)
            if _blank(raw):
                word = {"value": "要求值", "low": "下限", "high": "上限"}[key]
                raise RuleError(key, f"请填写{word}")
            if is_date:
                return _rule_date(raw, key)
            return _rule_number(raw, key, whole=answer_type == "count")

        def text(value: Any) -> str:
            return value.isoformat() if is_date else format_decimal(value)

        out["op"] = op
        if op == "range":
            low, high = read("low"), read("high")
            low_inc = _rule_bool(rule, "low_inclusive", True, "low_inclusive")
            high_inc = _rule_bool(rule, "high_inclusive", True, "high_inclusive")
            if low > high:
                raise RuleError("low", "下限不能大于上限")
            if low == high and not (low_inc and high_inc):
                raise RuleError("low", "范围为空：下限等于上限时两端都须包含")
            out.update(
                low=text(low), high=text(high), low_inclusive=low_inc, high_inclusive=high_inc
            )
        else:
            out["value"] = text(read("value"))
    if not is_date:
        unit = rule.get("unit")
        if not _blank(unit):
            if not isinstance(unit, str):
                raise RuleError("unit", "单位须为文字，例如 m²、元、辆")
            out["unit"] = canonical_unit(unit)


def _choice_rule(rule: Mapping[str, Any], out: dict[str, Any]) -> None:
    choices = rule.get("choices")
    if isinstance(choices, (str, bytes, Mapping)) or not isinstance(choices, Sequence):
        choices = None
    if not choices:
        raise RuleError("choices", "请至少添加一个选项")
    seen: set[str] = set()
    rows = []
    for raw in choices:
        if not isinstance(raw, Mapping):
            raise RuleError("choices", "选项格式不正确，应为 {value, label, score, pass}")
        value = raw.get("value")
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str) or not value.strip():
            raise RuleError("choices", "选项值不能为空")
        value = value.strip()
        if value in seen:
            raise RuleError("choices", f"选项值重复：{value}")
        seen.add(value)
        label = raw.get("label")
        if _blank(label):
            label = value
        elif not isinstance(label, str):
            raise RuleError("choices", "选项名称须为文字")
        passing = _rule_bool(raw, "pass", True, "choices")
        raw_score = raw.get("score")
        if _blank(raw_score):
            points = Decimal(1) if passing else Decimal(0)
        else:
            try:
                points, rest = _to_decimal(raw_score)
            except ValueError:
                points, rest = None, "x"
            if points is None or rest or points < 0:
                raise RuleError("choices", f"选项“{label.strip()}”的分值须为不小于 0 的数字")
        rows.append(
            {
                "value": value,
                "label": label.strip(),
                "score": format_decimal(points),
                "pass": passing,
            }
        )
    if max(Decimal(r["score"]) for r in rows) <= 0:
        raise RuleError("choices", "至少一个选项的分值须大于 0")
    out["choices"] = rows


def _parts_rule(rule: Mapping[str, Any], out: dict[str, Any]) -> None:
    parts = rule.get("parts")
    if isinstance(parts, (str, bytes, Mapping)) or not isinstance(parts, Sequence):
        parts = None
    if not parts:
        raise RuleError("parts", "请至少添加一个要件")
    seen: set[str] = set()
    rows = []
    for raw in parts:
        if isinstance(raw, str):
            raw = {"value": raw}
        if not isinstance(raw, Mapping):
            raise RuleError("parts", "要件格式不正确，应为 {value, label}")
        value = raw.get("value")
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str) or not value.strip():
            raise RuleError("parts", "要件值不能为空")
        value = value.strip()
        if value in seen:
            raise RuleError("parts", f"要件值重复：{value}")
        seen.add(value)
        label = raw.get("label")
        if _blank(label):
            label = value
        elif not isinstance(label, str):
            raise RuleError("parts", "要件名称须为文字")
        rows.append({"value": value, "label": label.strip()})
    out["parts"] = rows


def validate_rule(answer_type: str, rule: Mapping[str, Any] | None) -> dict[str, Any]:
    """The normalised rule for ``answer_type``, or raise ``RuleError``.

    Only the keys that apply to the type are kept; numbers become canonical decimal strings
    (``"500"``, ``"0.15"``), dates ISO strings, units canonical, flags bools. Idempotent:
    ``validate_rule(t, validate_rule(t, r)) == validate_rule(t, r)``.
    """
    if answer_type not in ANSWER_TYPES:
        raise RuleError("answer_type", f"未知的答案类型“{answer_type}”")
    if rule is None:
        rule = {}
    if not isinstance(rule, Mapping):
        raise RuleError("rule", "规则格式不正确")
    out: dict[str, Any] = {}
    if answer_type in ("number", "count", "date"):
        _threshold_rule(answer_type, rule, out)
    elif answer_type == "choice":
        _choice_rule(rule, out)
    elif answer_type == "parts":
        _parts_rule(rule, out)
    elif answer_type == "yes_no":
        wanted = rule.get("value")
        if _blank(wanted):
            wanted = "yes"
        if wanted not in ("yes", "no"):
            raise RuleError("value", "合格答案须为 yes（是）或 no（否）")
        out["value"] = wanted
    if _rule_bool(rule, "photo_on_fail", False, "photo_on_fail"):
        out["photo_on_fail"] = True
    return out


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
    return value


@dataclass(frozen=True, slots=True)
class ItemResult:
    """The verdict on one item (see the module docstring for the fields' meaning)."""

    item_id: int | str
    result: str  # pass, fail, na, unanswered
    reason: str
    value: Any  # normalised answer: Decimal, int, str, tuple of parts, date, "na" or None
    counted: bool
    excluded: str | None  # na, advisory, expired, not_yet_valid, optional_unanswered
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
_YES = frozenset({"yes", "是", "y", "true"})
_NO = frozenset({"no", "否", "n", "false"})


class CompiledItem:
    """An item with its rule validated and everything scoring needs worked out once."""

    __slots__ = (
        "spec", "id", "name", "type", "rule", "weight", "scored", "required", "na_allowed",
        "critical",
        "photo_on_fail", "section", "cit", "valid_from", "valid_to", "confirmed", "judge", "parse",
        "op", "val", "low", "high", "low_inc", "high_inc", "fval", "flow", "fhigh", "unit",
        "unit_sp", "req_text", "ratios", "dratios", "yes_value", "choices", "labels", "max_score",
        "parts", "part_labels", "part_outcomes", "pass_o", "fail_o", "outcomes",
        "unanswered", "na", "xlabels", "mlabels", "cache", "cache_size",
    )  # fmt: skip

    def __init__(self, spec: ItemSpec, cache_size: int = 0) -> None:
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
        self.judge: Callable[[CompiledItem, Any, str | None], tuple[bool, str, _Outcome]]
        self.judge = _JUDGES[self.type]
        self.parse = _PARSERS[self.type]
        if self.type in ("number", "count", "date"):
            self._compile_threshold()
        elif self.type == "yes_no":
            self.yes_value = self.rule["value"]
        elif self.type == "choice":
            self._compile_choices()
        elif self.type == "parts":
            self._compile_parts()
        self.unanswered = self._fixed("unanswered", None)
        self.na = self._fixed("na", "na")
        self.xlabels = {code: f"{self.name}（{w}）" for code, w in _EXCLUSION_WORDS.items()}
        self.mlabels = {code: f"{self.name}（{w}）" for code, w in _MISSING_WORDS.items()}

    # -- compile helpers -----------------------------------------------------------------

    def _compile_threshold(self) -> None:
        rule = self.rule
        is_date = self.type == "date"
        conv: Callable[[str], Any] = date.fromisoformat if is_date else Decimal
        self.unit = rule.get("unit")
        self.unit_sp = _spaced_unit(self.unit)
        self.op = rule.get("op")
        if self.op == "range":
            self.low, self.high = conv(rule["low"]), conv(rule["high"])
            self.low_inc, self.high_inc = rule["low_inclusive"], rule["high_inclusive"]
            lo, hi = ("[" if self.low_inc else "("), ("]" if self.high_inc else ")")
            self.req_text = f"{lo}{rule['low']}, {rule['high']}{hi}{self.unit_sp}"
            if not is_date:
                self.flow, self.fhigh = Fraction(self.low), Fraction(self.high)
        elif self.op is not None:
            self.val = conv(rule["value"])
            self.req_text = f"{rule['value']}{self.unit_sp}"
            if not is_date:
                self.fval = Fraction(self.val)

    def _compile_choices(self) -> None:
        rows = self.rule["choices"]
        top = max(Decimal(r["score"]) for r in rows)
        self.max_score = format_decimal(top)
        self.choices = {}
        self.labels = {}
        for row in rows:
            outcome = _Outcome(self, Fraction(Decimal(row["score"])) / Fraction(top))
            self.outcomes.append(outcome)
            reason = f"选择：{row['label']}（{row['score']}/{self.max_score} 分）{self.cit}"
            self.choices[row["value"]] = (row["pass"], reason, outcome, row["value"])
            self.labels.setdefault(row["label"], row["value"])

    def _compile_parts(self) -> None:
        rows = self.rule["parts"]
        self.parts = tuple(r["value"] for r in rows)
        self.part_labels = {r["value"]: r["label"] for r in rows}
        self.labels = {r["label"]: r["value"] for r in rows}
        total = len(rows)
        self.part_outcomes = [_Outcome(self, Fraction(k, total)) for k in range(total + 1)]
        self.outcomes.extend(self.part_outcomes)

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


def _spaced_unit(unit: str | None) -> str:
    if not unit:
        return ""
    return unit if unit in ("%", "‰") else " " + unit


# -- parsing ----------------------------------------------------------------------------------

_ERR_NUMBER = "请输入数字，例如 500 或 0.15"


def _parse_quantity(ci: CompiledItem, value: Any, unit: str | None) -> tuple[Any, str | None]:
    try:
        number, rest = _to_decimal(value)
    except ValueError:
        raise AnswerError("not_a_number", _ERR_NUMBER) from None
    if unit is not None and not isinstance(unit, str):
        raise AnswerError("bad_unit", "单位须为文字，例如 m、cm、元")
    if rest:
        inline = canonical_unit(rest)
        if inline not in _KNOWN_SYMBOLS and inline != ci.unit:
            raise AnswerError("not_a_number", _ERR_NUMBER)
        given = canonical_unit(unit) if unit else None
        if given is not None and given != inline:
            raise AnswerError("bad_unit", f"数值后的单位“{inline}”与所选单位“{given}”不一致")
        unit = inline
    elif unit:
        unit = canonical_unit(unit)
    if ci.type == "count":
        if number < 0:
            raise AnswerError("negative", "数量不能为负数，请输入 0 或正整数")
        if number != number.to_integral_value():
            raise AnswerError("not_whole", "请输入整数，例如 3")
        number = int(number)
    if not unit or unit == ci.unit:
        return number, ci.unit
    if ci.unit is None:
        raise AnswerError("bad_unit", f"此项没有单位，请只输入数字（不要带“{unit}”）")
    if ci.ratio(unit) is None:
        raise AnswerError(
            "bad_unit", f"单位“{unit}”不能换算为“{ci.unit}”，请输入以 {ci.unit} 为单位的数值"
        )
    return number, unit


def _parse_yes_no(ci: CompiledItem, value: Any, unit: str | None) -> tuple[Any, str | None]:
    if value is True or value is False:
        return ("yes" if value else "no"), None
    if type(value) is str:
        word = value.lower()
        if word in _YES:
            return "yes", None
        if word in _NO:
            return "no", None
    raise AnswerError("bad_value", "请回答“是”（yes）或“否”（no），不适用请选 na")


def _parse_choice(ci: CompiledItem, value: Any, unit: str | None) -> tuple[Any, str | None]:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if isinstance(value, str):
        if value in ci.choices:
            return value, None
        text = _nfkc(value)
        if text in ci.choices:
            return text, None
        if text in ci.labels:
            return ci.labels[text], None
    options = "、".join(row["label"] for row in ci.rule["choices"])
    raise AnswerError("unknown_choice", f"请从以下选项中选择：{options}")


def _parse_parts(ci: CompiledItem, value: Any, unit: str | None) -> tuple[Any, str | None]:
    if not isinstance(value, (list, tuple, set, frozenset)):
        raise AnswerError("bad_value", "请勾选现有的要件（列表）")
    present = set()
    known = ci.part_labels
    for raw in value:
        if raw.__class__ is str and raw in known:
            present.add(raw)
            continue
        if isinstance(raw, int) and not isinstance(raw, bool):
            raw = str(raw)
        if not isinstance(raw, str):
            raise AnswerError("bad_value", "请勾选现有的要件（列表）")
        text = _nfkc(raw)
        if not text:
            continue
        if text not in known:
            text = ci.labels.get(text, "")
        if not text:
            options = "、".join(known.values())
            raise AnswerError("unknown_part", f"未知的要件“{raw}”，请从以下要件中选择：{options}")
        present.add(text)
    if not present:
        return None, None
    return tuple(p for p in ci.parts if p in present), None


def _parse_date(ci: CompiledItem, value: Any, unit: str | None) -> tuple[Any, str | None]:
    try:
        return _to_date(value), None
    except ValueError:
        raise AnswerError("bad_date", "请输入日期，格式为 YYYY-MM-DD，例如 2024-03-01") from None


def _parse_text(ci: CompiledItem, value: Any, unit: str | None) -> tuple[Any, str | None]:
    if not isinstance(value, str):
        raise AnswerError("bad_value", "请输入文字")
    return value, None


def _parse_photo(ci: CompiledItem, value: Any, unit: str | None) -> tuple[Any, str | None]:
    if isinstance(value, (list, tuple)):
        return len(value), None
    if isinstance(value, int) and not isinstance(value, bool):
        if value < 0:
            raise AnswerError("negative", "照片数量不能为负数，请输入 0 或正整数")
        return (value or None), None
    raise AnswerError("bad_value", "请上传照片（照片数量或照片列表）")


_Parser = Callable[["CompiledItem", Any, "str | None"], tuple[Any, "str | None"]]
_PARSERS: dict[str, _Parser] = {
    "yes_no": _parse_yes_no,
    "number": _parse_quantity,
    "count": _parse_quantity,
    "choice": _parse_choice,
    "parts": _parse_parts,
    "date": _parse_date,
    "text": _parse_text,
    "photo": _parse_photo,
}


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
        if ci.type == "photo" and photos:
            return photos, None
        return None, None
    elif (kind is list or kind is tuple) and not value:
        return None, None
    return ci.parse(ci, value, unit)


# -- judging ----------------------------------------------------------------------------------


def _measure_text(ci: CompiledItem, number: Any, unit: str) -> tuple[str, Any, bool]:
    """(answer text for reasons, value in the rule's unit, is that value a Decimal?)."""
    factor = ci.dratios.get(unit)
    converted: Decimal | Fraction | None = None
    if factor is not None:
        try:
            converted = _EXACT.multiply(Decimal(number), factor)
        except (Inexact, Rounded, InvalidOperation, Overflow):
            converted = None
    if converted is not None:
        exact, shown = True, format_decimal(converted)
    else:
        ratio = ci.ratios[unit]
        assert ratio is not None
        converted = Fraction(number) * ratio
        exact, shown = _approx(converted)
    sign = "=" if exact else "≈"
    text = f"实测 {format_decimal(number)}{_spaced_unit(unit)}（{sign} {shown}{ci.unit_sp}）"
    return text, converted, type(converted) is Decimal


def _judge_threshold(ci: CompiledItem, value: Any, unit: str | None) -> tuple[bool, str, _Outcome]:
    if ci.type == "date":
        shown, v = f"日期 {value.isoformat()} ", value
        low, high, target = ci.low, ci.high, ci.val
    else:
        if type(value) is Decimal:
            value_text = format(value, "f")
        else:
            value_text = str(value)
        if unit == ci.unit:
            shown, v = f"实测 {value_text}{ci.unit_sp} ", value
            low, high, target = ci.low, ci.high, ci.val
        else:
            shown, v, is_decimal = _measure_text(ci, value, unit)
            if is_decimal:
                low, high, target = ci.low, ci.high, ci.val
            else:
                low, high, target = ci.flow, ci.fhigh, ci.fval
    op = ci.op
    if op is None:
        return True, f"{shown.rstrip()}，已记录{ci.cit}", ci.pass_o
    if op == "range":
        ok = (low <= v if ci.low_inc else low < v) and (v <= high if ci.high_inc else v < high)
        if ok:
            return True, f"{shown}在要求范围 {ci.req_text} 内，符合{ci.cit}", ci.pass_o
        return False, f"{shown}不在要求范围 {ci.req_text} 内{ci.cit}", ci.fail_o
    if op == ">=":
        ok = v >= target
    elif op == "<=":
        ok = v <= target
    elif op == ">":
        ok = v > target
    elif op == "<":
        ok = v < target
    else:
        ok = v == target
    if ok:
        return True, f"{shown}{_OP_SIGN[op]} {ci.req_text}，符合{ci.cit}", ci.pass_o
    return False, f"{shown}{_OP_FAILED[op]} 要求 {_OP_SIGN[op]} {ci.req_text}{ci.cit}", ci.fail_o


def _judge_yes_no(ci: CompiledItem, value: Any, unit: str | None) -> tuple[bool, str, _Outcome]:
    word = "是" if value == "yes" else "否"
    if value == ci.yes_value:
        return True, f"回答：{word}，符合{ci.cit}", ci.pass_o
    return False, f"回答：{word}，不符合{ci.cit}", ci.fail_o


def _judge_choice(ci: CompiledItem, value: Any, unit: str | None) -> tuple[bool, str, _Outcome]:
    passing, reason, outcome, _ = ci.choices[value]
    return passing, reason, outcome


def _judge_parts(ci: CompiledItem, value: Any, unit: str | None) -> tuple[bool, str, _Outcome]:
    total = len(ci.parts)
    present = len(value)
    if present == total:
        return True, f"{total} 项齐全{ci.cit}", ci.part_outcomes[present]
    missing = "、".join(ci.part_labels[p] for p in ci.parts if p not in value)
    return False, f"缺少：{missing}（{present}/{total} 项）{ci.cit}", ci.part_outcomes[present]


def _judge_text(ci: CompiledItem, value: Any, unit: str | None) -> tuple[bool, str, _Outcome]:
    shown = value if len(value) <= 30 else value[:30] + "…"
    return True, f"已填写：{shown}{ci.cit}", ci.pass_o


def _judge_photo(ci: CompiledItem, value: Any, unit: str | None) -> tuple[bool, str, _Outcome]:
    return True, f"已拍照 {value} 张{ci.cit}", ci.pass_o


_JUDGES: dict[str, Callable[[CompiledItem, Any, str | None], tuple[bool, str, _Outcome]]] = {
    "yes_no": _judge_yes_no,
    "number": _judge_threshold,
    "count": _judge_threshold,
    "date": _judge_threshold,
    "choice": _judge_choice,
    "parts": _judge_parts,
    "text": _judge_text,
    "photo": _judge_photo,
}

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
            photos if ci.type == "photo" else (ci.photo_on_fail and photos > 0),
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


# ---------------------------------------------------------------------------------------------
# Public evaluation
# ---------------------------------------------------------------------------------------------


def parse_value(item: ItemSpec, value: Any, unit: str | None = None) -> Any:
    """Normalise one answer value for ``item`` or raise ``AnswerError``.

    None, "" and [] → None (unanswered); "na" (also "不适用") → "na" when the item allows it.
    number → Decimal as entered (its unit must convert to the rule's unit); count → int;
    choice → the choice value; parts → tuple of part values in the rule's order; date → date;
    yes_no → "yes"/"no"; text → stripped str; photo → number of photos (0 → None).
    """
    ci = CompiledItem(item)
    return _parse_value(ci, value, unit)[0]


def evaluate(item: ItemSpec, answer: Answer | Any | None, as_of: date | None = None) -> ItemResult:
    """Judge one item on its own (pass / fail / na / unanswered, reason and points).

    ``answer`` is an ``Answer`` or a raw value. With ``as_of`` the item's validity dates are
    checked (an expired or not yet valid rule is excluded, not counted).
    """
    ci = CompiledItem(item)
    ci.scale(lcm(*ci.denominators()))
    return _run(ci, answer, ci.validity(as_of))[0]


class CompiledTemplate:
    """A validated template, ready to score many inspections quickly."""

    __slots__ = ("spec", "items", "by_id", "ids", "method", "bands", "denominator",
                 "sections", "section_items", "section_of", "_validity", "_fractions",
                 "_scores")  # fmt: skip

    def __init__(self, spec: TemplateSpec, cache_size: int = 1024) -> None:
        if spec.method not in METHODS:
            raise RuleError("method", f"未知的计分方法“{spec.method}”，可选 weighted、deduction")
        self.spec = spec
        self.method = spec.method
        self.bands = validate_bands(list(spec.grade_bands))
        items = [CompiledItem(item, cache_size) for item in spec.items]
        self.by_id: dict[Any, CompiledItem] = {}
        for ci in items:
            if ci.id in self.by_id:
                raise RuleError("id", f"条目编号重复：{ci.id}", ci.id)
            self.by_id[ci.id] = ci
        self.items = tuple(items)
        self.ids = frozenset(self.by_id)
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


def compile_template(spec: TemplateSpec, cache_size: int = 1024) -> CompiledTemplate:
    """Validate ``spec`` and precompute everything scoring needs; raises ``RuleError``.

    ``cache_size`` bounds the memo of evaluated answers per item (0 turns it off).
    """
    return CompiledTemplate(spec, cache_size)


def score(
    template: TemplateSpec | CompiledTemplate,
    answers: Mapping[Any, Answer | Any],
    as_of: date | None = None,
) -> Summary:
    """Score one inspection: every item's verdict, section points, score, grade and verdict.

    ``answers`` maps item id → ``Answer`` or raw value (a missing id is unanswered). Invalid
    values raise ``AnswerError`` (with ``item_id`` set); ids not in the template raise
    ``AnswerError("unknown_item")``. Score, grade and verdict are None until every required
    item is answered (and every counted failure needing a photo has one).
    """
    ct = template if isinstance(template, CompiledTemplate) else compile_template(template)
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
    try:
        for ci, validity, s in zip(ct.items, ct.validity(as_of), ct.section_of, strict=True):
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


def _explain(
    method: str,
    counted_labels: list[str],
    excluded_labels: list[str],
    missing_labels: list[str],
    knockouts: list[str],
    earned: Fraction,
    possible: Fraction,
    deducted: Fraction,
    exact: Fraction | None,
    rounded: Decimal | None,
    band: GradeBand | None,
    verdict: str | None,
    any_counted: bool,
) -> list[str]:
    lines = [
        "计分方法：加权得分率 = Σ得分 ÷ Σ满分 × 100，保留一位小数，四舍五入"
        if method == "weighted"
        else "计分方法：扣分制，得分 = 100 − Σ扣分，最低 0 分，保留一位小数，四舍五入"
    ]
    lines.append(
        f"计入 {len(counted_labels)} 项：" + "、".join(counted_labels)
        if counted_labels
        else "计入 0 项"
    )
    if excluded_labels:
        lines.append(f"不计入 {len(excluded_labels)} 项：" + "、".join(excluded_labels))
    if missing_labels:
        lines.append(f"未完成 {len(missing_labels)} 项：" + "、".join(missing_labels))
    if knockouts:
        lines.append("一票否决：" + "、".join(f"{i}（关键项不合格）" for i in knockouts))
    if verdict is None:
        lines.append("得分：尚有未完成项，完成后才计算得分与结论")
        lines.append("结论：未完成，暂无结论")
        return lines
    if rounded is None or exact is None:
        lines.append(
            "得分：计入项的满分合计为 0，不计算得分"
            if any_counted
            else "得分：无计分项（均不适用或不计分），不计算得分"
        )
    else:
        sign = "=" if Fraction(rounded) == exact else "≈"
        if method == "weighted":
            lines.append(
                f"得分 = {format_fraction(earned)} ÷ {format_fraction(possible)} × 100 "
                f"{sign} {rounded}"
            )
        elif deducted > 100:
            lines.append(f"得分 = 100 − {format_fraction(deducted)}，最低 0 分，记 {rounded}")
        else:
            lines.append(f"得分 = 100 − {format_fraction(deducted)} {sign} {rounded}")
    if band is not None:
        lines.append(f"等级：{band.label}（≥ {format_decimal(band.min)}）")
    if verdict == "pass":
        lines.append("结论：合格" if any_counted else "结论：合格（无计分项）")
    elif knockouts:
        lines.append("结论：不合格（一票否决：" + "、".join(str(i) for i in knockouts) + "）")
    else:
        assert band is not None
        lines.append(f"结论：不合格（等级“{band.label}”低于合格线）")
    return lines
