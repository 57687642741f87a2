"""Photo checks and processing (inspections/photos.py): pure, no app and no database.

Every image is made in memory with Pillow. pytest turns warnings into errors here, so a
Pillow DecompressionBombWarning or a corrupt-EXIF warning would surface as an exception.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import struct
import zlib
from decimal import Decimal

import pytest
from PIL import ExifTags, Image, ImageCms
from PIL.TiffImagePlugin import IFDRational

from inspections.filling.photos import PhotoError, Processed, process, sniff

MB = 1024 * 1024
RED, BLUE = (255, 0, 0), (0, 0, 255)
CST = dt.timezone(dt.timedelta(hours=8))


def encode(img: Image.Image, fmt: str, **params) -> bytes:
    buffer = io.BytesIO()
    img.save(buffer, fmt, **params)
    return buffer.getvalue()


def dms(degrees: int, minutes: int, hundredths_of_seconds: int) -> tuple[IFDRational, ...]:
    return (
        IFDRational(degrees, 1),
        IFDRational(minutes, 1),
        IFDRational(hundredths_of_seconds, 100),
    )


def make_exif(
    *,
    original: str | None = None,
    offset: str | None = None,
    datetime: str | None = None,
    lat: tuple | None = None,
    lat_ref: str | None = None,
    lon: tuple | None = None,
    lon_ref: str | None = None,
    altitude: IFDRational | None = None,
    orientation: int | None = None,
    make: str | None = None,
    model: str | None = None,
) -> Image.Exif:
    exif = Image.Exif()
    base = {
        ExifTags.Base.Make: make,
        ExifTags.Base.Model: model,
        ExifTags.Base.DateTime: datetime,
        ExifTags.Base.Orientation: orientation,
    }
    sub = {ExifTags.Base.DateTimeOriginal: original, ExifTags.Base.OffsetTimeOriginal: offset}
    gps = {
        ExifTags.GPS.GPSLatitudeRef: lat_ref,
        ExifTags.GPS.GPSLatitude: lat,
        ExifTags.GPS.GPSLongitudeRef: lon_ref,
        ExifTags.GPS.GPSLongitude: lon,
        ExifTags.GPS.GPSAltitude: altitude,
    }
    for ifd, values in ((exif, base), (exif.get_ifd(ExifTags.IFD.Exif), sub)):
        ifd.update({tag: value for tag, value in values.items() if value is not None})
    if any(value is not None for value in gps.values()):
        exif.get_ifd(ExifTags.IFD.GPSInfo).update(
            {tag: value for tag, value in gps.items() if value is not None}
        )
    return exif


def jpeg(size=(64, 48), exif: Image.Exif | None = None, **params) -> bytes:
    if exif is not None:
        params["exif"] = exif
    return encode(Image.new("RGB", size, (120, 160, 200)), "JPEG", **params)


def png_header(width: int, height: int) -> bytes:
    """A PNG whose IHDR claims ``width`` x ``height`` but whose IDAT holds ten bytes: decoding
    it would fail as corrupt, so a ``too_many_pixels`` answer proves nothing was decoded."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(bytes(10))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def ftyp(major: bytes, *compatible: bytes) -> bytes:
    body = major + bytes(4) + b"".join(compatible)
    return struct.pack(">I", len(body) + 8) + b"ftyp" + body + bytes(32)


def reopen(data: bytes) -> Image.Image:
    img = Image.open(io.BytesIO(data))
    img.load()
    return img


# --- sniff --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (jpeg(), "image/jpeg"),
        (encode(Image.new("RGB", (4, 4)), "PNG"), "image/png"),
        (encode(Image.new("RGB", (4, 4)), "WEBP"), "image/webp"),
        (ftyp(b"heic", b"mif1", b"heic"), "image/heic"),
        (ftyp(b"heix", b"mif1"), "image/heic"),
        (ftyp(b"hevc", b"msf1"), "image/heic"),
        (ftyp(b"mif1", b"heic"), "image/heic"),
        (ftyp(b"msf1", b"hevc"), "image/heic"),
        (ftyp(b"heim"), "image/heic"),
        (ftyp(b"heis"), "image/heic"),
        (ftyp(b"mif1"), "image/heic"),
        (ftyp(b"avif", b"mif1", b"miaf"), "image/avif"),
        (ftyp(b"isom", b"mp41"), None),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "application/pdf"),
        (encode(Image.new("P", (4, 4)), "GIF"), "image/gif"),
        (b"hello, this is text", None),
        (bytes(range(256)), None),
        (b"", None),
    ],
)
def test_sniff_by_magic_bytes(data, expected):
    assert sniff(data) == expected


# --- refusals -----------------------------------------------------------------------------

TRUNCATED_JPEG = jpeg((200, 150), quality=95)[:600]


@pytest.mark.parametrize(
    ("data", "options", "code", "status", "mentions"),
    [
        pytest.param(b"", {}, "empty", 422, ["0 bytes"], id="empty"),
        pytest.param(
            b"\xff\xd8\xff" + bytes(MB + MB // 2 - 3),
            {"max_bytes": MB},
            "too_large",
            413,
            ["1.5 MB", "1 MB"],
            id="too-large-small-limit",
        ),
        pytest.param(
            b"\xff\xd8\xff" + bytes(15 * MB),
            {},
            "too_large",
            413,
            ["15.01 MB", "15 MB"],
            id="too-large-default-limit",
        ),
        pytest.param(
            jpeg((100, 50)),
            {"max_pixels": 4_999},
            "too_many_pixels",
            422,
            ["5,000", "4,999"],
            id="too-many-pixels-small-limit",
        ),
        pytest.param(
            png_header(8000, 6000),
            {},
            "too_many_pixels",
            422,
            ["48,000,000", "40,000,000"],
            id="crafted-png-over-our-limit",
        ),
        pytest.param(
            png_header(10_000, 10_000),
            {},
            "too_many_pixels",
            422,
            ["100,000,000", "40,000,000"],
            id="crafted-png-pillow-bomb-warning",
        ),
        pytest.param(
            png_header(100_000, 100_000),
            {},
            "too_many_pixels",
            422,
            ["10,000,000,000", "40,000,000"],
            id="crafted-png-pillow-bomb-error",
        ),
        pytest.param(
            b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n",
            {},
            "unsupported_type",
            422,
            ["PDF", "JPEG", "PNG", "WebP"],
            id="pdf",
        ),
        pytest.param(
            encode(Image.new("P", (8, 8)), "GIF"),
            {},
            "unsupported_type",
            422,
            ["GIF", "JPEG", "PNG", "WebP"],
            id="gif",
        ),
        pytest.param(
            ftyp(b"heic", b"mif1", b"heic") + os.urandom(64),
            {},
            "heic",
            422,
            ["HEIC", "Settings > Camera > Formats > Most Compatible", "JPEG"],
            id="heic",
        ),
        pytest.param(
            ftyp(b"mif1", b"heic"),
            {},
            "heic",
            422,
            ["HEIC", "Most Compatible"],
            id="heif-mif1",
        ),
        pytest.param(
            bytes(range(7, 256)) * 4,
            {},
            "unsupported_type",
            422,
            ["JPEG", "PNG", "WebP"],
            id="random-bytes",
        ),
        pytest.param(TRUNCATED_JPEG, {}, "corrupt", 422, [], id="truncated-jpeg"),
        pytest.param(
            b"\xff\xd8\xff\xe0" + bytes(range(256)) * 2, {}, "corrupt", 422, [], id="jpeg-garbage"
        ),
        pytest.param(
            b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\x0dIHDR" + bytes(40),
            {},
            "corrupt",
            422,
            [],
            id="png-bad-header",
        ),
        pytest.param(
            encode(Image.new("RGB", (300, 300)), "WEBP")[:40], {}, "corrupt", 422, [], id="webp-cut"
        ),
    ],
)
def test_refused(data, options, code, status, mentions):
    with pytest.raises(PhotoError) as caught:
        process(data, **options)
    error = caught.value
    assert (error.code, error.status) == (code, status)
    assert error.message and str(error) == error.message
    for text in mentions:
        assert text in error.message


def test_size_is_checked_before_the_type():
    with pytest.raises(PhotoError) as caught:
        process(b"%PDF-" + bytes(2000), max_bytes=1000)
    assert caught.value.code == "too_large"


def test_type_comes_from_the_bytes_not_a_name():
    # Only bytes go in, so a PNG is a PNG whatever the upload claimed to be.
    result = process(encode(Image.new("RGB", (10, 10)), "PNG"))
    assert result.mime == "image/png"


# --- EXIF ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("exif", "taken_at", "lat", "lon", "evidence"),
    [
        pytest.param(
            make_exif(
                make="Apple",
                model="iPhone 13",
                original="2024:05:06 14:30:00",
                offset="+08:00",
                lat_ref="N",
                lat=dms(36, 28, 5988),
                lon_ref="E",
                lon=dms(115, 26, 3588),
                altitude=IFDRational(1234, 10),
            ),
            dt.datetime(2024, 5, 6, 14, 30, tzinfo=CST),
            Decimal("36.483300"),
            Decimal("115.443300"),
            {
                "Make": "Apple",
                "Model": "iPhone 13",
                "DateTimeOriginal": "2024:05:06 14:30:00",
                "OffsetTimeOriginal": "+08:00",
                "GPSLatitudeRef": "N",
                "GPSLatitude": "36, 28, 59.88",
                "GPSLongitudeRef": "E",
                "GPSLongitude": "115, 26, 35.88",
                "GPSAltitude": "123.4",
            },
            id="north-east-aware",
        ),
        pytest.param(
            make_exif(
                original="2023:12:31 23:59:59",
                offset="-05:00",
                lat_ref="S",
                lat=dms(33, 52, 768),
                lon_ref="W",
                lon=dms(70, 40, 948),
            ),
            dt.datetime(2023, 12, 31, 23, 59, 59, tzinfo=dt.timezone(dt.timedelta(hours=-5))),
            Decimal("-33.868800"),
            Decimal("-70.669300"),
            {"GPSLatitudeRef": "S", "GPSLongitudeRef": "W", "OffsetTimeOriginal": "-05:00"},
            id="south-west",
        ),
        pytest.param(
            make_exif(
                original="2024:01:02 03:04:05",
                lat_ref="N",
                lat=(IFDRational(10, 1), IFDRational(0, 1), IFDRational(1, 1)),
                lon_ref="E",
                lon=(IFDRational(120, 1), IFDRational(30, 1), IFDRational(0, 1)),
            ),
            dt.datetime(2024, 1, 2, 3, 4, 5),
            Decimal("10.000278"),  # 10 + 1/3600, rounded to six places
            Decimal("120.500000"),
            {"DateTimeOriginal": "2024:01:02 03:04:05"},
            id="naive-without-offset-rounded",
        ),
        pytest.param(
            make_exif(datetime="2022:06:07 08:09:10"),
            dt.datetime(2022, 6, 7, 8, 9, 10),
            None,
            None,
            {"DateTime": "2022:06:07 08:09:10"},
            id="datetime-fallback",
        ),
        pytest.param(None, None, None, None, {}, id="no-exif"),
        pytest.param(
            make_exif(
                original="0000:00:00 00:00:00",
                offset="+08:00",
                lat_ref="N",
                lat=(IFDRational(36, 1), IFDRational(1, 0), IFDRational(0, 1)),
                lon_ref="X",
                lon=dms(115, 26, 3588),
            ),
            None,
            None,
            None,
            {"OffsetTimeOriginal": "+08:00"},
            id="bad-values",
        ),
        pytest.param(
            make_exif(
                original="not a date",
                lat=dms(36, 28, 5988),
                lon_ref="E",
                lon=dms(195, 0, 0),
            ),
            None,
            None,
            None,
            {"DateTimeOriginal": "not a date", "GPSLongitude": "195, 0, 0"},
            id="partial-and-out-of-range",
        ),
        pytest.param(
            make_exif(original="2024:05:06 14:30:00", offset="+8"),
            dt.datetime(2024, 5, 6, 14, 30),
            None,
            None,
            {"OffsetTimeOriginal": "+8"},
            id="bad-offset-stays-naive",
        ),
    ],
)
def test_exif_evidence(exif, taken_at, lat, lon, evidence):
    data = jpeg(exif=exif)
    result = process(data)
    assert result.exif_taken_at == taken_at
    if taken_at is not None:
        assert (result.exif_taken_at.tzinfo is None) == (taken_at.tzinfo is None)
    assert result.exif_lat == lat and result.exif_lon == lon
    if lat is not None:
        assert result.exif_lat.as_tuple().exponent == -6
    for key, value in evidence.items():
        assert result.exif[key] == value
    if not evidence:
        assert result.exif == {}
    assert all(isinstance(v, str) for v in result.exif.values())
    assert (result.sha256, result.byte_size, result.mime) == (
        hashlib.sha256(data).hexdigest(),
        len(data),
        "image/jpeg",
    )


def test_exif_from_png_and_webp():
    # Pillow writes no eXIf chunk for a PNG when the base IFD is empty, hence Make.
    exif = make_exif(
        make="Apple", original="2024:05:06 14:30:00", lat_ref="N", lat=dms(36, 28, 5988)
    )
    for fmt in ("PNG", "WEBP"):
        result = process(encode(Image.new("RGB", (20, 10)), fmt, exif=exif))
        assert result.exif_taken_at == dt.datetime(2024, 5, 6, 14, 30)
        assert result.exif_lat == Decimal("36.483300")
        assert result.exif["Make"] == "Apple"


# Pillow warns about the corrupt block while reading it; pytest would make that an error,
# a server only logs it.
@pytest.mark.filterwarnings("ignore::UserWarning")
def test_garbage_exif_block_never_raises():
    broken = b"Exif\x00\x00MM\x00*\x00\x00\x00\x08\x00\x05" + bytes(range(60))
    result = process(jpeg(exif=broken))
    assert (result.exif_taken_at, result.exif_lat, result.exif_lon) == (None, None, None)


# --- display copy and thumbnail -----------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "mime", "display_mime", "display_mode"),
    [
        pytest.param(
            jpeg(
                exif=make_exif(
                    make="Apple",
                    original="2024:05:06 14:30:00",
                    lat_ref="N",
                    lat=dms(36, 28, 5988),
                    lon_ref="E",
                    lon=dms(115, 26, 3588),
                    orientation=1,
                ),
                comment=b"taken at the plant",
                icc_profile=ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes(),
            ),
            "image/jpeg",
            "image/jpeg",
            "RGB",
            id="jpeg-exif-gps-comment-icc",
        ),
        pytest.param(
            encode(
                Image.new("RGB", (40, 30), RED),
                "PNG",
                exif=make_exif(make="Apple", lat_ref="S", lat=dms(1, 2, 3)),
            ),
            "image/png",
            "image/jpeg",
            "RGB",
            id="png-opaque-with-exif",
        ),
        pytest.param(
            encode(
                Image.new("RGBA", (40, 30), (255, 0, 0, 128)),
                "PNG",
                exif=make_exif(make="Apple", lat_ref="N", lat=dms(1, 2, 3)),
            ),
            "image/png",
            "image/png",
            "RGBA",
            id="png-alpha-signature",
        ),
        pytest.param(
            encode(Image.new("RGBA", (40, 30), (255, 0, 0, 255)), "PNG"),
            "image/png",
            "image/jpeg",
            "RGB",
            id="png-rgba-but-opaque",
        ),
        pytest.param(
            encode(Image.new("P", (40, 30)), "PNG", transparency=0),
            "image/png",
            "image/png",
            "RGBA",
            id="png-palette-transparent",
        ),
        pytest.param(
            encode(Image.new("LA", (40, 30), (90, 10)), "PNG"),
            "image/png",
            "image/png",
            "RGBA",
            id="png-grey-alpha",
        ),
        pytest.param(
            encode(Image.new("I;16", (40, 30), 40_000), "PNG"),
            "image/png",
            "image/jpeg",
            "RGB",
            id="png-16-bit-grey",
        ),
        pytest.param(
            encode(Image.new("RGB", (40, 30), BLUE), "WEBP", exif=make_exif(make="Huawei")),
            "image/webp",
            "image/jpeg",
            "RGB",
            id="webp",
        ),
        pytest.param(
            encode(Image.new("RGBA", (40, 30), (0, 0, 255, 0)), "WEBP", lossless=True),
            "image/webp",
            "image/png",
            "RGBA",
            id="webp-alpha",
        ),
        pytest.param(
            encode(Image.new("CMYK", (40, 30), (0, 200, 200, 0)), "JPEG"),
            "image/jpeg",
            "image/jpeg",
            "RGB",
            id="jpeg-cmyk",
        ),
        pytest.param(
            encode(Image.new("L", (40, 30), 70), "JPEG"),
            "image/jpeg",
            "image/jpeg",
            "RGB",
            id="jpeg-grey",
        ),
    ],
)
def test_copies_carry_no_metadata(data, mime, display_mime, display_mode):
    result = process(data)
    assert result.mime == mime
    if b"Apple" in data or b"Huawei" in data:  # the source really carries EXIF
        assert result.exif["Make"] in ("Apple", "Huawei")
    assert result.display_mime == result.thumbnail_mime == display_mime
    for copy in (result.display, result.thumbnail):
        assert sniff(copy) == display_mime
        img = reopen(copy)
        assert img.mode == display_mode
        assert dict(img.getexif()) == {}
        for key in ("exif", "icc_profile", "comment", "xmp", "XML:com.adobe.xmp"):
            assert key not in img.info
        assert b"Exif" not in copy and b"Apple" not in copy and b"Huawei" not in copy


@pytest.mark.parametrize(
    ("size", "options", "display_size", "thumb_size"),
    [
        ((4000, 3000), {}, (2000, 1500), (320, 240)),
        ((3000, 4000), {}, (1500, 2000), (240, 320)),
        ((2000, 1000), {}, (2000, 1000), (320, 160)),
        ((100, 80), {}, (100, 80), (100, 80)),
        ((1200, 900), {"display_edge": 600, "thumb_edge": 60}, (600, 450), (60, 45)),
        ((300, 40), {"thumb_edge": 150}, (300, 40), (150, 20)),
    ],
)
@pytest.mark.parametrize("fmt", ["JPEG", "PNG"])
def test_long_edge_limits_without_upscaling(fmt, size, options, display_size, thumb_size):
    data = encode(Image.new("RGB", size, (10, 120, 30)), fmt)
    result = process(data, **options)
    assert (result.width, result.height) == size
    assert reopen(result.display).size == display_size
    assert reopen(result.thumbnail).size == thumb_size


def marked(size=(400, 300)) -> Image.Image:
    """Blue, with a red block in the top-left corner as stored."""
    img = Image.new("RGB", size, BLUE)
    img.paste(RED, (0, 0, 80, 60))
    return img


@pytest.mark.parametrize(
    ("orientation", "size", "red_corner"),
    [
        (1, (400, 300), "top-left"),
        (3, (400, 300), "bottom-right"),
        (6, (300, 400), "top-right"),
        (8, (300, 400), "bottom-left"),
        (None, (400, 300), "top-left"),
        (9, (400, 300), "top-left"),  # invalid: left as stored
    ],
)
def test_orientation_is_applied(orientation, size, red_corner):
    data = encode(marked(), "JPEG", quality=95, exif=make_exif(orientation=orientation))
    result = process(data, display_edge=400, thumb_edge=100)
    assert (result.width, result.height) == size
    for copy in (result.display, result.thumbnail):
        img = reopen(copy).convert("RGB")
        assert img.size[0] / img.size[1] == size[0] / size[1]
        assert dict(img.getexif()) == {}
        w, h = img.size
        corners = {
            "top-left": (2, 2),
            "top-right": (w - 3, 2),
            "bottom-left": (2, h - 3),
            "bottom-right": (w - 3, h - 3),
        }
        for name, point in corners.items():
            r, _g, b = img.getpixel(point)
            assert (r > 200 and b < 60) == (name == red_corner), (name, img.getpixel(point))


def test_sha256_and_size_are_of_the_bytes_as_received():
    data = jpeg((4000, 3000), exif=make_exif(orientation=6, make="Apple"))
    result = process(data)
    assert isinstance(result, Processed)
    assert result.sha256 == hashlib.sha256(data).hexdigest()
    assert result.byte_size == len(data)
    assert (result.width, result.height) == (3000, 4000)
    assert reopen(result.display).size == (1500, 2000)
    assert reopen(result.thumbnail).size == (240, 320)
    with pytest.raises(AttributeError):
        result.width = 1  # frozen
