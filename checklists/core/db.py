"""Column helpers every feature's models use: the UTC clock of a row and enums stored by value."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

import sqlalchemy as sa


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def as_utc(moment: dt.datetime) -> dt.datetime:
    """A stored moment, aware: SQLite hands back naive UTC, PostgreSQL aware times."""
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def enum_column(enum_cls: type[StrEnum], name: str) -> sa.Enum:
    """Store a StrEnum by its value, as a VARCHAR with a named CHECK constraint."""
    return sa.Enum(
        enum_cls,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=20,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )
