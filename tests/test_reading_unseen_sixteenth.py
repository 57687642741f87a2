"""A sixteenth round of the reading, found by probing it with clauses written for the purpose
(never from the bundled gazettes): sanitation, public toilets, land for homes, housing funds,
pharmacies, internet cafes, swimming pools, hotels, heating. Each case is a clear error a probe
found, read as GUIDE.md (tests/data/reading_labels) says."""

from __future__ import annotations

from decimal import Decimal

import pytest

from checklists.standards.extraction import extract


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("粪便清运不超过3天一次。", Decimal(3), "day"),
        ("生活垃圾应当日产日清，最长不超过2天清运一次。", Decimal(2), "day"),
        ("垃圾清运间隔不超过3天。", Decimal(3), "day"),
        ("巡查间隔最长不超过2小时。", Decimal(2), "hour"),
        # guards: every so often, as before
        ("粪便每3天至少清运1次。", Decimal(3), "day"),
        ("至少每15日进行一次检查。", Decimal(15), "day"),
    ],
)
def test_a_time_at_most_between_two_of_a_task_is_how_often(text, value, unit):
    """粪便清运不超过3天一次: emptied every three days or more often. It was read as a duration
    of at most three days (as if emptying might take no longer), with no frequency to plan
    inspections by; 清运间隔不超过3天 likewise. A time bounded at most, then 一次, or named as
    the interval, is a frequency: the interval at most."""
    r = extract(text)[-1]
    assert (r.kind, r.comparator, r.value, r.unit) == ("frequency", "<=", value, unit)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # guards: a time limit and a least interval are no frequency of this kind
        ("应当在接到通知后不超过3日内处理一次。", "deadline"),
        ("两次爆破作业间隔时间不少于30分钟。", "duration"),
        ("连续驾驶不超过4小时。", "duration"),
    ],
)
def test_a_time_limit_or_a_least_interval_is_not_read_as_how_often(text, kind):
    assert extract(text)[0].kind == kind
