"""PostgreSQL's answer write in one call (inspections/filling/answer_call.py).

The function and the general path (``workflow.save_answer``) must store and reply alike: the
same writes are sent to two inspections, one the general way only, and their rows and replies
compared. What the function does not decide (a resend, a reused client_id, a closed inspection,
a bad value, a caller who may not write) it leaves to the general path, whose answers are the
rules' own. On SQLite the same steps run as statements (answer_steps.py).
"""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
import sqlalchemy as sa

from checklists.accounts.models import OrgKind, Role
from checklists.core.extensions import db
from inspections.filling import answer_call, answer_steps, workflow
from inspections.filling.models import Answer, Inspection, InspectionStatus
from tests.test_busy import another_writer
from tests.test_conditions_templates import procurement  # noqa: F401 (fixture)
from tests.test_inspections import API, _at_once, as_, create, world  # noqa: F401 (fixtures)
from tests.test_templates import by_prompt
from tests.test_workflow import coal  # noqa: F401 (fixture)

#: An answer row's columns that the two paths must write alike (not ids, not the receipt).
COLUMNS = (
    "item_id", "instance", "client_id", "content_hash", "value", "unit", "note", "answered_at",
    "sent_answered_at", "clock_flag", "answered_by_id", "revision", "current", "result", "reason",
)  # fmt: skip


def _on_postgresql() -> bool:
    return db.engine.dialect.name == "postgresql"


@pytest.fixture
def calls(monkeypatch):
    """The outcomes of the one-call writes (PostgreSQL's function, SQLite's steps), in order."""
    seen: list[str] = []
    real_call, real_steps = answer_call._call, answer_steps.run

    def called(params):
        row = real_call(params)
        seen.append(None if row is None else row[0])
        return row

    def stepped(params, plan):
        row = real_steps(params, plan)
        seen.append(row[0])
        return row

    monkeypatch.setattr(answer_call, "_call", called)
    monkeypatch.setattr(answer_steps, "run", stepped)
    return seen


def _general_only(monkeypatch):
    """From now on every write goes the general way."""
    monkeypatch.setattr(answer_call, "write", lambda *_args: None)


def _rows(inspection_key: str) -> list[tuple]:
    db.session.expire_all()
    inspection = db.session.scalar(sa.select(Inspection).where(Inspection.uuid == inspection_key))
    answers = db.session.scalars(
        sa.select(Answer).where(Answer.inspection_id == inspection.id).order_by(Answer.id)
    ).all()
    return [inspection.status] + [tuple(getattr(a, c) for c in COLUMNS) for a in answers]


def _send(session, key: str, writes: list[tuple]) -> list[tuple[int, dict]]:
    replies = []
    for item, value, client_id, at, more in writes:
        body = {"value": value, **more}
        if at is not None:
            body["answered_at"] = at
        if client_id is not None:
            body["client_id"] = client_id
        response = session.put(f"{API}/{key}/answers/{item.id}", json=body)
        replies.append((response.status_code, response.json))
    return replies


def _both_ways(monkeypatch, session, keys: tuple[str, str], writes: list[tuple]):
    """The writes sent to the first inspection (the function where it may), then to the second
    the general way only: the replies and rows of each."""
    first = _send(session, keys[0], writes)
    with monkeypatch.context() as patched:
        _general_only(patched)
        second = _send(session, keys[1], writes)
    return (first, _rows(keys[0])), (second, _rows(keys[1]))


def test_writes_through_the_function_are_stored_and_answered_as_the_general_path_does(
    app,
    world,  # noqa: F811
    monkeypatch,
    calls,
):
    session = as_(app, world["inspector"])
    keys = (create(session, world).json["uuid"], create(session, world).json["uuid"])
    template = world["template"]
    area = by_prompt(template, "储煤厂房建设面积")
    licence = by_prompt(template, "具备企业法人营业执照")
    early, later = "2026-11-21T09:00:00+08:00", "2026-11-21T11:00:00+08:00"
    future = (dt.datetime.now(dt.UTC) + dt.timedelta(days=2)).isoformat()  # a clock ahead
    writes = [
        (area, "480", "c1", "2026-11-21T10:00:00+08:00", {}),  # the first: 201, fails
        (area, "520", "c2", early, {}),  # stamped earlier: stored, not current
        (area, "530", "c3", later, {"note": "  复测  "}),  # the latest: current
        (area, "530", "c3", later, {"note": "  复测  "}),  # a resend: 200, stored once
        (area, "999", "c3", later, {}),  # the client_id reused: 409
        (area, "abc", "c4", later, {}),  # not a number: 422
        (licence, "yes", None, None, {}),  # no stamp, no client_id
        (licence, "no", "c5", future, {}),  # a stamp days ahead: flagged, the receipt counts
        (area, 2.5e2, "c6", later, {"unit": "平方米"}),  # a JSON number with its unit
        (area, "600", "c7", later, {"template_id": template.id + 999}),  # stale form: 409
    ]
    (mine, my_rows), (theirs, their_rows) = _both_ways(monkeypatch, session, keys, writes)
    statuses = [status for status, _reply in mine]
    assert statuses == [201, 200, 200, 200, 409, 422, 201, 200, 200, 409]
    assert statuses == [status for status, _reply in theirs]
    for (_s, one), (_t, other), write in zip(mine, theirs, writes, strict=True):
        if write[3] is None or write[3] == future:  # stamped by the receipt: a moment apart
            one["answer"].pop("answered_at"), other["answer"].pop("answered_at")
        assert one == other, write
    receipt = COLUMNS.index("answered_at")
    for rows in (my_rows, their_rows):  # the receipts' stamps: equal in kind, not in value
        for n, row in enumerate(rows[1:], start=1):
            if row[0] == licence.id:
                rows[n] = row[:receipt] + (None,) + row[receipt + 1 :]
    assert my_rows == their_rows
    assert my_rows[0] == InspectionStatus.IN_PROGRESS
    flags = {row[COLUMNS.index("clock_flag")] for row in my_rows[1:]}
    assert flags == {"before_inspection", "ahead", None}
    # every new write in one call; the rest left to the general path
    assert calls == ["written"] * 3 + ["resend"] * 2 + ["written"] * 3


def test_a_template_with_conditions_counts_its_progress_alike(
    app,
    procurement,  # noqa: F811
    make_org,
    make_user,
    monkeypatch,
    calls,  # noqa: F811
):
    inspector = make_user("cond-writer", role=Role.INSPECTOR)
    org = make_org("冠县某局", kind=OrgKind.GOVERNMENT)
    keys = []
    for _n in range(2):
        inspection, _created = workflow.create_inspection(procurement, org, inspector)
        keys.append(inspection.uuid)
    db.session.commit()
    session = as_(app, inspector)
    items = procurement.ordered_items()
    amount = items[0]
    other = next(i for i in items[1:] if i.answer_type == "yes_no")
    writes = [
        (amount, "5000000", "a1", None, {}),  # shows the conditional steps: more required
        (other, "yes", "a2", None, {}),
        (amount, "100", "a3", None, {}),  # hides them again
    ]
    (mine, my_rows), (theirs, their_rows) = _both_ways(monkeypatch, session, tuple(keys), writes)
    assert [r["progress"] for _s, r in mine] == [r["progress"] for _s, r in theirs]
    assert len({r["progress"]["required"] for _s, r in mine}) > 1  # the condition counted
    strip = COLUMNS.index("answered_at")
    assert [r[:strip] + r[strip + 1 :] for r in my_rows[1:]] == [
        r[:strip] + r[strip + 1 :] for r in their_rows[1:]
    ]
    assert calls == ["written"] * 3


def test_what_the_function_leaves_is_answered_by_the_general_path(app, world, calls):  # noqa: F811
    """Another's inspection (404), a role that may not write (403 or 404), a closed inspection
    (409), an item of another template (422): the function writes nothing."""
    session = as_(app, world["inspector"])
    key = create(session, world).json["uuid"]
    area = by_prompt(world["template"], "储煤厂房建设面积")
    body = {"value": "510", "client_id": "x1"}
    other = as_(app, world["other_inspector"])
    assert other.put(f"{API}/{key}/answers/{area.id}", json=body).status_code == 404
    far = as_(app, world["far_supervisor"])  # a region's supervisor: the general path's scope
    assert far.put(f"{API}/{key}/answers/{area.id}", json=body).status_code == 404
    assert session.put(f"{API}/{key}/answers/{10**6}", json=body).status_code == 422
    assert session.put(f"{API}/{uuid.uuid4()}/answers/{area.id}", json=body).status_code == 404
    db.session.execute(
        sa.update(Inspection).where(Inspection.uuid == key).values(status="submitted")
    )
    db.session.commit()
    closed = session.put(f"{API}/{key}/answers/{area.id}", json=body)
    assert closed.status_code == 409 and closed.json["error"]["code"] == "submitted"
    assert db.session.scalar(sa.select(sa.func.count(Answer.id))) == 0
    assert calls == ["elsewhere", "elsewhere", "closed"]


def test_concurrent_writes_through_the_function_leave_one_current_answer_the_latest(
    app,
    world,  # noqa: F811
):
    count = 8
    sessions = [as_(app, world["inspector"]) for _n in range(count)]
    key = create(sessions[0], world).json["uuid"]
    area = by_prompt(world["template"], "储煤厂房建设面积")
    minutes = [(n * 5) % count for n in range(count)]  # a permutation: arrival order ≠ stamps

    def put(n):
        body = {
            "value": str(500 + n),
            "client_id": f"w{n}",
            "answered_at": f"2026-11-21T09:0{minutes[n]}:00+08:00",
        }
        return sessions[n].put(f"{API}/{key}/answers/{area.id}", json=body)

    results = _at_once(count, put)
    assert sorted(r.status_code for r in results) == [200] * (count - 1) + [201]
    db.session.expire_all()
    writes = db.session.scalars(sa.select(Answer).order_by(Answer.id)).all()
    assert len(writes) == count
    [current] = [a for a in writes if a.current]
    latest = max(range(count), key=lambda n: minutes[n])
    assert current.client_id == f"w{latest}" and current.value == str(500 + latest)


def test_without_the_function_the_general_path_stores_the_write(app, world, caplog):  # noqa: F811
    """A database whose migration has not made the function yet: every write still stored."""
    session = as_(app, world["inspector"])
    key = create(session, world).json["uuid"]
    area = by_prompt(world["template"], "储煤厂房建设面积")
    if _on_postgresql():
        db.session.execute(sa.text(answer_call.DROP_FUNCTION))
        db.session.commit()
    try:
        response = session.put(f"{API}/{key}/answers/{area.id}", json={"value": "505"})
        assert response.status_code == 201 and response.json["answer"]["value"] == "505"
        assert db.session.scalar(sa.select(sa.func.count(Answer.id))) == 1
        if _on_postgresql():
            assert answer_call.FUNCTION in caplog.text
    finally:
        if _on_postgresql():
            db.session.connection().exec_driver_sql(answer_call.CREATE_FUNCTION)
            db.session.commit()


def test_a_write_behind_another_writer_answers_busy_from_the_one_call(
    app_factory,
    world,  # noqa: F811
    calls,
    caplog,
):
    """Busy is the one call's answer (503, nothing written), not a cue for the general path to
    wait for the lock a second time."""
    busy_app = app_factory(DATABASE_BUSY_TIMEOUT=0.3)
    session = as_(busy_app, world["inspector"])
    key = create(session, world).json["uuid"]
    area = by_prompt(world["template"], "储煤厂房建设面积")
    url = f"{API}/{key}/answers/{area.id}"
    session.put(url, json={"value": "500"})  # the item's rule compiled, its first answer
    calls.clear()
    with another_writer():
        refused = session.put(url, json={"value": "520", "client_id": "phone-1"})
    assert refused.status_code == 503 and refused.json["error"]["code"] == "busy"
    assert "the general path takes the write" not in caplog.text
    assert calls == []  # the call raised: no outcome, and no second try
    assert db.session.scalar(sa.select(sa.func.count(Answer.id))) == 1
    assert session.put(url, json={"value": "520", "client_id": "phone-1"}).status_code == 200
    assert calls == ["written"]
