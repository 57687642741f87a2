"""Sentences and phrases: where a clause's sentences and each sentence's phrases start and end
(punctuation, line breaks, and the brackets of a requirement written as an aside). Pure module
(standard library only); ``duties`` re-exports both for its readers.
"""

from __future__ import annotations

import bisect
import functools
import re


def _split(text: str, marks: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in re.finditer(marks, text):
        if m.start() > start:
            out.append((start, m.start()))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out


#: A bracket that states a requirement of its own (（最少留存两年）, (每个单位1-2个)): its
#: brackets separate phrases as commas do.
#: A bracket of duties (经验收合格（应具备…手续，同时必须设立…）的: what it takes, duties of
#: their own).
DUTY_ASIDE = r"[（(](?=\s*(?:应当|应|必须|须|不得))[^（()）\n]{4,120}[）)]"
_BRACKETED = re.compile(
    r"[（(](?=\s*(?:最少|至少|最多|至多|不少于|不低于|不超过|不高于|不大于|不小于|每))"
    # (not one the 的 after it makes part of a noun: 超过两个聘期（每个聘期3年）的教师)
    r"[^（()）\n]{2,40}[）)](?!\s*的)|" + DUTY_ASIDE
)


#: What separates phrases (not the colon of a ratio or a time between digits: 1:0.6, 20:30).
_MARKS = re.compile(r"[，,。；;！？!?\n\t]|(?<!\d)[：:]|[：:](?!\d)")


@functools.lru_cache(maxsize=64)
def phrases(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of phrases separated by punctuation or line breaks (or the brackets of a
    requirement written as an aside), in order. (Cached: a sentence is split once, not once per
    number in it.)"""
    marks = [m.span() for m in _MARKS.finditer(text)]
    for m in _BRACKETED.finditer(text):
        marks += [(m.start(), m.start() + 1), (m.end() - 1, m.end())]
    out, start = [], 0
    for a, b in sorted(marks):
        if a > start:
            out.append((start, a))
        start = max(start, b)
    if start < len(text):
        out.append((start, len(text)))
    return tuple(out)


#: The aside naming who answers for the task before, after its full stop (…整治。（责任单位：
#: 市教育局）建立…): the task's, no part of the sentence after it.
_UNITS_FIRST = re.compile(
    r"\s*[（(]\s*(?:(?:责任|牵头|主办|主责|配合|协办)(?:单位|部门)\s*[:：]"
    r"(?:[^（()）\n]|[（(][^（()）\n]{1,12}[）)])*?|[^（()）\n]{2,60}(?:负责|牵头))\s*[）)]\s*"
)


#: A topic opening a sentence, then its colon and a case (职工带薪年休假：累计工作已满1年不满10
#: 年的，年休假5天): a name, no verb; the case opens what follows (a topic before amounts alone
#: stays: 职业培训补贴标准：初级工每人1000元).
_TOPIC = re.compile(
    r"\s*[\u4e00-\u9fff]{2,12}?(?:标准|要求|规定|条件|期限|时限|办法|范围|对象|年休假|补助|"
    r"补贴|津贴|费用|比例|配备)\s*[：:](?=[^，,。；;：:（(]{2,40}的[，,])"
)


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of sentences: a full stop, a semicolon or a line break ends one (and the
    aside of who answers for the task before is no part of the one after it; a topic and its
    colon opening one are a sentence of their own)."""
    out = []
    for start, end in _split(text, r"[。；;！？!?\n]"):
        aside = _UNITS_FIRST.match(text, start, end) if out else None
        if aside is not None and aside.end() < end:
            start = aside.end()
        topic = _TOPIC.match(text, start, end)
        if topic is not None and topic.end() < end:
            out.append((start, topic.end()))
            start = topic.end()
        out.append((start, end))
    return out


class SpanIndex:
    """The spans (start, end, …) of a sentence's requirements, asked which overlap a phrase:
    by bisect on their starts and the furthest end reached so far, so that a sentence of N
    phrases and N requirements is read in about N log N, not N² (a list of 4000 amounts)."""

    def __init__(self, spans: list[tuple[int, int, bool]]) -> None:
        self.spans = spans
        self.order = sorted(range(len(spans)), key=lambda k: spans[k][0])
        self.starts = [spans[k][0] for k in self.order]
        self.reach: list[int] = []  # the furthest end among the first k+1 spans by start
        for k in self.order:
            self.reach.append(max(spans[k][1], self.reach[-1] if self.reach else spans[k][1]))

    def overlapping(self, a: int, b: int) -> list[int]:
        """The indices (ascending) of the spans that start before ``b`` and end after ``a``."""
        found = []
        i = bisect.bisect_left(self.starts, b) - 1
        while i >= 0 and self.reach[i] > a:
            if self.spans[self.order[i]][1] > a:
                found.append(self.order[i])
            i -= 1
        return sorted(found)
