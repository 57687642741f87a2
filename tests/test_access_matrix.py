"""Every route × every role × own/foreign record: the status each must answer.

The walk covers ``app.url_map``: a route (and method) without a case here fails the test, so a
new route cannot ship without saying who may reach it. Another organisation's record is 404.
"""

from __future__ import annotations

import pathlib

import pytest
import sqlalchemy as sa

from checklists.accounts.models import OrgKind, Role
from tests.conftest import csrf_token, login

SUBJECTS = ("anonymous", "admin", "author", "inspector", "supervisor", "enterprise")


def row(anonymous, admin, author, inspector, supervisor, enterprise):
    return dict(
        zip(SUBJECTS, (anonymous, admin, author, inspector, supervisor, enterprise), strict=True)
    )


ADMIN_ONLY = row(302, 200, 403, 403, 403, 403)
LOGGED_IN = row(302, 200, 200, 200, 200, 200)
API_LOGGED_IN = row(401, 200, 200, 200, 200, 200)
EVERYONE = row(200, 200, 200, 200, 200, 200)
AUTHORS = row(302, 200, 200, 403, 403, 403)
AUTHORS_422 = row(302, 422, 422, 403, 403, 403)
AUTHORS_302 = row(302, 302, 302, 403, 403, 403)
AUTHORS_SEE_DRAFTS = row(302, 200, 200, 404, 404, 404)

# (endpoint, method, variant) -> (path built from the world, request options, expected row)
CASES = {
    ("static", "GET", ""): ("/static/css/app.css", {}, EVERYONE),
    ("main.healthz", "GET", ""): ("/healthz", {}, EVERYONE),
    ("main.home", "GET", ""): ("/", {}, LOGGED_IN),
    ("main.set_language", "POST", ""): (
        "/lang/en",
        {"form": {}},
        row(302, 302, 302, 302, 302, 302),
    ),
    ("accounts.login", "GET", ""): ("/login", {}, row(200, 302, 302, 302, 302, 302)),
    ("accounts.login", "POST", ""): (
        "/login",
        {"form": {"username": "x", "password": "y"}},
        row(200, 302, 302, 302, 302, 302),
    ),
    ("accounts.logout", "POST", ""): ("/logout", {"form": {}}, row(302, 302, 302, 302, 302, 302)),
    ("accounts.settings", "GET", ""): ("/account", {}, LOGGED_IN),
    ("accounts.settings", "POST", ""): ("/account", {"form": {"locale": "xx"}}, LOGGED_IN),
    ("accounts.change_password", "GET", ""): ("/account/password", {}, LOGGED_IN),
    ("accounts.change_password", "POST", ""): ("/account/password", {"form": {}}, LOGGED_IN),
    ("accounts.users", "GET", ""): ("/admin/users", {}, ADMIN_ONLY),
    ("accounts.user_new", "GET", ""): ("/admin/users/new", {}, ADMIN_ONLY),
    ("accounts.user_new", "POST", ""): ("/admin/users/new", {"form": {}}, ADMIN_ONLY),
    ("accounts.user_edit", "GET", "own"): ("/admin/users/{own_user}", {}, ADMIN_ONLY),
    ("accounts.user_edit", "GET", "foreign"): (
        "/admin/users/{foreign_user}",
        {},
        row(302, 200, 403, 403, 404, 404),
    ),
    ("accounts.user_edit", "POST", "own"): ("/admin/users/{own_user}", {"form": {}}, ADMIN_ONLY),
    ("accounts.user_edit", "POST", "foreign"): (
        "/admin/users/{foreign_user}",
        {"form": {}},
        row(302, 200, 403, 403, 404, 404),
    ),
    ("accounts.organisations", "GET", ""): ("/organisations", {}, LOGGED_IN),
    ("accounts.organisation", "GET", "own"): ("/organisations/{own_org}", {}, LOGGED_IN),
    ("accounts.organisation", "GET", "foreign"): (
        "/organisations/{foreign_org}",
        {},
        row(302, 200, 200, 200, 404, 404),
    ),
    ("accounts.organisation_new", "GET", ""): ("/admin/organisations/new", {}, ADMIN_ONLY),
    ("accounts.organisation_new", "POST", ""): (
        "/admin/organisations/new",
        {"form": {}},
        ADMIN_ONLY,
    ),
    ("accounts.organisation_edit", "GET", "own"): (
        "/admin/organisations/{own_org}/edit",
        {},
        ADMIN_ONLY,
    ),
    ("accounts.organisation_edit", "GET", "foreign"): (
        "/admin/organisations/{foreign_org}/edit",
        {},
        row(302, 200, 403, 403, 404, 404),
    ),
    ("accounts.organisation_edit", "POST", "own"): (
        "/admin/organisations/{own_org}/edit",
        {"form": {}},
        ADMIN_ONLY,
    ),
    ("accounts.organisation_edit", "POST", "foreign"): (
        "/admin/organisations/{foreign_org}/edit",
        {"form": {}},
        row(302, 200, 403, 403, 404, 404),
    ),
    ("accounts.site_new", "POST", "own"): (
        "/admin/organisations/{own_org}/sites",
        {"form": {}},
        row(302, 302, 403, 403, 403, 403),
    ),
    ("accounts.site_new", "POST", "foreign"): (
        "/admin/organisations/{foreign_org}/sites",
        {"form": {}},
        row(302, 302, 403, 403, 404, 404),
    ),
    ("accounts.regions", "GET", ""): ("/admin/regions", {}, ADMIN_ONLY),
    ("accounts.regions", "POST", ""): ("/admin/regions", {"form": {}}, ADMIN_ONLY),
    ("api.create_token", "POST", ""): (
        "/api/v1/tokens",
        {"json": {"username": "x", "password": "y"}},
        row(401, 401, 401, 401, 401, 401),
    ),
    ("api.me", "GET", ""): ("/api/v1/me", {}, API_LOGGED_IN),
    ("api.update_me", "PATCH", ""): (
        "/api/v1/me",
        {"json": {}, "csrf_header": True},
        API_LOGGED_IN,
    ),
    ("api.organisations", "GET", ""): ("/api/v1/organisations", {}, API_LOGGED_IN),
    ("api.openapi", "GET", ""): ("/api/v1/openapi.json", {}, EVERYONE),
    ("api.documents", "GET", ""): ("/api/v1/documents", {}, API_LOGGED_IN),
    ("api.document", "GET", ""): ("/api/v1/documents/{document}", {}, API_LOGGED_IN),
    ("api.clauses", "GET", ""): ("/api/v1/clauses?q=台账", {}, API_LOGGED_IN),
    ("standards.index", "GET", ""): ("/standards/", {}, LOGGED_IN),
    ("standards.document", "GET", ""): ("/standards/documents/{document}", {}, LOGGED_IN),
    ("standards.diff", "GET", ""): ("/standards/documents/{document}/diff", {}, LOGGED_IN),
    ("standards.search", "GET", ""): ("/standards/search?q=台账", {}, LOGGED_IN),
    ("standards.upload", "GET", ""): ("/standards/import", {}, row(302, 200, 200, 403, 403, 403)),
    ("standards.upload", "POST", ""): (
        "/standards/import",
        {"form": {}},
        row(302, 422, 422, 403, 403, 403),
    ),
    # Checklist templates: published ones for everyone logged in; drafts and editing for
    # authors (and admins). Templates belong to no organisation.
    ("templates.index", "GET", ""): ("/templates/", {}, LOGGED_IN),
    ("templates.show", "GET", "published"): ("/templates/{published}", {}, LOGGED_IN),
    ("templates.show", "GET", "draft"): ("/templates/{draft}", {}, AUTHORS_SEE_DRAFTS),
    ("templates.new", "GET", ""): ("/templates/new", {}, AUTHORS),
    ("templates.new", "POST", ""): ("/templates/new", {"form": {}}, AUTHORS_422),
    ("templates.edit", "GET", ""): ("/templates/{draft}/edit", {}, AUTHORS),
    ("templates.edit", "POST", ""): ("/templates/{draft}/edit", {"form": {}}, AUTHORS_422),
    ("templates.section_add", "POST", ""): (
        "/templates/{draft}/sections",
        {"form": {}},
        AUTHORS_422,
    ),
    ("templates.section_action", "POST", ""): (
        "/templates/{draft}/sections/{draft_section}/down",
        {"form": {}},
        AUTHORS_302,
    ),
    ("templates.item_add", "POST", ""): ("/templates/{draft}/items", {"form": {}}, AUTHORS_422),
    ("templates.item", "GET", ""): ("/templates/{draft}/items/{draft_item}", {}, AUTHORS),
    ("templates.item", "POST", ""): (
        "/templates/{draft}/items/{draft_item}",
        {"form": {}},
        AUTHORS_422,
    ),
    ("templates.item_action", "POST", ""): (
        "/templates/{draft}/items/{draft_item}/down",
        {"form": {}},
        AUTHORS_302,
    ),
    ("templates.merge", "POST", ""): ("/templates/{draft}/merge", {"form": {}}, AUTHORS_422),
    ("templates.preview", "GET", "published"): ("/templates/{published}/preview", {}, LOGGED_IN),
    ("templates.preview", "GET", "draft"): ("/templates/{draft}/preview", {}, AUTHORS_SEE_DRAFTS),
    ("templates.preview", "POST", ""): (
        "/templates/{published}/preview",
        {"form": {}},
        LOGGED_IN,
    ),
    ("templates.publish", "POST", ""): (
        "/templates/{draft_to_publish}/publish",
        {"form": {}},
        AUTHORS_302,
    ),
    ("templates.new_version", "POST", ""): (
        "/templates/{published}/new-version",
        {"form": {}},
        AUTHORS_302,
    ),
    ("templates.export_json", "GET", ""): ("/templates/{published}/export.json", {}, LOGGED_IN),
    ("templates.export_json", "GET", "draft"): (
        "/templates/{draft}/export.json",
        {},
        AUTHORS_SEE_DRAFTS,
    ),
    ("templates.export_xlsx", "GET", ""): ("/templates/{published}/export.xlsx", {}, LOGGED_IN),
    ("templates.import_file", "GET", ""): ("/templates/import", {}, AUTHORS),
    ("templates.import_file", "POST", ""): ("/templates/import", {"form": {}}, AUTHORS_422),
    ("api.templates", "GET", ""): ("/api/v1/templates", {}, API_LOGGED_IN),
    ("api.template", "GET", "published"): ("/api/v1/templates/{published}", {}, API_LOGGED_IN),
    ("api.template", "GET", "draft"): (
        "/api/v1/templates/{draft}",
        {},
        row(401, 200, 200, 404, 404, 404),
    ),
}


def test_every_route_has_a_case(app):
    routed = {
        (rule.endpoint, method)
        for rule in app.url_map.iter_rules()
        for method in rule.methods - {"HEAD", "OPTIONS"}
    }
    covered = {(endpoint, method) for endpoint, method, _variant in CASES}
    assert routed - covered == set(), "routes without an access case"
    assert covered - routed == set(), "cases for routes that no longer exist"


def _two_versions() -> int:
    """A document in two versions; the id of the second (it has a diff)."""
    from checklists.extensions import db
    from checklists.services import import_text

    text = (pathlib.Path(__file__).parent / "data" / "sample_gazette.txt").read_text("utf-8")
    import_text(text, "v1.txt")
    [(doc, _outcome)] = import_text(text.replace("300", "500"), "v2.txt").documents
    db.session.commit()
    return doc.id


def _templates() -> dict[str, int]:
    """A published template, a draft (with a section and an item) and a draft to publish."""
    from checklists import builder
    from checklists.extensions import db
    from checklists.models import Clause

    clause = db.session.scalar(sa.select(Clause).where(Clause.requirements.any()).limit(1))
    published = builder.draft_template("已发布", None, clauses=[clause])
    builder.publish(published, None)
    draft = builder.draft_template("草稿", None, clauses=[clause])
    to_publish = builder.draft_template("待发布", None, clauses=[clause])
    db.session.commit()
    return {
        "published": published.id,
        "draft": draft.id,
        "draft_section": draft.sections[0].id,
        "draft_item": draft.ordered_items()[0].id,
        "draft_to_publish": to_publish.id,
    }


@pytest.fixture
def world(make_org, make_region, make_user):
    """Own organisation (in 冠县) and a foreign one (in 临淄区), one user per role."""
    guan, linzi = make_region("冠县"), make_region("临淄区")
    own = make_org("本单位", region=guan)
    foreign = make_org("外单位", region=linzi, kind=OrgKind.ENTERPRISE)
    users = {
        "admin": make_user("m-admin", role=Role.ADMIN),
        "author": make_user("m-author", role=Role.AUTHOR),
        "inspector": make_user("m-inspector", role=Role.INSPECTOR),
        "supervisor": make_user("m-supervisor", role=Role.SUPERVISOR, region=guan),
        "enterprise": make_user("m-enterprise", role=Role.ENTERPRISE, organisation=own),
    }
    ids = {
        "own_org": own.id,
        "foreign_org": foreign.id,
        "own_user": users["enterprise"].id,
        "foreign_user": make_user("m-foreign", role=Role.ENTERPRISE, organisation=foreign).id,
        "document": _two_versions(),
        **_templates(),
    }
    return users, ids


@pytest.mark.parametrize("subject", SUBJECTS)
def test_access_matrix(app, world, subject):
    users, ids = world
    failures = []
    for (endpoint, method, variant), (path, options, expected) in CASES.items():
        client = app.test_client()
        if subject != "anonymous":
            login(client, users[subject])
        kwargs = {}
        page = "/login" if subject == "anonymous" else "/account"
        token = (
            csrf_token(client, page) if ("form" in options or "csrf_header" in options) else None
        )
        if "form" in options:
            kwargs["data"] = {**options["form"], "csrf_token": token}
        if "json" in options:
            kwargs["json"] = options["json"]
        if options.get("csrf_header"):
            kwargs["headers"] = {"X-CSRFToken": token}
        response = client.open(path.format(**ids), method=method, **kwargs)
        response.close()
        if response.status_code != expected[subject]:
            failures.append(
                f"{method} {endpoint} {variant}: {response.status_code} != {expected[subject]}"
            )
    assert failures == []
