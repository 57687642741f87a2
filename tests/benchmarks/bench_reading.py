"""Benchmark: how well the extractor reads requirements, against clauses labelled by reading.

Run: python tests/benchmarks/bench_reading.py [--show N] [--fields subject,condition]. Not
collected by pytest.

The labelled set (``tests/data/reading_labels/*.json``) was written by reading each clause, not
by running the extractor, and committed before the extractor changed. Each labelled clause lists
ALL its requirements (possibly none). For every labelled clause the extractor reads the clause
text; its requirements are paired with the labelled ones by overlapping spans (the largest
overlap first). Then, per field:

- precision = requirements whose field is right ÷ requirements the extractor emitted (one that
  matches no labelled row counts against it),
- recall = requirements whose field is right ÷ labelled requirements.

Fields: comparator, value (value, or low and high of a range), unit, per, modality, kind,
subject, condition (``applies_when``: absent, or present with the same comparator, value and
unit) and deadline (a date rule). Figures print for the whole set, per document, for the tuning
gazettes and, apart, for the held-out gazette (``HELD_OUT``: labelled, never looked at while the
extractor changes), then again for the requirements that state a number only (thresholds: the
comparator table's own figures). ``--show N`` prints N mismatches of the tuning set (never the
held-out's). Last, the seconds to read one phrase that lists N amounts, and N dates (how the time
grows).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from checklists.standards.extraction import extract  # noqa: E402

LABELS = ROOT / "tests" / "data" / "reading_labels"
#: Labelled, never used for tuning: its mismatches are never printed.
HELD_OUT = "003_919e3a96157a6362"
FIELDS = (
    "comparator",
    "value",
    "unit",
    "per",
    "modality",
    "kind",
    "subject",
    "condition",
    "deadline",
)


def _dec(value: Any) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        return Decimal(str(value)).normalize()
    except InvalidOperation:
        return None


def emitted_fields(req: Any) -> dict[str, Any]:
    """The compared fields of one extracted requirement (``to_dict`` shape, plus what later
    editions add: subject, applies_when, due)."""
    data = req.to_dict() if hasattr(req, "to_dict") else dict(req)
    return {
        "span": data.get("span") or "",
        "start": data.get("start"),
        "comparator": data.get("comparator"),
        "value": (_dec(data.get("value")), _dec(data.get("low")), _dec(data.get("high"))),
        "unit": data.get("unit"),
        "per": data.get("per"),
        "modality": data.get("modality"),
        "kind": data.get("kind"),
        "subject": data.get("subject"),
        "condition": _condition(data.get("applies_when")),
        "deadline": _deadline(data.get("due") or data.get("deadline")),
    }


def labelled_fields(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "span": row.get("span") or "",
        "start": None,
        "comparator": row.get("comparator"),
        "value": (_dec(row.get("value")), _dec(row.get("low")), _dec(row.get("high"))),
        "unit": row.get("unit"),
        "per": row.get("per"),
        "modality": row.get("modality"),
        "kind": row.get("kind"),
        "subject": row.get("subject"),
        "condition": _condition(row.get("applies_when")),
        "deadline": _deadline(row.get("deadline")),
    }


def _condition(value: Any) -> Any:
    """Present or not, and its number: the condition's wording may be cut differently."""
    if not value:
        return None
    return ("if", value.get("comparator"), _dec(value.get("value")), value.get("unit"))


#: Names the labellers gave one rule (a date every year) before the extractor named it.
_SAME_RULE = {"annual_date": "yearly_date"}


def _deadline(value: Any) -> Any:
    if not isinstance(value, dict) or "rule" not in value:
        return None
    value = {**value, "rule": _SAME_RULE.get(value["rule"], value["rule"])}
    return tuple(sorted((k, str(v)) for k, v in value.items()))


def placed(text: str, labelled: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Labelled rows with where their span is: a span the clause says twice (the same sentence
    in two paragraphs) is its first occurrence for the first row, the next for the next."""
    seen: dict[str, int] = defaultdict(int)
    out = []
    for row in labelled:
        span, at = row["span"], -1
        for _ in range(seen[span] + 1):
            at = text.find(span, at + 1) if span else -1
            if at < 0:
                at = text.find(span)
                break
        seen[span] += 1
        out.append({**row, "start": at if at >= 0 else None})
    return out


def _interval(text: str, fields: dict[str, Any]) -> tuple[int, int] | None:
    span = fields["span"]
    if not span:
        return None
    start = fields["start"] if fields["start"] is not None else text.find(span)
    if start < 0:
        return None
    return start, start + len(span)


def pair(text: str, emitted: list[dict], labelled: list[dict]) -> list[tuple[int, int]]:
    """(emitted index, labelled index) pairs by overlapping spans, largest overlap first; among
    equal overlaps (labelled rows that share one span: 期限分别为1年、3年、5年), the pair whose
    value agrees first."""
    candidates = []
    for i, e in enumerate(emitted):
        a = _interval(text, e)
        for j, lab in enumerate(labelled):
            b = _interval(text, lab)
            if a is None or b is None:
                continue
            overlap = min(a[1], b[1]) - max(a[0], b[0])
            if overlap > 0:
                candidates.append((overlap, e["value"] == lab["value"], i, j))
    used_e: set[int] = set()
    used_l: set[int] = set()
    pairs = []
    for _overlap, _agrees, i, j in sorted(candidates, key=lambda c: (c[0], c[1]), reverse=True):
        if i not in used_e and j not in used_l:
            used_e.add(i)
            used_l.add(j)
            pairs.append((i, j))
    return pairs


def _numbered(fields: dict[str, Any]) -> bool:
    return any(v is not None for v in fields["value"])


class Tally:
    def __init__(self) -> None:
        self.emitted = 0
        self.labelled = 0
        self.right: dict[str, int] = defaultdict(int)

    def add(self, other: Tally) -> None:
        self.emitted += other.emitted
        self.labelled += other.labelled
        for k, v in other.right.items():
            self.right[k] += v

    def line(self, name: str) -> str:
        cells = []
        for f in FIELDS:
            p = self.right[f] / self.emitted if self.emitted else 0.0
            r = self.right[f] / self.labelled if self.labelled else 0.0
            cells.append(f"{100 * p:5.1f}/{100 * r:5.1f}")
        return f"{name[:34]:34} {self.emitted:5} {self.labelled:5}  " + " ".join(cells)


def header() -> str:
    return f"{'':34} {'emit':>5} {'label':>5}  " + " ".join(f"{f[:11]:>11}" for f in FIELDS)


def run(show: int, fields: tuple[str, ...] = ("comparator", "value", "unit")) -> None:
    per_doc: dict[str, Tally] = defaultdict(Tally)
    per_set: dict[str, Tally] = defaultdict(Tally)
    per_numbers: dict[str, Tally] = defaultdict(Tally)
    mismatches: list[str] = []
    files = sorted(LABELS.glob("*.json"))
    if not files:
        raise SystemExit(f"no labels in {LABELS}")
    for path in files:
        data = json.loads(path.read_text("utf-8"))
        held_out = path.stem == HELD_OUT
        for clause in data["clauses"]:
            text = clause["text"]
            emitted = [emitted_fields(r) for r in extract(text)]
            labelled = placed(text, [labelled_fields(r) for r in clause["requirements"]])
            tally = Tally()
            tally.emitted, tally.labelled = len(emitted), len(labelled)
            pairs = pair(text, emitted, labelled)
            numbers = Tally()  # the same, for requirements that state a number only
            numbers.emitted = sum(1 for e in emitted if _numbered(e))
            numbers.labelled = sum(1 for lab in labelled if _numbered(lab))
            for i, j in pairs:
                if _numbered(emitted[i]) and _numbered(labelled[j]):
                    for f in FIELDS:
                        numbers.right[f] += emitted[i][f] == labelled[j][f]
            for i, j in pairs:
                for f in FIELDS:
                    if emitted[i][f] == labelled[j][f]:
                        tally.right[f] += 1
                    elif not held_out and f in fields:
                        mismatches.append(
                            f"{clause['key']}: {f} {emitted[i][f]!r} ≠ {labelled[j][f]!r} "
                            f"«{labelled[j]['span']}»"
                        )
            if not held_out:
                matched_e = {i for i, _ in pairs}
                matched_l = {j for _, j in pairs}
                mismatches += [
                    f"{clause['key']}: emitted, not labelled «{e['span']}»"
                    for i, e in enumerate(emitted)
                    if i not in matched_e
                ]
                mismatches += [
                    f"{clause['key']}: labelled, not emitted «{lab['span']}»"
                    for j, lab in enumerate(labelled)
                    if j not in matched_l
                ]
            document = clause["key"].split("/", 1)[0]
            per_doc[f"{path.stem[:3]} {document}"].add(tally)
            per_set["held-out " + path.stem[:3] if held_out else "tuning set"].add(tally)
            per_set["all"].add(tally)
            per_numbers["held-out " + path.stem[:3] if held_out else "tuning set"].add(numbers)
            per_numbers["all"].add(numbers)

    print("precision/recall in % per field (correct ÷ emitted / correct ÷ labelled)")
    print(header())
    for name in sorted(per_set):
        print(per_set[name].line(name))
    print("\nthresholds only: requirements that state a number (value, range), both sides")
    print(header())
    for name in sorted(per_numbers):
        print(per_numbers[name].line(name))
    print("\nper document")
    print(header())
    for name in sorted(per_doc):
        print(per_doc[name].line(name))
    if show:
        print(f"\n{min(show, len(mismatches))} of {len(mismatches)} mismatches (tuning set):")
        for line in mismatches[:show]:
            print("  " + line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=0, help="print N tuning-set mismatches")
    parser.add_argument(
        "--fields",
        default="comparator,value,unit",
        help="the fields whose mismatches --show prints (comma-separated: subject,condition …)",
    )
    args = parser.parse_args()
    run(args.show, tuple(f.strip() for f in args.fields.split(",") if f.strip()))
    long_lists()


def long_lists() -> None:
    """How the time to read one phrase grows with the amounts listed in it (每月…1元、2元…):
    linear reading doubles with N; each number scanning the phrase again quadruples."""
    # (原则上: a sentence's own modal word; 各企业…1 元: a subject, numbers spaced as a PDF's,
    # each requirement's words given back as written)
    for lead, gap in (("每月补助标准为", ""), ("原则上每月补助", ""), ("各企业应当每月缴纳", " ")):
        shown = lead + ("1 元、2 元…" if gap else "…")
        print(f"\none phrase listing N amounts ({shown}): seconds to read it")
        for n in (500, 1000, 2000, 4000):
            text = lead + "、".join(f"{i}{gap}元" for i in range(1, n + 1)) + "。"
            started = time.perf_counter()
            found = extract(text)
            took = time.perf_counter() - started
            print(f"  N={n:>5}  {took:6.2f} s  ({len(found)} requirements)")
    names = ("二级医院", "三级医院", "社区医院", "专科医院", "中医医院")
    cases = (
        (
            "one sentence listing N classes, one phrase each (起付标准为1元，二级医院2元，…)",
            lambda n: (
                "一级医院起付标准为1元，"
                + "，".join(f"{names[i % 5]}{i}元" for i in range(2, n + 1))
                + "。"
            ),
        ),
        (
            "one phrase listing N classes, each its bracket (每班人数：甲班（1至2个月）3人、…)",
            lambda n: (
                "每班人数："
                + "、".join(f"甲班（{i}至{i + 1}个月）{i + 2}人" for i in range(n))
                + "。"
            ),
        ),
    )
    for title, text_of in cases:
        print(f"\n{title}")
        for n in (500, 1000, 2000, 4000):
            text = text_of(n)
            started = time.perf_counter()
            found = extract(text)
            took = time.perf_counter() - started
            print(f"  N={n:>5}  {took:6.2f} s  ({len(found)} requirements)")
    print("one phrase listing N dates (分别于2001年2月3日前、…): seconds to read it")
    for n in (250, 500, 1000, 2000):
        dates = "、".join(f"{2000 + i % 30}年{1 + i % 12}月{1 + i % 28}日前" for i in range(n))
        started = time.perf_counter()
        extract("分别于" + dates + "完成。")
        print(f"  N={n:>5}  {time.perf_counter() - started:6.2f} s")


if __name__ == "__main__":
    main()
