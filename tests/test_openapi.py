"""The OpenAPI document stays true: every route documented, answers match their schemas."""

from __future__ import annotations

import pathlib
import re

import jsonschema
import pytest

from checklists.accounts.models import Role
from checklists.core.extensions import db
from checklists.standards.services import import_text
from tests.conftest import PASSWORD, csrf_token

PREFIX = "/api/v1"
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
