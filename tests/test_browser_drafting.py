"""Drafting an author can check at a glance, in a real 360 px browser (Debian's chromium via
Playwright, without JavaScript: nothing on these pages needs it): draft from three clauses of
the bundled 冠政发〔2016〕109号, see each item's source words marked in its clause, who must act
and a low-confidence mark, confirm every item, publish through the confirmation page.

Skipped when no chromium is installed, unless REQUIRE_BROWSER=1 (set by .ci/run), which fails.
"""

from __future__ import annotations

import pathlib

import pytest
import sqlalchemy as sa

from checklists.accounts.models import Role
from tests.test_browser import ARGS, CHROMIUM, _assert_fits_phone, _login, _phone

pytestmark = pytest.mark.browser

GAZETTES = pathlib.Path(__file__).resolve().parent.parent / "checklists" / "demo" / "gazettes"
COAL = "冠政发〔2016〕109号"
#: Clause path → the words an item is drafted from (and who must do it, when the clause says).
PICKED = {
    "二/（一）/2": ("洁净煤配送中心（点）必须使用建设用地", "洁净煤配送中心（点）"),
    "五/（二）/1": ("每批次送检样本", "洁净煤配送中心（点）"),
    "六/4": ("及时与煤源供应企业联系", None),  # 及时: no deadline stated, low confidence
}


@pytest.fixture(scope="module")
def chromium():
    if not CHROMIUM:
        pytest.skip("no chromium installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield browser
        browser.close()


def _bundled_gazettes() -> dict[str, int]:
    """The bundled gazettes imported; the picked clauses' ids by path, and the document's."""
    from checklists.core.extensions import db
    from checklists.standards.models import Clause, Document
    from checklists.standards.services import import_text

    for path in sorted(GAZETTES.glob("*.txt")):
        import_text(path.read_text("utf-8"), path.name)
    db.session.commit()
    document = db.session.scalar(sa.select(Document).where(Document.number == COAL))
    ids = {"document": document.id}
    for path in PICKED:
        ids[path] = db.session.scalar(
            sa.select(Clause.id).where(
                Clause.document_id == document.id, Clause.key == f"{COAL}/{path}"
            )
        )
    return ids


def test_an_author_drafts_checks_confirms_and_publishes_on_a_phone(
    chromium, live_server, make_user
):
    from checklists.authoring.models import ChecklistTemplate, TemplateStatus
    from checklists.core.extensions import db

    ids = _bundled_gazettes()
    make_user("checker", role=Role.AUTHOR)
    context = _phone(chromium, javascript=False)
    page = context.new_page()
    _login(page, live_server, "checker")

    page.goto(f"{live_server}/templates/new?document_id={ids['document']}")
    _assert_fits_phone(page)
    page.fill("#draft-name", "核对起草检查表")
    for path in PICKED:
        page.check(f"input[name='draft-clause_ids'][value='{ids[path]}']")
    page.click("#draft-submit")
    page.wait_for_selector("h1:has-text('编辑草稿')")
    _assert_fits_phone(page)

    items = page.locator(".items > li.drafted")
    assert items.count() == 7  # one per duty: 二（一）2 two, 五（二）1 two, 六/4 three
    spans = [text.strip() for text in page.locator(".source-excerpt mark").all_inner_texts()]
    for span, subject in PICKED.values():
        assert span in spans
        item = items.filter(has=page.locator(".source-excerpt mark", has_text=span)).first
        assert item.locator(".source-excerpt mark").first.is_visible()
        if subject:
            assert item.locator(".subject", has_text=f"监管对象：{subject}").is_visible()
    vague = items.filter(has=page.locator("mark", has_text="及时与煤源供应企业联系"))
    mark = vague.locator(".low-confidence")
    assert mark.is_visible() and mark.inner_text().strip() == "⚠ 低置信度，请核对"
    assert "未规定期限" in vague.inner_text()
    assert page.locator(".low-confidence").count() == 1
    assert items.locator(".unconfirmed-mark").count() == 7

    page.click("#publish-link")  # refused while unchecked, saying why
    page.wait_for_selector("h1:has-text('发布')")
    _assert_fits_phone(page)
    assert "还有 7 项未确认" in page.inner_text("main")
    assert page.locator("#confirm-publish").count() == 0
    page.click("text=返回草稿")
    page.wait_for_selector("#confirm-all")

    page.locator(".items > li.unconfirmed .confirm-one").first.click()  # one by one ...
    page.wait_for_selector(".flash:has-text('已确认 1 项')")
    assert items.locator(".confirmed-mark").count() == 1
    page.click("#confirm-all")  # ... or the rest in one step
    page.wait_for_selector(".flash:has-text('已确认 6 项')")
    assert items.locator(".confirmed-mark").count() == 7
    assert page.locator("#confirm-all").count() == 0
    _assert_fits_phone(page)

    page.click("#publish-link")
    page.wait_for_selector("#confirm-publish")
    _assert_fits_phone(page)
    page.click("#confirm-publish")
    page.wait_for_selector(".flash:has-text('已发布第 1 版')")
    _assert_fits_phone(page)
    context.close()

    db.session.remove()
    template = db.session.scalar(
        sa.select(ChecklistTemplate).where(ChecklistTemplate.name == "核对起草检查表")
    )
    assert template.status == TemplateStatus.PUBLISHED
    assert all(item.confirmed for item in template.ordered_items())
