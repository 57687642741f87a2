"""Inspections through the API and the pages: create, answer (Sync), photos, submit, return,
scope. The browser's offline behaviour is in test_browser_offline.py."""

from __future__ import annotations

import datetime as dt
import io
import threading
import uuid
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa
from PIL import Image
from werkzeug.datastructures import FileStorage, MultiDict
from werkzeug.test import encode_multipart

from checklists.accounts.models import OrgKind, Role
from checklists.core import storage
from checklists.core.extensions import db
from inspections.filling import api as inspections_api
from inspections.filling.models import Answer, Inspection, Photo
from tests.conftest import csrf_token, login
from tests.test_templates import by_prompt
from tests.test_workflow import coal  # noqa: F401 (fixture)

API = "/api/v1/inspections"
PASSING = {"yes_no": "yes", "number": "600", "count": "3", "choice": "dark_grey"}


def passing_value(item):
    if item.answer_type == "parts":
        return [p["value"] for p in item.rule["parts"]]
    return PASSING[item.answer_type]


def jpeg(width=64, height=48, color=(200, 30, 30), exif=None) -> bytes:
    out = io.BytesIO()
    image = Image.new("RGB", (width, height), color)
    if exif:
        image.save(out, "JPEG", exif=exif)
    else:
        image.save(out, "JPEG")
    return out.getvalue()


def gps_exif() -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "Huawei"
    exif.get_ifd(0x8769)[0x9003] = "2026:11:21 09:30:15"
    exif.get_ifd(0x8769)[0x9011] = "+08:00"
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (36.0, 28.0, 59.88)
    gps[3], gps[4] = "E", (115.0, 26.0, 35.88)
    return exif.tobytes()


@pytest.fixture
def world(app, client, coal, make_org, make_user, make_region, tmp_path):  # noqa: F811
    app.config["UPLOAD_FOLDER"] = str(tmp_path / "uploads")
    guan, linzi = make_region("冠县"), make_region("临淄区")
    own = make_org("鑫源煤业", region=guan)
    foreign = make_org("外单位", region=linzi, kind=OrgKind.ENTERPRISE)
    people = {
        "inspector": make_user("insp", role=Role.INSPECTOR),
        "other_inspector": make_user("insp2", role=Role.INSPECTOR),
        "supervisor": make_user("sup", role=Role.SUPERVISOR, region=guan),
        "far_supervisor": make_user("sup2", role=Role.SUPERVISOR, region=linzi),
        "enterprise": make_user("ent", role=Role.ENTERPRISE, organisation=own),
        "foreign_enterprise": make_user("ent2", role=Role.ENTERPRISE, organisation=foreign),
        "author": make_user("auth", role=Role.AUTHOR),
    }
    return {"template": coal, "own": own, "foreign": foreign, **people}


class Session:
    """A logged-in test client that sends the session's CSRF token on writes."""

    def __init__(self, app, user):
        self.client = app.test_client()
        login(self.client, user)
        self.token = csrf_token(self.client, "/account")

    def __getattr__(self, name):
        method = getattr(self.client, name)

        def call(*args, **kwargs):
            kwargs.setdefault("headers", {})["X-CSRFToken"] = self.token
            response = method(*args, **kwargs)
            response.get_data()  # read it all, then let go of any file behind it
            response.close()
            return response

        return call


def as_(app, user) -> Session:
    return Session(app, user)


def create(session, world, key=None, **extra):
    body = {
        "uuid": key or str(uuid.uuid4()),
        "template_id": world["template"].id,
        "organisation_id": world["own"].id,
        "planned_on": dt.datetime.now(ZoneInfo("Asia/Shanghai")).date().isoformat(),
        **extra,
    }
    return session.post(API, json=body)


def answer(session, key, item, value, client_id=None, at="2026-11-21T09:00:00+08:00", **more):
    body = {"value": value, "answered_at": at, **more}
    if client_id:
        body["client_id"] = client_id
    return session.put(f"{API}/{key}/answers/{item.id}", json=body)


def fill_everything(session, key, template):
    """Every item answered so that it passes (a repeated section's in its first instance, which
    the first answer adds)."""
    for item in template.ordered_items():
        unit = "年" if item.rule.get("unit") == "year" else None
        response = answer(session, key, item, passing_value(item), f"c{item.id}", unit=unit)
        assert response.status_code in (200, 201), response.json


# --- create -----------------------------------------------------------------------------------


def test_create_is_idempotent_by_uuid(app, world):
    session = as_(app, world["inspector"])
    key = str(uuid.uuid4())
    first = create(session, world, key)
    again = create(session, world, key.upper())
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json["uuid"] == again.json["uuid"] == key
    assert first.json["template"] == {
        "id": world["template"].id,
        "version": world["template"].version,
        "name": world["template"].name,
    }
    assert db.session.scalar(sa.select(sa.func.count(Inspection.id))) == 1
    # someone who may not see it cannot take its uuid over
    other = create(as_(app, world["other_inspector"]), world, key)
    assert other.status_code == 409 and other.json["error"]["code"] == "id_reused"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"template_id": 999999}, "template_id"),
        ({"organisation_id": "abc"}, "organisation_id"),
        ({"planned_on": "21/11/2026"}, "planned_on"),
        ({"uuid": "not-a-uuid"}, "uuid"),
        ({"inspector_ids": [0]}, "inspector_ids"),
    ],
)
def test_create_refuses_bad_input_with_the_field(app, world, change, field):
    response = create(as_(app, world["supervisor"]), world, **change)
    assert response.status_code == 422
    assert field in response.json["error"]["fields"]
    assert db.session.scalar(sa.select(sa.func.count(Inspection.id))) == 0


def test_a_supervisor_cannot_assign_outside_their_region(app, world):
    response = create(as_(app, world["supervisor"]), world, organisation_id=world["foreign"].id)
    assert response.status_code == 422
    assert response.json["error"]["fields"]["organisation_id"] == "没有这个单位。"


def test_an_inspector_assigns_only_themself(app, world):
    response = create(
        as_(app, world["inspector"]), world, inspector_ids=[world["other_inspector"].id]
    )
    assert response.status_code == 422 and "inspector_ids" in response.json["error"]["fields"]
    sup = create(as_(app, world["supervisor"]), world, inspector_ids=[world["other_inspector"].id])
    assert sup.status_code == 201 and sup.json["inspectors"] == [world["other_inspector"].id]


@pytest.mark.parametrize("role", ["enterprise", "author"])
def test_enterprises_and_authors_cannot_create(app, world, role):
    assert create(as_(app, world[role]), world).status_code == 403


# --- answers under the Sync rules -----------------------------------------------------------


@pytest.fixture
def started(app, world):
    session = as_(app, world["inspector"])
    key = create(session, world).json["uuid"]
    return session, key


def test_first_answer_201_resend_200_reused_id_409(world, started):
    session, key = started
    area = by_prompt(world["template"], "储煤厂房建设面积")
    first = answer(session, key, area, "480", "dev-1")
    assert first.status_code == 201
    assert first.json["result"] == "fail" and first.json["current"] is True
    assert first.json["reason"].startswith("实测 480 平方米 < 要求 ≥ 500 平方米")
    resend = answer(session, key, area, "480", "dev-1")  # the first response was lost
    assert resend.status_code == 200 and resend.json["answer"] == first.json["answer"]
    reused = answer(session, key, area, "520", "dev-1")
    assert reused.status_code == 409 and reused.json["error"]["code"] == "id_reused"
    assert db.session.scalar(sa.select(sa.func.count(Answer.id))) == 1


def test_latest_answered_at_is_current_and_the_conflict_is_shown(app, world, started):
    session, key = started
    area = by_prompt(world["template"], "储煤厂房建设面积")
    assert answer(session, key, area, "520", "a", at="2026-11-21T10:00:00+08:00").json["current"]
    # a colleague on the same inspection answered earlier, offline; it arrives later
    db.session.get(Inspection, 1)  # noqa: B018 (session warm-up)
    inspection = db.session.scalar(sa.select(Inspection).where(Inspection.uuid == key))
    inspection.inspectors.append(world["other_inspector"])
    db.session.commit()
    colleague = as_(app, world["other_inspector"])
    late = answer(colleague, key, area, "480", "b", at="2026-11-21T09:00:00+08:00")
    assert late.status_code == 200 and late.json["current"] is False
    assert late.json["answer"]["value"] == "520"
    shown = session.get(f"{API}/{key}").json
    [entry] = [i for i in shown["items"] if i["item_id"] == area.id]
    assert (entry["answer"]["value"], entry["writes"], entry["conflict"]) == ("520", 2, True)


def test_a_resend_without_answered_at_is_a_resend(world, started):
    """The server's clock is not part of a write: a retry after a lost response is a resend."""
    session, key = started
    area = by_prompt(world["template"], "储煤厂房建设面积")
    body = {"value": "480", "client_id": "no-clock"}
    first = session.put(f"{API}/{key}/answers/{area.id}", json=body)
    resend = session.put(f"{API}/{key}/answers/{area.id}", json=body)
    assert (first.status_code, resend.status_code) == (201, 200)
    assert resend.json["answer"] == first.json["answer"] and resend.json["result"] == "fail"
    assert first.json["answer"]["clock_flag"] is None
    assert db.session.scalar(sa.select(sa.func.count(Answer.id))) == 1


def test_a_clock_far_ahead_does_not_pin_the_answer(app, world, started):
    session, key = started
    area = by_prompt(world["template"], "储煤厂房建设面积")
    before = dt.datetime.now(dt.UTC)
    ahead = answer(session, key, area, "480", "fast-phone", at="2099-01-01T00:00:00+08:00")
    assert ahead.status_code == 201 and ahead.json["answer"]["clock_flag"] == "ahead"
    stored = dt.datetime.fromisoformat(ahead.json["answer"]["answered_at"])
    assert before <= stored <= dt.datetime.now(dt.UTC)  # counted from its arrival
    # The same write again is still a resend (the content is what the phone sent).
    assert (
        answer(session, key, area, "480", "fast-phone", at="2099-01-01T00:00:00+08:00").json[
            "answer"
        ]
        == ahead.json["answer"]
    )
    # A correction from another phone with a right clock, a moment later, is current.
    now = dt.datetime.now(ZoneInfo("Asia/Shanghai")).isoformat()
    fixed = answer(session, key, area, "520", "right-phone", at=now)
    assert fixed.json["current"] is True and fixed.json["answer"]["value"] == "520"
    shown = session.get(f"{API}/{key}").json
    [entry] = [i for i in shown["items"] if i["item_id"] == area.id]
    assert entry["answer"]["value"] == "520"


@pytest.mark.parametrize(
    ("offset", "flag"),
    [
        (dt.timedelta(minutes=-1), None),  # a minute ago: fine
        (dt.timedelta(minutes=3), None),  # a little ahead: stored as received, not flagged
        (dt.timedelta(minutes=6), "ahead"),
        (dt.timedelta(days=-400), "before_inspection"),
    ],
)
def test_clock_flags_for_the_supervisor(app, world, started, offset, flag):
    session, key = started
    area = by_prompt(world["template"], "储煤厂房建设面积")
    at = (dt.datetime.now(ZoneInfo("Asia/Shanghai")) + offset).isoformat()
    response = answer(session, key, area, "520", "c1", at=at)
    assert response.status_code == 201 and response.json["answer"]["clock_flag"] == flag
    page = session.get(f"/inspections/{key}").get_data(as_text=True)
    assert ("设备时间比服务器快" in page) is (flag == "ahead")
    assert ("作答时间早于检查创建时间" in page) is (flag == "before_inspection")


@pytest.mark.parametrize(
    ("prompt", "body", "field", "message"),
    [
        ("储煤厂房建设面积", {"value": "四百八十"}, "value", "请输入数字"),
        (
            "储煤厂房建设面积",
            {"value": "480", "answered_at": "2026-11-21T09:00"},
            "answered_at",
            "+08:00",
        ),
        ("整体外墙颜色", {"value": "purple"}, "value", ""),
        ("储煤厂房建设面积", {"value": "480", "note": 5}, "note", ""),
        # bounds: the rule's unit forbids negatives; at most 15 significant digits
        ("储煤厂房建设面积", {"value": "-480"}, "value", "面积不能为负数"),
        ("储煤厂房建设面积", {"value": -1}, "value", "面积不能为负数"),
        ("储煤厂房建设面积", {"value": "-48000", "unit": "cm²"}, "value", ""),  # no such unit
        ("储煤厂房建设面积", {"value": "-1", "unit": "亩"}, "value", "面积不能为负数"),
        ("储煤厂房高度", {"value": "-6"}, "value", "长度不能为负数"),
        ("地面硬化厚度", {"value": "-0.15", "unit": "m"}, "value", "长度不能为负数"),
        # a critical item whose clause binds unconditionally cannot be "not applicable"
        ("配送中心（点）使用建设用地", {"value": "na"}, "value", "此项不能选择“不适用”"),
        ("储煤厂房建设面积", {"value": "12345678901234567"}, "value", "数值最多 15 位有效数字"),
        ("储煤厂房建设面积", {"value": 12345678901234567}, "value", "数值最多 15 位有效数字"),
        ("储煤厂房建设面积", {"value": "0.1234567890123456"}, "value", "数值最多 15 位有效数字"),
        ("储煤厂房建设面积", {"value": 1e300}, "value", "数值最多 15 位有效数字"),
        ("储煤厂房建设面积", {"value": "inf"}, "value", "请输入数字"),
        ("储煤厂房建设面积", {"value": "NaN"}, "value", "请输入数字"),
        ("上墙制度", {"value": ["以上均无"]}, "value", "未知的要件"),
    ],
)
def test_bad_answers_get_a_chinese_message_and_store_nothing(
    world, started, prompt, body, field, message
):
    session, key = started
    item = by_prompt(world["template"], prompt)
    response = session.put(f"{API}/{key}/answers/{item.id}", json=body)
    assert response.status_code == 422
    error = response.json["error"]
    assert field in error["fields"] and message in error["fields"][field]
    assert error["message"] == "数据无效。"
    assert db.session.scalar(sa.select(sa.func.count(Answer.id))) == 0


@pytest.mark.parametrize(
    "body",
    ['{"value": 1e400}', '{"value": -1e400}', '{"value": NaN}', '{"value": Infinity}'],
)
def test_numbers_json_cannot_hold_are_refused(world, started, body):
    session, key = started
    area = by_prompt(world["template"], "储煤厂房建设面积")
    response = session.put(
        f"{API}/{key}/answers/{area.id}", data=body, content_type="application/json"
    )
    assert response.status_code == 422
    assert response.json["error"]["fields"] == {"value": "请输入数字，例如 500 或 0.15"}
    assert db.session.scalar(sa.select(sa.func.count(Answer.id))) == 0


def test_in_bounds_numbers_are_stored(world, started):
    session, key = started
    area = by_prompt(world["template"], "储煤厂房建设面积")
    largest = answer(session, key, area, "123456789012345", "big")
    assert largest.status_code == 201 and largest.json["result"] == "pass"
    assert largest.json["answer"]["value"] == "123456789012345"
    zero = answer(session, key, area, "-0", "zero", at="2026-11-21T10:00:00+08:00")
    assert zero.status_code == 200 and zero.json["answer"]["value"] == "0"


def test_none_of_the_parts_present_is_an_answer_and_fails(app, world, started):
    session, key = started
    wall = by_prompt(world["template"], "上墙制度")
    labels = "、".join(p["label"] for p in wall.rule["parts"])
    none = answer(session, key, wall, [], "none-1")
    assert none.status_code == 201, none.json
    assert none.json["result"] == "fail" and none.json["answer"]["value"] == []
    assert none.json["reason"].startswith(f"缺少：{labels}（0/3 项）")
    assert none.json["progress"]["answered"] == 1
    shown = session.get(f"{API}/{key}").json
    [row] = [i for i in shown["items"] if i["item_id"] == wall.id]
    assert (row["answer"]["value"], row["result"]) == ([], "fail")
    # the filling page shows it ticked: "以上均无"
    page = session.get(f"/inspections/{key}/fill").get_data(as_text=True)
    assert f'name="none{wall.id}" value="1" checked' in page
    # null is still no answer (the item is unanswered again); a part list is judged as before
    cleared = answer(session, key, wall, None, "none-2", at="2026-11-21T10:00:00+08:00")
    assert cleared.status_code == 200 and cleared.json["result"] == "unanswered"
    one = answer(session, key, wall, ["pledge"], "none-3", at="2026-11-21T11:00:00+08:00")
    assert one.json["result"] == "fail" and "（1/3 项）" in one.json["reason"]
    # submitted with everything else passing: a finding whose reason lists the missing parts
    fill_everything(session, key, world["template"])
    answer(session, key, wall, [], "none-4", at="2026-11-21T12:00:00+08:00")
    body = session.post(f"{API}/{key}/submit").json
    assert body["status"] == "submitted", body
    [finding] = body["findings"]
    assert finding["item_id"] == wall.id and f"缺少：{labels}" in finding["reason"]


def test_a_foreign_item_and_a_stale_form_are_refused(world, started):
    from checklists.authoring import operations as builder

    session, key = started
    other = builder.new_version(world["template"], None)
    db.session.commit()
    foreign_item = other.ordered_items()[0]
    response = answer(session, key, foreign_item, "yes", "x1")
    assert response.status_code == 422 and "item_id" in response.json["error"]["fields"]
    item = world["template"].ordered_items()[0]
    stale = answer(session, key, item, "yes", "x2", template_id=other.id)
    assert stale.status_code == 409 and stale.json["error"]["code"] == "stale_form"
    assert db.session.scalar(sa.select(sa.func.count(Answer.id))) == 0


def test_submit_lists_missing_items_then_scores_then_refuses_changes(app, world, started):
    session, key = started
    missing = session.post(f"{API}/{key}/submit")
    assert missing.status_code == 422 and missing.json["error"]["code"] == "incomplete"
    assert missing.json["error"]["fields"][f"item_{world['template'].ordered_items()[0].id}"] == (
        "第1项：未作答"
    )
    fill_everything(session, key, world["template"])
    done = session.post(f"{API}/{key}/submit")
    assert done.status_code == 200
    assert (done.json["status"], done.json["score"], done.json["verdict"]) == (
        "submitted",
        "100.0",
        "pass",
    )
    assert done.json["findings"] == []
    item = world["template"].ordered_items()[0]
    late = answer(session, key, item, "no", "after")
    assert late.status_code == 409 and late.json["error"]["code"] == "submitted"
    assert "退回" in late.json["error"]["message"]
    resend = answer(session, key, item, "yes", f"c{item.id}")
    assert resend.status_code == 200  # a resend of a stored write still succeeds
    assert session.post(f"{API}/{key}/submit").status_code == 200  # repeated submit
    # the inspector may not return it; the supervisor may, which opens revision 2
    assert session.post(f"{API}/{key}/return", json={"comment": "x"}).status_code == 403
    supervisor = as_(app, world["supervisor"])
    empty = supervisor.post(f"{API}/{key}/return", json={"comment": " "})
    assert empty.status_code == 422 and "comment" in empty.json["error"]["fields"]
    back = supervisor.post(f"{API}/{key}/return", json={"comment": "第1项请补拍照片"})
    assert back.status_code == 200
    assert (back.json["status"], back.json["revision"], back.json["score"]) == (
        "returned",
        2,
        None,
    )
    again = answer(session, key, item, "no", "after-return")
    assert again.status_code == 200 and again.json["result"] == "fail"
    assert supervisor.post(f"{API}/{key}/return", json={"comment": "x"}).status_code == 409


def test_a_failed_item_becomes_a_finding_with_its_clause(world, started):
    session, key = started
    fill_everything(session, key, world["template"])
    area = by_prompt(world["template"], "储煤厂房建设面积")
    answer(session, key, area, "480", "late", at="2026-11-21T11:00:00+08:00")
    refused = session.post(f"{API}/{key}/submit").json  # a failure needs its photo
    assert refused["error"]["fields"] == {f"item_{area.id}": "第5项：须拍照"}
    upload(session, key, jpeg(), item_id=str(area.id))
    body = session.post(f"{API}/{key}/submit").json
    [finding] = body["findings"]
    assert finding["item_id"] == area.id and finding["clause_key"] == area.clause_key
    assert "500平方米" in finding["clause_text"] and float(body["score"]) < 100


def test_patch_records_the_location_and_refuses_nonsense(world, started):
    session, key = started
    ok = session.patch(
        f"{API}/{key}", json={"location": {"lat": 36.4833, "lon": 115.4433, "accuracy": 12.4}}
    )
    assert ok.status_code == 200
    assert ok.json["location"] == {"lat": "36.4833", "lon": "115.4433", "accuracy": "12.4"}
    bad = session.patch(f"{API}/{key}", json={"location": {"lat": 95, "lon": "x"}})
    assert bad.status_code == 422
    assert set(bad.json["error"]["fields"]) == {"location.lat", "location.lon"}
    assert session.patch(f"{API}/{key}", json={"status": "approved"}).status_code == 422


# --- photos -----------------------------------------------------------------------------------


def upload(session, key, data, **fields):
    # encoded in memory: the test client would spool a big body to a file it never closes
    photo = FileStorage(io.BytesIO(data), filename="p.jpg", content_type="image/jpeg")
    boundary, body = encode_multipart(MultiDict({"file": photo, **fields}))
    return session.post(
        f"{API}/{key}/photos",
        data=body,
        content_type=f"multipart/form-data; boundary={boundary}",
    )


def test_a_photo_is_stored_once_keeps_its_exif_as_evidence_and_shows_without_it(
    app, world, started
):
    session, key = started
    area = by_prompt(world["template"], "储煤厂房建设面积")
    data = jpeg(2400, 1200, exif=gps_exif())
    first = upload(
        session,
        key,
        data,
        item_id=str(area.id),
        taken_at="2026-11-21T09:30:15+08:00",
        lat="36.4833",
        lon="115.4433",
    )
    assert first.status_code == 201, first.json
    again = upload(session, key, data, item_id=str(area.id))
    assert again.status_code == 200 and again.json["id"] == first.json["id"]
    assert db.session.scalar(sa.select(sa.func.count(Photo.id))) == 1
    body = first.json
    assert (body["exif_lat"], body["exif_lon"]) == ("36.4833", "115.4433")
    assert body["exif_taken_at"].startswith("2026-11-21T")
    assert (body["lat"], body["lon"]) == ("36.4833", "115.4433")
    shown = session.get(body["url"])
    assert shown.status_code == 200 and shown.mimetype == "image/jpeg"
    image = Image.open(io.BytesIO(shown.data))
    assert max(image.size) == 2000 and not image.getexif()
    with app.app_context():
        with storage.blob_store().open(storage.variant_key(body["sha256"], "orig")) as stored:
            original = stored.read()
    assert original == data  # the evidence: the file as received
    assert session.get(body["thumbnail_url"]).status_code == 200
    listed = session.get(f"{API}/{key}").json
    [entry] = [i for i in listed["items"] if i["item_id"] == area.id]
    assert entry["photos"] == [body["sha256"]]


@pytest.mark.parametrize(
    ("data", "fields", "status", "code"),
    [
        (b"%PDF-1.7\n" + b"0" * 2000, {}, 422, "unsupported_type"),
        (jpeg()[:200], {}, 422, "corrupt"),
        (b"", {}, 422, "empty"),
        (jpeg(), {"item_id": "999999"}, 422, "invalid"),
        (jpeg(), {"kind": "selfie"}, 422, "invalid"),
    ],
)
def test_bad_photos_are_refused_clearly(world, started, data, fields, status, code):
    session, key = started
    item = world["template"].ordered_items()[0]
    response = upload(session, key, data, **{"item_id": str(item.id), **fields})
    assert response.status_code == status
    assert response.json["error"]["code"] == code
    assert response.json["error"]["message"]
    assert db.session.scalar(sa.select(sa.func.count(Photo.id))) == 0


def test_a_30_mb_photo_is_refused_with_413(world, started):
    session, key = started
    item = world["template"].ordered_items()[0]
    big = jpeg() + b"\0" * (30 * 1024 * 1024)
    response = upload(session, key, big, item_id=str(item.id))
    assert response.status_code == 413
    assert "15" in response.json["error"]["message"]
    assert db.session.scalar(sa.select(sa.func.count(Photo.id))) == 0


def test_signatures_and_photos_after_submit(app, world, started):
    session, key = started
    signed = upload(session, key, jpeg(color=(0, 0, 0)), kind="signature_inspector")
    assert signed.status_code == 201 and signed.json["kind"] == "signature_inspector"
    fill_everything(session, key, world["template"])
    assert session.post(f"{API}/{key}/submit").status_code == 200
    item = world["template"].ordered_items()[0]
    late = upload(session, key, jpeg(color=(1, 2, 3)), item_id=str(item.id))
    assert late.status_code == 409 and late.json["error"]["code"] == "submitted"
    resend = upload(session, key, jpeg(color=(0, 0, 0)), kind="signature_inspector")
    assert resend.status_code == 200


def test_the_database_refuses_a_second_row_of_one_signature(app, world, started):
    """Behind the inspection's lock, a unique index: one row per inspection, evidence and kind
    for photos of no item too (NULL item ids are distinct to the table's constraint)."""
    session, key = started
    signed = upload(session, key, jpeg(color=(0, 0, 0)), kind="signature_inspector").json
    first = db.session.get(Photo, signed["id"])
    twin = Photo(
        inspection_id=first.inspection_id,
        item_id=None,
        kind=first.kind,
        evidence_id=first.evidence_id,
    )
    db.session.add(twin)
    with pytest.raises(sa.exc.IntegrityError):
        db.session.flush()
    db.session.rollback()


# --- scope ------------------------------------------------------------------------------------


def test_scope_of_lists_records_and_photo_files(app, world, started):
    session, key = started
    item = world["template"].ordered_items()[0]
    photo = upload(session, key, jpeg(), item_id=str(item.id)).json
    fill_everything(session, key, world["template"])
    expected = {
        "inspector": 200,
        "other_inspector": 404,
        "supervisor": 200,
        "far_supervisor": 404,
        "enterprise": 200,
        "foreign_enterprise": 404,
        "author": 404,
    }
    for who, status in expected.items():
        viewer = as_(app, world[who])
        before = viewer.get(f"{API}/{key}").status_code
        # enterprise users see their inspection only once it is submitted
        assert before == (404 if who == "enterprise" else status), who
    session.post(f"{API}/{key}/submit")
    for who, status in expected.items():
        viewer = as_(app, world[who])
        assert viewer.get(f"{API}/{key}").status_code == status, who
        assert viewer.get(photo["url"]).status_code == status, who
        listed = viewer.get(API).json
        assert [i["uuid"] for i in listed] == ([key] if status == 200 else []), who
    # an enterprise may see its own inspection but not change it: 403
    own = as_(app, world["enterprise"])
    assert answer(own, key, item, "yes", "e1").status_code == 403
    assert answer(as_(app, world["foreign_enterprise"]), key, item, "yes", "e2").status_code == 404


def test_list_filters(app, world, started):
    session, key = started
    assert [i["uuid"] for i in session.get(f"{API}?status=in_progress").json] == []
    assert [i["uuid"] for i in session.get(f"{API}?status=planned").json] == [key]
    assert session.get(f"{API}?status=nope").status_code == 400
    by_org = session.get(f"{API}?organisation_id={world['foreign'].id}").json
    assert by_org == []


# --- pages ------------------------------------------------------------------------------------


def test_my_inspections_and_the_filling_page(app, world, started):
    session, key = started
    page = session.get("/inspections/").get_data(as_text=True)
    assert "鑫源煤业" in page and "今天" in page and f"/inspections/{key}/fill" in page
    fill = session.get(f"/inspections/{key}/fill").get_data(as_text=True)
    area = by_prompt(world["template"], "储煤厂房建设面积")
    assert f'id="i{area.id}"' in fill and 'inputmode="decimal"' in fill
    assert "冠政发〔2016〕109号" in fill and 'capture="environment"' in fill
    assert "待同步" in fill and "导出未发送的答案" in fill


def test_the_filling_page_works_without_javascript(app, world, started):
    session, key = started
    area = by_prompt(world["template"], "储煤厂房建设面积")
    colour = by_prompt(world["template"], "整体外墙颜色")
    response = session.post(
        f"/inspections/{key}/fill",
        data={
            "csrf_token": session.token,
            f"a{area.id}": "480",
            f"u{area.id}": "m²",
            f"n{area.id}": "东侧未完工",
            f"a{colour.id}": "dark_grey",
            f"p{area.id}": (io.BytesIO(jpeg()), "x.jpg"),
        },
        content_type="multipart/form-data",
    )
    assert response.status_code == 302
    inspection = db.session.scalar(sa.select(Inspection).where(Inspection.uuid == key))
    db.session.refresh(inspection)
    current = inspection.current_answers()
    assert current[area.id].value == "480" and current[area.id].note == "东侧未完工"
    assert current[area.id].result == "fail" and current[colour.id].result == "pass"
    assert inspection.photo_counts() == {area.id: 1}
    bad = session.post(
        f"/inspections/{key}/fill", data={"csrf_token": session.token, f"a{area.id}": "abc"}
    )
    assert bad.status_code == 422 and "请输入数字" in bad.get_data(as_text=True)


def test_the_parts_widget_offers_none_of_these_and_posts_it_without_javascript(app, world, started):
    session, key = started
    wall = by_prompt(world["template"], "上墙制度")
    page = session.get(f"/inspections/{key}/fill").get_data(as_text=True)
    widget = page[page.index(f'id="i{wall.id}"') :]
    widget = widget[: widget.index("</fieldset>")]
    assert f'<input type="checkbox" name="none{wall.id}" value="1"><span>以上均无</span>' in widget
    assert widget.count(f'name="a{wall.id}"') == 3
    both = session.post(
        f"/inspections/{key}/fill",
        data={"csrf_token": session.token, f"none{wall.id}": "1", f"a{wall.id}": "pledge"},
    )
    assert both.status_code == 422
    assert "请勾选现有的要件或“以上均无”，二者不能同时勾选。" in both.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count(Answer.id))) == 0
    nothing = session.post(f"/inspections/{key}/fill", data={"csrf_token": session.token})
    assert nothing.status_code == 302  # nothing ticked: no answer
    assert db.session.scalar(sa.select(sa.func.count(Answer.id))) == 0
    none = session.post(
        f"/inspections/{key}/fill", data={"csrf_token": session.token, f"none{wall.id}": "1"}
    )
    assert none.status_code == 302
    inspection = db.session.scalar(sa.select(Inspection).where(Inspection.uuid == key))
    db.session.refresh(inspection)
    stored = inspection.current_answers()[wall.id]
    assert (stored.value, stored.result) == ([], "fail")
    assert stored.reason.startswith("缺少：《聊城市煤炭清洁利用监督管理办法》")
    again = session.get(f"/inspections/{key}/fill").get_data(as_text=True)
    assert f'name="none{wall.id}" value="1" checked' in again
    # posting the same again stores nothing new; ticking a part replaces it
    assert (
        session.post(
            f"/inspections/{key}/fill", data={"csrf_token": session.token, f"none{wall.id}": "1"}
        ).status_code
        == 302
    )
    assert db.session.scalar(sa.select(sa.func.count(Answer.id))) == 1
    bad = session.post(
        f"/inspections/{key}/fill", data={"csrf_token": session.token, f"a{wall.id}": "-1"}
    )
    assert bad.status_code == 422  # not a part


def test_a_negative_area_is_refused_on_the_page_without_javascript(app, world, started):
    session, key = started
    area = by_prompt(world["template"], "储煤厂房建设面积")
    bad = session.post(
        f"/inspections/{key}/fill",
        data={"csrf_token": session.token, f"a{area.id}": "-480", f"u{area.id}": "m²"},
    )
    assert bad.status_code == 422 and "面积不能为负数" in bad.get_data(as_text=True)
    page = session.get(f"/inspections/{key}/fill").get_data(as_text=True)
    assert "&#34;neg&#34;:&#34;面积不能为负数&#34;" in page  # the phone refuses it offline too


def test_submit_page_lists_missing_then_shows_the_result(app, world, started):
    session, key = started
    missing = session.post(f"/inspections/{key}/submit", data={"csrf_token": session.token})
    # post/redirect/get: back to the form, each missing item a link to it
    assert missing.status_code == 303
    assert missing.headers["Location"].endswith(f"/inspections/{key}/fill#missing")
    page = session.get(f"/inspections/{key}/fill").get_data(as_text=True)
    first = world["template"].ordered_items()[0]
    assert f'<a href="#i{first.id}" data-section="s1">第1项：未作答</a>' in page
    again = session.get(f"/inspections/{key}/fill").get_data(as_text=True)
    assert "第1项：未作答" not in again  # shown once; a reload is the plain form
    fill_everything(session, key, world["template"])
    done = session.post(f"/inspections/{key}/submit", data={"csrf_token": session.token})
    assert done.status_code == 302
    shown = session.get(f"/inspections/{key}").get_data(as_text=True)
    assert "100.0" in shown and "合格" in shown


def test_a_supervisor_returns_from_the_page(app, world, started):
    session, key = started
    fill_everything(session, key, world["template"])
    session.post(f"{API}/{key}/submit")
    supervisor = as_(app, world["supervisor"])
    response = supervisor.post(
        f"/inspections/{key}/return", data={"csrf_token": supervisor.token, "comment": "补照片"}
    )
    assert response.status_code == 302
    page = session.get(f"/inspections/{key}/fill").get_data(as_text=True)
    assert "补照片" in page


def test_new_inspection_page(app, world):
    supervisor = as_(app, world["supervisor"])
    form = supervisor.get("/inspections/new").get_data(as_text=True)
    assert "鑫源煤业" in form and "外单位" not in form
    response = supervisor.post(
        "/inspections/new",
        data={
            "csrf_token": supervisor.token,
            "template_id": world["template"].id,
            "organisation_id": world["own"].id,
            "planned_on": "2026-11-22",
            "inspector_ids": [world["inspector"].id],
        },
    )
    assert response.status_code == 302
    made = db.session.scalar(sa.select(Inspection))
    assert [u.username for u in made.inspectors] == ["insp"]
    assert as_(app, world["enterprise"]).get("/inspections/new").status_code == 403


def test_the_service_worker_is_served_at_the_root(client):
    response = client.get("/sw.js")
    assert response.status_code == 200 and response.mimetype == "text/javascript"
    assert response.headers["Service-Worker-Allowed"] == "/"
    assert "precache" in response.get_data(as_text=True)


# --- concurrent retries -----------------------------------------------------------------------


def _at_once(count, call):
    """``call(n)`` in ``count`` threads released together (each test client request has its own
    app context, so its own session); the responses (or exceptions) in order."""
    barrier = threading.Barrier(count)
    results = [None] * count

    def run(n):
        try:
            barrier.wait(timeout=10)
            results[n] = call(n)
        except Exception as exc:  # reported by the test
            results[n] = exc

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


def test_a_create_retried_concurrently_makes_one_inspection(app, world, monkeypatch):
    sessions = [as_(app, world["inspector"]) for _ in range(2)]
    key = str(uuid.uuid4())
    body = {"uuid": key, "template_id": world["template"].id, "organisation_id": world["own"].id}
    # Both requests look the uuid up before either stores it; the later insert then meets the
    # unique constraint, and that request must still answer 200 with the inspection.
    looked, seen = threading.Barrier(2), threading.local()
    by_uuid = inspections_api._by_uuid

    def lookup_then_wait(found_key):
        found = by_uuid(found_key)
        if not getattr(seen, "once", False):
            seen.once = True
            looked.wait(timeout=10)
        return found

    monkeypatch.setattr(inspections_api, "_by_uuid", lookup_then_wait)
    results = _at_once(2, lambda n: sessions[n].post(API, json=body))
    assert sorted(r.status_code for r in results) == [200, 201], results
    assert [r.json["uuid"] for r in results] == [key, key]
    assert db.session.scalar(sa.select(sa.func.count(Inspection.id))) == 1


def test_the_same_photo_uploaded_concurrently_is_stored_once(app, world, started):
    _session, key = started
    sessions = [as_(app, world["inspector"]) for _ in range(3)]
    item_id = str(by_prompt(world["template"], "储煤厂房建设面积").id)
    data = jpeg(320, 240)
    results = _at_once(3, lambda n: upload(sessions[n], key, data, item_id=item_id))
    assert sorted(r.status_code for r in results) == [200, 200, 201], results
    assert len({r.json["id"] for r in results}) == 1
    assert db.session.scalar(sa.select(sa.func.count(Photo.id))) == 1
