"""Findings and deadlines in the JSON API: ``/api/v1/findings`` (scoped to the caller), the
enterprise's corrective actions and files, the inspector's 复查, and
``/api/v1/calendar/deadline`` (public: a deadline computed the official way). The contract is
``inspections.findings.schemas``."""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa
from flask import request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from checklists.core.api import (
    NOT_FOUND,
    ApiError,
    ApiRoutes,
    args,
    body,
    form,
    paginate,
    refuse_unless_ok,
    reply,
)
from checklists.core.clock import local_today
from checklists.core.errors import InputError
from checklists.core.extensions import db
from checklists.core.schemas import Refused, parse
from inspections.filling import schemas as filling_schemas
from inspections.filling.models import Inspection
from inspections.findings import deadlines
from inspections.findings import operations as findings
from inspections.findings import schemas as s
from inspections.findings.models import UNRESOLVED, Finding, FindingEvent, FindingFile

routes = ApiRoutes()
#: The inspection's answer has the findings' key too (``inspection_findings``).
routes.extend(filling_schemas.Inspection, s.Inspection)


def load(finding_id: int, *, act: bool = False, verify: bool = False) -> Finding:
    found, status = findings.checked(current_user, finding_id, act=act, verify=verify)
    refuse_unless_ok(status)
    return found


# --- answers ------------------------------------------------------------------------------------


def file_json(file: FindingFile) -> s.FindingFile:
    variant = "thumb" if file.kind == "photo" else "orig"
    return s.FindingFile(
        id=file.id,
        kind=file.kind,
        sha256=file.sha256,
        mime=file.mime,
        filename=file.filename,
        byte_size=file.byte_size,
        width=file.width,
        height=file.height,
        action_id=file.event_id,
        uploaded_at=file.uploaded_at,
        url=url_for("findings.file", finding_id=file.finding_id, file_id=file.id, variant="orig"),
        thumbnail_url=url_for(
            "findings.file", finding_id=file.finding_id, file_id=file.id, variant=variant
        ),
    )


def event_json(event: FindingEvent) -> s.FindingEvent:
    return s.FindingEvent(
        id=event.id,
        kind=event.kind,
        at=event.at,
        actor=event.actor.name if event.actor else None,
        text=event.text,
        data=event.data,
        client_id=event.client_id,
    )


def _head(finding: Finding, today: dt.date) -> dict[str, Any]:
    """The fields of ``FindingSummary`` (``Finding`` adds to them)."""
    return dict(
        id=finding.id,
        inspection_uuid=finding.inspection.uuid,
        organisation_id=finding.organisation_id,
        item_id=finding.item_id,
        number=finding.number,
        notice_number=finding.notice.number if finding.notice else None,
        clause_key=finding.clause_key,
        document_number=finding.document_number,
        clause_text=finding.clause_text,
        clause_text_hash=finding.clause_text_hash,
        template_version=finding.template_version,
        prompt=finding.prompt,
        severity=finding.severity,
        reason=finding.reason,
        required_action=finding.required_action,
        status=finding.status,
        due_on=finding.due_on,
        due_at=finding.due_at,
        deadline=s.FindingDeadline(
            start=finding.deadline_start,
            n=finding.deadline_n,
            unit=finding.deadline_unit,
            provisional=finding.deadline_provisional,
            explanation=finding.deadline_explanation,
        ),
        overdue=finding.is_overdue(today, dt.datetime.now(dt.UTC)),
        closed_at=finding.closed_at,
    )


def finding_summary(finding: Finding, today: dt.date) -> s.FindingSummary:
    return s.FindingSummary(**_head(finding, today))


def _full(finding: Finding) -> dict[str, Any]:
    """The fields of ``Finding``: the head, the evidence, the history and the files."""
    key = finding.inspection.uuid
    return dict(
        **_head(finding, local_today()),
        evidence_photos=[
            s.FindingEvidencePhoto(
                sha256=p.sha256,
                url=url_for("inspections.photo_file", key=key, photo_id=p.id, variant="show"),
                annotates=p.annotates.sha256 if p.annotates is not None else None,
            )
            for p in finding.inspection.photos
            if p.item_id == finding.item_id
        ],
        events=[event_json(e) for e in finding.events],
        files=[file_json(f) for f in finding.files],
    )


def finding_json(finding: Finding) -> s.Finding:
    return s.Finding(**_full(finding))


def inspection_findings(inspection: Inspection) -> dict[str, list[s.InspectionFinding]]:
    """The ``findings`` key of an inspection's JSON (a ``hooks.json_extra`` receiver): the
    findings raised from its failed items at submission, each with the clause it was judged
    against, its status and deadline (``GET /findings/{id}`` has the rest)."""
    return {
        "findings": [
            s.InspectionFinding(
                id=f.id,
                item_id=f.item_id,
                clause_key=f.clause_key,
                clause_text=f.clause_text,
                severity=f.severity,
                reason=f.reason,
                status=f.status,
                due_on=f.due_on,
                notice_number=f.notice.number if f.notice else None,
            )
            for f in findings.of_inspection(inspection)
        ]
    }


# --- routes -------------------------------------------------------------------------------------


@routes.route(
    "/findings",
    query=s.FindingsQuery,
    responses={200: ([s.FindingSummary], "One page; a Link header points at the next")},
)
def findings_list():
    """The findings the caller may see."""
    wanted = args(s.FindingsQuery)
    query = findings.visible_findings(current_user).options(
        sa.orm.joinedload(Finding.inspection).load_only(Inspection.uuid),
        sa.orm.joinedload(Finding.notice),
    )
    if wanted.status is not None:
        query = query.where(Finding.status == wanted.status)
    if wanted.organisation_id is not None:
        query = query.where(Finding.organisation_id == wanted.organisation_id)
    if wanted.inspection_uuid is not None:
        query = query.where(
            Finding.inspection_id.in_(
                sa.select(Inspection.id).where(Inspection.uuid == wanted.inspection_uuid)
            )
        )
    today = local_today()
    if wanted.overdue:
        query = query.where(
            Finding.status.in_(UNRESOLVED),
            Finding.due_on < today,
        )
    return paginate(query.order_by(Finding.id), wanted, lambda f: finding_summary(f, today))


@routes.route(
    "/findings/<int:finding_id>",
    responses={200: (s.Finding, "The finding"), 404: NOT_FOUND},
)
def finding(finding_id: int):
    """One finding with its evidence, its history (events) and its files."""
    return reply(finding_json(load(finding_id)))


@routes.route(
    "/findings/<int:finding_id>",
    methods=["PATCH"],
    body=s.FindingUpdate,
    responses={
        200: (s.Finding, "The finding with its new deadline"),
        403: "Enterprise users do not set deadlines",
        404: NOT_FOUND,
        409: "not_open: the finding is closed or withdrawn",
        422: "Invalid deadline, n or unit (fields says which)",
    },
)
def update_finding(finding_id: int):
    """An inspector sets another deadline, counted from the notice's day (hours from now)."""
    found = load(finding_id, verify=True)
    findings.check_open(found)
    data = body(s.FindingUpdate)
    findings.set_deadline(found, current_user, data.deadline.n, data.deadline.unit, data.reason)
    db.session.commit()
    return reply(finding_json(found))


@routes.route(
    "/findings/<int:finding_id>/actions",
    methods=["POST"],
    body=s.ActionReport,
    form=s.ActionForm,
    responses={
        201: (s.FindingWithAction, "Recorded"),
        200: (s.FindingWithAction, "Already recorded with this client_id"),
        403: "Only the enterprise (or an administrator) reports actions",
        404: NOT_FOUND,
        409: "closed: nothing more to report; id_reused: this client_id was another action",
        413: "too_large: a file is too large",
        422: "No description, or a refused file (fields says which)",
    },
)
def add_action(finding_id: int):
    """The enterprise's corrective action; the same client_id again answers 200.

    JSON, or multipart/form-data with the same text fields and any number of ``file`` parts
    (photos or documents, as for ``POST /findings/{finding_id}/photos``), which become the
    action's evidence.
    """
    found = load(finding_id, act=True)
    uploads: list[tuple[bytes, str]] = []
    if request.mimetype == "multipart/form-data":
        data = form(s.ActionForm)
        uploads = [(f.read(), f.filename or "") for f in request.files.getlist("file")]
    else:
        data = body(s.ActionReport)
    if data.description in (None, ""):  # before the files are stored
        raise InputError({"description": _("Say what was done.")})
    for content, name in uploads:
        findings.add_file(found, content, name, current_user)
    event, created = findings.add_action(found, current_user, data.description, data.client_id)
    db.session.commit()
    answer = s.FindingWithAction(**_full(found), action=event_json(event))
    return reply(answer, 201 if created else 200)


@routes.route(
    "/findings/<int:finding_id>/photos",
    methods=["POST"],
    form=s.FindingFileUpload,
    responses={
        201: (s.FindingFile, "Stored"),
        200: (s.FindingFile, "Already stored (the same bytes)"),
        403: "Only the enterprise (or an administrator) adds evidence",
        404: NOT_FOUND,
        409: "closed: nothing more to report",
        413: "too_large",
        422: "unsupported_type, heic, corrupt, empty, too_many_pixels (fields names file)",
    },
)
def add_finding_file(finding_id: int):
    """A photo (JPEG, PNG, WebP) or a document (PDF, .docx, .xlsx) for the next corrective
    action; the same bytes again answer 200."""
    found = load(finding_id, act=True)
    upload = request.files.get("file")
    if upload is None:
        raise ApiError(
            400,
            "bad_request",
            _("Send the file as the multipart field file."),
            {"file": _("This field is required.")},
        )
    form(s.FindingFileUpload)  # no other fields
    record, created = findings.add_file(found, upload.read(), upload.filename or "", current_user)
    db.session.commit()
    return reply(file_json(record), 201 if created else 200)


@routes.route(
    "/findings/<int:finding_id>/verify",
    methods=["POST"],
    body=s.Verification,
    responses={
        201: (s.FindingWithVerification, "Recorded"),
        200: (s.FindingWithVerification, "Already recorded (the same outcome)"),
        403: "Enterprise users do not verify",
        404: NOT_FOUND,
        409: "not_open: only an open finding is closed; nothing_to_verify: no action to reopen",
        422: "A bad outcome, n or unit, or reopening without a reason (fields says which)",
    },
)
def verify_finding(finding_id: int):
    """The inspector's 复查: closed (put right) or reopened (with a reason, and optionally a new
    deadline counted from today); the same outcome again answers 200."""
    found = load(finding_id, verify=True)
    data = body(s.Verification)
    event, created = findings.verify(
        found,
        current_user,
        data.outcome,
        data.reason,
        n=data.n,
        unit=data.unit,
        today=local_today(),
    )
    db.session.commit()
    answer = s.FindingWithVerification(**_full(found), verification=event_json(event))
    return reply(answer, 201 if created else 200)


@routes.route(
    "/calendar/deadline",
    public=True,
    query=s.DeadlineQuery,
    responses={
        200: (s.Deadline, "The deadline"),
        422: "A bad start, n or unit (fields says which)",
    },
)
def calendar_deadline():
    """A deadline the official way: N working days, days or hours after start.

    The start day is not counted; a deadline in days that ends on a holiday moves to the next
    working day (民法典 第二百零一条, 第二百零三条).
    """
    try:
        wanted = parse(s.DeadlineQuery, request.args.to_dict())
    except Refused as exc:  # the calculator's refusals are 422, as they always were
        raise InputError({**exc.missing, **exc.invalid}) from None
    result = deadlines.compute(wanted.start, wanted.n, wanted.unit)
    return reply(
        s.Deadline(
            start=wanted.start.isoformat(),
            n=wanted.n,
            unit=wanted.unit,
            due_on=result.due_on,
            due_at=result.due_at,
            provisional=result.provisional,
            unknown_years=list(result.unknown_years),
            explanation=result.explanation,
        )
    )
