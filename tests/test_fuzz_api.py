"""The API fuzzed against its OpenAPI document (issue 22): schemathesis makes requests for
every operation of ``/api/v1/openapi.json`` from the document itself, as each demo role, and
every answer must be no server error and what the document says: its status documented, its
content type and headers, its JSON valid against the schema. A failure lists each distinct
problem with a request that reproduces it (and for a 500 the exception the server raised).

In process: schemathesis' engine (the CLI's: its coverage phase, from every schema's
boundaries and wrong types; its fuzzing phase; its stateful phase, along the document's
links) drives the WSGI app itself, no server and no network. Bounded and deterministic: one
seed, ``EXAMPLES`` examples per operation in the fuzzing phase, every example run even after a
failure. The long run, with more examples and more checks (whether valid data is accepted,
invalid data refused, unsupported methods, authentication), is the benchmark
tests/benchmarks/fuzz_api.py.

The data: ``flask demo load``'s, plus what the benchmark adds through the API (a second
submitted inspection with two findings, an empty draft); built once a run and written back for
each role. The demo's ids are given to schemathesis as dictionaries and drawn most of the
time, so that requests reach real records and not only 404s.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import traceback
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

import pytest
from flask import Flask, has_request_context, request

from checklists.accounts.models import Role
from checklists.core.extensions import db
from checklists.core.schemas import INT64_MAX
from tests.benchmarks.fuzz_api import DEMO_PASSWORD, OPERATION_TARGETS, api_call, seed_ids
from tests.conftest import PASSWORD, built_once, load_demo_once, login

#: Each role, and the suite of ``make test`` that fuzzes it (``one_suite``; run alone, every
#: role runs). The two suites run side by side, one per core, and take about as long as each
#: other, so the fuzzing costs the least wall time split between them: PostgreSQL (where a
#: number or a text the database cannot hold surfaces) takes admin and supervisor, whose
#: writes reach most of the API; SQLite, which also runs the browser tests and every test that
#: touches no database, the other three (the PostgreSQL suite is the longer one).
ROLES = {
    "admin": "postgresql",
    "supervisor": "postgresql",
    "author": "sqlite",
    "inspector": "sqlite",
    "enterprise": "sqlite",
}
#: The roles whose run also has the coverage phase (boundary values from the schemas, nine
#: requests in ten): the admin, whose writes reach most of the API, and the enterprise user, whose
#: every answer must keep to its own organisation. The others run the fuzzing and stateful
#: phases, which keep ``make test`` under its 12 minutes; tests/benchmarks/fuzz_api.py runs every
#: phase for every role.
COVERAGE_ROLES = {"admin", "enterprise"}
SEED = 2026
#: Examples per operation in the fuzzing phase (the coverage phase makes its own, a few dozen
#: per operation from the schemas, whatever this says: nine requests in ten; the stateful phase
#: a few chains of linked operations): about 3,500 requests per role. A longer run in the suite:
#: ``TEST_FUZZ_EXAMPLES=25``; the long fuzz with more checks is tests/benchmarks/fuzz_api.py.
EXAMPLES = int(os.environ.get("TEST_FUZZ_EXAMPLES", "3"))
#: What every answer must be: no 5xx, and what the document says of it.
CHECKS = (
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_headers_conformance",
    "response_schema_conformance",
)
#: How often a generated id is one of the demo data's instead of a random one.
REAL_ID_PROBABILITY = 0.8
#: schemathesis' own limitation, not the app's: its coverage phase cannot check a form that
#: holds a file against a conditional schema (if/then), as the item photo's form is; the
#: fuzzing and stateful phases still send that operation its requests.
ENGINE_LIMITATION = (
    "POST /inspections/{key}/photos (coverage): ValueError: Unsupported type: 'Binary'"
)
ROOT = Path(__file__).resolve().parents[1]


def _token(client, username: str) -> str:
    payload = {"username": username, "password": DEMO_PASSWORD}
    return api_call(client, "POST", "/tokens", json=payload)["token"]


def _seed(app: Flask) -> dict[str, list]:
    """The demo data, then what the benchmark's seed adds through the API and the ids it
    draws from (``fuzz_api.seed_ids``)."""
    load_demo_once()
    return seed_ids(app.test_client())


def _config(token: str, ids: dict[str, list], coverage: bool = True):
    """schemathesis' configuration for one role: its token, the checks, the seed, the demo's
    ids as dictionaries (the benchmark's, less its extra checks)."""
    from schemathesis.config import SchemathesisConfig

    def drawn(name: str, probability: float = REAL_ID_PROBABILITY) -> dict:
        return {"dictionary": name, "probability": probability}

    return SchemathesisConfig.from_dict(
        {
            "seed": SEED,
            "continue-on-failure": True,
            "cache": {"enabled": False},
            "generation": {
                "database": "none",
                "deterministic": True,
                "max-examples": EXAMPLES,
                # the bearer token below is the authentication: no random cookies besides
                "with-security-parameters": False,
            },
            "auth": {"openapi": {"bearer": {"bearer": token}}},
            # schemathesis' WSGI transport hands the checks the body as sent: not gzipped
            "headers": {"Accept-Encoding": "identity"},
            "checks": {"enabled": False, **{name: {"enabled": True} for name in CHECKS}},
            # no requests in a method a path has no route for: the unsupported_method check's,
            # which is the benchmark's
            "phases": {"coverage": {"unexpected-methods": [], "enabled": coverage}},
            "dictionaries": {name: {"values": values} for name, values in ids.items()},
            "parameters": {
                "path.key": drawn("inspection_keys"),
                "path.item_id": drawn("item_ids"),
                "path.finding_id": drawn("finding_ids"),
                "path.template_id": drawn("template_ids"),
                "path.document_id": drawn("document_ids"),
                "query.organisation_id": drawn("organisation_ids", 0.5),
                "query.inspection_uuid": drawn("inspection_keys", 0.5),
                "body.template_id": drawn("template_ids", 0.5),
                "body.organisation_id": drawn("organisation_ids", 0.5),
                "body.item_id": drawn("item_ids", 0.5),
                "body.inspector_ids[*]": drawn("user_ids", 0.5),
            },
            "operations": [
                {"include-name": operation, "parameters": {key: drawn(name)}}
                for operation, (key, name) in OPERATION_TARGETS.items()
            ],
        }
    )


def _request_line(method: str, uri: str) -> str:
    """``GET /findings/1?x=2``, whether ``uri`` is the URL sent or the one the app read."""
    return f"{method} {unquote(uri.split('/api/v1', 1)[-1]).rstrip('?')}"


class _Exceptions(logging.Handler):
    """The exceptions the app logged for its 500s, by ``METHOD /path?query`` (below /api/v1)."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: dict[str, str] = {}

    def emit(self, record: logging.LogRecord) -> None:
        if not record.exc_info or not has_request_context():
            return
        _type, exc, tb = record.exc_info
        frames = traceback.extract_tb(tb)
        ours = [
            f for f in frames if f.filename.startswith(str(ROOT)) and "/.venv" not in f.filename
        ]
        frame = (ours or frames)[-1]
        where = f"{Path(frame.filename).name}:{frame.lineno} {frame.name}"
        uri = request.environ["REQUEST_URI"].split("?")[0] + "?" + request.environ["QUERY_STRING"]
        self.seen[_request_line(request.method, uri)] = (
            f"{type(exc).__name__}: {str(exc).splitlines()[0][:200]} (at {where})"
        )


@dataclass
class Run:
    """What one schemathesis run found."""

    failures: dict[str, str] = field(default_factory=dict)  # a description per problem
    tested: set[str] = field(default_factory=set)  # "GET /inspections", …
    errors: list[str] = field(default_factory=list)  # schemathesis' own
    requests: int = 0


def _describe(node, interaction, exceptions: dict[str, str]) -> str:
    """One failed check: what, the request, the server's exception, the answer, and the
    command that sends the request again."""
    failure = node.failure_info.failure
    lines = [f"{failure.operation} · {node.name}: {failure.title}"]
    lines += [f"    {line}" for line in failure.message.splitlines() if line.strip()][:12]
    if interaction is not None:
        sent, answer = interaction.request, interaction.response
        text = f"{sent.method} {sent.uri}"
        if sent.body:
            text += " " + sent.body[:400].decode("utf-8", "replace")
        lines.append(f"    request: {text}")
        if cause := exceptions.get(_request_line(sent.method, sent.uri)):
            lines.append(f"    server: {cause}")
        if answer is not None:
            shown = answer.content[:300].decode("utf-8", "replace")
            lines.append(f"    answer: {answer.status_code} {shown}")
    lines.append(f"    reproduce: {node.failure_info.code_sample}")
    return "\n".join(lines)


def fuzz(app: Flask, token: str, ids: dict[str, list], coverage: bool = True) -> Run:
    """schemathesis against ``app`` as the bearer of ``token``."""
    import schemathesis
    from schemathesis.engine import Status, from_schema
    from schemathesis.engine import events as ev

    run = Run()
    exceptions = _Exceptions()
    app.logger.addHandler(exceptions)
    schema = schemathesis.openapi.from_wsgi(
        "/api/v1/openapi.json", app, config=_config(token, ids, coverage)
    )
    try:
        for event in from_schema(schema).execute():
            if isinstance(event, ev.ScenarioFinished):
                recorder = event.recorder
                if recorder.label != "Stateful tests":
                    run.tested.add(recorder.label)
                run.requests += len(recorder.interactions)
                for case_id, checks in recorder.checks.items():
                    for node in checks:
                        if node.status != Status.FAILURE:
                            continue
                        failure = node.failure_info.failure
                        # one entry per problem, not per value (ids, timestamps)
                        message = re.sub(r"\d+", "N", failure.message)
                        key = f"{failure.operation} {node.name} {failure.title} {message}"
                        interaction = recorder.interactions.get(case_id)
                        run.failures.setdefault(key, _describe(node, interaction, exceptions.seen))
            elif isinstance(event, ev.NonFatalError):
                value = event.value
                run.errors.append(f"{event.label} ({event.phase}): {type(value).__name__}: {value}")
            elif isinstance(event, ev.FatalError):
                raise event.exception
    finally:
        app.logger.removeHandler(exceptions)
    return run


def _documented(app: Flask) -> set[str]:
    """Every operation of the document but the document's own (schemathesis leaves it out)."""
    spec = app.test_client().get("/api/v1/openapi.json").get_json()
    operations = {
        f"{method.upper()} {path}" for path, ops in spec["paths"].items() for method in ops
    }
    return operations - {"GET /openapi.json"}


@pytest.fixture
def fuzz_app(app_factory: Callable[..., Flask]) -> Flask:
    return app_factory(
        # as in production: an unhandled exception is a 500 answer, not raised into the test;
        # a verified token trusted for the default few seconds (the suite's apps check it on
        # every request, a query each: a sixth of the fuzzing's time; test_auth tests both)
        TESTING=False,
        PROPAGATE_EXCEPTIONS=False,
        TOKEN_CACHE_SECONDS=5,
        # /tokens is fuzzed too: its wrong passwords must not lock the role's address out
        LOGIN_RATE_LIMIT="1000000 per minute",
        LOGIN_ADDRESS_RATE_LIMIT="1000000 per minute",
    )


@pytest.mark.parametrize(
    "role",
    [pytest.param(role, marks=pytest.mark.one_suite(suite)) for role, suite in ROLES.items()],
)
def test_every_operation_answers_as_documented(fuzz_app: Flask, role: str) -> None:
    """Every documented operation, fuzzed as ``role``: no 5xx, every status documented, every
    answer of the documented content type, headers and schema."""
    with fuzz_app.app_context():
        ids = built_once("fuzz-api", lambda: _seed(fuzz_app))
        db.session.remove()
    token = _token(fuzz_app.test_client(), role)

    run = fuzz(fuzz_app, token, ids, coverage=role in COVERAGE_ROLES)

    assert not run.failures, f"{len(run.failures)} problems as {role}:\n\n" + "\n\n".join(
        run.failures.values()
    )
    assert [e for e in run.errors if e != ENGINE_LIMITATION] == []
    assert run.tested == _documented(fuzz_app), "every documented operation was fuzzed"
    if role in COVERAGE_ROLES:
        assert run.requests > 20 * len(run.tested), "a few dozen requests per operation"
    else:
        assert run.requests > 2 * len(run.tested), "a few requests per operation"


# --- what the fuzzing found, one request each (on both databases) ----------------------------

#: One past the largest id PostgreSQL's INTEGER columns hold: every lookup by it was a 500
#: there ("integer out of range"), in a path, a query string or a body alike.
BEYOND = 2**31


def test_an_id_beyond_the_databases_ids_names_no_record(client, make_user) -> None:
    make_user("boss", role=Role.ADMIN)
    token = client.post("/api/v1/tokens", json={"username": "boss", "password": PASSWORD})
    auth = {"Authorization": f"Bearer {token.json['token']}"}

    for path in (f"/findings/{BEYOND}", f"/organisations/{BEYOND}", f"/templates/{INT64_MAX}"):
        assert client.get(f"/api/v1{path}", headers=auth).status_code == 404, path
    listed = client.get(f"/api/v1/inspections?organisation_id={BEYOND}", headers=auth)
    assert (listed.status_code, listed.json) == (200, [])
    payload = {"uuid": str(uuid.uuid4()), "template_id": BEYOND, "organisation_id": BEYOND}
    created = client.post("/api/v1/inspections", json=payload, headers=auth)
    assert created.status_code == 422
    assert set(created.json["error"]["fields"]) == {"template_id", "organisation_id"}

    # and the pages' filters (``query_id``): a filter that keeps nothing
    login(client, make_user(role=Role.SUPERVISOR))
    for page in ("/findings/", "/hazards/", "/credit/"):
        response = client.get(f"{page}?organisation_id={BEYOND}&region_id={BEYOND}")
        assert response.status_code == 200, page


def test_a_credit_events_time_carries_its_offset(client, make_user, app_ctx) -> None:
    """GET /credit/{id}: each event's ``at`` was written without an offset (no date-time)."""
    load_demo_once()
    make_user("boss", role=Role.ADMIN)
    token = client.post("/api/v1/tokens", json={"username": "boss", "password": PASSWORD})
    auth = {"Authorization": f"Bearer {token.json['token']}"}
    entries = client.get("/api/v1/credit", headers=auth).json
    events = [event for entry in entries for event in entry["events"]]
    assert events, "the demo lists some organisations, each with its events"
    for event in events:
        assert dt.datetime.fromisoformat(event["at"]).utcoffset() == dt.timedelta(0)
