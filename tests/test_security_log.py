"""Issue 22: the security log (等保 2.0 level 3's 安全审计): logins (success, failure, lock),
logouts, password changes and an admin's forced reset, role and scope changes, permission
denials, exports and evidence downloads; who, when, from where; append-only, readable and
exportable by admins, kept at least six calendar months and pruned only by the retention job.
"""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
import sqlalchemy as sa

from checklists.accounts.models import Role, User
from checklists.core import security
from checklists.core.extensions import db
from checklists.core.security import AppendOnly, SecurityEvent
from tests import test_inspections, test_workflow
from tests.conftest import PASSWORD, csrf_token, login
from tests.test_inspections import as_, jpeg, upload
from tests.test_templates import by_prompt
from wsgi import create_app

coal = test_workflow.coal
world = test_inspections.world
started = test_inspections.started

NEW_PASSWORD = "Lantern-orchid-1957"


def events(kind: str | None = None) -> list[SecurityEvent]:
    db.session.expire_all()
    query = sa.select(SecurityEvent).order_by(SecurityEvent.id)
    if kind:
        query = query.where(SecurityEvent.kind == kind)
    return list(db.session.scalars(query))


def form_login(client, username, password=PASSWORD, address="203.0.113.9"):
    data = {"username": username, "password": password, "csrf_token": csrf_token(client)}
    return client.post("/login", data=data, environ_base={"REMOTE_ADDR": address})


# --- logins and logouts --------------------------------------------------------------------


def test_logins_failures_locks_and_logouts_say_who_when_and_from_where(app_factory, make_user):
    client = app_factory(LOGIN_RATE_LIMIT="2 per minute").test_client()
    user = make_user("qian")
    assert form_login(client, "qian").status_code == 302
    client.post("/logout", data={"csrf_token": csrf_token(client, "/")})
    assert form_login(client, "qian", "wrong").status_code == 200
    assert form_login(client, "nobody", "wrong").status_code == 200
    assert (
        client.post(
            "/api/v1/tokens",
            json={"username": "nobody", "password": "x"},
            environ_base={"REMOTE_ADDR": "203.0.113.9"},
        ).status_code
        == 401
    )
    assert form_login(client, "nobody", "wrong").status_code == 429
    found = [(e.kind, e.username, e.actor_id, e.status) for e in events()]
    assert found == [
        ("login", "qian", user.id, None),
        ("logout", "qian", user.id, None),
        ("login_failed", "qian", None, 401),
        ("login_failed", "nobody", None, 401),
        ("login_failed", "nobody", None, 401),
        ("login_locked", "nobody", None, 429),
    ]
    first, token = events()[0], events()[4]
    assert first.address == "203.0.113.9" and first.method == "POST" and first.path == "/login"
    assert token.path == "/api/v1/tokens"
    assert first.at is not None


# --- passwords, roles and scope ------------------------------------------------------------


def make_enterprise_user(client, user, org):
    """The admin's user page, saved with the role 企业用户 of ``org``."""
    form = {
        "username": user.username,
        "role": "enterprise",
        "organisation_id": str(org.id),
        "region_id": "0",
        "active": "y",
        "csrf_token": csrf_token(client, f"/admin/users/{user.id}"),
    }
    return client.post(f"/admin/users/{user.id}", data=form)


def test_own_password_change_and_admin_changes_are_recorded(app, client, make_user, make_org):
    admin = make_user("root", role=Role.ADMIN)
    clerk = make_user("clerk", role=Role.INSPECTOR)
    org = make_org("鑫源煤业")
    login(client, clerk)
    token = csrf_token(client, "/account/password")
    body = {"current": PASSWORD, "new": NEW_PASSWORD, "confirm": NEW_PASSWORD, "csrf_token": token}
    assert client.post("/account/password", data=body).status_code == 302
    [changed] = events("password_changed")
    assert (changed.actor_id, changed.detail["user_id"]) == (clerk.id, clerk.id)

    login(client, admin)
    assert make_enterprise_user(client, clerk, org).status_code == 302
    [scope] = events("user_changed")[-1:]
    assert scope.actor_id == admin.id and scope.detail["user_id"] == clerk.id
    assert scope.detail["before"]["role"] == "inspector"
    assert scope.detail["after"] == {
        "username": "clerk",
        "role": "enterprise",
        "organisation_id": org.id,
        "region_id": None,
        "active": True,
    }


def test_an_admins_forced_reset_ends_sessions_and_holds_the_user_at_the_password_page(
    app, make_user
):
    admin = make_user("root", role=Role.ADMIN)
    clerk = make_user("clerk", role=Role.INSPECTOR)
    phone = app.test_client()
    token = phone.post("/api/v1/tokens", json={"username": "clerk", "password": PASSWORD})
    bearer = {"Authorization": f"Bearer {token.json['token']}"}
    browser = app.test_client()
    assert form_login(browser, "clerk").status_code == 302

    office = app.test_client()
    login(office, admin)
    form = {
        "username": "clerk",
        "role": "inspector",
        "organisation_id": "0",
        "region_id": "0",
        "active": "y",
        "must_change_password": "y",
        "csrf_token": csrf_token(office, f"/admin/users/{clerk.id}"),
    }
    assert office.post(f"/admin/users/{clerk.id}", data=form).status_code == 302
    [reset] = events("password_reset")
    assert reset.actor_id == admin.id and reset.detail["user_id"] == clerk.id

    # the old session and the old token are gone; a new token is refused
    assert browser.get("/").status_code == 302
    assert phone.get("/api/v1/me", headers=bearer).status_code == 401
    again = phone.post("/api/v1/tokens", json={"username": "clerk", "password": PASSWORD})
    assert again.status_code == 403 and again.json["error"]["code"] == "password_change_required"
    # logging in leads to the password page, and every other page leads back there
    landed = form_login(browser, "clerk")
    assert landed.headers["Location"].endswith("/account/password")
    assert browser.get("/").headers["Location"].endswith("/account/password")
    me = browser.get("/api/v1/me")
    assert me.status_code == 403 and me.json["error"]["code"] == "password_change_required"
    token = csrf_token(browser, "/account/password")
    body = {"current": PASSWORD, "new": NEW_PASSWORD, "confirm": NEW_PASSWORD, "csrf_token": token}
    assert browser.post("/account/password", data=body).status_code == 302
    assert browser.get("/").status_code == 200
    db.session.expire_all()
    assert db.session.get(User, clerk.id).must_change_password is False


# --- denials and downloads -------------------------------------------------------------------


def test_denials_exports_and_evidence_downloads_are_recorded(app, world, started):
    session, key = started
    item = by_prompt(world["template"], "储煤厂房建设面积")
    photo = upload(session, key, jpeg(), item_id=str(item.id)).json
    base = photo["url"].split("/show")[0]
    assert session.get(photo["thumbnail_url"]).status_code == 200  # a picture on a page
    assert session.get(f"{base}/original").status_code == 200  # the evidence itself
    foreign = as_(app, world["foreign_enterprise"])
    assert foreign.get(f"/inspections/{key}").status_code == 404
    assert foreign.get("/admin/users").status_code == 403
    assert foreign.get("/no-such-page").status_code == 404  # no record: not a denial
    supervisor = as_(app, world["supervisor"])
    assert supervisor.get("/exports/findings.csv").status_code == 200

    [evidence] = events("evidence")
    assert evidence.actor_id == world["inspector"].id and evidence.path == f"{base}/original"
    denied = [(e.actor_id, e.path, e.status) for e in events("denied")]
    assert denied == [
        (world["foreign_enterprise"].id, f"/inspections/{key}", 404),
        (world["foreign_enterprise"].id, "/admin/users", 403),
    ]
    [export] = events("export")
    assert export.actor_id == world["supervisor"].id
    assert export.path == "/exports/findings.csv" and export.status == 200


# --- append-only, retention -------------------------------------------------------------------


def test_nobody_changes_or_deletes_an_event(app_ctx):
    event = security.record("login_failed", username="x")
    db.session.commit()
    event.username = "y"
    with pytest.raises(AppendOnly):
        db.session.commit()
    db.session.rollback()
    db.session.delete(db.session.get(SecurityEvent, event.id))
    with pytest.raises(AppendOnly):
        db.session.commit()
    db.session.rollback()
    for statement in (
        sa.delete(SecurityEvent),
        sa.update(SecurityEvent).values(username="z"),
    ):
        with pytest.raises(AppendOnly):
            db.session.execute(statement)
        db.session.rollback()
    assert [e.username for e in events()] == ["x"]


@pytest.mark.parametrize(
    ("months", "today", "first_kept"),
    [
        (6, dt.date(2026, 11, 23), dt.date(2026, 5, 23)),
        (6, dt.date(2026, 8, 31), dt.date(2026, 2, 28)),  # no 31 February: its last day
        (12, dt.date(2026, 3, 1), dt.date(2025, 3, 1)),
        (3, dt.date(2026, 11, 23), dt.date(2026, 5, 23)),  # never fewer than six
    ],
)
def test_the_first_day_kept(months, today, first_kept):
    assert security.oldest_kept(months, today) == first_kept


def test_the_retention_job_deletes_only_what_is_older_than_six_months(app_ctx):
    today = dt.date(2026, 11, 23)
    shanghai = dt.timezone(dt.timedelta(hours=8))
    moments = {
        "old": dt.datetime(2026, 5, 22, 23, 59, tzinfo=shanghai),
        "first day kept": dt.datetime(2026, 5, 23, 0, 0, tzinfo=shanghai),
        "recent": dt.datetime(2026, 11, 1, 9, 0, tzinfo=shanghai),
    }
    for name, moment in moments.items():
        security.record("login_failed", username=name).at = moment
    db.session.commit()
    assert security.prune(6, today) == 1
    db.session.commit()
    assert [e.username for e in events()] == ["first day kept", "recent"]


def test_the_retention_command(app, app_ctx):
    security.record("login_failed", username="ancient").at = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
    security.record("login_failed", username="today")
    db.session.commit()
    result = app.test_cli_runner().invoke(args=["security-log", "prune"])
    assert result.exit_code == 0, result.output
    assert "1" in result.output and "6" in result.output
    assert [e.username for e in events()] == ["today"]


def test_fewer_than_six_months_refuses_to_start(database_url):
    with pytest.raises(RuntimeError, match="SECURITY_LOG_MONTHS"):
        create_app({"SECURITY_LOG_MONTHS": 5, "SECRET_KEY": "x", "TESTING": True})


# --- the admin's page and export --------------------------------------------------------------


def test_admins_read_filter_and_export_the_log(app, client, make_user):
    admin = make_user("root", role=Role.ADMIN)
    security.record("login_failed", username='=HYPERLINK("http://evil")')
    security.record("login", actor=admin)
    db.session.commit()
    login(client, admin)
    page = client.get("/admin/security?kind=login_failed")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "登录失败" in html and "HYPERLINK" in html and "root" not in html.split("<main")[-1]
    rows = list(csv.reader(io.StringIO(client.get("/admin/security.csv").data.decode("utf-8-sig"))))
    assert rows[0][:3] == ["时间", "事件", "用户名"]
    usernames = [row[2] for row in rows[1:]]
    assert '\'=HYPERLINK("http://evil")' in usernames and "root" in usernames
    assert events("export")[-1].path == "/admin/security.csv"
    bad = client.get("/admin/security?start=2026-13-40")
    assert bad.status_code == 200


def test_the_page_says_what_changed_in_words(app, client, make_user, make_org):
    admin = make_user("root", role=Role.ADMIN)
    clerk = make_user("clerk", role=Role.INSPECTOR)
    org = make_org("鑫源煤业")
    login(client, admin)
    assert make_enterprise_user(client, clerk, org).status_code == 302
    html = client.get("/admin/security?kind=user_changed").get_data(as_text=True)
    assert "用户 clerk：角色：检查人员 → 企业用户；单位：— → 鑫源煤业" in html
