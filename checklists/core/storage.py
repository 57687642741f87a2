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

``S3BlobStore`` (``checklists.core.s3store``) keeps them in an S3-compatible bucket (MinIO,
Aliyun OSS, Tencent COS, AWS) under the same names below a prefix: ``BLOB_STORE =
"s3://bucket/prefix"`` (``blob_store`` reads it; "" is the local disk). Either way files are
served from the app's own origin (``send``): the CSP allows only 'self' images and the phone's
service worker caches only same-origin answers, so never a redirect to a presigned URL.

``BLOB_ACCEL_REDIRECT`` (e.g. ``/_blobs/``): ``send`` checks access and conditions as always,
then answers with an empty body and ``X-Accel-Redirect`` for nginx to send the file itself:

- local store: ``X-Accel-Redirect: /_blobs/photos/<sha[:2]>/<sha>.<variant>``, the file's path
  under ``UPLOAD_FOLDER``. nginx needs an internal location with an ``alias`` of that folder
  (the trailing slashes matter)::

      location /_blobs/ {
          internal;
          alias /srv/clausecheck/instance/uploads/;   # UPLOAD_FOLDER
          etag off;                                   # keep the app's ETag (the key) ...
          add_header ETag $upstream_http_etag;        # ... so If-None-Match reaches the app
          add_header X-Content-Type-Options nosniff;
          add_header Content-Security-Policy $upstream_http_content_security_policy;
      }

  nginx keeps the app's Content-Type, Content-Disposition and Cache-Control and answers
  Range requests itself; ``add_header`` in a location drops the server's own ones, hence the
  two security headers repeated here.
- S3 store: ``X-Accel-Redirect: /_blobs/<path>?<query>`` of a presigned GET URL (valid
  ``s3store.ACCEL_URL_SECONDS``), for nginx to fetch from the bucket (see ``s3store``).
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import time
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from typing import Any, BinaryIO, Protocol
from urllib.parse import quote

from flask import Response, current_app, request, send_file
from werkzeug.exceptions import NotFound

ORIGINAL, SHOWN, THUMBNAIL = "orig", "show", "thumb"
VARIANTS = (ORIGINAL, SHOWN, THUMBNAIL)
_TAG = re.compile(r"[0-9a-f]{16}")
#: The folder (locally) or name prefix (in a bucket) every stored file lies under.
FILES = "photos"
#: A bucket's prefix: letters, digits and ``. _ - /`` (it ends up in URLs and nginx paths).
_PREFIX = re.compile(r"[A-Za-z0-9._/-]*")


#: Characters no file name keeps: control characters (NUL, ESC, CR, LF ...), format
#: characters (a right-to-left override turns "报告\u202efdp.exe" into "报告exe.pdf" on the
#: screen), lone surrogates, line and paragraph separators.
_NOT_IN_NAMES = {"Cc", "Cf", "Cs", "Zl", "Zp"}
#: The longest file name kept (the columns hold 200 characters).
NAME_LENGTH = 200


#: A stored file's mode: readable by its group (nginx's, for X-Accel-Redirect), no one else.
FILE_MODE = 0o640
#: Bytes read at a time when a file object is copied.
CHUNK = 1 << 20


class BlobNotFound(LookupError):
    """No file is stored under the key."""


class BlobStoreUnavailable(RuntimeError):
    """The store cannot be used now (``ping``): a folder missing or read-only, a bucket that
    does not answer or refuses the credentials."""


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


def relative_name(key: str) -> str:
    """Where the file of ``key`` lies in any store: ``photos/<sha[:2]>/<sha>.<variant>`` (under
    ``UPLOAD_FOLDER``, or below the bucket's prefix); the backup's names too."""
    sha256, variant = _split(key)
    return f"{FILES}/{sha256[:2]}/{sha256}.{variant}"


def key_of_name(name: str) -> str:
    """The key of the file named ``name`` (``relative_name``'s inverse); ValueError for a name
    no stored file has (a temporary file, a stray one)."""
    parts = name.split("/")
    if len(parts) != 3 or parts[0] != FILES:
        raise ValueError("not a stored file")
    sha256, _dot, variant = parts[2].partition(".")
    key = sha256 if variant == ORIGINAL else parts[2]
    _split(key)
    if parts[1] != sha256[:2] or not variant:
        raise ValueError("not a stored file")
    return key


def is_original(key: str) -> bool:
    """Whether ``key`` names an original, whose bytes hash to the key itself."""
    return "." not in key


class BlobStore(Protocol):
    """Where files are kept. Content-addressed: the same bytes always get the same key."""

    def put(self, data: bytes, *, key: str | None = None) -> str:
        """Store ``data`` under its key (``key_of(data)``), or under ``key`` for a copy derived
        from another file (``variant_key(sha256, SHOWN)``). Returns the key. Storing what is
        already stored changes nothing; a failed write never leaves half a file under the
        key."""
        ...

    def open(self, key: str) -> BinaryIO:
        """The file for reading (close it); BlobNotFound when nothing is stored under ``key``."""
        ...

    def put_file(self, file: BinaryIO) -> tuple[str, int]:
        """Store a (large) file object's bytes from its start under their key, without holding
        them in memory: (key, size). For a job's file (an export)."""
        ...

    def delete(self, key: str) -> None:
        """Remove what is stored under ``key`` (nothing there: nothing happens). Only for files
        that expire (a job's export); evidence is never deleted."""
        ...

    def exists(self, key: str) -> bool: ...

    def keys(self) -> Iterator[str]:
        """The key of every file stored, in no particular order (files being written, and
        names no stored file has, left out)."""
        ...

    def ping(self) -> None:
        """Return if the store can be used now; BlobStoreUnavailable (with the reason) if not:
        a local folder that cannot be made or written, a bucket that does not answer."""
        ...

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
        ``Cache-Control`` set to ``cache_control`` when given; with ``BLOB_ACCEL_REDIRECT``
        an empty body and ``X-Accel-Redirect`` for nginx. NotFound (404) when nothing is
        stored under ``key``."""
        ...


class LocalBlobStore:
    """Files on local disk under ``folder``; with ``accel`` (``BLOB_ACCEL_REDIRECT``) nginx
    sends them."""

    def __init__(self, folder: str, *, accel: str = "") -> None:
        self.folder = folder
        self.accel = accel

    def path_of(self, key: str) -> str:
        return os.path.join(self.folder, *relative_name(key).split("/"))

    def put(self, data: bytes, *, key: str | None = None) -> str:
        key = key or key_of(data)
        _write(self.path_of(key), data)
        return key

    def open(self, key: str) -> BinaryIO:
        try:
            return open(self.path_of(key), "rb")
        except FileNotFoundError as exc:
            raise BlobNotFound(key) from exc

    def put_file(self, file: BinaryIO) -> tuple[str, int]:
        digest, size = hashlib.sha256(), 0

        def chunks() -> Iterator[bytes]:
            nonlocal size
            file.seek(0)
            for chunk in iter(lambda: file.read(CHUNK), b""):
                digest.update(chunk)
                size += len(chunk)
                yield chunk

        # written under a temporary name in the folder, then renamed once the hash is known
        _write_atomically(self.folder, chunks(), lambda: self.path_of(digest.hexdigest()))
        return digest.hexdigest(), size

    def delete(self, key: str) -> None:
        try:
            os.unlink(self.path_of(key))
        except FileNotFoundError:
            pass

    def exists(self, key: str) -> bool:
        return os.path.exists(self.path_of(key))

    def keys(self) -> Iterator[str]:
        top = os.path.join(self.folder, FILES)
        for folder, _dirs, names in os.walk(top):
            relative = os.path.relpath(folder, self.folder).replace(os.sep, "/")
            for name in names:
                try:
                    yield key_of_name(f"{relative}/{name}")
                except ValueError:
                    continue  # a temporary file (.tmp-...) or a stray one

    def ping(self) -> None:
        try:
            os.makedirs(self.folder, exist_ok=True)  # a new instance has stored nothing yet
        except OSError as exc:
            raise BlobStoreUnavailable(f"{self.folder}: {exc}") from exc
        if not os.access(self.folder, os.W_OK | os.X_OK):
            raise BlobStoreUnavailable(f"{self.folder}: not writable")

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
        if self.accel:
            return accel_response(
                accel_prefix(self.accel) + relative_name(key),
                key,
                mimetype=mimetype,
                download_name=download_name,
                as_attachment=as_attachment,
                etag=etag,
                cache_control=cache_control,
            )
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
    _write_atomically(os.path.dirname(target), [data], lambda: target)


def _write_atomically(folder: str, chunks: Iterable[bytes], target: Callable[[], str]) -> None:
    """Write ``chunks`` to a temporary file in ``folder`` (synced, readable by the group), then
    rename it to ``target()`` (asked once the bytes are written): a crash never leaves half a
    file under the real name."""
    os.makedirs(folder, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=folder, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as handle:
            for chunk in chunks:
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, FILE_MODE)  # mkstemp's 0600: nginx (X-Accel-Redirect) reads too
        final = target()
        os.makedirs(os.path.dirname(final), exist_ok=True)
        os.replace(temporary, final)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


# --- what both stores send ---------------------------------------------------------------------


def describe(
    response: Response,
    key: str,
    *,
    download_name: str | None,
    as_attachment: bool,
    etag: str | None,
    cache_control: str | None,
) -> None:
    """The headers ``send_file`` sets for a local file, on a response made otherwise:
    Content-Disposition (an ASCII ``filename`` and, for other names, RFC 5987's
    ``filename*``), the ETag, ``no-cache, max-age=0`` unless ``cache_control`` is given."""
    name = safe_filename(download_name) or relative_name(key).rsplit("/", 1)[1]
    try:
        name.encode("ascii")
        names = {"filename": name}
    except UnicodeEncodeError:
        simple = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
        names = {"filename": simple, "filename*": "UTF-8''" + quote(name, safe="!#$&+-.^_`|~")}
    response.headers.set(
        "Content-Disposition", "attachment" if as_attachment else "inline", **names
    )
    response.set_etag(etag or key)
    response.cache_control.no_cache = True
    response.cache_control.max_age = 0
    response.expires = int(time.time())  # type: ignore[assignment]
    if cache_control:
        response.headers["Cache-Control"] = cache_control


def accel_prefix(configured: str) -> str:
    """``BLOB_ACCEL_REDIRECT`` as a path prefix: one leading and one trailing slash."""
    return "/" + configured.strip("/") + "/"


def accel_response(target: str, key: str, *, mimetype: str, **options) -> Response:
    """An empty answer naming ``target`` in ``X-Accel-Redirect`` for nginx to send, with the
    file's headers (``describe``); a 304 from the app itself when If-None-Match names its ETag
    (nginx answers Range requests)."""
    response = current_app.response_class(b"", mimetype=mimetype)
    describe(response, key, **options)
    response.make_conditional(request.environ)
    if response.status_code not in (304, 412):
        response.headers["X-Accel-Redirect"] = target
    return response


# --- the configured store ----------------------------------------------------------------------


def root() -> str:
    """The upload folder: ``UPLOAD_FOLDER`` or ``instance/uploads``."""
    configured = current_app.config.get("UPLOAD_FOLDER")
    return configured or os.path.join(current_app.instance_path, "uploads")


def parse_location(location: str) -> tuple[str, str]:
    """(bucket, prefix) of ``BLOB_STORE = "s3://bucket/prefix"`` (the prefix may be empty);
    ValueError for anything else."""
    scheme, _sep, rest = location.partition("://")
    bucket, _slash, prefix = rest.partition("/")
    prefix = prefix.strip("/")
    if scheme != "s3" or not bucket or not _PREFIX.fullmatch(prefix) or "//" in prefix:
        raise ValueError(
            f"BLOB_STORE must be empty (local disk) or s3://bucket/prefix, not {location!r}"
        )
    return bucket, prefix


def blob_store() -> BlobStore:
    """The current app's file store, read from the config at each call (cheap: the S3 client
    is made once per process and configuration): ``BLOB_STORE`` "" is ``UPLOAD_FOLDER`` on
    local disk, ``s3://bucket/prefix`` a bucket (``S3_*`` settings)."""
    config = current_app.config
    accel = config.get("BLOB_ACCEL_REDIRECT") or ""
    location = config.get("BLOB_STORE") or ""
    if not location:
        return LocalBlobStore(root(), accel=accel)
    bucket, prefix = parse_location(location)
    return BACKENDS["s3"](config, bucket, prefix, accel)


#: Stores other than the local disk, by scheme: ``checklists.core.s3store`` adds "s3" when it
#: is imported (``wsgi`` imports it), so that this module does not import it back.
BACKENDS: dict[str, Callable[[Any, str, str, str], BlobStore]] = {}
