"""Accounts in the API: tokens, the caller (``/me``) and the organisations it may see."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from flask import Request, current_app, g, jsonify
from flask_babel import gettext as _
from flask_login import current_user

from checklists.accounts import openapi
from checklists.accounts.models import ApiToken, Organisation, Region, User
from checklists.accounts.permissions import visible_organisations
from checklists.core.api import ApiError, ApiRoutes, json_body, paginate
from checklists.core.db import as_utc, utcnow
from checklists.core.errors import InputError
from checklists.core.extensions import db, limiter, login_rate_limit

routes = ApiRoutes(paths=openapi.PATHS, schemas=openapi.SCHEMAS)


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
    if record is None or as_utc(record.expires_at) < utcnow() or not record.user.active:
        return None
    g.auth_via = "bearer"
    return record.user


@routes.route("/tokens", methods=["POST"], public=True)
@limiter.limit(login_rate_limit, deduct_when=lambda response: response.status_code != 201)
def create_token():
    data = json_body(required=("username", "password"))
    user = db.session.scalar(sa.select(User).where(User.username == str(data["username"]).strip()))
    if user is None or not user.check_password(str(data["password"])) or not user.active:
        raise ApiError(401, "bad_credentials", _("Wrong username or password."))
    _record, plain = ApiToken.issue(user, current_app.config["API_TOKEN_DAYS"])
    db.session.commit()
    return jsonify(token=plain), 201


def organisation_json(org: Organisation) -> dict[str, Any]:
    return {
        "id": org.id,
        "name": org.name,
        "kind": org.kind.value,
        "credit_code": org.credit_code,
        "region": org.region.full_name if org.region else None,
    }


@routes.route("/organisations")
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


@routes.route("/me")
def me():
    return jsonify(me_json(current_user))


@routes.route("/me", methods=["PATCH"])
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
