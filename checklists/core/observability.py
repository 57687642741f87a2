"""Logs and error reports: a request id on every request and every log line, JSON or text
logs, one access-log line per request, and Sentry when ``SENTRY_DSN`` is set.

Request id: the proxy's ``X-Request-ID`` when it is a sane token (letters, digits and
``._:+=/@-``, at most 128 characters), else a new one; echoed in the response's
``X-Request-ID`` and put on every log record emitted while the request is answered.

Log format (``LOG_FORMAT``): "json" (one object a line: time, level, logger, message,
request_id, and the access fields) or "text"; unset, JSON unless the app runs in debug or test
mode or stderr is a terminal (a person reading). The handler is on the root logger: the app's,
the features' and the libraries' records all come out the same way (ours at INFO).

The access log (logger ``clausecheck.access``, INFO): method, endpoint, path (never the query
string, which may carry a token), status, duration in ms, the user's id when one is logged in
(only when the request loaded the user already: a health check stays free of the database),
request id. Security events have their own log (``checklists.core.security``).

Sentry (``SENTRY_DSN``, sentry-sdk's Flask integration): errors logged at ERROR (the 500
handler's ``logger.exception``) are reported, without personal data, request bodies, cookies,
query strings or local variables.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import sys
import time
import uuid
from typing import Any

import sentry_sdk
import sqlalchemy as sa
from flask import Flask, Response, g, has_request_context, request
from flask.logging import default_handler
from sentry_sdk.integrations.flask import FlaskIntegration

HEADER = "X-Request-ID"
_SANE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:+=/@-]{0,127}")
FORMATS = ("json", "text")

#: The access log's logger, and the fields of its records.
access_log = logging.getLogger("clausecheck.access")
ACCESS_FIELDS = ("method", "endpoint", "path", "status", "duration_ms", "user_id")
#: A route's arguments that are never logged as they are (a path's token or secret).
_SECRET_ARG = re.compile(r"token|secret|password|signature", re.IGNORECASE)


def request_id() -> str | None:
    """The current request's id (made on first use), None outside a request."""
    if not has_request_context():
        return None
    found = g.get("request_id")
    if found is None:
        sent = request.headers.get(HEADER, "")
        found = sent if _SANE_ID.fullmatch(sent) else uuid.uuid4().hex
        g.request_id = found
    return found


class RequestIdFilter(logging.Filter):
    """Put ``request_id`` on every record ("-" outside a request)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not getattr(record, "request_id", None):
            try:
                record.request_id = request_id() or "-"
            except RuntimeError:  # a request context without an app context
                record.request_id = "-"
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object a line."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", "-"),
        }
        for field in ACCESS_FIELDS:
            if hasattr(record, field):
                entry[field] = getattr(record, field)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, default=str)


TEXT_FORMAT = "%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s"


class _Stderr(logging.StreamHandler):
    """Writes to whatever ``sys.stderr`` is at the time (a test's capture, say)."""

    def __init__(self) -> None:
        super().__init__()

    @property
    def stream(self):  # type: ignore[override]
        return sys.stderr

    @stream.setter
    def stream(self, _value) -> None:
        pass


def log_format(app: Flask) -> str:
    """``LOG_FORMAT``, or the default (see the module)."""
    chosen = (app.config.get("LOG_FORMAT") or "").strip().lower()
    if chosen:
        if chosen not in FORMATS:
            raise RuntimeError(f"LOG_FORMAT must be json or text, not {chosen!r}")
        return chosen
    interactive = hasattr(sys.stderr, "isatty") and sys.stderr.isatty()
    return "text" if app.debug or app.testing or interactive else "json"


def configure_logging(app: Flask) -> None:
    """One handler on the root logger in the chosen format (replacing one put there before
    by this function: create_app may run more than once in a process)."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_clausecheck", False):
            root.removeHandler(handler)
    handler = _Stderr()
    handler._clausecheck = True  # type: ignore[attr-defined]
    handler.addFilter(RequestIdFilter())
    fmt = log_format(app)
    handler.setFormatter(JsonFormatter() if fmt == "json" else logging.Formatter(TEXT_FORMAT))
    root.addHandler(handler)
    app.logger.removeHandler(default_handler)  # the root's handler writes the app's records
    for name in (app.logger.name, "clausecheck", "checklists", "inspections"):
        logger = logging.getLogger(name)
        if logger.level == logging.NOTSET:
            logger.setLevel(logging.DEBUG if app.debug else logging.INFO)


def _logged_path() -> str:
    """The request's path; its route's pattern instead when an argument names a secret."""
    args = request.view_args or {}
    if request.url_rule is not None and any(_SECRET_ARG.search(name) for name in args):
        return request.url_rule.rule
    return request.path


def _user_id() -> int | None:
    """The logged-in user's id if the request loaded the user (never loads it, nor reloads
    it: after the request's commit its attributes are expired, and reading one would cost a
    SELECT)."""
    user = g.get("_login_user")
    state = sa.inspect(user, raiseerr=False) if user is not None else None
    if state is not None and state.identity:
        return state.identity[0]
    return None


def init_app(app: Flask) -> None:
    """Logging, the request id, the access log and Sentry. Call it first in create_app, so
    that these hooks run before (and, after the request, after) every other."""
    configure_logging(app)
    reporting = init_sentry(app)

    @app.before_request
    def _start():
        g._access_started = time.perf_counter()
        rid = request_id()
        if reporting:
            sentry_sdk.set_tag("request_id", rid)

    @app.after_request
    def _finish(response: Response) -> Response:
        rid = request_id()
        if rid:
            response.headers[HEADER] = rid
        started = g.get("_access_started")
        duration = round((time.perf_counter() - started) * 1000, 1) if started else None
        fields = {
            "method": request.method,
            "endpoint": request.endpoint or "",
            "path": _logged_path(),
            "status": response.status_code,
            "duration_ms": duration,
            "user_id": _user_id(),
        }
        access_log.info(
            "%s %s %s %sms",
            fields["method"],
            fields["path"],
            fields["status"],
            duration,
            extra=fields,
        )
        return response


# --- Sentry --------------------------------------------------------------------------------


def init_sentry(app: Flask) -> bool:
    """Start reporting errors to ``SENTRY_DSN`` (once a process for a DSN); False when unset."""
    dsn = app.config.get("SENTRY_DSN") or ""
    if not dsn:
        return False
    client = sentry_sdk.get_client()
    if client.is_active() and client.options.get("dsn") == dsn:
        return True
    sentry_sdk.init(
        dsn=dsn,
        integrations=[FlaskIntegration()],
        auto_enabling_integrations=False,
        # send_default_pii stays unset, which is False: no user, address or cookies (sentry-sdk
        # 2.75 deprecates passing it; set, data_collection would also turn its scrubber off)
        include_local_variables=False,
        max_request_body_size="never",
        environment=app.config.get("SENTRY_ENVIRONMENT") or None,
        release=app.config.get("SENTRY_RELEASE") or None,
        before_send=_scrub,
    )
    return True


def _scrub(event: dict[str, Any], _hint: dict[str, Any]) -> dict[str, Any]:
    """No query string, cookies or body leave with an event."""
    sent = event.get("request")
    if isinstance(sent, dict):
        for key in ("query_string", "cookies", "data"):
            sent.pop(key, None)
        if isinstance(sent.get("url"), str):
            sent["url"] = sent["url"].split("?", 1)[0]
    return event
