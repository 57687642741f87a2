"""Deadlines written as dates or calendar rules: 次月5日前, 每月10日前, 每季度第一个月的20日前,
每季度末, 每年3月底前, 年底前, 2018年底前, 2016年10月15日前. Pure module (standard library only).

The number in such a phrase is a date, not a threshold; ``due_in`` reads the rule a deadline
follows (the provenance issue makes findings use it, the calendar counts it).
"""

from __future__ import annotations

import calendar
import datetime
import re
from typing import Any

#: "Before" after a date, with its weekday between if written (5月20日（星期一）前, 以前).
#: (not who was so before the date: 2018年底前已纳入…的人员, 2000年1月1日前出生的)
#: A time of that day (17时, 下午5点, 12:00, 3点半): finer than a date rule keeps.
_AT_HOUR = r"(?:上午|下午|中午|晚上)?\s*\d{1,2}\s*(?:[时点](?:\s*\d{1,2}\s*分|半)?|[:：]\s*\d{2})"
#: …before then, a time of the day between (次月5日12:00前, 每月5日17时前).
_AT_HOUR_BEFORE = r"(?:\s*" + _AT_HOUR + r")?\s*(?:前|之前)"
_BEFORE = (
    r"(?:\s*[（(]星期[一二三四五六日天][）)])?(?:\s*" + _AT_HOUR + r")?\s*(?:前|之前|以前)"
    r"(?!\s*(?:已|出生))"
)
#: By the end of a dated year or month, 前 written or what is to be done by then right after
#: it (2017年底前实现…, 2017年底实现…, 2019年6月底完成…).
_BY_ITS_END = rf"(?:{_BEFORE}|\s*(?=(?:全面|基本|全部)?(?:完成|实现|建成)))"
#: The dash of a window (1月1日至6月30日).
_TO = r"(?:至|到|—|－|-|~|～)"
#: The name of the time to apply or hand in, before its window (申报时间为…, 报名日期：…).
_TIME_TO_APPLY = (
    r"(?:申报|报名|受理|申请|报送|提交|征集|投标|评选)(?:时间|日期|期限)(?:为|是|[:：])?\s*"
)
#: A part of a month (上旬 by the 10th, 中旬 by the 20th, 下旬 by its end).
_XUN = r"(?P<xun>上|中|下)旬"

#: A quarter's or the first half's end as a deadline (一季度末前, 第二季度末, 上半年完成…).
_QUARTER_OR_HALF = (
    r"(?:第)?(?P<quarter>[一二三四1-4])季度(?:末|底)(?:前|之前)?|"
    r"(?P<half>上)半年(?=(?:前|之前|内)?(?:完成|全面|基本|全部|实现|建成|开工))"
)

#: Each month's day N, the act or a comma right after (每月5日，各乡镇报送…; 应于每月5日报送…;
#: not 每月5日以上, an amount of days): a date, no number of days.
ON_THE_MONTHS_DAY = (
    r"每个?月的?\s*(?P<day>\d{1,2})\s*[日号](?=\s*[，,]|\s*(?:[向对将把]|召开|开展|报送|上报|"
    r"公示|公布|组织|进行|发布|缴纳|检查|通报))"
)

#: (pattern, rule): the number is a date, not a threshold.
DUE_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"(?:次月|下月)\s*(?P<day>\d{1,2})\s*日" + _AT_HOUR_BEFORE), "next_month_day"),
    # each month by its day N: 每月10日前, 当月25日前 (of the month a monthly task is for)
    # (每月的5日前: the same, with 的; 本月10日前: this month's, once, this_month_day, which
    # ``dated`` dates by the document)
    (
        re.compile(r"(?:每个?月|当月|本月)的?\s*(?P<day>\d{1,2})\s*日" + _AT_HOUR_BEFORE),
        "monthly_day",
    ),
    (re.compile(ON_THE_MONTHS_DAY), "monthly_day"),
    # each month by its end: 每月底前, 每月月末前 (day 31: a shorter month's last day)
    (re.compile(r"每个?月\s*(?:月?底|月?末)(?:前|之前)?(?P<day>)"), "monthly_day"),
    # the year after the period, by a day of its January: 次年1月15日前, 次年1月底前 (as 次月15日前
    # of a year)
    (
        re.compile(r"次年\s*1\s*月\s*(?:(?P<day>\d{1,2})\s*日|底|末)" + _AT_HOUR_BEFORE),
        "next_month_day",
    ),
    # by a later month of the year after: 次年3月31日前, 次年6月底前 (each year, as 每年3月31日前)
    (
        re.compile(
            r"次年\s*(?P<month>[2-9]|1[0-2])\s*月\s*(?:(?P<day>\d{1,2})\s*日|底|末)"
            + _AT_HOUR_BEFORE
        ),
        "yearly_date",
    ),
    (
        # (每半年第一个月10日前: each half-year, by a day of its first month)
        re.compile(
            r"每(?:个)?半年的?(?:第一个月|首月)的?\s*(?P<day>\d{1,2})\s*[日号]" + _AT_HOUR_BEFORE
        ),
        "half_year_first_month_day",
    ),
    (
        # (每季度首月15日前, 每季度的第一个月10日前: the same day)
        re.compile(
            r"每(?:个)?季度的?(?:第一个月|首月)的?\s*(?P<day>\d{1,2})\s*[日号]" + _AT_HOUR_BEFORE
        ),
        "quarter_first_month_day",
    ),
    # each quarter by its last month's day N: 每季度末月25日前, 每季度最后一个月的20日前
    (
        re.compile(
            r"每(?:个)?季度的?(?:末月|最后一个月)的?\s*(?P<day>\d{1,2})\s*[日号]" + _AT_HOUR_BEFORE
        ),
        "quarter_last_month_day",
    ),
    # each month by its last working day: 每月最后一个工作日前 (the working day, not the 31st)
    (
        re.compile(r"每个?月(?:的)?最后一个工作日(?:前|之前)?"),
        "monthly_last_working_day",
    ),
    # each quarter by its end: 每季度末, 每季末前, 每个季度结束前 (not 每季度结束后五日内: days
    # after it)
    (re.compile(r"每个?季度?\s*(?:末|底|结束)(?:前|之前)?(?![后以之月]|\d)"), "quarter_end"),
    (
        re.compile(
            r"(?P<year>(?:19|20)\d{2})\s*年\s*(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日"
            + _BEFORE
        ),
        "date",
    ),
    (
        re.compile(r"(?P<year>(?:19|20)\d{2})\s*年\s*(?P<month>\d{1,2})\s*月底" + _BY_ITS_END),
        "date",
    ),
    (re.compile(r"(?P<year>(?:19|20)\d{2})\s*年(?:年)?底" + _BY_ITS_END), "date"),
    # a year's work to be done in it: 2019年完成…, 2020年全面完成… (by its end)
    (
        re.compile(
            # (not a span's end, 2019—2020年, 2019 — 2020 年 with the spaces of a PDF)
            r"(?<![\d至到—\-~～])(?<![\d至到—\-~～]\s)(?<![\d至到—\-~～]\s\s)"
            # (…，2022年再完成2000户: the next year's)
            r"(?P<year>(?:19|20)\d{2})\s*年\s*(?:内|年内)?\s*"
            # (2026年，全市完成…: the year alone before the comma, then the area's task)
            r"(?=[，,]?\s*(?:全[市县区省]|我[市县区]|各[^，,。；;\d]{1,6}?)?"
            r"(?:再|还要|还需|要|须)?(?:全面|基本|全部)?完成)"
        ),
        "date",
    ),
    # a part of a month: 2019年9月中旬前, 2019年10月上旬完成 (by its 10th, 20th or last day)
    (
        re.compile(
            r"(?P<year>(?:19|20)\d{2})\s*年\s*(?P<month>\d{1,2})\s*月\s*"
            + _XUN
            + r"(?:(?:前|之前|以前)|(?=完成|前完成|内))"
        ),
        "date",
    ),
    # by a year's (or month's) end, written as "until": 到2020年底, 至2025年末, 到2020年6月底;
    # a year alone before the comma is its end too (到2020年，覆盖率达到95%; not the end of a
    # span of years, 2016年至2020年)
    (
        re.compile(
            r"(?<!年)(?:到|至|截至|截止到?)\s*(?P<year>(?:19|20)\d{2})\s*年\s*"
            # (a month of the year's: 到2024年6月，…; not 6月底前, 6月30日前, a later rule's)
            r"(?:(?P<month>\d{1,2})\s*月\s*)?"
            r"(?:(?:底|末)(?![前之以])|(?![底末前之以内\d])"
            r"(?:(?=[，,]|全[市县区省国]|各|我|本[市县区])|"
            # (到2025年主要农作物化肥利用率提高至43%, 利用率到2025年达到85%: a target by then)
            r"(?=[^，,。；;]{0,30}?(?:达到|提高到|提高至|提升到|提升至|降低到|降至|下降|增长|控制在|"
            r"不低于|不少于|完成|实现|建成))))"
        ),
        "date",
    ),
    (
        # (当年12月31日前: in the year the funds are for, each year)
        re.compile(
            r"(?:每年|当年|当年度)\s*(?P<month>\d{1,2})\s*月\s*(?:(?P<day>\d{1,2})\s*日|底)(?:前|之前)"
        ),
        "yearly_date",
    ),
    # (not a noun of the year's end: 年终结余, 年底考核, 年终总结)
    (
        re.compile(
            r"(?<![\d年去上])(?:年底|年终)(?:前|之前|(?!结余|结转|考核|考评|总结|决算|奖|评比|清算|盘点))"
        ),
        "year_end",
    ),
    # within this year: 年内完成 (not 两年内, a number of years; not 年内发生, in the year)
    (
        re.compile(
            r"(?<![\d一二三四五六七八九十两百千万当本明今去前后])年内(?=完成|全部|全面|基本|实现|建成)"
        ),
        "year_end",
    ),
    # each year by the end of its k-th quarter: 每年第一季度完成…
    (
        re.compile(r"每年(?:的)?第(?P<quarter>[一二三四1-4])季度(?:末|底)?(?:前|之前|内)?"),
        "yearly_date",
    ),
    # each quarter by day N after its end: 每季度末5日前 (of the next quarter's first month)
    (
        re.compile(r"每(?:个)?季度?(?:末|结束后?)\s*(?P<day>\d{1,2})\s*[日号](?:前|之前)"),
        "quarter_first_month_day",
    ),
    # a year's quarter or half by its end: 2019年上半年完成…, 2019年第一季度末前
    (re.compile(r"(?P<year>(?:19|20)\d{2})\s*年\s*(?:" + _QUARTER_OR_HALF + ")"), "date"),
    # this year's quarter or half by its end: 一季度末前, 第二季度末, 上半年完成 (the document's
    # year, as 6月底前: ``dated``)
    (re.compile(r"(?<![每\d年])(?:" + _QUARTER_OR_HALF + ")"), "month_day"),
    # each week by a weekday: 每周五前, 每周一之前 (0 Monday … 6 Sunday)
    (
        # (每周一上午10时前: a time of that day, the day its deadline)
        re.compile(
            r"每(?:周|星期)(?P<weekday>[一二三四五六日天1-7])"
            # (每周五下午下班前: the working day's end)
            r"(?:(?:上午|下午)?下班)?" + _AT_HOUR_BEFORE
        ),
        "weekly_day",
    ),
    # the last day of a window each year to do it in: 每年1月1日至6月30日报送… (每年1月至6月期间
    # 报送: by its last month's end)
    (
        re.compile(
            r"每年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?\s*" + _TO + r"\s*(?P<month>\d{1,2})\s*月\s*"
            r"(?:(?P<day>\d{1,2})\s*日|底|末)?(?=\s*(?:前|期间|内)?\s*"
            # (…至6月30日，通过…系统报送, …，向主管税务机关办理: how or to whom, then the act)
            r"(?:[，,]?\s*(?:通过|向|在|到|经)[^，,。；;]{1,30}?)?"
            r"(?:报送|提交|申报|报名|办理|缴纳|完成|申请|上报))"
        ),
        "yearly_date",
    ),
    # the same window named as the time to apply or hand in (申报时间为每年3月1日至3月31日)
    (
        re.compile(
            _TIME_TO_APPLY
            + r"每年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?\s*"
            + _TO
            + r"\s*(?P<month>\d{1,2})\s*月\s*(?:(?P<day>\d{1,2})\s*日|底|末)?"
        ),
        "yearly_date",
    ),
    # the last day of a dated window named as the time to apply or hand in (申报时间为2024年3月1日
    # 至3月31日) and a closing date (报名截止日期为2024年6月30日)
    (
        re.compile(
            _TIME_TO_APPLY
            + r"(?P<y1>(?:19|20)\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*"
            + _TO
            + r"\s*(?:(?P<year>(?:19|20)\d{2})\s*年\s*)?"
            + r"(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日"
        ),
        "date",
    ),
    (
        re.compile(
            r"截止(?:日期|时间)(?:为|是|[:：])?\s*(?P<year>(?:19|20)\d{2})\s*年\s*(?P<month>\d{1,2})\s*月\s*"
            r"(?P<day>\d{1,2})\s*日"
        ),
        "date",
    ),
    # a day of a month with no year: 于5月15日前报…, 10月底前 (the document's year: ``dated``);
    # this year's, named so (今年9月底前, 本年度6月30日前)
    (
        re.compile(
            r"(?:(?<![\d年月每次当本下])|(?<=今年|本年|当年)|(?<=本年度))(?P<month>1[0-2]|0?[1-9])\s*月\s*"
            r"(?:(?P<day>\d{1,2})\s*日|底|末)" + _BEFORE
        ),
        "month_day",
    ),
    (
        re.compile(r"(?<![\d年月每次当本下])(?P<month>1[0-2]|0?[1-9])\s*月\s*" + _XUN + _BEFORE),
        "month_day",
    ),
    # the month's end: 当月底前 (as 当月25日前), 本月底前 (as 本月10日前); last, so that it reads
    # only near a date found before it: a long list of dates is not scanned again for it
    (re.compile(r"[当本]月\s*[底末](?:前|之前)(?P<day>)"), "monthly_day"),
]


#: Numbers written as words in a calendar phrase (第一季度, 每周五; 每周日: the 7th day).
_WORD_NUMBERS = {
    "一": "1", "二": "2", "三": "3", "四": "4", "五": "5", "六": "6", "日": "7", "天": "7"
}  # fmt: skip


#: Longer than any date phrase a rule reads (2016年10月15日（星期六）之前: some 20 characters).
_LONGEST_DATE = 60


#: A date a deadline may be written by (次月5日, 每年6月底, 2021年12月31日).
_A_DATE = (
    r"(?:次月|下月|每个?月的?|当月|本月|次年|每年的?|当年|(?:19|20)\d{2}\s*年)?\s*"
    r"(?:\d{1,2}\s*月\s*)?(?:\d{1,2}\s*[日号]|月?底|月?末)"
)
#: A date written after "no later than" (不迟于次月10日, 最迟不得超过次月15日, 最晚于6月30日): by
#: then, as 次月10日前.
_A_DATE_BY = rf"(?P<date>{_A_DATE})(?!\s*(?:前|之前|以前))"
NO_LATER_THAN = re.compile(
    # (完成时限：2023年12月底: a task aside's time limit, a date by which)
    # (发放日期不得晚于每月15日: the same, bound)
    r"(?:不[得应]?迟于|不[得应]?晚于|最迟|最晚|时限\s*[:：])(?:不得?超过|于|在|为|到)?\s*"
    + _A_DATE_BY
)
#: Another date joined to one "no later than" named (不迟于7月15日和次年1月15日): by then too.
_AND_BY = re.compile(r"(?<=前)(?:和|、|及|以及|或)\s*" + _A_DATE_BY)
#: Dates listed before one 前 (分别于6月30日和12月31日前, 3月31日、6月30日…前): each by then.
_DATES_BEFORE_ONE_BY = re.compile(
    rf"(?<=[日号底末])(?P<and>和|、|及|与|以及)(?=\s*(?:{_A_DATE}\s*(?:和|、|及|与|以及))*"
    rf"\s*{_A_DATE}\s*(?:前|之前|以前))"
)
#: 号 after a day's number, as spoken (次月5号前, 5月10号前): 日.
_HAO = re.compile(r"(?<=\d)号(?=\s*(?:[（(]星期|前|之前|以前))")
#: A year written in Chinese numerals (二〇二三年), and its month (十二月, 六月: not 十月, which
#: digits cannot write in as many characters).
_CN_YEAR = re.compile(r"[〇○零一二三四五六七八九]{4}(?=\s*年)")
_CN_MONTH = re.compile(r"(?<=\d年)(?:十[一二]|[一二三四五六七八九])(?=月)")
_CN_DIGIT = str.maketrans("〇○零一二三四五六七八九", "00012345678" + "9")


def _in_digits(words: str) -> str:
    """二〇二三年十二月底 → 2023年12月底, in as many characters."""
    words = _CN_YEAR.sub(lambda m: m.group(0).translate(_CN_DIGIT), words)
    return _CN_MONTH.sub(
        lambda m: (
            str(10 + "一二".index(m.group(0)[1]) + 1)
            if m.group(0).startswith("十")
            else m.group(0).translate(_CN_DIGIT)
        ),
        words,
    )


def as_written(words: str) -> str:
    """``words`` with the dates spoken or put after "no later than" written as the rules read
    them, in as many characters (offsets hold): 5月10号前 → 5月10日前; 不迟于次月10日 → the date,
    then 前. Once per sentence: ``due_in`` is asked of what remains after each date found."""
    words = _HAO.sub("日", _in_digits(words))
    for pattern in (NO_LATER_THAN, _AND_BY):  # (…7月15日前 和次年1月15日: the second, then)
        words = pattern.sub(
            lambda m: " " * (m.start("date") - m.start() - 1) + m["date"] + "前", words
        )
    # (6月30日和12月31日前: 6月30日前12月31日前, each date by then)
    return _DATES_BEFORE_ONE_BY.sub(lambda m: "前" + " " * (len(m["and"]) - 1), words)


def due_in(words: str) -> tuple[dict[str, Any], int, int] | None:
    """The first deadline written as a date or a calendar rule in ``words`` (``as_written``:
    the leftmost; where two rules read the same words, the one listed first), and where."""
    found = []
    end = len(words)  # (once one is found, the others are sought only up to just past it)
    for k, (pattern, rule) in enumerate(DUE_RULES):
        m = pattern.search(words, 0, end)
        if m is not None:
            found.append((m.start(), k, m, rule))
            end = min(end, m.start() + _LONGEST_DATE)
    for _start, _k, m, rule in sorted(found, key=lambda f: (f[0], f[1])):
        groups = m.groupdict()
        xun = groups.pop("xun", None)
        half = groups.pop("half", None)
        if rule == "monthly_day" and m.group(0).startswith("本"):
            rule = "this_month_day"  # 本月底前, 本月10日前: this month's, once
        if xun in ("上", "中"):
            groups["day"] = "10" if xun == "上" else "20"  # (下旬: by the month's end)
        parts = {k: _WORD_NUMBERS.get(v, v) for k, v in groups.items() if v}
        parts = {k: int(v) for k, v in parts.items()}
        if "y1" in parts:  # (2024年3月1日至3月31日: the window's end in the year it opens)
            parts.setdefault("year", parts.pop("y1"))
        if "quarter" in parts:  # 每年第一季度: by its last month's last day
            parts["month"] = 3 * parts.pop("quarter")
        if half:  # 上半年完成: by June's end
            parts["month"] = 6
        if "weekday" in parts:
            return {"rule": rule, "weekday": (parts["weekday"] - 1) % 7}, *m.span()
        if rule in ("monthly_day", "next_month_day", "this_month_day"):
            parts.setdefault("day", 31)  # 每月底前, 次年1月底前, 本月底前
        if rule == "date":
            year, month = parts["year"], parts.get("month", 12)
            day = parts.get("day") or calendar.monthrange(year, month)[1]
            try:
                return {"rule": "date", "date": f"{year:04d}-{month:02d}-{day:02d}"}, *m.span()
            except ValueError:
                continue
        if rule == "month_day" and re.search(r"每年[^，,。；;\d]{0,12}$", words[: m.start()]):
            rule = "yearly_date"  # 每年汛期前（5月31日前）: a day of each year
        if rule in ("yearly_date", "month_day"):
            month = parts["month"]
            day = parts.get("day") or calendar.monthrange(2001, month)[1]
            return {"rule": rule, "month": month, "day": day}, *m.span()
        return {"rule": rule, **parts}, *m.span()
    return None


def dated(due: dict[str, Any] | None, issued: datetime.date | None) -> dict[str, Any] | None:
    """``due`` with a day of a month written with no year (``month_day``: 5月15日前) made the
    date it is in a document issued on ``issued``: that day of its year, or of the next when
    the day is over by then (a notice of December asking for 1月10日前); a day of this month
    (``this_month_day``: 本月底前) that day of the month it was issued in; as written when the
    document's date is not known. Every other rule as it is."""
    if not due or issued is None:
        return due
    if due.get("rule") == "this_month_day":
        return in_year(issued.year, issued.month, due["day"])
    if due.get("rule") != "month_day":
        return due
    month, day = due["month"], due["day"]
    return in_year(issued.year + ((month, day) < (issued.month, issued.day)), month, day)


def in_year(year: int, month: int, day: int) -> dict[str, Any]:
    """The deadline on that day of ``year`` (a shorter month's last day for a later one)."""
    last = calendar.monthrange(year, month)[1]
    return {"rule": "date", "date": datetime.date(year, month, min(day, last)).isoformat()}
