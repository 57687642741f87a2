"""Recurrence rules of scheduled inspections (pure): each rule kind, month ends, the official
calendar's working days, the period an occurrence is for, what a clause's frequency suggests;
and properties over generated rules and windows."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checklists.core.workdays import OfficialCalendar, YearRule
from inspections.scheduling.rules import (
    OccurrenceStatus,
    Recurrence,
    from_requirement,
    is_occurrence,
    label_for,
    limits,
    occurrences,
    period_for,
    span,
    status,
)
from inspections.scheduling.rules import Rule as R
from inspections.spotcheck.frequency import Period

D = dt.date
M, Q, Y = Period.MONTH, Period.QUARTER, Period.YEAR
DAY, LWD, NEXT, WEEKS = (
    Recurrence.DAY,
    Recurrence.LAST_WORKING_DAY,
    Recurrence.FOLLOWING_MONTH,
    Recurrence.WEEKS,
)
#: 2031 is beyond the bundled calendar; an administrator loaded it with 5月30日 off.
LOADED = OfficialCalendar([YearRule(2031, frozenset({D(2031, 5, 30)}), frozenset())])


@pytest.mark.parametrize(
    ("rule", "start", "end", "expected"),
    [
        # every month on day N, clamped to the month's last day
        (
            R(DAY, M, day=20),
            D(2026, 1, 1),
            D(2026, 3, 31),
            [D(2026, 1, 20), D(2026, 2, 20), D(2026, 3, 20)],
        ),
        (
            R(DAY, M, day=31),
            D(2026, 1, 1),
            D(2026, 4, 30),
            [D(2026, 1, 31), D(2026, 2, 28), D(2026, 3, 31), D(2026, 4, 30)],
        ),
        (R(DAY, M, day=30), D(2024, 2, 1), D(2024, 2, 29), [D(2024, 2, 29)]),  # leap year
        # the window's own ends count
        (R(DAY, M, day=20), D(2026, 1, 20), D(2026, 2, 19), [D(2026, 1, 20)]),
        (R(DAY, M, day=20), D(2026, 1, 21), D(2026, 2, 19), []),
        # 每季度第一个月的20日前 (临政办字〔2016〕14号) and the quarter's last month
        (
            R(DAY, Q, day=20, month=1),
            D(2026, 1, 1),
            D(2026, 12, 31),
            [D(2026, 1, 20), D(2026, 4, 20), D(2026, 7, 20), D(2026, 10, 20)],
        ),
        (
            R(DAY, Q, day=31, month=3),
            D(2026, 1, 1),
            D(2026, 12, 31),
            [D(2026, 3, 31), D(2026, 6, 30), D(2026, 9, 30), D(2026, 12, 31)],
        ),
        (
            R(DAY, Q, day=15, month=2),
            D(2026, 3, 1),
            D(2026, 9, 1),
            [D(2026, 5, 15), D(2026, 8, 15)],
        ),
        # every year on a date (29 February: the 28th in a common year)
        (
            R(DAY, Y, day=29, month=2),
            D(2024, 1, 1),
            D(2026, 12, 31),
            [D(2024, 2, 29), D(2025, 2, 28), D(2026, 2, 28)],
        ),
        (R(DAY, Y, day=31, month=3), D(2026, 4, 1), D(2027, 3, 31), [D(2027, 3, 31)]),
        # the last working day: a Saturday off (2026-01-31), a Saturday worked (调休 2026-02-28),
        # the Spring Festival (2025-01-28 onwards), a Sunday (2026-05-31)
        (R(LWD, M), D(2026, 1, 1), D(2026, 2, 28), [D(2026, 1, 30), D(2026, 2, 28)]),
        (R(LWD, M), D(2025, 1, 1), D(2025, 1, 31), [D(2025, 1, 27)]),
        (R(LWD, M), D(2026, 5, 1), D(2026, 5, 31), [D(2026, 5, 29)]),
        (R(LWD, Q), D(2023, 10, 1), D(2023, 12, 31), [D(2023, 12, 29)]),
        (R(LWD, Y), D(2026, 1, 1), D(2026, 12, 31), [D(2026, 12, 31)]),
        # 次月5日前, and after a quarter / a year
        (
            R(NEXT, M, day=5),
            D(2026, 1, 1),
            D(2026, 3, 31),
            [D(2026, 1, 5), D(2026, 2, 5), D(2026, 3, 5)],
        ),
        (
            R(NEXT, Q, day=5),
            D(2026, 1, 1),
            D(2026, 12, 31),
            [D(2026, 1, 5), D(2026, 4, 5), D(2026, 7, 5), D(2026, 10, 5)],
        ),
        (R(NEXT, Y, day=31), D(2026, 1, 1), D(2027, 12, 31), [D(2026, 1, 31), D(2027, 1, 31)]),
        # every N weeks on a weekday, the first on or after the anchor (a Wednesday)
        (
            R(WEEKS, weeks=2, weekday=0, anchor=D(2026, 11, 25)),
            D(2026, 11, 1),
            D(2026, 12, 31),
            [D(2026, 11, 30), D(2026, 12, 14), D(2026, 12, 28)],
        ),
        (
            R(WEEKS, weeks=1, weekday=2, anchor=D(2026, 11, 25)),
            D(2026, 11, 1),
            D(2026, 12, 9),
            [D(2026, 11, 25), D(2026, 12, 2), D(2026, 12, 9)],
        ),
        (
            # 2026-01-01 is a Thursday: the first Friday is 1月2日, then every 21 days
            R(WEEKS, weeks=3, weekday=4, anchor=D(2026, 1, 1)),
            D(2026, 2, 1),
            D(2026, 3, 31),
            [D(2026, 2, 13), D(2026, 3, 6), D(2026, 3, 27)],
        ),
        # an empty window; the calendar's last days (no year 10000 is ever made)
        (R(DAY, M, day=1), D(2026, 2, 1), D(2026, 1, 31), []),
        (R(DAY, M, day=31), D(9999, 11, 1), D(9999, 12, 31), [D(9999, 11, 30), D(9999, 12, 31)]),
        (R(WEEKS, weekday=6, anchor=D(9999, 12, 30)), D(9999, 1, 1), D.max, []),
        (R(NEXT, M, day=5), D(1, 1, 1), D(1, 2, 28), [D(1, 1, 5), D(1, 2, 5)]),
    ],
)
def test_occurrences(rule, start, end, expected):
    assert occurrences(rule, start, end) == expected


@pytest.mark.parametrize(
    ("rule", "start", "end", "expected"),
    [
        # a year the bundled calendar does not know: Monday to Friday (2031-05-31 is a Saturday)
        (R(LWD, M), D(2031, 5, 1), D(2031, 5, 31), [D(2031, 5, 30)]),
    ],
)
def test_unknown_years_count_monday_to_friday(rule, start, end, expected):
    assert occurrences(rule, start, end) == expected


def test_a_loaded_year_overrides_the_weekdays():
    assert occurrences(R(LWD, M), D(2031, 5, 1), D(2031, 5, 31), LOADED) == [D(2031, 5, 29)]


@pytest.mark.parametrize(
    ("rule", "due", "expected"),
    [
        (R(DAY, M, day=20), D(2026, 2, 20), (D(2026, 2, 1), D(2026, 2, 28))),
        (R(DAY, Q, day=20), D(2026, 4, 20), (D(2026, 4, 1), D(2026, 6, 30))),
        (R(LWD, Y), D(2026, 12, 31), (D(2026, 1, 1), D(2026, 12, 31))),
        # 次月5日前: the month before; after a quarter: the quarter before
        (R(NEXT, M, day=5), D(2026, 3, 5), (D(2026, 2, 1), D(2026, 2, 28))),
        (R(NEXT, Q, day=5), D(2026, 4, 5), (D(2026, 1, 1), D(2026, 3, 31))),
        (R(NEXT, Y, day=5), D(2026, 1, 5), (D(2025, 1, 1), D(2025, 12, 31))),
        (R(NEXT, M, day=5), D(1, 1, 5), (D(1, 1, 1), D(1, 1, 5))),  # no month before
        # every 2 weeks: the 14 days up to the due day
        (R(WEEKS, weeks=2), D(2026, 11, 30), (D(2026, 11, 17), D(2026, 11, 30))),
        (R(WEEKS, weeks=2), D(1, 1, 3), (D.min, D(1, 1, 3))),
    ],
)
def test_the_period_an_occurrence_is_for(rule, due, expected):
    assert period_for(rule, due) == expected


@pytest.mark.parametrize(
    ("rule", "due", "label"),
    [
        (R(DAY, M, day=20), D(2026, 11, 20), "2026年11月"),
        (R(NEXT, Q, day=5), D(2027, 1, 5), "2026年第4季度"),
        (R(LWD, Y), D(2026, 12, 31), "2026年"),
        (R(WEEKS, weeks=2), D(2026, 11, 30), "2026年11月17日至11月30日"),
    ],
)
def test_period_labels(rule, due, label):
    assert label_for(rule, due) == label


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        (R(DAY, M, day=20), "每月20日前"),
        (R(DAY, M, day=31), "每月31日前（当月没有该日的，为月末）"),
        (R(DAY, Q, day=20, month=1), "每季度第一个月的20日前"),
        (R(DAY, Y, day=31, month=3), "每年3月31日前（当月没有该日的，为月末）"),
        (R(LWD, M), "每月最后一个工作日前"),
        (R(LWD, Q), "每季度最后一个工作日前"),
        (R(NEXT, M, day=5), "每月一次，次月5日前"),
        (R(NEXT, Q, day=10), "每季度一次，季度结束后次月10日前"),
        (R(NEXT, Y, day=15), "每年一次，次年1月15日前"),
        (R(WEEKS, weekday=0), "每周星期一"),
        (R(WEEKS, weeks=2, weekday=6), "每2周的星期日"),
    ],
)
def test_describe(rule, text):
    assert rule.describe() == text


@pytest.mark.parametrize(
    ("kind", "period", "fields"),
    [
        (DAY, M, {"day": (1, 31), "month": (1, 1)}),
        (DAY, Q, {"day": (1, 31), "month": (1, 3)}),
        (DAY, Y, {"day": (1, 31), "month": (1, 12)}),
        (LWD, Q, {}),
        (NEXT, Y, {"day": (1, 31)}),
        (WEEKS, M, {"weeks": (1, 52), "weekday": (0, 6)}),
    ],
)
def test_limits_name_what_each_kind_reads(kind, period, fields):
    assert limits(kind, period) == fields


@pytest.mark.parametrize(
    "fields",
    [
        {"kind": DAY, "period": Q, "month": 4},
        {"kind": DAY, "day": 0},
        {"kind": DAY, "day": 32},
        {"kind": WEEKS, "weeks": 0},
        {"kind": WEEKS, "weekday": 7},
        {"kind": NEXT, "day": 40},
    ],
)
def test_a_rule_out_of_range_is_refused(fields):
    with pytest.raises(ValueError, match="out of range"):
        R(**fields)


@pytest.mark.parametrize(
    ("rule", "canonical"),
    [
        (R(WEEKS, Y, day=30, month=5, weeks=3, weekday=2), R(WEEKS, M, weeks=3, weekday=2)),
        (R(LWD, Q, day=9, month=2, weeks=4, weekday=5), R(LWD, Q)),
        (R(NEXT, Y, day=9, month=2), R(NEXT, Y, day=9)),
        (R(DAY, Q, day=9, month=2, weekday=5), R(DAY, Q, day=9, month=2)),
    ],
)
def test_canonical_resets_what_the_kind_does_not_read(rule, canonical):
    assert rule.canonical() == canonical


@pytest.mark.parametrize(
    ("per", "due", "expected"),
    [
        ("month", None, R(LWD, M)),  # 每月至少组织一次 (冠政发〔2016〕109号 五（三）)
        ("quarter", None, R(LWD, Q)),
        ("year", None, R(LWD, Y)),
        ("month", {"rule": "next_month_day", "day": 5}, R(NEXT, M, day=5)),
        ("month", {"rule": "monthly_day", "day": 20}, R(DAY, M, day=20, month=1)),  # 每月20日前
        ("quarter", {"rule": "monthly_day", "day": 20}, R(LWD, Q)),  # (not a quarter's day)
        ("quarter", {"rule": "quarter_first_month_day", "day": 20}, R(DAY, Q, day=20, month=1)),
        # 每季度末月25日前: the quarter's third month's day
        ("quarter", {"rule": "quarter_last_month_day", "day": 25}, R(DAY, Q, day=25, month=3)),
        ("month", {"rule": "quarter_last_month_day", "day": 25}, R(LWD, M)),
        ("year", {"rule": "yearly_date", "month": 3, "day": 31}, R(DAY, Y, day=31, month=3)),
        # 每季度末: the quarter's last day (31: a 30-day month's last)
        ("quarter", {"rule": "quarter_end"}, R(DAY, Q, day=31, month=3)),
        ("month", {"rule": "quarter_end"}, R(LWD, M)),
        # 每月最后一个工作日前: the month's last working day
        ("month", {"rule": "monthly_last_working_day"}, R(LWD, M)),
        ("year", {"rule": "monthly_last_working_day"}, R(LWD, Y)),
        # 每周五前: every Friday
        ("week", {"rule": "weekly_day", "weekday": 4}, R(Recurrence.WEEKS, weeks=1, weekday=4)),
        ("week", {"rule": "weekly_day", "weekday": 9}, None),
        # a due rule that does not fit the period: the period's last working day
        ("month", {"rule": "quarter_first_month_day", "day": 20}, R(LWD, M)),
        ("month", {"rule": "next_month_day", "day": 45}, R(LWD, M)),
        # periods no schedule has
        ("week", None, None),
        ("batch", None, None),
        ("day", None, None),
        (None, None, None),
    ],
)
def test_what_an_extracted_frequency_suggests(per, due, expected):
    assert from_requirement(per, due) == expected


@pytest.mark.parametrize(
    ("due_on", "done", "expected"),
    [
        (D(2026, 11, 24), False, OccurrenceStatus.OVERDUE),
        (D(2026, 11, 25), False, OccurrenceStatus.DUE),  # due today: still 待检
        (D(2026, 11, 26), False, OccurrenceStatus.DUE),
        (D(2026, 11, 24), True, OccurrenceStatus.DONE),
        (D(2026, 11, 26), True, OccurrenceStatus.DONE),
    ],
)
def test_status(due_on, done, expected):
    assert status(due_on, D(2026, 11, 25), done) == expected


@pytest.mark.parametrize(
    ("day", "period", "expected"),
    [
        (D(2026, 2, 14), M, (D(2026, 2, 1), D(2026, 2, 28))),
        (D(2026, 8, 14), Q, (D(2026, 7, 1), D(2026, 9, 30))),
        (D(9999, 12, 31), Y, (D(9999, 1, 1), D(9999, 12, 31))),
    ],
)
def test_span(day, period, expected):
    assert span(day, period) == expected


# --- properties -------------------------------------------------------------------------------

days = st.dates(min_value=D(1990, 1, 1), max_value=D(2040, 12, 31))
monthly_kinds = st.sampled_from([DAY, LWD, NEXT])
periods = st.sampled_from([M, Q, Y])


@st.composite
def rules_(draw):
    kind = draw(st.sampled_from(list(Recurrence)))
    if kind == WEEKS:
        return R(
            WEEKS,
            weeks=draw(st.integers(1, 52)),
            weekday=draw(st.integers(0, 6)),
            anchor=draw(days),
        )
    period = draw(periods)
    size = {M: 1, Q: 3, Y: 12}[period]
    return R(kind, period, day=draw(st.integers(1, 31)), month=draw(st.integers(1, size)))


@settings(max_examples=300, deadline=None)
@given(rules_(), days, st.integers(0, 800))
def test_occurrences_are_sorted_distinct_and_inside_the_window(rule, start, length):
    end = start + dt.timedelta(days=length)
    found = occurrences(rule, start, end)
    assert found == sorted(set(found))
    assert all(start <= day <= end for day in found)
    assert all(is_occurrence(rule, day) for day in found)


@settings(max_examples=300, deadline=None)
@given(rules_(), days, st.integers(0, 800))
def test_each_period_inside_the_window_has_exactly_one(rule, start, length):
    """Periods never overlap, so each occurrence is for a period of its own; and a period
    whose due day must fall inside the window has exactly one occurrence."""
    end = start + dt.timedelta(days=length)
    found = occurrences(rule, start, end)
    periods_ = [period_for(rule, day) for day in found]
    assert all(a[1] < b[0] for a, b in zip(periods_, periods_[1:], strict=False))
    if rule.kind == WEEKS:
        assert all((b - a).days == 7 * rule.weeks for a, b in zip(found, found[1:], strict=False))
        if start >= rule.anchor:
            assert len(found) >= (length + 1) // (7 * rule.weeks)
        return
    # every month, quarter or year of the window: the month the rule falls due in is inside
    # the window entirely, so it has its one occurrence
    month = D(start.year, start.month, 1)
    while month <= end:
        nxt = span(month, Period.MONTH)[1] + dt.timedelta(days=1)
        inside = [d for d in found if month <= d < nxt]
        assert len(inside) <= 1
        if start <= month and nxt - dt.timedelta(days=1) <= end:
            due_here = occurrences(rule, month, nxt - dt.timedelta(days=1))
            assert inside == due_here
        month = nxt
    whole_periods = 0
    first = span(start, rule.period)[0]
    while first <= end:
        last = span(first, rule.period)[1]
        if start <= first and last <= end and rule.kind != NEXT:
            whole_periods += 1
            assert len([d for d in found if first <= d <= last]) == 1
        first = last + dt.timedelta(days=1)
    assert len(found) >= whole_periods
