"""Inspections in the JSON API (``/api/v1/inspections``): create, list, show, locate, answer,
photograph, submit and return. The Sync rules of interfaces.md live in ``workflow``; what each
route reads and answers is in ``schemas``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import sqlalchemy as sa
from flask import request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from checklists.accounts.models import Organisation, Role, User
from checklists.accounts.permissions import visible_organisations
from checklists.authoring.models import ChecklistTemplate, TemplateStatus
from checklists.core import metrics
from checklists.core.api import (
    NOT_FOUND,
    ApiError,
    ApiRoutes,
    args,
    body,
    error_response,
    form,
    paginate,
    refuse_unless_ok,
    reply,
)
from checklists.core.audit import AuditEntry
from checklists.core.clock import local_today
from checklists.core.errors import InputError
from checklists.core.extensions import db
from checklists.core.schemas import M
from inspections.filling import answer_call, attaching, hooks, repeats, workflow
from inspections.filling import schemas as s
from inspections.filling.models import Answer, Inspection, Photo, RepeatInstance
from inspections.filling.permissions import can_create, checked, visible_inspections
from inspections.filling.photos import PhotoError

routes = ApiRoutes()
# The phone's outbox writes here: its refused writes (409, 422) are counted (sync rejections).
metrics.sync_endpoint("api.put_answer", "answer")
metrics.sync_endpoint("api.upload_photo", "photo")
metrics.sync_endpoint("api.update_inspection", "patch")

_NOT_YOURS = "Visible, but the caller's role may not change it"
_SUBMITTED = "submitted: the inspection changes only after a supervisor returns it"


@routes.errorhandler(PhotoError)
def _photo_error(exc: PhotoError):
    return error_response(ApiError(exc.status, exc.code, exc.message, {"file": exc.message}))


def load(key: Any, *, fill: bool = False, review: bool = False, lock: bool = False) -> Inspection:
    """The inspection ``key`` if the user may see it (else 404); 403 when they may see it but
    not change it as asked. ``lock``: see ``permissions.checked``."""
    found, status = checked(current_user, key, fill=fill, review=review, lock=lock)
    refuse_unless_ok(status)
    return found


def parsed(read: Callable[[], M], *conflicts: Callable[[], None]) -> M:
    """What ``read`` (``body`` or ``form`` of a model) parses. A malformed request (400) is
    answered first; when the content is refused (422), ``conflicts`` run before: a state that
    refuses any write (409) is the first thing wrong. A valid write may still be a resend the
    Sync rules answer 200, so the state is not checked before reading it."""
    try:
        return read()
    except ApiError as exc:
        if exc.status == 422:
            for conflict in conflicts:
                conflict()
        raise


# --- answers ----------------------------------------------------------------------------------


def photo_json(photo: Photo, annotations: list[Photo] | None = None) -> s.Photo:
    """``annotations``: the photo's annotated copies, when the caller has them at hand
    (``Inspection.annotations``); else they are looked up among the inspection's photos."""
    key = photo.inspection.uuid
    if annotations is None:
        annotations = photo.inspection.annotations().get(photo.id, [])
    return s.Photo(
        id=photo.id,
        sha256=photo.sha256,
        kind=photo.kind,
        item_id=photo.item_id,
        instance=photo.instance,
        width=photo.width,
        height=photo.height,
        byte_size=photo.byte_size,
        taken_at=photo.taken_at,
        lat=photo.lat,
        lon=photo.lon,
        exif_taken_at=photo.exif_taken_at,
        exif_lat=photo.exif_lat,
        exif_lon=photo.exif_lon,
        uploaded_at=photo.uploaded_at,
        url=url_for("inspections.photo_file", key=key, photo_id=photo.id, variant="show"),
        thumbnail_url=url_for(
            "inspections.photo_file", key=key, photo_id=photo.id, variant="thumb"
        ),
        annotates=photo.annotates.sha256 if photo.annotates is not None else None,
        annotations=[copy.sha256 for copy in annotations],
    )


def answer_json(answer: Answer | None) -> s.Answer | None:
    if answer is None:
        return None
    return s.Answer(
        value=answer.value,
        unit=answer.unit,
        note=answer.note,
        instance=answer.instance,
        answered_at=answer.answered_at,
        answered_by=answer.answered_by_id,
        client_id=answer.client_id,
        revision=answer.revision,
        clock_flag=answer.clock_flag,
    )


def head_fields(inspection: Inspection) -> dict[str, Any]:
    """The fields of a list entry (``InspectionSummary``), which ``Inspection`` has too."""
    return {
        "uuid": inspection.uuid,
        "status": inspection.status,
        "revision": inspection.revision,
        "organisation_id": inspection.organisation_id,
        "organisation": inspection.organisation.name,
        "site_id": inspection.site_id,
        "project": inspection.project,
        "planned_on": inspection.planned_on,
        "template": s.InspectionTemplate(
            id=inspection.template_id,
            version=inspection.template.version,
            name=inspection.template.name,
        ),
        "inspectors": [u.id for u in inspection.inspectors],
        "created_at": inspection.created_at,
        "submitted_at": inspection.submitted_at,
        "score": inspection.score,
        "verdict": inspection.verdict,
        "grade": inspection.grade,
        "return_comment": inspection.return_comment,
    }


def instance_json(instance: RepeatInstance) -> s.Instance:
    return s.Instance(
        key=instance.key,
        section_id=instance.section_id,
        label=repeats.label_of(instance),
        position=instance.position,
        removed=instance.removed_at is not None,
    )


def _instance_result(result: dict[str, Any], key: str) -> dict[str, Any]:
    """One instance's verdict within an item's result (the engine's ``instances``)."""
    for found in result.get("instances", ()):
        if found["key"] == key:
            return {"result": found["result"], "reason": found["reason"]}
    return {"result": "unanswered", "reason": ""}


def inspection_head(inspection: Inspection) -> s.InspectionSummary:
    return s.InspectionSummary(**head_fields(inspection))


def inspection_json(inspection: Inspection) -> s.Inspection:
    summary = workflow.summary_of(inspection, local_today())
    results = {r["item_id"]: r for r in summary["items"]}
    current = inspection.current_answers()
    in_instances = inspection.instance_answers()
    photos: dict[Any, list[str]] = {}
    for photo in inspection.photos:
        if photo.item_id is not None and photo.annotates_id is None:  # originals
            at = (photo.item_id, photo.instance) if photo.instance else photo.item_id
            photos.setdefault(at, []).append(photo.sha256)
    by_section = repeats.instances_by_section(inspection)
    history: dict[int, int] = {}
    for a in inspection.answers:
        history[a.item_id] = history.get(a.item_id, 0) + 1
    disputed = workflow.conflicts(inspection)
    annotated = inspection.annotations()
    items = []
    for item in inspection.template.ordered_items():
        result = results.get(item.id, {})
        items.append(
            s.InspectionItem(
                item_id=item.id,
                clause_key=item.clause_key,
                citation=item.citation,
                answer=answer_json(current.get(item.id)),
                result=result.get("result", "unanswered"),
                reason=result.get("reason", ""),
                photos=photos.get(item.id, []),
                writes=history.get(item.id, 0),
                conflict=item.id in disputed,
                instances=[
                    s.InstanceAnswer(
                        key=i.key,
                        label=repeats.label_of(i),
                        answer=answer_json(in_instances.get((item.id, i.key))),
                        **_instance_result(result, i.key),
                        photos=photos.get((item.id, i.key), []),
                    )
                    for i in by_section.get(item.section_id, [])
                ],
            )
        )
    done, required = workflow.progress(inspection)
    return s.Inspection(
        **head_fields(inspection),
        location=None
        if inspection.lat is None
        else s.InspectionLocation(
            lat=inspection.lat, lon=inspection.lon, accuracy=inspection.accuracy
        ),
        progress=s.Progress(answered=done, required=required),
        complete=summary["complete"],
        missing=[s.MissingItem(**m) for m in summary["missing"]],
        explanation=summary["explanation"],
        sections=[
            s.InspectionSection(title=x["title"], score=x["score"], counts=x["counts"])
            for x in summary["sections"]
        ],
        items=items,
        photos=[photo_json(p, annotated.get(p.id, [])) for p in inspection.photos],
        instances=[instance_json(i) for i in inspection.instances],
        # What later features add (the findings: their summaries, see inspection_findings).
        **hooks.collect(hooks.json_extra, inspection),
    )


# --- routes -----------------------------------------------------------------------------------


@routes.route(
    "/inspections",
    query=s.InspectionQuery,
    responses={200: ([s.InspectionSummary], "One page; a Link header points at the next")},
)
def inspections():
    """The inspections this user may see."""
    wanted = args(s.InspectionQuery)
    query = visible_inspections(current_user).options(
        sa.orm.selectinload(Inspection.inspectors),
        sa.orm.joinedload(Inspection.template),
        sa.orm.joinedload(Inspection.organisation),
    )
    if wanted.status is not None:
        query = query.where(Inspection.status == wanted.status)
    if wanted.organisation_id is not None:
        query = query.where(Inspection.organisation_id == wanted.organisation_id)
    return paginate(query.order_by(Inspection.id), wanted, inspection_head)


@routes.route(
    "/inspections",
    methods=["POST"],
    body=s.InspectionCreate,
    responses={
        201: (s.Inspection, "Created"),
        200: (s.Inspection, "Already created with this uuid"),
        403: "Enterprise users and authors do not create inspections",
        409: (
            "id_reused: the uuid belongs to an inspection the caller cannot see; "
            "basis_not_in_force: a document it rests on is repealed or out of force on its "
            "date (give basis_override)"
        ),
        422: "Invalid fields (named in fields)",
    },
)
def create_inspection():
    """Assign an inspection; the same uuid again answers 200 with the same inspection."""
    if not can_create(current_user):
        raise ApiError(403, "forbidden", _("Your role may not do this."))
    data = body(s.InspectionCreate)
    existing = _by_uuid(data.uuid)
    if existing is not None:
        return _created_before(existing)
    errors: dict[str, str] = {}
    template = db.session.get(ChecklistTemplate, data.template_id)
    if template is None or template.status != TemplateStatus.PUBLISHED:
        errors["template_id"] = _("Choose a published template.")
    org = db.session.scalar(
        visible_organisations(current_user).where(Organisation.id == data.organisation_id)
    )
    if org is None:
        errors["organisation_id"] = _("No such organisation.")
    inspectors = inspectors_from(data.inspector_ids, errors)
    if errors:
        raise InputError(errors)
    try:
        inspection, created = workflow.create_inspection(
            template,
            org,
            current_user,
            uuid=data.uuid,
            planned_on=data.planned_on,
            inspectors=inspectors,
            basis_override=data.basis_override,
        )
        if not created:
            return _created_before(inspection)
        inspection.project = data.project.strip()
        db.session.commit()
    except sa.exc.IntegrityError:
        # A concurrent request (a retry of this one) created the same uuid first.
        db.session.rollback()
        existing = _by_uuid(data.uuid)
        if existing is None:
            raise
        return _created_before(existing)
    return reply(inspection_json(inspection), 201)


def _by_uuid(key: str) -> Inspection | None:
    return db.session.scalar(sa.select(Inspection).where(Inspection.uuid == key))


def _created_before(existing: Inspection):
    """A create repeated with a known uuid: 200 with the inspection if the user may see it."""
    visible = db.session.scalar(
        visible_inspections(current_user).where(Inspection.id == existing.id)
    )
    if visible is None:
        raise ApiError(409, "id_reused", _("This uuid belongs to another inspection."))
    return reply(inspection_json(existing))


def inspectors_from(ids: list[int] | None, errors: dict[str, str]) -> list[User] | None:
    """The users to assign: inspectors may assign only themselves; supervisors any active
    inspector or supervisor. None: the creator."""
    if not ids:
        return None
    users = db.session.scalars(
        sa.select(User).where(
            User.id.in_(ids),
            User.active,
            User.role.in_((Role.INSPECTOR, Role.SUPERVISOR)),
        )
    ).all()
    if len(users) != len(set(ids)):
        errors["inspector_ids"] = _("Only active inspectors and supervisors can be assigned.")
        return None
    if current_user.role == Role.INSPECTOR and {u.id for u in users} != {current_user.id}:
        errors["inspector_ids"] = _("An inspector can assign only themself.")
        return None
    return list(users)


@routes.route(
    "/inspections/<uuid:key>",
    responses={200: (s.Inspection, "The inspection"), 404: NOT_FOUND},
)
def inspection(key):
    """One inspection with its items, answers, results, photos and findings."""
    return reply(inspection_json(load(key)))


@routes.route(
    "/inspections/<uuid:key>",
    methods=["PATCH"],
    body=s.InspectionUpdate,
    responses={
        200: (s.Inspection, "The inspection"),
        403: _NOT_YOURS,
        404: NOT_FOUND,
        409: _SUBMITTED,
        422: "Invalid or unknown fields (named in fields)",
    },
)
def update_inspection(key):
    """Change the location, planned_on or project."""
    found = load(key, fill=True)
    data = parsed(lambda: body(s.InspectionUpdate), lambda: workflow.require_open(found))
    workflow.update_inspection(found, data.model_dump(exclude_unset=True))
    db.session.commit()
    return reply(inspection_json(found))


def _refuse_stale_form(found: Inspection, sent: dict[str, Any]) -> None:
    """A form of another template version (``template_id`` as sent) → 409 stale_form."""
    if "template_id" in sent and sent["template_id"] != found.template_id:
        raise ApiError(
            409,
            "stale_form",
            _("This form is of another template version; reload the inspection."),
        )


@routes.route(
    "/inspections/<uuid:key>/answers/<int:item_id>",
    methods=["PUT"],
    body=s.AnswerWrite,
    responses={
        201: (s.AnswerResult, "The item's first answer"),
        200: (s.AnswerResult, "A later answer, or a resend"),
        403: "Visible, but the caller's role may not answer",
        404: NOT_FOUND,
        409: "id_reused (the client_id was used for other content), submitted or stale_form",
        422: "Invalid value or fields, or an item not in the template (named in fields)",
    },
)
def put_answer(key, item_id: int):
    """One answer write (see Sync): 201 for an item's first answer, 200 otherwise."""
    written = answer_call.write(key, item_id, current_user)  # PostgreSQL's one call
    if written is not None:
        return written
    found = load(key, fill=True, lock=True)
    data = parsed(
        lambda: body(s.AnswerWrite),
        lambda: _refuse_stale_form(found, request.get_json(silent=True) or {}),
        lambda: workflow.require_open(found),
    )
    _refuse_stale_form(found, data.model_dump(exclude_unset=True))
    saved = workflow.save_answer(
        found,
        item_id,
        data.value,
        current_user,
        unit=data.unit or None,
        note=data.note or "",
        answered_at=data.answered_at,
        client_id=data.client_id,
        instance=data.instance or "",
    )

    def answered() -> dict[str, Any]:
        return {
            "item_id": item_id,
            "instance": saved.answer.instance,
            "result": saved.answer.result,
            "reason": saved.answer.reason,
            "current": saved.current.id == saved.answer.id,
            "answer": answer_json(saved.current),
        }

    # A new write's answer is a detached row, read after the commit (the lock is not held for
    # it); a row of the session is read before the commit expires it (no reload afterwards).
    detached = sa.inspect(saved.answer).detached and sa.inspect(saved.current).detached
    result = None if detached else answered()
    # The progress as the write left it: counted by the write itself (its insert's count, or
    # in Python from what it read under the lock: after the commit, so that the lock is not
    # held for it); a resend's is read here. PostgreSQL: still under the inspection's row
    # lock, in the same transaction (no second one: two round trips fewer). SQLite: after the
    # commit, so that the one write lock of the database is not held meanwhile (another
    # writer's answer waits for it, whatever its inspection).
    inspection_id, template_id = found.id, found.template_id
    progress = saved.progress
    if progress is None and saved.count is None and workflow.reads_under_lock():
        progress = workflow.progress_of(inspection_id, template_id, saved.live)
    db.session.commit()
    if progress is None:
        # (after the commit its own read: another writer may have added an instance meanwhile)
        progress = saved.progress_left() or workflow.progress_of(inspection_id, template_id)
    done, required = progress
    result = answered() if result is None else result
    answer = s.AnswerResult(**result, progress=s.Progress(answered=done, required=required))
    return reply(answer, 201 if saved.created else 200)


@routes.route(
    "/inspections/<uuid:key>/instances/<string:instance>",
    methods=["PUT"],
    body=s.InstanceWrite,
    responses={
        201: (s.Instance, "Added"),
        200: (s.Instance, "Already there (a resend), or renamed"),
        403: "Visible, but the caller's role may not answer",
        404: NOT_FOUND,
        409: "submitted",
        422: "A section that does not repeat or is not in the template, an invalid key or label",
    },
)
def put_instance(key, instance: str):
    """Add an instance of a repeated section under a key made on the device (a resend adds
    nothing), or rename it."""
    found = load(key, fill=True, lock=True)
    data = parsed(lambda: body(s.InstanceWrite), lambda: workflow.require_open(found))
    workflow.lock(found)
    workflow.require_open(found)
    made, created = repeats.put_instance(
        found, instance, data.section_id, data.label or "", current_user, data.position
    )
    db.session.flush()
    out = instance_json(made)
    db.session.commit()
    return reply(out, 201 if created else 200)


@routes.route(
    "/inspections/<uuid:key>/instances/<string:instance>",
    methods=["DELETE"],
    responses={
        200: (s.Instance, "Set aside (its answers are kept, not scored); again: the same"),
        403: "Visible, but the caller's role may not answer",
        404: "No such inspection or instance",
        409: "submitted",
    },
)
def remove_instance(key, instance: str):
    """Set an instance aside: it and its answers are kept, out of the score."""
    found = load(key, fill=True)
    if repeats.find(found, instance) is None:  # before the lock: a 404 writes nothing
        raise ApiError(404, "not_found", _("No such instance."))
    workflow.lock(found)
    workflow.require_open(found)
    removed = repeats.remove_instance(found, instance)
    db.session.flush()
    out = instance_json(removed)
    db.session.commit()
    return reply(out)


@routes.route(
    "/inspections/<uuid:key>/photos",
    methods=["POST"],
    form=s.PhotoUpload,
    responses={
        201: (
            s.Photo,
            "Stored, or the same bytes for another item or signature (a new link); with "
            "annotates, an annotated copy linked to its original",
        ),
        200: (s.Photo, "The same bytes again for the same item or signature"),
        403: "Visible, but the caller's role may not add photos",
        404: NOT_FOUND,
        409: _SUBMITTED,
        413: "too_large",
        422: (
            "unsupported_type, heic, too_many_pixels, corrupt, empty, or invalid fields "
            "(annotates: no such original of the item in the inspection)"
        ),
    },
)
def upload_photo(key):
    """Add an item's photo (item_id) or a signature (kind), or an annotated copy of an item's
    photo (annotates: the original's SHA-256).

    The file is stored once however many items and signatures use it."""
    found = load(key, fill=True)
    upload = request.files.get("file")
    if upload is None:
        raise ApiError(
            400,
            "bad_request",
            _("Send the photo as the multipart field file."),
            {"file": _("This field is required.")},
        )
    data = parsed(lambda: form(s.PhotoUpload), lambda: workflow.require_open(found))
    photo, created = attaching.add_photo(
        found,
        upload.read(),
        current_user,
        item_id=data.item_id,
        kind=data.kind,
        taken_at=data.taken_at,
        lat=data.lat,
        lon=data.lon,
        instance=data.instance,
        annotates=data.annotates,
    )
    db.session.commit()
    return reply(photo_json(photo), 201 if created else 200)


@routes.route(
    "/inspections/<uuid:key>/submit",
    methods=["POST"],
    responses={
        200: (s.Inspection, "The scored inspection (also when submitted before)"),
        403: "Visible, but the caller's role may not submit",
        404: NOT_FOUND,
        422: "incomplete: fields name each missing item (item_<id>)",
    },
)
def submit_inspection(key):
    """Score and close; 422 lists the missing required items; again → 200."""
    found = load(key, fill=True)
    try:
        workflow.submit(found, current_user, local_today())
    except InputError as exc:
        raise ApiError(422, "incomplete", str(exc), exc.fields) from None
    db.session.commit()
    return reply(inspection_json(found))


@routes.route(
    "/inspections/<uuid:key>/return",
    methods=["POST"],
    body=s.ReturnRequest,
    responses={
        200: (s.Inspection, "Returned: a new revision"),
        403: "Only supervisors and admins return inspections",
        404: NOT_FOUND,
        409: "not_submitted",
        422: "No comment",
    },
)
def return_inspection(key):
    """A supervisor returns a submitted inspection for correction, saying what to correct."""
    found = load(key, review=True)
    data = body(s.ReturnRequest)
    workflow.return_for_correction(found, current_user, data.comment)
    db.session.commit()
    return reply(inspection_json(found))


@routes.route(
    "/inspections/<uuid:key>/approve",
    methods=["POST"],
    body=s.ApproveRequest,
    responses={
        200: (s.Inspection, "Approved (also when approved before)"),
        403: "Only supervisors and admins approve inspections",
        404: NOT_FOUND,
        409: "not_submitted",
        422: "Invalid fields",
    },
)
def approve_inspection(key):
    """A supervisor approves a submitted inspection; again → 200."""
    found = load(key, review=True)
    data = body(s.ApproveRequest)
    workflow.approve(found, current_user, data.comment)
    db.session.commit()
    return reply(inspection_json(found))


def audit_json(entry: AuditEntry) -> s.AuditEntry:
    return s.AuditEntry(
        id=entry.id,
        at=entry.at,
        actor=entry.actor.name if entry.actor else None,
        actor_id=entry.actor_id,
        action=entry.action,
        before=entry.before,
        after=entry.after,
        comment=entry.comment,
    )


@routes.route(
    "/inspections/<uuid:key>/audit",
    responses={200: ([s.AuditEntry], "The entries, oldest first"), 404: NOT_FOUND},
)
def inspection_audit(key):
    """The audit trail: every status change with who, when, before and after."""
    return reply([audit_json(e) for e in workflow.audit_trail(load(key))])
