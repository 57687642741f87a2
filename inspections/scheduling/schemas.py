"""The scheduled inspections' API schemas. Fields the rules require are typed here and judged
by the services (absent: 422 naming the field, after the 404/403/409 checks). Every model's
name begins with ``Schedule``."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import ConfigDict, Field, WithJsonSchema

from checklists.core.schemas import (
    Blank,
    Date,
    Flag,
    Id,
    In,
    Moment,
    Out,
    Page,
    QueryInt,
    Text,
    required_in_document,
)
from inspections.scheduling.operations import INSPECTORS_MAX, MAX_WINDOW_DAYS, NOTE_MAX
from inspections.scheduling.rules import MAX_DAY, MAX_WEEKS, OccurrenceStatus, Recurrence
from inspections.spotcheck.frequency import Period

ClientId = Annotated[
    Annotated[Text, Field(max_length=64)] | None,
    WithJsonSchema({"type": "string", "maxLength": 64}),
    Field(description="made on the device: the same client_id again answers the same schedule"),
]
#: The rule's fields (see ``inspections.scheduling.rules``); those its kind does not read are
#: stored at their defaults.
RecurrenceField = Annotated[
    Recurrence,
    Field(
        description="day: on rule_day of the period's rule_month-th month; last_working_day: "
        "the period's last working day; following_month: by rule_day of the month after the "
        "period (次月5日前); weeks: every rule_weeks weeks on rule_weekday"
    ),
]
PeriodField = Annotated[Period, Field(description="month, quarter or year (default month)")]
Day = Annotated[
    int, Field(ge=1, le=MAX_DAY, description="day of the month (a shorter month: its last day)")
]
MonthInPeriod = Annotated[
    int, Field(ge=1, le=12, description="the month within the period: 1; 1–3 in a quarter")
]
Weeks = Annotated[int, Field(ge=1, le=MAX_WEEKS)]
Weekday = Annotated[int, Field(ge=0, le=6, description="0 Monday … 6 Sunday")]
InspectorIds = Annotated[list[Id], Field(max_length=INSPECTORS_MAX)]
Note = Annotated[Text, Field(max_length=NOTE_MAX)]

_DAY_KINDS = [Recurrence.DAY.value, Recurrence.FOLLOWING_MONTH.value]


def _create_required(schema: dict[str, Any]) -> None:
    """Required: the client id, the template, the organisation, the inspectors, the rule's
    kind and the first day; a rule on a day of the month needs the day, a weekly one the
    weekday."""
    required_in_document(
        "client_id", "template_id", "organisation_id", "inspector_ids", "rule_kind", "starts_on"
    )(schema)
    given = {"not": {"type": "null"}}
    schema["if"] = {
        "properties": {"rule_kind": {"enum": _DAY_KINDS}},
        "required": ["rule_kind"],
    }
    schema["then"] = {"required": ["rule_day"], "properties": {"rule_day": given}}
    schema["allOf"] = [
        {
            "if": {
                "properties": {"rule_kind": {"const": Recurrence.WEEKS.value}},
                "required": ["rule_kind"],
            },
            "then": {"required": ["rule_weekday"], "properties": {"rule_weekday": given}},
        }
    ]


class ScheduleQuery(Page):
    organisation_id: Annotated[QueryInt | None, Blank] = None
    active: Annotated[Flag | None, Blank] = None


class ScheduleCreate(In):
    """A schedule: a checklist (any version; each occurrence is inspected with the newest
    published one of its lineage), an organisation and optionally one of its sites, the
    inspectors, the rule, the first day and optionally the last."""

    model_config = ConfigDict(json_schema_extra=_create_required)

    client_id: ClientId = None
    template_id: Id = None  # type: ignore[assignment]
    organisation_id: Id = None  # type: ignore[assignment]
    site_id: Id | None = None
    inspector_ids: InspectorIds = None  # type: ignore[assignment]
    rule_kind: RecurrenceField = None  # type: ignore[assignment]
    rule_period: PeriodField = None  # type: ignore[assignment]
    rule_day: Day = None  # type: ignore[assignment]
    rule_month: MonthInPeriod = None  # type: ignore[assignment]
    rule_weeks: Weeks = None  # type: ignore[assignment]
    rule_weekday: Weekday = None  # type: ignore[assignment]
    starts_on: Date = None  # type: ignore[assignment]
    ends_on: Annotated[Date | None, Field(description="the last day (none: open-ended)")] = None
    note: Note = ""


class ScheduleUpdate(In):
    """The fields to change (the organisation stays); ``active`` false deactivates the
    schedule from today, true reactivates it; ``site_id`` and ``ends_on`` null clear them."""

    template_id: Id = None  # type: ignore[assignment]
    site_id: Id | None = None
    inspector_ids: InspectorIds = None  # type: ignore[assignment]
    rule_kind: RecurrenceField = None  # type: ignore[assignment]
    rule_period: PeriodField = None  # type: ignore[assignment]
    rule_day: Day = None  # type: ignore[assignment]
    rule_month: MonthInPeriod = None  # type: ignore[assignment]
    rule_weeks: Weeks = None  # type: ignore[assignment]
    rule_weekday: Weekday = None  # type: ignore[assignment]
    starts_on: Date = None  # type: ignore[assignment]
    ends_on: Date | None = None
    active: Flag = None  # type: ignore[assignment]
    note: Note = None  # type: ignore[assignment]


class ScheduleOccurrenceQuery(Page):
    from_: Annotated[Date, Field(alias="from", description="the first day (YYYY-MM-DD)")]
    to: Annotated[
        Date, Field(description=f"the last day, at most {MAX_WINDOW_DAYS} days from the first")
    ]
    schedule_id: Annotated[QueryInt | None, Blank] = None
    organisation_id: Annotated[QueryInt | None, Blank] = None


class Schedule(Out):
    id: int
    template_id: int = Field(description="the version its occurrences are inspected with now")
    template_lineage: str
    template_name: str
    organisation_id: int
    organisation: str
    site_id: int | None
    site: str | None
    inspector_ids: list[int]
    rule_kind: Recurrence
    rule_period: Period
    rule_day: int
    rule_month: int
    rule_weeks: int
    rule_weekday: int
    rule: str = Field(description="the rule in Chinese, e.g. 每季度第一个月的20日前")
    starts_on: dt.date
    ends_on: dt.date | None
    active: bool
    deactivated_on: dt.date | None
    next_due_on: dt.date | None
    note: str
    client_id: str | None
    created_at: Moment


class ScheduleOccurrence(Out):
    schedule_id: int
    organisation_id: int
    site_id: int | None
    template_id: int = Field(description="the version started with, or that would be")
    due_on: dt.date
    period_start: dt.date
    period_end: dt.date
    status: OccurrenceStatus = Field(description="due (待检), done (已完成) or overdue (逾期)")
    inspection_uuid: str | None = Field(
        description="the inspection started for it or fulfilling it, when the caller may open it"
    )
