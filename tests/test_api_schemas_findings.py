"""The findings' API contract (``inspections.findings.schemas``): filters and bodies refused by
name, undocumented fields refused, numbers out of range answered as refusals (never a 500), and
the old field names and statuses kept where the service decides."""

from __future__ import annotations

import io

import pytest

from tests import test_findings, test_inspections, test_workflow
from tests.test_findings import FINDINGS, PDF, png, submit_with_failures
from tests.test_inspections import as_

coal = test_workflow.coal
world = test_inspections.world
started = test_inspections.started

HUGE = "99999999999999999999"


@pytest.fixture
def finding_id(app, world, started, monkeypatch) -> int:
    [found] = submit_with_failures(app, world, started, monkeypatch)
    return found


def test_list_filters_are_read_and_bad_ones_refused(app, world, finding_id):
    session = as_(app, world["enterprise"])
    for query in ("status=", "organisation_id=", "overdue=", "overdue=0", "status=open"):
        response = session.get(f"{FINDINGS}?{query}")
        assert response.status_code == 200, query
        assert [f["id"] for f in response.json] == [finding_id], query
    for query, field in [
        ("status=fixed", "status"),
        (f"organisation_id={HUGE}", "organisation_id"),
        ("organisation_id=0", "organisation_id"),
        ("inspection_uuid=nope", "inspection_uuid"),
        ("overdue=maybe", "overdue"),
        (f"page={HUGE}", "page"),
    ]:
        response = session.get(f"{FINDINGS}?{query}")
        assert response.status_code == 400, query
        assert field in response.json["error"]["fields"], query
    key = session.get(f"{FINDINGS}/{finding_id}").json["inspection_uuid"]
    by_key = session.get(f"{FINDINGS}?inspection_uuid={key.upper()}").json
    assert [f["id"] for f in by_key] == [finding_id]


def test_a_huge_finding_id_is_not_found(app, world, finding_id):
    assert as_(app, world["enterprise"]).get(f"{FINDINGS}/{HUGE}").status_code == 404


def test_undocumented_fields_are_refused_by_name(app, world, finding_id):
    enterprise, inspector = as_(app, world["enterprise"]), as_(app, world["inspector"])
    base = f"{FINDINGS}/{finding_id}"
    cases = [
        (enterprise.post, "/actions", {"description": "已整改", "photo": "x"}, "photo"),
        (inspector.post, "/verify", {"outcome": "closed", "note": "x"}, "note"),
        (inspector.patch, "", {"deadline": {"n": 3, "unit": "day"}, "due_on": "x"}, "due_on"),
        (inspector.patch, "", {"deadline": {"n": 3, "unit": "day", "x": 1}}, "deadline.x"),
        (inspector.patch, "", {"deadline": {"n": 3.5, "unit": "day"}}, "deadline.n"),
        (inspector.patch, "", {"deadline": "3 days"}, "deadline"),
        (inspector.patch, "", {}, "deadline"),
        (inspector.patch, "", {"deadline": {}}, "unit"),
        (inspector.patch, "", {"deadline": {"n": 3, "unit": "week"}}, "unit"),
        (inspector.post, "/verify", {"outcome": "reopened", "reason": "x", "n": True}, "n"),
    ]
    for send, path, body, field in cases:
        response = send(f"{base}{path}", json=body)
        assert response.status_code == 422, (body, response.json)
        assert field in response.json["error"]["fields"], (body, response.json)
    extra = enterprise.post(
        f"{base}/photos", data={"file": (io.BytesIO(png()), "a.png"), "item_id": "1"}
    )
    assert extra.status_code == 422 and "item_id" in extra.json["error"]["fields"]
    multipart = enterprise.post(
        f"{base}/actions",
        data={"description": "已整改", "colour": "red", "file": (io.BytesIO(PDF), "r.pdf")},
    )
    assert multipart.status_code == 422 and "colour" in multipart.json["error"]["fields"]
    assert test_findings.events(app, finding_id) == ["raised"]


def test_an_action_as_multipart_takes_its_files(app, world, finding_id):
    enterprise = as_(app, world["enterprise"])
    made = enterprise.post(
        f"{FINDINGS}/{finding_id}/actions",
        data={
            "description": "已整改",
            "client_id": "m-1",
            "file": [(io.BytesIO(png()), "a.png"), (io.BytesIO(PDF), "r.pdf")],
        },
    )
    assert made.status_code == 201, made.json
    assert sorted(f["kind"] for f in made.json["files"]) == ["document", "photo"]
    assert {f["action_id"] for f in made.json["files"]} == {made.json["action"]["id"]}
    empty = enterprise.post(
        f"{FINDINGS}/{finding_id}/actions",
        data={"description": ""},
        content_type="multipart/form-data",
    )
    assert empty.status_code == 422 and "description" in empty.json["error"]["fields"]


def test_a_closed_finding_answers_409_before_its_body_is_read(app, world, finding_id):
    enterprise, inspector = as_(app, world["enterprise"]), as_(app, world["inspector"])
    base = f"{FINDINGS}/{finding_id}"
    assert enterprise.post(f"{base}/actions", json={"description": "已整改"}).status_code == 201
    assert inspector.post(f"{base}/verify", json={"outcome": "closed"}).status_code == 201
    late = inspector.patch(base, json={"deadline": {"n": "十", "unit": "day"}})
    assert late.status_code == 409 and late.json["error"]["code"] == "not_open"


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("start=9999-12-31&n=5&unit=day", "start"),
        ("start=9999-12-31&n=5&unit=working_day", "start"),
        ("start=9999-12-31T20:00:00&n=24&unit=hour", "start"),
        ("start=0001-01-01T00:00:00&n=1&unit=hour", "start"),
        (f"start=2026-09-30&n={HUGE}&unit=day", "n"),
        ("start=2026-09-30&n=3651&unit=day", "n"),
        ("start=2026-09-30&unit=day", "n"),
        ("n=3&unit=day", "start"),
        ("start=2026-09-30&n=3&unit=", "unit"),
    ],
)
def test_the_calculator_refuses_what_it_cannot_count(client, query, field):
    response = client.get(f"/api/v1/calendar/deadline?{query}")
    assert response.status_code == 422, (query, response.json)
    assert field in response.json["error"]["fields"], (query, response.json)


def test_the_calculator_counts_hours_up_to_a_year(client):
    response = client.get("/api/v1/calendar/deadline?start=2026-09-30T08:00&n=8760&unit=hour")
    assert response.status_code == 200, response.json
    assert response.json["start"] == "2026-09-30T08:00:00" and response.json["unit"] == "hour"
    assert response.json["n"] == 8760 and response.json["due_on"] == "2027-09-30"
