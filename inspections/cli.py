"""The app-wide CLI: ``flask demo load`` (each feature's demo data, in order),
``flask backup create|restore PATH`` (the database and the stored files, consistent) and
``flask security-log prune`` (the security log's retention job)."""

from __future__ import annotations

from collections.abc import Callable

import click
from flask import Flask, current_app
from flask.cli import AppGroup
from flask_babel import gettext as _

from checklists.core import backup, security
from checklists.core.cli import fail
from checklists.core.errors import InputError
from checklists.core.extensions import db
from checklists.demo import data
from inspections.credit import demo as credit_demo
from inspections.filling import demo as inspection_demo
from inspections.spotcheck import demo as spotcheck_demo
from inspections.supervision import demo as supervision_demo

demo_cli = AppGroup("demo", help="Demo data.")
backup_cli = AppGroup("backup", help="Back up and restore the database and the stored files.")
security_cli = AppGroup("security-log", help="The security log (logins, denials, downloads).")


def load_demo() -> list[str]:
    """The demo data of every feature: accounts, gazettes and templates, then an inspection
    with findings, then major hazards under supervision, then the credit lists. Running it
    again changes nothing; the lines say what was done."""
    report = data.load()
    report.extend(inspection_demo.load())
    report.extend(supervision_demo.load())
    report.extend(credit_demo.load())
    report.extend(spotcheck_demo.load())
    if not report:
        report.append(_("The demo data is up to date; nothing to change."))
    return report


@demo_cli.command("load")
def load_command() -> None:
    """Load the demo data; running it again changes nothing."""
    report = load_demo()
    db.session.commit()
    for line in report:
        click.echo(line)


def _backup_step(step: Callable[[str], dict], path: str) -> dict:
    """Run ``backup.create`` or ``backup.restore`` on PATH; a refusal exits 1 naming why."""
    try:
        return step(path)
    except InputError as exc:
        fail(exc)
        raise  # fail() exits; for the type checker


@backup_cli.command("create")
@click.argument("path")
def backup_create_command(path: str) -> None:
    """Write a consistent backup (database snapshot, then files, then a manifest) to PATH."""
    manifest = _backup_step(backup.create, path)
    click.echo(
        _(
            "Backup written to %(path)s: the %(engine)s database and %(n)d files.",
            path=path,
            engine=manifest["engine"],
            n=len(manifest["files"]),
        )
    )


@backup_cli.command("restore")
@click.argument("path")
def backup_restore_command(path: str) -> None:
    """Restore the backup in PATH onto this instance, which must hold no data yet."""
    manifest = _backup_step(backup.restore, path)
    click.echo(
        _(
            "Restored %(path)s (taken %(at)s): the database and %(n)d files.",
            path=path,
            at=manifest["created_at"],
            n=len(manifest["files"]),
        )
    )


@security_cli.command("prune")
def security_prune_command() -> None:
    """Delete the security log's events older than SECURITY_LOG_MONTHS calendar months (at
    least six): the retention job, the only deletion the log allows. Run it daily."""
    months = current_app.config["SECURITY_LOG_MONTHS"]
    removed = security.prune(months)
    db.session.commit()
    click.echo(
        _(
            "Security log: %(n)d events from before %(day)s deleted (%(months)d months kept).",
            n=removed,
            day=security.oldest_kept(months).isoformat(),
            months=months,
        )
    )


def register(app: Flask) -> None:
    app.cli.add_command(demo_cli)
    app.cli.add_command(backup_cli)
    app.cli.add_command(security_cli)
