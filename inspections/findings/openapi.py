"""Findings' part of the OpenAPI document: findings, their actions, evidence and 复查, and
the deadline calculator."""

from __future__ import annotations

from typing import Any

from checklists.authoring.models import Severity
from checklists.core.openapi import (
    DATE,
    JSON_BODY,
    PAGE_PARAMETERS,
    TIME_OR_NULL,
    UUID,
    error_response,
    ok_response,
)
from inspections.findings.models import FindingStatus
from inspections.findings.workdays import Unit

_FINDING_STATUSES = [status.value for status in FindingStatus]
_UNITS = [unit.value for unit in Unit]
# ``FindingEvent.kind`` and ``FindingFile.kind`` are plain strings (no StrEnum).
_EVENT_KINDS = [
    "raised",
    "action",
    "closed",
    "reopened",
    "deadline",
    "recomputed",
    "overdue",
    "withdrawn",
]
_FILE_KINDS = ["photo", "document"]

SCHEMAS: dict[str, Any] = {
    # One finding inside an inspection's JSON (GET /inspections/{key}).
    "InspectionFinding": {
        "type": "object",
        "required": [
            "id",
            "item_id",
            "clause_key",
            "clause_text",
            "severity",
            "reason",
            "status",
            "due_on",
        ],
        "properties": {
            "id": {"type": "integer"},
            "item_id": {"type": "integer"},
            "clause_key": {"type": "string"},
            "clause_text": {"type": "string"},
            "severity": {"enum": [severity.value for severity in Severity]},
            "reason": {"type": "string"},
            "status": {"enum": [status.value for status in FindingStatus]},
            "due_on": DATE,
            "notice_number": {"type": ["string", "null"]},
        },
    },
    "FindingSummary": {
        "type": "object",
        "required": [
            "id",
            "inspection_uuid",
            "organisation_id",
            "item_id",
            "clause_key",
            "clause_text",
            "severity",
            "status",
            "due_on",
        ],
        "properties": {
            "id": {"type": "integer"},
            "inspection_uuid": UUID,
            "organisation_id": {"type": "integer"},
            "item_id": {"type": "integer"},
            "number": {"type": "integer"},
            "notice_number": {"type": ["string", "null"]},
            "clause_key": {"type": "string"},
            "document_number": {"type": ["string", "null"]},
            "clause_text": {"type": "string"},
            "clause_text_hash": {"type": "string"},
            "template_version": {"type": "integer"},
            "prompt": {"type": "string"},
            "severity": {"enum": [severity.value for severity in Severity]},
            "reason": {"type": "string"},
            "required_action": {"type": "string"},
            "status": {"enum": _FINDING_STATUSES},
            "due_on": DATE,
            "due_at": TIME_OR_NULL,
            "deadline": {
                "type": "object",
                "required": ["start", "n", "unit", "provisional", "explanation"],
                "properties": {
                    "start": DATE,
                    "n": {"type": "integer"},
                    "unit": {"enum": _UNITS},
                    "provisional": {"type": "boolean"},
                    "explanation": {"type": "string"},
                },
            },
            "overdue": {"type": "boolean"},
            "closed_at": TIME_OR_NULL,
        },
    },
    "FindingEvent": {
        "type": "object",
        "required": ["id", "kind", "at", "actor", "text", "data"],
        "properties": {
            "id": {"type": "integer"},
            "kind": {"enum": _EVENT_KINDS},
            "at": TIME_OR_NULL,
            "actor": {"type": ["string", "null"]},
            "text": {"type": "string"},
            "data": {"type": "object"},
            "client_id": {"type": ["string", "null"]},
        },
    },
    "FindingFile": {
        "type": "object",
        "required": ["id", "kind", "sha256", "mime", "filename", "byte_size", "url"],
        "properties": {
            "id": {"type": "integer"},
            "kind": {"enum": _FILE_KINDS},
            "sha256": {"type": "string"},
            "mime": {"type": "string"},
            "filename": {"type": "string"},
            "byte_size": {"type": "integer"},
            "width": {"type": ["integer", "null"]},
            "height": {"type": ["integer", "null"]},
            "action_id": {"type": ["integer", "null"]},
            "uploaded_at": TIME_OR_NULL,
            "url": {"type": "string"},
            "thumbnail_url": {"type": "string"},
        },
    },
    "Finding": {
        "allOf": [
            {"$ref": "#/components/schemas/FindingSummary"},
            {
                "type": "object",
                "required": ["evidence_photos", "events", "files"],
                "properties": {
                    "evidence_photos": {"type": "array"},
                    "events": {
                        "type": "array",
                        "items": {"$ref": "#/components/schemas/FindingEvent"},
                    },
                    "files": {
                        "type": "array",
                        "items": {"$ref": "#/components/schemas/FindingFile"},
                    },
                    "action": {"$ref": "#/components/schemas/FindingEvent"},
                    "verification": {"$ref": "#/components/schemas/FindingEvent"},
                },
            },
        ]
    },
    "Deadline": {
        "type": "object",
        "required": ["due_on", "due_at", "provisional", "explanation"],
        "properties": {
            "start": {"type": "string"},
            "n": {"type": "integer"},
            "unit": {"enum": _UNITS},
            "due_on": DATE,
            "due_at": TIME_OR_NULL,
            "provisional": {"type": "boolean"},
            "unknown_years": {"type": "array", "items": {"type": "integer"}},
            "explanation": {"type": "string"},
        },
    },
}

_FINDING = {"$ref": "#/components/schemas/Finding"}
_FINDING_FILE = {"$ref": "#/components/schemas/FindingFile"}
_FINDING_ID = {"name": "finding_id", "in": "path", "required": True, "schema": {"type": "integer"}}
_NOT_FOUND = error_response("Missing or outside the caller's scope")

PATHS: dict[str, Any] = {
    "/findings": {
        "get": {
            "summary": "The findings this user may see",
            "parameters": [
                *PAGE_PARAMETERS,
                {"name": "status", "in": "query", "schema": {"enum": _FINDING_STATUSES}},
                {"name": "organisation_id", "in": "query", "schema": {"type": "integer"}},
                {"name": "inspection_uuid", "in": "query", "schema": {"type": "string"}},
                {"name": "overdue", "in": "query", "schema": {"enum": ["1", "true"]}},
            ],
            "responses": {
                "200": ok_response(
                    "One page",
                    {"type": "array", "items": {"$ref": "#/components/schemas/FindingSummary"}},
                ),
                "400": error_response("Bad filter or pagination"),
                "401": error_response("Not logged in"),
            },
        }
    },
    "/findings/{finding_id}": {
        "get": {
            "summary": "One finding with its evidence, history (events) and files",
            "parameters": [_FINDING_ID],
            "responses": {
                "200": ok_response("The finding", _FINDING),
                "401": error_response("Not logged in"),
                "404": _NOT_FOUND,
            },
        },
        "patch": {
            "summary": "An inspector sets the deadline: {deadline: {n, unit}, reason?}, counted "
            "from the notice's day",
            "parameters": [_FINDING_ID],
            "requestBody": JSON_BODY,
            "responses": {
                "200": ok_response("The finding", _FINDING),
                "400": error_response("Malformed"),
                "401": error_response("Not logged in"),
                "403": error_response("Enterprise users do not set deadlines"),
                "404": _NOT_FOUND,
                "409": error_response("not_open: the finding is closed"),
                "422": error_response("Invalid n or unit"),
            },
        },
    },
    "/findings/{finding_id}/actions": {
        "post": {
            "summary": "The enterprise's corrective action: JSON {description, client_id?} or "
            "multipart description + file parts; the same client_id again answers 200",
            "parameters": [_FINDING_ID],
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {"schema": {"type": "object"}},
                    "multipart/form-data": {"schema": {"type": "object"}},
                },
            },
            "responses": {
                "201": ok_response("Recorded", _FINDING),
                "200": ok_response("Already recorded with this client_id", _FINDING),
                "400": error_response("Malformed"),
                "401": error_response("Not logged in"),
                "403": error_response("Only the enterprise (or an admin) reports actions"),
                "404": _NOT_FOUND,
                "409": error_response("closed, or id_reused"),
                "413": error_response("A file is too large"),
                "422": error_response("No description, or a refused file"),
            },
        }
    },
    "/findings/{finding_id}/photos": {
        "post": {
            "summary": "multipart file: a photo (JPEG, PNG, WebP) or document (PDF, .docx, "
            ".xlsx) for the next corrective action; the same bytes again answer 200",
            "parameters": [_FINDING_ID],
            "requestBody": {
                "required": True,
                "content": {"multipart/form-data": {"schema": {"type": "object"}}},
            },
            "responses": {
                "201": ok_response("Stored", _FINDING_FILE),
                "200": ok_response("Already stored", _FINDING_FILE),
                "400": error_response("No file"),
                "401": error_response("Not logged in"),
                "403": error_response("Only the enterprise (or an admin) adds evidence"),
                "404": _NOT_FOUND,
                "409": error_response("closed"),
                "413": error_response("too_large"),
                "422": error_response("unsupported_type, heic, corrupt, empty"),
            },
        }
    },
    "/findings/{finding_id}/verify": {
        "post": {
            "summary": "The inspector's 复查: {outcome: closed|reopened, reason, n?, unit?}; the "
            "same outcome again answers 200",
            "parameters": [_FINDING_ID],
            "requestBody": JSON_BODY,
            "responses": {
                "201": ok_response("Recorded", _FINDING),
                "200": ok_response("Already recorded", _FINDING),
                "400": error_response("Malformed"),
                "401": error_response("Not logged in"),
                "403": error_response("Enterprise users do not verify"),
                "404": _NOT_FOUND,
                "409": error_response("not_open or nothing_to_verify"),
                "422": error_response("Bad outcome, or reopening without a reason"),
            },
        }
    },
    "/calendar/deadline": {
        "get": {
            "summary": "A deadline the official way: N working days, days or hours after start "
            "(the start day not counted; an end on a holiday moves to the next working day)",
            "security": [],
            "parameters": [
                {"name": "start", "in": "query", "required": True, "schema": {"type": "string"}},
                {"name": "n", "in": "query", "required": True, "schema": {"type": "integer"}},
                {
                    "name": "unit",
                    "in": "query",
                    "schema": {"enum": _UNITS, "default": Unit.WORKING_DAY.value},
                },
            ],
            "responses": {
                "200": ok_response("The deadline", {"$ref": "#/components/schemas/Deadline"}),
                "422": error_response("Bad start, n or unit (named in fields)"),
            },
        }
    },
}
