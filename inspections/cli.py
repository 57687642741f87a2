"""The app-wide CLI: ``flask demo load`` (each feature's demo data, in order),
``flask backup create|restore PATH`` (the database and the stored files, consistent),
``flask blobs migrate|verify`` (the stored files copied to a bucket, checked),
``flask security-log prune`` (the security log's retention job) and
``flask review rebuild-rollups`` (the dashboard's rollups computed again)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

import click
from flask import Flask, current_app
from flask.cli import AppGroup
from flask_babel import gettext as _

from checklists.core import backup, blobs, security, storage
from checklists.core.cli import fail
from checklists.core.errors import InputError
from checklists.core.extensions import db
from checklists.demo import data
from inspections.credit import demo as credit_demo
from inspections.filling import demo as inspection_demo
from inspections.review import rollups
from inspections.scheduling import demo as scheduling_demo
from inspections.spotcheck import demo as spotcheck_demo
from inspections.supervision import demo as supervision_demo

demo_cli = AppGroup("demo", help="Demo data.")
backup_cli = AppGroup("backup", help="Back up and restore the database and the stored files.")
security_cli = AppGroup("security-log", help="The security log (logins, denials, downloads).")
blobs_cli = AppGroup("blobs", help="The stored files: copy them to a bucket, check them.")
review_cli = AppGroup("review", help="The supervisors' review pages and dashboard.")


def load_demo() -> list[str]:
    """The demo data of every feature: accounts, gazettes and templates, then an inspection
    with findings, then major hazards under supervision, the credit lists, the spot checks
    and the scheduled inspections. Running it again changes nothing; the lines say what was
    done."""
    report = data.load()
    report.extend(inspection_demo.load())
    report.extend(supervision_demo.load())
    report.extend(credit_demo.load())
    report.extend(spotcheck_demo.load())
    report.extend(scheduling_demo.load())
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


def _blobs_report(counts: blobs.Counts) -> None:
    """Each failure on stderr; exit 1 if there was any."""
    for key, reason in counts.problems:
        click.echo(
            _("FAILED %(name)s: %(reason)s", name=storage.relative_name(key), reason=reason),
            err=True,
        )
    if counts.failed:
        sys.exit(1)


@blobs_cli.command("migrate")
@click.option(
    "--source",
    type=click.Path(exists=True, file_okay=False),
    help="The upload folder to copy from (default: UPLOAD_FOLDER).",
)
@click.option("--jobs", default=8, show_default=True, type=click.IntRange(1, 32))
def blobs_migrate_command(source: str | None, jobs: int) -> None:
    """Copy every stored file of the local upload folder to the bucket of BLOB_STORE
    (s3://bucket/prefix), read each back and check it. Exits 1 if any failed; running it
    again copies only what is missing or wrong."""
    try:
        folder = source or storage.root()
        counts = blobs.migrate(folder, jobs=jobs, echo=click.echo)
    except InputError as exc:
        fail(exc)
        raise  # fail() exits; for the type checker
    if not (counts.copied or counts.already or counts.failed):
        click.echo(_("No stored files under %(folder)s.", folder=os.path.join(folder, "photos")))
    click.echo(
        _(
            "Copied %(copied)d, already there %(already)d, verified %(verified)d, "
            "failed %(failed)d.",
            copied=counts.copied,
            already=counts.already,
            verified=counts.verified,
            failed=counts.failed,
        )
    )
    _blobs_report(counts)


@blobs_cli.command("verify")
@click.option("--jobs", default=8, show_default=True, type=click.IntRange(1, 32))
def blobs_verify_command(jobs: int) -> None:
    """Read every file of the configured store and check its SHA-256. Exits 1 if any failed."""
    counts = blobs.verify(jobs=jobs, echo=click.echo)
    click.echo(
        _(
            "Verified %(verified)d, failed %(failed)d, read but not checkable %(unchecked)d "
            "(display copies and thumbnails with no recorded SHA-256).",
            verified=counts.verified,
            failed=counts.failed,
            unchecked=counts.unchecked,
        )
    )
    _blobs_report(counts)


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


@review_cli.command("rebuild-rollups")
def rebuild_rollups_command() -> None:
    """Compute the dashboard's rollups again from the inspections and findings (they are kept
    as inspections are submitted, returned and approved: needed only after scored inspections
    were written another way, e.g. loaded into the database directly)."""
    written = rollups.rebuild()
    db.session.commit()
    click.echo(
        _(
            "Dashboard rollups rebuilt: %(rows)d rows of scores, %(clauses)d of failed clauses, "
            "%(texts)d clause texts.",
            rows=written[rollups.DashboardRollup.__tablename__],
            clauses=written[rollups.ClauseRollup.__tablename__],
            texts=written[rollups.ClauseText.__tablename__],
        )
    )


def register(app: Flask) -> None:
    app.cli.add_command(demo_cli)
    app.cli.add_command(review_cli)
    app.cli.add_command(backup_cli)
    app.cli.add_command(security_cli)
    app.cli.add_command(blobs_cli)
