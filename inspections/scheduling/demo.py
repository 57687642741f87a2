"""Demo data for scheduled inspections: the clean-coal depot checklist every month (by the
month's last working day) for the demo depot, assigned to ``inspector``, from the first day of
last month (so the calendar shows one month overdue and this month done by the demo's
inspection); and the safety checklist every quarter (每季度第一个月的20日前) for the demo
chemical works, assigned to ``inspector2``. Idempotent (fixed client ids)."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from flask_babel import gettext as _

from checklists.accounts.models import Organisation, User
from checklists.authoring.models import ChecklistTemplate, TemplateStatus
from checklists.core.clock import local_today
from checklists.core.extensions import db
from inspections.scheduling import operations
from inspections.scheduling.models import Schedule
from inspections.scheduling.rules import Recurrence
from inspections.spotcheck.frequency import Period

#: (client id, supervisor, organisation's name contains, template's name starts with,
#: inspector, rule fields)
SCHEDULES = [
    (
        "demo-schedule-depot-monthly",
        "supervisor",
        "鑫源",
        "洁净煤",
        "inspector",
        {"rule_kind": Recurrence.LAST_WORKING_DAY, "rule_period": Period.MONTH},
    ),
    (
        "demo-schedule-chemicals-quarterly",
        "supervisor2",
        "华泰化工",
        "企业安全生产",
        "inspector2",
        {
            "rule_kind": Recurrence.DAY,
            "rule_period": Period.QUARTER,
            "rule_month": 1,
            "rule_day": 20,
        },
    ),
]


def load() -> list[str]:
    today = local_today()
    starts_on = (today.replace(day=1) - dt.timedelta(days=1)).replace(day=1)  # last month's 1st
    report = []
    for client_id, boss, org_name, template_name, person, rule in SCHEDULES:
        if db.session.scalar(sa.select(Schedule.id).where(Schedule.client_id == client_id)):
            continue
        supervisor = db.session.scalar(sa.select(User).where(User.username == boss))
        inspector = db.session.scalar(sa.select(User).where(User.username == person))
        org = db.session.scalar(sa.select(Organisation).where(Organisation.name.contains(org_name)))
        template = db.session.scalar(
            sa.select(ChecklistTemplate)
            .where(
                ChecklistTemplate.name.startswith(template_name),
                ChecklistTemplate.status == TemplateStatus.PUBLISHED,
            )
            .order_by(ChecklistTemplate.version.desc())
            .limit(1)
        )
        if None in (supervisor, inspector, org, template):
            continue
        schedule, _created = operations.create(
            supervisor,
            {
                "template_id": template.id,
                "organisation_id": org.id,
                "inspector_ids": [inspector.id],
                "starts_on": starts_on,
                **rule,
            },
            client_id=client_id,
            today=today,
        )
        report.append(
            _(
                "Scheduled inspection: %(org)s, %(rule)s.",
                org=org.name,
                rule=schedule.rule.describe(),
            )
        )
    return report
