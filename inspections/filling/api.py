"""Inspections in the JSON API (``/api/v1/inspections``): create, list, show, locate, answer,
photograph, submit and return. The Sync rules of interfaces.md live in ``workflow``.
"""

from __future__ import annotations

import datetime as dt
import uuid as uuidlib
from typing import Any

import sqlalchemy as sa
from flask import jsonify, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from checklists.accounts.models import Organisation, Role, User
from checklists.accounts.permissions import visible_organisations
from checklists.authoring.models import ChecklistTemplate, TemplateStatus
from checklists.core.api import (
    ApiError,
    ApiRoutes,
    choice_arg,
    decimal_text,
    error_response,
    id_arg,
    iso_date,
    iso_time,
    json_body,
    refuse_unless_ok,
)
from checklists.core.api import (
    legacy_paginate as paginate,
)
from checklists.core.clock import local_today
from checklists.core.errors import InputError
from checklists.core.extensions import db
from inspections.filling import hooks, openapi, workflow
from inspections.filling.models import Answer, Inspection, InspectionStatus, Photo
from inspections.filling.permissions import can_create, checked, visible_inspections
from inspections.filling.photos import PhotoError

routes = ApiRoutes(paths=openapi.PATHS, schemas=openapi.SCHEMAS)


@routes.errorhandler(PhotoError)
def _photo_error(exc: PhotoError):
    return error_response(ApiError(exc.status, exc.code, exc.message, {"file": exc.message}))


def load(key: Any, *, fill: bool = False, review: bool = False) -> Inspection:
    """The inspection ``key`` if the user may see it (else 404); 403 when they may see it but
    not change it as asked."""
    found, status = checked(current_user, key, fill=fill, review=review)
    refuse_unless_ok(status)
    return found


def photo_json(photo: Photo) -> dict[str, Any]:
    key = photo.inspection.uuid
    return {
        "id": photo.id,
        "sha256": photo.sha256,
        "kind": str(photo.kind),
        "item_id": photo.item_id,
        "width": photo.width,
        "height": photo.height,
        "byte_size": photo.byte_size,
        "taken_at": iso_time(photo.taken_at),
        "lat": decimal_text(photo.lat),
        "lon": decimal_text(photo.lon),
        "exif_taken_at": iso_time(photo.exif_taken_at),
        "exif_lat": decimal_text(photo.exif_lat),
        "exif_lon": decimal_text(photo.exif_lon),
        "uploaded_at": iso_time(photo.uploaded_at),
        "url": url_for("inspections.photo_file", key=key, photo_id=photo.id, variant="show"),
        "thumbnail_url": url_for(
            "inspections.photo_file", key=key, photo_id=photo.id, variant="thumb"
        ),
    }


def answer_json(answer: Answer | None) -> dict[str, Any] | None:
    if answer is None:
        return None
    return {
        "value": answer.value,
        "unit": answer.unit,
        "note": answer.note,
        "answered_at": iso_time(answer.answered_at),
        "answered_by": answer.answered_by_id,
        "client_id": answer.client_id,
        "revision": answer.revision,
        # "ahead": the device's clock ran ahead (stored as received); "before_inspection".
        "clock_flag": answer.clock_flag,
    }


def inspection_head(inspection: Inspection) -> dict[str, Any]:
    """The fields of a list entry."""
    return {
        "uuid": inspection.uuid,
        "status": str(inspection.status),
        "revision": inspection.revision,
        "organisation_id": inspection.organisation_id,
        "organisation": inspection.organisation.name,
        "site_id": inspection.site_id,
        "project": inspection.project,
        "planned_on": iso_date(inspection.planned_on),
        "template": {
            "id": inspection.template_id,
            "version": inspection.template.version,
            "name": inspection.template.name,
        },
        "inspectors": [u.id for u in inspection.inspectors],
        "created_at": iso_time(inspection.created_at),
        "submitted_at": iso_time(inspection.submitted_at),
        "score": None if inspection.score is None else str(inspection.score),
        "verdict": inspection.verdict,
        "grade": inspection.grade,
        "return_comment": inspection.return_comment,
    }


def inspection_json(inspection: Inspection) -> dict[str, Any]:
    summary = workflow.summary_of(inspection, local_today())
    results = {r["item_id"]: r for r in summary["items"]}
    current = inspection.current_answers()
    photos: dict[int, list[str]] = {}
    for photo in inspection.photos:
        if photo.item_id is not None:
            photos.setdefault(photo.item_id, []).append(photo.sha256)
    history: dict[int, int] = {}
    for a in inspection.answers:
        history[a.item_id] = history.get(a.item_id, 0) + 1
    disputed = workflow.conflicts(inspection)
    ordered = inspection.template.ordered_items()
    items = []
    for item in ordered:
        result = results.get(item.id, {})
        items.append(
            {
                "item_id": item.id,
                "clause_key": item.clause_key,
                "citation": item.citation,
                "answer": answer_json(current.get(item.id)),
                "result": result.get("result", "unanswered"),
                "reason": result.get("reason", ""),
                "photos": photos.get(item.id, []),
                "writes": history.get(item.id, 0),
                "conflict": item.id in disputed,
            }
        )
    done, required = workflow.progress(inspection)
    return {
        **inspection_head(inspection),
        "location": None
        if inspection.lat is None
        else {
            "lat": decimal_text(inspection.lat),
            "lon": decimal_text(inspection.lon),
            "accuracy": decimal_text(inspection.accuracy),
        },
        "progress": {"answered": done, "required": required},
        "complete": summary["complete"],
        "missing": summary["missing"],
        "explanation": summary["explanation"],
        "sections": [
            {"title": s["title"], "score": s["score"], "counts": s["counts"]}
            for s in summary["sections"]
        ],
        "items": items,
        "photos": [photo_json(p) for p in inspection.photos],
        # What later features add (the findings: their summaries, see inspection_findings).
        **hooks.collect(hooks.json_extra, inspection),
    }


@routes.route("/inspections")
def inspections():
    """The inspections this user may see; ``?status=&organisation_id=``."""
    query = visible_inspections(current_user).options(
        sa.orm.selectinload(Inspection.inspectors),
        sa.orm.joinedload(Inspection.template),
        sa.orm.joinedload(Inspection.organisation),
    )
    status = choice_arg("status", (s.value for s in InspectionStatus))
    if status:
        query = query.where(Inspection.status == status)
    org = id_arg("organisation_id")
    if org is not None:
        query = query.where(Inspection.organisation_id == org)
    return paginate(query.order_by(Inspection.id), inspection_head)


def _visible_org(raw: Any) -> Organisation | None:
    if not isinstance(raw, int) or isinstance(raw, bool):
        return None
    return db.session.scalar(visible_organisations(current_user).where(Organisation.id == raw))


@routes.route("/inspections", methods=["POST"])
def create_inspection():
    """Assign an inspection. The same ``uuid`` again answers 200 with the same inspection."""
    if not can_create(current_user):
        raise ApiError(403, "forbidden", _("Your role may not do this."))
    data = json_body(required=("uuid", "template_id", "organisation_id"))
    try:
        key = str(uuidlib.UUID(str(data["uuid"])))
    except ValueError:
        raise InputError({"uuid": _("Not a UUID.")}) from None
    existing = _by_uuid(key)
    if existing is not None:
        return _created_before(existing)
    errors: dict[str, str] = {}
    template = (
        db.session.get(ChecklistTemplate, data["template_id"])
        if isinstance(data["template_id"], int)
        else None
    )
    if template is None or template.status != TemplateStatus.PUBLISHED:
        errors["template_id"] = _("Choose a published template.")
    org = _visible_org(data["organisation_id"])
    if org is None:
        errors["organisation_id"] = _("No such organisation.")
    planned_on = None
    if data.get("planned_on"):
        try:
            planned_on = dt.date.fromisoformat(str(data["planned_on"]))
        except ValueError:
            errors["planned_on"] = _("Give a date as YYYY-MM-DD.")
    inspectors = inspectors_from(data.get("inspector_ids"), errors)
    if errors:
        raise InputError(errors)
    try:
        inspection, created = workflow.create_inspection(
            template, org, current_user, uuid=key, planned_on=planned_on, inspectors=inspectors
        )
        if not created:
            return _created_before(inspection)
        if isinstance(data.get("project"), str):
            inspection.project = data["project"].strip()[:200]
        db.session.commit()
    except sa.exc.IntegrityError:
        # A concurrent request (a retry of this one) created the same uuid first.
        db.session.rollback()
        existing = _by_uuid(key)
        if existing is None:
            raise
        return _created_before(existing)
    return jsonify(inspection_json(inspection)), 201


def _by_uuid(key: str) -> Inspection | None:
    return db.session.scalar(sa.select(Inspection).where(Inspection.uuid == key))


def _created_before(existing: Inspection):
    """A create repeated with a known uuid: 200 with the inspection if the user may see it."""
    visible = db.session.scalar(
        visible_inspections(current_user).where(Inspection.id == existing.id)
    )
    if visible is None:
        raise ApiError(409, "id_reused", _("This uuid belongs to another inspection."))
    return jsonify(inspection_json(existing)), 200


def inspectors_from(raw: Any, errors: dict[str, str]) -> list[User] | None:
    """The users to assign: inspectors may assign only themselves; supervisors any active
    inspector or supervisor. None: the creator."""
    if raw in (None, []):
        return None
    if not isinstance(raw, list) or not all(isinstance(i, int) for i in raw):
        errors["inspector_ids"] = _("Give a list of user ids.")
        return None
    users = db.session.scalars(
        sa.select(User).where(
            User.id.in_(raw),
            User.active,
            User.role.in_((Role.INSPECTOR, Role.SUPERVISOR)),
        )
    ).all()
    if len(users) != len(set(raw)):
        errors["inspector_ids"] = _("Only active inspectors and supervisors can be assigned.")
        return None
    if current_user.role == Role.INSPECTOR and {u.id for u in users} != {current_user.id}:
        errors["inspector_ids"] = _("An inspector can assign only themself.")
        return None
    return list(users)


@routes.route("/inspections/<uuid:key>")
def inspection(key):
    return jsonify(inspection_json(load(key)))


@routes.route("/inspections/<uuid:key>", methods=["PATCH"])
def update_inspection(key):
    found = load(key, fill=True)
    workflow.update_inspection(found, json_body())
    db.session.commit()
    return jsonify(inspection_json(found))


@routes.route("/inspections/<uuid:key>/answers/<int:item_id>", methods=["PUT"])
def put_answer(key, item_id: int):
    """One answer write (see Sync): 201 for an item's first answer, 200 otherwise."""
    found = load(key, fill=True)
    data = json_body()
    if "value" not in data:
        raise ApiError(
            400,
            "bad_request",
            _("Required fields are missing."),
            {"value": _("This field is required.")},
        )
    if "template_id" in data and data["template_id"] != found.template_id:
        raise ApiError(
            409,
            "stale_form",
            _("This form is of another template version; reload the inspection."),
        )
    unit = data.get("unit")
    note = data.get("note") or ""
    client_id = data.get("client_id")
    errors = {}
    if unit is not None and not isinstance(unit, str):
        errors["unit"] = _("Must be text.")
    if not isinstance(note, str) or len(note) > 2000:
        errors["note"] = _("Must be text of at most %(n)d characters.", n=2000)
    if client_id is not None and not isinstance(client_id, str):
        errors["client_id"] = _("Must be text.")
    if errors:
        raise InputError(errors)
    saved = workflow.save_answer(
        found,
        item_id,
        data["value"],
        current_user,
        unit=unit or None,
        note=note,
        answered_at=workflow.parse_moment(data.get("answered_at"), "answered_at"),
        client_id=client_id,
    )
    # Read what the answer needs before the commit expires it (no reloads afterwards).
    body = {
        "item_id": item_id,
        "result": saved.answer.result,
        "reason": saved.answer.reason,
        "current": saved.current.id == saved.answer.id,
        "answer": answer_json(saved.current),
    }
    inspection_id, template_id = found.id, found.template_id
    db.session.commit()
    done, required = workflow.progress_of(inspection_id, template_id)
    body["progress"] = {"answered": done, "required": required}
    return jsonify(body), 201 if saved.created else 200


@routes.route("/inspections/<uuid:key>/photos", methods=["POST"])
def upload_photo(key):
    """multipart ``file`` with ``item_id`` or ``kind``; the same bytes again → 200."""
    found = load(key, fill=True)
    upload = request.files.get("file")
    if upload is None:
        raise ApiError(
            400,
            "bad_request",
            _("Send the photo as the multipart field file."),
            {"file": _("This field is required.")},
        )
    raw_item = request.form.get("item_id", "")
    if raw_item and not raw_item.isdigit():
        raise InputError({"item_id": _("Must be a whole number.")})
    photo, created = workflow.add_photo(
        found,
        upload.read(),
        current_user,
        item_id=int(raw_item) if raw_item else None,
        kind=request.form.get("kind") or "item",
        taken_at=request.form.get("taken_at"),
        lat=request.form.get("lat"),
        lon=request.form.get("lon"),
    )
    db.session.commit()
    return jsonify(photo_json(photo)), 201 if created else 200


@routes.route("/inspections/<uuid:key>/submit", methods=["POST"])
def submit_inspection(key):
    """Score and close; 422 lists the missing required items; a repeated submit → 200."""
    found = load(key, fill=True)
    try:
        workflow.submit(found, current_user, local_today())
    except InputError as exc:
        raise ApiError(422, "incomplete", str(exc), exc.fields) from None
    db.session.commit()
    return jsonify(inspection_json(found))


@routes.route("/inspections/<uuid:key>/return", methods=["POST"])
def return_inspection(key):
    """A supervisor returns a submitted inspection for correction: ``{"comment"}``."""
    found = load(key, review=True)
    data = json_body()
    comment = data.get("comment")
    workflow.return_for_correction(found, current_user, comment if isinstance(comment, str) else "")
    db.session.commit()
    return jsonify(inspection_json(found))


@routes.route("/inspections/<uuid:key>/approve", methods=["POST"])
def approve_inspection(key):
    """A supervisor approves a submitted inspection: ``{"comment"?}``; again → 200."""
    found = load(key, review=True)
    data = json_body()
    comment = data.get("comment")
    workflow.approve(found, current_user, comment if isinstance(comment, str) else "")
    db.session.commit()
    return jsonify(inspection_json(found))


def audit_json(entry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "at": iso_time(entry.at),
        "actor": entry.actor.name if entry.actor else None,
        "actor_id": entry.actor_id,
        "action": entry.action,
        "before": entry.before,
        "after": entry.after,
        "comment": entry.comment,
    }


@routes.route("/inspections/<uuid:key>/audit")
def inspection_audit(key):
    """Who changed the inspection's status, when, from what to what."""
    return jsonify([audit_json(e) for e in workflow.audit_trail(load(key))])
