"""统一社会信用代码 check (GB 32100-2015)."""

from __future__ import annotations

import pytest

from checklists.accounts.creditcode import CreditCodeError, check_character, normalise_credit_code


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("91350100M000100Y43", "91350100M000100Y43"),  # the standard's worked example
        ("91350100m000100y43", "91350100M000100Y43"),  # lower case accepted, stored upper
        (" 91350100 M000100Y43 ", "91350100M000100Y43"),  # spaces dropped
        ("911100001011100070", "911100001011100070"),  # check character 0 (31 maps to 0)
    ],
)
def test_valid_codes(raw, expected):
    assert normalise_credit_code(raw) == expected


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("91350100M000100Y44", "check"),  # wrong check character
        ("91350100M000100Y4", "length"),  # 17 characters
        ("91350100M000100Y433", "length"),  # 19 characters
        ("", "length"),
        ("91350100M000100YI3", "alphabet"),  # I is not in the alphabet
        ("91350100M000100YO3", "alphabet"),  # O neither
        ("９１350100M000100Y43", "alphabet"),  # full-width digits
    ],
)
def test_invalid_codes(raw, reason):
    with pytest.raises(CreditCodeError) as info:
        normalise_credit_code(raw)
    assert info.value.reason == reason


def test_check_character_for_every_alphabet_position_is_consistent():
    body = "91350100M000100Y"
    for ch in "0123456789ABCDEFGHJKLMNPQRTUWXY":
        code = body + ch
        code += check_character(code)
        assert normalise_credit_code(code) == code
