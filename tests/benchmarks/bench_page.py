"""Benchmark: the filling page on a slow phone, first visit and the next (a regression check).

Run: .venv/bin/python tests/benchmarks/bench_page.py [--runs 5] [--verbose]
     [--latency 400] [--rate 50000] [--cpu 4]
Not collected by pytest (no test_ functions). Needs Debian's chromium (never downloads one).
Exits 1 when an aim is missed.

The app (a published 60-item template and an inspection of it, built by bench_sync.py's
``prepare``; SQLite in a temporary folder) runs in Werkzeug's threaded server in this process,
warmed up (templates compiled) before each run; every request that reaches it is counted with
its bytes (status line, headers, body). The app compresses its own text answers (gzip level 6,
``wsgi._gzip``; nginx compresses static files at level 5), so sizes are compressed sizes as a
phone receives them. HTTP/1.1 headers are counted as sent by the app (behind nginx, HTTP/2
sends them smaller, and nginx's static answers carry fewer).

Each run: a fresh browser context (empty cache, no service worker) at 360×740, logged in as the
inspector with "stay logged in" (as a field phone is), then
1. first visit to ``/inspections/<uuid>/fill`` under the slow profile: CDP
   ``Network.emulateNetworkConditions`` latency 400 ms, 50,000 B/s down and up (400 kbit/s),
   and ``Emulation.setCPUThrottlingRate`` 4.
   - first load: bytes on the wire of the document and every subresource it loads up to the
     load event (CSS, JS): the sum of CDP ``Network.loadingFinished`` encodedDataLength, which
     counts the response headers too; "bodies" leaves them out. What starts after the load
     (the service worker script, the clause quotes the worker keeps for offline use, the icon)
     is listed apart, as the server saw it.
   - first usable input: ms from navigation start until the first answer input of the shown
     section is usable: the later of the ``cc-ready`` performance mark (set by inspect.js once
     it has run: the section shown and every input's handlers attached; a deferred script runs
     after the parsing and the style sheets) and the first contentful paint. The input is
     checked to be visible and enabled then.
2. second visit, once the worker is active: a new tab in the same context (the worker's own
   target is given the same network conditions: the page's CDP session does not reach the
   worker's fetches); the requests that reached the server, their bytes, and the time to the
   first usable input.

Medians of the runs are printed with the aims: first load ≤ 30 KB (on the wire, headers
included), first usable input ≤ 1.2 s; the second visit asks for the page once (a 304 when it
did not change) and for no static file (the browser's check for a new /sw.js may add a 304).
The figures depend on the machine: a 4× CPU slowdown of a busy core is slower than of an idle
one; compare with the same command on the code before a change.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_sync import INSPECTOR, PASSWORD, prepare  # noqa: E402
from werkzeug.serving import make_server  # noqa: E402

from checklists.core.extensions import db  # noqa: E402
from wsgi import create_app  # noqa: E402

FIRST_LOAD_AIM = 30 * 1024
USABLE_AIM_MS = 1200
PHONE = {"width": 360, "height": 740}
SLOW = {"offline": False, "latency": 400, "downloadThroughput": 50_000, "uploadThroughput": 50_000}
CPU = {"rate": 4}
ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
QUIET_S = 2.5  # the server saw nothing for this long: the visit's work is done

USABLE = """() => {
  const ready = performance.getEntriesByName("cc-ready")[0];
  const paint = performance.getEntriesByName("first-contentful-paint")[0];
  const nav = performance.getEntriesByType("navigation")[0];
  const input = [...document.querySelectorAll(
    "#fill .fill-section:not([hidden]) .item input:not([type=hidden]):not(.photo-input)")]
    .find((el) => el.offsetParent !== null);
  return {
    ready: ready ? ready.startTime : null,
    paint: paint ? paint.startTime : null,
    html: nav ? nav.responseEnd : null,
    dcl: nav ? nav.domContentLoadedEventStart : null,
    load: nav ? nav.loadEventEnd : null,
    input: input ? { name: input.name, enabled: !input.disabled } : null,
  };
}"""


class Counting:
    """WSGI middleware: every request that reaches the app, with the bytes of its answer."""

    def __init__(self, app) -> None:
        self.app = app
        self.lock = threading.Lock()
        self.seen: list[dict] = []
        self.last = time.monotonic()

    def __call__(self, environ, start_response):
        query = environ.get("QUERY_STRING")
        record = {"path": environ["PATH_INFO"] + (f"?{query}" if query else ""), "bytes": 0}

        def start(status, headers, exc_info=None):
            record["status"] = int(status.split()[0])
            record["bytes"] += len(f"HTTP/1.1 {status}\r\n\r\n")
            record["bytes"] += sum(len(k) + len(v) + 4 for k, v in headers)
            return start_response(status, headers, exc_info)

        with self.lock:
            self.seen.append(record)
            self.last = time.monotonic()
        for chunk in self.app(environ, start):
            record["bytes"] += len(chunk)
            yield chunk
        with self.lock:
            self.last = time.monotonic()

    def take(self, quiet: float = QUIET_S, limit: float = 60.0) -> list[dict]:
        """What the server saw, once it has seen nothing for ``quiet`` seconds; start again."""
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            with self.lock:
                if time.monotonic() - self.last >= quiet:
                    break
            time.sleep(0.1)
        with self.lock:
            seen, self.seen = self.seen, []
        return seen


def log_in(context, base: str) -> None:
    """Log the context in (its cookies; nothing in the browser's cache), remembered."""
    html = context.request.get(f"{base}/login").text()
    token = re.search(r'name="csrf-token" content="([^"]+)"', html).group(1)
    form = {"username": INSPECTOR, "password": PASSWORD, "remember": "y", "csrf_token": token}
    response = context.request.post(f"{base}/login", form=form, max_redirects=0)
    if response.status != 302:
        raise SystemExit(f"login failed: {response.status}")


def throttle_workers(browser) -> bool:
    """The slow profile for the running service workers too. False when none was reached."""
    try:
        session = browser.new_browser_cdp_session()
        done = False
        for target in session.send("Target.getTargets")["targetInfos"]:
            if target["type"] != "service_worker":
                continue
            attached = session.send(
                "Target.attachToTarget", {"targetId": target["targetId"], "flatten": False}
            )
            calls = [("Network.enable", {}), ("Network.emulateNetworkConditions", SLOW)]
            for n, (method, params) in enumerate(calls, start=1):
                message = json.dumps({"id": n, "method": method, "params": params})
                session.send(
                    "Target.sendMessageToTarget",
                    {"sessionId": attached["sessionId"], "message": message},
                )
            done = True
        return done
    except Exception as exc:  # another CDP version: said so, the visit still counted
        print(f"  (the worker is not throttled: {exc})")
        return False


def visit(context, base: str, key: str, server: Counting) -> dict:
    """One visit to the filling page under the slow profile: its figures."""
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    requests: dict[str, dict] = {}

    def sent(event):
        requests[event["requestId"]] = {"url": event["request"]["url"], "sw": False}

    def received(event):
        entry = requests.get(event["requestId"])
        if entry:
            entry["status"] = event["response"]["status"]
            entry["sw"] = bool(event["response"].get("fromServiceWorker"))
            entry["headers"] = event["response"].get("encodedDataLength", 0)

    def finished(event):
        entry = requests.get(event["requestId"])
        if entry:
            entry["bytes"] = event["encodedDataLength"]
            entry["at"] = time.monotonic()

    cdp.on("Network.requestWillBeSent", sent)
    cdp.on("Network.responseReceived", received)
    cdp.on("Network.loadingFinished", finished)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", SLOW)
    cdp.send("Emulation.setCPUThrottlingRate", CPU)
    server.take(quiet=0.5)
    page.goto(f"{base}/inspections/{key}/fill", wait_until="load")
    loaded_at = time.monotonic()
    page.wait_for_function("() => performance.getEntriesByName('cc-ready').length > 0")
    page.wait_for_function("() => performance.getEntriesByName('first-contentful-paint').length")
    timing = page.evaluate(USABLE)
    if timing["input"] is None or not timing["input"]["enabled"]:
        raise SystemExit(f"no usable answer input: {timing}")
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    seen = server.take()
    loads = [
        r
        for r in requests.values()
        if r.get("at", loaded_at + 1) <= loaded_at and not r["sw"] and r["url"].startswith("http")
    ]
    cdp.detach()
    page.close()
    return {
        "usable": max(timing["ready"], timing["paint"]),
        "timing": timing,
        "first_load": sum(r["bytes"] for r in loads),
        "bodies": sum(r["bytes"] - r.get("headers", 0) for r in loads),
        "loads": [(r["url"].replace(base, ""), r.get("status"), r["bytes"]) for r in loads],
        "server": seen,
    }


def run(browser, base: str, key: str, server: Counting) -> dict:
    context = browser.new_context(
        viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2, locale="zh-CN"
    )
    try:
        log_in(context, base)
        context.request.get(f"{base}/inspections/{key}/fill")  # a warm server
        first = visit(context, base, key, server)
        throttled = throttle_workers(browser)
        second = visit(context, base, key, server)
    finally:
        context.close()
    return {"first": first, "second": second, "worker_throttled": throttled}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--verbose", action="store_true", help="every request of every run")
    parser.add_argument("--latency", type=float, default=SLOW["latency"], help="ms (400)")
    parser.add_argument("--rate", type=float, default=SLOW["downloadThroughput"], help="B/s")
    parser.add_argument("--cpu", type=float, default=CPU["rate"], help="CPU slowdown (4)")
    args = parser.parse_args()
    SLOW.update(latency=args.latency, downloadThroughput=args.rate, uploadThroughput=args.rate)
    CPU["rate"] = args.cpu
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        raise SystemExit("no chromium (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder:
        app = create_app(
            {
                "SECRET_KEY": "bench",
                "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder}/bench.sqlite",
                "SESSION_COOKIE_SECURE": False,
                "REMEMBER_COOKIE_SECURE": False,
            }
        )
        with app.app_context():
            db.create_all()
            key = prepare()["uuid"]
            db.session.remove()
        counting = Counting(app.wsgi_app)
        app.wsgi_app = counting
        server = make_server("127.0.0.1", 0, app, threaded=True)
        thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        thread.start()
        base = f"http://127.0.0.1:{server.server_port}"
        results = []
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=chromium, args=ARGS, headless=True
                )
                for n in range(args.runs):
                    result = run(browser, base, key, counting)
                    results.append(result)
                    print(summary(n + 1, result))
                    if args.verbose:
                        details(result, key)
                browser.close()
        finally:
            server.shutdown()
            thread.join(timeout=5)
            with app.app_context():
                db.engine.dispose()
    sys.exit(0 if report(results, key) else 1)


def summary(n: int, result: dict) -> str:
    first, second = result["first"], result["second"]
    return (
        f"run {n}: first load {first['first_load']:,} B, usable {first['usable']:.0f} ms; "
        f"second visit {len(second['server'])} requests "
        f"{sum(r['bytes'] for r in second['server']):,} B, usable {second['usable']:.0f} ms"
    )


def details(result: dict, key: str) -> None:
    for name in ("first", "second"):
        visit_ = result[name]
        timing = visit_["timing"]
        print(
            f"  {name} visit: html {timing['html']:.0f} ms, dcl {timing['dcl']:.0f}, cc-ready "
            f"{timing['ready']:.0f}, first paint {timing['paint']:.0f}, load {timing['load']:.0f}"
        )
        for r in visit_["server"]:
            path = r["path"].replace(key, "<uuid>")
            print(f"    server: {r['status']} {r['bytes']:>7,} B  {path}")


def median(values) -> float:
    return statistics.median(list(values))


def report(results: list[dict], key: str) -> bool:
    firsts = [r["first"] for r in results]
    seconds = [r["second"] for r in results]
    middle = sorted(firsts, key=lambda f: f["first_load"])[len(firsts) // 2]
    print(
        f"\nthe filling page (60 items), {len(results)} runs, medians; latency "
        f"{SLOW['latency']:g} ms, {SLOW['downloadThroughput']:,.0f} B/s, CPU ×{CPU['rate']:g}"
    )
    print("first visit (empty cache, no service worker); the load:")
    for url, status, size in middle["loads"]:
        print(f"  {status} {size:>7,} B  {url.replace(key, '<uuid>')}")
    first_load = median(f["first_load"] for f in firsts)
    usable = median(f["usable"] for f in firsts)
    print(
        f"  first load {first_load:,.0f} B on the wire "
        f"({median(f['bodies'] for f in firsts):,.0f} B of bodies)"
    )
    after = Counter(
        (r["path"].split("?")[0].replace(key, "<uuid>"), r["status"])
        for f in firsts
        for r in f["server"]
    )
    print(f"  the server saw, over all runs (page, files, then the worker's): {dict(after)}")
    print(
        "  ms: cc-ready {:.0f}, first contentful paint {:.0f}, load {:.0f}".format(
            *(median(f["timing"][k] for f in firsts) for k in ("ready", "paint", "load"))
        )
    )
    print("second visit (the worker active):")
    requests = median(len(s["server"]) for s in seconds)
    sent = median(sum(r["bytes"] for r in s["server"]) for s in seconds)
    seen = Counter(
        (r["path"].split("?")[0].replace(key, "<uuid>"), r["status"])
        for s in seconds
        for r in s["server"]
    )
    print(f"  requests that reached the server: {requests:g}, {sent:,.0f} B")
    print(f"  over all runs: {dict(seen)}")
    throttled = all(r["worker_throttled"] for r in results)
    print(
        f"  usable {median(s['usable'] for s in seconds):.0f} ms"
        + ("" if throttled else " (the worker's fetches not throttled)")
    )
    pages = [sum(r["path"] == f"/inspections/{key}/fill" for r in s["server"]) for s in seconds]
    statics = [sum(r["path"].startswith("/static/") for r in s["server"]) for s in seconds]
    aims = [
        ("first load", f"{first_load / 1024:.1f} KB", "≤ 30 KB", first_load <= FIRST_LOAD_AIM),
        ("first usable input", f"{usable / 1000:.2f} s", "≤ 1.2 s", usable <= USABLE_AIM_MS),
        (
            "second visit",
            f"page {pages}, static {statics}",
            "page once, no static file",
            all(n == 1 for n in pages) and not any(statics),
        ),
    ]
    print("aims:")
    for name, value, aim, met in aims:
        print(f"  {name:<19} {value:<34} aim {aim:<26} {'PASS' if met else 'FAIL'}")
    return all(met for *_rest, met in aims)


if __name__ == "__main__":
    main()
