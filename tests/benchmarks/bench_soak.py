"""Soak: answers and photos sent through lost responses and killed workers, on both databases.

Run: .venv/bin/python tests/benchmarks/bench_soak.py [--writers 8] [--seconds 40]
     [--kill-every 3] [--faults 0.3] [--worker-class sync|gthread] [--no-preload]
     [--only sqlite|postgresql] [--postgres-url URL | --database-url URL] [--seed 22]
About 2½ minutes with the defaults (40 s of writing per database, plus set-up and checks).
Not collected by pytest (no test_ functions). Prints figures; asserts nothing; exits 0 unless
the measurement itself broke (a database or gunicorn that would not start). Ctrl-C stops
gunicorn and removes the temporary folders and database.

The product rule under test: an answer or photo an inspector entered is never dropped (not on
a retry, not on a crash), and retries never create duplicates (an answer is known by its
client_id, a photo by its SHA-256 and its item or signature kind).

For each database (SQLite in a temporary folder; PostgreSQL in a temporary database made on
``--postgres-url`` and dropped afterwards, or the empty database ``--database-url`` names,
kept), the schema is made by the migrations (``flask db upgrade``), then four inspectors, a
published 12-item template (number, count, text, yes/no, choice and two photo items) and four
inspections assigned to all four inspectors. ``gunicorn -w 2`` serves it on a free loopback
port (sync workers, or ``--worker-class gthread`` with 4 threads each; ``--preload``, so that
a killed worker's replacement is forked with the app loaded instead of loading it for seconds),
with its files in a temporary upload folder.

``--writers`` threads then write for ``--seconds``, like the phone's outbox: each answer
(``PUT /api/v1/inspections/<uuid>/answers/<item_id>`` with its own client_id) or photo
(``POST .../photos``, a small JPEG made with Pillow, unique bytes; now and then the bytes of an
earlier photo for another item, or a signature) is one request built once and sent again,
byte for byte, until the server answers it definitively (2xx, or a 4xx refusal). Faults:

- lost responses: on ``--faults`` of the attempts (the first 8 of a write) the client closes
  the connection (a FIN or a reset) right after sending the whole request, or after a random
  0-80 ms, without reading the answer; or it loses the request itself: the connection is reset
  part-way through it. The resend follows within milliseconds (racing the original), then
  backs off;
- killed workers: every ``--kill-every`` seconds (±50 %) a random gunicorn worker that has
  loaded the app is sent SIGKILL, as long as the other one serves (the master starts another);
  its request in flight gets no answer and is resent.

After the run (and a drain: no new writes, no more kills, every write resent until answered)
the database is read directly. Answers by client_id: sent, acknowledged (2xx), stored,
duplicated (more than one row for a client_id), lost (sent and not stored, whatever the writer
was told), resent once stored (stored by an attempt whose answer never came back, then
recognised when resent: the faults that matter), refused (4xx), gave up, unexpected (rows no
writer sent); whether each stored answer holds the value and note sent, whether every answered
item has exactly one current answer and it is the latest. Photos the same by (inspection,
SHA-256, item, kind) link, with their three files (original, display copy, thumbnail) in the
upload folder. Lost and duplicated must both be 0. Also printed: requests sent, retries,
faults injected, workers killed, each attempt's outcome (status codes, connections closed
without an answer), samples of any 5xx or 4xx and the gunicorn log's tracebacks.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import http.client
import io
import json
import os
import random
import signal
import socket
import statistics
import struct
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402
from PIL import Image  # noqa: E402

from checklists.accounts.models import Organisation, OrgKind, Role, User  # noqa: E402
from checklists.authoring import operations as builder  # noqa: E402
from checklists.core import storage  # noqa: E402
from checklists.core.config import normalise_database_url  # noqa: E402
from checklists.core.extensions import db  # noqa: E402
from checklists.scoring import RuleError  # noqa: E402
from checklists.standards.models import Clause, Document  # noqa: E402
from checklists.standards.services import import_text  # noqa: E402
from inspections.filling import workflow  # noqa: E402
from inspections.filling.evidence import Evidence  # noqa: E402
from inspections.filling.models import Answer, Inspection, Photo  # noqa: E402
from wsgi import create_app  # noqa: E402

PASSWORD = "soak-password-9"
WORKERS = 2
INSPECTORS = 4
INSPECTIONS = 4
SHANGHAI = ZoneInfo("Asia/Shanghai")
#: The share of writes that are photos, and of those the share reusing an earlier photo's
#: bytes for another item, and the share of signatures.
PHOTO_SHARE, REUSE_SHARE, SIGNATURE_SHARE = 0.2, 0.15, 0.1
#: Attempts after which no more faults are injected (the write converges), and after which
#: the writer gives up; how long the drain may take.
CALM_AFTER, GIVE_UP_AFTER, DRAIN_LIMIT = 8, 200, 90.0

CHOICES = [
    {"value": "full", "label": "符合", "score": "5"},
    {"value": "mostly", "label": "基本符合", "score": "3"},
    {"value": "no", "label": "不符合", "pass": False},
]
#: The template's items: answer type → rule.
ITEMS = [
    ("number", {"op": ">=", "value": "500", "unit": "m²"}),
    ("number", {"op": "<=", "value": "80", "unit": "m"}),
    ("number", {"op": ">=", "value": "10", "unit": "t"}),
    ("count", {"op": ">=", "value": "2", "unit": "辆"}),
    ("count", {"op": ">=", "value": "1", "unit": "人"}),
    ("text", {}),
    ("text", {}),
    ("yes_no", {}),
    ("yes_no", {}),
    ("choice", {"choices": CHOICES}),
    ("photo", {}),
    ("photo", {}),
]


# --- preparing a database -----------------------------------------------------------------------


def prepare(url: str, uploads: Path) -> dict[str, Any]:
    """The schema by the migrations, users, a published template and the inspections."""
    from flask_migrate import upgrade

    app = create_app(app_config(url, uploads))
    with app.app_context():
        with contextlib.redirect_stderr(io.StringIO()):  # alembic's INFO lines
            upgrade()
        gazette = sorted((ROOT / "checklists" / "demo" / "gazettes").glob("*.txt"))[0]
        import_text(gazette.read_text(encoding="utf-8"), gazette.name)
        db.session.commit()
        clauses = db.session.scalars(
            sa.select(Clause)
            .join(Document)
            .where(Document.is_current, sa.not_(Clause.is_table))
            .order_by(Clause.document_id, Clause.position)
        ).all()
        org = Organisation(name="浸泡测试单位", kind=OrgKind.ENTERPRISE)
        author = User(username="soak-author", role=Role.AUTHOR)
        inspectors = [
            User(username=f"soak-inspector-{n}", role=Role.INSPECTOR) for n in range(INSPECTORS)
        ]
        for user in (author, *inspectors):
            user.set_password(PASSWORD)
        db.session.add_all([org, author, *inspectors])
        db.session.flush()
        template = builder.create_template("浸泡测试 12 项", author)
        section = builder.add_section(template, "现场检查")
        items: list[tuple[int, str]] = []
        for clause in clauses:
            if len(items) == len(ITEMS):
                break
            try:
                item = builder.add_item(section, clause)
            except RuleError:  # a requirement whose drafted rule does not validate: skip it
                continue
            kind, rule = ITEMS[len(items)]
            builder.update_item(
                item,
                {
                    "prompt": f"第 {len(items) + 1} 项：{item.prompt}"[: builder.PROMPT_MAX],
                    "answer_type": kind,
                    "rule": rule,
                    "severity": "major",
                    "weight": "1",
                    "na_allowed": True,
                    "required": True,
                    "scored": True,
                    "valid_from": item.valid_from,
                    "valid_to": item.valid_to,
                },
            )
            items.append((item.id, kind))
        if len(items) < len(ITEMS):
            raise SystemExit(f"only {len(items)} usable clauses in the gazette")
        builder.confirm_items(template, [i for i, _k in items], author)
        builder.publish(template, author)
        keys = []
        for _n in range(INSPECTIONS):
            inspection, _created = workflow.create_inspection(
                template,
                org,
                inspectors[0],
                planned_on=dt.datetime.now(SHANGHAI).date(),
                inspectors=inspectors,
            )
            keys.append(inspection.uuid)
        db.session.commit()
        names = [u.username for u in inspectors]
        db.session.remove()
        db.engine.dispose()
    return {"items": items, "inspections": keys, "inspectors": names}


def app_config(url: str, uploads: Path) -> dict[str, Any]:
    return {
        "SECRET_KEY": "soak",
        "SQLALCHEMY_DATABASE_URI": url,
        "SESSION_COOKIE_SECURE": False,
        "UPLOAD_FOLDER": str(uploads),
    }


@contextlib.contextmanager
def postgres_database(args: argparse.Namespace) -> Iterator[str]:
    """A temporary database on ``--postgres-url`` (dropped afterwards), or the empty database
    ``--database-url`` names (made if missing, kept)."""
    if args.database_url:
        url = normalise_database_url(args.database_url)
        target = sa.engine.make_url(url)
        admin = sa.create_engine(target.set(database="postgres"), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            if not conn.scalar(
                sa.text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": target.database}
            ):
                conn.execute(sa.text(f'CREATE DATABASE "{target.database}"'))
        admin.dispose()
        engine = sa.create_engine(url)
        with engine.connect() as conn:
            tables = sa.inspect(conn).get_table_names()
        engine.dispose()
        if tables:
            raise SystemExit(f"{target.database} is not empty ({len(tables)} tables): give another")
        yield url
        return
    server = sa.engine.make_url(normalise_database_url(args.postgres_url))
    name = f"clausecheck_soak_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    admin = sa.create_engine(server.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
        try:
            yield server.set(database=name).render_as_string(hide_password=False)
        finally:
            with admin.connect() as conn:
                conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()


# --- the server and its workers -----------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """``gunicorn -w 2`` (sync workers, or gthread with 4 threads each) on a free port, its log
    and a ready mark per worker (a file named by its pid, made once it has loaded the app) in
    ``folder``; stopped on leaving the with block."""

    def __init__(self, env: dict[str, str], folder: Path, worker_class: str, preload: bool) -> None:
        self.port = free_port()
        self.log_path = folder / "gunicorn.log"
        self.ready = folder / "ready"
        self.ready.mkdir()
        self.conf = conf = folder / "gunicorn_conf.py"
        conf.write_text(GUNICORN_CONF.format(ready=str(self.ready)), encoding="utf-8")
        self.command = [
            sys.executable,
            "-m",
            "gunicorn",
            "-c",
            str(conf),
            "-w",
            str(WORKERS),
            "-b",
            f"127.0.0.1:{self.port}",
            "--chdir",
            str(ROOT),
            "--graceful-timeout",
            "5",
            "-k",
            worker_class,
            *(["--threads", "4"] if worker_class == "gthread" else []),
            *(["--preload"] if preload else []),
            "wsgi:create_app()",
        ]
        self.env = {**os.environ, **env}
        self.proc: subprocess.Popen | None = None

    def __enter__(self) -> Server:
        self.log = self.log_path.open("wb")
        self.proc = subprocess.Popen(
            self.command, env=self.env, stdout=self.log, stderr=subprocess.STDOUT
        )
        self.booted = self.wait_ready()
        return self

    def wait_ready(self, limit: float = 120) -> float:
        """Seconds until ``/healthz`` answers 200 (a worker has loaded the app)."""
        began = time.monotonic()
        while time.monotonic() < began + limit:
            if self.proc.poll() is not None:
                raise SystemExit(f"gunicorn exited:\n{self.log_path.read_text()}")
            try:
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
                conn.request("GET", "/healthz")
                if conn.getresponse().status == 200:
                    conn.close()
                    return time.monotonic() - began
                conn.close()
            except (OSError, http.client.HTTPException):
                pass
            time.sleep(0.1)
        raise SystemExit(
            f"gunicorn did not answer within {limit:g} s:\n{self.log_path.read_text()}"
        )

    def __exit__(self, *exc) -> None:
        if self.proc is not None and self.proc.poll() is None:
            workers = self.workers()
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
                for pid in workers:  # ours (still running our config), orphaned by its end
                    with contextlib.suppress(OSError):
                        if str(self.conf).encode() in Path(f"/proc/{pid}/cmdline").read_bytes():
                            os.kill(pid, signal.SIGKILL)
        self.log.close()

    def workers(self) -> list[int]:
        """The master's children (its workers), from /proc."""
        pids: list[int] = []
        for task in Path(f"/proc/{self.proc.pid}/task").glob("*"):
            with contextlib.suppress(OSError):
                pids += [int(p) for p in (task / "children").read_text().split()]
        return pids

    def serving(self) -> list[int]:
        """The workers that have loaded the app."""
        return [pid for pid in self.workers() if (self.ready / str(pid)).exists()]

    def ready_times(self) -> list[float]:
        """When each worker (the first ones and the replacements) had loaded the app."""
        return sorted(path.stat().st_mtime for path in self.ready.iterdir())

    def problems(self) -> Counter:
        """What gunicorn logged: tracebacks, SQLite lock errors, workers it saw die."""
        text = self.log_path.read_text(errors="replace")
        return Counter(
            {
                "Traceback": text.count("Traceback"),
                "database is locked": text.count("database is locked"),
                "worker killed (signal 9) seen by master": text.count("was sent SIGKILL"),
                "WORKER TIMEOUT": text.count("WORKER TIMEOUT"),
            }
        )

    def tracebacks(self, limit: int = 3) -> list[str]:
        """The last lines of the first ``limit`` tracebacks."""
        text = self.log_path.read_text(errors="replace")
        out = []
        for chunk in text.split("Traceback (most recent call last):")[1 : limit + 1]:
            lines = [line for line in chunk.strip().splitlines() if line.strip()]
            tail = [line for line in lines if not line.startswith((" ", "\t"))]
            out.append((tail[-1] if tail else lines[-1])[:300])
        return out


GUNICORN_CONF = """\
import os


def post_worker_init(worker):
    # the soak's killer picks among the workers that have loaded the app
    open(os.path.join({ready!r}, str(worker.pid)), "w").close()
"""


class Killer(threading.Thread):
    """Every ``every`` seconds (±50 %) SIGKILLs a random gunicorn worker that has loaded the
    app (one still loading it holds no request to lose), as long as another one serves (the
    master replaces it; on a loaded machine loading the app takes seconds)."""

    def __init__(self, server: Server, every: float, seed: int) -> None:
        super().__init__(daemon=True)
        self.server, self.every = server, every
        self.rng = random.Random(seed)
        self.stop = threading.Event()
        self.kills: list[float] = []  # time.time() of each

    def run(self) -> None:
        if self.every <= 0:
            return
        while not self.stop.wait(self.every * self.rng.uniform(0.5, 1.5)):
            while not self.stop.is_set():
                serving = self.server.serving()
                if len(serving) >= 2:
                    with contextlib.suppress(ProcessLookupError):
                        os.kill(self.rng.choice(serving), signal.SIGKILL)
                        self.kills.append(time.time())
                    break
                self.stop.wait(0.05)

    def replaced_after(self) -> list[float]:
        """For each kill, the seconds until the next worker had loaded the app."""
        ready = self.server.ready_times()
        out = []
        for at in self.kills:
            later = [t for t in ready if t > at]
            if later:
                out.append(later[0] - at)
        return out


# --- the writers --------------------------------------------------------------------------------


@dataclass
class Write:
    """One answer or photo as the phone's outbox holds it: a request built once, resent as it
    is until the server answers it definitively."""

    kind: str  # "answer" or "photo"
    key: tuple  # answers: (uuid, client_id); photos: (uuid, sha256, item_id, kind)
    request: bytes
    expected: dict[str, Any] = field(default_factory=dict)
    attempts: int = 0
    outcome: str = ""  # "acknowledged", "refused", "gave_up"
    status: int | None = None
    #: When the attempt that got the definitive answer began (time.time()), and whether an
    #: earlier attempt went unanswered (a fault injected, or its worker killed).
    answered_attempt_at: float = 0.0
    unanswered_before: bool = False


class Tally:
    """What the writers did, added up under a lock."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.writes: list[Write] = []
        self.outcomes: Counter = Counter()  # each attempt: status code, injected fault, error
        self.faults: Counter = Counter()
        self.samples: list[str] = []
        #: Photo links (uuid, sha, item_id, kind) sent or being sent, and bytes by sha.
        self.links: set[tuple] = set()
        self.photos: dict[str, bytes] = {}


def http_request(method: str, path: str, headers: dict[str, str], body: bytes) -> bytes:
    lines = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1", "Connection: close"]
    lines += [f"{k}: {v}" for k, v in headers.items()]
    lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


def jpeg(rng: random.Random) -> bytes:
    """A small JPEG whose bytes no other call makes (random pixels)."""
    width, height = rng.randint(24, 64), rng.randint(24, 64)
    image = Image.frombytes("RGB", (width, height), rng.randbytes(width * height * 3))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80)
    return out.getvalue()


def multipart(fields: dict[str, str], data: bytes, boundary: str) -> bytes:
    parts = []
    for name, value in fields.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'
        )
    head = "".join(parts) + (
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="photo.jpg"\r\n'
        "Content-Type: image/jpeg\r\n\r\n"
    )
    return head.encode() + data + f"\r\n--{boundary}--\r\n".encode()


def answer_value(kind: str, rng: random.Random, n: int) -> str:
    if kind == "number":
        return str(rng.randint(1, 99999))
    if kind == "count":
        return str(rng.randint(0, 60))
    if kind == "text":
        return f"第{n}次记录：台账{rng.randint(1, 999)}号"
    if kind == "yes_no":
        return rng.choice(["yes", "no"])
    return rng.choice([c["value"] for c in CHOICES])


class Writer(threading.Thread):
    """Makes writes until ``stop_new`` is set, sending each until it is answered (or the drain
    deadline passes)."""

    def __init__(
        self,
        number: int,
        port: int,
        token: str,
        prepared: dict[str, Any],
        tally: Tally,
        args: argparse.Namespace,
        run: str,
        stop_new: threading.Event,
        deadline: list[float],
    ) -> None:
        super().__init__(daemon=True)
        self.number, self.port, self.token = number, port, token
        self.prepared, self.tally, self.args, self.run_id = prepared, tally, args, run
        self.stop_new, self.deadline = stop_new, deadline
        self.rng = random.Random(args.seed * 1000 + number)
        self.made = 0

    def run(self) -> None:
        while not self.stop_new.is_set():
            write = self.next_write()
            if write is None:
                continue
            self.send(write)
            with self.tally.lock:
                self.tally.writes.append(write)

    def next_write(self) -> Write | None:
        rng, n = self.rng, self.made
        self.made += 1
        key = rng.choice(self.prepared["inspections"])
        items = self.prepared["items"]
        headers = {"Authorization": f"Bearer {self.token}"}
        if rng.random() >= PHOTO_SHARE:
            item_id, kind = rng.choice([i for i in items if i[1] != "photo"])
            client_id = f"soak-{self.run_id}-w{self.number}-{n}"
            value = answer_value(kind, rng, n)
            note = f"备注{n}" if rng.random() < 0.3 else ""
            body = {
                "value": value,
                "answered_at": dt.datetime.now(SHANGHAI).isoformat(),
                "client_id": client_id,
            }
            if note:
                body["note"] = note
            raw = json.dumps(body, ensure_ascii=False).encode()
            path = f"/api/v1/inspections/{key}/answers/{item_id}"
            headers["Content-Type"] = "application/json"
            return Write(
                "answer",
                (key, client_id),
                http_request("PUT", path, headers, raw),
                {"value": value, "note": note, "item_id": item_id},
            )
        photo_items = [i for i, k in items if k == "photo"]
        fields: dict[str, str] = {"taken_at": dt.datetime.now(SHANGHAI).isoformat()}
        item_id, sig = rng.choice(photo_items), None
        if rng.random() < SIGNATURE_SHARE:
            item_id, sig = None, "signature_inspector"
            fields["kind"] = sig
        else:
            fields["item_id"] = str(item_id)
        data = None
        with self.tally.lock:
            if self.tally.photos and rng.random() < REUSE_SHARE:
                # the bytes of an earlier photo, for a link it does not have yet
                sha = rng.choice(sorted(self.tally.photos))
                if (key, sha, item_id, sig or "item") not in self.tally.links:
                    data = self.tally.photos[sha]
        if data is None:
            data = jpeg(rng)
        sha = storage.key_of(data)
        link = (key, sha, item_id, sig or "item")
        with self.tally.lock:
            if link in self.tally.links:
                return None
            self.tally.links.add(link)
            self.tally.photos.setdefault(sha, data)
        boundary = f"soak{uuid.uuid4().hex}"
        headers["Content-Type"] = f"multipart/form-data; boundary={boundary}"
        path = f"/api/v1/inspections/{key}/photos"
        raw = multipart(fields, data, boundary)
        return Write("photo", link, http_request("POST", path, headers, raw))

    def send(self, write: Write) -> None:
        rng = self.rng
        while True:
            if write.attempts >= GIVE_UP_AFTER or time.monotonic() > self.deadline[0]:
                write.outcome = "gave_up"
                return
            write.attempts += 1
            fault = None
            if write.attempts <= CALM_AFTER and rng.random() < self.args.faults:
                fault = rng.choices(
                    ["drop_after_send", "drop_after_delay", "lost_request"], [4, 4, 2]
                )[0]
            began = time.time()
            status, outcome, body = self.attempt(write.request, fault)
            with self.tally.lock:
                self.tally.outcomes[outcome] += 1
                if fault:
                    self.tally.faults[fault] += 1
                if status is not None and status >= 500 and len(self.tally.samples) < 5:
                    self.tally.samples.append(f"{status}: {body[:300].decode(errors='replace')}")
            if status is not None and 200 <= status < 300:
                write.outcome, write.status, write.answered_attempt_at = (
                    "acknowledged",
                    status,
                    began,
                )
                return
            if status is not None and 400 <= status < 500 and status not in (408, 429):
                write.outcome, write.status, write.answered_attempt_at = "refused", status, began
                with self.tally.lock:
                    if len(self.tally.samples) < 10:
                        self.tally.samples.append(
                            f"{status} ({write.kind}): {body[:300].decode(errors='replace')}"
                        )
                return
            write.unanswered_before = True
            # no answer, or not a definitive one: resend, soon the first times (a resend
            # racing the original), then backing off like the outbox
            time.sleep(rng.uniform(0, min(0.02 * 2 ** min(write.attempts, 6), 1.0)))

    def attempt(self, request: bytes, fault: str | None) -> tuple[int | None, str, bytes]:
        """One send: (status or None, what happened, body)."""
        try:
            sock = socket.create_connection(("127.0.0.1", self.port), timeout=60)
        except OSError as exc:
            return None, f"connect: {type(exc).__name__}", b""
        try:
            if fault == "lost_request":
                sock.sendall(request[: self.rng.randint(1, len(request) - 1)])
                reset(sock)
                return None, f"injected: {fault}", b""
            sock.sendall(request)
            if fault == "drop_after_delay":
                time.sleep(self.rng.uniform(0, 0.08))
            if fault:
                if self.rng.random() < 0.5:
                    reset(sock)
                return None, f"injected: {fault}", b""
            response = http.client.HTTPResponse(sock)
            response.begin()
            body = response.read()
            return response.status, str(response.status), body
        except (OSError, http.client.HTTPException) as exc:
            return None, f"no answer: {type(exc).__name__}", b""
        finally:
            sock.close()


def reset(sock: socket.socket) -> None:
    """Close with a TCP reset rather than a FIN (SO_LINGER 0)."""
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))


def token(port: int, username: str) -> str:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        body = json.dumps({"username": username, "password": PASSWORD})
        conn.request("POST", "/api/v1/tokens", body, {"Content-Type": "application/json"})
        response = conn.getresponse()
        payload = json.loads(response.read() or b"null")
        if response.status != 201:
            raise SystemExit(f"token for {username}: {response.status} {payload}")
        return payload["token"]
    finally:
        conn.close()


# --- counting what is stored --------------------------------------------------------------------


def stored_figures(url: str, uploads: Path, tally: Tally) -> dict[str, Any]:
    """Read the database directly and compare with what the writers sent."""
    engine = sa.create_engine(url)
    a, i, p, e = Answer.__table__, Inspection.__table__, Photo.__table__, Evidence.__table__
    with engine.connect() as conn:
        answers = conn.execute(
            sa.select(
                i.c.uuid, a.c.client_id, a.c.item_id, a.c.value, a.c.note, a.c.current,
                a.c.answered_at, a.c.id, a.c.received_at.label("at"),
            ).join(i, i.c.id == a.c.inspection_id)
        ).all()  # fmt: skip
        photos = conn.execute(
            sa.select(i.c.uuid, e.c.sha256, p.c.item_id, p.c.kind, p.c.uploaded_at.label("at"))
            .join(i, i.c.id == p.c.inspection_id)
            .join(e, e.c.id == p.c.evidence_id)
        ).all()
        evidence = conn.execute(sa.select(e.c.sha256)).scalars().all()
    engine.dispose()

    out: dict[str, Any] = {}
    by_client: dict[tuple, list] = defaultdict(list)
    per_item: dict[tuple, list] = defaultdict(list)
    for row in answers:
        by_client[(row.uuid, row.client_id)].append(row)
        per_item[(row.uuid, row.item_id)].append(row)
    sent = [w for w in tally.writes if w.kind == "answer"]
    sent_keys = {w.key for w in sent}
    out["answers"] = figures(sent, by_client)
    out["answers"]["unexpected"] = sum(1 for k in by_client if k not in sent_keys)
    differing = 0
    for w in sent:
        for row in by_client.get(w.key, []):
            wanted = w.expected
            if (str(row.value), row.note, row.item_id) != (
                wanted["value"],
                wanted["note"],
                wanted["item_id"],
            ):
                differing += 1
    out["answers"]["content differs"] = differing
    not_one_current = not_latest = 0
    for rows in per_item.values():
        current = [r for r in rows if r.current]
        if len(current) != 1:
            not_one_current += 1
            continue
        latest = max(rows, key=lambda r: (as_utc(r.answered_at), r.id))
        if latest.id != current[0].id:
            not_latest += 1
    out["answers"]["items ≠1 current"] = not_one_current
    out["answers"]["current not latest"] = not_latest

    by_link: dict[tuple, list] = defaultdict(list)
    for row in photos:
        by_link[
            (row.uuid, row.sha256, row.item_id, str(getattr(row.kind, "value", row.kind)))
        ].append(row)
    sent = [w for w in tally.writes if w.kind == "photo"]
    sent_keys = {w.key for w in sent}
    out["photos"] = figures(sent, by_link)
    out["photos"]["unexpected"] = sum(1 for k in by_link if k not in sent_keys)
    store = storage.LocalBlobStore(str(uploads))
    missing = 0
    for sha in set(evidence):
        for variant in storage.VARIANTS:
            if not store.exists(storage.variant_key(sha, variant)):
                missing += 1
    out["photos"]["files missing"] = missing
    out["photos"]["evidence rows doubled"] = len(evidence) - len(set(evidence))
    return out


def figures(sent: list[Write], stored: dict[tuple, list]) -> dict[str, int]:
    """Sent, stored, duplicated, lost... of ``sent`` against the rows ``stored`` by key (each
    row with ``at``: when the server stored it)."""
    outcome = Counter(w.outcome for w in sent)
    return {
        "sent": len(sent),
        "acknowledged": outcome["acknowledged"],
        "refused": outcome["refused"],
        "gave up": outcome["gave_up"],
        "stored": sum(1 for w in sent if stored.get(w.key)),
        "duplicated": sum(1 for w in sent if len(stored.get(w.key, [])) > 1),
        "lost": sum(1 for w in sent if not stored.get(w.key)),
        "lost after 2xx": sum(
            1 for w in sent if w.outcome == "acknowledged" and not stored.get(w.key)
        ),
        # stored by an attempt whose answer never came back (a dropped response, a worker
        # killed after its commit), then recognised when resent: the faults that matter
        "resent once stored": sum(
            1
            for w in sent
            if w.unanswered_before
            and stored.get(w.key)
            and as_utc(stored[w.key][0].at).timestamp() < w.answered_attempt_at
        ),
    }


def as_utc(moment: dt.datetime) -> dt.datetime:
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment.astimezone(dt.UTC)


# --- one database -------------------------------------------------------------------------------


def soak(name: str, url: str, tmp: Path, args: argparse.Namespace) -> dict[str, Any]:
    uploads = tmp / "uploads"
    t0 = time.perf_counter()
    prepared = prepare(url, uploads)
    print(
        f"{name}: prepared in {time.perf_counter() - t0:.1f} s ({len(prepared['items'])} items, "
        f"{len(prepared['inspections'])} inspections, {len(prepared['inspectors'])} inspectors)",
        flush=True,
    )
    env = {
        "DATABASE_URL": url,
        "SECRET_KEY": "soak",
        "SESSION_COOKIE_SECURE": "0",
        "UPLOAD_FOLDER": str(uploads),
    }
    tally = Tally()
    run = uuid.uuid4().hex[:8]
    with Server(env, tmp, args.worker_class, args.preload) as server:
        try:
            tokens = [token(server.port, user) for user in prepared["inspectors"]]
        except SystemExit as exc:
            raise SystemExit(f"{exc}\n{chr(10).join(server.tracebacks())}") from None
        stop_new = threading.Event()
        deadline = [float("inf")]
        writers = [
            Writer(n, server.port, tokens[n % len(tokens)], prepared, tally, args, run, stop_new,
                   deadline)
            for n in range(args.writers)
        ]  # fmt: skip
        killer = Killer(server, args.kill_every, args.seed)
        began = time.perf_counter()
        for thread in [*writers, killer]:
            thread.start()
        try:
            while time.perf_counter() < began + args.seconds:
                time.sleep(0.2)
            stop_new.set()
            killer.stop.set()
            # the drain: no new writes, no more kills; what is under way is resent until answered
            deadline[0] = time.monotonic() + DRAIN_LIMIT
            drain_began = time.perf_counter()
            for thread in writers:
                while thread.is_alive():
                    thread.join(0.2)
            killer.join()
            drained = time.perf_counter() - drain_began
        except BaseException:  # Ctrl-C: the writers stop at once
            deadline[0] = 0.0
            stop_new.set()
            killer.stop.set()
            raise
        # the restarted workers are up again: the server still answers
        server.wait_ready()
        logged = {k: v for k, v in server.problems().items() if v}
        replaced = killer.replaced_after()
        tracebacks = server.tracebacks()
    figures_ = stored_figures(url, uploads, tally)
    requests = sum(tally.outcomes.values())
    writes = len(tally.writes)
    return {
        "name": name,
        "wall": time.perf_counter() - t0,
        "seconds": args.seconds,
        "drained": drained,
        "requests": requests,
        "retries": requests - writes,
        "faults": tally.faults,
        "killed": len(killer.kills),
        "booted": server.booted,
        "replaced": replaced,
        "outcomes": tally.outcomes,
        "samples": tally.samples,
        "logged": logged,
        "tracebacks": tracebacks,
        **figures_,
    }


def report(r: dict[str, Any], args: argparse.Namespace) -> None:
    faults = r["faults"]
    print(
        f"\n{r['name']}: gunicorn -w {WORKERS} ({args.worker_class}"
        f"{', --preload' if args.preload else ''}), {args.writers} writers, "
        f"{r['seconds']:g} s writing + {r['drained']:.1f} s drain ({r['wall']:.0f} s in all with "
        f"the set-up), faults on {args.faults:.0%} of attempts, a worker killed every "
        f"~{args.kill_every:g} s"
    )
    print(f"  requests sent          {r['requests']:>6}")
    print(f"  retries                {r['retries']:>6}")
    print(
        f"  faults injected        {sum(faults.values()):>6}  (response dropped right after "
        f"sending {faults['drop_after_send']}, after 0-80 ms {faults['drop_after_delay']}; "
        f"request cut half-way {faults['lost_request']})"
    )
    print(
        f"  workers killed         {r['killed']:>6}  (SIGKILL; gunicorn first served after "
        f"{r['booted']:.1f} s, a killed worker's replacement had loaded the app after "
        f"{spread(r['replaced'])})"
    )
    codes = {k: v for k, v in r["outcomes"].items() if k.isdigit()}
    other = {k: v for k, v in r["outcomes"].items() if not k.isdigit() and "injected" not in k}
    print(f"  status codes           {dict(sorted(codes.items()))}")
    print(f"  closed, no answer      {dict(sorted(other.items())) or 0}  (not injected)")
    columns = ["sent", "acknowledged", "stored", "duplicated", "lost", "lost after 2xx"]
    columns += ["resent once stored", "refused", "gave up", "unexpected"]
    print("  " + " " * 8 + "".join(f"{c:>{len(c) + 2}}" for c in columns))
    for kind in ("answers", "photos"):
        print(f"  {kind:<8}" + "".join(f"{r[kind][c]:>{len(c) + 2}}" for c in columns))
    a, p = r["answers"], r["photos"]
    print(
        f"  checks: answers whose value/note differ from what was sent {a['content differs']}; "
        f"items without exactly one current answer {a['items ≠1 current']}; current answer "
        f"not the latest {a['current not latest']}; photo files missing {p['files missing']}; "
        f"evidence rows doubled {p['evidence rows doubled']}"
    )
    for sample in r["samples"]:
        print(f"  ! {sample}")
    if r["logged"]:
        print(f"  gunicorn log: {r['logged']}")
    for line in r["tracebacks"]:
        print(f"    ! {line}")


def spread(values: list[float]) -> str:
    if not values:
        return "-"
    return f"{statistics.mean(values):.1f} s on average, {max(values):.1f} s at most"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--writers", type=int, default=8, help="concurrent writer threads")
    parser.add_argument("--seconds", type=float, default=40, help="writing time per database")
    parser.add_argument(
        "--kill-every", type=float, default=3.0, help="seconds between worker kills (0: none)"
    )
    parser.add_argument(
        "--faults", type=float, default=0.3, help="share of attempts cut short by the client"
    )
    parser.add_argument(
        "--worker-class", choices=["sync", "gthread"], default="sync", help="gunicorn's -k"
    )
    parser.add_argument(
        "--preload",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="gunicorn --preload: a killed worker's replacement is forked with the app loaded "
        "(--no-preload: each loads it, as in the README's deployment; seconds on a busy machine)",
    )
    parser.add_argument("--only", choices=["sqlite", "postgresql"], help="one database only")
    parser.add_argument(
        "--postgres-url",
        default="postgresql://postgres@127.0.0.1:5432/postgres",
        help="the PostgreSQL server a temporary database is made on (and dropped)",
    )
    parser.add_argument(
        "--database-url", help="an empty PostgreSQL database to use instead (made if missing, kept)"
    )
    parser.add_argument("--seed", type=int, default=22, help="the writers' random seed")
    args = parser.parse_args()
    # Ctrl-C and SIGTERM clean up (also when started in the background, SIGINT ignored)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    started = time.perf_counter()
    results = []
    try:
        if args.only in (None, "sqlite"):
            with tempfile.TemporaryDirectory(prefix="soak-") as folder:
                tmp = Path(folder)
                results.append(soak("SQLite", f"sqlite:///{tmp}/soak.sqlite", tmp, args))
            report(results[-1], args)
        if args.only in (None, "postgresql"):
            with (
                tempfile.TemporaryDirectory(prefix="soak-") as folder,
                postgres_database(args) as url,
            ):
                results.append(soak("PostgreSQL", url, Path(folder), args))
            report(results[-1], args)
    except KeyboardInterrupt:
        print("\ninterrupted: processes stopped, temporary folders and databases removed")
        sys.exit(130)
    print()
    for r in results:
        lost = r["answers"]["lost"] + r["photos"]["lost"]
        doubled = r["answers"]["duplicated"] + r["photos"]["duplicated"]
        print(f"{r['name']}: {lost} lost, {doubled} duplicated")
    print(f"done in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
