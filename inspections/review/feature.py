"""Registers the review feature on the app: its blueprint(s), API routes and CLI (the only
module besides ``wsgi`` that imports its views; the package itself imports nothing, so its
pure modules load without Flask)."""

from __future__ import annotations

from flask import Flask

from inspections.filling import hooks
from inspections.review import export_jobs, export_views, rollups, views

#: Imported for the job handler it registers (exports made in the background).
JOB_HANDLERS = (export_jobs,)


def register(app: Flask) -> None:
    app.register_blueprint(views.bp)
    app.register_blueprint(export_views.bp)
    # the dashboard's rollups kept in the transaction of every status change
    hooks.status_changing.connect(rollups.before_change)
    hooks.status_changed.connect(rollups.after_change)
