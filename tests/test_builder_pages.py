"""The builder's item editor (only the rule fields of the item's answer type; the others folded
but usable without JavaScript) and the drafting page's document picker (a search) and clause
list (open, every clause a big check box)."""

from __future__ import annotations

import pathlib
import re

import pytest
import sqlalchemy as sa

from checklists.accounts.models import Role
from checklists.authoring import operations as builder
from checklists.authoring import widgets
from checklists.authoring.models import ChecklistTemplate, TemplateItem
from checklists.authoring.views import search_key
from checklists.core.extensions import db
from checklists.standards.models import Document
from checklists.standards.services import import_text
from tests.conftest import csrf_token

DATA = pathlib.Path(__file__).parent / "data"
NUMBER = "示政发〔2026〕1号"


@pytest.fixture
def draft(app_ctx) -> ChecklistTemplate:
    import_text((DATA / "sample_gazette.txt").read_text("utf-8"), "sample.txt")
    document = db.session.scalar(sa.select(Document).where(Document.number == NUMBER))
    template = builder.draft_template("示例", None, document=document)
    db.session.commit()
    return template


def _item(template: ChecklistTemplate, answer_type: str) -> TemplateItem:
    return next(i for i in template.ordered_items() if i.answer_type == answer_type)


def _fields(html: str) -> tuple[list[str], list[str]]:
    """The rule fields shown first, and those folded under "the other answer types"."""
    main, _, folded = html.partition("data-other-fields")
    names = re.compile(r'<div class="rule-field"[^>]*>.*?\bid="(\w+)"', re.S)
    return names.findall(main), names.findall(folded)


def test_every_rule_field_belongs_to_some_type_and_the_types_name_theirs():
    used = {name for w in widgets.WIDGETS.values() for name in w.fields}
    assert used == set(widgets.RULE_FIELDS)
    types = widgets.field_types()
    assert types["unit"] == ("number", "count", "date_pair")
    assert "date" in types["op"] and "date_pair" not in types["op"]
    assert types["photo_on_fail"] == tuple(t for t in widgets.WIDGETS if t not in ("text", "photo"))


def test_the_item_editor_shows_the_fields_of_the_item_type_and_folds_the_others(
    draft, client, as_user
):
    as_user(Role.AUTHOR)
    number, yes_no = _item(draft, "number"), _item(draft, "yes_no")
    html = client.get(f"/templates/{draft.id}/items/{number.id}").get_data(as_text=True)
    shown, folded = _fields(html)
    assert shown == [n for n in widgets.RULE_FIELDS if n in widgets.WIDGETS["number"].fields]
    assert folded == ["yes_value", "choices", "parts", "expected", "prefix"]
    assert 'data-types="number count date_pair" data-op' not in html  # unit: no comparison
    assert 'data-order="2" data-types="number count date date_pair" data-op="single"' in html
    assert '<script src="/static/js/authoring.' in html
    # the help of the item's type shows; the others wait for the script
    assert 'data-help="number">' in html and 'data-help="choice" hidden>' in html

    html = client.get(f"/templates/{draft.id}/items/{yes_no.id}").get_data(as_text=True)
    shown, folded = _fields(html)
    assert shown == ["yes_value", "photo_on_fail"]
    assert "op" in folded and "choices" in folded
    assert '<details class="other-rule-fields" data-other-fields>' in html  # closed


def _form(item: TemplateItem, token: str, **changes) -> dict:
    return {
        "csrf_token": token,
        "section_id": item.section_id,
        "prompt": item.prompt,
        "answer_type": item.answer_type,
        "severity": "major",
        "weight": "1",
        "required": "y",
        "scored": "y",
        **changes,
    }


def test_fields_of_other_types_left_filled_do_not_count(draft, client, as_user):
    as_user(Role.AUTHOR)
    number = _item(draft, "number")
    url = f"/templates/{draft.id}/items/{number.id}"
    token = csrf_token(client, url)
    # a number item turned into a choice item: its comparison and value stay in the form
    form = _form(
        number, token, answer_type="choice", op=">=", value="abc", choices="符合|2|是\n不符合|0|否"
    )
    assert client.post(url, data=form).status_code == 302
    db.session.expire_all()
    assert number.rule == {
        "choices": [
            {"value": "符合", "label": "符合", "score": "2", "pass": True},
            {"value": "不符合", "label": "不符合", "score": "0", "pass": False},
        ]
    }
    # two dates within a period: always ≤, whatever the hidden comparison says
    form = _form(number, token, answer_type="date_pair", op=">=", value="5", unit="工作日")
    assert client.post(url, data=form).status_code == 302
    db.session.expire_all()
    assert number.rule == {"op": "<=", "value": 5, "unit": "working_day"}
    # text items always pass: no photo on failure
    form = _form(number, token, answer_type="text", photo_on_fail="y")
    assert client.post(url, data=form).status_code == 302
    db.session.expire_all()
    assert number.rule == {}


def test_a_refused_rule_shows_the_fields_of_the_type_posted(draft, client, as_user):
    as_user(Role.AUTHOR)
    yes_no = _item(draft, "yes_no")
    url = f"/templates/{draft.id}/items/{yes_no.id}"
    form = _form(yes_no, csrf_token(client, url), answer_type="choice", choices="")
    page = client.post(url, data=form)
    assert page.status_code == 422
    shown, folded = _fields(page.get_data(as_text=True))
    assert shown == ["choices", "photo_on_fail"] and "yes_value" in folded


# --- drafting: the document picker and the clause list --------------------------------------------


def test_search_key_ignores_case_width_spaces_and_brackets():
    assert search_key("冠政发〔2016〕109号", "关于 印发") == "冠政发2016109号关于印发"
    assert search_key("ＰＭ２.５ Ab") == "pm2.5ab"
    assert search_key(None, "") == ""


def test_the_document_picker_searches_by_number_and_title(draft, client, as_user):
    as_user(Role.AUTHOR)
    import_text((DATA / "000_4d0f1aad85daeba2.txt").read_text("utf-8"), "coal.txt")
    db.session.commit()
    every = client.get("/templates/new").get_data(as_text=True)
    rows = re.findall(r'<li data-search="[^"]*"( hidden)?>', every)
    assert len(rows) > 2 and not any(rows)
    assert 'data-doc-filter="document-list"' in every and "<select" not in every.split("</h2>")[1]

    document = db.session.scalar(sa.select(Document).where(Document.number == NUMBER))
    for q in ("示政发[2026] 1号", "洁净煤 示例", "示政发（2026）1"):
        page = client.get("/templates/new", query_string={"q": q}).get_data(as_text=True)
        shown = re.findall(r'<li data-search="([^"]*)">', page)
        assert shown == [search_key(NUMBER, document.title, document.issuer)]
        assert f'href="/templates/new?document_id={document.id}#draft"' in page
    nothing = client.get("/templates/new?q=没有这种文件").get_data(as_text=True)
    assert "<li data-doc-none>" in nothing  # "No documents match." shown


def test_the_clause_list_is_open_with_a_check_box_per_clause(draft, client, as_user):
    as_user(Role.AUTHOR)
    document = db.session.scalar(sa.select(Document).where(Document.number == NUMBER))
    page = client.get(f"/templates/new?document_id={document.id}").get_data(as_text=True)
    assert "<details" not in page.split('id="draft"')[1]  # nothing to unfold
    boxes = re.findall(r'<input[^>]*name="draft-clause_ids"[^>]*>', page)
    assert len(boxes) == page.count('<span class="check-inline"><input') == 6
    assert "配送站点仓库面积不低于300平方米" in page
    assert page.count('<li data-search="') == 0  # a document is picked: no list
    assert '<a href="/templates/new">' in page  # … but a way back to it
