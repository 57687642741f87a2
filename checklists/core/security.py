"""The security log (等保 2.0 level 3's 安全审计): logins (success, failure, lock), logouts,
password changes and resets, role and scope changes, permission denials (403 and 404 on a
record), exports and downloads of evidence; with who, when, from where.

Append-only: the ORM refuses to change or delete an event (``_refuse_changes``), and bulk
``UPDATE``/``DELETE`` statements on the table are refused too, except the retention job's
(``prune``), which deletes only what is older than ``SECURITY_LOG_MONTHS`` calendar months
(at least six: 网络安全法 第二十一条). Readable by admins (``/admin/security``), exportable.

An event that accompanies a change (a new password, a new role) is added to the session of
that change and committed with it; the others (a failed login, a denial, a download) are
committed by the request that records them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from flask import current_app, has_request_context, request
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from checklists.core.clock import local_today
from checklists.core.db import utcnow
from checklists.core.extensions import client_address, db
from checklists.core.workdays import add_months

#: The law's minimum: logs kept at least six months (网络安全法 第二十一条).
MIN_MONTHS = 6

#: Kinds of event, with their labels.
KINDS = {
    "login": _l("Logged in"),
    "login_failed": _l("Login failed"),
    "login_locked": _l("Login locked"),
    "logout": _l("Logged out"),
    "password_changed": _l("Password changed"),
    "password_reset": _l("Password reset required"),
    "user_changed": _l("Role or scope changed"),
    "denied": _l("Access denied"),
    "export": _l("Export downloaded"),
    "evidence": _l("Evidence downloaded"),
}


class SecurityEvent(db.Model):
    """One event of the security log. Never changed; deleted only by ``prune``."""

    __tablename__ = "security_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow, index=True)
    kind: Mapped[str] = mapped_column(sa.String(20), index=True)
    #: Who did it (None: not logged in, or an unknown username).
    actor_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"), index=True)
    #: The username as typed (failed logins) or the actor's at the time.
    username: Mapped[str] = mapped_column(sa.String(80), default="")
    address: Mapped[str] = mapped_column(sa.String(64), default="")
    user_agent: Mapped[str] = mapped_column(sa.String(200), default="")
    method: Mapped[str] = mapped_column(sa.String(10), default="")
    path: Mapped[str] = mapped_column(sa.String(500), default="")
    status: Mapped[int | None]
    #: What changed (before/after), which file, which record.
    detail: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)

    #: Resolved by name: core imports no feature, the users table is "accounts".
    actor: Mapped[User | None] = relationship("User")  # noqa: F821

    @property
    def label(self) -> str:
        return str(KINDS.get(self.kind, self.kind))


def record(
    kind: str,
    *,
    actor: Any = None,
    username: str = "",
    status: int | None = None,
    detail: dict[str, Any] | None = None,
) -> SecurityEvent:
    """Add one event to the session (committed with what it records). ``actor`` defaults to
    the logged-in user; where from is read from the request, if any."""
    event = SecurityEvent(**_values(kind, actor, username, status, detail))
    db.session.add(event)
    return event


def record_now(
    kind: str, *, status: int | None = None, detail: dict[str, Any] | None = None
) -> None:
    """Record an event at once, in a short transaction of its own, whatever becomes of the
    request's session (a denial, a download). A database that refuses is logged, and the
    answer to the request goes out all the same."""
    values = _values(kind, None, "", status, detail)
    try:
        with db.engine.begin() as conn:
            conn.execute(sa.insert(SecurityEvent.__table__).values(at=utcnow(), **values))
    except sa.exc.SQLAlchemyError:
        current_app.logger.exception("security log: %s not recorded", kind)


def _values(
    kind: str, actor: Any, username: str, status: int | None, detail: dict[str, Any] | None
) -> dict[str, Any]:
    if kind not in KINDS:
        raise ValueError(f"unknown security event {kind!r}")
    if actor is None and has_request_context() and current_user.is_authenticated:
        actor = current_user._get_current_object()
    values: dict[str, Any] = {
        "kind": kind,
        "actor_id": actor.id if actor is not None else None,
        "username": (username or (actor.username if actor is not None else ""))[:80],
        "status": status,
        "detail": detail or {},
        "address": "",
        "user_agent": "",
        "method": "",
        "path": "",
    }
    if has_request_context():
        values["address"] = client_address()[:64]
        values["user_agent"] = (request.user_agent.string or "")[:200]
        values["method"] = request.method
        values["path"] = request.full_path.rstrip("?")[:500]
    return values


#: Photo variants that are evidence (the untouched upload); the others are pictures on a page.
EVIDENCE_VARIANTS = {"original", "orig"}
SHOWN_VARIANTS = {"show", "thumb"}


def classify(response: Any) -> str | None:
    """What security event answering ``response`` to the current request is, if any: a 403;
    a 404 for a record (a route that names one); a download (an attachment or a named file:
    an export, or a photo's untouched upload, which is evidence)."""
    status, args = response.status_code, request.view_args or {}
    if status == 403:
        return "denied"
    if status == 404:
        named = request.url_rule is not None and args and request.endpoint != "static"
        return "denied" if named else None
    if status != 200 or "Content-Disposition" not in response.headers:
        return None
    if args.get("variant") in SHOWN_VARIANTS:
        return None
    return "evidence" if args.get("variant") in EVIDENCE_VARIANTS else "export"


def events(
    *,
    kind: str | None = None,
    username: str | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> sa.Select:
    """The log, newest first, filtered by kind, username and local days (inclusive)."""
    zone = ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])
    query = sa.select(SecurityEvent).order_by(SecurityEvent.at.desc(), SecurityEvent.id.desc())
    if kind:
        query = query.where(SecurityEvent.kind == kind)
    if username:
        query = query.where(SecurityEvent.username == username)
    if start:
        query = query.where(SecurityEvent.at >= dt.datetime.combine(start, dt.time(), zone))
    if end and end < dt.date.max:
        after = end + dt.timedelta(days=1)
        query = query.where(SecurityEvent.at < dt.datetime.combine(after, dt.time(), zone))
    return query


def oldest_kept(months: int, today: dt.date | None = None) -> dt.date:
    """The first day the log keeps: ``months`` calendar months before today."""
    return add_months(today or local_today(), -max(months, MIN_MONTHS))[0]


def prune(months: int, today: dt.date | None = None) -> int:
    """The retention job: delete events from before ``oldest_kept`` (never fewer than six
    months). Returns how many went. The only deletion the log allows."""
    first = oldest_kept(months, today)
    zone = ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])
    cutoff = dt.datetime.combine(first, dt.time(), tzinfo=zone)
    result = db.session.execute(
        sa.delete(SecurityEvent)
        .where(SecurityEvent.at < cutoff)
        .execution_options(security_retention=True)
    )
    return result.rowcount or 0


class AppendOnly(Exception):
    """Something tried to change or delete a security event."""


@sa.event.listens_for(Session, "before_flush")
def _refuse_changes(session: Session, _context: Any, _instances: Any) -> None:
    for obj in (*session.dirty, *session.deleted):
        if isinstance(obj, SecurityEvent) and (obj in session.deleted or session.is_modified(obj)):
            raise AppendOnly("security events are never changed or deleted")


@sa.event.listens_for(Session, "do_orm_execute")
def _refuse_bulk_changes(state: sa.orm.ORMExecuteState) -> None:
    if not (state.is_update or state.is_delete):
        return
    if state.execution_options.get("security_retention"):
        return
    table = getattr(state.statement, "table", None)
    if table is not None and table.name == SecurityEvent.__tablename__:
        raise AppendOnly("security events are deleted only by the retention job")
