"""Registers the authoring feature on the app: its blueprint(s), API routes and CLI (the only
module besides ``wsgi`` that imports its views; the package itself imports nothing, so its
pure modules load without Flask)."""

from __future__ import annotations

from flask import Flask

from checklists.authoring import api, views
from checklists.core.api import add_routes


def register(app: Flask) -> None:
    app.register_blueprint(views.bp)
    add_routes(app, api.routes)
