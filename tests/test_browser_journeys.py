"""The inspector's journey on a 360 px phone (Debian's chromium): a number answered in another
unit picked from the item's units (and typed with its unit), offline; a failed item that needs a
photo says so and keeps the progress short of complete; a refused submit comes back to the form
(post/redirect/get) with each missing item a link that opens it; then the submit goes through.
"""

from __future__ import annotations

import pytest

from checklists.core.extensions import db
from inspections.filling import attaching, workflow
from tests.conftest import PASSWORD
from tests.test_browser import _assert_fits_phone
from tests.test_browser_offline import (  # noqa: F401 (fixtures)
    _login,
    _open_form,
    _pending,
    _phone,
    _show_item,
    _stored,
    _wait,
    assigned,
    playwright,
)
from tests.test_inspections import jpeg, passing_value
from tests.test_templates import by_prompt

pytestmark = pytest.mark.browser


def test_the_inspector_fills_with_units_offline_and_a_refused_submit_links_to_the_item(
    playwright,  # noqa: F811
    live_server,
    assigned,  # noqa: F811
    tmp_path,
):
    template, key = assigned
    base = live_server
    thickness = by_prompt(template, "地面硬化厚度")  # number, cm, ≥ 15
    area = by_prompt(template, "储煤厂房建设面积")  # number, m², ≥ 500, photo when it fails
    context = _phone(playwright, tmp_path / "profile", service_workers="block")
    page = context.new_page()
    _login(page, base)
    _open_form(page, base, key)
    _assert_fits_phone(page)
    context.set_offline(True)
    page.wait_for_function("() => !navigator.onLine")  # in force before the next input

    # a unit picked from the item's own: 0.2 m is 20 cm, a pass, judged on the phone
    _show_item(page, thickness.id)
    picker = f"#i{thickness.id} select[name=u{thickness.id}]"
    assert page.eval_on_selector_all(
        f"{picker} option", "os => os.map(o => o.textContent.trim())"
    ) == ["毫米", "厘米", "米", "公里"]
    assert page.input_value(picker) == "cm"
    page.select_option(picker, "m")
    field = f"#i{thickness.id} input[name=a{thickness.id}][type=text]"
    page.fill(field, "0.2")
    page.locator(field).blur()
    assert "result-pass" in page.get_attribute(f"#i{thickness.id}", "class")
    assert _wait(page, lambda: _pending(page) == 1)
    # typed with its unit: the unit goes to the picker, the number stays (0.1 m = 10 cm: a fail)
    page.fill(field, "0.1米")
    page.locator(field).blur()
    assert page.input_value(field) == "0.1" and page.input_value(picker) == "m"
    assert "result-fail" in page.get_attribute(f"#i{thickness.id}", "class")
    assert _wait(page, lambda: _pending(page) == 2)

    # a failed item that needs a photo says so, and is not counted as done
    _show_item(page, area.id)
    assert "不合格时须拍照" in page.inner_text(f"#i{area.id}")
    before = page.eval_on_selector("#progress", "p => p.value")
    page.fill(f"#i{area.id} input[name=a{area.id}][type=text]", "480")
    page.locator(f"#i{area.id} input[name=a{area.id}][type=text]").blur()
    assert "须拍照" in page.inner_text(f"#i{area.id} [data-reason]")
    assert page.eval_on_selector("#progress", "p => p.value") == before

    context.set_offline(False)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    assert _wait(page, lambda: _pending(page) == 0, 30)
    current = {a.item_id: a for a in _stored(key)[0] if a.current}
    assert (current[thickness.id].value, current[thickness.id].unit) == ("0.1", "m")
    assert current[thickness.id].result == "fail"

    # submit: refused, back on the form (not on /submit), each missing item a link that opens it
    page.click("#submit-form button[type=submit]")
    page.wait_for_url(f"{base}/inspections/{key}/fill#missing")
    links = page.locator("#missing a")
    assert links.count() >= 2
    assert "须拍照" in page.inner_text("#missing") or "拍照" in page.inner_text("#missing")
    first = links.first
    target = first.get_attribute("href")
    first.tap()
    assert page.locator(target).is_visible()
    _assert_fits_phone(page)
    page.reload()  # a reload shows the form, not an error
    assert page.title().endswith("条款核查") and "405" not in page.inner_text("main")

    # everything else answered (and the photo taken): the submit goes through
    db.session.remove()
    inspection = workflow.load_by_uuid(key)
    inspector = inspection.inspectors[0]
    for item in template.ordered_items():
        if item.id in (thickness.id, area.id):
            continue
        unit = "年" if item.rule.get("unit") == "year" else None
        workflow.save_answer(inspection, item.id, passing_value(item), inspector, unit=unit)
    attaching.add_photo(inspection, jpeg(), inspector, item_id=area.id)
    attaching.add_photo(inspection, jpeg(), inspector, item_id=thickness.id)
    db.session.commit()
    page.goto(f"{base}/inspections/{key}/fill")
    page.click("#submit-form button[type=submit]")
    page.wait_for_url(f"{base}/inspections/{key}")
    assert "不合格" in page.inner_text("main") or "合格" in page.inner_text("main")
    context.close()


def test_the_supervisor_goes_from_the_queue_to_approve_and_on_to_the_next(
    playwright,  # noqa: F811
    live_server,
    assigned,  # noqa: F811
    make_org,
    make_user,
    tmp_path,
):
    """Home → the review queue tile (with its count) → the first inspection: the decision is
    at the top, approving asks for confirmation (a dialog), then the next one opens."""
    from checklists.accounts.models import Role

    template, _key = assigned
    supervisor = make_user("boss", role=Role.SUPERVISOR)
    inspector = make_user("insp-q", role=Role.INSPECTOR)
    names = []
    for n in (1, 2):
        org = make_org(f"待审单位{n}")
        inspection, _created = workflow.create_inspection(template, org, inspector)
        for item in template.ordered_items():
            unit = "年" if item.rule.get("unit") == "year" else None
            workflow.save_answer(inspection, item.id, passing_value(item), inspector, unit=unit)
        workflow.submit(inspection, inspector, inspection.created_at.date())
        names.append(org.name)
    db.session.commit()
    context = _phone(playwright, tmp_path / "profile", service_workers="block")
    page = context.new_page()
    page.goto(f"{live_server}/login")
    page.fill("#username", supervisor.username)
    page.fill("#password", PASSWORD)
    page.click("#submit")
    page.wait_for_url(f"{live_server}/")
    tile = page.locator("#tile-review")
    assert "2" in tile.inner_text()
    tile.tap()
    page.locator(".list a").first.tap()
    page.wait_for_selector("#decision")
    _assert_fits_phone(page)
    top = page.eval_on_selector("#decision", "el => el.getBoundingClientRect().top")
    assert top < 740  # the decision is on the first screen, not at the bottom
    first = page.inner_text("h1")
    asked = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.accept()))
    page.click("#decision form button[type=submit]")
    page.wait_for_selector(".flash:has-text('下一项待审核')")
    assert asked and "批准" in asked[0]
    assert page.inner_text("h1") != first and any(name in page.inner_text("h1") for name in names)
    # dismissing the dialog changes nothing
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.click("#decision form button[type=submit]")
    page.wait_for_timeout(300)
    assert page.locator("#decision").is_visible()
    context.close()


def test_the_author_imports_drafts_and_publishes_with_a_confirmation(
    playwright,  # noqa: F811
    live_server,
    make_user,
    tmp_path,
):
    """Home → import a gazette from the phone → find its document → draft from two clauses →
    confirm the items → publish, which asks (a dialog) before it freezes the version."""
    from checklists.accounts.models import Role
    from tests.test_templates import DATA

    make_user("writer", role=Role.AUTHOR)
    context = _phone(playwright, tmp_path / "profile", service_workers="block")
    page = context.new_page()
    page.goto(f"{live_server}/login")
    page.fill("#username", "writer")
    page.fill("#password", PASSWORD)
    page.click("#submit")
    page.wait_for_url(f"{live_server}/")
    page.goto(f"{live_server}/standards/import")
    page.set_input_files("input[type=file]", str(DATA / "sample_gazette.txt"))
    page.click("main form button[type=submit], main form input[type=submit]")
    page.wait_for_selector("text=示政发〔2026〕1号")
    _assert_fits_phone(page)

    page.goto(f"{live_server}/templates/new")
    page.fill("#document-search input, input[name=q]", "示政发")
    page.locator("#document-list li:not([hidden]) a").first.tap()
    page.wait_for_selector("#draft")
    _assert_fits_phone(page)
    page.fill("#draft-name", "示例站点检查表")
    boxes = page.locator("input[name='draft-clause_ids']")
    assert boxes.first.is_visible()  # the clause list is open, not folded
    boxes.nth(0).check()
    boxes.nth(1).check()
    page.click("#draft-submit")
    page.wait_for_selector("#confirm-all")
    page.click("#confirm-all")
    page.wait_for_selector(".flash:has-text('已确认')")
    page.click("#publish-link")
    page.wait_for_selector("#confirm-publish")
    asked = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.accept()))
    page.click("#confirm-publish")
    page.wait_for_selector(".flash:has-text('已发布第 1 版')")
    assert asked and "发布" in asked[0]
    _assert_fits_phone(page)
    context.close()
