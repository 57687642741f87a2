"""Benchmark: the filling page's weight, and answer throughput under gunicorn.

Run: .venv/bin/python tests/benchmarks/bench_sync.py [--quick] [--clients 8].
Not collected by pytest (no test_ functions). Prints figures; asserts nothing.

1. Page weight: a published 60-item template (every answer type but photo) and an inspection
   of it; ``/inspections/<uuid>/fill`` fetched as its inspector plus every same-origin
   stylesheet and script it references, raw and gzip level 6 (as nginx would).
   Aims: first load (HTML + CSS + JS, compressed) ≤ 60 KB; later load (HTML alone, the
   service worker and the HTTP cache keep CSS/JS) ≤ 10 KB.
2. Throughput: ``gunicorn -w 2`` (sync workers) on SQLite in a temporary folder, driven by
   concurrent keep-alive clients with ``PUT /api/v1/inspections/<uuid>/answers/<item_id>``
   (a new client_id per request, spread over the 60 items), then, under the same settings, a
   bare Flask route that inserts one SQLite row. Aim: answers ≥ 0.5 × the bare route.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import http.client
import json
import os
import random
import re
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402

from checklists.accounts.models import Organisation, OrgKind, Role, User  # noqa: E402
from checklists.authoring import operations as builder  # noqa: E402
from checklists.core.extensions import db  # noqa: E402
from checklists.standards.models import Clause, Document  # noqa: E402
from checklists.standards.services import import_text  # noqa: E402
from inspections.filling import workflow  # noqa: E402
from wsgi import create_app  # noqa: E402

PASSWORD = "bench-password-9"
INSPECTOR = "bench-inspector"
WORKERS = 2
FIRST_LOAD_AIM = 60 * 1024
LATER_LOAD_AIM = 10 * 1024
RATIO_AIM = 0.5
SHANGHAI = ZoneInfo("Asia/Shanghai")

CHOICES = [
    {"value": "full", "label": "符合", "score": "5"},
    {"value": "mostly", "label": "基本符合", "score": "3"},
    {"value": "no", "label": "不符合", "pass": False},
]
PARTS = [{"value": v, "label": v} for v in ("章程", "资金", "期限", "场所", "人员", "制度")]
# answer type → (rule, a passing answer); 60 items in all.
KINDS = {
    "yes_no": ({}, "yes"),
    "number": ({"op": ">=", "value": "500", "unit": "m²"}, "600"),
    "count": ({"op": ">=", "value": "2", "unit": "辆"}, "3"),
    "choice": ({"choices": CHOICES}, "full"),
    "parts": ({"parts": PARTS}, [p["value"] for p in PARTS]),
    "date": ({"op": ">=", "value": "2024-01-01"}, "2024-05-01"),
    "text": ({}, "台账齐全"),
}
MIX = ["yes_no"] * 20 + ["number"] * 12 + ["count"] * 8 + ["choice"] * 8 + ["parts"] * 6
MIX += ["date"] * 3 + ["text"] * 3
SECTIONS = ("场地与设施", "人员与资质", "制度与台账", "安全生产", "环境保护", "消防")

BARE_APP = '''\
"""A bare Flask route inserting one SQLite row per request (the benchmark's yardstick)."""

import json
import os
import sqlite3

from flask import Flask, jsonify, request

DB = os.environ["BARE_DB"]
app = Flask(__name__)


@app.put("/row")
def row():
    data = request.get_json()
    conn = sqlite3.connect(DB, timeout=5)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA busy_timeout=5000")
        cur = conn.execute(
            "INSERT INTO rows (client_id, value, answered_at) VALUES (?, ?, ?)",
            (data["client_id"], json.dumps(data["value"]), data["answered_at"]),
        )
        conn.commit()
        row_id = cur.lastrowid
    finally:
        conn.close()
    return jsonify(id=row_id, client_id=data["client_id"]), 201
'''
BARE_SCHEMA = (
    "CREATE TABLE rows (id INTEGER PRIMARY KEY, client_id TEXT UNIQUE NOT NULL, "
    "value TEXT, answered_at TEXT)"
)


# --- preparing the database ---------------------------------------------------------------------


def prepare() -> dict:
    """Users, organisation, a published 60-item template and an inspection (in an app context)."""
    for path in sorted((ROOT / "checklists" / "demo" / "gazettes").glob("*.txt")):
        import_text(path.read_text(encoding="utf-8"), path.name)
    db.session.commit()
    clauses = db.session.scalars(
        sa.select(Clause)
        .join(Document)
        .where(Document.is_current, sa.not_(Clause.is_table))
        .order_by(Clause.document_id, Clause.position)
    ).all()
    if len(clauses) < len(MIX):
        raise SystemExit(f"only {len(clauses)} clauses in the demo data, need {len(MIX)}")
    org = Organisation(name="基准测试单位", kind=OrgKind.ENTERPRISE)
    author = User(username="bench-author", role=Role.AUTHOR)
    inspector = User(username=INSPECTOR, role=Role.INSPECTOR)
    for user in (author, inspector):
        user.set_password(PASSWORD)
    db.session.add_all([org, author, inspector])
    db.session.flush()

    template = builder.create_template("基准测试 60 项", author)
    sections = [builder.add_section(template, title) for title in SECTIONS]
    rng = random.Random(60)
    kinds = MIX[:]
    rng.shuffle(kinds)
    values: dict[int, object] = {}
    for n, (kind, clause) in enumerate(zip(kinds, clauses, strict=False)):
        item = builder.add_item(sections[n * len(SECTIONS) // len(MIX)], clause)
        rule, passing = KINDS[kind]
        builder.update_item(
            item,
            {
                "prompt": f"第 {n + 1} 项：{item.prompt}"[: builder.PROMPT_MAX],
                "answer_type": kind,
                "rule": rule,
                "severity": ("critical", "major", "minor")[n % 3],
                "weight": "1",
                "na_allowed": True,
                "required": True,
                "scored": True,
                "valid_from": item.valid_from,
                "valid_to": item.valid_to,
            },
        )
        values[item.id] = passing
    # the author checked every drafted item against its clause
    builder.confirm_items(template, [i.id for i in template.ordered_items()], author)
    builder.publish(template, author)
    inspection, _created = workflow.create_inspection(
        template, org, inspector, planned_on=dt.datetime.now(SHANGHAI).date()
    )
    db.session.commit()
    counts = Counter(i.answer_type for i in template.ordered_items())
    return {"uuid": inspection.uuid, "values": values, "counts": counts}


# --- 1. page weight -----------------------------------------------------------------------------


def assets(html: str) -> list[str]:
    """Same-origin stylesheet and script URLs the page references, in order."""
    found = []
    for tag in re.findall(r"<(?:link|script)\b[^>]*>", html, flags=re.IGNORECASE):
        attrs = dict(re.findall(r'([\w-]+)\s*=\s*"([^"]*)"', tag))
        if tag.lower().startswith("<link"):
            if "stylesheet" not in attrs.get("rel", "").lower().split():
                continue
            url = attrs.get("href")
        else:
            url = attrs.get("src")
        if not url:
            continue
        parts = urlsplit(url)
        if parts.scheme or parts.netloc:  # another origin (or spelled absolute): not ours
            if parts.hostname not in ("localhost", "127.0.0.1"):
                continue
            url = parts.path + (f"?{parts.query}" if parts.query else "")
        if url not in found:
            found.append(url)
    return found


def page_weight(app, key: str) -> None:
    client = app.test_client()
    login_page = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', login_page)
    token = token or re.search(r'name="csrf-token" content="([^"]+)"', login_page)
    response = client.post(
        "/login",
        data={"username": INSPECTOR, "password": PASSWORD, "csrf_token": token.group(1)},
    )
    if response.status_code != 302:
        raise SystemExit(f"login failed: {response.status_code}")
    page = client.get(f"/inspections/{key}/fill")
    if page.status_code != 200:
        raise SystemExit(f"fill page: {page.status_code}")
    html = page.get_data()
    rows = [(f"/inspections/{key}/fill (HTML)", html)]
    quotes = re.search(r'data-quotes="([^"]+)"', html.decode("utf-8"))
    # the clause texts: fetched once with the page, then kept (immutable per template version)
    for url in assets(html.decode("utf-8")) + ([quotes.group(1)] if quotes else []):
        response = client.get(url)
        body = response.get_data()
        response.close()
        if response.status_code != 200:
            print(f"  ! {url}: {response.status_code}")
            continue
        rows.append((url, body))
    print("1. filling page weight (gzip level 6)")
    width = max(len(name) for name, _body in rows)
    total_raw = total_gz = 0
    sizes = []
    for name, body in rows:
        packed = len(gzip.compress(body, compresslevel=6))
        sizes.append(packed)
        total_raw += len(body)
        total_gz += packed
        print(f"  {name:<{width}}  {len(body):>8,} B raw  {packed:>7,} B gzip")
    print(f"  {'total':<{width}}  {total_raw:>8,} B raw  {total_gz:>7,} B gzip")
    first, later = total_gz, sizes[0]
    print(
        f"  first load (HTML + CSS + JS + quotes, gzip): {first / 1024:.1f} KB  "
        f"(aim ≤ {FIRST_LOAD_AIM // 1024} KB: {'met' if first <= FIRST_LOAD_AIM else 'MISSED'})"
    )
    print(
        f"  later load (HTML alone, gzip):      {later / 1024:.1f} KB  "
        f"(aim ≤ {LATER_LOAD_AIM // 1024} KB: {'met' if later <= LATER_LOAD_AIM else 'MISSED'})"
    )


# --- 2. throughput ------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """``gunicorn -w 2`` (sync workers) on a free port; stopped on leaving the with block."""

    def __init__(self, app: str, chdir: Path, env: dict[str, str], log: Path) -> None:
        self.port = free_port()
        self.log_path = log
        self.command = [
            sys.executable,
            "-m",
            "gunicorn",
            "-w",
            str(WORKERS),
            "-b",
            f"127.0.0.1:{self.port}",
            "--chdir",
            str(chdir),
            app,
        ]
        self.env = {**os.environ, **env}
        self.proc: subprocess.Popen | None = None

    def __enter__(self) -> Server:
        self.log = self.log_path.open("wb")
        self.proc = subprocess.Popen(
            self.command, env=self.env, stdout=self.log, stderr=subprocess.STDOUT
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise SystemExit(f"gunicorn exited:\n{self.log_path.read_text()}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.5).close()
                return self
            except OSError:
                time.sleep(0.1)
        raise SystemExit(f"gunicorn did not answer within 30 s:\n{self.log_path.read_text()}")

    def __exit__(self, *exc) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()

    def problems(self) -> Counter:
        """Tracebacks and SQLite lock errors gunicorn logged."""
        text = self.log_path.read_text(errors="replace")
        return Counter(
            {
                "Traceback": text.count("Traceback"),
                "database is locked": text.count("database is locked"),
                "worker timeout/abort": text.count("WORKER TIMEOUT") + text.count("abort"),
            }
        )


def request_json(port: int, method: str, path: str, body: dict, headers: dict | None = None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request(
            method,
            path,
            json.dumps(body),
            {"Content-Type": "application/json", **(headers or {})},
        )
        response = conn.getresponse()
        return response.status, json.loads(response.read() or b"null")
    finally:
        conn.close()


class Result:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.latencies: list[float] = []
        self.statuses: Counter = Counter()
        self.samples: list[str] = []
        self.errors: Counter = Counter()


def drive(
    port: int,
    path_for,
    headers: dict[str, str],
    clients: int,
    warmup: float,
    duration: float,
    label: str,
) -> Result:
    """``clients`` threads, each with its own keep-alive connection, sending PUTs for
    ``warmup + duration`` seconds; only requests that finish inside the measured window count.
    ``path_for(rng)`` gives (path, value) for the next request."""
    result = Result()
    start = time.perf_counter() + 0.2
    measure_from, stop_at = start + warmup, start + warmup + duration
    run = uuid.uuid4().hex[:8]

    def client(number: int) -> None:
        rng = random.Random(number)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        latencies, statuses, samples, errors = [], Counter(), [], Counter()
        sent = 0
        while time.perf_counter() < start:
            time.sleep(0.001)
        while True:
            began = time.perf_counter()
            if began >= stop_at:
                break
            path, value = path_for(rng)
            body = json.dumps(
                {
                    "value": value,
                    "answered_at": dt.datetime.now(SHANGHAI).isoformat(),
                    "client_id": f"{label}-{run}-{number}-{sent}",
                },
                ensure_ascii=False,
            ).encode()
            sent += 1
            try:
                conn.request("PUT", path, body, {"Content-Type": "application/json", **headers})
                response = conn.getresponse()
                payload = response.read()
                status = response.status
            except (OSError, http.client.HTTPException) as exc:
                conn.close()  # reconnects on the next request
                if time.perf_counter() >= measure_from:
                    errors[type(exc).__name__] += 1
                continue
            ended = time.perf_counter()
            if measure_from <= ended <= stop_at:
                latencies.append(ended - began)
                statuses[status] += 1
                if not 200 <= status < 300 and len(samples) < 3:
                    samples.append(f"{status} {path}: {payload[:300].decode(errors='replace')}")
        conn.close()
        with result.lock:
            result.latencies.extend(latencies)
            result.statuses.update(statuses)
            result.samples.extend(samples)
            result.errors.update(errors)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return result


def report(name: str, result: Result, duration: float, server: Server) -> float:
    done = len(result.latencies)
    rate = done / duration
    if done >= 2:
        cuts = statistics.quantiles(result.latencies, n=100, method="inclusive")
        p50, p95 = cuts[49] * 1000, cuts[94] * 1000
    else:
        p50 = p95 = float("nan")
    bad = sum(n for status, n in result.statuses.items() if not 200 <= status < 300)
    print(
        f"  {name}: {rate:7.1f} requests/s  p50 {p50:6.1f} ms  p95 {p95:6.1f} ms  "
        f"({done} requests in {duration:.0f} s; statuses {dict(sorted(result.statuses.items()))}"
        f"; non-2xx {bad})"
    )
    for sample in result.samples:
        print(f"    ! {sample}")
    if result.errors:
        print(f"    ! connection errors: {dict(result.errors)}")
    logged = {k: v for k, v in server.problems().items() if v}
    if logged:
        print(f"    ! gunicorn log ({server.log_path.name}): {logged}")
    return rate


def throughput(tmp: Path, database_url: str, prepared: dict, args: argparse.Namespace) -> None:
    warmup, duration = (0.5, 3.0) if args.quick else (2.0, 10.0)
    print(
        f"2. throughput: gunicorn -w {WORKERS} (sync), SQLite, {args.clients} client threads, "
        f"{warmup:g} s warm-up + {duration:g} s measured"
    )
    env = {
        "DATABASE_URL": database_url,
        "SECRET_KEY": "bench",
        "SESSION_COOKIE_SECURE": "0",
    }
    key, values = prepared["uuid"], prepared["values"]
    item_ids = sorted(values)

    with Server("wsgi:create_app()", ROOT, env, tmp / "gunicorn-app.log") as server:
        status, body = request_json(
            server.port,
            "POST",
            "/api/v1/tokens",
            {"username": INSPECTOR, "password": PASSWORD},
        )
        if status != 201:
            raise SystemExit(f"token: {status} {body}")
        headers = {"Authorization": f"Bearer {body['token']}"}

        def answer_path(rng: random.Random) -> tuple[str, object]:
            item_id = rng.choice(item_ids)
            return f"/api/v1/inspections/{key}/answers/{item_id}", values[item_id]

        answers = drive(server.port, answer_path, headers, args.clients, warmup, duration, "answer")
    answers_rate = report("PUT answers/<item_id>", answers, duration, server)

    bare_db = tmp / "bare.sqlite"
    with sqlite3.connect(bare_db) as conn:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute(BARE_SCHEMA)
    (tmp / "bare_app.py").write_text(BARE_APP, encoding="utf-8")
    bare_env = {"BARE_DB": str(bare_db)}
    with Server("bare_app:app", tmp, bare_env, tmp / "gunicorn-bare.log") as server:
        bare = drive(
            server.port, lambda rng: ("/row", "600"), headers, args.clients, warmup, duration, "b"
        )
    bare_rate = report("bare PUT /row      ", bare, duration, server)

    ratio = answers_rate / bare_rate if bare_rate else float("nan")
    print(
        f"  ratio answers / bare route: {ratio:.2f}  "
        f"(aim ≥ {RATIO_AIM}: {'met' if ratio >= RATIO_AIM else 'MISSED'})"
    )
    check_answers(tmp / "bench.sqlite", key)


def check_answers(path: Path, key: str) -> None:
    """After the run: every item must have at most one current answer."""
    with sqlite3.connect(path) as conn:
        stored = conn.execute(
            "SELECT count(*) FROM answers JOIN inspections ON inspections.id = inspection_id "
            "WHERE inspections.uuid = ?",
            (key,),
        ).fetchone()[0]
        doubled = conn.execute(
            "SELECT item_id, count(*) FROM answers JOIN inspections "
            "ON inspections.id = inspection_id WHERE inspections.uuid = ? AND current "
            "GROUP BY item_id HAVING count(*) > 1",
            (key,),
        ).fetchall()
    print(
        f"  answers stored (warm-up included): {stored}; items with more than one current "
        f"answer: {len(doubled)}" + (f" {doubled[:10]}" if doubled else "")
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="short durations (a smoke run)")
    parser.add_argument("--clients", type=int, default=8, help="concurrent client threads")
    parser.add_argument("--weight-only", action="store_true", help="only the page weight")
    args = parser.parse_args()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        database_url = f"sqlite:///{tmp}/bench.sqlite"
        app = create_app(
            {
                "SECRET_KEY": "bench",
                "SQLALCHEMY_DATABASE_URI": database_url,
                "SESSION_COOKIE_SECURE": False,
            }
        )
        with app.app_context():
            db.create_all()
            t0 = time.perf_counter()
            prepared = prepare()
            counts = ", ".join(f"{k} {v}" for k, v in sorted(prepared["counts"].items()))
            print(
                f"prepared in {time.perf_counter() - t0:.1f} s: template of "
                f"{sum(prepared['counts'].values())} items ({counts}), inspection "
                f"{prepared['uuid']}"
            )
            db.session.remove()
        page_weight(app, prepared["uuid"])
        with app.app_context():
            db.engine.dispose()
        if not args.weight_only:
            throughput(tmp, database_url, prepared, args)
    print(f"done in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
