"""Credit lists through the API: the 黑名单 procedure of 临政办字〔2016〕11号 第五条 step by step
with its deadlines, the terms of 第四条 (first, consecutive, after a gap), the deposit of 第九条
(due, paid, forfeited and topped up, refunded only after the term), 政府采购禁入, depots and
the township cap (冠政发〔2016〕109号 四（二）), the refusals in order (404 → 403 → 409 → 422),
resends, the organisations' ``credit`` field and due work."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from checklists.accounts.models import Organisation, Region, Role
from checklists.accounts.notifications import Notification
from checklists.core.audit import AuditEntry
from checklists.core.errors import Conflict
from checklists.core.extensions import db
from checklists.standards import services
from checklists.standards.models import Document
from inspections.credit import api as credit_api
from inspections.credit import cli as credit_cli
from inspections.credit import entries
from inspections.credit.models import DepotQualification
from inspections.filling import workflow
from tests import test_inspections, test_workflow
from tests.test_inspections import as_

coal = test_workflow.coal
world = test_inspections.world

CREDIT = "/api/v1/credit"
D = dt.date


class Clock:
    def __init__(self, day: dt.date) -> None:
        self.day = day

    def __call__(self) -> dt.date:
        return self.day


@pytest.fixture(autouse=True)
def _reach(app):
    """The fixtures' organisations are in 冠县 and 临淄区; the lists reach both here
    (SUPERVISION_REGION empty)."""
    app.config["SUPERVISION_REGION"] = ""


@pytest.fixture
def clock(monkeypatch):
    """The service's day, moved by the tests; 11号 is in force from 2016-04-01 to 2018-03-31."""
    today = Clock(D(2017, 1, 9))
    monkeypatch.setattr(credit_api, "local_today", today)
    monkeypatch.setattr(credit_cli, "local_today", today)
    return today


def propose(session, org_id, client_id, **extra):
    body = {
        "client_id": client_id,
        "organisation_id": org_id,
        "kind": "blacklist",
        "reason": "拒绝、阻碍有关部门依法实施安全生产监督检查",
        **extra,
    }
    return session.post(CREDIT, json=body)


def step(session, entry_id, name, **body):
    return session.post(f"{CREDIT}/{entry_id}/{name}", json=body)


PUBLISHED = D(2017, 1, 16)


def listed(app, world, clock, client_id="bl-1", published=PUBLISHED):
    """A 黑名单 entry of the own organisation taken to publication; returns its JSON."""
    boss = as_(app, world["supervisor"])
    made = propose(boss, world["own"].id, client_id)
    assert made.status_code == 201, made.json
    entry_id = made.json["id"]
    assert step(boss, entry_id, "notify", defence_due_on="2017-01-14").status_code == 201
    answer = step(as_(app, world["enterprise"]), entry_id, "defence", text="已整改，请求从轻")
    assert answer.status_code == 201, answer.json
    assert step(boss, entry_id, "decide", outcome="list").status_code == 201
    assert step(boss, entry_id, "submit").status_code == 201
    clock.day = published
    answer = step(boss, entry_id, "publish", channel="临淄区人民政府网站")
    assert answer.status_code == 201, answer.json
    return answer.json


def ledger(app, user, org_id):
    return as_(app, user).get(f"{CREDIT}/deposits/{org_id}")


def test_the_blacklist_procedure_with_its_deadlines(app, world, clock):
    entry = listed(app, world, clock)
    assert entry["status"] == "listed" and entry["number"] == "黑名单〔2017〕0001号"
    assert entry["clause_key"] == "临政办字〔2016〕11号/第三条"
    assert "纳入区级“黑名单”" in entry["clause_text"] and len(entry["clause_text_hash"]) == 64
    # decided Monday 2017-01-09: to the office 于5日内 (Saturday 01-14 → Monday 01-16)
    assert entry["decided_on"] == "2017-01-09" and entry["office_due_on"] == "2017-01-16"
    # 每季度第一个月的20日前: 2017-01-20; published on the 16th, the term runs a year from it
    assert entry["publish_due_on"] == "2017-01-20"
    assert (entry["starts_on"], entry["ends_on"]) == ("2017-01-16", "2018-01-16")
    assert entry["term_years"] == 1 and entry["removal_request_due_on"] == "2017-12-16"
    assert entry["on_list"] is True
    assert set(entry["documents"]) == {"notice", "decision"}
    # 第九条: 50万元 due in 10 working days from publication (Spring Festival 2017 not yet)
    books = ledger(app, world["supervisor"], world["own"].id).json
    [safety] = books["balances"]
    assert (safety["due"], safety["owed"], safety["held"]) == (500_000, 500_000, 0)
    assert safety["unpaid_due_on"] == "2017-02-03"  # 01-27..02-02 off, Sunday 01-22 worked
    # every write is audited
    with app.app_context():
        actions = db.session.scalars(
            sa.select(AuditEntry.action).where(AuditEntry.entity == "credit_entry")
        ).all()
    assert actions == ["create", "notify", "defence", "decide", "submit", "publish"]


def test_removal_and_refund_follow_the_term(app, world, clock):
    entry = listed(app, world, clock)
    boss = as_(app, world["supervisor"])
    pay = {
        "client_id": "pay-1",
        "organisation_id": world["own"].id,
        "kind": "paid",
        "amount": 500_000,
        "on": "2017-01-20",
        "voucher": "财政专户 0001",
    }
    clock.day = D(2017, 1, 20)
    assert boss.post(f"{CREDIT}/deposits", json=pay).status_code == 201
    assert boss.post(f"{CREDIT}/deposits", json=pay).status_code == 200  # a resend
    refund = {**pay, "client_id": "refund-1", "kind": "refunded", "note": "移出黑名单"}
    refund["on"] = "2017-06-01"
    clock.day = D(2017, 6, 1)
    early = boss.post(f"{CREDIT}/deposits", json=refund)
    assert early.status_code == 409 and early.json["error"]["code"] == "still_listed"
    clock.day = D(2017, 12, 10)
    ask = step(as_(app, world["enterprise"]), entry["id"], "request_removal", text="期内无新情形")
    assert ask.status_code == 201 and ask.json["status"] == "removal_requested"
    done = step(boss, entry["id"], "remove", outcome="remove")
    assert done.status_code == 201, done.json
    # off the day after the term ends (2018-01-16 → 01-17), published in 15 working days
    assert done.json["removed_on"] == "2018-01-17"
    assert done.json["removal_publish_due_on"] == "2018-02-07"
    assert done.json["on_list"] is True  # the term still runs
    clock.day = D(2018, 1, 17)
    refund["on"] = "2018-01-17"
    back = boss.post(f"{CREDIT}/deposits", json=refund)
    assert back.status_code == 201, back.json
    [safety] = back.json["balances"]
    assert (safety["held"], safety["owed"], safety["refunded"]) == (0, 0, 500_000)
    published = step(boss, entry["id"], "publish_removal")
    assert published.status_code == 201 and published.json["next_step"] is None
    again = step(boss, entry["id"], "publish_removal", on="2018-01-17", channel="网站")
    assert again.status_code == 409 and again.json["error"]["code"] == "closed"


def test_a_consecutive_listing_runs_three_years_and_forfeits_the_deposit(app, world, clock):
    first = listed(app, world, clock)
    boss = as_(app, world["supervisor"])
    clock.day = D(2017, 1, 20)
    paid = {
        "client_id": "pay-2",
        "organisation_id": world["own"].id,
        "kind": "paid",
        "amount": 500_000,
        "on": "2017-01-20",
        "voucher": "V-1",
    }
    assert boss.post(f"{CREDIT}/deposits", json=paid).status_code == 201
    clock.day = D(2017, 9, 4)
    second = propose(boss, world["own"].id, "bl-2").json["id"]
    step(boss, second, "notify")
    decided = step(boss, second, "decide", outcome="list")
    assert decided.status_code == 201, decided.json
    assert decided.json["term_years"] == 3 and decided.json["previous_id"] == first["id"]
    assert "连续进入" in decided.json["term_explanation"]
    [safety] = ledger(app, world["supervisor"], world["own"].id).json["balances"]
    # 全额扣罚 and 于10个工作日内补缴
    assert (safety["forfeited"], safety["held"], safety["owed"]) == (500_000, 0, 500_000)
    assert safety["unpaid_due_on"] == "2017-09-18"
    clock.day = D(2017, 10, 9)
    out = step(boss, second, "publish")
    assert out.json["ends_on"] == "2020-10-09"
    [safety] = ledger(app, world["supervisor"], world["own"].id).json["balances"]
    assert safety["due"] == 1_000_000  # nothing more asked at publication: the top-up stands


def test_a_second_listing_after_a_gap_is_one_year_again(app, world, clock):
    listed(app, world, clock)
    boss = as_(app, world["supervisor"])
    clock.day = D(2018, 2, 1)  # the first term ended on 2018-01-16
    again = propose(boss, world["own"].id, "bl-3").json["id"]
    step(boss, again, "notify")
    decided = step(boss, again, "decide", outcome="list")
    assert decided.json["term_years"] == 1 and decided.json["previous_id"] is None


def test_accepted_defence_drops_the_entry_and_a_kept_listing_gets_a_new_term(app, world, clock):
    boss = as_(app, world["supervisor"])
    dropped = propose(boss, world["own"].id, "bl-4").json["id"]
    step(boss, dropped, "notify")
    no_reason = step(boss, dropped, "decide", outcome="drop")
    assert no_reason.status_code == 422 and "text" in no_reason.json["error"]["fields"]
    out = step(boss, dropped, "decide", outcome="drop", text="申辩理由成立，予以采纳")
    assert out.json["status"] == "dropped" and out.json["next_step"] is None
    entry = listed(app, world, clock, "bl-5")
    clock.day = D(2017, 12, 1)
    step(as_(app, world["enterprise"]), entry["id"], "request_removal")
    kept = step(boss, entry["id"], "remove", outcome="retain", term_years=1)
    assert kept.status_code == 422 and "text" in kept.json["error"]["fields"]
    kept = step(boss, entry["id"], "remove", outcome="retain", term_years=1, text="期内新违法")
    assert kept.json["status"] == "retained" and kept.json["ends_on"] == "2019-01-16"
    assert set(kept.json["documents"]) == {"notice", "decision", "removal"}


def test_refusals_come_in_order(app, world, clock):
    boss = as_(app, world["supervisor"])
    entry_id = propose(boss, world["own"].id, "bl-6").json["id"]
    # 404: another organisation's enterprise, another region's supervisor, inspectors; a step
    # that does not exist
    for who in ("foreign_enterprise", "far_supervisor", "inspector", "author"):
        assert as_(app, world[who]).get(f"{CREDIT}/{entry_id}").status_code == 404, who
        assert step(as_(app, world[who]), entry_id, "notify").status_code == 404, who
    assert step(boss, entry_id, "no-such-step").status_code == 404
    # 403: the enterprise may not notify itself, nor propose
    own = as_(app, world["enterprise"])
    assert own.get(f"{CREDIT}/{entry_id}").status_code == 200
    assert step(own, entry_id, "notify").status_code == 403
    assert propose(own, world["own"].id, "bl-7").status_code == 403
    # 409 before 422: publish before the decision, with a bad body
    early = step(boss, entry_id, "publish", on="not-a-day")
    assert early.status_code == 409 and early.json["error"]["code"] == "out_of_order"
    assert "告知书" in early.json["error"]["message"] or "notice" in early.json["error"]["message"]
    # 422: a day in the future, an unknown field, a reason missing, a case of another list
    assert step(boss, entry_id, "notify", on="2099-01-01").status_code == 422
    assert step(boss, entry_id, "notify", colour="red").status_code == 422
    missing = propose(boss, world["own"].id, "bl-8", reason="")
    assert missing.status_code == 422 and "reason" in missing.json["error"]["fields"]
    wrong = propose(boss, world["own"].id, "bl-9", case="procurement")
    assert wrong.status_code == 422 and "case" in wrong.json["error"]["fields"]
    # a resend answers the stored entry; the same client_id with other content is refused
    assert propose(boss, world["own"].id, "bl-6").status_code == 200
    reused = propose(boss, world["own"].id, "bl-6", reason="别的理由")
    assert reused.status_code == 409 and reused.json["error"]["code"] == "id_reused"
    first = step(boss, entry_id, "notify", client_id="n-1")
    assert first.status_code == 201
    assert step(boss, entry_id, "notify", client_id="n-1").status_code == 200


def test_acting_after_the_rules_expired_needs_a_recorded_reason(app, world, clock):
    clock.day = D(2018, 4, 1)  # 11号: 有效期至 2018 年 3 月 31 日
    boss = as_(app, world["supervisor"])
    refused = propose(boss, world["own"].id, "bl-10")
    assert refused.status_code == 409
    assert refused.json["error"]["code"] == "regime_not_applicable"
    assert "临政办字〔2016〕11号" in refused.json["error"]["message"]
    made = propose(boss, world["own"].id, "bl-10", override="区安委会决定继续参照执行")
    assert made.status_code == 201 and made.json["override"] == "区安委会决定继续参照执行"


def test_the_region_a_regional_list_governs(app, world, clock):
    app.config["SUPERVISION_REGION"] = "临淄区"
    boss = as_(app, world["supervisor"])  # the own organisation is in 冠县
    refused = propose(boss, world["own"].id, "bl-11")
    assert refused.status_code == 409 and "临淄区" in refused.json["error"]["message"]
    # 政府采购禁入 rests on a 冠县 document: no region of 临淄 limits it
    ban = propose(
        boss, world["own"].id, "pb-1", kind="procurement_ban", case="procurement", term_years=2
    )
    assert ban.status_code == 201, ban.json
    assert ban.json["clause_key"] == "冠政发〔2016〕78号/三/（三）/10"


def test_procurement_ban_term_is_chosen(app, world, clock):
    boss = as_(app, world["supervisor"])
    body = {"kind": "procurement_ban", "case": "procurement"}
    bad = propose(boss, world["own"].id, "pb-2", term_years=4, **body)
    assert bad.status_code == 422 and "term_years" in bad.json["error"]["fields"]
    entry_id = propose(boss, world["own"].id, "pb-3", term_years=2, **body).json["id"]
    step(boss, entry_id, "notify")
    step(boss, entry_id, "decide", outcome="list")
    out = step(boss, entry_id, "publish")
    assert out.json["term_years"] == 2 and out.json["ends_on"] == "2019-01-09"
    assert out.json["office_due_on"] is None  # 第五条（三） is the blacklist's own step


def test_organisations_carry_their_credit(app, world, clock):
    entry = listed(app, world, clock)
    boss = as_(app, world["supervisor"])
    rows = {row["id"]: row for row in boss.get("/api/v1/organisations").json}
    assert rows[world["own"].id]["credit"] == [
        {"kind": "blacklist", "status": "listed", "ends_on": entry["ends_on"]}
    ]
    one = as_(app, world["enterprise"]).get(f"/api/v1/organisations/{world['own'].id}")
    assert one.status_code == 200 and one.json["credit"][0]["kind"] == "blacklist"
    other = as_(app, world["foreign_enterprise"]).get(f"/api/v1/organisations/{world['own'].id}")
    assert other.status_code == 404
    clock.day = D(2018, 1, 17)  # the term ended (credit marks are of the real day)
    with app.app_context():
        assert entries.marks([world["own"].id], clock.day) == {world["own"].id: []}


def test_deposit_lines_are_checked(app, world, clock):
    listed(app, world, clock)
    boss = as_(app, world["supervisor"])
    base = {"organisation_id": world["own"].id, "on": "2017-01-16"}
    too_much = {**base, "client_id": "d-1", "kind": "paid", "amount": 600_000, "voucher": "V"}
    answer = boss.post(f"{CREDIT}/deposits", json=too_much)
    assert answer.status_code == 422 and "amount" in answer.json["error"]["fields"]
    no_voucher = {**base, "client_id": "d-2", "kind": "paid", "amount": 1}
    assert boss.post(f"{CREDIT}/deposits", json=no_voucher).status_code == 422
    forfeit = {**base, "client_id": "d-3", "kind": "forfeited", "amount": 1, "note": "x"}
    answer = boss.post(f"{CREDIT}/deposits", json=forfeit)
    assert answer.status_code == 422 and "amount" in answer.json["error"]["fields"]
    assert as_(app, world["enterprise"]).post(f"{CREDIT}/deposits", json=forfeit).status_code == 403
    assert ledger(app, world["enterprise"], world["own"].id).status_code == 200
    assert ledger(app, world["foreign_enterprise"], world["own"].id).status_code == 404
    assert ledger(app, world["inspector"], world["own"].id).status_code == 404


def test_overdue_deposits_become_due_work_and_notifications_once(app, world, clock):
    listed(app, world, clock)
    clock.day = D(2017, 2, 6)  # due 2017-02-03
    runner = app.test_cli_runner()
    out = runner.invoke(args=["credit", "check-overdue"])
    assert out.exit_code == 0 and "1" in out.output
    again = runner.invoke(args=["credit", "check-overdue"])
    assert again.exit_code == 0
    with app.app_context():
        told = db.session.scalars(
            sa.select(Notification.user_id).where(Notification.kind == "credit")
        ).all()
    assert told.count(world["supervisor"].id) == 1
    assert world["far_supervisor"].id not in told
    work = as_(app, world["supervisor"]).get(f"{CREDIT}/due").json
    kinds = {w["what"]: w for w in work}
    assert kinds["deposit"]["overdue"] is True and kinds["deposit"]["due_on"] == "2017-02-03"
    # 第七条: a listed unit is inspected more often and interviewed once a year
    assert kinds["inspect"]["basis"].endswith("第七条")
    assert kinds["interview"]["due_on"] == "2017-12-31"
    assert as_(app, world["far_supervisor"]).get(f"{CREDIT}/due").json == []
    assert as_(app, world["enterprise"]).get(f"{CREDIT}/due").status_code == 403


# --- depots -------------------------------------------------------------------------------------


@pytest.fixture
def townships(app, world, make_region):
    """The ids of two townships of the own organisation's county."""
    with app.app_context():
        guan = db.session.get(Region, world["own"].region_id)
        return make_region("烟庄街道", parent=guan).id, make_region("清泉街道", parent=guan).id


def qualify(session, org_id, client_id, region_id, passed=True, name=None):
    return session.post(
        f"{CREDIT}/qualifications",
        json={
            "client_id": client_id,
            "organisation_id": org_id,
            "name": name or f"配送点{client_id}",
            "passed": passed,
            "region_id": region_id,
        },
    )


def test_at_most_three_depots_a_township(app, world, clock, townships, make_org):
    yanzhuang, qingquan = townships
    boss = as_(app, world["supervisor"])
    orgs = [make_org(f"配送中心{i}", region_id=yanzhuang).id for i in range(4)]
    for i, org in enumerate(orgs[:3]):
        assert qualify(boss, org, f"q-{i}", yanzhuang).status_code == 201
    fourth = qualify(boss, orgs[3], "q-3", yanzhuang)
    assert fourth.status_code == 409 and fourth.json["error"]["code"] == "township_full"
    assert "冠政发〔2016〕109号" in fourth.json["error"]["message"]
    assert qualify(boss, orgs[3], "q-4", qingquan).status_code == 201
    not_a_township = qualify(boss, orgs[3], "q-5", world["own"].region_id)
    assert not_a_township.status_code == 422


def test_a_depot_failing_twice_loses_its_qualification(app, world, clock, townships, coal):
    yanzhuang, _ = townships
    boss = as_(app, world["supervisor"])
    made = qualify(boss, world["own"].id, "q-own", yanzhuang, passed=False)
    assert made.status_code == 201 and made.json["status"] == "rectifying"
    assert made.json["rectify_due_on"] == "2017-02-09"  # 限期一个月
    record = made.json["id"]
    early = boss.post(f"{CREDIT}/qualifications/{record}/cancel", json={})
    assert early.status_code == 409 and early.json["error"]["code"] == "too_early"
    clock.day = D(2017, 2, 10)
    gone = boss.post(f"{CREDIT}/qualifications/{record}/cancel", json={"text": "整改后仍不合格"})
    assert gone.status_code == 201 and gone.json["status"] == "cancelled"
    [entry] = boss.get(f"{CREDIT}?kind=depot_disqualified").json
    assert entry["status"] == "listed" and entry["ends_on"] is None
    # it cannot be inspected as a qualified depot without a recorded reason (the test's own
    # app context holds the template)
    db.session.expire_all()
    org = db.session.get(Organisation, world["own"].id)
    with pytest.raises(Conflict) as refused:
        workflow.create_inspection(coal, org, None)
    assert refused.value.code == "qualification_cancelled"
    assert "冠政发〔2016〕109号" in refused.value.message
    made, created = workflow.create_inspection(coal, org, None, basis_override="执法检查")
    assert created and made.basis_override == "执法检查"
    assert db.session.scalar(sa.select(sa.func.count(DepotQualification.id))) == 1


def test_the_enterprise_sees_its_own_entries_only(app, world, clock, make_user, make_org):
    listed(app, world, clock)
    boss = as_(app, world["supervisor"])
    assert len(as_(app, world["enterprise"]).get(CREDIT).json) == 1
    assert as_(app, world["foreign_enterprise"]).get(CREDIT).json == []
    assert as_(app, world["inspector"]).get(CREDIT).json == []
    assert boss.get(f"{CREDIT}?status=listed").json[0]["status"] == "listed"
    assert boss.get(f"{CREDIT}?status=dropped").json == []
    assert boss.get(f"{CREDIT}?kind=nonsense").status_code == 400
    admin = make_user("root", role=Role.ADMIN)
    assert len(as_(app, admin).get(CREDIT).json) == 1


def test_the_documents_validity_is_read_from_the_imported_document(app, world, clock):
    with app.app_context():
        document = db.session.scalar(
            sa.select(Document).where(Document.number == "临政办字〔2016〕11号")
        )
        assert document is not None and document.in_force_until == D(2018, 3, 31)
        services.repeal_document(document, D(2017, 1, 1), "测试：已废止", None)
        db.session.commit()
    refused = propose(as_(app, world["supervisor"]), world["own"].id, "bl-12")
    assert refused.status_code == 409
