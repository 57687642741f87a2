"""扫码 on a 360 px phone (Debian's chromium): the inspector photographs the site's QR code with
the 扫码 button; the phone reads it (the vendored jsQR: the page has no BarcodeDetector, as iOS
Safari and many in-app webviews have none), fetched only then, with no page error and no
Content-Security-Policy refusal; the code fills the item's field, is judged against the
required code at once and reaches the server through the outbox.

Skipped when no chromium is installed, unless REQUIRE_BROWSER=1, which fails.
"""

from __future__ import annotations

import pytest
import segno
import sqlalchemy as sa

from checklists.core.extensions import db
from inspections.filling.models import Answer
from tests import test_browser_offline
from tests.test_barcode import SITE, site_check  # noqa: F401 (fixture)
from tests.test_browser import _assert_fits_phone
from tests.test_browser_offline import _login, _pending, _phone, _wait

pytestmark = pytest.mark.browser
playwright = test_browser_offline.playwright


def _answers() -> list[tuple[str, str, str]]:
    db.session.remove()
    return [(a.value, a.result, a.client_id) for a in db.session.scalars(sa.select(Answer))]


def test_a_photographed_qr_code_fills_the_field_and_reaches_the_server(
    playwright,
    live_server,
    site_check,  # noqa: F811
    tmp_path,
):
    _template_id, item_id, key, _inspector, _region = site_check
    photo = tmp_path / "site-qr.png"
    segno.make_qr(SITE, error="m").save(str(photo), scale=10, border=4)
    context = _phone(playwright, tmp_path / "profile", service_workers="block")
    context.add_init_script("delete window.BarcodeDetector")  # the decoder every phone can run
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    loaded: list[str] = []
    page.on("request", lambda r: loaded.append(r.url) if "/static/" in r.url else None)
    _login(page, live_server)
    page.goto(f"{live_server}/inspections/{key}/fill")
    page.wait_for_function("() => document.documentElement.classList.contains('js')")
    assert not [u for u in loaded if "/scan." in u or "jsQR" in u]  # not with the page

    item = f"#i{item_id}"
    field = f"{item} input[type=text][name=a{item_id}]"
    assert page.is_visible(f"{item} .scan-button")
    _assert_fits_phone(page)
    page.locator(f"{item} input.scan-input").set_input_files(str(photo))
    assert _wait(page, lambda: page.input_value(field) == SITE, 10), page.inner_text(item)
    assert "合格" in page.inner_text(f"{item} [data-reason]")
    assert page.evaluate("typeof window.jsQR") == "function"
    assert _wait(page, lambda: _pending(page) == 0 and len(_answers()) == 1, 10)
    [(value, result, client_id)] = _answers()
    assert (value, result) == (SITE, "pass") and client_id
    assert problems == []
    context.close()
