"""When an enterprise should be interviewed (约谈) for repeating a violation: 临政办字〔2016〕10号
《临淄区安全生产约谈制度》第三条（二）6 "年内两次发现同类安全生产违法行为".

Pure module (standard library only). Two violations are 同类 when the failed items cite the same
clause or clauses under the same parent clause (二（二）1 and 二（二）5; a document's top-level
articles are each their own kind); "年内" is the calendar year (the default) or the 12 months
up to the day (a setting). Found twice means in two different inspections.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class Window(StrEnum):
    #: Both in the calendar year of the day asked about.
    CALENDAR_YEAR = "calendar_year"
    #: Both within the 12 months up to the day (the day a year before not included).
    ROLLING_12_MONTHS = "rolling_12_months"


@dataclass(frozen=True)
class Violation:
    """A failed item of a submitted inspection: whose, which inspection, which clause, when."""

    organisation_id: int
    inspection_id: int
    clause_key: str
    day: dt.date


@dataclass(frozen=True)
class Repeat:
    """An organisation that violated the same kind of clause in two or more inspections."""

    organisation_id: int
    #: The clause (or parent clause) the violations share.
    kind_key: str
    #: The violations, oldest first (one per inspection: the earliest of each).
    violations: tuple[Violation, ...]


def kind_of(clause_key: str) -> str:
    """The key two violations must share to be 同类: the parent clause, unless the parent is the
    document itself (then the clause)."""
    parent, _sep, _last = clause_key.rpartition("/")
    return parent if "/" in parent else clause_key


def window_start(day: dt.date, window: Window) -> dt.date:
    """The first day that counts for ``day``."""
    if window == Window.CALENDAR_YEAR:
        return dt.date(day.year, 1, 1)
    year = day.year - 1
    last = calendar.monthrange(year, day.month)[1]
    # a year before (29 February → 28 February), then the next day: that day no longer counts
    return dt.date(year, day.month, min(day.day, last)) + dt.timedelta(days=1)


def repeats(
    violations: Iterable[Violation], day: dt.date, window: Window = Window.CALENDAR_YEAR
) -> list[Repeat]:
    """The organisations with the same kind of violation in two or more inspections in the
    window ending on ``day`` (later days do not count), by organisation and kind."""
    start = window_start(day, window)
    groups: dict[tuple[int, str], dict[int, Violation]] = defaultdict(dict)
    for v in violations:
        if not start <= v.day <= day:
            continue
        per_inspection = groups[(v.organisation_id, kind_of(v.clause_key))]
        kept = per_inspection.get(v.inspection_id)
        if kept is None or (v.day, v.clause_key) < (kept.day, kept.clause_key):
            per_inspection[v.inspection_id] = v
    out = []
    for (organisation_id, kind_key), per_inspection in sorted(groups.items()):
        if len(per_inspection) >= 2:
            found = sorted(per_inspection.values(), key=lambda v: (v.day, v.inspection_id))
            out.append(Repeat(organisation_id, kind_key, tuple(found)))
    return out
