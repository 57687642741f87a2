"""The dashboard read from its rollups gives what the inspections and findings themselves give
(``dashboard.build`` == ``dashboard.build_live``), for several readers and filters, on random
inspections taken through the real workflow (submitted, returned, submitted again, approved)
across months; the rollups kept by the workflow equal those ``rebuild`` and the migration's
backfill compute; an organisation that moves takes its figures to its new region."""

from __future__ import annotations

import datetime as dt
import importlib.util
import random
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.migration import MigrationContext
from alembic.operations import Operations

from checklists.accounts.models import Organisation, OrgKind, Region, RegionLevel, Role, User
from checklists.authoring import operations as builder
from checklists.authoring.models import ChecklistTemplate
from checklists.core.extensions import db
from checklists.scoring import RuleError
from checklists.standards.models import Clause, Document
from inspections.filling import workflow
from inspections.filling.models import Inspection, InspectionStatus
from inspections.findings.models import Finding
from inspections.review import dashboard, rollups
from inspections.review.queue import Filters
from tests.conftest import built_once, import_gazettes

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 11, 21)
#: Submissions fall between these (UTC): 14 months, so that months and a year's turn count.
EARLIEST = dt.datetime(2025, 9, 20, tzinfo=dt.UTC)
SEVERITIES = ("critical", "major", "minor", "critical", "major", "minor")


def _clauses() -> list[Clause]:
    import_gazettes()
    return _current_clauses()


def _current_clauses() -> list[Clause]:
    return [
        c
        for c in db.session.scalars(
            sa.select(Clause)
            .join(Document)
            .where(Document.is_current, sa.not_(Clause.is_table))
            .order_by(Clause.document_id, Clause.position)
        )
        if len(c.text) >= 20
    ]


def _template(name: str, clauses: list[Clause], rng: random.Random, size: int = 6):
    """A published template of ``size`` yes/no items with random weights; two items cite the
    same clause (one key, two prompts)."""
    template = builder.create_template(name, None)
    section = builder.add_section(template, "一")
    picked = [*clauses[:size]]
    picked[-1] = picked[0]  # the last item cites the first item's clause too
    for n, clause in enumerate(picked):
        try:
            item = builder.add_item(section, clause)
        except RuleError:
            continue
        builder.update_item(
            item,
            {
                "prompt": f"{name} 第{n + 1}项",
                "answer_type": "yes_no",
                "rule": {},
                "severity": SEVERITIES[n % len(SEVERITIES)],
                "weight": str(rng.randint(1, 9)),
                "na_allowed": True,
                "required": True,
                "scored": True,
                "valid_from": item.valid_from,
                "valid_to": item.valid_to,
            },
        )
    builder.confirm_items(template, [i.id for i in template.ordered_items()], None)
    builder.publish(template, None)
    db.session.commit()
    return template


class Clock:
    """Submits at a chosen moment (``workflow.utcnow`` says it meanwhile)."""

    def submit(self, inspection: Inspection, moment: dt.datetime) -> None:
        real = workflow.utcnow
        workflow.utcnow = lambda: moment
        try:
            workflow.submit(inspection, None, TODAY)
        finally:
            workflow.utcnow = real
        db.session.commit()


def _fill(inspection: Inspection, rng: random.Random, failing: float) -> None:
    for item in inspection.template.ordered_items():
        roll = rng.random()
        value = "no" if roll < failing else "na" if roll > 0.93 else "yes"
        workflow.save_answer(inspection, item.id, value, None)


def _moment(rng: random.Random) -> dt.datetime:
    """A random submission time; often just around a local midnight (16:00 UTC)."""
    day = EARLIEST + dt.timedelta(days=rng.randint(0, 420))
    if rng.random() < 0.3:
        return day.replace(hour=15, minute=59) + dt.timedelta(minutes=rng.choice((0, 1, 2)))
    return day + dt.timedelta(seconds=rng.randint(0, 86_399))


def _build_city() -> dict:
    """Regions (a county with townships, another county), organisations in them (and one in
    none), three templates (one in two versions) and about 90 inspections in every status,
    with returns, resubmissions and approvals, taken through the workflow at chosen moments.
    Returns the ids."""
    clauses = _clauses()  # first, in the empty database: the run's gazettes written back
    rng = random.Random(24)
    guan = Region(name="冠县", level=RegionLevel.COUNTY)
    qingquan = Region(name="清泉街道", level=RegionLevel.TOWNSHIP, parent=guan)
    chongwen = Region(name="崇文街道", level=RegionLevel.TOWNSHIP, parent=guan)
    linzi = Region(name="临淄区", level=RegionLevel.COUNTY)
    places = (qingquan, qingquan, chongwen, guan, linzi, linzi, None)
    names = ("鑫源煤业", "Alpha 物流", "beta 配送", "冠县直属", "临淄一厂", "临淄二厂", "无区域")
    orgs = [
        Organisation(name=name, kind=OrgKind.ENTERPRISE, region=region)
        for name, region in zip(names, places, strict=True)
    ]
    users = {
        "admin": User(username="admin", role=Role.ADMIN),
        "all": User(username="sup-all", role=Role.SUPERVISOR),
        "county": User(username="sup-guan", role=Role.SUPERVISOR, region=guan),
        "township": User(username="sup-qq", role=Role.SUPERVISOR, region=qingquan),
        "linzi": User(username="sup-lz", role=Role.SUPERVISOR, region=linzi),
        "enterprise": User(username="ent", role=Role.ENTERPRISE, organisation=orgs[0]),
        "inspector": User(username="insp", role=Role.INSPECTOR),
    }
    for user in users.values():
        user.set_password("correct-horse-9")
    db.session.add_all([guan, qingquan, chongwen, linzi, *orgs, *users.values()])
    db.session.commit()
    first = _template("煤炭检查", clauses[:10], rng)
    second = _template("Beta 检查", clauses[3:13], rng)
    third = _template("alpha 检查", clauses[6:16], rng, size=4)
    clock = Clock()
    made: list[Inspection] = []
    supervisor = users["all"]

    def inspect(template, count: int) -> None:
        for _n in range(count):
            org = rng.choice(orgs)
            inspection, _created = workflow.create_inspection(
                template,
                org,
                None,
                planned_on=TODAY - dt.timedelta(days=rng.randint(-5, 40)),
                basis_override="测试",
            )
            made.append(inspection)
            fate = rng.random()
            if fate < 0.1:  # planned, nothing answered
                db.session.commit()
                continue
            _fill(inspection, rng, rng.choice((0.0, 0.1, 0.3, 0.6)))
            if fate < 0.18:  # in progress
                db.session.commit()
                continue
            clock.submit(inspection, _moment(rng))
            if fate < 0.5:
                continue  # stays submitted
            if fate < 0.75:
                workflow.return_for_correction(inspection, supervisor, "请更正")
                db.session.commit()
                if fate < 0.6:
                    continue  # stays returned
                _fill(inspection, rng, rng.choice((0.0, 0.2)))
                clock.submit(inspection, _moment(rng))
                if fate < 0.68:
                    continue
            workflow.approve(inspection, supervisor, "")
            workflow.approve(inspection, supervisor, "")  # again: changes nothing
            db.session.commit()

    inspect(first, 30)
    inspect(second, 25)
    inspect(third, 10)
    newer = builder.new_version(first, None)
    builder.publish(newer, None)
    db.session.commit()
    inspect(newer, 25)
    statuses = {str(i.status) for i in made}
    assert statuses == {str(s) for s in InspectionStatus}, statuses
    return {
        "regions": {
            "guan": guan.id,
            "qingquan": qingquan.id,
            "chongwen": chongwen.id,
            "linzi": linzi.id,
        },
        "orgs": [o.id for o in orgs],
        "templates": [t.id for t in (first, second, third, newer)],
        "users": {name: user.id for name, user in users.items()},
    }


@pytest.fixture
def city(app_ctx) -> dict:
    """``_build_city``'s world (built once a run, its rows written back after that)."""
    ids = built_once("dashboard-rollups-city", _build_city)
    return {
        "regions": {k: db.session.get(Region, v) for k, v in ids["regions"].items()},
        "orgs": [db.session.get(Organisation, i) for i in ids["orgs"]],
        "templates": [db.session.get(ChecklistTemplate, i) for i in ids["templates"]],
        "users": {k: db.session.get(User, v) for k, v in ids["users"].items()},
    }


def _filters(city, rng: random.Random) -> list[Filters]:
    regions = city["regions"]
    orgs = city["orgs"]
    first = city["templates"][0]
    fixed = [
        Filters(),
        Filters(date_from=dt.date(2026, 1, 1), date_to=dt.date(2026, 3, 31)),  # whole months
        Filters(date_from=dt.date(2025, 12, 17), date_to=dt.date(2026, 2, 3)),  # ends in days
        Filters(date_from=dt.date(2026, 2, 10), date_to=dt.date(2026, 2, 20)),  # within a month
        Filters(date_from=dt.date(2026, 4, 1)),  # open-ended
        Filters(date_to=dt.date(2026, 5, 15)),
        Filters(date_from=dt.date.min, date_to=dt.date.max),  # the calendar's ends
        Filters(date_from=dt.date(2099, 1, 1)),  # nothing
        Filters(region_id=regions["guan"].id),
        Filters(region_id=regions["qingquan"].id),
        Filters(region_id=0),
        Filters(organisation_id=orgs[0].id),
        Filters(organisation_id=orgs[-1].id),  # of no region
        Filters(organisation_id=0),
        Filters(lineage=first.lineage),
        Filters(lineage="nonesuch"),
        Filters(status="submitted"),
        Filters(status="approved"),
        Filters(status="returned"),
        Filters(verdict="pass"),
        Filters(verdict="fail"),
        Filters(
            date_from=dt.date(2025, 11, 2),
            date_to=dt.date(2026, 8, 30),
            region_id=regions["guan"].id,
            lineage=first.lineage,
            verdict="pass",
            status="approved",
        ),
    ]
    for _n in range(12):
        start = dt.date(2025, 9, 1) + dt.timedelta(days=rng.randint(0, 430))
        fixed.append(
            Filters(
                date_from=start if rng.random() < 0.7 else None,
                date_to=start + dt.timedelta(days=rng.randint(0, 200))
                if rng.random() < 0.7
                else None,
                region_id=rng.choice([None, None, *(r.id for r in regions.values())]),
                organisation_id=rng.choice([None, None, None, *(o.id for o in orgs)]),
                lineage=rng.choice([None, None, *(t.lineage for t in city["templates"])]),
                verdict=rng.choice([None, None, "pass", "fail"]),
                status=rng.choice([None, None, "submitted", "approved"]),
            )
        )
    return fixed


def _assert_same(city, names=None, every: int = 1) -> int:
    """Compare for each reader (of ``names``) and filters (every ``every``-th); how many
    comparisons had inspections to count."""
    compared = 0
    for name, user in city["users"].items():
        if names and name not in names:
            continue
        for filters in _filters(city, random.Random(7))[::every]:
            live = dashboard.build_live(user, filters, TODAY)
            assert dashboard.build(user, filters, TODAY) == live, (name, filters)
            compared += bool(live.count)
    return compared


def _rollup_rows() -> dict[str, set]:
    """Each table's rows; of the clause quotes, those a clause row reads (the workflow never
    deletes a quote, ``rollups.ClauseText``: one no scored inspection uses any more may stay)."""
    used = sa.select(rollups.ClauseRollup.variant)
    text = rollups.ClauseText.__table__
    return {
        model.__tablename__: {
            tuple(row) for row in db.session.execute(sa.select(*model.__table__.c)).all()
        }
        for model in (rollups.DashboardRollup, rollups.ClauseRollup)
    } | {
        text.name: {
            tuple(row)
            for row in db.session.execute(sa.select(*text.c).where(text.c.variant.in_(used)))
        }
    }


def _quotes() -> set:
    return set(db.session.scalars(sa.select(rollups.ClauseText.variant)))


def test_the_rollups_give_what_the_inspections_give(city):
    admin = city["users"]["admin"]
    everything = dashboard.build_live(admin, Filters(), TODAY)
    assert everything.count > 40 and len(everything.months) >= 12
    assert everything.failed_clauses and everything.critical and everything.by_region
    assert any(n > 1 for _name, _avg, n in everything.by_template)
    # Many comparisons with something to compare, and the scopes do narrow.
    compared = _assert_same(city, names={"admin", "county"})
    compared += _assert_same(city, names={"all", "township", "linzi", "enterprise"}, every=2)
    compared += _assert_same(city, names={"inspector"}, every=5)  # read live: the same code
    assert compared > 60
    county = dashboard.build(city["users"]["county"], Filters(), TODAY)
    assert 0 < county.count < everything.count


def test_rebuild_and_the_migration_compute_what_the_workflow_kept(city):
    kept, quotes = _rollup_rows(), _quotes()
    assert all(kept.values())
    written = rollups.rebuild()
    assert _rollup_rows() == kept
    assert written == {name: len(rows) for name, rows in kept.items()}
    assert _quotes() <= quotes  # rebuilt: the quotes in use only
    # The migration's backfill, on the same data.
    path = next((ROOT / "checklists/migrations/versions").glob("*_dashboard_rollups.py"))
    spec = importlib.util.spec_from_file_location("dashboard_rollups_migration", path)
    migration = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(migration)
    for model in (rollups.DashboardRollup, rollups.ClauseRollup, rollups.ClauseText):
        db.session.execute(sa.delete(model))
    with Operations.context(MigrationContext.configure(db.session.connection())):
        migration._backfill()
    assert _rollup_rows() == kept
    db.session.rollback()


def test_an_organisation_that_moves_takes_its_figures_along(city):
    regions, orgs, users = city["regions"], city["orgs"], city["users"]
    moving = next(
        o
        for o in orgs
        if o.region_id == regions["qingquan"].id
        and dashboard.build_live(users["admin"], Filters(organisation_id=o.id), TODAY).count
    )
    own = dashboard.build(users["admin"], Filters(organisation_id=moving.id), TODAY)

    def figures():
        by_region = dict(
            (name, n)
            for name, _avg, n in dashboard.build(users["admin"], Filters(), TODAY).by_region
        )
        seen = {
            who: dashboard.build(users[who], Filters(), TODAY).count
            for who in ("county", "township", "linzi")
        }
        return by_region, seen

    by_region, seen = figures()
    moving.region_id = regions["linzi"].id
    db.session.commit()
    moved_by_region, moved_seen = figures()
    assert moved_by_region["冠县"] == by_region["冠县"] - own.count
    assert moved_by_region["临淄区"] == by_region["临淄区"] + own.count
    assert moved_seen == {
        "county": seen["county"] - own.count,
        "township": seen["township"] - own.count,
        "linzi": seen["linzi"] + own.count,
    }
    assert _assert_same(city, names={"admin", "county", "linzi"}, every=3)


def test_return_and_approval_move_an_inspection_between_rows(city):
    admin = city["users"]["admin"]
    submitted = db.session.scalar(
        sa.select(Inspection)
        .where(Inspection.status == InspectionStatus.SUBMITTED)
        .order_by(Inspection.id)
        .limit(1)
    )
    before = dashboard.build(admin, Filters(), TODAY)
    workflow.return_for_correction(submitted, admin, "再看看")
    db.session.commit()
    after = dashboard.build(admin, Filters(), TODAY)
    assert after.count == before.count - 1
    assert after == dashboard.build_live(admin, Filters(), TODAY)
    # No row is left at zero.
    empty = db.session.scalar(
        sa.select(sa.func.count()).where(rollups.DashboardRollup.inspections == 0)
    )
    assert empty == 0


def test_pieces_cover_the_days_with_months_and_days():
    day, month = rollups.DAY, rollups.MONTH
    assert rollups.pieces(None, None) == [(rollups.ALL, None, None)]
    assert rollups.pieces(dt.date(2026, 1, 1), dt.date(2026, 3, 31)) == [
        (month, dt.date(2026, 1, 1), dt.date(2026, 3, 1))
    ]
    assert rollups.pieces(dt.date(2025, 12, 17), dt.date(2026, 2, 3)) == [
        (month, dt.date(2026, 1, 1), dt.date(2026, 1, 1)),
        (day, dt.date(2025, 12, 17), dt.date(2025, 12, 31)),
        (day, dt.date(2026, 2, 1), dt.date(2026, 2, 3)),
    ]
    assert rollups.pieces(dt.date(2026, 2, 10), dt.date(2026, 2, 20)) == [
        (day, dt.date(2026, 2, 10), dt.date(2026, 2, 20))
    ]
    assert rollups.pieces(dt.date(2026, 2, 10), None) == [
        (month, dt.date(2026, 3, 1), None),
        (day, dt.date(2026, 2, 10), dt.date(2026, 2, 28)),
    ]
    assert rollups.pieces(None, dt.date(2024, 2, 28)) == [
        (month, None, dt.date(2024, 1, 1)),
        (day, dt.date(2024, 2, 1), dt.date(2024, 2, 28)),
    ]
    assert rollups.pieces(dt.date(9999, 12, 5), None) == [(day, dt.date(9999, 12, 5), None)]
    assert rollups.pieces(None, dt.date(1, 1, 5)) == [(day, None, dt.date(1, 1, 5))]
    # Every day once, whatever the range.
    rng = random.Random(3)
    for _n in range(300):
        first = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randint(0, 800))
        last = first + dt.timedelta(days=rng.randint(0, 400))
        covered = [d for piece in rollups.pieces(first, last) for d in _days_of(*piece)]
        assert covered and sorted(covered) == _days_of(day, first, last)


def _days_of(period: str, low: dt.date, high: dt.date) -> list[dt.date]:
    if period == rollups.DAY:
        return [low + dt.timedelta(days=k) for k in range((high - low).days + 1)]
    days, month = [], low
    while month <= high:
        following = rollups._next_month(month)
        days += [month + dt.timedelta(days=k) for k in range((following - month).days)]
        month = following
    return days


def test_variant_digest_is_stable():
    assert rollups.variant_of("k", None, "t", "p") != rollups.variant_of("k", "", "t", "p")
    assert len(rollups.variant_of("冠政发/一", "冠政发〔2016〕109号", "文", "问")) == 32
    assert rollups.variant_of("a", "b", "c", "d") == rollups.variant_of("a", "b", "c", "d")


def test_a_quote_no_scored_inspection_uses_any_more_stays_and_changes_nothing(city):
    """A returned inspection takes its findings' counts out of the rollups but not their quotes
    (``rollups.ClauseText``: a concurrent decision may be adding a row that reads one). The
    figures stay those of the inspections, and a rebuild keeps only the quotes in use."""
    admin, org = city["users"]["admin"], city["orgs"][0]
    template = _template("gamma 新版", _current_clauses()[6:], random.Random(7), size=3)
    inspection, _created = workflow.create_inspection(template, org, None)
    for item in template.ordered_items():
        workflow.save_answer(inspection, item.id, "no", None)
    Clock().submit(inspection, EARLIEST + dt.timedelta(days=3, hours=2))
    findings = db.session.scalars(sa.select(Finding).where(Finding.inspection_id == inspection.id))
    own = {
        rollups.variant_of(f.clause_key, f.document_number, f.clause_text, f.prompt)
        for f in findings
    }
    assert own and own <= _quotes()  # the new prompts: quotes of this inspection alone
    workflow.return_for_correction(inspection, admin, "再看看")
    db.session.commit()
    assert own <= _quotes()  # kept, though no clause row reads them
    assert dashboard.build(admin, Filters(), TODAY) == dashboard.build_live(admin, Filters(), TODAY)
    kept = _rollup_rows()
    rollups.rebuild()
    assert _rollup_rows() == kept and not own & _quotes()
    db.session.rollback()
