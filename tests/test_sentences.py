"""The index of a sentence's requirement spans (sentences.SpanIndex), asked which overlap a
phrase: as a property (hypothesis), the same answer as reading every span."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from checklists.standards.sentences import SpanIndex

_SPANS = st.lists(
    st.tuples(st.integers(0, 60), st.integers(1, 30), st.booleans()).map(
        lambda t: (t[0], t[0] + t[1], t[2])
    ),
    max_size=25,
)


@given(_SPANS, st.integers(0, 90), st.integers(1, 40))
def test_the_spans_a_phrase_overlaps_are_those_read_one_by_one(spans, a, length):
    b = a + length
    expected = [k for k, (t0, t1, _d) in enumerate(spans) if t0 < b and a < t1]
    assert SpanIndex(spans).overlapping(a, b) == expected


def test_nested_and_touching_spans():
    """A span inside a longer one, and one that ends where the phrase starts (not overlapping)."""
    spans = [(0, 50, False), (10, 12, True), (20, 30, False), (30, 40, False)]
    index = SpanIndex(spans)
    assert index.overlapping(30, 35) == [0, 3]
    assert index.overlapping(12, 20) == [0]
    assert index.overlapping(50, 60) == []
