"""What the extractor reads a clause into: a requirement and its parts, written once.

Pure module (standard library only). ``extraction`` fills these; the API's schemas, the
models' columns and the drafting read them.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

from checklists.standards.parties import SubjectKind

# ---------------------------------------------------------------------------------------------
# Public types
# ---------------------------------------------------------------------------------------------

#: How binding the wording is: 必须/严禁 (strong), 应当/不得, 原则上/一般, 鼓励/宜, 可.
Modality = Literal["mandatory_strong", "mandatory", "default", "advisory", "permission"]
#: What a requirement is about (a number's kind, or what a sentence without one demands).
Kind = Literal[
    "frequency",
    "retention",
    "duration",
    "deadline",
    "cap",
    "money",
    "ratio",
    "age",
    "measure",
    "count",
    "presence",
    "prohibition",
    "record",
    "eligibility",
]
Comparator = Literal[">=", "<=", ">", "<", "==", "range"]
#: The period of a frequency (每日, 每周, 每月, 每季度, 每半年, 每年, 每批).
#: (ten_days: a 旬, a third of a month; half_month: 半月)
Period = Literal[
    "day", "week", "ten_days", "half_month", "month", "quarter", "half_year", "year", "batch"
]
#: What a rate is per (千克/小时, 微克/立方米, 毫克/升, 吨/年, 元/吨, 人/班): a time or a unit.
Denominator = Literal[
    "hour",
    "minute",
    "second",
    "m³",
    "m²",
    "L",
    "mL",
    "t",
    "kg",
    "km",
    "班",
    "人",
    "户",
    "家",
    "次",
    "辆",
    "车次",
    "人次",
    "亩",
    "个",
    "蒸吨",
    "头",
    "株",
    "只",
    "套",
    "台",
    "张",
    "所",
    "m",
    "座",
    "间",
    "村",
    "乡镇",
    "社区",
    "部",
    "栋",
    "摊位",
    "课时",
    "皿",
    "cm²",
    "具",
    "处",
    "km²",
    "餐",
    "件",
    "项目",
    "品种",
    "kWh",
    # (元/吨·公里, 元/人·公里: per tonne or passenger and kilometre carried)
    "t·km",
    "人·km",
]
Per = Period | Denominator
#: approximate (约, 左右), page_joined (the span crosses a page break), vague_deadline (及时,
#: 立即: no number), source_conflict (the document states the same subject differently),
#: assumed_equal (a number with no comparison word, read as "equal to").
RequirementFlag = Literal[
    "approximate",
    "page_joined",
    "vague_deadline",
    "source_conflict",
    "assumed_equal",
    # a range's end left out by its marker (-18℃（含）至-15℃（不含）: the upper one)
    "low_exclusive",
    "high_exclusive",
]
#: Flags that make a reading uncertain (``confidence`` low): the wording states no number
#: (vague_deadline), only roughly (approximate), across a page break (page_joined), against
#: another clause (source_conflict), or a number with no comparison word (assumed_equal).
LOW_CONFIDENCE = frozenset(
    {"approximate", "page_joined", "vague_deadline", "source_conflict", "assumed_equal"}
)


def confidence(flags: tuple[str, ...] | list[str]) -> Literal["high", "low"]:
    """How sure the reading is, from its flags (the reasons)."""
    return "low" if LOW_CONFIDENCE.intersection(flags) else "high"


@dataclass(frozen=True)
class Applicability:
    """The condition a requirement applies under, with its number if it states one
    (达到1万吨以上的企业 → ``>= 10000 t``; 年满60周岁至79周岁的 → ``range``, its bounds in
    ``low`` and ``high``)."""

    text: str
    comparator: Comparator | None = None
    value: Decimal | None = None
    unit: str | None = None
    per: Per | None = None
    low: Decimal | None = None
    high: Decimal | None = None
    #: A range's ends: included unless a marker leaves one out (10吨（含）至100吨（不含）的).
    low_inclusive: bool = True
    high_inclusive: bool = True

    def to_dict(self) -> dict:
        return {
            "text": self.text,
            "comparator": self.comparator,
            "value": None if self.value is None else format(self.value, "f"),
            "unit": self.unit,
            "per": self.per,
            "low": None if self.low is None else format(self.low, "f"),
            "high": None if self.high is None else format(self.high, "f"),
            "low_inclusive": self.low_inclusive,
            "high_inclusive": self.high_inclusive,
        }


@dataclass(frozen=True)
class Requirement:
    """One checkable requirement read from a clause."""

    modality: Modality | None
    kind: Kind
    comparator: Comparator | None
    value: Decimal | None
    low: Decimal | None
    high: Decimal | None
    unit: str | None
    per: Per | None
    span: str
    start: int
    trigger: str | None = None
    flags: tuple[RequirementFlag, ...] = ()
    #: How many of what it is per, when more than one (每100户配备1名网格员: 100, per 户).
    per_count: Decimal | None = None
    #: Who must do it, as written (企业, 配送中心, 各县（市、区）, 财政局 …), and which kind
    #: of party that is: the inspected one (``regulated``) or an ``authority``.
    subject: str | None = None
    subject_kind: SubjectKind | None = None
    #: The condition it applies under ("…的，", 凡…, 如…则): not a requirement of its own.
    applies_when: Applicability | None = None
    #: A deadline written as a date or a calendar rule: {"rule": "next_month_day", "day": 5}
    #: (次月5日前), monthly_day (每月10日前, 当月25日前), this_month_day (本月底前: the
    #: importer makes it a date of the document's month), monthly_last_working_day
    #: (每月最后一个工作日前), quarter_first_month_day
    #: (每季度第一个月的20日前), half_year_first_month_day (每半年第一个月10日前),
    #: quarter_last_month_day (每季度末月25日前), quarter_end
    #: (每季度末), weekly_day {"weekday"} (每周五前),
    #: yearly_date {"month", "day"} (每年3月底前, 每年第一季度), year_end (年底前, 年内完成),
    #: date {"date": "2018-12-31"} (2018年底前), month_day {"month", "day"} (5月15日前: the
    #: importer makes it a date of the document's year, ``due_dates.dated``).
    due: dict[str, Any] | None = None

    def to_dict(self) -> dict:
        """JSON-ready dict (Decimals as strings), the shape of interfaces.md plus start/trigger."""

        def dec(d: Decimal | None) -> str | None:
            return None if d is None else format(d, "f")

        return {
            "modality": self.modality,
            "kind": self.kind,
            "comparator": self.comparator,
            "value": dec(self.value),
            "low": dec(self.low),
            "high": dec(self.high),
            "unit": self.unit,
            "per": self.per,
            "per_count": dec(self.per_count),
            "span": self.span,
            "start": self.start,
            "trigger": self.trigger,
            "flags": list(self.flags),
            "subject": self.subject,
            "subject_kind": self.subject_kind,
            "applies_when": self.applies_when.to_dict() if self.applies_when else None,
            "due": self.due,
            "confidence": confidence(self.flags),
        }


@dataclass(frozen=True)
class Conflict:
    """Requirements of one document that state the same subject differently.

    ``subject`` is the wording they share (e.g. 森林火灾受害面积); ``members`` are
    ``(clause key, index in that clause's requirement list)``; ``reason`` says what differs.
    """

    subject: str
    members: tuple[tuple[str, int], ...]
    reason: str
