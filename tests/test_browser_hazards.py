"""挂牌督办 on a phone (Debian's chromium via Playwright, 360 px): the enterprise opens its
hazards, signs the receipt and submits the plan with the six 落实; nothing scrolls sideways.

Skipped when no chromium is installed, unless REQUIRE_BROWSER=1 (set by .ci/run), which fails.
"""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from checklists.accounts.models import Role
from checklists.core.extensions import db
from inspections.supervision import operations as supervision
from inspections.supervision.models import Hazard, HazardStatus
from tests.test_browser import _assert_fits_phone, _login, _phone, browser  # noqa: F401

pytestmark = pytest.mark.browser


@pytest.fixture
def listed(make_region, make_org, make_user):
    """A hazard of 临淄华泰化工 listed by a supervisor; its enterprise user."""
    linzi = make_region("临淄区")
    org = make_org("临淄华泰化工有限公司（储运分公司东区罐区长名称测试）", region=linzi)
    boss = make_user("linzi-sup", role=Role.SUPERVISOR, region=linzi)
    make_user("huatai", role=Role.ENTERPRISE, organisation=org)
    hazard, _created = supervision.list_hazard(
        boss,
        today=dt.date.today(),
        organisation_id=org.id,
        title="液氯储罐区可燃气体报警装置失效",
        description="液氯储罐区可燃气体检测报警装置失效，未与紧急切断装置联锁，限期整改。",
    )
    db.session.commit()
    return hazard.id


def test_the_enterprise_signs_the_receipt_and_submits_the_plan_on_a_phone(
    browser,  # noqa: F811
    live_server,
    listed,
    app,
):
    context = _phone(browser)
    page = context.new_page()
    _login(page, live_server, "huatai")

    # The menu leads to "my hazards": the receipt is what is due next.
    page.click(".menu summary")
    page.click("text=我的挂牌督办隐患")
    page.wait_for_url(f"{live_server}/hazards/")
    assert "签收回执" in page.inner_text("main")
    _assert_fits_phone(page)

    page.click("main a.button.primary")
    page.wait_for_url(f"{live_server}/hazards/{listed}#step-receipt")
    _assert_fits_phone(page)
    page.fill("#signer", "王强")
    page.fill("#note", "已收到，立即组织整改")
    page.click("#step-receipt button[type=submit], #step-receipt input[type=submit]")
    page.wait_for_url(f"{live_server}/hazards/{listed}")
    assert "签收回执：已保存" in page.inner_text(".flash")
    _assert_fits_phone(page)

    # The plan: each of the six 落实 is required.
    plan = page.locator("#step-plan")
    plan.locator("#measures").fill("更换报警探头并与紧急切断阀联锁")
    plan.locator("input[type=submit], button[type=submit]").click()
    assert "此项为必填项" in page.inner_text("#step-plan")
    _assert_fits_phone(page)
    page.fill("#responsibility", "总经理王强负总责，设备科张伟落实")
    page.fill("#measures", "更换报警探头并与紧急切断阀联锁")
    page.fill("#funds", "自筹12万元")
    page.fill("#deadline", "2026-12-20")
    page.fill("#emergency_plan", "整改期间每班人工巡检，配备便携式检测仪")
    page.fill("#monitoring", "中控室24小时视频监控")
    page.locator("#step-plan input[type=submit], #step-plan button[type=submit]").click()
    page.wait_for_url(f"{live_server}/hazards/{listed}")
    assert "整改方案（六落实）：已保存" in page.inner_text(".flash")
    assert "中控室24小时视频监控" in page.inner_text("main")
    assert "隐患整改销号报告" in page.inner_text("main")  # what is due next now
    _assert_fits_phone(page)

    for path in ("/hazards/", f"/hazards/{listed}/notice"):
        page.goto(f"{live_server}{path}")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"{path} scrolls sideways: {width}px"
    context.close()

    db.session.remove()  # the fixtures' session still holds the hazard as it was listed
    with app.app_context():
        hazard = db.session.scalar(sa.select(Hazard).where(Hazard.id == listed))
        assert hazard.status == HazardStatus.RECTIFYING
        assert [e.kind for e in hazard.events] == ["listed", "receipt", "plan"]
        assert hazard.events[1].data["signer"] == "王强"
