"""Check and process an uploaded inspection photo: pure, no database and no request needed.

``process`` accepts JPEG, PNG and WebP, decided by the magic bytes only (never the file name or
the client's content type). It refuses an empty or oversized upload, HEIC/HEIF (with a hint
on how to take or export JPEG instead), anything else, more pixels than allowed (checked
from the header before any pixel is decoded) and a file that fails to decode.

For an accepted photo it returns the SHA-256 of the bytes as received, the size after the
EXIF orientation, the EXIF evidence (taken-at time, GPS position, camera) and two copies for
people to see, a display copy and a thumbnail: orientation applied, every piece of metadata
(EXIF, GPS, XMP, comments, ICC) dropped, never upscaled, JPEG unless the photo is
actually transparent (then PNG).

Messages are English msgids for flask_babel; outside an app context ``gettext`` returns the
English text formatted, so ``process`` works anywhere.
"""

from __future__ import annotations

import datetime as dt
import decimal
import hashlib
import io
import numbers
import re
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from flask_babel import gettext as _
from PIL import ExifTags, Image, ImageCms, ImageOps

ACCEPTED_MIMES = {"image/jpeg": "JPEG", "image/png": "PNG", "image/webp": "WEBP"}

# ISO-BMFF brands: HEIC (HEVC) and generic HEIF stills and sequences, and AVIF (AV1 in HEIF,
# also refused but named as such).
HEIC_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis"}
HEIF_BRANDS = {b"mif1", b"msf1"}
AVIF_BRANDS = {b"avif", b"avis"}
BMP_HEADER_SIZES = {12, 40, 52, 56, 64, 108, 124}

# Names of the formats ``sniff`` recognises but ``process`` refuses, for the message.
REFUSED_NAMES = {
    "application/pdf": "PDF",
    "image/heic": "HEIC",
    "image/avif": "AVIF",
    "image/gif": "GIF",
    "image/tiff": "TIFF",
    "image/bmp": "BMP",
}

JPEG_QUALITY = 85
MB = 1024 * 1024
MAX_EXIF_TEXT = 200
SIX_PLACES = decimal.Decimal("0.000001")

# EXIF tags kept as text evidence, by IFD.
BASE_TAGS = (
    ExifTags.Base.Make,
    ExifTags.Base.Model,
    ExifTags.Base.Software,
    ExifTags.Base.DateTime,
    ExifTags.Base.Orientation,
)
EXIF_TAGS = (
    ExifTags.Base.DateTimeOriginal,
    ExifTags.Base.DateTimeDigitized,
    ExifTags.Base.OffsetTime,
    ExifTags.Base.OffsetTimeOriginal,
    ExifTags.Base.SubsecTimeOriginal,
)
GPS_TAGS = (
    ExifTags.GPS.GPSLatitudeRef,
    ExifTags.GPS.GPSLatitude,
    ExifTags.GPS.GPSLongitudeRef,
    ExifTags.GPS.GPSLongitude,
    ExifTags.GPS.GPSAltitudeRef,
    ExifTags.GPS.GPSAltitude,
    ExifTags.GPS.GPSDateStamp,
    ExifTags.GPS.GPSTimeStamp,
)

_EXIF_DATETIME = re.compile(r"(\d{4})[:-](\d{2})[:-](\d{2})[ T](\d{2}):(\d{2}):(\d{2})")
_EXIF_OFFSET = re.compile(r"([+-])(\d{2}):?(\d{2})")
_BOMB_PIXELS = re.compile(r"\((\d+) pixels\)")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class PhotoError(Exception):
    """A refused upload. ``code``: ``too_large`` (413), ``too_many_pixels``,
    ``unsupported_type``, ``heic``, ``corrupt`` or ``empty`` (422)."""

    def __init__(self, code: str, message: str, status: int = 422) -> None:
        self.code = code
        self.message = message
        self.status = status
        super().__init__(message)


@dataclass(frozen=True)
class Processed:
    sha256: str
    mime: str
    width: int
    height: int
    byte_size: int
    exif_taken_at: dt.datetime | None
    exif_lat: decimal.Decimal | None
    exif_lon: decimal.Decimal | None
    exif: dict[str, str] = field(repr=False)
    display: bytes = field(repr=False)
    display_mime: str
    thumbnail: bytes = field(repr=False)
    thumbnail_mime: str


def sniff(data: bytes) -> str | None:
    """The type the magic bytes say, or None: the accepted image types, and what is refused
    by name (HEIC/HEIF, AVIF, PDF, GIF, TIFF, BMP)."""
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if len(data) >= 12 and data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if len(data) >= 12 and data[4:8] == b"ftyp":
        return _sniff_ftyp(data)
    if b"%PDF-" in data[:1024]:
        return "application/pdf"
    if data.startswith((b"GIF87a", b"GIF89a")):
        return "image/gif"
    if data.startswith((b"II*\x00", b"MM\x00*")):
        return "image/tiff"
    if data.startswith(b"BM") and int.from_bytes(data[14:18], "little") in BMP_HEADER_SIZES:
        return "image/bmp"
    return None


def _sniff_ftyp(data: bytes) -> str | None:
    """ISO-BMFF ``ftyp`` box: major brand, minor version, then compatible brands."""
    end = min(int.from_bytes(data[:4], "big"), len(data), 4096)
    brands = {data[8:12]} | {data[i : i + 4] for i in range(16, end - 3, 4)}
    if brands & HEIC_BRANDS:
        return "image/heic"
    if brands & AVIF_BRANDS:
        return "image/avif"
    if brands & HEIF_BRANDS:
        return "image/heic"
    return None


def process(
    data: bytes,
    *,
    max_bytes: int = 15 * MB,
    max_pixels: int = 40_000_000,
    display_edge: int = 2000,
    thumb_edge: int = 320,
) -> Processed:
    """Check an uploaded photo and make its display copy and thumbnail; PhotoError if refused."""
    if not data:
        raise PhotoError("empty", _("The photo is empty (0 bytes). Please choose it again."))
    if len(data) > max_bytes:
        raise PhotoError(
            "too_large",
            _(
                "The photo is %(size)s MB; at most %(limit)s MB is accepted.",
                size=_megabytes(len(data), up=True),
                limit=_megabytes(max_bytes, up=False),
            ),
            status=413,
        )
    mime = sniff(data)
    if mime == "image/heic":
        raise PhotoError(
            "heic",
            _(
                "HEIC/HEIF photos are not accepted. On an iPhone, choose Settings > Camera > "
                "Formats > Most Compatible to take JPEG photos, or share or export the photo "
                "as JPEG, then upload it again."
            ),
        )
    if mime not in ACCEPTED_MIMES:
        if mime is None:
            message = _("This file is not a photo. JPEG, PNG and WebP photos are accepted.")
        else:
            message = _(
                "This file looks like %(kind)s, not a photo. "
                "JPEG, PNG and WebP photos are accepted.",
                kind=REFUSED_NAMES.get(mime, mime),
            )
        raise PhotoError("unsupported_type", message)

    img = _open(data, ACCEPTED_MIMES[mime], max_pixels)
    width, height = img.size
    if mime == "image/jpeg":
        # Decode at a reduced scale when the display copy is that much smaller; the whole
        # stream is still read, so a truncated file still fails below.
        img.draft(None, (display_edge, display_edge))
    try:
        img.load()
    except Exception as exc:
        raise _corrupt() from exc

    exif = _read_exif(img)
    if _orientation(exif.base) in (5, 6, 7, 8):  # a quarter turn: the sides swap
        width, height = height, width
    display, display_mime = _display_copy(img, display_edge)
    thumb = display.copy()
    thumb.thumbnail((thumb_edge, thumb_edge), Image.Resampling.LANCZOS)
    return Processed(
        sha256=hashlib.sha256(data).hexdigest(),
        mime=mime,
        width=width,
        height=height,
        byte_size=len(data),
        exif_taken_at=_taken_at(exif),
        exif_lat=_gps_degrees(exif.gps, ExifTags.GPS.GPSLatitude, ExifTags.GPS.GPSLatitudeRef),
        exif_lon=_gps_degrees(exif.gps, ExifTags.GPS.GPSLongitude, ExifTags.GPS.GPSLongitudeRef),
        exif=exif.evidence(),
        display=_encode(display, display_mime),
        display_mime=display_mime,
        thumbnail=_encode(thumb, display_mime),
        thumbnail_mime=display_mime,
    )


def _open(data: bytes, pil_format: str, max_pixels: int) -> Image.Image:
    """Open lazily (header only) and refuse too many pixels before anything is decoded."""
    try:
        img = Image.open(io.BytesIO(data), formats=[pil_format])
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        # Beyond Pillow's own limit; the warning arrives as an exception only when the
        # warnings filter turns it into one (as the tests do), else our check below applies.
        found = _BOMB_PIXELS.search(str(exc))
        pixels = int(found.group(1)) if found else max_pixels + 1
        raise _too_many_pixels(pixels, max_pixels) from exc
    except Exception as exc:
        raise _corrupt() from exc
    width, height = img.size
    if width * height > max_pixels:
        raise _too_many_pixels(width * height, max_pixels)
    return img


def _too_many_pixels(pixels: int, limit: int) -> PhotoError:
    return PhotoError(
        "too_many_pixels",
        _(
            "The photo has %(pixels)s pixels; at most %(limit)s pixels are accepted.",
            pixels=f"{pixels:,}",
            limit=f"{limit:,}",
        ),
    )


def _corrupt() -> PhotoError:
    return PhotoError(
        "corrupt",
        _(
            "The photo could not be read; the file is damaged or incomplete. "
            "Please upload it again."
        ),
    )


def _megabytes(n: int, *, up: bool) -> str:
    """``n`` bytes in MB, two decimals at most (rounded up for a size, down for a limit)."""
    rounding = decimal.ROUND_CEILING if up else decimal.ROUND_FLOOR
    value = (decimal.Decimal(n) / MB).quantize(decimal.Decimal("0.01"), rounding=rounding)
    if value == 0 and n:
        value = decimal.Decimal("0.01")
    return _plain(value)


def _plain(value: decimal.Decimal) -> str:
    """A Decimal without trailing zeros or exponent: 15, 1.5, 0.01."""
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


# --- EXIF ---------------------------------------------------------------------------------


@dataclass
class _Exif:
    base: dict[int, Any]
    sub: dict[int, Any]
    gps: dict[int, Any]

    def evidence(self) -> dict[str, str]:
        kept: dict[str, str] = {}
        for ifd, tags in ((self.base, BASE_TAGS), (self.sub, EXIF_TAGS), (self.gps, GPS_TAGS)):
            for tag in tags:
                text = _text(ifd.get(tag))
                if text:
                    kept[tag.name] = text
        return kept


def _read_exif(img: Image.Image) -> _Exif:
    """The three IFDs as plain dicts; anything unreadable is simply missing."""
    base: dict[int, Any] = {}
    sub: dict[int, Any] = {}
    gps: dict[int, Any] = {}
    try:
        exif = img.getexif()
        base = dict(exif)
    except Exception:
        return _Exif(base, sub, gps)
    for ifd, target in ((ExifTags.IFD.Exif, sub), (ExifTags.IFD.GPSInfo, gps)):
        try:
            target.update(exif.get_ifd(ifd))
        except Exception:
            target.clear()
    return _Exif(base, sub, gps)


def _orientation(base: dict[int, Any]) -> int:
    value = base.get(ExifTags.Base.Orientation)
    return value if isinstance(value, int) and 1 <= value <= 8 else 1


def _taken_at(exif: _Exif) -> dt.datetime | None:
    """DateTimeOriginal with OffsetTimeOriginal, else DateTime with OffsetTime."""
    for when, offset in (
        (
            exif.sub.get(ExifTags.Base.DateTimeOriginal),
            exif.sub.get(ExifTags.Base.OffsetTimeOriginal),
        ),
        (exif.base.get(ExifTags.Base.DateTime), exif.sub.get(ExifTags.Base.OffsetTime)),
    ):
        moment = _parse_datetime(_text(when))
        if moment is not None:
            zone = _parse_offset(_text(offset))
            return moment.replace(tzinfo=zone) if zone else moment
    return None


def _parse_datetime(text: str) -> dt.datetime | None:
    found = _EXIF_DATETIME.fullmatch(text.strip())
    if not found:
        return None
    try:
        return dt.datetime(*(int(part) for part in found.groups()))
    except ValueError:
        return None


def _parse_offset(text: str) -> dt.timezone | None:
    found = _EXIF_OFFSET.fullmatch(text.strip())
    if not found:
        return None
    sign, hours, minutes = found.group(1), int(found.group(2)), int(found.group(3))
    if hours > 23 or minutes > 59:
        return None
    delta = dt.timedelta(hours=hours, minutes=minutes)
    return dt.timezone(-delta if sign == "-" else delta)


def _gps_degrees(gps: dict[int, Any], tag: int, ref_tag: int) -> decimal.Decimal | None:
    """(degrees, minutes, seconds) and the N/S or E/W reference as signed decimal degrees,
    six places; None when anything is missing, malformed or out of range."""
    latitude = tag == ExifTags.GPS.GPSLatitude
    positive, negative, limit = ("N", "S", 90) if latitude else ("E", "W", 180)
    ref = _text(gps.get(ref_tag)).upper()[:1]
    value = gps.get(tag)
    if ref not in (positive, negative) or value is None:
        return None
    parts = value if isinstance(value, tuple | list) else (value,)
    if not 1 <= len(parts) <= 3:
        return None
    try:
        values = [_fraction(part) for part in parts]
    except (TypeError, ValueError, ZeroDivisionError, OverflowError):
        return None
    if any(number < 0 for number in values):
        return None
    total = sum(number / 60**i for i, number in enumerate(values))
    if total > limit:
        return None
    degrees = (decimal.Decimal(total.numerator) / decimal.Decimal(total.denominator)).quantize(
        SIX_PLACES, rounding=decimal.ROUND_HALF_UP
    )
    return -degrees if ref == negative and degrees else degrees


def _fraction(value: Any) -> Fraction:
    """An EXIF number (IFDRational, int or float) exactly; TypeError, ValueError or
    ZeroDivisionError when it is not a finite number."""
    if isinstance(value, bool):
        raise TypeError(value)
    if isinstance(value, numbers.Rational):  # IFDRational too; its parts may be floats
        return Fraction(value.numerator) / Fraction(value.denominator)
    if isinstance(value, float):
        return Fraction(value)
    raise TypeError(value)


def _text(value: Any) -> str:
    """An EXIF value as short, printable, JSON-ready text; "" when there is nothing usable."""
    if value is None:
        return ""
    if isinstance(value, bytes):
        value = value.decode("utf-8", errors="replace")
    if isinstance(value, str):
        text = _CONTROL.sub("", value.replace("\x00", " ")).strip()
        return text[:MAX_EXIF_TEXT]
    if isinstance(value, tuple | list):
        items = [_text(item) for item in value]
        return ", ".join(items)[:MAX_EXIF_TEXT] if all(items) else ""
    try:
        number = _fraction(value)
    except (TypeError, ValueError, ZeroDivisionError, OverflowError):
        return ""
    exact = decimal.Decimal(number.numerator) / decimal.Decimal(number.denominator)
    return _plain(exact.quantize(SIX_PLACES, rounding=decimal.ROUND_HALF_UP))


# --- display copies -----------------------------------------------------------------------


def _display_copy(img: Image.Image, edge: int) -> tuple[Image.Image, str]:
    """Orientation applied, in sRGB, RGB (JPEG) or RGBA when transparent (PNG), long edge
    at most ``edge``; a fresh image, so nothing of the original's metadata comes along."""
    try:
        upright = ImageOps.exif_transpose(img)
    except Exception:
        upright = img
    upright = _to_srgb(upright, img.info.get("icc_profile"))
    if upright.mode in ("I", "I;16", "I;16L", "I;16B", "I;16N"):
        upright = upright.convert("I").point(lambda v: v * (1 / 257)).convert("L")
    if upright.mode == "F":
        upright = upright.convert("L")
    rgba = upright.convert("RGBA") if upright.has_transparency_data else None
    if rgba is not None and rgba.getchannel("A").getextrema()[0] < 255:
        out, mime = rgba, "image/png"
    else:
        out, mime = upright.convert("RGB"), "image/jpeg"
    out.thumbnail((edge, edge), Image.Resampling.LANCZOS)
    clean = Image.new(out.mode, out.size)
    clean.paste(out)
    return clean, mime


def _to_srgb(img: Image.Image, icc: bytes | None) -> Image.Image:
    """Convert through the embedded colour profile (Display P3, CMYK, ...) to sRGB, since the
    profile itself is dropped; unchanged when there is none or it cannot be used."""
    if not icc or img.mode not in ("RGB", "RGBA", "CMYK"):
        return img
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        converted = ImageCms.profileToProfile(
            img,
            source,
            ImageCms.createProfile("sRGB"),
            outputMode="RGBA" if img.mode == "RGBA" else "RGB",
        )
    except Exception:
        return img
    return converted if converted is not None else img


def _encode(img: Image.Image, mime: str) -> bytes:
    buffer = io.BytesIO()
    if mime == "image/png":
        img.save(buffer, "PNG")
    else:
        img.save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True)
    return buffer.getvalue()
