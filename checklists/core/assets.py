"""Static files versioned by their content.

``url_for('static', filename=f)`` gives ``/static/f?v=<hash>``, the hash being the first 12 hex
digits of the SHA-256 of the file's bytes, read once per process (per app; on every call when
debugging, so that an edited file shows at once). A deploy that changes a file changes its URL;
nothing else does. A static file asked for with its current ``v`` is answered with a year-long,
immutable ``Cache-Control``: the browser does not ask again. Any other static request keeps
Flask's default (``no-cache``: revalidated with its ETag). The service worker (``/sw.js``) keeps
the app's shell under these same URLs.
"""

from __future__ import annotations

import hashlib
import os

from flask import Flask, current_app, request
from werkzeug.security import safe_join

#: For a URL whose bytes never change.
IMMUTABLE = "public, max-age=31536000, immutable"


def version(filename: str) -> str | None:
    """The content version of ``static/<filename>``; None when there is no such file."""
    app = current_app
    versions = app.extensions.setdefault("static_versions", {})
    if app.debug or filename not in versions:
        versions[filename] = _digest(app.static_folder, filename)
    return versions[filename]


def _digest(folder: str | None, filename: str) -> str | None:
    path = safe_join(folder, filename) if folder else None
    if path is None or not os.path.isfile(path):
        return None
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()[:12]


def register(app: Flask) -> None:
    @app.url_defaults
    def add_version(endpoint: str, values: dict) -> None:
        if endpoint == "static" and "filename" in values and "v" not in values:
            found = version(values["filename"])
            if found:
                values["v"] = found

    @app.after_request
    def cache_versioned(response):
        if (
            request.endpoint == "static"
            and response.status_code in (200, 304)
            and request.args.get("v")
            and request.args["v"] == version((request.view_args or {}).get("filename", ""))
        ):
            response.headers["Cache-Control"] = IMMUTABLE
            response.headers.pop("Expires", None)
        return response
