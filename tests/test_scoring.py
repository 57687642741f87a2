"""Table-driven tests of checklists.scoring (pure: no app, no database)."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest

from checklists.scoring import (
    ANSWER_TYPE_REGISTRY,
    DEFAULT_BANDS,
    Answer,
    AnswerError,
    GradeBand,
    ItemSpec,
    RuleError,
    TemplateSpec,
    canonical_unit,
    compile_template,
    convert,
    evaluate,
    parse_value,
    score,
    validate_bands,
    validate_rule,
)

CIT = "冠政发〔2016〕109号 二（二）1"
CHOICES = [
    {"value": "full", "label": "符合", "score": "5"},
    {"value": "mostly", "label": "基本符合", "score": "3"},
    {"value": "no", "label": "不符合", "pass": False},
]
PARTS = ["章程", "资金", "期限", "场所", "人员", "制度"]


def item(item_id: Any = 1, answer_type: str = "yes_no", rule: dict | None = None, **kw) -> ItemSpec:
    return ItemSpec(id=item_id, answer_type=answer_type, rule=rule or {}, **kw)


def yes(item_id: Any, **kw) -> ItemSpec:
    return item(item_id, "yes_no", {}, **kw)


def number(op: str, value: Any, unit: str | None = None, **kw) -> ItemSpec:
    rule = {"op": op, "value": value}
    if unit:
        rule["unit"] = unit
    return item(kw.pop("item_id", 1), "number", rule, **kw)


# ---------------------------------------------------------------------------------------------
# Thresholds
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answer_type", "op", "value", "answer", "expected"),
    [
        ("number", ">=", "500", "500", "pass"),  # equal passes >=
        ("number", ">=", "500", "499.99", "fail"),
        ("number", ">=", "500", "500.01", "pass"),
        ("number", ">", "500", "500", "fail"),  # equal fails >
        ("number", ">", "500", "500.01", "pass"),
        ("number", ">", "500", "499.99", "fail"),
        ("number", "<=", "500", "500", "pass"),  # equal passes <=
        ("number", "<=", "500", "500.01", "fail"),
        ("number", "<=", "500", "499.99", "pass"),
        ("number", "<", "500", "500", "fail"),  # equal fails <
        ("number", "<", "500", "499.99", "pass"),
        ("number", "<", "500", "500.01", "fail"),
        ("number", "==", "0.15", "0.150", "pass"),
        ("number", "==", "0.15", "0.151", "fail"),
        ("number", ">=", "0.3", 0.3, "pass"),  # float read via repr, not as binary 0.2999…
        ("count", ">=", "2", 2, "pass"),
        ("count", ">=", "2", 1, "fail"),
        ("count", ">", "2", 2, "fail"),
        ("count", "<=", "2", 2, "pass"),
        ("count", "<", "2", 2, "fail"),
        ("count", "==", "0", "0", "pass"),
        ("date", ">=", "2024-01-01", "2024-01-01", "pass"),
        ("date", ">=", "2024-01-01", "2023-12-31", "fail"),
        ("date", "<", "2024-01-01", date(2024, 1, 1), "fail"),
        ("date", "<=", "2024-01-01", "2024-01-01", "pass"),
    ],
)
def test_threshold_ops(answer_type, op, value, answer, expected):
    spec = item(1, answer_type, {"op": op, "value": value})
    assert evaluate(spec, answer).result == expected


@pytest.mark.parametrize(
    ("low_inclusive", "high_inclusive", "answer", "expected"),
    [
        (True, True, "6", "pass"),
        (True, True, "10", "pass"),
        (True, True, "5.99", "fail"),
        (True, True, "10.01", "fail"),
        (False, True, "6", "fail"),
        (False, True, "6.01", "pass"),
        (True, False, "10", "fail"),
        (True, False, "9.99", "pass"),
        (None, None, "8", "pass"),  # default: both ends included
    ],
)
def test_range(low_inclusive, high_inclusive, answer, expected):
    rule: dict[str, Any] = {"op": "range", "low": 6, "high": 10}
    if low_inclusive is not None:
        rule.update(low_inclusive=low_inclusive, high_inclusive=high_inclusive)
    assert evaluate(item(1, "number", rule), answer).result == expected


def test_no_threshold_any_valid_number_passes():
    result = evaluate(item(1, "number", {"unit": "m²"}), "12.5")
    assert (result.result, result.value) == ("pass", Decimal("12.5"))
    assert result.reason == "实测 12.5 平方米，已记录"


# ---------------------------------------------------------------------------------------------
# Units
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("op", "value", "rule_unit", "answer", "answer_unit", "expected"),
    [
        (">=", "0.15", "m", "14", "cm", "fail"),
        (">=", "0.15", "m", "15", "cm", "pass"),
        (">=", "5", "m", "600", "cm", "pass"),
        (">=", "5", "m", "600cm", None, "pass"),  # unit typed after the number
        ("==", "0.29", "m", "29", "cm", "pass"),  # exactly, no binary float error
        ("==", "29", "cm", 0.29, "m", "pass"),
        ("==", "29", "cm", "290", "毫米", "pass"),
        (">=", "1", "亩", "666.67", "m²", "pass"),  # 1 亩 = 2000/3 m² = 666.666…
        (">=", "1", "亩", "666.66", "平方米", "fail"),
        (">=", "666.67", "m²", "1", "亩", "fail"),
        ("==", "2000", "m²", "3", "亩", "pass"),
        ("<=", "15", "亩", "1", "公顷", "pass"),  # 1 ha = 15 亩
        ("<=", "15", "亩", "1.0001", "公顷", "fail"),
        (">=", "50", "万元", "500000", "元", "pass"),
        (">=", "50", "万元", "499999", "元", "fail"),
        (">=", "1", "亿元", "10000", "万元", "pass"),
        ("<", "5", "%", "49", "‰", "pass"),
        ("<", "5", "%", "50", "‰", "fail"),
        ("<=", "3", "‰", "0.3", "％", "pass"),  # full-width percent sign
        (">=", "500", "m²", "５００", None, "pass"),  # full-width digits
        (">=", "0.15", "m", "０．１５", "ｍ", "pass"),
        (">=", "1.5", "t", "1500", "kg", "pass"),
        (">=", "1.5", "t", "1499", "公斤", "fail"),
        ("<=", "3", "day", "72", "hour", "pass"),
        ("<=", "3", "天", "73", "小时", "fail"),
        (">=", "3", "km", "3000", "m", "pass"),
        (">=", "2", "辆", "2", "辆", "pass"),
    ],
)
def test_units(op, value, rule_unit, answer, answer_unit, expected):
    spec = number(op, value, rule_unit)
    assert evaluate(spec, Answer(answer, answer_unit)).result == expected


@pytest.mark.parametrize(
    ("unit", "expected"),
    [
        ("平方米", "m²"),
        ("㎡", "m²"),
        ("m2", "m²"),
        ("m²", "m²"),
        ("平米", "m²"),
        (" 厘米 ", "cm"),
        ("ＣＭ", "cm"),
        ("公里", "km"),
        ("千米", "km"),
        ("公斤", "kg"),
        ("吨", "t"),
        ("ha", "公顷"),
        ("小时", "hour"),
        ("天", "day"),
        ("日", "day"),
        ("工作日", "working_day"),
        ("％", "%"),
        ("辆", "辆"),  # counter words only match themselves
        (" 例 ", "例"),
        ("", None),
        (None, None),
    ],
)
def test_canonical_unit(unit, expected):
    assert canonical_unit(unit) == expected


@pytest.mark.parametrize(
    ("value", "from_unit", "to_unit", "expected"),
    [
        (Decimal("600"), "cm", "m", Fraction(6)),
        (Decimal("0.29"), "m", "cm", Fraction(29)),
        (Decimal("1"), "亩", "m²", Fraction(2000, 3)),
        (Decimal("1"), "公顷", "亩", Fraction(15)),
        (Decimal("3.5"), "万元", "元", Fraction(35000)),
        (Decimal("1"), "亿元", "万元", Fraction(10000)),
        (Decimal("1"), "%", "‰", Fraction(10)),
        (Decimal("2"), "day", "hour", Fraction(48)),
        (Decimal("90"), "分钟", "hour", Fraction(3, 2)),
        (Decimal("1.6"), "兆帕", "kPa", Fraction(1600)),
        (Decimal("14"), "MW", "千瓦", Fraction(14000)),
        (Decimal("500"), "毫升", "L", Fraction(1, 2)),
        (Decimal("-18"), "摄氏度", "℃", Fraction(-18)),
        (Decimal("65"), "分贝", "dB", Fraction(65)),
        (Decimal("40"), "公里/小时", "km/hour", Fraction(40)),
        (Decimal("5"), "米/秒", "km/hour", Fraction(18)),  # a wind speed
        (Decimal("30"), "秒", "minute", Fraction(1, 2)),
        (Decimal("300"), "勒克斯", "lx", Fraction(300)),
        (Decimal("1.2"), "万吨标准煤", "吨标准煤", Fraction(12000)),
        (Decimal("300"), "千克标准煤/吨", "tce/t", Fraction(3, 10)),  # an energy intensity
        (Decimal("5000"), "大卡/千克", "MJ/kg", Fraction(10467, 500)),  # 4.1868 kJ a kcal
        (Decimal("7"), "辆", "辆", Fraction(7)),
        (Decimal("40"), "瓦", "kW", Fraction(1, 25)),
        (Decimal("10"), "千伏", "V", Fraction(10000)),
        (Decimal("0.5"), "毫克/升", "μg/L", Fraction(500)),  # a concentration in water
        (Decimal("4"), "欧姆", "Ω", Fraction(4)),
    ],
)
def test_convert(value, from_unit, to_unit, expected):
    assert convert(value, from_unit, to_unit) == expected


@pytest.mark.parametrize(
    ("from_unit", "to_unit"),
    [
        ("kg", "m"),
        ("m", "m²"),
        ("元", "%"),
        ("working_day", "day"),
        ("month", "day"),
        ("year", "age_year"),
        ("辆", "台"),
        ("℃", "dB"),
        ("MPa", "MW"),
        ("lx", "dB"),
    ],
)
def test_convert_across_dimensions_is_bad_unit(from_unit, to_unit):
    with pytest.raises(AnswerError) as info:
        convert(Decimal(1), from_unit, to_unit)
    assert info.value.code == "bad_unit"


# ---------------------------------------------------------------------------------------------
# parse_value
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answer_type", "rule", "value", "unit", "expected"),
    [
        ("yes_no", {}, "yes", None, "yes"),
        ("yes_no", {}, True, None, "yes"),
        ("yes_no", {}, False, None, "no"),
        ("yes_no", {}, "是", None, "yes"),
        ("yes_no", {}, " 否 ", None, "no"),
        ("yes_no", {}, "不适用", None, "na"),
        ("yes_no", {}, "NA", None, "na"),
        ("yes_no", {}, None, None, None),
        ("number", {}, "", None, None),
        ("number", {}, "   ", None, None),
        ("parts", {"parts": PARTS}, [], None, ()),  # explicit []: none of the parts present
        ("parts", {"parts": PARTS}, [""], None, None),  # only blanks: no answer, as before
        ("parts", {"parts": PARTS}, None, None, None),
        ("number", {}, " 500 ", None, Decimal("500")),
        ("number", {}, "５００", None, Decimal("500")),
        ("number", {}, "1,200.50", None, Decimal("1200.5")),
        ("number", {}, 0.1, None, Decimal("0.1")),
        ("number", {}, Decimal("1.50"), None, Decimal("1.5")),
        ("number", {}, -3, None, Decimal("-3")),
        ("number", {"op": ">=", "value": 5, "unit": "m"}, "600", "cm", Decimal("600")),
        ("count", {}, "3", None, 3),
        ("count", {}, "3.0", None, 3),
        ("count", {}, 0, None, 0),
        ("choice", {"choices": CHOICES}, "mostly", None, "mostly"),
        ("choice", {"choices": CHOICES}, "基本符合", None, "mostly"),  # by label
        ("parts", {"parts": PARTS}, ["制度", "章程", "制度"], None, ("章程", "制度")),
        ("parts", {"parts": PARTS}, ("资金",), None, ("资金",)),
        ("date", {}, "2024-03-01", None, date(2024, 3, 1)),
        ("date", {}, date(2024, 3, 1), None, date(2024, 3, 1)),
        ("text", {}, " 台账齐全 ", None, "台账齐全"),
        ("photo", {}, 2, None, 2),
        ("photo", {}, ["hash1", "hash2", "hash3"], None, 3),
        ("photo", {}, 0, None, None),
    ],
)
def test_parse_value(answer_type, rule, value, unit, expected):
    parsed = parse_value(item(1, answer_type, rule), value, unit)
    assert parsed == expected
    assert type(parsed) is type(expected)
    if isinstance(expected, Decimal):
        assert str(parsed) == str(expected)  # canonical: no trailing zeros


@pytest.mark.parametrize(
    ("answer_type", "rule", "value", "unit", "na_allowed", "code"),
    [
        ("number", {}, "abc", None, True, "not_a_number"),
        ("number", {}, "五百", None, True, "not_a_number"),
        ("number", {}, True, None, True, "not_a_number"),  # bool is not a number
        ("number", {}, "1e5", None, True, "not_a_number"),
        ("number", {}, float("nan"), None, True, "not_a_number"),
        ("number", {}, "na", None, False, "na_not_allowed"),
        ("yes_no", {}, "不适用", None, False, "na_not_allowed"),
        ("number", {"op": ">=", "value": 1, "unit": "m"}, "5", "kg", True, "bad_unit"),
        ("number", {"op": ">=", "value": 1, "unit": "day"}, "5", "working_day", True, "bad_unit"),
        ("number", {"op": ">=", "value": 1}, "5", "m", True, "bad_unit"),  # rule has no unit
        ("count", {"unit": "辆"}, "3", "台", True, "bad_unit"),
        ("count", {}, "-1", None, True, "negative"),
        ("count", {}, "2.5", None, True, "not_whole"),
        ("choice", {"choices": CHOICES}, "maybe", None, True, "unknown_choice"),
        ("parts", {"parts": PARTS}, ["章程", "公章"], None, True, "unknown_part"),
        ("parts", {"parts": PARTS}, "章程", None, True, "bad_value"),
        ("date", {}, "2024-02-30", None, True, "bad_date"),
        ("date", {}, "2024/03/01", None, True, "bad_date"),
        ("date", {}, "明天", None, True, "bad_date"),
        ("yes_no", {}, "maybe", None, True, "bad_value"),
        ("text", {}, 12, None, True, "bad_value"),
        ("photo", {}, -1, None, True, "negative"),
    ],
)
def test_parse_value_errors(answer_type, rule, value, unit, na_allowed, code):
    spec = item(1, answer_type, rule, na_allowed=na_allowed)
    with pytest.raises(AnswerError) as info:
        parse_value(spec, value, unit)
    assert info.value.code == code
    assert info.value.message and str(info.value) == info.value.message


@pytest.mark.parametrize(
    ("code", "value", "unit", "message"),
    [
        ("not_a_number", "abc", None, "请输入数字，例如 500 或 0.15"),
        ("bad_unit", "5", "kg", "单位“千克”不能换算为“米”，请输入以 米 为单位的数值"),
    ],
)
def test_answer_error_messages_say_what_to_enter(code, value, unit, message):
    with pytest.raises(AnswerError) as info:
        parse_value(number(">=", 1, "m"), value, unit)
    assert (info.value.code, info.value.message) == (code, message)


# ---------------------------------------------------------------------------------------------
# validate_rule
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answer_type", "rule", "field"),
    [
        ("number", {"op": "=>", "value": 5}, "op"),
        ("number", {"op": "range", "low": 10, "high": 6}, "low"),
        ("number", {"op": "range", "low": 6, "high": 6, "low_inclusive": False}, "low"),
        ("number", {"op": "range", "low": 6}, "high"),
        ("number", {"op": ">="}, "value"),
        ("number", {"value": 5}, "op"),  # a value without a comparison
        ("number", {"op": ">=", "value": "abc"}, "value"),
        ("number", {"op": ">=", "value": True}, "value"),
        ("number", {"op": ">=", "value": 5, "unit": 3}, "unit"),
        ("count", {"op": ">=", "value": "2.5"}, "value"),
        ("count", {"op": "range", "low": "0.5", "high": 3}, "low"),
        ("choice", {"choices": []}, "choices"),
        ("choice", {}, "choices"),
        ("choice", {"choices": [{"value": "a"}, {"value": "a"}]}, "choices"),
        ("choice", {"choices": [{"value": ""}]}, "choices"),
        ("choice", {"choices": [{"value": "a", "score": "-1"}]}, "choices"),
        ("choice", {"choices": [{"value": "a", "pass": "yes"}]}, "choices"),
        ("choice", {"choices": [{"value": "a", "pass": False}]}, "choices"),  # max score 0
        ("parts", {"parts": [{"value": "章程"}, {"value": "章程"}]}, "parts"),
        ("parts", {"parts": []}, "parts"),
        ("date", {"op": ">=", "value": "2024-13-01"}, "value"),
        ("yes_no", {"value": "maybe"}, "value"),
        ("text", {"photo_on_fail": "yes"}, "photo_on_fail"),
        ("signature", {}, "answer_type"),
        ("number", ["op"], "rule"),
    ],
)
def test_validate_rule_errors(answer_type, rule, field):
    with pytest.raises(RuleError) as info:
        validate_rule(answer_type, rule)
    assert info.value.field == field
    assert info.value.message


@pytest.mark.parametrize(
    ("answer_type", "rule", "expected"),
    [
        (
            "number",
            {"op": ">=", "value": 500.0, "unit": "平方米"},
            {"op": ">=", "value": "500", "unit": "m²"},
        ),
        ("number", {"op": "<", "value": Decimal("0.150")}, {"op": "<", "value": "0.15"}),
        ("number", {"op": "<", "value": Decimal("1E+2")}, {"op": "<", "value": "100"}),
        ("number", {}, {}),
        ("number", {"op": "", "unit": " 万元 "}, {"unit": "万元"}),
        (
            "number",
            {"op": "range", "low": "6.0", "high": 10, "value": 3, "high_inclusive": False},
            {
                "op": "range",
                "low": "6",
                "high": "10",
                "low_inclusive": True,
                "high_inclusive": False,
            },
        ),
        (
            "count",
            {"op": ">=", "value": "2.00", "unit": "辆"},
            {"op": ">=", "value": "2", "unit": "辆"},
        ),
        ("date", {"op": ">=", "value": date(2024, 1, 1)}, {"op": ">=", "value": "2024-01-01"}),
        ("yes_no", {}, {"value": "yes"}),
        ("yes_no", {"value": "no", "photo_on_fail": True}, {"value": "no", "photo_on_fail": True}),
        ("text", {"op": ">=", "value": 3}, {}),
        ("photo", {"photo_on_fail": False}, {}),
        (
            "choice",
            {"choices": [{"value": "a", "label": "符合"}, {"value": "b", "pass": False}]},
            {
                "choices": [
                    {"value": "a", "label": "符合", "score": "1", "pass": True},
                    {"value": "b", "label": "b", "score": "0", "pass": False},
                ]
            },
        ),
        (
            "parts",
            {"parts": ["章程", {"value": "zj", "label": "资金"}]},
            {"parts": [{"value": "章程", "label": "章程"}, {"value": "zj", "label": "资金"}]},
        ),
    ],
)
def test_validate_rule_normalises(answer_type, rule, expected):
    assert validate_rule(answer_type, rule) == expected


@pytest.mark.parametrize(
    ("answer_type", "rule"),
    [
        ("number", {"op": ">=", "value": 500.0, "unit": "平方米", "photo_on_fail": True}),
        ("number", {"op": "range", "low": "0.50", "high": 1, "low_inclusive": False}),
        ("count", {"op": "<=", "value": 10, "unit": "人"}),
        ("date", {"op": "range", "low": "2024-1-1", "high": date(2024, 12, 31)}),
        ("choice", {"choices": CHOICES}),
        ("parts", {"parts": PARTS}),
        ("yes_no", {"value": "no"}),
        ("text", {"anything": 1}),
        ("photo", {"photo_on_fail": True}),
    ],
)
def test_validate_rule_idempotent(answer_type, rule):
    once = validate_rule(answer_type, rule)
    assert validate_rule(answer_type, once) == once
    json.dumps(once)  # JSON-ready


# ---------------------------------------------------------------------------------------------
# Reasons
# ---------------------------------------------------------------------------------------------

CHOICE_ITEM = item(1, "choice", {"choices": CHOICES}, citation=CIT)
PARTS_ITEM = item(
    1, "parts", {"parts": [{"value": p, "label": p} for p in PARTS]}, citation=CIT
)  # fmt: skip
RANGE_ITEM = item(1, "number", {"op": "range", "low": 6, "high": 10}, citation=CIT)


@pytest.mark.parametrize(
    ("spec", "answer", "reason"),
    [
        (
            number(">=", 500, "m²", citation=CIT),
            480,
            f"实测 480 平方米 < 要求 ≥ 500 平方米（{CIT}）",
        ),
        (
            number(">=", 500, "m²", citation=CIT),
            "520",
            f"实测 520 平方米 ≥ 500 平方米，符合（{CIT}）",
        ),
        (
            number(">=", "0.15", "m", citation=CIT),
            Answer("14", "cm"),
            f"实测 14 厘米（= 0.14 米）< 要求 ≥ 0.15 米（{CIT}）",
        ),
        (
            number(">=", "1", "亩"),
            Answer("600", "m²"),
            "实测 600 平方米（= 0.9 亩）< 要求 ≥ 1 亩",
        ),
        (
            number(">=", "666.67", "m²"),
            Answer("1", "亩"),
            "实测 1 亩（≈ 666.6667 平方米）< 要求 ≥ 666.67 平方米",
        ),
        (number(">", "500", "元"), "500.00", "实测 500 元 ≤ 要求 > 500 元"),
        (number("<", "5", "%"), "5", "实测 5% ≥ 要求 < 5%"),
        (number("==", "3"), "4", "实测 4 ≠ 要求 = 3"),
        (RANGE_ITEM, 5, f"实测 5 不在要求范围 [6, 10] 内（{CIT}）"),
        (RANGE_ITEM, 7, f"实测 7 在要求范围 [6, 10] 内，符合（{CIT}）"),
        (
            item(1, "number", {"op": "range", "low": 6, "high": 10, "low_inclusive": False}),
            6,
            "实测 6 不在要求范围 (6, 10] 内",
        ),
        (item(1, "count", {"op": ">=", "value": 2, "unit": "辆"}), 1, "实测 1 辆 < 要求 ≥ 2 辆"),
        (
            item(1, "date", {"op": ">=", "value": "2024-01-01"}),
            "2023-12-31",
            "日期 2023-12-31 < 要求 ≥ 2024-01-01",
        ),
        (yes(1, citation=CIT), "yes", f"回答：是，符合（{CIT}）"),
        (yes(1, citation=CIT), "no", f"回答：否，不符合（{CIT}）"),
        (item(1, "yes_no", {"value": "no"}), "no", "回答：否，符合"),  # prohibition
        (item(1, "yes_no", {"value": "no"}), "yes", "回答：是，不符合"),
        (yes(1, citation=CIT), "na", "不适用，不计分"),
        (CHOICE_ITEM, "mostly", f"选择：基本符合（3/5 分）（{CIT}）"),
        (PARTS_ITEM, ["章程", "场所", "人员", "制度"], f"缺少：资金、期限（4/6 项）（{CIT}）"),
        (PARTS_ITEM, PARTS, f"6 项齐全（{CIT}）"),
        (yes(1, citation=CIT), None, "未作答"),
        (yes(1, required=False), None, "未作答（非必答，不计分）"),
        (yes(1, scored=False), "no", "回答：否，不符合（倡导性条款，不计分）"),
        (item(1, "photo"), 3, "已拍照 3 张"),
        (item(1, "text"), "台账齐全", "已填写：台账齐全"),
    ],
)
def test_reasons(spec, answer, reason):
    assert evaluate(spec, answer).reason == reason


# ---------------------------------------------------------------------------------------------
# Single items: exclusions, validity, photos
# ---------------------------------------------------------------------------------------------

EXPIRED = {"valid_to": date(2021, 12, 31)}
FUTURE = {"valid_from": date(2025, 1, 1)}


@pytest.mark.parametrize(
    ("spec", "answer", "as_of", "fields"),
    [
        (yes(1), "yes", None, ("pass", None, True, None)),
        (yes(1), "na", None, ("na", "na", False, None)),
        (yes(1), None, None, ("unanswered", None, False, "unanswered")),
        (yes(1, required=False), None, None, ("unanswered", "optional_unanswered", False, None)),
        (yes(1, scored=False), "no", None, ("fail", "advisory", False, None)),
        (yes(1, scored=False), None, None, ("unanswered", "advisory", False, None)),
        (yes(1, **EXPIRED), "yes", date(2024, 1, 1), ("na", "expired", False, None)),
        (yes(1, **EXPIRED), None, date(2024, 1, 1), ("na", "expired", False, None)),
        (yes(1, **EXPIRED), "yes", date(2021, 12, 31), ("pass", None, True, None)),
        (yes(1, **EXPIRED), "yes", None, ("pass", None, True, None)),  # no as_of: not checked
        (
            yes(1, validity_confirmed=True, **EXPIRED),
            "no",
            date(2024, 1, 1),
            ("fail", None, True, None),
        ),
        (yes(1, **FUTURE), "no", date(2024, 6, 1), ("na", "not_yet_valid", False, None)),
        (yes(1, **FUTURE), "no", date(2025, 1, 1), ("fail", None, True, None)),
        (
            item(1, "yes_no", {"photo_on_fail": True}),
            "no",
            None,
            ("fail", None, True, "photo_required"),
        ),
        (
            item(1, "yes_no", {"photo_on_fail": True}),
            Answer("no", photos=1),
            None,
            ("fail", None, True, None),
        ),
        (item(1, "yes_no", {"photo_on_fail": True}), "yes", None, ("pass", None, True, None)),
    ],
)
def test_item_status(spec, answer, as_of, fields):
    result = evaluate(spec, answer, as_of=as_of)
    assert (result.result, result.excluded, result.counted, result.missing) == fields
    if not result.counted:
        assert result.earned == result.possible == result.deducted == 0


@pytest.mark.parametrize(
    ("spec", "as_of", "reason"),
    [
        (
            yes(1, citation=CIT, **EXPIRED),
            date(2024, 1, 1),
            f"规则已于 2021-12-31 失效，未计分（{CIT}）",
        ),
        (yes(1, **FUTURE), date(2024, 1, 1), "规则自 2025-01-01 起施行，尚未生效，未计分"),
    ],
)
def test_validity_reasons(spec, as_of, reason):
    assert evaluate(spec, "yes", as_of=as_of).reason == reason


def test_photo_required_reason_mentions_photo():
    spec = item(1, "number", {"op": ">=", "value": 500, "unit": "m²", "photo_on_fail": True})
    result = evaluate(spec, 480)
    assert result.missing == "photo_required"
    assert result.reason.startswith("实测 480 平方米 < 要求 ≥ 500 平方米")
    assert "须拍照" in result.reason


@pytest.mark.parametrize(
    ("spec", "answer", "earned", "possible", "deducted"),
    [
        (yes(1, weight=Decimal(3)), "yes", Fraction(3), Fraction(3), Fraction(0)),
        (yes(1, weight=Decimal(3)), "no", Fraction(0), Fraction(3), Fraction(3)),
        (
            item(1, "choice", {"choices": CHOICES}, weight=Decimal(2)),
            "mostly",
            Fraction(6, 5),
            Fraction(2),
            Fraction(4, 5),
        ),
        (
            item(1, "parts", {"parts": PARTS}),
            ["章程", "资金"],
            Fraction(1, 3),
            Fraction(1),
            Fraction(2, 3),
        ),
        (yes(1, weight=Decimal("0.5")), "no", Fraction(0), Fraction(1, 2), Fraction(1, 2)),
    ],
)
def test_item_points(spec, answer, earned, possible, deducted):
    result = evaluate(spec, answer)
    assert (result.earned, result.possible, result.deducted) == (earned, possible, deducted)


# ---------------------------------------------------------------------------------------------
# Inspections
# ---------------------------------------------------------------------------------------------


def crit(item_id: Any, **kw) -> ItemSpec:
    return yes(item_id, severity="critical", **kw)


NINETEEN_PASSES = {i: "yes" for i in range(1, 20)}

SCENARIOS = [
    # (id, items, method, answers, as_of, complete, score, grade, verdict, knockouts)
    ("all N/A", [yes(1), yes(2)], "weighted", {1: "na", 2: "na"}, None,
     True, None, None, "pass", []),
    ("all N/A, deduction", [yes(1), yes(2)], "deduction", {1: "na", 2: "na"}, None,
     True, None, None, "pass", []),
    ("nothing answered", [yes(1), yes(2)], "weighted", {}, None,
     False, None, None, None, []),
    ("one of two answered", [yes(1), yes(2)], "weighted", {1: "yes"}, None,
     False, None, None, None, []),
    ("weight 3 failing, weight 1 passing", [yes(1, weight=Decimal(3)), yes(2)], "weighted",
     {1: "no", 2: "yes"}, None, True, "25.0", "不合格", "fail", []),
    ("weight 1 failing, weight 3 passing", [yes(1), yes(2, weight=Decimal(3))], "weighted",
     {1: "no", 2: "yes"}, None, True, "75.0", "良好", "pass", []),
    ("deduction: weight 3 failure", [yes(1, weight=Decimal(3)), yes(2)], "deduction",
     {1: "no", 2: "yes"}, None, True, "97.0", "优秀", "pass", []),
    ("deduction floor", [yes(i, weight=Decimal(30)) for i in range(1, 6)], "deduction",
     {i: "no" for i in range(1, 6)}, None, True, "0.0", "不合格", "fail", []),
    ("knockout with 95%", [*(yes(i) for i in range(1, 20)), crit(20)], "weighted",
     {**NINETEEN_PASSES, 20: "no"}, None, True, "95.0", "优秀", "fail", [20]),
    ("knockout, deduction", [yes(1), crit(2, weight=Decimal("0.5"))], "deduction",
     {1: "yes", 2: "no"}, None, True, "99.5", "优秀", "fail", [2]),
    ("critical passing is no knockout", [yes(1), crit(2)], "weighted",
     {1: "yes", 2: "yes"}, None, True, "100.0", "优秀", "pass", []),
    ("critical N/A is no knockout", [yes(1), crit(2)], "weighted",
     {1: "yes", 2: "na"}, None, True, "100.0", "优秀", "pass", []),
    ("advisory never counts or knocks out", [yes(1), crit(2, scored=False)], "weighted",
     {1: "yes", 2: "no"}, None, True, "100.0", "优秀", "pass", []),
    ("advisory unanswered is not missing", [yes(1), yes(2, scored=False)], "weighted",
     {1: "no"}, None, True, "0.0", "不合格", "fail", []),
    ("choice scores", [item(1, "choice", {"choices": CHOICES}), yes(2)], "weighted",
     {1: "mostly", 2: "yes"}, None, True, "80.0", "良好", "pass", []),
    ("choice that fails still earns", [item(1, "choice", {"choices": [
        {"value": "a", "score": 4}, {"value": "b", "score": 1, "pass": False}]})], "weighted",
     {1: "b"}, None, True, "25.0", "不合格", "fail", []),
    ("parts partial credit", [item(1, "parts", {"parts": PARTS})], "weighted",
     {1: ["章程", "资金", "期限", "场所"]}, None, True, "66.7", "合格", "pass", []),
    ("parts partial, deduction", [item(1, "parts", {"parts": PARTS}, weight=Decimal(6))],
     "deduction", {1: ["章程", "资金", "期限", "场所"]}, None, True, "98.0", "优秀", "pass", []),
    ("photo_on_fail without photo", [item(1, "yes_no", {"photo_on_fail": True})], "weighted",
     {1: "no"}, None, False, None, None, None, []),
    ("photo_on_fail with photo", [item(1, "yes_no", {"photo_on_fail": True})], "weighted",
     {1: Answer("no", photos=2)}, None, True, "0.0", "不合格", "fail", []),
    ("optional unanswered", [yes(1), yes(2, required=False), yes(3)], "weighted",
     {1: "yes", 3: "no"}, None, True, "50.0", "不合格", "fail", []),
    ("expired rule excluded", [yes(1), yes(2, **EXPIRED)], "weighted",
     {1: "yes", 2: "no"}, date(2024, 1, 1), True, "100.0", "优秀", "pass", []),
    ("expired but confirmed", [yes(1), yes(2, validity_confirmed=True, **EXPIRED)], "weighted",
     {1: "yes", 2: "no"}, date(2024, 1, 1), True, "50.0", "不合格", "fail", []),
    ("expired required item need not be answered", [yes(1), yes(2, **EXPIRED)], "weighted",
     {1: "yes"}, date(2024, 1, 1), True, "100.0", "优秀", "pass", []),
    ("not yet valid excluded", [yes(1), yes(2, **FUTURE)], "weighted",
     {1: "no", 2: "yes"}, date(2024, 1, 1), True, "0.0", "不合格", "fail", []),
    ("7 of 8", [yes(i) for i in range(1, 9)], "weighted",
     {**{i: "yes" for i in range(1, 8)}, 8: "no"}, None, True, "87.5", "良好", "pass", []),
]  # fmt: skip


@pytest.mark.parametrize(
    ("items", "method", "answers", "as_of", "complete", "expected_score", "grade", "verdict",
     "knockouts"),
    [row[1:] for row in SCENARIOS],
    ids=[row[0] for row in SCENARIOS],
)  # fmt: skip
def test_scenarios(
    items, method, answers, as_of, complete, expected_score, grade, verdict, knockouts
):
    summary = score(TemplateSpec(items=items, method=method), answers, as_of=as_of)
    assert summary.complete is complete
    assert (None if summary.score is None else str(summary.score)) == expected_score
    assert (summary.grade, summary.verdict, summary.knockouts) == (grade, verdict, knockouts)
    assert list(summary.items) == [i.id for i in items]  # template order
    if not complete:
        assert summary.missing and summary.exact is None


@pytest.mark.parametrize(
    ("items", "answers", "missing"),
    [
        ([yes(1), yes(2)], {}, [(1, "unanswered"), (2, "unanswered")]),
        ([yes(1), yes(2, required=False)], {}, [(1, "unanswered")]),
        (
            [yes(1), item(2, "yes_no", {"photo_on_fail": True})],
            {1: "yes", 2: "no"},
            [(2, "photo_required")],
        ),
    ],
)
def test_missing(items, answers, missing):
    summary = score(TemplateSpec(items=items), answers)
    assert summary.missing == missing
    assert (summary.score, summary.grade, summary.verdict) == (None, None, None)
    assert len(summary.items) == len(items)  # item results still reported


@pytest.mark.parametrize(
    ("items", "answers", "as_of", "counted", "exclusions"),
    [
        (
            [yes(1), yes(2), yes(3, scored=False), yes(4, required=False), yes(5, **EXPIRED),
             yes(6, **FUTURE)],
            {1: "yes", 2: "na", 3: "no", 5: "yes", 6: "yes"},
            date(2024, 1, 1),
            [1],
            [(2, "na"), (3, "advisory"), (4, "optional_unanswered"), (5, "expired"),
             (6, "not_yet_valid")],
        ),
    ],
)  # fmt: skip
def test_counted_and_exclusions(items, answers, as_of, counted, exclusions):
    summary = score(TemplateSpec(items=items), answers, as_of=as_of)
    assert summary.counted == counted
    assert summary.exclusions == exclusions
    assert "不计入 5 项" in summary.explanation[2]


# ---------------------------------------------------------------------------------------------
# Rounding and grade bands
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("deducted", "expected_score", "grade", "verdict"),
    [
        ("10.05", "90.0", "优秀", "pass"),  # 89.95 → 90.0: the band uses the rounded score
        ("10.06", "89.9", "良好", "pass"),  # 89.94 → 89.9
        ("25", "75.0", "良好", "pass"),
        ("25.05", "75.0", "良好", "pass"),  # 74.95 → 75.0
        ("25.06", "74.9", "合格", "pass"),
        ("40.05", "60.0", "合格", "pass"),  # 59.95 → 60.0
        ("40.06", "59.9", "不合格", "fail"),  # 59.94 → 59.9
        ("12.55", "87.5", "良好", "pass"),  # 87.45 → 87.5, half up
        ("12.56", "87.4", "良好", "pass"),
        ("0.05", "100.0", "优秀", "pass"),  # 99.95 → 100.0
        ("99.95", "0.1", "不合格", "fail"),  # 0.05 → 0.1
        ("99.96", "0.0", "不合格", "fail"),
    ],
)
def test_rounded_score_decides_grade(deducted, expected_score, grade, verdict):
    items = [yes(1, weight=Decimal(deducted)), yes(2)]
    summary = score(TemplateSpec(items=items, method="deduction"), {1: "no", 2: "yes"})
    assert str(summary.score) == expected_score
    assert summary.exact == 100 - Fraction(Decimal(deducted))
    assert (summary.grade, summary.verdict) == (grade, verdict)


@pytest.mark.parametrize(
    ("passing_weight", "failing_weight", "expected_score", "exact"),
    [
        (1799, 201, "90.0", Fraction(8995, 100)),  # 89.95 → 90.0
        (7, 1, "87.5", Fraction(175, 2)),
        (2, 1, "66.7", Fraction(200, 3)),
        (1, 2, "33.3", Fraction(100, 3)),
        (1, 5, "16.7", Fraction(50, 3)),
        (1, 7, "12.5", Fraction(25, 2)),
        (0, 1, "0.0", Fraction(0)),
    ],
)
def test_weighted_rounding(passing_weight, failing_weight, expected_score, exact):
    items = [yes(1, weight=Decimal(passing_weight)), yes(2, weight=Decimal(failing_weight))]
    summary = score(TemplateSpec(items=items), {1: "yes", 2: "no"})
    assert (str(summary.score), summary.exact) == (expected_score, exact)


CUSTOM = [
    {"min": 0, "label": "C", "pass": False},
    {"min": "80", "label": "A", "pass": True},
    {"min": 50.5, "label": "B", "pass": True},
]


@pytest.mark.parametrize(
    ("deducted", "grade", "verdict"),
    [("20", "A", "pass"), ("20.05", "A", "pass"), ("20.06", "B", "pass"), ("49.5", "B", "pass"),
     ("49.56", "C", "fail"), ("100", "C", "fail")],
)  # fmt: skip
def test_custom_bands(deducted, grade, verdict):
    bands = validate_bands(CUSTOM)
    items = [yes(1, weight=Decimal(deducted))]
    spec = TemplateSpec(items=items, method="deduction", grade_bands=bands)
    summary = score(spec, {1: "no"})
    assert (summary.grade, summary.verdict) == (grade, verdict)


def test_validate_bands_sorted_and_typed():
    assert validate_bands(CUSTOM) == (
        GradeBand(Decimal(80), "A", True),
        GradeBand(Decimal("50.5"), "B", True),
        GradeBand(Decimal(0), "C", False),
    )
    assert validate_bands(DEFAULT_BANDS) == DEFAULT_BANDS


@pytest.mark.parametrize(
    "bands",
    [
        [],
        [{"min": 60, "label": "合格", "pass": True}],  # no band starting at 0
        [{"min": 0, "label": "A", "pass": True}, {"min": 0, "label": "B", "pass": False}],
        [{"min": 0, "label": "A", "pass": True}, {"min": 101, "label": "B", "pass": True}],
        [{"min": -1, "label": "A", "pass": True}],
        [{"min": 0, "label": " ", "pass": True}],
        [{"min": 0, "label": "A", "pass": "yes"}],
        [{"min": "abc", "label": "A", "pass": True}],
        ["not a band"],
        "A",
    ],
)
def test_validate_bands_errors(bands):
    with pytest.raises(RuleError) as info:
        validate_bands(bands)
    assert info.value.field == "grade_bands"
    assert info.value.message


# ---------------------------------------------------------------------------------------------
# Sections, explanation, JSON
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "answers", "expected"),
    [
        (
            "weighted",
            {1: "yes", 2: "no", 3: "yes", 4: "na"},
            [("场地", "50.0", {"pass": 1, "fail": 1, "na": 0, "unanswered": 0}),
             ("台账", "100.0", {"pass": 1, "fail": 0, "na": 0, "unanswered": 0}),
             ("消防", None, {"pass": 0, "fail": 0, "na": 1, "unanswered": 0})],
        ),
        (
            "deduction",
            {1: "no", 2: "no", 3: "no", 4: "no"},
            [("场地", "0.0", {"pass": 0, "fail": 2, "na": 0, "unanswered": 0}),
             ("台账", "60.0", {"pass": 0, "fail": 1, "na": 0, "unanswered": 0}),
             ("消防", "95.0", {"pass": 0, "fail": 1, "na": 0, "unanswered": 0})],
        ),
    ],
)  # fmt: skip
def test_sections(method, answers, expected):
    items = [
        yes(1, section="场地", weight=Decimal(60)),
        yes(2, section="场地", weight=Decimal(60)),
        yes(3, section="台账", weight=Decimal(40)),
        yes(4, section="消防", weight=Decimal(5)),
    ]
    summary = score(TemplateSpec(items=items, method=method), answers)
    got = [(s.title, None if s.score is None else str(s.score), s.counts) for s in summary.sections]
    assert got == expected
    assert summary.sections[0].item_ids == (1, 2)


@pytest.mark.parametrize(
    ("method", "answers", "lines"),
    [
        (
            "weighted",
            {**{i: "yes" for i in range(1, 8)}, 8: "no"},
            ["计分方法：加权得分率 = Σ得分 ÷ Σ满分 × 100，保留一位小数，四舍五入",
             "得分 = 7 ÷ 8 × 100 = 87.5", "等级：良好（≥ 75）", "结论：合格"],
        ),
        (
            "deduction",
            {**{i: "yes" for i in range(1, 8)}, 8: "no"},
            ["得分 = 100 − 1 = 99.0", "等级：优秀（≥ 90）", "结论：合格"],
        ),
        (
            "weighted",
            {**{i: "yes" for i in range(1, 8)}, 8: "na"},
            ["不计入 1 项：8（不适用）", "得分 = 7 ÷ 7 × 100 = 100.0"],
        ),
        (
            "weighted",
            {i: "yes" for i in range(1, 8)},
            ["未完成 1 项：8（未作答）", "结论：未完成，暂无结论"],
        ),
    ],
)  # fmt: skip
def test_explanation(method, answers, lines):
    items = [yes(i) for i in range(1, 8)] + [yes(8)]
    summary = score(TemplateSpec(items=items, method=method), answers)
    for line in lines:
        assert line in summary.explanation


def test_knockout_explained():
    summary = score(TemplateSpec(items=[yes(1), crit("A7")]), {1: "yes", "A7": "no"})
    assert "一票否决：A7（关键项不合格）" in summary.explanation
    assert summary.explanation[-1] == "结论：不合格（一票否决：A7）"


def test_to_dict_is_json_ready():
    items = [
        number(">=", 500, "m²", item_id="a", section="场地"),
        item("b", "choice", {"choices": CHOICES}, section="场地"),
        item("c", "date", {"op": ">=", "value": "2024-01-01"}, section="台账"),
        item("d", "parts", {"parts": PARTS}, section="台账"),
    ]
    answers = {"a": "520", "b": "mostly", "c": "2024-02-01", "d": ["章程"]}
    data = json.loads(json.dumps(score(TemplateSpec(items=items), answers).to_dict()))
    assert data["score"] == "69.2"  # (1 + 3/5 + 1 + 1/6) ÷ 4 = 83/120
    assert data["exact"] == "415/6"
    assert data["earned"] == "83/30" and data["possible"] == "4"
    assert [i["item_id"] for i in data["items"]] == ["a", "b", "c", "d"]
    assert data["items"][0]["value"] == "520" and data["items"][2]["value"] == "2024-02-01"
    assert data["items"][3]["value"] == ["章程"]
    assert data["sections"][0]["score"] == "80.0"


# ---------------------------------------------------------------------------------------------
# Templates and errors
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("spec", "field"),
    [
        (TemplateSpec(items=[yes(1), yes(1)]), "id"),
        (TemplateSpec(items=[yes(1)], method="average"), "method"),
        (TemplateSpec(items=[yes(1, severity="fatal")]), "severity"),
        (TemplateSpec(items=[yes(1, weight=Decimal(-1))]), "weight"),
        (TemplateSpec(items=[item(1, "number", {"op": "~", "value": 1})]), "op"),
        (TemplateSpec(items=[item(1, "video")]), "answer_type"),
        (
            TemplateSpec(items=[yes(1)], grade_bands=[GradeBand(Decimal(50), "A", True)]),
            "grade_bands",
        ),
        (
            TemplateSpec(items=[yes(1, valid_from=date(2024, 1, 1), valid_to=date(2023, 1, 1))]),
            "valid_to",
        ),
    ],
)
def test_compile_template_errors(spec, field):
    with pytest.raises(RuleError) as info:
        compile_template(spec)
    assert info.value.field == field


@pytest.mark.parametrize(
    ("answers", "code", "item_id"),
    [
        ({1: "yes", 2: "abc"}, "not_a_number", 2),
        ({1: "maybe"}, "bad_value", 1),
        ({1: "yes", 99: "yes"}, "unknown_item", "99"),
    ],
)
def test_score_answer_errors_name_the_item(answers, code, item_id):
    template = compile_template(TemplateSpec(items=[yes(1), number(">=", 5, item_id=2)]))
    with pytest.raises(AnswerError) as info:
        score(template, answers)
    assert (info.value.code, info.value.item_id) == (code, item_id)


@pytest.mark.parametrize("cache_size", [0, 4096])
def test_compiled_template_reused_gives_same_results(cache_size):
    template = compile_template(
        TemplateSpec(items=[number(">=", "0.15", "m", item_id=1), yes(2, weight=Decimal(2))]),
        cache_size=cache_size,
    )
    runs = [
        ({1: Answer("14", "cm"), 2: "yes"}, "66.7"),
        ({1: Answer("15", "cm"), 2: "yes"}, "100.0"),
        ({1: Answer("14", "cm"), 2: True}, "66.7"),
        ({1: Answer("14", "cm"), 2: "no"}, "0.0"),
    ]
    for answers, expected in runs * 2:
        assert str(score(template, answers).score) == expected
    assert score(template, {1: "0.2", 2: "no"}).items[1].reason == "实测 0.2 米 ≥ 0.15 米，符合"


# ---------------------------------------------------------------------------------------------
# Bounds: a unit's dimension forbids negatives; at most 15 significant digits
# ---------------------------------------------------------------------------------------------

UNSIGNED = "不能为负数"


@pytest.mark.parametrize(
    ("answer_type", "rule", "value", "unit", "code", "message"),
    [
        ("number", {"unit": "m²"}, "-1", None, "negative", "面积不能为负数"),
        (
            "number",
            {"op": ">=", "value": 500, "unit": "平方米"},
            -0.5,
            None,
            "negative",
            "面积不能为负数",
        ),
        ("number", {"unit": "亩"}, "-2", "m²", "negative", "面积不能为负数"),  # converted unit
        ("number", {"unit": "m"}, "-3", None, "negative", "长度不能为负数"),
        ("number", {"unit": "m"}, "-30cm", None, "negative", "长度不能为负数"),  # inline unit
        ("number", {"unit": "kg"}, "-1", "t", "negative", "重量不能为负数"),
        ("number", {"unit": "day"}, "-1", None, "negative", "时长不能为负数"),
        ("number", {"unit": "working_day"}, "-1", None, "negative", "工作日数不能为负数"),
        ("number", {"unit": "month"}, "-1", None, "negative", "月数不能为负数"),
        ("number", {"unit": "year"}, "-1", None, "negative", "年数不能为负数"),
        ("number", {"unit": "周岁"}, "-1", None, "negative", "年龄不能为负数"),
        ("count", {"unit": "辆"}, "-1", None, "negative", "数量不能为负数，请输入 0 或正整数"),
        ("number", {}, "12345678901234567", None, "too_many_digits", "数值最多 15 位有效数字"),
        ("number", {}, 12345678901234567, None, "too_many_digits", "数值最多 15 位有效数字"),
        ("number", {}, "1234567890.123456", None, "too_many_digits", "数值最多 15 位有效数字"),
        ("number", {}, "0.1234567890123456", None, "too_many_digits", "数值最多 15 位有效数字"),
        ("number", {}, 0.1 + 0.2, None, "too_many_digits", "数值最多 15 位有效数字"),  # 17 digits
        ("number", {}, 1e300, None, "too_many_digits", "数值最多 15 位有效数字"),  # 301 digits
        (
            "number",
            {"unit": "m²"},
            "-12345678901234567",
            None,
            "too_many_digits",
            "数值最多 15 位有效数字",
        ),
        ("count", {}, "12345678901234567", None, "too_many_digits", "数值最多 15 位有效数字"),
        ("number", {}, float("inf"), None, "not_a_number", "请输入数字，例如 500 或 0.15"),  # 1e400
        ("number", {}, float("-inf"), None, "not_a_number", "请输入数字，例如 500 或 0.15"),
        ("number", {}, float("nan"), None, "not_a_number", "请输入数字，例如 500 或 0.15"),
        ("number", {}, "inf", None, "not_a_number", "请输入数字，例如 500 或 0.15"),
        ("number", {}, "nan", None, "not_a_number", "请输入数字，例如 500 或 0.15"),
        ("number", {}, "1e400", None, "not_a_number", "请输入数字，例如 500 或 0.15"),
        ("number", {}, Decimal("Infinity"), None, "not_a_number", "请输入数字，例如 500 或 0.15"),
    ],
)
def test_out_of_bounds_answers_are_refused(answer_type, rule, value, unit, code, message):
    with pytest.raises(AnswerError) as info:
        parse_value(item(1, answer_type, rule), value, unit)
    assert (info.value.code, info.value.message) == (code, message)


@pytest.mark.parametrize(
    ("answer_type", "rule", "value", "unit", "expected"),
    [
        ("number", {"unit": "m²"}, "0", None, Decimal(0)),
        ("number", {"unit": "m²"}, "-0", None, Decimal(0)),  # not negative
        ("number", {"unit": "m²"}, "-0.00", None, Decimal(0)),
        ("number", {}, "-5", None, Decimal(-5)),  # no unit: no bound (a temperature, a change)
        ("number", {"unit": "℃"}, "-5", None, Decimal(-5)),  # an unknown unit sets none
        ("number", {"unit": "元"}, "-5", None, Decimal(-5)),  # money: a balance, a loss
        ("number", {"unit": "万元"}, "-5", "元", Decimal(-5)),
        ("number", {"unit": "%"}, "-5", None, Decimal(-5)),  # % is a ratio (with ‰)
        ("number", {"unit": "%"}, "150", None, Decimal(150)),  # 超员 150 %: no 0..100 cap
        ("number", {"unit": "‰"}, "2000", None, Decimal(2000)),
        ("number", {"unit": "辆"}, "-1", None, Decimal(-1)),  # a counter word: a count type's job
        ("number", {}, "123456789012345", None, Decimal("123456789012345")),  # 15 digits
        ("number", {}, "-123456789012345", None, Decimal("-123456789012345")),
        ("number", {}, "1234567890.12345", None, Decimal("1234567890.12345")),
        ("number", {}, "0.000000123456789012345", None, Decimal("0.000000123456789012345")),
        ("number", {}, "12345678901234.50", None, Decimal("12345678901234.5")),  # trailing 0
        ("number", {}, "100000000000000", None, Decimal("100000000000000")),  # 15 digits
        ("number", {}, 1e14, None, Decimal("100000000000000")),
        ("number", {}, "1,234,567,890,123.45", None, Decimal("1234567890123.45")),
        ("count", {}, 123456789012345, None, 123456789012345),
    ],
)
def test_in_bounds_answers(answer_type, rule, value, unit, expected):
    parsed = parse_value(item(1, answer_type, rule), value, unit)
    assert parsed == expected and type(parsed) is type(expected)


def test_a_sixteen_digit_integer_is_refused():
    with pytest.raises(AnswerError) as info:
        parse_value(item(1, "number", {}), "1000000000000000")  # 16 digits written out
    assert info.value.code == "too_many_digits"


@pytest.mark.parametrize(
    ("answer_type", "rule", "field", "message"),
    [
        ("number", {"op": ">=", "value": "-1", "unit": "m²"}, "value", "面积的要求值不能为负数"),
        ("number", {"op": "<=", "value": -5, "unit": "平方米"}, "value", "面积的要求值不能为负数"),
        (
            "number",
            {"op": "range", "low": "-5", "high": "5", "unit": "mm"},
            "low",
            "长度的下限不能为负数",
        ),
        (
            "number",
            {"op": "range", "low": "-10", "high": "-5", "unit": "M2"},  # case-insensitive
            "low",
            "面积的下限不能为负数",
        ),
        ("number", {"op": ">=", "value": "-0.5", "unit": "t"}, "value", "重量的要求值不能为负数"),
        ("number", {"op": "<", "value": "-1", "unit": "小时"}, "value", "时长的要求值不能为负数"),
        (
            "number",
            {"op": ">=", "value": "-1", "unit": "工作日"},
            "value",
            "工作日数的要求值不能为负数",
        ),
        ("number", {"op": ">=", "value": "-1", "unit": "个月"}, "value", "月数的要求值不能为负数"),
        ("number", {"op": ">=", "value": "-1", "unit": "年"}, "value", "年数的要求值不能为负数"),
        ("number", {"op": "<=", "value": "-18", "unit": "岁"}, "value", "年龄的要求值不能为负数"),
        ("count", {"op": ">=", "value": "-1"}, "value", "数量要求不能为负数"),
        (
            "number",
            {"op": ">=", "value": "12345678901234567"},
            "value",
            "要求值最多 15 位有效数字",
        ),
        (
            "number",
            {"op": "range", "low": "1", "high": "0.12345678901234567"},
            "high",
            "上限最多 15 位有效数字",
        ),
        ("count", {"op": "<=", "value": 10**16}, "value", "要求值最多 15 位有效数字"),
    ],
)
def test_out_of_bounds_rules_are_refused(answer_type, rule, field, message):
    with pytest.raises(RuleError) as info:
        validate_rule(answer_type, rule)
    assert (info.value.field, info.value.message) == (field, message)


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        ({"op": ">=", "value": "0", "unit": "m²"}, {"op": ">=", "value": "0", "unit": "m²"}),
        ({"op": ">=", "value": "-5", "unit": "元"}, {"op": ">=", "value": "-5", "unit": "元"}),
        ({"op": ">=", "value": "-5", "unit": "%"}, {"op": ">=", "value": "-5", "unit": "%"}),
        ({"op": "<=", "value": "150", "unit": "%"}, {"op": "<=", "value": "150", "unit": "%"}),
        ({"op": ">=", "value": "-20", "unit": "℃"}, {"op": ">=", "value": "-20", "unit": "°C"}),
        ({"op": ">=", "value": "-20"}, {"op": ">=", "value": "-20"}),
        (
            {"op": ">=", "value": "123456789012345"},
            {"op": ">=", "value": "123456789012345"},
        ),
    ],
)
def test_in_bounds_rules(rule, expected):
    assert validate_rule("number", rule) == expected


@pytest.mark.parametrize(
    ("answer_type", "rule", "expected"),
    [
        ("number", {"op": ">=", "value": "5", "unit": "m²"}, "面积" + UNSIGNED),
        ("number", {"unit": "cm"}, "长度" + UNSIGNED),
        ("number", {"unit": "元"}, None),
        ("number", {"unit": "%"}, None),
        ("number", {}, None),
        ("count", {}, "数量不能为负数，请输入 0 或正整数"),
        ("date", {}, None),
        ("parts", {"parts": PARTS}, None),
    ],
)
def test_negative_message_for_the_phone(answer_type, rule, expected):
    normalised = validate_rule(answer_type, rule)
    assert ANSWER_TYPE_REGISTRY[answer_type].negative_message(normalised) == expected


# ---------------------------------------------------------------------------------------------
# Parts: "以上均无" (none of the parts present) is an answer, and fails
# ---------------------------------------------------------------------------------------------

THREE_PARTS = item(
    1, "parts", {"parts": [{"value": "a", "label": "章程"}, "资金", "期限"]}, citation=CIT
)  # fmt: skip


@pytest.mark.parametrize(
    ("spec", "answer", "result", "reason", "value", "earned"),
    [
        (THREE_PARTS, [], "fail", f"缺少：章程、资金、期限（0/3 项）（{CIT}）", [], Fraction(0)),
        (THREE_PARTS, (), "fail", f"缺少：章程、资金、期限（0/3 项）（{CIT}）", [], Fraction(0)),
        (
            THREE_PARTS,
            Answer([], photos=0),
            "fail",
            f"缺少：章程、资金、期限（0/3 项）（{CIT}）",
            [],
            Fraction(0),
        ),
        (
            THREE_PARTS,
            ["资金"],
            "fail",
            f"缺少：章程、期限（1/3 项）（{CIT}）",
            ["资金"],
            Fraction(1, 3),
        ),
        (
            THREE_PARTS,
            ["a", "资金", "期限"],
            "pass",
            f"3 项齐全（{CIT}）",
            ["a", "资金", "期限"],
            Fraction(1),
        ),
        (THREE_PARTS, None, "unanswered", "未作答", None, Fraction(0)),
        (THREE_PARTS, [""], "unanswered", "未作答", None, Fraction(0)),
        (THREE_PARTS, "na", "na", "不适用，不计分", "na", Fraction(0)),
        (
            item(1, "parts", {"parts": PARTS}, scored=False),
            [],
            "fail",
            "缺少：章程、资金、期限、场所、人员、制度（0/6 项）（倡导性条款，不计分）",
            [],
            Fraction(0),
        ),
        (
            item(1, "parts", {"parts": PARTS, "photo_on_fail": True}),
            [],
            "fail",
            "缺少：章程、资金、期限、场所、人员、制度（0/6 项）；不合格须拍照留证，尚未拍照",
            [],
            Fraction(0),
        ),
    ],
)
def test_none_of_the_parts_present(spec, answer, result, reason, value, earned):
    judged = evaluate(spec, answer)
    assert (judged.result, judged.reason, judged.earned) == (result, reason, earned)
    assert judged.to_dict()["value"] == value


PAIR_RULE = {"op": "<=", "value": 3, "unit": "working_day"}


@pytest.mark.parametrize(
    "answer_type", ["yes_no", "number", "count", "choice", "date", "date_pair", "text", "photo"]
)
def test_an_empty_list_is_no_answer_for_other_types(answer_type):
    rule = {"choice": {"choices": CHOICES}, "date_pair": PAIR_RULE}.get(answer_type, {})
    assert parse_value(item(1, answer_type, rule), []) is None


@pytest.mark.parametrize("cache_size", [0, 64])
def test_date_pairs_score_in_a_template_with_or_without_the_memo(cache_size):
    """A date_pair's value is a dict (no memo key): judged afresh each time, the same way."""
    template = compile_template(
        TemplateSpec(items=[yes(1), item(2, "date_pair", PAIR_RULE)]), cache_size=cache_size
    )
    for _ in range(2):
        late = score(template, {1: "yes", 2: {"from": "2026-10-08", "to": "2026-10-14"}})
        assert late.complete and str(late.score) == "50.0" and late.items[2].result == "fail"
        on_time = score(template, {1: "yes", 2: {"from": "2026-10-08", "to": "2026-10-12"}})
        assert str(on_time.score) == "100.0" and on_time.items[2].result == "pass"
        assert score(template, {1: "yes", 2: {"from": "", "to": ""}}).missing == [(2, "unanswered")]
    with pytest.raises(AnswerError) as caught:
        score(template, {2: {"from": "2026-10-14", "to": "2026-10-08"}})
    assert (caught.value.code, caught.value.item_id) == ("date_order", 2)


@pytest.mark.parametrize("cache_size", [0, 64])
def test_none_present_scores_in_a_template(cache_size):
    template = compile_template(
        TemplateSpec(items=[yes(1), item(2, "parts", {"parts": PARTS})]), cache_size=cache_size
    )
    for _ in range(2):  # the second run hits the memo
        summary = score(template, {1: "yes", 2: []})
        assert summary.complete and str(summary.score) == "50.0"
        assert summary.items[2].result == "fail" and summary.items[2].counted
        summary = score(template, {1: "yes"})
        assert summary.missing == [(2, "unanswered")]
