"""Inspection workflow: create (idempotent by uuid), answers under the Sync rules, submit."""

from __future__ import annotations

import datetime as dt
import threading
import uuid

import pytest
import sqlalchemy as sa

from checklists.authoring import operations as builder
from checklists.authoring.models import ChecklistTemplate
from checklists.core.errors import Conflict, InputError
from checklists.core.extensions import db
from checklists.demo import templates as demo_templates
from inspections.filling import workflow
from inspections.filling.models import Answer, Inspection, InspectionStatus
from tests.conftest import built_once, depot_spec, import_gazettes
from tests.test_templates import DATA, by_prompt  # noqa: F401 (DATA: test_provenance reads it here)

TZ = dt.timezone(dt.timedelta(hours=8))
DAY = dt.date(2026, 11, 21)


def _build_coal() -> int:
    import_gazettes()
    # the warehouses as ordinary items: repeated sections are tested in test_repeats*.py
    template = demo_templates.build(depot_spec(repeat=False), None)
    db.session.commit()
    return template.id


@pytest.fixture
def coal(app_ctx) -> ChecklistTemplate:
    """The ready-made clean-coal template, published: the three gazettes imported and the
    template built the first time, their rows written back after that (conftest.built_once)."""
    return db.session.get(ChecklistTemplate, built_once("coal", _build_coal))


@pytest.fixture
def inspection(coal, make_org, make_user) -> Inspection:
    made, created = workflow.create_inspection(
        coal, make_org("鑫源"), make_user("insp"), planned_on=DAY
    )
    db.session.commit()
    assert created
    return made


def at(hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, 11, 21, hour, minute, tzinfo=TZ)


def test_create_is_idempotent_by_uuid_and_needs_a_published_template(coal, make_org):
    org = make_org()
    key = str(uuid.uuid4())
    first, created = workflow.create_inspection(coal, org, None, uuid=key)
    again, created_again = workflow.create_inspection(coal, org, None, uuid=key.upper())
    assert (created, created_again) == (True, False) and again is first
    draft = builder.new_version(coal, None)
    with pytest.raises(InputError):
        workflow.create_inspection(draft, org, None)
    with pytest.raises(InputError):
        workflow.create_inspection(coal, org, None, uuid="not-a-uuid")


def test_an_answer_is_judged_against_its_clause(inspection, coal):
    area = by_prompt(coal, "储煤厂房建设面积")
    saved = workflow.save_answer(
        inspection, area.id, "480", None, client_id="c1", answered_at=at(9)
    )
    assert saved.created and saved.current is saved.answer
    assert (saved.answer.result, saved.answer.value) == ("fail", "480")
    reason = "实测 480 平方米 < 要求 ≥ 500 平方米（冠政发〔2016〕109号 二（二）1）"
    assert saved.answer.reason == reason
    assert inspection.status == InspectionStatus.IN_PROGRESS
    thickness = by_prompt(coal, "地面硬化厚度")
    converted = workflow.save_answer(inspection, thickness.id, "0.29", None, unit="m")
    assert converted.answer.result == "pass"  # 0.29 m is 29 cm, compared as decimals


def test_a_resend_is_stored_once_and_a_reused_id_is_refused(inspection, coal):
    area = by_prompt(coal, "储煤厂房建设面积")
    first = workflow.save_answer(
        inspection, area.id, "520", None, client_id="c1", answered_at=at(9)
    )
    again = workflow.save_answer(
        inspection, area.id, "520", None, client_id="c1", answered_at=at(9)
    )
    assert again.answer.id == first.answer.id and not again.created
    assert again.answer.content_hash == first.answer.content_hash
    with pytest.raises(Conflict) as caught:
        workflow.save_answer(inspection, area.id, "530", None, client_id="c1", answered_at=at(9))
    assert caught.value.code == "id_reused"
    assert db.session.scalar(sa.select(sa.func.count(Answer.id))) == 1


def test_the_latest_answered_at_is_current_whatever_the_arrival_order(inspection, coal):
    area = by_prompt(coal, "储煤厂房建设面积")
    late = workflow.save_answer(inspection, area.id, "520", None, client_id="b", answered_at=at(10))
    early = workflow.save_answer(inspection, area.id, "480", None, client_id="a", answered_at=at(9))
    assert early.answer.current is False and early.current.id == late.answer.id
    assert not early.created  # the item already had an answer
    tie = workflow.save_answer(inspection, area.id, "510", None, client_id="c", answered_at=at(10))
    assert tie.answer.current  # ties: the later arrival
    assert db.session.get(Answer, late.answer.id).current is False
    history = db.session.scalars(sa.select(Answer).order_by(Answer.id)).all()
    assert [a.value for a in history] == ["520", "480", "510"]
    assert [a.value for a in inspection.current_answers().values()] == ["510"]


@pytest.mark.parametrize(
    ("prompt", "value", "field"),
    [
        ("储煤厂房建设面积", "四百八十", "value"),  # text in a number field
        ("储煤厂房建设面积", "480", "answered_at"),  # a time without its offset
        ("整体外墙颜色", "purple", "value"),  # not one of the choices
    ],
)
def test_bad_answers_are_refused_and_nothing_is_stored(inspection, coal, prompt, value, field):
    item = by_prompt(coal, prompt)
    moment = dt.datetime(2026, 11, 21, 9) if field == "answered_at" else at(9)
    with pytest.raises(InputError) as caught:
        workflow.save_answer(inspection, item.id, value, None, answered_at=moment)
    assert field in caught.value.fields
    assert db.session.scalar(sa.select(sa.func.count(Answer.id))) == 0


def test_an_item_of_another_template_is_refused(inspection, coal):
    other = builder.new_version(coal, None)
    with pytest.raises(InputError) as caught:
        workflow.save_answer(inspection, other.ordered_items()[0].id, "yes", None)
    assert "item_id" in caught.value.fields


def test_submit_lists_what_is_missing_then_scores_and_freezes(inspection, coal):
    with pytest.raises(InputError) as caught:
        workflow.submit(inspection, None, DAY)
    required = [i for i in coal.ordered_items() if i.required and i.scored]
    assert len(caught.value.fields) == len(required)
    assert caught.value.fields[f"item_{required[0].id}"] == "第1项：未作答"
    answers = {
        "yes_no": "yes",
        "number": "600",
        "count": "3",
        "choice": "dark_grey",
    }
    for item in coal.ordered_items():
        if item.answer_type == "parts":
            value = [p["value"] for p in item.rule["parts"]]
        else:
            value = answers[item.answer_type]
        unit = "年" if item.rule.get("unit") == "year" else None
        workflow.save_answer(
            inspection, item.id, value, None, client_id=f"i{item.id}", unit=unit, answered_at=at(9)
        )
    summary = workflow.submit(inspection, None, DAY)
    assert (inspection.status, inspection.score, inspection.verdict) == ("submitted", 100, "pass")
    assert summary.grade == inspection.grade == "优秀"
    assert inspection.summary["score"] == "100.0"
    item = coal.ordered_items()[0]
    with pytest.raises(Conflict) as caught:
        workflow.save_answer(inspection, item.id, "no", None, client_id="new")
    assert caught.value.code == "submitted"
    resent = workflow.save_answer(
        inspection, item.id, "yes", None, client_id=f"i{item.id}", answered_at=at(9)
    )
    assert resent.answer.current  # the same write again after submission: 200, not 409
    assert workflow.submit(inspection, None, DAY).score == summary.score  # repeated submit


def _race(app, count: int, write) -> list:
    """Run ``write(n)`` in ``count`` threads at once, each in its own app context (its own
    database session and connection), then commit; the results (or exceptions) in order."""
    barrier = threading.Barrier(count)
    results: list = [None] * count

    def run(n: int) -> None:
        with app.app_context():
            try:
                barrier.wait(timeout=10)
                results[n] = write(n)
                db.session.commit()
            except Exception as exc:  # reported by the test
                db.session.rollback()
                results[n] = exc

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


def test_concurrent_writes_to_one_item_leave_one_current_answer_the_latest(app, inspection, coal):
    area = by_prompt(coal, "储煤厂房建设面积")
    key, count = inspection.uuid, 8
    # arrival order is up to the threads; answered_at is a permutation of 09:00 to 09:07
    moments = [at(9, (n * 7) % count) for n in range(count)]

    def write(n: int) -> tuple[int, bool]:
        found = workflow.load_by_uuid(key)
        saved = workflow.save_answer(
            found, area.id, str(500 + n), None, client_id=f"t{n}", answered_at=moments[n]
        )
        return saved.answer.id, saved.created

    results = _race(app, count, write)
    assert not [r for r in results if isinstance(r, Exception)], results
    assert sum(created for _id, created in results) == 1  # 201 once: the item's first answer
    db.session.expire_all()
    writes = db.session.scalars(
        sa.select(Answer).where(Answer.item_id == area.id).order_by(Answer.id)
    ).all()
    assert len(writes) == count
    [current] = [a for a in writes if a.current]
    latest = max(range(count), key=lambda n: moments[n])
    assert current.client_id == f"t{latest}" and current.value == str(500 + latest)
    assert workflow.progress(db.session.get(Inspection, inspection.id))[0] == 1


def test_a_concurrent_resend_is_stored_once(app, inspection, coal):
    area = by_prompt(coal, "储煤厂房建设面积")
    key = inspection.uuid

    def write(n: int) -> tuple[int, bool]:
        found = workflow.load_by_uuid(key)
        saved = workflow.save_answer(
            found, area.id, "520", None, client_id="same", answered_at=at(9)
        )
        return saved.answer.id, saved.created

    results = _race(app, 6, write)
    assert not [r for r in results if isinstance(r, Exception)], results  # no IntegrityError
    assert len({answer_id for answer_id, _created in results}) == 1
    assert sorted(created for _id, created in results) == [False] * 5 + [True]
    assert db.session.scalar(sa.select(sa.func.count(Answer.id))) == 1


def test_a_published_template_is_compiled_once_and_a_draft_every_time(coal, make_org):
    """The filling page's running score and a submission score a published template compiled
    once per app (publishing freezes its items); a draft's items may change, so it is compiled
    again each time, and a change to one is scored."""
    org = make_org("鑫源")
    first, _ = workflow.create_inspection(coal, org, None)
    second, _ = workflow.create_inspection(coal, org, None)
    assert workflow.compiled_template(coal) is workflow.compiled_template(coal)
    area = by_prompt(coal, "储煤厂房建设面积")
    workflow.save_answer(first, area.id, "480", None, answered_at=at(9))
    workflow.save_answer(second, area.id, "520", None, answered_at=at(9))
    one, two = workflow.score_inspection(first, DAY), workflow.score_inspection(second, DAY)
    # one compiled template, two inspections scored each by its own answers
    assert (one.items[area.id].result, two.items[area.id].result) == ("fail", "pass")
    draft = builder.new_version(coal, None)
    assert workflow.compiled_template(draft) is not workflow.compiled_template(draft)
    draft_area = by_prompt(draft, "储煤厂房建设面积")
    draft_area.rule = {**draft_area.rule, "value": "400"}  # a draft's items may change
    db.session.flush()
    assert workflow.compiled_template(draft).by_id[draft_area.id].rule["value"] == "400"
