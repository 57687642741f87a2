"""``flask users create`` and ``flask orgs create``."""

from __future__ import annotations

import sys

import click
from flask.cli import AppGroup
from flask_babel import gettext as _

from checklists.accounts import services
from checklists.accounts.models import Organisation, OrgKind, Role
from checklists.core.cli import fail
from checklists.core.errors import InputError
from checklists.core.extensions import db

users_cli = AppGroup("users", help="Manage user accounts.")
orgs_cli = AppGroup("orgs", help="Manage organisations.")


def _read_password() -> str:
    if sys.stdin.isatty():
        return click.prompt(_("Password"), hide_input=True, confirmation_prompt=True)
    return sys.stdin.readline().rstrip("\n")


@users_cli.command("create")
@click.argument("name")
@click.option("--role", required=True, type=click.Choice([r.value for r in Role]))
@click.option("--org", "org_name", help="The organisation (required for an enterprise user).")
@click.option("--password", help="Read from standard input when omitted.")
@click.option("--region", help="Limit a supervisor to this region.")
@click.option("--email", default="", help="Where notifications are e-mailed (SMTP configured).")
def create_user(
    name: str,
    role: str,
    org_name: str | None,
    password: str | None,
    region: str | None,
    email: str,
) -> None:
    """Create a user with a role; an enterprise user needs --org."""
    org = None
    if org_name:
        org = db.session.scalar(db.select(Organisation).where(Organisation.name == org_name))
        if org is None:
            fail(InputError({"org": _("No organisation named %(name)s.", name=org_name)}))
    region_obj = services.find_region(region) if region else None
    if region and region_obj is None:
        fail(InputError({"region": _("No region named %(name)s.", name=region)}))
    try:
        user = services.create_user(
            name,
            role,
            password if password is not None else _read_password(),
            organisation=org,
            region=region_obj,
            email=email,
        )
    except InputError as exc:
        fail(exc)
    db.session.commit()
    click.echo(user.id)


@orgs_cli.command("create")
@click.argument("name")
@click.option("--kind", required=True, type=click.Choice([k.value for k in OrgKind]))
@click.option("--credit-code", help="统一社会信用代码 (18 characters; check character verified).")
@click.option("--region", help='A region name, or "county township".')
def create_org(name: str, kind: str, credit_code: str | None, region: str | None) -> None:
    """Create an organisation and print its id."""
    region_obj = services.find_region(region) if region else None
    if region and region_obj is None:
        fail(InputError({"region": _("No region named %(name)s.", name=region)}))
    try:
        org = services.create_organisation(name, kind, credit_code=credit_code, region=region_obj)
    except InputError as exc:
        fail(exc)
    db.session.commit()
    click.echo(org.id)
