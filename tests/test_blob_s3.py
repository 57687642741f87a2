"""The blob store on local disk and in an S3 bucket (a real S3 server, moto's, in its own
process: ``conftest.s3_server``): one contract for both (put, open, exists, keys, ping, send
with ETag, 304, byte ranges, attachment names, 404), nginx's X-Accel-Redirect mode, and
``flask blobs migrate`` / ``verify`` of a real upload folder to a bucket."""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import urllib.request
import uuid

import pytest
from flask import request

from checklists.core import s3store, storage
from checklists.core.s3store import S3BlobStore
from tests import test_inspections, test_workflow
from tests.conftest import S3_BUCKET
from tests.test_inspections import jpeg, upload
from tests.test_templates import by_prompt

coal = test_workflow.coal
world = test_inspections.world
started = test_inspections.started

DATA = bytes(range(256)) * 40  # 10,240 bytes
ROUTE = "/_test/blob/"
AREA = "储煤厂房建设面积"


def _prefix() -> str:
    return f"blob-test-{uuid.uuid4().hex[:8]}"


class _Closing:
    """A test client whose answers are read whole and closed (a local file's too)."""

    def __init__(self, app) -> None:
        self.client = app.test_client()

    def __getattr__(self, method: str):
        def call(*args, **kwargs):
            response = getattr(self.client, method)(*args, **kwargs)
            response.get_data()
            response.close()
            return response

        return call


def _serve(app) -> None:
    """A route sending a stored file as the app's views do, its options from the query."""

    def blob(key: str):
        args = request.args
        return storage.blob_store().send(
            key,
            mimetype="image/jpeg",
            download_name=args.get("name"),
            as_attachment="attach" in args,
            etag=args.get("etag"),
            cache_control=args.get("cc"),
        )

    app.add_url_rule(ROUTE + "<key>", "test_blob", blob)


@pytest.fixture
def make_app(app_factory, tmp_path, request):
    """An app whose store is ``kind``: "local" (a new upload folder) or "s3" (a new prefix of
    the S3 server's bucket), with a route sending its files."""

    def make(kind: str, **config):
        if kind == "local":
            config = {"BLOB_STORE": "", "UPLOAD_FOLDER": str(tmp_path / _prefix()), **config}
        else:
            server = request.getfixturevalue("s3_server")
            config = {**server.settings, "BLOB_STORE": f"s3://{S3_BUCKET}/{_prefix()}", **config}
        app = app_factory(**config)
        _serve(app)
        return app

    return make


def test_the_suite_keeps_its_files_where_it_was_asked_to(app_factory):
    """TEST_BLOB_STORE=s3 (the PostgreSQL suite of tests/run_suites.py): every app's files
    in the S3 server's bucket, a prefix per test; else on local disk."""
    with app_factory().app_context():
        store = storage.blob_store()
    if os.environ.get("TEST_BLOB_STORE") == "s3":
        assert isinstance(store, S3BlobStore) and store.bucket == S3_BUCKET
    else:
        assert isinstance(store, storage.LocalBlobStore)


@pytest.mark.parametrize("kind", ["local", "s3"])
def test_put_open_exists_keys_ping(make_app, kind):
    app = make_app(kind)
    with app.app_context():
        store = storage.blob_store()
        assert isinstance(store, S3BlobStore if kind == "s3" else storage.LocalBlobStore)
        key = store.put(DATA)
        assert key == hashlib.sha256(DATA).hexdigest()
        shown = store.put(b"the display copy", key=storage.variant_key(key, storage.SHOWN))
        assert shown == f"{key}.show"
        if kind == "s3":  # the same bytes again: nothing sent
            puts = []

            def count(**call):
                puts.append(call)

            store.client.meta.events.register("before-call.s3.PutObject", count)
            try:
                assert store.put(DATA) == key
            finally:
                store.client.meta.events.unregister("before-call.s3.PutObject", count)
            assert puts == []
            # one client per process and settings
            assert s3store.client_for(dict(app.config)) is store.client
        assert store.exists(key) and store.exists(shown)
        other = storage.key_of(b"other")
        assert not store.exists(other)
        with store.open(key) as handle:
            assert handle.read() == DATA
        with pytest.raises(storage.BlobNotFound):
            store.open(other)
        assert sorted(store.keys()) == [key, shown]
        store.ping()


@pytest.mark.parametrize("kind", ["local", "s3"])
def test_a_large_file_is_stored_streamed_and_deleted_when_it_expires(make_app, kind):
    """A job's export: put_file copies a file object in chunks (12 MB: a multipart upload on
    S3) under its hash; delete removes it, and deleting it again is no error."""
    app = make_app(kind)
    data = os.urandom(12 * 1024 * 1024 + 5)
    with app.app_context():
        store = storage.blob_store()
        with tempfile.TemporaryFile() as file:
            file.write(data)
            key, size = store.put_file(file)
        assert (key, size) == (hashlib.sha256(data).hexdigest(), len(data))
        with store.open(key) as handle:
            assert handle.read() == data
        if kind == "local":
            assert os.stat(store.path_of(key)).st_mode & 0o777 == storage.FILE_MODE
        store.delete(key)
        assert not store.exists(key)
        store.delete(key)


@pytest.mark.parametrize("kind", ["local", "s3"])
def test_send_etag_304_ranges_names_404(make_app, kind):
    app = make_app(kind)
    with app.app_context():
        key = storage.blob_store().put(DATA)
    client = _Closing(app)
    url = ROUTE + key

    full = client.get(url)
    assert full.status_code == 200 and full.data == DATA
    assert full.headers["ETag"] == f'"{key}"'
    assert full.headers["Accept-Ranges"] == "bytes"
    assert full.headers["Content-Length"] == str(len(DATA))
    assert full.headers["Content-Type"] == "image/jpeg"
    assert full.headers["Content-Disposition"] == f"inline; filename={key}.orig"
    assert full.headers["Cache-Control"] == "no-cache, max-age=0"
    assert full.headers["Last-Modified"]

    unchanged = client.get(url, headers={"If-None-Match": f'"{key}"'})
    assert unchanged.status_code == 304 and unchanged.data == b""

    part = client.get(url, headers={"Range": "bytes=100-199"})
    assert part.status_code == 206 and part.data == DATA[100:200]
    assert part.headers["Content-Range"] == f"bytes 100-199/{len(DATA)}"
    assert part.headers["Content-Length"] == "100"
    tail = client.get(url, headers={"Range": "bytes=-10"})
    assert tail.status_code == 206 and tail.data == DATA[-10:]
    assert client.get(url, headers={"Range": "bytes=20000-"}).status_code == 416
    stale = client.get(url, headers={"Range": "bytes=0-9", "If-Range": '"other"'})
    assert stale.status_code == 200 and stale.data == DATA  # If-Range names another version

    head = client.head(url)
    assert head.status_code == 200 and head.data == b""
    assert head.headers["Content-Length"] == str(len(DATA))

    named = client.get(
        url,
        query_string={
            "name": "整改报告.pdf",
            "attach": "1",
            "etag": "v1",
            "cc": "private, max-age=31536000, immutable",
        },
    )
    assert named.status_code == 200 and named.data == DATA
    disposition = named.headers["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert "filename*=UTF-8''%E6%95%B4%E6%94%B9%E6%8A%A5%E5%91%8A.pdf" in disposition
    assert named.headers["ETag"] == '"v1"'
    assert named.headers["Cache-Control"] == "private, max-age=31536000, immutable"

    assert client.get(ROUTE + storage.key_of(b"missing")).status_code == 404


def test_both_stores_answer_alike(make_app):
    """The same requests to a local and an S3 store: the same status, body and headers (the
    dates aside)."""
    apps = [make_app("local"), make_app("s3")]
    answers = []
    for app in apps:
        with app.app_context():
            key = storage.blob_store().put(DATA)
        client = _Closing(app)
        seen = []
        for headers in ({}, {"If-None-Match": f'"{key}"'}, {"Range": "bytes=5-"}):
            response = client.get(ROUTE + key, headers=headers, query_string={"name": "现场.jpg"})
            kept = {
                k: v
                for k, v in response.headers.items()
                if k not in ("Date", "Last-Modified", "Expires", "X-Request-ID")
            }
            seen.append((response.status_code, response.data, kept))
        answers.append(seen)
    for local, s3 in zip(*answers, strict=True):
        assert local[:2] == s3[:2]
        assert local[2] == s3[2], set(local[2].items()) ^ set(s3[2].items())


@pytest.mark.parametrize("kind", ["local", "s3"])
def test_x_accel_redirect_hands_the_file_to_nginx(make_app, kind):
    app = make_app(kind, BLOB_ACCEL_REDIRECT="/_blobs/")
    with app.app_context():
        store = storage.blob_store()
        key = store.put(DATA)
    client = _Closing(app)
    sent = client.get(ROUTE + key, query_string={"name": "现场.jpg", "cc": "private"})
    assert sent.status_code == 200 and sent.data == b""
    assert sent.headers["Content-Type"] == "image/jpeg"
    assert sent.headers["ETag"] == f'"{key}"'
    assert sent.headers["Cache-Control"] == "private"
    assert sent.headers["Content-Disposition"].startswith("inline; filename=")
    target = sent.headers["X-Accel-Redirect"]
    relative = f"photos/{key[:2]}/{key}.orig"
    if kind == "local":
        assert target == "/_blobs/" + relative
        # nginx's alias of UPLOAD_FOLDER: the file is there
        with open(os.path.join(store.folder, *relative.split("/")), "rb") as handle:
            assert handle.read() == DATA
    else:
        assert target.startswith(f"/_blobs/{S3_BUCKET}/{store.prefix}/{relative}?")
        assert "X-Amz-Signature=" in target
        # what nginx's proxy_pass to the endpoint fetches: the object, whole or a range
        fetched = f"{app.config['S3_ENDPOINT_URL']}/{target[len('/_blobs/') :]}"
        with urllib.request.urlopen(fetched) as answer:
            assert answer.read() == DATA
        ranged = urllib.request.Request(fetched, headers={"Range": "bytes=0-9"})
        with urllib.request.urlopen(ranged) as answer:
            assert answer.status == 206 and answer.read() == DATA[:10]
    unchanged = client.get(ROUTE + key, headers={"If-None-Match": f'"{key}"'})
    assert unchanged.status_code == 304 and "X-Accel-Redirect" not in unchanged.headers
    assert client.get(ROUTE + storage.key_of(b"missing")).status_code == 404


def test_ping_says_what_is_wrong(make_app, tmp_path):
    blocked = tmp_path / "a-file"
    blocked.write_bytes(b"")
    local = make_app("local", UPLOAD_FOLDER=str(blocked / "uploads"))
    with local.app_context(), pytest.raises(storage.BlobStoreUnavailable, match="a-file"):
        storage.blob_store().ping()
    bucketless = make_app("s3", BLOB_STORE="s3://no-such-bucket/x")
    with bucketless.app_context(), pytest.raises(storage.BlobStoreUnavailable, match="no-such"):
        storage.blob_store().ping()
    with bucketless.app_context():
        bucketless.config["BLOB_STORE"] = "/srv/uploads"
        with pytest.raises(ValueError, match="s3://bucket/prefix"):
            storage.blob_store()


# --- flask blobs migrate / verify --------------------------------------------------------------


@pytest.fixture
def app(app_factory, tmp_path):
    """The inspections' app (``world``, ``started``) on local disk, whatever the suite's store:
    its files are migrated to a bucket."""
    return app_factory(BLOB_STORE="", UPLOAD_FOLDER=str(tmp_path / "uploads"))


def _counts(output: str) -> tuple[int, ...]:
    """The counts of the summary line: (copied, already there, verified, failed) of migrate,
    (verified, failed, not checkable) of verify."""
    line = next(ln for ln in output.splitlines() if ln.startswith(("已复制", "已校验")))
    return tuple(int(n) for n in re.findall(r"(\d+) 个", line))


def _objects(client, prefix: str) -> dict[str, tuple]:
    listed = client.list_objects_v2(Bucket=S3_BUCKET, Prefix=prefix + "/")
    return {o["Key"]: (o["ETag"], o["LastModified"], o["Size"]) for o in listed["Contents"]}


def test_migrate_copies_every_file_checked_and_verify_finds_damage(
    app, world, started, s3_server, tmp_path
):
    session, key = started
    area = by_prompt(world["template"], AREA)
    photos = [
        upload(session, key, jpeg(color=(i * 60, 20, 200)), item_id=str(area.id)).json
        for i in range(3)
    ]
    photos.append(upload(session, key, jpeg(color=(0, 0, 0)), kind="signature_inspector").json)
    local_copy = session.get(photos[0]["thumbnail_url"])  # a stamped thumbnail stored too
    assert local_copy.status_code == 200
    folder = app.config["UPLOAD_FOLDER"]
    with app.app_context():
        keys = sorted(storage.blob_store().keys())
    n = len(keys)
    assert n >= 13  # 4 originals, display copies and thumbnails, a stamped thumbnail

    prefix = _prefix()
    app.config.update(s3_server.settings, BLOB_STORE=f"s3://{S3_BUCKET}/{prefix}")
    runner = app.test_cli_runner()
    first = runner.invoke(args=["blobs", "migrate", "--source", folder])
    assert first.exit_code == 0, first.output
    assert _counts(first.output) == (n, 0, n, 0)
    client = s3_server.client()
    for blob in keys:  # every object as the local file, every original's SHA-256 its name
        relative = storage.relative_name(blob)
        kept = client.get_object(Bucket=S3_BUCKET, Key=f"{prefix}/{relative}")["Body"].read()
        with open(os.path.join(folder, *relative.split("/")), "rb") as handle:
            assert kept == handle.read()
        if storage.is_original(blob):
            assert hashlib.sha256(kept).hexdigest() == blob
    # the app now sends its photos from the bucket, the same bytes
    assert session.get(photos[0]["thumbnail_url"]).data == local_copy.data

    before = _objects(client, prefix)
    again = runner.invoke(args=["blobs", "migrate", "--source", folder])
    assert again.exit_code == 0 and _counts(again.output) == (0, n, n, 0)
    assert _objects(client, prefix) == before  # nothing written

    checked = runner.invoke(args=["blobs", "verify"])
    assert checked.exit_code == 0, checked.output
    assert _counts(checked.output) == (n, 0, 0)

    # damage an original, and a thumbnail keeping its size and recorded SHA-256
    original = f"{prefix}/{storage.relative_name(photos[1]['sha256'])}"
    client.put_object(Bucket=S3_BUCKET, Key=original, Body=b"not the photo")
    thumb = f"{prefix}/{storage.relative_name(photos[2]['sha256'] + '.thumb')}"
    found = client.get_object(Bucket=S3_BUCKET, Key=thumb)
    flipped = bytearray(found["Body"].read())
    flipped[-3] ^= 0xFF
    client.put_object(Bucket=S3_BUCKET, Key=thumb, Body=bytes(flipped), Metadata=found["Metadata"])
    damaged = runner.invoke(args=["blobs", "verify"])
    assert damaged.exit_code == 1
    assert _counts(damaged.output) == (n - 2, 2, 0)
    assert original.split("/", 1)[1] in damaged.output and thumb.split("/", 1)[1] in damaged.output

    repaired = runner.invoke(args=["blobs", "migrate", "--source", folder])
    assert repaired.exit_code == 0 and _counts(repaired.output) == (2, n - 2, n, 0)
    assert runner.invoke(args=["blobs", "verify"]).exit_code == 0

    (tmp_path / "empty").mkdir()
    nothing = runner.invoke(args=["blobs", "migrate", "--source", str(tmp_path / "empty")])
    assert nothing.exit_code == 0 and "下没有存储的文件" in nothing.output

    app.config["BLOB_STORE"] = ""  # not a bucket: nothing to migrate to
    refused = runner.invoke(args=["blobs", "migrate"])
    assert refused.exit_code == 1 and "BLOB_STORE" in refused.output
