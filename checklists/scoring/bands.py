"""Grade bands: which score gets which grade, and which grades pass."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from checklists.scoring.errors import RuleError
from checklists.scoring.numbers import _to_decimal


@dataclass(frozen=True)
class GradeBand:
    """Scores >= ``min`` (and below the next band) get ``label``; ``passing`` → 合格."""

    min: Decimal
    label: str
    passing: bool


DEFAULT_BANDS = (
    GradeBand(Decimal(90), "优秀", True),
    GradeBand(Decimal(75), "良好", True),
    GradeBand(Decimal(60), "合格", True),
    GradeBand(Decimal(0), "不合格", False),
)


def validate_bands(bands: Sequence[Mapping[str, Any] | GradeBand]) -> tuple[GradeBand, ...]:
    """Grade bands from ``[{"min", "label", "pass"}]`` (or GradeBand objects), highest first.

    Rules: at least one band, 0 <= min <= 100, mins unique, one band starts at 0 (so every
    score gets a grade), labels non-empty, ``pass`` a bool (default true). Raises
    ``RuleError(field="grade_bands")``.
    """
    if isinstance(bands, (str, bytes, Mapping)) or not isinstance(bands, Sequence) or not bands:
        raise RuleError("grade_bands", "请至少设置一个等级")
    out: list[GradeBand] = []
    for band in bands:
        if isinstance(band, GradeBand):
            raw_min, label, passing = band.min, band.label, band.passing
        elif isinstance(band, Mapping):
            raw_min, label = band.get("min"), band.get("label")
            passing = band.get("pass", band.get("passing", True))
        else:
            raise RuleError("grade_bands", "等级格式不正确，应为 {min, label, pass}")
        try:
            low = _to_decimal(raw_min)
        except ValueError:
            low = None
        if low is None or low[1] or not Decimal(0) <= low[0] <= Decimal(100):
            raise RuleError("grade_bands", "等级的最低分须为 0 到 100 之间的数字")
        if not isinstance(label, str) or not label.strip():
            raise RuleError("grade_bands", "等级名称不能为空")
        if not isinstance(passing, bool):
            raise RuleError("grade_bands", "等级是否合格须为 true 或 false")
        out.append(GradeBand(low[0], label.strip(), passing))
    mins = [b.min for b in out]
    if len(set(mins)) != len(mins):
        raise RuleError("grade_bands", "等级的最低分不能重复")
    if Decimal(0) not in mins:
        raise RuleError("grade_bands", "须有一个最低分为 0 的等级，使每个得分都有等级")
    return tuple(sorted(out, key=lambda b: b.min, reverse=True))
