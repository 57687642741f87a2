"""Two app hosts behind one address, as a city runs them: two gunicorn instances on two ports
over one database, one Redis and one S3 bucket (a real moto server in its own process), a
separate job worker, and the periodic clock run on both hosts at once.

What one host writes the other reads: an inspection filled and a photo uploaded through host
A, submitted through host B; the photo's untouched original read back through B; the
notice's PDF; an export asked for on A, made by the worker, downloaded from B. Nothing lands on
either host's disk. Failed logins counted on both hosts add up (Redis). Every periodic slot is
enqueued once."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
import requests
import sqlalchemy as sa
from redis import Redis

from checklists.core.extensions import db
from checklists.core.jobs import Job, JobStatus, PeriodicRun
from inspections.findings.models import RectificationNotice
from tests import test_inspections
from tests.conftest import PASSWORD, S3_BUCKET
from tests.test_inspections import API, answer, create, fill_everything, jpeg
from tests.test_templates import by_prompt
from tests.test_workflow import coal  # noqa: F401 (fixture)

ROOT = Path(__file__).resolve().parent.parent
world = test_inspections.world
#: A Redis database of its own for the login counts (the machine's Redis, 127.0.0.1:6379).
REDIS = "redis://127.0.0.1:6379/14"

pytestmark = pytest.mark.one_suite("postgresql")


class Reply:
    """A ``requests`` answer with the test client's names (status_code, json, data)."""

    def __init__(self, response: requests.Response) -> None:
        self.status_code = response.status_code
        self.headers = response.headers
        self.data = response.content
        self.mimetype = response.headers.get("Content-Type", "").split(";")[0]
        try:
            self.json = response.json()
        except ValueError:
            self.json = None


class Http:
    """A client of one host: bearer token (API) or cookies (pages), the test client's calls."""

    def __init__(self, base: str, session: requests.Session | None = None) -> None:
        self.base = base
        self.session = session or requests.Session()

    def with_token(self, username: str) -> Http:
        response = self.session.post(
            f"{self.base}/api/v1/tokens", json={"username": username, "password": PASSWORD}
        )
        assert response.status_code == 201, response.text
        client = Http(self.base)
        client.session.headers["Authorization"] = f"Bearer {response.json()['token']}"
        return client

    def on(self, base: str) -> Http:
        """The same identity (token, cookies) on another host."""
        return Http(base, self.session)

    def request(self, method, path, *, json=None, data=None, content_type=None, headers=None):
        sent = dict(headers or {})
        if content_type:
            sent["Content-Type"] = content_type
        response = self.session.request(
            method,
            self.base + path,
            json=json,
            data=data,
            headers=sent,
            allow_redirects=False,
            timeout=60,
        )
        return Reply(response)

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def post(self, path, **kw):
        return self.request("POST", path, **kw)

    def put(self, path, **kw):
        return self.request("PUT", path, **kw)

    def log_in(self, username: str) -> None:
        token = self.csrf("/login")
        response = self.session.post(
            f"{self.base}/login",
            data={"csrf_token": token, "username": username, "password": PASSWORD},
            allow_redirects=False,
        )
        assert response.status_code in (302, 303), response.status_code

    def csrf(self, path: str) -> str:
        page = self.session.get(self.base + path).text
        return re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def hosts(database_url, s3_server, tmp_path_factory):
    """Two hosts' environments and base URLs; gunicorn ×1 worker each, started once for the
    module (they keep nothing between tests: the database is cleaned under them)."""
    tmp_path = tmp_path_factory.mktemp("two-hosts")
    prefix = f"two-hosts-{uuid.uuid4().hex[:8]}"
    envs, bases, processes, logs = [], [], [], []
    for name in ("a", "b"):
        env = {
            **os.environ,
            **s3_server.settings,
            "DATABASE_URL": database_url,
            "SECRET_KEY": "two-hosts-secret",
            "BLOB_STORE": f"s3://{S3_BUCKET}/{prefix}",
            "UPLOAD_FOLDER": str(tmp_path / f"{name}-uploads"),  # must stay empty
            "RATELIMIT_STORAGE_URI": REDIS,
            "JOB_WORKERS_IN_PROCESS": "0",
            "SESSION_COOKIE_SECURE": "0",
            "LOG_FORMAT": "text",
            "FLASK_APP": "wsgi:create_app",
        }
        port = _free_port()
        log = (tmp_path / f"{name}.log").open("wb")
        logs.append(log)
        command = [sys.executable, "-m", "gunicorn", "-w", "1", "-b", f"127.0.0.1:{port}"]
        processes.append(
            subprocess.Popen(
                [*command, "wsgi:create_app()"],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        )
        envs.append(env)
        bases.append(f"http://127.0.0.1:{port}")
    try:
        for base, process, name in zip(bases, processes, "ab", strict=True):
            deadline = time.monotonic() + 60
            while True:
                try:
                    if requests.get(f"{base}/healthz", timeout=2).status_code == 200:
                        break
                except requests.RequestException:  # not listening, or still loading
                    pass
                log = (tmp_path / f"{name}.log").read_text(errors="replace")
                assert process.poll() is None and time.monotonic() < deadline, log
                time.sleep(0.1)
        yield envs, bases, tmp_path
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
        for log in logs:
            log.close()


def _flask(env, *args) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "flask", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def test_what_one_host_writes_the_other_reads(app, world, hosts):
    (env_a, env_b), (a, b), tmp_path = hosts
    for base in (a, b):
        ready = requests.get(f"{base}/readyz", timeout=10).json()
        assert ready["status"] == "ok", ready
        assert {"database", "blob_store", "redis", "queue"} <= set(ready["checks"])

    # an inspection filled and a photo uploaded through A, submitted through B
    inspector_a = Http(a).with_token(world["inspector"].username)
    inspector_b = inspector_a.on(b)
    key = str(uuid.uuid4())
    assert create(inspector_a, world, key).status_code == 201
    fill_everything(inspector_a, key, world["template"])
    area = by_prompt(world["template"], "用地符合国土、规划、环保")
    assert answer(inspector_a, key, area, "no", "late").status_code in (200, 201)
    photo = jpeg(800, 600)
    sent = inspector_a.session.post(
        f"{a}{API}/{key}/photos",
        data={"item_id": str(area.id)},
        files={"file": ("p.jpg", photo, "image/jpeg")},
        timeout=60,
    )
    assert sent.status_code == 201, sent.text
    body = inspector_b.post(f"{API}/{key}/submit").json
    assert body["status"] == "submitted" and body["verdict"] == "fail", body

    listed = inspector_b.get(f"{API}/{key}").json
    [entry] = [i for i in listed["items"] if i["item_id"] == area.id]
    assert entry["answer"]["value"] == "no" and entry["photos"] == [sent.json()["sha256"]]

    # the supervisor, logged in on A, reads the evidence and the notice through B
    supervisor = Http(a)
    supervisor.log_in(world["supervisor"].username)
    on_b = supervisor.on(b)
    original = on_b.get(f"/inspections/{key}/photos/{sent.json()['id']}/original")
    assert original.status_code == 200 and original.data == photo
    assert on_b.get(sent.json()["url"]).status_code == 200  # the display copy, made on B
    notice = db.session.scalar(sa.select(RectificationNotice.id))
    assert notice is not None
    pdf = on_b.get(f"/notices/{notice}.pdf")
    assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF")

    # an export asked for on A, made by a worker, downloaded from B
    token = supervisor.csrf("/exports/")
    made = supervisor.post(
        "/exports/answers.csv/job", data={"csrf_token": token, "client_id": "two-hosts"}
    )
    assert made.status_code == 303
    job_id = int(made.headers["Location"].rsplit("new=", 1)[1])
    worker = _flask(env_b, "jobs", "worker", "--burst", "--no-periodic")
    _out, err = worker.communicate(timeout=120)
    assert worker.returncode == 0, err.decode()
    status = on_b.get(f"/jobs/{job_id}.json").json
    assert status["status"] == "done", status
    csv_file = on_b.get(f"/jobs/{job_id}/download")
    assert csv_file.status_code == 200 and "用地符合国土、规划、环保" in csv_file.data.decode()

    # nothing on either host's disk: the files are in the bucket
    for name in ("a", "b"):
        folder = tmp_path / f"{name}-uploads"
        assert not folder.exists() or not any(p.is_file() for p in folder.rglob("*"))


def test_failed_logins_on_two_hosts_add_up(app, world, hosts):
    _envs, (a, b), _tmp = hosts
    redis = Redis.from_url(REDIS)
    redis.flushdb()
    username = world["author"].username

    def fail(base: str) -> int:
        return requests.post(
            f"{base}/api/v1/tokens", json={"username": username, "password": "wrong"}, timeout=30
        ).status_code

    codes = [fail(a), fail(b), fail(a), fail(b), fail(a)]
    assert codes == [401] * 5
    assert fail(b) == 429  # the sixth, on the other host: the same count
    redis.flushdb()


def test_the_periodic_clock_on_both_hosts_runs_each_slot_once(app, world, hosts):
    (env_a, env_b), _bases, _tmp = hosts
    runs = [_flask(env, "jobs", "periodic") for env in (env_a, env_b)]
    for run in runs:
        _out, err = run.communicate(timeout=120)
        assert run.returncode == 0, err.decode()
    db.session.remove()
    slots = db.session.execute(sa.select(PeriodicRun.name, PeriodicRun.slot)).all()
    assert len(slots) == len(set(slots)) >= 2
    periodic = [j for j in db.session.scalars(sa.select(Job)) if j.params.get("periodic")]
    assert len(periodic) == len(slots)
    assert {job.status for job in periodic} == {JobStatus.DONE}
