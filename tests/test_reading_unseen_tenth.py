"""A tenth round of the reading, found by probing it with clauses written for the purpose
(never from the bundled gazettes): appointment and nomination notices, work reports and
bulletins. Each case is a clear error a probe found, read as GUIDE.md (tests/data/reading_labels)
says."""

from __future__ import annotations

import pytest

from checklists.standards.extraction import extract


@pytest.mark.parametrize(
    "text",
    [
        "经市政府研究，决定：任命王明为市交通运输局局长；免去李华的市交通运输局局长职务。",
        "市人民政府决定：聘任陈静为市政府参事。",
        # a nominee's record in a 公示 (name, sex, birth, what they are and are to be)
        "张三，男，1975年3月出生，汉族，大学学历，现任某县副县长，拟任某局局长。",
        "李四同志，女，1980年5月生，中共党员，研究生学历，拟提名为市财政局副局长人选。",
        # the nominations a 公示 announces
        "经考察，拟提拔任用以下2名同志。",
        "拟任用张三为市财政局副局长。",
    ],
)
def test_what_an_appointment_notice_does_or_proposes_is_no_requirement(text):
    """决定：任命…, a nominee's record, 拟提拔任用以下2名同志: the notice appoints or proposes;
    nobody is to do anything. Each was a presence row to check."""
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        # the objection a 公示 invites is a permission of its own
        (
            "对公示对象有异议的，可在公示期间以书面形式向市委组织部反映。",
            ["可在公示期间以书面形式向市委组织部反映"],
        ),
        # a rule about appointments binds whoever appoints
        ("拟任人选应当在本单位公示，公示期不少于5个工作日。", None),
    ],
)
def test_rules_about_appointments_are_still_read(text, spans):
    found = extract(text)
    assert found
    if spans is not None:
        assert [r.span for r in found] == spans


def test_how_a_nominee_was_chosen_is_no_case_of_the_notice_period():
    """经考察，拟提拔任用以下2名同志，公示期为5个工作日: 经考察 is how they were chosen, like
    经研究; it was the condition of the notice period, and the nomination a presence row."""
    (r,) = extract("经考察，拟提拔任用以下2名同志，公示期为5个工作日。")
    assert (r.span, r.applies_when) == ("公示期为5个工作日", None)
