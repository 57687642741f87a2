"""A twenty-seventh round of the reading, found by probing it with clauses written for the
purpose (never from the bundled gazettes): scenic spots, taxis, parking, care homes, pharmacies.
Each case is a clear error a probe found, read as GUIDE.md (tests/data/reading_labels) says."""

from __future__ import annotations

from decimal import Decimal

import pytest

from checklists.standards.extraction import extract


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("旅游景区门票实行5折优惠。", Decimal(50)),
        ("门票实行五折优惠。", Decimal(50)),
        ("学生凭学生证享受门票8折优惠。", Decimal(80)),
        ("老年人乘坐公交车实行50%优惠。", Decimal(50)),
        # guard: a cut with a word that says so, as before
        ("价格实行9折。", Decimal(90)),
    ],
)
def test_a_price_cut_granted_is_its_share(text, value):
    (cut,) = extract(text)
    assert (cut.comparator, cut.value, cut.unit) == ("==", value, "%")


@pytest.mark.parametrize(
    ("text", "per", "value"),
    [
        ("养老机构每名护理员照护失能老年人不得超过4人。", "人", Decimal(4)),
        ("每名保育员负责幼儿不超过7名。", "人", Decimal(7)),
        ("每位护理员护理的老人不超过6人。", "人", Decimal(6)),
        ("每家药店至少配备1名执业药师。", "家", Decimal(1)),
        # guards: a period after the head is the amount's, as before
        ("每名学生每天体育活动时间不少于1小时。", "day", Decimal(1)),
        ("每名教师每周课时不超过16课时。", "week", Decimal(16)),
    ],
)
def test_the_heads_each_one_looks_after_are_per_head(text, per, value):
    (row,) = extract(text)
    assert (row.per, row.value) == (per, value)


@pytest.mark.parametrize(
    ("text", "value", "per", "per_count"),
    [
        ("出租汽车起步价为8元/3公里。", Decimal(8), "km", Decimal(3)),
        ("停车费5元/2小时。", Decimal(5), "hour", Decimal(2)),
        ("停车费5元/小时。", Decimal(5), "hour", None),
        # guard: a slash then its unit alone, as before
        ("排放浓度不超过50mg/m³。", Decimal(50), "m³", None),
    ],
)
def test_a_rate_per_so_many_after_its_slash_keeps_how_many(text, value, per, per_count):
    (row,) = extract(text)
    assert (row.value, row.per, row.per_count) == (value, per, per_count)


def test_an_average_price_reported_is_no_fee():
    assert extract("全市平均房价8000元/平方米。") == []
