"""Every route × every role × own/foreign record: the status each must answer.

The walk covers ``app.url_map``: a route (and method) without a case here fails the test, so a
new route cannot ship without saying who may reach it. Another organisation's record is 404.
"""

from __future__ import annotations

import datetime as dt
import pathlib

import pytest
import sqlalchemy as sa

from checklists.accounts.models import OrgKind, Role
from tests.conftest import built_once, csrf_token, login


@pytest.fixture(autouse=True)
def _regime_reaches_the_fixtures(app):
    """The fixtures' organisations are in 冠县 and 临淄区 (the regime's own region is 临淄区):
    the 挂牌督办 and 约谈 regimes are set to reach every region here (SUPERVISION_REGION empty;
    tests/test_regime_reach.py tests the region)."""
    app.config["SUPERVISION_REGION"] = ""


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
FOREIGN_INSPECTION = row(302, 200, 404, 404, 404, 404)
API_FOREIGN_INSPECTION = row(401, 200, 404, 404, 404, 404)
OWN_FINDING = row(302, 200, 404, 200, 200, 200)
API_OWN_FINDING = row(401, 200, 404, 200, 200, 200)
#: 双随机、一公开: staff (administrators and supervisors) only; a plan outside the supervisor's
#: region is missing (404), one that exists is not another role's business (403).
STAFF = row(302, 200, 403, 403, 200, 403)
STAFF_422 = row(302, 422, 403, 403, 422, 403)
API_STAFF = row(401, 200, 403, 403, 200, 403)
FOREIGN_PLAN = row(302, 200, 403, 403, 404, 403)
API_FOREIGN_PLAN = row(401, 200, 403, 403, 404, 403)
#: Scheduled inspections: the staff's (an inspector's own assignments); authors may not (403),
#: enterprise users find nothing (404); a schedule outside one's scope is missing.
SCHEDULE_STAFF = row(302, 200, 403, 200, 200, 404)
API_SCHEDULE_STAFF = row(401, 200, 403, 200, 200, 404)
SCHEDULE_MANAGERS = row(302, 200, 403, 403, 200, 404)
FOREIGN_SCHEDULE = row(302, 200, 403, 404, 404, 404)
MISSING = row(302, 404, 404, 404, 404, 404)
API_MISSING = row(401, 404, 404, 404, 404, 404)

# (endpoint, method, variant) -> (path built from the world, request options, expected row)
# options: "form" (its values formatted with the world's ids too; sent with the session's
# CSRF token unless "no_csrf"), "json", "csrf_header" (the token as X-CSRFToken).
CASES = {
    ("static", "GET", ""): ("/static/css/app.css", {}, EVERYONE),
    ("main.healthz", "GET", ""): ("/healthz", {}, EVERYONE),
    ("main.readyz", "GET", ""): ("/readyz", {}, EVERYONE),
    # the test client calls from loopback (127.0.0.1): readable; from elsewhere, without the
    # METRICS_TOKEN, it is 404 (tests/test_observability.py)
    ("metrics.metrics", "GET", ""): ("/metrics", {}, EVERYONE),
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
    # 扫码: a code of an organisation the user cannot see is not found; an enterprise user's
    # scan of its own code opens its findings (302); the sheets are for staff.
    ("presence.scan", "GET", "own"): ("/s/{own_code}", {}, row(302, 200, 403, 200, 200, 302)),
    ("presence.scan", "GET", "foreign"): (
        "/s/{foreign_code}",
        {},
        row(302, 200, 403, 200, 404, 404),
    ),
    ("presence.start", "POST", "own"): (
        "/s/{own_code}/start",
        {"form": {}},
        row(302, 404, 403, 404, 404, 403),
    ),
    ("presence.start", "POST", "foreign"): (
        "/s/{foreign_code}/start",
        {"form": {}},
        row(302, 404, 403, 404, 404, 404),
    ),
    ("presence.sheet", "GET", "own"): (
        "/organisations/{own_org}/codes",
        {},
        row(302, 200, 403, 403, 200, 403),
    ),
    ("presence.sheet", "GET", "foreign"): (
        "/organisations/{foreign_org}/codes",
        {},
        row(302, 200, 403, 403, 404, 404),
    ),
    ("accounts.regions", "GET", ""): ("/admin/regions", {}, ADMIN_ONLY),
    ("accounts.regions", "POST", ""): ("/admin/regions", {"form": {}}, ADMIN_ONLY),
    ("accounts.security_log", "GET", ""): ("/admin/security", {}, ADMIN_ONLY),
    ("accounts.security_log_csv", "GET", ""): ("/admin/security.csv", {}, ADMIN_ONLY),
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
    # marking a document repealed: authors and admins (an empty form changes nothing)
    ("standards.repeal", "POST", ""): (
        "/standards/documents/{document}/repeal",
        {"form": {}},
        row(302, 303, 303, 403, 403, 403),
    ),
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
    # the author's page for items whose source changed: drafts stay unseen by others
    ("template_sources.sources", "GET", "published"): (
        "/templates/{published}/sources",
        {},
        row(302, 200, 200, 403, 403, 403),
    ),
    ("template_sources.sources", "GET", "draft"): (
        "/templates/{draft}/sources",
        {},
        AUTHORS_SEE_DRAFTS,
    ),
    ("template_sources.sources", "POST", ""): (
        "/templates/{published}/sources",
        {"form": {}},
        row(302, 422, 422, 403, 403, 403),
    ),
    ("templates.confirm", "POST", ""): ("/templates/{draft}/confirm", {"form": {}}, AUTHORS_422),
    ("templates.publish", "GET", ""): ("/templates/{draft_to_publish}/publish", {}, AUTHORS),
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
    ("templates.clauses_json", "GET", ""): (
        "/templates/{published}/clauses.json",
        {},
        LOGGED_IN,
    ),
    ("templates.clauses_json", "GET", "draft"): (
        "/templates/{draft}/clauses.json",
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
    # Inspections: own_open is assigned to m-inspector and open (enterprises do not see it yet),
    # own_done is submitted (its enterprise sees it, read-only), foreign is another region's.
    ("inspections.index", "GET", ""): ("/inspections/", {}, LOGGED_IN),
    ("inspections.new", "GET", ""): ("/inspections/new", {}, row(302, 200, 403, 200, 200, 403)),
    ("inspections.new", "POST", ""): (
        "/inspections/new",
        {"form": {}},
        row(302, 422, 403, 422, 422, 403),
    ),
    ("inspections.show", "GET", "own"): (
        "/inspections/{own_done}",
        {},
        row(302, 200, 404, 200, 200, 200),
    ),
    ("inspections.show", "GET", "foreign"): ("/inspections/{foreign}", {}, FOREIGN_INSPECTION),
    ("inspections.fill", "GET", "own"): (
        "/inspections/{own_open}/fill",
        {},
        row(302, 200, 404, 200, 200, 404),
    ),
    ("inspections.fill", "GET", "foreign"): (
        "/inspections/{foreign}/fill",
        {},
        FOREIGN_INSPECTION,
    ),
    ("inspections.fill", "POST", "own"): (
        "/inspections/{own_open}/fill",
        {"form": {}},
        row(302, 302, 404, 302, 302, 404),
    ),
    ("inspections.fill", "POST", "done"): (
        "/inspections/{own_done}/fill",
        {"form": {}},
        row(302, 302, 404, 302, 302, 403),
    ),
    ("inspections.submit", "POST", "own"): (  # refused (items missing): back to the form
        "/inspections/{own_open}/submit",
        {"form": {}},
        row(302, 303, 404, 303, 303, 404),
    ),
    ("inspections.submit", "POST", "done"): (
        "/inspections/{own_done}/submit",
        {"form": {}},
        row(302, 302, 404, 302, 302, 403),
    ),
    ("inspections.return_for_correction", "POST", "own"): (
        "/inspections/{own_done}/return",
        {"form": {}},
        row(302, 303, 404, 403, 303, 403),
    ),
    ("inspections.return_for_correction", "POST", "foreign"): (
        "/inspections/{foreign}/return",
        {"form": {}},
        row(302, 303, 404, 404, 404, 404),
    ),
    ("inspections.photo_file", "GET", "own"): (
        "/inspections/{own_done}/photos/{own_photo}/thumb",
        {},
        row(302, 200, 404, 200, 200, 200),
    ),
    ("inspections.photo_file", "GET", "foreign"): (
        "/inspections/{foreign}/photos/{foreign_photo}/show",
        {},
        FOREIGN_INSPECTION,
    ),
    ("inspections.photo_file", "GET", "mismatch"): (
        "/inspections/{own_done}/photos/{foreign_photo}/show",
        {},
        row(302, 404, 404, 404, 404, 404),
    ),
    ("inspections.report", "GET", "own"): ("/inspections/{own_done}/report", {}, OWN_FINDING),
    ("inspections.report", "GET", "foreign"): (
        "/inspections/{foreign_done}/report",
        {},
        FOREIGN_INSPECTION,
    ),
    ("inspections.report_pdf", "GET", "own"): (
        "/inspections/{own_done}/report.pdf",
        {},
        OWN_FINDING,
    ),
    ("inspections.report_pdf", "GET", "foreign"): (
        "/inspections/{foreign_done}/report.pdf",
        {},
        FOREIGN_INSPECTION,
    ),
    ("sw.service_worker", "GET", ""): ("/sw.js", {}, EVERYONE),
    ("api.inspections", "GET", ""): ("/api/v1/inspections", {}, API_LOGGED_IN),
    ("api.create_inspection", "POST", ""): (
        "/api/v1/inspections",
        {"json": {}, "csrf_header": True},
        row(401, 400, 403, 400, 400, 403),
    ),
    ("api.inspection", "GET", "own"): (
        "/api/v1/inspections/{own_done}",
        {},
        row(401, 200, 404, 200, 200, 200),
    ),
    ("api.inspection", "GET", "foreign"): (
        "/api/v1/inspections/{foreign}",
        {},
        API_FOREIGN_INSPECTION,
    ),
    ("api.update_inspection", "PATCH", "own"): (
        "/api/v1/inspections/{own_open}",
        {"json": {}, "csrf_header": True},
        row(401, 200, 404, 200, 200, 404),
    ),
    ("api.update_inspection", "PATCH", "done"): (
        "/api/v1/inspections/{own_done}",
        {"json": {}, "csrf_header": True},
        row(401, 409, 404, 409, 409, 403),
    ),
    ("api.update_inspection", "PATCH", "foreign"): (
        "/api/v1/inspections/{foreign}",
        {"json": {}, "csrf_header": True},
        API_FOREIGN_INSPECTION,
    ),
    ("api.put_answer", "PUT", "own"): (
        "/api/v1/inspections/{own_open}/answers/{published_item}",
        {"json": {}, "csrf_header": True},
        row(401, 400, 404, 400, 400, 404),
    ),
    ("api.put_answer", "PUT", "done"): (
        "/api/v1/inspections/{own_done}/answers/{published_item}",
        {"json": {}, "csrf_header": True},
        row(401, 400, 404, 400, 400, 403),
    ),
    ("api.put_answer", "PUT", "foreign"): (
        "/api/v1/inspections/{foreign}/answers/{published_item}",
        {"json": {}, "csrf_header": True},
        row(401, 400, 404, 404, 404, 404),
    ),
    # Repeated sections' instances: an empty body names no section (422); removing an
    # instance the inspection does not have is 404 (before the state: 404, 403, 409, 422).
    ("api.put_instance", "PUT", "own"): (
        "/api/v1/inspections/{own_open}/instances/w-1",
        {"json": {}, "csrf_header": True},
        row(401, 422, 404, 422, 422, 404),
    ),
    ("api.put_instance", "PUT", "done"): (
        "/api/v1/inspections/{own_done}/instances/w-1",
        {"json": {}, "csrf_header": True},
        row(401, 409, 404, 409, 409, 403),
    ),
    ("api.put_instance", "PUT", "foreign"): (
        "/api/v1/inspections/{foreign}/instances/w-1",
        {"json": {}, "csrf_header": True},
        row(401, 422, 404, 404, 404, 404),
    ),
    ("api.remove_instance", "DELETE", "own"): (
        "/api/v1/inspections/{own_open}/instances/w-1",
        {"csrf_header": True},
        row(401, 404, 404, 404, 404, 404),
    ),
    ("api.remove_instance", "DELETE", "done"): (
        "/api/v1/inspections/{own_done}/instances/w-1",
        {"csrf_header": True},
        row(401, 404, 404, 404, 404, 403),
    ),
    ("api.remove_instance", "DELETE", "foreign"): (
        "/api/v1/inspections/{foreign}/instances/w-1",
        {"csrf_header": True},
        row(401, 404, 404, 404, 404, 404),
    ),
    ("api.upload_photo", "POST", "own"): (
        "/api/v1/inspections/{own_open}/photos",
        {"json": {}, "csrf_header": True},
        row(401, 400, 404, 400, 400, 404),
    ),
    ("api.upload_photo", "POST", "foreign"): (
        "/api/v1/inspections/{foreign}/photos",
        {"json": {}, "csrf_header": True},
        row(401, 400, 404, 404, 404, 404),
    ),
    ("api.submit_inspection", "POST", "own"): (
        "/api/v1/inspections/{own_open}/submit",
        {"json": {}, "csrf_header": True},
        row(401, 422, 404, 422, 422, 404),
    ),
    ("api.submit_inspection", "POST", "done"): (
        "/api/v1/inspections/{own_done}/submit",
        {"json": {}, "csrf_header": True},
        row(401, 200, 404, 200, 200, 403),
    ),
    ("api.return_inspection", "POST", "own"): (
        "/api/v1/inspections/{own_done}/return",
        {"json": {}, "csrf_header": True},
        row(401, 422, 404, 403, 422, 403),
    ),
    ("api.return_inspection", "POST", "foreign"): (
        "/api/v1/inspections/{foreign}/return",
        {"json": {}, "csrf_header": True},
        row(401, 422, 404, 404, 404, 404),
    ),
    # Review: the queue for supervisors; approving an open inspection is refused (409 / a
    # flashed message), so the walk changes nothing.
    ("review.queue", "GET", ""): ("/review/?verdict=fail", {}, row(302, 200, 403, 403, 200, 403)),
    ("exports.index", "GET", ""): ("/exports/?verdict=fail", {}, row(302, 200, 403, 403, 200, 403)),
    ("exports.download", "GET", ""): (
        "/exports/findings.xlsx?organisation={own_org}",
        {},
        row(302, 200, 403, 403, 200, 403),
    ),
    ("exports.make", "POST", ""): (
        "/exports/findings.csv/job?organisation={own_org}",
        {"form": {"client_id": "matrix-1"}},
        row(302, 303, 403, 403, 303, 403),
    ),
    # The 导出中心: a job is its owner's (the supervisor's); the admin sees every job.
    ("jobs.index", "GET", ""): ("/jobs/", {}, LOGGED_IN),
    ("jobs.status", "GET", "own"): (
        "/jobs/{supervisor_job}.json",
        {},
        row(302, 200, 404, 404, 200, 404),
    ),
    ("jobs.download", "GET", "own"): (
        "/jobs/{supervisor_job}/download",
        {},
        row(302, 200, 404, 404, 200, 404),
    ),
    ("review.dashboard", "GET", ""): (
        "/review/dashboard?from=2026-01-01",
        {},
        row(302, 200, 403, 403, 200, 403),
    ),
    ("inspections.approve", "POST", "own"): (
        "/inspections/{own_open}/approve",
        {"form": {}},
        row(302, 303, 404, 403, 303, 404),
    ),
    ("inspections.approve", "POST", "foreign"): (
        "/inspections/{foreign}/approve",
        {"form": {}},
        row(302, 303, 404, 404, 404, 404),
    ),
    # The same decisions from the inspection's page, then on to the next queued inspection: an
    # open inspection is refused (a flashed message, back to its page), a return without a
    # comment too, so the walk changes nothing.
    ("review.approve", "POST", "own"): (
        "/review/{own_open}/approve?verdict=fail",
        {"form": {}},
        row(302, 303, 404, 403, 303, 404),
    ),
    ("review.approve", "POST", "foreign"): (
        "/review/{foreign}/approve",
        {"form": {}},
        row(302, 303, 404, 404, 404, 404),
    ),
    ("review.return_inspection", "POST", "own"): (
        "/review/{own_done}/return",
        {"form": {}},
        row(302, 303, 404, 403, 303, 403),
    ),
    ("review.return_inspection", "POST", "foreign"): (
        "/review/{foreign}/return",
        {"form": {}},
        row(302, 303, 404, 404, 404, 404),
    ),
    ("api.approve_inspection", "POST", "own"): (
        "/api/v1/inspections/{own_open}/approve",
        {"json": {}, "csrf_header": True},
        row(401, 409, 404, 403, 409, 404),
    ),
    ("api.approve_inspection", "POST", "foreign"): (
        "/api/v1/inspections/{foreign}/approve",
        {"json": {}, "csrf_header": True},
        row(401, 409, 404, 404, 404, 404),
    ),
    ("api.inspection_audit", "GET", "own"): (
        "/api/v1/inspections/{own_done}/audit",
        {},
        row(401, 200, 404, 200, 200, 200),
    ),
    ("api.inspection_audit", "GET", "foreign"): (
        "/api/v1/inspections/{foreign_done}/audit",
        {},
        API_FOREIGN_INSPECTION,
    ),
    # Findings: own_finding is of own_done (its enterprise sees it and acts on it, the
    # inspector and the region's supervisor verify it); foreign_finding of another region.
    ("findings.index", "GET", ""): ("/findings/", {}, LOGGED_IN),
    ("findings.export_csv", "GET", ""): ("/findings/export.csv?show=all", {}, LOGGED_IN),
    ("findings.show", "GET", "own"): ("/findings/{own_finding}", {}, OWN_FINDING),
    ("findings.show", "GET", "foreign"): ("/findings/{foreign_finding}", {}, FOREIGN_INSPECTION),
    ("findings.add_action", "POST", "own"): (
        "/findings/{own_finding}/actions",
        {"form": {}},
        row(302, 422, 404, 403, 403, 422),
    ),
    ("findings.add_action", "POST", "foreign"): (
        "/findings/{foreign_finding}/actions",
        {"form": {}},
        row(302, 422, 404, 404, 404, 404),
    ),
    ("findings.verify", "POST", "own"): (
        "/findings/{own_finding}/verify",
        {"form": {}},
        row(302, 422, 404, 422, 422, 403),
    ),
    ("findings.verify", "POST", "foreign"): (
        "/findings/{foreign_finding}/verify",
        {"form": {}},
        row(302, 422, 404, 404, 404, 404),
    ),
    ("findings.set_deadline", "POST", "own"): (
        "/findings/{own_finding}/deadline",
        {"form": {}},
        row(302, 422, 404, 422, 422, 403),
    ),
    ("findings.set_deadline", "POST", "foreign"): (
        "/findings/{foreign_finding}/deadline",
        {"form": {}},
        row(302, 422, 404, 404, 404, 404),
    ),
    ("findings.file", "GET", "own"): (
        "/findings/{own_finding}/files/{own_finding_file}/thumb",
        {},
        OWN_FINDING,
    ),
    ("findings.file", "GET", "foreign"): (
        "/findings/{foreign_finding}/files/{foreign_finding_file}/show",
        {},
        FOREIGN_INSPECTION,
    ),
    ("findings.file", "GET", "mismatch"): (
        "/findings/{own_finding}/files/{foreign_finding_file}/show",
        {},
        row(302, 404, 404, 404, 404, 404),
    ),
    ("findings.notice", "GET", "own"): ("/notices/{own_notice}", {}, OWN_FINDING),
    ("findings.notice", "GET", "foreign"): ("/notices/{foreign_notice}", {}, FOREIGN_INSPECTION),
    ("findings.notice_pdf", "GET", "own"): ("/notices/{own_notice}.pdf", {}, OWN_FINDING),
    ("findings.notice_pdf", "GET", "foreign"): (
        "/notices/{foreign_notice}.pdf",
        {},
        FOREIGN_INSPECTION,
    ),
    ("findings.notifications", "GET", ""): ("/notifications", {}, LOGGED_IN),
    ("findings.notifications_read", "POST", ""): (
        "/notifications/read",
        {"form": {}},
        row(302, 303, 303, 303, 303, 303),
    ),
    ("findings.calendar", "GET", ""): ("/admin/calendar", {}, ADMIN_ONLY),
    ("findings.calendar", "POST", ""): (
        "/admin/calendar",
        {"form": {}},
        row(302, 422, 403, 403, 403, 403),
    ),
    ("api.findings_list", "GET", ""): ("/api/v1/findings", {}, API_LOGGED_IN),
    ("api.finding", "GET", "own"): ("/api/v1/findings/{own_finding}", {}, API_OWN_FINDING),
    ("api.finding", "GET", "foreign"): (
        "/api/v1/findings/{foreign_finding}",
        {},
        API_FOREIGN_INSPECTION,
    ),
    ("api.add_action", "POST", "own"): (
        "/api/v1/findings/{own_finding}/actions",
        {"json": {}, "csrf_header": True},
        row(401, 422, 404, 403, 403, 422),
    ),
    ("api.add_action", "POST", "foreign"): (
        "/api/v1/findings/{foreign_finding}/actions",
        {"json": {}, "csrf_header": True},
        row(401, 422, 404, 404, 404, 404),
    ),
    ("api.add_finding_file", "POST", "own"): (
        "/api/v1/findings/{own_finding}/photos",
        {"json": {}, "csrf_header": True},
        row(401, 400, 404, 403, 403, 400),
    ),
    ("api.add_finding_file", "POST", "foreign"): (
        "/api/v1/findings/{foreign_finding}/photos",
        {"json": {}, "csrf_header": True},
        row(401, 400, 404, 404, 404, 404),
    ),
    ("api.verify_finding", "POST", "own"): (
        "/api/v1/findings/{own_finding}/verify",
        {"json": {}, "csrf_header": True},
        row(401, 422, 404, 422, 422, 403),
    ),
    ("api.verify_finding", "POST", "foreign"): (
        "/api/v1/findings/{foreign_finding}/verify",
        {"json": {}, "csrf_header": True},
        row(401, 422, 404, 404, 404, 404),
    ),
    ("api.update_finding", "PATCH", "own"): (
        "/api/v1/findings/{own_finding}",
        {"json": {}, "csrf_header": True},
        row(401, 422, 404, 422, 422, 403),
    ),
    ("api.update_finding", "PATCH", "foreign"): (
        "/api/v1/findings/{foreign_finding}",
        {"json": {}, "csrf_header": True},
        row(401, 422, 404, 404, 404, 404),
    ),
    ("api.calendar_deadline", "GET", ""): (
        "/api/v1/calendar/deadline?start=2026-09-30&n=10&unit=working_day",
        {},
        EVERYONE,
    ),
    # Major hazards (挂牌督办): own_hazard is listed from own_finding (its inspector sees it,
    # read-only), foreign_hazard from foreign_finding. Steps out of order answer 409, so the
    # walk changes nothing (the receipt is sent with a signer too long: 422).
    ("supervision.index", "GET", ""): ("/hazards/?show=all", {}, LOGGED_IN),
    ("supervision.export_csv", "GET", ""): ("/hazards/export.csv?show=all", {}, LOGGED_IN),
    ("supervision.export_xlsx", "GET", ""): ("/hazards/export.xlsx?show=all", {}, LOGGED_IN),
    ("supervision.new", "GET", ""): (
        "/hazards/new?finding_id={own_finding}",
        {},
        row(302, 200, 403, 403, 200, 403),
    ),
    ("supervision.new", "POST", ""): (
        "/hazards/new",
        {"form": {}},
        row(302, 422, 403, 403, 422, 403),
    ),
    ("supervision.show", "GET", "own"): ("/hazards/{own_hazard}", {}, OWN_FINDING),
    ("supervision.show", "GET", "foreign"): ("/hazards/{foreign_hazard}", {}, FOREIGN_INSPECTION),
    ("supervision.take", "POST", "own"): (
        "/hazards/{own_hazard}/plan",
        {"form": {}},
        row(302, 409, 404, 403, 403, 409),
    ),
    ("supervision.take", "POST", "foreign"): (
        "/hazards/{foreign_hazard}/confirm",
        {"form": {}},
        row(302, 409, 404, 404, 404, 404),
    ),
    ("supervision.file", "GET", "own"): (
        "/hazards/{own_hazard}/files/{own_hazard_file}/thumb",
        {},
        OWN_FINDING,
    ),
    ("supervision.file", "GET", "foreign"): (
        "/hazards/{foreign_hazard}/files/{foreign_hazard_file}/show",
        {},
        FOREIGN_INSPECTION,
    ),
    ("supervision.file", "GET", "mismatch"): (
        "/hazards/{own_hazard}/files/{foreign_hazard_file}/show",
        {},
        row(302, 404, 404, 404, 404, 404),
    ),
    ("supervision.notice", "GET", "own"): ("/hazards/{own_hazard}/notice", {}, OWN_FINDING),
    ("supervision.notice", "GET", "foreign"): (
        "/hazards/{foreign_hazard}/notice",
        {},
        FOREIGN_INSPECTION,
    ),
    ("supervision.notice_pdf", "GET", "own"): (
        "/hazards/{own_hazard}/notice.pdf",
        {},
        OWN_FINDING,
    ),
    ("supervision.notice_pdf", "GET", "foreign"): (
        "/hazards/{foreign_hazard}/notice.pdf",
        {},
        FOREIGN_INSPECTION,
    ),
    ("supervision.criticism", "GET", "own"): (
        "/hazards/{own_hazard}/criticisms/{own_criticism}",
        {},
        OWN_FINDING,
    ),
    ("supervision.criticism", "GET", "foreign"): (
        "/hazards/{foreign_hazard}/criticisms/{foreign_criticism}",
        {},
        FOREIGN_INSPECTION,
    ),
    ("supervision.criticism", "GET", "mismatch"): (
        "/hazards/{own_hazard}/criticisms/{foreign_criticism}",
        {},
        row(302, 404, 404, 404, 404, 404),
    ),
    ("api.hazards_list", "GET", ""): ("/api/v1/hazards?overdue=1", {}, API_LOGGED_IN),
    ("api.create_hazard", "POST", ""): (
        "/api/v1/hazards",
        {"json": {}, "csrf_header": True},
        row(401, 422, 403, 403, 422, 403),
    ),
    ("api.hazard", "GET", "own"): ("/api/v1/hazards/{own_hazard}", {}, API_OWN_FINDING),
    ("api.hazard", "GET", "foreign"): (
        "/api/v1/hazards/{foreign_hazard}",
        {},
        API_FOREIGN_INSPECTION,
    ),
    ("api.hazard_receipt", "POST", "own"): (
        "/api/v1/hazards/{own_hazard}/receipt",
        {"json": {"signer": "x" * 200}, "csrf_header": True},
        row(401, 422, 404, 403, 403, 422),
    ),
    ("api.hazard_receipt", "POST", "foreign"): (
        "/api/v1/hazards/{foreign_hazard}/receipt",
        {"json": {"signer": "x" * 200}, "csrf_header": True},
        row(401, 422, 404, 404, 404, 404),
    ),
    **{
        (f"api.hazard_{endpoint}", "POST", variant): (
            f"/api/v1/hazards/{{{variant}_hazard}}/{step}",
            {"json": {}, "csrf_header": True},
            (
                row(401, 409, 404, 403, 403, 409)
                if side == "enterprise"
                else row(401, 409, 404, 403, 409, 403)
            )
            if variant == "own"
            else row(401, 409, 404, 404, 404, 404),
        )
        for endpoint, step, side in (
            ("plan", "plan", "enterprise"),
            ("closure_report", "closure-report", "enterprise"),
            ("confirm", "confirm", "supervisor"),
            ("verification", "verification", "supervisor"),
            ("close", "close", "supervisor"),
        )
        for variant in ("own", "foreign")
    },
    ("api.add_hazard_file", "POST", "own"): (
        "/api/v1/hazards/{own_hazard}/files",
        {"json": {}, "csrf_header": True},
        row(401, 400, 404, 403, 400, 400),
    ),
    ("api.add_hazard_file", "POST", "foreign"): (
        "/api/v1/hazards/{foreign_hazard}/files",
        {"json": {}, "csrf_header": True},
        row(401, 400, 404, 404, 404, 404),
    ),
    # 约谈: own_interview (notified) of the own organisation, foreign_interview of the foreign
    # one. The walk changes nothing: a report before the interview is 409, an empty one 422.
    ("interviews.index", "GET", ""): ("/interviews/", {}, row(302, 200, 403, 403, 200, 200)),
    ("interviews.new", "POST", ""): (
        "/interviews/new",
        {"form": {}},
        row(302, 422, 403, 403, 422, 403),
    ),
    ("interviews.show", "GET", "own"): (
        "/interviews/{own_interview}",
        {},
        row(302, 200, 404, 404, 200, 200),
    ),
    ("interviews.show", "GET", "foreign"): (
        "/interviews/{foreign_interview}",
        {},
        row(302, 200, 404, 404, 404, 404),
    ),
    ("interviews.take", "POST", "own"): (
        "/interviews/{own_interview}/report",
        {"form": {}},
        row(302, 409, 404, 404, 403, 409),
    ),
    ("interviews.take", "POST", "foreign"): (
        "/interviews/{foreign_interview}/held",
        {"form": {}},
        row(302, 422, 404, 404, 404, 404),
    ),
    ("interviews.notice", "GET", "own"): (
        "/interviews/{own_interview}/notice",
        {},
        row(302, 200, 404, 404, 200, 200),
    ),
    ("interviews.notice", "GET", "foreign"): (
        "/interviews/{foreign_interview}/notice",
        {},
        row(302, 200, 404, 404, 404, 404),
    ),
    ("interviews.notice_pdf", "GET", "own"): (
        "/interviews/{own_interview}/notice.pdf",
        {},
        row(302, 200, 404, 404, 200, 200),
    ),
    ("interviews.notice_pdf", "GET", "foreign"): (
        "/interviews/{foreign_interview}/notice.pdf",
        {},
        row(302, 200, 404, 404, 404, 404),
    ),
    ("api.interviews_due", "GET", ""): (
        "/api/v1/interviews/due",
        {},
        row(401, 200, 403, 403, 200, 403),
    ),
    ("api.interviews_list", "GET", ""): ("/api/v1/interviews", {}, API_LOGGED_IN),
    ("api.create_interview", "POST", ""): (
        "/api/v1/interviews",
        {"json": {}, "csrf_header": True},
        row(401, 422, 403, 403, 422, 403),
    ),
    ("api.interview", "GET", "own"): (
        "/api/v1/interviews/{own_interview}",
        {},
        row(401, 200, 404, 404, 200, 200),
    ),
    ("api.interview", "GET", "foreign"): (
        "/api/v1/interviews/{foreign_interview}",
        {},
        row(401, 200, 404, 404, 404, 404),
    ),
    ("api.interview_held", "POST", "own"): (
        "/api/v1/interviews/{own_interview}/held",
        {"json": {}, "csrf_header": True},
        row(401, 422, 404, 404, 422, 403),
    ),
    ("api.interview_held", "POST", "foreign"): (
        "/api/v1/interviews/{foreign_interview}/held",
        {"json": {}, "csrf_header": True},
        row(401, 422, 404, 404, 404, 404),
    ),
    ("api.interview_report", "POST", "own"): (
        "/api/v1/interviews/{own_interview}/report",
        {"json": {}, "csrf_header": True},
        row(401, 409, 404, 404, 403, 409),
    ),
    ("api.interview_report", "POST", "foreign"): (
        "/api/v1/interviews/{foreign_interview}/report",
        {"json": {}, "csrf_header": True},
        row(401, 409, 404, 404, 404, 404),
    ),
    # --- Credit in the API: the same ids; publishing a notified entry is out of order (409) ---
    ("api.credit_list", "GET", ""): ("/api/v1/credit", {}, API_LOGGED_IN),
    ("api.credit_create", "POST", ""): (
        "/api/v1/credit",
        {"json": {}, "csrf_header": True},
        row(401, 422, 403, 403, 422, 403),
    ),
    ("api.credit_due", "GET", ""): ("/api/v1/credit/due", {}, row(401, 200, 403, 403, 200, 403)),
    ("api.credit_entry", "GET", "own"): (
        "/api/v1/credit/{own_entry}",
        {},
        row(401, 200, 404, 404, 200, 200),
    ),
    ("api.credit_entry", "GET", "foreign"): (
        "/api/v1/credit/{foreign_entry}",
        {},
        row(401, 200, 404, 404, 404, 404),
    ),
    ("api.credit_step", "POST", "own"): (
        "/api/v1/credit/{own_entry}/publish",
        {"json": {}, "csrf_header": True},
        row(401, 409, 404, 404, 409, 403),
    ),
    ("api.credit_step", "POST", "foreign"): (
        "/api/v1/credit/{foreign_entry}/publish",
        {"json": {}, "csrf_header": True},
        row(401, 409, 404, 404, 404, 404),
    ),
    ("api.credit_ledger", "GET", "own"): (
        "/api/v1/credit/deposits/{own_org}",
        {},
        row(401, 200, 404, 404, 200, 200),
    ),
    ("api.credit_ledger", "GET", "foreign"): (
        "/api/v1/credit/deposits/{foreign_org}",
        {},
        row(401, 200, 404, 404, 404, 404),
    ),
    ("api.credit_deposit", "POST", ""): (
        "/api/v1/credit/deposits",
        {"json": {}, "csrf_header": True},
        row(401, 422, 403, 403, 422, 403),
    ),
    ("api.credit_qualifications", "GET", ""): ("/api/v1/credit/qualifications", {}, API_LOGGED_IN),
    ("api.credit_qualify", "POST", ""): (
        "/api/v1/credit/qualifications",
        {"json": {}, "csrf_header": True},
        row(401, 422, 403, 403, 422, 403),
    ),
    ("api.credit_qualification_step", "POST", "own"): (
        "/api/v1/credit/qualifications/{own_qualification}/pass",
        {"json": {}, "csrf_header": True},
        row(401, 200, 404, 404, 200, 403),
    ),
    ("api.credit_qualification_step", "POST", "foreign"): (
        "/api/v1/credit/qualifications/{foreign_qualification}/pass",
        {"json": {}, "csrf_header": True},
        row(401, 200, 404, 404, 404, 404),
    ),
    ("api.organisation", "GET", "own"): (
        "/api/v1/organisations/{own_org}",
        {},
        row(401, 200, 200, 200, 200, 200),
    ),
    ("api.organisation", "GET", "foreign"): (
        "/api/v1/organisations/{foreign_org}",
        {},
        row(401, 200, 200, 200, 404, 404),
    ),
    # --- Credit pages (信用, issue 19) --------------------------------------------------------
    # own_entry and foreign_entry are notified (their 告知书 exists); own_qualification and
    # foreign_qualification are qualified depots (``_credit``). The walk changes nothing: an
    # empty defence is 422, a notice sent again 409, a depot passed again answers 303.
    ("credit.register", "GET", ""): ("/credit/", {}, row(302, 200, 403, 403, 200, 200)),
    ("credit.new", "GET", ""): ("/credit/new", {}, row(302, 200, 403, 403, 200, 403)),
    ("credit.new", "POST", ""): ("/credit/new", {"form": {}}, row(302, 422, 403, 403, 422, 403)),
    ("credit.entry", "GET", "own"): (
        "/credit/{own_entry}",
        {},
        row(302, 200, 404, 404, 200, 200),
    ),
    ("credit.entry", "GET", "foreign"): (
        "/credit/{foreign_entry}",
        {},
        row(302, 200, 404, 404, 404, 404),
    ),
    ("credit.step", "POST", "own"): (
        "/credit/{own_entry}/step/defence",
        {"form": {}},
        row(302, 422, 404, 404, 422, 422),
    ),
    ("credit.step", "POST", "foreign"): (
        "/credit/{foreign_entry}/step/notify",
        {"form": {}},
        row(302, 409, 404, 404, 404, 404),
    ),
    ("credit.document", "GET", "own"): (
        "/credit/{own_entry}/documents/notice",
        {},
        row(302, 200, 404, 404, 200, 200),
    ),
    ("credit.document", "GET", "foreign"): (
        "/credit/{foreign_entry}/documents/notice",
        {},
        row(302, 200, 404, 404, 404, 404),
    ),
    ("credit.document_pdf", "GET", "own"): (
        "/credit/{own_entry}/documents/notice.pdf",
        {},
        row(302, 200, 404, 404, 200, 200),
    ),
    ("credit.document_pdf", "GET", "foreign"): (
        "/credit/{foreign_entry}/documents/notice.pdf",
        {},
        row(302, 200, 404, 404, 404, 404),
    ),
    ("credit.due", "GET", ""): ("/credit/due", {}, row(302, 200, 403, 403, 200, 403)),
    ("credit.ledger", "GET", "own"): (
        "/credit/deposits/{own_org}",
        {},
        row(302, 200, 404, 404, 200, 200),
    ),
    ("credit.ledger", "GET", "foreign"): (
        "/credit/deposits/{foreign_org}",
        {},
        row(302, 200, 404, 404, 404, 404),
    ),
    ("credit.ledger", "POST", "own"): (
        "/credit/deposits/{own_org}",
        {"form": {}},
        row(302, 422, 404, 404, 422, 403),
    ),
    ("credit.ledger", "POST", "foreign"): (
        "/credit/deposits/{foreign_org}",
        {"form": {}},
        row(302, 422, 404, 404, 404, 404),
    ),
    ("credit.depots", "GET", ""): ("/credit/depots", {}, row(302, 200, 403, 403, 200, 200)),
    ("credit.depots", "POST", ""): (
        "/credit/depots",
        {"form": {}},
        row(302, 422, 403, 403, 422, 403),
    ),
    ("credit.depot_step", "POST", "own"): (
        "/credit/depots/{own_qualification}/pass",
        {"form": {}},
        row(302, 303, 404, 404, 303, 403),
    ),
    ("credit.depot_step", "POST", "foreign"): (
        "/credit/depots/{foreign_qualification}/pass",
        {"form": {}},
        row(302, 303, 404, 404, 404, 404),
    ),
    ("public.blacklist", "GET", ""): ("/public/blacklist", {}, EVERYONE),
    ("public.blacklist_csv", "GET", ""): ("/public/blacklist.csv", {}, EVERYONE),
    # --- end of the credit pages --------------------------------------------------------------
    # --- 双随机、一公开 (issue 20) -------------------------------------------------------------
    # Administrators and supervisors only; a supervisor sees the plans drawing inside their
    # region (own_plan, 冠县; foreign_plan, 临淄区, is missing to them); another role gets 403
    # for a plan that exists. own_plan and foreign_plan are drawn and published: drawing and
    # publishing them again changes nothing; own_plan_committed is not drawn (publishing it is
    # 409). Empty forms and bodies are refused (422) before anything is written.
    ("spotcheck.index", "GET", ""): ("/spotcheck/", {}, STAFF),
    ("spotcheck.items_page", "GET", ""): ("/spotcheck/items", {}, STAFF),
    ("spotcheck.item_edit", "GET", "new"): ("/spotcheck/items/new", {}, STAFF),
    ("spotcheck.item_edit", "POST", "new"): ("/spotcheck/items/new", {"form": {}}, STAFF_422),
    ("spotcheck.item_edit", "GET", ""): ("/spotcheck/items/{spotcheck_item}", {}, STAFF),
    ("spotcheck.item_edit", "POST", ""): (
        "/spotcheck/items/{spotcheck_item}",
        {"form": {}},
        STAFF_422,
    ),
    ("spotcheck.item_edit", "GET", "missing"): ("/spotcheck/items/999999", {}, MISSING),
    ("spotcheck.pools_page", "GET", ""): ("/spotcheck/pools", {}, STAFF),
    ("spotcheck.pools_import", "POST", "targets"): (
        "/spotcheck/pools/targets",
        {"form": {}},
        STAFF_422,
    ),
    ("spotcheck.pools_import", "POST", "inspectors"): (
        "/spotcheck/pools/inspectors",
        {"form": {}},
        STAFF_422,
    ),
    ("spotcheck.pools_import", "POST", "unknown"): (
        "/spotcheck/pools/other",
        {"form": {}},
        MISSING,
    ),
    ("spotcheck.conflict_new", "POST", ""): (
        "/spotcheck/pools/conflicts",
        {"form": {}},
        STAFF_422,
    ),
    ("spotcheck.plan_new", "GET", ""): ("/spotcheck/plans/new?item_id={spotcheck_item}", {}, STAFF),
    ("spotcheck.plan_new", "POST", ""): ("/spotcheck/plans/new", {"form": {}}, STAFF_422),
    ("spotcheck.plan", "GET", "own"): ("/spotcheck/plans/{own_plan}", {}, STAFF),
    ("spotcheck.plan", "GET", "foreign"): ("/spotcheck/plans/{foreign_plan}", {}, FOREIGN_PLAN),
    ("spotcheck.plan", "GET", "committed"): ("/spotcheck/plans/{own_plan_committed}", {}, STAFF),
    ("spotcheck.plan", "GET", "missing"): ("/spotcheck/plans/999999", {}, MISSING),
    ("spotcheck.plan_draw", "POST", "own"): (
        "/spotcheck/plans/{own_plan}/draw",
        {"form": {}},
        row(302, 302, 403, 403, 302, 403),
    ),
    ("spotcheck.plan_draw", "POST", "foreign"): (
        "/spotcheck/plans/{foreign_plan}/draw",
        {"form": {}},
        row(302, 302, 403, 403, 404, 403),
    ),
    ("spotcheck.plan_draw", "POST", "missing"): (
        "/spotcheck/plans/999999/draw",
        {"form": {}},
        MISSING,
    ),
    ("spotcheck.plan_publish", "POST", "own"): (
        "/spotcheck/plans/{own_plan}/publish",
        {"form": {}},
        row(302, 302, 403, 403, 302, 403),
    ),
    ("spotcheck.plan_publish", "POST", "foreign"): (
        "/spotcheck/plans/{foreign_plan}/publish",
        {"form": {}},
        row(302, 302, 403, 403, 404, 403),
    ),
    ("spotcheck.plan_publish", "POST", "committed"): (
        "/spotcheck/plans/{own_plan_committed}/publish",
        {"form": {}},
        row(302, 409, 403, 403, 409, 403),
    ),
    # 一公开: the public pages show every plan to everyone, no login; verifying is a POST
    # without a CSRF token (it recomputes, it changes nothing).
    ("spotcheck_public.public_index", "GET", ""): ("/public/spotcheck", {}, EVERYONE),
    ("spotcheck_public.plan_page", "GET", "own"): ("/public/spotcheck/{own_plan}", {}, EVERYONE),
    ("spotcheck_public.plan_page", "GET", "foreign"): (
        "/public/spotcheck/{foreign_plan}",
        {},
        EVERYONE,
    ),
    ("spotcheck_public.plan_page", "GET", "committed"): (
        "/public/spotcheck/{own_plan_committed}",
        {},
        EVERYONE,
    ),
    ("spotcheck_public.plan_page", "GET", "missing"): (
        "/public/spotcheck/999999",
        {},
        row(404, 404, 404, 404, 404, 404),
    ),
    ("spotcheck_public.plan_json", "GET", "own"): (
        "/public/spotcheck/{own_plan}.json",
        {},
        EVERYONE,
    ),
    ("spotcheck_public.plan_json", "GET", "foreign"): (
        "/public/spotcheck/{foreign_plan}.json",
        {},
        EVERYONE,
    ),
    ("spotcheck_public.plan_json", "GET", "missing"): (
        "/public/spotcheck/999999.json",
        {},
        row(404, 404, 404, 404, 404, 404),
    ),
    ("spotcheck_public.verify", "GET", ""): ("/public/spotcheck/verify", {}, EVERYONE),
    ("spotcheck_public.verify", "POST", "own"): (
        "/public/spotcheck/verify",
        {"form": {"plan_id": "{own_plan}"}, "no_csrf": True},
        EVERYONE,
    ),
    ("spotcheck_public.verify", "POST", "foreign"): (
        "/public/spotcheck/verify",
        {"form": {"plan_id": "{foreign_plan}"}, "no_csrf": True},
        EVERYONE,
    ),
    ("spotcheck_public.verify", "POST", "pasted"): (
        "/public/spotcheck/verify",
        {"form": {"record": "{{}}"}, "no_csrf": True},
        EVERYONE,
    ),
    ("api.spotcheck_plans", "GET", ""): ("/api/v1/spotcheck/plans", {}, API_STAFF),
    ("api.spotcheck_plan_create", "POST", ""): (
        "/api/v1/spotcheck/plans",
        {"json": {}, "csrf_header": True},
        row(401, 422, 403, 403, 422, 403),
    ),
    ("api.spotcheck_plan", "GET", "own"): ("/api/v1/spotcheck/plans/{own_plan}", {}, API_STAFF),
    ("api.spotcheck_plan", "GET", "foreign"): (
        "/api/v1/spotcheck/plans/{foreign_plan}",
        {},
        API_FOREIGN_PLAN,
    ),
    ("api.spotcheck_plan", "GET", "missing"): (
        "/api/v1/spotcheck/plans/999999",
        {},
        API_MISSING,
    ),
    ("api.spotcheck_draw", "POST", "own"): (
        "/api/v1/spotcheck/plans/{own_plan}/draw",
        {"json": {}, "csrf_header": True},
        API_STAFF,
    ),
    ("api.spotcheck_draw", "POST", "foreign"): (
        "/api/v1/spotcheck/plans/{foreign_plan}/draw",
        {"json": {}, "csrf_header": True},
        API_FOREIGN_PLAN,
    ),
    ("api.spotcheck_draw", "POST", "missing"): (
        "/api/v1/spotcheck/plans/999999/draw",
        {"json": {}, "csrf_header": True},
        API_MISSING,
    ),
    ("api.spotcheck_publish", "POST", "own"): (
        "/api/v1/spotcheck/plans/{own_plan}/publish",
        {"json": {}, "csrf_header": True},
        API_STAFF,
    ),
    ("api.spotcheck_publish", "POST", "foreign"): (
        "/api/v1/spotcheck/plans/{foreign_plan}/publish",
        {"json": {}, "csrf_header": True},
        API_FOREIGN_PLAN,
    ),
    ("api.spotcheck_publish", "POST", "committed"): (
        "/api/v1/spotcheck/plans/{own_plan_committed}/publish",
        {"json": {}, "csrf_header": True},
        row(401, 409, 403, 403, 409, 403),
    ),
    ("api.spotcheck_items", "GET", ""): ("/api/v1/spotcheck/items", {}, API_STAFF),
    ("api.spotcheck_coverage", "GET", ""): ("/api/v1/spotcheck/coverage", {}, API_STAFF),
    ("api.spotcheck_due", "GET", ""): ("/api/v1/spotcheck/due", {}, API_STAFF),
    # scheduled inspections: staff only; an inspector sees (and starts) the schedules assigned
    # to them, changes none; an enterprise user finds nothing (inspections are unannounced)
    ("schedules.index", "GET", ""): ("/schedules/", {}, SCHEDULE_STAFF),
    ("schedules.calendar", "GET", ""): ("/schedules/calendar?month=2026-11", {}, SCHEDULE_STAFF),
    ("schedules.new", "GET", ""): ("/schedules/new", {}, SCHEDULE_MANAGERS),
    ("schedules.new", "POST", ""): (
        "/schedules/new",
        {"form": {}},
        row(302, 422, 403, 403, 422, 404),
    ),
    ("schedules.edit", "GET", "own"): (
        "/schedules/{own_schedule}/edit",
        {},
        SCHEDULE_MANAGERS,
    ),
    ("schedules.edit", "GET", "foreign"): (
        "/schedules/{foreign_schedule}/edit",
        {},
        FOREIGN_SCHEDULE,
    ),
    ("schedules.edit", "GET", "missing"): ("/schedules/999999/edit", {}, MISSING),
    ("schedules.edit", "POST", "own"): (
        "/schedules/{own_schedule}/edit",
        {"form": {}},
        row(302, 422, 403, 403, 422, 404),
    ),
    ("schedules.edit", "POST", "foreign"): (
        "/schedules/{foreign_schedule}/edit",
        {"form": {}},
        row(302, 422, 403, 404, 404, 404),
    ),
    ("schedules.start", "POST", "own"): (
        "/schedules/{own_schedule}/occurrences/2026-11-20/start",
        {"form": {}},
        row(302, 303, 403, 303, 303, 404),
    ),
    ("schedules.start", "POST", "foreign"): (
        "/schedules/{foreign_schedule}/occurrences/2026-11-20/start",
        {"form": {}},
        row(302, 303, 403, 404, 404, 404),
    ),
    ("schedules.start", "POST", "not_due"): (
        "/schedules/{own_schedule}/occurrences/2026-11-21/start",
        {"form": {}},
        row(302, 404, 403, 404, 404, 404),
    ),
    ("api.schedules", "GET", ""): ("/api/v1/schedules", {}, API_SCHEDULE_STAFF),
    ("api.schedule_create", "POST", ""): (
        "/api/v1/schedules",
        {"json": {}, "csrf_header": True},
        row(401, 422, 403, 403, 422, 404),
    ),
    ("api.schedule", "GET", "own"): ("/api/v1/schedules/{own_schedule}", {}, API_SCHEDULE_STAFF),
    ("api.schedule", "GET", "foreign"): (
        "/api/v1/schedules/{foreign_schedule}",
        {},
        row(401, 200, 403, 404, 404, 404),
    ),
    ("api.schedule", "GET", "missing"): ("/api/v1/schedules/999999", {}, API_MISSING),
    ("api.schedule_update", "PATCH", "own"): (
        "/api/v1/schedules/{own_schedule}",
        {"json": {}, "csrf_header": True},
        row(401, 200, 403, 403, 200, 404),
    ),
    ("api.schedule_update", "PATCH", "foreign"): (
        "/api/v1/schedules/{foreign_schedule}",
        {"json": {}, "csrf_header": True},
        row(401, 200, 403, 404, 404, 404),
    ),
    ("api.schedule_update", "PATCH", "missing"): (
        "/api/v1/schedules/999999",
        {"json": {}, "csrf_header": True},
        API_MISSING,
    ),
    ("api.schedule_occurrences", "GET", ""): (
        "/api/v1/schedules/occurrences?from=2026-11-01&to=2026-11-30",
        {},
        API_SCHEDULE_STAFF,
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
    from checklists.core.extensions import db
    from checklists.standards.services import import_text

    text = (pathlib.Path(__file__).parent / "data" / "sample_gazette.txt").read_text("utf-8")
    import_text(text, "v1.txt")
    [(doc, _outcome)] = import_text(text.replace("300", "500"), "v2.txt").documents
    db.session.commit()
    return doc.id


def _templates() -> dict[str, int]:
    """A published template, a draft (with a section and an item) and a draft to publish."""
    from checklists.authoring import operations as builder
    from checklists.core.extensions import db
    from checklists.standards.models import Clause

    clause = db.session.scalar(sa.select(Clause).where(Clause.requirements.any()).limit(1))
    published = builder.draft_template("已发布", None, clauses=[clause])
    builder.confirm_items(published, [i.id for i in published.ordered_items()])
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


def _repeated(own, inspector) -> dict[str, int]:
    """A published template whose one section is filled once per warehouse, and an open
    inspection of it of the own organisation (the matrix's inspector's): where an instance's
    documented body is accepted (tests/test_openapi.py)."""
    from checklists.authoring import operations as builder
    from checklists.core.extensions import db
    from checklists.standards.models import Clause
    from inspections.filling import workflow

    clause = db.session.scalar(sa.select(Clause).where(Clause.requirements.any()).limit(1))
    template = builder.draft_template("按仓库填写", None, clauses=[clause])
    builder.confirm_items(template, [i.id for i in template.ordered_items()])
    section = template.sections[0]
    builder.set_section_repeat(section, repeat=True, repeat_label="仓库", key="warehouses")
    builder.publish(template, None)
    inspection, _created = workflow.create_inspection(template, own, inspector)
    db.session.commit()
    return {"own_repeated": inspection.uuid, "repeated_section": section.id}


def _inspections(published: int, own, foreign, inspector, someone) -> dict[str, object]:
    """An open and a submitted inspection of the own organisation (assigned to the matrix's
    inspector, each with a photo) and an open one of the foreign organisation."""
    import datetime as dt
    import io

    from PIL import Image

    from checklists.authoring.models import ChecklistTemplate
    from checklists.core.extensions import db
    from inspections.filling import attaching, workflow
    from inspections.filling.models import Inspection, InspectionStatus
    from inspections.findings import operations as findings
    from inspections.findings.models import Finding

    template = db.session.get(ChecklistTemplate, published)
    made = {}
    for name, org, who in (
        ("own_open", own, inspector),
        ("own_done", own, inspector),
        ("foreign", foreign, someone),
        ("foreign_done", foreign, someone),
    ):
        inspection, _created = workflow.create_inspection(template, org, who)
        out = io.BytesIO()
        Image.new("RGB", (8, 8), (len(name) * 20, 0, 0)).save(out, "JPEG")
        photo, _new = attaching.add_photo(
            inspection, out.getvalue(), who, item_id=template.ordered_items()[0].id
        )
        made[name] = inspection.uuid
        if name != "foreign_done":
            made[f"{name.split('_')[0]}_photo"] = photo.id
    item = template.ordered_items()[0]
    for name, who in (("own_done", inspector), ("foreign_done", someone)):
        inspection = workflow.load_by_uuid(made[name])
        for each in template.ordered_items():
            workflow.save_answer(inspection, each.id, failing_value(each), who)
        workflow.submit(inspection, who, dt.date(2026, 11, 20))
        assert inspection.status == InspectionStatus.SUBMITTED
    db.session.commit()
    own_finding, foreign_finding = (
        db.session.scalar(sa.select(Finding).join(Inspection).where(Inspection.uuid == made[name]))
        for name in ("own_done", "foreign_done")
    )
    files = {}
    for name, finding in (("own", own_finding), ("foreign", foreign_finding)):
        out = io.BytesIO()
        Image.new("RGB", (8, 8), (0, len(name) * 20, 0)).save(out, "JPEG")
        record, _new = findings.add_file(finding, out.getvalue(), "a.jpg", None)
        files[f"{name}_finding_file"] = record.id
    db.session.commit()
    return {
        **made,
        **files,
        "published_item": item.id,
        "own_finding": own_finding.id,
        "foreign_finding": foreign_finding.id,
        "own_notice": own_finding.notice_id,
        "foreign_notice": foreign_finding.notice_id,
    }


def failing_value(item):
    """An answer that fails ``item``'s rule (the matrix needs findings)."""
    rule = item.rule
    if item.answer_type == "yes_no":
        return "no"
    if item.answer_type in ("number", "count"):
        op = rule.get("op")
        if op in (">=", ">"):
            return "0"
        if op in ("<=", "<"):
            return "999999999"
        if op == "range":
            return str(int(float(rule["low"])) - 1)
    raise AssertionError(f"no failing value for {item.answer_type} {rule}")


@pytest.fixture
def world(make_org, make_region, make_user):
    """Own organisation (in 冠县) and a foreign one (in 临淄区), one user per role.

    Built the first time; its rows (and stored files) written back for each later test
    (conftest.built_once), so every role walks a world as it was built, untouched by the
    writes another role's walk made."""
    from checklists.accounts.models import User
    from checklists.core.extensions import db

    def build():
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
            "own_code": own.scan_code,
            "foreign_code": foreign.scan_code,
            "own_user": users["enterprise"].id,
            "foreign_user": make_user("m-foreign", role=Role.ENTERPRISE, organisation=foreign).id,
            "document": _two_versions(),
            **_templates(),
        }
        ids.update(
            _inspections(
                ids["published"],
                own,
                foreign,
                users["inspector"],
                make_user("m-far-inspector", role=Role.INSPECTOR),
            )
        )
        ids.update(_repeated(own, users["inspector"]))
        ids.update(_hazards(ids, users))
        ids.update(_interviews(ids, users))
        ids.update(_credit(ids, users))
        ids.update(_spotcheck(ids, users))
        ids.update(_scheduling(ids, users))
        ids["supervisor_job"] = _job(users["supervisor"])
        return {role: user.id for role, user in users.items()}, ids

    user_ids, ids = built_once("access_matrix.world", build)
    return {role: db.session.get(User, id_) for role, id_ in user_ids.items()}, dict(ids)


def _job(owner) -> int:
    """A finished export of ``owner``'s, its file in the store (the 导出中心's rows)."""
    from checklists.core import storage
    from checklists.core.db import utcnow
    from checklists.core.extensions import db
    from checklists.core.jobs import Job, JobStatus

    data = "编号\n1\n".encode()
    job = Job(
        kind="export",
        owner_id=owner.id,
        title="问题 · CSV",
        status=JobStatus.DONE,
        file_key=storage.blob_store().put(data),
        file_name="findings.csv",
        file_type="text/csv",
        file_size=len(data),
        finished_at=utcnow(),
        expires_at=utcnow() + dt.timedelta(days=1),
    )
    db.session.add(job)
    db.session.commit()
    return job.id


#: Own hazards waiting for each step (the OpenAPI test sends each step's body to its own).
HAZARD_WAITING = {
    "hazard_listed": (),
    "hazard_acknowledged": ("receipt",),
    "hazard_rectifying": ("receipt", "plan"),
    "hazard_closure_requested": ("receipt", "plan", "closure-report"),
    "hazard_confirmed": ("receipt", "plan", "closure-report", "confirm"),
    "hazard_verified": ("receipt", "plan", "closure-report", "confirm", "verification"),
}
HAZARD_BODIES = {
    "receipt": {},
    "plan": dict.fromkeys(
        ("responsibility", "measures", "funds", "emergency_plan", "monitoring"), "x"
    )
    | {"deadline": "2026-12-01"},
    "closure-report": {"report": "x"},
    "confirm": {"outcome": "confirmed"},
    "verification": {"outcome": "passed", "verifiers": ["x"], "report": "x"},
}


def _hazards(ids, users) -> dict[str, int]:
    """Major hazards (挂牌督办): own_hazard listed from own_finding (with a 通报批评 and a file),
    foreign_hazard from foreign_finding, and own hazards waiting for each step."""
    import datetime as dt
    import io

    from PIL import Image

    from checklists.core.extensions import db
    from inspections.supervision import operations as supervision
    from inspections.supervision.regime import STEPS

    today = dt.date(2026, 11, 20)
    made = {}
    for name, finding in (("own", ids["own_finding"]), ("foreign", ids["foreign_finding"])):
        hazard, _new = supervision.list_hazard(users["admin"], today=today, finding_id=finding)
        criticism = supervision.criticise(hazard, today)
        out = io.BytesIO()
        Image.new("RGB", (8, 8), (0, 0, len(name) * 20)).save(out, "JPEG")
        record, _new = supervision.add_file(hazard, out.getvalue(), "h.jpg", users["admin"])
        made |= {
            f"{name}_hazard": hazard.id,
            f"{name}_criticism": criticism.id,
            f"{name}_hazard_file": record.id,
        }
    for key, steps in HAZARD_WAITING.items():
        hazard, _new = supervision.list_hazard(
            users["admin"], today=today, organisation_id=ids["own_org"], description=key
        )
        for step in steps:
            supervision.take_step(
                hazard, STEPS[step], users["admin"], HAZARD_BODIES[step], today=today
            )
        made[key] = hazard.id
    db.session.commit()
    return made


def _interviews(ids, users) -> dict[str, int]:
    """约谈: own_interview and foreign_interview (notified), and an own one held (the OpenAPI
    test sends the report to it)."""
    import datetime as dt

    from checklists.core.extensions import db
    from inspections.supervision import interviews

    today = dt.date(2026, 11, 20)
    made = {}
    for name in ("own", "foreign", "interview_held"):
        org = ids["foreign_org"] if name == "foreign" else ids["own_org"]
        interview, _new = interviews.schedule(
            users["admin"],
            today=today,
            organisation_id=org,
            trigger="manual",
            reason=name,
            client_id=f"matrix-{name}",
        )
        if name == "interview_held":
            interviews.take_step(interview, "held", users["admin"], {"minutes": "x"}, today=today)
            made[name] = interview.id
        else:
            made[f"{name}_interview"] = interview.id
    db.session.commit()
    return made


def _credit(ids, users) -> dict[str, int]:
    """Credit (信用): own_entry and foreign_entry on the blacklist, notified (the 告知书
    exists); own_qualification and foreign_qualification, qualified depots in a township of
    each organisation's county."""
    import datetime as dt

    from checklists.accounts.models import Organisation, Region, RegionLevel
    from checklists.core.extensions import db
    from inspections.credit import entries
    from inspections.credit.models import CreditKind, DepotQualification, QualificationStatus

    today = dt.date(2026, 11, 20)
    made = {}
    for name in ("own", "foreign"):
        org = db.session.get(Organisation, ids[f"{name}_org"])
        entry, _new = entries.create(
            users["admin"],
            today=today,
            organisation_id=org.id,
            kind=CreditKind.BLACKLIST,
            reason=name,
            client_id=f"matrix-credit-{name}",
        )
        entries.take_step(entry, "notify", users["admin"], {"on": today.isoformat()}, today=today)
        town = Region(name=f"{name}镇", parent_id=org.region_id, level=RegionLevel.TOWNSHIP)
        record = DepotQualification(
            organisation_id=org.id,
            region=town,
            name=f"{name}配送点",
            status=QualificationStatus.QUALIFIED,
            checked_on=today,
            events=[],
        )
        db.session.add(record)
        db.session.flush()
        made |= {
            f"{name}_entry": entry.id,
            f"{name}_qualification": record.id,
            f"{name}_township": town.id,
        }
    db.session.commit()
    return made


#: The spot checks' department, and the industry of its targets (the OpenAPI test's body names
#: both to commit a plan of its own).
SPOTCHECK_DEPARTMENT = "矩阵市场监督管理局"
SPOTCHECK_INDUSTRY = "洁净煤配送"


def _spotcheck(ids, users) -> dict[str, int]:
    """双随机、一公开: spotcheck_item (an item of the 随机抽查事项清单 on the published template),
    both organisations in the target pool, two inspectors (new users) in the item's
    department's pool; own_plan (drawing in 冠县, the matrix supervisor's region) and
    foreign_plan (临淄区) drawn and published (no result yet: a draw or a publication again
    changes nothing), and own_plan_committed (冠县, committed, not drawn: publishing it is
    out of order)."""
    import datetime as dt

    from checklists.accounts.models import Organisation, User
    from checklists.authoring.models import ChecklistTemplate
    from checklists.core.extensions import db
    from inspections.spotcheck import items, plans, pools
    from inspections.spotcheck.models import PlanStatus, RiskClass

    template = db.session.get(ChecklistTemplate, ids["published"])
    item = items.save(
        users["admin"],
        None,
        {
            "department": SPOTCHECK_DEPARTMENT,
            "matter": "矩阵抽查事项",
            "target_kind": OrgKind.ENTERPRISE.value,
            "basis": [i.clause_key for i in template.ordered_items() if i.clause_key][:1],
            "method": "onsite",
            "template_id": template.id,
            "rule_kind": "at_least",
            "rule_period": "month",
            "rule_value": 1,
        },
    )
    regions = {}
    for name in ("own", "foreign"):
        org = db.session.get(Organisation, ids[f"{name}_org"])
        pools.set_target(org, SPOTCHECK_INDUSTRY, RiskClass.GENERAL)
        regions[name] = org.region_id
    for number in (1, 2):
        person = User(username=f"m-spot-inspector{number}", role=Role.INSPECTOR)
        person.set_password("unused-password-1")
        db.session.add(person)
        db.session.flush()
        pools.set_inspector(person, f"矩阵执{number:04d}", SPOTCHECK_DEPARTMENT)
    made = {"spotcheck_item": item.id, "spotcheck_region": regions["own"]}
    for name, region in (
        ("own_plan", regions["own"]),
        ("foreign_plan", regions["foreign"]),
        ("own_plan_committed", regions["own"]),
    ):
        plan, created = plans.create(
            users["admin"],
            item_id=item.id,
            period_start=dt.date(2026, 11, 1),
            period_end=dt.date(2026, 11, 30),
            planned_on=dt.date(2026, 11, 20),
            count=1,
            ratio=None,
            team_size=2,
            region_id=region,
            client_id=f"matrix-spotcheck-{name}",
        )
        assert created
        made[name] = plan.id
    for name in ("own_plan", "foreign_plan"):
        plan = db.session.get(plans.SpotcheckPlan, made[name])
        assert plans.draw(plan, users["admin"])
        plans.publish(plan, users["admin"], dt.date(2026, 11, 20))
        assert plan.status == PlanStatus.PUBLISHED and len(plan.picks) == 1
    db.session.commit()
    return made


def _scheduling(ids, users) -> dict[str, int]:
    """Scheduled inspections: own_schedule (本单位, every month on the 20th, assigned to the
    matrix's inspector) and foreign_schedule (外单位, assigned to another inspector)."""
    import datetime as dt

    from checklists.accounts.models import User
    from checklists.core.extensions import db
    from inspections.scheduling import operations as scheduling

    far = db.session.scalar(sa.select(User).where(User.username == "m-far-inspector"))
    made = {}
    for name, person in (("own", users["inspector"]), ("foreign", far)):
        schedule, created = scheduling.create(
            users["admin"],
            {
                "template_id": ids["published"],
                "organisation_id": ids[f"{name}_org"],
                "inspector_ids": [person.id],
                "rule_kind": "day",
                "rule_day": 20,
                "starts_on": dt.date(2026, 1, 1),
            },
            client_id=f"matrix-schedule-{name}",
            today=dt.date(2026, 11, 20),
        )
        assert created
        made[f"{name}_schedule"] = schedule.id
    db.session.commit()
    return made


#: Each subject, and the suite of ``make test`` that walks the matrix as it (``one_suite``; run
#: alone, every subject runs): the two suites run side by side, so the walks split between
#: them cost half the wall time, and together they cover every route × subject × own/foreign
#: record. PostgreSQL (the longer suite) takes the three shorter walks.
SUITES = {
    "anonymous": "postgresql",
    "admin": "postgresql",
    "author": "postgresql",
    "inspector": "sqlite",
    "supervisor": "sqlite",
    "enterprise": "sqlite",
}


@pytest.mark.parametrize(
    "subject",
    [pytest.param(subject, marks=pytest.mark.one_suite(SUITES[subject])) for subject in SUBJECTS],
)
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
            csrf_token(client, page)
            if ("form" in options or "csrf_header" in options) and not options.get("no_csrf")
            else None
        )
        if "form" in options:
            form = {name: value.format(**ids) for name, value in options["form"].items()}
            kwargs["data"] = form if options.get("no_csrf") else {**form, "csrf_token": token}
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
