"""The case a duty applies under: a condition's words and the number it picks out by, with its
comparison (``condition_at``: 连续3次…的 at least 3 times, 3年内完不成的 longer than 3 years,
超过1000万元至1亿元的 a band), the condition written just before one duty of a sentence
(``condition_before``) and a case that goes on into the phrase after it (``case_goes_on``).
Pure module (standard library and the wording tables); ``extraction`` and ``attribution`` read
cases with it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from decimal import Decimal

from checklists.standards.comparators import NEGATE, comparator_before, with_marker
from checklists.standards.number_words import A_MEASURE_END, BAND_UP_TO
from checklists.standards.numbers import comparator_in_phrase, period_before
from checklists.standards.numerals import Qty
from checklists.standards.openings import (
    APPROVED,
    CLOCK_BOUND,
    PARTS_OF_THE_DAY,
    QUOTED_ARTICLE,
    THINGS_BY,
)
from checklists.standards.parties import condition_of, ends_with_party
from checklists.standards.phrase_conditions import phrase_condition
from checklists.standards.quantities import TIME_IN, quantities
from checklists.standards.requirements import Applicability, Requirement
from checklists.standards.subjects import PARTY_BEFORE_WHEN
from checklists.standards.timing import a_window

#: A count a condition reaches in all or in a row (累计两次…的, 连续3次…的): at least that.
#: (连续驾驶4小时的, 逾期3个月未缴纳的, 拖欠工资2个月的: that long or more)
IN_ALL = re.compile(r"(?:累计|连续|逾期|超期|拖欠)(?:[\u4e00-\u9fff]{1,4}?)?\s*$")


def band_ends(masked: str, start: int, q_start: int, q: Qty) -> tuple[bool, bool]:
    """Whether a band's bounds are in it: as their markers say (1万吨（含）至5万吨（不含）),
    and its low bound left out after 超过/高于/大于 (营业收入超过1000万元至1亿元的部分)."""
    found = comparator_before(masked[max(start, q_start - 12) : q_start])
    return (q.low_inclusive and not (found and found[0] == ">"), q.high_inclusive)


#: Not done within a time (3年内完不成的, 30日内未整改的): the ones who took longer.
NOT_DONE = re.compile(
    # (not what did not happen in it: 两年内未发生工资拖欠的, within two years, a clean record)
    # (nor who are unemployed: 离校2年内未就业高校毕业生, those who left school within two years)
    r"\s*(?:以|之)?内?\s*(?:仍|还|尚|均)?(?:(?:未|没有|没)(?!发生|出现|受到|被|因|就业(?:的)?(?:高校|毕业生|大学生|青年|人员))|不能|未能|无法|"
    r"[^，,。；;的]{1,2}不(?:成|完|到|了))"
)


def counted(
    comparator: str | None, masked: str, start: int, q_start: int, q_end: int
) -> str | None:
    """A case's comparison as the words around its number count it: 连续3次…的, 逾期3个月未缴纳的
    (none written: that many or more); 3年内完不成的, 30日内未整改的 (within it, not done:
    longer)."""
    if comparator is None and IN_ALL.search(masked, start, q_start):
        return ">="  # 累计两次被投诉属实的: two times or more
    if comparator in ("<=", "<") and NOT_DONE.match(masked, q_end):
        return NEGATE[comparator]  # 3年内完不成的: not done within it, longer
    return comparator


#: A period named after 一个 and counted in (一个考核年度内, 一个自然年度中, 一个周期内).
_A_NAMED_PERIOD = re.compile(
    r"[^，,。；;\d＿]{0,4}(?:年度|周期|季度|月度|自然年|考核期)(?:内|中|里)"
)


def condition_at(text: str, masked: str, c_start: int, c_end: int) -> Applicability:
    """A condition's words and its first number with its comparison, if it states one; a
    time window that another number follows is the span that number is counted in, not the
    condition's number (两年内累计3次以上被投诉的: 3 times or more)."""
    if (quoted := QUOTED_ARTICLE.match(text, c_start, c_end)) is not None:
        c_start = quoted.end()  # (：“第十三条 携犬出户时，…: the case, not the article quoted)
    found = [  # (每次验收前: each time, no number of the condition's)
        q
        for q in quantities(masked[c_start:c_end])
        if masked[c_start + q.start - 1 : c_start + q.start] != "每"
    ]

    def counted_in(q: Qty) -> bool:  # (在一个考核年度内…: the period counted in, by its name)
        return q.unit == "个" and _A_NAMED_PERIOD.match(masked, c_start + q.end) is not None

    while len(found) > 1 and (a_window(found[0], found[0].after or "") or counted_in(found[0])):
        found = found[1:]  # (在一个考核年度内发生2次以上…的: 2 times, in the year named)
    if found and counted_in(found[0]):
        found = []  # (在一个年度内多次住院的: the period counted in, and no number in it)
    # (当24小时降雨量达到50毫米以上时: the measure compared, not the window it is measured in)
    # (连续2小时超过150微克/立方米的: the comparison before the measure too, the window none)
    compared = [
        q
        for q in found
        if q.comparator not in (None, "range")
        or (q.comparator is None and comparator_in_phrase(masked, c_start, c_start + q.start)[0])
    ]
    if (
        compared
        and compared[0] is not found[0]
        and found[0].unit in ("hour", "day", "minute", "week", "month", "year")
        and found[0].comparator is None
    ):
        found = compared + [q for q in found if q not in compared]
    said = [  # (the first two numbers' comparisons: a band's bounds, if both are stated)
        q.comparator or comparator_in_phrase(masked, c_start, c_start + q.start)[0]
        for q in (found[:2] if len(found) >= 2 else ())
    ]
    if (
        said
        and said[0] in (">", ">=")
        and said[1] in ("<", "<=")
        and found[0].low is not None
        and found[1].low is not None
        # (超过一个月不满一年的: the upper bound in the lower one's unit, 12 months)
        and (times := _times_in(found[1].unit, found[0].unit))
        and found[0].low < found[1].low * times
        # (运营1年以上的离校2年内高校毕业生: two measures, one of them the ones' own)
        and "的" not in masked[c_start + found[0].end : c_start + found[1].start]
    ):
        # (高于900元但低于1200元的: both bounds, a band)
        per = found[0].per or period_before(masked, c_start, c_start + found[0].start)[0]
        # (高于900元但低于1200元的: both ends left out)
        ends = (said[0] == ">=", said[1] == "<=")
        low, high = found[0].low, found[1].low * times
        return Applicability(
            text[c_start:c_end], "range", None, found[0].unit, per, low, high, *ends
        )
    for q in found:
        comparator = q.comparator
        if comparator is None:
            comparator = comparator_in_phrase(masked, c_start, c_start + q.start)[0]
            if q.mark and comparator is not None:
                comparator = with_marker(comparator, q.mark)
        comparator = counted(comparator, masked, c_start, c_start + q.start, c_start + q.end)
        if comparator is None and not q.arabic and q.unit in ("项", "类"):
            continue  # (享受残疾人两项补贴的对象: a programme's name, no number to meet)
        # (年营业额在500万元以下的: a year's amount, per year)
        per = q.per or period_before(masked, c_start, c_start + q.start)[0]
        if comparator == "range":  # (年满60周岁至79周岁的: both bounds)
            # (1万吨（含）至5万吨（不含）: each bound as its marker says)
            ends = band_ends(masked, c_start, c_start + q.start, q)
            words = text[c_start:c_end]
            return Applicability(words, "range", None, q.unit, per, q.low, q.high, *ends)
        return Applicability(text[c_start:c_end], comparator or "==", q.low, q.unit, per)
    return Applicability(text[c_start:c_end])


_A_STOP = re.compile(r"[，,。；;]")


def _times_in(larger: str | None, smaller: str | None) -> Decimal:
    """How many ``smaller`` one ``larger`` is (超过一个月不满一年: 12 months): 1 for the same
    unit, 0 for units of time no band joins."""
    return Decimal(1) if larger == smaller else TIME_IN.get((smaller, larger), Decimal(0))


#: A band's floor, then its top's words (3个月以上不满…, 超过15分钟不足…).
_A_FLOOR_THEN = re.compile(BAND_UP_TO + "$")


def with_its_floor(masked: str, ph_start: int, q_start: int, top: Applicability) -> Applicability:
    """``top`` (a number that picks out which ones, below it) as the band it closes with the
    floor right before it in its phrase (劳动合同期限3个月以上不满1年的: 3 to 12 months, in the
    floor's unit), or as it is."""
    if top.comparator not in ("<", "<=") or top.value is None:
        return top
    found = quantities(masked[ph_start:q_start])
    floor = found[-1] if found else None
    if (
        floor is None
        or floor.low is None
        or not _A_FLOOR_THEN.fullmatch(masked, ph_start + floor.end, q_start)
    ):
        return top
    times = _times_in(top.unit, floor.unit)
    if not times or floor.low >= top.value * times:
        return top
    # (超过15分钟不足1小时: above its floor; 满1年不满10年, 3个月以上不满1年: from it)
    below = floor.comparator or comparator_in_phrase(masked, ph_start, ph_start + floor.start)[0]
    return replace(
        top,
        comparator="range",
        value=None,
        unit=floor.unit,
        low=floor.low,
        high=top.value * times,
        low_inclusive=below != ">",
        high_inclusive=top.comparator == "<=",
    )


def case_goes_on(
    text: str, r: Requirement, qualifiers: list[tuple[int, Applicability]]
) -> Requirement:
    """``r`` with its condition that names no number going on in the phrase right after it,
    where a number picks out which ones (上述企业中，年产量超过1万吨的，应当…: one condition,
    the two phrases, the number's)."""
    when = r.applies_when
    if when is None or when.value is not None or not qualifiers:
        return r
    at = text.rfind(when.text, 0, r.start + 1)
    if at < 0:
        return r
    end = at + len(when.text)
    for q_end, q in qualifiers:
        q_at = text.find(q.text, end, r.start)
        if q_at < 0 or q.value is None or text[end:q_at].strip(" 　，,"):
            continue
        stop = _A_STOP.search(text, q_end, r.start)
        if stop is None:
            return r
        return replace(r, applies_when=replace(q, text=text[at : stop.start()].rstrip()))
    for _q_end, q in qualifiers:
        # (连续从事本工种10年以上的，经用人单位同意，可以延长…: the number's case right before
        # it, one condition; 20日内不能作出决定的，经…同意，可以延长…: what was not done in it
        # too)
        q_at = text.rfind(q.text, max(0, at - len(q.text) - 20), at)
        gap = text[q_at + len(q.text) : at].strip(" 　，,") if q_at >= 0 else ""
        if (
            q.text  # (a qualifier with no words is found anywhere)
            and q_at >= 0
            and q.value is not None
            and (not gap.strip("的") or (gap.endswith("的") and NOT_DONE.match(gap)))
            and not re.search(r"[，,。；;]", gap)
        ):
            return replace(r, applies_when=replace(q, text=text[q_at:end]))
    return r


#: A class's name alone, heading what follows its colon (一类区域：, 城区：, 小型车：, 夜间：): a
#: place, a kind of vehicle or a time of day the requirements after it are for.
_A_CLASS_LABEL = re.compile(
    # (a time of day alone: 噪声排放昼间不得超过70分贝, not 排放昼间)
    rf"(?:{PARTS_OF_THE_DAY})|"
    # (not the place where it happened, a party: 事发地乡镇应当在30分钟内报告…)
    r"(?:[一二三四五六七八九十]+类|(?!事发地|所在地|属地)[^\d＿，,。；;：:（()）的]{0,6})"
    r"(?:区域|地区|城区|市区|郊区|山区|牧区|平原区|丘陵区|县城|城镇|农村|乡镇|片区|路段|小型车|中型车|大型车|客车|货车|"
    r"工作日|节假日|旺季|淡季|高峰时段|平峰时段|高峰期|低峰期|"
    # (每班幼儿人数：小班不超过25人: a class of pupils; 睡眠时间小学生不少于10小时、初中生…: a
    # school's stage)
    r"(?:小|中|大|乳儿|托小|托大)班|(?:小学|初中|高中)生?)"
)
#: The same class right before its bound, opening the phrase (城区达到100%，农村达到90%以上;
#: 小班不超过25人，中班…): the class the bound is for.
_A_CLASS_BOUND = re.compile(
    # (not each or all of them: 每个乡镇至少建设1个…, 各乡镇…)
    r"\s*(?![每各全本该其])"
    # (nor the townships acting, no bound: 乡镇应当在…三个阶段分别到场巡查)
    r"(?!乡镇(?:应当?|要|须|必须)(?![^，,。；;]*[\d＿]))"
    # (after the name of the measure it bounds: 绿化覆盖率城区不低于40%, 边界噪声昼间不得超过…,
    # 施工现场噪声排放昼间…)
    rf"(?:[^，,。；;：:\d＿]{{1,20}}?(?:{A_MEASURE_END})(?:排放)?)?"
    rf"(?P<label>{_A_CLASS_LABEL.pattern})"
    r"(?=不超过|不少于|不低于|不高于|不大于|不小于|不得|不应|应|达到|高于|低于|超过|小于|大于|至少|最多)"
)

#: A time of day right before a limit's number (噪声排放限值昼间70分贝，夜间55分贝): the hours
#: the limit is for.
_A_TIME_OF_DAY_LIMIT = re.compile(
    r"\s*(?:[^，,。；;：:\d＿]{0,20}?限值\s*(?:为)?\s*)?(?P<label>"
    + PARTS_OF_THE_DAY
    # (not a time of day's hour: 夜间22时后应当…, read as a clock time)
    + r"|夜晚)(?=\d)(?!\d{1,2}\s*[时点])"
)


_AN_APPROVAL = re.compile(APPROVED)


def _from_an_hour(text: str, words: str, at: int) -> Applicability | None:
    """The hour of the day with 后 or 前 that ``words`` (at ``at`` in ``text``) open with, as
    the case of the duty (每日22时后，禁止…): a time of day, no amount of hours; or None."""
    clock = CLOCK_BOUND.match(words)
    if clock is None:
        return None
    return Applicability(text[at + clock.start("cond") : at + clock.end("cond")])


def condition_before(
    text: str, masked: str, bounds: list[tuple[int, int]], start: int, end: int, lo: int
) -> Applicability | None:
    """The condition written just before one duty (in a phrase of its sentence's ``bounds``
    that starts at or after ``lo``, where the duties before it end), or as its opening words:
    对工程类项目，采购人…; 施工期间，…; 不一致的直接要求退换 (the sentence's opening condition is
    ``extraction``'s)."""
    # (the phrases are in order and apart: found by bisect, not read one by one per duty)
    at = bisect.bisect_right(bounds, start, key=lambda ab: ab[0]) - 1
    if at < 0 or not bounds[at][0] <= start < bounds[at][1]:
        return None
    b = bounds[at][1]
    words = masked[start:b]
    if label := _A_CLASS_BOUND.match(text, start, b) or _A_TIME_OF_DAY_LIMIT.match(text, start, b):
        return condition_at(text, masked, label.start("label"), label.end("label"))
    if (clock := _from_an_hour(text, words, start)) is not None:
        return clock  # (…，夜间22时后应当关闭…: from that hour on)
    n = phrase_condition(words, text[start:b])
    if n is not None and (n < len(words.rstrip()) or end > b + 1):
        # (医疗机构污水排放前应当…: the party acts, what it does first is the condition)
        who = PARTY_BEFORE_WHEN.match(words, 0, n)
        skip = len(who.group("who")) if who and ends_with_party(who.group("who")) else 0
        return condition_at(text, masked, start + skip, start + n)
    # (its words are short: a window read, not the rest of a long sentence once per duty)
    if n is None and at > 0 and end > b + 1 and (by := THINGS_BY.match(masked[start : b + 64])):
        # (…，连续两次考核排名末位的乡镇，由县政府…约谈: the ones another party acts on, as
        # at a sentence's start)
        opening = condition_of(masked[start : bounds[-1][1]])
        if opening is not None and opening.start == 0 and opening.end <= by.end("cond"):
            return condition_at(text, masked, start, start + opening.end)
    if at > 0:
        a2, b2 = bounds[at - 1]
        while a2 < b2 and masked[a2].isspace():
            a2 += 1
        words = masked[a2:b2]
        if at > 2 and _AN_APPROVAL.fullmatch(words.strip()):
            # (…，伤情严重的，经…委员会确认，可以适当延长: the case, then who approves; both the
            # case of what it allows; a sentence's opening case is ``extraction``'s)
            a3, b3 = bounds[at - 2]
            while a3 < b3 and masked[a3].isspace():
                a3 += 1
            case = masked[a3:b3]
            if (
                a3 >= lo
                and case.strip()
                and phrase_condition(case, text[a3:b3]) == len(case.rstrip())
            ):
                return condition_at(text, masked, a3, a2 + len(words.rstrip()))
        if words.strip() == "的" and masked[a2 - 1 : a2] in ("）", ")"):
            # 经验收合格（应具备…，同时必须…）的，县政府…: the case, before the aside of its duties
            opened = max(masked.rfind("（", 0, a2), masked.rfind("(", 0, a2))
            head = next((ab for ab in bounds if ab[1] == opened), None)
            if head is not None and masked[head[0] : head[1]].strip():
                h0 = head[1] - len(masked[head[0] : head[1]].lstrip())
                return condition_at(text, masked, h0, head[1])
        if a2 >= lo and (clock := _from_an_hour(text, words + masked[b2 : b2 + 1], a2)):
            return clock  # (…，每日22时后，禁止…: the phrase before, from that hour on)
        if (
            a2 >= lo
            and words.strip()
            and (
                phrase_condition(words, text[a2:b2]) == len(words.rstrip())
                # (一类区域：小型车首小时5元; 城区：每日清扫两次: the class a colon heads)
                or (
                    masked[b2 : b2 + 1] in ("：", ":")
                    and _A_CLASS_LABEL.fullmatch(text[a2 : a2 + len(words.rstrip())])
                )
            )
        ):
            return condition_at(text, masked, a2, a2 + len(words.rstrip()))
    return None
