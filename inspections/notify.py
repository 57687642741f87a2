"""Notifications: an in-app inbox per user, e-mailed when SMTP is configured.

A message is written in each recipient's own language. E-mail goes out from
``send_pending_mail`` (run by ``flask findings check-overdue``, i.e. by cron), never inside a
request: a slow or absent mail server cannot slow down or break a page.
"""

from __future__ import annotations

import smtplib
from collections.abc import Callable, Iterable
from email.message import EmailMessage

import sqlalchemy as sa
from flask import current_app
from flask_babel import force_locale

from checklists.accounts.models import Organisation, Role, User, utcnow
from checklists.extensions import db
from inspections.models import Finding, Notification, inspection_inspectors


def _send(users: Iterable[User], finding: Finding | None, kind: str, message: Callable[[], str]):
    seen: set[int] = set()
    # Built by hand: the overdue check runs from cron, outside any request.
    link = f"/findings/{finding.id}" if finding is not None else ""
    for user in users:
        if user.id in seen or not user.active:
            continue
        seen.add(user.id)
        with force_locale(user.locale or current_app.config["BABEL_DEFAULT_LOCALE"]):
            text = message()
        db.session.add(
            Notification(user_id=user.id, finding=finding, kind=kind, text=text, link=link)
        )


def enterprise_users(organisation_id: int) -> list[User]:
    return list(
        db.session.scalars(
            sa.select(User).where(
                User.role == Role.ENTERPRISE, User.organisation_id == organisation_id, User.active
            )
        )
    )


def inspectors_of(finding: Finding) -> list[User]:
    """The inspection's inspectors and whoever created it (if an inspector)."""
    assigned = sa.select(inspection_inspectors.c.user_id).where(
        inspection_inspectors.c.inspection_id == finding.inspection_id
    )
    return list(
        db.session.scalars(
            sa.select(User).where(
                User.active,
                User.role == Role.INSPECTOR,
                sa.or_(User.id.in_(assigned), User.id == finding.inspection.created_by_id),
            )
        )
    )


def supervisors_of(organisation: Organisation) -> list[User]:
    """Supervisors whose region holds the organisation, or who have no region."""
    region_ids = []
    if organisation.region is not None:
        region_ids = [organisation.region_id]
        if organisation.region.parent_id is not None:
            region_ids.append(organisation.region.parent_id)
    return list(
        db.session.scalars(
            sa.select(User).where(
                User.active,
                User.role == Role.SUPERVISOR,
                sa.or_(User.region_id.is_(None), User.region_id.in_(region_ids)),
            )
        )
    )


def enterprise(finding: Finding, kind: str, message: Callable[[], str] | str) -> None:
    _send(enterprise_users(finding.organisation_id), finding, kind, _callable(message))


def inspectors(finding: Finding, kind: str, message: Callable[[], str] | str) -> None:
    _send(inspectors_of(finding), finding, kind, _callable(message))


def everyone(finding: Finding, kind: str, message: Callable[[], str] | str) -> None:
    """The enterprise, the inspectors and the supervisors of the finding."""
    users = [
        *enterprise_users(finding.organisation_id),
        *inspectors_of(finding),
        *supervisors_of(finding.organisation),
    ]
    _send(users, finding, kind, _callable(message))


def _callable(message: Callable[[], str] | str) -> Callable[[], str]:
    return message if callable(message) else (lambda: message)


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
