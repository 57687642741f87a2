"""Filling's part of the OpenAPI document: inspections, answers, photos, submit, return,
approve and the audit trail."""

from __future__ import annotations

from typing import Any

from checklists.core.openapi import (
    DATE_OR_NULL,
    DECIMAL_OR_NULL,
    JSON_BODY,
    PAGE_PARAMETERS,
    TIME_OR_NULL,
    UUID,
    error_response,
    ok_response,
)
from inspections.filling.models import InspectionStatus, PhotoKind

_INSPECTION_STATUSES = [status.value for status in InspectionStatus]
# ``checklists.scoring.RESULTS`` is a tuple, not a StrEnum; the audit actions are the statuses
# a review step leads to (``inspections.filling.workflow`` records them as plain strings).
_RESULTS = ["pass", "fail", "na", "unanswered"]
_AUDIT_ACTIONS = ["submitted", "returned", "approved"]

ANSWER = {
    "type": ["object", "null"],
    "required": ["value", "unit", "note", "answered_at", "answered_by", "client_id", "revision"],
    "properties": {
        "value": {
            "description": (
                'The normalised answer: "yes"/"no", a number as a decimal string, a choice '
                'value, a date, text, "na"; a parts item\'s list of part values present, [] '
                'when none of them is ("以上均无", judged fail); null when unanswered. Sent '
                "the same way (an explicit [] for none present); a number has at most 15 "
                "significant digits and is not negative for a length, area, mass, time or age "
                "unit (else 422 with fields.value)"
            )
        },
        "unit": {"type": ["string", "null"]},
        "note": {"type": "string"},
        "answered_at": TIME_OR_NULL,
        "answered_by": {"type": ["integer", "null"]},
        "client_id": {"type": ["string", "null"]},
        "revision": {"type": "integer"},
        "clock_flag": {"enum": ["ahead", "before_inspection", None]},
    },
}
PROGRESS = {
    "type": "object",
    "required": ["answered", "required"],
    "properties": {"answered": {"type": "integer"}, "required": {"type": "integer"}},
}
INSPECTION_HEAD = {
    "uuid": UUID,
    "status": {"enum": _INSPECTION_STATUSES},
    "revision": {"type": "integer"},
    "organisation_id": {"type": "integer"},
    "organisation": {"type": "string"},
    "site_id": {"type": ["integer", "null"]},
    "project": {"type": "string"},
    "planned_on": DATE_OR_NULL,
    "template": {
        "type": "object",
        "required": ["id", "version", "name"],
        "properties": {
            "id": {"type": "integer"},
            "version": {"type": "integer"},
            "name": {"type": "string"},
        },
    },
    "inspectors": {"type": "array", "items": {"type": "integer"}},
    "created_at": TIME_OR_NULL,
    "submitted_at": TIME_OR_NULL,
    "score": DECIMAL_OR_NULL,
    "verdict": {"enum": ["pass", "fail", None]},
    "grade": {"type": ["string", "null"]},
    "return_comment": {"type": "string"},
}

SCHEMAS: dict[str, Any] = {
    "InspectionSummary": {
        "type": "object",
        "required": list(INSPECTION_HEAD),
        "properties": INSPECTION_HEAD,
    },
    "Photo": {
        "type": "object",
        "required": ["id", "sha256", "kind", "item_id", "width", "height", "url", "thumbnail_url"],
        "properties": {
            "id": {"type": "integer"},
            "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
            "kind": {"enum": [kind.value for kind in PhotoKind]},
            "item_id": {"type": ["integer", "null"]},
            "width": {"type": "integer"},
            "height": {"type": "integer"},
            "byte_size": {"type": "integer"},
            "taken_at": TIME_OR_NULL,
            "lat": DECIMAL_OR_NULL,
            "lon": DECIMAL_OR_NULL,
            "exif_taken_at": TIME_OR_NULL,
            "exif_lat": DECIMAL_OR_NULL,
            "exif_lon": DECIMAL_OR_NULL,
            "uploaded_at": TIME_OR_NULL,
            "url": {"type": "string"},
            "thumbnail_url": {"type": "string"},
        },
    },
    "Inspection": {
        "type": "object",
        "required": [
            *INSPECTION_HEAD,
            "progress",
            "complete",
            "sections",
            "items",
            "photos",
            "findings",
        ],
        "properties": {
            **INSPECTION_HEAD,
            "location": {
                "type": ["object", "null"],
                "properties": {
                    "lat": DECIMAL_OR_NULL,
                    "lon": DECIMAL_OR_NULL,
                    "accuracy": DECIMAL_OR_NULL,
                },
            },
            "progress": PROGRESS,
            "complete": {"type": "boolean"},
            "missing": {"type": "array"},
            "explanation": {"type": "array", "items": {"type": "string"}},
            "sections": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["title", "score", "counts"],
                    "properties": {
                        "title": {"type": "string"},
                        "score": DECIMAL_OR_NULL,
                        "counts": {"type": "object"},
                    },
                },
            },
            "items": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["item_id", "clause_key", "answer", "result", "reason", "photos"],
                    "properties": {
                        "item_id": {"type": "integer"},
                        "clause_key": {"type": "string"},
                        "citation": {"type": "string"},
                        "answer": ANSWER,
                        "result": {"enum": _RESULTS},
                        "reason": {"type": "string"},
                        "photos": {"type": "array", "items": {"type": "string"}},
                        "writes": {"type": "integer"},
                        "conflict": {"type": "boolean"},
                    },
                },
            },
            "photos": {"type": "array", "items": {"$ref": "#/components/schemas/Photo"}},
            # Added by the findings feature (its hook); the schema is the findings' too.
            "findings": {
                "type": "array",
                "items": {"$ref": "#/components/schemas/InspectionFinding"},
            },
        },
    },
    "AnswerResult": {
        "type": "object",
        "required": ["item_id", "result", "reason", "current", "answer", "progress"],
        "properties": {
            "item_id": {"type": "integer"},
            "result": {"enum": _RESULTS},
            "reason": {"type": "string"},
            "current": {"type": "boolean"},
            "answer": ANSWER,
            "progress": PROGRESS,
        },
    },
    "AuditEntry": {
        "type": "object",
        "required": ["id", "at", "actor", "action", "before", "after", "comment"],
        "properties": {
            "id": {"type": "integer"},
            "at": TIME_OR_NULL,
            "actor": {"type": ["string", "null"]},
            "actor_id": {"type": ["integer", "null"]},
            "action": {"enum": _AUDIT_ACTIONS},
            "before": {"type": "object"},
            "after": {"type": "object"},
            "comment": {"type": "string"},
        },
    },
}

_KEY = {"name": "key", "in": "path", "required": True, "schema": UUID}
_INSPECTION = {"$ref": "#/components/schemas/Inspection"}
_ANSWER_RESULT = {"$ref": "#/components/schemas/AnswerResult"}
_PHOTO = {"$ref": "#/components/schemas/Photo"}
_NOT_FOUND = error_response("Missing or outside the caller's scope")

PATHS: dict[str, Any] = {
    "/inspections": {
        "get": {
            "summary": "The inspections this user may see",
            "parameters": [
                *PAGE_PARAMETERS,
                {"name": "status", "in": "query", "schema": {"enum": _INSPECTION_STATUSES}},
                {"name": "organisation_id", "in": "query", "schema": {"type": "integer"}},
            ],
            "responses": {
                "200": ok_response(
                    "One page",
                    {"type": "array", "items": {"$ref": "#/components/schemas/InspectionSummary"}},
                ),
                "400": error_response("Bad filter or pagination"),
                "401": error_response("Not logged in"),
            },
        },
        "post": {
            "summary": "Assign an inspection: {uuid, template_id, organisation_id, planned_on?, "
            "inspector_ids?, project?}; the same uuid again answers 200",
            "requestBody": JSON_BODY,
            "responses": {
                "201": ok_response("Created", _INSPECTION),
                "200": ok_response("Already created with this uuid", _INSPECTION),
                "400": error_response("Malformed or missing fields"),
                "401": error_response("Not logged in"),
                "403": error_response("Enterprise users and authors do not create inspections"),
                "409": error_response(
                    "id_reused: the uuid belongs to an inspection the caller cannot see"
                ),
                "422": error_response("Invalid fields (named in fields)"),
            },
        },
    },
    "/inspections/{key}": {
        "get": {
            "summary": "One inspection with its items, answers, results, photos and findings",
            "parameters": [_KEY],
            "responses": {
                "200": ok_response("The inspection", _INSPECTION),
                "401": error_response("Not logged in"),
                "404": _NOT_FOUND,
            },
        },
        "patch": {
            "summary": "Change location {lat, lon, accuracy}, planned_on or project",
            "parameters": [_KEY],
            "requestBody": JSON_BODY,
            "responses": {
                "200": ok_response("The inspection", _INSPECTION),
                "400": error_response("Malformed"),
                "401": error_response("Not logged in"),
                "403": error_response("Visible but the caller may not change it"),
                "404": _NOT_FOUND,
                "409": error_response("submitted: the inspection no longer changes"),
                "422": error_response("Invalid fields"),
            },
        },
    },
    "/inspections/{key}/answers/{item_id}": {
        "put": {
            "summary": "One answer write: {value, unit?, note?, answered_at?, client_id?, "
            "template_id?} (see Sync)",
            "parameters": [
                _KEY,
                {"name": "item_id", "in": "path", "required": True, "schema": {"type": "integer"}},
            ],
            "requestBody": JSON_BODY,
            "responses": {
                "201": ok_response("The item's first answer", _ANSWER_RESULT),
                "200": ok_response("A later answer, or a resend", _ANSWER_RESULT),
                "400": error_response("Malformed or no value"),
                "401": error_response("Not logged in"),
                "403": error_response("Visible but the caller may not answer"),
                "404": _NOT_FOUND,
                "409": error_response("id_reused, submitted or stale_form"),
                "422": error_response("Invalid value, or an item not in the template"),
            },
        }
    },
    "/inspections/{key}/photos": {
        "post": {
            "summary": "multipart file with item_id or kind=signature_inspector|signature_org, "
            "taken_at?, lat?, lon?; the same bytes for another item or kind are another link "
            "(201) to the one stored file; again for the same item or kind answer 200",
            "parameters": [_KEY],
            "requestBody": {
                "required": True,
                "content": {"multipart/form-data": {"schema": {"type": "object"}}},
            },
            "responses": {
                "201": ok_response("Stored", _PHOTO),
                "200": ok_response("Already stored", _PHOTO),
                "400": error_response("No file"),
                "401": error_response("Not logged in"),
                "403": error_response("Visible but the caller may not add photos"),
                "404": _NOT_FOUND,
                "409": error_response("submitted"),
                "413": error_response("too_large"),
                "422": error_response(
                    "unsupported_type, heic, too_many_pixels, corrupt, empty or bad fields"
                ),
            },
        }
    },
    "/inspections/{key}/submit": {
        "post": {
            "summary": "Score and close; 422 lists the missing required items; again → 200",
            "parameters": [_KEY],
            "responses": {
                "200": ok_response("The scored inspection", _INSPECTION),
                "401": error_response("Not logged in"),
                "403": error_response("Visible but the caller may not submit"),
                "404": _NOT_FOUND,
                "422": error_response("incomplete: fields name each missing item (item_<id>)"),
            },
        }
    },
    "/inspections/{key}/return": {
        "post": {
            "summary": "A supervisor returns a submitted inspection for correction: {comment}",
            "parameters": [_KEY],
            "requestBody": JSON_BODY,
            "responses": {
                "200": ok_response("Returned (a new revision)", _INSPECTION),
                "400": error_response("Malformed"),
                "401": error_response("Not logged in"),
                "403": error_response("Only supervisors and admins return inspections"),
                "404": _NOT_FOUND,
                "409": error_response("not_submitted"),
                "422": error_response("No comment"),
            },
        }
    },
    "/inspections/{key}/approve": {
        "post": {
            "summary": "A supervisor approves a submitted inspection: {comment?}; again → 200",
            "parameters": [_KEY],
            "requestBody": JSON_BODY,
            "responses": {
                "200": ok_response("Approved", _INSPECTION),
                "400": error_response("Malformed"),
                "401": error_response("Not logged in"),
                "403": error_response("Only supervisors and admins approve inspections"),
                "404": _NOT_FOUND,
                "409": error_response("not_submitted"),
            },
        }
    },
    "/inspections/{key}/audit": {
        "get": {
            "summary": "The audit trail: every status change with who, when, before and after",
            "parameters": [_KEY],
            "responses": {
                "200": ok_response(
                    "The entries, oldest first",
                    {"type": "array", "items": {"$ref": "#/components/schemas/AuditEntry"}},
                ),
                "401": error_response("Not logged in"),
                "404": _NOT_FOUND,
            },
        }
    },
}
