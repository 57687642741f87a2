"""Scheduled inspections in the JSON API: ``/api/v1/schedules`` (list, create, show, edit) and
``/api/v1/schedules/occurrences`` (the due days in a window, with their standing). The contract
is ``inspections.scheduling.schemas``. Enterprise users find none of it (404)."""

from __future__ import annotations

import sqlalchemy as sa
from flask import request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from checklists.core.api import (
    ApiError,
    ApiRoutes,
    args,
    body,
    error_response,
    paginate,
    reply,
)
from checklists.core.clock import local_today
from checklists.core.extensions import db
from inspections.findings.deadlines import official_calendar
from inspections.scheduling import operations
from inspections.scheduling import schemas as s
from inspections.scheduling.models import Schedule

routes = ApiRoutes()
ENTERPRISE_404 = "Missing, outside the caller's scope, or the caller is an enterprise user"


@routes.errorhandler(operations.NotFoundError)
def _missing(_exc):
    return error_response(ApiError(404, "not_found", _("Not found.")))


@routes.errorhandler(operations.Forbidden)
def _forbidden(_exc):
    return error_response(ApiError(403, "forbidden", _("Your role may not do this.")))


def schedule_json(schedule: Schedule, current=None, calendar=None) -> s.Schedule:
    """The answer for one schedule; ``current``: the newest published version by lineage,
    ``calendar``: the official calendar (each read once for a page of schedules)."""
    lineage = schedule.template.lineage
    current = current if current is not None else operations.published([lineage])
    template = current.get(lineage, schedule.template)
    today = local_today()
    return s.Schedule(
        id=schedule.id,
        template_id=template.id,
        template_lineage=lineage,
        template_name=template.name,
        organisation_id=schedule.organisation_id,
        organisation=schedule.organisation.name,
        site_id=schedule.site_id,
        site=schedule.site.name if schedule.site else None,
        inspector_ids=[u.id for u in schedule.inspectors],
        rule_kind=schedule.rule_kind,
        rule_period=schedule.rule_period,
        rule_day=schedule.rule_day,
        rule_month=schedule.rule_month,
        rule_weeks=schedule.rule_weeks,
        rule_weekday=schedule.rule_weekday,
        rule=schedule.rule.describe(),
        starts_on=schedule.starts_on,
        ends_on=schedule.ends_on,
        active=schedule.active,
        deactivated_on=schedule.deactivated_on,
        next_due_on=operations.next_due(schedule, today, calendar or official_calendar()),
        note=schedule.note,
        client_id=schedule.client_id,
        created_at=schedule.created_at,
    )


@routes.route(
    "/schedules",
    query=s.ScheduleQuery,
    responses={
        200: ([s.Schedule], "One page: the caller's (an inspector: those assigned to them)"),
        403: "Authors",
        404: "Enterprise users (schedules are not theirs to know)",
    },
)
def schedules():
    """The schedules the caller may see: a supervisor's region, an inspector's assignments."""
    operations.require_staff(current_user)
    wanted = args(s.ScheduleQuery)
    query = operations.visible_schedules(current_user).order_by(Schedule.id)
    if wanted.organisation_id is not None:
        query = query.where(Schedule.organisation_id == wanted.organisation_id)
    if wanted.active is not None:
        query = query.where(Schedule.active == wanted.active)
    cache: dict = {}

    def load(rows: list[Schedule]) -> None:
        cache["current"] = operations.published({r.template.lineage for r in rows})
        cache["calendar"] = official_calendar()

    return paginate(
        query, wanted, lambda row: schedule_json(row, cache["current"], cache["calendar"]), load
    )


@routes.route(
    "/schedules",
    methods=["POST"],
    body=s.ScheduleCreate,
    responses={
        201: (s.Schedule, "Created"),
        200: (s.Schedule, "Already created with this client_id"),
        403: "Inspectors and authors",
        404: "Enterprise users",
        409: "id_reused (the client_id is another schedule's); template_unpublished (the "
        "checklist has no published version)",
        422: "A field missing or invalid (named in fields, in Chinese)",
    },
)
def schedule_create():
    """Create a schedule; the same client_id again answers 200 with the same schedule."""
    operations.require_manager(current_user)
    data = body(s.ScheduleCreate)
    values = data.model_dump(exclude={"client_id"}, exclude_unset=True)
    try:
        schedule, created = operations.create(
            current_user, values, client_id=data.client_id, today=local_today()
        )
        db.session.commit()
    except sa.exc.IntegrityError:
        # a retry of this request made the same client_id a moment earlier
        db.session.rollback()
        earlier = operations.made_with(current_user, data.client_id)
        if earlier is None:
            raise
        schedule, created = earlier, False
    return reply(schedule_json(schedule), 201 if created else 200)


@routes.route(
    "/schedules/<int:schedule_id>",
    responses={200: (s.Schedule, "The schedule"), 403: "Authors", 404: ENTERPRISE_404},
)
def schedule(schedule_id: int):
    """One schedule, with its next due day."""
    return reply(schedule_json(operations.get_schedule(current_user, schedule_id)))


@routes.route(
    "/schedules/<int:schedule_id>",
    methods=["PATCH"],
    body=s.ScheduleUpdate,
    responses={
        200: (s.Schedule, "Changed (an empty body changes nothing)"),
        403: "Inspectors and authors",
        404: ENTERPRISE_404,
        409: "template_unpublished",
        422: "A field invalid (named in fields, in Chinese)",
    },
)
def schedule_update(schedule_id: int):
    """Edit, deactivate (``active``: false) or reactivate a schedule."""
    schedule = operations.get_schedule(current_user, schedule_id, manage=True)
    data = body(s.ScheduleUpdate)
    operations.update(current_user, schedule, data.model_dump(exclude_unset=True), local_today())
    db.session.commit()
    return reply(schedule_json(schedule))


@routes.route(
    "/schedules/occurrences",
    query=s.ScheduleOccurrenceQuery,
    responses={
        200: ([s.ScheduleOccurrence], "By day; paged like every list"),
        403: "Authors",
        404: "Enterprise users",
        422: f"to before from, or more than {operations.MAX_WINDOW_DAYS} days after it",
    },
)
def schedule_occurrences():
    """The occurrences due from ``from`` to ``to`` of the schedules the caller sees, each with
    its standing and the inspection started for it or fulfilling it."""
    operations.require_staff(current_user)
    wanted = args(s.ScheduleOccurrenceQuery)
    found = operations.occurrences(
        current_user,
        wanted.from_,
        wanted.to,
        today=local_today(),
        schedule_id=wanted.schedule_id,
        organisation_id=wanted.organisation_id,
    )
    first = (wanted.page - 1) * wanted.per_page
    page = found[first : first + wanted.per_page]
    response = reply(
        [
            s.ScheduleOccurrence(
                schedule_id=o.schedule.id,
                organisation_id=o.schedule.organisation_id,
                site_id=o.schedule.site_id,
                template_id=o.template_id,
                due_on=o.due_on,
                period_start=o.period[0],
                period_end=o.period[1],
                status=o.status,
                inspection_uuid=o.inspection_uuid,
            )
            for o in page
        ]
    )
    if len(found) > first + wanted.per_page:
        more = {**request.args.to_dict(), "page": wanted.page + 1, "per_page": wanted.per_page}
        response.headers["Link"] = (
            f'<{url_for(request.endpoint, **more, _external=True)}>; rel="next"'
        )
    return response
