"""Gazettes imported by a job: a file larger than ``IMPORT_JOB_BYTES`` uploaded on the import
page is kept in the blob store and read by a worker (reading a long PDF takes longer than a
request should); the 导出中心 shows the outcome, with a link to the documents. Smaller files
are imported in the request as before, and ``flask standards import`` always is."""

from __future__ import annotations

from flask import current_app

from checklists.accounts.models import Role, User
from checklists.core import jobs, storage
from checklists.core.errors import InputError
from checklists.core.extensions import db
from checklists.standards import services

KIND = "standards.import"


class ImportRefused(RuntimeError):
    """The file holds no document, or cannot be read: the reason, as the import page says it."""


def title(filename: str) -> str:
    return f"导入公报 · {storage.safe_filename(filename) or '—'}"


@jobs.handler(KIND)
def run(job: jobs.Job, progress: jobs.Progress) -> jobs.Result:
    user = db.session.get(User, job.owner_id) if job.owner_id else None
    if user is None or not user.active or user.role not in (Role.AUTHOR, Role.ADMIN):
        raise ImportRefused("the file's owner may no longer import gazettes")
    filename = job.params.get("filename") or "upload.txt"
    progress(0, 2, force=True)
    with storage.blob_store().open(job.params["key"]) as handle:
        data = handle.read()
    try:
        text = services.read_file(filename, data, current_app.config["MAX_CONTENT_LENGTH"])
        progress(1, 2, force=True)
        report = services.import_text(text, filename, user)
    except InputError as exc:
        db.session.rollback()
        raise ImportRefused("；".join(str(v) for v in exc.fields.values())) from exc
    db.session.commit()
    outcomes = [outcome for _doc, outcome in report.documents]
    names = "、".join(doc.number or doc.title for doc, _outcome in report.documents[:10])
    return jobs.Result(
        summary={
            "documents": len(outcomes),
            "new": outcomes.count("new"),
            "new_version": outcomes.count("new_version"),
            "unchanged": outcomes.count("unchanged"),
            "link": "/standards/",
        },
        message=f"{len(outcomes)} 个文件：{names}",
    )
