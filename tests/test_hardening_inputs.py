"""Hostile values in forms, uploads and commands: a digit ``int`` refuses (``²`` is a digit to
``str.isdigit``, and so are ``①`` and ``፩``), a NUL in an uploaded file's name or text (which
PostgreSQL refuses to store). A clear error in Chinese naming the field, or the value
cleaned; never a 500, never half a record.
"""

from __future__ import annotations

import io
import json
import pathlib

import pytest
import sqlalchemy as sa
from werkzeug.datastructures import FileStorage, MultiDict
from werkzeug.test import encode_multipart

from checklists.accounts.models import Role
from checklists.authoring import exchange
from checklists.authoring.models import ChecklistTemplate
from checklists.core.extensions import db
from checklists.standards import lines
from checklists.standards.models import Clause, Document, ImportRun, document_year
from inspections.credit.models import DepositLine
from inspections.filling.models import Answer, Inspection, Photo
from inspections.findings import deadlines
from inspections.supervision import operations
from tests.conftest import csrf_token, login
from tests.test_inspections import as_, jpeg, started, world  # noqa: F401 (fixtures)
from tests.test_templates import by_prompt
from tests.test_workflow import coal  # noqa: F401 (fixture)

DATA = pathlib.Path(__file__).parent / "data"
#: Digits to ``str.isdigit`` that ``int()`` refuses.
NOT_INT = ["²", "1000²", "①", "፩"]
HUGE = str(2**63)


def _multipart(fields: dict) -> dict:
    """A multipart body encoded in memory, as a browser sends it (any field and file name,
    a NUL in a file's name too)."""
    boundary, body = encode_multipart(MultiDict(fields))
    return {"data": body, "content_type": f"multipart/form-data; boundary={boundary}"}


# --- 1. a whole number with a digit int() refuses ----------------------------------------------


@pytest.fixture
def ledger(app, make_region, make_org, make_user):
    """A supervisor's session and the deposit ledger of an organisation in their county."""
    app.config["SUPERVISION_REGION"] = ""
    guan = make_region("冠县")
    own = make_org("鑫源煤业", region=guan)
    supervisor = make_user("h-sup", role=Role.SUPERVISOR, region=guan)
    return as_(app, supervisor), f"/credit/deposits/{own.id}"


#: A deposit the organisation owes (a line that needs no earlier one).
DEPOSIT = {
    "deposit": "safety",
    "kind": "required",
    "on": "2020-01-06",
    "due_on": "2020-01-20",
    "client_id": "line-1",
}


@pytest.mark.parametrize("amount", NOT_INT)
def test_a_deposit_amount_with_a_digit_int_refuses_is_a_field_error(app_ctx, ledger, amount):
    session, path = ledger
    response = session.post(path, data={**DEPOSIT, "amount": amount})
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert 'id="amount-error"' in html and "须为大于0的整数（元）。" in html
    assert db.session.scalar(sa.select(sa.func.count(DepositLine.id))) == 0


def test_a_deposit_amount_in_full_width_digits_is_still_read(app_ctx, ledger):
    """What a Chinese input method types, ``１０００``, is the number it shows."""
    session, path = ledger
    response = session.post(path, data={**DEPOSIT, "amount": "１，０００"})
    assert response.status_code == 303, response.get_data(as_text=True)
    assert db.session.scalar(sa.select(DepositLine.amount)) == 1000


@pytest.fixture
def exported(client, coal, make_user):  # noqa: F811
    """An author's session and the clean-coal template as its export (a new lineage)."""
    login(client, make_user("h-author", role=Role.AUTHOR))
    data = json.loads(json.dumps(exchange.template_to_dict(coal)))
    data["lineage"], data["name"] = None, "导入的副本"
    return client, data


def _import_template(client, body: bytes):
    token = csrf_token(client, "/templates/import")
    upload = FileStorage(io.BytesIO(body), filename="t.json", content_type="application/json")
    return client.post("/templates/import", **_multipart({"csrf_token": token, "file": upload}))


def test_a_template_deadline_with_a_digit_int_refuses_is_a_field_error(exported):
    """``fix_n`` in an imported template (JSON, or a workbook's cell): the field and why."""
    client, data = exported
    count = db.session.scalar(sa.select(sa.func.count(ChecklistTemplate.id)))
    for n in NOT_INT:
        data["sections"][0]["items"][0].update(fix_n=n, fix_unit="day")
        response = _import_template(client, json.dumps(data).encode())
        assert response.status_code == 422, n
        html = response.get_data(as_text=True)
        assert ".fix_n: 须为 1 到 3650 之间的整数。" in html, n
    assert db.session.scalar(sa.select(sa.func.count(ChecklistTemplate.id))) == count


def test_numbers_from_the_settings_and_the_gazettes_fall_back_instead_of_raising(app, app_ctx):
    """The same test where the value is the operator's or a gazette's: the default, or no
    number, rather than a ValueError on every page that reads it."""
    app.config["HAZARD_DEADLINE"] = "²:day"
    assert operations.setting() == (30, "working_day")
    app.config["FINDING_DEADLINES"] = "critical:²:day"
    assert deadlines.default_for("critical") == (15, "day")
    assert document_year(None, "冠政发〔²⁰¹⁶〕1号") is None
    assert document_year(None, "冠政发〔2016〕1号") == 2016
    assert lines._cn_int("፩") is None
    assert lines._cn_int("１２") == 12 and lines._cn_int("十二") == 12


@pytest.mark.parametrize(
    ("plan", "message"),
    [("²", "既不是计划编号，也不是文件"), (HUGE, "没有编号为"), ("9" * 30, "没有编号为")],
)
def test_spotcheck_verify_of_a_number_int_refuses_says_why(app, app_ctx, plan, message):
    result = app.test_cli_runner().invoke(args=["spotcheck", "verify", plan])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.exception
    assert message in result.output


# --- 2. a photo field named p² on the filling page ---------------------------------------------


def test_a_photo_field_whose_name_int_refuses_is_no_photo_field(app, world, started):  # noqa: F811
    """``p<item id>`` names a photo field; ``p²`` names none and is left out, as ``pabc`` is.
    The answers beside it are saved."""
    session, key = started
    area = by_prompt(world["template"], "储煤厂房建设面积")
    fields = {"csrf_token": session.token, f"a{area.id}": "480", f"u{area.id}": "m²"}
    for name in ("p²", f"p{area.id}²", "p①"):
        fields[name] = FileStorage(io.BytesIO(jpeg()), filename="x.jpg", content_type="image/jpeg")
    response = session.post(f"/inspections/{key}/fill", **_multipart(fields))
    assert response.status_code == 302, response.status_code
    inspection = db.session.scalar(sa.select(Inspection).where(Inspection.uuid == key))
    assert db.session.scalar(sa.select(sa.func.count(Photo.id))) == 0
    assert inspection.current_answers()[area.id].value == "480"


def test_a_photo_field_beyond_64_bits_names_no_item(app, world, started):  # noqa: F811
    """``p<2**63>``: an item the template does not have, as ``p99999`` is: the page again
    (422), nothing saved, not an overflow of the database driver."""
    session, key = started
    area = by_prompt(world["template"], "储煤厂房建设面积")
    photo = FileStorage(io.BytesIO(jpeg()), filename="x.jpg", content_type="image/jpeg")
    fields = {"csrf_token": session.token, f"a{area.id}": "480", f"p{HUGE}": photo}
    response = session.post(f"/inspections/{key}/fill", **_multipart(fields))
    assert response.status_code == 422, response.status_code
    assert db.session.scalar(sa.select(sa.func.count(Photo.id))) == 0
    assert db.session.scalar(sa.select(sa.func.count(Answer.id))) == 0


# --- 3. a NUL in an imported gazette's name or text --------------------------------------------


@pytest.fixture
def author(client, make_user):
    login(client, make_user("h-author", role=Role.AUTHOR))
    return client


def _import(client, name: str, data: bytes):
    token = csrf_token(client, "/standards/import")
    document = FileStorage(io.BytesIO(data), filename=name, content_type="text/plain")
    return client.post("/standards/import", **_multipart({"csrf_token": token, "file": document}))


def _no_nul_stored() -> None:
    """(Read back and looked at here: neither database's LIKE can look for a NUL.)"""
    for column in (ImportRun.filename, Document.title, Document.number, Clause.text):
        assert not any("\x00" in (value or "") for value in db.session.scalars(sa.select(column)))


SAMPLE = (DATA / "sample_gazette.txt").read_text("utf-8")


def test_control_characters_leave_an_imported_gazettes_name(app_ctx, author):
    response = _import(author, "公报\x00第1期\x1b\u202e.txt", SAMPLE.encode())
    assert response.status_code == 200, response.status_code
    assert db.session.scalar(sa.select(ImportRun.filename)) == "公报第1期.txt"
    assert "公报第1期.txt" in response.get_data(as_text=True)
    _no_nul_stored()


def test_a_nul_inside_a_gazettes_text_is_dropped(app_ctx, author):
    """A NUL in the title and in a clause, after the first 8 KB (a NUL before that marks a
    binary file, refused): the document is read without them."""
    text = "\n" * 9000 + SAMPLE.replace("洁净煤", "洁净\x00煤").replace("台账", "台\x00账")
    response = _import(author, "公报.txt", text.encode())
    assert response.status_code == 200, response.status_code
    assert db.session.scalar(sa.select(Document.title)) == "关于加强洁净煤配送站点管理的通知"
    assert db.session.scalar(sa.select(Clause.id).where(Clause.text.contains("进出货台账")))
    _no_nul_stored()


def test_a_nul_at_the_start_of_a_gazette_is_a_binary_file(app_ctx, author):
    response = _import(author, "公报.txt", b"\x00" + SAMPLE.encode())
    assert response.status_code == 422
    assert "这是二进制文件，不是文本。" in response.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count(ImportRun.id))) == 0


def test_the_import_command_cleans_the_name_and_the_text(app, app_ctx, tmp_path):
    path = tmp_path / "公报\x1b.txt"  # a file system takes no NUL in a name, but an escape
    path.write_bytes(("\n" * 9000 + SAMPLE.replace("洁净煤", "洁净\x00煤")).encode())
    result = app.test_cli_runner().invoke(args=["standards", "import", str(path)])
    assert result.exit_code == 0, result.output
    assert db.session.scalar(sa.select(ImportRun.filename)) == "公报.txt"
    assert db.session.scalar(sa.select(Document.title)) == "关于加强洁净煤配送站点管理的通知"
    _no_nul_stored()


# --- 4. a NUL, or nesting too deep, in an imported template's JSON ------------------------------


def test_a_nul_in_an_imported_templates_texts_is_dropped(app_ctx, exported):
    """``\u0000`` in the JSON's texts (a name, a prompt, a key): dropped, as from a gazette's
    text; the template is imported."""
    client, data = exported
    data["name"] = "导入的\x00副本"
    item = data["sections"][0]["items"][0]
    item["prompt"] += "\x00"
    item["\x00note"] = "x"
    response = _import_template(client, json.dumps(data).encode())
    assert response.status_code == 302, response.get_data(as_text=True)
    imported = db.session.scalar(
        sa.select(ChecklistTemplate).where(ChecklistTemplate.name == "导入的副本")
    )
    assert imported is not None
    assert not any("\x00" in i.prompt for i in imported.ordered_items())


def test_an_imported_template_nested_too_deep_is_no_json(app_ctx, exported):
    client, _data = exported
    for body in ("[" * 10_000 + "]" * 10_000, '{"a": ' * 10_000 + "1" + "}" * 10_000):
        response = _import_template(client, body.encode())
        assert response.status_code == 422
        assert "这不是有效的 JSON。" in response.get_data(as_text=True)


# --- a NUL in any input (PostgreSQL stores no NUL in text) --------------------------------------

NUL_REASON = "含有空字符（NUL，U+0000），文本中不能包含此字符。"


def test_a_nul_in_a_page_form_is_refused_naming_the_field(app_ctx, ledger):
    session, path = ledger
    response = session.post(path, data={**DEPOSIT, "amount": "1000", "note": "押金\x00备注"})
    assert response.status_code == 400
    assert f"note：{NUL_REASON}" in response.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count(DepositLine.id))) == 0


def test_a_nul_in_a_json_body_is_refused_naming_the_field(app, world, started):  # noqa: F811
    session, key = started
    area = by_prompt(world["template"], "储煤厂房建设面积")
    body = {"value": "520", "note": "台账\x00齐全", "answered_at": "2026-11-21T09:00:00+08:00"}
    response = session.put(f"/api/v1/inspections/{key}/answers/{area.id}", json=body)
    assert response.status_code == 422
    assert response.json["error"]["fields"] == {"note": NUL_REASON}
    nested = {"value": {"from": "2026-01-01\x00", "to": "2026-02-01"}}
    response = session.put(f"/api/v1/inspections/{key}/answers/{area.id}", json=nested)
    assert response.status_code == 422 and list(response.json["error"]["fields"]) == ["value.from"]
    assert db.session.scalar(sa.select(sa.func.count(Answer.id))) == 0


def test_a_nul_in_a_query_string_is_a_bad_request(app, world, started):  # noqa: F811
    session, key = started
    response = session.get("/api/v1/inspections?status=draft%00")
    assert response.status_code == 400
    assert response.json["error"]["fields"] == {"status": NUL_REASON}
    page = session.get("/standards/search?q=%E7%85%A4%00")
    assert page.status_code == 400 and f"q：{NUL_REASON}" in page.get_data(as_text=True)


def test_a_nul_for_someone_elses_record_is_still_a_404(app, world, started):  # noqa: F811
    """The checks a view runs before it reads its input come first."""
    session, key = started
    area = by_prompt(world["template"], "储煤厂房建设面积")
    foreign = as_(app, world["foreign_enterprise"])
    response = foreign.put(f"/api/v1/inspections/{key}/answers/{area.id}", json={"value": "\x00"})
    assert response.status_code == 404
