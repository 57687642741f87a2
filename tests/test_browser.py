"""A real phone-sized browser (Debian's chromium via Playwright) on a live server.

Skipped when no chromium is installed, unless REQUIRE_BROWSER=1 (set by .ci/run), which fails.
"""

from __future__ import annotations

import os
import pathlib
import shutil

import pytest
import sqlalchemy as sa

from checklists.accounts.models import Role
from tests.conftest import PASSWORD, load_demo_once

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
PHONE = {"width": 360, "height": 740}
DATA = pathlib.Path(__file__).parent / "data"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
#: Elements people tap; each must be at least 44 px high (inline text links are exempt).
TAPPABLE = (
    "button, input:not([type=hidden]):not([type=checkbox]), select, summary, "
    ".button, .tile, .brand, .list a, .menu a, .field.check label"
)

if not CHROMIUM and os.environ.get("REQUIRE_BROWSER") == "1":
    raise RuntimeError("REQUIRE_BROWSER=1 but no chromium is installed (apt-get install chromium)")


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM:
        pytest.skip("no chromium installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield browser
        browser.close()


def _phone(browser, javascript: bool = True):
    return browser.new_context(
        viewport=PHONE,
        has_touch=True,
        is_mobile=True,
        java_script_enabled=javascript,
        locale="zh-CN",
        device_scale_factor=2,
    )


def _assert_fits_phone(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{page.url} scrolls sideways: {width}px"
    small = page.evaluate(
        """(selector) => [...document.querySelectorAll(selector)]
            .filter(el => el.offsetParent !== null)
            .map(el => [el.outerHTML.slice(0, 80), el.getBoundingClientRect().height])
            .filter(([, h]) => h < 44)""",
        TAPPABLE,
    )
    assert small == [], f"{page.url}: tap targets under 44px: {small}"


def _login(page, base: str, username: str, password: str = PASSWORD) -> None:
    page.goto(f"{base}/login")
    page.fill("#username", username)
    page.fill("#password", password)
    page.click("#submit")
    page.wait_for_url(f"{base}/")


def test_login_without_javascript_on_a_phone(browser, live_server, make_user):
    make_user("phone-user", role=Role.INSPECTOR)
    context = _phone(browser, javascript=False)
    page = context.new_page()
    page.goto(f"{live_server}/login")
    assert page.title() == "登录 · 条款核查"
    _assert_fits_phone(page)
    _login(page, live_server, "phone-user")
    assert "您好，phone-user" in page.content()
    _assert_fits_phone(page)
    context.close()


def test_wrong_password_message_on_a_phone(browser, live_server, make_user):
    make_user("typo")
    context = _phone(browser)
    page = context.new_page()
    page.goto(f"{live_server}/login")
    page.fill("#username", "typo")
    page.fill("#password", "wrong")
    page.click("#submit")
    assert page.locator(".error").inner_text().startswith("密码：用户名或密码错误")
    _assert_fits_phone(page)
    context.close()


def test_admin_pages_fit_a_phone(browser, live_server, make_user, make_org):
    make_org(
        "冠县鑫源洁净煤配送中心有限责任公司东郊配送点（长名称测试）",
        credit_code="91350100M000100Y43",
    )
    make_user("boss", role=Role.ADMIN)
    context = _phone(browser)
    page = context.new_page()
    _login(page, live_server, "boss")
    for path in (
        "/",
        "/admin/users",
        "/admin/users/new",
        "/organisations",
        "/organisations/1",
        "/admin/organisations/new",
        "/admin/regions",
        "/account",
        "/account/password",
        "/no-such-page",
    ):
        page.goto(f"{live_server}{path}")
        _assert_fits_phone(page)
    page.goto(f"{live_server}/")
    page.click("summary")
    box = page.locator(".menu ul").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    page.click("text=退出登录")
    page.wait_for_url(f"{live_server}/login")
    assert "您已退出登录" in page.content()
    context.close()


def test_print_stylesheet_hides_navigation(browser, live_server, make_user):
    make_user("printer", role=Role.ADMIN)
    context = _phone(browser)
    page = context.new_page()
    _login(page, live_server, "printer")
    page.emulate_media(media="print")
    assert page.locator(".topbar").is_hidden()
    assert page.locator("h1").is_visible()
    context.close()


def test_standards_pages_fit_a_phone(browser, live_server, make_user):
    from checklists.core.extensions import db
    from checklists.standards.services import import_text

    for path in sorted(DATA.glob("0*.txt"))[:1]:
        import_text(path.read_text(encoding="utf-8"), path.name)
    db.session.commit()
    make_user("reader", role=Role.AUTHOR)
    context = _phone(browser)
    page = context.new_page()
    _login(page, live_server, "reader")
    page.goto(f"{live_server}/standards/")
    _assert_fits_phone(page)
    page.click("text=冠政发〔2016〕109号")
    page.wait_for_selector("mark.req")
    _assert_fits_phone(page)
    page.goto(f"{live_server}/standards/")
    page.fill("#search-q", "台账")
    page.press("#search-q", "Enter")
    page.wait_for_selector("mark")
    assert "台账" in page.locator("mark").first.inner_text()
    _assert_fits_phone(page)
    page.goto(f"{live_server}/standards/import")
    _assert_fits_phone(page)
    page.set_input_files("#file", str(DATA / "sample_gazette.txt"))
    page.click("#submit")
    page.wait_for_selector("text=示政发〔2026〕1号")
    context.close()


def test_template_pages_fit_a_phone_and_preview_scores_by_tapping(browser, live_server, make_user):
    from checklists.authoring.models import ChecklistTemplate
    from checklists.core.extensions import db

    load_demo_once()
    coal = db.session.scalar(
        sa.select(ChecklistTemplate).where(ChecklistTemplate.name.startswith("洁净煤"))
    )
    make_user("builder", role=Role.AUTHOR)
    context = _phone(browser)
    page = context.new_page()
    _login(page, live_server, "builder")
    for path in ("/templates/", f"/templates/{coal.id}", "/templates/new?document_id=1"):
        page.goto(f"{live_server}{path}")
        _assert_fits_phone(page)
    page.goto(f"{live_server}/templates/{coal.id}/preview")
    _assert_fits_phone(page)

    def item(prompt: str):
        return page.locator(".item").filter(has=page.locator(".prompt", has_text=prompt))

    area = item("储煤厂房建设面积")
    number = area.locator("input[inputmode=decimal]")
    assert number.get_attribute("inputmode") == "decimal"  # the phone's numeric keyboard
    number.fill("480")
    item("配送中心（点）使用建设用地").locator(".choice", has_text="否").tap()
    page.click("button:has-text('试算')")
    page.wait_for_selector(".summary")
    assert "实测 480 平方米 < 要求 ≥ 500 平方米" in area.inner_text()
    assert "一票否决" in page.locator(".summary").inner_text()
    _assert_fits_phone(page)
    page.goto(f"{live_server}/templates/{coal.id}")
    page.click("text=编辑（生成新版本）")
    page.wait_for_selector("text=编辑草稿")
    _assert_fits_phone(page)
    page.locator(".items a.prompt").first.click()
    page.wait_for_selector("text=编辑检查项")
    _assert_fits_phone(page)
    context.close()


def test_an_enterprise_answers_a_finding_and_the_inspector_closes_it_on_a_phone(
    browser, live_server, app_ctx
):
    """The demo's submitted inspection has findings: the enterprise reports a fix with a photo
    from its phone, the inspector re-inspects and closes it; every page fits 360 px."""
    import io

    from PIL import Image

    from checklists.demo import data as demo

    load_demo_once()
    context = _phone(browser)
    page = context.new_page()
    _login(page, live_server, "enterprise", demo.DEMO_PASSWORD)
    page.goto(f"{live_server}/")
    _assert_fits_phone(page)
    assert "待整改问题" in page.inner_text("main")
    page.locator(".finding-row a").first.tap()
    page.wait_for_selector("text=条款要求")
    _assert_fits_phone(page)
    finding_url = page.url
    page.fill("#description", "已扩建储煤厂房至520平方米")
    out = io.BytesIO()
    Image.new("RGB", (800, 600), (30, 120, 60)).save(out, "JPEG")
    page.set_input_files(
        "#files", files=[{"name": "现场.jpg", "mimeType": "image/jpeg", "buffer": out.getvalue()}]
    )
    page.click("button:has-text('报送整改情况'), input[value='报送整改情况']")
    page.wait_for_selector("text=整改情况已报送")
    assert "已报送，待复查" in page.inner_text("main")
    assert page.locator(".timeline .files img").count() == 1
    page.locator(".breadcrumb a, a:has-text('整改〔')").first.click()
    page.wait_for_selector("h1:has-text('整改通知书')")
    _assert_fits_phone(page)
    context.close()

    context = _phone(browser)
    page = context.new_page()
    _login(page, live_server, "inspector", demo.DEMO_PASSWORD)
    page.goto(finding_url)
    _assert_fits_phone(page)
    page.check("input[value=closed]")
    page.fill("#reason", "现场复查：面积已达标")
    page.click("input[value='保存复查结论'], button:has-text('保存复查结论')")
    page.wait_for_selector("text=复查结论已保存")
    assert "已销号" in page.inner_text("main")
    page.goto(f"{live_server}/findings/?show=closed")
    _assert_fits_phone(page)
    assert page.locator(".finding-row").count() == 1
    context.close()
