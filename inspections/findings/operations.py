"""Findings: raised from a submitted inspection's failed items, answered by the enterprise with
corrective actions, verified (复查) by the inspector, flagged when overdue.

Nothing in a finding's history is changed or deleted: each step is a ``FindingEvent``. Retries
do not duplicate: a corrective action carries a ``client_id``, files are known by SHA-256, and
a repeated 复查 with the same outcome returns the stored one.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa
from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm.attributes import set_committed_value

from checklists import scoring
from checklists.accounts import notifications
from checklists.accounts.models import Organisation, Role, User
from checklists.accounts.notifications import Notification
from checklists.accounts.permissions import visible_organisations
from checklists.core import storage
from checklists.core.clock import local_today
from checklists.core.db import utcnow
from checklists.core.errors import Conflict, InputError
from checklists.core.extensions import db
from inspections.filling import evidence
from inspections.filling.evidence import Evidence
from inspections.filling.models import Inspection
from inspections.filling.permissions import visible_inspections
from inspections.findings import deadlines, notify
from inspections.findings.models import (
    ACTIVE,
    UNRESOLVED,
    Finding,
    FindingEvent,
    FindingFile,
    FindingStatus,
    NoticeCounter,
    RectificationNotice,
)

MAX_TEXT = 5000


# --- who may see and do what -------------------------------------------------------------


def visible_findings(user: User) -> sa.Select[tuple[Finding]]:
    """The findings of the inspections ``user`` may see (see inspections.permissions)."""
    query = sa.select(Finding)
    if user.role == Role.ADMIN or (user.role == Role.SUPERVISOR and user.region is None):
        return query  # everything: no filter for the planner to walk
    if user.role == Role.SUPERVISOR:
        orgs = visible_organisations(user).with_only_columns(Organisation.id)
        return query.where(Finding.organisation_id.in_(orgs))
    seen = visible_inspections(user).with_only_columns(Inspection.id)
    query = query.where(Finding.inspection_id.in_(seen))
    if user.role == Role.ENTERPRISE:  # the same, said twice: cheap insurance and an index
        query = query.where(Finding.organisation_id == user.organisation_id)
    return query


def can_act(user: User) -> bool:
    """The inspected enterprise reports corrective actions (an administrator may for it)."""
    return user.role in (Role.ENTERPRISE, Role.ADMIN)


def can_verify(user: User) -> bool:
    """Inspectors (of inspections they can see), supervisors and administrators do 复查 and
    set deadlines."""
    return user.role in (Role.INSPECTOR, Role.SUPERVISOR, Role.ADMIN)


def checked(
    user: User, finding_id: int, *, act: bool = False, verify: bool = False
) -> tuple[Finding | None, int]:
    """The finding and 200; None and 404 when ``user`` may not see it; the finding and 403
    when they may see it but not act on (``act``) or verify (``verify``) it."""
    found = db.session.scalar(visible_findings(user).where(Finding.id == finding_id))
    if found is None:
        return None, 404
    if (act and not can_act(user)) or (verify and not can_verify(user)):
        return found, 403
    return found, 200


def lock(finding: Finding) -> None:
    """Serialise writers to one finding (see workflow.lock) and read it afresh."""
    db.session.execute(
        sa.update(Finding)
        .where(Finding.id == finding.id)
        .values(status=Finding.status)
        .execution_options(synchronize_session=False)
    )
    db.session.refresh(finding)


# --- raising findings at submission ----------------------------------------------------------


def raise_findings(
    inspection: Inspection, summary: scoring.Summary, user: User | None, today: dt.date
) -> RectificationNotice | None:
    """Turn the failed items of a just-submitted inspection into findings and issue a numbered
    notice listing them. On a resubmission (after a return) findings are matched by item: a
    finding stays, one whose item now passes (and that nothing was done on) is withdrawn, a new
    failure is raised; a new notice supersedes the old one when the list changed."""
    failed = [
        r.item_id
        for r in summary.items.values()
        if r.result == "fail" and r.excluded is None and isinstance(r.item_id, int)
    ]
    reasons = {r.item_id: r.reason for r in summary.items.values()}
    items = {item.id: item for item in inspection.template.ordered_items()}
    existing = {
        f.item_id: f
        for f in db.session.scalars(
            sa.select(Finding).where(Finding.inspection_id == inspection.id)
        )
    }
    calendar = deadlines.official_calendar()
    changed = False
    with force_locale(current_app.config["BABEL_DEFAULT_LOCALE"]):
        for item_id in failed:
            finding = existing.get(item_id)
            if finding is None:
                finding = _new_finding(
                    inspection, items[item_id], reasons[item_id], today, calendar
                )
                db.session.add(finding)
                changed = True
            elif finding.status == FindingStatus.WITHDRAWN:
                finding.status = FindingStatus.OPEN
                n, unit, basis = deadlines.for_item(items[item_id])
                start = deadlines.start_of(unit, today, inspection.submitted_at or utcnow())
                result = deadlines.compute(start, n, unit, calendar)
                deadlines.apply(finding, today, n, unit, result, basis)
                finding.events.append(
                    FindingEvent(kind="raised", actor=user, text=_("Found again on resubmission."))
                )
                changed = True
            finding.revision = inspection.revision
            finding.reason = reasons[item_id]
        for item_id, finding in existing.items():
            untouched = not any(e.kind == "action" for e in finding.events)
            if item_id not in failed and finding.status == FindingStatus.OPEN and untouched:
                finding.status = FindingStatus.WITHDRAWN
                finding.events.append(
                    FindingEvent(
                        kind="withdrawn",
                        actor=user,
                        text=_("The item passed when the inspection was submitted again."),
                    )
                )
                changed = True
    db.session.flush()
    current = current_notice(inspection)
    listed = [
        f
        for f in db.session.scalars(
            sa.select(Finding)
            .where(Finding.inspection_id == inspection.id, Finding.status.in_(ACTIVE))
            .order_by(Finding.id)
        )
    ]
    if not listed or (current is not None and not changed):
        return current
    if current is not None:
        current.superseded = True
    notice = _issue_notice(inspection, user, today)
    order = {item_id: n for n, item_id in enumerate(items, start=1)}
    for n, finding in enumerate(sorted(listed, key=lambda f: order.get(f.item_id, 0)), start=1):
        finding.notice = notice
        finding.number = n
    db.session.flush()
    first_due = min(f.due_on for f in listed)
    for_enterprise = listed[0]
    notify.enterprise(
        for_enterprise,
        "notice",
        lambda: _(
            "Rectification notice %(number)s: %(count)d finding(s), the first due on %(due)s.",
            number=notice.number,
            count=len(listed),
            due=first_due.isoformat(),
        ),
    )
    return notice


def _new_finding(inspection, item, reason: str, today: dt.date, calendar) -> Finding:
    """A finding of a failed item, due when its clause says a failure must be put right
    (``fix_n``/``fix_unit``, counted from the inspection's day, explained with the clause's
    words), else after the severity's default (FINDING_DEADLINES)."""
    severity = str(item.severity)
    n, unit, basis = deadlines.for_item(item)
    finding = Finding(
        inspection=inspection,
        organisation_id=inspection.organisation_id,
        item_id=item.id,
        revision=inspection.revision,
        template_id=inspection.template_id,
        template_version=inspection.template.version,
        clause_key=item.clause_key,
        document_number=item.document_number,
        document_version=item.document_version,
        clause_text=item.clause_text,
        clause_text_hash=item.clause_text_hash,
        prompt=item.prompt,
        severity=severity,
        reason=reason,
        required_action=_("Put right so that the clause is met: %(prompt)s", prompt=item.prompt),
        status=FindingStatus.OPEN,
    )
    start = deadlines.start_of(unit, today, inspection.submitted_at or utcnow())
    deadlines.apply(finding, today, n, unit, deadlines.compute(start, n, unit, calendar), basis)
    finding.events.append(FindingEvent(kind="raised", text=finding.deadline_explanation))
    return finding


def current_notice(inspection: Inspection) -> RectificationNotice | None:
    """The inspection's notice in force (None before any, or when nothing failed)."""
    return db.session.scalar(
        sa.select(RectificationNotice)
        .where(RectificationNotice.inspection_id == inspection.id, ~RectificationNotice.superseded)
        .order_by(RectificationNotice.id.desc())
        .limit(1)
    )


def of_inspection(inspection: Inspection) -> list[Finding]:
    """An inspection's findings in notice order, with their notice."""
    return list(
        db.session.scalars(
            sa.select(Finding)
            .options(sa.orm.joinedload(Finding.notice))
            .where(Finding.inspection_id == inspection.id)
            .order_by(Finding.number, Finding.id)
        )
    )


def on_submitted(inspection: Inspection, *, summary, user: User | None, as_of: dt.date) -> None:
    """A ``hooks.submitted`` receiver: raise the findings of a submitted inspection."""
    raise_findings(inspection, summary, user, as_of)


def page_context(inspection: Inspection) -> dict[str, Any]:
    """A ``hooks.page_context`` receiver: the inspection page's and report's findings."""
    return {"findings": of_inspection(inspection), "notice": current_notice(inspection)}


def _issue_notice(inspection: Inspection, user: User | None, today: dt.date) -> RectificationNotice:
    """A new notice with the next number of the year (the counter row is updated in place, so
    two submissions at once cannot take the same number)."""
    year = today.year
    dialect = db.session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    db.session.execute(
        insert(NoticeCounter)
        .values(year=year, last=0)
        .on_conflict_do_nothing(index_elements=["year"])
    )
    seq = db.session.execute(
        sa.update(NoticeCounter)
        .where(NoticeCounter.year == year)
        .values(last=NoticeCounter.last + 1)
        .returning(NoticeCounter.last)
    ).scalar_one()
    prefix = current_app.config["NOTICE_PREFIX"]
    notice = RectificationNotice(
        inspection=inspection,
        revision=inspection.revision,
        year=year,
        seq=seq,
        number=f"{prefix}〔{year}〕{seq:04d}号",
        issued_on=today,
        issued_by=user,
    )
    db.session.add(notice)
    db.session.flush()
    return notice


# --- the enterprise's corrective actions -----------------------------------------------------


def _text(raw: Any, name: str, *, required: bool) -> str:
    text = raw.strip() if isinstance(raw, str) else ""
    if raw is not None and not isinstance(raw, str):
        raise InputError({name: _("Must be text.")})
    if required and not text:
        raise InputError(
            {name: _("Say what was done.") if name == "description" else _("Required.")}
        )
    if len(text) > MAX_TEXT:
        raise InputError({name: _("At most %(n)d characters.", n=MAX_TEXT)})
    return text


def _client_id(raw: Any) -> str | None:
    if raw in (None, ""):
        return None
    if not isinstance(raw, str) or len(raw) > 64:
        raise InputError({"client_id": _("At most 64 characters of text.")})
    return raw


def add_action(
    finding: Finding, user: User, description: Any, client_id: Any = None
) -> tuple[FindingEvent, bool]:
    """Record a corrective action (with the files uploaded since the last one). The same
    ``client_id`` again returns the stored action and False (also once the finding is closed);
    with other text it is a 409 ``id_reused``."""
    text = _text(description, "description", required=True)
    client_id = _client_id(client_id)
    lock(finding)
    if client_id is not None:
        stored = next((e for e in finding.events if e.client_id == client_id), None)
        if stored is not None:
            if stored.text != text:
                raise Conflict("id_reused", _("This client_id was used for another action."))
            return stored, False
    if finding.status not in ACTIVE:
        raise Conflict("closed", _("This finding is closed: nothing more to report."))
    event = FindingEvent(
        kind="action", actor=user, text=text, client_id=client_id, data={"status": "action"}
    )
    finding.events.append(event)
    for file in finding.files:
        if file.event_id is None:
            file.event = event
    finding.status = FindingStatus.ACTION_SUBMITTED
    db.session.flush()
    org = finding.organisation.name
    notify.inspectors(
        finding,
        "action",
        lambda: _(
            "%(org)s reported a corrective action on finding %(n)s (%(prompt)s): please verify.",
            org=org,
            n=finding.id,
            prompt=finding.prompt[:60],
        ),
    )
    return event, True


def add_file(finding: Finding, data: bytes, filename: str, user: User) -> tuple[FindingFile, bool]:
    """Attach a photo (JPEG/PNG/WebP, processed like inspection photos) or a document (PDF,
    .docx, .xlsx) as evidence; the file is stored once (``evidence``), whatever else uses it.
    The same bytes again for this finding return the stored record and False."""
    sha = storage.key_of(data)
    existing = _stored_file(finding, sha)
    if existing is not None:
        return existing, False
    if finding.status not in ACTIVE:
        raise Conflict("closed", _("This finding is closed: nothing more to report."))
    name = storage.safe_filename(filename)
    received = evidence.ingest(data, filename=name, documents=True)
    lock(finding)
    existing = _stored_file(finding, sha)
    if existing is not None:
        return existing, False
    if finding.status not in ACTIVE:
        raise Conflict("closed", _("This finding is closed: nothing more to report."))
    record = FindingFile(
        finding=finding, evidence=evidence.record(received), filename=name, uploaded_by=user
    )
    db.session.add(record)
    db.session.flush()
    return record, True


def _stored_file(finding: Finding, sha: str) -> FindingFile | None:
    return db.session.scalar(
        sa.select(FindingFile)
        .join(FindingFile.evidence)
        .where(FindingFile.finding_id == finding.id, Evidence.sha256 == sha)
    )


# --- 复查 and deadlines --------------------------------------------------------------------

OUTCOMES = ("closed", "reopened")


def verify(
    finding: Finding,
    user: User,
    outcome: Any,
    reason: Any,
    *,
    n: Any = None,
    unit: Any = None,
    today: dt.date,
) -> tuple[FindingEvent, bool]:
    """The inspector's 复查: ``closed`` (put right) or ``reopened`` (not put right, with a
    reason; optionally a new deadline counted from today). The same outcome repeated returns
    the stored event and False."""
    if outcome not in OUTCOMES:
        raise InputError({"outcome": _("One of: %(allowed)s.", allowed=", ".join(OUTCOMES))})
    text = _text(reason, "reason", required=outcome == "reopened")
    new_deadline = None
    if n not in (None, "") or unit not in (None, ""):  # checked whatever the outcome
        unit = deadlines.parse_unit(unit or finding.deadline_unit)
        count = None if n in (None, "") else deadlines.parse_count(n, unit)
        if outcome == "reopened" and count is not None:
            new_deadline = (count, unit)
    lock(finding)
    last = finding.events[-1] if finding.events else None
    if (
        last is not None
        and last.kind == outcome
        and str(finding.status) == outcome
        and last.actor_id == user.id
        and last.text == (text or last.text)
    ):
        return last, False
    if outcome == "closed" and finding.status not in ACTIVE:
        raise Conflict("not_open", _("Only an open finding can be closed."))
    if outcome == "reopened" and finding.status not in (
        FindingStatus.ACTION_SUBMITTED,
        FindingStatus.CLOSED,
    ):
        raise Conflict(
            "nothing_to_verify",
            _("Reopen a finding after a corrective action was reported, or a closed one."),
        )
    before = str(finding.status)
    data: dict[str, Any] = {"from": before}
    if outcome == "closed":
        finding.status = FindingStatus.CLOSED
        finding.closed_at = utcnow()
        text = text or _("Verified: put right.")
    else:
        finding.status = FindingStatus.REOPENED
        finding.closed_at = None
        finding.overdue_since = None
        if new_deadline is not None:
            data["due_on"] = [finding.due_on.isoformat()]
            start = deadlines.start_of(new_deadline[1], today, utcnow())
            result = deadlines.compute(start, *new_deadline)
            deadlines.apply(finding, today, *new_deadline, result)
            data["due_on"].append(result.due_on.isoformat())
    event = FindingEvent(kind=outcome, actor=user, text=text, data=data)
    finding.events.append(event)
    db.session.flush()
    if outcome == "closed":
        message = lambda: _("Finding %(n)s was verified and closed.", n=finding.id)  # noqa: E731
    else:
        message = lambda: _(  # noqa: E731
            "Finding %(n)s was reopened: %(reason)s (due %(due)s)",
            n=finding.id,
            reason=text,
            due=finding.due_on.isoformat(),
        )
    notify.enterprise(finding, outcome, message)
    return event, True


def check_open(finding: Finding) -> None:
    """A 409 ``not_open`` unless the finding is still active (its deadline can change)."""
    if finding.status not in ACTIVE:
        raise Conflict("not_open", _("The finding is closed."))


def set_deadline(finding: Finding, user: User, n: Any, unit: Any, reason: Any) -> FindingEvent:
    """An inspector sets another deadline (N units from the finding's start day)."""
    check_open(finding)
    unit = deadlines.parse_unit(unit)
    count = deadlines.parse_count(n, unit)
    text = _text(reason, "reason", required=False)
    lock(finding)
    check_open(finding)
    before = finding.due_on
    # Days count from the notice's day; hours from now (an hour count from a past day would
    # often be over before it was set).
    result = deadlines.compute(
        deadlines.start_of(unit, finding.deadline_start, utcnow()), count, unit
    )
    deadlines.apply(finding, finding.deadline_start, count, unit, result)
    finding.deadline_set_by_id = user.id
    event = FindingEvent(
        kind="deadline",
        actor=user,
        text=text or result.explanation,
        data={"due_on": [before.isoformat(), result.due_on.isoformat()], "n": count, "unit": unit},
    )
    finding.events.append(event)
    db.session.flush()
    if before != result.due_on:
        notify.enterprise(
            finding,
            "deadline",
            lambda: _(
                "The deadline of finding %(n)s is now %(due)s.",
                n=finding.id,
                due=result.due_on.isoformat(),
            ),
        )
    return event


def check_overdue(today: dt.date, now: dt.datetime) -> list[Finding]:
    """Flag every unresolved finding past its deadline that was not flagged yet, and tell its
    enterprise, inspectors and supervisors. Running it again flags nothing twice. The
    recipients are read once for all late findings (a few queries, whatever their number)."""
    late = db.session.scalars(
        sa.select(Finding)
        .options(
            sa.orm.joinedload(Finding.organisation).joinedload(Organisation.region),
            sa.orm.joinedload(Finding.inspection).load_only(Inspection.created_by_id),
        )
        .where(
            Finding.status.in_(UNRESOLVED),
            Finding.overdue_since.is_(None),
            sa.or_(
                Finding.due_on < today,
                sa.and_(Finding.due_at.is_not(None), Finding.due_at < now),
            ),
        )
        .order_by(Finding.id)
    ).all()
    if not late:
        return []
    recipients = notify.recipients_of(late)
    events, messages = [], []
    for finding in late:
        set_committed_value(finding, "overdue_since", today)
        events.append(
            {
                "finding_id": finding.id,
                "kind": "overdue",
                "text": _("Due on %(due)s.", due=finding.due_on.isoformat()),
                "data": {},
                "at": utcnow(),
            }
        )
        org = finding.organisation.name
        messages += notifications.rows(
            recipients[finding.id],
            "overdue",
            lambda finding=finding, org=org: _(
                "Overdue: finding %(n)s of %(org)s (%(prompt)s) was due on %(due)s.",
                n=finding.id,
                org=org,
                prompt=finding.prompt[:60],
                due=finding.due_on.isoformat(),
            ),
            link=notify.link(finding),
            finding_id=finding.id,
        )
    ids = [f.id for f in late]
    for chunk in range(0, len(ids), 1000):  # bulk writes, in chunks of bound parameters
        db.session.execute(
            sa.update(Finding)
            .where(Finding.id.in_(ids[chunk : chunk + 1000]))
            .values(overdue_since=today)
            .execution_options(synchronize_session=False)
        )
    db.session.execute(sa.insert(FindingEvent), events)
    if messages:
        db.session.execute(sa.insert(Notification), messages)
    db.session.flush()
    return late


# --- the home page ------------------------------------------------------------------------------


def finding_counts(user) -> dict[str, int]:
    """Open, overdue and to-verify findings this user may see, in one query."""
    today = local_today()
    visible = visible_findings(user).subquery()
    unresolved = visible.c.status.in_([s.value for s in UNRESOLVED])
    row = db.session.execute(
        sa.select(
            sa.func.count(sa.case((visible.c.status.in_([s.value for s in ACTIVE]), 1))),
            sa.func.count(sa.case((sa.and_(unresolved, visible.c.due_on < today), 1))),
            sa.func.count(sa.case((visible.c.status == FindingStatus.ACTION_SUBMITTED.value, 1))),
        )
    ).one()
    return {"active": row[0], "overdue": row[1], "to_verify": row[2]}


def enterprise_home(user) -> dict[str, Any]:
    """What an enterprise user's home page shows: its inspections with scores, and its open
    findings by deadline."""
    today = local_today()
    open_findings = db.session.scalars(
        visible_findings(user)
        .where(Finding.status.in_(ACTIVE))
        .options(sa.orm.joinedload(Finding.notice))
        .order_by(Finding.due_on, Finding.id)
        .limit(100)
    ).all()
    inspections = db.session.scalars(
        visible_inspections(user)
        .options(sa.orm.joinedload(Inspection.template))
        .order_by(Inspection.submitted_at.desc(), Inspection.id.desc())
        .limit(20)
    ).all()
    return {
        "open_findings": open_findings,
        "overdue": sum(1 for f in open_findings if f.is_overdue(today)),
        "due_soon": sum(
            1 for f in open_findings if f.status in UNRESOLVED and 0 <= (f.due_on - today).days <= 7
        ),
        "to_verify": sum(1 for f in open_findings if f.status == FindingStatus.ACTION_SUBMITTED),
        "recent_inspections": inspections,
    }
