"""A user's inbox: notifications in the app, e-mailed when SMTP is configured.

A message is written in each recipient's own language. E-mail goes out from
``send_pending_mail`` (run by ``flask findings check-overdue``, i.e. by cron), never inside a
request: a slow or absent mail server cannot slow down or break a page.
"""

from __future__ import annotations

import datetime as dt
import smtplib
from collections.abc import Callable, Iterable
from email.message import EmailMessage

import sqlalchemy as sa
from flask import current_app
from flask_babel import force_locale
from sqlalchemy.orm import Mapped, mapped_column, relationship

from checklists.accounts.models import User
from checklists.core.db import utcnow
from checklists.core.extensions import db


class Notification(db.Model):
    """A message in a user's in-app inbox (also e-mailed when SMTP is configured)."""

    __tablename__ = "notifications"
    __table_args__ = (sa.Index("ix_notifications_user_read", "user_id", "read_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    #: The finding it is about (inspections' findings table, named, not imported).
    finding_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("findings.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(sa.String(20))
    text: Mapped[str] = mapped_column(sa.Text)
    link: Mapped[str] = mapped_column(sa.String(300), default="")
    created_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    read_at: Mapped[dt.datetime | None] = mapped_column(sa.DateTime(timezone=True))
    emailed_at: Mapped[dt.datetime | None] = mapped_column(sa.DateTime(timezone=True))

    user: Mapped[User] = relationship()


def rows(
    users: Iterable[User],
    kind: str,
    message: Callable[[], str],
    *,
    link: str = "",
    finding_id: int | None = None,
) -> list[dict]:
    """The notification rows for (active, distinct) ``users``, each in the user's language.
    ``link`` is a path (built by hand: the overdue check runs from cron, outside a request)."""
    seen: set[int] = set()
    made = []
    for user in users:
        if user.id in seen or not user.active:
            continue
        seen.add(user.id)
        with force_locale(user.locale or current_app.config["BABEL_DEFAULT_LOCALE"]):
            text = message()
        made.append(
            {
                "user_id": user.id,
                "finding_id": finding_id,
                "kind": kind,
                "text": text,
                "link": link,
                "created_at": utcnow(),
            }
        )
    return made


def send(
    users: Iterable[User],
    kind: str,
    message: Callable[[], str],
    *,
    link: str = "",
    finding_id: int | None = None,
) -> None:
    """One notification per (active, distinct) user, each in the user's language."""
    made = rows(users, kind, message, link=link, finding_id=finding_id)
    if made:
        db.session.execute(sa.insert(Notification), made)


def unread_count(user: User) -> int:
    return db.session.scalar(
        sa.select(sa.func.count())
        .select_from(Notification)
        .where(Notification.user_id == user.id, Notification.read_at.is_(None))
    )


def send_pending_mail() -> tuple[int, list[str]]:
    """E-mail every notification not mailed yet to users with an address. Returns (sent,
    errors). Without MAIL_SERVER nothing is sent and nothing is marked."""
    config = current_app.config
    if not config.get("MAIL_SERVER"):
        return 0, []
    pending = db.session.execute(
        sa.select(Notification, User)
        .join(User, Notification.user_id == User.id)
        .where(Notification.emailed_at.is_(None), User.email != "", User.active)
        .order_by(Notification.id)
    ).all()
    if not pending:
        return 0, []
    sent, errors = 0, []
    smtp_class = smtplib.SMTP_SSL if config["MAIL_USE_SSL"] else smtplib.SMTP
    try:
        with smtp_class(config["MAIL_SERVER"], config["MAIL_PORT"], timeout=30) as smtp:
            if config["MAIL_USE_TLS"] and not config["MAIL_USE_SSL"]:
                smtp.starttls()
            if config.get("MAIL_USERNAME"):
                smtp.login(config["MAIL_USERNAME"], config.get("MAIL_PASSWORD") or "")
            for notification, user in pending:
                mail = EmailMessage()
                mail["From"] = config["MAIL_FROM"]
                mail["To"] = user.email
                mail["Subject"] = "【条款核查】" + notification.text[:60]
                base = config.get("BASE_URL") or ""
                link = base.rstrip("/") + notification.link if notification.link else ""
                mail.set_content(notification.text + ("\n\n" + link if link else ""))
                try:
                    smtp.send_message(mail)
                except smtplib.SMTPException as exc:
                    errors.append(f"{user.email}: {exc}")
                    continue
                notification.emailed_at = utcnow()
                sent += 1
    except (OSError, smtplib.SMTPException) as exc:
        errors.append(f"{config['MAIL_SERVER']}:{config['MAIL_PORT']}: {exc}")
    db.session.commit()
    return sent, errors
