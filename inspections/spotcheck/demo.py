"""Demo data for 双随机、一公开: the monthly coal sampling of 冠政发〔2016〕109号 五（三） as an
item on the clean-coal template, four depots of 冠县 in the target pool, three inspectors in the
pool, and this month's plan drawn, one inspection approved and its result published.
Idempotent (a fixed client id)."""

from __future__ import annotations

import sqlalchemy as sa
from flask_babel import gettext as _

from checklists.accounts import services
from checklists.accounts.creditcode import check_character
from checklists.accounts.models import Organisation, OrgKind, Region, User
from checklists.authoring.models import ChecklistTemplate, TemplateStatus
from checklists.core.clock import local_today
from checklists.core.extensions import db
from inspections.filling import attaching, workflow
from inspections.filling.demo import _photo, passing
from inspections.spotcheck import frequency, items, plans, pools
from inspections.spotcheck.models import RiskClass, SpotcheckItem

CLIENT_ID = "demo-spotcheck-coal-sampling"
DEPARTMENT = "冠县市场监督管理局"
#: Depots besides the demo enterprise (冠县鑫源洁净煤配送中心), with their risk class.
DEPOTS = [
    ("冠县清泉洁净煤配送点", "91371525MA3C5A1B2", "清泉街道", RiskClass.GENERAL),
    ("冠县烟庄洁净煤配送中心", "91371525MA3C6D3E4", "烟庄街道", RiskClass.ELEVATED),
    ("冠县东古城洁净煤配送点", "91371525MA3C7F5G6", "东古城镇", RiskClass.LOW),
]
INSPECTORS = [
    ("inspector", "鲁冠执0101"),
    ("inspector2", "鲁冠执0102"),
    ("inspector3", "鲁冠执0103"),
]
BASIS = ["冠政发〔2016〕109号/五/（三）"]


def _depots(county: Region) -> list[Organisation]:
    out = []
    for name, first17, township, _risk in DEPOTS:
        org = db.session.scalar(sa.select(Organisation).where(Organisation.name == name))
        if org is None:
            region = next(r for r in county.children if r.name == township)
            org = services.create_organisation(
                name,
                OrgKind.ENTERPRISE,
                credit_code=first17 + check_character(first17),
                region=region,
                address=f"冠县{township}",
            )
        out.append(org)
    return out


def load() -> list[str]:
    if db.session.scalar(sa.select(SpotcheckItem.id).limit(1)) is not None:
        return []
    supervisor = db.session.scalar(sa.select(User).where(User.username == "supervisor"))
    depot = db.session.scalar(sa.select(Organisation).where(Organisation.name.contains("鑫源")))
    county = db.session.scalar(sa.select(Region).where(Region.name == "冠县"))
    template = db.session.scalar(
        sa.select(ChecklistTemplate)
        .where(
            ChecklistTemplate.name.startswith("洁净煤"),
            ChecklistTemplate.status == TemplateStatus.PUBLISHED,
        )
        .order_by(ChecklistTemplate.version.desc())
        .limit(1)
    )
    people = {
        u.username: u
        for u in db.session.scalars(
            sa.select(User).where(User.username.in_([n for n, _ in INSPECTORS]))
        )
    }
    if None in (supervisor, depot, county, template) or len(people) < len(INSPECTORS):
        return []
    item = items.save(
        supervisor,
        None,
        {
            "department": DEPARTMENT,
            "matter": "洁净煤配送中心（点）煤质抽检",
            "target_kind": "enterprise",
            "industry": "洁净煤配送",
            "region_id": county.id,
            "basis": [k for k in BASIS if items.resolve(k) is not None],
            "method": "onsite",
            "template_id": template.id,
            "rule_kind": "at_least",
            "rule_period": "month",
            "rule_value": 1,
        },
    )
    pools.set_target(depot, "洁净煤配送", RiskClass.HIGH)
    for org, (_name, _code, _township, risk) in zip(_depots(county), DEPOTS, strict=True):
        pools.set_target(org, "洁净煤配送", risk)
    for username, badge in INSPECTORS:
        pools.set_inspector(people[username], badge, DEPARTMENT)
    today = local_today()
    start, end = frequency.period_of(today, frequency.Period.MONTH)
    plan, _created = plans.create(
        supervisor,
        item_id=item.id,
        period_start=start,
        period_end=end,
        planned_on=today,
        count=2,
        ratio=None,
        team_size=2,
        region_id=None,
        client_id=CLIENT_ID,
    )
    plans.draw(plan, supervisor)
    first = plan.picks[0].inspection
    filler = first.inspectors[0]
    for entry in first.template.ordered_items():
        if entry.answer_type == "photo":
            attaching.add_photo(first, _photo(entry.prompt[:20]), filler, item_id=entry.id)
        else:
            unit = "年" if (entry.rule or {}).get("unit") == "year" else None
            workflow.save_answer(first, entry.id, passing(entry), filler, unit=unit)
    workflow.submit(first, filler, today)
    workflow.approve(first, supervisor, "抽检合格")
    plans.publish(plan, supervisor, today)
    return [
        _(
            "Spot-check plan %(id)d (%(matter)s) drawn and published.",
            id=plan.id,
            matter=item.matter,
        )
    ]
