"""约谈 in the JSON API: ``/api/v1/interviews`` (the due list, scheduling, one interview, its
steps ``held`` and ``report``). The contract is ``inspections.supervision.schemas``."""

from __future__ import annotations

from flask import request, url_for
from flask_login import current_user
from pydantic import BaseModel

from checklists.core.api import (
    NOT_FOUND,
    ApiError,
    ApiRoutes,
    args,
    body,
    paginate,
    refuse_unless_ok,
    reply,
)
from checklists.core.clock import local_today
from checklists.core.extensions import db
from checklists.core.schemas import Page
from inspections.supervision import interviews
from inspections.supervision import schemas as s
from inspections.supervision.models import Interview

routes = ApiRoutes()


def load(interview_id: int, step: str | None = None) -> Interview:
    found, status = interviews.checked(current_user, interview_id, step)
    refuse_unless_ok(status)
    return found


def interview_json(interview: Interview) -> s.InterviewRecord:
    waiting = next(
        (name for name, (_w, start, _l) in interviews.STEPS.items() if start == interview.status),
        None,
    )
    return s.InterviewRecord(
        id=interview.id,
        number=interview.number,
        organisation_id=interview.organisation_id,
        organisation=interview.organisation.name,
        trigger=interview.trigger,
        reason=interview.reason,
        clause_key=interview.clause_key,
        clause_text=interview.clause_text,
        citation=interviews.citation(interview.clause_key),
        hazard_id=interview.hazard_id,
        inspection_ids=list(interview.inspection_ids or []),
        scheduled_at=interview.scheduled_at,
        place=interview.place,
        status=interview.status,
        next_step=waiting,
        attendees=list(interview.attendees or []),
        minutes=interview.minutes,
        commitments=interview.commitments,
        held_on=interview.held_on,
        held_at=interview.held_at,
        report_due_on=interview.report_due_on,
        report_due_provisional=interview.report_due_provisional,
        report_text=interview.report_text,
        reported_at=interview.reported_at,
        overdue=interview.is_overdue(local_today()),
        overdue_since=interview.overdue_since,
        client_id=interview.client_id,
        created_by=interview.created_by.name if interview.created_by else None,
        created_on=interview.created_on,
        created_at=interview.created_at,
        events=[s.InterviewEvent(**e) for e in interview.events],
        notice_url=url_for("interviews.notice", interview_id=interview.id),
    )


@routes.route(
    "/interviews/due",
    responses={
        200: ([s.InterviewDue], "Who should be interviewed today, and why"),
        403: "Only supervisors and administrators",
    },
)
def interviews_due():
    """The organisations the caller sees that should be interviewed today (第三条（二）6: the
    same kind of violation twice in the window, INTERVIEW_WINDOW; 第三条（二）2: a major hazard
    not put right in time), leaving out what an interview created in the window answers."""
    if not interviews.can_schedule(current_user):
        refuse_unless_ok(403)
    return reply([s.InterviewDue(**e) for e in interviews.due(current_user, local_today())])


@routes.route(
    "/interviews",
    query=Page,
    responses={200: ([s.InterviewRecord], "One page; a Link header points at the next")},
)
def interviews_list():
    """The interviews the caller may see, newest first."""
    wanted = args(Page)
    query = interviews.visible_interviews(current_user).order_by(Interview.id.desc())
    return paginate(query, wanted, interview_json)


@routes.route(
    "/interviews",
    methods=["POST"],
    body=s.InterviewCreate,
    responses={
        201: (s.InterviewRecord, "Scheduled, with its numbered 约谈通知"),
        200: (s.InterviewRecord, "Already scheduled with this client_id"),
        403: "Only supervisors and administrators schedule interviews",
        409: "id_reused: this client_id scheduled another interview; regime_not_applicable: "
        "outside SUPERVISION_REGION or its document not in force (give override)",
        422: "No client_id, an unknown organisation, no reason, a clause outside 第三条",
    },
)
def create_interview():
    """Issue a numbered 约谈通知 (第四条); the same client_id again answers 200."""
    if not interviews.can_schedule(current_user):
        refuse_unless_ok(403)
    data = body(s.InterviewCreate)
    interview, created = interviews.schedule(
        current_user,
        today=local_today(),
        organisation_id=data.organisation_id,
        trigger=data.trigger,
        reason=data.reason,
        clause_key_=data.clause_key,
        scheduled_at=data.scheduled_at,
        place=data.place,
        client_id=data.client_id,
        override=data.override,
    )
    db.session.commit()
    return reply(interview_json(interview), 201 if created else 200)


@routes.route(
    "/interviews/<int:interview_id>",
    responses={200: (s.InterviewRecord, "The interview"), 404: NOT_FOUND},
)
def interview(interview_id: int):
    """One interview with its steps."""
    return reply(interview_json(load(interview_id)))


def _step(interview_id: int, name: str, model: type[BaseModel]):
    found = load(interview_id, name)
    try:
        data = body(model) if request.get_data() else model()
    except ApiError:
        interviews.check_order(found, name)  # 409 before the body's mistakes
        raise
    values = data.model_dump(mode="json", exclude_none=True)
    _found, created = interviews.take_step(found, name, current_user, values, today=local_today())
    db.session.commit()
    return reply(interview_json(found), 201 if created else 200)


def _responses(who: str, invalid: str) -> dict:
    return {
        201: (s.InterviewRecord, "Recorded"),
        200: (s.InterviewRecord, "Already recorded (the same content again)"),
        403: who,
        404: NOT_FOUND,
        409: "out_of_order: another step must come first (the message names it); already_done",
        422: invalid,
    }


@routes.route(
    "/interviews/<int:interview_id>/held",
    methods=["POST"],
    body=s.InterviewHeld,
    responses=_responses(
        "Only a supervisor (or an administrator) records the interview",
        "No minutes, bad attendees, a day in the future",
    ),
)
def interview_held(interview_id: int):
    """The interview was held: attendees, minutes (纪要, 第六条), commitments, the day; the
    written report is due 15 working days later (第七条)."""
    return _step(interview_id, "held", s.InterviewHeld)


@routes.route(
    "/interviews/<int:interview_id>/report",
    methods=["POST"],
    body=s.InterviewReport,
    responses=_responses(
        "Only the enterprise (or an administrator) sends the written report", "No text"
    ),
)
def interview_report(interview_id: int):
    """The unit's written report on what it did after the interview (第七条)."""
    return _step(interview_id, "report", s.InterviewReport)
