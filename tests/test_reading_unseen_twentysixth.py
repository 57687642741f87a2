"""A twenty-sixth round of the reading, found by probing it with clauses written for the
purpose (never from the bundled gazettes): fire codes, boilers, building-site monitoring, flood
patrols, buses, schools and care homes. Each case is a clear error a probe found, read as
GUIDE.md (tests/data/reading_labels) says."""

from __future__ import annotations

from decimal import Decimal

import pytest

from checklists.standards.extraction import extract


@pytest.mark.parametrize(
    ("text", "case", "comparator"),
    [
        ("单台容量小于或者等于10蒸吨的燃煤锅炉应当予以淘汰。", "10蒸吨的燃煤锅炉", "<="),
        ("单台容量小于等于10蒸吨的燃煤锅炉应当淘汰。", "10蒸吨的燃煤锅炉", "<="),
        ("容量在10蒸吨以下的燃煤锅炉须拆除。", "10蒸吨以下的燃煤锅炉", "<="),
        # guard: no modal word, as before
        ("单台容量小于或者等于10蒸吨的燃煤锅炉一律淘汰。", "10蒸吨的燃煤锅炉", "<="),
    ],
)
def test_the_things_done_away_with_end_before_the_modal_word(text, case, comparator):
    """…的燃煤锅炉应当予以淘汰: the boilers that small are to go. The things were read up to
    the verb, so the case's words took the modal word in (10蒸吨的燃煤锅炉应当予以) and an author
    saw them as the condition."""
    (found,) = extract(text)
    assert found.applies_when.text == case
    assert found.applies_when.comparator == comparator
    assert found.applies_when.value == Decimal("10")
    assert found.modality is not None


@pytest.mark.parametrize(
    ("text", "case", "per"),
    [
        ("变形较大时每天观测1次。", "变形较大时", "day"),
        ("发生险情时每小时报告1次。", "发生险情时", "hour"),
        ("客流高峰时每5分钟发车1班。", "客流高峰时", None),
    ],
)
def test_an_event_right_before_how_often_is_when_it_holds(text, case, per):
    """变形较大时每天观测1次: daily only while the ground moves much. A time or an event (…时)
    with no comma before how often was read only as a stretch of time (…期间); the event was
    lost and the daily round read as always due."""
    (found,) = extract(text)
    assert found.applies_when is not None
    assert found.applies_when.text == case
    assert found.kind == "frequency"
    assert found.per == per


@pytest.mark.parametrize(
    "text",
    [
        # guards: 同时, 及时 are no event; a lesson's hour (课时) neither
        "企业应当建立台账，同时每月报送1次。",
        "企业应当及时每月报送1次。",
        "上课时每节课不超过45分钟。",
    ],
)
def test_words_ending_in_shi_that_are_no_event_make_no_case(text):
    assert all(r.applies_when is None for r in extract(text))
