"""A sixth round of the reading, found by probing it with clauses written for the purpose (never
from the bundled gazettes): employment subsidies, fund management, care homes, school buses and
more. Each case is a clear error a probe found, read as GUIDE.md (tests/data/reading_labels)
says."""

from __future__ import annotations

import pytest

from checklists.standards.extraction import extract


@pytest.mark.parametrize(
    "text",
    [
        "申领社会保险补贴的期限最长不超过3年，距法定退休年龄不足5年的，可延长至退休。",
        "补贴期限不超过2年，从事特殊工种满10年的，可以适当延长。",
    ],
)
def test_the_ones_a_permission_after_a_comma_is_for_are_its_condition(text):
    """…，X不足5年的，可…: which ones may (GUIDE 3), not a permission row of their own."""
    limit, allowed = extract(text)
    assert limit.comparator == "<=" and limit.applies_when is None
    assert allowed.modality == "permission" and allowed.value is None
    assert allowed.applies_when is not None and allowed.applies_when.value in (5, 10)
    assert allowed.applies_when.comparator in ("<", ">=")
