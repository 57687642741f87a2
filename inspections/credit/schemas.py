"""The credit API's schemas: entries on a list and their steps, the deposit ledger, depot
qualifications. Fields the rules require are typed here and judged by the services (absent:
422 naming the field, after the 404/403/409 checks); a value of the wrong JSON type and an
undocumented field are refused here. Every model's name begins with ``Credit``."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import ConfigDict, Field, WithJsonSchema

from checklists.core.schemas import (
    Blank,
    Date,
    Id,
    In,
    Moment,
    Out,
    Page,
    QueryInt,
    Text,
    required_in_document,
)
from inspections.credit.models import CreditKind, CreditStatus, DepositKind, QualificationStatus
from inspections.credit.terms import Case

StepName = Literal[
    "notify",
    "defence",
    "decide",
    "submit",
    "publish",
    "request_removal",
    "remove",
    "publish_removal",
]
_CLIENT_ID = {"type": "string", "maxLength": 64}
ClientId = Annotated[
    Text | None,
    WithJsonSchema(_CLIENT_ID),
    Field(description="made on the device: the same client_id again answers the same record"),
]
OptionalClientId = Annotated[
    Text | None,
    WithJsonSchema({"anyOf": [_CLIENT_ID, {"type": "null"}]}),
    Field(description="made on the device: a resend with it is stored once"),
]
LongText = Annotated[Text | None, WithJsonSchema({"type": "string", "maxLength": 5000})]
_LONG = {"type": "string", "maxLength": 5000}
OptionalLongText = Annotated[Text | None, WithJsonSchema({"anyOf": [_LONG, {"type": "null"}]})]
DayIn = Annotated[
    Text | None, WithJsonSchema({"anyOf": [{"type": "string", "format": "date"}, {"type": "null"}]})
]


class CreditQuery(Page):
    organisation_id: Annotated[QueryInt | None, Blank] = None
    kind: Annotated[CreditKind | None, Blank] = None
    status: Annotated[CreditStatus | None, Blank] = None


class CreditCreate(In):
    """Propose an entry (第五条（一）): the organisation, the list, the case that sets the term
    (第四条; ``procurement`` with ``term_years`` 1—3 for 禁入) and the reason."""

    model_config = ConfigDict(
        json_schema_extra=required_in_document("client_id", "organisation_id", "kind", "reason")
    )

    client_id: ClientId = None
    organisation_id: Id = None  # type: ignore[assignment]
    kind: CreditKind = None  # type: ignore[assignment]
    case: Annotated[
        Case | None, Field(description="default: the list's first case (violation)")
    ] = None
    reason: Annotated[LongText, Field(description="纳入理由, in Chinese")] = None
    term_years: Annotated[
        int | None, Field(ge=1, le=3, description="政府采购禁入 only: 1—3 years")
    ] = None
    override: Annotated[Text, Field(max_length=1000)] = Field(
        "",
        description=(
            "why the list applies although its document is not in force that day (or the "
            "organisation lies outside SUPERVISION_REGION); without it such a create answers "
            "409 regime_not_applicable"
        ),
    )


class CreditStep(In):
    """A step. ``on``: the day it took effect (default today). ``text``: the defence, the
    decision's reasons, why a listing is kept. ``outcome``: ``decide`` list|drop, ``remove``
    remove|retain. ``term_years``: the new term when retained. ``channel``: where it was
    published. ``defence_due_on``: the day the 告知书 gives for the defence."""

    on: DayIn = None
    text: OptionalLongText = None
    outcome: Annotated[
        Text | None,
        WithJsonSchema(
            {"anyOf": [{"enum": ["list", "drop", "remove", "retain"]}, {"type": "null"}]}
        ),
    ] = None
    term_years: Annotated[int | None, Field(ge=1, le=7)] = None
    channel: Annotated[Text | None, Field(max_length=200)] = None
    defence_due_on: DayIn = None
    client_id: OptionalClientId = None


class CreditEvent(Out):
    kind: str
    on: dt.date
    at: Moment
    actor: str | None
    text: str
    data: dict[str, Any]


class CreditEntry(Out):
    id: int
    number: str
    organisation_id: int
    organisation: str
    kind: CreditKind
    status: CreditStatus
    next_step: StepName | None
    case: Case
    reason: str
    basis: str = Field(description="the clause it rests on, as people cite it")
    document_number: str
    document_version: int | None
    clause_key: str
    clause_text: str
    clause_text_hash: str
    override: str
    term_years: int | None
    term_explanation: str
    proposed_on: dt.date
    notified_on: dt.date | None
    defence_due_on: dt.date | None
    defence_on: dt.date | None
    decided_on: dt.date | None
    office_due_on: dt.date | None
    submitted_on: dt.date | None
    publish_due_on: dt.date | None
    published_on: dt.date | None
    starts_on: dt.date | None
    ends_on: dt.date | None
    removal_request_due_on: dt.date | None
    removal_requested_on: dt.date | None
    removal_decided_on: dt.date | None
    removed_on: dt.date | None
    removal_publish_due_on: dt.date | None
    removal_published_on: dt.date | None
    on_list: bool
    previous_id: int | None
    client_id: str | None
    created_at: Moment
    events: list[CreditEvent]
    documents: dict[str, str] = Field(description="the printable notices: name → address")


class CreditMark(Out):
    kind: CreditKind
    status: CreditStatus
    ends_on: dt.date | None


class CreditDepositCreate(In):
    """A ledger line: ``required`` (with ``due_on``), ``paid`` (with ``voucher``),
    ``forfeited`` or ``refunded`` (with ``note``: the event, the removal)."""

    model_config = ConfigDict(
        json_schema_extra=required_in_document(
            "client_id", "organisation_id", "kind", "amount", "on"
        )
    )

    client_id: ClientId = None
    organisation_id: Id = None  # type: ignore[assignment]
    deposit: Literal["safety", "performance", "integrity"] = "safety"
    kind: DepositKind = None  # type: ignore[assignment]
    amount: Annotated[int, Field(ge=1, le=10**12, description="whole yuan")] = None  # type: ignore[assignment]
    on: Date = None  # type: ignore[assignment]
    entry_id: Id | None = None
    due_on: Date | None = None
    voucher: Annotated[Text, Field(max_length=100)] = ""
    note: Annotated[Text, Field(max_length=2000)] = ""


class CreditDepositLine(Out):
    id: int
    organisation_id: int
    entry_id: int | None
    deposit: str
    kind: DepositKind
    amount: int
    on: dt.date
    due_on: dt.date | None
    voucher: str
    note: str
    clause_key: str
    client_id: str | None


class CreditBalance(Out):
    deposit: str
    due: int
    paid: int
    forfeited: int
    refunded: int
    held: int
    owed: int
    unpaid_due_on: dt.date | None
    overdue: bool


class CreditLedger(Out):
    organisation_id: int
    organisation: str
    balances: list[CreditBalance]
    lines: list[CreditDepositLine]


class CreditDue(Out):
    what: str
    organisation_id: int
    organisation: str
    text: str
    due_on: dt.date | None
    overdue: bool
    link: str
    basis: str


class CreditQualificationCreate(In):
    """A depot's acceptance (验收): passed, or failed (a month to put it right)."""

    model_config = ConfigDict(
        json_schema_extra=required_in_document("client_id", "organisation_id", "name", "passed")
    )

    client_id: ClientId = None
    organisation_id: Id = None  # type: ignore[assignment]
    name: Annotated[Text | None, Field(max_length=200)] = None
    passed: bool = None  # type: ignore[assignment]
    region_id: Annotated[
        Id | None, Field(description="the township; default: the organisation's")
    ] = None


class CreditQualificationStep(In):
    text: OptionalLongText = None


class CreditQualification(Out):
    id: int
    organisation_id: int
    organisation: str
    region: str
    name: str
    status: QualificationStatus
    checked_on: dt.date
    rectify_due_on: dt.date | None
    cancelled_on: dt.date | None
    clause_key: str
    events: list[dict[str, Any]]
