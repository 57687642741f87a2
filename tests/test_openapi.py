"""The OpenAPI document stays true: every route documented, answers match their schemas."""

from __future__ import annotations

import io
import pathlib
import re
import uuid as uuidlib

import jsonschema
import pytest

from checklists.accounts.models import Role
from checklists.core.extensions import db
from checklists.standards.services import import_text
from tests import test_access_matrix
from tests.conftest import PASSWORD, csrf_token


@pytest.fixture(autouse=True)
def _regime_reaches_the_fixtures(app):
    """The fixtures' organisations are in 冠县 and 临淄区 (the regime's own region is 临淄区):
    the 挂牌督办 and 约谈 regimes are set to reach every region here (SUPERVISION_REGION empty;
    tests/test_regime_reach.py tests the region)."""
    app.config["SUPERVISION_REGION"] = ""


PREFIX = "/api/v1"
#: The access matrix's world (a fixture): a user per role, own and foreign records.
world = test_access_matrix.world
DATA = pathlib.Path(__file__).parent / "data"


def _spec(client):
    response = client.get(f"{PREFIX}/openapi.json")
    assert response.status_code == 200
    return response.json


def _openapi_path(rule: str) -> str:
    return re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule[len(PREFIX) :])


def test_every_api_route_is_documented_and_nothing_else(app, client):
    spec = _spec(client)
    routed = {
        (_openapi_path(rule.rule), method.lower())
        for rule in app.url_map.iter_rules()
        if rule.rule.startswith(PREFIX)
        for method in rule.methods - {"HEAD", "OPTIONS"}
    }
    documented = {(path, method) for path, ops in spec["paths"].items() for method in ops}
    assert routed == documented


def _validator(spec, schema):
    """A validator for ``schema`` whose ``#/components/...`` references resolve in ``spec``."""
    return jsonschema.Draft202012Validator({**schema, "components": spec["components"]})


def _check(spec, path, method, response):
    operation = spec["paths"][path][method]
    documented = operation["responses"].get(str(response.status_code))
    assert documented is not None, (
        f"{method} {path} answered {response.status_code}, not documented"
    )
    content = documented.get("content", {}).get("application/json")
    if content:
        _validator(spec, content["schema"]).validate(response.json)


@pytest.mark.parametrize("role", list(Role))
def test_answers_match_their_schemas(client, make_user, make_org, role):
    spec = _spec(client)
    org = make_org("单位", credit_code="91350100M000100Y43")
    import_text((DATA / "sample_gazette.txt").read_text("utf-8"), "sample.txt")
    db.session.commit()
    make_user("someone", role=role, organisation=org if role == Role.ENTERPRISE else None)

    _check(spec, "/organisations", "get", client.get(f"{PREFIX}/organisations"))  # 401
    _check(spec, "/tokens", "post", client.post(f"{PREFIX}/tokens", json={"username": "x"}))
    _check(
        spec,
        "/tokens",
        "post",
        client.post(f"{PREFIX}/tokens", json={"username": "someone", "password": "no"}),
    )
    response = client.post(f"{PREFIX}/tokens", json={"username": "someone", "password": PASSWORD})
    _check(spec, "/tokens", "post", response)
    auth = {"Authorization": f"Bearer {response.json['token']}"}

    listing = client.get(f"{PREFIX}/organisations", headers=auth)
    assert listing.json, "the list should not be empty"
    _check(spec, "/organisations", "get", listing)
    _check(
        spec, "/organisations", "get", client.get(f"{PREFIX}/organisations?page=0", headers=auth)
    )
    _check(spec, "/me", "get", client.get(f"{PREFIX}/me", headers=auth))
    _check(spec, "/me", "patch", client.patch(f"{PREFIX}/me", json={"locale": "zh"}, headers=auth))
    _check(spec, "/me", "patch", client.patch(f"{PREFIX}/me", json={"locale": "xx"}, headers=auth))
    _check(spec, "/documents", "get", client.get(f"{PREFIX}/documents", headers=auth))
    _check(spec, "/clauses", "get", client.get(f"{PREFIX}/clauses?q=台账", headers=auth))
    _check(spec, "/clauses", "get", client.get(f"{PREFIX}/clauses", headers=auth))
    first = client.get(f"{PREFIX}/documents", headers=auth).json[0]["id"]
    _check(
        spec,
        "/documents/{document_id}",
        "get",
        client.get(f"{PREFIX}/documents/{first}", headers=auth),
    )
    _check(
        spec, "/documents/{document_id}", "get", client.get(f"{PREFIX}/documents/0", headers=auth)
    )


def test_session_csrf_refusal_is_documented(client, as_user):
    spec = _spec(client)
    as_user()
    _check(spec, "/me", "patch", client.patch(f"{PREFIX}/me", json={}))
    _check(
        spec,
        "/me",
        "patch",
        client.patch(f"{PREFIX}/me", json={}, headers={"X-CSRFToken": csrf_token(client, "/")}),
    )


def test_document_is_valid_openapi_shape(client):
    spec = _spec(client)
    assert spec["openapi"].startswith("3.")
    for path, operations in spec["paths"].items():
        assert path.startswith("/")
        for operation in operations.values():
            assert operation["responses"], path


def _resolve(spec, schema):
    while "$ref" in schema:
        schema = spec["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    return schema


def test_every_body_and_answer_is_described_field_by_field(client):
    """No operation takes or answers a bare ``{"type": "object"}``: every JSON body and every
    JSON answer names its fields (the document is generated from the models)."""
    spec = _spec(client)
    bare = []
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            schemas = [
                content["schema"]
                for content in operation.get("requestBody", {}).get("content", {}).values()
            ]
            for response in operation["responses"].values():
                for content in response.get("content", {}).values():
                    schemas.append(content["schema"])
            for schema in schemas:
                schema = _resolve(spec, schema)
                if schema.get("type") == "array":
                    schema = _resolve(spec, schema["items"])
                if path == "/openapi.json":
                    continue
                if not schema.get("properties"):
                    bare.append(f"{method} {path}")
    assert bare == []


def test_no_hand_written_document_is_left():
    root = pathlib.Path(__file__).parent.parent
    assert sorted(str(p.relative_to(root)) for p in root.glob("*/*/openapi.py")) == []


def test_the_contract_check_catches_a_wrong_answer(app):
    """The check every API answer of the suite goes through fails on an answer that does not
    match its schema, and on a status the operation does not document."""
    from flask import jsonify

    from tests import contract

    with app.test_request_context():
        wrong = jsonify({"id": "not a number", "username": 5})
        with pytest.raises(AssertionError, match="does not match the document"):
            contract.check(app, "GET", f"{PREFIX}/me", wrong)
        teapot = jsonify({"error": {"code": "x", "message": "y", "fields": {}}})
        teapot.status_code = 418
        with pytest.raises(AssertionError, match="not documented"):
            contract.check(app, "GET", f"{PREFIX}/me", teapot)


# --- every documented request field is accepted, every other one refused by name -------------

UNDOCUMENTED = "zz_undocumented"
#: The inspection each write goes to: return and approve need a submitted one (each its own).
KEYS = {
    "return_inspection": "own_done",
    "approve_inspection": "foreign_done",
    "put_instance": "own_repeated",
}
#: The 复查 closes the finding; the other writes on it come first.
LAST = ("verify_finding",)
#: Each step of a hazard goes to an own hazard waiting for it (the world's hazard_<status>).
HAZARD_FOR = {
    "hazard_plan": "hazard_acknowledged",
    "hazard_closure_report": "hazard_rectifying",
    "hazard_confirm": "hazard_closure_requested",
    "hazard_verification": "hazard_confirmed",
    "hazard_close": "hazard_verified",
}

#: The report goes to a held interview (the held step to the notified own_interview).
INTERVIEW_FOR = {"interview_report": "interview_held"}
#: The step of the operations with a step in their path: the defence of the notified
#: own_entry; passing the qualified own_qualification again (answers 200).
STEP_FOR = {"credit_step": "defence", "credit_qualification_step": "pass"}


def _example(spec, schema):
    """A value the schema allows, preferring a present value to null."""
    schema = _resolve(spec, schema)
    for union in ("anyOf", "oneOf"):
        if union in schema:
            options = [s for s in schema[union] if _resolve(spec, s).get("type") != "null"]
            return _example(spec, options[0])
    if "enum" in schema:
        return next(v for v in schema["enum"] if v is not None)
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = next(k for k in kind if k != "null")
    if kind == "object" or "properties" in schema:
        return {k: _example(spec, v) for k, v in schema.get("properties", {}).items()}
    if kind == "array":
        return [_example(spec, schema["items"])] if "items" in schema else []
    if kind == "string":
        return {
            "date": "2026-11-20",
            "date-time": "2026-11-20T09:30:00+08:00",
            "uuid": str(uuidlib.uuid4()),
            "binary": b"",
        }.get(schema.get("format"), "1" if "pattern" in schema else "示例")
    if kind in ("integer", "number"):
        return max(schema.get("minimum", 1), 1)
    if kind == "boolean":
        return False
    return "yes"  # any JSON value (an answer's value: the overrides give the item's)


def _admits_null(spec, schema) -> bool:
    schema = _resolve(spec, schema)
    if any(k in schema for k in ("anyOf", "oneOf")):
        return any(_admits_null(spec, s) for s in schema.get("anyOf", schema.get("oneOf")))
    if "enum" in schema:
        return None in schema["enum"]
    kind = schema.get("type")
    return kind is None or kind == "null" or (isinstance(kind, list) and "null" in kind)


def _png() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (12, 12), (10, 200, 30)).save(out, "PNG")
    return out.getvalue()


def _requests(spec, world):
    """Each documented operation with a body: its path and a body naming every documented
    field, with the values a real client would send where the example would not do."""
    from checklists.authoring.models import TemplateItem
    from tests.test_access_matrix import failing_value

    users, ids = world
    item = db.session.get(TemplateItem, ids["published_item"])
    overrides = {
        "create_token": {"username": users["admin"].username, "password": PASSWORD},
        "create_inspection": {
            "template_id": ids["published"],
            "organisation_id": ids["own_org"],
            "inspector_ids": [users["inspector"].id],
        },
        "put_answer": {
            "value": failing_value(item),
            "unit": (item.rule or {}).get("unit"),
            "template_id": ids["published"],
            "instance": None,  # the item is in no repeated section
        },
        # an item of no repeated section; an original photo, not an annotated copy
        "upload_photo": {
            "item_id": ids["published_item"],
            "kind": "item",
            "instance": "",
            "annotates": "",
        },
        "put_instance": {"section_id": ids["repeated_section"]},
        "verify_finding": {"outcome": "closed", "unit": "working_day"},
        "update_finding": {"deadline": {"n": 5, "unit": "working_day"}},
        "create_hazard": {"finding_id": None, "organisation_id": ids["own_org"], "clause_id": None},
        "create_interview": {"organisation_id": ids["own_org"], "clause_key": None},
        "interview_held": {"held_on": None},
        "credit_create": {
            "organisation_id": ids["own_org"],
            "kind": "procurement_ban",
            "case": "procurement",
            "term_years": 2,
        },
        "credit_step": {"on": None, "defence_due_on": None},
        "credit_deposit": {"organisation_id": ids["own_org"], "entry_id": None},
        "credit_qualify": {"organisation_id": ids["own_org"], "region_id": ids["own_township"]},
        # a plan of the world's item drawing one of its targets in 冠县 (a count, not a ratio
        # too); no recusal window (the world's own_plan sent its inspectors to own_org)
        "spotcheck_plan_create": {
            "item_id": ids["spotcheck_item"],
            "region_id": ids["spotcheck_region"],
            "count": 1,
            "ratio": None,
            "industry": test_access_matrix.SPOTCHECK_INDUSTRY,
            "risk_classes": ["general"],
            "recusal_months": 0,
        },
        # a schedule of the own organisation (its site: none) for the matrix's inspector
        "schedule_create": {
            "template_id": ids["published"],
            "organisation_id": ids["own_org"],
            "site_id": None,
            "inspector_ids": [users["inspector"].id],
        },
        "schedule_update": {
            "template_id": ids["published"],
            "site_id": None,
            "inspector_ids": [users["inspector"].id],
        },
    }
    found = []
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            content = operation.get("requestBody", {}).get("content", {})
            for media, described in content.items():
                name = operation["operationId"]
                params = {
                    "key": ids[KEYS.get(name, "own_open")],
                    "item_id": ids["published_item"],
                    "finding_id": ids["own_finding"],
                    "hazard_id": ids[HAZARD_FOR.get(name, "own_hazard")],
                    "interview_id": ids[INTERVIEW_FOR.get(name, "own_interview")],
                    "entry_id": ids["own_entry"],
                    "qualification_id": ids["own_qualification"],
                    "organisation_id": ids["own_org"],
                    "step": STEP_FOR.get(name, ""),
                    # the draw goes to the drawn own_plan: the same draw again (200)
                    "plan_id": ids["own_plan"],
                    "schedule_id": ids["own_schedule"],
                    "instance": "w-1",
                }
                body = {**_example(spec, described["schema"]), **overrides.get(name, {})}
                found.append((name, method, path.format(**params), media, body))
    return sorted(found, key=lambda r: (r[0] in LAST, r[0], r[3]))


def _path_of(spec, operation_id: str) -> str:
    return next(
        path
        for path, operations in spec["paths"].items()
        for operation in operations.values()
        if operation["operationId"] == operation_id
    )


def _send(client, method, path, media, body, headers):
    if media == "application/json":
        return client.open(f"{PREFIX}{path}", method=method, json=body, headers=headers)
    data = {
        k: (io.BytesIO(_png()), "a.png") if v == b"" or v == [b""] else str(v)
        for k, v in body.items()
    }
    return client.open(
        f"{PREFIX}{path}",
        method=method,
        data=data,
        content_type="multipart/form-data",
        headers=headers,
    )


def test_documented_request_fields_are_accepted_and_others_refused_by_name(client, world):
    """For every operation with a body (JSON or form), in every content type it takes: a
    field the document says cannot be null is refused, by name, when null; the body with one
    field the document does not name is refused (422) naming that field; the body with every
    documented field is accepted; a body of only the required fields is not refused for a
    field the document calls optional."""
    users, _ids = world
    spec = _spec(client)
    token = client.post(
        f"{PREFIX}/tokens", json={"username": users["admin"].username, "password": PASSWORD}
    ).json["token"]
    auth = {"Authorization": f"Bearer {token}"}
    requests = _requests(spec, world)
    assert {r[0] for r in requests} >= {"put_answer", "upload_photo", "add_action"}
    problems = []
    for name, method, path, media, body in requests:
        if media == "application/json":  # a form cannot send null
            schema = _resolve(
                spec,
                spec["paths"][_path_of(spec, name)][method]["requestBody"]["content"][media][
                    "schema"
                ],
            )
            for field, described in schema.get("properties", {}).items():
                if _admits_null(spec, described):
                    continue
                nulled = _send(client, method, path, media, {**body, field: None}, auth)
                fields = (nulled.get_json() or {}).get("error", {}).get("fields", {})
                if nulled.status_code not in (400, 422) or field not in fields:
                    problems.append(f"{name}: null {field} not refused: {nulled.status_code}")
        refused = _send(client, method, path, media, {**body, UNDOCUMENTED: "x"}, auth)
        fields = (refused.get_json() or {}).get("error", {}).get("fields", {})
        if refused.status_code != 422 or UNDOCUMENTED not in fields:
            problems.append(f"{name} {media} undocumented field: {refused.status_code} {fields}")
        accepted = _send(client, method, path, media, body, auth)
        if accepted.status_code not in (200, 201):
            problems.append(
                f"{name} {media} documented fields: {accepted.status_code} {accepted.get_json()}"
            )
        schema = _resolve(
            spec,
            spec["paths"][_path_of(spec, name)][method]["requestBody"]["content"][media]["schema"],
        )
        required = set(schema.get("required", []))
        if "if" in schema:  # required under a condition the full body meets (kind: item)
            condition = jsonschema.Draft202012Validator(schema["if"])
            if condition.is_valid({k: v for k, v in body.items() if k in required}):
                required |= set(schema["then"]["required"])
        minimal = {k: v for k, v in body.items() if k in required}
        answer = _send(client, method, path, media, minimal, auth)
        fields = set((answer.get_json() or {}).get("error", {}).get("fields", {}))
        if answer.status_code in (400, 422) and fields - required:
            problems.append(f"{name} {media}: optional {sorted(fields - required)} required")
    assert problems == []


# --- what a schema-driven fuzzer found (tests/benchmarks/fuzz_api.py), kept fixed -------------


@pytest.mark.parametrize(
    "path", ["/organisations", "/documents", "/templates", "/inspections", "/findings"]
)
def test_a_page_beyond_the_database_is_a_400_not_a_500(client, as_user, path):
    as_user(Role.ADMIN)
    response = client.get(f"{PREFIX}{path}?page=9223372036854775806&per_page=100")
    assert response.status_code == 400
    assert "page" in response.json["error"]["fields"]


@pytest.mark.parametrize("method", ["get", "patch"])
def test_an_id_beyond_64_bits_is_a_404_for_every_method(client, as_user, method):
    as_user(Role.ADMIN)
    response = getattr(client, method)(f"{PREFIX}/findings/9223372036854775808", json={})
    assert response.status_code == 404


def test_a_whole_number_written_with_a_point_is_a_whole_number(client, world):
    users, ids = world
    token = client.post(
        f"{PREFIX}/tokens", json={"username": users["admin"].username, "password": PASSWORD}
    ).json["token"]
    body = {
        "uuid": str(uuidlib.uuid4()),
        "template_id": float(ids["published"]),
        "organisation_id": float(ids["own_org"]),
    }
    response = client.post(
        f"{PREFIX}/inspections", json=body, headers={"Authorization": f"Bearer {token}"}
    )
    assert response.status_code == 201
    assert response.json["template"]["id"] == ids["published"]
    body.update(uuid=str(uuidlib.uuid4()), template_id=ids["published"] + 0.5)
    refused = client.post(
        f"{PREFIX}/inspections", json=body, headers={"Authorization": f"Bearer {token}"}
    )
    assert refused.status_code == 422 and "template_id" in refused.json["error"]["fields"]


@pytest.mark.parametrize(
    ("extra", "field"), [({"n": 0}, "n"), ({"unit": "AAA"}, "unit"), ({"n": "8761"}, "n")]
)
def test_closing_a_finding_refuses_a_wrong_deadline_too(client, world, extra, field):
    users, ids = world
    token = client.post(
        f"{PREFIX}/tokens", json={"username": users["admin"].username, "password": PASSWORD}
    ).json["token"]
    response = client.post(
        f"{PREFIX}/findings/{ids['own_finding']}/verify",
        json={"outcome": "closed", **extra},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 422
    assert field in response.json["error"]["fields"]
