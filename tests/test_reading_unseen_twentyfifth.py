"""A twenty-fifth round of the reading, found by probing it with clauses written for the
purpose (never from the bundled gazettes): building-site dust, kitchen fumes, medical waste,
care homes, ride-hailing and taxis, fishing bans, factory noise, wages, talent subsidies, loan
interest, fuel stations, fireworks, pharmacies and cold stores. Each case is a clear error a
probe found, read as GUIDE.md (tests/data/reading_labels) says."""

from __future__ import annotations

from decimal import Decimal

import pytest

from checklists.standards.extraction import extract


@pytest.mark.parametrize(
    ("text", "kind", "case", "value"),
    [
        ("行驶里程达到60万千米的强制报废。", "presence", "行驶里程达到60万千米", "600000"),
        ("超过30日未缴纳的按日加收万分之五的滞纳金。", "ratio", "超过30日", "30"),
        ("月度考核得分低于60分的通报批评。", "presence", "月度考核得分低于60分", "60"),
        ("累计3次被投诉的取消其经营资格。", "presence", "累计3次", "3"),
    ],
)
def test_a_number_s_ones_then_what_befalls_them_with_no_comma_is_a_case(text, kind, case, value):
    """行驶里程达到60万千米的强制报废: cars driven that far are scrapped. With no comma between the
    ones and what befalls them, only a few sanctions' verbs (予以, 责令, 取消 right after 的) were
    read so: the mileage was a requirement of its own (≥ 600000 km: a new car failed), and so
    was 超过30日 before 未缴纳的按日加收…."""
    (found,) = extract(text)
    assert found.kind == kind
    assert found.applies_when.text == case
    assert found.applies_when.value == Decimal(value)


@pytest.mark.parametrize(
    "text",
    [
        # guards: a number of the duty's own after a modal word; a fine's amount
        "企业应当每年至少2次的开展演练。",
        "处5000元以上1万元以下的罚款。",
    ],
)
def test_a_duty_s_own_number_is_no_case(text):
    assert all(found.applies_when is None for found in extract(text))
