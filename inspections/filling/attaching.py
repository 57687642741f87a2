"""Photos and signatures attached to an inspection: each file stored once (``evidence``),
linked to an item (in an instance of a repeated section) or as a signature, a resend answered
with the stored link, an annotated copy linked to its original. The inspection's lock and
state come from ``workflow``.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import sqlalchemy as sa
from flask_babel import gettext as _

from checklists.accounts.models import User
from checklists.authoring.models import TemplateItem
from checklists.core import storage
from checklists.core.errors import InputError
from checklists.core.extensions import db
from inspections.filling import evidence, repeats
from inspections.filling.evidence import Evidence
from inspections.filling.models import Inspection, InspectionStatus, Photo, PhotoKind
from inspections.filling.workflow import compiled_item, coordinate, lock, require_open


def add_photo(
    inspection: Inspection,
    data: bytes,
    user: User | None,
    *,
    item_id: int | None = None,
    kind: PhotoKind = PhotoKind.ITEM,
    taken_at: dt.datetime | None = None,
    lat: Decimal | None = None,
    lon: Decimal | None = None,
    instance: str | None = None,
    annotates: str | None = None,
) -> tuple[Photo, bool]:
    """Attach a photo to an item, or a signature. The file is stored once (``evidence``),
    however many items and signatures use it: the same bytes for another item or as a
    signature are a new link; the same bytes again for the same item (or signature kind)
    return the stored link and False (also after submission). ``taken_at``, ``lat`` and
    ``lon`` are the device's (the API's schema checked their ranges). Bad files raise
    photos.PhotoError; nothing is stored then. ``instance``: for an item of a repeated
    section, its instance's key (an instance not yet known is added, as for answers).

    ``annotates``: the photo is an annotated copy (marks drawn on the phone) of the original
    with this SHA-256, a photo of the same item and instance (none given: the original's) in
    this inspection; it is linked to it and takes the original's time and place unless the
    device gives its own. The original is untouched and stays the evidence; a second copy of
    the same original is another link (the latest is shown). No such original → InputError
    ``annotates``."""
    if kind != PhotoKind.ITEM:
        item_id = instance = None
    instance = instance or ""
    item = original = None
    if kind == PhotoKind.ITEM:
        item = db.session.get(TemplateItem, item_id) if item_id else None
        if item is None or item.template_id != inspection.template_id:
            raise InputError({"item_id": _("This item is not in the inspection's template.")})
        spec = compiled_item(inspection.template_id, item.id).spec
        instance = repeats.checked_instance(spec, instance)
        if annotates:
            original = _original(inspection, annotates, item.id, instance)
            instance = original.instance
            taken_at = taken_at or original.taken_at
            if lat is None or lon is None:
                lat, lon = original.lat, original.lon
    elif annotates:
        require_open(inspection)
        raise InputError({"annotates": _("Only a photo of an item can be annotated.")})
    sha = storage.key_of(data)
    existing = _stored_photo(inspection, sha, item_id, kind, instance)
    if existing is not None:
        return _resent(inspection, existing, original), False
    require_open(inspection)
    received = evidence.ingest(data)
    # The checks above ran without the lock (Pillow is slow); decide under it: the same link
    # may have been made meanwhile, or the inspection been submitted.
    lock(inspection)
    if item is not None and spec.repeat is not None and not instance:
        instance = repeats.default_instance(inspection, spec)
    existing = _stored_photo(inspection, sha, item_id, kind, instance)
    if existing is not None:
        return _resent(inspection, existing, original), False
    require_open(inspection)
    if instance:
        repeats.ensure_instance(inspection, spec, instance, user)
    photo = Photo(
        inspection=inspection,
        item=item,
        instance=instance,
        kind=kind,
        evidence=evidence.record(received),
        taken_at=taken_at,
        lat=coordinate(lat),
        lon=coordinate(lon),
        uploaded_by=user,
        revision=inspection.revision,
        annotates=original,
    )
    if inspection.status == InspectionStatus.PLANNED:
        inspection.status = InspectionStatus.IN_PROGRESS
    db.session.add(photo)
    db.session.flush()
    return photo, True


def _original(inspection: Inspection, sha: str, item_id: int, instance: str) -> Photo:
    """The original an annotated copy names by its SHA-256: a photo of item ``item_id`` in
    ``instance`` ("": any) of this inspection, not itself an annotated copy. InputError
    ``annotates`` (saying what is wrong) when there is none; a closed inspection's Conflict
    ``submitted`` comes first, its state being the first thing wrong."""
    found = db.session.scalars(
        sa.select(Photo)
        .join(Photo.evidence)
        .where(
            Photo.inspection_id == inspection.id,
            Evidence.sha256 == sha,
            Photo.kind == PhotoKind.ITEM,
        )
        .order_by(Photo.id)
    ).all()
    here = [p for p in found if p.item_id == item_id and instance in ("", p.instance)]
    for photo in here:
        if photo.annotates_id is None:
            return photo
    if here:
        why = _("This photo is itself an annotated copy: annotate its original.")
    elif found:
        why = _(
            "The original is a photo of another item or instance: an annotated copy goes with "
            "its original's item."
        )
    else:
        why = _("No photo with this SHA-256 in the inspection: send the original first.")
    require_open(inspection)
    raise InputError({"annotates": why})


def _resent(inspection: Inspection, stored: Photo, original: Photo | None) -> Photo:
    """The stored link of bytes sent again for the same item: a resend, unless the request
    names an original the stored link is no annotated copy of (InputError ``annotates``)."""
    if original is None or stored.annotates_id == original.id:
        return stored
    require_open(inspection)
    raise InputError(
        {"annotates": _("These bytes are stored already as another photo of this item.")}
    )


def _stored_photo(
    inspection: Inspection, sha: str, item_id: int | None, kind: PhotoKind, instance: str = ""
) -> Photo | None:
    """The link of these bytes to this item (in this instance; or as this signature), if there
    is one."""
    return db.session.scalar(
        sa.select(Photo)
        .join(Photo.evidence)
        .where(
            Photo.inspection_id == inspection.id,
            Evidence.sha256 == sha,
            Photo.kind == kind,
            Photo.item_id.is_(None) if item_id is None else Photo.item_id == item_id,
            Photo.instance == instance,
        )
    )
