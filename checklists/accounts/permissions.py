"""Who may see what: predicates plus scoped queries.

A record of another organisation is reported as missing (404), never as forbidden (403).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

import sqlalchemy as sa
from flask import abort
from flask_login import current_user, login_required

from checklists.accounts.models import Organisation, Role, User

F = TypeVar("F", bound=Callable[..., Any])


def role_required(*roles: Role) -> Callable[[F], F]:
    """Let in logged-in users with one of ``roles`` (admins always); others get 403."""

    def decorator(view: F) -> F:
        @wraps(view)
        @login_required
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            if current_user.role != Role.ADMIN and current_user.role not in roles:
                abort(403)
            return view(*args, **kwargs)

        return wrapped  # type: ignore[return-value]

    return decorator


def visible_organisations(user: User) -> sa.Select[tuple[Organisation]]:
    """A query for the organisations ``user`` may see.

    Enterprise users see their own organisation only; a supervisor limited to a region sees
    the organisations inside that region (and its townships); everyone else sees all.
    """
    query = sa.select(Organisation)
    if user.role == Role.ENTERPRISE:
        return query.where(Organisation.id == user.organisation_id)
    if user.role == Role.SUPERVISOR and user.region is not None:
        return query.where(Organisation.region_id.in_(user.region.subtree_ids()))
    return query
