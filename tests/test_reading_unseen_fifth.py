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
