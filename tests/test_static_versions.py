"""Static files named by their content (name.<hash>.ext): the pages link to them, the app and
nginx send them immutable, and the service worker's static cache and the URLs it keeps change
exactly when a shell file's bytes change (the pages cache never does). The filling page and the
service worker answer a repeated request with 304 when nothing changed."""

from __future__ import annotations

import base64
import hashlib
import pathlib
import re
import shutil

import pytest
import sqlalchemy as sa

from checklists.accounts.models import Role
from checklists.core.assets import IMMUTABLE, MINIFIERS, hashed, unhashed
from checklists.core.extensions import db
from checklists.demo import templates as demo_templates
from inspections.filling import workflow
from inspections.filling.models import Inspection
from tests.conftest import import_gazettes, login
from tests.test_deploy import _get, site  # noqa: F401 (site: nginx with the site, a fixture)

STATIC = pathlib.Path(__file__).resolve().parent.parent / "static"
HASHED = re.compile(r"^/static/(.+)\.([0-9a-f]{12})(\.[a-z]+)$")


def _worker(app) -> tuple[str, str, list[str]]:
    """The static cache name, the pages cache name and the shell URLs of the served /sw.js."""
    response = app.test_client().get("/sw.js")
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-cache"
    body = response.get_data(as_text=True)
    static = re.search(r'^var STATIC = "([^"]+)";$', body, re.M).group(1)
    pages = re.search(r'^var PAGES = "([^"]+)";$', body, re.M).group(1)
    shell = re.findall(r'"(/static/[^"]+)"', re.search(r"^var SHELL = (.*);$", body, re.M)[1])
    return static, pages, shell


def _app(app_factory, folder, **config):
    app = app_factory(**config)
    app.static_folder = str(folder)
    return app


def _plain(url: str) -> str:
    found = HASHED.match(url)
    assert found, f"not a hashed static URL: {url}"
    return f"/static/{found[1]}{found[3]}"


def _sha(path: pathlib.Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


def test_hashed_names():
    assert hashed("js/inspect.js", "0123456789ab") == "js/inspect.0123456789ab.js"
    assert hashed("css/a.min.css", "0123456789ab") == "css/a.min.0123456789ab.css"
    assert hashed("LICENSE", "0123456789ab") is None and hashed(".hidden", "0123456789ab") is None
    assert unhashed("js/inspect.0123456789ab.js") == ("js/inspect.js", "0123456789ab")
    assert unhashed("css/a.min.0123456789ab.css") == ("css/a.min.css", "0123456789ab")
    for name in (
        "js/inspect.js",
        "js/inspect.0123456789.js",
        "js/0123456789ab.js",
        "x.ABCDEF012345.js",
    ):
        assert unhashed(name) == (name, None)


def test_the_static_cache_follows_the_shell_files_bytes(app_factory, tmp_path):
    folder = tmp_path / "static"
    shutil.copytree(STATIC, folder)
    first = _app(app_factory, folder)
    static, pages, shell = _worker(first)
    assert re.fullmatch(r"cc-static-[0-9a-f]{12}", static) and pages == "cc-pages-v1"
    assert [_plain(u) for u in shell] == [
        "/static/css/app.css",
        "/static/js/inspect.js",
        "/static/js/photo.js",
        "/static/js/conditions.js",
        "/static/favicon.svg",
    ]
    assert [HASHED.match(u)[2] for u in shell] == [
        _sha(folder / u.removeprefix("/static/")) for u in map(_plain, shell)
    ]

    # nothing changed, or only a file outside the shell: the same worker
    (folder / "js" / "print.js").write_text("window.print();\n", encoding="utf-8")
    (folder / "js" / "inspect.js").touch()  # a new mtime, the same bytes
    assert _worker(_app(app_factory, folder)) == (static, pages, shell)

    # one shell file's bytes change: a new static cache and that file's URL, nothing else
    css = folder / "css" / "app.css"
    css.write_bytes(css.read_bytes() + b"\n.new { color: red; }\n")
    assert _worker(first) == (static, pages, shell)  # read once per process
    changed_static, changed_pages, changed_shell = _worker(_app(app_factory, folder))
    assert changed_static != static and changed_pages == "cc-pages-v1"
    same = [a == b for a, b in zip(shell, changed_shell, strict=True)]
    assert same == [False] + [True] * (len(shell) - 1)

    # the same bytes again: the first names again
    css.write_bytes((STATIC / "css" / "app.css").read_bytes())
    assert _worker(_app(app_factory, folder)) == (static, pages, shell)


def _served(file) -> bytes:
    """The bytes the app sends for a static file: scripts and style sheets minified."""
    if file.suffix in MINIFIERS:
        return MINIFIERS[file.suffix][0](file.read_text("utf-8")).encode("utf-8")
    return file.read_bytes()


def _static_urls(html: str) -> list[str]:
    return re.findall(r'(?:href|src|data-photo-js)="(/static/[^"]+)"', html)


def _fetch(client, url: str, **headers):
    with client.get(url, headers=headers) as response:  # a static file is streamed: close it
        return response.status_code, response.headers, response.get_data()


@pytest.fixture
def form(app_ctx, make_org, make_user):
    """The clean-coal template, published, an inspection of it, and its inspector."""
    import_gazettes()
    [spec] = [t for t in demo_templates.TEMPLATES if t["name"].startswith("洁净煤")]
    template = demo_templates.build(spec, None)
    inspector = make_user("phone", role=Role.INSPECTOR)
    inspection, _created = workflow.create_inspection(template, make_org("鑫源煤业"), inspector)
    db.session.commit()
    return inspector, f"/inspections/{inspection.uuid}/fill"


@pytest.fixture
def conditional_form(form, make_org):
    """An inspection of the procurement template (visibility conditions: conditions.js)."""
    inspector, _fill = form
    [spec] = [t for t in demo_templates.TEMPLATES if t["name"].startswith("政府采购")]
    template = demo_templates.build(spec, None)
    inspection, _created = workflow.create_inspection(template, make_org("冠县某局"), inspector)
    db.session.commit()
    return f"/inspections/{inspection.uuid}/fill"


def test_every_static_url_of_the_pages_is_hashed_and_cached_for_good(
    client, form, conditional_form
):
    inspector, fill = form
    urls = set(_static_urls(client.get("/login").get_data(as_text=True)))
    login(client, inspector)
    for path in ("/", "/inspections/", fill, conditional_form):
        response = client.get(path)
        assert response.status_code == 200, path
        urls.update(_static_urls(response.get_data(as_text=True)))
    plain = {_plain(u) for u in urls}  # every one hashed
    assert {
        "/static/css/app.css",
        "/static/favicon.svg",
        "/static/js/confirm.js",
        "/static/js/inspect.js",
        "/static/js/photo.js",
        "/static/js/conditions.js",
    } <= plain
    _static, _pages, shell = _worker(client.application)
    assert set(shell) <= urls  # the worker keeps the very URLs the pages use
    for url in urls:
        status, headers, body = _fetch(client, url)
        file = STATIC / _plain(url).removeprefix("/static/")
        assert status == 200 and body == _served(file), url
        assert HASHED.match(url)[2] == _sha(file)
        assert headers["Cache-Control"] == IMMUTABLE, url
        # a static answer neither sets the session cookie nor varies on it
        assert "Set-Cookie" not in headers and "cookie" not in headers.get("Vary", "").lower()


def test_unhashed_and_old_names_are_still_served_but_revalidated(client):
    html = client.get("/login").get_data(as_text=True)
    [css] = [u for u in _static_urls(html) if "/css/app." in u]
    current = HASHED.match(css)[2]
    body = _served(STATIC / "css" / "app.css")
    for url in (
        "/static/css/app.css",  # the plain name
        "/static/css/app.000000000000.css",  # a name from before a deploy
        "/static/css/app.css?v=000000000000",  # the earlier form, an old version
    ):
        status, headers, got = _fetch(client, url)
        assert (status, got, headers["Cache-Control"]) == (200, body, "no-cache"), url
        assert headers["ETag"]  # revalidated: 304 when unchanged
        status, _headers, _got = _fetch(client, url, **{"If-None-Match": headers["ETag"]})
        assert status == 304
    # pages made before hashed names link to ?v=<hash>: still for good when current
    status, headers, _got = _fetch(client, f"/static/css/app.css?v={current}")
    assert status == 200 and headers["Cache-Control"] == IMMUTABLE
    assert _fetch(client, "/static/css/nothing.0123456789ab.css")[0] == 404
    assert _fetch(client, "/static/js/../../wsgi.0123456789ab.py")[0] == 404


def test_a_file_whose_real_name_looks_hashed_is_sent_as_it_is(app_factory, tmp_path):
    folder = tmp_path / "static"
    (folder / "js").mkdir(parents=True)
    (folder / "js" / "lib.js").write_text("var plain;\n")
    (folder / "js" / "lib.0123456789ab.js").write_text("var vendored;\n")
    app = _app(app_factory, folder)
    with app.test_request_context():
        from flask import url_for

        assert url_for("static", filename="js/lib.0123456789ab.js").startswith(
            "/static/js/lib.0123456789ab."
        )
    status, headers, body = _fetch(app.test_client(), "/static/js/lib.0123456789ab.js")
    assert (status, body, headers["Cache-Control"]) == (200, b"var vendored;", "no-cache")


def test_scripts_and_style_sheets_are_sent_minified_unless_switched_off(app_factory, tmp_path):
    folder = tmp_path / "static"
    (folder / "js").mkdir(parents=True)
    source = "// the form\nfunction  add ( a, b ) {\n  return a + b;  // sum\n}\n"
    (folder / "js" / "sum.js").write_text(source)
    (folder / "site.css").write_text("/* colours */\nbody {\n  color : red ;\n}\n")
    (folder / "note.txt").write_text("  as written  \n")
    on = _app(app_factory, folder)
    for path, expected in (
        ("/static/js/sum.js", b"function add(a,b){return a+b;}"),
        ("/static/site.css", b"body{color:red}"),
        ("/static/note.txt", b"  as written  \n"),
    ):
        status, headers, body = _fetch(on.test_client(), path)
        assert (status, body) == (200, expected), path
        assert headers["ETag"]
        assert _fetch(on.test_client(), path, **{"If-None-Match": headers["ETag"]})[0] == 304
    assert _fetch(on.test_client(), "/static/js/sum.js")[1]["Content-Type"].startswith(
        "text/javascript"
    )
    off = _app(app_factory, folder, STATIC_MINIFY=False)
    assert _fetch(off.test_client(), "/static/js/sum.js")[2] == source.encode()


def test_the_filling_page_answers_304_while_it_shows_the_same(app, form):
    inspector, fill = form
    phone = app.test_client()
    login(phone, inspector)
    first = phone.get(fill, headers={"Accept-Encoding": "gzip"})
    assert first.status_code == 200 and first.headers["Content-Encoding"] == "gzip"
    etag = first.headers["ETag"]
    assert first.headers["Cache-Control"] == "private, no-cache"
    again = phone.get(fill)
    # each render signs the CSRF token anew; the ETag leaves that out
    token = re.compile(r'name="csrf-token" content="([^"]+)"')
    assert token.search(again.get_data(as_text=True))
    assert again.headers["ETag"].strip("W/") == etag.strip("W/")
    repeat = phone.get(fill, headers={"If-None-Match": etag, "Accept-Encoding": "gzip"})
    assert repeat.status_code == 304 and repeat.get_data() == b""
    assert repeat.headers["ETag"].strip("W/") == etag.strip("W/")

    # another session (a new login on this or another phone) never gets this copy's 304
    other = app.test_client()
    login(other, inspector)
    assert other.get(fill, headers={"If-None-Match": etag}).status_code == 200

    # the page changes: the whole new page
    inspection = db.session.scalar(sa.select(Inspection))
    inspection.project = "东郊配送点"
    db.session.commit()
    changed = phone.get(fill, headers={"If-None-Match": etag})
    assert changed.status_code == 200 and "东郊配送点" in changed.get_data(as_text=True)
    assert changed.headers["ETag"] != etag


def test_the_service_worker_answers_304_when_unchanged(client):
    first = client.get("/sw.js")
    assert first.status_code == 200 and first.headers["ETag"]
    assert first.headers["Cache-Control"] == "no-cache"
    again = client.get("/sw.js", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and again.get_data() == b""


def test_the_pdf_style_sheets_are_read_by_their_hashed_names(app):
    pytest.importorskip("weasyprint.urls")
    from checklists.core.pdf import _static_fetcher

    fetcher = _static_fetcher(app.static_folder)
    with app.test_request_context():
        from flask import url_for

        url = url_for("static", filename="css/notice.css")
    assert HASHED.match(url)
    response = fetcher.fetch("http://pdf.invalid" + url)
    assert response.read() == (STATIC / "css" / "notice.css").read_bytes()


# --- nginx (deploy/nginx/clausecheck.conf) ------------------------------------------------------


def test_nginx_serves_hashed_names_for_good(site):  # noqa: F811 (the fixture)
    css = STATIC / "css" / "app.css"
    response, body = _get(site, f"/static/css/app.{_sha(css)}.css")
    assert response.status == 200 and body == css.read_bytes()
    assert response.getheader("Cache-Control") == IMMUTABLE
    assert response.getheader("Content-Type").startswith("text/css")
    assert response.getheader("X-Content-Type-Options") == "nosniff"
    assert response.getheader("Strict-Transport-Security")
    icon = STATIC / "favicon.svg"
    response, body = _get(site, f"/static/favicon.{_sha(icon)}.svg")
    assert response.status == 200 and body == icon.read_bytes()
    assert response.getheader("Content-Type").startswith("image/svg+xml")
    # the plain name: revalidated; the earlier ?v= form: for good
    response, _body = _get(site, "/static/css/app.css")
    assert response.getheader("Cache-Control") == "no-cache"
    response, _body = _get(site, f"/static/css/app.css?v={_sha(css)}")
    assert response.getheader("Cache-Control") == IMMUTABLE
    # a hashed name of no file; nothing outside static/
    assert _get(site, "/static/css/nothing.0123456789ab.css")[0].status == 404
    for outside in ("/static/../wsgi.0123456789ab.py", "/static/%2e%2e/wsgi.0123456789ab.py"):
        _response, body = _get(site, outside)
        assert b"create_app" not in body


def test_nginx_site_and_app_agree_on_the_hashed_name(client):
    """The names nginx takes apart are the names the app makes."""
    site_conf = (STATIC.parent / "deploy" / "nginx" / "clausecheck.conf").read_text()
    pattern = re.search(r'location ~ "(\^/static/[^"]+)"', site_conf).group(1)
    nginx = re.compile(pattern.replace("?<", "?P<"))
    for url in _static_urls(client.get("/login").get_data(as_text=True)):
        found = nginx.match(url)
        assert found, url
        assert f"/static/{found['clausecheck_stem']}{found['clausecheck_ext']}" == _plain(url)


def test_the_filling_page_carries_its_style_inside_allowed_by_hash_and_only_there(client, form):
    """A slow phone's first visit: no round trip for the style sheet before the first paint,
    the js class set before it, the script asked for at once. The policy allows exactly
    those inline texts, by their hashes."""
    inspector, fill = form
    login(client, inspector)
    response = client.get(fill)
    html = response.get_data(as_text=True)
    policy = response.headers["Content-Security-Policy"]
    [style] = re.findall(r"<style>(.*?)</style>", html, re.S)
    assert style.encode() == _served(STATIC / "css" / "app.css")
    scripts = re.findall(r"<script>(.*?)</script>", html, re.S)
    assert scripts == ['document.documentElement.classList.add("js")']
    for text, directive in ((style, "style-src"), (scripts[0], "script-src")):
        digest = base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
        [sources] = [p for p in policy.split(";") if p.strip().startswith(directive)]
        assert f"'sha256-{digest}'" in sources.split() and "'unsafe-inline'" not in sources
    assert 'rel="stylesheet"' not in html
    [preload] = re.findall(r'<link rel="preload" href="([^"]+)" as="script">', html)
    assert preload in _static_urls(html) and "/js/inspect." in preload
    assert 'class="card fill-section active" id="s1"' in html  # shown before the script runs
    other = client.get("/inspections/").get_data(as_text=True)
    assert "<style>" not in other and 'rel="stylesheet"' in other
