"""The 整改通知书 (page and PDF), findings on resubmission, the findings CSV, the overdue check
and its notifications (in the app and by e-mail)."""

from __future__ import annotations

import csv
import datetime as dt
import email
import email.policy
import io
import re
import socket
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa
from babel.dates import format_date
from markupsafe import escape
from pypdf import PdfReader

from checklists.accounts.models import Role
from checklists.accounts.notifications import Notification
from checklists.core import pdf
from checklists.core.clock import local_today
from checklists.core.db import as_utc
from checklists.core.extensions import db
from inspections.filling import workflow
from inspections.findings import deadlines
from inspections.findings.export import COLUMNS as FINDINGS_COLUMNS
from inspections.findings.models import Finding, FindingEvent, RectificationNotice
from tests import test_inspections, test_workflow
from tests.test_inspections import API, answer, as_, create, fill_everything, jpeg, upload
from tests.test_templates import by_prompt

# The inspections' fixtures (assigned, not imported, so that test arguments may share the names):
# the clean-coal template, an own organisation in 冠县 and a foreign one, one user per role, and
# an inspection of the own organisation started by the inspector.
coal = test_workflow.coal
world = test_inspections.world
started = test_inspections.started

AREA, GROUND = "储煤厂房建设面积", "场地地面全部硬化"
NUMBER = re.compile(r"^整改〔(\d{4})〕(\d{4})号$")
CHECK = ["findings", "check-overdue"]
SHANGHAI = ZoneInfo("Asia/Shanghai")


def submit_failing(session, world, key, *, at="2026-11-21T11:00:00+08:00"):
    """Fill inspection ``key`` so that two items fail (the area, with its photo, and the ground
    hardening), submit it; the findings as the API lists them."""
    fill_everything(session, key, world["template"])
    area, ground = (by_prompt(world["template"], p) for p in (AREA, GROUND))
    assert answer(session, key, area, "480", f"f{area.id}", at=at).json["result"] == "fail"
    assert answer(session, key, ground, "no", f"f{ground.id}", at=at).json["result"] == "fail"
    assert upload(session, key, jpeg(), item_id=str(area.id)).status_code == 201
    assert session.post(f"{API}/{key}/submit").status_code == 200
    return session.get(f"{API}/{key}").json["findings"]


def new_failing(app, world, **extra):
    """Another inspection (of the own organisation unless told), submitted with two failures."""
    session = as_(app, world["inspector"])
    key = create(session, world, **extra).json["uuid"]
    return submit_failing(session, world, key)


def notice_of(finding_id: int) -> RectificationNotice:
    db.session.expire_all()
    return db.session.get(Finding, finding_id).notice


def page(session, path: str) -> tuple[int, str]:
    response = session.get(path)
    return response.status_code, response.get_data(as_text=True)


def check_overdue(app):
    return app.test_cli_runner().invoke(args=CHECK)


def overdue_notifications() -> list[Notification]:
    db.session.expire_all()
    return list(
        db.session.scalars(
            sa.select(Notification).where(Notification.kind == "overdue").order_by(Notification.id)
        )
    )


def make_overdue(finding_id: int, days: int = 3) -> Finding:
    """Move the finding's deadline ``days`` into the past, as if time had passed."""
    finding = db.session.get(Finding, finding_id)
    finding.deadline_start = local_today() - dt.timedelta(days=days + 10)
    finding.due_on = local_today() - dt.timedelta(days=days)
    finding.due_at = None
    db.session.commit()
    return finding


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# --- the notice -------------------------------------------------------------------------------


def test_the_notice_lists_its_findings_and_numbers_follow_on(app, world, started):
    session, key = started
    listed = submit_failing(session, world, key)
    assert len(listed) == 2
    [number] = {f["notice_number"] for f in listed}
    year, seq = NUMBER.match(number).groups()
    notice = notice_of(listed[0]["id"])
    assert (notice.number, notice.year, notice.seq) == (number, int(year), int(seq))
    for who in ("enterprise", "inspector"):
        status, html = page(as_(app, world[who]), f"/notices/{notice.id}")
        assert status == 200, who
        assert number in html and "鑫源煤业" in html
        assert "500平方米" in html
        for f in listed:
            assert str(escape(f["clause_text"])) in html, (who, f["clause_key"])
            due = format_date(dt.date.fromisoformat(f["due_on"]), "long", locale="zh")
            assert due in html, (who, due)
    later = new_failing(app, world)
    [later_number] = {f["notice_number"] for f in later}
    assert NUMBER.match(later_number).groups() == (year, f"{int(seq) + 1:04d}")
    foreign = as_(app, world["foreign_enterprise"])
    assert foreign.get(f"/notices/{notice.id}").status_code == 404
    assert foreign.get(f"/notices/{notice.id}.pdf").status_code == 404


def test_the_notice_pdf_has_the_number_the_clause_and_a_chinese_font(app, world, started):
    session, key = started
    listed = submit_failing(session, world, key)
    notice = notice_of(listed[0]["id"])
    response = as_(app, world["enterprise"]).get(f"/notices/{notice.id}.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    reader = PdfReader(io.BytesIO(response.data))
    text = re.sub(r"\s+", "", "".join(p.extract_text() for p in reader.pages))
    assert notice.number in text and "500平方米" in text
    base_fonts = []
    for p in reader.pages:
        for font in p["/Resources"]["/Font"].values():
            font = font.get_object()
            base_fonts.append(str(font["/BaseFont"]))
            for descendant in font.get("/DescendantFonts", []):
                base_fonts.append(str(descendant.get_object()["/BaseFont"]))
    assert any("CJK" in name for name in base_fonts), base_fonts


def test_without_a_chinese_font_the_pdf_is_refused_with_a_reason(app, world, started, monkeypatch):
    session, key = started
    listed = submit_failing(session, world, key)
    monkeypatch.setattr(pdf, "chinese_font", lambda: None)
    status, html = page(session, f"/notices/{notice_of(listed[0]['id']).id}.pdf")
    assert status == 503 and "字体" in html


# --- resubmission -----------------------------------------------------------------------------


def test_a_resubmission_withdraws_what_now_passes_and_supersedes_the_notice(app, world, started):
    session, key = started
    listed = submit_failing(session, world, key)
    by_item = {f["item_id"]: f for f in listed}
    area, ground = (by_prompt(world["template"], p) for p in (AREA, GROUND))
    old = notice_of(listed[0]["id"])
    supervisor = as_(app, world["supervisor"])
    back = supervisor.post(f"{API}/{key}/return", json={"comment": "面积请复核"})
    assert back.status_code == 200
    fixed = answer(session, key, area, "520", "fixed", at="2026-11-21T12:00:00+08:00")
    assert fixed.json["result"] == "pass"
    assert session.post(f"{API}/{key}/submit").status_code == 200
    shown = {f["item_id"]: f for f in session.get(f"{API}/{key}").json["findings"]}
    assert shown[area.id]["status"] == "withdrawn"
    assert shown[ground.id]["status"] == "open"
    assert shown[ground.id]["id"] == by_item[ground.id]["id"]
    kinds = db.session.scalars(
        sa.select(FindingEvent.kind).where(FindingEvent.finding_id == by_item[area.id]["id"])
    ).all()
    assert "withdrawn" in kinds
    new = notice_of(by_item[ground.id]["id"])
    assert new.id != old.id and new.number != old.number and NUMBER.match(new.number)
    assert shown[ground.id]["notice_number"] == new.number
    db.session.refresh(old)
    assert old.superseded and not new.superseded
    _status, old_page = page(as_(app, world["enterprise"]), f"/notices/{old.id}")
    _status, new_page = page(as_(app, world["enterprise"]), f"/notices/{new.id}")
    assert re.search("已被.*取代", old_page) and not re.search("已被.*取代", new_page)


# --- CSV --------------------------------------------------------------------------------------


def read_csv(session) -> tuple[list[str], list[dict[str, str]]]:
    """The findings CSV: its (Chinese) header, and its rows as dicts by column code."""
    response = session.get("/findings/export.csv?show=all")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    rows = list(csv.reader(io.StringIO(response.data.decode("utf-8-sig"))))
    assert rows[0] == [c.heading for c in FINDINGS_COLUMNS]
    names = [c.name for c in FINDINGS_COLUMNS]
    return rows[0], [dict(zip(names, row, strict=True)) for row in rows[1:]]


def test_the_csv_export_holds_only_the_callers_organisation(app, world, started, make_user):
    session, key = started
    own = submit_failing(session, world, key)
    foreign = new_failing(app, world, organisation_id=world["foreign"].id)
    header, rows = read_csv(as_(app, world["enterprise"]))
    assert {"条款键", "条款原文 SHA-256", "整改期限"} <= set(header)
    assert sorted(int(r["id"]) for r in rows) == sorted(f["id"] for f in own)
    assert {r["organisation"] for r in rows} == {"鑫源煤业"}
    by_id = {int(r["id"]): r for r in rows}
    for f in own:
        row, stored = by_id[f["id"]], db.session.get(Finding, f["id"])
        assert (row["clause_key"], row["due_on"]) == (f["clause_key"], f["due_on"])
        assert row["clause_text_hash"] == stored.clause_text_hash
    _header, everything = read_csv(as_(app, make_user("admin", role=Role.ADMIN)))
    ids = {int(r["id"]) for r in everything}
    assert ids == {f["id"] for f in own + foreign}
    assert {r["organisation"] for r in everything} == {"鑫源煤业", "外单位"}


# --- the overdue check ------------------------------------------------------------------------


def test_check_overdue_flags_once_and_notifies_the_right_people(app, world, started):
    session, key = started
    listed = submit_failing(session, world, key)
    late, on_time = (f["id"] for f in listed)
    make_overdue(late)
    result = check_overdue(app)
    assert result.exit_code == 0, result.output
    total = db.session.scalar(sa.select(sa.func.count(Notification.id)))
    assert f"问题{late}，鑫源煤业" in result.output and f"问题{on_time}，" not in result.output
    notes = overdue_notifications()
    assert {n.user_id for n in notes} == {
        world[who].id for who in ("enterprise", "inspector", "supervisor")
    }
    assert {n.finding_id for n in notes} == {late}
    finding = db.session.get(Finding, late)
    assert finding.overdue_since == local_today()
    assert [e.kind for e in finding.events].count("overdue") == 1
    assert db.session.get(Finding, on_time).overdue_since is None
    again = check_overdue(app)
    assert again.exit_code == 0 and "问题" not in again.output.replace("逾期问题0项", "")
    assert len(overdue_notifications()) == len(notes)
    assert db.session.scalar(sa.select(sa.func.count(Notification.id))) == total
    assert [e.kind for e in db.session.get(Finding, late).events].count("overdue") == 1
    enterprise = as_(app, world["enterprise"])
    [mine] = [n for n in notes if n.user_id == world["enterprise"].id]
    _status, inbox = page(enterprise, "/notifications")
    assert str(escape(mine.text)) in inbox and 'class="badge warn"' in inbox
    read = enterprise.post("/notifications/read")
    assert read.status_code == 303
    _status, inbox = page(enterprise, "/notifications")
    assert str(escape(mine.text)) in inbox and 'class="badge warn"' not in inbox
    db.session.expire_all()
    unread = sa.select(Notification).where(
        Notification.user_id == world["enterprise"].id, Notification.read_at.is_(None)
    )
    assert db.session.scalars(unread).all() == []


# --- deadlines in hours -----------------------------------------------------------------------


def test_an_hours_deadline_runs_from_the_moment_of_submission(app, world, started):
    app.config["FINDING_DEADLINES"] = "critical:2:hour"
    session, key = started
    fill_everything(session, key, world["template"])
    # a critical item whose clause states no time to put it right (二 has 四（二）'s one month)
    critical = by_prompt(world["template"], "无弄虚作假")
    assert critical.fix_n is None
    saved = answer(session, key, critical, "no", "crit", at="2026-11-21T11:00:00+08:00")
    assert saved.json["result"] == "fail"
    inspection = workflow.load_by_uuid(key)
    with app.test_request_context():
        workflow.submit(inspection, world["inspector"], local_today())
        [finding] = db.session.scalars(sa.select(Finding)).all()
        assert (finding.severity, finding.deadline_unit) == ("critical", "hour")
        # both in UTC: the finding may have been read back (SQLite gives naive UTC) when the
        # session's weakly held object was collected before the query
        late = as_utc(finding.due_at) - as_utc(inspection.submitted_at)
    assert abs(late - dt.timedelta(hours=2)) < dt.timedelta(seconds=5), late


def test_a_passed_hours_deadline_is_flagged_and_shown_in_beijing_time(app, world, started):
    session, key = started
    finding_id = submit_failing(session, world, key)[0]["id"]
    finding = db.session.get(Finding, finding_id)
    start = dt.datetime.now(SHANGHAI) - dt.timedelta(minutes=61)
    result = deadlines.compute(start, 1, "hour")  # due a minute ago
    deadlines.apply(finding, start.date(), 1, "hour", result)
    db.session.commit()
    # (Between 00:00 and 01:01 the date alone already makes it overdue; the time shown on the
    # notice is checked either way.)
    _status, html = page(session, f"/notices/{finding.notice_id}")
    cells = re.findall(r'class="due">([^<]*)', html)
    assert any(result.due_at.strftime("%H:%M") in cell for cell in cells), cells
    assert f"问题{finding_id}，" in check_overdue(app).output


# --- e-mail -----------------------------------------------------------------------------------


class Inbox:
    """A real SMTP server on localhost that keeps what it receives."""

    def __init__(self):
        from aiosmtpd.controller import Controller

        self.received: list[tuple[list[str], email.message.EmailMessage]] = []
        self.port = free_port()
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.received.append((list(envelope.rcpt_tos), message))
        return "250 OK"


@pytest.fixture
def inbox():
    server = Inbox()
    server.controller.start()
    yield server
    server.controller.stop()


def mailed(user_id: int) -> list[dt.datetime | None]:
    db.session.expire_all()
    return list(
        db.session.scalars(
            sa.select(Notification.emailed_at).where(Notification.user_id == user_id)
        )
    )


def test_check_overdue_emails_the_enterprise_once(app, world, started, inbox):
    session, key = started
    late = submit_failing(session, world, key)[0]["id"]
    world["enterprise"].email = "ent@example.com"
    make_overdue(late)
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=inbox.port)
    result = check_overdue(app)
    assert result.exit_code == 0, result.output
    to_enterprise = [m for to, m in inbox.received if to == ["ent@example.com"]]
    assert len(to_enterprise) == len(inbox.received) >= 1
    subjects = [str(m["Subject"]) for m in to_enterprise]
    assert all("条款核查" in s for s in subjects)
    assert any("逾期" in s for s in subjects), subjects
    assert None not in mailed(world["enterprise"].id)
    assert set(mailed(world["inspector"].id)) == {None}  # no address: in the app only
    assert f"发送邮件{len(inbox.received)}封" in result.output
    count = len(inbox.received)
    again = check_overdue(app)
    assert again.exit_code == 0 and len(inbox.received) == count
    assert "发送邮件0封" in again.output


def test_without_mail_server_nothing_is_emailed(app, world, started, inbox):
    session, key = started
    late = submit_failing(session, world, key)[0]["id"]
    world["enterprise"].email = "ent@example.com"
    make_overdue(late)
    app.config.update(MAIL_SERVER=None, MAIL_PORT=inbox.port)
    result = check_overdue(app)
    assert result.exit_code == 0, result.output
    assert inbox.received == [] and "发送邮件0封" in result.output
    assert mailed(world["enterprise"].id) and set(mailed(world["enterprise"].id)) == {None}


def test_an_unreachable_mail_server_fails_the_command_and_mail_is_retried(
    app, world, started, inbox
):
    session, key = started
    late = submit_failing(session, world, key)[0]["id"]
    world["enterprise"].email = "ent@example.com"
    make_overdue(late)
    closed = free_port()
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=closed)
    failed = check_overdue(app)
    assert failed.exit_code == 1
    assert "邮件发送失败" in failed.stderr and f"127.0.0.1:{closed}" in failed.stderr
    assert set(mailed(world["enterprise"].id)) == {None}
    app.config["MAIL_PORT"] = inbox.port
    retried = check_overdue(app)
    assert retried.exit_code == 0, retried.output
    assert inbox.received and None not in mailed(world["enterprise"].id)
