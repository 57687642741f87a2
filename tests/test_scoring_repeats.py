"""Repeated sections in the scoring engine: items answered once per instance (per warehouse),
combined by their aggregate (all, average, worst); missing, 不适用 and hidden instances;
knockouts and photos; the answers' keys; visibility per instance and ``count(repeat)`` after
the group; ``to_dict``; and templates without repeats scoring as before. Pure, table-driven.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest

from checklists.scoring import (
    AGGREGATES,
    Answer,
    AnswerError,
    ItemSpec,
    RuleError,
    TemplateSpec,
    Visibility,
    compile_template,
    score,
)

CIT = "GB 50016 第5条"
CHOICES = [
    {"value": "full", "label": "符合", "score": "5"},
    {"value": "mostly", "label": "基本符合", "score": "3"},
    {"value": "partly", "label": "部分符合", "score": "1", "pass": False},
    {"value": "no", "label": "不符合", "pass": False},
]
COLD = {"op": "<=", "value": "8", "unit": "°C"}
THREE = [("a", "仓库1"), ("b", "仓库2"), ("c", "仓库3")]


def rep(item_id: Any, answer_type: str = "yes_no", rule: dict | None = None, **kw) -> ItemSpec:
    """An item of the repeated section ``wh`` (warehouses)."""
    kw.setdefault("repeat", "wh")
    kw.setdefault("repeat_label", "仓库")
    kw.setdefault("section", "仓库")
    return ItemSpec(id=item_id, answer_type=answer_type, rule=rule or {}, **kw)


def yes(item_id: Any, **kw) -> ItemSpec:
    return ItemSpec(id=item_id, answer_type="yes_no", **kw)


def per_instance(item_id: Any, values: list[Any], keys: list[tuple[str, str]] = THREE) -> dict:
    """Answers of ``item_id`` per instance, in order (None: unanswered, left out)."""
    return {(item_id, k): v for (k, _l), v in zip(keys, values, strict=False) if v is not None}


# ---------------------------------------------------------------------------------------------
# Aggregates
# ---------------------------------------------------------------------------------------------

AGGREGATE_ROWS = [
    # (name, answer type, rule, weight, aggregate, values per instance, result, earned)
    ("yes_no all pass", "yes_no", {}, "1", "all", ["yes", "yes", "是"], "pass", Fraction(1)),
    ("yes_no all, one fails", "yes_no", {}, "1", "all", ["yes", "no", "yes"], "fail", 0),
    ("yes_no average", "yes_no", {}, "3", "average", ["yes", "no", "yes"], "fail", 2),
    ("yes_no average all pass", "yes_no", {}, "2", "average", ["yes"] * 3, "pass", 2),
    ("yes_no worst", "yes_no", {}, "1", "worst", ["yes", "no", "yes"], "fail", 0),
    ("number all pass", "number", COLD, "1", "all", ["5", "6", "8"], "pass", 1),
    ("number all, one fails", "number", COLD, "1", "all", ["5", "9", "7"], "fail", 0),
    ("number average", "number", COLD, "1", "average", ["5", "9", "7"], "fail",
     Fraction(2, 3)),
    ("number worst", "number", COLD, "2", "worst", ["5", "9", "7"], "fail", 0),
    ("choice all pass: the lowest share", "choice", {"choices": CHOICES}, "1", "all",
     ["full", "mostly", "full"], "pass", Fraction(3, 5)),
    ("choice all, one fails", "choice", {"choices": CHOICES}, "1", "all",
     ["full", "partly", "full"], "fail", 0),
    ("choice average", "choice", {"choices": CHOICES}, "1", "average",
     ["full", "mostly", "partly"], "fail", Fraction(3, 5)),  # (5 + 3 + 1) / 15
    ("choice average passing", "choice", {"choices": CHOICES}, "2", "average",
     ["full", "mostly"], "pass", Fraction(8, 5)),  # 2 × (1 + 3/5) / 2
    ("choice worst passing", "choice", {"choices": CHOICES}, "1", "worst",
     ["full", "mostly", "full"], "pass", Fraction(3, 5)),
    ("choice worst failing still earns its share", "choice", {"choices": CHOICES}, "1",
     "worst", ["full", "partly", "mostly"], "fail", Fraction(1, 5)),
]  # fmt: skip


@pytest.mark.parametrize(
    ("answer_type", "rule", "weight", "aggregate", "values", "result", "earned"),
    [row[1:] for row in AGGREGATE_ROWS],
    ids=[row[0] for row in AGGREGATE_ROWS],
)
def test_aggregates(answer_type, rule, weight, aggregate, values, result, earned):
    items = [rep(1, answer_type, rule, weight=Decimal(weight), aggregate=aggregate)]
    keys = THREE[: len(values)]
    summary = score(TemplateSpec(items), per_instance(1, values, keys), instances={"wh": keys})
    res = summary.items[1]
    w = Fraction(Decimal(weight))
    assert (res.result, res.counted, res.excluded, res.missing) == (result, True, None, None)
    assert (res.earned, res.possible, res.deducted) == (earned, w, w - earned)
    assert res.value is None and not res.knockout
    assert [(k, label) for k, label, _r in res.instances] == keys
    assert [r.item_id for _k, _l, r in res.instances] == [1] * len(keys)
    assert summary.complete and summary.counted == [1]
    assert summary.exact == Fraction(earned) / w * 100  # exact, never rounded on the way
    assert summary.sections[0].earned == earned and summary.sections[0].possible == w
    counts = summary.sections[0].counts
    assert counts[result] == 1 and sum(counts.values()) == 1  # the item once, not per instance


@pytest.mark.parametrize("method", ["weighted", "deduction"])
def test_average_leaves_an_exact_fraction_in_the_sums(method):
    items = [
        rep(1, weight=Decimal(1), aggregate="average"),
        yes(2, weight=Decimal("0.5"), section="台账"),
    ]
    answers = {**per_instance(1, ["yes", "no", "no"]), 2: "yes"}
    summary = score(TemplateSpec(items, method=method), answers, instances={"wh": THREE})
    assert summary.items[1].earned == Fraction(1, 3)
    assert (summary.earned, summary.possible) == (Fraction(5, 6), Fraction(3, 2))
    assert summary.deducted == Fraction(2, 3)
    if method == "weighted":
        assert summary.exact == Fraction(500, 9) and str(summary.score) == "55.6"
        assert "得分 = 5/6 ÷ 1.5 × 100 ≈ 55.6" in summary.explanation
    else:
        assert summary.exact == Fraction(298, 3) and str(summary.score) == "99.3"
    section = summary.sections[0]
    assert (section.title, section.earned) == ("仓库", Fraction(1, 3))
    assert section.deducted == Fraction(2, 3)
    data = json.loads(json.dumps(summary.to_dict()))
    assert data["items"][0]["earned"] == "1/3" and data["earned"] == "5/6"


def test_reason_cites_each_instance_and_the_aggregate():
    items = [rep(1, citation=CIT), rep(2, "choice", {"choices": CHOICES}, aggregate="average")]
    answers = {
        **per_instance(1, ["yes", "no", "yes"]),
        **per_instance(2, ["full", "mostly", "na"]),
    }
    summary = score(TemplateSpec(items), answers, instances={"wh": THREE})
    assert summary.items[1].reason == (
        f"3 个仓库：仓库1 合格；仓库2 不合格：回答：否，不符合；仓库3 合格（全部须合格）（{CIT}）"
    )
    assert summary.items[2].reason == (
        "3 个仓库：仓库1 合格；仓库2 合格：选择：基本符合（3/5 分）；仓库3 不适用（取平均）"
    )
    assert summary.items[2].earned == Fraction(4, 5)  # the 不适用 instance is not counted


def test_unnamed_instance_is_numbered():
    keys = [("x1", ""), ("x2", " ")]
    summary = score(
        TemplateSpec([rep(1, repeat_label="")]),
        per_instance(1, ["yes", "yes"], keys),
        instances={"wh": keys},
    )
    assert summary.items[1].reason == "2 个实例：第1个实例 合格；第2个实例 合格（全部须合格）"


# ---------------------------------------------------------------------------------------------
# Zero, missing, 不适用, knockouts, photos
# ---------------------------------------------------------------------------------------------

CASES = [
    # (name, item kwargs, instances, values per instance, as_of, expected fields)
    ("no instance: unanswered, missing", {}, [], [], None,
     {"result": "unanswered", "missing": "unanswered", "counted": False, "excluded": None,
      "reason": "尚未添加仓库"}),
    ("no instance, no noun", {"repeat_label": ""}, [], [], None,
     {"result": "unanswered", "missing": "unanswered", "reason": "尚未添加实例"}),
    ("no instance, optional", {"required": False}, [], [], None,
     {"result": "unanswered", "missing": None, "excluded": "optional_unanswered",
      "reason": "尚未添加仓库（非必答，不计分）"}),
    ("no instance, advisory", {"scored": False}, [], [], None,
     {"result": "unanswered", "missing": None, "excluded": "advisory"}),
    ("no instance, expired", {"valid_to": date(2021, 12, 31)}, [], [], date(2024, 1, 1),
     {"result": "na", "missing": None, "excluded": "expired"}),
    ("one instance unanswered", {}, THREE, ["yes", None, "yes"], None,
     {"result": "unanswered", "missing": "unanswered", "counted": False,
      "reason": "3 个仓库：仓库1 合格；仓库2 未作答；仓库3 合格（全部须合格）"}),
    ("unanswered and failing", {}, THREE, [None, "no", "yes"], None,
     {"result": "fail", "missing": "unanswered", "counted": False, "knockout": False}),
    ("optional: unanswered instances left out", {"required": False}, THREE,
     ["yes", None, "yes"], None,
     {"result": "pass", "missing": None, "counted": True, "earned": Fraction(1)}),
    ("all instances 不适用", {}, THREE, ["na", "不适用", "na"], None,
     {"result": "na", "excluded": "na", "counted": False, "missing": None,
      "reason": "3 个仓库：仓库1 不适用；仓库2 不适用；仓库3 不适用（全部须合格）"}),
    ("不适用 instances not counted", {"aggregate": "average"}, THREE, ["na", "yes", "no"], None,
     {"result": "fail", "counted": True, "earned": Fraction(1, 2)}),
    ("advisory instances", {"scored": False}, THREE, ["yes", "no", "yes"], None,
     {"result": "fail", "excluded": "advisory", "counted": False, "knockout": False}),
    ("expired: every instance excluded", {"valid_to": date(2021, 12, 31)}, THREE,
     ["no", "no", "no"], date(2024, 1, 1),
     {"result": "na", "excluded": "expired", "counted": False, "missing": None}),
    ("critical, one fails: knockout", {"severity": "critical"}, THREE, ["yes", "no", "yes"],
     None, {"result": "fail", "knockout": True, "counted": True}),
    ("critical, average, one fails: still a knockout",
     {"severity": "critical", "aggregate": "average"}, THREE, ["yes", "no", "yes"], None,
     {"result": "fail", "knockout": True, "earned": Fraction(2, 3)}),
    ("critical, all pass", {"severity": "critical"}, THREE, ["yes", "yes", "yes"], None,
     {"result": "pass", "knockout": False}),
    ("critical, 不适用 and pass", {"severity": "critical"}, THREE, ["yes", "na", "yes"], None,
     {"result": "pass", "knockout": False, "counted": True}),
]  # fmt: skip


@pytest.mark.parametrize(
    ("kwargs", "instances", "values", "as_of", "fields"),
    [row[1:] for row in CASES],
    ids=[row[0] for row in CASES],
)
def test_instance_cases(kwargs, instances, values, as_of, fields):
    items = [rep(1, **kwargs), yes(2)]
    answers = {**per_instance(1, values, instances), 2: "yes"}
    summary = score(TemplateSpec(items), answers, as_of=as_of, instances={"wh": instances})
    res = summary.items[1]
    for name, expected in fields.items():
        assert getattr(res, name) == expected, name
    assert len(res.instances) == len(instances)
    if res.missing:
        assert summary.missing == [(1, res.missing)] and not summary.complete
        assert summary.score is None and 1 not in summary.counted
    else:
        assert summary.complete
    if res.excluded:
        assert (1, res.excluded) in summary.exclusions
    assert (1 in summary.knockouts) == res.knockout
    if res.knockout:
        assert summary.verdict == "fail"


@pytest.mark.parametrize(
    ("answers", "missing", "result", "counted"),
    [
        ({(1, "a"): "yes", (1, "b"): "no"}, "photo_required", "fail", False),
        ({(1, "a"): "yes", (1, "b"): Answer("no", photos=1)}, None, "fail", True),
        ({(1, "a"): Answer("yes"), (1, "b"): "yes"}, None, "pass", True),
        ({(1, "a"): "no", (1, "b"): None}, "photo_required", "fail", False),  # first code
        ({(1, "b"): "no"}, "unanswered", "fail", False),
    ],
)
def test_photo_required_in_one_instance(answers, missing, result, counted):
    keys = THREE[:2]
    item = rep(1, rule={"photo_on_fail": True})
    summary = score(TemplateSpec([item]), answers, instances={"wh": keys})
    res = summary.items[1]
    assert (res.missing, res.result, res.counted) == (missing, result, counted)
    assert summary.complete is (missing is None)
    if missing == "photo_required" and answers.get((1, "b")) == "no":
        assert "仓库2 不合格：回答：否，不符合；不合格须拍照留证，尚未拍照" in res.reason
        assert "未完成 1 项：1（不合格须拍照，尚未拍照）" in summary.explanation


def test_instance_answer_error_names_item_and_instance():
    with pytest.raises(AnswerError) as info:
        score(
            TemplateSpec([rep(1, "number", COLD)]),
            {(1, "a"): "5", (1, "b"): "abc"},
            instances={"wh": THREE},
        )
    assert (info.value.code, info.value.item_id, info.value.instance) == ("not_a_number", 1, "b")


# ---------------------------------------------------------------------------------------------
# Answer keys and template errors
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answers", "item_id", "message"),
    [
        ({(2, "zz"): "yes"}, 2, "条目“2”的仓库“zz”不在本次检查中"),
        ({(1, "a"): "yes"}, 1, "条目“1”不在重复部分中，其答案不能按实例（“a”）填写"),
        ({(9, "a"): "yes"}, 9, "条目“9”不在本检查表中"),
        ({(2, "a", "x"): "yes"}, 2, "条目“2”不在本检查表中"),
        ({2: "yes"}, 2, "条目“2”在重复部分中，其答案须按仓库填写"),
        ({1: "yes", 99: "yes"}, "99", "条目“99”不在本检查表中"),
    ],
)
def test_unknown_keys(answers, item_id, message):
    spec = TemplateSpec([yes(1), rep(2)])
    with pytest.raises(AnswerError) as info:
        score(spec, answers, instances={"wh": THREE})
    assert (info.value.code, info.value.item_id, info.value.message) == (
        "unknown_item",
        item_id,
        message,
    )


def test_instance_key_on_a_template_without_repeats():
    with pytest.raises(AnswerError) as info:
        score(TemplateSpec([yes(1)]), {(1, "a"): "yes"})
    assert info.value.code == "unknown_item" and info.value.item_id == 1
    assert "不在重复部分中" in info.value.message


def test_instance_listed_twice():
    with pytest.raises(ValueError, match="listed twice"):
        score(TemplateSpec([rep(1)]), {}, instances={"wh": [("a", "1"), ("a", "2")]})


def test_instances_of_an_unknown_repeat_are_ignored():
    summary = score(TemplateSpec([yes(1)]), {1: "yes"}, instances={"other": THREE})
    assert summary.score == Decimal("100.0")


@pytest.mark.parametrize(
    ("items", "field", "item_id", "message"),
    [
        ([rep(1, aggregate="sum")], "aggregate", 1,
         "未知的汇总方式“sum”，可选 all、average、worst"),
        ([rep(1), yes(2), rep(3)], "repeat", 3, "重复部分“wh”的检查项须排在一起"),
        ([yes(1, key="wh"), rep(2)], "repeat", 2, "标识“wh”与前面的检查项重复"),
        ([rep(1), yes(2, key="wh")], "key", 2, "标识“wh”与前面的检查项重复"),
        ([rep(1, repeat="1wh")], "repeat", 1, None),
        ([rep(1, key="k", visible_when="count(wh) > 0")], "visible_when", 1, None),
        ([yes(1, visible_when="count(wh) > 0"), rep(2)], "visible_when", 1,
         "“wh”是后面的检查项：条件只能引用前面的检查项"),
    ],
)  # fmt: skip
def test_template_errors(items, field, item_id, message):
    with pytest.raises(RuleError) as info:
        compile_template(TemplateSpec(items))
    assert (info.value.field, info.value.item_id) == (field, item_id)
    if message:
        assert info.value.message == message


def test_aggregates_constant():
    assert AGGREGATES == ("all", "average", "worst")
    assert ItemSpec(1, "yes_no").repeat is None and ItemSpec(1, "yes_no").aggregate == "all"


# ---------------------------------------------------------------------------------------------
# Visibility
# ---------------------------------------------------------------------------------------------


def _visibility_items() -> list[ItemSpec]:
    """A warehouse section shown with a warehouse; in each warehouse the temperature is asked
    only when it has a cold store; after the section, an item shown with two warehouses, one
    shown when some warehouse's temperature is above 8."""
    return [
        yes(1, key="has_wh", prompt="有仓库"),
        rep(2, key="cold", prompt="冷库", visible_when=("has_wh",)),
        rep(3, "number", COLD, key="temp", prompt="温度",
            visible_when=("has_wh", 'cold == "yes"')),
        yes(4, prompt="台账", visible_when="count(wh) >= 2"),
        yes(5, prompt="整改", visible_when="temp in [9, 10, 11]"),
    ]  # fmt: skip


VISIBILITY_ROWS = [
    # (name, answers, instances, hidden keys → reason or None, results by item)
    ("no warehouse: the whole section hidden in every instance, its instances not counted",
     {1: "no", 4: "yes"}, [("a", "甲")],
     {2: "不适用：有仓库 = “否”，条件 有仓库 不成立", 3: None,
      4: "不适用：仓库 的数量 = 0，条件 仓库 的数量 ≥ 2 不成立", 5: None},
     {2: "na", 3: "na", 4: "na", 5: "na"}),
    ("a cold store in one warehouse: its temperature asked there only",
     {1: "yes", (2, "a"): "yes", (2, "b"): "no", (3, "a"): "5", 4: "yes"},
     [("a", "甲"), ("b", "乙")],
     {(3, "b"): "不适用：冷库 = “否”，条件 冷库 = “是” 不成立", 5: None},
     {2: "fail", 3: "pass", 4: "pass", 5: "na"}),
    ("one warehouse: count(wh) is 1",
     {1: "yes", (2, "a"): "no"}, [("a", "甲")],
     {(3, "a"): None, 4: "不适用：仓库 的数量 = 1，条件 仓库 的数量 ≥ 2 不成立", 5: None},
     {2: "fail", 3: "na", 4: "na", 5: "na"}),
    ("a warm store: the temperatures read as a list after the group",
     {1: "yes", (2, "a"): "yes", (2, "b"): "yes", (3, "a"): "5", (3, "b"): "9", 4: "yes",
      5: "yes"},
     [("a", "甲"), ("b", "乙")], {}, {2: "pass", 3: "fail", 4: "pass", 5: "pass"}),
    ("no instance: nothing in the section, count is 0",
     {1: "yes"}, [], {4: None, 5: None}, {2: "unanswered", 3: "unanswered", 4: "na"}),
]  # fmt: skip


@pytest.mark.parametrize(
    ("answers", "instances", "hidden", "results"),
    [row[1:] for row in VISIBILITY_ROWS],
    ids=[row[0] for row in VISIBILITY_ROWS],
)
def test_visibility_per_instance(answers, instances, hidden, results):
    items = _visibility_items()
    got = Visibility(items).hidden(answers, {"wh": instances})
    assert set(got) == set(hidden)
    for at, reason in hidden.items():
        if reason is not None:
            assert got[at] == reason
    summary = score(TemplateSpec(items), answers, instances={"wh": instances})
    for item_id, result in results.items():
        assert summary.items[item_id].result == result, item_id
    for at, reason in got.items():
        if isinstance(at, tuple):
            item_id, key = at
            res = next(r for k, _l, r in summary.items[item_id].instances if k == key)
        else:
            item_id, res = at, summary.items[at]
        assert (res.excluded, res.reason) == ("hidden", reason)


def test_section_hidden_hides_every_instance():
    items = _visibility_items()
    answers = {1: "no", (2, "a"): "yes", (2, "b"): "yes", (3, "a"): "20"}  # kept, not judged
    summary = score(TemplateSpec(items), answers, instances={"wh": [("a", "甲"), ("b", "乙")]})
    res = summary.items[2]
    assert (res.result, res.excluded, res.counted) == ("na", "hidden", False)
    assert [r.excluded for _k, _l, r in res.instances] == ["hidden", "hidden"]
    assert summary.items[3].excluded == "hidden" and summary.complete
    assert (2, "hidden") in summary.exclusions


def test_visibility_without_instances_argument():
    vis = Visibility(_visibility_items())
    assert set(vis.hidden({1: "yes"})) == {4, 5}
    assert vis.groups == {"wh": (1, 2)}


# ---------------------------------------------------------------------------------------------
# to_dict
# ---------------------------------------------------------------------------------------------

ITEM_KEYS = {
    "item_id", "result", "reason", "value", "unit", "counted", "excluded", "earned", "possible",
    "deducted", "knockout", "missing",
}  # fmt: skip


def test_to_dict_shape():
    items = [yes(1), rep(2, "number", COLD, aggregate="worst"), rep(3)]
    answers = {1: "yes", (2, "a"): Answer("5", "℃"), (2, "b"): "9", (3, "a"): "na"}
    summary = score(TemplateSpec(items), answers, instances={"wh": THREE[:2]})
    data = json.loads(json.dumps(summary.to_dict(), ensure_ascii=False))
    ordinary, repeated, partial = data["items"]
    assert set(ordinary) == ITEM_KEYS  # an ordinary item's dict unchanged
    assert set(repeated) == ITEM_KEYS | {"instances"}
    assert repeated["value"] is None and repeated["result"] == "fail"
    assert repeated["earned"] == "0" and repeated["possible"] == "1"
    assert repeated["instances"] == [
        {"key": "a", "label": "仓库1", "item_id": 2, "result": "pass",
         "reason": "实测 5 ℃ ≤ 8 ℃，符合", "value": "5", "unit": "°C", "counted": True,
         "excluded": None, "earned": "1", "possible": "1", "deducted": "0", "knockout": False,
         "missing": None},
        {"key": "b", "label": "仓库2", "item_id": 2, "result": "fail",
         "reason": "实测 9 ℃ > 要求 ≤ 8 ℃", "value": "9", "unit": "°C", "counted": True,
         "excluded": None, "earned": "0", "possible": "1", "deducted": "1", "knockout": False,
         "missing": None},
    ]  # fmt: skip
    assert partial["missing"] == "unanswered"
    assert [i["result"] for i in partial["instances"]] == ["na", "unanswered"]
    assert data["sections"][1]["item_ids"] == [2, 3]
    assert data["sections"][1]["counts"] == {"pass": 0, "fail": 1, "na": 0, "unanswered": 1}


# ---------------------------------------------------------------------------------------------
# Templates without repeats: as before
# ---------------------------------------------------------------------------------------------

PLAIN = [
    # (items, method, answers, score, exact, earned, possible)
    ([yes(1, weight=Decimal(3)), yes(2)], "weighted", {1: "no", 2: "yes"},
     "25.0", Fraction(25), Fraction(1), Fraction(4)),
    ([yes(1, weight=Decimal(3)), yes(2)], "deduction", {1: "no", 2: "yes"},
     "97.0", Fraction(97), Fraction(1), Fraction(4)),
    ([ItemSpec(1, "choice", {"choices": CHOICES}), yes(2)], "weighted",
     {1: "mostly", 2: "yes"}, "80.0", Fraction(80), Fraction(8, 5), Fraction(2)),
    ([ItemSpec(1, "number", COLD, key="t"), yes(2, visible_when="t > 8")], "weighted",
     {1: "5", 2: "no"}, "100.0", Fraction(100), Fraction(1), Fraction(1)),
]  # fmt: skip


@pytest.mark.parametrize(
    ("items", "method", "answers", "rounded", "exact", "earned", "possible"), PLAIN
)
def test_templates_without_repeats_score_as_before(
    items, method, answers, rounded, exact, earned, possible
):
    template = compile_template(TemplateSpec(items, method=method))
    assert template.repeats == {}
    summary = score(template, answers)
    assert (str(summary.score), summary.exact) == (rounded, exact)
    assert (summary.earned, summary.possible) == (earned, possible)
    assert all(r.instances == () for r in summary.items.values())
    assert all(set(d) == ITEM_KEYS for d in summary.to_dict()["items"])
    again = score(template, answers, instances={})
    assert again.to_dict() == summary.to_dict()
