"""Text converted from PDF often puts a space on each side of a number (不少于 2 次, 70% 以上,
2018 年 6 月底前, （ 1 ）). The reader reads the clause with those spaces closed up, and gives what
it found back as written: spans, subjects, triggers and conditions are the clause's own words,
spaces included, and each start is where the span starts in the clause as given.

Pure module (standard library only), read by ``extraction``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from checklists.standards.requirements import Requirement

#: A CJK character or a full-width punctuation mark (not the ideographic space U+3000).
_CJK = r"\u3001-\u303f\u4e00-\u9fff\uff01-\uffef"
#: Spaces between a number (or its %) and a Chinese word or mark, on either side of it, or a
#: bracket or a numbering's point ((1), 1 .建立…); not between letters and digits (GB 3095-2012,
#: PM 2.5) nor between two numbers (1 000).
_GAP = re.compile(
    rf"(?<=[\d%％])[ \u00a0\u3000]+(?=[{_CJK})]|[.．](?=[{_CJK}]))"
    rf"|(?<=[{_CJK}(])[ \u00a0\u3000]+(?=\d)"
)

#: A number with commas between its thousands (1,000平方米, 12,500元): one number, whatever its
#: unit. (A full-width comma may be a list's, 分别为800，600，400元: ``quantities.masked`` reads
#: it as a separator in an amount of money only.)
_THOUSANDS = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d,])")

#: Full-width digits, point and per cent as their half-width forms, one for one (offsets hold).
_HALF_WIDTH = str.maketrans("０１２３４５６７８９．％", "0123456789.%")
#: A number a line opens with (a row's or an item's number, 3 or 3.2 or 4.3.1), or a code's
#: (GB 3095-2012, HJ 2.2): the space after it is kept.
_KEPT_AFTER = re.compile(r"(?:(?:^|[\t\n])\s*\d+(?:[.．]\d+)*|[A-Za-z][A-Za-z/]*\s?[\d.\-/—－]+)$")


@dataclass(frozen=True)
class ClosedUp:
    """A clause with the spaces around its numbers closed up, and where each of its characters
    stands in the clause as given."""

    text: str
    original: str
    #: ``where[i]``: the index in ``original`` of ``text[i]``; one more at the end.
    where: tuple[int, ...]

    def offset(self, at: int) -> int:
        """The index in ``text`` of the first character at or after ``original[at]``."""
        return bisect.bisect_left(self.where, at)

    def back(self, found: list[Requirement]) -> list[Requirement]:
        """Requirements read from ``text``, as the clause as given says them."""
        seen: dict[str, list[int]] = {}  # (each wording's places, found once for all of them)
        return [self._as_written(r, seen) for r in found]

    def _slice(self, start: int, end: int) -> str:
        """``original``'s words for ``text[start:end]`` (spaces inside kept)."""
        if end <= start:
            return self.text[start:end]
        return self.original[self.where[start] : self.where[end - 1] + 1]

    def _words(self, words: str | None, near: int, seen: dict[str, list[int]]) -> str | None:
        """Words of ``text`` (a subject, a trigger, a condition) as ``original`` writes them:
        their occurrence nearest ``near``; words not found as they are, unchanged."""
        if not words:
            return words
        if words not in seen:
            seen[words] = [m.start() for m in re.finditer(re.escape(words), self.text)]
        starts = seen[words]
        if not starts:
            return words
        i = bisect.bisect_left(starts, near)
        at = min(starts[max(0, i - 1) : i + 1], key=lambda s: abs(s - near))
        return self._slice(at, at + len(words))

    def _as_written(self, r: Requirement, seen: dict[str, list[int]]) -> Requirement:
        start = r.start if 0 <= r.start < len(self.text) else None
        if start is None:
            return r
        when = r.applies_when
        if when is not None:
            when = replace(when, text=self._words(when.text, start, seen) or when.text)
        return replace(
            r,
            span=self._slice(start, start + len(r.span)),
            start=self.where[start],
            subject=self._words(r.subject, start, seen),
            trigger=self._words(r.trigger, start, seen),
            applies_when=when,
        )


def close_up(text: str) -> ClosedUp | None:
    """``text`` with the spaces around its numbers and the commas between their thousands
    closed up and its full-width digits made half-width (２０２４年６月３０日前 as 2024年6月30日前,
    1,000平方米 as 1000平方米), or None if it has none of them."""
    plain = text.translate(_HALF_WIDTH)
    if plain == text and _GAP.search(text) is None and _THOUSANDS.search(text) is None:
        return None
    kept = [True] * len(text)
    for number in _THOUSANDS.finditer(plain):
        for i in range(number.start(), number.end()):
            kept[i] = plain[i] != ","
    for gap in _GAP.finditer(plain):
        if _KEPT_AFTER.search(plain, max(0, gap.start() - 40), gap.start()):
            # (2 是否安装燃气泄漏报警器: a table row's number, then its words; GB 3095-2012 标准)
            continue
        for i in range(gap.start(), gap.end()):
            kept[i] = False
    if all(kept) and plain == text:
        return None
    where = tuple(i for i, keep in enumerate(kept) if keep) + (len(text),)
    return ClosedUp("".join(plain[i] for i in where[:-1]), text, where)
