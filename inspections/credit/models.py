"""Credit and qualification records: an entry on a list (安全生产黑名单, 政府采购禁入, 取消配送资格)
with its steps (``CreditEvent``, never changed), the deposit ledger, and the clean-coal depots'
qualifications."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from checklists.accounts.models import Organisation, Region, User
from checklists.core.db import enum_column, utcnow
from checklists.core.extensions import db


class CreditKind(StrEnum):
    #: 安全生产黑名单 (临政办字〔2016〕11号).
    BLACKLIST = "blacklist"
    #: 政府采购禁入: 1—3 years out of government purchasing (冠政发〔2016〕78号 三（三）10).
    PROCUREMENT_BAN = "procurement_ban"
    #: 取消配送资格 of a clean-coal depot (冠政发〔2016〕109号 四（二）).
    DEPOT_DISQUALIFIED = "depot_disqualified"


class CreditStatus(StrEnum):
    #: Proposed by a department (第五条（一）: evidence collected).
    PROPOSED = "proposed"
    #: Told in writing, in advance (告知书, 第五条（二）).
    NOTIFIED = "notified"
    #: The unit's defence heard (申辩).
    HEARING = "hearing"
    #: Decided to list (决定书); to be reported to the office in 5 days and published.
    DECIDED = "decided"
    #: Published: the term runs from the publication day.
    LISTED = "listed"
    #: The unit applied for removal (a month before the term ends).
    REMOVAL_REQUESTED = "removal_requested"
    #: Removal decided; it comes off the day after the term ends.
    REMOVED = "removed"
    #: The defence was accepted (事实、理由和证据成立): not listed.
    DROPPED = "dropped"
    #: Removal refused: kept on the list with a new term.
    RETAINED = "retained"


#: Statuses in which a published entry is on the list (until its term ends).
ON_LIST = (
    CreditStatus.LISTED,
    CreditStatus.REMOVAL_REQUESTED,
    CreditStatus.REMOVED,
    CreditStatus.RETAINED,
)


class CreditEntry(db.Model):
    """One entry of an organisation on a list: its kind, the clause it rests on (copied as it
    read), the case that sets its term, and the day of every step with its deadline."""

    __tablename__ = "credit_entries"
    __table_args__ = (
        sa.UniqueConstraint("year", "seq", name="uq_credit_entries_year_seq"),
        sa.Index("ix_credit_entries_organisation_kind", "organisation_id", "kind"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(sa.ForeignKey("organisations.id"))
    kind: Mapped[CreditKind] = mapped_column(enum_column(CreditKind, "credit_kind"))
    status: Mapped[CreditStatus] = mapped_column(
        enum_column(CreditStatus, "credit_status"), default=CreditStatus.PROPOSED
    )
    # 信用〔2026〕0001号: the number the 告知书, 决定书 and 移出决定 carry.
    year: Mapped[int]
    seq: Mapped[int]
    number: Mapped[str] = mapped_column(sa.String(60), unique=True)
    #: terms.Case: what sets the term.
    case: Mapped[str] = mapped_column(sa.String(30))
    reason: Mapped[str] = mapped_column(sa.Text, default="")
    # Provenance: the clause it rests on, as it read when the entry was made.
    document_number: Mapped[str] = mapped_column(sa.String(100), default="")
    document_version: Mapped[int | None]
    clause_key: Mapped[str] = mapped_column(sa.String(500), default="")
    clause_text: Mapped[str] = mapped_column(sa.Text, default="")
    clause_text_hash: Mapped[str] = mapped_column(sa.String(64), default="")
    #: Why the entry was made although its document was not in force (who gave it in ``events``).
    override: Mapped[str] = mapped_column(sa.Text, default="")
    #: The term in years (None: no term, 取消配送资格) and why.
    term_years: Mapped[int | None]
    term_explanation: Mapped[str] = mapped_column(sa.Text, default="")
    proposed_on: Mapped[dt.date] = mapped_column(sa.Date)
    notified_on: Mapped[dt.date | None] = mapped_column(sa.Date)
    #: The day the 告知书 gave for the defence (the clause sets none).
    defence_due_on: Mapped[dt.date | None] = mapped_column(sa.Date)
    defence_on: Mapped[dt.date | None] = mapped_column(sa.Date)
    decided_on: Mapped[dt.date | None] = mapped_column(sa.Date)
    #: 第五条（三）: reported to the 区安委会办公室 within 5 days of the decision.
    office_due_on: Mapped[dt.date | None] = mapped_column(sa.Date)
    submitted_on: Mapped[dt.date | None] = mapped_column(sa.Date)
    #: 第五条（四）: published by the 20th of the quarter's first month.
    publish_due_on: Mapped[dt.date | None] = mapped_column(sa.Date, index=True)
    published_on: Mapped[dt.date | None] = mapped_column(sa.Date)
    #: The term: from the publication day to ``ends_on`` inclusive (None: no term).
    starts_on: Mapped[dt.date | None] = mapped_column(sa.Date)
    ends_on: Mapped[dt.date | None] = mapped_column(sa.Date, index=True)
    #: 第五条（五）: apply a month before the term ends; off the day after; published in 15
    #: working days.
    removal_request_due_on: Mapped[dt.date | None] = mapped_column(sa.Date)
    removal_requested_on: Mapped[dt.date | None] = mapped_column(sa.Date)
    removal_decided_on: Mapped[dt.date | None] = mapped_column(sa.Date)
    removed_on: Mapped[dt.date | None] = mapped_column(sa.Date)
    removal_publish_due_on: Mapped[dt.date | None] = mapped_column(sa.Date)
    removal_published_on: Mapped[dt.date | None] = mapped_column(sa.Date)
    #: The earlier entry this one continues (连续进入), when there is one.
    previous_id: Mapped[int | None] = mapped_column(sa.ForeignKey("credit_entries.id"))
    #: The depot qualification it cancels (取消配送资格).
    qualification_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("depot_qualifications.id", ondelete="SET NULL")
    )
    client_id: Mapped[str | None] = mapped_column(sa.String(64), unique=True)
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)

    organisation: Mapped[Organisation] = relationship()
    created_by: Mapped[User | None] = relationship()
    events: Mapped[list[CreditEvent]] = relationship(
        back_populates="entry", order_by="CreditEvent.id", cascade="all, delete-orphan"
    )

    def on_list(self, day: dt.date) -> bool:
        """Published and within its term on ``day`` (a term without an end never ends)."""
        return (
            self.status in ON_LIST
            and self.starts_on is not None
            and self.starts_on <= day
            and (self.ends_on is None or day <= self.ends_on)
        )

    def last_step(self, kind: str) -> CreditEvent | None:
        return next((e for e in reversed(self.events) if e.kind == kind), None)


class CreditEvent(db.Model):
    """One step of an entry: what was sent (``data["request"]``), the status before and after,
    who and when. Never changed or deleted (the audit trail)."""

    __tablename__ = "credit_events"
    __table_args__ = (sa.UniqueConstraint("entry_id", "client_id", name="uq_credit_events_client"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(
        sa.ForeignKey("credit_entries.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(sa.String(30))
    #: The day the step took effect (the notice's, the decision's, the publication's).
    on: Mapped[dt.date] = mapped_column(sa.Date)
    actor_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    text: Mapped[str] = mapped_column(sa.Text, default="")
    data: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)
    client_id: Mapped[str | None] = mapped_column(sa.String(64))

    entry: Mapped[CreditEntry] = relationship(back_populates="events")
    actor: Mapped[User | None] = relationship()


class DepositKind(StrEnum):
    #: An amount due by ``due_on`` (after listing, or the top-up after a forfeit).
    REQUIRED = "required"
    PAID = "paid"
    #: 全额扣罚 / 没收: kept by the treasury (the event and clause in ``note``/``clause_key``).
    FORFEITED = "forfeited"
    REFUNDED = "refunded"


class DepositLine(db.Model):
    """One line of an organisation's deposit ledger (安全生产保证金, 履约保证金, 诚信保证金), in
    whole yuan. Held = paid − forfeited − refunded; owed = required − paid."""

    __tablename__ = "deposit_lines"
    __table_args__ = (
        sa.CheckConstraint("amount > 0", name="amount_positive"),
        sa.Index("ix_deposit_lines_organisation", "organisation_id", "deposit"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(sa.ForeignKey("organisations.id"))
    entry_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("credit_entries.id", ondelete="SET NULL"), index=True
    )
    #: Which deposit: ``safety`` (安全生产保证金), ``performance`` (履约保证金), ``integrity``.
    deposit: Mapped[str] = mapped_column(sa.String(20), default="safety")
    kind: Mapped[DepositKind] = mapped_column(enum_column(DepositKind, "deposit_kind"))
    amount: Mapped[int] = mapped_column(sa.BigInteger)
    on: Mapped[dt.date] = mapped_column(sa.Date)
    due_on: Mapped[dt.date | None] = mapped_column(sa.Date)
    voucher: Mapped[str] = mapped_column(sa.String(100), default="")
    clause_key: Mapped[str] = mapped_column(sa.String(500), default="")
    clause_text: Mapped[str] = mapped_column(sa.Text, default="")
    note: Mapped[str] = mapped_column(sa.Text, default="")
    #: Set by ``flask credit check-overdue`` once it told the supervisors.
    overdue_since: Mapped[dt.date | None] = mapped_column(sa.Date)
    client_id: Mapped[str | None] = mapped_column(sa.String(64), unique=True)
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)

    organisation: Mapped[Organisation] = relationship()
    created_by: Mapped[User | None] = relationship()


class QualificationStatus(StrEnum):
    #: Passed acceptance: may operate as a depot.
    QUALIFIED = "qualified"
    #: Failed acceptance: 限期一个月整改.
    RECTIFYING = "rectifying"
    #: Failed again after the month: 取消配送资格.
    CANCELLED = "cancelled"


#: Statuses that take one of the township's places (at most 3).
HOLDS_PLACE = (QualificationStatus.QUALIFIED, QualificationStatus.RECTIFYING)


class DepotQualification(db.Model):
    """A clean-coal depot's (洁净煤配送中心（点）) right to operate in its township."""

    __tablename__ = "depot_qualifications"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(sa.ForeignKey("organisations.id"), index=True)
    #: The township (乡镇、街道, or the development zone) whose places it takes.
    region_id: Mapped[int] = mapped_column(sa.ForeignKey("regions.id"), index=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    status: Mapped[QualificationStatus] = mapped_column(
        enum_column(QualificationStatus, "qualification_status")
    )
    checked_on: Mapped[dt.date] = mapped_column(sa.Date)
    rectify_due_on: Mapped[dt.date | None] = mapped_column(sa.Date)
    cancelled_on: Mapped[dt.date | None] = mapped_column(sa.Date)
    clause_key: Mapped[str] = mapped_column(sa.String(500), default="")
    clause_text: Mapped[str] = mapped_column(sa.Text, default="")
    #: Every step: ``{"kind", "on", "at", "actor", "text"}``.
    events: Mapped[list[dict[str, Any]]] = mapped_column(sa.JSON, default=list)
    client_id: Mapped[str | None] = mapped_column(sa.String(64), unique=True)
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)

    organisation: Mapped[Organisation] = relationship()
    region: Mapped[Region] = relationship()
    created_by: Mapped[User | None] = relationship()
