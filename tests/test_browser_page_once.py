"""The filling page once per visit, in a real phone-sized browser (Debian's chromium).

What reaches the server is counted there (the service worker's own fetches included): with the
worker active, a visit asks for the form once (a 304 while it did not change) and for no static
file; the worker keeps the page from the response it fetched; offline, the form still opens.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from werkzeug.serving import make_server

from checklists.core.extensions import db
from inspections.filling.models import Inspection
from tests import test_browser_offline
from tests.test_browser import PHONE
from tests.test_browser_offline import _login, _open_form, _phone, _show_item, _wait
from tests.test_templates import by_prompt

pytestmark = pytest.mark.browser
playwright = test_browser_offline.playwright
assigned = test_browser_offline.assigned


class Seen:
    """Every request that reached the app: (path with query, status), in order."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.rows: list[tuple[str, int]] = []
        self.last = time.monotonic()

    def wrap(self, app):
        inner = app.wsgi_app

        def counted(environ, start_response):
            query = environ.get("QUERY_STRING")
            path = environ["PATH_INFO"] + (f"?{query}" if query else "")

            def start(status, headers, exc_info=None):
                with self.lock:
                    self.rows.append((path, int(status.split()[0])))
                    self.last = time.monotonic()
                return start_response(status, headers, exc_info)

            return inner(environ, start)

        app.wsgi_app = counted

    def take(self, quiet: float = 2.0) -> list[tuple[str, int]]:
        """What the server saw until it has seen nothing for ``quiet`` seconds (the worker's
        work after a visit included), and start again."""
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with self.lock:
                if time.monotonic() - self.last >= quiet:
                    break
            time.sleep(0.1)
        with self.lock:
            rows, self.rows = self.rows, []
        return rows


@pytest.fixture
def counted_server(app_factory) -> Iterator[tuple[str, Seen]]:
    """A live server like ``live_server`` whose requests are counted."""
    app = app_factory(SESSION_COOKIE_SECURE=False, REMEMBER_COOKIE_SECURE=False)
    seen = Seen()
    seen.wrap(app)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}", seen
    finally:
        server.shutdown()
        thread.join(timeout=5)


def _kept(page, path: str) -> bool:
    """The worker's pages cache holds ``path``."""
    return page.evaluate(
        "(path) => caches.open('cc-pages-v1').then((c) => c.match(path)).then((r) => !!r)", path
    )


def _static(rows):
    return [r for r in rows if r[0].startswith("/static/")]


def test_a_visit_with_the_worker_active_fetches_the_page_once_and_no_static_file(
    playwright, counted_server, assigned, tmp_path
):
    base, seen = counted_server
    template, key = assigned
    fill = f"/inspections/{key}/fill"
    quotes = f"/templates/{template.id}/clauses.json"
    area = by_prompt(template, "储煤厂房建设面积")
    context = _phone(playwright, tmp_path / "profile")
    page = context.new_page()
    refused = []  # what the Content-Security-Policy blocked (the page's inline style, script)
    page.on("console", lambda m: refused.append(m.text) if "Security Policy" in m.text else None)
    assert page.viewport_size == PHONE
    _login(page, base)  # "stay logged in": a session cookie signed anew as time goes on
    seen.take()

    # first visit, no worker yet: the page and each file once; the worker keeps what the page
    # received (at most a 304 to check its copy), and fetches the quotes once
    _open_form(page, base, key)
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    assert _wait(page, lambda: _kept(page, fill) and _kept(page, quotes))
    first = seen.take()
    assert [s for p, s in first if p == fill][0] == 200
    assert [s for p, s in first if p == fill][1:] in ([], [304]), first
    assert [s for p, s in first if p == quotes] == [200], first
    statics = [p for p, _s in _static(first)]
    assert statics and len(statics) == len(set(statics)), first  # each file once
    assert all(s == 200 for _p, s in _static(first)), first

    # later visits, the worker active: the page once (unchanged: 304), nothing else but the
    # browser's check for a new worker (304)
    for _visit in range(2):
        _open_form(page, base, key)
        assert page.evaluate("navigator.serviceWorker.controller !== null")
        later = seen.take()
        assert [(p, s) for p, s in later if p == fill] == [(fill, 304)], later
        assert _static(later) == [] and [r for r in later if r[0] not in (fill, "/sw.js")] == []
        assert all(s == 304 for p, s in later if p == "/sw.js"), later
        assert page.locator(f"#i{area.id}").count() == 1

    # the list page asks the worker to keep the forms: the one just fetched is not asked again
    page.goto(f"{base}/inspections/")
    page.wait_for_function("() => document.documentElement.classList.contains('js')")
    listed = seen.take()
    assert [p for p, _s in listed if p in (fill, quotes)] == [] and _static(listed) == [], listed

    # the form changes on the server: the next visit gets the whole new page, and keeps it
    db.session.remove()
    inspection = db.session.scalar(sa.select(Inspection).where(Inspection.uuid == key))
    inspection.project = "东郊配送点"
    db.session.commit()
    _open_form(page, base, key)
    assert "东郊配送点" in page.inner_text("h1")
    changed = seen.take()
    assert [(p, s) for p, s in changed if p == fill] == [(fill, 200)] and not _static(changed)

    # offline: the form, its style and its script come from the worker
    context.set_offline(True)
    page.wait_for_function("() => !navigator.onLine")  # in force before the next input
    page.reload()
    page.wait_for_function("() => document.documentElement.classList.contains('js')")
    assert "东郊配送点" in page.inner_text("h1")
    assert page.evaluate("getComputedStyle(document.body).marginTop") == "0px"  # app.css
    _show_item(page, area.id)
    page.fill(f"#i{area.id} input[name=a{area.id}][type=text]", "480")
    page.locator(f"#i{area.id} input[name=a{area.id}][type=text]").blur()
    assert _wait(page, lambda: "待同步 1" in page.inner_text("#sync"))
    assert [r for r in seen.take(quiet=0.5) if r[0] != "/sw.js"] == []
    assert refused == []
    context.close()
