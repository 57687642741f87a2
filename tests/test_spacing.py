"""Text converted from PDF with a space on each side of its numbers (不少于 2 次): read as if
closed up, given back as written. Table-driven: ``spacing.close_up`` and ``extract`` on it."""

from __future__ import annotations

from decimal import Decimal

import pytest

from checklists.standards.extraction import extract
from checklists.standards.spacing import close_up


@pytest.mark.parametrize(
    ("text", "tight"),
    [
        ("每年检查不少于 2 次。", "每年检查不少于2次。"),
        ("覆盖率达到 70% 以上。", "覆盖率达到70%以上。"),
        ("于 2018 年 6 月底前完成。", "于2018年6月底前完成。"),
        ("（ 1 ）建立台账。", "（1）建立台账。"),
        ("( 2 )每月巡查一次。", "(2)每月巡查一次。"),
        ("经专家确认， 5 例以上的，应当报告。", "经专家确认，5例以上的，应当报告。"),
        ("企业应当建立　3　本台账。", "企业应当建立3本台账。"),  # ideographic spaces
    ],
)
def test_the_spaces_around_a_number_are_closed_up(text, tight):
    assert close_up(text).text == tight


@pytest.mark.parametrize(
    "text",
    [
        "执行 GB 3095-2012 标准。",  # letters and digits
        "PM 2.5年均浓度下降。",
        "2 是否安装燃气泄漏报警器 是/否",  # a table row's number, then its words
        "2018 年底前，企业要完成搬迁。",  # (an opening number: the reader reads it as it is)
        "每年检查不少于2次。",  # nothing to close
    ],
)
def test_what_is_not_a_gap_around_a_number_stays(text):
    assert close_up(text) is None


def test_a_closed_up_clause_maps_each_character_back():
    spaced = close_up("检查 不少于 2 次，保存 3 年。")
    assert spaced.text == "检查 不少于2次，保存3年。"
    assert [spaced.original[spaced.where[i]] for i in range(len(spaced.text))] == list(spaced.text)
    assert spaced.offset(spaced.original.index("保")) == spaced.text.index("保")


@pytest.mark.parametrize(
    ("text", "span", "fields"),
    [
        (
            "各牵头单位要于每季度末 5 日前将工作进展情况报市政府办公室。",
            "各牵头单位要于每季度末 5 日前将工作进展情况报市政府办公室",
            {"due": {"rule": "quarter_first_month_day", "day": 5}},
        ),
        (
            "各地应于次月 5 号前报送上月数据。",
            "各地应于次月 5 号前报送上月数据",
            {"due": {"rule": "next_month_day", "day": 5}},
        ),
        (
            "按培训后取得证书等级给予职业培训补贴，初级工每人 1000 元。",
            "初级工每人 1000 元",
            {"value": Decimal(1000), "per": "人"},
        ),
        (
            "重点企业每年检查不少于 2 次。",
            "重点企业每年检查不少于 2 次",
            {"comparator": ">=", "value": Decimal(2), "per": "year"},
        ),
    ],
)
def test_a_spaced_clause_reads_as_a_closed_up_one_and_keeps_its_words(text, span, fields):
    """With the spaces, 每季度末 5 日前 became 每季度末 (the 5 lost), 每人 1000 元 no amount at
    all; the span is the clause's own words, spaces and all, and starts where they do."""
    (r,) = [r for r in extract(text) if r.span == span]
    assert text[r.start : r.start + len(r.span)] == r.span
    for name, value in fields.items():
        assert getattr(r, name) == value


def test_a_condition_s_number_and_a_subject_are_read_through_the_spaces():
    (r,) = extract(
        "经专家确认， 5 例以上疑似医院感染暴发的，医疗机构应当于 12 小时内向县卫生健康局报告。"
    )
    assert (r.applies_when.comparator, r.applies_when.value) == (">=", Decimal(5))
    assert r.applies_when.text in "经专家确认， 5 例以上疑似医院感染暴发的"
    assert (r.subject, r.value, r.unit) == ("医疗机构", Decimal(12), "hour")
    (g,) = extract(
        " 60 周岁以上参保人员按月领取基础养老金，其中 65 周岁以上的老年人每人每月加发 5 元。"
    )
    assert g.subject == "60 周岁以上参保人员"  # as written


def test_a_year_s_end_with_what_is_done_by_then_is_a_deadline_without_qian():
    """2017年底实现…: with no 前, no deadline was read (2017 年底 was year_end, by chance)."""
    (r,) = extract("完善机制，2017年底实现重点污染源在线监测。")
    assert r.due == {"rule": "date", "date": "2017-12-31"}
    (r,) = extract("2019年6月底完成验收。")
    assert r.due == {"rule": "date", "date": "2019-06-30"}


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("于２０２４年６月３０日前完成。", "due", {"rule": "date", "date": "2024-06-30"}),
        ("于 ２０２４ 年 ６ 月底前完成。", "due", {"rule": "date", "date": "2024-06-30"}),
        ("比例不低于１０％。", "value", Decimal(10)),
    ],
)
def test_full_width_digits_read_as_half_width_and_stay_as_written(text, field, value):
    """于２０２４年６月３０日前完成: no deadline was read (a year is 19xx or 20xx in ASCII)."""
    (r,) = extract(text)
    assert getattr(r, field) == value
    assert r.span == text[r.start : r.start + len(r.span)]
    assert any(digit in r.span for digit in "１２")  # as written
