"""The ``date_pair`` answer type: when something was received and when it was answered, judged
against N working days or days counted from the next day (民法典 第二百零一条), a period of days
whose last day is a rest day ending on the next working day (第二百零三条), with the official
calendar (holidays, 调休 and the years an administrator loaded).

Expected dates were checked by hand against the State Council arrangements (as in
``tests/test_workdays.py``): 2026 国庆 Oct 1–7 off, make-up Sun Sept 20 and Sat Oct 10; 2026
春节 Feb 15–23 off, make-up Sat Feb 14 and Sat Feb 28. ``CASES`` is also what the phone must
judge the same way offline (``tests/test_browser_offline.py``).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re

import pytest
import sqlalchemy as sa

from checklists import scoring
from checklists.accounts.models import OrgKind, Role
from checklists.authoring import excel, exchange
from checklists.authoring import operations as builder
from checklists.authoring.widgets import rule_label
from checklists.core.errors import InputError
from checklists.core.extensions import db
from checklists.core.workdays import OfficialCalendar
from checklists.demo import templates as demo_templates
from checklists.scoring.answer_types import ERR_PAIR_ORDER
from inspections.filling import views as filling_views
from inspections.filling import workflow
from inspections.filling.models import Answer, Inspection
from inspections.findings.models import CalendarYear
from tests import test_conditions_templates
from tests.conftest import csrf_token, login
from tests.test_templates import by_prompt
from tests.test_workdays import RULE_2027

CITE = "冠政发〔2016〕78号 三（二）8"
INQUIRY = "供应商询问"  # the procurement template's 3 working days
CHALLENGE = "供应商质疑"  # its 7 working days

#: (case, N, unit, from, to, expected result): 调休 weekends and holidays, working days and
#: days, exactly N (pass) and N+1 (fail), an answer on the day of receipt.
CASES: list[tuple[str, int, str, str, str, str]] = [
    ("wd-make-up-saturday-counted-exactly-3", 3, "working_day", "2026-10-08", "2026-10-12", "pass"),
    ("wd-make-up-saturday-4th", 3, "working_day", "2026-10-08", "2026-10-13", "fail"),
    ("wd-the-issue-example-5th", 3, "working_day", "2026-10-08", "2026-10-14", "fail"),
    ("wd-same-day", 3, "working_day", "2026-10-08", "2026-10-08", "pass"),
    ("wd-national-day-skipped-exactly-3", 3, "working_day", "2026-09-29", "2026-10-09", "pass"),
    ("wd-national-day-skipped-4th", 3, "working_day", "2026-09-29", "2026-10-10", "fail"),
    ("wd-due-on-the-make-up-saturday", 3, "working_day", "2026-09-30", "2026-10-10", "pass"),
    ("wd-the-sunday-after-the-due-day", 3, "working_day", "2026-09-30", "2026-10-11", "fail"),
    ("wd-answered-in-the-holiday", 3, "working_day", "2026-09-30", "2026-10-05", "pass"),
    ("wd-received-in-the-holiday", 3, "working_day", "2026-10-03", "2026-10-10", "pass"),
    ("wd-received-in-the-holiday-late", 3, "working_day", "2026-10-03", "2026-10-12", "fail"),
    ("wd-make-up-sunday-counted", 3, "working_day", "2026-09-18", "2026-09-22", "pass"),
    ("wd-make-up-sunday-4th", 3, "working_day", "2026-09-18", "2026-09-23", "fail"),
    ("wd-spring-festival-exactly-3", 3, "working_day", "2026-02-12", "2026-02-24", "pass"),
    ("wd-spring-festival-4th", 3, "working_day", "2026-02-12", "2026-02-25", "fail"),
    ("wd7-across-national-day", 7, "working_day", "2026-09-28", "2026-10-13", "pass"),
    ("wd7-across-national-day-8th", 7, "working_day", "2026-09-28", "2026-10-14", "fail"),
    ("day-last-day-a-holiday-moves", 5, "day", "2026-09-28", "2026-10-08", "pass"),
    ("day-last-day-a-holiday-moves-late", 5, "day", "2026-09-28", "2026-10-09", "fail"),
    ("day-last-day-the-make-up-saturday", 5, "day", "2026-10-05", "2026-10-10", "pass"),
    ("day-last-day-the-make-up-saturday-late", 5, "day", "2026-10-05", "2026-10-11", "fail"),
    ("day-weekend-moves-to-monday", 5, "day", "2026-06-01", "2026-06-08", "pass"),
    ("day-weekend-moves-to-monday-late", 5, "day", "2026-06-01", "2026-06-09", "fail"),
    ("day-exactly-5-on-a-working-day", 5, "day", "2026-06-03", "2026-06-08", "pass"),
    ("day-spring-festival-moves", 5, "day", "2026-02-10", "2026-02-24", "pass"),
    ("day-spring-festival-moves-late", 5, "day", "2026-02-10", "2026-02-25", "fail"),
    ("day-same-day", 5, "day", "2026-10-05", "2026-10-05", "pass"),
]


def spec(n: int, unit: str, **more) -> scoring.ItemSpec:
    rule = {"op": "<=", "value": n, "unit": unit}
    return scoring.ItemSpec(1, "date_pair", rule, citation=CITE, **more)


def pair(start: str, end: str) -> dict[str, str]:
    return {"from": start, "to": end}


# --- the engine ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("case", "n", "unit", "start", "end", "expected"), CASES, ids=lambda v: v)
def test_verdicts(case, n, unit, start, end, expected):
    result = scoring.evaluate(spec(n, unit), pair(start, end))
    assert result.result == expected, result.reason
    assert result.reason.endswith(f"：{'合格' if expected == 'pass' else '不合格'}（{CITE}）")
    summary = scoring.score(scoring.TemplateSpec([spec(n, unit)]), {1: pair(start, end)})
    assert summary.items[1].result == expected and summary.verdict == expected


@pytest.mark.parametrize(
    ("n", "unit", "start", "end", "reason"),
    [
        (
            3,
            "working_day",
            "2026-10-08",
            "2026-10-14",
            "2026年10月8日收到，10月14日答复，第5个工作日（10月10日调休上班），"
            "要求3个工作日内：不合格",
        ),
        (
            3,
            "working_day",
            "2026-10-08",
            "2026-10-08",
            "2026年10月8日收到，当日答复，要求3个工作日内：合格",
        ),
        (
            3,
            "working_day",
            "2026-09-29",
            "2026-10-10",
            "2026年9月29日收到，10月10日答复，第4个工作日（10月1日至10月7日放假，10月10日调休上班），"
            "要求3个工作日内：不合格",
        ),
        (
            3,
            "working_day",
            "2026-09-30",
            "2026-10-11",
            "2026年9月30日收到，10月11日答复，第3个工作日后的休息日（10月1日至10月7日放假，"
            "10月10日调休上班），要求3个工作日内：不合格",
        ),
        (
            3,
            "working_day",
            "2026-10-02",
            "2026-10-04",
            "2026年10月2日收到，10月4日答复，未到第1个工作日（10月3日至10月4日放假），"
            "要求3个工作日内：合格",
        ),
        (
            5,
            "day",
            "2026-09-28",
            "2026-10-09",
            "2026年9月28日收到，10月9日答复，第11日，要求5日内（期限最后一日10月3日为法定节假日"
            "（国庆节），顺延至10月8日）：不合格",
        ),
        (
            5,
            "day",
            "2026-06-03",
            "2026-06-08",
            "2026年6月3日收到，6月8日答复，第5日，要求5日内：合格",
        ),
    ],
    ids=["issue-example", "same-day", "holiday", "rest-day", "before-the-first", "day", "plain"],
)
def test_reasons_say_how_it_was_counted(n, unit, start, end, reason):
    assert scoring.evaluate(spec(n, unit), pair(start, end)).reason == f"{reason}（{CITE}）"


def test_precondition_the_bundled_calendar_does_not_know_2027():
    assert not OfficialCalendar().knows(2027)


def test_loaded_years_change_the_count_and_an_unknown_year_is_provisional():
    """Dec 31 is the 1st working day; Jan 1 2027 is the 2nd while no one has loaded 2027 (Mon–Fri,
    provisional), a day off once the administrator's 2027 (Jan 1–3 off) is loaded."""
    item, answer = spec(3, "working_day"), pair("2026-12-30", "2027-01-05")
    library = scoring.evaluate(item, answer)
    assert library.result == "fail"
    assert library.reason == (
        "2026年12月30日收到，2027年1月5日答复，第4个工作日，要求3个工作日内"
        f"（2027年的官方节假日安排尚未载入，暂按周一至周五为工作日计算）：不合格（{CITE}）"
    )
    loaded = OfficialCalendar([RULE_2027])
    judged = scoring.evaluate(item, answer, calendar=loaded)
    assert judged.result == "pass"
    assert judged.reason == (
        "2026年12月30日收到，2027年1月5日答复，第3个工作日（2027年1月1日至2027年1月3日放假），"
        f"要求3个工作日内：合格（{CITE}）"
    )
    template = scoring.TemplateSpec([item])
    assert scoring.score(template, {1: answer}, calendar=loaded).verdict == "pass"
    compiled = scoring.compile_template(template, calendar=loaded)
    assert scoring.score(compiled, {1: answer}).verdict == "pass"
    assert scoring.score(compiled, {1: answer}, calendar=loaded).verdict == "pass"
    with pytest.raises(ValueError, match="another calendar"):
        scoring.score(compiled, {1: answer}, calendar=OfficialCalendar())


@pytest.mark.parametrize(
    ("value", "code", "message"),
    [
        (pair("2026-10-14", "2026-10-08"), "date_order", ERR_PAIR_ORDER),
        (
            pair("2026-02-30", "2026-03-02"),
            "bad_date",
            "收到/起算日期：请输入日期，格式为 YYYY-MM-DD，例如 2026-10-08",
        ),
        (
            pair("2026-10-08", "10/14"),
            "bad_date",
            "答复/完成日期：请输入日期，格式为 YYYY-MM-DD，例如 2026-10-08",
        ),
        ({"from": "2026-10-08"}, "bad_date", "请填写答复/完成日期"),
        ({"from": "", "to": "2026-10-08"}, "bad_date", "请填写收到/起算日期"),
        ("2026-10-08", "bad_value", '请填写收到/起算日期和答复/完成日期（{"from": …, "to": …}）'),
        (["2026-10-08", "2026-10-14"], "bad_value", None),
        (7, "bad_value", None),
    ],
    ids=["to-before-from", "no-such-day", "bad-to", "no-to", "no-from", "text", "list", "number"],
)
def test_refused_answers_name_the_field(value, code, message):
    with pytest.raises(scoring.AnswerError) as caught:
        scoring.evaluate(spec(3, "working_day"), value)
    assert caught.value.code == code
    if message:
        assert caught.value.message == message


@pytest.mark.parametrize(
    ("value", "parsed"),
    [
        (None, None),
        ("", None),
        ({"from": "", "to": " "}, None),
        ({}, None),
        ("na", "na"),
        ("不适用", "na"),
        (pair(" 2026-10-08 ", "２０２６-１０-１４"), pair("2026-10-08", "2026-10-14")),
        ({**pair("2026-10-08", "2026-10-14"), "extra": 1}, pair("2026-10-08", "2026-10-14")),
    ],
)
def test_parsed_values(value, parsed):
    result = scoring.parse_value(spec(3, "working_day"), value)
    as_json = result if result in (None, "na") else {k: v.isoformat() for k, v in result.items()}
    assert as_json == parsed


def test_the_result_is_json_with_the_two_dates():
    result = scoring.evaluate(spec(3, "working_day"), pair("2026-10-08", "2026-10-14"))
    data = result.to_dict()
    assert data["value"] == pair("2026-10-08", "2026-10-14") and data["result"] == "fail"
    assert json.loads(json.dumps(data)) == data
    assert scoring.evaluate(spec(3, "working_day"), "na").result == "na"
    assert scoring.evaluate(spec(3, "working_day", na_allowed=False), None).result == "unanswered"


@pytest.mark.parametrize(
    ("rule", "normal"),
    [
        ({"op": "<=", "value": 3, "unit": "working_day"},
         {"op": "<=", "value": 3, "unit": "working_day"}),
        ({"value": "15", "unit": "工作日"}, {"op": "<=", "value": 15, "unit": "working_day"}),
        ({"op": "", "value": " 5 ", "unit": "日"}, {"op": "<=", "value": 5, "unit": "day"}),
        ({"value": "7.0", "unit": "天"}, {"op": "<=", "value": 7, "unit": "day"}),
        ({"value": 3650, "unit": "day", "photo_on_fail": True},
         {"op": "<=", "value": 3650, "unit": "day", "photo_on_fail": True}),
    ],
)  # fmt: skip
def test_rules_are_normalised(rule, normal):
    assert scoring.validate_rule("date_pair", rule) == normal
    assert scoring.validate_rule("date_pair", normal) == normal  # idempotent


@pytest.mark.parametrize(
    ("rule", "field"),
    [
        ({"op": ">=", "value": 3, "unit": "working_day"}, "op"),
        ({"op": "range", "value": 3, "unit": "day"}, "op"),
        ({"value": 3}, "unit"),
        ({"value": 3, "unit": "month"}, "unit"),
        ({"value": 3, "unit": "m²"}, "unit"),
        ({"value": 3, "unit": 5}, "unit"),
        ({"unit": "day"}, "value"),
        ({"value": 0, "unit": "day"}, "value"),
        ({"value": -3, "unit": "day"}, "value"),
        ({"value": "2.5", "unit": "day"}, "value"),
        ({"value": "三", "unit": "day"}, "value"),
        ({"value": True, "unit": "day"}, "value"),
        ({"value": 3.0, "unit": "day"}, "value"),
        ({"value": 3651, "unit": "working_day"}, "value"),
    ],
)
def test_bad_rules_are_refused_with_the_field(rule, field):
    with pytest.raises(scoring.RuleError) as caught:
        scoring.validate_rule("date_pair", rule)
    assert caught.value.field == field and re.search(r"[\u4e00-\u9fff]", caught.value.message)


def test_the_rule_reads_in_words():
    assert rule_label({"op": "<=", "value": 3, "unit": "working_day"}, "date_pair")
    kind = scoring.ANSWER_TYPE_REGISTRY["date_pair"]
    assert kind.describe({"op": "<=", "value": 3, "unit": "working_day"}) == "3个工作日内"
    assert kind.describe({"op": "<=", "value": 15, "unit": "day"}) == "15日内"


# --- in the app: the procurement template, the API, the page, the report, exports ---------------


#: The ready-made procurement template (its two answer periods are date_pair items), published,
#: built once (test_conditions_templates).
procurement = test_conditions_templates.procurement


@pytest.fixture
def started(procurement, make_org, make_user, make_region):
    region = make_region("冠县")
    org = make_org("冠县某局", kind=OrgKind.GOVERNMENT, region=region)
    inspector = make_user("pair-inspector", role=Role.INSPECTOR)
    inspection, _created = workflow.create_inspection(procurement, org, inspector)
    db.session.commit()
    return procurement, inspection.uuid, inspector, region


def _session(app, user, path):
    client = app.test_client()
    login(client, user)
    return client, {"X-CSRFToken": csrf_token(client, path)}


def _current(key) -> dict[int, Answer]:
    db.session.remove()
    inspection = db.session.scalar(sa.select(Inspection).where(Inspection.uuid == key))
    return inspection.current_answers()


def test_the_procurement_items_are_date_pairs_citing_their_clause(procurement):
    inquiry = by_prompt(procurement, INQUIRY)
    challenge = by_prompt(procurement, CHALLENGE)
    assert (inquiry.answer_type, inquiry.rule) == (
        "date_pair",
        {"op": "<=", "value": 3, "unit": "working_day"},
    )
    assert (challenge.answer_type, challenge.rule["value"]) == ("date_pair", 7)
    assert inquiry.citation == challenge.citation == CITE
    assert (
        "3个工作日内作出答复" in inquiry.clause_text
        and "7个工作日内作出答复" in inquiry.clause_text
    )


def test_the_api_takes_the_two_dates_and_judges_them(app, started):
    template, key, inspector, _region = started
    inquiry = by_prompt(template, INQUIRY)
    client, headers = _session(app, inspector, f"/inspections/{key}/fill")
    url = f"/api/v1/inspections/{key}/answers/{inquiry.id}"
    first = client.put(url, json={"value": pair("2026-10-08", "2026-10-14")}, headers=headers)
    assert first.status_code == 201, first.json
    assert first.json["result"] == "fail"
    assert first.json["reason"] == (
        "2026年10月8日收到，10月14日答复，第5个工作日（10月10日调休上班），"
        f"要求3个工作日内：不合格（{CITE}）"
    )
    assert first.json["answer"]["value"] == pair("2026-10-08", "2026-10-14")
    again = client.put(url, json={"value": pair("2026-10-08", "2026-10-12")}, headers=headers)
    assert again.status_code == 200 and again.json["result"] == "pass"
    stored = _current(key)[inquiry.id]
    assert (stored.value, stored.result) == (pair("2026-10-08", "2026-10-12"), "pass")
    detail = client.get(f"/api/v1/inspections/{key}").json
    [item] = [i for i in detail["items"] if i["item_id"] == inquiry.id]
    assert item["answer"]["value"] == pair("2026-10-08", "2026-10-12")
    assert item["result"] == "pass" and item["reason"].startswith("2026年10月8日收到")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (pair("2026-10-14", "2026-10-08"), ERR_PAIR_ORDER),
        (pair("2026-02-30", "2026-03-02"), "收到/起算日期：请输入日期"),
        (pair("2026-10-08", "14.10.2026"), "答复/完成日期：请输入日期"),
        ({"from": "2026-10-08"}, "请填写答复/完成日期"),
        ("2026-10-08", "请填写收到/起算日期和答复/完成日期"),
    ],
    ids=["to-before-from", "no-such-day", "bad-to", "no-to", "not-a-pair"],
)
def test_the_api_refuses_a_bad_pair_with_422_naming_the_field(app, started, value, message):
    template, key, inspector, _region = started
    inquiry = by_prompt(template, INQUIRY)
    client, headers = _session(app, inspector, f"/inspections/{key}/fill")
    refused = client.put(
        f"/api/v1/inspections/{key}/answers/{inquiry.id}", json={"value": value}, headers=headers
    )
    assert refused.status_code == 422
    assert refused.json["error"]["fields"]["value"].startswith(message)
    assert _current(key) == {}


def test_the_years_an_administrator_loaded_count(app, started, monkeypatch):
    """The same answer across New Year 2027: provisional Mon–Fri by the bundled calendar (fail),
    counted with the loaded 2027 (Jan 1–3 off: pass) once an administrator loaded it; the page
    gives the phone the same days."""
    template, key, inspector, _region = started
    inquiry = by_prompt(template, INQUIRY)
    client, headers = _session(app, inspector, f"/inspections/{key}/fill")
    url = f"/api/v1/inspections/{key}/answers/{inquiry.id}"
    body = {"value": pair("2026-12-30", "2027-01-05")}
    assert client.put(url, json=body, headers=headers).json["result"] == "fail"
    db.session.add(
        CalendarYear(
            year=2027, holidays=["2027-01-01", "2027-01-02", "2027-01-03"], workdays=["2027-01-09"]
        )
    )
    db.session.commit()
    judged = client.put(url, json=body, headers=headers).json
    assert judged["result"] == "pass" and "2027年1月1日至2027年1月3日放假" in judged["reason"]
    items = client.get(f"/api/v1/inspections/{key}").json["items"]
    assert next(i for i in items if i["item_id"] == inquiry.id)["result"] == "pass"
    monkeypatch.setattr(filling_views, "local_today", lambda: dt.date(2026, 11, 23))
    page = client.get(f"/inspections/{key}/fill").get_data(as_text=True)
    days = json.loads(_calendar_attribute(page))
    assert "2027-01-01" in days["off"] and "2027-01-09" in days["on"]


def _calendar_attribute(page: str) -> str:
    found = re.search(r'data-calendar="([^"]*)"', page)
    assert found, "the filling page carries no calendar"
    return found.group(1).replace("&#34;", '"')


def test_the_filling_page_gives_the_phone_the_calendar_it_needs(app, started, monkeypatch):
    template, key, inspector, _region = started
    monkeypatch.setattr(filling_views, "local_today", lambda: dt.date(2026, 11, 23))
    client, _headers = _session(app, inspector, f"/inspections/{key}/fill")
    page = client.get(f"/inspections/{key}/fill").get_data(as_text=True)
    days = json.loads(_calendar_attribute(page))
    assert (days["from"], days["to"]) == ("2024-01-01", "2027-12-31")
    # only the days that break Mon–Fri: the holidays' weekdays, the 调休 weekend days
    assert {"2026-10-01", "2026-10-02", "2026-10-05", "2026-10-07", "2026-02-16"} <= set(
        days["off"]
    )
    assert {"2026-09-20", "2026-10-10", "2026-02-14", "2026-02-28"} <= set(days["on"])
    assert "2026-10-03" not in days["off"] and "2026-10-08" not in days["off"]
    assert len(_calendar_attribute(page)) < 2500  # light: four years in a few hundred dates
    inquiry = by_prompt(template, INQUIRY)
    rule = re.search(rf'id="i{inquiry.id}"[^>]*data-rule="([^"]*)"', page).group(1)
    assert json.loads(rule.replace("&#34;", '"')) == {"value": 3, "unit": "working_day"}
    # a template without date_pair items carries none
    [entry] = [t for t in demo_templates.TEMPLATES if t["name"].startswith("洁净煤")]
    assert filling_views._phone_calendar(demo_templates.build(entry, None)) == ""


def test_the_form_without_javascript_posts_the_two_dates(app, started):
    template, key, inspector, _region = started
    inquiry = by_prompt(template, INQUIRY)
    challenge = by_prompt(template, CHALLENGE)
    client, headers = _session(app, inspector, f"/inspections/{key}/fill")
    page = client.get(f"/inspections/{key}/fill").get_data(as_text=True)
    widget = page[page.index(f'id="i{inquiry.id}"') :]
    widget = widget[: widget.index("</fieldset>")]
    assert f'<input type="date" id="pair{inquiry.id}-from" name="a{inquiry.id}" value="">' in widget
    assert f'<input type="date" id="pair{inquiry.id}-to" name="to{inquiry.id}" value="">' in widget
    assert f'<label for="pair{inquiry.id}-from">' in widget and f'name="na{inquiry.id}"' in widget
    token = headers["X-CSRFToken"]
    form = f"/inspections/{key}/fill"
    bad = client.post(
        form,
        data={"csrf_token": token, f"a{inquiry.id}": "2026-10-14", f"to{inquiry.id}": "2026-10-08"},
    )
    assert bad.status_code == 422 and ERR_PAIR_ORDER in bad.get_data(as_text=True)
    assert _current(key) == {}
    half = client.post(form, data={"csrf_token": token, f"a{inquiry.id}": "2026-10-14"})
    assert half.status_code == 422 and "请填写答复/完成日期" in half.get_data(as_text=True)
    good = client.post(
        form,
        data={
            "csrf_token": token,
            f"a{inquiry.id}": "2026-10-08",
            f"to{inquiry.id}": "2026-10-12",
            f"na{challenge.id}": "1",
        },
    )
    assert good.status_code == 302
    current = _current(key)
    assert (current[inquiry.id].value, current[inquiry.id].result) == (
        pair("2026-10-08", "2026-10-12"),
        "pass",
    )
    assert (current[challenge.id].value, current[challenge.id].result) == ("na", "na")
    again = client.get(form).get_data(as_text=True)
    assert f'name="a{inquiry.id}" value="2026-10-08"' in again
    assert f'name="to{inquiry.id}" value="2026-10-12"' in again
    assert f'name="na{challenge.id}" value="1" checked' in again
    # the same dates again store nothing new
    same = {"csrf_token": token, f"a{inquiry.id}": "2026-10-08", f"to{inquiry.id}": "2026-10-12"}
    assert client.post(form, data=same).status_code == 302
    assert db.session.scalar(sa.select(sa.func.count(Answer.id))) == 2


def test_the_report_and_the_exports_show_the_two_dates(app, started, make_user):
    template, key, inspector, region = started
    inquiry = by_prompt(template, INQUIRY)
    client, headers = _session(app, inspector, f"/inspections/{key}/fill")
    url = f"/api/v1/inspections/{key}/answers/{inquiry.id}"
    client.put(url, json={"value": pair("2026-10-08", "2026-10-14")}, headers=headers)
    report = client.get(f"/inspections/{key}/report").get_data(as_text=True)
    assert "2026-10-08 → 2026-10-14" in report
    assert "2026年10月8日收到，10月14日答复，第5个工作日" in report
    supervisor = make_user("pair-supervisor", role=Role.SUPERVISOR, region=region)
    reviewer = app.test_client()
    login(reviewer, supervisor)
    response = reviewer.get("/exports/answers.csv")
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    [row] = [r for r in rows if r["检查项编号"] == str(inquiry.id)]
    assert (row["答案类型代码"], row["填写的值"]) == ("date_pair", "2026-10-08 → 2026-10-14")


def test_the_item_editor_takes_the_type_and_checks_its_rule(app, client, procurement, make_user):
    author = make_user("pair-author", role=Role.AUTHOR)
    login(client, author)
    draft = builder.new_version(procurement, author)
    db.session.commit()
    item = by_prompt(draft, "确定的中标候选人数")
    token = csrf_token(client, f"/templates/{draft.id}/items/{item.id}")
    page = client.get(f"/templates/{draft.id}/items/{item.id}").get_data(as_text=True)
    assert '<option value="date_pair">' in page
    form = {
        "csrf_token": token,
        "section_id": item.section_id,
        "prompt": "答复时间",
        "answer_type": "date_pair",
        "op": "",
        "value": "3",
        "unit": "月",
        "severity": "major",
        "weight": "1",
        "required": "y",
        "scored": "y",
    }
    bad = client.post(f"/templates/{draft.id}/items/{item.id}", data=form)
    assert bad.status_code == 422
    assert "期限单位须为 working_day（工作日）或 day（日）" in bad.get_data(as_text=True)
    zero = client.post(
        f"/templates/{draft.id}/items/{item.id}", data={**form, "unit": "工作日", "value": "0"}
    )
    assert zero.status_code == 422 and "期限 N 须为 1 至 3650 的整数" in zero.get_data(as_text=True)
    good = client.post(f"/templates/{draft.id}/items/{item.id}", data={**form, "unit": "工作日"})
    assert good.status_code == 302
    db.session.remove()
    item = db.session.get(type(item), item.id)
    assert (item.answer_type, item.rule) == (
        "date_pair",
        {"op": "<=", "value": 3, "unit": "working_day"},
    )
    shown = client.get(f"/templates/{draft.id}/items/{item.id}").get_data(as_text=True)
    assert 'value="工作日"' in shown
    preview = client.post(
        f"/templates/{draft.id}/preview",
        data={"csrf_token": token, f"a{item.id}": "2026-10-08", f"to{item.id}": "2026-10-14"},
    )
    assert "第5个工作日（10月10日调休上班）" in preview.get_data(as_text=True)


def test_the_template_exchange_carries_the_type_and_checks_its_rule(procurement):
    data = exchange.template_to_dict(procurement)
    items = [i for s in data["sections"] for i in s["items"]]
    pairs = [i for i in items if i["answer_type"] == "date_pair"]
    assert [i["rule"]["value"] for i in pairs] == [3, 7]
    assert exchange.import_template(data, None) == (procurement, "unchanged")
    workbook = excel.template_to_xlsx(procurement)
    assert exchange.import_template(excel.xlsx_to_dict(workbook), None) == (
        procurement,
        "unchanged",
    )
    where = next(
        f"sections[{s}].items[{i}]"
        for s, section in enumerate(data["sections"])
        for i, item in enumerate(section["items"])
        if item["answer_type"] == "date_pair"
    )
    for change, field, message in [
        ({"unit": "month"}, "unit", "期限单位须为 working_day（工作日）或 day（日）"),
        ({"value": "2.5"}, "value", "期限 N 须为 1 至 3650 的整数，例如 3"),
        ({"value": 0}, "value", "期限 N 须为 1 至 3650 的整数，例如 3"),
        ({"op": ">="}, "op", "两个日期之间的期限只能是“≤”（在 N 个工作日或 N 日内）"),
    ]:
        broken = json.loads(json.dumps(data))
        section, index = (int(n) for n in re.findall(r"\d+", where))
        broken["sections"][section]["items"][index]["rule"].update(change)
        with pytest.raises(InputError) as caught:
            exchange.read_template_dict(broken)
        assert caught.value.fields == {f"{where}.rule.{field}": message}
    text = {**data, "lineage": None}
    text["sections"][section]["items"][index]["rule"] = {"value": "5", "unit": "日"}
    copy, outcome = exchange.import_template(text, None)
    assert outcome == "new"
    assert {"op": "<=", "value": 5, "unit": "day"} in [i.rule for i in copy.ordered_items()]
