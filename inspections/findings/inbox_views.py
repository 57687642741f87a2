"""A user's inbox of notifications (``/notifications``) and its unread count on every page."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from flask import redirect, render_template, request, url_for
from flask_login import current_user, login_required

from checklists.accounts import notifications as inbox
from checklists.accounts.notifications import Notification
from checklists.core.db import utcnow
from checklists.core.extensions import db
from inspections.findings.blueprint import bp


@bp.app_context_processor
def _unread() -> dict[str, Any]:
    unread = 0
    if current_user and current_user.is_authenticated and request.endpoint != "static":
        unread = inbox.unread_count(current_user)
    return {"unread_notifications": unread}


@bp.route("/notifications")
@login_required
def notifications():
    rows = db.session.scalars(
        sa.select(Notification)
        .where(Notification.user_id == current_user.id)
        .order_by(Notification.id.desc())
        .limit(200)
    ).all()
    return render_template("findings/notifications.html", rows=rows)


@bp.route("/notifications/read", methods=["POST"])
@login_required
def notifications_read():
    db.session.execute(
        sa.update(Notification)
        .where(Notification.user_id == current_user.id, Notification.read_at.is_(None))
        .values(read_at=utcnow())
    )
    db.session.commit()
    return redirect(url_for(".notifications"), 303)
