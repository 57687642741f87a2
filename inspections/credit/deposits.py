"""The deposit ledger (第九条 of 临政办字〔2016〕11号 for the 50万元 安全生产保证金;
冠政发〔2016〕78号 三（三）10 and 12 for the 履约保证金 and 诚信保证金): what is due and by
when, paid (with the voucher), forfeited (with the event and clause), refunded. Lines are
never changed; balances are sums: held = paid − forfeited − refunded, owed = due − paid."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from flask_babel import gettext as _

from checklists.accounts.models import Organisation, Role, User
from checklists.accounts.permissions import visible_organisations
from checklists.core import audit
from checklists.core.errors import Conflict, InputError
from checklists.core.extensions import db
from checklists.standards.models import Clause, Document
from inspections.credit import regime, terms
from inspections.credit.models import (
    CreditEntry,
    CreditKind,
    DepositKind,
    DepositLine,
)
from inspections.findings import workdays

MAX_AMOUNT = 10**12
K = DepositKind


@dataclass(frozen=True)
class Balance:
    deposit: str
    due: int
    paid: int
    forfeited: int
    refunded: int
    #: The earliest day an unpaid amount was due (payments settle the oldest first).
    unpaid_due_on: dt.date | None

    @property
    def held(self) -> int:
        return self.paid - self.forfeited - self.refunded

    @property
    def owed(self) -> int:
        return max(self.due - self.paid, 0)

    def overdue(self, today: dt.date) -> bool:
        return self.owed > 0 and self.unpaid_due_on is not None and self.unpaid_due_on < today


def balance_of(lines: list[DepositLine], deposit: str) -> Balance:
    mine = [line for line in lines if line.deposit == deposit]
    sums = {kind: sum(line.amount for line in mine if line.kind == kind) for kind in K}
    paid_left = sums[K.PAID]
    unpaid_due_on = None
    for line in sorted((x for x in mine if x.kind == K.REQUIRED), key=lambda x: x.id or 0):
        if paid_left >= line.amount:
            paid_left -= line.amount
            continue
        unpaid_due_on = line.due_on
        break
    return Balance(
        deposit,
        sums[K.REQUIRED],
        sums[K.PAID],
        sums[K.FORFEITED],
        sums[K.REFUNDED],
        unpaid_due_on,
    )


def lines_of(organisation_id: int) -> list[DepositLine]:
    return list(
        db.session.scalars(
            sa.select(DepositLine)
            .where(DepositLine.organisation_id == organisation_id)
            .order_by(DepositLine.on, DepositLine.id)
        )
    )


def balances(organisation_id: int) -> list[Balance]:
    lines = lines_of(organisation_id)
    return [balance_of(lines, d) for d in regime.DEPOSITS if any(x.deposit == d for x in lines)]


def clause_text(key: str) -> str:
    """The current text of a clause ("" when its document was not imported)."""
    return (
        db.session.scalar(
            sa.select(Clause.text).join(Document).where(Document.is_current, Clause.key == key)
        )
        or ""
    )


def _line(entry: CreditEntry, kind: DepositKind, amount: int, on: dt.date, **kw) -> DepositLine:
    key = regime.clause_key(entry.kind, regime.article_of(entry.kind, "deposit"))
    line = DepositLine(
        organisation_id=entry.organisation_id,
        entry_id=entry.id,
        deposit="safety",
        kind=kind,
        amount=amount,
        on=on,
        clause_key=key,
        clause_text=clause_text(key),
        **kw,
    )
    db.session.add(line)
    return line


def require_on_listing(
    entry: CreditEntry, day: dt.date, calendar: workdays.OfficialCalendar
) -> DepositLine | None:
    """第九条: once listed, the 50万元 safety deposit is due in 10 working days (less what is
    held or already due and unpaid)."""
    balance = balance_of(lines_of(entry.organisation_id), "safety")
    missing = regime.SAFETY_DEPOSIT - balance.held - balance.owed
    if missing <= 0:
        return None
    due = terms.deposit_due(day, calendar)
    return _line(entry, K.REQUIRED, missing, day, due_on=due.due_on, note=due.explanation)


def forfeit_on_relisting(
    entry: CreditEntry, day: dt.date, calendar: workdays.OfficialCalendar
) -> None:
    """第九条: listed again within the term: the deposit held is forfeited in full and the same
    is due again (补缴) in 10 working days."""
    held = balance_of(lines_of(entry.organisation_id), "safety").held
    if held <= 0:
        return
    _line(entry, K.FORFEITED, held, day, note=_("Listed again within the term."))
    due = terms.deposit_due(day, calendar)
    _line(entry, K.REQUIRED, held, day, due_on=due.due_on, note=due.explanation)


def can_record(user: User) -> bool:
    return user.role in (Role.SUPERVISOR, Role.ADMIN)


def record(
    user: User,
    *,
    today: dt.date,
    organisation_id: int,
    deposit: str,
    kind: DepositKind,
    amount: int,
    on: dt.date,
    entry_id: int | None = None,
    due_on: dt.date | None = None,
    voucher: str = "",
    note: str = "",
    client_id: str,
) -> tuple[DepositLine, bool]:
    """A ledger line written by a supervisor. The same ``client_id`` again returns it and
    False. A payment beyond what is owed, a forfeit or refund beyond what is held, and a refund
    of the safety deposit while the unit is still on the blacklist are refused."""
    request = {
        "organisation_id": organisation_id,
        "deposit": deposit,
        "kind": kind.value,
        "amount": amount,
        "on": on.isoformat(),
        "entry_id": entry_id,
        "due_on": due_on.isoformat() if due_on else None,
        "voucher": voucher,
        "note": note,
    }
    stored = db.session.scalar(sa.select(DepositLine).where(DepositLine.client_id == client_id))
    if stored is not None:
        if _request_of(stored) != request:
            raise Conflict("id_reused", _("This client_id was used for another ledger line."))
        return stored, False
    errors: dict[str, str] = {}
    organisation = db.session.scalar(
        visible_organisations(user).where(Organisation.id == organisation_id)
    )
    if organisation is None:
        errors["organisation_id"] = _("No such organisation.")
    if deposit not in regime.DEPOSITS:
        errors["deposit"] = _("One of: %(values)s.", values=", ".join(regime.DEPOSITS))
    if not 0 < amount <= MAX_AMOUNT:
        errors["amount"] = _("A whole number of yuan above 0.")
    if on > today:
        errors["on"] = _("Not a day in the future.")
    if kind == K.PAID and not voucher.strip():
        errors["voucher"] = _("The payment voucher's number.")
    if kind == K.REQUIRED and due_on is None:
        errors["due_on"] = _("This field is required.")
    if kind in (K.FORFEITED, K.REFUNDED) and not note.strip():
        errors["note"] = _("Say why (the event, or the removal).")
    entry = None
    if entry_id is not None:
        entry = db.session.get(CreditEntry, entry_id)
        if entry is None or entry.organisation_id != organisation_id:
            errors["entry_id"] = _("No such entry of this organisation.")
    if errors:
        raise InputError(errors)
    balance = balance_of(lines_of(organisation_id), deposit)
    if kind == K.PAID and amount > balance.owed:
        raise InputError(
            {"amount": _("More than is owed (%(owed)s yuan).", owed=f"{balance.owed:,}")}
        )
    if kind in (K.FORFEITED, K.REFUNDED) and amount > balance.held:
        raise InputError(
            {"amount": _("More than is held (%(held)s yuan).", held=f"{balance.held:,}")}
        )
    if kind == K.REFUNDED and deposit == "safety":
        listed = db.session.scalar(
            sa.select(CreditEntry.number).where(
                CreditEntry.organisation_id == organisation_id,
                CreditEntry.kind == CreditKind.BLACKLIST,
                CreditEntry.starts_on <= on,
                CreditEntry.ends_on >= on,
            )
        )
        if listed is not None:
            raise Conflict(
                "still_listed",
                _(
                    "Refunded only once the term has ended (第九条): %(number)s still runs.",
                    number=listed,
                ),
            )
    line = DepositLine(
        organisation_id=organisation_id,
        entry_id=entry_id,
        deposit=deposit,
        kind=kind,
        amount=amount,
        on=on,
        due_on=due_on,
        voucher=voucher.strip(),
        note=note.strip(),
        client_id=client_id,
        created_by=user,
    )
    if entry is not None:
        line.clause_key = regime.clause_key(entry.kind, regime.article_of(entry.kind, "deposit"))
        line.clause_text = clause_text(line.clause_key)
    db.session.add(line)
    db.session.flush()
    audit.record("deposit_line", line.id, user.id, "create", {}, request)
    return line, True


def _request_of(line: DepositLine) -> dict[str, Any]:
    return {
        "organisation_id": line.organisation_id,
        "deposit": line.deposit,
        "kind": line.kind.value,
        "amount": line.amount,
        "on": line.on.isoformat(),
        "entry_id": line.entry_id,
        "due_on": line.due_on.isoformat() if line.due_on else None,
        "voucher": line.voucher,
        "note": line.note,
    }


def overdue(today: dt.date, organisation_ids: list[int] | None = None) -> list[tuple[int, Balance]]:
    """(organisation id, balance) of every deposit with an amount past its day."""
    query = sa.select(DepositLine.organisation_id).distinct()
    if organisation_ids is not None:
        query = query.where(DepositLine.organisation_id.in_(organisation_ids))
    found = []
    for org_id in db.session.scalars(query):
        found.extend((org_id, b) for b in balances(org_id) if b.overdue(today))
    return found
