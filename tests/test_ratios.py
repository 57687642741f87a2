"""The ratios module: which ratios a 比 names, and each as a share (table-driven), plus a
property: a range of ratios always comes out smaller share first."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checklists.standards.ratios import ratios, unnamed_blanked


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("师生比不低于1:15", [(Decimal("6.6667"), None)]),
        ("按1:1的比例给予补助", [(Decimal(100), None)]),
        ("比例为全日制1:5至1:7", [(Decimal("14.2857"), Decimal(20))]),
        ("比例为全日制1:5至1:7，半日制1:8至1:10", [(Decimal("14.2857"), Decimal(20)), (10, 12.5)]),
        # no 比 names them: blanked, no share
        ("三次产业结构调整为17.4:48.6:34", []),
        ("按照5:5比例分担", []),
        ("会议于14:30开始", []),
    ],
)
def test_ratios_named_and_their_shares(text, found):
    got = [(low, high) for _s, _e, low, high in ratios(unnamed_blanked(text))]
    assert got == [(Decimal(str(a)), None if b is None else Decimal(str(b))) for a, b in found]


def test_blanking_keeps_offsets():
    text = "三次产业结构调整为17.4:48.6:34，师生比不低于1:15"
    assert len(unnamed_blanked(text)) == len(text)


@given(st.integers(1, 99), st.integers(1, 99), st.integers(1, 99), st.integers(1, 99))
def test_a_range_of_ratios_is_ordered(a, b, c, d):
    text = f"人员比例为{a}:{b}至{c}:{d}"
    ((_s, end, low, high),) = list(ratios(unnamed_blanked(text)))
    assert end == len(text)
    assert low <= high
    assert {low, high} == {
        (Decimal(a) * 100 / Decimal(b)).quantize(Decimal("0.0001")),
        (Decimal(c) * 100 / Decimal(d)).quantize(Decimal("0.0001")),
    }
