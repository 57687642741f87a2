"""Inspection use cases: create, save an answer (the Sync rules of interfaces.md), submit.

Each function validates, mutates and flushes; the caller commits once.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid as uuidlib
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from flask_babel import gettext as _

from checklists import builder, scoring
from checklists.accounts.models import Organisation, User, utcnow
from checklists.errors import InputError
from checklists.extensions import db
from checklists.models import ChecklistTemplate, TemplateItem, TemplateStatus
from inspections.models import Answer, Inspection, InspectionStatus


class Conflict(Exception):
    """A write the current state refuses (409). ``code``: ``submitted`` or ``id_reused``."""

    def __init__(self, code: str, message: str) -> None:
        self.code = code
        self.message = message
        super().__init__(message)


def create_inspection(
    template: ChecklistTemplate,
    organisation: Organisation,
    user: User | None,
    *,
    uuid: str | None = None,
    planned_on: dt.date | None = None,
    inspectors: list[User] | None = None,
) -> tuple[Inspection, bool]:
    """A new inspection pinned to ``template`` (a published version). The same ``uuid`` again
    returns the existing inspection and False (a retried create makes no duplicate)."""
    if uuid:
        try:
            uuid = str(uuidlib.UUID(uuid))
        except ValueError as exc:
            raise InputError({"uuid": _("Not a UUID.")}) from exc
        existing = db.session.scalar(sa.select(Inspection).where(Inspection.uuid == uuid))
        if existing is not None:
            return existing, False
    if template.status != TemplateStatus.PUBLISHED:
        raise InputError({"template_id": _("Only a published template can be used.")})
    inspection = Inspection(
        uuid=uuid or str(uuidlib.uuid4()),
        template=template,
        organisation=organisation,
        planned_on=planned_on,
        created_by=user,
        inspectors=list(inspectors or ([user] if user is not None else [])),
    )
    db.session.add(inspection)
    db.session.flush()
    return inspection, True


@dataclass
class Saved:
    """What ``save_answer`` did: the stored write, whether it was new, and the item's current
    answer afterwards (which may be another write with a later ``answered_at``)."""

    answer: Answer
    created: bool
    current: Answer


def _content_hash(value: Any, unit: str | None, note: str, answered_at: dt.datetime) -> str:
    body = json.dumps(
        [value, unit, note, answered_at.astimezone(dt.UTC).isoformat()],
        ensure_ascii=False,
        sort_keys=True,
        default=str,
    )
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def _json_value(value: Any) -> Any:
    """A parsed value as stored: Decimals as canonical strings, dates ISO, lists as lists."""
    if isinstance(value, (list, tuple)):
        return [_json_value(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    if value is None or isinstance(value, (str, bool, int)):
        return value
    return scoring.format_decimal(value)


def save_answer(
    inspection: Inspection,
    item_id: int,
    value: Any,
    user: User | None,
    *,
    unit: str | None = None,
    note: str = "",
    answered_at: dt.datetime | None = None,
    client_id: str | None = None,
) -> Saved:
    """Store one answer write, following the Sync rules: the same ``client_id`` with the same
    content returns the stored write (also after submission); with other content it is a
    Conflict ``id_reused``; after submission any new write is a Conflict ``submitted``. The
    item's latest ``answered_at`` is current (ties: the later arrival)."""
    answered_at = answered_at or utcnow()
    if answered_at.tzinfo is None:
        raise InputError({"answered_at": _("Give the time with its offset (+08:00).")})
    note = (note or "").strip()
    if client_id is not None and (not client_id or len(client_id) > 64):
        raise InputError({"client_id": _("At most %(n)s characters.", n=64)})
    item = db.session.get(TemplateItem, item_id)
    if item is None or item.template_id != inspection.template_id:
        raise InputError({"item_id": _("This item is not in the inspection's template.")})
    spec = builder.item_spec(item)
    try:
        parsed = scoring.parse_value(spec, value, unit)
    except scoring.AnswerError as exc:
        raise InputError({"value": exc.message}) from exc
    stored_value = _json_value(parsed)
    content = _content_hash(stored_value, unit, note, answered_at)
    if client_id is not None:
        earlier = db.session.scalar(
            sa.select(Answer).where(
                Answer.inspection_id == inspection.id, Answer.client_id == client_id
            )
        )
        if earlier is not None:
            if earlier.content_hash != content or earlier.item_id != item.id:
                raise Conflict("id_reused", _("This client_id was used for another answer."))
            return Saved(earlier, False, _current(inspection, item.id))
    if not inspection.is_open:
        raise Conflict(
            "submitted",
            _("The inspection was submitted; it can change only after a supervisor returns it."),
        )
    judged = scoring.evaluate(spec, scoring.Answer(parsed, unit, photos=1))
    others = db.session.scalars(
        sa.select(Answer).where(Answer.inspection_id == inspection.id, Answer.item_id == item.id)
    ).all()
    answer = Answer(
        inspection=inspection,
        item=item,
        client_id=client_id,
        content_hash=content,
        value=stored_value,
        unit=unit,
        note=note,
        answered_at=answered_at,
        answered_by=user,
        revision=inspection.revision,
        result=judged.result,
        reason=judged.reason,
    )
    latest = max((o.answered_at for o in others), default=None)
    answer.current = latest is None or _aware(answered_at) >= _aware(latest)
    if answer.current:
        for other in others:
            other.current = False
    if inspection.status == InspectionStatus.PLANNED:
        inspection.status = InspectionStatus.IN_PROGRESS
    db.session.add(answer)
    db.session.flush()
    return Saved(answer, not others, answer if answer.current else _current(inspection, item.id))


def _aware(moment: dt.datetime) -> dt.datetime:
    """SQLite hands back naive UTC; PostgreSQL aware times."""
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _current(inspection: Inspection, item_id: int) -> Answer:
    return db.session.scalar(
        sa.select(Answer).where(
            Answer.inspection_id == inspection.id, Answer.item_id == item_id, Answer.current
        )
    )


def score_inspection(inspection: Inspection, as_of: dt.date) -> scoring.Summary:
    """The engine's summary of the current answers (photos are counted per item when the
    photo store exists; until then a failed item needing a photo counts as missing it)."""
    spec = builder.template_spec(inspection.template)
    answers = {
        a.item_id: scoring.Answer(a.value, a.unit, photos=0)
        for a in inspection.answers
        if a.current
    }
    return scoring.score(spec, answers, as_of=as_of)


def submit(inspection: Inspection, user: User | None, as_of: dt.date) -> scoring.Summary:
    """Score and close an inspection. Missing required items → InputError listing them; a
    repeated submit returns the stored result."""
    summary = score_inspection(inspection, as_of)
    if not inspection.is_open:
        return summary
    if not summary.complete:
        numbers = inspection.template.item_numbers()
        raise InputError(
            {
                f"item_{item_id}": _(
                    "Item %(n)s: %(why)s",
                    n=numbers.get(item_id, item_id),
                    why=_("not answered") if code == "unanswered" else _("needs a photo"),
                )
                for item_id, code in summary.missing
            },
            _("Some required items are missing."),
        )
    inspection.status = InspectionStatus.SUBMITTED
    inspection.submitted_at = utcnow()
    inspection.score = summary.score
    inspection.verdict = summary.verdict
    inspection.grade = summary.grade
    inspection.summary = summary.to_dict()
    db.session.flush()
    return summary
