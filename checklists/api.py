"""The JSON API's base: authentication, errors, pagination, tokens and organisations.

Later packages add routes to ``bp`` and paths to ``checklists.openapi``.
Auth: a bearer token from ``POST /api/v1/tokens``, or the browser session. Session requests
that write must send the session's CSRF token in ``X-CSRFToken``; bearer requests need none.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

import sqlalchemy as sa
from flask import Blueprint, Request, current_app, g, jsonify, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf.csrf import validate_csrf
from werkzeug.exceptions import HTTPException
from wtforms.validators import ValidationError

from checklists.accounts.models import ApiToken, Organisation, Region, User, utcnow
from checklists.accounts.permissions import visible_organisations
from checklists.errors import InputError
from checklists.extensions import db, limiter, login_rate_limit

bp = Blueprint("api", __name__, url_prefix="/api/v1")

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
    return request.path.startswith(bp.url_prefix or "/api/v1")


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
    return _api_error(ApiError(status, code, str(message)))


@bp.errorhandler(ApiError)
def _api_error(exc: ApiError):
    response = jsonify(error_body(exc.code, exc.message, exc.fields))
    response.status_code = exc.status
    if exc.status == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="clausecheck"'
    return response


@bp.errorhandler(InputError)
def _input_error(exc: InputError):
    return _api_error(ApiError(422, "invalid", _("The data is not valid."), exc.fields))


# --- authentication -------------------------------------------------------------------------


def _as_utc(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def user_from_bearer(req: Request) -> User | None:
    """Flask-Login request loader: the user of a valid ``Authorization: Bearer`` token."""
    header = req.headers.get("Authorization", "")
    if not header.lower().startswith("bearer "):
        return None
    token = header[7:].strip()
    record = db.session.scalar(
        sa.select(ApiToken)
        .options(sa.orm.joinedload(ApiToken.user))
        .where(ApiToken.token_hash == ApiToken.hash(token))
    )
    if record is None or _as_utc(record.expires_at) < utcnow() or not record.user.active:
        return None
    g.auth_via = "bearer"
    return record.user


@bp.before_request
def _authenticate_and_check_csrf():
    """Session writes need X-CSRFToken; bearer writes do not."""
    if request.endpoint in {"api.create_token", "api.openapi", "api.calendar_deadline"}:
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


@bp.route("/tokens", methods=["POST"])
@limiter.limit(login_rate_limit, deduct_when=lambda response: response.status_code != 201)
def create_token():
    data = json_body(required=("username", "password"))
    user = db.session.scalar(sa.select(User).where(User.username == str(data["username"]).strip()))
    if user is None or not user.check_password(str(data["password"])) or not user.active:
        raise ApiError(401, "bad_credentials", _("Wrong username or password."))
    _record, plain = ApiToken.issue(user, current_app.config["API_TOKEN_DAYS"])
    db.session.commit()
    return jsonify(token=plain), 201


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


def organisation_json(org: Organisation) -> dict[str, Any]:
    return {
        "id": org.id,
        "name": org.name,
        "kind": org.kind.value,
        "credit_code": org.credit_code,
        "region": org.region.full_name if org.region else None,
    }


@bp.route("/organisations")
def organisations():
    query = (
        visible_organisations(current_user)
        .options(sa.orm.joinedload(Organisation.region).joinedload(Region.parent))
        .order_by(Organisation.id)
    )
    return paginate(query, organisation_json)


def me_json(user: User) -> dict[str, Any]:
    return {
        "id": user.id,
        "username": user.username,
        "display_name": user.display_name,
        "role": user.role.value,
        "organisation_id": user.organisation_id,
        "region_id": user.region_id,
        "locale": user.locale,
    }


@bp.route("/me")
def me():
    return jsonify(me_json(current_user))


@bp.route("/me", methods=["PATCH"])
def update_me():
    """Change one's own display name or language (``locale``: "zh", "en" or null)."""
    data = json_body()
    errors: dict[str, str] = {}
    if "display_name" in data:
        name = data["display_name"]
        if not isinstance(name, str) or len(name) > 100:
            errors["display_name"] = _("Must be text of at most %(n)d characters.", n=100)
    if "locale" in data and data["locale"] not in (None, *current_app.config["LANGUAGES"]):
        errors["locale"] = _("Must be one of: %(choices)s.", choices="zh, en, null")
    if errors:
        raise InputError(errors)
    if "display_name" in data:
        current_user.display_name = data["display_name"].strip()
    if "locale" in data:
        current_user.locale = data["locale"]
    db.session.commit()
    return jsonify(me_json(current_user))


def document_json(doc) -> dict[str, Any]:
    return {
        "id": doc.id,
        "number": doc.number,
        "title": doc.title,
        "issuer": doc.issuer,
        "signed_on": _iso(doc.signed_on),
        "in_force_from": _iso(doc.in_force_from),
        "in_force_until": _iso(doc.in_force_until),
        "version": doc.version,
        "is_current": doc.is_current,
        "clause_count": doc.clause_count,
    }


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _decimal(value) -> str | None:
    return None if value is None else format(value.normalize(), "f")


def requirement_json(req) -> dict[str, Any]:
    return {
        "modality": req.modality,
        "kind": req.kind,
        "comparator": req.comparator,
        "value": _decimal(req.value),
        "low": _decimal(req.low),
        "high": _decimal(req.high),
        "unit": req.unit,
        "per": req.per,
        "span": req.span,
        "start": req.start,
        "trigger": req.trigger,
        "flags": list(req.flags),
    }


def clause_json(clause) -> dict[str, Any]:
    return {
        "id": clause.id,
        "key": clause.key,
        "path": clause.key.split("/")[1:],
        "text": clause.text,
        "text_hash": clause.text_hash,
        "parent_id": clause.parent_id,
        "table": clause.table,
        "requirements": [requirement_json(r) for r in clause.requirements],
    }


@bp.route("/documents")
def documents():
    """Current documents; ``?issuer=&year=&in_force=yes|no&q=`` as on the documents page."""
    from checklists.models import Clause, Document
    from checklists.standards_views import document_query

    counts = sa.select(sa.func.count()).where(Clause.document_id == Document.id).scalar_subquery()
    query = document_query(request.args).options(
        sa.orm.with_expression(Document.clause_count, counts)
    )
    return paginate(query, document_json)


@bp.route("/documents/<int:document_id>")
def document(document_id: int):
    from checklists import services
    from checklists.models import Document

    doc = db.session.get(Document, document_id)
    if doc is None:
        raise ApiError(404, "not_found", _("Not found."))
    clauses = services.clauses_with_requirements(doc)
    doc.clause_count = len(clauses)
    return jsonify(
        {**document_json(doc), "lineage": doc.lineage, "clauses": [clause_json(c) for c in clauses]}
    )


@bp.route("/clauses")
def clauses():
    """Clauses of current documents whose text contains ``q`` (two characters are enough)."""
    from checklists.search import search_clauses

    q = request.args.get("q", "").strip()
    if not q:
        raise ApiError(
            400, "bad_request", _("Give a search text in q."), {"q": _("This field is required.")}
        )
    limit = 1000
    hits = search_clauses(q, limit=limit)
    return jsonify(
        [
            {
                **clause_json(c),
                "document_id": c.document_id,
                "document_number": c.document.number,
                "document_title": c.document.title,
            }
            for c in hits
        ]
    )


def template_json(template) -> dict[str, Any]:
    return {
        "id": template.id,
        "name": template.name,
        "version": template.version,
        "status": str(template.status),
        "lineage": template.lineage,
        "org_kind": str(template.org_kind) if template.org_kind else None,
        "documents": template.document_numbers(),
    }


def template_item_json(item) -> dict[str, Any]:
    return {
        "id": item.id,
        "prompt": item.prompt,
        "guidance": item.guidance,
        "answer_type": item.answer_type,
        "rule": item.rule or {},
        "weight": _decimal(item.weight),
        "severity": str(item.severity),
        "na_allowed": item.na_allowed,
        "required": item.required,
        "scored": item.scored,
        "valid_from": _iso(item.valid_from),
        "valid_to": _iso(item.valid_to),
        "validity_confirmed": item.validity_confirmed,
        "clause": {
            "id": item.clause_id,
            "key": item.clause_key,
            "document": item.document_number,
            "document_version": item.document_version,
            "text": item.clause_text,
            "text_hash": item.clause_text_hash,
        },
    }


@bp.route("/templates")
def templates():
    """Checklist templates: published (and superseded) ones; authors and admins see drafts too.
    ``?status=draft|published|superseded`` narrows the list."""
    from checklists.models import ChecklistTemplate, TemplateSection
    from checklists.template_views import visible_templates

    query = visible_templates().options(
        sa.orm.selectinload(ChecklistTemplate.sections).selectinload(TemplateSection.items)
    )
    status = choice_arg("status", ("draft", "published", "superseded"))
    if status:
        query = query.where(ChecklistTemplate.status == status)
    return paginate(query.order_by(ChecklistTemplate.id), template_json)


@bp.route("/templates/<int:template_id>")
def template(template_id: int):
    from checklists.models import ChecklistTemplate
    from checklists.template_views import visible_templates

    found = db.session.scalar(visible_templates().where(ChecklistTemplate.id == template_id))
    if found is None:
        raise ApiError(404, "not_found", _("Not found."))
    return jsonify(
        {
            **template_json(found),
            "method": str(found.method),
            "grade_bands": found.grade_bands,
            "sections": [
                {"title": s.title, "items": [template_item_json(i) for i in s.items]}
                for s in found.sections
            ],
        }
    )


@bp.route("/openapi.json")
def openapi():
    from checklists.openapi import document

    return jsonify(document())
