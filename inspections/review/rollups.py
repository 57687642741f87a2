"""The dashboard's rollups: its figures added up ahead, so that the page for a city's year reads
thousands of rows rather than every scored inspection and finding.

A row counts the scored inspections (submitted or approved, with a score) of one template
version, one status and one verdict, of one organisation or of all of them together
(``organisation_id`` 0), submitted on one local (Asia/Shanghai) day, in one month, or ever
(``period`` "day", "month", "all"; ``start`` the day, the month's first day, or ``ALL_TIME``):

- ``DashboardRollup``: how many, their scores' sum (in tenths: exact), how many in each score
  bucket, their critical findings and the latest submission among those with one.
- ``ClauseRollup``: per variant of a finding's clause (its key, 文号, text and prompt, which
  ``ClauseText`` holds once): the findings, and the inspections whose first finding on that
  clause key is of this variant (so that their sum over a key is the inspections failing it).

Every review filter (dates of submission, region, organisation, template, status, verdict) and
every scope (a supervisor's region) is a condition on the keys; a region is read through the
organisations when the page is built, so an organisation that moves takes its figures along.
The dashboard reads the rows of all organisations when neither the scope nor the filters name
organisations, else those of the organisations in question; "all" rows when no dates are set,
else whole months and the days at either end (``pieces``).

Kept in the transaction that changes a scored inspection: ``share`` before the change and
``update`` after it (``before_change`` and ``after_change``, connected to filling's
``hooks.status_changing`` and ``status_changed``: submit, return, approve) add the difference, one
multi-row UPSERT per table (INSERT ... ON CONFLICT DO UPDATE, additions commute, so concurrent
changes add up), and delete the rows left empty. A clause's quote (``ClauseText``) is added
once and never deleted there: a concurrent decision may be adding a row that reads it, so a
quote that no scored inspection uses any more (its inspection returned) stays, read by nothing.
``rebuild`` recomputes everything from the inspections and findings, the quotes in use only
(``flask review rebuild-rollups``; the migration made them so).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Mapped, mapped_column

from checklists.core.db import as_utc
from checklists.core.extensions import db
from inspections.filling.models import Inspection, InspectionStatus
from inspections.findings.models import Finding

ZONE = ZoneInfo("Asia/Shanghai")
#: Inspections whose score counts: submitted (waiting for review) or approved.
SCORED = (InspectionStatus.SUBMITTED, InspectionStatus.APPROVED)
#: The organisation of the rows that count all organisations together.
ALL_ORGANISATIONS = 0
#: The ``start`` of the rows of all time.
ALL_TIME = dt.date(1970, 1, 1)
DAY, MONTH, ALL = "day", "month", "all"
#: Score buckets of the distribution: (label, lowest score, highest score excluded), and the
#: column of ``DashboardRollup`` counting each.
BUCKETS = (
    ("<60", None, 60),
    ("60–69", 60, 70),
    ("70–79", 70, 80),
    ("80–89", 80, 90),
    ("90–100", 90, None),
)
BUCKET_COLUMNS = ("scores_below_60", "scores_60s", "scores_70s", "scores_80s", "scores_90_up")
CRITICAL = "critical"


class DashboardRollup(db.Model):
    """The scored inspections of one key (see the module): count, score sum, buckets and
    critical findings."""

    __tablename__ = "dashboard_rollups"
    __table_args__ = (
        #: Date ranges across all organisations (the key leads with the organisation).
        sa.Index("ix_dashboard_rollups_period_start", "period", "start"),
    )

    period: Mapped[str] = mapped_column(sa.String(5), primary_key=True)
    #: 0: all organisations together.
    organisation_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    start: Mapped[dt.date] = mapped_column(sa.Date, primary_key=True)
    template_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    status: Mapped[str] = mapped_column(sa.String(20), primary_key=True)
    #: The inspection's verdict, "" for none.
    verdict: Mapped[str] = mapped_column(sa.String(10), primary_key=True)
    inspections: Mapped[int] = mapped_column(default=0)
    #: The sum of the scores × 10 (scores have one decimal: the sum is exact).
    score_tenths: Mapped[int] = mapped_column(sa.BigInteger, default=0)
    scores_below_60: Mapped[int] = mapped_column(default=0)
    scores_60s: Mapped[int] = mapped_column(default=0)
    scores_70s: Mapped[int] = mapped_column(default=0)
    scores_80s: Mapped[int] = mapped_column(default=0)
    scores_90_up: Mapped[int] = mapped_column(default=0)
    critical_findings: Mapped[int] = mapped_column(default=0)
    #: The latest submission of those with a critical finding (rows of one organisation).
    critical_latest: Mapped[dt.datetime | None] = mapped_column(sa.DateTime(timezone=True))


class ClauseRollup(db.Model):
    """The findings of one key's inspections on one variant of a clause (see the module)."""

    __tablename__ = "dashboard_clause_rollups"
    __table_args__ = (sa.Index("ix_dashboard_clause_rollups_period_start", "period", "start"),)

    period: Mapped[str] = mapped_column(sa.String(5), primary_key=True)
    organisation_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    start: Mapped[dt.date] = mapped_column(sa.Date, primary_key=True)
    template_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    status: Mapped[str] = mapped_column(sa.String(20), primary_key=True)
    verdict: Mapped[str] = mapped_column(sa.String(10), primary_key=True)
    #: ``ClauseText.variant``.
    variant: Mapped[str] = mapped_column(sa.String(32), primary_key=True)
    clause_key: Mapped[str] = mapped_column(sa.String(500))
    #: Inspections whose first finding (by id) on ``clause_key`` is of this variant.
    inspections: Mapped[int] = mapped_column(default=0)
    findings: Mapped[int] = mapped_column(default=0)


class ClauseText(db.Model):
    """A finding's clause as it was quoted (``variant``: a digest of the four), stored once."""

    __tablename__ = "dashboard_clause_texts"

    variant: Mapped[str] = mapped_column(sa.String(32), primary_key=True)
    clause_key: Mapped[str] = mapped_column(sa.String(500))
    document_number: Mapped[str | None] = mapped_column(sa.String(100))
    clause_text: Mapped[str] = mapped_column(sa.Text)
    prompt: Mapped[str] = mapped_column(sa.String(500))


#: The dashboard's overdue findings (unresolved, past their day) are counted from this index
#: of the findings table alone (for a region: with their organisations), not from every
#: finding due before today, which grows with the years.
FINDINGS_OVERDUE = sa.Index(
    "ix_findings_status_due_on",
    *(Finding.__table__.c[name] for name in ("status", "due_on", "organisation_id")),
)

KEY = ("period", "organisation_id", "start", "template_id", "status", "verdict")
COUNTS = ("inspections", "score_tenths", *BUCKET_COLUMNS, "critical_findings")
TEXT_COLUMNS = ("variant", "clause_key", "document_number", "clause_text", "prompt")


def variant_of(clause_key: str, document_number: str | None, text: str, prompt: str) -> str:
    """The digest naming a finding's clause as quoted (the migration computes the same)."""
    quoted = json.dumps([clause_key, document_number, text, prompt], ensure_ascii=False)
    return hashlib.sha256(quoted.encode("utf-8")).hexdigest()[:32]


def bucket_of(tenths: int) -> str:
    """The ``BUCKET_COLUMNS`` column counting a score of ``tenths`` / 10."""
    for column, (_label, low, high) in zip(BUCKET_COLUMNS, BUCKETS, strict=True):
        if (low is None or tenths >= low * 10) and (high is None or tenths < high * 10):
            return column
    raise ValueError(tenths)  # pragma: no cover - the buckets cover every score


def local_day(moment: dt.datetime) -> dt.date:
    return as_utc(moment).astimezone(ZONE).date()


def local_midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), ZONE).astimezone(dt.UTC)


def _next_month(first: dt.date) -> dt.date:
    return (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def pieces(
    first: dt.date | None, last: dt.date | None
) -> list[tuple[str, dt.date | None, dt.date | None]]:
    """The rows covering the local days ``first`` to ``last`` (None: unbounded), as (period,
    lowest start, highest start): "all" without dates, else the whole months between and the
    days at either end."""
    if first is None and last is None:
        return [(ALL, None, None)]
    try:
        low = None if first is None else first if first.day == 1 else _next_month(first)
        if last is None:
            high = None
        elif (last + dt.timedelta(days=1)).day == 1:
            high = last.replace(day=1)
        else:
            high = (last.replace(day=1) - dt.timedelta(days=1)).replace(day=1)
        end = None if high is None or last is None else _next_month(high) - dt.timedelta(days=1)
    except (OverflowError, ValueError):  # the calendar's first or last month
        return [(DAY, first, last)]
    if low is not None and high is not None and low > high:
        return [(DAY, first, last)]
    found: list[tuple[str, dt.date | None, dt.date | None]] = [(MONTH, low, high)]
    if first is not None and low is not None and first < low:
        found.append((DAY, first, low - dt.timedelta(days=1)))
    if last is not None and end is not None and last > end:
        found.append((DAY, end + dt.timedelta(days=1), last))
    return found


# --- keeping them: what an inspection adds, and the difference a change makes ------------------


@dataclass(frozen=True)
class Share:
    """What one scored inspection adds to the rollups."""

    organisation_id: int
    template_id: int
    day: dt.date
    status: str
    verdict: str
    tenths: int
    submitted_at: dt.datetime
    critical: int
    #: (variant, clause key, inspections, findings) of its findings, by variant.
    clauses: tuple[tuple[str, str, int, int], ...]
    #: (variant, clause key, 文号, text, prompt) of the variants.
    texts: tuple[tuple[str, str, str | None, str, str], ...]

    def keys(self) -> list[tuple]:
        """The keys of the six rows it counts in."""
        starts = ((DAY, self.day), (MONTH, self.day.replace(day=1)), (ALL, ALL_TIME))
        return [
            (period, organisation, start, self.template_id, self.status, self.verdict)
            for organisation in (self.organisation_id, ALL_ORGANISATIONS)
            for period, start in starts
        ]


_FINDINGS = (
    sa.select(
        Finding.clause_key,
        Finding.document_number,
        Finding.clause_text,
        Finding.prompt,
        Finding.severity,
    )
    .where(Finding.inspection_id == sa.bindparam("inspection_id", type_=sa.Integer))
    .order_by(Finding.id)
)


def share(inspection: Inspection) -> Share | None:
    """What ``inspection`` adds to the rollups as it stands (None: it is not scored). Reads its
    findings (flushed)."""
    if (
        inspection.status not in SCORED
        or inspection.score is None
        or inspection.submitted_at is None
    ):
        return None
    findings = db.session.execute(_FINDINGS, {"inspection_id": inspection.id}).all()
    clauses: dict[str, list] = {}
    texts: dict[str, tuple[str, str, str | None, str, str]] = {}
    keys_seen: set[str] = set()
    for key, number, text, prompt, _severity in findings:
        variant = variant_of(key, number, text, prompt)
        counts = clauses.setdefault(variant, [key, 0, 0])
        counts[2] += 1
        if key not in keys_seen:
            keys_seen.add(key)
            counts[1] += 1
        texts[variant] = (variant, key, number, text, prompt)
    tenths = (Decimal(inspection.score) * 10).to_integral_value(ROUND_HALF_UP)
    return Share(
        organisation_id=inspection.organisation_id,
        template_id=inspection.template_id,
        day=local_day(inspection.submitted_at),
        status=str(inspection.status),
        verdict=inspection.verdict or "",
        tenths=int(tenths),
        submitted_at=as_utc(inspection.submitted_at),
        critical=sum(1 for *_texts, severity in findings if severity == CRITICAL),
        clauses=tuple(sorted((v, k, i, n) for v, (k, i, n) in clauses.items())),
        texts=tuple(sorted(texts.values())),
    )


def update(inspection: Inspection, before: Share | None) -> None:
    """Count ``inspection`` as it is now (flushed, its findings raised) instead of as it was
    (``before``, from ``share``), in the caller's transaction."""
    after = share(inspection)
    if after != before:
        apply([(before, -1), (after, 1)])


def before_change(inspection: Inspection, state: dict[str, Any]) -> None:
    """``hooks.status_changing``: what the inspection counts for before its status changes."""
    state["rollups"] = share(inspection)


def after_change(inspection: Inspection, state: dict[str, Any]) -> None:
    """``hooks.status_changed``: count it as it is now instead."""
    update(inspection, state["rollups"])


def _insert() -> Any:
    dialect = db.session.get_bind().dialect.name
    return postgresql.insert if dialect == "postgresql" else sqlite.insert


def _greatest(left: Any, right: Any) -> Any:
    """The later of two moments, either of which may be NULL."""
    if db.session.get_bind().dialect.name == "postgresql":
        return sa.func.greatest(left, right)  # ignores NULLs
    return sa.func.coalesce(sa.func.max(left, right), left, right)  # SQLite's max(): NULL


def apply(changes: Iterable[tuple[Share | None, int]]) -> None:
    """Add each share × its sign (+1, -1) to the rollups: one UPSERT per table (rows in key
    order, so that concurrent writers lock them in the same order), then the rows left at
    zero deleted and the latest critical submission of the rows that lost one read again."""
    counts: dict[tuple, dict[str, int]] = {}
    latest: dict[tuple, dt.datetime] = {}
    reread: set[tuple] = set()
    clauses: dict[tuple, list] = {}
    texts: dict[str, tuple] = {}
    for found, sign in changes:
        if found is None:
            continue
        for key in found.keys():
            row = counts.setdefault(key, dict.fromkeys(COUNTS, 0))
            row["inspections"] += sign
            row["score_tenths"] += sign * found.tenths
            row[bucket_of(found.tenths)] += sign
            row["critical_findings"] += sign * found.critical
            if found.critical and key[1] != ALL_ORGANISATIONS:
                if sign > 0:
                    latest[key] = max(latest.get(key, found.submitted_at), found.submitted_at)
                else:
                    reread.add(key)
            for variant, clause_key, inspections, findings in found.clauses:
                entry = clauses.setdefault((*key, variant), [clause_key, 0, 0])
                entry[1] += sign * inspections
                entry[2] += sign * findings
        if sign > 0:
            texts.update((text[0], text) for text in found.texts)
    counts = {k: v for k, v in counts.items() if any(v.values()) or k in latest}
    clauses = {k: v for k, v in clauses.items() if v[1] or v[2]}
    if texts:
        statement = _insert()(ClauseText).values(
            [dict(zip(TEXT_COLUMNS, t, strict=True)) for _variant, t in sorted(texts.items())]
        )
        db.session.execute(statement.on_conflict_do_nothing(index_elements=["variant"]))
    if counts:
        table = DashboardRollup.__table__
        statement = _insert()(DashboardRollup).values(
            [
                {**dict(zip(KEY, key, strict=True)), **deltas, "critical_latest": latest.get(key)}
                for key, deltas in sorted(counts.items())
            ]
        )
        changed = {name: table.c[name] + statement.excluded[name] for name in COUNTS}
        changed["critical_latest"] = _greatest(
            table.c.critical_latest, statement.excluded.critical_latest
        )
        db.session.execute(statement.on_conflict_do_update(index_elements=KEY, set_=changed))
    if clauses:
        table = ClauseRollup.__table__
        statement = _insert()(ClauseRollup).values(
            [
                {
                    **dict(zip((*KEY, "variant"), key, strict=True)),
                    "clause_key": clause_key,
                    "inspections": inspections,
                    "findings": findings,
                }
                for key, (clause_key, inspections, findings) in sorted(clauses.items())
            ]
        )
        changed = {
            name: table.c[name] + statement.excluded[name] for name in ("inspections", "findings")
        }
        db.session.execute(
            statement.on_conflict_do_update(index_elements=[*KEY, "variant"], set_=changed)
        )
    lost = sorted(k for k, v in counts.items() if v["inspections"] < 0)
    if lost:
        db.session.execute(
            sa.delete(DashboardRollup).where(
                _keyed(DashboardRollup, KEY, lost), DashboardRollup.inspections == 0
            )
        )
    lost_clauses = sorted(k for k, v in clauses.items() if v[2] < 0)
    if lost_clauses:
        db.session.execute(
            sa.delete(ClauseRollup).where(
                _keyed(ClauseRollup, (*KEY, "variant"), lost_clauses),
                ClauseRollup.inspections == 0,
                ClauseRollup.findings == 0,
            )
        )
    for key in sorted(reread):
        _reread_latest(key)


def _keyed(model: Any, names: tuple[str, ...], keys: list[tuple]) -> Any:
    """The rows of ``keys``: an OR of key equalities, each a lookup in the primary key (SQLite
    read the whole table for a tuple IN)."""
    columns = [model.__table__.c[name] for name in names]
    return sa.or_(*(sa.and_(*(c == v for c, v in zip(columns, key, strict=True))) for key in keys))


def _reread_latest(key: tuple) -> None:
    """The latest critical submission of one organisation's row, read from its inspections
    again (after one of them left the row)."""
    period, organisation, start, template, status, verdict = key
    conditions = [
        Inspection.organisation_id == organisation,
        Inspection.template_id == template,
        Inspection.status == status,
        sa.func.coalesce(Inspection.verdict, "") == verdict,
        Inspection.score.is_not(None),
        sa.exists().where(Finding.inspection_id == Inspection.id, Finding.severity == CRITICAL),
    ]
    if period != ALL:
        end = start + dt.timedelta(days=1) if period == DAY else _next_month(start)
        conditions += [
            Inspection.submitted_at >= local_midnight(start),
            Inspection.submitted_at < local_midnight(end),
        ]
    latest = sa.select(sa.func.max(Inspection.submitted_at)).where(*conditions).scalar_subquery()
    row = DashboardRollup.__table__.c
    db.session.execute(
        sa.update(DashboardRollup)
        .where(*(row[name] == value for name, value in zip(KEY, key, strict=True)))
        .values(critical_latest=latest)
        .execution_options(synchronize_session=False)
    )


# --- computing them again from scratch -------------------------------------------------------


def tenths_of(score: Any) -> Any:
    """SQL: a score × 10 as an integer (SQLite keeps scores as floating point: rounded)."""
    if db.session.get_bind().dialect.name == "postgresql":
        return sa.cast(score * 10, sa.Integer)
    return sa.cast(sa.func.round(score * 10), sa.Integer)


def _starts(submitted_at: Any) -> dict[str, Any]:
    """SQL: the local day and the month's first day of a UTC time, as dates."""
    if db.session.get_bind().dialect.name == "postgresql":
        local = sa.func.timezone(sa.literal_column("'Asia/Shanghai'"), submitted_at)
        return {
            DAY: sa.cast(local, sa.Date),
            MONTH: sa.cast(sa.func.date_trunc(sa.literal_column("'month'"), local), sa.Date),
        }
    # Asia/Shanghai has kept +08:00 all year since 1991.
    return {
        DAY: sa.func.date(submitted_at, sa.literal_column("'+8 hours'")),
        MONTH: sa.func.date(
            submitted_at, sa.literal_column("'+8 hours'"), sa.literal_column("'start of month'")
        ),
    }


def _scored() -> list[Any]:
    return [
        Inspection.status.in_(SCORED),
        Inspection.score.is_not(None),
        Inspection.submitted_at.is_not(None),
    ]


def rebuild() -> dict[str, int]:
    """Delete the rollups and compute them again from the inspections and findings (in the
    caller's transaction), each level with one INSERT ... SELECT ... GROUP BY, in key order.
    Returns how many rows each table holds then."""
    for model in (DashboardRollup, ClauseRollup, ClauseText):
        db.session.execute(sa.delete(model))
    quoted = db.session.execute(
        sa.select(Finding.clause_key, Finding.document_number, Finding.clause_text, Finding.prompt)
        .join(Inspection, Inspection.id == Finding.inspection_id)
        .where(*_scored())
        .distinct()
    ).all()
    rows = [dict(zip(TEXT_COLUMNS, (variant_of(*q), *q), strict=True)) for q in quoted]
    for at in range(0, len(rows), 500):
        db.session.execute(sa.insert(ClauseText), rows[at : at + 500])
    if db.session.get_bind().dialect.name == "postgresql":
        # Statistics for the joins below, whether or not autovacuum has seen these tables
        # (without them a bulk-loaded database got nested loops: minutes instead of seconds).
        db.session.execute(sa.text("ANALYZE inspections, findings, dashboard_clause_texts"))

    starts = _starts(Inspection.submitted_at)
    critical = (
        sa.select(Finding.inspection_id, sa.func.count().label("n"))
        .where(Finding.severity == CRITICAL)
        .group_by(Finding.inspection_id)
        .subquery()
    )
    tenths = tenths_of(Inspection.score)
    each = (
        sa.select(
            Inspection.organisation_id.label("organisation_id"),
            starts[DAY].label("day"),
            starts[MONTH].label("month"),
            Inspection.template_id.label("template_id"),
            sa.cast(Inspection.status, sa.String(20)).label("status"),
            sa.func.coalesce(Inspection.verdict, "").label("verdict"),
            tenths.label("tenths"),
            sa.func.coalesce(critical.c.n, 0).label("critical"),
            sa.case((critical.c.n > 0, Inspection.submitted_at)).label("critical_at"),
        )
        .outerjoin(critical, critical.c.inspection_id == Inspection.id)
        .where(*_scored())
        .subquery()
    )
    buckets = []
    for _label, low, high in BUCKETS:
        within = [each.c.tenths >= low * 10] if low is not None else []
        within += [each.c.tenths < high * 10] if high is not None else []
        buckets.append(sa.func.sum(sa.case((sa.and_(*within), 1), else_=0)))
    for period, by_organisation in _LEVELS:
        organisation, start, grouped = _level(each, period, by_organisation)
        latest = sa.func.max(each.c.critical_at) if by_organisation else sa.null()
        select = sa.select(
            sa.literal(period, sa.String(5)),
            organisation,
            start,
            each.c.template_id,
            each.c.status,
            each.c.verdict,
            sa.func.count(),
            sa.func.sum(each.c.tenths),
            *buckets,
            sa.func.sum(each.c.critical),
            latest,
        )
        key = [*grouped, each.c.template_id, each.c.status, each.c.verdict]
        select = select.group_by(*key).order_by(*key)  # in key order: an organisation's together
        columns = [*KEY, *COUNTS, "critical_latest"]
        db.session.execute(sa.insert(DashboardRollup).from_select(columns, select))

    earlier = sa.orm.aliased(Finding)
    first = ~sa.exists().where(  # no earlier finding of the inspection on the same clause
        earlier.inspection_id == Finding.inspection_id,
        earlier.clause_key == Finding.clause_key,
        earlier.id < Finding.id,
    )
    text = ClauseText.__table__.c
    quoted_each = (
        sa.select(
            Inspection.organisation_id.label("organisation_id"),
            starts[DAY].label("day"),
            starts[MONTH].label("month"),
            Inspection.template_id.label("template_id"),
            sa.cast(Inspection.status, sa.String(20)).label("status"),
            sa.func.coalesce(Inspection.verdict, "").label("verdict"),
            text.variant.label("variant"),
            text.clause_key.label("clause_key"),
            sa.case((first, 1), else_=0).label("first"),
        )
        .select_from(Finding)
        .join(Inspection, Inspection.id == Finding.inspection_id)
        .join(
            ClauseText,
            sa.and_(
                text.clause_key == Finding.clause_key,
                sa.func.coalesce(text.document_number, "")
                == sa.func.coalesce(Finding.document_number, ""),
                text.document_number.is_(None) == Finding.document_number.is_(None),
                text.clause_text == Finding.clause_text,
                text.prompt == Finding.prompt,
            ),
        )
        .where(*_scored())
        .subquery()
    )
    for period, by_organisation in _LEVELS:
        organisation, start, grouped = _level(quoted_each, period, by_organisation)
        select = sa.select(
            sa.literal(period, sa.String(5)),
            organisation,
            start,
            quoted_each.c.template_id,
            quoted_each.c.status,
            quoted_each.c.verdict,
            quoted_each.c.variant,
            quoted_each.c.clause_key,
            sa.func.sum(quoted_each.c.first),
            sa.func.count(),
        )
        key = [*grouped, *(quoted_each.c[name] for name in ("template_id", "status", "verdict"))]
        key += [quoted_each.c.variant, quoted_each.c.clause_key]
        select = select.group_by(*key).order_by(*key)
        columns = [*KEY, "variant", "clause_key", "inspections", "findings"]
        db.session.execute(sa.insert(ClauseRollup).from_select(columns, select))
    return {
        model.__tablename__: db.session.scalar(sa.select(sa.func.count()).select_from(model))
        for model in (DashboardRollup, ClauseRollup, ClauseText)
    }


_LEVELS = [(period, by) for by in (True, False) for period in (DAY, MONTH, ALL)]


def _level(each: Any, period: str, by_organisation: bool) -> tuple[Any, Any, list[Any]]:
    """(organisation, start, what to group by) of the rows of ``period``, of each
    organisation or of all together, from a subquery of one row per inspection."""
    organisation = (
        each.c.organisation_id if by_organisation else sa.literal(ALL_ORGANISATIONS, sa.Integer)
    )
    grouped = [each.c.organisation_id] if by_organisation else []
    if period == ALL:
        return organisation, sa.literal(ALL_TIME, sa.Date), grouped
    start = each.c.day if period == DAY else each.c.month
    return organisation, start, [*grouped, start]
