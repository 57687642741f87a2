"""The 导出中心 (``/jobs/``): the jobs a user asked for, newest first, with a progress bar that
moves while the page is open (``static/js/jobs.js`` polls ``/jobs/<id>.json``), and the finished
file to download until it expires. Only the owner sees a job (anyone else: 404); an admin also
sees the system's periodic jobs (``?all=1``)."""

from __future__ import annotations

import sqlalchemy as sa
from flask import Blueprint, abort, jsonify, render_template, request
from flask_babel import gettext as _
from flask_login import current_user, login_required
from werkzeug.exceptions import Conflict

from checklists.accounts.models import Role
from checklists.core import storage
from checklists.core.extensions import db
from checklists.core.jobs import Job, JobStatus
from checklists.core.schemas import query_id

bp = Blueprint("jobs", __name__, url_prefix="/jobs")

#: Jobs listed on one page.
PAGE = 50


def status_labels() -> dict[str, str]:
    return {
        JobStatus.QUEUED.value: _("Waiting"),
        JobStatus.RUNNING.value: _("Running"),
        JobStatus.DONE.value: _("Done"),
        JobStatus.FAILED.value: _("Failed"),
        JobStatus.EXPIRED.value: _("Expired"),
    }


def _own(job_id: int) -> Job:
    """The current user's job, or 404 (another user's job is not there)."""
    job = db.session.get(Job, job_id)
    if job is None or (job.owner_id != current_user.id and current_user.role != Role.ADMIN):
        abort(404)
    return job


def _conflict(message: str):
    page = render_template("errors/generic.html", error=Conflict(), message=message)
    return page, 409


@bp.route("/")
@login_required
def index():
    everyone = current_user.role == Role.ADMIN and request.args.get("all") == "1"
    query = sa.select(Job).order_by(Job.id.desc()).limit(PAGE)
    if not everyone:
        query = query.where(Job.owner_id == current_user.id)
    rows = db.session.scalars(query).all()
    highlight = query_id(request.args.get("new"))
    labels = status_labels()
    return render_template(
        "jobs/index.html",
        rows=rows,
        everyone=everyone,
        highlight=highlight,
        status_labels=labels,
        script_labels={**labels, "download": _("Download"), "open": _("Open")},
    )


@bp.route("/<int:job_id>.json")
@login_required
def status(job_id: int):
    response = jsonify(_own(job_id).to_dict())
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.route("/<int:job_id>/download")
@login_required
def download(job_id: int):
    job = _own(job_id)
    if job.status == JobStatus.EXPIRED:
        return _conflict(_("This file has expired; make the export again."))
    if job.status != JobStatus.DONE or not job.file_key:
        return _conflict(_("This job has not finished yet."))
    return storage.blob_store().send(  # the security log records it (an attachment)
        job.file_key,
        mimetype=job.file_type or "application/octet-stream",
        download_name=job.file_name,
        as_attachment=True,
        cache_control="private, no-store",
    )
