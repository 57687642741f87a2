"""Scheduled inspections decided: who sees which schedules, creating and editing them, their
occurrences with a standing (待检, 已完成, 逾期), starting the inspection for an occurrence, and
the rule a template's clauses suggest.

Checks run in the contract's order: 404 (missing, outside the caller's scope, or any schedule
for an enterprise user: inspections are often unannounced), 403 (role), 409 (state), 422
(body). Each function mutates and flushes; the caller commits once."""

from __future__ import annotations

import datetime as dt
import uuid as uuidlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from flask_babel import gettext as _

from checklists.accounts.models import Organisation, Role, Site, User
from checklists.accounts.permissions import visible_organisations
from checklists.authoring.models import ChecklistTemplate, TemplateStatus
from checklists.core import audit
from checklists.core.db import as_utc
from checklists.core.errors import Conflict, InputError
from checklists.core.extensions import db
from checklists.core.workdays import SHANGHAI, OfficialCalendar
from checklists.standards.models import Requirement
from inspections.filling import workflow
from inspections.filling.models import Inspection, InspectionStatus
from inspections.filling.permissions import visible_inspections
from inspections.findings.deadlines import official_calendar
from inspections.scheduling import rules
from inspections.scheduling.models import Schedule, ScheduledInspection, schedule_inspectors
from inspections.spotcheck.frequency import Period

#: Who creates, edits and deactivates schedules.
MANAGERS = (Role.ADMIN, Role.SUPERVISOR)
#: Who sees schedules (an inspector: the ones assigned to them) and starts their inspections.
STAFF = (Role.ADMIN, Role.SUPERVISOR, Role.INSPECTOR)
#: The longest window of occurrences one request may ask for, in days.
MAX_WINDOW_DAYS = 366
#: Inspections that fulfil an occurrence: submitted (and approved); a returned one does not.
FULFILLING = (InspectionStatus.SUBMITTED, InspectionStatus.APPROVED)
NOTE_MAX = 1000
INSPECTORS_MAX = 20


class NotFoundError(Exception):
    """Missing, outside the caller's scope, or asked by an enterprise user: 404."""


class Forbidden(Exception):
    """Visible, but not for this role: 403."""


# --- who sees what ----------------------------------------------------------------------------


def visible_schedules(user: User) -> sa.Select[tuple[Schedule]]:
    """Administrators: all; a supervisor: those of the organisations in their region (all
    without one); an inspector: those assigned to them; anyone else: none."""
    query = sa.select(Schedule)
    if user.role == Role.ADMIN or (user.role == Role.SUPERVISOR and user.region_id is None):
        return query
    if user.role == Role.SUPERVISOR:
        orgs = visible_organisations(user).with_only_columns(Organisation.id)
        return query.where(Schedule.organisation_id.in_(orgs))
    if user.role == Role.INSPECTOR:
        mine = sa.select(schedule_inspectors.c.schedule_id).where(
            schedule_inspectors.c.user_id == user.id
        )
        return query.where(Schedule.id.in_(mine))
    return query.where(sa.false())


def require_staff(user: User) -> None:
    """Schedules at all: an enterprise user finds nothing (404), an author may not (403)."""
    if user.role == Role.ENTERPRISE:
        raise NotFoundError
    if user.role not in STAFF:
        raise Forbidden


def require_manager(user: User) -> None:
    require_staff(user)
    if user.role not in MANAGERS:
        raise Forbidden


def get_schedule(user: User, schedule_id: int, *, manage: bool = False) -> Schedule:
    """The schedule as ``user`` may see it: 404 before 403."""
    if user.role == Role.ENTERPRISE:
        raise NotFoundError
    if user.role not in STAFF:
        if db.session.get(Schedule, schedule_id) is None:
            raise NotFoundError
        raise Forbidden
    found = db.session.scalar(visible_schedules(user).where(Schedule.id == schedule_id))
    if found is None:
        raise NotFoundError
    if manage and user.role not in MANAGERS:
        raise Forbidden
    return found


def published(lineages: Iterable[str]) -> dict[str, ChecklistTemplate]:
    """The newest published version of each lineage (a lineage with none is left out)."""
    wanted = set(lineages)
    if not wanted:
        return {}
    rows = db.session.scalars(
        sa.select(ChecklistTemplate)
        .where(
            ChecklistTemplate.lineage.in_(wanted),
            ChecklistTemplate.status == TemplateStatus.PUBLISHED,
        )
        .order_by(ChecklistTemplate.version)
    )
    return {t.lineage: t for t in rows}  # the highest version last


# --- create and edit --------------------------------------------------------------------------

#: Fields a body may give, with the model's defaults for the rule's.
RULE_FIELDS = ("rule_kind", "rule_period", "rule_day", "rule_month", "rule_weeks", "rule_weekday")
EDITABLE = (
    "template_id",
    "site_id",
    "inspector_ids",
    *RULE_FIELDS,
    "starts_on",
    "ends_on",
    "active",
    "note",
)


def create(
    user: User, values: Mapping[str, Any], *, client_id: str | None, today: dt.date
) -> tuple[Schedule, bool]:
    """A new schedule from ``values`` (the body's fields, ``organisation_id`` among them). The
    same ``client_id`` again answers the schedule made with it (False)."""
    require_manager(user)
    existing = made_with(user, client_id)
    if existing is not None:
        return existing, False
    errors: dict[str, str] = {}
    if not client_id:
        errors["client_id"] = _("This field is required.")
    org = _organisation(user, values.get("organisation_id"), errors)
    schedule = Schedule(organisation=org, client_id=client_id, created_by_id=user.id, active=True)
    fields = {"note": "", **{k: v for k, v in values.items() if k != "active"}}
    with db.session.no_autoflush:
        _apply(schedule, fields, errors, creating=True, today=today)
    if errors:
        raise InputError(errors)
    _require_published(schedule.template)
    db.session.add(schedule)
    db.session.flush()
    audit.record("schedule", schedule.id, user.id, "created", {}, state(schedule))
    return schedule, True


def made_with(user: User, client_id: str | None) -> Schedule | None:
    """The schedule made with ``client_id`` before (None: none); another's is a 409."""
    if not client_id:
        return None
    existing = db.session.scalar(sa.select(Schedule).where(Schedule.client_id == client_id))
    if existing is None:
        return None
    if db.session.scalar(visible_schedules(user).where(Schedule.id == existing.id)) is None:
        raise Conflict("id_reused", _("This client_id belongs to another schedule."))
    return existing


def update(user: User, schedule: Schedule, changes: Mapping[str, Any], today: dt.date) -> None:
    """Edit a schedule (``changes``: the fields given); ``active`` false deactivates it from
    today (its earlier occurrences keep their standing), true reactivates it."""
    before = state(schedule)
    errors: dict[str, str] = {}
    with db.session.no_autoflush:  # no half-checked change reaches the database
        _apply(schedule, changes, errors, creating=False, today=today)
    if errors:
        db.session.expire(schedule)  # nothing half-changed stays in the session
        raise InputError(errors)
    if "template_id" in changes:
        _require_published(schedule.template)
    db.session.flush()
    after = state(schedule)
    if after != before:
        audit.record("schedule", schedule.id, user.id, "updated", before, after)


def _require_published(template: ChecklistTemplate) -> None:
    if template.lineage not in published([template.lineage]):
        raise Conflict(
            "template_unpublished",
            _("The checklist has no published version: publish it first."),
        )


def _organisation(user: User, org_id: Any, errors: dict[str, str]) -> Organisation | None:
    if org_id is None:
        errors["organisation_id"] = _("This field is required.")
        return None
    org = db.session.scalar(visible_organisations(user).where(Organisation.id == org_id))
    if org is None:
        errors["organisation_id"] = _("No such organisation.")
    return org


def _apply(
    schedule: Schedule,
    values: Mapping[str, Any],
    errors: dict[str, str],
    *,
    creating: bool,
    today: dt.date,
) -> None:
    """Check ``values`` and set them on ``schedule``; each refusal named in ``errors``."""
    required = _("This field is required.")
    if "template_id" in values or creating:
        template = db.session.get(ChecklistTemplate, values.get("template_id") or 0)
        if template is None:
            missing = values.get("template_id") is None
            errors["template_id"] = required if missing else _("No such checklist.")
        else:
            schedule.template = template
    if "site_id" in values or creating:
        site_id = values.get("site_id")
        site = db.session.get(Site, site_id) if site_id else None
        org = schedule.organisation  # a new schedule has no organisation_id until flushed
        if site_id and (site is None or org is None or site.organisation_id != org.id):
            errors["site_id"] = _("Not a site of this organisation.")
        else:
            schedule.site = site
    if "inspector_ids" in values or creating:
        people = _inspectors(values.get("inspector_ids"), errors)
        if people is not None:
            schedule.inspectors = people
    _rule(schedule, values, errors, creating)
    if "starts_on" in values or creating:
        if values.get("starts_on") is None:
            errors["starts_on"] = required
        else:
            schedule.starts_on = values["starts_on"]
    if "ends_on" in values:
        schedule.ends_on = values["ends_on"]
    if schedule.starts_on and schedule.ends_on and schedule.ends_on < schedule.starts_on:
        errors["ends_on"] = _("Must not be before the first day.")
    if "note" in values:
        note = (values["note"] or "").strip()
        if len(note) > NOTE_MAX:
            errors["note"] = _("At most %(n)d characters.", n=NOTE_MAX)
        schedule.note = note
    if "active" in values and bool(values["active"]) != bool(schedule.active):
        schedule.active = bool(values["active"])
        schedule.deactivated_on = None if schedule.active else today


def _inspectors(ids: Any, errors: dict[str, str]) -> list[User] | None:
    if not ids:
        errors["inspector_ids"] = _("Assign at least one inspector.")
        return None
    wanted = set(ids)
    if len(wanted) > INSPECTORS_MAX:
        errors["inspector_ids"] = _("At most %(n)s entries.", n=INSPECTORS_MAX)
        return None
    people = db.session.scalars(
        sa.select(User).where(
            User.id.in_(wanted), User.active, User.role.in_((Role.INSPECTOR, Role.SUPERVISOR))
        )
    ).all()
    if len(people) != len(wanted):
        errors["inspector_ids"] = _("Only active inspectors and supervisors can be assigned.")
        return None
    return sorted(people, key=lambda u: u.id)


def _rule(
    schedule: Schedule, values: Mapping[str, Any], errors: dict[str, str], creating: bool
) -> None:
    """The rule's fields: the given ones over the stored ones; those its kind reads are checked
    (day and weekday must be given for a new rule that reads them), the others reset."""
    if not creating and not any(name in values for name in RULE_FIELDS):
        return
    kind = values.get("rule_kind", schedule.rule_kind)
    if kind is None:
        errors["rule_kind"] = _("This field is required.")
        return
    period = values.get("rule_period", schedule.rule_period) or Period.MONTH
    given = {}
    for name, (low, high) in rules.limits(kind, period).items():
        field = f"rule_{name}"
        value = values.get(field, getattr(schedule, field))
        if value is None and name in ("month", "weeks"):
            value = 1
        if value is None:
            errors[field] = _("This field is required.")
        elif not low <= value <= high:
            errors[field] = _("From %(low)d to %(high)d.", low=low, high=high)
        else:
            given[name] = value
    if any(f"rule_{name}" in errors for name in rules.limits(kind, period)):
        return
    rule = rules.Rule(kind, period, **given).canonical()
    schedule.rule_kind, schedule.rule_period = rule.kind, rule.period
    schedule.rule_day, schedule.rule_month = rule.day, rule.month
    schedule.rule_weeks, schedule.rule_weekday = rule.weeks, rule.weekday


def state(schedule: Schedule) -> dict[str, Any]:
    """What the audit trail keeps of a schedule."""
    return {
        "template_id": schedule.template_id,
        "organisation_id": schedule.organisation_id,
        "site_id": schedule.site_id,
        "inspector_ids": [u.id for u in schedule.inspectors],
        "rule": schedule.rule.describe(),
        "starts_on": schedule.starts_on.isoformat(),
        "ends_on": schedule.ends_on.isoformat() if schedule.ends_on else None,
        "active": schedule.active,
        "note": schedule.note,
    }


# --- occurrences ------------------------------------------------------------------------------


@dataclass
class Occurrence:
    """One due day of one schedule, the period it is for, its standing and the inspection
    started for it or fulfilling it (``inspection_uuid``: only one the caller may open)."""

    schedule: Schedule
    due_on: dt.date
    period: tuple[dt.date, dt.date]
    status: rules.OccurrenceStatus
    template_id: int
    inspection: Inspection | None = None
    #: Started for this occurrence (not merely fulfilled by another inspection in its period).
    started: bool = False
    inspection_uuid: str | None = None

    @property
    def period_label(self) -> str:
        return rules.label_for(self.schedule.rule, self.due_on)


def check_window(start: dt.date | None, end: dt.date | None) -> tuple[dt.date, dt.date]:
    """The window asked for, or a 422 naming what is wrong with it."""
    errors = {}
    if start is None:
        errors["from"] = _("This field is required.")
    if end is None:
        errors["to"] = _("This field is required.")
    if start and end and end < start:
        errors["to"] = _("Must not be before %(field)s.", field="from")
    elif start and end and (end - start).days + 1 > MAX_WINDOW_DAYS:
        errors["to"] = _(
            "At most %(n)d days, counted from %(field)s (both days included).",
            n=MAX_WINDOW_DAYS,
            field="from",
        )
    if errors:
        raise InputError(errors)
    assert start and end
    return start, end


def occurrences(
    user: User,
    start: dt.date,
    end: dt.date,
    *,
    today: dt.date,
    schedule_id: int | None = None,
    organisation_id: int | None = None,
    calendar: OfficialCalendar | None = None,
) -> list[Occurrence]:
    """The occurrences of the schedules ``user`` sees, due from ``start`` to ``end`` (at most
    ``MAX_WINDOW_DAYS``), by day: each computed from its rule within the schedule's days, and
    each one an inspection was started for (also after its rule changed)."""
    start, end = check_window(start, end)
    query = visible_schedules(user).options(sa.orm.joinedload(Schedule.template))
    if schedule_id is not None:
        query = query.where(Schedule.id == schedule_id)
    if organisation_id is not None:
        query = query.where(Schedule.organisation_id == organisation_id)
    schedules = db.session.scalars(query.order_by(Schedule.id)).unique().all()
    if not schedules:
        return []
    calendar = calendar or official_calendar()
    links = {
        (link.schedule_id, link.due_on): link
        for link in db.session.scalars(
            sa.select(ScheduledInspection)
            .options(sa.orm.joinedload(ScheduledInspection.inspection))
            .where(
                ScheduledInspection.schedule_id.in_([s.id for s in schedules]),
                ScheduledInspection.due_on.between(start, end),
            )
        )
    }
    current = published(s.template.lineage for s in schedules)
    out: list[Occurrence] = []
    for schedule in schedules:
        days = set(due_days(schedule, start, end, calendar))
        days |= {day for (sid, day) in links if sid == schedule.id}
        template = current.get(schedule.template.lineage, schedule.template)
        for day in sorted(days):
            link = links.get((schedule.id, day))
            inspection = link.inspection if link else None
            out.append(
                Occurrence(
                    schedule=schedule,
                    due_on=day,
                    period=rules.period_for(schedule.rule, day),
                    status=rules.OccurrenceStatus.DUE,
                    template_id=inspection.template_id if inspection else template.id,
                    inspection=inspection,
                    started=link is not None,
                )
            )
    _fulfil(out)
    _judge(out, today)
    _reveal(user, out)
    out.sort(key=lambda o: (o.due_on, o.schedule.organisation_id, o.schedule.id))
    return out


def due_days(
    schedule: Schedule, start: dt.date, end: dt.date, calendar: OfficialCalendar
) -> list[dt.date]:
    """The days ``schedule`` falls due from ``start`` to ``end``, within its own days."""
    first = max(start, schedule.starts_on)
    last = min(end, schedule.last_day) if schedule.last_day else end
    return rules.occurrences(schedule.rule, first, last, calendar)


def _local_day(moment: dt.datetime) -> dt.date:
    return as_utc(moment).astimezone(SHANGHAI).date()


def _fulfil(found: list[Occurrence]) -> None:
    """Give each occurrence not started for the inspection that fulfils it: one of its
    organisation (its site, for a site's schedule) with a version of its template, submitted
    within its period, and not started for another occurrence of the same schedule."""
    open_ = [o for o in found if o.inspection is None]
    if not open_:
        return
    low = max(min(o.period[0] for o in open_), dt.date(1, 1, 3)) - dt.timedelta(days=1)
    high = min(max(o.period[1] for o in open_), dt.date(9999, 12, 29)) + dt.timedelta(days=2)
    rows = db.session.execute(
        sa.select(Inspection, ChecklistTemplate.lineage)
        .join(ChecklistTemplate, ChecklistTemplate.id == Inspection.template_id)
        .where(
            Inspection.organisation_id.in_({o.schedule.organisation_id for o in open_}),
            ChecklistTemplate.lineage.in_({o.schedule.template.lineage for o in open_}),
            Inspection.status.in_(FULFILLING),
            Inspection.submitted_at >= dt.datetime.combine(low, dt.time(), dt.UTC),
            Inspection.submitted_at < dt.datetime.combine(high, dt.time(), dt.UTC),
        )
        .order_by(Inspection.submitted_at, Inspection.id)
    ).all()
    if not rows:
        return
    started_for = {
        (schedule_id, inspection_id)
        for schedule_id, inspection_id in db.session.execute(
            sa.select(ScheduledInspection.schedule_id, ScheduledInspection.inspection_id).where(
                ScheduledInspection.inspection_id.in_([i.id for i, _lineage in rows])
            )
        )
    }
    by_place: dict[tuple[int, str], list[tuple[Inspection, dt.date]]] = {}
    for inspection, lineage in rows:
        day = _local_day(inspection.submitted_at) if inspection.submitted_at else None
        if day is not None:
            by_place.setdefault((inspection.organisation_id, lineage), []).append((inspection, day))
    for occ in open_:
        schedule = occ.schedule
        for inspection, day in by_place.get(
            (schedule.organisation_id, schedule.template.lineage), []
        ):
            if schedule.site_id is not None and inspection.site_id != schedule.site_id:
                continue
            if (schedule.id, inspection.id) in started_for:
                continue  # started for another occurrence of this schedule (another's counts)
            if occ.period[0] <= day <= occ.period[1]:
                occ.inspection = inspection
                break


def _judge(found: list[Occurrence], today: dt.date) -> None:
    for occ in found:
        done = occ.inspection is not None and occ.inspection.status in FULFILLING
        occ.status = rules.status(occ.due_on, today, done)


def _reveal(user: User, found: list[Occurrence]) -> None:
    """The uuid of each occurrence's inspection, when ``user`` may open it (an inspector may
    not open every inspection that fulfils one of their occurrences)."""
    ids = {o.inspection.id for o in found if o.inspection is not None}
    if not ids:
        return
    visible = set(
        db.session.scalars(
            visible_inspections(user).with_only_columns(Inspection.id).where(Inspection.id.in_(ids))
        )
    )
    for occ in found:
        if occ.inspection is not None and occ.inspection.id in visible:
            occ.inspection_uuid = occ.inspection.uuid


def next_due(schedule: Schedule, today: dt.date, calendar: OfficialCalendar) -> dt.date | None:
    """The schedule's next due day from today (within a year and a bit: every rule has one)."""
    days = due_days(schedule, today, today + dt.timedelta(days=MAX_WINDOW_DAYS + 31), calendar)
    return days[0] if days else None


def counts(user: User, today: dt.date) -> dict[str, int]:
    """For the home page: occurrences due in the coming week and those overdue in the last
    ninety days, of the schedules ``user`` sees."""
    found = occurrences(
        user, today - dt.timedelta(days=90), today + dt.timedelta(days=7), today=today
    )
    return {
        "due": sum(1 for o in found if o.status == rules.OccurrenceStatus.DUE),
        "overdue": sum(1 for o in found if o.status == rules.OccurrenceStatus.OVERDUE),
    }


# --- start the inspection of an occurrence ----------------------------------------------------


def occurrence_uuid(schedule: Schedule, due_on: dt.date) -> str:
    """The inspection's uuid for one occurrence, the same on every try (a retried start, or two
    inspectors tapping at once, make one inspection)."""
    return str(uuidlib.uuid5(uuidlib.NAMESPACE_URL, f"clausecheck/schedule/{schedule.id}/{due_on}"))


def start(
    user: User, schedule: Schedule, due_on: dt.date, calendar: OfficialCalendar | None = None
) -> tuple[Inspection, bool]:
    """The inspection of the occurrence due on ``due_on``: the one started before (False), or a
    new one planned for that day with the newest published version of the template, assigned
    to the schedule's inspectors. A day the schedule is not due on is missing (404)."""
    link = db.session.scalar(
        sa.select(ScheduledInspection).where(
            ScheduledInspection.schedule_id == schedule.id, ScheduledInspection.due_on == due_on
        )
    )
    if link is not None:
        inspection = link.inspection
        if user.role == Role.INSPECTOR and inspection.is_open and user not in inspection.inspectors:
            inspection.inspectors.append(user)  # assigned to the schedule after it was started
            db.session.flush()
        return inspection, False
    if user.role not in STAFF:
        raise Forbidden
    if due_days(schedule, due_on, due_on, calendar or official_calendar()) != [due_on]:
        raise NotFoundError
    template = published([schedule.template.lineage]).get(schedule.template.lineage)
    if template is None:
        raise Conflict(
            "template_unpublished",
            _("The checklist has no published version: publish it first."),
        )
    inspection, created = workflow.create_inspection(
        template,
        schedule.organisation,
        user,
        uuid=occurrence_uuid(schedule, due_on),
        planned_on=due_on,
        inspectors=list(schedule.inspectors),
    )
    if not created and inspection.organisation_id != schedule.organisation_id:
        raise Conflict("id_reused", _("This uuid belongs to another inspection."))
    if created:
        inspection.site_id = schedule.site_id
        inspection.project = _("Scheduled: %(rule)s", rule=schedule.rule.describe())[:200]
    db.session.add(
        ScheduledInspection(
            schedule_id=schedule.id, due_on=due_on, inspection=inspection, started_by_id=user.id
        )
    )
    db.session.flush()
    return inspection, True


# --- what the clauses suggest -----------------------------------------------------------------


@dataclass(frozen=True)
class Suggestion:
    """The rule a template's clause suggests, and which clause says so."""

    rule: rules.Rule
    citation: str
    words: str


def suggestion(template: ChecklistTemplate) -> Suggestion | None:
    """The first item (in template order) whose clause carries an extracted frequency per
    month, quarter or year (每月至少一次) suggests the rule (``rules.from_requirement``)."""
    items = [i for i in template.ordered_items() if i.clause_id is not None]
    if not items:
        return None
    found: dict[int, list[Requirement]] = {}
    for req in db.session.scalars(
        sa.select(Requirement)
        .where(
            Requirement.clause_id.in_({i.clause_id for i in items}),
            Requirement.kind.in_(("frequency", "deadline")),
        )
        .order_by(Requirement.clause_id, Requirement.position)
    ):
        found.setdefault(req.clause_id, []).append(req)
    for item in items:
        reqs = found.get(item.clause_id or 0, [])
        frequency = next((r for r in reqs if r.kind == "frequency" and r.per in rules.MONTHS), None)
        due = next((r.due for r in reqs if r.due), None)
        if frequency is None and due and due.get("rule") == "weekly_day":
            # 每周五前上报: a deadline each week is a weekly rule of its own
            frequency = next(r for r in reqs if r.due == due)
            rule = rules.from_requirement("week", due)
        elif frequency is None:
            continue
        else:
            rule = rules.from_requirement(frequency.per, due)
        if rule is not None:
            return Suggestion(rule, item.citation, frequency.span)
    return None
