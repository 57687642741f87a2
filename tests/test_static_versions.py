"""Static files versioned by content: the service worker's static cache and the URLs it keeps
change exactly when a shell file's bytes change; the pages cache never does."""

from __future__ import annotations

import pathlib
import re
import shutil

from checklists.core.assets import IMMUTABLE

STATIC = pathlib.Path(__file__).resolve().parent.parent / "static"


def _worker(app) -> tuple[str, str, list[str]]:
    """The static cache name, the pages cache name and the shell URLs of the served /sw.js."""
    response = app.test_client().get("/sw.js")
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-cache"
    body = response.get_data(as_text=True)
    static = re.search(r'^var STATIC = "([^"]+)";$', body, re.M).group(1)
    pages = re.search(r'^var PAGES = "([^"]+)";$', body, re.M).group(1)
    shell = re.findall(r'"(/static/[^"]+)"', re.search(r"^var SHELL = (.*);$", body, re.M)[1])
    return static, pages, shell


def _app(app_factory, folder):
    app = app_factory()
    app.static_folder = str(folder)
    return app


def test_the_static_cache_follows_the_shell_files_bytes(app_factory, tmp_path):
    folder = tmp_path / "static"
    shutil.copytree(STATIC, folder)
    first = _app(app_factory, folder)
    static, pages, shell = _worker(first)
    assert re.fullmatch(r"cc-static-[0-9a-f]{12}", static) and pages == "cc-pages-v1"
    assert [u.split("?")[0] for u in shell] == [
        "/static/css/app.css",
        "/static/js/inspect.js",
        "/static/js/photo.js",
        "/static/favicon.svg",
    ]
    assert all(re.search(r"\?v=[0-9a-f]{12}$", u) for u in shell)

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
    assert [a == b for a, b in zip(shell, changed_shell, strict=True)] == [False, True, True, True]

    # the same bytes again: the first names again
    css.write_bytes((STATIC / "css" / "app.css").read_bytes())
    assert _worker(_app(app_factory, folder)) == (static, pages, shell)


def test_pages_name_static_files_by_version_and_those_are_cached_for_good(client):
    html = client.get("/login").get_data(as_text=True)
    [css] = re.findall(r'href="(/static/css/app\.css[^"]*)"', html)
    _static, _pages, shell = _worker(client.application)
    assert css in shell  # the URL the worker keeps is the one the pages use
    assert _cache_control(client, css) == IMMUTABLE
    # without the version, or with another one: revalidated as before
    assert _cache_control(client, "/static/css/app.css") == "no-cache"
    assert _cache_control(client, "/static/css/app.css?v=000000000000") == "no-cache"


def _cache_control(client, url: str) -> str:
    with client.get(url) as response:  # a static file is streamed: close it
        assert response.status_code == 200
        return response.headers["Cache-Control"]
