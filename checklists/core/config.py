"""Configuration defaults and loading.

Order: the defaults below, then ``instance/config.py``, then the environment. Tests pass a
mapping to ``create_app`` instead, which replaces the instance file and the environment.
"""

from __future__ import annotations

import os
from typing import Any

#: The placeholder secret; the app refuses to start with it outside debug and tests.
DEFAULT_SECRET_KEY = "dev-insecure-change-me"


class Defaults:
    SECRET_KEY = DEFAULT_SECRET_KEY
    #: None means SQLite in the instance folder (filled in by create_app).
    SQLALCHEMY_DATABASE_URI: str | None = None
    #: (No ``pool_pre_ping``: a pooled PostgreSQL connection idle longer than
    #: ``DATABASE_PING_AFTER`` is checked before use instead, see wsgi._ping_if_idle; a ping
    #: on every request was a round trip of every answer.)
    SQLALCHEMY_ENGINE_OPTIONS: dict[str, Any] = {}
    #: Seconds a pooled PostgreSQL connection may sit unused before it is checked (``SELECT
    #: 1``) when taken again; a dead one is replaced (the server restarted, a firewall cut it).
    DATABASE_PING_AFTER = 10.0
    #: How long (seconds) a write waits for another writer's lock (SQLite's busy timeout,
    #: PostgreSQL's lock_timeout) before the request answers 503 with Retry-After (the
    #: phone's outbox then sends it again).
    DATABASE_BUSY_TIMEOUT = 5.0
    #: The Retry-After (seconds) of a 503 answered because the database was busy.
    BUSY_RETRY_AFTER = 5
    SQLALCHEMY_TRACK_MODIFICATIONS = False

    #: How passwords are hashed (Werkzeug's method string). Checking reads the method from the
    #: stored hash, so changing it only affects passwords set afterwards.
    PASSWORD_HASH_METHOD = "scrypt"

    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    #: True unless running on plain http for local development (make run sets it to False).
    SESSION_COOKIE_SECURE = True
    #: The "stay logged in" cookie: None follows SESSION_COOKIE_SECURE.
    REMEMBER_COOKIE_SECURE: bool | None = None
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    PERMANENT_SESSION_LIFETIME = 60 * 60 * 24 * 14

    #: CSRF tokens live as long as the session: answers replayed after a long offline spell pass.
    WTF_CSRF_TIME_LIMIT = None

    #: Where failed-login counts live, shared by every worker and host: ``redis://...``, or
    #: "" for the database (``accounts.throttle``).
    RATELIMIT_STORAGE_URI = ""
    RATELIMIT_ENABLED = True
    #: Calendar months the security log keeps (at least 6: 网络安全法 第二十一条); older
    #: events are deleted by ``flask security-log prune`` (run it daily from cron).
    SECURITY_LOG_MONTHS = 6
    #: Failed logins allowed per username, known or not (``limits`` syntax).
    LOGIN_RATE_LIMIT = "5 per minute;30 per hour"
    #: Failed logins allowed per client address: enough for an office behind one NAT.
    LOGIN_ADDRESS_RATE_LIMIT = "100 per hour"

    BABEL_DEFAULT_LOCALE = "zh"
    BABEL_DEFAULT_TIMEZONE = "Asia/Shanghai"
    LANGUAGES = ("zh", "en")
    BABEL_TRANSLATION_DIRECTORIES = os.path.join(
        os.path.dirname(os.path.dirname(__file__)), "translations"
    )

    #: Upload limit for a request body (bytes).
    MAX_CONTENT_LENGTH = 32 * 1024 * 1024
    #: Where photos are stored (None: instance/uploads). Outside static/: served only to
    #: people who may see the inspection.
    UPLOAD_FOLDER: str | None = None
    #: Where stored files are kept: "" on local disk (UPLOAD_FOLDER), or s3://bucket/prefix.
    BLOB_STORE = ""
    #: The S3-compatible service's URL, e.g. https://oss-cn-hangzhou.aliyuncs.com ("": AWS).
    S3_ENDPOINT_URL = ""
    #: The bucket's region, e.g. cn-hangzhou ("": boto3's default, AWS_DEFAULT_REGION).
    S3_REGION = ""
    #: The access key ("" with the secret too: boto3's own chain, AWS_* variables, a role).
    S3_ACCESS_KEY_ID = ""
    #: The access key's secret (set it in the environment, not in a file under version control).
    S3_SECRET_ACCESS_KEY = ""
    #: "path" or "virtual" (bucket.host: Aliyun OSS needs it); "": path-style with an endpoint.
    S3_ADDRESSING_STYLE = ""
    #: nginx's internal location for X-Accel-Redirect, e.g. /_blobs/ ("": the app sends files).
    BLOB_ACCEL_REDIRECT = ""
    #: A photo's largest accepted size (bytes) and pixel count.
    PHOTO_MAX_BYTES = 15 * 1024 * 1024
    PHOTO_MAX_PIXELS = 40_000_000
    #: Number of reverse proxies in front of the app (X-Forwarded-For/Proto are trusted).
    PROXY_COUNT = 0
    #: Days an API bearer token stays valid.
    API_TOKEN_DAYS = 90

    #: A finding's default deadline by severity: "severity:N:unit,..." with unit working_day,
    #: day or hour (an inspector may set another on the finding).
    FINDING_DEADLINES = "critical:5:working_day,major:15:day,minor:30:day"
    #: The word before the year in a 整改通知书's number: 整改〔2026〕0001号.
    NOTICE_PREFIX = "整改"
    #: The issuing authority printed on the notice (e.g. 冠县应急管理局).
    NOTICE_ISSUER = ""
    #: A major hazard's deadline (挂牌督办) when neither the request nor its finding gives one,
    #: and after a failed verification: "N:unit", unit working_day, day, month or year.
    HAZARD_DEADLINE = "30:working_day"
    #: "年内" of 约谈 for repeated violations (第三条（二）6): "calendar_year" (both in the
    #: calendar year) or "rolling_12_months" (both within the 12 months up to the day).
    INTERVIEW_WINDOW = "calendar_year"
    #: The region where the 挂牌督办 and 约谈 regimes (临政办字〔2016〕10号) apply: an organisation
    #: outside it needs a recorded reason to be listed or interviewed. Empty: everywhere.
    SUPERVISION_REGION = "临淄区"
    #: The most days between inspections of an organisation on the 黑名单 (第七条 of
    #: 临政办字〔2016〕11号: 加大执法检查频次, no number given); past it, due work for supervisors.
    CREDIT_INSPECTION_INTERVAL = 90
    #: 双随机: working days after a spot check's approval by which its result must be public.
    SPOTCHECK_PUBLISH_DAYS = 20
    #: 双随机: an inspector is not drawn for an organisation they inspected in the months before
    #: a plan's period (a plan may set another number; 0: no such recusal).
    SPOTCHECK_RECUSAL_MONTHS = 12
    #: SMTP for e-mailed notifications; no MAIL_SERVER: notifications stay in the app only.
    MAIL_SERVER: str | None = None
    MAIL_PORT = 25
    MAIL_USE_TLS = False
    MAIL_USE_SSL = False
    MAIL_USERNAME: str | None = None
    MAIL_PASSWORD: str | None = None
    MAIL_FROM = "clausecheck@localhost"
    #: The service's address as users reach it (links in e-mails), e.g. https://cc.example.cn
    BASE_URL = ""

    #: Logs: "json" (one object a line) or "text"; "" = json unless debug, tests or a terminal.
    LOG_FORMAT = ""
    #: /metrics is readable from loopback, and with "Authorization: Bearer <this>" ("": no token).
    METRICS_TOKEN = ""
    #: Report errors to Sentry (or a compatible service) at this DSN ("": not at all).
    SENTRY_DSN = ""
    #: The environment and release the error reports name ("": sentry-sdk's defaults).
    SENTRY_ENVIRONMENT = ""
    SENTRY_RELEASE = ""

    #: Seconds a verified API token is trusted without a query (at most 5: a revoked token
    #: or a deactivated user stops working within this; 0: checked on every request).
    TOKEN_CACHE_SECONDS = 5.0
    #: Metres between an inspection's recorded position and its site's (or organisation's)
    #: coordinates beyond which the supervisor sees a flag (never a block).
    PLACE_FLAG_METERS = 500.0
    #: Scripts and style sheets sent minified by the app (checklists/core/assets.py).
    STATIC_MINIFY = True
    #: Job worker threads inside each web process (the embedded default: ``make run`` runs jobs
    #: with nothing else started). A city runs ``flask jobs worker`` processes and sets 0.
    JOB_WORKERS_IN_PROCESS = 1
    #: Seconds without a heartbeat after which a running job's worker counts as dead (the job
    #: goes back to the queue), and how many times a job is tried before it fails.
    JOB_STALE_SECONDS = 300
    JOB_MAX_ATTEMPTS = 3
    #: Hours a finished job's file (an export) is kept for download.
    JOB_FILE_HOURS = 24
    #: Exports with more rows than this are made by a job (导出中心), not in the request.
    EXPORT_JOB_ROWS = 20_000
    #: Gazette files larger than this (bytes) uploaded on the import page are read by a job.
    IMPORT_JOB_BYTES = 1024 * 1024


#: Environment variables read at start-up, with how to convert each one.
ENV_VARS: dict[str, type] = {
    "SECRET_KEY": str,
    "DATABASE_URL": str,
    "DATABASE_BUSY_TIMEOUT": float,
    "RATELIMIT_STORAGE_URI": str,
    "LOGIN_RATE_LIMIT": str,
    "LOGIN_ADDRESS_RATE_LIMIT": str,
    "SECURITY_LOG_MONTHS": int,
    "PASSWORD_HASH_METHOD": str,
    "SESSION_COOKIE_SECURE": bool,
    "MAX_CONTENT_LENGTH": int,
    "PROXY_COUNT": int,
    "UPLOAD_FOLDER": str,
    "BLOB_STORE": str,
    "S3_ENDPOINT_URL": str,
    "S3_REGION": str,
    "S3_ACCESS_KEY_ID": str,
    "S3_SECRET_ACCESS_KEY": str,
    "S3_ADDRESSING_STYLE": str,
    "BLOB_ACCEL_REDIRECT": str,
    "PHOTO_MAX_BYTES": int,
    "PHOTO_MAX_PIXELS": int,
    "API_TOKEN_DAYS": int,
    "FINDING_DEADLINES": str,
    "NOTICE_PREFIX": str,
    "NOTICE_ISSUER": str,
    "HAZARD_DEADLINE": str,
    "INTERVIEW_WINDOW": str,
    "SUPERVISION_REGION": str,
    "CREDIT_INSPECTION_INTERVAL": int,
    "SPOTCHECK_PUBLISH_DAYS": int,
    "SPOTCHECK_RECUSAL_MONTHS": int,
    "MAIL_SERVER": str,
    "MAIL_PORT": int,
    "MAIL_USE_TLS": bool,
    "MAIL_USE_SSL": bool,
    "MAIL_USERNAME": str,
    "MAIL_PASSWORD": str,
    "MAIL_FROM": str,
    "BASE_URL": str,
    "LOG_FORMAT": str,
    "METRICS_TOKEN": str,
    "SENTRY_DSN": str,
    "SENTRY_ENVIRONMENT": str,
    "SENTRY_RELEASE": str,
    "TOKEN_CACHE_SECONDS": float,
    "PLACE_FLAG_METERS": float,
    "DATABASE_PING_AFTER": float,
    "STATIC_MINIFY": bool,
    "JOB_WORKERS_IN_PROCESS": int,
    "JOB_STALE_SECONDS": int,
    "JOB_MAX_ATTEMPTS": int,
    "JOB_FILE_HOURS": int,
    "EXPORT_JOB_ROWS": int,
    "IMPORT_JOB_BYTES": int,
    "BABEL_DEFAULT_LOCALE": str,
}


def _to_bool(value: str) -> bool:
    return value.strip().lower() in {"1", "true", "yes", "on"}


def from_environment(environ: os._Environ[str] | dict[str, str]) -> dict[str, Any]:
    """Return the settings given in the environment, converted to their types."""
    found: dict[str, Any] = {}
    for name, kind in ENV_VARS.items():
        raw = environ.get(name)
        if raw is None or raw == "":
            continue
        if kind is bool:
            found[name] = _to_bool(raw)
        elif kind is int:
            found[name] = int(raw)
        else:
            found[name] = raw
    if "DATABASE_URL" in found:
        found["SQLALCHEMY_DATABASE_URI"] = found.pop("DATABASE_URL")
    if found.get("SESSION_COOKIE_SECURE") is not None:
        found["REMEMBER_COOKIE_SECURE"] = found["SESSION_COOKIE_SECURE"]
    return found


def normalise_database_url(url: str) -> str:
    """Point postgres URLs at the psycopg 3 driver that requirements.txt installs."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url
