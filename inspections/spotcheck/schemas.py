"""The spot-check API's schemas (双随机、一公开). Fields the rules require are typed here and
judged by the services (absent: 422 naming the field, after the 404/403/409 checks). Every
model's name begins with ``Spotcheck``."""

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
    Sha256,
    Text,
    required_in_document,
)
from inspections.spotcheck.frequency import Period, RuleKind
from inspections.spotcheck.models import Method, PlanStatus, RiskClass

_CLIENT_ID = {"type": "string", "maxLength": 64}
ClientId = Annotated[
    Text | None,
    WithJsonSchema(_CLIENT_ID),
    Field(description="made on the device: the same client_id again answers the same plan"),
]


class SpotcheckPlanQuery(Page):
    status: Annotated[PlanStatus | None, Blank] = None
    item_id: Annotated[QueryInt | None, Blank] = None


class SpotcheckPlanCreate(In):
    """Commit a plan: an item, a period, filters, a count (or a ratio of the pool in %),
    the team size (at least 2). The server makes the secret seed and answers its SHA-256."""

    model_config = ConfigDict(
        json_schema_extra=required_in_document("client_id", "item_id", "period_start", "period_end")
    )

    client_id: ClientId = None
    item_id: Id = None  # type: ignore[assignment]
    period_start: Date = None  # type: ignore[assignment]
    period_end: Date = None  # type: ignore[assignment]
    planned_on: Annotated[
        Date | None, Field(description="the day the inspections are planned for (default: start)")
    ] = None
    count: Annotated[int | None, Field(ge=1, le=10000)] = None
    ratio: Annotated[int | None, Field(ge=1, le=100, description="percent of the pool")] = None
    team_size: Annotated[int, Field(ge=2, le=10)] = 2
    region_id: Id | None = None
    industry: Annotated[Text, Field(max_length=100)] = ""
    risk_classes: list[RiskClass] = []
    recusal_months: Annotated[
        int | None,
        Field(ge=0, le=120, description="default SPOTCHECK_RECUSAL_MONTHS"),
    ] = None
    beacon_kind: Literal["later_commitments", "manual"] = "later_commitments"
    beacon_source: Annotated[
        Text,
        Field(
            max_length=300,
            description="manual: the public value, fixed after the commitment, the draw will "
            "use (e.g. a later day's lottery result)",
        ),
    ] = ""


def _count_or_ratio(schema: dict[str, Any]) -> None:
    """Required: the client id, the item, the period, and exactly one of count and ratio."""
    required_in_document("client_id", "item_id", "period_start", "period_end")(schema)
    given = {"type": "integer"}
    schema["oneOf"] = [
        {"required": ["count"], "properties": {"count": given, "ratio": {"type": "null"}}},
        {"required": ["ratio"], "properties": {"ratio": given, "count": {"type": "null"}}},
    ]


class SpotcheckDrawBody(In):
    beacon: Annotated[
        Text | None,
        Field(max_length=500, description="the public value, for a plan whose beacon is manual"),
    ] = None


class SpotcheckTargetOut(Out):
    organisation_id: int
    organisation: str
    inspectors: list[int]
    inspection_uuid: str
    inspection_status: str
    published_on: dt.date | None


class SpotcheckPlan(Out):
    id: int
    status: PlanStatus
    item_id: int
    matter: str
    period_start: dt.date
    period_end: dt.date
    planned_on: dt.date
    count: int
    team_size: int
    commitment: Sha256
    inputs_hash: Sha256
    seed: str | None = Field(description="secret until the draw")
    beacon: dict[str, Any]
    committed_at: Moment
    drawn_at: Moment | None
    published_at: Moment | None
    void_reason: str
    client_id: str | None
    targets: list[SpotcheckTargetOut]
    public: str = Field(description="the public page (no login)")


class SpotcheckDrawn(Out):
    id: int
    status: PlanStatus
    seed: str
    beacon: str
    targets: list[SpotcheckTargetOut]


class SpotcheckPublished(Out):
    id: int
    status: PlanStatus
    published: int = Field(description="results made public by this call")


class SpotcheckItem(Out):
    id: int
    department: str
    matter: str
    target_kind: str | None
    industry: str
    region_id: int | None
    basis: list[str]
    method: Method
    template_id: int
    rule_kind: RuleKind
    rule_period: Period
    rule_value: int
    rule: str = Field(description="the rule in Chinese, e.g. 每月至少1次")
    active: bool


class SpotcheckStanding(Out):
    item_id: int
    matter: str
    rule: str
    period_start: dt.date
    period_end: dt.date
    pool_size: int
    demanded: int
    planned: int
    done: int
    overdue: int
    covered: int
    coverage: float | None
    to_plan: int


class SpotcheckDue(Out):
    what: Literal["plan", "inspect", "publish"]
    text: str
    due_on: dt.date
    overdue: bool
    link: str
