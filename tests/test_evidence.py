"""One stored file, many uses: the same photo for two items, as a signature, as a finding's
evidence; stored once (one Evidence row, one original on disk), linked as often as it is used.
The browser test picks the same photo for two items on a 360 px phone and submits."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import uuid

import pytest
import sqlalchemy as sa
from flask import current_app

from checklists.core import storage
from checklists.core.extensions import db
from inspections.filling import evidence, workflow
from inspections.filling.evidence import Evidence
from inspections.filling.models import Inspection, Photo
from inspections.findings.models import FindingFile
from tests import test_browser_offline, test_findings, test_inspections, test_workflow
from tests.test_browser_offline import _login, _open_form, _pending, _phone, _show_item, _wait
from tests.test_inspections import API, _at_once, answer, as_, create, fill_everything, jpeg
from tests.test_inspections import upload as upload_photo
from tests.test_templates import by_prompt

# The inspections' fixtures: the clean-coal template, two organisations, one user per role, an
# inspection started by the inspector; for the browser, an inspection assigned to 'phone'.
coal = test_workflow.coal
world = test_inspections.world
started = test_inspections.started
playwright = test_browser_offline.playwright
assigned = test_browser_offline.assigned

FINDINGS = "/api/v1/findings"
AREA = "储煤厂房建设面积"  # a number item: 480 fails, and a failure needs a photo
SEALED = "储煤厂房全封闭建设"


def count(model) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


def originals(app) -> list[str]:
    """The originals in the blob store (the display copies and thumbnails aside)."""
    with app.app_context():
        return sorted(key for key in storage.blob_store().keys() if storage.is_original(key))


def test_one_photo_for_two_items_and_as_signatures_is_stored_once(app, world, started):
    session, key = started
    area, sealed = by_prompt(world["template"], AREA), by_prompt(world["template"], SEALED)
    data = jpeg(640, 480)

    first = upload_photo(session, key, data, item_id=str(area.id))
    second = upload_photo(session, key, data, item_id=str(sealed.id))
    assert (first.status_code, second.status_code) == (201, 201), second.json
    assert first.json["id"] != second.json["id"]
    assert first.json["sha256"] == second.json["sha256"]
    assert (second.json["item_id"], second.json["width"], second.json["height"]) == (
        sealed.id,
        640,
        480,
    )
    # the same bytes as both signatures: attached too
    inspector = upload_photo(session, key, data, kind="signature_inspector")
    organisation = upload_photo(session, key, data, kind="signature_org")
    assert (inspector.status_code, organisation.status_code) == (201, 201)
    assert inspector.json["kind"] == "signature_inspector" and inspector.json["item_id"] is None
    # the same bytes again for the same item or signature: the stored link, nothing new
    again = upload_photo(session, key, data, item_id=str(sealed.id))
    assert again.status_code == 200 and again.json["id"] == second.json["id"]
    signed_again = upload_photo(session, key, data, kind="signature_org")
    assert signed_again.status_code == 200 and signed_again.json["id"] == organisation.json["id"]

    assert count(Photo) == 4 and count(Evidence) == 1
    assert len(originals(app)) == 1  # the original is one file
    body = session.get(f"{API}/{key}").json
    listed = {i["item_id"]: i["photos"] for i in body["items"]}
    sha = first.json["sha256"]
    assert listed[area.id] == [sha] and listed[sealed.id] == [sha]
    assert sorted(p["kind"] for p in body["photos"]) == [
        "item",
        "item",
        "signature_inspector",
        "signature_org",
    ]
    # every link is served (display copy and thumbnail)
    for photo in body["photos"]:
        shown = session.get(photo["url"])
        assert shown.status_code == 200 and shown.mimetype == "image/jpeg"
        assert session.get(photo["thumbnail_url"]).status_code == 200


def test_a_failed_item_whose_photo_is_shared_can_be_submitted(app, world, started):
    session, key = started
    template = world["template"]
    area, sealed = by_prompt(template, AREA), by_prompt(template, SEALED)
    fill_everything(session, key, template)
    data = jpeg(color=(10, 120, 10))
    assert upload_photo(session, key, data, item_id=str(sealed.id)).status_code == 201
    answer(session, key, area, "480", "fail-area", at="2026-11-21T11:00:00+08:00")
    refused = session.post(f"{API}/{key}/submit").json  # no photo of the failure yet
    assert refused["error"]["fields"] == {f"item_{area.id}": "第5项：须拍照"}
    assert upload_photo(session, key, data, item_id=str(area.id)).status_code == 201
    body = session.post(f"{API}/{key}/submit").json
    assert body["status"] == "submitted", body
    [finding] = body["findings"]
    assert finding["item_id"] == area.id
    shown = session.get(f"{FINDINGS}/{finding['id']}").json
    [shot] = shown["evidence_photos"]
    assert shot["sha256"] == hashlib.sha256(data).hexdigest()
    assert session.get(shot["url"]).status_code == 200


def test_a_finding_file_shares_the_inspection_photo_file(app, world, started, monkeypatch):
    [finding_id] = test_findings.submit_with_failures(app, world, started, monkeypatch)
    enterprise = as_(app, world["enterprise"])
    base = f"{FINDINGS}/{finding_id}"
    # the inspector's photo of the failure (jpeg()), sent back by the enterprise as evidence
    sent = enterprise.post(f"{base}/photos", data={"file": (io.BytesIO(jpeg()), "现场.jpg")})
    assert sent.status_code == 201, sent.json
    assert (sent.json["kind"], sent.json["mime"], sent.json["filename"]) == (
        "photo",
        "image/jpeg",
        "现场.jpg",
    )
    again = enterprise.post(f"{base}/photos", data={"file": (io.BytesIO(jpeg()), "x.jpg")})
    assert again.status_code == 200 and again.json["id"] == sent.json["id"]
    pdf = enterprise.post(f"{base}/photos", data={"file": (io.BytesIO(test_findings.PDF), "r.pdf")})
    assert pdf.status_code == 201 and pdf.json["kind"] == "document"
    assert count(FindingFile) == 2 and count(Photo) == 1 and count(Evidence) == 2
    assert len(originals(app)) == 2
    shown = enterprise.get(sent.json["thumbnail_url"])
    assert shown.status_code == 200 and shown.mimetype == "image/jpeg"
    document = enterprise.get(pdf.json["url"])
    assert document.status_code == 200 and document.data == test_findings.PDF
    assert "r.pdf" in document.headers["Content-Disposition"]
    # who may not see the finding may not see its file, though the inspection's photo is the
    # same file
    foreign = as_(app, world["foreign_enterprise"])
    assert foreign.get(sent.json["thumbnail_url"]).status_code == 404


def test_bad_files_still_refused_with_their_codes(app, world, started):
    session, key = started
    item = by_prompt(world["template"], AREA)
    refused = upload_photo(session, key, test_findings.PDF + b"0" * 2000, item_id=str(item.id))
    assert refused.status_code == 422 and refused.json["error"]["code"] == "unsupported_type"
    assert count(Evidence) == 0 and count(Photo) == 0


def test_the_same_photo_for_many_inspections_at_once_is_one_evidence(app, world):
    sessions = [as_(app, world["inspector"]) for _ in range(3)]
    keys = [create(sessions[0], world, str(uuid.uuid4())).json["uuid"] for _ in range(3)]
    item_id = str(by_prompt(world["template"], AREA).id)
    data = jpeg(320, 240, color=(5, 5, 200))
    results = _at_once(3, lambda n: upload_photo(sessions[n], keys[n], data, item_id=item_id))
    assert [r.status_code for r in results] == [201, 201, 201], results
    assert count(Photo) == 3 and count(Evidence) == 1


# --- in a phone's browser ---------------------------------------------------------------------


def _answer_all_but_photos(template, key, failing):
    """Every item answered (passing) on the server, ``failing`` with a failing 480."""
    inspection = db.session.scalar(sa.select(Inspection).where(Inspection.uuid == key))
    moment = dt.datetime(2026, 11, 21, 9, tzinfo=dt.UTC)
    for item in template.ordered_items():
        value = "480" if item.id == failing.id else test_inspections.passing_value(item)
        unit = "年" if item.rule.get("unit") == "year" else None
        workflow.save_answer(inspection, item.id, value, None, unit=unit, answered_at=moment)
    db.session.commit()


@pytest.mark.browser
def test_the_same_photo_for_two_items_on_the_phone_then_submit(
    playwright, live_server, assigned, tmp_path
):
    template, key = assigned
    base = live_server
    first = by_prompt(template, "具备企业法人营业执照")
    area = by_prompt(template, AREA)  # answered 480: fails, so it needs its photo
    _answer_all_but_photos(template, key, area)
    context = _phone(playwright, tmp_path / "profile", service_workers="block")
    page = context.new_page()
    _login(page, base)
    _open_form(page, base, key)
    photo = {"name": "site.jpg", "mimeType": "image/jpeg", "buffer": test_browser_offline._jpeg()}
    for item in (first, area):  # the failed item second: it used to lose its photo
        _show_item(page, item.id)
        page.locator(f"#i{item.id} input.photo-input").set_input_files(photo)
        assert _wait(page, lambda item=item: page.locator(f"#i{item.id} [data-thumbs] img").count())
    assert _wait(page, lambda: _pending(page) == 0), f"still pending {_pending(page)}"
    db.session.remove()
    photos = db.session.scalars(sa.select(Photo).order_by(Photo.id)).all()
    assert [p.item_id for p in photos] == [first.id, area.id]
    assert photos[0].evidence_id == photos[1].evidence_id

    # as the server has it: both thumbnails stay
    page.reload()
    page.wait_for_function("() => document.documentElement.classList.contains('js')")
    for item in (first, area):
        _show_item(page, item.id)
        assert page.locator(f"#i{item.id} [data-thumbs] img").count() == 1
    page.select_option("#section-pick", "s-end")
    page.locator("#submit-form button").tap()
    page.wait_for_url(f"{base}/inspections/{key}")
    db.session.remove()
    submitted = db.session.scalar(sa.select(Inspection).where(Inspection.uuid == key))
    assert str(submitted.status) == "submitted"
    context.close()


def test_recording_bytes_already_recorded_makes_no_second_row(app_ctx, monkeypatch, tmp_path):
    """The path of two requests at once: the row is there though the first look missed it."""
    current_app.config["UPLOAD_FOLDER"] = str(tmp_path)
    received = evidence.ingest(jpeg(color=(9, 9, 9)))
    made = evidence.record(received)
    db.session.commit()
    monkeypatch.setattr(evidence, "by_sha256", lambda sha: None)
    again = evidence.record(received)
    assert again.id == made.id and count(Evidence) == 1
    assert (again.kind, again.mime, again.width, again.height) == ("photo", "image/jpeg", 64, 48)
