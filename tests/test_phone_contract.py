"""The phone's API contract, recorded from the real filling page and replayed.

``test_phone_requests_match_the_recording`` drives the filling page in Debian's chromium at
360 px as an inspector (answers of each type, a note, N/A, "以上均无", a photo with EXIF, both
signatures, the location, submit) and records every request the page sends to ``/api/v1``
(plus the page's submit form): method, path, JSON body or multipart fields, and of each answer
its status and the JSON fields ``static/js/inspect.js`` reads (with their JSON types). Ids and
times are placeholders (``{uuid}``, ``{item:<prompt>}``, ``{template_id}``, ``{client_id:N}``,
``{now}``), so the recording is stable and can be replayed against other data. It must equal
``tests/data/phone_requests.json``; ``RECORD_PHONE_REQUESTS=1`` rewrites that file.

``test_replay_phone_requests`` (no browser) sends the stored requests with the test client to
a fresh inspection of the same template and checks each status and that every field the client
reads (and the top-level keys recorded) is there with the same JSON type. It is the safety net
for changes to the API's request checks and serialisers: phones in the field must not notice.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import pathlib
import re
import time
from typing import Any

import pytest
from PIL import Image

from checklists.accounts.models import Role
from checklists.core.extensions import db
from checklists.demo import templates as demo_templates
from checklists.scoring.answer_types import ERR_PAIR_ORDER
from checklists.standards.services import import_text
from inspections.filling import workflow
from tests.conftest import PASSWORD, csrf_token, depot_spec, login
from tests.test_browser import PHONE, browser  # noqa: F401  (browser: the fixture)
from tests.test_templates import DATA

RECORDING = pathlib.Path(__file__).parent / "data" / "phone_requests.json"
RERECORD = (
    "The requests the filling page sends changed. If that is intended (and the server still "
    "accepts what phones queued before the deploy), re-record with\n"
    "  RECORD_PHONE_REQUESTS=1 .venv/bin/python -m pytest -q -p no:cacheprovider "
    "tests/test_phone_contract.py\nand commit tests/data/phone_requests.json."
)

#: Per request kind, the response fields inspect.js reads (dotted paths), and for the submit
#: form what the browser follows. Answers: acknowledged() compares answer.client_id with the
#: one sent and shows result and reason; photos: the thumbnail gets sha256; patch: only a JSON
#: body (res.json()). current and progress are what README promises an answer's reply carries.
READS: dict[str, list[str]] = {
    "answer": [
        "answer",
        "answer.client_id",
        "result",
        "reason",
        "current",
        "progress",
        "progress.answered",
        "progress.required",
    ],
    "photo": ["sha256"],
    "patch": [],
    "submit": [],
}
#: Error bodies: what the client reads on a refusal (kept aside with the record).
ERROR_READS = ["error", "error.code", "error.message", "error.fields"]

#: Items the page answers; every other required item is answered beforehand on the server,
#: so that the submit succeeds and the recording stays short.
YES_NO = "具备企业法人营业执照、税务登记证或三证合一"
NA = "新建厂房采用钢框架结构、彩钢瓦外墙"  # minor; critical items refuse N/A
AREA = "储煤厂房建设面积（实测）"  # number, m², photo_on_fail
COLOUR = "整体外墙颜色"  # choice
VEHICLES = "全封闭式配送车辆数量"  # count, 辆
RULES = "上墙制度"  # parts (3)
CAMERAS = "视频监控覆盖的场所"  # parts: none of these ("以上均无")
ON_PAGE = {YES_NO, NA, AREA, COLOUR, VEHICLES, RULES, CAMERAS}

GEO = {"latitude": 36.489123, "longitude": 115.443456, "accuracy": 12}
NOW = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z")  # the device's clock


def _type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def _get(data: Any, path: str) -> tuple[bool, Any]:
    for part in path.split("."):
        if not isinstance(data, dict) or part not in data:
            return False, None
        data = data[part]
    return True, data


def _response(kind: str, status: int, body: Any) -> dict[str, Any]:
    """The recorded part of an answer: status, the types of the fields read, top-level keys."""
    out: dict[str, Any] = {"status": status}
    if kind == "submit":
        return out
    paths = READS[kind] if status in (200, 201) else ERROR_READS
    reads = {}
    for path in paths:
        found, value = _get(body, path)
        reads[path] = _type(value) if found else "missing"
    out["json"] = _type(body)
    out["reads"] = reads
    out["keys"] = sorted(body) if isinstance(body, dict) else []
    return out


# --- the data both tests use ---------------------------------------------------------------------


def _setup(make_org, make_user, username: str):
    """The clean-coal template, an inspection for ``username``, and every required item not
    answered on the page answered already (the same values each run)."""
    for path in sorted(DATA.glob("0*.txt")):
        import_text(path.read_text("utf-8"), path.name)
    # the warehouses as ordinary items: repeated sections are tested in test_repeats*.py
    template = demo_templates.build(depot_spec(repeat=False), None)
    inspector = make_user(username, role=Role.INSPECTOR)
    inspection, _created = workflow.create_inspection(template, make_org("鑫源煤业"), inspector)
    for item in template.ordered_items():
        if item.prompt in ON_PAGE or not item.required:
            continue
        rule = item.rule or {}
        if item.answer_type == "yes_no":
            value: Any = rule.get("value", "yes")
        elif item.answer_type in ("number", "count"):
            value = str(int(rule.get("value", "1")) + 1)
        elif item.answer_type == "parts":
            value = [p["value"] for p in rule["parts"]]
        elif item.answer_type == "choice":
            value = next(c["value"] for c in rule["choices"] if c.get("pass"))
        else:
            raise AssertionError(f"no value for a {item.answer_type} item")
        workflow.save_answer(inspection, item.id, value, inspector, unit=rule.get("unit"))
    db.session.commit()
    items = {item.prompt: item.id for item in template.ordered_items()}
    return template, inspection.uuid, inspector, items


def _exif_jpeg() -> bytes:
    """A 640×480 photo (no downscaling on the phone) with EXIF time, offset and GPS."""
    exif = Image.Exif()
    exif.get_ifd(0x8769).update({0x9003: "2026:11:21 09:30:15", 0x9011: "+08:00"})
    exif.get_ifd(0x8825).update({1: "N", 2: (36.0, 29.0, 20.84), 3: "E", 4: (115.0, 26.0, 36.44)})
    out = io.BytesIO()
    Image.new("RGB", (640, 480), (120, 60, 30)).save(out, "JPEG", exif=exif)
    return out.getvalue()


def _png(colour) -> bytes:
    out = io.BytesIO()
    Image.new("RGBA", (320, 140), colour).save(out, "PNG")
    return out.getvalue()


# --- recording in the browser --------------------------------------------------------------------


class _Normaliser:
    def __init__(self, key: str, template_id: int, items: dict[str, int]):
        self.key = key
        self.template_id = template_id
        self.prompts = {str(i): p for p, i in items.items()}
        self.client_ids: dict[str, str] = {}

    def path(self, path: str) -> str:
        path = path.replace(self.key, "{uuid}")
        found = re.search(r"/answers/(\d+)$", path)
        if found:
            path = path[: found.start(1)] + self.item(found.group(1))
        return path

    def item(self, item_id) -> str:
        return "{item:" + self.prompts[str(item_id)] + "}"

    def value(self, name: str, value: Any) -> Any:
        if name == "template_id" and value == self.template_id:
            return "{template_id}"
        if name == "item_id" and str(value) in self.prompts:
            return self.item(value)
        if name == "client_id" and isinstance(value, str):
            return self.client_ids.setdefault(value, f"{{client_id:{len(self.client_ids) + 1}}}")
        if isinstance(value, str) and NOW.fullmatch(value):
            return "{now}"
        if isinstance(value, dict):
            return {k: self.value(k, v) for k, v in value.items()}
        return value


#: Wraps fetch: the parts of each FormData sent, in order (files by name and type).
FORM_DATA_SPY = """
(() => {
  window.__ccFormData = [];
  const send = window.fetch;
  window.fetch = function (url, options) {
    const body = options && options.body;
    if (body instanceof FormData) {
      window.__ccFormData.push([...body.entries()].map(([name, v]) => v instanceof Blob
        ? { name: name, file: v.name, content_type: v.type } : { name: name, value: v }));
    }
    return send.apply(this, arguments);
  };
})();
"""


def _kind(method: str, path: str) -> str:
    if path.endswith("/submit"):
        return "submit"
    if "/answers/" in path:
        return "answer"
    if path.endswith("/photos"):
        return "photo"
    return "patch" if method == "PATCH" else "other"


@pytest.mark.browser
def test_phone_requests_match_the_recording(browser, live_server, make_org, make_user):  # noqa: F811
    template, key, _user, items = _setup(make_org, make_user, "phone")
    base = live_server
    norm = _Normaliser(key, template.id, items)
    context = browser.new_context(
        viewport=PHONE,
        has_touch=True,
        is_mobile=True,
        locale="zh-CN",
        device_scale_factor=2,
        geolocation=GEO,
        permissions=["geolocation"],
        service_workers="block",  # the worker never touches /api; requests stay the page's
    )
    # Chromium does not hand a body with a Blob to Playwright: note what FormData carried
    context.add_init_script(FORM_DATA_SPY)
    page = context.new_page()
    seen: list = []
    page.on(
        "request",
        lambda r: seen.append(r) if "/api/v1/" in r.url or r.url.endswith("/submit") else None,
    )
    done: list = []
    page.on("requestfinished", lambda r: done.append(r) if r in seen else None)

    page.goto(f"{base}/login")
    page.fill("#username", "phone")
    page.fill("#password", PASSWORD)
    page.click("#submit")
    page.wait_for_url(f"{base}/")
    page.goto(f"{base}/inspections/{key}/fill")
    page.wait_for_function("() => document.documentElement.classList.contains('js')")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    def act(action, sends: int = 1) -> None:
        """Do ``action`` and wait until the page has sent ``sends`` more requests and had
        their answers (the outbox sends one at a time, so the order is fixed)."""
        before = len(done)
        action()
        deadline = time.monotonic() + 10
        while len(done) < before + sends:
            assert time.monotonic() < deadline, f"the page sent {len(done) - before}/{sends}"
            page.wait_for_timeout(50)

    def show(prompt: str) -> str:
        item = items[prompt]
        section = page.evaluate(f"document.getElementById('i{item}').closest('section').id")
        page.select_option("#section-pick", section)
        return f"#i{item}"

    def tap(prompt: str, label: str):
        return lambda: page.locator(f"{show(prompt)} label.choice", has_text=label).first.tap()

    def type_in(prompt: str, selector: str, text: str):
        def run():
            field = page.locator(f"{show(prompt)} {selector}")
            field.fill(text)
            field.blur()

        return run

    def open_note_and_type(prompt: str, text: str):
        def run():
            el = show(prompt)
            page.locator(f"{el} details.note summary").tap()
            field = page.locator(f"{el} textarea")
            field.fill(text)
            field.blur()

        return run

    act(tap(YES_NO, "是"))  # yes / no: first answer, 201
    act(open_note_and_type(YES_NO, "执照在办公室墙上"))  # the same item with a note: 200
    act(tap(NA, "不适用"))  # not applicable
    area_id = items[AREA]
    act(type_in(AREA, f"input[name=a{area_id}][type=text]", "650"))  # a number with its unit
    act(
        lambda: page.locator(f"{show(AREA)} input.photo-input").set_input_files(
            {"name": "depot.jpg", "mimeType": "image/jpeg", "buffer": _exif_jpeg()}
        )
    )  # a photo with EXIF time and place
    act(tap(COLOUR, "深灰色"))  # a choice
    vehicles_id = items[VEHICLES]
    act(type_in(VEHICLES, f"input[name=a{vehicles_id}][type=text]", "3"))  # a count
    for label in ("聊城市", "质量指标", "承诺书"):  # parts, one tap at a time
        act(tap(RULES, label))
    act(tap(CAMERAS, "以上均无"))  # none of the parts present: []

    page.select_option("#section-pick", "s-end")
    act(lambda: page.locator("#locate").tap())  # the location PATCH
    for kind in ("signature_inspector", "signature_org"):

        def sign(kind=kind):
            pad = page.locator(f'.signature[data-kind="{kind}"] canvas')
            box = pad.bounding_box()
            page.mouse.move(box["x"] + 20, box["y"] + 30)
            page.mouse.down()
            page.mouse.move(box["x"] + 150, box["y"] + 90, steps=8)
            page.mouse.up()
            page.locator(f'.signature[data-kind="{kind}"] [data-sign]').tap()

        act(sign)

    # the answers' bodies, read before the page goes away
    forms = iter(page.evaluate("window.__ccFormData"))
    recorded = []
    for request in list(seen):
        recorded.append(_entry(request, norm, forms))
    with page.expect_navigation():
        page.locator("#submit-form button").tap()
    submit = seen[-1]
    assert submit.url.endswith("/submit")
    recorded.append(_entry(submit, norm, forms))
    context.close()

    statuses = [(r["kind"], r["response"]["status"]) for r in recorded]
    assert all(s in (200, 201, 302) for _k, s in statuses), statuses
    assert recorded[-1]["response"] == {"status": 302, "location": "/inspections/{uuid}"}

    document = {
        "about": (
            "Requests the filling page (static/js/inspect.js) sends, recorded by "
            "tests/test_phone_contract.py; re-record with RECORD_PHONE_REQUESTS=1."
        ),
        "template": template.name,
        "reads": READS,
        "error_reads": ERROR_READS,
        "requests": recorded,
    }
    text = json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    if os.environ.get("RECORD_PHONE_REQUESTS") == "1":
        RECORDING.write_text(text, "utf-8")
    else:
        assert RECORDING.exists(), f"{RECORDING} is missing.\n{RERECORD}"
        stored = json.loads(RECORDING.read_text("utf-8"))
        for i, (old, new) in enumerate(zip(stored["requests"], recorded, strict=False)):
            assert old == new, f"request {i} differs:\nstored   {old}\nrecorded {new}\n{RERECORD}"
        assert stored == document, RERECORD


def _entry(request, norm: _Normaliser, forms) -> dict[str, Any]:
    path = re.sub(r"^https?://[^/]+", "", request.url)
    kind = _kind(request.method, path)
    entry: dict[str, Any] = {"kind": kind, "method": request.method, "path": norm.path(path)}
    content_type = request.headers.get("content-type", "")
    if kind == "submit":
        entry["form"] = sorted(re.findall(r"([^&=]+)=", request.post_data or ""))
    elif content_type.startswith("multipart/form-data"):
        parts = next(forms)
        for part in parts:
            if "value" in part:
                part["value"] = norm.value(part["name"], part["value"])
        entry["multipart"] = parts
    else:
        entry["content_type"] = content_type
        entry["json"] = norm.value("", request.post_data_json)
    response = request.response()
    if kind == "submit":
        # the first answer of the navigation is the redirect
        entry["response"] = {
            "status": response.status,
            "location": norm.path(
                re.sub(r"^https?://[^/]+", "", request.redirected_to.url)
                if request.redirected_to
                else ""
            ),
        }
        return entry
    body = response.json()
    entry["response"] = _response(kind, response.status, body)
    if kind == "answer":
        entry["response"]["client_id_echoed"] = (
            body["answer"]["client_id"] == request.post_data_json["client_id"]
        )
    return entry


# --- replaying without a browser -----------------------------------------------------------------


def test_replay_phone_requests(client, make_org, make_user):
    recording = json.loads(RECORDING.read_text("utf-8"))
    template, key, inspector, items = _setup(make_org, make_user, "replay")
    login(client, inspector)
    token = csrf_token(client, f"/inspections/{key}/fill")
    requests = recording["requests"]
    kinds = {r["kind"] for r in requests}
    assert {"answer", "photo", "patch", "submit"} <= kinds, kinds
    client_ids: dict[str, str] = {}
    count = len(requests)
    begin = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=count + 5)

    def fill(value: Any, n: int) -> Any:
        if isinstance(value, dict):
            return {k: fill(v, n) for k, v in value.items()}
        if isinstance(value, list):
            return [fill(v, n) for v in value]
        if not isinstance(value, str):
            return value
        if value == "{template_id}":
            return template.id
        if value == "{now}":
            moment = begin + dt.timedelta(seconds=n)
            return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"
        if value.startswith("{client_id:"):
            return client_ids.setdefault(value, f"replay-{len(client_ids) + 1}-{key[:8]}")
        found = re.fullmatch(r"\{item:(.*)\}", value)
        if found:
            return str(items[found.group(1)])
        return value

    def url(path: str) -> str:
        path = path.replace("{uuid}", key)
        return re.sub(r"\{item:([^}]*)\}", lambda m: str(items[m.group(1)]), path)

    images = iter([_exif_jpeg(), _png((0, 0, 0, 255)), _png((0, 0, 128, 255))])
    for n, rec in enumerate(requests):
        where = f"request {n} ({rec['kind']} {rec['method']} {rec['path']})"
        headers = {"X-CSRFToken": token, "Accept": "application/json"}
        if rec["kind"] == "submit":
            sent = client.post(url(rec["path"]), data={name: token for name in rec["form"]})
            assert sent.status_code == rec["response"]["status"], where
            assert url(rec["response"]["location"]) == re.sub(
                r"^https?://[^/]+", "", sent.headers.get("Location", "")
            ), where
            continue
        if "multipart" in rec:
            data: dict[str, Any] = {}
            for part in rec["multipart"]:
                if "file" in part:
                    data[part["name"]] = (
                        io.BytesIO(next(images)),
                        part["file"],
                        part["content_type"],
                    )
                else:
                    data[part["name"]] = fill(part["value"], n)
            sent = client.open(
                url(rec["path"]),
                method=rec["method"],
                data=data,
                headers=headers,
                content_type="multipart/form-data",
            )
        else:
            body = fill(rec["json"], n)
            sent = client.open(url(rec["path"]), method=rec["method"], json=body, headers=headers)
        expected = rec["response"]
        assert sent.status_code == expected["status"], f"{where}: {sent.status_code} {sent.json}"
        answer = sent.json
        assert _type(answer) == expected["json"], where
        for path, kind in expected["reads"].items():
            found, value = _get(answer, path)
            assert found, f"{where}: the phone reads {path}, missing in {answer}"
            assert _type(value) == kind, f"{where}: {path} is {_type(value)}, was {kind}"
        missing = set(expected["keys"]) - set(answer)
        assert not missing, f"{where}: keys gone: {sorted(missing)}"
        if expected.get("client_id_echoed"):
            assert answer["answer"]["client_id"] == body["client_id"], where


# --- a date_pair answer, as the filling page sends it --------------------------------------------


def test_a_date_pair_answer_as_the_phone_sends_it(client, make_org, make_user):
    """inspect.js sends a date_pair item's value as {from, to} (both dates, else nothing); the
    reply carries every field the phone reads with the types of the recording, and a second
    date before the first is refused (422) with the error fields the client keeps aside."""
    recording = json.loads(RECORDING.read_text("utf-8"))
    answered = next(r for r in recording["requests"] if r["kind"] == "answer")
    import_text((DATA / "000_4d0f1aad85daeba2.txt").read_text("utf-8"), "000.txt")
    [spec] = [t for t in demo_templates.TEMPLATES if t["name"].startswith("政府采购")]
    template = demo_templates.build(spec, None)
    inspector = make_user("pair-phone", role=Role.INSPECTOR)
    inspection, _created = workflow.create_inspection(template, make_org("冠县某局"), inspector)
    db.session.commit()
    [item] = [i for i in template.ordered_items() if i.prompt.startswith("供应商询问")]
    login(client, inspector)
    url = f"/api/v1/inspections/{inspection.uuid}/answers/{item.id}"
    headers = {
        "X-CSRFToken": csrf_token(client, f"/inspections/{inspection.uuid}/fill"),
        "Accept": "application/json",
    }
    body = {
        "value": {"from": "2026-10-08", "to": "2026-10-14"},
        "unit": None,
        "note": "",
        "answered_at": "2026-11-21T01:00:00.000Z",
        "client_id": "pair-1",
        "template_id": template.id,
    }
    sent = client.put(url, json=body, headers=headers)
    assert sent.status_code == 201
    reply = _response("answer", 201, sent.json)
    assert reply["reads"] == answered["response"]["reads"]
    assert set(answered["response"]["keys"]) <= set(reply["keys"])
    assert sent.json["answer"]["client_id"] == "pair-1" and sent.json["result"] == "fail"
    assert sent.json["answer"]["value"] == body["value"]
    backwards = {**body, "value": {"from": "2026-10-14", "to": "2026-10-08"}, "client_id": "pair-2"}
    refused = client.put(url, json=backwards, headers=headers)
    assert refused.status_code == 422
    assert _response("answer", 422, refused.json)["reads"] == {
        "error": "object",
        "error.code": "string",
        "error.message": "string",
        "error.fields": "object",
    }
    assert refused.json["error"]["fields"]["value"] == ERR_PAIR_ORDER
