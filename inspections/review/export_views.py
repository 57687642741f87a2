"""Supervisors' exports: inspections, current answers and findings as CSV or Excel, for the
review filters kept in the URL (see inspections.review.exports)."""

from __future__ import annotations

import tempfile

from flask import Blueprint, render_template, request, send_file
from flask_babel import gettext as _
from flask_login import current_user

from checklists.accounts.models import Role
from checklists.accounts.permissions import role_required
from checklists.core import tabular
from checklists.core.db import utcnow
from inspections.review import exports
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
        choices=review.choices(current_user),
        show_status=True,
    )


@bp.route("/<any(inspections, answers, findings):kind>.<any(csv, xlsx):fmt>")
@role_required(Role.SUPERVISOR)
def download(kind: str, fmt: str):
    """CSV is streamed as the rows are read; a workbook is written to a temporary file in
    write-only mode and then sent (an .xlsx is a zip archive: it is complete only at the end)."""
    filters = review.parse_filters(request.args)
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
