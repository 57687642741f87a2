"""Benchmark: the supervisors' dashboard on a city's scale, computed from the inspections and
findings (``dashboard.build_live``: before the rollups) and read from the rollups
(``dashboard.build``: after), with the rollups' rebuild and the cost they add to a decision.

Run: .venv/bin/python tests/benchmarks/bench_dashboard.py [--inspections 25000]
     [--database-url postgresql://postgres@127.0.0.1/clausecheck_bench_dashboard] [--runs 20]
Not collected by pytest. Prints figures; asserts only that both ways give the same dashboard.

Data, loaded in bulk (COPY on PostgreSQL, multi-row INSERTs on SQLite), not through the
services: 10 counties of 10 townships; organisations in proportion to the inspections as in a
city (20,000 for 250,000 a year: 8 %), in the townships (one in ten in a county itself); two
published 60-item templates built with ``checklists.builder`` from the bundled gazettes
(tests/benchmarks/bench_review.py's); inspections over the last 365 days (68 % approved, 22 %
submitted, 3 % returned, 3 % in progress, 4 % planned; the open ones mostly planned in the
past: overdue), scores ~ N(82, 10) clipped to 0–100 with the template's verdict; findings for
every failed item of ~15 % of the scored inspections (the lower the score the more; some
clauses fail far more often than others; the items' severities, ~15 % critical), statuses by
age, deadlines by severity. No answers: the dashboard reads none (its "most failed clauses"
counts findings, like its critical failures). Then ``rollups.rebuild`` (timed) and, on
PostgreSQL, ANALYZE.

Figures: for each view (reader and filters), one warm-up build, then ``--runs`` builds each way,
timed (median and p95), with the SQL statements of one build; every view's two dashboards are
compared. Then the page itself (GET /review/dashboard through the test client: the dashboard
from the rollups, the spot checks' board and the template), and what a decision costs more now:
``rollups.share`` + ``rollups.update`` around approving a submitted inspection (rolled back).
The default database is a new SQLite file; a PostgreSQL database's name must contain "bench"
(its tables are dropped and made again).
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import random
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402

from checklists.accounts.models import Organisation, OrgKind, Region, RegionLevel, Role, User  # noqa: E402
from checklists.core.extensions import db  # noqa: E402
from inspections.filling.models import Inspection, InspectionStatus  # noqa: E402
from inspections.findings.models import Finding, FindingStatus  # noqa: E402
from inspections.review import dashboard, rollups  # noqa: E402
from inspections.review.queue import Filters  # noqa: E402
from tests import conftest  # noqa: E402
from tests.benchmarks.bench_findings import (  # noqa: E402
    COUNTER,
    client_for,
    database_url,
    percentile_ms,
)
from tests.benchmarks.bench_review import (  # noqa: E402
    DEADLINE_DAYS,
    FINDING_SHARE,
    SHANGHAI,
    STATUS_MIX,
    TEMPLATES,
    build_template,
    finding_status,
    grade_of,
    local_day,
    usable_clauses,
)
from wsgi import create_app  # noqa: E402

AIM_MS = 300.0
#: Organisations per inspection a year in a city (20,000 for 250,000).
ORGANISATIONS_PER_INSPECTION = 0.08
CHUNK = 10_000


# --- loading --------------------------------------------------------------------------------


def load(table: sa.Table, rows: list[dict]) -> None:
    """Rows into ``table``: COPY on PostgreSQL, INSERTs of many rows on SQLite."""
    if not rows:
        return
    connection = db.session.connection()
    if connection.dialect.name != "postgresql":
        for start in range(0, len(rows), 2000):
            connection.execute(sa.insert(table), rows[start : start + 2000])
        return
    names = list(rows[0])
    raw = connection.connection.driver_connection
    with raw.cursor() as cursor:
        columns = ", ".join(f'"{n}"' for n in names)
        with cursor.copy(f'COPY "{table.name}" ({columns}) FROM STDIN') as copy:
            for row in rows:
                copy.write_row([_plain(row[n]) for n in names])


def _plain(value: Any) -> Any:
    if isinstance(value, (InspectionStatus, FindingStatus, RegionLevel, OrgKind, Role)):
        return value.value
    return value


def populate(n_inspections: int, today: dt.date) -> dict[str, Any]:
    rng = random.Random(2027)
    now = dt.datetime.now(dt.UTC)
    t0 = time.perf_counter()
    regions = []
    for county in range(1, 11):
        regions.append(
            {"id": county, "name": f"{county}县", "level": RegionLevel.COUNTY, "parent_id": None}
        )
    for county in range(1, 11):
        for n in range(10):
            regions.append(
                {
                    "id": len(regions) + 1,
                    "name": f"{county}县第{n + 1}街道",
                    "level": RegionLevel.TOWNSHIP,
                    "parent_id": county,
                }
            )
    load(Region.__table__, regions)
    townships = [r["id"] for r in regions if r["parent_id"]]
    n_orgs = max(50, round(n_inspections * ORGANISATIONS_PER_INSPECTION))
    org_region = {
        i: (rng.randint(1, 10) if i % 10 == 0 else rng.choice(townships))
        for i in range(1, n_orgs + 1)
    }
    load(
        Organisation.__table__,
        [
            {
                "id": i,
                "kind": OrgKind.ENTERPRISE,
                "name": f"基准企业{i:05d}有限公司",
                "credit_code": None,
                "region_id": org_region[i],
                "address": "",
                "contact_person": "",
                "contact_phone": "",
                "active": True,
                "created_at": now,
            }
            for i in org_region
        ],
    )
    probe = User(username="x")
    probe.set_password("bench-password-9")
    users = [
        ("bench-admin", Role.ADMIN, None),
        ("bench-supervisor", Role.SUPERVISOR, 1),
        ("bench-inspector", Role.INSPECTOR, None),
    ]
    load(
        User.__table__,
        [
            {
                "id": n,
                "username": name,
                "display_name": name,
                "email": "",
                "password_hash": probe.password_hash,
                "role": role,
                "organisation_id": None,
                "region_id": region,
                "locale": "zh",
                "active": True,
                "session_version": 0,
                "created_at": now,
            }
            for n, (name, role, region) in enumerate(users, 1)
        ],
    )
    db.session.commit()
    clauses = iter(usable_clauses())
    templates = [build_template(name, sections, clauses) for name, sections in TEMPLATES]
    items_of = {t.id: t.ordered_items() for t in templates}
    print(
        f"  {len(regions)} regions, {n_orgs:,} organisations, 2 templates: "
        f"{time.perf_counter() - t0:.1f} s"
    )

    weight: dict[int, float] = {}
    for items in items_of.values():
        order = list(range(len(items)))
        rng.shuffle(order)
        raw = [1 / (1 + rank / 5) ** 1.5 for rank in order]
        mean = sum(raw) / len(raw)
        weight.update({item.id: w / mean for item, w in zip(items, raw, strict=True)})

    t1 = time.perf_counter()
    statuses: list[InspectionStatus] = []
    for status, share in STATUS_MIX:
        statuses += [status] * round(n_inspections * share)
    statuses = (statuses + [InspectionStatus.APPROVED] * n_inspections)[:n_inspections]
    rng.shuffle(statuses)
    year = 365 * 86400
    finding_id = 0
    counts = {"findings": 0, "scored": 0}
    for start in range(1, n_inspections + 1, CHUNK):
        inspections, findings = [], []
        for i in range(start, min(start + CHUNK, n_inspections + 1)):
            status = statuses[i - 1]
            template = templates[0] if rng.random() < 0.6 else templates[1]
            org = rng.randint(1, n_orgs)
            submitted_at = score = verdict = grade = returned_at = None
            if status in (InspectionStatus.PLANNED, InspectionStatus.IN_PROGRESS):
                planned_on = today + dt.timedelta(days=rng.randint(-45, 20))
                created_at = now - dt.timedelta(days=rng.randint(50, 80))
            else:
                submitted_at = now - dt.timedelta(seconds=rng.uniform(3600, year))
                planned_on = local_day(submitted_at) - dt.timedelta(days=rng.randint(0, 3))
                created_at = submitted_at - dt.timedelta(days=rng.randint(4, 20))
                if status == InspectionStatus.RETURNED:
                    returned_at = submitted_at + dt.timedelta(days=1)
                else:
                    draw = min(100.0, max(0.0, rng.gauss(82, 10)))
                    score = Decimal(str(round(draw, 1)))
                    verdict, grade = grade_of(score)
                    counts["scored"] += 1
            inspections.append(
                {
                    "id": i,
                    "uuid": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                    "template_id": template.id,
                    "organisation_id": org,
                    "site_id": None,
                    "project": "",
                    "planned_on": planned_on,
                    "status": status,
                    "revision": 2 if returned_at else 1,
                    "created_by_id": 3,
                    "created_at": created_at,
                    "submitted_at": submitted_at,
                    "score": score,
                    "verdict": verdict,
                    "grade": grade,
                    "summary": None,
                    "return_comment": "请补充" if returned_at else "",
                    "basis_override": "",
                    "returned_at": returned_at,
                }
            )
            if score is None or rng.random() >= FINDING_SHARE:
                continue
            share = (100 - float(score)) / 100 * 0.45
            failed = [
                item
                for item in items_of[template.id]
                if rng.random() < min(0.9, share * weight[item.id])
            ] or [rng.choice(items_of[template.id])]
            issued_on = local_day(submitted_at)
            for number, item in enumerate(failed, 1):
                finding_id += 1
                severity = str(item.severity)
                days = DEADLINE_DAYS[severity]
                f_status = finding_status(rng, (today - issued_on).days)
                findings.append(
                    {
                        "id": finding_id,
                        "inspection_id": i,
                        "organisation_id": org,
                        "item_id": item.id,
                        "notice_id": None,
                        "number": number,
                        "revision": 1,
                        "template_id": template.id,
                        "template_version": template.version,
                        "clause_key": item.clause_key,
                        "document_number": item.document_number,
                        "document_version": item.document_version,
                        "clause_text": item.clause_text,
                        "clause_text_hash": item.clause_text_hash,
                        "prompt": item.prompt,
                        "severity": severity,
                        "reason": "回答：否，不符合",
                        "required_action": f"按条款要求整改：{item.prompt}"[:400],
                        "status": f_status,
                        "deadline_start": issued_on,
                        "deadline_n": days,
                        "deadline_unit": "day",
                        "due_on": issued_on + dt.timedelta(days=days),
                        "due_at": None,
                        "deadline_provisional": False,
                        "deadline_explanation": "",
                        "deadline_set_by_id": None,
                        "overdue_since": None,
                        "created_at": submitted_at,
                        "closed_at": None,
                    }
                )
        load(Inspection.__table__, inspections)
        load(Finding.__table__, findings)
        db.session.commit()
        counts["findings"] = finding_id
        print(
            f"    {inspections[-1]['id']:,} inspections, {finding_id:,} findings: "
            f"{time.perf_counter() - t1:.1f} s"
        )
    if db.session.get_bind().dialect.name == "postgresql":
        for table in (Region, Organisation, User, Inspection, Finding):
            name = table.__tablename__
            db.session.execute(
                sa.text(
                    f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                    f"coalesce((SELECT max(id) FROM {name}), 0) + 1, false)"
                )
            )
        db.session.commit()

    t2 = time.perf_counter()
    written = rollups.rebuild()
    db.session.commit()
    rebuilt = time.perf_counter() - t2
    print(f"  rollups.rebuild: {rebuilt:.1f} s; rows {written}")
    if db.session.get_bind().dialect.name == "postgresql":
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            t3 = time.perf_counter()
            conn.execute(sa.text("VACUUM ANALYZE"))
            print(f"  VACUUM ANALYZE: {time.perf_counter() - t3:.1f} s")
    return {
        "admin": 1,
        "supervisor": 2,
        "lineage_b": templates[1].lineage,
        "organisations": n_orgs,
        "rebuild_s": rebuilt,
        "rollup_rows": written,
        **counts,
    }


# --- measuring ------------------------------------------------------------------------------


def timed(runs: int, build: Callable[[], Any]) -> tuple[float, float, int, Any]:
    """One warm-up, then ``runs`` timed: (median ms, p95 ms, statements of one run, result)."""
    result, statements = COUNTER.run(build)
    db.session.rollback()
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        build()
        times.append(time.perf_counter() - t0)
        db.session.rollback()  # as a request ends: the next one starts afresh
    median, p95 = percentile_ms(times)
    return median, p95, statements, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inspections", type=int, default=25_000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--database-url", help="a PostgreSQL database whose name has 'bench'")
    parser.add_argument(
        "--skip-live-over",
        type=float,
        default=0,
        help="time build_live only 5 times when its warm-up took longer (seconds; 0: never)",
    )
    args = parser.parse_args()
    if args.database_url:
        name = sa.engine.make_url(args.database_url).database or ""
        if "bench" not in name:
            raise SystemExit(f"refusing to drop the tables of {name!r}: use a *bench* database")
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        url = database_url(args.database_url, Path(folder))
        app = create_app(
            conftest.make_config(
                url, UPLOAD_FOLDER=str(Path(folder) / "up"), RATELIMIT_ENABLED=False
            )
        )
        today = dt.datetime.now(SHANGHAI).date()
        with app.app_context():
            engine = db.engine
            print(f"database: {engine.dialect.name}; {args.inspections:,} inspections")
            db.drop_all()
            db.create_all()
            ids = populate(args.inspections, today)
            sa.event.listen(engine, "before_cursor_execute", COUNTER)
            admin = db.session.get(User, ids["admin"])
            supervisor = db.session.get(User, ids["supervisor"])
            three_months = Filters(date_from=today - dt.timedelta(days=91), date_to=today)
            views = [
                ("admin, everything", admin, Filters()),
                ("county supervisor, everything", supervisor, Filters()),
                ("admin, last 3 months", admin, three_months),
                ("county supervisor, last 3 months", supervisor, three_months),
                ("admin, template B", admin, Filters(lineage=ids["lineage_b"])),
                ("admin, region 2 (a county)", admin, Filters(region_id=2)),
                ("admin, one organisation", admin, Filters(organisation_id=1)),
            ]
            print(
                f"data: {ids['scored']:,} scored inspections, {ids['findings']:,} findings, "
                f"{ids['organisations']:,} organisations; runs {args.runs} each way (warm)"
            )
            rows = []
            for name, user, filters in views:
                after = timed(args.runs, lambda u=user, f=filters: dashboard.build(u, f, today))
                live_runs = args.runs
                t0 = time.perf_counter()
                dashboard.build_live(user, filters, today)
                if args.skip_live_over and time.perf_counter() - t0 > args.skip_live_over:
                    live_runs = 5
                db.session.rollback()
                before = timed(
                    live_runs, lambda u=user, f=filters: dashboard.build_live(u, f, today)
                )
                same = "same" if before[3] == after[3] else "DIFFERENT"
                rows.append((name, before, after, same, live_runs))
                print(
                    f"  {name:<34} live {before[0]:8.1f} ms (p95 {before[1]:8.1f}, "
                    f"{before[2]} SQL, {live_runs} runs)   rollups {after[0]:7.1f} ms "
                    f"(p95 {after[1]:7.1f}, {after[2]} SQL)   {same}; "
                    f"{after[3].count:,} inspections"
                )
            decision = approve_cost(args.runs)
        sa.event.remove(engine, "before_cursor_execute", COUNTER)
        client = client_for(app, ids["admin"])
        page = page_times(client, args.runs)
        with app.app_context():
            db.session.remove()
            engine.dispose()

    print()
    print(
        f"summary ({engine.dialect.name}; {args.inspections:,} inspections, {ids['scored']:,} "
        f"scored, {ids['findings']:,} findings, {ids['organisations']:,} organisations; "
        f"rollup rows {ids['rollup_rows']}, rebuilt in {ids['rebuild_s']:.1f} s)"
    )
    print(
        f"{'view':<34} {'live median':>12} {'live p95':>10} {'rollups median':>15} "
        f"{'rollups p95':>12}  aim {AIM_MS:.0f} ms (rollups median)"
    )
    for name, before, after, same, _live_runs in rows:
        verdict = "PASS" if after[0] < AIM_MS else "MISS"
        print(
            f"{name:<34} {before[0]:12.1f} {before[1]:10.1f} {after[0]:15.1f} {after[1]:12.1f}"
            f"  {verdict} ({same})"
        )
    print(f"GET /review/dashboard (admin, page):  median {page[0]:.1f} ms, p95 {page[1]:.1f} ms")
    print(
        f"a decision's rollup upkeep (approve: share + update): median {decision[0]:.2f} ms, "
        f"p95 {decision[1]:.2f} ms, {decision[2]} SQL"
    )
    print(f"done in {time.perf_counter() - started:.0f} s")


def approve_cost(runs: int) -> tuple[float, float, int]:
    """What approving a submitted inspection costs more now (its rollup rows moved from
    submitted to approved), each rolled back."""
    picked = db.session.scalars(
        sa.select(Inspection)
        .where(Inspection.status == InspectionStatus.SUBMITTED)
        .order_by(Inspection.id)
        .limit(runs)
    ).all()
    times, statements = [], 0
    for inspection in picked:
        t0 = time.perf_counter()

        def upkeep(inspection: Inspection = inspection) -> None:
            counted = rollups.share(inspection)
            inspection.status = InspectionStatus.APPROVED
            db.session.flush()
            rollups.update(inspection, counted)

        _result, statements = COUNTER.run(upkeep)
        times.append(time.perf_counter() - t0)
        db.session.rollback()
    median, p95 = percentile_ms(times)
    return median, p95, statements - 1  # the flush's own UPDATE is the decision's


def page_times(client: Any, runs: int) -> tuple[float, float]:
    logging.getLogger("clausecheck.access").setLevel(logging.WARNING)  # a line per request
    response = client.get("/review/dashboard")
    assert response.status_code == 200, response.status_code
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        client.get("/review/dashboard").get_data()
        times.append(time.perf_counter() - t0)
    return percentile_ms(times)


if __name__ == "__main__":
    main()
