"""Stored files (photos, documents) behind a small interface, ``BlobStore``: callers put bytes,
get a key back, and later open or send the file by its key. They never see where it lies.

Keys: a file's key is the SHA-256 (hex) of its bytes. A copy derived from it is keyed
``<sha256>.<variant>`` (``variant_key``): a photo keeps the upload (the original, EXIF and all:
evidence), a display copy (``show``, no EXIF) and a thumbnail (``thumb``); a document only
the original. A copy of a copy made for one use, a stamped display copy or thumbnail (the
水印 of an inspection photo), is keyed ``<sha256>.<show|thumb>-<tag>`` (``tag``: 16 hex digits
naming what was drawn), so it lies beside the others and is made again only when it changes.

``LocalBlobStore`` keeps the files on local disk, outside ``static/``, under ``UPLOAD_FOLDER``
(default ``instance/uploads``) at ``photos/<sha[:2]>/<sha>.<orig|show|thumb>``: the layout the
files have always had (stamped copies: ``<sha>.show-<tag>``, ``<sha>.thumb-<tag>``). Files are
written to a temporary name and renamed, so a crash never leaves half a file under the real
name; the database row is written after the files, so a row always has its files.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import unicodedata
from typing import BinaryIO, Protocol

from flask import Response, current_app, send_file
from werkzeug.exceptions import NotFound

ORIGINAL, SHOWN, THUMBNAIL = "orig", "show", "thumb"
VARIANTS = (ORIGINAL, SHOWN, THUMBNAIL)
_TAG = re.compile(r"[0-9a-f]{16}")


#: Characters no file name keeps: control characters (NUL, ESC, CR, LF ...), format
#: characters (a right-to-left override turns "报告\u202efdp.exe" into "报告exe.pdf" on the
#: screen), lone surrogates, line and paragraph separators.
_NOT_IN_NAMES = {"Cc", "Cf", "Cs", "Zl", "Zp"}
#: The longest file name kept (the columns hold 200 characters).
NAME_LENGTH = 200


class BlobNotFound(LookupError):
    """No file is stored under the key."""


def safe_filename(name: str | None) -> str:
    """An uploaded file's name as it is kept and sent: its last path part (a browser may send
    ``C:\\Users\\...``), without the characters no file name keeps (``_NOT_IN_NAMES``: a NUL
    cannot be stored in PostgreSQL, nor sent in a header), spaces trimmed, at most
    ``NAME_LENGTH`` characters; "" when nothing is left."""
    kept = "".join(c for c in name or "" if unicodedata.category(c) not in _NOT_IN_NAMES)
    return os.path.basename(kept.replace("\\", "/")).strip()[:NAME_LENGTH]


def key_of(data: bytes) -> str:
    """The key ``data`` is stored under: the SHA-256 of the bytes (hex)."""
    return hashlib.sha256(data).hexdigest()


def variant_key(sha256: str, variant: str, tag: str = "") -> str:
    """The key of a file's ``variant``: the SHA-256 itself for the original; with ``tag`` (16
    hex digits) the key of a copy of the display copy or thumbnail made for one use."""
    if tag:
        variant = f"{variant}-{tag}"
    key = sha256 if variant == ORIGINAL else f"{sha256}.{variant}"
    _split(key)
    return key


def _split(key: str) -> tuple[str, str]:
    """(sha256, variant) of a key; ValueError for anything else."""
    sha256, dot, variant = key.partition(".")
    if not dot:
        variant = ORIGINAL
    elif variant == ORIGINAL:
        raise ValueError("bad file key")  # the original's key is the bare SHA-256
    base, dash, tag = variant.partition("-")
    if dash and (base == ORIGINAL or not _TAG.fullmatch(tag)):
        raise ValueError("bad file key")
    if base not in VARIANTS or len(sha256) != 64 or not sha256.isalnum():
        raise ValueError("bad file key")
    return sha256, variant


class BlobStore(Protocol):
    """Where files are kept. Content-addressed: the same bytes always get the same key."""

    def put(self, data: bytes, *, key: str | None = None) -> str:
        """Store ``data`` under its key (``key_of(data)``), or under ``key`` for a copy derived
        from another file (``variant_key(sha256, SHOWN)``). Returns the key. Storing what is
        already stored changes nothing."""
        ...

    def open(self, key: str) -> BinaryIO:
        """The file for reading (close it); BlobNotFound when nothing is stored under ``key``."""
        ...

    def exists(self, key: str) -> bool: ...

    def send(
        self,
        key: str,
        *,
        mimetype: str,
        download_name: str | None = None,
        as_attachment: bool = False,
        etag: str | None = None,
        cache_control: str | None = None,
    ) -> Response:
        """The file as a response to the current request: conditional (ETag ``etag``, default
        the key; 304 on a match; byte ranges), inline or as an attachment named
        ``download_name`` (through ``safe_filename``; default ``<sha256>.<variant>``), with
        ``Cache-Control`` set to ``cache_control`` when given. NotFound (404) when nothing is
        stored under ``key``."""
        ...


class LocalBlobStore:
    """Files on local disk under ``folder``."""

    def __init__(self, folder: str) -> None:
        self.folder = folder

    def path_of(self, key: str) -> str:
        sha256, variant = _split(key)
        return os.path.join(self.folder, "photos", sha256[:2], f"{sha256}.{variant}")

    def put(self, data: bytes, *, key: str | None = None) -> str:
        key = key or key_of(data)
        _write(self.path_of(key), data)
        return key

    def open(self, key: str) -> BinaryIO:
        try:
            return open(self.path_of(key), "rb")
        except FileNotFoundError as exc:
            raise BlobNotFound(key) from exc

    def exists(self, key: str) -> bool:
        return os.path.exists(self.path_of(key))

    def send(
        self,
        key: str,
        *,
        mimetype: str,
        download_name: str | None = None,
        as_attachment: bool = False,
        etag: str | None = None,
        cache_control: str | None = None,
    ) -> Response:
        target = self.path_of(key)
        if not os.path.exists(target):
            raise NotFound()
        response = send_file(
            target,
            mimetype=mimetype,
            as_attachment=as_attachment,
            download_name=safe_filename(download_name) or os.path.basename(target),
            max_age=0,
            conditional=True,
            etag=etag or key,
        )
        if cache_control:
            response.headers["Cache-Control"] = cache_control
        return response


def _write(target: str, data: bytes) -> None:
    if os.path.exists(target) and os.path.getsize(target) == len(data):
        return  # content-addressed: the same name holds the same bytes
    folder = os.path.dirname(target)
    os.makedirs(folder, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=folder, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


def root() -> str:
    """The upload folder: ``UPLOAD_FOLDER`` or ``instance/uploads``."""
    configured = current_app.config.get("UPLOAD_FOLDER")
    return configured or os.path.join(current_app.instance_path, "uploads")


def blob_store() -> BlobStore:
    """The current app's file store (read from the config at each call: cheap)."""
    # An S3 store (a later issue) is chosen here from the config, e.g. BLOB_STORE = "s3".
    return LocalBlobStore(root())
