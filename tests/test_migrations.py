"""Migrations build the schema, and autogenerate finds no difference from the models."""

from __future__ import annotations

import uuid
import warnings

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade

from checklists.core.extensions import db
from checklists.standards import search_index
from tests.conftest import make_config
from wsgi import create_app


@pytest.fixture
def empty_database_url(database_url, tmp_path):
    """A new, empty database of the same kind as the suite's."""
    if not database_url.startswith("postgresql"):
        yield f"sqlite:///{tmp_path / 'migrations.sqlite'}"
        return
    url = sa.engine.make_url(database_url)
    name = f"{url.database}_mig_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
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
        downgrade(revision="base")
        with db.engine.connect() as conn:
            left = set(sa.inspect(conn).get_table_names())
            assert left <= {"alembic_version"}, left
        db.engine.dispose()
