"""The ready-made templates say what their clauses say: every item's rule is re-derived from its
clause's requirement (or says why it differs), no item scores the inspected party for an
authority's act, critical items are not waved through as "not applicable", periods are checked
with their number, and the time a clause gives to put a failure right reaches the findings."""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa

from checklists import scoring
from checklists.authoring import derivation
from checklists.authoring import operations as builder
from checklists.authoring.models import ChecklistTemplate, Severity, TemplateItem, cite
from checklists.core.extensions import db
from checklists.demo import templates as ready_made
from checklists.standards.models import Clause, Document
from tests import test_templates

demo_data = test_templates.demo_data

COAL = "冠政发〔2016〕109号"
HAZARDS = "临政办字〔2016〕10号/临淄区重大安全生产隐患挂牌督办办法"
TALKS = "临政办字〔2016〕10号/临淄区安全生产约谈制度"
PROCUREMENT = "冠政发〔2016〕78号"


@pytest.fixture
def ready(demo_data) -> dict[str, ChecklistTemplate]:
    templates = db.session.scalars(sa.select(ChecklistTemplate)).all()
    return {t.lineage: t for t in templates}


def every_item(ready) -> list[TemplateItem]:
    return [item for t in ready.values() for item in t.ordered_items()]


def of(ready, name: str) -> ChecklistTemplate:
    [template] = [t for t in ready.values() if t.name.startswith(name)]
    return template


def citing(template: ChecklistTemplate, key: str) -> list[TemplateItem]:
    return [i for i in template.ordered_items() if i.clause_key == key]


def label(item: TemplateItem) -> str:
    return f"{item.citation}「{item.prompt}」"


# --- re-derived from the clause's requirement ---------------------------------------------------


def test_the_demo_load_builds_every_spec(ready):
    assert len(ready) == len(ready_made.TEMPLATES)
    for spec in ready_made.TEMPLATES:
        entries = [e for _title, _root, entries, *_settings in spec["sections"] for e in entries]
        assert len(ready[spec["lineage"]].ordered_items()) == len(entries)


def test_every_item_still_finds_the_requirement_it_was_drafted_from(ready):
    lost = [
        label(item)
        for item in every_item(ready)
        if item.source_span and derivation.requirement_of(item) is None
    ]
    assert lost == []


def test_every_rule_is_its_requirements_draft_or_says_why(ready):
    """Re-derive each item from its requirement (``item_from_requirement``): an item whose
    answer type or rule differs — or that has no requirement and is more than a yes/no check of
    its clause — carries a ``derivation_note``."""
    problems = [
        f"{label(d.item)}: drafted {d.expected}, is {d.actual}"
        for d in derivation.unexplained(every_item(ready))
    ]
    assert problems == []
    # ... and the notes are there for real differences, not as decoration everywhere
    noted = [i for i in every_item(ready) if i.derivation_note]
    assert noted and len(noted) < len(every_item(ready)) / 2
    assert all(re.search(r"[\u4e00-\u9fff]", i.derivation_note) for i in noted)


def test_the_comparison_sees_a_changed_rule(ready):
    area = test_templates.by_prompt(of(ready, "洁净煤"), "储煤厂房建设面积")
    assert not derivation.derive(area).differs  # photo_on_fail is the author's, not the clause's
    area.rule = {"op": ">=", "value": "400", "unit": "m²"}
    assert derivation.derive(area).unexplained
    area.derivation_note = "演示"
    assert not derivation.derive(area).unexplained
    db.session.rollback()


# --- the inspected party's duties only -----------------------------------------------------------


def test_no_item_cites_a_requirement_of_an_authority(ready):
    authorities = [
        f"{label(d.item)} ← {d.requirement.subject}"
        for d in map(derivation.derive, every_item(ready))
        if d.requirement is not None and builder.is_authority(d.requirement)
    ]
    assert authorities == []


def test_the_countys_coal_sampling_is_not_the_depots_duty(ready):
    coal = of(ready, "洁净煤")
    assert citing(coal, f"{COAL}/五/（三）") == []
    assert not any("接受县级" in i.prompt or "抽检次数" in i.prompt for i in coal.ordered_items())
    # what the depot owes instead: co-operating with the testing (六/4)
    cooperate = test_templates.by_prompt(coal, "主动配合煤质检验")
    assert cooperate.clause_key == f"{COAL}/六/4"
    assert "主动配合煤质检验" in cooperate.clause_text
    assert "双随机" in cooperate.guidance


def test_the_enterprise_answers_for_its_signed_receipt_not_the_governments_notice(ready):
    hazards = of(ready, "企业安全生产隐患")
    notice_items = [
        i for i in hazards.ordered_items() if i.clause_key.startswith(f"{HAZARDS}/第五条")
    ]
    [receipt] = notice_items
    assert receipt.clause_key == f"{HAZARDS}/第五条/（四）" and "签收回执" in receipt.clause_text
    assert receipt.answer_type == "yes_no" and "签收" in receipt.prompt
    assert "通知书内容" not in receipt.prompt and receipt.derivation_note
    assert not any("通知书内容齐全" in i.prompt for i in hazards.ordered_items())


def test_the_purchaser_answers_for_its_part_in_steps_9_18_19(ready):
    procurement = of(ready, "政府采购")
    for step, owed in (("三/（二）/9", "配合"), ("三/（六）/18", "改正"), ("三/（六）/19", "配合")):
        [item] = citing(procurement, f"{PROCUREMENT}/{step}")
        assert owed in item.prompt, item.prompt
        assert item.derivation_note and "职责" in item.derivation_note
        assert item.na_allowed and "不适用" in item.guidance
        # never the authority's own act: 30 working days to decide, or informing the 财政局
        assert "30" not in item.prompt and "通报财政局" not in item.prompt
        assert item.answer_type == "yes_no"
    # the purchaser's own duty to accept the audit, cited where it stands (一)
    audit = test_templates.by_prompt(procurement, "接受审计机关的审计监督")
    assert (
        audit.clause_key == f"{PROCUREMENT}/一"
        and audit.source_span == "都要接受审计机关的审计监督"
    )


def test_the_xiaohao_report_cites_article_7(ready):
    hazards = of(ready, "企业安全生产隐患")
    [report] = [i for i in hazards.ordered_items() if "销号报告" in i.prompt]
    assert report.clause_key == f"{HAZARDS}/第七条"
    assert "第七条" in report.citation and "隐患整改销号报告" in report.clause_text
    assert citing(hazards, f"{HAZARDS}/第八条") == []


def test_prompts_add_no_time_window_their_clause_lacks(ready):
    talks_1 = citing(of(ready, "企业安全生产隐患"), f"{TALKS}/第三条/（二）/1")
    assert talks_1 and all("年内" not in i.prompt for i in talks_1)
    assert "发生1人重伤、有一定影响的生产安全事故" in talks_1[0].prompt  # the clause's words
    for item in every_item(ready):
        for window in ("年内", "月内", "本月", "本年"):
            if window in item.prompt:
                assert window in item.clause_text, label(item)


# --- not applicable ---------------------------------------------------------------------------


def test_critical_items_are_not_applicable_only_when_their_clause_is_conditional(ready):
    critical = [i for i in every_item(ready) if i.severity == Severity.CRITICAL]
    assert critical
    waved = [
        label(i)
        for i in critical
        if i.na_allowed and not ("不适用" in i.guidance and "条款" in i.guidance)
    ]
    assert waved == []
    assert any(not i.na_allowed for i in critical)
    # a conditional one: 三（一）2 binds only projects at or above the tendering threshold, so
    # it is shown only for them (a condition on the project's amount), and then applies
    threshold = test_templates.by_prompt(of(ready, "政府采购"), "达到公开招标限额")
    assert threshold.severity == Severity.CRITICAL and not threshold.na_allowed
    assert threshold.visible_when == "amount >= 4000000"
    [req] = [r for r in threshold.clause.requirements if r.span == threshold.source_span]
    assert req.applies_when and "公开招标限额" in req.applies_when["text"]


def test_a_critical_item_marked_not_applicable_is_refused_by_the_engine(ready):
    template = of(ready, "洁净煤")
    land = test_templates.by_prompt(template, "配送中心（点）使用建设用地")
    assert land.severity == Severity.CRITICAL and not land.na_allowed
    spec = builder.template_spec(template)
    [item_spec] = [i for i in spec.items if i.id == land.id]
    with pytest.raises(scoring.AnswerError) as refused:
        scoring.evaluate(item_spec, scoring.Answer("na"))
    assert "不能选择“不适用”" in refused.value.message


# --- the keeping rule of 六/3 ------------------------------------------------------------------


def test_the_ledger_item_checks_that_two_years_are_kept_not_the_oldest_ledgers_age(ready):
    coal = of(ready, "洁净煤")
    ledgers = citing(coal, f"{COAL}/六/3")
    assert not any((i.rule or {}).get("unit") == "year" for i in ledgers)
    [keeping] = [i for i in ledgers if i.source_span == "最少留存两年"]
    assert keeping.answer_type == "parts"
    assert {p["label"] for p in keeping.rule["parts"]} == {"煤炭购销台账", "煤质检测信息台账"}
    assert "近两年" in keeping.prompt and "开业" in keeping.prompt
    assert "两年" in keeping.derivation_note and "年限" in keeping.derivation_note
    # a depot open for eight months with both ledgers complete passes
    spec = builder.template_spec(coal)
    [item_spec] = [i for i in spec.items if i.id == keeping.id]
    both = [p["value"] for p in keeping.rule["parts"]]
    assert scoring.evaluate(item_spec, scoring.Answer(both)).result == "pass"
    assert scoring.evaluate(item_spec, scoring.Answer(both[:1])).result == "fail"


# --- periods are checked with their number ----------------------------------------------------


def test_a_stated_period_is_checked_as_the_working_days_it_took(ready):
    periods = [
        d
        for d in map(derivation.derive, every_item(ready))
        if d.requirement is not None
        and d.requirement.kind == "deadline"
        and d.requirement.value is not None
        and d.requirement.unit == "working_day"
    ]
    assert {int(d.requirement.value) for d in periods} == {15, 10, 3, 7}
    for d in periods:
        item = d.item
        if item.document_number == PROCUREMENT:
            # the answers' dates are on file (received, answered): the engine counts the days
            assert item.answer_type == "date_pair", label(item)
            assert item.rule == {
                "op": "<=",
                "value": int(d.requirement.value),
                "unit": "working_day",
            }, label(item)
            assert "日期" in item.prompt and "官方日历" in item.derivation_note
            continue
        assert item.answer_type == "number", label(item)
        assert item.rule == {
            "op": "<=",
            "value": format(d.requirement.value.normalize(), "f"),
            "unit": "working_day",
        }, label(item)
        assert "工作日数" in item.prompt and "工作日" in item.derivation_note
    procurement = of(ready, "政府采购")
    answered = {i.prompt: i for i in procurement.ordered_items() if i.answer_type == "date_pair"}
    assert len(answered) == 2 and all(i.na_allowed for i in answered.values())
    spec = builder.template_spec(procurement)
    for item_spec in (i for i in spec.items if i.id in {a.id for a in answered.values()}):
        n = item_spec.rule["value"]  # 3 (询问) or 7 (质疑): 2026-09-29 + N working days
        due = {3: "2026-10-09", 7: "2026-10-14"}[n]  # 国庆 Oct 1–7 off, Oct 10 worked
        on_time = scoring.evaluate(item_spec, {"from": "2026-09-29", "to": due})
        assert on_time.result == "pass", on_time.reason
        late = {3: "2026-10-10", 7: "2026-10-15"}[n]
        assert scoring.evaluate(item_spec, {"from": "2026-09-29", "to": late}).result == "fail"
    talks = test_templates.by_prompt(of(ready, "企业安全生产隐患"), "书面报送落实情况")
    spec = builder.template_spec(of(ready, "企业安全生产隐患"))
    [item_spec] = [i for i in spec.items if i.id == talks.id]
    assert scoring.evaluate(item_spec, scoring.Answer("15")).result == "pass"
    late = scoring.evaluate(item_spec, scoring.Answer("16"))
    assert late.result == "fail" and "15" in late.reason


# --- the time a clause gives to put a failure right -------------------------------------------


def _clause_by_citation(citation: str) -> Clause | None:
    for clause in db.session.scalars(sa.select(Clause).join(Document).where(Document.is_current)):
        if cite(clause.key, clause.document.number) == citation:
            return clause
    return None


def test_fix_spans_quote_their_clause(ready):
    fixed = [i for i in every_item(ready) if i.fix_n is not None]
    assert fixed
    for item in fixed:
        assert item.fix_unit in {"working_day", "day", "hour", "month", "year"}
        span = item.fix_span
        if span in item.clause_text:
            continue
        source, _sep, words = span.partition("：")
        clause = _clause_by_citation(source)
        assert clause is not None, span
        assert words in clause.text, span


def test_the_construction_standards_take_the_month_that_acceptance_gives(ready):
    """四（二）: 未通过验收的限期一个月整改 — the reading drafts it as a deadline of ≤ 1 month, and
    every scored item of 二 (what the acceptance checks) carries it."""
    coal = of(ready, "洁净煤")
    acceptance = builder.current_clause(f"{COAL}/四/（二）")
    [req] = [r for r in acceptance.requirements if r.kind == "deadline"]
    assert (req.comparator, req.value, req.unit) == ("<=", 1, "month")
    standards = [i for i in coal.ordered_items() if i.clause_key.startswith(f"{COAL}/二/")]
    assert standards
    for item in standards:
        if not item.scored:
            continue
        assert (item.fix_n, item.fix_unit) == (int(req.value), req.unit), label(item)
        assert item.fix_span.endswith("未通过验收的限期一个月整改")
    others = [i for i in every_item(ready) if not i.clause_key.startswith(f"{COAL}/二/")]
    assert all(i.fix_n is None for i in others)


def test_items_without_a_stated_time_keep_the_severity_default(ready):
    coal = of(ready, "洁净煤")
    area = test_templates.by_prompt(coal, "储煤厂房建设面积")
    assert (area.fix_n, area.fix_unit) == (1, "month") and area.derivation_note == ""
    invoices = test_templates.by_prompt(coal, "每批次洁净煤均索要购货发票")
    assert (invoices.fix_n, invoices.fix_unit, invoices.fix_span) == (None, None, "")
