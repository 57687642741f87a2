"""Registers the jobs feature: the 导出中心 pages, the periodic jobs' schedule and the in-process
workers of the embedded default (the only module besides ``wsgi`` that imports its views)."""

from __future__ import annotations

from flask import Flask

from checklists.core import jobs
from inspections import periodic
from inspections.jobs import cli, views


def register(app: Flask) -> None:
    app.register_blueprint(views.bp)
    app.cli.add_command(cli.jobs_cli)
    periodic.register()
    jobs.register(app)
