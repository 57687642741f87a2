"""Drafting an author can check at a glance: drafted items wait for the author's confirmation,
publishing is refused (and changes nothing) until every item is confirmed, and the builder
shows each item's source words marked in its clause, who must act, when it applies and how
sure the reading is."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from checklists.accounts.models import Role
from checklists.authoring import checking
from checklists.authoring import operations as builder
from checklists.authoring.models import ChecklistTemplate, TemplateStatus
from checklists.core.errors import InputError
from checklists.core.extensions import db
from checklists.standards.models import Clause, Document
from checklists.standards.services import import_text
from tests.conftest import csrf_token, login

NUMBER = "示政发〔2026〕9号"
GAZETTE = f"""示例县人民政府文件

{NUMBER}

示例县人民政府
关于核对洁净煤配送中心检查项的通知

各乡镇人民政府，县政府各部门：
现就有关事项通知如下。
一、建设要求
（一）配送中心仓库面积不应低于500平方米。
（二）凡年销售量达到1万吨以上的配送中心，必须安装视频监控。
（三）配送中心应当及时报送购销台账。
二、监督管理
（一）各乡镇（街道）要加强对配送中心的日常监管。

示例县人民政府
2026年3月1日
"""


@pytest.fixture
def document(app_ctx) -> Document:
    import_text(GAZETTE, "check.txt")
    db.session.commit()
    return db.session.scalar(sa.select(Document).where(Document.number == NUMBER))


def clause(path: str) -> Clause:
    return db.session.scalar(
        sa.select(Clause).join(Document).where(Clause.key == f"{NUMBER}/{path}")
    )


def drafted(name: str = "核对", **options) -> ChecklistTemplate:
    picked = [clause("一/（一）"), clause("一/（二）"), clause("一/（三）")]
    template = builder.draft_template(name, None, clauses=picked, **options)
    db.session.commit()
    return template


def ids(template: ChecklistTemplate) -> list[int]:
    return [item.id for item in template.ordered_items()]


# --- operations ---------------------------------------------------------------------------------


def test_drafted_and_added_items_start_unconfirmed_and_an_edit_does_not_confirm(document):
    template = builder.draft_template("整份", None, document=document)
    items = template.ordered_items()
    assert items and not any(item.confirmed for item in items)
    added = builder.add_item(template.sections[0], clause("一/（三）"))
    assert added.confirmed is False
    first = items[0]
    builder.update_item(
        first,
        {
            "prompt": "仓库面积",
            "answer_type": "number",
            "severity": "major",
            "weight": "1",
            "rule": {"op": ">=", "value": "500", "unit": "m²"},
            "required": True,
            "scored": True,
        },
    )
    assert first.confirmed is False  # editing is not checking


def test_copies_keep_the_flag_and_a_merge_is_confirmed_only_when_every_part_was(document):
    template = drafted()
    area, camera, ledger = template.ordered_items()
    builder.confirm_item(area)
    assert builder.split_item(area).confirmed is True
    assert builder.split_item(camera).confirmed is False
    merged = builder.merge_items([area, ledger])
    assert merged is area and merged.confirmed is False
    builder.confirm_items(template, ids(template))
    builder.publish(template, None)
    draft = builder.new_version(template, None)
    assert all(item.confirmed for item in draft.ordered_items())


def test_confirm_items_takes_several_in_one_step_and_refuses_a_wrong_id_whole(document):
    template, other = drafted(), drafted("另一个")
    area, camera, ledger = template.ordered_items()
    with pytest.raises(InputError) as caught:
        builder.confirm_items(template, [area.id, other.ordered_items()[0].id])
    assert set(caught.value.fields) == {"items"}
    assert not area.confirmed  # nothing half-done
    with pytest.raises(InputError):
        builder.confirm_items(template, [])
    done = builder.confirm_items(template, [area.id, camera.id, area.id])
    assert done == [area, camera] and builder.unconfirmed_items(template) == [ledger]
    assert builder.confirm_items(template, [area.id]) == []  # confirmed before: no change
    builder.confirm_item(ledger)
    assert builder.unconfirmed_items(template) == []
    builder.publish(template, None)
    with pytest.raises(InputError):  # a published version is frozen
        builder.confirm_items(template, [area.id])


def test_publishing_is_refused_while_items_are_unconfirmed_and_nothing_changes(document):
    template = drafted()
    builder.confirm_items(template, ids(template))
    builder.publish(template, None)
    draft = builder.new_version(template, None)
    added = builder.add_item(draft.sections[0], clause("二/（一）"))
    db.session.commit()
    problems = builder.publication_problems(draft)
    assert set(problems) == {"confirmed"}
    number = draft.item_numbers()[added.id]
    assert "1" in problems["confirmed"] and str(number) in problems["confirmed"]
    with pytest.raises(InputError) as caught:
        builder.publish(draft, None)
    assert set(caught.value.fields) == {"confirmed"}
    db.session.rollback()
    assert draft.status == TemplateStatus.DRAFT and draft.published_at is None
    assert template.status == TemplateStatus.PUBLISHED  # the published version stays current
    builder.confirm_item(added)
    builder.publish(draft, None)
    assert (draft.status, template.status) == (TemplateStatus.PUBLISHED, "superseded")


def test_the_refusal_names_at_most_ten_items(document):
    template = builder.draft_template("多项", None, clauses=[clause("一/（一）")])
    for _n in range(11):
        builder.add_item(template.sections[0], clause("一/（三）"))
    message = builder.publication_problems(template)["confirmed"]
    assert "12" in message and message.count("、") == 9 and "…" in message


# --- what the builder shows ---------------------------------------------------------------------


def test_readings_mark_the_span_and_carry_subject_condition_and_confidence(document):
    template = drafted(include_authority=True)
    builder.add_item(template.sections[0], clause("二/（一）"))
    readings = checking.readings(template)
    by_span = {item.source_span: readings[item.id] for item in template.ordered_items()}
    camera = by_span["必须安装视频监控"]
    assert camera.subject == "配送中心" and camera.subject_kind == "regulated"
    assert camera.condition == "凡年销售量达到1万吨以上（≥ 10000 t）"
    ranged = {"text": "年满60周岁至79周岁", "comparator": "range", "low": "60", "high": "79"}
    camera.requirement.applies_when = {**ranged, "unit": "age_year"}
    assert camera.condition == "年满60周岁至79周岁（60–79 周岁）"
    assert camera.confidence == "high" and not camera.authority
    assert '<mark class="req source-span">必须安装视频监控</mark>' in camera.quote
    ledger = by_span["配送中心应当及时报送购销台账"]
    assert ledger.confidence == "low" and ledger.reasons
    township = by_span["各乡镇（街道）要加强对配送中心的日常监管"]
    assert township.authority and township.subject == "各乡镇（街道）"
    assert by_span["配送中心仓库面积不应低于500平方米"].subject is None


def test_marking_escapes_the_clause_and_the_span():
    text = "前文<script>alert(1)</script>，应当<b>设置</b>围挡。"
    span = "<b>设置</b>"
    where = checking.locate(text, span, None)
    html = str(checking.marked(text, where))
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert '<mark class="req source-span">&lt;b&gt;设置&lt;/b&gt;</mark>' in html
    excerpt = str(checking.marked("甲" * 100 + span + "乙" * 100, (100, 100 + len(span)), 5))
    assert (
        excerpt
        == '…甲甲甲甲甲<mark class="req source-span">&lt;b&gt;设置&lt;/b&gt;</mark>乙乙乙乙乙…'
    )
    assert checking.locate(text, "不在文中", None) is None
    assert str(checking.marked(text, None)) == str(checking.marked(text, None, None))


def test_the_builder_shows_spans_subjects_conditions_confidence_and_greys_authorities(
    app, client, document, make_user
):
    template = drafted(include_authority=True)
    township = builder.add_item(template.sections[0], clause("二/（一）"))
    db.session.commit()
    login(client, make_user("d-author", role=Role.AUTHOR))
    html = client.get(f"/templates/{template.id}/edit").get_data(as_text=True)
    assert '<mark class="req source-span">必须安装视频监控</mark>' in html
    assert "监管对象：配送中心" in html
    assert "适用条件：凡年销售量达到1万吨以上（≥ 10000 t）" in html
    assert "低置信度，请核对" in html and "未规定期限" in html
    assert "高置信度" in html
    assert "主管部门：各乡镇（街道）" in html
    assert f'id="i{township.id}" class="drafted authority unconfirmed' in html
    assert "待确认" in html and "全部确认" in html
    assert html.count('class="button primary confirm-one"') == 4


def test_the_builder_escapes_a_clause_with_markup_in_it(app, client, document, make_user):
    template = drafted()
    item = template.ordered_items()[1]
    item.clause_text = f"<script>alert(1)</script>{item.source_span}<img src=x onerror=alert(2)>"
    db.session.commit()
    login(client, make_user("d-escape", role=Role.AUTHOR))
    html = client.get(f"/templates/{template.id}/edit").get_data(as_text=True)
    assert "<script>alert(1)" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert f'<mark class="req source-span">{item.source_span}</mark>&lt;img' in html


# --- confirming and publishing through the pages ------------------------------------------------


def test_author_confirms_one_then_the_rest_then_publishes_through_the_confirmation(
    app, client, document, make_user
):
    template = drafted()
    area, camera, ledger = template.ordered_items()
    login(client, make_user("d-publisher", role=Role.AUTHOR))
    token = csrf_token(client, "/templates/")
    url = f"/templates/{template.id}"

    question = client.get(f"{url}/publish").get_data(as_text=True)
    assert "还有 3 项未确认" in question and 'id="confirm-publish"' not in question
    refused = client.post(f"{url}/publish", data={"csrf_token": token, "confirm": "yes"})
    assert refused.status_code == 302 and refused.location.endswith(f"{url}/edit")
    assert "还有 3 项未确认（第1项、第2项、第3项）" in client.get(refused.location).get_data(
        as_text=True
    )
    db.session.expire_all()
    assert db.session.get(ChecklistTemplate, template.id).status == TemplateStatus.DRAFT

    one = client.post(f"{url}/items/{area.id}/confirm", data={"csrf_token": token})
    assert one.status_code == 302 and one.location.endswith(f"#i{camera.id}")  # on to the next
    ticked = client.post(f"{url}/confirm", data={"csrf_token": token, "item_ids": [camera.id]})
    assert ticked.status_code == 302
    db.session.expire_all()
    assert [i.confirmed for i in template.ordered_items()] == [True, True, False]
    html = client.get(f"{url}/edit").get_data(as_text=True)
    assert html.count("已确认") >= 2 and "有 1 项起草的检查项待确认" in html

    everything = client.post(f"{url}/confirm", data={"csrf_token": token, "scope": "all"})
    assert everything.status_code == 302
    assert "已确认 1 项。" in client.get(everything.location).get_data(as_text=True)
    again = client.post(f"{url}/confirm", data={"csrf_token": token, "scope": "all"})
    assert "所有检查项均已确认" in client.get(again.location).get_data(as_text=True)

    question = client.get(f"{url}/publish").get_data(as_text=True)
    assert 'id="confirm-publish"' in question and "确认发布" in question
    unasked = client.post(f"{url}/publish", data={"csrf_token": token})
    assert unasked.status_code == 302 and unasked.location.endswith(f"{url}/publish")
    db.session.expire_all()
    assert db.session.get(ChecklistTemplate, template.id).status == TemplateStatus.DRAFT
    done = client.post(f"{url}/publish", data={"csrf_token": token, "confirm": "yes"})
    assert done.status_code == 302
    db.session.expire_all()
    assert db.session.get(ChecklistTemplate, template.id).status == TemplateStatus.PUBLISHED
    frozen = client.post(f"{url}/items/{ledger.id}/confirm", data={"csrf_token": token})
    assert frozen.status_code == 302 and frozen.location.endswith(url)  # back, with a message


def test_confirming_a_wrong_item_is_refused_and_confirms_nothing(app, client, document, make_user):
    template, other = drafted(), drafted("另一个")
    login(client, make_user("d-wrong", role=Role.AUTHOR))
    token = csrf_token(client, "/templates/")
    url = f"/templates/{template.id}"
    foreign = other.ordered_items()[0].id
    mixed = {"csrf_token": token, "item_ids": [ids(template)[0], foreign]}
    answer = client.post(f"{url}/confirm", data=mixed)
    assert answer.status_code == 422 and "不是本检查表的检查项" in answer.get_data(as_text=True)
    assert client.post(f"{url}/confirm", data={"csrf_token": token}).status_code == 422
    assert (
        client.post(f"{url}/items/{foreign}/confirm", data={"csrf_token": token}).status_code == 404
    )
    assert client.post("/templates/999999/confirm", data={"csrf_token": token}).status_code == 404
    assert client.post(f"{url}/confirm", data={"scope": "all"}).status_code == 400  # no CSRF
    db.session.expire_all()
    assert not any(i.confirmed for i in db.session.get(ChecklistTemplate, template.id).items)


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        (Role.ADMIN, 302),
        (Role.AUTHOR, 302),
        (Role.INSPECTOR, 403),
        (Role.SUPERVISOR, 403),
        (Role.ENTERPRISE, 403),
        (None, 302),  # not logged in: to the login page
    ],
)
def test_only_authors_and_admins_confirm(app, client, document, make_user, role, expected):
    template = drafted()
    item_id = ids(template)[0]
    if role is not None:
        login(client, make_user(f"d-{role.value}", role=role))
    token = csrf_token(client, "/login" if role is None else "/account")
    url = f"/templates/{template.id}"
    one = client.post(f"{url}/items/{item_id}/confirm", data={"csrf_token": token})
    every = client.post(f"{url}/confirm", data={"csrf_token": token, "scope": "all"})
    page = client.get(f"{url}/publish")
    assert (one.status_code, every.status_code) == (expected, expected)
    assert page.status_code == (200 if role in (Role.ADMIN, Role.AUTHOR) else expected)
    if role is None:
        assert "/login" in one.location
    db.session.expire_all()
    confirmed = [i.confirmed for i in db.session.get(ChecklistTemplate, template.id).items]
    assert all(confirmed) is (role in (Role.ADMIN, Role.AUTHOR))


def test_the_api_says_whether_each_item_is_confirmed(app, client, document, make_user):
    template = drafted()
    builder.confirm_item(template.ordered_items()[0])
    db.session.commit()
    login(client, make_user("d-api", role=Role.AUTHOR))
    detail = client.get(f"/api/v1/templates/{template.id}").json
    flags = [item["confirmed"] for s in detail["sections"] for item in s["items"]]
    assert flags == [True, False, False]
