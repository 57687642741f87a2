"""Authoring's part of the OpenAPI document: checklist templates, their items and rules."""

from __future__ import annotations

from typing import Any

from checklists.accounts.models import OrgKind
from checklists.authoring.models import ScoringMethod, Severity, TemplateStatus
from checklists.core.openapi import (
    DATE_OR_NULL,
    DECIMAL_OR_NULL,
    PAGE_PARAMETERS,
    error_response,
    ok_response,
)

# ``checklists.scoring`` keeps these as tuples (ANSWER_TYPES, OPS), not StrEnums.
_ANSWER_TYPES = ["yes_no", "number", "count", "choice", "parts", "date", "text", "photo"]
_OPS = [">=", "<=", ">", "<", "==", "range"]
_TEMPLATE_STATUSES = [status.value for status in TemplateStatus]

RULE = {
    "type": "object",
    "properties": {
        "op": {"enum": _OPS},
        "value": {"type": "string"},
        "low": {"type": "string"},
        "high": {"type": "string"},
        "low_inclusive": {"type": "boolean"},
        "high_inclusive": {"type": "boolean"},
        "unit": {"type": "string"},
        "choices": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["value", "label", "score", "pass"],
                "properties": {
                    "value": {"type": "string"},
                    "label": {"type": "string"},
                    "score": {"type": "string"},
                    "pass": {"type": "boolean"},
                },
            },
        },
        "parts": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["value", "label"],
                "properties": {"value": {"type": "string"}, "label": {"type": "string"}},
            },
        },
        "photo_on_fail": {"type": "boolean"},
    },
    "additionalProperties": False,
}

SCHEMAS: dict[str, Any] = {
    "Template": {
        "type": "object",
        "required": ["id", "name", "version", "status", "lineage", "org_kind", "documents"],
        "properties": {
            "id": {"type": "integer"},
            "name": {"type": "string"},
            "version": {"type": "integer"},
            "status": {"enum": _TEMPLATE_STATUSES},
            "lineage": {"type": "string"},
            "org_kind": {"enum": [*(kind.value for kind in OrgKind), None]},
            "documents": {"type": "array", "items": {"type": "string"}},
            "method": {"enum": [method.value for method in ScoringMethod]},
            "grade_bands": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["min", "label", "pass"],
                    "properties": {
                        "min": {"type": "string"},
                        "label": {"type": "string"},
                        "pass": {"type": "boolean"},
                    },
                },
            },
            "sections": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["title", "items"],
                    "properties": {
                        "title": {"type": "string"},
                        "items": {
                            "type": "array",
                            "items": {"$ref": "#/components/schemas/TemplateItem"},
                        },
                    },
                },
            },
        },
    },
    "TemplateItem": {
        "type": "object",
        "required": [
            "id",
            "prompt",
            "answer_type",
            "rule",
            "weight",
            "severity",
            "na_allowed",
            "required",
            "scored",
            "clause",
        ],
        "properties": {
            "id": {"type": "integer"},
            "prompt": {"type": "string"},
            "guidance": {"type": "string"},
            "answer_type": {"enum": _ANSWER_TYPES},
            "rule": RULE,
            "weight": DECIMAL_OR_NULL,
            "severity": {"enum": [severity.value for severity in Severity]},
            "na_allowed": {"type": "boolean"},
            "required": {"type": "boolean"},
            "scored": {"type": "boolean", "description": "false: advisory, shown, not scored"},
            "valid_from": DATE_OR_NULL,
            "valid_to": DATE_OR_NULL,
            "validity_confirmed": {"type": "boolean"},
            "clause": {
                "type": "object",
                "required": ["key", "document", "text"],
                "properties": {
                    "id": {"type": ["integer", "null"]},
                    "key": {"type": "string"},
                    "document": {"type": ["string", "null"]},
                    "document_version": {"type": ["integer", "null"]},
                    "text": {"type": "string"},
                    "text_hash": {"type": "string"},
                },
            },
        },
    },
}

PATHS: dict[str, Any] = {
    "/templates": {
        "get": {
            "summary": "Checklist templates (drafts only for authors and admins)",
            "parameters": [
                *PAGE_PARAMETERS,
                {"name": "status", "in": "query", "schema": {"enum": _TEMPLATE_STATUSES}},
            ],
            "responses": {
                "200": ok_response(
                    "One page",
                    {"type": "array", "items": {"$ref": "#/components/schemas/Template"}},
                ),
                "400": error_response("Bad pagination or status"),
                "401": error_response("Not logged in"),
            },
        }
    },
    "/templates/{template_id}": {
        "get": {
            "summary": "A template version with its sections and items, each citing its clause",
            "parameters": [
                {
                    "name": "template_id",
                    "in": "path",
                    "required": True,
                    "schema": {"type": "integer"},
                }
            ],
            "responses": {
                "200": ok_response("The template", {"$ref": "#/components/schemas/Template"}),
                "401": error_response("Not logged in"),
                "404": error_response("No such template (or a draft the caller may not see)"),
            },
        }
    },
}
