"""A seventeenth round of the reading, found by probing it with clauses written for the purpose
(never from the bundled gazettes): working hours and rest, parking and taxi tariffs, late fees,
staffing by headcount, construction sites, lifts, cold stores. Each case is a clear error a probe
found, read as GUIDE.md (tests/data/reading_labels) says."""

from __future__ import annotations

from decimal import Decimal

import pytest

from checklists.standards.extraction import extract


@pytest.mark.parametrize(
    ("text", "value", "unit", "per", "per_count"),
    [
        ("连续工作每满4小时，应安排休息不少于20分钟。", Decimal(20), "minute", "hour", Decimal(4)),
        ("每超过2小时，加收停车费2元。", Decimal(2), "元", "hour", Decimal(2)),
        ("每增加10人，应增配1名管理人员。", Decimal(1), "名", "人", Decimal(10)),
        ("每逾期三日，加收滞纳金100元。", Decimal(100), "元", "day", Decimal(3)),
        ("每满5年发放一次奖励500元。", Decimal(500), "元", "year", Decimal(5)),
        # guards: a step of one, and so many before a time in the same phrase, as before
        ("每超过1小时，加收停车费2元。", Decimal(2), "元", "hour", None),
        ("每满一年增发100元。", Decimal(100), "元", "year", None),
        ("每4小时停车休息不少于20分钟。", Decimal(20), "minute", "hour", Decimal(4)),
    ],
)
def test_a_step_of_more_than_one_is_what_the_amount_after_it_is_per(
    text, value, unit, per, per_count
):
    """连续工作每满4小时，应安排休息不少于20分钟: twenty minutes' rest for each four hours worked.
    A step (每满, 每超过, 每增加, 每逾期) was read only when it was one of its unit, so the rest had
    no per at all and a driver resting once a day complied; 每超过2小时加收2元 was a flat 2 yuan.
    A step of so many is what the amount is per, and how many of it (per_count)."""
    r = extract(text)[-1]
    assert (r.value, r.unit, r.per, r.per_count) == (value, unit, per, per_count)


@pytest.mark.parametrize(
    ("text", "comparator"),
    [
        ("每满2年增加1天年休假。", "=="),
        ("工龄每满1年，增加年休假1天。", "=="),
        # guards: an amount added with no step is a change by at least that much, as before
        ("重污染天数减少25%。", ">="),
        ("职工年休假增加1天。", ">="),
    ],
)
def test_what_a_step_adds_is_fixed(text, comparator):
    """每满2年增加1天年休假: one more day for each two years, no more, no less. 每满 was read as
    a bound (满2年: at least two years) and 增加 as a change by at least that much, so the day
    became "at least one day". A comparison word right after 每 is the step's, and what a step
    adds is fixed."""
    assert extract(text)[-1].comparator == comparator
