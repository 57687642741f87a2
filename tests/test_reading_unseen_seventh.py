"""A seventh round of the reading, found by probing it with clauses written for the purpose
(never from the bundled gazettes): river chiefs, school canteens, rural water supply, task-division
tables, schooling and elderly allowances. Each case is a clear error a probe found, read as
GUIDE.md (tests/data/reading_labels) says."""

from __future__ import annotations

import pytest

from checklists.standards.extraction import extract


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("义务教育阶段辍学学生，由乡镇人民政府劝返复学。", "乡镇人民政府"),
        (
            "辍学学生，由乡镇人民政府、村（居）民委员会劝返复学。",
            "乡镇人民政府、村（居）民委员会",
        ),
        ("流浪乞讨人员，由县民政局甄别安置。", "县民政局"),
    ],
)
def test_by_a_party_then_a_verb_no_list_knows_is_a_duty_of_that_party(text, who):
    """由…劝返复学: the party named as acting (GUIDE 2), whatever its verb."""
    (r,) = extract(text)
    assert r.subject == who and r.subject_kind == "authority"


@pytest.mark.parametrize(
    "text",
    ["办公室主任由县民政局局长兼任。", "领导小组组长由王某某同志担任。"],
)
def test_who_holds_a_post_is_no_duty(text):
    """主任由…局长兼任: who holds a post, nothing to do."""
    assert extract(text) == []
