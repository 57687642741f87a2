"""The filling API's requests as its schemas read them: what is refused and in which order
(400 → 404 → 403 → 409 → 422), what is still accepted as before (blank filters, numbers as
text, EXIF times without an offset)."""

from __future__ import annotations

import sqlalchemy as sa

from checklists.core.extensions import db
from inspections.filling.models import Answer, Inspection, Photo
from tests import test_inspections as base
from tests.test_inspections import API, answer, as_, create, fill_everything, jpeg, upload
from tests.test_templates import by_prompt
from tests.test_workflow import coal  # noqa: F401 (fixture)

#: The fixtures of test_inspections: an inspector's inspection of the coal template.
world, started = base.world, base.started


def _submitted(session, key, world) -> None:
    fill_everything(session, key, world["template"])
    assert session.post(f"{API}/{key}/submit").status_code == 200


def test_list_filters_are_checked_and_blank_ones_ignored(world, started):
    session, key = started
    huge = session.get(f"{API}?organisation_id={2**64}")
    assert huge.status_code == 400 and "organisation_id" in huge.json["error"]["fields"]
    assert session.get(f"{API}?organisation_id=abc").status_code == 400
    blank = session.get(f"{API}?status=&organisation_id=")
    assert blank.status_code == 200 and [i["uuid"] for i in blank.json] == [key]
    by_org = session.get(f"{API}?organisation_id={world['own'].id}&status=planned")
    assert [i["uuid"] for i in by_org.json] == [key]


def test_create_refuses_by_field_and_null_is_absent(app, world):
    session = as_(app, world["supervisor"])
    absent = create(session, world, uuid=None)
    assert absent.status_code == 400 and "uuid" in absent.json["error"]["fields"]
    huge = create(session, world, template_id=2**64)
    assert huge.status_code == 422 and "template_id" in huge.json["error"]["fields"]
    text = create(session, world, inspector_ids="1")
    assert text.status_code == 422 and "inspector_ids" in text.json["error"]["fields"]
    unknown = create(session, world, site="x")
    assert unknown.status_code == 422 and set(unknown.json["error"]["fields"]) == {"site"}
    made = create(session, world, project=" 二期 ", planned_on="")
    assert made.status_code == 201
    assert (made.json["project"], made.json["planned_on"]) == ("二期", None)
    assert db.session.scalar(sa.select(sa.func.count(Inspection.id))) == 1


def test_patch_reads_location_as_numbers_or_text_and_names_each_mistake(world, started):
    session, key = started
    phone = session.patch(
        f"{API}/{key}", json={"location": {"lat": "36.489123", "lon": 115.443456, "accuracy": -12}}
    )
    assert phone.status_code == 200
    assert phone.json["location"] == {"lat": "36.489123", "lon": "115.443456", "accuracy": "12"}
    half = session.patch(f"{API}/{key}", json={"location": {"lat": 36}})
    assert half.status_code == 422 and set(half.json["error"]["fields"]) == {"location.lon"}
    assert (
        session.patch(f"{API}/{key}", json={"location": "here"}).json["error"]["fields"]
        == session.patch(f"{API}/{key}", json={"location": 5}).json["error"]["fields"]
    )
    odd = session.patch(f"{API}/{key}", json={"location": {"lat": 1, "lon": 2, "alt": 3}})
    assert odd.status_code == 422 and set(odd.json["error"]["fields"]) == {"location.alt"}
    unknown = session.patch(f"{API}/{key}", json={"status": "approved", "project": 5})
    assert unknown.status_code == 422
    assert set(unknown.json["error"]["fields"]) == {"status", "project"}
    changed = session.patch(
        f"{API}/{key}", json={"location": None, "planned_on": "", "project": " 二期 "}
    )
    assert changed.status_code == 200
    assert (changed.json["location"], changed.json["planned_on"], changed.json["project"]) == (
        None,
        None,
        "二期",
    )


def test_a_submitted_inspection_is_the_first_thing_wrong(world, started):
    """409 before 422: a write to a submitted inspection is refused as submitted even when its
    body is wrong too; a malformed body is still a 400 first, and a resend still a 200."""
    session, key = started
    _submitted(session, key, world)
    item = world["template"].ordered_items()[0]
    patch = session.patch(f"{API}/{key}", json={"location": {"lat": 95, "lon": "x"}})
    assert patch.status_code == 409 and patch.json["error"]["code"] == "submitted"
    malformed = session.patch(f"{API}/{key}", data="[", content_type="application/json")
    assert malformed.status_code == 400
    late = answer(session, key, item, "yes", "late", note=5)
    assert late.status_code == 409 and late.json["error"]["code"] == "submitted"
    no_value = session.put(f"{API}/{key}/answers/{item.id}", json={"note": ""})
    assert no_value.status_code == 400 and "value" in no_value.json["error"]["fields"]
    resend = answer(session, key, item, "yes", f"c{item.id}")
    assert resend.status_code == 200
    photo = upload(session, key, jpeg(), item_id=str(item.id), lat="95")
    assert photo.status_code == 409 and photo.json["error"]["code"] == "submitted"


def test_a_stale_form_is_refused_before_its_mistakes(world, started):
    session, key = started
    item = world["template"].ordered_items()[0]
    stale = answer(session, key, item, "yes", "x1", template_id=world["template"].id + 1, note=5)
    assert stale.status_code == 409 and stale.json["error"]["code"] == "stale_form"
    pinned = answer(session, key, item, "yes", "x2", template_id=world["template"].id, note=5)
    assert pinned.status_code == 422 and set(pinned.json["error"]["fields"]) == {"note"}
    assert db.session.scalar(sa.select(sa.func.count(Answer.id))) == 0


def test_answer_fields_as_the_phone_sends_them(world, started):
    session, key = started
    area = by_prompt(world["template"], "储煤厂房建设面积")
    sent = answer(session, key, area, 520, "p1", unit="m²", note=None, at="2026-11-21T01:00:00Z")
    assert sent.status_code == 201, sent.json
    stored = sent.json["answer"]
    assert (stored["value"], stored["unit"], stored["note"]) == ("520", "m²", "")
    assert stored["answered_at"] == "2026-11-21T01:00:00+00:00"
    for bad, field in (
        ({"client_id": ""}, "client_id"),
        ({"client_id": "x" * 65}, "client_id"),
        ({"unit": 5}, "unit"),
        ({"answered_at": "yesterday"}, "answered_at"),
        ({"extra": 1}, "extra"),
    ):
        body = {"value": "520", **bad}
        refused = session.put(f"{API}/{key}/answers/{area.id}", json=body)
        assert refused.status_code == 422, bad
        assert set(refused.json["error"]["fields"]) == {field}, refused.json


def test_photo_fields(world, started):
    session, key = started
    item = world["template"].ordered_items()[0]
    exif_time = upload(
        session, key, jpeg(), item_id=str(item.id), taken_at="2026-11-21T09:30:15", lat=""
    )
    assert exif_time.status_code == 201, exif_time.json
    assert exif_time.json["taken_at"] == "2026-11-21T01:30:15+00:00"
    assert exif_time.json["lat"] is None
    signed = upload(session, key, jpeg(color=(0, 0, 0)), kind="", item_id=str(item.id))
    assert signed.status_code == 201 and signed.json["kind"] == "item"
    for fields, named in (
        ({"item_id": "abc"}, "item_id"),
        ({"item_id": str(2**64)}, "item_id"),
        ({"lat": "95", "lon": "x"}, None),
        ({"taken_at": "soon"}, "taken_at"),
        ({"comment": "x"}, "comment"),
    ):
        refused = upload(session, key, jpeg(color=(9, 9, 9)), **{"item_id": str(item.id), **fields})
        assert refused.status_code == 422, fields
        expected = {named} if named else {"lat", "lon"}
        assert set(refused.json["error"]["fields"]) == expected, refused.json
    no_file = session.post(f"{API}/{key}/photos", data={"item_id": str(item.id)})
    assert no_file.status_code == 400 and "file" in no_file.json["error"]["fields"]
    assert db.session.scalar(sa.select(sa.func.count(Photo.id))) == 2


def test_return_and_approve_read_their_comment(app, world, started):
    session, key = started
    _submitted(session, key, world)
    supervisor = as_(app, world["supervisor"])
    wrong = supervisor.post(f"{API}/{key}/return", json={"comment": 5})
    assert wrong.status_code == 422 and "comment" in wrong.json["error"]["fields"]
    assert supervisor.post(f"{API}/{key}/approve", json={"note": "x"}).status_code == 422
    approved = supervisor.post(f"{API}/{key}/approve", json={})
    assert approved.status_code == 200 and approved.json["status"] == "approved"
    trail = supervisor.get(f"{API}/{key}/audit").json
    assert [e["action"] for e in trail] == ["submitted", "approved"]
    assert trail[-1]["before"]["score"] == "100.0" and trail[-1]["after"]["status"] == "approved"
