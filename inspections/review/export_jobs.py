"""Exports made by a job (``checklists.core.jobs``): the same rows as a download in the request
(``exports.prepare``), written to a temporary file with a progress bar, kept in the blob store
for the owner to download from the 导出中心 (``/jobs/``) until ``JOB_FILE_HOURS`` pass.

The job re-reads its owner and filters when it runs: the scope is the owner's at that moment
(a supervisor moved to another region since exports that region's records, not the old one's).
"""

from __future__ import annotations

import codecs
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from werkzeug.datastructures import MultiDict

from checklists.accounts.models import Role, User
from checklists.core import jobs
from checklists.core.db import utcnow
from checklists.core.extensions import db
from checklists.core.tabular import csv_chunks
from inspections.review import exports
from inspections.review import queue as review

KIND = "export"
FORMAT_NAMES = {"csv": "CSV", "xlsx": "Excel"}
#: Rows between two calls of the progress bar (which writes at most one a ``interval``).
PROGRESS_ROWS = 500


class OwnerGone(RuntimeError):
    """The export's owner is no longer an active supervisor: nothing is exported."""


def params(kind: str, fmt: str, args: MultiDict[str, str]) -> dict[str, Any]:
    """What a job needs to make the export again: the kind, the format and the filters as
    given in the query string."""
    return {"kind": kind, "fmt": fmt, "args": args.to_dict(flat=False)}


def title(kind: str, fmt: str) -> str:
    return f"{exports.SHEET_TITLES[kind]} · {FORMAT_NAMES[fmt]}"


def _counted(rows: Iterable[Sequence[Any]], progress: jobs.Progress) -> Iterator[Sequence[Any]]:
    """``rows``, telling ``progress`` how many have passed every ``PROGRESS_ROWS`` rows and at
    the end."""
    done = 0
    for row in rows:
        yield row
        done += 1
        if done % PROGRESS_ROWS == 0:
            progress(done)
    progress(done, force=True)


@jobs.handler(KIND)
def run(job: jobs.Job, progress: jobs.Progress) -> jobs.Result:
    kind, fmt = job.params["kind"], job.params["fmt"]
    user = db.session.get(User, job.owner_id) if job.owner_id else None
    if user is None or not user.active or user.role not in (Role.SUPERVISOR, Role.ADMIN):
        raise OwnerGone("the export's owner may no longer export")
    filters = review.parse_filters(MultiDict(job.params.get("args") or {}))
    now = utcnow()
    total = exports.count(kind, user, filters)
    progress(0, total, force=True)
    export = exports.prepare(kind, user, filters, now)
    rows = _counted(export.rows(), progress)
    out = tempfile.TemporaryFile()
    written = 0
    if fmt == "csv":
        encode = codecs.getincrementalencoder("utf-8")()
        for chunk in csv_chunks(export.header, rows):
            out.write(encode.encode(chunk))
        out.write(encode.encode("", final=True))
        mimetype = "text/csv"
        written = progress.last_done
    else:
        notes = [("导出内容", exports.SHEET_TITLES[kind]), *exports.describe(user, filters, now)]
        written = exports.write_xlsx(out, exports.SHEET_TITLES[kind], export.columns, rows, notes)
        mimetype = exports.XLSX_MIMETYPE
    filename = f"{kind}-{now.astimezone(exports.ZONE):%Y%m%d-%H%M}.{fmt}"
    return jobs.Result(file=out, name=filename, mimetype=mimetype, summary={"rows": written})
