"""Ratios in clause text (师生比不低于1:15, 全日制1:5至1:7): which ratios a 比 names, and so
state a requirement (the others, 17.4:48.6:34 or how a cost is split, are blanked), and each
named ratio or range of ratios as the share its first term is of its second. Pure module
(standard library only); ``quantities`` reads every number with it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

#: A split between parties after a ratio (按照5:5比例分担, 按6:4的比例承担).
_SHARED_BY = re.compile(r"\s*的?比例\s*(?:分担|负担|承担|分摊|分配|配套|分成|共担)")
#: A ratio, then a comma and the next class's short name, right before another (…全日制1:5，
#: 半日制1:8).
_NEXT_CLASS_RATIO = re.compile(r"\d\s*[:：∶]\s*\d+(?:\.\d+)?\s*[，,、；;]\s*[\u4e00-\u9fff]{1,6}$")
#: A ratio, then the dash of a range, right before another (1:5至1:7).
_RATIO_TO = re.compile(r"(?<![\d.])\d+(?:\.\d+)?\s*[:：∶]\s*\d+(?:\.\d+)?\s*[至到～~—-]$")
#: Ratios (from the first digit of a run only: tried from each digit of a long run of digits,
#: the search took time quadratic in its length).
_RATIOS = re.compile(r"(?<!\d)\d+(?:\.\d+)?\s*[:：∶]\s*\d+(?:\.\d+)?(?P<third>\s*[:：∶]\s*\d+)?")
#: A ratio of two numbers (1:4, 1∶15), left unmasked only beside 比 (师生比, 配比, 1:1的比例).
_RATIO = re.compile(
    r"(?<![\d.:：∶])(?P<a>\d{1,4}(?:\.\d+)?)\s*[:：∶]\s*(?P<b>\d{1,4}(?:\.\d+)?)(?![\d.:：∶])"
)
#: The dash of a range, then its far end, after a ratio (1:5至1:7).
_RATIO_RANGE = re.compile(
    r"\s*[至到～~—-]\s*(?P<a>\d{1,4}(?:\.\d+)?)\s*[:：∶]\s*(?P<b>\d{1,4}(?:\.\d+)?)(?![\d.:：∶])"
)


def _a_named_ratio(m: re.Match[str], text: str) -> bool:
    """Whether a ratio of two terms is one a 比 names, and so a requirement's: 师生比不低于1:15,
    按1:1的比例, …与婴幼儿的比例，乳儿班不低于1:3 (a 比例 its phrase goes on from, a comparison
    right before it)."""
    if m.group("third") is not None:
        return False
    if _SHARED_BY.match(text, m.end()):
        return False  # 按照5:5比例分担: how a cost is split between parties, no one ratio
    before = text[max(0, m.start() - 40) : m.start()].rstrip()
    if (other := _RATIO_TO.search(before)) and re.search(r"比(?!例尺)", before[: other.start()]):
        return True  # 比例为全日制1:5至1:7: the range's far end, as its near end
    if _NEXT_CLASS_RATIO.search(before) and re.search(r"比(?!例尺)", before):
        return True  # …比例为全日制1:5至1:7，半日制1:8至1:10: the next class's, as the first
    return bool(
        re.search(r"比(?!例尺)", before[-8:])
        # (坡度不大于1:12: a slope, rise to run, named so)
        or re.search(r"坡度[^，,。；;\d]{0,6}$", before)
        or re.match(r"\s*的?比例(?!尺)", text[m.end() : m.end() + 4])
        # (失能老人按1:3配备: a staffing level by that ratio, no 比 written)
        or (
            re.search(r"按照?$", before) is not None
            and re.match(r"\s*(?:配备|配置|配足|配齐)", text[m.end() : m.end() + 6]) is not None
        )
        or (
            re.search(r"比例(?!尺)", before)
            and re.search(r"(?:不低于|不少于|不高于|不超过|不小于|不大于|为)$", before)
        )
    )


#: The ones served, then the staff who serve them, then a floor (床位与护士之比不低于1:0.6,
#: 失能老年人与护理人员比例不低于3:1, 床护比, and 医护比: nurses to each doctor): a staffing
#: level at least, so the share is the staff's of the ones served (0.6 nurses a bed: 60 %),
#: not the other way round (beds per nurse at least 1.67 would fail every ward with more
#: nurses). (Staff first, 师生比不低于1:15, and a ceiling, 学生与教师之比不高于19:1, are read
#: as written.)
_SERVED_THEN_STAFF = re.compile(
    r"(?:(?<![\u4e00-\u9fff]员)与\s*[\u4e00-\u9fff]{0,6}?"
    r"(?:人员|护士|护理员|教师|医师|医生|保育员|社工|工作者|职工|员工|保安员?|管理员)"
    r"\s*(?:之|的)?\s*(?:配)?比(?:例)?"
    # (beds to nurses, doctors to nurses: 床护比不低于1:0.6, 医护比不低于1:1.25)
    r"|床护比|医护比)"
    # (…的比例，乳儿班不低于3:1，托小班不低于5:1: each class named first)
    r"(?:\s*[，,：:][^。；;与]{1,30}?)?"
    # (床护比为1:0.6: the level itself, read the same way round)
    r"\s*(?:应当?|须|要)?\s*(?:不低于|不少于|不小于|至少|达到|为|是)\s*$"
)


def unnamed_blanked(text: str) -> str:
    """``text`` with the ratios no 比 names blanked (17.4:48.6:34, 按照5:5比例分担), in as
    many characters."""
    return _RATIOS.sub(
        lambda m: m.group(0) if _a_named_ratio(m, text) else "＿" * len(m.group(0)), text
    )


def _share(a: str, b: str) -> Decimal:
    """The share ``a`` is of ``b``, in % to 4 places (1:15 → 6.6667)."""
    return (Decimal(a) * 100 / Decimal(b)).quantize(Decimal("0.0001"))


def ratios(masked: str) -> Iterator[tuple[int, int, Decimal, Decimal | None]]:
    """Each ratio left in ``masked`` (``unnamed_blanked``) as (start, end, share, None), or a
    range of them (全日制1:5至1:7) as (start, end, smaller share, larger share)."""
    reached = 0  # (the far end of a range is no ratio of its own)
    for m in _RATIO.finditer(masked):
        if Decimal(m.group("b")) == 0 or m.start() < reached:
            continue
        value = _share(m.group("a"), m.group("b"))
        if _SERVED_THEN_STAFF.search(masked, max(0, m.start() - 40), m.start()):
            value = _share(m.group("b"), m.group("a"))  # (the staff's share of the served)
        far = _RATIO_RANGE.match(masked, m.end())
        if far is not None and Decimal(far.group("b")) != 0:
            # 全日制1:5至1:7: a range, its ends in order (1:7 is the smaller share, 14.2857 %)
            other = _share(far.group("a"), far.group("b"))
            reached = far.end()
            yield m.start(), far.end(), min(value, other), max(value, other)
        else:
            yield m.start(), m.end(), value, None
