"""挂牌督办 in the JSON API: ``/api/v1/hazards`` (the register, scoped to the caller), listing
a hazard, its steps (``receipt``, ``plan``, ``closure-report``, ``confirm``, ``verification``,
``close``) and its evidence files. The contract is ``inspections.supervision.schemas``."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from flask import request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from pydantic import BaseModel

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
from checklists.core.extensions import db
from inspections.supervision import operations as supervision
from inspections.supervision import regime
from inspections.supervision import schemas as s
from inspections.supervision.models import Hazard, HazardEvent, HazardFile
from inspections.supervision.regime import STEPS

routes = ApiRoutes()


def load(hazard_id: int, step: str | None = None) -> Hazard:
    found, status = supervision.checked(
        current_user, hazard_id, STEPS[step] if step is not None else None
    )
    refuse_unless_ok(status)
    return found


# --- answers ------------------------------------------------------------------------------------


def file_json(file: HazardFile) -> s.HazardFile:
    variant = "thumb" if file.kind == "photo" else "orig"
    return s.HazardFile(
        id=file.id,
        kind=file.kind,
        sha256=file.sha256,
        mime=file.mime,
        filename=file.filename,
        byte_size=file.byte_size,
        width=file.width,
        height=file.height,
        event_id=file.event_id,
        uploaded_at=file.uploaded_at,
        url=url_for("supervision.file", hazard_id=file.hazard_id, file_id=file.id, variant="orig"),
        thumbnail_url=url_for(
            "supervision.file", hazard_id=file.hazard_id, file_id=file.id, variant=variant
        ),
    )


def event_json(event: HazardEvent) -> s.HazardEvent:
    return s.HazardEvent(
        id=event.id,
        kind=event.kind,
        at=event.at,
        actor=event.actor.name if event.actor else None,
        actor_id=event.actor_id,
        text=event.text,
        data=event.data,
        client_id=event.client_id,
        files=[f.id for f in event.files],
    )


def _head(hazard: Hazard) -> dict[str, Any]:
    """The fields of ``HazardSummary``."""
    clause = None
    if hazard.clause_key:
        clause = s.HazardClause(
            id=hazard.clause_id,
            document_number=hazard.document_number,
            document_version=hazard.document_version,
            key=hazard.clause_key,
            text=hazard.clause_text,
            text_hash=hazard.clause_text_hash,
            citation=hazard.citation,
        )
    return dict(
        id=hazard.id,
        number=hazard.number,
        status=hazard.status,
        organisation_id=hazard.organisation_id,
        organisation=hazard.organisation.name,
        finding_id=hazard.finding_id,
        title=hazard.title,
        description=hazard.description,
        clause=clause,
        due_on=hazard.due_on,
        deadline=s.HazardDeadline(
            start=hazard.deadline_start,
            n=hazard.deadline_n,
            unit=hazard.deadline_unit,
            provisional=hazard.deadline_provisional,
            explanation=hazard.deadline_explanation,
        ),
        overdue=hazard.is_overdue(local_today()),
        next_step=regime.NEXT[hazard.status],
        listed_on=hazard.listed_on,
        listed_at=hazard.listed_at,
        closed_at=hazard.closed_at,
    )


def _full(hazard: Hazard) -> dict[str, Any]:
    plan = hazard.last_step("plan")
    return dict(
        **_head(hazard),
        plan=plan.data.get("plan") if plan is not None else None,
        events=[event_json(e) for e in hazard.events],
        files=[file_json(f) for f in hazard.files],
        criticisms=[
            s.HazardCriticism(
                id=c.id,
                number=c.number,
                due_on=c.due_on,
                issued_on=c.issued_on,
                text=c.text,
                url=url_for("supervision.criticism", hazard_id=hazard.id, criticism_id=c.id),
            )
            for c in hazard.criticisms
        ],
        notice_url=url_for("supervision.notice", hazard_id=hazard.id),
    )


def hazard_json(hazard: Hazard) -> s.Hazard:
    return s.Hazard(**_full(hazard))


# --- the register and listing -------------------------------------------------------------------


@routes.route(
    "/hazards",
    query=s.HazardsQuery,
    responses={200: ([s.HazardSummary], "One page; a Link header points at the next")},
)
def hazards_list():
    """The register (台账, 第六条): the hazards the caller may see, oldest first."""
    wanted = args(s.HazardsQuery)
    query = supervision.filtered(
        current_user,
        status=wanted.status,
        organisation_id=wanted.organisation_id,
        overdue=wanted.overdue,
        today=local_today(),
    ).options(sa.orm.joinedload(Hazard.organisation))
    return paginate(query.order_by(Hazard.id), wanted, lambda h: s.HazardSummary(**_head(h)))


@routes.route(
    "/hazards",
    methods=["POST"],
    body=s.HazardCreate,
    responses={
        201: (s.Hazard, "Listed, with its numbered notice"),
        200: (s.Hazard, "Already listed with this client_id"),
        403: "Only supervisors and administrators list hazards",
        409: "regime_not_applicable: outside SUPERVISION_REGION or the document not in force "
        "(give override); already_listed: the finding is listed and not closed; id_reused: "
        "this client_id listed another hazard",
        422: "An unknown finding, organisation or clause, no description, a bad period",
    },
)
def create_hazard():
    """List a major hazard for 挂牌督办 and issue its 挂牌督办通知书 (第五条); the same client_id
    again answers 200 with the same hazard."""
    if not supervision.can_list(current_user):
        refuse_unless_ok(403)
    data = body(s.HazardCreate)
    hazard, created = supervision.list_hazard(
        current_user,
        today=local_today(),
        finding_id=data.finding_id,
        organisation_id=data.organisation_id,
        title=data.title,
        description=data.description,
        clause_id=data.clause_id,
        n=data.n,
        unit=data.unit,
        client_id=data.client_id,
        override=data.override,
    )
    db.session.commit()
    return reply(hazard_json(hazard), 201 if created else 200)


@routes.route(
    "/hazards/<int:hazard_id>",
    responses={200: (s.Hazard, "The hazard"), 404: NOT_FOUND},
)
def hazard(hazard_id: int):
    """One hazard with its history (events), files, 通报批评 and its latest plan."""
    return reply(hazard_json(load(hazard_id)))


# --- the steps ----------------------------------------------------------------------------------


def _step(hazard_id: int, name: str, model: type[BaseModel]):
    """Take step ``name``: 404, 403, then 200 for a resend, 409 out of order, then the body's
    values (400/422), then 201."""
    step = STEPS[name]
    found = load(hazard_id, name)
    try:
        data = body(model) if request.get_data() else model()
    except ApiError:
        supervision.check_order(found, step)  # 409 comes before the body's mistakes
        raise
    values = data.model_dump(mode="json", exclude={"client_id"}, exclude_none=True)
    event, created = supervision.take_step(
        found,
        step,
        current_user,
        values,
        today=local_today(),
        client_id=getattr(data, "client_id", None),
    )
    db.session.commit()
    return reply(s.HazardWithStep(**_full(found), step=event_json(event)), 201 if created else 200)


def _responses(who: str, state: str, invalid: str) -> dict[int, Any]:
    return {
        201: (s.HazardWithStep, "Recorded"),
        200: (s.HazardWithStep, "Already recorded (a resend: the same client_id or content)"),
        403: who,
        404: NOT_FOUND,
        409: "out_of_order: another step must come first (the message names it); already_done; "
        "closed; id_reused. " + state,
        422: invalid,
    }


@routes.route(
    "/hazards/<int:hazard_id>/receipt",
    methods=["POST"],
    body=s.HazardReceipt,
    responses=_responses(
        "Only the enterprise (or an administrator) signs the receipt",
        "Waits for: listed.",
        "A signer or note too long",
    ),
)
def hazard_receipt(hazard_id: int):
    """签收回执 (第五条（四）): the enterprise signs for the notice; the user and the time are
    recorded. The body may be empty."""
    return _step(hazard_id, "receipt", s.HazardReceipt)


@routes.route(
    "/hazards/<int:hazard_id>/plan",
    methods=["POST"],
    body=s.HazardPlan,
    responses=_responses(
        "Only the enterprise (or an administrator) submits the plan",
        "Waits for: acknowledged (or rectifying: a revised plan).",
        "One of the six 落实 missing, or a bad deadline (fields says which)",
    ),
)
def hazard_plan(hazard_id: int):
    """整改方案 with the six 落实 (第七条): responsibility, measures, funds, deadline,
    emergency plan, monitoring; the hazard is then rectifying."""
    return _step(hazard_id, "plan", s.HazardPlan)


@routes.route(
    "/hazards/<int:hazard_id>/closure-report",
    methods=["POST"],
    body=s.HazardClosureReport,
    responses=_responses(
        "Only the enterprise (or an administrator) files the closure report",
        "Waits for: rectifying.",
        "No report",
    ),
)
def hazard_closure_report(hazard_id: int):
    """隐患整改销号报告 to the township (第七条), with the files sent since the last step."""
    return _step(hazard_id, "closure-report", s.HazardClosureReport)


@routes.route(
    "/hazards/<int:hazard_id>/confirm",
    methods=["POST"],
    body=s.HazardConfirmation,
    responses=_responses(
        "Only a supervisor whose region holds the organisation (or an administrator)",
        "Waits for: closure_requested.",
        "A bad outcome, or returning without a note",
    ),
)
def hazard_confirm(hazard_id: int):
    """The township confirms the closure report (→ confirmed) or returns it (→ rectifying)."""
    return _step(hazard_id, "confirm", s.HazardConfirmation)


@routes.route(
    "/hazards/<int:hazard_id>/verification",
    methods=["POST"],
    body=s.HazardVerification,
    responses=_responses(
        "Only a supervisor (or an administrator) enters the verification",
        "Waits for: confirmed.",
        "A bad outcome, no verifiers, no report, a day in the future, a bad period",
    ),
)
def hazard_verification(hazard_id: int):
    """The experts' on-site verification (第八条): passed (→ verified) or failed (→ rectifying
    with a new deadline)."""
    return _step(hazard_id, "verification", s.HazardVerification)


@routes.route(
    "/hazards/<int:hazard_id>/close",
    methods=["POST"],
    body=s.HazardClosing,
    responses=_responses(
        "Only a supervisor (or an administrator) closes a hazard",
        "Waits for: verified.",
        "A note too long",
    ),
)
def hazard_close(hazard_id: int):
    """确认销号 (第九条): the hazard is closed and archived, with a record."""
    return _step(hazard_id, "close", s.HazardClosing)


@routes.route(
    "/hazards/<int:hazard_id>/files",
    methods=["POST"],
    form=s.HazardFileUpload,
    responses={
        201: (s.HazardFile, "Stored"),
        200: (s.HazardFile, "Already stored (the same bytes)"),
        403: "Authors and inspectors add no files",
        404: NOT_FOUND,
        409: "closed: nothing more to do",
        413: "too_large",
        422: "unsupported_type, heic, corrupt, empty, too_many_pixels (fields names file)",
    },
)
def add_hazard_file(hazard_id: int):
    """A photo (JPEG, PNG, WebP) or document (PDF, .docx, .xlsx) for the hazard's next step:
    the closure report's evidence, the verifiers' photos. The same bytes again answer 200."""
    found = load(hazard_id)
    if not any(supervision.can_take(current_user, step) for step in STEPS.values()):
        refuse_unless_ok(403)
    upload = request.files.get("file")
    if upload is None:
        raise ApiError(
            400,
            "bad_request",
            _("Send the file as the multipart field file."),
            {"file": _("This field is required.")},
        )
    form(s.HazardFileUpload)
    record, created = supervision.add_file(
        found, upload.read(), upload.filename or "", current_user
    )
    db.session.commit()
    return reply(file_json(record), 201 if created else 200)
