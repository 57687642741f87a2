"""static/js/photo.js in Debian's chromium: EXIF reading, downscaling and the signature pad.

Skipped when no chromium is installed, unless REQUIRE_BROWSER=1, which fails.
"""

from __future__ import annotations

import base64
import hashlib
import io
import os
import pathlib
import random
import shutil
import struct

import pytest
from PIL import Image, ImageDraw

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run"]
SCRIPT = pathlib.Path(__file__).resolve().parent.parent / "static" / "js" / "photo.js"
PAGE = "<html><body><canvas id=c width=300 height=150></canvas></body></html>"
NULLS = {"taken_at": None, "lat": None, "lon": None, "orientation": None}

# Test helpers in the page: bytes travel as base64 both ways.
HELPERS = """() => {
  window.toBlob = (b64, type) =>
    new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], {type});
  window.toB64 = (blob) => new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result.split(",")[1]);
    reader.readAsDataURL(blob);
  });
}"""


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM:
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail("REQUIRE_BROWSER=1 but no chromium is installed (apt-get install chromium)")
        pytest.skip("no chromium installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def open_page(browser):
    """Open the test page with photo.js at a device pixel ratio; it must log nothing."""
    contexts, noise = [], []

    def open_(scale: float = 1):
        context = browser.new_context(device_scale_factor=scale)
        contexts.append(context)
        page = context.new_page()
        page.on("console", lambda message: noise.append(message.text))
        page.on("pageerror", lambda error: noise.append(str(error)))
        page.set_content(PAGE)
        page.add_script_tag(path=str(SCRIPT))
        page.evaluate(HELPERS)
        return page

    yield open_
    for context in contexts:
        context.close()
    assert noise == []


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def _image(img: Image.Image, fmt: str = "JPEG", **params) -> bytes:
    buf = io.BytesIO()
    img.save(buf, fmt, **params)
    return buf.getvalue()


def _exif(endian: str, ifd0=None, exif_ifd=None, gps=None) -> Image.Exif:
    """An Exif block in byte order "<" (II) or ">" (MM)."""
    exif = Image.Exif()
    exif.endian = endian
    exif.update(ifd0 or {})
    exif.get_ifd(0x8769).update(exif_ifd or {})
    exif.get_ifd(0x8825).update(gps or {})
    return exif


def _jpeg_with(exif: Image.Exif | None = None, size=(64, 48)) -> bytes:
    img = Image.new("RGB", size, (40, 90, 160))
    return _image(img, exif=exif) if exif is not None else _image(img)


def _app1(tiff: bytes) -> bytes:
    """A minimal JPEG whose only segment is a hand-made APP1 Exif."""
    payload = b"Exif\0\0" + tiff
    return b"\xff\xd8\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload + b"\xff\xd9"


FULL = _exif(
    "<",
    {0x0112: 1, 0x0132: "2000:01:01 00:00:00"},
    {0x9003: "2026:11:21 09:30:15", 0x9011: "+08:00"},
    {1: "N", 2: (22.0, 32.0, 9.36), 3: "E", 4: (114.0, 3.0, 30.0)},
)
SOUTH_WEST = _exif(
    ">",
    {0x0112: 6},
    {0x9003: "2025:02:03 04:05:06"},
    {1: "S", 2: (33.0, 52.0, 4.8), 3: "W", 4: (151.0, 12.0, 36.0)},
)


@pytest.mark.parametrize(
    ("data", "mime", "expected"),
    [
        pytest.param(
            _jpeg_with(FULL),
            "image/jpeg",
            {
                "taken_at": "2026-11-21T09:30:15+08:00",
                "lat": 22.535933,
                "lon": 114.058333,
                "orientation": 1,
            },
            id="II-offset-north-east",
        ),
        pytest.param(
            _jpeg_with(SOUTH_WEST),
            "image/jpeg",
            {"taken_at": "2025-02-03T04:05:06", "lat": -33.868, "lon": -151.21, "orientation": 6},
            id="MM-no-offset-south-west",
        ),
        pytest.param(
            _jpeg_with(_exif(">", {0x0132: "2024:01:02 03:04:05"}, {0x9011: "-05:00"})),
            "image/jpeg",
            {**NULLS, "taken_at": "2024-01-02T03:04:05-05:00"},
            id="MM-DateTime-fallback",
        ),
        pytest.param(
            _jpeg_with(_exif("<", {}, {0x9003: "2026:01:01 08:00:00"}, {2: (1.0, 2.0, 3.0)})),
            "image/jpeg",
            {**NULLS, "taken_at": "2026-01-01T08:00:00"},
            id="GPS-without-refs",
        ),
        pytest.param(
            _jpeg_with(_exif("<", {0x0112: 9, 0x0132: "0000:00:00 00:00:00"})),
            "image/jpeg",
            NULLS,
            id="unset-clock-bad-orientation",
        ),
        pytest.param(
            _jpeg_with(
                _exif(">", {}, {}, {1: "N", 2: (95.0, 0.0, 0.0), 3: "E", 4: (1.0, 0.0, 0.0)})
            ),
            "image/jpeg",
            NULLS,
            id="latitude-out-of-range",
        ),
        pytest.param(_jpeg_with(), "image/jpeg", NULLS, id="JPEG-without-EXIF"),
        pytest.param(_jpeg_with(FULL)[:40], "image/jpeg", NULLS, id="truncated"),
        pytest.param(
            _app1(b"II*\0" + struct.pack("<I", 0xFFFF0000)),
            "image/jpeg",
            NULLS,
            id="IFD-out-of-range",
        ),
        pytest.param(
            _app1(b"XX*\0" + struct.pack("<I", 8)), "image/jpeg", NULLS, id="bad-byte-order"
        ),
        pytest.param(
            _image(Image.new("RGB", (20, 10)), "PNG", exif=FULL), "image/png", NULLS, id="PNG"
        ),
        pytest.param(random.Random(0).randbytes(5000), "image/jpeg", NULLS, id="random-bytes"),
        pytest.param(b"", "", NULLS, id="empty"),
    ],
)
def test_read_exif(open_page, data, mime, expected):
    page = open_page()
    result = page.evaluate(
        "([b64, type]) => ccPhoto.readExif(toBlob(b64, type))", [_b64(data), mime]
    )
    assert result == expected  # Math.round(x * 1e6) / 1e6 is the double nearest the literal


def test_read_exif_never_rejects(open_page):
    page = open_page()
    results = page.evaluate(
        """() => Promise.all([undefined, null, "text", {}, 42].map((value) =>
              ccPhoto.readExif(value).catch(() => "rejected")))"""
    )
    assert results == [NULLS] * 5


def _gradient(size, mode="RGB") -> Image.Image:
    return Image.linear_gradient("L").resize(size).convert(mode)


def _oriented() -> bytes:
    """300x200 stored, left third red; orientation 6 shows it 200x300 with the red on top."""
    img = Image.new("RGB", (300, 200), (0, 0, 255))
    ImageDraw.Draw(img).rectangle((0, 0, 99, 199), fill=(255, 0, 0))
    return _image(img, exif=_exif("<", {0x0112: 6}))


def _half_transparent() -> bytes:
    """1000x2400 PNG: transparent top half, opaque black bottom half."""
    img = Image.new("RGBA", (1000, 2400), (0, 0, 0, 0))
    ImageDraw.Draw(img).rectangle((0, 1200, 999, 2399), fill=(0, 0, 0, 255))
    return _image(img, "PNG")


RED, BLUE, WHITE, BLACK = (255, 0, 0), (0, 0, 255), (255, 255, 255), (0, 0, 0)


@pytest.mark.parametrize(
    ("data", "mime", "max_edge", "sizes", "probes"),
    [
        pytest.param(
            _image(_gradient((3000, 2000))),
            "image/jpeg",
            None,
            {(2000, 1333), (2000, 1334)},
            {},
            id="big-JPEG",
        ),
        pytest.param(
            _half_transparent(),
            "image/png",
            None,
            {(833, 2000), (834, 2000)},
            {(400, 300): WHITE, (400, 1700): BLACK},
            id="tall-transparent-PNG",
        ),
        pytest.param(
            _oriented(),
            "image/jpeg",
            100,
            {(67, 100), (66, 100)},
            {(33, 10): RED, (33, 85): BLUE},
            id="orientation-6",
        ),
        pytest.param(
            _image(_gradient((120, 80)), "GIF"), "image/gif", None, {(120, 80)}, {}, id="GIF"
        ),
        pytest.param(_image(_gradient((800, 600))), "image/jpeg", None, None, {}, id="small-JPEG"),
        pytest.param(
            _image(_gradient((2000, 900))), "image/jpeg", None, None, {}, id="exactly-max-edge"
        ),
        pytest.param(_image(_gradient((800, 600)), "PNG"), "image/png", None, None, {}, id="PNG"),
        pytest.param(
            _image(_gradient((600, 800)), "WEBP"), "image/webp", None, None, {}, id="WebP"
        ),
        pytest.param(
            random.Random(1).randbytes(4000), "image/heic", None, None, {}, id="undecodable"
        ),
    ],
)
@pytest.mark.parametrize("decoder", ["createImageBitmap", "img"])
def test_downscale(open_page, decoder, data, mime, max_edge, sizes, probes):
    page = open_page()
    if decoder == "img":  # as on iOS Safari 13, which has no createImageBitmap
        page.evaluate("() => { delete window.createImageBitmap; }")
        assert page.evaluate("() => typeof window.createImageBitmap") == "undefined"
    result = page.evaluate(
        """async ([b64, type, maxEdge]) => {
            const input = toBlob(b64, type);
            const out = await (maxEdge
                ? ccPhoto.downscale(input, maxEdge)
                : ccPhoto.downscale(input));
            return {same: out === input, type: out.type, b64: await toB64(out)};
        }""",
        [_b64(data), mime, max_edge],
    )
    if sizes is None:  # small enough (or undecodable): the very same Blob comes back
        assert result["same"] is True
        assert base64.b64decode(result["b64"]) == data
        return
    assert result["same"] is False
    assert result["type"] == "image/jpeg"
    img = Image.open(io.BytesIO(base64.b64decode(result["b64"])))
    assert img.format == "JPEG"
    assert img.size in sizes
    rgb = img.convert("RGB")
    for point, colour in probes.items():
        assert all(abs(a - b) < 48 for a, b in zip(rgb.getpixel(point), colour, strict=True)), point


def _stroke_mouse(page) -> None:
    box = page.locator("#c").bounding_box()
    page.mouse.move(box["x"] + 50, box["y"] + 75)
    page.mouse.down()
    page.mouse.move(box["x"] + 250, box["y"] + 75, steps=12)
    page.mouse.up()


def _stroke_touch(page) -> None:
    page.evaluate(
        """() => {
            const c = document.getElementById("c"), r = c.getBoundingClientRect();
            const fire = (type, x) => c.dispatchEvent(new PointerEvent(type, {
                pointerId: 7, pointerType: "touch", isPrimary: true, bubbles: true,
                cancelable: true, button: type === "pointermove" ? -1 : 0,
                clientX: r.left + x, clientY: r.top + 75,
            }));
            fire("pointerdown", 50);
            for (let x = 60; x <= 250; x += 10) fire("pointermove", x);
            fire("pointerup", 250);
        }"""
    )


def _pad_png(page) -> tuple[bool, Image.Image]:
    result = page.evaluate(
        "async () => ({empty: pad.isEmpty(), b64: await toB64(await pad.toBlob())})"
    )
    img = Image.open(io.BytesIO(base64.b64decode(result["b64"])))
    assert img.format == "PNG"
    return result["empty"], img.convert("RGBA")


@pytest.mark.parametrize("scale", [1, 2])
@pytest.mark.parametrize("stroke", [_stroke_mouse, _stroke_touch], ids=["mouse", "touch"])
def test_signature_pad(open_page, scale, stroke):
    page = open_page(scale)
    setup = page.evaluate(
        """() => {
            const c = document.getElementById("c");
            window.pad = new ccPhoto.SignaturePad(c);
            return {empty: pad.isEmpty(), size: [c.width, c.height],
                    css: [c.clientWidth, c.clientHeight], touchAction: c.style.touchAction};
        }"""
    )
    assert setup == {
        "empty": True,
        "size": [300 * scale, 150 * scale],
        "css": [300, 150],
        "touchAction": "none",
    }

    stroke(page)
    empty, img = _pad_png(page)
    assert empty is False
    assert img.size == (300 * scale, 150 * scale)
    alpha = img.getchannel("A")
    assert alpha.getpixel((150 * scale, 75 * scale)) > 200  # on the stroke
    assert alpha.getpixel((150 * scale, 20 * scale)) == 0  # transparent background
    assert alpha.getpixel((20 * scale, 75 * scale)) == 0  # nothing left of the stroke's start
    inked = sum(alpha.getpixel((150 * scale, y)) > 127 for y in range(img.height))
    assert abs(inked - 2.5 * scale) <= 1.5  # ~2.5 CSS px wide, crisp at any pixel ratio

    page.evaluate("() => pad.clear()")
    empty, img = _pad_png(page)
    assert empty is True
    assert img.getchannel("A").getextrema() == (0, 0)


def test_source_is_csp_safe_and_quiet():
    source = SCRIPT.read_text()
    for banned in ("eval(", "new Function", "console.", "import ", "export "):
        assert banned not in source


OPEN_EDITOR = """([b64, words]) => {
    window.result = "open";
    ccPhoto.annotate(toBlob(b64, "image/jpeg"), words).then((b) => { window.result = b; });
}"""


def test_annotation_editor_and_sha256(open_page):
    """The editor on a 360 px screen: a circle dragged with a finger, an arrow with the mouse, a
    text placed with a tap, an undone mark; 完成 gives a JPEG of the photo's own size with the
    marks in red and the photo untouched elsewhere; 取消 gives nothing. The photo's SHA-256 is
    the server's (hashlib), by crypto.subtle and by the plain-JS fallback."""
    page = open_page()
    page.set_viewport_size({"width": 360, "height": 740})
    photo = _image(Image.new("RGB", (800, 600), (40, 90, 160)), quality=95)
    words = {
        "title": "标注照片",
        "arrow": "箭头",
        "circle": "圆圈",
        "text": "文字",
        "undo": "撤销",
        "done": "完成",
        "cancel": "取消",
        "place": "确定",
        "hint": "用手指画",
        "placeholder": "简短文字",
    }
    page.evaluate(OPEN_EDITOR, [_b64(photo), words])
    page.wait_for_selector(".annotate canvas")
    canvas = page.locator(".annotate canvas")
    box = canvas.bounding_box()
    assert box["width"] <= 360 and box["x"] >= 0  # the whole photo on the screen
    scale = box["width"] / 800
    assert page.is_disabled(".annotate [data-done]")  # nothing drawn yet

    def client(x, y):  # photo pixels → screen
        return box["x"] + x * scale, box["y"] + y * scale

    # a circle (the default tool) around (400, 300), with a finger
    page.evaluate(
        """([x0, y0, x1, y1]) => {
            const c = document.querySelector(".annotate canvas");
            const fire = (type, x, y) => c.dispatchEvent(new PointerEvent(type, {
                pointerId: 9, pointerType: "touch", isPrimary: true, bubbles: true,
                cancelable: true, button: type === "pointermove" ? -1 : 0,
                clientX: x, clientY: y}));
            fire("pointerdown", x0, y0);
            for (let i = 1; i <= 10; i++) {
                fire("pointermove", x0 + (x1 - x0) * i / 10, y0 + (y1 - y0) * i / 10);
            }
            fire("pointerup", x1, y1);
        }""",
        [*client(250, 200), *client(550, 400)],
    )
    # an arrow from the top left corner towards the circle, with the mouse
    page.click(".annotate [data-tool=arrow]")
    page.mouse.move(*client(40, 40))
    page.mouse.down()
    page.mouse.move(*client(220, 180), steps=8)
    page.mouse.up()
    # a stray arrow, undone
    page.mouse.move(*client(700, 500))
    page.mouse.down()
    page.mouse.move(*client(780, 580), steps=4)
    page.mouse.up()
    page.click(".annotate [data-undo]")
    # a text at the bottom left
    page.click(".annotate [data-tool=text]")
    page.mouse.click(*client(60, 520))
    page.fill(".annotate input[type=text]", "缺苫盖")
    page.keyboard.press("Enter")
    page.click(".annotate [data-done]")
    page.wait_for_function("() => window.result !== 'open'")
    b64 = page.evaluate("() => toB64(window.result)")
    out = Image.open(io.BytesIO(base64.b64decode(b64)))
    assert out.format == "JPEG" and out.size == (800, 600)
    assert page.locator(".annotate").count() == 0

    def red(x, y):
        r, g, b = out.convert("RGB").getpixel((x, y))
        return r > 180 and g < 80 and b < 80

    assert red(250, 300) and red(550, 300) and red(400, 200)  # the circle's rim
    assert red(130, 110)  # the arrow's shaft
    assert not red(740, 540)  # the undone arrow
    assert any(red(x, y) for x in range(60, 200, 2) for y in range(500, 540, 2))  # the text
    untouched = out.convert("RGB").getpixel((400, 300))  # inside the circle: the photo
    assert all(abs(a - b) < 24 for a, b in zip(untouched, (40, 90, 160), strict=True))

    # 取消: nothing
    page.evaluate(OPEN_EDITOR, [_b64(photo), {}])
    page.wait_for_selector(".annotate canvas")
    page.click(".annotate [data-cancel]")
    page.wait_for_function("() => window.result !== 'open'")
    assert page.evaluate("() => window.result") is None

    # SHA-256: as the server names the photo, with and without crypto.subtle
    rng = random.Random(25)
    for data in (b"", b"abc", bytes(55), bytes(56), bytes(64), rng.randbytes(300_001), photo):
        both = page.evaluate(
            """async (b64) => {
                const blob = toBlob(b64, "application/octet-stream");
                const buffer = await blob.arrayBuffer();
                return [await ccPhoto.sha256(blob), ccPhoto.sha256Hex(buffer)];
            }""",
            _b64(data),
        )
        assert both == [hashlib.sha256(data).hexdigest()] * 2
