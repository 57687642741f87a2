"""An eighth round of the reading, found by probing it with clauses written for the purpose
(never from the bundled gazettes): building sites, forest fire, lifts, swimming pools, waste
sorting, taxis, pharmacies. Each case is a clear error a probe found, read as GUIDE.md
(tests/data/reading_labels) says."""

from __future__ import annotations

import pytest

from checklists.standards.extraction import extract


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("投放点每300户至少设置1处，服务半径宜为100米。", None),
        ("新建小区绿地率不低于30%，人均公共绿地宜达到2平方米。", None),
        ("投放点宜每300户设置1处，服务半径不超过100米。", "advisory"),
    ],
)
def test_a_soft_word_softens_what_follows_it_not_the_number_before_it(text, first):
    """…至少设置1处，服务半径宜为100米: 宜 is the second limit's word only, as 原则上 is."""
    assert extract(text)[0].modality == first
