"""Shared fixtures: one app per test on a schema made once per run, cleaned after each test.

The database is SQLite in a temporary folder, or PostgreSQL when TEST_DATABASE_URL is set
(tests/run_suites.py sets it). The app factory never reads instance/ or the environment here.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterator

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.serving import make_server

from checklists.accounts.models import Organisation, OrgKind, Region, RegionLevel, Role, User
from checklists.core.config import normalise_database_url
from checklists.core.extensions import db
from checklists.standards import search_index
from tests import contract
from wsgi import create_app

PASSWORD = "correct-horse-9"
#: Photos stored by tests go here, never into instance/.
UPLOADS = tempfile.mkdtemp(prefix="clausecheck-test-uploads-")


@pytest.fixture(scope="session", autouse=True)
def _remove_uploads() -> Iterator[None]:
    yield
    shutil.rmtree(UPLOADS, ignore_errors=True)


def _ensure_postgres_database(url: str) -> None:
    """Create the test database if the server does not have it yet."""
    parsed = sa.engine.make_url(url)
    admin = sa.create_engine(parsed.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        exists = conn.scalar(
            sa.text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": parsed.database}
        )
        if not exists:
            conn.execute(sa.text(f'CREATE DATABASE "{parsed.database}"'))
    admin.dispose()


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = os.environ.get("TEST_DATABASE_URL")
    if url:
        url = normalise_database_url(url)
        _ensure_postgres_database(url)
        return url
    return "sqlite:///" + str(tmp_path_factory.mktemp("db") / "test.sqlite")


def make_config(database_url: str, **overrides) -> dict:
    config = {
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "SQLALCHEMY_DATABASE_URI": database_url,
        "SERVER_NAME": None,
        "UPLOAD_FOLDER": UPLOADS,
        # scrypt costs about 0.1 s of CPU per hash; the suite sets thousands of passwords.
        "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",
    }
    config.update(overrides)
    return config


@pytest.fixture(scope="session")
def _schema(database_url: str) -> Iterator[None]:
    app = create_app(make_config(database_url))
    with app.app_context():
        db.drop_all()
        db.create_all()
    yield
    with app.app_context():
        db.drop_all()
        db.engine.dispose()


def _clean(app: Flask) -> None:
    with app.app_context():
        db.session.remove()
        tables = db.metadata.sorted_tables
        with db.engine.begin() as conn:
            search_index.clear_index(conn)
            if conn.dialect.name == "postgresql":
                names = ", ".join(f'"{t.name}"' for t in tables)
                conn.execute(sa.text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
            else:
                for table in reversed(tables):
                    conn.execute(table.delete())
        db.engine.dispose()


@pytest.fixture
def app_factory(database_url: str, _schema: None) -> Iterator[Callable[..., Flask]]:
    """Build apps with config overrides; every app's data is wiped after the test."""
    made: list[Flask] = []

    def build(**overrides) -> Flask:
        app = create_app(make_config(database_url, **overrides))
        app.test_client_class = Client
        made.append(app)
        return app

    yield build
    for app in made:
        if app.config["SQLALCHEMY_DATABASE_URI"] == database_url:
            _clean(app)


class Client(FlaskClient):
    """A test client whose every request gets its own app context (fresh ``g`` and session),
    as in production, even while the test itself holds an app context for its factories."""

    def open(self, *args, **kwargs):
        with self.application.app_context():
            response = super().open(*args, **kwargs)
        request = response.request
        with self.application.app_context():
            contract.check(self.application, request.method, request.path, response)
        return response


@pytest.fixture
def app(app_factory: Callable[..., Flask]) -> Flask:
    return app_factory()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def app_ctx(app: Flask) -> Iterator[None]:
    with app.app_context():
        yield


@pytest.fixture
def make_region(app_ctx: None) -> Callable[..., Region]:
    def make(name: str = "冠县", parent: Region | None = None) -> Region:
        level = RegionLevel.TOWNSHIP if parent else RegionLevel.COUNTY
        region = Region(name=name, parent=parent, level=level)
        db.session.add(region)
        db.session.commit()
        return region

    return make


@pytest.fixture
def make_org(app_ctx: None) -> Callable[..., Organisation]:
    counter = iter(range(1, 10_000))

    def make(name: str | None = None, kind: OrgKind = OrgKind.ENTERPRISE, **fields) -> Organisation:
        org = Organisation(name=name or f"测试单位{next(counter)}", kind=kind, **fields)
        db.session.add(org)
        db.session.commit()
        return org

    return make


@pytest.fixture
def make_user(app_ctx: None, make_org: Callable[..., Organisation]) -> Callable[..., User]:
    def make(
        username: str | None = None,
        role: Role = Role.INSPECTOR,
        password: str = PASSWORD,
        **fields,
    ) -> User:
        if role == Role.ENTERPRISE and "organisation" not in fields:
            fields["organisation"] = make_org()
        user = User(username=username or f"{role.value}-{os.urandom(3).hex()}", role=role, **fields)
        user.set_password(password)
        db.session.add(user)
        db.session.commit()
        return user

    return make


def login(client: FlaskClient, user: User) -> None:
    """Log ``user`` in by setting the session (one test logs in through the real form)."""
    with client.session_transaction() as session:
        session["_user_id"] = str(user.id)
        session["_fresh"] = True


def csrf_token(client: FlaskClient, path: str = "/login") -> str:
    """The session's CSRF token, read from a page the way a browser would."""
    html = client.get(path).get_data(as_text=True)
    match = re.search(r'name="csrf-token" content="([^"]+)"', html)
    assert match, "page has no csrf-token meta tag"
    return match.group(1)


@pytest.fixture
def as_user(client: FlaskClient, make_user: Callable[..., User]) -> Callable[..., User]:
    """Create a user with a role and log the test client in as them."""

    def become(role: Role = Role.INSPECTOR, **fields) -> User:
        user = make_user(role=role, **fields)
        login(client, user)
        return user

    return become


@pytest.fixture
def live_server(app_factory) -> Iterator[str]:
    app = app_factory(SESSION_COOKIE_SECURE=False, REMEMBER_COOKIE_SECURE=False)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=5)
