"""Issue 22, item 5: failed logins are counted per username (known or not) and per client
address, over the web form and the token endpoint together, in storage every worker shares
(the database by default, Redis when configured), with a 429 that says how long."""

from __future__ import annotations

import uuid

import redis

from checklists.accounts import throttle
from tests.conftest import PASSWORD, csrf_token

TOKENS = "/api/v1/tokens"


def _form(client, username, password, address="10.0.0.1"):
    data = {"username": username, "password": password, "csrf_token": csrf_token(client)}
    return client.post("/login", data=data, environ_base={"REMOTE_ADDR": address})


def _token(client, username, password, address="10.0.0.1"):
    body = {"username": username, "password": password}
    return client.post(TOKENS, json=body, environ_base={"REMOTE_ADDR": address})


def test_one_username_is_locked_whatever_the_addresses(app_factory, make_user):
    """Five guesses from five addresses lock the account for a minute; another user of the
    same addresses is not locked."""
    client = app_factory().test_client()
    make_user("zhao")
    make_user("qian")
    for n in range(5):
        assert _form(client, "zhao", "wrong", f"10.0.1.{n}").status_code == 200
    locked = _form(client, "zhao", PASSWORD, "10.0.1.99")
    assert locked.status_code == 429
    assert 0 < int(locked.headers["Retry-After"]) <= 60
    assert "登录失败次数过多" in locked.get_data(as_text=True)
    assert _form(client, "qian", PASSWORD, "10.0.1.0").status_code == 302


def test_web_form_and_token_endpoint_share_the_counts(app_factory, make_user):
    client = app_factory(LOGIN_RATE_LIMIT="3 per minute").test_client()
    make_user("sun")
    assert _form(client, "sun", "wrong").status_code == 200
    assert _token(client, "sun", "wrong").status_code == 401
    assert _form(client, "sun", "wrong").status_code == 200
    locked = _token(client, "sun", PASSWORD)
    assert locked.status_code == 429
    assert locked.json["error"]["code"] == "rate_limited"
    assert "分钟后再试" in locked.json["error"]["message"]
    assert int(locked.headers["Retry-After"]) > 0
    assert _form(client, "sun", PASSWORD).status_code == 429


def test_unknown_usernames_are_counted_the_same_way(app_factory, make_user):
    """The lock of an account that does not exist looks like the lock of one that does."""
    client = app_factory(LOGIN_RATE_LIMIT="2 per minute").test_client()
    make_user("li")
    answers = {}
    for name in ("li", "nobody-here"):
        for _ in range(2):
            assert _token(client, name, "wrong").status_code == 401
        locked = _token(client, name, "wrong")
        answers[name] = (locked.status_code, locked.json, locked.headers["Retry-After"])
    assert answers["li"] == answers["nobody-here"]
    assert answers["li"][0] == 429


def test_an_office_behind_one_address_keeps_working(app_factory, make_user):
    """Thirty colleagues behind one NAT each mistype once, then log in."""
    client = app_factory().test_client()
    for n in range(30):
        make_user(f"clerk{n}")
    for n in range(30):
        assert _token(client, f"clerk{n}", "wrong", "192.0.2.7").status_code == 401
    for n in range(30):
        assert _token(client, f"clerk{n}", PASSWORD, "192.0.2.7").status_code == 201


def test_one_address_trying_many_accounts_is_locked(app_factory, make_user):
    client = app_factory(LOGIN_ADDRESS_RATE_LIMIT="4 per hour").test_client()
    make_user("zhou")
    for n in range(4):
        assert _token(client, f"guess{n}", "wrong", "198.51.100.1").status_code == 401
    locked = _token(client, "zhou", PASSWORD, "198.51.100.1")
    assert locked.status_code == 429
    assert 3540 < int(locked.headers["Retry-After"]) <= 3600
    # the same account from elsewhere is not locked
    assert _token(client, "zhou", PASSWORD, "198.51.100.2").status_code == 201


def test_the_database_shares_the_counts_between_workers(app_factory, make_user):
    """Two apps (two workers, or two hosts) on one database: a guess on one counts on the
    other. The default storage, with no Redis configured."""
    make_user("wu")
    first, second = app_factory(), app_factory()
    with first.app_context():
        assert isinstance(throttle.current().strategy.storage, throttle.DatabaseStorage)
    for n in range(3):
        assert _form(first.test_client(), "wu", "wrong", f"10.9.0.{n}").status_code == 200
    for n in range(2):
        assert _token(second.test_client(), "wu", "wrong", f"10.9.1.{n}").status_code == 401
    assert _token(second.test_client(), "wu", PASSWORD).status_code == 429
    assert _form(first.test_client(), "wu", PASSWORD).status_code == 429


def test_redis_shares_the_counts_when_configured(app_factory, make_user):
    redis.Redis(host="127.0.0.1", port=6379, socket_connect_timeout=2).ping()
    config = {
        "RATELIMIT_STORAGE_URI": "redis://127.0.0.1:6379/15",
        "RATELIMIT_KEY_PREFIX": f"test-{uuid.uuid4().hex}",
        "LOGIN_RATE_LIMIT": "2 per minute",
    }
    make_user("zheng")
    first, second = app_factory(**config), app_factory(**config)
    for _ in range(2):
        assert _token(first.test_client(), "zheng", "wrong").status_code == 401
    assert _token(second.test_client(), "zheng", PASSWORD).status_code == 429


def test_a_correct_password_is_not_counted(app_factory, make_user):
    client = app_factory(LOGIN_RATE_LIMIT="2 per minute").test_client()
    make_user("feng")
    for _ in range(5):
        assert _token(client, "feng", PASSWORD).status_code == 201


def test_calls_with_a_token_are_never_throttled(app_factory, make_user):
    """After its login is locked, a phone that already holds a token still sends its whole
    outbox: only logins are counted (here: forty writes to its own account)."""
    client = app_factory(LOGIN_RATE_LIMIT="1 per minute").test_client()
    make_user("chen")
    token = _token(client, "chen", PASSWORD).json["token"]
    assert _token(client, "chen", "wrong").status_code == 401
    assert _token(client, "chen", PASSWORD).status_code == 429
    headers = {"Authorization": f"Bearer {token}"}
    for n in range(40):
        response = client.patch("/api/v1/me", json={"display_name": f"陈{n}"}, headers=headers)
        assert response.status_code == 200
