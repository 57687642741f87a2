"""Command-line operations: ``flask users create``, ``flask orgs create``, ``flask demo load``,
``flask standards import``, ``flask findings check-overdue``."""

from __future__ import annotations

import sys

import click
from flask import Flask
from flask.cli import AppGroup
from flask_babel import gettext as _

from checklists.accounts import services
from checklists.accounts.models import Organisation, OrgKind, Role
from checklists.errors import InputError
from checklists.extensions import db

users_cli = AppGroup("users", help="Manage user accounts.")
orgs_cli = AppGroup("orgs", help="Manage organisations.")
demo_cli = AppGroup("demo", help="Demo data.")
standards_cli = AppGroup("standards", help="Gazettes, documents and clauses.")


def _fail(exc: InputError) -> None:
    db.session.rollback()
    for field, message in exc.fields.items():
        click.echo(_("Error in %(field)s: %(message)s", field=field, message=message), err=True)
    sys.exit(1)


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
            _fail(InputError({"org": _("No organisation named %(name)s.", name=org_name)}))
    region_obj = services.find_region(region) if region else None
    if region and region_obj is None:
        _fail(InputError({"region": _("No region named %(name)s.", name=region)}))
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
        _fail(exc)
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
        _fail(InputError({"region": _("No region named %(name)s.", name=region)}))
    try:
        org = services.create_organisation(name, kind, credit_code=credit_code, region=region_obj)
    except InputError as exc:
        _fail(exc)
    db.session.commit()
    click.echo(org.id)


@demo_cli.command("load")
def load_demo() -> None:
    """Load the demo data; running it again changes nothing."""
    from checklists.demo import load

    report = load()
    db.session.commit()
    for line in report:
        click.echo(line)


def report_json(report) -> dict:
    """The --json shape of interfaces.md for one import."""
    return {
        "documents": [
            {
                "id": doc.id,
                "number": doc.number,
                "title": doc.title,
                "issuer": doc.issuer,
                "signed_on": doc.signed_on.isoformat() if doc.signed_on else None,
                "clause_count": len(doc.clauses),
                "requirement_count": sum(len(c.requirements) for c in doc.clauses),
                "version": doc.version,
                "outcome": outcome,
            }
            for doc, outcome in report.documents
        ],
        "skipped": report.skipped,
    }


@standards_cli.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
def import_standards(paths: tuple[str, ...], as_json: bool) -> None:
    """Import gazettes (.txt, .md, .docx, .pdf); the same text again changes nothing."""
    import json
    import pathlib

    from flask import current_app

    from checklists.services import import_text, read_file

    combined: dict[str, list] = {"documents": [], "skipped": []}
    for path in paths:
        file = pathlib.Path(path)
        try:
            text = read_file(file.name, file.read_bytes(), current_app.config["MAX_CONTENT_LENGTH"])
            report = import_text(text, file.name)
        except InputError as exc:
            click.echo(f"{file.name}: ", nl=False, err=True)
            _fail(exc)
        db.session.commit()
        part = report_json(report)
        combined["documents"] += part["documents"]
        combined["skipped"] += part["skipped"]
        if not as_json:
            outcomes = {
                "new": _("new"),
                "new_version": _("new version"),
                "unchanged": _("unchanged"),
            }
            click.echo(f"{file.name}:")
            for doc in part["documents"]:
                click.echo(
                    f"  [{outcomes[doc['outcome']]}] {doc['number'] or '—'} {doc['title']} "
                    + _(
                        "(%(c)d clauses, %(r)d requirements)",
                        c=doc["clause_count"],
                        r=doc["requirement_count"],
                    )
                )
            for skipped in part["skipped"]:
                click.echo("  " + _("skipped: %(title)s (%(reason)s)", **skipped))
    if as_json:
        click.echo(json.dumps(combined, ensure_ascii=False, indent=2))


findings_cli = AppGroup("findings", help="Findings and their deadlines.")


@findings_cli.command("check-overdue")
def check_overdue() -> None:
    """Flag overdue findings and notify their enterprise, inspectors and supervisors (in the
    app; by e-mail when MAIL_SERVER is set). Meant for cron; running it twice flags nothing
    twice."""
    import datetime as dt

    from checklists.standards_views import local_today
    from inspections import findings, notify

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
    sent, errors = notify.send_pending_mail()
    for error in errors:
        click.echo(_("e-mail failed: %(error)s", error=error), err=True)
    click.echo(_("%(n)d overdue finding(s) flagged, %(m)d e-mail(s) sent.", n=len(late), m=sent))
    if errors:
        sys.exit(1)


def register(app: Flask) -> None:
    for group in (users_cli, orgs_cli, demo_cli, standards_cli, findings_cli):
        app.cli.add_command(group)
