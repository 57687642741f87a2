"""Deadlines counted the official Chinese way: ``checklists.core.workdays``, re-exported.

The calendar moved to ``checklists.core`` so that the scoring engine (which may not import
``inspections``) judges ``date_pair`` answers with it; the findings, hazards and interviews
keep importing it from here.
"""

from __future__ import annotations

from checklists.core.workdays import (
    HOLIDAY_NAMES,
    MAX_COUNTED_DAYS,
    MAX_N,
    MAX_RANGE_DAYS,
    SHANGHAI,
    Deadline,
    Elapsed,
    OfficialCalendar,
    Unit,
    YearRule,
    add_months,
    cn_date,
    deadline,
    deviations,
    elapsed,
    parse_days,
)

__all__ = [
    "HOLIDAY_NAMES",
    "MAX_COUNTED_DAYS",
    "MAX_N",
    "MAX_RANGE_DAYS",
    "SHANGHAI",
    "Deadline",
    "Elapsed",
    "OfficialCalendar",
    "Unit",
    "YearRule",
    "add_months",
    "cn_date",
    "deadline",
    "deviations",
    "elapsed",
    "parse_days",
]
