"""Coverage and frequency: per item, what its rule demands in the period a day falls in, what
the plans of that period planned, what was done and what is overdue, the share of the pool
inspected; and the due work that follows (plans still to make, inspections late, results to
publish)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import sqlalchemy as sa
from flask import url_for

from checklists.accounts.models import User
from checklists.core.extensions import db
from inspections.filling.models import Inspection, InspectionStatus
from inspections.findings.deadlines import official_calendar
from inspections.spotcheck import frequency, plans, pools
from inspections.spotcheck.models import PlanStatus, SpotcheckItem, SpotcheckPick, SpotcheckPlan

DONE = (InspectionStatus.SUBMITTED, InspectionStatus.APPROVED)


def pool_size(item: SpotcheckItem, user: User) -> int:
    """The targets an item reaches today, inside the user's region."""
    targets = pools.target_query(item, user.region if user.region_id else None, {}).subquery()
    return db.session.scalar(sa.select(sa.func.count()).select_from(targets)) or 0


def standing(item: SpotcheckItem, user: User, day: dt.date) -> frequency.Standing:
    """Where ``item``'s rule stands in the period ``day`` falls in (plans the user may see)."""
    rule = item.rule
    start, end = frequency.period_of(day, rule.period)
    visible = plans.visible_plans(user).with_only_columns(SpotcheckPlan.id)
    rows = db.session.execute(
        sa.select(SpotcheckPick.organisation_id, Inspection.status, SpotcheckPlan.period_end)
        .join(SpotcheckPlan, SpotcheckPlan.id == SpotcheckPick.plan_id)
        .join(Inspection, Inspection.id == SpotcheckPick.inspection_id)
        .where(
            SpotcheckPlan.item_id == item.id,
            SpotcheckPlan.id.in_(visible),
            SpotcheckPlan.status != PlanStatus.VOID,
            SpotcheckPlan.period_start <= end,
            SpotcheckPlan.period_end >= start,
        )
    ).all()
    done_orgs = {org for org, status, _ in rows if status in DONE}
    planned = len(rows) if rule.kind == frequency.RuleKind.AT_LEAST else len({r[0] for r in rows})
    overdue = sum(1 for _, status, by in rows if status not in DONE and by < day)
    return frequency.standing(
        rule,
        day,
        pool_size=pool_size(item, user),
        planned=planned,
        done=sum(1 for _, status, _ in rows if status in DONE),
        overdue=overdue,
        covered=len(done_orgs),
    )


def board(user: User, day: dt.date) -> list[tuple[SpotcheckItem, frequency.Standing]]:
    items = db.session.scalars(
        sa.select(SpotcheckItem).where(SpotcheckItem.active).order_by(SpotcheckItem.id)
    )
    return [(item, standing(item, user, day)) for item in items]


@dataclass(frozen=True)
class Due:
    what: str  # plan | inspect | publish
    text: str
    due_on: dt.date
    link: str

    def overdue(self, today: dt.date) -> bool:
        return self.due_on < today


def due_work(user: User, today: dt.date) -> list[Due]:
    """What the frequency rules and the plans ask of the user now."""
    out: list[Due] = []
    for item, stand in board(user, today):
        if stand.to_plan:
            out.append(
                Due(
                    "plan",
                    f"{item.department}「{item.matter}」{item.rule.describe()}："
                    f"{frequency.period_label(stand.start, item.rule.period)}尚需计划 "
                    f"{stand.to_plan} 户次",
                    stand.end,
                    url_for("spotcheck.plan_new", item_id=item.id),
                )
            )
    visible = plans.visible_plans(user).with_only_columns(SpotcheckPlan.id)
    rows = db.session.execute(
        sa.select(SpotcheckPick, Inspection, SpotcheckPlan.period_end)
        .join(Inspection, Inspection.id == SpotcheckPick.inspection_id)
        .join(SpotcheckPlan, SpotcheckPlan.id == SpotcheckPick.plan_id)
        .where(SpotcheckPlan.id.in_(visible), SpotcheckPick.published_on.is_(None))
        .order_by(SpotcheckPick.id)
    ).all()
    approved = plans.approved_at(
        [i.id for _, i, _ in rows if i.status == InspectionStatus.APPROVED]
    )
    calendar = official_calendar() if approved else None
    for pick, inspection, by in rows:
        link = url_for("spotcheck.plan", plan_id=pick.plan_id)
        if inspection.id in approved and calendar is not None:
            out.append(
                Due(
                    "publish",
                    f"公开抽查结果：{pick.organisation.name}",
                    plans.publish_due(approved[inspection.id], calendar),
                    link,
                )
            )
        elif inspection.status not in DONE:
            out.append(Due("inspect", f"抽查检查：{pick.organisation.name}", by, link))
    return sorted(out, key=lambda d: d.due_on)
