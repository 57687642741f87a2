"""One document's lines → paragraphs (pass 4) → clause tree (pass 5), by numbering tokens alone.

Pure module (standard library only): no Flask, no database. Imports ``lines``; ``parsing`` imports
it to build each document. A 文号 that issues several instruments is split here, and annexes are
keyed (``附件N``).
"""

from __future__ import annotations

import datetime
import hashlib
import re
from dataclasses import dataclass, field

from checklists.standards.lines import (
    _CLOSING,
    _CONT_MARK,
    _CONT_START,
    _CONTINUES,
    _DATE,
    _NUMBER_LINE,
    _RANK,
    _cn_int,
    _compact,
    _heading_like,
    _is_date_line,
    _is_issuer,
    _Line,
    _nfkc_compact,
    _open_bracket_at_end,
    _to_date,
    _Token,
    _token,
)

# ---------------------------------------------------------------------------------------------
# Public data type
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


#: A section's heading alone (三、监督检查, 第二章 监督管理, （二）资金拨付): its numbering, then a
#: name with no figure and no mark of a sentence or a list's lead.
_HEADING_ONLY = re.compile(
    r"(?:第[一二三四五六七八九十百零〇\d]+[章节]|第[一二三四五六七八九十]+部分"
    r"|[（(]?[一二三四五六七八九十\d]{1,3}[)）、.．])\s*[^\d\s。；;，,：:！!？?]{2,20}"
)


def heads_only(clause: ParsedClause, parents: set[str]) -> bool:
    """A clause that is its heading alone and heads clauses of its own (``parents``: the keys
    that have children): it states no requirement (GUIDE 1.5: titles and headings)."""
    return (
        clause.key in parents
        and not clause.is_table
        and bool(_HEADING_ONLY.fullmatch(clause.text.strip()))
    )


def clause_text_hash(text: str) -> str:
    """SHA-256 hex of the text after NFKC with all whitespace removed (a lone surrogate, which
    no UTF-8 holds, is hashed as its code point rather than raising)."""
    return hashlib.sha256(_nfkc_compact(text).encode("utf-8", "surrogatepass")).hexdigest()


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
    contents: bool = False  # an entry of the document's own table of contents: text, no clause
    last: int = 0  # the length of its last line (compact): a full line was wrapped


_ANNEX_MARK = re.compile(r"^附\s*件\s*([0-9０-９]+|[一二三四五六七八九十]+)?\s*[:：]?$")
_ANNEX_LIST = re.compile(r"^附\s*件\s*[:：]\s*(\S.*)$")
#: The last words of a document's title (…办法, …清单, …方案), wrapped onto a line of its own.
_DOC_TYPE_TAIL = re.compile(
    r"[^，,。；;：:]{0,10}?(?:办法|清单|方案|细则|规定|标准|目录|名单|名录|计划|意见|通知|表|指南|规则)$"
)


_FIGURE_ITEM = re.compile(r"([1-9]\d?)[.．]\d")


def _figure_item(text: str, after: list[_Para], last: int | None) -> _Token | None:
    """1.7座及以下乘用车；2.5吨以上货车；: an item whose words open with a figure (read as the
    number 1.7, its item was lost), known by the item before it (``last``, the number of the
    list it would go on) or, item 1, by the item after it (2.… either way)."""
    m = _FIGURE_ITEM.match(text)
    if m is None:
        return None
    n = int(m.group(1))
    if n == 1:
        nxt = after[0].text if after else ""
        tok = _token(nxt)
        if not (tok and tok.kind == "num" and tok.value == 2) and not re.match(r"2[.．]\d", nxt):
            return None
    elif last is None or n != last + 1:
        return None
    return _Token("num", str(n), n)


#: A note listing its points, the first on its own line (注：1.能耗强度…, 说明：1、…).
_NOTE_LIST = re.compile(r"^(?:注|备注|说明)\s*[:：]\s*1\s*[.．、]")
#: An annex's marker with its title on the same line (附件一：某县补助标准).
_ANNEX_TITLED = re.compile(
    r"^附\s*件\s*([0-9０-９]+|[一二三四五六七八九十]+)\s*[:：、.．]?\s*([^。；;：:]{2,60})$"
)


def _structural(text: str) -> bool:
    c = _compact(text)
    return bool(
        _is_date_line(c)
        or _ANNEX_MARK.match(c)
        or _ANNEX_TITLED.match(c)  # (附件1：…⏎附件2：…: one line each, never run on)
        or _NUMBER_LINE.match(c)
        or _CONT_START.match(text)
    )


#: Who signs an order (市长 刘志远, 代理市长 某某, 县长 某某): a post and a name, a signature.
_SIGNER = re.compile(
    r"(?:代理|代)?(?:省长|市长|州长|县长|区长|旗长|盟长|镇长|乡长|主任)[\u4e00-\u9fff]{2,4}"
)
#: A plan's box and its end (专栏2 生态保护修复重点工程; —专栏结束—), whitespace removed.
_BOX_START = re.compile(r"专栏([0-9一二三四五六七八九十]{1,3})(?![0-9一二三四五六七八九十])")
_BOX_END = re.compile(r"[—\-－─]*专栏结束[—\-－─]*")
#: An issuer and the date it signed on, on one line (某县人民政府 2016年3月12日).
_SIGNED_INLINE = re.compile(r"(\S{2,30}?)[ \t　]+(\S{6,16}日)")


def _join_char(a: str, b: str) -> str:
    """English words broken by a wrap get their space back; digits and CJK join directly."""
    both_latin = a[-1:].isascii() and a[-1:].isalpha() and b[:1].isascii() and b[:1].isalpha()
    return " " if both_latin else ""


def _starts_title(text: str, titles: list[str]) -> bool:
    """The line is (the start of) a known instrument title."""
    c = _nfkc_compact(text)
    return any(c == t or (len(c) >= 12 and t.startswith(c)) for t in titles)


#: Cells of a grid, apart by two spaces or more (王某某　　市教育局副局长), and the last cell.
_CELLS = re.compile(r"[\u4e00-\u9fff）)](?:[ 　]{2,}|\t)[\u4e00-\u9fff（(][^，,。；;：:！？!?\s]*$")


#: A line of a roster: a name, a space, the post (副指挥长：陈某某　县人民武装部部长;
#: 赵某某　县水利局局长), no sentence.
_ROSTER_LINE = re.compile(
    r"(?:^|[：:])\s*[\u4e00-\u9fff]{1,3}[ 　]?[\u4e00-\u9fff]{0,2}[ 　]+[^\s。；;：:]{2,40}?"
    r"(?:局长|部长|主任|书记|委员|成员|秘书长|组长|主席|处长|科长|站长|所长|院长|校长|队长|经理|"
    r"负责人|负责同志|调研员|巡视员|政委|司令员|参谋长|指挥长|总指挥|[省市县区镇乡州]长|[(（]挂职[)）])"
    # (陈国强 某县发展和改革局局长职务（退休）: a post taken away, why)
    r"(?:职务)?(?:[（(][^（）()]{1,12}[）)])?$"
)


#: A text's closing sentence, on when it takes effect (本决定自公布之日起施行).
_CLOSING_SENTENCE = re.compile(
    r"本(?:决定|通知|办法|意见|规定|方案|细则|措施|实施意见|实施方案|通告|公告)自[^。；;]{2,30}?(?:施行|执行|实施)"
)
#: A flow chart's arrows, each on a line of its own between the steps.
_ARROWS = ("↓", "⇩", "⬇", "↑", "→")


def _a_grid_row(text: str) -> bool:
    """Text that ends in a row of a grid: cells apart by wide spaces, the last one no
    sentence's (no punctuation in it), or in a roster's line (a name, then the post)."""
    last = text[-60:].rsplit("\n", 1)[-1]
    return _CELLS.search(last) is not None or _ROSTER_LINE.search(last.strip()) is not None


#: 地 opening a noun (地区, 地方, 地质…), not the particle (认真⏎地落实).
_A_PLACE_WORD = re.compile(r"地[区方质下上面块表震铁价域理市形势貌税籍标]")


#: A count and its measure word opening a line (1次，…; 2.5米，…): a sentence's middle.
_A_COUNT_FIRST = re.compile(
    r"\d+(?:\.\d+)?\s*(?:次|个|人|名|家|户|辆|台|天|日|小时|分钟|周|米|元|万元|吨|%|％)(?:[，,。；;]|$)"
)


#: A bound on a count ending a line (不少于20个): what it counts is on the next line.
_A_BOUND_AT_END = re.compile(
    r"(?:不少于|不低于|不超过|不高于|不多于|至少|最多|达到)\s*\d+(?:\.\d+)?\s*"
    r"(?:个|名|家|台|辆|处|间|张|座|套|人)$"
)


def _can_join(prev: _Para, nxt: _Line, titles: list[str], width: int = 0) -> bool:
    """Page-break or hard-wrap join: the previous text runs on into the next line (``width``:
    the text's full line, ``_line_width``; a line that fills it was wrapped)."""
    if prev.table is not None or prev.structural or nxt.table or _structural(nxt.text):
        return False
    if prev.text.rstrip().endswith(("《", "〈")):
        return True  # (…，根据《 ⏎ 某省…的通知 ⏎》…: the title quoted, not one that starts here)
    if _starts_title(nxt.text, titles):
        return False
    p = prev.text.rstrip()
    if not p:
        return False
    if _next_in_a_list(p, nxt.text):
        return False  # 附件：1.…获奖项目⏎2.2022年度…; 组  长：…⏎副组长：…: the list's next line
    if p[-1].isdigit() and nxt.text[:1].isdigit():
        return True  # a number broken by the wrap: 8⏎000元
    if "\u4e00" <= p[-1] <= "\u9fff" and _A_COUNT_FIRST.match(nxt.text.strip()):
        return True  # …至少检查⏎1次，…: no paragraph opens with a count, the number goes on
    if _CLOSING_SENTENCE.match(nxt.text.strip()):
        # (…（临政发〔2016〕3号） ⏎ 本决定自公布之日起施行。: the text's own last words)
        return False
    if _a_grid_row(p) or p.endswith(_ARROWS) or nxt.text.strip().startswith(_ARROWS):
        # (a flow chart's arrow on its own line: 受理：… ⏎ ↓ ⏎ 审核：…)
        # (王某某　　市发改委副主任 ⏎ 李　某　　市教育局副局长; 某某剪纸　　某某制茶技艺 ⏎ …: a
        # grid's rows, names and posts in cells, never one wrapped sentence)
        return False
    if p[-1] in "。；;！!？?" and nxt.text.lstrip()[:1] in "“「":
        # (…修改为：“…建设时序。 ⏎ “新建、改建…: a quoted text's next paragraph opens with its
        # own quote mark, the one before still open)
        return False
    if p[-1] in _CONTINUES or _open_bracket_at_end(p):
        return True
    if nxt.text[:1] in "的地得之" and p[-1] not in _CLOSING and not _A_PLACE_WORD.match(nxt.text):
        return True  # (…大修⏎的城市道路: no paragraph opens with 的; 地区生产总值… may)
    if p[-1] in _CLOSING or (p[-1] in "”’" and p[-2:-1] in _CLOSING):
        return False
    if p[-1] == "." and not p[-2:-1].isdigit():
        return False  # (…起施行. an OCR's full stop, half-width; not 3. of 3.5万元)
    tok = _token(nxt.text)
    if tok and tok.kind == "article" and _CITES_AN_ARTICLE.search(p):
        return True  # 依照本办法⏎第四条处理: an article cited, wrapped at its number
    if tok:
        return False
    if _A_BOUND_AT_END.search(p):
        return True  # 三、市场内应当设置不少于20个⏎公益性摊位，…: no heading ends with a bound
    # (除职工…以外的其他所有城乡⏎居民，均可…: a full line with no comma, wrapped all the same)
    return not _heading_like(p) or (width > 0 and prev.last >= width)


#: How much shorter than the text's longest usual line a wrapped line may be (a wrap before a
#: word that would not fit, or a half-width character counted as one).
_WRAP_SLACK = 3


def _line_width(lines: list[_Line], idx: list[int]) -> int:
    """The length (compact) a line of this text reaches when it was wrapped, or 0 when the text
    was not wrapped at a width (a paragraph a line): the upper quartile of its body lines'
    lengths, less a little slack, if lines that long are common and short enough to be a
    page's (GB/T 9704: 28 characters a line)."""
    lengths = sorted(
        n for j in idx if not lines[j].table and (n := len(_compact(lines[j].text))) >= 10
    )
    if len(lengths) < 6:
        return 0
    width = lengths[(len(lengths) * 3) // 4]
    if width > 60:
        return 0  # (a paragraph a line, as Markdown or a careful conversion writes them)
    return width - _WRAP_SLACK


def _next_in_a_list(prev: str, line: str) -> bool:
    """Whether ``line`` is the next of a list ``prev`` is one of: numbered in order (1.… then
    2.…, whatever follows the point) or labelled (组  长：… then 副组长：…)."""
    a = re.match(r"(?:附\s*件\s*[:：]\s*)?(\d{1,2})\s*[.．、]", prev.strip())
    b = re.match(r"(\d{1,2})\s*[.．、]", line.strip())
    if a and b and int(b.group(1)) == int(a.group(1)) + 1:
        return True
    label = r"[\u4e00-\u9fff][\u4e00-\u9fff\s]{0,5}[：:]"
    return bool(re.match(label, prev.strip()) and re.match(label, line.strip()))


#: Words that cite an article next, ending a line (依照本办法, 违反本规定, 适用): the 第N条 on the
#: next line is the one cited, not a new article.
_CITES_AN_ARTICLE = re.compile(
    r"(?:本(?:办法|规定|条例|细则|决定|制度|意见)|依照|按照|根据|违反|适用|参照|依据)$"
)


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
    width = _line_width(lines, idx)
    blank_before = False
    prev_j = None
    for j in idx:
        ln = lines[j]
        if prev_j is not None and j != prev_j + 1:
            blank_before = any(not lines[k].text for k in range(prev_j + 1, j)) or blank_before
        prev_j = j
        if not ln.text or (
            # a line that is only a page's 上接/下转 marker: page furniture, the sentence it
            # interrupts runs on across it (配送人员应当⏎（上接第3页）⏎持证上岗。)
            paras and paras[-1].table is None and not _CONT_MARK.sub("", ln.text).strip()
        ):
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
        if paras and j not in signature and _can_join(paras[-1], ln, titles, width):
            prev = paras[-1]
            if blank_before:
                prev.joins.append(len(prev.text.rstrip()))
            prev.text = prev.text.rstrip() + _join_char(prev.text.rstrip(), ln.text) + ln.text
        else:
            paras.append(_Para(ln.text, j, structural=_structural(ln.text) or j in signature))
        paras[-1].last = len(_compact(ln.text))
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


_CONTENTS_HEADING = re.compile(r"^目\s*录$")
#: A table of contents entry: a heading, perhaps with dot leaders and a page number (each run
#: of leaders or digits tried from its start: from each of its characters, a long run took
#: time quadratic in its length).
_CONTENTS_PAGE = re.compile(r"(?<![.．…·\s])[.．…·\s]*(?<![0-9０-９])[0-9０-９]+$")


def _entry(text: str) -> str:
    """A contents entry or a heading without its page number, compact."""
    return _nfkc_compact(_CONTENTS_PAGE.sub("", text))


def mark_own_contents(paras: list[_Para]) -> list[_Para]:
    """A document's own table of contents marked in its paragraphs: it stays in the document's
    text but its entries are not clauses (read as clauses they double every chapter key,
    第一章 then 第一章~2).

    Contents are a run of at least two short numbered headings, after a 目录 heading or not,
    with no body between them, whose entries appear again, in order, as headings later in the
    document. Returns the paragraphs of the contents (marked ``contents``)."""
    n = len(paras)
    k = 0
    while k < n:
        start = k
        heading = _CONTENTS_HEADING.match(_compact(paras[k].text)) is not None
        j = k + 1 if heading else k
        run = []
        while j < n:
            text = paras[j].text
            if paras[j].table is not None or "。" in text or len(_compact(text)) > 40:
                break
            if not _token(text) or _entry(text) in {_entry(paras[i].text) for i in run}:
                break  # not a heading, or the first heading again: the body begins
            run.append(j)
            j += 1
        entries = [_entry(paras[i].text) for i in run]
        if len(run) >= (2 if heading else 3):
            later = [_entry(p.text) for p in paras[j:] if p.table is None]
            if _in_order(entries, later):
                for i in range(start, j):
                    paras[i].contents = True
                return paras[start:j]
        k = max(k + 1, j if run else k + 1)
    return []


def _in_order(entries: list[str], later: list[str]) -> bool:
    """Every entry appears among ``later``, in the same order."""
    at = 0
    for entry in entries:
        try:
            at = later.index(entry, at) + 1
        except ValueError:
            return False
    return True


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
    """[(instrument title or None, paragraphs)]: several when the notice issues several, or
    the notice's own and its one instrument's when both are numbered from 一 (…通知如下：一、…
    二、… then 某某实施方案 一、总体目标…: two numberings, not one with ~2 keys)."""
    if len(cands) == 1:
        return _notice_and_instrument(cands[0], paras)
    if len(cands) < 2:
        return [(None, paras)]
    starts: list[tuple[int, str]] = []
    for k, p in enumerate(paras):
        if p.table is not None or not _heading_like(p.text) and len(_compact(p.text)) > 60:
            continue
        c = _nfkc_compact(p.text)
        if k and _ANNEX_MARK.match(_compact(paras[k - 1].text)):
            continue  # (附件 ⏎ 某某申请审批表: a form the rules name, their annex, no instrument)
        for t in cands:
            if c == _nfkc_compact(t) and all(t != s for _, s in starts):
                starts.append((k, t))
    if len(starts) == 1:
        return _notice_and_instrument(starts[0][1], paras)  # (the other one named: an annex)
    if len(starts) < 2:
        return [(None, paras)]
    # (the covering notice's own text before the first instrument: a document of its own, as
    # where it issues one instrument)
    out: list[tuple[str | None, list[_Para]]] = (
        [(None, paras[: starts[0][0]])] if starts[0][0] else []
    )
    for n, (k, t) in enumerate(starts):
        lo = k
        hi = starts[n + 1][0] if n + 1 < len(starts) else len(paras)
        out.append((t, paras[lo:hi]))
    return out


def _notice_and_instrument(title: str, paras: list[_Para]) -> list[tuple[str | None, list[_Para]]]:
    """The covering notice's paragraphs and its one instrument's, where both number their
    items from the start (else one document, as before)."""
    whole: list[tuple[str | None, list[_Para]]] = [(None, paras)]
    at = next(
        (
            k
            for k, p in enumerate(paras)
            if k > 0 and p.table is None and _nfkc_compact(p.text) == _nfkc_compact(title)
        ),
        None,
    )
    if at is None:
        return whole
    before = [t for p in paras[:at] if (t := _token(p.text))]
    after = [t for p in paras[at + 1 :] if (t := _token(p.text))]
    if not before or not after or after[0].value != 1:
        return whole
    if not any(t.kind == after[0].kind for t in before):
        return whole
    return [(None, paras[:at]), (title, paras[at:])]


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
        self.own_annex: str | None = None  # an annex's own 附件：… listing, once read
        self.note: tuple[dict, int] | None = None  # a note's points (注：1.…): where, the next
        self.list_next: int | None = None
        self.annex_fresh = False
        self.boxed: list[tuple[str, dict]] | None = None  # the stack a 专栏 box interrupts
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
    def last_num(self) -> int | None:
        """The number of the open list of 1. 2. items (the last on the stack), if any."""
        for kind, node in reversed(self.stack):
            if kind == "num":
                return int(node["token"]) if node["token"].isdigit() else None
        return None

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
        self.list_next = None  # (the list of annexes, if any, has ended)
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
        elif (
            tok.kind.startswith("dec")
            and tok.kind != "dec1"
            and not any(k.startswith("dec") for k in kinds)
        ):
            pass  # (二、重点任务 ⏎ 1.1 …: a decimal item with no 1 before it, under the open one)
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
            if p.contents:
                continue
            if p.table is not None:
                self.table(p)
                continue
            c = _compact(p.text)
            inline = _SIGNED_INLINE.fullmatch(p.text.strip())
            if inline and _is_issuer(inline.group(1)) and _is_date_line(inline.group(2)):
                # (某县人民政府 2016年3月12日: the issuer and the date on one line)
                self.sign_issuer.append(_compact(inline.group(1)))
                m = _DATE.search(_compact(inline.group(2)))
                if self.signed_on is None and m:
                    self.signed_on = _to_date(m)
                self.stack = []
                continue
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
            if _SIGNER.fullmatch(c) and k < len(paras) and _is_date_line(_compact(paras[k].text)):
                continue  # (市长 刘志远 ⏎ 2022年10月28日: who signed an order, its signature)
            m = _ANNEX_MARK.match(c)
            if m and not m.group(1) and self.own_annex is not None:
                # (附件1 …附件：某办法 ⏎ 附件 ⏎ 某办法: the annex's own annex, under it)
                path = self.base + (f"附件{self.annex_no}", "附件")
                self.unit_root = self._new(path, "附件", self.unit_root)
                self.add_text(self.unit_root, p)
                self.stack, self.tables, self.own_annex = [], {}, None
                self.annex_fresh = True
                continue
            if m:
                self.start_annex(p, _cn_int(m.group(1)) if m.group(1) else None)
                self.annex_fresh = True
                continue
            m = _ANNEX_TITLED.match(c)
            if m and self.signed_on is None and _nfkc_compact(m.group(2)) not in self.annex_titles:
                # (附件1：…, 附件2：… listed above the signature: what is attached, by name)
                self.annex_titles.append(_nfkc_compact(m.group(2)))
                self.add_text(self.root, p)
                continue
            if m:  # 附件一：某县补助标准, after the signature or once listed: the annex itself
                self.start_annex(p, _cn_int(m.group(1)))
                continue
            m = _ANNEX_LIST.match(c)
            if m and self.annex_no and self.unit_root is not self.root:
                self.own_annex = m.group(1)  # (an annex's own 附件：…, in its text)
                self.add_text(self.current, p)
                continue
            if m and self.signed_on is not None and self._annex_itself(paras, k):
                # (…第四条 … ⏎ 附件:某标准 ⏎ 序号 项目 …: after the signature, the annex itself,
                # titled on its marker's line; no marker below names it again)
                self.start_annex(p, None)
                self.annex_fresh = True
                continue
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
                if (
                    len(c) <= 12
                    and _DOC_TYPE_TAIL.fullmatch(c)
                    and not _DOC_TYPE_TAIL.search(self.annex_titles[-1])
                ):
                    # (2.…运行维护管理 ⏎ 办法: the listed title wrapped, its last word)
                    self.annex_titles[-1] += _nfkc_compact(c)
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
            if self.box(p, c):
                continue
            tok = _token(p.text) or _figure_item(p.text, paras[k : k + 1], self.last_num)
            if tok and self.note is not None and tok.kind == "num" and tok.value == self.note[1]:
                # (注：1.…不含…⏎2.各市可…: the note's next point, no item of the text)
                self.add_text(self.note[0], p)
                self.note = (self.note[0], self.note[1] + 1)
                continue
            self.note = None
            if tok:
                self.token(tok, p)
            else:
                if _NOTE_LIST.match(c):
                    self.note = (self.current, 2)
                self.add_text(self.current, p)

    def box(self, p: _Para, c: str) -> bool:
        """A plan's box (专栏2 生态保护修复重点工程 … —专栏结束—): a clause of its own under the
        chapter or section it stands in, its items under it; the items around it go on after
        its end (they ran into it, the item before it took its title)."""
        start = _BOX_START.match(c)
        if start is not None and self.boxed is None:
            self.boxed = list(self.stack)
            self.stack = [(k, n) for k, n in self.stack if _RANK.get(k, 9) < _RANK["box"]]
            segment = f"专栏{start.group(1)}"
            node = self._new(self.current["path"] + (segment,), segment, self.current)
            self.add_text(node, p)
            self.stack.append(("box", node))
            return True
        if self.boxed is not None and _BOX_END.fullmatch(c):
            self.add_text(self.current, p)  # (the box's end, its words kept with it)
            self.stack, self.boxed = self.boxed, None
            return True
        return False

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

    @staticmethod
    def _annex_itself(paras: list[_Para], k: int) -> bool:
        """Whether the 附件：… line before ``paras[k]`` heads its annex's content: a table
        follows it, and no annex marker comes after."""
        return (
            k < len(paras)
            and paras[k].table is not None
            and not any(
                _ANNEX_MARK.match(c) or _ANNEX_TITLED.match(c)
                for c in (_compact(q.text) for q in paras[k:] if q.table is None)
            )
        )

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
    return "无文号-" + hashlib.sha256(title.encode("utf-8", "surrogatepass")).hexdigest()[:8]
