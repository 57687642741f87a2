"""Issue 22, item 4: while another writer holds the database (on SQLite, a long gazette import
blocked every write), a write waits at most DATABASE_BUSY_TIMEOUT and then answers 503 with
Retry-After, having written nothing; the phone's outbox sends it again and it is stored once.
A gazette import does its reading (parsing, extraction) before its first write."""

from __future__ import annotations

import contextlib

import sqlalchemy as sa

from checklists.core.extensions import db
from checklists.standards import services as standards
from inspections.filling.models import Answer
from tests.conftest import DATA
from tests.test_inspections import as_, create, world  # noqa: F401  (fixtures)
from tests.test_templates import by_prompt
from tests.test_workflow import coal  # noqa: F401  (fixture)

API = "/api/v1/inspections"


@contextlib.contextmanager
def another_writer(table: str = "answers"):
    """Another connection holding the write lock: SQLite's whole database, PostgreSQL's
    ``table`` (both the way a long import transaction holds them)."""
    engine = sa.create_engine(db.engine.url, poolclass=sa.pool.NullPool)
    with engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.begin()
            conn.exec_driver_sql(f"LOCK TABLE {table} IN EXCLUSIVE MODE")
        try:
            yield
        finally:
            conn.rollback()
    engine.dispose()


def test_a_write_behind_another_writer_is_503_and_its_retry_stored_once(app_factory, world):  # noqa: F811
    busy_app = app_factory(DATABASE_BUSY_TIMEOUT=0.3, BUSY_RETRY_AFTER=7)
    session = as_(busy_app, world["inspector"])
    key = create(session, world).json["uuid"]
    area = by_prompt(world["template"], "储煤厂房建设面积")
    body = {"value": "520", "answered_at": "2026-11-21T09:00:00+08:00", "client_id": "phone-1"}
    url = f"{API}/{key}/answers/{area.id}"
    with another_writer():
        refused = session.put(url, json=body)
    assert refused.status_code == 503
    assert refused.headers["Retry-After"] == "7"
    assert refused.json["error"]["code"] == "busy"
    assert "服务器正忙" in refused.json["error"]["message"]
    assert db.session.scalar(sa.select(sa.func.count(Answer.id))) == 0
    stored = session.put(url, json=body)  # the outbox's next try
    assert stored.status_code == 201
    again = session.put(url, json=body)
    assert again.status_code == 200
    assert db.session.scalar(sa.select(sa.func.count(Answer.id))) == 1


def test_a_page_behind_another_writer_says_busy(app_factory, world):  # noqa: F811
    busy_app = app_factory(DATABASE_BUSY_TIMEOUT=0.3)
    session = as_(busy_app, world["inspector"])
    with another_writer("users"):
        refused = session.post("/account", data={"display_name": "王", "locale": ""})
    assert refused.status_code == 503
    assert refused.headers["Retry-After"] == "5"
    assert "服务器正忙" in refused.get_data(as_text=True)


def test_an_import_reads_everything_before_its_first_write(app_ctx, monkeypatch):
    """The parsing and extraction (the long part of an import) happen before the import's
    first statement that writes: the write transaction is only as long as the inserts."""
    calls: list[str] = []
    real_extract = standards.extract

    def extract(*args, **kwargs):
        calls.append("extract")
        return real_extract(*args, **kwargs)

    def before_flush(session, _context, _instances):
        if session.new or session.dirty or session.deleted:
            calls.append("write")

    monkeypatch.setattr(standards, "extract", extract)
    sa.event.listen(db.session, "before_flush", before_flush)
    try:
        path = sorted(DATA.glob("0*.txt"))[0]
        report = standards.import_text(path.read_text("utf-8"), path.name)
        db.session.commit()
    finally:
        sa.event.remove(db.session, "before_flush", before_flush)
    assert len(report.documents) > 1 and calls.count("extract") > 100
    assert "write" in calls
    assert calls.index("write") > max(i for i, c in enumerate(calls) if c == "extract")
