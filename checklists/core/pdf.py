"""HTML → PDF on the server (WeasyPrint), for notices and reports.

WeasyPrint draws text with Pango, so the server needs Pango (Debian: libpango-1.0-0,
libpangoft2-1.0-0) and a Chinese font known to fontconfig (Debian: fonts-noto-cjk). Without a
Chinese font every character would print as a box, so ``render`` refuses instead.

Only files under ``static/`` (the style sheet) and ``data:`` URLs (photos put into the page)
can be pulled into a PDF; anything else a page links to is not fetched, so rendering never
reaches out over the network.
"""

from __future__ import annotations

import functools
import mimetypes
import os
import shutil
import subprocess

from flask import current_app
from flask_babel import gettext as _

from checklists.core.assets import unhashed


class PdfUnavailable(RuntimeError):
    """The server cannot make PDFs (no WeasyPrint/Pango, or no Chinese font)."""


@functools.cache
def chinese_font() -> str | None:
    """The family name of an installed font with Chinese glyphs, or None."""
    if shutil.which("fc-list") is None:
        return None
    found = subprocess.run(
        ["fc-list", ":lang=zh", "family"], capture_output=True, text=True, check=False
    ).stdout.splitlines()
    families = sorted({line.split(",")[0].strip() for line in found if line.strip()})
    preferred = [f for f in families if "Serif CJK SC" in f or "Sans CJK SC" in f]
    return (preferred or families or [None])[0]


def _static_fetcher(static_folder: str):
    """A WeasyPrint fetcher that serves /static/... from disk and refuses everything else."""
    # Imported here: WeasyPrint loads Pango when imported; without it only PDFs are missing.
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    root = os.path.realpath(static_folder)

    class StaticOnly(URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith("data:"):  # photos put into the page itself
                return super().fetch(url, headers)
            marker = "/static/"
            position = url.find(marker)
            if position < 0:
                raise ValueError(f"not fetched: {url}")
            relative = unhashed(url[position + len(marker) :].split("?")[0])[0]  # name.<hash>.css
            target = os.path.realpath(os.path.join(root, relative))
            if not target.startswith(root + os.sep) or not os.path.isfile(target):
                raise ValueError(f"not fetched: {url}")
            with open(target, "rb") as handle:
                data = handle.read()
            mime = mimetypes.guess_type(target)[0] or "application/octet-stream"
            return URLFetcherResponse(url, data, {"Content-Type": mime})

    return StaticOnly()


def render(html: str) -> bytes:
    """The PDF of ``html`` (its style sheets under /static/ are read from disk)."""
    if chinese_font() is None:
        raise PdfUnavailable(
            _(
                "No Chinese font is installed on the server (e.g. fonts-noto-cjk): use the page's "
                "Print button instead."
            )
        )
    try:  # imported here: a server without Pango still serves everything but PDFs
        from weasyprint import HTML
    except (ImportError, OSError) as exc:  # OSError: Pango missing
        raise PdfUnavailable(
            _("PDF output is not available on this server: %(why)s", why=str(exc)[:200])
        ) from exc
    fetcher = _static_fetcher(current_app.static_folder or "")
    return HTML(string=html, base_url="http://pdf.invalid/", url_fetcher=fetcher).write_pdf()
