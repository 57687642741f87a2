"""The draw of 双随机 (inspections/spotcheck/draw.py, pure) and the frequency rules
(frequency.py, pure): the published algorithm pinned, risk weights and recusals held over many
draws (fixed seeds, stated tolerances), every difference a verifier must catch, and the periods
at month, quarter and year edges."""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
from collections import Counter

import pytest

from inspections.spotcheck import draw as d
from inspections.spotcheck import frequency as f


def inputs(weights=(1, 2, 3, 4), inspectors=(11, 12, 13, 14), recusals=(), count=2, team=2):
    return {
        "targets": [{"id": 100 + i, "class": "x", "weight": w} for i, w in enumerate(weights)],
        "inspectors": list(inspectors),
        "recusals": [list(r) for r in recusals],
        "count": count,
        "team_size": team,
    }


def seed_of(n: int) -> str:
    return hashlib.sha256(f"test seed {n}".encode()).hexdigest()


def public(inp, seed, beacon=""):
    picks = d.draw(inp, seed, beacon)
    return {
        "inputs": inp,
        "inputs_hash": d.inputs_hash(inp),
        "commitment": d.commitment(seed),
        "seed": seed,
        "beacon": {"kind": "manual", "source": "x", "value": beacon},
        "targets": [p.as_json() for p in picks],
    }


# --- the algorithm as published ----------------------------------------------------------------


def test_the_published_algorithm_is_pinned():
    """A known answer: README states this vector so anyone can check an implementation of
    their own. Changing the algorithm would make every published plan unverifiable, so this
    must never change (a new algorithm gets a new ``ALGORITHM`` name)."""
    seed = "00" * 32
    assert d.commitment(seed) == hashlib.sha256(seed.encode()).hexdigest()
    key = hashlib.sha256(f"{seed}|beacon".encode()).hexdigest()
    x = int(hashlib.sha256(f"{key}|target:0|0".encode()).hexdigest(), 16)
    # the first target: r = x mod 10 over weights 1, 2, 3, 4 (ids 100..103)
    r, running, first = x % 10, 0, None
    for target_id, weight in zip((100, 101, 102, 103), (1, 2, 3, 4), strict=True):
        running += weight
        if r < running:
            first = target_id
            break
    picks = d.draw(inputs(count=4), seed, "beacon")
    assert picks[0].organisation_id == first
    assert d.ALGORITHM == "clausecheck-spotcheck-1"


def readme_draw(inputs, seed, beacon):
    """The algorithm exactly as README states it, written plainly (walk the targets not yet
    drawn, sorted by id): what a member of the public would write to check a draw."""

    def number(label, bound):
        key = hashlib.sha256(f"{seed}|{beacon}".encode()).hexdigest()
        n = 0
        while True:
            x = int(hashlib.sha256(f"{key}|{label}|{n}".encode()).hexdigest(), 16)
            if x < (2**256 // bound) * bound:
                return x % bound
            n += 1

    remaining = sorted((t["id"], t["weight"]) for t in inputs["targets"])
    recused = {tuple(r) for r in inputs["recusals"]}
    out = []
    for k in range(inputs["count"]):
        r = number(f"target:{k}", sum(w for _, w in remaining))
        sums = itertools.accumulate(weight for _, weight in remaining)
        target = remaining.pop(next(i for i, running in enumerate(sums) if r < running))[0]
        eligible = [i for i in sorted(inputs["inspectors"]) if (i, target) not in recused]
        team = [
            eligible.pop(number(f"team:{k}:{j}", len(eligible))) for j in range(inputs["team_size"])
        ]
        out.append((target, tuple(sorted(team))))
    return out


def test_the_fast_draw_is_the_readme_algorithm():
    """300 generated pools (sizes 1–60, weights 1–4, recusals): the implementation (a Fenwick
    tree over the weights) draws exactly what README's plain walk draws."""
    for case in range(300):
        rnd = hashlib.sha256(f"case {case}".encode()).digest()
        size = 1 + rnd[0] % 60
        inp = {
            "targets": [
                {"id": 7 * i + rnd[1], "weight": 1 + (rnd[i % 32] >> 3) % 4} for i in range(size)
            ],
            "inspectors": [1000 + i for i in range(5 + rnd[2] % 5)],
            "recusals": [
                [1000 + rnd[i] % 3, 7 * (rnd[i + 1] % size) + rnd[1]] for i in range(3, 9)
            ],
            "count": 1 + rnd[3] % size,
            "team_size": 2,
        }
        expected = readme_draw(inp, seed_of(case), str(case))
        assert [
            (p.organisation_id, p.inspectors) for p in d.draw(inp, seed_of(case), str(case))
        ] == expected


def test_canonical_json_sorts_keys_keeps_chinese_and_has_no_spaces():
    assert d.canonical({"b": 1, "a": ["煤", 2]}) == '{"a":["煤",2],"b":1}'.encode()
    assert d.inputs_hash({"b": 1, "a": 2}) == d.inputs_hash({"a": 2, "b": 1})


def test_the_same_inputs_seed_and_beacon_give_the_same_draw():
    inp = inputs(count=3)
    first = d.draw(inp, seed_of(1), "b")
    assert d.draw(dict(reversed(list(inp.items()))), seed_of(1), "b") == first
    shuffled = {**inp, "targets": list(reversed(inp["targets"])), "inspectors": [14, 12, 13, 11]}
    assert d.draw(shuffled, seed_of(1), "b") == first  # candidates sorted by id, not given order
    assert any(d.draw(inp, seed_of(1), f"b{i}") != first for i in range(5))  # the beacon counts


def test_below_is_uniform_by_rejection_and_refuses_an_empty_range():
    stream = d.Stream(seed_of(0), "")
    counts = Counter(stream.below(f"u:{i}", 3) for i in range(6000))
    assert set(counts) == {0, 1, 2}
    assert all(abs(n / 6000 - 1 / 3) < 0.03 for n in counts.values())
    with pytest.raises(d.DrawError):
        stream.below("x", 0)


# --- fairness over many draws (fixed seeds: the figures are the same at every run) -------------


def test_risk_weights_hold_over_many_draws():
    """4,000 single-target draws over weights 1:2:3:4: each target's share within 0.025 of
    0.1/0.2/0.3/0.4 (about 3.2 standard deviations at n = 4,000 for the widest, p = 0.4)."""
    inp = inputs(count=1)
    n = 4000
    counts = Counter(d.draw(inp, seed_of(i), "")[0].organisation_id for i in range(n))
    for target_id, expected in zip((100, 101, 102, 103), (0.1, 0.2, 0.3, 0.4), strict=True):
        assert abs(counts[target_id] / n - expected) < 0.025, (target_id, counts)


def test_recusals_hold_and_teams_are_fair_over_many_draws():
    """1,000 full draws: a recused inspector never checks that target, no target is drawn
    twice, every team has distinct members; each inspector is drawn as often as the recusals
    leave room for (within 0.06 a draw of the expected number)."""
    recusals = [(11, 100), (11, 101), (12, 102)]
    inp = inputs(recusals=recusals, count=4)
    seen: Counter[int] = Counter()
    for i in range(1000):
        picks = d.draw(inp, seed_of(i), "")
        assert sorted(p.organisation_id for p in picks) == [100, 101, 102, 103]
        for pick in picks:
            assert len(set(pick.inspectors)) == 2
            assert not {(j, pick.organisation_id) for j in pick.inspectors} & set(recusals)
            seen.update(pick.inspectors)
    # target 100, 101: eligible {12,13,14} (2 of 3 each); 102: {11,13,14}; 103: all four (1/2)
    expected = {11: (2 / 3 + 1 / 2), 12: (2 / 3 * 2 + 1 / 2), 13: (2 / 3 * 3 + 1 / 2)}
    expected[14] = expected[13]
    for person, per_draw in expected.items():
        assert abs(seen[person] / 1000 - per_draw) < 0.06, (person, seen)


@pytest.mark.parametrize(
    ("case", "change", "message"),
    [
        ("too many", {"count": 5}, "count 5 > 4"),
        ("weight zero", {"targets": [{"id": 1, "weight": 0}]}, "weight"),
        ("team too big", {"team_size": 5}, "inspectors < team 5"),
    ],
)
def test_impossible_draws_are_refused(case, change, message):
    with pytest.raises(d.DrawError, match=message):
        d.draw({**inputs(), **change}, seed_of(0), "")


def test_unstaffable_names_targets_recusals_leave_short():
    inp = inputs(inspectors=(11, 12, 13), recusals=[(11, 100), (12, 100)])
    assert d.unstaffable(inp) == [100]
    assert d.unstaffable(inputs()) == []


# --- verification ------------------------------------------------------------------------------


def test_a_true_record_verifies():
    record = public(inputs(count=3), seed_of(7), "福彩3D 2026312期 538")
    picks, problems = d.verify(record)
    assert problems == []
    assert [p.as_json() for p in picks] == record["targets"]


@pytest.mark.parametrize(
    ("change", "named"),
    [
        (lambda r: r.update(seed=seed_of(8)), "种子与承诺值不符"),
        (lambda r: r["inputs"].update(count=2), "输入与 inputs_hash 不符"),
        (lambda r: r["inputs"]["targets"][0].update(weight=9), "输入与 inputs_hash 不符"),
        (lambda r: r["targets"].reverse(), "抽取结果不符"),
        (lambda r: r["targets"][0].update(inspectors=[11, 14]), "抽取结果不符"),
        (lambda r: r["beacon"].update(value="另一个值"), "抽取结果不符"),
        (lambda r: r.update(seed=None), "缺少 inputs 或 seed"),
        (lambda r: r.update(targets="x"), "targets 的格式不对"),
    ],
)
def test_every_difference_is_named(change, named):
    record = public(inputs(count=3), seed_of(7), "b")
    change(record)
    _picks, problems = d.verify(record)
    assert any(named in p for p in problems), problems


# --- frequency ----------------------------------------------------------------------------------

D = dt.date


@pytest.mark.parametrize(
    ("day", "period", "start", "end"),
    [
        (D(2026, 1, 31), f.Period.MONTH, D(2026, 1, 1), D(2026, 1, 31)),
        (D(2026, 2, 1), f.Period.MONTH, D(2026, 2, 1), D(2026, 2, 28)),
        (D(2028, 2, 29), f.Period.MONTH, D(2028, 2, 1), D(2028, 2, 29)),
        (D(2026, 12, 31), f.Period.MONTH, D(2026, 12, 1), D(2026, 12, 31)),
        (D(2026, 3, 31), f.Period.QUARTER, D(2026, 1, 1), D(2026, 3, 31)),
        (D(2026, 4, 1), f.Period.QUARTER, D(2026, 4, 1), D(2026, 6, 30)),
        (D(2026, 9, 30), f.Period.QUARTER, D(2026, 7, 1), D(2026, 9, 30)),
        (D(2026, 10, 1), f.Period.QUARTER, D(2026, 10, 1), D(2026, 12, 31)),
        (D(2026, 12, 31), f.Period.YEAR, D(2026, 1, 1), D(2026, 12, 31)),
        (D(2027, 1, 1), f.Period.YEAR, D(2027, 1, 1), D(2027, 12, 31)),
    ],
)
def test_period_edges(day, period, start, end):
    assert f.period_of(day, period) == (start, end)


@pytest.mark.parametrize(
    ("rule", "pool", "demand", "text"),
    [
        (f.Rule(f.RuleKind.AT_LEAST, f.Period.MONTH, 1), 40, 1, "每月至少1次"),
        (f.Rule(f.RuleKind.COVERAGE, f.Period.QUARTER), 40, 40, "每季度全覆盖"),
        (f.Rule(f.RuleKind.RATIO, f.Period.MONTH, 10), 25, 3, "每月抽查比例不低于10%"),
        (f.Rule(f.RuleKind.RATIO, f.Period.MONTH, 10), 30, 3, "每月抽查比例不低于10%"),
        (f.Rule(f.RuleKind.RATIO, f.Period.YEAR, 5), 0, 0, "每年抽查比例不低于5%"),
    ],
)
def test_demand_and_wording(rule, pool, demand, text):
    assert rule.demand(pool) == demand
    assert rule.describe() == text


def test_standing_counts_inspections_or_targets_by_kind():
    at_least = f.standing(
        f.Rule(f.RuleKind.AT_LEAST, f.Period.MONTH, 2),
        D(2026, 3, 31),
        pool_size=5,
        planned=3,
        done=2,
        overdue=0,
        covered=1,
    )
    assert at_least.met and at_least.to_plan == 0 and not at_least.late(D(2026, 4, 1))
    coverage = f.standing(
        f.Rule(f.RuleKind.COVERAGE, f.Period.QUARTER),
        D(2026, 3, 31),
        pool_size=5,
        planned=3,
        done=4,
        overdue=1,
        covered=3,
    )
    assert not coverage.met and coverage.to_plan == 2 and coverage.coverage == 0.6
    assert coverage.late(D(2026, 4, 1)) and not coverage.late(D(2026, 3, 31))
