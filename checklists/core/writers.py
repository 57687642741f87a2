"""SQLite writers take turns without sleeping: a file lock beside the database.

SQLite lets one writer at a time hold its write lock; another that asks meanwhile is told "busy"
and its busy handler sleeps 1, 2, 5, 10 … ms before it asks again. With two web processes
answering a burst of answers, most of each process's time went to those sleeps: the answer
endpoint wrote fewer answers a second with two workers than with one (408 against 454 on the
benchmark's SQLite file), while a bare insert route doubled.

``writer_turn()`` is called by the hot write paths (``workflow.lock``: an answer, a submission,
a review decision) just before their first write: it takes an exclusive ``flock`` on
``<database>.writers`` (asking again every 50 to 500 µs while another process holds it, a
fraction of the time one write holds it) and keeps it until the session's transaction ends
(committed or rolled back). The writers of the hot paths thus take turns at once instead of
sleeping in SQLite's busy handler; every other writer
still meets SQLite's own lock and busy timeout, as before. A connection that already writes in
its transaction never waits for the turn (it may hold SQLite's lock that the holder of the turn
waits for). The wait is bounded by ``DATABASE_BUSY_TIMEOUT``, then the write goes on and meets
SQLite's lock as before (503 when that is busy too). PostgreSQL's row locks already wake
waiters at once: nothing is done there, nor for an in-memory SQLite database.
"""

from __future__ import annotations

import fcntl
import os
import time

import sqlalchemy as sa
from flask import current_app
from sqlalchemy.orm import Session, SessionTransaction

from checklists.core.extensions import db

#: ``Session.info`` key of the held turn (the lock file's descriptor).
HELD = "sqlite_writer_turn"


def _lock_path(url: sa.engine.URL) -> str | None:
    database = url.database or ""
    if url.get_backend_name() != "sqlite" or database in ("", ":memory:"):
        return None
    if database.startswith("file:") or url.query.get("mode") == "memory":
        return None
    return os.path.abspath(database) + ".writers"


def writer_turn() -> None:
    """Wait for this process's turn to write to the SQLite database (see the module); a no-op
    on PostgreSQL, when the turn is held already or when the transaction writes already."""
    session = db.session()
    if HELD in session.info:
        return
    bind = session.get_bind()
    path = _lock_path(bind.url)
    if path is None:
        return
    raw = session.connection().connection.dbapi_connection
    if getattr(raw, "in_transaction", False):
        return  # it may hold SQLite's write lock: waiting for the turn could wait for itself
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    deadline = time.monotonic() + float(current_app.config["DATABASE_BUSY_TIMEOUT"])
    pause = 0.00005
    while True:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            break
        except BlockingIOError:
            if time.monotonic() >= deadline:
                os.close(descriptor)  # go on: SQLite's own lock and busy timeout decide
                return
            time.sleep(pause)
            pause = min(pause * 2, 0.0005)
    session.info[HELD] = descriptor


def _give_back(session: Session) -> None:
    if HELD in session.info:
        descriptor = session.info.pop(HELD)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_UN)
        finally:
            os.close(descriptor)


def _release(session: Session, transaction: SessionTransaction) -> None:
    if transaction.parent is None:
        _give_back(session)


def _committed(session: Session) -> None:
    if not session.in_nested_transaction():  # a savepoint released: the transaction goes on
        _give_back(session)


# Given back as soon as the database has committed (the session's own bookkeeping after it,
# expiring what it holds, needs no turn), else when the transaction ends (a rollback).
sa.event.listen(Session, "after_commit", _committed)
sa.event.listen(Session, "after_transaction_end", _release)
