"""Exports for supervisors: inspections, current answers and findings as CSV (streamed) and
Excel, within the user's scope and the review filters, in a number of statements that does
not grow with the rows."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import uuid
import zipfile
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa
import xlsxwriter
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from checklists.accounts.models import Role
from checklists.core import tabular
from checklists.core.extensions import db
from inspections.findings.models import Finding
from inspections.review import exports
from inspections.review import queue as review
from tests import test_inspections, test_review, test_workflow
from tests.conftest import login
from tests.test_inspections import API, answer, as_, create, fill_everything, jpeg, upload
from tests.test_templates import by_prompt

coal = test_workflow.coal
world = test_inspections.world
started = test_inspections.started
submitted = test_review.submitted

ZONE = ZoneInfo("Asia/Shanghai")
#: A critical item: answering "no" fails the whole inspection.
AREA = "用地符合国土、规划、环保"


def failed(app, world, key=None, **extra):
    """A submitted inspection whose area item fails (so it has a finding); its submit body."""
    session = as_(app, world["inspector"])
    key = key or str(uuid.uuid4())
    assert create(session, world, key, **extra).status_code == 201
    fill_everything(session, key, world["template"])
    area = by_prompt(world["template"], AREA)
    answer(session, key, area, "no", "late", at="2026-11-21T11:00:00+08:00")
    upload(session, key, jpeg(), item_id=str(area.id))
    body = session.post(f"{API}/{key}/submit").json
    assert body["status"] == "submitted" and body["verdict"] == "fail", body
    return body


def client_of(app, user):
    client = app.test_client()
    login(client, user)
    return client


def fetch(client, path):
    """The response, read whole and closed (a workbook is sent from a temporary file)."""
    response = client.get(path)
    response.get_data()
    response.close()
    return response


def read(client, kind, fmt, query=""):
    """The export's rows (header first) as lists of text (CSV) or values (Excel)."""
    response = fetch(client, f"/exports/{kind}.{fmt}{query}")
    assert response.status_code == 200, response.status_code
    today = dt.datetime.now(ZONE).date()
    disposition = response.headers["Content-Disposition"]
    assert disposition == f"attachment; filename={kind}-{today:%Y%m%d}.{fmt}"
    if fmt == "csv":
        assert response.mimetype == "text/csv" and response.data.startswith(b"\xef\xbb\xbf")
        return list(csv.reader(io.StringIO(response.data.decode("utf-8-sig"))))
    assert response.mimetype == exports.XLSX_MIMETYPE
    book = load_workbook(io.BytesIO(response.data))
    return [list(row) for row in book.worksheets[0].iter_rows(values_only=True)]


def headings(kind):
    """The header row of export ``kind``: the columns' Chinese labels."""
    return [c.heading for c in exports.COLUMNS[kind]]


def records(rows):
    """Rows after the (Chinese) header as dicts by column code (``status``, ``status_code``)."""
    header, *body = rows
    [kind] = [k for k in exports.KINDS if headings(k) == header]
    names = [c.name for c in exports.COLUMNS[kind]]
    return [dict(zip(names, row, strict=True)) for row in body]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_each_export_holds_the_failed_clause_and_the_score(app, world, fmt):
    body = failed(app, world)
    key, template = body["uuid"], world["template"]
    area = by_prompt(template, AREA)
    client = client_of(app, world["supervisor"])

    rows = read(client, "inspections", fmt)
    assert rows[0] == headings("inspections")
    [row] = records(rows)
    assert row["uuid"] == key and row["organisation"] == "鑫源煤业" and row["region"] == "冠县"
    assert Decimal(str(row["score"])) == Decimal(body["score"]) < 100
    assert (row["verdict"], row["status"], row["template"]) == ("不合格", "已提交", template.name)
    assert (row["verdict_code"], row["status_code"]) == ("fail", "submitted")
    assert str(row["template_version"]) == str(template.version)
    assert row["lineage"] == template.lineage and row["inspectors"] == "insp"
    submitted_at = dt.datetime.fromisoformat(row["submitted_at"])
    assert submitted_at.utcoffset() == dt.timedelta(hours=8)

    rows = read(client, "answers", fmt)
    assert rows[0] == headings("answers")
    answers = records(rows)
    # One row per item: the area item's earlier answer is history, not exported.
    assert len(answers) == len(template.ordered_items())
    assert [int(a["item_number"]) for a in answers] == list(range(1, len(answers) + 1))
    [bad] = [a for a in answers if a["result_code"] == "fail"]
    assert bad["result"] == "不合格" and (bad["severity"], bad["severity_code"]) == (
        "关键",
        "critical",
    )
    assert int(bad["item_id"]) == area.id and (bad["value"], bad["value_code"]) == ("否", "no")
    assert int(bad["item_number"]) == template.item_numbers()[area.id]
    assert bad["clause_key"] == area.clause_key and bad["clause_text_hash"] == area.clause_text_hash
    assert bad["document_number"] == (area.document_number or "") and bad["reason"]
    assert bad["answered_at"] == "2026-11-21T11:00:00+08:00" and bad["answered_by"] == "insp"
    for listed in (a for a in answers if a["answer_type_code"] == "parts"):
        parts = json.loads(listed["value_code"])
        assert isinstance(parts, list) and listed["value"].count("、") == len(parts) - 1

    rows = read(client, "findings", fmt)
    assert rows[0] == headings("findings")
    [finding] = records(rows)
    assert finding["inspection_uuid"] == key and int(finding["item_id"]) == area.id
    assert (
        finding["clause_key"] == area.clause_key
        and finding["clause_text"] == area.clause_text != ""
    )
    assert finding["clause_text_hash"] == area.clause_text_hash
    assert finding["status"] == "待整改" and finding["notice"].startswith("整改")
    assert (finding["status_code"], finding["severity"]) == ("open", "关键")
    assert str(finding["overdue"]) == "0" and finding["closed_at"] in ("", None)


def test_a_workbook_has_a_bold_frozen_header_and_a_sheet_saying_what_was_exported(app, world):
    failed(app, world)
    client = client_of(app, world["supervisor"])
    verdict = "?verdict=fail&organisation=" + str(world["own"].id)
    response = fetch(client, f"/exports/answers.xlsx{verdict}")
    assert response.headers["Cache-Control"] == "private, no-store"
    book = load_workbook(io.BytesIO(response.data))
    assert book.sheetnames == ["答案", "说明"]
    sheet = book["答案"]
    assert sheet["A1"].value == "检查编号" and sheet["A1"].font.b
    # 48 characters wide, as Excel shows it (XlsxWriter stores the cell padding with it)
    assert sheet.freeze_panes == "A2" and 48 < sheet.column_dimensions["G"].width < 49
    lines = list(book["说明"].iter_rows(values_only=True))
    split = lines.index(("列", "含义", "列代码"))
    about = {row[0]: row[1] for row in lines[:split] if row[0]}
    assert about["结论"] == "不合格" and about["单位"] == f"{world['own'].id}（鑫源煤业）"
    assert about["行数"] == str(sheet.max_row - 1) and about["导出人"] == "sup"
    assert dt.datetime.fromisoformat(about["导出时间"]).utcoffset() == dt.timedelta(hours=8)
    described = {row[2]: row[:2] for row in lines[split + 1 :]}
    assert described["clause_key"] == ("条款键", "条款键")
    assert described["result_code"][0] == "判定结果代码"


def test_filters_narrow_the_rows(app, world, make_org):
    bad_key = failed(app, world)["uuid"]
    other = make_org("第二家", region=world["own"].region)
    session = as_(app, world["inspector"])
    good_key = str(uuid.uuid4())
    assert create(session, world, good_key, organisation_id=other.id).status_code == 201
    fill_everything(session, good_key, world["template"])
    assert session.post(f"{API}/{good_key}/submit").json["verdict"] == "pass"
    client = client_of(app, world["supervisor"])

    def keys(kind, query="", column="uuid"):
        return sorted(r[column] for r in records(read(client, kind, "csv", query)))

    assert keys("inspections") == sorted([bad_key, good_key])
    assert keys("inspections", f"?organisation={other.id}") == [good_key]
    assert keys("inspections", "?verdict=fail") == [bad_key]
    assert keys("inspections", "?verdict=pass") == [good_key]
    today = dt.datetime.now(ZONE).date()
    later = (today + dt.timedelta(days=3)).isoformat()
    assert keys("inspections", f"?from={later}") == []
    assert keys("inspections", f"?from={today}&to={today}") == sorted([bad_key, good_key])
    assert keys("inspections", f"?to={(today - dt.timedelta(days=1)).isoformat()}") == []
    assert keys("inspections", "?status=approved") == []
    assert set(keys("answers", "?verdict=pass", "inspection_uuid")) == {good_key}
    assert set(keys("answers", f"?organisation={world['own'].id}", "inspection_uuid")) == {bad_key}
    assert keys("findings", "?verdict=fail", "inspection_uuid") == [bad_key]
    assert keys("findings", f"?organisation={other.id}", "inspection_uuid") == []
    assert keys("findings", f"?from={later}", "inspection_uuid") == []
    # A bad filter is ignored (as on the review pages), not an error.
    assert len(keys("inspections", "?from=2026-13-01&verdict=maybe")) == 2


def test_the_page_counts_rows_and_links_keep_the_filters(app, world):
    failed(app, world)
    submitted(app, world)
    client = client_of(app, world["supervisor"])
    html = fetch(client, "/exports/?verdict=fail").get_data(as_text=True)
    body = html.split('<ul class="list">', 1)[1]
    items = len(world["template"].ordered_items())
    assert re.findall(r'<span class="badge">(\d+)', body) == ["1", str(items), "1"]
    for kind in exports.KINDS:
        for fmt in exports.FORMATS:
            assert f'href="/exports/{kind}.{fmt}?verdict=fail"' in html
    assert 'value="fail" selected' in html  # the filter bar shows the choice
    everything = fetch(client, "/exports/").get_data(as_text=True).split('<ul class="list">')[1]
    assert re.findall(r'<span class="badge">(\d+)', everything) == ["2", str(2 * items), "1"]


def test_scope_another_region_sees_nothing_and_other_roles_are_refused(app, world, make_user):
    failed(app, world)
    far = client_of(app, world["far_supervisor"])
    for kind in exports.KINDS:
        for fmt in exports.FORMATS:
            rows = read(far, kind, fmt)
            assert rows == [headings(kind)], (kind, fmt)
        # Even when asking for the organisation by its id.
        assert len(read(far, kind, "csv", f"?organisation={world['own'].id}")) == 1
    far_page = fetch(far, "/exports/").get_data(as_text=True).split('<ul class="list">')[1]
    assert re.findall(r'<span class="badge">(\d+)', far_page) == ["0", "0", "0"]
    book = load_workbook(
        io.BytesIO(fetch(far, f"/exports/findings.xlsx?organisation={world['own'].id}").data)
    )
    about = {row[0]: row[1] for row in book["说明"].iter_rows(values_only=True) if row[0]}
    assert about["单位"] == str(world["own"].id)  # the name of a foreign organisation stays hidden

    admin = client_of(app, make_user("boss", role=Role.ADMIN))
    assert len(read(admin, "findings", "xlsx")) == 2
    for who in ("enterprise", "inspector", "author"):
        client = client_of(app, world[who])
        for path in ("/exports/", "/exports/answers.csv", "/exports/findings.xlsx"):
            assert fetch(client, path).status_code == 403, (who, path)
    anonymous = fetch(app.test_client(), "/exports/inspections.csv")
    assert anonymous.status_code == 302 and "/login" in anonymous.headers["Location"]


def test_the_number_of_statements_does_not_grow_with_the_inspections(app, world):
    client = client_of(app, world["supervisor"])
    for _ in range(2):
        submitted(app, world)
    failed(app, world)  # a finding too
    statements: list[str] = []
    index: list[str] = []

    def count(_conn, _cursor, statement, *_args):
        statements.append(statement)

    def measure() -> dict[str, int]:
        found = {}
        for kind in exports.KINDS:
            for fmt in exports.FORMATS:
                statements.clear()
                fetch(client, f"/exports/{kind}.{fmt}?status=submitted")
                found[f"{kind}.{fmt}"] = len(statements)
        statements.clear()
        fetch(client, "/exports/?status=submitted")
        found["index"] = len(statements)
        index[:] = statements
        return found

    fetch(client, "/exports/answers.csv")  # warm up: connections, caches
    sa.event.listen(db.engine, "before_cursor_execute", count)
    try:
        few = measure()
        assert len(records(read(client, "inspections", "csv"))) == 3
        for _ in range(4):
            submitted(app, world)
        failed(app, world)
        assert len(records(read(client, "inspections", "csv"))) == 8
        many = measure()
    finally:
        sa.event.remove(db.engine, "before_cursor_execute", count)
    assert few == many
    # The user, their region and its townships, the row count (a large export is a job's),
    # the export itself, then the security log's line for the download; the answers read
    # their templates' items first, in a statement of their own.
    assert many["inspections.csv"] == many["inspections.xlsx"] == 6, many
    assert many["answers.csv"] == many["answers.xlsx"] == 7, many
    counts = [s for s in index if s.startswith("SELECT count(*)") and "notifications" not in s]
    assert len(counts) == 3  # one COUNT per export on the page


def test_csv_is_streamed_in_chunks(app, world):
    submitted(app, world)
    client = client_of(app, world["supervisor"])
    response = client.get("/exports/answers.csv")
    try:
        assert response.is_streamed and response.status_code == 200
        assert "Content-Encoding" not in response.headers
        first = next(iter(response.response))
        assert (first if isinstance(first, str) else first.decode()).startswith("\ufeff")
    finally:
        response.close()
    chunks = list(exports.csv_chunks(["n"], ([n] for n in range(1201))))
    assert len(chunks) == 3 and chunks[0].count("\n") == 1 + 500
    assert "".join(chunks).count("\n") == 1 + 1201


def test_text_is_never_run_as_a_formula():
    rows = [['=HYPERLINK("http://x")', "-5", "+1 人", "#N/A", "ok\x07"]]
    text = "".join(exports.csv_chunks(["a", "b", "c", "d", "e"], rows))
    assert list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))[1] == [
        '\'=HYPERLINK("http://x")',
        "-5",
        "'+1 人",
        "#N/A",
        "ok\x07",
    ]
    out = io.BytesIO()
    columns = [exports.Column(n) for n in "abcde"]
    assert exports.write_xlsx(out, "t", columns, rows, [("导出时间", "x")]) == 1
    sheet = load_workbook(io.BytesIO(out.getvalue()))["t"]
    cells = list(sheet.iter_rows(min_row=2))[0]
    assert [c.value for c in cells] == ['=HYPERLINK("http://x")', "-5", "+1 人", "#N/A", "ok"]
    assert [c.data_type for c in cells] == ["s"] * 5


def test_both_findings_csvs_neutralise_formulas_in_names_and_prompts(app, world, make_org):
    """/findings/export.csv (the findings page) and /exports/findings.csv write the same rows
    with the same writer: text a spreadsheet would run as a formula starts with an apostrophe."""
    name = '=HYPERLINK("http://evil.example/","鑫源")'
    prompt = '=HYPERLINK("http://evil.example/","点此查看")'
    evil = make_org(name, region=world["own"].region)
    failed(app, world, organisation_id=evil.id)
    finding = db.session.scalar(sa.select(Finding))
    finding.prompt = prompt
    db.session.commit()
    client = client_of(app, world["supervisor"])
    header = headings("findings")
    for path in ("/findings/export.csv?show=all", "/exports/findings.csv"):
        response = fetch(client, path)
        assert response.status_code == 200 and response.mimetype == "text/csv", path
        assert response.data.startswith(b"\xef\xbb\xbf"), path
        rows = list(csv.reader(io.StringIO(response.data.decode("utf-8-sig"))))
        assert rows[0] == header, path
        [row] = records(rows)
        assert int(row["id"]) == finding.id
        assert (row["organisation"], row["prompt"]) == ("'" + name, "'" + prompt), path
        assert not any(cell.startswith("=") for cell in rows[1]), path


#: Cells of every kind a workbook row may hold, text a spreadsheet would run first.
AWKWARD = [
    "=1+1",
    "@SUM(A1)",
    "http://x",
    "+1 人",
    "-5",
    "#N/A",
    "a & b < c > d",
    " 前后有空格 ",
    "ok\x07\x00",
    "",
    None,
    3,
    -7,
    Decimal("85.50"),
    2.5,
    dt.date(2026, 11, 21),
    True,
    dt.datetime(2026, 11, 21, 3, 0, tzinfo=dt.UTC),
    "x" * 40_000,
]


def test_a_workbook_keeps_text_as_text_and_every_value_as_written():
    """XlsxWriter makes the workbook, the rows are spliced in: openpyxl reads back every value
    with its type; no text became a formula, a link, a number or an error code."""
    columns = [exports.Column(f"c{n}", 10, f"列{n}") for n in range(len(AWKWARD))]
    rows = [AWKWARD, list(reversed(AWKWARD)), AWKWARD]
    out = io.BytesIO()
    assert exports.write_xlsx(out, "数据", columns, rows, [("导出内容", "=说明")]) == 3
    book = load_workbook(io.BytesIO(out.getvalue()))
    assert book.sheetnames == ["数据", "说明"]
    sheet = book["数据"]
    assert [c.value for c in sheet[1]] == [c.heading for c in columns]
    assert all(c.font.b for c in sheet[1]) and sheet.freeze_panes == "A2"
    assert sheet.max_row == 4 and sheet.max_column == len(AWKWARD)
    expected = [
        "=1+1",
        "@SUM(A1)",
        "http://x",
        "+1 人",
        "-5",
        "#N/A",
        "a & b < c > d",
        " 前后有空格 ",
        "ok",
        None,
        None,
        3,
        -7,
        85.5,
        2.5,
        dt.datetime(2026, 11, 21),
        True,
        "2026-11-21T11:00:00+08:00",
        "x" * 32_767,
    ]
    for number, written in ((2, expected), (3, list(reversed(expected))), (4, expected)):
        cells = sheet[number]
        assert [c.value for c in cells] == written, number
        for cell in cells:
            assert cell.hyperlink is None and cell.data_type != "f", cell.coordinate
            if isinstance(cell.value, str):
                assert cell.data_type == "s", cell.coordinate
    dates = [c for c in sheet[2] if c.is_date]
    assert [c.number_format for c in dates] == ["yyyy-mm-dd"]
    about = {r[0]: r[1] for r in book["说明"].iter_rows(values_only=True) if r and r[0]}
    assert about["导出内容"] == "=说明" and about["行数"] == "3"
    with zipfile.ZipFile(io.BytesIO(out.getvalue())) as archive:
        names = archive.namelist()
        sheet_xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert not [n for n in names if "sharedStrings" in n or ("rels" in n and "sheet" in n)]
    assert "<f>" not in sheet_xml and '<dimension ref="A1:S4"/>' in sheet_xml


def test_a_row_is_written_by_its_template_as_cell_by_cell():
    """``SheetRows`` writes most rows with a template for their shape; what it writes is what
    writing each cell would (``_cell``), and a row the template cannot write as it is (text
    to escape or clean, space at an end, a number that is not finite, an early date) goes
    cell by cell."""
    plain = ["检查", 3, Decimal("1.5"), 0.25, dt.date(2026, 1, 2), "", None, "末尾"]
    awkward = [
        ["a&b", 3, Decimal("1.5"), 0.25, dt.date(2026, 1, 2), "", None, "末尾"],
        ["检查", 3, Decimal("NaN"), 0.25, dt.date(2026, 1, 2), "", None, "末尾"],
        ["检查", 3, Decimal("1.5"), float("inf"), dt.date(2026, 1, 2), "", None, "末尾"],
        ["检查", 3, Decimal("1.5"), 0.25, dt.date(1899, 1, 2), "", None, "末尾"],
        ["检查 ", 3, Decimal("1.5"), 0.25, dt.date(2026, 1, 2), "", None, "末尾"],
        ["检\x00查", 3, Decimal("1.5"), 0.25, dt.date(2026, 1, 2), "", None, "末\x1f尾"],
        ["检查", 3, Decimal("1.5"), 0.25, dt.date(2026, 1, 2), "", None, "y" * 20_000],
    ]
    rows = tabular.SheetRows(8)
    for row in [plain, *awkward, plain]:
        expected = rows._slowly(7, row)
        shape = rows._shape(row)
        assert shape is not None
        written = shape.row(7, row)
        assert written in (expected, None), row
        assert (written is None) == (row is not plain), row
    assert rows._shape([True, 1]) is None and rows._shape([dt.datetime(2026, 1, 1)]) is None
    rows.write([plain, *awkward, plain])
    rows.file.seek(0)
    xml = rows.file.read().decode()
    assert xml.count("<row ") == 9 and xml.startswith('<row r="2">') and rows.count == 9
    assert rows.date_columns == {4} and "&amp;" in xml and 'xml:space="preserve"' in xml
    rows.close()


def test_local_time_is_the_zone_s_at_every_moment():
    """The shift by eight hours (from September 1991) is what the zone's rules say; earlier
    moments (daylight saving time in 1986-1991) are looked up."""
    moments = [dt.datetime(1986, 7, 1, 12), dt.datetime(1991, 9, 14, 16, 59, 59)]
    moments += [dt.datetime(1991, 9, 15) + dt.timedelta(hours=h) for h in range(0, 24 * 400, 7)]
    moments += [dt.datetime(2026, 11, 21, 3, 0, 0, 123456), dt.datetime(2099, 12, 31, 23, 59)]
    for moment in moments:
        expected = moment.replace(tzinfo=dt.UTC).astimezone(ZONE).isoformat()
        assert tabular.local_time(moment) == expected
        assert tabular.local_time(moment.replace(tzinfo=dt.UTC)) == expected
        aware = moment.replace(tzinfo=dt.UTC).astimezone(dt.timezone(dt.timedelta(hours=-5)))
        assert tabular.local_time(aware) == expected
    assert tabular.local_time(dt.datetime(1988, 6, 1)).endswith("+09:00")  # summer time
    assert tabular.local_time(None) == ""


#: Cells of every kind, text with what needs quoting, escaping or neutralising.
CELLS = st.one_of(
    st.text(alphabet=st.sampled_from('a中,"\n\r =+-@\t#&<>\x07 1.e{}'), max_size=6),
    st.text(max_size=4),
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=False, allow_infinity=False),
    st.decimals(allow_nan=False, allow_infinity=False, places=2),
    st.dates(),
    st.datetimes(),
)
ROWS = st.lists(st.lists(CELLS, min_size=1, max_size=6), max_size=6)


@given(ROWS)
def test_csv_rows_are_what_csv_cell_and_the_csv_module_write(rows):
    """Rows written without ``csv_cell`` or the csv module (plain cells joined by commas) are
    the same text as if every cell went through both."""
    expected = io.StringIO()
    writer = csv.writer(expected)
    writer.writerow(["a"])
    for row in rows:
        writer.writerow([tabular.csv_cell(v) for v in row])
    assert "".join(exports.csv_chunks(["a"], rows)) == "\ufeff" + expected.getvalue()


@given(ROWS)
def test_sheet_rows_are_what_writing_each_cell_writes(rows):
    """Rows written by their shape's template are the XML of writing each cell (``_cell``)."""
    fast, slow = tabular.SheetRows(), tabular.SheetRows()
    fast.write(rows)
    fast.file.seek(0)
    expected = "".join(slow._slowly(n, row) for n, row in enumerate(rows, start=2))
    assert fast.file.read().decode() == expected
    assert (fast.count, fast.width) == (len(rows), slow.width)
    assert slow.date_columns <= fast.date_columns  # each date cell's column, at least
    fast.close()
    slow.close()


@pytest.mark.parametrize("kind", exports.KINDS)
def test_the_workbook_holds_the_csv_s_rows(app, world, kind):
    failed(app, world)
    submitted(app, world)
    client = client_of(app, world["supervisor"])
    as_csv = read(client, kind, "csv")
    as_xlsx = read(client, kind, "xlsx")
    assert as_xlsx[0] == as_csv[0] == headings(kind) and len(as_xlsx) == len(as_csv) > 1

    def shown(value, written):
        """A workbook's cell as the CSV writes it (a number: as the CSV's text of it)."""
        if value is None:
            return ""
        if isinstance(value, dt.datetime):  # a date cell
            return value.date().isoformat()
        if isinstance(value, int | float) and Decimal(str(value)) == Decimal(written):
            return written
        return str(value)

    for row, written in zip(as_xlsx[1:], as_csv[1:], strict=True):
        assert [shown(v, w) for v, w in zip(row, written, strict=True)] == written


def test_an_item_not_read_beforehand_is_read_when_an_answer_needs_it(app, world):
    """The answers export reads the items of the templates in scope before the answers; an
    answer to an item it did not read (an inspection that came in meanwhile) reads its
    template's items then, in one statement, numbered as ever."""
    failed(app, world)
    supervisor = db.session.get(type(world["supervisor"]), world["supervisor"].id)
    now = dt.datetime.now(dt.UTC)
    filters = review.parse_filters({})
    expected = list(exports.prepare("answers", supervisor, filters, now).rows())
    late = exports.prepare("answers", supervisor, filters, now)
    late.preload = None  # as if every answer's inspection came in after the items were read
    statements: list[str] = []

    def count(_conn, _cursor, statement, *_args):
        statements.append(statement)

    sa.event.listen(db.engine, "before_cursor_execute", count)
    try:
        assert list(late.rows()) == expected
    finally:
        sa.event.remove(db.engine, "before_cursor_execute", count)
    assert len(statements) == 2  # the answers, then their one template's items


def test_rows_are_the_xml_xlsxwriter_writes():
    """``SheetRows`` writes a sheet's rows as XlsxWriter writes them in constant-memory mode
    (what Excel has opened for years): the same XML for text (escaped, space kept at an end),
    whole numbers, dates with the date style, booleans and empty cells."""
    rows = [
        ["检查", 3, dt.date(2026, 11, 21), "a & b < c", None, "", True, -7],
        [" 前后 ", 0, dt.date(2000, 2, 29), "=1+1", "http://x", "#N/A", False, 12],
    ]
    made = io.BytesIO()
    book = xlsxwriter.Workbook(made, tabular.XLSX_OPTIONS)
    date = book.add_format({"num_format": tabular.DATE_FORMAT})
    sheet = book.add_worksheet()
    for number, row in enumerate(rows, start=1):
        for column, value in enumerate(row):
            if isinstance(value, dt.date):
                sheet.write_datetime(number, column, value, date)
            else:  # as write_row writes it: text as text (the options), "" as nothing
                sheet.write(number, column, value)
    book.close()
    with zipfile.ZipFile(made) as archive:
        theirs = archive.read("xl/worksheets/sheet1.xml").decode()
    theirs = theirs.split("<sheetData>")[1].split("</sheetData>")[0]
    ours = tabular.SheetRows(len(rows[0]))
    ours.write(rows)
    ours.file.seek(0)
    assert ours.file.read().decode().replace("\x00", "1") == theirs
    ours.close()
