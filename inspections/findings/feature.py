"""Registers the findings feature on the app: its blueprint(s), API routes and CLI (the only
module besides ``wsgi`` that imports its views; the package itself imports nothing, so its
pure modules load without Flask)."""

from __future__ import annotations

from flask import Flask

from checklists.core.api import add_routes
from checklists.standards import hooks as standards_hooks
from inspections.filling import hooks
from inspections.findings import (
    api,
    calendar_views,
    cli,
    deadlines,
    inbox_views,
    operations,
    provenance,
    views,
)
from inspections.findings.blueprint import bp

#: One blueprint, three view modules: imported for the routes they add to ``bp``.
VIEWS = (views, inbox_views, calendar_views)


def _official_calendar(_sender: object) -> dict[str, object]:
    """A ``hooks.official_calendar`` receiver: the calendar with the years loaded here, so that
    ``date_pair`` answers count working days as the findings' deadlines do."""
    return {"calendar": deadlines.official_calendar()}


def register(app: Flask) -> None:
    hooks.official_calendar.connect(_official_calendar)
    hooks.submitted.connect(operations.on_submitted)
    hooks.page_context.connect(operations.page_context)
    hooks.json_extra.connect(api.inspection_findings)
    standards_hooks.source_changed.connect(provenance.on_source_changed)
    app.register_blueprint(bp)
    add_routes(app, api.routes)
    app.cli.add_command(cli.findings_cli)
