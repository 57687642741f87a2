"""Benchmark: the export job's work itself (no web server, no queue): the answers export as CSV
and as Excel, the rows alone (SQL → cells, nothing written), and the findings page's CSV.

Run: .venv/bin/python tests/benchmarks/bench_exports.py [--database-url URL] [--keep FILE]
[--only NAME] [--profile NAME] [--runs N] [--findings-data]. Not collected by pytest. Prints
figures; asserts nothing.

Data: ``bench_review.populate`` at a tenth of its size (2,000 inspections, about 113,000
current answers, a few thousand findings), in a SQLite file (``--keep FILE`` keeps it and uses
it again next time: loading takes a minute or two) or in PostgreSQL (``--database-url``; its
name must contain "bench"; loaded afresh, then ANALYZEd, unless ``--loaded``).
``--findings-data``: bench_findings.py's data instead (20,000 findings), for the findings page.

Each measurement runs in a process of its own, so that its peak memory is its own: the export
job's handler (``export_jobs.run``, the code a worker runs: count, rows, file, progress bar) as
the admin over every answer, in CSV and in Excel; the rows alone; and ``GET
/findings/export.csv?show=all`` through the test client, its body read chunk by chunk as a
browser would and thrown away (``findings-page-whole``: read whole and parsed, as
bench_findings.py reads it).

Figures: seconds (best of ``--runs``) and the CPU seconds of that run (steadier than the wall
clock on a machine shared with others), rows, file size, and how much the process's peak
resident memory grew over what it held before the export (``VmHWM``, reset before the
export). ``--profile`` prints the cProfile of one run instead.
"""

from __future__ import annotations

import argparse
import codecs
import cProfile
import csv
import datetime as dt
import io
import json
import os
import pstats
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402

from checklists.core.extensions import db  # noqa: E402
from tests import conftest  # noqa: E402
from tests.benchmarks import bench_findings, bench_review  # noqa: E402
from tests.benchmarks.bench_findings import database_url  # noqa: E402
from wsgi import create_app  # noqa: E402

MEASURES = ("rows", "csv", "xlsx", "findings-page", "findings-page-whole")


def make_app(url: str, tmp: Path) -> Any:
    return create_app(
        conftest.make_config(
            url,
            UPLOAD_FOLDER=str(tmp / "uploads"),
            RATELIMIT_ENABLED=False,
            EXPORT_JOB_ROWS=10**9,
        )
    )


def load(url: str, tmp: Path, findings: bool = False) -> None:
    app = make_app(url, tmp)
    with app.app_context():
        db.drop_all()
        db.create_all()
        today = dt.datetime.now(ZoneInfo("Asia/Shanghai")).date()
        started = time.perf_counter()
        if findings:
            bench_findings.populate(bench_findings.scaled(False), today)
            print(f"data: bench_findings ({time.perf_counter() - started:.0f} s)")
        else:
            ids = bench_review.populate(bench_review.scaled(True), today)
            print(
                f"data: {ids['inspections']:,} inspections, {ids['answers']:,} current answers, "
                f"{ids['findings']:,} findings ({time.perf_counter() - started:.0f} s)"
            )
        if db.engine.dialect.name == "postgresql":  # as autovacuum would, before long
            db.session.execute(sa.text("ANALYZE"))
            db.session.commit()
        db.session.remove()
        db.engine.dispose()


def status(field: str) -> int:
    """A figure of /proc/self/status in KiB (``VmRSS``: resident now, ``VmHWM``: its peak)."""
    with open("/proc/self/status") as lines:
        for line in lines:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise LookupError(field)


def reset_peak() -> None:
    """Start ``VmHWM`` again from the resident memory now (Linux: clear_refs 5)."""
    with open("/proc/self/clear_refs", "w") as refs:
        refs.write("5")


def lines(chunks: Any, sizes: list[int]) -> Iterator[str]:
    """The lines of a streamed body, as its chunks come (each chunk's size added to
    ``sizes``): a CSV reader counts its rows without holding it."""
    decode = codecs.getincrementaldecoder("utf-8-sig")().decode
    pending = ""
    for chunk in chunks:
        data = chunk if isinstance(chunk, bytes) else chunk.encode()
        sizes.append(len(data))
        *complete, pending = (pending + decode(data)).split("\n")
        yield from (line + "\n" for line in complete)
    if pending:
        yield pending


def one(measure: str, url: str, tmp: Path, profile: bool) -> dict[str, Any]:
    """Run ``measure`` once in this process: its seconds, rows, bytes and peak RSS growth."""
    from checklists.accounts.models import Role, User
    from checklists.core import jobs
    from inspections.review import export_jobs, exports
    from inspections.review import queue as review

    app = make_app(url, tmp)
    with app.app_context():
        admin = db.session.scalar(sa.select(User).where(User.role == Role.ADMIN).limit(1))
        assert admin is not None
        client = app.test_client()
        with client.session_transaction() as session:
            session["_user_id"] = admin.get_id()
            session["_fresh"] = True
        # warm up: imports, connections, translations, the first request
        exports.count("answers", admin, review.parse_filters({}))
        client.get("/findings/export.csv?show=all&organisation=0").close()
        reset_peak()
        before = status("VmRSS")
        profiler = cProfile.Profile() if profile else None
        started, cpu = time.perf_counter(), time.process_time()
        if profiler:
            profiler.enable()
        if measure == "rows":
            export = exports.prepare("answers", admin, review.parse_filters({}), dt.datetime.now())
            rows = sum(1 for _row in export.rows())
            size = 0
        elif measure in ("csv", "xlsx"):
            job = SimpleNamespace(
                id=0, owner_id=admin.id, params={"kind": "answers", "fmt": measure, "args": {}}
            )
            result = export_jobs.run(job, jobs.Progress(0))
            assert result is not None and result.file is not None and result.summary
            rows = result.summary["rows"]
            size = result.file.seek(0, os.SEEK_END)
            result.file.close()
        elif measure == "findings-page-whole":  # as bench_findings.py reads it: whole, then parsed
            body = client.get("/findings/export.csv?show=all").get_data()
            size, rows = len(body), len(list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))) - 1
        else:
            response = client.get("/findings/export.csv?show=all")
            sizes: list[int] = []
            rows = sum(1 for _row in csv.reader(lines(response.response, sizes))) - 1
            response.close()
            size = sum(sizes)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        if profiler:
            profiler.disable()
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(35)
            pstats.Stats(profiler).sort_stats("tottime").print_stats(25)
        grown = status("VmHWM") - before
    return {
        "seconds": seconds,
        "cpu": cpu,
        "rows": rows,
        "bytes": size,
        "rss_mb": max(grown, 0) / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", help="postgresql://…/clausecheck_bench_exports")
    parser.add_argument("--keep", help="a SQLite file to keep the data in (and use again)")
    parser.add_argument("--profile", choices=MEASURES, help="cProfile one run of this")
    parser.add_argument("--only", choices=MEASURES, action="append", help="just these")
    parser.add_argument("--runs", type=int, default=2, help="runs of each (best is shown)")
    parser.add_argument(
        "--findings-data",
        action="store_true",
        help="bench_findings.py's data instead (20,000 findings): for the findings page's CSV",
    )
    parser.add_argument(
        "--loaded", action="store_true", help="the --database-url holds the data: keep it"
    )
    parser.add_argument("--one", choices=MEASURES, help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    parser.add_argument("--tmp", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one(args.one, args.url, Path(args.tmp), bool(args.profile))))
        return
    if args.database_url and "bench" not in (sa.engine.make_url(args.database_url).database or ""):
        raise SystemExit("use a database whose name contains 'bench'")
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        if args.keep and not args.database_url:
            url = f"sqlite:///{Path(args.keep).resolve()}"
            if not Path(args.keep).exists():
                load(url, tmp, args.findings_data)
        else:
            url = database_url(args.database_url, tmp)
            if not args.loaded:
                load(url, tmp, args.findings_data)

        def child(measure: str, profile: bool = False) -> dict[str, Any]:
            command = [sys.executable, __file__, "--one", measure, "--url", url, "--tmp", folder]
            done = subprocess.run(
                command + (["--profile", measure] if profile else []),
                capture_output=True,
                text=True,
                cwd=ROOT,
            )
            if done.returncode:
                raise SystemExit(f"{measure} failed:\n{done.stderr[-4000:]}")
            *profiled, last = done.stdout.strip().splitlines()
            if profile:
                print("\n".join(profiled))
            return json.loads(last)

        if args.profile:
            figures = child(args.profile, profile=True)
            print(f"{args.profile} (profiled): {figures}")
            return
        print(f"database: {sa.engine.make_url(url).get_backend_name()}; best of {args.runs}")
        for measure in args.only or MEASURES:
            runs = [child(measure) for _ in range(args.runs)]
            best = min(runs, key=lambda r: r["seconds"])
            each = ", ".join(f"{r['seconds']:.2f}" for r in runs)
            peak = max(r["rss_mb"] for r in runs)
            print(
                f"  {measure:<19} {best['seconds']:6.2f} s (CPU {best['cpu']:5.2f} s)  "
                f"{best['rows']:>8,} rows  {best['bytes'] / 2**20:6.1f} MB  "
                f"peak RSS +{peak:.0f} MB  (runs: {each})"
            )


if __name__ == "__main__":
    main()
