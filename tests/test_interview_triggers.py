"""The repeat-violation trigger of 约谈 (第三条（二）6 "年内两次发现同类安全生产违法行为"), table by
table: what counts as 同类, what counts as 年内 (calendar year, or 12 months to the day, across
the year's edge and February's), and that two failures in one inspection are one."""

from __future__ import annotations

import datetime as dt

import pytest

from inspections.supervision.triggers import (
    Violation,
    Window,
    kind_of,
    repeats,
    window_start,
)

COAL = "冠政发〔2016〕109号"
D = dt.date


@pytest.mark.parametrize(
    ("key", "kind"),
    [
        (f"{COAL}/二/（二）/1", f"{COAL}/二/（二）"),
        (f"{COAL}/二/（二）", f"{COAL}/二"),
        # a top-level article: its own kind (not the whole document)
        (f"{COAL}/二", f"{COAL}/二"),
        (
            "临政办字〔2016〕10号/临淄区安全生产约谈制度/第七条",
            "临政办字〔2016〕10号/临淄区安全生产约谈制度",
        ),
        (COAL, COAL),
    ],
)
def test_the_kind_of_a_violation(key, kind):
    assert kind_of(key) == kind


@pytest.mark.parametrize(
    ("day", "window", "start"),
    [
        (D(2026, 11, 23), Window.CALENDAR_YEAR, D(2026, 1, 1)),
        (D(2026, 1, 1), Window.CALENDAR_YEAR, D(2026, 1, 1)),
        (D(2026, 11, 23), Window.ROLLING_12_MONTHS, D(2025, 11, 24)),
        (D(2026, 1, 1), Window.ROLLING_12_MONTHS, D(2025, 1, 2)),
        (D(2024, 2, 29), Window.ROLLING_12_MONTHS, D(2023, 3, 1)),
        (D(2025, 2, 28), Window.ROLLING_12_MONTHS, D(2024, 2, 29)),
    ],
)
def test_where_the_window_starts(day, window, start):
    assert window_start(day, window) == start


def v(inspection, key, day, org=1):
    return Violation(org, inspection, f"{COAL}/{key}", day)


@pytest.mark.parametrize(
    ("violations", "day", "window", "expected"),
    [
        # twice, same clause, two inspections, one year: due
        (
            [v(1, "二/（二）/1", D(2026, 3, 1)), v(2, "二/（二）/1", D(2026, 9, 1))],
            D(2026, 11, 23),
            Window.CALENDAR_YEAR,
            [(1, "二/（二）", (1, 2))],
        ),
        # same parent clause (二（二）1 and 二（二）5): 同类
        (
            [v(1, "二/（二）/1", D(2026, 3, 1)), v(2, "二/（二）/5", D(2026, 9, 1))],
            D(2026, 11, 23),
            Window.CALENDAR_YEAR,
            [(1, "二/（二）", (1, 2))],
        ),
        # different parents: not 同类
        (
            [v(1, "二/（二）/1", D(2026, 3, 1)), v(2, "六/3", D(2026, 9, 1))],
            D(2026, 11, 23),
            Window.CALENDAR_YEAR,
            [],
        ),
        # twice in one inspection: once
        (
            [v(1, "二/（二）/1", D(2026, 3, 1)), v(1, "二/（二）/5", D(2026, 3, 1))],
            D(2026, 11, 23),
            Window.CALENDAR_YEAR,
            [],
        ),
        # two organisations, once each: nobody
        (
            [v(1, "二/（二）/1", D(2026, 3, 1), org=1), v(2, "二/（二）/1", D(2026, 9, 1), org=2)],
            D(2026, 11, 23),
            Window.CALENDAR_YEAR,
            [],
        ),
        # across New Year: not the same calendar year ...
        (
            [v(1, "二/（二）/1", D(2025, 12, 30)), v(2, "二/（二）/1", D(2026, 1, 5))],
            D(2026, 1, 10),
            Window.CALENDAR_YEAR,
            [],
        ),
        # ... but within 12 months
        (
            [v(1, "二/（二）/1", D(2025, 12, 30)), v(2, "二/（二）/1", D(2026, 1, 5))],
            D(2026, 1, 10),
            Window.ROLLING_12_MONTHS,
            [(1, "二/（二）", (1, 2))],
        ),
        # the 12-month edge: a year to the day before no longer counts, the day after does
        (
            [v(1, "二/（二）/1", D(2025, 11, 23)), v(2, "二/（二）/1", D(2026, 11, 23))],
            D(2026, 11, 23),
            Window.ROLLING_12_MONTHS,
            [],
        ),
        (
            [v(1, "二/（二）/1", D(2025, 11, 24)), v(2, "二/（二）/1", D(2026, 11, 23))],
            D(2026, 11, 23),
            Window.ROLLING_12_MONTHS,
            [(1, "二/（二）", (1, 2))],
        ),
        # asked about an earlier day: what came later does not count
        (
            [v(1, "二/（二）/1", D(2026, 3, 1)), v(2, "二/（二）/1", D(2026, 9, 1))],
            D(2026, 8, 31),
            Window.CALENDAR_YEAR,
            [],
        ),
        # three inspections: one entry, the three listed oldest first
        (
            [
                v(3, "二/（二）/1", D(2026, 10, 1)),
                v(1, "二/（二）/1", D(2026, 3, 1)),
                v(2, "二/（二）/2", D(2026, 9, 1)),
            ],
            D(2026, 11, 23),
            Window.CALENDAR_YEAR,
            [(1, "二/（二）", (1, 2, 3))],
        ),
    ],
)
def test_repeat_violations(violations, day, window, expected):
    found = [
        (
            r.organisation_id,
            r.kind_key.removeprefix(f"{COAL}/"),
            tuple(x.inspection_id for x in r.violations),
        )
        for r in repeats(violations, day, window)
    ]
    assert found == expected
