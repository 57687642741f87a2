"""挂牌督办 → 销号: listing a major hazard, the steps of 临政办字〔2016〕10号 in their order, the
evidence files, and the overdue check that issues 通报批评.

Nothing in a hazard's history is changed or deleted: each step is a ``HazardEvent`` keeping
what was sent. Retries do not duplicate: a listing and a step may carry a ``client_id``; a
step sent again with the same content as the hazard's last step answers the stored one; files
are known by their SHA-256.

Checks come in the contract's order: the caller must see the hazard (else 404), may take the
step (else 403), the hazard must be waiting for it (else 409, naming the step that comes
first), and only then are the values judged (422).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import sqlalchemy as sa
from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy.dialects import postgresql, sqlite

from checklists.accounts import notifications
from checklists.accounts.models import Organisation, Role, User
from checklists.accounts.permissions import visible_organisations
from checklists.core import storage
from checklists.core.db import utcnow
from checklists.core.errors import Conflict, InputError
from checklists.core.extensions import db
from checklists.standards.models import Clause, Document
from inspections.filling import evidence
from inspections.filling.evidence import Evidence
from inspections.findings import deadlines
from inspections.findings.models import Finding
from inspections.findings.operations import visible_findings
from inspections.supervision import regime
from inspections.supervision.models import (
    UNRECTIFIED,
    Hazard,
    HazardCounter,
    HazardCriticism,
    HazardEvent,
    HazardFile,
    HazardStatus,
)
from inspections.supervision.regime import STEPS, Step

MAX_TEXT = 5000
MAX_NAME = 100
MAX_VERIFIERS = 20


# --- who may see and do what ----------------------------------------------------------------


def visible_hazards(user: User) -> sa.Select[tuple[Hazard]]:
    """The hazards ``user`` may see: an administrator all, a supervisor those of the
    organisations in their region (all without one), an enterprise its own organisation's, an
    inspector those listed from findings they can see; an author none."""
    query = sa.select(Hazard)
    if user.role == Role.ADMIN or (user.role == Role.SUPERVISOR and user.region is None):
        return query
    if user.role in (Role.SUPERVISOR, Role.ENTERPRISE):
        orgs = visible_organisations(user).with_only_columns(Organisation.id)
        return query.where(Hazard.organisation_id.in_(orgs))
    if user.role == Role.INSPECTOR:
        seen = visible_findings(user).with_only_columns(Finding.id)
        return query.where(Hazard.finding_id.in_(seen))
    return query.where(sa.false())


def can_list(user: User) -> bool:
    """Supervisors (区安委会) and administrators list hazards."""
    return user.role in (Role.SUPERVISOR, Role.ADMIN)


def can_take(user: User, step: Step) -> bool:
    """The enterprise takes its own steps, supervisors (the township's for ``confirm``: whoever
    sees the hazard, since a supervisor sees only the organisations in their region) the
    others; an administrator any."""
    if user.role == Role.ADMIN:
        return True
    wanted = Role.ENTERPRISE if step.side == regime.ENTERPRISE else Role.SUPERVISOR
    return user.role == wanted


def checked(user: User, hazard_id: int, step: Step | None = None) -> tuple[Hazard | None, int]:
    """The hazard and 200; None and 404 when ``user`` may not see it; the hazard and 403 when
    they may see it but not take ``step``."""
    found = db.session.scalar(visible_hazards(user).where(Hazard.id == hazard_id))
    if found is None:
        return None, 404
    if step is not None and not can_take(user, step):
        return found, 403
    return found, 200


def steps_for(user: User, hazard: Hazard) -> list[Step]:
    """The step ``user`` may take now on ``hazard`` (none, or the one it waits for; a plan may
    also be revised while rectifying)."""
    waiting = regime.NEXT[hazard.status]
    found = [
        step
        for step in STEPS.values()
        if hazard.status in step.starts
        and can_take(user, step)
        and (step.name == waiting or step.name == "plan")
    ]
    return sorted(found, key=lambda step: step.name != waiting)  # what it waits for first


def lock(hazard: Hazard) -> None:
    """Serialise writers to one hazard (an update takes the row lock) and read it afresh."""
    db.session.execute(
        sa.update(Hazard)
        .where(Hazard.id == hazard.id)
        .values(status=Hazard.status)
        .execution_options(synchronize_session=False)
    )
    db.session.refresh(hazard)


# --- small parts ------------------------------------------------------------------------------


def _text(raw: Any, name: str, errors: dict[str, str], *, required: bool, limit: int = MAX_TEXT):
    if raw is not None and not isinstance(raw, str):
        errors[name] = _("Must be text.")
        return ""
    text = (raw or "").strip()
    if required and not text:
        errors[name] = _("This field is required.")
    elif len(text) > limit:
        errors[name] = _("At most %(n)d characters.", n=limit)
    return text


def _client_id(raw: Any) -> str | None:
    if raw in (None, ""):
        return None
    if not isinstance(raw, str) or len(raw) > 64:
        raise InputError({"client_id": _("At most 64 characters of text.")})
    return raw


def _date(raw: Any, name: str, errors: dict[str, str], *, required: bool) -> dt.date | None:
    if raw in (None, ""):
        if required:
            errors[name] = _("This field is required.")
        return None
    if isinstance(raw, dt.date):
        return raw
    try:
        return dt.date.fromisoformat(str(raw).strip())
    except ValueError:
        errors[name] = _("Give a date as YYYY-MM-DD.")
        return None


def _period(n: Any, unit: Any, errors: dict[str, str]) -> tuple[int, str] | None:
    """(N, unit) of a period given in a request, or None when none was given."""
    if n in (None, "") and unit in (None, ""):
        return None
    try:
        unit = deadlines.parse_unit(unit or "working_day")
        return deadlines.parse_count(n, unit), unit
    except InputError as exc:
        errors.update(exc.fields)
        return None


def setting() -> tuple[int, str]:
    """(N, unit) of HAZARD_DEADLINE ("30:working_day"), the deadline when nothing else sets it."""
    n, _sep, unit = str(current_app.config["HAZARD_DEADLINE"]).partition(":")
    unit = unit.strip() or "working_day"
    if n.strip().isdecimal() and unit in deadlines.UNITS:
        return int(n), unit
    return 30, "working_day"


def _count_from(hazard: Hazard, start: dt.date, n: int, unit: str, basis: str = "") -> None:
    """Set ``hazard``'s deadline to N units after ``start`` (not counted)."""
    result = deadlines.compute(deadlines.start_of(unit, start, utcnow()), n, unit)
    hazard.deadline_start = start
    hazard.deadline_n = n
    hazard.deadline_unit = unit
    hazard.due_on = result.due_on
    hazard.deadline_provisional = result.provisional
    hazard.deadline_explanation = basis + result.explanation
    hazard.overdue_since = None


def next_number(kind: str, year: int) -> int:
    """The next number of ``kind`` in ``year`` (the counter row is updated in place, so two
    requests at once cannot take the same number). The credit register numbers its entries
    with it too (kind ``credit``)."""
    dialect = db.session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    db.session.execute(
        insert(HazardCounter)
        .values(kind=kind, year=year, last=0)
        .on_conflict_do_nothing(index_elements=["kind", "year"])
    )
    return db.session.execute(
        sa.update(HazardCounter)
        .where(HazardCounter.kind == kind, HazardCounter.year == year)
        .values(last=HazardCounter.last + 1)
        .returning(HazardCounter.last)
    ).scalar_one()


def _stored(message: Callable[[], str]) -> str:
    """A text kept in the record, in the service's language (whoever's request wrote it)."""
    with force_locale(current_app.config["BABEL_DEFAULT_LOCALE"]):
        return message()


def link(hazard: Hazard) -> str:
    """The hazard's page, as a path (notifications are also written from cron)."""
    return f"/hazards/{hazard.id}"


def _enterprise_users(hazard: Hazard) -> list[User]:
    return list(
        db.session.scalars(
            sa.select(User).where(
                User.role == Role.ENTERPRISE,
                User.organisation_id == hazard.organisation_id,
                User.active,
            )
        )
    )


def _supervisors(hazard: Hazard) -> list[User]:
    """The supervisors whose region holds the hazard's organisation (or who have none)."""
    region = hazard.organisation.region
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


def _tell(users: list[User], hazard: Hazard, message: Callable[[], str]) -> None:
    notifications.send(users, "hazard", message, link=link(hazard), finding_id=hazard.finding_id)


def regime_clauses() -> dict[str, Clause]:
    """The current clauses of the regime's document, by clause key (empty when it was not
    imported)."""
    return {
        clause.key: clause
        for clause in db.session.scalars(
            sa.select(Clause)
            .join(Document)
            .where(
                Document.is_current,
                Document.number == regime.DOCUMENT_NUMBER,
                Clause.key.startswith(f"{regime.DOCUMENT_NUMBER}/{regime.INSTRUMENT}/"),
            )
        )
    }


# --- listing ------------------------------------------------------------------------------------


def find_by_client_id(client_id: str | None) -> Hazard | None:
    if client_id is None:
        return None
    return db.session.scalar(sa.select(Hazard).where(Hazard.client_id == client_id))


def regime_problem(
    organisation: Organisation, day: dt.date, instrument: str = regime.INSTRUMENT
) -> str | None:
    """Why the regime (its ``instrument`` under 临政办字〔2016〕10号) does not reach
    ``organisation`` on ``day``: it lies outside the region its document governs
    (SUPERVISION_REGION), or the instrument is not in force that day."""
    return region_problem(organisation) or document_problem(day, instrument)


def region_problem(organisation: Organisation) -> str | None:
    """Why ``organisation`` lies outside SUPERVISION_REGION (None: inside, or no region set)."""
    region_name = current_app.config.get("SUPERVISION_REGION") or ""
    names = []
    region = organisation.region
    while region is not None and len(names) < 10:
        names.append(region.name)
        region = region.parent
    if region_name and region_name not in names:
        return _(
            "%(org)s is not in %(region)s, where %(number)s applies.",
            org=organisation.name,
            region=region_name,
            number=regime.DOCUMENT_NUMBER,
        )
    return None


def document_problem(day: dt.date, instrument: str = regime.INSTRUMENT) -> str | None:
    """Why the regime's ``instrument`` is not in force on ``day`` (None: it is, or it was never
    imported)."""
    document = db.session.scalar(
        sa.select(Document)
        .where(
            Document.number == regime.DOCUMENT_NUMBER,
            Document.title == instrument,
            Document.is_current,
        )
        .order_by(Document.id)
        .limit(1)
    )
    if document is not None and not document.in_force_on(day):
        return _(
            "%(number)s is not in force on %(day)s.",
            number=regime.DOCUMENT_NUMBER,
            day=day.isoformat(),
        )
    return None


def check_regime(
    organisation: Organisation, day: dt.date, override: Any, instrument: str = regime.INSTRUMENT
) -> str:
    """The override's text ("" when the regime applies); a 409 ``regime_not_applicable`` when
    it does not and no reason was given."""
    problem = regime_problem(organisation, day, instrument)
    reason = override.strip() if isinstance(override, str) else ""
    if problem is None:
        return ""
    if not reason:
        raise Conflict(
            "regime_not_applicable",
            problem + " " + _("Give the reason it applies all the same (override)."),
        )
    return reason


def list_hazard(
    user: User,
    *,
    today: dt.date,
    finding_id: int | None = None,
    organisation_id: int | None = None,
    title: Any = None,
    description: Any = None,
    clause_id: int | None = None,
    n: Any = None,
    unit: Any = None,
    client_id: Any = None,
    override: Any = None,
) -> tuple[Hazard, bool]:
    """List a major hazard for 挂牌督办 and issue its numbered notice: from a finding (its
    clause, organisation, text and deadline) or directly (an organisation and the 督办事项).
    The deadline is the period given (N units from today), else the finding's, else
    HAZARD_DEADLINE. The same ``client_id`` again returns the hazard and False; a finding
    already listed and not closed is a 409 ``already_listed``."""
    client_id = _client_id(client_id)
    request = {
        key: value
        for key, value in {
            "finding_id": finding_id,
            "organisation_id": organisation_id,
            "title": title,
            "description": description,
            "clause_id": clause_id,
            "n": n,
            "unit": unit,
            "override": override,
        }.items()
        if value not in (None, "")
    }
    stored = find_by_client_id(client_id)
    if stored is not None:
        listed = stored.events[0] if stored.events else None
        if listed is None or listed.data.get("request") != request:
            raise Conflict("id_reused", _("This client_id was used for another hazard."))
        return stored, False
    errors: dict[str, str] = {}
    finding = None
    organisation = None
    if finding_id is not None:
        finding = db.session.scalar(visible_findings(user).where(Finding.id == finding_id))
        if finding is None:
            errors["finding_id"] = _("No such finding.")
        elif organisation_id is not None and organisation_id != finding.organisation_id:
            errors["organisation_id"] = _("Not the organisation of the finding.")
        else:
            organisation = finding.organisation
            already = db.session.scalar(
                sa.select(Hazard).where(
                    Hazard.finding_id == finding.id, Hazard.status != HazardStatus.CLOSED
                )
            )
            if already is not None:
                raise Conflict(
                    "already_listed",
                    _(
                        "This finding is already listed for supervision: %(number)s.",
                        number=already.number,
                    ),
                )
    elif organisation_id is None:
        errors["organisation_id"] = _("This field is required.")
    else:
        organisation = db.session.scalar(
            visible_organisations(user).where(Organisation.id == organisation_id)
        )
        if organisation is None:
            errors["organisation_id"] = _("No such organisation.")
    text = _text(description, "description", errors, required=finding is None)
    name = _text(title, "title", errors, required=False, limit=500)
    clause = None
    if clause_id is not None:
        clause = db.session.get(Clause, clause_id)
        if clause is None:
            errors["clause_id"] = _("No such clause.")
    period = _period(n, unit, errors)
    if errors:
        raise InputError(errors)
    assert organisation is not None
    overridden = check_regime(organisation, today, override)
    if finding is not None:
        text = text or "；".join(t for t in (finding.reason, finding.required_action) if t)
        name = name or finding.prompt
    name = name or text.splitlines()[0][:100]
    year = today.year
    seq = next_number("notice", year)
    hazard = Hazard(
        organisation=organisation,
        finding=finding,
        year=year,
        seq=seq,
        number=f"{regime.NOTICE_WORD}〔{year}〕{seq:04d}号",
        title=name,
        description=text,
        status=HazardStatus.LISTED,
        client_id=client_id,
        listed_by=user,
        listed_on=today,
    )
    _provenance(hazard, finding, clause)
    if period is not None:
        _count_from(hazard, today, *period)
    elif finding is not None:
        hazard.deadline_start = finding.deadline_start
        hazard.deadline_n = finding.deadline_n
        hazard.deadline_unit = finding.deadline_unit
        hazard.due_on = finding.due_on
        hazard.deadline_provisional = finding.deadline_provisional
        hazard.deadline_explanation = (
            _stored(lambda: _("The deadline of the finding it was listed from."))
            + " "
            + finding.deadline_explanation
        )
    else:
        _count_from(hazard, today, *setting())
    hazard.events.append(
        HazardEvent(
            kind="listed",
            actor=user,
            text=hazard.deadline_explanation,
            client_id=client_id,
            data={
                "request": request,
                "status": [None, HazardStatus.LISTED.value],
                "due_on": hazard.due_on.isoformat(),
                "number": hazard.number,
                **({"override": overridden} if overridden else {}),
            },
        )
    )
    db.session.add(hazard)
    db.session.flush()
    _tell(
        _enterprise_users(hazard),
        hazard,
        lambda: _(
            "Major hazard listed for supervision: notice %(number)s (%(title)s), to be put right "
            "by %(due)s. Please sign the receipt.",
            number=hazard.number,
            title=hazard.title[:60],
            due=hazard.due_on.isoformat(),
        ),
    )
    return hazard, True


def _provenance(hazard: Hazard, finding: Finding | None, clause: Clause | None) -> None:
    """Copy the clause the hazard is listed against: the one named, else the finding's."""
    if clause is not None:
        hazard.clause_id = clause.id
        hazard.document_number = clause.document.number
        hazard.document_version = clause.document.version
        hazard.clause_key = clause.key
        hazard.clause_text = clause.text
        hazard.clause_text_hash = clause.text_hash
    elif finding is not None:
        hazard.clause_id = finding.item.clause_id if finding.item else None
        hazard.document_number = finding.document_number
        hazard.document_version = finding.document_version
        hazard.clause_key = finding.clause_key
        hazard.clause_text = finding.clause_text
        hazard.clause_text_hash = finding.clause_text_hash


# --- the steps ----------------------------------------------------------------------------------


def check_order(hazard: Hazard, step: Step) -> None:
    """A 409 unless ``hazard`` may take ``step`` now, naming the step that must come first."""
    if hazard.status in step.starts:
        return
    if hazard.status == HazardStatus.CLOSED:
        raise Conflict("closed", _("This hazard is closed (销号): nothing more to do."))
    waiting = STEPS[regime.NEXT[hazard.status]]  # type: ignore[index]
    status = regime.STATUS_LABELS[hazard.status]
    if regime.ORDER.index(step.name) < regime.ORDER.index(waiting.name):
        raise Conflict(
            "already_done",
            _(
                "“%(step)s” is done already; the hazard now waits for “%(next)s” (%(status)s).",
                step=step.label,
                next=waiting.label,
                status=status,
            ),
        )
    raise Conflict(
        "out_of_order",
        _(
            "“%(next)s” must come first (the hazard is %(status)s).",
            next=waiting.label,
            status=status,
        ),
    )


def resent(hazard: Hazard, step: Step, request: dict[str, Any], client_id: str | None):
    """The stored event when this step was sent already (the same ``client_id``, or the same
    content as the hazard's last step), else None; another step or other content under a used
    ``client_id`` is a 409 ``id_reused``."""
    if client_id is not None:
        stored = next((e for e in hazard.events if e.client_id == client_id), None)
        if stored is not None:
            if stored.kind != step.kind or stored.data.get("request") != request:
                raise Conflict("id_reused", _("This client_id was used for another step."))
            return stored
    kinds = {s.kind for s in STEPS.values()}
    last = next((e for e in reversed(hazard.events) if e.kind in kinds), None)
    if last is not None and last.kind == step.kind and last.data.get("request") == request:
        return last
    return None


def take_step(
    hazard: Hazard,
    step: Step,
    user: User,
    request: dict[str, Any],
    *,
    today: dt.date,
    client_id: Any = None,
) -> tuple[HazardEvent, bool]:
    """Record ``step`` on ``hazard`` with what was sent (``request``: the body without
    ``client_id``, absent fields left out). Returns the event and True, or the stored event
    and False for a resend. 409 when the hazard does not wait for the step, 422 for bad
    values (``fields`` names each)."""
    client_id = _client_id(client_id)
    request = {k: v for k, v in request.items() if v not in (None, "")}
    lock(hazard)
    stored = resent(hazard, step, request, client_id)
    if stored is not None:
        return stored, False
    check_order(hazard, step)
    before = hazard.status
    event = HazardEvent(kind=step.kind, actor=user, client_id=client_id, data={"request": request})
    _APPLY[step.name](hazard, user, request, event, today)
    event.data = {**event.data, "status": [before.value, hazard.status.value]}
    hazard.events.append(event)
    for file in hazard.files:  # the files uploaded since the last step go with this one
        if file.event_id is None:
            file.event = event
    db.session.flush()
    _announce(hazard, step, event)
    return event, True


def _receipt(hazard, user, request, event, today) -> None:
    errors: dict[str, str] = {}
    signer = _text(request.get("signer"), "signer", errors, required=False, limit=MAX_NAME)
    note = _text(request.get("note"), "note", errors, required=False)
    if errors:
        raise InputError(errors)
    event.text = note
    event.data["signer"] = signer or user.name
    hazard.status = HazardStatus.ACKNOWLEDGED


def _plan(hazard, user, request, event, today) -> None:
    errors: dict[str, str] = {}
    plan = {}
    for name in regime.PLAN_FIELDS:
        if name == "deadline":
            day = _date(request.get(name), name, errors, required=True)
            plan[name] = day.isoformat() if day else ""
        else:
            plan[name] = _text(request.get(name), name, errors, required=True)
    if errors:
        raise InputError(errors)
    event.data["plan"] = plan
    if plan["deadline"] > hazard.due_on.isoformat():
        event.data["after_due"] = True  # shown on the page: the plan ends after the deadline
    hazard.status = HazardStatus.RECTIFYING


def _closure_report(hazard, user, request, event, today) -> None:
    errors: dict[str, str] = {}
    event.text = _text(request.get("report"), "report", errors, required=True)
    if errors:
        raise InputError(errors)
    hazard.status = HazardStatus.CLOSURE_REQUESTED


CONFIRM_OUTCOMES = ("confirmed", "returned")
VERIFICATION_OUTCOMES = ("passed", "failed")


def _outcome(raw: Any, allowed: tuple[str, ...], errors: dict[str, str]) -> str:
    if raw not in allowed:
        errors["outcome"] = _("Must be one of: %(choices)s.", choices=", ".join(allowed))
        return ""
    return raw


def _confirm(hazard, user, request, event, today) -> None:
    errors: dict[str, str] = {}
    outcome = _outcome(request.get("outcome"), CONFIRM_OUTCOMES, errors)
    note = _text(request.get("note"), "note", errors, required=outcome == "returned")
    if errors:
        raise InputError(errors)
    event.text = note
    event.data["outcome"] = outcome
    if user.region is not None:
        event.data["region"] = user.region.full_name  # the township (or county) that confirmed
    hazard.status = HazardStatus.CONFIRMED if outcome == "confirmed" else HazardStatus.RECTIFYING


def _verifiers(raw: Any, errors: dict[str, str]) -> list[str]:
    if isinstance(raw, str):
        raw = [part for part in raw.replace("，", ",").replace("、", ",").split(",")]
    if not isinstance(raw, list):
        errors["verifiers"] = _("Expected a list.")
        return []
    names = [str(name).strip() for name in raw if isinstance(name, str) and name.strip()]
    if len(names) != len([n for n in raw if n not in ("", None)]):
        errors["verifiers"] = _("Each verifier is a name.")
    elif not names:
        errors["verifiers"] = _("Name who verified it on site.")
    elif len(names) > MAX_VERIFIERS or any(len(name) > MAX_NAME for name in names):
        errors["verifiers"] = _(
            "At most %(n)d names of at most %(m)d characters each.", n=MAX_VERIFIERS, m=MAX_NAME
        )
    return names


def _verification(hazard, user, request, event, today) -> None:
    errors: dict[str, str] = {}
    outcome = _outcome(request.get("outcome"), VERIFICATION_OUTCOMES, errors)
    names = _verifiers(request.get("verifiers"), errors)
    event.text = _text(request.get("report"), "report", errors, required=True)
    day = _date(request.get("verified_on"), "verified_on", errors, required=False) or today
    if day > today:
        errors["verified_on"] = _("Not a day in the future.")
    period = _period(request.get("n"), request.get("unit"), errors)
    if errors:
        raise InputError(errors)
    event.data.update(outcome=outcome, verifiers=names, verified_on=day.isoformat())
    if outcome == "passed":
        hazard.status = HazardStatus.VERIFIED
        return
    before = hazard.due_on.isoformat()
    _count_from(hazard, today, *(period or setting()))
    event.data["due_on"] = [before, hazard.due_on.isoformat()]
    hazard.status = HazardStatus.RECTIFYING


def _close(hazard, user, request, event, today) -> None:
    errors: dict[str, str] = {}
    note = _text(request.get("note"), "note", errors, required=False)
    if errors:
        raise InputError(errors)
    event.text = note or _stored(lambda: _("Put right and verified: closed (销号) and archived."))
    hazard.status = HazardStatus.CLOSED
    hazard.closed_at = utcnow()


_APPLY = {
    "receipt": _receipt,
    "plan": _plan,
    "closure-report": _closure_report,
    "confirm": _confirm,
    "verification": _verification,
    "close": _close,
}


def _announce(hazard: Hazard, step: Step, event: HazardEvent) -> None:
    """Tell the other side what happened and what it waits for now."""
    status = hazard.status

    def message() -> str:
        return _(
            "Hazard %(number)s (%(title)s): %(step)s. Now: %(status)s.",
            number=hazard.number,
            title=hazard.title[:60],
            step=regime.EVENT_LABELS[step.kind],
            status=regime.STATUS_LABELS[status],
        )

    if step.side == regime.ENTERPRISE:
        _tell(_supervisors(hazard), hazard, message)
    else:
        _tell(_enterprise_users(hazard), hazard, message)


# --- files --------------------------------------------------------------------------------------


def add_file(hazard: Hazard, data: bytes, filename: str, user: User) -> tuple[HazardFile, bool]:
    """Attach a photo or a document (PDF, .docx, .xlsx) to the hazard's next step (the closure
    report's evidence, the verifiers' photos). The same bytes again return the stored record
    and False."""
    sha = storage.key_of(data)
    existing = _stored_file(hazard, sha)
    if existing is not None:
        return existing, False
    if hazard.status == HazardStatus.CLOSED:
        raise Conflict("closed", _("This hazard is closed (销号): nothing more to do."))
    name = storage.safe_filename(filename)
    received = evidence.ingest(data, filename=name, documents=True)
    lock(hazard)
    existing = _stored_file(hazard, sha)
    if existing is not None:
        return existing, False
    record = HazardFile(
        hazard=hazard, evidence=evidence.record(received), filename=name, uploaded_by=user
    )
    db.session.add(record)
    db.session.flush()
    return record, True


def _stored_file(hazard: Hazard, sha: str) -> HazardFile | None:
    return db.session.scalar(
        sa.select(HazardFile)
        .join(HazardFile.evidence)
        .where(HazardFile.hazard_id == hazard.id, Evidence.sha256 == sha)
    )


# --- overdue and 通报批评 -------------------------------------------------------------------------


def check_overdue(today: dt.date) -> list[Hazard]:
    """Flag every hazard not put right by its deadline (第十条) that was not flagged yet: an
    ``overdue`` event, a numbered 通报批评 (once per missed deadline), and a message to its
    enterprise and supervisors. Running it again flags nothing twice."""
    late = db.session.scalars(
        sa.select(Hazard)
        .where(
            Hazard.status.in_(UNRECTIFIED),
            Hazard.overdue_since.is_(None),
            Hazard.due_on < today,
        )
        .order_by(Hazard.id)
    ).all()
    for hazard in late:
        lock(hazard)
        if hazard.status not in UNRECTIFIED or hazard.overdue_since is not None:
            continue
        hazard.overdue_since = today
        hazard.events.append(
            HazardEvent(
                kind="overdue",
                text=_("Due on %(due)s.", due=hazard.due_on.isoformat()),
                data={"due_on": hazard.due_on.isoformat()},
            )
        )
        criticism = criticise(hazard, today)
        db.session.flush()
        number = criticism.number if criticism else ""
        _tell(
            [*_enterprise_users(hazard), *_supervisors(hazard)],
            hazard,
            lambda hazard=hazard, number=number: _(
                "Overdue: hazard %(number)s (%(title)s) was to be put right by %(due)s. "
                "Public criticism %(criticism)s.",
                number=hazard.number,
                title=hazard.title[:60],
                due=hazard.due_on.isoformat(),
                criticism=number,
            ),
        )
    db.session.flush()
    return list(late)


def criticise(hazard: Hazard, today: dt.date) -> HazardCriticism | None:
    """Issue the 通报批评 for the hazard's current deadline (None if it has one already)."""
    if any(c.due_on == hazard.due_on for c in hazard.criticisms):
        return None
    year = today.year
    seq = next_number("criticism", year)
    criticism = HazardCriticism(
        year=year,
        seq=seq,
        number=f"{regime.CRITICISM_WORD}〔{year}〕{seq:04d}号",
        due_on=hazard.due_on,
        issued_on=today,
        text=_stored(
            lambda: _(
                "%(org)s did not put right the major hazard “%(title)s” (notice %(number)s) by "
                "%(due)s, as %(clause)s requires; it is criticised publicly.",
                org=hazard.organisation.name,
                title=hazard.title,
                number=hazard.number,
                due=hazard.due_on.isoformat(),
                clause=regime.citation(regime.CRITICISM_ARTICLE),
            )
        ),
    )
    hazard.criticisms.append(criticism)
    hazard.events.append(
        HazardEvent(
            kind="criticism",
            text=criticism.text,
            data={"number": criticism.number, "due_on": hazard.due_on.isoformat()},
        )
    )
    return criticism


# --- lists and counts ---------------------------------------------------------------------------


def filtered(
    user: User,
    *,
    status: str | None = None,
    organisation_id: int | None = None,
    overdue: bool | None = None,
    today: dt.date,
) -> sa.Select[tuple[Hazard]]:
    """The visible hazards narrowed by status, organisation and overdue (the register)."""
    query = visible_hazards(user)
    if status:
        query = query.where(Hazard.status == status)
    if organisation_id is not None:
        query = query.where(Hazard.organisation_id == organisation_id)
    if overdue:
        query = query.where(Hazard.status.in_(UNRECTIFIED), Hazard.due_on < today)
    elif overdue is False:
        query = query.where(sa.or_(Hazard.status.not_in(UNRECTIFIED), Hazard.due_on >= today))
    return query


def counts(user: User, today: dt.date) -> dict[str, int]:
    """The register's tallies for ``user``: by status, and overdue."""
    visible = visible_hazards(user).subquery()
    found = dict(
        db.session.execute(
            sa.select(visible.c.status, sa.func.count()).group_by(visible.c.status)
        ).all()
    )
    late = db.session.scalar(
        sa.select(sa.func.count()).where(
            visible.c.status.in_([s.value for s in UNRECTIFIED]), visible.c.due_on < today
        )
    )
    tallies = {status.value: int(found.get(status.value, 0)) for status in HazardStatus}
    tallies["overdue"] = int(late or 0)
    return tallies
