"""Registers the supervision feature (挂牌督办 → 销号) on the app: its blueprint, API routes and
CLI (the only module besides ``wsgi`` that imports its views; the package itself imports
nothing, so its modules load on their own)."""

from __future__ import annotations

from flask import Flask

from checklists.core.api import add_routes
from inspections.supervision import api, cli, interview_api, interview_views, views


def register(app: Flask) -> None:
    app.register_blueprint(views.bp)
    add_routes(app, api.routes)
    app.register_blueprint(interview_views.bp)
    add_routes(app, interview_api.routes)
    app.cli.add_command(cli.supervision_cli)
