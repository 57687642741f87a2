"""Who may see and change which inspections.

Seeing: admins all; supervisors the organisations of their region (all when they have none);
inspectors the inspections they are assigned to or created; enterprise users their own
organisation's inspections once submitted; authors none. A record outside one's scope is
missing (404), never forbidden. Changing a visible record with the wrong role is 403.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from checklists.accounts.models import Organisation, Role, User
from checklists.accounts.permissions import visible_organisations
from checklists.core.db import note_row_lock
from checklists.core.extensions import db
from inspections.filling.models import Inspection, InspectionStatus, inspection_inspectors

#: What an enterprise user sees of its own inspections: the finished ones.
ENTERPRISE_STATUSES = (
    InspectionStatus.SUBMITTED,
    InspectionStatus.RETURNED,
    InspectionStatus.APPROVED,
)


def own_scope(role: Role, user_id: Any, organisation_id: Any) -> list[Any]:
    """What an inspector or an enterprise user sees, for their user and organisation ids
    (values, or bound parameters in ``_BY_UUID``)."""
    if role == Role.INSPECTOR:
        assigned = sa.select(inspection_inspectors.c.inspection_id).where(
            inspection_inspectors.c.user_id == user_id
        )
        return [sa.or_(Inspection.id.in_(assigned), Inspection.created_by_id == user_id)]
    return [
        Inspection.organisation_id == organisation_id,
        Inspection.status.in_(ENTERPRISE_STATUSES),
    ]


def visible_inspections(user: User) -> sa.Select[tuple[Inspection]]:
    """A query for the inspections ``user`` may see."""
    query = sa.select(Inspection)
    if user.role == Role.ADMIN:
        return query
    if user.role == Role.SUPERVISOR:
        if user.region is None:
            return query
        orgs = visible_organisations(user).with_only_columns(Organisation.id)
        return query.where(Inspection.organisation_id.in_(orgs))
    if user.role in (Role.INSPECTOR, Role.ENTERPRISE):
        return query.where(*own_scope(user.role, user.id, user.organisation_id))
    return query.where(sa.false())


def can_fill(user: User, inspection: Inspection) -> bool:
    """May ``user`` (who can see it) answer, photograph, locate and submit ``inspection``?"""
    if user.role in (Role.ADMIN, Role.SUPERVISOR):
        return True
    if user.role == Role.INSPECTOR:
        # An inspector sees only what they are assigned to or created (visible_inspections),
        # and may fill all of it: nothing more to load here.
        return True
    return False


def can_create(user: User) -> bool:
    """Supervisors (and admins) assign inspections; inspectors create their own."""
    return user.role in (Role.ADMIN, Role.SUPERVISOR, Role.INSPECTOR)


def can_review(user: User) -> bool:
    """Supervisors (and admins) return submitted inspections for correction."""
    return user.role in (Role.ADMIN, Role.SUPERVISOR)


def checked(
    user: User, key: object, *, fill: bool = False, review: bool = False, lock: bool = False
) -> tuple[Inspection | None, int]:
    """The inspection with uuid ``key`` and 200; or None and 404 when ``user`` may not see it,
    or the inspection and 403 when they may see it but not fill (``fill``) or return
    (``review``) it. Pages abort with the status, the API answers it as JSON. ``lock``: on
    PostgreSQL the row is read ``FOR UPDATE``, so that a write that follows (``workflow.lock``)
    needs no statement of its own to take the lock."""
    found = _one_visible(user, str(key).lower(), lock)
    if found is None:
        return None, 404
    if (fill and not can_fill(user, found)) or (review and not can_review(user)):
        return found, 403
    return found, 200


_UUID = sa.bindparam("uuid", type_=sa.String)
_USER = sa.bindparam("user_id", type_=sa.Integer)
_ORG = sa.bindparam("organisation_id", type_=sa.Integer)
#: One inspection by uuid as each role sees it, built once (an answer loads it every time):
#: the ids are bound parameters. A supervisor of a region is ``visible_inspections``' case.
_BY_UUID = {
    "all": sa.select(Inspection).where(Inspection.uuid == _UUID),
    **{
        role: sa.select(Inspection).where(Inspection.uuid == _UUID, *own_scope(role, _USER, _ORG))
        for role in (Role.INSPECTOR, Role.ENTERPRISE)
    },
}


def _locking(statement: sa.Select[tuple[Inspection]]) -> sa.Select[tuple[Inspection]]:
    """``statement`` locking the row, its values read afresh (the lock may have waited for a
    writer)."""
    return statement.with_for_update(of=Inspection).execution_options(populate_existing=True)


_BY_UUID_LOCKED = {name: _locking(statement) for name, statement in _BY_UUID.items()}


def _one_visible(user: User, key: str, lock: bool = False) -> Inspection | None:
    """``visible_inspections(user)`` narrowed to the uuid ``key``: its one row or None; locked
    when ``lock`` and the database is PostgreSQL (SQLite has no row locks)."""
    lock = lock and db.session.get_bind().dialect.name == "postgresql"
    role = user.role
    if role == Role.ADMIN or (role == Role.SUPERVISOR and user.region_id is None):
        statement = (_BY_UUID_LOCKED if lock else _BY_UUID)["all"]
    elif role in (Role.INSPECTOR, Role.ENTERPRISE):
        statement = (_BY_UUID_LOCKED if lock else _BY_UUID)[role]
    else:
        statement = visible_inspections(user).where(Inspection.uuid == _UUID)
        if lock:
            statement = _locking(statement)
    params = {"uuid": key, "user_id": user.id, "organisation_id": user.organisation_id}
    found = db.session.scalar(statement, params)
    if found is not None and lock:
        note_row_lock(found)
    return found
