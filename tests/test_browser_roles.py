"""Every page each role can reach, at 360 px in a real browser (Debian's chromium), on the demo
data: no sideways scroll and no English status words, codes or units shown as text to a Chinese
user. The walk follows the links a role sees from its home page (a few pages per kind of
address), so a new page is walked as soon as it is linked.

Skipped when no chromium is installed, unless REQUIRE_BROWSER=1 (set by .ci/run), which fails.
"""

from __future__ import annotations

import re
from collections import deque
from urllib.parse import urldefrag, urlparse

import pytest

from checklists.demo import data as demo
from tests.conftest import load_demo_once
from tests.test_browser import _login, _phone, browser  # noqa: F401 (the module's browser)

pytestmark = pytest.mark.browser

#: Codes that must never reach a Chinese reader as text (statuses, severities, results, units,
#: kinds, Python's and JavaScript's empty values).
CODES = re.compile(
    r"(?<![\w/.-])("
    r"approved|submitted|planned|in_progress|returned|draft|open|closed|resolved|verified"
    r"|major|minor|critical|pass|fail|unanswered|committed|drawn|published|void|listed"
    r"|proposed|year|years|month|months|day|days|hour|hours|working_day|working days"
    r"|yes_no|number|count|choice|parts|date_pair|government"  # "enterprise" is a demo username
    r"|None|null|undefined|NaN|True|False"
    r")(?![\w/.-])"
)
#: Addresses not walked: leaving, switching language, files and feeds, photos.
SKIP = re.compile(
    r"/logout|/lang/|\.(pdf|csv|xlsx|json)(\?|$)|/static/|/photos/|/files/|/sw\.js|/export"
    r"|/download|openapi"
)
PER_KIND = 1  # addresses of one shape (ids replaced by N) walked per role
LIMIT = 35  # pages per role


def _kind(path: str) -> str:
    return re.sub(r"\d+|[0-9a-f]{8}-[0-9a-f-]{27}", "N", path)


def _links(page, base: str) -> list[str]:
    hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
    out = []
    for href in hrefs:
        url, _fragment = urldefrag(href)
        if url.startswith(base) and not SKIP.search(urlparse(url).path + "?"):
            out.append(url)
    return out


def _problems(page) -> list[str]:
    found = []
    width = page.evaluate("document.documentElement.scrollWidth")
    if width > 360:
        found.append(f"scrolls sideways: {width}px")
    text = page.evaluate(
        """() => { const main = document.querySelector('main') || document.body;
                   const copy = main.cloneNode(true);
                   copy.querySelectorAll('script, style, textarea, [hidden]')
                       .forEach(e => e.remove());
                   return copy.innerText; }"""
    )
    for match in CODES.finditer(text):
        start = max(0, match.start() - 20)
        context = " ".join(text[start : match.end() + 20].split())
        found.append(f"English code {match.group(1)!r} in “{context}”")
    return found


@pytest.mark.parametrize("username", ["admin", "author", "inspector", "supervisor", "enterprise"])
def test_every_page_a_role_reaches_fits_a_phone_and_speaks_chinese(
    browser,  # noqa: F811
    live_server,
    app_ctx,
    username,
):
    load_demo_once()
    context = _phone(browser)
    page = context.new_page()
    _login(page, live_server, username, demo.DEMO_PASSWORD)
    seen_kinds: dict[str, int] = {}
    queue, visited, report = deque([f"{live_server}/"]), set(), {}
    while queue and len(visited) < LIMIT:
        url = queue.popleft()
        kind = _kind(urlparse(url).path)
        if url in visited or seen_kinds.get(kind, 0) >= PER_KIND:
            continue
        visited.add(url)
        seen_kinds[kind] = seen_kinds.get(kind, 0) + 1
        response = page.goto(url)
        if (
            response is None
            or response.status >= 400
            or "text/html" not in (response.headers.get("content-type", ""))
        ):
            continue
        problems = _problems(page)
        if problems:
            report[url.removeprefix(live_server)] = problems
        queue.extend(u for u in _links(page, live_server) if u not in visited)
    context.close()
    assert len(visited) >= 5, visited  # the walk went somewhere
    assert report == {}, "\n".join(f"{url}: {p}" for url, ps in report.items() for p in ps)
