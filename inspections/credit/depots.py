"""Clean-coal depots' right to operate (冠政发〔2016〕109号 四（二））: acceptance passed
(qualified), failed (限期一个月整改), failed again after the month (取消配送资格, which also
makes a credit entry); at most 3 depots per township (县经济开发区、各乡镇（街道）最多设置3个).
A depot whose qualification is cancelled cannot be inspected as qualified."""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa
from flask_babel import gettext as _

from checklists.accounts.models import Organisation, Region, RegionLevel, User
from checklists.accounts.permissions import visible_organisations
from checklists.core import audit
from checklists.core.errors import Conflict, InputError
from checklists.core.extensions import db
from inspections.credit import deposits, entries, regime, terms
from inspections.credit.models import (
    HOLDS_PLACE,
    CreditKind,
    CreditStatus,
    DepotQualification,
    QualificationStatus,
)
from inspections.findings import deadlines

Q = QualificationStatus
#: step → (the statuses it starts from, the status it leads to).
STEPS = {
    "fail": ((Q.QUALIFIED,), Q.RECTIFYING),
    "pass": ((Q.RECTIFYING,), Q.QUALIFIED),
    "cancel": ((Q.RECTIFYING,), Q.CANCELLED),
}


def visible_qualifications(user: User) -> sa.Select[tuple[DepotQualification]]:
    orgs = visible_organisations(user).with_only_columns(Organisation.id)
    query = sa.select(DepotQualification)
    if user.role.value in ("inspector", "author"):
        return query.where(sa.false())
    return query.where(DepotQualification.organisation_id.in_(orgs))


def checked(user: User, qualification_id: int, write: bool = False):
    found = db.session.scalar(
        visible_qualifications(user).where(DepotQualification.id == qualification_id)
    )
    if found is None:
        return None, 404
    if write and not entries.can_create(user):
        return found, 403
    return found, 200


def _event(record: DepotQualification, kind: str, day: dt.date, user: User, text: str) -> None:
    record.events = [
        *record.events,
        {
            "kind": kind,
            "on": day.isoformat(),
            "at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "actor": user.name,
            "text": text,
        },
    ]


def places_taken(region_id: int, leaving_out: int | None = None) -> list[DepotQualification]:
    query = sa.select(DepotQualification).where(
        DepotQualification.region_id == region_id, DepotQualification.status.in_(HOLDS_PLACE)
    )
    if leaving_out is not None:
        query = query.where(DepotQualification.id != leaving_out)
    return list(db.session.scalars(query))


def qualify(
    user: User,
    *,
    today: dt.date,
    organisation_id: int,
    name: Any,
    passed: bool,
    region_id: int | None = None,
    client_id: str,
) -> tuple[DepotQualification, bool]:
    """Record a depot's acceptance (passed: qualified; failed: a month to put it right). A
    fourth depot in one township is refused with the clause (409 ``township_full``)."""
    stored = db.session.scalar(
        sa.select(DepotQualification).where(DepotQualification.client_id == client_id)
    )
    if stored is not None:
        return stored, False
    errors: dict[str, str] = {}
    organisation = db.session.scalar(
        visible_organisations(user).where(Organisation.id == organisation_id)
    )
    if organisation is None:
        errors["organisation_id"] = _("No such organisation.")
    label = name.strip() if isinstance(name, str) else ""
    if not label or len(label) > 200:
        errors["name"] = _("The depot's name, at most 200 characters.")
    region = db.session.get(Region, region_id) if region_id is not None else None
    if region is None and organisation is not None:
        region = organisation.region
    if region is None or region.level != RegionLevel.TOWNSHIP:
        errors["region_id"] = _("The township (乡镇、街道 or the development zone) of the depot.")
    if errors:
        raise InputError(errors)
    assert region is not None
    taken = places_taken(region.id)
    if len(taken) >= regime.DEPOTS_PER_TOWNSHIP:
        raise Conflict(
            "township_full",
            _(
                "%(township)s has %(n)d depots already (%(names)s); 冠政发〔2016〕109号 四（二）: "
                "at most %(n)d per township.",
                township=region.name,
                n=regime.DEPOTS_PER_TOWNSHIP,
                names="、".join(q.name for q in taken),
            ),
        )
    record = DepotQualification(
        organisation_id=organisation_id,
        region_id=region.id,
        name=label,
        status=Q.QUALIFIED if passed else Q.RECTIFYING,
        checked_on=today,
        clause_key=regime.DEPOT_CLAUSE,
        clause_text=deposits.clause_text(regime.DEPOT_CLAUSE),
        client_id=client_id,
        created_by=user,
        events=[],
    )
    if not passed:
        _rectify(record, today)
    _event(record, "accepted" if passed else "failed", today, user, record_text(record))
    db.session.add(record)
    db.session.flush()
    audit.record("depot_qualification", record.id, user.id, "create", {}, {"passed": passed})
    return record, True


def _rectify(record: DepotQualification, day: dt.date) -> None:
    due = terms.rectification_due(day, deadlines.official_calendar())
    record.rectify_due_on = due.due_on


def record_text(record: DepotQualification) -> str:
    if record.status == Q.RECTIFYING and record.rectify_due_on:
        return _("Failed acceptance: to put right by %(day)s.", day=record.rectify_due_on)
    return str(regime.QUALIFICATION_LABELS[record.status])


def take_step(
    record: DepotQualification, step: str, user: User, *, today: dt.date, text: str = ""
) -> bool:
    """``fail`` (a month to put right), ``pass`` (qualified again) or ``cancel`` (取消配送资格,
    with its credit entry). False when the record is in that state already (a resend)."""
    starts, leads_to = STEPS[step]
    if record.status == leads_to:
        return False
    if record.status not in starts:
        raise Conflict(
            "out_of_order",
            _(
                "The depot is %(status)s: this step does not apply.",
                status=regime.QUALIFICATION_LABELS[record.status],
            ),
        )
    if step == "cancel" and record.rectify_due_on and today <= record.rectify_due_on:
        raise Conflict(
            "too_early",
            _("The month to put it right runs until %(day)s.", day=record.rectify_due_on),
        )
    before = record.status.value
    record.status = leads_to
    record.checked_on = today
    if step == "fail":
        _rectify(record, today)
    if step == "cancel":
        record.cancelled_on = today
        entry, _created = entries.create(
            user,
            today=today,
            organisation_id=record.organisation_id,
            kind=CreditKind.DEPOT_DISQUALIFIED,
            reason=text or _("Failed acceptance again after the month to put it right."),
            client_id=f"depot-{record.id}-cancel",
            qualification_id=record.id,
        )
        entry.status = CreditStatus.LISTED
        entry.decided_on = entry.published_on = entry.starts_on = today
    _event(record, step, today, user, text or record_text(record))
    db.session.flush()
    audit.record("depot_qualification", record.id, user.id, step, {"status": before}, {})
    return True


def cancelled(organisation_id: int) -> DepotQualification | None:
    """A cancelled qualification of the organisation with no qualified depot since."""
    rows = list(
        db.session.scalars(
            sa.select(DepotQualification).where(
                DepotQualification.organisation_id == organisation_id
            )
        )
    )
    if any(r.status in HOLDS_PLACE for r in rows):
        return None
    return next((r for r in rows if r.status == Q.CANCELLED), None)


def overdue_rectifications(today: dt.date) -> list[DepotQualification]:
    return list(
        db.session.scalars(
            sa.select(DepotQualification).where(
                DepotQualification.status == Q.RECTIFYING,
                DepotQualification.rectify_due_on < today,
            )
        )
    )
