"""Login, logout, role guard, CSRF, rate limit and session cookies."""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa

from checklists.accounts import api as accounts_api
from checklists.accounts import models
from checklists.accounts.models import Role
from checklists.core.extensions import db
from tests.conftest import PASSWORD, csrf_token, login


def _form_token(html: str) -> str:
    return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html).group(1)


def test_real_form_login_and_logout(client, make_user):
    make_user("wang", role=Role.INSPECTOR)
    page = client.get("/login")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "登录条款核查" in html and 'lang="zh-CN"' in html

    response = client.post(
        "/login",
        data={"username": "wang", "password": PASSWORD, "csrf_token": _form_token(html)},
    )
    assert response.status_code == 302
    assert response.headers["Location"] == "/"
    home = client.get("/")
    assert home.status_code == 200
    assert "您好，wang" in home.get_data(as_text=True)

    response = client.post("/logout", data={"csrf_token": csrf_token(client, "/")})
    assert response.status_code == 302
    assert client.get("/").status_code == 302  # back to the login page


def test_session_cookie_is_secure_httponly_lax(client, make_user):
    make_user("li")
    token = csrf_token(client)
    response = client.post(
        "/login", data={"username": "li", "password": PASSWORD, "csrf_token": token}
    )
    cookie = response.headers["Set-Cookie"]
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_wrong_password_says_so_in_chinese(client, make_user):
    make_user("zhao")
    response = client.post(
        "/login", data={"username": "zhao", "password": "nope", "csrf_token": csrf_token(client)}
    )
    assert response.status_code == 200
    assert "用户名或密码错误" in response.get_data(as_text=True)


def test_disabled_user_cannot_log_in(client, make_user):
    make_user("old", active=False)
    response = client.post(
        "/login", data={"username": "old", "password": PASSWORD, "csrf_token": csrf_token(client)}
    )
    assert response.status_code == 200
    assert "该账户已停用" in response.get_data(as_text=True)


def test_disabled_user_loses_a_live_session(app, client, make_user):
    from checklists.core.extensions import db

    user = make_user("gone")
    login(client, user)
    assert client.get("/").status_code == 200
    user.active = False
    db.session.commit()
    assert client.get("/").status_code == 302


def test_next_only_follows_local_paths(client, make_user):
    make_user("sun")
    token = csrf_token(client)
    data = {"username": "sun", "password": PASSWORD, "csrf_token": token}
    response = client.post("/login?next=https://evil.example/", data=data)
    assert response.headers["Location"] == "/"


def test_anonymous_is_sent_to_login(client):
    response = client.get("/admin/users")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/login?next=")


@pytest.mark.parametrize(
    ("role", "status"),
    [
        (Role.ADMIN, 200),
        (Role.AUTHOR, 403),
        (Role.INSPECTOR, 403),
        (Role.SUPERVISOR, 403),
        (Role.ENTERPRISE, 403),
    ],
)
def test_role_guard_on_admin_pages(client, as_user, role, status):
    as_user(role)
    for path in ("/admin/users", "/admin/users/new", "/admin/organisations/new", "/admin/regions"):
        response = client.get(path)
        assert response.status_code == status, path
        if status == 403:
            assert "您的角色无权访问此页面" in response.get_data(as_text=True)


def test_csrf_refusal(client, make_user):
    make_user("qian")
    client.get("/login")
    response = client.post("/login", data={"username": "qian", "password": PASSWORD})
    assert response.status_code == 400
    assert "安全令牌缺失或已失效" in response.get_data(as_text=True)
    response = client.post(
        "/login", data={"username": "qian", "password": PASSWORD, "csrf_token": "forged"}
    )
    assert response.status_code == 400


def test_logout_needs_csrf(client, as_user):
    as_user()
    assert client.post("/logout").status_code == 400
    assert client.get("/").status_code == 200  # still logged in


def test_login_rate_limit_locks_with_a_clear_message(app_factory, make_user):
    app = app_factory(LOGIN_RATE_LIMIT="3 per minute")
    client = app.test_client()
    make_user("zhou")
    token = csrf_token(client)
    for _ in range(3):
        response = client.post(
            "/login", data={"username": "zhou", "password": "bad", "csrf_token": token}
        )
        assert response.status_code == 200
    response = client.post(
        "/login", data={"username": "zhou", "password": PASSWORD, "csrf_token": token}
    )
    assert response.status_code == 429
    html = response.get_data(as_text=True)
    assert "登录失败次数过多" in html and "1 分钟后再试" in html
    assert 'name="username"' in html  # the form is still there


def test_successful_logins_do_not_count_towards_the_limit(app_factory, make_user):
    app = app_factory(LOGIN_RATE_LIMIT="2 per minute")
    client = app.test_client()
    make_user("wu")
    for _ in range(4):
        token = csrf_token(client)
        data = {"username": "wu", "password": PASSWORD, "csrf_token": token}
        assert client.post("/login", data=data).status_code == 302
        client.post("/logout", data={"csrf_token": csrf_token(client, "/")})


def test_change_own_password(client, as_user, app):
    user = as_user()
    token = csrf_token(client, "/account/password")
    wrong = client.post(
        "/account/password",
        data={
            "current": "bad",
            "new": "new-pass-123",
            "confirm": "new-pass-123",
            "csrf_token": token,
        },
    )
    assert "当前密码不正确" in wrong.get_data(as_text=True)
    mismatch = client.post(
        "/account/password",
        data={"current": PASSWORD, "new": "new-pass-123", "confirm": "other", "csrf_token": token},
    )
    assert "两次输入的密码不一致" in mismatch.get_data(as_text=True)
    ok = client.post(
        "/account/password",
        data={
            "current": PASSWORD,
            "new": "new-pass-123",
            "confirm": "new-pass-123",
            "csrf_token": token,
        },
    )
    assert ok.status_code == 302
    from checklists.core.extensions import db

    db.session.refresh(user)
    assert user.check_password("new-pass-123")


# --- issue 22: hardening ------------------------------------------------------------------


def _form_login(client, username, password=PASSWORD, remember=False):
    data = {"username": username, "password": password, "csrf_token": csrf_token(client)}
    if remember:
        data["remember"] = "y"
    response = client.post("/login", data=data)
    assert response.status_code == 302, response.get_data(as_text=True)
    return response


def _copy_cookies(app, source, *names):
    """A second client holding the cookies ``source`` has now (an attacker's copy)."""
    thief = app.test_client()
    for name in names:
        cookie = source.get_cookie(name)
        assert cookie is not None, name
        thief.set_cookie(name, cookie.value)
    return thief


@pytest.mark.parametrize("entry", ["form", "api"])
def test_an_unknown_username_costs_one_password_check(app, client, make_user, monkeypatch, entry):
    """No account enumeration by timing: an unknown username verifies a password against a
    dummy hash of the configured method, as a known one does against its own."""
    make_user("known")
    checked = []
    real = models.check_password_hash

    def spy(stored, password):
        checked.append(stored)
        return real(stored, password)

    monkeypatch.setattr(models, "check_password_hash", spy)
    for username in ("known", "nobody-here"):
        checked.clear()
        if entry == "form":
            data = {"username": username, "password": "wrong", "csrf_token": csrf_token(client)}
            assert client.post("/login", data=data).status_code == 200
        else:
            body = {"username": username, "password": "wrong"}
            assert client.post("/api/v1/tokens", json=body).status_code == 401
        assert len(checked) == 1, username
        assert checked[0].startswith(app.config["PASSWORD_HASH_METHOD"] + "$")


def test_a_cookie_saved_before_logout_is_refused_after_it(app, client, make_user):
    make_user("leaving")
    _form_login(client, "leaving", remember=True)
    session_copy = _copy_cookies(app, client, "session")
    remember_copy = _copy_cookies(app, client, "remember_token")
    assert session_copy.get("/api/v1/me").status_code == 200
    assert remember_copy.get("/api/v1/me").status_code == 200
    client.post("/logout", data={"csrf_token": csrf_token(client, "/")})
    assert session_copy.get("/api/v1/me").status_code == 401
    assert remember_copy.get("/api/v1/me").status_code == 401
    _form_login(client, "leaving")  # logging in again works
    assert client.get("/api/v1/me").status_code == 200


def test_a_password_change_ends_other_sessions_and_api_tokens(app, client, make_user):
    make_user("changer")
    _form_login(client, "changer")
    elsewhere = _copy_cookies(app, client, "session")
    token = client.post("/api/v1/tokens", json={"username": "changer", "password": PASSWORD})
    bearer = {"Authorization": f"Bearer {token.json['token']}"}
    assert elsewhere.get("/api/v1/me").status_code == 200
    new = "violet-harbour-37"
    response = client.post(
        "/account/password",
        data={
            "current": PASSWORD,
            "new": new,
            "confirm": new,
            "csrf_token": csrf_token(client, "/account/password"),
        },
    )
    assert response.status_code == 302
    assert client.get("/api/v1/me").status_code == 200  # the session that changed it stays
    assert elsewhere.get("/api/v1/me").status_code == 401
    assert app.test_client().get("/api/v1/me", headers=bearer).status_code == 401


@pytest.mark.parametrize(
    ("password", "reason"),
    [
        ("12345678", "太容易被猜到"),
        ("password", "太容易被猜到"),
        ("wangxiaoming", "不能与用户名相同"),
    ],
)
def test_weak_new_password_is_refused(client, as_user, password, reason):
    user = as_user(username="wangxiaoming")
    response = client.post(
        "/account/password",
        data={
            "current": PASSWORD,
            "new": password,
            "confirm": password,
            "csrf_token": csrf_token(client, "/account/password"),
        },
    )
    assert response.status_code == 200
    assert f"新密码：{reason}" in response.get_data(as_text=True)
    db.session.refresh(user)
    assert user.check_password(PASSWORD)


def test_hsts_only_over_https(app_factory):
    header = "Strict-Transport-Security"
    client = app_factory().test_client()
    assert client.get("/login").headers.get(header) is None
    secure = client.get("/login", base_url="https://localhost")
    assert secure.headers[header] == "max-age=31536000; includeSubDomains"
    proxied = app_factory(PROXY_COUNT=1).test_client()  # TLS ends at the proxy
    assert proxied.get("/login").headers.get(header) is None
    forwarded = proxied.get("/login", headers={"X-Forwarded-Proto": "https"})
    assert forwarded.headers[header] == "max-age=31536000; includeSubDomains"
    plain = proxied.get("/login", headers={"X-Forwarded-Proto": "http"})
    assert plain.headers.get(header) is None


def test_remember_cookie_is_secure_httponly_lax(app_factory, make_user):
    app = app_factory()
    client = app.test_client()
    make_user("stays")
    response = _form_login(client, "stays", remember=True)
    [cookie] = [c for c in response.headers.getlist("Set-Cookie") if c.startswith("remember_")]
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie
    # plain http for local development: the remember cookie follows SESSION_COOKIE_SECURE
    assert app_factory(SESSION_COOKIE_SECURE=False).config["REMEMBER_COOKIE_SECURE"] is False


def test_a_verified_token_is_kept_five_seconds_at_most(app_factory, make_user, monkeypatch):
    """TOKEN_CACHE_SECONDS: a verified token is trusted without a query for a while, never more
    than 5 s (60 asked for is 5), so a deactivated user's token stops working within that."""
    app = app_factory(TOKEN_CACHE_SECONDS=60)
    user = make_user("kept-token")
    client = app.test_client()
    token = client.post("/api/v1/tokens", json={"username": "kept-token", "password": PASSWORD})
    headers = {"Authorization": f"Bearer {token.get_json()['token']}"}
    clock = [1000.0]
    monkeypatch.setattr(accounts_api.time, "monotonic", lambda: clock[0])
    statements: list[str] = []
    with app.app_context():
        engine = db.engine

    def count(_conn, _cursor, statement, *_args):
        statements.append(statement)

    sa.event.listen(engine, "before_cursor_execute", count)
    try:
        assert client.get("/api/v1/me", headers=headers).get_json()["username"] == "kept-token"
        assert any("api_tokens" in s for s in statements)  # verified once
        statements.clear()
        clock[0] += 1
        assert client.get("/api/v1/me", headers=headers).status_code == 200
        assert not any("api_tokens" in s or "FROM users" in s for s in statements)
        with app.app_context():
            db.session.get(models.User, user.id).active = False
            db.session.commit()
        clock[0] += 3  # 4 s after the check: still trusted
        assert client.get("/api/v1/me", headers=headers).status_code == 200
        clock[0] += 1.5  # 5.5 s: asked again, and refused
        assert client.get("/api/v1/me", headers=headers).status_code == 401
    finally:
        sa.event.remove(engine, "before_cursor_execute", count)
