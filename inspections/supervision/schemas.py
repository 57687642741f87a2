"""The 挂牌督办 API's schemas: listing a hazard, its steps, its files, and the hazard as answered.

The steps' fields that the rules require (the six 落实 of a plan, the closure report, who
verified) are typed here but judged by the service (``operations``), as the pages' are: their
absence is refused in the service's words, naming the field (422), after the hazard's state
was checked (409). The schema refuses first a value of the wrong JSON type and every field it
does not document. Every model's name begins with ``Hazard``: the document has one namespace.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import ConfigDict, Field, WithJsonSchema

from checklists.core.schemas import (
    Blank,
    Date,
    Id,
    In,
    JsonValue,
    Moment,
    Out,
    Page,
    QueryInt,
    Sha256,
    Text,
    required_in_document,
)
from inspections.findings.schemas import (
    FilePart,
    LongText,
    OptionalCount,
    OptionalLongText,
    OptionalUnit,
)
from inspections.findings.workdays import Unit
from inspections.supervision.models import HazardStatus, InterviewStatus, InterviewTrigger
from inspections.supervision.operations import MAX_NAME, MAX_VERIFIERS

#: ``HazardEvent.kind``.
EventKind = Literal[
    "listed",
    "receipt",
    "plan",
    "closure_report",
    "confirm",
    "verification",
    "close",
    "overdue",
    "criticism",
]
#: The steps of ``POST /hazards/{hazard_id}/{step}`` (``regime.STEPS``).
StepName = Literal["receipt", "plan", "closure-report", "confirm", "verification", "close"]
FileKind = Literal["photo", "document"]

_CLIENT_ID = {"type": "string", "maxLength": 64}
ClientId = Annotated[
    Text | None,
    WithJsonSchema({"anyOf": [_CLIENT_ID, {"type": "null"}]}),
    Field(description="made on the device: a resend with it is stored once"),
]
_NAME = {"type": "string", "maxLength": MAX_NAME}
OptionalName = Annotated[Text | None, WithJsonSchema({"anyOf": [_NAME, {"type": "null"}]})]
#: A day as sent; the service reads it (a wrong one is refused naming the field).
DayIn = Annotated[Text | None, WithJsonSchema({"type": "string", "format": "date"})]
OptionalDayIn = Annotated[
    Text | None, WithJsonSchema({"anyOf": [{"type": "string", "format": "date"}, {"type": "null"}]})
]


# --- requests -----------------------------------------------------------------------------------


class HazardsQuery(Page):
    status: Annotated[HazardStatus | None, Blank] = None
    organisation_id: Annotated[QueryInt | None, Blank] = None
    overdue: Annotated[
        bool | None,
        Blank,
        Field(description="1: only hazards not put right by their deadline; 0: the others"),
    ] = None


class HazardCreate(In):
    """List a major hazard: from a finding (its clause, organisation, text and deadline), or
    directly with an organisation and the 督办事项. ``n`` and ``unit`` set the 整改完成期限
    (counted from today); without them it is the finding's deadline, else HAZARD_DEADLINE."""

    model_config = ConfigDict(
        json_schema_extra=required_in_document(
            "organisation_id", "description", when={"finding_id": {"type": "null"}}
        )
    )

    finding_id: Annotated[Id | None, Field(description="the finding to list")] = None
    organisation_id: Annotated[
        Id | None, Field(description="required without a finding; else the finding's")
    ] = None
    title: Annotated[
        Text | None,
        WithJsonSchema({"anyOf": [{"type": "string", "maxLength": 500}, {"type": "null"}]}),
        Field(description="重大安全生产隐患名称; default: the finding's prompt"),
    ] = None
    description: Annotated[
        OptionalLongText, Field(description="督办事项; required without a finding")
    ] = None
    clause_id: Annotated[
        Id | None, Field(description="the clause it is listed against; default: the finding's")
    ] = None
    n: Annotated[OptionalCount, Field(description="整改完成期限: N units from today")] = None
    unit: Annotated[OptionalUnit, Field(description="of n; working_day if absent")] = None
    override: Annotated[Text, Field(max_length=1000)] = Field(
        "",
        description=(
            "why the regime applies although the organisation is outside SUPERVISION_REGION "
            "or its document is not in force (recorded on the listing); without it such a "
            "listing answers 409 regime_not_applicable"
        ),
    )
    client_id: ClientId = None


class HazardReceipt(In):
    """签收回执 (第五条（四）): who signed for the enterprise (default: the user) and a note."""

    signer: Annotated[OptionalName, Field(description="who signed; default: the user")] = None
    note: OptionalLongText = None
    client_id: ClientId = None


class HazardPlan(In):
    """整改方案 with the six 落实 of 第七条: responsibility, measures, funds, deadline,
    emergency plan and monitoring, each required."""

    model_config = ConfigDict(
        json_schema_extra=required_in_document(
            "responsibility", "measures", "funds", "deadline", "emergency_plan", "monitoring"
        )
    )

    responsibility: Annotated[LongText, Field(description="整改责任: who answers for it")] = None
    measures: Annotated[LongText, Field(description="整改措施")] = None
    funds: Annotated[LongText, Field(description="整改资金: amount and source")] = None
    deadline: Annotated[DayIn, Field(description="整改期限: the day the work ends")] = None
    emergency_plan: Annotated[LongText, Field(description="应急预案 until it is put right")] = None
    monitoring: Annotated[LongText, Field(description="监控 until it is put right")] = None
    client_id: ClientId = None


class HazardClosureReport(In):
    """隐患整改销号报告 to the township (第七条); files sent before it to
    ``/hazards/{hazard_id}/files`` are its evidence."""

    model_config = ConfigDict(json_schema_extra=required_in_document("report"))

    report: Annotated[LongText, Field(description="what was done")] = None
    client_id: ClientId = None


def _confirmation_schema(schema: dict[str, Any]) -> None:
    required_in_document("outcome")(schema)
    required_in_document("note", when={"outcome": {"const": "returned"}})(schema)


class HazardConfirmation(In):
    """The township confirms the closure report (passing it on) or returns it (with a note)."""

    model_config = ConfigDict(json_schema_extra=_confirmation_schema)

    outcome: Literal["confirmed", "returned"] = None  # type: ignore[assignment]
    note: Annotated[OptionalLongText, Field(description="required to return it")] = None
    client_id: ClientId = None


class HazardVerification(In):
    """The on-site verification (第八条), entered by a supervisor: who verified it (experts may
    be outside people, by name), their 核查情况报告, the outcome; failed: a new deadline
    (``n``/``unit`` from today, else HAZARD_DEADLINE). Photos go first to ``.../files``."""

    model_config = ConfigDict(
        json_schema_extra=required_in_document("outcome", "verifiers", "report")
    )

    outcome: Literal["passed", "failed"] = None  # type: ignore[assignment]
    verifiers: Annotated[
        list[Text] | None,
        WithJsonSchema(
            {
                "type": "array",
                "items": {"type": "string", "minLength": 1, "maxLength": MAX_NAME},
                "minItems": 1,
                "maxItems": MAX_VERIFIERS,
            }
        ),
        Field(description="the people who verified it on site, by name"),
    ] = None
    report: Annotated[LongText, Field(description="核查情况报告")] = None
    verified_on: Annotated[OptionalDayIn, Field(description="default: today")] = None
    n: Annotated[OptionalCount, Field(description="failed: the new deadline, from today")] = None
    unit: Annotated[OptionalUnit, Field(description="of n; working_day if absent")] = None
    client_id: ClientId = None


class HazardClosing(In):
    """销号 (第九条): closed and archived, with an optional note."""

    note: OptionalLongText = None
    client_id: ClientId = None


class HazardFileUpload(In):
    """multipart/form-data: the file alone."""

    model_config = ConfigDict(json_schema_extra=required_in_document("file"))

    file: FilePart = None


# --- answers ------------------------------------------------------------------------------------


class HazardClause(Out):
    """The clause the hazard was listed against, as it read then."""

    id: int | None = Field(description="the stored clause, when known")
    document_number: str | None = Field(description="the 文号")
    document_version: int | None
    key: str
    text: str
    text_hash: Annotated[str, Field(pattern="^([0-9a-f]{64})?$")]
    citation: str


class HazardDeadline(Out):
    start: Date = Field(description="the day it counts from, not counted")
    n: int = Field(ge=1)
    unit: Unit
    provisional: bool = Field(description="counted on weekdays: the year's calendar is not loaded")
    explanation: str


class HazardEvent(Out):
    """One step of a hazard's history (never changed or deleted)."""

    id: int
    kind: EventKind
    at: Moment
    actor: str | None
    actor_id: int | None
    text: str
    data: dict[str, JsonValue] = Field(
        description="request: what was sent; status: [before, after]; and what the step set"
    )
    client_id: str | None
    files: list[int] = Field(description="ids of the files sent with it")


class HazardFile(Out):
    id: int
    kind: FileKind
    sha256: Sha256
    mime: str
    filename: str
    byte_size: int
    width: int | None
    height: int | None
    event_id: int | None = Field(description="the step it went with; null until the next one")
    uploaded_at: Moment
    url: str
    thumbnail_url: str


class HazardCriticism(Out):
    """通报批评 (第十条)."""

    id: int
    number: str
    due_on: Date = Field(description="the deadline that was missed")
    issued_on: Date
    text: str
    url: str


class HazardSummary(Out):
    """A hazard as listed in the register."""

    id: int
    number: str = Field(description="the 挂牌督办通知书's number, e.g. 督办〔2026〕0001号")
    status: HazardStatus
    organisation_id: int
    organisation: str
    finding_id: int | None
    title: str
    description: str
    clause: HazardClause | None
    due_on: Date
    deadline: HazardDeadline
    overdue: bool
    next_step: StepName | None = Field(description="the step the hazard waits for")
    listed_on: Date
    listed_at: Moment
    closed_at: Moment | None


class Hazard(HazardSummary):
    """One hazard with its whole history, files, 通报批评 and its latest plan."""

    plan: dict[str, str] | None = Field(description="the latest plan's six 落实")
    events: list[HazardEvent]
    files: list[HazardFile]
    criticisms: list[HazardCriticism]
    notice_url: str = Field(description="the 挂牌督办通知书 (printable; .pdf for the PDF)")


class HazardWithStep(Hazard):
    step: HazardEvent = Field(description="the step recorded (or found again)")


# --- 约谈 (临政办字〔2016〕10号《临淄区安全生产约谈制度》) --------------------
# Every model's name begins with ``Interview``.

InterviewEventKind = Literal["notified", "held", "report", "overdue"]
InterviewStepName = Literal["held", "report"]
_REQUIRED_CLIENT_ID = Annotated[
    Text | None,
    WithJsonSchema(_CLIENT_ID),
    Field(description="made on the device: the same client_id again answers the same record"),
]


class InterviewCreate(In):
    """Issue a numbered 约谈通知 (第四条) to an organisation. ``clause_key`` is the 第三条 item
    it rests on (default: （二）6 for repeat_violation, （二）2 for hazard_overdue, （二）7)."""

    model_config = ConfigDict(
        json_schema_extra=required_in_document("client_id", "organisation_id", "trigger", "reason")
    )

    override: Annotated[Text, Field(max_length=1000)] = Field(
        "",
        description=(
            "why the regime applies although the organisation is outside SUPERVISION_REGION "
            "or its document is not in force (recorded); without it such a create answers 409 "
            "regime_not_applicable"
        ),
    )
    client_id: _REQUIRED_CLIENT_ID = None
    organisation_id: Id = None  # type: ignore[assignment]
    trigger: InterviewTrigger = None  # type: ignore[assignment]
    reason: Annotated[LongText, Field(description="why, in Chinese")] = None
    clause_key: Annotated[
        Text | None,
        WithJsonSchema({"anyOf": [{"type": "string", "maxLength": 500}, {"type": "null"}]}),
        Field(description="a clause key under 第三条 of the regime"),
    ] = None
    scheduled_at: Annotated[Moment | None, Field(description="when it is to be held")] = None
    place: Annotated[
        Text | None,
        WithJsonSchema({"anyOf": [{"type": "string", "maxLength": 200}, {"type": "null"}]}),
    ] = None


class InterviewHeld(In):
    """The interview was held (第五条, 第六条): who attended, the minutes (纪要), what the unit
    committed to, the day (default today). The report is then due 15 working days later."""

    model_config = ConfigDict(json_schema_extra=required_in_document("minutes"))

    attendees: Annotated[
        list[Text] | None,
        WithJsonSchema(
            {
                "anyOf": [
                    {"type": "array", "items": {"type": "string", "maxLength": MAX_NAME}},
                    {"type": "null"},
                ]
            }
        ),
        Field(description="names"),
    ] = None
    minutes: Annotated[LongText, Field(description="纪要")] = None
    commitments: OptionalLongText = None
    held_on: Annotated[OptionalDayIn, Field(description="default: today")] = None


class InterviewReport(In):
    """The unit's written report on what it did (第七条)."""

    model_config = ConfigDict(json_schema_extra=required_in_document("text"))

    text: Annotated[LongText, Field(description="the written report")] = None


class InterviewDue(Out):
    """An organisation that should be interviewed today, and why."""

    organisation_id: int
    organisation: str
    trigger: InterviewTrigger
    reason: str
    clause_key: str = Field(description="the 第三条 item it rests on")
    subject: str = Field(description="the kind of violation (clause key) or hazard/<id>")
    hazard_id: int | None
    inspection_ids: list[int]


class InterviewEvent(Out):
    kind: InterviewEventKind
    at: str
    actor_id: int | None
    actor: str | None
    text: str
    data: dict[str, JsonValue]


class InterviewRecord(Out):
    """A 约谈 with its steps."""

    id: int
    number: str = Field(description="约谈〔2026〕0001号")
    organisation_id: int
    organisation: str
    trigger: InterviewTrigger
    reason: str
    clause_key: str
    clause_text: str = Field(description="as it read when the notice was issued; '' if unknown")
    citation: str
    hazard_id: int | None
    inspection_ids: list[int]
    scheduled_at: Moment | None
    place: str
    status: InterviewStatus
    next_step: InterviewStepName | None
    attendees: list[str]
    minutes: str
    commitments: str
    held_on: Date | None
    held_at: Moment | None
    report_due_on: Date | None
    report_due_provisional: bool
    report_text: str
    reported_at: Moment | None
    overdue: bool
    overdue_since: Date | None
    client_id: str | None
    created_by: str | None
    created_on: Date
    created_at: Moment
    events: list[InterviewEvent]
    notice_url: str
