"""Errors that services raise and views, the API and the CLI turn into clear messages."""

from __future__ import annotations

import sqlalchemy as sa

#: PostgreSQL's "try again" states: serialization failure, deadlock, lock not available.
_BUSY_SQLSTATES = {"40001", "40P01", "55P03"}


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


def is_busy(exc: BaseException) -> bool:
    """Whether ``exc`` is the database saying "busy, try again": SQLite's lock held by another
    writer beyond the busy timeout, or PostgreSQL's deadlock or serialization failure. Nothing
    of the request was written (its transaction is rolled back): the caller may retry as is."""
    if not isinstance(exc, sa.exc.OperationalError):
        return False
    original = exc.orig
    if getattr(original, "sqlite_errorname", "") in ("SQLITE_BUSY", "SQLITE_LOCKED"):
        return True
    if "database is locked" in str(original):
        return True
    return getattr(original, "sqlstate", None) in _BUSY_SQLSTATES
