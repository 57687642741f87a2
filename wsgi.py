"""Application factory. Serve with ``gunicorn 'wsgi:create_app()'``; ``flask`` finds it too."""

from __future__ import annotations

import datetime as dt
import gc
import gzip
import os
import sqlite3
import time
from collections.abc import Mapping
from typing import Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from flask import (
    Flask,
    current_app,
    has_request_context,
    render_template,
    request,
    session,
)
from flask_babel import format_date, format_datetime, get_locale
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import (
    BadRequest,
    HTTPException,
    InternalServerError,
    ServiceUnavailable,
)
from werkzeug.middleware.proxy_fix import ProxyFix

from checklists.accounts import feature as accounts
from checklists.accounts import services as account_services
from checklists.accounts import throttle
from checklists.accounts.api import user_from_bearer
from checklists.accounts.forms import ROLE_LABELS
from checklists.accounts.models import User
from checklists.authoring import feature as authoring
from checklists.core import assets, metrics, observability, s3store, security
from checklists.core.api import (
    BUSY,
    ApiError,
    Int64Converter,
    api_error_response,
    error_response,
    http_message,
    register_api,
    wants_api,
)
from checklists.core.config import (
    DEFAULT_SECRET_KEY,
    Defaults,
    from_environment,
    normalise_database_url,
)
from checklists.core.errors import is_busy
from checklists.core.extensions import babel, csrf, db, login_manager, migrate
from checklists.core.requests import NulInput, Request
from checklists.standards import feature as standards
from checklists.standards import search_index
from inspections import cli, home
from inspections.credit import feature as credit
from inspections.filling import feature as filling
from inspections.findings import feature as findings
from inspections.jobs import feature as jobs
from inspections.presence import feature as presence
from inspections.review import feature as review
from inspections.scheduling import feature as scheduling
from inspections.spotcheck import feature as spotcheck
from inspections.supervision import feature as supervision

#: Stores beside the local disk, imported for the backend each registers (``BLOB_STORE``).
BLOB_BACKENDS = (s3store,)

#: The features, in the order their blueprints are registered; each has ``register(app)``.
FEATURES = (
    accounts,
    standards,
    authoring,
    filling,
    findings,
    presence,
    review,
    supervision,
    credit,
    spotcheck,
    scheduling,
    jobs,
)

MIGRATIONS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "checklists", "migrations")


def create_app(test_config: Mapping[str, Any] | None = None) -> Flask:
    """Build the app: defaults, then instance/config.py and the environment (or test_config)."""
    app = Flask(__name__, instance_relative_config=True)
    app.request_class = Request  # a NUL in any input: refused naming the field
    app.url_map.converters["int"] = Int64Converter  # ids beyond 64 bits: 404, not 500
    _load_config(app, test_config)
    observability.init_app(app)  # first: its hooks run around every other one
    metrics.init_app(app)
    _register_extensions(app)
    _register_blueprints(app)
    _register_errors(app)
    _register_templates(app)
    _register_cli(app)
    if not app.testing:
        # Everything loaded so far (modules, metadata, templates, compiled patterns) lives as
        # long as the process: out of the collector's sight, so that its full passes stay
        # short. With them in sight a full pass stalled a request for ~100 ms every so often
        # (the answer endpoint's p99: 130 → 23 ms, and 547 → 673 answers/s on SQLite).
        gc.freeze()
    return app


def _load_config(app: Flask, test_config: Mapping[str, Any] | None) -> None:
    app.config.from_object(Defaults)
    if test_config is None:
        app.config.from_pyfile("config.py", silent=True)
        app.config.from_mapping(from_environment(os.environ))
    else:
        app.config.from_mapping(test_config)
    os.makedirs(app.instance_path, exist_ok=True)
    uri = app.config.get("SQLALCHEMY_DATABASE_URI") or (
        "sqlite:///" + os.path.join(app.instance_path, "clausecheck.sqlite")
    )
    app.config["SQLALCHEMY_DATABASE_URI"] = normalise_database_url(uri)
    _limit_lock_waits(app)
    if app.config["SECRET_KEY"] == DEFAULT_SECRET_KEY and not (app.debug or app.testing):
        raise RuntimeError(
            "拒绝启动：SECRET_KEY 仍是默认值。请在 instance/config.py 或环境变量 SECRET_KEY 中设置"
            "随机密钥（make run 会自动生成）。/ Refusing to start with the default SECRET_KEY."
        )
    if app.config["SECURITY_LOG_MONTHS"] < security.MIN_MONTHS:
        raise RuntimeError(
            "拒绝启动：SECURITY_LOG_MONTHS 不得少于 6 个月（网络安全法第二十一条）。"
            "/ Refusing to start: the security log must be kept at least 6 months."
        )
    if app.config["REMEMBER_COOKIE_SECURE"] is None:
        app.config["REMEMBER_COOKIE_SECURE"] = app.config["SESSION_COOKIE_SECURE"]
    if app.config["PROXY_COUNT"]:
        n = app.config["PROXY_COUNT"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=n, x_proto=n, x_host=n)  # type: ignore[method-assign]


def _limit_lock_waits(app: Flask) -> None:
    """A write waits at most ``DATABASE_BUSY_TIMEOUT`` seconds for another writer's lock, then
    fails (the request answers 503 with Retry-After): SQLite's busy timeout (sqlite3's
    ``timeout``), PostgreSQL's ``lock_timeout``."""
    seconds = app.config["DATABASE_BUSY_TIMEOUT"]
    url = sa.engine.make_url(app.config["SQLALCHEMY_DATABASE_URI"])
    options = dict(app.config["SQLALCHEMY_ENGINE_OPTIONS"])
    connect_args = dict(options.get("connect_args", {}))
    if url.get_backend_name() == "sqlite":
        connect_args.setdefault("timeout", seconds)
    elif url.get_backend_name() == "postgresql":
        # connect_args replace the URL's own "options": keep them, add the lock timeout
        given = connect_args.get("options", url.query.get("options", ""))
        if "lock_timeout" not in given:
            connect_args["options"] = f"{given} -c lock_timeout={int(seconds * 1000)}".strip()
    options["connect_args"] = connect_args
    app.config["SQLALCHEMY_ENGINE_OPTIONS"] = options


def _ping_if_idle(engine: sa.engine.Engine, after: float) -> None:
    """PostgreSQL: check a pooled connection before use only when it has been idle more than
    ``after`` seconds (SQLAlchemy's pessimistic disconnect handling, custom): a busy process
    pays no round trip a request, a connection that died while idle (the server restarted,
    a firewall dropped it) is replaced before a request meets it."""
    if engine.dialect.name != "postgresql":
        return

    @sa.event.listens_for(engine, "checkin")
    def _checked_in(_dbapi_connection: Any, record: Any) -> None:
        record.info["idle_since"] = time.monotonic()

    @sa.event.listens_for(engine, "checkout")
    def _checked_out(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        since = record.info.get("idle_since")
        if since is None or time.monotonic() - since <= after:
            return
        try:
            with dbapi_connection.cursor() as cursor:
                cursor.execute("SELECT 1")
            dbapi_connection.rollback()
        except Exception as exc:  # any failure: the pool replaces the connection
            raise sa.exc.DisconnectionError() from exc


@sa.event.listens_for(sa.engine.Engine, "connect")
def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """SQLite: enforce foreign keys and use WAL so readers do not block the writer."""
    if isinstance(dbapi_connection, sqlite3.Connection):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.close()


def _select_locale() -> str:
    languages = list(current_app.config["LANGUAGES"])
    if not has_request_context():
        return languages[0]
    if current_user and current_user.is_authenticated and current_user.locale in languages:
        return current_user.locale
    if session.get("lang") in languages:
        return session["lang"]
    return request.accept_languages.best_match(languages, default=languages[0])


def _register_extensions(app: Flask) -> None:
    db.init_app(app)
    with app.app_context():
        _ping_if_idle(db.engine, float(app.config["DATABASE_PING_AFTER"]))
    migrate.init_app(
        app,
        db,
        directory=MIGRATIONS,
        render_as_batch=True,
        compare_type=True,
        include_name=search_index.include_name,
        include_object=search_index.include_object,
    )
    csrf.init_app(app)
    throttle.init_app(app)
    babel.init_app(app, locale_selector=_select_locale)
    login_manager.init_app(app)
    login_manager.login_view = "accounts.login"
    login_manager.login_message = None  # the login page says enough
    login_manager.session_protection = "basic"

    login_manager.user_loader(account_services.user_from_session)

    @login_manager.request_loader
    def load_user_from_bearer(req) -> User | None:
        return user_from_bearer(req)


def _register_blueprints(app: Flask) -> None:
    app.register_blueprint(home.bp)
    for feature in FEATURES:
        feature.register(app)
    register_api(app)

    @app.after_request
    def compress(response):
        return _gzip(response)

    @app.after_request
    def security_log(response):
        kind = security.classify(response)
        if kind:
            detail = {"endpoint": request.endpoint or ""}
            security.record_now(kind, status=response.status_code, detail=detail)
        return response

    @app.after_request
    def security_headers(response):
        # (a header is set unless the view set its own; ``in`` first: werkzeug's setdefault
        # builds and catches an exception for every header that is not there yet)
        headers = response.headers

        def default(name: str, value: str) -> None:
            if name not in headers:
                headers[name] = value

        default("X-Content-Type-Options", "nosniff")
        if request.endpoint == "static" and response.mimetype != "text/html":
            # a script, style sheet or icon: what guards a page (framing, CSP, the referrer)
            # does not apply to it, and a phone on a weak signal pays for every header byte
            headers.pop("Content-Disposition", None)
            if request.is_secure:
                default("Strict-Transport-Security", HSTS)
            return response
        default("X-Frame-Options", "SAMEORIGIN")
        default("Referrer-Policy", "same-origin")
        if request.is_secure:  # behind PROXY_COUNT proxies: as X-Forwarded-Proto says
            default("Strict-Transport-Security", HSTS)
        default(
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data: blob:; "
            f"style-src 'self' {assets.inline_style_source()}; "
            f"script-src 'self' {assets.JS_CLASS_HASH}; object-src 'none'; base-uri 'self'; "
            "frame-ancestors 'self'",
        )
        return response


HSTS = "max-age=31536000; includeSubDomains"
#: Text answers worth compressing (a phone on a weak signal pays for every byte).
COMPRESSIBLE = {
    "text/html",
    "text/css",
    "text/javascript",
    "application/javascript",
    "application/json",
    "image/svg+xml",
}


def _gzip(response):
    """gzip text answers when the client accepts it (a proxy in front may do it instead)."""
    if (
        response.status_code != 200
        or response.mimetype not in COMPRESSIBLE
        or "Content-Encoding" in response.headers
        or "gzip" not in request.headers.get("Accept-Encoding", "")
        or response.is_streamed
        and not response.direct_passthrough
    ):
        return response
    response.direct_passthrough = False  # static files: read them here
    data = response.get_data()
    if len(data) < 1024:
        return response
    response.set_data(gzip.compress(data, compresslevel=6))
    response.headers["Content-Encoding"] = "gzip"
    response.vary.add("Accept-Encoding")
    etag, weak = response.get_etag()
    if etag:
        response.set_etag(etag, weak=True)
    return response


def _register_errors(app: Flask) -> None:
    def render_error(exc: HTTPException):
        code = exc.code or 500
        if wants_api():
            return api_error_response(exc)
        template = code if code in (400, 403, 404, 413, 429, 500) else "generic"
        message = http_message(code, exc.description or "")
        response = render_template(f"errors/{template}.html", error=exc, message=message)
        return response, code

    @app.errorhandler(NulInput)
    def nul_input(exc: NulInput):
        reason = _("Contains a NUL character (U+0000), which no text may hold.")
        if wants_api():
            status, code = (400, "bad_request") if exc.source == "query" else (422, "invalid")
            message = http_message(status, "")
            return error_response(ApiError(status, code, message, {exc.field: reason}))
        page = render_template(
            "errors/generic.html", error=BadRequest(), message=f"{exc.field}：{reason}"
        )
        return page, 400

    @app.errorhandler(CSRFError)
    def csrf_error(exc: CSRFError):
        return render_template("errors/csrf.html", error=exc), 400

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        return render_error(exc)

    @app.errorhandler(Exception)
    def unhandled(exc: Exception):
        if isinstance(exc, HTTPException):
            return render_error(exc)
        db.session.rollback()
        if is_busy(exc):
            # another writer held the database too long: nothing was written, try again
            app.logger.warning("database busy: %s %s answered 503", request.method, request.path)
            if wants_api():
                response = error_response(ApiError(503, "busy", str(BUSY)))
            else:
                page = render_template(
                    "errors/generic.html", error=ServiceUnavailable(), message=BUSY
                )
                response = app.make_response((page, 503))
            response.headers["Retry-After"] = str(app.config["BUSY_RETRY_AFTER"])
            return response
        app.logger.exception("unhandled error")
        return render_error(InternalServerError())


def _register_templates(app: Flask) -> None:
    assets.register(app)  # url_for('static', ...) carries ?v=<content hash>
    app.jinja_env.filters["date"] = lambda value, fmt="long": (
        format_date(value, fmt) if value else ""
    )
    app.jinja_env.filters["datetime"] = lambda value, fmt="medium": (
        format_datetime(value, fmt) if value else ""
    )

    @app.context_processor
    def inject() -> dict[str, Any]:
        return {
            "role_labels": ROLE_LABELS,
            "current_locale": str(get_locale()),
            "today_date": dt.datetime.now(ZoneInfo(app.config["BABEL_DEFAULT_TIMEZONE"])).date(),
        }


def _register_cli(app: Flask) -> None:
    cli.register(app)
