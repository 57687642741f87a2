"""统一社会信用代码 (unified social credit code) check, per GB 32100-2015. Pure module.

The code has 18 characters from a 31-character alphabet (digits and upper-case letters
without I, O, Z, S, V). The last one is a check character: with weights 3^i mod 31 over the
first 17, ``check = 31 - (sum mod 31)``, and 31 maps to 0.
"""

from __future__ import annotations

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_VALUE = {ch: i for i, ch in enumerate(ALPHABET)}


class CreditCodeError(ValueError):
    """A code that is not a valid 统一社会信用代码; ``reason`` is a short code for the cause."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


def check_character(first17: str) -> str:
    """Return the check character for the first 17 characters of a code."""
    total = sum(_VALUE[ch] * weight for ch, weight in zip(first17, WEIGHTS, strict=True))
    return ALPHABET[(31 - total % 31) % 31]


def normalise_credit_code(raw: str) -> str:
    """Return the code in upper case without spaces, or raise CreditCodeError.

    Messages are plain English msgids: callers translate them (the views and the CLI).
    """
    code = "".join(raw.split()).upper()
    if len(code) != 18:
        raise CreditCodeError("length", "must have 18 characters")
    bad = sorted({ch for ch in code if ch not in _VALUE})
    if bad:
        raise CreditCodeError("alphabet", "contains characters that are not allowed")
    if check_character(code[:17]) != code[17]:
        raise CreditCodeError("check", "the check character does not match")
    return code
