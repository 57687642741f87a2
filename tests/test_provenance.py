"""Provenance that stays live: a new version of a document, or its repeal or expiry, flags the
templates and open findings citing it (with the clause's old and new words); the author
re-points or confirms every flagged item in one step; a new inspection resting on a repealed
document is refused unless a reason is recorded, and the reason is shown."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
import sqlalchemy as sa

from checklists.accounts.notifications import Notification
from checklists.authoring.models import (
    ChecklistTemplate,
    SourceChange,
    SourceChangeKind,
    TemplateStatus,
)
from checklists.core.extensions import db
from checklists.standards import services
from checklists.standards.models import Document
from inspections.filling.models import Inspection
from inspections.findings.models import Finding, FindingEvent
from tests import test_findings, test_inspections
from tests.test_inspections import API, as_
from tests.test_templates import by_prompt

coal = test_findings.coal
world = test_inspections.world
started = test_inspections.started

COAL = "冠政发〔2016〕109号"
AREA_KEY = f"{COAL}/二/（二）/1"
GAZETTE = test_findings.test_workflow.DATA / "000_4d0f1aad85daeba2.txt"


def reimport_with(old: str, new: str) -> services.ImportReport:
    """The bundled 冠县 gazette again, one wording changed: a new version of its document."""
    text = GAZETTE.read_text("utf-8")
    assert text.count(old) == 1
    report = services.import_text(text.replace(old, new), "冠县公报-更正版.txt")
    db.session.commit()
    return report


def coal_document() -> Document:
    return db.session.scalar(
        sa.select(Document).where(Document.number == COAL, Document.is_current)
    )


@pytest.fixture
def finding(app, world, started, monkeypatch) -> int:
    """An open finding on the depot area item (二（二）1) of the published template."""
    (finding_id, *_rest) = test_findings.submit_with_failures(app, world, started, monkeypatch)
    return finding_id


def test_a_new_version_flags_the_citing_template_and_open_finding_with_the_diff(
    app, world, finding
):
    with app.app_context():
        before = db.session.get(Finding, finding)
        assert (before.clause_key, before.document_version) == (AREA_KEY, 1)
        report = reimport_with("储煤厂房建设面积不低于500平方米", "储煤厂房建设面积不低于600平方米")
        assert ("new_version", COAL) in [(o, d.number) for d, o in report.documents]

        # the template: its area item flagged, the clause's old and new words kept
        flags = db.session.scalars(
            sa.select(SourceChange).where(SourceChange.template_id == world["template"].id)
        ).all()
        citing = [i.id for i in world["template"].ordered_items() if i.clause_key == AREA_KEY]
        # every item citing the changed clause, and only those (the others' clauses are as
        # they were)
        assert sorted(f.item_id for f in flags) == sorted(citing) and len(citing) >= 2
        for flag in flags:
            assert (flag.kind, flag.clause_key, flag.open) == (
                SourceChangeKind.CHANGED,
                AREA_KEY,
                True,
            )
            assert "500平方米" in flag.old_text and "600平方米" in flag.new_text

        # the open finding: an event with the words, and its supervisor told
        events = db.session.scalars(
            sa.select(FindingEvent).where(
                FindingEvent.finding_id == finding, FindingEvent.kind == "source_changed"
            )
        ).all()
        assert len(events) == 1
        assert "500平方米" in events[0].data["old_text"]
        assert "600平方米" in events[0].data["new_text"]
        told = db.session.scalars(
            sa.select(Notification.user_id).where(
                Notification.finding_id == finding, Notification.kind == "source"
            )
        ).all()
        assert world["supervisor"].id in told and world["enterprise"].id not in told

        # the same text again changes nothing and flags nothing twice
        reimport_with("储煤厂房建设面积不低于500平方米", "储煤厂房建设面积不低于600平方米")
        again = db.session.scalar(sa.select(sa.func.count()).select_from(SourceChange))
        assert again == len(citing)

    # the finding's page shows the change; the template's author gets the page to resolve it
    page = as_(app, world["supervisor"]).get(f"/findings/{finding}")
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and "<ins>6</ins>" in html and "<del>5</del>" in html
    author = as_(app, world["author"])
    sources = author.get(f"/templates/{world['template'].id}/sources")
    assert sources.status_code == 200
    assert "<del>5</del><ins>6</ins>" in sources.get_data(as_text=True)


def test_the_author_repoints_or_confirms_every_flag_in_one_step(app, world, finding):
    with app.app_context():
        reimport_with("储煤厂房建设面积不低于500平方米", "储煤厂房建设面积不低于600平方米")
        flags = db.session.scalars(sa.select(SourceChange).order_by(SourceChange.id)).all()
        area = by_prompt(world["template"], "储煤厂房建设面积").id
        [repoint] = [f.id for f in flags if f.item_id == area]
        kept = [f.id for f in flags if f.item_id != area]
        template_id = flags[0].template_id
    author = as_(app, world["author"])
    path = f"/templates/{template_id}/sources"
    # nothing chosen: refused, named, nothing written
    refused = author.post(path, data={})
    assert refused.status_code == 422
    assert "选择" in refused.get_data(as_text=True)
    # kept without a reason: refused, and nothing of the valid choices written either
    choices = {f"choice-{repoint}": "repoint", **{f"choice-{k}": "confirm" for k in kept}}
    assert author.post(path, data=choices).status_code == 422
    with app.app_context():
        assert all(db.session.get(SourceChange, k).open for k in [repoint, *kept])
    # re-pointed: a published template is not edited; a new draft version cites version 2
    notes = {f"note-{k}": "高度要求未变" for k in kept}
    done = author.post(path, data={**choices, **notes})
    assert done.status_code == 302
    with app.app_context():
        flag = db.session.get(SourceChange, repoint)
        assert (flag.resolution, flag.open) == ("repointed", False)
        for k in kept:
            flag = db.session.get(SourceChange, k)
            assert (flag.resolution, flag.note, flag.open) == ("confirmed", "高度要求未变", False)
        published = db.session.get(ChecklistTemplate, template_id)
        assert by_prompt(published, "储煤厂房建设面积").document_version == 1
        draft = db.session.scalar(
            sa.select(ChecklistTemplate).where(
                ChecklistTemplate.lineage == published.lineage,
                ChecklistTemplate.status == TemplateStatus.DRAFT,
            )
        )
        item = by_prompt(draft, "储煤厂房建设面积")
        assert item.document_version == 2 and "600平方米" in item.clause_text
        assert item.clause.document.is_current
        assert done.headers["Location"].endswith(f"/templates/{draft.id}")


def test_others_may_not_resolve_and_a_foreign_draft_is_not_found(app, world, finding):
    with app.app_context():
        reimport_with("储煤厂房建设面积不低于500平方米", "储煤厂房建设面积不低于600平方米")
        template_id = world["template"].id
    assert as_(app, world["inspector"]).get(f"/templates/{template_id}/sources").status_code == 403
    assert as_(app, world["author"]).get("/templates/999999/sources").status_code == 404


def test_a_repealed_basis_refuses_a_new_inspection_without_a_recorded_reason(app, world):
    author = as_(app, world["author"])
    with app.app_context():
        document_id = coal_document().id
    page = author.get(f"/standards/documents/{document_id}")
    assert "标记为废止" in page.get_data(as_text=True) or "Mark as repealed" in page.get_data(
        as_text=True
    )
    # a repeal needs a day and what repealed it
    author.post(f"/standards/documents/{document_id}/repeal", data={"repealed_on": "2026-01-01"})
    with app.app_context():
        assert db.session.get(Document, document_id).repealed_on is None
    done = author.post(
        f"/standards/documents/{document_id}/repeal",
        data={"repealed_on": "2026-01-01", "repeal_note": "被冠政发〔2026〕1号废止"},
    )
    assert done.status_code == 303
    with app.app_context():
        assert db.session.get(Document, document_id).repealed_on == dt.date(2026, 1, 1)
        kinds = db.session.scalars(sa.select(SourceChange.kind)).all()
        assert kinds and set(kinds) == {SourceChangeKind.REPEALED}

    inspector = as_(app, world["inspector"])
    body = {
        "uuid": str(uuid.uuid4()),
        "template_id": world["template"].id,
        "organisation_id": world["own"].id,
        "planned_on": "2026-11-23",
    }
    refused = inspector.post(API, json=body)
    assert refused.status_code == 409
    error = refused.json["error"]
    assert error["code"] == "basis_not_in_force" and COAL in error["message"]
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Inspection)) == 0
    # before the repeal the same template was fine
    earlier = inspector.post(
        API, json={**body, "uuid": str(uuid.uuid4()), "planned_on": "2025-12-31"}
    )
    assert earlier.status_code == 201
    # with a reason: created, the reason and who gave it recorded and shown
    reason = "整改复查沿用原标准（区安委会2026年11月通知）"
    made = inspector.post(API, json={**body, "basis_override": reason})
    assert made.status_code == 201
    key = made.json["uuid"]
    with app.app_context():
        inspection = db.session.scalar(sa.select(Inspection).where(Inspection.uuid == key))
        assert inspection.basis_override == reason
        assert inspection.basis_override_by_id == world["inspector"].id
    shown = inspector.get(f"/inspections/{key}").get_data(as_text=True)
    assert reason in shown
    report = inspector.get(f"/inspections/{key}/report").get_data(as_text=True)
    assert reason in report


def test_the_inspection_form_asks_for_the_reason_when_the_basis_is_not_in_force(app, world):
    with app.app_context():
        document = coal_document()
        services.repeal_document(document, dt.date(2026, 1, 1), "废止", None)
        db.session.commit()
    inspector = as_(app, world["inspector"])
    form = {
        "template_id": world["template"].id,
        "organisation_id": world["own"].id,
        "planned_on": "2026-11-23",
        "inspector_ids": world["inspector"].id,
    }
    refused = inspector.post("/inspections/new", data=form)
    assert refused.status_code == 409
    html = refused.get_data(as_text=True)
    assert COAL in html and 'name="basis_override"' in html
    made = inspector.post("/inspections/new", data={**form, "basis_override": "上级要求继续检查"})
    assert made.status_code == 302


def test_expiry_flags_once(app, world, finding):
    with app.app_context():
        document = coal_document()
        document.in_force_until = dt.date(2026, 6, 30)
        db.session.commit()
        for _ in range(2):
            services.expire_documents(dt.date(2026, 11, 23))
            db.session.commit()
        kinds = db.session.scalars(sa.select(SourceChange.kind)).all()
        assert kinds and set(kinds) == {SourceChangeKind.EXPIRED}
        assert len(kinds) == len(set(db.session.scalars(sa.select(SourceChange.item_id))))
        events = db.session.scalars(
            sa.select(FindingEvent.data).where(FindingEvent.kind == "source_changed")
        ).all()
        assert [e["kind"] for e in events] == ["expired"]
