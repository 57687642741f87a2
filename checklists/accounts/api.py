"""Accounts in the API: tokens, the caller (``/me``) and the organisations it may see."""

from __future__ import annotations

import time
from typing import Any

import sqlalchemy as sa
from flask import Request, current_app, g
from flask_babel import gettext as _
from flask_login import current_user

from checklists.accounts import marks, services, throttle
from checklists.accounts import schemas as s
from checklists.accounts.models import ApiToken, Organisation, Region, User
from checklists.accounts.permissions import visible_organisations
from checklists.core.api import ApiError, ApiRoutes, args, body, paginate, reply
from checklists.core.db import as_loaded, as_utc, utcnow
from checklists.core.errors import InputError
from checklists.core.extensions import client_address, db
from checklists.core.schemas import Page

routes = ApiRoutes()


#: The longest a verified token is trusted without asking the database again (seconds): a
#: token revoked or a user deactivated stops working in every process within this.
TOKEN_CACHE_MAX = 5.0
#: Verified tokens kept per process: beyond this many, the keep starts again.
TOKENS_KEPT = 10_000


def user_from_bearer(req: Request) -> User | None:
    """Flask-Login request loader: the user of a valid ``Authorization: Bearer`` token.

    A token verified less than ``TOKEN_CACHE_SECONDS`` ago (at most ``TOKEN_CACHE_MAX``) is
    trusted without a query: the user is rebuilt from the columns read then and attached to
    the session as loaded (its relationships load when used)."""
    header = req.headers.get("Authorization", "")
    if not header.lower().startswith("bearer "):
        return None
    digest = ApiToken.hash(header[7:].strip())
    seconds = min(float(current_app.config["TOKEN_CACHE_SECONDS"]), TOKEN_CACHE_MAX)
    kept: dict[str, tuple[float, Any, dict[str, Any]]] = current_app.extensions.setdefault(
        "verified_tokens", {}
    )
    now = time.monotonic()
    hit = kept.get(digest) if seconds > 0 else None
    if hit is not None and now - hit[0] < seconds and hit[1] > utcnow():
        user = as_loaded(User, hit[2])
    else:
        record = db.session.scalar(
            sa.select(ApiToken)
            .options(sa.orm.joinedload(ApiToken.user))
            .where(ApiToken.token_hash == digest)
        )
        if record is None or as_utc(record.expires_at) < utcnow() or not record.user.active:
            kept.pop(digest, None)
            return None
        user = record.user
        if seconds > 0:
            if len(kept) >= TOKENS_KEPT:
                kept.clear()
            kept[digest] = (now, as_utc(record.expires_at), _columns(user))
    g.auth_via = "bearer"
    return user


def _columns(user: User) -> dict[str, Any]:
    return {attr.key: getattr(user, attr.key) for attr in sa.inspect(User).column_attrs}


@routes.route(
    "/tokens",
    methods=["POST"],
    public=True,
    body=s.TokenRequest,
    responses={
        201: (s.Token, "A new token"),
        401: "bad_credentials: wrong username or password",
        403: "password_change_required: an admin asked for a new password (set it on the web)",
        429: "Too many attempts: login is locked for a while",
    },
)
def create_token():
    """Exchange a username and password for a bearer token. Failed attempts count with the
    login page's: per username and per client address."""
    data = body(s.TokenRequest)
    try:
        user = services.log_in(data.username, data.password, client_address())
    except throttle.Locked as locked:
        db.session.commit()  # the security log's event
        raise ApiError(
            429, "rate_limited", locked.message, headers={"Retry-After": str(locked.seconds)}
        ) from None
    db.session.commit()  # the security log's event
    if user is None or not user.active:
        raise ApiError(401, "bad_credentials", _("Wrong username or password."))
    if user.must_change_password:
        raise ApiError(
            403,
            "password_change_required",
            _("An administrator asks you to set a new password: log in on the web page first."),
        )
    _record, plain = ApiToken.issue(user, current_app.config["API_TOKEN_DAYS"])
    db.session.commit()
    return reply(s.Token(token=plain), 201)


def organisation_json(org: Organisation, credit: list[dict] | None = None) -> s.Organisation:
    if credit is None:
        credit = marks.of("credit", [org.id])[org.id]
    return s.Organisation(
        id=org.id,
        name=org.name,
        kind=org.kind,
        credit_code=org.credit_code,
        region=org.region.full_name if org.region else None,
        credit=[s.OrganisationCredit(**mark) for mark in credit],
    )


@routes.route(
    "/organisations",
    query=Page,
    responses={200: ([s.Organisation], "One page; a Link header points at the next")},
)
def organisations():
    """The organisations the caller may see."""
    page = args(Page)
    query = (
        visible_organisations(current_user)
        .options(sa.orm.joinedload(Organisation.region).joinedload(Region.parent))
        .order_by(Organisation.id)
    )
    credit: dict[int, list[dict]] = {}

    def load_marks(rows: list[Organisation]) -> None:
        credit.update(marks.of("credit", [org.id for org in rows]))

    return paginate(query, page, lambda org: organisation_json(org, credit[org.id]), load_marks)


@routes.route(
    "/organisations/<int:organisation_id>",
    responses={200: (s.Organisation, "The organisation"), 404: "Not found"},
)
def organisation(organisation_id: int):
    """One organisation the caller may see, with its entries on a credit list today."""
    org = db.session.scalar(
        visible_organisations(current_user).where(Organisation.id == organisation_id)
    )
    if org is None:
        raise ApiError(404, "not_found", _("Not found."))
    return reply(organisation_json(org))


def me_json(user: User) -> s.Me:
    return s.Me.model_validate(user)


@routes.route("/me", responses={200: (s.Me, "The account")})
def me():
    """The caller's account."""
    return reply(me_json(current_user))


@routes.route(
    "/me",
    methods=["PATCH"],
    body=s.MeUpdate,
    responses={
        200: (s.Me, "The updated account"),
        422: "Invalid values; fields says which",
    },
)
def update_me():
    """Change one's own display name or language (``locale``: "zh", "en" or null)."""
    data = body(s.MeUpdate)
    if data.locale is not None and data.locale not in current_app.config["LANGUAGES"]:
        raise InputError({"locale": _("Must be one of: %(choices)s.", choices="zh, en, null")})
    if "display_name" in data.model_fields_set:
        current_user.display_name = data.display_name.strip()
    if "locale" in data.model_fields_set:
        current_user.locale = data.locale
    db.session.commit()
    return reply(me_json(current_user))
