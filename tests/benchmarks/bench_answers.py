"""Benchmark: the answer endpoint against a bare insert route, on SQLite and on PostgreSQL.

Run: .venv/bin/python tests/benchmarks/bench_answers.py [--database-url URL] [--duration 8]
     [--rounds 3] [--profile N] [--floor]. Not collected by pytest. Prints figures; asserts
nothing. ``--floor`` also runs ``GET /api/v1/me`` each round under the same protocol: the
framework, authentication and hooks with no write.

The protocol (issue 24): ``gunicorn -w 2`` (sync workers) serving the app, driven by
``wrk -t2 -c8 -d8s`` (Debian's ``wrk``; ``apt-get install wrk``) whose Lua script sends
``PUT /api/v1/inspections/<uuid>/answers/<item_id>`` with a bearer token: 8 writers spread over
4 inspections of the demo's depot template (洁净煤配送中心) and every number item of it, a new
value each time, no ``client_id``. Then, under the same settings, a bare Flask route that
inserts one row: on SQLite it opens a connection per request (WAL); on PostgreSQL it keeps one
connection per worker (as the app's pool does). The ratio answers ÷ bare route is printed for
each round; the app and the bare route alternate (``--rounds``, default 3) and the median
ratio is the figure (this machine's speed drifts by a quarter from minute to minute). Before
the rounds, PostgreSQL is settled after the demo data's load (ANALYZE, CHECKPOINT) and each
route runs once for ``WARM_UP`` seconds, not counted; before each round PostgreSQL's answers
are vacuumed as autovacuum would (``vacuum``: the server here runs with it off).

Each run also prints the CPU milliseconds per request of the app's processes (gunicorn and its
workers) and of the PostgreSQL server's (where the time goes under load, side by side with the
bare route's). ``--database-url`` names a PostgreSQL database whose name contains "bench"
(emptied first); without it only SQLite runs. ``--profile N`` also writes N answers in process
through the test client and prints, per answer: SQL statements (by kind), bytes of the request
and response, and Python time by function (cProfile, top 15 by own time).
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import json
import logging
import os
import pstats
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import psycopg  # noqa: E402
import sqlalchemy as sa  # noqa: E402
from bench_sync import Server, request_json  # noqa: E402

from checklists.accounts.models import Organisation, User  # noqa: E402
from checklists.authoring.models import ChecklistTemplate  # noqa: E402
from checklists.core.extensions import db  # noqa: E402
from checklists.demo import data as demo  # noqa: E402
from inspections.filling import workflow  # noqa: E402
from wsgi import create_app  # noqa: E402

RATIO_AIM = 0.5
#: Seconds of the uncounted first run of the app and of the bare route.
WARM_UP = 8
INSPECTIONS = 4
DEPOT = "洁净煤配送中心（点）建设与管理检查表"

LUA = """\
-- 8 writers over the inspections and the number items; a new value each time, no client_id.
local targets = {%(targets)s}
local headers = {["Content-Type"] = "application/json", ["Authorization"] = "Bearer %(token)s"}
local n = 0
request = function()
  n = n + 1
  local t = targets[math.random(#targets)]
  local body = string.format('{"value": "%%d.%%d"}', math.random(1, 5000), n %% 10)
  return wrk.format("PUT", t, headers, body)
end
"""

BARE_SQLITE = '''\
"""A bare Flask route inserting one SQLite row per request (a connection per request, WAL)."""

import json
import logging
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
        cur = conn.execute("INSERT INTO rows (value) VALUES (?)", (json.dumps(data["value"]),))
        conn.commit()
        row_id = cur.lastrowid
    finally:
        conn.close()
    return jsonify(id=row_id), 201
'''

BARE_POSTGRES = '''\
"""A bare Flask route inserting one PostgreSQL row per request (one connection per worker)."""

import json
import logging
import os

import psycopg
from flask import Flask, jsonify, request

URL = os.environ["BARE_DB"]
app = Flask(__name__)
_conn = None


def conn():
    global _conn
    if _conn is None or _conn.closed:
        _conn = psycopg.connect(URL)
    return _conn


@app.put("/row")
def row():
    data = request.get_json()
    c = conn()
    with c.cursor() as cur:
        cur.execute(
            "INSERT INTO bare_rows (value) VALUES (%s) RETURNING id", (json.dumps(data["value"]),)
        )
        row_id = cur.fetchone()[0]
    c.commit()
    return jsonify(id=row_id), 201
'''


def prepare(database_url: str) -> dict:
    """Demo data, a published depot template, 4 inspections of it; the number items."""
    app = create_app(
        {
            "SECRET_KEY": "bench",
            "SQLALCHEMY_DATABASE_URI": database_url,
            "SESSION_COOKIE_SECURE": False,
            "JOB_WORKERS_IN_PROCESS": 0,
        }
    )
    with app.app_context():
        if database_url.startswith("postgresql"):
            db.drop_all()
        db.create_all()
        demo.load()
        db.session.commit()
        template = db.session.scalar(
            sa.select(ChecklistTemplate)
            .where(ChecklistTemplate.name == DEPOT, ChecklistTemplate.published_at.is_not(None))
            .order_by(ChecklistTemplate.version.desc())
        )
        if template is None:
            raise SystemExit(f"no published template {DEPOT}")
        inspector = db.session.scalar(sa.select(User).where(User.username == "inspector"))
        depot = (
            db.session.scalar(
                sa.select(Organisation).where(Organisation.name.like("%洁净煤%")).limit(1)
            )
            or db.session.scalars(sa.select(Organisation)).first()
        )
        keys = []
        for _n in range(INSPECTIONS):
            inspection, _created = workflow.create_inspection(template, depot, inspector)
            keys.append(str(inspection.uuid))
        items = [i.id for i in template.ordered_items() if i.answer_type == "number"]
        db.session.commit()
        db.engine.dispose()
    return {"app": app, "keys": keys, "items": items}


_TICK = os.sysconf("SC_CLK_TCK")


def _cpu_seconds(server_pid: int) -> dict[str, float]:
    """CPU seconds used so far by the gunicorn processes (``server_pid`` and its workers) and by
    the PostgreSQL server's processes (SQLite works inside the app's)."""
    used = {"app": 0.0, "postgres": 0.0}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            continue
        name, fields = stat[stat.index("(") + 1 : stat.rindex(")")], stat.rsplit(")", 1)[1].split()
        seconds = (int(fields[11]) + int(fields[12])) / _TICK
        if int(pid) == server_pid or int(fields[1]) == server_pid:  # (field 4: the parent)
            used["app"] += seconds
        elif name.startswith("postgres"):
            used["postgres"] += seconds
    return used


def wrk(port: int, lua: Path, duration: int, server_pid: int | None = None) -> dict:
    """Run wrk; its requests per second, latency and non-2xx count, and (``server_pid``) the
    CPU milliseconds per request of the app's processes and of the database server's."""
    before = _cpu_seconds(server_pid) if server_pid else None
    out = subprocess.run(
        ["wrk", "-t2", "-c8", f"-d{duration}s", "--latency", "-s", str(lua)]
        + [f"http://127.0.0.1:{port}"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rate = float(re.search(r"Requests/sec:\s*([\d.]+)", out).group(1))
    bad = re.search(r"Non-2xx or 3xx responses:\s*(\d+)", out)
    p50 = re.search(r"50%\s+([\d.]+\w+)", out)
    p99 = re.search(r"99%\s+([\d.]+\w+)", out)
    found = {
        "rate": rate,
        "non2xx": int(bad.group(1)) if bad else 0,
        "p50": p50.group(1) if p50 else "?",
        "p99": p99.group(1) if p99 else "?",
        "cpu": "",
    }
    if before is not None and rate:
        after, requests = _cpu_seconds(server_pid), rate * duration
        found["cpu"] = "  CPU/request: app {:.2f} ms, PostgreSQL {:.2f} ms".format(
            *(1000 * (after[k] - before[k]) / requests for k in ("app", "postgres"))
        )
    return found


@contextlib.contextmanager
def _serving_app(database_url: str, log: Path) -> Iterator[tuple[Server, str]]:
    """The app under ``gunicorn -w 2`` on ``database_url``, and the inspector's bearer token."""
    env = {
        "DATABASE_URL": database_url,
        "SECRET_KEY": "bench",
        "SESSION_COOKIE_SECURE": "0",
        "JOB_WORKERS_IN_PROCESS": "0",
        "LOG_FORMAT": "text",
    }
    with Server("wsgi:create_app()", ROOT, env, log) as server:
        status, body = request_json(
            server.port,
            "POST",
            "/api/v1/tokens",
            {"username": "inspector", "password": "demo-2026"},
        )
        if status != 201:
            raise SystemExit(f"token: {status} {body}")
        yield server, body["token"]


def run_floor(database_url: str, tmp: Path, duration: int, name: str) -> float:
    """``GET /api/v1/me`` with the bearer token under the same protocol: the framework,
    authentication and hooks with no write (the floor any answer write stands on)."""
    with _serving_app(database_url, tmp / f"gunicorn-floor-{name}.log") as (server, token):
        lua = tmp / "me.lua"
        lua.write_text(
            'wrk.method = "GET"\nwrk.path = "/api/v1/me"\n'
            f'wrk.headers["Authorization"] = "Bearer {token}"\n',
            encoding="utf-8",
        )
        found = wrk(server.port, lua, duration, server.proc.pid)
    print(
        f"  {name:<10} GET /me:      {found['rate']:8.1f} /s  p50 {found['p50']:>8}  "
        f"p99 {found['p99']:>8}  non-2xx {found['non2xx']}{found['cpu']}"
    )
    return found["rate"]


def run_app(database_url: str, prepared: dict, tmp: Path, duration: int, name: str) -> float:
    with _serving_app(database_url, tmp / f"gunicorn-app-{name}.log") as (server, token):
        targets = ", ".join(
            f'"/api/v1/inspections/{key}/answers/{item}"'
            for key in prepared["keys"]
            for item in prepared["items"]
        )
        lua = tmp / "answers.lua"
        lua.write_text(LUA % {"targets": targets, "token": token}, encoding="utf-8")
        found = wrk(server.port, lua, duration, server.proc.pid)
        problems = {k: v for k, v in server.problems().items() if v}
    print(
        f"  {name:<10} PUT answers: {found['rate']:8.1f} /s  p50 {found['p50']:>8}  "
        f"p99 {found['p99']:>8}  non-2xx {found['non2xx']}{found['cpu']}"
        + (f"  ! {problems}" if problems else "")
    )
    return found["rate"]


def run_bare(kind: str, target: str, tmp: Path, duration: int) -> float:
    source = BARE_SQLITE if kind == "sqlite" else BARE_POSTGRES
    module = f"bare_{kind}"
    (tmp / f"{module}.py").write_text(source, encoding="utf-8")
    lua = tmp / "bare.lua"
    lua.write_text(
        'wrk.method = "PUT"\nwrk.body = \'{"value": "123.4"}\'\n'
        'wrk.headers["Content-Type"] = "application/json"\nwrk.path = "/row"\n',
        encoding="utf-8",
    )
    with Server(
        f"{module}:app", tmp, {"BARE_DB": target}, tmp / f"gunicorn-{module}.log"
    ) as server:
        found = wrk(server.port, lua, duration, server.proc.pid)
    print(
        f"  {kind:<10} bare insert: {found['rate']:8.1f} /s  p50 {found['p50']:>8}  "
        f"p99 {found['p99']:>8}  non-2xx {found['non2xx']}{found['cpu']}"
    )
    return found["rate"]


def _plain(url: str) -> str:
    """A database URL as psycopg takes it (no SQLAlchemy driver name)."""
    return url.replace("postgresql+psycopg://", "postgresql://")


def fresh_bare_table(kind: str, url: str, tmp: Path) -> str:
    """An empty table for the bare route; its database (a SQLite file, a PostgreSQL URL)."""
    if kind == "sqlite":
        bare_db = tmp / "bare.sqlite"
        bare_db.unlink(missing_ok=True)
        for extra in ("-wal", "-shm"):
            Path(f"{bare_db}{extra}").unlink(missing_ok=True)
        with sqlite3.connect(bare_db) as conn:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("CREATE TABLE rows (id INTEGER PRIMARY KEY, value TEXT)")
        return str(bare_db)
    plain = _plain(url)
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute("DROP TABLE IF EXISTS bare_rows")
        conn.execute("CREATE TABLE bare_rows (id serial PRIMARY KEY, value text)")
    return plain


def settle(url: str) -> None:
    """After the demo data's load: PostgreSQL writes what the load left in its buffers out
    now (CHECKPOINT) and gathers the tables' statistics (ANALYZE), as a database in service
    has them, instead of doing the one during the first run and lacking the other."""
    if url.startswith("postgresql"):
        plain = _plain(url)
        with psycopg.connect(plain, autocommit=True) as conn:
            conn.execute("ANALYZE")
            conn.execute("CHECKPOINT")


def vacuum(url: str) -> None:
    """PostgreSQL, before each round: what autovacuum does to a table whose rows change (this
    machine's server runs with it off): each answer write leaves the item's previous current
    answer as a dead row version (the flip), and a round writes thousands (autovacuum's
    default threshold, 20 % of a table's rows dead, is crossed every round here)."""
    if url.startswith("postgresql"):
        plain = _plain(url)
        with psycopg.connect(plain, autocommit=True) as conn:
            conn.execute("VACUUM ANALYZE answers, inspections")


def profile(prepared: dict, count: int) -> None:
    """N answers in process: statements by kind, bytes, Python time by function."""
    app = prepared["app"]
    statements: Counter = Counter()
    logging.getLogger("clausecheck.access").setLevel(logging.WARNING)  # one line per request

    with app.app_context():  # (requests push their own: g is not shared between them)
        engine = db.engine

        @sa.event.listens_for(engine, "before_cursor_execute")
        def _count(_conn, _cursor, statement, *_args):
            statements[statement.split(None, 1)[0].upper()] += 1

    client = app.test_client()
    status, token = None, None
    reply = client.post("/api/v1/tokens", json={"username": "inspector", "password": "demo-2026"})
    status, token = reply.status_code, reply.get_json()["token"]
    if status != 201:
        raise SystemExit(f"token: {status}")
    headers = {"Authorization": f"Bearer {token}"}
    targets = [(k, i) for k in prepared["keys"] for i in prepared["items"]]
    for n in range(20):  # warm caches
        key, item = targets[n % len(targets)]
        client.put(
            f"/api/v1/inspections/{key}/answers/{item}",
            json={"value": f"{n}.5"},
            headers=headers,
        )
    started, cpu = time.perf_counter(), time.process_time()
    for n in range(count):
        key, item = targets[n % len(targets)]
        client.put(
            f"/api/v1/inspections/{key}/answers/{item}",
            json={"value": f"{n + 7}.25"},
            headers=headers,
        )
    plain = (time.perf_counter() - started) / count
    plain_cpu = (time.process_time() - cpu) / count
    statements.clear()
    sent = received = 0
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    for n in range(count):
        key, item = targets[n % len(targets)]
        body = json.dumps({"value": f"{n + 100}.5"})
        sent += len(body)
        reply = client.put(
            f"/api/v1/inspections/{key}/answers/{item}",
            data=body,
            headers={**headers, "Content-Type": "application/json"},
        )
        received += len(reply.get_data())
        if reply.status_code not in (200, 201):
            raise SystemExit(f"answer: {reply.status_code} {reply.get_data()[:300]}")
    profiler.disable()
    elapsed = time.perf_counter() - started
    per = {k: v / count for k, v in sorted(statements.items())}
    print(
        f"profile: {count} answers in process (test client), {1000 * plain:.2f} ms each, "
        f"{1000 * plain_cpu:.2f} ms of CPU "
        f"({1000 * elapsed / count:.2f} ms with the profiler on); SQL statements per answer: "
        f"{sum(per.values()):.1f} {per}; bytes per answer: request body {sent / count:.0f}, "
        f"response body {received / count:.0f}"
    )
    buffer = io.StringIO()
    stats = pstats.Stats(profiler, stream=buffer)
    print(f"Python function calls per answer: {stats.total_calls / count:,.0f}")
    stats.sort_stats("tottime").print_stats(15)
    stats.sort_stats("cumulative").print_stats(r"(checklists|inspections|wsgi|flask_login)/", 30)
    if os.environ.get("BENCH_CALLEES"):
        stats.print_callees(os.environ["BENCH_CALLEES"])
    print("\n".join(line for line in buffer.getvalue().splitlines() if line.strip()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", help="a PostgreSQL database whose name has 'bench'")
    parser.add_argument("--duration", type=int, default=8, help="seconds per wrk run")
    parser.add_argument("--profile", type=int, default=0, help="N answers in process, profiled")
    parser.add_argument("--rounds", type=int, default=3, help="app and bare runs, alternated")
    parser.add_argument("--skip-sqlite", action="store_true")
    parser.add_argument("--profile-only", action="store_true", help="no wrk runs")
    parser.add_argument(
        "--floor", action="store_true", help="also GET /api/v1/me each round (no write)"
    )
    args = parser.parse_args()
    if args.database_url and "bench" not in args.database_url.rsplit("/", 1)[-1]:
        raise SystemExit("the PostgreSQL database's name must contain 'bench' (it is emptied)")
    print(f"gunicorn -w 2 (sync), wrk -t2 -c8 -d{args.duration}s; aim: answers ≥ 0.5 × bare")
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        runs = []
        if not args.skip_sqlite:
            runs.append(("sqlite", f"sqlite:///{tmp}/bench.sqlite"))
        if args.database_url:
            runs.append(("postgresql", args.database_url))
        for kind, url in runs:
            prepared = prepare(url)
            if args.profile:
                profile(prepared, args.profile)
            if args.profile_only:
                continue
            settle(url)
            # a short run of each first, not counted: both start with warm caches (the app's
            # kept rules and plans, the server's prepared statements) and a quiet server
            run_app(url, prepared, tmp, WARM_UP, f"{kind} (warm-up)")
            run_bare(kind, fresh_bare_table(kind, url, tmp), tmp, WARM_UP)
            ratios = []
            for _round in range(args.rounds):  # app, bare, app, bare …: a noisy machine's
                vacuum(url)
                answers = run_app(url, prepared, tmp, args.duration, kind)  # drift hits both
                if args.floor:
                    run_floor(url, tmp, args.duration, kind)
                bare = run_bare(kind, fresh_bare_table(kind, url, tmp), tmp, args.duration)
                ratios.append(answers / bare if bare else float("nan"))
                print(f"  {kind:<10} ratio answers ÷ bare: {ratios[-1]:.2f}")
            ratio = sorted(ratios)[len(ratios) // 2]
            print(
                f"  {kind:<10} median ratio over {len(ratios)} rounds: {ratio:.2f} "
                f"(rounds {', '.join(f'{r:.2f}' for r in ratios)}; "
                f"{'met' if ratio >= RATIO_AIM else 'MISSED'}, aim ≥ {RATIO_AIM})"
            )
    os.environ.pop("BARE_DB", None)


if __name__ == "__main__":
    main()
