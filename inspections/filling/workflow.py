"""Inspection use cases: create, save an answer (the Sync rules of interfaces.md), submit.

Each function validates, mutates and flushes; the caller commits once.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import uuid as uuidlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from flask import current_app
from flask_babel import gettext as _
from sqlalchemy.orm.attributes import set_committed_value

from checklists import scoring
from checklists.accounts import marks, notifications
from checklists.accounts.models import Organisation, Role, User
from checklists.authoring import operations as builder
from checklists.authoring.models import ChecklistTemplate, TemplateItem, TemplateStatus, item_spec
from checklists.core import audit, metrics
from checklists.core.audit import AuditEntry
from checklists.core.clock import local_today
from checklists.core.db import as_utc, detached_row, holds_row_lock, utcnow
from checklists.core.errors import Conflict, InputError
from checklists.core.extensions import db
from checklists.core.workdays import OfficialCalendar
from checklists.core.writers import writer_turn
from checklists.standards.models import Clause, Document
from inspections.filling import hooks, repeats, visibility
from inspections.filling.models import Answer, Inspection, InspectionStatus, Photo


def create_inspection(
    template: ChecklistTemplate,
    organisation: Organisation,
    user: User | None,
    *,
    uuid: str | None = None,
    planned_on: dt.date | None = None,
    inspectors: list[User] | None = None,
    basis_override: str = "",
) -> tuple[Inspection, bool]:
    """A new inspection pinned to ``template`` (a published version). The same ``uuid`` again
    returns the existing inspection and False (a retried create makes no duplicate).

    Refused (Conflict ``basis_not_in_force``) when a clause it rests on is not in force on its
    date (planned, else today), unless ``basis_override`` says why it goes ahead: the reason
    and who gave it are recorded on the inspection and shown with it."""
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
    basis_override = (basis_override or "").strip()
    if len(basis_override) > 1000:
        raise InputError({"basis_override": _("At most 1000 characters.")})
    lapsed = bases_not_in_force(template, planned_on or local_today())
    if lapsed and not basis_override:
        raise Conflict(
            "basis_not_in_force",
            _(
                "Not in force on %(day)s: %(bases)s. Give the reason it goes ahead "
                "(basis_override) to create it anyway.",
                day=(planned_on or local_today()).isoformat(),
                bases="；".join(lapsed),
            ),
        )
    disqualified = depot_disqualified(template, organisation)
    if disqualified and not basis_override:
        raise Conflict(
            "qualification_cancelled",
            _(
                "%(org)s's depot qualification is cancelled (%(clause)s): it cannot be inspected "
                "as a qualified depot. Give the reason it goes ahead (basis_override) to create "
                "it anyway.",
                org=organisation.name,
                clause=f"{DEPOT_DOCUMENT} 四（二）",
            ),
        )
    inspection = Inspection(
        uuid=uuid or str(uuidlib.uuid4()),
        template=template,
        organisation=organisation,
        planned_on=planned_on,
        created_by=user,
        inspectors=list(inspectors or ([user] if user is not None else [])),
    )
    if lapsed or disqualified:
        inspection.basis_override = basis_override
        inspection.basis_override_by_id = user.id if user is not None else None
    db.session.add(inspection)
    db.session.flush()
    return inspection, True


#: The document under which a depot qualifies (冠政发〔2016〕109号 四（二）): a template citing it
#: inspects a qualified depot.
DEPOT_DOCUMENT = "冠政发〔2016〕109号"


def depot_disqualified(template: ChecklistTemplate, organisation: Organisation) -> bool:
    """Whether ``organisation``'s depot qualification is cancelled (取消配送资格, a credit mark)
    and ``template`` inspects a qualified depot (an item cites the depots' document)."""
    found = marks.of("credit", [organisation.id])[organisation.id]
    if not any(mark["kind"] == "depot_disqualified" for mark in found):
        return False
    prefix = DEPOT_DOCUMENT + "/"
    return any((item.clause_key or "").startswith(prefix) for item in template.ordered_items())


def bases_not_in_force(template: ChecklistTemplate, day: dt.date) -> list[str]:
    """The documents (文号 and why) the template's items rest on that are not in force on
    ``day``: repealed by then, or outside their window unless the item's author confirmed the
    rule still applies."""
    items = template.ordered_items()
    documents = dict(
        db.session.execute(
            sa.select(Clause.id, Document)
            .join(Document, Document.id == Clause.document_id)
            .where(Clause.id.in_({i.clause_id for i in items if i.clause_id is not None}))
        ).all()
    )
    out: dict[int, str] = {}
    for item in items:
        document = documents.get(item.clause_id)
        if document is None or document.id in out or document.in_force_on(day):
            continue
        name = document.number or document.title
        if document.repealed_on and day >= document.repealed_on:
            out[document.id] = _(
                "%(name)s repealed on %(day)s", name=name, day=document.repealed_on.isoformat()
            )
        elif not item.validity_confirmed:
            out[document.id] = _("%(name)s outside its period in force", name=name)
    return list(out.values())


def load_by_uuid(key: str) -> Inspection | None:
    return db.session.scalar(sa.select(Inspection).where(Inspection.uuid == key))


@dataclass
class Saved:
    """What ``save_answer`` did: the stored write, whether it was new, and the item's current
    answer afterwards (which may be another write with a later ``answered_at``)."""

    answer: Answer
    created: bool
    current: Answer
    #: (required items answered, required items) as this write leaves them, when the write's
    #: SQL counted it (a new write to a template without conditions or repeats).
    progress: tuple[int, int] | None = None
    #: The inspection's live instances as the write left them (``visibility.live_rows``), when
    #: the write read them (a template with conditions or repeats): a resend's progress need
    #: not read them again.
    live: list[tuple[str, int]] | None = None
    #: A new write to a template with conditions or repeats: counts the progress the write
    #: leaves from what it read under the lock, in Python only (no statement: the caller may
    #: count after the commit, when the lock is no longer held).
    count: Callable[[], tuple[int, int]] | None = None

    def progress_left(self) -> tuple[int, int] | None:
        """The progress this write leaves, when it counted it or can (None: a resend)."""
        return self.progress if self.count is None else self.count()


#: How far ahead of the server's clock a device may be before the supervisor is told.
CLOCK_TOLERANCE = dt.timedelta(minutes=5)


def content_hash(
    value: Any, unit: str | None, note: str, sent_at: dt.datetime | None, instance: str = ""
) -> str:
    """The write as the device sent it: a resend hashes the same, whenever it arrives (the
    instance of a repeated section joins the hashed content; an ordinary item's hashes as
    before instances existed)."""
    sent = None if sent_at is None else sent_at.astimezone(dt.UTC).isoformat()
    body = json.dumps(
        [value, unit, note, sent, instance] if instance else [value, unit, note, sent],
        ensure_ascii=False,
        sort_keys=True,
        default=str,
    )
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def json_value(value: Any) -> Any:
    """A parsed value as stored: Decimals as canonical strings, dates ISO, lists as lists, a
    date_pair's {"from", "to"} as ISO dates."""
    if isinstance(value, (list, tuple)):
        return [json_value(v) for v in value]
    if isinstance(value, dict):
        return {k: json_value(v) for k, v in value.items()}
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
    instance: str = "",
) -> Saved:
    """Store one answer write, following the Sync rules: the same ``client_id`` with the same
    content returns the stored write (also after submission); with other content it is a
    Conflict ``id_reused``; after submission any new write is a Conflict ``submitted``. The
    item's latest ``answered_at`` is current (ties: the later arrival); a stamp later than the
    receipt counts as the receipt (flagged when more than ``CLOCK_TOLERANCE`` ahead), a stamp
    before the inspection existed is flagged. ``instance``: the key (made on the device) of the
    repeated section's instance the answer is for; an instance not yet known is added, so that
    an answer queued offline is never refused for its instance."""
    received = utcnow()
    sent_at = checked_stamp(answered_at, client_id)
    answered_at, clock_flag = _answer_time(inspection, sent_at, received)
    note = (note or "").strip()
    compiled = compiled_item(inspection.template_id, item_id)
    instance = repeats.checked_instance(compiled.spec, instance)
    stored_value, content, judged = judged_write(compiled, value, unit, note, sent_at, instance)
    lock(inspection)
    # A template with conditions or repeats counts its progress in Python: what it counts is
    # read once, under the lock and before the insert (which then needs no read after it);
    # its live instances also say which instance the answer is for.
    plan = visibility.condition_plan(inspection.template_id)
    state = plan.state(inspection.id) if plan is not None else None
    live = state.live if state is not None else None
    if compiled.spec.repeat is not None and not instance:
        instance = repeats.default_instance(inspection, compiled.spec, live)
    if client_id is not None:
        # A resend? This client_id's earlier write, and the item's current answer to reply with.
        rows = db.session.scalars(
            _ITEM_ANSWERS,
            {
                "inspection_id": inspection.id,
                "item_id": item_id,
                "instance": instance,
                "client_id": client_id,
            },
            execution_options={"populate_existing": True},  # this session may hold older copies
        ).all()
        earlier = next((a for a in rows if a.client_id == client_id), None)
        if earlier is not None:
            if earlier.content_hash != content or earlier.item_id != item_id:
                raise Conflict("id_reused", _("This client_id was used for another answer."))
            current = _latest(
                [a for a in rows if a.item_id == item_id and a.instance == instance and a.current]
            )
            return Saved(earlier, False, current, live=live)
    require_open(inspection)
    if instance:
        repeats.ensure_instance(inspection, compiled.spec, instance, user, live)
    values = {
        "inspection_id": inspection.id,
        "item_id": item_id,
        "instance": instance,
        "client_id": client_id,
        "content_hash": content,
        "value": stored_value,
        "unit": unit,
        "note": note,
        "answered_at": answered_at,
        "received_at": received,
        "sent_answered_at": sent_at,
        "clock_flag": clock_flag,
        "answered_by_id": None if user is None else user.id,
        "revision": inspection.revision,
        "result": judged.result,
        "reason": judged.reason,
    }
    # The write's SQL count knows no conditions nor instances: a template with either counts
    # in Python, from the state read above, and its write does not count.
    answer, first, progress = write_answer(values, inspection.template_id, state is None)
    count = None
    if state is not None and plan is not None:  # (the one is there when the other is)
        written = (item_id, instance, stored_value) if answer.current else None
        count = functools.partial(plan.progress_after, state, written)
    if inspection.status == InspectionStatus.PLANNED:
        inspection.status = InspectionStatus.IN_PROGRESS
    metrics.count_on_commit(metrics.ANSWERS_STORED)
    current = answer if answer.current else current_answer(values)
    return Saved(answer, first, current, progress, live, count)


def checked_stamp(answered_at: dt.datetime | None, client_id: str | None) -> dt.datetime | None:
    """The device's stamp in UTC (SQLite keeps UTC), or ``InputError`` for a stamp with no
    offset or a ``client_id`` that is empty or longer than 64 characters."""
    if answered_at is not None and answered_at.tzinfo is None:
        raise InputError({"answered_at": _("Give the time with its offset (+08:00).")})
    if client_id is not None and (not client_id or len(client_id) > 64):
        raise InputError({"client_id": _("At most %(n)s characters.", n=64)})
    return None if answered_at is None else answered_at.astimezone(dt.UTC)


def judged_write(
    compiled: scoring.CompiledItem,
    value: Any,
    unit: str | None,
    note: str,
    sent_at: dt.datetime | None,
    instance: str,
) -> tuple[Any, str, scoring.ItemResult]:
    """A write's value as stored, its content hash and its verdict; ``InputError`` for a
    value the item refuses."""
    try:
        parsed = scoring.parse_compiled(compiled, value, unit)
    except scoring.AnswerError as exc:
        raise InputError({"value": exc.message}) from exc
    stored_value = json_value(parsed)
    content = content_hash(stored_value, unit, note, sent_at, instance)
    return (
        stored_value,
        content,
        scoring.evaluate_compiled(compiled, scoring.Answer(parsed, unit, photos=1)),
    )


def current_answer(values: Mapping[str, Any]) -> Answer:
    """The item's current answer (``values``: its inspection_id, item_id and instance), read
    after a write that did not become it."""
    return db.session.scalar(_CURRENT, values)


_ANSWERS = Answer.__table__


def _progress_after_write() -> tuple[sa.ScalarSelect[int], sa.ScalarSelect[int]]:
    """``progress_of`` as an answer write leaves it, for the write's RETURNING clause: the
    written item counts as answered (after the write it has a current answer, the new one or a
    later one), so the counts need not see the row being inserted. Bound parameters named
    ``progress_*`` (the insert's own take the columns' names)."""
    inspection_id = sa.bindparam("progress_inspection", type_=sa.Integer)
    other = sa.orm.aliased(Answer)
    answered = sa.exists().where(
        other.inspection_id == inspection_id, other.item_id == TemplateItem.id, other.current
    )
    photographed = sa.exists().where(
        Photo.inspection_id == inspection_id, Photo.item_id == TemplateItem.id
    )
    done = sa.or_(
        TemplateItem.id == sa.bindparam("progress_item", type_=sa.Integer),
        answered,
        sa.and_(TemplateItem.answer_type == "photo", photographed),
    )
    required = sa.select(TemplateItem.id).where(
        TemplateItem.template_id == sa.bindparam("progress_template", type_=sa.Integer),
        TemplateItem.required,
    )
    return (
        required.with_only_columns(sa.func.count(sa.case((done, 1)))).scalar_subquery(),
        required.with_only_columns(sa.func.count()).scalar_subquery(),
    )


#: The columns an answer write sets (``save_answer``'s values; ``current`` is worked out).
_WRITTEN = (
    "inspection_id", "item_id", "instance", "client_id", "content_hash", "value", "unit", "note",
    "answered_at", "received_at", "sent_answered_at", "clock_flag", "answered_by_id",
    "revision", "result", "reason",
)  # fmt: skip


def _write_statements(counted: bool = True) -> tuple[sa.Insert, sa.Update, sa.Insert]:
    """One answer write's statements, built once: every value is a bound parameter
    ``a_<column>`` (named apart from the columns, so that no statement takes its columns from
    the parameters). Under the inspection's lock an item has one current answer, the latest
    ``answered_at`` (ties: the later arrival), so the write itself decides: the item's current
    answers not later than the new one stop being current (the flip), and the new one is
    current unless a later one stays. Returns (the insert, the flip, the insert with the flip as
    its CTE: PostgreSQL's one round trip); each returns the ids it wrote, and the insert whether
    the new answer is current and, when ``counted``, the progress (``_progress_after_write``;
    else two NULLs)."""
    param = {name: sa.bindparam(f"a_{name}", type_=_ANSWERS.c[name].type) for name in _WRITTEN}
    other = sa.orm.aliased(Answer)
    later = sa.exists().where(
        other.inspection_id == param["inspection_id"],
        other.item_id == param["item_id"],
        other.instance == param["instance"],
        other.current,
        other.answered_at > param["answered_at"],
    )
    insert = (
        sa.insert(_ANSWERS)
        .values({**param, "current": sa.not_(later)})
        .returning(
            _ANSWERS.c.id,
            _ANSWERS.c.current,
            *(_progress_after_write() if counted else (sa.null(), sa.null())),
        )
    )
    flip = (
        sa.update(_ANSWERS)
        .where(
            _ANSWERS.c.inspection_id == param["inspection_id"],
            _ANSWERS.c.item_id == param["item_id"],
            _ANSWERS.c.instance == param["instance"],
            _ANSWERS.c.current,
            _ANSWERS.c.answered_at <= param["answered_at"],
        )
        .values(current=sa.false())
        .returning(_ANSWERS.c.id)
    )
    flipped = flip.cte("flipped")
    flipping = insert.add_cte(flipped).returning(
        sa.select(sa.func.array_agg(flipped.c.id)).scalar_subquery()
    )
    return insert, flip, flipping


_INSERT_ANSWER, _FLIP, _INSERT_FLIPPING = _write_statements()
#: The same for a template whose progress the write cannot count (``save_answer``).
_INSERT_UNCOUNTED, _INSERT_FLIPPING_UNCOUNTED = _write_statements(counted=False)[::2]
#: The item's current answer (after a write that did not become it).
_CURRENT = sa.select(Answer).where(
    Answer.inspection_id == sa.bindparam("inspection_id", type_=sa.Integer),
    Answer.item_id == sa.bindparam("item_id", type_=sa.Integer),
    Answer.instance == sa.bindparam("instance", type_=sa.String),
    Answer.current,
)


def write_answer(
    values: dict[str, Any], template_id: int, counted: bool = True
) -> tuple[Answer, bool, tuple[int, int] | None]:
    """Write one answer under its inspection's lock (``_write_statements``), as statements (no
    unit of work on the hot path). Returns the answer as a detached row (every column given:
    no session tracks it), whether it is the item's first current answer, and the
    inspection's progress after it (when ``counted``; else None)."""
    params = {f"a_{name}": values[name] for name in _WRITTEN}
    if counted:
        params.update(
            progress_inspection=values["inspection_id"],
            progress_item=values["item_id"],
            progress_template=template_id,
        )
    # Core statements on the session's connection (its transaction): nothing of the ORM's.
    run = db.session.connection().execute
    if db.session.get_bind().dialect.name == "postgresql":
        answer_id, current, answered, required, flipped = run(
            _INSERT_FLIPPING if counted else _INSERT_FLIPPING_UNCOUNTED, params
        ).one()
        flipped = flipped or []
    else:
        flipped = run(_FLIP, params).scalars().all()
        answer_id, current, answered, required = run(
            _INSERT_ANSWER if counted else _INSERT_UNCOUNTED, params
        ).one()
    for flipped_id in flipped:  # copies this session holds
        held = db.session.identity_map.get(db.session.identity_key(Answer, flipped_id))
        if held is not None:
            set_committed_value(held, "current", False)
    answer = detached_row(Answer, {**values, "id": answer_id, "current": current})
    progress = (answered, required) if counted else None
    return answer, bool(current) and not flipped, progress


#: Compiled items kept per app (``compiled_item``): beyond this many, the keep starts again.
COMPILED_ITEMS_KEPT = 20_000


def compiled_item(template_id: int, item_id: int) -> scoring.CompiledItem:
    """Item ``item_id`` of template ``template_id`` compiled for judging one answer, or
    ``InputError`` when the template has no such item. A published template's items never
    change (publishing freezes them), so each is compiled once per app and kept; a draft's
    are compiled every time, and so are ``date_pair`` items (their calendar grows when an
    administrator loads a year)."""
    kept = current_app.extensions.setdefault("compiled_items", {})
    hit = kept.get(item_id)
    if hit is not None and hit[0] == template_id:
        return hit[1]
    item = db.session.get(TemplateItem, item_id)
    if item is None or item.template_id != template_id:
        raise InputError({"item_id": _("This item is not in the inspection's template.")})
    # The section's title plays no part in judging one item: no need to load the section.
    spec = item_spec(item, section_title="", visible_when=())
    compiled = scoring.compile_item(spec, calendar=official_calendar([spec]))
    if item.template.published_at is not None and spec.answer_type != "date_pair":
        if len(kept) >= COMPILED_ITEMS_KEPT:
            kept.clear()
        kept[item_id] = (template_id, compiled)
    return compiled


def receipt_stamp(
    sent_at: dt.datetime | None, received: dt.datetime
) -> tuple[dt.datetime, str | None, bool]:
    """When an answer counts as given and its flag, from the device's stamp (None: not sent)
    and the receipt; and whether the stamp may be earlier than the inspection (to compare with
    its creation: ``_answer_time``)."""
    if sent_at is None:
        return received, None, False
    if sent_at > received:
        return received, ("ahead" if sent_at - received > CLOCK_TOLERANCE else None), False
    return sent_at, None, True


def _answer_time(
    inspection: Inspection, sent_at: dt.datetime | None, received: dt.datetime
) -> tuple[dt.datetime, str | None]:
    """When an answer counts as given, and the flag for the supervisor, from the device's stamp
    (None: not sent) and the receipt time."""
    stamp, flag, may_precede = receipt_stamp(sent_at, received)
    created = inspection.created_at
    if may_precede and created is not None and sent_at < as_utc(created) - CLOCK_TOLERANCE:
        return sent_at, "before_inspection"
    return stamp, flag


def reads_under_lock() -> bool:
    """Whether reads that follow a write are best made before its commit: PostgreSQL locks the
    inspection's row only (and a read after the commit needs a transaction of its own), SQLite
    the whole database (every other writer waits while it is held)."""
    return db.session.get_bind().dialect.name == "postgresql"


def lock(inspection: Inspection) -> None:
    """Serialise the writers of one inspection until the transaction ends: a no-op UPDATE of
    its row takes PostgreSQL's row lock (SQLite's write lock), so a writer's reads that follow
    see every earlier writer's commit. The status and revision read back are fresh (another
    request may have submitted or returned the inspection meanwhile)."""
    db.session.flush()  # nothing pending would be overwritten below
    if holds_row_lock(inspection):  # loaded FOR UPDATE in this transaction: locked, and fresh
        return
    writer_turn()  # SQLite: this process's turn to write, without sleeping (core/writers.py)
    lock_row = db.session.connection().execute(_LOCK, {"inspection_id": inspection.id})
    status, revision = lock_row.one()
    set_committed_value(inspection, "status", InspectionStatus(status))
    set_committed_value(inspection, "revision", revision)


# Statements of every answer write, built once (their values are bound parameters).
_LOCK = (
    sa.update(Inspection.__table__)
    .where(Inspection.__table__.c.id == sa.bindparam("inspection_id", type_=sa.Integer))
    .values(revision=Inspection.__table__.c.revision)
    .returning(Inspection.__table__.c.status, Inspection.__table__.c.revision)
)
#: The item's current answer and the write of a client_id (none when it is NULL); each branch
#: names the inspection, so that each can use its own index.
_ITEM_ANSWERS = sa.select(Answer).where(
    sa.or_(
        sa.and_(
            Answer.inspection_id == sa.bindparam("inspection_id", type_=sa.Integer),
            Answer.item_id == sa.bindparam("item_id", type_=sa.Integer),
            Answer.instance == sa.bindparam("instance", type_=sa.String),
            Answer.current,
        ),
        sa.and_(
            Answer.inspection_id == sa.bindparam("inspection_id", type_=sa.Integer),
            Answer.client_id == sa.bindparam("client_id", type_=sa.String),
        ),
    )
)


def _latest(answers: list[Answer]) -> Answer | None:
    """The latest ``answered_at`` (ties: the later arrival)."""
    return max(answers, key=lambda a: (as_utc(a.answered_at), a.id), default=None)


def require_open(inspection: Inspection) -> None:
    """A Conflict ``submitted`` unless answers, photos and the location may still change."""
    if not inspection.is_open:
        raise Conflict(
            "submitted",
            _("The inspection was submitted; it can change only after a supervisor returns it."),
        )


def score_inspection(inspection: Inspection, as_of: dt.date) -> scoring.Summary:
    """The engine's summary of the current answers, with each item's photo count (a photo
    item's photos are its answer)."""
    compiled = compiled_template(inspection.template)
    spec = compiled.spec
    photos = inspection.photo_counts()
    instances = repeats.engine_instances(inspection)
    live = {key for group in instances.values() for key, _label in group}
    answers: dict[Any, scoring.Answer] = {}
    for a in inspection.answers:
        if not a.current:
            continue
        if not a.instance:
            answers[a.item_id] = scoring.Answer(a.value, a.unit, photos.get(a.item_id, 0))
        elif a.instance in live:  # a removed instance's answers are kept, not scored
            answers[a.item_id, a.instance] = scoring.Answer(
                a.value, a.unit, photos.get((a.item_id, a.instance), 0)
            )
    for item in spec.items:
        if item.answer_type != "photo":
            continue
        for key in [None] if item.repeat is None else [k for k, _l in instances[item.repeat]]:
            found = photos.get(item.id if key is None else (item.id, key))
            at = item.id if key is None else (item.id, key)
            if found and at not in answers:
                answers[at] = scoring.Answer(found, None, photos=found)
    return scoring.score(compiled, answers, as_of=as_of, instances=instances or None)


#: Compiled templates kept per app (``compiled_template``): beyond this many, it starts again.
COMPILED_TEMPLATES_KEPT = 200


def compiled_template(template: ChecklistTemplate) -> scoring.CompiledTemplate:
    """``template`` compiled for scoring whole inspections (the filling page's running score,
    a submission). A published template never changes (publishing freezes its items), so it
    is compiled once per app and kept, like ``compiled_item``'s items; a draft is compiled
    every time, and so is a template with ``date_pair`` items (their calendar grows when an
    administrator loads a year)."""
    kept = current_app.extensions.setdefault("compiled_templates", {})
    key = (template.id, template.published_at)  # (a database made again may reuse the id)
    hit = kept.get(key)
    if hit is not None:
        return hit
    spec = builder.template_spec(template)
    calendar = official_calendar(spec.items)
    compiled = scoring.compile_template(spec, calendar=calendar)
    if template.published_at is not None and calendar is None:
        if len(kept) >= COMPILED_TEMPLATES_KEPT:
            kept.clear()
        kept[key] = compiled
    return compiled


def official_calendar(items: Iterable[Any]) -> OfficialCalendar | None:
    """The calendar ``date_pair`` items count working days with: the one a feature gives
    (``hooks.official_calendar``: the bundled calendar with the years an administrator loaded),
    asked for only when one of ``items`` (specs or template items) is a ``date_pair``; None
    otherwise (the engine's bundled calendar)."""
    if not any(item.answer_type == "date_pair" for item in items):
        return None
    return hooks.collect(hooks.official_calendar, None).get("calendar")


def summary_of(inspection: Inspection, as_of: dt.date) -> dict[str, Any]:
    """The engine's summary: stored at submission, else worked out from the current answers."""
    if inspection.summary and not inspection.is_open:
        return inspection.summary
    return score_inspection(inspection, as_of).to_dict()


def conflicts(inspection: Inspection) -> set[int]:
    """Items that two people answered differently in the current revision (an item of a
    repeated section: in the same instance; two warehouses' different areas are no conflict)."""
    seen: dict[tuple[int, str], set[tuple[int | None, str]]] = {}
    for a in inspection.answers:
        if a.revision == inspection.revision:
            seen.setdefault((a.item_id, a.instance), set()).add((a.answered_by_id, repr(a.value)))
    return {
        item_id
        for (item_id, _instance), writes in seen.items()
        if len({who for who, _v in writes}) > 1 and len({v for _w, v in writes}) > 1
    }


def progress(inspection: Inspection) -> tuple[int, int]:
    """(required items answered, required items) for the progress bar."""
    return progress_of(inspection.id, inspection.template_id)


def progress_of(
    inspection_id: int, template_id: int, live: list[tuple[str, int]] | None = None
) -> tuple[int, int]:
    """``progress`` by ids, in one aggregate query: a required item of the pinned template is
    answered when it has a current answer or, for a photo item, at least one photo. A template
    with visibility conditions counts only the required items its answers show
    (``visibility.ConditionPlan.progress``; ``live``: its live instances, when read already)."""
    plan = visibility.condition_plan(template_id)
    if plan is not None:
        return plan.progress(inspection_id, live)
    answered, required = db.session.execute(
        _PROGRESS, {"inspection_id": inspection_id, "template_id": template_id}
    ).one()
    return answered, required


def _progress_query() -> sa.Select[tuple[int, int]]:
    """Built once (it runs after every answer); the ids are bound parameters."""
    inspection_id = sa.bindparam("inspection_id", type_=sa.Integer)
    answered = sa.exists().where(
        Answer.inspection_id == inspection_id, Answer.item_id == TemplateItem.id, Answer.current
    )
    photographed = sa.exists().where(
        Photo.inspection_id == inspection_id, Photo.item_id == TemplateItem.id
    )
    done = sa.or_(answered, sa.and_(TemplateItem.answer_type == "photo", photographed))
    return (
        sa.select(sa.func.count(sa.case((done, 1))), sa.func.count())
        .select_from(TemplateItem)
        .where(
            TemplateItem.template_id == sa.bindparam("template_id", type_=sa.Integer),
            TemplateItem.required,
        )
    )


_PROGRESS = _progress_query()


def submit(inspection: Inspection, user: User | None, as_of: dt.date) -> scoring.Summary:
    """Score and close an inspection, raising a finding (and a numbered notice) for each failed
    item. Missing required items → InputError listing them; a repeated submit returns the
    stored result."""
    lock(inspection)  # no answer may slip in between the scoring and the closing
    db.session.expire(inspection, ["answers", "photos"])
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
    before = audit_state(inspection)
    change: dict[str, Any] = {}
    hooks.status_changing.send(inspection, state=change)
    inspection.status = InspectionStatus.SUBMITTED
    inspection.submitted_at = utcnow()
    inspection.score = summary.score
    inspection.verdict = summary.verdict
    inspection.grade = summary.grade
    inspection.summary = summary.to_dict()
    record(inspection, user, "submitted", before)
    db.session.flush()
    hooks.submitted.send(inspection, summary=summary, user=user, as_of=as_of)
    hooks.status_changed.send(inspection, state=change)  # after the findings were raised
    return summary


def return_for_correction(inspection: Inspection, user: User | None, comment: str) -> None:
    """A supervisor sends a submitted inspection back: answers may change again, as a new
    revision; the earlier answers and scores stay in the history."""
    comment = (comment or "").strip()
    if not comment:
        raise InputError({"comment": _("Say what needs correcting.")})
    lock(inspection)
    if inspection.status != InspectionStatus.SUBMITTED:
        raise Conflict("not_submitted", _("Only a submitted inspection can be returned."))
    before = audit_state(inspection)
    change: dict[str, Any] = {}
    hooks.status_changing.send(inspection, state=change)
    inspection.status = InspectionStatus.RETURNED
    inspection.revision += 1
    inspection.return_comment = comment[:2000]
    inspection.returned_at = utcnow()
    inspection.score = inspection.verdict = inspection.grade = None
    record(inspection, user, "returned", before, comment=inspection.return_comment)
    _tell_returned(inspection, user)
    db.session.flush()
    hooks.status_changed.send(inspection, state=change)


def _tell_returned(inspection: Inspection, by: User | None) -> None:
    """The inspectors of a returned inspection (those assigned, and its creator when an
    inspector) hear of it in their inbox, with the comment and a link to the inspection."""
    people = [*inspection.inspectors]
    if inspection.created_by is not None and inspection.created_by.role == Role.INSPECTOR:
        people.append(inspection.created_by)
    name = inspection.organisation.name
    comment = inspection.return_comment
    notifications.send(
        [p for p in people if by is None or p.id != by.id],
        "returned",
        lambda: _(
            "Your inspection of %(name)s was returned for correction: %(comment)s",
            name=name,
            comment=comment,
        ),
        link=f"/inspections/{inspection.uuid}",
    )


def approve(inspection: Inspection, user: User | None, comment: str = "") -> bool:
    """A supervisor approves a submitted inspection: its score stands. Approving it again
    changes nothing and returns False."""
    comment = (comment or "").strip()[:2000]
    lock(inspection)
    if inspection.status == InspectionStatus.APPROVED:
        return False
    if inspection.status != InspectionStatus.SUBMITTED:
        raise Conflict("not_submitted", _("Only a submitted inspection can be approved."))
    before = audit_state(inspection)
    change: dict[str, Any] = {}
    hooks.status_changing.send(inspection, state=change)
    inspection.status = InspectionStatus.APPROVED
    record(inspection, user, "approved", before, comment=comment)
    db.session.flush()
    hooks.status_changed.send(inspection, state=change)
    return True


def audit_state(inspection: Inspection) -> dict[str, Any]:
    """What the audit trail keeps of an inspection before and after a change."""
    return {
        "status": str(inspection.status),
        "revision": inspection.revision,
        "score": None if inspection.score is None else str(inspection.score),
        "verdict": inspection.verdict,
        "grade": inspection.grade,
    }


def record(
    inspection: Inspection, user: User | None, action: str, before: dict, comment: str = ""
) -> AuditEntry:
    return audit.record(
        "inspection",
        inspection.id,
        user.id if user is not None else None,
        action,
        before,
        audit_state(inspection),
        comment,
    )


def audit_trail(inspection: Inspection) -> list[AuditEntry]:
    return audit.trail("inspection", inspection.id)


#: Coordinates are kept to six decimals (about 0.1 m), the accuracy to 0.1 m.
_SIX_PLACES = Decimal("0.000001")


def coordinate(value: Decimal | None) -> Decimal | None:
    return None if value is None else value.quantize(_SIX_PLACES)


def update_inspection(inspection: Inspection, changes: Mapping[str, Any]) -> None:
    """PATCH: the fields in ``changes`` change (already of their types, the API's schema
    checked them): ``location`` ({"lat", "lon", "accuracy"?} as Decimals; None forgets it),
    ``planned_on``, ``project``. A submitted inspection is a Conflict ``submitted``."""
    values: dict[str, Any] = {}
    if "location" in changes:
        where = changes["location"] or {}
        accuracy = where.get("accuracy")
        values.update(
            lat=coordinate(where.get("lat")),
            lon=coordinate(where.get("lon")),
            accuracy=None if accuracy is None else abs(accuracy).quantize(Decimal("0.1")),
        )
    if "planned_on" in changes:
        values["planned_on"] = changes["planned_on"]
    if "project" in changes:
        values["project"] = changes["project"].strip()
    lock(inspection)
    require_open(inspection)
    for name, value in values.items():
        setattr(inspection, name, value)
    db.session.flush()
