"""Checklist templates: drafting from clauses, the builder, versions, the ready-made templates,
JSON and Excel round trips, pages and the API."""

from __future__ import annotations

import datetime as dt
import io
import json
import pathlib
from decimal import Decimal

import pytest
import sqlalchemy as sa
from openpyxl import load_workbook

from checklists import scoring
from checklists.accounts.models import Role
from checklists.authoring import excel, exchange
from checklists.authoring import operations as builder
from checklists.authoring.models import ChecklistTemplate, Severity, TemplateItem, TemplateStatus
from checklists.core.errors import InputError
from checklists.core.extensions import db
from checklists.standards.clause_tree import clause_text_hash
from checklists.standards.models import Clause, Document
from inspections import cli as demo
from tests.conftest import csrf_token, import_gazettes, load_demo_once, login

DATA = pathlib.Path(__file__).parent / "data"
COAL = "冠政发〔2016〕109号"


@pytest.fixture
def coal(app_ctx) -> Document:
    """The clean-coal gazette imported (once a run, then written back); its 冠政发〔2016〕109号
    document."""
    import_gazettes()
    return db.session.scalar(sa.select(Document).where(Document.number == COAL))


@pytest.fixture
def demo_data(app_ctx) -> None:
    """``flask demo load``'s data: loaded once a run, its rows written back after that."""
    load_demo_once()


def clause(key: str) -> Clause:
    return db.session.scalar(
        sa.select(Clause).join(Document).where(Clause.key == key, Document.is_current)
    )


def by_prompt(template: ChecklistTemplate, text: str) -> TemplateItem:
    [item] = [i for i in template.ordered_items() if text in i.prompt]
    return item


# --- drafting -----------------------------------------------------------------------------------


def test_draft_from_a_document_makes_one_item_per_requirement(coal):
    template = builder.draft_template("洁净煤", None, document=coal)
    items = template.ordered_items()
    requirements = [
        r
        for c in coal.clauses
        for r in c.requirements
        if r.modality != "permission"  # 可 asks nothing checkable
        and r.subject_kind != "authority"  # drafted only when the author asks (the reading)
    ]
    assert len(items) == len(requirements)
    area = by_prompt(template, "面积不低于500平方米")
    assert (area.answer_type, area.rule) == ("number", {"op": ">=", "value": "500", "unit": "m²"})
    assert area.clause_key == f"{COAL}/二/（二）/1"
    vehicles = by_prompt(template, "至少配备2-3辆")
    assert (vehicles.answer_type, vehicles.rule["value"], vehicles.rule["unit"]) == (
        "count",
        "2",
        "辆",
    )
    power_line = by_prompt(template, "严禁在电力线路保护区")
    assert power_line.severity == Severity.CRITICAL and power_line.answer_type == "yes_no"
    advisory = by_prompt(template, "适时安装监控联网")
    assert advisory.scored is False
    assert not any("可节省空间" in i.prompt for i in items)
    for item in items:  # provenance is copied from the stored clause
        stored = db.session.get(Clause, item.clause_id)
        assert (item.clause_key, item.clause_text_hash) == (stored.key, stored.text_hash)
        assert item.clause_text_hash == clause_text_hash(item.clause_text)
        assert item.document_number == COAL and item.document_version == coal.version
    titles = [s.title for s in template.sections]
    assert any(t.startswith("二（二）") for t in titles)


def test_picked_clauses_without_requirements_get_a_yes_no_check(coal):
    picked = [clause(f"{COAL}/三/（一）"), clause(f"{COAL}/二/（二）/1")]
    template = builder.draft_template("挑选", None, clauses=picked)
    prompts = [i.prompt for i in template.ordered_items()]
    # the clause's number-less duty is drafted too, before its thresholds
    assert prompts[:2] == [
        "是否符合：储煤厂房要进行全封闭建设",
        "储煤厂房建设面积不低于500平方米（实测，m²）",
    ]
    # a clause with no requirement read from it: a yes/no check of its whole text
    assert (
        prompts[-1]
        == "是否符合：补贴范围及对象 我县范围内购买洁净煤的本地农村居民，按补贴后的价格购买洁净煤。"
    )
    # (a standard's item that names a thing to have is a requirement: its own check)
    template = builder.draft_template("挑选", None, clauses=[clause(f"{COAL}/二/（二）/5")])
    assert [i.prompt for i in template.ordered_items()] == ["是否符合：有符合标准的煤炭计量设备"]
    with pytest.raises(InputError):
        builder.draft_template("空", None)


# --- builder ------------------------------------------------------------------------------------


def test_builder_reorders_splits_merges_and_deletes(coal):
    template = builder.draft_template("编辑", None, clauses=[clause(f"{COAL}/二/（二）/1")])
    # 全封闭, ≥ 500 m², ≥ 6 m, 大门需方便重型车辆进出
    enclosed, first, second, door = template.ordered_items()
    builder.delete_item(door)
    builder.delete_item(enclosed)
    builder.move_item(second, -1)
    assert template.ordered_items() == [second, first]
    copy = builder.split_item(second)
    assert template.ordered_items() == [second, copy, first]
    assert copy.clause_key == second.clause_key and copy.rule == second.rule
    merged = builder.merge_items([copy, first])
    assert merged is copy and template.ordered_items() == [second, copy]
    assert "；" in merged.prompt and merged.weight == Decimal(2)
    other = builder.add_section(template, "第二部分")
    builder.move_item(copy, 1)  # past the section's end: into the next section
    assert copy.section is other and template.sections[0].items == [second]
    with pytest.raises(InputError):
        builder.delete_section(other)  # not empty
    builder.delete_item(copy)
    builder.delete_section(other)
    assert [s.title for s in template.sections] == [template.sections[0].title]


def test_update_item_validates_the_rule_and_changes_nothing_when_wrong(coal):
    template = builder.draft_template("编辑", None, clauses=[clause(f"{COAL}/二/（二）/1")])
    item = template.ordered_items()[0]
    before = dict(item.rule)
    bad = {
        "prompt": "面积",
        "answer_type": "number",
        "severity": "major",
        "weight": "1",
        "rule": {"op": "range", "low": "10", "high": "5"},
    }
    with pytest.raises(InputError) as caught:
        builder.update_item(item, bad)
    assert caught.value.fields and all(k.startswith("rule_") for k in caught.value.fields)
    assert item.rule == before
    good = {**bad, "rule": {"op": ">=", "value": "0.5", "unit": "亩"}, "required": True}
    builder.update_item(item, {**good, "scored": True, "na_allowed": False})
    assert item.rule == {"op": ">=", "value": "0.5", "unit": "亩"} and not item.na_allowed
    with pytest.raises(InputError) as caught:
        builder.update_item(item, {**good, "prompt": " ", "weight": "abc", "severity": "x"})
    assert set(caught.value.fields) >= {"prompt", "weight", "severity"}


def test_publishing_freezes_and_editing_makes_a_new_version(coal):
    template = builder.draft_template("版本", None, clauses=[clause(f"{COAL}/二/（二）/1")])
    empty = builder.create_template("空模板", None)
    with pytest.raises(InputError):
        builder.publish(empty, None)
    builder.confirm_items(template, [i.id for i in template.ordered_items()])  # checked
    builder.publish(template, None)
    assert template.status == TemplateStatus.PUBLISHED and template.published_at
    item = template.ordered_items()[0]
    with pytest.raises(InputError):
        builder.update_item(item, {"prompt": "x"})
    with pytest.raises(InputError):
        builder.split_item(item)
    draft = builder.new_version(template, None)
    assert builder.new_version(template, None) is draft  # one open draft per template
    assert (draft.lineage, draft.version, draft.status) == (template.lineage, 2, "draft")
    assert exchange.template_to_dict(draft) == exchange.template_to_dict(template)
    builder.publish(draft, None)
    assert template.status == TemplateStatus.SUPERSEDED
    assert template.ordered_items()[0].id != draft.ordered_items()[0].id  # v1 rows are kept


# --- the ready-made templates -------------------------------------------------------------------


def test_demo_load_publishes_the_three_templates_every_item_citing_its_clause(demo_data):
    templates = db.session.scalars(sa.select(ChecklistTemplate)).all()
    names = {t.name for t in templates}
    assert names == {
        "洁净煤配送中心（点）建设与管理检查表",
        "企业安全生产隐患排查与挂牌督办检查表",
        "政府采购项目合规检查表",
    }
    for template in templates:
        assert template.status == TemplateStatus.PUBLISHED
        assert builder.publication_problems(template) == {}
        for item in template.ordered_items():
            stored = db.session.get(Clause, item.clause_id)
            assert stored is not None, item.prompt
            assert stored.key == item.clause_key and stored.text_hash == item.clause_text_hash
            assert stored.document.number == item.document_number
    coal_keys = {i.clause_key for i in templates[0].ordered_items()}
    assert {f"{COAL}/二/（二）/{n}" for n in range(1, 12)} <= coal_keys
    assert {f"{COAL}/二/（一）/1", f"{COAL}/二/（一）/2", f"{COAL}/六/4"} <= coal_keys
    assert f"{COAL}/五/（三）" not in coal_keys  # the county's sampling: not the depot's duty
    procurement = next(t for t in templates if t.name == "政府采购项目合规检查表")
    steps = {k.rsplit("/", 1)[-1] for k in (i.clause_key for i in procurement.ordered_items())}
    assert {str(n) for n in range(1, 20)} <= steps
    hazards = next(t for t in templates if "挂牌督办" in t.name)
    assert str(hazards.method) == "deduction"
    assert {i.document_number for i in hazards.ordered_items()} == {
        "临政办字〔2016〕10号",
        "临政办字〔2016〕11号",
    }
    # 临政办字〔2016〕11号 ended on 2018-03-31: the author confirmed each item still applies.
    expired = [i for i in hazards.ordered_items() if i.valid_to]
    assert expired and all(i.validity_confirmed and i.validity_note for i in expired)
    assert demo.load_demo() == [demo.load_demo()[0]]  # a second load changes nothing


def test_a_ready_made_template_scores_with_reasons_that_quote_the_clause(demo_data):
    template = db.session.scalar(
        sa.select(ChecklistTemplate).where(ChecklistTemplate.name.startswith("洁净煤"))
    )
    spec = builder.template_spec(template)
    area = by_prompt(template, "储煤厂房建设面积")
    spec_item = next(i for i in spec.items if i.id == area.id)
    result = scoring.evaluate(spec_item, scoring.Answer("480", photos=1))
    assert result.result == "fail"
    assert result.reason == "实测 480 平方米 < 要求 ≥ 500 平方米（冠政发〔2016〕109号 二（二）1）"
    # the yes/no items outside the warehouses (those are answered per warehouse: test_repeats)
    answers = {i.id: "yes" for i in spec.items if i.answer_type == "yes_no" and not i.repeat}
    summary = scoring.score(spec, answers, as_of=dt.date(2026, 11, 21))
    assert summary.complete is False and summary.score is None  # numbers still unanswered


# --- JSON and Excel -----------------------------------------------------------------------------


@pytest.fixture
def ready(demo_data) -> list[ChecklistTemplate]:
    return db.session.scalars(sa.select(ChecklistTemplate).order_by(ChecklistTemplate.id)).all()


def test_json_round_trip_is_exact(ready):
    # what the author wrote about the rule and the clause's time to put right travel too
    items = [i for s in exchange.template_to_dict(ready[0])["sections"] for i in s["items"]]
    assert any(i["derivation_note"] for i in items)
    assert any((i["fix_n"], i["fix_unit"]) == (1, "month") and i["fix_span"] for i in items)
    for template in ready:
        data = exchange.template_to_dict(template)
        assert json.loads(json.dumps(data, ensure_ascii=False)) == data
        same, outcome = exchange.import_template(data, None)
        assert (same, outcome) == (template, "unchanged")
        copy, outcome = exchange.import_template({**data, "lineage": None}, None)
        assert outcome == "new" and copy.is_draft
        assert exchange.template_to_dict(copy) == {**data, "lineage": copy.lineage}
        assert [i.clause_id for i in copy.ordered_items()] == [
            i.clause_id for i in template.ordered_items()
        ]


def test_importing_changed_content_makes_the_next_version(ready):
    data = exchange.template_to_dict(ready[0])
    data["sections"][0]["items"][0]["prompt"] = "改过的检查内容"
    template, outcome = exchange.import_template(data, None)
    assert (outcome, template.version, template.lineage) == ("new_version", 2, ready[0].lineage)
    with pytest.raises(InputError):  # the lineage now has an open draft
        exchange.import_template({**data, "name": "再改"}, None)


def test_excel_round_trip_is_exact(ready):
    for template in ready:
        workbook = excel.template_to_xlsx(template)
        sheet = load_workbook(io.BytesIO(workbook))["检查项"]
        header = [c.value for c in sheet[1]]
        assert header[:4] == ["章节", "检查内容", "检查指引", "答案类型"]
        assert sheet.max_row == 1 + len(template.ordered_items())
        back = exchange.content_to_dict(exchange.read_template_dict(excel.xlsx_to_dict(workbook)))
        assert back == exchange.template_to_dict(template)
    coal_book = load_workbook(io.BytesIO(excel.template_to_xlsx(ready[0])))["检查项"]
    rows = [[c.value for c in row] for row in coal_book.iter_rows(min_row=2)]
    area = next(r for r in rows if r[1] == "储煤厂房建设面积（实测）")
    assert (area[4], area[5], area[10]) == (">=", 500, "m²")  # a number cell, not text


def test_an_edited_workbook_imports_as_a_new_version(ready):
    book = load_workbook(io.BytesIO(excel.template_to_xlsx(ready[0])))
    sheet = book["检查项"]
    for row in sheet.iter_rows(min_row=2):
        if row[1].value == "储煤厂房高度（实测）":
            row[5].value = 7
    out = io.BytesIO()
    book.save(out)
    template, outcome = exchange.import_template(excel.xlsx_to_dict(out.getvalue()), None)
    assert outcome == "new_version"
    assert by_prompt(template, "储煤厂房高度").rule == {"op": ">=", "value": "7", "unit": "m"}


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda d: d.update(format="other/1"), "format"),
        (lambda d: d.update(name=""), "name"),
        (lambda d: d["sections"][0]["items"][0].update(answer_type="maybe"), ".answer_type"),
        (lambda d: d["sections"][1]["items"][1]["rule"].update(op="≈"), ".rule.op"),
        (lambda d: d["sections"][0]["items"][0].update(weight="-1"), ".weight"),
        (lambda d: d["sections"][0]["items"][0]["clause"].update(text_hash="0" * 64), "text_hash"),
        (lambda d: d["sections"][0]["items"][0].update(valid_from="2026-13-01"), "valid_from"),
        (lambda d: d.update(grade_bands=[{"min": "90", "label": "优", "pass": True}]), "grade"),
        (lambda d: d.update(sections=[]), "sections"),
        (lambda d: d["sections"][0]["items"][0].update(fix_n=0, fix_unit="day"), ".fix_n"),
        (lambda d: d["sections"][0]["items"][0].update(fix_n=3, fix_unit="fortnight"), "fix_unit"),
    ],
)
def test_bad_imports_name_the_field_and_store_nothing(ready, change, field):
    data = json.loads(json.dumps(exchange.template_to_dict(ready[0])))
    data["lineage"] = None
    change(data)
    count = db.session.scalar(sa.select(sa.func.count(TemplateItem.id)))
    with pytest.raises(InputError) as caught:
        exchange.import_template(data, None)
    assert any(field in key for key in caught.value.fields), caught.value.fields
    assert db.session.scalar(sa.select(sa.func.count(TemplateItem.id))) == count


def test_a_broken_workbook_is_refused_clearly(app_ctx):
    with pytest.raises(InputError) as caught:
        excel.xlsx_to_dict(b"PK\x03\x04 not really a workbook")
    assert "Excel" in caught.value.fields["file"]


# --- pages --------------------------------------------------------------------------------------


def test_author_drafts_edits_previews_and_publishes_through_the_pages(app, client, coal, make_user):
    author = make_user("t-author", role=Role.AUTHOR)
    login(client, author)
    token = csrf_token(client, "/templates/")
    page = client.get(f"/templates/new?document_id={coal.id}")
    assert page.status_code == 200 and "储煤厂房" in page.get_data(as_text=True)
    response = client.post(
        f"/templates/new?document_id={coal.id}",
        data={
            "csrf_token": token,
            "draft-csrf_token": token,
            "draft-name": "页面起草",
            "draft-org_kind": "enterprise",
            "draft-clause_ids": [clause(f"{COAL}/二/（二）/1").id],
            "draft-submit": "1",
        },
    )
    assert response.status_code == 302
    db.session.remove()
    template = db.session.scalar(
        sa.select(ChecklistTemplate).where(ChecklistTemplate.name == "页面起草")
    )
    edit_page = client.get(f"/templates/{template.id}/edit").get_data(as_text=True)
    assert "储煤厂房建设面积" in edit_page and "≥ 500 平方米" in edit_page
    item = template.ordered_items()[0]
    form = {
        "csrf_token": token,
        "section_id": template.sections[0].id,
        "prompt": "储煤厂房面积",
        "answer_type": "number",
        "op": ">=",
        "value": "abc",
        "unit": "m²",
        "severity": "critical",
        "weight": "2",
        "required": "y",
        "scored": "y",
    }
    bad = client.post(f"/templates/{template.id}/items/{item.id}", data=form)
    assert bad.status_code == 422 and "要求值" in bad.get_data(as_text=True)
    good = client.post(f"/templates/{template.id}/items/{item.id}", data={**form, "value": "500"})
    assert good.status_code == 302
    preview = client.post(
        f"/templates/{template.id}/preview",
        data={"csrf_token": token, f"a{item.id}": "480", f"u{item.id}": "m²"},
    )
    html = preview.get_data(as_text=True)
    assert preview.status_code == 200
    assert "实测 480 平方米 &lt; 要求 ≥ 500 平方米" in html and "不合格" in html
    typo = client.post(
        f"/templates/{template.id}/preview", data={"csrf_token": token, f"a{item.id}": "四百"}
    )
    assert typo.status_code == 422 and "请输入数字" in typo.get_data(as_text=True)
    confirm = {"csrf_token": token, "scope": "all"}  # each item checked against its clause
    assert client.post(f"/templates/{template.id}/confirm", data=confirm).status_code == 302
    publish = {"csrf_token": token, "confirm": "yes"}
    assert client.post(f"/templates/{template.id}/publish", data=publish).status_code == 302
    db.session.remove()
    template = db.session.get(ChecklistTemplate, template.id)
    assert template.status == TemplateStatus.PUBLISHED
    assert template.ordered_items()[0].severity == Severity.CRITICAL
    again = client.get(f"/templates/{template.id}/edit")
    assert again.status_code == 302  # frozen: back to the template with a message


def test_template_files_download_and_upload(app, client, ready, make_user):
    login(client, make_user("t-author2", role=Role.AUTHOR))
    template = ready[2]
    exported = client.get(f"/templates/{template.id}/export.json")
    assert exported.status_code == 200 and exported.json["name"] == template.name
    xlsx = client.get(f"/templates/{template.id}/export.xlsx")
    assert xlsx.mimetype.endswith("spreadsheetml.sheet")
    token = csrf_token(client, "/templates/import")
    data = {**exported.json, "lineage": None, "name": "导入的副本"}
    upload = client.post(
        "/templates/import",
        data={"csrf_token": token, "file": (io.BytesIO(json.dumps(data).encode()), "t.json")},
    )
    assert upload.status_code == 302
    bad = client.post(
        "/templates/import",
        data={"csrf_token": token, "file": (io.BytesIO(b"{not json"), "t.json")},
    )
    assert bad.status_code == 422 and "JSON" in bad.get_data(as_text=True)
    sheet = client.post(
        "/templates/import",
        data={"csrf_token": token, "file": (io.BytesIO(xlsx.data), "t.xlsx")},
    )
    assert sheet.status_code == 302  # same content: "nothing changed"
    assert "没有变化" in client.get(sheet.location).get_data(as_text=True)


def test_drafts_are_hidden_from_everyone_but_authors(app, client, coal, make_user):
    draft = builder.draft_template("草稿", None, document=coal)
    db.session.commit()
    login(client, make_user("t-inspector", role=Role.INSPECTOR))
    assert client.get(f"/templates/{draft.id}").status_code == 404
    assert client.get("/api/v1/templates").json == []


# --- API ----------------------------------------------------------------------------------------


def test_api_lists_and_shows_templates_as_interfaces_md_says(app, client, ready, make_user):
    login(client, make_user("t-api", role=Role.INSPECTOR))
    listing = client.get("/api/v1/templates").json
    assert {t["name"] for t in listing} == {t.name for t in ready}
    coal_row = next(t for t in listing if t["name"].startswith("洁净煤"))
    assert coal_row["documents"] == [COAL] and coal_row["status"] == "published"
    detail = client.get(f"/api/v1/templates/{coal_row['id']}").json
    assert detail["method"] == "weighted" and detail["version"] == 1
    item = detail["sections"][1]["items"][1]
    assert item["prompt"] == "储煤厂房建设面积（实测）"
    assert item["rule"] == {"op": ">=", "value": "500", "unit": "m²", "photo_on_fail": True}
    assert item["clause"]["key"] == f"{COAL}/二/（二）/1" and item["clause"]["document"] == COAL
    assert item["clause"]["text"].startswith("1、储煤厂房要进行全封闭建设")
    assert client.get("/api/v1/templates?status=nonsense").status_code == 400
    assert client.get("/api/v1/templates/999999").status_code == 404


def test_an_expired_rule_is_flagged_and_left_out_until_the_author_confirms_it(
    app, client, coal, make_user
):
    blacklist = clause("临政办字〔2016〕11号/第三条/（一）")  # in force until 2018-03-31
    template = builder.draft_template("过期规则", None, clauses=[blacklist])
    [item] = template.ordered_items()
    assert item.valid_to == dt.date(2018, 3, 31)
    day = dt.date(2026, 11, 21)
    assert builder.expired_items(template, day) == [item]
    summary = scoring.score(builder.template_spec(template), {item.id: "no"}, as_of=day)
    assert summary.items[item.id].excluded == "expired" and summary.verdict == "pass"
    assert "2018-03-31" in summary.items[item.id].reason
    db.session.commit()
    login(client, make_user("t-validity", role=Role.AUTHOR))
    page = client.get(f"/templates/{template.id}").get_data(as_text=True)
    assert "已过有效期" in page and "不计分" in page
    fields = {
        "prompt": item.prompt,
        "answer_type": "yes_no",
        "severity": "critical",
        "weight": "1",
        "required": True,
        "scored": True,
        "valid_to": item.valid_to,
        "validity_confirmed": True,
        "validity_note": "后续文件延续执行",
    }
    builder.update_item(item, fields)
    summary = scoring.score(builder.template_spec(template), {item.id: "no"}, as_of=day)
    assert summary.items[item.id].result == "fail" and summary.verdict == "fail"
    assert builder.expired_items(template, day) == []
