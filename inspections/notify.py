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

from checklists.accounts.models import Role, User, utcnow
from checklists.extensions import db
from inspections.models import Finding, Inspection, Notification, inspection_inspectors


def rows(
    users: Iterable[User], finding: Finding | None, kind: str, message: Callable[[], str]
) -> list[dict]:
    """The notification rows for (active, distinct) ``users``, each in the user's language."""
    seen: set[int] = set()
    # Built by hand: the overdue check runs from cron, outside any request.
    link = f"/findings/{finding.id}" if finding is not None else ""
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
                "finding_id": finding.id if finding is not None else None,
                "kind": kind,
                "text": text,
                "link": link,
                "created_at": utcnow(),
            }
        )
    return made


def send(users: Iterable[User], finding: Finding | None, kind: str, message: Callable[[], str]):
    """One notification per (active, distinct) user, each in the user's language."""
    made = rows(users, finding, kind, message)
    if made:
        db.session.execute(sa.insert(Notification), made)


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


def enterprise(finding: Finding, kind: str, message: Callable[[], str] | str) -> None:
    send(enterprise_users(finding.organisation_id), finding, kind, _callable(message))


def inspectors(finding: Finding, kind: str, message: Callable[[], str] | str) -> None:
    send(inspectors_of(finding), finding, kind, _callable(message))


def recipients_of(findings: list[Finding]) -> dict[int, list[User]]:
    """Finding id → its enterprise users, inspectors and the supervisors whose region holds its
    organisation (or who have none), read in four queries for all the findings together."""
    org_ids = {f.organisation_id for f in findings}
    inspection_ids = {f.inspection_id for f in findings}
    enterprise: dict[int, list[User]] = {}
    for user in db.session.scalars(
        sa.select(User).where(
            User.role == Role.ENTERPRISE, User.organisation_id.in_(org_ids), User.active
        )
    ):
        enterprise.setdefault(user.organisation_id, []).append(user)
    inspectors: dict[int, list[User]] = {}
    assigned = db.session.execute(
        sa.select(inspection_inspectors.c.inspection_id, User)
        .join(User, User.id == inspection_inspectors.c.user_id)
        .where(
            inspection_inspectors.c.inspection_id.in_(inspection_ids),
            User.role == Role.INSPECTOR,
            User.active,
        )
    )
    created = db.session.execute(
        sa.select(Inspection.id, User)
        .join(User, User.id == Inspection.created_by_id)
        .where(Inspection.id.in_(inspection_ids), User.role == Role.INSPECTOR, User.active)
    )
    for inspection_id, user in [*assigned, *created]:
        inspectors.setdefault(inspection_id, []).append(user)
    supervisors = list(
        db.session.scalars(sa.select(User).where(User.role == Role.SUPERVISOR, User.active))
    )
    found = {}
    for finding in findings:
        region = finding.organisation.region
        regions = {None} | ({region.id, region.parent_id} if region is not None else set())
        found[finding.id] = [
            *enterprise.get(finding.organisation_id, []),
            *inspectors.get(finding.inspection_id, []),
            *(s for s in supervisors if s.region_id in regions),
        ]
    return found


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
