"""What a findings export row is: the one definition behind the findings page's CSV
(``/findings/export.csv``) and the supervisors' export (``/exports/findings.csv`` and
``.xlsx``). Callers decide which findings (criteria on ``Finding``); this module reads them in
one SELECT of plain columns (see checklists.core.tabular). The header row is Chinese, as
the workbook's 说明 sheet is; a coded cell reads as its label in the reader's language, its code
in the next column.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import aliased

from checklists.accounts.models import Organisation
from checklists.authoring.forms import SEVERITY_SHORT
from checklists.core.db import as_utc
from checklists.core.tabular import ZONE, Export, columns, labeller, local_time, text
from inspections.filling.models import Inspection
from inspections.findings.labels import STATUS_LABELS
from inspections.findings.models import UNRESOLVED, Finding, RectificationNotice

#: (code, Excel width, header). A coded cell (severity, status) reads as its label in the
#: reader's language; the code itself follows in a column of its own (``*_code``, headed
#: “…代码”), for whoever processes the file.
COLUMNS = columns(
    ("id", 8, "问题编号"),
    ("notice", 22, "整改通知书编号"),
    ("organisation", 28, "被检查单位"),
    ("inspection_uuid", 38, "检查编号"),
    ("item_id", 9, "检查项编号"),
    ("document_number", 24, "文号"),
    ("document_version", 10, "文件版本"),
    ("clause_key", 36, "条款键"),
    ("clause_text", 60, "条款原文"),
    ("clause_text_hash", 20, "条款原文 SHA-256"),
    ("template_version", 10, "检查表版本"),
    ("prompt", 48, "检查内容"),
    ("severity", 10, "严重程度"),
    ("severity_code", 10, "严重程度代码"),
    ("status", 18, "状态"),
    ("status_code", 16, "状态代码"),
    ("due_on", 12, "整改期限"),
    ("provisional", 11, "期限暂算"),
    ("overdue", 9, "已逾期"),
    ("closed_at", 27, "销号时间"),
)


def findings_export(
    criteria: Iterable[Any], now: dt.datetime, today: dt.date | None = None
) -> Export:
    """The findings that ``criteria`` (on ``Finding``, or subqueries naming ``Inspection``)
    keep, by id; ``now`` and ``today`` (default: ``now``'s date in Asia/Shanghai) decide what
    is overdue.

    The inspection and organisation joined are aliases, so that subqueries in ``criteria``
    (which name the tables themselves) are never correlated with the outer query."""
    i = aliased(Inspection, name="i")
    org = aliased(Organisation, name="org")
    notice = aliased(RectificationNotice, name="notice")
    query = (
        sa.select(
            Finding.id,
            notice.number.label("notice"),
            org.name.label("organisation"),
            i.uuid,
            Finding.item_id,
            Finding.document_number,
            Finding.document_version,
            Finding.clause_key,
            Finding.clause_text,
            Finding.clause_text_hash,
            Finding.template_version,
            Finding.prompt,
            Finding.severity,
            Finding.status,
            Finding.due_on,
            Finding.due_at,
            Finding.deadline_provisional,
            Finding.closed_at,
        )
        .select_from(Finding)
        .join(i, i.id == Finding.inspection_id)
        .join(org, org.id == Finding.organisation_id)
        .outerjoin(notice, notice.id == Finding.notice_id)
        .where(*criteria)
        .order_by(Finding.id)
    )
    today = today or now.astimezone(ZONE).date()
    unresolved = {s.value for s in UNRESOLVED}
    severity_label, status_label = labeller(SEVERITY_SHORT), labeller(STATUS_LABELS)

    def convert(row: Sequence[Any]) -> list[Any]:
        (
            finding_id,
            notice_number,
            organisation,
            uuid,
            item_id,
            document_number,
            document_version,
            clause_key,
            clause_text,
            clause_text_hash,
            template_version,
            prompt,
            severity,
            status,
            due_on,
            due_at,
            provisional,
            closed_at,
        ) = row
        # overdue as Finding.is_overdue(today, now): a deadline in hours by the moment
        late = text(status) in unresolved and (
            as_utc(due_at) < now if due_at is not None else due_on < today
        )
        return [
            finding_id,
            notice_number or "",
            organisation,
            uuid,
            item_id,
            document_number or "",
            document_version or "",
            clause_key,
            clause_text,
            clause_text_hash,
            template_version,
            prompt,
            severity_label(severity),
            text(severity),
            status_label(status),
            text(status),
            due_on,
            int(bool(provisional)),
            int(late),
            local_time(closed_at),
        ]

    return Export("findings", COLUMNS, query, convert)
