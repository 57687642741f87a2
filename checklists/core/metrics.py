"""Prometheus metrics: ``GET /metrics``, one answer for every gunicorn worker.

Each process writes its counters to small files (prometheus_client's multiprocess mode) in a
folder shared by the workers of one gunicorn master; a scrape, answered by any worker, adds
them up. Nothing is for the operator to set: the folder (``PROMETHEUS_MULTIPROC_DIR``) is
chosen here, before prometheus_client is imported, when the environment does not name one:
``<tmp>/clausecheck-metrics-<uid>/<master pid>-<its start time>``, where the master is the
gunicorn master whose worker this is (the parent of a worker; the process itself with
``--preload``, under the Flask dev server, in tests and ``flask`` commands). Folders of
masters that are gone are removed when the next one starts; a process that made its own
folder removes it at exit. A folder named by the operator is used as it is (theirs to clean).

Dead workers: a worker's counts outlive it (they are part of the totals). At each scrape, the
files of workers that are gone are folded into one archive per kind and removed, and their
"live" gauges (requests in progress) dropped, so that neither restarts (``max_requests``) nor
a killed worker leave stale values or a growing pile of files. gunicorn's ``child_exit`` hook
(``child_exit`` below) drops a dead worker's live gauges at once; it is optional.

Who may read: loopback (behind ``PROXY_COUNT`` proxies, the client they saw: a request
forwarded from outside is not loopback), or ``Authorization: Bearer <METRICS_TOKEN>``.
Anyone else gets the 404 of a page that does not exist.

Gauges computed at scrape time (queue depth, say) come from ``register_collector`` or
``register_gauge``; counters that must only move when a transaction commits use
``count_on_commit``.
"""

from __future__ import annotations

import atexit
import glob
import hmac
import ipaddress
import logging
import os
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from flask import Blueprint, Flask, Response, abort, current_app, g, request
from sqlalchemy import event, orm

from checklists.core.extensions import db

#: prometheus_client's own variable: the folder of the per-process files.
ENV = "PROMETHEUS_MULTIPROC_DIR"
#: The folder this module chose (so that a child process, which inherits both, chooses its
#: own instead of writing into its parent's).
CHOSEN = "CLAUSECHECK_METRICS_DIR"

log = logging.getLogger(__name__)


def _process_start(pid: int) -> str:
    """The start time of process ``pid`` (clock ticks since boot, Linux), "" where unknown:
    with the pid it names one process, even after the pid is reused."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            fields = stat.read().rsplit(b")", 1)[1].split()
        return fields[19].decode()
    except (OSError, IndexError):
        return ""


def _alive(pid: int, start: str | None = None) -> bool:
    """Whether process ``pid`` runs (and, given its start time, is still that process)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # another user's process: it exists
    except OSError:
        return False
    return not start or _process_start(pid) in ("", start)


def _gunicorn_master() -> int | None:
    """The pid of the gunicorn master running this process: found on the call stack (a
    worker loads the app from the master's ``spawn_worker``; with ``--preload`` the master
    loads it in ``setup``); None when no arbiter is on the stack."""
    arbiter = sys.modules.get("gunicorn.arbiter")
    if arbiter is None:
        return None
    frame = sys._getframe(1)
    while frame is not None:
        owner = frame.f_locals.get("self")
        if isinstance(owner, arbiter.Arbiter):
            return getattr(owner, "pid", None) or os.getpid()
        frame = frame.f_back
    return None


def _base() -> str:
    """``<tmp>/clausecheck-metrics-<uid>``, made private to this user (a folder another user
    made, or a link, is not used); where the temporary folder cannot be written (a read-only
    container), ``instance/metrics`` beside the app."""
    uid = os.getuid() if hasattr(os, "getuid") else 0
    base = os.path.join(tempfile.gettempdir(), f"clausecheck-metrics-{uid}")
    try:
        os.makedirs(base, mode=0o700, exist_ok=True)
        if os.path.islink(base) or (hasattr(os, "getuid") and os.lstat(base).st_uid != uid):
            return tempfile.mkdtemp(prefix="clausecheck-metrics-")
    except OSError:
        root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
        base = os.path.join(root, "instance", "metrics")
        os.makedirs(base, mode=0o700, exist_ok=True)
    return base


def _remove_stale(base: str, keep: str) -> None:
    """Remove the folders of masters that are gone ("<pid>-<start>", none but ours)."""
    for name in os.listdir(base):
        match = re.fullmatch(r"(\d+)-(\d*)", name)
        if match and name != keep and not _alive(int(match[1]), match[2]):
            shutil.rmtree(os.path.join(base, name), ignore_errors=True)


def _choose_folder() -> str:
    """The folder of this process's metric files, set in the environment (see the module)."""
    given = os.environ.get(ENV)
    if given and given != os.environ.get(CHOSEN):
        os.makedirs(given, exist_ok=True)
        return given
    master = _gunicorn_master() or os.getpid()
    base = _base()
    name = f"{master}-{_process_start(master)}"
    folder = os.path.join(base, name)
    _remove_stale(base, keep=name)
    if master == os.getpid():
        # a new master (or a lone process): a folder of the same name is a dead one's
        shutil.rmtree(folder, ignore_errors=True)
        atexit.register(_remove_own_folder, folder, master)
    os.makedirs(folder, mode=0o700, exist_ok=True)
    os.environ[ENV] = os.environ[CHOSEN] = folder
    return folder


def _remove_own_folder(folder: str, owner: int) -> None:
    """At exit of the process that made ``folder`` (not of the workers forked from it)."""
    if os.getpid() == owner:
        shutil.rmtree(folder, ignore_errors=True)


#: Where this process's metric files are (chosen before prometheus_client is imported).
FOLDER = _choose_folder()

from prometheus_client import (  # noqa: E402  (after the folder is set)
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    values,
)
from prometheus_client.core import GaugeMetricFamily, Metric  # noqa: E402
from prometheus_client.exposition import choose_encoder  # noqa: E402
from prometheus_client.mmap_dict import MmapedDict, mmap_key  # noqa: E402
from prometheus_client.multiprocess import MultiProcessCollector, mark_process_dead  # noqa: E402

if not getattr(values.ValueClass, "_multiprocess", False):
    # prometheus_client was imported before the folder was set: multiprocess values all the same
    values.ValueClass = values.MultiProcessValue()

# --- the metrics ---------------------------------------------------------------------------

REQUESTS = Counter(
    "clausecheck_http_requests",
    "HTTP requests answered, by Flask endpoint (none: no route matched), method and status.",
    ["endpoint", "method", "status"],
    registry=None,
)
LATENCY = Histogram(
    "clausecheck_http_request_duration_seconds",
    "Time to answer an HTTP request (to the response, not its streaming), by Flask endpoint.",
    ["endpoint"],
    registry=None,
)
IN_PROGRESS = Gauge(
    "clausecheck_http_requests_in_progress",
    "HTTP requests being answered now (workers alive only).",
    multiprocess_mode="livesum",
    registry=None,
)
ANSWERS_STORED = Counter(
    "clausecheck_answers_stored",
    "Answer writes stored (committed); a resend of a stored write is not counted.",
    registry=None,
)
SYNC_REJECTIONS = Counter(
    "clausecheck_sync_rejections",
    "Writes of the phone's outbox the server refused (409 conflict, 422 invalid), by kind "
    "(answer, photo, patch) and the error's code (id_reused, submitted, stale_form, invalid...).",
    ["kind", "reason"],
    registry=None,
)

#: The methods a label keeps; any other is "other" (a label never holds what a client made up).
METHODS = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}


# --- counting ------------------------------------------------------------------------------

_PENDING = "metrics_pending"


def count_on_commit(counter: Any, amount: float = 1, session: Any = None) -> None:
    """Increment ``counter`` (a counter, or a counter's ``.labels(...)``) when the session's
    transaction commits; a rollback forgets it. ``session``: the request's by default."""
    if session is None:
        session = db.session()
    session.info.setdefault(_PENDING, []).append((counter, amount))


@event.listens_for(orm.Session, "after_commit")
def _count_committed(session: orm.Session) -> None:
    root = session.get_transaction()
    if root is not None and root.is_active:
        return  # a savepoint's commit: the transaction around it may still roll back
    for counter, amount in session.info.pop(_PENDING, ()):
        counter.inc(amount)


@event.listens_for(orm.Session, "after_transaction_end")
def _forget_uncommitted(session: orm.Session, transaction: orm.SessionTransaction) -> None:
    if transaction.parent is None:  # the transaction ended without a commit (rollback, close)
        session.info.pop(_PENDING, None)


#: Endpoints the phone's outbox writes to, with the kind its rejections are counted as.
_SYNC_ENDPOINTS: dict[str, str] = {}


def sync_endpoint(endpoint: str, kind: str) -> None:
    """Count the 409 and 422 answers of ``endpoint`` as sync rejections of ``kind``."""
    _SYNC_ENDPOINTS[endpoint] = kind


def _rejection_reason(response: Response) -> str:
    """The API error's code of a refused write, if it is a plain word; else the status."""
    body = response.get_json(silent=True) if response.is_json else None
    code = body.get("error", {}).get("code") if isinstance(body, dict) else None
    if isinstance(code, str) and re.fullmatch(r"[a-z_]{1,40}", code):
        return code
    return str(response.status_code)


# --- gauges computed at scrape time --------------------------------------------------------

_COLLECTORS: dict[str, Callable[[], Iterable[Metric]]] = {}


def register_collector(name: str, collect: Callable[[], Iterable[Metric]]) -> None:
    """Add metrics computed at each scrape (in the scraping request's app context, so the
    database is at hand): ``collect()`` returns prometheus_client metric families
    (``GaugeMetricFamily`` ...). One that fails is logged and left out of that scrape.
    Registering a name again replaces it (safe to call from an ``init_app``)."""
    _COLLECTORS[name] = collect


def register_gauge(
    name: str,
    documentation: str,
    read: Callable[[], float | dict[tuple[str, ...], float]],
    labels: tuple[str, ...] = (),
) -> None:
    """A gauge read at each scrape: ``read()`` returns the value, or with ``labels`` a dict
    of label values (a tuple) → value. E.g. ``register_gauge("clausecheck_jobs_queued",
    "Jobs waiting", lambda: queued_count())``."""

    def collect() -> Iterator[Metric]:
        family = GaugeMetricFamily(name, documentation, labels=list(labels) or None)
        found = read()
        if isinstance(found, dict):
            for values_, value in found.items():
                family.add_metric(list(values_), value)
        else:
            family.add_metric([], found)
        yield family

    register_collector(name, collect)


class _Guarded:
    """A registered collector as prometheus_client wants it; its failure costs only itself."""

    def __init__(self, name: str, collect: Callable[[], Iterable[Metric]]) -> None:
        self.name, self._collect = name, collect

    def collect(self) -> list[Metric]:
        try:
            return list(self._collect())
        except Exception:
            log.exception("metrics: collector %s failed", self.name)
            return []


# --- dead workers --------------------------------------------------------------------------

try:
    import fcntl
except ImportError:  # not on Windows: no gunicorn there either
    fcntl = None  # type: ignore[assignment]

_FILE = re.compile(r"(counter|histogram|summary|gauge_[a-z]+)_(\d+)\.db")
#: Kinds whose values add up across processes and so can be folded into an archive file.
_ADDED_UP = ("counter", "histogram", "summary")


class _Lock:
    """The folder's lock: shared while reading, exclusive while folding files together."""

    def __init__(self, folder: str, exclusive: bool) -> None:
        self.path, self.exclusive, self.handle = os.path.join(folder, ".lock"), exclusive, None

    def __enter__(self) -> _Lock:
        if fcntl is not None:
            self.handle = open(self.path, "a")  # noqa: SIM115
            fcntl.flock(self.handle, fcntl.LOCK_EX if self.exclusive else fcntl.LOCK_SH)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.handle is not None:
            self.handle.close()  # releases the lock


def fold_dead(folder: str | None = None) -> int:
    """Fold the files of processes that are gone into ``<kind>_archive.db`` (counts kept) and
    drop their live gauges; returns how many processes were folded. Safe to call from several
    workers at once (an exclusive lock; scrapes read under a shared one)."""
    folder = folder or FOLDER
    if fcntl is None:
        return 0
    dead: dict[int, list[str]] = {}
    for path in glob.glob(os.path.join(folder, "*.db")):
        match = _FILE.fullmatch(os.path.basename(path))
        if match and not _alive(int(match[2])):
            dead.setdefault(int(match[2]), []).append(path)
    if not dead:
        return 0
    with _Lock(folder, exclusive=True):
        for pid in dead:
            mark_process_dead(pid, folder)  # its live gauges
        for kind in _ADDED_UP:
            files = [p for paths in dead.values() for p in paths if _kind(p) == kind]
            files = [p for p in files if os.path.exists(p)]  # another worker was first
            if files:
                _archive(folder, kind, files)
    return len(dead)


def _kind(path: str) -> str:
    return os.path.basename(path).rsplit("_", 1)[0]


def _archive(folder: str, kind: str, files: list[str]) -> None:
    """Add ``files`` (of one kind) into the kind's archive, then remove them."""
    archive = os.path.join(folder, f"{kind}_archive.db")
    sources = ([archive] if os.path.exists(archive) else []) + files
    merged = MultiProcessCollector.merge(sources, accumulate=False)
    temporary = os.path.join(folder, f".{kind}_archive.tmp")
    if os.path.exists(temporary):
        os.unlink(temporary)
    out = MmapedDict(temporary)
    try:
        for metric in merged:
            for sample in metric.samples:
                key = mmap_key(
                    metric.name,
                    sample.name,
                    list(sample.labels),
                    list(sample.labels.values()),
                    metric.documentation,
                )
                out.write_value(key, sample.value, 0.0)
    finally:
        out.close()
    os.replace(temporary, archive)
    for path in files:
        os.unlink(path)


def child_exit(server: Any, worker: Any) -> None:
    """gunicorn's ``child_exit`` hook (in the master, when a worker has exited): drop its
    live gauges at once. Optional: scrapes do the same for any worker that is gone. In a
    gunicorn config file: ``from checklists.core.metrics import child_exit``."""
    mark_process_dead(worker.pid, FOLDER)


# --- the view ------------------------------------------------------------------------------

bp = Blueprint("metrics", __name__)


def _forwarded(req: Any) -> bool:
    return any(h in req.headers for h in ("X-Forwarded-For", "Forwarded", "X-Real-IP"))


def from_loopback() -> bool:
    """Whether the client is on this host: its address (behind ``PROXY_COUNT`` proxies, the
    one they saw) is loopback; with no proxy configured a forwarded request is not."""
    if not current_app.config.get("PROXY_COUNT") and _forwarded(request):
        return False
    try:
        address = ipaddress.ip_address((request.remote_addr or "").split("%")[0])
    except ValueError:
        return False
    mapped = getattr(address, "ipv4_mapped", None)
    return (mapped or address).is_loopback


def may_scrape() -> bool:
    """Loopback, or the right ``Authorization: Bearer <METRICS_TOKEN>``."""
    token = current_app.config.get("METRICS_TOKEN") or ""
    sent = request.headers.get("Authorization", "")
    if token and sent[:7].lower() == "bearer ":
        if hmac.compare_digest(sent[7:].strip().encode(), token.encode()):
            return True
    return from_loopback()


@bp.route("/metrics")
def metrics():
    """Every worker's metrics added up, in Prometheus's text format (OpenMetrics when the
    scraper asks for it); 404 unless allowed."""
    if not may_scrape():
        abort(404)
    try:
        fold_dead()
    except OSError:
        log.warning("metrics: the files of dead workers could not be folded", exc_info=True)
    registry = CollectorRegistry(auto_describe=False)
    with _Lock(FOLDER, exclusive=False):
        MultiProcessCollector(registry, path=FOLDER)
        for name, collect in list(_COLLECTORS.items()):
            registry.register(_Guarded(name, collect))
        encode, content_type = choose_encoder(request.headers.get("Accept", ""))
        text = encode(registry)
    response = Response(text, content_type=content_type)
    response.headers["Cache-Control"] = "no-store"
    return response


# --- the app -------------------------------------------------------------------------------


def init_app(app: Flask) -> None:
    """Count every request (register before the other ``before_request`` hooks so that the
    time includes theirs) and add the ``/metrics`` route."""
    app.register_blueprint(bp)

    @app.before_request
    def _start_timer():
        g._metrics_started = time.perf_counter()
        IN_PROGRESS.inc()

    @app.before_request
    def _hide_metrics():
        """Whatever the method, /metrics is a page that does not exist to those who may not
        read it (not a 405 or an OPTIONS answer that says it is there)."""
        if request.path == "/metrics" and not may_scrape():
            abort(404)

    @app.after_request
    def _count(response: Response) -> Response:
        endpoint = request.endpoint or "none"
        method = request.method if request.method in METHODS else "other"
        REQUESTS.labels(endpoint, method, str(response.status_code)).inc()
        started = g.get("_metrics_started")
        if started is not None:
            LATENCY.labels(endpoint).observe(time.perf_counter() - started)
        kind = _SYNC_ENDPOINTS.get(endpoint)
        if kind and response.status_code in (409, 422):
            SYNC_REJECTIONS.labels(kind, _rejection_reason(response)).inc()
        return response

    @app.teardown_request
    def _done(_exc: BaseException | None) -> None:
        if g.pop("_metrics_started", None) is not None:
            IN_PROGRESS.dec()
