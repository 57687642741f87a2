"""Registers the scheduled inspections feature: its pages and its API routes."""

from __future__ import annotations

from flask import Flask

from checklists.core.api import add_routes
from inspections.scheduling import api, views


def register(app: Flask) -> None:
    app.register_blueprint(views.bp)
    add_routes(app, api.routes)
