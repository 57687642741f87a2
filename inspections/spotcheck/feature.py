"""Registers the spot-check feature (双随机、一公开): pages, public pages, API routes, CLI."""

from __future__ import annotations

from flask import Flask

from checklists.core.api import add_routes
from checklists.core.extensions import csrf
from inspections.spotcheck import api, cli, views


def register(app: Flask) -> None:
    app.register_blueprint(views.bp)
    app.register_blueprint(views.public_bp)
    csrf.exempt(views.verify)  # public and read-only: it recomputes, it changes nothing
    add_routes(app, api.routes)
    app.cli.add_command(cli.spotcheck_cli)
