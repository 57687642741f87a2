"""Visibility conditions on a 360 px phone (Debian's chromium), offline: the procurement
template's approval steps are folded while the project's amount is below the public-tender
limit and open as soon as an amount of 4000000 or more is typed (conditions.js, no round trip);
the server agrees after the sync, and the submission does not ask for the folded steps.

Skipped when no chromium is installed, unless REQUIRE_BROWSER=1, which fails.
"""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from checklists.accounts.models import OrgKind, Role
from checklists.authoring import operations as builder
from checklists.core.extensions import db
from checklists.demo import templates as demo_templates
from checklists.standards.services import import_text
from inspections.filling import workflow
from inspections.filling.models import Inspection, InspectionStatus
from tests import test_browser_offline
from tests.test_browser import _assert_fits_phone
from tests.test_browser import _login as login_as
from tests.test_browser_offline import _login, _open_form, _pending, _phone, _show_item, _wait
from tests.test_templates import DATA, by_prompt

pytestmark = pytest.mark.browser
playwright = test_browser_offline.playwright


@pytest.fixture
def procurement_form(app_ctx, make_org, make_user):
    """The procurement template, an inspection of it assigned to 'phone', and every required
    item answered on the server but the amount and the steps above the limit. Its last section
    (事后监督) is given the same condition here, as a section's own (written straight into the
    published version: the builder's form is tested elsewhere)."""
    import_text((DATA / "000_4d0f1aad85daeba2.txt").read_text("utf-8"), "000.txt")
    [spec] = [t for t in demo_templates.TEMPLATES if t["name"].startswith("政府采购")]
    template = demo_templates.build(spec, None)
    template.sections[-1].visible_when = "amount >= 4000000"
    inspector = make_user("phone", role=Role.INSPECTOR)
    org = make_org("冠县某局", kind=OrgKind.GOVERNMENT)
    inspection, _created = workflow.create_inspection(template, org, inspector)
    items = template.ordered_items()
    for item in items[1:]:
        if not item.required or item.visible_when:
            continue
        if item.na_allowed:
            value = "na"
        elif item.answer_type in ("number", "count"):
            value = "3"
        else:
            value = "yes"
        workflow.save_answer(inspection, item.id, value, inspector)
    db.session.commit()
    return template, inspection.uuid


def _state(page, item_id: int) -> dict:
    """How the phone shows an item: folded, its inputs disabled, the note."""
    return page.evaluate(
        """(id) => { const el = document.getElementById('i' + id);
                     const note = el.querySelector('[data-cond-note]');
                     return {off: el.classList.contains('cond-off'),
                             disabled: el.querySelector('.cond-wrap').disabled,
                             note: note.hidden ? '' : note.textContent,
                             inputs: el.querySelector('.cond-wrap').offsetParent !== null}; }""",
        item_id,
    )


def _section(page, section_id: str) -> tuple[bool, bool, str]:
    """A section as the phone shows it: folded, left out of the navigation, the note."""
    return tuple(
        page.evaluate(
            """(id) => { const s = document.getElementById(id);
                         const note = s.querySelector(':scope > [data-cond-note]');
                         const pick = document.getElementById('section-pick');
                         const option = pick.querySelector('option[value="' + id + '"]');
                         return [s.classList.contains('cond-off'), option.hidden,
                                 note.hidden ? '' : note.textContent]; }""",
            section_id,
        )
    )


def _form_on_a_phone(playwright, live_server, key, tmp_path, before_the_page: str = ""):
    """The inspector's filling page on a phone (no service worker), once its inputs work
    (inspect.js's ``cc-ready``), with the page's script errors collected; ``before_the_page``
    runs in the page before its own scripts."""
    context = _phone(playwright, tmp_path / "profile", service_workers="block")
    if before_the_page:
        context.add_init_script(before_the_page)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    _login(page, live_server)
    _open_form(page, live_server, key)
    page.wait_for_function("() => performance.getEntriesByName('cc-ready').length > 0")
    return context, page, errors


def _progress(page) -> tuple[int, int]:
    return tuple(page.evaluate("(() => { const b = document.getElementById('progress');"
                               " return [Number(b.value), Number(b.max)]; })()"))  # fmt: skip


def test_a_step_above_the_limit_shows_when_the_amount_reaches_it_offline(
    playwright, live_server, procurement_form, tmp_path
):
    template, key = procurement_form
    amount = template.ordered_items()[0]
    approval = by_prompt(template, "达到公开招标限额的项目填写")
    acceptance = by_prompt(template, "《项目验收方案》报领导小组审批")
    last = template.sections[-1]
    later = sum(1 for i in last.items if i.required)  # answered, in the folded section
    section = f"s{len(template.sections)}"
    context, page, errors = _form_on_a_phone(playwright, live_server, key, tmp_path)
    _assert_fits_phone(page)
    done, required = _progress(page)
    assert required == done + 1  # only the amount waits; the four steps are not required
    assert _section(page, section) == (True, True, "不适用：条件 项目金额（元） ≥ 4000000 不成立")

    # before any amount: folded, disabled, saying why
    _show_item(page, approval.id)
    state = _state(page, approval.id)
    assert state["off"] and state["disabled"] and not state["inputs"]
    assert state["note"].startswith("不适用：") and "4000000" in state["note"]
    page.locator(f"#i{approval.id}").screenshot(path=str(tmp_path / "folded.png"))

    context.set_offline(True)
    page.wait_for_function("() => !navigator.onLine")  # in force before the next input
    field = f"#i{amount.id} input[name=a{amount.id}]"
    page.fill(field, "1200000")
    page.locator(field).blur()
    assert _state(page, approval.id)["off"]
    assert _state(page, approval.id)["note"] == "不适用：条件 项目金额（元） ≥ 4000000 不成立"

    # typing an amount at the limit opens the steps at once, offline
    page.fill(field, "4,000,000")
    assert _wait(page, lambda: not _state(page, approval.id)["off"], 5)
    state = _state(page, approval.id)
    assert not state["disabled"] and state["inputs"] and state["note"] == ""
    assert page.inner_text(f"#i{approval.id} [data-reason]") == ""  # unanswered, no stale verdict
    assert not _state(page, acceptance.id)["off"]
    assert _section(page, section) == (False, False, "")
    assert _progress(page) == (done + 1 + later, required + 4 + later)
    _assert_fits_phone(page)
    page.locator(f"#i{approval.id}").screenshot(path=str(tmp_path / "shown.png"))
    page.locator(f"#i{approval.id} label.choice", has_text="是").tap()

    # back below the limit (written another way): folded again, the answer given kept
    page.fill(field, "１２０００００")  # full-width digits: the number 1200000
    page.locator(field).blur()
    assert _wait(page, lambda: _state(page, approval.id)["off"], 5)
    assert _section(page, section)[0]
    assert _progress(page) == (done + 1, required)
    assert page.is_checked(f"#i{approval.id} input[value=yes]")
    assert _wait(page, lambda: _pending(page) >= 3), f"pending {_pending(page)}"

    # online: everything reaches the server, which sees the same
    context.set_offline(False)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    assert _wait(page, lambda: _pending(page) == 0, 30), f"still pending {_pending(page)}"
    db.session.remove()
    inspection = db.session.scalar(sa.select(Inspection).where(Inspection.uuid == key))
    assert inspection.current_answers()[amount.id].value == "1200000"
    assert workflow.progress(inspection) == (done + 1, required) == _progress(page)
    summary = workflow.score_inspection(inspection, inspection.created_at.date())
    assert summary.complete and summary.items[approval.id].excluded == "hidden"
    assert {summary.items[i.id].excluded for i in last.items} == {"hidden"}

    # the page's submit: accepted, the folded step not asked for, not scored
    _show_item(page, amount.id)
    page.select_option("#section-pick", "s-end")
    page.locator("#submit-form button").tap()
    page.wait_for_url(f"**/inspections/{key}")
    db.session.remove()
    inspection = db.session.scalar(sa.select(Inspection).where(Inspection.uuid == key))
    assert inspection.status == InspectionStatus.SUBMITTED
    results = {r["item_id"]: r for r in inspection.summary["items"]}
    assert results[approval.id]["result"] == "na" and results[approval.id]["excluded"] == "hidden"
    assert results[approval.id]["reason"].startswith("不适用：项目金额（元） = 1200000")
    assert errors == []
    context.close()


def test_an_author_writes_a_condition_on_a_phone(
    playwright, live_server, procurement_form, make_user, tmp_path
):
    """The builder's condition fields at 360 px: the item form refuses a condition with the
    parser's position in Chinese, saves a good one, and the draft shows it in Chinese."""
    template, _key = procurement_form
    draft = builder.new_version(template, None)
    make_user("writer", role=Role.AUTHOR)
    db.session.commit()
    item = draft.ordered_items()[1]
    context = _phone(playwright, tmp_path / "profile", service_workers="block")
    page = context.new_page()
    login_as(page, live_server, "writer")
    page.goto(f"{live_server}/templates/{draft.id}/items/{item.id}")
    _assert_fits_phone(page)
    page.fill("#visible_when", "amount = 1")
    page.click("#submit")
    assert "第 8 个字符：判断相等请写“==”" in page.inner_text(".has-error")
    _assert_fits_phone(page)
    page.locator("#condition-fields").screenshot(path=str(tmp_path / "condition-fields.png"))
    page.fill("#visible_when", "amount >= 4000000")
    page.click("#submit")
    page.wait_for_url(f"**/templates/{draft.id}/edit#i{item.id}")
    assert "仅在以下条件成立时显示：项目金额（元） ≥ 4000000" in page.inner_text(f"#i{item.id}")
    _assert_fits_phone(page)
    context.close()


def test_the_page_folds_at_once_while_the_phones_store_is_still_opening(
    playwright, live_server, procurement_form, tmp_path
):
    """A slow phone's IndexedDB (here: one that never answers) does not hold the conditions
    back: as soon as the inputs work, the folded section is out of the navigation, its note
    is the one the typing keeps, and the progress counts only what is asked."""
    template, key = procurement_form
    section = f"s{len(template.sections)}"
    never_answers = "indexedDB.open = function () { return {}; };"
    context, page, errors = _form_on_a_phone(playwright, live_server, key, tmp_path, never_answers)
    assert _section(page, section) == (True, True, "不适用：条件 项目金额（元） ≥ 4000000 不成立")
    done, required = _progress(page)
    assert required == done + 1  # only the amount waits: the folded steps are not asked
    assert errors == []
    context.close()
