"""The 水印 on the copies of inspection photos people see (issue 21): the lines it says (pure,
table-driven), how they are wrapped, and through the app that the copy people see (page,
thumbnail, report, PDF) carries the band while the original stays the bytes uploaded."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import io
import re
from decimal import Decimal

import pytest
from PIL import Image, ImageStat

from checklists.core import pdf, storage
from checklists.core.extensions import db
from inspections.filling import stamping, watermark
from inspections.filling.models import Photo
from inspections.filling.watermark import StampFacts, stamp_lines
from tests import test_inspections, test_workflow
from tests.test_inspections import API, answer, as_, create, fill_everything, gps_exif, jpeg, upload
from tests.test_templates import by_prompt

coal = test_workflow.coal
world = test_inspections.world
started = test_inspections.started

UTC = dt.UTC
CST = dt.timezone(dt.timedelta(hours=8))
ORG = "鑫源煤业"
AREA = "储煤厂房建设面积"  # a number item: 480 fails, and a failure needs a photo


# --- the lines (pure) -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("facts", "expected"),
    [
        pytest.param(
            StampFacts(
                organisation=ORG,
                address="冠县工业园区鑫源路8号",
                inspector="张三",
                taken_at=dt.datetime(2026, 11, 21, 9, 30, 15, tzinfo=CST),
                uploaded_at=dt.datetime(2026, 11, 21, 3, 0, tzinfo=UTC),
                lat=Decimal("36.483300"),
                lon=Decimal("115.443300"),
            ),
            [
                "拍摄时间：2026-11-21 09:30",
                "地点：冠县工业园区鑫源路8号 36.4833°N 115.4433°E",
                "检查人员：张三",
                f"被检查单位：{ORG}",
            ],
            id="everything",
        ),
        pytest.param(  # SQLite hands back naive UTC; shown in Beijing time, across midnight
            StampFacts(organisation=ORG, taken_at=dt.datetime(2026, 11, 21, 16, 5)),
            ["拍摄时间：2026-11-22 00:05", f"被检查单位：{ORG}"],
            id="naive-utc",
        ),
        pytest.param(  # the device sent no time: the file's EXIF time
            StampFacts(
                organisation=ORG,
                exif_taken_at=dt.datetime(2026, 11, 21, 1, 30, tzinfo=UTC),
                uploaded_at=dt.datetime(2026, 11, 22, 1, 0, tzinfo=UTC),
            ),
            ["拍摄时间：2026-11-21 09:30", f"被检查单位：{ORG}"],
            id="exif-time",
        ),
        pytest.param(  # no time taken at all: the receipt, named as such
            StampFacts(organisation=ORG, uploaded_at=dt.datetime(2026, 11, 21, 2, 0, tzinfo=UTC)),
            ["上传时间：2026-11-21 10:00", f"被检查单位：{ORG}"],
            id="upload-time",
        ),
        pytest.param(
            StampFacts(organisation=ORG, lat=Decimal("36.48335"), lon=115.44),
            ["地点：36.4834°N 115.4400°E", f"被检查单位：{ORG}"],
            id="gps-only-rounded",
        ),
        pytest.param(
            StampFacts(organisation=ORG, lat=Decimal("-33.8688"), lon=Decimal("-70.5")),
            ["地点：33.8688°S 70.5000°W", f"被检查单位：{ORG}"],
            id="south-west",
        ),
        pytest.param(  # half a position is none
            StampFacts(organisation=ORG, address="临淄区 辛店街道\n3号", lat=Decimal("36.5")),
            ["地点：临淄区 辛店街道 3号", f"被检查单位：{ORG}"],
            id="address-only",
        ),
        pytest.param(
            StampFacts(organisation=f"  {ORG}\t有限公司 ", inspector="李四、王五"),
            ["检查人员：李四、王五", f"被检查单位：{ORG} 有限公司"],
            id="names-on-one-line",
        ),
    ],
)
def test_stamp_lines(facts, expected):
    assert stamp_lines(facts) == expected


def test_the_tag_names_lines_and_font():
    lines = ["拍摄时间：2026-11-21 09:30", f"被检查单位：{ORG}"]
    assert re.fullmatch(r"[0-9a-f]{16}", watermark.tag(lines, "a.ttc#2"))
    assert watermark.tag(lines, "a.ttc#2") == watermark.tag(list(lines), "a.ttc#2")
    assert watermark.tag(lines, "a.ttc#2") != watermark.tag(lines, "default")
    assert watermark.tag(lines, "a.ttc#2") != watermark.tag([*lines[:1], "被检查单位：x"], "a")


@pytest.mark.parametrize(
    ("line", "room", "expected"),
    [
        ("地点：冠县", 20, ["地点：冠县"]),
        ("地点：冠县工业园区鑫源路8号", 10, ["地点：冠县工业园区鑫", "  源路8号"]),
        # a pair of coordinates moves to the next line whole
        ("地点：冠县 36.4833°N 115.4433°E", 20, ["地点：冠县", "  36.4833°N 115.4433°E"]),
        (
            "被检查单位：一二三四五六七八九十甲乙丙丁戊己",
            8,
            ["被检查单位：一二", "  三四五六七八", "  九十甲乙丙…"],
        ),
    ],
)
def test_wrap(line, room, expected):
    assert watermark.wrap(line, len, room) == expected


def test_font_sizes_follow_the_image():
    assert watermark.font_size(320, 240) == watermark.MIN_SIZE  # legible on a thumbnail
    assert watermark.font_size(2000, 1500) == 43
    assert watermark.font_size(1500, 2000) == 43


# --- drawing ----------------------------------------------------------------------------------


def bright(width=800, height=600) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (235, 235, 235)).save(out, "JPEG", quality=95)
    return out.getvalue()


def brightness(image: Image.Image, box: tuple[int, int, int, int]) -> float:
    return ImageStat.Stat(image.convert("L").crop(box)).mean[0]


def band_and_text(data: bytes) -> tuple[float, float, int]:
    """Mean brightness of the top and of the bottom tenth, and the brightest pixel below."""
    image = Image.open(io.BytesIO(data))
    w, h = image.size
    bottom = (0, h - h // 10, w, h)
    return (
        brightness(image, (0, 0, w, h // 10)),
        brightness(image, bottom),
        image.convert("L").crop(bottom).getextrema()[1],
    )


def test_draw_puts_a_dark_band_with_white_text_and_keeps_the_size():
    lines = ["拍摄时间：2026-11-21 09:30", "地点：冠县 36.4833°N 115.4433°E", f"被检查单位：{ORG}"]
    for size in ((800, 600), (320, 240), (240, 320), (40, 30)):
        stamped = watermark.draw(bright(*size), "image/jpeg", lines)
        image = Image.open(io.BytesIO(stamped))
        assert image.size == size and image.format == "JPEG" and not image.getexif()
        top, bottom, brightest = band_and_text(stamped)
        assert bottom < 160, size
        if size != (40, 30):  # too small to read: the band is all of it, and blurred
            assert top > 225 and brightest > 200, size


def test_a_transparent_png_stays_png():
    out = io.BytesIO()
    Image.new("RGBA", (300, 200), (0, 0, 0, 0)).save(out, "PNG")
    stamped = Image.open(io.BytesIO(watermark.draw(out.getvalue(), "image/png", ["x"])))
    assert stamped.format == "PNG" and stamped.mode == "RGBA"
    assert stamped.getpixel((5, 5))[3] == 0 and stamped.getpixel((5, 195))[3] > 100


def test_without_a_chinese_font_it_still_draws(monkeypatch):
    monkeypatch.setattr(watermark, "find_font", lambda: None)
    watermark._font.cache_clear()
    try:
        assert watermark.font_id() == "default"
        stamped = watermark.draw(bright(320, 240), "image/jpeg", [f"被检查单位：{ORG}"])
        assert band_and_text(stamped)[1] < 160
    finally:
        watermark._font.cache_clear()


def test_the_system_font_has_chinese():
    found = watermark.find_font()
    if found is None:
        pytest.skip("no Chinese font installed (fonts-noto-cjk)")
    font = watermark._font(20)
    assert font.getname()[0] and font.getlength("检查") > 30  # two full-width characters


# --- through the app --------------------------------------------------------------------------


@pytest.fixture
def shot(app, world, started):
    """A bright photo with EXIF GPS uploaded by the inspector for an item that may fail."""
    session, key = started
    world["own"].address = "冠县工业园区鑫源路8号"
    world["inspector"].display_name = "张三"
    db.session.commit()
    item = by_prompt(world["template"], AREA)
    data = jpeg(1200, 900, color=(235, 235, 235), exif=gps_exif())
    fields = {"taken_at": "2026-11-21T09:30:15+08:00", "lat": "36.4833", "lon": "115.4433"}
    body = upload(session, key, data, item_id=str(item.id), **fields).json
    return session, key, data, body


def stored(app, key: str) -> bytes:
    with app.app_context(), storage.blob_store().open(key) as handle:
        return handle.read()


def test_the_shown_copy_is_stamped_and_the_original_is_what_was_uploaded(app, world, shot):
    session, key, data, body = shot
    photo = db.session.get(Photo, body["id"])
    assert stamping.lines(photo) == [
        "拍摄时间：2026-11-21 09:30",
        "地点：冠县工业园区鑫源路8号 36.4833°N 115.4433°E",
        "检查人员：张三",
        f"被检查单位：{ORG}",
    ]
    tag = stamping.stamp_tag(photo)
    assert body["url"].endswith(f"/show?v={tag}") and body["thumbnail_url"].endswith(f"?v={tag}")
    base = body["url"].split("/show")[0]

    # the original: the bytes uploaded, EXIF and all, as a download
    original = session.get(f"{base}/original")
    assert original.status_code == 200 and original.mimetype == "image/jpeg"
    assert hashlib.sha256(original.data).hexdigest() == body["sha256"]
    assert original.data == data and Image.open(io.BytesIO(original.data)).getexif()
    assert original.headers["Content-Disposition"].startswith("attachment")
    assert f"{body['sha256']}.jpg" in original.headers["Content-Disposition"]

    # the copies people see: the band at the bottom, white text on it, the rest as it was
    plain = stored(app, storage.variant_key(body["sha256"], storage.SHOWN))
    for url, size in ((body["url"], (1200, 900)), (body["thumbnail_url"], (320, 240))):
        shown = session.get(url)
        assert shown.status_code == 200 and shown.mimetype == "image/jpeg"
        assert "immutable" in shown.headers["Cache-Control"]
        assert shown.data not in (data, plain)
        image = Image.open(io.BytesIO(shown.data))
        assert image.size == size and not image.getexif()
        top, bottom, brightest = band_and_text(shown.data)
        assert top > 225 and bottom < 160 and brightest > 200, url
    # the plain copy is untouched (a finding's file of the same bytes shows it); the stamped
    # ones lie beside it, named by the stamp
    assert band_and_text(plain)[1] > 225
    assert stored(app, storage.variant_key(body["sha256"], storage.THUMBNAIL, tag))

    # who may not see the inspection gets none of them (as before: 404)
    urls = [body["url"], body["thumbnail_url"], f"{base}/original"]
    for who in ("foreign_enterprise", "other_inspector", "far_supervisor", "author"):
        viewer = as_(app, world[who])
        assert [viewer.get(u).status_code for u in urls] == [404, 404, 404], who
    other = create(session, world).json["uuid"]  # the photo through another inspection
    assert session.get(f"{base.replace(key, other)}/original").status_code == 404
    assert session.get(f"/inspections/{key}/photos/999999/original").status_code == 404


def test_report_pdf_signatures_and_a_renamed_organisation(app, world, shot, monkeypatch):
    session, key, _data, body = shot
    signed = upload(session, key, jpeg(300, 100, color=(250, 250, 250)), kind="signature_inspector")
    assert "?v=" not in signed.json["url"]  # a signature is shown as it is
    plain = stored(app, storage.variant_key(signed.json["sha256"], storage.SHOWN))
    assert session.get(signed.json["url"]).data == plain

    fill_everything(session, key, world["template"])
    area = by_prompt(world["template"], AREA)
    failed = answer(session, key, area, "480", "fail-area", at="2026-11-21T11:00:00+08:00")
    assert failed.status_code in (200, 201), failed.json
    assert session.post(f"{API}/{key}/submit").json["status"] == "submitted"
    tag = stamping.stamp_tag(db.session.get(Photo, body["id"]))
    page = session.get(f"/inspections/{key}/report").get_data(as_text=True)
    assert f"/photos/{body['id']}/thumb?v={tag}" in page
    rendered = []
    monkeypatch.setattr(pdf, "render", lambda html: rendered.append(html) or b"%PDF-1.7")
    assert session.get(f"/inspections/{key}/report.pdf").status_code == 200
    thumb = stored(app, storage.variant_key(body["sha256"], storage.THUMBNAIL, tag))
    assert f"data:image/jpeg;base64,{base64.b64encode(thumb).decode()}" in rendered[0]

    # a renamed organisation: a new stamp under a new URL; an old URL shows the new copy but
    # is no longer to be kept for good
    first = session.get(body["url"]).data
    world["own"].name = "鑫源煤业有限公司"
    db.session.commit()
    [listed] = [p for p in session.get(f"{API}/{key}").json["photos"] if p["id"] == body["id"]]
    photo = db.session.get(Photo, body["id"])
    assert stamping.lines(photo)[-1] == "被检查单位：鑫源煤业有限公司"
    assert listed["url"] == body["url"].split("?")[0] + f"?v={stamping.stamp_tag(photo)}"
    assert listed["url"] != body["url"]
    fresh = session.get(listed["url"])
    assert fresh.status_code == 200 and fresh.data != first
    stale = session.get(body["url"])
    assert stale.data == fresh.data and stale.headers["Cache-Control"] == "private, no-cache"
