"""The copies of an inspection photo people see, with their 水印 (``watermark`` draws it).

A photo of an item is shown stamped: time, place (the site's or organisation's address and
the photo's GPS position), inspector and organisation. ``shown_key`` gives the stamped display
copy or thumbnail, drawn from the plain copy the first time it is asked for and kept in the
blob store beside the original (``<sha>.show-<tag>``, ``<sha>.thumb-<tag>``; the tag names the
stamp, so a changed fact makes a new copy and the old one is simply no longer asked for). The
original, the evidence, is never touched, nor are the plain copies, which findings' files
sharing the same bytes still show. A signature is shown as it is: a band across it would hide
it.

Cached rather than drawn for each request: a 2000 px display copy takes about 100 ms to decode,
stamp and encode (a 320 px thumbnail about 8 ms); a stored copy is sent by the web server.
"""

from __future__ import annotations

from flask import current_app

from checklists.core import storage
from inspections.filling import watermark
from inspections.filling.models import Photo, PhotoKind


def is_stamped(photo: Photo) -> bool:
    return photo.kind == PhotoKind.ITEM


def facts(photo: Photo) -> watermark.StampFacts:
    """What the stamp says: the device's time and place, else the file's EXIF ones. An
    annotated copy says what its original says (it shows the same moment)."""
    photo = photo.annotates or photo
    inspection = photo.inspection
    site = inspection.site
    address = (site.address if site is not None else "") or inspection.organisation.address
    if photo.uploaded_by is not None:
        inspector = photo.uploaded_by.name
    else:  # uploaded before uploaders were recorded: the inspection's inspectors
        inspector = "、".join(user.name for user in inspection.inspectors)
    device_place = photo.lat is not None and photo.lon is not None
    return watermark.StampFacts(
        organisation=inspection.organisation.name,
        address=address,
        inspector=inspector,
        taken_at=photo.taken_at,
        exif_taken_at=photo.exif_taken_at,
        uploaded_at=photo.uploaded_at,
        lat=photo.lat if device_place else photo.exif_lat,
        lon=photo.lon if device_place else photo.exif_lon,
    )


def lines(photo: Photo) -> list[str]:
    zone = current_app.config.get("BABEL_DEFAULT_TIMEZONE") or "Asia/Shanghai"
    return watermark.stamp_lines(facts(photo), zone)


def stamp_tag(photo: Photo) -> str:
    """The tag of the photo's stamp as it is now; "" for a signature (not stamped)."""
    return watermark.tag(lines(photo)) if is_stamped(photo) else ""


def shown_key(photo: Photo, variant: str) -> tuple[str, str]:
    """(blob key, stamp tag) of the copy people see of ``photo`` (``variant``: ``show`` or
    ``thumb``): the stamped copy, drawn and stored first if it is not stored yet; for a
    signature the plain copy and "". BlobNotFound when the plain copy is lost."""
    plain = storage.variant_key(photo.sha256, variant)
    if not is_stamped(photo):
        return plain, ""
    stamp = lines(photo)
    tag = watermark.tag(stamp)
    key = storage.variant_key(photo.sha256, variant, tag)
    store = storage.blob_store()
    if not store.exists(key):
        with store.open(plain) as handle:
            data = handle.read()
        store.put(watermark.draw(data, photo.display_mime or "image/jpeg", stamp), key=key)
    return key, tag


def shown_bytes(photo: Photo, variant: str) -> bytes:
    """The bytes of the copy people see (for pages that embed them: the PDF report)."""
    key, _tag = shown_key(photo, variant)
    with storage.blob_store().open(key) as handle:
        return handle.read()
