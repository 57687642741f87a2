"""Errors that services raise and views, the API and the CLI turn into clear messages."""

from __future__ import annotations


class InputError(ValueError):
    """Well-formed but invalid input. ``fields`` maps a field name to a translated reason."""

    def __init__(self, fields: dict[str, str], message: str | None = None) -> None:
        self.fields = fields
        super().__init__(message or "; ".join(f"{k}: {v}" for k, v in fields.items()))


class Conflict(Exception):
    """A write the current state refuses (409). ``code``: ``submitted`` or ``id_reused``."""

    def __init__(self, code: str, message: str) -> None:
        self.code = code
        self.message = message
        super().__init__(message)
