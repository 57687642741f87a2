"""A task's responsible units: the aside or sentence that names who answers for a task
(（责任单位：A、B）, （A牵头，B配合）, 责任单位：…。). Pure module (standard library and the party
vocabulary); ``extraction``, ``duties`` and ``headings`` read it.
"""

from __future__ import annotations

import re

from checklists.standards.parties import ends_with_party, kind_of

#: The part of a task's aside that says when it is to be done (完成时限：2019年底前).
_WHEN_DONE = r"(?:完成|办结)?(?:时限|时间|期限|时间节点)\s*[:：]"
#: A name in a list of units, with one level of brackets (各县（市、区）政府).
_UNIT = r"(?:[^（()）\n]|[（(][^（()）\n]{1,12}[）)])"
#: The aside a task ends with to name who answers for it: （责任单位：A、B）,
#: （牵头单位：A；配合单位：B）, （A、B负责）, （A牵头，B配合）, （A按职责分工负责）.
#: ``listed``/``lead``: the units it makes responsible (the lead ones where it names lead and
#: supporting units).
RESPONSIBLE = re.compile(
    r"[（(\[【［]\s*(?:"
    rf"(?:责任|牵头|主办|主责)(?:单位|部门)\s*[:：]\s*(?P<listed>{_UNIT}+?)\s*"
    # (（牵头单位：A 配合单位：B）: the two parts apart by a space only)
    rf"(?:(?:[；;，,。]|\s)\s*(?:配合|协办|参与|协助|责任)(?:单位|部门)\s*[:：]{_UNIT}*?)?"
    # (…；完成时限：2019年底前: when the task is to be done, no unit)
    rf"(?:(?:[；;，,。]|\s)\s*{_WHEN_DONE}[^（()）]*)?"
    rf"|(?P<lead>{_UNIT}{{2,80}}?)"
    # (（市公安局配合）: the units that help, alone after the task)
    rf"(?:按职责分工负责|分工负责|负责落实|牵头负责|牵头|负责|配合)"
    # (市财政局负责指导, 市应急局负责督促: what the units do about the task)
    r"(?:指导|督促|监督|协调|组织实施|组织|实施|推进)?"
    rf"(?:[，,；;、]{_UNIT}*)?"
    r")\s*[）)\]】］]"
)


#: The same written as a sentence of its own after the task (…。责任单位：市民政局、市发改委。
#: 牵头单位：A；配合单位：B。).
_RESPONSIBLE_BARE = re.compile(
    r"(?:^|(?<=[。；;\s]))(?:责任|牵头|主办|主责)(?:单位|部门)\s*[:：]\s*(?P<listed>[^。；;\n：:]+?)\s*"
    r"(?:[；;，,]\s*(?:配合|协办|参与|协助|责任)(?:单位|部门)\s*[:：][^。\n]*)?(?:[。；;]|$)",
    re.M,
)
#: …or as a sentence of the units alone (由市民政局牵头，市财政局配合。 市税务局负责。
#: 市人社局、市民政局按职责分工负责。).
_RESPONSIBLE_SENTENCE = re.compile(
    r"(?:^|(?<=[。；;\s]))由?(?P<lead>[^。；;\n：:，,]{2,60}?)"
    r"(?:牵头(?:负责)?|按职责分工负责|分工负责|负责)"
    r"(?:[，,][^。；;\n：:，,]{2,60}?(?:配合|参与|协助|按职责分工负责))?\s*(?:[。；;]|$)",
    re.M,
)


#: …or the units alone in brackets after the task's full stop (…。（市农业农村局、市卫生健康委，
#: 各县（市区）政府）): each one an authority's name, nothing else.
_UNITS_ALONE = re.compile(rf"(?<=[。；;])\s*[（(](?P<bare>{_UNIT}{{2,80}}?)[）)]\s*$", re.M)


#: A unit marked as leading the task, right after its name (市人社局（牵头）).
_MARKED_LEAD = re.compile(r"[（(]牵头[）)]$")


def responsible_units(text: str) -> list[tuple[int, int, str]]:
    """Where each aside naming a task's responsible units starts and ends, and the units as
    written (``RESPONSIBLE``, or a sentence of its own); an aside whose words name no authority
    or party is none."""
    out = []
    matches = [
        *RESPONSIBLE.finditer(text),
        *_RESPONSIBLE_BARE.finditer(text),
        *_RESPONSIBLE_SENTENCE.finditer(text),
        *(
            m
            for m in _UNITS_ALONE.finditer(text)
            if all(
                ends_with_party(u.strip()) and kind_of(u.strip()) == "authority"
                for u in re.split(r"[、，,；;]", m.group("bare"))
            )
        ),
    ]
    for m in sorted(matches, key=lambda m: m.start()):
        lead = m.groupdict().get("lead")
        units = (m.groupdict().get("listed") or lead or m.groupdict().get("bare") or "").strip(
            " 　，,、；;"
        )
        # (责任单位：各县（市、区）人民政府，市生态环境局按职责分工负责: the names, not the words)
        units = re.sub(r"(?:按职责分工负责|按职责负责|分工负责|负责落实|牵头负责|负责)$", "", units)
        # (责任单位：县农业农村局牵头，县卫健局、各乡镇人民政府配合: the lead ones, GUIDE 2)
        led = re.fullmatch(r"(.+?)牵头(?:负责)?[，,；;].+?(?:配合|参与|协助|协办)", units)
        units = led.group(1) if led else units
        # (责任单位：市人社局（牵头）、各县区政府: the ones marked as leading)
        marked = [u for u in re.split(r"[、，,；;]", units) if _MARKED_LEAD.search(u.strip())]
        if marked:
            units = "、".join(_MARKED_LEAD.sub("", u.strip()) for u in marked)
        # (（市税务局、市财政局等负责）: the last named, then 等)
        last = re.split(r"[、，,]", units)[-1].strip().removesuffix("等")
        if lead is not None and (
            re.search(r"[由的是为在将对]", units) or not ends_with_party(last)
        ):
            continue  # （由申请人负责）, （费用自行负责）: not a list of units
        if units:
            out.append((m.start(), m.end(), units))
    return out
