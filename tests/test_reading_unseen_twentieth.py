"""A twentieth round of the reading, found by probing it with clauses written for the purpose
(never from the bundled gazettes): fireworks shops, e-bike charging, cold chains, shared bikes,
tutoring, wage deposits, rented homes, cemeteries, tailings dams, parcels, waste sorting. Each
case is a clear error a probe found, read as GUIDE.md (tests/data/reading_labels) says."""

from __future__ import annotations

from decimal import Decimal

import pytest

from checklists.standards.extraction import extract


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("尾矿库下游1公里范围内存在居民的，应当每季度开展1次安全评价。", None),
        ("矿山应当每月开展1次隐患排查。", "矿山"),
        # guards: a mine is a party; tailings opening the duty's phrase were none already
        ("煤矿应当每月开展1次隐患排查。", "煤矿"),
        ("尾矿库应当每季度开展1次安全评价。", None),
    ],
)
def test_tailings_are_no_mine(text, subject):
    """尾矿库下游…存在居民的，应当每季度开展1次安全评价: the subject was 尾矿, for a mine's name
    ends with 矿. Tailings (尾矿) are what a mine leaves, and 矿 before 库, 区, 井… is part of
    a thing's name, not a party's. 矿山 was cut to 矿 likewise (矿 before 山)."""
    (r,) = extract(text)
    assert (r.subject, r.per) == (subject, "quarter" if "季度" in text else "month")


def test_a_case_of_goods_is_counted():
    """每个零售点存放的烟花爆竹不得超过1箱: at most one case. 箱 was no counting word, so the
    clause was read as a duty with no number."""
    (r,) = extract("每个零售点存放的烟花爆竹不得超过1箱。")
    assert (r.kind, r.comparator, r.value, r.unit) == ("count", "<=", Decimal(1), "箱")
    (r,) = extract("配电箱应当每月检查1次。")
    assert (r.unit, r.per) == ("次", "month")
