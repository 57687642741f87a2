"""Frequency rules of a 随机抽查事项 (pure): what a month, quarter or year demands.

Three kinds, as the gazettes write them:

- ``at_least``: 每月至少一次 — at least ``value`` inspections in each period;
- ``coverage``: 每季度…全覆盖 — every target of the pool inspected once in each period;
- ``ratio``: 每月抽查率不低于10% — at least ``value`` % of the pool in each period (rounded up:
  10 % of 25 targets is 3, not 2.5).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from enum import StrEnum


class Period(StrEnum):
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"


class RuleKind(StrEnum):
    AT_LEAST = "at_least"
    COVERAGE = "coverage"
    RATIO = "ratio"


PERIOD_WORDS = {Period.MONTH: "每月", Period.QUARTER: "每季度", Period.YEAR: "每年"}


@dataclass(frozen=True)
class Rule:
    kind: RuleKind
    period: Period
    #: Times (at_least) or percent (ratio); unused for coverage.
    value: int = 1

    def describe(self) -> str:
        word = PERIOD_WORDS[self.period]
        if self.kind == RuleKind.AT_LEAST:
            return f"{word}至少{self.value}次"
        if self.kind == RuleKind.COVERAGE:
            return f"{word}全覆盖"
        return f"{word}抽查比例不低于{self.value}%"

    def demand(self, pool_size: int) -> int:
        """Inspections the period asks for, given the pool's size."""
        if self.kind == RuleKind.AT_LEAST:
            return self.value
        if self.kind == RuleKind.COVERAGE:
            return pool_size
        return math.ceil(pool_size * self.value / 100)


def period_of(day: dt.date, period: Period) -> tuple[dt.date, dt.date]:
    """The first and last day of the period ``day`` falls in."""
    if period == Period.YEAR:
        return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
    first_month = day.month if period == Period.MONTH else 3 * ((day.month - 1) // 3) + 1
    start = dt.date(day.year, first_month, 1)
    months = 1 if period == Period.MONTH else 3
    year, month = divmod(first_month - 1 + months, 12)
    return start, dt.date(day.year + year, month + 1, 1) - dt.timedelta(days=1)


def period_label(start: dt.date, period: Period) -> str:
    if period == Period.YEAR:
        return f"{start.year}年"
    if period == Period.QUARTER:
        return f"{start.year}年第{(start.month - 1) // 3 + 1}季度"
    return f"{start.year}年{start.month}月"


@dataclass(frozen=True)
class Standing:
    """Where one rule stands in one period."""

    rule: Rule
    start: dt.date
    end: dt.date
    pool_size: int
    demanded: int
    planned: int
    done: int
    overdue: int
    covered: int

    @property
    def to_plan(self) -> int:
        """Inspections still to be planned in the period."""
        return max(0, self.demanded - self.planned)

    @property
    def coverage(self) -> float | None:
        """The share of the pool inspected in the period (None for an empty pool)."""
        return self.covered / self.pool_size if self.pool_size else None

    @property
    def progress(self) -> int:
        """What counts towards the demand: inspections done, or targets covered."""
        return self.done if self.rule.kind == RuleKind.AT_LEAST else self.covered

    @property
    def met(self) -> bool:
        return self.progress >= self.demanded

    def late(self, today: dt.date) -> bool:
        """The period is over and its demand was not met."""
        return today > self.end and not self.met


def standing(
    rule: Rule,
    day: dt.date,
    *,
    pool_size: int,
    planned: int,
    done: int,
    overdue: int,
    covered: int,
) -> Standing:
    start, end = period_of(day, rule.period)
    return Standing(
        rule=rule,
        start=start,
        end=end,
        pool_size=pool_size,
        demanded=rule.demand(pool_size),
        planned=planned,
        done=done,
        overdue=overdue,
        covered=covered,
    )
