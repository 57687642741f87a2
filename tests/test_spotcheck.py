"""双随机、一公开 through the API, the pages, the CLI and the services: the contract (commit →
draw → publish), the same draw on both databases, a pool changed after the commitment voids the
plan, recusal by past inspections, what the public page shows (and nothing else), due work at
month and quarter edges, the Excel imports with row-level errors."""

from __future__ import annotations

import datetime as dt
import io
import json
import uuid

import pytest
import sqlalchemy as sa
from openpyxl import Workbook

from checklists.accounts.models import Role
from checklists.core.errors import InputError
from checklists.core.extensions import db
from inspections.filling import workflow
from inspections.filling.models import Inspection, InspectionStatus
from inspections.findings.deadlines import official_calendar
from inspections.spotcheck import coverage, draw, plans, pools
from inspections.spotcheck import items as spot_items
from inspections.spotcheck.models import (
    PlanStatus,
    RiskClass,
    SpotcheckPlan,
    SpotcheckTarget,
)
from tests import test_inspections, test_workflow
from tests.test_inspections import as_

coal = test_workflow.coal
world = test_inspections.world

PLANS = "/api/v1/spotcheck/plans"
DEPARTMENT = "县市场监督管理局"
SECRET_PHONE = "0635-5999999"
SECRET_PERSON = "联系人王秘密"
SECRET_REASON = "其配偶在该单位任职"


@pytest.fixture
def pool(app, world, make_org, make_user):
    """Five depots in 冠县 (the world's own one and four more) with risk classes 1–4, one
    depot in 临淄区; four inspectors of the department (the world's two and two more)."""
    guan = world["own"].region
    orgs = [world["own"]] + [
        make_org(
            f"配送点{i}",
            region=guan,
            contact_phone=SECRET_PHONE,
            contact_person=SECRET_PERSON,
            address="冠县某路1号",
        )
        for i in range(1, 5)
    ]
    classes = [RiskClass.HIGH, RiskClass.LOW, RiskClass.GENERAL, RiskClass.ELEVATED, RiskClass.LOW]
    for org, risk in zip(orgs, classes, strict=True):
        pools.set_target(org, "洁净煤配送", risk)
    pools.set_target(world["foreign"], "洁净煤配送", RiskClass.HIGH)
    people = [world["inspector"], world["other_inspector"]] + [
        make_user(f"insp{i}", role=Role.INSPECTOR) for i in (3, 4)
    ]
    for i, person in enumerate(people, start=1):
        person.display_name = f"检查员{i}号"
        pools.set_inspector(person, f"鲁冠执{i:04d}", DEPARTMENT)
    item = spot_items.save(
        world["supervisor"],
        None,
        {
            "department": DEPARTMENT,
            "matter": "煤质抽检",
            "target_kind": "enterprise",
            "industry": "洁净煤配送",
            "basis": [],
            "method": "onsite",
            "template_id": world["template"].id,
            "rule_kind": "at_least",
            "rule_period": "month",
            "rule_value": 1,
        },
    )
    db.session.commit()
    return {"orgs": orgs, "people": people, "item": item}


def commit(session, item, **extra):
    body = {
        "client_id": str(uuid.uuid4()),
        "item_id": item.id,
        "period_start": "2026-11-01",
        "period_end": "2026-11-30",
        "count": 3,
        **extra,
    }
    return session.post(PLANS, json=body)


# --- the contract --------------------------------------------------------------------------------


def test_commit_draw_publish_as_the_contract_says(app, world, pool):
    session = as_(app, world["supervisor"])
    made = commit(session, pool["item"])
    assert made.status_code == 201, made.json
    body = made.json
    assert body["status"] == "committed" and body["seed"] is None
    assert len(body["commitment"]) == 64 and len(body["inputs_hash"]) == 64
    again = commit(session, pool["item"], client_id=None)
    assert again.status_code == 422 and "client_id" in again.json["error"]["fields"]
    plan = db.session.get(SpotcheckPlan, body["id"])
    resent = session.post(
        PLANS,
        json={
            "client_id": plan.client_id,
            "item_id": pool["item"].id,
            "period_start": "2026-11-01",
            "period_end": "2026-11-30",
            "count": 3,
        },
    )
    assert resent.status_code == 200 and resent.json["id"] == body["id"]
    # the region: the 冠县 supervisor's plan draws only in 冠县
    assert {t["id"] for t in plan.inputs["targets"]} == {o.id for o in pool["orgs"]}
    assert [p["status"] for p in session.get(PLANS).json] == ["committed"]

    drawn = session.post(f"{PLANS}/{body['id']}/draw")
    assert drawn.status_code == 200, drawn.json
    assert draw.commitment(drawn.json["seed"]) == body["commitment"]
    targets = drawn.json["targets"]
    assert len(targets) == 3 and len({t["organisation_id"] for t in targets}) == 3
    for target in targets:
        inspection = db.session.scalar(
            sa.select(Inspection).where(Inspection.uuid == target["inspection_uuid"])
        )
        assert inspection.status == InspectionStatus.PLANNED
        assert inspection.organisation_id == target["organisation_id"]
        assert sorted(u.id for u in inspection.inspectors) == target["inspectors"]
        assert len(target["inspectors"]) == 2
        assert inspection.planned_on == dt.date(2026, 11, 1)
    again = session.post(f"{PLANS}/{body['id']}/draw")
    assert again.status_code == 200 and again.json["targets"] == targets  # a retry
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Inspection)) == 3

    # an inspector fills one, a supervisor approves it; publishing makes only that one public
    first = db.session.scalar(
        sa.select(Inspection).where(Inspection.uuid == targets[0]["inspection_uuid"])
    )
    filler = first.inspectors[0]
    test_inspections.fill_everything(as_(app, filler), first.uuid, world["template"])
    workflow.submit(first, filler, dt.date(2026, 11, 20))
    workflow.approve(first, world["supervisor"])
    db.session.commit()
    published = session.post(f"{PLANS}/{body['id']}/publish")
    assert published.status_code == 200
    assert published.json == {"id": body["id"], "status": "published", "published": 1}
    record = app.test_client().get(f"/public/spotcheck/{body['id']}.json").json
    assert set(record) >= {"inputs", "inputs_hash", "commitment", "seed", "targets", "results"}
    assert [r["organisation_id"] for r in record["results"]] == [first.organisation_id]
    assert record["results"][0]["result"] == "合格"
    assert draw.verify(record)[1] == []


def test_refusals_in_the_contracts_order(app, world, pool):
    inspector = as_(app, world["inspector"])
    assert commit(inspector, pool["item"]).status_code == 403
    far = as_(app, world["far_supervisor"])
    session = as_(app, world["supervisor"])
    plan_id = commit(session, pool["item"]).json["id"]
    assert far.get(f"{PLANS}/{plan_id}").status_code == 404  # another region's plan
    assert far.post(f"{PLANS}/{plan_id}/draw").status_code == 404
    assert inspector.post(f"{PLANS}/{plan_id}/draw").status_code == 403
    assert session.post(f"{PLANS}/{plan_id}/publish").json["error"]["code"] == "not_drawn"
    too_many = commit(session, pool["item"], count=6)
    assert too_many.status_code == 409 and too_many.json["error"]["code"] == "pool_too_small"
    both = commit(session, pool["item"], ratio=10)
    assert both.status_code == 422 and "count" in both.json["error"]["fields"]
    solo = commit(session, pool["item"], team_size=1)
    assert solo.status_code == 422 and "team_size" in solo.json["error"]["fields"]
    ratio = commit(session, pool["item"], count=None, ratio=50)  # 50 % of 5 → 3
    assert ratio.status_code == 201 and ratio.json["count"] == 3


def test_the_same_seed_gives_the_same_draw_on_either_database(app, world, pool):
    """Inputs are ids and integers sorted by id, never database order: a plan given a known
    seed draws exactly what the pure algorithm computes from its public inputs."""
    session = as_(app, world["supervisor"])
    plan_id = commit(session, pool["item"], count=4, beacon_kind="manual", beacon_source="某值")
    plan = db.session.get(SpotcheckPlan, plan_id.json["id"])
    seed = "ab" * 32
    plan.seed, plan.commitment = seed, draw.commitment(seed)
    db.session.commit()
    missing = session.post(f"{PLANS}/{plan.id}/draw", json={})
    assert missing.status_code == 422 and "beacon" in missing.json["error"]["fields"]
    drawn = session.post(f"{PLANS}/{plan.id}/draw", json={"beacon": "538"})
    expected = draw.draw(plan.inputs, seed, "538")
    assert [(t["organisation_id"], tuple(t["inspectors"])) for t in drawn.json["targets"]] == [
        (p.organisation_id, p.inspectors) for p in expected
    ]
    assert plan.inputs["targets"] == sorted(plan.inputs["targets"], key=lambda t: t["id"])
    weights = {t["id"]: t["weight"] for t in plan.inputs["targets"]}
    assert weights[pool["orgs"][0].id] == 4 and weights[pool["orgs"][1].id] == 1


# --- the pool after the commitment ---------------------------------------------------------------


@pytest.mark.parametrize("change", ["risk", "new target", "conflict", "inspector left"])
def test_a_pool_changed_after_the_commitment_voids_the_plan(app, world, pool, change):
    session = as_(app, world["supervisor"])
    plan_id = commit(session, pool["item"]).json["id"]
    if change == "risk":
        pools.set_target(pool["orgs"][1], "洁净煤配送", RiskClass.HIGH)
    elif change == "new target":
        org = pool["orgs"][0]
        extra = type(org)(name="新配送点", kind=org.kind, region=org.region)
        db.session.add(extra)
        db.session.flush()
        pools.set_target(extra, "洁净煤配送", RiskClass.LOW)
    elif change == "conflict":
        pools.declare_conflict(pool["people"][0], pool["orgs"][2], SECRET_REASON)
    else:
        pools.set_inspector(pool["people"][3], "鲁冠执0004", DEPARTMENT, active=False)
    db.session.commit()
    refused = session.post(f"{PLANS}/{plan_id}/draw")
    assert refused.status_code == 409 and refused.json["error"]["code"] == "pool_changed"
    record = app.test_client().get(f"/public/spotcheck/{plan_id}.json").json
    assert record["status"] == "void" and "作废" in record["void_reason"]
    assert record["seed"] is None and record["targets"] == []
    page = app.test_client().get(f"/public/spotcheck/{plan_id}").get_data(as_text=True)
    assert "已作废" in page and record["void_reason"] in page
    assert session.post(f"{PLANS}/{plan_id}/draw").json["error"]["code"] == "plan_void"
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Inspection)) == 0


def test_an_import_voids_committed_plans_whose_pool_it_changes(app, world, pool):
    session = as_(app, world["supervisor"])
    plan_id = commit(session, pool["item"]).json["id"]
    same = _sheet(
        ["单位名称", "行业", "风险等级"],
        [[o.name, "洁净煤配送", t.risk_class.value] for o, t in _targets(pool)],
    )
    session.post("/spotcheck/pools/targets", data={"targets-file": (same, "a.xlsx")})
    assert db.session.get(SpotcheckPlan, plan_id).status == PlanStatus.COMMITTED  # unchanged
    changed = _sheet(["单位名称", "行业", "风险等级"], [[pool["orgs"][1].name, "洁净煤配送", "高"]])
    response = session.post("/spotcheck/pools/targets", data={"targets-file": (changed, "b.xlsx")})
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(SpotcheckPlan, plan_id).status == PlanStatus.VOID


def _targets(pool):
    return [
        (
            o,
            db.session.scalar(
                sa.select(SpotcheckTarget).where(SpotcheckTarget.organisation_id == o.id)
            ),
        )
        for o in pool["orgs"]
    ]


def test_recusal_by_own_unit_conflict_and_recent_inspection(app, world, pool, coal):
    """An inspector never checks their own organisation, one they declared a conflict with,
    or one they inspected in the months before the period (inspections made before the
    commitment); the pairs are public, the reasons are not."""
    people, orgs = pool["people"], pool["orgs"]
    people[1].organisation = orgs[1]  # works for depot 1
    pools.declare_conflict(people[2], orgs[2], SECRET_REASON)
    old, _ = workflow.create_inspection(
        coal, orgs[3], people[3], planned_on=dt.date(2026, 6, 1), inspectors=[people[3]]
    )
    older, _ = workflow.create_inspection(
        coal, orgs[4], people[3], planned_on=dt.date(2025, 6, 1), inspectors=[people[3]]
    )
    db.session.commit()
    session = as_(app, world["supervisor"])
    plan = db.session.get(SpotcheckPlan, commit(session, pool["item"], count=5).json["id"])
    assert sorted(map(tuple, plan.inputs["recusals"])) == sorted(
        [(people[1].id, orgs[1].id), (people[2].id, orgs[2].id), (people[3].id, orgs[3].id)]
    )  # the 2025 inspection is older than 12 months
    drawn = session.post(f"{PLANS}/{plan.id}/draw").json["targets"]
    recused = {tuple(r) for r in plan.inputs["recusals"]}
    for target in drawn:
        assert not {(i, target["organisation_id"]) for i in target["inspectors"]} & recused
    public = app.test_client().get(f"/public/spotcheck/{plan.id}.json").get_data(as_text=True)
    assert SECRET_REASON not in public


# --- one public page, nothing else ---------------------------------------------------------------


def test_the_public_page_shows_nothing_that_is_not_meant_to_be_public(app, world, pool):
    session = as_(app, world["supervisor"])
    plan_id = commit(session, pool["item"], count=5).json["id"]
    anonymous = app.test_client()
    before = anonymous.get(f"/public/spotcheck/{plan_id}.json").json
    plan = db.session.get(SpotcheckPlan, plan_id)
    assert before["seed"] is None and plan.seed not in json.dumps(before)
    assert plan.seed not in anonymous.get(f"/public/spotcheck/{plan_id}").get_data(as_text=True)
    assert before["commitment"] in anonymous.get(f"/public/spotcheck/{plan_id}").get_data(
        as_text=True
    )
    targets = session.post(f"{PLANS}/{plan_id}/draw").json["targets"]
    done = db.session.scalar(
        sa.select(Inspection).where(Inspection.uuid == targets[0]["inspection_uuid"])
    )
    filler = done.inspectors[0]
    filling = as_(app, filler)
    test_inspections.fill_everything(filling, done.uuid, world["template"])
    note_item = next(i for i in world["template"].ordered_items() if i.answer_type == "yes_no")
    failed = test_inspections.answer(
        filling, done.uuid, note_item, "no", "n1", note="现场发现秘密备注"
    )
    assert failed.status_code in (200, 201), failed.json
    workflow.submit(done, filler, dt.date(2026, 11, 20))
    workflow.approve(done, world["supervisor"], "审核意见内部")
    db.session.commit()
    session.post(f"{PLANS}/{plan_id}/publish")
    page = anonymous.get(f"/public/spotcheck/{plan_id}").get_data(as_text=True)
    record = anonymous.get(f"/public/spotcheck/{plan_id}.json").json
    listing = anonymous.get("/public/spotcheck").get_data(as_text=True)
    assert set(record) == {
        "id", "status", "item", "basis", "inputs", "inputs_hash", "commitment", "seed",
        "beacon", "targets", "results", "void_reason",
    }  # fmt: skip
    assert set(record["results"][0]) == {
        "organisation_id", "organisation", "inspected_on", "result", "failed_clauses",
        "published_on",
    }  # fmt: skip
    db.session.refresh(done)
    shown = record["results"][0]
    assert shown["result"] == {"pass": "合格", "fail": "不合格"}[done.verdict]
    assert note_item.clause_key and note_item.clause_key in shown["failed_clauses"]
    secrets = [
        SECRET_PHONE,
        SECRET_PERSON,
        "冠县某路1号",
        "现场发现秘密备注",
        "审核意见内部",
        *(person.name for person in pool["people"]),  # who inspected is not public
        "鲁冠执",  # enforcement ids: the public sees inspector ids only
        str(done.score) if done.score is not None else "分数",
    ]
    for text in (page, json.dumps(record, ensure_ascii=False), listing):
        for secret in secrets:
            assert secret not in text, secret
    # pending inspections are listed as drawn, not as results
    assert len(record["targets"]) == 5 and len(record["results"]) == 1


def test_the_verify_page_and_the_cli(app, world, pool, tmp_path):
    session = as_(app, world["supervisor"])
    plan_id = commit(session, pool["item"]).json["id"]
    session.post(f"{PLANS}/{plan_id}/draw")
    record = app.test_client().get(f"/public/spotcheck/{plan_id}.json").json
    anonymous = app.test_client()
    english = {"Accept-Language": "en"}
    ok = anonymous.post(
        "/public/spotcheck/verify", data={"record": json.dumps(record)}, headers=english
    )
    assert "The draw checks out." in ok.get_data(as_text=True)
    by_number = anonymous.post(
        "/public/spotcheck/verify", data={"plan_id": str(plan_id)}, headers=english
    )
    assert "The draw checks out." in by_number.get_data(as_text=True)
    junk = anonymous.post("/public/spotcheck/verify", data={"record": "[1"}, headers=english)
    assert junk.status_code == 200 and "Not a plan&#39;s public JSON." in junk.get_data(
        as_text=True
    )
    runner = app.test_cli_runner()
    by_id = runner.invoke(args=["spotcheck", "verify", str(plan_id)])
    assert by_id.exit_code == 0, by_id.output
    first = record["targets"][0]["organisation_id"]
    assert f"organisation={first}" in by_id.output
    good = tmp_path / "plan.json"
    good.write_text(json.dumps(record), encoding="utf-8")
    assert runner.invoke(args=["spotcheck", "verify", str(good)]).exit_code == 0
    tampered = dict(record, targets=list(reversed(record["targets"])))
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(tampered), encoding="utf-8")
    result = runner.invoke(args=["spotcheck", "verify", str(bad)])
    assert result.exit_code == 1 and "抽取结果不符" in result.output
    other = dict(record, seed="cd" * 32)
    bad.write_text(json.dumps(other), encoding="utf-8")
    result = runner.invoke(args=["spotcheck", "verify", str(bad)])
    assert result.exit_code == 1 and "种子与承诺值不符" in result.output
    page = anonymous.post("/public/spotcheck/verify", data={"record": json.dumps(tampered)})
    assert "抽取结果不符" in page.get_data(as_text=True)
    # a stored draw whose inspection was reassigned afterwards is caught by id
    pick = db.session.get(SpotcheckPlan, plan_id).picks[0]
    pick.inspection.inspectors = [world["supervisor"]]
    db.session.commit()
    result = runner.invoke(args=["spotcheck", "verify", str(plan_id)])
    assert result.exit_code == 1 and "检查人员与抽取结果不符" in result.output


def test_the_cli_draws_a_committed_plan(app, world, pool):
    session = as_(app, world["supervisor"])
    plan_id = commit(session, pool["item"]).json["id"]
    result = app.test_cli_runner().invoke(args=["spotcheck", "draw", str(plan_id)])
    assert result.exit_code == 0, result.output
    plan = db.session.get(SpotcheckPlan, plan_id)
    assert f"seed={plan.seed}" in result.output and plan.status == PlanStatus.DRAWN
    missing = app.test_cli_runner().invoke(args=["spotcheck", "draw", "999"])
    assert missing.exit_code != 0


# --- frequency rules, due work -----------------------------------------------------------------


def _kinds(user, day):
    return [(d.what, d.due_on) for d in coverage.due_work(user, day)]


def test_due_work_at_month_and_quarter_edges(app, world, pool):
    supervisor = world["supervisor"]
    item = pool["item"]
    with app.test_request_context():
        # nothing planned in March: a monthly plan is due by 31 March, then by 30 April
        assert ("plan", dt.date(2026, 3, 31)) in _kinds(supervisor, dt.date(2026, 3, 31))
        assert ("plan", dt.date(2026, 4, 30)) in _kinds(supervisor, dt.date(2026, 4, 1))
        plan, _ = plans.create(
            supervisor,
            item_id=item.id,
            period_start=dt.date(2026, 3, 1),
            period_end=dt.date(2026, 3, 31),
            planned_on=dt.date(2026, 3, 10),
            count=1,
            ratio=None,
            team_size=2,
            region_id=None,
            client_id="march",
        )
        plans.draw(plan, supervisor)
        db.session.commit()
        march = _kinds(supervisor, dt.date(2026, 3, 31))
        assert ("plan", dt.date(2026, 3, 31)) not in march  # planned
        assert ("inspect", dt.date(2026, 3, 31)) in march  # due by the period's end
        april = coverage.standing(item, supervisor, dt.date(2026, 4, 1))
        assert (april.start, april.demanded, april.planned) == (dt.date(2026, 4, 1), 1, 0)
        assert coverage.standing(item, supervisor, dt.date(2026, 3, 31)).planned == 1
        # the March inspection not done by 31 March: overdue on 1 April
        late = coverage.due_work(supervisor, dt.date(2026, 4, 1))
        assert any(d.what == "inspect" and d.overdue(dt.date(2026, 4, 1)) for d in late)
        # quarterly full coverage: 5 targets in the pool, the March one not done yet
        item.rule_kind, item.rule_period = "coverage", "quarter"
        db.session.commit()
        q1 = coverage.standing(item, supervisor, dt.date(2026, 3, 31))
        assert (q1.start, q1.end, q1.demanded, q1.planned, q1.to_plan) == (
            dt.date(2026, 1, 1),
            dt.date(2026, 3, 31),
            5,
            1,
            4,
        )
        q2 = coverage.standing(item, supervisor, dt.date(2026, 4, 1))
        assert (q2.start, q2.to_plan, q2.covered) == (dt.date(2026, 4, 1), 5, 0)
        inspection = plan.picks[0].inspection
        filler = inspection.inspectors[0]
        test_inspections.fill_everything(as_(app, filler), inspection.uuid, world["template"])
        workflow.submit(inspection, filler, dt.date(2026, 3, 20))
        db.session.commit()
        q1 = coverage.standing(item, supervisor, dt.date(2026, 3, 31))
        assert (q1.covered, q1.coverage, q1.overdue) == (1, 0.2, 0)


def test_approved_results_are_due_for_publication_in_working_days(app, world, pool):
    supervisor = world["supervisor"]
    session = as_(app, supervisor)
    plan_id = commit(session, pool["item"], count=1).json["id"]
    session.post(f"{PLANS}/{plan_id}/draw")
    inspection = db.session.get(SpotcheckPlan, plan_id).picks[0].inspection
    filler = inspection.inspectors[0]
    test_inspections.fill_everything(as_(app, filler), inspection.uuid, world["template"])
    workflow.submit(inspection, filler, dt.date(2026, 9, 25))
    workflow.approve(inspection, supervisor)
    db.session.commit()
    approved = plans.approved_at([inspection.id])[inspection.id]
    calendar = official_calendar()
    with app.test_request_context():
        due = coverage.due_work(supervisor, dt.date(2026, 11, 23))
        assert [d.due_on for d in due if d.what == "publish"] == [
            plans.publish_due(approved, calendar)
        ]
        # 20 working days after Friday 25 September 2026: 28–30 September, National Day off
        # (1–7 October), Saturday 10 October a make-up working day → Thursday 29 October
        approved_then = dt.datetime(2026, 9, 25, 10, tzinfo=dt.UTC)
        assert plans.publish_due(approved_then, calendar) == dt.date(2026, 10, 29)
        app.config["SPOTCHECK_PUBLISH_DAYS"] = 5  # 28, 29, 30 September, 8, 9 October
        assert plans.publish_due(approved_then, calendar) == dt.date(2026, 10, 9)


# --- the pools' Excel imports ------------------------------------------------------------------


def _sheet(header, rows) -> io.BytesIO:
    book = Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    out.seek(0)
    return out


def test_imports_name_each_bad_row_and_write_nothing(app, world, pool):
    session = as_(app, world["supervisor"])
    before = db.session.scalar(sa.select(sa.func.count()).select_from(SpotcheckTarget))
    sheet = _sheet(
        ["统一社会信用代码", "单位名称", "行业", "风险等级", "在库"],
        [
            ["", pool["orgs"][1].name, "洁净煤配送", "较高", "是"],
            ["", "没有这个单位", "洁净煤配送", "低", "是"],
            ["", pool["orgs"][2].name, "洁净煤配送", "极高", "是"],
            ["", world["foreign"].name, "洁净煤配送", "低", "是"],  # another region's
            ["", pool["orgs"][3].name, "洁净煤配送", "低", "也许"],
        ],
    )
    response = session.post("/spotcheck/pools/targets", data={"targets-file": (sheet, "t.xlsx")})
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    for where in ("第3行 单位名称", "第4行 风险等级", "第5行 单位名称", "第6行 在库"):
        assert where in html, where
    assert "第2行" not in html
    db.session.expire_all()
    assert db.session.scalar(sa.select(sa.func.count()).select_from(SpotcheckTarget)) == before
    assert _targets(pool)[1][1].risk_class == RiskClass.LOW  # row 2 was valid, not written

    people = _sheet(
        ["用户名", "执法证号", "部门"],
        [["insp", "鲁冠执0002", "县市场监督管理局"], ["nobody", "X1", "局"], ["insp3", "", "局"]],
    )
    response = session.post(
        "/spotcheck/pools/inspectors", data={"inspectors-file": (people, "p.xlsx")}
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    for where in ("第2行 执法证号", "第3行 用户名", "第4行 执法证号"):
        assert where in html, where
    not_excel = session.post(
        "/spotcheck/pools/targets", data={"targets-file": (io.BytesIO(b"a,b"), "t.xlsx")}
    )
    assert not_excel.status_code == 422

    good = _sheet(
        ["统一社会信用代码", "单位名称", "行业", "风险等级", "在库"],
        [["", pool["orgs"][1].name, "洁净煤配送", "较高风险", "是"]],
    )
    response = session.post("/spotcheck/pools/targets", data={"targets-file": (good, "t.xlsx")})
    assert response.status_code == 302
    db.session.expire_all()
    assert _targets(pool)[1][1].risk_class == RiskClass.ELEVATED


def test_items_keep_their_basis_live_and_refuse_unknown_clauses(app, world, pool):
    from checklists.standards.models import Clause

    clause = db.session.scalar(sa.select(Clause).where(Clause.key.like("冠政发〔2016〕109号/五/%")))
    item = pool["item"]
    body = {
        "department": "局",
        "matter": "x",
        "basis": ["没有/这条"],
        "method": "onsite",
        "template_id": world["template"].id,
        "rule_kind": "at_least",
        "rule_period": "month",
    }
    with pytest.raises(InputError) as refused:
        spot_items.save(world["supervisor"], item, body)
    assert set(refused.value.fields) == {"basis"}
    db.session.rollback()
    saved = spot_items.save(
        world["supervisor"],
        item,
        {
            "department": DEPARTMENT,
            "matter": "煤质抽检",
            "basis": [clause.key],
            "method": "onsite",
            "template_id": world["template"].id,
            "rule_kind": "ratio",
            "rule_period": "month",
            "rule_value": 10,
        },
    )
    db.session.commit()
    page = app.test_client().get("/public/spotcheck").get_data(as_text=True)
    assert clause.key in page and "每月抽查比例不低于10%" in page and saved.department in page
