"""The OpenAPI 3.1 document of ``/api/v1``: its assembly and what the features share.

Each feature describes its own routes and schemas in its ``openapi.py`` (``PATHS``,
``SCHEMAS``) and hands them to its ``ApiRoutes``; ``document`` puts them together with the
base's own (the error schema, ``/openapi.json``). A test keeps it true to the routes and answers.
"""

from __future__ import annotations

from typing import Any

# --- shared types -----------------------------------------------------------------------------

DATE = {"type": "string", "format": "date"}
DATE_OR_NULL = {"type": ["string", "null"], "format": "date"}
TIME_OR_NULL = {"type": ["string", "null"], "format": "date-time"}
DECIMAL_OR_NULL = {"type": ["string", "null"], "pattern": "^-?[0-9]+(\\.[0-9]+)?$"}
UUID = {"type": "string", "format": "uuid"}

ERROR = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["code", "message", "fields"],
            "properties": {
                "code": {"type": "string"},
                "message": {"type": "string"},
                "fields": {"type": "object", "additionalProperties": {"type": "string"}},
            },
        }
    },
}


# --- responses, bodies, parameters ------------------------------------------------------------


def error_response(description: str) -> dict[str, Any]:
    """A response answering the error format (``#/components/schemas/Error``)."""
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    }


def ok_response(description: str, schema: dict[str, Any]) -> dict[str, Any]:
    """A response answering JSON of ``schema``."""
    return {"description": description, "content": {"application/json": {"schema": schema}}}


#: A request body of any JSON object (the operation's summary names its fields).
JSON_BODY = {"required": True, "content": {"application/json": {"schema": {"type": "object"}}}}

PAGE_PARAMETERS = [
    {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1, "default": 1}},
    {
        "name": "per_page",
        "in": "query",
        "schema": {"type": "integer", "minimum": 1, "maximum": 1000, "default": 100},
    },
]


# --- the base's own part ----------------------------------------------------------------------

SCHEMAS: dict[str, Any] = {"Error": ERROR}

PATHS: dict[str, Any] = {
    "/openapi.json": {
        "get": {
            "summary": "This document",
            "security": [],
            "responses": {"200": {"description": "OpenAPI 3.1 document"}},
        }
    },
}


def document(
    paths: dict[str, Any] | None = None, schemas: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The whole OpenAPI document: the base's paths and schemas and the features' ones."""
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "ClauseCheck API",
            "version": "1",
            "description": (
                "Errors: {error: {code, message, fields}}; messages in Chinese, English with "
                "Accept-Language: en. Session writes need X-CSRFToken; bearer writes do not."
            ),
        },
        "servers": [{"url": "/api/v1"}],
        "security": [{"bearer": []}, {"session": []}],
        "components": {
            "securitySchemes": {
                "bearer": {"type": "http", "scheme": "bearer"},
                "session": {"type": "apiKey", "in": "cookie", "name": "session"},
            },
            "schemas": {**SCHEMAS, **(schemas or {})},
        },
        "paths": {**PATHS, **(paths or {})},
    }
