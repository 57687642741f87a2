"""A twenty-ninth round of the reading, found by probing it with clauses written for the
purpose (never from the bundled gazettes): city cleaning, dogs, parking, night works.
Each case is a clear error a probe found, read as GUIDE.md (tests/data/reading_labels) says."""

from __future__ import annotations

import pytest

from checklists.standards.extraction import extract


@pytest.mark.parametrize(
    ("text", "activities"),
    [
        ("机械化清扫每日不少于2次，洒水每日不少于4次。", ("机械化清扫", "洒水")),
        ("巡查每周不少于1次，检查每月不少于2次。", ("巡查", "检查")),
        ("日常巡检每日不少于1次，应急演练每年不少于2次。", ("日常巡检", "应急演练")),
    ],
)
def test_activities_counted_side_by_side_are_each_a_frequency_for_all(text, activities):
    rows = extract(text)
    assert [r.kind for r in rows] == ["frequency", "frequency"]
    assert all(r.applies_when is None for r in rows)
    assert all(r.span.startswith(a) for r, a in zip(rows, activities, strict=True))


def test_classes_then_what_they_do_counted_are_still_classes():
    rows = extract("重点单位每月检查不少于1次，一般单位每季度检查不少于1次。")
    assert [r.applies_when.text for r in rows if r.applies_when] == ["重点单位", "一般单位"]
