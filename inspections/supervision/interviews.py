"""约谈 under 临政办字〔2016〕10号《临淄区安全生产约谈制度》: who is due for one (第三条（二）6:
the same kind of violation found twice in the window; 第三条（二）2: a major hazard under
挂牌督办 not put right in time), the numbered 约谈通知 (第四条), the interview held with its
minutes (第六条), the unit's written report within 15 working days (第七条), and the check that
flags a late report.

Checks come in the contract's order: the caller must see the interview (404), may take the
step (403), the interview must wait for it (409, naming the step due first), then the values
(422). A step sent again with the same content answers the stored one.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from flask import current_app
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from checklists.accounts import notifications
from checklists.accounts.models import Organisation, Role, User
from checklists.accounts.permissions import visible_organisations
from checklists.core.db import utcnow
from checklists.core.errors import Conflict, InputError
from checklists.core.extensions import db
from checklists.standards.models import Clause, Document
from inspections.filling.models import Inspection
from inspections.findings import deadlines
from inspections.findings.models import Finding, FindingStatus
from inspections.supervision import operations as hazards
from inspections.supervision import regime, triggers
from inspections.supervision.models import (
    Hazard,
    Interview,
    InterviewStatus,
    InterviewTrigger,
)

INSTRUMENT = "临淄区安全生产约谈制度"
#: The word before the year in a 约谈通知's number: 约谈〔2026〕0001号.
NUMBER_WORD = "约谈"
COUNTER = "interview"
#: 第七条: the written report is due N working days after the interview.
REPORT_DAYS = 15
ITEMS = "第三条/（二）"
#: The 第三条 item each trigger rests on by default.
DEFAULT_ITEM = {
    InterviewTrigger.REPEAT_VIOLATION: "6",
    InterviewTrigger.HAZARD_OVERDUE: "2",
    InterviewTrigger.MANUAL: "7",
}
TRIGGER_LABELS = {
    InterviewTrigger.REPEAT_VIOLATION: _l("the same kind of violation found twice"),
    InterviewTrigger.HAZARD_OVERDUE: _l("a major hazard not put right in time"),
    InterviewTrigger.MANUAL: _l("other"),
}
STATUS_LABELS = {
    InterviewStatus.NOTIFIED: _l("notified, to be held"),
    InterviewStatus.HELD: _l("held, written report awaited"),
    InterviewStatus.REPORTED: _l("report received"),
}
#: The steps in their order: name → (who takes it, the status it starts from, its label).
STEPS = {
    "held": (Role.SUPERVISOR, InterviewStatus.NOTIFIED, _l("Record the interview (minutes)")),
    "report": (Role.ENTERPRISE, InterviewStatus.HELD, _l("Written report on the follow-up")),
}
EVENT_LABELS = {
    "notified": _l("Interview notice issued"),
    "held": _l("Interview held"),
    "report": _l("Written report received"),
    "overdue": _l("Report overdue"),
}
MAX_TEXT = hazards.MAX_TEXT
MAX_NAME = hazards.MAX_NAME
MAX_ATTENDEES = 30
MAX_PLACE = 200


def clause_key(item: str) -> str:
    """临政办字〔2016〕10号/临淄区安全生产约谈制度/第三条/（二）/6 for item "6"."""
    return f"{regime.DOCUMENT_NUMBER}/{INSTRUMENT}/{ITEMS}/{item}"


def citation(key: str) -> str:
    """A clause key of the regime as people cite it: 临政办字〔2016〕10号《…制度》第三条（二）6."""
    prefix = f"{regime.DOCUMENT_NUMBER}/{INSTRUMENT}/"
    if not key.startswith(prefix):
        return key
    return f"{regime.DOCUMENT_NUMBER}《{INSTRUMENT}》{key[len(prefix) :].replace('/', '')}"


def article_key(article: str) -> str:
    return f"{regime.DOCUMENT_NUMBER}/{INSTRUMENT}/{article}"


def clause_text(key: str) -> str:
    """The current text of a clause, "" when the document was not imported."""
    return (
        db.session.scalar(
            sa.select(Clause.text).join(Document).where(Document.is_current, Clause.key == key)
        )
        or ""
    )


def window() -> triggers.Window:
    raw = str(current_app.config.get("INTERVIEW_WINDOW") or "calendar_year").strip()
    try:
        return triggers.Window(raw)
    except ValueError:
        return triggers.Window.CALENDAR_YEAR


# --- who sees and does what -----------------------------------------------------------------


def visible_interviews(user: User) -> sa.Select[tuple[Interview]]:
    """An administrator all, a supervisor those of the organisations in their region, an
    enterprise its own organisation's; inspectors and authors none."""
    query = sa.select(Interview)
    if user.role == Role.ADMIN or (user.role == Role.SUPERVISOR and user.region is None):
        return query
    if user.role in (Role.SUPERVISOR, Role.ENTERPRISE):
        orgs = visible_organisations(user).with_only_columns(Organisation.id)
        return query.where(Interview.organisation_id.in_(orgs))
    return query.where(sa.false())


def can_schedule(user: User) -> bool:
    return user.role in (Role.SUPERVISOR, Role.ADMIN)


def can_take(user: User, step: str) -> bool:
    return user.role == Role.ADMIN or user.role == STEPS[step][0]


def checked(user: User, interview_id: int, step: str | None = None):
    found = db.session.scalar(visible_interviews(user).where(Interview.id == interview_id))
    if found is None:
        return None, 404
    if step is not None and not can_take(user, step):
        return found, 403
    return found, 200


def steps_for(user: User, interview: Interview) -> list[str]:
    return [
        name
        for name, (_who, start, _label) in STEPS.items()
        if interview.status == start and can_take(user, name)
    ]


# --- the due list -----------------------------------------------------------------------------


def local(moment: dt.datetime) -> dt.datetime:
    """A stored moment in Asia/Shanghai (SQLite gives it back without its offset: UTC)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(ZoneInfo("Asia/Shanghai"))


def _local_day(moment: dt.datetime) -> dt.date:
    return local(moment).date()


def _scheduled(today: dt.date, start: dt.date) -> set[tuple[int, str, str]]:
    """(organisation, trigger, subject) of the interviews created since ``start``."""
    rows = db.session.execute(
        sa.select(Interview.organisation_id, Interview.trigger, Interview.subjects).where(
            Interview.created_on >= start, Interview.created_on <= today
        )
    ).all()
    return {(org, str(trigger), subject) for org, trigger, subjects in rows for subject in subjects}


def due(user: User, today: dt.date, organisation_id: int | None = None) -> list[dict[str, Any]]:
    """The organisations ``user`` sees that should be interviewed on ``today``: one entry per
    repeated kind of violation (第三条（二）6) and per overdue hazard (第三条（二）2), leaving
    out what an interview created in the window answers already."""
    chosen = window()
    start = triggers.window_start(today, chosen)
    orgs = visible_organisations(user).with_only_columns(Organisation.id)
    if organisation_id is not None:
        orgs = orgs.where(Organisation.id == organisation_id)
    rows = db.session.execute(
        sa.select(
            Finding.organisation_id,
            Finding.inspection_id,
            Finding.clause_key,
            Finding.prompt,
            Inspection.submitted_at,
        )
        .join(Inspection, Finding.inspection_id == Inspection.id)
        .where(
            Finding.status != FindingStatus.WITHDRAWN,
            Finding.clause_key != "",
            Inspection.submitted_at.is_not(None),
            Finding.organisation_id.in_(orgs),
        )
    ).all()
    prompts = {(r.inspection_id, r.clause_key): r.prompt for r in rows}
    violations = [
        triggers.Violation(
            r.organisation_id, r.inspection_id, r.clause_key, _local_day(r.submitted_at)
        )
        for r in rows
    ]
    done = _scheduled(today, start)
    names = dict(
        db.session.execute(
            sa.select(Organisation.id, Organisation.name).where(Organisation.id.in_(orgs))
        ).all()
    )
    out: list[dict[str, Any]] = []
    trigger = InterviewTrigger.REPEAT_VIOLATION
    for found in triggers.repeats(violations, today, chosen):
        if (found.organisation_id, trigger.value, found.kind_key) in done:
            continue
        days = "、".join(v.day.isoformat() for v in found.violations)
        first = found.violations[0]
        out.append(
            {
                "organisation_id": found.organisation_id,
                "organisation": names.get(found.organisation_id, ""),
                "trigger": trigger,
                "reason": _(
                    "The same kind of violation was found in %(n)d inspections (%(days)s): "
                    "%(what)s (%(clause)s).",
                    n=len(found.violations),
                    days=days,
                    what=prompts.get((first.inspection_id, first.clause_key), ""),
                    clause=found.kind_key,
                ),
                "clause_key": clause_key(DEFAULT_ITEM[trigger]),
                "subject": found.kind_key,
                "hazard_id": None,
                "inspection_ids": [v.inspection_id for v in found.violations],
            }
        )
    trigger = InterviewTrigger.HAZARD_OVERDUE
    late = db.session.scalars(
        hazards.filtered(user, overdue=True, today=today)
        .where(Hazard.organisation_id.in_(orgs))
        .order_by(Hazard.organisation_id, Hazard.id)
    ).all()
    for hazard in late:
        subject = f"hazard/{hazard.id}"
        if (hazard.organisation_id, trigger.value, subject) in done:
            continue
        out.append(
            {
                "organisation_id": hazard.organisation_id,
                "organisation": hazard.organisation.name,
                "trigger": trigger,
                "reason": _(
                    "Major hazard %(number)s (%(title)s) under supervision was to be put right "
                    "by %(due)s and is not.",
                    number=hazard.number,
                    title=hazard.title[:60],
                    due=hazard.due_on.isoformat(),
                ),
                "clause_key": clause_key(DEFAULT_ITEM[trigger]),
                "subject": subject,
                "hazard_id": hazard.id,
                "inspection_ids": [],
            }
        )
    # the regime reaches only the organisations of its region, while its document is in force
    if hazards.document_problem(today, INSTRUMENT) is not None:
        return []
    listed = {e["organisation_id"] for e in out}
    reached = {
        org.id
        for org in db.session.scalars(sa.select(Organisation).where(Organisation.id.in_(listed)))
        if hazards.region_problem(org) is None
    }
    out = [e for e in out if e["organisation_id"] in reached]
    return sorted(out, key=lambda e: (e["organisation"], e["trigger"], e["subject"]))


# --- scheduling -----------------------------------------------------------------------------


def _text(raw: Any, name: str, errors: dict[str, str], *, required: bool, limit: int = MAX_TEXT):
    return hazards._text(raw, name, errors, required=required, limit=limit)


def schedule(
    user: User,
    *,
    today: dt.date,
    organisation_id: Any,
    trigger: Any,
    reason: Any,
    clause_key_: Any = None,
    scheduled_at: dt.datetime | None = None,
    place: Any = None,
    client_id: Any,
    override: Any = None,
) -> tuple[Interview, bool]:
    """Issue a numbered 约谈通知. The same ``client_id`` again returns the stored interview
    and False (other content with it: 409 ``id_reused``)."""
    errors: dict[str, str] = {}
    if client_id in (None, ""):
        errors["client_id"] = _("This field is required.")
        client_id = None
    else:
        client_id = hazards._client_id(client_id)
    request = {
        key: value
        for key, value in {
            "organisation_id": organisation_id,
            "trigger": str(trigger) if trigger else None,
            "reason": reason,
            "clause_key": clause_key_,
            "scheduled_at": scheduled_at.isoformat() if scheduled_at else None,
            "place": place,
            "override": override,
        }.items()
        if value not in (None, "")
    }
    if client_id is not None:
        stored = db.session.scalar(sa.select(Interview).where(Interview.client_id == client_id))
        if stored is not None:
            if not stored.events or stored.events[0].get("data", {}).get("request") != request:
                raise Conflict("id_reused", _("This client_id was used for another interview."))
            return stored, False
    organisation = None
    if organisation_id is None:
        errors["organisation_id"] = _("This field is required.")
    else:
        organisation = db.session.scalar(
            visible_organisations(user).where(Organisation.id == organisation_id)
        )
        if organisation is None:
            errors["organisation_id"] = _("No such organisation.")
    try:
        trigger = InterviewTrigger(trigger)
    except ValueError:
        trigger = None
    if trigger is None:
        errors["trigger"] = _(
            "Must be one of: %(choices)s.", choices=", ".join(t.value for t in InterviewTrigger)
        )
        trigger = None
    reason = _text(reason, "reason", errors, required=True)
    place = _text(place, "place", errors, required=False, limit=MAX_PLACE)
    key = _text(clause_key_, "clause_key", errors, required=False, limit=500)
    if not key and trigger is not None:
        key = clause_key(DEFAULT_ITEM[trigger])
    elif key and not key.startswith(article_key("第三条")):
        errors["clause_key"] = _(
            "Not an item of %(article)s.", article=citation(article_key("第三条"))
        )
    if errors:
        raise InputError(errors)
    overridden = hazards.check_regime(organisation, today, override, INSTRUMENT)
    entries = [e for e in due(user, today, organisation.id) if e["trigger"] == trigger]
    year = today.year
    seq = hazards.next_number(COUNTER, year)
    interview = Interview(
        organisation=organisation,
        year=year,
        seq=seq,
        number=f"{NUMBER_WORD}〔{year}〕{seq:04d}号",
        trigger=trigger,
        reason=reason,
        clause_key=key,
        clause_text=clause_text(key),
        subjects=[e["subject"] for e in entries],
        hazard_id=next((e["hazard_id"] for e in entries if e["hazard_id"]), None),
        inspection_ids=sorted({i for e in entries for i in e["inspection_ids"]}),
        scheduled_at=scheduled_at.astimezone(dt.UTC) if scheduled_at else None,
        place=place,
        client_id=client_id,
        created_by=user,
        created_on=today,
        events=[
            _event(
                "notified",
                user,
                "",
                {"request": request, **({"override": overridden} if overridden else {})},
            )
        ],
    )
    db.session.add(interview)
    db.session.flush()
    _tell(
        _enterprise_users(interview),
        interview,
        lambda: _(
            "Interview notice %(number)s: %(org)s is to be interviewed%(when)s. Reason: %(reason)s",
            number=interview.number,
            org=interview.organisation.name,
            when=_when(interview),
            reason=interview.reason[:100],
        ),
    )
    return interview, True


def _when(interview: Interview) -> str:
    parts = []
    if interview.scheduled_at is not None:
        parts.append(local(interview.scheduled_at).strftime("%Y-%m-%d %H:%M"))
    if interview.place:
        parts.append(interview.place)
    return "（" + "，".join(parts) + "）" if parts else ""


def _event(kind: str, user: User | None, text: str, data: dict[str, Any]) -> dict[str, Any]:
    return {
        "kind": kind,
        "at": utcnow().isoformat(),
        "actor_id": user.id if user is not None else None,
        "actor": user.name if user is not None else None,
        "text": text,
        "data": data,
    }


# --- the steps --------------------------------------------------------------------------------


def check_order(interview: Interview, step: str) -> None:
    """A 409 unless ``interview`` waits for ``step``, naming the step that must come first."""
    start = STEPS[step][1]
    if interview.status == start:
        return
    status = STATUS_LABELS[interview.status]
    waiting = next((name for name, s in STEPS.items() if s[1] == interview.status), None)
    if waiting is None:
        raise Conflict(
            "already_done",
            _("This interview is complete: nothing more to do (%(status)s).", status=status),
        )
    if list(STEPS).index(step) < list(STEPS).index(waiting):
        raise Conflict(
            "already_done",
            _(
                "“%(step)s” is done already; the interview now waits for “%(next)s” (%(status)s).",
                step=STEPS[step][2],
                next=STEPS[waiting][2],
                status=status,
            ),
        )
    raise Conflict(
        "out_of_order",
        _(
            "“%(next)s” must come first (the interview is %(status)s).",
            next=STEPS[waiting][2],
            status=status,
        ),
    )


def resent(interview: Interview, step: str, request: dict[str, Any]) -> bool:
    last = next((e for e in reversed(interview.events) if e["kind"] in STEPS), None)
    return last is not None and last["kind"] == step and last["data"].get("request") == request


def lock(interview: Interview) -> None:
    db.session.execute(
        sa.update(Interview)
        .where(Interview.id == interview.id)
        .values(status=Interview.status)
        .execution_options(synchronize_session=False)
    )
    db.session.refresh(interview)


def _names(raw: Any, errors: dict[str, str]) -> list[str]:
    if raw is None:
        return []
    if isinstance(raw, str):
        raw = [p for p in raw.replace("，", ",").replace("、", ",").replace("\n", ",").split(",")]
    if not isinstance(raw, list):
        errors["attendees"] = _("Expected a list.")
        return []
    names = [str(n).strip() for n in raw if isinstance(n, str) and n.strip()]
    if len(names) != len([n for n in raw if n not in ("", None)]):
        errors["attendees"] = _("Each attendee is a name.")
    elif len(names) > MAX_ATTENDEES or any(len(n) > MAX_NAME for n in names):
        errors["attendees"] = _(
            "At most %(n)d names of at most %(m)d characters each.", n=MAX_ATTENDEES, m=MAX_NAME
        )
    return names


def take_step(
    interview: Interview, step: str, user: User, request: dict[str, Any], *, today: dt.date
) -> tuple[Interview, bool]:
    """Record ``held`` or ``report``. Returns the interview and True, or False for a resend."""
    request = {k: v for k, v in request.items() if v not in (None, "")}
    lock(interview)
    if resent(interview, step, request):
        return interview, False
    check_order(interview, step)
    errors: dict[str, str] = {}
    if step == "held":
        names = _names(request.get("attendees"), errors)
        minutes = _text(request.get("minutes"), "minutes", errors, required=True)
        commitments = _text(request.get("commitments"), "commitments", errors, required=False)
        day = hazards._date(request.get("held_on"), "held_on", errors, required=False) or today
        if "held_on" not in errors and day > today:
            errors["held_on"] = _("Not a day in the future.")
        if errors:
            raise InputError(errors)
        result = deadlines.compute(day, REPORT_DAYS, "working_day")
        interview.attendees = names
        interview.minutes = minutes
        interview.commitments = commitments
        interview.held_on = day
        interview.held_at = utcnow()
        interview.report_due_on = result.due_on
        interview.report_due_provisional = result.provisional
        interview.status = InterviewStatus.HELD
        data = {"request": request, "report_due_on": result.due_on.isoformat()}
        text = minutes
    else:
        text = _text(request.get("text"), "text", errors, required=True)
        if errors:
            raise InputError(errors)
        interview.report_text = text
        interview.reported_at = utcnow()
        interview.status = InterviewStatus.REPORTED
        data = {"request": request}
    interview.events = [*interview.events, _event(step, user, text, data)]
    db.session.flush()
    if step == "held":
        _tell(
            _enterprise_users(interview),
            interview,
            lambda: _(
                "Interview %(number)s held: the minutes are in ClauseCheck; send your written "
                "report by %(due)s.",
                number=interview.number,
                due=interview.report_due_on.isoformat(),
            ),
        )
    else:
        _tell(
            _supervisors(interview),
            interview,
            lambda: _(
                "Interview %(number)s (%(org)s): the written report is in.",
                number=interview.number,
                org=interview.organisation.name,
            ),
        )
    return interview, True


# --- overdue ------------------------------------------------------------------------------------


def check_overdue(today: dt.date) -> list[Interview]:
    """Flag once every held interview whose written report is past ``report_due_on``, and
    tell its enterprise and the region's supervisors."""
    late = db.session.scalars(
        sa.select(Interview)
        .where(
            Interview.status == InterviewStatus.HELD,
            Interview.overdue_since.is_(None),
            Interview.report_due_on < today,
        )
        .order_by(Interview.id)
    ).all()
    for interview in late:
        lock(interview)
        if interview.status != InterviewStatus.HELD or interview.overdue_since is not None:
            continue
        interview.overdue_since = today
        due_on = interview.report_due_on.isoformat()
        interview.events = [
            *interview.events,
            _event("overdue", None, _("Due on %(due)s.", due=due_on), {"due_on": due_on}),
        ]
        _tell(
            [*_enterprise_users(interview), *_supervisors(interview)],
            interview,
            lambda interview=interview: _(
                "Overdue: the written report on interview %(number)s (%(org)s) was due by %(due)s.",
                number=interview.number,
                org=interview.organisation.name,
                due=interview.report_due_on.isoformat(),
            ),
        )
    db.session.flush()
    return list(late)


# --- telling people -----------------------------------------------------------------------------


def link(interview: Interview) -> str:
    return f"/interviews/{interview.id}"


def _enterprise_users(interview: Interview) -> list[User]:
    return hazards._enterprise_users(interview)  # type: ignore[arg-type]


def _supervisors(interview: Interview) -> list[User]:
    return hazards._supervisors(interview)  # type: ignore[arg-type]


def _tell(users: list[User], interview: Interview, message) -> None:
    notifications.send(users, "interview", message, link=link(interview))
