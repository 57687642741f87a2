"""Gazette text → documents → clause tree: the parser's entry point and its gazette-level passes.

Pure module (standard library and the parser modules ``lines`` and ``clause_tree`` only): no
Flask, no database.

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

Pass 2 lives here, pass 3 in ``continuations``; pass 1 and the line recognisers (numerals,
dates, 文号, numbering tokens) in ``lines``; passes 4 and 5 in ``clause_tree``. Imports go one
way only: ``lines`` → ``clause_tree``, ``continuations`` → ``parsing``.
"""

from __future__ import annotations

import datetime
import difflib
import re
from dataclasses import dataclass

from checklists.standards.back_matter import drop_back_matter
from checklists.standards.clause_tree import (
    _SIGNED_INLINE,
    ParsedClause,
    _document_key,
    _instrument_titles,
    _paragraphs,
    _split_instruments,
    _TreeBuilder,
    mark_own_contents,
)
from checklists.standards.contents import (
    A_COLUMN,
    EXPLAINED,
    NEWS_COLUMN,
    _find_toc,
    _in_contents,
    _Toc,
    normalize_number,
    reason_for,
)
from checklists.standards.continuations import _Header, _rehome, _rehome_unmarked, _Section
from checklists.standards.lines import (
    _DATE,
    _MINUTES_ISSUE,
    _MINUTES_OPEN,
    _NUM_CORE,
    _NUMBER_LINE,
    _TITLE_WITH_NUMBER,
    _compact,
    _drop_noise,
    _headerish,
    _is_banner,
    _is_date_line,
    _is_issuer,
    _joint,
    _joint_issuers,
    _Line,
    _nfkc_compact,
    _prepare,
    _split_issuer,
    _to_date,
    _token,
)
from checklists.standards.validity import OWN_VALIDITY, in_force

# ---------------------------------------------------------------------------------------------
# Public data types
# ---------------------------------------------------------------------------------------------


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
    #: Source line numbers (1-based, non-blank) the document was read from, header included.
    source_lines: tuple[int, ...] = ()
    #: Those of them that are its header (issuer, title, 文号), not clauses.
    header_lines: tuple[int, ...] = ()


@dataclass
class Skipped:
    """A part of the gazette that is not a document (reason in Chinese)."""

    title: str
    reason: str
    #: Source line numbers (1-based, non-blank) of the part: nothing read is unaccounted for.
    lines: tuple[int, ...] = ()


@dataclass
class ParseResult:
    """Everything ``parse_gazette`` found."""

    documents: list[ParsedDocument]
    skipped: list[Skipped]


# ---------------------------------------------------------------------------------------------
# Document types and 文号
# ---------------------------------------------------------------------------------------------

_DOC_TYPES = (
    "通知|意见|办法|决定|通报|方案|规定|制度|细则|报告|批复|函|公告|预案|计划|纪要|规划|标准|"
    "措施|要点|规则|章程|命令|决议|公报|通告|条例|指引|指南|"
    # (某市人民政府任免工作人员 ⏎ 某政任〔2023〕7号: an appointments notice titled by its act)
    "任免(?:国家)?工作人员"
)
_DOC_TYPE_END = re.compile(rf"({_DOC_TYPES})$")


# ---------------------------------------------------------------------------------------------
# Pass 2b: document headers and sections
# ---------------------------------------------------------------------------------------------


#: A title and its 文号 after a space on one line (…的通知 某政发[2016]8号).
_TITLE_SPACE_NUMBER = re.compile(rf"^(\S{{1,100}}?(?:{_DOC_TYPES}))[ \t　]+({_NUM_CORE})$")
#: A 文号 and its title after a space on one line (某政发〔2023〕3号  某县人民政府关于…的通知).
_NUMBER_SPACE_TITLE = re.compile(rf"^({_NUM_CORE})[ \t　]+(\S{{4,100}}?(?:{_DOC_TYPES}))$")
#: The same, the title wrapped onto the next line (…关于印发某县产权流转交易⏎管理办法的通知).
_NUMBER_SPACE_TITLE_START = re.compile(rf"^({_NUM_CORE})[ \t　]+(\S*关于\S{{2,100}})$")
#: A banner and a 文号 on one line (临江市人民政府文件临政发〔2024〕3号, compact).
_BANNER_WITH_NUMBER = re.compile(
    rf"(?P<banner>[\u4e00-\u9fff]{{2,30}}?文件)(?P<number>{_NUM_CORE})"
)


def _find_headers(lines: list[_Line], toc: _Toc | None) -> list[_Header]:
    """Every numbered document's header: banner/issuer, title and 文号 line."""
    headers: list[_Header] = []
    claimed = -1
    for i, ln in enumerate(lines):
        if toc and toc.start <= i <= toc.end or ln.table or not ln.text or i <= claimed:
            continue
        c = _compact(ln.text)
        title_inline = number_inline = None
        wrapped = 0  # (the title on the 文号's line wrapped onto the next line)
        # (临江市人民政府文件　临政发〔2024〕3号: the banner and the 文号 on one line)
        banner = _BANNER_WITH_NUMBER.fullmatch(c)
        if banner and not _is_banner(banner.group("banner")):
            banner = None  # (关于加强文件管理的通知…: a title holding 文件, no banner)
        m = _NUMBER_LINE.match(banner.group("number") if banner else c)
        if m and not banner and _TITLE_SPACE_NUMBER.match(ln.text.strip()):
            m = None  # (…重点建设⏎项目的通知  江政办发〔2023〕17号: a title's tail, its 文号)
        if not m:
            # (某县人民政府关于甲事项的通知 某政发[2016]8号: the title, a space, its 文号)
            tm = _TITLE_WITH_NUMBER.match(c) or _TITLE_SPACE_NUMBER.match(ln.text.strip())
            inline = (tm.group(1), tm.group(2)) if tm else None
            nt = None if tm else _NUMBER_SPACE_TITLE.match(ln.text.strip())
            inline = (nt.group(2), nt.group(1)) if nt else inline
            ns = None if inline else _NUMBER_SPACE_TITLE_START.match(ln.text.strip())
            nxt = lines[i + 1] if ns and i + 1 < len(lines) else None
            if nxt and _headerish(nxt) and _DOC_TYPE_END.search(_compact(nxt.text)):
                inline, wrapped = (_compact(ns.group(2)) + _compact(nxt.text), ns.group(1)), 1
            prev = lines[i - 1].text if i > 0 else ""
            standalone = (
                not prev
                or _is_issuer(prev)
                or _is_banner(prev)
                # (the document before signed on the line above: this one's title and 文号)
                or _is_date_line(_compact(prev))
                # (…关于公布2023年市级重点建设⏎项目的通知  某政办发〔2023〕17号: its tail)
                or (inline is not None and "关于" not in inline[0] and "关于" in prev)
            )
            if inline and standalone and ("关于" in inline[0] or _DOC_TYPE_END.search(inline[0])):
                title_inline, number_inline = inline
            else:
                continue
        if (
            i > 0
            and lines[i - 1].text
            and not _headerish(lines[i - 1])
            and not (title_inline is not None and _is_date_line(_compact(lines[i - 1].text)))
            # (the document before's signature date or its table's last row, then this one's
            # 文号 alone on its line: a new document, no blank line between them)
            and not (
                title_inline is None
                and (
                    _is_date_line(_compact(lines[i - 1].text))
                    or lines[i - 1].table
                    # (…本办法自2023年9月1日起施行。 then 文号 alone, then 关于… below it: the
                    # sentence before ended, a document's title follows)
                    or (
                        _compact(lines[i - 1].text).endswith(("。", "；", ";", "！"))
                        and any("关于" in t for t in _next_texts(lines, i, 2))
                    )
                )
            )
        ):
            continue  # a 文号 cited inside a wrapped sentence, not a document's own number
        if i > 0 and _cited(lines, i, claimed, title_inline is not None):
            continue  # (废止以下文件：1.《…》（甲政发〔2015〕3号）: a document cited in a list)
        number = normalize_number(number_inline if title_inline else m.group(1))
        below, below_end = _walk_forward(lines, i) if title_inline is None else ([], i)
        # (a 文号 printed above its issuer and 关于… title heads them: above it only a banner or
        # an issuer line is the document's, the rest the document before's or the masthead)
        back = _walk_back(lines, i, claimed)
        if (title_inline is not None and "关于" in title_inline) or any("关于" in p for p in below):
            # (the title on the 文号's line: whole, the lines above it the contents' or before's)
            back = [j for j in back if _is_banner(lines[j].text) or _is_issuer(lines[j].text)]
        title_parts: list[str] = []
        first_raw = ""  # (the title's first line as printed: issuers it names apart)
        issuer = None
        issuer_at = -2  # (the line the issuer was read from: two issuer lines one under another)
        start = i
        for j in back:
            t = _compact(lines[j].text)
            if _is_banner(t):
                issuer = t[: -len("文件")]
            elif _is_issuer(t):
                # the issuer line nearest the title before a banner above it (县政府办公室文件
                # heading a part of the gazette); joint issuers one by one (A局 B局 → A局、B局;
                # 中共某县委办公室 ⏎ 某县人民政府办公室 ⏎ 关于…: one line each)
                name = _joint_issuers(lines[j].text) or t
                issuer = f"{issuer}、{name}" if issuer and issuer_at == j - 1 else name
                issuer_at = j
            else:
                first_raw = first_raw or lines[j].text
                title_parts.append(t)
            start = min(start, j)
        if title_inline is not None:
            title_parts.append(title_inline)  # (below the lines above: a wrapped title's tail)
        end = i + wrapped
        if not any("关于" in p or _DOC_TYPE_END.search(p) for p in title_parts):
            end = below_end
            for raw in below:
                if joint := _joint_issuers(raw):
                    issuer = joint  # (某财〔2021〕5号 ⏎A厅 B厅 ⏎关于…: joint issuers)
                else:
                    first_raw = first_raw or raw
                    title_parts.append(_compact(raw))
        title = "".join(title_parts)
        lead_issuer, title = _split_issuer(title)
        lead_issuer = lead_issuer and _joint(lead_issuer, first_raw)
        # the title's own issuer before a banner's (县政府文件 may head a part of the gazette)
        issuer = (
            lead_issuer or issuer or (banner.group("banner")[: -len("文件")] if banner else None)
        )
        after = next((j for j in range(end + 1, min(end + 3, len(lines))) if lines[j].text), None)
        if after is not None and _SPEECH_DATE.match(_compact(lines[after].text)):
            end = after  # (某政任〔2023〕7号 ⏎（2023年7月10日）: the date it was made, below)
        headers.append(_Header(start, end, number, title, issuer, i))
        claimed = end
    headers = _not_listed(lines, headers)
    headers.extend(_order_headers(lines, toc, headers))
    headers.extend(_unnumbered_headers(lines, toc, headers))
    headers.sort(key=lambda h: h.start)
    return headers


#: A numbered item or a title in 《》 right above a 文号: a document cited in a list.
_CITED_TITLE = re.compile(
    r"^(?:\d{1,3}[.、．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、)|^《|》$"
)
#: An item's number opening a line (1., 2、, （3）): a list's, never a document's header.
_AN_ITEMS_NUMBER = re.compile(r"(?:\d{1,3}[.、．](?!\d)|[（(][一二三四五六七八九十\d]{1,3}[）)])")
#: A title's tail forwarding rules (《某市…规定》的通知): wrapped after its 关于印发.
_A_FORWARDED_TAIL = re.compile(r"《[^《》]{2,60}》的(?:通知|决定|批复|通告|公告)")
#: What a list of documents decides for each (废止, 继续有效: a row's last cell).
#: A title quoted inside a title: 〈〉 for the inner 《》.
_ANGLES = str.maketrans({"〈": "《", "〉": "》"})
_DISPOSED = re.compile(
    r"(?:拟|予以|决定)?(?:废止|继续有效|修改|修订|失效|宣布失效|保留|有效|暂停执行)"
)
#: A list of documents announced (废止以下文件：, 下列文件：, 文件目录如下：).
_CITES_NEXT = re.compile(
    r"(?:以下|下列|如下)(?:规范性)?文件[^：:]{0,8}[：:]$|文件(?:目录|清单|名录)如下[：:]$"
)


def _cited(lines: list[_Line], i: int, claimed: int, titled: bool = False) -> bool:
    """Whether the 文号 on line ``i`` is a document cited in a list of the document before it
    (its title a numbered item or in 《》 above it unless ``titled`` on its own line, or the list
    announced above it since ``claimed``), not a document's own header."""
    if titled and _AN_ITEMS_NUMBER.match(_compact(lines[i].text)):
        return True  # (1.某县人民政府关于…的通知（某政发〔2017〕21号）: an item of a list cited)
    above = [j for j in range(i - 1, max(claimed, i - 4), -1) if lines[j].text and not titled]
    if above and _CITED_TITLE.search(_compact(lines[above[0]].text)):
        # (某市人民政府关于印发 ⏎《…规定》的通知 ⏎ 文号: a title wrapped before the rules it
        # forwards, no document cited)
        return not (
            _A_FORWARDED_TAIL.fullmatch(_compact(lines[above[0]].text))
            and len(above) > 1
            and _compact(lines[above[1]].text).endswith(
                ("关于印发", "关于转发", "关于", "印发", "转发")
            )
        )
    below = next((ln.text for ln in lines[i + 1 : i + 3] if ln.text), "")
    if _DISPOSED.fullmatch(_compact(below)) or any(
        re.fullmatch(r"\d{1,3}", _compact(lines[j].text)) for j in above
    ):
        return True  # (序号 ⏎ 文件名称 ⏎ 文号 ⏎ 废止, a cell a line: a row of a list of documents)
    for j in range(i - 1, max(claimed, -1, i - 40), -1):
        if _is_date_line(lines[j].text):
            return False  # (a document signed and dated since: this one heads a new one)
        if _CITES_NEXT.search(_compact(lines[j].text)):
            return True
    return False


#: A government order's heading (某某市人民政府令, then 第38号 on its line or the same one), or
#: a people's congress standing committee's proclamation (某某市人民代表大会常务委员会公告 第12号):
#: the rules it promulgates are numbered by it, not by a 文号.
_ORDER = re.compile(
    r"(?P<issuer>.{2,30}?(?:人民政府|政府|常务委员会))(?P<kind>令|公告)"
    r"(?P<no>[（(]?第\s*\d{1,4}\s*号[）)]?)?"
)
_ORDER_NO = re.compile(
    # (〔2023〕第1号: a proclamation numbered within its year)
    r"[（(]?(?P<no>(?:[〔\[（(]\s*(?:19|20)\d{2}\s*[〕\]）)])?第\s*\d{1,4}\s*号)[）)]?"
)
#: When and by which order rules were made, bracketed under their title (（2024年1月8日某市人民
#: 政府令第3号公布 自2024年3月1日起施行）).
_MADE_BY_ORDER = re.compile(
    # (（2022年6月10日某市人民政府第12次常务会议审议通过　某市人民政府令第35号公布…）: where it
    # was adopted first)
    r"[（(](?:(?:19|20)\d{2}年\d{1,2}月\d{1,2}日)?(?:[^（()）]{2,40}?(?:审议通过|通过))?"
    r"(?P<issuer>[^（()）\d，。]{2,30}?"
    r"(?:人民政府|政府))(?P<kind>令)(?P<no>第\s*\d{1,4}\s*号)(?:公布|发布)"
)
_MADE_ON = re.compile(rf"[（(](?P<date>{_DATE.pattern})[^（()）]{{2,30}}?令第")
#: The rules' title in the order's promulgation sentence (《某某市电梯安全管理办法》已经…通过).
_PROMULGATED = re.compile(r"《(?P<title>[^《》]{2,40})》(?:已经|已于|经)")


def _order_number(m: re.Match[str], no: str) -> str:
    """An order's number as keyed: its issuer, 令 or 公告, and 第N号 (南溪市人民政府令第57号)."""
    return m.group("issuer") + m.group("kind") + normalize_number(re.sub(r"[\s（()）]", "", no))


def _order_headers(lines: list[_Line], toc: _Toc | None, known: list[_Header]) -> list[_Header]:
    """Rules promulgated by a government order (政府令第38号): the order's heading and number are
    the document's header, its title the rules' own (on its line above 第一章/第一条, else the
    one the promulgation sentence names)."""
    taken = {j for h in known for j in range(h.start, h.end + 1)}
    found: list[_Header] = []
    titled: set[str] = set()  # the orders numbered under their rules' title
    for i, ln in enumerate(lines):
        if i in taken or (toc and toc.start <= i <= toc.end) or not _headerish(ln):
            continue
        c = _compact(ln.text)
        # (南溪市电动自行车安全管理规定 above （南溪市人民政府令第57号）: the rules' title, then
        # the order that promulgates them, bracketed; the order's own page may follow them)
        bracketed = re.fullmatch(r"[（(](.+)[）)]", c)
        m = _ORDER.fullmatch(bracketed.group(1) if bracketed else c)
        # (…办法 ⏎（2024年1月8日江州市人民政府令第3号公布 自2024年3月1日起施行）: the rules'
        # title, then when and by which order they were made, the bracket perhaps wrapped)
        made = None if m else _MADE_BY_ORDER.match(c)
        closes = i
        if made is not None:
            m = made
            closes = next(
                (j for j in range(i, min(i + 3, len(lines))) if re.search(r"[）)]", lines[j].text)),
                i,
            )
        if m is None:
            continue
        above = next((j for j in range(i - 1, max(i - 3, -1), -1) if lines[j].text), None)
        if bracketed or made is not None:
            if m.group("no") is None or above is None or above in taken:
                continue
            t = _compact(lines[above].text)
            # (…关于修改《…办法》的决定 ⏎（某县人民政府令第4号）: a decision an order makes)
            if not (_RULES_TITLE.fullmatch(t) or ("关于" in t and t.endswith("决定"))):
                continue
            number = _order_number(m, m.group("no"))
            if number not in titled:
                title = _compact(lines[above].text)
                found.append(_Header(above, closes, number, title, m.group("issuer"), i))
                titled.add(number)
            continue
        end, no = i, m.group("no")
        if no is None:
            nxt = next((j for j in range(i + 1, min(i + 3, len(lines))) if lines[j].text), None)
            found_no = _ORDER_NO.fullmatch(_compact(lines[nxt].text)) if nxt is not None else None
            if found_no is None:
                continue
            end, no = nxt, found_no.group("no")
        number = _order_number(m, no)
        if number in titled:
            continue  # (the order's page after its rules, titled and numbered above them)
        title = None
        below = _next_texts(lines, end, 1)
        if below and _compact(below[0]).startswith("关于") and _DOC_TYPE_END.search(below[0]):
            # (青山县人民政府公告 〔2023〕第1号 关于禁止燃放烟花爆竹的公告: its own title below)
            end = next(j for j in range(end + 1, len(lines)) if lines[j].text)
            title = _compact(lines[end].text)
        for j in range(end + 1, min(end + 16, len(lines)) if title is None else 0):
            c = _compact(lines[j].text)
            after = _next_texts(lines, j, 1)
            if _RULES_TITLE.fullmatch(c) and after and _FIRST_ARTICLE.match(_compact(after[0])):
                title = c
                break
            named = _PROMULGATED.search(c)
            if named and title is None:
                title = named.group("title")
        # (a proclamation that promulgates no rules, 某市人民政府公告 第3号 then its items: the
        # heading is its title)
        title = title or m.group("issuer") + m.group("kind")
        found.append(_Header(i, end, number, title, m.group("issuer"), end))
    return _not_listed(lines, found)


def _not_listed(lines: list[_Line], found: list[_Header]) -> list[_Header]:
    """The headers less the entries of a contents with no pages (目录 ⏎ 青山县人民政府令（第3号）
    ⏎ …): one under 目录 whose number heads a document again below it."""
    return [
        h
        for k, h in enumerate(found)
        if not (_in_contents(lines, h.start) and any(o.number == h.number for o in found[k + 1 :]))
    ]


#: The title of a set of rules with no 文号 and no 关于 (某县消防安全规定, 某市燃气管理办法): a
#: name ending in its kind, no sentence (pasted alone, the text's first line).
_RULES_TITLE = re.compile(
    r"[^，,。；;：:、“”]{2,40}?(?:办法|规定|细则|规则|条例|制度|标准|规范|章程|守则|须知)"
    r"(?:[（(](?:试行|暂行|修订)[）)])?"
)
#: The first article, chapter or item of a set of rules (第一条, 第一章, 一、).
_FIRST_ARTICLE = re.compile(r"(?:第[一1]条|第[一1]章|一[、.．])")


#: A notice to the public titled by its issuer alone (某县人民政府公告, 某市公安局通告（第1号）).
_BARE_NOTICE = re.compile(
    r"(?P<who>.{2,25}?)(?:公告|通告)(?:[（(]第?[\d一二三四五六七八九十]+号[）)])?"
)
#: The government a list or minutes are of (某县人民政府任免…名单, 某县人民政府第12次常务会议纪要).
_ITS_GOVERNMENT = re.compile(r".{2,20}?人民政府(?:办公室)?")


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
        wrap = next((j for j in range(i + 1, len(lines)) if lines[j].text), i)
        tail = _compact(lines[wrap].text) if wrap > i and _headerish(lines[wrap]) else ""
        if "关于" in c and not _DOC_TYPE_END.search(c) and "关于" not in tail and len(tail) < 30:
            # (某局 某局关于中心城区货车通行⏎管理有关事项的通告: a title wrapped onto a 2nd line)
            c, last = (c + tail, wrap) if _DOC_TYPE_END.search(tail) else (c, i)
        else:
            last = i
        issuer, title = _split_issuer(c)
        issuer = issuer and _joint(issuer, ln.text)  # (某局 某局关于…: joint issuers, one by one)
        nxt = _next_texts(lines, last, 1)
        minutes = re.search(r"会议纪要$", c) and nxt and not _is_issuer(c)
        own = minutes and (_split_issuer(c)[0] or ((m := _ITS_GOVERNMENT.match(c)) and m.group(0)))
        if minutes and _MINUTES_OPEN.match(_compact(nxt[0])) is not None:
            # 市政府第12次常务会议纪要 ⏎2024年2月25日，…主持召开…: minutes with no issue number
            found.append(_Header(i, i, None, c, own, i))
            continue
        if minutes and _MINUTES_ISSUE.fullmatch(_compact(nxt[0])) is not None:
            # 某县人民政府第十八次常务会议纪要 ⏎〔2023〕第18期 ⏎ 某县人民政府办公室　2023年3月10日:
            # minutes, numbered by the issue, who kept them and when under it
            at = next(j for j in range(i + 1, len(lines)) if lines[j].text)
            below = _next_texts(lines, at, 1)
            kept = _SIGNED_INLINE.fullmatch(below[0].strip()) if below else None
            if kept is not None and _is_issuer(kept.group(1)):
                at = next(j for j in range(at + 1, len(lines)) if lines[j].text)
            found.append(_Header(i, at, None, c, kept.group(1) if kept else own, i))
            continue
        if _RULES_TITLE.fullmatch(c) and nxt and _FIRST_ARTICLE.match(_compact(nxt[0])):
            # 某县消防安全规定 above 第一条 (or 第一章, 一、), opening the text: a set of rules
            # standing alone (after a document, such a title is the rules it issues: 印发)
            if not any(line.text for line in lines[:i]):
                found.append(_Header(i, i, None, c, None, i))
            continue
        # (某县人民政府任免国家工作人员名单 ⏎（2023年6月8日）: a list or minutes dated below
        # their title, no 关于 and no addressee)
        listed = (
            bool(nxt)
            and _SPEECH_DATE.match(nxt[0].strip()) is not None
            and re.search(r"(?:名单|纪要)$", c) is not None
        )
        if (bare := _BARE_NOTICE.fullmatch(c)) and _is_issuer(bare.group("who")):
            issuer, title = bare.group("who"), c  # (某县人民政府公告: its issuer's, no 关于)
        elif not (title.startswith("关于") and _DOC_TYPE_END.search(title)) and not listed:
            continue
        quoted = f"《{c}》"  # (《…关于修改〈…办法〉的决定》: the title quoted, its 《》 as 〈〉)
        above = (_compact(lines[j].text).translate(_ANGLES) for j in range(max(0, i - 12), i))
        if any(quoted in a for a in above):
            continue  # (…令 第68号 ⏎《…的决定》已经…通过，现予公布: what the order publishes)
        prev = lines[i - 1].text if i > 0 else ""
        # (after the date the document before it was signed on: one document follows another)
        signed_before = bool(prev) and _is_date_line(prev)
        # (after the last sentence of a document with no signature: an issuer's whole 关于…的通知
        # title, then its addressee line below, starts another)
        ended = (
            bool(prev)
            and (issuer is not None or listed)
            and _compact(prev).endswith(("。", "；", ";"))
        )
        if prev and not (_is_issuer(prev) or _is_banner(prev) or signed_before or ended):
            continue
        proclaimed = re.search(r"(?:通告|公告)$", title) is not None or bare is not None
        # (关于…的实施意见 ⏎（2023年5月11日）⏎ 各区县人民政府…：: the title's date below it)
        dated = bool(nxt) and _SPEECH_DATE.match(nxt[0].strip()) is not None
        if dated:
            nxt = _next_texts(lines, last, 2)[1:]
        if not nxt or not (re.search(r"[：:]$", nxt[0].strip()) or proclaimed or listed):
            # (an addressee line below; a 通告 has none: its first sentence, wrapped or not)
            continue
        if signed_before or ended:
            prev = ""
        start = i - 1 if prev else i
        if prev:
            # (湖南省公安厅　湖南省交通运输厅 ⏎ 关于…的通告: joint issuers, one by one)
            issuer = issuer or _joint_issuers(prev) or _compact(prev).removesuffix("文件")
        end = next(j for j in range(last + 1, len(lines)) if lines[j].text) if dated else last
        if listed and issuer is None and (own := _ITS_GOVERNMENT.match(c)):
            issuer = own.group(0)  # (某县人民政府任免…名单: the government that made it)
        found.append(_Header(start, end, None, c if listed else title, issuer, i))
    return found


def _walk_back(lines: list[_Line], i: int, claimed: int) -> list[int]:
    """Header lines above a 文号 line: title fragments, then an issuer or banner line."""
    cands: list[int] = []
    j = i - 1
    while j > claimed and len(cands) < 6:
        ln = lines[j]
        if ln.text and not cands and _SPEECH_DATE.match(ln.text.strip()):
            pass  # (关于…的决定 ⏎（2024年2月8日）⏎ 某政发〔2024〕6号: the title's date, above)
        elif ln.text:
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
        if seen_title_start and t.count("《") > t.count("》"):
            # (…关于转发《某省财政厅 ⏎ 关于进一步加强…的通知》⏎ 的通知: the quote opened above,
            # the title starts there)
            accepted.append(j)
            continue
        if seen_title_start and t.endswith("关于") and "关于" not in t[:-2]:
            # (某市人民政府关于 ⏎ 印发《…》的通知: the title's head, wrapped after 关于)
            accepted.append(j)
            continue
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
    """Title lines printed below the 文号 line (issuer banner style), as written."""
    parts: list[str] = []
    end = i
    j = i + 1
    while j < len(lines) and len(parts) < 4:
        ln = lines[j]
        if ln.text:
            c = _compact(ln.text)
            if not _headerish(ln) or _token(c) or _NUMBER_LINE.match(c):
                break
            if OWN_VALIDITY.fullmatch(ln.text.strip()):
                end = j  # (有效期至2026年4月30日 under the 文号: the header's, no title)
                j += 1
                continue
            parts.append(ln.text.strip())  # (as written: joint issuers are spaced apart)
            end = j
            if _DOC_TYPE_END.search(c):
                break
        j += 1
    return parts, end


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


def _find_skips(
    lines: list[_Line], toc: _Toc | None, headers: list[_Header]
) -> list[tuple[int, str, str]]:
    """Starts of speeches, news items and 大事记 (index, title, reason)."""
    in_header = set()
    for h in headers:
        in_header.update(range(h.start, h.end + 1))
    doc_titles = [_nfkc_compact(h.title) for h in headers]
    # (南溪市人民政府令第57号……12: the order's page, listed by its number)
    doc_titles += [_nfkc_compact(h.number) for h in headers if h.number]
    toc_items: list[tuple[str, str]] = []
    if toc:
        for e in toc.entries:
            if e.number:
                continue
            # (江州市公共数据管理办法（第15号）: the title of the order numbered so)
            entry = _ORDER_IN_AN_ENTRY.sub("", _nfkc_compact(e.title))
            if any(_similar(entry, t) for t in doc_titles):
                continue
            toc_items.append((e.title, e.category))
    found: list[tuple[int, str, str]] = []
    for h in headers:
        # (…2024年3月5日 ⏎ 人事任免 ⏎ 某县人民政府关于…任免的通知: the column's name, no words of
        # the document before)
        above = _column_above(lines, h.start, in_header, (A_COLUMN,))
        if above is not None and not (toc and toc.start <= above <= toc.end):
            found.append((above, _compact(lines[above].text), "栏目"))
    for i, ln in enumerate(lines):
        if not ln.text or ln.table or i in in_header or (toc and toc.start <= i <= toc.end):
            continue
        if not _headerish(ln) or len(_compact(ln.text)) > 60:
            continue
        c = _compact(ln.text)
        hit = None
        for title, cat in toc_items:
            if c == title or (
                len(c) >= max(6, 0.6 * len(title))
                and title.startswith(c)
                # (西平市人民政府 signing a document: an issuer's name alone starts no entry)
                and not _is_issuer(c)
            ):
                hit = (title, reason_for(title, cat))
                break
        if hit is None:
            nxt = _next_texts(lines, i, 3)
            if "讲话" in c and any(
                _SPEECH_DATE.match(_compact(t)) or t.startswith("同志们") for t in nxt
            ):
                hit = (c, "讲话")
            elif "大事记" in c and len(c) <= 30:
                hit = (c, "大事记")
            elif c.endswith("工作报告") and any(
                "代表大会" in _compact(t) or t.startswith("各位代表") for t in nxt
            ):
                hit = (c, "工作报告")  # 政府工作报告 ⏎——在…人民代表大会…上: the report to it
            elif (
                NEWS_COLUMN.fullmatch(c)
                and nxt
                and re.match(r"\d{1,2}月\d{1,2}日", _compact(nxt[0]))
            ):
                hit = (c, "大事记")  # 政务动态 ⏎4月1日 县政府召开…: the month's events, dated
            elif EXPLAINED.fullmatch(c) and not _token(c):
                hit = (c, "政策解读")  # 政策问答, 关于《…》的起草说明, 一图读懂《…》
            elif (
                c.endswith(("政策解读", "解读"))
                and len(c) <= 60
                # (关于《…办法》的政策解读: the same, titled with 关于)
                and ("关于" not in c[:2] or re.match(r"关于《[^《》]+》的(?:政策)?解读$", c))
            ):
                # 政策解读, 《…办法》政策解读: what a document means, told by its drafters; no
                # clause of it (the next heading in a row of two is the same part's title)
                hit = (c, "政策解读")
            elif (
                nxt
                and _NEWS_LEAD.match(nxt[0])
                and "关于" not in c
                and not _token(c)
                and not _DOC_TYPE_END.search(c)
            ):
                hit = (c, "新闻")
        if hit:
            above = _column_above(lines, i, in_header, (NEWS_COLUMN, A_COLUMN))
            if above is not None and not any(f[0] == above for f in found):
                # (政务动态 ⏎ 市政府召开…: the column's name heads its news)
                found.append((above, hit[0], hit[1]))
                continue
            found.append((i, hit[0], hit[1]))
    return found


#: An order's number after its rules' title in a contents entry (（第15号）, （第15号令）,
#: （市政府令第15号）).
_ORDER_IN_AN_ENTRY = re.compile(r"\((?:[^()]{0,10}令)?第?[0-9一二三四五六七八九十百]+号令?\)$")


def _column_above(
    lines: list[_Line], i: int, in_header: set[int], names: tuple[re.Pattern[str], ...]
) -> int | None:
    """The line right above line ``i`` (blank lines aside) when it names a column (``names``)
    and heads no document: the column's name, heading the part at ``i``."""
    above = next((j for j in range(i - 1, max(-1, i - 4), -1) if lines[j].text), None)
    if above is None or above in in_header:
        return None
    name = _compact(lines[above].text)
    return above if any(p.fullmatch(name) for p in names) else None


def _similar(a: str, b: str) -> bool:
    if not a or not b:
        return False
    return a == b or difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() >= 0.8


def _sections(
    lines: list[_Line], toc: _Toc | None, headers: list[_Header], skips: list[tuple[int, str, str]]
) -> tuple[list[_Section], list[Skipped]]:
    """Cut the gazette into document and non-document sections, in order (and the cover, a
    skip of its own)."""
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
    cover = [ln for ln in lines[:first] if ln.text]
    if cover:
        skipped.append(Skipped(_compact(cover[0].text), "封面/刊头", tuple(ln.no for ln in cover)))
    for k, sec in enumerate(starts):
        sec.end = starts[k + 1].start if k + 1 < len(starts) else len(lines)
        first_body = sec.start if sec.header is None else sec.header.end + 1
        sec.lines = [j for j in range(first_body, sec.end) if lines[j].text]
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
# Pass 5: documents (their clause trees are built in ``clause_tree``)
# ---------------------------------------------------------------------------------------------


def _build_documents(lines: list[_Line], sec: _Section) -> list[ParsedDocument]:
    h = sec.header
    assert h is not None
    header_text = "\n".join(lines[j].text for j in range(h.start, h.end + 1) if lines[j].text)
    intro = "".join(lines[j].text for j in sec.lines[:15] if not lines[j].table)
    cands = _instrument_titles(h.title, intro)
    paras = _paragraphs(lines, sec.lines, [_nfkc_compact(t) for t in cands])
    mark_own_contents(paras)  # a document's own contents stay in its text, not as clauses
    docs: list[ParsedDocument] = []
    parts = _split_instruments(cands, paras)
    header_lines = [lines[j].no for j in range(h.start, h.end + 1) if lines[j].text]
    # an instrument owns the body lines (in reading order, after re-homing) from its first
    # paragraph to the next instrument's first
    order = {j: pos for pos, j in enumerate(sec.lines)}
    cuts = [0] + [order.get(ps[0].line, 0) for _t, ps in parts[1:] if ps] + [len(sec.lines)]
    signed = None
    issuer = h.issuer
    wrapped = [j for j in range(sec.start, sec.end) if lines[j].joined]
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
        own = [lines[j].no for j in sec.lines[cuts[n] : cuts[n + 1]]]
        # (a cell wrapped onto a line of its own: a line of the row's document)
        lo = sec.start if n == 0 else sec.lines[cuts[n]]
        hi = sec.lines[cuts[n + 1]] if cuts[n + 1] < len(sec.lines) else sec.end
        own += [lines[j].no for j in wrapped if lo <= j < hi]
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
                # (a line laid out in two columns is read twice, one line of it all the same)
                source_lines=tuple(dict.fromkeys(header_lines + own if n == 0 else own)),
                header_lines=tuple(header_lines if n == 0 else ()),
            )
        )
    made = _MADE_ON.search(_compact(header_text))
    if signed is None and made is not None:
        # (（2024年1月8日某市人民政府令第3号公布…）: the rules were made that day, unsigned)
        signed = _to_date(_DATE.match(made.group("date")))
    dated = [t for t in header_text.splitlines() if _SPEECH_DATE.match(t.strip())]
    if signed is None and dated:
        signed = _to_date(_DATE.search(_compact(dated[0])))  # (关于…的意见 ⏎（2023年5月11日）)
    kept = [m for t in header_text.splitlines() if (m := _SIGNED_INLINE.fullmatch(t.strip()))]
    if signed is None and kept:
        signed = _to_date(_DATE.search(_compact(kept[0].group(2))))  # (纪要: 某办公室　3月10日)
    for d in docs:
        d.signed_on = d.signed_on or signed
        d.issuer = d.issuer or issuer
        d.in_force_from, d.in_force_until = in_force(d.text, d.signed_on)
    return docs


def parse_gazette(text: str) -> ParseResult:
    """Split a gazette into documents (with clause trees) and skipped non-document parts."""
    lines = _prepare(text)
    toc = _find_toc(lines)
    noise = _drop_noise(lines, (toc.start, toc.end) if toc else None)
    back_matter = drop_back_matter(lines)
    headers = _find_headers(lines, toc)
    skips = _find_skips(lines, toc, headers)
    sections, skipped = _sections(lines, toc, headers, skips)
    _assign_toc_pages(sections, toc)
    _rehome(lines, sections)
    _rehome_unmarked(lines, sections)
    documents: list[ParsedDocument] = []
    for sec in sections:
        if sec.header is not None:
            documents.extend(_build_documents(lines, sec))
        else:
            read = tuple(lines[j].no for j in sec.lines)
            skipped.append(Skipped(sec.skip_title, sec.skip_reason, read))
    if noise:
        skipped.append(Skipped("页码、页眉、目录引线", "版面", tuple(noise)))
    skipped.extend(Skipped(title, reason, read) for title, reason, read in back_matter)
    return ParseResult(documents, skipped)
