"""Numbers as written in clause text: the pattern of one (digits, Chinese or financial
numerals, half of a time), its value, the magnitudes in words, and ``Qty``, a number found with
its unit and the comparison written after it. Pure module (standard library and ``cn2an``);
``quantities`` and ``shares`` read numbers with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

import cn2an

#: A number as written: digits (with a decimal point) or Chinese numerals.
NUM = (
    # (an amount in financial numerals: 贰佰元, 壹仟伍佰元)
    # (一万五千元: 万 inside one number; 一万元 alone is a magnitude after it)
    r"(?:\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+(?:[万亿][零〇一二两三四五六七八九十百千]+)*"
    r"(?:点[零〇一二三四五六七八九]+)?|"
    r"[壹贰叁肆伍陆柒捌玖][壹贰叁肆伍陆柒捌玖拾佰仟零万]*|"
    # half of a time (半年内, 半个月, 半小时, 超过半年): not 每半年, 上半年 (periods), 一年半,
    # 半年度, 过半 (more than half)
    r"(?<![每上下前后近多大一二三四五六七八九十两\d])(?<!(?<!超)过)半(?=\s*(?:个月|小时|年(?!度)|天)))"
)

#: The most digits before the point a number read as a quantity may have: a threshold's
#: (``scoring.numbers.MAX_DIGITS``); a longer one is an account or a reference number.
MAX_DIGITS = 15

#: A magnitude in words (1 万亩, 10/10万, 0.5/千): one table for the amounts and the rates.
MAGNITUDE = {
    "千": Decimal(1000), "万": Decimal(10000), "十万": Decimal(100000),
    "百万": Decimal(1000000), "亿": Decimal(100000000),
}  # fmt: skip


def value_of(s: str) -> Decimal | None:
    """Decimal value of an Arabic or Chinese numeral; None for one no quantity has (longer
    than ``MAX_DIGITS`` digits, whose 万 or 亿 would overflow the decimal context)."""
    s = s.strip()
    try:
        if re.fullmatch(r"\d+(?:\.\d+)?", s):
            value = Decimal(s)
        elif s == "半":
            value = Decimal("0.5")
        else:
            value = Decimal(str(cn2an.cn2an(s, "smart")))
    except (InvalidOperation, ValueError, KeyError, TypeError):
        return None
    return value if value.is_finite() and value.adjusted() < MAX_DIGITS else None


def clean(d: Decimal) -> Decimal:
    """1.5 × 10000 → 15000 rather than 1.5E+4; 0.40 → 0.4."""
    if d == d.to_integral_value():
        return d.quantize(Decimal(1))
    return d.normalize()


@dataclass
class Qty:
    start: int
    end: int
    low: Decimal
    high: Decimal | None
    unit: str
    comparator: str | None
    arabic: bool
    after: str | None
    per: str | None = None
    #: An inclusivity marker written right after the unit, with no 以上/以下 to carry it
    #: (超过5万元（含本数）, 不超过3米（不含）): it decides the comparison written before.
    mark: str | None = None
    #: A range's ends: included unless a marker leaves one out (10吨（含）至100吨（不含）).
    low_inclusive: bool = True
    high_inclusive: bool = True
    #: How many of what it is per, written after its slash (8元/3公里: 3, per km).
    per_count: Decimal | None = None
