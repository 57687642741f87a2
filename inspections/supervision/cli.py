"""``flask supervision check-overdue``: for cron, next to ``flask findings check-overdue``."""

from __future__ import annotations

import sys

import click
from flask import current_app
from flask.cli import AppGroup
from flask_babel import force_locale
from flask_babel import gettext as _

from checklists.accounts import notifications
from checklists.core.clock import local_today
from checklists.core.extensions import db
from inspections.supervision import interviews
from inspections.supervision import operations as supervision

supervision_cli = AppGroup("supervision", help="Major hazards under supervision (挂牌督办).")


@supervision_cli.command("check-overdue")
def check_overdue() -> None:
    """Flag every major hazard not put right by its deadline, issue its 通报批评 (numbered, once
    per missed deadline) and tell its enterprise and supervisors (in the app; by e-mail when
    MAIL_SERVER is set); flag every interview whose written report is late (约谈, 第七条).
    Meant for cron; running it twice flags nothing twice."""
    with force_locale(current_app.config["BABEL_DEFAULT_LOCALE"]):  # the records' language
        late = supervision.check_overdue(local_today())
        reports = interviews.check_overdue(local_today())
    db.session.commit()
    for hazard in late:
        click.echo(
            _(
                "overdue: hazard %(number)s, %(org)s, due %(due)s",
                number=hazard.number,
                org=hazard.organisation.name,
                due=hazard.due_on.isoformat(),
            )
        )
    for interview in reports:
        click.echo(
            _(
                "overdue: report on interview %(number)s, %(org)s, due %(due)s",
                number=interview.number,
                org=interview.organisation.name,
                due=interview.report_due_on.isoformat(),
            )
        )
    if reports:
        click.echo(_("%(n)d overdue interview report(s) flagged.", n=len(reports)))
    sent, errors = notifications.send_pending_mail()
    for error in errors:
        click.echo(_("e-mail failed: %(error)s", error=error), err=True)
    click.echo(_("%(n)d overdue hazard(s) flagged, %(m)d e-mail(s) sent.", n=len(late), m=sent))
    if errors:
        sys.exit(1)
