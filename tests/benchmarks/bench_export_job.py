"""Benchmark: a 100,000-answer Excel export made by a job while the web keeps answering.

Run: .venv/bin/python tests/benchmarks/bench_export_job.py [--database-url URL] [--csv].
Not collected by pytest. Prints figures; asserts nothing (it exits 1 if the job fails).

Data: ``bench_review.populate`` at a tenth of its size (2,000 inspections, about 113,000
current answers). Then, as a city runs it: ``gunicorn -w 2`` serving the app and one
``flask jobs worker`` process, over the same database (SQLite file, or PostgreSQL with
``--database-url``; its name must contain "bench"), no in-process workers. The benchmark logs
in as the admin through the login form, presses 生成 Excel for all answers on the exports page
(``POST /exports/answers.xlsx/job``), then polls the job's progress (``/jobs/<id>.json``)
every 0.25 s while a second thread requests pages (the review queue and ``/api/v1/me``, each
needing the database) as fast as it can, one at a time. Figures: the job's time (queued →
done), rows, file size, the progress values seen, how much the worker's peak resident memory
grew over what it held before the job, and the pages' latency before and during the job
(median, p95, max).
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import http.cookiejar
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402

from checklists.core.extensions import db  # noqa: E402
from tests import conftest  # noqa: E402
from tests.benchmarks import bench_review  # noqa: E402
from tests.benchmarks.bench_findings import database_url  # noqa: E402
from tests.benchmarks.bench_soak import free_port  # noqa: E402
from wsgi import create_app  # noqa: E402

PASSWORD = "bench-password-9"


class Browser:
    """A logged-in session on the server (cookies kept, CSRF token read from the page)."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), NoRedirect()
        )

    def get(self, path: str) -> tuple[int, bytes]:
        try:
            with self.opener.open(self.base + path, timeout=60) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read()

    def post(self, path: str, fields: dict[str, str]) -> tuple[int, str]:
        data = urllib.parse.urlencode(fields).encode()
        request = urllib.request.Request(self.base + path, data=data, method="POST")
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status, response.headers.get("Location", "")
        except urllib.error.HTTPError as exc:
            return exc.code, exc.headers.get("Location", "")

    def csrf(self, path: str) -> str:
        _status, page = self.get(path)
        found = re.search(rb'name="csrf_token" (?:type="hidden" )?value="([^"]+)"', page)
        if not found:
            found = re.search(rb'value="([^"]+)"[^>]*name="csrf_token"', page)
        if not found:
            raise SystemExit(f"no CSRF token on {path}")
        return found.group(1).decode()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # keep 302/303 as they are
        return None


def latency(samples: list[float]) -> str:
    if not samples:
        return "no samples"
    ms = sorted(s * 1000 for s in samples)
    p95 = ms[min(len(ms) - 1, int(0.95 * len(ms)))]
    return (
        f"{len(ms)} requests, median {statistics.median(ms):.0f} ms, p95 {p95:.0f} ms, "
        f"max {ms[-1]:.0f} ms"
    )


def load(url: str, tmp: Path) -> dict:
    app = create_app(conftest.make_config(url, UPLOAD_FOLDER=str(tmp / "uploads")))
    with app.app_context():
        db.drop_all()
        db.create_all()
        today = dt.datetime.now(ZoneInfo("Asia/Shanghai")).date()
        started = time.perf_counter()
        ids = bench_review.populate(bench_review.scaled(True), today)
        print(
            f"data: {ids['inspections']:,} inspections, {ids['answers']:,} current answers "
            f"({time.perf_counter() - started:.0f} s)"
        )
        db.session.remove()
        db.engine.dispose()
    return ids


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", help="postgresql://…/clausecheck_bench_export")
    parser.add_argument("--csv", action="store_true", help="export CSV instead of Excel")
    parser.add_argument("--no-probe", action="store_true", help="no page requests meanwhile")
    args = parser.parse_args()
    if args.database_url and "bench" not in (sa.engine.make_url(args.database_url).database or ""):
        raise SystemExit("use a database whose name contains 'bench'")
    fmt = "csv" if args.csv else "xlsx"
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        url = database_url(args.database_url, tmp)
        load(url, tmp)
        env = {
            **os.environ,
            "DATABASE_URL": url,
            "SECRET_KEY": "bench-secret",
            "UPLOAD_FOLDER": str(tmp / "uploads"),
            "SESSION_COOKIE_SECURE": "0",
            "JOB_WORKERS_IN_PROCESS": "0",
            "LOG_FORMAT": "text",
        }
        port = free_port()
        log = (tmp / "server.log").open("wb")
        web = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-w", "2", "-b", f"127.0.0.1:{port}"]
            + ["--chdir", str(ROOT), "wsgi:create_app()"],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        worker = subprocess.Popen(
            [sys.executable, "-m", "flask", "--app", "wsgi:create_app", "jobs", "worker"]
            + ["--no-periodic"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            run(f"http://127.0.0.1:{port}", port, fmt, not args.no_probe, worker.pid)
        finally:
            for process in (web, worker):
                process.terminate()
            for process in (web, worker):
                try:
                    process.wait(10)
                except subprocess.TimeoutExpired:
                    process.kill()
            log.close()


def wait_up(port: int) -> None:
    for _ in range(600):
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.1)
    raise SystemExit("the server did not start")


def memory(pid: int, field: str) -> int:
    """A process's ``VmRSS`` (resident now) or ``VmHWM`` (its peak), in KiB."""
    with open(f"/proc/{pid}/status") as lines:
        for line in lines:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise LookupError(field)


def run(base: str, port: int, fmt: str, probing: bool, worker: int) -> None:
    wait_up(port)
    admin = Browser(base)
    token = admin.csrf("/login")
    status, _where = admin.post(
        "/login", {"csrf_token": token, "username": "bench-admin", "password": PASSWORD}
    )
    if status not in (302, 303):
        raise SystemExit(f"login: {status}")
    pages = Browser(base)
    pages.jar = admin.jar
    pages.opener = admin.opener

    probe_paths = ("/review/", "/jobs/")
    before: list[float] = []
    for n in range(20):
        t0 = time.perf_counter()
        pages.get(probe_paths[n % 2])
        before.append(time.perf_counter() - t0)

    during: list[float] = []
    stop = threading.Event()

    def probe() -> None:
        n = 0
        while not stop.is_set():
            t0 = time.perf_counter()
            code, _body = pages.get(probe_paths[n % 2])
            during.append(time.perf_counter() - t0)
            n += 1
            if code != 200:
                print(f"  probe {probe_paths[n % 2]}: {code}")

    csrf = admin.csrf("/exports/")
    resident = memory(worker, "VmRSS")
    asked = time.perf_counter()
    status, where = admin.post(
        f"/exports/answers.{fmt}/job", {"csrf_token": csrf, "client_id": "b1"}
    )
    if status != 303 or "new=" not in where:
        raise SystemExit(f"job not created: {status} {where}")
    job_id = int(where.rsplit("new=", 1)[1])
    thread = threading.Thread(target=probe, daemon=True)
    if probing:
        thread.start()
    seen: list[int] = []
    job: dict = {}
    while True:
        code, body = admin.get(f"/jobs/{job_id}.json")
        job = json.loads(body)
        if job["percent"] is not None and (not seen or seen[-1] != job["percent"]):
            seen.append(job["percent"])
        if job["status"] in ("done", "failed"):
            break
        time.sleep(0.25)
    took = time.perf_counter() - asked
    grown = (memory(worker, "VmHWM") - resident) / 1024
    stop.set()
    if probing:
        thread.join(30)
    print(
        f"export job ({fmt}): {job['status']} in {took:.1f} s, {job['total']:,} rows, "
        f"{(job['file_size'] or 0) / 2**20:.1f} MB; {job['message']}"
    )
    print(f"  progress seen (%): {seen}")
    print(f"  the worker's peak memory: {resident / 1024:.0f} MB before the job, +{grown:.0f} MB")
    t0 = time.perf_counter()
    code, body = admin.get(f"/jobs/{job_id}/download")
    print(f"  download: {code}, {len(body) / 2**20:.1f} MB in {time.perf_counter() - t0:.2f} s")
    print(f"  pages before the job: {latency(before)}")
    print(f"  pages during the job: {latency(during)}")
    if job["status"] != "done":
        raise SystemExit(1)


if __name__ == "__main__":
    main()
