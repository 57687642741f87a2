"""Benchmark: how far the API's behaviour agrees with its OpenAPI document, measured for every
demo role by schemathesis, a schema-driven fuzzer. Prints figures; asserts nothing.

    python3 tests/benchmarks/fuzz_api.py                      # 25 examples per operation
    FUZZ_EXAMPLES=200 python3 tests/benchmarks/fuzz_api.py    # a longer run (or --examples)
    python3 tests/benchmarks/fuzz_api.py --roles inspector,enterprise --seed 7
    python3 tests/benchmarks/fuzz_api.py --keep /tmp/fuzz     # keep the reports and logs

Any Python 3.11+ starts it. The script keeps schemathesis in ``.venv-fuzz`` at the root
(git-ignored), made on the first run with ``python3 -m venv`` and ``pip install -r
requirements.txt`` plus the pinned schemathesis (again whenever requirements.txt or the pin
changes), and then runs itself again with that interpreter. (``make test`` has the same pin in
requirements-dev.txt, its pytest plugin off, for tests/test_fuzz_api.py: the bounded run of
this fuzzing, in process, that fails on any 500 or answer the document does not describe.) A
default run takes about 5 minutes of CPU (about one per role).

Setup: the migrations and ``flask demo load`` on a fresh SQLite database in a temporary folder,
plus one empty draft inspection made through the API by the inspector (so that answers, photos
and submission have something to work on). Then, for each role (admin, author, inspector,
supervisor, enterprise), on its own copy of that database and its uploads: the app served by
werkzeug on a free loopback port (TESTING off, as in production; the login rate limit raised,
since /tokens is fuzzed too), a bearer token from ``POST /api/v1/tokens``, and the schemathesis
CLI against ``/api/v1/openapi.json`` with that token: its coverage, fuzzing and stateful
phases, a bounded number of examples per operation, a fixed seed, every example run even after
an operation's first failure. The demo data's ids (inspections, items, findings, templates,
documents, organisations, users) are given to schemathesis as dictionaries and drawn most of
the time, so that requests reach real records and not only 404s.

Checks (schemathesis' names): not_a_server_error, status_code_conformance,
content_type_conformance, response_headers_conformance, response_schema_conformance,
negative_data_rejection, positive_data_acceptance, missing_required_header, unsupported_method,
allow_header_conformance, use_after_free, ensure_resource_availability, ignored_auth.
(object_level_authorization needs peer accounts in a Web Fuzzing Commons auth file: not here.)

Figures per role: operations tested, requests the server received with their statuses, test
cases, the documented operations that never answered 2xx, schemathesis' own errors, and the
distinct failures by operation and check. A distinct failure is one operation, check, message
and answer (status, error code, up to three field names), so two causes of one check on one
operation count twice. Then the same over all roles, every distinct failure with the roles it
appeared for, a reproducing request and the answer (for a 500, the exception the server
logged), and the wall time. Exit code 0 whatever was found; non-zero only when the measurement
could not happen (no virtualenv, no server, no token, schemathesis ending without its report).
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import hashlib
import io
import json
import logging
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import urllib.request
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]
FUZZ_VENV = ROOT / ".venv-fuzz"
SCHEMATHESIS = "schemathesis==4.32.5"
ROLES = ("admin", "author", "inspector", "supervisor", "enterprise")
DEMO_PASSWORD = "demo-2026"
DEFAULT_EXAMPLES = 25
DEFAULT_SEED = 2026
#: The checks run, with the short names of the tables.
CHECKS = {
    "not_a_server_error": "5xx",
    "status_code_conformance": "status",
    "content_type_conformance": "ctype",
    "response_headers_conformance": "rhdrs",
    "response_schema_conformance": "schema",
    "negative_data_rejection": "neg",
    "positive_data_acceptance": "pos",
    "missing_required_header": "reqhdr",
    "unsupported_method": "method",
    "allow_header_conformance": "allow",
    "use_after_free": "uaf",
    "ensure_resource_availability": "avail",
    "ignored_auth": "auth",
}
#: How often a generated id is one of the demo data's instead of a random one.
REAL_ID_PROBABILITY = 0.8
#: Operations that change a record's state, each on records of its own (the seed's reserved
#: dictionaries): otherwise one closes a finding or approves an inspection early in the run and
#: the others meet only 409s for the rest of it.
OPERATION_TARGETS = {
    "POST /findings/{finding_id}/verify": ("path.finding_id", "verify_findings"),
    "PATCH /findings/{finding_id}": ("path.finding_id", "deadline_findings"),
    "POST /findings/{finding_id}/actions": ("path.finding_id", "action_findings"),
    "POST /findings/{finding_id}/photos": ("path.finding_id", "action_findings"),
    "POST /inspections/{key}/approve": ("path.key", "approve_keys"),
    "POST /inspections/{key}/return": ("path.key", "return_keys"),
    "POST /inspections/{key}/submit": ("path.key", "draft_keys"),
    "PATCH /inspections/{key}": ("path.key", "draft_keys"),
    "PUT /inspections/{key}/answers/{item_id}": ("path.key", "draft_keys"),
    "POST /inspections/{key}/photos": ("path.key", "draft_keys"),
}


def role_timeout(examples: int) -> int:
    """Seconds after which a role's schemathesis run is stopped (and the measurement fails)."""
    return 600 + 20 * examples


class RunError(Exception):
    """The measurement could not happen (as opposed to failures it found)."""


# --- the virtualenv -------------------------------------------------------------------------


def ensure_fuzz_venv() -> Path:
    """``.venv-fuzz`` with the app's requirements and schemathesis; its python."""
    python = FUZZ_VENV / "bin" / "python"
    stamp = FUZZ_VENV / ".fuzz-requirements"
    wanted = hashlib.sha256(
        (ROOT / "requirements.txt").read_bytes() + SCHEMATHESIS.encode()
    ).hexdigest()
    if python.exists() and stamp.exists() and stamp.read_text().strip() == wanted:
        return python
    steps = []
    if not python.exists():
        steps.append([sys.executable, "-m", "venv", str(FUZZ_VENV)])
    steps.append(
        [str(python), "-m", "pip", "install", "-qq", "--disable-pip-version-check"]
        + ["-r", str(ROOT / "requirements.txt"), SCHEMATHESIS]
    )
    print(f"setting up {FUZZ_VENV.name} (requirements.txt + {SCHEMATHESIS})", flush=True)
    for step in steps:
        if subprocess.run(step, cwd=ROOT).returncode != 0:
            raise RunError(f"could not set up {FUZZ_VENV}: {' '.join(step)} failed")
    stamp.write_text(wanted + "\n")
    return python


def in_fuzz_venv() -> bool:
    return Path(sys.prefix).resolve() == FUZZ_VENV.resolve()


# --- the database and the server ------------------------------------------------------------


def app_config(database: Path, uploads: Path) -> dict:
    return {
        "SECRET_KEY": "fuzz-api-benchmark",
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{database}",
        "UPLOAD_FOLDER": str(uploads),
        "TESTING": False,
        "SESSION_COOKIE_SECURE": False,
        # /tokens is fuzzed too: every wrong password would count against the login limits.
        "LOGIN_RATE_LIMIT": "100000 per minute",
        "LOGIN_ADDRESS_RATE_LIMIT": "100000 per minute",
    }


def api_call(client, method: str, path: str, token: str | None = None, **kwargs):
    """One request to the app's test client; its JSON answer, or RunError."""
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    response = client.open("/api/v1" + path, method=method, headers=headers, **kwargs)
    if response.status_code >= 400:
        raise RunError(f"{method} {path}: {response.status_code} {response.get_data(True)}")
    return response.get_json()


def jpeg() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (640, 480), (120, 126, 130)).save(out, "JPEG", quality=80)
    return out.getvalue()


def submitted_inspection(client, token: str, template: dict, organisation_id: int) -> str:
    """Another inspection like the demo's, made through the API: every item answered (the
    demo's two failures again, with their photos), submitted, so it raises two findings."""
    from types import SimpleNamespace

    from inspections.filling.demo import FAILURES, passing

    key = str(uuid.uuid5(uuid.NAMESPACE_URL, "clausecheck/fuzz/submitted"))
    payload = {"uuid": key, "template_id": template["id"], "organisation_id": organisation_id}
    api_call(client, "POST", "/inspections", token, json=payload)
    for item in (i for section in template["sections"] for i in section["items"]):
        failing = next((v for p, v in FAILURES.items() if item["prompt"].startswith(p)), None)
        if item["answer_type"] == "photo" or failing is not None:
            form = {"file": (io.BytesIO(jpeg()), "photo.jpg"), "item_id": str(item["id"])}
            api_call(client, "POST", f"/inspections/{key}/photos", token, data=form)
        if item["answer_type"] != "photo":
            rule = item.get("rule") or {}
            value = failing if failing is not None else passing(SimpleNamespace(**item))
            answer = {"value": value, "unit": "年" if rule.get("unit") == "year" else None}
            api_call(client, "PUT", f"/inspections/{key}/answers/{item['id']}", token, json=answer)
    api_call(client, "POST", f"/inspections/{key}/submit", token)
    return key


def seed(tmp: Path) -> dict[str, list]:
    """The seed database: migrations, demo data, and through the API a second submitted
    inspection (two more findings) and an empty draft. Returns the ids schemathesis draws
    from: all of them by kind, and the records reserved for operations that change state.

    The app's modules are imported here and in ``Server``, not at the top: the script starts
    under any Python and imports them only once it runs in ``.venv-fuzz``.
    """
    from flask_migrate import upgrade

    from checklists.core.extensions import db
    from inspections.cli import load_demo
    from wsgi import create_app

    app = create_app(app_config(tmp / "seed.sqlite", tmp / "uploads-seed"))
    with app.app_context():
        with contextlib.redirect_stderr(io.StringIO()):  # alembic's INFO lines
            upgrade()
        load_demo()
        db.session.commit()
        db.session.remove()
    ids = seed_ids(app.test_client())
    with app.app_context():
        db.engine.dispose()
    print(
        "seed: demo data, a second submitted inspection, a draft; "
        + ", ".join(f"{len(v)} {k}" for k, v in ids.items())
    )
    return ids


def seed_ids(client) -> dict[str, list]:
    """Through the API of an app holding the demo data: a second submitted inspection (two
    more findings) and an empty draft; then the ids schemathesis draws from, by kind, and the
    records reserved for operations that change state (``OPERATION_TARGETS``). Shared with
    the suite's bounded run (tests/test_fuzz_api.py)."""

    def token(username: str) -> str:
        payload = {"username": username, "password": DEMO_PASSWORD}
        return api_call(client, "POST", "/tokens", json=payload)["token"]

    admin, inspector, supervisor = token("admin"), token("inspector"), token("supervisor")
    demo = api_call(client, "GET", "/inspections", admin)[0]
    template = api_call(client, "GET", f"/templates/{demo['template']['id']}", admin)
    second = submitted_inspection(client, inspector, template, demo["organisation_id"])
    draft = str(uuid.uuid5(uuid.NAMESPACE_URL, "clausecheck/fuzz/draft"))
    payload = {
        "uuid": draft,
        "template_id": template["id"],
        "organisation_id": demo["organisation_id"],
    }
    api_call(client, "POST", "/inspections", inspector, json=payload)

    def findings_of(key: str) -> list[int]:
        return [f["id"] for f in api_call(client, "GET", f"/findings?inspection_uuid={key}", admin)]

    first_findings, second_findings = findings_of(demo["uuid"]), findings_of(second)
    return {
        "inspection_keys": [i["uuid"] for i in api_call(client, "GET", "/inspections", admin)],
        "item_ids": [i["id"] for s in template["sections"] for i in s["items"]],
        "finding_ids": [f["id"] for f in api_call(client, "GET", "/findings", admin)],
        "template_ids": [t["id"] for t in api_call(client, "GET", "/templates", admin)],
        "document_ids": [d["id"] for d in api_call(client, "GET", "/documents", admin)],
        "organisation_ids": [o["id"] for o in api_call(client, "GET", "/organisations", admin)],
        "user_ids": [api_call(client, "GET", "/me", t)["id"] for t in (inspector, supervisor)],
        # Reserved (see OPERATION_TARGETS): a closed finding cannot take a new deadline, an
        # approved inspection cannot be returned, a returned one is a draft again.
        "approve_keys": [demo["uuid"]],
        "return_keys": [second],
        "draft_keys": [draft],
        "verify_findings": first_findings[:1] + second_findings[:1],
        "deadline_findings": first_findings[1:],
        "action_findings": second_findings[1:],
    }


def copy_database(source: Path, target: Path) -> None:
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()


@dataclass
class Served:
    """What the server saw: statuses of every request, and the exceptions the app logged (by
    the raw request line, ``METHOD /path?query``)."""

    statuses: Counter = field(default_factory=Counter)
    exceptions: dict[str, str] = field(default_factory=dict)


def exception_summary(exc_info) -> str:
    """``Type: message (at file:line function)``, at the deepest frame of the project."""
    exc_type, exc, tb = exc_info
    frames = traceback.extract_tb(tb)
    ours = [f for f in frames if f.filename.startswith(str(ROOT)) and "/.venv" not in f.filename]
    frame = (ours or frames)[-1]
    first = str(exc).splitlines()[0][:160] if str(exc) else ""
    return (
        f"{exc_type.__name__}: {first} (at {Path(frame.filename).name}:{frame.lineno} {frame.name})"
    )


class Server:
    """The app under werkzeug's threaded server on a free loopback port, in a thread."""

    def __init__(self, database: Path, uploads: Path) -> None:
        from flask import has_request_context, request
        from werkzeug.serving import make_server

        from wsgi import create_app

        self.seen = seen = Served()
        self.app = create_app(app_config(database, uploads))
        lock = threading.Lock()
        inner = self.app.wsgi_app

        def counting(environ, start_response):
            def start(status, headers, exc_info=None):
                with lock:
                    seen.statuses[int(status[:3])] += 1
                return start_response(status, headers, exc_info)

            return inner(environ, start)

        self.app.wsgi_app = counting  # type: ignore[method-assign]

        class Capture(logging.Handler):
            """Flask logs an unhandled exception (a 500) here, in its request's context."""

            def emit(self, record: logging.LogRecord) -> None:
                if not record.exc_info or not has_request_context():
                    return
                line = f"{request.method} {request.environ.get('RAW_URI', request.full_path)}"
                with lock:
                    seen.exceptions[line] = exception_summary(record.exc_info)

        self.app.logger.handlers[:] = [Capture()]
        self.app.logger.propagate = False
        logging.getLogger("werkzeug").setLevel(logging.ERROR)
        self.server = make_server("127.0.0.1", 0, self.app, threaded=True)
        self.port = self.server.server_port
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> Server:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        from checklists.core.extensions import db

        self.server.shutdown()
        self.thread.join(timeout=10)
        with self.app.app_context():
            db.engine.dispose()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/v1"


def get_token(base: str, username: str) -> str:
    request = urllib.request.Request(
        base + "/tokens",
        data=json.dumps({"username": username, "password": DEMO_PASSWORD}).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.load(response)["token"]
    except OSError as exc:
        raise RunError(f"no token for {username}: {exc}") from exc


# --- schemathesis ---------------------------------------------------------------------------


def toml_value(value) -> str:
    """A TOML value (JSON's string escapes are TOML's)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return (
            "{ " + ", ".join(f"{json.dumps(k)} = {toml_value(v)}" for k, v in value.items()) + " }"
        )
    raise TypeError(value)


def config_toml(token: str, ids: dict[str, list]) -> str:
    """schemathesis.toml for one role: its token, the checks, the demo ids as dictionaries."""
    real = REAL_ID_PROBABILITY
    bindings = {
        "path.key": ("inspection_keys", real),
        "path.item_id": ("item_ids", real),
        "path.finding_id": ("finding_ids", real),
        "path.template_id": ("template_ids", real),
        "path.document_id": ("document_ids", real),
        "query.organisation_id": ("organisation_ids", 0.5),
        "query.inspection_uuid": ("inspection_keys", 0.5),
        "body.template_id": ("template_ids", 0.5),
        "body.organisation_id": ("organisation_ids", 0.5),
        "body.item_id": ("item_ids", 0.5),
        "body.inspector_ids[*]": ("user_ids", 0.5),
    }
    lines = [
        # Every example of an operation runs, not only those up to its first failure.
        "continue-on-failure = true",
        "",
        "[cache]",
        "enabled = false",
        "",
        "[generation]",
        "database = 'none'",
        # The bearer token below is the authentication; no random cookies or headers besides.
        "with-security-parameters = false",
        "",
        "[auth.openapi.bearer]",
        f"bearer = {toml_value(token)}",
        "",
        "[checks]",
        "enabled = false",
    ]
    lines += [f"{name}.enabled = true" for name in CHECKS]
    lines.append("")
    for name, values in ids.items():
        lines += [f"[dictionaries.{name}]", f"values = {toml_value(values)}", ""]
    lines.append("[parameters]")
    for key, (name, probability) in bindings.items():
        lines.append(f"{toml_value(key)} = {binding(name, probability)}")
    for operation, (key, name) in OPERATION_TARGETS.items():
        lines += [
            "",
            "[[operations]]",
            f"include-name = {toml_value(operation)}",
            f"parameters = {{ {toml_value(key)} = {binding(name, real)} }}",
        ]
    return "\n".join(lines) + "\n"


def binding(dictionary: str, probability: float) -> str:
    return toml_value({"dictionary": dictionary, "probability": probability})


@dataclass
class Failure:
    """One failed check of one test case, with what tells it apart from the others."""

    operation: str
    check: str
    code: str  # schemathesis' failure code, e.g. ST202
    title: str
    message: str
    phase: str
    answer: str  # status, and the error's code and fields: "422 invalid reason"
    request: str
    response: str
    cause: str = ""  # the server's exception, for a 500

    @property
    def key(self) -> tuple[str, str, str, str]:
        return (self.operation, self.check, self.message, self.answer)

    @property
    def reason(self) -> str:
        lines = [line.strip() for line in self.message.splitlines() if line.strip()]
        lines = [line for line in lines if not line.startswith("Expected: ")]
        return " / ".join(lines or [self.title]) + f" [answer {self.answer}]"


def response_of(interaction: dict | None) -> tuple[dict, object]:
    """The recorded response and its body (JSON decoded when it is JSON)."""
    response = (interaction or {}).get("response") or {}
    raw = (response.get("content") or {}).get("$base64")
    content = base64.b64decode(raw) if raw else b""
    try:
        return response, json.loads(content)
    except ValueError:
        return response, content.decode("utf-8", "replace")


def answer_signature(response: dict, body: object) -> str:
    """``422 invalid reason``: the status, the error code and (up to three) field names."""
    text = str(response.get("status_code", "-"))
    error = body.get("error") if isinstance(body, dict) else None
    if isinstance(error, dict):
        fields = sorted(error.get("fields") or {})
        text += f" {error.get('code')}"
        if fields:
            text += " " + (",".join(fields) if len(fields) <= 3 else f"({len(fields)} fields)")
    return text


def describe_request(case: dict, interaction: dict | None) -> str:
    """``METHOD URL [media type] body``, the way schemathesis sent it."""
    method = case.get("method", "?")
    uri = (interaction or {}).get("request", {}).get("uri") or case.get("path", "?")
    parts = urlsplit(uri)
    text = f"{method} {parts.path}" + (f"?{parts.query}" if parts.query else "")
    if "body" in case:
        media = case.get("media_type") or "application/json"
        text += f" [{media}] {json.dumps(case['body'], ensure_ascii=False, default=repr)}"
    return text[:400]


def describe_response(response: dict, body: object) -> str:
    if not response:
        return "(no response)"
    allow = ""
    if response.get("status_code") == 405:
        allow = f" Allow: {response.get('headers', {}).get('allow', ['(none)'])[0]}"
    shown = body if isinstance(body, str) else json.dumps(body, ensure_ascii=False)
    return f"{response.get('status_code')}{allow} {shown[:240]}"


@dataclass
class Events:
    """What one schemathesis run recorded."""

    failures: dict[tuple, Failure] = field(default_factory=dict)  # distinct, first seen
    occurrences: Counter = field(default_factory=Counter)  # failed checks per distinct failure
    operations: set[str] = field(default_factory=set)  # documented, e.g. "GET /inspections"
    #: Answers by method and path template (the documented ones and the probed others).
    statuses: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    errors: list[str] = field(default_factory=list)  # schemathesis' own errors
    finished: bool = False


def parse_events(path: Path, exceptions: dict[str, str]) -> Events:
    """Read schemathesis' NDJSON events: failures, answers by operation, errors."""
    seen = Events()
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            event = json.loads(line)
            if "EngineFinished" in event:
                seen.finished = True
            if error := event.get("NonFatalError"):
                value = error.get("value", {})
                seen.errors.append(
                    f"{error.get('label')} ({error.get('phase')}): "
                    f"{value.get('type')}: {value.get('message')}"
                )
            scenario = event.get("ScenarioFinished")
            if not scenario:
                continue
            recorder = scenario.get("recorder", {})
            cases = recorder.get("cases", {})
            interactions = recorder.get("interactions", {})
            if recorder.get("label") != "Stateful tests":  # a documented operation's scenario
                seen.operations.add(recorder.get("label", "?"))
            for case_id, interaction in interactions.items():
                case = cases.get(case_id, {}).get("value", {})
                label = f"{case.get('method', '?')} {case.get('path', '?')}"
                status = (interaction.get("response") or {}).get("status_code", "none")
                seen.statuses[label][status] += 1
            for case_id, checks in recorder.get("checks", {}).items():
                case = cases.get(case_id, {}).get("value", {})
                interaction = interactions.get(case_id)
                response, body = response_of(interaction)
                request_line = (interaction or {}).get("request", {}).get("uri", "")
                if request_line:
                    parts = urlsplit(request_line)
                    raw = parts.path + (f"?{parts.query}" if parts.query else "")
                    request_line = f"{case.get('method')} {raw}"
                for check in checks:
                    if check.get("status") != "failure":
                        continue
                    info = check.get("failure_info", {}).get("failure", {})
                    failure = Failure(
                        operation=info.get("operation") or recorder.get("label", "?"),
                        check=check.get("name", "?"),
                        code=info.get("code", ""),
                        title=info.get("title", ""),
                        message=info.get("message", ""),
                        phase=scenario.get("phase", "?"),
                        answer=answer_signature(response, body),
                        request=describe_request(case, interaction),
                        response=describe_response(response, body),
                        cause=exceptions.get(request_line, ""),
                    )
                    seen.occurrences[failure.key] += 1
                    seen.failures.setdefault(failure.key, failure)
    return seen


@dataclass
class RoleResult:
    role: str
    seconds: float
    report: dict  # schemathesis' JSON report
    served: Served
    events: Events


def run_role(role: str, tmp: Path, ids: dict[str, list], args: argparse.Namespace) -> RoleResult:
    work = tmp / role
    work.mkdir()
    copy_database(tmp / "seed.sqlite", work / "db.sqlite")
    if (tmp / "uploads-seed").exists():
        shutil.copytree(tmp / "uploads-seed", work / "uploads")
    started = time.perf_counter()
    with Server(work / "db.sqlite", work / "uploads") as server:
        token = get_token(server.base, role)
        config = work / "schemathesis.toml"
        config.write_text(config_toml(token, ids), encoding="utf-8")
        reports = work / "reports"
        command = [
            str(FUZZ_VENV / "bin" / "schemathesis"),
            "--config-file",
            str(config),
            "run",
            server.base + "/openapi.json",
            "--max-examples",
            str(args.examples),
            "--seed",
            str(args.seed),
            "--workers",
            str(args.workers),
            "--report",
            "ndjson,json",
            "--report-dir",
            str(reports),
            "--report-ndjson-path",
            str(reports / "events.ndjson"),
            "--report-json-path",
            str(reports / "report.json"),
            "--no-color",
        ]
        log = work / "schemathesis.log"
        with log.open("wb") as out:
            try:
                code = subprocess.run(
                    command, cwd=work, stdout=out, stderr=subprocess.STDOUT, timeout=args.timeout
                ).returncode
            except subprocess.TimeoutExpired as exc:
                raise RunError(f"{role}: schemathesis ran over {args.timeout} s") from exc
    seconds = time.perf_counter() - started
    events, summary = reports / "events.ndjson", reports / "report.json"
    if code not in (0, 1) or not summary.exists() or not events.exists():
        tail = log.read_text(errors="replace")[-3000:]
        raise RunError(f"{role}: schemathesis exited {code} without its report:\n{tail}")
    recorded = parse_events(events, server.seen.exceptions)
    if not recorded.finished:
        raise RunError(f"{role}: schemathesis did not finish its run (see {log})")
    report = json.loads(summary.read_text(encoding="utf-8"))
    return RoleResult(role, seconds, report, server.seen, recorded)


# --- figures --------------------------------------------------------------------------------


def matrix(failures: dict[tuple, Failure], indent: str = "  ") -> None:
    """Distinct failures by operation (rows) and check (columns with any)."""
    if not failures:
        print(f"{indent}no failures")
        return
    cells: Counter = Counter((f.operation, f.check) for f in failures.values())
    checks = [c for c in CHECKS if any(check == c for _, check in cells)]
    operations = sorted({op for op, _ in cells}, key=lambda op: (op.split(" ", 1)[-1], op))
    width = max(len(op) for op in operations + ["operation"])
    head = "".join(f"{CHECKS[c]:>7}" for c in checks)
    print(f"{indent}{'operation':<{width}}{head}{'all':>6}")
    for op in operations:
        row = "".join(f"{(cells[(op, c)] or '.'):>7}" for c in checks)
        print(f"{indent}{op:<{width}}{row}{sum(cells[(op, c)] for c in checks):>6}")
    total = "".join(f"{sum(cells[(op, c)] for op in operations):>7}" for c in checks)
    print(f"{indent}{'total':<{width}}{total}{sum(cells.values()):>6}")


def print_role(result: RoleResult) -> None:
    report, recorded = result.report, result.events
    ops = report.get("operations") or {}
    cases = report.get("test_cases") or {}
    statuses = ", ".join(f"{s}: {n}" for s, n in sorted(result.served.statuses.items()))
    print(
        f"\n== {result.role}: {ops.get('tested', '?')} of {ops.get('total', '?')} operations "
        f"tested, {sum(result.served.statuses.values())} requests ({statuses}), "
        f"{cases.get('generated', '?')} test cases, {len(recorded.failures)} distinct failures "
        f"({sum(recorded.occurrences.values())} failed checks), {result.seconds:.0f} s"
    )
    never = sorted(
        (
            op
            for op in recorded.operations
            if not any(isinstance(s, int) and 200 <= s < 300 for s in recorded.statuses[op])
        ),
        key=lambda op: (op.split(" ", 1)[-1], op),
    )
    if never:
        print(f"  operations never answered 2xx ({len(never)}): {', '.join(never)}")
    for error in recorded.errors:
        print(f"  schemathesis error: {error}")
    matrix(recorded.failures)


def print_total(results: list[RoleResult], seconds: float) -> None:
    union: dict[tuple, Failure] = {}
    roles: dict[tuple, list[str]] = defaultdict(list)
    for result in results:
        for key, failure in result.events.failures.items():
            union.setdefault(key, failure)
            roles[key].append(result.role)
    requests = sum(sum(r.served.statuses.values()) for r in results)
    print(
        f"\n== all roles: {requests} requests; distinct failures: "
        f"{sum(len(r.events.failures) for r in results)} summed over the roles, "
        f"{len(union)} over all roles together"
    )
    matrix(union)
    by_check = Counter(f.check for f in union.values())
    print("  by check: " + ", ".join(f"{c} {n}" for c, n in by_check.most_common()))
    print("  columns: " + ", ".join(f"{short} {name}" for name, short in CHECKS.items()))

    print("\n== distinct failures: operation · check [code] · roles (phase)")
    print("     reason [answer: status, error code, fields]; request → response")
    ordered = sorted(union.items(), key=lambda kv: (kv[1].operation.split(" ", 1)[-1], kv[0]))
    for n, (key, failure) in enumerate(ordered, 1):
        print(
            f"{n:>3}. {failure.operation} · {failure.check} [{failure.code}] · "
            f"{','.join(roles[key])} ({failure.phase})\n"
            f"     {failure.reason}\n"
            + (f"     server: {failure.cause}\n" if failure.cause else "")
            + f"     {failure.request}\n"
            f"     → {failure.response}"
        )
    exceptions = Counter(e for r in results for e in r.served.exceptions.values())
    if exceptions:
        print("\n== server exceptions (500s) logged, all roles: requests × exception")
        for text, n in exceptions.most_common():
            print(f"  {n:>4} × {text}")
    print(f"\nwall time {seconds:.0f} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--examples",
        type=int,
        default=int(os.environ.get("FUZZ_EXAMPLES", DEFAULT_EXAMPLES)),
        help=f"schemathesis --max-examples per operation (default {DEFAULT_EXAMPLES}, or "
        "FUZZ_EXAMPLES)",
    )
    parser.add_argument("--roles", default=",".join(ROLES), help="comma-separated demo roles")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--workers", type=int, default=1, help="schemathesis workers")
    parser.add_argument(
        "--timeout", type=int, help="seconds per role (default 600 + 20 × examples)"
    )
    parser.add_argument("--keep", type=Path, help="copy the reports and logs to this folder")
    args = parser.parse_args()
    args.timeout = args.timeout or role_timeout(args.examples)
    started = time.perf_counter()
    roles = [r for r in args.roles.split(",") if r]
    if unknown := set(roles) - set(ROLES):
        parser.error(f"unknown roles: {sorted(unknown)}")

    try:
        if not in_fuzz_venv():
            python = ensure_fuzz_venv()
            if os.environ.get("FUZZ_API_REEXEC"):
                raise RunError(f"{python} did not run as the {FUZZ_VENV.name} interpreter")
            os.environ["FUZZ_API_REEXEC"] = "1"
            os.execv(python, [str(python), str(Path(__file__).resolve()), *sys.argv[1:]])
        sys.path.insert(0, str(ROOT))
        print(
            f"fuzz_api: {SCHEMATHESIS}, {args.examples} examples per operation, seed "
            f"{args.seed}, roles {', '.join(roles)}",
            flush=True,
        )
        results = []
        with tempfile.TemporaryDirectory(prefix="clausecheck-fuzz-") as folder:
            tmp = Path(folder)
            ids = seed(tmp)
            for role in roles:
                result = run_role(role, tmp, ids, args)
                results.append(result)
                print_role(result)
                sys.stdout.flush()
            if args.keep:
                shutil.copytree(tmp, args.keep, dirs_exist_ok=True)
                print(f"\nreports and logs kept in {args.keep}")
        print_total(results, time.perf_counter() - started)
    except RunError as exc:
        print(f"fuzz_api: the run could not happen: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
