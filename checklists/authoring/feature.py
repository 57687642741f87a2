"""Registers the authoring feature on the app: its blueprint(s), API routes and CLI (the only
module besides ``wsgi`` that imports its views; the package itself imports nothing, so its
pure modules load without Flask)."""

from __future__ import annotations

from flask import Flask

from checklists.authoring import api, provenance, source_views, views
from checklists.core.api import add_routes
from checklists.standards import hooks


def register(app: Flask) -> None:
    hooks.source_changed.connect(provenance.on_source_changed)
    app.register_blueprint(views.bp)
    app.register_blueprint(source_views.bp)
    add_routes(app, api.routes)
