"""What is printed around a gazette's documents and is none of their words: a document's colophon
(版记: 抄送, 印发, how it is made public), the gazette's imprint on its back cover, and a Markdown
converter's footnotes. Pure module (standard library and ``lines``); ``parsing`` blanks them
before it reads the documents, each a named skip.
"""

from __future__ import annotations

import re

from checklists.standards.lines import _compact, _Line

#: A document's colophon (版记): who else receives it (抄送：…, 抄报：…) and who printed it when
#: (某市人民政府办公室 2025年4月20日印发), whitespace removed.
_COPIED_TO = re.compile(r"^(?:抄送|抄报|分送|发送)[:：]")
_PRINTED = re.compile(r"^[^，。；：]{2,40}?(?:19|20)\d{2}年\d{1,2}月\d{1,2}日印发$")
#: How the document is made public, under its signature (（此件公开发布）, （此件主动公开）).
_MADE_PUBLIC = re.compile(
    r"^[（(]此件(?:公开发布|主动公开|依申请公开|不予?公开|删减后公开|公开)[）)]$"
)


def drop_colophon(lines: list[_Line]) -> list[int]:
    """Blank out each document's colophon (版记: 抄送：…, …印发, and the lines of its list of
    recipients between them): no clause's words; the source line numbers blanked (accounted for
    as a skip)."""
    dropped: list[int] = []
    copied = None  # the index of the last 抄送 line, while its list may go on
    for i, ln in enumerate(lines):
        if ln.table or not ln.text:
            continue
        c = _compact(ln.text)
        if copied is not None and i - copied > 4:
            copied = None  # too far: no list of recipients runs on this long
        if _COPIED_TO.match(c):
            copied = i
        elif _MADE_PUBLIC.match(c):
            pass  # (its own line: no clause's words, nor the next document's title)
        elif _PRINTED.match(c):
            for k in range(copied + 1, i) if copied is not None else ():
                if lines[k].text and not lines[k].table:  # the list's further lines
                    dropped.append(lines[k].no)
                    lines[k].text = ""
            copied = None
        else:
            continue
        dropped.append(ln.no)
        ln.text = ""
    return sorted(dropped)


#: Who edits the gazette (…公报编辑部, 编辑委员会), a line of its imprint or the one above it.
_EDITORS = r"(?:编辑部|编辑委员会|编委会)"
#: A line of a gazette's imprint (its back cover: who edits and prints it, where, how to reach it).
_IMPRINT = re.compile(
    r"^(?:本刊)?(?:主\s*管(?:主\s*办)?|主\s*办|承\s*办|主\s*编|副?主\s*任|编\s*辑(?:出版)?|出\s*版|印\s*刷|地\s*址|电\s*话|"
    r"传\s*真|邮\s*编|邮政编码|网\s*址|电子邮箱|准印证号|印\s*数|发送范围)\s*[:：]|"
    # (内部资料　免费交流: how the gazette is given out, its last line)
    r"^(?:内部资料|免费交流|免费赠阅|内部资料免费(?:交流|赠阅)|非卖品)$|"
    # (（月刊）: how often it comes out, under its name)
    r"^[（(](?:月刊|半月刊|旬刊|季刊|双月刊)[）)]$|"
    # (国内统一连续出版物号：CN43-1234/D, 国际标准连续出版物号: the serial's registration)
    r"^(?:国内统一|国际标准)?连续出版物号|^刊\s*号\s*[:：]|"
    # (本刊声明 ⏎ 本公报刊登的文件与正式文件具有同等效力: the gazette's own notice)
    r"^本(?:刊|报|公报)声明$|^[^，,。；;]{0,20}"
    + _EDITORS
    + r"$|^本(?:刊|公报)(?:刊登|刊载|所刊登|登载)的[^。]{0,30}(?:同等效力|标准文本)|"
    # (（本期责任编辑：刘某）: who edited the issue, its last line)
    r"^[（(]?本期(?:责任)?编辑[:：]"
)
#: Who edited the issue (（本期责任编辑：刘某）): the imprint's even alone, no document says it.
_THIS_ISSUES_EDITOR = re.compile(r"^[（(]?本期(?:责任)?编辑[:：][^（）()]{1,16}[）)]?$")
_IMPRINT_OWN = re.compile(
    r"^(?:地\s*址|邮\s*编|邮政编码|准印证号|主\s*编|编\s*辑|印\s*刷|主\s*办|(?:国内统一|国际标准)?连续出版物号)"
)


#: A converter's footnote: its text on a line of its own ([^1]: 《…条例》于…公布), its mark in the
#: words ([^2]).
_FOOTNOTE = re.compile(r"^\[\^[^\]\s]{1,8}\]\s*[:：]")
_FOOTNOTE_MARK = re.compile(r"\[\^[^\]\s]{1,8}\](?!\s*[:：])")


def drop_footnotes(lines: list[_Line]) -> list[int]:
    """Blank out a Markdown converter's footnotes ([^1]: …) and take their marks out of the
    words: a note under a page is no clause's text (its dates are no document's); the source line
    numbers blanked (accounted for as a skip)."""
    dropped: list[int] = []
    for ln in lines:
        if ln.text and not ln.table and _FOOTNOTE.match(ln.text):
            ln.text = ""
            dropped.append(ln.no)
        elif "[^" in ln.text:
            ln.text = _FOOTNOTE_MARK.sub("", ln.text)
    return dropped


#: A field of an imprint, and one only a gazette's imprint has (a notice may end 地址：…　电话：…).
_IMPRINT_FIELD = re.compile(
    r"(?:编辑(?:出版)?|出版|主办|承办|印刷|地址|邮编|邮政编码|电话|传真)\s*[:：]"
)
_GAZETTES_FIELD = re.compile(r"(?:编辑(?:出版)?|出版|主办|承办|印刷|邮编|邮政编码)\s*[:：]")


def _imprint_alone(text: str) -> bool:
    """A line that is the imprint by itself: who edited the issue (（本期责任编辑：刘某）), or two
    fields or more, one of them a gazette's (本刊地址：…　邮编：…, 编辑：…办公室　电话：…)."""
    return _THIS_ISSUES_EDITOR.match(_compact(text)) is not None or (
        len(_IMPRINT_FIELD.findall(text)) >= 2 and _GAZETTES_FIELD.search(text) is not None
    )


def drop_imprint(lines: list[_Line]) -> list[int]:
    """Blank out the gazette's imprint on its last lines (…公报编辑部 ⏎ 地址：…⏎ 电话：…⏎ 邮编：…):
    three such lines at least, one of them its own kind (地址, 邮编, 准印证号, 主编…: no
    document's contact line) or who edited the issue (本期责任编辑：…, alone too), nothing but a
    heading line above them and nothing after; the
    source line numbers blanked (accounted for as a skip). They were the last clause's text."""
    filled = [i for i, ln in enumerate(lines) if ln.text and not ln.table]
    run: list[int] = []
    for i in reversed(filled):
        if not _IMPRINT.match(_compact(lines[i].text)):
            break
        run.append(i)
    alone = any(_imprint_alone(lines[i].text) for i in run)
    if not alone and (
        len(run) < 3 or not any(_IMPRINT_OWN.match(_compact(lines[i].text)) for i in run)
    ):
        return []
    above = filled[-len(run) - 1] if len(filled) > len(run) else None
    if above is not None and re.search(_EDITORS + r"$|(?:公报|政报)$", _compact(lines[above].text)):
        run.append(above)
    for i in run:
        lines[i].text = ""
    return sorted(lines[i].no for i in run)


def drop_back_matter(lines: list[_Line]) -> list[tuple[str, str, tuple[int, ...]]]:
    """Blank out all of the above, in turn; each part found as (title, reason, source lines): the
    gazette's named skips."""
    parts = (
        ("版记（公开方式、抄送、印发）", "版记", drop_colophon(lines)),
        ("公报编印信息", "封底", drop_imprint(lines)),
        ("脚注", "脚注", drop_footnotes(lines)),
    )
    return [(title, reason, tuple(found)) for title, reason, found in parts if found]
