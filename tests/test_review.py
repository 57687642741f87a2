"""Supervisors review: the queue (filters in the URL), approve, return, and the audit trail of
every change (who, when, before and after)."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from zoneinfo import ZoneInfo

import sqlalchemy as sa

from checklists.accounts.models import Role, User
from checklists.core.extensions import db
from tests import test_inspections, test_workflow
from tests.conftest import csrf_token, login
from tests.test_inspections import API, as_, create, fill_everything

coal = test_workflow.coal
world = test_inspections.world
started = test_inspections.started


def listed(html: str) -> list[str]:
    """The organisations named in the page's result list (not in the filter form)."""
    body = (
        html.split('<ul class="list">', 1)[1].split("</ul>", 1)[0]
        if '<ul class="list">' in html
        else ""
    )
    return re.findall(r'<strong class="org">([^<·]+?)(?: · [^<]*)?</strong>', body)


def submitted(app, world, key=None):
    """A new inspection of the own organisation, filled and submitted by the inspector."""
    session = as_(app, world["inspector"])
    key = key or str(uuid.uuid4())
    assert create(session, world, key).status_code == 201
    fill_everything(session, key, world["template"])
    assert session.post(f"{API}/{key}/submit").json["status"] == "submitted"
    return key


def test_submit_return_resubmit_approve_are_audited_with_before_and_after(app, world):
    key = submitted(app, world)
    supervisor, inspector = as_(app, world["supervisor"]), as_(app, world["inspector"])
    returned = supervisor.post(f"{API}/{key}/return", json={"comment": "照片不清楚，请重拍"})
    assert returned.json["status"] == "returned" and returned.json["revision"] == 2
    assert inspector.post(f"{API}/{key}/submit").json["status"] == "submitted"
    approved = supervisor.post(f"{API}/{key}/approve", json={"comment": "同意"})
    assert approved.status_code == 200 and approved.json["status"] == "approved"
    again = supervisor.post(f"{API}/{key}/approve", json={})
    assert again.status_code == 200 and again.json["status"] == "approved"
    # Changes after approval are refused; returning an approved inspection too.
    assert supervisor.post(f"{API}/{key}/return", json={"comment": "x"}).status_code == 409

    trail = as_(app, world["enterprise"]).get(f"{API}/{key}/audit").json
    assert [(e["action"], e["actor"]) for e in trail] == [
        ("submitted", "insp"),
        ("returned", "sup"),
        ("submitted", "insp"),
        ("approved", "sup"),
    ]
    first, back, second, final = trail
    assert (first["before"]["status"], first["after"]["status"]) == ("in_progress", "submitted")
    assert first["before"]["score"] is None and first["after"]["score"] == "100.0"
    assert back["before"]["revision"] == 1 and back["after"]["revision"] == 2
    assert back["after"]["score"] is None and back["comment"] == "照片不清楚，请重拍"
    assert second["after"]["revision"] == 2 and second["after"]["verdict"] == "pass"
    assert (final["before"]["status"], final["after"]["status"]) == ("submitted", "approved")
    assert final["comment"] == "同意"
    times = [dt.datetime.fromisoformat(e["at"]) for e in trail]
    assert times == sorted(times) and all(t.tzinfo for t in times)


def test_who_may_approve(app, world, started):
    _session, open_key = started
    key = submitted(app, world)
    for who, status in (("inspector", 403), ("enterprise", 403), ("far_supervisor", 404)):
        response = as_(app, world[who]).post(f"{API}/{key}/approve", json={})
        assert response.status_code == status, who
    refused = as_(app, world["supervisor"]).post(f"{API}/{open_key}/approve", json={})
    assert refused.status_code == 409 and refused.json["error"]["code"] == "not_submitted"
    assert "提交" in refused.json["error"]["message"]
    assert as_(app, world["inspector"]).get(f"{API}/{key}/audit").json[-1]["action"] == (
        "submitted"
    )


def test_the_queue_filters_in_the_url_and_the_page_approves(app, world, make_org, make_user):
    own_key = submitted(app, world)
    other_org = make_org("第二家", region=world["own"].region)
    second = as_(app, world["inspector"])
    other_key = str(uuid.uuid4())
    assert create(second, world, other_key, organisation_id=other_org.id).status_code == 201
    fill_everything(second, other_key, world["template"])
    second.post(f"{API}/{other_key}/submit")

    client = app.test_client()
    login(client, world["supervisor"])
    page = client.get("/review/").get_data(as_text=True)
    assert sorted(listed(page)) == sorted(["鑫源煤业", "第二家"])
    narrowed = client.get(f"/review/?organisation={other_org.id}&verdict=pass")
    html = narrowed.get_data(as_text=True)
    assert listed(html) == ["第二家"]
    assert f'value="{other_org.id}" selected' in html  # the filter survives in the form
    today = dt.datetime.now(ZoneInfo("Asia/Shanghai")).date()  # the service's day
    later = (today + dt.timedelta(days=10)).isoformat()
    assert listed(client.get(f"/review/?from={later}").get_data(as_text=True)) == []
    assert len(listed(client.get(f"/review/?to={today.isoformat()}").get_data(as_text=True))) == 2
    bad = client.get("/review/?from=2026-13-01&verdict=maybe").get_data(as_text=True)
    assert len(listed(bad)) == 2 and "YYYY-MM-DD" in bad  # the bad filter is named, ignored

    token = csrf_token(client, f"/inspections/{own_key}")
    done = client.post(f"/inspections/{own_key}/approve", data={"csrf_token": token})
    assert done.status_code == 303
    shown = client.get(f"/inspections/{own_key}").get_data(as_text=True)
    assert "审计记录" in shown and "已批准" in shown
    title = re.search(r"<title>(.*?)</title>", shown, re.S).group(1)
    assert "<" not in title and "审计记录" not in title  # the trail is in the page, not the title
    main = shown.split('<main id="main"', 1)[1]
    assert "审计记录" in main
    assert listed(client.get("/review/").get_data(as_text=True)) == ["第二家"]

    far = app.test_client()
    login(far, world["far_supervisor"])
    assert listed(far.get("/review/").get_data(as_text=True)) == []
    enterprise = app.test_client()
    login(enterprise, world["enterprise"])
    assert enterprise.get("/review/").status_code == 403


def test_too_many_organisations_to_list_are_filtered_by_name_or_credit_code(
    app, world, make_org, make_user, monkeypatch
):
    from inspections.review import queue

    submitted(app, world)
    make_org("第二家", region=world["own"].region)
    client = app.test_client()
    login(client, world["supervisor"])
    listed_form = client.get("/review/").get_data(as_text=True)
    assert (
        '<select name="organisation">' in listed_form and 'name="organisation_q"' not in listed_form
    )

    monkeypatch.setattr(queue, "ORGANISATION_CHOICES_MAX", 1)  # a city: too many to list
    for path in ("/review/", "/review/dashboard", "/exports/"):
        html = client.get(path).get_data(as_text=True)
        assert 'name="organisation_q"' in html and '<select name="organisation">' not in html, path
    by_name = client.get("/review/?organisation_q=第二家").get_data(as_text=True)
    assert listed(by_name) == []  # the filter holds: 第二家 has nothing submitted
    own = world["own"]
    found = client.get("/review/?organisation_q=鑫源煤业").get_data(as_text=True)
    assert listed(found) == ["鑫源煤业"]
    assert 'name="organisation_q" value="鑫源煤业"' in found  # the filter survives in the form
    if own.credit_code:
        by_code = client.get(f"/review/?organisation_q={own.credit_code.lower()}")
        assert listed(by_code.get_data(as_text=True)) == ["鑫源煤业"]
    by_id = client.get(f"/review/?organisation={own.id}").get_data(as_text=True)
    assert 'name="organisation_q" value="鑫源煤业"' in by_id  # a link by id shows the name
    unknown = client.get("/review/?organisation_q=不存在的单位")
    html = unknown.get_data(as_text=True)
    assert unknown.status_code == 200 and "没有该名称或统一社会信用代码的单位" in html
    assert listed(html) == ["鑫源煤业"]  # the bad filter is named and ignored


def test_an_admin_queue_by_region_and_template(app, world, make_user):
    submitted(app, world)
    admin = app.test_client()
    login(admin, make_user("boss", role=Role.ADMIN))
    region = world["own"].region_id
    lineage = world["template"].lineage
    page = admin.get(f"/review/?region={region}&template={lineage}").get_data(as_text=True)
    assert listed(page) == ["鑫源煤业"]
    other_region = world["foreign"].region_id
    assert listed(admin.get(f"/review/?region={other_region}").get_data(as_text=True)) == []


def test_the_report_quotes_each_failed_clause_with_photos_and_signatures(app, world, started):
    import io

    import pypdf

    from tests.test_inspections import answer, jpeg, upload
    from tests.test_templates import by_prompt

    session, key = started
    fill_everything(session, key, world["template"])
    area = by_prompt(world["template"], "储煤厂房建设面积")
    answer(session, key, area, "480", "fail", at="2026-11-21T11:00:00+08:00")
    upload(session, key, jpeg(color=(10, 200, 10)), item_id=str(area.id))
    upload(session, key, jpeg(color=(1, 1, 1)), kind="signature_inspector")
    assert session.post(f"{API}/{key}/submit").json["verdict"] in ("pass", "fail")

    client = app.test_client()
    login(client, world["enterprise"])
    html = client.get(f"/inspections/{key}/report").get_data(as_text=True)
    assert "检查报告" in html and area.clause_text in html and area.citation in html
    assert "实测 480 平方米 &lt; 要求 ≥ 500 平方米" in html  # escaped in the page
    assert html.count(f"/inspections/{key}/photos/") >= 2  # the evidence photo and a signature
    assert "整改〔" in html  # the finding and its notice number

    pdf = client.get(f"/inspections/{key}/report.pdf")
    assert pdf.status_code == 200 and pdf.mimetype == "application/pdf"
    reader = pypdf.PdfReader(io.BytesIO(pdf.data))
    text = "".join(page.extract_text() for page in reader.pages).replace(" ", "")
    assert "500平方米" in text and "检查报告" in text
    images = sum(len(page.images) for page in reader.pages)
    assert images >= 2  # photos travel inside the PDF

    far = app.test_client()
    login(far, world["foreign_enterprise"])
    assert far.get(f"/inspections/{key}/report").status_code == 404
    assert far.get(f"/inspections/{key}/report.pdf").status_code == 404


# --- the dashboard, and pages whose query count does not grow with the data --------------------


def failing(app, world, area_value="480"):
    """A submitted inspection of the own organisation with the area item failed."""
    from tests.test_inspections import answer, jpeg, upload
    from tests.test_templates import by_prompt

    session = as_(app, world["inspector"])
    key = str(uuid.uuid4())
    assert create(session, world, key).status_code == 201
    fill_everything(session, key, world["template"])
    area = by_prompt(world["template"], "储煤厂房建设面积")
    answer(session, key, area, area_value, f"f-{key}", at="2026-11-21T11:00:00+08:00")
    upload(session, key, jpeg(color=(len(key) % 250, 9, 9)), item_id=str(area.id))
    assert session.post(f"{API}/{key}/submit").json["status"] == "submitted"
    return key


def test_the_dashboard_shows_charts_with_their_numbers(app, world):
    from tests.test_templates import by_prompt

    failing(app, world)
    failing(app, world)
    submitted(app, world)
    client = app.test_client()
    login(client, world["supervisor"])
    html = client.get("/review/dashboard").get_data(as_text=True)
    assert html.count("<svg") == 6  # time, distribution, region, checklist, organisation, clauses
    assert "<title" in html and 'role="img"' in html
    area = by_prompt(world["template"], "储煤厂房建设面积")
    assert area.clause_text in html  # the most failed clause, with its text
    assert "2次检查" in html  # failed in two inspections
    assert "3</strong><span>已评分的检查" in html  # three scored inspections
    assert "冠县" in html  # by region
    # A filter that leaves nothing: charts say so, no error.
    empty = client.get("/review/dashboard?from=2099-01-01").get_data(as_text=True)
    assert "0</strong><span>已评分的检查" in empty and "无数据" in empty
    # An unscoped admin sees the same figures (read without the scope's subquery).
    from checklists.accounts.models import Role as Roles
    from checklists.accounts.services import create_user

    create_user("dash-admin", Roles.ADMIN, "correct-horse-9")
    db.session.commit()
    admin = app.test_client()
    login(admin, db.session.scalar(sa.select(User).where(User.username == "dash-admin")))
    admin_html = admin.get("/review/dashboard").get_data(as_text=True)
    assert "3</strong><span>已评分的检查" in admin_html and area.clause_text in admin_html
    assert "2次检查" in admin_html
    own = admin.get(f"/review/dashboard?organisation={world['own'].id}&verdict=pass")
    assert "3</strong><span>已评分的检查" in own.get_data(as_text=True)
    foreign = admin.get(f"/review/dashboard?organisation={world['foreign'].id}")
    assert "0</strong><span>已评分的检查" in foreign.get_data(as_text=True)
    # Enterprises and inspectors have no dashboard.
    login(client, world["enterprise"])
    assert client.get("/review/dashboard").status_code == 403


def _statements(app, client, path):
    from sqlalchemy import event

    from checklists.core.extensions import db

    count = [0]

    def counter(*_args):
        count[0] += 1

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", counter)
    try:
        response = client.get(path)
        assert response.status_code == 200, path
    finally:
        event.remove(engine, "before_cursor_execute", counter)
    return count[0]


#: The pages whose statement count must not grow with the data (each counted on the same data).
COUNTED_PAGES = ("/review/dashboard", "/review/", "/findings/?show=all", "/")


def test_pages_do_not_grow_their_query_count_with_the_data(app, world):
    client = app.test_client()
    login(client, world["supervisor"])
    failing(app, world)
    submitted(app, world)
    few = {path: _statements(app, client, path) for path in COUNTED_PAGES}
    for _ in range(4):
        failing(app, world)
    submitted(app, world)
    many = {path: _statements(app, client, path) for path in COUNTED_PAGES}
    grown = [
        f"{path}: {few[path]} statements with 2 inspections, {many[path]} with 7"
        for path in COUNTED_PAGES
        if many[path] != few[path]
    ]
    assert grown == []
