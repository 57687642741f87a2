"""A document's validity window (in_force_from, in_force_until) from its own wording: 本办法自…
起施行, 有效期至…, 有效期N年, 有效期自…至…. Pure module (standard library and the line
reading tables); ``parsing`` applies it to each document."""

from __future__ import annotations

import datetime
import re

from checklists.standards.lines import _DATE, _cn_int, _compact, _to_date

#: The document itself, named by its kind (本办法, 本规定, 本通知, 本实施方案 …).
_ITSELF = (
    r"本(?:[\u4e00-\u9fff]{0,4}"
    r"(?:办法|规定|细则|通知|意见|方案|决定|制度|标准|预案|条例|规则|措施|计划|指引|导则|规范|"
    r"通告|公告|要点|纲要|守则|须知|批复))"
)
_IN_FORCE_FROM = re.compile(r"自\s*(" + _DATE.pattern + r")\s*起\s*(?:施行|实施|执行|生效|试行)")
_IN_FORCE_ISSUE = re.compile(
    r"自\s*(?:印发|发布|下发|公布|发文)之日起\s*(?:施行|实施|执行|生效|试行)"
)
#: The document's term, however named (有效期, 执行期限至2024年12月31日, 实施期限为3年).
_TERM = r"(?:有效期限?|执行期限?|实施期限?)"
#: 有效期自2020年5月1日至2022年4月30日: both ends of the window.
_IN_FORCE_SPAN = re.compile(
    _TERM
    + r"\s*(?:为)?\s*自\s*("
    + _DATE.pattern
    + r")\s*(?:起\s*)?(?:至|到)\s*("
    + _DATE.pattern
    + r")"
)
_IN_FORCE_UNTIL = re.compile(_TERM + r"\s*(?:至|到)\s*(" + _DATE.pattern + r")")
#: A line of its own stating the window (有效期至2026年4月30日 under a 规范性文件's 文号,
#: （有效期：2021年5月1日至2026年4月30日） after its signature): the document's own.
OWN_VALIDITY = re.compile(
    r"[（(]?\s*有效期\s*[:：]?\s*(?:自\s*)?(?:(?P<start>" + _DATE.pattern + r")\s*(?:起\s*)?)?"
    r"(?:至|到)\s*(?P<until>" + _DATE.pattern + r")\s*止?\s*[）)]?"
)
_IN_FORCE_YEARS = re.compile(_TERM + r"\s*(?:为)?\s*([0-9一二两三四五六七八九十]+)\s*年")


def _own_sentences(c: str) -> list[str]:
    """The sentences that speak of the document itself (本办法自…起施行, 本通知有效期…), last
    first: a date of something else the document names (原办法自2015年…起施行以来, 经营者自…起执行
    新标准, 许可证有效期为3年) says nothing of its own window."""
    parts = re.split(r"(?<=[。；;])", c)
    # (本办法自…起施行。有效期5年。: the sentence right after one of its own goes with it)
    own = [p + (parts[k + 1] if k + 1 < len(parts) else "") for k, p in enumerate(parts)]
    return [o for o, p in zip(reversed(own), reversed(parts), strict=True) if re.search(_ITSELF, p)]


_HALF_WIDTH = str.maketrans("０１２３４５６７８９", "0123456789")


def in_force(text: str, signed: datetime.date | None):
    """(in_force_from, in_force_until) from 自…起施行 / 有效期至… wording, in the sentences that
    name the document itself (本办法…), else in the document's last such wording."""
    for line in text.splitlines():
        if (window := OWN_VALIDITY.fullmatch(line.strip())) is not None:
            # (有效期至2026年4月30日, a line of its own: the document's window, as printed)
            until = _to_date(_DATE.match(window.group("until")))  # type: ignore[arg-type]
            if window.group("start"):
                return _to_date(_DATE.match(window.group("start"))), until  # type: ignore[arg-type]
            return in_force(text.replace(line, ""), signed)[0], until
    c = _compact(text.translate(_HALF_WIDTH))  # (有效期５年: an OCR's full-width digits)
    own = _own_sentences(c)
    start = until = None
    for sentence in own or [c]:
        span = _IN_FORCE_SPAN.search(sentence)
        m = _IN_FORCE_FROM.search(sentence)
        if span:
            start = _to_date(_DATE.match(span.group(1)))  # type: ignore[arg-type]
            until = _to_date(_DATE.fullmatch(span.group(_DATE.groups + 2)))  # type: ignore[arg-type]
            return start, until
        if m:
            start = _to_date(_DATE.match(m.group(1)))  # type: ignore[arg-type]
        elif _IN_FORCE_ISSUE.search(sentence):
            start = signed
        if start is not None or not own:
            break
    # the window's end: in the sentences of the document itself (not 许可证有效期为3年)
    for sentence in own or ([c] if not own else []):
        m = _IN_FORCE_UNTIL.search(sentence)
        if m:
            until = _to_date(_DATE.match(m.group(1)))  # type: ignore[arg-type]
            break
        m = _IN_FORCE_YEARS.search(sentence)
        years = _cn_int(m.group(1)) if m else None
        if years and start:
            try:
                until = start.replace(year=start.year + years) - datetime.timedelta(days=1)
            except ValueError:  # 29 February
                until = start.replace(year=start.year + years, day=28)
            break
    return start, until
