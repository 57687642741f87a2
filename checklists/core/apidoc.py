"""The OpenAPI 3.1 document of ``/api/v1``, generated from the routes' declarations.

Nothing here describes a route by hand: each feature declares, on its routes, the pydantic
models of its body, query string and answers (``ApiRoutes.route(..., body=, query=,
responses=)``), and ``document`` turns them into paths, parameters and components with
pydantic's JSON Schema generator. The same models validate the requests and build the
answers, so the document cannot drift from the behaviour; a test checks every answer the
suite sees against it.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from checklists.core.schemas import INT64_MAX, Error, Page

REF = "#/components/schemas/{model}"

#: What a response declaration may be: a description (an error answer), or a model, a list of
#: a model (``[Model]``) or None (no JSON body) with a description.
Response = str | tuple[type[BaseModel] | list[type[BaseModel]] | None, str]

#: Status codes every operation of a kind may answer, with what they mean.
_AUTO = {
    400: "Malformed: not JSON, a required field missing (fields says which), a bad filter",
    401: "Not logged in (session or bearer token)",
    403: "Forbidden: the caller's role may not do this (code forbidden), or an admin asked "
    "the caller for a new password, to be set on the web first (code password_change_required)",
    422: "Invalid: a field of the wrong type or value, or one the document does not name "
    "(fields says which and why)",
    503: "Busy (code busy): another writer held the database beyond DATABASE_BUSY_TIMEOUT; "
    "nothing was written. Send the same request again after Retry-After seconds",
}
_RETRY_AFTER = {
    "description": "Seconds to wait before sending the request again",
    "schema": {"type": "integer", "minimum": 0},
}
_SESSION_WRITE = "; or a session write without a matching X-CSRFToken (code csrf)"


@dataclass
class Operation:
    """One method of one route as declared by its feature."""

    rule: str  # the Flask rule below /api/v1, e.g. /inspections/<uuid:key>
    method: str
    view: Any
    public: bool = False
    summary: str | None = None
    body: type[BaseModel] | None = None  # JSON
    form: type[BaseModel] | None = None  # multipart/form-data (files as binary strings)
    query: type[BaseModel] | None = None
    responses: dict[int, Response] = field(default_factory=dict)


def openapi_path(rule: str) -> str:
    """``/inspections/<uuid:key>`` → ``/inspections/{key}``."""
    return re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule)


_CONVERTERS = {
    "int": {"type": "integer", "minimum": 0, "maximum": INT64_MAX},
    "uuid": {"type": "string", "format": "uuid"},
}


def _path_parameters(rule: str) -> list[dict[str, Any]]:
    return [
        {
            "name": name,
            "in": "path",
            "required": True,
            "schema": dict(_CONVERTERS.get(converter or "", {"type": "string"})),
        }
        for converter, name in re.findall(r"<(?:(\w+):)?(\w+)>", rule)
    ]


def _description(view: Any) -> tuple[str, str]:
    """The view's docstring: its first paragraph is the summary, the rest the description."""
    doc = inspect.cleandoc(view.__doc__ or "")
    paragraphs = [" ".join(p.split()) for p in doc.split("\n\n") if p.strip()]
    if not paragraphs:
        return view.__name__.replace("_", " "), ""
    return paragraphs[0], "\n\n".join(paragraphs[1:])


class _Models:
    """The models an operation names, each generated once in its mode (requests are read as
    validation, answers as serialisation) and referred to by name."""

    def __init__(self, substitutes: dict[type[BaseModel], type[BaseModel]]) -> None:
        self.substitutes = substitutes
        self.wanted: dict[tuple[type[BaseModel], str], None] = {}

    def ref(self, model: type[BaseModel], mode: str) -> dict[str, Any]:
        model = self.substitutes.get(model, model)
        self.wanted[(model, mode)] = None
        return {"$ref": REF.format(model=model.__name__)}

    def schemas(self) -> tuple[dict[str, Any], dict[str, Any]]:
        """(components, each requested model's own schema by name)."""
        keys, top = models_json_schema(list(self.wanted), ref_template=REF)  # type: ignore[arg-type]
        components = dict(top.get("$defs", {}))
        own = {}
        for (model, _mode), schema in keys.items():
            if "$ref" in schema:  # the usual case: the model lives in components
                own[model.__name__] = components[schema["$ref"].rsplit("/", 1)[1]]
            else:
                components[model.__name__] = own[model.__name__] = schema
        names = [m.__name__ for m, _ in self.wanted]
        clashes = {n for n in names if names.count(n) > 1}
        if clashes or any("__" in name for name in components):
            raise RuntimeError(f"two API models share a name: {sorted(clashes) or components}")
        return components, own


def _content(schema: dict[str, Any], media: str = "application/json") -> dict[str, Any]:
    return {media: {"schema": schema}}


def _query_parameters(query: type[BaseModel], own: dict[str, Any]) -> list[dict[str, Any]]:
    schema = own[query.__name__]
    required = set(schema.get("required", []))
    parameters = []
    for name, prop in schema.get("properties", {}).items():
        prop = _without_null({k: v for k, v in prop.items() if k not in ("title", "default")})
        if "default" in own[query.__name__]["properties"][name]:
            default = own[query.__name__]["properties"][name]["default"]
            if default is not None:
                prop["default"] = default
        described = prop.pop("description", None)
        parameter = {"name": name, "in": "query", "required": name in required, "schema": prop}
        if described:
            parameter["description"] = described
        parameters.append(parameter)
    return parameters


def _without_null(schema: Any) -> Any:
    """A form field or a query parameter is text or absent, never null: drop the null
    branches."""
    if isinstance(schema, dict):
        if "anyOf" in schema:
            options = [o for o in schema["anyOf"] if o != {"type": "null"}]
            rest = {k: v for k, v in schema.items() if k != "anyOf"}
            if len(options) == 1:
                return _without_null({**rest, **options[0]})
            return {**_without_null(rest), "anyOf": [_without_null(o) for o in options]}
        return {k: _without_null(v) for k, v in schema.items()}
    return schema


def _form_schema(form: type[BaseModel], own: dict[str, Any]) -> dict[str, Any]:
    schema = {k: v for k, v in own[form.__name__].items() if k != "title"}
    return {**schema, "properties": _without_null(schema.get("properties", {}))}


def _refs(value: Any) -> Iterable[str]:
    if isinstance(value, dict):
        if isinstance(value.get("$ref"), str):
            yield value["$ref"].rsplit("/", 1)[1]
        for inner in value.values():
            yield from _refs(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _refs(inner)


def _reachable(components: dict[str, Any], paths: dict[str, Any]) -> dict[str, Any]:
    """The components the paths use, directly or through each other (a query string's model
    is spelled out as parameters, so it is not one of them, but its enums are)."""
    seen: set[str] = set()
    todo = list(_refs(paths))
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo.extend(_refs(components[name]))
    return {name: schema for name, schema in sorted(components.items()) if name in seen}


def document(
    operations: Iterable[Operation],
    substitutes: dict[type[BaseModel], type[BaseModel]] | None = None,
) -> dict[str, Any]:
    """The whole document: every operation's path item, generated from its models.

    ``substitutes`` replaces a model by an extended one wherever an answer names it (a later
    feature adding keys to an earlier feature's answer, as the findings do to an inspection).
    """
    operations = sorted(operations, key=lambda op: (openapi_path(op.rule), op.method))
    models = _Models(substitutes or {})
    error = models.ref(Error, "serialization")
    for op in operations:  # first pass: every model is known before schemas are generated
        for model, mode in ((op.body, "validation"), (op.form, "validation")):
            if model is not None:
                models.ref(model, mode)
        if op.query is not None:
            models.wanted[(op.query, "validation")] = None
        for declared in op.responses.values():
            if isinstance(declared, tuple) and declared[0] is not None:
                target = declared[0]
                models.ref(target[0] if isinstance(target, list) else target, "serialization")
    components, own = models.schemas()

    paths: dict[str, dict[str, Any]] = {}
    for op in operations:
        summary, description = _description(op.view)
        spec: dict[str, Any] = {
            "operationId": op.view.__name__,
            "summary": op.summary or summary,
        }
        if description:
            spec["description"] = description
        if op.public:
            spec["security"] = []
        parameters = _path_parameters(op.rule)
        if op.query is not None:
            parameters += _query_parameters(op.query, own)
        if parameters:
            spec["parameters"] = parameters
        content: dict[str, Any] = {}
        if op.body is not None:
            content.update(_content(models.ref(op.body, "validation")))
        if op.form is not None:  # a route may take both: JSON, or a form with files
            content.update(_content(_form_schema(op.form, own), "multipart/form-data"))
        if content:
            spec["requestBody"] = {"required": True, "content": content}
        responses: dict[str, Any] = {}
        declared = dict(op.responses)
        if op.body is not None or op.form is not None or op.query is not None:
            declared.setdefault(400, _AUTO[400])
        if op.body is not None or op.form is not None:
            declared.setdefault(422, _AUTO[422])
        declared.setdefault(503, _AUTO[503])
        if not op.public:
            declared.setdefault(401, _AUTO[401])
            declared.setdefault(403, _AUTO[403])
            if op.method in ("POST", "PUT", "PATCH", "DELETE"):
                text = declared.get(400, _AUTO[400])
                declared[400] = text if not isinstance(text, str) else text + _SESSION_WRITE
        for status, response in sorted(declared.items()):
            if isinstance(response, str):
                responses[str(status)] = {"description": response, "content": _content(error)}
                if status == 503:
                    responses["503"]["headers"] = {"Retry-After": _RETRY_AFTER}
                continue
            target, text = response
            entry: dict[str, Any] = {"description": text}
            if isinstance(target, list):
                item = models.ref(target[0], "serialization")
                entry["content"] = _content({"type": "array", "items": item})
            elif target is not None:
                entry["content"] = _content(models.ref(target, "serialization"))
            responses[str(status)] = entry
        spec["responses"] = responses
        paths.setdefault(openapi_path(op.rule), {})[op.method.lower()] = spec

    return {
        "openapi": "3.1.0",
        "info": {
            "title": "ClauseCheck API",
            "version": "1",
            "description": (
                "Errors: {error: {code, message, fields}}; messages in Chinese, English with "
                "Accept-Language: en. Checks run 400 (malformed), 401, 404 (missing or another "
                "organisation's), 403 (role), 409 (state), 422 (body). Session writes need "
                "X-CSRFToken; bearer writes do not. Lists take ?page=&per_page= and answer a "
                'Link: <…>; rel="next" header. Unknown body fields are refused by name.'
            ),
        },
        "servers": [{"url": "/api/v1"}],
        "security": [{"bearer": []}, {"session": []}],
        "components": {
            "securitySchemes": {
                "bearer": {"type": "http", "scheme": "bearer"},
                "session": {"type": "apiKey", "in": "cookie", "name": "session"},
            },
            "schemas": _reachable(components, paths),
        },
        "paths": paths,
    }


__all__ = ["Operation", "Page", "Response", "document", "openapi_path"]
