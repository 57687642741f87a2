"""The blob store in an S3-compatible bucket (``BLOB_STORE = "s3://bucket/prefix"``): MinIO,
Aliyun OSS, Tencent COS, Huawei OBS or AWS, through boto3 (the reference S3 client: every one
of these documents it; their own SDKs each speak to one vendor).

Objects are named as files lie on disk, below the prefix: ``<prefix>/photos/<sha[:2]>/<sha>.
<variant>`` (``storage.relative_name``), so ``flask blobs migrate`` copies a folder as it is
and a bucket can be copied back by any S3 tool. Each object's metadata carries the SHA-256 of
its bytes (``x-amz-meta-sha256``): ``flask blobs verify`` checks display copies and thumbnails
by it, originals by their name.

A PutObject is atomic: the object appears under its name whole or not at all, never half
written; its ``Content-MD5`` makes the server refuse bytes damaged on the way. Storing what
is there already (same name, same size) sends nothing.

Files are sent through the app (``send``: ETag, 304, Range requests passed on to the bucket's
own Range, attachment names), never by redirecting the browser to the bucket. With
``BLOB_ACCEL_REDIRECT = "/_blobs/"`` the app answers ``X-Accel-Redirect: /_blobs/<path>?<query>``
of a presigned GET URL instead, and nginx fetches the object from the bucket::

    location /_blobs/ {
        internal;
        proxy_pass http://minio.internal:9000/;   # S3_ENDPOINT_URL, path-style addressing;
                                                 # S3_ADDRESSING_STYLE=virtual (Aliyun OSS):
                                                 # https://<bucket>.oss-cn-hangzhou.aliyuncs.com/
        proxy_method GET;                         # the URL is signed for GET (a HEAD too)
        proxy_pass_request_body off;
        proxy_set_header Content-Length "";
        proxy_set_header Authorization "";
        proxy_set_header Cookie "";
        proxy_hide_header Set-Cookie;
        proxy_hide_header x-amz-request-id;
        proxy_hide_header x-amz-id-2;
        proxy_hide_header x-amz-meta-sha256;
        proxy_buffering off;
        add_header X-Content-Type-Options nosniff;
    }

(the Host nginx sends, the proxy_pass host, is the one signed). nginx keeps the app's
Content-Type, Content-Disposition and Cache-Control; the bucket answers Range and
If-None-Match itself, with its own ETag.
"""

from __future__ import annotations

import base64
import hashlib
import os
import threading
import urllib.parse
from collections.abc import Iterator, Mapping
from typing import Any, BinaryIO

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError
from flask import Response, current_app, request
from werkzeug.exceptions import NotFound

from checklists.core import storage

#: How long a presigned URL handed to nginx (``BLOB_ACCEL_REDIRECT``) stays valid: nginx uses
#: it at once; the margin is for clocks that differ.
ACCEL_URL_SECONDS = 300
#: The size of the pieces a file is streamed in.
CHUNK = 256 * 1024
#: Connect and read timeouts (seconds: a read timeout is per read, not for the whole file),
#: retries ("standard": throttling and 5xx answers, with backoff) and connections per client.
CLIENT_CONFIG = {
    "connect_timeout": 5,
    "read_timeout": 30,
    "retries": {"max_attempts": 4, "mode": "standard"},
    "max_pool_connections": 16,
    "signature_version": "s3v4",
    # only the checksums S3 requires: boto3's default CRC32 headers are refused by some
    # S3-compatible servers (older MinIO, OSS, COS); Content-MD5 is sent instead (``write``)
    "request_checksum_calculation": "when_required",
    "response_checksum_validation": "when_required",
}

_clients: dict[tuple, Any] = {}
_clients_lock = threading.Lock()


def client_for(config: Mapping[str, Any]) -> Any:
    """The boto3 S3 client for the app's ``S3_*`` settings: one per process and settings
    (boto3 clients are thread-safe; made under a lock, as making one is not; after a fork a
    process makes its own, as connections must not be shared)."""
    settings = (
        config.get("S3_ENDPOINT_URL") or None,
        config.get("S3_REGION") or None,
        config.get("S3_ACCESS_KEY_ID") or None,
        config.get("S3_SECRET_ACCESS_KEY") or None,
        config.get("S3_ADDRESSING_STYLE") or None,
    )
    ident = (os.getpid(), *settings)
    found = _clients.get(ident)
    if found is not None:
        return found
    with _clients_lock:
        found = _clients.get(ident)
        if found is None:
            endpoint, region, key_id, secret, style = settings
            options = dict(CLIENT_CONFIG)
            if style:
                options["s3"] = {"addressing_style": style}
            found = boto3.session.Session().client(
                "s3",
                endpoint_url=endpoint,
                region_name=region,
                # none given: boto3's own chain (AWS_* variables, an instance's role)
                aws_access_key_id=key_id,
                aws_secret_access_key=secret,
                config=Config(**options),
            )
            _clients[ident] = found
    return found


def _missing(exc: ClientError) -> bool:
    return exc.response.get("Error", {}).get("Code") in ("404", "NoSuchKey", "NotFound")


class S3BlobStore:
    """Files in ``bucket`` under ``prefix``; with ``accel`` (``BLOB_ACCEL_REDIRECT``) nginx
    fetches them."""

    def __init__(self, client: Any, bucket: str, prefix: str = "", *, accel: str = "") -> None:
        self.client = client
        self.bucket = bucket
        self.prefix = prefix.strip("/")
        self.accel = accel

    def name_of(self, key: str) -> str:
        """The object's name: ``<prefix>/photos/<sha[:2]>/<sha>.<variant>``."""
        name = storage.relative_name(key)
        return f"{self.prefix}/{name}" if self.prefix else name

    def head(self, key: str) -> dict | None:
        """The object's HeadObject answer (ContentLength, LastModified, Metadata), or None."""
        try:
            return self.client.head_object(Bucket=self.bucket, Key=self.name_of(key))
        except ClientError as exc:
            if _missing(exc):
                return None
            raise

    def put(self, data: bytes, *, key: str | None = None) -> str:
        key = key or storage.key_of(data)
        found = self.head(key)
        if found is None or found["ContentLength"] != len(data):
            self.write(key, data)
        return key

    def write(self, key: str, data: bytes) -> None:
        """Store ``data`` under ``key`` whatever is there (one atomic PutObject)."""
        md5 = hashlib.md5(data, usedforsecurity=False).digest()
        self.client.put_object(
            Bucket=self.bucket,
            Key=self.name_of(key),
            Body=data,
            ContentLength=len(data),
            ContentMD5=base64.b64encode(md5).decode(),
            ContentType="application/octet-stream",
            Metadata={"sha256": hashlib.sha256(data).hexdigest()},
        )

    def put_file(self, file: BinaryIO) -> tuple[str, int]:
        file.seek(0)
        digest, size = hashlib.sha256(), 0
        for chunk in iter(lambda: file.read(storage.CHUNK), b""):
            digest.update(chunk)
            size += len(chunk)
        key = digest.hexdigest()
        file.seek(0)
        # multipart beyond boto3's threshold; the object appears whole when it completes
        self.client.upload_fileobj(
            file,
            self.bucket,
            self.name_of(key),
            ExtraArgs={
                "ContentType": "application/octet-stream",
                "Metadata": {"sha256": key},
            },
        )
        return key, size

    def delete(self, key: str) -> None:
        self.client.delete_object(Bucket=self.bucket, Key=self.name_of(key))

    def open(self, key: str) -> BinaryIO:
        try:
            answer = self.client.get_object(Bucket=self.bucket, Key=self.name_of(key))
        except ClientError as exc:
            if _missing(exc):
                raise storage.BlobNotFound(key) from exc
            raise
        return answer["Body"]  # a file object (read, close, with): it checks the length

    def exists(self, key: str) -> bool:
        return self.head(key) is not None

    def keys(self) -> Iterator[str]:
        start = f"{self.prefix}/" if self.prefix else ""
        pages = self.client.get_paginator("list_objects_v2").paginate(
            Bucket=self.bucket, Prefix=f"{start}{storage.FILES}/"
        )
        for page in pages:
            for entry in page.get("Contents", ()):
                try:
                    yield storage.key_of_name(entry["Key"][len(start) :])
                except ValueError:
                    continue  # not a stored file: another tool's object

    def ping(self) -> None:
        try:
            self.client.head_bucket(Bucket=self.bucket)
        except (BotoCoreError, ClientError) as exc:
            raise storage.BlobStoreUnavailable(f"s3://{self.bucket}: {exc}") from exc

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
        found = self.head(key)
        if found is None:
            raise NotFound()
        options = {
            "download_name": download_name,
            "as_attachment": as_attachment,
            "etag": etag,
            "cache_control": cache_control,
        }
        if self.accel:
            target = self._accel_target(key)
            return storage.accel_response(target, key, mimetype=mimetype, **options)
        size = found["ContentLength"]
        response = current_app.response_class(None, mimetype=mimetype, direct_passthrough=True)
        storage.describe(response, key, **options)
        response.last_modified = found["LastModified"]
        response.content_length = size
        # 304, or a 206 with its Content-Range (or 416) as for a local file; then the body
        response.make_conditional(request.environ, accept_ranges=True, complete_length=size)
        if response.status_code == 206 and response.content_range is not None:
            first, stop = response.content_range.start, response.content_range.stop
            response.response = self._chunks(key, f"bytes={first}-{stop - 1}")
        elif response.status_code == 200:
            response.response = self._chunks(key)
        else:
            response.response = []
        return response

    def _chunks(self, key: str, byte_range: str | None = None) -> Iterator[bytes]:
        """The object's bytes (or ``byte_range`` of them, S3's Range), fetched when the
        server starts sending the body (not for a HEAD request)."""
        options = {"Range": byte_range} if byte_range else {}
        body = self.client.get_object(Bucket=self.bucket, Key=self.name_of(key), **options)
        try:
            yield from body["Body"].iter_chunks(CHUNK)
        finally:
            body["Body"].close()

    def _accel_target(self, key: str) -> str:
        url = self.client.generate_presigned_url(
            "get_object",
            Params={"Bucket": self.bucket, "Key": self.name_of(key)},
            ExpiresIn=ACCEL_URL_SECONDS,
        )
        parts = urllib.parse.urlsplit(url)
        return f"{storage.accel_prefix(self.accel)}{parts.path.lstrip('/')}?{parts.query}"


def _from_config(config: Mapping[str, Any], bucket: str, prefix: str, accel: str) -> S3BlobStore:
    return S3BlobStore(client_for(config), bucket, prefix, accel=accel)


storage.BACKENDS["s3"] = _from_config
