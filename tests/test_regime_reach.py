"""Where the 挂牌督办 and 约谈 regimes apply: 临政办字〔2016〕10号 is 临淄区's, so they reach the
organisations of 临淄区 (SUPERVISION_REGION), on days the document is in force; anything else is
refused (409 regime_not_applicable) unless a reason is given, and the reason is recorded."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from checklists.core.extensions import db
from checklists.standards import services
from checklists.standards.models import Document
from inspections.supervision.models import Hazard
from tests import test_inspections, test_workflow
from tests.test_inspections import as_

coal = test_workflow.coal
world = test_inspections.world

HAZARDS = "/api/v1/hazards"
INTERVIEWS = "/api/v1/interviews"


def _listing(org_id: int, client_id: str, **extra) -> dict:
    return {
        "organisation_id": org_id,
        "description": "罐区防火堤破损，须修复",
        "client_id": client_id,
        **extra,
    }


def test_an_organisation_outside_the_region_needs_a_recorded_reason(app, world):
    assert app.config["SUPERVISION_REGION"] == "临淄区"  # the regime's own region by default
    supervisor = as_(app, world["supervisor"])  # a 冠县 supervisor, a 冠县 organisation
    refused = supervisor.post(HAZARDS, json=_listing(world["own"].id, "reach-1"))
    assert refused.status_code == 409
    error = refused.json["error"]
    assert error["code"] == "regime_not_applicable" and "临淄区" in error["message"]
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Hazard)) == 0
    reason = "市安委会指定参照临淄区办法督办"
    listed = supervisor.post(HAZARDS, json=_listing(world["own"].id, "reach-2", override=reason))
    assert listed.status_code == 201
    with app.app_context():
        hazard = db.session.get(Hazard, listed.json["id"])
        assert hazard.events[0].data["override"] == reason
    # an interview likewise
    body = {"client_id": "i-1", "organisation_id": world["own"].id, "trigger": "manual"}
    body["reason"] = "发生1人重伤事故"
    assert supervisor.post(INTERVIEWS, json=body).status_code == 409
    made = supervisor.post(INTERVIEWS, json={**body, "client_id": "i-2", "override": reason})
    assert made.status_code == 201


def test_inside_the_region_only_while_the_document_is_in_force(app, world):
    # world: 外单位 is in 临淄区, and sup2 supervises 临淄区
    linzi_org, linzi_supervisor = world["foreign"].id, world["far_supervisor"]
    boss = as_(app, linzi_supervisor)
    assert boss.post(HAZARDS, json=_listing(linzi_org, "reach-3")).status_code == 201
    with app.app_context():
        document = db.session.scalar(
            sa.select(Document).where(
                Document.number == "临政办字〔2016〕10号",
                Document.title == "临淄区重大安全生产隐患挂牌督办办法",
                Document.is_current,
            )
        )
        services.repeal_document(document, dt.date(2020, 1, 1), "测试：已废止", None)
        db.session.commit()
    refused = boss.post(HAZARDS, json=_listing(linzi_org, "reach-4"))
    assert refused.status_code == 409
    error = refused.json["error"]
    assert error["code"] == "regime_not_applicable" and "临政办字〔2016〕10号" in error["message"]
