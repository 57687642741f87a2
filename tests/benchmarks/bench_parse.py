"""Benchmark: parse + extract the three bundled gazettes.

Run: python tests/benchmarks/bench_parse.py. Not collected by pytest (no test_ functions).
Aim: well under one second in total.
"""

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from checklists.standards.conflicts import find_conflicts  # noqa: E402
from checklists.standards.extraction import extract  # noqa: E402
from checklists.standards.parsing import parse_gazette  # noqa: E402

DATA = ROOT / "tests" / "data"


def run(path: Path) -> tuple[float, int, int, int]:
    """Seconds, documents, clauses and requirements for one gazette."""
    text = path.read_text(encoding="utf-8")
    started = time.perf_counter()
    result = parse_gazette(text)
    clauses = requirements = 0
    for doc in result.documents:
        items = [(c.key, extract(c.text, c.join_offsets)) for c in doc.clauses]
        find_conflicts(items)
        clauses += len(items)
        requirements += sum(len(reqs) for _, reqs in items)
    return time.perf_counter() - started, len(result.documents), clauses, requirements


def main() -> None:
    total_time = total_clauses = 0.0
    for path in sorted(DATA.glob("*.txt")):
        seconds, docs, clauses, reqs = run(path)
        total_time += seconds
        total_clauses += clauses
        print(
            f"{path.name}: {seconds * 1000:7.1f} ms  {docs:3d} documents  {clauses:4d} clauses  "
            f"{reqs:4d} requirements  {clauses / seconds:8.0f} clauses/s"
        )
    print(
        f"total: {total_time * 1000:.1f} ms, {total_clauses:.0f} clauses, "
        f"{total_clauses / total_time:.0f} clauses/s"
    )


if __name__ == "__main__":
    main()
