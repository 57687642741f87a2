"""The credit lists' dates as the clauses write them (pure, table-driven)."""

from __future__ import annotations

import datetime as dt

import pytest

from inspections.credit import terms
from inspections.credit.terms import Case, Period
from inspections.findings import workdays

D = dt.date
CAL = workdays.OfficialCalendar()


@pytest.mark.parametrize(
    ("case", "consecutive", "chosen", "years"),
    [
        # 第四条: 自公布之日起1年; consecutive listings from the 2nd: 3 years.
        (Case.VIOLATION, False, None, 1),
        (Case.VIOLATION, True, None, 3),
        # accidents 一般/较大/重大/特别重大: 1/3/5/7 years; the longer term wins.
        (Case.ACCIDENT_GENERAL, False, None, 1),
        (Case.ACCIDENT_GENERAL, True, None, 3),
        (Case.ACCIDENT_LARGER, False, None, 3),
        (Case.ACCIDENT_MAJOR, False, None, 5),
        (Case.ACCIDENT_MAJOR, True, None, 5),
        (Case.ACCIDENT_GRAVE, False, None, 7),
        # 冠政发〔2016〕78号 三（三）10: 1—3 years, chosen.
        (Case.PROCUREMENT, False, 1, 1),
        (Case.PROCUREMENT, False, 3, 3),
    ],
)
def test_term_years(case, consecutive, chosen, years):
    assert terms.term(case, consecutive, chosen).years == years


@pytest.mark.parametrize("chosen", [None, 0, 4])
def test_procurement_term_outside_one_to_three_is_refused(chosen):
    with pytest.raises(ValueError, match="term_years"):
        terms.term(Case.PROCUREMENT, False, chosen)


def test_depot_disqualification_has_no_term():
    with pytest.raises(ValueError):
        terms.term(Case.DEPOT, False)


@pytest.mark.parametrize(
    ("earlier", "day", "expected"),
    [
        ([], D(2026, 5, 1), False),
        # listed again while the first term runs: consecutive
        ([Period(D(2025, 7, 20), D(2026, 7, 20))], D(2026, 5, 1), True),
        # on the term's last day still
        ([Period(D(2025, 7, 20), D(2026, 7, 20))], D(2026, 7, 20), True),
        # after the term ended: a first listing again (3 years only for 连续进入)
        ([Period(D(2024, 1, 20), D(2025, 1, 20))], D(2026, 5, 1), False),
        ([Period(D(2025, 7, 20), D(2026, 7, 20))], D(2026, 7, 21), False),
    ],
)
def test_consecutive_means_within_an_earlier_term(earlier, day, expected):
    assert terms.is_consecutive(earlier, day) is expected


@pytest.mark.parametrize(
    ("published", "years", "ends"),
    [
        # 公布之日起1年: the day itself not counted, the corresponding day (第二百零二条)
        (D(2026, 4, 20), 1, D(2027, 4, 20)),
        (D(2026, 1, 20), 3, D(2029, 1, 20)),
        # no corresponding day: the month's last day
        (D(2024, 2, 29), 1, D(2025, 2, 28)),
        # a term is a state: a last day on a rest day does not move (2027-10-02 is 国庆)
        (D(2026, 10, 2), 1, D(2027, 10, 2)),
    ],
)
def test_end_of_term(published, years, ends):
    assert terms.end_of_term(published, years) == ends


@pytest.mark.parametrize(
    ("ends", "apply_by", "off_on"),
    [
        # 届满前一个月 apply; 届满后的次日 off
        (D(2027, 4, 20), D(2027, 3, 20), D(2027, 4, 21)),
        (D(2027, 3, 31), D(2027, 2, 28), D(2027, 4, 1)),
        (D(2026, 12, 31), D(2026, 11, 30), D(2027, 1, 1)),
    ],
)
def test_removal_request_and_removal_days(ends, apply_by, off_on):
    assert terms.removal_request_due(ends) == apply_by
    assert terms.removal_day(ends) == off_on


@pytest.mark.parametrize(
    ("removed", "published_by"),
    [
        # 15 working days from an ordinary Monday: three weeks later
        (D(2026, 3, 2), D(2026, 3, 23)),
        # across National Day 2025 (10-01..10-08 off; 09-28 and 10-11 worked)
        (D(2025, 9, 26), D(2025, 10, 23)),
        # across Spring Festival 2026 (02-15..02-23 off; 02-14 and 02-28 worked)
        (D(2026, 2, 10), D(2026, 3, 9)),
    ],
)
def test_removal_publication_across_holidays(removed, published_by):
    assert terms.removal_publication_due(removed, CAL).due_on == published_by


@pytest.mark.parametrize(
    ("decided", "due"),
    [
        # 每季度第一个月的20日前: the next 20 Jan/Apr/Jul/Oct, the 20th itself included
        (D(2026, 1, 5), D(2026, 1, 20)),
        (D(2026, 1, 20), D(2026, 1, 20)),
        (D(2026, 1, 21), D(2026, 4, 20)),
        (D(2026, 3, 31), D(2026, 4, 20)),
        (D(2026, 5, 15), D(2026, 7, 20)),
        (D(2026, 10, 21), D(2027, 1, 20)),
        (D(2026, 12, 31), D(2027, 1, 20)),
    ],
)
def test_quarterly_publication_date(decided, due):
    assert terms.publication_due(decided) == due


@pytest.mark.parametrize(
    ("decided", "due"),
    [
        # 于5日内 (calendar days), the day itself not counted: Tuesday + 5 = Sunday → Monday
        (D(2026, 3, 3), D(2026, 3, 9)),
        (D(2026, 3, 4), D(2026, 3, 9)),
        # Monday + 5 = Saturday 03-07 → Monday 03-09 (第二百零三条)
        (D(2026, 3, 2), D(2026, 3, 9)),
        (D(2026, 3, 5), D(2026, 3, 10)),
        # the 5th day, 10-03, falls in National Day 2026 (10-01..10-07 off): 10-08
        (D(2026, 9, 28), D(2026, 10, 8)),
    ],
)
def test_report_to_the_office_in_five_days(decided, due):
    assert terms.office_due(decided, CAL).due_on == due


def test_office_due_moves_off_a_weekend_day():
    # 2026-03-02 + 5 = Saturday 03-07: moves to Monday 03-09 (第二百零三条)
    assert CAL.is_workday(D(2026, 3, 7)) is False
    assert terms.office_due(D(2026, 3, 2), CAL).due_on == D(2026, 3, 9)


@pytest.mark.parametrize(
    ("listed", "pay_by"),
    [
        (D(2026, 3, 2), D(2026, 3, 16)),
        # 10 working days across National Day 2025, with the 09-28 make-up Sunday counted
        (D(2025, 9, 25), D(2025, 10, 15)),
    ],
)
def test_deposit_within_ten_working_days(listed, pay_by):
    assert terms.deposit_due(listed, CAL).due_on == pay_by


def test_depot_rectification_in_a_month():
    # 限期一个月: 2026-08-31 + 1 month = 09-30 (no 31st), a working day
    assert terms.rectification_due(D(2026, 8, 31), CAL).due_on == D(2026, 9, 30)
