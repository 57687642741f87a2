"""The JSON API's base: the ``/api/v1`` blueprint, errors, authentication, CSRF, JSON bodies,
pagination. No feature routes: each feature keeps its routes in an ``ApiRoutes`` of its own
(its ``api.py``), and ``api_blueprint`` makes the one ``api`` blueprint of them all, so every
endpoint is still named ``api.<function>``.

Auth: a bearer token from ``POST /api/v1/tokens``, or the browser session. Session requests
that write must send the session's CSRF token in ``X-CSRFToken``; bearer requests need none.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import sqlalchemy as sa
from flask import Blueprint, Flask, current_app, g, jsonify, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf.csrf import validate_csrf
from pydantic import BaseModel
from werkzeug.exceptions import HTTPException, NotFound
from werkzeug.routing import IntegerConverter
from wtforms.validators import ValidationError

from checklists.core import apidoc
from checklists.core.errors import Conflict, InputError
from checklists.core.extensions import csrf, db
from checklists.core.schemas import ID_MAX, M, Page, Refused, dump, parse

URL_PREFIX = "/api/v1"
#: How routes describe their 404 in the document (another organisation's is missing too).
NOT_FOUND = "Missing, or outside the caller's scope"
WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


class ApiError(Exception):
    """An error answer: ``{"error": {"code", "message", "fields"}}`` with an HTTP status."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        fields: dict[str, str] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.fields = status, code, message, fields or {}
        self.headers = headers or {}


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

#: A 503 answered because the database was busy (``wsgi``): the phone sends it again.
BUSY = _l("The server is busy; nothing was saved. Please try again shortly.")


def http_message(status: int, default: str) -> str:
    """The translated sentence for an HTTP status (the API's and the error pages' words)."""
    found = _HTTP_CODES.get(status)
    return str(found[1]) if found else default


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
    response.headers.update(exc.headers)
    if exc.status == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="clausecheck"'
    return response


def _input_error(exc: InputError):
    return error_response(ApiError(422, "invalid", _("The data is not valid."), exc.fields))


def _conflict(exc: Conflict):
    return error_response(ApiError(409, exc.code, exc.message))


class Int64Converter(IntegerConverter):
    """``<int:...>`` in every URL (each one a record's id): a whole number. One beyond the
    ids a record can have (``ID_MAX``, PostgreSQL's INTEGER) names no record: 404 for every
    method (not a 500 from the database driver, and not werkzeug's 405 that a failed ``max``
    check gives when another method's rule has the same path)."""

    def to_python(self, value: str) -> int:
        number = super().to_python(value)
        if number > ID_MAX:
            raise NotFound()
        return number


# --- the blueprint --------------------------------------------------------------------------


class ApiRoutes:
    """One feature's routes under ``/api/v1``, kept until ``api_blueprint`` adds them.

    ``@routes.route(rule, methods=..., public=True, body=, form=, query=, responses=)`` as on a
    blueprint, plus what the route reads and answers (pydantic models, see ``apidoc``):
    ``public`` routes answer without a login (the token route, the OpenAPI document, the
    deadline calculator). The view's docstring is the operation's summary.
    """

    def __init__(self) -> None:
        self.rules: list[tuple[str, Callable[..., Any], dict[str, Any]]] = []
        self.error_handlers: list[tuple[type[Exception], Callable[..., Any]]] = []
        self.operations: list[apidoc.Operation] = []
        #: Answers this feature extends (base model → extended model), see ``extend``.
        self.substitutes: dict[type[BaseModel], type[BaseModel]] = {}

    def route(
        self,
        rule: str,
        *,
        public: bool = False,
        body: type[BaseModel] | None = None,
        form: type[BaseModel] | None = None,
        query: type[BaseModel] | None = None,
        responses: dict[int, apidoc.Response] | None = None,
        summary: str | None = None,
        **options: Any,
    ):
        def decorator(view: Callable[..., Any]) -> Callable[..., Any]:
            view.api_public = public  # type: ignore[attr-defined]
            self.rules.append((rule, view, options))
            for method in options.get("methods", ["GET"]):
                self.operations.append(
                    apidoc.Operation(
                        rule=rule,
                        method=method.upper(),
                        view=view,
                        public=public,
                        summary=summary,
                        body=body,
                        form=form,
                        query=query,
                        responses=dict(responses or {}),
                    )
                )
            return view

        return decorator

    def errorhandler(self, exc_class: type[Exception]):
        """Answer a feature's own exception under ``/api/v1`` (as ``Blueprint.errorhandler``)."""

        def decorator(handler: Callable[..., Any]) -> Callable[..., Any]:
            self.error_handlers.append((exc_class, handler))
            return handler

        return decorator

    def extend(self, base: type[BaseModel], extended: type[BaseModel]) -> None:
        """Document ``extended`` wherever an answer names ``base``: a later feature adds keys
        to an earlier feature's answer (through a hook) without the earlier one knowing it."""
        self.substitutes[base] = extended


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
    operations = [op for part in parts for op in part.operations]
    substitutes = {base: ext for part in parts for base, ext in part.substitutes.items()}
    cached: dict[str, Any] = {}

    def openapi_document():
        """This document (OpenAPI 3.1), generated from the routes' models."""
        if "doc" not in cached:
            cached["doc"] = apidoc.document(operations, substitutes)
        return jsonify(cached["doc"])

    openapi_document.api_public = True  # type: ignore[attr-defined]
    bp.add_url_rule("/openapi.json", "openapi", view_func=openapi_document)
    operations.append(
        apidoc.Operation(
            rule="/openapi.json",
            method="GET",
            view=openapi_document,
            public=True,
            responses={200: (None, "The OpenAPI 3.1 document")},
        )
    )
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


def json_body() -> dict[str, Any]:
    """The request's JSON object, or a 400."""
    try:
        data = request.get_json(silent=True)
    except RecursionError:  # nested beyond what the parser follows: malformed, not a crash
        data = None
    if not isinstance(data, dict):
        raise ApiError(400, "bad_request", _("The body must be a JSON object."))
    return data


def refused(exc: Refused) -> ApiError:
    """A body or form refused by ``parse``: required fields absent are a malformed request
    (400), anything else an invalid one (422); ``fields`` names each."""
    if exc.missing:
        return ApiError(400, "bad_request", _("Required fields are missing."), exc.missing)
    return ApiError(422, "invalid", _("The data is not valid."), exc.invalid)


def body(model: type[M]) -> M:
    """The request's JSON body as ``model`` (a 400 if it is not a JSON object, a 400 or 422
    naming the fields if it does not fit). Call it after the checks that come first (404,
    403, 409), so their answers are not hidden behind a body's mistakes."""
    try:
        return parse(model, json_body())
    except Refused as exc:
        raise refused(exc) from None


def form(model: type[M], files: Iterable[str] = ("file",)) -> M:
    """The multipart form's text fields as ``model`` (file parts are read by the view)."""
    data = {k: v for k, v in request.form.items() if k not in files}
    try:
        return parse(model, data)
    except Refused as exc:
        raise refused(exc) from None


def args(model: type[M]) -> M:
    """The query string as ``model``; a wrong value is a bad request (400) naming it."""
    try:
        return parse(model, request.args.to_dict())
    except Refused as exc:
        fields = {**exc.missing, **exc.invalid}
        raise ApiError(400, "bad_request", _("Invalid query parameters."), fields) from None


def reply(answer: BaseModel | list[BaseModel], status: int = 200):
    """The JSON answer of a model (or a list of them) with ``status``."""
    if isinstance(answer, list):
        response = jsonify([dump(item) for item in answer])
    else:
        response = jsonify(dump(answer))
    response.status_code = status
    return response


def refuse_unless_ok(status: int) -> None:
    """Answer a permission check's 404 (missing, or another organisation's) or 403 (visible,
    but not for this role) as the API's error; 200 passes."""
    if status == 404:
        raise ApiError(404, "not_found", _("Not found."))
    if status == 403:
        raise ApiError(403, "forbidden", _("Your role may not do this."))


# --- lists ----------------------------------------------------------------------------------


def paginate(
    query: sa.Select,
    page: Page,
    serialise: Callable[[Any], BaseModel],
    before: Callable[[list[Any]], None] | None = None,
):
    """Run ``query`` one page at a time (``page``: the parsed ``?page=&per_page=``) with a
    ``Link`` to the next; each row becomes its answer model. ``before`` sees the page's rows
    first (to load what they need in one query)."""
    offset = (page.page - 1) * page.per_page
    rows = db.session.scalars(query.limit(page.per_page + 1).offset(offset)).unique().all()
    if before is not None:
        before(list(rows[: page.per_page]))
    response = jsonify([dump(serialise(row)) for row in rows[: page.per_page]])
    if len(rows) > page.per_page:
        args = {**request.args.to_dict(), "page": page.page + 1, "per_page": page.per_page}
        next_url = url_for(request.endpoint, **(request.view_args or {}), **args, _external=True)
        response.headers["Link"] = f'<{next_url}>; rel="next"'
    return response
