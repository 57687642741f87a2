"""Authoring's API schemas: checklist templates, their sections and items."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import ConfigDict, Field

from checklists.accounts.models import OrgKind
from checklists.authoring.models import ScoringMethod, Severity, TemplateStatus
from checklists.core.schemas import Blank, Date, DecimalText, Out, Page

#: ``checklists.scoring.ANSWER_TYPES`` (a registry, not a StrEnum), in the builder's order.
AnswerTypeName = Literal[
    "yes_no", "number", "count", "choice", "parts", "date", "date_pair", "text", "photo", "barcode"
]

#: ``checklists.authoring.models.REPEAT_AGGREGATES``: how a repeated section's instances combine.
AggregateName = Literal["all", "average", "worst"]


class TemplateQuery(Page):
    status: Annotated[TemplateStatus | None, Blank] = None


class Template(Out):
    """A checklist template version as listed."""

    id: int
    name: str
    version: int = Field(ge=1)
    status: TemplateStatus
    lineage: str = Field(
        pattern="^[0-9a-f]{32}$", description="shared by every version of the template"
    )
    org_kind: OrgKind | None = Field(description="the kind of organisation it is for; null: any")
    documents: list[str] = Field(description="the 文号 its items cite, in first-cited order")


class TemplateItemClause(Out):
    """The clause an item is judged against, as quoted when the item was made."""

    id: int | None = Field(description="the stored clause; null when it is not in the library")
    key: str
    document: str | None = Field(description="the 文号")
    document_version: int | None
    text: str
    text_hash: str = Field(description="SHA-256 of the text (hex)")


class TemplateItem(Out):
    id: int
    key: str | None = Field(
        description=(
            "the name visibility conditions read the item's answer by (ASCII letters, digits, "
            "_ and CJK characters, not starting with a digit; unique in the template); null: none"
        )
    )
    visible_when: str | None = Field(
        description=(
            "the item is shown only when this condition over earlier items' keys holds, e.g. "
            "amount >= 4000000 (and its section's, if it has one); a hidden item is neither "
            "required nor scored; null: always shown"
        )
    )
    prompt: str
    guidance: str
    answer_type: AnswerTypeName
    rule: dict[str, Any] = Field(
        description=(
            "what passes; its keys depend on answer_type: yes_no {value: yes|no}; number, "
            "count {op: >=|<=|>|<|==|range, value, or low, high, low_inclusive, "
            "high_inclusive (numbers as decimal text), unit}; date (the same, dates, no "
            "unit); date_pair {op: <=, value: N (a whole number, 1 to 3650), unit: "
            "working_day|day}: the answer {from, to} passes when to is within N working days "
            "or days of from, counted from the next day; choice {choices: [{value, label, "
            "score, pass}]}; parts {parts: [{value, label}]}; barcode (扫码) {} to record "
            "the code, {expected: text} to pass only that code, or {prefix: text} to pass a "
            "code starting with it (plain text, compared after NFKC); any type may add "
            "photo_on_fail: true"
        )
    )
    weight: DecimalText = Field(
        description="weighted scoring: the item's weight; deduction: the points a failure costs"
    )
    severity: Severity
    na_allowed: bool
    required: bool
    scored: bool = Field(description="false: advisory wording, shown and answered, not scored")
    valid_from: Date | None
    valid_to: Date | None
    validity_confirmed: bool = Field(
        description="the author confirmed that the rule applies after valid_to"
    )
    confirmed: bool = Field(
        description=(
            "the author checked the drafted item against its clause; a draft is published "
            "only when every item is confirmed"
        )
    )
    clause: TemplateItemClause


class TemplateSection(Out):
    title: str
    visible_when: str | None = Field(
        description=(
            "the section (every item in it) is shown only when this condition over the keys of "
            "items before it holds; null: always shown"
        )
    )
    key: str | None = Field(
        description=(
            "a repeated section's name in the conditions of the items after it, read as the "
            "list of its instances, e.g. count(warehouses) >= 2 (the rules of an item's key; "
            "unique among the template's item and section keys); null: none"
        )
    )
    repeat: bool = Field(
        description=(
            "the section is filled once per instance the inspector adds (per depot, "
            "warehouse, vehicle)"
        )
    )
    repeat_label: str = Field(
        max_length=40, description="what one instance is called, e.g. 仓库; empty: 实例"
    )
    aggregate: AggregateName = Field(
        description=(
            "how a repeated item's instances make its points: all (every instance must pass), "
            "average (the mean of their points) or worst (the lowest); a failing instance is "
            "a failure whichever it is"
        )
    )
    items: list[TemplateItem]


class GradeBand(Out):
    """Scores from ``min`` up to the next band's get ``label``."""

    model_config = ConfigDict(serialize_by_alias=True)

    min: DecimalText
    label: str
    pass_: bool = Field(alias="pass", description="a score in this band passes (合格)")


class TemplateDetail(Template):
    """A template version with its sections and items, each citing its clause."""

    method: ScoringMethod
    grade_bands: list[GradeBand] = Field(description="highest first; one band starts at 0")
    sections: list[TemplateSection]
