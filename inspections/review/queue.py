"""What supervisors filter, review and compare: the filters every review page shares (kept in
the URL), and the review queue."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from flask_babel import gettext as _

from checklists.accounts.models import Organisation, Region, User
from checklists.accounts.permissions import visible_organisations
from checklists.authoring.models import ChecklistTemplate, TemplateStatus
from checklists.core.extensions import db
from checklists.core.schemas import INT64_MAX, query_id
from inspections.filling.models import Inspection, InspectionStatus
from inspections.filling.permissions import visible_inspections

ZONE = ZoneInfo("Asia/Shanghai")
VERDICTS = ("pass", "fail")
STATUSES = tuple(s.value for s in InspectionStatus)


@dataclass
class Filters:
    """Date range (of submission, local days), region, template (all versions), organisation,
    verdict and status. ``errors`` names what could not be read (and was ignored)."""

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    region_id: int | None = None
    lineage: str | None = None
    organisation_id: int | None = None
    verdict: str | None = None
    status: str | None = None
    errors: dict[str, str] = field(default_factory=dict)

    def args(self) -> dict[str, str]:
        """The filters as URL arguments (only those set), for links that keep them."""
        values = {
            "from": self.date_from.isoformat() if self.date_from else None,
            "to": self.date_to.isoformat() if self.date_to else None,
            "region": self.region_id,
            "template": self.lineage,
            "organisation": self.organisation_id,
            "verdict": self.verdict,
            "status": self.status,
        }
        return {k: str(v) for k, v in values.items() if v not in (None, "")}


def parse_filters(args: Any) -> Filters:
    """Read the filters from request arguments; a bad value is reported and ignored."""
    found = Filters()
    for name, attr in (("from", "date_from"), ("to", "date_to")):
        raw = (args.get(name) or "").strip()
        if raw:
            try:
                setattr(found, attr, dt.date.fromisoformat(raw))
            except ValueError:
                found.errors[name] = _("A date (YYYY-MM-DD).")
    for name, attr in (("region", "region_id"), ("organisation", "organisation_id")):
        raw = (args.get(name) or "").strip()
        if raw:
            number = query_id(raw)
            if number is None:
                found.errors[name] = _("Must be a whole number.")
            elif number == 0 and raw.strip("0"):  # query_id's 0 for a number beyond 64 bits
                found.errors[name] = _("Must be at most %(n)s.", n=INT64_MAX)
            else:
                setattr(found, attr, number)
    named = (args.get("organisation_q") or "").strip()
    if named and found.organisation_id is None and "organisation" not in found.errors:
        # a name or 统一社会信用代码 typed where the organisations are too many to list
        match = db.session.scalar(
            sa.select(Organisation.id)
            .where(
                sa.or_(
                    Organisation.name == named[:200], Organisation.credit_code == named.upper()[:18]
                )
            )
            .order_by(Organisation.id)
            .limit(1)
        )
        if match is None:
            found.errors["organisation"] = _("No organisation has this name or credit code.")
        else:
            found.organisation_id = match
    lineage = (args.get("template") or "").strip()
    found.lineage = lineage[:32] or None
    for name, allowed in (("verdict", VERDICTS), ("status", STATUSES)):
        raw = (args.get(name) or "").strip()
        if raw in allowed:
            setattr(found, name, raw)
        elif raw:
            found.errors[name] = _("One of: %(allowed)s.", allowed=", ".join(allowed))
    if found.date_from and found.date_to and found.date_from > found.date_to:
        found.errors["to"] = _("The end is before the start.")
        found.date_to = None
    return found


def local_midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), ZONE).astimezone(dt.UTC)


def apply(query: sa.Select, filters: Filters) -> sa.Select:
    """Narrow a select of inspections by ``filters``. The calendar's first and last days bound
    nothing (and their midnights in UTC, or the day after the last, are no datetime)."""
    if filters.date_from and filters.date_from > dt.date.min:
        query = query.where(Inspection.submitted_at >= local_midnight(filters.date_from))
    if filters.date_to and filters.date_to < dt.date.max:
        end = local_midnight(filters.date_to + dt.timedelta(days=1))
        query = query.where(Inspection.submitted_at < end)
    if filters.region_id is not None:
        regions = sa.select(Region.id).where(
            sa.or_(Region.id == filters.region_id, Region.parent_id == filters.region_id)
        )
        orgs = sa.select(Organisation.id).where(Organisation.region_id.in_(regions))
        query = query.where(Inspection.organisation_id.in_(orgs))
    if filters.lineage:
        versions = sa.select(ChecklistTemplate.id).where(
            ChecklistTemplate.lineage == filters.lineage
        )
        query = query.where(Inspection.template_id.in_(versions))
    if filters.organisation_id is not None:
        query = query.where(Inspection.organisation_id == filters.organisation_id)
    if filters.verdict:
        query = query.where(Inspection.verdict == filters.verdict)
    if filters.status:
        query = query.where(Inspection.status == filters.status)
    return query


def queue(user: User, filters: Filters) -> sa.Select[tuple[Inspection]]:
    """Submitted inspections waiting for review, oldest first, within ``user``'s scope."""
    query = visible_inspections(user).where(Inspection.status == InspectionStatus.SUBMITTED)
    return apply(query, filters).order_by(Inspection.submitted_at, Inspection.id)


def next_in_queue(
    user: User, filters: Filters, after: Inspection | None = None
) -> Inspection | None:
    """The inspection to review next: the first queued one after ``after``'s place in the queue
    (its submission time, then id), else the first of the queue; ``after`` itself never. None
    when nothing (else) waits."""
    query = queue(user, filters)
    if after is not None:
        query = query.where(Inspection.id != after.id)
        if after.submitted_at is not None:
            later = sa.or_(
                Inspection.submitted_at > after.submitted_at,
                sa.and_(Inspection.submitted_at == after.submitted_at, Inspection.id > after.id),
            )
            found = db.session.scalar(query.where(later).limit(1))
            if found is not None:
                return found
    return db.session.scalar(query.limit(1))


def queue_count(user: User, filters: Filters | None = None) -> int:
    """How many inspections wait in ``user``'s review queue."""
    inner = queue(user, filters or Filters()).order_by(None).with_only_columns(Inspection.id)
    return db.session.scalar(sa.select(sa.func.count()).select_from(inner.subquery())) or 0


#: Beyond this many organisations in scope the filter asks for a name or 统一社会信用代码
#: instead of listing them all (a city's 20,000 in one drop-down: a megabyte no phone can use).
ORGANISATION_CHOICES_MAX = 300


def choices(user: User, filters: Filters | None = None) -> dict[str, Any]:
    """What the filter form offers: regions, templates (by lineage), organisations in scope
    (None when there are more than ``ORGANISATION_CHOICES_MAX``: the form then takes a name or
    credit code, ``organisation_name`` the one filtered by)."""
    regions = db.session.scalars(
        sa.select(Region)
        .options(sa.orm.joinedload(Region.parent))
        .order_by(Region.parent_id.nullsfirst(), Region.name)
    )
    templates = db.session.execute(
        sa.select(ChecklistTemplate.lineage, sa.func.max(ChecklistTemplate.name))
        .where(ChecklistTemplate.status != TemplateStatus.DRAFT)
        .group_by(ChecklistTemplate.lineage)
        .order_by(sa.func.max(ChecklistTemplate.name))
    )
    in_scope = visible_organisations(user).with_only_columns(Organisation.id, Organisation.name)
    listed = db.session.execute(
        in_scope.order_by(Organisation.name).limit(ORGANISATION_CHOICES_MAX + 1)
    ).all()
    name = None
    if filters is not None and filters.organisation_id is not None:
        name = db.session.scalar(
            sa.select(Organisation.name).where(Organisation.id == filters.organisation_id)
        )
    many = len(listed) > ORGANISATION_CHOICES_MAX
    return {
        "regions": [(str(r.id), r.full_name) for r in regions],
        "templates": [(lineage, name) for lineage, name in templates],
        "organisations": None if many else [(str(i), n) for i, n in listed],
        "organisation_name": name,
    }
