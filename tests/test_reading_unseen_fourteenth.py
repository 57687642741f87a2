"""A fourteenth round of the reading, found by probing it with clauses written for the purpose
(never from the bundled gazettes): wages and labour, building sites, swimming pools, internet
cafés, petrol stations, rivers and floods, school buses, public housing and funerals. Each case
is a clear error a probe found, read as GUIDE.md (tests/data/reading_labels) says."""

from __future__ import annotations

from decimal import Decimal

import pytest

from checklists.standards.extraction import extract


@pytest.mark.parametrize(
    ("text", "comparator", "value", "unit"),
    [
        ("职工月工资不得低于当地最低工资标准1820元。", ">=", Decimal(1820), "元"),
        ("试用期工资不得低于本单位相同岗位最低档工资的80%。", ">=", Decimal(80), "%"),
        ("职工月工资应当高于最低工资标准1820元。", ">", Decimal(1820), "元"),
        # guards: the extreme alone still compares (a floor, a cap)
        ("最低工资标准为每月2100元。", ">=", Decimal(2100), "元"),
        ("补助标准为最高5000元。", "<=", Decimal(5000), "元"),
    ],
)
def test_an_extreme_after_a_comparison_names_what_is_compared_with(text, comparator, value, unit):
    """职工月工资不得低于当地最低工资标准1820元: at least 1820 yuan. 最低 (the wage floor's name)
    was read as the comparison and 不得 then negated it, so the wage had to be under 1820 yuan:
    every lawful employer failed. After 低于/高于… the extreme names what is compared with."""
    (r,) = extract(text)
    assert (r.comparator, r.value, r.unit) == (comparator, value, unit)
