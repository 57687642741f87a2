"""The app's request class: a NUL character (U+0000) in a query string, a form or a JSON body
is refused where it is read, naming the field, instead of reaching the database (PostgreSQL
cannot store one in text: a 500) or being stored by one engine and not the other.

Refused lazily, when a view first reads ``args``, ``form`` or the JSON body: the checks a view
runs before reading its input (404, 403, 409) still come first."""

from __future__ import annotations

from typing import Any

import flask
from werkzeug.datastructures import MultiDict
from werkzeug.utils import cached_property

NUL = "\x00"


class NulInput(Exception):
    """Input holding a NUL: ``field`` names where (a dotted path in a JSON body);
    ``source`` is "query", "form" or "json"."""

    def __init__(self, field: str, source: str) -> None:
        super().__init__(f"NUL in {source} field {field!r}")
        self.field, self.source = field, source


def _check_pairs(pairs: MultiDict, source: str) -> None:
    for key, values in pairs.lists():
        if NUL in key or any(isinstance(v, str) and NUL in v for v in values):
            raise NulInput(key.replace(NUL, "") or "?", source)


def nul_path(value: Any, path: str = "") -> str | None:
    """Where in a JSON value a string (or a key) holds a NUL, as a dotted path; None if none."""
    if isinstance(value, str):
        return (path or "body") if NUL in value else None
    if isinstance(value, dict):
        for key, item in value.items():
            here = f"{path}.{key}" if path else str(key)
            if NUL in str(key):
                return here.replace(NUL, "")
            found = nul_path(item, here)
            if found:
                return found
    if isinstance(value, list):
        for n, item in enumerate(value):
            found = nul_path(item, f"{path}.{n}" if path else str(n))
            if found:
                return found
    return None


class Request(flask.Request):
    @cached_property
    def args(self) -> MultiDict:  # type: ignore[override]
        parsed = super().args
        _check_pairs(parsed, "query")
        return parsed

    def _load_form_data(self) -> None:
        super()._load_form_data()
        _check_pairs(self.form, "form")

    def get_json(self, force: bool = False, silent: bool = False, cache: bool = True) -> Any:
        data = super().get_json(force=force, silent=silent, cache=cache)
        found = nul_path(data)
        if found:
            raise NulInput(found, "json")
        return data
