"""How one requirement's wording becomes a checklist item: its severity from the modal word,
a number or count item carrying its rule (with the unit and what it is per), else a yes/no
question. Pure of the database: drafting (``operations``) and the ready-made templates use it.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from checklists import scoring
from checklists.authoring.models import Severity
from checklists.standards import quantities
from checklists.standards.modality import states_a_ban
from checklists.standards.models import Requirement

#: modality → (severity, scored). Advisory wording is shown, never scored.
MODALITY_SEVERITY: dict[str | None, tuple[Severity, bool]] = {
    "mandatory_strong": (Severity.CRITICAL, True),
    "mandatory": (Severity.MAJOR, True),
    "default": (Severity.MINOR, True),
    "advisory": (Severity.MINOR, False),
    None: (Severity.MAJOR, True),
}
#: Requirement kinds whose threshold is measured and entered as a number.
NUMBER_KINDS = {"measure", "count", "ratio", "money", "cap", "age", "retention", "frequency"}
#: Units that are counted (a whole number), not measured: the reading's counting words.
COUNTERS = quantities.COUNTED
UNIT_WORDS = {
    "working_day": "个工作日",
    "day": "日",
    "hour": "小时",
    "minute": "分钟",
    "second": "秒",
    "month": "个月",
    "year": "年",
    "age_year": "周岁",
}
PER_WORDS = {
    "day": "每日",
    "week": "每周",
    "ten_days": "每旬",
    "half_month": "每半月",
    "month": "每月",
    "quarter": "每季度",
    "half_year": "每半年",
    "year": "每年",
    "hour": "每小时",  # (每小时记录一次: how often, per hour)
    "班": "每班",  # (每班巡查两次: per shift)
    "batch": "每批次",
}


#: What a count is per, in words (每100平方米, 每300米, 每30人).
_PER_UNIT_WORDS = {"m": "米", "km": "公里", "m²": "平方米", "t": "吨"}
#: The units of an interval between two times (每三年核定…, 至少每15日…一次).
_INTERVALS = {"day", "week", "month", "year", "hour", "minute"}


def dec(value: Decimal) -> str:
    text = format(value.normalize(), "f") if value == value.to_integral() else format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


#: The words that join a duty to the one before it (并, 并且, 同时): no part of a question.
_JOINED = re.compile(r"^(?:并且|并|同时|且|但|另外|此外)[，,\s]*(?=\S)")


def trim(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def item_from_requirement(req: Requirement) -> dict[str, Any] | None:
    """Item fields drafted from one requirement, or None when it asks nothing checkable
    (a permission: 可)."""
    if req.modality == "permission":
        return None
    severity, scored = MODALITY_SEVERITY.get(req.modality, (Severity.MAJOR, True))
    span = req.span.strip().strip("（(，,。；;")
    # a duty joined to the one before it (…，并与紧急切断阀联动) reads as a question of its own
    span = _JOINED.sub("", span) or span
    fields: dict[str, Any] = {"severity": severity, "scored": scored, "source_span": req.span}
    # a critical duty may not be waved away as N/A, unless it binds only under a condition,
    # and then the condition says when N/A is right
    fields["na_allowed"] = severity != Severity.CRITICAL or bool(req.applies_when)
    if req.applies_when and req.applies_when.get("text"):
        fields["guidance"] = f"仅适用于：{req.applies_when['text']}；不属于该情形的选“不适用”。"
    has_number = req.comparator and (req.value is not None or req.low is not None)
    # (a time a thing may last, 使用年限不得超过18个月, is measured; one that runs from an event,
    # 自列入之日起2年内不得…, is a yes/no question of what was done in it)
    measured = req.kind in NUMBER_KINDS or (req.kind == "duration" and not req.trigger)
    if measured and has_number and req.unit != "working_day":
        # 至少每15日…一次: the interval between two times, measured in days
        interval = req.kind == "frequency" and req.unit in _INTERVALS
        counted = (req.kind in {"count", "frequency"} or req.unit in COUNTERS) and not interval
        rule: dict[str, Any] = {"op": req.comparator}
        if req.kind == "frequency" and req.comparator == "==":
            # 每月检查一次, 每两年检验一次: met by doing it that often or more (a count at
            # least, an interval at most); scored as equal, twice a month would fail
            rule["op"] = "<=" if interval else ">="
        if req.comparator == "range":
            rule["low"], rule["high"] = dec(req.low), dec(req.high)
            # (-18℃（含）至-15℃（不含）: an end its marker leaves out)
            for end in ("low", "high"):
                if f"{end}_exclusive" in (req.flags or ()):
                    rule[f"{end}_inclusive"] = False
        else:
            rule["value"] = dec(req.value)
        # 千克/小时, 元/吨: a rate; 每月…10%, 每周…5条, 元/批次: a share, count or amount in each
        # (每100户配备1名网格员: a count or amount in each 100 households, as written, no rate)
        per_count = getattr(req, "per_count", None) if req.per else None
        rate = bool(req.per not in (None, "batch") and req.unit not in (None, "", "%", "‰"))
        rate = rate and not counted and not per_count
        if req.unit:
            rule["unit"] = f"{req.unit}/{req.per}" if rate else req.unit
        per = "" if rate else PER_WORDS.get(req.per or "", "")
        if per_count:
            of = UNIT_WORDS.get(req.per, _PER_UNIT_WORDS.get(req.per, req.per))
            per = f"每{dec(per_count)}{of}"
        unit_word = UNIT_WORDS.get(req.unit or "", req.unit or "")
        if rate:
            unit_word = f"{unit_word}/{UNIT_WORDS.get(req.per or '', req.per)}"
        fields["answer_type"] = "count" if counted else "number"
        fields["rule"] = scoring.validate_rule(fields["answer_type"], rule)
        # stored data, in the documents' language
        what = "间隔" if interval else "计数" if counted else "实测"
        fields["prompt"] = trim(f"{span}（{per}{what}，{unit_word}）" if unit_word else span)
        return fields
    fields["answer_type"] = "yes_no"
    fields["rule"] = scoring.validate_rule("yes_no", {})
    if "vague_deadline" in (req.flags or []):
        fields["guidance"] = "条款未规定天数，按是否及时判断。" + fields.get("guidance", "")
    if req.kind == "prohibition" and not states_a_ban(span):
        span = f"不得{span}"  # an item of a list of bans (在地下室使用瓶装燃气): what is banned
    # a check point written as a question (是否安装…) is asked as written
    fields["prompt"] = trim(span if "是否" in span else f"是否符合：{span}")
    return fields
