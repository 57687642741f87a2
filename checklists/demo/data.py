"""Demo data for ``flask demo load``: idempotent (get or create by natural key).

Regions, organisations and one user per role. README lists the accounts and their password.
"""

from __future__ import annotations

import pathlib

import sqlalchemy as sa
from flask_babel import gettext as _

from checklists.accounts import services
from checklists.accounts.creditcode import check_character
from checklists.accounts.models import Organisation, OrgKind, Region, Role, Site, User
from checklists.core.extensions import db
from checklists.demo import templates as demo_templates
from checklists.standards.services import import_text

#: The demo accounts' password (README says so; change it anywhere but a demo).
DEMO_PASSWORD = "demo-2026"

REGIONS = {"冠县": ["清泉街道", "烟庄街道", "东古城镇"], "临淄区": ["辛店街道", "金山镇"]}


def _code(first17: str) -> str:
    return first17 + check_character(first17)


ORGANISATIONS = [
    {
        "name": "冠县鑫源洁净煤配送中心",
        "kind": OrgKind.ENTERPRISE,
        "credit_code": _code("91371525MA3C4K7R0"),
        "region": ("冠县", "清泉街道"),
        "address": "冠县清泉街道建设路88号",
        "contact_person": "王建国",
        "contact_phone": "0635-5212345",
        "sites": ["东郊配送点", "烟庄配送点"],
    },
    {
        "name": "临淄华泰化工有限公司",
        "kind": OrgKind.ENTERPRISE,
        "credit_code": _code("91370305MA3D2N8P1"),
        "region": ("临淄区", "辛店街道"),
        "address": "淄博市临淄区辛店街道化工园区6号",
        "contact_person": "李红",
        "contact_phone": "0533-7123456",
        "sites": ["一号车间"],
    },
    {
        "name": "冠县财政局",
        "kind": OrgKind.GOVERNMENT,
        "credit_code": _code("11371525004319220"),
        "region": ("冠县", None),
        "address": "冠县冠宜春路1号",
        "contact_person": "张敏",
        "contact_phone": "0635-5261234",
        "sites": [],
    },
]

USERS = [
    ("admin", Role.ADMIN, "系统管理员", None, None),
    ("author", Role.AUTHOR, "检查表编制员", None, None),
    ("inspector", Role.INSPECTOR, "检查员 刘洋", None, None),
    ("inspector2", Role.INSPECTOR, "检查员 陈晨", None, None),
    ("inspector3", Role.INSPECTOR, "检查员 周婷", None, None),
    ("supervisor", Role.SUPERVISOR, "监管负责人 赵静", None, "冠县"),
    ("supervisor2", Role.SUPERVISOR, "区安委会办公室 孙伟", None, "临淄区"),
    ("enterprise", Role.ENTERPRISE, "鑫源配送中心 王建国", "冠县鑫源洁净煤配送中心", None),
    ("enterprise2", Role.ENTERPRISE, "华泰化工 李红", "临淄华泰化工有限公司", None),
]


GAZETTES = pathlib.Path(__file__).parent / "gazettes"


def _import_gazettes() -> list[str]:
    """Import the bundled gazettes; documents already there with the same text are left alone."""
    lines = []
    for path in sorted(GAZETTES.glob("*.txt")):
        report = import_text(path.read_text(encoding="utf-8"), path.name)
        created = [doc for doc, outcome in report.documents if outcome != "unchanged"]
        if created:
            lines.append(
                _("Gazette %(name)s: %(n)d documents imported.", name=path.name, n=len(created))
            )
    return lines


def load() -> list[str]:
    """Create whatever demo record is missing; return a line per thing created."""
    report: list[str] = []
    regions: dict[tuple[str, str | None], Region] = {}
    for county_name, townships in REGIONS.items():
        county = services.get_or_create_region(county_name)
        regions[(county_name, None)] = county
        for township in townships:
            regions[(county_name, township)] = services.get_or_create_region(township, county)

    for spec in ORGANISATIONS:
        org = db.session.scalar(sa.select(Organisation).where(Organisation.name == spec["name"]))
        if org is None:
            org = services.create_organisation(
                spec["name"],
                spec["kind"],
                credit_code=spec["credit_code"],
                region=regions[spec["region"]],
                address=spec["address"],
                contact_person=spec["contact_person"],
                contact_phone=spec["contact_phone"],
            )
            report.append(_("Organisation %(name)s created.", name=org.name))
        for site_name in spec["sites"]:
            if not any(site.name == site_name for site in org.sites):
                org.sites.append(Site(name=site_name))

    for username, role, display, org_name, region_name in USERS:
        if db.session.scalar(sa.select(User.id).where(User.username == username)) is not None:
            continue
        org = (
            db.session.scalar(sa.select(Organisation).where(Organisation.name == org_name))
            if org_name
            else None
        )
        services.create_user(
            username,
            role,
            DEMO_PASSWORD,
            organisation=org,
            region=regions[(region_name, None)] if region_name else None,
            display_name=display,
        )
        report.append(_("User %(name)s created.", name=username))
    db.session.flush()
    report.extend(_import_gazettes())
    author = db.session.scalar(sa.select(User).where(User.username == "author"))
    report.extend(demo_templates.load(author))
    db.session.flush()
    return report
