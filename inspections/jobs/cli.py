"""``flask jobs …``: the workers and the periodic jobs' clock.

- ``flask jobs worker``: claims and runs queued jobs until stopped (SIGTERM: after the current
  job); ``--burst`` stops when the queue is empty. Several per host, on several hosts.
- ``flask jobs periodic``: enqueues the periodic jobs whose slot has come (once per slot across
  all hosts) and runs what is queued; for a timer on every host (systemd, cron: every 5 min).
- ``flask jobs scheduler``: the same clock in a loop (every minute), for a container.
- ``flask jobs list``: the latest jobs and their state.
"""

from __future__ import annotations

import time

import click
import sqlalchemy as sa
from flask import current_app
from flask.cli import AppGroup
from flask_babel import gettext as _

from checklists.core import jobs
from checklists.core.db import as_utc
from checklists.core.extensions import db

jobs_cli = AppGroup("jobs", help="Background jobs: workers and the periodic jobs' clock.")


@jobs_cli.command("worker")
@click.option("--burst", is_flag=True, help="Stop when the queue is empty.")
@click.option("--no-periodic", is_flag=True, help="Do not enqueue periodic jobs.")
def worker_command(burst: bool, no_periodic: bool) -> None:
    """Run queued jobs until stopped."""
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    worker = jobs.Worker(app, periodic=not no_periodic)
    if burst:
        if not no_periodic:
            jobs.tick()
        click.echo(_("%(n)d job(s) run.", n=jobs.run_pending()))
        return
    worker.install_signals()
    click.echo(_("Worker %(name)s waiting for jobs.", name=jobs.worker_name()))
    worker.run()


@jobs_cli.command("periodic")
def periodic_command() -> None:
    """Enqueue the periodic jobs that are due (once per slot across all hosts) and run the
    queue until it is empty."""
    _say_enqueued(jobs.tick())
    click.echo(_("%(n)d job(s) run.", n=jobs.run_pending()))


@jobs_cli.command("scheduler")
@click.option("--every", default=60, show_default=True, help="Seconds between ticks.")
def scheduler_command(every: int) -> None:
    """Enqueue the periodic jobs that are due, every minute, until stopped."""
    while True:
        _say_enqueued(jobs.tick())
        db.session.remove()
        time.sleep(max(1, every))


def _say_enqueued(made: list[jobs.Job]) -> None:
    for job in made:
        click.echo(_("enqueued: %(name)s (%(slot)s)", name=job.title, slot=job.params["slot"]))


@jobs_cli.command("list")
@click.option("--limit", default=20, show_default=True)
def list_command(limit: int) -> None:
    """The latest jobs."""
    for job in db.session.scalars(sa.select(jobs.Job).order_by(jobs.Job.id.desc()).limit(limit)):
        when = as_utc(job.created_at).isoformat(timespec="seconds")
        click.echo(
            f"{job.id}\t{job.kind}\t{job.status.value}\t{job.done}/{job.total or '?'}\t{when}"
            f"\t{job.message}"
        )
