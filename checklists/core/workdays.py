"""Deadlines counted the official Chinese way (民法典 第二百零一条 to 第二百零三条).

Pure: no Flask, no database (``checklists.scoring`` judges ``date_pair`` answers with it;
``inspections.findings.workdays`` re-exports it for the deadlines of findings, hazards and
interviews). Holidays and 调休 make-up working days come from
``chinese_calendar`` (2004–2026 in 1.11.0), overridden or extended by years an administrator
has loaded (``YearRule``). A day in a year neither knows is counted Mon–Fri and the deadline is
marked provisional.

Units: working days (weekends and holidays skipped, make-up days counted), days, months and
years (the last day is the corresponding day of the month it ends in, or that month's last day,
第二百零二条; a last day off moves to the next working day, 第二百零三条), and hours (from the
moment itself, 第二百零一条第二款).
"""

from __future__ import annotations

import calendar as _gregorian
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

import chinese_calendar

SHANGHAI = ZoneInfo("Asia/Shanghai")
MAX_N = {"working_day": 3650, "day": 3650, "hour": 8760, "month": 120, "year": 10}
MAX_RANGE_DAYS = 60
HOLIDAY_NAMES = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
}
_LIBRARY_YEARS = range(min(chinese_calendar.holidays).year, max(chinese_calendar.holidays).year + 1)


class Unit(StrEnum):
    WORKING_DAY = "working_day"
    DAY = "day"
    HOUR = "hour"
    MONTH = "month"
    YEAR = "year"


@dataclass(frozen=True)
class YearRule:
    """One year's official arrangement, loaded by an administrator."""

    year: int
    holidays: frozenset[date]  # 法定节假日: days off
    workdays: frozenset[date]  # 调休: make-up working days

    def __post_init__(self) -> None:
        both = sorted(self.holidays & self.workdays)
        if both:
            raise ValueError(f"{self.year}年：{cn_date(both[0])}不能既是节假日又是调休上班日")


class OfficialCalendar:
    """Loaded years first, then ``chinese_calendar``; anything else is unknown."""

    def __init__(self, loaded: Iterable[YearRule] = ()) -> None:
        self._rules = {rule.year: rule for rule in loaded}
        self._holidays = {d for rule in self._rules.values() for d in rule.holidays}
        self._workdays = {d for rule in self._rules.values() for d in rule.workdays}

    def knows(self, year: int) -> bool:
        return year in self._rules or year in _LIBRARY_YEARS

    def known_years(self) -> list[int]:
        return sorted(set(self._rules) | set(_LIBRARY_YEARS))

    def is_workday(self, day: date) -> bool | None:
        """True or False for a known year, None when the year is unknown."""
        if day in self._workdays:
            return True
        if day in self._holidays:
            return False
        if day.year in self._rules:
            return day.weekday() < 5
        if day.year in _LIBRARY_YEARS:
            return chinese_calendar.is_workday(day)
        return None

    def holiday_name(self, day: date) -> str | None:
        """A day of a 法定节假日: its name (国庆节, "" when a loaded year names none); None for
        any other day."""
        if day in self._holidays:
            return ""
        if day.year in self._rules or day.year not in _LIBRARY_YEARS:
            return None
        if day not in chinese_calendar.holidays:
            return None
        return HOLIDAY_NAMES.get(chinese_calendar.holidays[day], "")

    def rest_label(self, day: date) -> str:
        """How to call a day off: 法定节假日（name）, 法定节假日 or 休息日."""
        if day in self._holidays:
            return "法定节假日"
        if day.year in self._rules or day.year not in _LIBRARY_YEARS:
            return "休息日"
        if day not in chinese_calendar.holidays:
            return "休息日"
        name = HOLIDAY_NAMES.get(chinese_calendar.holidays[day])
        return f"法定节假日（{name}）" if name else "法定节假日"


@dataclass(frozen=True)
class Deadline:
    due_on: date
    due_at: datetime | None  # only for hours
    provisional: bool  # a day examined lay in a year the calendar does not know
    explanation: str
    unknown_years: tuple[int, ...]


def cn_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def deadline(
    start: date | datetime, n: int, unit: Unit | str, calendar: OfficialCalendar
) -> Deadline:
    """The deadline N units after start; the start day itself is not counted (hours count from
    the moment)."""
    try:
        unit = Unit(unit)
    except ValueError:
        raise ValueError("unit：须为 working_day、day、hour、month 或 year") from None
    limit = MAX_N[unit]
    if not isinstance(n, int) or isinstance(n, bool) or not 1 <= n <= limit:
        raise ValueError(f"n：须为 1 至 {limit} 的整数")
    if not isinstance(start, date):
        raise ValueError("start：须为日期或日期时间")
    if unit is Unit.HOUR:
        return _hours(start, n)

    if isinstance(start, datetime):
        start = start.astimezone(SHANGHAI).date() if start.tzinfo else start.date()
    unknown: set[int] = set()

    def works(day: date) -> bool:
        known = calendar.is_workday(day)
        if known is None:
            unknown.add(day.year)
            return day.weekday() < 5
        return known

    text = f"自{cn_date(start)}的次日起计算{n}"
    if unit is Unit.WORKING_DAY:
        due, counted = start, 0
        while counted < n:
            due += timedelta(days=1)
            counted += works(due)
        text += (
            "个工作日（不计开始当日，跳过周末和法定节假日，调休上班日计入），"
            f"截止于{cn_date(due)}。"
        )
    else:
        if unit is Unit.DAY:
            last = due = start + timedelta(days=n)
            text += "日（不计开始当日）"
        else:
            last, corresponding = add_months(start, n * 12 if unit is Unit.YEAR else n)
            due = last
            text += "个月" if unit is Unit.MONTH else "年"
            if corresponding:
                text += "（不计开始当日；到期月的对应日为期间的最后一日，民法典第二百零二条）"
            else:
                text += (
                    "（不计开始当日；到期月没有对应日，以月末日为期间的最后一日，"
                    "民法典第二百零二条）"
                )
        while not works(due):
            due += timedelta(days=1)
        if due == last:
            text += f"，截止于{cn_date(due)}。"
        else:
            text += (
                f"，期限最后一日{cn_date(last)}为{calendar.rest_label(last)}，"
                f"顺延至{cn_date(due)}（民法典第二百零三条）。"
            )
    if unknown:
        years = "、".join(str(y) for y in sorted(unknown))
        text += f"{years}年的官方节假日安排尚未载入，暂按周一至周五为工作日计算，为暂定期限。"
    return Deadline(due, None, bool(unknown), text, tuple(sorted(unknown)))


def add_months(start: date, months: int) -> tuple[date, bool]:
    """The last day of a period of ``months`` months counted from the day after ``start``
    (民法典 第二百零二条): the day of the same number in the month it ends in, or that month's
    last day when it has none. Returns the day and whether it had such a corresponding day.
    Raises OverflowError past the year 9999."""
    index = start.year * 12 + start.month - 1 + months
    year, month = divmod(index, 12)
    if not 1 <= year <= 9999:
        raise OverflowError("date out of range")
    month_end = _gregorian.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(start.day, month_end)), start.day <= month_end


def _hours(start: date | datetime, n: int) -> Deadline:
    if not isinstance(start, datetime):
        start = datetime.combine(start, time())
    start = start.astimezone(SHANGHAI) if start.tzinfo else start.replace(tzinfo=SHANGHAI)
    due_at = (start.astimezone(UTC) + timedelta(hours=n)).astimezone(SHANGHAI)
    text = (
        f"自{cn_date(start)} {start:%H:%M}起计算{n}小时（自该时刻起算，民法典第二百零一条第二款），"
        f"截止于{cn_date(due_at)} {due_at:%H:%M}（北京时间）。"
    )
    return Deadline(due_at.date(), due_at, False, text, ())


#: ``elapsed`` counts the days between its two dates only up to this span (a longer one is
#: judged by its deadline alone).
MAX_COUNTED_DAYS = 3660


@dataclass(frozen=True)
class Elapsed:
    """A period that has run, from ``start`` (not counted) to ``end``, against N units."""

    start: date
    end: date
    n: int
    unit: Unit  # working_day or day
    due: Deadline | None  # None: the deadline would fall after 9999-12-31
    last_day: date | None  # the period's last day before a rest day moves it (第二百零三条)
    on_time: bool  # the end is on or before the deadline
    counted: int | None  # working days (or days) after start up to end; None: too far apart
    end_works: bool  # the end is a working day
    makeup: tuple[date, ...]  # 调休 working days (weekend days worked) in (start, end]
    holidays: tuple[date, ...]  # days of a 法定节假日 in (start, end]
    unknown_years: tuple[int, ...]  # counted Mon–Fri: the calendar does not know them


def elapsed(
    start: date, end: date, n: int, unit: Unit | str, calendar: OfficialCalendar
) -> Elapsed:
    """How the period from ``start`` to ``end`` stands against N working days or days, counted
    from the day after ``start`` (第二百零一条); a period of days whose last day is a rest day
    ends on the next working day (第二百零三条). Raises ValueError for another unit, an N out of
    range or an end before the start."""
    unit = Unit(unit)
    if unit not in (Unit.WORKING_DAY, Unit.DAY):
        raise ValueError("unit：须为 working_day 或 day")
    if end < start:
        raise ValueError("end：早于 start")
    try:
        due: Deadline | None = deadline(start, n, unit, calendar)
    except OverflowError:  # past 9999-12-31: any end there is is before it
        due = None
    unknown = set(due.unknown_years) if due else set()

    def works(day: date) -> bool:
        known = calendar.is_workday(day)
        if known is None:
            unknown.add(day.year)
            return day.weekday() < 5
        return known

    span = (end - start).days
    counted: int | None = None
    makeup: list[date] = []
    holidays: list[date] = []
    if span <= MAX_COUNTED_DAYS:
        working = 0
        day = start
        for _step in range(span):
            day += timedelta(days=1)
            if works(day):
                working += 1
                if day.weekday() >= 5:
                    makeup.append(day)
            elif calendar.holiday_name(day) is not None:
                holidays.append(day)
        counted = working if unit is Unit.WORKING_DAY else span
    if unit is Unit.WORKING_DAY:
        last_day = due.due_on if due else None
    else:
        last_day = start + timedelta(days=n) if date.max - start >= timedelta(days=n) else None
    return Elapsed(
        start,
        end,
        n,
        unit,
        due,
        last_day,
        due is None or end <= due.due_on,
        counted,
        works(end),
        tuple(makeup),
        tuple(holidays),
        tuple(sorted(unknown)),
    )


def deviations(
    calendar: OfficialCalendar, first: date, last: date
) -> tuple[list[date], list[date]]:
    """(weekdays off, weekend days worked) from ``first`` to ``last``: every other day of the
    range follows Mon–Fri, as does every day of a year the calendar does not know (as
    ``deadline`` counts it). What the phone needs to count the same way offline."""
    off: list[date] = []
    on: list[date] = []
    for offset in range((last - first).days + 1):
        day = first + timedelta(days=offset)
        weekday = day.weekday() < 5
        if calendar.is_workday(day) not in (None, weekday):
            (off if weekday else on).append(day)
    return off, on


_RANGE_SEP = r"~|～|至|--"
_DATE = re.compile(r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})|(\d{4})年(\d{1,2})月(\d{1,2})日")


def _parse_date(text: str, token: str) -> date:
    match = _DATE.fullmatch(text)
    if match:
        year, _, month, day, *cn = match.groups()
        parts = (year, month, day) if year else cn
        try:
            return date(*(int(p) for p in parts))
        except ValueError:
            pass
    raise ValueError(f"无法识别的日期：“{token}”")


def parse_days(text: str) -> list[date]:
    """Dates and ranges an administrator typed, sorted and without repeats."""
    text = re.sub(rf"\s*({_RANGE_SEP})\s*", r"\1", text)
    days: set[date] = set()
    for token in re.split(r"[,，、;；\s]+", text.strip()):
        if not token:
            continue
        parts = re.split(_RANGE_SEP, token)
        if len(parts) == 1:
            days.add(_parse_date(token, token))
            continue
        if len(parts) != 2:
            raise ValueError(f"无法识别的日期：“{token}”")
        first, last = (_parse_date(p, token) for p in parts)
        if last < first:
            raise ValueError(f"日期范围的结束早于开始：“{token}”")
        if (last - first).days + 1 > MAX_RANGE_DAYS:
            raise ValueError(f"日期范围超过{MAX_RANGE_DAYS}天：“{token}”")
        days.update(first + timedelta(days=i) for i in range((last - first).days + 1))
    return sorted(days)
