"""Deadlines the official way, with the years an administrator loaded (service layer around the
pure ``inspections.workdays``)."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from flask import current_app
from flask_babel import gettext as _

from checklists.accounts.models import User
from checklists.core.db import utcnow
from checklists.core.errors import InputError
from checklists.core.extensions import db
from inspections.findings import notify, workdays
from inspections.findings.models import ACTIVE, CalendarYear, Finding, FindingEvent

UNITS = tuple(unit.value for unit in workdays.Unit)


def official_calendar() -> workdays.OfficialCalendar:
    """The bundled calendar plus every year loaded by an administrator."""
    rules = [
        workdays.YearRule(
            row.year,
            holidays=frozenset(dt.date.fromisoformat(d) for d in row.holidays),
            workdays=frozenset(dt.date.fromisoformat(d) for d in row.workdays),
        )
        for row in db.session.scalars(sa.select(CalendarYear))
    ]
    return workdays.OfficialCalendar(rules)


def compute(
    start: dt.date | dt.datetime,
    n: int,
    unit: str,
    calendar: workdays.OfficialCalendar | None = None,
) -> workdays.Deadline:
    try:
        return workdays.deadline(start, n, unit, calendar or official_calendar())
    except OverflowError:  # past 9999-12-31 (or before year 1): no such day to be due on
        raise InputError(
            {"start": _("The deadline would fall outside the years 1 to 9999.")}
        ) from None


def start_of(unit: str, day: dt.date, moment: dt.datetime) -> dt.date | dt.datetime:
    """What a deadline counts from: the day (not counted) for days and working days, the
    moment itself for hours (民法典 第201条)."""
    return moment if unit == workdays.Unit.HOUR else day


def default_for(severity: str) -> tuple[int, str]:
    """(N, unit) of a new finding's deadline, from FINDING_DEADLINES."""
    for part in current_app.config["FINDING_DEADLINES"].split(","):
        name, _sep, rest = part.strip().partition(":")
        n, _sep, unit = rest.partition(":")
        if name == severity and n.strip().isdigit() and unit.strip() in UNITS:
            return int(n), unit.strip()
    return 15, workdays.Unit.DAY.value


def parse_count(raw: object, unit: str) -> int:
    """N of a deadline from a form or JSON, or InputError naming the field."""
    try:
        n = int(str(raw).strip())
    except ValueError:
        n = 0
    limit = 8760 if unit == workdays.Unit.HOUR else 3650
    if not 1 <= n <= limit:
        raise InputError({"n": _("A whole number from 1 to %(limit)d.", limit=limit)})
    return n


def parse_unit(raw: object) -> str:
    unit = str(raw or "").strip()
    if unit not in UNITS:
        raise InputError({"unit": _("One of: %(allowed)s.", allowed=", ".join(UNITS))})
    return unit


def apply(finding: Finding, start: dt.date, n: int, unit: str, result: workdays.Deadline) -> None:
    """Store a computed deadline on ``finding``."""
    finding.deadline_start = start
    finding.deadline_n = n
    finding.deadline_unit = unit
    finding.due_on = result.due_on
    # In UTC: SQLite keeps no offset, and every other time in the database is UTC.
    finding.due_at = result.due_at.astimezone(dt.UTC) if result.due_at else None
    finding.deadline_provisional = result.provisional
    finding.deadline_explanation = result.explanation
    finding.overdue_since = None


def load_year(year: int, holidays_text: str, workdays_text: str, user: User | None) -> int:
    """Store a year's holidays and make-up working days, then recompute every provisional
    deadline; returns how many deadlines changed. Bad input raises InputError."""
    errors: dict[str, str] = {}
    if not 2000 <= year <= 2100:
        errors["year"] = _("A year from 2000 to 2100.")
    lists: dict[str, list[dt.date]] = {}
    for name, text in (("holidays", holidays_text), ("workdays", workdays_text)):
        try:
            lists[name] = workdays.parse_days(text or "")
        except ValueError as exc:
            errors[name] = str(exc)
            continue
        strays = [d.isoformat() for d in lists[name] if d.year != year]
        if strays:
            errors[name] = _("Not in %(year)d: %(days)s", year=year, days=", ".join(strays[:5]))
    if not errors and not lists["holidays"]:
        errors["holidays"] = _("List the year's holidays.")
    both = set(lists.get("holidays", [])) & set(lists.get("workdays", []))
    if both:
        errors["workdays"] = _(
            "Both a holiday and a working day: %(days)s",
            days=", ".join(sorted(d.isoformat() for d in both)[:5]),
        )
    if errors:
        raise InputError(errors)
    row = db.session.get(CalendarYear, year) or CalendarYear(year=year)
    row.holidays = [d.isoformat() for d in lists["holidays"]]
    row.workdays = [d.isoformat() for d in lists["workdays"]]
    row.loaded_by_id = user.id if user else None
    row.loaded_at = utcnow()
    db.session.add(row)
    db.session.flush()
    return recompute_provisional(user)


def recompute_provisional(user: User | None) -> int:
    """Recompute the deadlines that were provisional; returns how many due dates moved (each
    move is recorded on the finding and its enterprise told)."""
    calendar = official_calendar()
    moved = 0
    pending = db.session.scalars(
        sa.select(Finding).where(Finding.deadline_provisional, Finding.status.in_(ACTIVE))
    )
    for finding in pending:
        before = finding.due_on
        start = finding.deadline_start
        result = compute(start, finding.deadline_n, finding.deadline_unit, calendar)
        if result.provisional and result.due_on == before:
            continue
        apply(finding, start, finding.deadline_n, finding.deadline_unit, result)
        finding.events.append(
            FindingEvent(
                kind="recomputed",
                actor_id=user.id if user else None,
                text=result.explanation,
                data={
                    "due_on": [before.isoformat(), result.due_on.isoformat()],
                    "provisional": result.provisional,
                },
            )
        )
        if result.due_on != before:
            moved += 1
            notify.enterprise(
                finding,
                "deadline",
                _(
                    "The deadline of finding %(n)s moved from %(before)s to %(after)s "
                    "(the official calendar for the year was loaded).",
                    n=finding.id,
                    before=before.isoformat(),
                    after=result.due_on.isoformat(),
                ),
            )
    db.session.flush()
    return moved
