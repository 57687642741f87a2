"""Filling an inspection in a real phone-sized browser, with the connection going and coming.

Debian's chromium via Playwright, 360×740 with touch, a persistent profile so that the
browser can be closed and started again (IndexedDB and the service worker survive, as on a
phone). Every answer and photo must reach the server exactly once.
"""

from __future__ import annotations

import io
import time

import pytest
import sqlalchemy as sa
from PIL import Image

from checklists.accounts.models import Role
from checklists.core.extensions import db
from checklists.demo import templates as demo_templates
from checklists.standards.services import import_text
from inspections.filling import workflow
from inspections.filling.models import Answer, Inspection, Photo
from tests.conftest import PASSWORD
from tests.test_browser import ARGS, CHROMIUM, PHONE, _assert_fits_phone
from tests.test_templates import DATA, by_prompt

pytestmark = pytest.mark.browser


def _phone(playwright, profile, offline=False, service_workers="allow"):
    return playwright.chromium.launch_persistent_context(
        str(profile),
        executable_path=CHROMIUM,
        args=ARGS,
        headless=True,
        viewport=PHONE,
        has_touch=True,
        is_mobile=True,
        locale="zh-CN",
        device_scale_factor=2,
        offline=offline,
        service_workers=service_workers,
    )


@pytest.fixture
def playwright():
    if not CHROMIUM:
        pytest.skip("no chromium installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as running:
        yield running


@pytest.fixture
def assigned(app_ctx, make_org, make_user):
    """The clean-coal template, published, and an inspection assigned to 'phone'."""
    for path in sorted(DATA.glob("0*.txt")):
        import_text(path.read_text("utf-8"), path.name)
    [spec] = [t for t in demo_templates.TEMPLATES if t["name"].startswith("洁净煤")]
    template = demo_templates.build(spec, None)
    inspector = make_user("phone", role=Role.INSPECTOR)
    inspection, _created = workflow.create_inspection(template, make_org("鑫源煤业"), inspector)
    db.session.commit()
    return template, inspection.uuid


def _jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (1200, 900), (120, 60, 30)).save(out, "JPEG")
    return out.getvalue()


def _login(page, base):
    page.goto(f"{base}/login")
    page.fill("#username", "phone")
    page.fill("#password", PASSWORD)
    page.check("#remember")  # "stay logged in on this device", as a field phone would
    page.click("#submit")
    page.wait_for_url(f"{base}/")


def _pending(page) -> int:
    """The 待同步 count the page shows (0 when nothing waits)."""
    return page.evaluate(
        """() => { const el = document.getElementById('sync-count');
                   return el && !el.hidden ? Number(el.textContent.replace(/\\D/g, '')) : 0; }"""
    )


def _stored(key):
    """Current answers and photos of the inspection, read fresh from the database."""
    db.session.remove()
    inspection = db.session.scalar(sa.select(Inspection).where(Inspection.uuid == key))
    answers = db.session.scalars(
        sa.select(Answer).where(Answer.inspection_id == inspection.id)
    ).all()
    photos = db.session.scalars(sa.select(Photo).where(Photo.inspection_id == inspection.id)).all()
    return answers, photos


def _wait(page, condition, seconds=20.0):
    """Poll ``condition``, letting Playwright run its handlers (routes) in between."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        page.wait_for_timeout(200)
    return False


def _open_form(page, base, key):
    page.goto(f"{base}/inspections/{key}/fill")
    page.wait_for_function("() => document.documentElement.classList.contains('js')")


def _show_item(page, item_id):
    """Switch to the section holding the item (one section is shown at a time)."""
    section = page.evaluate(f"document.getElementById('i{item_id}').closest('section').id")
    page.select_option("#section-pick", section)


def test_offline_answers_and_photos_survive_reload_and_restart(
    playwright, live_server, assigned, tmp_path
):
    template, key = assigned
    base = live_server
    profile = tmp_path / "profile"
    first = by_prompt(template, "具备企业法人营业执照")  # yes / no
    area = by_prompt(template, "储煤厂房建设面积")  # number, m²
    colour = by_prompt(template, "整体外墙颜色")  # choice

    context = _phone(playwright, profile)
    page = context.new_page()
    _login(page, base)
    page.goto(f"{base}/inspections/")
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    _open_form(page, base, key)
    assert page.evaluate("navigator.serviceWorker.controller !== null") or page.reload() is None
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")

    _assert_fits_phone(page)
    page.screenshot(path=str(tmp_path / "fill.png"), full_page=False)
    # online: one answer, saved at once
    _show_item(page, first.id)
    page.locator(f"#i{first.id} label.choice", has_text="是").tap()
    assert _wait(page, lambda: len(_stored(key)[0]) == 1), "the online answer did not arrive"
    assert _wait(page, lambda: _pending(page) == 0)

    # offline: two more answers and a photo stay on the phone
    context.set_offline(True)
    _show_item(page, area.id)
    page.fill(f"#i{area.id} input[name=a{area.id}][type=text]", "480")
    page.locator(f"#i{area.id} input[name=a{area.id}][type=text]").blur()
    page.locator(f"#i{area.id} input.photo-input").set_input_files(
        {"name": "depot.jpg", "mimeType": "image/jpeg", "buffer": _jpeg()}
    )
    _show_item(page, colour.id)
    page.locator(f"#i{colour.id} label.choice").first.tap()
    assert _wait(page, lambda: _pending(page) == 3), f"pending {_pending(page)}"
    assert "待同步 3" in page.inner_text("#sync")
    assert len(_stored(key)[0]) == 1

    # reload while offline: the page comes from the service worker, the answers from the phone
    page.reload()
    page.wait_for_function("() => document.documentElement.classList.contains('js')")
    _show_item(page, area.id)
    assert page.input_value(f"#i{area.id} input[name=a{area.id}][type=text]") == "480"
    assert page.locator(f"#i{area.id} [data-thumbs] img").count() == 1
    assert _wait(page, lambda: _pending(page) == 3)

    # close the browser and start it again, still offline
    context.close()
    context = _phone(playwright, profile, offline=True)
    page = context.new_page()
    _open_form(page, base, key)
    _show_item(page, area.id)
    assert page.input_value(f"#i{area.id} input[name=a{area.id}][type=text]") == "480"
    assert _wait(page, lambda: _pending(page) == 3)
    assert len(_stored(key)[0]) == 1 and _stored(key)[1] == []

    # back online: everything is sent, in order, exactly once
    context.set_offline(False)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    assert _wait(page, lambda: _pending(page) == 0, 30), f"still pending {_pending(page)}"
    answers, photos = _stored(key)
    by_item = {a.item_id: a for a in answers}
    assert len(answers) == 3 and len({a.client_id for a in answers}) == 3
    assert by_item[first.id].value == "yes"
    assert (by_item[area.id].value, by_item[area.id].result) == ("480", "fail")
    assert colour.id in by_item
    assert [p.item_id for p in photos] == [area.id]
    # the reasons shown are the server's, citing the clause
    _show_item(page, area.id)
    assert "冠政发〔2016〕109号" in page.inner_text(f"#i{area.id} [data-reason]")
    page.screenshot(path=str(tmp_path.parent / "fill-after.png"), full_page=False)
    context.close()


def test_a_write_stored_but_whose_answer_was_lost_is_stored_once(
    playwright, live_server, assigned, tmp_path
):
    template, key = assigned
    base = live_server
    area = by_prompt(template, "储煤厂房建设面积")
    # Playwright routes only what no service worker handles: this test does without one.
    context = _phone(playwright, tmp_path / "profile", service_workers="block")
    page = context.new_page()
    _login(page, base)
    dropped = []

    def lose_the_answer(route):
        if not dropped:
            route.fetch()  # the server stores it ...
            dropped.append(route.request.post_data_json["client_id"])
            route.abort()  # ... but the phone never hears back
        else:
            route.continue_()

    context.route(f"**/api/v1/inspections/{key}/answers/**", lose_the_answer)
    _open_form(page, base, key)
    _show_item(page, area.id)
    page.fill(f"#i{area.id} input[name=a{area.id}][type=text]", "520")
    page.locator(f"#i{area.id} input[name=a{area.id}][type=text]").blur()
    assert _wait(page, lambda: bool(dropped)), "the first send never happened"
    assert _wait(page, lambda: _pending(page) == 0, 30), "the resend did not succeed"
    answers, _photos = _stored(key)
    assert [(a.client_id, a.value) for a in answers] == [(dropped[0], "520")]
    page.reload()
    _show_item(page, area.id)
    assert page.input_value(f"#i{area.id} input[name=a{area.id}][type=text]") == "520"
    context.close()


def test_quote_signature_and_resume_where_the_inspector_was(
    playwright, live_server, assigned, tmp_path
):
    template, key = assigned
    base = live_server
    area = by_prompt(template, "储煤厂房建设面积")
    context = _phone(playwright, tmp_path / "profile", service_workers="block")
    page = context.new_page()
    _login(page, base)
    _open_form(page, base, key)
    _show_item(page, area.id)
    # one tap on the citation shows the clause's words
    page.locator(f"#i{area.id} details.quote summary").tap()
    page.wait_for_function(
        f"() => document.querySelector('#i{area.id} blockquote').textContent.includes('500平方米')"
    )
    # leaving and coming back opens the same section
    page.goto(f"{base}/inspections/")
    _open_form(page, base, key)
    assert page.is_visible(f"#i{area.id}")
    # the inspector signs at the end
    page.select_option("#section-pick", "s-end")
    _assert_fits_phone(page)
    pad = page.locator('.signature[data-kind="signature_inspector"] canvas')
    box = pad.bounding_box()
    page.mouse.move(box["x"] + 20, box["y"] + 30)
    page.mouse.down()
    page.mouse.move(box["x"] + 150, box["y"] + 90, steps=8)
    page.mouse.up()
    page.locator('.signature[data-kind="signature_inspector"] [data-sign]').tap()
    assert _wait(page, lambda: [p.kind for p in _stored(key)[1]] == ["signature_inspector"])
    # submitting with required items missing lists them
    page.locator("#submit-form button").tap()
    page.wait_for_selector(".flash-error li")
    assert "第1项：未作答" in page.inner_text(".flash-error")
    context.close()
