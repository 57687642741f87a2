"""Who hears of a finding: its enterprise, its inspectors and the supervisors of its region.

The inbox and e-mail are ``checklists.accounts.notifications``.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa

from checklists.accounts import notifications
from checklists.accounts.models import Role, User
from checklists.core.extensions import db
from inspections.filling.models import Inspection, inspection_inspectors
from inspections.findings.models import Finding


def link(finding: Finding) -> str:
    """The finding's page, as a path."""
    return f"/findings/{finding.id}"


def enterprise_users(organisation_id: int) -> list[User]:
    return list(
        db.session.scalars(
            sa.select(User).where(
                User.role == Role.ENTERPRISE, User.organisation_id == organisation_id, User.active
            )
        )
    )


def inspectors_of(finding: Finding) -> list[User]:
    """The inspection's inspectors and whoever created it (if an inspector)."""
    assigned = sa.select(inspection_inspectors.c.user_id).where(
        inspection_inspectors.c.inspection_id == finding.inspection_id
    )
    return list(
        db.session.scalars(
            sa.select(User).where(
                User.active,
                User.role == Role.INSPECTOR,
                sa.or_(User.id.in_(assigned), User.id == finding.inspection.created_by_id),
            )
        )
    )


def enterprise(finding: Finding, kind: str, message: Callable[[], str] | str) -> None:
    _send(enterprise_users(finding.organisation_id), finding, kind, message)


def inspectors(finding: Finding, kind: str, message: Callable[[], str] | str) -> None:
    _send(inspectors_of(finding), finding, kind, message)


def _send(users: list[User], finding: Finding, kind: str, message: Callable[[], str] | str):
    notifications.send(users, kind, _callable(message), link=link(finding), finding_id=finding.id)


def recipients_of(findings: list[Finding]) -> dict[int, list[User]]:
    """Finding id → its enterprise users, inspectors and the supervisors whose region holds its
    organisation (or who have none), read in four queries for all the findings together."""
    org_ids = {f.organisation_id for f in findings}
    inspection_ids = {f.inspection_id for f in findings}
    enterprise: dict[int, list[User]] = {}
    for user in db.session.scalars(
        sa.select(User).where(
            User.role == Role.ENTERPRISE, User.organisation_id.in_(org_ids), User.active
        )
    ):
        enterprise.setdefault(user.organisation_id, []).append(user)
    inspectors: dict[int, list[User]] = {}
    assigned = db.session.execute(
        sa.select(inspection_inspectors.c.inspection_id, User)
        .join(User, User.id == inspection_inspectors.c.user_id)
        .where(
            inspection_inspectors.c.inspection_id.in_(inspection_ids),
            User.role == Role.INSPECTOR,
            User.active,
        )
    )
    created = db.session.execute(
        sa.select(Inspection.id, User)
        .join(User, User.id == Inspection.created_by_id)
        .where(Inspection.id.in_(inspection_ids), User.role == Role.INSPECTOR, User.active)
    )
    for inspection_id, user in [*assigned, *created]:
        inspectors.setdefault(inspection_id, []).append(user)
    supervisors = list(
        db.session.scalars(sa.select(User).where(User.role == Role.SUPERVISOR, User.active))
    )
    found = {}
    for finding in findings:
        region = finding.organisation.region
        regions = {None} | ({region.id, region.parent_id} if region is not None else set())
        found[finding.id] = [
            *enterprise.get(finding.organisation_id, []),
            *inspectors.get(finding.inspection_id, []),
            *(s for s in supervisors if s.region_id in regions),
        ]
    return found


def _callable(message: Callable[[], str] | str) -> Callable[[], str]:
    return message if callable(message) else (lambda: message)
