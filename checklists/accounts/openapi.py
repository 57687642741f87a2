"""Accounts' part of the OpenAPI document: tokens, the caller (``/me``), organisations."""

from __future__ import annotations

from typing import Any

from checklists.accounts.models import OrgKind, Role
from checklists.core.openapi import PAGE_PARAMETERS, error_response, ok_response

_LOCALE = {"type": ["string", "null"], "enum": ["zh", "en", None]}

SCHEMAS: dict[str, Any] = {
    "TokenRequest": {
        "type": "object",
        "required": ["username", "password"],
        "properties": {"username": {"type": "string"}, "password": {"type": "string"}},
    },
    "Token": {
        "type": "object",
        "required": ["token"],
        "properties": {"token": {"type": "string"}},
        "additionalProperties": False,
    },
    "Me": {
        "type": "object",
        "required": ["id", "username", "display_name", "role", "organisation_id", "region_id"],
        "additionalProperties": False,
        "properties": {
            "id": {"type": "integer"},
            "username": {"type": "string"},
            "display_name": {"type": "string"},
            "role": {"type": "string", "enum": [role.value for role in Role]},
            "organisation_id": {"type": ["integer", "null"]},
            "region_id": {"type": ["integer", "null"]},
            "locale": _LOCALE,
        },
    },
    "MeUpdate": {
        "type": "object",
        "properties": {
            "display_name": {"type": "string", "maxLength": 100},
            "locale": _LOCALE,
        },
    },
    "Organisation": {
        "type": "object",
        "required": ["id", "name", "kind", "credit_code", "region"],
        "additionalProperties": False,
        "properties": {
            "id": {"type": "integer"},
            "name": {"type": "string"},
            "kind": {"type": "string", "enum": [kind.value for kind in OrgKind]},
            "credit_code": {"type": ["string", "null"], "pattern": "^[0-9A-HJ-NPQRTUWXY]{18}$"},
            "region": {"type": ["string", "null"]},
        },
    },
}

PATHS: dict[str, Any] = {
    "/tokens": {
        "post": {
            "summary": "Exchange a username and password for a bearer token",
            "security": [],
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/TokenRequest"}}
                },
            },
            "responses": {
                "201": ok_response("A new token", {"$ref": "#/components/schemas/Token"}),
                "400": error_response("Malformed body"),
                "401": error_response("Wrong username or password"),
                "429": error_response("Too many attempts"),
            },
        }
    },
    "/me": {
        "get": {
            "summary": "The caller's account",
            "responses": {
                "200": ok_response("The account", {"$ref": "#/components/schemas/Me"}),
                "401": error_response("Not logged in"),
            },
        },
        "patch": {
            "summary": "Change one's display name or language (session writes need X-CSRFToken)",
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/MeUpdate"}}
                },
            },
            "responses": {
                "200": ok_response("The updated account", {"$ref": "#/components/schemas/Me"}),
                "400": error_response("Malformed body, or a session write without X-CSRFToken"),
                "401": error_response("Not logged in"),
                "422": error_response("Invalid values; fields says which"),
            },
        },
    },
    "/organisations": {
        "get": {
            "summary": "The organisations the caller may see",
            "parameters": PAGE_PARAMETERS,
            "responses": {
                "200": ok_response(
                    "One page; a Link header points at the next",
                    {"type": "array", "items": {"$ref": "#/components/schemas/Organisation"}},
                ),
                "400": error_response("Bad pagination"),
                "401": error_response("Not logged in"),
            },
        }
    },
}
