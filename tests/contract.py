"""Every answer of ``/api/v1`` that a test sees is checked against the OpenAPI document.

The test client (``conftest.Client``) hands each API response here: its status must be
documented for its operation and its JSON must match the documented schema. So the document
is tested by the whole suite, for every role and every state the tests reach, not by a list
of sample requests.
"""

from __future__ import annotations

from typing import Any

import jsonschema
from flask import Flask
from werkzeug.exceptions import HTTPException

from checklists.core.api import URL_PREFIX
from checklists.core.apidoc import openapi_path

_document: dict[str, Any] = {}
_validators: dict[tuple[str, str, str], jsonschema.Draft202012Validator | None] = {}


def document(app: Flask) -> dict[str, Any]:
    """The served document (the same for every app of the run), read once."""
    if not _document:
        with app.test_request_context(f"{URL_PREFIX}/openapi.json"):
            _document.update(app.view_functions["api.openapi"]().get_json())
    return _document


def _validator(spec, path: str, method: str, status: str):
    key = (path, method, status)
    if key not in _validators:
        documented = spec["paths"][path][method]["responses"].get(status)
        assert documented is not None, f"{method.upper()} {path} answered {status}, not documented"
        content = documented.get("content", {}).get("application/json")
        _validators[key] = (
            jsonschema.Draft202012Validator(
                {**content["schema"], "components": spec["components"]},
                format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
            )
            if content
            else None
        )
    return _validators[key]


def check(app: Flask, method: str, path: str, response) -> None:
    """Fail the test if ``response`` to ``method path`` is not what the document says."""
    if not path.startswith(URL_PREFIX + "/") or method in ("HEAD", "OPTIONS"):
        return
    try:
        rule, _args = app.url_map.bind("localhost").match(path, method, return_rule=True)
    except HTTPException:  # no such route or method: the generic 404 / 405 answers
        return
    spec = document(app)
    api_path = openapi_path(rule.rule[len(URL_PREFIX) :])
    assert api_path in spec["paths"], f"{api_path} is not documented"
    assert method.lower() in spec["paths"][api_path], f"{method} {api_path} is not documented"
    validator = _validator(spec, api_path, method.lower(), str(response.status_code))
    if validator is not None and response.mimetype == "application/json":
        errors = sorted(validator.iter_errors(response.get_json()), key=str)
        assert not errors, (
            f"{method} {api_path} {response.status_code} does not match the document: "
            + "; ".join(f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors[:5])
        )
