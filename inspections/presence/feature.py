"""Registers the presence feature on the app (扫码 and the place check): its blueprint and what
an inspection's page shows of it (``presence_of``; the filling feature imports nothing of it)."""

from __future__ import annotations

from flask import Flask

from inspections.presence import place, services, views


def register(app: Flask) -> None:
    app.register_blueprint(views.bp)
    app.add_template_global(services.presence, "presence_of")
    app.add_template_global(place.readable, "readable_distance")
