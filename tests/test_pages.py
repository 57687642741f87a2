"""Base template and assets: phone viewport, no CDN, one form macro."""

from __future__ import annotations

import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parent.parent


def test_no_external_assets():
    offenders = []
    for folder in ("templates", "static"):
        for path in (ROOT / folder).rglob("*"):
            if path.is_file() and path.suffix in {".html", ".css", ".js", ".svg"}:
                text = path.read_text(encoding="utf-8")
                for match in re.finditer(r"""(?:src|href|url)\s*[=(]\s*["']?(https?:)?//""", text):
                    offenders.append(f"{path.relative_to(ROOT)}: {match.group(0)}")
    assert offenders == []


def test_base_template_is_phone_ready(client):
    html = client.get("/login").get_data(as_text=True)
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    assert "<script" not in html  # the login page works without JavaScript
    css = (ROOT / "static/css/app.css").read_text(encoding="utf-8")
    assert "@media print" in css and "--tap: 44px" in css


def test_page_forms_render_fields_through_the_one_macro():
    """Pages may open a <form>, but fields come from templates/_macros/forms.html."""
    # partials (``_name.html`` or in a ``_folder``) are parts of the pages that include them
    pages = [
        p
        for p in (ROOT / "templates").rglob("*.html")
        if not p.parent.name.startswith("_") and not p.name.startswith("_")
    ]
    for path in pages:
        text = path.read_text(encoding="utf-8")
        if "form" in text and ("<input" in text or "{{ form." in text):
            assert "_macros/forms.html" in text, path
