"""Repeated sections while filling (issue 25): the depot template checks each coal warehouse
(储煤厂房) in an instance of its own. Instances are made on the device under their own keys
(PUT …/instances/{key}, a resend adds nothing), an answer names its instance (one not yet known
is added: an answer queued offline is never refused for it), the current answer is per item and
instance, a removed instance keeps its answers out of the score, the engine aggregates the
instances (all must pass here) and the page, the API, the report and the exports show each.
"""

from __future__ import annotations

import io

import pytest
import sqlalchemy as sa

from checklists.accounts.models import OrgKind, Role
from checklists.core.extensions import db
from checklists.demo import templates as demo_templates
from inspections.filling import workflow
from inspections.filling.models import Answer, Inspection, RepeatInstance
from tests.conftest import csrf_token, depot_spec, import_gazettes, login
from tests.test_inspections import jpeg

SHEDS = "储煤厂房（每座逐一检查）"


@pytest.fixture
def depot(app_ctx):
    import_gazettes()
    template = demo_templates.build(depot_spec(), None)
    db.session.commit()
    return template


@pytest.fixture
def started(depot, make_org, make_user):
    inspector = make_user("rep-inspector", role=Role.INSPECTOR)
    org = make_org("鑫源洁净煤", kind=OrgKind.ENTERPRISE)
    inspection, _created = workflow.create_inspection(depot, org, inspector)
    db.session.commit()
    return depot, inspection.uuid, inspector


def _sheds(template):
    [section] = [s for s in template.sections if s.title == SHEDS]
    return section


def _headers(token):
    return {"X-CSRFToken": token, "Accept": "application/json"}


def _required(template):
    """The required items of a warehouse, and those of the ordinary sections."""
    here = [i for i in _sheds(template).items if i.required]
    others = [i for s in template.sections if not s.repeat for i in s.items if i.required]
    return here, others


def _put(client, key, item_id, value, token, client_id, instance=None):
    body = {"value": value, "client_id": client_id}
    if instance is not None:
        body["instance"] = instance
    return client.put(
        f"/api/v1/inspections/{key}/answers/{item_id}", json=body, headers=_headers(token)
    )


def _add(client, key, instance, section_id, token, label=""):
    return client.put(
        f"/api/v1/inspections/{key}/instances/{instance}",
        json={"section_id": section_id, "label": label},
        headers=_headers(token),
    )


def test_the_depot_template_repeats_per_warehouse(depot):
    section = _sheds(depot)
    assert section.repeat and section.repeat_label == "储煤厂房" and section.aggregate == "all"
    assert section.key == "sheds"
    prompts = [i.prompt for i in section.items]
    assert "储煤厂房建设面积（实测）" in prompts and "储煤厂房高度（实测）" in prompts


def test_instances_are_added_once_renamed_and_set_aside(client, started):
    template, key, inspector = started
    login(client, inspector)
    token = csrf_token(client, f"/inspections/{key}/fill")
    section = _sheds(template)
    first = _add(client, key, "w-1", section.id, token)
    assert first.status_code == 201
    assert first.json == {
        "key": "w-1",
        "section_id": section.id,
        "label": "储煤厂房 1",
        "position": 1,
        "removed": False,
    }
    again = _add(client, key, "w-1", section.id, token)
    assert again.status_code == 200 and again.json["label"] == "储煤厂房 1"
    renamed = _add(client, key, "w-1", section.id, token, label="东厂房")
    assert renamed.status_code == 200 and renamed.json["label"] == "东厂房"
    second = _add(client, key, "w-2", section.id, token)
    assert second.json["position"] == 2
    removed = client.delete(f"/api/v1/inspections/{key}/instances/w-2", headers=_headers(token))
    assert removed.status_code == 200 and removed.json["removed"] is True
    twice = client.delete(f"/api/v1/inspections/{key}/instances/w-2", headers=_headers(token))
    assert twice.status_code == 200 and twice.json["removed"] is True
    missing = client.delete(f"/api/v1/inspections/{key}/instances/w-9", headers=_headers(token))
    assert missing.status_code == 404
    rows = db.session.scalars(sa.select(RepeatInstance).order_by(RepeatInstance.id)).all()
    assert [(r.key, r.label, r.removed_at is not None) for r in rows] == [
        ("w-1", "东厂房", False),
        ("w-2", "", True),
    ]
    detail = client.get(f"/api/v1/inspections/{key}").json
    assert [(i["key"], i["removed"]) for i in detail["instances"]] == [
        ("w-1", False),
        ("w-2", True),
    ]


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        ({"section_id": 999999}, "section_id", "此章节不在本检查的检查表中"),
        ({}, "section_id", ""),
        ({"section_id": "x"}, "section_id", ""),
        ({"section_id": "SECTION", "label": "长" * 101}, "label", ""),
        ({"section_id": "PLAIN"}, "section_id", "此章节不重复填写"),
    ],
)
def test_a_bad_instance_is_refused_with_the_field(client, started, body, field, message):
    template, key, inspector = started
    login(client, inspector)
    token = csrf_token(client, f"/inspections/{key}/fill")
    plain = next(s for s in template.sections if not s.repeat)
    ids = {"SECTION": _sheds(template).id, "PLAIN": plain.id}
    body = {k: ids.get(v, v) if isinstance(v, str) else v for k, v in body.items()}
    refused = client.put(
        f"/api/v1/inspections/{key}/instances/w-1", json=body, headers=_headers(token)
    )
    assert refused.status_code == 422, refused.json
    assert field in refused.json["error"]["fields"]
    assert message in refused.json["error"]["fields"][field]
    assert db.session.scalar(sa.select(sa.func.count()).select_from(RepeatInstance)) == 0


def test_a_bad_key_is_refused(client, started):
    template, key, inspector = started
    login(client, inspector)
    token = csrf_token(client, f"/inspections/{key}/fill")
    refused = _add(client, key, "bad key!", _sheds(template).id, token)
    assert refused.status_code in (404, 422)
    area = next(i for i in _sheds(template).items if i.prompt == "储煤厂房建设面积（实测）")
    wrong = _put(client, key, area.id, "600", token, "c1", instance="a/b")
    assert wrong.status_code in (404, 422)


def test_an_answer_names_its_instance_and_each_has_its_current_answer(client, started):
    template, key, inspector = started
    login(client, inspector)
    token = csrf_token(client, f"/inspections/{key}/fill")
    section = _sheds(template)
    area = next(i for i in section.items if i.prompt == "储煤厂房建设面积（实测）")
    plain = next(i for s in template.sections if not s.repeat for i in s.items)
    # an item of an ordinary section has no instance
    extra = _put(client, key, plain.id, "yes", token, "c00", instance="w-1")
    assert extra.status_code == 422 and "instance" in extra.json["error"]["fields"]
    # an answer before its instance (a device resending out of order): the instance is added
    early = _put(client, key, area.id, "600", token, "c1", instance="w-1")
    assert early.status_code == 201, early.json
    assert early.json["instance"] == "w-1" and early.json["result"] == "pass"
    assert early.json["answer"]["instance"] == "w-1"
    other = _put(client, key, area.id, "450", token, "c2", instance="w-2")
    assert other.status_code == 201 and other.json["result"] == "fail"
    # the resend of the first: stored once
    resend = _put(client, key, area.id, "600", token, "c1", instance="w-1")
    assert resend.status_code == 200 and resend.json["answer"]["value"] == "600"
    # the same client_id for another instance: another write, refused
    reused = _put(client, key, area.id, "600", token, "c1", instance="w-2")
    assert reused.status_code == 409
    later = _put(client, key, area.id, "700", token, "c3", instance="w-1")
    assert later.status_code == 200 and later.json["current"] is True
    rows = db.session.scalars(
        sa.select(Answer).where(Answer.item_id == area.id).order_by(Answer.id)
    ).all()
    assert [(a.instance, a.value, a.current) for a in rows] == [
        ("w-1", "600", False),
        ("w-2", "450", True),
        ("w-1", "700", True),
    ]
    detail = client.get(f"/api/v1/inspections/{key}").json
    [entry] = [i for i in detail["items"] if i["item_id"] == area.id]
    assert [(x["key"], x["answer"]["value"], x["result"]) for x in entry["instances"]] == [
        ("w-1", "700", "pass"),
        ("w-2", "450", "fail"),
    ]
    assert entry["result"] == "fail"  # all must pass: one warehouse fails
    assert "储煤厂房 2" in entry["reason"]


def test_two_inspectors_on_two_warehouses_are_no_conflict(client, started, make_user):
    """A conflict is two people answering one item differently in the same instance: the
    colleague measuring the other warehouse is not one."""
    template, key, inspector = started
    colleague = make_user("rep-colleague", role=Role.INSPECTOR)
    inspection = db.session.scalar(sa.select(Inspection).where(Inspection.uuid == key))
    inspection.inspectors.append(colleague)
    db.session.commit()
    area = next(i for i in _sheds(template).items if i.prompt == "储煤厂房建设面积（实测）")

    def conflict():
        [entry] = [
            i
            for i in client.get(f"/api/v1/inspections/{key}").json["items"]
            if i["item_id"] == area.id
        ]
        return entry["conflict"]

    login(client, inspector)
    token = csrf_token(client, f"/inspections/{key}/fill")
    assert _put(client, key, area.id, "600", token, "m1", instance="w-1").status_code == 201
    login(client, colleague)
    token = csrf_token(client, f"/inspections/{key}/fill")
    assert _put(client, key, area.id, "450", token, "m2", instance="w-2").status_code == 201
    assert conflict() is False
    assert _put(client, key, area.id, "580", token, "m3", instance="w-1").status_code == 200
    assert conflict() is True


def _fill_everything_else(client, template, key, token):
    n = 0
    for section in template.sections:
        if section.repeat:
            continue
        for item in section.items:
            if item.answer_type == "photo":
                continue
            value = {"date_pair": "na"}.get(item.answer_type, "na" if item.na_allowed else "yes")
            if item.answer_type in ("number", "count") and not item.na_allowed:
                value = "3"
            if item.answer_type == "parts" and not item.na_allowed:
                value = [p["value"] for p in item.rule["parts"]]
            if item.answer_type == "choice" and not item.na_allowed:
                value = item.rule["choices"][0]["value"]
            response = _put(client, key, item.id, value, token, f"e{n}")
            assert response.status_code in (200, 201), (item.prompt, response.json)
            n += 1


def _fill_shed(client, template, key, token, instance, area, prefix):
    for item in _sheds(template).items:
        value = {"储煤厂房建设面积（实测）": area, "储煤厂房高度（实测）": "7"}.get(item.prompt)
        value = value or "yes"
        response = _put(client, key, item.id, value, token, f"{prefix}{item.id}", instance)
        assert response.status_code in (200, 201), (item.prompt, response.json)


def test_submission_needs_a_warehouse_and_scores_each(client, started):
    template, key, inspector = started
    login(client, inspector)
    token = csrf_token(client, f"/inspections/{key}/fill")
    _fill_everything_else(client, template, key, token)
    refused = client.post(f"/api/v1/inspections/{key}/submit", headers=_headers(token))
    assert refused.status_code == 422  # no warehouse added: its items are unanswered
    section = _sheds(template)
    assert {f"item_{i.id}" for i in section.items if i.required} <= set(
        refused.json["error"]["fields"]
    )
    _add(client, key, "east", section.id, token, label="东厂房")
    _fill_shed(client, template, key, token, "east", "600", "a")
    _add(client, key, "west", section.id, token, label="西厂房")
    _fill_shed(client, template, key, token, "west", "450", "b")
    # a third, answered badly, then removed: kept, not scored
    _add(client, key, "old", section.id, token)
    _fill_shed(client, template, key, token, "old", "10", "c")
    client.delete(f"/api/v1/inspections/{key}/instances/old", headers=_headers(token))
    area = next(i for i in section.items if i.prompt == "储煤厂房建设面积（实测）")
    photo_needed = client.post(f"/api/v1/inspections/{key}/submit", headers=_headers(token))
    assert photo_needed.status_code == 422  # the west warehouse's area fails: a photo first
    assert photo_needed.json["error"]["fields"] == {f"item_{area.id}": f"第{5}项：须拍照"}
    photo = client.post(
        f"/api/v1/inspections/{key}/photos",
        data={"file": (io.BytesIO(jpeg()), "w.jpg"), "item_id": area.id, "instance": "west"},
        headers=_headers(token),
    )
    assert photo.status_code == 201 and photo.json["instance"] == "west"
    submitted = client.post(f"/api/v1/inspections/{key}/submit", headers=_headers(token))
    assert submitted.status_code == 200, submitted.json
    [entry] = [i for i in submitted.json["items"] if i["item_id"] == area.id]
    assert entry["result"] == "fail"
    assert [(x["label"], x["result"]) for x in entry["instances"]] == [
        ("东厂房", "pass"),
        ("西厂房", "fail"),
    ]
    db.session.remove()
    inspection = db.session.scalar(sa.select(Inspection).where(Inspection.uuid == key))
    stored = {x["item_id"]: x for x in inspection.summary["items"]}[area.id]
    assert [x["key"] for x in stored["instances"]] == ["east", "west"]
    kept = db.session.scalars(sa.select(Answer).where(Answer.instance == "old")).all()
    assert len(kept) == len(section.items)  # the removed warehouse's answers are kept
    report = client.get(f"/inspections/{key}").get_data(as_text=True)
    assert "东厂房" in report and "西厂房" in report


def test_the_filling_page_shows_each_warehouse_and_a_template_for_more(client, started):
    template, key, inspector = started
    login(client, inspector)
    token = csrf_token(client, f"/inspections/{key}/fill")
    section = _sheds(template)
    _add(client, key, "east", section.id, token, label="东厂房")
    area = next(i for i in section.items if i.prompt == "储煤厂房建设面积（实测）")
    _put(client, key, area.id, "480", token, "p1", "east")
    page = client.get(f"/inspections/{key}/fill").get_data(as_text=True)
    assert f'data-section-id="{section.id}"' in page and 'data-noun="储煤厂房"' in page
    assert f'id="i{area.id}-east"' in page and 'data-instance="east"' in page
    assert f'name="a{area.id}-east"' in page and 'value="480"' in page
    assert 'value="东厂房"' in page
    assert "<template data-instance-template>" in page and f'id="i{area.id}-__K__"' in page
    assert "添加储煤厂房" in page


def test_progress_counts_each_warehouses_required_items(client, started):
    template, key, inspector = started
    login(client, inspector)
    token = csrf_token(client, f"/inspections/{key}/fill")
    section = _sheds(template)
    required_here, others = _required(template)
    plain = next(i for i in others if i.answer_type == "yes_no")
    first = _put(client, key, plain.id, "yes", token, "q1")
    # none added yet: each of the section's required items counts once, unanswered
    assert first.json["progress"] == {"answered": 1, "required": len(others) + len(required_here)}
    _add(client, key, "a", section.id, token)
    _add(client, key, "b", section.id, token)
    area = next(i for i in section.items if i.prompt == "储煤厂房建设面积（实测）")
    answered = _put(client, key, area.id, "600", token, "q2", "a")
    assert answered.json["progress"] == {
        "answered": 2,
        "required": len(others) + 2 * len(required_here),
    }
    client.delete(f"/api/v1/inspections/{key}/instances/b", headers=_headers(token))
    detail = client.get(f"/api/v1/inspections/{key}").json
    assert detail["progress"] == {"answered": 2, "required": len(others) + len(required_here)}


def test_an_answer_naming_no_instance_goes_to_the_first(client, started):
    """A client that fills one warehouse only (or was written before repeats) names none: the
    section's first instance takes it, added when there is none; a resend is stored once."""
    template, key, inspector = started
    login(client, inspector)
    token = csrf_token(client, f"/inspections/{key}/fill")
    section = _sheds(template)
    area = next(i for i in section.items if i.prompt == "储煤厂房建设面积（实测）")
    first = _put(client, key, area.id, "600", token, "d1")
    assert first.status_code == 201, first.json
    assert first.json["instance"] == f"first-{section.id}"
    again = _put(client, key, area.id, "600", token, "d1")
    assert again.status_code == 200 and again.json["answer"]["client_id"] == "d1"
    detail = client.get(f"/api/v1/inspections/{key}").json
    assert [(i["key"], i["label"]) for i in detail["instances"]] == [
        (f"first-{section.id}", "储煤厂房 1")
    ]
    [entry] = [i for i in detail["items"] if i["item_id"] == area.id]
    assert entry["result"] == "pass" and entry["reason"] == entry["instances"][0]["reason"]
    # once the phone has named its warehouses, an answer naming none goes to the first live
    client.delete(
        f"/api/v1/inspections/{key}/instances/first-{section.id}", headers=_headers(token)
    )
    _add(client, key, "east", section.id, token)
    later = _put(client, key, area.id, "700", token, "d2")
    assert later.json["instance"] == "east"
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Answer)) == 2


def test_an_answers_reply_counts_the_instance_it_adds_and_not_one_set_aside(client, started):
    """The reply's progress counts the instances the write itself added (PostgreSQL: read
    under its lock; SQLite: after its commit): it equals the progress read afresh afterwards.
    An answer for an instance set aside is stored for it (a device that had not heard yet):
    kept, not re-added, not counted."""
    template, key, inspector = started
    login(client, inspector)
    token = csrf_token(client, f"/inspections/{key}/fill")
    section = _sheds(template)
    required_here, others = _required(template)
    area = next(i for i in section.items if i.prompt == "储煤厂房建设面积（实测）")
    early = _put(client, key, area.id, "600", token, "e1", instance="north")  # adds "north"
    assert early.status_code == 201, early.json
    assert early.json["progress"] == {
        "answered": 1,
        "required": len(others) + len(required_here),
    }
    second = _put(client, key, area.id, "650", token, "e2", instance="south")  # adds "south"
    assert second.json["progress"] == {
        "answered": 2,
        "required": len(others) + 2 * len(required_here),
    }
    assert second.json["progress"] == client.get(f"/api/v1/inspections/{key}").json["progress"]
    client.delete(f"/api/v1/inspections/{key}/instances/south", headers=_headers(token))
    late = _put(client, key, area.id, "660", token, "e3", instance="south")
    assert late.status_code == 200, late.json
    assert late.json["instance"] == "south" and late.json["current"] is True
    assert late.json["progress"] == {
        "answered": 1,
        "required": len(others) + len(required_here),
    }
    assert late.json["progress"] == client.get(f"/api/v1/inspections/{key}").json["progress"]
    keys = db.session.scalars(
        sa.select(RepeatInstance.key).order_by(RepeatInstance.position, RepeatInstance.id)
    ).all()
    assert keys == ["north", "south"]  # the instance set aside was not added again


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_replys_progress_is_the_progress_read_afresh_after_any_write(client, started, seed):
    """The write reads what it counts once, before its insert, and counts its own answer in:
    whatever the writes (instances added, set aside, named or not, an answer stamped before
    the item's current one, which stays current), the reply's progress is the one read
    afresh afterwards."""
    import datetime as dt
    import random

    template, key, inspector = started
    login(client, inspector)
    token = csrf_token(client, f"/inspections/{key}/fill")
    section = _sheds(template)
    rng = random.Random(seed)
    values = {
        "number": lambda: str(rng.randint(0, 2000)),
        "yes_no": lambda: rng.choice(["yes", "no"]),
    }
    items = [i for i in template.ordered_items() if i.answer_type in values]
    now = dt.datetime.now(dt.UTC)
    seen = {"current": 0, "stale": 0}
    for n in range(40):
        if rng.random() < 0.15:
            instance = rng.choice(["a", "b", "c"])
            if rng.random() < 0.5:
                _add(client, key, instance, section.id, token)
            else:
                client.delete(
                    f"/api/v1/inspections/{key}/instances/{instance}", headers=_headers(token)
                )
            continue
        item = rng.choice(items)
        body = {"value": values[item.answer_type](), "client_id": f"r{seed}-{n}"}
        body["answered_at"] = (now - dt.timedelta(minutes=rng.randint(0, 60))).isoformat()
        if item.section_id == section.id and rng.random() < 0.7:
            body["instance"] = rng.choice(["a", "b", "c"])
        reply = client.put(
            f"/api/v1/inspections/{key}/answers/{item.id}", json=body, headers=_headers(token)
        )
        assert reply.status_code in (200, 201), reply.json
        seen["current" if reply.json["current"] else "stale"] += 1
        assert reply.json["progress"] == client.get(f"/api/v1/inspections/{key}").json["progress"]
    assert seen["current"] and seen["stale"]  # both kinds of write were tried
