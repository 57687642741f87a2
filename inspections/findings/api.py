"""Findings and deadlines in the JSON API: ``/api/v1/findings`` (scoped to the caller), the
enterprise's corrective actions and files, the inspector's 复查, and
``/api/v1/calendar/deadline`` (public: a deadline computed the official way)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa
from flask import jsonify, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from checklists.core.api import (
    ApiError,
    ApiRoutes,
    choice_arg,
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
from inspections.filling.models import Inspection
from inspections.findings import deadlines, openapi
from inspections.findings import operations as findings
from inspections.findings.models import Finding, FindingEvent, FindingFile, FindingStatus

routes = ApiRoutes(paths=openapi.PATHS, schemas=openapi.SCHEMAS)


def load(finding_id: int, *, act: bool = False, verify: bool = False) -> Finding:
    found, status = findings.checked(current_user, finding_id, act=act, verify=verify)
    refuse_unless_ok(status)
    return found


def file_json(file: FindingFile) -> dict[str, Any]:
    variant = "thumb" if file.kind == "photo" else "orig"
    return {
        "id": file.id,
        "kind": file.kind,
        "sha256": file.sha256,
        "mime": file.mime,
        "filename": file.filename,
        "byte_size": file.byte_size,
        "width": file.width,
        "height": file.height,
        "action_id": file.event_id,
        "uploaded_at": iso_time(file.uploaded_at),
        "url": url_for(
            "findings.file", finding_id=file.finding_id, file_id=file.id, variant="orig"
        ),
        "thumbnail_url": url_for(
            "findings.file", finding_id=file.finding_id, file_id=file.id, variant=variant
        ),
    }


def event_json(event: FindingEvent) -> dict[str, Any]:
    return {
        "id": event.id,
        "kind": event.kind,
        "at": iso_time(event.at),
        "actor": event.actor.name if event.actor else None,
        "text": event.text,
        "data": event.data,
        "client_id": event.client_id,
    }


def finding_head(finding: Finding, today: dt.date | None = None) -> dict[str, Any]:
    """The fields of interfaces.md's ``GET /findings`` and a few more."""
    today = today or local_today()
    return {
        "id": finding.id,
        "inspection_uuid": finding.inspection.uuid,
        "organisation_id": finding.organisation_id,
        "item_id": finding.item_id,
        "number": finding.number,
        "notice_number": finding.notice.number if finding.notice else None,
        "clause_key": finding.clause_key,
        "document_number": finding.document_number,
        "clause_text": finding.clause_text,
        "clause_text_hash": finding.clause_text_hash,
        "template_version": finding.template_version,
        "prompt": finding.prompt,
        "severity": finding.severity,
        "reason": finding.reason,
        "required_action": finding.required_action,
        "status": str(finding.status),
        "due_on": iso_date(finding.due_on),
        "due_at": iso_time(finding.due_at),
        "deadline": {
            "start": iso_date(finding.deadline_start),
            "n": finding.deadline_n,
            "unit": finding.deadline_unit,
            "provisional": finding.deadline_provisional,
            "explanation": finding.deadline_explanation,
        },
        "overdue": finding.is_overdue(today, dt.datetime.now(dt.UTC)),
        "closed_at": iso_time(finding.closed_at),
    }


def finding_json(finding: Finding) -> dict[str, Any]:
    evidence = [p for p in finding.inspection.photos if p.item_id == finding.item_id]
    return {
        **finding_head(finding),
        "evidence_photos": [
            {
                "sha256": p.sha256,
                "url": url_for(
                    "inspections.photo_file",
                    key=finding.inspection.uuid,
                    photo_id=p.id,
                    variant="show",
                ),
            }
            for p in evidence
        ],
        "events": [event_json(e) for e in finding.events],
        "files": [file_json(f) for f in finding.files],
    }


def finding_summary(finding: Finding) -> dict[str, Any]:
    return {
        "id": finding.id,
        "item_id": finding.item_id,
        "clause_key": finding.clause_key,
        "clause_text": finding.clause_text,
        "severity": finding.severity,
        "reason": finding.reason,
        "status": str(finding.status),
        "due_on": iso_date(finding.due_on),
        "notice_number": finding.notice.number if finding.notice else None,
    }


def inspection_findings(inspection: Inspection) -> dict[str, Any]:
    """The ``findings`` key of an inspection's JSON (a ``hooks.json_extra`` receiver): the
    findings raised from its failed items at submission, each with the clause it was judged
    against, its status and deadline (``GET /findings/{id}`` has the rest)."""
    return {"findings": [finding_summary(f) for f in findings.of_inspection(inspection)]}


@routes.route("/findings")
def findings_list():
    """The findings this user may see; ``?status=&organisation_id=&inspection_uuid=&overdue=1``."""
    query = findings.visible_findings(current_user).options(
        sa.orm.joinedload(Finding.inspection).load_only(Inspection.uuid),
        sa.orm.joinedload(Finding.notice),
    )
    status = choice_arg("status", (s.value for s in FindingStatus))
    if status:
        query = query.where(Finding.status == status)
    org = id_arg("organisation_id")
    if org is not None:
        query = query.where(Finding.organisation_id == org)
    key = request.args.get("inspection_uuid")
    if key:
        query = query.where(
            Finding.inspection_id.in_(
                sa.select(Inspection.id).where(Inspection.uuid == key.strip().lower())
            )
        )
    if request.args.get("overdue") in ("1", "true"):
        query = query.where(
            Finding.status.in_([s.value for s in (FindingStatus.OPEN, FindingStatus.REOPENED)]),
            Finding.due_on < local_today(),
        )
    today = local_today()
    return paginate(query.order_by(Finding.id), lambda f: finding_head(f, today))


@routes.route("/findings/<int:finding_id>")
def finding(finding_id: int):
    return jsonify(finding_json(load(finding_id)))


def _multipart_files() -> list[tuple[bytes, str]]:
    return [(f.read(), f.filename or "") for f in request.files.getlist("file")]


@routes.route("/findings/<int:finding_id>/actions", methods=["POST"])
def add_action(finding_id: int):
    """The enterprise's corrective action: JSON ``{"description", "client_id"?}``, or multipart
    with ``description`` and any number of ``file`` parts. The same client_id again → 200."""
    found = load(finding_id, act=True)
    if request.mimetype == "multipart/form-data":
        data: dict[str, Any] = request.form.to_dict()
        uploads = _multipart_files()
    else:
        data, uploads = json_body(), []
    if data.get("description") in (None, ""):
        raise InputError({"description": _("Say what was done.")})
    for content, name in uploads:
        findings.add_file(found, content, name, current_user)
    event, created = findings.add_action(
        found, current_user, data.get("description"), data.get("client_id")
    )
    db.session.commit()
    body = finding_json(found)
    body["action"] = event_json(event)
    return jsonify(body), 201 if created else 200


@routes.route("/findings/<int:finding_id>/photos", methods=["POST"])
def add_finding_file(finding_id: int):
    """multipart ``file``: a photo (JPEG, PNG, WebP) or a document (PDF, .docx, .xlsx) for the
    next corrective action; the same bytes again → 200."""
    found = load(finding_id, act=True)
    upload = request.files.get("file")
    if upload is None:
        raise ApiError(
            400,
            "bad_request",
            _("Send the file as the multipart field file."),
            {"file": _("This field is required.")},
        )
    record, created = findings.add_file(found, upload.read(), upload.filename or "", current_user)
    db.session.commit()
    return jsonify(file_json(record)), 201 if created else 200


@routes.route("/findings/<int:finding_id>/verify", methods=["POST"])
def verify_finding(finding_id: int):
    """复查: ``{"outcome": "closed"|"reopened", "reason", "n"?, "unit"?}``."""
    found = load(finding_id, verify=True)
    data = json_body()
    event, created = findings.verify(
        found,
        current_user,
        data.get("outcome"),
        data.get("reason"),
        n=data.get("n"),
        unit=data.get("unit"),
        today=local_today(),
    )
    db.session.commit()
    body = finding_json(found)
    body["verification"] = event_json(event)
    return jsonify(body), 201 if created else 200


@routes.route("/findings/<int:finding_id>", methods=["PATCH"])
def update_finding(finding_id: int):
    """An inspector sets the deadline: ``{"deadline": {"n", "unit"}, "reason"?}``."""
    found = load(finding_id, verify=True)
    data = json_body()
    deadline = data.get("deadline")
    if not isinstance(deadline, dict):
        raise InputError({"deadline": _("An object with n and unit.")})
    findings.set_deadline(
        found, current_user, deadline.get("n"), deadline.get("unit"), data.get("reason")
    )
    db.session.commit()
    return jsonify(finding_json(found))


@routes.route("/calendar/deadline", public=True)
def calendar_deadline():
    """``?start=DATE&n=N&unit=working_day|day|hour`` → the deadline, the official way."""
    unit = deadlines.parse_unit(request.args.get("unit", "working_day"))
    n = deadlines.parse_count(request.args.get("n"), unit)
    raw = (request.args.get("start") or "").strip()
    try:
        start: dt.date | dt.datetime = (
            dt.datetime.fromisoformat(raw) if "T" in raw else dt.date.fromisoformat(raw)
        )
    except ValueError:
        raise InputError(
            {"start": _("A date (YYYY-MM-DD), or a date and time for hours.")}
        ) from None
    result = deadlines.compute(start, n, unit)
    return jsonify(
        {
            "start": raw,
            "n": n,
            "unit": unit,
            "due_on": result.due_on.isoformat(),
            "due_at": iso_time(result.due_at),
            "provisional": result.provisional,
            "unknown_years": list(result.unknown_years),
            "explanation": result.explanation,
        }
    )
