"""A fifth round of the reading, found by probing it with clauses written for the purpose (never
from the bundled gazettes): a government work report's task list, and more. Each case is a clear
error a probe found, read as GUIDE.md (tests/data/reading_labels) says."""

from __future__ import annotations

from decimal import Decimal

import pytest

from checklists.standards.extraction import extract


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        # a task's verb right after its item's number: the amount is the task's target
        ("4.改造老旧小区120个。", Decimal(120), "个"),
        ("（3）实施城市更新项目42个。", Decimal(42), "个"),
        ("2、培育农业产业化龙头企业15家。", Decimal(15), "家"),
        # the investment a task is to complete (not funds stated: 项目总投资3亿元)
        ("全年完成固定资产投资350亿元。", Decimal(35_000_000_000), "元"),
        # a level to keep, about so much
        ("粮食总产量保持在50万吨左右。", Decimal(500_000), "t"),
    ],
)
def test_a_task_s_amount_after_its_number_and_a_level_to_keep_are_targets(text, value, unit):
    (r,) = extract(text)
    assert (r.comparator, r.value, r.unit) == ("==", value, unit)
    assert "assumed_equal" in r.flags


def test_a_project_s_total_investment_stated_is_no_target():
    """该项目总投资3亿元: what the project costs, a fact told (GUIDE 1.5)."""
    assert extract("该项目总投资3亿元，建设期2年。") == []


@pytest.mark.parametrize(
    ("text", "comparator", "value"),
    [
        # an underground floor is counted down: 地下二层及以下 is that deep or deeper, so a venue
        # barred from it must be less deep (a venue on 地下一层 keeps the rule)
        ("歌舞娱乐场所不得设置在地下二层及以下楼层。", "<", Decimal(2)),
        ("地下三层以下不得设置商店。", "<", Decimal(3)),
        # above ground, as written
        ("老年人照料设施不应设置在四层及以上楼层。", "<", Decimal(4)),
    ],
)
def test_an_underground_floor_is_counted_down(text, comparator, value):
    (r,) = extract(text)
    assert (r.comparator, r.value, r.unit) == (comparator, value, "层")


def test_the_fire_and_rescue_agency_is_an_authority():
    """消防救援机构 imposes the sanction: an authority, not a party inspected (医疗机构 is one)."""
    (r,) = extract("违反本办法第十二条规定的，由消防救援机构责令改正。")
    assert (r.subject, r.subject_kind) == ("消防救援机构", "authority")
    (r,) = extract("医疗机构应当建立消毒管理制度。")
    assert r.subject_kind == "regulated"


@pytest.mark.parametrize(
    ("text", "condition", "subject"),
    [
        # the things a law binds, named with its modal word before their 的: which ones, no row
        ("依法必须进行招标的项目，招标人应当公示中标候选人。", "依法必须进行招标的项目", "招标人"),
        ("依法应当公开的信息，行政机关应当及时公开。", "依法应当公开的信息", "行政机关"),
        ("必须进行招标的项目，招标人应当公示中标候选人。", "必须进行招标的项目", "招标人"),
    ],
)
def test_the_things_a_law_binds_are_the_condition(text, condition, subject):
    (r,) = extract(text)
    assert r.applies_when is not None and r.applies_when.text == condition
    assert r.subject == subject


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # a party, then a measure of its own, then what it must (not) do
        ("供水单位供水水压应当符合国家规定标准。", "供水单位"),
        ("校外培训机构收费时段与教学进度保持一致，不得一次性收取费用。", "校外培训机构"),
    ],
)
def test_a_party_then_a_measure_of_its_own_names_who_acts(text, subject):
    assert [r.subject for r in extract(text)] == [subject]


def test_the_ones_a_grant_is_for_then_how_much_is_the_whole_condition():
    """对招用…的16-24岁青年，与之签订…的企业，按每人1500元标准给予…: one grant; the enterprises it
    is for (with the people they hire, and their ages) are its condition, no row of their own."""
    (r,) = extract(
        "对招用登记失业的16-24岁青年，与之签订1年以上劳动合同的企业，按每人1500元标准给予一次性"
        "扩岗补助。"
    )
    assert (r.value, r.unit, r.per) == (Decimal(1500), "元", "人")
    assert r.applies_when is not None
    assert r.applies_when.text == "对招用登记失业的16-24岁青年，与之签订1年以上劳动合同的企业"


@pytest.mark.parametrize("text", ["杜绝66人以上超大班额。", "全面消除66人以上超大班额。"])
def test_what_is_done_away_with_names_the_ones_it_applies_to(text):
    """杜绝66人以上超大班额, as 消除 does: one row for the classes of 66 or more, never a bound a
    class must reach."""
    (r,) = extract(text)
    assert r.comparator is None
    assert r.applies_when is not None
    assert (r.applies_when.comparator, r.applies_when.value) == (">=", Decimal(66))


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # parties listed, then 各 and their bound: both of them, each
        ("住房公积金缴存比例，单位和职工各不低于5%，不高于12%。", "单位和职工"),
        ("单位和个人各按5%缴纳。", "单位和个人"),
    ],
)
def test_parties_listed_then_each_of_them_is_the_whole_list(text, subject):
    assert {r.subject for r in extract(text)} == {subject}


@pytest.mark.parametrize(
    "text", ["配送中心仓库面积不应低于500平方米。", "配送中心仓库面积原则上不应低于500平方米。"]
)
def test_a_party_s_measure_alone_before_its_bound_names_no_one(text):
    """A measure and its bound, with nothing said of the party but its modal word's adverbs: no
    one named as acting (as test_drafting_confirm keeps it)."""
    (r,) = extract(text)
    assert r.subject is None
