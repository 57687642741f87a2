"""What the lists ask supervisors to do, and the check that tells them when it is late:
publication (第五条（四）) and the report to the office (第五条（三）), removal requests to decide
and removals to publish (第五条（五）), deposits owed (第九条), listed units to inspect more
often and to interview once a year (第七条), depots' month to put things right (109号 四（二））.
A finding needs an inspection; none of this does, so it is due work and notifications."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import sqlalchemy as sa
from flask import current_app
from flask_babel import gettext as _

from checklists.accounts import notifications
from checklists.accounts.models import Organisation, Role, User
from checklists.accounts.permissions import visible_organisations
from checklists.core.extensions import db
from inspections.credit import deposits, depots, regime
from inspections.credit.models import (
    CreditEntry,
    CreditKind,
    CreditStatus,
    DepositKind,
    DepositLine,
)
from inspections.filling.models import Inspection
from inspections.supervision.models import Interview


@dataclass(frozen=True)
class Due:
    #: ``publish``, ``submit``, ``remove``, ``publish_removal``, ``deposit``, ``inspect``,
    #: ``interview``, ``rectify``.
    what: str
    organisation_id: int
    organisation: str
    text: str
    due_on: dt.date | None
    link: str
    #: The clause it rests on, as people cite it.
    basis: str

    def overdue(self, today: dt.date) -> bool:
        return self.due_on is not None and self.due_on < today


def interval_days() -> int:
    """CREDIT_INSPECTION_INTERVAL: the most days between inspections of a listed unit."""
    raw = current_app.config.get("CREDIT_INSPECTION_INTERVAL", 90)
    try:
        return max(int(raw), 1)
    except (TypeError, ValueError):
        return 90


def _cite(kind: CreditKind, step: str) -> str:
    return regime.citation(kind, regime.article_of(kind, step))


def due_work(user: User, today: dt.date) -> list[Due]:
    """Everything due on the lists of the organisations ``user`` sees, soonest first."""
    if user.role not in (Role.SUPERVISOR, Role.ADMIN):
        return []
    orgs = visible_organisations(user).with_only_columns(Organisation.id)
    found: list[Due] = []
    for entry in db.session.scalars(
        sa.select(CreditEntry)
        .options(sa.orm.joinedload(CreditEntry.organisation))
        .where(CreditEntry.organisation_id.in_(orgs), CreditEntry.status != CreditStatus.DROPPED)
    ):
        found.extend(_entry_work(entry, today))
    org_ids = list(db.session.scalars(orgs))
    names = dict(
        db.session.execute(
            sa.select(Organisation.id, Organisation.name).where(Organisation.id.in_(org_ids))
        ).all()
    )
    for org_id, balance in deposits.overdue(today, org_ids) + _owed_not_late(today, org_ids):
        found.append(
            Due(
                "deposit",
                org_id,
                names.get(org_id, ""),
                _(
                    "%(deposit)s: %(owed)s yuan owed.",
                    deposit=regime.DEPOSITS[balance.deposit],
                    owed=f"{balance.owed:,}",
                ),
                balance.unpaid_due_on,
                f"/credit/deposits/{org_id}",
                _cite(CreditKind.BLACKLIST, "deposit"),
            )
        )
    found.extend(_measures(today, org_ids, names))
    for record in depots.overdue_rectifications(today):
        if record.organisation_id in names:
            found.append(
                Due(
                    "rectify",
                    record.organisation_id,
                    names[record.organisation_id],
                    _("Depot %(name)s: check it again after the month.", name=record.name),
                    record.rectify_due_on,
                    "/credit/depots",
                    "冠政发〔2016〕109号 四（二）",
                )
            )
    return sorted(found, key=lambda d: (d.due_on or dt.date.max, d.organisation))


def _owed_not_late(today: dt.date, org_ids: list[int]) -> list[tuple[int, deposits.Balance]]:
    rows = db.session.scalars(
        sa.select(DepositLine.organisation_id)
        .where(DepositLine.organisation_id.in_(org_ids), DepositLine.kind == DepositKind.REQUIRED)
        .distinct()
    )
    return [
        (org_id, b)
        for org_id in rows
        for b in deposits.balances(org_id)
        if b.owed > 0 and not b.overdue(today)
    ]


def _entry_work(entry: CreditEntry, today: dt.date) -> list[Due]:
    org = entry.organisation
    link = f"/credit/{entry.id}"

    def due(what: str, text: str, day: dt.date | None, step: str) -> Due:
        return Due(what, org.id, org.name, text, day, link, _cite(entry.kind, step))

    work = []
    if entry.status == CreditStatus.DECIDED:
        if entry.kind is CreditKind.BLACKLIST and entry.submitted_on is None:
            work.append(
                due(
                    "submit",
                    _("Report %(n)s to the office.", n=entry.number),
                    entry.office_due_on,
                    "submit",
                )
            )
        work.append(
            due("publish", _("Publish %(n)s.", n=entry.number), entry.publish_due_on, "publish")
        )
    elif entry.status == CreditStatus.REMOVAL_REQUESTED:
        work.append(
            due(
                "remove",
                _("Decide on the removal of %(n)s.", n=entry.number),
                entry.ends_on,
                "remove",
            )
        )
    elif entry.status == CreditStatus.REMOVED and entry.removal_published_on is None:
        work.append(
            due(
                "publish_removal",
                _("Publish the removal of %(n)s.", n=entry.number),
                entry.removal_publish_due_on,
                "publish_removal",
            )
        )
    return work


def _measures(today: dt.date, org_ids: list[int], names: dict[int, str]) -> list[Due]:
    """第七条: listed units inspected more often (at most CREDIT_INSPECTION_INTERVAL days
    apart) and their principal interviewed at least once a year."""
    listed = list(
        db.session.scalars(
            sa.select(CreditEntry).where(
                CreditEntry.organisation_id.in_(org_ids),
                CreditEntry.kind == CreditKind.BLACKLIST,
                CreditEntry.starts_on <= today,
                CreditEntry.ends_on >= today,
            )
        )
    )
    if not listed:
        return []
    ids = {e.organisation_id for e in listed}
    last_inspected = dict(
        db.session.execute(
            sa.select(Inspection.organisation_id, sa.func.max(Inspection.submitted_at))
            .where(Inspection.organisation_id.in_(ids), Inspection.submitted_at.is_not(None))
            .group_by(Inspection.organisation_id)
        ).all()
    )
    interviewed = set(
        db.session.scalars(
            sa.select(Interview.organisation_id).where(
                Interview.organisation_id.in_(ids),
                Interview.created_on >= dt.date(today.year, 1, 1),
            )
        )
    )
    days = interval_days()
    cite = _cite(CreditKind.BLACKLIST, "measures")
    work: list[Due] = []
    seen: set[int] = set()
    for entry in sorted(listed, key=lambda e: e.id):  # one pair per organisation
        org_id = entry.organisation_id
        if org_id in seen:
            continue
        seen.add(org_id)
        last = last_inspected.get(org_id)
        since = max(entry.starts_on, last.date() if last else entry.starts_on)
        work.append(
            Due(
                "inspect",
                org_id,
                names.get(org_id, ""),
                _("Listed unit: inspect at least every %(n)d days.", n=days),
                since + dt.timedelta(days=days),
                f"/credit/{entry.id}",
                cite,
            )
        )
        if org_id not in interviewed:
            work.append(
                Due(
                    "interview",
                    org_id,
                    names.get(org_id, ""),
                    _("Listed unit: interview its principal at least once a year."),
                    dt.date(today.year, 12, 31),
                    f"/credit/{entry.id}",
                    cite,
                )
            )
    return work


def _supervisors(organisation: Organisation) -> list[User]:
    region = organisation.region
    regions = [region.id, region.parent_id] if region is not None else []
    return list(
        db.session.scalars(
            sa.select(User).where(
                User.role == Role.SUPERVISOR,
                User.active,
                sa.or_(User.region_id.is_(None), User.region_id.in_(regions)),
            )
        )
    )


def check_overdue(today: dt.date) -> list[tuple[Organisation, deposits.Balance]]:
    """Tell the supervisors of every deposit past its day (once per unpaid line: the line is
    marked ``overdue_since``). Returns what was newly flagged."""
    flagged = []
    for org_id, balance in deposits.overdue(today):
        line = db.session.scalar(
            sa.select(DepositLine)
            .where(
                DepositLine.organisation_id == org_id,
                DepositLine.deposit == balance.deposit,
                DepositLine.kind == DepositKind.REQUIRED,
                DepositLine.due_on == balance.unpaid_due_on,
            )
            .limit(1)
        )
        if line is None or line.overdue_since is not None:
            continue
        line.overdue_since = today
        organisation = db.session.get(Organisation, org_id)
        assert organisation is not None
        label = regime.DEPOSITS[balance.deposit]
        notifications.send(
            _supervisors(organisation),
            "credit",
            lambda o=organisation, b=balance, lb=label: _(
                "%(org)s: %(deposit)s of %(owed)s yuan was due on %(day)s and is not paid.",
                org=o.name,
                deposit=lb,
                owed=f"{b.owed:,}",
                day=b.unpaid_due_on.isoformat() if b.unpaid_due_on else "",
            ),
            link=f"/credit/deposits/{org_id}",
        )
        flagged.append((organisation, balance))
    db.session.flush()
    return flagged
