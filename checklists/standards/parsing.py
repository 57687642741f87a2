"""Gazette text → documents → clause tree.

Pure module (standard library and ``cn2an`` only): no Flask, no database.

The input is the text layer of a 政府公报 (PDF or Word converted to text), with or without
Markdown, possibly hard-wrapped. ``parse_gazette`` works in five passes:

1. clean every line (strip Markdown, drop page numbers and running headers, spot tables);
2. find the table of contents, the numbered documents (by their 文号 line and the title and
   issuer banner around it) and the items that are not documents (cover, speeches, news,
   大事记), which cut the gazette into sections;
3. send cross-page continuations (``(上接第3页)``) back to their document, using the start
   pages printed in the table of contents;
4. join lines broken by a page break or a hard wrap into paragraphs;
5. build each document's clause tree from the numbering tokens alone (never from Markdown
   heading depth), splitting a 文号 that carries several instruments and keying annexes.
"""

from __future__ import annotations

import datetime
import difflib
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

import cn2an

# ---------------------------------------------------------------------------------------------
# Public data types
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ParsedClause:
    """One node of a document's clause tree."""

    key: str
    token: str
    path: tuple[str, ...]
    parent_key: str | None
    text: str
    normalized: str
    text_hash: str
    position: int
    is_table: bool = False
    table: tuple[tuple[str, ...], ...] | None = None
    flags: tuple[str, ...] = ()
    # Offsets in ``text`` where two pieces of one sentence were joined across a blank line
    # (a page break); ``extraction.extract`` flags requirements whose span covers one.
    join_offsets: tuple[int, ...] = ()


@dataclass
class ParsedDocument:
    """One instrument: a numbered document, or one of several instruments under one 文号."""

    number: str | None
    title: str
    issuer: str | None
    signed_on: datetime.date | None
    in_force_from: datetime.date | None
    in_force_until: datetime.date | None
    clauses: list[ParsedClause]
    text: str
    start_line: int


@dataclass
class Skipped:
    """A part of the gazette that is not a document (reason in Chinese)."""

    title: str
    reason: str


@dataclass
class ParseResult:
    """Everything ``parse_gazette`` found."""

    documents: list[ParsedDocument]
    skipped: list[Skipped]


# ---------------------------------------------------------------------------------------------
# Small text helpers
# ---------------------------------------------------------------------------------------------

_WS = re.compile(r"\s+")
_CN_DIGITS = "零〇一二两三四五六七八九十百千"
_CLOSING = set("。！？；：!?;:…")
_SENTENCE_PUNCT = re.compile(r"[，,。；;：:！？!?]")
_CONTINUES = set("，,、（(《“‘〔[【")
_OPEN_CLOSE = (("（(", "）)"), ("《", "》"), ("“", "”"), ("〔[", "〕]"), ("【", "】"))
_ORG_SUFFIX = re.compile(
    r"(人民政府|政府|办公室|办公厅|委员会|管委会|指挥部|领导小组|局|厅|部|委|院|中心|处|社|会)$"
)
_DOC_TYPES = (
    "通知|意见|办法|决定|通报|方案|规定|制度|细则|报告|批复|函|公告|预案|计划|纪要|规划|标准|"
    "措施|要点|规则|章程|命令|决议|公报|通告|条例|指引|指南"
)
_DOC_TYPE_END = re.compile(rf"({_DOC_TYPES})$")


def _compact(s: str) -> str:
    """Text with all whitespace removed."""
    return _WS.sub("", s)


def _nfkc_compact(s: str) -> str:
    return _compact(unicodedata.normalize("NFKC", s))


def clause_text_hash(text: str) -> str:
    """SHA-256 hex of the text after NFKC with all whitespace removed."""
    return hashlib.sha256(_nfkc_compact(text).encode("utf-8")).hexdigest()


_BRACKETS = str.maketrans({"[": "〔", "]": "〕", "【": "〔", "】": "〕", "［": "〔", "］": "〕"})
_YEAR_PARENS = re.compile(r"[（(]((?:19|20)\d{2})[）)]")


def normalize_number(raw: str) -> str:
    """Normalise a 文号: brackets []【】［］ (and parentheses round the year) → 〔〕, no spaces."""
    s = _compact(raw).translate(_BRACKETS)
    s = "".join(unicodedata.normalize("NFKC", c) if c.isdigit() else c for c in s)
    return _YEAR_PARENS.sub(r"〔\1〕", s)


def _cn_int(s: str) -> int | None:
    """Integer value of an Arabic or Chinese numeral, None when it is not one."""
    s = unicodedata.normalize("NFKC", s)
    if s.isdigit():
        return int(s)
    try:
        return int(cn2an.cn2an(s, "smart"))
    except (ValueError, KeyError, TypeError):
        return None


_DATE = re.compile(
    r"((?:19|20)\d{2}|[二][〇零○O0][一二三四五六七八九〇零○]{2})\s*年\s*"
    r"([0-9０-９]{1,2}|[一二三四五六七八九十]{1,2})\s*月\s*"
    r"([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*日?"
)


def _to_date(m: re.Match[str]) -> datetime.date | None:
    """Date from a ``_DATE`` match (Arabic or Chinese numerals), None when impossible."""
    year_txt = m.group(1)
    if not year_txt.isdigit():
        year_txt = "".join("0" if c in "〇零○O0" else str(_cn_int(c)) for c in year_txt)
    month, day = _cn_int(m.group(2)), _cn_int(m.group(3))
    try:
        return datetime.date(int(year_txt), month or 0, day or 0)
    except (ValueError, TypeError):
        return None


def _is_date_line(s: str) -> bool:
    c = _compact(s).strip("()（）")
    m = _DATE.fullmatch(c)
    return bool(m) and c.endswith("日")


def _open_bracket_at_end(s: str) -> bool:
    """A bracket or quote opened in the last 60 characters is still open: the text runs on."""
    tail = s[-60:]
    for opens, closes in _OPEN_CLOSE:
        depth = 0
        for ch in tail:
            if ch in opens:
                depth += 1
            elif ch in closes and depth:
                depth -= 1
        if depth:
            return True
    return False


def _heading_like(s: str) -> bool:
    """Short and without sentence punctuation: a title or heading, never a broken sentence."""
    c = _compact(s)
    return len(c) < 30 and not _SENTENCE_PUNCT.search(c)


# ---------------------------------------------------------------------------------------------
# Numbering tokens
# ---------------------------------------------------------------------------------------------

_CN = "一二三四五六七八九十百零〇两"
_TOKEN_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("chapter", re.compile(rf"^第([{_CN}\d]+)章(?=\s|$|[\u4e00-\u9fff])")),
    ("section", re.compile(rf"^第([{_CN}\d]+)节(?=\s|$|[\u4e00-\u9fff])")),
    # 第N条 must not be a reference such as 第六十六条规定 or 第三条所列
    ("article", re.compile(rf"^第([{_CN}\d]+)条(?=\s|$|[、：:．.]|[^规定款项中所之的和或及至])")),
    ("cn", re.compile(r"^([一二三四五六七八九十百]+)\s*[、．.](?!\d)")),
    ("cn_paren", re.compile(r"^[（(]\s*([一二三四五六七八九十百]+)\s*[）)]")),
    ("decimal", re.compile(r"^(\d{1,2}(?:[.．]\d{1,2})+)(?=\s|[\u4e00-\u9fff])")),
    ("num", re.compile(r"^(\d{1,3})\s*[、．.](?!\d)")),
    ("num_space", re.compile(r"^(\d{1,2})\s+(?=[\u4e00-\u9fff])")),
    ("num_paren", re.compile(r"^[（(]\s*(\d{1,3})\s*[）)]")),
    ("num_rparen", re.compile(r"^(\d{1,3})[）)]")),
    ("circled", re.compile(r"^([①-⑳])")),
]
# Conventional nesting depth, outermost first; used only when a type is new to the stack.
_RANK = {
    "chapter": 0,
    "section": 1,
    "article": 2,
    "dec1": 2.5,
    "dec2": 2.6,
    "dec3": 2.7,
    "dec4": 2.8,
    "cn": 3,
    "cn_paren": 4,
    "num": 5,
    "num_paren": 6,
    "num_rparen": 6.5,
    "circled": 7,
}
_UNIT_AFTER_NUMBER = set("万亿元米吨%％个倍年月日天时周岁次人名户家项")


@dataclass(frozen=True)
class _Token:
    kind: str  # stack type, e.g. "cn_paren", "dec2"
    segment: str  # normalised key segment, e.g. "（二）"
    value: int | None  # numeric value of the last component, for continuity checks


def _token(text: str) -> _Token | None:
    """The numbering token a paragraph starts with, if any."""
    for kind, pat in _TOKEN_PATTERNS:
        m = pat.match(text)
        if not m:
            continue
        raw = unicodedata.normalize("NFKC", m.group(1)).replace(" ", "")
        rest = text[m.end() :]
        if kind in ("decimal", "num_space"):
            # "1.5万元" or "15 个工作日" are quantities, not numbering
            after = rest.lstrip()[:1]
            if after in _UNIT_AFTER_NUMBER or (not rest[:1].isspace() and not _heading_like(text)):
                return None
            if kind == "num_space" and not _heading_like(text):
                return None
            parts = raw.split(".")
            return _Token(f"dec{len(parts)}", raw, int(parts[-1]))
        if kind == "chapter":
            return _Token(kind, f"第{raw}章", _cn_int(raw))
        if kind == "section":
            return _Token(kind, f"第{raw}节", _cn_int(raw))
        if kind == "article":
            return _Token(kind, f"第{raw}条", _cn_int(raw))
        if kind == "cn":
            return _Token(kind, raw, _cn_int(raw))
        if kind == "cn_paren":
            return _Token(kind, f"（{raw}）", _cn_int(raw))
        if kind == "num":
            return _Token(kind, raw, int(raw))
        if kind == "num_paren":
            return _Token(kind, f"（{raw}）", int(raw))
        if kind == "num_rparen":
            return _Token(kind, f"{raw}）", int(raw))
        return _Token(kind, raw, "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳".index(raw) + 1)
    return None


# ---------------------------------------------------------------------------------------------
# Pass 1: lines
# ---------------------------------------------------------------------------------------------

_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s*")
_BULLET = re.compile(r"^\s*[-*+•]\s+")
_RULE = re.compile(r"^\s*([-*_=]\s*){3,}$")
_PAGE_NUMBER = re.compile(r"^[-—–－\s]*(?:第\s*)?\d{1,3}(?:\s*页)?[-—–－\s]*$")
_LEADER = re.compile(r"(?:\.{3,}|…{2,}|·{3,}|\t+)\s*(\d{1,3})\s*$")
_NUM_CORE = (
    r"[\u4e00-\u9fff]{1,12}\s*[〔\[【［(（]\s*(?:19|20)\d{2}\s*[〕\]】］)）]\s*第?\s*\d{1,5}\s*号"
)
_NUMBER_LINE = re.compile(rf"^[（(]?\s*({_NUM_CORE})\s*[）)]?$")
_TITLE_WITH_NUMBER = re.compile(rf"^(.{{4,100}}?)\s*[（(]\s*({_NUM_CORE})\s*[）)]$")
_CONT_START = re.compile(r"^\s*[（(]\s*上\s*接\s*第\s*(\d+)\s*页\s*[）)]")
_CONT_MARK = re.compile(r"[（(]\s*(?:上\s*接|下\s*转)\s*第\s*\d+\s*页\s*[）)]")
_DOWN_MARK = re.compile(r"[（(]\s*下\s*转\s*第\s*(\d+)\s*页\s*[）)]")


@dataclass
class _Line:
    no: int  # 1-based line number in the input
    text: str  # Markdown stripped, trimmed
    heading: bool = False
    table: bool = False
    cells: tuple[str, ...] = ()


def _prepare(text: str) -> list[_Line]:
    """Clean every input line; blank lines are kept (text "") as paragraph separators."""
    out: list[_Line] = []
    for no, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
        raw = raw.replace("\u00a0", " ").replace("\ufeff", "")
        heading = bool(_MD_HEADING.match(raw))
        s = _MD_HEADING.sub("", raw)
        s = _BULLET.sub("", s)
        s = s.replace("**", "").replace("__", "")
        if "\t" in s.strip(" "):
            cells = tuple(c.strip() for c in s.strip(" ").split("\t"))
            if any(cells):
                out.append(_Line(no, s.strip(" "), heading, True, cells))
                continue
        s = s.strip()
        if _RULE.match(s):
            s = ""
        out.append(_Line(no, s, heading))
    return out


def _drop_noise(lines: list[_Line], toc_range: tuple[int, int] | None) -> None:
    """Blank out stray page numbers, running headers and dotted-leader lines outside the TOC."""
    masthead = None
    for ln in lines:
        if ln.text:
            masthead = _compact(ln.text)
            break
    seen_masthead = False
    for i, ln in enumerate(lines):
        if ln.table or not ln.text:
            continue
        if toc_range and toc_range[0] <= i <= toc_range[1]:
            continue
        c = _compact(ln.text)
        if _PAGE_NUMBER.match(ln.text):
            ln.text = ""
        elif masthead and masthead.endswith("公报") and c.startswith(masthead) and len(c) < 30:
            # the gazette's name repeated at the top of later pages is a running header
            if seen_masthead and i > 40:
                ln.text = ""
            seen_masthead = True
        elif _LEADER.search(ln.text) and re.search(r"(\.{4,}|…{2,})", ln.text):
            ln.text = ""


# ---------------------------------------------------------------------------------------------
# Pass 2a: table of contents
# ---------------------------------------------------------------------------------------------


@dataclass
class _TocEntry:
    title: str
    number: str | None
    page: int
    category: str


@dataclass
class _Toc:
    start: int
    end: int
    entries: list[_TocEntry]


_CATEGORY = re.compile(r"^[○◎●◆■□☆★◇]|(文件|讲话|动态|其他|其它|信息|公告|任免|选登|目录)$")


def _find_toc(lines: list[_Line]) -> _Toc | None:
    """Locate the 目录 and read its entries (title, 文号, start page, category)."""
    start = next((i for i, ln in enumerate(lines[:400]) if _compact(ln.text) == "目录"), None)
    if start is None:
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
        m = _LEADER.search(ln.text if ln.table else s) or _LEADER.search(flat)
        if m and not ln.table or (ln.table and ln.cells and ln.cells[-1].isdigit()):
            page = int(m.group(1)) if m else int(ln.cells[-1])
            head = (flat[: m.start()] if m else " ".join(ln.cells[:-1])).strip(" .…·")
            number = None
            nm = re.search(rf"({_NUM_CORE})\s*$", head)
            if nm:
                number = normalize_number(nm.group(1))
                head = head[: nm.start()].strip()
            if not head:
                titles = [p for p in pending if not _CATEGORY.search(p)]
                head = "".join(titles[-1:]) if titles else ""
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
        return None
    return _Toc(start, end, entries)


# ---------------------------------------------------------------------------------------------
# Pass 2b: document headers and sections
# ---------------------------------------------------------------------------------------------


@dataclass
class _Header:
    start: int  # index of the first header line (banner or title)
    end: int  # index of the last header line
    number: str | None
    title: str
    issuer: str | None
    number_line: int


def _is_issuer(s: str) -> bool:
    c = _compact(s)
    return 2 < len(c) <= 25 and "关于" not in c and bool(_ORG_SUFFIX.search(c))


def _is_banner(s: str) -> bool:
    c = _compact(s)
    return 4 <= len(c) <= 30 and c.endswith("文件") and "关于" not in c


def _headerish(ln: _Line) -> bool:
    c = _compact(ln.text)
    return (
        bool(c)
        and not ln.table
        and len(c) <= 120
        and not re.search(r"[，,。；;：:！？!?]", c)
        and not _is_date_line(c)
    )


def _split_issuer(title: str) -> tuple[str | None, str]:
    """'冠县人民政府关于…的意见' → ('冠县人民政府', '关于…的意见')."""
    m = re.match(
        r"^(.{2,25}?(?:人民政府办公室|人民政府办公厅|人民政府|办公室|委员会|局|厅))(关于|印发)",
        title,
    )
    if m and _ORG_SUFFIX.search(m.group(1)):
        return m.group(1), title[len(m.group(1)) :]
    return None, title


def _find_headers(lines: list[_Line], toc: _Toc | None) -> list[_Header]:
    """Every numbered document's header: banner/issuer, title and 文号 line."""
    headers: list[_Header] = []
    claimed = -1
    for i, ln in enumerate(lines):
        if toc and toc.start <= i <= toc.end or ln.table or not ln.text or i <= claimed:
            continue
        c = _compact(ln.text)
        title_inline = None
        m = _NUMBER_LINE.match(c)
        if not m:
            tm = _TITLE_WITH_NUMBER.match(c)
            prev = lines[i - 1].text if i > 0 else ""
            standalone = not prev or _is_issuer(prev) or _is_banner(prev)
            if tm and standalone and ("关于" in tm.group(1) or _DOC_TYPE_END.search(tm.group(1))):
                title_inline, m = tm.group(1), tm
            else:
                continue
        if i > 0 and lines[i - 1].text and not _headerish(lines[i - 1]):
            continue  # a 文号 cited inside a wrapped sentence, not a document's own number
        number = normalize_number(m.group(2) if title_inline else m.group(1))
        back = _walk_back(lines, i, claimed)
        title_parts = [] if title_inline is None else [title_inline]
        issuer = None
        start = i
        for j in back:
            t = _compact(lines[j].text)
            if _is_banner(t):
                issuer = t[: -len("文件")]
            elif _is_issuer(t):
                issuer = issuer or t
            else:
                title_parts.append(t)
            start = min(start, j)
        end = i
        if not any("关于" in p or _DOC_TYPE_END.search(p) for p in title_parts):
            fwd, end = _walk_forward(lines, i)
            title_parts.extend(fwd)
        title = "".join(title_parts)
        lead_issuer, title = _split_issuer(title)
        issuer = issuer or lead_issuer
        headers.append(_Header(start, end, number, title, issuer, i))
        claimed = end
    headers.extend(_unnumbered_headers(lines, toc, headers))
    headers.sort(key=lambda h: h.start)
    return headers


def _unnumbered_headers(
    lines: list[_Line], toc: _Toc | None, known: list[_Header]
) -> list[_Header]:
    """Documents without a 文号: a 关于…的通知 title standing alone above an addressee line."""
    taken = {j for h in known for j in range(h.start - 2, h.end + 3)}
    found: list[_Header] = []
    for i, ln in enumerate(lines):
        if i in taken or (toc and toc.start <= i <= toc.end) or not _headerish(ln):
            continue
        c = _compact(ln.text)
        issuer, title = _split_issuer(c)
        if not (title.startswith("关于") and _DOC_TYPE_END.search(title)):
            continue
        prev = lines[i - 1].text if i > 0 else ""
        nxt = _next_texts(lines, i, 1)
        if prev and not (_is_issuer(prev) or _is_banner(prev)):
            continue
        if not nxt or not re.search(r"[：:]$", nxt[0].strip()):
            continue
        start = i - 1 if prev else i
        if prev:
            issuer = issuer or _compact(prev).removesuffix("文件")
        found.append(_Header(start, i, None, title, issuer, i))
    return found


def _walk_back(lines: list[_Line], i: int, claimed: int) -> list[int]:
    """Header lines above a 文号 line: title fragments, then an issuer or banner line."""
    cands: list[int] = []
    j = i - 1
    while j > claimed and len(cands) < 6:
        ln = lines[j]
        if ln.text:
            if not _headerish(ln):
                break
            cands.append(j)
        j -= 1
    accepted: list[int] = []
    seen_title_start = False
    for j in cands:  # nearest first
        t = _compact(lines[j].text)
        if _is_banner(t):
            accepted.append(j)
            break
        if seen_title_start:
            if _is_issuer(t):
                accepted.append(j)
                # a banner may sit above the issuer line
                continue
            break
        if "关于" in t or t.startswith("印发"):
            seen_title_start = True
            accepted.append(j)
            continue
        if _is_issuer(t) and accepted:
            accepted.append(j)
            seen_title_start = True
            continue
        if len(accepted) >= 3:
            break
        accepted.append(j)
    if accepted and not any(
        "关于" in _compact(lines[j].text)
        or _is_banner(lines[j].text)
        or _is_issuer(lines[j].text)
        or _DOC_TYPE_END.search(_compact(lines[j].text))
        for j in accepted
    ):
        return []
    # drop title fragments that precede an accepted banner/issuer but were not reached
    return sorted(accepted)


def _walk_forward(lines: list[_Line], i: int) -> tuple[list[str], int]:
    """Title lines printed below the 文号 line (issuer banner style)."""
    parts: list[str] = []
    end = i
    j = i + 1
    while j < len(lines) and len(parts) < 4:
        ln = lines[j]
        if ln.text:
            c = _compact(ln.text)
            if not _headerish(ln) or _token(c) or _NUMBER_LINE.match(c):
                break
            parts.append(c)
            end = j
            if _DOC_TYPE_END.search(c):
                break
        j += 1
    return parts, end


@dataclass
class _Section:
    start: int
    end: int  # exclusive
    header: _Header | None = None
    skip_title: str = ""
    skip_reason: str = ""
    lines: list[int] = field(default_factory=list)  # indices of body lines (after re-homing)
    toc_page: int | None = None


_SPEECH_DATE = re.compile(r"^[（(]\s*(?:19|20)\d{2}\s*年.*日\s*[）)]$")
_NEWS_LEAD = re.compile(r"^\d{1,2}\s*月\s*\d{1,2}\s*日?(?:\s*[-—至、]\s*\d{1,2}\s*日)?\s*[，,]")


def _next_texts(lines: list[_Line], i: int, n: int) -> list[str]:
    out: list[str] = []
    for ln in lines[i + 1 :]:
        if ln.text:
            out.append(ln.text)
            if len(out) == n:
                break
    return out


def _reason_for(title: str, category: str = "") -> str:
    if "讲话" in title or "讲话" in category:
        return "讲话"
    if "大事记" in title:
        return "大事记"
    return "新闻"


def _find_skips(
    lines: list[_Line], toc: _Toc | None, headers: list[_Header]
) -> list[tuple[int, str, str]]:
    """Starts of speeches, news items and 大事记 (index, title, reason)."""
    in_header = set()
    for h in headers:
        in_header.update(range(h.start, h.end + 1))
    doc_titles = [_nfkc_compact(h.title) for h in headers]
    toc_items: list[tuple[str, str]] = []
    if toc:
        for e in toc.entries:
            if e.number:
                continue
            if any(_similar(_nfkc_compact(e.title), t) for t in doc_titles):
                continue
            toc_items.append((e.title, e.category))
    found: list[tuple[int, str, str]] = []
    for i, ln in enumerate(lines):
        if not ln.text or ln.table or i in in_header or (toc and toc.start <= i <= toc.end):
            continue
        if not _headerish(ln) or len(_compact(ln.text)) > 60:
            continue
        c = _compact(ln.text)
        hit = None
        for title, cat in toc_items:
            if c == title or (len(c) >= max(6, 0.6 * len(title)) and title.startswith(c)):
                hit = (title, _reason_for(title, cat))
                break
        if hit is None:
            nxt = _next_texts(lines, i, 3)
            if "讲话" in c and any(
                _SPEECH_DATE.match(_compact(t)) or t.startswith("同志们") for t in nxt
            ):
                hit = (c, "讲话")
            elif "大事记" in c and len(c) <= 30:
                hit = (c, "大事记")
            elif (
                nxt
                and _NEWS_LEAD.match(nxt[0])
                and "关于" not in c
                and not _token(c)
                and not _DOC_TYPE_END.search(c)
            ):
                hit = (c, "新闻")
        if hit:
            found.append((i, hit[0], hit[1]))
    return found


def _similar(a: str, b: str) -> bool:
    if not a or not b:
        return False
    return a == b or difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() >= 0.8


def _sections(
    lines: list[_Line], toc: _Toc | None, headers: list[_Header], skips: list[tuple[int, str, str]]
) -> tuple[list[_Section], list[Skipped]]:
    """Cut the gazette into document and non-document sections, in order."""
    starts: list[_Section] = []
    for h in headers:
        starts.append(_Section(h.start, 0, header=h))
    for i, title, reason in skips:
        starts.append(_Section(i, 0, skip_title=title, skip_reason=reason))
    if toc:
        starts.append(_Section(toc.start, 0, skip_title="目录", skip_reason="目录"))
    starts.sort(key=lambda s: s.start)
    skipped: list[Skipped] = []
    first = starts[0].start if starts else len(lines)
    cover = [ln.text for ln in lines[:first] if ln.text]
    if cover:
        skipped.append(Skipped(_compact(cover[0]), "封面/刊头"))
    for k, sec in enumerate(starts):
        sec.end = starts[k + 1].start if k + 1 < len(starts) else len(lines)
        if sec.header is None:
            skipped.append(Skipped(sec.skip_title, sec.skip_reason))
        else:
            sec.lines = [j for j in range(sec.header.end + 1, sec.end) if lines[j].text]
    return starts, skipped


def _assign_toc_pages(sections: list[_Section], toc: _Toc | None) -> None:
    if not toc:
        return
    for sec in sections:
        if sec.header is None:
            continue
        h = sec.header
        for e in toc.entries:
            if e.number == h.number or (
                e.number is None and _similar(_nfkc_compact(e.title), _nfkc_compact(h.title))
            ):
                sec.toc_page = e.page
                break


# ---------------------------------------------------------------------------------------------
# Pass 3: cross-page continuations
# ---------------------------------------------------------------------------------------------


def _last_text(lines: list[_Line], idx: list[int]) -> str:
    for j in reversed(idx):
        if lines[j].text and not lines[j].table:
            return lines[j].text
    return ""


def _rehome(lines: list[_Line], sections: list[_Section]) -> None:
    """Move every ``(上接第N页)`` block back to the document it continues."""
    docs = [s for s in sections if s.header is not None]
    paged = sorted((s for s in docs if s.toc_page is not None), key=lambda s: s.toc_page or 0)
    moved: set[int] = set()
    for host in docs:
        for pos, j in enumerate(host.lines):
            m = _CONT_START.match(lines[j].text)
            if not m or j in moved:
                continue
            block = host.lines[pos:]
            target = _continuation_target(lines, host, int(m.group(1)), paged, docs)
            if target is None:
                continue
            host.lines = host.lines[:pos]
            moved.update(block)
            _insert_block(lines, target, block)
            break


def _continuation_target(
    lines: list[_Line], host: _Section, page: int, paged: list[_Section], docs: list[_Section]
) -> _Section | None:
    """The document printed on ``page``: by TOC start pages, else by a dangling 下转 or end."""
    best = None
    for s in paged:
        if (s.toc_page or 0) <= page:
            best = s
    if best is not None and best is not host:
        return best
    for s in docs:
        if s is not host and any(_DOWN_MARK.search(lines[j].text) for j in s.lines[-3:]):
            return s
    earlier = [s for s in docs if s.start < host.start]
    for s in reversed(earlier):
        tail = _last_text(lines, s.lines)
        if tail and tail[-1] not in _CLOSING:
            return s
    return None


def _insert_block(lines: list[_Line], target: _Section, block: list[int]) -> None:
    """Insert right after the target's 下转 marker if it has one, else at its end."""
    for pos, j in enumerate(target.lines):
        if _DOWN_MARK.search(lines[j].text):
            target.lines[pos + 1 : pos + 1] = block
            return
    target.lines.extend(block)


# ---------------------------------------------------------------------------------------------
# Pass 4: paragraphs
# ---------------------------------------------------------------------------------------------


@dataclass
class _Para:
    text: str
    line: int  # index of the first line
    table: tuple[tuple[str, ...], ...] | None = None
    joins: list[int] = field(default_factory=list)  # offsets of joins across blank lines
    structural: bool = False
    marker: bool = False  # a 上接/下转 marker was removed from it


_ANNEX_MARK = re.compile(r"^附\s*件\s*([0-9０-９]+|[一二三四五六七八九十]+)?\s*[:：]?$")
_ANNEX_LIST = re.compile(r"^附\s*件\s*[:：]\s*(\S.*)$")


def _structural(text: str) -> bool:
    c = _compact(text)
    return bool(
        _is_date_line(c) or _ANNEX_MARK.match(c) or _NUMBER_LINE.match(c) or _CONT_START.match(text)
    )


def _join_char(a: str, b: str) -> str:
    """English words broken by a wrap get their space back; digits and CJK join directly."""
    both_latin = a[-1:].isascii() and a[-1:].isalpha() and b[:1].isascii() and b[:1].isalpha()
    return " " if both_latin else ""


def _starts_title(text: str, titles: list[str]) -> bool:
    """The line is (the start of) a known instrument title."""
    c = _nfkc_compact(text)
    return any(c == t or (len(c) >= 12 and t.startswith(c)) for t in titles)


def _can_join(prev: _Para, nxt: _Line, titles: list[str]) -> bool:
    """Page-break or hard-wrap join: the previous text runs on into the next line."""
    if prev.table is not None or prev.structural or nxt.table or _structural(nxt.text):
        return False
    if _starts_title(nxt.text, titles):
        return False
    p = prev.text.rstrip()
    if not p:
        return False
    if p[-1].isdigit() and nxt.text[:1].isdigit():
        return True  # a number broken by the wrap: 8⏎000元
    if p[-1] in _CONTINUES or _open_bracket_at_end(p):
        return True
    if p[-1] in _CLOSING or (p[-1] in "”’" and p[-2:-1] in _CLOSING):
        return False
    if _token(nxt.text):
        return False
    return not _heading_like(p)


def _signature_lines(lines: list[_Line], idx: list[int]) -> set[int]:
    """Issuer lines that sign a document: one to three issuer names right above a date line."""
    texts = [(j, lines[j].text) for j in idx if lines[j].text and not lines[j].table]
    out: set[int] = set()
    for k, (_, t) in enumerate(texts):
        if not _is_date_line(t):
            continue
        m = k - 1
        while m >= 0 and k - m <= 3 and _is_issuer(texts[m][1]) and not _token(texts[m][1]):
            out.add(texts[m][0])
            m -= 1
    return out


def _paragraphs(lines: list[_Line], idx: list[int], titles: list[str]) -> list[_Para]:
    """Join broken lines into paragraphs and group tab-separated lines into tables."""
    paras: list[_Para] = []
    signature = _signature_lines(lines, idx)
    blank_before = False
    prev_j = None
    for j in idx:
        ln = lines[j]
        if prev_j is not None and j != prev_j + 1:
            blank_before = any(not lines[k].text for k in range(prev_j + 1, j)) or blank_before
        prev_j = j
        if not ln.text:
            blank_before = True
            continue
        if ln.table:
            if paras and paras[-1].table is not None:
                rows = paras[-1].table
                if ln.cells != rows[0] or len(rows) == 1:  # repeated header rows are page noise
                    paras[-1].table = rows + (ln.cells,)
                    paras[-1].text += "\n" + "\t".join(ln.cells)
            else:
                paras.append(_Para("\t".join(ln.cells), j, table=(ln.cells,)))
            blank_before = False
            continue
        if paras and j not in signature and _can_join(paras[-1], ln, titles):
            prev = paras[-1]
            if blank_before:
                prev.joins.append(len(prev.text.rstrip()))
            prev.text = prev.text.rstrip() + _join_char(prev.text.rstrip(), ln.text) + ln.text
        else:
            paras.append(_Para(ln.text, j, structural=_structural(ln.text) or j in signature))
        blank_before = False
    for p in paras:
        if p.table is None:
            # the 上接/下转 markers are page furniture, not clause text
            cleaned = _CONT_MARK.sub("", p.text).strip()
            if cleaned != p.text:
                p.joins = [min(o, len(cleaned)) for o in p.joins]
                p.text = cleaned
                p.structural = _structural(cleaned)
                p.marker = True
    _rejoin_after_markers(paras)
    return [p for p in paras if p.text]


def _rejoin_after_markers(paras: list[_Para]) -> None:
    """A 下转 tail and its re-homed 上接 block form one sentence once the markers are gone."""
    k = 0
    while k + 1 < len(paras):
        a, b = paras[k], paras[k + 1]
        if (
            (a.marker or b.marker)
            and a.table is None
            and b.table is None
            and a.text
            and b.text
            and a.text[-1] not in _CLOSING
            and not _token(b.text)
            and not a.structural
            and not b.structural
            and not _heading_like(a.text)
        ):
            a.joins.append(len(a.text))
            a.text += b.text
            del paras[k + 1]
            continue
        k += 1


# ---------------------------------------------------------------------------------------------
# Pass 5: documents and clause trees
# ---------------------------------------------------------------------------------------------


def _instrument_titles(title: str, intro: str) -> list[str]:
    """Titles in 《》 named by the 印发 sentence (or the title) of a covering notice."""
    found: list[str] = []
    for src in (_compact(title), _compact(intro)):
        for t in re.findall(r"《([^《》]{4,80})》", src):
            if t not in found:
                found.append(t)
    return found


def _split_instruments(
    cands: list[str], paras: list[_Para]
) -> list[tuple[str | None, list[_Para]]]:
    """[(instrument title or None, paragraphs)]: several when the notice issues several."""
    if len(cands) < 2:
        return [(None, paras)]
    starts: list[tuple[int, str]] = []
    for k, p in enumerate(paras):
        if p.table is not None or not _heading_like(p.text) and len(_compact(p.text)) > 60:
            continue
        c = _nfkc_compact(p.text)
        for t in cands:
            if c == _nfkc_compact(t) and all(t != s for _, s in starts):
                starts.append((k, t))
    if len(starts) < 2:
        return [(None, paras)]
    out: list[tuple[str | None, list[_Para]]] = []
    for n, (k, t) in enumerate(starts):
        lo = 0 if n == 0 else k
        hi = starts[n + 1][0] if n + 1 < len(starts) else len(paras)
        out.append((t, paras[lo:hi]))
    return out


_IN_FORCE_FROM = re.compile(r"自\s*(" + _DATE.pattern + r")\s*起\s*(?:施行|实施|执行|生效)")
_IN_FORCE_ISSUE = re.compile(r"自\s*(?:印发|发布|下发|公布|发文)之日起\s*(?:施行|实施|执行|生效)")
_IN_FORCE_UNTIL = re.compile(r"有效期\s*至\s*(" + _DATE.pattern + r")")
_IN_FORCE_YEARS = re.compile(r"有效期\s*(?:为)?\s*([0-9一二两三四五六七八九十]+)\s*年")


def _in_force(text: str, signed: datetime.date | None):
    """(in_force_from, in_force_until) from 自…起施行 / 有效期至… wording."""
    c = _compact(text)
    start = until = None
    m = _IN_FORCE_FROM.search(c)
    if m:
        start = _to_date(_DATE.match(m.group(1)))  # type: ignore[arg-type]
    elif _IN_FORCE_ISSUE.search(c):
        start = signed
    m = _IN_FORCE_UNTIL.search(c)
    if m:
        until = _to_date(_DATE.match(m.group(1)))  # type: ignore[arg-type]
    else:
        m = _IN_FORCE_YEARS.search(c)
        years = _cn_int(m.group(1)) if m else None
        if years and start:
            try:
                until = start.replace(year=start.year + years) - datetime.timedelta(days=1)
            except ValueError:  # 29 February
                until = start.replace(year=start.year + years, day=28)
    return start, until


class _TreeBuilder:
    """Builds one document's clauses from its paragraphs, token by token."""

    def __init__(self, number_key: str, base: tuple[str, ...]):
        self.number_key = number_key
        self.base = base
        self.clauses: list[dict] = []
        self.keys: set[str] = set()
        self.root = self._new(base, "", None)
        self.unit_root = self.root
        self.stack: list[tuple[str, dict]] = []
        self.tables: dict[str, int] = {}
        self.annex_no = 0
        self.annex_titles: list[str] = []
        self.list_next: int | None = None
        self.annex_fresh = False
        self.signed_on: datetime.date | None = None
        self.sign_issuer: list[str] = []

    def _key(self, path: tuple[str, ...]) -> str:
        return "/".join((self.number_key,) + path)

    def _new(self, path: tuple[str, ...], token: str, parent: dict | None, **kw) -> dict:
        key = self._key(path)
        if key in self.keys:  # a key that would repeat gets ~2, ~3 ...
            n = 2
            while self._key(path[:-1] + (f"{path[-1]}~{n}",)) in self.keys:
                n += 1
            path = path[:-1] + (f"{path[-1]}~{n}",)
            key = self._key(path)
        self.keys.add(key)
        node = {
            "key": key,
            "token": token,
            "path": path,
            "parent": parent["key"] if parent else None,
            "parts": [],
            "joins": [],
            "flags": [],
            "table": kw.get("table"),
        }
        self.clauses.append(node)
        return node

    @property
    def current(self) -> dict:
        return self.stack[-1][1] if self.stack else self.unit_root

    def add_text(self, node: dict, para: _Para) -> None:
        offset = sum(len(p) + 1 for p in node["parts"])
        node["joins"].extend(offset + o for o in para.joins)
        if para.joins:
            node["flags"].append("page_joined")
        node["parts"].append(para.text)

    def start_annex(self, para: _Para, number: int | None) -> None:
        self.annex_no = number if number else self.annex_no + 1
        path = self.base + (f"附件{self.annex_no}",)
        self.unit_root = self._new(path, f"附件{self.annex_no}", self.root)
        self.add_text(self.unit_root, para)
        self.stack = []
        self.tables = {}

    def token(self, tok: _Token, para: _Para) -> None:
        kinds = [k for k, _ in self.stack]
        if tok.kind in kinds:
            self.stack = self.stack[: kinds.index(tok.kind)]
        else:
            rank = _RANK.get(tok.kind, 9)
            while self.stack and _RANK.get(self.stack[-1][0], 9) > rank:
                self.stack.pop()
        parent = self.current
        node = self._new(parent["path"] + (tok.segment,), tok.segment, parent)
        self.add_text(node, para)
        self.stack.append((tok.kind, node))

    def table(self, para: _Para) -> None:
        parent = self.current
        n = self.tables.get(parent["key"], 0) + 1
        self.tables[parent["key"]] = n
        node = self._new(parent["path"] + (f"表{n}",), f"表{n}", parent, table=para.table)
        self.add_text(node, para)

    def feed(self, paras: list[_Para]) -> None:
        k = 0
        while k < len(paras):
            p = paras[k]
            k += 1
            if p.table is not None:
                self.table(p)
                continue
            c = _compact(p.text)
            # signature: issuer line(s) directly above a date line
            if _is_date_line(c):
                m = _DATE.search(c)
                if self.signed_on is None and m and not c.startswith(("(", "（")):
                    self.signed_on = _to_date(m)
                self.stack = []
                continue
            if self._is_signature_org(paras, k - 1):
                self.sign_issuer.append(c)
                continue
            m = _ANNEX_MARK.match(c)
            if m:
                self.start_annex(p, _cn_int(m.group(1)) if m.group(1) else None)
                self.annex_fresh = True
                continue
            m = _ANNEX_LIST.match(c)
            if m:
                self._annex_listing(m.group(1))
                self.add_text(self.root, p)
                continue
            if self.list_next is not None:
                lm = re.match(r"^(\d+)[、.．]\s*(.{1,60})$", c)
                if lm and int(lm.group(1)) == self.list_next and "。" not in c:
                    self.annex_titles.append(_nfkc_compact(lm.group(2)))
                    self.list_next += 1
                    self.add_text(self.root, p)
                    continue
                self.list_next = None
            if self.annex_titles and _nfkc_compact(p.text) in self.annex_titles:
                n = self.annex_titles.index(_nfkc_compact(p.text)) + 1
                if (
                    self.annex_fresh
                    and self.unit_root["parts"]
                    and len(self.unit_root["parts"]) < 2
                ):
                    self.add_text(self.unit_root, p)  # the title under its 附件N marker
                    self.annex_fresh = False
                    continue
                if n > self.annex_no:
                    self.start_annex(p, n)
                    self.annex_fresh = False
                    continue
            if self.annex_fresh and _heading_like(p.text) and not _token(p.text):
                self.add_text(self.unit_root, p)
                self.annex_fresh = False
                continue
            self.annex_fresh = False
            tok = _token(p.text)
            if tok:
                self.token(tok, p)
            else:
                self.add_text(self.current, p)

    def _is_signature_org(self, paras: list[_Para], k: int) -> bool:
        """An issuer name directly followed (within two paragraphs) by a date line."""
        c = _compact(paras[k].text)
        if not _is_issuer(c) or _token(c):
            return False
        for nxt in paras[k + 1 : k + 3]:
            nc = _compact(nxt.text)
            if _is_date_line(nc):
                return True
            if not _is_issuer(nc):
                return False
        return False

    def _annex_listing(self, rest: str) -> None:
        rest = _compact(rest)
        m = re.match(r"^(\d+)[、.．](.+)$", rest)
        if m:
            self.annex_titles.append(_nfkc_compact(m.group(2)))
            self.list_next = int(m.group(1)) + 1
        else:
            self.annex_titles.append(_nfkc_compact(rest))
            self.list_next = None

    def result(self) -> list[ParsedClause]:
        out = []
        for pos, n in enumerate(self.clauses):
            text = "\n".join(n["parts"])
            table = n["table"]
            out.append(
                ParsedClause(
                    key=n["key"],
                    token=n["token"],
                    path=n["path"],
                    parent_key=n["parent"],
                    text=text,
                    normalized=_nfkc_compact(text),
                    text_hash=clause_text_hash(text),
                    position=pos,
                    is_table=table is not None,
                    table=table,
                    flags=tuple(dict.fromkeys(n["flags"])),
                    join_offsets=tuple(n["joins"]),
                )
            )
        return out


def _document_key(number: str | None, title: str) -> str:
    """The 文号, or 无文号- and the first 8 hex digits of the SHA-256 of the title."""
    if number:
        return number
    return "无文号-" + hashlib.sha256(title.encode("utf-8")).hexdigest()[:8]


def _build_documents(lines: list[_Line], sec: _Section) -> list[ParsedDocument]:
    h = sec.header
    assert h is not None
    header_text = "\n".join(lines[j].text for j in range(h.start, h.end + 1) if lines[j].text)
    intro = "".join(lines[j].text for j in sec.lines[:15] if not lines[j].table)
    cands = _instrument_titles(h.title, intro)
    paras = _paragraphs(lines, sec.lines, [_nfkc_compact(t) for t in cands])
    docs: list[ParsedDocument] = []
    parts = _split_instruments(cands, paras)
    signed = None
    issuer = h.issuer
    for n, (inst_title, ps) in enumerate(parts):
        base = (inst_title,) if inst_title else ()
        builder = _TreeBuilder(_document_key(h.number, h.title), base)
        builder.feed(ps)
        signed = builder.signed_on or signed
        if not issuer and builder.sign_issuer:
            issuer = "、".join(builder.sign_issuer)
        body = "\n".join(p.text for p in ps)
        text = header_text + "\n" + body if n == 0 else body
        start_line = lines[h.start].no if n == 0 else lines[ps[0].line].no
        docs.append(
            ParsedDocument(
                number=h.number,
                title=inst_title or h.title,
                issuer=issuer,
                signed_on=builder.signed_on,
                in_force_from=None,
                in_force_until=None,
                clauses=builder.result(),
                text=text,
                start_line=start_line,
            )
        )
    for d in docs:
        d.signed_on = d.signed_on or signed
        d.issuer = d.issuer or issuer
        d.in_force_from, d.in_force_until = _in_force(d.text, d.signed_on)
    return docs


def parse_gazette(text: str) -> ParseResult:
    """Split a gazette into documents (with clause trees) and skipped non-document parts."""
    lines = _prepare(text)
    toc = _find_toc(lines)
    _drop_noise(lines, (toc.start, toc.end) if toc else None)
    headers = _find_headers(lines, toc)
    skips = _find_skips(lines, toc, headers)
    sections, skipped = _sections(lines, toc, headers, skips)
    _assign_toc_pages(sections, toc)
    _rehome(lines, sections)
    documents: list[ParsedDocument] = []
    for sec in sections:
        if sec.header is not None:
            documents.extend(_build_documents(lines, sec))
    return ParseResult(documents, skipped)
