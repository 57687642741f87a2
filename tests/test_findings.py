"""Findings: raised at submission, corrective action → 复查 → closed or reopened, deadlines the
official way (provisional, then recomputed), overdue, scope. Notices, PDFs, CSV, e-mail and the
cron command are in test_notices.py; the deadline arithmetic itself in test_workdays.py."""

from __future__ import annotations

import datetime as dt
import io

import pytest
import sqlalchemy as sa
from PIL import Image

from checklists.accounts.notifications import Notification
from checklists.core.extensions import db
from inspections.filling import api as inspections_api
from inspections.findings import operations as findings
from inspections.findings.models import Finding, FindingEvent
from tests import test_inspections, test_workflow
from tests.test_inspections import API, as_, fill_everything, jpeg, upload
from tests.test_inspections import answer as put_answer
from tests.test_templates import by_prompt

# The inspections' fixtures: a published clean-coal template, two organisations in two regions,
# one user per role, and an inspection started by the inspector.
coal = test_workflow.coal
world = test_inspections.world
started = test_inspections.started

FINDINGS = "/api/v1/findings"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

# The default deadlines (FINDING_DEADLINES) counted from a notice issued on a given day, by
# severity, worked out by hand from the State Council's arrangements.
DEFAULT_DUE = {
    # 2026-09-30: National Day 10-01..07 off, Saturday 10-10 worked.
    dt.date(2026, 9, 30): {
        "critical": dt.date(2026, 10, 13),  # 5 working days: 10-08, 09, 10(Sat), 12, 13
        "major": dt.date(2026, 10, 15),  # 15 days
        "minor": dt.date(2026, 10, 30),  # 30 days
    },
    # 2026-12-28: 2027 not in the bundled calendar → counted on weekdays, provisional.
    dt.date(2026, 12, 28): {
        "critical": dt.date(2027, 1, 4),  # 12-29, 30, 31, 01-01 (Fri, unknown), 01-04
        "major": dt.date(2027, 1, 12),  # 15 days, a Tuesday
        "minor": dt.date(2027, 1, 27),  # 30 days, a Wednesday
    },
}
# The area item (二（二）1) fails a construction standard: its deadline is the one month that
# 四（二） states ("未通过验收的限期一个月整改"), not its severity's default.
CLAUSE_DUE = {dt.date(2026, 9, 30): dt.date(2026, 10, 30)}
#: A major item whose clause states no time to put it right (六/2).
INVOICES = "每批次洁净煤均索要购货发票"
# The same after loading 2027 with 01-01..01-03 off.
LOADED_2027_DUE = {
    "critical": dt.date(2027, 1, 5),
    "major": dt.date(2027, 1, 12),
    "minor": dt.date(2027, 1, 27),
}


def submit_with_failures(
    app, world, started, monkeypatch, day=dt.date(2026, 9, 30), fail=1, first=None
):
    """Submit the started inspection with ``fail`` failed items (each with its photo) on
    ``day``: the area (or the yes/no item ``first``), then the enclosed storage; returns the
    findings' ids in template order."""
    session, key = started
    monkeypatch.setattr(inspections_api, "local_today", lambda: day)
    fill_everything(session, key, world["template"])
    if first is None:
        area = by_prompt(world["template"], "储煤厂房建设面积")
        put_answer(session, key, area, "480", "fail-area", at="2026-11-21T11:00:00+08:00")
    else:
        area = by_prompt(world["template"], first)
        put_answer(session, key, area, "no", "fail-first", at="2026-11-21T11:00:00+08:00")
    upload(session, key, jpeg(), item_id=str(area.id))
    if fail > 1:
        sealed = by_prompt(world["template"], "储煤厂房全封闭建设")
        put_answer(session, key, sealed, "no", "fail-sealed", at="2026-11-21T11:00:00+08:00")
        upload(session, key, jpeg(color=(1, 2, 3)), item_id=str(sealed.id))
    body = session.post(f"{API}/{key}/submit").json
    assert body["status"] == "submitted", body
    return [f["id"] for f in body["findings"]]


def events(app, finding_id) -> list[str]:
    with app.app_context():
        return list(
            db.session.scalars(
                sa.select(FindingEvent.kind)
                .where(FindingEvent.finding_id == finding_id)
                .order_by(FindingEvent.id)
            )
        )


def notifications_of(app, user) -> list[str]:
    with app.app_context():
        return list(
            db.session.scalars(
                sa.select(Notification.kind)
                .where(Notification.user_id == user.id)
                .order_by(Notification.id)
            )
        )


def png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (20, 10), (0, 90, 0)).save(out, "PNG")
    return out.getvalue()


# --- raised at submission --------------------------------------------------------------------


def test_a_failed_item_becomes_a_finding_with_provenance_and_its_clause_deadline(
    app, world, started, monkeypatch
):
    [finding_id] = submit_with_failures(app, world, started, monkeypatch)
    enterprise = as_(app, world["enterprise"])
    body = enterprise.get(f"{FINDINGS}/{finding_id}").json
    area = by_prompt(world["template"], "储煤厂房建设面积")
    assert body["item_id"] == area.id and body["status"] == "open"
    assert body["clause_key"] == area.clause_key and "500平方米" in body["clause_text"]
    assert body["clause_text_hash"] == area.clause_text_hash and body["template_version"] >= 1
    assert "480" in body["reason"]
    assert body["due_on"] == CLAUSE_DUE[dt.date(2026, 9, 30)].isoformat()
    assert body["deadline"]["start"] == "2026-09-30" and not body["deadline"]["provisional"]
    assert (body["deadline"]["n"], body["deadline"]["unit"]) == (1, "month")
    assert "2026年9月30日" in body["deadline"]["explanation"]
    assert "未通过验收的限期一个月整改" in body["deadline"]["explanation"]
    assert [e["kind"] for e in body["events"]] == ["raised"]
    assert len(body["evidence_photos"]) == 1  # the inspector's photo of the failure
    # The enterprise was told about the notice.
    assert notifications_of(app, world["enterprise"]) == ["notice"]


def test_findings_are_scoped_to_the_caller(app, world, started, monkeypatch):
    [finding_id] = submit_with_failures(app, world, started, monkeypatch)
    own = as_(app, world["enterprise"]).get(FINDINGS).json
    assert [f["id"] for f in own] == [finding_id]
    assert own[0]["organisation_id"] == world["own"].id
    for outsider in ("foreign_enterprise", "far_supervisor", "other_inspector", "author"):
        session = as_(app, world[outsider])
        assert session.get(FINDINGS).json == [], outsider
        assert session.get(f"{FINDINGS}/{finding_id}").status_code == 404, outsider
        assert session.get(f"/findings/{finding_id}").status_code == 404, outsider
    for insider in ("inspector", "supervisor"):
        assert [f["id"] for f in as_(app, world[insider]).get(FINDINGS).json] == [finding_id]


# --- the loop: action → 复查 → reopen → action → close -------------------------------------


def test_action_verify_reopen_and_close_keep_the_whole_history(app, world, started, monkeypatch):
    [finding_id] = submit_with_failures(app, world, started, monkeypatch)
    enterprise, inspector = as_(app, world["enterprise"]), as_(app, world["inspector"])
    base = f"{FINDINGS}/{finding_id}"

    # Evidence first: a photo and a PDF; the same bytes again are stored once.
    photo = enterprise.post(f"{base}/photos", data={"file": (io.BytesIO(png()), "after.png")})
    assert photo.status_code == 201 and photo.json["kind"] == "photo"
    again = enterprise.post(f"{base}/photos", data={"file": (io.BytesIO(png()), "again.png")})
    assert again.status_code == 200 and again.json["id"] == photo.json["id"]
    doc = enterprise.post(f"{base}/photos", data={"file": (io.BytesIO(PDF), "验收报告.pdf")})
    assert doc.status_code == 201 and doc.json["kind"] == "document"
    assert doc.json["mime"] == "application/pdf" and doc.json["filename"] == "验收报告.pdf"

    # The corrective action takes the files along; a resend is stored once.
    first = {"description": "已扩建厂房至520平方米", "client_id": "act-1"}
    made = enterprise.post(f"{base}/actions", json=first)
    assert made.status_code == 201 and made.json["status"] == "action_submitted"
    assert {f["action_id"] for f in made.json["files"]} == {made.json["action"]["id"]}
    resent = enterprise.post(f"{base}/actions", json=first)
    assert resent.status_code == 200 and resent.json["action"]["id"] == made.json["action"]["id"]
    reused = enterprise.post(f"{base}/actions", json={**first, "description": "别的"})
    assert reused.status_code == 409 and reused.json["error"]["code"] == "id_reused"
    assert notifications_of(app, world["inspector"]) == ["action"]

    # Roles: the inspector does not report actions, the enterprise does not verify.
    assert inspector.post(f"{base}/actions", json={"description": "x"}).status_code == 403
    assert enterprise.post(f"{base}/verify", json={"outcome": "closed"}).status_code == 403

    # 复查: reopening needs a reason; with one and a new deadline it counts from today.
    monkeypatch.setattr("inspections.findings.api.local_today", lambda: dt.date(2026, 10, 9))
    no_reason = inspector.post(f"{base}/verify", json={"outcome": "reopened"})
    assert no_reason.status_code == 422 and "reason" in no_reason.json["error"]["fields"]
    reopened = inspector.post(
        f"{base}/verify",
        json={
            "outcome": "reopened",
            "reason": "面积实测仅490平方米",
            "n": 3,
            "unit": "working_day",
        },
    )
    assert reopened.status_code == 201 and reopened.json["status"] == "reopened"
    # From 2026-10-09 (Fri): the make-up Saturday 10-10, then 10-12 and 10-13.
    assert reopened.json["due_on"] == "2026-10-13"
    assert reopened.json["verification"]["data"]["due_on"][1] == "2026-10-13"
    assert notifications_of(app, world["enterprise"])[-1] == "reopened"

    # A second action, then closed; closing again is the same record, not a second one.
    second = enterprise.post(f"{base}/actions", json={"description": "再扩建30平方米"})
    assert second.status_code == 201
    closed = inspector.post(f"{base}/verify", json={"outcome": "closed", "reason": "复查合格"})
    assert closed.status_code == 201 and closed.json["status"] == "closed"
    assert closed.json["closed_at"] is not None
    repeat = inspector.post(f"{base}/verify", json={"outcome": "closed", "reason": "复查合格"})
    assert repeat.status_code == 200
    assert repeat.json["verification"]["id"] == closed.json["verification"]["id"]

    # Closed: nothing more to report; the action resent with its old client_id still answers.
    late = enterprise.post(f"{base}/actions", json={"description": "补充"})
    assert late.status_code == 409 and late.json["error"]["code"] == "closed"
    assert enterprise.post(f"{base}/actions", json=first).status_code == 200
    assert events(app, finding_id) == ["raised", "action", "reopened", "action", "closed"]

    # A closed finding can be reopened again (the fix did not hold).
    reopen = inspector.post(f"{base}/verify", json={"outcome": "reopened", "reason": "又出现"})
    assert reopen.status_code == 201 and reopen.json["status"] == "reopened"


def test_the_loop_through_the_pages(app, world, started, monkeypatch):
    """No JavaScript needed: the enterprise reports with files from the form, the inspector
    verifies from the page."""
    from werkzeug.datastructures import FileStorage, MultiDict

    from tests.conftest import csrf_token, login

    [finding_id] = submit_with_failures(app, world, started, monkeypatch)
    page = f"/findings/{finding_id}"
    enterprise = app.test_client()
    login(enterprise, world["enterprise"])
    html = enterprise.get(page).get_data(as_text=True)
    assert "500平方米" in html and "报送整改情况" in html and "复查结论" not in html
    token = csrf_token(enterprise, page)
    form = MultiDict(
        [
            ("csrf_token", token),
            ("description", "已扩建"),
            ("client_id", "page-1"),
            ("files", FileStorage(io.BytesIO(png()), "现场.png", content_type="image/png")),
            ("files", FileStorage(io.BytesIO(PDF), "报告.pdf", content_type="application/pdf")),
        ]
    )
    response = enterprise.post(f"{page}/actions", data=form, content_type="multipart/form-data")
    assert response.status_code == 303
    shown = enterprise.get(page).get_data(as_text=True)
    assert "已扩建" in shown and "报告.pdf" in shown and "已报送，待复查" in shown
    # An empty description is refused on the page, in Chinese, naming the field.
    empty = enterprise.post(f"{page}/actions", data={"csrf_token": token, "description": ""})
    assert empty.status_code == 422 and "采取的整改措施" in empty.get_data(as_text=True)

    inspector = app.test_client()
    login(inspector, world["inspector"])
    token = csrf_token(inspector, page)
    done = inspector.post(
        f"{page}/verify",
        data={
            "csrf_token": token,
            "outcome": "closed",
            "reason": "复查合格",
            "n": "",
            "unit": "working_day",  # the select always sends its value
        },
    )
    assert done.status_code == 303
    with app.app_context():
        finding = db.session.get(Finding, finding_id)
        assert str(finding.status) == "closed"
        assert [f.event.kind for f in finding.files] == ["action", "action"]


def test_bad_input_is_refused_with_the_field_and_nothing_is_stored(
    app, world, started, monkeypatch
):
    [finding_id] = submit_with_failures(app, world, started, monkeypatch)
    enterprise, inspector = as_(app, world["enterprise"]), as_(app, world["inspector"])
    base = f"{FINDINGS}/{finding_id}"
    cases = [
        (enterprise, "actions", {"description": ""}, 422, "description"),
        (enterprise, "actions", {"description": "x" * 5001}, 422, "description"),
        (enterprise, "actions", {"description": "ok", "client_id": 5}, 422, "client_id"),
        (inspector, "verify", {"outcome": "fixed"}, 422, "outcome"),
        (inspector, "verify", {"outcome": "reopened", "reason": "x", "n": 0}, 422, "n"),
        (
            inspector,
            "verify",
            {"outcome": "reopened", "reason": "x", "n": 2, "unit": "week"},
            422,
            "unit",
        ),
    ]
    for session, path, body, status, field in cases:
        response = session.post(f"{base}/{path}", json=body)
        assert response.status_code == status, (body, response.json)
        assert field in response.json["error"]["fields"], (body, response.json)
    gif = enterprise.post(f"{base}/photos", data={"file": (io.BytesIO(b"GIF89a" + b"0" * 50), "a")})
    assert gif.status_code == 422 and "GIF" in gif.json["error"]["message"]
    app.config["PHOTO_MAX_BYTES"] = 1000
    big = enterprise.post(f"{base}/photos", data={"file": (io.BytesIO(PDF + b"0" * 2000), "b.pdf")})
    assert big.status_code == 413
    patch = inspector.patch(base, json={"deadline": {"n": "十", "unit": "day"}})
    assert patch.status_code == 422 and "n" in patch.json["error"]["fields"]
    assert events(app, finding_id) == ["raised"]
    with app.app_context():
        assert db.session.get(Finding, finding_id).files == []


# --- deadlines -----------------------------------------------------------------------------


def test_an_inspector_sets_the_deadline_counted_from_the_notice(app, world, started, monkeypatch):
    [finding_id] = submit_with_failures(app, world, started, monkeypatch)
    inspector, enterprise = as_(app, world["inspector"]), as_(app, world["enterprise"])
    base = f"{FINDINGS}/{finding_id}"
    changed = inspector.patch(
        base, json={"deadline": {"n": 3, "unit": "day"}, "reason": "隐患较大，缩短期限"}
    )
    # 3 days after 2026-09-30 is 10-03, inside the National Day holiday → the day after it.
    assert changed.status_code == 200 and changed.json["due_on"] == "2026-10-08"
    assert changed.json["events"][-1]["kind"] == "deadline"
    assert changed.json["events"][-1]["data"]["due_on"][1] == "2026-10-08"
    assert enterprise.patch(base, json={"deadline": {"n": 3, "unit": "day"}}).status_code == 403
    assert notifications_of(app, world["enterprise"])[-1] == "deadline"


def test_a_provisional_deadline_is_recomputed_when_the_year_is_loaded(
    app, world, started, monkeypatch
):
    from tests.conftest import csrf_token, login

    [finding_id] = submit_with_failures(
        app, world, started, monkeypatch, day=dt.date(2026, 12, 28), first=INVOICES
    )
    enterprise = as_(app, world["enterprise"])
    before = enterprise.get(f"{FINDINGS}/{finding_id}").json
    severity = before["severity"]
    assert before["deadline"]["provisional"] is True
    assert before["due_on"] == DEFAULT_DUE[dt.date(2026, 12, 28)][severity].isoformat()
    assert "暂定" in before["deadline"]["explanation"]
    html = enterprise.get(f"/findings/{finding_id}").get_data(as_text=True)
    assert "暂定" in html

    admin = app.test_client()
    login(admin, _admin(app))
    token = csrf_token(admin, "/admin/calendar")
    bad = admin.post(
        "/admin/calendar",
        data={"csrf_token": token, "year": "2027", "holidays": "2027-13-01", "workdays": ""},
    )
    assert bad.status_code == 422 and "无法识别的日期" in bad.get_data(as_text=True)
    assert enterprise.get(f"{FINDINGS}/{finding_id}").json["deadline"]["provisional"] is True

    loaded = admin.post(
        "/admin/calendar",
        data={
            "csrf_token": token,
            "year": "2027",
            "holidays": "2027-01-01~2027-01-03\n2027-02-06~2027-02-12",
            "workdays": "2027-02-20",
        },
    )
    assert loaded.status_code == 303
    after = enterprise.get(f"{FINDINGS}/{finding_id}").json
    assert after["deadline"]["provisional"] is False
    assert after["due_on"] == LOADED_2027_DUE[severity].isoformat()
    assert after["events"][-1]["kind"] == "recomputed"
    moved = LOADED_2027_DUE[severity] != DEFAULT_DUE[dt.date(2026, 12, 28)][severity]
    assert (notifications_of(app, world["enterprise"])[-1] == "deadline") is moved
    # The public deadline API now knows 2027 too.
    api = app.test_client().get("/api/v1/calendar/deadline?start=2026-12-31&n=1&unit=working_day")
    assert api.json == {
        **api.json,
        "due_on": "2027-01-04",
        "provisional": False,
    }


def _admin(app):
    from checklists.accounts import services
    from checklists.accounts.models import Role

    with app.app_context():
        user = services.create_user("cal-admin", Role.ADMIN, "correct horse battery")
        db.session.commit()
        db.session.refresh(user)
        db.session.expunge(user)
        return user


@pytest.mark.parametrize(
    ("query", "due_on", "provisional"),
    [
        ("start=2026-09-30&n=10&unit=working_day", "2026-10-20", False),
        ("start=2026-09-30&n=5&unit=day", "2026-10-08", False),
        ("start=2026-10-05&n=5&unit=day", "2026-10-10", False),  # a make-up Saturday stays
        ("start=2025-12-31&n=1&unit=day", "2026-01-04", False),  # 元旦 → the make-up Sunday
        ("start=2026-12-28&n=10&unit=working_day", "2027-01-11", True),
        ("start=2026-09-30&n=10", "2026-10-20", False),  # working days by default
    ],
    ids=[
        "working-days-national-day",
        "days-end-in-holiday",
        "days-end-on-makeup-saturday",
        "year-end",
        "unknown-year",
        "default-unit",
    ],
)
def test_the_public_deadline_api(client, query, due_on, provisional):
    response = client.get(f"/api/v1/calendar/deadline?{query}")
    assert response.status_code == 200, response.json
    assert response.json["due_on"] == due_on
    assert response.json["provisional"] is provisional
    assert response.json["explanation"]


def test_the_public_deadline_api_hours_and_errors(client):
    hours = client.get("/api/v1/calendar/deadline?start=2026-11-21T20:00:00&n=24&unit=hour").json
    assert hours["due_at"] == "2026-11-22T20:00:00+08:00" and hours["due_on"] == "2026-11-22"
    for query, field in [
        ("start=2026-02-30&n=3", "start"),
        ("start=&n=3", "start"),
        ("start=2026-09-30&n=abc", "n"),
        ("start=2026-09-30&n=0", "n"),
        ("start=2026-09-30&n=3&unit=fortnight", "unit"),
    ]:
        response = client.get(f"/api/v1/calendar/deadline?{query}")
        assert response.status_code == 422, query
        assert field in response.json["error"]["fields"], query
        assert any("\u4e00" <= ch <= "\u9fff" for ch in response.json["error"]["message"])


def test_default_deadlines_come_from_the_setting(app):
    from inspections.findings import deadlines

    with app.test_request_context():
        app.config["FINDING_DEADLINES"] = "critical:2:hour, major:7:working_day,minor:bad"
        assert deadlines.default_for("critical") == (2, "hour")
        assert deadlines.default_for("major") == (7, "working_day")
        assert deadlines.default_for("minor") == (15, "day")  # unreadable: the fallback


# --- overdue and the enterprise's home ----------------------------------------------------------


def test_overdue_is_flagged_once_and_shown_to_the_enterprise(app, world, started, monkeypatch):
    [finding_id] = submit_with_failures(app, world, started, monkeypatch)
    with app.app_context():
        due = db.session.get(Finding, finding_id).due_on
        late = findings.check_overdue(due + dt.timedelta(days=1), dt.datetime.now(dt.UTC))
        assert [f.id for f in late] == [finding_id]
        db.session.commit()
        assert findings.check_overdue(due + dt.timedelta(days=2), dt.datetime.now(dt.UTC)) == []
        db.session.commit()
    assert events(app, finding_id) == ["raised", "overdue"]
    for who in ("enterprise", "inspector", "supervisor"):
        assert notifications_of(app, world[who]).count("overdue") == 1, who
    assert "overdue" not in notifications_of(app, world["far_supervisor"])

    # The enterprise's home page lists it first, marked overdue (today is past the deadline).
    monkeypatch.setattr(
        "inspections.findings.views.local_today", lambda: due + dt.timedelta(days=3)
    )
    from tests.conftest import login

    home = app.test_client()
    login(home, world["enterprise"])
    html = home.get("/").get_data(as_text=True)
    assert "待整改问题" in html and "已逾期3天" in html and "储煤厂房建设面积" in html
    listed = as_(app, world["enterprise"]).get(f"{FINDINGS}?overdue=1").json
    assert [f["id"] for f in listed] == [finding_id]
    # Reported: no longer waiting for the enterprise, so no longer overdue.
    as_(app, world["enterprise"]).post(
        f"{FINDINGS}/{finding_id}/actions", json={"description": "已整改"}
    )
    assert as_(app, world["enterprise"]).get(f"{FINDINGS}?overdue=1").json == []


def test_concurrent_resends_of_one_action_store_one(app, world, started, monkeypatch):
    """Two copies of the same action (a phone retrying) arriving together: one record."""
    import threading

    [finding_id] = submit_with_failures(app, world, started, monkeypatch)
    sessions = [as_(app, world["enterprise"]) for _ in range(4)]
    barrier = threading.Barrier(len(sessions))
    codes = []

    def send(session):
        barrier.wait()
        response = session.post(
            f"{FINDINGS}/{finding_id}/actions", json={"description": "同一条", "client_id": "same"}
        )
        codes.append(response.status_code)

    threads = [threading.Thread(target=send, args=(s,)) for s in sessions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(codes) == [200, 200, 200, 201]
    assert events(app, finding_id) == ["raised", "action"]


def test_the_findings_csv_is_streamed_a_chunk_at_a_time(app, world, monkeypatch):
    """/findings/export.csv sends its rows as they are read: the first chunk leaves before the
    second finding is read (memory stays flat however many there are), and the chunks make
    the same file as reading the whole answer."""
    from checklists.core import tabular
    from tests import test_exports

    keys = [test_exports.failed(app, world)["uuid"] for _ in range(3)]
    client = test_exports.client_of(app, world["supervisor"])
    whole = test_exports.fetch(client, "/findings/export.csv?show=all").data
    monkeypatch.setattr(tabular, "CHUNK_ROWS", 1)
    read: list[int] = []
    rows_of = tabular.Export.rows

    def counted(export):
        for row in rows_of(export):
            read.append(row[0])
            yield row

    monkeypatch.setattr(tabular.Export, "rows", counted)
    response = client.get("/findings/export.csv?show=all")
    try:
        assert response.status_code == 200 and response.is_streamed
        assert response.mimetype == "text/csv" and "Content-Length" not in response.headers
        chunks = iter(response.response)
        first = next(chunks)
        assert len(read) == 1  # one finding read, one sent
        rest = list(chunks)
    finally:
        response.close()
    assert len(read) == 3 and len([c for c in rest if c]) == 2
    assert b"".join([first, *rest]) == whole
    lines = whole.decode("utf-8-sig").splitlines()
    assert lines[0].split(",") == test_exports.headings("findings")
    assert sorted(line.split(",")[3] for line in lines[1:]) == sorted(keys)
