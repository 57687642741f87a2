"""The JSON API's base: the ``/api/v1`` blueprint, errors, authentication, CSRF, JSON bodies,
pagination. No feature routes: each feature keeps its routes in an ``ApiRoutes`` of its own
(its ``api.py``), and ``api_blueprint`` makes the one ``api`` blueprint of them all, so every
endpoint is still named ``api.<function>``.

Auth: a bearer token from ``POST /api/v1/tokens``, or the browser session. Session requests
that write must send the session's CSRF token in ``X-CSRFToken``; bearer requests need none.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

import sqlalchemy as sa
from flask import Blueprint, Flask, current_app, g, jsonify, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf.csrf import validate_csrf
from werkzeug.exceptions import HTTPException
from wtforms.validators import ValidationError

from checklists.core import openapi
from checklists.core.db import as_utc
from checklists.core.errors import Conflict, InputError
from checklists.core.extensions import csrf, db

URL_PREFIX = "/api/v1"
WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


class ApiError(Exception):
    """An error answer: ``{"error": {"code", "message", "fields"}}`` with an HTTP status."""

    def __init__(
        self, status: int, code: str, message: str, fields: dict[str, str] | None = None
    ) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.fields = status, code, message, fields or {}


def error_body(code: str, message: str, fields: dict[str, str] | None = None) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "fields": fields or {}}}


def wants_api() -> bool:
    return request.path.startswith(URL_PREFIX)


_HTTP_CODES = {
    400: ("bad_request", _l("The request is malformed.")),
    401: ("unauthorized", _l("Please log in (session or bearer token).")),
    403: ("forbidden", _l("Your role may not do this.")),
    404: ("not_found", _l("Not found.")),
    405: ("method_not_allowed", _l("This method is not allowed here.")),
    409: ("conflict", _l("The request conflicts with the current state.")),
    413: ("too_large", _l("The request is too large.")),
    422: ("invalid", _l("The data is not valid.")),
    429: ("rate_limited", _l("Too many requests; please wait and try again.")),
    500: ("server_error", _l("Something went wrong on our side; nothing was saved.")),
}


def api_error_response(exc: HTTPException):
    """Turn an HTTP exception into the API's error format, translated."""
    status = exc.code or 500
    code, message = _HTTP_CODES.get(status, ("error", exc.name))
    response = error_response(ApiError(status, code, str(message)))
    allowed = getattr(exc, "valid_methods", None)  # a 405 says what is allowed (RFC 9110)
    if status == 405 and allowed:
        response.headers["Allow"] = ", ".join(sorted(allowed))
    return response


def error_response(exc: ApiError):
    """The JSON answer of an ``ApiError``."""
    response = jsonify(error_body(exc.code, exc.message, exc.fields))
    response.status_code = exc.status
    if exc.status == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="clausecheck"'
    return response


def _input_error(exc: InputError):
    return error_response(ApiError(422, "invalid", _("The data is not valid."), exc.fields))


def _conflict(exc: Conflict):
    return error_response(ApiError(409, exc.code, exc.message))


# --- the blueprint --------------------------------------------------------------------------


class ApiRoutes:
    """One feature's routes under ``/api/v1``, kept until ``api_blueprint`` adds them.

    ``@routes.route(rule, methods=..., public=True)`` as on a blueprint; ``public`` routes
    answer without a login (the token route, the OpenAPI document, the deadline calculator).
    """

    def __init__(
        self, *, paths: dict[str, Any] | None = None, schemas: dict[str, Any] | None = None
    ) -> None:
        self.rules: list[tuple[str, Callable[..., Any], dict[str, Any]]] = []
        self.error_handlers: list[tuple[type[Exception], Callable[..., Any]]] = []
        #: The feature's part of the OpenAPI document: paths (below /api/v1) and schemas.
        self.paths: dict[str, Any] = dict(paths or {})
        self.schemas: dict[str, Any] = dict(schemas or {})

    def route(self, rule: str, *, public: bool = False, **options: Any):
        def decorator(view: Callable[..., Any]) -> Callable[..., Any]:
            view.api_public = public  # type: ignore[attr-defined]
            self.rules.append((rule, view, options))
            return view

        return decorator

    def errorhandler(self, exc_class: type[Exception]):
        """Answer a feature's own exception under ``/api/v1`` (as ``Blueprint.errorhandler``)."""

        def decorator(handler: Callable[..., Any]) -> Callable[..., Any]:
            self.error_handlers.append((exc_class, handler))
            return handler

        return decorator


def api_blueprint(*parts: ApiRoutes) -> Blueprint:
    """The ``api`` blueprint (``/api/v1``) with the routes of ``parts``, its error answers and
    its authentication and CSRF check."""
    bp = Blueprint("api", __name__, url_prefix=URL_PREFIX)
    for part in parts:
        for rule, view, options in part.rules:
            bp.add_url_rule(rule, view_func=view, **options)
        for exc_class, handler in part.error_handlers:
            bp.register_error_handler(exc_class, handler)
    bp.register_error_handler(ApiError, error_response)
    bp.register_error_handler(InputError, _input_error)
    bp.register_error_handler(Conflict, _conflict)
    bp.before_request(_authenticate_and_check_csrf)
    paths = {path: spec for part in parts for path, spec in part.paths.items()}
    schemas = {name: spec for part in parts for name, spec in part.schemas.items()}

    def openapi_document():
        return jsonify(openapi.document(paths, schemas))

    openapi_document.api_public = True  # type: ignore[attr-defined]
    bp.add_url_rule("/openapi.json", "openapi", view_func=openapi_document)
    return bp


def add_routes(app: Flask, routes: ApiRoutes) -> None:
    """A feature's ``register(app)`` hands in its API routes; ``register_api`` adds them all."""
    app.extensions.setdefault("api_routes", []).append(routes)


def register_api(app: Flask) -> Blueprint:
    """Register the ``api`` blueprint made of every feature's routes (after the features)."""
    bp = api_blueprint(*app.extensions.get("api_routes", []))
    app.register_blueprint(bp)
    csrf.exempt(bp)  # the API checks X-CSRFToken itself, for session writes only
    app.after_request(_no_store)
    return bp


def _no_store(response):
    """JSON answers of the API are the caller's own data at one moment: never cached (errors
    for unknown routes and methods included, hence on the app, not the blueprint)."""
    if wants_api() and response.mimetype == "application/json":
        response.headers.setdefault("Cache-Control", "no-store")
    return response


def _authenticate_and_check_csrf():
    """Every route but the public ones needs a login; session writes need X-CSRFToken, bearer
    writes do not (``g.auth_via``, set by the bearer request loader)."""
    view = current_app.view_functions.get(request.endpoint or "")
    if getattr(view, "api_public", False):
        return None
    if not current_user.is_authenticated:
        raise ApiError(401, "unauthorized", _("Please log in (session or bearer token)."))
    if request.method in WRITE_METHODS and g.get("auth_via") != "bearer":
        try:
            validate_csrf(request.headers.get("X-CSRFToken", ""), time_limit=None)
        except ValidationError:
            raise ApiError(
                400, "csrf", _("The X-CSRFToken header is missing or does not match the session.")
            ) from None
    return None


def json_body(required: Iterable[str] = ()) -> dict[str, Any]:
    """The request's JSON object, or a 400 naming what is wrong."""
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        raise ApiError(400, "bad_request", _("The body must be a JSON object."))
    missing = {
        name: _("This field is required.") for name in required if data.get(name) in (None, "")
    }
    if missing:
        raise ApiError(400, "bad_request", _("Required fields are missing."), missing)
    return data


def refuse_unless_ok(status: int) -> None:
    """Answer a permission check's 404 (missing, or another organisation's) or 403 (visible,
    but not for this role) as the API's error; 200 passes."""
    if status == 404:
        raise ApiError(404, "not_found", _("Not found."))
    if status == 403:
        raise ApiError(403, "forbidden", _("Your role may not do this."))


def choice_arg(name: str, allowed: Iterable[str]) -> str | None:
    """The query argument ``name`` if given, or a 400 naming the allowed values."""
    value = request.args.get(name)
    if not value:
        return None
    allowed = list(allowed)
    if value not in allowed:
        raise ApiError(
            400,
            "bad_request",
            _("Unknown filter %(name)s.", name=name),
            {name: _("One of: %(allowed)s.", allowed=", ".join(allowed))},
        )
    return value


def id_arg(name: str) -> int | None:
    """The query argument ``name`` as a whole number if given, or a 400."""
    value = request.args.get(name)
    if not value:
        return None
    if not value.isdigit():
        raise ApiError(
            400,
            "bad_request",
            _("Unknown filter %(name)s.", name=name),
            {name: _("Must be a whole number.")},
        )
    return int(value)


# --- lists ----------------------------------------------------------------------------------


def paginate(query: sa.Select, serialise: Callable[[Any], dict[str, Any]]):
    """Run ``query`` one page at a time (``?page=&per_page=``) with a ``Link`` to the next."""
    errors: dict[str, str] = {}
    values: dict[str, int] = {}
    for name, default, high in (("page", 1, None), ("per_page", 100, 1000)):
        raw = request.args.get(name, str(default))
        try:
            values[name] = int(raw)
        except ValueError:
            errors[name] = _("Must be a whole number.")
            continue
        if values[name] < 1 or (high is not None and values[name] > high):
            errors[name] = (
                _("Must be between 1 and %(high)d.", high=high)
                if high
                else _("Must be at least 1.")
            )
    if errors:
        raise ApiError(400, "bad_request", _("Invalid pagination."), errors)
    page, per_page = values["page"], values["per_page"]
    rows = (
        db.session.scalars(query.limit(per_page + 1).offset((page - 1) * per_page)).unique().all()
    )
    response = jsonify([serialise(row) for row in rows[:per_page]])
    if len(rows) > per_page:
        args = {**request.args.to_dict(), "page": page + 1, "per_page": per_page}
        next_url = url_for(request.endpoint, **(request.view_args or {}), **args, _external=True)
        response.headers["Link"] = f'<{next_url}>; rel="next"'
    return response


def iso_date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def iso_time(value: dt.datetime | None) -> str | None:
    """A moment as ISO 8601 with its offset (a naive one is UTC, as SQLite gives it back)."""
    return None if value is None else as_utc(value).isoformat()


def decimal_text(value) -> str | None:
    return None if value is None else format(value.normalize(), "f")
