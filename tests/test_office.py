"""In the office (issue 21): each role's home page shows its main work with counts; a
supervisor decides near the top of an inspection's page, each decision confirmed, then goes on to
the next queued inspection (the queue's filters kept); a return tells the inspectors; the forms
that approve, return, publish or delete ask first (static/js/confirm.js, data-confirm)."""

from __future__ import annotations

import datetime as dt
import re

import sqlalchemy as sa

from checklists.accounts.notifications import Notification
from checklists.authoring import operations as builder
from checklists.core.clock import local_today
from checklists.core.extensions import db
from inspections.filling import workflow
from inspections.filling.models import Inspection, InspectionStatus
from tests import test_inspections, test_workflow
from tests.conftest import csrf_token, login
from tests.test_inspections import passing_value

coal = test_workflow.coal
world = test_inspections.world
EN = {"Accept-Language": "en"}


def made(world, org=None, *, planned_on=None, submit=False, who="inspector") -> Inspection:
    """An inspection of ``org`` (the own organisation) by ``who``, filled and submitted if asked;
    written through the workflow (no HTTP), committed."""
    person = world[who]
    inspection, _created = workflow.create_inspection(
        world["template"], org or world["own"], person, planned_on=planned_on
    )
    if submit:
        for item in world["template"].ordered_items():
            unit = "年" if item.rule.get("unit") == "year" else None
            workflow.save_answer(inspection, item.id, passing_value(item), person, unit=unit)
        workflow.submit(inspection, person, local_today())
    db.session.commit()
    return inspection


def client_of(app, user):
    client = app.test_client()
    login(client, user)
    return client


def tile(html: str, name: str) -> str:
    """The text of the home page's tile ``tile-<name>`` (tags dropped, spaces squeezed)."""
    found = re.search(rf'<a class="tile" id="tile-{name}" href="([^"]+)">(.*?)</a>', html, re.S)
    assert found, f"no {name} tile"
    return found.group(1) + " " + " ".join(re.sub(r"<[^>]+>", " ", found.group(2)).split())


def test_each_role_home_shows_its_main_work_with_counts(app, world):
    today = local_today()
    made(world, planned_on=today)
    made(world, planned_on=today - dt.timedelta(days=3))
    returned = made(world, submit=True)
    workflow.return_for_correction(returned, world["supervisor"], "重拍照片")
    made(world, submit=True)
    made(world, submit=True)
    made(world, world["foreign"], submit=True, who="other_inspector")  # another region
    db.session.commit()

    inspector = client_of(app, world["inspector"]).get("/", headers=EN).get_data(as_text=True)
    assert tile(inspector, "inspections") == (
        "/inspections/ Inspections 1 returned 1 overdue "
        "1 today · 1 overdue · 1 returned · 2 waiting for review"
    )
    assert 'id="tile-review"' not in inspector and 'id="tile-templates"' not in inspector

    supervisor = client_of(app, world["supervisor"]).get("/", headers=EN).get_data(as_text=True)
    assert tile(supervisor, "review").startswith("/review/ Review queue 2 ")  # its region only
    assert tile(supervisor, "dashboard").startswith("/review/dashboard Dashboard")
    assert tile(supervisor, "exports").startswith("/exports/ Exports")
    assert "2 waiting for review" in tile(supervisor, "inspections")
    # the main work comes first
    assert supervisor.index('id="tile-review"') < supervisor.index("<span>Organisations</span>")

    builder.new_version(world["template"], world["author"])  # a draft of the published one
    db.session.commit()
    author = client_of(app, world["author"]).get("/", headers=EN).get_data(as_text=True)
    assert tile(author, "templates") == "/templates/ Checklist templates 1 drafts · 1 published"
    assert 'id="tile-inspections"' not in author and 'id="tile-review"' not in author
    enterprise = client_of(app, world["enterprise"]).get("/", headers=EN).get_data(as_text=True)
    assert 'id="tile-' not in enterprise  # unchanged: its own summary


def test_a_return_tells_the_inspectors_with_a_link_to_the_inspection(app, world):
    inspection = made(world, submit=True)
    supervisor = client_of(app, world["supervisor"])
    token = csrf_token(supervisor, f"/inspections/{inspection.uuid}")
    empty = supervisor.post(f"/review/{inspection.uuid}/return", data={"csrf_token": token})
    assert empty.status_code == 303 and empty.location.endswith("#decision")
    assert db.session.scalar(sa.select(sa.func.count(Notification.id))) == 0  # nothing done

    done = supervisor.post(
        f"/review/{inspection.uuid}/return", data={"csrf_token": token, "comment": "照片不清楚"}
    )
    assert done.status_code == 303
    [note] = db.session.scalars(sa.select(Notification)).all()
    assert note.user_id == world["inspector"].id and note.kind == "returned"
    assert note.link == f"/inspections/{inspection.uuid}" and "照片不清楚" in note.text
    inbox = client_of(app, world["inspector"]).get("/notifications").get_data(as_text=True)
    assert f'href="/inspections/{inspection.uuid}"' in inbox


def test_approving_goes_on_to_the_next_queued_inspection_with_the_filters(app, world, make_org):
    first = made(world, submit=True)
    elsewhere = made(world, make_org("第二家", region=world["own"].region), submit=True)
    last = made(world, submit=True)
    own = f"organisation={world['own'].id}"
    supervisor = client_of(app, world["supervisor"])

    queue = supervisor.get(f"/review/?{own}").get_data(as_text=True)
    assert f'href="/inspections/{first.uuid}?{own}"' in queue
    page = supervisor.get(f"/inspections/{first.uuid}?{own}").get_data(as_text=True)
    decision = page.index('id="decision"')
    assert decision < page.index('class="card summary"')  # above the score and the answers
    approve = re.search(r'<form method="post" action="([^"]+)"[^>]*data-confirm="[^"]+"', page)
    assert approve.group(1) == f"/review/{first.uuid}/approve?{own}"
    assert re.search(rf'action="/review/{first.uuid}/return\?{own}"[^>]*data-confirm=', page)

    token = csrf_token(supervisor, f"/inspections/{first.uuid}")
    response = supervisor.post(approve.group(1), data={"csrf_token": token}, headers=EN)
    assert response.status_code == 303
    assert response.location == f"/inspections/{last.uuid}?{own}"  # 第二家 is filtered out
    shown = supervisor.get(response.location, headers=EN).get_data(as_text=True)
    assert "Approved the inspection of 鑫源煤业: its score stands." in shown
    assert "Next in the review queue: 鑫源煤业." in shown
    db.session.expire_all()
    assert db.session.get(Inspection, first.id).status == InspectionStatus.APPROVED

    # the last one of the filtered queue: back to the (filtered) queue, saying so
    response = supervisor.post(
        f"/review/{last.uuid}/approve?{own}", data={"csrf_token": token}, headers=EN
    )
    assert response.location == f"/review/?{own}"
    assert "Nothing else waits" in supervisor.get(response.location, headers=EN).get_data(
        as_text=True
    )
    # without filters the one left is next
    again = made(world, submit=True)
    response = supervisor.post(f"/review/{again.uuid}/approve", data={"csrf_token": token})
    assert response.location == f"/inspections/{elsewhere.uuid}"


def test_approve_return_publish_and_delete_ask_first(app, world):
    inspection = made(world, submit=True)
    draft = builder.new_version(world["template"], world["author"])
    db.session.commit()
    author = client_of(app, world["author"])
    edit = author.get(f"/templates/{draft.id}/edit").get_data(as_text=True)
    deletes = re.findall(r'<form method="post" action="[^"]+/delete" class="inline"([^>]*)>', edit)
    items = re.findall(r'/items/\d+/delete"', edit)
    assert deletes and len(deletes) == len(items) and all("data-confirm=" in d for d in deletes)
    publish = author.get(f"/templates/{draft.id}/publish").get_data(as_text=True)
    form = rf'action="/templates/{draft.id}/publish" class="actions" data-confirm="'
    assert re.search(form, publish)  # the confirmation page stays (without JavaScript)

    page = client_of(app, world["supervisor"]).get(f"/inspections/{inspection.uuid}")
    html = page.get_data(as_text=True)
    assert len(re.findall(r"<form [^>]*data-confirm=", html)) == 2  # approve and return

    [src] = re.findall(r'<script src="(/static/js/confirm\.[0-9a-f]{12}\.js)" defer>', html)
    with app.test_client().get(src) as script:
        assert script.status_code == 200 and "javascript" in script.mimetype
        body = script.get_data(as_text=True)
    assert "data-confirm" in body and "window.confirm(" in body and "preventDefault" in body
