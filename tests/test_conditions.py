"""Visibility conditions (issue 25): the expression language of ``checklists.scoring.conditions``.

Table-driven: every row of ``tests/data/condition_cases.json`` (a result, or an error with its
position) through the Python parser and evaluator; the same rows run in the browser against
``static/js/conditions.js`` (tests/test_browser_conditions.py). Then ``names``, ``explain``,
``to_text`` and properties (hypothesis): exact decimal order, negation, round trips, any text.
No database: these run once, in the SQLite suite.
"""

from __future__ import annotations

import json
import operator
import pathlib
import random
import re
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checklists.scoring import conditions
from checklists.scoring.conditions import (
    MAX_DEPTH,
    MAX_LENGTH,
    ConditionError,
    evaluate,
    explain,
    names,
    parse,
    to_text,
)
from checklists.scoring.numbers import format_decimal

CASES_PATH = pathlib.Path(__file__).parent / "data" / "condition_cases.json"
CASES: list[dict[str, Any]] = json.loads(CASES_PATH.read_text(encoding="utf-8"))
RESULT_ROWS = [row for row in CASES if "result" in row]
ERROR_ROWS = [row for row in CASES if "error_position" in row]


def _id(row: dict[str, Any]) -> str:
    text = row["expr"] if len(row["expr"]) <= 40 else row["expr"][:37] + "..."
    return f"{CASES.index(row)}:{text}"


def outcome(expr: str, answers: dict[str, Any]) -> dict[str, Any]:
    """What the Python side makes of a row: {result} or {message, position}; names read."""
    try:
        tree = parse(expr)
    except ConditionError as exc:
        return {"message": exc.message, "position": exc.position}
    return {"result": evaluate(tree, answers), "names": sorted(names(tree))}


# --- the table ---------------------------------------------------------------------------------


def test_the_table_is_whole():
    assert len(CASES) >= 80
    for row in CASES:
        assert ("result" in row) != ("error_position" in row), row
        assert set(row) <= {"expr", "answers", "result", "note", "error_position", "error"}, row
        if "result" in row:
            assert isinstance(row["result"], bool) and isinstance(row["answers"], dict), row
    # every kind of error has a row
    made = [outcome(row["expr"], {}).get("message", "") for row in ERROR_ROWS]
    kinds = {k: v for k, v in vars(conditions).items() if k.startswith("ERR_")}
    for kind, template in kinds.items():
        head = template.split("{}")[0]
        assert any(head in message for message in made), kind


@pytest.mark.parametrize("row", RESULT_ROWS, ids=_id)
def test_result_rows(row):
    tree = parse(row["expr"])
    assert evaluate(tree, row["answers"]) is row["result"]
    assert evaluate(row["expr"], row["answers"]) is row["result"]
    # written back, the condition is the same condition
    again = parse(to_text(tree))
    assert again == tree and to_text(again) == to_text(tree)
    assert evaluate(again, row["answers"]) is row["result"]


@pytest.mark.parametrize("row", ERROR_ROWS, ids=_id)
def test_error_rows(row):
    with pytest.raises(ConditionError) as caught:
        parse(row["expr"])
    error = caught.value
    assert error.position == row["error_position"]
    assert row["error"] in error.message
    assert str(error) == error.message
    position, length = error.position, len(row["expr"])
    if error.message == conditions.ERR_EMPTY:
        assert position == 0
    elif position >= length:
        assert error.message.startswith("条件末尾：")
    else:
        assert error.message.startswith(f"第 {position + 1} 个字符：")
    with pytest.raises(ConditionError):
        evaluate(row["expr"], {})


def test_limits():
    assert len("a == 1 or " * 49 + "a == 12345") == MAX_LENGTH
    assert evaluate("(" * MAX_DEPTH + "true" + ")" * MAX_DEPTH, {})
    with pytest.raises(ConditionError) as caught:
        parse("(" * (MAX_DEPTH + 1) + "true" + ")" * (MAX_DEPTH + 1))
    assert caught.value.message == f"第 {MAX_DEPTH + 1} 个字符：嵌套过深，最多 {MAX_DEPTH} 层"
    # a long flat chain is no nesting
    assert evaluate("||".join(["false"] * 60) + "||true", {})


def test_the_examples_of_messages():
    cases = {
        "(a == 1": "条件末尾：缺少右括号",
        "a == 1 b == 2": "第 8 个字符：“b”前缺少运算符（如 ==、>=、and、or）",
        "foo(x)": "第 1 个字符：未知函数“foo”，可用的函数：count、answered",
        "a = 1": "第 3 个字符：判断相等请写“==”",
        "a == （1）": "第 6 个字符：请把全角字符“（”改为半角字符“(”",
        "": "条件为空",
    }
    for expr, message in cases.items():
        with pytest.raises(ConditionError, match=re.escape(message)):
            parse(expr)


# --- names -------------------------------------------------------------------------------------


def test_names():
    expr = "count(vehicles) >= 2 and (项目金额 > 1 or not answered(证照)) and k in ['a']"
    assert names(expr) == {"vehicles", "项目金额", "证照", "k"}
    assert names(parse(expr)) == names(expr)
    assert names('true and 1 < 2 and "x" == "x"') == set()
    assert names("count == 1") == {"count"}


# --- explain -----------------------------------------------------------------------------------

LABELS = {"amount": "项目金额", "has_warehouse": "是否有仓库", "vehicles": "车辆"}


@pytest.mark.parametrize(
    ("expr", "answers", "text"),
    [
        (
            "amount >= 4000000",
            {"amount": "1200000"},
            "不适用：项目金额 = 1200000，条件 项目金额 ≥ 4000000 不成立",
        ),
        (
            "amount >= 4000000",
            {"amount": "5000000"},
            "适用：项目金额 = 5000000，条件 项目金额 ≥ 4000000 成立",
        ),
        ("amount >= 4000000", {}, "不适用：项目金额 未作答，条件 项目金额 ≥ 4000000 不成立"),
        (
            'has_warehouse == "yes"',
            {"has_warehouse": "no"},
            "不适用：是否有仓库 = “否”，条件 是否有仓库 = “是” 不成立",
        ),
        (
            "count(vehicles) >= 2",
            {"vehicles": [{"plate": "鲁P12345"}]},
            "不适用：车辆 的数量 = 1，条件 车辆 的数量 ≥ 2 不成立",
        ),
        (
            "kind not in ['煤场', '仓库'] or other != null",
            {"kind": "仓库"},
            "不适用：kind = “仓库”，other 未作答，"
            "条件 kind 不属于 [“煤场”, “仓库”] 或 other 已作答 不成立",
        ),
        (
            "not (answered(amount) and amount < 4000000)",
            {"amount": "1200000"},
            "不适用：项目金额 已作答，项目金额 = 1200000，"
            "条件 并非 (项目金额 已作答 且 项目金额 < 4000000) 不成立",
        ),
        (
            'hazards in ["fire"]',
            {"hazards": ["gas", "dust"]},
            "不适用：hazards = “gas”、“dust”，条件 hazards 属于 [“fire”] 不成立",
        ),
        ("false", {}, "不适用：条件 否 不成立"),
    ],
)
def test_explain(expr, answers, text):
    assert explain(expr, answers, LABELS) == text
    assert explain(parse(expr), answers, LABELS) == text


def test_explain_without_labels_names_the_keys():
    assert explain("amount >= 4000000", {"amount": "1"}) == (
        "不适用：amount = 1，条件 amount ≥ 4000000 不成立"
    )


# --- to_text -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("expr", "canonical"),
    [
        ("a>=4000000.00&&!b", "a >= 4000000 and not b"),
        ("(a or b) and c", "(a or b) and c"),
        ("a or (b and c)", "a or b and c"),
        ("(a or b) or c", "(a or b) or c"),
        ("not (a == 1)", "not a == 1"),
        ("(not a) == true", "(not a) == true"),
        (
            'x in [\'it\\\'s\', "say \\"hi\\"", null, -0.50]',
            'x in ["it\'s", "say \\"hi\\"", null, -0.5]',
        ),
        ("k not in []", "k not in []"),
        ("count( v )>1||answered(w)", "count(v) > 1 or answered(w)"),
    ],
)
def test_to_text(expr, canonical):
    assert to_text(expr) == canonical
    assert parse(canonical) == parse(expr)


# --- properties --------------------------------------------------------------------------------


def bounded(examples: int):
    """A fixed number of examples, the same ones every run, no deadline, no database."""
    return settings(
        max_examples=examples,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.too_slow],
    )


_OPS = {
    "==": operator.eq,
    "!=": operator.ne,
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
}
DECIMALS = st.builds(
    lambda n, places: Decimal(n).scaleb(-places),
    st.integers(-(10**30), 10**30),
    st.integers(0, 30),
)


def written(value: Decimal, zeros: int) -> str:
    """Canonical text of ``value``, then ``zeros`` trailing zeros of a fraction: 12 → 12.000."""
    text = format_decimal(value)
    if zeros:
        text += ("" if "." in text else ".") + "0" * zeros
    return text


@bounded(300)
@given(DECIMALS, DECIMALS, st.sampled_from(sorted(_OPS)), st.integers(0, 3), st.integers(0, 3))
def test_order_of_decimals_is_exact(a, b, op, za, zb):
    ta, tb = written(a, za), written(b, zb)
    expected = _OPS[op](a, b)
    assert evaluate(f"a {op} b", {"a": ta, "b": tb}) is expected
    assert evaluate(f"a {op} {tb}", {"a": ta}) is expected
    assert evaluate(f"{ta} {op} b", {"b": tb}) is expected


_NAMES = ["a", "b", "c", "项目"]
_VALUES: list[Any] = [
    None,
    "",
    "yes",
    "no",
    "1",
    "2.50",
    "-3",
    "甲",
    3,
    True,
    False,
    ["甲", "yes"],
    [],
]
_LITERALS = ["1", "2.5", "-3", '"yes"', "'甲'", "true", "false", "null"]


def random_condition(rng: random.Random, leaves: int = 6) -> str:
    """A random condition of the whole grammar (test data, shared with the browser test)."""
    if leaves <= 1 or rng.random() < 0.3:
        name = rng.choice(_NAMES)
        kind = rng.randrange(6)
        if kind == 0:
            return name
        if kind == 1:
            return f"{name} {rng.choice(sorted(_OPS))} {rng.choice(_LITERALS)}"
        if kind == 2:
            return f"{name} {rng.choice(sorted(_OPS))} {rng.choice(_NAMES)}"
        if kind == 3:
            items = ", ".join(rng.sample(_LITERALS, rng.randrange(4)))
            return f"{name} {rng.choice(['in', 'not in'])} [{items}]"
        if kind == 4:
            function = rng.choice(["count", "answered"])
            return f"{function}({name}) {rng.choice(sorted(_OPS))} {rng.randrange(3)}"
        return rng.choice(["true", "false", "null", f"answered({name})", f"{name} == null"])
    kind = rng.randrange(4)
    left = random_condition(rng, leaves // 2)
    if kind == 0:
        if " " not in left:  # a name or a constant
            return rng.choice([f"not {left}", f"!{left}"])
        return rng.choice([f"not ({left})", f"!({left})"])
    right = random_condition(rng, leaves - leaves // 2)
    joint = rng.choice([" and ", " or ", " && ", " || "])
    text = f"{left}{joint}{right}"
    return f"({text})" if kind == 3 else text


def random_answers(rng: random.Random) -> dict[str, Any]:
    return {name: rng.choice(_VALUES) for name in _NAMES if rng.random() < 0.8}


@bounded(300)
@given(st.randoms(use_true_random=False))
def test_not_is_the_negation_and_text_round_trips(rng):
    expr, answers = random_condition(rng), random_answers(rng)
    holds = evaluate(expr, answers)
    assert evaluate(f"not ({expr})", answers) is (not holds)
    assert evaluate(f"({expr}) or not ({expr})", answers)
    tree = parse(expr)
    assert parse(to_text(tree)) == tree
    assert evaluate(to_text(tree), answers) is holds
    other = random_condition(rng)
    assert evaluate(f"not (({expr}) and ({other}))", answers) is evaluate(
        f"not ({expr}) or not ({other})", answers
    )


_TEXT = st.text(
    st.one_of(st.characters(), st.sampled_from(list("ab1 .-_\"'\\()[],=!<>&|“（＝甲🔥\u3000"))),
    max_size=60,
)


@bounded(400)
@given(_TEXT)
def test_any_text_parses_or_says_where(text):
    try:
        tree = parse(text)
    except ConditionError as exc:
        assert 0 <= exc.position <= len(text)
        assert exc.message
        return
    assert parse(to_text(tree)) == tree
    evaluate(tree, {})
