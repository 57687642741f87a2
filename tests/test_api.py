"""The API's base: tokens, bearer and session auth, CSRF rule, errors, pagination, scoping."""

from __future__ import annotations

import datetime as dt

import pytest

from checklists.accounts.models import ApiToken, Role
from checklists.core.extensions import db
from tests.conftest import PASSWORD, csrf_token


def _token(client, username):
    response = client.post("/api/v1/tokens", json={"username": username, "password": PASSWORD})
    assert response.status_code == 201
    return response.json["token"]


def test_token_then_bearer_requests(client, make_user):
    make_user("api-user", role=Role.INSPECTOR)
    token = _token(client, "api-user")
    response = client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200
    assert response.json["username"] == "api-user"
    assert db.session.query(ApiToken).one().token_hash != token  # only the hash is stored


def test_bearer_writes_need_no_csrf(client, make_user):
    make_user("writer")
    token = _token(client, "writer")
    response = client.patch(
        "/api/v1/me", json={"locale": "en"}, headers={"Authorization": f"Bearer {token}"}
    )
    assert response.status_code == 200
    assert response.json["locale"] == "en"


def test_session_writes_need_the_csrf_header(client, as_user):
    as_user()
    refused = client.patch("/api/v1/me", json={"display_name": "x"})
    assert refused.status_code == 400
    assert refused.json["error"]["code"] == "csrf"
    assert "X-CSRFToken" in refused.json["error"]["message"]
    token = csrf_token(client, "/")
    accepted = client.patch(
        "/api/v1/me", json={"display_name": "新名字"}, headers={"X-CSRFToken": token}
    )
    assert accepted.status_code == 200
    assert accepted.json["display_name"] == "新名字"


def test_session_reads_need_no_csrf(client, as_user):
    user = as_user()
    assert client.get("/api/v1/me").json["id"] == user.id


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({"username": "nobody", "password": "x"}, 401, "bad_credentials"),
        ({"username": "u1"}, 400, "bad_request"),
        ("not json", 400, "bad_request"),
    ],
)
def test_token_errors(client, make_user, body, status, code):
    make_user("u1")
    if isinstance(body, dict):
        response = client.post("/api/v1/tokens", json=body)
    else:
        response = client.post("/api/v1/tokens", data=body, content_type="text/plain")
    assert response.status_code == status
    assert response.json["error"]["code"] == code
    assert set(response.json["error"]) == {"code", "message", "fields"}


def test_missing_fields_are_named(client):
    response = client.post("/api/v1/tokens", json={"username": "a"})
    assert response.json["error"]["fields"] == {"password": "此项为必填项。"}


def test_disabled_user_gets_no_token_and_loses_bearer(client, make_user):
    user = make_user("quitter")
    token = _token(client, "quitter")
    user.active = False
    db.session.commit()
    assert client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"}).status_code == 401
    response = client.post("/api/v1/tokens", json={"username": "quitter", "password": PASSWORD})
    assert response.status_code == 401


def test_expired_and_unknown_tokens_answer_401(client, make_user):
    make_user("old-token")
    token = _token(client, "old-token")
    record = db.session.query(ApiToken).one()
    record.expires_at = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)
    db.session.commit()
    for value in (token, "made-up"):
        response = client.get("/api/v1/me", headers={"Authorization": f"Bearer {value}"})
        assert response.status_code == 401
        assert response.json["error"]["code"] == "unauthorized"
        assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_not_logged_in_is_401_json_in_chinese_or_english(client):
    response = client.get("/api/v1/organisations")
    assert response.status_code == 401
    assert response.json["error"]["message"] == "请先登录（会话或访问令牌）。"
    english = client.get("/api/v1/organisations", headers={"Accept-Language": "en"})
    assert english.json["error"]["message"] == "Please log in (session or bearer token)."


def test_unknown_api_path_is_404_json(client, as_user):
    as_user()
    response = client.get("/api/v1/nothing-here")
    assert response.status_code == 404
    assert response.json["error"]["code"] == "not_found"


def test_invalid_values_are_422_with_fields(client, as_user):
    as_user()
    response = client.patch(
        "/api/v1/me",
        json={"locale": "fr", "display_name": 5},
        headers={"X-CSRFToken": csrf_token(client, "/")},
    )
    assert response.status_code == 422
    assert set(response.json["error"]["fields"]) == {"locale", "display_name"}


def test_token_endpoint_is_rate_limited(app_factory, make_user):
    app = app_factory(LOGIN_RATE_LIMIT="2 per minute")
    client = app.test_client()
    make_user("guess")
    for _ in range(2):
        bad = client.post("/api/v1/tokens", json={"username": "guess", "password": "x"})
        assert bad.status_code == 401
    locked = client.post("/api/v1/tokens", json={"username": "guess", "password": PASSWORD})
    assert locked.status_code == 429
    assert locked.json["error"]["code"] == "rate_limited"


def test_organisations_are_scoped_to_the_caller(client, as_user, make_org, make_region):
    guan = make_region("冠县")
    linzi = make_region("临淄区")
    a = make_org("甲公司", region=guan, credit_code="91350100M000100Y43")
    b = make_org("乙公司", region=linzi)
    as_user(Role.ADMIN)
    assert [o["name"] for o in client.get("/api/v1/organisations").json] == ["甲公司", "乙公司"]
    first = client.get("/api/v1/organisations").json[0]
    assert first == {
        "id": a.id,
        "name": "甲公司",
        "kind": "enterprise",
        "credit_code": "91350100M000100Y43",
        "region": "冠县",
        "credit": [],
    }
    as_user(Role.SUPERVISOR, region=linzi)
    assert [o["id"] for o in client.get("/api/v1/organisations").json] == [b.id]
    as_user(Role.ENTERPRISE, organisation=a)
    assert [o["id"] for o in client.get("/api/v1/organisations").json] == [a.id]


def test_pagination_with_link_header(client, as_user, make_org):
    as_user(Role.ADMIN)
    for i in range(5):
        make_org(f"单位{i}")
    first = client.get("/api/v1/organisations?per_page=2")
    assert len(first.json) == 2
    assert 'rel="next"' in first.headers["Link"] and "page=2" in first.headers["Link"]
    last = client.get("/api/v1/organisations?per_page=2&page=3")
    assert len(last.json) == 1 and "Link" not in last.headers
    names = [
        o["name"]
        for p in (1, 2, 3)
        for o in client.get(f"/api/v1/organisations?per_page=2&page={p}").json
    ]
    assert names == [f"单位{i}" for i in range(5)]


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("per_page=0", "per_page"),
        ("per_page=1001", "per_page"),
        ("page=x", "page"),
        ("page=0", "page"),
    ],
)
def test_bad_pagination_is_400_with_field(client, as_user, query, field):
    as_user()
    response = client.get(f"/api/v1/organisations?{query}")
    assert response.status_code == 400
    assert field in response.json["error"]["fields"]


@pytest.mark.parametrize(
    ("method", "path", "allowed"),
    [
        ("delete", "/api/v1/me", "GET, HEAD, OPTIONS, PATCH"),
        ("put", "/api/v1/tokens", "OPTIONS, POST"),
        ("post", "/api/v1/openapi.json", "GET, HEAD, OPTIONS"),
    ],
)
def test_a_405_says_which_methods_are_allowed(client, method, path, allowed):
    response = getattr(client, method)(path)
    assert response.status_code == 405
    assert response.headers["Allow"] == allowed
    assert response.json["error"]["code"] == "method_not_allowed"


def test_json_answers_are_never_cached(client, make_user):
    user = make_user("nocache", Role.ADMIN)
    headers = {"Authorization": f"Bearer {_token(client, user.username)}"}
    for response in (
        client.get("/api/v1/me", headers=headers),  # the caller's own data
        client.get("/api/v1/me"),  # 401
        client.get("/api/v1/no-such-thing", headers=headers),  # 404
        client.delete("/api/v1/me", headers=headers),  # 405
        client.get("/api/v1/openapi.json"),
    ):
        assert response.mimetype == "application/json"
        assert response.headers["Cache-Control"] == "no-store", response.status_code
