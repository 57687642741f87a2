"""The 水印 on the copies of an inspection photo people see: pure, no Flask and no database.

``stamp_lines`` turns the facts of one photo in one inspection (``StampFacts``) into the
stamp's lines, in Chinese whatever the reader's language (it is burned into the image)::

    拍摄时间：2026-11-21 09:30          the device's time, else the file's EXIF time, in the
                                        service's zone; without either: 上传时间 (received)
    地点：冠县工业园区8号 36.4833°N 115.4433°E     the site's (else the organisation's)
                                        address and the photo's GPS position, if any
    检查人员：张三                       who uploaded it
    被检查单位：鑫源煤业

``draw`` puts them on an image (the display copy or the thumbnail) in a semi-transparent dark
band along the bottom, white text scaled to the image, wrapped to its width; it returns a new
file, the input untouched. The font is the system's Chinese font (``find_font``: known paths of
Noto Sans CJK, WenQuanYi, then fontconfig); without one the stamp is still drawn, in Pillow's
own font (the Chinese characters then show as boxes), and nothing fails.

``tag`` names a stamp (its lines, the font and ``STAMP_VERSION``): the stamped copies are stored
under it beside the original, so a changed fact (a renamed organisation) makes new copies.
Raise ``STAMP_VERSION`` when the drawing changes.
"""

from __future__ import annotations

import datetime as dt
import decimal
import functools
import hashlib
import io
import json
import math
import os
import re
import shutil
import subprocess
import threading
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from PIL import Image, ImageDraw, ImageFont

STAMP_VERSION = 1
JPEG_QUALITY = 85  # as photos.JPEG_QUALITY

#: Tried in order before asking fontconfig; a .ttc is searched for its Simplified Chinese face.
KNOWN_FONTS = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",  # Debian, Ubuntu: fonts-noto-cjk
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",  # Arch
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",  # Fedora
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/System/Library/Fonts/PingFang.ttc",
)

#: The band: black at this opacity (0-255) under white text.
BAND_ALPHA = 140
WHITE = (255, 255, 255, 255)
#: Font size: the image's geometric mean side over this, at least MIN_SIZE pixels (legible on
#: a 320 px thumbnail), smaller only when the band would cover more than MAX_BAND of the height.
SIZE_DIVISOR = 40
MIN_SIZE = 11
SMALLEST_SIZE = 6
MAX_BAND = 0.45
LINE_SPACING = 1.3
#: A fact wraps onto at most this many lines; the rest is cut with "…".
MAX_WRAPS = 3

#: FreeType faces are not to be used by two threads at once (a free-threaded Python, gunicorn
#: threads): finding the font, measuring and drawing text hold this.
_FREETYPE = threading.RLock()
_SPACE = re.compile(r"\s+")
#: What a line may not be broken inside: a pair of coordinates, a Latin word or number.
_TOKEN = re.compile(r"[0-9.]+°[NS] [0-9.]+°[EW]|[0-9A-Za-z.°'\"\-]+|\s+|.")
FOUR_PLACES = decimal.Decimal("0.0001")


@dataclass(frozen=True)
class StampFacts:
    """What the stamp says of one photo: the link's and the inspection's facts."""

    organisation: str
    address: str = ""
    inspector: str = ""
    #: As the device reported it (read from the photo's EXIF on the phone).
    taken_at: dt.datetime | None = None
    #: Read by the server from the file's own EXIF.
    exif_taken_at: dt.datetime | None = None
    uploaded_at: dt.datetime | None = None
    lat: decimal.Decimal | float | None = None
    lon: decimal.Decimal | float | None = None


def stamp_lines(facts: StampFacts, zone: str = "Asia/Shanghai") -> list[str]:
    """The stamp's lines; a fact that is not known is left out (the organisation never is)."""
    lines = []
    if facts.taken_at is not None or facts.exif_taken_at is not None:
        lines.append(f"拍摄时间：{local_minute(facts.taken_at or facts.exif_taken_at, zone)}")
    elif facts.uploaded_at is not None:
        # Only the receipt time is known: say so, the stamp is evidence.
        lines.append(f"上传时间：{local_minute(facts.uploaded_at, zone)}")
    place = " ".join(
        part for part in (_one_line(facts.address), coordinates(facts.lat, facts.lon)) if part
    )
    if place:
        lines.append(f"地点：{place}")
    if _one_line(facts.inspector):
        lines.append(f"检查人员：{_one_line(facts.inspector)}")
    lines.append(f"被检查单位：{_one_line(facts.organisation)}")
    return lines


def local_minute(moment: dt.datetime, zone: str = "Asia/Shanghai") -> str:
    """``2026-11-21 09:30`` in ``zone``; a naive moment is UTC (as SQLite hands them back)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(ZoneInfo(zone)).strftime("%Y-%m-%d %H:%M")


def coordinates(lat: decimal.Decimal | float | None, lon: decimal.Decimal | float | None) -> str:
    """``36.4833°N 115.4433°E`` (four places, about 11 m); "" unless both are known."""
    if lat is None or lon is None:
        return ""
    north, east = _degrees(lat), _degrees(lon)
    return f"{abs(north)}°{'S' if north < 0 else 'N'} {abs(east)}°{'W' if east < 0 else 'E'}"


def _degrees(value: decimal.Decimal | float) -> decimal.Decimal:
    number = value if isinstance(value, decimal.Decimal) else decimal.Decimal(str(value))
    return number.quantize(FOUR_PLACES, rounding=decimal.ROUND_HALF_UP)


def _one_line(text: str) -> str:
    return _SPACE.sub(" ", text or "").strip()


def tag(lines: list[str], font_name: str | None = None) -> str:
    """16 hex digits naming the stamp: its lines, the font it is drawn in and the version."""
    font = font_name if font_name is not None else font_id()
    text = json.dumps({"v": STAMP_VERSION, "font": font, "lines": lines}, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


# --- the font -----------------------------------------------------------------------------


@functools.cache
def find_font() -> tuple[str, int] | None:
    """(path, face index) of a font with Chinese characters, or None. Looked up once."""
    with _FREETYPE:
        return _look_for_font()


def _look_for_font() -> tuple[str, int] | None:
    for path in KNOWN_FONTS:
        if os.path.isfile(path):
            found = _chinese_face(path)
            if found is not None:
                return found
    for path in _fontconfig_files():
        found = _chinese_face(path)
        if found is not None:
            return found
    return None


def font_id() -> str:
    found = find_font()
    return f"{os.path.basename(found[0])}#{found[1]}" if found else "default"


def _fontconfig_files() -> list[str]:
    """Files fontconfig says cover Chinese (``fc-list :lang=zh``; ``fc-match :lang=zh`` may
    answer a font without Chinese)."""
    if shutil.which("fc-list") is None:
        return []
    try:
        out = subprocess.run(
            ["fc-list", ":lang=zh", "file"], capture_output=True, text=True, timeout=10
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    files = sorted({line.split(":")[0].strip() for line in out.splitlines() if line.strip()})
    # Sans before serif, regular before bold: legible at small sizes.
    return sorted(files, key=lambda f: ("Serif" in f, "Bold" in f, f))


def _chinese_face(path: str) -> tuple[str, int] | None:
    """The Simplified Chinese face of a collection (Noto's index 2), else its first face."""
    first = None
    for index in range(16):
        try:
            font = ImageFont.truetype(path, 12, index=index)
        except (OSError, ValueError):
            break
        family = font.getname()[0] or ""
        if first is None:
            first = (path, index)
        if family.endswith("SC") or "Simplified" in family:
            return (path, index)
    return first


@functools.lru_cache(maxsize=64)
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    found = find_font()
    if found is not None:
        try:
            return ImageFont.truetype(
                found[0], size, index=found[1], layout_engine=ImageFont.Layout.BASIC
            )
        except (OSError, ValueError):
            pass
    try:
        return ImageFont.load_default(size)
    except Exception:  # without FreeType: the fixed bitmap font
        return ImageFont.load_default()


# --- drawing ------------------------------------------------------------------------------


def draw(data: bytes, mime: str, lines: list[str]) -> bytes:
    """``data`` (a display copy or thumbnail, JPEG or PNG) with the stamp along its bottom, as
    a new file of the same type and size, without metadata."""
    mode = "RGBA" if mime == "image/png" else "RGB"
    with Image.open(io.BytesIO(data)) as source:
        source.load()
        base = source.convert(mode)
    width, height = base.size
    with _FREETYPE:
        size, wrapped = _fit(lines, width, height)
        font = _font(size)
        pad, step = _padding(size), _step(size)
        top = max(0, height - _band(size, len(wrapped)))
        band = Image.new("RGBA", (width, height - top), (0, 0, 0, BAND_ALPHA))
        pen = ImageDraw.Draw(band)
        for n, line in enumerate(wrapped):
            # On the baseline: a Chinese character stands about 0.88 em above it, 0.12 below.
            baseline = pad + round(size * 0.88) + n * step
            if isinstance(font, ImageFont.FreeTypeFont):
                pen.text((pad, baseline), line, font=font, fill=WHITE, anchor="ls")
            else:  # the bitmap font places only by its top left
                pen.text((pad, baseline - size), line, font=font, fill=WHITE)
    under = base.crop((0, top, width, height)).convert("RGBA")
    base.paste(Image.alpha_composite(under, band).convert(mode), (0, top))
    clean = Image.new(mode, base.size)  # nothing of the source's info comes along
    clean.paste(base)
    out = io.BytesIO()
    if mime == "image/png":
        clean.save(out, "PNG")
    else:
        clean.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
    return out.getvalue()


def font_size(width: int, height: int) -> int:
    """The size the text starts from: the geometric mean side over SIZE_DIVISOR, at least
    MIN_SIZE."""
    return max(MIN_SIZE, round(math.sqrt(width * height) / SIZE_DIVISOR))


def _fit(lines: list[str], width: int, height: int) -> tuple[int, list[str]]:
    """The font size and the wrapped lines: the starting size, smaller while the band would
    cover more than MAX_BAND of the height (never below SMALLEST_SIZE)."""
    size = font_size(width, height)
    while True:
        font = _font(size)
        room = width - 2 * _padding(size)
        wrapped = [part for line in lines for part in wrap(line, font.getlength, room)]
        if _band(size, len(wrapped)) <= height * MAX_BAND or size <= SMALLEST_SIZE:
            return size, wrapped
        size -= 1


def _padding(size: int) -> int:
    return max(2, round(size * 0.6))


def _step(size: int) -> int:
    return round(size * LINE_SPACING)


def _band(size: int, lines: int) -> int:
    """The band's height: the lines (the last one only its own height) and the padding."""
    return 2 * _padding(size) + (lines - 1) * _step(size) + size


def wrap(line: str, measure, room: float, limit: int = MAX_WRAPS) -> list[str]:
    """``line`` broken to fit ``room`` as ``measure`` measures it: between Chinese characters
    anywhere, between Latin words and numbers at spaces only; a continuation is indented by
    two spaces; at most ``limit`` lines, the last cut with "…"."""
    parts: list[str] = []
    current = ""
    for token in _TOKEN.findall(line):
        trial = current + token
        if not current.strip() or measure(trial) <= room:
            current = trial
            continue
        parts.append(current.rstrip())
        current = "  " + token.lstrip()
        if len(parts) == limit:
            break
    else:
        parts.append(current.rstrip())
        return parts
    last = parts[-1]
    while last.strip() and measure(last + "…") > room:
        last = last[:-1]
    parts[-1] = last + "…"
    return parts
