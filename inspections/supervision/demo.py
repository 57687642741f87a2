"""Demo data: major hazards of the 临淄 demo enterprise (临淄华泰化工有限公司) under 挂牌督办, one
in each state (listed, acknowledged, rectifying, closure requested, confirmed, verified, closed),
listed and verified by the demo administrator (the 临淄 supervisor, ``supervisor2``, sees them
all). Idempotent (fixed client ids)."""

from __future__ import annotations

import sqlalchemy as sa
from flask_babel import gettext as _

from checklists.accounts.models import Organisation, User
from checklists.core.clock import local_today
from checklists.core.extensions import db
from checklists.standards.models import Clause, Document
from inspections.supervision import interviews, regime
from inspections.supervision import operations as supervision
from inspections.supervision.regime import STEPS

ORGANISATION = "临淄华泰化工有限公司"
PLAN = {
    "responsibility": "总经理负总责，设备安全部具体落实",
    "measures": "更换液氯储罐区可燃、有毒气体检测报警探头，并与紧急切断阀联锁",
    "funds": "企业自筹12万元",
    "emergency_plan": "整改期间每班人工巡检两次，配备便携式检测仪和正压式空气呼吸器",
    "monitoring": "中控室24小时视频监控，设备安全部每日检查记录",
}
#: client id → (title, 督办事项, the steps taken).
HAZARDS = {
    "demo-hazard-1": (
        "液氯储罐区气体检测报警装置失效",
        "液氯储罐区有毒气体检测报警装置失效，未与紧急切断装置联锁，须停用相关储罐并限期整改。",
        (),
    ),
    "demo-hazard-2": (
        "罐区防火堤破损",
        "东区罐区防火堤多处破损、穿堤管线未封堵，须修复并封堵。",
        ("receipt", "plan"),
    ),
    "demo-hazard-3": (
        "装卸栈台静电接地失效",
        "装卸栈台静电接地装置锈蚀失效，须更换并检测合格。",
        ("receipt", "plan", "closure-report", "confirm", "verification", "close"),
    ),
    "demo-hazard-4": (
        "甲醇装车鹤管未设紧急切断",
        "甲醇装车鹤管未设置紧急切断阀，须加装并与液位报警联锁。",
        ("receipt",),
    ),
    "demo-hazard-5": (
        "危化品仓库通风设施损坏",
        "危险化学品仓库机械通风设施损坏，须修复并恢复强制通风。",
        ("receipt", "plan", "closure-report"),
    ),
    "demo-hazard-6": (
        "事故应急池容积不足",
        "事故应急池有效容积不足，须扩建至设计容积并保持空置。",
        ("receipt", "plan", "closure-report", "confirm"),
    ),
    "demo-hazard-7": (
        "消防泵房备用泵不能自启",
        "消防泵房备用泵不能自动启动，须检修并做联动试验。",
        ("receipt", "plan", "closure-report", "confirm", "verification"),
    ),
}


def load() -> list[str]:
    org = db.session.scalar(sa.select(Organisation).where(Organisation.name == ORGANISATION))
    lister = db.session.scalar(sa.select(User).where(User.username == "admin"))
    enterprise = db.session.scalar(sa.select(User).where(User.username == "enterprise2"))
    if org is None or lister is None or enterprise is None:
        return []
    clause_id = db.session.scalar(
        sa.select(Clause.id)
        .join(Document)
        .where(Document.is_current, Clause.key == regime.clause_key("第二条"))
    )
    today = local_today()
    report = []
    for client_id, (title, description, steps) in HAZARDS.items():
        if supervision.find_by_client_id(client_id) is not None:
            continue
        hazard, _created = supervision.list_hazard(
            lister,
            today=today,
            organisation_id=org.id,
            title=title,
            description=description,
            clause_id=clause_id,
            client_id=client_id,
        )
        bodies = {
            "receipt": {"signer": "华泰化工 李红"},
            "plan": {**PLAN, "deadline": hazard.due_on.isoformat()},
            "closure-report": {"report": "已更换接地装置，经第三方检测合格，附检测报告。"},
            "confirm": {"outcome": "confirmed", "note": "辛店街道安监办已现场确认。"},
            "verification": {
                "outcome": "passed",
                "verifiers": ["区安委会办公室 孙磊", "王海（外聘专家）"],
                "report": "现场核实接地电阻符合要求，整改到位。",
            },
            "close": {},
        }
        for name in steps:
            step = STEPS[name]
            actor = enterprise if step.side == regime.ENTERPRISE else lister
            supervision.take_step(hazard, step, actor, bodies[name], today=today)
        report.append(_("Major hazard %(number)s listed.", number=hazard.number))
    report.extend(_interview(lister, enterprise, org, today))
    db.session.flush()
    return report


def _interview(lister: User, enterprise: User, org: Organisation, today) -> list[str]:
    """One 约谈 of the demo enterprise, held, its written report due (第七条)."""
    made, created = interviews.schedule(
        lister,
        today=today,
        organisation_id=org.id,
        trigger="manual",
        reason="发生1人重伤的生产安全事故（装卸作业时罐车阀门泄漏致操作工灼伤）",
        clause_key_=interviews.clause_key("1"),
        place="区安委会办公室第一会议室",
        client_id="demo-interview-1",
    )
    if not created:
        return []
    interviews.take_step(
        made,
        "held",
        lister,
        {
            "attendees": ["区安委会办公室 孙伟", "华泰化工 总经理 李强", "华泰化工 安全总监 王敏"],
            "minutes": "通报事故经过，指出装卸作业安全管理和应急处置存在的问题，提出整改要求。",
            "commitments": "一个月内完成装卸区防泄漏改造，全员重新培训装卸操作规程。",
            "held_on": today.isoformat(),
        },
        today=today,
    )
    return [_("Interview %(number)s recorded.", number=made.number)]
