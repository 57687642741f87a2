"""Checklist answers → item verdicts → inspection score, grade and verdict.

Pure package: no Flask, no database; outside the standard library it uses only the official
calendar ``checklists.core.workdays`` (``chinese_calendar``), which ``date_pair`` items count
working days with (callers pass the calendar with the years an administrator loaded).

Every checklist item cites a clause and carries a rule (``validate_rule`` normalises it). An
answer is judged per item as ``pass``, ``fail``, ``na`` or ``unanswered`` with a short reason in
Chinese that ends with the citation; the inspection is then scored either as a weighted rate
(Σ得分 ÷ Σ满分 × 100) or by deduction (100 − Σ扣分, floored at 0). Numbers are compared as
decimals, never binary floats; unit conversions use exact fractions (1 亩 = 2000/3 m²).

For speed, ``compile_template`` does all per-item work once (validated rule, thresholds,
unit factors, the points of every possible outcome as integers over a common denominator,
the wording of reasons), and memoises the results of repeated answers per item.

Modules: ``units`` (units and exact conversion), ``numbers`` (exact decimals and dates),
``bands`` (grade bands), ``answer_types`` (one class per answer type and their registry),
``items`` (specs, results, one item compiled and judged), ``engine`` (visibility, compiled
templates, ``score``), ``repeats`` (repeated sections), ``explain`` (the
explanation lines), ``errors`` (``RuleError``, ``AnswerError``), ``conditions`` (the language of
the items' and sections' visibility conditions: ``from checklists.scoring import conditions``,
not re-exported). This module re-exports the public API: ``from checklists import scoring``
then ``scoring.score(...)``.
"""

from checklists.scoring.answer_types import (
    ANSWER_TYPE_REGISTRY,
    ANSWER_TYPES,
    OPS,
    AnswerType,
    BarcodeType,
    ChoiceType,
    CountType,
    DatePairType,
    DateType,
    NumberType,
    PartsType,
    PhotoType,
    TextType,
    YesNoType,
    validate_rule,
)
from checklists.scoring.bands import DEFAULT_BANDS, GradeBand, validate_bands
from checklists.scoring.engine import (
    CompiledTemplate,
    Visibility,
    compile_template,
    score,
)
from checklists.scoring.errors import AnswerError, RuleError
from checklists.scoring.items import (
    AGGREGATES,
    EXCLUSIONS,
    LIBRARY_CALENDAR,
    METHODS,
    RESULTS,
    SEVERITIES,
    Answer,
    CompiledItem,
    Instances,
    ItemResult,
    ItemSpec,
    SectionSummary,
    Summary,
    TemplateSpec,
    compile_item,
    evaluate,
    evaluate_compiled,
    parse_compiled,
    parse_value,
    stored_value,
)
from checklists.scoring.numbers import format_decimal, format_fraction
from checklists.scoring.units import UNITS, Unit, canonical_unit, convert

__all__ = [
    "AGGREGATES",
    "ANSWER_TYPES",
    "ANSWER_TYPE_REGISTRY",
    "DEFAULT_BANDS",
    "EXCLUSIONS",
    "LIBRARY_CALENDAR",
    "METHODS",
    "OPS",
    "RESULTS",
    "SEVERITIES",
    "UNITS",
    "Answer",
    "AnswerError",
    "AnswerType",
    "BarcodeType",
    "ChoiceType",
    "CompiledItem",
    "CompiledTemplate",
    "CountType",
    "DatePairType",
    "DateType",
    "GradeBand",
    "ItemResult",
    "Instances",
    "ItemSpec",
    "NumberType",
    "PartsType",
    "PhotoType",
    "RuleError",
    "SectionSummary",
    "Summary",
    "TemplateSpec",
    "TextType",
    "Unit",
    "Visibility",
    "YesNoType",
    "canonical_unit",
    "compile_item",
    "compile_template",
    "convert",
    "evaluate",
    "evaluate_compiled",
    "format_decimal",
    "format_fraction",
    "parse_compiled",
    "parse_value",
    "score",
    "stored_value",
    "validate_bands",
    "validate_rule",
]
