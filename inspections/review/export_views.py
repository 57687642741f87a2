"""Supervisors' exports: inspections, current answers and findings as CSV or Excel, for the
review filters kept in the URL (see inspections.review.exports)."""

from __future__ import annotations

import re
import tempfile
import uuid

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    send_file,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user

from checklists.accounts.models import Role
from checklists.accounts.permissions import role_required
from checklists.core import jobs, tabular
from checklists.core.db import utcnow
from inspections.review import export_jobs, exports
from inspections.review import queue as review

bp = Blueprint("exports", __name__, url_prefix="/exports")

#: Workbooks up to this size are made in memory, larger ones in a temporary file.
SPOOL_BYTES = 8 * 1024 * 1024


@bp.route("/")
@role_required(Role.SUPERVISOR)
def index():
    filters = review.parse_filters(request.args)
    titles = {
        "inspections": (
            _("Inspections"),
            _(
                "One row per inspection: organisation, template version, status, submission "
                "time, inspectors, score, verdict and grade."
            ),
        ),
        "answers": (
            _("Answers"),
            _(
                "One row per current answer: the item, the clause it is judged against (key, "
                "document number, text hash), the value and the result."
            ),
        ),
        "findings": (
            _("Findings"),
            _("One row per finding: the clause it breaks, severity, status and deadline."),
        ),
    }
    rows = [
        (kind, *titles[kind], exports.count(kind, current_user, filters)) for kind in exports.KINDS
    ]
    return render_template(
        "review/exports.html",
        rows=rows,
        filters=filters,
        choices=review.choices(current_user, filters),
        show_status=True,
        job_rows=current_app.config["EXPORT_JOB_ROWS"],
        client_id=str(uuid.uuid4()),
    )


_CLIENT_ID = re.compile(r"[A-Za-z0-9_.:-]{1,64}")


@bp.route("/<any(inspections, answers, findings):kind>.<any(csv, xlsx):fmt>/job", methods=["POST"])
@role_required(Role.SUPERVISOR)
def make(kind: str, fmt: str):
    """Start an export as a job (the filters are the query string's) and go to the 导出中心.
    The form's ``client_id`` makes a second click, or a retried POST, the same job."""
    client_id = request.form.get("client_id", "")
    if client_id and not _CLIENT_ID.fullmatch(client_id):
        abort(422, description=_("client_id: at most 64 letters, digits or - _ . :"))
    job = jobs.enqueue(
        export_jobs.KIND,
        export_jobs.params(kind, fmt, request.args),
        owner=current_user,
        client_id=client_id or None,
        title=export_jobs.title(kind, fmt),
    )
    return redirect(url_for("jobs.index", new=job.id), code=303)


@bp.route("/<any(inspections, answers, findings):kind>.<any(csv, xlsx):fmt>")
@role_required(Role.SUPERVISOR)
def download(kind: str, fmt: str):
    """CSV is streamed as the rows are read; a workbook is written to a temporary file (its
    rows as they are read, see ``exports.write_xlsx``) and then sent (an .xlsx is a zip
    archive: it is complete only at the end)."""
    filters = review.parse_filters(request.args)
    if exports.count(kind, current_user, filters) > current_app.config["EXPORT_JOB_ROWS"]:
        flash(
            _(
                "More than %(n)s rows: this export is made in the background. Use the button "
                "to start it; the file will wait in the export centre.",
                n=f"{current_app.config['EXPORT_JOB_ROWS']:,}",
            ),
            "warning",
        )
        return redirect(url_for("exports.index", **filters.args()), code=303)
    now = utcnow()
    export = exports.prepare(kind, current_user, filters, now)
    filename = f"{kind}-{now.astimezone(exports.ZONE):%Y%m%d}.{fmt}"
    if fmt == "csv":
        response = tabular.csv_response(export.header, export.rows(), filename)
    else:
        notes = [
            ("导出内容", exports.SHEET_TITLES[kind]),
            *exports.describe(current_user, filters, now),
        ]
        out = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)
        try:
            exports.write_xlsx(
                out, exports.SHEET_TITLES[kind], export.columns, export.rows(), notes
            )
            out.seek(0)
        except BaseException:
            out.close()
            raise
        response = send_file(
            out,
            mimetype=exports.XLSX_MIMETYPE,
            as_attachment=True,
            download_name=filename,
            max_age=0,
        )
    response.headers["Cache-Control"] = "private, no-store"
    return response
