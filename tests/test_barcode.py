"""The ``barcode`` answer type (扫码): the text of a barcode or QR code, scanned on the phone or
typed; recorded, or matched against a required code (``expected``) or a plain prefix
(``prefix``). First the engine's part (pure, table-driven), then the app's: the answer API, the
filling page (the reader's scripts only on forms that need them), the builder, the preview, the
template exchange, the report and the answers export.
"""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Any

import pytest
import sqlalchemy as sa
from openpyxl import load_workbook

from checklists import scoring
from checklists.accounts.models import OrgKind, Role
from checklists.authoring import excel, exchange
from checklists.authoring import operations as builder
from checklists.authoring.models import ChecklistTemplate, TemplateItem
from checklists.core.errors import InputError
from checklists.core.extensions import db
from checklists.scoring.answer_types import BARCODE_MAX, ERR_BARCODE_CONTROL, ERR_BARCODE_LONG
from checklists.standards.models import Document
from checklists.standards.services import import_text
from inspections.filling import workflow
from inspections.filling.models import Answer, Inspection
from tests.conftest import csrf_token, login
from tests.test_templates import DATA

CIT = "示政发〔2026〕1号 一（一）"  # the clause the app tests' item cites
SITE = "GX-ZD-0001"


def spec(rule: dict[str, Any] | None = None) -> scoring.ItemSpec:
    return scoring.ItemSpec(id=1, answer_type="barcode", rule=rule or {}, citation=CIT)


# --- the engine -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rule", "normal"),
    [
        ({}, {}),
        ({"expected": "", "prefix": None}, {}),
        ({"expected": f"  {SITE} "}, {"expected": SITE}),
        ({"prefix": "GX-"}, {"prefix": "GX-"}),
        ({"prefix": "^GX.*$"}, {"prefix": "^GX.*$"}),  # a plain text, never a pattern
        (
            {"expected": "站点甲", "photo_on_fail": True},
            {"expected": "站点甲", "photo_on_fail": True},
        ),
        ({"expected": "x" * BARCODE_MAX}, {"expected": "x" * BARCODE_MAX}),
        ({"op": ">=", "value": "3", "unit": "m"}, {}),  # another type's keys are dropped
    ],
    ids=[
        "none",
        "blank",
        "expected-stripped",
        "prefix",
        "prefix-literal",
        "photo",
        "longest",
        "foreign",
    ],
)
def test_rules_are_normalised(rule, normal):
    assert scoring.validate_rule("barcode", rule) == normal
    assert scoring.validate_rule("barcode", normal) == normal  # idempotent


@pytest.mark.parametrize(
    ("rule", "field", "message"),
    [
        ({"expected": 12}, "expected", "要求的扫码结果须为文字"),
        ({"prefix": ["GX"]}, "prefix", "要求的开头须为文字"),
        ({"expected": "GX\n01"}, "expected", "要求的扫码结果不能含有换行、制表符等控制字符"),
        ({"prefix": "x" * (BARCODE_MAX + 1)}, "prefix", f"要求的开头最多 {BARCODE_MAX} 个字符"),
        (
            {"expected": SITE, "prefix": "GX-"},
            "prefix",
            "“扫码结果须为”和“扫码结果开头”只能填写其一",
        ),
    ],
    ids=["expected-number", "prefix-list", "control", "too-long", "both"],
)
def test_bad_rules_are_refused_naming_the_field(rule, field, message):
    with pytest.raises(scoring.RuleError) as caught:
        scoring.validate_rule("barcode", rule)
    assert (caught.value.field, caught.value.message) == (field, message)


@pytest.mark.parametrize(
    ("value", "parsed"),
    [
        (f"  {SITE}\r\n", SITE),  # a hardware scanner's Enter is stripped
        ("https://example.org/站点?id=7", "https://example.org/站点?id=7"),
        ("Ｇ Ｘ", "Ｇ Ｘ"),  # kept as given (compared after NFKC)
        ("x" * BARCODE_MAX, "x" * BARCODE_MAX),
        ("", None),
        ("   ", None),
        (None, None),
        ([], None),
        ("na", "na"),
    ],
    ids=["stripped", "url", "full-width", "longest", "empty", "blank", "none", "empty-list", "na"],
)
def test_answers_are_read(value, parsed):
    assert scoring.parse_value(spec(), value) == parsed


@pytest.mark.parametrize(
    ("value", "code", "message"),
    [
        ("GX\t01", "bad_value", ERR_BARCODE_CONTROL),
        ("GX\x1d01", "bad_value", ERR_BARCODE_CONTROL),  # a GS1 group separator
        ("GX\x8501", "bad_value", ERR_BARCODE_CONTROL),
        ("x" * (BARCODE_MAX + 1), "too_long", ERR_BARCODE_LONG),
        (12345, "bad_value", "请扫码或输入条码/二维码的内容（文字）"),
        ({"code": SITE}, "bad_value", "请扫码或输入条码/二维码的内容（文字）"),
    ],
    ids=["tab", "gs1-separator", "c1-control", "too-long", "number", "object"],
)
def test_bad_answers_are_refused(value, code, message):
    with pytest.raises(scoring.AnswerError) as caught:
        scoring.parse_value(spec(), value)
    assert (caught.value.code, caught.value.message) == (code, message)


LONG = "A" * 45
C = f"（{CIT}）"


@pytest.mark.parametrize(
    ("rule", "value", "result", "reason"),
    [
        ({}, "资产-0042", "pass", f"扫码结果：资产-0042，已记录{C}"),
        ({}, LONG, "pass", f"扫码结果：{'A' * 40}…，已记录{C}"),
        ({"expected": SITE}, SITE, "pass", f"扫码结果“{SITE}”与要求一致{C}"),
        (
            {"expected": SITE},
            "ＧＸ－ＺＤ－０００１",
            "pass",
            f"扫码结果“ＧＸ－ＺＤ－０００１”与要求一致{C}",
        ),
        ({"expected": SITE}, "GX-ZD-0002", "fail", f"扫码结果“GX-ZD-0002”与要求“{SITE}”不符{C}"),
        ({"expected": SITE}, "gx-zd-0001", "fail", f"扫码结果“gx-zd-0001”与要求“{SITE}”不符{C}"),
        ({"prefix": "GX-"}, "GX-0042", "pass", f"扫码结果“GX-0042”以“GX-”开头，符合要求{C}"),
        ({"prefix": "GX-"}, "LQ-0042", "fail", f"扫码结果“LQ-0042”不以要求的“GX-”开头{C}"),
        ({"prefix": "GX."}, "GXA1", "fail", f"扫码结果“GXA1”不以要求的“GX.”开头{C}"),
        ({"expected": LONG}, "B", "fail", f"扫码结果“B”与要求“{'A' * 40}…”不符{C}"),
    ],
    ids=[
        "recorded",
        "recorded-long-shortened",
        "expected",
        "expected-full-width",
        "expected-other",
        "expected-case-counts",
        "prefix",
        "prefix-other",
        "prefix-no-pattern",
        "expected-long-shortened",
    ],
)
def test_judged_with_the_reason_in_chinese(rule, value, result, reason):
    judged = scoring.evaluate(spec(rule), value)
    assert (judged.result, judged.reason, judged.value) == (result, reason, value)


@pytest.mark.parametrize(
    ("rule", "words"),
    [
        ({}, ""),
        ({"expected": SITE}, f"扫码结果须为“{SITE}”"),
        ({"prefix": "GX-"}, "扫码结果须以“GX-”开头"),
    ],
)
def test_the_rule_reads_in_words(rule, words):
    assert scoring.ANSWER_TYPE_REGISTRY["barcode"].describe(rule) == words


def test_a_failed_code_fails_the_template_and_a_scored_template_counts_it():
    template = scoring.compile_template(
        scoring.TemplateSpec(items=[spec({"expected": SITE}), scoring.ItemSpec(2, "yes_no", {})])
    )
    assert str(scoring.score(template, {1: SITE, 2: "yes"}).score) == "100.0"
    failed = scoring.score(template, {1: "GX-ZD-0009", 2: "yes"})
    assert str(failed.score) == "50.0" and failed.items[1].result == "fail"


# --- in the app ---------------------------------------------------------------------------------


@pytest.fixture
def site_check(app_ctx, make_org, make_user, make_region):
    """A published template whose first item is a barcode item (the site's own code), citing
    its clause, and an inspection of it assigned to the inspector 'phone'."""
    import_text((DATA / "sample_gazette.txt").read_text("utf-8"), "sample.txt")
    template = builder.draft_template("站点扫码检查", None, document=_document())
    item = template.ordered_items()[0]
    builder.update_item(
        item,
        {
            "prompt": "扫描站点二维码，核对站点编码",
            "answer_type": "barcode",
            "rule": {"expected": SITE},
            "severity": "major",
            "weight": "1",
            "na_allowed": True,
            "required": True,
            "scored": True,
        },
    )
    _published(template)
    region = make_region("冠县")
    inspector = make_user("phone", role=Role.INSPECTOR)
    org = make_org("示例配送站", kind=OrgKind.ENTERPRISE, region=region)
    inspection, _created = workflow.create_inspection(template, org, inspector)
    db.session.commit()
    return template.id, item.id, inspection.uuid, inspector, region


def _document() -> Document:
    return db.session.scalar(sa.select(Document).where(Document.number == "示政发〔2026〕1号"))


def _published(template: ChecklistTemplate) -> ChecklistTemplate:
    builder.confirm_items(template, [i.id for i in template.ordered_items()])
    builder.publish(template, None)
    return template


def _client(app, user, path):
    client = app.test_client()
    login(client, user)
    return client, {"X-CSRFToken": csrf_token(client, path)}


def _stored(key) -> list[Answer]:
    db.session.remove()
    inspection = db.session.scalar(sa.select(Inspection).where(Inspection.uuid == key))
    return db.session.scalars(sa.select(Answer).where(Answer.inspection_id == inspection.id)).all()


def test_the_item_keeps_its_clause(site_check):
    _template_id, item_id, _key, _inspector, _region = site_check
    item = db.session.get(TemplateItem, item_id)
    assert (item.answer_type, item.rule) == ("barcode", {"expected": SITE})
    assert (
        item.citation.startswith("示政发〔2026〕1号") and item.clause_text and item.clause_text_hash
    )


def test_the_api_stores_a_code_judges_it_and_stores_a_resend_once(app, site_check):
    _template_id, item_id, key, inspector, _region = site_check
    client, headers = _client(app, inspector, f"/inspections/{key}/fill")
    url = f"/api/v1/inspections/{key}/answers/{item_id}"
    body = {"value": " GX-ZD-0002\n", "client_id": "scan-1"}
    first = client.put(url, json=body, headers=headers)
    assert first.status_code == 201, first.json
    assert (first.json["result"], first.json["answer"]["value"]) == ("fail", "GX-ZD-0002")
    assert first.json["reason"] == f"扫码结果“GX-ZD-0002”与要求“{SITE}”不符（{CIT}）"
    assert client.put(url, json=body, headers=headers).status_code == 200  # the resend
    right = client.put(url, json={"value": SITE, "client_id": "scan-2"}, headers=headers)
    assert right.status_code == 200 and right.json["result"] == "pass"
    stored = _stored(key)
    assert sorted((a.client_id, a.value, a.result, a.current) for a in stored) == [
        ("scan-1", "GX-ZD-0002", "fail", False),
        ("scan-2", SITE, "pass", True),
    ]
    detail = client.get(f"/api/v1/inspections/{key}").json
    [shown] = [i for i in detail["items"] if i["item_id"] == item_id]
    assert (shown["answer"]["value"], shown["result"]) == (SITE, "pass")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("GX\nZD-0001", ERR_BARCODE_CONTROL),
        ("x" * (BARCODE_MAX + 1), ERR_BARCODE_LONG),
        (42, "请扫码或输入条码/二维码的内容（文字）"),
    ],
    ids=["newline", "too-long", "number"],
)
def test_the_api_refuses_a_bad_code_with_422_naming_the_value(app, site_check, value, message):
    _template_id, item_id, key, inspector, _region = site_check
    client, headers = _client(app, inspector, f"/inspections/{key}/fill")
    refused = client.put(
        f"/api/v1/inspections/{key}/answers/{item_id}",
        json={"value": value, "client_id": "bad-1"},
        headers=headers,
    )
    assert refused.status_code == 422
    assert refused.json["error"]["fields"] == {"value": message}
    assert _stored(key) == []


def _attribute(page: str, name: str) -> str | None:
    found = re.search(rf'{name}="([^"]*)"', page)
    return found.group(1) if found else None


def test_only_a_form_with_a_barcode_item_names_the_reader(app, site_check, make_org):
    template_id, item_id, key, inspector, _region = site_check
    client, _headers = _client(app, inspector, f"/inspections/{key}/fill")
    page = client.get(f"/inspections/{key}/fill").get_data(as_text=True)
    scan_js, jsqr = _attribute(page, "data-scan-js"), _attribute(page, "data-jsqr-js")
    assert re.fullmatch(r"/static/js/scan\.[0-9a-f]{12}\.js", scan_js)
    assert re.fullmatch(r"/static/vendor/jsqr/jsQR\.[0-9a-f]{12}\.js", jsqr)
    assert scan_js not in page.replace(f'data-scan-js="{scan_js}"', "")  # no <script> for it
    widget = page[page.index(f'id="i{item_id}"') :]
    widget = widget[: widget.index("</fieldset>")]
    assert f'<input type="text" name="a{item_id}" value=""' in widget
    assert 'accept="image/*" capture="environment" class="scan-input"' in widget
    assert json.loads(_attribute(widget, "data-rule").replace("&#34;", '"')) == {"expected": SITE}
    for url in (scan_js, jsqr):  # served, minified, immutable
        served = client.get(url)
        assert served.status_code == 200 and "immutable" in served.headers["Cache-Control"]
    # the list page has the service worker keep them for the open forms that need them
    listed = client.get("/inspections/").get_data(as_text=True)
    assert scan_js in _attribute(listed, "data-urls") and jsqr in _attribute(listed, "data-urls")
    # a form without a barcode item names none of it
    plain = _published(builder.draft_template("无扫码项", None, document=_document()))
    assert "barcode" not in {i.answer_type for i in plain.ordered_items()}
    other, _created = workflow.create_inspection(plain, make_org("另一家"), inspector)
    db.session.commit()
    bare = client.get(f"/inspections/{other.uuid}/fill").get_data(as_text=True)
    assert "data-scan-js" not in bare and "scan-input" not in bare and "jsQR" not in bare


def test_the_form_without_javascript_posts_a_typed_code(app, site_check):
    _template_id, item_id, key, inspector, _region = site_check
    client, headers = _client(app, inspector, f"/inspections/{key}/fill")
    form = f"/inspections/{key}/fill"
    token = headers["X-CSRFToken"]
    bad = client.post(form, data={"csrf_token": token, f"a{item_id}": "GX\tZD"})
    assert bad.status_code == 422 and ERR_BARCODE_CONTROL in bad.get_data(as_text=True)
    assert client.post(form, data={"csrf_token": token, f"a{item_id}": SITE}).status_code == 302
    assert [(a.value, a.result) for a in _stored(key)] == [(SITE, "pass")]
    again = client.get(form).get_data(as_text=True)
    assert f'name="a{item_id}" value="{SITE}"' in again


def test_the_report_and_the_export_show_the_scanned_code(app, site_check, make_user):
    _template_id, item_id, key, inspector, region = site_check
    client, headers = _client(app, inspector, f"/inspections/{key}/fill")
    code = "GX-ZD-0001/备用"
    client.put(
        f"/api/v1/inspections/{key}/answers/{item_id}", json={"value": code}, headers=headers
    )
    report = client.get(f"/inspections/{key}/report").get_data(as_text=True)
    assert f'<span class="mono">{code}</span>' in report
    assert f"扫码结果“{code}”与要求“{SITE}”不符" in report
    supervisor = make_user("scan-supervisor", role=Role.SUPERVISOR, region=region)
    reviewer = app.test_client()
    login(reviewer, supervisor)
    response = reviewer.get("/exports/answers.csv")
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    [row] = [r for r in rows if r["检查项编号"] == str(item_id)]
    assert (row["答案类型"], row["答案类型代码"]) == ("扫码（条码/二维码）", "barcode")
    assert (row["填写的值"], row["判定结果代码"]) == (code, "fail")


def test_the_builder_sets_the_rule_and_the_preview_judges_a_code(
    app, client, site_check, make_user
):
    template_id, item_id, _key, _inspector, _region = site_check
    author = make_user("scan-author", role=Role.AUTHOR)
    login(client, author)
    draft = builder.new_version(db.session.get(ChecklistTemplate, template_id), author)
    db.session.commit()
    item = next(i for i in draft.ordered_items() if i.answer_type == "barcode")
    path = f"/templates/{draft.id}/items/{item.id}"
    page = client.get(path).get_data(as_text=True)
    assert '<option selected value="barcode">扫码（条码/二维码）</option>' in page
    assert re.search(rf'<input [^>]*id="expected" name="expected"[^>]*value="{SITE}">', page)
    token = csrf_token(client, path)
    form = {
        "csrf_token": token,
        "section_id": item.section_id,
        "prompt": "扫描资产标签",
        "answer_type": "barcode",
        "expected": SITE,
        "prefix": "GX-",
        "severity": "major",
        "weight": "1",
        "required": "y",
        "scored": "y",
    }
    both = client.post(path, data=form)
    assert both.status_code == 422
    assert "“扫码结果须为”和“扫码结果开头”只能填写其一" in both.get_data(as_text=True)
    assert client.post(path, data={**form, "expected": ""}).status_code == 302
    db.session.remove()
    saved = db.session.get(TemplateItem, item.id)
    assert (saved.answer_type, saved.rule) == ("barcode", {"prefix": "GX-"})
    edit = client.get(f"/templates/{draft.id}/edit").get_data(as_text=True)
    assert "扫码开头：GX-" in edit  # the item's chip
    preview = client.post(
        f"/templates/{draft.id}/preview", data={"csrf_token": token, f"a{item.id}": "LQ-7"}
    )
    html = preview.get_data(as_text=True)
    assert 'class="scan-input"' in html  # the widget as the phone shows it
    assert "扫码结果“LQ-7”不以要求的“GX-”开头" in html


def test_the_template_exchange_carries_the_type_and_checks_its_rule(site_check):
    template_id, item_id, _key, _inspector, _region = site_check
    template = db.session.get(ChecklistTemplate, template_id)
    data = exchange.template_to_dict(template)
    [(where, coded)] = [
        (f"sections[{s}].items[{i}]", item)
        for s, section in enumerate(data["sections"])
        for i, item in enumerate(section["items"])
        if item["answer_type"] == "barcode"
    ]
    assert coded["rule"] == {"expected": SITE} and coded["clause"]["text_hash"]
    assert exchange.import_template(json.loads(json.dumps(data)), None) == (template, "unchanged")
    workbook = excel.template_to_xlsx(template)
    sheet = load_workbook(io.BytesIO(workbook))["检查项"]
    header = [c.value for c in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2, values_only=True) if r[3] == "barcode")
    assert row[header.index("扫码结果须为")] == SITE and row[header.index("扫码结果开头")] is None
    assert exchange.import_template(excel.xlsx_to_dict(workbook), None) == (
        template,
        "unchanged",
    )
    s, i = (int(n) for n in re.findall(r"\d+", where))
    broken = json.loads(json.dumps(data))
    broken["sections"][s]["items"][i]["rule"]["prefix"] = "GX-"
    with pytest.raises(InputError) as caught:
        exchange.read_template_dict(broken)
    assert caught.value.fields == {
        f"{where}.rule.prefix": "“扫码结果须为”和“扫码结果开头”只能填写其一"
    }
    changed = json.loads(json.dumps(data))
    changed["sections"][s]["items"][i]["rule"] = {"prefix": " GX- "}
    copy, outcome = exchange.import_template(changed, None)
    assert outcome == "new_version"
    assert {"prefix": "GX-"} in [i.rule for i in copy.ordered_items()]
