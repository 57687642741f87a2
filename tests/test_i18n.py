"""Chinese first, English second; every UI string translated; dates written the Chinese way."""

from __future__ import annotations

import datetime as dt
import pathlib

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from flask_babel import force_locale, format_date

ROOT = pathlib.Path(__file__).resolve().parent.parent
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "_l": None, "lazy_gettext": None}


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (None, "登录条款核查"),
        ("zh-CN,zh;q=0.9", "登录条款核查"),
        ("en-US,en;q=0.8", "Log in to ClauseCheck"),
        ("fr-FR", "登录条款核查"),
    ],
)
def test_language_follows_accept_language(client, header, expected):
    headers = {"Accept-Language": header} if header else {}
    assert expected in client.get("/login", headers=headers).get_data(as_text=True)


def test_language_switch_for_anonymous_visitors(client):
    from tests.conftest import csrf_token

    token = csrf_token(client)
    client.post("/lang/en", data={"csrf_token": token, "next": "/login"})
    assert "Log in to ClauseCheck" in client.get("/login").get_data(as_text=True)


def test_error_pages_in_chinese(client, as_user):
    response = client.get("/no-such-page")
    assert response.status_code == 404
    html = response.get_data(as_text=True)
    assert "页面不存在" in html and 'lang="zh-CN"' in html
    as_user()
    assert "您的角色无权访问此页面" in client.get("/admin/users").get_data(as_text=True)


def test_500_page_in_chinese(app, client):
    @app.route("/boom")
    def boom():
        raise RuntimeError("boom")

    response = client.get("/boom")
    assert response.status_code == 500
    assert "服务器出错了" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("locale", "expected"), [("zh", "2026年11月21日"), ("en", "November 21, 2026")]
)
def test_dates(app, locale, expected):
    with app.test_request_context(), force_locale(locale):
        assert format_date(dt.date(2026, 11, 21), "long") == expected


def test_every_ui_string_has_a_chinese_translation():
    with (ROOT / "checklists/translations/zh/LC_MESSAGES/messages.po").open("rb") as po:
        catalogue = read_po(po, locale="zh")
    translated = {m.id for m in catalogue if m.id and m.string and not m.fuzzy}
    method_map = [("**.py", "python"), ("templates/**.html", "jinja2")]
    found = set()
    for _filename, _lineno, message, _comments, _context in extract_from_dir(
        str(ROOT),
        method_map=method_map,
        keywords=KEYWORDS,
        # Hidden folders (.venv, .venv-fuzz of the fuzz benchmark, .git) are not the app's.
        directory_filter=lambda d: (
            not pathlib.Path(d).name.startswith(".")
            and pathlib.Path(d).name not in {"tests", "node_modules"}
        ),
    ):
        found.add(message if isinstance(message, str) else message[0])
    missing = sorted(found - translated)
    assert not missing, f"run make i18n and translate: {missing}"
    assert len(found) > 100
