"""Registers the credit feature on the app: its pages, API routes, CLI and the marks it puts
on organisations (the only module besides ``wsgi`` that imports its views)."""

from __future__ import annotations

from flask import Flask

from checklists.accounts import marks
from checklists.core.api import add_routes
from inspections.credit import api, cli, views


def register(app: Flask) -> None:
    app.register_blueprint(views.bp)
    app.register_blueprint(views.public_bp)
    add_routes(app, api.routes)
    app.cli.add_command(cli.credit_cli)
    marks.register(app, "credit", api.marks_for)
