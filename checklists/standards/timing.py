"""How often, or by when: whether a time a requirement names is an interval (每三年一次, 至少每15
日进行一次: a frequency) or a time limit (15日内, 限期30日, 办理时限不超过5个工作日: a deadline),
or the window a count after it is in (一年内被抽查不超过2次: ``a_window_before``), the next
class of an interval (…，平峰时段不超过20分钟: ``an_interval_next``), and what an amount is per
(每吨200元, 每满4小时, 每次不超过50元: ``what_per``), and a record clean in a time looked back on
(近3年内无重大事故: ``a_clean_record``).

Pure module (standard library and the wording tables); ``extraction`` reads each time amount of
a phrase with it.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import NamedTuple

from checklists.standards.comparators import comparator_before
from checklists.standards.denominators import (
    RUNNING,
    per_before,
    per_many_before,
    per_single,
    per_step_before,
)
from checklists.standards.number_words import (
    A_TOTAL,
    A_YEAR_S_BASE,
    AN_ITEM_NEXT,
    AT_LEAST_ONCE,
    EACH_TIME,
    EXTENDED,
    ONCE,
    TIME_LIMIT,
)
from checklists.standards.numerals import Qty
from checklists.standards.quantities import COUNTED, PERIOD_NAMES, TIME_UNITS
from checklists.standards.requirements import Applicability, Requirement

#: 一次 right after a time bounded at most, what is done before it (…不超过3天一次, 最长不超过2天
#: 清运一次; not a time limit: 3天内一次).
_AT_MOST_ONCE = re.compile(r"(?!\s*(?:以|之)?内)[^，,。；;＿\d内]{0,4}?(?:一|1)\s*次")

#: The interval between two of what is done, named before a time (清运间隔不超过3天).
_INTERVAL = re.compile(r"间隔[^，,。；;＿\d]{0,8}$")
_FROM_TO_EVENTS = re.compile(r"(?:从|自)[^，,。；;＿\d]{1,12}(?:至|到)[^，,。；;＿\d]{1,12}的?间隔")


#: A time named as how long one takes (每次清运时间, 时长, 用时), not as an interval.
_A_DURATION_NAMED = re.compile(r"每|时间|时长|历时|用时|期限")


def an_interval_next(
    masked: str, before: Requirement, unit: str, comparator: str | None, ph_start: int, at: int
) -> bool:
    """Whether the bound at ``at`` (its comparison word), in the phrase from ``ph_start``, is
    the next class's interval after the interval ``before`` ended the phrase before it, in the
    same unit and comparison (发车间隔高峰时段不超过10分钟，平峰时段不超过20分钟), the phrase naming
    only its class (not how long each takes: 每次清运时间不超过2天)."""
    return (
        (before.kind, before.unit, before.comparator) == ("frequency", unit, comparator)
        and masked[before.start + len(before.span) : ph_start].strip() in ("，", ",", "；", ";")
        and AN_ITEM_NEXT.fullmatch(masked, ph_start, at) is not None
        and not _A_DURATION_NAMED.search(masked, ph_start, at)
    )


class Timing(NamedTuple):
    kind: str
    comparator: str | None
    #: Once every so many (每三年, 两年一次): the number is an interval.
    every: bool
    #: Where a frequency's own 一次 ends (its 1次 is no count of its own; -1: none), or None
    #: (no frequency read: as it was).
    once_end: int | None
    #: A time limit to act in.
    deadline: bool


def timing(
    masked: str,
    q: Qty,
    q_start: int,
    q_end: int,
    ph_start: int,
    ph_end: int,
    kind: str,
    comparator: str | None,
    comp_pos: int,
) -> Timing:
    """The kind and comparison of the amount ``q`` at ``q_start:q_end`` of the phrase
    ``ph_start:ph_end`` of ``masked`` (the comparison word before it at ``comp_pos``), as a
    frequency or a time limit reads them; ``kind`` and ``comparator`` as they were otherwise."""
    once_end = None
    every = (
        q.unit in TIME_UNITS
        and bool(
            # (每行驶2小时…检查一次: each so long of running)
            re.search(rf"每(?:隔|{RUNNING})?\s*$", masked[max(ph_start, q_start - 6) : q_start])
            # (两年一次开展评估, 三年一次: once every so many, 每 left out)
            or (
                q.low != 1
                and masked[q_start] != "半"  # (半年一次: each half year, as 每半年一次)
                and re.match(r"\s*(?:一|1)\s*次", masked[q_end : q_end + 4])
            )
        )
    )
    if every and comparator is None:
        kind, comparator = "frequency", "=="  # 每三年核定…: once every three years
        once = AT_LEAST_ONCE.match(masked, q_end, ph_end)
        if once is not None:
            # 每两年至少清洗一次: once in two years or more often (the interval at
            # most); its 一次 is no count of its own
            comparator, once_end = "<=", once.end()
        elif (plain := ONCE.match(masked, q_end, ph_end)) is not None:
            once_end = plain.end()  # 每5年进行1次安全鉴定: its 1次 is the frequency's
    elif every and comparator == ">=" and masked.startswith(("至少", "最少", "不少于"), comp_pos):
        # 至少每15日进行一次: once every 15 days or more often (the interval at most;
        # its 一次 is no count of its own: 至少每二小时一次)
        kind, comparator = "frequency", "<="
        once_end = plain.end() if (plain := ONCE.match(masked, q_end, ph_end)) else -1
    elif (
        comparator == "<="
        and q.unit in TIME_UNITS
        and (at_most := _AT_MOST_ONCE.match(masked, q_end, ph_end))
    ):
        # 粪便清运不超过3天一次, 最长不超过2天清运一次: once in that time or more often (the
        # interval at most, not how long something lasts); its 一次 is no count of its own
        every, kind, once_end = True, "frequency", at_most.end()
    elif (
        comparator == "<="
        and q.unit in TIME_UNITS
        and _INTERVAL.search(masked, max(ph_start, q_start - 12), q_start)
        # (从烧熟至食用的间隔时间不得超过2小时: the time between two events, how long it lasts)
        and not _FROM_TO_EVENTS.search(masked, ph_start, q_start)
    ):
        kind = "frequency"  # 垃圾清运间隔不超过3天: done again within that time at most
    deadline = (
        q.unit in TIME_UNITS
        and (
            q.after in ("以内", "之内", "内")
            or re.search(
                # (最迟不得超过1小时: the latest it may be done, a time limit)
                r"(?:限期\s*\S{0,2}|最[迟晚][^，,。；;\d]{0,4}?)\s*$",
                masked[max(ph_start, q_start - 8) : q_start],
            )
            is not None
            # (特殊情况可以延长至15个工作日: a time limit extended, still one)
            or (
                (ext := EXTENDED.search(masked, max(ph_start, q_start - 8), q_start))
                and ext.group("to")
            )
            # 整改完成时限为接到通知后20个工作日: a time limit, stated as what it is
            or TIME_LIMIT.search(masked[max(ph_start, q_start - 40) : q_start]) is not None
        )
    )
    return Timing(kind, comparator, every, once_end, bool(deadline))


#: The time units that name a period as well (一年内 → per year, 一个月内 → per month).
PERIODS_TOO = {"year", "month", "week", "day"}
#: What is summed up over a time window (累计, 合计, 共计, 总计, 累积), or capped in it (24小时内
#: 最高收费不超过30元, 一个月内最多补助500元: the most in it).
_SUMMED = re.compile(r"累计|累积|合计|共计|总计|最高|最多")
#: The most in a span, right after it (24小时最高限价…).
_CAPPED = re.compile(r"\s*(?:最高|最多|封顶)")


#: Each one of a staff, before the heads each looks after (每名护理员照护…4名老人).
_EACH_ONE = re.compile(
    r"每\s*[名位][^，,。；;\d＿每]{1,8}?(?:照护|照顾|护理|负责|服务|管理|带教|看护)"
)


#: A cap after a bound in the phrase before (…，最高不超过50万元; 且最多…).
_A_CAP_AFTER = re.compile(r"\s*(?:且|但|并且)?\s*(?:最高|最多)")


def what_per(
    q: Qty,
    per: str | None,
    masked: str,
    at: tuple[int, int, int, int],
    denominator: tuple[Decimal, str] | None,
    topic_per: str | None,
) -> tuple[str | None, Decimal | None, bool, bool]:
    """What the amount ``q`` is per, given the period its phrase names before it (``per``):
    as written (千克/小时), each of what 每 names (每吨200元), each step (每满4小时, with how many
    to a step), each time (每次不超过50元), each of a denominator read before it in its phrase
    (每300米设置1处: ``denominator``, how many and of what), so many of a population (每千常住
    人口…3.2人), or its topic's period (``topic_per``). ``at``: the sentence's start, the
    phrase's, the amount's, and where the amount before it ended. With whether it is a rate (no
    period to count in) and whether a step gave it."""
    s_start, ph_start, q_start, prev_end = at
    rate = q.per is not None and not (q.unit == "次" and q.per in PERIOD_NAMES)
    step = step_count = None  # (每满2年: the step the number goes by)
    if q.per is not None:
        per = q.per  # 千克/小时, 次/月: what the number is per, as written
    elif per is None:
        per = per_before(masked[ph_start:q_start])  # 每吨200元, 每小时40公里
        if per is None:  # (每逾期一日，按…的0.5‰: the step of the phrase before)
            step = per_step_before(masked[max(s_start, q_start - 48) : q_start])
            per, step_count = step if step is not None else (None, None)
        if per is None and q.unit == "元":
            per = per_single(masked[ph_start:q_start])  # 单台补贴额不超过5万元: each one's
            if per is None and _A_CAP_AFTER.match(masked, ph_start, q_start):
                # (单个项目补助金额不超过总投资的30%，最高不超过50万元: the cap is each one's too)
                per = per_single(masked[s_start:ph_start])
        if per is None and q.unit == "元" and EACH_TIME.search(masked, q_start - 12, q_start):
            per = "次"  # 收费标准原则上每次不超过50元: an amount each time
        if per is None and q.unit in ("人", "名") and _EACH_ONE.search(masked, ph_start, q_start):
            per = "人"  # 每名护理员照护不超过4名老人: heads each one looks after
        if per is not None and A_TOTAL.search(masked, prev_end, q_start):
            per = None  # 每人不超过20万元、总额不超过110万元: the total is no one's
        # (每小时记录一次, 每班巡查两次: how often, per hour or shift, no rate)
        rate = per is not None and not (q.unit == "次" and per in ("hour", "班"))
    if (
        per is not None
        and q.unit in ("%", "‰", "倍")
        and A_YEAR_S_BASE.search(masked, ph_start, q_start)
    ):
        per = None  # 处上一年年收入60%至100%的罚款: a share of a year's income, no rate
    per_count = step_count or q.per_count  # (每满4小时, 8元/3公里: so many to a step)
    if per is None and denominator is not None:
        per_count, per = denominator  # 每300米设置1处错车道
    elif per is None and (many := per_many_before(masked[ph_start:q_start])):
        per, per_count = many  # 每千常住人口执业医师数达到3.2人
    elif per is None and topic_per is not None:
        per = topic_per  # 每天睡眠时间：小学生应达到10小时: the topic's period
        rate = topic_per not in PERIOD_NAMES  # (每班幼儿人数：小班25人: each class's, a rate)
    if per_count is not None and (per is None or per_count == 1):
        per_count = None
    rate = rate or per_count is not None  # (a count per 100 households: no period)
    return per, per_count, rate, step is not None


def a_window_before(q: Qty, after: list[Qty], phrase_end: int, sentence: str) -> bool:
    """一年内 (a window, within) before a count with its comparison in the same phrase
    (同一市场主体一年内被抽查不超过2次): the span the count is in, no deadline of its own (3个月内
    完成2次自查 states no comparison: a deadline and a count)."""
    a_day = q.unit == "hour" and q.low == 24  # (24小时内累计驾驶不超过8小时: in a day)
    if re.search(r"(?:之?后|起)\s*$", sentence[max(0, q.start - 3) : q.start]):
        return False  # (认定后1个月内实现至少1人就业: a time from an event, a deadline)
    # (24小时最高限价为30元: a day, then the most in it, 内 left out; the cap its own comparison)
    capped = a_day and q.after is None and _CAPPED.match(sentence, q.end) is not None
    if not (
        q.high is None
        and (q.unit in PERIODS_TOO or a_day)
        and (a_window(q, q.after or "") or capped)
        and after
        and after[0].start < phrase_end
        and (
            after[0].unit in COUNTED
            # anything summed up in it (一年内累计停业不超过30日, 24小时内累计收费不得超过60元)
            or _SUMMED.search(sentence, q.end, after[0].start) is not None
        )
    ):
        return False
    count = after[0]
    return (
        capped
        or count.comparator is not None
        or comparator_before(sentence[q.end : count.start]) is not None
    )


def a_window(a: Applicability | Qty, words: str) -> bool:
    """A time window (两年内, 12个月以内): the span a number after it is counted in."""
    return a.unit in TIME_UNITS and a.comparator in ("<=", "<") and words.endswith("内")


def which_ones(qualifiers: list[Applicability]) -> Applicability | None:
    """The first number that says which ones a duty is for, past a time window that another
    follows (三年内受到2次以上行政处罚的企业: 2 times or more)."""
    while len(qualifiers) > 1 and a_window(qualifiers[0], qualifiers[0].text):
        qualifiers = qualifiers[1:]
    return qualifiers[0] if qualifiers else None


#: Nothing of a kind in a time looked back on (没有重大违法记录, 无…事故, 未发生…).
NONE_IN_IT = re.compile(r"没有|未发生|未曾|无(?:重大|较大|违法|不良|.{0,6}(?:记录|事故|行为))")
#: A time looked back on: 近3年内, 最近连续3个记分周期内, 过去2个年度内 (前三年内: ``deadline``).
_LOOKED_BACK = re.compile(r"(?:近|最近|过去)(?:连续)?\s*$")
_LOOKED_BACK_END = re.compile(r"[^，,。；;\d]{0,6}?(?:以内|之内|内)")


def a_clean_record(
    masked: str, ph_start: int, q_start: int, q_end: int, s_end: int, deadline: bool
) -> re.Match[str] | None:
    """Where a record clean in a time looked back on says what is clean (参加政府采购活动前三年
    内，…没有重大违法记录; 申请人近3年内无重大安全生产事故; 最近连续3个记分周期内没有被记满分
    记录): no time to act in, no count; the whole a yes/no requirement."""
    before = masked[max(ph_start, q_start - 4) : q_start]
    if (deadline and before.endswith("前")) or (
        _LOOKED_BACK.search(before) and (deadline or _LOOKED_BACK_END.match(masked, q_end))
    ):
        return NONE_IN_IT.search(masked, q_end, s_end)
    return None
