"""The credit pages: the register, proposing an entry (with the override a 409 asks for), an
entry walked through its steps on the page, the notices and a PDF, due work, the deposit
ledger, depots and the township cap, the public list (exactly the published entries in their
term, no contact data) and the marks beside a listed organisation's name."""

from __future__ import annotations

import csv
import datetime as dt
import io
import uuid

import pytest
import sqlalchemy as sa

from checklists.accounts.models import OrgKind, Role
from checklists.authoring.models import ChecklistTemplate
from checklists.core.extensions import db
from inspections.credit import api as credit_api
from inspections.credit import entries, views
from inspections.credit.models import CreditEntry, CreditKind, CreditStatus, DepotQualification
from inspections.credit.terms import Case
from inspections.filling import workflow
from inspections.filling.models import Inspection, InspectionStatus
from tests.conftest import login
from tests.test_access_matrix import _templates, _two_versions
from tests.test_browser import _assert_fits_phone, _login, _phone, browser  # noqa: F401
from tests.test_inspections import as_

#: The service's day in these tests: Friday 2026-10-09.
DAY = dt.date(2026, 10, 9)
OWN_CODE = "91371500MA3C12345A"
FOREIGN_CODE = "91371500MA3D54321U"
PHONE = "13912345678"
ADDRESS = "烟庄镇工业园北路8号"


@pytest.fixture(autouse=True)
def _regime_reaches_the_fixtures(app):
    """The blacklist's document governs 临淄区; the fixtures are in 冠县 as well (the test
    of the override sets the region back)."""
    app.config["SUPERVISION_REGION"] = ""


@pytest.fixture
def today(monkeypatch):
    for module in (views, credit_api):
        monkeypatch.setattr(module, "local_today", lambda: DAY)
    return DAY


@pytest.fixture
def people(app, make_region, make_org, make_user, today):
    guan, linzi = make_region("冠县"), make_region("临淄区")
    town = make_region("烟庄镇", parent=guan)
    own = make_org(
        "鑫源煤业",
        region=guan,
        credit_code=OWN_CODE,
        contact_person="王强",
        contact_phone=PHONE,
        address=ADDRESS,
    )
    foreign = make_org("外单位", region=linzi, kind=OrgKind.ENTERPRISE, credit_code=FOREIGN_CODE)
    return {
        "guan": guan,
        "town": town,
        "own": own,
        "foreign": foreign,
        "admin": make_user("c-admin", role=Role.ADMIN),
        "supervisor": make_user("c-sup", role=Role.SUPERVISOR, region=guan),
        "far_supervisor": make_user("c-sup2", role=Role.SUPERVISOR, region=linzi),
        "inspector": make_user("c-insp", role=Role.INSPECTOR),
        "author": make_user("c-auth", role=Role.AUTHOR),
        "enterprise": make_user("c-ent", role=Role.ENTERPRISE, organisation=own),
        "foreign_enterprise": make_user("c-ent2", role=Role.ENTERPRISE, organisation=foreign),
    }


def propose(people, org, kind=CreditKind.BLACKLIST, day=DAY, **extra) -> CreditEntry:
    entry, _created = entries.create(
        people["admin"],
        today=day,
        organisation_id=org.id,
        kind=kind,
        reason="拒绝、阻碍依法实施的安全生产监督检查",
        client_id=str(uuid.uuid4()),
        **extra,
    )
    db.session.commit()
    return entry


def walk(people, entry, steps, day=DAY) -> CreditEntry:
    """Take ``steps`` (name, request) on ``day`` as the administrator."""
    for name, request in steps:
        entries.take_step(
            entry, name, people["admin"], {"on": day.isoformat(), **request}, today=day
        )
    db.session.commit()
    return entry


LISTING = [("notify", {}), ("decide", {"outcome": "list"}), ("publish", {"channel": "淄博日报"})]


def status_of(app, user, path, method="GET", **kwargs) -> int:
    client = app.test_client()
    login(client, user)
    return client.open(path, method=method, **kwargs).status_code


# --- the register and who sees what --------------------------------------------------------------


def test_the_register_for_each_role(app, people):
    own, foreign = propose(people, people["own"]), propose(people, people["foreign"])
    procurement = propose(
        people, people["own"], CreditKind.PROCUREMENT_BAN, case=Case.PROCUREMENT, term_years=2
    )
    pages = {
        role: as_(app, people[role]).get("/credit/")
        for role in ("admin", "supervisor", "enterprise", "foreign_enterprise", "far_supervisor")
    }
    assert all(page.status_code == 200 for page in pages.values())
    text = {role: page.get_data(as_text=True) for role, page in pages.items()}
    assert own.number in text["admin"] and foreign.number in text["admin"]
    assert own.number in text["supervisor"] and foreign.number not in text["supervisor"]
    assert own.number in text["enterprise"] and foreign.number not in text["enterprise"]
    assert (
        foreign.number in text["foreign_enterprise"]
        and own.number not in text["foreign_enterprise"]
    )
    assert "/credit/new" in text["supervisor"] and "/credit/new" not in text["enterprise"]
    assert "/public/blacklist" in text["enterprise"] and "/credit/due" in text["supervisor"]
    assert f"/credit/deposits/{people['own'].id}" in text["enterprise"]
    only_bans = (
        as_(app, people["admin"]).get("/credit/?kind=procurement_ban").get_data(as_text=True)
    )
    assert procurement.number in only_bans and own.number not in only_bans
    for role in ("inspector", "author"):
        assert status_of(app, people[role], "/credit/") == 403
    assert app.test_client().get("/credit/").status_code == 302
    menu = pages["supervisor"].get_data(as_text=True)
    assert 'href="/credit/"' in menu


def test_the_next_step_and_its_day_overdue_in_red(app, people):
    entry = walk(
        people, propose(people, people["own"]), [("notify", {}), ("decide", {"outcome": "list"})]
    )
    assert entry.publish_due_on == dt.date(2026, 10, 20)  # 每季度第一个月的20日前
    assert entry.office_due_on == dt.date(2026, 10, 14)  # the report to the office comes first
    page = as_(app, people["supervisor"]).get("/credit/").get_data(as_text=True)
    assert "2026年10月14日" in page and 'class="finding-row overdue"' not in page
    entry.office_due_on = DAY - dt.timedelta(days=1)
    db.session.commit()
    page = as_(app, people["supervisor"]).get("/credit/").get_data(as_text=True)
    assert 'class="finding-row overdue"' in page and 'class="late"' in page


# --- proposing an entry --------------------------------------------------------------------------


def test_propose_on_the_page_once_for_a_double_submit(app, people):
    supervisor = as_(app, people["supervisor"])
    form = supervisor.get("/credit/new")
    html = form.get_data(as_text=True)
    assert form.status_code == 200 and 'name="client_id"' in html and 'type="hidden"' in html
    assert people["own"].name in html and people["foreign"].name not in html  # the region's
    body = {
        "organisation_id": str(people["own"].id),
        "kind": "blacklist",
        "case": "",
        "reason": "拒绝、阻碍依法实施的安全生产监督检查",
        "client_id": "page-new-1",
    }
    first = supervisor.post("/credit/new", data=body)
    again = supervisor.post("/credit/new", data=body)
    assert first.status_code == again.status_code == 303
    assert first.headers["Location"] == again.headers["Location"]
    assert db.session.scalar(sa.select(sa.func.count()).select_from(CreditEntry)) == 1
    entry = db.session.scalar(sa.select(CreditEntry))
    assert entry.number == "黑名单〔2026〕0001号" and entry.case == "violation"
    assert first.headers["Location"].endswith(f"/credit/{entry.id}")
    shown = supervisor.get(f"/credit/{entry.id}").get_data(as_text=True)
    assert "黑名单〔2026〕0001号" in shown and "临政办字〔2016〕11号 第三条" in shown


def test_propose_refusals_name_the_field(app, people):
    supervisor = as_(app, people["supervisor"])
    empty = supervisor.post(
        "/credit/new",
        data={"organisation_id": str(people["own"].id), "kind": "blacklist", "client_id": "x1"},
    )
    assert empty.status_code == 422 and 'id="reason-error"' in empty.get_data(as_text=True)
    ban = supervisor.post(
        "/credit/new",
        data={
            "organisation_id": str(people["own"].id),
            "kind": "procurement_ban",
            "reason": "履约违约",
            "client_id": "x2",
        },
    )
    assert ban.status_code == 422 and 'id="term_years-error"' in ban.get_data(as_text=True)
    foreign = supervisor.post(
        "/credit/new",
        data={
            "organisation_id": str(people["foreign"].id),
            "kind": "blacklist",
            "reason": "x",
            "client_id": "x3",
        },
    )
    assert foreign.status_code == 422 and 'id="organisation_id-error"' in foreign.get_data(
        as_text=True
    )
    ok = supervisor.post(
        "/credit/new",
        data={
            "organisation_id": str(people["own"].id),
            "kind": "procurement_ban",
            "reason": "履约违约",
            "term_years": "2",
            "client_id": "x4",
        },
    )
    assert ok.status_code == 303
    assert db.session.scalar(sa.select(CreditEntry.number)) == "禁入〔2026〕0001号"
    for role in ("enterprise", "inspector", "author"):
        assert status_of(app, people[role], "/credit/new") == 403


def test_a_list_out_of_its_region_asks_for_the_override_and_keeps_what_was_typed(app, people):
    app.config["SUPERVISION_REGION"] = "临淄区"
    supervisor = as_(app, people["supervisor"])
    body = {
        "organisation_id": str(people["own"].id),
        "kind": "blacklist",
        "reason": "拒绝监督检查的具体事实",
        "client_id": "page-override",
    }
    refused = supervisor.post("/credit/new", data=body)
    html = refused.get_data(as_text=True)
    assert refused.status_code == 409
    assert 'id="override-error"' in html and "临淄区" in html and "拒绝监督检查的具体事实" in html
    assert 'value="page-override"' in html
    made = supervisor.post("/credit/new", data={**body, "override": "参照执行，经区安委会同意"})
    assert made.status_code == 303
    entry = db.session.scalar(sa.select(CreditEntry))
    assert entry.override == "参照执行，经区安委会同意"
    assert "参照执行，经区安委会同意" in supervisor.get(f"/credit/{entry.id}").get_data(
        as_text=True
    )


# --- an entry through its steps on the page ------------------------------------------------------


def test_an_entry_walked_through_its_steps_and_notices(app, people):
    entry = propose(people, people["own"])
    path = f"/credit/{entry.id}"
    supervisor, enterprise = as_(app, people["supervisor"]), as_(app, people["enterprise"])
    page = supervisor.get(path).get_data(as_text=True)
    assert 'id="step-notify"' in page and 'type="date"' in page
    assert 'id="step-notify"' not in enterprise.get(path).get_data(as_text=True)
    for role in ("foreign_enterprise", "far_supervisor", "inspector", "author"):
        assert status_of(app, people[role], path) == 404, role
    assert enterprise.post(f"{path}/step/notify", data={}).status_code == 403
    early = enterprise.post(f"{path}/step/defence", data={"text": "x"})
    assert early.status_code == 409
    assert enterprise.get(f"{path}/documents/notice").status_code == 404
    notified = supervisor.post(
        f"{path}/step/notify",
        data={"on": "2026-10-09", "defence_due_on": "2026-10-16", "text": "", "client_id": "n1"},
    )
    assert notified.status_code == 303 and notified.headers["Location"].endswith(path)
    notice = enterprise.get(f"{path}/documents/notice").get_data(as_text=True)
    for text in (entry.number, "鑫源煤业", OWN_CODE, "2026年10月16日", "第五条（二）", "第四条"):
        assert text in notice, text
    assert PHONE not in notice and "data-print" in notice
    assert enterprise.get(f"{path}/documents/decision").status_code == 404
    blank = enterprise.post(f"{path}/step/defence", data={"text": "", "on": "2026-10-09"})
    assert blank.status_code == 422 and 'id="text-error"' in blank.get_data(as_text=True)
    heard = enterprise.post(f"{path}/step/defence", data={"text": "已整改", "on": "2026-10-09"})
    assert heard.status_code == 303
    no_outcome = supervisor.post(f"{path}/step/decide", data={"on": "2026-10-09"})
    assert no_outcome.status_code == 422 and 'id="outcome-error"' in no_outcome.get_data(
        as_text=True
    )
    for name, data in (
        ("decide", {"outcome": "list", "text": "申辩理由不成立"}),
        ("submit", {}),
        ("publish", {"channel": "淄博日报"}),
    ):
        done = supervisor.post(f"{path}/step/{name}", data={"on": "2026-10-09", **data})
        assert done.status_code == 303, (name, done.get_data(as_text=True))
    db.session.refresh(entry)
    assert entry.status == CreditStatus.LISTED and entry.ends_on == dt.date(2027, 10, 9)
    decision = enterprise.get(f"{path}/documents/decision").get_data(as_text=True)
    for text in (
        "第九条",
        "500,000",
        "2027年10月9日",
        "淄博日报",
        "申辩理由不成立",
        "第五条（五）",
    ):
        assert text in decision, text
    printed = enterprise.get(f"{path}/documents/decision.pdf")
    assert printed.status_code == 200 and printed.mimetype == "application/pdf"
    assert printed.data.startswith(b"%PDF")
    assert status_of(app, people["foreign_enterprise"], f"{path}/documents/decision.pdf") == 404
    page = supervisor.get(path).get_data(as_text=True)
    assert "淄博日报" in page and "2027年10月9日" in page and "/documents/decision" in page
    asked = enterprise.post(f"{path}/step/request_removal", data={"text": "申请移出"})
    assert asked.status_code == 303
    kept = supervisor.post(f"{path}/step/remove", data={"outcome": "retain", "text": "仍有隐患"})
    assert kept.status_code == 422 and 'id="term_years-error"' in kept.get_data(as_text=True)
    removed = supervisor.post(f"{path}/step/remove", data={"outcome": "remove", "on": "2026-10-09"})
    assert removed.status_code == 303
    removal = enterprise.get(f"{path}/documents/removal").get_data(as_text=True)
    assert "2027年10月10日" in removal and entry.number in removal  # the day after the term
    again = supervisor.post(f"{path}/step/remove", data={"outcome": "remove"})
    assert again.status_code == 409


def test_a_retained_listing_on_its_removal_notice(app, people):
    entry = walk(people, propose(people, people["own"]), LISTING)
    walk(people, entry, [("request_removal", {"text": "申请移出"})])
    path = f"/credit/{entry.id}"
    kept = as_(app, people["supervisor"]).post(
        f"{path}/step/remove",
        data={"outcome": "retain", "term_years": "1", "text": "管理期内发生新的违法行为"},
    )
    assert kept.status_code == 303
    removal = as_(app, people["enterprise"]).get(f"{path}/documents/removal").get_data(as_text=True)
    assert "管理期内发生新的违法行为" in removal and "2028年10月9日" in removal


# --- due work, the ledger, depots ----------------------------------------------------------------


def test_due_work_by_day_with_its_basis_and_the_home_tile(app, people):
    decided = walk(people, propose(people, people["own"]), LISTING[:2])
    listed = walk(people, propose(people, people["own"]), LISTING)
    supervisor = as_(app, people["supervisor"])
    page = supervisor.get("/credit/due")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert decided.number in html and f'href="/credit/{decided.id}"' in html
    assert "临政办字〔2016〕11号 第五条（四）" in html and "临政办字〔2016〕11号 第九条" in html
    assert f"/credit/deposits/{people['own'].id}" in html  # the deposit due after listing
    assert listed.number not in html and "临政办字〔2016〕11号 第七条" in html  # inspect, interview
    assert html.index("2026年10月14日") < html.index("2026年10月20日")  # soonest first
    for role in ("enterprise", "inspector", "author"):
        assert status_of(app, people[role], "/credit/due") == 403
    home = supervisor.get("/").get_data(as_text=True)
    assert 'href="/credit/due"' in home


def test_the_deposit_ledger(app, people):
    walk(people, propose(people, people["own"]), LISTING)
    own = f"/credit/deposits/{people['own'].id}"
    enterprise, supervisor = as_(app, people["enterprise"]), as_(app, people["supervisor"])
    mine = enterprise.get(own).get_data(as_text=True)
    assert "500,000" in mine and 'name="amount"' not in mine
    assert enterprise.post(own, data={"kind": "paid"}).status_code == 403
    for role in ("foreign_enterprise", "inspector", "author", "far_supervisor"):
        assert status_of(app, people[role], own) == 404, role
    form = supervisor.get(own).get_data(as_text=True)
    assert 'inputmode="numeric"' in form and 'name="client_id"' in form
    body = {
        "deposit": "safety",
        "kind": "paid",
        "amount": "500000",
        "on": "2026-10-09",
        "voucher": "",
        "client_id": "line-1",
    }
    no_voucher = supervisor.post(own, data=body)
    assert no_voucher.status_code == 422 and 'id="voucher-error"' in no_voucher.get_data(
        as_text=True
    )
    paid = supervisor.post(own, data={**body, "voucher": "PZ-2026-001"})
    assert paid.status_code == 303 and paid.headers["Location"].endswith(own)
    assert supervisor.post(own, data={**body, "voucher": "PZ-2026-001"}).status_code == 303
    ledger = enterprise.get(own).get_data(as_text=True)
    assert ledger.count("PZ-2026-001") == 1
    refund = supervisor.post(
        own,
        data={**body, "kind": "refunded", "note": "退还", "client_id": "line-2"},
    )
    assert refund.status_code == 409  # still listed (第九条)


def test_depots_by_township_and_the_cap(app, people):
    supervisor = as_(app, people["supervisor"])
    page = supervisor.get("/credit/depots").get_data(as_text=True)
    assert "烟庄镇" in page and 'name="passed"' in page
    for n in range(1, 4):
        made = supervisor.post(
            "/credit/depots",
            data={
                "organisation_id": str(people["own"].id),
                "name": f"配送点{n}",
                "region_id": str(people["town"].id),
                "passed": "yes",
                "client_id": f"depot-{n}",
            },
        )
        assert made.status_code == 303, made.get_data(as_text=True)
    full = supervisor.post(
        "/credit/depots",
        data={
            "organisation_id": str(people["own"].id),
            "name": "配送点4",
            "region_id": str(people["town"].id),
            "passed": "yes",
            "client_id": "depot-4",
        },
    )
    html = full.get_data(as_text=True)
    assert full.status_code == 409 and "冠政发〔2016〕109号" in html and "flash-error" in html
    assert "3/3" in html
    first = db.session.scalar(sa.select(DepotQualification).order_by(DepotQualification.id))
    assert supervisor.post(f"/credit/depots/{first.id}/fail").status_code == 303
    early = supervisor.post(f"/credit/depots/{first.id}/cancel")
    assert early.status_code == 409 and "flash-error" in early.get_data(as_text=True)
    mine = as_(app, people["enterprise"]).get("/credit/depots").get_data(as_text=True)
    assert "配送点1" in mine and 'name="passed"' not in mine
    assert as_(app, people["enterprise"]).post(f"/credit/depots/{first.id}/pass").status_code == 403
    foreign = as_(app, people["foreign_enterprise"])
    assert foreign.post(f"/credit/depots/{first.id}/pass").status_code == 404
    for role in ("inspector", "author"):
        assert status_of(app, people[role], "/credit/depots") == 403


# --- the public list -----------------------------------------------------------------------------


def test_the_public_list_shows_exactly_the_listed_in_their_term(app, people, make_org):
    listed = walk(people, propose(people, people["own"]), LISTING)
    proposed = propose(people, make_org("只是拟纳入单位"))
    decided = walk(people, propose(people, make_org("已决定未公布单位")), LISTING[:2])
    expired_day = dt.date(2024, 3, 1)
    expired = walk(
        people, propose(people, make_org("期满单位"), day=expired_day), LISTING, day=expired_day
    )
    banned = walk(
        people,
        propose(
            people,
            people["foreign"],
            CreditKind.PROCUREMENT_BAN,
            case=Case.PROCUREMENT,
            term_years=1,
        ),
        LISTING,
    )
    depot = propose(
        people, make_org("取消资格配送点"), CreditKind.DEPOT_DISQUALIFIED, case=Case.DEPOT
    )
    depot.status, depot.starts_on, depot.published_on = CreditStatus.LISTED, DAY, DAY
    db.session.commit()
    assert expired.ends_on < DAY and depot.on_list(DAY)
    page = app.test_client().get("/public/blacklist")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "鑫源煤业" in html and OWN_CODE in html and "外单位" in html and FOREIGN_CODE in html
    for absent in ("只是拟纳入单位", "已决定未公布单位", "期满单位", "取消资格配送点"):
        assert absent not in html, absent
    assert PHONE not in html and ADDRESS not in html and "王强" not in html
    assert "2026年10月9日" in html and "2027年10月9日" in html
    assert "临政办字〔2016〕11号 第三条" in html and "冠政发〔2016〕78号 三（三）10" in html
    download = app.test_client().get("/public/blacklist.csv")
    assert download.status_code == 200 and download.mimetype == "text/csv"
    text = download.get_data(as_text=True)
    assert text.startswith("\ufeffname,credit_code,kind,basis,start,end\r\n")
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert sorted((r["name"], r["credit_code"], r["kind"]) for r in rows) == [
        ("外单位", FOREIGN_CODE, "政府采购禁入"),
        ("鑫源煤业", OWN_CODE, "安全生产黑名单"),
    ]
    row = next(r for r in rows if r["name"] == "鑫源煤业")
    assert row == {
        "name": "鑫源煤业",
        "credit_code": OWN_CODE,
        "kind": "安全生产黑名单",
        "basis": "临政办字〔2016〕11号 第三条",
        "start": "2026-10-09",
        "end": "2027-10-09",
    }
    assert PHONE not in text and ADDRESS not in text
    assert not proposed.on_list(DAY) and not decided.on_list(DAY)
    assert listed.on_list(DAY) and banned.on_list(DAY)


def test_a_term_that_ends_today_is_still_listed_and_gone_tomorrow(app, people, monkeypatch):
    entry = walk(people, propose(people, people["own"]), LISTING)
    monkeypatch.setattr(views, "local_today", lambda: entry.ends_on)
    assert "鑫源煤业" in app.test_client().get("/public/blacklist").get_data(as_text=True)
    monkeypatch.setattr(views, "local_today", lambda: entry.ends_on + dt.timedelta(days=1))
    assert "鑫源煤业" not in app.test_client().get("/public/blacklist").get_data(as_text=True)


# --- the marks beside a listed organisation's name -----------------------------------------------


def test_marks_on_the_organisation_the_inspection_and_the_review_queue(app, people):
    _two_versions()
    template = db.session.get(ChecklistTemplate, _templates()["published"])
    inspection, _created = workflow.create_inspection(
        template, people["own"], people["inspector"], planned_on=DAY
    )
    other, _created = workflow.create_inspection(
        template, people["foreign"], people["inspector"], planned_on=DAY
    )
    for each in (inspection, other):
        each.status = InspectionStatus.SUBMITTED
        each.submitted_at = dt.datetime(2026, 10, 8, 2, 0, tzinfo=dt.UTC)
    db.session.commit()
    supervisor = as_(app, people["supervisor"])
    assert "credit-mark" not in supervisor.get(f"/organisations/{people['own'].id}").get_data(
        as_text=True
    )
    entry = walk(people, propose(people, people["own"]), LISTING)
    organisation = supervisor.get(f"/organisations/{people['own'].id}").get_data(as_text=True)
    assert "credit-mark" in organisation and "2027" in organisation
    queue = supervisor.get("/review/").get_data(as_text=True)
    assert queue.count("credit-mark") == 1 and "鑫源煤业" in queue
    shown = as_(app, people["inspector"]).get(f"/inspections/{inspection.uuid}")
    assert shown.status_code == 200 and "credit-mark" in shown.get_data(as_text=True)
    admin = as_(app, people["admin"])
    foreign = admin.get(f"/organisations/{people['foreign'].id}").get_data(as_text=True)
    assert "credit-mark" not in foreign
    assert "credit-mark" in admin.get("/credit/").get_data(as_text=True)
    assert db.session.scalar(sa.select(Inspection.id).where(Inspection.id == other.id))
    assert entry.on_list(DAY)


# --- on a phone (360 px) -------------------------------------------------------------------------


@pytest.mark.browser
def test_the_credit_pages_fit_a_phone(browser, live_server, make_region, make_org, make_user):  # noqa: F811
    """The register, an entry with its step form, its notice, due work, the ledger, depots
    and the public list: nothing scrolls sideways and every tap target is 44 px high."""
    guan = make_region("冠县")
    make_region("烟庄镇", parent=guan)
    org = make_org("临淄华泰化工有限公司（储运分公司东区罐区长名称测试）", region=guan)
    boss = make_user("credit-sup", role=Role.SUPERVISOR, region=guan)
    entry, _created = entries.create(
        boss,
        today=dt.date.today(),
        organisation_id=org.id,
        kind=CreditKind.BLACKLIST,
        reason="拒绝、阻碍依法实施的安全生产监督检查，现场检查人员多次被阻止进入储罐区",
        client_id="phone-1",
    )
    entries.take_step(entry, "notify", boss, {}, today=dt.date.today())
    entries.take_step(entry, "decide", boss, {"outcome": "list"}, today=dt.date.today())
    entries.take_step(entry, "publish", boss, {"channel": "淄博日报"}, today=dt.date.today())
    db.session.commit()
    context = _phone(browser)
    page = context.new_page()
    _login(page, live_server, "credit-sup")
    for path in (
        "/credit/",
        f"/credit/{entry.id}",
        f"/credit/{entry.id}/documents/notice",
        f"/credit/{entry.id}/documents/decision",
        "/credit/due",
        f"/credit/deposits/{org.id}",
        "/credit/depots",
        "/credit/new",
        "/public/blacklist",
        f"/organisations/{org.id}",
    ):
        page.goto(f"{live_server}{path}")
        assert page.locator("body").count() == 1
        _assert_fits_phone(page)
    context.close()
