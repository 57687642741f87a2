"""Visibility conditions end to end (issue 25): item keys and the conditions of items and
sections in the model, the authoring service (the builder's form, the import), versions, the
JSON and Excel exchange, the API, the builder's pages, the filling page, the progress of an
answer write and the submission. The procurement template of the demo shows its approval steps
only for projects at or above the public-tender limit (``amount >= 4000000``).
"""

from __future__ import annotations

import io
import json
import re

import pytest
import sqlalchemy as sa
from openpyxl import load_workbook

from checklists.accounts.models import OrgKind, Role
from checklists.authoring import excel, exchange
from checklists.authoring import operations as builder
from checklists.authoring.models import ChecklistTemplate, TemplateItem, TemplateStatus
from checklists.authoring.visibility import suggested_condition
from checklists.core.errors import InputError
from checklists.core.extensions import db
from checklists.demo import templates as demo_templates
from checklists.standards.services import import_text
from inspections.filling import visibility, workflow
from inspections.filling.models import Inspection
from tests.conftest import built_once, csrf_token, depot_spec, login
from tests.test_templates import DATA, by_prompt

LIMIT = "amount >= 4000000"
AMOUNT = "项目金额（元）"
APPROVAL = "达到公开招标限额的项目填写"
ACCEPTANCE = "《项目验收方案》报领导小组审批"
BELOW = "不适用：项目金额（元） = 1200000，条件 项目金额（元） ≥ 4000000 不成立"


def _build(name: str) -> ChecklistTemplate:
    [spec] = [t for t in demo_templates.TEMPLATES if t["name"].startswith(name)]
    return demo_templates.build(spec, None)


def _build_procurement() -> int:
    import_text((DATA / "000_4d0f1aad85daeba2.txt").read_text("utf-8"), "000.txt")
    template = _build("政府采购")
    db.session.commit()
    return template.id


@pytest.fixture
def procurement(app_ctx) -> ChecklistTemplate:
    """The ready-made procurement template, published: built the first time, its rows written
    back after that (conftest.built_once)."""
    return db.session.get(ChecklistTemplate, built_once("procurement", _build_procurement))


@pytest.fixture
def draft(procurement) -> ChecklistTemplate:
    """A new draft version of it."""
    copy = builder.new_version(procurement, None)
    db.session.commit()
    return copy


def _conditional(template: ChecklistTemplate) -> list[TemplateItem]:
    return [i for i in template.ordered_items() if i.visible_when]


def _data(item: TemplateItem, **changes) -> dict:
    """The builder form's data of ``item`` with ``changes``."""
    data = {
        "prompt": item.prompt,
        "guidance": item.guidance,
        "answer_type": item.answer_type,
        "rule": item.rule,
        "severity": str(item.severity),
        "weight": str(item.weight),
        "na_allowed": item.na_allowed,
        "required": item.required,
        "scored": item.scored,
        "key": item.key,
        "visible_when": item.visible_when,
    }
    return {**data, **changes}


# --- the model, the demo, versions ------------------------------------------------------------


def test_the_procurement_template_shows_its_approval_steps_only_above_the_limit(procurement):
    items = procurement.ordered_items()
    amount = items[0]
    assert (amount.key, amount.prompt, amount.answer_type, amount.visible_when) == (
        "amount",
        AMOUNT,
        "number",
        None,
    )
    shown_above = [i.prompt for i in _conditional(procurement)]
    assert len(shown_above) == 4 and all(i.visible_when == LIMIT for i in _conditional(procurement))
    assert any(APPROVAL in p for p in shown_above) and any(ACCEPTANCE in p for p in shown_above)
    assert sum("审批表（" in p for p in shown_above) == 2
    assert builder.publication_problems(procurement) == {}
    spec = builder.template_spec(procurement)
    assert [i.visible_when for i in spec.items if i.visible_when] == [(LIMIT,)] * 4
    assert spec.items[0].key == "amount"
    assert procurement.has_conditions()
    assert procurement.condition_labels() == {"amount": AMOUNT}


def test_a_new_version_copies_keys_and_conditions_and_a_split_gives_up_the_key(draft):
    assert [(i.key, i.visible_when) for i in draft.ordered_items()] == [
        (i.key, i.visible_when) for i in draft.previous.ordered_items()
    ]
    assert exchange.template_to_dict(draft) == exchange.template_to_dict(draft.previous)
    builder.set_section_condition(draft.sections[1], LIMIT)
    again = builder.new_version(draft, None)
    assert again is draft  # one open draft
    builder.confirm_items(draft, [i.id for i in draft.ordered_items()])
    builder.publish(draft, None)
    third = builder.new_version(draft, None)
    assert third.sections[1].visible_when == LIMIT
    amount = third.ordered_items()[0]
    copy = builder.split_item(amount)
    assert (copy.key, amount.key) == (None, "amount")


def test_the_engine_spec_folds_the_sections_condition_before_the_items(draft):
    builder.set_section_condition(draft.sections[-1], "amount > 0")
    spec = builder.template_spec(draft)
    last = draft.sections[-1].items
    by_id = {i.id: i for i in spec.items}
    assert all(by_id[i.id].visible_when == ("amount > 0",) for i in last)


# --- the authoring service --------------------------------------------------------------------


def test_an_items_key_and_condition_are_checked_with_chinese_messages(draft):
    items = draft.ordered_items()
    amount, first, later = items[0], items[1], items[5]
    builder.update_item(first, _data(first, key=" team ", visible_when=f" {LIMIT} "))
    assert (first.key, first.visible_when) == ("team", LIMIT)
    builder.update_item(first, _data(first, key="", visible_when=""))
    assert (first.key, first.visible_when) == (None, None)

    def refused(item, **changes) -> dict[str, str]:
        with pytest.raises(InputError) as caught:
            builder.update_item(item, _data(item, **changes))
        db.session.rollback()
        return caught.value.fields

    assert refused(first, visible_when="amount >= ") == {"visible_when": "条件末尾：条件不完整"}
    assert refused(first, visible_when="amount = 1") == {
        "visible_when": "第 8 个字符：判断相等请写“==”"
    }
    assert refused(first, visible_when="amount ＞ 1") == {
        "visible_when": "第 8 个字符：请把全角字符“＞”改为半角字符“>”"
    }
    assert refused(first, key="amount") == {"key": "标识“amount”与前面的检查项重复"}
    assert refused(first, key="2b") == {
        "key": "标识只能由字母、数字、下划线和汉字组成，且不能以数字开头"
    }
    later_key = refused(first, visible_when="later > 1")
    assert later_key == {"visible_when": "没有标识为“later”的检查项"}
    builder.update_item(later, _data(later, key="later"))
    assert refused(first, visible_when="later > 1") == {
        "visible_when": "“later”是后面的检查项：条件只能引用前面的检查项"
    }
    assert refused(amount, visible_when="amount > 1") == {
        "visible_when": "条件不能引用本项自己的答案“amount”"
    }
    # renaming a key that later conditions read breaks them: refused, naming the item
    broken = refused(amount, key="money")
    assert set(broken) == {"key"} and "第" in broken["key"] and "money" not in broken["key"]
    assert "没有标识为“amount”的检查项" in broken["key"]
    # moving the amount into a later section puts it after the items that read it: refused
    moved = refused(amount, section=draft.sections[-1])
    assert set(moved) == {"section"} and "“amount”是后面的检查项" in moved["section"]


def test_moves_and_deletions_that_break_a_condition_are_refused(draft):
    amount, next_one = draft.ordered_items()[:2]
    reader = _conditional(draft)[0]
    # a move that keeps every condition after the amount is fine
    builder.move_item(amount, 1)
    builder.move_item(reader, 1)
    builder.move_item(amount, -1)
    assert draft.ordered_items()[:2] == [amount, next_one]
    builder.update_item(next_one, _data(next_one, visible_when="amount > 0"))
    with pytest.raises(InputError) as caught:
        builder.move_item(amount, 1)
    assert caught.value.fields["order"] == (
        "未移动：第1项的显示条件：“amount”是后面的检查项：条件只能引用前面的检查项"
    )
    db.session.rollback()
    with pytest.raises(InputError) as caught:
        builder.delete_item(amount)
    assert caught.value.fields["order"].startswith("未删除：第")
    assert "没有标识为“amount”的检查项" in caught.value.fields["order"]
    db.session.rollback()
    with pytest.raises(InputError) as caught:
        builder.merge_items([draft.ordered_items()[2], amount])
    assert caught.value.fields["order"].startswith("未合并：")
    db.session.rollback()
    builder.set_section_condition(draft.sections[1], "amount > 0")
    with pytest.raises(InputError):
        builder.move_section(draft.sections[0], 1)
    db.session.rollback()
    assert [i.id for i in draft.ordered_items()[:2]] == [amount.id, next_one.id]


def test_a_sections_condition_reads_only_items_before_it(draft):
    first, second = draft.sections[0], draft.sections[1]
    with pytest.raises(InputError) as caught:
        builder.set_section_condition(first, LIMIT)
    assert caught.value.fields["visible_when"] == (
        f"章节“{first.title}”的显示条件：“amount”是后面的检查项：条件只能引用前面的检查项"
    )
    with pytest.raises(InputError) as caught:
        builder.set_section_condition(second, "amount >")
    assert caught.value.fields["visible_when"].endswith("条件末尾：条件不完整")
    builder.set_section_condition(second, f"  {LIMIT} ")
    assert second.visible_when == LIMIT
    builder.set_section_condition(second, "")
    assert second.visible_when is None


def test_publishing_is_refused_while_a_condition_is_wrong(draft):
    item = draft.ordered_items()[3]
    item.visible_when = "later == 1"  # written around the service (an old draft, say)
    draft.ordered_items()[6].key = "later"
    db.session.flush()
    problems = builder.publication_problems(draft)
    assert problems[f"item_{item.id}_visible_when"] == (
        "第4项的显示条件：“later”是后面的检查项：条件只能引用前面的检查项"
    )
    with pytest.raises(InputError):
        builder.publish(draft, None)


def test_the_reading_suggests_a_condition_over_the_obvious_item(draft):
    amount, item = draft.ordered_items()[0], draft.ordered_items()[2]
    when = {"text": "达到400万元以上的项目", "comparator": ">=", "value": "4000000", "unit": None}
    assert suggested_condition(item, when) == LIMIT
    assert suggested_condition(item, {**when, "unit": "t"}) is None  # no item in tonnes
    assert suggested_condition(item, {"text": "重大项目"}) is None  # no number
    assert suggested_condition(amount, when) is None  # nothing before it
    builder.update_item(item, _data(item, key="other", answer_type="number", rule={}))
    later = draft.ordered_items()[3]
    assert suggested_condition(later, when) is None  # two candidates: the author picks


def test_the_reading_suggests_both_bounds_of_a_range(draft):
    item = draft.ordered_items()[2]
    when = {"text": "400万元至800万元的项目", "comparator": "range", "value": None, "unit": None}
    bounds = {"low": "4000000", "high": "8000000"}
    key = draft.ordered_items()[0].key
    assert suggested_condition(item, {**when, **bounds}) == (
        f"{key} >= 4000000 and {key} <= 8000000"
    )
    assert suggested_condition(item, when) is None  # an old reading: no bounds kept
    # 400万元（含）至800万元（不含）的: the end its marker leaves out, left out
    half_open = {**when, **bounds, "low_inclusive": True, "high_inclusive": False}
    assert suggested_condition(item, half_open) == f"{key} >= 4000000 and {key} < 8000000"
    assert suggested_condition(item, {**when, "low": "4000000"}) is None


# --- exchange -----------------------------------------------------------------------------------


def test_json_and_excel_carry_keys_and_conditions(procurement):
    data = exchange.template_to_dict(procurement)
    items = [i for s in data["sections"] for i in s["items"]]
    assert items[0]["key"] == "amount" and sum(i["visible_when"] == LIMIT for i in items) == 4
    assert all("visible_when" in s for s in data["sections"])
    same, outcome = exchange.import_template(json.loads(json.dumps(data)), None)
    assert (same, outcome) == (procurement, "unchanged")
    data["sections"][2]["visible_when"] = "amount > 0"
    copy, outcome = exchange.import_template({**data, "lineage": None}, None)
    assert outcome == "new" and exchange.template_to_dict(copy) == {**data, "lineage": copy.lineage}
    assert copy.sections[2].visible_when == "amount > 0"

    workbook = excel.template_to_xlsx(copy)
    sheet = load_workbook(io.BytesIO(workbook))["检查项"]
    header = [c.value for c in sheet[1]]
    assert header[-3:] == ["标识", "显示条件", "章节显示条件"]
    back = exchange.content_to_dict(exchange.read_template_dict(excel.xlsx_to_dict(workbook)))
    assert back == exchange.template_to_dict(copy)


def test_a_workbook_from_before_conditions_still_imports(procurement):
    book = load_workbook(io.BytesIO(excel.template_to_xlsx(procurement)))
    sheet = book["检查项"]
    sheet.delete_cols(sheet.max_column - 2, 3)
    out = io.BytesIO()
    book.save(out)
    content = exchange.read_template_dict(excel.xlsx_to_dict(out.getvalue()))
    items = [i for s in content["sections"] for i in s["items"]]
    assert all(i["key"] is None and i["visible_when"] is None for i in items)


BAD = [
    (lambda d: d["sections"][0]["items"][1].update(visible_when="amount >= "),
     "sections[0].items[1].visible_when", "显示条件：条件末尾：条件不完整"),
    (lambda d: d["sections"][0]["items"][1].update(key="amount"),
     "sections[0].items[1].key", "标识：标识“amount”与前面的检查项重复"),
    (lambda d: d["sections"][0]["items"][0].update(key="9x"),
     "sections[0].items[0].key", "标识：标识只能由字母、数字、下划线和汉字组成，且不能以数字开头"),
    (lambda d: d["sections"][0].update(visible_when=LIMIT),
     "sections[0].visible_when", "显示条件：“amount”是后面的检查项：条件只能引用前面的检查项"),
    (lambda d: d["sections"][1]["items"][0].update(visible_when=3),
     "sections[1].items[0].visible_when", "应为文本。"),
]  # fmt: skip


@pytest.mark.parametrize(("change", "path", "message"), BAD)
def test_bad_keys_and_conditions_on_import_name_the_field(procurement, change, path, message):
    data = json.loads(json.dumps(exchange.template_to_dict(procurement)))
    data["lineage"] = None
    change(data)
    with pytest.raises(InputError) as caught:
        exchange.import_template(data, None)
    assert caught.value.fields[path] == message


# --- the API ------------------------------------------------------------------------------------


def test_the_api_shows_keys_and_conditions(client, procurement, make_user):
    login(client, make_user("reader", role=Role.INSPECTOR))
    detail = client.get(f"/api/v1/templates/{procurement.id}").json
    items = [i for s in detail["sections"] for i in s["items"]]
    assert items[0]["key"] == "amount" and items[0]["visible_when"] is None
    assert [i["visible_when"] for i in items if i["visible_when"]] == [LIMIT] * 4
    assert all(s["visible_when"] is None for s in detail["sections"])
    spec = client.get("/api/v1/openapi.json").json
    item = spec["components"]["schemas"]["TemplateItem"]["properties"]
    assert {"key", "visible_when"} <= set(item)
    assert "visible_when" in spec["components"]["schemas"]["TemplateSection"]["properties"]


# --- the builder's pages ----------------------------------------------------------------------


def test_the_builder_edits_an_items_key_and_condition(client, draft, make_user):
    login(client, make_user("writer", role=Role.AUTHOR))
    item = draft.ordered_items()[1]
    url = f"/templates/{draft.id}/items/{item.id}"
    page = client.get(url).get_data(as_text=True)
    for name in ("key", "visible_when"):
        [tag] = re.findall(rf'<input[^>]* name="{name}"[^>]*>', page)
        assert 'autocapitalize="off"' in tag and 'spellcheck="false"' in tag
    form = {
        "csrf_token": csrf_token(client, url),
        "section_id": str(item.section_id),
        "prompt": item.prompt,
        "answer_type": "yes_no",
        "yes_value": "yes",
        "weight": "1",
        "severity": "major",
        "required": "y",
        "scored": "y",
        "key": "team",
        "visible_when": "amount = 1",
    }
    refused = client.post(url, data=form)
    assert refused.status_code == 422
    text = refused.get_data(as_text=True)
    assert "显示条件：第 8 个字符：判断相等请写“==”" in text
    saved = client.post(url, data={**form, "visible_when": LIMIT})
    assert saved.status_code == 302
    db.session.remove()
    stored = db.session.get(TemplateItem, item.id)
    assert (stored.key, stored.visible_when) == ("team", LIMIT)
    page = client.get(f"/templates/{draft.id}/edit").get_data(as_text=True)
    assert "仅在以下条件成立时显示：项目金额（元） ≥ 4000000" in page
    # a section's condition, from its own small form
    section = db.session.get(ChecklistTemplate, draft.id).sections[1]
    action = f"/templates/{draft.id}/sections/{section.id}/condition"
    token = csrf_token(client, f"/templates/{draft.id}/edit")
    prefix = f"s{section.id}-"
    bad = client.post(action, data={f"{prefix}csrf_token": token, f"{prefix}visible_when": "x >"})
    assert bad.status_code == 422 and "条件末尾：条件不完整" in bad.get_data(as_text=True)
    good = client.post(action, data={f"{prefix}csrf_token": token, f"{prefix}visible_when": LIMIT})
    assert good.status_code == 302
    page = client.get(f"/templates/{draft.id}/preview").get_data(as_text=True)
    assert "本章节仅在以下条件成立时显示：项目金额（元） ≥ 4000000" in page
    # 试算 with an amount below the limit: the steps above it are not applicable, and say why
    first = db.session.get(ChecklistTemplate, draft.id).ordered_items()[0]
    tried = client.post(
        f"/templates/{draft.id}/preview",
        data={"csrf_token": token, f"a{first.id}": "1,200,000"},
    )
    assert tried.status_code == 200
    assert f'<p class="reason">{BELOW}</p>' in tried.get_data(as_text=True)
    # a move the conditions forbid: refused with the reason, nothing moved
    amount = db.session.get(ChecklistTemplate, draft.id).ordered_items()[0]
    down = client.post(f"/templates/{draft.id}/items/{amount.id}/down", data={"csrf_token": token})
    assert down.status_code == 422 and "未移动" in down.get_data(as_text=True)


def test_the_item_page_offers_the_readings_condition(client, make_user, app_ctx):
    import_text((DATA / "000_4d0f1aad85daeba2.txt").read_text("utf-8"), "000.txt")
    template = builder.draft_template(
        "采购草稿",
        None,
        clauses=[demo_templates._clause(demo_templates.PROCUREMENT, "三/（一）/2")],
    )
    db.session.commit()
    login(client, make_user("writer", role=Role.AUTHOR))
    [item] = [
        i
        for i in template.ordered_items()
        if i.source_span.startswith("采购人要填写《采购方案审批表》")
    ]
    page = client.get(f"/templates/{template.id}/items/{item.id}").get_data(as_text=True)
    assert "条款的适用条件：对达到公开招标限额以上的项目" in page
    assert "仅适用于：对达到公开招标限额以上的项目" in item.guidance


# --- filling: the page, the progress of an answer, the submission ------------------------------


@pytest.fixture
def started(procurement, make_org, make_user):
    inspector = make_user("cond-inspector", role=Role.INSPECTOR)
    org = make_org("冠县某局", kind=OrgKind.GOVERNMENT)
    inspection, _created = workflow.create_inspection(procurement, org, inspector)
    db.session.commit()
    return procurement, inspection.uuid, inspector


def test_the_filling_page_carries_the_conditions(client, started, make_org):
    template, key, inspector = started
    login(client, inspector)
    page = client.get(f"/inspections/{key}/fill").get_data(as_text=True)
    amount = template.ordered_items()[0]
    assert f'id="i{amount.id}"' in page and 'data-key="amount"' in page
    assert page.count('data-visible-when="amount &gt;= 4000000"') == 4
    assert page.count('data-when-text="项目金额（元） ≥ 4000000"') == 4
    assert re.search(r'<script src="/static/js/conditions\.[0-9a-f]{12}\.js" defer>', page)
    assert page.index("js/conditions.") < page.rindex("js/inspect.")
    # the amount unanswered: the steps are folded, their inputs disabled, the reason shown
    assert len(re.findall(r'class="item result-\w+ cond-off"', page)) == 4
    assert page.count('<fieldset class="cond-wrap" disabled>') == 4
    assert "不适用：项目金额（元） 未作答，条件 项目金额（元） ≥ 4000000 不成立" in page
    # a template without conditions: none of it, and no conditions.js
    coal = demo_templates.build(depot_spec(repeat=False), None)  # no condition, no repeat
    other, _created = workflow.create_inspection(coal, make_org("鑫源煤业"), inspector)
    db.session.commit()
    plain = client.get(f"/inspections/{other.uuid}/fill").get_data(as_text=True)
    assert "conditions." not in plain and "data-visible-when" not in plain
    assert 'class="cond-wrap"' not in plain and "data-key" not in plain


def _put(client, key, item_id, value, token, n):
    return client.put(
        f"/api/v1/inspections/{key}/answers/{item_id}",
        json={"value": value, "client_id": f"c{n}"},
        headers={"X-CSRFToken": token, "Accept": "application/json"},
    )


def test_progress_and_submission_follow_the_amount(client, started):
    template, key, inspector = started
    login(client, inspector)
    token = csrf_token(client, f"/inspections/{key}/fill")
    items = template.ordered_items()
    amount = items[0]
    hidden_ids = {i.id for i in _conditional(template)}
    required = [i for i in items if i.required]
    below = len([i for i in required if i.id not in hidden_ids])
    first = _put(client, key, amount.id, "1,200,000", token, 1)
    assert first.status_code == 201 and first.json["answer"]["value"] == "1200000"
    assert first.json["progress"] == {"answered": 1, "required": below}
    above = _put(client, key, amount.id, "4000000.00", token, 2)
    assert above.json["progress"] == {"answered": 1, "required": below + 4}
    back = _put(client, key, amount.id, "1200000", token, 3)
    assert back.json["progress"] == {"answered": 1, "required": below}
    # a hidden step answered anyway (an old phone, the API): kept, not counted or scored
    approval = by_prompt(template, APPROVAL)
    stale = _put(client, key, approval.id, "no", token, 4)
    assert stale.status_code == 201 and stale.json["progress"]["required"] == below
    n = 5
    for item in items:
        if item.required and item.id not in hidden_ids and item.id != amount.id:
            value = {"date_pair": "na"}.get(item.answer_type, "na" if item.na_allowed else "yes")
            if item.answer_type in ("number", "count") and not item.na_allowed:
                value = "3"
            assert _put(client, key, item.id, value, token, n).status_code == 201, item.prompt
            n += 1
    detail = client.get(f"/api/v1/inspections/{key}").json
    assert detail["progress"] == {"answered": below, "required": below}
    submitted = client.post(f"/api/v1/inspections/{key}/submit", headers={"X-CSRFToken": token})
    assert submitted.status_code == 200, submitted.json
    results = {i["item_id"]: i for i in submitted.json["items"]}
    assert results[approval.id]["result"] == "na"
    assert results[approval.id]["reason"] == BELOW
    assert results[approval.id]["answer"]["value"] == "no"  # kept for the record
    db.session.remove()
    inspection = db.session.scalar(sa.select(Inspection).where(Inspection.uuid == key))
    assert inspection.verdict == "pass"  # the critical step's "no" did not count
    assert {x["item_id"]: x["excluded"] for x in inspection.summary["items"]}[approval.id] == (
        "hidden"
    )
    shown = client.get(f"/inspections/{key}").get_data(as_text=True)
    assert f'<p class="reason">{BELOW}</p>' in shown


def test_submission_demands_the_steps_once_they_apply(client, started):
    template, key, inspector = started
    login(client, inspector)
    token = csrf_token(client, f"/inspections/{key}/fill")
    amount = template.ordered_items()[0]
    _put(client, key, amount.id, "5000000", token, 1)
    refused = client.post(f"/api/v1/inspections/{key}/submit", headers={"X-CSRFToken": token})
    assert refused.status_code == 422
    approval = by_prompt(template, APPROVAL)
    assert f"item_{approval.id}" in refused.json["error"]["fields"]


def test_a_published_templates_plan_is_kept_and_a_plain_template_has_none(app, procurement):
    assert visibility.condition_plan(procurement.id) is not None
    assert procurement.id in app.extensions["condition_plans"]
    coal = demo_templates.build(depot_spec(repeat=False), None)  # no condition, no repeat
    db.session.commit()
    assert visibility.condition_plan(coal.id) is None and not visibility.has_conditions(coal.id)
    assert app.extensions["condition_plans"][coal.id] is None  # no query next time
    draft = builder.new_version(procurement, None)
    db.session.commit()
    assert draft.status == TemplateStatus.DRAFT
    assert visibility.condition_plan(draft.id) is not None
    assert draft.id not in app.extensions["condition_plans"]  # a draft may still change
