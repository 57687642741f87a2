"""The inspector's journey on a 360 px phone (Debian's chromium): a number answered in another
unit picked from the item's units (and typed with its unit), offline; a failed item that needs a
photo says so and keeps the progress short of complete; a refused submit comes back to the form
(post/redirect/get) with each missing item a link that opens it; then the submit goes through.
"""

from __future__ import annotations

import pytest

from checklists.core.extensions import db
from inspections.filling import workflow
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
    workflow.add_photo(inspection, jpeg(), inspector, item_id=area.id)
    workflow.add_photo(inspection, jpeg(), inspector, item_id=thickness.id)
    db.session.commit()
    page.goto(f"{base}/inspections/{key}/fill")
    page.click("#submit-form button[type=submit]")
    page.wait_for_url(f"{base}/inspections/{key}")
    assert "不合格" in page.inner_text("main") or "合格" in page.inner_text("main")
    context.close()
