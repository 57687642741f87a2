"""Registers the standards feature on the app: its blueprint(s), API routes and CLI (the only
module besides ``wsgi`` that imports its views; the package itself imports nothing, so its
pure modules load without Flask)."""

from __future__ import annotations

from flask import Flask

from checklists.core.api import add_routes
from checklists.standards import api, cli, views


def register(app: Flask) -> None:
    app.register_blueprint(views.bp)
    add_routes(app, api.routes)
    app.cli.add_command(cli.standards_cli)
