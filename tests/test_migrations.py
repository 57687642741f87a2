"""Migrations build the schema, and autogenerate finds no difference from the models."""

from __future__ import annotations

import datetime as dt
import uuid
import warnings
from decimal import Decimal

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade

from checklists.core.extensions import db
from checklists.standards import search_index
from inspections.filling import answer_call
from inspections.filling.models import Photo
from inspections.findings.models import FindingFile
from tests.conftest import make_config
from wsgi import create_app


@pytest.fixture
def empty_database_url(database_url, tmp_path):
    """A new, empty database of the same kind as the suite's.

    PostgreSQL: a new schema of the suite's database, the only one on the connections'
    search_path (so the migrations, their types and alembic_version all land in it, and
    nothing of the suite's own schema is seen), dropped afterwards. A schema, not a database:
    DROP DATABASE waits for a checkpoint, which on a busy disk took half a minute."""
    if not database_url.startswith("postgresql"):
        yield f"sqlite:///{tmp_path / 'migrations.sqlite'}"
        return
    url = sa.engine.make_url(database_url)
    schema = f"mig_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    try:
        options = url.query.get("options", "")
        options = f"{options} -c search_path={schema} -c application_name={schema}".strip()
        yield url.update_query_dict({"options": options}).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            # as DROP DATABASE ... WITH (FORCE) did: no connection left behind holds it
            conn.execute(
                sa.text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE application_name = :name AND pid <> pg_backend_pid()"
                ),
                {"name": schema},
            )
            conn.execute(sa.text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


def test_upgrade_matches_models_and_downgrades(empty_database_url):
    app = create_app(make_config(empty_database_url))
    with app.app_context():
        upgrade()
        with db.engine.connect() as conn:
            context = MigrationContext.configure(
                conn,
                opts={
                    "compare_type": True,
                    "render_as_batch": True,
                    "include_name": search_index.include_name,
                    "include_object": search_index.include_object,
                },
            )
            with warnings.catch_warnings():
                # SQLite cannot reflect the PostgreSQL-only expression index; it is excluded.
                warnings.filterwarnings("ignore", "autogenerate skipping metadata-specified")
                diff = compare_metadata(context, db.metadata)
        assert diff == [], f"models and migrations differ; run make migration: {diff}"
        assert _answer_function_held() == (db.engine.dialect.name == "postgresql")
        downgrade(revision="base")
        assert not _answer_function_held()
        with db.engine.connect() as conn:
            left = set(sa.inspect(conn).get_table_names())
            assert left <= {"alembic_version"}, left
        db.engine.dispose()


def _answer_function_held() -> bool:
    """Whether the database holds the answer write's function (PostgreSQL: answer_call)."""
    if db.engine.dialect.name != "postgresql":
        return False
    with db.engine.connect() as conn:
        found = conn.scalar(
            sa.text(
                "SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
                "WHERE p.proname = :name AND n.nspname = current_schema()"
            ),
            {"name": answer_call.FUNCTION},
        )
    return found == 1


# --- evidence: photos and finding files become links to one stored file -------------------------

BEFORE_EVIDENCE = "0c1d2e3f4a5b"
EVIDENCE = "5e7a1d3c9b20"
SHARED, SIGNED, REPORT, AFTER = "a" * 64, "b" * 64, "c" * 64, "d" * 64
AT = dt.datetime(2026, 11, 21, 1, 30, tzinfo=dt.UTC)


def _tables(conn, *names):
    meta = sa.MetaData()
    return [sa.Table(name, meta, autoload_with=conn) for name in names]


def _rows(conn, table):
    """Every row as a dict, by id, read the same way before and after (comparable)."""
    [t] = _tables(conn, table)
    return {row["id"]: dict(row) for row in conn.execute(sa.select(t)).mappings()}


def _insert(conn, table, rows):
    """One INSERT per row (the rows name different columns)."""
    for row in rows:
        conn.execute(sa.insert(table).values(**row))


def _seed_before_evidence(conn):
    """Real rows in the schema before evidence: two inspections whose photos of two items
    share one file (then also a finding's), a signature, documents and a photo of findings."""
    users, orgs, templates, sections, items, inspections, photos, findings, files = _tables(
        conn,
        "users",
        "organisations",
        "checklist_templates",
        "template_sections",
        "template_items",
        "inspections",
        "photos",
        "findings",
        "finding_files",
    )
    _insert(
        conn,
        orgs,
        [
            {
                "id": 1,
                "kind": "enterprise",
                "name": "鑫源煤业",
                "address": "",
                "contact_person": "",
                "contact_phone": "",
                "active": True,
                "created_at": AT,
            }
        ],
    )
    _insert(
        conn,
        users,
        [
            {
                "id": 1,
                "username": "insp",
                "display_name": "检查员",
                "password_hash": "x",
                "role": "inspector",
                "active": True,
                "created_at": AT,
                "email": "",
            },
            {
                "id": 2,
                "username": "ent",
                "display_name": "企业",
                "password_hash": "x",
                "role": "enterprise",
                "organisation_id": 1,
                "active": True,
                "created_at": AT,
                "email": "",
            },
        ],
    )
    _insert(
        conn,
        templates,
        [
            {
                "id": 1,
                "lineage": "coal",
                "version": 1,
                "status": "published",
                "name": "洁净煤",
                "description": "",
                "method": "weighted",
                "grade_bands": [],
                "created_at": AT,
                "updated_at": AT,
            }
        ],
    )
    _insert(conn, sections, [{"id": 1, "template_id": 1, "position": 1, "title": "一"}])
    _insert(
        conn,
        items,
        [
            {
                "id": n,
                "template_id": 1,
                "section_id": 1,
                "position": n,
                "prompt": f"第{n}项",
                "guidance": "",
                "answer_type": "yes_no",
                "rule": {"value": "yes"},
                "weight": 1,
                "severity": "major",
                "na_allowed": False,
                "required": True,
                "scored": True,
                "validity_confirmed": True,
                "validity_note": "",
                "clause_key": "",
                "clause_text": "",
                "clause_text_hash": "",
                "source_span": "",
            }
            for n in (1, 2)
        ],
    )
    _insert(
        conn,
        inspections,
        [
            {
                "id": n,
                "uuid": f"00000000-0000-4000-8000-00000000000{n}",
                "template_id": 1,
                "organisation_id": 1,
                "project": "",
                "status": "submitted",
                "revision": 1,
                "created_at": AT,
            }
            for n in (1, 2)
        ],
    )
    photo = {
        "mime": "image/jpeg",
        "display_mime": "image/jpeg",
        "width": 2400,
        "height": 1200,
        "byte_size": 81234,
        "uploaded_by_id": 1,
        "revision": 1,
        "exif": {},
    }
    exif = {
        "exif_taken_at": AT,
        "exif_lat": Decimal("36.483300"),
        "exif_lon": Decimal("115.443300"),
        "exif": {"Make": "Huawei"},
    }
    _insert(
        conn,
        photos,
        [
            # the same file for item 1 of one inspection and item 2 of another
            {
                **photo,
                **exif,
                "id": 1,
                "inspection_id": 1,
                "item_id": 1,
                "kind": "item",
                "sha256": SHARED,
                "taken_at": AT,
                "lat": Decimal("36.480000"),
                "lon": Decimal("115.440000"),
                "uploaded_at": AT,
            },
            {
                **photo,
                **exif,
                "id": 2,
                "inspection_id": 2,
                "item_id": 2,
                "kind": "item",
                "sha256": SHARED,
                "uploaded_at": AT + dt.timedelta(hours=1),
            },
            {
                **photo,
                "id": 3,
                "inspection_id": 1,
                "kind": "signature_inspector",
                "sha256": SIGNED,
                "mime": "image/png",
                "display_mime": "image/png",
                "width": 600,
                "height": 200,
                "byte_size": 5120,
                "uploaded_at": AT,
            },
        ],
    )
    _insert(
        conn,
        findings,
        [
            {
                "id": n,
                "inspection_id": n,
                "organisation_id": 1,
                "item_id": n,
                "number": 1,
                "revision": 1,
                "template_id": 1,
                "template_version": 1,
                "clause_key": "",
                "clause_text": "",
                "clause_text_hash": "",
                "prompt": "",
                "severity": "major",
                "reason": "",
                "required_action": "",
                "status": "open",
                "deadline_start": dt.date(2026, 11, 21),
                "deadline_n": 15,
                "deadline_unit": "day",
                "due_on": dt.date(2026, 12, 6),
                "deadline_provisional": False,
                "deadline_explanation": "",
                "created_at": AT,
            }
            for n in (1, 2)
        ],
    )
    document = {
        "kind": "document",
        "mime": "application/pdf",
        "display_mime": None,
        "width": None,
        "height": None,
        "byte_size": 4321,
        "uploaded_by_id": 2,
    }
    _insert(
        conn,
        files,
        [
            # the inspection photo's file, sent again as evidence of the corrective action
            {
                "id": 1,
                "finding_id": 1,
                "kind": "photo",
                "sha256": SHARED,
                "mime": "image/jpeg",
                "display_mime": "image/jpeg",
                "filename": "现场.jpg",
                "byte_size": 81234,
                "width": 2400,
                "height": 1200,
                "uploaded_by_id": 2,
                "uploaded_at": AT + dt.timedelta(days=1),
            },
            # one report for two findings, under two names
            {
                **document,
                "id": 2,
                "finding_id": 1,
                "sha256": REPORT,
                "filename": "验收报告.pdf",
                "uploaded_at": AT - dt.timedelta(days=1),
            },
            {
                **document,
                "id": 3,
                "finding_id": 2,
                "sha256": REPORT,
                "filename": "report.pdf",
                "uploaded_at": AT,
            },
            {
                "id": 4,
                "finding_id": 2,
                "kind": "photo",
                "sha256": AFTER,
                "mime": "image/png",
                "display_mime": "image/jpeg",
                "filename": "after.png",
                "byte_size": 777,
                "width": 20,
                "height": 10,
                "uploaded_by_id": 2,
                "uploaded_at": AT,
            },
        ],
    )


PHOTO_FACTS = (
    "sha256",
    "mime",
    "display_mime",
    "width",
    "height",
    "byte_size",
    "exif_taken_at",
    "exif_lat",
    "exif_lon",
    "exif",
)
FILE_FACTS = ("kind", "sha256", "mime", "display_mime", "width", "height", "byte_size")


def test_evidence_migration_keeps_every_photo_and_file_with_its_facts(empty_database_url):
    app = create_app(make_config(empty_database_url))
    with app.app_context():
        upgrade(revision=BEFORE_EVIDENCE)
        with db.engine.begin() as conn:
            _seed_before_evidence(conn)
            photos_before, files_before = _rows(conn, "photos"), _rows(conn, "finding_files")

        upgrade()
        with db.engine.begin() as conn:
            evidence = {row["id"]: row for row in _rows(conn, "evidence").values()}
            photos, files = _rows(conn, "photos"), _rows(conn, "finding_files")
            # one row per distinct file; every link kept, under its id, pointing at its file
            assert sorted(e["sha256"] for e in evidence.values()) == [SHARED, SIGNED, REPORT, AFTER]
            assert photos.keys() == photos_before.keys() and files.keys() == files_before.keys()
            for key, old in photos_before.items():
                link, facts = photos[key], evidence[photos[key]["evidence_id"]]
                assert {n: facts[n] for n in PHOTO_FACTS} == {n: old[n] for n in PHOTO_FACTS}
                kept = (
                    "inspection_id",
                    "item_id",
                    "kind",
                    "taken_at",
                    "lat",
                    "lon",
                    "uploaded_by_id",
                    "uploaded_at",
                    "revision",
                )
                assert {n: link[n] for n in kept} == {n: old[n] for n in kept}
            for key, old in files_before.items():
                link, facts = files[key], evidence[files[key]["evidence_id"]]
                assert {n: facts[n] for n in FILE_FACTS} == {n: old[n] for n in FILE_FACTS}
                kept = ("finding_id", "event_id", "filename", "uploaded_by_id", "uploaded_at")
                assert {n: link[n] for n in kept} == {n: old[n] for n in kept}
            # the shared file: one row, with the photo's EXIF, received when it first came
            [shared] = [e for e in evidence.values() if e["sha256"] == SHARED]
            assert photos[1]["evidence_id"] == photos[2]["evidence_id"] == files[1]["evidence_id"]
            assert shared["exif"] == {"Make": "Huawei"}
            assert shared["exif_lat"] == Decimal("36.483300")
            assert shared["created_at"] == photos_before[1]["uploaded_at"]
            [report] = [e for e in evidence.values() if e["sha256"] == REPORT]
            assert report["exif"] == {} and report["created_at"] == files_before[2]["uploaded_at"]

            # what the new schema allows: the shared file for the other item of inspection 1
            [table] = _tables(conn, "photos")
            conn.execute(
                sa.insert(table).values(
                    id=5,
                    inspection_id=1,
                    item_id=2,
                    kind="item",
                    uploaded_at=AT,
                    revision=1,
                    evidence_id=photos[1]["evidence_id"],
                )
            )

        # the models read the migrated rows (the link's old names still answer)
        photo, file = db.session.get(Photo, 2), db.session.get(FindingFile, 3)
        assert (photo.sha256, photo.width, photo.exif_lon) == (SHARED, 2400, Decimal("115.4433"))
        assert (file.kind, file.mime, file.filename, file.sha256) == (
            "document",
            "application/pdf",
            "report.pdf",
            REPORT,
        )
        db.session.remove()

        downgrade(revision=BEFORE_EVIDENCE)
        with db.engine.begin() as conn:
            # back as they were; the link the old schema cannot hold (the same file twice in
            # one inspection) is gone
            assert _rows(conn, "photos") == photos_before
            assert _rows(conn, "finding_files") == files_before
            assert "evidence" not in sa.inspect(conn).get_table_names()
        upgrade()  # and forward again
        with db.engine.begin() as conn:
            assert len(_rows(conn, "evidence")) == 4 and len(_rows(conn, "photos")) == 3
        db.engine.dispose()
