"""Deadlines the official way, with the years an administrator loaded (service layer around the
pure ``inspections.workdays``)."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from flask import current_app
from flask_babel import gettext as _

from checklists.accounts.models import User
from checklists.authoring.models import TemplateItem
from checklists.core.db import utcnow
from checklists.core.errors import InputError
from checklists.core.extensions import db
from inspections.findings import notify, workdays
from inspections.findings.models import ACTIVE, CalendarYear, Finding, FindingEvent

UNITS = tuple(unit.value for unit in workdays.Unit)
#: A deadline's unit after its number, in Chinese: 5个工作日, 15日, 1个月, 1年, 24小时.
UNIT_WORDS = {
    "working_day": "个工作日",
    "day": "日",
    "hour": "小时",
    "month": "个月",
    "year": "年",
}


def words(n: int, unit: str) -> str:
    """A deadline in Chinese: 1个月."""
    return f"{n}{UNIT_WORDS.get(unit, unit)}"


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
    """What a deadline counts from: the day (not counted) for working days, days, months and
    years, the moment itself for hours (民法典 第201条)."""
    return moment if unit == workdays.Unit.HOUR else day


def default_for(severity: str) -> tuple[int, str]:
    """(N, unit) of a new finding's deadline, from FINDING_DEADLINES."""
    for part in current_app.config["FINDING_DEADLINES"].split(","):
        name, _sep, rest = part.strip().partition(":")
        n, _sep, unit = rest.partition(":")
        if name == severity and n.strip().isdecimal() and unit.strip() in UNITS:
            return int(n), unit.strip()
    return 15, workdays.Unit.DAY.value


def clause_fix(item: TemplateItem) -> tuple[int, str] | None:
    """(N, unit) of the time to put a failure of ``item`` right that its clause states
    (``fix_n``/``fix_unit``), or None when it states none (or something unusable)."""
    n, unit = item.fix_n, item.fix_unit
    if unit not in UNITS or not isinstance(n, int) or not 1 <= n <= workdays.MAX_N[unit]:
        return None
    return n, unit


def clause_basis(item: TemplateItem, n: int, unit: str) -> str:
    """Why a finding of ``item`` is due then: the clause's words (``fix_span``) and where they
    stand. ``fix_span`` quotes the item's own clause, or, when another clause governs the
    consequence, is written ``<citation>：<words>`` (冠政发〔2016〕109号 四（二）：未通过验收的
    限期一个月整改)."""
    span = " ".join((item.fix_span or "").split())
    source, quoted = item.citation, span
    if span and span not in " ".join((item.clause_text or "").split()):
        head, sep, rest = span.partition("：")
        if sep and head and rest:
            source, quoted = head.strip(), rest.strip()
    said = f"：“{quoted}”" if quoted else ""
    return (
        f"整改期限依据{source}{said}，为{words(n, unit)}（条款规定的整改期限，"
        "不适用按严重程度的默认期限）。"
    )


def for_item(item: TemplateItem) -> tuple[int, str, str]:
    """(N, unit, basis) of a new finding's deadline: the time its clause states to put it
    right, with the clause's words as the basis; else the severity's default (no basis)."""
    fix = clause_fix(item)
    if fix is not None:
        return fix[0], fix[1], clause_basis(item, *fix)
    return (*default_for(str(item.severity)), "")


def basis_of(finding: Finding) -> str:
    """The basis stored before a finding's computed explanation (see ``apply``)."""
    text = finding.deadline_explanation or ""
    start = finding.deadline_start
    at = text.find(f"自{workdays.cn_date(start)}") if start else -1
    return text[:at] if at > 0 else ""


def parse_count(raw: object, unit: str) -> int:
    """N of a deadline from a form or JSON, or InputError naming the field."""
    try:
        n = int(str(raw).strip())
    except ValueError:
        n = 0
    limit = workdays.MAX_N.get(unit, workdays.MAX_N["day"])
    if not 1 <= n <= limit:
        raise InputError({"n": _("A whole number from 1 to %(limit)d.", limit=limit)})
    return n


def parse_unit(raw: object) -> str:
    unit = str(raw or "").strip()
    if unit not in UNITS:
        raise InputError({"unit": _("One of: %(allowed)s.", allowed=", ".join(UNITS))})
    return unit


def apply(
    finding: Finding,
    start: dt.date,
    n: int,
    unit: str,
    result: workdays.Deadline,
    basis: str = "",
) -> None:
    """Store a computed deadline on ``finding``; ``basis`` (why this N and unit: the clause's
    words) goes before the calendar's explanation."""
    finding.deadline_start = start
    finding.deadline_n = n
    finding.deadline_unit = unit
    finding.due_on = result.due_on
    # In UTC: SQLite keeps no offset, and every other time in the database is UTC.
    finding.due_at = result.due_at.astimezone(dt.UTC) if result.due_at else None
    finding.deadline_provisional = result.provisional
    finding.deadline_explanation = basis + result.explanation
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
        basis = basis_of(finding)
        apply(finding, start, finding.deadline_n, finding.deadline_unit, result, basis)
        finding.events.append(
            FindingEvent(
                kind="recomputed",
                actor_id=user.id if user else None,
                text=finding.deadline_explanation,
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
