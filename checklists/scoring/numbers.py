"""Exact numbers and dates: canonical decimal text, exact fractions, lenient parsing."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from decimal import Context, Decimal, Inexact, InvalidOperation, Overflow, Rounded
from fractions import Fraction
from typing import Any

from checklists.scoring.units import _nfkc

_ZERO_D = Decimal(0)
#: Multiplications in this context are exact or raise (then fractions are used instead).
_EXACT = Context(prec=120, traps=[Inexact, Rounded, InvalidOperation, Overflow])
_F0 = Fraction(0)
_F1 = Fraction(1)


def format_decimal(value: Decimal | int) -> str:
    """Canonical text of a decimal: no exponent, no trailing zeros, no ``-0``."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text in ("-0", "", "-"):
        return "0"
    return text


def _terminating(value: Fraction) -> int | None:
    """Decimal places needed to write ``value`` exactly, None if it does not terminate."""
    den = value.denominator
    twos = fives = 0
    while den % 2 == 0:
        den //= 2
        twos += 1
    while den % 5 == 0:
        den //= 5
        fives += 1
    return max(twos, fives) if den == 1 else None


def format_fraction(value: Fraction | int) -> str:
    """Exact text of a fraction: ``"12.5"`` when it terminates, else ``"2/3"``."""
    value = Fraction(value)
    places = _terminating(value)
    if places is None:
        return f"{value.numerator}/{value.denominator}"
    scaled = value.numerator * 10**places // value.denominator
    return format_decimal(Decimal(f"{scaled}E-{places}"))


def _approx(value: Fraction, places: int = 4) -> tuple[bool, str]:
    """(exact?, text): exact decimal text, or rounded half up to ``places`` decimals."""
    if _terminating(value) is not None:
        return True, format_fraction(value)
    sign = "-" if value < 0 else ""
    scaled = (abs(value) * 10**places * 2 + 1) // 2
    return False, sign + format_decimal(Decimal(f"{scaled}E-{places}"))


def _round_half_up_1(value: Fraction) -> Decimal:
    """``value`` (>= 0) rounded to one decimal, halves up."""
    tenths = (value.numerator * 20 + value.denominator) // (value.denominator * 2)
    return Decimal(f"{tenths // 10}.{tenths % 10}")


#: The most significant digits a number (an answer or a rule's threshold) may have: what a phone
#: (a binary double) still holds exactly, and more than any measurement needs.
MAX_DIGITS = 15


def significant_digits(value: Decimal) -> int:
    """Digits of finite ``value`` written out without exponent, from the first non-zero digit,
    trailing zeros of a fraction not counted: 12.50 → 3, 1000 → 4, 0.05 → 1, 0 → 1."""
    _sign, digits, exp = value.as_tuple()
    assert isinstance(exp, int), "finite values only"
    if exp < 0:
        cut = 0
        while cut < -exp and cut < len(digits) and digits[-1 - cut] == 0:
            cut += 1
        written = len(digits) - cut
    else:
        written = len(digits) + exp
    lead = next((i for i, d in enumerate(digits) if d), len(digits))
    return max(written - lead, 1)


_NUM_RE = re.compile(r"([+-]?)((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)(.*)", re.S)


def _to_decimal(value: Any) -> tuple[Decimal, str]:
    """(decimal, trailing text) or raise ValueError; bool is not a number."""
    kind = type(value)
    if kind is int:
        return Decimal(value), ""
    if kind is str:
        text = value
        if not text.isascii() or " " in text:
            text = "".join(unicodedata.normalize("NFKC", text).split())
        match = _NUM_RE.fullmatch(text)
        if match is None:
            raise ValueError(value)
        sign, digits, rest = match.groups()
        if "," in digits:
            digits = digits.replace(",", "")
        if "." in digits:
            digits = digits.rstrip("0").rstrip(".") or "0"
        number = Decimal(sign + digits) if sign == "-" else Decimal(digits)
        return (_ZERO_D if number == 0 else number), rest
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, int):
        return Decimal(int(value)), ""
    if isinstance(value, Decimal):
        number = value
    elif isinstance(value, float):
        number = Decimal(repr(value))
    elif isinstance(value, Fraction) and _terminating(value) is not None:
        number = Decimal(format_fraction(value))
    else:
        raise ValueError(value)
    if not number.is_finite():
        raise ValueError(value)
    return Decimal(format_decimal(number)), ""


_DATE_RE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def _to_date(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        match = _DATE_RE.fullmatch(_nfkc(value))
        if match:
            return date(*(int(g) for g in match.groups()))  # ValueError for 2024-02-30
    raise ValueError(value)
