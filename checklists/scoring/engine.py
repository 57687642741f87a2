"""The engine: items and templates in, verdicts, points, score, grade and verdict out.

``compile_template`` does all per-item work once (validated rule, thresholds, unit factors,
the points of every possible outcome as integers over a common denominator, the wording of
reasons) and memoises the results of repeated answers per item; the per-type work is done by
the item's answer type (``answer_types.py``). The specs, the results and one item's judging
are in ``items``; repeated sections in ``repeats``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from fractions import Fraction
from math import lcm
from typing import Any

from checklists.core.workdays import OfficialCalendar
from checklists.scoring import conditions, repeats
from checklists.scoring.bands import validate_bands
from checklists.scoring.errors import AnswerError, RuleError
from checklists.scoring.explain import _explain
from checklists.scoring.items import (
    LIBRARY_CALENDAR,
    METHODS,
    Answer,
    CompiledItem,
    Instances,
    ItemResult,
    ItemSpec,
    SectionSummary,
    Summary,
    TemplateSpec,
    _hidden_result,
    _run,
    _whens,
    stored_value,
)
from checklists.scoring.numbers import _F0, _round_half_up_1


class Visibility:
    """The items' keys and visibility conditions, checked and parsed once.

    Keys must be valid and unique, and each condition must parse and read only the keys of
    earlier items (``conditions.order_problems``), else ``RuleError`` (field ``key`` or
    ``visible_when``, the item's id). ``hidden`` works out, in item order, which items an
    inspection's answers hide: an item is shown when all its conditions hold over the answers
    of the items shown before it (a hidden item's answer, kept for the record, reads as
    unanswered), and the explanation of a hidden one says why, naming items by their prompts.

    Repeated sections (``ItemSpec.repeat``): see ``repeats`` (a group's items in a row, else
    ``RuleError`` on ``repeat``); ``groups``: repeat key → the indices of its items.
    """

    __slots__ = ("plan", "labels", "conditional", "groups", "steps")

    def __init__(self, items: Sequence[ItemSpec]) -> None:
        entries = [(item.key or None, _whens(item.visible_when)) for item in items]
        self.groups: dict[str, tuple[int, ...]] = {}
        self.steps: tuple[Any, ...] = ()
        if any(item.repeat for item in items):
            self.groups = repeats.groups(items)
            problems = repeats.order_problems(items, entries, self.groups)
        else:
            problems = conditions.order_problems(entries)
        if problems:
            n, field_name, message = problems[0]
            raise RuleError(field_name, message, items[n].id)
        self.labels = {
            item.key: item.prompt or item.label or item.key for item in items if item.key
        }
        self.plan = tuple(
            (item.id, key, tuple(conditions.parse(w) for w in whens))
            for item, (key, whens) in zip(items, entries, strict=True)
        )
        #: Whether any item has a condition (else nothing is ever hidden).
        self.conditional = any(trees for _id, _key, trees in self.plan)
        if self.groups:
            self.steps = repeats.steps(items, self.plan, self.groups, self.labels)

    def hidden(
        self, answers: Mapping[Any, Any], instances: Instances | None = None
    ) -> dict[Any, str]:
        """Item id → why it is hidden (``conditions.explain``: 不适用：…不成立), for the items
        ``answers`` (item id → stored value or ``Answer``) hide; empty when none is. Repeated
        sections: ``instances`` as ``score`` takes them; an item hidden in one instance only is
        keyed ``(item id, instance key)``."""
        return {at: why for at, (_n, why) in self.explained(answers, instances).items()}

    def explained(
        self, answers: Mapping[Any, Any], instances: Instances | None = None
    ) -> dict[Any, tuple[int, str]]:
        """``hidden`` with the index of the condition that does not hold (in the item's
        ``visible_when``: 0 is its section's when the section has one)."""
        out: dict[Any, tuple[int, str]] = {}
        if not self.conditional:
            return out
        if self.steps:
            return repeats.explained(self, answers, instances or {})
        shown: dict[str, Any] = {}
        get = answers.get
        for item_id, key, trees in self.plan:
            for n, tree in enumerate(trees):
                if not conditions.evaluate(tree, shown):
                    out[item_id] = (n, conditions.explain(tree, shown, self.labels))
                    break
            else:
                if key is not None:
                    shown[key] = stored_value(get(item_id))
        return out


class CompiledTemplate:
    """A validated template, ready to score many inspections quickly."""

    __slots__ = ("spec", "items", "by_id", "ids", "method", "bands", "denominator",
                 "sections", "section_items", "section_of", "_validity", "_fractions",
                 "_scores", "calendar", "visibility", "_shown", "repeats",
                 "_repeat_outcomes")  # fmt: skip

    def __init__(
        self,
        spec: TemplateSpec,
        cache_size: int = 1024,
        calendar: OfficialCalendar | None = None,
    ) -> None:
        if spec.method not in METHODS:
            raise RuleError("method", f"未知的计分方法“{spec.method}”，可选 weighted、deduction")
        self.spec = spec
        self.method = spec.method
        self.bands = validate_bands(list(spec.grade_bands))
        self.calendar = calendar or LIBRARY_CALENDAR
        items = [CompiledItem(item, cache_size, self.calendar) for item in spec.items]
        self.by_id: dict[Any, CompiledItem] = {}
        for ci in items:
            if ci.id in self.by_id:
                raise RuleError("id", f"条目编号重复：{ci.id}", ci.id)
            self.by_id[ci.id] = ci
        self.items = tuple(items)
        self.ids = frozenset(self.by_id)
        self.visibility = Visibility(spec.items)
        #: Repeat key → the indices of its items (``repeats``); empty: no repeated section.
        self.repeats = self.visibility.groups
        self._repeat_outcomes: dict[tuple[Any, Fraction], Any] = {}
        self._shown = (None,) * len(items)  # no item hidden
        dens = [d for ci in items for d in ci.denominators()]
        self.denominator = lcm(*dens) if dens else 1
        for ci in items:
            ci.scale(self.denominator)
        titles: dict[str, int] = {}
        for ci in items:
            titles.setdefault(ci.section, len(titles))
        self.sections = tuple(titles)
        self.section_of = tuple(titles[ci.section] for ci in items)
        self.section_items = tuple(
            tuple(ci.id for ci in items if ci.section == title) for title in self.sections
        )
        self._validity: dict[date | None, tuple[tuple[str, str] | None, ...]] = {}
        self._fractions: dict[int, Fraction] = {}
        self._scores: dict[tuple[int, int], tuple[Fraction | None, Decimal | None]] = {}

    def fraction(self, scaled: int) -> Fraction:
        """``scaled`` points (integers over ``denominator``) as a fraction (memoised)."""
        found = self._fractions.get(scaled)
        if found is None:
            found = Fraction(scaled, self.denominator)
            if len(self._fractions) < 65536:
                self._fractions[scaled] = found
        return found

    def points_score(self, e: int, p: int, d: int) -> tuple[Fraction | None, Decimal | None]:
        """(exact score, rounded score) of scaled points; Nones when Σ满分 is 0 (weighted)."""
        key = (e, p) if self.method == "weighted" else (d, -1)
        found = self._scores.get(key)
        if found is None:
            if self.method == "weighted":
                exact = Fraction(e * 100, p) if p else None
            else:
                exact = max(_F0, 100 - Fraction(d, self.denominator))
            found = (exact, None if exact is None else _round_half_up_1(exact))
            if len(self._scores) < 65536:
                self._scores[key] = found
        return found

    def validity(self, as_of: date | None) -> tuple[tuple[str, str] | None, ...]:
        """Per item: None, or (excluded code, reason) when not in force on ``as_of``."""
        found = self._validity.get(as_of)
        if found is None:
            found = tuple(ci.validity(as_of) for ci in self.items)
            if len(self._validity) < 64:
                self._validity[as_of] = found
        return found


def compile_template(
    spec: TemplateSpec, cache_size: int = 1024, calendar: OfficialCalendar | None = None
) -> CompiledTemplate:
    """Validate ``spec`` and precompute everything scoring needs; raises ``RuleError``.

    ``cache_size`` bounds the memo of evaluated answers per item (0 turns it off); ``calendar``
    is the official calendar ``date_pair`` items count with (default: the bundled one).
    """
    return CompiledTemplate(spec, cache_size, calendar)


def score(
    template: TemplateSpec | CompiledTemplate,
    answers: Mapping[Any, Answer | Any],
    as_of: date | None = None,
    calendar: OfficialCalendar | None = None,
    instances: Instances | None = None,
) -> Summary:
    """Score one inspection: every item's verdict, section points, score, grade and verdict.

    ``answers`` maps item id → ``Answer`` or raw value (a missing id is unanswered). Invalid
    values raise ``AnswerError`` (with ``item_id`` set); ids not in the template raise
    ``AnswerError("unknown_item")``. Score, grade and verdict are None until every required
    item is answered (and every counted failure needing a photo has one). An item whose
    visibility condition (its own or its section's, ``ItemSpec.visible_when``) does not hold
    over the answers of the items shown before it is hidden: not applicable (excluded
    ``hidden``, the reason from ``conditions.explain``), neither required nor scored, its
    answer, if one was stored before, kept but not judged (``Visibility``). ``calendar``: the
    official calendar ``date_pair`` items count with (default: the bundled one); a compiled
    template counts with the one it was compiled with, so giving another is an error.

    ``instances``: repeat key → the inspection's instances of that repeated section in order,
    ``(instance key, label)``; their answers are keyed ``(item id, instance key)``, an unknown
    item or instance raising ``AnswerError("unknown_item")``; see ``repeats``.
    """
    if isinstance(template, CompiledTemplate):
        if calendar is not None and calendar is not template.calendar:
            raise ValueError("score: the template was compiled with another calendar")
        ct = template
    else:
        ct = compile_template(template, calendar=calendar)
    # per item: None (judged below), why it is hidden, or a repeated item's (result, outcome)
    preset: Sequence[Any]
    if ct.repeats:
        preset = repeats.preset(ct, answers, as_of, instances or {})
    else:
        if not ct.ids.issuperset(answers):
            repeats.check_keys(ct, answers, {})  # raises AnswerError
        if ct.visibility.conditional:
            why = ct.visibility.hidden(answers)
            preset = tuple(why.get(ci.id) for ci in ct.items) if why else ct._shown
        else:
            preset = ct._shown
    get = answers.get
    method = ct.method
    weighted = method == "weighted"
    nsec = len(ct.sections)
    sec_e, sec_p, sec_d, sec_n = [0] * nsec, [0] * nsec, [0] * nsec, [0] * nsec
    sec_counts = [{"pass": 0, "fail": 0, "na": 0, "unanswered": 0} for _ in range(nsec)]
    items: dict[Any, ItemResult] = {}
    counted: list[Any] = []
    counted_labels: list[str] = []
    exclusions: list[tuple[Any, str]] = []
    excluded_labels: list[str] = []
    missing: list[tuple[Any, str]] = []
    missing_labels: list[str] = []
    knockouts: list[Any] = []
    knockout_labels: list[str] = []
    ci = None
    try:
        for ci, validity, s, hide in zip(
            ct.items, ct.validity(as_of), ct.section_of, preset, strict=True
        ):
            if hide is None:
                res, outcome = _run(ci, get(ci.id), validity)
            elif hide.__class__ is str:  # its condition does not hold: not required nor scored
                res, outcome = _hidden_result(ci, hide), None
            else:  # a repeated item, judged per instance
                res, outcome = hide
            items[ci.id] = res
            sec_counts[s][res.result] += 1
            if outcome is not None:
                sec_e[s] += outcome.e
                sec_p[s] += outcome.p
                sec_d[s] += outcome.d
                sec_n[s] += 1
                counted.append(ci.id)
                counted_labels.append(outcome.wlabel if weighted else outcome.dlabel)
                if res.knockout:
                    knockouts.append(ci.id)
                    knockout_labels.append(ci.name)
            elif res.excluded is not None:
                exclusions.append((ci.id, res.excluded))
                excluded_labels.append(ci.xlabels[res.excluded])
            if res.missing is not None:
                missing.append((ci.id, res.missing))
                missing_labels.append(ci.mlabels[res.missing])
    except AnswerError as exc:
        if exc.item_id is None and ci is not None:
            exc.item_id = ci.id
        raise
    frac = ct.fraction
    sections = [
        SectionSummary(
            title,
            frac(sec_e[i]),
            frac(sec_p[i]),
            frac(sec_d[i]),
            ct.points_score(sec_e[i], sec_p[i], sec_d[i])[1] if sec_n[i] else None,
            sec_counts[i],
            ct.section_items[i],
        )
        for i, title in enumerate(ct.sections)
    ]
    total_e, total_p, total_d = sum(sec_e), sum(sec_p), sum(sec_d)
    earned, possible, deducted = frac(total_e), frac(total_p), frac(total_d)
    complete = not missing
    exact = rounded = grade = verdict = band = None
    if complete:
        if counted:
            exact, rounded = ct.points_score(total_e, total_p, total_d)
        if rounded is not None:
            band = next(b for b in ct.bands if b.min <= rounded)
            grade = band.label
        verdict = "fail" if knockouts or (band is not None and not band.passing) else "pass"
    explanation = _explain(
        method, counted_labels, excluded_labels, missing_labels, knockout_labels, earned, possible,
        deducted, exact, rounded, band, verdict, bool(counted),
    )  # fmt: skip
    return Summary(
        method, complete, missing, rounded, exact, grade, verdict, knockouts, items, sections,
        counted, exclusions, explanation, earned, possible, deducted,
    )  # fmt: skip
