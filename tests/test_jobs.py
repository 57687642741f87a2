"""Jobs (checklists.core.jobs): the queue in the database, claims that two workers never share,
a dead worker's job put back, periodic jobs once per slot across hosts (two real
``flask jobs periodic`` processes at once), exports made by a job with a progress bar and
downloaded from the 导出中心 by their owner only, files that expire, workbooks that go on on a
second sheet past Excel's last row."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import subprocess
import sys
import threading
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa
from openpyxl import load_workbook

from checklists.accounts.models import Role
from checklists.core import jobs, storage
from checklists.core.db import utcnow
from checklists.core.extensions import db
from checklists.core.jobs import Job, JobStatus, PeriodicRun
from inspections.review import exports
from tests import test_exports
from tests.conftest import csrf_token, login

ROOT = Path(__file__).resolve().parent.parent
world = test_exports.world
coal = test_exports.coal
failed = test_exports.failed

CALLS: list[int] = []


@jobs.handler("test.count")
def _count(job, progress):
    total = job.params.get("n", 3)
    for n in range(1, total + 1):
        progress(n, total, force=True)
    CALLS.append(job.id)
    out = io.BytesIO(f"counted {total}".encode())
    return jobs.Result(file=out, name="count.txt", mimetype="text/plain", summary={"n": total})


@jobs.handler("test.boom")
def _boom(job, progress):
    raise ValueError("the work failed")


def test_a_job_runs_once_reports_progress_and_keeps_its_file(app_ctx, make_user):
    owner = make_user(role=Role.SUPERVISOR)
    job = jobs.enqueue("test.count", {"n": 4}, owner=owner, title="count")
    assert job.status == JobStatus.QUEUED
    assert jobs.run_pending() == 1
    assert jobs.run_pending() == 0  # nothing left: it ran once
    db.session.refresh(job)
    assert (job.status, job.done, job.total, job.percent) == (JobStatus.DONE, 4, 4, 100)
    assert job.result == {"n": 4} and job.attempts == 1 and job.worker
    assert job.expires_at > job.finished_at
    with storage.blob_store().open(job.file_key) as handle:
        assert handle.read() == b"counted 4"
    assert job.file_size == len(b"counted 4") and job.file_name == "count.txt"


def test_the_same_client_id_is_the_same_job(app_ctx, make_user):
    owner, other = make_user(role=Role.SUPERVISOR), make_user(role=Role.SUPERVISOR)
    first = jobs.enqueue("test.count", owner=owner, client_id="abc")
    again = jobs.enqueue("test.count", owner=owner, client_id="abc")
    theirs = jobs.enqueue("test.count", owner=other, client_id="abc")
    assert first.id == again.id != theirs.id
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Job)) == 2


def test_a_failing_job_fails_alone_and_the_worker_goes_on(app_ctx):
    bad = jobs.enqueue("test.boom")
    good = jobs.enqueue("test.count")
    assert jobs.run_pending() == 2
    db.session.refresh(bad)
    db.session.refresh(good)
    assert bad.status == JobStatus.FAILED and "the work failed" in bad.message
    assert good.status == JobStatus.DONE


def test_a_dead_workers_job_goes_back_to_the_queue_then_fails(app, app_ctx):
    job = jobs.enqueue("test.count")
    assert jobs.claim("host-a:1") == job.id
    assert jobs.claim("host-b:2") is None  # taken: nobody else gets it
    long_ago = utcnow() - dt.timedelta(seconds=app.config["JOB_STALE_SECONDS"] + 5)
    db.session.execute(sa.update(Job).where(Job.id == job.id).values(heartbeat_at=long_ago))
    db.session.commit()
    assert jobs.claim("host-b:2") == job.id  # put back, then claimed again
    db.session.refresh(job)
    assert job.attempts == 2 and job.worker == "host-b:2"
    for _ in range(app.config["JOB_MAX_ATTEMPTS"] - 2):
        db.session.execute(sa.update(Job).where(Job.id == job.id).values(heartbeat_at=long_ago))
        db.session.commit()
        assert jobs.claim("host-c:3") == job.id
    db.session.execute(sa.update(Job).where(Job.id == job.id).values(heartbeat_at=long_ago))
    db.session.commit()
    assert jobs.claim("host-d:4") is None
    db.session.refresh(job)
    assert job.status == JobStatus.FAILED and "stopped" in job.message


def test_concurrent_claims_never_share_a_job(app, app_ctx):
    """Four threads (four workers) claim twenty jobs: each job is claimed exactly once."""
    made = [jobs.enqueue("test.count").id for _ in range(20)]
    taken: list[int] = []
    lock = threading.Lock()

    def work(name: str) -> None:
        with app.app_context():
            while True:
                try:
                    job_id = jobs.claim(name)
                except sa.exc.OperationalError:  # SQLite busy: try again
                    db.session.rollback()
                    continue
                if job_id is None:
                    break
                with lock:
                    taken.append(job_id)
            db.session.remove()

    threads = [threading.Thread(target=work, args=(f"w{i}",)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert sorted(taken) == sorted(made)


def test_a_periodic_slot_is_enqueued_once(app_ctx):
    noon = dt.datetime(2026, 11, 23, 4, 0, tzinfo=dt.UTC)  # 12:00 in Beijing
    first = jobs.tick(noon)
    assert {j.title for j in first} >= {"findings.check_overdue", "mail.send", "jobs.expire"}
    assert jobs.tick(noon) == []
    assert jobs.tick(noon + dt.timedelta(minutes=2)) == []  # the same 5-minute slot
    later = {j.title for j in jobs.tick(noon + dt.timedelta(minutes=5))}
    assert later == {"mail.send"}  # a new 5-minute slot; jobs.expire's 15 not yet
    early = dt.datetime(2026, 11, 24, 16, 5, tzinfo=dt.UTC)  # 00:05 the 25th: before 00:15
    assert "findings.check_overdue" not in {j.title for j in jobs.tick(early)}


def test_two_schedulers_on_two_hosts_enqueue_each_slot_once(app, app_ctx, tmp_path):
    """Two real ``flask jobs periodic`` processes started together over one database: every
    periodic job's slot is enqueued, and run, once."""
    env = {
        **os.environ,
        "DATABASE_URL": app.config["SQLALCHEMY_DATABASE_URI"],
        "SECRET_KEY": "test-secret",
        "UPLOAD_FOLDER": str(tmp_path / "uploads"),
        "FLASK_APP": "wsgi:create_app",
    }
    command = [sys.executable, "-m", "flask", "jobs", "periodic"]
    runs = [
        subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(2)
    ]
    outputs = [run.communicate(timeout=120) for run in runs]
    for run, (_out, err) in zip(runs, outputs, strict=True):
        assert run.returncode == 0, err.decode()
    db.session.remove()
    slots = db.session.execute(sa.select(PeriodicRun.name, PeriodicRun.slot)).all()
    periodic_jobs = db.session.scalars(sa.select(Job).where(Job.title.in_(jobs.PERIODIC))).all()
    assert len(slots) == len(set(slots)) == len(periodic_jobs)
    assert {"mail.send", "jobs.expire"} <= {name for name, _ in slots}
    assert {j.status for j in periodic_jobs} == {JobStatus.DONE}  # each run once, by one host
    said = [out.decode() for out, _ in outputs]
    assert sum(line.startswith("已排队") for out in said for line in out.splitlines()) == len(slots)


def _post_export(client, kind, fmt, client_id, query=""):
    token = csrf_token(client, "/exports/")
    return client.post(
        f"/exports/{kind}.{fmt}/job{query}",
        data={"csrf_token": token, "client_id": client_id},
    )


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_an_export_job_gives_the_same_rows_as_the_download(app, world, fmt):
    test_exports.failed(app, world)
    supervisor = test_exports.client_of(app, world["supervisor"])
    direct = test_exports.read(supervisor, "answers", fmt)
    key = str(uuid.uuid4())
    response = _post_export(supervisor, "answers", fmt, key)
    assert response.status_code == 303 and "/jobs/?new=" in response.headers["Location"]
    assert _post_export(supervisor, "answers", fmt, key).status_code == 303  # a retry
    with app.app_context():
        [job] = db.session.scalars(sa.select(Job).where(Job.kind == "export")).all()
        assert (
            job.status == JobStatus.QUEUED
            and job.title == f"答案 · {'CSV' if fmt == 'csv' else 'Excel'}"
        )
        job_id = job.id
    page = supervisor.get(f"/jobs/?new={job_id}")
    assert page.status_code == 200 and f'id="job-{job_id}"' in page.get_data(as_text=True)
    with app.app_context():
        assert jobs.run_pending() == 1
    status = supervisor.get(f"/jobs/{job_id}.json").json
    assert status["status"] == "done" and status["percent"] == 100
    assert status["done"] == status["total"] == len(direct) - 1
    download = test_exports.fetch(supervisor, f"/jobs/{job_id}/download")
    assert download.status_code == 200
    assert download.headers["Content-Disposition"].startswith("attachment")
    if fmt == "csv":
        text = download.data.decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(text)))
    else:
        book = load_workbook(io.BytesIO(download.data))
        rows = [list(r) for r in book.worksheets[0].iter_rows(values_only=True)]
    assert rows == direct


def test_only_the_owner_sees_a_job(app, world, make_user):
    test_exports.failed(app, world)
    owner = test_exports.client_of(app, world["supervisor"])
    _post_export(owner, "findings", "csv", "k1")
    job_id = db.session.scalar(sa.select(Job.id))
    jobs.run_pending()
    other = make_user(role=Role.SUPERVISOR)
    enterprise = make_user(role=Role.ENTERPRISE)
    admin = make_user(role=Role.ADMIN)
    for user in (other, enterprise):
        client = app.test_client()
        login(client, user)
        assert client.get(f"/jobs/{job_id}.json").status_code == 404
        assert client.get(f"/jobs/{job_id}/download").status_code == 404
        assert f"job-{job_id}" not in client.get("/jobs/").get_data(as_text=True)
    client = app.test_client()
    login(client, admin)
    assert test_exports.fetch(client, f"/jobs/{job_id}/download").status_code == 200
    assert f"job-{job_id}" in client.get("/jobs/?all=1").get_data(as_text=True)
    anonymous = app.test_client().get(f"/jobs/{job_id}.json")
    assert anonymous.status_code in (302, 401)
    refused = app.test_client()
    login(refused, enterprise)
    assert _post_export(refused, "findings", "csv", "k2").status_code == 403


def test_an_unfinished_or_expired_job_has_no_file(app, world):
    test_exports.failed(app, world)
    owner = test_exports.client_of(app, world["supervisor"])
    _post_export(owner, "findings", "xlsx", "k1")
    with app.app_context():
        job_id = db.session.scalar(sa.select(Job.id))
    waiting = owner.get(f"/jobs/{job_id}/download")
    assert waiting.status_code == 409
    with app.app_context():
        jobs.run_pending()
        job = db.session.get(Job, job_id)
        key = job.file_key
        assert jobs.expire(job.expires_at + dt.timedelta(seconds=1)) == 1
        assert db.session.get(Job, job_id).status == JobStatus.EXPIRED
        assert not storage.blob_store().exists(key)
    expired = owner.get(f"/jobs/{job_id}/download")
    assert expired.status_code == 409
    assert "过期" in expired.get_data(as_text=True) or "expired" in expired.get_data(as_text=True)


def test_a_large_export_is_sent_to_the_export_centre(app_factory, world):
    app = app_factory(EXPORT_JOB_ROWS=0)
    test_exports.failed(app, world)
    supervisor = test_exports.client_of(app, world["supervisor"])
    response = supervisor.get("/exports/answers.xlsx")
    assert response.status_code == 303 and "/exports/" in response.headers["Location"]
    page = supervisor.get("/exports/").get_data(as_text=True)
    assert "/exports/answers.xlsx/job" in page and 'name="client_id"' in page


def test_rows_beyond_a_sheet_go_on_on_the_next(monkeypatch):
    monkeypatch.setattr(exports, "SHEET_ROWS", 3)
    columns = exports.COLUMNS["findings"][:2]
    rows = [[f"a{n}", f"b{n}"] for n in range(7)]
    out = io.BytesIO()
    assert exports.write_xlsx(out, "问题", columns, rows, [("导出内容", "问题")]) == 7
    book = load_workbook(out)
    assert book.sheetnames == ["问题", "问题 (2)", "问题 (3)", "说明"]
    sheets = [list(book[name].iter_rows(values_only=True)) for name in book.sheetnames[:3]]
    assert [len(s) for s in sheets] == [4, 4, 2]  # each with its header
    assert [r for s in sheets for r in s[1:]] == [tuple(r) for r in rows]
    notes = {r[0]: r[1] for r in book["说明"].iter_rows(values_only=True) if r and r[0]}
    assert "3 个工作表" in notes["工作表"] and notes["行数"] == "7"


def test_a_large_gazette_is_imported_by_a_job(app_factory, make_user):
    """Beyond IMPORT_JOB_BYTES the import page hands the file to a job and goes to the 导出中心;
    the job imports it as the page would have; a retried upload is the same job."""
    app = app_factory(IMPORT_JOB_BYTES=100)
    text = (ROOT / "tests" / "data" / "sample_gazette.txt").read_bytes()
    author = make_user(role=Role.AUTHOR)
    client = app.test_client()
    login(client, author)
    page = client.get("/standards/import").get_data(as_text=True)
    assert 'name="client_id"' in page

    def send():
        return client.post(
            "/standards/import",
            data={
                "csrf_token": csrf_token(client, "/standards/import"),
                "client_id": "import-1",
                "file": (io.BytesIO(text), "gazette.txt"),
            },
            content_type="multipart/form-data",
        )

    first, again = send(), send()
    assert first.status_code == again.status_code == 303
    assert first.headers["Location"] == again.headers["Location"]
    [job] = db.session.scalars(sa.select(Job)).all()
    assert job.kind == "standards.import" and job.title == "导入公报 · gazette.txt"
    assert jobs.run_pending() == 1
    db.session.refresh(job)
    assert job.status == JobStatus.DONE, job.message
    assert job.result["documents"] >= 1 and job.result["new"] == job.result["documents"]
    status = client.get(f"/jobs/{job.id}.json").json
    assert status["link"] == "/standards/" and "个文件" in status["message"]


def test_a_refused_gazette_fails_its_job_saying_why(app_factory, make_user):
    app = app_factory(IMPORT_JOB_BYTES=10)
    author = make_user(role=Role.AUTHOR)
    client = app.test_client()
    login(client, author)
    response = client.post(
        "/standards/import",
        data={
            "csrf_token": csrf_token(client, "/standards/import"),
            "file": (io.BytesIO("这里没有任何文件编号。\n".encode() * 10), "nothing.txt"),
        },
        content_type="multipart/form-data",
    )
    assert response.status_code == 303
    jobs.run_pending()
    job = db.session.scalar(sa.select(Job))
    assert job.status == JobStatus.FAILED and "No document" not in job.message
    assert "文号" in job.message  # the import page's own reason, in Chinese
