"""Moving the stored files to a bucket and checking them: ``flask blobs migrate`` and
``flask blobs verify`` (``inspections.cli``).

``migrate`` copies every file of a local upload folder (``UPLOAD_FOLDER``, or ``--source``)
to the configured bucket (``BLOB_STORE = "s3://bucket/prefix"``), reads each object back from
the bucket and checks it: an original's SHA-256 must be its name, a display copy's or
thumbnail's bytes those of the local file. An object already there with the same size is not
sent again, but it is read back and checked all the same, and sent again if it differs; so
running it again, after a failure or an interruption, finishes the work and changes nothing
that is right. Switch ``BLOB_STORE`` over once it reports no failure (files uploaded in the
meantime: run it once more after the switch).

``verify`` reads every file of the configured store: an original's SHA-256 must be its name;
a display copy's or thumbnail's must be the one recorded when it was stored in the bucket
(``x-amz-meta-sha256``); a local one has none, it is only read.
"""

from __future__ import annotations

import concurrent.futures
import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from flask_babel import gettext as _

from checklists.core import storage
from checklists.core.errors import InputError
from checklists.core.s3store import S3BlobStore

#: Why a file failed (worker threads have no app context to translate in: the main thread does).
LOCAL_DAMAGED, COPY_DIFFERS, HASH_DIFFERS, RECORD_DIFFERS = "local", "copy", "hash", "record"

#: A progress line every this many files.
PROGRESS_EVERY = 1000


def _reason(code: str) -> str:
    return {
        LOCAL_DAMAGED: _("the local file's SHA-256 differs from its name"),
        COPY_DIFFERS: _("the bucket's copy differs from the local file"),
        HASH_DIFFERS: _("its SHA-256 differs from its name"),
        RECORD_DIFFERS: _("its SHA-256 differs from the one recorded when it was stored"),
    }.get(code, code)


@dataclass
class Counts:
    copied: int = 0
    already: int = 0
    verified: int = 0
    failed: int = 0
    #: verify: display copies and thumbnails read but with no SHA-256 to check against
    unchecked: int = 0
    problems: list[tuple[str, str]] = field(default_factory=list)


def _target_bucket():
    store = storage.blob_store()
    if not isinstance(store, S3BlobStore):
        raise InputError(
            {"BLOB_STORE": _("Set BLOB_STORE to s3://bucket/prefix first: the files go there.")}
        )
    return store


def _read(store, key: str) -> bytes:
    with store.open(key) as handle:
        return handle.read()


def _copy_one(source: storage.LocalBlobStore, target, key: str) -> tuple[str, str | None]:
    """("copied", "already" or "" (not sent), None when the bucket's copy is checked, else
    why not)."""
    data = _read(source, key)
    if storage.is_original(key) and storage.key_of(data) != key:
        return "", LOCAL_DAMAGED  # never copy a damaged original over a good one

    def good() -> bool:
        kept = _read(target, key)
        if storage.is_original(key):
            return storage.key_of(kept) == key
        return kept == data

    found = target.head(key)
    how = "already"
    if found is None or found["ContentLength"] != len(data):
        target.write(key, data)
        how = "copied"
    if good():
        return how, None
    if how == "already":  # the same size, other bytes: send it again
        target.write(key, data)
        how = "copied"
        if good():
            return how, None
    return how, COPY_DIFFERS


def _check_one(store, key: str) -> str | None:
    """None when the file checks, "unchecked" when there is nothing to check it against,
    else why it fails."""
    data = _read(store, key)
    digest = hashlib.sha256(data).hexdigest()
    if storage.is_original(key):
        return None if digest == key else HASH_DIFFERS
    recorded = None
    if isinstance(store, S3BlobStore):
        found = store.head(key)
        recorded = (found or {}).get("Metadata", {}).get("sha256")
    if recorded is None:
        return "unchecked"
    return None if recorded == digest else RECORD_DIFFERS


def _run(
    work: Callable[[str], object],
    keys: Iterable[str],
    jobs: int,
    done: Callable[[str, object], None],
    echo: Callable[[str], None],
) -> None:
    """``work(key)`` for every key, ``jobs`` at a time; ``done(key, result or exception)`` in
    this thread, in the keys' order."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        futures = [(key, pool.submit(work, key)) for key in keys]
        for n, (key, future) in enumerate(futures, 1):
            try:
                result: object = future.result()
            except Exception as exc:  # the network, the disk: this file fails, the others go on
                result = exc
            done(key, result)
            if n % PROGRESS_EVERY == 0:
                echo(_("%(n)d of %(total)d files done…", n=n, total=len(futures)))


def migrate(folder: str, *, jobs: int = 8, echo: Callable[[str], None] = print) -> Counts:
    """Copy the files of the upload folder ``folder`` to the configured bucket, checking each
    (see the module). InputError when the configured store is not a bucket."""
    target = _target_bucket()
    source = storage.LocalBlobStore(folder)
    counts = Counts()

    def done(key: str, result: object) -> None:
        if isinstance(result, Exception):
            counts.failed += 1
            counts.problems.append((key, str(result) or type(result).__name__))
            return
        how, problem = result  # type: ignore[misc]
        if how == "copied":
            counts.copied += 1
        elif how == "already":
            counts.already += 1
        if problem is None:
            counts.verified += 1
        else:
            counts.failed += 1
            counts.problems.append((key, _reason(problem)))

    _run(lambda key: _copy_one(source, target, key), sorted(source.keys()), jobs, done, echo)
    return counts


def verify(*, jobs: int = 8, echo: Callable[[str], None] = print) -> Counts:
    """Read and check every file of the configured store (see the module)."""
    store = storage.blob_store()
    counts = Counts()

    def done(key: str, result: object) -> None:
        if result is None:
            counts.verified += 1
        elif result == "unchecked":
            counts.unchecked += 1
        else:
            counts.failed += 1
            reason = _reason(result) if isinstance(result, str) else str(result)
            counts.problems.append((key, reason or type(result).__name__))

    _run(lambda key: _check_one(store, key), sorted(store.keys()), jobs, done, echo)
    return counts
