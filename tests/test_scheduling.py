"""Scheduled inspections through the API, the pages and the services: creating a schedule once
per client_id, who sees and changes what (404 → 403 → 409 → 422, enterprise users find
nothing), the standing of each occurrence (待检, 已完成, 逾期: started for it, or fulfilled by an
inspection of its period), the one-tap start, the newest published version, the calendar for a
supervisor and an inspector, the rule a clause's frequency suggests, the demo's schedules."""

from __future__ import annotations

import datetime as dt
import re
import uuid

import pytest
import sqlalchemy as sa

from checklists.accounts.models import Site
from checklists.authoring import operations as builder
from checklists.core.clock import local_today
from checklists.core.extensions import db
from checklists.standards.models import Clause
from inspections.cli import load_demo
from inspections.filling import workflow
from inspections.filling.models import Inspection, InspectionStatus
from inspections.scheduling import operations
from inspections.scheduling.models import Schedule, ScheduledInspection
from inspections.scheduling.rules import OccurrenceStatus
from tests import test_inspections, test_workflow
from tests.conftest import load_demo_once
from tests.test_inspections import as_

coal = test_workflow.coal
world = test_inspections.world

API = "/api/v1/schedules"
CHINESE = re.compile(r"[\u4e00-\u9fff]")
D = dt.date


def body(world, **extra):
    return {
        "client_id": str(uuid.uuid4()),
        "template_id": world["template"].id,
        "organisation_id": world["own"].id,
        "inspector_ids": [world["inspector"].id],
        "rule_kind": "day",
        "rule_day": 20,
        "starts_on": "2026-01-01",
        **extra,
    }


@pytest.fixture
def monthly(world):
    """The world's own depot every month on the 20th from 2026-01-01, assigned to the
    inspector, made by its supervisor."""
    schedule, created = operations.create(
        world["supervisor"],
        {
            "template_id": world["template"].id,
            "organisation_id": world["own"].id,
            "inspector_ids": [world["inspector"].id],
            "rule_kind": "day",
            "rule_day": 20,
            "starts_on": D(2026, 1, 1),
        },
        client_id="monthly",
        today=D(2026, 1, 1),
    )
    db.session.commit()
    assert created
    return schedule


def submitted(world, org, on: dt.date, *, template=None, site=None) -> Inspection:
    """An inspection of ``org`` submitted at noon (Beijing time) on ``on``."""
    inspection, _new = workflow.create_inspection(
        template or world["template"], org, world["other_inspector"]
    )
    inspection.site = site
    inspection.status = InspectionStatus.SUBMITTED
    inspection.submitted_at = dt.datetime.combine(on, dt.time(4), dt.UTC)
    db.session.commit()
    return inspection


def standing(user, start, end, today, **filters):
    return [
        (o.due_on, o.status)
        for o in operations.occurrences(user, start, end, today=today, **filters)
    ]


# --- create, once -----------------------------------------------------------------------------


def test_create_is_idempotent_by_client_id(app, world):
    session = as_(app, world["supervisor"])
    sent = body(world)
    first = session.post(API, json=sent)
    assert first.status_code == 201, first.json
    again = session.post(API, json=sent)
    assert (again.status_code, again.json["id"]) == (200, first.json["id"])
    assert first.json["rule"] == "每月20日前" and first.json["inspector_ids"] == [
        world["inspector"].id
    ]
    assert db.session.scalar(sa.select(sa.func.count(Schedule.id))) == 1
    # another region's supervisor cannot see it: the client_id is someone else's
    far = as_(app, world["far_supervisor"]).post(
        API, json={**sent, "organisation_id": world["foreign"].id}
    )
    assert far.status_code == 409 and far.json["error"]["code"] == "id_reused"
    assert db.session.scalar(sa.select(sa.func.count(Schedule.id))) == 1


#: (changes to a good body, fields left out, the field refused, words its message holds)
REFUSALS = [
    ({"rule_day": None}, (), "rule_day", None),  # null where the document allows none
    ({"rule_day": 40}, (), "rule_day", "31"),
    ({"rule_kind": "following_month"}, ("rule_day",), "rule_day", "必填"),
    ({"rule_kind": "weeks"}, ("rule_day",), "rule_weekday", "必填"),
    ({"rule_period": "quarter", "rule_month": 4}, (), "rule_month", "1 至 3"),
    ({"ends_on": "2025-12-31"}, (), "ends_on", "开始日期"),
    ({"inspector_ids": []}, (), "inspector_ids", "检查人员"),
    ({"note": "长" * 1001}, (), "note", "1000"),
    ({"client_id": None}, (), "client_id", "必填"),
]


def test_refusals_name_the_field_in_chinese(app, world):
    """Every case on one world (a world costs a second or two to set up): each field refused
    by name with a Chinese reason; references outside the supervisor's reach; a checklist
    with no published version (409, but not for a draft of a published one)."""
    session = as_(app, world["supervisor"])
    for extra, drop, field, words in REFUSALS:
        sent = {k: v for k, v in body(world, **extra).items() if k not in drop}
        response = session.post(API, json=sent)
        assert response.status_code == 422, (extra, response.json)
        message = response.json["error"]["fields"][field]
        assert CHINESE.search(message), message
        assert words is None or words in message, (extra, message)
    site = Site(organisation=world["foreign"], name="外单位仓库")
    db.session.add(site)
    draft = builder.new_version(world["template"], None)
    lone = builder.create_template("未发布", None)
    db.session.commit()
    outside = body(
        world,
        organisation_id=world["foreign"].id,  # in 临淄区: not the supervisor's
        site_id=site.id,
        inspector_ids=[world["author"].id],
    )
    fields = session.post(API, json=outside).json["error"]["fields"]
    assert fields["organisation_id"] == "没有这个单位。"
    assert set(fields) == {"organisation_id", "site_id", "inspector_ids"}
    assert db.session.scalar(sa.select(sa.func.count(Schedule.id))) == 0
    refused = session.post(API, json=body(world, template_id=lone.id))
    assert refused.status_code == 409 and refused.json["error"]["code"] == "template_unpublished"
    assert session.post(API, json=body(world, template_id=draft.id)).status_code == 201


# --- who sees and changes what ------------------------------------------------------------------


def test_checks_run_404_then_403_then_422(app, world, monthly):
    path = f"{API}/{monthly.id}"
    wrong = {"rule_day": 99}
    # an enterprise user finds nothing at all, its own organisation's schedule included
    enterprise = as_(app, world["enterprise"])
    for method, url in (
        ("get", API),
        ("get", path),
        ("patch", path),
        ("get", f"{API}/occurrences?from=2026-01-01&to=2026-01-31"),
    ):
        assert getattr(enterprise, method)(url, json=wrong).status_code == 404, url
    assert enterprise.post(API, json=body(world)).status_code == 404
    # another region's supervisor: missing; the author: not their business
    assert as_(app, world["far_supervisor"]).patch(path, json=wrong).status_code == 404
    author = as_(app, world["author"])
    assert author.patch(path, json=wrong).status_code == 403
    assert author.get(f"{API}/999999").status_code == 404
    # an inspector: their own assignment is visible, not theirs to change; another is missing
    inspector = as_(app, world["inspector"])
    assert inspector.get(path).status_code == 200
    assert inspector.patch(path, json=wrong).status_code == 403
    assert inspector.post(API, json=body(world)).status_code == 403
    assert as_(app, world["other_inspector"]).get(path).status_code == 404
    assert [s["id"] for s in inspector.get(API).json] == [monthly.id]
    assert as_(app, world["other_inspector"]).get(API).json == []
    # the supervisor: the body is judged last
    session = as_(app, world["supervisor"])
    refused = session.patch(path, json=wrong)
    assert refused.status_code == 422 and "rule_day" in refused.json["error"]["fields"]
    # the window of occurrences: at most 366 days, not backwards, both ends given
    for query in ("from=2026-01-01&to=2027-01-02", "from=2026-02-01&to=2026-01-31"):
        response = session.get(f"{API}/occurrences?{query}")
        assert response.status_code == 422
        assert CHINESE.search(response.json["error"]["fields"]["to"])
    assert session.get(f"{API}/occurrences?from=2026-01-01&to=2026-12-31").status_code == 200
    missing = session.get(f"{API}/occurrences?from=2026-01-01")
    assert missing.status_code == 400 and "to" in missing.json["error"]["fields"]


def test_patch_changes_the_rule_and_deactivation_keeps_earlier_standing(app, world, monthly):
    session = as_(app, world["supervisor"])
    changed = session.patch(
        f"{API}/{monthly.id}",
        json={"rule_kind": "day", "rule_period": "quarter", "rule_month": 1, "note": "季检"},
    )
    assert changed.status_code == 200, changed.json
    assert (changed.json["rule"], changed.json["note"]) == ("每季度第一个月的20日前", "季检")
    db.session.expire_all()
    year = (D(2026, 1, 1), D(2026, 12, 31))
    assert [d for d, _s in standing(world["supervisor"], *year, D(2026, 5, 1))] == [
        D(2026, 1, 20),
        D(2026, 4, 20),
        D(2026, 7, 20),
        D(2026, 10, 20),
    ]
    # deactivated on 2026-05-01: the overdue ones stay overdue, nothing falls due after it
    operations.update(
        world["supervisor"], db.session.get(Schedule, monthly.id), {"active": False}, D(2026, 5, 1)
    )
    db.session.commit()
    assert standing(world["supervisor"], *year, D(2026, 5, 1)) == [
        (D(2026, 1, 20), OccurrenceStatus.OVERDUE),
        (D(2026, 4, 20), OccurrenceStatus.OVERDUE),
    ]
    assert session.get(f"{API}/{monthly.id}").json["deactivated_on"] == "2026-05-01"
    again = session.patch(f"{API}/{monthly.id}", json={"active": True})
    assert again.json["active"] is True and again.json["deactivated_on"] is None


# --- occurrences and their standing -------------------------------------------------------------


def test_standing_started_for_it_or_fulfilled_in_its_period(app, world, monthly, make_org):
    inspector, supervisor = world["inspector"], world["supervisor"]
    # February's: started for it (on the calendar), submitted late, on 2026-03-02
    feb, created = operations.start(inspector, monthly, D(2026, 2, 20))
    db.session.commit()
    assert created and feb.planned_on == D(2026, 2, 20)
    feb.status = InspectionStatus.SUBMITTED
    feb.submitted_at = dt.datetime(2026, 3, 2, 2, tzinfo=dt.UTC)
    # March's: an inspection of the same depot and checklist, submitted on 2026-03-10 (it
    # would count for nothing else: February's inspection is started for February)
    march = submitted(world, world["own"], D(2026, 3, 10))
    # nothing for April's from another organisation
    submitted(world, make_org("别的单位", region=world["own"].region), D(2026, 4, 10))
    db.session.commit()
    today = D(2026, 4, 25)
    assert standing(supervisor, D(2026, 1, 1), D(2026, 5, 31), today) == [
        (D(2026, 1, 20), OccurrenceStatus.OVERDUE),
        (D(2026, 2, 20), OccurrenceStatus.DONE),
        (D(2026, 3, 20), OccurrenceStatus.DONE),
        (D(2026, 4, 20), OccurrenceStatus.OVERDUE),
        (D(2026, 5, 20), OccurrenceStatus.DUE),
    ]
    found = operations.occurrences(supervisor, D(2026, 2, 1), D(2026, 3, 31), today=today)
    assert [(o.inspection_uuid, o.started) for o in found] == [
        (feb.uuid, True),
        (march.uuid, False),
    ]
    # the inspector opens the one started for them; the colleague's inspection stays hidden
    found = operations.occurrences(inspector, D(2026, 2, 1), D(2026, 3, 31), today=today)
    assert [o.inspection_uuid for o in found] == [feb.uuid, None]
    assert [o.status for o in found] == [OccurrenceStatus.DONE, OccurrenceStatus.DONE]
    # the API says the same, with the period each is for
    api = as_(app, inspector).get(f"{API}/occurrences?from=2026-03-01&to=2026-03-31").json
    assert api == [
        {
            "schedule_id": monthly.id,
            "organisation_id": world["own"].id,
            "site_id": None,
            "template_id": world["template"].id,
            "due_on": "2026-03-20",
            "period_start": "2026-03-01",
            "period_end": "2026-03-31",
            "status": "done",
            "inspection_uuid": None,
        }
    ]


def test_a_sites_schedule_counts_only_that_sites_inspections(world):
    east, west = (
        Site(organisation=world["own"], name="东库"),
        Site(organisation=world["own"], name="西库"),
    )
    db.session.add_all([east, west])
    db.session.commit()
    schedule, _new = operations.create(
        world["supervisor"],
        {
            "template_id": world["template"].id,
            "organisation_id": world["own"].id,
            "site_id": east.id,
            "inspector_ids": [world["inspector"].id],
            "rule_kind": "last_working_day",
            "starts_on": D(2026, 1, 1),
        },
        client_id="east",
        today=D(2026, 1, 1),
    )
    submitted(world, world["own"], D(2026, 1, 12), site=west)
    args = (world["supervisor"], D(2026, 1, 1), D(2026, 2, 28), D(2026, 3, 1))
    assert standing(*args, schedule_id=schedule.id) == [
        (D(2026, 1, 30), OccurrenceStatus.OVERDUE),
        (D(2026, 2, 28), OccurrenceStatus.OVERDUE),  # a Saturday worked (调休)
    ]
    submitted(world, world["own"], D(2026, 2, 3), site=east)
    assert standing(*args, schedule_id=schedule.id)[1] == (D(2026, 2, 28), OccurrenceStatus.DONE)


# --- the one-tap start --------------------------------------------------------------------------


def test_one_tap_start_is_idempotent(app, world, monthly):
    session = as_(app, world["inspector"])
    supervisor, other, enterprise = (
        as_(app, world[name]) for name in ("supervisor", "other_inspector", "enterprise")
    )
    url = f"/schedules/{monthly.id}/occurrences/2026-02-20/start"
    first = session.post(url, data={"csrf_token": session.token})
    again = session.post(url, data={"csrf_token": session.token})  # the answer was lost
    assert first.status_code == again.status_code == 303
    assert first.headers["Location"] == again.headers["Location"]
    assert first.headers["Location"].endswith("/fill")
    db.session.remove()
    [link] = db.session.scalars(sa.select(ScheduledInspection)).all()
    inspection = link.inspection
    assert (link.schedule_id, link.due_on) == (monthly.id, D(2026, 2, 20))
    assert inspection.planned_on == D(2026, 2, 20)
    assert [u.id for u in inspection.inspectors] == [world["inspector"].id]
    assert db.session.scalar(sa.select(sa.func.count(Inspection.id))) == 1
    # the supervisor's tap opens the same inspection
    same = supervisor.post(url, data={"csrf_token": supervisor.token})
    assert same.headers["Location"] == first.headers["Location"]
    assert db.session.scalar(sa.select(sa.func.count(Inspection.id))) == 1
    # a day the schedule is not due on, or not a day at all, is missing; another inspector
    # does not see the schedule
    for day in ("2026-02-21", "2026-13-01", "2025-12-20"):
        wrong = session.post(
            f"/schedules/{monthly.id}/occurrences/{day}/start", data={"csrf_token": session.token}
        )
        assert wrong.status_code == 404, day
    assert other.post(url, data={"csrf_token": other.token}).status_code == 404
    assert enterprise.post(url, data={"csrf_token": enterprise.token}).status_code == 404
    # a newer published version of the checklist takes over for the next occurrence
    newer = builder.new_version(db.session.get(Schedule, monthly.id).template, None)
    builder.publish(newer, None)
    db.session.commit()
    shown = supervisor.get(f"{API}/{monthly.id}").json
    assert shown["template_id"] == newer.id and shown["next_due_on"] is not None
    march = f"/schedules/{monthly.id}/occurrences/2026-03-20/start"
    assert supervisor.post(march, data={"csrf_token": supervisor.token}).status_code == 303
    db.session.remove()
    started = db.session.scalar(
        sa.select(ScheduledInspection).where(ScheduledInspection.due_on == D(2026, 3, 20))
    )
    assert started.inspection.template_id == newer.id


# --- the pages ----------------------------------------------------------------------------------


def test_calendar_for_a_supervisor_and_an_inspector(app, world, monthly):
    overdue = local_today() > D(2026, 3, 20)
    supervisor = as_(app, world["supervisor"]).get("/schedules/calendar?month=2026-03")
    html = supervisor.get_data(as_text=True)
    assert supervisor.status_code == 200
    assert 'class="month-grid"' in html and world["own"].name in html
    assert html.count('<li class="occ occ-') == 1  # one due day in the month
    assert f"/schedules/{monthly.id}/occurrences/2026-03-20/start" in html
    kind, label = ("overdue", "逾期") if overdue else ("due", "待检")
    assert f'<span class="badge occ-{kind}">{label}</span>' in html
    # the 20th in its cell; 2026-03-01 is a Sunday: six empty cells before it on a wide screen
    assert html.count('<li class="day outside" aria-hidden="true"></li>') == 6 + 5
    mine = as_(app, world["inspector"]).get("/schedules/calendar?month=2026-03")
    assert world["own"].name in mine.get_data(as_text=True)
    assert "开始" in mine.get_data(as_text=True)
    other = as_(app, world["other_inspector"]).get("/schedules/calendar?month=2026-03")
    assert "本月没有到期的定期检查" in other.get_data(as_text=True)
    early = as_(app, world["supervisor"]).get("/schedules/calendar?month=2025-12")
    assert "本月没有到期的定期检查" in early.get_data(as_text=True)  # before its first day
    assert as_(app, world["enterprise"]).get("/schedules/calendar").status_code == 404
    assert as_(app, world["author"]).get("/schedules/calendar").status_code == 403


def test_the_form_creates_once_and_suggests_the_clauses_frequency(app, world):
    clause = db.session.scalar(
        sa.select(Clause).where(Clause.key == "冠政发〔2016〕109号/五/（三）")
    )
    template = builder.draft_template("煤质抽检", None, clauses=[clause], include_authority=True)
    builder.confirm_items(template, [i.id for i in template.ordered_items()])
    builder.publish(template, None)
    db.session.commit()
    assert operations.suggestion(world["template"]) is None  # 每批次 only: no period to keep
    session = as_(app, world["supervisor"])
    page = session.get(f"/schedules/new?template_id={template.id}").get_data(as_text=True)
    assert "冠政发〔2016〕109号 五（三）" in page and "每月最后一个工作日前" in page
    assert re.search(r'<input checked[^>]*value="last_working_day"', page)
    client_id = re.search(r'name="client_id" type="hidden" value="([^"]+)"', page).group(1)
    form = {
        "csrf_token": session.token,
        "client_id": client_id,
        "template_id": str(template.id),
        "organisation_id": str(world["own"].id),
        "site_id": "",
        "inspector_ids": [str(world["inspector"].id)],
        "rule_kind": "last_working_day",
        "rule_period": "month",
        "rule_weekday": "0",
        "starts_on": "2026-01-01",
    }
    assert session.post("/schedules/new", data=form).status_code == 303
    assert session.post("/schedules/new", data=form).status_code == 303  # sent twice
    db.session.remove()
    [made] = db.session.scalars(sa.select(Schedule)).all()
    assert made.rule.describe() == "每月最后一个工作日前" and made.template_id == template.id
    refused = session.post("/schedules/new", data={**form, "client_id": "x2", "rule_kind": "day"})
    assert refused.status_code == 422 and "此项为必填项" in refused.get_data(as_text=True)
    assert session.get(f"/schedules/{made.id}/edit").status_code == 200
    # the edit form without "active": deactivated from today
    edited = {**form, "client_id": ""}
    assert session.post(f"/schedules/{made.id}/edit", data=edited).status_code == 303
    db.session.remove()
    made = db.session.get(Schedule, made.id)
    assert (made.active, made.deactivated_on) == (False, local_today())
    assert as_(app, world["inspector"]).get(f"/schedules/{made.id}/edit").status_code == 403
    listing = as_(app, world["inspector"]).get("/schedules/").get_data(as_text=True)
    assert "每月最后一个工作日前" in listing


def test_demo_load_makes_its_schedules_once(app, app_ctx):
    load_demo_once()
    made = db.session.scalars(sa.select(Schedule).order_by(Schedule.id)).all()
    assert [s.client_id for s in made] == [
        "demo-schedule-depot-monthly",
        "demo-schedule-chemicals-quarterly",
    ]
    assert [u.username for u in made[0].inspectors] == ["inspector"]
    load_demo()
    assert db.session.scalar(sa.select(sa.func.count(Schedule.id))) == 2
