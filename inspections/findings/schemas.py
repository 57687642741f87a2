"""Findings' API schemas: findings and their history, the enterprise's corrective actions and
files, the inspector's 复查 and deadlines, and the public deadline calculator.

A few body fields are typed here but judged by the service (``operations``, ``deadlines``), as
the HTML forms' are: a deadline's N and unit (N's range depends on the unit, at 复查 perhaps the
finding's) and the texts (their absence is refused in the service's words). Their refusals name
the field as they always did (``n``, ``unit``, ``description``: 422, also when absent); the
schema refuses first a value of the wrong JSON type and every field it does not document.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from flask_babel import gettext as _
from pydantic import (
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
)

from checklists.authoring.models import Severity
from checklists.core.errors import InputError
from checklists.core.schemas import (
    Blank,
    Date,
    In,
    JsonValue,
    Moment,
    Out,
    Page,
    Query,
    QueryInt,
    Sha256,
    Text,
    Uuid,
    refuse,
    required_in_document,
)
from inspections.filling import schemas as filling_schemas
from inspections.findings import deadlines
from inspections.findings.models import FindingStatus
from inspections.findings.operations import MAX_TEXT
from inspections.findings.workdays import MAX_N, Unit

#: ``FindingEvent.kind`` (plain strings, no StrEnum).
EventKind = Literal[
    "raised", "action", "closed", "reopened", "deadline", "recomputed", "overdue", "withdrawn"
]
#: ``FindingFile.kind`` (``inspections.filling.evidence``: PHOTO, DOCUMENT).
FileKind = Literal["photo", "document"]
#: The 复查's outcomes (``operations.OUTCOMES``).
Outcome = Literal["closed", "reopened"]


def _count_as_sent(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)  # 40.0 is 40 (as JSON Schema counts it)
    if isinstance(value, bool) or not isinstance(value, int | str | None):
        raise refuse(_("Must be a whole number."))
    return value


_COUNT_SCHEMA = {
    "type": ["integer", "string"],
    "pattern": "^[1-9][0-9]*$",
    "minimum": 1,
    "maximum": MAX_N["hour"],
    "description": (
        f"1 to {MAX_N['day']} (days, working days), {MAX_N['month']} (months), "
        f"{MAX_N['year']} (years) or {MAX_N['hour']} (hours)"
    ),
}
_UNIT_SCHEMA = {"enum": [unit.value for unit in Unit]}
_TEXT_SCHEMA = {"type": "string", "maxLength": MAX_TEXT}


def _or_null(schema: dict[str, Any], *, blank: bool = False) -> WithJsonSchema:
    """An optional field's schema: null (and "" where ``blank``) is accepted as absent, so the
    document says so."""
    absent = [{"type": "null"}, {"const": ""}] if blank else [{"type": "null"}]
    return WithJsonSchema({"anyOf": [schema, *absent]})


_Count = Annotated[int | str | None, BeforeValidator(_count_as_sent)]
#: A deadline's N as sent: a whole number, or its text (as a form sends it); its range depends
#: on the unit, so the service checks it (``deadlines.parse_count``, naming ``n``). Required
#: in the document; its absence (or null) is the service's refusal.
CountIn = Annotated[_Count, WithJsonSchema(_COUNT_SCHEMA)]
OptionalCount = Annotated[_Count, _or_null(_COUNT_SCHEMA, blank=True)]
#: A deadline's unit as sent; the service checks it (``deadlines.parse_unit``, naming ``unit``).
UnitIn = Annotated[Text | None, WithJsonSchema(_UNIT_SCHEMA)]
OptionalUnit = Annotated[Text | None, _or_null(_UNIT_SCHEMA, blank=True)]
#: Free text the service checks (at most ``MAX_TEXT`` characters once trimmed).
LongText = Annotated[Text | None, WithJsonSchema(_TEXT_SCHEMA)]
OptionalLongText = Annotated[Text | None, _or_null(_TEXT_SCHEMA)]
#: A file part of a multipart form (read by the view, not the model).
FilePart = Annotated[Any, WithJsonSchema({"type": "string", "format": "binary"})]


# --- requests -----------------------------------------------------------------------------------


class FindingsQuery(Page):
    status: Annotated[FindingStatus | None, Blank] = None
    organisation_id: Annotated[QueryInt | None, Blank] = None
    inspection_uuid: Annotated[Uuid | None, Blank] = None
    overdue: Annotated[
        bool | None,
        Blank,
        Field(description="only unresolved findings past their deadline (1 or true)"),
    ] = None


class ActionReport(In):
    """A corrective action; as JSON, or as the text fields of a multipart form whose ``file``
    parts are its evidence."""

    model_config = ConfigDict(json_schema_extra=required_in_document("description"))

    description: Annotated[LongText, Field(description="what was done")] = None
    client_id: Annotated[
        Text | None,
        _or_null({"type": "string", "maxLength": 64}),
        Field(description="made on the device: a resend with it is stored once"),
    ] = None


class ActionForm(ActionReport):
    """The action as multipart/form-data: the same text fields, and any number of ``file``
    parts (photos or documents) that become its evidence."""

    file: list[FilePart] = []


class FindingFileUpload(In):
    """multipart/form-data: the file alone."""

    model_config = ConfigDict(json_schema_extra=required_in_document("file"))

    file: FilePart = None


def _verification_schema(schema: dict[str, Any]) -> None:
    required_in_document("outcome")(schema)
    required_in_document("reason", when={"outcome": {"const": "reopened"}})(schema)


class Verification(In):
    model_config = ConfigDict(json_schema_extra=_verification_schema)

    outcome: Outcome = None  # type: ignore[assignment]
    reason: Annotated[OptionalLongText, Field(description="required to reopen")] = None
    n: Annotated[
        OptionalCount, Field(description="reopening: a new deadline, counted from today")
    ] = None
    unit: Annotated[OptionalUnit, Field(description="of n; the finding's unit if absent")] = None


def _deadline_setting_schema(schema: dict[str, Any]) -> None:
    required_in_document("n", "unit")(schema)
    schema["allOf"] = [
        {
            "if": {"properties": {"unit": {"const": unit}}, "required": ["unit"]},
            "then": {"properties": {"n": {"maximum": most}}},
        }
        for unit, most in MAX_N.items()
        if most < MAX_N["hour"]
    ]


class DeadlineSetting(In):
    """N working days, days, months, years or hours: at most 3650 (working) days, 120 months,
    10 years, 8760 hours."""

    model_config = ConfigDict(json_schema_extra=_deadline_setting_schema)

    n: CountIn = None
    unit: UnitIn = None


def _deadline_object(value: Any) -> Any:
    if not isinstance(value, dict):
        raise refuse(_("An object with n and unit."))
    return value


class FindingUpdate(In):
    """Another deadline, counted from the notice's day (hours from now)."""

    model_config = ConfigDict(json_schema_extra=required_in_document("deadline"))

    deadline: Annotated[
        DeadlineSetting, BeforeValidator(_deadline_object), Field(validate_default=True)
    ] = None  # type: ignore[assignment]
    reason: Annotated[
        OptionalLongText, Field(description="why (else the deadline's explanation)")
    ] = None


def _service_refusal(exc: InputError) -> Exception:
    return refuse(next(iter(exc.fields.values()), _("The data is not valid.")))


#: A day, or a day and a time (its offset optional: without one it is the service's time).
_START_PATTERN = (
    "^[0-9]{4}-[0-9]{2}-[0-9]{2}"
    "(T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?(Z|[+-][0-9]{2}:[0-9]{2})?)?$"
)


def _start_in(value: Any) -> Any:
    raw = value.strip() if isinstance(value, str) else ""
    try:
        return dt.datetime.fromisoformat(raw) if "T" in raw else dt.date.fromisoformat(raw)
    except ValueError:
        raise refuse(_("A date (YYYY-MM-DD), or a date and time for hours.")) from None


class DeadlineQuery(Query):
    """A refusal here is a 422 naming the parameter (the calculator's contract)."""

    start: Annotated[
        dt.datetime | dt.date,
        BeforeValidator(_start_in),
        WithJsonSchema({"type": "string", "pattern": _START_PATTERN}),
        Field(description="YYYY-MM-DD (not counted), or YYYY-MM-DDTHH:MM for hours"),
    ]
    unit: Unit = Unit.WORKING_DAY
    n: Annotated[int, Field(ge=1, le=MAX_N["hour"])]

    @field_validator("unit", mode="before")
    @classmethod
    def _unit(cls, value: Any) -> str:
        try:
            return deadlines.parse_unit(value)
        except InputError as exc:
            raise _service_refusal(exc) from None

    @field_validator("n", mode="before")
    @classmethod
    def _count(cls, value: Any, info: ValidationInfo) -> int:
        try:
            return deadlines.parse_count(value, info.data.get("unit", Unit.WORKING_DAY))
        except InputError as exc:
            raise _service_refusal(exc) from None


# --- answers ------------------------------------------------------------------------------------


class InspectionFinding(Out):
    """One finding inside an inspection's JSON (``GET /findings/{id}`` has the rest)."""

    id: int
    item_id: int
    clause_key: str
    clause_text: str
    severity: Severity
    reason: str
    status: FindingStatus
    due_on: Date
    notice_number: str | None = Field(description="整改通知书 number, e.g. 整改〔2026〕0007号")


class FindingDeadline(Out):
    start: Date = Field(description="the notice's day, not counted")
    n: int = Field(ge=1)
    unit: Unit
    provisional: bool = Field(description="counted on weekdays: the year's calendar is not loaded")
    explanation: str


class FindingSummary(Out):
    """A finding as listed."""

    id: int
    inspection_uuid: Uuid
    organisation_id: int
    item_id: int
    number: int = Field(description="its place in the notice (第N项)")
    notice_number: str | None
    clause_key: str
    document_number: str | None = Field(description="the 文号")
    clause_text: str
    clause_text_hash: Annotated[str, Field(pattern="^([0-9a-f]{64})?$")] = Field(
        description="SHA-256 of clause_text (hex); empty for an item without a clause"
    )
    template_version: int
    prompt: str
    severity: Severity
    reason: str = Field(description="what was found against what the clause demands")
    required_action: str
    status: FindingStatus
    due_on: Date
    due_at: Moment | None = Field(description="for a deadline in hours")
    deadline: FindingDeadline
    overdue: bool
    closed_at: Moment | None


class FindingEvent(Out):
    """One step of a finding's history (never changed or deleted)."""

    id: int
    kind: EventKind
    at: Moment
    actor: str | None
    text: str
    data: dict[str, JsonValue] = Field(
        description="what changed: due_on [before, after], the status it came from, …"
    )
    client_id: str | None


class FindingFile(Out):
    """A photo or document sent as evidence of a corrective action."""

    id: int
    kind: FileKind
    sha256: Sha256
    mime: str
    filename: str
    byte_size: int
    width: int | None
    height: int | None
    action_id: int | None = Field(description="the action it belongs to; null until reported")
    uploaded_at: Moment
    url: str
    thumbnail_url: str


class FindingEvidencePhoto(Out):
    """An inspection photo of the failed item."""

    sha256: Sha256
    url: str
    annotates: Sha256 | None = Field(
        None, description="an annotated copy: the SHA-256 of its original; null: an original"
    )


class Finding(FindingSummary):
    """One finding with its evidence, its whole history and its files."""

    evidence_photos: list[FindingEvidencePhoto]
    events: list[FindingEvent]
    files: list[FindingFile]


class FindingWithAction(Finding):
    action: FindingEvent = Field(description="the corrective action recorded (or found again)")


class FindingWithVerification(Finding):
    verification: FindingEvent = Field(description="the 复查 recorded (or found again)")


class Deadline(Out):
    """A deadline the official way."""

    start: str = Field(description="the start as read: YYYY-MM-DD, or a date and time for hours")
    n: int
    unit: Unit
    due_on: Date
    due_at: Moment | None = Field(description="for hours: the moment, Beijing time")
    provisional: bool
    unknown_years: list[int] = Field(description="years whose official calendar is not loaded")
    explanation: str


class Inspection(filling_schemas.Inspection):
    """One inspection with its items, answers, results, photos and findings."""

    findings: list[InspectionFinding] = Field(
        description="raised from its failed items at submission, in the notice's order"
    )
