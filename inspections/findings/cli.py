"""``flask findings check-overdue``: for cron."""

from __future__ import annotations

import datetime as dt
import sys

import click
from flask.cli import AppGroup
from flask_babel import gettext as _

from checklists.accounts import notifications
from checklists.core.clock import local_today
from checklists.core.extensions import db
from inspections.findings import operations as findings

findings_cli = AppGroup("findings", help="Findings and their deadlines.")


@findings_cli.command("check-overdue")
def check_overdue() -> None:
    """Flag overdue findings and notify their enterprise, inspectors and supervisors (in the
    app; by e-mail when MAIL_SERVER is set). Meant for cron; running it twice flags nothing
    twice."""
    late = findings.check_overdue(local_today(), dt.datetime.now(dt.UTC))
    db.session.commit()
    for finding in late:
        click.echo(
            _(
                "overdue: finding %(id)d, %(org)s, due %(due)s",
                id=finding.id,
                org=finding.organisation.name,
                due=finding.due_on.isoformat(),
            )
        )
    sent, errors = notifications.send_pending_mail()
    for error in errors:
        click.echo(_("e-mail failed: %(error)s", error=error), err=True)
    click.echo(_("%(n)d overdue finding(s) flagged, %(m)d e-mail(s) sent.", n=len(late), m=sent))
    if errors:
        sys.exit(1)
