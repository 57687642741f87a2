"""A finding is due when its clause says a failure must be put right (冠政发〔2016〕109号 四（二）:
"未通过验收的限期一个月整改" for the construction standards of 二), counted from the inspection's
day on the official calendar and explained with the clause's words; an item whose clause states
no such time gets its severity's default (FINDING_DEADLINES). Month deadlines can be set, shown
and computed like the other units. The month arithmetic itself is in test_workdays.py."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from checklists.core.extensions import db
from inspections.filling import api as inspections_api
from inspections.findings import deadlines
from inspections.findings.models import Finding, FindingEvent
from tests import test_inspections, test_workflow
from tests.test_inspections import API, as_, fill_everything, jpeg, upload
from tests.test_inspections import answer as put_answer
from tests.test_templates import by_prompt

coal = test_workflow.coal
world = test_inspections.world
started = test_inspections.started

FINDINGS = "/api/v1/findings"
AREA = "储煤厂房建设面积"  # 二（二）1: the clause's consequence is 四（二）'s one month
INVOICES = "每批次洁净煤均索要购货发票"  # 六/2, major: no time stated → 15 days
BASIS = (
    "整改期限依据冠政发〔2016〕109号 四（二）：“未通过验收的限期一个月整改”，为1个月"
    "（条款规定的整改期限，不适用按严重程度的默认期限）。"
)
AT = "2026-11-21T11:00:00+08:00"


def on(monkeypatch, day: dt.date) -> None:
    monkeypatch.setattr(inspections_api, "local_today", lambda: day)


def fail(session, key, template, *prompts, tag="f") -> None:
    for prompt in prompts:
        item = by_prompt(template, prompt)
        value = "480" if prompt == AREA else "no"
        saved = put_answer(session, key, item, value, f"{tag}{item.id}", at=AT)
        assert saved.json["result"] == "fail", saved.json
        if prompt == AREA:
            upload(session, key, jpeg(), item_id=str(item.id))


def submit(session, key) -> dict[str, dict]:
    body = session.post(f"{API}/{key}/submit").json
    assert body["status"] == "submitted", body
    return {f["item_id"]: f for f in body["findings"]}


def findings_of(app, world, started, monkeypatch, day, *prompts) -> dict[str, dict]:
    """Submit the started inspection on ``day`` with ``prompts`` failing; the findings as the
    enterprise reads them, by prompt."""
    session, key = started
    on(monkeypatch, day)
    fill_everything(session, key, world["template"])
    fail(session, key, world["template"], *prompts)
    listed = submit(session, key)
    enterprise = as_(app, world["enterprise"])
    out = {}
    for prompt in prompts:
        item = by_prompt(world["template"], prompt)
        out[prompt] = enterprise.get(f"{FINDINGS}/{listed[item.id]['id']}").json
    return out


def test_a_failed_construction_standard_is_due_one_month_later_as_its_clause_says(
    app, world, started, monkeypatch
):
    found = findings_of(app, world, started, monkeypatch, dt.date(2026, 9, 30), AREA, INVOICES)
    area, invoices = found[AREA], found[INVOICES]
    # 9-30 + 1 month: 10-30, a Friday (the National Day holiday lies inside the month, not at
    # its end), not the 15 days a major finding gets by default.
    assert area["severity"] == "major" and area["due_on"] == "2026-10-30"
    assert area["deadline"] == {
        "start": "2026-09-30",
        "n": 1,
        "unit": "month",
        "provisional": False,
        "explanation": BASIS
        + "自2026年9月30日的次日起计算1个月（不计开始当日；到期月的对应日为期间的最后一日，"
        "民法典第二百零二条），截止于2026年10月30日。",
    }
    assert area["events"][0]["kind"] == "raised"
    assert area["events"][0]["text"] == area["deadline"]["explanation"]
    # the same severity without a time in its clause: the default, and no clause named for it
    assert invoices["severity"] == "major" and invoices["due_on"] == "2026-10-15"
    assert (invoices["deadline"]["n"], invoices["deadline"]["unit"]) == (15, "day")
    assert "整改期限依据" not in invoices["deadline"]["explanation"]
    # the finding's page shows the deadline in Chinese with its reason
    html = as_(app, world["enterprise"]).get(f"/findings/{area['id']}").get_data(as_text=True)
    assert "个月" in html and "未通过验收的限期一个月整改" in html


@pytest.mark.parametrize(
    ("day", "due_on", "words"),
    [
        # 9-01 + 1 month is 10-01, National Day: the day after the holiday (第二百零三条)
        (
            dt.date(2026, 9, 1),
            "2026-10-08",
            "期限最后一日2026年10月1日为法定节假日（国庆节），顺延至2026年10月8日",
        ),
        # 3-31 + 1 month: April has no 31st → its last day (第二百零二条)
        (dt.date(2026, 3, 31), "2026-04-30", "到期月没有对应日，以月末日为期间的最后一日"),
        # 1-31 + 1 month: 2-28, a make-up Saturday of the Spring Festival: worked, so it stays
        (dt.date(2026, 1, 31), "2026-02-28", "截止于2026年2月28日"),
    ],
    ids=["ends-on-national-day", "month-end", "make-up-saturday"],
)
def test_a_month_ends_on_the_corresponding_day_or_the_month_end_and_skips_holidays(
    app, world, started, monkeypatch, day, due_on, words
):
    area = findings_of(app, world, started, monkeypatch, day, AREA)[AREA]
    assert area["due_on"] == due_on
    explanation = area["deadline"]["explanation"]
    assert explanation.startswith(BASIS) and words in explanation


def test_found_again_on_resubmission_the_clause_deadline_counts_from_the_new_day(
    app, world, started, monkeypatch
):
    session, key = started
    supervisor = as_(app, world["supervisor"])
    area = by_prompt(world["template"], AREA)
    on(monkeypatch, dt.date(2026, 9, 30))
    fill_everything(session, key, world["template"])
    fail(session, key, world["template"], AREA)
    first = submit(session, key)[area.id]
    assert supervisor.post(f"{API}/{key}/return", json={"comment": "复核"}).status_code == 200
    put_answer(session, key, area, "520", "pass-area", at="2026-11-21T12:00:00+08:00")
    assert submit(session, key)[area.id]["status"] == "withdrawn"
    assert supervisor.post(f"{API}/{key}/return", json={"comment": "再复核"}).status_code == 200
    put_answer(session, key, area, "470", "fail-again", at="2026-11-21T13:00:00+08:00")
    on(monkeypatch, dt.date(2026, 3, 31))  # (a clock set back: any day will do)
    again = submit(session, key)[area.id]
    assert again["id"] == first["id"] and again["status"] == "open"
    body = as_(app, world["enterprise"]).get(f"{FINDINGS}/{again['id']}").json
    assert body["due_on"] == "2026-04-30"
    assert (body["deadline"]["n"], body["deadline"]["unit"]) == (1, "month")
    assert body["deadline"]["explanation"].startswith(BASIS)


def test_a_provisional_clause_deadline_keeps_its_reason_when_recomputed(
    app, world, started, monkeypatch
):
    area = findings_of(app, world, started, monkeypatch, dt.date(2026, 12, 28), AREA)[AREA]
    assert area["due_on"] == "2027-01-28" and area["deadline"]["provisional"]
    assert "暂定" in area["deadline"]["explanation"]
    with app.app_context():
        deadlines.load_year(2027, "2027-01-25~2027-01-29", "", None)  # a week off, say
        db.session.commit()
    after = as_(app, world["enterprise"]).get(f"{FINDINGS}/{area['id']}").json
    assert after["due_on"] == "2027-02-01" and not after["deadline"]["provisional"]
    assert after["deadline"]["explanation"].startswith(BASIS)
    assert "顺延至2027年2月1日" in after["deadline"]["explanation"]
    assert "暂定" not in after["deadline"]["explanation"]
    with app.app_context():
        recomputed = db.session.scalars(
            sa.select(FindingEvent.text).where(
                FindingEvent.finding_id == area["id"], FindingEvent.kind == "recomputed"
            )
        ).all()
    assert recomputed == [after["deadline"]["explanation"]]


def test_an_inspector_may_set_a_deadline_in_months_and_bad_ones_are_refused_in_chinese(
    app, world, started, monkeypatch
):
    invoices = findings_of(app, world, started, monkeypatch, dt.date(2026, 9, 30), INVOICES)[
        INVOICES
    ]
    inspector = as_(app, world["inspector"])
    base = f"{FINDINGS}/{invoices['id']}"
    changed = inspector.patch(base, json={"deadline": {"n": 2, "unit": "month"}})
    assert changed.status_code == 200, changed.json
    assert changed.json["due_on"] == "2026-11-30"  # 9-30 + 2 months: a Monday
    assert (changed.json["deadline"]["n"], changed.json["deadline"]["unit"]) == (2, "month")
    # an inspector's deadline is the inspector's: no clause is named for it
    assert "整改期限依据" not in changed.json["deadline"]["explanation"]
    html = inspector.get(f"/findings/{invoices['id']}").get_data(as_text=True)
    assert "2 个月" in html
    too_long = inspector.patch(base, json={"deadline": {"n": 121, "unit": "month"}})
    assert too_long.status_code == 422
    assert too_long.json["error"]["fields"]["n"] == "须为1至120的整数。"
    years = inspector.patch(base, json={"deadline": {"n": 11, "unit": "year"}})
    assert years.status_code == 422 and "1至10" in years.json["error"]["fields"]["n"]
    weeks = inspector.patch(base, json={"deadline": {"n": 2, "unit": "week"}})
    assert weeks.status_code == 422 and "month" in weeks.json["error"]["fields"]["unit"]
    # the page's form offers months too
    token_page = inspector.get(f"/findings/{invoices['id']}").get_data(as_text=True)
    assert 'value="month"' in token_page and 'value="year"' in token_page


def test_the_public_calculator_counts_months_and_years(client):
    month = client.get("/api/v1/calendar/deadline?start=2026-03-31&n=1&unit=month")
    assert month.status_code == 200
    assert month.json["due_on"] == "2026-04-30" and month.json["unit"] == "month"
    assert "民法典第二百零二条" in month.json["explanation"]
    year = client.get("/api/v1/calendar/deadline?start=2024-02-29&n=1&unit=year")
    assert year.json["due_on"] == "2025-02-28"
    late = client.get("/api/v1/calendar/deadline?start=9999-12-01&n=1&unit=month")
    assert late.status_code == 422 and "start" in late.json["error"]["fields"]
    many = client.get("/api/v1/calendar/deadline?start=2026-03-31&n=121&unit=month")
    assert many.status_code == 422 and "n" in many.json["error"]["fields"]


def test_a_severity_default_may_be_in_months(app):
    app.config["FINDING_DEADLINES"] = "critical:1:month,major:15:day"
    with app.app_context():
        assert deadlines.default_for("critical") == (1, "month")
        assert deadlines.default_for("major") == (15, "day")


def test_an_unusable_fix_falls_back_to_the_severity_default(app, world):
    area = by_prompt(world["template"], AREA)
    with app.app_context():
        assert deadlines.for_item(area)[:2] == (1, "month")
        for n, unit in ((0, "month"), (121, "month"), (1, "week"), (None, "month")):
            area.fix_n, area.fix_unit = n, unit
            assert deadlines.for_item(area) == (15, "day", "")
        db.session.rollback()
    assert db.session.scalar(sa.select(sa.func.count(Finding.id))) == 0
