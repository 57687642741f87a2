"""Readiness: what ``GET /readyz`` checks (``GET /healthz`` checks nothing: the process answers).

A check is a function run in the request's app context: it returns None (ok), or a short
reason why not (a string), or raises (the reason is then made from the exception: its kind,
and the system's words for an OSError, never its message, which may name hosts or users).
Checks of their own are added with ``register_check(name, fn)`` (the job queue adds "queue");
one that does not apply to this configuration returns ``NOT_CONFIGURED`` and is left out.

Built in: the database (``SELECT 1``), Redis when ``RATELIMIT_STORAGE_URI`` names one, and the
blob store (``storage.blob_store().ping()``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import redis
import sqlalchemy as sa
from flask import current_app
from limits.storage import storage_from_string

from checklists.core import storage
from checklists.core.extensions import db

#: What a check returns when it does not apply (e.g. Redis when none is configured).
NOT_CONFIGURED = object()

#: Seconds the Redis check waits to connect and for the answer.
REDIS_TIMEOUT = 2.0

_CHECKS: dict[str, Callable[[], Any]] = {}


def register_check(name: str, check: Callable[[], Any]) -> None:
    """Add (or replace) the check ``name``: see the module."""
    _CHECKS[name] = check


def describe(exc: BaseException) -> str:
    """A short reason from an exception, with no secret in it: the system's words for the
    first OSError in its chain (e.g. "Connection refused") and the exception's kind."""
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and len(chain) < 8:
        chain.append(current)
        current = getattr(current, "orig", None) or current.__cause__ or current.__context__
    system = next((e for e in chain if isinstance(e, OSError) and e.strerror), None)
    kind = type(getattr(exc, "orig", None) or exc).__name__
    return f"{system.strerror} ({kind})" if system else kind


def run_checks() -> dict[str, str]:
    """Each applicable check's outcome: "ok" or why not."""
    outcomes: dict[str, str] = {}
    for name, check in list(_CHECKS.items()):
        try:
            found = check()
        except Exception as exc:
            current_app.logger.warning("readiness: %s failed", name, exc_info=True)
            found = describe(exc)
        if found is NOT_CONFIGURED:
            continue
        outcomes[name] = "ok" if found is None or found is True else str(found or "failed")
    return outcomes


def readiness() -> tuple[dict[str, Any], int]:
    """The body and status of ``/readyz``: 200 when every part is ok, else 503 naming the
    failing parts."""
    checks = run_checks()
    failing = [name for name, outcome in checks.items() if outcome != "ok"]
    if failing:
        return {"status": "error", "failing": failing, "checks": checks}, 503
    return {"status": "ok", "checks": checks}, 200


# --- the built-in checks -------------------------------------------------------------------


def check_database() -> str | None:
    try:
        db.session.execute(sa.text("SELECT 1"))
    except sa.exc.SQLAlchemyError as exc:
        current_app.logger.error("readiness: database unreachable: %s", exc)
        db.session.rollback()
        return f"unreachable: {describe(exc)}"
    return None


def check_redis() -> Any:
    uri = current_app.config.get("RATELIMIT_STORAGE_URI") or ""
    if not uri.startswith("redis"):
        return NOT_CONFIGURED
    if uri.startswith(("redis://", "rediss://")):
        client = redis.Redis.from_url(
            uri, socket_connect_timeout=REDIS_TIMEOUT, socket_timeout=REDIS_TIMEOUT
        )
        try:
            client.ping()
        except redis.RedisError as exc:
            current_app.logger.error("readiness: redis unreachable: %s", exc)
            return f"unreachable: {describe(exc)}"
        finally:
            client.close()
        return None
    return None if storage_from_string(uri).check() else "unreachable"


def check_blob_store() -> str | None:
    try:
        storage.blob_store().ping()
    except (storage.BlobStoreUnavailable, OSError) as exc:
        # the store's own message names its folder or bucket: logged, not answered
        current_app.logger.error("readiness: blob store unavailable: %s", exc)
        return f"unavailable: {describe(exc)}"
    return None


register_check("database", check_database)
register_check("redis", check_redis)
register_check("blob_store", check_blob_store)
