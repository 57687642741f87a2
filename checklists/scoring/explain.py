"""The explanation of a score: method, what counted and what not, the sum, grade and verdict."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from checklists.scoring.bands import GradeBand
from checklists.scoring.numbers import format_decimal, format_fraction


def _explain(
    method: str,
    counted_labels: list[str],
    excluded_labels: list[str],
    missing_labels: list[str],
    knockouts: list[str],
    earned: Fraction,
    possible: Fraction,
    deducted: Fraction,
    exact: Fraction | None,
    rounded: Decimal | None,
    band: GradeBand | None,
    verdict: str | None,
    any_counted: bool,
) -> list[str]:
    lines = [
        "计分方法：加权得分率 = Σ得分 ÷ Σ满分 × 100，保留一位小数，四舍五入"
        if method == "weighted"
        else "计分方法：扣分制，得分 = 100 − Σ扣分，最低 0 分，保留一位小数，四舍五入"
    ]
    lines.append(
        f"计入 {len(counted_labels)} 项：" + "、".join(counted_labels)
        if counted_labels
        else "计入 0 项"
    )
    if excluded_labels:
        lines.append(f"不计入 {len(excluded_labels)} 项：" + "、".join(excluded_labels))
    if missing_labels:
        lines.append(f"未完成 {len(missing_labels)} 项：" + "、".join(missing_labels))
    if knockouts:
        lines.append("一票否决：" + "、".join(f"{i}（关键项不合格）" for i in knockouts))
    if verdict is None:
        lines.append("得分：尚有未完成项，完成后才计算得分与结论")
        lines.append("结论：未完成，暂无结论")
        return lines
    if rounded is None or exact is None:
        lines.append(
            "得分：计入项的满分合计为 0，不计算得分"
            if any_counted
            else "得分：无计分项（均不适用或不计分），不计算得分"
        )
    else:
        sign = "=" if Fraction(rounded) == exact else "≈"
        if method == "weighted":
            lines.append(
                f"得分 = {format_fraction(earned)} ÷ {format_fraction(possible)} × 100 "
                f"{sign} {rounded}"
            )
        elif deducted > 100:
            lines.append(f"得分 = 100 − {format_fraction(deducted)}，最低 0 分，记 {rounded}")
        else:
            lines.append(f"得分 = 100 − {format_fraction(deducted)} {sign} {rounded}")
    if band is not None:
        lines.append(f"等级：{band.label}（≥ {format_decimal(band.min)}）")
    if verdict == "pass":
        lines.append("结论：合格" if any_counted else "结论：合格（无计分项）")
    elif knockouts:
        lines.append("结论：不合格（一票否决：" + "、".join(str(i) for i in knockouts) + "）")
    else:
        assert band is not None
        lines.append(f"结论：不合格（等级“{band.label}”低于合格线）")
    return lines
