"""Scans of a printed QR code (扫码): who scanned which organisation's or site's code, when, and
the inspection it started or continued."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from checklists.accounts.models import Organisation, Site, User
from checklists.core.db import utcnow
from checklists.core.extensions import db
from inspections.filling.models import Inspection


class Scan(db.Model):
    """One scan: the code was at hand (printed where it hangs), so the person was there."""

    __tablename__ = "scans"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(sa.ForeignKey("organisations.id"), index=True)
    site_id: Mapped[int | None] = mapped_column(sa.ForeignKey("sites.id"))
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    #: The inspection started or continued from this scan (None until one is chosen).
    inspection_id: Mapped[int | None] = mapped_column(sa.ForeignKey("inspections.id"), index=True)
    scanned_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)

    organisation: Mapped[Organisation] = relationship()
    site: Mapped[Site | None] = relationship()
    user: Mapped[User] = relationship()
    inspection: Mapped[Inspection | None] = relationship()
