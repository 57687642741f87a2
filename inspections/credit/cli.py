"""``flask credit check-overdue``: for cron, next to the other overdue checks."""

from __future__ import annotations

import click
from flask import current_app
from flask.cli import AppGroup
from flask_babel import force_locale
from flask_babel import gettext as _

from checklists.core.clock import local_today
from checklists.core.extensions import db
from inspections.credit import due

credit_cli = AppGroup("credit", help="Credit lists, deposits and depots (信用).")


@credit_cli.command("check-overdue")
def check_overdue() -> None:
    """Tell supervisors of every deposit not paid by its day (第九条: 10 working days after
    listing, or after a forfeit); each unpaid amount once. Meant for cron."""
    with force_locale(current_app.config["BABEL_DEFAULT_LOCALE"]):
        flagged = due.check_overdue(local_today())
    db.session.commit()
    for organisation, balance in flagged:
        click.echo(
            _(
                "overdue: deposit of %(org)s, %(owed)s yuan, due %(due)s",
                org=organisation.name,
                owed=f"{balance.owed:,}",
                due=balance.unpaid_due_on.isoformat() if balance.unpaid_due_on else "",
            )
        )
    click.echo(_("%(n)d overdue deposits flagged.", n=len(flagged)))
