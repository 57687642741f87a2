"""Benchmark: 双随机 draws at a prefecture city's size, and their verification.

Run: python tests/benchmarks/bench_spotcheck.py. Not collected by pytest (no test_ functions).
A city: 20,000 targets in four risk classes, 500 inspectors, 2,000 recusal pairs; plans of 10,
200 and 2,000 targets (10 % of the pool) with teams of 2. Prints the time to draw, to verify the
public record (what a member of the public runs) and the size of that record. Aim: a month's
10 % plan drawn and verified in under 5 s each on a 2-core machine.
"""

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from inspections.spotcheck import draw as d  # noqa: E402

TARGETS, INSPECTORS, RECUSALS = 20_000, 500, 2_000


def city(count: int) -> dict:
    targets = [{"id": i, "class": "x", "weight": 1 + i % 4} for i in range(1, TARGETS + 1)]
    inspectors = list(range(100_001, 100_001 + INSPECTORS))
    recusals = sorted(
        [100_001 + (i * 7919) % INSPECTORS, 1 + (i * 104729) % TARGETS] for i in range(RECUSALS)
    )
    return {
        "targets": targets,
        "inspectors": inspectors,
        "recusals": recusals,
        "count": count,
        "team_size": 2,
    }


def main() -> None:
    seed = "5e" * 32
    print(f"pool {TARGETS:,} targets, {INSPECTORS} inspectors, {RECUSALS:,} recusal pairs")
    for count in (10, 200, 2_000):
        inputs = city(count)
        start = time.perf_counter()
        picks = d.draw(inputs, seed, "beacon")
        drawn = time.perf_counter() - start
        record = {
            "inputs": inputs,
            "inputs_hash": d.inputs_hash(inputs),
            "commitment": d.commitment(seed),
            "seed": seed,
            "beacon": {"value": "beacon"},
            "targets": [p.as_json() for p in picks],
        }
        text = json.dumps(record, ensure_ascii=False)
        start = time.perf_counter()
        _picks, problems = d.verify(json.loads(text))
        verified = time.perf_counter() - start
        assert not problems, problems
        print(
            f"count {count:>5}: draw {drawn * 1000:8.1f} ms · verify {verified * 1000:8.1f} ms"
            f" · public JSON {len(text.encode()) / 1024:7.0f} KB"
        )


if __name__ == "__main__":
    main()
