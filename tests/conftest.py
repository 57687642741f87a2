"""Shared fixtures: one app per test on a schema made once per run, cleaned after each test.

The database is SQLite in a temporary folder, or PostgreSQL when TEST_DATABASE_URL is set
(tests/run_suites.py sets it). The app factory never reads instance/ or the environment here.
Stored files go to a temporary folder, or with TEST_BLOB_STORE=s3 (the PostgreSQL suite) to a
bucket of a real S3-compatible server started for the run (``s3_server``), a prefix per test.
"""

from __future__ import annotations

import copy
import datetime as dt
import gc
import itertools
import os
import pathlib
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TypeVar

import jinja2
import jinja2.bccache
import pytest
import sqlalchemy as sa
import werkzeug.routing.rules
from flask import Flask, current_app
from flask.testing import FlaskClient
from werkzeug.serving import make_server

from checklists.accounts.models import Organisation, OrgKind, Region, RegionLevel, Role, User
from checklists.core import storage
from checklists.core.config import normalise_database_url
from checklists.core.extensions import db
from checklists.demo import templates as demo_templates
from checklists.standards import search_index
from checklists.standards.services import import_text
from inspections.cli import load_demo
from tests import contract
from wsgi import create_app

T = TypeVar("T")
DATA = pathlib.Path(__file__).parent / "data"
PASSWORD = "correct-horse-9"
#: Photos stored by tests go here, never into instance/.
UPLOADS = tempfile.mkdtemp(prefix="clausecheck-test-uploads-")

# The run keeps thousands of long-lived objects (compiled templates and URL builders, the
# snapshots of built_once, every test's report): with the default thresholds Python walks
# them all in a full collection every few hundred allocations' worth of young collections.
# Rarer collections cost a little memory (about +170 MB) and save about a tenth of the time.
gc.set_threshold(100_000, 50, 100)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """In the PostgreSQL suite of ``make test`` (``TESTS_WITHOUT_DATABASE=elsewhere``), leave
    out what the SQLite suite beside it runs once (``_runs_elsewhere``); in either suite
    (``TEST_SUITE``, set only when both run), leave out the tests marked ``one_suite`` for the
    other one. Deselected, not skipped: they do run, once."""
    elsewhere = [item for item in items if _runs_elsewhere(item) or _in_the_other_suite(item)]
    if elsewhere:
        config.hook.pytest_deselected(items=elsewhere)
        gone = set(elsewhere)
        items[:] = [item for item in items if item not in gone]


def _runs_elsewhere(item: pytest.Item) -> bool:
    """Run once, in the SQLite suite: tests that touch no database, and the real-browser
    tests (what the phone and the pages do; the server paths they use are tested on both
    engines by the API and page tests). A test marked ``one_suite`` runs in the suite it
    names instead, database or not (a long pure test's share, to even the two suites out)."""
    if os.environ.get("TESTS_WITHOUT_DATABASE") != "elsewhere":
        return False
    if item.get_closest_marker("one_suite") is not None:
        return False
    return "database_url" not in item.fixturenames or item.get_closest_marker("browser") is not None


def _in_the_other_suite(item: pytest.Item) -> bool:
    """A long test's share for the other suite (``@pytest.mark.one_suite("postgresql")``):
    the two suites run side by side, so a long test split between them costs half the time."""
    suite = os.environ.get("TEST_SUITE")
    marker = item.get_closest_marker("one_suite")
    if marker is not None and marker.args[0] not in SUITES:  # a typo would run it in neither
        raise pytest.UsageError(f"{item.nodeid}: one_suite({marker.args[0]!r}), not in {SUITES}")
    return suite is not None and marker is not None and marker.args[0] != suite


#: The suites of ``make test`` (``TEST_SUITE``), for ``one_suite``.
SUITES = ("sqlite", "postgresql")


@pytest.fixture(scope="session", autouse=True)
def _remove_uploads() -> Iterator[None]:
    yield
    shutil.rmtree(UPLOADS, ignore_errors=True)


#: The bucket of the run's S3 server (``s3_server``).
S3_BUCKET = "clausecheck-test"
#: With TEST_BLOB_STORE=s3: the S3_* settings of every app made by ``make_config``.
_S3: dict[str, str] = {}
_prefixes = itertools.count(1)


@dataclass
class S3Server:
    """A running S3-compatible server: its URL and the settings an app needs to use it."""

    url: str
    settings: dict[str, str]

    def client(self):
        from checklists.core import s3store

        return s3store.client_for(self.settings)


@pytest.fixture(scope="session")
def s3_server() -> Iterator[S3Server]:
    """A real S3-compatible server in its own process, moto's server mode (requirements-dev),
    on a free port, with the bucket ``S3_BUCKET``; stopped at the end of the run."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = tempfile.TemporaryFile()
    command = [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)]
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    log.seek(0)
                    tail = log.read()[-2000:].decode(errors="replace")
                    raise RuntimeError(f"moto's S3 server did not start: {tail}") from None
                time.sleep(0.05)
        url = f"http://127.0.0.1:{port}"
        server = S3Server(
            url,
            {
                "S3_ENDPOINT_URL": url,
                "S3_REGION": "us-east-1",
                "S3_ACCESS_KEY_ID": "test-key",
                "S3_SECRET_ACCESS_KEY": "test-secret",
            },
        )
        server.client().create_bucket(Bucket=S3_BUCKET)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


@pytest.fixture(scope="session", autouse=True)
def _blobs_in_a_bucket(request: pytest.FixtureRequest) -> None:
    """TEST_BLOB_STORE=s3: every app of the run stores its files in the S3 server's bucket."""
    if os.environ.get("TEST_BLOB_STORE") == "s3":
        _S3.update(request.getfixturevalue("s3_server").settings)


def new_store(folder: str) -> dict[str, str]:
    """Config overrides for an app with a store of its own, empty: the upload folder
    ``folder``, or with TEST_BLOB_STORE=s3 a new prefix in the bucket."""
    if not _S3:
        return {"UPLOAD_FOLDER": folder}
    return {"UPLOAD_FOLDER": folder, "BLOB_STORE": f"s3://{S3_BUCKET}/s{next(_prefixes)}"}


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
        return _commits_not_waiting_for_the_disk(url)
    return "sqlite:///" + str(tmp_path_factory.mktemp("db") / "test.sqlite")


def _commits_not_waiting_for_the_disk(url: str) -> str:
    """PostgreSQL: the test connections' commits do not wait for the server to flush its log
    to disk (``synchronous_commit=off``, about 3 ms a commit here). What every connection sees
    is the same; only a crash of the server could lose a test database's last commits."""
    parsed = sa.engine.make_url(url)
    options = f"{parsed.query.get('options', '')} -c synchronous_commit=off".strip()
    return parsed.update_query_dict({"options": options}).render_as_string(hide_password=False)


@sa.event.listens_for(sa.engine.Engine, "connect")
def _sqlite_commits_not_waiting_for_the_disk(dbapi_connection, _record) -> None:
    """SQLite, as for PostgreSQL: commits do not wait for the disk (WAL's synchronous=NORMAL,
    after the app's own pragmas); what every connection sees is the same."""
    if isinstance(dbapi_connection, sqlite3.Connection):
        dbapi_connection.execute("PRAGMA synchronous=NORMAL")


def make_config(database_url: str, **overrides) -> dict:
    config = {
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "SQLALCHEMY_DATABASE_URI": database_url,
        "SERVER_NAME": None,
        "UPLOAD_FOLDER": UPLOADS,
        # scrypt costs about 0.1 s of CPU per hash; the suite sets thousands of passwords.
        "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",
        # jobs run when a test says so (jobs.run_pending), not in a thread beside it
        "JOB_WORKERS_IN_PROCESS": 0,
        # a revoked token is refused at once (test_auth tests the 5 seconds' keep on its own)
        "TOKEN_CACHE_SECONDS": 0,
    }
    if _S3:  # a prefix of its own (app_factory gives the apps of one test the same one)
        config.update(_S3, BLOB_STORE=f"s3://{S3_BUCKET}/s{next(_prefixes)}")
    config.update(overrides)
    return config


@pytest.fixture(scope="session")
def _schema(database_url: str) -> Iterator[None]:
    app = create_app(make_config(database_url))
    with app.app_context():
        db.drop_all()
        db.create_all()
        if db.engine.dialect.name == "postgresql":
            _pending_search_entries_kept(db.engine)
    yield
    with app.app_context():
        db.drop_all()
        db.engine.dispose()


def _pending_search_entries_kept(engine: sa.Engine) -> None:
    """PostgreSQL: the clauses' search index (GIN) keeps new entries in its pending list until
    the tests' own VACUUM (``_vacuum``) moves them in, instead of the default 4 MB, which the
    bundled gazettes' clauses fill every other time they are written back (about 0.1 s each
    time, in hundreds of tests). Searches read the pending list too: what they find is the
    same."""
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "ALTER INDEX ix_clauses_search_grams SET (gin_pending_list_limit = 65536)"
        )


def _clean(app: Flask) -> None:
    with app.app_context():
        db.session.remove()
        tables = db.metadata.sorted_tables
        with db.engine.connect() as conn:
            if conn.dialect.name == "sqlite":
                # every row goes, so no reference is left dangling: SQLite need not check each
                # deleted row's referencing tables (the connection is closed below)
                conn.exec_driver_sql("PRAGMA foreign_keys = OFF")
                conn.commit()  # ends the transaction SQLAlchemy began (the PRAGMA ran outside)
            with conn.begin():
                search_index.clear_index(conn)
                if conn.dialect.name == "postgresql":
                    _empty_postgres(conn, tables)
                else:  # only the tables that hold rows (one probe instead of a DELETE each)
                    full = _nonempty(conn, tables)
                    for table in reversed(tables):
                        if table.name in full:
                            conn.execute(table.delete())
        if db.engine.dialect.name == "postgresql" and sum(_DELETED.values()) >= VACUUM_AFTER:
            _vacuum()
        db.engine.dispose()


def _nonempty(conn: sa.Connection, tables: list[sa.Table]) -> set[str]:
    """The names of the tables that hold at least one row, in one query."""
    probes = " UNION ALL ".join(
        f"SELECT '{t.name}' WHERE EXISTS (SELECT 1 FROM \"{t.name}\")" for t in tables
    )
    return set(conn.scalars(sa.text(probes)))


#: PostgreSQL: rows deleted from each table since it was last vacuumed (the server's
#: autovacuum may be off, and dead rows would slow every later test down).
_DELETED: dict[str, int] = {}
VACUUM_AFTER = 20_000


def _empty_postgres(conn: sa.Connection, tables: list[sa.Table]) -> None:
    """What ``TRUNCATE <every table> RESTART IDENTITY CASCADE`` leaves, without its cost.

    TRUNCATE makes new files for every table it names (over a second per test for the
    schema's tables here). Instead: DELETE every row of the tables that have any, and set
    every sequence that was used back to its start, as RESTART IDENTITY does. Every row of
    those tables goes, so no reference is left dangling: the foreign-key checks (a scan of
    the referencing tables for each row deleted) are skipped when allowed (a superuser's
    ``session_replication_role``, for this transaction only); otherwise children go before
    parents. The deleted rows are vacuumed away now and then (``_vacuum``).
    """
    full = _nonempty(conn, tables)
    if full:
        if _superuser(conn):
            conn.execute(sa.text("SET LOCAL session_replication_role = replica"))
        for table in reversed(tables):
            if table.name in full:
                deleted = conn.execute(table.delete()).rowcount
                _DELETED[table.name] = _DELETED.get(table.name, 0) + deleted
    conn.execute(
        sa.text(
            "SELECT setval(format('%I.%I', schemaname, sequencename), start_value, false) "
            "FROM pg_sequences WHERE schemaname = current_schema() AND last_value IS NOT NULL"
        )
    )


def _superuser(conn: sa.Connection) -> bool:
    return conn.scalar(sa.text("SELECT current_setting('is_superuser')")) == "on"


def _vacuum() -> None:
    """VACUUM the tables rows were deleted from (outside a transaction, as it must be)."""
    names = ", ".join(f'"{name}"' for name in sorted(_DELETED))
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(sa.text(f"VACUUM {names}"))
    _DELETED.clear()


def _dump(conn: sa.Connection) -> list[tuple[sa.Table, list[dict]]]:
    """Every row of every table, parents first, each table's rows by primary key."""
    dump = []
    for table in db.metadata.sorted_tables:
        query = table.select()
        if table.primary_key.columns:
            query = query.order_by(*table.primary_key.columns)
        rows = [dict(row) for row in conn.execute(query).mappings()]
        if not table.primary_key.columns:
            rows.sort(key=repr)
        dump.append((table, rows))
    return dump


def _used_sequences(conn: sa.Connection) -> list[tuple[str, int]]:
    """PostgreSQL: each sequence that has handed out a value, and its last one."""
    if conn.dialect.name != "postgresql":
        return []
    return [
        (name, last)
        for name, last in conn.execute(
            sa.text(
                "SELECT format('%I.%I', schemaname, sequencename), last_value FROM pg_sequences "
                "WHERE schemaname = current_schema() AND last_value IS NOT NULL ORDER BY 1"
            )
        )
    ]


def _stored_files() -> set[str]:
    """The keys of the files in the current app's store (a folder or a bucket's prefix)."""
    return set(storage.blob_store().keys())


def _config_key(config: dict) -> tuple:
    """The app's settings that could change what a build writes (plain values only; not the
    bucket's prefix, which differs from test to test: the files are written back to it)."""
    plain = (str, int, float, bool, type(None), dt.timedelta, tuple, list, dict)
    return tuple(
        sorted(
            (k, repr(v)) for k, v in config.items() if isinstance(v, plain) and k != "BLOB_STORE"
        )
    )


@dataclass
class _Snapshot:
    rows: list[tuple[sa.Table, list[dict]]]
    sequences: list[tuple[str, int]]
    files: dict[str, bytes]
    result: object
    checked: bool = False
    #: SQLite: the whole database as the build left it (rows and the search index), in memory
    pages: sqlite3.Connection | None = None
    #: PostgreSQL: each table's rows as the server wrote them out (COPY ... TO STDOUT)
    copies: list[tuple[sa.Table, bytes]] = field(default_factory=list)


def _sqlite_driver(conn: sa.Connection) -> sqlite3.Connection | None:
    driver = conn.connection.driver_connection
    return driver if isinstance(driver, sqlite3.Connection) else None


_SNAPSHOTS: dict[tuple, _Snapshot] = {}


def built_once(name: str, build: Callable[[], T]) -> T:
    """``build()`` in an empty database, the first time in a run; later, what it wrote.

    For fixtures that fill the (empty) database with the same data for every test, say three
    gazettes imported and a template built from them: the first time, ``build()`` runs and
    every row, used sequence and stored file it left is kept; later calls in an empty
    database write those back (same ids, same values) instead of parsing and extracting
    again. The first write-back is read again and must equal what ``build()`` left. A
    database that is not empty, or other settings or another day, builds for real.
    ``build()`` returns plain values (ids), the same either way. Needs an app context.
    """
    app = current_app._get_current_object()
    conn = db.session.connection()
    key = (name, str(db.engine.url), dt.date.today(), _config_key(app.config))
    empty = (
        not (db.session.new or db.session.dirty or db.session.deleted)
        and not _nonempty(conn, db.metadata.sorted_tables)
        and not _used_sequences(conn)
    )
    snapshot = _SNAPSHOTS.get(key) if empty else None
    store = storage.blob_store()
    if snapshot is None:
        before = _stored_files() if empty else set()
        result = build()
        db.session.commit()
        if empty:
            conn = db.session.connection()
            files = {}
            for blob in sorted(_stored_files() - before):
                with store.open(blob) as stored:
                    files[blob] = stored.read()
            snapshot = _Snapshot(_dump(conn), _used_sequences(conn), files, result)
            driver = _sqlite_driver(conn)
            if driver is not None:
                snapshot.pages = sqlite3.connect(":memory:", check_same_thread=False)
                driver.backup(snapshot.pages)
            else:
                snapshot.copies = _copy_out(conn, snapshot.rows)
            _SNAPSHOTS[key] = snapshot
            db.session.commit()
        return result
    for blob, data in snapshot.files.items():
        store.put(data, key=blob)  # nothing is written when it is there already
    if snapshot.pages is not None:
        _write_back_pages(snapshot)
        return snapshot.result  # type: ignore[return-value]
    if conn.dialect.name == "postgresql" and _superuser(conn):
        # the rows are a consistent state written back whole: no foreign-key trigger per row
        conn.execute(sa.text("SET LOCAL session_replication_role = replica"))
    for table, data in snapshot.copies:
        _copy_in(conn, table, data)
    for sequence, last in snapshot.sequences:
        conn.execute(sa.text("SELECT setval(:s, :v, true)"), {"s": sequence, "v": last})
    db.session.commit()
    if not snapshot.checked:
        conn = db.session.connection()
        assert _dump(conn) == snapshot.rows, f"{name}: rows written back differ from the build"
        assert _used_sequences(conn) == snapshot.sequences, f"{name}: sequences differ"
        db.session.commit()
        snapshot.checked = True
    return snapshot.result  # type: ignore[return-value]


def _write_back_pages(snapshot: _Snapshot) -> None:
    """SQLite: the build's database copied back page by page (SQLite's backup API, a few
    milliseconds) over the empty one: its rows and its search index, as the build left them,
    instead of inserting the rows and indexing the clauses again. Outside any transaction
    (the copy takes its own lock); the first copy is read again and compared with the build."""
    db.session.commit()
    driver = _sqlite_driver(db.session.connection())
    db.session.commit()  # pysqlite opened no transaction for that connection: none is open
    snapshot.pages.backup(driver)
    if not snapshot.checked:
        conn = db.session.connection()
        assert _dump(conn) == snapshot.rows, "rows copied back differ from the build"
        db.session.commit()
        snapshot.checked = True


def _copy_out(conn: sa.Connection, dump: list[tuple[sa.Table, list[dict]]]) -> list:
    """PostgreSQL: the rows of each table that has any, parents first, in COPY's text format as
    the server writes them: written back by ``_copy_in`` with no conversion on our side."""
    cursor = conn.connection.driver_connection.cursor()
    copies = []
    for table, rows in dump:
        if rows:
            names = ", ".join(f'"{c.name}"' for c in table.columns)
            with cursor.copy(f'COPY "{table.name}" ({names}) TO STDOUT') as copy:
                copies.append((table, b"".join(bytes(chunk) for chunk in copy)))
    return copies


def _copy_in(conn: sa.Connection, table: sa.Table, data: bytes) -> None:
    """``_copy_out``'s rows of ``table`` back by COPY (psycopg 3), in the connection's
    transaction: several times faster than INSERTs, however batched."""
    names = ", ".join(f'"{c.name}"' for c in table.columns)
    cursor = conn.connection.driver_connection.cursor()
    with cursor.copy(f'COPY "{table.name}" ({names}) FROM STDIN') as copy:
        copy.write(data)


def import_gazettes() -> None:
    """The three gazettes of tests/data imported (parsed and extracted once a run, then their
    rows written back: ``built_once``). Needs an app context and an empty database to save
    anything; otherwise they are imported as usual."""

    def build() -> None:
        for path in sorted(DATA.glob("0*.txt")):
            import_text(path.read_text("utf-8"), path.name)
        db.session.commit()

    built_once("gazettes", build)


def load_demo_once() -> None:
    """``flask demo load``'s data (``inspections.cli.load_demo``, committed): loaded the first
    time in a run, its rows (and photo files) written back after that (``built_once``)."""

    def build() -> None:
        load_demo()
        db.session.commit()

    built_once("demo", build)


@pytest.fixture
def app_factory(database_url: str, _schema: None) -> Iterator[Callable[..., Flask]]:
    """Build apps with config overrides; every app's data is wiped after the test."""
    made: list[Flask] = []
    # one store for the test's apps: with TEST_BLOB_STORE=s3 a prefix of the bucket of its own
    store = {"BLOB_STORE": f"s3://{S3_BUCKET}/t{next(_prefixes)}"} if _S3 else {}

    def build(**overrides) -> Flask:
        app = create_app(make_config(database_url, **{**store, **overrides}))
        app.test_client_class = Client
        app.jinja_env.bytecode_cache = _TEMPLATES_COMPILED
        made.append(app)
        return app

    yield build
    for app in made:
        if app.config["SQLALCHEMY_DATABASE_URI"] == database_url:
            _clean(app)


class _CompiledTemplates(jinja2.BytecodeCache):
    """The run's compiled templates, shared by every app the tests make (each app has its own
    Jinja environment, which would compile every page it renders again): keyed by template and
    checked against its source's checksum by Jinja, so an edited template compiles anew."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


_TEMPLATES_COMPILED = _CompiledTemplates()


def _url_builders_made_once() -> None:
    """Every app the tests make compiles its ~200 URL rules, and werkzeug writes, parses and
    compiles Python code for each rule's two URL builders (about 0.3 s an app, most of a
    short test's time). The builder is a plain function of the rule's text, its parsed
    parts, its defaults and whether unknown values are appended (it reads the rule's own
    converters through ``self`` when called), so the run keeps the first one made for such a
    rule and each app's rule binds it as werkzeug would."""
    made: dict[tuple, Callable] = {}
    compile_builder = werkzeug.routing.rules.Rule._compile_builder

    def cached(rule: werkzeug.routing.rules.Rule, append_unknown: bool = True) -> Callable:
        defaults = tuple(sorted((str(k), repr(v)) for k, v in (rule.defaults or {}).items()))
        key = (rule.rule, tuple(rule._trace), defaults, append_unknown)
        if key not in made:
            made[key] = compile_builder(rule, append_unknown)
        return made[key]

    werkzeug.routing.rules.Rule._compile_builder = cached


_url_builders_made_once()


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
    """Log ``user`` in by setting the session (one test logs in through the real form): the
    id Flask-Login keeps, ``User.get_id()``, with the session version read afresh (a logout
    or a new password elsewhere has raised it)."""
    version = db.session.scalar(sa.select(User.session_version).where(User.id == user.id))
    with client.session_transaction() as session:
        session["_user_id"] = f"{user.id}:{version}"
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
    # shutdown() waits for the loop's next poll: every 0.05 s, not the default 0.5 s
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=5)


def depot_spec(repeat: bool = True) -> dict:
    """The ready-made clean-coal template's spec (a copy: ``demo_templates.build`` builds it).
    ``repeat=False``: its warehouse section (储煤厂房, filled once per warehouse) as ordinary
    items at the head of 建设标准, for the tests of ordinary items (the filling page, photos,
    offline sync) that use the depot's items and are not about repeated sections."""
    [spec] = [t for t in demo_templates.TEMPLATES if t["name"].startswith("洁净煤")]
    spec = copy.deepcopy(spec)
    if repeat:
        return spec
    sections = spec["sections"]
    [at] = [n for n, section in enumerate(sections) if len(section) > 3 and section[3]["repeat"]]
    _title, root, sheds, _settings = sections[at]
    title, _root, rest = sections[at + 1]
    sections[at : at + 2] = [(title, root, [*sheds, *rest])]
    return spec
