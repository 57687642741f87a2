"""Visibility conditions in the scoring engine (issue 25): keys, conditions folded per item (its
section's, then its own), which items an inspection's answers hide, and what a hidden item
scores. Pure: no database, table-driven.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from checklists import scoring
from checklists.scoring import Answer, ItemSpec, TemplateSpec, conditions

LIMIT = "amount >= 4000000"


def _items() -> list[ItemSpec]:
    """A procurement-like template: the amount, two steps above the limit (one critical), a
    warehouse question above the limit whose answer another item reads, a section of vehicles
    shown only with a warehouse, and an item always shown."""
    return [
        ItemSpec(1, "number", prompt="项目金额", key="amount", weight=Decimal(0)),
        ItemSpec(2, "yes_no", prompt="报领导小组审批", visible_when=LIMIT, severity="critical"),
        ItemSpec(3, "yes_no", prompt="有仓库", key="has_warehouse", visible_when=LIMIT),
        ItemSpec(
            4,
            "count",
            prompt="车辆数",
            key="vehicles",
            section="车辆",
            visible_when=('has_warehouse == "yes"',),
        ),
        ItemSpec(
            5,
            "yes_no",
            prompt="车辆苫盖",
            section="车辆",
            visible_when=('has_warehouse == "yes"', "vehicles >= 2"),
        ),
        ItemSpec(6, "yes_no", prompt="公开采购信息", section="信息公开"),
    ]


def _spec() -> TemplateSpec:
    return TemplateSpec(_items())


NOT_REACHED = "不适用：项目金额 = 1200000，条件 项目金额 ≥ 4000000 不成立"

# (name, answers, {hidden id: reason or None (any)}, complete, missing ids)
ROWS: list[tuple[str, dict[Any, Any], dict[int, str | None], bool, list[int]]] = [
    (
        "nothing answered: the amount is unanswered, so nothing above the limit shows",
        {},
        {2: "不适用：项目金额 未作答，条件 项目金额 ≥ 4000000 不成立", 3: None, 4: None, 5: None},
        False,
        [1, 6],
    ),
    (
        "below the limit: hidden, neither required nor scored",
        {1: "1200000", 6: "yes"},
        {2: NOT_REACHED, 3: NOT_REACHED, 4: None, 5: None},
        True,
        [],
    ),
    (
        "at the limit: shown and required",
        {1: "4000000", 6: "yes"},
        {4: None, 5: None},
        False,
        [2, 3],
    ),
    (
        "a decimal written longer is the same number",
        {1: "4000000.00"},
        {4: None, 5: None},
        False,
        [2, 3, 6],
    ),
    (
        "a parsed Decimal (the preview's)",
        {1: Decimal("4000000")},
        {4: None, 5: None},
        False,
        [2, 3, 6],
    ),
    ("an Answer", {1: Answer("5000000", photos=1)}, {4: None, 5: None}, False, [2, 3, 6]),
    (
        "N/A is no number: the steps stay hidden",
        {1: "na", 6: "yes"},
        {2: None, 3: None, 4: None, 5: None},
        True,
        [],
    ),
    (
        "an answer stored before the item was hidden is kept, not scored (no knockout)",
        {1: "1200000", 2: "no", 3: "yes", 6: "yes"},
        {2: NOT_REACHED, 3: NOT_REACHED, 4: None, 5: None},
        True,
        [],
    ),
    (
        "a hidden item's answer reads as unanswered for the items after it",
        {1: "1200000", 3: "yes", 4: 3, 6: "yes"},
        {
            2: NOT_REACHED,
            3: NOT_REACHED,
            4: "不适用：有仓库 未作答，条件 有仓库 = “是” 不成立",
            5: "不适用：有仓库 未作答，条件 有仓库 = “是” 不成立",
        },
        True,
        [],
    ),
    (
        "a section's condition holds; the item's own does not",
        {1: "5000000", 2: "yes", 3: "yes", 4: 1, 6: "yes"},
        {5: "不适用：车辆数 = 1，条件 车辆数 ≥ 2 不成立"},
        True,
        [],
    ),
    (
        "both hold: everything is shown",
        {1: "5000000", 2: "yes", 3: "yes", 4: 2, 6: "yes"},
        {},
        False,
        [5],
    ),
]


@pytest.mark.parametrize(("answers", "hidden", "complete", "missing"),
                         [row[1:] for row in ROWS], ids=[row[0] for row in ROWS])  # fmt: skip
def test_visibility_and_what_a_hidden_item_scores(answers, hidden, complete, missing):
    summary = scoring.score(_spec(), answers)
    shown_hidden = {
        item_id: r.reason for item_id, r in summary.items.items() if r.excluded == "hidden"
    }
    assert set(shown_hidden) == set(hidden)
    for item_id, reason in hidden.items():
        result = summary.items[item_id]
        assert (result.result, result.counted, result.missing, result.knockout) == (
            "na",
            False,
            None,
            False,
        )
        assert result.value is None  # a stale answer is not judged
        if reason is not None:
            assert result.reason == reason
    assert summary.complete is complete
    assert [i for i, _code in summary.missing] == missing
    assert all(code == "hidden" for i, code in summary.exclusions if i in hidden)
    if hidden:
        assert any("显示条件不成立" in line for line in summary.explanation)


def test_a_compiled_template_scores_the_same_and_a_template_without_conditions_hides_nothing():
    compiled = scoring.compile_template(_spec())
    for _name, answers, hidden, complete, _missing in ROWS:
        summary = scoring.score(compiled, answers)
        assert {i for i, r in summary.items.items() if r.excluded == "hidden"} == set(hidden)
        assert summary.complete is complete
    plain = TemplateSpec([ItemSpec(1, "number", key="amount"), ItemSpec(2, "yes_no")])
    assert not scoring.compile_template(plain).visibility.conditional
    summary = scoring.score(plain, {1: "1"})
    assert [i for i, _c in summary.missing] == [2] and not summary.exclusions


def test_a_hidden_item_counts_in_its_sections_na():
    summary = scoring.score(_spec(), {1: "1200000", 6: "yes"})
    vehicles = next(s for s in summary.sections if s.title == "车辆")
    assert vehicles.counts["na"] == 2 and vehicles.score is None


def test_visibility_alone_and_the_failing_condition():
    visibility = scoring.Visibility(_items())
    assert visibility.conditional and visibility.labels["amount"] == "项目金额"
    assert visibility.hidden({1: "5000000", 3: "yes", 4: 1}) == {
        5: "不适用：车辆数 = 1，条件 车辆数 ≥ 2 不成立"
    }
    # the section's condition is the first of the item's: index 0
    assert visibility.explained({1: "5000000", 3: "no"})[5][0] == 0
    assert visibility.explained({1: "5000000", 3: "yes", 4: 1})[5][0] == 1


@pytest.mark.parametrize(
    ("value", "stored"),
    [
        (Decimal("4000000.00"), "4000000"),
        (Decimal("-0.50"), "-0.5"),
        (3, 3),
        ("yes", "yes"),
        (("a", "b"), ["a", "b"]),
        (Answer(Decimal("12.50")), "12.5"),
        (None, None),
    ],
)
def test_stored_value(value, stored):
    assert scoring.stored_value(value) == stored


# --- refused templates: the engine's own guard (the authoring service says it first) ----------

BAD = [
    ("a key twice", [ItemSpec(1, "number", key="a"), ItemSpec(2, "number", key="a")], 2, "key",
     "标识“a”与前面的检查项重复"),
    ("a key starting with a digit", [ItemSpec(1, "number", key="1a")], 1, "key",
     conditions.PROBLEM_KEY_CHARS),
    ("a keyword as key", [ItemSpec(1, "number", key="count")], 1, "key",
     "“count”是条件语言的保留字，不能作标识"),
    ("a later item", [ItemSpec(1, "yes_no", visible_when="b == 1"), ItemSpec(2, "number", key="b")],
     1, "visible_when", "“b”是后面的检查项：条件只能引用前面的检查项"),
    ("its own answer", [ItemSpec(1, "number", key="b", visible_when="b > 1")], 1, "visible_when",
     "条件不能引用本项自己的答案“b”"),
    ("no such key", [ItemSpec(1, "yes_no", visible_when="nothing")], 1, "visible_when",
     "没有标识为“nothing”的检查项"),
    ("a broken condition",
     [ItemSpec(1, "number", key="a"), ItemSpec(2, "yes_no", visible_when="(a > 1")],
     2, "visible_when", "条件末尾：缺少右括号"),
    ("= for ==", [ItemSpec(1, "number", key="a"), ItemSpec(2, "yes_no", visible_when="a = 1")],
     2, "visible_when", "第 3 个字符：判断相等请写“==”"),
]  # fmt: skip


@pytest.mark.parametrize(("items", "item_id", "field", "message"), [row[1:] for row in BAD],
                         ids=[row[0] for row in BAD])  # fmt: skip
def test_a_template_with_bad_keys_or_conditions_is_refused(items, item_id, field, message):
    with pytest.raises(scoring.RuleError) as refused:
        scoring.compile_template(TemplateSpec(items))
    assert (refused.value.item_id, refused.value.field, refused.value.message) == (
        item_id,
        field,
        message,
    )


# --- the checks the authoring pages and the import use ----------------------------------------

KEYS = [
    ("amount", None),
    ("有仓库", None),
    ("_x1", None),
    ("a" * conditions.KEY_MAX, None),
    ("a" * (conditions.KEY_MAX + 1), conditions.PROBLEM_KEY_LONG),
    ("", conditions.PROBLEM_KEY_CHARS),
    ("1st", conditions.PROBLEM_KEY_CHARS),
    ("has-warehouse", conditions.PROBLEM_KEY_CHARS),
    ("金额（元）", conditions.PROBLEM_KEY_CHARS),
    ("a b", conditions.PROBLEM_KEY_CHARS),
    ("null", "“null”是条件语言的保留字，不能作标识"),
    ("answered", "“answered”是条件语言的保留字，不能作标识"),
]


@pytest.mark.parametrize(("key", "problem"), KEYS)
def test_key_problem(key, problem):
    assert conditions.key_problem(key) == problem


ORDER = [
    ("nothing to say", [(None, ()), ("a", ()), ("b", ("a > 1",))], []),
    ("a section reads an earlier item", [("a", ()), (None, ("a > 1",)), ("b", ())], []),
    ("a section reads its own item", [(None, ("a > 1",)), ("a", ())],
     [(0, "visible_when", "“a”是后面的检查项：条件只能引用前面的检查项")]),
    ("two problems of one item: both fields", [("a", ()), ("a", ("zz",))],
     [(1, "visible_when", "没有标识为“zz”的检查项"), (1, "key", "标识“a”与前面的检查项重复")]),
    ("a parse error, with its position", [("a", ()), (None, ("a >",))],
     [(1, "visible_when", "条件末尾：条件不完整")]),
]  # fmt: skip


@pytest.mark.parametrize(("entries", "problems"), [row[1:] for row in ORDER],
                         ids=[row[0] for row in ORDER])  # fmt: skip
def test_order_problems(entries, problems):
    assert conditions.order_problems(entries) == problems


@pytest.mark.parametrize(
    ("condition", "chinese"),
    [
        (LIMIT, "项目金额 ≥ 4000000"),
        ('has_warehouse == "yes" and count(vehicles) >= 2', "有仓库 = “是” 且 车辆 的数量 ≥ 2"),
        ("not answered(amount)", "并非 项目金额 已作答"),
    ],
)
def test_describe(condition, chinese):
    assert conditions.describe(condition, {"amount": "项目金额", "has_warehouse": "有仓库",
                                           "vehicles": "车辆"}) == chinese  # fmt: skip
