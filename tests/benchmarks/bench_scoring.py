"""Benchmark: score 10,000 inspections of a 60-item template (all answer types and units).

Run: python tests/benchmarks/bench_scoring.py. Not collected by pytest (no test_ functions).
Answers are generated (seeded) before timing. Aim: all 10,000 scored in under 3 seconds on a
2-core machine. The run is repeated with the per-item answer memo turned off, to show the
cost of answers never seen before.
"""

import gc
import random
import sys
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from checklists.scoring import (  # noqa: E402
    Answer,
    ItemSpec,
    TemplateSpec,
    compile_template,
    score,
)

INSPECTIONS = 10_000
CITATION = "冠政发〔2016〕109号 二（二）{n}"
SECTIONS = ("场地与设施", "人员与资质", "制度与台账", "安全生产", "环境保护", "消防")
PARTS = [{"value": v, "label": v} for v in ("章程", "资金", "期限", "场所", "人员", "制度")]
CHOICES = [
    {"value": "full", "label": "符合", "score": "5"},
    {"value": "mostly", "label": "基本符合", "score": "3"},
    {"value": "partly", "label": "部分符合", "score": "1", "pass": False},
    {"value": "no", "label": "不符合", "pass": False},
]
# (rule, answer units to draw from, low, high, decimals) for number items
NUMBER_RULES = [
    ({"op": ">=", "value": "500", "unit": "m²"}, ("m²", "平方米", None), 400, 600, 1),
    ({"op": ">=", "value": "0.15", "unit": "m"}, ("cm", "m", "mm"), 10, 20, 1),
    ({"op": "<=", "value": "2", "unit": "亩"}, ("亩", "m²", "公顷"), 1, 3, 2),
    ({"op": ">=", "value": "50", "unit": "万元"}, ("万元", "元"), 30, 80, 0),
    ({"op": "<", "value": "5", "unit": "%"}, ("%", "‰"), 1, 9, 1),
    ({"op": "range", "low": "6", "high": "10", "unit": "m"}, ("m", "cm"), 4, 12, 2),
    ({"op": ">", "value": "1.5", "unit": "t"}, ("t", "kg", "吨"), 1, 3, 2),
    ({"op": "<=", "value": "3", "unit": "day"}, ("day", "hour", "天"), 1, 5, 0),
    ({"op": "==", "value": "100", "unit": "元"}, ("元",), 99, 101, 0),
    ({"op": "range", "low": "18", "high": "60", "unit": "age_year", "low_inclusive": False},
     ("周岁",), 16, 65, 0),
    ({"op": ">=", "value": "3", "unit": "km"}, ("km", "m", "公里"), 2, 4, 2),
    ({"op": "<=", "value": "15", "unit": "working_day"}, ("working_day",), 5, 25, 0),
]  # fmt: skip
COUNT_RULES = [
    {"op": ">=", "value": "2", "unit": "辆"},
    {"op": "<=", "value": "10", "unit": "人"},
    {"op": "range", "low": "1", "high": "5", "unit": "台"},
    {"op": "==", "value": "0", "unit": "例"},
]
KINDS = (
    ["yes_no"] * 16 + ["number"] * 12 + ["count"] * 6 + ["choice"] * 8 + ["parts"] * 6
    + ["date"] * 4 + ["text"] * 4 + ["photo"] * 4
)  # fmt: skip


def build_template(rng: random.Random) -> tuple[TemplateSpec, dict[str, object]]:
    """60 items of every answer type; returns the spec and, per item, how to draw answers."""
    items, draw = [], {}
    counters = {"number": 0, "count": 0}
    for n, kind in enumerate(KINDS, start=1):
        item_id = f"Q{n:02d}"
        rule: dict = {}
        extra: dict = {}
        if kind == "yes_no":
            rule = {"value": "no"} if n % 5 == 0 else {}
        elif kind == "number":
            rule, units, low, high, places = NUMBER_RULES[counters["number"]]
            counters["number"] += 1
            draw[item_id] = (units, low, high, places, rule.get("unit"))
        elif kind == "count":
            rule = COUNT_RULES[counters["count"] % len(COUNT_RULES)]
            counters["count"] += 1
        elif kind == "choice":
            rule = {"choices": CHOICES}
        elif kind == "parts":
            rule = {"parts": PARTS}
        elif kind == "date":
            rule = {"op": ">=", "value": "2024-01-01"}
        if n % 7 == 0:
            rule = {**rule, "photo_on_fail": True}
        if n % 11 == 0:
            extra["valid_to"] = date(2021, 12, 31)
            extra["validity_confirmed"] = n % 22 == 0
        items.append(
            ItemSpec(
                id=item_id,
                answer_type=kind,
                rule=rule,
                prompt=f"第 {n} 项",
                weight=Decimal(rng.choice(("1", "1", "2", "3", "0.5"))),
                severity="critical" if n % 13 == 0 else rng.choice(("major", "minor")),
                required=n % 9 != 0,
                scored=n % 17 != 0,
                section=SECTIONS[(n - 1) // 10],
                citation=CITATION.format(n=n),
                **extra,
            )
        )
    return TemplateSpec(items=items, method="weighted"), draw


def number_answer(rng: random.Random, spec: tuple) -> Answer:
    units, low, high, places, rule_unit = spec
    value = Decimal(rng.randint(low * 10**places, high * 10**places)).scaleb(-places)
    unit = rng.choice(units)
    factors = {("cm", "m"): 100, ("mm", "m"): 1000, ("m", "km"): 1000, ("kg", "t"): 1000,
               ("元", "万元"): 10000, ("‰", "%"): 10, ("hour", "day"): 24,
               ("公顷", "亩"): Decimal("0.0666"), ("m²", "亩"): 666}  # fmt: skip
    factor = factors.get((unit, rule_unit), 1)
    return Answer(format(value * factor, "f"), unit)


def answer_for(rng: random.Random, item: ItemSpec, draw: dict) -> object:
    """A valid answer: raw value or Answer; photos on most answers where failures need one."""
    value = raw_answer(rng, item, draw)
    if item.rule.get("photo_on_fail") and value is not None and rng.random() < 0.97:
        if isinstance(value, Answer):
            return Answer(value.value, value.unit, photos=1)
        return Answer(value, photos=rng.randint(1, 3))
    return value


def raw_answer(rng: random.Random, item: ItemSpec, draw: dict) -> object:
    kind = item.answer_type
    if rng.random() < 0.04:
        return "na"
    if not item.required and rng.random() < 0.3:
        return None
    if kind == "yes_no":
        return rng.choice(("yes", "yes", "yes", "no", "是", "否", True))
    if kind == "number":
        return number_answer(rng, draw[item.id])
    if kind == "count":
        return Answer(rng.randint(0, 12))
    if kind == "choice":
        return rng.choice(("full", "full", "mostly", "partly", "no"))
    if kind == "parts":
        return rng.sample([p["value"] for p in PARTS], rng.randint(1, 6))
    if kind == "date":
        return (date(2023, 6, 1) + timedelta(days=rng.randint(0, 400))).isoformat()
    if kind == "text":
        return rng.choice(("台账齐全", "已整改", "现场查看"))
    return rng.randint(1, 5)  # photo


def main() -> None:
    rng = random.Random(20240301)
    spec, draw = build_template(rng)
    inspections = [
        {item.id: answer_for(rng, item, draw) for item in spec.items} for _ in range(INSPECTIONS)
    ]
    gc.freeze()  # the generated answers are input, not garbage the scoring run should sweep
    as_of = date(2024, 6, 30)
    for label, cache_size in (("memo on ", 1024), ("memo off", 0)):
        started = time.perf_counter()
        template = compile_template(spec, cache_size=cache_size)
        compiled = time.perf_counter() - started
        verdicts = complete = passed = 0
        started = time.perf_counter()
        for answers in inspections:
            summary = score(template, answers, as_of=as_of)
            verdicts += len(summary.items)
            complete += summary.complete
            passed += summary.verdict == "pass"
        seconds = time.perf_counter() - started
        print(
            f"{label}: compile {compiled * 1000:.1f} ms; {len(inspections)} inspections × "
            f"{len(spec.items)} items scored in {seconds:.3f} s = "
            f"{len(inspections) / seconds:,.0f} inspections/s, {verdicts / seconds:,.0f} item "
            f"verdicts/s ({complete} complete, {passed} pass)"
        )


if __name__ == "__main__":
    main()
