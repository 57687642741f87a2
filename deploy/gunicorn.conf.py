"""gunicorn's settings for ClauseCheck: ``gunicorn -c deploy/gunicorn.conf.py 'wsgi:create_app()'``
from the repository root (the image, the systemd unit and compose all do this).

Each setting can be changed from the environment (``GUNICORN_*`` below, documented in
``deploy/env.example``); gunicorn's own command-line options still win over this file.

Workers: ``gthread``, each with a few threads. A phone's request is short (an answer, a photo
already buffered whole by nginx), PDFs take a second or two of CPU, and anything long (exports,
overdue checks, mail) runs as a job in ``flask jobs worker``, so 30 s is a generous timeout.
"""

from __future__ import annotations

import math
import os


def _cpus() -> int:
    """The CPUs this process may use: its affinity, and a container's CPU quota (cgroup v2
    ``cpu.max``), which ``os.cpu_count()`` does not see."""
    count = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    try:
        with open("/sys/fs/cgroup/cpu.max") as limit:
            quota, period = limit.read().split()[:2]
        if quota != "max":
            count = min(count or 1, math.ceil(int(quota) / int(period)))
    except (OSError, ValueError):
        pass
    return max(1, count or 1)


def _int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


#: Where gunicorn listens. A host behind nginx on the same machine: loopback. Several app
#: hosts behind one nginx: the host's private address (GUNICORN_BIND=10.0.0.11:8000).
bind = [os.environ.get("GUNICORN_BIND") or "127.0.0.1:8000"]
#: Processes: 2 per CPU + 1 (GUNICORN_WORKERS to choose; about 150-250 MB each).
workers = _int("GUNICORN_WORKERS", 2 * _cpus() + 1)
worker_class = "gthread"
#: Threads per process: requests wait on PostgreSQL and the blob store more than on the CPU.
threads = _int("GUNICORN_THREADS", 4)
#: A worker silent this long is killed and replaced (exports are jobs: 30 s is enough).
timeout = _int("GUNICORN_TIMEOUT", 30)
#: On stop or reload, requests under way get this long to finish.
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
#: Idle keep-alive connections from nginx are kept this long (longer than nginx's own
#: ``keepalive_timeout`` in the upstream block, so that nginx closes them first).
keepalive = _int("GUNICORN_KEEPALIVE", 75)
#: A worker is replaced after this many requests (plus up to the jitter, so that they are not
#: replaced all at once): memory a long-lived process gathers is given back.
max_requests = _int("GUNICORN_MAX_REQUESTS", 2000)
max_requests_jitter = _int("GUNICORN_MAX_REQUESTS_JITTER", 200)
#: Whose X-Forwarded-Proto gunicorn believes (for wsgi.url_scheme): the proxy in front. On
#: one host nginx is on loopback; in compose and with several hosts, the proxies' addresses,
#: or "*" when only the proxy can reach this port. The app's PROXY_COUNT does the same for
#: the client address, and must agree.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS") or "127.0.0.1,::1"
#: No access log: the app logs every request itself, as JSON with its X-Request-ID.
accesslog = None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL") or "info"
proc_name = "clausecheck"
#: The workers' heartbeat files: in memory (a container's overlay disk can stall them).
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
#: Each worker builds the app itself: a reload (HUP) then loads new code without a restart.
preload_app = False

#: The app's Prometheus metrics (checklists.core.metrics), when this tree has them.
_metrics = None


def when_ready(server) -> None:
    """In the master, before the first worker starts: import the metrics module here, so that
    it chooses the folder the workers share now (and removes it when the master exits), not
    later from ``child_exit`` while workers are writing into it."""
    global _metrics
    try:
        from checklists.core import metrics
    except ImportError:  # a tree without Prometheus metrics (or without prometheus-client)
        return
    _metrics = metrics


def child_exit(server, worker) -> None:
    """In the master, when a worker has exited: its live gauges (requests in progress) go."""
    if _metrics is not None and hasattr(_metrics, "child_exit"):
        _metrics.child_exit(server, worker)
