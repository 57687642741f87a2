"""An ordinary answer write on PostgreSQL in one call of a server-side function.

``save_answer`` writes an answer in three statements inside a transaction (the inspection
loaded ``FOR UPDATE``, what the progress counts, the flip and the insert) and the ORM loads the
inspection as an object: five round trips and most of the request's time. The common write
(an item of an ordinary section, on PostgreSQL, by a role that sees inspections by a plain
rule) goes instead through one call of ``clausecheck_write_answer`` in autocommit: the
function takes the inspection's row lock, then each of its statements reads afresh (a volatile
PL/pgSQL function's statements each take a new snapshot), so it does what the three statements
do, in the same order, under the same lock, in one transaction.

Anything else is not this path's to decide: a resend (the ``client_id`` seen before), an
inspection not open, not visible, of another template, a value that does not parse, a repeated
section's item. The function then writes nothing and says so, and the request goes the general
way (``api.put_answer``), which answers it with the rules' own errors and replies. So the two
paths never differ in what they refuse, and a write they both take is stored alike (the tests
compare them row by row).
"""

from __future__ import annotations

import logging
import os
import threading
import weakref
from typing import Any

import psycopg
import sqlalchemy as sa
from flask import current_app
from psycopg.types.json import Json

from checklists import scoring
from checklists.accounts.models import Role, User
from checklists.authoring.models import TemplateItem
from checklists.core import metrics
from checklists.core.api import ApiError, body, reply
from checklists.core.db import utcnow
from checklists.core.errors import InputError, is_busy
from checklists.core.extensions import db
from inspections.filling import answer_steps as steps
from inspections.filling import repeats, visibility, workflow
from inspections.filling import schemas as s
from inspections.filling.models import OPEN_STATUSES, Answer, InspectionStatus

log = logging.getLogger(__name__)

FUNCTION = "clausecheck_write_answer"

_OPEN = ", ".join(f"'{status.value}'" for status in OPEN_STATUSES)

#: The function. Its outcome: 'written', or why it wrote nothing ('elsewhere': not visible to
#: the caller or of another template; 'resend': the client_id was seen; 'closed': not open).
#: The progress is counted as ``workflow._progress_after_write`` does (``p_counted``), or the
#: rows ``ConditionPlan.state`` reads are returned, read before the insert (``p_state``).
CREATE_FUNCTION = f"""
CREATE OR REPLACE FUNCTION {FUNCTION}(
    p_uuid text, p_everything boolean, p_user integer, p_template integer, p_item integer,
    p_instance text, p_section integer,
    p_client text, p_hash text, p_value json, p_unit text, p_note text,
    p_answered timestamptz, p_received timestamptz, p_sent timestamptz, p_flag text,
    p_check_before boolean, p_tolerance interval, p_by integer, p_result text, p_reason text,
    p_counted boolean, p_state boolean, p_photos boolean,
    OUT o_outcome text, OUT o_answer integer, OUT o_current boolean, OUT o_flipped integer,
    OUT o_answered integer, OUT o_required integer, OUT o_state json,
    OUT o_answered_at timestamptz, OUT o_flag text, OUT o_revision integer, OUT o_instance text,
    OUT c_value json, OUT c_unit text, OUT c_note text, OUT c_answered_at timestamptz,
    OUT c_by integer, OUT c_client text, OUT c_revision integer, OUT c_flag text
) LANGUAGE plpgsql VOLATILE AS $body$
DECLARE
    v_id integer;
    v_status text;
    v_created timestamptz;
    v_template integer;
BEGIN
    SELECT i.id, i.status, i.revision, i.created_at, i.template_id
      INTO v_id, v_status, o_revision, v_created, v_template
      FROM inspections i
     WHERE i.uuid = p_uuid
       AND (p_everything OR i.created_by_id = p_user OR i.id IN (
            SELECT ii.inspection_id FROM inspection_inspectors ii WHERE ii.user_id = p_user))
       FOR UPDATE OF i;
    IF NOT FOUND OR v_template <> p_template THEN
        o_outcome := 'elsewhere';
        RETURN;
    END IF;
    o_instance := p_instance;
    IF p_section IS NOT NULL AND p_instance = '' THEN
        SELECT ri.key INTO o_instance
          FROM repeat_instances ri
         WHERE ri.inspection_id = v_id AND ri.section_id = p_section AND ri.removed_at IS NULL
         ORDER BY ri.position, ri.id
         LIMIT 1;
        IF NOT FOUND THEN
            o_outcome := 'instance';
            RETURN;
        END IF;
    ELSIF p_section IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM repeat_instances ri
         WHERE ri.inspection_id = v_id AND ri.key = p_instance AND ri.section_id = p_section
           AND ri.removed_at IS NULL
    ) THEN
        o_outcome := 'instance';
        RETURN;
    END IF;
    IF p_client IS NOT NULL AND EXISTS (
        SELECT 1 FROM answers a WHERE a.inspection_id = v_id AND a.client_id = p_client
    ) THEN
        o_outcome := 'resend';
        RETURN;
    END IF;
    IF v_status NOT IN ({_OPEN}) THEN
        o_outcome := 'closed';
        RETURN;
    END IF;
    o_answered_at := p_answered;
    o_flag := p_flag;
    IF p_check_before AND v_created IS NOT NULL AND p_sent < v_created - p_tolerance THEN
        o_flag := 'before_inspection';
    END IF;
    IF p_state THEN
        SELECT json_agg(json_build_array(r.kind, r.number, r.key, r.value, r.count)
                        ORDER BY r.kind, r.position, r.row_id)
          INTO o_state
          FROM (
            SELECT 1 AS kind, a.item_id AS number, a.instance AS key, a.value AS value,
                   0 AS count, 0 AS position, 0 AS row_id
              FROM answers a WHERE a.inspection_id = v_id AND a.current
            UNION ALL
            SELECT 0, ri.section_id, ri.key, NULL, 0, ri.position, ri.id
              FROM repeat_instances ri
             WHERE ri.inspection_id = v_id AND ri.removed_at IS NULL
            UNION ALL
            SELECT 2, p.item_id, p.instance, NULL, count(*), 0, 0
              FROM photos p
             WHERE p_photos AND p.inspection_id = v_id AND p.item_id IS NOT NULL
               AND p.annotates_id IS NULL
             GROUP BY p.item_id, p.instance
          ) r;
    END IF;
    IF v_status = '{InspectionStatus.PLANNED.value}' THEN
        UPDATE inspections SET status = '{InspectionStatus.IN_PROGRESS.value}' WHERE id = v_id;
    END IF;
    WITH flipped AS (
        UPDATE answers a SET current = false
         WHERE a.inspection_id = v_id AND a.item_id = p_item AND a.instance = o_instance
           AND a.current AND a.answered_at <= o_answered_at
        RETURNING a.id
    )
    SELECT count(*) INTO o_flipped FROM flipped;
    INSERT INTO answers (
        inspection_id, item_id, instance, client_id, content_hash, value, unit, note,
        answered_at, received_at, sent_answered_at, clock_flag, answered_by_id, revision,
        current, result, reason
    ) VALUES (
        v_id, p_item, o_instance, p_client, p_hash, p_value, p_unit, p_note,
        o_answered_at, p_received, p_sent, o_flag, p_by, o_revision,
        NOT EXISTS (
            SELECT 1 FROM answers o
             WHERE o.inspection_id = v_id AND o.item_id = p_item AND o.instance = o_instance
               AND o.current AND o.answered_at > o_answered_at
        ),
        p_result, p_reason
    ) RETURNING id, current INTO o_answer, o_current;
    IF p_counted THEN
        SELECT count(*) FILTER (WHERE t.id = p_item
                   OR EXISTS (SELECT 1 FROM answers o
                               WHERE o.inspection_id = v_id AND o.item_id = t.id AND o.current)
                   OR (t.answer_type = 'photo' AND EXISTS (
                       SELECT 1 FROM photos p WHERE p.inspection_id = v_id AND p.item_id = t.id))),
               count(*)
          INTO o_answered, o_required
          FROM template_items t
         WHERE t.template_id = p_template AND t.required;
    END IF;
    IF NOT o_current THEN
        SELECT a.value, a.unit, a.note, a.answered_at, a.answered_by_id, a.client_id,
               a.revision, a.clock_flag
          INTO c_value, c_unit, c_note, c_answered_at, c_by, c_client, c_revision, c_flag
          FROM answers a
         WHERE a.inspection_id = v_id AND a.item_id = p_item AND a.instance = o_instance
           AND a.current;
    END IF;
    o_outcome := 'written';
END
$body$
"""

DROP_FUNCTION = f"DROP FUNCTION IF EXISTS {FUNCTION}"

#: The function's parameters (``p_<name>``) and their types, in order (named in the call, so
#: that no value's Python type picks the function).
_PARAMETERS = (
    ("uuid", "text"), ("everything", "boolean"), ("user", "integer"), ("template", "integer"),
    ("item", "integer"), ("instance", "text"), ("section", "integer"), ("client", "text"),
    ("hash", "text"), ("value", "json"), ("unit", "text"), ("note", "text"),
    ("answered", "timestamptz"), ("received", "timestamptz"), ("sent", "timestamptz"),
    ("flag", "text"), ("check_before", "boolean"), ("tolerance", "interval"), ("by", "integer"),
    ("result", "text"), ("reason", "text"), ("counted", "boolean"), ("state", "boolean"),
    ("photos", "boolean"),
)  # fmt: skip
_CALL = f"SELECT * FROM {FUNCTION}(" + ", ".join(f"%s::{k}" for _n, k in _PARAMETERS) + ")"
_VALUE = [name for name, _kind in _PARAMETERS].index("value")


@sa.event.listens_for(Answer.__table__, "after_create")
def _create_function(_target, connection, **_kw) -> None:
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql(CREATE_FUNCTION.replace("%", "%%"))


@sa.event.listens_for(Answer.__table__, "before_drop")
def _drop_function(_target, connection, **_kw) -> None:
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql(DROP_FUNCTION)


def _sees_by_rule(user: User) -> bool | None:
    """True: the user sees every inspection; False: those assigned to them or that they
    created (an inspector); None: neither (the general path decides)."""
    if user.role == Role.ADMIN or (user.role == Role.SUPERVISOR and user.region_id is None):
        return True
    if user.role == Role.INSPECTOR:
        return False
    return None


def _compiled(item_id: int) -> tuple[int, scoring.CompiledItem] | None:
    """The item's template id and its compiled rule (``workflow.compiled_item``'s keep), or
    None when no such item exists."""
    hit = current_app.extensions.get("compiled_items", {}).get(item_id)
    if hit is not None:
        return hit
    item = db.session.get(TemplateItem, item_id)  # (compiled_item finds it in the session)
    if item is None:
        return None
    return item.template_id, workflow.compiled_item(item.template_id, item_id)


def write(key: Any, item_id: int, user: User):
    """The reply to ``PUT …/answers/<item_id>`` when this path wrote it; None when the general
    path is to take the request (see the module's docstring)."""
    everything = _sees_by_rule(user)
    if everything is None:
        return None
    user_id = user.id  # (read before a commit expires the user)
    try:
        data = body(s.AnswerWrite)
    except ApiError:
        return None
    found = _compiled(item_id)
    if found is None:
        return None
    template_id, compiled = found
    if data.template_id is not None and data.template_id != template_id:
        return None
    plan = visibility.condition_plan(template_id)
    section = None
    if compiled.spec.repeat is not None:  # its section's first live instance, or the one named
        section = None if plan is None else plan.item_sections.get(item_id)
        if section is None:
            return None
    client_id, unit, note = data.client_id, data.unit or None, (data.note or "").strip()
    try:
        sent_at = workflow.checked_stamp(data.answered_at, client_id)
        instance = repeats.checked_instance(compiled.spec, data.instance)
        stored_value, content, judged = workflow.judged_write(
            compiled, data.value, unit, note, sent_at, instance
        )
    except InputError:
        return None
    received = utcnow()
    stamp, flag, check_before = workflow.receipt_stamp(sent_at, received)
    params = {
        "uuid": str(key).lower(), "everything": everything, "user": user_id,
        "template": template_id, "item": item_id, "instance": instance, "section": section,
        "client": client_id, "hash": content, "value": stored_value, "unit": unit,
        "note": note, "answered": stamp, "received": received, "sent": sent_at, "flag": flag,
        "check_before": check_before, "tolerance": workflow.CLOCK_TOLERANCE, "by": user_id,
        "result": judged.result, "reason": judged.reason, "counted": plan is None,
        "state": plan is not None, "photos": plan is not None and bool(plan.photo_items),
    }  # fmt: skip
    if db.engine.dialect.name == "postgresql":
        row = _call(params)
        if row is not None and row[0] == "written":
            row = (*row[:6], _state_of(row[6]), *row[7:])
    else:
        row = steps.run(params, plan)
    if row is None or row[0] != "written":
        return None
    return _reply(item_id, user_id, client_id, stored_value, unit, note, judged, plan, row)


def _state_of(rows: list[list[Any]] | None) -> visibility.State | None:
    """``ConditionPlan.state`` from the function's rows ([kind, number, key, value, count])."""
    if rows is None:
        return None
    return visibility.State(
        live=[(key, number) for kind, number, key, _v, _c in rows if kind == 0],
        answers=[(number, key, value) for kind, number, key, value, _c in rows if kind == 1],
        photos=[(number, key, count) for kind, number, key, _v, count in rows if kind == 2],
    )


#: Per engine, the connections of ``_call`` by (process, thread): autocommit, out of the pool.
_HELD: weakref.WeakKeyDictionary[sa.Engine, dict[tuple[int, int], psycopg.Connection]] = (
    weakref.WeakKeyDictionary()
)


def _connection() -> psycopg.Connection:
    """This thread's connection for the function: taken from the engine's pool once and kept
    apart from it in autocommit, so that a call is one round trip with no BEGIN, COMMIT,
    checkout or reset around it. Closed when the engine is disposed."""
    engine = db.engine
    held = _HELD.get(engine)
    if held is None:
        held = _HELD[engine] = {}
        sa.event.listen(engine, "engine_disposed", _close_held)
        weakref.finalize(engine, _close, held)  # an engine let go of without a dispose
    key = (os.getpid(), threading.get_ident())
    connection = held.get(key)
    if connection is None or connection.closed:
        pooled = engine.raw_connection()
        connection = pooled.driver_connection
        pooled.detach()  # no longer the pool's: it is not reset nor given to another
        connection.autocommit = True
        held[key] = connection
    return connection


def _close_held(engine: sa.Engine) -> None:
    _close(_HELD.pop(engine, {}))


def _close(held: dict[tuple[int, int], psycopg.Connection]) -> None:
    for connection in held.values():
        connection.close()
    held.clear()


def _call(params: dict[str, Any]) -> tuple[Any, ...] | None:
    """The function's one row, in a transaction of its own (autocommit): None when the call
    failed (the general path then takes the request; nothing was written). Busy (another
    writer held the inspection beyond the lock timeout) is raised as the general path's
    writes raise it, so that the request answers 503 at once instead of waiting again."""
    try:
        connection = _connection()
        with connection.cursor() as cursor:
            sent = [params[name] for name, _kind in _PARAMETERS]
            sent[_VALUE] = Json(sent[_VALUE])
            cursor.execute(_CALL, sent, prepare=True)
            return cursor.fetchone()
    except psycopg.Error as exc:
        busy = sa.exc.OperationalError(_CALL, None, exc)
        if is_busy(busy):
            raise busy from exc
        log.warning("%s failed; the general path takes the write", FUNCTION, exc_info=True)
        held = _HELD.get(db.engine, {})
        broken = held.pop((os.getpid(), threading.get_ident()), None)
        if broken is not None:
            broken.close()
        return None


def _reply(item_id, by, client_id, value, unit, note, judged, plan, row):
    """The reply of a write the function (or SQLite's steps) made: ``row`` is the function's,
    its state as ``visibility.State``."""
    (_outcome, _answer_id, current, flipped, answered, required, state, answered_at, flag,
     revision, instance, *held) = row  # fmt: skip
    # the item's current answer: this write, or the later one that stays current
    fields = (value, unit, note, answered_at, by, client_id, revision, flag) if current else held
    shown = s.Answer(
        instance=instance,
        **dict(zip(("value", "unit", "note", "answered_at", "answered_by", "client_id",
                    "revision", "clock_flag"), fields, strict=True)),
    )  # fmt: skip
    if plan is not None:
        written = (item_id, instance, value) if current else None
        answered, required = plan.progress_after(state or visibility.State([], [], []), written)
    metrics.ANSWERS_STORED.inc()
    result = s.AnswerResult(
        item_id=item_id, instance=instance, result=judged.result, reason=judged.reason,
        current=bool(current), answer=shown,
        progress=s.Progress(answered=answered, required=required),
    )  # fmt: skip
    return reply(result, 201 if current and not flipped else 200)
