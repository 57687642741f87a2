"""Backup and restore of a whole instance: the database and the stored files, consistent.

``create(path)`` writes a folder: the database as of one moment (SQLite's online backup API,
which copies a consistent snapshot while others write; ``pg_dump``, which reads one snapshot
of a PostgreSQL database), then the stored files, then ``manifest.json`` (the engine, the
schema revision, each file's SHA-256 and size). The files are copied after the database: a
file is always written before the row that names it, so every row in the snapshot finds its
file in the backup (files written after the snapshot are copied too, and harm nothing).

``restore(path)`` checks every file of the backup against its manifest, refuses an instance
that already holds data, then loads the database (a copy of the SQLite file, or
``pg_restore``) and copies the files into the store. Nothing is restored if a check fails.

The files are read and written through the configured blob store (``storage.blob_store``):
with ``BLOB_STORE = "s3://..."`` ``create`` downloads every object of the bucket's prefix into
the backup folder (as large as the bucket: a bucket's own versioning or replication may suit
a large one better), and ``restore`` uploads them into the configured bucket. The backup holds
them as they lie on disk (``files/photos/<sha[:2]>/<sha>.<variant>``) either way, so a backup
of one kind of store restores onto the other.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import urllib.parse

import sqlalchemy as sa
from flask_babel import gettext as _

from checklists.core import storage
from checklists.core.errors import InputError
from checklists.core.extensions import db

MANIFEST = "manifest.json"
SQLITE_FILE = "database.sqlite"
POSTGRES_FILE = "database.pgdump"
FILES = "files"
FORMAT = 1


def _libpq_url(url: sa.URL) -> str:
    """The database URL as PostgreSQL's own tools read it: no SQLAlchemy driver name, and the
    query's spaces as %20 (libpq reads no + for a space: options=-c%20name%3Dvalue)."""
    bare = url.set(drivername="postgresql", query={}).render_as_string(hide_password=False)
    if not url.query:
        return bare
    pairs = [
        (k, v)
        for k, values in url.query.items()
        for v in ([values] if isinstance(values, str) else values)
    ]
    return f"{bare}?{urllib.parse.urlencode(pairs, quote_via=urllib.parse.quote)}"


def _sha256(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _revision() -> str | None:
    with db.engine.connect() as conn:
        if not sa.inspect(conn).has_table("alembic_version"):
            return None
        return conn.scalar(sa.text("SELECT version_num FROM alembic_version"))


def create(path: str) -> dict:
    """Write a backup of the current app's database and files into the folder ``path`` (which
    must not exist yet, or be empty). Returns the manifest."""
    if os.path.exists(path) and (not os.path.isdir(path) or os.listdir(path)):
        raise InputError({"path": _("The backup folder must be new or empty.")})
    os.makedirs(path, exist_ok=True)
    url = db.engine.url
    engine = url.get_backend_name()
    if engine == "sqlite":
        database = SQLITE_FILE
        source = sqlite3.connect(url.database)
        target = sqlite3.connect(os.path.join(path, SQLITE_FILE))
        try:
            source.backup(target)  # one consistent snapshot, while others go on writing
        finally:
            target.close()
            source.close()
    else:
        database = POSTGRES_FILE
        subprocess.run(
            ["pg_dump", "--format=custom", "--no-owner", "--no-acl", "--file",
             os.path.join(path, POSTGRES_FILE), _libpq_url(url)],
            check=True,
            capture_output=True,
        )  # fmt: skip
    files: dict[str, dict] = {}
    store = storage.blob_store()
    for key in sorted(store.keys()):  # files being written are not listed yet
        relative = storage.relative_name(key)
        target_path = os.path.join(path, FILES, *relative.split("/"))
        os.makedirs(os.path.dirname(target_path), exist_ok=True)
        try:
            with store.open(key) as source, open(target_path, "wb") as target:
                shutil.copyfileobj(source, target, 1 << 20)
        except storage.BlobNotFound:
            os.unlink(target_path)  # gone since it was listed (an expired export's file)
            continue
        files[relative] = {
            "sha256": _sha256(target_path),
            "size": os.path.getsize(target_path),
        }
    manifest = {
        "format": FORMAT,
        "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "engine": engine,
        "database": {"file": database, "sha256": _sha256(os.path.join(path, database))},
        "revision": _revision(),
        "files": files,
    }
    with open(os.path.join(path, MANIFEST), "w", encoding="utf-8") as handle:
        json.dump(manifest, handle, ensure_ascii=False, indent=1, sort_keys=True)
    return manifest


def read_manifest(path: str) -> dict:
    """The backup's manifest, after checking every file it lists (InputError naming the first
    that is missing or changed)."""
    try:
        with open(os.path.join(path, MANIFEST), encoding="utf-8") as handle:
            manifest = json.load(handle)
    except (OSError, ValueError) as exc:
        raise InputError({"path": _("Not a backup: %(reason)s", reason=str(exc))}) from exc
    if manifest.get("format") != FORMAT:
        raise InputError({"path": _("Not a backup of this version.")})
    database = manifest["database"]
    checks = [(database["file"], database["sha256"])]
    checks += [(f"{FILES}/{name}", entry["sha256"]) for name, entry in manifest["files"].items()]
    for relative, expected in checks:
        full = os.path.join(path, relative)
        if not os.path.isfile(full) or _sha256(full) != expected:
            raise InputError({"path": _("%(file)s is missing or damaged.", file=relative)})
    return manifest


def _holds_data() -> bool:
    with db.engine.connect() as conn:
        tables = [t for t in sa.inspect(conn).get_table_names() if t != "alembic_version"]
        return any(
            conn.scalar(sa.select(sa.literal(1)).select_from(sa.table(t)).limit(1)) for t in tables
        )


def restore(path: str) -> dict:
    """Restore the backup in ``path`` onto the current app's instance, which must hold no data
    (a new database, migrated or not). Returns the manifest."""
    manifest = read_manifest(path)
    url = db.engine.url
    engine = url.get_backend_name()
    if manifest["engine"] != engine:
        raise InputError(
            {"path": _("This backup is of %(engine)s, the instance uses %(other)s.",
                       engine=manifest["engine"], other=engine)}
        )  # fmt: skip
    if _holds_data():
        raise InputError({"path": _("The instance already holds data: restore onto a new one.")})
    keys = {}
    for relative in manifest["files"]:
        try:
            keys[relative] = storage.key_of_name(relative)
        except ValueError:
            raise InputError(
                {"path": _("%(file)s is not a stored file.", file=f"{FILES}/{relative}")}
            ) from None
    source = os.path.join(path, manifest["database"]["file"])
    db.session.remove()
    db.engine.dispose()
    if engine == "sqlite":
        backup = sqlite3.connect(source)
        target = sqlite3.connect(url.database)
        try:
            backup.backup(target)
        finally:
            target.close()
            backup.close()
    else:
        with db.engine.begin() as conn:  # a migrated but empty schema makes way for the dump
            conn.execute(sa.text("DROP SCHEMA public CASCADE"))
            conn.execute(sa.text("CREATE SCHEMA public"))
        db.engine.dispose()
        subprocess.run(
            ["pg_restore", "--no-owner", "--no-acl", "--exit-on-error", "--dbname",
             _libpq_url(url), source],
            check=True,
            capture_output=True,
        )  # fmt: skip
    store = storage.blob_store()
    for relative, key in keys.items():  # each written whole or not at all (BlobStore.put)
        with open(os.path.join(path, FILES, *relative.split("/")), "rb") as source:
            store.put(source.read(), key=key)
    return manifest
