"""The answer path's speed-ups keep their promises (issue 24): SQLite writers take turns through
a file lock held until their transaction ends, a PostgreSQL connection that died while idle in
the pool is replaced before a request meets it, and a served process keeps its startup objects
out of the collector's full passes."""

from __future__ import annotations

import fcntl
import gc
import os
import time

import pytest
import sqlalchemy as sa

from checklists.core import writers
from checklists.core.extensions import db
from inspections.filling import visibility, workflow
from inspections.filling.models import Answer
from tests.conftest import make_config
from tests.test_templates import by_prompt
from tests.test_workflow import coal  # noqa: F401 (fixture)
from wsgi import create_app


def _turn_is_free(path: str) -> bool:
    """Whether another process could take the turn now (a new open file description)."""
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    finally:
        os.close(descriptor)  # (closing it releases a lock it took)
    return True


@pytest.fixture
def sqlite_file_app(tmp_path):
    """An app on a SQLite file of its own (whatever database the suite runs on)."""
    url = f"sqlite:///{tmp_path / 'turns.sqlite'}"
    app = create_app(make_config(url, UPLOAD_FOLDER=str(tmp_path / "up")))
    with app.app_context():
        db.create_all()
        yield app, str(tmp_path / "turns.sqlite") + ".writers"
        db.session.remove()
        db.engine.dispose()


def test_a_sqlite_writer_holds_its_turn_until_its_transaction_ends(sqlite_file_app):
    from checklists.accounts.models import Organisation, OrgKind

    _app, path = sqlite_file_app
    assert writers._lock_path(db.engine.url) == path
    db.session.add(Organisation(name="甲", kind=OrgKind.ENTERPRISE))
    db.session.commit()

    writers.writer_turn()
    assert writers.HELD in db.session.info and not _turn_is_free(path)
    writers.writer_turn()  # held already: nothing more
    db.session.execute(sa.update(Organisation).values(name="乙"))
    db.session.commit()
    assert writers.HELD not in db.session.info and _turn_is_free(path)

    writers.writer_turn()
    db.session.rollback()  # a refused write lets the next one go as well
    assert _turn_is_free(path)

    db.session.execute(sa.update(Organisation).values(name="丙"))  # writing already
    writers.writer_turn()  # may hold SQLite's lock: never waits for the turn, nor takes it
    assert writers.HELD not in db.session.info and _turn_is_free(path)
    db.session.commit()

    # a savepoint released is no commit: the turn is kept until the transaction's own
    writers.writer_turn()
    with db.session.begin_nested():
        db.session.execute(sa.update(Organisation).values(name="丁"))
    assert writers.HELD in db.session.info and not _turn_is_free(path)
    seen = []
    sa.event.listen(db.session(), "after_commit", lambda s: seen.append(_turn_is_free(path)))
    db.session.commit()
    assert seen == [True]  # given back as soon as the database committed
    assert writers.HELD not in db.session.info and _turn_is_free(path)


def test_a_sqlite_writer_waits_for_the_turn_then_goes_on_at_the_busy_timeout(sqlite_file_app):
    app, path = sqlite_file_app
    app.config["DATABASE_BUSY_TIMEOUT"] = 0.2
    other = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    fcntl.flock(other, fcntl.LOCK_EX)  # another process's turn, never given back
    try:
        started = time.monotonic()
        writers.writer_turn()
        waited = time.monotonic() - started
    finally:
        os.close(other)
    assert 0.2 <= waited < 2  # it waited for the turn, then went on to meet SQLite's own lock
    assert writers.HELD not in db.session.info
    db.session.rollback()


def test_no_turn_on_postgresql_or_in_memory():
    assert writers._lock_path(sa.engine.make_url("postgresql://u@h/db")) is None
    assert writers._lock_path(sa.engine.make_url("sqlite://")) is None
    assert writers._lock_path(sa.engine.make_url("sqlite:///:memory:")) is None
    assert writers._lock_path(sa.engine.make_url("sqlite:///a/b.sqlite")).endswith(
        "/a/b.sqlite.writers"
    )


def test_an_answer_takes_and_gives_back_the_turn(app_ctx, coal, make_org):  # noqa: F811
    template = coal
    inspection, _created = workflow.create_inspection(template, make_org("鑫源煤业"), None)
    db.session.commit()
    area = by_prompt(template, "储煤厂房建设面积")
    path = writers._lock_path(db.engine.url)
    saved = workflow.save_answer(inspection, area.id, "520", None)
    assert saved.created and saved.answer.current and saved.answer.result == "pass"
    if path is not None:  # SQLite: the turn is held until the commit
        assert not _turn_is_free(path)
    db.session.commit()
    if path is not None:
        assert _turn_is_free(path)
    later = workflow.save_answer(inspection, area.id, "480", None)
    db.session.commit()
    db.session.expire_all()
    rows = db.session.scalars(sa.select(Answer).order_by(Answer.id)).all()
    assert [(a.value, a.current) for a in rows] == [("520", False), ("480", True)]
    assert later.answer.id == rows[1].id and later.current.id == rows[1].id


@pytest.mark.one_suite("postgresql")
def test_a_postgresql_connection_that_died_idle_is_replaced_before_use(app_factory):
    app = app_factory(DATABASE_PING_AFTER=0)
    with app.app_context():
        if db.engine.dialect.name != "postgresql":
            pytest.skip("PostgreSQL's pooled connections (the PostgreSQL suite runs this)")
        first = db.session.scalar(sa.text("SELECT pg_backend_pid()"))
        db.session.remove()  # back to the pool, idle
        killer = sa.create_engine(db.engine.url, poolclass=sa.pool.NullPool)
        with killer.connect() as conn:
            conn.execute(sa.text("SELECT pg_terminate_backend(:pid)"), {"pid": first})
        killer.dispose()
        time.sleep(0.05)
        second = db.session.scalar(sa.text("SELECT pg_backend_pid()"))  # no error: replaced
        assert second != first
        db.session.remove()
        # a live connection passes its ping and stays: the same backend
        assert db.session.scalar(sa.text("SELECT pg_backend_pid()")) == second
        db.session.remove()


def test_a_served_app_keeps_its_startup_objects_out_of_full_collections(tmp_path):
    gc.unfreeze()
    create_app(
        {
            "SECRET_KEY": "x" * 32,
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'served.sqlite'}",
            "UPLOAD_FOLDER": str(tmp_path / "up"),
        }
    )
    try:
        assert gc.get_freeze_count() > 10_000
    finally:
        gc.unfreeze()
    assert gc.get_freeze_count() == 0


def test_the_progress_reads_an_inspections_current_answers_by_index(sqlite_file_app):
    """A template with conditions or repeats counts its progress from the inspection's current
    answers with every answer (the write reads them with its live instances, ``_STATE``):
    found through (inspection_id, current, …), not by reading the inspection's whole history
    (which grows with every answer changed)."""
    for read in (visibility._CURRENT_VALUES, visibility._STATE):
        statement = read.params(inspection_id=1).compile(
            db.engine, compile_kwargs={"literal_binds": True}
        )
        with db.engine.connect() as connection:
            plan = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}").all()
        answers = [detail for *_ids, detail in plan if " answers " in f"{detail} "]
        assert answers == [
            "SEARCH answers USING INDEX ix_answers_inspection_current_item "
            "(inspection_id=? AND current=?)"
        ]
