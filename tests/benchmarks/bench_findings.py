"""Benchmark: findings at scale — list pages, the API, the CSV export, the overdue check, the
deadline arithmetic and the notice PDF, with the SQL statements each request runs.

Run: .venv/bin/python tests/benchmarks/bench_findings.py [--quick] [--database-url URL].
Not collected by pytest (no test_ functions). Prints figures; asserts nothing.

Data (bulk inserts with SQLAlchemy Core, not through the services): 2 counties, 200 enterprises
split over them, one enterprise user each, a supervisor per county, 20 inspectors, an admin;
one published 48-item template; 5,000 submitted inspections (one sample inspection is really
submitted through ``workflow.submit`` and rolled back, and its stored summary is copied to every
row so the ``inspections`` rows weigh what they weigh in production); 20,000 findings (60 % open,
15 % action_submitted, 20 % closed, 5 % reopened; due_on ±60 days around today; one inspection
has 40 findings, the others 1–7, 4 on average), one notice per inspection and 2 events per
finding. ``--quick`` divides the counts by 10.

The default database is a fresh SQLite file in a temporary folder (never ANALYZEd: the app
never runs ANALYZE). With ``--database-url postgresql://…/clausecheck_bench`` the database is
created if missing, its tables dropped and created again (``db.drop_all(); db.create_all()``)
and ANALYZEd after loading (autovacuum would do so soon after a bulk load).

Figures: median and p95 over repeated warm runs (after one warm-up) of each request through the
Flask test client with a logged-in session, and the SQL statements each run executes (counted
with a ``before_cursor_execute`` listener): a count that grows with the rows shown is an N+1.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import random
import resource
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402
from flask import Flask  # noqa: E402
from flask.testing import FlaskClient  # noqa: E402

from checklists.accounts.models import (  # noqa: E402
    Organisation,
    OrgKind,
    Region,
    RegionLevel,
    Role,
    User,
)
from checklists.authoring import operations as builder  # noqa: E402
from checklists.core.config import normalise_database_url  # noqa: E402
from checklists.core.extensions import db  # noqa: E402
from checklists.scoring import RuleError  # noqa: E402
from checklists.standards.models import Clause, Document  # noqa: E402
from checklists.standards.services import import_text  # noqa: E402
from inspections.filling import workflow  # noqa: E402
from inspections.filling.models import Inspection, InspectionStatus, inspection_inspectors  # noqa: E402
from inspections.findings import operations as findings  # noqa: E402
from inspections.findings import workdays  # noqa: E402
from inspections.findings.models import Finding, FindingEvent, FindingStatus, RectificationNotice  # noqa: E402
from tests import conftest  # noqa: E402
from wsgi import create_app  # noqa: E402

SHANGHAI = ZoneInfo("Asia/Shanghai")
ITEMS = 48
SECTIONS = ("场地与设施", "人员与资质", "制度与台账", "安全生产")
BIG_NOTICE = 40
STATUS_MIX = (
    (FindingStatus.OPEN, 0.60),
    (FindingStatus.ACTION_SUBMITTED, 0.15),
    (FindingStatus.CLOSED, 0.20),
    (FindingStatus.REOPENED, 0.05),
)
#: (n, unit) per severity, as FINDING_DEADLINES says by default.
DEADLINES = {"critical": (5, "working_day"), "major": (15, "day"), "minor": (30, "day")}
BATCH = 5000
ROW_MARK = b'class="finding-row'


# --- counting SQL statements ----------------------------------------------------------------


class StatementCounter:
    """Counts the statements an engine executes while ``on``."""

    def __init__(self) -> None:
        self.on = False
        self.count = 0

    def __call__(self, *_args: Any) -> None:
        if self.on:
            self.count += 1

    def run(self, fn: Callable[[], Any]) -> tuple[Any, int]:
        self.count, self.on = 0, True
        try:
            result = fn()
        finally:
            self.on = False
        return result, self.count


COUNTER = StatementCounter()


# --- the database ---------------------------------------------------------------------------


def database_url(raw: str | None, tmp: Path) -> str:
    if not raw:
        return f"sqlite:///{tmp}/bench.sqlite"
    url = normalise_database_url(raw)
    conftest._ensure_postgres_database(url)
    return url


def scaled(quick: bool) -> dict[str, int]:
    k = 10 if quick else 1
    return {
        "organisations": 200 // k,
        "inspectors": 20 // k,
        "inspections": 5000 // k,
        "findings": 20000 // k,
    }


def build_template() -> tuple[Any, list[Any]]:
    """A published template of 48 yes/no items (severity critical/major/minor in turn) citing
    the first clauses of a bundled gazette, built with checklists.builder."""
    gazette = sorted((ROOT / "checklists" / "demo" / "gazettes").glob("*.txt"))[0]
    import_text(gazette.read_text(encoding="utf-8"), gazette.name)
    db.session.commit()
    clauses = db.session.scalars(
        sa.select(Clause)
        .join(Document)
        .where(Document.is_current, sa.not_(Clause.is_table))
        .order_by(Clause.document_id, Clause.position)
    ).all()
    template = builder.create_template("基准测试：整改问题", None)
    sections = [builder.add_section(template, title) for title in SECTIONS]
    items = []
    for clause in clauses:
        if len(items) == ITEMS:
            break
        try:
            item = builder.add_item(sections[len(items) * len(SECTIONS) // ITEMS], clause)
        except RuleError:  # a requirement whose drafted rule does not validate: skip it
            continue
        builder.update_item(
            item,
            {
                "prompt": f"第 {len(items) + 1} 项：{item.prompt}"[: builder.PROMPT_MAX],
                "answer_type": "yes_no",
                "rule": {},
                "severity": ("critical", "major", "minor")[len(items) % 3],
                "weight": "1",
                "na_allowed": True,
                "required": True,
                "scored": True,
                "valid_from": item.valid_from,
                "valid_to": item.valid_to,
            },
        )
        items.append(item)
    if len(items) < ITEMS:
        raise SystemExit(f"only {len(items)} usable clauses, need {ITEMS}")
    # the author checked every drafted item against its clause
    builder.confirm_items(template, [i.id for i in template.ordered_items()], None)
    builder.publish(template, None)
    db.session.commit()
    return template, template.ordered_items()


def sample_submission(template, org_id: int, inspector_id: int, today: dt.date) -> dict:
    """Submit one inspection (4 items failing) the real way, keep its stored summary, score,
    verdict and grade, and roll it all back."""
    org = db.session.get(Organisation, org_id)
    inspector = db.session.get(User, inspector_id)
    inspection, _created = workflow.create_inspection(template, org, inspector, planned_on=today)
    items = template.ordered_items()
    for n, item in enumerate(items):
        workflow.save_answer(inspection, item.id, "no" if n % 12 == 0 else "yes", inspector)
    workflow.submit(inspection, inspector, today)
    sample = {
        "summary": inspection.summary,
        "score": inspection.score,
        "verdict": inspection.verdict,
        "grade": inspection.grade,
        "findings": db.session.scalar(
            sa.select(sa.func.count())
            .select_from(Finding)
            .where(Finding.inspection_id == inspection.id)
        ),
    }
    db.session.rollback()
    return sample


def insert(table: sa.Table, rows: list[dict]) -> None:
    for start in range(0, len(rows), BATCH):
        db.session.execute(sa.insert(table), rows[start : start + BATCH])


def finding_counts(n_inspections: int, n_findings: int, rng: random.Random) -> list[int]:
    """Findings per inspection: the first has 40, the others 1–7 (4 on average), summing to
    ``n_findings``."""
    counts = [4] * n_inspections
    counts[0] = BIG_NOTICE
    excess = sum(counts) - n_findings
    others = list(range(1, n_inspections))
    while excess > 0:
        i = rng.choice(others)
        if counts[i] > 1:
            counts[i] -= 1
            excess -= 1
    while excess < 0:
        counts[rng.choice(others)] += 1
        excess += 1
    for a in range(1, n_inspections - 1, 2):
        b = a + 1
        d = rng.randint(-3, 3)
        if 1 <= counts[a] + d <= 7 and 1 <= counts[b] - d <= 7:
            counts[a] += d
            counts[b] -= d
    return counts


def populate(sizes: dict[str, int], today: dt.date) -> dict[str, Any]:
    """Everything, in bulk. Returns the ids the measurements need."""
    rng = random.Random(2026)
    now = dt.datetime.now(dt.UTC)
    t0 = time.perf_counter()
    probe = User(username="x")
    probe.set_password("bench-password-9")
    password_hash = probe.password_hash

    insert(
        Region.__table__,
        [
            {"id": 1, "name": "冠县", "level": RegionLevel.COUNTY, "parent_id": None},
            {"id": 2, "name": "临淄区", "level": RegionLevel.COUNTY, "parent_id": None},
        ],
    )
    n_orgs = sizes["organisations"]
    org_ids = list(range(1, n_orgs + 1))
    insert(
        Organisation.__table__,
        [
            {
                "id": i,
                "kind": OrgKind.ENTERPRISE,
                "name": f"基准企业{i:04d}有限公司",
                "region_id": 1 + i % 2,
                "address": f"某某路{i}号",
                "contact_person": "张三",
                "contact_phone": "0635-1234567",
                "active": True,
            }
            for i in org_ids
        ],
    )
    users: list[dict] = []

    def user(role: Role, name: str, **fields: Any) -> int:
        users.append(
            {
                "id": len(users) + 1,
                "username": name,
                "display_name": name,
                "email": "",
                "password_hash": password_hash,
                "role": role,
                "organisation_id": fields.get("organisation_id"),
                "region_id": fields.get("region_id"),
                "locale": "zh",
                "active": True,
            }
        )
        return len(users)

    admin_id = user(Role.ADMIN, "bench-admin")
    supervisor_ids = [user(Role.SUPERVISOR, f"bench-supervisor-{r}", region_id=r) for r in (1, 2)]
    inspector_ids = [
        user(Role.INSPECTOR, f"bench-inspector-{i}") for i in range(sizes["inspectors"])
    ]
    enterprise_ids = {
        org: user(Role.ENTERPRISE, f"bench-enterprise-{org}", organisation_id=org)
        for org in org_ids
    }
    insert(User.__table__, users)
    db.session.commit()
    print(
        f"  regions, {n_orgs} organisations, {len(users)} users: {time.perf_counter() - t0:.1f} s"
    )

    t1 = time.perf_counter()
    template, items = build_template()
    sample = sample_submission(template, org_ids[0], inspector_ids[0], today)
    summary_bytes = len(json.dumps(sample["summary"], ensure_ascii=False).encode())
    print(
        f"  template ({len(items)} items) and a real sample submission "
        f"({sample['findings']} findings, summary {summary_bytes:,} B JSON, verdict "
        f"{sample['verdict']}): {time.perf_counter() - t1:.1f} s"
    )

    t2 = time.perf_counter()
    n_insp = sizes["inspections"]
    counts = finding_counts(n_insp, sizes["findings"], rng)
    inspections, assigned, notices = [], [], []
    submitted: list[dt.datetime] = []
    for i in range(1, n_insp + 1):
        org = org_ids[(i - 1) % n_orgs]
        inspector = inspector_ids[(i - 1) % len(inspector_ids)]
        at = now - dt.timedelta(days=rng.randint(1, 120), minutes=rng.randint(0, 600))
        submitted.append(at)
        inspections.append(
            {
                "id": i,
                "uuid": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                "template_id": template.id,
                "organisation_id": org,
                "site_id": None,
                "project": "",
                "planned_on": at.date(),
                "status": InspectionStatus.SUBMITTED,
                "revision": 1,
                "created_by_id": inspector,
                "created_at": at - dt.timedelta(hours=2),
                "submitted_at": at,
                "score": Decimal(rng.randint(400, 990)) / 10,
                "verdict": sample["verdict"],
                "grade": sample["grade"],
                "summary": sample["summary"],
                "return_comment": "",
            }
        )
        assigned.append({"inspection_id": i, "user_id": inspector})
        notices.append(
            {
                "id": i,
                "inspection_id": i,
                "revision": 1,
                "year": today.year,
                "seq": i,
                "number": f"整改〔{today.year}〕{i:04d}号",
                "issued_on": at.astimezone(SHANGHAI).date(),
                "issued_at": at,
                "issued_by_id": inspector,
                "superseded": False,
            }
        )
    insert(Inspection.__table__, inspections)
    insert(inspection_inspectors, assigned)
    insert(RectificationNotice.__table__, notices)
    db.session.commit()
    print(f"  {n_insp:,} inspections, notices: {time.perf_counter() - t2:.1f} s")

    t3 = time.perf_counter()
    total = sum(counts)
    statuses: list[FindingStatus] = []
    for status, share in STATUS_MIX:
        statuses += [status] * round(total * share)
    statuses = (statuses + [FindingStatus.OPEN] * total)[:total]
    rng.shuffle(statuses)
    rows, events = [], []
    finding_id = 0
    for i, count in enumerate(counts, start=1):
        row = inspections[i - 1]
        org, inspector = row["organisation_id"], row["created_by_id"]
        for number, item in enumerate(sorted(rng.sample(items, count), key=items.index), 1):
            finding_id += 1
            status = statuses[finding_id - 1]
            severity = str(item.severity)
            n, unit = DEADLINES[severity]
            hours = rng.random() < 0.05
            if hours:
                n, unit = 72, "hour"
            due_on = today + dt.timedelta(days=rng.randint(-60, 60))
            start = due_on - dt.timedelta(days=3 if hours else (n * 7 // 5 if unit == "day" else n))
            due_at = (
                dt.datetime.combine(due_on, dt.time(17, 0), SHANGHAI).astimezone(dt.UTC)
                if hours
                else None
            )
            explanation = (
                f"自{workdays.cn_date(start)}的次日起计算{n}"
                f"{'小时' if hours else ('个工作日' if unit == 'working_day' else '日')}"
                f"（不计开始当日），截止于{workdays.cn_date(due_on)}。"
            )
            closed_at = row["submitted_at"] + dt.timedelta(days=rng.randint(1, 30))
            rows.append(
                {
                    "id": finding_id,
                    "inspection_id": i,
                    "organisation_id": org,
                    "item_id": item.id,
                    "notice_id": i,
                    "number": number,
                    "revision": 1,
                    "template_id": template.id,
                    "template_version": template.version,
                    "clause_key": item.clause_key,
                    "document_number": item.document_number,
                    "clause_text": item.clause_text,
                    "clause_text_hash": item.clause_text_hash,
                    "prompt": item.prompt,
                    "severity": severity,
                    "reason": f"答案为“否”，不符合{item.citation}的要求。",
                    "required_action": f"按条款要求整改：{item.prompt}",
                    "status": status,
                    "deadline_start": start,
                    "deadline_n": n,
                    "deadline_unit": unit,
                    "due_on": due_on,
                    "due_at": due_at,
                    "deadline_provisional": False,
                    "deadline_explanation": explanation,
                    "deadline_set_by_id": None,
                    "overdue_since": None,
                    "created_at": row["submitted_at"],
                    "closed_at": closed_at if status == FindingStatus.CLOSED else None,
                }
            )
            events.append(
                {
                    "finding_id": finding_id,
                    "kind": "raised",
                    "actor_id": None,
                    "at": row["submitted_at"],
                    "text": explanation,
                    "data": {},
                    "client_id": None,
                }
            )
            second = {
                FindingStatus.OPEN: ("deadline", inspector, "延长整改期限。"),
                FindingStatus.ACTION_SUBMITTED: ("action", enterprise_ids[org], "已整改，见附件。"),
                FindingStatus.CLOSED: ("closed", inspector, "复查：已整改到位。"),
                FindingStatus.REOPENED: ("reopened", inspector, "复查：未整改到位。"),
            }[status]
            events.append(
                {
                    "finding_id": finding_id,
                    "kind": second[0],
                    "actor_id": second[1],
                    "at": row["submitted_at"] + dt.timedelta(days=1),
                    "text": second[2],
                    "data": {"status": str(status)},
                    "client_id": None,
                }
            )
    insert(Finding.__table__, rows)
    insert(FindingEvent.__table__, events)
    db.session.commit()
    print(
        f"  {len(rows):,} findings ({dict(Counter(str(s) for s in statuses))}), "
        f"{len(events):,} events: {time.perf_counter() - t3:.1f} s"
    )

    with db.engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            for table in db.metadata.sorted_tables:
                if "id" in table.c and table.c.id.primary_key and table.c.id.autoincrement:
                    conn.execute(
                        sa.text(
                            f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                            f"coalesce((SELECT max(id) FROM {table.name}), 0) + 1, false)"
                        )
                    )
            conn.execute(sa.text("ANALYZE"))
    by_inspection = Counter(r["inspection_id"] for r in rows)
    small = next(i for i in range(2, n_insp + 1) if by_inspection[i] == 4)
    org_of = {r["id"]: r["organisation_id"] for r in inspections}
    busiest_org = Counter(r["organisation_id"] for r in rows).most_common(1)[0][0]
    return {
        "admin": admin_id,
        "supervisor": supervisor_ids[0],
        "enterprise": enterprise_ids[busiest_org],
        "enterprise_findings": sum(1 for r in rows if r["organisation_id"] == busiest_org),
        "notice_4": small,
        "notice_40": 1,
        "org_of_notice_40": org_of[1],
        "findings": len(rows),
        "overdue_expected": sum(
            1
            for r in rows
            if r["status"] in (FindingStatus.OPEN, FindingStatus.REOPENED)
            and (r["due_on"] < today or (r["due_at"] is not None and r["due_at"] < now))
        ),
    }


# --- measuring ------------------------------------------------------------------------------


def percentile_ms(samples: list[float]) -> tuple[float, float]:
    if len(samples) < 2:
        return samples[0] * 1000, samples[0] * 1000
    cuts = statistics.quantiles(samples, n=100, method="inclusive")
    return statistics.median(samples) * 1000, cuts[94] * 1000


class Results:
    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, str, str, str]] = []

    def add(self, name: str, median: float, p95: float, size: str, sql: str, note: str = ""):
        def ms(value: float) -> str:
            return f"{value:,.1f}" if value >= 1 else f"{value:.3f}"

        self.rows.append((name, ms(median), ms(p95), size, sql, note))

    def table(self) -> None:
        head = ("measure", "median ms", "p95 ms", "bytes", "SQL/run", "")
        rows = [head, ("-" * 8,) * 5 + ("",), *self.rows]
        widths = [max(len(r[i]) for r in rows) for i in range(5)]
        for row in rows:
            cells = [row[0].ljust(widths[0])]
            cells += [cell.rjust(width) for cell, width in zip(row[1:5], widths[1:], strict=True)]
            print("  ".join(cells) + (f"  {row[5]}" if row[5] else ""))


def client_for(app: Flask, user_id: int) -> FlaskClient:
    client = app.test_client()
    with app.app_context():
        session_id = db.session.get(User, user_id).get_id()
    with client.session_transaction() as session:
        session["_user_id"] = session_id
        session["_fresh"] = True
    return client


def measure(
    results: Results,
    name: str,
    client: FlaskClient,
    path: str,
    reps: int,
    expect: str | None = None,
    rss: bool = False,
) -> None:
    """One warm-up, then ``reps`` timed runs; SQL counted on every run. With ``rss``, how much
    the process's peak resident memory grew (meaningful when this is the heaviest request)."""
    peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    warm = client.get(path)
    if warm.status_code != 200:
        print(f"  ! {name}: {path} answered {warm.status_code}: {warm.get_data()[:200]!r}")
        return
    times, sqls, size, note = [], [], 0, ""
    for _ in range(reps):
        t0 = time.perf_counter()
        response, sql = COUNTER.run(lambda: client.get(path))
        body = response.get_data()
        times.append(time.perf_counter() - t0)
        sqls.append(sql)
        size = len(body)
        if expect == "json":
            note = f"{len(response.get_json())} rows"
        elif expect == "csv":
            note = f"{len(list(csv.reader(io.StringIO(body.decode('utf-8-sig'))))) - 1:,} rows"
        elif expect == "findings":
            note = f"{body.count(ROW_MARK):,} rows"
    if rss:
        grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak_before) / 1024
        note += f"; peak RSS +{grown:,.0f} MB"
    median, p95 = percentile_ms(times)
    spread = sorted(set(sqls))
    results.add(name, median, p95, f"{size:,}", "/".join(map(str, spread)), note)
    print(f"  {name:<46} {median:9.1f} ms  p95 {p95:9.1f} ms  {size:>11,} B  SQL {spread} {note}")


def deadline_rates(results: Results, quick: bool) -> None:
    calls = 1000 if quick else 10_000
    rng = random.Random(7)
    calendar = workdays.OfficialCalendar()
    first, span = dt.date(2025, 1, 1), (dt.date(2027, 12, 31) - dt.date(2025, 1, 1)).days
    starts = [first + dt.timedelta(days=rng.randint(0, span)) for _ in range(calls)]
    plans = {
        "working_day": [rng.choice((3, 5, 10, 15, 20)) for _ in range(calls)],
        "day": [rng.choice((7, 15, 30, 60)) for _ in range(calls)],
        "hour": [rng.choice((24, 48, 72)) for _ in range(calls)],
    }
    for unit, ns in plans.items():
        if unit == "hour":
            args = [
                (dt.datetime.combine(s, dt.time(9, 30), SHANGHAI), n)
                for s, n in zip(starts, ns, strict=True)
            ]
        else:
            args = list(zip(starts, ns, strict=True))
        provisional = 0
        t0 = time.perf_counter()
        for start, n in args:
            provisional += workdays.deadline(start, n, unit, calendar).provisional
        elapsed = time.perf_counter() - t0
        rate = calls / elapsed
        per_call = elapsed / calls * 1000
        print(
            f"  deadline({unit:<11}) {rate:>10,.0f} calls/s  ({per_call * 1000:.1f} µs/call; "
            f"{provisional:,} of {calls:,} provisional)"
        )
        results.add(
            f"workdays.deadline {unit} (per call)", per_call, per_call, "", "0", f"{rate:,.0f}/s"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a tenth of the data, fewer runs")
    parser.add_argument(
        "--database-url",
        help="e.g. postgresql://postgres@127.0.0.1:5432/clausecheck_bench (default: SQLite)",
    )
    args = parser.parse_args()
    started = time.perf_counter()
    sizes = scaled(args.quick)
    reps = (
        {"api": 10, "page": 5, "export": 3, "pdf": 3}
        if args.quick
        else {
            "api": 30,
            "page": 15,
            "export": 5,
            "pdf": 5,
        }
    )
    results = Results()
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        url = database_url(args.database_url, tmp)
        app = create_app(
            conftest.make_config(url, UPLOAD_FOLDER=str(tmp / "uploads"), RATELIMIT_ENABLED=False)
        )
        with app.app_context():
            engine = db.engine
            print(
                f"database: {engine.dialect.name} ({engine.url.render_as_string()}); sizes {sizes}"
            )
            db.drop_all()
            db.create_all()
            today = dt.datetime.now(SHANGHAI).date()
            t0 = time.perf_counter()
            ids = populate(sizes, today)
            print(f"data ready in {time.perf_counter() - t0:.1f} s")
            db.session.remove()
        sa.event.listen(engine, "before_cursor_execute", COUNTER)

        admin = client_for(app, ids["admin"])
        supervisor = client_for(app, ids["supervisor"])
        enterprise = client_for(app, ids["enterprise"])

        print(
            f"1. GET /api/v1/findings (runs: {reps['api']}; enterprise user of an organisation "
            f"with {ids['enterprise_findings']} findings)"
        )
        api = "/api/v1/findings?per_page=100"
        measure(results, "API findings p1/100 enterprise", enterprise, api, reps["api"], "json")
        measure(results, "API findings p1/100 supervisor", supervisor, api, reps["api"], "json")
        measure(results, "API findings p1/100 admin", admin, api, reps["api"], "json")
        measure(
            results,
            "API findings ?overdue=1 supervisor",
            supervisor,
            api + "&overdue=1",
            reps["api"],
            "json",
        )
        measure(
            results,
            "API findings p1/10 admin (N+1?)",
            admin,
            "/api/v1/findings?per_page=10",
            reps["api"],
            "json",
        )
        measure(
            results,
            "API findings p1/1000 admin (N+1?)",
            admin,
            "/api/v1/findings?per_page=1000",
            reps["page"],
            "json",
        )
        measure(
            results,
            "API findings p20/100 admin (OFFSET 1900)",
            admin,
            "/api/v1/findings?per_page=100&page=20",
            reps["api"],
            "json",
        )
        measure(
            results,
            "API calendar/deadline",
            admin,
            "/api/v1/calendar/deadline?start=2026-09-28&n=15&unit=working_day",
            reps["api"],
        )

        print(f"2. pages (runs: {reps['page']})")
        measure(
            results, "GET /findings/ supervisor", supervisor, "/findings/", reps["page"], "findings"
        )
        measure(
            results,
            "GET /findings/?show=all admin",
            admin,
            "/findings/?show=all",
            reps["page"],
            "findings",
        )
        measure(
            results, "GET /findings/ enterprise", enterprise, "/findings/", reps["page"], "findings"
        )
        measure(results, "GET / enterprise", enterprise, "/", reps["page"], "findings")
        measure(results, "GET / supervisor", supervisor, "/", reps["page"])

        print(f"3. CSV export (runs: {reps['export']})")
        measure(
            results,
            "GET /findings/export.csv?show=all admin",
            admin,
            "/findings/export.csv?show=all",
            reps["export"],
            "csv",
            rss=True,
        )

        print(f"6. notices (runs: {reps['pdf']} for PDFs, {reps['page']} for HTML)")
        for label, notice in (("4", ids["notice_4"]), ("40", ids["notice_40"])):
            measure(
                results,
                f"GET /notices/<id> ({label} findings)",
                admin,
                f"/notices/{notice}",
                reps["page"],
            )
        for label, notice in (("4", ids["notice_4"]), ("40", ids["notice_40"])):
            measure(
                results,
                f"GET /notices/<id>.pdf ({label} findings)",
                admin,
                f"/notices/{notice}.pdf",
                reps["pdf"],
            )

        print("5. workdays.deadline (pure)")
        deadline_rates(results, args.quick)

        print(f"4. check_overdue (expected to flag {ids['overdue_expected']:,})")
        for run in ("first", "second"):
            with app.app_context():
                now = dt.datetime.now(dt.UTC)
                t0 = time.perf_counter()
                late, sql = COUNTER.run(lambda now=now: findings.check_overdue(today, now))
                t1 = time.perf_counter()
                _none, commit_sql = COUNTER.run(db.session.commit)
                t2 = time.perf_counter()
                flagged = len(late)
                db.session.remove()
            per = f"; {sql / flagged:.1f} statements per flagged finding" if flagged else ""
            print(
                f"  {run} run: {flagged:,} flagged in {t1 - t0:.2f} s (+ commit "
                f"{t2 - t1:.2f} s); {sql:,} statements + {commit_sql:,} at commit{per}"
            )
            results.add(
                f"check_overdue {run} run",
                (t2 - t0) * 1000,
                (t2 - t0) * 1000,
                "",
                f"{sql + commit_sql:,}",
                f"{flagged:,} flagged",
            )
        with app.app_context():
            notes = db.session.scalar(sa.text("SELECT count(*) FROM notifications"))
            db.session.remove()
        print(f"  notifications written: {notes:,}")
        measure(
            results,
            "GET / enterprise (after check_overdue)",
            enterprise,
            "/",
            reps["page"],
            "findings",
        )

        with app.app_context():
            db.session.remove()
            engine.dispose()

    print()
    print(f"summary ({engine.dialect.name}, {ids['findings']:,} findings; times in ms)")
    results.table()
    shutil.rmtree(conftest.UPLOADS, ignore_errors=True)
    print(f"done in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
