"""Benchmark: the supervisors' pages at scale — the dashboard, the review queue, the exports
(CSV and Excel) and one inspection's report and PDF, with the SQL statements each request runs.

Run: .venv/bin/python tests/benchmarks/bench_review.py [--quick] [--database-url URL].
Not collected by pytest (no test_ functions). Prints figures; asserts nothing.

Data (bulk inserts with SQLAlchemy Core, not through the services): 2 counties of 3 townships
each, 500 enterprises spread over the townships, a supervisor per county, an unscoped admin,
30 inspectors; two published 60-item templates built with ``checklists.builder`` from the
bundled gazettes (severity about 15 % critical, 45 % major, 40 % minor); 20,000 inspections
over the last 12 months (68 % approved, 22 % submitted, 3 % returned, 3 % in progress, 4 %
planned, most planned days of the open ones in the past); scores ~ N(82, 10) clipped to 0–100
with verdict and grade from the template's bands; one really submitted inspection per template
(rolled back) lends its stored ``summary`` (about 20 KB of JSON) to every submitted row of that
template; 60 current answers per submitted inspection and 30 per inspection in progress (about
1.13 M rows, plus a few superseded writes; ~8 % fail, more for low scores, some clauses failing
far more often than others; ~5 % not applicable), none for planned ones; findings
for every failed item of ~15 % of the scored inspections (one notice each, statuses by age,
deadlines by severity), one "raised" event per finding; one or two audit entries per
inspection; then the dashboard's rollups computed from them (``rollups.rebuild``: the rows are
written directly, not through the workflow that keeps them). ``--quick`` divides the counts
by 10 (organisations, inspectors, inspections).

The default database is a fresh SQLite file in a temporary folder (never ANALYZEd: the app
never runs ANALYZE). With ``--database-url postgresql://…/clausecheck_bench_review`` the
database (its name must contain "bench") is created if missing, its tables dropped and created
again and ANALYZEd after loading.

Figures: median and p95 over repeated warm runs (after one warm-up) of each request through
the Flask test client with a logged-in session, the SQL statements each run executes, and for
the exports the bytes, the time to the first chunk (CSV is streamed), the process's resident
memory growth during the request (sampled from /proc every 5 ms) and the Python heap peak
(tracemalloc, one extra untimed run). For three dashboard views the slowest statements are
listed with the time spent in them (their share of the request tells the database's part from
the template's).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import io
import json
import logging
import random
import statistics
import sys
import tempfile
import threading
import time
import tracemalloc
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402
from flask.testing import FlaskClient  # noqa: E402

from checklists.accounts.models import (  # noqa: E402
    ApiToken,
    Organisation,
    OrgKind,
    Region,
    RegionLevel,
    Role,
    User,
)
from checklists.authoring import operations as builder  # noqa: E402
from checklists.authoring.models import ChecklistTemplate  # noqa: E402
from checklists.core.audit import AuditEntry  # noqa: E402
from checklists.core.extensions import db  # noqa: E402
from checklists.scoring import RuleError  # noqa: E402
from checklists.standards.models import Clause, Document  # noqa: E402
from checklists.standards.services import import_text  # noqa: E402
from inspections.filling.models import Answer, Inspection, InspectionStatus, inspection_inspectors  # noqa: E402
from inspections.findings.models import Finding, FindingEvent, FindingStatus, RectificationNotice  # noqa: E402
from inspections.review import rollups  # noqa: E402
from tests import conftest  # noqa: E402
from tests.benchmarks.bench_findings import (  # noqa: E402
    COUNTER,
    Results,
    client_for,
    database_url,
    insert,
    percentile_ms,
    sample_submission,
)
from wsgi import create_app  # noqa: E402

SHANGHAI = ZoneInfo("Asia/Shanghai")
ITEMS = 60
TEMPLATES = (
    ("基准测试：政府采购合规检查", ("采购计划与预算", "采购方式与程序", "合同与履约", "档案管理")),
    ("基准测试：安全生产综合检查", ("场地与设施", "人员与资质", "制度与台账", "应急管理")),
)
#: (status, share) of the inspections.
STATUS_MIX = (
    (InspectionStatus.APPROVED, 0.68),
    (InspectionStatus.SUBMITTED, 0.22),
    (InspectionStatus.RETURNED, 0.03),
    (InspectionStatus.IN_PROGRESS, 0.03),
    (InspectionStatus.PLANNED, 0.04),
)
#: Grade bands of builder.create_template's default: (lowest score, label, pass).
BANDS = ((90, "优秀", True), (75, "良好", True), (60, "合格", True), (0, "不合格", False))
#: Severity of item n (of 20, repeating): 3 critical, 9 major, 8 minor.
SEVERITY_CYCLE = ("critical",) * 3 + ("major",) * 9 + ("minor",) * 8
#: Days to put a finding right, by severity.
DEADLINE_DAYS = {"critical": 7, "major": 15, "minor": 30}
FINDING_SHARE = 0.15
#: Inspections (with their answers, findings ...) generated and inserted at once.
CHUNK = 500
AIM_MS = 300.0
EXPORT_ANSWERS = 100_000


# --- the data -------------------------------------------------------------------------------


def scaled(quick: bool, scale: float = 1.0) -> dict[str, int]:
    k = (0.1 if quick else 1.0) * scale
    return {
        "organisations": round(500 * k),
        "inspectors": max(3, round(30 * k)),
        "inspections": round(20_000 * k),
    }


def usable_clauses() -> list[Clause]:
    """The current, non-table clauses of the bundled gazettes, in document order."""
    for gazette in sorted((ROOT / "checklists" / "demo" / "gazettes").glob("*.txt"))[:2]:
        import_text(gazette.read_text(encoding="utf-8"), gazette.name)
        db.session.commit()
    return list(
        db.session.scalars(
            sa.select(Clause)
            .join(Document)
            .where(Document.is_current, sa.not_(Clause.is_table))
            .order_by(Clause.document_id, Clause.position)
        )
    )


def build_template(name: str, sections: tuple[str, ...], clauses: Iterator[Clause]) -> Any:
    """A published template of 60 yes/no items citing the next usable ``clauses``."""
    template = builder.create_template(name, None)
    parts = [builder.add_section(template, title) for title in sections]
    items = []
    for clause in clauses:
        if len(items) == ITEMS:
            break
        if len(clause.text) < 20:
            continue  # headings and the like: not something anybody checks
        try:
            item = builder.add_item(parts[len(items) * len(parts) // ITEMS], clause)
        except RuleError:
            continue
        builder.update_item(
            item,
            {
                "prompt": f"第 {len(items) + 1} 项：{item.prompt}"[: builder.PROMPT_MAX],
                "answer_type": "yes_no",
                "rule": {},
                "severity": SEVERITY_CYCLE[len(items) % len(SEVERITY_CYCLE)],
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
        raise SystemExit(f"only {len(items)} usable clauses for {name}, need {ITEMS}")
    # the author checked every drafted item against its clause
    builder.confirm_items(template, [i.id for i in template.ordered_items()], None)
    builder.publish(template, None)
    db.session.commit()
    return template


def grade_of(score: Decimal) -> tuple[str, str]:
    for low, label, passed in BANDS:
        if score >= low:
            return ("pass" if passed else "fail"), label
    return "fail", BANDS[-1][1]


def local_day(moment: dt.datetime) -> dt.date:
    return moment.astimezone(SHANGHAI).date()


def finding_status(rng: random.Random, age_days: int) -> FindingStatus:
    if age_days > 90:
        mix = ((FindingStatus.CLOSED, 0.80), (FindingStatus.OPEN, 0.10))
        mix += ((FindingStatus.ACTION_SUBMITTED, 0.05), (FindingStatus.REOPENED, 0.02))
    else:
        mix = ((FindingStatus.OPEN, 0.45), (FindingStatus.ACTION_SUBMITTED, 0.25))
        mix += ((FindingStatus.CLOSED, 0.25), (FindingStatus.REOPENED, 0.03))
    draw = rng.random()
    for status, share in mix:
        draw -= share
        if draw < 0:
            return status
    return FindingStatus.WITHDRAWN


def populate(sizes: dict[str, int], today: dt.date) -> dict[str, Any]:
    """Everything, in bulk. Returns what the measurements need."""
    rng = random.Random(2027)
    now = dt.datetime.now(dt.UTC)
    t0 = time.perf_counter()
    probe = User(username="x")
    probe.set_password("bench-password-9")
    password_hash = probe.password_hash

    regions = [
        {"id": 1, "name": "冠县", "level": RegionLevel.COUNTY, "parent_id": None},
        {"id": 2, "name": "临淄区", "level": RegionLevel.COUNTY, "parent_id": None},
    ]
    townships = {1: ("清泉街道", "崇文街道", "烟庄街道"), 2: ("闻韶街道", "雪宫街道", "辛店街道")}
    for county, names in townships.items():
        for name in names:
            regions.append(
                {
                    "id": len(regions) + 1,
                    "name": name,
                    "level": RegionLevel.TOWNSHIP,
                    "parent_id": county,
                }
            )
    insert(Region.__table__, regions)
    township_ids = [r["id"] for r in regions if r["parent_id"]]
    n_orgs = sizes["organisations"]
    org_ids = list(range(1, n_orgs + 1))
    org_region = {i: township_ids[i % len(township_ids)] for i in org_ids}
    insert(
        Organisation.__table__,
        [
            {
                "id": i,
                "kind": OrgKind.ENTERPRISE,
                "name": f"基准企业{i:04d}有限公司",
                "credit_code": f"913715{i:011d}X",
                "region_id": org_region[i],
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
                "display_name": fields.get("display_name", name),
                "email": "",
                "password_hash": password_hash,
                "role": role,
                "organisation_id": None,
                "region_id": fields.get("region_id"),
                "locale": "zh",
                "active": True,
            }
        )
        return len(users)

    admin_id = user(Role.ADMIN, "bench-admin")
    supervisor_ids = [user(Role.SUPERVISOR, f"bench-supervisor-{r}", region_id=r) for r in (1, 2)]
    surnames = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧"
    inspector_ids = [
        user(Role.INSPECTOR, f"bench-inspector-{i}", display_name=f"{surnames[i % 30]}检查员{i}")
        for i in range(sizes["inspectors"])
    ]
    insert(User.__table__, users)
    db.session.commit()
    print(
        f"  {len(regions)} regions, {n_orgs} organisations, {len(users)} users: "
        f"{time.perf_counter() - t0:.1f} s"
    )

    t1 = time.perf_counter()
    clauses = iter(usable_clauses())
    templates = [build_template(name, sections, clauses) for name, sections in TEMPLATES]
    items_of = {t.id: t.ordered_items() for t in templates}
    samples = {t.id: sample_submission(t, org_ids[0], inspector_ids[0], today) for t in templates}
    for t in templates:  # the sample submissions were rolled back: load the items again
        items_of[t.id] = db.session.get(ChecklistTemplate, t.id).ordered_items()
    template_meta = {
        t.id: {"lineage": t.lineage, "version": t.version, "name": t.name} for t in templates
    }
    sizes_json = [
        len(json.dumps(s["summary"], ensure_ascii=False).encode()) for s in samples.values()
    ]
    print(
        f"  2 templates of {ITEMS} items, a real sample submission each (summary "
        f"{'/'.join(f'{b:,}' for b in sizes_json)} B JSON): {time.perf_counter() - t1:.1f} s"
    )

    # How often each item fails, relative to the others: a few clauses fail far more often.
    weight: dict[int, float] = {}
    for items in items_of.values():
        order = list(range(len(items)))
        rng.shuffle(order)
        raw = [1 / (1 + rank / 5) ** 1.5 for rank in order]
        mean = sum(raw) / len(raw)
        weight.update({item.id: w / mean for item, w in zip(items, raw, strict=True)})
    item_text = {}
    for items in items_of.values():
        for item in items:
            citation = item.citation
            item_text[item.id] = {
                "pass": f"回答：是，符合（{citation}）",
                "fail": f"回答：否，不符合（{citation}）",
                "na": "不适用，不计分",
            }

    t2 = time.perf_counter()
    n_insp = sizes["inspections"]
    statuses: list[InspectionStatus] = []
    for status, share in STATUS_MIX:
        statuses += [status] * round(n_insp * share)
    statuses = (statuses + [InspectionStatus.APPROVED] * n_insp)[:n_insp]
    rng.shuffle(statuses)
    year = 365 * 86400
    answers_per_day: Counter[dt.date] = Counter()
    stats: Counter[str] = Counter()
    report_candidates: list[tuple[str, int]] = []
    fill: tuple[str, list[int]] | None = None  # an inspection in progress, for the filling page
    notice_seq = 0
    finding_id = 0
    for start in range(1, n_insp + 1, CHUNK):
        inspections, assigned, answers, audits = [], [], [], []
        notices, findings, events = [], [], []
        for i in range(start, min(start + CHUNK, n_insp + 1)):
            status = statuses[i - 1]
            template = templates[0] if rng.random() < 0.6 else templates[1]
            items = items_of[template.id]
            sample = samples[template.id]
            org = rng.choice(org_ids)
            crew = rng.sample(inspector_ids, 2 if rng.random() < 0.4 else 1)
            submitted_at = score = verdict = grade = returned_at = None
            draw = 82.0
            revision, comment = 1, ""
            if status in (InspectionStatus.PLANNED, InspectionStatus.IN_PROGRESS):
                planned_on = today + dt.timedelta(days=rng.randint(-45, 20))
                created_at = now - dt.timedelta(days=rng.randint(50, 80))
                if status == InspectionStatus.IN_PROGRESS:
                    planned_on = min(planned_on, today)
                started = created_at + dt.timedelta(days=rng.randint(1, 40))
            else:
                submitted_at = now - dt.timedelta(seconds=rng.uniform(3600, year))
                planned_on = local_day(submitted_at) - dt.timedelta(days=rng.randint(0, 3))
                created_at = submitted_at - dt.timedelta(days=rng.randint(4, 20))
                started = submitted_at - dt.timedelta(hours=3)
                draw = min(100.0, max(0.0, rng.gauss(82, 10)))
                if status == InspectionStatus.RETURNED:
                    revision, returned_at = 2, submitted_at + dt.timedelta(days=1)
                    comment = "请补充第 3 项的证明材料。"
                else:
                    score = Decimal(str(draw)).quantize(Decimal("0.1"), ROUND_HALF_UP)
                    verdict, grade = grade_of(score)
            key = str(uuid.UUID(int=rng.getrandbits(128), version=4))
            if fill is None and status == InspectionStatus.IN_PROGRESS:
                fill = (key, [item.id for item in items])
            inspections.append(
                {
                    "id": i,
                    "uuid": key,
                    "template_id": template.id,
                    "organisation_id": org,
                    "site_id": None,
                    "project": "",
                    "planned_on": planned_on,
                    "status": status,
                    "revision": revision,
                    "created_by_id": crew[0],
                    "created_at": created_at,
                    "submitted_at": submitted_at,
                    "score": score,
                    "verdict": verdict,
                    "grade": grade,
                    "summary": sample["summary"] if submitted_at else None,
                    "return_comment": comment,
                    "returned_at": returned_at,
                }
            )
            assigned += [{"inspection_id": i, "user_id": u} for u in crew]
            stats[str(status)] += 1
            if status == InspectionStatus.PLANNED:
                continue
            # Answers: the lower the score, the more failures; some clauses fail more often.
            share = (100 - draw) / 100 * 0.45
            answered = items if submitted_at else items[: len(items) // 2]
            failed = []
            for n, item in enumerate(answered):
                p = min(0.9, share * weight[item.id])
                roll = rng.random()
                result = "fail" if roll < p else ("na" if roll > 0.95 else "pass")
                at = started + dt.timedelta(minutes=2 * n, seconds=rng.randint(0, 90))
                if rng.random() < 0.003:  # an earlier write, since superseded
                    answers.append(
                        answer_row(i, item.id, "no", "fail", item_text, at, crew[0], False)
                    )
                    at += dt.timedelta(minutes=1)
                value = {"pass": "yes", "fail": "no", "na": "na"}[result]
                answers.append(answer_row(i, item.id, value, result, item_text, at, crew[0], True))
                if result == "fail":
                    failed.append(item)
            stats["answers"] += len(answered)
            stats["failed"] += len(failed)
            if submitted_at:
                answers_per_day[local_day(submitted_at)] += len(answered)
                audits.append(audit_row(i, crew[0], submitted_at, "submitted", None, score))
                if status == InspectionStatus.APPROVED:
                    at = submitted_at + dt.timedelta(days=rng.randint(1, 5))
                    audits.append(audit_row(i, supervisor_ids[0], at, "approved", score, score))
                elif status == InspectionStatus.RETURNED:
                    audits.append(audit_row(i, supervisor_ids[0], returned_at, "returned", 0, None))
            if not (failed and score is not None and rng.random() < FINDING_SHARE):
                continue
            notice_seq += 1
            issued_on = local_day(submitted_at)
            notices.append(
                {
                    "id": notice_seq,
                    "inspection_id": i,
                    "revision": 1,
                    "year": issued_on.year,
                    "seq": notice_seq,
                    "number": f"整改〔{issued_on.year}〕{notice_seq:05d}号",
                    "issued_on": issued_on,
                    "issued_at": submitted_at,
                    "issued_by_id": crew[0],
                    "superseded": False,
                }
            )
            if status == InspectionStatus.APPROVED and len(failed) >= 3:
                report_candidates.append((inspections[-1]["uuid"], len(failed)))
            for number, item in enumerate(failed, 1):
                finding_id += 1
                severity = str(item.severity)
                days = DEADLINE_DAYS[severity]
                f_status = finding_status(rng, (today - issued_on).days)
                due_on = issued_on + dt.timedelta(days=days)
                explanation = f"自{issued_on}的次日起计算{days}日（不计开始当日），截止于{due_on}。"
                closed = submitted_at + dt.timedelta(days=rng.randint(1, days + 10))
                findings.append(
                    {
                        "id": finding_id,
                        "inspection_id": i,
                        "organisation_id": org,
                        "item_id": item.id,
                        "notice_id": notice_seq,
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
                        "reason": item_text[item.id]["fail"],
                        "required_action": f"按条款要求整改：{item.prompt}"[:400],
                        "status": f_status,
                        "deadline_start": issued_on,
                        "deadline_n": days,
                        "deadline_unit": "day",
                        "due_on": due_on,
                        "due_at": None,
                        "deadline_provisional": False,
                        "deadline_explanation": explanation,
                        "deadline_set_by_id": None,
                        "overdue_since": None,
                        "created_at": submitted_at,
                        "closed_at": closed if f_status == FindingStatus.CLOSED else None,
                    }
                )
                events.append(
                    {
                        "finding_id": finding_id,
                        "kind": "raised",
                        "actor_id": None,
                        "at": submitted_at,
                        "text": explanation,
                        "data": {},
                        "client_id": None,
                    }
                )
                stats[f"finding {f_status}"] += 1
        insert(Inspection.__table__, inspections)
        insert(inspection_inspectors, assigned)
        insert(Answer.__table__, answers)
        insert(AuditEntry.__table__, audits)
        insert(RectificationNotice.__table__, notices)
        insert(Finding.__table__, findings)
        insert(FindingEvent.__table__, events)
        db.session.commit()
        done = min(start + CHUNK - 1, n_insp)
        if done % (n_insp // 4) < CHUNK or done == n_insp:
            print(
                f"    {done:,} inspections, {stats['answers']:,} answers, {finding_id:,} "
                f"findings: {time.perf_counter() - t2:.1f} s"
            )
    by_status = {k: v for k, v in stats.items() if k in STATUS_NAMES}
    by_finding = {k[8:]: v for k, v in stats.items() if k.startswith("finding ")}
    print(
        f"  inspections {by_status}; {stats['failed'] / stats['answers']:.1%} of answers fail; "
        f"findings {by_finding}, {notice_seq:,} notices: {time.perf_counter() - t2:.1f} s"
    )

    t3 = time.perf_counter()
    # Written directly, not through the workflow: the dashboard's rollups are computed here.
    written = rollups.rebuild()
    db.session.commit()
    print(f"  dashboard rollups {written}: {time.perf_counter() - t3:.1f} s")
    t3 = time.perf_counter()
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
            print(f"  sequences and ANALYZE: {time.perf_counter() - t3:.1f} s")

    # A date range of recent days holding about EXPORT_ANSWERS answers.
    target = EXPORT_ANSWERS * n_insp // 20_000
    day, total = today, 0
    while total < target:
        total += answers_per_day[day]
        day -= dt.timedelta(days=1)
    report_uuid = max(report_candidates, key=lambda c: (c[1], c[0]))[0]
    return {
        "admin": admin_id,
        "supervisor": supervisor_ids[0],
        "lineage_b": template_meta[templates[1].id]["lineage"],
        "template_b": template_meta[templates[1].id]["name"],
        "organisation": 1,
        "export_from": day + dt.timedelta(days=1),
        "export_to": today,
        "export_expected": total,
        "report": report_uuid,
        "fill": fill,
        "report_findings": dict(report_candidates)[report_uuid],
        "inspections": n_insp,
        "answers": stats["answers"],
        "findings": finding_id,
    }


STATUS_NAMES = {str(s) for s, _share in STATUS_MIX}


def answer_row(
    inspection: int,
    item: int,
    value: str,
    result: str,
    texts: dict[int, dict[str, str]],
    at: dt.datetime,
    by: int,
    current: bool,
) -> dict[str, Any]:
    content = hashlib.sha256(f"{inspection}/{item}/{value}/{at.isoformat()}".encode()).hexdigest()
    return {
        "inspection_id": inspection,
        "item_id": item,
        "client_id": None,
        "content_hash": content,
        "value": value,
        "unit": None,
        "note": "",
        "answered_at": at,
        "received_at": at + dt.timedelta(seconds=2),
        "answered_by_id": by,
        "revision": 1,
        "current": current,
        "result": result,
        "reason": texts[item][result],
    }


def audit_row(
    inspection: int,
    actor: int,
    at: dt.datetime,
    action: str,
    before: Decimal | int | None,
    after: Decimal | None,
) -> dict[str, Any]:
    def state(status: str, score: Any) -> dict[str, Any]:
        verdict, grade = grade_of(score) if isinstance(score, Decimal) else (None, None)
        return {
            "status": status,
            "revision": 1,
            "score": None if not isinstance(score, Decimal) else str(score),
            "verdict": verdict,
            "grade": grade,
        }

    states = {
        "submitted": (state("in_progress", None), state("submitted", after)),
        "approved": (state("submitted", before), state("approved", after)),
        "returned": (state("submitted", before), state("returned", None)),
    }[action]
    return {
        "at": at,
        "actor_id": actor,
        "entity": "inspection",
        "entity_id": inspection,
        "action": action,
        "before": states[0],
        "after": states[1],
        "comment": "请补充第 3 项的证明材料。" if action == "returned" else "",
    }


# --- measuring ------------------------------------------------------------------------------


class RssSampler:
    """The process's resident memory, sampled every 5 ms from /proc while ``with`` lasts: how
    much it grew at its peak above where it started (unlike ru_maxrss, which only ever grows
    and so says nothing once a larger request, or the data load, has run)."""

    PAGE = 4096

    def __init__(self) -> None:
        self.start = self.peak = 0
        self._stop = threading.Event()

    @staticmethod
    def rss() -> int:
        with open("/proc/self/statm") as handle:
            return int(handle.read().split()[1]) * RssSampler.PAGE

    def _run(self) -> None:
        while not self._stop.wait(0.005):
            self.peak = max(self.peak, self.rss())

    def __enter__(self) -> RssSampler:
        self.start = self.peak = self.rss()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *_exc: Any) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self.rss())

    @property
    def grown_mb(self) -> float:
        return (self.peak - self.start) / 2**20


class StatementTimer:
    """Time spent in each SQL statement (execute to return, so the full work for the fully
    fetched statements of a page; not for a server-side cursor read later) while ``on``."""

    def __init__(self) -> None:
        self.on = False
        self.spent: dict[str, float] = {}

    def before(self, conn: Any, _cursor: Any, *_args: Any) -> None:
        if self.on:
            conn.info["bench_started"] = time.perf_counter()

    def after(self, conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        started = conn.info.pop("bench_started", None)
        if self.on and started is not None:
            self.spent[statement] = self.spent.get(statement, 0.0) + time.perf_counter() - started

    def listen(self, engine: sa.Engine) -> None:
        sa.event.listen(engine, "before_cursor_execute", self.before)
        sa.event.listen(engine, "after_cursor_execute", self.after)

    def report(self, runs: int, request_ms: float, top: int = 5) -> None:
        total = sum(self.spent.values()) / runs * 1000
        print(f"      SQL {total:,.1f} ms of {request_ms:,.1f} ms per request; slowest:")
        for statement, spent in sorted(self.spent.items(), key=lambda kv: -kv[1])[:top]:
            text = " ".join(statement.split())
            print(f"      {spent / runs * 1000:7.1f} ms  {text[:110]}")
        self.spent.clear()


TIMER = StatementTimer()


def fetch(client: FlaskClient, path: str) -> tuple[int, int, float, int]:
    """One request, its body consumed chunk by chunk as a browser would: (status, bytes,
    seconds to the first chunk, chunks)."""
    t0 = time.perf_counter()
    response = client.get(path)
    first, size, chunks = None, 0, 0
    try:
        for chunk in response.response:
            if first is None:
                first = time.perf_counter() - t0
            size += len(chunk if isinstance(chunk, bytes) else chunk.encode())
            chunks += 1
    finally:
        response.close()
    return response.status_code, size, first or 0.0, chunks


def run(
    results: Results,
    name: str,
    client: FlaskClient,
    path: str,
    reps: int,
    *,
    aim: bool = False,
    count: Callable[[bytes], str] | None = None,
    memory: bool = False,
    breakdown: bool = False,
) -> dict[str, Any] | None:
    """One warm-up, then ``reps`` timed runs of GET ``path``; SQL counted on every run. With
    ``memory``: the RSS growth during the timed runs (largest) and the Python heap peak of one
    more, untimed, run under tracemalloc. With ``breakdown``: the slowest statements."""
    warm = client.get(path)
    body = warm.get_data()
    if warm.status_code != 200:
        print(f"  ! {name}: {path} answered {warm.status_code}: {body[:300]!r}")
        return None
    note = count(body) if count else ""
    del body, warm
    times, sqls, firsts, size, grown = [], [], [], 0, 0.0
    TIMER.on = breakdown
    for _ in range(reps):
        with RssSampler() as sampler:
            t0 = time.perf_counter()
            (status, size, first, chunks), sql = COUNTER.run(lambda: fetch(client, path))
            times.append(time.perf_counter() - t0)
        grown = max(grown, sampler.grown_mb)
        sqls.append(sql)
        firsts.append(first)
    TIMER.on = False
    median, p95 = percentile_ms(times)
    parts = [note] if note else []
    if aim:
        parts.append(f"aim {AIM_MS:.0f} ms: {'PASS' if median < AIM_MS else 'MISS'}")
    heap = 0.0
    if memory:
        tracemalloc.start()
        fetch(client, path)
        heap = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        parts.append(
            f"first chunk {statistics.median(firsts) * 1000:,.0f} ms ({chunks:,} chunks); "
            f"RSS +{grown:,.0f} MB; py heap peak {heap:,.1f} MB"
        )
    spread = sorted(set(sqls))
    results.add(name, median, p95, f"{size:,}", "/".join(map(str, spread)), "; ".join(parts))
    print(
        f"  {name:<44} {median:9.1f} ms  p95 {p95:9.1f} ms  {size:>12,} B  SQL {spread}  "
        + "; ".join(parts)
    )
    if breakdown:
        TIMER.report(reps, statistics.mean(times) * 1000)
    return {"median": median, "p95": p95, "bytes": size, "rss": grown, "heap": heap}


def answer_endpoint(
    results: Results, app: Any, user_id: int, key: str, items: list[int], count: int
) -> None:
    """``count`` PUTs of an answer (bearer token, new values, no client_id) to an inspection in
    progress, in process: median and p95, SQL statements each."""
    with app.app_context():
        _record, token = ApiToken.issue(db.session.get(User, user_id), days=1)
        db.session.commit()
    client = app.test_client()
    headers = {"Authorization": f"Bearer {token}"}
    times, sqls = [], []
    for n in range(count + 5):
        path = f"/api/v1/inspections/{key}/answers/{items[n % len(items)]}"
        body = {"value": "yes" if n % 3 else "no"}
        t0 = time.perf_counter()
        response, sql = COUNTER.run(
            lambda path=path, body=body: client.put(path, json=body, headers=headers)
        )
        elapsed = time.perf_counter() - t0
        if response.status_code not in (200, 201):
            print(f"  ! answer: {response.status_code} {response.get_data()[:200]!r}")
            return
        if n >= 5:  # the first few warm the caches
            times.append(elapsed)
            sqls.append(sql)
    median, p95 = percentile_ms(times)
    spread = sorted(set(sqls))
    results.add("PUT answer (bearer)", median, p95, "", "/".join(map(str, spread)), "")
    print(
        f"  {'PUT answer (bearer)':<44} {median:9.1f} ms  p95 {p95:9.1f} ms  "
        f"SQL {spread}  ({count} answers)"
    )


def csv_rows(body: bytes) -> str:
    """Data rows of a CSV export (clause texts hold line breaks: parse it)."""
    rows = sum(1 for _row in csv.reader(io.StringIO(body.decode("utf-8-sig")))) - 1
    return f"{rows:,} rows"


def xlsx_rows(body: bytes) -> str:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(body), read_only=True)
    sheet = book.worksheets[0]
    rows = (sheet.max_row or sum(1 for _row in sheet.iter_rows(values_only=True))) - 1
    book.close()
    return f"{rows:,} rows"


def queue_rows(body: bytes) -> str:
    rows = body.count(b'<strong class="org">')
    return f"{rows:,} rows"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a tenth of the data, fewer runs")
    parser.add_argument(
        "--database-url",
        help="e.g. postgresql://postgres@127.0.0.1:5432/clausecheck_bench_review "
        "(default: a new SQLite file)",
    )
    parser.add_argument(
        "--scale",
        type=float,
        default=1.0,
        help="times the default data: 12.5 is a city's year (250,000 inspections, about 14 M "
        "answers; run it on PostgreSQL), 1.25 a county's (25,000; SQLite)",
    )
    args = parser.parse_args()
    if args.database_url:
        name = sa.engine.make_url(args.database_url).database or ""
        if "bench" not in name:
            raise SystemExit(f"refusing to drop the tables of {name!r}: use a *bench* database")
    started = time.perf_counter()
    logging.getLogger("clausecheck.access").setLevel(logging.WARNING)  # a line per request
    sizes = scaled(args.quick, args.scale)
    reps = {"page": 5, "export": 5, "pdf": 5} if args.quick else {"page": 9, "export": 5, "pdf": 5}
    results = Results()
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        url = database_url(args.database_url, tmp)
        app = create_app(
            conftest.make_config(
                url,
                UPLOAD_FOLDER=str(tmp / "uploads"),
                RATELIMIT_ENABLED=False,
                # measured in the request as before; bench_export_job.py measures the job
                EXPORT_JOB_ROWS=10**9,
                TOKEN_CACHE_SECONDS=5,  # as in production (the suite checks every time)
            )
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
            print(
                f"data ready in {time.perf_counter() - t0:.1f} s: {ids['inspections']:,} "
                f"inspections, {ids['answers']:,} current answers, {ids['findings']:,} findings"
            )
            if engine.dialect.name == "sqlite":
                print(f"  SQLite file: {Path(engine.url.database).stat().st_size / 2**20:,.0f} MB")
            db.session.remove()
        sa.event.listen(engine, "before_cursor_execute", COUNTER)
        TIMER.listen(engine)

        admin = client_for(app, ids["admin"])
        supervisor = client_for(app, ids["supervisor"])
        three_months = f"from={today - dt.timedelta(days=91)}&to={today}"

        print(f"1. GET /review/dashboard (runs: {reps['page']})")
        dash = "/review/dashboard"
        for name, client, path, breakdown in (
            ("dashboard admin (all)", admin, dash, True),
            ("dashboard supervisor (county)", supervisor, dash, True),
            ("dashboard admin, 3 months", admin, f"{dash}?{three_months}", True),
            ("dashboard supervisor, 3 months", supervisor, f"{dash}?{three_months}", False),
            ("dashboard admin, template B", admin, f"{dash}?template={ids['lineage_b']}", False),
            (
                "dashboard admin, 1 organisation",
                admin,
                f"{dash}?organisation={ids['organisation']}",
                False,
            ),
        ):
            run(results, name, client, path, reps["page"], aim=True, breakdown=breakdown)

        print(f"2. GET /review/ (runs: {reps['page']})")
        run(results, "queue admin", admin, "/review/", reps["page"], count=queue_rows)
        run(results, "queue supervisor", supervisor, "/review/", reps["page"], count=queue_rows)
        run(
            results,
            "queue admin, 3 months",
            admin,
            f"/review/?{three_months}",
            reps["page"],
            count=queue_rows,
        )

        span = f"from={ids['export_from']}&to={ids['export_to']}"
        print(
            f"3. exports (runs: {reps['export']}); answers filtered by ?{span} (expected "
            f"{ids['export_expected']:,} current answers)"
        )
        run(results, "GET /exports/ (counts)", admin, f"/exports/?{span}", reps["page"])
        run(
            results,
            "answers.csv (date range)",
            admin,
            f"/exports/answers.csv?{span}",
            reps["export"],
            count=csv_rows,
            memory=True,
        )
        run(
            results,
            "answers.xlsx (date range)",
            admin,
            f"/exports/answers.xlsx?{span}",
            reps["export"],
            count=xlsx_rows,
            memory=True,
        )
        run(
            results,
            "answers.csv supervisor (date range)",
            supervisor,
            f"/exports/answers.csv?{span}",
            reps["export"],
            count=csv_rows,
            memory=True,
        )
        run(
            results,
            "inspections.csv (all)",
            admin,
            "/exports/inspections.csv",
            reps["export"],
            count=csv_rows,
            memory=True,
        )
        run(
            results,
            "inspections.xlsx (all)",
            admin,
            "/exports/inspections.xlsx",
            reps["export"],
            count=xlsx_rows,
            memory=True,
        )
        run(
            results,
            "findings.csv (all)",
            admin,
            "/exports/findings.csv",
            reps["export"],
            count=csv_rows,
            memory=True,
        )
        run(
            results,
            "findings.csv supervisor",
            supervisor,
            "/exports/findings.csv",
            reps["export"],
            count=csv_rows,
            memory=True,
        )

        print(
            f"4. one inspection's report ({ITEMS} items, {ids['report_findings']} findings; "
            f"runs: {reps['page']} HTML, {reps['pdf']} PDF)"
        )
        report = f"/inspections/{ids['report']}/report"
        run(results, "report HTML", admin, report, reps["page"])
        run(results, "report PDF", admin, report + ".pdf", reps["pdf"])

        print(f"5. findings list, the filling page, the answer endpoint (runs: {reps['page']})")
        run(results, "findings list admin", admin, "/findings/", reps["page"])
        run(results, "findings list supervisor", supervisor, "/findings/", reps["page"])
        if ids["fill"] is not None:
            key, items = ids["fill"]
            run(results, "filling page (in progress)", admin, f"/inspections/{key}/fill", 9)
            answer_endpoint(results, app, ids["admin"], key, items, reps["page"] * 20)

        with app.app_context():
            db.session.remove()
            engine.dispose()

    print()
    print(
        f"summary ({engine.dialect.name}; {ids['inspections']:,} inspections, "
        f"{ids['answers']:,} answers, {ids['findings']:,} findings; times in ms; "
        f"aim {AIM_MS:.0f} ms on the median for the dashboard)"
    )
    results.table()
    print(f"done in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
