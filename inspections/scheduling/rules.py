"""Recurrence rules of scheduled inspections (pure): the days a schedule's inspections fall due.

Four kinds, as gazettes and supervisors write them, over the spot checks' period vocabulary
(``inspections.spotcheck.frequency.Period``: month, quarter, year):

- ``day``: on day N of the period's k-th month: 每月20日前 (month), 每季度第一个月的20日前
  (quarter, k = 1), 每年3月31日前 (year, k = 3); a month without day N uses its last day;
- ``last_working_day``: the period's last working day (每月至少一次: by the end of the month);
- ``following_month``: by day N of the month after the period: 次月5日前 (month), 季度结束后
  次月5日前 (quarter), 次年1月5日前 (year);
- ``weeks``: every N weeks on a weekday, the first on or after the schedule's first day.

Each occurrence is due on one day and is *for* one period: the month, quarter or year that
holds its day (``following_month``: the period before the month it is due in; ``weeks``: the
N weeks up to its day). Working days are the official calendar's
(``checklists.core.workdays``: holidays and 调休 make-up days); in a year the calendar does not
know, Monday to Friday.
"""

from __future__ import annotations

import calendar as _gregorian
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from checklists.core.workdays import OfficialCalendar
from inspections.spotcheck.frequency import PERIOD_WORDS, Period, period_label

#: Months in each period.
MONTHS = {Period.MONTH: 1, Period.QUARTER: 3, Period.YEAR: 12}
MAX_DAY = 31
MAX_WEEKS = 52
WEEKDAY_NAMES = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")
_CN = ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二")
#: The bundled official calendar (no years loaded by an administrator).
LIBRARY_CALENDAR = OfficialCalendar()


class Recurrence(StrEnum):
    #: On day N of the period's k-th month (clamped to that month's last day).
    DAY = "day"
    #: The period's last working day.
    LAST_WORKING_DAY = "last_working_day"
    #: By day N of the month after the period (次月5日前).
    FOLLOWING_MONTH = "following_month"
    #: Every N weeks on a weekday.
    WEEKS = "weeks"


class OccurrenceStatus(StrEnum):
    """Where an occurrence stands: 待检, 已完成, 逾期."""

    DUE = "due"
    DONE = "done"
    OVERDUE = "overdue"


@dataclass(frozen=True)
class Rule:
    kind: Recurrence
    #: The period of ``day``, ``last_working_day`` and ``following_month``.
    period: Period = Period.MONTH
    #: Day of the month (1–31) for ``day`` and ``following_month``.
    day: int = 1
    #: The month within the period for ``day``: 1 for a month, 1–3 in a quarter, 1–12 in a year.
    month: int = 1
    #: Every N weeks (1–52) and on which weekday (0 Monday … 6 Sunday), for ``weeks``.
    weeks: int = 1
    weekday: int = 0
    #: ``weeks``: the first occurrence is the weekday on or after this day (the schedule's start).
    anchor: dt.date = dt.date(2000, 1, 3)

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", Recurrence(self.kind))
        object.__setattr__(self, "period", Period(self.period))
        wrong = [
            name
            for name, (low, high) in limits(self.kind, self.period).items()
            if not low <= getattr(self, name) <= high
        ]
        if wrong:
            raise ValueError(f"out of range: {', '.join(wrong)}")

    def canonical(self) -> Rule:
        """The same rule with the fields its kind does not read at their defaults (stored so,
        two equal rules are stored alike)."""
        read = limits(self.kind, self.period)
        defaults = Rule(self.kind)
        changes = {
            name: getattr(defaults, name)
            for name in ("day", "month", "weeks", "weekday")
            if name not in read
        }
        if self.kind == Recurrence.WEEKS:
            changes["period"] = Period.MONTH
        return replace(self, **changes)

    def describe(self) -> str:
        """The rule in Chinese: 每季度第一个月的20日前, 每2周的星期一."""
        if self.kind == Recurrence.WEEKS:
            every = "每周" if self.weeks == 1 else f"每{self.weeks}周的"
            return every + WEEKDAY_NAMES[self.weekday]
        word = PERIOD_WORDS[self.period]
        short = "（当月没有该日的，为月末）" if self.day > 28 else ""
        if self.kind == Recurrence.LAST_WORKING_DAY:
            return f"{word}最后一个工作日前"
        if self.kind == Recurrence.FOLLOWING_MONTH:
            after = {
                Period.MONTH: "次月",
                Period.QUARTER: "季度结束后次月",
                Period.YEAR: "次年1月",
            }[self.period]
            return f"{word}一次，{after}{self.day}日前{short}"
        if self.period == Period.MONTH:
            return f"每月{self.day}日前{short}"
        if self.period == Period.QUARTER:
            return f"每季度第{_CN[self.month - 1]}个月的{self.day}日前{short}"
        return f"每年{self.month}月{self.day}日前{short}"


def limits(kind: Recurrence | str, period: Period | str) -> dict[str, tuple[int, int]]:
    """The fields a rule of ``kind`` reads, each with its range."""
    kind = Recurrence(kind)
    if kind == Recurrence.WEEKS:
        return {"weeks": (1, MAX_WEEKS), "weekday": (0, 6)}
    if kind == Recurrence.LAST_WORKING_DAY:
        return {}
    if kind == Recurrence.FOLLOWING_MONTH:
        return {"day": (1, MAX_DAY)}
    return {"day": (1, MAX_DAY), "month": (1, MONTHS[Period(period)])}


def occurrences(
    rule: Rule, start: dt.date, end: dt.date, calendar: OfficialCalendar | None = None
) -> list[dt.date]:
    """The days ``rule`` falls due from ``start`` to ``end`` (both included), in order."""
    if end < start:
        return []
    if rule.kind == Recurrence.WEEKS:
        return _weekly(rule, start, end)
    calendar = calendar or LIBRARY_CALENDAR
    out = []
    for year, month in _months(start, end):
        due = _due_in(rule, year, month, calendar)
        if due is not None and start <= due <= end:
            out.append(due)
    return out


def is_occurrence(rule: Rule, day: dt.date, calendar: OfficialCalendar | None = None) -> bool:
    return occurrences(rule, day, day, calendar) == [day]


def period_for(rule: Rule, due: dt.date) -> tuple[dt.date, dt.date]:
    """The first and last day of the period the occurrence due on ``due`` is for."""
    if rule.kind == Recurrence.WEEKS:
        try:
            return due - dt.timedelta(days=7 * rule.weeks - 1), due
        except OverflowError:
            return dt.date.min, due
    if rule.kind == Recurrence.FOLLOWING_MONTH:
        if (due.year, due.month) == (1, 1):  # no period before the first month there is
            return due.replace(day=1), due
        return span(due.replace(day=1) - dt.timedelta(days=1), rule.period)
    return span(due, rule.period)


def label_for(rule: Rule, due: dt.date) -> str:
    """The period an occurrence is for, in Chinese: 2026年11月, 2026年第4季度."""
    start, end = period_for(rule, due)
    if rule.kind == Recurrence.WEEKS:
        return f"{start.year}年{start.month}月{start.day}日至{end.month}月{end.day}日"
    return period_label(start, rule.period)


def span(day: dt.date, period: Period) -> tuple[dt.date, dt.date]:
    """The first and last day of the month, quarter or year ``day`` falls in."""
    n = MONTHS[Period(period)]
    first = (day.month - 1) // n * n + 1
    last = first + n - 1
    return dt.date(day.year, first, 1), dt.date(day.year, last, _last_day(day.year, last))


def status(due_on: dt.date, today: dt.date, done: bool) -> OccurrenceStatus:
    """已完成 when an inspection fulfils it; else 逾期 once its day has passed; else 待检."""
    if done:
        return OccurrenceStatus.DONE
    return OccurrenceStatus.OVERDUE if due_on < today else OccurrenceStatus.DUE


def from_requirement(per: str | None, due: dict[str, Any] | None = None) -> Rule | None:
    """The rule a clause's extracted frequency suggests (``per``: month, quarter or year; None
    for any other), refined by a due-date rule of the same clause (``Requirement.due``:
    次月5日前, 每月20日前, 每季度第一个月的20日前, 每季度末月25日前, 每季度末,
    每年3月31日前); without one, by the
    period's last working day: 每月至少一次 is done in time when done by the month's last
    working day."""
    due = due or {}
    weekday = due.get("weekday")
    if per == "week" and due.get("rule") == "weekly_day" and weekday in range(7):
        return Rule(Recurrence.WEEKS, weeks=1, weekday=weekday)  # 每周五前: every Friday
    if per not in MONTHS:
        return None
    period = Period(per)
    day = due.get("day")
    valid_day = isinstance(day, int) and 1 <= day <= MAX_DAY
    if due.get("rule") == "next_month_day" and valid_day:
        return Rule(Recurrence.FOLLOWING_MONTH, period, day=day)
    if due.get("rule") == "monthly_day" and valid_day and period == Period.MONTH:
        return Rule(Recurrence.DAY, period, day=day, month=1)  # 每月20日前
    if due.get("rule") == "quarter_first_month_day" and valid_day and period == Period.QUARTER:
        return Rule(Recurrence.DAY, period, day=day, month=1)
    if due.get("rule") == "quarter_last_month_day" and valid_day and period == Period.QUARTER:
        return Rule(Recurrence.DAY, period, day=day, month=3)  # 每季度末月25日前
    if due.get("rule") == "monthly_last_working_day" and period == Period.MONTH:
        return Rule(Recurrence.LAST_WORKING_DAY, period)  # 每月最后一个工作日前
    if due.get("rule") == "quarter_end" and period == Period.QUARTER:
        return Rule(Recurrence.DAY, period, day=MAX_DAY, month=3)  # 每季度末: its last day
    month = due.get("month")
    if (
        due.get("rule") == "yearly_date"
        and valid_day
        and period == Period.YEAR
        and isinstance(month, int)
        and 1 <= month <= 12
    ):
        return Rule(Recurrence.DAY, period, day=day, month=month)
    return Rule(Recurrence.LAST_WORKING_DAY, period)


def works(day: dt.date, calendar: OfficialCalendar) -> bool:
    """A working day: the official calendar's answer, Monday to Friday in a year it does not
    know."""
    known = calendar.is_workday(day)
    return day.weekday() < 5 if known is None else known


def last_working_day(year: int, month: int, calendar: OfficialCalendar) -> dt.date:
    """The month's last working day (its last day, if a loaded year leaves it none)."""
    last = dt.date(year, month, _last_day(year, month))
    day = last
    while not works(day, calendar):
        if day.day == 1:
            return last
        day -= dt.timedelta(days=1)
    return day


# --- inside ---------------------------------------------------------------------------------


def _last_day(year: int, month: int) -> int:
    return _gregorian.monthrange(year, month)[1]


def _months(start: dt.date, end: dt.date) -> Iterator[tuple[int, int]]:
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        yield year, month
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def _clamped(year: int, month: int, day: int) -> dt.date:
    return dt.date(year, month, min(day, _last_day(year, month)))


def _due_in(rule: Rule, year: int, month: int, calendar: OfficialCalendar) -> dt.date | None:
    """The day ``rule`` falls due in this month, if it has one in it."""
    size = MONTHS[rule.period]
    place = (month - 1) % size + 1  # the month's place in its period: 1 … size
    if rule.kind == Recurrence.DAY:
        return _clamped(year, month, rule.day) if place == rule.month else None
    if rule.kind == Recurrence.FOLLOWING_MONTH:
        return _clamped(year, month, rule.day) if place == 1 else None
    return last_working_day(year, month, calendar) if place == size else None


def _weekly(rule: Rule, start: dt.date, end: dt.date) -> list[dt.date]:
    step = 7 * rule.weeks
    out: list[dt.date] = []
    try:
        day = rule.anchor + dt.timedelta(days=(rule.weekday - rule.anchor.weekday()) % 7)
        if day < start:
            day += dt.timedelta(days=-(-(start - day).days // step) * step)
        while day <= end:
            out.append(day)
            day += dt.timedelta(days=step)
    except OverflowError:  # past 9999-12-31: no more days to be due on
        pass
    return out
