"""Photo files on disk, outside ``static/``, named by the SHA-256 of the bytes received.

Each photo has three files: ``<sha>.orig`` (the upload, EXIF and all: evidence), ``<sha>.show``
(the copy people see, no EXIF) and ``<sha>.thumb``. Files are written to a temporary name and
renamed, so a crash never leaves half a file under the real name; the database row is written
after the files, so a row always has its files.
"""

from __future__ import annotations

import os
import tempfile

from flask import current_app

VARIANTS = ("orig", "show", "thumb")


def root() -> str:
    """The upload folder: ``UPLOAD_FOLDER`` or ``instance/uploads``."""
    configured = current_app.config.get("UPLOAD_FOLDER")
    return configured or os.path.join(current_app.instance_path, "uploads")


def path(sha256: str, variant: str) -> str:
    if variant not in VARIANTS or len(sha256) != 64 or not sha256.isalnum():
        raise ValueError("bad photo name")
    return os.path.join(root(), "photos", sha256[:2], f"{sha256}.{variant}")


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


def save(sha256: str, original: bytes, shown: bytes, thumbnail: bytes) -> None:
    for variant, data in (("orig", original), ("show", shown), ("thumb", thumbnail)):
        _write(path(sha256, variant), data)


def save_original(sha256: str, original: bytes) -> None:
    """A document (PDF, Office file): only the original is kept."""
    _write(path(sha256, "orig"), original)
