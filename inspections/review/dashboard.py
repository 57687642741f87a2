"""The supervisors' dashboard: scores by organisation, region and template, over time; the score
distribution; the most failed clauses; organisations with critical failures; what is overdue.

Every figure is one aggregate query over the inspections the user may see, narrowed by the
review filters, so the page runs the same number of queries whatever the amount of data.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import sqlalchemy as sa
from flask_babel import gettext as _

from checklists.accounts.models import Organisation, Region, User
from checklists.authoring.models import ChecklistTemplate
from checklists.core.extensions import db
from inspections.filling.models import OPEN_STATUSES, Inspection, InspectionStatus
from inspections.filling.permissions import visible_inspections
from inspections.findings.models import UNRESOLVED, Finding
from inspections.review import queue as review

#: Inspections whose score counts: submitted (waiting for review) or approved.
SCORED = (InspectionStatus.SUBMITTED, InspectionStatus.APPROVED)
#: Score buckets of the distribution: (label, lowest score, highest score excluded).
BUCKETS = (
    ("<60", None, 60),
    ("60–69", 60, 70),
    ("70–79", 70, 80),
    ("80–89", 80, 90),
    ("90–100", 90, None),
)
TOP = 10
ONE_PLACE = Decimal("0.1")


def _average(value: Any) -> Decimal | None:
    if value is None:
        return None
    return Decimal(str(value)).quantize(ONE_PLACE, ROUND_HALF_UP)


@dataclass
class Dashboard:
    count: int
    average: Decimal | None
    by_organisation: list[tuple[str, Decimal, int]]
    by_region: list[tuple[str, Decimal, int]]
    by_template: list[tuple[str, Decimal, int]]
    over_time: list[tuple[str, list[tuple[str, Decimal | None]]]]
    months: list[str]
    distribution: list[tuple[str, int]]
    failed_clauses: list[dict[str, Any]]
    critical: list[tuple[str, int, dt.date | None]]
    overdue_inspections: list[tuple[str, str, dt.date]]
    overdue_inspection_count: int
    overdue_findings: list[tuple[int, str, str, dt.date]]
    overdue_finding_count: int


def _scored(user: User, filters: review.Filters) -> sa.Select:
    """The ids of the scored inspections in scope and in the filters."""
    query = visible_inspections(user).where(
        Inspection.status.in_(SCORED), Inspection.score.is_not(None)
    )
    return review.apply(query, filters).with_only_columns(Inspection.id)


def _month(column: Any) -> Any:
    """The local (Asia/Shanghai) month of a UTC time, as 'YYYY-MM', in either database."""
    if db.session.get_bind().dialect.name == "postgresql":
        return sa.func.to_char(sa.func.timezone("Asia/Shanghai", column), "YYYY-MM")
    return sa.func.strftime("%Y-%m", column, "+8 hours")


def build(user: User, filters: review.Filters, today: dt.date) -> Dashboard:
    ids = _scored(user, filters)
    unscoped = visible_inspections(user).whereclause is None
    if unscoped and filters.region_id is None and filters.lineage is None:
        # Only the inspections' own columns are filtered: say so directly, rather than
        # reading the table twice through "id IN (SELECT id ...)".
        scored = ids.whereclause
    else:
        scored = Inspection.id.in_(ids)
    total, average = db.session.execute(
        sa.select(sa.func.count(), sa.func.avg(Inspection.score)).where(scored)
    ).one()

    def grouped(label: Any, *joins: Any, limit: int | None = 20) -> list[tuple[str, Decimal, int]]:
        query = sa.select(label, sa.func.avg(Inspection.score), sa.func.count()).select_from(
            Inspection
        )
        for target, on, *outer in joins:
            query = query.join(target, on, isouter=bool(outer))
        query = query.where(scored).group_by(label).order_by(sa.func.avg(Inspection.score), label)
        if limit:
            query = query.limit(limit)
        return [(name or "—", _average(avg), n) for name, avg, n in db.session.execute(query)]

    county = sa.orm.aliased(Region)
    by_region = grouped(
        sa.func.coalesce(county.name, Region.name),
        (Organisation, Organisation.id == Inspection.organisation_id),
        (Region, Region.id == Organisation.region_id),
        (county, county.id == Region.parent_id, True),
    )
    by_template = grouped(
        ChecklistTemplate.name,
        (ChecklistTemplate, ChecklistTemplate.id == Inspection.template_id),
    )
    by_organisation = grouped(
        Organisation.name, (Organisation, Organisation.id == Inspection.organisation_id)
    )
    months, over_time = _over_time(scored, by_template)
    return Dashboard(
        count=total,
        average=_average(average),
        by_organisation=by_organisation,
        by_region=by_region,
        by_template=by_template,
        over_time=over_time,
        months=months,
        distribution=_distribution(scored),
        failed_clauses=_failed_clauses(ids),
        critical=_critical(ids),
        **_overdue(user, filters, today),
    )


def _over_time(scored: Any, by_template: list) -> tuple[list[str], list]:
    """Average score per month: all inspections, and the (up to 4) templates most used."""
    month = _month(Inspection.submitted_at)
    rows = db.session.execute(
        sa.select(month, ChecklistTemplate.name, sa.func.avg(Inspection.score), sa.func.count())
        .join(ChecklistTemplate, ChecklistTemplate.id == Inspection.template_id)
        .where(scored)
        .group_by(month, ChecklistTemplate.name)
    ).all()
    months = sorted({m for m, _name, _avg, _n in rows})
    totals: dict[str, list[Decimal]] = {}
    per_template: dict[str, dict[str, Decimal]] = {}
    for m, name, avg, n in rows:
        totals.setdefault(m, [Decimal(0), Decimal(0)])
        totals[m][0] += Decimal(str(avg)) * n
        totals[m][1] += n
        per_template.setdefault(name, {})[m] = _average(avg)
    most_used = [name for name, _avg, _n in sorted(by_template, key=lambda r: -r[2])[:4]]
    series = [(_("All inspections"), [(m, _average(totals[m][0] / totals[m][1])) for m in months])]
    series += [(name, [(m, per_template[name].get(m)) for m in months]) for name in most_used]
    return months, series if months else []


def _distribution(scored: Any) -> list[tuple[str, int]]:
    cases = []
    for label, low, high in BUCKETS:
        condition = sa.true()
        if low is not None:
            condition = sa.and_(condition, Inspection.score >= low)
        if high is not None:
            condition = sa.and_(condition, Inspection.score < high)
        cases.append(sa.func.count(sa.case((condition, 1))).label(label))
    row = db.session.execute(sa.select(*cases).where(scored)).one()
    return [(label, count) for (label, _low, _high), count in zip(BUCKETS, row, strict=True)]


def _failed_clauses(ids: sa.Select) -> list[dict[str, Any]]:
    """The clauses failed in the most inspections, with their text."""
    inspections = sa.func.count(sa.distinct(Finding.inspection_id))
    rows = db.session.execute(
        sa.select(
            Finding.clause_key,
            sa.func.max(Finding.document_number),
            sa.func.max(Finding.clause_text),
            sa.func.max(Finding.prompt),
            inspections,
        )
        .where(Finding.inspection_id.in_(ids))
        .group_by(Finding.clause_key)
        .order_by(inspections.desc(), Finding.clause_key)
        .limit(TOP)
    )
    return [
        {"key": key, "document": number, "text": text, "prompt": prompt, "count": n}
        for key, number, text, prompt, n in rows
    ]


def _critical(ids: sa.Select) -> list[tuple[str, int, dt.date | None]]:
    """Organisations with critical failures: how many, and the latest inspection's day."""
    latest = sa.func.max(Inspection.submitted_at)
    rows = db.session.execute(
        sa.select(Organisation.name, sa.func.count(Finding.id), latest)
        .join(Inspection, Inspection.id == Finding.inspection_id)
        .join(Organisation, Organisation.id == Finding.organisation_id)
        .where(Finding.inspection_id.in_(ids), Finding.severity == "critical")
        .group_by(Organisation.name)
        .order_by(sa.func.count(Finding.id).desc(), Organisation.name)
        .limit(20)
    )
    return [(name, n, at.date() if at else None) for name, n, at in rows]


def _overdue(user: User, filters: review.Filters, today: dt.date) -> dict[str, Any]:
    """Open inspections past their planned day, and unresolved findings past their deadline
    (the date filters do not apply: what is late is late)."""
    unfiltered = review.Filters(
        region_id=filters.region_id,
        lineage=filters.lineage,
        organisation_id=filters.organisation_id,
    )
    late = review.apply(
        visible_inspections(user).where(
            Inspection.status.in_(OPEN_STATUSES), Inspection.planned_on < today
        ),
        unfiltered,
    )
    count = db.session.scalar(sa.select(sa.func.count()).select_from(late.subquery()))
    rows = db.session.execute(
        late.with_only_columns(Inspection.uuid, Organisation.name, Inspection.planned_on)
        .join(Organisation, Organisation.id == Inspection.organisation_id)
        .order_by(Inspection.planned_on, Inspection.id)
        .limit(TOP)
    ).all()
    in_scope = review.apply(visible_inspections(user), unfiltered)
    late_findings = sa.select(Finding).where(Finding.status.in_(UNRESOLVED), Finding.due_on < today)
    if in_scope.whereclause is not None:  # no filter to walk for an unscoped reader
        late_findings = late_findings.where(
            Finding.inspection_id.in_(in_scope.with_only_columns(Inspection.id))
        )
    finding_count = db.session.scalar(
        sa.select(sa.func.count()).select_from(late_findings.subquery())
    )
    finding_rows = db.session.execute(
        late_findings.with_only_columns(
            Finding.id, Organisation.name, Finding.prompt, Finding.due_on
        )
        .join(Organisation, Organisation.id == Finding.organisation_id)
        .order_by(Finding.due_on, Finding.id)
        .limit(TOP)
    ).all()
    return {
        "overdue_inspections": [tuple(r) for r in rows],
        "overdue_inspection_count": count,
        "overdue_findings": [tuple(r) for r in finding_rows],
        "overdue_finding_count": finding_count,
    }
