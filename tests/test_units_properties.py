"""Unit conversions, as properties (hypothesis): exact, reversible, order-keeping, and rates
(千克/小时, 微克/立方米, 元/吨, 元/吨·公里) converting part by part."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checklists.scoring.errors import AnswerError
from checklists.scoring.units import UNITS, canonical_unit, convert

_SAME = [(a.symbol, b.symbol) for group in UNITS.values() for a in group for b in group]
_VALUES = st.decimals(min_value=0, max_value=10**9, places=3, allow_nan=False)


@given(st.sampled_from(_SAME), _VALUES)
def test_converting_there_and_back_is_exact(pair, value):
    a, b = pair
    assert convert(convert(value, a, b), b, a) == Fraction(value)


@given(st.sampled_from(_SAME), _VALUES, _VALUES)
def test_converting_keeps_the_order(pair, x, y):
    a, b = pair
    assert (x < y) == (convert(x, a, b) < convert(y, a, b))


@given(st.sampled_from(_SAME), st.sampled_from(_SAME), _VALUES)
def test_a_rate_converts_part_by_part(top, bottom, value):
    (a, b), (c, d) = top, bottom
    expected = Fraction(value) * convert(1, a, b) / convert(1, c, d)
    assert convert(value, f"{a}/{c}", f"{b}/{d}") == expected


@pytest.mark.parametrize(
    ("value", "source", "target", "expected"),
    [
        (20, "千克/小时", "t/day", Fraction(12, 25)),
        (60, "微克/立方米", "mg/m³", Fraction(3, 50)),
        (200, "元/吨", "元/kg", Fraction(1, 5)),
        (Decimal("0.29"), "m", "cm", Fraction(29)),
        (1, "亩", "m²", Fraction(2000, 3)),
        # a rate per a product of two (元/吨·公里: freight per tonne and kilometre carried)
        (Decimal("0.5"), "元/吨·公里", "元/kg·km", Fraction(1, 2000)),
        (3, "元/t·km", "元/t·m", Fraction(3, 1000)),
    ],
)
def test_rows(value, source, target, expected):
    assert convert(value, source, target) == expected


def test_rates_are_written_canonically_and_refused_across_dimensions():
    assert canonical_unit("千克/小时") == "kg/hour"
    assert canonical_unit("辆/班") == "辆/班"  # counter words only match themselves
    with pytest.raises(AnswerError):
        convert(1, "kg/hour", "kg/m³")
    assert canonical_unit("元/吨·公里") == "元/t·km"
    with pytest.raises(AnswerError):
        convert(1, "元/t·km", "元/t")  # (per tonne-kilometre is not per tonne)


@given(st.sampled_from(_SAME), st.sampled_from(_SAME), _VALUES)
def test_a_rate_per_a_product_converts_part_by_part(first, second, value):
    (a, b), (c, d) = first, second
    expected = Fraction(value) / (convert(1, a, b) * convert(1, c, d))
    assert convert(value, f"元/{a}·{c}", f"元/{b}·{d}") == expected
