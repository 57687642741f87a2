"""Jobs: work that outlives a request (bulk exports, the overdue checks, mail), queued in the
database and run by workers.

Why the database is the queue (README "Jobs"): a job's row must live there anyway (who asked,
its progress bar, its file, when the file expires, who may download it), and a claim is one
``UPDATE … WHERE id = (SELECT … FOR UPDATE SKIP LOCKED) RETURNING id``: the same statement on
SQLite (one writer at a time, so nothing to skip) and PostgreSQL (workers on several hosts
skip each other's rows). ``make run`` needs nothing more: a thread of the web process runs the
queue (``JOB_WORKERS_IN_PROCESS``); a city runs ``flask jobs worker`` processes and sets it
to 0. Both call ``run_one``.

- ``enqueue(kind, params, owner=…, client_id=…)`` adds a job; the same owner's ``client_id``
  twice is the same job (a retried POST creates nothing).
- A handler is a function registered under a kind (``@handler("export")``); it receives the
  job and a ``Progress`` (``progress(done, total)``, written on its own connection at most
  every half second) and may return a ``Result`` (a file: kept in the blob store until
  ``JOB_FILE_HOURS`` have passed).
- A worker that dies leaves its job ``running`` with a heartbeat that stops: after
  ``JOB_STALE_SECONDS`` the next claim puts it back in the queue (``JOB_MAX_ATTEMPTS`` times,
  then it fails saying so). Nothing is lost; a job's handler must therefore be safe to run
  again (the overdue checks flag each record once; an export writes a new file).
- Periodic jobs (``@periodic``) run exactly once per slot across every host: ``tick()`` inserts
  ``(name, slot)`` into ``periodic_runs`` with the job in one transaction; a second host's
  insert of the same slot fails on the primary key and enqueues nothing.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import signal
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import IO, Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from flask import Flask, current_app
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, mapped_column, relationship

from checklists.core import health, metrics, storage
from checklists.core.db import as_utc, enum_column, utcnow
from checklists.core.extensions import db

log = logging.getLogger(__name__)


class JobStatus(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"
    EXPIRED = "expired"


class Job(db.Model):
    """One piece of queued work and what became of it."""

    __tablename__ = "jobs"
    __table_args__ = (
        sa.UniqueConstraint("owner_id", "client_id", name="uq_jobs_owner_client"),
        sa.Index("ix_jobs_status_id", "status", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(sa.String(40))
    #: Who asked (None: the system, e.g. a periodic job).
    owner_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"), index=True)
    client_id: Mapped[str | None] = mapped_column(sa.String(64))
    params: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)
    status: Mapped[JobStatus] = mapped_column(
        enum_column(JobStatus, "job_status"), default=JobStatus.QUEUED
    )
    #: A short description for the job list (e.g. 答案 · Excel).
    title: Mapped[str] = mapped_column(sa.String(200), default="")
    done: Mapped[int] = mapped_column(sa.BigInteger, default=0)
    total: Mapped[int | None] = mapped_column(sa.BigInteger)
    message: Mapped[str] = mapped_column(sa.String(500), default="")
    attempts: Mapped[int] = mapped_column(default=0)
    worker: Mapped[str] = mapped_column(sa.String(100), default="")
    created_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    started_at: Mapped[dt.datetime | None] = mapped_column(sa.DateTime(timezone=True))
    heartbeat_at: Mapped[dt.datetime | None] = mapped_column(sa.DateTime(timezone=True))
    finished_at: Mapped[dt.datetime | None] = mapped_column(sa.DateTime(timezone=True))
    #: The result file, in the blob store until ``expires_at``.
    file_key: Mapped[str | None] = mapped_column(sa.String(100))
    file_name: Mapped[str] = mapped_column(sa.String(200), default="")
    file_type: Mapped[str] = mapped_column(sa.String(100), default="")
    file_size: Mapped[int | None] = mapped_column(sa.BigInteger)
    expires_at: Mapped[dt.datetime | None] = mapped_column(sa.DateTime(timezone=True))
    #: What the handler reported at the end (counts), shown in the list.
    result: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)

    owner: Mapped[User | None] = relationship("User")  # noqa: F821

    @property
    def percent(self) -> int | None:
        if not self.total:
            return 100 if self.status == JobStatus.DONE else None
        return max(0, min(100, int(100 * self.done / self.total)))

    @property
    def finished(self) -> bool:
        return self.status in (JobStatus.DONE, JobStatus.FAILED, JobStatus.EXPIRED)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "title": self.title,
            "status": self.status.value,
            "done": self.done,
            "total": self.total,
            "percent": self.percent,
            "message": self.message,
            "file_name": self.file_name or None,
            "link": (self.result or {}).get("link"),
            "file_size": self.file_size,
            "created_at": _iso(self.created_at),
            "finished_at": _iso(self.finished_at),
            "expires_at": _iso(self.expires_at),
        }


class PeriodicRun(db.Model):
    """A periodic job's slot, claimed once: the primary key makes a second claim fail."""

    __tablename__ = "periodic_runs"

    name: Mapped[str] = mapped_column(sa.String(60), primary_key=True)
    slot: Mapped[str] = mapped_column(sa.String(30), primary_key=True)
    job_id: Mapped[int | None] = mapped_column(sa.ForeignKey("jobs.id"))
    at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)


def _iso(moment: dt.datetime | None) -> str | None:
    return as_utc(moment).isoformat() if moment else None


# --- handlers and periodic jobs ------------------------------------------------------------


@dataclass(frozen=True)
class Result:
    """A handler's file: a readable binary file object (closed by the caller), its name and
    type. ``summary``: counts for the job list."""

    file: IO[bytes] | None = None
    name: str = ""
    mimetype: str = "application/octet-stream"
    summary: dict[str, Any] | None = None
    message: str = ""


Handler = Callable[["Job", "Progress"], "Result | None"]
HANDLERS: dict[str, Handler] = {}


def handler(kind: str) -> Callable[[Handler], Handler]:
    """Register ``fn`` as what runs a job of ``kind`` (registering again replaces it)."""

    def register(fn: Handler) -> Handler:
        HANDLERS[kind] = fn
        return fn

    return register


@dataclass(frozen=True)
class Periodic:
    """A job enqueued once per slot: every ``minutes`` minutes (UTC), or daily once the local
    time (``BABEL_DEFAULT_TIMEZONE``) passes ``daily_at`` ("HH:MM")."""

    name: str
    kind: str
    minutes: int = 0
    daily_at: str = ""

    def slot(self, now: dt.datetime, zone: ZoneInfo) -> str | None:
        """The slot ``now`` falls in, or None before today's time of a daily job."""
        if self.minutes:
            epoch = int(now.timestamp()) // 60 // self.minutes * self.minutes * 60
            return dt.datetime.fromtimestamp(epoch, dt.UTC).strftime("%Y-%m-%dT%H:%MZ")
        local = now.astimezone(zone)
        hour, minute = (int(p) for p in self.daily_at.split(":"))
        if (local.hour, local.minute) < (hour, minute):
            return None
        return local.date().isoformat()


PERIODIC: dict[str, Periodic] = {}


def periodic(name: str, kind: str, *, minutes: int = 0, daily_at: str = "") -> None:
    """Run jobs of ``kind`` (a registered handler) periodically: see ``Periodic``."""
    if bool(minutes) == bool(daily_at):
        raise ValueError("a periodic job runs every N minutes or daily at HH:MM")
    PERIODIC[name] = Periodic(name, kind, minutes, daily_at)


# --- queueing --------------------------------------------------------------------------------


def enqueue(
    kind: str,
    params: dict[str, Any] | None = None,
    *,
    owner: Any = None,
    client_id: str | None = None,
    title: str = "",
) -> Job:
    """Add a job (committed). With ``client_id``, the owner's earlier job of that id is
    returned instead: a retry creates nothing."""
    if kind not in HANDLERS:
        raise ValueError(f"no handler for jobs of kind {kind!r}")
    owner_id = owner.id if owner is not None else None
    if client_id:
        earlier = _by_client_id(owner_id, client_id)
        if earlier is not None:
            return earlier
    job = Job(
        kind=kind, params=params or {}, owner_id=owner_id, client_id=client_id or None, title=title
    )
    db.session.add(job)
    try:
        db.session.commit()
    except IntegrityError:  # the same retry, a moment earlier, on another worker
        db.session.rollback()
        earlier = _by_client_id(owner_id, client_id) if client_id else None
        if earlier is None:
            raise
        return earlier
    _wake()
    return job


def _by_client_id(owner_id: int | None, client_id: str) -> Job | None:
    owned = Job.owner_id.is_(None) if owner_id is None else Job.owner_id == owner_id
    return db.session.scalar(sa.select(Job).where(owned, Job.client_id == client_id))


def claim(worker: str) -> int | None:
    """Take the oldest queued job for ``worker`` (committed): its id, or None when the queue
    is empty. First puts back (or fails) jobs whose worker stopped beating."""
    recover_stale()
    queued = sa.select(Job.id).where(Job.status == JobStatus.QUEUED)
    if db.session.scalar(queued.limit(1)) is None:  # a read first: no write lock when idle
        db.session.rollback()
        return None
    now = utcnow()
    oldest = queued.order_by(Job.id).limit(1).with_for_update(skip_locked=True).scalar_subquery()
    taken = db.session.execute(
        sa.update(Job)
        .where(Job.id == oldest, Job.status == JobStatus.QUEUED)
        .values(
            status=JobStatus.RUNNING,
            worker=worker[:100],
            started_at=now,
            heartbeat_at=now,
            attempts=Job.attempts + 1,
        )
        .returning(Job.id)
        .execution_options(synchronize_session=False)
    ).scalar()
    db.session.commit()
    return taken


def recover_stale() -> int:
    """Jobs left running by a worker that stopped beating: back in the queue, or failed after
    ``JOB_MAX_ATTEMPTS``. Returns how many."""
    config = current_app.config
    before = utcnow() - dt.timedelta(seconds=config["JOB_STALE_SECONDS"])
    stale = sa.and_(Job.status == JobStatus.RUNNING, Job.heartbeat_at < before)
    if db.session.scalar(sa.select(sa.func.count()).where(stale)) == 0:
        return 0
    limit = config["JOB_MAX_ATTEMPTS"]
    failed = db.session.execute(
        sa.update(Job)
        .where(stale, Job.attempts >= limit)
        .values(
            status=JobStatus.FAILED,
            finished_at=utcnow(),
            message=f"worker stopped {limit} times",
        )
        .execution_options(synchronize_session=False)
    ).rowcount
    back = db.session.execute(
        sa.update(Job)
        .where(stale, Job.attempts < limit)
        .values(status=JobStatus.QUEUED, worker="")
        .execution_options(synchronize_session=False)
    ).rowcount
    db.session.commit()
    return failed + back


class Progress:
    """A running job's progress bar and heartbeat, written on a connection of its own (the
    handler's session stays its own), at most every ``interval`` seconds."""

    def __init__(self, job_id: int, interval: float = 0.5) -> None:
        self.job_id = job_id
        self.interval = interval
        self._last = 0.0
        #: The last count reported (written or not).
        self.last_done = 0

    def __call__(self, done: int, total: int | None = None, *, force: bool = False) -> None:
        self.last_done = done
        now = time.monotonic()
        if not force and now - self._last < self.interval:
            return
        self._last = now
        values: dict[str, Any] = {"done": done, "heartbeat_at": utcnow()}
        if total is not None:
            values["total"] = total
        try:
            with db.engine.begin() as conn:
                conn.execute(sa.update(Job).where(Job.id == self.job_id).values(**values))
        except sa.exc.OperationalError as exc:  # busy: the next call writes it
            log.warning("job %s: progress not written: %s", self.job_id, exc)


def run_one(worker: str | None = None) -> Job | None:
    """Claim one job and run it; the job as it ended, or None when the queue was empty."""
    worker = worker or worker_name()
    job_id = claim(worker)
    if job_id is None:
        return None
    job = db.session.get(Job, job_id)
    assert job is not None
    run = HANDLERS.get(job.kind)
    progress = Progress(job.id)
    try:
        if run is None:
            raise LookupError(f"no handler for jobs of kind {job.kind!r}")
        result = run(job, progress)
    except Exception as exc:  # any failure of the work is the job's, not the worker's
        db.session.rollback()
        log.exception("job %s (%s) failed", job_id, job.kind if job else "?")
        _finish(job_id, JobStatus.FAILED, message=f"{type(exc).__name__}: {exc}"[:500])
        return db.session.get(Job, job_id)
    _finish(job_id, JobStatus.DONE, result=result)
    return db.session.get(Job, job_id)


def _finish(
    job_id: int, status: JobStatus, *, result: Result | None = None, message: str = ""
) -> None:
    db.session.rollback()
    job = db.session.get(Job, job_id)
    assert job is not None
    job.status = status
    job.finished_at = utcnow()
    job.heartbeat_at = job.finished_at
    if result is not None:
        job.message = result.message[:500]
        job.result = result.summary or {}
        if result.file is not None:
            try:
                key, size = _store(result.file)
            finally:
                result.file.close()
            job.file_key, job.file_size = key, size
            job.file_name = storage.safe_filename(result.name) or f"job-{job_id}"
            job.file_type = result.mimetype
            hours = current_app.config["JOB_FILE_HOURS"]
            job.expires_at = job.finished_at + dt.timedelta(hours=hours)
        if job.total is None:  # a job that never said how much: what it did is all
            job.total = job.done
        job.done = job.total or job.done
    else:
        job.message = message
    db.session.commit()


def _store(file: IO[bytes]) -> tuple[str, int]:
    """Put a job's file in the blob store, streamed: its key and size."""
    return storage.blob_store().put_file(file)  # type: ignore[arg-type]


def expire(now: dt.datetime | None = None) -> int:
    """Finished files past their time: removed from the store, the job marked expired."""
    now = now or utcnow()
    jobs = db.session.scalars(
        sa.select(Job).where(Job.status == JobStatus.DONE, Job.expires_at < now)
    ).all()
    store = storage.blob_store()
    for job in jobs:
        if job.file_key:
            still_used = db.session.scalar(
                sa.select(sa.func.count()).where(
                    Job.file_key == job.file_key, Job.id != job.id, Job.status == JobStatus.DONE
                )
            )
            if not still_used:
                store.delete(job.file_key)
        job.status = JobStatus.EXPIRED
        job.file_key = None
    db.session.commit()
    return len(jobs)


# --- periodic ----------------------------------------------------------------------------------


def tick(now: dt.datetime | None = None) -> list[Job]:
    """Enqueue every periodic job whose current slot nobody has claimed: once per slot across
    all hosts. Returns the jobs this call enqueued."""
    now = now or utcnow()
    zone = ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])
    made = []
    for item in PERIODIC.values():
        slot = item.slot(now, zone)
        if slot is None or item.kind not in HANDLERS:
            continue
        if db.session.get(PeriodicRun, (item.name, slot)) is not None:
            db.session.rollback()
            continue
        job = Job(kind=item.kind, params={"periodic": item.name, "slot": slot}, title=item.name)
        db.session.add(job)
        db.session.flush()
        db.session.add(PeriodicRun(name=item.name, slot=slot, job_id=job.id))
        try:
            db.session.commit()
        except IntegrityError:  # another host claimed the slot first
            db.session.rollback()
            continue
        made.append(job)
    if made:
        _wake()
    return made


# --- workers -----------------------------------------------------------------------------------


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{threading.get_ident() % 100000}"


def run_pending(limit: int = 1000) -> int:
    """Run queued jobs until none is left (or ``limit``): how many ran. For tests and
    ``flask jobs worker --burst``."""
    ran = 0
    while ran < limit and run_one() is not None:
        ran += 1
    return ran


class Worker:
    """A loop: claim and run jobs, tick the periodic ones every ``tick_seconds``, sleep
    ``idle_seconds`` when there is nothing to do, stop after the current job when asked."""

    def __init__(self, app: Flask, *, periodic: bool = True, idle_seconds: float = 1.0) -> None:
        self.app = app
        self.periodic = periodic
        self.idle_seconds = idle_seconds
        self.tick_seconds = 60.0
        self.stopping = threading.Event()
        self._next_tick = 0.0

    def stop(self, *_args: Any) -> None:
        self.stopping.set()
        _WAKE.set()

    def step(self) -> bool:
        """One round; True when a job ran."""
        with self.app.app_context():
            try:
                if self.periodic and time.monotonic() >= self._next_tick:
                    self._next_tick = time.monotonic() + self.tick_seconds
                    tick()
                return run_one() is not None
            except sa.exc.OperationalError as exc:  # database away or busy: try again later
                db.session.rollback()
                log.warning("jobs: %s", exc)
                return False
            finally:
                db.session.remove()

    def run(self) -> None:
        while not self.stopping.is_set():
            if not self.step():
                _WAKE.wait(self.idle_seconds)
                _WAKE.clear()

    def install_signals(self) -> None:
        signal.signal(signal.SIGTERM, self.stop)
        signal.signal(signal.SIGINT, self.stop)


_WAKE = threading.Event()
_IN_PROCESS: dict[int, threading.Thread] = {}
_IN_PROCESS_LOCK = threading.Lock()


def _wake() -> None:
    _WAKE.set()


def start_in_process(app: Flask) -> None:
    """Start ``JOB_WORKERS_IN_PROCESS`` worker threads in this process (once per process):
    the embedded default, so that ``make run`` runs jobs with nothing else started."""
    count = app.config["JOB_WORKERS_IN_PROCESS"]
    if count <= 0:
        return
    with _IN_PROCESS_LOCK:
        if _IN_PROCESS.get(os.getpid()):
            return
        for index in range(count):
            thread = threading.Thread(
                target=Worker(app, periodic=index == 0).run,
                name=f"jobs-{index}",
                daemon=True,
            )
            thread.start()
            _IN_PROCESS[os.getpid()] = thread


def counts() -> dict[tuple[str, ...], float]:
    """Jobs by status (for ``/metrics``: queue depth, running, failures)."""
    found = dict(db.session.execute(sa.select(Job.status, sa.func.count()).group_by(Job.status)))
    return {(status.value,): float(found.get(status, 0)) for status in JobStatus}


def oldest_wait() -> float:
    """Seconds the oldest queued job has waited (0: none waits)."""
    oldest = db.session.scalar(
        sa.select(sa.func.min(Job.created_at)).where(Job.status == JobStatus.QUEUED)
    )
    return max(0.0, (utcnow() - as_utc(oldest)).total_seconds()) if oldest else 0.0


def check_queue() -> str | None:
    """``/readyz``'s queue: readable, and not stalled (a job waiting longer than
    ``JOB_STALE_SECONDS`` means no worker takes jobs)."""
    waited = oldest_wait()
    if waited > current_app.config["JOB_STALE_SECONDS"]:
        return f"a job has waited {waited:.0f} s: no worker is taking jobs"
    return None


def register(app: Flask) -> None:
    """The queue's readiness check and gauges; the in-process workers start with the first
    request (never for a CLI command)."""
    health.register_check("queue", check_queue)
    metrics.register_gauge(
        "clausecheck_jobs", "Jobs by status (queued: the queue's depth)", counts, ("status",)
    )
    metrics.register_gauge(
        "clausecheck_jobs_oldest_wait_seconds",
        "Seconds the oldest queued job has waited",
        oldest_wait,
    )
    started = threading.Event()

    @app.before_request
    def _start_jobs() -> None:
        if not started.is_set():
            started.set()
            start_in_process(app)
