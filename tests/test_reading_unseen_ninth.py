"""A ninth round of the reading, found by probing it with clauses written for the purpose
(never from the bundled gazettes): elderly care, childcare, guesthouses, property management,
parking, funeral homes, internet cafés, slaughterhouses, reservoirs, medical waste, fuel
stations, cold stores, heating. Each case is a clear error a probe found, read as GUIDE.md
(tests/data/reading_labels) says."""

from __future__ import annotations

from decimal import Decimal

import pytest

from checklists.standards.extraction import extract


@pytest.mark.parametrize(
    ("text", "comparator", "value"),
    [
        ("公共场所禁止吸烟标识设置率达到100%。", ">=", Decimal(100)),
        ("禁止吸烟标志设置率不低于95%。", ">=", Decimal(95)),
        ("禁止通行标志设置数量不少于2块。", ">=", Decimal(2)),
        ("严禁烟火警示牌数量不少于3块。", ">=", Decimal(3)),
        # a ban that a sign is the object of stays a ban
        ("严禁设置广告标牌超过3块。", "<=", Decimal(3)),
        ("禁止存放超过5公斤的易燃物品。", "<=", Decimal(5)),
    ],
)
def test_a_sign_that_says_a_ban_does_not_turn_its_number_round(text, comparator, value):
    """禁止吸烟标识设置率达到100%: the sign's words ban smoking, not reaching 100 %. Read as a
    ban, the rate became < 100 %, so a place with every sign up failed."""
    (r,) = extract(text)
    assert (r.comparator, r.value) == (comparator, value)
