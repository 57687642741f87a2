"""Standards' API schemas: documents, their clauses and requirements, clause search."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import ConfigDict, Field, computed_field

from checklists.core.schemas import Blank, Date, DecimalText, Out, Page, RequiredText, Sha256, Text
from checklists.standards.requirements import (
    Comparator,
    Kind,
    Modality,
    Per,
    RequirementFlag,
    confidence,
)


class DocumentQuery(Page):
    issuer: Annotated[Text | None, Blank] = None
    year: Annotated[
        Annotated[int, Field(ge=1, le=9999)] | None,
        Blank,
        Field(description="signed that year (else with it in the 文号's brackets: 〔2016〕)"),
    ] = None
    in_force: Annotated[
        Literal["yes", "no"] | None, Blank, Field(description="in force today, or not")
    ] = None
    q: Annotated[Text | None, Blank, Field(description="in the title or the 文号")] = None


class ClauseQuery(Page):
    model_config = ConfigDict(str_strip_whitespace=True)

    q: Annotated[
        RequiredText,
        Field(min_length=1, description="the text to find (two characters are enough)"),
    ]


class Condition(Out):
    """When a requirement applies (…的，, 凡…, 如…则, 达到…的企业), with its number if any."""

    text: str = Field(description="the condition's words, verbatim")
    comparator: Comparator | None
    value: DecimalText | None
    unit: str | None
    per: Per | None
    low: DecimalText | None = Field(None, description="a range's lower bound (60周岁至79周岁)")
    high: DecimalText | None = Field(None, description="a range's upper bound")
    low_inclusive: bool = Field(True, description="a range's lower bound is in it (（含）)")
    high_inclusive: bool = Field(True, description="a range's upper bound is in it")


class Due(Out):
    """A deadline written as a date or a calendar rule."""

    rule: Literal[
        "next_month_day",
        "monthly_day",
        "this_month_day",
        "monthly_last_working_day",
        "quarter_first_month_day",
        "quarter_last_month_day",
        "half_year_first_month_day",
        "quarter_end",
        "yearly_date",
        "weekly_day",
        "year_end",
        "date",
        "month_day",
    ]
    day: int | None = Field(None, description="the day of the month (次月5日前, 每月5日前 → 5)")
    month: int | None = Field(
        None, description="yearly_date, month_day (a day with no year, 5月15日前): the month"
    )
    date: str | None = Field(None, description="date: YYYY-MM-DD")
    weekday: int | None = Field(None, description="weekly_day: 0 Monday … 6 Sunday (每周五前 → 4)")


class Requirement(Out):
    """A requirement drafted from a clause's wording."""

    modality: Modality | None = Field(description="null: no modal word")
    kind: Kind
    comparator: Comparator | None
    value: DecimalText | None
    low: DecimalText | None = Field(description="a range's lower end")
    high: DecimalText | None = Field(description="a range's upper end")
    unit: str | None
    per: Per | None = Field(description="a frequency's period, or what a rate is per (千克/小时)")
    per_count: DecimalText | None = Field(
        default=None, description="how many of what it is per (每100户 → 100); null: one"
    )
    span: str = Field(description="the wording it was read from, verbatim")
    start: int = Field(ge=0, description="where the span starts in the clause text")
    trigger: str | None = Field(description="what starts a deadline (收到投诉 …)")
    flags: list[RequirementFlag]
    subject: str | None = Field(description="who must act, as written (企业, 财政局 …)")
    subject_kind: Literal["regulated", "authority"] | None = Field(
        description="the inspected party, or an authority (drafted only on request)"
    )
    applies_when: Condition | None = Field(description="the condition it applies under")
    due: Due | None = Field(description="a deadline written as a date or a calendar rule")

    @computed_field(description="low: a reason is in flags")  # type: ignore[prop-decorator]
    @property
    def confidence(self) -> Literal["high", "low"]:
        return confidence(self.flags)


class Clause(Out):
    id: int
    key: str = Field(description="文号/path, stable across versions: 冠政发〔2016〕109号/二/1")
    path: list[str] = Field(description="the key's parts after the document")
    text: str
    text_hash: Sha256
    parent_id: int | None
    table: list[list[str]] | None = Field(description="a table's rows of cells")
    requirements: list[Requirement]


class ClauseHit(Clause):
    """A clause found by its text, with its document."""

    document_id: int
    document_number: str | None
    document_title: str


class Document(Out):
    id: int
    number: str | None = Field(description="the 文号; null when the document has none")
    title: str
    issuer: str | None
    signed_on: Date | None
    in_force_from: Date | None
    in_force_until: Date | None
    version: int = Field(ge=1)
    is_current: bool
    clause_count: int = Field(ge=0)


class DocumentDetail(Document):
    """A document version with its clauses and their requirements."""

    lineage: str = Field(description="shared by every version of the document")
    clauses: list[Clause]
