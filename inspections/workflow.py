"""Inspection use cases: create, save an answer (the Sync rules of interfaces.md), submit.

Each function validates, mutates and flushes; the caller commits once.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid as uuidlib
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

import sqlalchemy as sa
from flask import current_app
from flask_babel import gettext as _

from checklists import builder, scoring
from checklists.accounts.models import Organisation, User, utcnow
from checklists.errors import InputError
from checklists.extensions import db
from checklists.models import ChecklistTemplate, TemplateItem, TemplateStatus
from inspections import photos as photo_checks
from inspections import storage
from inspections.models import Answer, Inspection, InspectionStatus, Photo, PhotoKind


class Conflict(Exception):
    """A write the current state refuses (409). ``code``: ``submitted`` or ``id_reused``."""

    def __init__(self, code: str, message: str) -> None:
        self.code = code
        self.message = message
        super().__init__(message)


def create_inspection(
    template: ChecklistTemplate,
    organisation: Organisation,
    user: User | None,
    *,
    uuid: str | None = None,
    planned_on: dt.date | None = None,
    inspectors: list[User] | None = None,
) -> tuple[Inspection, bool]:
    """A new inspection pinned to ``template`` (a published version). The same ``uuid`` again
    returns the existing inspection and False (a retried create makes no duplicate)."""
    if uuid:
        try:
            uuid = str(uuidlib.UUID(uuid))
        except ValueError as exc:
            raise InputError({"uuid": _("Not a UUID.")}) from exc
        existing = db.session.scalar(sa.select(Inspection).where(Inspection.uuid == uuid))
        if existing is not None:
            return existing, False
    if template.status != TemplateStatus.PUBLISHED:
        raise InputError({"template_id": _("Only a published template can be used.")})
    inspection = Inspection(
        uuid=uuid or str(uuidlib.uuid4()),
        template=template,
        organisation=organisation,
        planned_on=planned_on,
        created_by=user,
        inspectors=list(inspectors or ([user] if user is not None else [])),
    )
    db.session.add(inspection)
    db.session.flush()
    return inspection, True


def load_by_uuid(key: str) -> Inspection | None:
    return db.session.scalar(sa.select(Inspection).where(Inspection.uuid == key))


@dataclass
class Saved:
    """What ``save_answer`` did: the stored write, whether it was new, and the item's current
    answer afterwards (which may be another write with a later ``answered_at``)."""

    answer: Answer
    created: bool
    current: Answer


def _content_hash(value: Any, unit: str | None, note: str, answered_at: dt.datetime) -> str:
    body = json.dumps(
        [value, unit, note, answered_at.astimezone(dt.UTC).isoformat()],
        ensure_ascii=False,
        sort_keys=True,
        default=str,
    )
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def _json_value(value: Any) -> Any:
    """A parsed value as stored: Decimals as canonical strings, dates ISO, lists as lists."""
    if isinstance(value, (list, tuple)):
        return [_json_value(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    if value is None or isinstance(value, (str, bool, int)):
        return value
    return scoring.format_decimal(value)


def save_answer(
    inspection: Inspection,
    item_id: int,
    value: Any,
    user: User | None,
    *,
    unit: str | None = None,
    note: str = "",
    answered_at: dt.datetime | None = None,
    client_id: str | None = None,
) -> Saved:
    """Store one answer write, following the Sync rules: the same ``client_id`` with the same
    content returns the stored write (also after submission); with other content it is a
    Conflict ``id_reused``; after submission any new write is a Conflict ``submitted``. The
    item's latest ``answered_at`` is current (ties: the later arrival)."""
    answered_at = answered_at or utcnow()
    if answered_at.tzinfo is None:
        raise InputError({"answered_at": _("Give the time with its offset (+08:00).")})
    answered_at = answered_at.astimezone(dt.UTC)  # SQLite keeps no offset: store UTC
    note = (note or "").strip()
    if client_id is not None and (not client_id or len(client_id) > 64):
        raise InputError({"client_id": _("At most %(n)s characters.", n=64)})
    item = db.session.get(TemplateItem, item_id)
    if item is None or item.template_id != inspection.template_id:
        raise InputError({"item_id": _("This item is not in the inspection's template.")})
    spec = builder.item_spec(item)
    try:
        parsed = scoring.parse_value(spec, value, unit)
    except scoring.AnswerError as exc:
        raise InputError({"value": exc.message}) from exc
    stored_value = _json_value(parsed)
    content = _content_hash(stored_value, unit, note, answered_at)
    if client_id is not None:
        earlier = db.session.scalar(
            sa.select(Answer).where(
                Answer.inspection_id == inspection.id, Answer.client_id == client_id
            )
        )
        if earlier is not None:
            if earlier.content_hash != content or earlier.item_id != item.id:
                raise Conflict("id_reused", _("This client_id was used for another answer."))
            return Saved(earlier, False, _current(inspection, item.id))
    _require_open(inspection)
    judged = scoring.evaluate(spec, scoring.Answer(parsed, unit, photos=1))
    others = db.session.scalars(
        sa.select(Answer).where(Answer.inspection_id == inspection.id, Answer.item_id == item.id)
    ).all()
    answer = Answer(
        inspection=inspection,
        item=item,
        client_id=client_id,
        content_hash=content,
        value=stored_value,
        unit=unit,
        note=note,
        answered_at=answered_at,
        answered_by=user,
        revision=inspection.revision,
        result=judged.result,
        reason=judged.reason,
    )
    latest = max((o.answered_at for o in others), default=None)
    answer.current = latest is None or _aware(answered_at) >= _aware(latest)
    if answer.current:
        for other in others:
            other.current = False
    if inspection.status == InspectionStatus.PLANNED:
        inspection.status = InspectionStatus.IN_PROGRESS
    db.session.add(answer)
    db.session.flush()
    return Saved(answer, not others, answer if answer.current else _current(inspection, item.id))


def _require_open(inspection: Inspection) -> None:
    if not inspection.is_open:
        raise Conflict(
            "submitted",
            _("The inspection was submitted; it can change only after a supervisor returns it."),
        )


def _aware(moment: dt.datetime) -> dt.datetime:
    """SQLite hands back naive UTC; PostgreSQL aware times."""
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _current(inspection: Inspection, item_id: int) -> Answer:
    return db.session.scalar(
        sa.select(Answer).where(
            Answer.inspection_id == inspection.id, Answer.item_id == item_id, Answer.current
        )
    )


def score_inspection(inspection: Inspection, as_of: dt.date) -> scoring.Summary:
    """The engine's summary of the current answers, with each item's photo count (a photo
    item's photos are its answer)."""
    spec = builder.template_spec(inspection.template)
    photos = inspection.photo_counts()
    answers: dict[int, scoring.Answer] = {
        a.item_id: scoring.Answer(a.value, a.unit, photos=photos.get(a.item_id, 0))
        for a in inspection.answers
        if a.current
    }
    for item in spec.items:
        if item.answer_type == "photo" and item.id not in answers and photos.get(item.id):
            answers[item.id] = scoring.Answer(photos[item.id], None, photos=photos[item.id])
    return scoring.score(spec, answers, as_of=as_of)


def progress(inspection: Inspection) -> tuple[int, int]:
    """(required items answered, required items) for the progress bar."""
    answered = set(inspection.current_answers())
    photos = inspection.photo_counts()
    required = [i for i in inspection.template.ordered_items() if i.required]
    done = sum(
        1 for i in required if i.id in answered or (i.answer_type == "photo" and photos.get(i.id))
    )
    return done, len(required)


def submit(inspection: Inspection, user: User | None, as_of: dt.date) -> scoring.Summary:
    """Score and close an inspection. Missing required items → InputError listing them; a
    repeated submit returns the stored result."""
    summary = score_inspection(inspection, as_of)
    if not inspection.is_open:
        return summary
    if not summary.complete:
        numbers = inspection.template.item_numbers()
        raise InputError(
            {
                f"item_{item_id}": _(
                    "Item %(n)s: %(why)s",
                    n=numbers.get(item_id, item_id),
                    why=_("not answered") if code == "unanswered" else _("needs a photo"),
                )
                for item_id, code in summary.missing
            },
            _("Some required items are missing."),
        )
    inspection.status = InspectionStatus.SUBMITTED
    inspection.submitted_at = utcnow()
    inspection.score = summary.score
    inspection.verdict = summary.verdict
    inspection.grade = summary.grade
    inspection.summary = summary.to_dict()
    db.session.flush()
    return summary


def return_for_correction(inspection: Inspection, user: User | None, comment: str) -> None:
    """A supervisor sends a submitted inspection back: answers may change again, as a new
    revision; the earlier answers and scores stay in the history."""
    comment = (comment or "").strip()
    if not comment:
        raise InputError({"comment": _("Say what needs correcting.")})
    if inspection.status != InspectionStatus.SUBMITTED:
        raise Conflict("not_submitted", _("Only a submitted inspection can be returned."))
    inspection.status = InspectionStatus.RETURNED
    inspection.revision += 1
    inspection.return_comment = comment[:2000]
    inspection.returned_at = utcnow()
    inspection.score = inspection.verdict = inspection.grade = None
    db.session.flush()


def _coordinate(data: dict[str, Any], name: str, limit: int, errors: dict[str, str]) -> Any:
    raw = data.get(name)
    if raw in (None, ""):
        return None
    try:
        value = Decimal(str(raw))
    except InvalidOperation:
        errors[name] = _("Must be a number.")
        return None
    if not value.is_finite() or abs(value) > limit:
        errors[name] = _("Must be between -%(n)s and %(n)s.", n=limit)
        return None
    return value.quantize(Decimal("0.000001"))


def update_inspection(inspection: Inspection, data: dict[str, Any]) -> None:
    """PATCH: ``location`` {lat, lon, accuracy}, ``planned_on``, ``project``."""
    errors: dict[str, str] = {}
    changes: dict[str, Any] = {}
    if "location" in data:
        where = data["location"]
        if where is None:
            changes.update(lat=None, lon=None, accuracy=None)
        elif not isinstance(where, dict):
            errors["location"] = _("Give an object with lat, lon and accuracy.")
        else:
            lat = _coordinate(where, "lat", 90, errors)
            lon = _coordinate(where, "lon", 180, errors)
            accuracy = _coordinate(where, "accuracy", 100000, errors)
            if lat is None or lon is None:
                errors.setdefault("lat", _("This field is required."))
            else:
                changes.update(
                    lat=lat,
                    lon=lon,
                    accuracy=None if accuracy is None else abs(accuracy).quantize(Decimal("0.1")),
                )
        errors = {
            ("location." + k if k in ("lat", "lon", "accuracy") else k): v
            for k, v in errors.items()
        }
    if "planned_on" in data:
        raw = data["planned_on"]
        try:
            changes["planned_on"] = dt.date.fromisoformat(raw) if raw else None
        except (TypeError, ValueError):
            errors["planned_on"] = _("Give a date as YYYY-MM-DD.")
    if "project" in data:
        if not isinstance(data["project"], str) or len(data["project"]) > 200:
            errors["project"] = _("Must be text of at most %(n)d characters.", n=200)
        else:
            changes["project"] = data["project"].strip()
    unknown = set(data) - {"location", "planned_on", "project"}
    for name in sorted(unknown):
        errors[name] = _("This field cannot be changed here.")
    if errors:
        raise InputError(errors)
    _require_open(inspection)
    for name, value in changes.items():
        setattr(inspection, name, value)
    db.session.flush()


def _moment(raw: Any, name: str) -> dt.datetime | None:
    if raw in (None, ""):
        return None
    try:
        moment = dt.datetime.fromisoformat(str(raw).replace("Z", "+00:00"))
    except ValueError as exc:
        raise InputError({name: _("Give a date and time as ISO 8601.")}) from exc
    if moment.tzinfo is None:
        # A photo's EXIF time has no zone: it is the phone's local time, the service's zone.
        moment = moment.replace(tzinfo=dt.timezone(dt.timedelta(hours=8)))
    return moment.astimezone(dt.UTC)


def add_photo(
    inspection: Inspection,
    data: bytes,
    user: User | None,
    *,
    item_id: int | None = None,
    kind: str = PhotoKind.ITEM,
    taken_at: Any = None,
    lat: Any = None,
    lon: Any = None,
) -> tuple[Photo, bool]:
    """Store a photo or signature. The same bytes again return the stored record and False
    (also after submission). Bad files raise photos.PhotoError; nothing is stored then."""
    sha = hashlib.sha256(data).hexdigest()
    existing = db.session.scalar(
        sa.select(Photo).where(Photo.inspection_id == inspection.id, Photo.sha256 == sha)
    )
    if existing is not None:
        return existing, False
    try:
        kind = PhotoKind(kind or PhotoKind.ITEM)
    except ValueError as exc:
        raise InputError(
            {"kind": _("One of: %(allowed)s.", allowed=", ".join(k.value for k in PhotoKind))}
        ) from exc
    item = None
    if kind == PhotoKind.ITEM:
        item = db.session.get(TemplateItem, item_id) if item_id else None
        if item is None or item.template_id != inspection.template_id:
            raise InputError({"item_id": _("This item is not in the inspection's template.")})
    errors: dict[str, str] = {}
    where = {"lat": lat, "lon": lon}
    lat_value = _coordinate(where, "lat", 90, errors)
    lon_value = _coordinate(where, "lon", 180, errors)
    if errors:
        raise InputError(errors)
    taken = _moment(taken_at, "taken_at")
    _require_open(inspection)
    config = current_app.config
    processed = photo_checks.process(
        data, max_bytes=config["PHOTO_MAX_BYTES"], max_pixels=config["PHOTO_MAX_PIXELS"]
    )
    storage.save(sha, data, processed.display, processed.thumbnail)
    photo = Photo(
        inspection=inspection,
        item=item,
        kind=kind,
        sha256=sha,
        mime=processed.mime,
        display_mime=processed.display_mime,
        width=processed.width,
        height=processed.height,
        byte_size=processed.byte_size,
        taken_at=taken,
        lat=lat_value,
        lon=lon_value,
        exif_taken_at=_aware_local(processed.exif_taken_at),
        exif_lat=processed.exif_lat,
        exif_lon=processed.exif_lon,
        exif=processed.exif,
        uploaded_by=user,
        revision=inspection.revision,
    )
    if inspection.status == InspectionStatus.PLANNED:
        inspection.status = InspectionStatus.IN_PROGRESS
    db.session.add(photo)
    db.session.flush()
    return photo, True


def _aware_local(moment: dt.datetime | None) -> dt.datetime | None:
    """An EXIF time in UTC (a time without offset is the service's zone, +08:00)."""
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone(dt.timedelta(hours=8)))
    return moment.astimezone(dt.UTC)
