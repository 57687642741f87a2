"""The OpenAPI 3.1 document of ``/api/v1``. A test keeps it true to the routes and answers."""

from __future__ import annotations

from typing import Any

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

DATE = {"type": ["string", "null"], "format": "date"}
DECIMAL = {"type": ["string", "null"], "pattern": "^-?[0-9]+(\\.[0-9]+)?$"}

RULE = {
    "type": "object",
    "properties": {
        "op": {"enum": [">=", "<=", ">", "<", "==", "range"]},
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
            "status": {"enum": ["draft", "published", "superseded"]},
            "lineage": {"type": "string"},
            "org_kind": {"enum": ["enterprise", "government", None]},
            "documents": {"type": "array", "items": {"type": "string"}},
            "method": {"enum": ["weighted", "deduction"]},
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
            "answer_type": {
                "enum": ["yes_no", "number", "count", "choice", "parts", "date", "text", "photo"]
            },
            "rule": RULE,
            "weight": DECIMAL,
            "severity": {"enum": ["critical", "major", "minor"]},
            "na_allowed": {"type": "boolean"},
            "required": {"type": "boolean"},
            "scored": {"type": "boolean", "description": "false: advisory, shown, not scored"},
            "valid_from": DATE,
            "valid_to": DATE,
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
            "signed_on": DATE,
            "in_force_from": DATE,
            "in_force_until": DATE,
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
            "modality": {
                "enum": ["mandatory_strong", "mandatory", "default", "advisory", "permission", None]
            },
            "kind": {"type": "string"},
            "comparator": {"enum": [">=", "<=", ">", "<", "==", "range", None]},
            "value": DECIMAL,
            "low": DECIMAL,
            "high": DECIMAL,
            "unit": {"type": ["string", "null"]},
            "per": {"enum": ["day", "week", "month", "quarter", "year", "batch", None]},
            "span": {"type": "string"},
            "start": {"type": "integer"},
            "trigger": {"type": ["string", "null"]},
            "flags": {"type": "array", "items": {"type": "string"}},
        },
    },
    "Me": {
        "type": "object",
        "required": ["id", "username", "display_name", "role", "organisation_id", "region_id"],
        "additionalProperties": False,
        "properties": {
            "id": {"type": "integer"},
            "username": {"type": "string"},
            "display_name": {"type": "string"},
            "role": {
                "type": "string",
                "enum": ["admin", "author", "inspector", "supervisor", "enterprise"],
            },
            "organisation_id": {"type": ["integer", "null"]},
            "region_id": {"type": ["integer", "null"]},
            "locale": {"type": ["string", "null"], "enum": ["zh", "en", None]},
        },
    },
    "MeUpdate": {
        "type": "object",
        "properties": {
            "display_name": {"type": "string", "maxLength": 100},
            "locale": {"type": ["string", "null"], "enum": ["zh", "en", None]},
        },
    },
    "Error": ERROR,
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
    "Organisation": {
        "type": "object",
        "required": ["id", "name", "kind", "credit_code", "region"],
        "additionalProperties": False,
        "properties": {
            "id": {"type": "integer"},
            "name": {"type": "string"},
            "kind": {"type": "string", "enum": ["enterprise", "government"]},
            "credit_code": {"type": ["string", "null"], "pattern": "^[0-9A-HJ-NPQRTUWXY]{18}$"},
            "region": {"type": ["string", "null"]},
        },
    },
}


def _error(description: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    }


def _ok(description: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


PAGE_PARAMETERS = [
    {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1, "default": 1}},
    {
        "name": "per_page",
        "in": "query",
        "schema": {"type": "integer", "minimum": 1, "maximum": 1000, "default": 100},
    },
]

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
                "201": _ok("A new token", {"$ref": "#/components/schemas/Token"}),
                "400": _error("Malformed body"),
                "401": _error("Wrong username or password"),
                "429": _error("Too many attempts"),
            },
        }
    },
    "/organisations": {
        "get": {
            "summary": "The organisations the caller may see",
            "parameters": PAGE_PARAMETERS,
            "responses": {
                "200": _ok(
                    "One page; a Link header points at the next",
                    {"type": "array", "items": {"$ref": "#/components/schemas/Organisation"}},
                ),
                "400": _error("Bad pagination"),
                "401": _error("Not logged in"),
            },
        }
    },
    "/me": {
        "get": {
            "summary": "The caller's account",
            "responses": {
                "200": _ok("The account", {"$ref": "#/components/schemas/Me"}),
                "401": _error("Not logged in"),
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
                "200": _ok("The updated account", {"$ref": "#/components/schemas/Me"}),
                "400": _error("Malformed body, or a session write without X-CSRFToken"),
                "401": _error("Not logged in"),
                "422": _error("Invalid values; fields says which"),
            },
        },
    },
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
                "200": _ok(
                    "One page",
                    {"type": "array", "items": {"$ref": "#/components/schemas/Document"}},
                ),
                "400": _error("Bad pagination"),
                "401": _error("Not logged in"),
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
                "200": _ok("The document", {"$ref": "#/components/schemas/Document"}),
                "401": _error("Not logged in"),
                "404": _error("No such document"),
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
                "200": _ok(
                    "One page", {"type": "array", "items": {"$ref": "#/components/schemas/Clause"}}
                ),
                "400": _error("Missing q or bad pagination"),
                "401": _error("Not logged in"),
            },
        }
    },
    "/templates": {
        "get": {
            "summary": "Checklist templates (drafts only for authors and admins)",
            "parameters": [
                *PAGE_PARAMETERS,
                {
                    "name": "status",
                    "in": "query",
                    "schema": {"enum": ["draft", "published", "superseded"]},
                },
            ],
            "responses": {
                "200": _ok(
                    "One page",
                    {"type": "array", "items": {"$ref": "#/components/schemas/Template"}},
                ),
                "400": _error("Bad pagination or status"),
                "401": _error("Not logged in"),
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
                "200": _ok("The template", {"$ref": "#/components/schemas/Template"}),
                "401": _error("Not logged in"),
                "404": _error("No such template (or a draft the caller may not see)"),
            },
        }
    },
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


# --- inspections (inspections/api.py) ----------------------------------------------------------

TIME = {"type": ["string", "null"], "format": "date-time"}
FINDING_STATUSES = ["open", "action_submitted", "closed", "reopened", "withdrawn"]
ANSWER = {
    "type": ["object", "null"],
    "required": ["value", "unit", "note", "answered_at", "answered_by", "client_id", "revision"],
    "properties": {
        "value": {},
        "unit": {"type": ["string", "null"]},
        "note": {"type": "string"},
        "answered_at": TIME,
        "answered_by": {"type": ["integer", "null"]},
        "client_id": {"type": ["string", "null"]},
        "revision": {"type": "integer"},
    },
}
PROGRESS = {
    "type": "object",
    "required": ["answered", "required"],
    "properties": {"answered": {"type": "integer"}, "required": {"type": "integer"}},
}
INSPECTION_HEAD = {
    "uuid": {"type": "string", "format": "uuid"},
    "status": {"enum": ["planned", "in_progress", "submitted", "returned", "approved"]},
    "revision": {"type": "integer"},
    "organisation_id": {"type": "integer"},
    "organisation": {"type": "string"},
    "site_id": {"type": ["integer", "null"]},
    "project": {"type": "string"},
    "planned_on": DATE,
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
    "created_at": TIME,
    "submitted_at": TIME,
    "score": DECIMAL,
    "verdict": {"enum": ["pass", "fail", None]},
    "grade": {"type": ["string", "null"]},
    "return_comment": {"type": "string"},
}
SCHEMAS["InspectionSummary"] = {
    "type": "object",
    "required": list(INSPECTION_HEAD),
    "properties": INSPECTION_HEAD,
}
SCHEMAS["Photo"] = {
    "type": "object",
    "required": ["id", "sha256", "kind", "item_id", "width", "height", "url", "thumbnail_url"],
    "properties": {
        "id": {"type": "integer"},
        "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
        "kind": {"enum": ["item", "signature_inspector", "signature_org"]},
        "item_id": {"type": ["integer", "null"]},
        "width": {"type": "integer"},
        "height": {"type": "integer"},
        "byte_size": {"type": "integer"},
        "taken_at": TIME,
        "lat": DECIMAL,
        "lon": DECIMAL,
        "exif_taken_at": TIME,
        "exif_lat": DECIMAL,
        "exif_lon": DECIMAL,
        "uploaded_at": TIME,
        "url": {"type": "string"},
        "thumbnail_url": {"type": "string"},
    },
}
SCHEMAS["Inspection"] = {
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
            "properties": {"lat": DECIMAL, "lon": DECIMAL, "accuracy": DECIMAL},
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
                    "score": DECIMAL,
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
                    "result": {"enum": ["pass", "fail", "na", "unanswered"]},
                    "reason": {"type": "string"},
                    "photos": {"type": "array", "items": {"type": "string"}},
                    "writes": {"type": "integer"},
                    "conflict": {"type": "boolean"},
                },
            },
        },
        "photos": {"type": "array", "items": {"$ref": "#/components/schemas/Photo"}},
        "findings": {
            "type": "array",
            "items": {
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
                    "severity": {"enum": ["critical", "major", "minor"]},
                    "reason": {"type": "string"},
                    "status": {"enum": FINDING_STATUSES},
                    "due_on": {"type": "string", "format": "date"},
                    "notice_number": {"type": ["string", "null"]},
                },
            },
        },
    },
}
SCHEMAS["AnswerResult"] = {
    "type": "object",
    "required": ["item_id", "result", "reason", "current", "answer", "progress"],
    "properties": {
        "item_id": {"type": "integer"},
        "result": {"enum": ["pass", "fail", "na", "unanswered"]},
        "reason": {"type": "string"},
        "current": {"type": "boolean"},
        "answer": ANSWER,
        "progress": PROGRESS,
    },
}
_UUID = {
    "name": "key",
    "in": "path",
    "required": True,
    "schema": {"type": "string", "format": "uuid"},
}
_INSPECTION = {"$ref": "#/components/schemas/Inspection"}
_JSON_BODY = {"required": True, "content": {"application/json": {"schema": {"type": "object"}}}}

PATHS["/inspections"] = {
    "get": {
        "summary": "The inspections this user may see",
        "parameters": [
            *PAGE_PARAMETERS,
            {
                "name": "status",
                "in": "query",
                "schema": {"enum": ["planned", "in_progress", "submitted", "returned", "approved"]},
            },
            {"name": "organisation_id", "in": "query", "schema": {"type": "integer"}},
        ],
        "responses": {
            "200": _ok(
                "One page",
                {"type": "array", "items": {"$ref": "#/components/schemas/InspectionSummary"}},
            ),
            "400": _error("Bad filter or pagination"),
            "401": _error("Not logged in"),
        },
    },
    "post": {
        "summary": "Assign an inspection: {uuid, template_id, organisation_id, planned_on?, "
        "inspector_ids?, project?}; the same uuid again answers 200",
        "requestBody": _JSON_BODY,
        "responses": {
            "201": _ok("Created", _INSPECTION),
            "200": _ok("Already created with this uuid", _INSPECTION),
            "400": _error("Malformed or missing fields"),
            "401": _error("Not logged in"),
            "403": _error("Enterprise users and authors do not create inspections"),
            "409": _error("id_reused: the uuid belongs to an inspection the caller cannot see"),
            "422": _error("Invalid fields (named in fields)"),
        },
    },
}
PATHS["/inspections/{key}"] = {
    "get": {
        "summary": "One inspection with its items, answers, results, photos and findings",
        "parameters": [_UUID],
        "responses": {
            "200": _ok("The inspection", _INSPECTION),
            "401": _error("Not logged in"),
            "404": _error("Missing or outside the caller's scope"),
        },
    },
    "patch": {
        "summary": "Change location {lat, lon, accuracy}, planned_on or project",
        "parameters": [_UUID],
        "requestBody": _JSON_BODY,
        "responses": {
            "200": _ok("The inspection", _INSPECTION),
            "400": _error("Malformed"),
            "401": _error("Not logged in"),
            "403": _error("Visible but the caller may not change it"),
            "404": _error("Missing or outside the caller's scope"),
            "409": _error("submitted: the inspection no longer changes"),
            "422": _error("Invalid fields"),
        },
    },
}
PATHS["/inspections/{key}/answers/{item_id}"] = {
    "put": {
        "summary": "One answer write: {value, unit?, note?, answered_at?, client_id?, "
        "template_id?} (see Sync)",
        "parameters": [
            _UUID,
            {"name": "item_id", "in": "path", "required": True, "schema": {"type": "integer"}},
        ],
        "requestBody": _JSON_BODY,
        "responses": {
            "201": _ok("The item's first answer", {"$ref": "#/components/schemas/AnswerResult"}),
            "200": _ok(
                "A later answer, or a resend", {"$ref": "#/components/schemas/AnswerResult"}
            ),
            "400": _error("Malformed or no value"),
            "401": _error("Not logged in"),
            "403": _error("Visible but the caller may not answer"),
            "404": _error("Missing or outside the caller's scope"),
            "409": _error("id_reused, submitted or stale_form"),
            "422": _error("Invalid value, or an item not in the template"),
        },
    }
}
PATHS["/inspections/{key}/photos"] = {
    "post": {
        "summary": "multipart file with item_id or kind=signature_inspector|signature_org, "
        "taken_at?, lat?, lon?; the same bytes again answer 200",
        "parameters": [_UUID],
        "requestBody": {
            "required": True,
            "content": {"multipart/form-data": {"schema": {"type": "object"}}},
        },
        "responses": {
            "201": _ok("Stored", {"$ref": "#/components/schemas/Photo"}),
            "200": _ok("Already stored", {"$ref": "#/components/schemas/Photo"}),
            "400": _error("No file"),
            "401": _error("Not logged in"),
            "403": _error("Visible but the caller may not add photos"),
            "404": _error("Missing or outside the caller's scope"),
            "409": _error("submitted"),
            "413": _error("too_large"),
            "422": _error("unsupported_type, heic, too_many_pixels, corrupt, empty or bad fields"),
        },
    }
}
PATHS["/inspections/{key}/submit"] = {
    "post": {
        "summary": "Score and close; 422 lists the missing required items; again → 200",
        "parameters": [_UUID],
        "responses": {
            "200": _ok("The scored inspection", _INSPECTION),
            "401": _error("Not logged in"),
            "403": _error("Visible but the caller may not submit"),
            "404": _error("Missing or outside the caller's scope"),
            "422": _error("incomplete: fields name each missing item (item_<id>)"),
        },
    }
}
PATHS["/inspections/{key}/return"] = {
    "post": {
        "summary": "A supervisor returns a submitted inspection for correction: {comment}",
        "parameters": [_UUID],
        "requestBody": _JSON_BODY,
        "responses": {
            "200": _ok("Returned (a new revision)", _INSPECTION),
            "400": _error("Malformed"),
            "401": _error("Not logged in"),
            "403": _error("Only supervisors and admins return inspections"),
            "404": _error("Missing or outside the caller's scope"),
            "409": _error("not_submitted"),
            "422": _error("No comment"),
        },
    }
}


# --- findings and deadlines (inspections/findings_api.py) ---------------------------------------

DATE = {"type": "string", "format": "date"}
SCHEMAS["FindingSummary"] = {
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
        "inspection_uuid": {"type": "string", "format": "uuid"},
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
        "severity": {"enum": ["critical", "major", "minor"]},
        "reason": {"type": "string"},
        "required_action": {"type": "string"},
        "status": {"enum": FINDING_STATUSES},
        "due_on": DATE,
        "due_at": TIME,
        "deadline": {
            "type": "object",
            "required": ["start", "n", "unit", "provisional", "explanation"],
            "properties": {
                "start": DATE,
                "n": {"type": "integer"},
                "unit": {"enum": ["working_day", "day", "hour"]},
                "provisional": {"type": "boolean"},
                "explanation": {"type": "string"},
            },
        },
        "overdue": {"type": "boolean"},
        "closed_at": TIME,
    },
}
SCHEMAS["FindingEvent"] = {
    "type": "object",
    "required": ["id", "kind", "at", "actor", "text", "data"],
    "properties": {
        "id": {"type": "integer"},
        "kind": {
            "enum": [
                "raised",
                "action",
                "closed",
                "reopened",
                "deadline",
                "recomputed",
                "overdue",
                "withdrawn",
            ]
        },
        "at": TIME,
        "actor": {"type": ["string", "null"]},
        "text": {"type": "string"},
        "data": {"type": "object"},
        "client_id": {"type": ["string", "null"]},
    },
}
SCHEMAS["FindingFile"] = {
    "type": "object",
    "required": ["id", "kind", "sha256", "mime", "filename", "byte_size", "url"],
    "properties": {
        "id": {"type": "integer"},
        "kind": {"enum": ["photo", "document"]},
        "sha256": {"type": "string"},
        "mime": {"type": "string"},
        "filename": {"type": "string"},
        "byte_size": {"type": "integer"},
        "width": {"type": ["integer", "null"]},
        "height": {"type": ["integer", "null"]},
        "action_id": {"type": ["integer", "null"]},
        "uploaded_at": TIME,
        "url": {"type": "string"},
        "thumbnail_url": {"type": "string"},
    },
}
SCHEMAS["Finding"] = {
    "allOf": [
        {"$ref": "#/components/schemas/FindingSummary"},
        {
            "type": "object",
            "required": ["evidence_photos", "events", "files"],
            "properties": {
                "evidence_photos": {"type": "array"},
                "events": {"type": "array", "items": {"$ref": "#/components/schemas/FindingEvent"}},
                "files": {"type": "array", "items": {"$ref": "#/components/schemas/FindingFile"}},
                "action": {"$ref": "#/components/schemas/FindingEvent"},
                "verification": {"$ref": "#/components/schemas/FindingEvent"},
            },
        },
    ]
}
SCHEMAS["Deadline"] = {
    "type": "object",
    "required": ["due_on", "due_at", "provisional", "explanation"],
    "properties": {
        "start": {"type": "string"},
        "n": {"type": "integer"},
        "unit": {"enum": ["working_day", "day", "hour"]},
        "due_on": DATE,
        "due_at": TIME,
        "provisional": {"type": "boolean"},
        "unknown_years": {"type": "array", "items": {"type": "integer"}},
        "explanation": {"type": "string"},
    },
}
_FINDING = {"$ref": "#/components/schemas/Finding"}
_FINDING_ID = {"name": "finding_id", "in": "path", "required": True, "schema": {"type": "integer"}}
_NOT_FOUND = _error("Missing or outside the caller's scope")

PATHS["/findings"] = {
    "get": {
        "summary": "The findings this user may see",
        "parameters": [
            *PAGE_PARAMETERS,
            {"name": "status", "in": "query", "schema": {"enum": FINDING_STATUSES}},
            {"name": "organisation_id", "in": "query", "schema": {"type": "integer"}},
            {"name": "inspection_uuid", "in": "query", "schema": {"type": "string"}},
            {"name": "overdue", "in": "query", "schema": {"enum": ["1", "true"]}},
        ],
        "responses": {
            "200": _ok(
                "One page",
                {"type": "array", "items": {"$ref": "#/components/schemas/FindingSummary"}},
            ),
            "400": _error("Bad filter or pagination"),
            "401": _error("Not logged in"),
        },
    }
}
PATHS["/findings/{finding_id}"] = {
    "get": {
        "summary": "One finding with its evidence, history (events) and files",
        "parameters": [_FINDING_ID],
        "responses": {
            "200": _ok("The finding", _FINDING),
            "401": _error("Not logged in"),
            "404": _NOT_FOUND,
        },
    },
    "patch": {
        "summary": "An inspector sets the deadline: {deadline: {n, unit}, reason?}, counted "
        "from the notice's day",
        "parameters": [_FINDING_ID],
        "requestBody": _JSON_BODY,
        "responses": {
            "200": _ok("The finding", _FINDING),
            "400": _error("Malformed"),
            "401": _error("Not logged in"),
            "403": _error("Enterprise users do not set deadlines"),
            "404": _NOT_FOUND,
            "409": _error("not_open: the finding is closed"),
            "422": _error("Invalid n or unit"),
        },
    },
}
PATHS["/findings/{finding_id}/actions"] = {
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
            "201": _ok("Recorded", _FINDING),
            "200": _ok("Already recorded with this client_id", _FINDING),
            "400": _error("Malformed"),
            "401": _error("Not logged in"),
            "403": _error("Only the enterprise (or an admin) reports actions"),
            "404": _NOT_FOUND,
            "409": _error("closed, or id_reused"),
            "413": _error("A file is too large"),
            "422": _error("No description, or a refused file"),
        },
    }
}
PATHS["/findings/{finding_id}/photos"] = {
    "post": {
        "summary": "multipart file: a photo (JPEG, PNG, WebP) or document (PDF, .docx, .xlsx) "
        "for the next corrective action; the same bytes again answer 200",
        "parameters": [_FINDING_ID],
        "requestBody": {
            "required": True,
            "content": {"multipart/form-data": {"schema": {"type": "object"}}},
        },
        "responses": {
            "201": _ok("Stored", {"$ref": "#/components/schemas/FindingFile"}),
            "200": _ok("Already stored", {"$ref": "#/components/schemas/FindingFile"}),
            "400": _error("No file"),
            "401": _error("Not logged in"),
            "403": _error("Only the enterprise (or an admin) adds evidence"),
            "404": _NOT_FOUND,
            "409": _error("closed"),
            "413": _error("too_large"),
            "422": _error("unsupported_type, heic, corrupt, empty"),
        },
    }
}
PATHS["/findings/{finding_id}/verify"] = {
    "post": {
        "summary": "The inspector's 复查: {outcome: closed|reopened, reason, n?, unit?}; the "
        "same outcome again answers 200",
        "parameters": [_FINDING_ID],
        "requestBody": _JSON_BODY,
        "responses": {
            "201": _ok("Recorded", _FINDING),
            "200": _ok("Already recorded", _FINDING),
            "400": _error("Malformed"),
            "401": _error("Not logged in"),
            "403": _error("Enterprise users do not verify"),
            "404": _NOT_FOUND,
            "409": _error("not_open or nothing_to_verify"),
            "422": _error("Bad outcome, or reopening without a reason"),
        },
    }
}
PATHS["/calendar/deadline"] = {
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
                "schema": {"enum": ["working_day", "day", "hour"], "default": "working_day"},
            },
        ],
        "responses": {
            "200": _ok("The deadline", {"$ref": "#/components/schemas/Deadline"}),
            "422": _error("Bad start, n or unit (named in fields)"),
        },
    }
}


# --- review (inspections/api.py) -------------------------------------------------------------

SCHEMAS["AuditEntry"] = {
    "type": "object",
    "required": ["id", "at", "actor", "action", "before", "after", "comment"],
    "properties": {
        "id": {"type": "integer"},
        "at": TIME,
        "actor": {"type": ["string", "null"]},
        "actor_id": {"type": ["integer", "null"]},
        "action": {"enum": ["submitted", "returned", "approved"]},
        "before": {"type": "object"},
        "after": {"type": "object"},
        "comment": {"type": "string"},
    },
}
PATHS["/inspections/{key}/approve"] = {
    "post": {
        "summary": "A supervisor approves a submitted inspection: {comment?}; again → 200",
        "parameters": [_UUID],
        "requestBody": _JSON_BODY,
        "responses": {
            "200": _ok("Approved", _INSPECTION),
            "400": _error("Malformed"),
            "401": _error("Not logged in"),
            "403": _error("Only supervisors and admins approve inspections"),
            "404": _error("Missing or outside the caller's scope"),
            "409": _error("not_submitted"),
        },
    }
}
PATHS["/inspections/{key}/audit"] = {
    "get": {
        "summary": "The audit trail: every status change with who, when, before and after",
        "parameters": [_UUID],
        "responses": {
            "200": _ok(
                "The entries, oldest first",
                {"type": "array", "items": {"$ref": "#/components/schemas/AuditEntry"}},
            ),
            "401": _error("Not logged in"),
            "404": _error("Missing or outside the caller's scope"),
        },
    }
}
