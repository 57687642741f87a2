"""The answer write of ``answer_call`` where there is no server-side function (SQLite).

The function's steps, in its order, as statements built once on the request's session (so
that the writers' turn, the commit and a failure's rollback are the general path's): the
inspection's row touched first (SQLite's write lock, so every read that follows sees every
earlier writer's commit), and returned with what the checks need. Where the function would
write nothing, this writes nothing either and says why, and its transaction is rolled back
before the general path takes the request. ``run`` returns the function's row (read by
``answer_call._reply``), its state as ``visibility.State``.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from checklists.accounts.models import Role
from checklists.core.db import as_utc
from checklists.core.extensions import db
from checklists.core.writers import writer_turn
from inspections.filling import workflow
from inspections.filling.models import (
    OPEN_STATUSES,
    Inspection,
    InspectionStatus,
)
from inspections.filling.permissions import own_scope
from inspections.filling.visibility import ConditionPlan

_INSPECTIONS = Inspection.__table__.c
_ANSWERS = workflow.Answer.__table__.c


def _param(name: str, kind: sa.types.TypeEngine) -> sa.BindParameter:
    return sa.bindparam(name, type_=kind)


_ID = _param("inspection_id", sa.Integer())
_USER = _param("w_user", sa.Integer())

#: The inspection visible to the writer (everything, or what an inspector sees:
#: ``permissions.own_scope``), touched so that the transaction holds the write lock, with what
#: the checks need.
_TOUCH = (
    sa.update(Inspection.__table__)
    .where(
        _INSPECTIONS.uuid == _param("w_uuid", sa.String()),
        sa.or_(_param("w_everything", sa.Boolean()), *own_scope(Role.INSPECTOR, _USER, None)),
    )
    .values(revision=_INSPECTIONS.revision)
    .returning(
        _INSPECTIONS.id,
        _INSPECTIONS.status,
        _INSPECTIONS.revision,
        _INSPECTIONS.created_at,
        _INSPECTIONS.template_id,
    )
)
_CLIENT_SEEN = sa.select(sa.literal(1)).where(
    _ANSWERS.inspection_id == _ID, _ANSWERS.client_id == _param("client", sa.String())
)
_STARTED = (
    sa.update(Inspection.__table__)
    .where(_INSPECTIONS.id == _ID)
    .values(status=InspectionStatus.IN_PROGRESS)
)


def run(params: dict[str, Any], plan: ConditionPlan | None) -> tuple[Any, ...]:
    """``answer_call``'s write as the function does it (see the module); its row. Commits
    when it wrote; else rolls back (the general path then starts as it would have, holding
    no write lock: another writer it sets off, a refusal's record, need not wait for it)."""
    row = _steps(params, plan)
    if row[0] == "written":
        db.session.commit()
    else:
        db.session.rollback()
    return row


def _steps(params: dict[str, Any], plan: ConditionPlan | None) -> tuple[Any, ...]:
    writer_turn()
    run = db.session.connection().execute
    touched = {"w_uuid": params["uuid"], "w_user": params["user"]}
    found = run(_TOUCH, {**touched, "w_everything": params["everything"]}).one_or_none()
    if found is None or found.template_id != params["template"]:
        return ("elsewhere",)
    inspection_id, status, revision, created, _template = found
    instance, section = params["instance"], params["section"]
    state = plan.state(inspection_id) if plan is not None else None
    if section is not None:  # (an item of a repeated section: its template has a plan)
        live = [key for key, of in state.live if of == section]
        if not instance and live:
            instance = live[0]
        elif instance not in live:
            return ("instance",)
    client = params["client"]
    if client is not None:
        if run(_CLIENT_SEEN, {"inspection_id": inspection_id, "client": client}).first():
            return ("resend",)
    if InspectionStatus(status) not in OPEN_STATUSES:
        return ("closed",)
    flag, sent = params["flag"], params["sent"]
    if params["check_before"] and created is not None:
        if sent < as_utc(created) - params["tolerance"]:
            flag = "before_inspection"
    if status == InspectionStatus.PLANNED:
        run(_STARTED, {"inspection_id": inspection_id})
    values = {
        "inspection_id": inspection_id, "item_id": params["item"], "instance": instance,
        "client_id": client, "content_hash": params["hash"], "value": params["value"],
        "unit": params["unit"], "note": params["note"], "answered_at": params["answered"],
        "received_at": params["received"], "sent_answered_at": sent, "clock_flag": flag,
        "answered_by_id": params["by"], "revision": revision, "result": params["result"],
        "reason": params["reason"],
    }  # fmt: skip
    answer, first, progress = workflow.write_answer(values, params["template"], plan is None)
    held: tuple[Any, ...] = (None,) * 8
    if not answer.current:
        later = workflow.current_answer(values)
        held = (later.value, later.unit, later.note, later.answered_at, later.answered_by_id,
                later.client_id, later.revision, later.clock_flag)  # fmt: skip
    answered, required = progress or (None, None)
    return (
        "written", answer.id, answer.current, 0 if first or not answer.current else 1,
        answered, required, state, values["answered_at"], flag, revision, instance, *held,
    )  # fmt: skip
