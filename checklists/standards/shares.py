"""Shares of a whole in clause text: in words (百分之十, 千分之五, 三分之二, 三成, 半数以上), in
digits after the whole they are of (总数的2/3) or as a rate per a large whole (10/10万), and the
ratios a 比 names (师生比不低于1:15, read by ``ratios``), each as a percentage (or per mille).
Pure module (standard library, the comparator table and ``ratios``); ``quantities`` reads every
number with it.
"""

from __future__ import annotations

import re
from decimal import Decimal

from checklists.standards.comparators import comparator_after
from checklists.standards.numerals import MAGNITUDE, NUM, Qty, clean, value_of
from checklists.standards.ratios import ratios

#: 百分之十, 千分之五, 万分之五 (0.05%): a share written in words (exact: a percentage or per
#: mille); 三分之二:
#: a fraction, read as a percentage; 三成, 2.5成: tenths (30 %, 25 %).
_PARTS_OF = re.compile(
    rf"(?P<of>百|千|万|[二三四五六七八九十]|十[一二三四五六七八九])分之\s*(?P<n>{NUM})|"
    r"(?P<over>(?<![超经])过)?(?<!多)半数|"
    # (not 一成不变, 成员, 成本, 成效: words that begin with 成)
    r"(?<![\d.一二两三四五六七八九十百千万])(?P<tenths>[一二两三四五六七八九]|\d(?:\.\d)?)\s*成"
    r"(?![员本效果绩果品型交立熟功就为了不])"
)
#: A share of a whole written as a fraction in digits, after the whole it is of (总数的2/3,
#: 实际缴费2/3, 工资总额1/3).
_SLASHED = re.compile(r"(?<=[的费额数金入资])\s*(?P<n>\d{1,2})\s*/\s*(?P<of>\d{1,2})(?![\d/.])")
#: A rate per a large whole (孕产妇死亡率10/10万, 事故死亡率0.5/万, 抽检比例1/1000), not a scale
#: (1/500) nor a date (2024/1/5).
_PER_LARGE = re.compile(
    r"(?<![\d./])(?P<n>\d{1,4}(?:\.\d+)?)\s*/\s*"
    r"(?:(?P<of>10|100|1000)?\s*(?P<mag>万|千|百万|十万)|(?P<of2>1000|10000|100000))(?![\d/.])"
)
#: Who agree or attend after 经过半数 (表决应当经过半数的委员同意): 经 and 过半数, more than
#: half (not 经过 "passed through").
_AGREED = re.compile(
    r"(?:以上)?\s*的?[^，,。；;\d]{0,8}?(?:同意|通过|委员|成员|代表|业主|股东|出席|参加|表决)"
)
_AFTER_WORD = re.compile(r"\s*(?P<word>及以上|以上|及以下|以下|以内)")
#: Between two shares in words that make one range (千分之五以上千分之十以下, 千分之三至千分之五).
_A_SHARES_RANGE = re.compile(r"\s*(?:[至到～~、-]\s*)?")


def shares(masked: str, taken: list[tuple[int, int]]) -> list[Qty]:
    """Every share in the (masked) text, in %, ‰ or as a range of them, where no quantity
    already read (``taken``: start and end of each) overlaps it."""
    taken = list(taken)
    out: list[Qty] = []
    for m in (*_SLASHED.finditer(masked), *_PER_LARGE.finditer(masked)):
        # 总数的2/3: a share written as a fraction in digits, as a percentage (66.6667); 10/10万,
        # 0.5/万: a rate per a large whole, as a percentage too (0.01, 0.005)
        n = Decimal(m.group("n"))
        g = m.groupdict()
        whole = Decimal(g.get("of") or g.get("of2") or 1) * MAGNITUDE.get(g.get("mag") or "", 1)
        if whole == 0 or n > whole or any(a < m.end() and m.start() < b for a, b in taken):
            continue
        after = _AFTER_WORD.match(masked, m.end())
        out.append(
            Qty(
                m.start(),
                after.end() if after else m.end(),
                # (to four places, six for a large whole: 1/10万 is 0.001 %)
                clean(
                    (n * 100 / whole).quantize(Decimal("0.000001" if whole >= 1000 else "0.0001"))
                ),
                None,
                "%",
                comparator_after(after.group(0)) if after else None,
                True,
                after.group("word") if after else None,
            )
        )
        taken.append((m.start(), m.end()))
    for start, end, low, high in ratios(masked):
        # 师生比不低于1∶15: a ratio, as the percentage its first term is of its second
        if any(x < end and start < y for x, y in taken):
            continue
        high = None if high is None else clean(high)
        out.append(
            Qty(
                start,
                end,
                clean(low),
                high,
                "%",
                "range" if high is not None else None,
                True,
                None,
            )
        )
        taken.append((start, end))
    in_words: list[Qty] = []
    for m in _PARTS_OF.finditer(masked):
        # (半数以上: half or more, 50%; 过半数: more than half)
        value, of = (value_of(m.group("n")), m.group("of")) if m.group("n") else (Decimal(50), "百")
        if m.group("n") == m.group("of") == "百":
            value = Decimal(100)  # (整改率百分之百: all of it, as 100%)
        if m.group("tenths"):  # 三成: three tenths, 30 %
            value, of = value_of(m.group("tenths")), "百"
            value = None if value is None or value > 10 else value * 10
        if value is None or any(a < m.end() and m.start() < b for a, b in taken):
            continue
        unit = "‰" if of == "千" else "%"
        if of == "万":
            value = value / 100  # 万分之五: 0.05%
        elif of != "百":
            whole = value_of(of)
            if of != "千" and (whole is None or whole == 0 or value > whole):
                continue
            if of != "千":  # 三分之二: a fraction, as a percentage to 4 places (66.6667)
                value = (value * 100 / whole).quantize(Decimal("0.0001"))
        after = _AFTER_WORD.match(masked, m.end())
        comparator = comparator_after(after.group(0)) if after else None
        over = m.group("over") or (
            masked[max(0, m.start() - 2) : m.start()] == "经过" and _AGREED.match(masked, m.end())
        )
        comparator = ">" if over and comparator is None else comparator
        end = after.end() if after else m.end()
        word = after.group("word") if after else None
        # (a share in words is as exact as one in digits: 按合同金额的百分之五收取)
        share = Qty(m.start(), end, clean(value), None, unit, comparator, True, word)
        if in_words and _A_SHARES_RANGE.fullmatch(masked, in_words[-1].end, share.start):
            # 千分之五以上千分之十以下, 千分之三至千分之五: one range, as 5%至10% is
            first = in_words[-1]
            joined = masked[first.end : share.start].strip()
            if (joined not in ("", "、") and first.comparator is None) or (
                first.comparator == ">=" and share.comparator == "<="
            ):
                if first.unit == share.unit and first.low < share.low:
                    first.end, first.high, first.comparator = share.end, share.low, "range"
                    first.after = None
                    continue
        in_words.append(share)
        out.append(share)
    return out
