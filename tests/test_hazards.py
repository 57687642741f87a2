"""挂牌督办 → 销号 (临政办字〔2016〕10号 第五条–第十条) through the API and the pages: listing a
hazard from a finding or directly, every step in its order, the refusals (404 → 403 → 409 →
422), resends, deadlines on the official calendar, the overdue check's 通报批评, the notice."""

from __future__ import annotations

import datetime as dt
import io

import pytest
import sqlalchemy as sa
from openpyxl import load_workbook
from pypdf import PdfReader

from checklists.accounts.notifications import Notification
from checklists.core.extensions import db
from checklists.standards.models import Clause
from inspections.supervision import api as supervision_api
from inspections.supervision import cli as supervision_cli
from inspections.supervision import views as supervision_views
from inspections.supervision.models import Hazard, HazardEvent
from tests import test_inspections, test_workflow
from tests.test_findings import submit_with_failures
from tests.test_inspections import as_, jpeg


@pytest.fixture(autouse=True)
def _regime_reaches_the_fixtures(app):
    """The fixtures' organisations are in 冠县 and 临淄区 (the regime's own region is 临淄区):
    the 挂牌督办 and 约谈 regimes are set to reach every region here (SUPERVISION_REGION empty;
    tests/test_regime_reach.py tests the region)."""
    app.config["SUPERVISION_REGION"] = ""


coal = test_workflow.coal
world = test_inspections.world
started = test_inspections.started

HAZARDS = "/api/v1/hazards"
SEVENTH = "临政办字〔2016〕10号/临淄区重大安全生产隐患挂牌督办办法/第七条"
PLAN = {
    "responsibility": "总经理王强负总责，安全科李明具体落实",
    "measures": "扩建储煤厂房至520平方米并全封闭",
    "funds": "自筹资金35万元，已列入本年度预算",
    "deadline": "2026-10-28",
    "emergency_plan": "施工期间启用临时苫盖和喷淋，制定扬尘应急预案",
    "monitoring": "安全科每日巡查并拍照记录，视频监控全覆盖",
}


@pytest.fixture
def today(monkeypatch):
    """The service's day for the API and the pages: Friday 2026-10-09 (Saturday 10-10 is a
    make-up working day)."""
    day = dt.date(2026, 10, 9)
    monkeypatch.setattr(supervision_api, "local_today", lambda: day)
    monkeypatch.setattr(supervision_views, "local_today", lambda: day)
    return day


@pytest.fixture
def finding_id(app, world, started, monkeypatch):
    """A finding of the own organisation raised on 2026-09-30, due 2026-10-30 (its clause's
    one month)."""
    [found] = submit_with_failures(app, world, started, monkeypatch)
    return found


def kinds(app, hazard_id) -> list[str]:
    with app.app_context():
        return list(
            db.session.scalars(
                sa.select(HazardEvent.kind)
                .where(HazardEvent.hazard_id == hazard_id)
                .order_by(HazardEvent.id)
            )
        )


def step(session, hazard_id, name, body=None):
    return session.post(f"{HAZARDS}/{hazard_id}/{name}", json=body if body is not None else {})


def test_a_hazard_goes_from_listing_to_closing(app, world, finding_id, today):
    supervisor, enterprise = as_(app, world["supervisor"]), as_(app, world["enterprise"])

    # 第五条: listed from a finding, with a numbered notice; its clause and deadline are kept.
    listed = supervisor.post(HAZARDS, json={"finding_id": finding_id, "client_id": "h-1"})
    assert listed.status_code == 201, listed.json
    hazard = listed.json
    base = f"{HAZARDS}/{hazard['id']}"
    finding = enterprise.get(f"/api/v1/findings/{finding_id}").json
    assert hazard["status"] == "listed" and hazard["number"] == "督办〔2026〕0001号"
    assert hazard["due_on"] == finding["due_on"] == "2026-10-30"
    assert hazard["finding_id"] == finding_id and hazard["next_step"] == "receipt"
    assert hazard["clause"]["key"] == finding["clause_key"]
    assert hazard["clause"]["text_hash"] == finding["clause_text_hash"]
    assert hazard["clause"]["document_number"] == finding["document_number"]
    assert hazard["title"] == finding["prompt"] and finding["reason"] in hazard["description"]
    assert [e["kind"] for e in hazard["events"]] == ["listed"]
    assert hazard["events"][0]["actor"] == world["supervisor"].name

    # A resend lists nothing twice; another listing of the same finding is refused.
    again = supervisor.post(HAZARDS, json={"finding_id": finding_id, "client_id": "h-1"})
    assert again.status_code == 200 and again.json["id"] == hazard["id"]
    twice = supervisor.post(HAZARDS, json={"finding_id": finding_id, "client_id": "h-2"})
    assert twice.status_code == 409 and twice.json["error"]["code"] == "already_listed"
    assert "督办〔2026〕0001号" in twice.json["error"]["message"]
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Hazard)) == 1
    # The enterprise was told.
    with app.app_context():
        told = db.session.scalars(
            sa.select(Notification.text).where(Notification.user_id == world["enterprise"].id)
        ).all()
    assert any("督办〔2026〕0001号" in text for text in told)

    # Out of order: the plan before the receipt names the receipt.
    early = step(enterprise, hazard["id"], "plan", PLAN)
    assert early.status_code == 409 and early.json["error"]["code"] == "out_of_order"
    assert "须先完成“签收回执”" in early.json["error"]["message"]

    # 第五条（四）: the receipt; the user and the time are recorded; a resend answers 200.
    receipt = step(enterprise, hazard["id"], "receipt", {"signer": "张三", "note": "已收到"})
    assert receipt.status_code == 201 and receipt.json["status"] == "acknowledged"
    assert receipt.json["step"]["actor"] == world["enterprise"].name
    assert receipt.json["step"]["data"]["signer"] == "张三"
    resent = step(enterprise, hazard["id"], "receipt", {"signer": "张三", "note": "已收到"})
    assert resent.status_code == 200 and resent.json["step"]["id"] == receipt.json["step"]["id"]
    late = step(enterprise, hazard["id"], "receipt", {"signer": "李四"})
    assert late.status_code == 409 and late.json["error"]["code"] == "already_done"
    assert "整改方案" in late.json["error"]["message"]

    # 第七条: the plan needs the six 落实, each named in Chinese when missing.
    missing = step(enterprise, hazard["id"], "plan", {"measures": "扩建"})
    assert missing.status_code == 422
    assert set(missing.json["error"]["fields"]) == {
        "responsibility",
        "funds",
        "deadline",
        "emergency_plan",
        "monitoring",
    }
    assert missing.json["error"]["fields"]["funds"] == "此项为必填项。"
    bad_day = step(enterprise, hazard["id"], "plan", {**PLAN, "deadline": "10月28日"})
    assert bad_day.status_code == 422
    assert bad_day.json["error"]["fields"] == {"deadline": "请按 YYYY-MM-DD 格式填写日期。"}
    plan = step(enterprise, hazard["id"], "plan", {**PLAN, "client_id": "p-1"})
    assert plan.status_code == 201 and plan.json["status"] == "rectifying"
    assert plan.json["plan"] == PLAN and plan.json["next_step"] == "closure-report"
    assert step(enterprise, hazard["id"], "plan", {**PLAN, "client_id": "p-1"}).status_code == 200
    reused = step(enterprise, hazard["id"], "plan", {**PLAN, "funds": "1元", "client_id": "p-1"})
    assert reused.status_code == 409 and reused.json["error"]["code"] == "id_reused"

    # Roles: the supervisor files no closure report, the enterprise confirms nothing.
    assert step(supervisor, hazard["id"], "closure-report", {"report": "x"}).status_code == 403
    assert step(enterprise, hazard["id"], "confirm", {"outcome": "confirmed"}).status_code == 403
    # The township cannot confirm before the report is filed.
    early = step(supervisor, hazard["id"], "confirm", {"outcome": "confirmed"})
    assert early.status_code == 409 and "隐患整改销号报告" in early.json["error"]["message"]

    # 第七条: the closure report with a photo sent first.
    photo = enterprise.post(f"{base}/files", data={"file": (io.BytesIO(jpeg()), "after.jpg")})
    assert photo.status_code == 201 and photo.json["event_id"] is None
    report = step(enterprise, hazard["id"], "closure-report", {"report": "厂房已扩建并封闭"})
    assert report.status_code == 201 and report.json["status"] == "closure_requested"
    assert report.json["step"]["files"] == [photo.json["id"]]

    # The township returns it (a note is required), then confirms the next report.
    no_note = step(supervisor, hazard["id"], "confirm", {"outcome": "returned"})
    assert no_note.status_code == 422 and "note" in no_note.json["error"]["fields"]
    returned = step(supervisor, hazard["id"], "confirm", {"outcome": "returned", "note": "缺照片"})
    assert returned.status_code == 201 and returned.json["status"] == "rectifying"
    assert step(enterprise, hazard["id"], "closure-report", {"report": "已补充"}).status_code == 201
    confirmed = step(supervisor, hazard["id"], "confirm", {"outcome": "confirmed"})
    assert confirmed.status_code == 201 and confirmed.json["status"] == "confirmed"
    assert confirmed.json["step"]["data"]["region"] == "冠县"

    # 第八条: experts (an outside one by name) find it not put right: a new deadline counted
    # from today on the official calendar (Saturday 10-10 is a make-up working day).
    failed = step(
        supervisor,
        hazard["id"],
        "verification",
        {
            "outcome": "failed",
            "verifiers": ["李工（外聘专家）", "王科长"],
            "report": "封闭不完整",
            "n": 3,
            "unit": "working_day",
        },
    )
    assert failed.status_code == 201 and failed.json["status"] == "rectifying"
    assert failed.json["due_on"] == "2026-10-13"
    assert failed.json["step"]["data"]["due_on"] == ["2026-10-30", "2026-10-13"]
    assert failed.json["step"]["data"]["verifiers"] == ["李工（外聘专家）", "王科长"]

    # Round two: report, confirmation, verification passed, 销号.
    assert (
        step(enterprise, hazard["id"], "closure-report", {"report": "全部封闭"}).status_code == 201
    )
    assert step(supervisor, hazard["id"], "confirm", {"outcome": "confirmed"}).status_code == 201
    passed = step(
        supervisor,
        hazard["id"],
        "verification",
        {"outcome": "passed", "verifiers": ["李工（外聘专家）"], "report": "整改到位"},
    )
    assert passed.status_code == 201 and passed.json["status"] == "verified"
    assert passed.json["step"]["data"]["verified_on"] == today.isoformat()
    closed = step(supervisor, hazard["id"], "close", {"note": "资料已归档"})
    assert closed.status_code == 201 and closed.json["status"] == "closed"
    assert closed.json["closed_at"] is not None and closed.json["next_step"] is None
    assert step(supervisor, hazard["id"], "close", {"note": "资料已归档"}).status_code == 200
    after = step(enterprise, hazard["id"], "closure-report", {"report": "again"})
    assert after.status_code == 409 and after.json["error"]["code"] == "closed"

    assert kinds(app, hazard["id"]) == [
        "listed",
        "receipt",
        "plan",
        "closure_report",
        "confirm",
        "closure_report",
        "confirm",
        "verification",
        "closure_report",
        "confirm",
        "verification",
        "close",
    ]
    history = enterprise.get(base).json
    assert [e["data"]["status"] for e in history["events"][1:3]] == [
        ["listed", "acknowledged"],
        ["acknowledged", "rectifying"],
    ]
    assert [h["id"] for h in supervisor.get(f"{HAZARDS}?status=closed").json] == [hazard["id"]]
    assert supervisor.get(f"{HAZARDS}?status=listed").json == []


def test_scope_and_roles_are_checked_first(app, world, finding_id, today):
    listed = as_(app, world["supervisor"]).post(HAZARDS, json={"finding_id": finding_id})
    hazard_id = listed.json["id"]
    # Another organisation's (or another region's) hazard is missing, whatever the step.
    for outsider in ("foreign_enterprise", "far_supervisor", "author"):
        session = as_(app, world[outsider])
        assert session.get(f"{HAZARDS}/{hazard_id}").status_code == 404, outsider
        assert session.get(f"/hazards/{hazard_id}").status_code == 404, outsider
        assert step(session, hazard_id, "receipt").status_code == 404, outsider
        assert step(session, hazard_id, "confirm", {"outcome": "x"}).status_code == 404
        assert session.get(HAZARDS).json == [], outsider
    assert step(as_(app, world["foreign_enterprise"]), 10**9, "receipt").status_code == 404
    # The inspector of the finding sees it, but takes no step.
    inspector = as_(app, world["inspector"])
    assert inspector.get(f"{HAZARDS}/{hazard_id}").status_code == 200
    assert step(inspector, hazard_id, "receipt").status_code == 403
    # Only supervisors (and administrators) list hazards.
    for role in ("enterprise", "inspector", "author"):
        refused = as_(app, world[role]).post(HAZARDS, json={"finding_id": finding_id})
        assert refused.status_code == 403, role
    # Wrong role before wrong order, wrong order before a bad body.
    enterprise = as_(app, world["enterprise"])
    assert step(enterprise, hazard_id, "close", {"note": 5}).status_code == 403
    bad = step(enterprise, hazard_id, "plan", {"funds": 5})
    assert bad.status_code == 409 and "签收回执" in bad.json["error"]["message"]
    typed = step(enterprise, hazard_id, "receipt", {"signer": 5, "unknown": 1})
    assert typed.status_code == 422
    assert typed.json["error"]["fields"] == {"signer": "必须是文本。", "unknown": "未知字段。"}


def test_direct_listing_with_a_clause_and_the_default_deadline(app, world, today):
    supervisor = as_(app, world["supervisor"])
    with app.app_context():
        clause = db.session.scalar(sa.select(Clause).where(Clause.key == SEVENTH))
    body = {
        "organisation_id": world["own"].id,
        "description": "储煤场未按规定封闭，责令停产整改",
        "clause_id": clause.id,
    }
    made = supervisor.post(HAZARDS, json=body)
    assert made.status_code == 201, made.json
    # 30 working days (HAZARD_DEADLINE) after Friday 2026-10-09, counting Saturday 10-10.
    assert made.json["due_on"] == "2026-11-19"
    assert (made.json["deadline"]["n"], made.json["deadline"]["unit"]) == (30, "working_day")
    calculator = supervisor.get("/api/v1/calendar/deadline?start=2026-10-09&n=30").json
    assert calculator["due_on"] == made.json["due_on"]
    assert made.json["clause"] == {
        "id": clause.id,
        "document_number": "临政办字〔2016〕10号",
        "document_version": 1,
        "key": SEVENTH,
        "text": clause.text,
        "text_hash": clause.text_hash,
        "citation": made.json["clause"]["citation"],
    }
    assert made.json["finding_id"] is None and made.json["title"] == body["description"]
    # A period in the request: 5 working days (10-10, 12, 13, 14, 15).
    timed = supervisor.post(HAZARDS, json={**body, "n": 5, "unit": "working_day"})
    assert timed.json["due_on"] == "2026-10-15" and timed.json["number"].endswith("0002号")
    # A setting of another period (5 days: 10-14).
    app.config["HAZARD_DEADLINE"] = "5:day"
    assert supervisor.post(HAZARDS, json=body).json["due_on"] == "2026-10-14"


def test_a_bad_listing_is_refused_field_by_field_in_chinese(app, world, today):
    supervisor = as_(app, world["supervisor"])
    refused = supervisor.post(
        HAZARDS,
        json={"organisation_id": world["foreign"].id, "description": "", "n": 0, "clause_id": 1},
    )
    assert refused.status_code == 422
    fields = refused.json["error"]["fields"]
    assert fields["organisation_id"] == "没有这个单位。"  # outside the supervisor's region
    assert fields["description"] == "此项为必填项。"
    assert fields["n"].startswith("须为1至")
    typed = supervisor.post(HAZARDS, json={"finding_id": "1", "zz": 1})
    assert typed.status_code == 422 and set(typed.json["error"]["fields"]) == {"finding_id", "zz"}


def test_the_overdue_check_issues_one_numbered_criticism(app, world, today, monkeypatch):
    supervisor = as_(app, world["supervisor"])
    made = supervisor.post(
        HAZARDS,
        json={"organisation_id": world["own"].id, "description": "未封闭", "n": 1, "unit": "day"},
    ).json
    assert made["due_on"] == "2026-10-10"
    later = dt.date(2026, 10, 12)
    monkeypatch.setattr(supervision_cli, "local_today", lambda: later)
    monkeypatch.setattr(supervision_api, "local_today", lambda: later)
    runner = app.test_cli_runner()
    result = runner.invoke(args=["supervision", "check-overdue"])
    assert result.exit_code == 0, result.output
    assert "督办〔2026〕0001号" in result.output
    again = runner.invoke(args=["supervision", "check-overdue"])
    assert "0" in again.output and "督办〔2026〕0001号" not in again.output
    hazard = as_(app, world["enterprise"]).get(f"{HAZARDS}/{made['id']}").json
    assert [e["kind"] for e in hazard["events"]] == ["listed", "overdue", "criticism"]
    [criticism] = hazard["criticisms"]
    assert criticism["number"] == "通报〔2026〕0001号" and criticism["due_on"] == "2026-10-10"
    assert "通报批评" in criticism["text"] and world["own"].name in criticism["text"]
    assert hazard["overdue"] is True and hazard["status"] == "listed"
    overdue = supervisor.get(f"{HAZARDS}?overdue=1").json
    assert [h["id"] for h in overdue] == [made["id"]]
    page = as_(app, world["enterprise"]).get(criticism["url"])
    assert page.status_code == 200 and "通报〔2026〕0001号" in page.get_data(as_text=True)
    with app.app_context():
        told = db.session.scalars(
            sa.select(Notification.user_id).where(Notification.kind == "hazard")
        ).all()
    assert world["enterprise"].id in told and world["supervisor"].id in told
    assert world["far_supervisor"].id not in told


def test_the_notice_names_everything_and_has_a_receipt(app, world, finding_id, today):
    supervisor, enterprise = as_(app, world["supervisor"]), as_(app, world["enterprise"])
    made = supervisor.post(HAZARDS, json={"finding_id": finding_id}).json
    step(enterprise, made["id"], "receipt", {"signer": "张三"})
    page = enterprise.get(f"/hazards/{made['id']}/notice")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    for text in (
        "临淄区安全生产委员会",
        "督办〔2026〕0001号",
        "重大安全生产隐患挂牌督办通知书",
        world["own"].name,
        made["title"],
        "督办事项",
        "整改完成期限",
        "2026年10月30日",
        made["clause"]["text"][:20],
        "签收回执",
        "张三",
        "六落实",
    ):
        assert text in html, text
    pdf = enterprise.get(f"/hazards/{made['id']}/notice.pdf")
    assert pdf.status_code == 200 and pdf.mimetype == "application/pdf"
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.data)).pages)
    assert "督办〔2026〕0001号" in text and "签收回执" in text


def test_the_pages_list_and_walk_a_hazard(app, world, finding_id, today):
    supervisor, enterprise = as_(app, world["supervisor"]), as_(app, world["enterprise"])
    form = supervisor.get(f"/hazards/new?finding_id={finding_id}")
    assert form.status_code == 200 and "挂牌并下达督办通知书" in form.get_data(as_text=True)
    listed = supervisor.post(
        "/hazards/new", data={"finding_id": str(finding_id), "client_id": "page-1"}
    )
    assert listed.status_code == 303
    hazard_id = int(listed.headers["Location"].rsplit("/", 1)[1])
    register = supervisor.get("/hazards/?show=active").get_data(as_text=True)
    assert "督办〔2026〕0001号" in register and "已挂牌，待签收" in register
    mine = enterprise.get("/hazards/").get_data(as_text=True)
    assert "下一步" in mine and "签收回执" in mine
    show = enterprise.get(f"/hazards/{hazard_id}").get_data(as_text=True)
    assert 'id="step-receipt"' in show and 'id="step-confirm"' not in show
    signed = enterprise.post(f"/hazards/{hazard_id}/receipt", data={"signer": "张三"})
    assert signed.status_code == 303
    empty = enterprise.post(f"/hazards/{hazard_id}/plan", data={"measures": "扩建"})
    assert empty.status_code == 422 and "此项为必填项" in empty.get_data(as_text=True)
    assert enterprise.post(f"/hazards/{hazard_id}/plan", data=PLAN).status_code == 303
    assert kinds(app, hazard_id) == ["listed", "receipt", "plan"]
    out_of_order = supervisor.post(f"/hazards/{hazard_id}/close", data={})
    assert out_of_order.status_code == 409
    assert "须先完成" in out_of_order.get_data(as_text=True)
    csv = supervisor.get("/hazards/export.csv?show=all")
    assert csv.status_code == 200 and "督办〔2026〕0001号" in csv.get_data(as_text=True)


def test_the_register_filters_by_township_and_downloads_as_excel(app, world, finding_id):
    """The register by region (a county with its townships, or one township), and the same
    register as a workbook: a frozen header, a formula-looking title kept as text."""
    supervisor = as_(app, world["supervisor"])
    listed = supervisor.post(
        HAZARDS,
        json={"finding_id": finding_id, "client_id": "xl-1", "title": '=HYPERLINK("x")'},
    )
    assert listed.status_code == 201
    with app.app_context():
        own = db.session.get(type(world["own"]), world["own"].id)
        county = own.region
    here = supervisor.get(f"/hazards/?show=all&region_id={county.id}").get_data(as_text=True)
    assert listed.json["number"] in here
    elsewhere = supervisor.get("/hazards/?show=all&region_id=999999").get_data(as_text=True)
    assert listed.json["number"] not in elsewhere
    book = supervisor.get(f"/hazards/export.xlsx?show=all&region_id={county.id}")
    assert book.status_code == 200 and book.mimetype.endswith("spreadsheetml.sheet")
    sheet = load_workbook(io.BytesIO(book.data))["挂牌督办台账"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1][0] == listed.json["number"] and rows[1][2] == '=HYPERLINK("x")'
    assert sheet.cell(row=2, column=3).data_type == "s"  # text, not a formula
    assert sheet.freeze_panes == "A2"


def test_the_home_page_counts_the_hazards_for_supervisors(app, world, finding_id):
    supervisor = as_(app, world["supervisor"])
    assert supervisor.post(HAZARDS, json={"finding_id": finding_id}).status_code == 201
    home = supervisor.get("/").get_data(as_text=True)
    assert "重大隐患" in home and "1 项已挂牌" in home
    assert "已挂牌" not in as_(app, world["enterprise"]).get("/").get_data(as_text=True)
