"""``flask standards import``: gazettes from files, as the import page does."""

from __future__ import annotations

import json
import pathlib

import click
from flask import current_app
from flask.cli import AppGroup
from flask_babel import gettext as _

from checklists.core.cli import fail
from checklists.core.clock import local_today
from checklists.core.errors import InputError
from checklists.core.extensions import db
from checklists.standards.services import expire_documents, import_text, read_file

standards_cli = AppGroup("standards", help="Gazettes, documents and clauses.")


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
    combined: dict[str, list] = {"documents": [], "skipped": []}
    for path in paths:
        file = pathlib.Path(path)
        try:
            text = read_file(file.name, file.read_bytes(), current_app.config["MAX_CONTENT_LENGTH"])
            report = import_text(text, file.name)
        except InputError as exc:
            click.echo(f"{file.name}: ", nl=False, err=True)
            fail(exc)
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


@standards_cli.command("check-expiry")
def check_expiry() -> None:
    """Flag templates and open findings that cite a document whose period in force has ended
    (each once; run it daily from cron)."""
    expired = expire_documents(local_today())
    db.session.commit()
    click.echo(_("%(n)d document(s) past their period in force.", n=len(expired)))
