"""Backup and restore (the hardening issue): ``flask backup create PATH`` takes a consistent
backup while inspectors go on writing, and ``flask backup restore PATH`` onto a new, empty
instance finds every answer and photo acknowledged before the backup began, each photo's file
with its bytes. On both databases."""

from __future__ import annotations

import hashlib
import json
import threading

import pytest
import sqlalchemy as sa

from checklists.core import backup, storage
from checklists.core.extensions import db
from inspections.filling.evidence import Evidence
from inspections.filling.models import Answer
from tests import test_inspections, test_workflow
from tests.conftest import new_store
from tests.test_inspections import answer, jpeg, upload
from tests.test_templates import by_prompt

coal = test_workflow.coal
world = test_inspections.world
started = test_inspections.started

AREA = "储煤厂房建设面积"


@pytest.fixture
def empty_instance(app_factory, database_url, tmp_path):
    """A second, new instance: its own database (empty, no schema) and blob store (an upload
    folder, or a bucket's prefix)."""
    url = sa.engine.make_url(database_url)
    store = new_store(str(tmp_path / "r"))
    if url.get_backend_name() == "sqlite":
        target = f"sqlite:///{tmp_path / 'restored.sqlite'}"
        yield app_factory(SQLALCHEMY_DATABASE_URI=target, **store)
        return
    name = f"{url.database}_restored"
    admin = sa.create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}"'))
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    target = url.set(database=name).render_as_string(hide_password=False)
    app = app_factory(SQLALCHEMY_DATABASE_URI=target, **store)
    yield app
    with app.app_context():
        db.engine.dispose()
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def test_a_backup_taken_under_writes_restores_every_answer_and_photo(
    app, world, started, empty_instance, tmp_path
):
    session, key = started
    area = by_prompt(world["template"], AREA)
    acknowledged: list[tuple[int, str, str]] = []  # (moment, client id, photo SHA-256)
    stop = threading.Event()
    moment = [0]

    def write() -> None:
        n = 0
        while not stop.is_set() and n < 200:
            n += 1
            sent_at = moment[0]
            at = f"2026-11-21T09:{n // 60:02d}:{n % 60:02d}+08:00"
            stored = answer(session, key, area, str(500 + n), f"w{n}", at=at)
            colour = (n * 37 % 256, n * 91 % 256, n * 13 % 256)
            photo = upload(session, key, jpeg(color=colour), item_id=str(area.id))
            assert stored.status_code in (200, 201), stored.json
            assert stored.json["answer"]["client_id"] == f"w{n}"
            assert photo.status_code in (200, 201), photo.json  # 200: the same bytes again
            acknowledged.append((sent_at, f"w{n}", photo.json["sha256"]))

    writer = threading.Thread(target=write)
    writer.start()
    try:
        while len(acknowledged) < 3 and writer.is_alive():
            writer.join(0.05)
        moment[0] = 1  # what is sent from now on may or may not be in the backup
        before = [a for a in acknowledged if a[0] == 0]
        with app.app_context():
            manifest = backup.create(str(tmp_path / "backup"))
    finally:
        stop.set()  # never a writer left running into the next test's cleaning
        writer.join()
    assert len(before) >= 3 and manifest["files"]

    with empty_instance.app_context():
        backup.restore(str(tmp_path / "backup"))
        client_ids = set(db.session.scalars(sa.select(Answer.client_id)))
        stored = set(db.session.scalars(sa.select(Evidence.sha256)))
        for _moment, client_id, sha256 in before:
            assert client_id in client_ids
            assert sha256 in stored
        for sha256 in stored:  # every row's file, with its bytes (none half-copied)
            with storage.blob_store().open(sha256) as handle:
                assert hashlib.sha256(handle.read()).hexdigest() == sha256
        assert db.session.scalar(sa.select(sa.func.count(Answer.id))) >= len(before)


def test_restore_refuses_a_damaged_backup_and_an_instance_with_data(app, world, tmp_path):
    with app.app_context():
        backup.create(str(tmp_path / "b"))
        with pytest.raises(backup.InputError) as held:
            backup.restore(str(tmp_path / "b"))  # this instance holds data
        assert "已有数据" in held.value.fields["path"]
        with pytest.raises(backup.InputError):
            backup.create(str(tmp_path / "b"))  # not a new folder
    manifest_path = tmp_path / "b" / "manifest.json"
    manifest = json.loads(manifest_path.read_text("utf-8"))
    data_file = tmp_path / "b" / manifest["database"]["file"]
    data_file.write_bytes(data_file.read_bytes() + b"x")
    with app.app_context(), pytest.raises(backup.InputError) as held:
        backup.read_manifest(str(tmp_path / "b"))
    assert manifest["database"]["file"] in held.value.fields["path"]


def test_the_cli_backs_up_and_says_so(app, world, tmp_path):
    result = app.test_cli_runner().invoke(args=["backup", "create", str(tmp_path / "c")])
    assert result.exit_code == 0, result.output
    assert "备份" in result.output and (tmp_path / "c" / "manifest.json").exists()
    again = app.test_cli_runner().invoke(args=["backup", "create", str(tmp_path / "c")])
    assert again.exit_code == 1 and "path" in again.output
