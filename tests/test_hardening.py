"""Issue 22 (hardening): what a hostile value does in a spreadsheet cell, a query string, a JSON
body or an uploaded file's name. Never a live formula, never a 500.

One app and one set of records for the module (built once, cleaned after the last test). The
tests hold no app context around a request, as in production: a streamed download runs after
its view's database session has gone.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import uuid

import pytest
import sqlalchemy as sa
from flask.testing import FlaskClient
from openpyxl import load_workbook
from werkzeug.datastructures import FileStorage, MultiDict
from werkzeug.test import encode_multipart

from checklists.accounts.models import Organisation, OrgKind, Region, RegionLevel, Role, User
from checklists.authoring.models import ChecklistTemplate
from checklists.core import jobs, security, storage
from checklists.core.extensions import db
from checklists.core.schemas import INT64_MAX
from checklists.core.tabular import FORMULA_START
from inspections.credit import entries
from inspections.credit.models import CreditKind, CreditStatus
from inspections.findings.models import Finding
from tests import test_exports
from tests.conftest import PASSWORD, Client, _clean, built_once, csrf_token, login, make_config
from tests.test_inspections import Session
from tests.test_templates import by_prompt
from tests.test_workflow import _build_coal
from wsgi import create_app

#: What an attacker types as an organisation's name, an item's prompt, a hazard's title.
PAYLOAD = '=HYPERLINK("http://evil.example/","点此查看")'
#: A number as a spreadsheet reads it: a cell like this may start with - or +.
NUMBER = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
HUGE = str(2**63)
DAY = dt.date(2026, 10, 9)
API = "/api/v1"


@pytest.fixture(scope="module")
def site(database_url, _schema):
    """The app and the ids of what it holds: an organisation named ``PAYLOAD`` in 冠县 with a
    failed inspection whose finding's item prompt is ``PAYLOAD``, a 挂牌督办 hazard titled
    ``PAYLOAD``, the organisation on the public 黑名单, and a user per role."""
    app = create_app(make_config(database_url))
    app.test_client_class = Client
    try:
        with app.app_context():
            ids = _build(app)
        yield app, ids
    finally:
        _clean(app)


def _build(app) -> dict:
    template = db.session.get(ChecklistTemplate, built_once("coal", _build_coal))
    # The 挂牌督办 regime reaches 冠县 (after the template: other tests' copy of it is reused).
    app.config["SUPERVISION_REGION"] = ""
    guan = Region(name="冠县", level=RegionLevel.COUNTY)
    evil = Organisation(name=PAYLOAD, kind=OrgKind.ENTERPRISE, region=guan)
    db.session.add_all([guan, evil])
    users = {}
    for role in Role:
        user = User(
            username=f"h-{role.value}",
            role=role,
            organisation=evil if role == Role.ENTERPRISE else None,
            region=guan if role == Role.SUPERVISOR else None,
        )
        user.set_password(PASSWORD)
        db.session.add(user)
        users[role.value] = user
    db.session.commit()
    world = {"template": template, "own": evil, **users}
    body = test_exports.failed(app, world, organisation_id=evil.id)
    finding = db.session.scalar(sa.select(Finding))
    by_prompt(template, test_exports.AREA).prompt = PAYLOAD
    finding.prompt = PAYLOAD
    db.session.commit()
    hazard = Session(app, users["supervisor"]).post(
        f"{API}/hazards",
        json={"finding_id": finding.id, "client_id": "hard-1", "title": PAYLOAD},
    )
    assert hazard.status_code == 201, hazard.json
    entry, _created = entries.create(
        users["admin"],
        today=DAY,
        organisation_id=evil.id,
        kind=CreditKind.BLACKLIST,
        reason="拒绝、阻碍依法实施的安全生产监督检查",
        client_id=str(uuid.uuid4()),
        override="测试：规定已期满，仍按其公布",
    )
    entry.status, entry.starts_on, entry.published_on, entry.ends_on = (
        CreditStatus.LISTED,
        DAY,
        DAY,
        None,
    )
    security.record("login_failed", username=PAYLOAD)  # a username typed at the login page
    db.session.commit()
    return {
        "users": {role: user.id for role, user in users.items()},
        "template": template.id,
        "organisation": evil.id,
        "region": guan.id,
        "finding": finding.id,
        "inspection": body["uuid"],
        "item": by_prompt(template, PAYLOAD).id,
        "hazard": hazard.json["id"],
    }


def session_of(site, role: str | None) -> Session | Client:
    """A client logged in as the module's user of ``role`` (sending the CSRF token on writes),
    or an anonymous one."""
    app, ids = site
    if role is None:
        return app.test_client()
    with app.app_context():
        return Session(app, db.session.get(User, ids["users"][role]))


def browser_of(site, role: str | None) -> FlaskClient:
    """A plain Flask test client (logged in as ``role``'s user, or anonymous): each request
    in an app context of its own that ends with the view, as in production, not inside the
    suite's ``Client``'s, which keeps the view's session open while a download streams."""
    app, ids = site
    client = FlaskClient(app, app.response_class)
    if role is not None:
        with app.app_context():
            login(client, db.session.get(User, ids["users"][role]))
    return client


# --- 1. no live formula in any download --------------------------------------------------------

#: Every CSV and Excel download of the app, with the role that may fetch it.
DOWNLOADS = [
    ("supervisor", "/findings/export.csv?show=all"),
    *(
        ("supervisor", f"/exports/{kind}.{fmt}")
        for kind in ("inspections", "answers", "findings")
        for fmt in ("csv", "xlsx")
    ),
    ("supervisor", "/hazards/export.csv?show=all"),
    ("supervisor", "/hazards/export.xlsx?show=all"),
    (None, "/public/blacklist.csv"),
    ("author", "/templates/{template}/export.xlsx"),
    ("admin", "/admin/security.csv"),
]


def _cells(response) -> list[tuple[str, object, str]]:
    """(where, value, data type) of every cell of a CSV (type "s") or of every sheet of a
    workbook."""
    if response.mimetype == "text/csv":
        rows = csv.reader(io.StringIO(response.get_data().decode("utf-8-sig")))
        return [(f"row {r}", value, "s") for r, row in enumerate(rows) for value in row]
    book = load_workbook(io.BytesIO(response.get_data()))
    return [
        (f"{sheet.title}!{cell.coordinate}", cell.value, cell.data_type)
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None
    ]


@pytest.mark.parametrize(("role", "path"), DOWNLOADS, ids=[p for _r, p in DOWNLOADS])
def test_no_download_holds_a_live_formula(site, role, path):
    """An organisation's name, an item's prompt, a hazard's title typed as a formula reach
    every CSV and Excel download as text: a CSV cell with an apostrophe first, a workbook
    cell typed as a string (``s``, never ``f``)."""
    response = test_exports.fetch(browser_of(site, role), path.format(**site[1]))
    assert response.status_code == 200, response.status_code
    cells = _cells(response)
    live = [
        (where, value)
        for where, value, kind in cells
        if kind == "f"
        or (
            kind == "s"
            and response.mimetype == "text/csv"
            and str(value).startswith(FORMULA_START)
            and not NUMBER.fullmatch(str(value))
        )
    ]
    assert live == []
    planted = "'" + PAYLOAD if response.mimetype == "text/csv" else PAYLOAD
    assert planted in [value for _where, value, _kind in cells]


def test_every_download_route_is_checked(site):
    app, _ids = site
    downloads = {
        rule.endpoint
        for rule in app.url_map.iter_rules()
        if re.search(r"\.(csv|xlsx)\b|csv, xlsx", rule.rule)
    }
    adapter = app.url_map.bind("localhost")
    checked = {adapter.match(path.split("?")[0].format(template=1))[0] for _r, path in DOWNLOADS}
    checked.add("exports.make")  # the same exports made by a job: the test below
    assert downloads == checked


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_an_export_made_by_a_job_holds_no_live_formula(site, fmt):
    """The exports a job makes (downloaded from the 导出中心) are written by the same writers:
    the planted formula arrives as text."""
    app, _ids = site
    client = browser_of(site, "supervisor")
    token = csrf_token(client, "/exports/")
    made = client.post(f"/exports/answers.{fmt}/job", data={"csrf_token": token})
    assert made.status_code == 303
    with app.app_context():
        jobs.run_pending()
    job_id = int(made.headers["Location"].rsplit("new=", 1)[1])
    response = test_exports.fetch(client, f"/jobs/{job_id}/download")
    assert response.status_code == 200
    cells = _cells(response)
    assert [c for c in cells if c[2] == "f"] == []
    planted = "'" + PAYLOAD if response.mimetype == "text/csv" else PAYLOAD
    assert planted in [value for _where, value, _kind in cells]


# --- 2. numbers beyond 64 bits, the ends of the calendar, JSON nested too deep -------------------

#: The pages' query filters that name a record (role, path, parameters). A number beyond 64
#: bits names none: the list is empty (or the filter is ignored with a message naming it: the
#: review filters), a page that looks the record up answers 404.
PAGE_FILTERS = [
    ("supervisor", "/findings/", ("organisation_id",)),
    ("supervisor", "/findings/export.csv", ("organisation_id",)),
    ("supervisor", "/hazards/", ("organisation_id", "region_id")),
    ("supervisor", "/hazards/export.csv", ("organisation_id", "region_id")),
    ("supervisor", "/hazards/export.xlsx", ("organisation_id", "region_id")),
    ("supervisor", "/hazards/new", ("finding_id",)),
    ("supervisor", "/credit/", ("organisation_id",)),
    ("supervisor", "/credit/new", ("organisation_id",)),
    ("inspector", "/inspections/new", ("organisation_id",)),
    ("supervisor", "/spotcheck/plans/new", ("item_id",)),
    ("author", "/templates/new", ("document_id",)),
    ("author", "/standards/", ("year",)),
    ("supervisor", "/review/", ("region", "organisation")),
    ("supervisor", "/review/dashboard", ("region", "organisation")),
    ("supervisor", "/exports/", ("region", "organisation")),
    ("supervisor", "/exports/findings.xlsx", ("region", "organisation")),
]
#: The API's lists: every GET with ``?page=`` in the document (test_every_api_list_is_walked).
API_LISTS = [
    "/clauses",
    "/credit",
    "/documents",
    "/findings",
    "/hazards",
    "/inspections",
    "/interviews",
    "/organisations",
    "/schedules",
    "/schedules/occurrences",
    "/spotcheck/plans",
    "/templates",
]
#: What a list needs besides its numbers.
REQUIRED = {"/clauses": "q=台账&", "/schedules/occurrences": "from=2026-11-01&to=2026-11-30&"}


@pytest.mark.parametrize(
    ("role", "path", "names"), PAGE_FILTERS, ids=[p for _r, p, _n in PAGE_FILTERS]
)
def test_a_page_filter_beyond_64_bits_is_no_500(site, role, path, names):
    """``?organisation_id=2**63`` on every page that filters or looks up by id: the page,
    empty, or a 404; ``²`` (a digit to ``str.isdigit`` that ``int`` refuses) is no id, the
    filter is left out. Never a 500."""
    _app, ids = site
    client = browser_of(site, role)
    for value in (HUGE, "²"):
        query = "&".join(f"{name}={value}" for name in names)
        response = test_exports.fetch(client, f"{path}?show=all&{query}")
        assert response.status_code in (200, 404), (value, response.status_code)
        if response.mimetype != "text/html":
            continue
        html = response.get_data(as_text=True)
        if value == HUGE:  # a filter by an id no record has keeps nothing ("²": no filter)
            assert f'href="/findings/{ids["finding"]}"' not in html
            assert f'href="/hazards/{ids["hazard"]}"' not in html
        if "region" in names:  # the review filters say what they ignored, and why
            expected = f"不能大于 {INT64_MAX}。" if value == HUGE else "必须是整数。"
            for name in names:
                assert f"{name}：{expected}" in html, (name, value)
    if "region" in names:  # and the calendar's ends are no overflow of a day after the last
        response = test_exports.fetch(client, f"{path}?from=0001-01-01&to=9999-12-31")
        assert response.status_code == 200


@pytest.mark.parametrize("path", API_LISTS)
def test_an_api_list_refuses_numbers_beyond_64_bits_by_name(site, path):
    """Every whole-number query parameter of a list at 2**63 (and ``²``): 400 naming each one,
    in Chinese; the last page the database can count to is an empty page."""
    app, _ids = site
    client = session_of(site, "admin")
    spec = client.get(f"{API}/openapi.json").json
    required = REQUIRED.get(path, "")
    names = [
        p["name"]
        for p in spec["paths"][path]["get"]["parameters"]
        if p["in"] == "query" and "integer" in json_types(p["schema"])
    ]
    assert {"page", "per_page"} <= set(names)
    for value in (HUGE, "²"):
        response = client.get(f"{API}{path}?{required}" + "&".join(f"{n}={value}" for n in names))
        assert response.status_code == 400, (value, response.status_code)
        fields = response.json["error"]["fields"]
        assert set(fields) == set(names), value
        assert all(re.search(r"[\u4e00-\u9fff]", message) for message in fields.values())
    last = client.get(f"{API}{path}?{required}page={INT64_MAX // 1000}&per_page=1000")
    assert (last.status_code, last.json) == (200, [])


def json_types(schema: dict) -> set:
    """The JSON types a (possibly ``anyOf``) schema allows."""
    return {schema.get("type")} | {
        t for option in schema.get("anyOf", []) for t in json_types(option)
    }


def test_every_api_list_is_walked(site):
    spec = session_of(site, "admin").get(f"{API}/openapi.json").json
    lists = sorted(
        path
        for path, operations in spec["paths"].items()
        if any(p["name"] == "page" for p in operations.get("get", {}).get("parameters", []))
    )
    assert lists == API_LISTS


def test_a_json_body_nested_too_deep_is_malformed(site):
    """10,000 levels of nesting: 400 (malformed), on a public route, a body route and the
    answer route (which reads the body twice), not a RecursionError."""
    _app, ids = site
    deep = "[" * 10_000 + "]" * 10_000
    nested = '{"a": ' * 10_000 + "1" + "}" * 10_000
    inspector = session_of(site, "inspector")
    routes = [
        (session_of(site, None).post, f"{API}/tokens"),
        (session_of(site, "admin").post, f"{API}/findings/{ids['finding']}/actions"),
        (inspector.put, f"{API}/inspections/{ids['inspection']}/answers/{ids['item']}"),
    ]
    for send, path in routes:
        for body in (deep, nested, '{"value": ' + deep + "}"):
            response = send(path, data=body, content_type="application/json")
            assert response.status_code == 400, (path, response.status_code)
            assert response.json["error"]["code"] == "bad_request"


# --- 3. control characters in an uploaded file's name ------------------------------------------


@pytest.mark.parametrize(
    ("role", "upload", "download"),
    [
        ("admin", "/api/v1/findings/{finding}/photos", "/findings/{finding}/files/{file}/orig"),
        ("supervisor", "/api/v1/hazards/{hazard}/files", "/hazards/{hazard}/files/{file}/orig"),
    ],
    ids=["finding", "hazard"],
)
def test_control_characters_leave_an_uploaded_name(site, role, upload, download):
    """A NUL (or an escape, or a right-to-left override) in a document's name is dropped
    before it is stored; the download names the file with what is left."""
    _app, ids = site
    session = session_of(site, role)
    name = "整改\x00报告\x1b\u202e.pdf"
    document = FileStorage(io.BytesIO(b"%PDF-1.4\n% " + upload.encode() + b"\n"), filename=name)
    boundary, body = encode_multipart(MultiDict({"file": document}))
    stored = session.post(
        upload.format(**ids),
        data=body,
        content_type=f"multipart/form-data; boundary={boundary}",
    )
    assert stored.status_code == 201, stored.json
    assert stored.json["filename"] == "整改报告.pdf"
    response = test_exports.fetch(
        browser_of(site, role), download.format(**ids, file=stored.json["id"])
    )
    assert response.status_code == 200
    disposition = response.headers["Content-Disposition"]
    assert not re.search(r"[\x00-\x1f\x7f]", disposition)  # a server refuses such a header
    assert disposition.startswith("attachment;")
    assert "filename*=UTF-8''%E6%95%B4%E6%94%B9%E6%8A%A5%E5%91%8A.pdf" in disposition


def test_a_stored_name_with_control_characters_still_downloads(site, tmp_path):
    """A name stored before names were cleaned (SQLite keeps a NUL) is cleaned when sent."""
    app, _ids = site
    store = storage.LocalBlobStore(str(tmp_path))
    key = store.put(b"%PDF-1.4\n")

    def disposition(name: str) -> str:
        with app.test_request_context("/"):
            response = store.send(
                key, mimetype="application/pdf", as_attachment=True, download_name=name
            )
            response.close()
        return response.headers["Content-Disposition"]

    assert disposition("a\x00b\r\n.pdf") == "attachment; filename=ab.pdf"
    # a name of nothing but control characters: the file's own
    assert disposition("\x00") == f"attachment; filename={key}.orig"
