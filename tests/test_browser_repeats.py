"""Repeated sections on a 360 px phone (Debian's chromium): the inspector scans the depot's QR
code, starts the inspection from the scan, and, offline, adds three coal warehouses (储煤厂房),
names them and fills each; an item of the warehouse section shown only when the warehouse is
closed (a condition read per warehouse) is folded, then shown as it is answered; the first
warehouse's photo is annotated (标注: a circle, an arrow, a text). Back online, everything
reaches the server once: three instances, each answer once, the photo and its annotated copy
once each (the original untouched), the resends recognised.

Skipped when no chromium is installed, unless REQUIRE_BROWSER=1, which fails.
"""

from __future__ import annotations

import hashlib
import io

import pytest
import sqlalchemy as sa
from PIL import Image, ImageChops

from checklists.accounts.models import OrgKind, Role
from checklists.core import storage
from checklists.core.extensions import db
from checklists.demo import templates as demo_templates
from inspections.filling import workflow
from inspections.filling.models import Answer, Inspection, Photo, RepeatInstance
from inspections.presence.models import Scan
from tests import test_browser_offline
from tests.conftest import import_gazettes
from tests.test_browser import _assert_fits_phone
from tests.test_browser_offline import _login, _pending, _phone, _wait
from tests.test_repeats import SHEDS, depot_spec

pytestmark = pytest.mark.browser
playwright = test_browser_offline.playwright

CLOSED = "储煤厂房全封闭建设"
AREA = "储煤厂房建设面积（实测）"
HEIGHT = "储煤厂房高度（实测）"


@pytest.fixture
def depot(app_ctx, make_org, make_user):
    """The depot template, published, with one condition written into its warehouse section
    (the builder's form is tested elsewhere): the area is asked only of a closed warehouse.
    Every item outside the warehouses is answered on the server by another inspector."""
    import_gazettes()
    template = demo_templates.build(depot_spec(), None)
    [section] = [s for s in template.sections if s.title == SHEDS]
    items = {i.prompt: i for i in section.items}
    items[CLOSED].key = "closed"
    items[AREA].visible_when = 'closed == "yes"'
    make_user("phone", role=Role.INSPECTOR)
    org = make_org("鑫源洁净煤", kind=OrgKind.ENTERPRISE)
    db.session.commit()
    # plain values: the test reads the database afresh (objects of this session detach)
    ids = {prompt: item.id for prompt, item in items.items()}
    return template.id, section.id, ids, org.scan_code


def _instances(page) -> list[str]:
    return page.evaluate(
        "[...document.querySelectorAll('[data-instances] > .instance')]"
        ".map(n => n.getAttribute('data-instance'))"
    )


def _off(page, dom_id: str) -> bool:
    return page.evaluate(f"document.getElementById('{dom_id}').classList.contains('cond-off')")


def _annotate(page, dom_id: str) -> None:
    """标注 on the item's photo: a circle and an arrow drawn with the finger's stand-in (the
    mouse: pointer events either way), a short text placed with a tap, 完成."""
    page.locator(f"#{dom_id} [data-annotate-photo]").tap()
    canvas = page.locator(".annotate canvas")
    box = canvas.bounding_box()
    _assert_fits_phone(page)

    def drag(x0: float, y0: float, x1: float, y1: float) -> None:
        page.mouse.move(box["x"] + box["width"] * x0, box["y"] + box["height"] * y0)
        page.mouse.down()
        page.mouse.move(box["x"] + box["width"] * x1, box["y"] + box["height"] * y1, steps=6)
        page.mouse.up()

    drag(0.35, 0.3, 0.75, 0.7)  # a circle: the tool the editor opens with
    page.locator(".annotate [data-tool=arrow]").tap()
    drag(0.05, 0.1, 0.3, 0.35)
    page.locator(".annotate [data-tool=text]").tap()
    canvas.tap(position={"x": box["width"] * 0.1, "y": box["height"] * 0.85})
    page.fill(".annotate input[type=text]", "缺苫盖")
    page.locator(".annotate [data-done]").tap()
    page.locator(".annotate").wait_for(state="detached")


def test_three_warehouses_filled_offline_after_a_scan(playwright, live_server, depot, tmp_path):
    template_id, section_id, ids, scan_code = depot
    context = _phone(playwright, tmp_path / "profile", service_workers="block")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    _login(page, live_server)

    # the scan starts the inspection (and records where the inspector was)
    page.goto(f"{live_server}/s/{scan_code}")
    _assert_fits_phone(page)
    page.select_option("#template_id", str(template_id))
    page.locator("form[action$='/start'] button[type=submit]").tap()
    page.wait_for_url("**/inspections/*/fill")
    key = page.url.split("/inspections/")[1].split("/")[0]
    page.wait_for_function("() => document.documentElement.classList.contains('js')")
    db.session.remove()
    inspection = db.session.scalar(sa.select(Inspection).where(Inspection.uuid == key))
    assert db.session.scalars(sa.select(Scan.inspection_id)).all() == [inspection.id]
    section_dom = page.evaluate(f"document.querySelector('[data-section-id=\"{section_id}\"]').id")
    page.select_option("#section-pick", section_dom)
    assert page.is_visible(f"#{section_dom} [data-no-instances]")
    page.wait_for_function("() => !!window.ccPhoto")  # photo.js (the 标注 editor) is here
    shot = tmp_path / "shed.jpg"
    Image.new("RGB", (800, 600), (90, 110, 70)).save(shot, "JPEG")

    context.set_offline(True)
    page.wait_for_function("() => !navigator.onLine")  # in force before the next input
    names = ["东厂房", "西厂房", "北厂房"]
    for n, name in enumerate(names):
        page.locator(f"#{section_dom} [data-add-instance]").tap()
        assert _wait(page, lambda n=n: len(_instances(page)) == n + 1, 5)
        instance = _instances(page)[n]
        head = page.locator(f'.instance[data-instance="{instance}"] .instance-label')
        head.fill(name)
        head.blur()
        area_id = f"i{ids[AREA]}-{instance}"
        assert _off(page, area_id)  # folded until the warehouse is said to be closed
        page.locator(f"#i{ids[CLOSED]}-{instance} label.choice", has_text="是").tap()
        assert _wait(page, lambda a=area_id: not _off(page, a), 5)
        area = f"#{area_id} input[type=text][name=a{ids[AREA]}-{instance}]"
        page.fill(area, "450" if n == 1 else "600")
        page.locator(area).blur()
        height = f"input[type=text][name=a{ids[HEIGHT]}-{instance}]"
        page.fill(height, "7")
        page.locator(height).blur()
        for prompt, item_id in ids.items():
            if prompt not in (CLOSED, AREA, HEIGHT):
                dom = f"#i{item_id}-{instance}"
                page.locator(f"{dom} label.choice", has_text="不适用").tap()
        if n == 0:  # the first warehouse's area photographed, the photo annotated
            page.locator(f"#{area_id} input.photo-input").set_input_files(str(shot))
            _annotate(page, area_id)
            # the copy is hashed and queued after the editor closes: shown once that is done
            thumbs = page.locator(f"#{area_id} [data-thumbs] img.annotated")
            assert _wait(page, lambda t=thumbs: t.count() == 1, 10), thumbs.count()
    _assert_fits_phone(page)
    page.locator(f"#{section_dom}").screenshot(path=str(tmp_path / "warehouses.png"))
    assert "不合格" in page.inner_text(f"#i{ids[AREA]}-{_instances(page)[1]} [data-reason]")
    # nothing reached the server yet
    assert _wait(page, lambda: _pending(page) >= 3 * (2 + len(ids)), 10), _pending(page)
    db.session.remove()
    assert db.session.scalar(sa.select(sa.func.count()).select_from(RepeatInstance)) == 0

    # online: everything reaches the server, once
    context.set_offline(False)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    assert _wait(page, lambda: _pending(page) == 0, 60), f"still pending {_pending(page)}"
    keys = _instances(page)
    db.session.remove()
    stored = db.session.scalars(
        sa.select(RepeatInstance).order_by(RepeatInstance.position, RepeatInstance.id)
    ).all()
    assert [(i.key, i.label, i.position, i.removed_at) for i in stored] == [
        (k, name, n, None) for n, (k, name) in enumerate(zip(keys, names, strict=True), start=1)
    ]
    answers = db.session.scalars(sa.select(Answer).where(Answer.instance != "")).all()
    per_slot = {}
    for a in answers:
        per_slot.setdefault((a.item_id, a.instance), []).append(a)
    assert len(per_slot) == 3 * len(ids)  # every item of every warehouse
    assert all(sum(a.current for a in rows) == 1 for rows in per_slot.values())
    client_ids = [a.client_id for a in answers]
    assert len(client_ids) == len(set(client_ids))  # each write stored once
    assert per_slot[ids[AREA], keys[1]][-1].value == "450"
    inspection = db.session.scalar(sa.select(Inspection).where(Inspection.uuid == key))
    summary = workflow.score_inspection(inspection, inspection.created_at.date())
    area = summary.items[ids[AREA]]
    assert area.result == "fail" and [(k, r.result) for k, _l, r in area.instances] == [
        (keys[0], "pass"),
        (keys[1], "fail"),
        (keys[2], "pass"),
    ]
    assert "西厂房" in area.reason
    # the photo and its annotated copy, once each: the original as the phone kept it (under
    # 2000 px photo.js sends the file as taken), the copy linked to it
    original, copy = db.session.scalars(sa.select(Photo).order_by(Photo.id)).all()
    assert original.sha256 == hashlib.sha256(shot.read_bytes()).hexdigest()
    with storage.blob_store().open(original.sha256) as handle:
        assert handle.read() == shot.read_bytes()
    assert (original.item_id, original.instance, original.annotates_id) == (
        ids[AREA],
        keys[0],
        None,
    )
    assert (copy.item_id, copy.instance, copy.annotates_id) == (ids[AREA], keys[0], original.id)
    with storage.blob_store().open(copy.sha256) as handle:
        drawn = Image.open(io.BytesIO(handle.read())).convert("RGB")
    assert drawn.size == (800, 600)
    r, g, b = drawn.split()
    red = ImageChops.multiply(
        ImageChops.multiply(r.point(lambda v: 255 * (v > 180)), g.point(lambda v: 255 * (v < 80))),
        b.point(lambda v: 255 * (v < 80)),
    )
    assert red.histogram()[255] > 2000  # the marks, in red

    # the page again, from the server: the three warehouses with their names and answers
    page.reload()
    page.wait_for_function("() => document.documentElement.classList.contains('js')")
    assert _instances(page) == keys
    assert page.input_value(f'.instance[data-instance="{keys[2]}"] .instance-label') == "北厂房"
    assert page.input_value(f"input[type=text][name=a{ids[AREA]}-{keys[0]}]") == "600"
    shown = page.locator(f"#i{ids[AREA]}-{keys[0]} [data-thumbs] img")
    assert shown.count() == 1 and shown.get_attribute("data-annotated") == copy.sha256
    assert errors == []
    context.close()
