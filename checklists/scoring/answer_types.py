"""The answer types: one class per type, looked up by name in ``ANSWER_TYPE_REGISTRY``.

Each type knows its whole part of the engine: which rule keys it takes and how they are
normalised (``validate_rule``), what it works out once per item (``compile``), how an answer is
read (``parse``) and judged (``judge``), and how its rule reads in the words the reasons use
(``describe``). Adding a type means adding a class here and registering it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from decimal import Decimal, Inexact, InvalidOperation, Overflow, Rounded
from fractions import Fraction
from typing import Any, ClassVar

from checklists.core.workdays import MAX_N, elapsed
from checklists.scoring.errors import AnswerError, RuleError
from checklists.scoring.numbers import (
    _EXACT,
    MAX_DIGITS,
    _approx,
    _to_date,
    _to_decimal,
    format_decimal,
    significant_digits,
)
from checklists.scoring.units import (
    _KNOWN_SYMBOLS,
    _nfkc,
    _spaced_unit,
    canonical_unit,
    display_name,
    nonnegative_word,
)

#: ``items.CompiledItem`` and ``items._Outcome``, in annotations: items imports this module,
#: so they are named here, not imported (that would be a circle, if only for type checkers).
CompiledItem = Any
_Outcome = Any

OPS = (">=", "<=", ">", "<", "==", "range")

_OP_SIGN = {">=": "≥", "<=": "≤", ">": ">", "<": "<", "==": "="}
_OP_FAILED = {">=": "<", "<=": ">", ">": "≤", "<": "≥", "==": "≠"}
_YES = frozenset({"yes", "是", "y", "true"})
_NO = frozenset({"no", "否", "n", "false"})
_ERR_NUMBER = "请输入数字，例如 500 或 0.15"
_ERR_DIGITS = f"数值最多 {MAX_DIGITS} 位有效数字"
_ERR_COUNT_NEGATIVE = "数量不能为负数，请输入 0 或正整数"
_RULE_WORDS = {"value": "要求值", "low": "下限", "high": "上限"}


# ---------------------------------------------------------------------------------------------
# Rule helpers
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


def _rule_number(value: Any, field_name: str, whole: bool, quantity: str | None = None) -> Decimal:
    """A rule's threshold; ``quantity`` names what it measures when that cannot be negative."""
    try:
        number, rest = _to_decimal(value)
    except ValueError:
        number, rest = None, "x"
    if number is None or rest:
        raise RuleError(field_name, "请输入数字，例如 500 或 0.15")
    word = _RULE_WORDS.get(field_name, "数值")
    if significant_digits(number) > MAX_DIGITS:
        raise RuleError(field_name, f"{word}最多 {MAX_DIGITS} 位有效数字")
    if whole and number != number.to_integral_value():
        raise RuleError(field_name, "数量要求须为整数，例如 3")
    if whole and number < 0:
        raise RuleError(field_name, "数量要求不能为负数")
    if quantity and number < 0:
        raise RuleError(field_name, f"{quantity}的{word}不能为负数")
    return number


def _rule_date(value: Any, field_name: str) -> date:
    try:
        return _to_date(value)
    except ValueError:
        raise RuleError(field_name, "请输入日期，格式为 YYYY-MM-DD，例如 2024-03-01") from None


# ---------------------------------------------------------------------------------------------
# The base class
# ---------------------------------------------------------------------------------------------


class AnswerType:
    """One answer type; subclasses set ``name`` and override what differs."""

    name: ClassVar[str] = ""
    #: True when the photos attached are the answer itself (no value needed).
    photo_answer: ClassVar[bool] = False
    #: True when an explicit empty list is an answer of its own (parts: none of them present);
    #: otherwise it is no answer, as None and "" are.
    empty_list_answer: ClassVar[bool] = False

    def validate_rule(self, rule: Mapping[str, Any]) -> dict[str, Any]:
        """The normalised keys of ``rule`` that belong to this type; raises ``RuleError``."""
        return {}

    def compile(self, ci: CompiledItem) -> None:
        """Work out once, on the compiled item, what judging its answers needs."""

    def parse(self, ci: CompiledItem, value: Any, unit: str | None) -> tuple[Any, str | None]:
        """(normalised value or None, canonical unit) of a non-blank answer, or raise
        ``AnswerError``."""
        raise NotImplementedError

    def judge(self, ci: CompiledItem, value: Any, unit: str | None) -> tuple[bool, str, _Outcome]:
        """(passed?, reason ending with the citation, outcome) of a parsed answer."""
        raise NotImplementedError

    def describe(self, rule: Mapping[str, Any]) -> str:
        """The normalised rule in the words reasons and messages use ("" when it sets none)."""
        return ""

    def negative_message(self, rule: Mapping[str, Any]) -> str | None:
        """The message refusing any negative answer under the normalised ``rule``, None when
        negative answers are allowed or the type takes no number (the phone refuses offline
        with it)."""
        return None


# ---------------------------------------------------------------------------------------------
# yes_no
# ---------------------------------------------------------------------------------------------


class YesNoType(AnswerType):
    """是 / 否; the rule names the passing answer (``no`` for prohibitions)."""

    name = "yes_no"

    def validate_rule(self, rule: Mapping[str, Any]) -> dict[str, Any]:
        wanted = rule.get("value")
        if _blank(wanted):
            wanted = "yes"
        if wanted not in ("yes", "no"):
            raise RuleError("value", "合格答案须为 yes（是）或 no（否）")
        return {"value": wanted}

    def compile(self, ci: CompiledItem) -> None:
        ci.yes_value = ci.rule["value"]

    def parse(self, ci: CompiledItem, value: Any, unit: str | None) -> tuple[Any, str | None]:
        if value is True or value is False:
            return ("yes" if value else "no"), None
        if type(value) is str:
            word = value.lower()
            if word in _YES:
                return "yes", None
            if word in _NO:
                return "no", None
        raise AnswerError("bad_value", "请回答“是”（yes）或“否”（no），不适用请选 na")

    def judge(self, ci: CompiledItem, value: Any, unit: str | None) -> tuple[bool, str, _Outcome]:
        word = "是" if value == "yes" else "否"
        if value == ci.yes_value:
            return True, f"回答：{word}，符合{ci.cit}", ci.pass_o
        return False, f"回答：{word}，不符合{ci.cit}", ci.fail_o

    def describe(self, rule: Mapping[str, Any]) -> str:
        return "合格答案：" + ("否" if rule.get("value") == "no" else "是")


# ---------------------------------------------------------------------------------------------
# number, count, date: a threshold (or none) compared with the answer
# ---------------------------------------------------------------------------------------------


def _required_text(rule: Mapping[str, Any]) -> str:
    """The required value or range of a threshold rule with its unit: "500 m²", "[6, 10] m"."""
    unit_sp = _spaced_unit(rule.get("unit"))
    if rule.get("op") == "range":
        lo, hi = ("[" if rule["low_inclusive"] else "("), ("]" if rule["high_inclusive"] else ")")
        return f"{lo}{rule['low']}, {rule['high']}{hi}{unit_sp}"
    return f"{rule['value']}{unit_sp}"


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


class _ThresholdType(AnswerType):
    """Shared by number, count and date: an optional comparison (``op``) with a value or a
    range; numbers carry a unit, dates none."""

    is_date: ClassVar[bool] = False
    whole: ClassVar[bool] = False  # count: the required values are whole numbers

    def validate_rule(self, rule: Mapping[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        is_date = self.is_date
        op = rule.get("op")
        unit = rule.get("unit")
        if is_date or not isinstance(unit, str):
            quantity = None
        else:
            quantity = nonnegative_word(canonical_unit(unit))
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
                return _rule_number(raw, key, whole=self.whole, quantity=quantity)

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
            if not _blank(unit):
                if not isinstance(unit, str):
                    raise RuleError("unit", "单位须为文字，例如 m²、元、辆")
                out["unit"] = canonical_unit(unit)
        return out

    def compile(self, ci: CompiledItem) -> None:
        rule = ci.rule
        is_date = self.is_date
        conv: Callable[[str], Any] = date.fromisoformat if is_date else Decimal
        ci.unit = rule.get("unit")
        ci.unit_sp = _spaced_unit(ci.unit)
        ci.op = rule.get("op")
        if ci.op == "range":
            ci.low, ci.high = conv(rule["low"]), conv(rule["high"])
            ci.low_inc, ci.high_inc = rule["low_inclusive"], rule["high_inclusive"]
            ci.req_text = _required_text(rule)
            if not is_date:
                ci.flow, ci.fhigh = Fraction(ci.low), Fraction(ci.high)
        elif ci.op is not None:
            ci.val = conv(rule["value"])
            ci.req_text = _required_text(rule)
            if not is_date:
                ci.fval = Fraction(ci.val)

    def judge(self, ci: CompiledItem, value: Any, unit: str | None) -> tuple[bool, str, _Outcome]:
        if self.is_date:
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
        failed = f"{shown}{_OP_FAILED[op]} 要求 {_OP_SIGN[op]} {ci.req_text}{ci.cit}"
        return False, failed, ci.fail_o

    def describe(self, rule: Mapping[str, Any]) -> str:
        op = rule.get("op")
        if op not in OPS:
            return ""
        required = _required_text(rule)
        return required if op == "range" else f"{_OP_SIGN[op]} {required}"


class NumberType(_ThresholdType):
    """A measured quantity: a decimal with a unit that converts to the rule's unit."""

    name = "number"

    def parse(self, ci: CompiledItem, value: Any, unit: str | None) -> tuple[Any, str | None]:
        try:
            number, rest = _to_decimal(value)
        except ValueError:
            raise AnswerError("not_a_number", _ERR_NUMBER) from None
        if significant_digits(number) > MAX_DIGITS:
            raise AnswerError("too_many_digits", _ERR_DIGITS)
        if unit is not None and not isinstance(unit, str):
            raise AnswerError("bad_unit", "单位须为文字，例如 m、cm、元")
        if rest:
            inline = canonical_unit(rest)
            if inline not in _KNOWN_SYMBOLS and inline != ci.unit:
                raise AnswerError("not_a_number", _ERR_NUMBER)
            given = canonical_unit(unit) if unit else None
            if given is not None and given != inline:
                raise AnswerError(
                    "bad_unit",
                    f"数值后的单位“{display_name(inline)}”与所选单位“{display_name(given)}”不一致",
                )
            unit = inline
        elif unit:
            unit = canonical_unit(unit)
        if self.whole:
            if number < 0:
                raise AnswerError("negative", _ERR_COUNT_NEGATIVE)
            if number != number.to_integral_value():
                raise AnswerError("not_whole", "请输入整数，例如 3")
            number = int(number)
        if not unit or unit == ci.unit:
            unit = ci.unit
        elif ci.unit is None:
            raise AnswerError(
                "bad_unit", f"此项没有单位，请只输入数字（不要带“{display_name(unit)}”）"
            )
        elif ci.ratio(unit) is None:
            given, wanted = display_name(unit), display_name(ci.unit)
            raise AnswerError(
                "bad_unit", f"单位“{given}”不能换算为“{wanted}”，请输入以 {wanted} 为单位的数值"
            )
        if number < 0 and (quantity := nonnegative_word(ci.unit)):
            raise AnswerError("negative", f"{quantity}不能为负数")  # a convertible unit: the same
        return number, unit

    def negative_message(self, rule: Mapping[str, Any]) -> str | None:
        if self.whole:
            return _ERR_COUNT_NEGATIVE
        quantity = nonnegative_word(rule.get("unit"))
        return f"{quantity}不能为负数" if quantity else None


class CountType(NumberType):
    """A whole, non-negative count (a unit such as 辆 or 次 is optional)."""

    name = "count"
    whole = True


class DateType(_ThresholdType):
    """A date (YYYY-MM-DD), compared with a required date or range."""

    name = "date"
    is_date = True

    def parse(self, ci: CompiledItem, value: Any, unit: str | None) -> tuple[Any, str | None]:
        try:
            return _to_date(value), None
        except ValueError:
            raise AnswerError(
                "bad_date", "请输入日期，格式为 YYYY-MM-DD，例如 2024-03-01"
            ) from None


# ---------------------------------------------------------------------------------------------
# date_pair: two dates, within N working days or days
# ---------------------------------------------------------------------------------------------

#: The two dates of a date_pair answer as the form labels them.
PAIR_FIELDS = {"from": "收到/起算日期", "to": "答复/完成日期"}
#: The refusal of a second date before the first (the phone shows the same words).
ERR_PAIR_ORDER = "答复/完成日期不能早于收到/起算日期，请核对两个日期"
_PERIOD_UNITS = {"working_day": "个工作日", "day": "日"}


def _cn_day(day: date, year: int | None = None) -> str:
    """2026年10月8日; 10月8日 within ``year``."""
    if day.year == year:
        return f"{day.month}月{day.day}日"
    return f"{day.year}年{day.month}月{day.day}日"


def _cn_days(days: Sequence[date], year: int) -> str:
    """Dates in order, runs of consecutive days as ranges: 10月1日至10月7日、10月9日."""
    runs: list[list[date]] = []
    for day in days:
        if runs and (day - runs[-1][-1]).days == 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    return "、".join(
        _cn_day(r[0], year) + (f"至{_cn_day(r[-1], year)}" if len(r) > 1 else "") for r in runs
    )


class DatePairType(AnswerType):
    """Two dates, ``{"from": …, "to": …}``: when something was received (or a period began)
    and when it was answered (or done). Passes when ``to`` falls within N working days or days
    of ``from``, counted from the day after it (民法典 第二百零一条), a period of days whose last
    day is a rest day ending on the next working day (第二百零三条), with the official calendar
    the item was compiled with (holidays, 调休)."""

    name = "date_pair"

    def validate_rule(self, rule: Mapping[str, Any]) -> dict[str, Any]:
        op = rule.get("op")
        if not _blank(op) and op != "<=":
            raise RuleError("op", "两个日期之间的期限只能是“≤”（在 N 个工作日或 N 日内）")
        unit = rule.get("unit")
        if _blank(unit):
            raise RuleError("unit", "请选择期限单位：working_day（工作日）或 day（日）")
        unit = canonical_unit(unit) if isinstance(unit, str) else None
        if unit not in _PERIOD_UNITS:
            raise RuleError("unit", "期限单位须为 working_day（工作日）或 day（日）")
        raw = rule.get("value")
        if _blank(raw):
            raise RuleError("value", "请填写期限 N（正整数），例如 3")
        number = None
        if isinstance(raw, int) and not isinstance(raw, bool):
            number = raw
        elif isinstance(raw, (str, Decimal)):
            try:
                found, rest = _to_decimal(raw)
            except ValueError:
                found, rest = None, "x"
            if found is not None and not rest and found == found.to_integral_value():
                number = int(found)
        if number is None or not 1 <= number <= MAX_N[unit]:
            raise RuleError("value", f"期限 N 须为 1 至 {MAX_N[unit]} 的整数，例如 3")
        return {"op": "<=", "value": number, "unit": unit}

    def compile(self, ci: CompiledItem) -> None:
        ci.op = "<="
        ci.val = ci.rule["value"]
        ci.unit = ci.rule["unit"]
        ci.req_text = self.describe(ci.rule)

    def parse(self, ci: CompiledItem, value: Any, unit: str | None) -> tuple[Any, str | None]:
        if not isinstance(value, Mapping):
            raise AnswerError(
                "bad_value", '请填写收到/起算日期和答复/完成日期（{"from": …, "to": …}）'
            )
        if _blank(value.get("from")) and _blank(value.get("to")):
            return None, None
        days = {}
        for key, word in PAIR_FIELDS.items():
            raw = value.get(key)
            if _blank(raw):
                raise AnswerError("bad_date", f"请填写{word}")
            try:
                days[key] = _to_date(raw)
            except ValueError:
                raise AnswerError(
                    "bad_date", f"{word}：请输入日期，格式为 YYYY-MM-DD，例如 2026-10-08"
                ) from None
        if days["to"] < days["from"]:
            raise AnswerError("date_order", ERR_PAIR_ORDER)
        return days, None

    def judge(self, ci: CompiledItem, value: Any, unit: str | None) -> tuple[bool, str, _Outcome]:
        start, end = value["from"], value["to"]
        run = elapsed(start, end, ci.val, ci.unit, ci.calendar)
        year = start.year
        text = f"{_cn_day(start)}收到，"
        if end == start:
            text += "当日答复"
        else:
            text += f"{_cn_day(end, year)}答复，"
            if run.counted is None:
                text += "相隔逾十年"
            elif ci.unit == "day":
                text += f"第{run.counted}日"
            elif run.end_works:
                text += f"第{run.counted}个工作日"
            elif run.counted:
                text += f"第{run.counted}个工作日后的{ci.calendar.rest_label(end)}"
            else:
                text += "未到第1个工作日"
            notes = []
            if ci.unit == "working_day" and run.counted is not None:
                if run.holidays:
                    notes.append(f"{_cn_days(run.holidays, year)}放假")
                if run.makeup:
                    notes.append(f"{_cn_days(run.makeup, year)}调休上班")
            if notes:
                text += f"（{'，'.join(notes)}）"
        text += f"，要求{ci.req_text}"
        due = run.due
        if due is not None and run.last_day is not None and due.due_on != run.last_day:
            last = run.last_day
            text += (
                f"（期限最后一日{_cn_day(last, year)}为{ci.calendar.rest_label(last)}，"
                f"顺延至{_cn_day(due.due_on, year)}）"
            )
        if run.unknown_years:
            years = "、".join(str(y) for y in run.unknown_years)
            text += f"（{years}年的官方节假日安排尚未载入，暂按周一至周五为工作日计算）"
        if run.on_time:
            return True, f"{text}：合格{ci.cit}", ci.pass_o
        return False, f"{text}：不合格{ci.cit}", ci.fail_o

    def describe(self, rule: Mapping[str, Any]) -> str:
        unit = _PERIOD_UNITS.get(rule.get("unit", ""))
        return f"{rule['value']}{unit}内" if unit and "value" in rule else ""


# ---------------------------------------------------------------------------------------------
# choice
# ---------------------------------------------------------------------------------------------


class ChoiceType(AnswerType):
    """One of the rule's choices, each with its score and whether it passes."""

    name = "choice"

    def validate_rule(self, rule: Mapping[str, Any]) -> dict[str, Any]:
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
        return {"choices": rows}

    def compile(self, ci: CompiledItem) -> None:
        rows = ci.rule["choices"]
        top = max(Decimal(r["score"]) for r in rows)
        ci.max_score = format_decimal(top)
        ci.choices = {}
        ci.labels = {}
        for row in rows:
            outcome = ci.outcome(Fraction(Decimal(row["score"])) / Fraction(top))
            reason = f"选择：{row['label']}（{row['score']}/{ci.max_score} 分）{ci.cit}"
            ci.choices[row["value"]] = (row["pass"], reason, outcome, row["value"])
            ci.labels.setdefault(row["label"], row["value"])

    def parse(self, ci: CompiledItem, value: Any, unit: str | None) -> tuple[Any, str | None]:
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
        raise AnswerError("unknown_choice", f"请从以下选项中选择：{self.describe(ci.rule)}")

    def judge(self, ci: CompiledItem, value: Any, unit: str | None) -> tuple[bool, str, _Outcome]:
        passing, reason, outcome, _ = ci.choices[value]
        return passing, reason, outcome

    def describe(self, rule: Mapping[str, Any]) -> str:
        return "、".join(row["label"] for row in rule.get("choices", ()))


# ---------------------------------------------------------------------------------------------
# parts
# ---------------------------------------------------------------------------------------------


class PartsType(AnswerType):
    """Named parts that must all be present; each present part earns its share."""

    name = "parts"
    empty_list_answer = True  # [] = none of the parts present (fails), None = not answered

    def validate_rule(self, rule: Mapping[str, Any]) -> dict[str, Any]:
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
        return {"parts": rows}

    def compile(self, ci: CompiledItem) -> None:
        rows = ci.rule["parts"]
        ci.parts = tuple(r["value"] for r in rows)
        ci.part_labels = {r["value"]: r["label"] for r in rows}
        ci.labels = {r["label"]: r["value"] for r in rows}
        total = len(rows)
        ci.part_outcomes = [ci.outcome(Fraction(k, total)) for k in range(total + 1)]

    def parse(self, ci: CompiledItem, value: Any, unit: str | None) -> tuple[Any, str | None]:
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
                options = self.describe(ci.rule)
                raise AnswerError(
                    "unknown_part", f"未知的要件“{raw}”，请从以下要件中选择：{options}"
                )
            present.add(text)
        if not present:  # [] = none present; only blank entries = no answer, as before
            return (() if not value else None), None
        return tuple(p for p in ci.parts if p in present), None

    def judge(self, ci: CompiledItem, value: Any, unit: str | None) -> tuple[bool, str, _Outcome]:
        total = len(ci.parts)
        present = len(value)
        if present == total:
            return True, f"{total} 项齐全{ci.cit}", ci.part_outcomes[present]
        missing = "、".join(ci.part_labels[p] for p in ci.parts if p not in value)
        return False, f"缺少：{missing}（{present}/{total} 项）{ci.cit}", ci.part_outcomes[present]

    def describe(self, rule: Mapping[str, Any]) -> str:
        return "、".join(row["label"] for row in rule.get("parts", ()))


# ---------------------------------------------------------------------------------------------
# text, photo: recorded, always pass
# ---------------------------------------------------------------------------------------------


class TextType(AnswerType):
    """Free text: recorded, always passes."""

    name = "text"

    def parse(self, ci: CompiledItem, value: Any, unit: str | None) -> tuple[Any, str | None]:
        if not isinstance(value, str):
            raise AnswerError("bad_value", "请输入文字")
        return value, None

    def judge(self, ci: CompiledItem, value: Any, unit: str | None) -> tuple[bool, str, _Outcome]:
        shown = value if len(value) <= 30 else value[:30] + "…"
        return True, f"已填写：{shown}{ci.cit}", ci.pass_o


class PhotoType(AnswerType):
    """Photos as evidence: the number of photos is the answer; always passes."""

    name = "photo"
    photo_answer = True

    def parse(self, ci: CompiledItem, value: Any, unit: str | None) -> tuple[Any, str | None]:
        if isinstance(value, (list, tuple)):
            return len(value), None
        if isinstance(value, int) and not isinstance(value, bool):
            if value < 0:
                raise AnswerError("negative", "照片数量不能为负数，请输入 0 或正整数")
            return (value or None), None
        raise AnswerError("bad_value", "请上传照片（照片数量或照片列表）")

    def judge(self, ci: CompiledItem, value: Any, unit: str | None) -> tuple[bool, str, _Outcome]:
        return True, f"已拍照 {value} 张{ci.cit}", ci.pass_o


# ---------------------------------------------------------------------------------------------
# barcode: a scanned (or typed) code, recorded, or matched against a text or a prefix
# ---------------------------------------------------------------------------------------------

#: The longest code, in characters (a QR code of a URL or an asset tag fits many times over).
BARCODE_MAX = 500
#: The refusals of a code (the phone shows the same words: static/js/inspect.js).
ERR_BARCODE_CONTROL = "扫码结果含有换行、制表符等控制字符，请重新扫码或手动输入"
ERR_BARCODE_LONG = f"扫码结果最多 {BARCODE_MAX} 个字符"


def _code_problem(text: str) -> str | None:
    """Why ``text`` cannot be a code (control characters: Unicode Cc; too long), or None."""
    if any(c < " " or "\x7f" <= c <= "\x9f" for c in text):
        return ERR_BARCODE_CONTROL
    return ERR_BARCODE_LONG if len(text) > BARCODE_MAX else None


def _shown_code(text: str) -> str:
    return text if len(text) <= 40 else text[:40] + "…"


class BarcodeType(AnswerType):
    """扫码: the text of a barcode or QR code, scanned on the phone or typed. No rule records it
    (an asset tag); ``expected`` passes only that text (the site's own code), ``prefix`` a text
    starting with it (a plain prefix, never a pattern). Compared after NFKC, so that a code
    typed in full-width characters (ＧＸ－０１) matches; stored as given, stripped."""

    name = "barcode"

    def validate_rule(self, rule: Mapping[str, Any]) -> dict[str, Any]:
        out = {}
        for key, word in (("expected", "要求的扫码结果"), ("prefix", "要求的开头")):
            raw = rule.get(key)
            if _blank(raw):
                continue
            if not isinstance(raw, str):
                raise RuleError(key, f"{word}须为文字")
            problem = _code_problem(raw.strip())
            if problem:
                long = problem == ERR_BARCODE_LONG
                why = f"最多 {BARCODE_MAX} 个字符" if long else "不能含有换行、制表符等控制字符"
                raise RuleError(key, word + why)
            out[key] = raw.strip()
        if len(out) == 2:
            raise RuleError("prefix", "“扫码结果须为”和“扫码结果开头”只能填写其一")
        return out

    def compile(self, ci: CompiledItem) -> None:
        # the engine's slots: op "==" (expected) or "prefix" or None, the text compared (NFKC)
        ci.op = "==" if "expected" in ci.rule else "prefix" if "prefix" in ci.rule else None
        ci.val = _nfkc(ci.rule.get("expected") or ci.rule.get("prefix") or "")
        ci.req_text = _shown_code(ci.rule.get("expected") or ci.rule.get("prefix") or "")

    def parse(self, ci: CompiledItem, value: Any, unit: str | None) -> tuple[Any, str | None]:
        if not isinstance(value, str):
            raise AnswerError("bad_value", "请扫码或输入条码/二维码的内容（文字）")
        problem = _code_problem(value)  # stripped already (blank answers never come here)
        if problem:
            raise AnswerError("too_long" if problem == ERR_BARCODE_LONG else "bad_value", problem)
        return value, None

    def judge(self, ci: CompiledItem, value: Any, unit: str | None) -> tuple[bool, str, _Outcome]:
        shown, wanted = _shown_code(value), ci.req_text
        if ci.op == "==":
            if _nfkc(value) == ci.val:
                return True, f"扫码结果“{shown}”与要求一致{ci.cit}", ci.pass_o
            return False, f"扫码结果“{shown}”与要求“{wanted}”不符{ci.cit}", ci.fail_o
        if ci.op == "prefix":
            if _nfkc(value).startswith(ci.val):
                return True, f"扫码结果“{shown}”以“{wanted}”开头，符合要求{ci.cit}", ci.pass_o
            return False, f"扫码结果“{shown}”不以要求的“{wanted}”开头{ci.cit}", ci.fail_o
        return True, f"扫码结果：{shown}，已记录{ci.cit}", ci.pass_o

    def describe(self, rule: Mapping[str, Any]) -> str:
        if rule.get("expected"):
            return f"扫码结果须为“{rule['expected']}”"
        return f"扫码结果须以“{rule['prefix']}”开头" if rule.get("prefix") else ""


# ---------------------------------------------------------------------------------------------
# The registry
# ---------------------------------------------------------------------------------------------

#: Type name → its answer type, in the order the builder offers them.
ANSWER_TYPE_REGISTRY: dict[str, AnswerType] = {
    kind.name: kind
    for kind in (
        YesNoType(),
        NumberType(),
        CountType(),
        ChoiceType(),
        PartsType(),
        DateType(),
        DatePairType(),
        TextType(),
        PhotoType(),
        BarcodeType(),
    )
}
ANSWER_TYPES = tuple(ANSWER_TYPE_REGISTRY)


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
    out = ANSWER_TYPE_REGISTRY[answer_type].validate_rule(rule)
    if _rule_bool(rule, "photo_on_fail", False, "photo_on_fail"):
        out["photo_on_fail"] = True
    return out
