"""Filling an inspection in a real phone-sized browser, with the connection going and coming.

Debian's chromium via Playwright, 360×740 with touch, a persistent profile so that the
browser can be closed and started again (IndexedDB and the service worker survive, as on a
phone). Every answer and photo must reach the server exactly once.
"""

from __future__ import annotations

import base64
import datetime as dt
import io
import time

import pytest
import sqlalchemy as sa
from PIL import Image

from checklists import scoring
from checklists.accounts.models import OrgKind, Role
from checklists.authoring import operations as builder
from checklists.authoring.models import ScoringMethod
from checklists.core.extensions import db
from checklists.demo import templates as demo_templates
from checklists.scoring.answer_types import ERR_PAIR_ORDER
from checklists.standards.services import import_text
from inspections.filling import views as filling_views
from inspections.filling import workflow
from inspections.filling.models import Answer, Inspection, Photo
from tests.conftest import PASSWORD, depot_spec, import_gazettes
from tests.test_browser import ARGS, CHROMIUM, PHONE, _assert_fits_phone
from tests.test_date_pair import CASES
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


def _no_signal(route):
    """No request leaves the phone but a page's own, read from its service worker's store."""
    if route.request.method == "GET":
        route.continue_()
    else:
        route.abort("internetdisconnected")


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
    import_gazettes()
    # the warehouses as ordinary items: repeated sections are tested in test_repeats*.py
    template = demo_templates.build(depot_spec(repeat=False), None)
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
    page.wait_for_function("() => !navigator.onLine")  # in force before the next input
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
    # (the phone's store restores answers after the page is drawn: wait for it, under load too)
    area_box = f"#i{area.id} input[name=a{area.id}][type=text]"
    assert _wait(page, lambda: page.input_value(area_box) == "480"), page.input_value(area_box)
    assert page.locator(f"#i{area.id} [data-thumbs] img").count() == 1
    assert _wait(page, lambda: _pending(page) == 3)

    # close the browser and start it again, still offline (and what the page sends is refused
    # as a phone with no signal refuses it: under load, one CI run saw an answer reach the server
    # from a browser started with an emulated offline network, cf. playwright#2311)
    context.close()
    context = _phone(playwright, profile, offline=True)
    context.route("**/*", _no_signal)
    page = context.new_page()
    _open_form(page, base, key)
    _show_item(page, area.id)
    # (the phone's store restores answers after the page is drawn: wait for it, under load too)
    area_box = f"#i{area.id} input[name=a{area.id}][type=text]"
    assert _wait(page, lambda: page.input_value(area_box) == "480"), page.input_value(area_box)
    assert _wait(page, lambda: _pending(page) == 3)
    assert len(_stored(key)[0]) == 1 and _stored(key)[1] == []

    # back online: everything is sent, in order, exactly once
    context.unroute("**/*", _no_signal)
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


#: Writes into IndexedDB exactly what the client before the format version (v) queued: the
#: store layout of its openDb, save()'s local record then outbox record (uuid and created added
#: by queue()), takePhoto()'s photo record (EXIF nulls) and a signature's. No record has ``v``;
#: the second answer has no ``answered_at`` either.
OLD_CLIENT_RECORDS = """async ({uuid, template, first, area, jpeg, png}) => {
  const db = await new Promise((resolve, reject) => {
    const req = indexedDB.open("clausecheck", 1);
    req.onupgradeneeded = () => {
      const d = req.result;
      d.createObjectStore("outbox", { keyPath: "seq", autoIncrement: true });
      d.createObjectStore("local", { keyPath: "key" });
      d.createObjectStore("rejected", { keyPath: "seq", autoIncrement: true });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const write = (store, rec) => new Promise((resolve, reject) => {
    const t = db.transaction(store, "readwrite");
    t.objectStore(store)[store === "local" ? "put" : "add"](rec);
    t.oncomplete = resolve;
    t.onerror = t.onabort = () => reject(t.error);
  });
  const blob = (b64, type) =>
    new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], { type });
  const unitOf = (id) => {
    const u = document.querySelector(`#i${id} input[name="u${id}"]`);
    return u ? u.value : null;
  };
  const api = "/api/v1/inspections/" + uuid;
  const stamp = new Date().toISOString();
  const given = [[first, "yes", "old-yes", true], [area, "480", "old-area", false]];
  for (const [id, value, clientId, stamped] of given) {
    const body = { value: value, unit: unitOf(id), note: "", answered_at: stamp,
                   client_id: clientId, template_id: template };
    if (!stamped) delete body.answered_at;
    await write("local", { key: uuid + "/" + id, uuid: uuid, item_id: id, body: body });
    await write("outbox", { kind: "answer", method: "PUT", url: api + "/answers/" + id,
                            item_id: id, body: body, uuid: uuid, created: stamp });
  }
  await write("outbox", { kind: "photo", method: "POST", url: api + "/photos", item_id: area,
                          blob: blob(jpeg, "image/jpeg"), name: "depot.jpg",
                          fields: { item_id: area, taken_at: null, lat: null, lon: null },
                          uuid: uuid, created: stamp });
  await write("outbox", { kind: "photo", method: "POST", url: api + "/photos",
                          blob: blob(png, "image/png"), name: "signature.png",
                          fields: { kind: "signature_inspector", taken_at: stamp },
                          uuid: uuid, created: stamp });
  db.close();
  return stamp;
}"""


def _idb_count(page, store: str) -> int:
    return page.evaluate(
        """(store) => new Promise((resolve, reject) => {
             const req = indexedDB.open("clausecheck", 1);
             req.onsuccess = () => { const db = req.result;
               const count = db.transaction(store).objectStore(store).count();
               count.onsuccess = () => { db.close(); resolve(count.result); }; };
             req.onerror = () => reject(req.error); })""",
        store,
    )


def test_an_outbox_written_by_the_client_before_the_format_version_is_sent_once(
    playwright, live_server, assigned, tmp_path
):
    template, key = assigned
    base = live_server
    first = by_prompt(template, "具备企业法人营业执照")  # yes / no
    area = by_prompt(template, "储煤厂房建设面积")  # number, m²
    png = io.BytesIO()
    Image.new("RGB", (300, 120), (255, 255, 255)).save(png, "PNG")
    context = _phone(playwright, tmp_path / "profile", service_workers="block")
    page = context.new_page()
    _login(page, base)
    _open_form(page, base, key)

    # the network goes; the old client's records wait on the phone; the page is closed
    context.set_offline(True)
    page.wait_for_function("() => !navigator.onLine")  # in force before the next input
    stamp = page.evaluate(
        OLD_CLIENT_RECORDS,
        {
            "uuid": key,
            "template": template.id,
            "first": first.id,
            "area": area.id,
            "jpeg": base64.b64encode(_jpeg()).decode(),
            "png": base64.b64encode(png.getvalue()).decode(),
        },
    )
    assert _idb_count(page, "outbox") == 4
    page.close()
    assert _stored(key) == ([], [])

    # the network is back and the (new) client opens the form: all four are sent, once
    context.set_offline(False)
    page = context.new_page()
    _open_form(page, base, key)
    assert _wait(page, lambda: _pending(page) == 0 and len(_stored(key)[1]) == 2, 30), (
        f"still pending {_pending(page)}"
    )
    answers, photos = _stored(key)
    by_item = {a.item_id: a for a in answers}
    assert sorted((a.client_id, a.value) for a in answers) == [
        ("old-area", "480"),
        ("old-yes", "yes"),
    ]
    sent = dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    assert by_item[first.id].sent_answered_at.replace(tzinfo=dt.UTC) == sent
    assert by_item[area.id].sent_answered_at is None  # no stamp: the receipt time counts
    assert by_item[area.id].answered_at == by_item[area.id].received_at
    assert sorted((p.kind, p.item_id) for p in photos) == [
        ("item", area.id),
        ("signature_inspector", None),
    ]
    # the page shows them as the server judged them, the photo as sent
    assert page.get_attribute(f"#i{first.id}", "class") == "item result-pass"
    assert page.get_attribute(f"#i{area.id}", "class") == "item result-fail"
    assert "冠政发〔2016〕109号" in page.text_content(f"#i{area.id} [data-reason]")
    assert page.locator(f"#i{area.id} [data-thumbs] img[data-sha]:not(.pending)").count() == 1
    assert (_idb_count(page, "outbox"), _idb_count(page, "rejected")) == (0, 0)

    # opened again: nothing left to send, nothing stored twice, the answers in the form
    _open_form(page, base, key)
    _show_item(page, area.id)
    assert page.input_value(f"#i{area.id} input[name=a{area.id}][type=text]") == "480"
    page.wait_for_timeout(500)
    assert _pending(page) == 0
    assert [len(x) for x in _stored(key)] == [2, 2]
    context.close()


def test_offline_verdicts_refuse_bad_numbers_and_none_of_the_parts_fails(
    playwright, live_server, assigned, tmp_path
):
    template, key = assigned
    base = live_server
    area = by_prompt(template, "储煤厂房建设面积")  # number, m²
    wall = by_prompt(template, "上墙制度")  # parts
    context = _phone(playwright, tmp_path / "profile", service_workers="block")
    page = context.new_page()
    _login(page, base)
    _open_form(page, base, key)
    context.set_offline(True)
    page.wait_for_function("() => !navigator.onLine")  # in force before the next input
    _show_item(page, area.id)
    field = f"#i{area.id} input[name=a{area.id}][type=text]"
    # the engine's refusals, on the phone: shown at once, nothing queued
    for typed, message in [
        ("-480", "面积不能为负数"),
        ("12345678901234567", "数值最多 15 位有效数字"),
    ]:
        page.fill(field, typed)
        page.locator(field).blur()
        assert page.inner_text(f"#i{area.id} [data-reason]") == message
        assert "result-refused" in page.get_attribute(f"#i{area.id}", "class")
    page.wait_for_timeout(1800)  # past the typing timer: still nothing queued
    assert _pending(page) == 0
    page.fill(field, "480")
    page.locator(field).blur()
    assert _wait(page, lambda: _pending(page) == 1)
    assert "result-fail" in page.get_attribute(f"#i{area.id}", "class")
    # 以上均无 unticks the parts (and a part unticks it); it is judged a fail offline
    _show_item(page, wall.id)
    none = f"#i{wall.id} input[name=none{wall.id}]"
    parts = f"#i{wall.id} input[name=a{wall.id}]"
    page.locator(f"#i{wall.id} label.choice").first.tap()
    assert _wait(page, lambda: _pending(page) == 2)
    page.locator(f"#i{wall.id} label.choice", has_text="以上均无").tap()
    assert page.is_checked(none)
    assert page.eval_on_selector_all(parts, "els => els.filter(e => e.checked).length") == 0
    assert "result-fail" in page.get_attribute(f"#i{wall.id}", "class")
    assert _wait(page, lambda: _pending(page) == 3)
    page.locator(f"#i{wall.id} label.choice").first.tap()
    assert not page.is_checked(none)
    page.locator(f"#i{wall.id} label.choice", has_text="以上均无").tap()
    assert _wait(page, lambda: _pending(page) == 5)
    # online: the server agrees, and the reason lists the missing parts
    context.set_offline(False)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    assert _wait(page, lambda: _pending(page) == 0, 30), f"still pending {_pending(page)}"
    current = {a.item_id: a for a in _stored(key)[0] if a.current}
    assert (current[wall.id].value, current[wall.id].result) == ([], "fail")
    assert current[area.id].value == "480"
    assert _wait(page, lambda: "缺少：" in page.inner_text(f"#i{wall.id} [data-reason]"))
    # the page the server sends shows 以上均无 ticked
    page.reload()
    _show_item(page, wall.id)
    assert page.is_checked(none)
    context.close()


#: A test template for the date_pair verdicts: the procurement template's 询问 (3 working days)
#: and 质疑 (7 working days) items, and one of 5 days (calendar days, 第二百零三条).
PERIODS = {
    "lineage": "d0000000000000000000000000000201",
    "name": "期限检查（测试）",
    "org_kind": OrgKind.GOVERNMENT,
    "method": ScoringMethod.WEIGHTED,
    "description": "",
    "sections": [
        (
            "答复期限",
            demo_templates.PROCUREMENT,
            [
                *[
                    e
                    for _title, _root, entries in next(
                        t for t in demo_templates.TEMPLATES if t["name"].startswith("政府采购")
                    )["sections"]
                    for e in entries
                    if e["edits"].get("answer_type") == "date_pair"
                ],
                demo_templates.check(
                    "三/（二）/8",
                    "五日内答复（测试）",
                    answer_type="date_pair",
                    rule={"op": "<=", "value": 5, "unit": "day"},
                ),
            ],
        )
    ],
}


def test_offline_date_pair_verdicts_agree_with_the_server(
    playwright, live_server, app_ctx, make_org, make_user, tmp_path, monkeypatch
):
    """The table of tests/test_date_pair.py across 调休 weekends and holidays, typed into the
    two date inputs offline: the phone's verdict (from the calendar the page carries) is the
    engine's; a date outside that calendar gets none offline; a second date before the first is
    refused with the engine's words; back online the server agrees."""
    monkeypatch.setattr(filling_views, "local_today", lambda: dt.date(2026, 11, 23))
    import_text((DATA / "000_4d0f1aad85daeba2.txt").read_text("utf-8"), "000.txt")
    template = demo_templates.build(PERIODS, None)
    inspector = make_user("phone", role=Role.INSPECTOR)
    inspection, _created = workflow.create_inspection(
        template, make_org("冠县某局", kind=OrgKind.GOVERNMENT), inspector
    )
    db.session.commit()
    key = inspection.uuid
    specs = {i.id: i for i in builder.template_spec(template).items}
    by_period = {(i.rule["value"], i.rule["unit"]): i.id for i in template.ordered_items()}
    assert len(by_period) == 3

    context = _phone(playwright, tmp_path / "profile", service_workers="block")
    page = context.new_page()
    _login(page, live_server)
    _open_form(page, live_server, key)
    _assert_fits_phone(page)
    context.set_offline(True)
    page.wait_for_function("() => !navigator.onLine")  # in force before the next input

    def enter(item_id: int, start: str, end: str) -> tuple[str, str]:
        page.fill(f"#i{item_id} input[name=a{item_id}]", start)
        page.fill(f"#i{item_id} input[name=to{item_id}]", end)
        shown = page.get_attribute(f"#i{item_id}", "class").removeprefix("item result-")
        return shown, page.inner_text(f"#i{item_id} [data-reason]")

    cases = [
        *CASES,
        ("outside-the-page-calendar", 3, "working_day", "2021-10-08", "2021-10-14", ""),
    ]
    seen = []
    for case, n, unit, start, end, expected in cases:
        item_id = by_period[(n, unit)]
        phone, _reason = enter(item_id, start, end)
        server = scoring.evaluate(specs[item_id], {"from": start, "to": end}).result
        seen.append((case, phone, server, expected))
    assert [(c, p) for c, p, s, e in seen if p != (e or "unanswered")] == []
    assert [(c, s) for c, p, s, e in seen if e and s != e] == []
    # a second date before the first: refused at once, in the engine's words, nothing queued
    inquiry = by_period[(3, "working_day")]
    shown, reason = enter(inquiry, "2026-10-14", "2026-10-08")
    assert (shown, reason) == ("refused", ERR_PAIR_ORDER)
    # the last entries (each item's last case) go to the server once online, judged the same
    last = {}
    for _case, n, unit, start, end, expected in cases[:-1]:
        last[by_period[(n, unit)]] = (start, end, expected)
    for item_id, (start, end, _expected) in last.items():
        enter(item_id, start, end)
        page.locator(f"#i{item_id} input[name=to{item_id}]").blur()
    context.set_offline(False)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    assert _wait(page, lambda: _pending(page) == 0, 30), f"still pending {_pending(page)}"
    current = {a.item_id: a for a in _stored(key)[0] if a.current}
    for item_id, (start, end, expected) in last.items():
        assert current[item_id].value == {"from": start, "to": end}
        assert current[item_id].result == expected
    page.reload()
    assert page.input_value(f"#i{inquiry} input[name=a{inquiry}]") == last[inquiry][0]
    assert page.input_value(f"#i{inquiry} input[name=to{inquiry}]") == last[inquiry][1]
    context.close()
