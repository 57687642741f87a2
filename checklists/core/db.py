"""Column helpers every feature's models use: the UTC clock of a row, enums stored by value, a
row put into the session as loaded without a query, and the row locks a transaction took when
it loaded a row (``SELECT … FOR UPDATE``)."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.orm import make_transient_to_detached

from checklists.core.extensions import db

T = TypeVar("T")


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


def as_loaded(model: type[T], columns: dict[str, Any]) -> T:
    """An instance of ``model`` with these column values (its primary key among them), in the
    request's session as if a query had loaded it, without one: persistent and clean, its
    relationships loading when used. The session's own copy when it holds that row already."""
    instance = model.__mapper__.class_manager.new_instance()  # as a query makes it: no __init__
    instance.__dict__.update(columns)
    make_transient_to_detached(instance)
    if db.session.identity_map.get(sa.inspect(instance).key) is not None:
        return db.session.merge(instance, load=False)
    db.session.add(instance)
    return instance


def detached_row(model: type[T], columns: dict[str, Any]) -> T:
    """An instance of ``model`` with these column values (its primary key among them), as a
    query would load it but in no session: its columns read as given, a relationship refuses
    to load (``DetachedInstanceError``). For a row just written whose columns are all at hand
    (an answer write's reply): the session has nothing to track or expire at its commit."""
    instance = model.__mapper__.class_manager.new_instance()
    instance.__dict__.update(columns)
    make_transient_to_detached(instance)
    return instance


def note_row_lock(instance: Any) -> None:
    """Note that the current transaction loaded ``instance`` with ``FOR UPDATE`` (PostgreSQL):
    it holds the row's lock, and the row's values are the latest committed, until it ends."""
    locks = db.session.info.setdefault("row_locks", {})
    locks[sa.inspect(instance).identity_key] = db.session().get_transaction()


def holds_row_lock(instance: Any) -> bool:
    """Whether the current transaction noted ``instance``'s row lock (``note_row_lock``)."""
    transaction = db.session().get_transaction()
    held = db.session.info.get("row_locks", {}).get(sa.inspect(instance).identity_key)
    return transaction is not None and held is transaction
