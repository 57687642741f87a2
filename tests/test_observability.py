"""Issue 23, observability: /healthz (the process answers), /readyz (the database, Redis, the
blob store and registered checks), /metrics (Prometheus, every gunicorn worker added up,
loopback or a token), JSON logs with a request id, Sentry reports."""

from __future__ import annotations

import gzip
import http.client
import json
import logging
import os
import pathlib
import shutil
import signal
import socket
import subprocess
import sys
import textwrap
import threading
import time
import uuid
import zlib
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
import sqlalchemy as sa
from prometheus_client.mmap_dict import MmapedDict
from prometheus_client.multiprocess import MultiProcessCollector
from prometheus_client.parser import text_string_to_metric_families

from checklists.accounts.models import Role
from checklists.core import health, metrics
from checklists.core.extensions import db
from tests.conftest import PASSWORD, login
from tests.test_inspections import as_, create, world  # noqa: F401  (fixtures)
from tests.test_templates import by_prompt
from tests.test_workflow import coal  # noqa: F401  (fixture)

ROOT = pathlib.Path(__file__).resolve().parent.parent
API = "/api/v1/inspections"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def statements():
    """Every SQL statement any engine runs while the test does."""
    seen: list[str] = []

    def record(_conn, _cursor, statement, *_args):
        seen.append(statement)

    sa.event.listen(sa.engine.Engine, "before_cursor_execute", record)
    yield seen
    sa.event.remove(sa.engine.Engine, "before_cursor_execute", record)


# --- /healthz and /readyz ------------------------------------------------------------------


def test_healthz_answers_without_the_database(app_factory, make_user, statements):
    """Liveness: 200 with the database gone, and no statement for a logged-in user either,
    even one held for a new password (the hold does not apply to the health checks)."""
    gone = app_factory(SQLALCHEMY_DATABASE_URI="sqlite:////nonexistent-dir/x/y.sqlite")
    response = gone.test_client().get("/healthz")
    assert response.status_code == 200
    assert response.json == {"status": "ok"}

    app = app_factory()
    with app.app_context():
        user = make_user("held", role=Role.INSPECTOR)
        user.must_change_password = True
        db.session.commit()
        client = app.test_client()
        login(client, user)
    statements.clear()
    response = client.get("/healthz")
    assert response.status_code == 200
    assert statements == []
    assert client.get("/readyz").status_code == 200  # not sent to the password page
    assert client.get("/metrics").status_code == 200


def test_readyz_lists_each_part(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json["status"] == "ok"
    checks = response.json["checks"]
    assert checks["database"] == "ok" and checks["blob_store"] == "ok"
    assert "redis" not in checks  # none configured
    assert response.headers["Cache-Control"] == "no-store"


def _redis_running() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
    except OSError:
        return False
    return True


@pytest.mark.skipif(not _redis_running(), reason="no Redis on 127.0.0.1:6379")
def test_readyz_checks_a_configured_redis(app_factory):
    app = app_factory(RATELIMIT_STORAGE_URI="redis://127.0.0.1:6379/0")
    response = app.test_client().get("/readyz")
    assert response.status_code == 200
    assert response.json["checks"]["redis"] == "ok"


def test_readyz_names_redis_at_a_closed_port(app_factory):
    app = app_factory(RATELIMIT_STORAGE_URI=f"redis://127.0.0.1:{free_port()}/0")
    response = app.test_client().get("/readyz")
    assert response.status_code == 503
    assert response.json["failing"] == ["redis"]
    assert response.json["checks"]["redis"].startswith("unreachable: Connection refused")
    assert response.json["checks"]["database"] == "ok"


def test_readyz_names_a_blob_store_it_cannot_write(app_factory, tmp_path):
    """A regular file where the upload folder should be: nobody, root included, writes in it."""
    not_a_folder = tmp_path / "uploads"
    not_a_folder.write_text("a file")
    app = app_factory(UPLOAD_FOLDER=str(not_a_folder), BLOB_STORE="")  # the disk, in both suites
    response = app.test_client().get("/readyz")
    assert response.status_code == 503
    assert response.json["failing"] == ["blob_store"]
    assert response.json["checks"]["blob_store"].startswith("unavailable")
    assert str(not_a_folder) not in response.get_data(as_text=True)  # logged, not answered


def test_readyz_names_an_unreachable_database(app_factory):
    app = app_factory(SQLALCHEMY_DATABASE_URI="sqlite:////nonexistent-dir/x/y.sqlite")
    response = app.test_client().get("/readyz")
    assert response.status_code == 503
    assert "database" in response.json["failing"]
    assert response.json["checks"]["database"].startswith("unreachable")
    assert "nonexistent-dir" not in response.get_data(as_text=True)  # no detail given away


def test_readyz_runs_registered_checks(client, monkeypatch):
    monkeypatch.setitem(health._CHECKS, "queue", lambda: "3 jobs stuck")
    monkeypatch.setitem(health._CHECKS, "quiet", lambda: health.NOT_CONFIGURED)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json["failing"] == ["queue"]
    assert response.json["checks"]["queue"] == "3 jobs stuck"
    assert "quiet" not in response.json["checks"]

    def broken():
        raise ConnectionRefusedError(111, "Connection refused")

    monkeypatch.setitem(health._CHECKS, "queue", broken)
    assert client.get("/readyz").json["checks"]["queue"] == (
        "Connection refused (ConnectionRefusedError)"
    )
    monkeypatch.setitem(health._CHECKS, "queue", lambda: None)
    assert client.get("/readyz").status_code == 200


# --- /metrics ------------------------------------------------------------------------------


def scrape(client, **kwargs) -> dict[tuple[str, frozenset], float]:
    response = client.get("/metrics", **kwargs)
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/plain; version=0.0.4")
    found = {}
    for family in text_string_to_metric_families(response.get_data(as_text=True)):
        for sample in family.samples:
            found[(sample.name, frozenset(sample.labels.items()))] = sample.value
    return found


def value(samples, name: str, **labels) -> float:
    return samples.get((name, frozenset(labels.items())), 0.0)


OUTSIDE = {"REMOTE_ADDR": "203.0.113.9"}


def test_metrics_from_loopback_only(client):
    assert client.get("/metrics").status_code == 200
    assert client.get("/metrics", environ_base={"REMOTE_ADDR": "::1"}).status_code == 200
    refused = client.get("/metrics", environ_base=OUTSIDE)
    assert refused.status_code == 404
    assert b"clausecheck_" not in refused.data  # the page that does not exist, nothing else
    for method in ("OPTIONS", "POST", "DELETE"):  # no 405 or Allow header that says it is there
        assert client.open("/metrics", method=method, environ_base=OUTSIDE).status_code == 404


def test_metrics_with_the_token_from_anywhere(app_factory):
    client = app_factory(METRICS_TOKEN="s3cret-scrape").test_client()
    allowed = {"Authorization": "Bearer s3cret-scrape"}
    assert client.get("/metrics", environ_base=OUTSIDE, headers=allowed).status_code == 200
    wrong = {"Authorization": "Bearer s3cret-scrapf"}
    assert client.get("/metrics", environ_base=OUTSIDE, headers=wrong).status_code == 404
    assert client.get("/metrics", environ_base=OUTSIDE).status_code == 404


def test_metrics_behind_a_proxy(app_factory):
    """A request nginx forwards from outside is not loopback, though nginx calls from it."""
    proxied = app_factory(PROXY_COUNT=1).test_client()
    outside = {"X-Forwarded-For": "203.0.113.9"}
    assert proxied.get("/metrics", headers=outside).status_code == 404
    assert proxied.get("/metrics", headers={"X-Forwarded-For": "127.0.0.1"}).status_code == 200
    direct = app_factory().test_client()  # no proxy configured: a forwarded request is refused
    assert direct.get("/metrics", headers=outside).status_code == 404
    assert direct.get("/metrics", headers={"X-Forwarded-For": "127.0.0.1"}).status_code == 404


def test_requests_are_counted_by_endpoint_and_status(client):
    before = scrape(client)
    for _ in range(3):
        client.get("/healthz")
    client.get("/no-such-page")
    after = scrape(client)
    ok = {"endpoint": "main.healthz", "method": "GET", "status": "200"}
    assert value(after, "clausecheck_http_requests_total", **ok) - value(
        before, "clausecheck_http_requests_total", **ok
    ) == pytest.approx(3)
    missing = {"endpoint": "none", "method": "GET", "status": "404"}
    assert value(after, "clausecheck_http_requests_total", **missing) - value(
        before, "clausecheck_http_requests_total", **missing
    ) == pytest.approx(1)
    count = "clausecheck_http_request_duration_seconds_count"
    assert value(after, count, endpoint="main.healthz") - value(
        before, count, endpoint="main.healthz"
    ) == pytest.approx(3)
    assert value(after, "clausecheck_http_requests_in_progress") == 1  # this scrape


def test_answers_stored_and_sync_rejections_are_counted(app, world, client):  # noqa: F811
    session = as_(app, world["inspector"])
    key = create(session, world).json["uuid"]
    area = by_prompt(world["template"], "储煤厂房建设面积")
    url = f"{API}/{key}/answers/{area.id}"
    body = {"value": "520", "answered_at": "2026-11-21T09:00:00+08:00", "client_id": "p-1"}
    before = scrape(client)
    assert session.put(url, json=body).status_code == 201
    assert session.put(url, json=body).status_code == 200  # a resend stores nothing
    assert session.put(url, json={**body, "value": "abc", "client_id": "p-2"}).status_code == 422
    assert session.put(url, json={**body, "value": "530"}).status_code == 409  # id reused
    after = scrape(client)

    def moved(name, **labels):
        return value(after, name, **labels) - value(before, name, **labels)

    assert moved("clausecheck_answers_stored_total") == 1
    assert moved("clausecheck_sync_rejections_total", kind="answer", reason="invalid") == 1
    assert moved("clausecheck_sync_rejections_total", kind="answer", reason="id_reused") == 1


def test_counts_on_commit_only(app_ctx):
    counter = metrics.ANSWERS_STORED
    start = counter._value.get()
    db.session.execute(sa.text("SELECT 1"))  # in a transaction, as after a flush
    metrics.count_on_commit(counter)
    db.session.rollback()
    assert counter._value.get() == start
    db.session.execute(sa.text("SELECT 1"))
    metrics.count_on_commit(counter, 2)
    with db.session.begin_nested():  # a savepoint's commit is not the transaction's
        metrics.count_on_commit(counter, 10)
    assert counter._value.get() == start
    db.session.commit()
    assert counter._value.get() == start + 12


def test_gauges_computed_at_scrape_time(client, monkeypatch):
    monkeypatch.setattr(metrics, "_COLLECTORS", {})
    metrics.register_gauge("clausecheck_test_depth", "Jobs waiting (test)", lambda: 7)
    metrics.register_gauge(
        "clausecheck_test_failed", "Failed (test)", lambda: {("export",): 2}, labels=("kind",)
    )

    def broken():
        raise RuntimeError("the database went away")

    metrics.register_collector("broken", broken)
    found = scrape(client)
    assert value(found, "clausecheck_test_depth") == 7
    assert value(found, "clausecheck_test_failed", kind="export") == 2


def test_files_of_dead_processes_are_folded(tmp_path):
    """A process that wrote counts and exited: its counts stay, in one archive file; its
    live gauge goes."""
    folder = tmp_path / "m"
    folder.mkdir()
    script = textwrap.dedent(
        """
        from prometheus_client import Counter, Gauge, Histogram
        c = Counter("t_requests", "r", ["endpoint"], registry=None)
        c.labels("a").inc(3); c.labels("b").inc()
        h = Histogram("t_seconds", "s", registry=None); h.observe(0.2); h.observe(3)
        Gauge("t_live", "l", multiprocess_mode="livesum", registry=None).inc(5)
        """
    )
    env = {k: v for k, v in os.environ.items() if k != metrics.CHOSEN}
    env["PROMETHEUS_MULTIPROC_DIR"] = str(folder)
    for _ in range(2):
        subprocess.run([sys.executable, "-c", script], env=env, check=True, timeout=30)

    def collected():
        return {
            (s.name, tuple(sorted(s.labels.items()))): s.value
            for m in MultiProcessCollector(None, path=str(folder)).collect()
            for s in m.samples
        }

    before = collected()
    assert before[("t_live", ())] == 10
    assert metrics.fold_dead(str(folder)) == 2
    names = sorted(p.name for p in folder.glob("*.db"))
    assert names == ["counter_archive.db", "histogram_archive.db"]
    after = collected()
    assert ("t_live", ()) not in after
    del before[("t_live", ())]
    assert after == before
    assert after[("t_requests_total", (("endpoint", "a"),))] == 6
    assert after[("t_seconds_count", ())] == 4
    assert metrics.fold_dead(str(folder)) == 0


def test_the_metrics_folder_is_chosen_without_configuration():
    folder = pathlib.Path(metrics.FOLDER)
    assert os.environ["PROMETHEUS_MULTIPROC_DIR"] == str(folder)
    assert folder.is_dir()
    assert folder.name.startswith(f"{os.getpid()}-")  # no gunicorn here: this process's own


def test_gunicorn_workers_are_added_up(tmp_path):
    """A real gunicorn, 2 workers, no config file and nothing set for metrics: the count of
    /metrics is every request sent, whichever worker answered, also after one is killed."""
    port = free_port()
    empty_config = tmp_path / "gunicorn.conf.py"
    empty_config.write_text("")
    env = {
        **os.environ,
        "SECRET_KEY": uuid.uuid4().hex,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'app.sqlite'}",
        "UPLOAD_FOLDER": str(tmp_path / "uploads"),
        "JOB_WORKERS_IN_PROCESS": "0",
        "LOG_FORMAT": "json",
    }
    output = open(tmp_path / "gunicorn.log", "wb")  # noqa: SIM115
    command = [sys.executable, "-m", "gunicorn", "-c", str(empty_config), "-w", "2"]
    server = subprocess.Popen(
        [*command, "-b", f"127.0.0.1:{port}", "wsgi:create_app()"],
        cwd=ROOT,
        env=env,
        stdout=output,
        stderr=subprocess.STDOUT,
    )
    folder = pathlib.Path(metrics._base()) / f"{server.pid}-{metrics._process_start(server.pid)}"
    try:
        deadline = time.monotonic() + 30
        while len(list(folder.glob("counter_*.db"))) < 2:  # both workers have loaded the app
            assert server.poll() is None, (tmp_path / "gunicorn.log").read_text()
            assert time.monotonic() < deadline, "gunicorn's workers did not start"
            time.sleep(0.05)

        def get(path: str) -> tuple[int, str, str]:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            try:
                conn.request("GET", path, headers={"X-Request-ID": f"t-{uuid.uuid4().hex}"})
                response = conn.getresponse()
                return response.status, response.read().decode(), response.headers["X-Request-ID"]
            finally:
                conn.close()

        def per_worker() -> dict[str, float]:
            return {
                path.name: sum(
                    v
                    for key, v, _ts, _pos in MmapedDict.read_all_values_from_file(str(path))
                    if '"main.healthz"' in key
                )
                for path in folder.glob("counter_*.db")
            }

        # a worker that has just loaded the app may not accept yet: send until both answered
        answers: list[tuple[int, str, str]] = []
        with ThreadPoolExecutor(6) as pool:
            while len(answers) < 60 or not all(per_worker().values()):
                assert time.monotonic() < deadline, f"one worker answered: {per_worker()}"
                answers += pool.map(lambda _: get("/healthz"), range(30))
        sent = len(answers)
        assert {status for status, _body, _id in answers} == {200}
        counts = per_worker()
        assert sum(counts.values()) == sent

        def scraped() -> dict:
            status, text, _ = get("/metrics")
            assert status == 200
            return {
                (s.name, frozenset(s.labels.items())): s.value
                for family in text_string_to_metric_families(text)
                for s in family.samples
            }

        ok = {"endpoint": "main.healthz", "method": "GET", "status": "200"}
        assert value(scraped(), "clausecheck_http_requests_total", **ok) == sent

        killed = int(sorted(counts)[0].split("_")[1].split(".")[0])
        os.kill(killed, signal.SIGKILL)
        deadline = time.monotonic() + 10
        while metrics._alive(killed):  # until the master has reaped it
            assert time.monotonic() < deadline
            time.sleep(0.05)
        found = scraped()
        assert value(found, "clausecheck_http_requests_total", **ok) == sent
        count = "clausecheck_http_request_duration_seconds_count"
        assert value(found, count, endpoint="main.healthz") == sent
        assert value(found, "clausecheck_http_requests_in_progress") == 1
        assert (folder / "counter_archive.db").exists()
        assert not (folder / f"counter_{killed}.db").exists()
    finally:
        server.send_signal(signal.SIGINT)  # quick shutdown (a new worker may be booting)
        server.wait(timeout=15)
        output.close()
        shutil.rmtree(folder, ignore_errors=True)
    lines = [
        json.loads(line)
        for line in (tmp_path / "gunicorn.log").read_text().splitlines()
        if line.startswith("{")
    ]
    access = [line for line in lines if line["logger"] == "clausecheck.access"]
    assert {line["request_id"] for line in access} >= {rid for _s, _b, rid in answers}


# --- logs ----------------------------------------------------------------------------------


def test_json_logs_carry_the_request_id(app_factory, capsys, make_user):
    app = app_factory(LOG_FORMAT="json")

    @app.route("/test-log")
    def _log():
        app.logger.warning("inside the view")
        logging.getLogger("checklists.core.test").info("a module's own logger")
        return "ok"

    client = app.test_client()
    capsys.readouterr()
    response = client.get("/test-log?token=sekrit-query", headers={"X-Request-ID": "req-42.a"})
    assert response.headers["X-Request-ID"] == "req-42.a"
    lines = [json.loads(line) for line in capsys.readouterr().err.splitlines()]
    mine = [line for line in lines if line["request_id"] == "req-42.a"]
    assert {line["message"] for line in mine} >= {"inside the view", "a module's own logger"}
    [access] = [line for line in mine if line["logger"] == "clausecheck.access"]
    assert access["method"] == "GET" and access["path"] == "/test-log"
    assert access["endpoint"] == "_log" and access["status"] == 200
    assert isinstance(access["duration_ms"], float) and access["user_id"] is None
    assert "sekrit" not in json.dumps(lines)

    made = client.get("/healthz", headers={"X-Request-ID": "not sane!"}).headers["X-Request-ID"]
    assert len(made) == 32 and made != "not sane!"

    with app.app_context():
        user = make_user("logger", role=Role.INSPECTOR)
        user_id = user.id
        client.post("/login", data={"username": "logger", "password": PASSWORD})
        login(client, user)
    client.get("/account")
    text = capsys.readouterr().err
    assert PASSWORD not in text
    entries = [json.loads(line) for line in text.splitlines()]
    [page] = [e for e in entries if e.get("path") == "/account"]
    assert page["user_id"] == user_id


def test_log_format_defaults_to_text_in_tests(app, capsys):
    capsys.readouterr()
    app.test_client().get("/healthz", headers={"X-Request-ID": "plain-1"})
    assert "INFO [plain-1] clausecheck.access: GET /healthz 200" in capsys.readouterr().err


# --- Sentry --------------------------------------------------------------------------------


class _Collector(BaseHTTPRequestHandler):
    """Stands in for the DSN's host: keeps every envelope it is sent."""

    def do_POST(self):
        data = self.rfile.read(int(self.headers["Content-Length"]))
        encoding = self.headers.get("Content-Encoding", "")
        if encoding == "gzip":
            data = gzip.decompress(data)
        elif encoding == "deflate":
            data = zlib.decompress(data)
        elif encoding == "br":
            import brotli

            data = brotli.decompress(data)
        self.server.received.append((self.path, data.decode("utf-8", "replace")))
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def sentry_host():
    server = HTTPServer(("127.0.0.1", 0), _Collector)
    server.received = []
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    yield server
    import sentry_sdk

    sentry_sdk.get_client().close(timeout=2)
    sentry_sdk.get_global_scope().set_client(None)
    server.shutdown()
    thread.join()
    server.server_close()


def test_errors_are_reported_to_sentry(app_factory, sentry_host, monkeypatch):
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    port = sentry_host.server_address[1]
    app = app_factory(SENTRY_DSN=f"http://publickey@127.0.0.1:{port}/42", SENTRY_RELEASE="t-1")
    marker = uuid.uuid4().hex

    @app.route("/test-boom")
    def _boom():
        raise RuntimeError(f"boom {marker}")

    response = app.test_client().get(
        "/test-boom?token=sekrit-query",
        headers={"X-Request-ID": "boom-1", "Authorization": "Bearer sekrit-header"},
    )
    assert response.status_code == 500
    import sentry_sdk

    sentry_sdk.flush(timeout=5)
    deadline = time.monotonic() + 5
    while not any(marker in body for _path, body in sentry_host.received):
        assert time.monotonic() < deadline, "no envelope with the error arrived"
        time.sleep(0.05)
    [(path, body)] = [(p, b) for p, b in sentry_host.received if marker in b]
    assert path == "/api/42/envelope/"
    [event] = [json.loads(line) for line in body.splitlines() if marker in line]
    assert event["exception"]["values"][-1]["type"] == "RuntimeError"
    assert event["tags"]["request_id"] == "boom-1" and event["release"] == "t-1"
    sent = event["request"]
    assert "query_string" not in sent and "?" not in sent["url"] and "data" not in sent
    assert sent["headers"].get("Authorization") in (None, "[Filtered]")
    assert "user" not in event or "ip_address" not in event["user"]
    assert all(
        "vars" not in frame
        for value in event["exception"]["values"]
        for frame in value["stacktrace"]["frames"]
    )
