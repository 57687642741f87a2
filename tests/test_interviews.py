"""约谈 (临政办字〔2016〕10号《临淄区安全生产约谈制度》): the due list from real findings
(第三条（二）6, in the calendar year or the rolling 12 months) and overdue hazards (（二）2),
the numbered notice, held → reported with the report due 15 working days later (第七条), the
refusals (404 → 403 → 409 → 422), resends, the overdue check, and the pages."""

from __future__ import annotations

import datetime as dt
import io

import pytest
import sqlalchemy as sa
from pypdf import PdfReader

from checklists.accounts.notifications import Notification
from checklists.core.extensions import db
from inspections.filling.models import Inspection
from inspections.supervision import api as supervision_api
from inspections.supervision import cli as supervision_cli
from inspections.supervision import interview_api, interview_views
from inspections.supervision.models import Interview
from tests import test_inspections, test_workflow
from tests.test_findings import submit_with_failures
from tests.test_inspections import as_, create


@pytest.fixture(autouse=True)
def _regime_reaches_the_fixtures(app):
    """The fixtures' organisations are in 冠县 and 临淄区 (the regime's own region is 临淄区):
    the 挂牌督办 and 约谈 regimes are set to reach every region here (SUPERVISION_REGION empty;
    tests/test_regime_reach.py tests the region)."""
    app.config["SUPERVISION_REGION"] = ""


coal = test_workflow.coal
world = test_inspections.world
started = test_inspections.started

INTERVIEWS = "/api/v1/interviews"
SIXTH_ITEM = "临政办字〔2016〕10号/临淄区安全生产约谈制度/第三条/（二）/6"
SECOND_ITEM = "临政办字〔2016〕10号/临淄区安全生产约谈制度/第三条/（二）/2"
DAY = dt.date(2026, 10, 9)


@pytest.fixture
def today(monkeypatch):
    """The service's day: Friday 2026-10-09 (Saturday 10-10 is a make-up working day)."""
    for module in (interview_api, interview_views, supervision_api):
        monkeypatch.setattr(module, "local_today", lambda: DAY)
    return DAY


def submitted_on(app, days: list[dt.date]) -> None:
    """Move the submitted inspections' submission to ``days`` (08:00 in Shanghai), in order."""
    with app.app_context():
        rows = db.session.scalars(
            sa.select(Inspection)
            .where(Inspection.submitted_at.is_not(None))
            .order_by(Inspection.id)
        ).all()
        assert len(rows) == len(days)
        for inspection, day in zip(rows, days, strict=True):
            inspection.submitted_at = dt.datetime(day.year, day.month, day.day, 0, 0, tzinfo=dt.UTC)
        db.session.commit()


@pytest.fixture
def twice(app, world, started, monkeypatch, today):
    """Two inspections of the own organisation failing the same clause (the area item)."""
    submit_with_failures(app, world, started, monkeypatch)
    session = as_(app, world["inspector"])
    key = create(session, world).json["uuid"]
    submit_with_failures(app, world, (session, key), monkeypatch)
    return world


def due(app, user):
    return as_(app, user).get(f"{INTERVIEWS}/due")


def test_the_due_list_from_findings_in_the_calendar_year_by_default(app, twice):
    world = twice
    submitted_on(app, [dt.date(2026, 3, 1), dt.date(2026, 9, 30)])
    answer = due(app, world["supervisor"])
    assert answer.status_code == 200, answer.json
    [entry] = answer.json
    assert entry["organisation_id"] == world["own"].id
    assert entry["organisation"] == world["own"].name
    assert entry["trigger"] == "repeat_violation" and entry["clause_key"] == SIXTH_ITEM
    assert "2026-03-01" in entry["reason"] and "2026-09-30" in entry["reason"]
    assert len(entry["inspection_ids"]) == 2
    # Another region's supervisor sees nothing; enterprises, inspectors and authors may not ask.
    assert due(app, world["far_supervisor"]).json == []
    for role in ("enterprise", "inspector", "author"):
        assert due(app, world[role]).status_code == 403, role
    # Across new year: not 年内 in the calendar year.
    submitted_on(app, [dt.date(2025, 12, 20), dt.date(2026, 1, 5)])
    assert due(app, world["supervisor"]).json == []


@pytest.mark.parametrize(
    ("first", "expected"),
    [
        (dt.date(2025, 12, 20), True),  # last calendar year, but within 12 months
        (dt.date(2025, 10, 10), True),  # the first day of the 12 months
        (dt.date(2025, 10, 9), False),  # a year before the day: no longer counts
    ],
)
def test_the_rolling_window_spans_the_year_end(app, twice, first, expected):
    app.config["INTERVIEW_WINDOW"] = "rolling_12_months"
    submitted_on(app, [first, dt.date(2026, 9, 30)])
    found = due(app, twice["supervisor"]).json
    assert bool(found) is expected, found


def test_notified_held_reported_with_the_report_due_in_15_working_days(app, twice):
    world = twice
    supervisor, enterprise = as_(app, world["supervisor"]), as_(app, world["enterprise"])
    submitted_on(app, [dt.date(2026, 3, 1), dt.date(2026, 9, 30)])
    [entry] = due(app, world["supervisor"]).json
    body = {
        "client_id": "iv-1",
        "organisation_id": entry["organisation_id"],
        "trigger": entry["trigger"],
        "reason": entry["reason"],
        "clause_key": entry["clause_key"],
        "scheduled_at": "2026-10-15T09:30:00+08:00",
        "place": "区安委会办公室",
    }
    made = supervisor.post(INTERVIEWS, json=body)
    assert made.status_code == 201, made.json
    record = made.json
    assert record["number"] == "约谈〔2026〕0001号" and record["status"] == "notified"
    assert record["clause_key"] == SIXTH_ITEM and "年内两次" in record["clause_text"]
    assert record["next_step"] == "held" and len(record["inspection_ids"]) == 2
    # A resend answers the same record; the due list is empty once it is scheduled.
    again = supervisor.post(INTERVIEWS, json=body)
    assert again.status_code == 200 and again.json["id"] == record["id"]
    assert due(app, world["supervisor"]).json == []
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Interview)) == 1
    base = f"{INTERVIEWS}/{record['id']}"
    assert enterprise.get(base).status_code == 200
    assert [i["id"] for i in enterprise.get(INTERVIEWS).json] == [record["id"]]

    # Out of order: the report before the interview names the step due first.
    early = enterprise.post(f"{base}/report", json={"text": "已整改"})
    assert early.status_code == 409 and early.json["error"]["code"] == "out_of_order"
    assert "记录约谈" in early.json["error"]["message"]
    # Wrong role before the order and the body.
    assert enterprise.post(f"{base}/held", json={"minutes": 5}).status_code == 403
    assert supervisor.post(f"{base}/report", json={}).status_code == 403
    bad = supervisor.post(f"{base}/held", json={"minutes": "", "held_on": "2026-10-10"})
    assert bad.status_code == 422
    assert bad.json["error"]["fields"] == {
        "minutes": "此项为必填项。",
        "held_on": "不能是将来的日期。",
    }
    held_body = {
        "attendees": ["王强", "李明"],
        "minutes": "企业承诺一个月内完成储煤厂房扩建",
        "commitments": "10月底前完成",
        "held_on": "2026-10-09",
    }
    held = supervisor.post(f"{base}/held", json=held_body)
    assert held.status_code == 201, held.json
    # 15 working days after Friday 10-09: Saturday 10-10 is worked, so Thursday 10-29.
    assert held.json["status"] == "held" and held.json["report_due_on"] == "2026-10-29"
    calculator = supervisor.get("/api/v1/calendar/deadline?start=2026-10-09&n=15").json
    assert calculator["due_on"] == held.json["report_due_on"]
    assert held.json["attendees"] == ["王强", "李明"]
    resent = supervisor.post(f"{base}/held", json=held_body)
    assert resent.status_code == 200 and len(resent.json["events"]) == 2
    late = supervisor.post(f"{base}/held", json={"minutes": "另一份"})
    assert late.status_code == 409 and late.json["error"]["code"] == "already_done"
    empty = enterprise.post(f"{base}/report", json={})
    assert empty.status_code == 422 and empty.json["error"]["fields"] == {"text": "此项为必填项。"}
    reported = enterprise.post(f"{base}/report", json={"text": "已完成扩建并全封闭"})
    assert reported.status_code == 201 and reported.json["status"] == "reported"
    assert enterprise.post(f"{base}/report", json={"text": "已完成扩建并全封闭"}).status_code == 200
    assert [e["kind"] for e in reported.json["events"]] == ["notified", "held", "report"]
    with app.app_context():
        told = db.session.scalars(
            sa.select(Notification.user_id).where(Notification.kind == "interview")
        ).all()
    assert world["enterprise"].id in told and world["supervisor"].id in told


def test_scope_roles_and_bad_bodies(app, world, today):
    supervisor = as_(app, world["supervisor"])
    made = supervisor.post(
        INTERVIEWS,
        json={
            "client_id": "m-1",
            "organisation_id": world["own"].id,
            "trigger": "manual",
            "reason": "多次拒不配合执法检查",
        },
    )
    assert made.status_code == 201, made.json
    assert made.json["clause_key"].endswith("第三条/（二）/7")
    base = f"{INTERVIEWS}/{made.json['id']}"
    for outsider in ("foreign_enterprise", "far_supervisor", "author", "inspector"):
        session = as_(app, world[outsider])
        assert session.get(base).status_code == 404, outsider
        assert session.post(f"{base}/held", json={}).status_code == 404, outsider
        assert session.get(f"/interviews/{made.json['id']}").status_code == 404, outsider
    for role in ("enterprise", "inspector", "author"):
        refused = as_(app, world[role]).post(INTERVIEWS, json={"client_id": "x"})
        assert refused.status_code == 403, role
    refused = supervisor.post(
        INTERVIEWS,
        json={
            "client_id": "m-2",
            "organisation_id": world["foreign"].id,
            "trigger": "manual",
            "reason": "",
            "clause_key": "别的/条款",
        },
    )
    assert refused.status_code == 422
    assert set(refused.json["error"]["fields"]) == {"organisation_id", "reason", "clause_key"}
    reused = supervisor.post(
        INTERVIEWS,
        json={
            "client_id": "m-1",
            "organisation_id": world["own"].id,
            "trigger": "manual",
            "reason": "另一个理由",
        },
    )
    assert reused.status_code == 409 and reused.json["error"]["code"] == "id_reused"


def test_an_overdue_hazard_is_due_and_a_late_report_is_flagged_once(app, world, monkeypatch):
    supervisor, enterprise = as_(app, world["supervisor"]), as_(app, world["enterprise"])
    for module in (interview_api, interview_views, supervision_api):
        monkeypatch.setattr(module, "local_today", lambda: DAY)
    hazard = supervisor.post(
        "/api/v1/hazards",
        json={"organisation_id": world["own"].id, "description": "未封闭", "n": 1, "unit": "day"},
    ).json
    assert hazard["due_on"] == "2026-10-10"
    later = dt.date(2026, 10, 12)
    for module in (interview_api, interview_views, supervision_api):
        monkeypatch.setattr(module, "local_today", lambda: later)
    [entry] = due(app, world["supervisor"]).json
    assert entry["trigger"] == "hazard_overdue" and entry["clause_key"] == SECOND_ITEM
    assert entry["hazard_id"] == hazard["id"] and hazard["number"] in entry["reason"]
    made = supervisor.post(
        INTERVIEWS,
        json={
            "client_id": "h-1",
            "organisation_id": world["own"].id,
            "trigger": "hazard_overdue",
            "reason": entry["reason"],
        },
    ).json
    assert made["hazard_id"] == hazard["id"] and "久拖不改" in made["clause_text"]
    assert due(app, world["supervisor"]).json == []
    held = supervisor.post(
        f"{INTERVIEWS}/{made['id']}/held", json={"minutes": "限期整改", "held_on": "2026-10-12"}
    ).json
    assert held["report_due_on"] == "2026-11-02"  # 15 working days after Monday 10-12
    runner = app.test_cli_runner()
    monkeypatch.setattr(supervision_cli, "local_today", lambda: dt.date(2026, 11, 3))
    result = runner.invoke(args=["supervision", "check-overdue"])
    assert result.exit_code == 0, result.output
    assert "约谈〔2026〕0001号" in result.output
    again = runner.invoke(args=["supervision", "check-overdue"])
    assert "约谈〔2026〕0001号" not in again.output
    record = enterprise.get(f"{INTERVIEWS}/{made['id']}").json
    assert record["overdue_since"] == "2026-11-03"
    assert [e["kind"] for e in record["events"]] == ["notified", "held", "overdue"]
    with app.app_context():
        told = db.session.scalars(
            sa.select(Notification.user_id).where(
                Notification.kind == "interview", Notification.text.contains("逾期")
            )
        ).all()
    assert sorted(set(told)) == sorted({world["enterprise"].id, world["supervisor"].id})


def test_the_pages_schedule_walk_and_print(app, twice):
    world = twice
    supervisor, enterprise = as_(app, world["supervisor"]), as_(app, world["enterprise"])
    submitted_on(app, [dt.date(2026, 3, 1), dt.date(2026, 9, 30)])
    page = supervisor.get("/interviews/").get_data(as_text=True)
    assert world["own"].name in page and "安排约谈" in page and "第三条（二）6" in page
    made = supervisor.post(
        "/interviews/new",
        data={
            "organisation_id": str(world["own"].id),
            "trigger": "repeat_violation",
            "clause_key": SIXTH_ITEM,
            "reason": "年内两次发现储煤厂房面积不足",
            "scheduled_at": "2026-10-15T09:30",
            "place": "区安委会办公室",
            "client_id": "page-1",
        },
    )
    assert made.status_code == 303, made.get_data(as_text=True)
    interview_id = int(made.headers["Location"].rsplit("/", 1)[1])
    assert "安排约谈" not in supervisor.get("/interviews/").get_data(as_text=True)
    show = supervisor.get(f"/interviews/{interview_id}").get_data(as_text=True)
    assert 'id="step-held"' in show and "约谈〔2026〕0001号" in show
    early = enterprise.post(f"/interviews/{interview_id}/report", data={"text": "x"})
    assert early.status_code == 409
    empty = supervisor.post(f"/interviews/{interview_id}/held", data={"minutes": ""})
    assert empty.status_code == 422 and "此项为必填项" in empty.get_data(as_text=True)
    held = supervisor.post(
        f"/interviews/{interview_id}/held",
        data={"attendees": "王强\n李明", "minutes": "限期整改", "held_on": "2026-10-09"},
    )
    assert held.status_code == 303
    mine = enterprise.get("/interviews/").get_data(as_text=True)
    assert "约谈〔2026〕0001号" in mine and "2026年10月29日" in mine
    assert 'id="step-report"' in enterprise.get(f"/interviews/{interview_id}").get_data(
        as_text=True
    )
    done = enterprise.post(f"/interviews/{interview_id}/report", data={"text": "已完成整改"})
    assert done.status_code == 303
    notice = enterprise.get(f"/interviews/{interview_id}/notice").get_data(as_text=True)
    for text in ("临淄区安全生产委员会", "约谈〔2026〕0001号", world["own"].name, "年内两次"):
        assert text in notice, text
    assert "区安委会办公室" in notice and "09:30" in notice, notice[
        notice.find("<ol>") : notice.find("</ol>")
    ]
    printed = enterprise.get(f"/interviews/{interview_id}/notice.pdf")
    assert printed.status_code == 200 and printed.mimetype == "application/pdf"
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(printed.data)).pages)
    assert "约谈〔2026〕0001号" in text and world["own"].name in text
