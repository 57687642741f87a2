"""A gazette's own table of contents (目录: titles, 文号 and pages, or titles and 文号 lines with
no pages) and the 文号 as written, normalised, and the gazette's column names (【部门文件】, 政策
解读…) the contents and the pages share. Pure module (standard library and ``lines``);
``parsing`` reads the contents first, so that its entries are never read as documents.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

from checklists.standards.lines import (
    _LEADER,
    _NUM_CORE,
    _PAGE_NUMBER,
    _RUNNING_HEADER,
    _compact,
    _furniture_cells,
    _headerish,
    _is_date_line,
    _Line,
)

_BRACKETS = str.maketrans(
    {"[": "〔", "]": "〕", "【": "〔", "】": "〕", "［": "〔", "］": "〕", "﹝": "〔", "﹞": "〕"}
)
# (宁政发〔2023)5号, 〈2023〉: the brackets mismatched or misread round the year)
_YEAR_PARENS = re.compile(r"[〔（(〈]((?:19|20)\d{2})[〕）)〉]")


def normalize_number(raw: str) -> str:
    """Normalise a 文号: brackets []【】［］ (and parentheses round the year) → 〔〕, no spaces."""
    s = _compact(raw).translate(_BRACKETS)
    s = "".join(unicodedata.normalize("NFKC", c) if c.isdigit() else c for c in s)
    return _YEAR_PARENS.sub(r"〔\1〕", s)


@dataclass
class _TocEntry:
    title: str
    number: str | None
    page: int | None  # (None: a contents of titles and 文号 lines, no page numbers)
    category: str


@dataclass
class _Toc:
    start: int
    end: int
    entries: list[_TocEntry]


_CATEGORY = re.compile(
    r"^[○◎●◆■□☆★◇【\[［]|(文件|讲话|动态|其他|其它|信息|公告|任免|选登|目录)[】\]］]?$"
)


_NUMBER_ONLY = re.compile(rf"{_NUM_CORE}")
#: A contents entry's page after a run of spaces (…的通知    1).
_SPACED_PAGE = re.compile(r"(?<=[\u4e00-\u9fff》）)])\s+(\d{1,3})\s*$")


#: How a title ends (…的通知, …办法, …的批复): a line of its own ending so is a whole entry.
_A_WHOLE_TITLE = re.compile(
    r"(?:通知|意见|办法|决定|规定|方案|批复|通告|公告|函|令|报告|纪要|细则|规则|答记者问|解读|[）)])$"
)


def _find_toc(lines: list[_Line]) -> _Toc | None:
    """Locate the 目录 and read its entries (title, 文号, start page, category)."""
    start = next((i for i, ln in enumerate(lines[:400]) if _compact(ln.text) == "目录"), None)
    if start is None:
        return None
    # The gazette's contents come before its first document; a 目录 after a 文号 line is a
    # document's own contents (its entries are that document's chapters, not documents).
    if any(_NUMBER_ONLY.fullmatch(_compact(ln.text)) for ln in lines[:start]):
        return None
    entries: list[_TocEntry] = []
    pending: list[str] = []
    category = ""
    misses = 0
    end = start
    for i in range(start + 1, len(lines)):
        ln = lines[i]
        s = ln.text
        if not s:
            continue
        flat = s.replace("\t", " ").strip() if ln.table else s
        c = _compact(s)
        if _PAGE_NUMBER.match(s) or _RUNNING_HEADER.match(c) or _furniture_cells(s):
            continue  # (— 1 — ⏎ 某市人民政府公报 2023年第4期: the contents go on over the page)
        numbered = re.fullmatch(rf"[（(]\s*({_NUM_CORE})\s*[）)]", c)
        if numbered and entries and entries[-1].number is None and not pending:
            # (…的通知    1 ⏎（某政〔2023〕3号）: the entry's 文号 on the line below it)
            entries[-1] = replace(entries[-1], number=normalize_number(numbered.group(1)))
            misses, end = 0, i
            continue
        m = (
            _LEADER.search(ln.text if ln.table else s)
            or _LEADER.search(flat)
            # (…的通知    1: the page after a run of spaces, no leader)
            or (None if ln.table else _SPACED_PAGE.search(s))
        )
        if m and not ln.table or (ln.table and ln.cells and ln.cells[-1].isdigit()):
            page = int(m.group(1)) if m else int(ln.cells[-1])
            head = (flat[: m.start()] if m else " ".join(ln.cells[:-1])).strip(" .…·")
            number = None
            nm = re.search(rf"[（(]?\s*({_NUM_CORE})\s*[）)]?\s*$", head)
            if nm:
                number = normalize_number(nm.group(1))
                head = head[: nm.start()].strip()
            titles = [p for p in pending if not _CATEGORY.search(p)]
            if not head:
                head = "".join(titles[-1:]) if titles else ""
            elif titles and (
                not m.group(0).startswith((".", "…", "·", "\t"))
                or not _A_WHOLE_TITLE.search(titles[-1])
            ):
                # (an entry wrapped onto a second line, its page there; …就《关于做好…资金 ⏎
                # 管理使用工作的通知》答记者问……（7）: the line above ends no title)
                head = titles[-1] + head
            for p in pending:
                if _CATEGORY.search(p) or p != head:
                    if _CATEGORY.search(p):
                        category = p
            entries.append(_TocEntry(_compact(head), number, page, category))
            pending = []
            misses = 0
            end = i
            continue
        misses += 1
        if misses > 3:
            break
        pending.append(_compact(s.strip("\t")))
    if not entries:
        return _unpaged_toc(lines, start)
    return _Toc(start, end, entries)


def _unpaged_toc(lines: list[_Line], start: int) -> _Toc | None:
    """A contents of titles, each with its 文号 line below and no page number, the titles printed
    again below it as the documents' own: read up to the first line that is neither (or a
    title seen already)."""
    entries: list[_TocEntry] = []
    end = start
    for i in range(start + 1, len(lines)):
        c = _compact(lines[i].text)
        if not c:
            if entries:
                break
            continue
        if _NUMBER_ONLY.fullmatch(c) and entries and entries[-1].number is None:
            entries[-1] = replace(entries[-1], number=normalize_number(c))
        elif _headerish(lines[i]) and "关于" in c and all(e.title != c for e in entries):
            entries.append(_TocEntry(c, None, None, ""))
        else:
            break
        end = i
    later = {_compact(ln.text) for ln in lines[end + 1 :]}
    if len(entries) < 2 or not all(e.title in later and e.number for e in entries):
        return None
    return _Toc(start, end, entries)


def _in_contents(lines: list[_Line], i: int) -> bool:
    """Whether line ``i`` is under a 目录 with only titles between (no sentence, no date): an
    entry of a contents that lists no pages, not a document's heading."""
    seen = 0
    for j in range(i - 1, -1, -1):
        c = _compact(lines[j].text)
        if not c:
            continue
        if c == "目录":
            return True
        seen += 1
        if seen > 12 or re.search(r"[。，,；;：:]", c) or _is_date_line(c):
            return False
    return False


#: A gazette's column named above a document (人事任免, 政府文件, 部门文件, 县政府批复, 会议纪要).
A_COLUMN = re.compile(
    r"[【\[]?(?:人事任免|任免信息|人事信息|(?:市|县|区)?政府(?:办公室)?(?:文件|批复|会议纪要)|部门文件|"
    r"规范性文件|会议纪要|政府令)[】\]]?"
)
#: A column of the month's events (政务动态, 县政府工作动态, 政务要闻).
NEWS_COLUMN = re.compile(r"[^，,。；;：:]{0,10}?(?:政务动态|工作动态|政务要闻|政务信息|要闻|动态)")
#: A document explained by its drafters, under another name than 解读.
EXPLAINED = re.compile(
    r"(?:政策问答|[^，,。；;：:]{0,40}?(?:起草说明|问答)|(?:一图读懂|图解)[^，,。；;：:]{0,40})"
)


def reason_for(title: str, category: str = "") -> str:
    """What kind of part a skipped title (and its contents' column) names, in Chinese."""
    if "讲话" in title or "讲话" in category:
        return "讲话"
    if "大事记" in title:
        return "大事记"
    if "解读" in title or "解读" in category:
        return "政策解读"
    if re.search(r"任免|任职|免职|人事", title + category):
        return "人事任免"
    if "工作报告" in title or "工作报告" in category:
        return "工作报告"  # (政府工作报告: a report to the congress, no binding instrument)
    return "新闻"
