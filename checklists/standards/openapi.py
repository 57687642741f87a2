"""Standards' part of the OpenAPI document: documents, their clauses and requirements."""

from __future__ import annotations

from typing import Any

from checklists.core.openapi import (
    DATE_OR_NULL,
    DECIMAL_OR_NULL,
    PAGE_PARAMETERS,
    error_response,
    ok_response,
)

# The extractor's vocabularies (plain strings in ``checklists.standards.extraction``; no StrEnum).
_MODALITIES = ["mandatory_strong", "mandatory", "default", "advisory", "permission", None]
_COMPARATORS = [">=", "<=", ">", "<", "==", "range", None]
_PERIODS = ["day", "week", "month", "quarter", "year", "batch", None]

SCHEMAS: dict[str, Any] = {
    "Document": {
        "type": "object",
        "required": [
            "id",
            "number",
            "title",
            "issuer",
            "signed_on",
            "in_force_from",
            "in_force_until",
            "clause_count",
            "version",
            "is_current",
        ],
        "properties": {
            "id": {"type": "integer"},
            "number": {"type": ["string", "null"]},
            "title": {"type": "string"},
            "issuer": {"type": ["string", "null"]},
            "signed_on": DATE_OR_NULL,
            "in_force_from": DATE_OR_NULL,
            "in_force_until": DATE_OR_NULL,
            "clause_count": {"type": "integer"},
            "version": {"type": "integer", "minimum": 1},
            "is_current": {"type": "boolean"},
            "lineage": {"type": "string"},
            "clauses": {"type": "array", "items": {"$ref": "#/components/schemas/Clause"}},
        },
    },
    "Clause": {
        "type": "object",
        "required": ["id", "key", "path", "text", "text_hash", "parent_id", "requirements"],
        "properties": {
            "id": {"type": "integer"},
            "key": {"type": "string"},
            "path": {"type": "array", "items": {"type": "string"}},
            "text": {"type": "string"},
            "text_hash": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
            "parent_id": {"type": ["integer", "null"]},
            "table": {
                "type": ["array", "null"],
                "items": {"type": "array", "items": {"type": "string"}},
            },
            "requirements": {
                "type": "array",
                "items": {"$ref": "#/components/schemas/Requirement"},
            },
            "document_id": {"type": "integer"},
            "document_number": {"type": ["string", "null"]},
            "document_title": {"type": "string"},
        },
    },
    "Requirement": {
        "type": "object",
        "required": [
            "modality",
            "kind",
            "comparator",
            "value",
            "low",
            "high",
            "unit",
            "per",
            "span",
            "flags",
        ],
        "additionalProperties": False,
        "properties": {
            "modality": {"enum": _MODALITIES},
            "kind": {"type": "string"},
            "comparator": {"enum": _COMPARATORS},
            "value": DECIMAL_OR_NULL,
            "low": DECIMAL_OR_NULL,
            "high": DECIMAL_OR_NULL,
            "unit": {"type": ["string", "null"]},
            "per": {"enum": _PERIODS},
            "span": {"type": "string"},
            "start": {"type": "integer"},
            "trigger": {"type": ["string", "null"]},
            "flags": {"type": "array", "items": {"type": "string"}},
        },
    },
}

PATHS: dict[str, Any] = {
    "/documents": {
        "get": {
            "summary": "Current documents (filters: issuer, year, in_force=yes|no, q)",
            "parameters": [
                *PAGE_PARAMETERS,
                {"name": "issuer", "in": "query", "schema": {"type": "string"}},
                {"name": "year", "in": "query", "schema": {"type": "integer"}},
                {"name": "in_force", "in": "query", "schema": {"enum": ["yes", "no"]}},
                {"name": "q", "in": "query", "schema": {"type": "string"}},
            ],
            "responses": {
                "200": ok_response(
                    "One page",
                    {"type": "array", "items": {"$ref": "#/components/schemas/Document"}},
                ),
                "400": error_response("Bad pagination"),
                "401": error_response("Not logged in"),
            },
        }
    },
    "/documents/{document_id}": {
        "get": {
            "summary": "A document version with its clauses and their requirements",
            "parameters": [
                {
                    "name": "document_id",
                    "in": "path",
                    "required": True,
                    "schema": {"type": "integer"},
                }
            ],
            "responses": {
                "200": ok_response("The document", {"$ref": "#/components/schemas/Document"}),
                "401": error_response("Not logged in"),
                "404": error_response("No such document"),
            },
        }
    },
    "/clauses": {
        "get": {
            "summary": "Clauses of current documents containing q (two characters are enough)",
            "parameters": [
                *PAGE_PARAMETERS,
                {"name": "q", "in": "query", "required": True, "schema": {"type": "string"}},
            ],
            "responses": {
                "200": ok_response(
                    "One page", {"type": "array", "items": {"$ref": "#/components/schemas/Clause"}}
                ),
                "400": error_response("Missing q or bad pagination"),
                "401": error_response("Not logged in"),
            },
        }
    },
}
