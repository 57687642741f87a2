"""What every feature's CLI shares: a clear error and exit status 1 for bad input."""

from __future__ import annotations

import sys

import click
from flask_babel import gettext as _

from checklists.core.errors import InputError
from checklists.core.extensions import db


def fail(exc: InputError) -> None:
    """Roll back, print each field's reason on stderr, exit 1."""
    db.session.rollback()
    for field, message in exc.fields.items():
        click.echo(_("Error in %(field)s: %(message)s", field=field, message=message), err=True)
    sys.exit(1)
