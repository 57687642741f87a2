"""Demo data for the credit lists: one 黑名单 entry listed and published (the 临淄 demo
enterprise; 临政办字〔2016〕11号 expired on 2018-03-31, so the entry records why it was applied
all the same), one 政府采购禁入 whose term has ended, one proposed; the deposit paid; the 冠县
depot qualified. The public list shows the first only. Idempotent (fixed client ids)."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from flask_babel import gettext as _

from checklists.accounts.models import Organisation, User
from checklists.core.clock import local_today
from checklists.core.extensions import db
from inspections.credit import deposits, depots, entries
from inspections.credit.models import CreditKind, DepositKind
from inspections.credit.terms import Case

LISTED_ORG = "临淄华泰化工有限公司"
DEPOT_ORG = "冠县鑫源洁净煤配送中心"
OVERRIDE = (
    "演示数据：临政办字〔2016〕11号有效期至2018年3月31日，此处按区安委会决定参照执行，"
    "实际使用时请以现行有效的规定为依据。"
)


def _steps(entry, user, today: dt.date, steps: list[tuple[str, dict]]) -> None:
    for name, body in steps:
        entries.take_step(entry, name, user, body, today=today)


def load() -> list[str]:
    admin = db.session.scalar(sa.select(User).where(User.username == "admin"))
    listed_org = db.session.scalar(sa.select(Organisation).where(Organisation.name == LISTED_ORG))
    depot_org = db.session.scalar(sa.select(Organisation).where(Organisation.name == DEPOT_ORG))
    if admin is None or listed_org is None or depot_org is None:
        return []
    if entries.find_by_client_id("demo-credit-listed") is not None:
        return []
    today = local_today()
    report = []
    day = today - dt.timedelta(days=30)
    listed, _created = entries.create(
        admin,
        today=day,
        organisation_id=listed_org.id,
        kind=CreditKind.BLACKLIST,
        case=Case.VIOLATION,
        reason="拒绝、阻碍安全生产监督检查人员依法实施现场检查（第三条（二））",
        client_id="demo-credit-listed",
        override=OVERRIDE,
    )
    published = today - dt.timedelta(days=14)
    _steps(
        listed,
        admin,
        today,
        [
            ("notify", {"on": day.isoformat(), "text": "拟纳入黑名单告知书已送达"}),
            (
                "defence",
                {
                    "on": (day + dt.timedelta(days=3)).isoformat(),
                    "text": "企业未提出新的事实和证据",
                },
            ),
            ("decide", {"on": (day + dt.timedelta(days=7)).isoformat(), "outcome": "list"}),
            ("submit", {"on": (day + dt.timedelta(days=9)).isoformat()}),
            ("publish", {"on": published.isoformat(), "channel": "临淄区人民政府网站"}),
        ],
    )
    deposits.record(
        admin,
        today=today,
        organisation_id=listed_org.id,
        deposit="safety",
        kind=DepositKind.PAID,
        amount=500_000,
        on=published + dt.timedelta(days=7),
        entry_id=listed.id,
        voucher="区财政专户 缴款书 No.0001",
        client_id="demo-credit-paid",
    )
    report.append(_("Credit entry %(number)s listed and published.", number=listed.number))

    start = dt.date(2023, 3, 1)
    expired, _created = entries.create(
        admin,
        today=start,
        organisation_id=depot_org.id,
        kind=CreditKind.PROCUREMENT_BAN,
        case=Case.PROCUREMENT,
        term_years=1,
        reason="履约中擅自更换项目经理，与投标文件不符（三（三）10）",
        client_id="demo-credit-expired",
    )
    _steps(
        expired,
        admin,
        start + dt.timedelta(days=20),
        [
            ("notify", {"on": start.isoformat()}),
            ("decide", {"on": (start + dt.timedelta(days=10)).isoformat(), "outcome": "list"}),
            (
                "publish",
                {"on": (start + dt.timedelta(days=20)).isoformat(), "channel": "冠县政府网站"},
            ),
        ],
    )
    report.append(_("Credit entry %(number)s (term ended) recorded.", number=expired.number))

    proposed, _created = entries.create(
        admin,
        today=today,
        organisation_id=depot_org.id,
        kind=CreditKind.PROCUREMENT_BAN,
        case=Case.PROCUREMENT,
        term_years=2,
        reason="供货煤质抽检不合格且拒不退换（三（三）10）",
        client_id="demo-credit-proposed",
    )
    report.append(_("Credit entry %(number)s proposed.", number=proposed.number))

    township = depot_org.region
    if township is not None:
        depots.qualify(
            admin,
            today=today,
            organisation_id=depot_org.id,
            name="东郊配送点",
            passed=True,
            region_id=township.id,
            client_id="demo-depot-1",
        )
    db.session.flush()
    return report
