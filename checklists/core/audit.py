"""The audit trail: who changed what, when, from what to what. Entries are only ever added."""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from checklists.core.db import utcnow
from checklists.core.extensions import db


class AuditEntry(db.Model):
    """Who changed what, when, from what to what: every status change of an inspection
    (submitted, returned, approved) and of its findings' review. Never changed or deleted."""

    __tablename__ = "audit_entries"
    __table_args__ = (sa.Index("ix_audit_entries_entity", "entity", "entity_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    actor_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    #: "inspection" (entity_id: its id)
    entity: Mapped[str] = mapped_column(sa.String(20))
    entity_id: Mapped[int]
    #: submitted, returned, approved
    action: Mapped[str] = mapped_column(sa.String(20))
    before: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)
    after: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)
    comment: Mapped[str] = mapped_column(sa.Text, default="")

    #: Resolved by name: core imports no feature, the users table is "accounts".
    actor: Mapped[User | None] = relationship("User")  # noqa: F821


def record(
    entity: str,
    entity_id: int,
    actor_id: int | None,
    action: str,
    before: dict[str, Any],
    after: dict[str, Any],
    comment: str = "",
) -> AuditEntry:
    """Add one entry to the trail (flushed with the change it records)."""
    entry = AuditEntry(
        actor_id=actor_id,
        entity=entity,
        entity_id=entity_id,
        action=action,
        before=before,
        after=after,
        comment=comment,
    )
    db.session.add(entry)
    return entry


def trail(entity: str, entity_id: int) -> list[AuditEntry]:
    """An entity's entries, oldest first, with their actors."""
    return list(
        db.session.scalars(
            sa.select(AuditEntry)
            .options(sa.orm.joinedload(AuditEntry.actor))
            .where(AuditEntry.entity == entity, AuditEntry.entity_id == entity_id)
            .order_by(AuditEntry.id)
        )
    )
