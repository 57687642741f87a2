"""Credit entries: who sees them, making one (with its clause and the check that its document
is in force), and its steps in the order the documents set, each with its deadline.

Checks come in the contract's order: the caller must see the entry (404), may take the step
(403), the entry must wait for it (409, naming the step due first), then the values (422). A
step sent again (the same ``client_id``, or the same content as the entry's last step) answers
the stored one.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa
from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _

from checklists.accounts import notifications
from checklists.accounts.models import Organisation, Role, User
from checklists.accounts.permissions import visible_organisations
from checklists.core import audit
from checklists.core.errors import Conflict, InputError
from checklists.core.extensions import db
from checklists.standards.models import Clause, Document
from inspections.credit import deposits, regime, terms
from inspections.credit.models import ON_LIST, CreditEntry, CreditEvent, CreditKind, CreditStatus
from inspections.credit.regime import OUTCOMES, STEPS, Step
from inspections.findings import deadlines
from inspections.supervision.operations import next_number

MAX_TEXT = 5000
MAX_CHANNEL = 200


# --- who sees and does what -----------------------------------------------------------------


def visible_entries(user: User) -> sa.Select[tuple[CreditEntry]]:
    """An administrator all; a supervisor those of the organisations in their region; an
    enterprise its own organisation's; inspectors and authors none."""
    query = sa.select(CreditEntry)
    if user.role == Role.ADMIN or (user.role == Role.SUPERVISOR and user.region is None):
        return query
    if user.role in (Role.SUPERVISOR, Role.ENTERPRISE):
        orgs = visible_organisations(user).with_only_columns(Organisation.id)
        return query.where(CreditEntry.organisation_id.in_(orgs))
    return query.where(sa.false())


def can_create(user: User) -> bool:
    return user.role in (Role.SUPERVISOR, Role.ADMIN)


def can_take(user: User, step: Step) -> bool:
    if user.role in (Role.SUPERVISOR, Role.ADMIN):
        return True
    return step.side == regime.EITHER and user.role == Role.ENTERPRISE


def checked(user: User, entry_id: int, step: str | None = None):
    """(entry, 200), (entry, 403) or (None, 404); an unknown step is a 404 as well."""
    found = db.session.scalar(visible_entries(user).where(CreditEntry.id == entry_id))
    if found is None or (step is not None and step not in STEPS):
        return None, 404
    if step is not None and not can_take(user, STEPS[step]):
        return found, 403
    return found, 200


def steps_for(user: User, entry: CreditEntry) -> list[Step]:
    """The steps ``user`` may take on ``entry`` now."""
    return [step for step in STEPS.values() if is_open(entry, step) and can_take(user, step)]


def is_open(entry: CreditEntry, step: Step) -> bool:
    """Whether ``entry`` waits for ``step`` now: its status is one the step starts from, a step
    taken once is not taken yet, and the step belongs to the entry's list (the report to the
    office is the 黑名单's own, 第五条（三）)."""
    once = regime.ONCE.get(step.name)
    return (
        entry.status in step.starts
        and not (once and getattr(entry, once))
        and (step.name != "submit" or "submit" in regime.BASES[entry.kind].articles)
        and (step.name != "publish_removal" or entry.removed_on is not None)
    )


def lock(entry: CreditEntry) -> None:
    """Serialise steps on one entry (PostgreSQL: a row lock; SQLite writes one at a time)."""
    if db.session.get_bind().dialect.name == "postgresql":
        db.session.execute(
            sa.select(CreditEntry.id).where(CreditEntry.id == entry.id).with_for_update()
        )
        db.session.refresh(entry)


# --- the clause and the document's reach -----------------------------------------------------


def current_clause(kind: CreditKind, article: str) -> Clause | None:
    key = regime.clause_key(kind, article)
    return db.session.scalar(
        sa.select(Clause).join(Document).where(Document.is_current, Clause.key == key).limit(1)
    )


def document_problem(kind: CreditKind, day: dt.date) -> str | None:
    """Why the kind's document is not in force on ``day`` (None: it is, or was not imported)."""
    number = regime.BASES[kind].document_number
    document = db.session.scalar(
        sa.select(Document)
        .where(Document.number == number, Document.is_current)
        .order_by(Document.id)
        .limit(1)
    )
    if document is not None and not document.in_force_on(day):
        return _("%(number)s is not in force on %(day)s.", number=number, day=day.isoformat())
    return None


def region_problem(kind: CreditKind, organisation: Organisation) -> str | None:
    """Why ``organisation`` lies outside SUPERVISION_REGION, for a kind whose document governs
    one region (None: inside, no region set, or a kind not limited to it)."""
    region_name = current_app.config.get("SUPERVISION_REGION") or ""
    if not region_name or not regime.BASES[kind].regional:
        return None
    names, region = [], organisation.region
    while region is not None and len(names) < 10:
        names.append(region.name)
        region = region.parent
    if region_name in names:
        return None
    return _(
        "%(org)s is not in %(region)s, where %(number)s applies.",
        org=organisation.name,
        region=region_name,
        number=regime.BASES[kind].document_number,
    )


def check_reach(kind: CreditKind, organisation: Organisation, day: dt.date, override: Any) -> str:
    """The override's text ("" when the document reaches the organisation on ``day``); a 409
    ``regime_not_applicable`` when it does not and no reason was given."""
    problem = region_problem(kind, organisation) or document_problem(kind, day)
    reason = override.strip() if isinstance(override, str) else ""
    if problem is None:
        return ""
    if not reason:
        raise Conflict(
            "regime_not_applicable",
            problem + " " + _("Give the reason it applies all the same (override)."),
        )
    return reason


# --- making an entry --------------------------------------------------------------------------


def _stored(message) -> str:
    with force_locale(current_app.config["BABEL_DEFAULT_LOCALE"]):
        return message()


def _text(raw: Any, name: str, errors: dict[str, str], *, required: bool, limit=MAX_TEXT) -> str:
    text = raw.strip() if isinstance(raw, str) else ""
    if required and not text:
        errors[name] = _("This field is required.")
    elif len(text) > limit:
        errors[name] = _("At most %(n)d characters.", n=limit)
    return text


def find_by_client_id(client_id: str | None) -> CreditEntry | None:
    if client_id is None:
        return None
    return db.session.scalar(sa.select(CreditEntry).where(CreditEntry.client_id == client_id))


def create(
    user: User,
    *,
    today: dt.date,
    organisation_id: int,
    kind: CreditKind,
    case: terms.Case | None = None,
    reason: Any = None,
    term_years: int | None = None,
    client_id: str,
    override: Any = None,
    qualification_id: int | None = None,
) -> tuple[CreditEntry, bool]:
    """Propose an entry (第五条（一）): the organisation, the kind and case, the reason, the
    clause it rests on copied as it reads. The same ``client_id`` again returns it and False."""
    request = {
        k: (v.value if hasattr(v, "value") else v)
        for k, v in {
            "organisation_id": organisation_id,
            "kind": kind,
            "case": case,
            "reason": reason,
            "term_years": term_years,
            "override": override,
        }.items()
        if v not in (None, "")
    }
    stored = find_by_client_id(client_id)
    if stored is not None:
        first = stored.events[0] if stored.events else None
        if first is None or first.data.get("request") != request:
            raise Conflict("id_reused", _("This client_id was used for another entry."))
        return stored, False
    errors: dict[str, str] = {}
    organisation = db.session.scalar(
        visible_organisations(user).where(Organisation.id == organisation_id)
    )
    if organisation is None:
        errors["organisation_id"] = _("No such organisation.")
    allowed = regime.KIND_CASES[kind]
    case = case or allowed[0]
    if case not in allowed:
        errors["case"] = _("Not a case of this list; one of: %(cases)s.", cases=", ".join(allowed))
    if case is terms.Case.PROCUREMENT and term_years not in terms.PROCUREMENT_YEARS:
        errors["term_years"] = _("Barred from purchasing for 1 to 3 years: give 1, 2 or 3.")
    elif case is not terms.Case.PROCUREMENT and term_years is not None:
        errors["term_years"] = _("The term of this list follows from its clause; leave it out.")
    text = _text(reason, "reason", errors, required=kind is not CreditKind.DEPOT_DISQUALIFIED)
    if errors:
        raise InputError(errors)
    assert organisation is not None
    overridden = check_reach(kind, organisation, today, override)
    basis = regime.BASES[kind]
    seq = next_number("credit", today.year)
    entry = CreditEntry(
        organisation=organisation,
        kind=kind,
        status=CreditStatus.PROPOSED,
        year=today.year,
        seq=seq,
        number=f"{basis.word}〔{today.year}〕{seq:04d}号",
        case=case.value,
        reason=text,
        override=overridden,
        term_years=term_years,
        proposed_on=today,
        client_id=client_id,
        created_by=user,
        qualification_id=qualification_id,
        document_number=basis.document_number,
        clause_key=regime.clause_key(kind, basis.listing),
    )
    clause = current_clause(kind, basis.listing)
    if clause is not None:
        entry.document_version = clause.document.version
        entry.clause_text = clause.text
        entry.clause_text_hash = clause.text_hash
    entry.events.append(
        CreditEvent(
            kind="proposed",
            on=today,
            actor=user,
            text=text,
            client_id=client_id,
            data={
                "request": request,
                "status": [None, CreditStatus.PROPOSED.value],
                **({"override": overridden} if overridden else {}),
            },
        )
    )
    db.session.add(entry)
    db.session.flush()
    audit.record("credit_entry", entry.id, user.id, "create", {}, request)
    return entry, True


# --- the steps ----------------------------------------------------------------------------------


def next_step(entry: CreditEntry) -> Step | None:
    """The step the entry waits for first (None: nothing more to do)."""
    return next((step for step in STEPS.values() if is_open(entry, step)), None)


def check_order(entry: CreditEntry, step: Step) -> None:
    """A 409 unless ``entry`` may take ``step`` now, naming the step due first."""
    if is_open(entry, step):
        return
    once = regime.ONCE.get(step.name)
    status = regime.STATUS_LABELS[entry.status]
    waiting = next_step(entry)
    if waiting is None:
        raise Conflict("closed", _("Nothing more to do on this entry (%(status)s).", status=status))
    if (once and getattr(entry, once)) or regime.ORDER.index(step.name) < regime.ORDER.index(
        waiting.name
    ):
        code = "already_done"
    else:
        code = "out_of_order"
    raise Conflict(
        code,
        _(
            "“%(next)s” comes next (the entry is %(status)s), not “%(step)s”.",
            next=waiting.label,
            status=status,
            step=step.label,
        ),
    )


def resent(entry: CreditEntry, step: Step, request: dict[str, Any], client_id: str | None):
    if client_id is not None:
        stored = next((e for e in entry.events if e.client_id == client_id), None)
        if stored is not None:
            if stored.kind != step.name or stored.data.get("request") != request:
                raise Conflict("id_reused", _("This client_id was used for another step."))
            return stored
    last = entry.events[-1] if entry.events else None
    if last is not None and last.kind == step.name and last.data.get("request") == request:
        return last
    return None


def _day(request: dict[str, Any], entry: CreditEntry, today: dt.date, errors) -> dt.date:
    """The day the step took effect: ``on`` (ISO) or today; not in the future, not before the
    entry's last step."""
    raw = request.get("on")
    if raw is None:
        return today
    try:
        day = dt.date.fromisoformat(str(raw))
    except ValueError:
        errors["on"] = _("A date as YYYY-MM-DD.")
        return today
    last = max(e.on for e in entry.events) if entry.events else entry.proposed_on
    if day > today:
        errors["on"] = _("Not a day in the future.")
    elif day < last:
        errors["on"] = _("Not before the entry's last step (%(day)s).", day=last.isoformat())
    return day


def _outcome(request: dict[str, Any], name: str, errors: dict[str, str]) -> str:
    outcome = request.get("outcome")
    if outcome not in OUTCOMES[name]:
        errors["outcome"] = _("One of: %(values)s.", values=", ".join(OUTCOMES[name]))
    return str(outcome)


def take_step(
    entry: CreditEntry,
    name: str,
    user: User,
    request: dict[str, Any],
    *,
    today: dt.date,
    client_id: str | None = None,
) -> tuple[CreditEvent, bool]:
    """Record step ``name`` with what was sent (``request``: the body without ``client_id``,
    absent fields left out). Returns the event and True, or the stored one and False."""
    step = STEPS[name]
    request = {k: v for k, v in request.items() if v not in (None, "")}
    lock(entry)
    stored = resent(entry, step, request, client_id)
    if stored is not None:
        return stored, False
    check_order(entry, step)
    errors: dict[str, str] = {}
    day = _day(request, entry, today, errors)
    text = _text(request.get("text"), "text", errors, required=name == "defence")
    before = entry.status.value
    event = CreditEvent(kind=name, on=day, actor=user, text=text, client_id=client_id)
    data: dict[str, Any] = {"request": request}
    _APPLY[name](entry, request, day, errors, data)
    if errors:
        raise InputError(errors)
    if name not in regime.OUTCOMES:
        entry.status = step.leads_to
    event.data = {**data, "status": [before, entry.status.value]}
    entry.events.append(event)
    db.session.flush()
    audit.record("credit_entry", entry.id, user.id, name, {"status": before}, data)
    _announce(entry, step, event)
    return event, True


def _notify(entry, request, day, errors, data) -> None:
    entry.notified_on = day
    raw = request.get("defence_due_on")
    if raw is not None:
        try:
            due = dt.date.fromisoformat(str(raw))
        except ValueError:
            errors["defence_due_on"] = _("A date as YYYY-MM-DD.")
            return
        if due < day:
            errors["defence_due_on"] = _("Not before the notice's day.")
        entry.defence_due_on = due


def _defence(entry, request, day, errors, data) -> None:
    entry.defence_on = day


def _decide(entry: CreditEntry, request, day, errors, data) -> None:
    outcome = _outcome(request, "decide", errors)
    if errors:
        return
    entry.decided_on = day
    if outcome == "drop":
        if not str(request.get("text") or "").strip():
            errors["text"] = _("Say which facts, reasons or evidence of the defence hold.")
        entry.status = CreditStatus.DROPPED
        return
    entry.status = CreditStatus.DECIDED
    calendar = deadlines.official_calendar()
    if entry.kind is CreditKind.BLACKLIST:
        office = terms.office_due(day, calendar)
        entry.office_due_on = office.due_on
        entry.publish_due_on = terms.publication_due(day)
        data["office_due"] = office.explanation
    earlier = _earlier(entry)
    consecutive = terms.is_consecutive([terms.Period(e.starts_on, e.ends_on) for e in earlier], day)
    if entry.case != terms.Case.DEPOT:
        chosen = terms.term(terms.Case(entry.case), consecutive, entry.term_years)
        entry.term_years = chosen.years
        entry.term_explanation = chosen.explanation
    if consecutive:
        entry.previous_id = next(e.id for e in earlier if e.starts_on <= day <= e.ends_on)
        if entry.kind is CreditKind.BLACKLIST:  # 第九条: forfeit in full, top up in 10 days
            deposits.forfeit_on_relisting(entry, day, calendar)


def _earlier(entry: CreditEntry) -> list[CreditEntry]:
    """The organisation's other published entries of the same kind with a term."""
    return list(
        db.session.scalars(
            sa.select(CreditEntry).where(
                CreditEntry.organisation_id == entry.organisation_id,
                CreditEntry.kind == entry.kind,
                CreditEntry.id != entry.id,
                CreditEntry.starts_on.is_not(None),
                CreditEntry.ends_on.is_not(None),
            )
        )
    )


def _submit(entry, request, day, errors, data) -> None:
    entry.submitted_on = day
    if entry.office_due_on and day > entry.office_due_on:
        data["late"] = True


def _channel(request, errors, data) -> None:
    channel = _text(request.get("channel"), "channel", errors, required=False, limit=MAX_CHANNEL)
    data["channel"] = channel or _stored(lambda: _("mainstream media"))


def _publish(entry: CreditEntry, request, day, errors, data) -> None:
    _channel(request, errors, data)
    entry.published_on = entry.starts_on = day
    if entry.term_years:
        entry.ends_on = terms.end_of_term(day, entry.term_years)
        entry.removal_request_due_on = terms.removal_request_due(entry.ends_on)
    if entry.publish_due_on and day > entry.publish_due_on:
        data["late"] = True
    if entry.kind is CreditKind.BLACKLIST and not errors:
        deposits.require_on_listing(entry, day, deadlines.official_calendar())


def _request_removal(entry, request, day, errors, data) -> None:
    entry.removal_requested_on = day
    if entry.removal_request_due_on and day > entry.removal_request_due_on:
        data["late"] = True


def _remove(entry: CreditEntry, request, day, errors, data) -> None:
    outcome = _outcome(request, "remove", errors)
    if errors:
        return
    entry.removal_decided_on = day
    if outcome == "retain":
        years = request.get("term_years")
        if not isinstance(years, int) or isinstance(years, bool) or not 1 <= years <= 7:
            errors["term_years"] = _("The new term: 1 to 7 years.")
        if not str(request.get("text") or "").strip():
            errors["text"] = _("Say why the listing is kept.")
        if errors or entry.ends_on is None:
            return
        entry.status = CreditStatus.RETAINED
        entry.ends_on = terms.end_of_term(entry.ends_on, years)
        entry.term_years = (entry.term_years or 0) + years
        entry.removal_request_due_on = terms.removal_request_due(entry.ends_on)
        entry.removal_requested_on = None
        data["ends_on"] = entry.ends_on.isoformat()
        return
    entry.status = CreditStatus.REMOVED
    if entry.ends_on is not None:
        entry.removed_on = terms.removal_day(entry.ends_on)
    else:
        entry.removed_on = day
    due = terms.removal_publication_due(entry.removed_on, deadlines.official_calendar())
    entry.removal_publish_due_on = due.due_on
    data["removal_publish_due"] = due.explanation


def _publish_removal(entry: CreditEntry, request, day, errors, data) -> None:
    _channel(request, errors, data)
    entry.removal_published_on = day
    if entry.removal_publish_due_on and day > entry.removal_publish_due_on:
        data["late"] = True


_APPLY = {
    "notify": _notify,
    "defence": _defence,
    "decide": _decide,
    "submit": _submit,
    "publish": _publish,
    "request_removal": _request_removal,
    "remove": _remove,
    "publish_removal": _publish_removal,
}


def link(entry: CreditEntry) -> str:
    return f"/credit/{entry.id}"


def enterprise_users(organisation_id: int) -> list[User]:
    return list(
        db.session.scalars(
            sa.select(User).where(
                User.role == Role.ENTERPRISE, User.organisation_id == organisation_id, User.active
            )
        )
    )


def _announce(entry: CreditEntry, step: Step, event: CreditEvent) -> None:
    """Tell the enterprise about the steps that concern it (the notice, the decision, the
    publication, the removal)."""
    if step.name not in ("notify", "decide", "publish", "remove"):
        return
    label = regime.KIND_LABELS[entry.kind]
    status = regime.STATUS_LABELS[entry.status]
    notifications.send(
        enterprise_users(entry.organisation_id),
        "credit",
        lambda: _(
            "%(kind)s %(number)s: %(step)s (%(status)s).",
            kind=label,
            number=entry.number,
            step=step.label,
            status=status,
        ),
        link=link(entry),
    )


def marks(organisation_ids: list[int], today: dt.date) -> dict[int, list[dict[str, Any]]]:
    """The entries on a list on ``today`` of each organisation: ``{"kind", "status",
    "ends_on"}`` (what the organisations API and the marks beside a name show)."""
    found: dict[int, list[dict[str, Any]]] = {i: [] for i in organisation_ids}
    if not organisation_ids:
        return found
    rows = db.session.scalars(
        sa.select(CreditEntry)
        .where(
            CreditEntry.organisation_id.in_(organisation_ids),
            CreditEntry.status.in_(ON_LIST),
            CreditEntry.starts_on <= today,
            sa.or_(CreditEntry.ends_on.is_(None), CreditEntry.ends_on >= today),
        )
        .order_by(CreditEntry.id)
    )
    for entry in rows:
        found[entry.organisation_id].append(
            {
                "kind": entry.kind.value,
                "status": entry.status.value,
                "ends_on": entry.ends_on.isoformat() if entry.ends_on else None,
            }
        )
    return found
