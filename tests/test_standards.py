"""Importing gazettes: documents, versions and diffs, bad input, search, pages and API."""

from __future__ import annotations

import io
import json
import pathlib
from decimal import Decimal

import pytest
import sqlalchemy as sa

from checklists.accounts.models import Role
from checklists.core.extensions import db
from checklists.standards.models import Clause, Document, ImportRun, Requirement
from checklists.standards.services import import_text
from tests.conftest import csrf_token, import_gazettes

DATA = pathlib.Path(__file__).parent / "data"
SAMPLE = (DATA / "sample_gazette.txt").read_text(encoding="utf-8")


def _counts():
    return tuple(
        db.session.scalar(sa.select(sa.func.count()).select_from(model))
        for model in (ImportRun, Document, Clause, Requirement)
    )


def test_import_sample_gives_document_clauses_and_requirements(app_ctx):
    report = import_text(SAMPLE, "sample.txt")
    db.session.commit()
    [(doc, outcome)] = report.documents
    assert outcome == "new"
    assert (doc.number, doc.title, doc.version) == (
        "示政发〔2026〕1号",
        "关于加强洁净煤配送站点管理的通知",
        1,
    )
    keys = [c.key for c in doc.clauses]
    assert "示政发〔2026〕1号/一/（一）" in keys and "示政发〔2026〕1号/二/（二）" in keys
    area = next(c for c in doc.clauses if c.key == "示政发〔2026〕1号/一/（一）")
    values = {(r.comparator, format(r.value.normalize(), "f"), r.unit) for r in area.requirements}
    assert (">=", "300", "m²") in values and (">=", "5", "m") in values
    reply = next(c for c in doc.clauses if c.key == "示政发〔2026〕1号/二/（二）")
    assert any(r.unit == "working_day" and r.value == 5 for r in reply.requirements)


def test_a_day_with_no_year_is_due_in_the_documents_year(app_ctx):
    """于5月15日前报… in a notice signed in April: due that day of the notice's year (the reading
    writes no year; the importer knows the document's date)."""
    text = (DATA / "unseen_plain_city_gas.txt").read_text(encoding="utf-8")
    report = import_text(text, "city.txt")
    db.session.commit()
    notice = next(doc for doc, _outcome in report.documents if doc.number == "某政办字〔2025〕30号")
    stage = next(c for c in notice.clauses if c.key == "某政办字〔2025〕30号/三/1")
    assert {"rule": "date", "date": "2025-05-15"} in [r.due for r in stage.requirements]


def test_this_months_end_is_due_in_the_documents_month(app_ctx):
    """请各乡镇于本月底前报送… in a notice signed on 2026年11月5日: due 2026-11-30, once (the
    reading writes this_month_day; the importer knows the document's month)."""
    text = (
        "某县人民政府办公室文件\n某政办发〔2026〕7号\n某县人民政府办公室\n"
        "关于开展冬季燃气安全检查的通知\n各乡镇人民政府：\n"
        "为做好冬季燃气安全工作，现就有关事项通知如下：\n"
        "一、各乡镇要全面排查辖区内燃气用户。\n"
        "二、请各乡镇于本月底前将排查情况报县城市管理局。\n"
        "某县人民政府办公室\n2026年11月5日\n"
    )
    report = import_text(text, "winter.txt")
    db.session.commit()
    [(notice, _outcome)] = report.documents
    dues = [r.due for c in notice.clauses for r in c.requirements if r.due]
    assert dues == [{"rule": "date", "date": "2026-11-30"}]


def test_the_items_of_a_list_of_bans_are_bans(app_ctx):
    """用户不得有下列行为：（一）擅自改装、倒灌钢瓶；（二）在地下室…使用瓶装燃气。 Each item is a
    ban of its own (a checklist asks 不得…, never whether the banned thing is done)."""
    text = (DATA / "unseen_plain_city_gas.txt").read_text(encoding="utf-8")
    report = import_text(text, "city.txt")
    db.session.commit()
    rules = next(doc for doc, _outcome in report.documents if doc.number == "某政发〔2025〕12号")
    items = [c for c in rules.clauses if c.key.startswith("某政发〔2025〕12号/第三章/第八条/")]
    read = [(r.kind, r.modality, r.span) for c in items for r in c.requirements]
    assert read == [
        ("prohibition", "mandatory", "擅自改装、倒灌钢瓶"),
        ("prohibition", "mandatory", "在地下室、半地下室使用瓶装燃气"),
    ]


def test_the_items_of_a_list_of_duties_are_the_leads_partys(app_ctx):
    """电梯使用单位应当履行下列义务：（一）建立电梯安全管理制度… Each item is the lead's party's
    duty and as binding as the lead says, unless it names its own."""
    text = (DATA / "unseen_plain_order.txt").read_text(encoding="utf-8")
    report = import_text(text, "order.txt")
    db.session.commit()
    rules = next(
        doc for doc, _outcome in report.documents if doc.number == "某某市人民政府令第38号"
    )
    items = [c for c in rules.clauses if c.key.startswith("某某市人民政府令第38号/第二章/第四条/")]
    read = {(r.subject, r.modality) for c in items for r in c.requirements}
    assert read == {("电梯使用单位", "mandatory")}
    upkeep = [c for c in rules.clauses if c.key.startswith("某某市人民政府令第38号/第三章/第七条/")]
    assert {r.subject for c in upkeep for r in c.requirements} == {"维护保养单位"}


def test_a_heading_alone_over_its_clauses_drafts_nothing_and_items_read_without_tokens(app_ctx):
    """第二章 监督检查, 三、隐患排查治理 (verbs as names) over clauses of their own are headings: no
    requirement (an item 监督检查 was drafted); 1.7座及以下… is read as 7座, not 1.7."""
    text = (
        "某县人民政府关于印发某县消防安全管理办法的通知\n某政发〔2023〕5号\n各乡镇人民政府：\n"
        "第一章 总则\n第一条 为了加强消防安全管理，制定本办法。\n第二章 监督检查\n"
        "第二条 县消防救援大队每季度开展一次检查。\n三、隐患排查治理\n（一）监督检查\n"
        "1.7座及以上车辆停放区应当配备灭火器；\n2.企业应当建立隐患排查台账。\n"
        "某县人民政府\n2023年3月1日\n"
    )
    report = import_text(text, "fire.txt")
    db.session.commit()
    ((doc, _outcome),) = report.documents
    read = {
        c.key.partition("/")[2]: [(r.span, r.value) for r in c.requirements] for c in doc.clauses
    }
    assert read["第二章"] == read["第二章/第二条/三"] == read["第二章/第二条/三/（一）"] == []
    assert read["第二章/第二条"] == [("县消防救援大队每季度开展一次检查", Decimal(1))]
    assert read["第二章/第二条/三/（一）/1"][0][1] == Decimal(7)


def test_reimporting_the_same_text_changes_nothing(app_ctx):
    import_text(SAMPLE, "sample.txt")
    db.session.commit()
    before = _counts()
    report = import_text(SAMPLE, "again.txt")
    db.session.commit()
    assert [outcome for _d, outcome in report.documents] == ["unchanged"]
    assert _counts() == before


def test_changed_text_becomes_a_new_version_with_a_diff(app_ctx, client, as_user):
    import_text(SAMPLE, "v1.txt")
    db.session.commit()
    changed = SAMPLE.replace("不低于300平方米", "不低于500平方米").replace(
        "（二）对投诉应当在5个工作日内答复。",
        "（二）对投诉应当在5个工作日内答复。\n（三）检查结果应当公开。",
    )
    report = import_text(changed, "v2.txt")
    db.session.commit()
    [(new, outcome)] = report.documents
    assert outcome == "new_version" and new.version == 2 and new.is_current
    old = new.previous
    assert old.version == 1 and not old.is_current
    assert len(old.clauses) > 0  # the old version stays readable
    from checklists.standards.services import diff_documents

    diff = diff_documents(old, new)
    assert [c.key for c in diff.added] == ["示政发〔2026〕1号/二/（三）"]
    assert [n.key for _o, n in diff.changed] == ["示政发〔2026〕1号/一/（一）"]
    assert diff.removed == []
    as_user(Role.AUTHOR)
    page = client.get(f"/standards/documents/{new.id}/diff").get_data(as_text=True)
    assert "不低于300平方米" in page and "不低于500平方米" in page and "检查结果应当公开" in page
    assert client.get(f"/standards/documents/{old.id}").status_code == 200


@pytest.mark.parametrize(
    ("filename", "content", "message"),
    [
        ("empty.txt", b"", "文件为空"),
        ("blank.md", b"   \n\n", "文件为空"),
        ("binary.txt", b"\x00\x01\x02PNG\x00" * 10, "二进制文件"),
        ("photo.jpg", b"\xff\xd8\xff\xe0", "不支持的文件类型"),
        ("nothing.txt", "今天天气很好，我们去公园散步。\n".encode(), "未识别出任何文件"),
        ("broken.docx", b"PK\x03\x04 not really a docx", "不是可以读取的 .docx"),
        ("broken.pdf", b"%PDF-1.4 garbage", "不是可以读取的 PDF"),
    ],
)
def test_bad_files_get_a_clear_message_and_nothing_is_stored(
    client, as_user, filename, content, message
):
    as_user(Role.AUTHOR)
    token = csrf_token(client, "/standards/import")
    response = client.post(
        "/standards/import",
        data={"file": (io.BytesIO(content), filename), "csrf_token": token},
        content_type="multipart/form-data",
    )
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)
    assert _counts() == (0, 0, 0, 0)


def _pdf(text_stream: bytes) -> bytes:
    """A one-page PDF whose content stream is ``text_stream`` (empty: a page with no text)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(text_stream) + text_stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = io.BytesIO(), []
    out.write(b"%PDF-1.4\n")
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def test_pdf_text_layer_is_read_and_a_scan_is_refused(app):
    from checklists.core.errors import InputError
    from checklists.standards.services import read_file

    with app.test_request_context():
        text = read_file("a.pdf", _pdf(b"BT /F1 12 Tf 20 100 Td (Article 1 applies) Tj ET"), 10**6)
        assert "Article 1 applies" in text
        with pytest.raises(InputError) as info:
            read_file("scan.pdf", _pdf(b""), 10**6)
        assert "没有文字层" in info.value.fields["file"]


def test_file_over_the_size_limit(app):
    from checklists.core.errors import InputError
    from checklists.standards.services import read_file

    with app.test_request_context(), pytest.raises(InputError) as info:
        read_file("big.txt", b"x" * (2 * 2**20 + 1), 2 * 2**20)
    assert "大于 2 MB" in info.value.fields["file"]


def test_request_over_max_content_length_is_413_in_chinese(app_factory, make_user):
    app = app_factory(MAX_CONTENT_LENGTH=1024)
    client = app.test_client()
    from tests.conftest import login

    login(client, make_user(role=Role.AUTHOR))
    response = client.post(
        "/standards/import",
        data={"file": (io.BytesIO(b"x" * 5000), "big.txt")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 413
    assert "超过服务器允许的大小" in response.get_data(as_text=True)


def test_docx_import(app_ctx, app):
    import docx

    document = docx.Document()
    for line in SAMPLE.splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    from checklists.standards.services import read_file

    with app.test_request_context():
        text = read_file("sample.docx", buffer.getvalue(), 10**7)
    report = import_text(text, "sample.docx")
    assert [d.number for d, _o in report.documents] == ["示政发〔2026〕1号"]


def test_upload_through_the_page(client, as_user):
    as_user(Role.AUTHOR)
    token = csrf_token(client, "/standards/import")
    response = client.post(
        "/standards/import",
        data={"file": (io.BytesIO(SAMPLE.encode()), "sample.txt"), "csrf_token": token},
        content_type="multipart/form-data",
    )
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "示政发〔2026〕1号" in html and "新增" in html


def test_cli_import_json_and_idempotent(app, app_ctx):
    runner = app.test_cli_runner()
    path = str(DATA / "sample_gazette.txt")
    first = runner.invoke(args=["standards", "import", path, "--json"])
    assert first.exit_code == 0, first.output
    data = json.loads(first.output)
    [doc] = data["documents"]
    assert set(doc) >= {
        "id",
        "number",
        "title",
        "issuer",
        "signed_on",
        "clause_count",
        "requirement_count",
    }
    assert (
        doc["number"] == "示政发〔2026〕1号"
        and doc["clause_count"] >= 5
        and doc["requirement_count"] >= 4
    )
    counts = _counts()
    again = runner.invoke(args=["standards", "import", path, "--json"])
    assert json.loads(again.output)["documents"][0]["outcome"] == "unchanged"
    db.session.expire_all()
    assert _counts() == counts


def test_cli_refuses_a_file_without_documents(app, tmp_path):
    path = tmp_path / "chat.txt"
    path.write_text("随便写的一段话。\n", encoding="utf-8")
    result = app.test_cli_runner().invoke(args=["standards", "import", str(path)])
    assert result.exit_code == 1
    assert "未识别出任何文件" in result.output


@pytest.fixture
def gazettes(app_ctx):
    import_gazettes()


def test_two_character_search_finds_台账(gazettes, client, as_user):
    from checklists.standards.search import search_clauses

    hits = search_clauses("台账")
    assert hits and all("台账" in c.normalized for c in hits)
    expected = db.session.scalar(
        sa.select(sa.func.count()).select_from(Clause).where(Clause.normalized.contains("台账"))
    )
    assert len(hits) == expected
    assert search_clauses("洁净煤配送中心") and not search_clauses("没有这种说法的条款")
    as_user(Role.ENTERPRISE)
    page = client.get("/standards/search?q=台账").get_data(as_text=True)
    assert "<mark>台账</mark>" in page


def test_document_page_marks_requirements(gazettes, client, as_user):
    as_user(Role.INSPECTOR)
    doc = db.session.scalar(sa.select(Document).where(Document.number == "冠政发〔2016〕109号"))
    html = client.get(f"/standards/documents/{doc.id}").get_data(as_text=True)
    assert '<mark class="req' in html and "冠政发〔2016〕109号/二/（二）/1" in html
    listing = client.get("/standards/?issuer=冠县人民政府&year=2016").get_data(as_text=True)
    assert "冠政发〔2016〕109号" in listing and "临政办字" not in listing


def test_api_documents_document_and_clauses(gazettes, client, as_user):
    as_user(Role.SUPERVISOR)
    listing = client.get("/api/v1/documents?per_page=1000").json
    numbers = {d["number"] for d in listing}
    assert {"冠政发〔2016〕109号", "冠政发〔2016〕78号", "临政办字〔2016〕10号"} <= numbers
    doc_id = next(d["id"] for d in listing if d["number"] == "冠政发〔2016〕109号")
    doc = client.get(f"/api/v1/documents/{doc_id}").json
    clause = next(c for c in doc["clauses"] if c["key"] == "冠政发〔2016〕109号/二/（二）/1")
    assert {"comparator": ">=", "value": "500", "unit": "m²"}.items() <= next(
        r for r in clause["requirements"] if r["unit"] == "m²"
    ).items()
    hits = client.get("/api/v1/clauses?q=台账").json
    assert hits and all("台账" in h["text"].replace(" ", "").replace("\n", "") for h in hits)
    assert client.get("/api/v1/clauses").status_code == 400
    assert client.get("/api/v1/documents/999999").status_code == 404
