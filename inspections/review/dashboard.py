"""The supervisors' dashboard: scores by organisation, region and template, over time; the score
distribution; the most failed clauses; organisations with critical failures; what is overdue.

``build`` reads the figures of scored inspections from the rollups (``rollups``: added up ahead
per organisation, template, status, verdict and day, month or all time), so its time does not
grow with the years of inspections kept; ``build_live`` computes the same figures from the
inspections and findings (one aggregate query each over those the user may see, narrowed by the
review filters): the reference the rollups are tested against, and what a reader whose scope is
not a set of organisations (an inspector) gets. Either way the page runs the same number of
queries whatever the amount of data. Averages are the exact sum of the scores over their count,
rounded half up to one decimal; the lowest come first (ties by name).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from types import SimpleNamespace
from typing import Any

import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy.dialects import postgresql

from checklists.accounts.models import Organisation, Region, Role, User
from checklists.accounts.permissions import visible_organisations
from checklists.authoring.models import ChecklistTemplate
from checklists.core.extensions import db
from inspections.filling.models import OPEN_STATUSES, Inspection
from inspections.filling.permissions import visible_inspections
from inspections.findings.models import UNRESOLVED, Finding
from inspections.review import queue as review
from inspections.review import rollups
from inspections.review.rollups import BUCKETS, SCORED, ClauseRollup, ClauseText, DashboardRollup

TOP = 10
ONE_PLACE = Decimal("0.1")


def _average(tenths: Any, count: Any) -> Decimal | None:
    """The average of ``count`` scores summing to ``tenths`` / 10, to one decimal."""
    if not count:
        return None
    return (Decimal(tenths) / (Decimal(count) * 10)).quantize(ONE_PLACE, ROUND_HALF_UP)


def _by_average(tenths: Any, count: Any) -> Any:
    """SQL: the order of averages, the same expression whether the sums come from the
    inspections or the rollups (so equal averages tie alike, and go by name)."""
    if db.session.get_bind().dialect.name == "postgresql":
        return sa.cast(tenths, sa.Numeric) / count
    return tenths * 1.0 / count


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


def _region_label() -> tuple[Any, list[tuple]]:
    """An organisation's region as the dashboard groups it (its county when it lies in a
    township), with the joins from ``Organisation``."""
    county = sa.orm.aliased(Region)
    return sa.func.coalesce(county.name, Region.name), [
        (Region, Region.id == Organisation.region_id),
        (county, county.id == Region.parent_id, True),
    ]


def _grouped_rows(query: sa.Select, tenths: Any, count: Any, limit: int | None) -> list:
    query = query.order_by(_by_average(tenths, count), *query.selected_columns[:1])
    if limit:
        query = query.limit(limit)
    return [(name or "—", _average(t, n), n) for name, t, n in db.session.execute(query)]


def _figures(
    *,
    total: tuple[Any, Any],
    by_organisation: list,
    by_region: list,
    by_template: list,
    months: list[tuple[str, str, Any, Any]],
    distribution: list[tuple[str, int]],
    failed_clauses: list[dict[str, Any]],
    critical: list[tuple[str, int, dt.date | None]],
    overdue: dict[str, Any],
) -> Dashboard:
    count, tenths = total
    month_names, over_time = _over_time(months, by_template)
    return Dashboard(
        count=count or 0,
        average=_average(tenths, count),
        by_organisation=by_organisation,
        by_region=by_region,
        by_template=by_template,
        over_time=over_time,
        months=month_names,
        distribution=distribution,
        failed_clauses=failed_clauses,
        critical=critical,
        **overdue,
    )


def _over_time(rows: list[tuple[str, str, Any, Any]], by_template: list) -> tuple[list[str], list]:
    """Average score per month: all inspections, and the (up to 4) templates most used; from
    (month, template name, sum of the scores in tenths, count)."""
    months = sorted({m for m, _name, _t, _n in rows})
    totals: dict[str, list[int]] = {}
    per_template: dict[str, dict[str, Decimal | None]] = {}
    for m, name, tenths, n in rows:
        totals.setdefault(m, [0, 0])
        totals[m][0] += int(tenths)
        totals[m][1] += int(n)
        per_template.setdefault(name, {})[m] = _average(tenths, n)
    most_used = [name for name, _avg, _n in sorted(by_template, key=lambda r: -r[2])[:4]]
    series = [(_("All inspections"), [(m, _average(*totals[m])) for m in months])]
    series += [(name, [(m, per_template[name].get(m)) for m in months]) for name in most_used]
    return months, series if months else []


# --- from the rollups --------------------------------------------------------------------------


def _organisations_in_scope(user: User) -> sa.Select | None | bool:
    """The organisations whose inspections ``user`` sees, as ``visible_inspections`` scopes
    them (once scored): None for all, a select of their ids, or False when the scope is not
    one of organisations (an inspector's: the inspections they are on)."""
    if user.role == Role.ADMIN or (user.role == Role.SUPERVISOR and user.region is None):
        return None
    if user.role in (Role.SUPERVISOR, Role.ENTERPRISE):  # an enterprise's: all its scored ones
        return visible_organisations(user).with_only_columns(Organisation.id)
    return False


def _organisations_and_templates(
    organisation: Any, template: Any, organisations: sa.Select | None, f: review.Filters
) -> list[Any]:
    """Conditions on an organisation and a template column: the scope's organisations, and the
    filters' region, organisation and template (any version of its lineage), as
    ``review.apply`` puts them on the inspections."""
    conditions = []
    if organisations is not None:
        conditions.append(organisation.in_(organisations))
    if f.region_id is not None:
        conditions.append(organisation.in_(_in_region(f.region_id)))
    if f.organisation_id is not None:
        conditions.append(organisation == f.organisation_id)
    if f.lineage:
        conditions.append(template.in_(_versions(f.lineage)))
    return conditions


def _versions(lineage: str) -> sa.Select:
    """The versions of a template (its lineage), as the review filter reads them."""
    return sa.select(ChecklistTemplate.id).where(ChecklistTemplate.lineage == lineage)


def _in_region(region_id: int) -> sa.Select:
    """The organisations of a region and its townships, as the review filter reads them."""
    regions = sa.select(Region.id).where(
        sa.or_(Region.id == region_id, Region.parent_id == region_id)
    )
    return sa.select(Organisation.id).where(Organisation.region_id.in_(regions))


def _among(column: Any, ids: list[int]) -> Any:
    """``column`` is one of ``ids``: ``= ANY(array)`` on PostgreSQL, which then looks each up
    in the rollups' key (for ``IN (subquery)`` it read every organisation's rows)."""
    if db.session.get_bind().dialect.name == "postgresql":
        return column == sa.any_(sa.literal(ids, postgresql.ARRAY(sa.Integer)))
    return column.in_(ids)


@dataclass
class _Rows:
    """Which rollup rows a dashboard reads: the scope's and the filters' conditions.
    ``organisations``: the ids of those the scope and the region filter leave (read once),
    None when they name none."""

    organisations: list[int] | None
    filters: review.Filters

    @classmethod
    def of(cls, scope: sa.Select | None, filters: review.Filters) -> _Rows:
        if scope is None and filters.region_id is None:
            return cls(None, filters)
        query = sa.select(Organisation.id)
        if scope is not None:
            query = query.where(Organisation.id.in_(scope))
        if filters.region_id is not None:
            query = query.where(Organisation.id.in_(_in_region(filters.region_id)))
        return cls(list(db.session.scalars(query)), filters)

    def where(self, table: Any, *, each_organisation: bool = False, monthly: bool = False):
        """Conditions on ``table`` (DashboardRollup or ClauseRollup): the rows of all
        organisations together unless the figure is per organisation or the scope or the
        filters name organisations; the "all" rows without dates (months when ``monthly``),
        else whole months and days at the ends."""
        f = self.filters
        first = f.date_from if f.date_from and f.date_from > dt.date.min else None
        last = f.date_to if f.date_to and f.date_to < dt.date.max else None
        spans = []
        for period, low, high in rollups.pieces(first, last):
            if monthly and period == rollups.ALL:
                period = rollups.MONTH
            within = [table.period == period]
            within += [table.start >= low] if low is not None else []
            within += [table.start <= high] if high is not None else []
            spans.append(sa.and_(*within))
        conditions = [sa.or_(*spans)]
        named = self.organisations is not None
        if not each_organisation and not named and f.organisation_id is None:
            conditions.append(table.organisation_id == rollups.ALL_ORGANISATIONS)
        elif not named and f.organisation_id is None:
            conditions.append(table.organisation_id > rollups.ALL_ORGANISATIONS)
        elif f.organisation_id == rollups.ALL_ORGANISATIONS:
            conditions.append(sa.false())  # no organisation has the id of the rows of all
        if self.organisations is not None:  # the scope's and the region's, read once
            conditions.append(_among(table.organisation_id, self.organisations))
        if f.organisation_id is not None:
            conditions.append(table.organisation_id == f.organisation_id)
        if f.lineage:
            conditions.append(table.template_id.in_(_versions(f.lineage)))
        if f.verdict:
            conditions.append(table.verdict == f.verdict)
        if f.status:
            conditions.append(table.status == f.status)
        return conditions


def build(user: User, filters: review.Filters, today: dt.date) -> Dashboard:
    """The dashboard of ``user`` (their scope) within ``filters``, read from the rollups: one
    statement for the figures of the organisations' sums, one for the months, one for the
    clauses (then the overdue ones, read live)."""
    organisations = _organisations_in_scope(user)
    if organisations is False:
        return build_live(user, filters, today)
    rows = _Rows.of(organisations, filters)  # type: ignore[arg-type]
    figures = _rolled_up_figures(rows)
    r = DashboardRollup
    tenths, count = sa.func.sum(r.score_tenths), sa.func.sum(r.inspections)
    months: dict[tuple[str, str], list[int]] = {}
    for start, name, t, n in db.session.execute(
        sa.select(r.start, ChecklistTemplate.name, tenths, count)
        .join(ChecklistTemplate, ChecklistTemplate.id == r.template_id)
        .where(*rows.where(r, monthly=True))
        .group_by(r.start, ChecklistTemplate.name)
        .having(count > 0)
    ):
        summed = months.setdefault((start.strftime("%Y-%m"), name), [0, 0])
        summed[0] += int(t)
        summed[1] += int(n)
    return _figures(
        **figures,
        months=[(month, name, t, n) for (month, name), (t, n) in months.items()],
        failed_clauses=_rolled_up_clauses(rows),
        overdue=_overdue(user, filters, today),
    )


#: The parts of ``_rolled_up_figures``' one statement, in order.
TOTAL, BY_TEMPLATE, BY_ORGANISATION, BY_REGION, CRITICAL = range(5)


def _rolled_up_figures(rows: _Rows) -> dict[str, Any]:
    """The total, the distribution, the averages by template, organisation and region, and
    the organisations with critical failures, in one statement: the total and the templates
    from the rows in question (those of all organisations together unless organisations are
    named), the rest from the organisations' rows summed per organisation once (a CTE); each
    figure in its order (``row_number``: the ORDER BY and LIMIT of the inspections' queries)."""
    r = DashboardRollup
    buckets = rollups.BUCKET_COLUMNS
    summed = (
        sa.select(
            r.organisation_id.label("organisation_id"),
            _whole(sa.func.sum(r.inspections)).label("n"),
            _whole(sa.func.sum(r.score_tenths)).label("tenths"),
            _whole(sa.func.sum(r.critical_findings)).label("critical"),
            sa.func.max(r.critical_latest).label("latest"),
        )
        .where(*rows.where(r, each_organisation=True))
        .group_by(r.organisation_id)
        .cte("per_organisation")
    )
    per = (  # with the organisation's name and region, joined once for the three figures
        sa.select(
            Organisation.name.label("name"), Organisation.region_id.label("region_id"), *summed.c
        )
        .join(Organisation, Organisation.id == summed.c.organisation_id)
        .cte("named_organisation")
    )

    def ranked(
        kind: int, joins: list, where: list, order: Callable, having: Any = None, **values: Any
    ) -> sa.Select:
        """The first 20 rows of one figure (ORDER BY ``order(columns)`` LIMIT 20), numbered;
        grouped by the name when there is a ``having`` (else one row per name already)."""
        query = sa.select(*_columns(**values)).select_from(joins[0])
        for target, on, *outer in joins[1:]:
            query = query.join(target, on, isouter=bool(outer))
        query = query.where(*where)
        if having is not None:
            query = query.group_by(values["name"]).having(having)
        named = SimpleNamespace(**values)
        first = query.order_by(*order(named)).limit(20).subquery()
        return sa.select(
            sa.literal(kind).label("part"),
            sa.func.row_number().over(order_by=order(first.c)).label("position"),
            *first.c,
        )

    def by_average(values: Any) -> list:
        return [_by_average(values.tenths, values.n), values.name]

    tenths, count = sa.func.sum(r.score_tenths), sa.func.sum(r.inspections)
    county = sa.orm.aliased(Region)
    region = sa.func.coalesce(county.name, Region.name)
    region_joins = [
        (Region, Region.id == per.c.region_id),
        (county, county.id == Region.parent_id, True),
    ]
    total = sa.select(
        sa.literal(TOTAL).label("part"),
        sa.literal_column("1").label("position"),
        *_columns(
            name=sa.null(),
            tenths=tenths,
            n=count,
            **{column: sa.func.sum(getattr(r, column)) for column in buckets},
        ),
    ).where(*rows.where(r))
    by_template = ranked(
        BY_TEMPLATE,
        [r, (ChecklistTemplate, ChecklistTemplate.id == r.template_id)],
        rows.where(r),
        by_average,
        count > 0,
        name=ChecklistTemplate.name,
        tenths=tenths,
        n=count,
    )
    statement = sa.union_all(
        total,
        by_template,
        ranked(
            BY_ORGANISATION,
            [per],
            [per.c.n > 0],  # one row per organisation (whose name is its own)
            by_average,
            name=per.c.name,
            tenths=per.c.tenths,
            n=per.c.n,
        ),
        ranked(
            BY_REGION,
            [per, *region_joins],
            [],
            by_average,
            sa.func.sum(per.c.n) > 0,
            name=region,
            tenths=sa.func.sum(per.c.tenths),
            n=sa.func.sum(per.c.n),
        ),
        ranked(
            CRITICAL,
            [per],
            [per.c.critical > 0],
            lambda values: [values.critical.desc(), values.name],
            name=per.c.name,
            critical=per.c.critical,
            latest=per.c.latest,
        ),
    ).subquery()
    found: dict[int, list] = {kind: [] for kind in range(5)}
    for row in db.session.execute(
        sa.select(statement).order_by(statement.c.part, statement.c.position)
    ):
        found[row.part].append(row)
    [total_row] = found[TOTAL]
    return {
        "total": (total_row.n, total_row.tenths),
        "distribution": [
            (label, int(getattr(total_row, column) or 0))
            for (label, _low, _high), column in zip(BUCKETS, buckets, strict=True)
        ],
        **{
            key: [(row.name or "—", _average(row.tenths, row.n), int(row.n)) for row in found[kind]]
            for key, kind in (
                ("by_template", BY_TEMPLATE),
                ("by_organisation", BY_ORGANISATION),
                ("by_region", BY_REGION),
            )
        },
        "critical": [
            (row.name, int(row.critical), row.latest.date() if row.latest else None)
            for row in found[CRITICAL]
        ],
    }


def _whole(total: Any) -> Any:
    """A sum of integers as an integer again: PostgreSQL's sum of BIGINTs is NUMERIC, and the
    sums of the CTE are summed again (integers add far faster)."""
    if db.session.get_bind().dialect.name == "postgresql":
        return sa.cast(total, sa.BigInteger)
    return total


def _columns(**values: Any) -> list[Any]:
    """The UNION's columns after the part and position: the name and the values, NULL where a
    figure has none."""
    values = {key: values.get(key, sa.null()) for key in _TYPES}
    return [_typed(value, _TYPES[key]).label(key) for key, value in values.items()]


def _typed(value: Any, type_: Any) -> Any:
    """A column of the UNION: a NULL cast (PostgreSQL types a subquery's bare NULL as text),
    a value only typed for Python (SQLite's CAST AS DATETIME would make a number of it)."""
    if isinstance(value, sa.Null):
        return sa.cast(value, type_)
    return sa.type_coerce(value, type_)


#: The types of ``_rolled_up_figures``' columns (the parts of a UNION agree on them).
_TYPES: dict[str, Any] = {
    "name": sa.String(),
    "tenths": sa.Numeric(),
    "n": sa.BigInteger(),
    **dict.fromkeys(rollups.BUCKET_COLUMNS, sa.BigInteger()),
    "critical": sa.BigInteger(),
    "latest": sa.DateTime(timezone=True),
}


def _rolled_up_clauses(rows: _Rows) -> list[dict[str, Any]]:
    """The clauses failed in the most inspections, with their text (the greatest of each
    quoted form, as the findings' own query gives), in one statement."""
    c, text = ClauseRollup, ClauseText
    per = (
        sa.select(
            c.clause_key.label("clause_key"),
            c.variant.label("variant"),
            sa.func.sum(c.inspections).label("inspections"),
            sa.func.sum(c.findings).label("findings"),
        )
        .where(*rows.where(c))
        .group_by(c.clause_key, c.variant)
        .cte("per_variant")
    )
    inspections = sa.func.sum(per.c.inspections)
    top = (
        sa.select(per.c.clause_key, inspections.label("n"))
        .group_by(per.c.clause_key)
        .having(inspections > 0)
        .order_by(inspections.desc(), per.c.clause_key)
        .limit(TOP)
        .subquery()
    )
    found = db.session.execute(
        sa.select(
            top.c.clause_key,
            sa.func.max(text.document_number),
            sa.func.max(text.clause_text),
            sa.func.max(text.prompt),
            top.c.n,
        )
        .join(per, per.c.clause_key == top.c.clause_key)
        .join(text, text.variant == per.c.variant)
        .where(per.c.findings > 0)
        .group_by(top.c.clause_key, top.c.n)
        .order_by(top.c.n.desc(), top.c.clause_key)
    )
    return [
        {"key": key, "document": number, "text": clause, "prompt": prompt, "count": int(n)}
        for key, number, clause, prompt, n in found
    ]


# --- from the inspections and findings -------------------------------------------------------


def build_live(user: User, filters: review.Filters, today: dt.date) -> Dashboard:
    """The same dashboard computed from the inspections and findings themselves."""
    ids = _scored(user, filters)
    unscoped = visible_inspections(user).whereclause is None
    if unscoped and filters.region_id is None and filters.lineage is None:
        # Only the inspections' own columns are filtered: say so directly, rather than
        # reading the table twice through "id IN (SELECT id ...)".
        scored = ids.whereclause
    else:
        scored = Inspection.id.in_(ids)
    tenths = sa.func.sum(rollups.tenths_of(Inspection.score))
    total, total_tenths = db.session.execute(sa.select(sa.func.count(), tenths).where(scored)).one()

    def grouped(label: Any, *joins: Any) -> list[tuple[str, Decimal, int]]:
        query = sa.select(label, tenths, sa.func.count()).select_from(Inspection)
        for target, on, *outer in joins:
            query = query.join(target, on, isouter=bool(outer))
        query = query.where(scored).group_by(label)
        return _grouped_rows(query, tenths, sa.func.count(), 20)

    of_organisation = (Organisation, Organisation.id == Inspection.organisation_id)
    region, region_joins = _region_label()
    month = _month(Inspection.submitted_at)
    months = db.session.execute(
        sa.select(month, ChecklistTemplate.name, tenths, sa.func.count())
        .join(ChecklistTemplate, ChecklistTemplate.id == Inspection.template_id)
        .where(scored)
        .group_by(month, ChecklistTemplate.name)
    ).all()
    return _figures(
        total=(total, total_tenths),
        by_organisation=grouped(Organisation.name, of_organisation),
        by_region=grouped(region, of_organisation, *region_joins),
        by_template=grouped(
            ChecklistTemplate.name,
            (ChecklistTemplate, ChecklistTemplate.id == Inspection.template_id),
        ),
        months=[tuple(row) for row in months],
        distribution=_distribution(scored),
        failed_clauses=_failed_clauses(ids),
        critical=_critical(ids),
        overdue=_overdue(user, filters, today),
    )


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
    late_findings = sa.select(Finding).where(Finding.status.in_(UNRESOLVED), Finding.due_on < today)
    organisations = _organisations_in_scope(user)
    if organisations is False:  # the scope is the inspections one is on
        in_scope = review.apply(visible_inspections(user), unfiltered)
        late_findings = late_findings.where(
            Finding.inspection_id.in_(in_scope.with_only_columns(Inspection.id))
        )
    else:
        # A finding keeps its inspection's organisation and template (copied when it is
        # raised; neither changes): the scope and the filters are read on the finding itself.
        late_findings = late_findings.where(
            *_organisations_and_templates(
                Finding.organisation_id, Finding.template_id, organisations, unfiltered
            )
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
