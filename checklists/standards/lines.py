"""Gazette lines: cleaning (pass 1) and recognising numerals, dates, 文号, headings and tokens.

Pure module (standard library and ``cn2an`` only): no Flask, no database. The lowest layer of
the clause parser: ``clause_tree`` and ``parsing`` import from it; it imports neither.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass

import cn2an

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
    r"(人民政府|政府|军分区|警备区|办公室|办公厅|委员会|管委会|指挥部|领导小组|局|厅|部|委|院|中心|处|社|会)$"
)


def _compact(s: str) -> str:
    """Text with all whitespace removed."""
    return _WS.sub("", s)


def _nfkc_compact(s: str) -> str:
    return _compact(unicodedata.normalize("NFKC", s))


def _cn_int(s: str) -> int | None:
    """Integer value of an Arabic or Chinese numeral, None when it is not one (or is longer
    than ``int()`` reads from text: 4,300 digits)."""
    s = unicodedata.normalize("NFKC", s)
    try:
        if s.isdecimal():  # not isdigit: "፩" is a digit that int() refuses
            return int(s)
        return int(cn2an.cn2an(s, "smart"))
    except (ValueError, KeyError, TypeError):
        return None


_DATE = re.compile(
    # (２０２４年３月５日: full-width digits, as some converters write a signature's date)
    r"((?:19|20|１９|２０)[0-9０-９]{2}|[二][〇零○O0][一二三四五六七八九〇零○]{2})\s*年\s*"
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
    if m is None and (two := _TWO_DATES.fullmatch(c)) is not None:
        # (2021年3月18日        2021年3月18日: two issuers' dates side by side, the same day)
        m = two if two.group("a") == two.group("b") else None
    return bool(m) and c.endswith("日")


#: Two dates on one line (the same, under two issuers signing side by side).
_TWO_DATES = re.compile(f"(?P<a>{_DATE.pattern})(?P<b>{_DATE.pattern})")


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


def _is_issuer(s: str) -> bool:
    c = _compact(s)
    return 2 < len(c) <= 25 and "关于" not in c and bool(_ORG_SUFFIX.search(c))


def _split_issuer(title: str) -> tuple[str | None, str]:
    """'冠县人民政府关于…的意见' → ('冠县人民政府', '关于…的意见')."""
    m = re.match(
        r"^(.{2,25}?(?:人民政府办公室|人民政府办公厅|人民政府|办公室|委员会|军分区|警备区|局|厅))(关于|印发|转发)",
        title,
    )
    if m and _ORG_SUFFIX.search(m.group(1)):
        return m.group(1), title[len(m.group(1)) :]
    acts = re.match(r"^(.{2,25}?(?:人民政府|政府))任免(?:国家)?工作人员$", title)
    if acts:
        return acts.group(1), title  # (某市人民政府任免工作人员: who appoints, in the title)
    return None, title


def _joint_issuers(raw: str) -> str | None:
    """A line naming issuers side by side (A局 B局), one by one: A局、B局; None for any other."""
    parts = raw.split()
    if len(parts) > 1 and all(_is_issuer(p) for p in parts):
        return "、".join(parts)
    return None


def _joint(lead: str, raw: str) -> str:
    """The issuers a title opens with, one by one (某县财政局 某县人社局关于… → 某县财政局、
    某县人社局): ``lead`` as read from the compact title, ``raw`` its first line as printed."""
    names = raw.split()[:-1]
    rest = lead[len("".join(names)) :]
    if names and lead.startswith("".join(names)) and all(map(_is_issuer, names + [rest])):
        return "、".join(names + [rest])
    return lead


# ---------------------------------------------------------------------------------------------
# Numbering tokens
# ---------------------------------------------------------------------------------------------

_CN = "一二三四五六七八九十百零〇两"
_TOKEN_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # (第 一 章, 第三 条: an OCR's spaces inside the number)
    # (not a chapter cited at a line's start: 第二章规定的职责)
    (
        "chapter",
        re.compile(
            rf"^第\s?([{_CN}\d](?:\s?[{_CN}\d])*)\s?章(?=\s|$|[\u4e00-\u9fff])(?!规定|所|中|的|和|或)"
        ),
    ),
    ("section", re.compile(rf"^第\s?([{_CN}\d](?:\s?[{_CN}\d])*)\s?节(?=\s|$|[\u4e00-\u9fff])")),
    # 第四条之一: an article inserted after 第四条 (its value 第四条's, its key its own)
    (
        "article_sub",
        re.compile(rf"^第([{_CN}\d]+)条之([一二三四五六七八九十]+)(?=\s|$|[\u4e00-\u9fff])"),
    ),
    # 第N条 must not be a reference such as 第六十六条规定 or 第三条所列
    (
        "article",
        re.compile(
            rf"^第\s?([{_CN}\d](?:\s?[{_CN}\d])*)\s?条(?=\s|$|[、：:．.]|[^规定款项中所之的和或及至第等])"
            # (第十六条修改为：…, 删去第…: an amendment's words on an article, no article)
            r"(?!修改为|修改|改为|调整为|删去|删除)"
        ),
    ),
    # (第二部分 降低企业经营成本: a plan's part, above its 一、; 第二篇 主要任务: a plan's book)
    ("part", re.compile(rf"^第\s?([{_CN}\d]+)\s?部分(?=\s|$|[\u4e00-\u9fff])")),
    ("book", re.compile(rf"^第\s?([{_CN}\d]+)\s?篇(?=\s|$|[\u4e00-\u9fff])")),
    # (Ⅰ. 总体目标, Ⅱ、重点任务: a Word list's roman numbering)
    ("roman", re.compile(r"^([ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ])\s*[、．.]?\s*(?=[\u4e00-\u9fff])")),
    # (一、2021年2月11日起…: a date may open an item; 一.5 is no item; nor 一、二季度完成… of a
    # wrapped sentence: ordinals listed before what they count)
    (
        "cn",
        re.compile(
            r"^([一二三四五六七八九十百]+)\s*(?:、|[．.](?!\d)"
            # (二，完善收运处置体系: an OCR's comma for 、, a heading alone on its line)
            r"|[，,](?=[^，,。；;：:！？!?、]{2,20}$))"
        ),
    ),
    # (not an item cited at a line's start: （二）项的规定; （二）项目单位应当… is an item)
    ("cn_paren", re.compile(r"^[（(]\s*([一二三四五六七八九十百]+)\s*[）)](?!项(?!目)|款|目)")),
    ("decimal", re.compile(r"^(\d{1,2}(?:[.．]\d{1,2})+)(?=\s|[\u4e00-\u9fff])")),
    ("num", re.compile(r"^(\d{1,3})\s*[、．.](?!\d)")),
    ("num_space", re.compile(r"^(\d{1,2})\s+(?=[\u4e00-\u9fff])")),
    ("num_paren", re.compile(r"^[（(]\s*(\d{1,3})\s*[）)]")),
    ("num_rparen", re.compile(r"^(\d{1,3})[）)]")),
    ("circled", re.compile(r"^([①-⑳])")),
    # (一是抓好项目谋划储备。⏎二是…; 第一，压紧压实安全责任。⏎第二，…: points of a list, each
    # opening a paragraph)
    ("shi", re.compile(r"^([一二三四五六七八九十]{1,3})是(?=[\u4e00-\u9fff])")),
    ("di_comma", re.compile(r"^第([一二三四五六七八九十]{1,3})\s*[，,](?=\S)")),
]
# Conventional nesting depth, outermost first; used only when a type is new to the stack.
_RANK = {
    "part": 0,
    "book": 0,
    "roman": 0.5,
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
    "num_rparen": 5.5,  # (a Word list: 1) then (1) under it)
    "circled": 7,
    "box": 2.9,  # (专栏2 …: a plan's box, under its chapter or section, above its 一、)
    "shi": 6.5,
    "di_comma": 6.5,
}
_UNIT_AFTER_NUMBER = set("万亿元米吨%％个倍年月日天时周岁次人名户家项")


#: Classes or quarters listed after the first one's 、 (一、二类, 三、四季度, 一、二、三级).
_CLASSES_LISTED = re.compile(
    r"([一二三四五六七八九十])(?:、[一二三四五六七八九十])*(?:季度|级|类|档|等奖|批|期|线|星|产|年级)"
)


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
        if kind == "article_sub":
            sub_no = m.group(2)
            return _Token("article", f"第{raw}条之{sub_no}", _cn_int(raw))
        if kind == "cn":
            listed = _CLASSES_LISTED.match(rest)
            if listed and _cn_int(listed.group(1)) > _cn_int(raw):
                return (
                    None  # (一、二类企业, 三、四季度: classes listed, no item; 二、一类地区…: 二)
                )
            return _Token(kind, raw, _cn_int(raw))
        if kind == "part":
            return _Token(kind, f"第{raw}部分", _cn_int(raw))
        if kind == "book":
            return _Token(kind, f"第{raw}篇", _cn_int(raw))
        if kind == "roman":
            return _Token(kind, m.group(1), "ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ".index(m.group(1)) + 1)
        if kind == "cn_paren":
            return _Token(kind, f"（{raw}）", _cn_int(raw))
        if kind == "num":
            return _Token(kind, raw, int(raw))
        if kind == "num_paren":
            return _Token(kind, f"（{raw}）", int(raw))
        if kind == "num_rparen":
            return _Token(kind, f"{raw}）", int(raw))
        if kind == "shi":
            return _Token(kind, f"{raw}是", _cn_int(raw))
        if kind == "di_comma":
            return _Token(kind, f"第{raw}", _cn_int(raw))
        # (the circled number as written: NFKC makes ① a bare "1")
        circled = m.group(1).strip()
        return _Token(kind, circled, "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳".index(circled) + 1)
    return None


# ---------------------------------------------------------------------------------------------
# Pass 1: lines
# ---------------------------------------------------------------------------------------------

_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s*")
_BULLET = re.compile(r"^\s*[-*+•]\s+")
#: A line of a rule only (---, ***, ——————: a footnote's divider too)
_RULE = re.compile(r"^\s*([-*_=—─－]\s*){3,}$")
_PAGE_NUMBER = re.compile(
    # (- 1 2 -: an OCR's spaces between the digits)
    r"^[-—–－·•\s]*(?:第\s*)?\d(?:\s?\d){0,2}(?:\s*页)?[-—–－·•\s]*$"
)
#: A page's running header: a gazette's name and its issue (某县人民政府公报 2024年第3期),
#: either way round, whitespace removed.
_RUNNING_HEADER = re.compile(
    # (an even page's, its number first: ·10·南溪市人民政府公报; an odd page's, last; an issue
    # numbered 第9号 as the State Council's is, with the gazette's name)
    r"^(?:[-—–－·•]*\d{1,3}[-—–－·•]*(?<=[-—–－·•]))?"
    # (or the gazette's name alone: 某县人民政府公报, between 下转/上接 markers)
    # (…公报·第4页: its name and the page, a footer)
    r"(?:[^\s，。；：·•]{2,24}(?:公报|政报)(?:[·•|｜]?(?:(?:19|20|１９|２０)\d{2}年)?第\d{1,3}[期号页](?:[（(]总第\d{1,4}期[）)])?)?|"
    r"(?:(?:19|20|１９|２０)\d{2}年)?第\d{1,3}[期号](?:[（(]总第\d{1,4}期[）)])?[·•|｜]?[^\s，。；：·•]{2,24}(?:公报|政报)|"
    # (the issue alone: 2024年第6期, an even page's header; not 2024年第6号, a 公告's number)
    r"(?:19|20|１９|２０)\d{2}年第\d{1,3}期(?:[（(]总第\d{1,4}期[）)])?)"
    r"(?:(?<![-—–－·•\d])[-—–－·•]+\d{1,3}[-—–－·•]*)?$"
)
#: A dotted leader and a page number (目录 lines). Each run of leader characters is tried from
#: its first one only (tabs: the first, the rest are the spaces after it): tried from each, a
#: long run took time quadratic in its length.
#: (the page in brackets too: ……………（12）)
_LEADER = re.compile(
    r"(?:(?<!\.)\.{3,}|(?<!…)…{2,}|(?<!·)·{3,}|(?<!\t)\t)\s*[（(]?\s*(\d{1,3})\s*[）)]?\s*$"
)
_NUM_CORE = (
    r"[\u4e00-\u9fff]{1,12}\s*[〔\[【［(（﹝]\s*(?:19|20|１９|２０)\d{2}\s*"
    r"[〕\]】］)）﹞]\s*第?\s*\d{1,5}\s*号"
)
#: Who signed a request for issue (签发人：张建国 李四), beside its 文号 on a 请示's or a 报告's
#: head, or alone under it.
_SIGNED_FOR_ISSUE = re.compile(
    r"签\s*发\s*人\s*[:：]\s*[\u4e00-\u9fff·]{2,12}(?:\s+[\u4e00-\u9fff·]{2,4})*"
)
_NUMBER_LINE = re.compile(rf"^[（(]?\s*({_NUM_CORE})\s*[）)]?(?:\s*{_SIGNED_FOR_ISSUE.pattern})?$")
#: A minutes' issue number under its title (〔2023〕第18期).
_MINUTES_ISSUE = re.compile(
    r"[〔\[［【(（]\s*(?:19|20|１９|２０)\d{2}\s*[〕\]］】)）]\s*第\s*\d{1,4}\s*期"
)
#: A meeting's minutes opening with when it met and who chaired it (2024年2月25日，市长张某主持
#: 召开市政府第12次常务会议。): the minutes' first line, under their title.
_MINUTES_OPEN = re.compile(r"(?:(?:19|20)\d{2}年)?\d{1,2}月\d{1,2}日[^。；;]{0,40}?召开")
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
    #: A line of the layout with nothing to read (a Markdown table's | --- | rule): a blank,
    #: accounted for as page furniture.
    furniture: bool = False
    #: A line whose words were joined to the table row above it (a cell wrapped): read, in
    #: that row, and a line of the document all the same.
    joined: bool = False


#: Bold written __…__ round words (never a form's blanks: 姓名：__________).
_BOLD_UNDERSCORES = re.compile(r"(?<!_)__(?=[^\s_])(.+?)(?<=[^\s_])__(?!_)")
#: A whole line in italics (*本刊地址：…*).
_ITALIC_LINE = re.compile(r"^(\s*)\*(?=[^*\s])(.*[^*\s])\*\s*$")
#: A character a Markdown converter escaped (1\. 制定…, \*, \#).
_ESCAPED = re.compile(r"\\([.)(\-*#_+\[\]])")
#: A rule of a form drawn with box characters (┌──┬──┐, ├──┼──┤, └──┘).
_BOX_RULE = re.compile(r"[─━═┌┐└┘├┤┬┴┼╔╗╚╝╠╣╦╩╬│┃║\s]*[─━═][─━═┌┐└┘├┤┬┴┼╔╗╚╝╠╣╦╩╬│┃║\s]*")
#: A Markdown table's row: cells between pipes, two at least.
_PIPE_ROW = re.compile(r"\|((?:[^|\n]*\|){1,}[^|\n]*)\|")
_PIPE_RULE = re.compile(r":?-+:?")  # (| --- |, |:--:|, |--:|: the header's rule, aligned)
#: A line break inside a cell, as a converter writes it (新增深度处理设施<br>日处理规模…).
_BR = re.compile(r"\s*<br\s*/?>\s*", re.IGNORECASE)


def _spaced_cells(s: str) -> tuple[str, ...] | None:
    """A table row laid out with runs of spaces (1     许可管理     经营者持有…): three cells or
    more, each of two characters or more but a leading number and figures; None for any other
    line (第一章  总  则 spaces its heading's characters, 市长  王某某 is two)."""
    if "  " not in s:
        return None
    if re.fullmatch(r"\s*[（(][^（()）]*[）)]\s*", s):
        return None  # (（…审议通过  …令第35号公布  自…起施行）: one bracketed note, spaced)
    if re.match(r"\s*(?:出席|列席|缺席|请假|参加|记录)(?:人员|人)?\s*[:：]", s):
        return None  # (出席：王某  刘某  张某: who attended the meeting, names spaced)
    # (市住房城乡建设局        赵  敏    副科长: a name of two characters padded to three's width)
    s = _PADDED_NAME.sub(r"\1\2", s)
    cells = tuple(c for c in re.split(r" {2,}|　+", s) if c)
    if len(cells) < 3:
        return None
    rest = cells[1:] if re.fullmatch(r"\d{1,3}[.、]?", cells[0]) else cells
    # (东湖区        8        154.5: a figure of one digit is a cell, as is an empty cell's mark
    # (—, /, 无, √), or a unit's beside a cell of words (污泥含水率      %       ≤80); 总  则 is
    # no table)
    worded = any(len(c) >= 2 and not c.isdigit() for c in rest)
    return (
        cells
        if all(
            len(c) >= 2 or c.isdigit() or c in _EMPTY_MARKS or (worded and c in _UNIT_MARKS)
            for c in rest
        )
        else None
    )


#: A name of two characters padded to the width of three (赵  敏) between a row's wider gaps.
_PADDED_NAME = re.compile(r"(?<= {4})([\u4e00-\u9fff]) {1,3}([\u4e00-\u9fff])(?= {4}| *$)")
#: What a table prints in a cell with nothing in it, or to tick it.
_EMPTY_MARKS = set("—–－-/／无×√✓○●")
#: A unit a cell may hold alone (% under 单位; 米, 吨): not a date's 年, 月, 日.
_UNIT_MARKS = set("%％‰℃米吨元个台辆人次")


def _cells_rejoined(raws: list[str]) -> list[str]:
    """A Markdown table's cell wrapped onto the next line, outside its pipes (| 2 | 清理… |
    2024年6 ⏎月 |): the row joined back on its first line, the next left blank (its words are
    in the row)."""
    out = list(raws)
    for k in range(len(out) - 1):
        row, rest = out[k].strip(), out[k + 1].strip()
        if (
            row.startswith("|")
            and not row.endswith("|")
            and row.count("|") >= 2
            and rest.endswith("|")
            and not rest.startswith("|")
        ):
            out[k], out[k + 1] = row + rest, ""
    return out


def _wrapped_cells(row: _Line, row_raw: str, raw: str) -> bool:
    """A spaced table's cell wrapped onto the next line, far indented (2     金城古渡口的故
    金城市文化馆 ⏎                    事): its words joined to the cell of the row above whose
    column they stand in; whether ``raw`` was such a line."""
    if (
        not raw.startswith(" " * 8)
        or _PAGE_NUMBER.match(raw)
        or _RUNNING_HEADER.match(_compact(raw))
    ):
        return False  # (                — 12 —: the page's number, no cell's words)
    chunks = list(_CELL_RUN.finditer(raw))
    columns = [m.start() for m in _CELL_RUN.finditer(row_raw)]
    if not chunks or len(chunks) > 2 or len(columns) != len(row.cells or ()):
        return False
    if any(len(c.group()) > 12 or re.search(r"[。；;]", c.group()) for c in chunks):
        return False
    if re.fullmatch(r"(?:合|总|小)\s*计", chunks[0].group()):
        return False  # (         合计        254.8: the table's total, a row of its own)
    cells = list(row.cells or ())
    for c in chunks:
        k = max((i for i, at in enumerate(columns) if at <= c.start() + 2), default=0)
        cells[k] += c.group()
    row.cells, row.text = tuple(cells), "\t".join(cells)
    return True


def _total_row(row: _Line, row_raw: str, raw: str) -> tuple[str, ...] | None:
    """A spaced table's total under its last row, fewer cells than the row (         合计
    254.8): its words in the columns they stand in, the others empty; None for any other line."""
    if not re.match(r"\s*(?:合|总|小)\s*计\s", raw):
        return None
    columns = [m.start() for m in _CELL_RUN.finditer(row_raw)]
    if len(columns) != len(row.cells or ()):
        return None
    cells = [""] * len(columns)
    for c in _CELL_RUN.finditer(raw):
        k = max((i for i, at in enumerate(columns) if at <= c.start() + 2), default=0)
        cells[k] = (cells[k] + " " + c.group()).strip()
    return tuple(cells)


#: A cell's words in a line laid out with runs of spaces (single spaces inside a cell).
_CELL_RUN = re.compile(r"\S+(?: \S+)*")


def _width(s: str) -> int:
    """How many columns ``s`` takes on a page (a Chinese character two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


#: A line laid out in two columns: the left one's words, a gap, the right one's (or only the
#: right one's, indented to it).
_TWO_COLUMNS = re.compile(r"^(?P<left>\S(?:.*?\S)?)?(?P<gap>\s{4,})(?P<right>\S.*?)\s*$")


#: How many lines a page holds at most (a block of two columns is no longer).
_A_PAGE = 60


def _columns_apart(raws: list[str]) -> list[tuple[int, str]]:
    """The lines with their numbers, a page laid out in two columns read one column after the
    other (pdftotext -layout: 青山县人民政府      各乡镇人民政府，… ⏎ 关于印发…      现将《…》…):
    three lines or more in a row whose right column starts at the same place (a Chinese
    character's width counted twice), its words and the left one's long enough to be text, not a
    table's cells."""
    out: list[tuple[int, str]] = []
    k = 0
    while k < len(raws):
        parts = []
        j = k
        # (a page's lines at most: a run that is no block is read again from its next line)
        while (
            j < min(len(raws), k + _A_PAGE)
            and (m := _TWO_COLUMNS.match(raws[j]))
            and "  " not in m.group("right")
        ):
            left = m.group("left") or ""
            at = _width(raws[j][: m.start("right")])
            if "  " in left or (parts and at < parts[0][3] - 3):
                break  # (three cells or more: a table's row; a column that starts elsewhere)
            parts.append((j + 1, left, m.group("right"), at))
            j += 1
        at = parts[0][3] if parts else 0
        # (the right column's own lines start where it does; a signature there may be set right)
        both = [p for p in parts if p[1] and abs(p[3] - at) <= 3]
        if (
            len(parts) >= 3
            and len(both) >= 2
            and at >= 30
            and sum(len(p[1]) for p in both) / len(both) >= 6
            and sum(len(p[2]) for p in parts) / len(parts) >= 6
        ):
            out += [(no, left) for no, left, _right, _at in parts if left]
            out += [(no, right) for no, _left, right, _at in parts]
            k += len(parts)
            continue
        out.append((k + 1, raws[k]))
        k += 1
    return out


#: A line a converter wrote that holds no words: an HTML comment (its page marks), a picture.
_MARKUP_ONLY = re.compile(
    r"(?:<!--.*?-->|!\[[^\]]*\]\([^)]*\)|<br\s*/?>)+|[（(]\s*此页无正文\s*[）)]"
)


#: A 文号 line an OCR misread (宁政办发(2O23)12号, 临政发〔2022〕l8号: O for 0, l or I for 1).
_OCR_NUMBER = re.compile(
    r"([\u4e00-\u9fff]{1,12}[〔\[【［(（﹝〈])([12lI][09O][0-9OlI]{2})([〕\]】］)）﹞〉]第?)"
    r"([0-9OlI]{1,5})(号)"
)
_AS_DIGITS = str.maketrans("OlI", "011")


def _ocr_number(s: str) -> str:
    """A line that is a 文号 but for letters read for digits, as meant; any other line as is."""
    m = _OCR_NUMBER.fullmatch(_compact(s))
    if m is None or not re.search(r"[OlI]", m.group(2) + m.group(4)):
        return s
    return "".join(
        g.translate(_AS_DIGITS) if k in (2, 4) else g for k, g in enumerate(m.groups(), 1)
    )


#: A 文号's year in angle brackets, as an OCR reads 〔〕 (江政任〈2024〉6号).
_ANGLED_YEAR = re.compile(
    r"(?<=[\u4e00-\u9fff])[〈<]\s*((?:19|20|１９|２０)\d{2})\s*[〉>](?=\s*第?\s*[\d０-９]{1,5}\s*号)"
)
#: A page's number after a line's last words (…细则。 - 3 -).
_PAGE_AT_END = re.compile(r"(?<=[。；;：:）)”])\s+[-—–－]\s*\d{1,3}\s*[-—–－]\s*$")
#: A 文号 cut after its year (江政办发〔2024〕 ⏎ ３５号): its head, and its number alone below.
_YEAR_ENDS = re.compile(r"^[\u4e00-\u9fff]{1,12}[〔\[(（]\s*(?:19|20|１９|２０)\d{2}\s*[〕\])）]$")
_NUMBER_TAIL = re.compile(r"\s*第?\s*[\d０-９]{1,5}\s*号\s*")


def _prepare(text: str) -> list[_Line]:
    """Clean every input line; blank lines are kept (text "") as paragraph separators."""
    out: list[_Line] = []
    raws = _cells_rejoined(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    joined_on: set[int] = set()  # (the lines read with the one above: a 文号 wrapped)
    for no, raw in _columns_apart(raws):
        raw = raw.replace("\u00a0", " ").replace("\ufeff", "")
        heading = bool(_MD_HEADING.match(raw))
        s = _MD_HEADING.sub("", raw)
        s = _BULLET.sub("", s)
        s = _BOLD_UNDERSCORES.sub(r"\1", s.replace("***", "").replace("**", ""))
        s = _ITALIC_LINE.sub(r"\1\2", s)
        # (Pandoc's escapes: 1\. 制定…, a line break written as a trailing backslash)
        s = _ESCAPED.sub(r"\1", s).removesuffix("\\")
        if (
            _BOX_RULE.fullmatch(s.strip())
            or _MARKUP_ONLY.fullmatch(s.strip())
            # (签发人：张建国 alone under a 请示's 文号: who signed it for issue, the head's)
            or _SIGNED_FOR_ISSUE.fullmatch(s.strip())
        ):
            # ┌───┬───┐: a drawn form's rule; <!-- page 20 -->, ![印章](image_018.png): a
            # converter's page mark or picture, no words
            out.append(_Line(no, "", furniture=True))
            continue
        # (│企业名称    │    │: a drawn form's row, read as a Markdown table's; │区县意见：  │,
        # one cell across the form: its words)
        s = re.sub(r"[│┃║]", "|", s)
        if re.fullmatch(r"\s*\|[^|]*\|\s*", s) and re.search(r"[│┃║]", raw):
            s = s.strip().strip("|").strip()
        if "\t" in s.strip(" "):
            cells = tuple(c.strip() for c in s.strip(" ").split("\t"))
            if any(cells):
                out.append(_Line(no, s.strip(" "), heading, True, cells))
                continue
        spaced = _spaced_cells(s.strip())
        opener = _token(s.strip()) if spaced else None
        if opener is not None and opener.kind in (
            "chapter",
            "section",
            "article",
            "cn",
            "cn_paren",
        ):
            spaced = None  # (第二条  参保人员  应当…: an article an OCR spaced out, no table row)
        if spaced and re.search(r"[│┃║]", raw) and _PIPE_ROW.fullmatch(s.strip()):
            spaced = None  # (│序号│      指标名称      │: a drawn form's row, its cells by │)
        if spaced:
            # a table laid out with spaces (序号  检查项目  检查内容): its cells
            out.append(_Line(no, "\t".join(spaced), heading, True, spaced))
            continue
        total = _total_row(out[-1], raws[out[-1].no - 1], s) if out and out[-1].cells else None
        if total is not None:
            out.append(_Line(no, "\t".join(total), heading, True, total))
            continue
        if out and out[-1].cells and _wrapped_cells(out[-1], raws[out[-1].no - 1], s):
            out.append(_Line(no, "", joined=True))  # (its words are in the row above)
            continue
        piped = _PIPE_ROW.fullmatch(s.strip())
        if piped:
            # a Markdown table row (| 序号 | 检查项目 |): its cells; the row under the header
            # (| --- | --- |) is the table's furniture
            cells = tuple(_BR.sub(" ", c).strip() for c in piped.group(1).split("|"))
            if all(_PIPE_RULE.fullmatch(c) for c in cells):
                out.append(_Line(no, "", furniture=True))
            else:
                out.append(_Line(no, "\t".join(cells), heading, True, cells))
            continue
        if no in joined_on:
            out.append(_Line(no, "", joined=True))  # (a 文号's number, read with the line above)
            continue
        s = _ocr_number(_ANGLED_YEAR.sub(r"〔\1〕", s.strip()))
        s = _PAGE_AT_END.sub("", s)  # (…实施细则。 - 3 -: a page's number glued to its last line)
        if _YEAR_ENDS.search(s) and no < len(raws) and _NUMBER_TAIL.fullmatch(raws[no]):
            s = s + raws[no].strip()  # (某政办发〔2024〕 ⏎ 35号: read as one 文号)
            joined_on.add(no + 1)
        if _RULE.match(s):
            out.append(_Line(no, "", furniture=True))  # (a rule: accounted for, no text)
            continue
        out.append(_Line(no, s, heading))
    _single_spaced_rows(out)
    _single_spaced_rows(out, "　")  # (检查项目　检查内容　检查结果 ⏎环境卫生　地面清洁　合格 ⏎…)
    return out


def _spaced_once(ln: _Line, sep: str = " ") -> int:
    """How many cells a line laid out with single spaces (``sep``: or single full-width ones)
    holds (0: none such, or not a row)."""
    if ln.table or sep not in ln.text or sep * 2 in ln.text:
        return 0
    cells = ln.text.split(sep)
    if sep == "　" and any(re.search(r"[，,。；;：:]", c) or not c for c in cells):
        return 0  # (第一条　为…，…: an article's words, no cells)
    # (a row's first cell names it, short, no sentence: 城关镇, 耕地保有量, 1; a wrapped
    # sentence with spaces around its numbers is none: …处置不良贷款 60 亿元，确保)
    if len(cells[0]) > 12 or re.search(r"[，,。；;：:、]", cells[0]):
        return 0
    # (（一）博士研究生每人每月 3000 元；: an item, a sentence with spaces around its number)
    if re.search(r"[，,。；;]$", cells[-1]) or re.match(
        r"[（(][一二三四五六七八九十\d]{1,3}[）)]\S", cells[0]
    ):
        return 0
    return len(cells)


def _single_spaced_rows(lines: list[_Line], sep: str = " ") -> None:
    """A table laid out with single spaces (序号 路面类型 收费标准 ⏎1 沥青混凝土路面 420 ⏎2 …;
    乡镇 播种面积 总产量 ⏎城关镇 3.2 1.5 ⏎…⏎合计 8.0 3.8): its lines marked as table rows
    with their cells. A run of lines of the same three cells or more: three lines at least, two
    with a number, or rows numbered 1, 2… in order; a total (合计 100) may end it with fewer
    cells. (Read as text, the rows ran together: 4202 水泥….)"""
    i = 0
    while i < len(lines):
        width = _spaced_once(lines[i], sep)
        if width < 3:
            i += 1
            continue
        end = i
        while end + 1 < len(lines) and _spaced_once(lines[end + 1], sep) == width:
            end += 1
        if end + 1 < len(lines) and re.match(f"(?:合计|总计|小计){sep}", lines[end + 1].text):
            end += 1 if 2 <= _spaced_once(lines[end + 1], sep) <= width else 0
        run = lines[i : end + 1]
        numbered = [ln.text.split(sep, 1)[0] for ln in run]
        in_order = any(numbered[k : k + 2] == ["1", "2"] for k in range(len(numbered) - 1))
        figures = sum(1 for ln in run if re.search(r"\d", ln.text))
        # (full-width spaces between cells with no sentence's marks: three rows make a table)
        if (len(run) >= 3 and (figures >= 2 or sep == "　")) or in_order:
            for ln in run:
                ln.cells = tuple(ln.text.split(sep))
                ln.text, ln.table = "\t".join(ln.cells), True
        i = end + 1


#: A gazette's column heading in its brackets (【县政府办公室文件】, ·部门文件·, 【人事任免】).
_COLUMN_HEADING = re.compile(
    r"[【\[［·•■◆●]\s*[\u4e00-\u9fff、]{0,16}(?:文件|人事任免|任免|工作报告|政务信息|厅务信息|工作动态|"
    r"政务动态|政策解读|领导讲话|会议纪要|公告公示|要闻|大事记)\s*[】\]］·•■◆●]?"
)

#: A table going on over a page (续表, 续表1, （续表）).
_CONTINUED_TABLE = re.compile(r"[（(]?续表\d{0,2}[）)]?")
#: A 规范性文件's registration number (登记号 JNJT-2021-0007, 登记编号：XXX-2021-001).
_REGISTRATION = re.compile(
    r"(?:规范性文件)?(?:统一)?(?:登记号|登记编号|备案号|备案编号)[:：]?[A-Za-z]{2,12}[-—－]?"
    r"(?:19|20)\d{2}[-—－]?\d{2,6}"
)


#: A column's name printed atop each page (规范性文件, 部门文件, 政府文件).
_A_RUNNING_COLUMN = re.compile(
    r"[\u4e00-\u9fff]{0,6}(?:规范性文件|部门文件|政府文件|政府令|人事任免)"
)


def _drop_noise(lines: list[_Line], toc_range: tuple[int, int] | None) -> list[int]:
    """Blank out stray page numbers, running headers and dotted-leader lines outside the TOC;
    the source line numbers blanked (page furniture, accounted for as a skip)."""
    dropped: list[int] = []
    masthead = None
    for ln in lines:
        if ln.text:
            masthead = _compact(ln.text)
            break
    seen_masthead = False
    read = 0  # non-blank lines so far: the cover's own masthead and issue come first
    heads: set[tuple[str, ...]] = set()  # the tables' header rows (their first)
    continued = False  # a 续表 line read since the last table row
    page_turned = False  # the line before was a page's footer or header
    last_table = -2
    for i, ln in enumerate(lines):
        if ln.furniture:
            dropped.append(ln.no)
        if ln.table and ln.text and _furniture_cells(ln.text):
            # (临江市人民政府公报    2020年第5期    — 12 —: a page's header spaced out, no table)
            ln.text, ln.table = "", False
            dropped.append(ln.no)
            continue
        if ln.table and ln.cells:
            if continued and ln.cells in heads:
                # (续表 ⏎ 序号  项目名称…: the header row printed again on the next page)
                ln.text, ln.table, ln.cells = "", False, None
                dropped.append(ln.no)
                continued = False
                continue
            if last_table < i - 1 and not continued:
                heads.add(ln.cells)
            last_table, continued = i, False
        if ln.text and _CONTINUED_TABLE.fullmatch(_compact(ln.text)):
            ln.text, continued = "", True  # 续表: the table goes on over the page
            dropped.append(ln.no)
            continue
        if ln.table or not ln.text:
            continue
        read += 1
        if toc_range and toc_range[0] <= i <= toc_range[1]:
            continue
        c = _compact(ln.text)
        turned, page_turned = page_turned, False
        if _PAGE_NUMBER.match(ln.text):
            ln.text = ""
        elif (
            turned
            and _A_RUNNING_COLUMN.fullmatch(c)
            # (…公报 ⏎ 某县人民政府文件 ⏎ 某政函〔2023〕47号: a document's banner, over its 文号)
            and not _NUMBER_LINE.match(
                next((_compact(n.text) for n in lines[i + 1 : i + 4] if n.text), "")
            )
        ):
            ln.text = ""  # (…公报·第4页 ⏎ 规范性文件: the column's name atop each page)
        elif read > 3 and _RUNNING_HEADER.match(c):
            ln.text = ""  # a later page's running header (whatever the masthead spelled)
        elif masthead and masthead.endswith("公报") and c.startswith(masthead) and len(c) < 30:
            # the gazette's name repeated at the top of later pages is a running header
            if seen_masthead and i > 40:
                ln.text = ""
            seen_masthead = True
        elif _LEADER.search(ln.text) and re.search(r"(\.{4,}|…{2,})", ln.text):
            ln.text = ""
        elif _COLUMN_HEADING.fullmatch(c) or _REGISTRATION.fullmatch(c):
            # 【部门文件】, ·人事任免·: the gazette's column; 登记号 JNJT-2021-0007: a 规范性文件's
            # registration, printed above or below its 文号; no document's text
            ln.text = ""
        if not ln.text:
            dropped.append(ln.no)
            page_turned = True
    return dropped


#: One part of a page's header or footer: the gazette's name, its issue, its total issue, the
#: page (临江市人民政府公报, 2020年第5期, 总第123期, — 12 —, ·12·, 第12页).
_FURNITURE_CELL = re.compile(
    # (宁陵县人民政府公报   县政府办公室文件   ·15·: a column's heading in the middle)
    r"[^\s，。；：]{2,24}(?:公报|政报)|[\u4e00-\u9fff、]{2,16}文件|人事任免|政府令|部门文件|(?:(?:19|20|１９|２０)\d{2}年)?第\d{1,3}期|[（(]?总第\d{1,4}期[）)]?|"
    r"[-—–－·•\s]*(?:第\s*)?\d{1,3}(?:\s*页)?[-—–－·•\s]*"
)


def _furniture_cells(text: str) -> bool:
    """Whether a line spaced into cells holds page furniture only (a header in three parts)."""
    cells = [c for c in re.split(r"\t|\s{2,}|\|", text.strip().strip("|")) if c.strip()]
    has_name = any(re.search(r"公报|政报|第\d{1,3}期", c) for c in cells)
    return has_name and all(_FURNITURE_CELL.fullmatch(c.strip()) for c in cells)


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
