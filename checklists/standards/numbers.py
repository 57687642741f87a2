"""How one number of a clause is read in its phrase: the comparison written before it (or
the one a 分别 states for a list), the period it is per (每月, 每季度), what starts a deadline
(收到投诉之日起, 约谈结束后), the kind of requirement its unit makes (a measure, a count, a
deadline, a retention …) and the numbers that only frame another: a window (一年内), a
denominator (每100平方米), a time before an event (届满30日前). Whether a number is a
requirement at all is ``keeping``'s. Pure module (standard library and the wording tables);
``extraction`` reads requirements with it.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from checklists.standards.comparators import comparator_before
from checklists.standards.denominators import (
    RUNNING,
    STEP_WORDS,
    per_before,
)
from checklists.standards.modality import ANY_MODAL, LEAD_TOKEN
from checklists.standards.number_words import A_TIME_LIMIT, NAMES_A_STANDARD
from checklists.standards.numerals import NUM, Qty
from checklists.standards.party_names import AUTHORITY, REGULATED
from checklists.standards.quantities import (
    COUNTED,
    MEASURES,
    PERIOD_NAMES,
    PERIODS,
    QTY,
    RETENTION,
    TIME_IN,
    TIME_UNITS,
)
from checklists.standards.timing import PERIODS_TOO


def comparator_in_phrase(masked: str, phrase_start: int, pos: int) -> tuple[str | None, int]:
    """The comparison stated shortly before a number, in the same phrase, with no other number
    between (``comparators``: the drafting table, negations and （含）/（不含） markers)."""
    window_start = max(phrase_start, pos - 20)
    found = comparator_before(masked[window_start:pos])
    if found is not None and found[1] < 3 and window_start > phrase_start:
        # the word at the window's edge: what negates it may sit just before (不得少于…总数的2/3)
        wider = max(phrase_start, window_start - 4)
        again = comparator_before(masked[wider:pos])
        if again is not None:
            window_start, found = wider, again
    if found is None and _A_SHARE_OF.search(masked, window_start, pos):
        # (按不超过企业及其职工上年度实际缴纳失业保险费的30%: a share of a long-named base)
        wider = max(phrase_start, pos - 52)
        found = comparator_before(masked[wider:pos])
        window_start = wider
    if found is None:
        far = _AT_LEAST_FAR.search(masked, max(phrase_start, pos - 52), pos)
        if far is not None:
            return ">=", far.start()  # 每年至少对…的数量、质量和储存安全进行2次检查
        return respectively(masked, phrase_start, pos)
    return found[0], window_start + found[1]


#: A number's base named right before it (…实际缴纳失业保险费的30%): a share of it.
_A_SHARE_OF = re.compile(r"的\s*$")
#: 至少 before what it is done to (至少对…进行N次): a floor for the number after the object.
_AT_LEAST_FAR = re.compile(r"(?:至少|最少)(?=(?:对|向|为|给)[^，,。；;\d＿]{0,46}$)")


#: 分别达到 14.07%、281957 立方米和 11248.65 公顷: one comparison for each number of a list.
_LISTED = re.compile(r"[\s、，,和及与以上下]*")


def respectively(masked: str, phrase_start: int, pos: int) -> tuple[str | None, int]:
    """The comparison a 分别 states before a list of numbers, for a later number of the list."""
    words = masked[phrase_start:pos]
    at = words.rfind("分别")
    if at < 0:
        return None, pos
    rest = words[at + 2 :]
    first = QTY.search(rest)
    found = comparator_before(rest[: first.start()]) if first is not None else None
    if first is None or found is None:
        return None, pos
    between = QTY.sub("", rest[first.start() :])
    if not _LISTED.fullmatch(between):
        return None, pos
    return found[0], phrase_start + at


_PERIOD_PATTERNS = [(re.compile(pat), per) for pat, per in PERIODS]
#: Where a phrase ends at the latest (its punctuation; brackets may end it sooner).
_PHRASE_STOP = re.compile(r"[，,。；;！？!?：:\n\t]")


@functools.lru_cache(maxsize=64)
def _first_periods(
    masked: str, phrase_start: int
) -> tuple[int, tuple[tuple[int, int] | None, ...]]:
    """Where the phrase from ``phrase_start`` ends at the latest, and each period's first match
    in it (relative spans): computed once per phrase, not once per number of it."""
    stop = _PHRASE_STOP.search(masked, phrase_start)
    end = stop.start() if stop else len(masked)
    words = masked[phrase_start:end]
    return end, tuple(
        (m.start(), m.end()) if (m := pat.search(words)) else None for pat, _ in _PERIOD_PATTERNS
    )


def period_before(masked: str, phrase_start: int, pos: int) -> tuple[str | None, int]:
    """The period (每月, 月工资 …) written first in the phrase before ``pos``, and where.

    Each period's first match in the whole phrase answers for every number after it: a match
    that fits before ``pos`` is the first one there too, and one that starts at or after it means
    none starts before (a period's words hold no digit, so the number at ``pos`` changes no
    match before it). Only a match that runs past ``pos`` is searched for again. So a phrase of
    N numbers costs N look-ups, not N scans of the phrase."""
    end, firsts = _first_periods(masked, phrase_start)
    found: tuple[str | None, int] = (None, pos)
    for (pat, per), first in zip(_PERIOD_PATTERNS, firsts, strict=True):
        if pos <= end and (first is None or phrase_start + first[0] >= pos):
            start = None
        elif pos <= end and phrase_start + first[1] <= pos:
            start = first[0]
        else:  # (a match that runs past pos, or not a phrase's start: the window as given)
            m = pat.search(masked[phrase_start:pos])
            start = None if m is None else m.start()
        if start is not None and (found[0] is None or phrase_start + start < found[1]):
            found = (per, phrase_start + start)
    item = max(masked.rfind(mark, max(phrase_start, pos - 24), pos) for mark in _ITEMS_JOINED)
    if found[0] is not None and item > found[1]:
        # (城市每人每月780元、农村每人每年7200元: an item of a list naming its own period;
        # 分别为每周2次和每月1次: the same after 和)
        own = [
            (m.start(), per)
            for pat, per in _PERIOD_PATTERNS
            if (m := pat.search(masked, item, pos))
        ]
        if own:
            at, per = min(own)
            return per, at
        if re.match(r"\s*每次", masked[item + 1 : pos]):
            return None, pos  # (每日不少于2次、每次不少于30分钟: each time's, no period)
    return found


#: What joins a list's items (、, 和, 及, 或): after one, an item may name its own period.
_ITEMS_JOINED = ("、", "和", "及", "或")

#: A sentence's topic, a limit, then who has what (贷款最高额度，单方缴存职工为40万元，…); not
#: a band up to a limit (…至最高支付限额以下部分，: the case of what follows).
_A_TOPIC_LIMIT = re.compile(
    r"[^，,。；;\d＿]{0,30}?(?:(?P<cap>最高|上限|限额)|(?P<floor>最低|下限))"
    r"(?![^，,。；;\d＿]{0,4}?(?:以[上下内]|部分))[^，,。；;\d＿]{0,4}\s*[，,：:]"
)


def topic_limit(sentence: str) -> tuple[str, None, None] | None:
    """The comparison of the limit a sentence opens with as its topic, for every number after it
    that is stated as X为N (any unit), or None."""
    m = _A_TOPIC_LIMIT.match(sentence)
    if m is None:
        return None
    return ("<=" if m.group("cap") else ">=", None, None)


#: A sentence's topic and its colon, with no number (中小学生每天睡眠时间：…).
_A_TOPIC = re.compile(r"[^，,。；;：:\d＿（(]{2,30}[：:]")


def topic_period(masked: str, sent_start: int, sent_end: int) -> tuple[str, int] | None:
    """The period a sentence's topic names (中小学生每天睡眠时间：小学生应达到10小时，初中生…:
    each a day's), and where the text after its colon starts; None if it names none."""
    topic = _A_TOPIC.match(masked, sent_start, sent_end)
    if topic is None:
        return None
    per, _ = period_before(masked, sent_start, topic.end() - 1)
    # (幼儿园每班幼儿人数：小班25人，…: each class's, what its 每 names)
    per = per or per_before(masked[sent_start : topic.end() - 1])
    return None if per is None else (per, topic.end())


def trigger_before(text: str, sent_start: int, pos: int) -> str | None:
    """What starts a deadline: 收到投诉, 约谈结束后, 纳入“黑名单”管理后 …"""
    prefix = text[sent_start:pos].rstrip(" 　")
    prefix = re.sub(r"(?:应当|应|须|要|必须|并)?\s*(?:在|于)?\s*$", "", prefix)
    # (…整改完成后，企业应当在5个工作日内: who acts, named between the event and its limit; the
    # last words only)
    if named := _A_PARTY_LAST.search(prefix, max(0, len(prefix) - 24)):
        prefix = prefix[: named.start() + 1]
    elif classed := _CLASSES_OF_A_LIMIT.search(prefix, max(0, len(prefix) - 48)):
        # (接到报修后，市区应当在2小时内、县城…: each class's limit starts from the same event)
        prefix = prefix[: classed.start() + 1]
    m = re.search(
        r"(?:^|[，,；;：:])?\s*([^，,。；;：:]{1,30}?(?:后|之日起|起|届满前|到期前|届满|到期|举办前))"
        r"[，,\s]*(?:应当|应|须|要)?\s*(?:在|于)?\s*$",
        prefix,
    )
    if m:
        trig = m.group(1).strip()
        # (…交付使用后5年内、大修的城市道路竣工后3年内: not past the limit before it)
        cut = list(
            re.finditer(
                # (期限不超过验收合格后30日: not the limit's own words)
                r"应当在|应在|须在|要在|在|于|自|从|(?:时限|期限)(?:为|是)|(?<=[内前])、|"
                r"不(?:得|应)?超过",
                trig,
            )
        )
        if cut and cut[-1].end() < len(trig) - 1:
            trig = trig[cut[-1].end() :]
        # (no article's or item's number: 第十二条 供气企业接到…后, 四、供热企业接到…后)
        trig = trig.strip()
        return trig[lead.end() :] if (lead := LEAD_TOKEN.match(trig)) else trig
    m = re.search(r"((?:收到|接到|受理|发现|作出)[^，,。；;：:]{1,20})$", prefix)
    if m:
        return m.group(1).strip().removesuffix("的")  # (在收到整改通知书后的3日内)
    # (医疗机构发现甲类传染病病人，应当于2小时内报告; 企业发生生产安全事故时，…: the event, a
    # phrase of its own before the limit's, no 后 written)
    # (the last words only: a long list of limits reads no more for each)
    m = _AN_EVENT_PHRASE.search(prefix, max(0, len(prefix) - 48))
    if m and not ANY_MODAL.search(m.group(1)):
        trig = m.group(1).strip()
        return trig[lead.end() :] if (lead := LEAD_TOKEN.match(trig)) else trig
    return None


#: A party's name alone after a comma, ending the words (…后，企业): who acts, not what starts
#: the time.
_A_PARTY_LAST = re.compile(rf"[，,]\s*[^，,。；;：:\d＿]{{0,10}}?(?:{REGULATED}|{AUTHORITY})\s*$")
#: The classes of a time limit after a comma, each but the last with its limit (…，市区应当在2小时
#: 内、县城): the words up to the event, before the comma.
_CLASSES_OF_A_LIMIT = re.compile(
    rf"[，,](?:[^，,。；;、\d]{{1,6}}?(?:应当|应|须)?在?{A_TIME_LIMIT}、)*"
    r"[^，,。；;、\d]{1,6}(?<![后起时前内])$"
)
#: A phrase of its own that is an event (a party's, or no one's): 发现…, 发生…, 接到…, then a
#: comma (or 时) and the limit.
_AN_EVENT_PHRASE = re.compile(
    r"(?:^|(?<=[，,；;：:]))\s*([^，,。；;：:]{0,16}?(?:收到|接到|受理|发现|作出|发生)[^，,。；;：:的]{1,20}?)"
    r"(?:时|之时)?\s*[，,]\s*$"
)


_CHECKING = re.compile(r"抽查|抽检|检查|巡查|检测|监测")


class _PhraseFacts(NamedTuple):
    checking: bool  # (抽查, 检测…: how much to check)
    retention: bool  # (保存, 留存…: how long records are kept)
    names_a_standard: bool  # (补贴标准, 每节课, 起步价…: a standard an amount states)


#: What so many done is per when it is how often: a period, an hour, a shift or a meal; per a
#: thing it is so many for each (每发现一个火点扣1分, 每个项目检查不少于2次), no frequency.
_HOW_OFTEN = PERIOD_NAMES | {"hour", "minute", "班", "餐"}


@functools.lru_cache(maxsize=64)
def phrase_facts(phrase: str) -> _PhraseFacts:
    """What ``kind_for`` and ``worth_keeping`` ask of a whole phrase: read once per phrase, not
    once per amount of a phrase that lists many (as ``_sentence_facts`` per sentence)."""
    return _PhraseFacts(
        checking=_CHECKING.search(phrase) is not None,
        retention=RETENTION.search(phrase) is not None,
        names_a_standard=NAMES_A_STANDARD.search(phrase) is not None,
    )


#: How many a place holds or takes in a period (日最大承载量, 日接待量): a count, not how often.
_A_CAPACITY = re.compile(r"(?:承载|接待|容纳)(?:量|能力)")


def kind_for(unit: str, comparator_word: str | None, phrase: str, per: str | None) -> str:
    if not unit:
        return "measure"  # pH值应介于6至9之间: a value with no unit, measured
    if per and unit in COUNTED and per in _HOW_OFTEN and not _A_CAPACITY.search(phrase):
        return "frequency"  # 每季度监察一次, 每周报送不少于5条 (not 日最大承载量为2万人次)
    facts = phrase_facts(phrase)
    if per and unit in ("%", "‰") and facts.checking:
        return "frequency"  # 每月抽查率不低于10%: how much to check per period
    if unit in TIME_UNITS:
        if facts.retention:
            return "retention"
        return "duration"
    if comparator_word and re.match(r"最高|最多|上限", comparator_word):
        return "cap"
    if unit in ("元", "美元"):
        return "money"
    if unit in ("%", "‰", "倍"):
        return "ratio"  # (处违法所得1倍以上3倍以下罚款: a multiple of a base, as its share)
    if unit == "age_year":
        return "age"
    if unit in MEASURES:
        return "measure"
    return "count"


#: A time before an event (届满30日前, 举办前七日): ends at the number's end, or the event's
#: 前 ends right before the number (not 前N日内: within the first days).
AHEAD = re.compile(
    # (在退出前30日书面告知, 清明节前15日完成…: that long before the event, at least)
    rf"(?:届满|期满|到期|举办|开始|开工|召开|使用|截止|结束|实施|入学|开学|退出|终止|解除|停业|歇业|"
    rf"搬迁|关闭|拆除|节|发布|来临|登陆|启运|出发|出行|出境|起飞|开航|施工|动工|举行|"
    # (开车前5分钟停止检票, 开考前15分钟: a departure's, an exam's, an opening's)
    rf"发车|开车|开船|开考|开赛|开幕|开园|开馆|"
    # (应当在开标前3日发布: any event, after 在 or 于)
    rf"(?<=[在于])[^，,。；;\d＿]{{1,16}}?)前\s*{NUM}\s*(?:个)?"
    rf"(?:工作日|日|天|周|个?月|年|小时|分钟)(?![内\d])|"
    rf"{NUM}\s*(?:个)?(?:工作日|日|天|周|个?月|年|小时|分钟)前"
    r"(?![款述条项面])"
)


def a_denominator(
    q: Qty,
    comp_before: str | None,
    after: list[Qty],
    before: str,
    phrase_end: int,
    sentence: str = "",
) -> bool:
    """每100平方米, 每1000名学生 before another number of its phrase (…配备不少于1具; ``after``:
    the sentence's numbers after it, ``phrase_end`` in the sentence): what that number is per,
    no requirement of its own (每3年, 每月: periods, read as such; but 每五年累计…不少于360学时:
    an amount, not how often, reached over five years)."""
    return (
        q.comparator is None
        # (不少于每100平方米建筑面积1个: the comparison is the count's after it)
        and (comp_before is None or _COMPARED_EACH.search(before) is not None)
        and (
            q.unit not in TIME_UNITS
            or (
                q.unit in PERIODS_TOO | {"hour"}
                and q.high is None
                and q.low > 1
                and bool(after)
                # (每4小时停车休息不少于20分钟: a shorter time in each such span)
                and (
                    after[0].unit not in TIME_UNITS | {"次"}
                    or TIME_IN.get((after[0].unit, q.unit), 0) > 1
                )
                # (夜间每2小时1元: a price for each such span, as written)
                and (
                    comparator_before(sentence[q.end : after[0].start]) is not None
                    or (after[0].unit == "元" and not sentence[q.end : after[0].start].strip())
                )
            )
        )
        and _EACH_STEP.search(before) is not None
        and bool(after)
        and after[0].start < phrase_end
    )


#: 每 before a number, or the step it counts (每增加250平方米增配1名: each one more; 每吸纳1人
#: 给予1000元: each one taken on).
_EACH_STEP = re.compile(rf"每\s*(?:{STEP_WORDS}|{RUNNING})?\s*$")
#: A comparison right before 每 (不少于每100户1名): what it compares is the count after.
_COMPARED_EACH = re.compile(
    r"(?:不少于|不低于|不小于|不超过|不多于|不大于|不高于|至少|最少|最多|至多)\s*每\s*$"
)


#: What "24 hours" names when it is round the clock (24小时值班, 24小时在线监控, 24小时服务热线):
#: 24 hours of each day.
ROUND_THE_CLOCK = re.compile(
    r"\s*(?:不间断|全天候)?\s*(?:保持)?\s*"
    # (24小时维保值班电话, 24小时投诉热线: the service kept up round the clock)
    r"(?:维保|维修|报修|客服|咨询|举报|投诉|急救|服务)?\s*(?:值班|值守|监控|监测|在线|服务|营业|热线|巡逻|巡查|开放|运行|"
    r"通讯|通信|开机|"
    r"运转|应急|响应|畅通|有人|抢修|救援|接警|报警|供应|供水|供气|供电)"
)
