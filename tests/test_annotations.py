"""Photo annotations (issue 25): an annotated copy (arrows, circles, a short text drawn on the
phone) is uploaded naming its original by SHA-256; it is stored content-addressed like every
photo, linked to the untouched original, which stays the evidence and the item's one photo.
The pages show the copy (标注图) with a link to the original (原图); the report shows both."""

from __future__ import annotations

import hashlib

import pytest
import sqlalchemy as sa

from checklists.authoring.models import ChecklistTemplate
from checklists.core.extensions import db
from checklists.demo import templates as demo_templates
from inspections.filling.evidence import Evidence
from inspections.filling.models import Inspection, Photo
from tests import test_inspections
from tests.conftest import built_once, import_gazettes
from tests.test_inspections import API, answer, as_, fill_everything, jpeg
from tests.test_inspections import upload as upload_photo
from tests.test_repeats import depot_spec
from tests.test_templates import by_prompt

world = test_inspections.world


def _build_depot() -> int:
    import_gazettes()
    template = demo_templates.build(depot_spec(), None)
    db.session.commit()
    return template.id


@pytest.fixture
def coal(app_ctx) -> ChecklistTemplate:
    """The clean-coal template with its warehouses repeated (``test_repeats.depot_spec``),
    published: the world's template here (built once, then written back)."""
    return db.session.get(ChecklistTemplate, built_once("coal_sheds", _build_depot))


started = test_inspections.started

AREA = "储煤厂房建设面积"  # a number item of the warehouse section: 480 fails, a photo needed
LICENCE = "具备企业法人营业执照"  # a yes/no item of an ordinary section
ORIGINAL = jpeg(320, 240, color=(10, 120, 10))
MARKED = jpeg(320, 240, color=(200, 30, 30))  # what the phone draws: another JPEG
AGAIN = jpeg(320, 240, color=(190, 40, 40))
SHA = hashlib.sha256(ORIGINAL).hexdigest()


def _count(model) -> int:
    db.session.remove()
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


@pytest.fixture
def photographed(world, started):
    """The started inspection with everything answered, the warehouse's area failed (480) and
    its photo (the original) uploaded; (session, key, area item, the original's JSON)."""
    session, key = started
    template = world["template"]
    area = by_prompt(template, AREA)
    fill_everything(session, key, template)
    answer(session, key, area, "480", "fail-area", at="2026-11-21T11:00:00+08:00")
    original = upload_photo(
        session, key, ORIGINAL, item_id=str(area.id), taken_at="2026-11-21T10:58:00+08:00"
    )
    assert original.status_code == 201, original.json
    return session, key, area, original.json


def test_an_annotated_copy_is_linked_to_its_untouched_original(app, world, photographed):
    session, key, area, original = photographed
    copy = upload_photo(session, key, MARKED, item_id=str(area.id), annotates=SHA.upper())
    assert copy.status_code == 201, copy.json
    marked = copy.json
    assert marked["annotates"] == SHA and marked["annotations"] == []
    # in the original's instance (none named), at the original's time
    assert marked["instance"] == original["instance"] and marked["instance"]
    assert marked["taken_at"] == original["taken_at"]
    assert marked["sha256"] == hashlib.sha256(MARKED).hexdigest()
    # a retry stores nothing twice
    resent = upload_photo(session, key, MARKED, item_id=str(area.id), annotates=SHA)
    assert resent.status_code == 200 and resent.json["id"] == marked["id"]
    # a second annotation of the same original: kept beside the first, the latest shown
    later = upload_photo(
        session, key, AGAIN, item_id=str(area.id), annotates=SHA, instance=original["instance"]
    )
    assert later.status_code == 201 and later.json["annotates"] == SHA
    assert _count(Photo) == 3 and _count(Evidence) == 3

    body = session.get(f"{API}/{key}").json
    photos = {p["sha256"]: p for p in body["photos"]}
    assert photos[SHA]["annotations"] == [marked["sha256"], later.json["sha256"]]
    assert photos[SHA]["annotates"] is None
    [item] = [i for i in body["items"] if i["item_id"] == area.id]
    [slot] = [x for x in item["instances"] if x["key"] == original["instance"]]
    assert slot["photos"] == [SHA]  # the item's one photo: the original
    inspection = db.session.scalar(sa.select(Inspection).where(Inspection.uuid == key))
    assert inspection.photo_counts() == {(area.id, original["instance"]): 1}
    # the original is untouched: its file is the bytes it came as
    stored = session.get(original["url"].replace("/show", "/original"))
    assert stored.status_code == 200 and stored.data == ORIGINAL
    assert session.get(marked["thumbnail_url"]).status_code == 200

    # the pages: the latest copy, labelled 标注图, with a link to the original (原图)
    page = session.get(f"/inspections/{key}/fill").get_data(as_text=True)
    assert f'data-sha="{SHA}" data-annotated="{later.json["sha256"]}"' in page
    assert f"/photos/{original['id']}/original" in page
    submitted = session.post(f"{API}/{key}/submit")  # the original is the photo the fail needs
    assert submitted.status_code == 200, submitted.json
    shown = session.get(f"/inspections/{key}").get_data(as_text=True)
    assert "标注图 · <a" in shown and f"/photos/{later.json['id']}/thumb" in shown
    assert f"/photos/{original['id']}/show" in shown and "原图" in shown
    assert f"/photos/{marked['id']}/thumb" not in shown  # only the latest copy
    report = session.get(f"/inspections/{key}/report").get_data(as_text=True)
    assert f"/photos/{later.json['id']}/thumb" in report  # the copy and the original, both
    assert f"/photos/{original['id']}/thumb" in report
    assert "<figcaption>标注图</figcaption>" in report
    [finding] = submitted.json["findings"]
    evidence = session.get(f"/api/v1/findings/{finding['id']}").json["evidence_photos"]
    assert [(p["sha256"], p["annotates"]) for p in evidence] == [
        (SHA, None),
        (marked["sha256"], SHA),
        (later.json["sha256"], SHA),
    ]
    finding_page = session.get(f"/findings/{finding['id']}").get_data(as_text=True)
    assert f"/photos/{later.json['id']}/thumb" in finding_page and "原图" in finding_page


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("unknown", "标注所指的原图不在本次检查中，请先上传原图。"),
        (
            "another item",
            "标注所指的原图是另一检查项（或另一实例）的照片，标注图须与原图属于同一项。",
        ),
        (
            "another instance",
            "标注所指的原图是另一检查项（或另一实例）的照片，标注图须与原图属于同一项。",
        ),
        ("an annotated copy", "标注所指的照片本身是标注图，请标注其原图。"),
        ("the original's bytes", "这张图片已作为本项的另一张照片保存，不能作为该原图的标注图。"),
        ("not a SHA-256", "标注所指的原图须以 SHA-256 表示（64 位十六进制数字）。"),
        ("a signature", "只有检查项的照片可以标注，签名不能标注。"),
    ],
)
def test_an_annotation_of_no_original_of_the_item_is_refused(world, photographed, case, message):
    session, key, area, original = photographed
    copy = upload_photo(session, key, MARKED, item_id=str(area.id), annotates=SHA).json
    fields = {"item_id": str(area.id), "annotates": SHA}
    data = AGAIN
    if case == "unknown":
        fields["annotates"] = hashlib.sha256(b"never sent").hexdigest()
    elif case == "another item":
        fields["item_id"] = str(by_prompt(world["template"], LICENCE).id)
    elif case == "another instance":
        fields["instance"] = "west"
    elif case == "an annotated copy":
        fields["annotates"] = copy["sha256"]
    elif case == "the original's bytes":
        data = ORIGINAL
    elif case == "not a SHA-256":
        fields["annotates"] = SHA[:-1] + "g"
    elif case == "a signature":
        fields = {"kind": "signature_inspector", "annotates": SHA}
    refused = upload_photo(session, key, data, **fields)
    assert refused.status_code == 422, refused.json
    assert refused.json["error"]["fields"] == {"annotates": message}
    assert _count(Photo) == 2  # nothing stored


def test_annotations_keep_the_access_and_state_rules(app, world, photographed):
    session, key, area, _original = photographed
    fields = {"item_id": str(area.id), "annotates": SHA}
    stored = upload_photo(session, key, MARKED, **fields)
    assert stored.status_code == 201
    assert session.post(f"{API}/{key}/submit").status_code == 200
    # submitted: the enterprise sees it, may not change it; another enterprise sees nothing
    foreign = upload_photo(as_(app, world["foreign_enterprise"]), key, AGAIN, **fields)
    assert foreign.status_code == 404
    own = upload_photo(as_(app, world["enterprise"]), key, AGAIN, **fields)
    assert own.status_code == 403
    late = upload_photo(session, key, AGAIN, **fields)
    assert late.status_code == 409 and late.json["error"]["code"] == "submitted"
    # the state is the first thing wrong, before the unknown original
    unknown = upload_photo(session, key, AGAIN, item_id=str(area.id), annotates="0" * 64)
    assert unknown.status_code == 409 and unknown.json["error"]["code"] == "submitted"
    # a resend of the stored copy (its answer was lost) is still that copy
    resent = upload_photo(session, key, MARKED, **fields)
    assert resent.status_code == 200 and resent.json["id"] == stored.json["id"]
    assert _count(Photo) == 2
