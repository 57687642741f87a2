"""The dates of a credit entry, as the clauses write them. Pure: no Flask, no database.

安全生产黑名单 (临政办字〔2016〕11号):
- 第四条: the term runs 自公布之日起 1 year; for a unit listed again while still listed (连续进入),
  3 years from the second listing on; after an accident 一般/较大/重大/特别重大, 1/3/5/7 years.
  The longer term applies when both do.
- 第五条（三）: the department reports a listing it decided to the 区安委会办公室 于5日内.
- 第五条（四）: the office publishes 每季度第一个月的20日前 (by the 20th of January, April, July
  and October; the 20th itself still counts).
- 第五条（五）: the unit applies for removal 于管理期限届满前一个月; removal takes effect 在管理期限
  届满后的次日 and is published 于15个工作日内.
- 第九条: the 50万元 deposit is paid 于10个工作日内 after listing; forfeited in full on a new
  listing event within the term and topped up 于10个工作日内; refunded in full once the term ends.

政府采购禁入 (冠政发〔2016〕78号 三（三）10): 1—3 years, the supervisor chooses.

Periods follow 民法典 第二百零一条 and 第二百零二条 (the first day is not counted; a period of
years ends on the corresponding day, or the month's last day). A term is a state, not a time
to act, so its last day does not move off a rest day; the times to act (5日, 10/15个工作日)
do (第二百零三条), and are counted by ``inspections.findings.workdays``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from inspections.findings import workdays


class Case(StrEnum):
    """Why an entry is made, as 第四条 sorts the cases for the term."""

    #: 第三条's cases other than an accident: the first listing, or one after a gap.
    VIOLATION = "violation"
    ACCIDENT_GENERAL = "accident_general"
    ACCIDENT_LARGER = "accident_larger"
    ACCIDENT_MAJOR = "accident_major"
    ACCIDENT_GRAVE = "accident_grave"
    #: 政府采购禁入: a term of 1—3 years chosen by the supervisor.
    PROCUREMENT = "procurement"
    #: 取消配送资格: no term; it lasts until the depot qualifies again.
    DEPOT = "depot"


ACCIDENT_YEARS = {
    Case.ACCIDENT_GENERAL: 1,
    Case.ACCIDENT_LARGER: 3,
    Case.ACCIDENT_MAJOR: 5,
    Case.ACCIDENT_GRAVE: 7,
}
ACCIDENT_WORDS = {
    Case.ACCIDENT_GENERAL: "一般",
    Case.ACCIDENT_LARGER: "较大",
    Case.ACCIDENT_MAJOR: "重大",
    Case.ACCIDENT_GRAVE: "特别重大",
}
FIRST_YEARS = 1
CONSECUTIVE_YEARS = 3
PROCUREMENT_YEARS = range(1, 4)
OFFICE_DAYS = 5
PUBLISH_DAY = 20
REMOVAL_PUBLISH_WORKING_DAYS = 15
DEPOSIT_WORKING_DAYS = 10


@dataclass(frozen=True)
class Term:
    years: int
    explanation: str


@dataclass(frozen=True)
class Period:
    """An earlier listing of the same kind: the days it ran (``ends_on`` inclusive)."""

    starts_on: dt.date
    ends_on: dt.date


def cn(day: dt.date) -> str:
    return workdays.cn_date(day)


def is_consecutive(earlier: Iterable[Period], day: dt.date) -> bool:
    """连续进入: ``day`` (the new listing's decision) falls inside an earlier listing's term.
    A listing after the earlier term ended is a first listing again."""
    return any(p.starts_on <= day <= p.ends_on for p in earlier)


def term(case: Case, consecutive: bool, chosen_years: int | None = None) -> Term:
    """The term in years and why (第四条; 冠政发〔2016〕78号 三（三）10 for 禁入)."""
    if case is Case.DEPOT:
        raise ValueError("取消配送资格没有期限")
    if case is Case.PROCUREMENT:
        if chosen_years not in PROCUREMENT_YEARS:
            raise ValueError("term_years：政府采购禁入期限须为 1 至 3 年")
        return Term(chosen_years, f"不得参与政府采购活动{chosen_years}年（1—3年，由监管部门确定）")
    years, why = FIRST_YEARS, f"自公布之日起{FIRST_YEARS}年"
    if consecutive:
        years = CONSECUTIVE_YEARS
        why = f"连续进入“黑名单”，从第2次纳入起管理期限为{years}年"
    if case in ACCIDENT_YEARS and ACCIDENT_YEARS[case] > years:
        years = ACCIDENT_YEARS[case]
        why = f"发生{ACCIDENT_WORDS[case]}生产安全事故，管理期限为{years}年"
    return Term(years, why)


def end_of_term(starts_on: dt.date, years: int) -> dt.date:
    """The last day of a term of ``years`` from ``starts_on`` (公布之日起; the day itself is not
    counted, 第二百零一条; the corresponding day, or the month's last, 第二百零二条)."""
    return workdays.add_months(starts_on, 12 * years)[0]


def removal_day(ends_on: dt.date) -> dt.date:
    """届满后的次日: the day the listing comes off."""
    return ends_on + dt.timedelta(days=1)


def removal_request_due(ends_on: dt.date) -> dt.date:
    """届满前一个月: the last day to apply for removal (the corresponding day a month before the
    term's last day, or that month's last day)."""
    return workdays.add_months(ends_on, -1)[0]


def publication_due(decided_on: dt.date) -> dt.date:
    """每季度第一个月的20日前: the first 20 January/April/July/October on or after the day."""
    month = decided_on.month
    first = month - (month - 1) % 3  # the quarter's first month
    due = dt.date(decided_on.year, first, PUBLISH_DAY)
    if due >= decided_on:
        return due
    index = decided_on.year * 12 + first - 1 + 3
    return dt.date(index // 12, index % 12 + 1, PUBLISH_DAY)


def office_due(decided_on: dt.date, calendar: workdays.OfficialCalendar) -> workdays.Deadline:
    """于5日内 (第五条（三）): calendar days; a last day off moves to the next working day."""
    return workdays.deadline(decided_on, OFFICE_DAYS, workdays.Unit.DAY, calendar)


def removal_publication_due(
    removed_on: dt.date, calendar: workdays.OfficialCalendar
) -> workdays.Deadline:
    """于15个工作日内 (第五条（五）), counted from the removal day."""
    return workdays.deadline(
        removed_on, REMOVAL_PUBLISH_WORKING_DAYS, workdays.Unit.WORKING_DAY, calendar
    )


def deposit_due(day: dt.date, calendar: workdays.OfficialCalendar) -> workdays.Deadline:
    """于10个工作日内 (第九条): after listing, or after a forfeit (the top-up)."""
    return workdays.deadline(day, DEPOSIT_WORKING_DAYS, workdays.Unit.WORKING_DAY, calendar)


def rectification_due(day: dt.date, calendar: workdays.OfficialCalendar) -> workdays.Deadline:
    """限期一个月整改 (冠政发〔2016〕109号 四（二）): a month from the failed acceptance."""
    return workdays.deadline(day, 1, workdays.Unit.MONTH, calendar)
