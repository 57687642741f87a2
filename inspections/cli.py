"""The app-wide CLI: ``flask demo load`` (each feature's demo data, in order)."""

from __future__ import annotations

import click
from flask import Flask
from flask.cli import AppGroup
from flask_babel import gettext as _

from checklists.core.extensions import db
from checklists.demo import data
from inspections.credit import demo as credit_demo
from inspections.filling import demo as inspection_demo
from inspections.spotcheck import demo as spotcheck_demo
from inspections.supervision import demo as supervision_demo

demo_cli = AppGroup("demo", help="Demo data.")


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


def register(app: Flask) -> None:
    app.cli.add_command(demo_cli)
