"""Deadlines counted the official Chinese way (民法典 第二百零一条 to 第二百零三条).

Expected dates were checked by hand against the State Council arrangements:
2024 国庆 Oct 1–7 off, make-up Sun Sept 29 and Sat Oct 12;
2025 元旦 Jan 1 only; 2025 春节 Jan 28–Feb 4 off, make-up Sun Jan 26 and Sat Feb 8;
2025 国庆+中秋 Oct 1–8 off, make-up Sun Sept 28 and Sat Oct 11;
2026 元旦 Jan 1–3 off, make-up Sun Jan 4; 2026 中秋 Sept 25–27 off;
2026 国庆 Oct 1–7 off, make-up Sun Sept 20 and Sat Oct 10;
2025 劳动节 May 1–5 off; 2026 劳动节 May 1–5 off; 2026 春节 Feb 15–23 off, make-up Sat Feb 14
and Sat Feb 28.

Months and years (第二百零二条): the period's last day is the day of the same number in the month
it ends in (3月15日 + 1个月 → 4月15日; 2月28日 + 1个月 → 3月28日, not the month's end), or that
month's last day when it has none (3月31日 + 1个月 → 4月30日); a last day off moves to the next
working day (第二百零三条), a make-up working day stays.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import chinese_calendar
import pytest

from checklists.core import workdays as workdays_core
from inspections.findings import workdays as findings_workdays
from inspections.findings.workdays import (
    SHANGHAI,
    Deadline,
    OfficialCalendar,
    Unit,
    YearRule,
    add_months,
    deadline,
    parse_days,
)

D = date


def days(first: date, last: date) -> frozenset[date]:
    return frozenset(first + timedelta(days=i) for i in range((last - first).days + 1))


#: A plausible 2027 元旦 arrangement: Fri Jan 1 to Sun Jan 3 off, no make-up day.
RULE_2027 = YearRule(2027, holidays=days(D(2027, 1, 1), D(2027, 1, 3)), workdays=frozenset())
#: An administrator's correction of a library year: only Oct 1 off, Sat Nov 15 worked.
RULE_2025 = YearRule(
    2025, holidays=frozenset({D(2025, 10, 1)}), workdays=frozenset({D(2025, 11, 15)})
)
CALENDARS = {
    "library": OfficialCalendar(),
    "loaded_2027": OfficialCalendar([RULE_2027]),
    "override_2025": OfficialCalendar([RULE_2025]),
}


def test_precondition_library_does_not_know_2027():
    """The unknown-year cases below are honest only while the library stops at 2026."""
    assert chinese_calendar.is_workday(D(2026, 12, 31)) is True
    with pytest.raises(NotImplementedError):
        chinese_calendar.is_workday(D(2027, 1, 4))
    calendar = OfficialCalendar()
    assert calendar.knows(2026) and not calendar.knows(2027) and not calendar.knows(2003)
    assert calendar.known_years() == list(range(2004, 2027))
    assert CALENDARS["loaded_2027"].known_years() == list(range(2004, 2028))
    assert CALENDARS["loaded_2027"].knows(2027)


@pytest.mark.parametrize(
    ("calendar", "day", "expected"),
    [
        ("library", D(2025, 9, 28), True),  # make-up Sunday
        ("library", D(2025, 10, 1), False),
        ("library", D(2025, 10, 11), True),  # make-up Saturday
        ("library", D(2025, 10, 12), False),  # ordinary Sunday
        ("library", D(2027, 1, 4), None),  # unknown year
        ("loaded_2027", D(2027, 1, 1), False),
        ("loaded_2027", D(2027, 1, 4), True),
        ("loaded_2027", D(2027, 1, 9), False),  # Saturday, Mon–Fri rule
        ("loaded_2027", D(2026, 10, 1), False),  # other years still from the library
        ("override_2025", D(2025, 10, 2), True),  # library: National Day
        ("override_2025", D(2025, 9, 28), False),  # library: make-up Sunday
        ("override_2025", D(2025, 11, 15), True),  # loaded make-up Saturday
    ],
    ids=lambda v: str(v),
)
def test_is_workday(calendar, day, expected):
    assert CALENDARS[calendar].is_workday(day) is expected


def test_year_rule_rejects_a_day_both_off_and_worked():
    with pytest.raises(ValueError, match="2027年1月2日不能既是节假日又是调休上班日"):
        YearRule(2027, holidays=frozenset({D(2027, 1, 2)}), workdays=frozenset({D(2027, 1, 2)}))


CASES = [
    # --- working days: skip weekends and holidays, count make-up days ---
    ("wd-2025-nd-makeup-sat-counted", D(2025, 9, 30), 5, "working_day", "library", D(2025, 10, 14)),
    ("wd-2025-nd-makeup-sat-last", D(2025, 9, 30), 3, "working_day", "library", D(2025, 10, 11)),
    ("wd-2025-nd-makeup-sun-last", D(2025, 9, 26), 1, "working_day", "library", D(2025, 9, 28)),
    ("wd-2024-nd-makeup-sun-counted", D(2024, 9, 27), 2, "working_day", "library", D(2024, 9, 30)),
    ("wd-2024-nd-makeup-sat-last", D(2024, 9, 30), 5, "working_day", "library", D(2024, 10, 12)),
    ("wd-2024-nd-across", D(2024, 9, 30), 10, "working_day", "library", D(2024, 10, 18)),
    ("wd-2026-nd-across", D(2026, 9, 30), 10, "working_day", "library", D(2026, 10, 20)),
    ("wd-2026-makeup-sun-last", D(2026, 9, 18), 1, "working_day", "library", D(2026, 9, 20)),
    ("wd-2026-mid-autumn", D(2026, 9, 24), 1, "working_day", "library", D(2026, 9, 28)),
    ("wd-2025-sf-across", D(2025, 1, 24), 3, "working_day", "library", D(2025, 2, 5)),
    ("wd-2025-sf-makeup-sat-last", D(2025, 2, 5), 3, "working_day", "library", D(2025, 2, 8)),
    ("wd-2024-year-end", D(2024, 12, 30), 3, "working_day", "library", D(2025, 1, 3)),
    ("wd-2025-year-end-makeup-sun", D(2025, 12, 31), 1, "working_day", "library", D(2026, 1, 4)),
    ("wd-start-on-sunday", D(2025, 10, 12), 1, "working_day", "library", D(2025, 10, 13)),
    # --- calendar days: only a last day off moves (第二百零三条) ---
    ("day-2025-ends-on-nd", D(2025, 9, 30), 3, "day", "library", D(2025, 10, 9)),
    ("day-2024-ends-on-nd", D(2024, 9, 30), 5, "day", "library", D(2024, 10, 8)),
    ("day-2026-ends-on-nd", D(2026, 9, 30), 3, "day", "library", D(2026, 10, 8)),
    ("day-2026-ends-on-mid-autumn", D(2026, 9, 20), 5, "day", "library", D(2026, 9, 28)),
    ("day-2025-ends-in-sf", D(2025, 1, 20), 10, "day", "library", D(2025, 2, 5)),
    ("day-ends-on-saturday", D(2025, 11, 10), 5, "day", "library", D(2025, 11, 17)),
    ("day-ends-on-sunday", D(2025, 11, 10), 6, "day", "library", D(2025, 11, 17)),
    ("day-ends-on-weekday", D(2025, 11, 10), 3, "day", "library", D(2025, 11, 13)),
    ("day-2025-makeup-sat-stays", D(2025, 10, 1), 10, "day", "library", D(2025, 10, 11)),
    ("day-2024-makeup-sat-stays", D(2024, 10, 2), 10, "day", "library", D(2024, 10, 12)),
    ("day-2025-makeup-sun-stays", D(2025, 9, 21), 7, "day", "library", D(2025, 9, 28)),
    ("day-2025-sf-makeup-sat-stays", D(2025, 1, 31), 8, "day", "library", D(2025, 2, 8)),
    ("day-start-on-holiday-ends-on-one", D(2025, 10, 3), 2, "day", "library", D(2025, 10, 9)),
    ("day-start-on-holiday", D(2025, 10, 3), 10, "day", "library", D(2025, 10, 13)),
    ("day-2025-year-end-to-makeup-sun", D(2025, 12, 31), 1, "day", "library", D(2026, 1, 4)),
    ("day-2025-year-end-in-holiday", D(2025, 12, 31), 3, "day", "library", D(2026, 1, 4)),
    ("day-2025-year-end-monday", D(2025, 12, 31), 5, "day", "library", D(2026, 1, 5)),
    ("day-2026-december-stays-known", D(2026, 12, 1), 3, "day", "library", D(2026, 12, 4)),
    # --- a datetime start counts from its (Shanghai) date ---
    ("day-datetime-start", datetime(2025, 9, 30, 23, 59), 3, "day", "library", D(2025, 10, 9)),
    ("day-utc-start", datetime(2025, 9, 30, 17, tzinfo=UTC), 2, "day", "library", D(2025, 10, 9)),
    # --- a loaded year overrides the library ---
    ("override-wd", D(2025, 9, 30), 3, "working_day", "override_2025", D(2025, 10, 6)),
    ("override-day-holiday", D(2025, 9, 30), 1, "day", "override_2025", D(2025, 10, 2)),
    ("override-day-makeup-sat", D(2025, 11, 10), 5, "day", "override_2025", D(2025, 11, 15)),
    # --- into 2027 with and without its arrangement loaded ---
    ("wd-2027-loaded", D(2026, 12, 28), 10, "working_day", "loaded_2027", D(2027, 1, 12)),
    ("day-2027-loaded-new-year", D(2026, 12, 28), 4, "day", "loaded_2027", D(2027, 1, 4)),
    ("day-2027-loaded-weekend", D(2026, 12, 28), 5, "day", "loaded_2027", D(2027, 1, 4)),
    # --- months: the corresponding day of the month it ends in (第二百零二条) ---
    ("month-corresponding-day", D(2026, 3, 15), 1, "month", "library", D(2026, 4, 15)),
    ("month-none-so-month-end", D(2026, 3, 31), 1, "month", "library", D(2026, 4, 30)),
    ("month-feb-common-year", D(2025, 1, 31), 1, "month", "library", D(2025, 2, 28)),
    ("month-feb-leap-year", D(2024, 1, 31), 1, "month", "library", D(2024, 2, 29)),
    ("month-from-feb-end-not-to-month-end", D(2025, 2, 28), 1, "month", "library", D(2025, 3, 28)),
    ("month-end-on-makeup-sat-stays", D(2026, 1, 31), 1, "month", "library", D(2026, 2, 28)),
    ("months-across-year-to-feb", D(2025, 11, 30), 3, "month", "library", D(2026, 2, 28)),
    ("month-ends-on-national-day", D(2026, 9, 1), 1, "month", "library", D(2026, 10, 8)),
    ("month-ends-on-labour-day", D(2025, 4, 1), 1, "month", "library", D(2025, 5, 6)),
    ("month-ends-on-sunday", D(2025, 10, 16), 1, "month", "library", D(2025, 11, 17)),
    ("month-plain-weekday", D(2026, 9, 30), 1, "month", "library", D(2026, 10, 30)),
    ("months-12-ends-on-sunday", D(2025, 3, 15), 12, "month", "library", D(2026, 3, 16)),
    (
        "month-utc-start-is-shanghai-next-day",
        datetime(2026, 3, 31, 23, tzinfo=UTC),
        1,
        "month",
        "library",
        D(2026, 5, 6),  # 4-01 in Shanghai → 5-01 劳动节 → 5-06
    ),
    ("month-override-holiday", D(2025, 9, 1), 1, "month", "override_2025", D(2025, 10, 2)),
    ("month-2027-loaded-new-year", D(2026, 12, 1), 1, "month", "loaded_2027", D(2027, 1, 4)),
    # --- years: twelve months each ---
    ("year-from-leap-day", D(2024, 2, 29), 1, "year", "library", D(2025, 2, 28)),
    ("year-ends-on-national-day", D(2025, 10, 1), 1, "year", "library", D(2026, 10, 8)),
    ("years-plain-weekday", D(2024, 6, 3), 2, "year", "library", D(2026, 6, 3)),
]
PROVISIONAL_CASES = [
    ("wd-2027-unknown", D(2026, 12, 28), 10, "working_day", D(2027, 1, 11)),
    ("day-2027-unknown-friday", D(2026, 12, 28), 4, "day", D(2027, 1, 1)),
    ("day-2027-unknown-weekend", D(2026, 12, 28), 5, "day", D(2027, 1, 4)),
    ("month-2027-unknown-weekday", D(2026, 12, 28), 1, "month", D(2027, 1, 28)),
    ("month-2027-unknown-sunday", D(2026, 12, 31), 1, "month", D(2027, 2, 1)),
    ("year-2027-unknown-new-year", D(2026, 1, 1), 1, "year", D(2027, 1, 1)),
]


@pytest.mark.parametrize(
    ("start", "n", "unit", "calendar", "due_on"),
    [pytest.param(*case[1:], id=case[0]) for case in CASES],
)
def test_known_deadlines(start, n, unit, calendar, due_on):
    result = deadline(start, n, unit, CALENDARS[calendar])
    assert result.due_on == due_on
    assert result.due_at is None
    assert result.provisional is False
    assert result.unknown_years == ()
    assert f"截止于{due_on.year}年{due_on.month}月{due_on.day}日" in result.explanation or (
        f"顺延至{due_on.year}年{due_on.month}月{due_on.day}日" in result.explanation
    )
    assert "暂定" not in result.explanation


@pytest.mark.parametrize(
    ("start", "n", "unit", "due_on"),
    [pytest.param(*case[1:], id=case[0]) for case in PROVISIONAL_CASES],
)
def test_unknown_year_is_provisional_and_counted_on_weekdays(start, n, unit, due_on):
    result = deadline(start, n, unit, OfficialCalendar())
    assert result.due_on == due_on
    assert result.provisional is True
    assert result.unknown_years == (2027,)
    assert result.explanation.endswith(
        "2027年的官方节假日安排尚未载入，暂按周一至周五为工作日计算，为暂定期限。"
    )


def test_unknown_years_are_all_listed():
    result = deadline(D(2026, 1, 5), 3650, Unit.WORKING_DAY, OfficialCalendar())
    assert result.provisional
    assert result.unknown_years == tuple(range(2027, result.due_on.year + 1))
    assert "2027、2028、" in result.explanation


@pytest.mark.parametrize(
    ("start", "n", "unit", "calendar", "explanation"),
    [
        pytest.param(
            D(2026, 9, 30),
            10,
            "working_day",
            "library",
            "自2026年9月30日的次日起计算10个工作日（不计开始当日，跳过周末和法定节假日，"
            "调休上班日计入），截止于2026年10月20日。",
            id="working-days",
        ),
        pytest.param(
            D(2026, 9, 30),
            3,
            "day",
            "library",
            "自2026年9月30日的次日起计算3日（不计开始当日），期限最后一日2026年10月3日为"
            "法定节假日（国庆节），顺延至2026年10月8日（民法典第二百零三条）。",
            id="day-moved-off-national-day",
        ),
        pytest.param(
            D(2025, 10, 1),
            5,
            "day",
            "library",
            "自2025年10月1日的次日起计算5日（不计开始当日），期限最后一日2025年10月6日为"
            "法定节假日（中秋节），顺延至2025年10月9日（民法典第二百零三条）。",
            id="day-moved-off-mid-autumn",
        ),
        pytest.param(
            D(2025, 11, 10),
            5,
            "day",
            "library",
            "自2025年11月10日的次日起计算5日（不计开始当日），期限最后一日2025年11月15日为"
            "休息日，顺延至2025年11月17日（民法典第二百零三条）。",
            id="day-moved-off-weekend",
        ),
        pytest.param(
            D(2025, 9, 30),
            1,
            "day",
            "override_2025",
            "自2025年9月30日的次日起计算1日（不计开始当日），期限最后一日2025年10月1日为"
            "法定节假日，顺延至2025年10月2日（民法典第二百零三条）。",
            id="day-loaded-year-has-no-names",
        ),
        pytest.param(
            D(2025, 10, 1),
            10,
            "day",
            "library",
            "自2025年10月1日的次日起计算10日（不计开始当日），截止于2025年10月11日。",
            id="day-not-moved",
        ),
        pytest.param(
            D(2026, 12, 28),
            10,
            "working_day",
            "library",
            "自2026年12月28日的次日起计算10个工作日（不计开始当日，跳过周末和法定节假日，"
            "调休上班日计入），截止于2027年1月11日。2027年的官方节假日安排尚未载入，"
            "暂按周一至周五为工作日计算，为暂定期限。",
            id="provisional",
        ),
        pytest.param(
            D(2026, 3, 15),
            1,
            "month",
            "library",
            "自2026年3月15日的次日起计算1个月（不计开始当日；到期月的对应日为期间的最后一日，"
            "民法典第二百零二条），截止于2026年4月15日。",
            id="month",
        ),
        pytest.param(
            D(2026, 3, 31),
            1,
            "month",
            "library",
            "自2026年3月31日的次日起计算1个月（不计开始当日；到期月没有对应日，以月末日为期间的"
            "最后一日，民法典第二百零二条），截止于2026年4月30日。",
            id="month-no-corresponding-day",
        ),
        pytest.param(
            D(2026, 9, 1),
            1,
            "month",
            "library",
            "自2026年9月1日的次日起计算1个月（不计开始当日；到期月的对应日为期间的最后一日，"
            "民法典第二百零二条），期限最后一日2026年10月1日为法定节假日（国庆节），"
            "顺延至2026年10月8日（民法典第二百零三条）。",
            id="month-moved-off-national-day",
        ),
        pytest.param(
            D(2024, 2, 29),
            1,
            "year",
            "library",
            "自2024年2月29日的次日起计算1年（不计开始当日；到期月没有对应日，以月末日为期间的"
            "最后一日，民法典第二百零二条），截止于2025年2月28日。",
            id="year-from-leap-day",
        ),
        pytest.param(
            datetime(2025, 9, 30, 22, 30),
            5,
            "hour",
            "library",
            "自2025年9月30日 22:30起计算5小时（自该时刻起算，民法典第二百零一条第二款），"
            "截止于2025年10月1日 03:30（北京时间）。",
            id="hours",
        ),
    ],
)
def test_explanation(start, n, unit, calendar, explanation):
    assert deadline(start, n, unit, CALENDARS[calendar]).explanation == explanation


@pytest.mark.parametrize(
    ("start", "n", "due_at"),
    [
        pytest.param(
            datetime(2025, 9, 30, 22, 30),
            5,
            datetime(2025, 10, 1, 3, 30, tzinfo=SHANGHAI),
            id="naive-crosses-midnight-into-holiday",
        ),
        pytest.param(
            D(2025, 10, 1), 24, datetime(2025, 10, 2, tzinfo=SHANGHAI), id="date-is-00:00"
        ),
        pytest.param(
            datetime(2025, 9, 30, 20, tzinfo=UTC),
            1,
            datetime(2025, 10, 1, 5, tzinfo=SHANGHAI),
            id="aware-utc",
        ),
        pytest.param(
            datetime(2026, 12, 31, 23),
            2,
            datetime(2027, 1, 1, 1, tzinfo=SHANGHAI),
            id="into-unknown-year-not-provisional",
        ),
        pytest.param(
            datetime(2025, 1, 1), 8760, datetime(2026, 1, 1, tzinfo=SHANGHAI), id="max-hours"
        ),
    ],
)
def test_hours(start, n, due_at):
    result = deadline(start, n, Unit.HOUR, OfficialCalendar())
    assert result == Deadline(due_at.date(), due_at, False, result.explanation, ())
    assert result.due_at.tzinfo is SHANGHAI
    assert result.due_at.utcoffset() == timedelta(hours=8)


@pytest.mark.parametrize(
    ("n", "unit", "message"),
    [
        (0, "working_day", "n：须为 1 至 3650 的整数"),
        (-1, "day", "n：须为 1 至 3650 的整数"),
        (3651, "day", "n：须为 1 至 3650 的整数"),
        (1.5, "day", "n：须为 1 至 3650 的整数"),
        ("3", "day", "n：须为 1 至 3650 的整数"),
        (True, "day", "n：须为 1 至 3650 的整数"),
        (None, "working_day", "n：须为 1 至 3650 的整数"),
        (0, "hour", "n：须为 1 至 8760 的整数"),
        (8761, "hour", "n：须为 1 至 8760 的整数"),
        (0, "month", "n：须为 1 至 120 的整数"),
        (121, "month", "n：须为 1 至 120 的整数"),
        (11, "year", "n：须为 1 至 10 的整数"),
        (1.0, "year", "n：须为 1 至 10 的整数"),
        (3, "week", "unit：须为 working_day、day、hour、month 或 year"),
        (3, "", "unit：须为 working_day、day、hour、month 或 year"),
        (3, "Day", "unit：须为 working_day、day、hour、month 或 year"),
        (3, "Month", "unit：须为 working_day、day、hour、month 或 year"),
        (3, None, "unit：须为 working_day、day、hour、month 或 year"),
        (0, "week", "unit：须为 working_day、day、hour、month 或 year"),  # unit checked first
    ],
    ids=lambda v: repr(v),
)
def test_bad_arguments(n, unit, message):
    with pytest.raises(ValueError) as excinfo:
        deadline(D(2025, 1, 1), n, unit, OfficialCalendar())
    assert str(excinfo.value) == message


@pytest.mark.parametrize(
    ("n", "unit"),
    [
        (1, Unit.DAY),
        (3650, "day"),
        (3650, "working_day"),
        (8760, "hour"),
        (1, Unit.HOUR),
        (120, "month"),
        (1, Unit.MONTH),
        (10, "year"),
        (1, Unit.YEAR),
    ],
    ids=lambda v: repr(v),
)
def test_boundary_arguments_accepted(n, unit):
    assert deadline(D(2025, 1, 1), n, unit, OfficialCalendar()).due_on >= D(2025, 1, 1)


@pytest.mark.parametrize(
    ("start", "months", "last", "corresponding"),
    [
        (D(2026, 1, 15), 1, D(2026, 2, 15), True),
        (D(2026, 1, 29), 1, D(2026, 2, 28), False),
        (D(2024, 1, 29), 1, D(2024, 2, 29), True),
        (D(2024, 1, 30), 1, D(2024, 2, 29), False),
        (D(2026, 5, 31), 1, D(2026, 6, 30), False),
        (D(2026, 6, 30), 1, D(2026, 7, 30), True),  # the 30th, not July's end
        (D(2026, 12, 31), 1, D(2027, 1, 31), True),
        (D(2026, 11, 30), 14, D(2028, 1, 30), True),
        (D(2026, 8, 31), 6, D(2027, 2, 28), False),
        (D(2027, 8, 31), 6, D(2028, 2, 29), False),
        (D(9999, 11, 30), 1, D(9999, 12, 30), True),
    ],
    ids=lambda v: str(v),
)
def test_add_months_takes_the_corresponding_day_or_the_month_end(
    start, months, last, corresponding
):
    assert add_months(start, months) == (last, corresponding)


def test_past_the_year_9999_is_an_overflow():
    with pytest.raises(OverflowError):
        add_months(D(9999, 12, 1), 1)
    with pytest.raises(OverflowError):
        deadline(D(9999, 6, 1), 1, "year", OfficialCalendar())
    with pytest.raises(OverflowError):
        deadline(D(9999, 12, 1), 1, "month", OfficialCalendar())
    assert deadline(D(9999, 11, 30), 1, "month", OfficialCalendar()).due_on == D(9999, 12, 30)


def test_month_deadlines_over_three_years_keep_the_rules():
    """Every start day of 2024–2026 and 1, 2, 12 months: the last day is the corresponding day
    (or the month's end), the due day is a working day, and every day between is a day off."""
    calendar = OfficialCalendar()
    day = D(2024, 1, 1)
    while day <= D(2026, 12, 31):
        for months in (1, 2, 12):
            result = deadline(day, months, "month", calendar)
            last, corresponding = add_months(day, months)
            assert last.day == day.day if corresponding else last.day < day.day
            assert (last.month - day.month - months) % 12 == 0
            if result.provisional:
                assert result.unknown_years == (2027,)
                continue
            assert calendar.is_workday(result.due_on)
            between = (last + timedelta(days=i) for i in range((result.due_on - last).days))
            assert not any(calendar.is_workday(d) for d in between)
        day += timedelta(days=1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("", [], id="empty"),
        pytest.param("2027-01-01", [D(2027, 1, 1)], id="one"),
        pytest.param(
            "2027-01-03，2027-01-01、2027-01-02,2027-01-04",
            [D(2027, 1, 1), D(2027, 1, 2), D(2027, 1, 3), D(2027, 1, 4)],
            id="commas-sorted",
        ),
        pytest.param(
            " 2027-01-02\n2027-01-01  2027-01-02\t", [D(2027, 1, 1), D(2027, 1, 2)], id="dedup"
        ),
        pytest.param("2027-01-01~2027-01-03", sorted(days(D(2027, 1, 1), D(2027, 1, 3))), id="~"),
        pytest.param(
            "2027-01-01 至 2027-01-03", sorted(days(D(2027, 1, 1), D(2027, 1, 3))), id="至"
        ),
        pytest.param(
            "2027-01-30--2027-02-02", sorted(days(D(2027, 1, 30), D(2027, 2, 2))), id="--"
        ),
        pytest.param("2027/1/1, 2027.1.2", [D(2027, 1, 1), D(2027, 1, 2)], id="slash-dot"),
        pytest.param(
            "2027年1月1日至2027年1月3日、2027年2月6日",
            [D(2027, 1, 1), D(2027, 1, 2), D(2027, 1, 3), D(2027, 2, 6)],
            id="年月日",
        ),
        pytest.param("2027-02-06~2027-02-06", [D(2027, 2, 6)], id="one-day-range"),
        pytest.param(
            "2027-01-01~2027-03-01", sorted(days(D(2027, 1, 1), D(2027, 3, 1))), id="60-days"
        ),
        pytest.param(
            "2026-12-31~2027-01-02, 2027-01-01",
            [D(2026, 12, 31), D(2027, 1, 1), D(2027, 1, 2)],
            id="range-over-year-end",
        ),
    ],
)
def test_parse_days(text, expected):
    assert parse_days(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2027-13-01", "无法识别的日期：“2027-13-01”"),
        ("2027-02-29", "无法识别的日期：“2027-02-29”"),
        ("2027-1", "无法识别的日期：“2027-1”"),
        ("27-01-01", "无法识别的日期：“27-01-01”"),
        ("2027-01/01", "无法识别的日期：“2027-01/01”"),
        ("2027年1月1", "无法识别的日期：“2027年1月1”"),
        ("tomorrow", "无法识别的日期：“tomorrow”"),
        ("2027-01-01, 2027-0l-02", "无法识别的日期：“2027-0l-02”"),
        ("2027-01-01~", "无法识别的日期：“2027-01-01~”"),
        ("2027-01-01~2027-01-02~2027-01-03", "无法识别的日期：“2027-01-01~2027-01-02~2027-01-03”"),
        ("2027-01-05~2027-01-01", "日期范围的结束早于开始：“2027-01-05~2027-01-01”"),
        ("2027-01-01 至 2027-03-02", "日期范围超过60天：“2027-01-01至2027-03-02”"),
    ],
    ids=lambda v: v,
)
def test_parse_days_rejects(text, message):
    with pytest.raises(ValueError) as excinfo:
        parse_days(text)
    assert str(excinfo.value) == message


def test_module_is_pure():
    code = (
        "import sys, inspections.findings.workdays; "
        "print(sorted({'flask', 'sqlalchemy'} & set(sys.modules)))"
    )
    root = Path(__file__).resolve().parent.parent
    out = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True)
    assert out.stdout.strip() == "[]", out.stderr


# --- a period that has run (date_pair answers), the days the phone needs --------------------------


@pytest.mark.parametrize(
    ("start", "end", "n", "unit", "counted", "end_works", "on_time", "makeup", "holidays"),
    [
        # 国庆 2026: Oct 1–7 off, Sat Oct 10 worked
        (D(2026, 10, 8), D(2026, 10, 14), 3, "working_day", 5, True, False, [D(2026, 10, 10)], []),
        (D(2026, 9, 30), D(2026, 10, 11), 3, "working_day", 3, False, False,
         [D(2026, 10, 10)], sorted(days(D(2026, 10, 1), D(2026, 10, 7)))),
        (D(2026, 9, 30), D(2026, 10, 10), 3, "working_day", 3, True, True, [D(2026, 10, 10)],
         sorted(days(D(2026, 10, 1), D(2026, 10, 7)))),
        (D(2026, 10, 8), D(2026, 10, 8), 3, "working_day", 0, True, True, [], []),
        # days: the last day Oct 3 is a holiday, the period ends on Oct 8
        (D(2026, 9, 28), D(2026, 10, 8), 5, "day", 10, True, True, [],
         sorted(days(D(2026, 10, 1), D(2026, 10, 7)))),
        (D(2026, 9, 28), D(2026, 10, 9), 5, "day", 11, True, False, [],
         sorted(days(D(2026, 10, 1), D(2026, 10, 7)))),
    ],
)  # fmt: skip
def test_elapsed_counts_up_to_the_end(
    start, end, n, unit, counted, end_works, on_time, makeup, holidays
):
    run = workdays_core.elapsed(start, end, n, unit, CALENDARS["library"])
    assert (run.counted, run.end_works, run.on_time) == (counted, end_works, on_time)
    assert (list(run.makeup), list(run.holidays)) == (makeup, holidays)
    assert run.due == deadline(start, n, unit, CALENDARS["library"])
    assert run.unknown_years == ()


def test_elapsed_far_apart_unknown_years_and_refusals():
    far = workdays_core.elapsed(D(2010, 1, 4), D(2026, 1, 5), 3, "working_day", OfficialCalendar())
    assert far.counted is None and not far.on_time and far.due.due_on == D(2010, 1, 7)
    late = workdays_core.elapsed(D(9999, 12, 1), D(9999, 12, 31), 3650, "day", OfficialCalendar())
    assert late.due is None and late.on_time and late.last_day is None
    ahead = workdays_core.elapsed(
        D(2026, 12, 30), D(2027, 1, 5), 3, "working_day", CALENDARS["library"]
    )
    assert ahead.unknown_years == (2027,) and ahead.counted == 4
    loaded = workdays_core.elapsed(
        D(2026, 12, 30), D(2027, 1, 5), 3, "working_day", CALENDARS["loaded_2027"]
    )
    assert (loaded.unknown_years, loaded.counted, loaded.on_time) == ((), 3, True)
    assert list(loaded.holidays) == sorted(days(D(2027, 1, 1), D(2027, 1, 3)))
    for args in [("hour",), ("month",)]:
        with pytest.raises(ValueError):
            workdays_core.elapsed(D(2026, 1, 5), D(2026, 1, 6), 3, args[0], OfficialCalendar())
    with pytest.raises(ValueError):
        workdays_core.elapsed(D(2026, 1, 6), D(2026, 1, 5), 3, "day", OfficialCalendar())


@pytest.mark.parametrize(
    ("calendar", "first", "last", "off", "on"),
    [
        ("library", D(2026, 9, 14), D(2026, 10, 12),  # 中秋 Sept 25–27, 国庆 Oct 1–7
         [D(2026, 9, 25), *(D(2026, 10, d) for d in (1, 2, 5, 6, 7))],
         [D(2026, 9, 20), D(2026, 10, 10)]),
        ("library", D(2026, 2, 9), D(2026, 3, 1),
         [D(2026, 2, d) for d in (16, 17, 18, 19, 20, 23)], [D(2026, 2, 14), D(2026, 2, 28)]),
        ("library", D(2027, 1, 1), D(2027, 1, 10), [], []),  # unknown: Mon–Fri
        ("loaded_2027", D(2027, 1, 1), D(2027, 1, 10), [D(2027, 1, 1)], []),
        ("override_2025", D(2025, 9, 28), D(2025, 11, 16), [D(2025, 10, 1)], [D(2025, 11, 15)]),
    ],
)  # fmt: skip
def test_deviations_are_the_days_that_break_monday_to_friday(calendar, first, last, off, on):
    assert workdays_core.deviations(CALENDARS[calendar], first, last) == (off, on)


def test_holiday_names_and_the_reexport():
    calendar = CALENDARS["library"]
    assert calendar.holiday_name(D(2026, 10, 3)) == "国庆节"
    assert calendar.holiday_name(D(2026, 10, 10)) is None
    assert calendar.holiday_name(D(2026, 10, 11)) is None  # a plain Sunday
    assert CALENDARS["loaded_2027"].holiday_name(D(2027, 1, 2)) == ""
    assert CALENDARS["override_2025"].holiday_name(D(2025, 10, 2)) is None  # the override wins
    assert findings_workdays.OfficialCalendar is OfficialCalendar
    assert findings_workdays.deadline is workdays_core.deadline


def test_the_core_module_is_pure():
    code = (
        "import sys, checklists.core.workdays; "
        "print(sorted({'flask', 'sqlalchemy'} & set(sys.modules)))"
    )
    root = Path(__file__).resolve().parent.parent
    out = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True)
    assert out.stdout.strip() == "[]", out.stderr
