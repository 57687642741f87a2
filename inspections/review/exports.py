"""Exports of inspections, current answers and findings, as CSV and as Excel workbooks.

Every export is one SELECT of plain columns (joins, no ORM objects and so no lazy loads): the
number of statements does not grow with the number of rows. Rows are read in batches
(``yield_per``: a server-side cursor on PostgreSQL) and written as they arrive, so that
100,000 answers export without holding them all in memory.

Scope: the inspections ``visible_inspections(user)`` returns, narrowed by the review filters
(``review.apply``); findings are ``visible_findings(user)`` narrowed by the same filters
through their inspection. Times are ISO 8601 with their offset, in Asia/Shanghai.

The export itself (``Export``) and the CSV writer are ``checklists.core.tabular``; what a
findings row is, ``inspections.findings.export`` (the findings page's CSV has the same rows).
The Excel writer is here.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from typing import IO, Any

import sqlalchemy as sa
from flask_babel import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from sqlalchemy.orm import aliased

from checklists.accounts.models import Organisation, Region, Site, User
from checklists.accounts.permissions import visible_organisations
from checklists.authoring.forms import SEVERITY_SHORT
from checklists.authoring.models import ChecklistTemplate, TemplateItem, TemplateSection
from checklists.authoring.widgets import ANSWER_TYPE_LABELS
from checklists.core.extensions import db
from checklists.core.tabular import (
    Column,
    Export,
    columns,
    labeller,
    local_time,
    text,
    xlsx_cells,
)
from checklists.core.tabular import csv_chunks as csv_chunks  # the CSV writer, named here too
from checklists.scoring.units import display_name
from inspections.filling.labels import RESULT_LABELS, STATUS_LABELS, VERDICT_LABELS
from inspections.filling.models import Answer, Inspection, inspection_inspectors
from inspections.filling.permissions import visible_inspections
from inspections.findings.export import COLUMNS as FINDINGS_COLUMNS
from inspections.findings.export import findings_export
from inspections.findings.models import Finding
from inspections.findings.operations import visible_findings
from inspections.review import queue as review

ZONE = review.ZONE
KINDS = ("inspections", "answers", "findings")
FORMATS = ("csv", "xlsx")
XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
#: Joins the inspectors' names inside SQL (a character no name contains); split in Python.
_SEPARATOR = "\x1f"


#: Each export's columns: (code, Excel width, header). The header row is Chinese, as the 说明
#: sheet is; a coded cell (status, verdict, answer type, severity, unit, result) reads as its
#: label in the reader's language, and its code follows in a column of its own (``*_code``,
#: headed “…代码”) for whoever processes the file.
COLUMNS: dict[str, tuple[Column, ...]] = {
    "inspections": columns(
        ("uuid", 38, "检查编号"),
        ("organisation", 28, "被检查单位"),
        ("credit_code", 20, "统一社会信用代码"),
        ("region", 16, "所属区域"),
        ("site", 18, "场所"),
        ("project", 20, "项目"),
        ("template", 30, "检查表"),
        ("template_version", 10, "检查表版本"),
        ("lineage", 34, "检查表系列编号"),
        ("status", 12, "状态"),
        ("status_code", 12, "状态代码"),
        ("revision", 9, "修订次数"),
        ("planned_on", 12, "计划日期"),
        ("submitted_at", 27, "提交时间"),
        ("inspectors", 20, "检查人员"),
        ("score", 8, "得分"),
        ("verdict", 9, "结论"),
        ("verdict_code", 9, "结论代码"),
        ("grade", 10, "等级"),
    ),
    "answers": columns(
        ("inspection_uuid", 38, "检查编号"),
        ("organisation", 28, "被检查单位"),
        ("template_version", 10, "检查表版本"),
        ("section", 24, "章节"),
        ("item_number", 8, "序号"),
        ("item_id", 9, "检查项编号"),
        ("prompt", 48, "检查内容"),
        ("answer_type", 14, "答案类型"),
        ("answer_type_code", 12, "答案类型代码"),
        ("clause_key", 36, "条款键"),
        ("document_number", 24, "文号"),
        ("document_version", 10, "文件版本"),
        ("clause_text_hash", 20, "条款原文 SHA-256"),
        ("severity", 10, "严重程度"),
        ("severity_code", 10, "严重程度代码"),
        ("value", 16, "填写的值"),
        ("value_code", 16, "填写的值代码"),
        ("unit", 8, "单位"),
        ("unit_code", 10, "单位代码"),
        ("result", 10, "判定结果"),
        ("result_code", 10, "判定结果代码"),
        ("reason", 48, "判定理由"),
        ("answered_at", 27, "填写时间"),
        ("answered_by", 14, "填写人"),
    ),
    "findings": FINDINGS_COLUMNS,
}

#: The data sheet's name in the workbook.
SHEET_TITLES = {"inspections": "检查", "answers": "答案", "findings": "问题"}

#: What each column holds, listed on the workbook's 说明 sheet.
COLUMN_NOTES = {
    "uuid": "检查编号（UUID）",
    "inspection_uuid": "检查编号（UUID）",
    "organisation": "被检查单位",
    "credit_code": "统一社会信用代码",
    "region": "所属区域",
    "site": "场所",
    "project": "项目",
    "template": "检查表名称",
    "template_version": "检查表版本",
    "lineage": "检查表系列编号（各版本相同）",
    "status": "状态",
    "status_code": "状态代码（供程序处理）",
    "revision": "修订次数（退回一次加一）",
    "planned_on": "计划日期",
    "submitted_at": "提交时间",
    "inspectors": "检查人员",
    "score": "得分",
    "verdict": "结论（合格 / 不合格）",
    "verdict_code": "结论代码（pass 合格 / fail 不合格）",
    "grade": "等级",
    "section": "章节",
    "item_number": "检查项在检查表中的序号",
    "item_id": "检查项编号",
    "prompt": "检查内容",
    "answer_type": "答案类型",
    "answer_type_code": "答案类型代码（供程序处理）",
    "clause_key": "条款键",
    "document_number": "文号",
    "document_version": "文件版本（依据的文件版本）",
    "clause_text": "条款原文",
    "clause_text_hash": "条款原文 SHA-256",
    "severity": "严重程度",
    "severity_code": "严重程度代码（critical 关键 / major 一般 / minor 轻微）",
    "value": "填写的值，如检查表所示（是 / 否、选项名称、要件名称；两个日期为“收到 → 答复”）",
    "value_code": "填写的值代码（供程序处理：yes / no / na、选项值；多个值为 JSON）",
    "unit": "单位",
    "unit_code": "单位代码（供程序处理）",
    "result": "判定结果",
    "result_code": "判定结果代码（pass 合格 / fail 不合格 / na 不适用 / unanswered 未作答）",
    "reason": "判定理由",
    "answered_at": "填写时间",
    "answered_by": "填写人",
    "id": "问题编号",
    "notice": "整改通知书编号",
    "due_on": "整改期限",
    "provisional": "期限按未公布的节假日安排暂算（1 是）",
    "overdue": "已逾期（1 是）",
    "closed_at": "销号时间",
}

FILTER_LABELS = {
    "from": "提交日期自",
    "to": "提交日期至",
    "region": "区域",
    "template": "检查表",
    "organisation": "单位",
    "verdict": "结论",
    "status": "状态",
}


# --- what is exported ---------------------------------------------------------------------


def _name(display_name: str | None, username: str | None) -> str:
    return display_name or username or ""


def _in_scope(column: Any, user: User, filters: review.Filters) -> list[Any]:
    """Criteria keeping rows whose inspection (id in ``column``) ``user`` may see and the
    filters keep; none when nothing narrows (an administrator without filters)."""
    scope = review.apply(visible_inspections(user), filters)
    if scope.whereclause is None:
        return []
    return [column.in_(scope.with_only_columns(Inspection.id))]


def _filtered(column: Any, filters: review.Filters) -> list[Any]:
    """Criteria keeping rows whose inspection the filters keep (the scope is checked apart)."""
    narrowed = review.apply(sa.select(Inspection.id), filters)
    if narrowed.whereclause is None:
        return []
    return [column.in_(narrowed)]


def prepare(kind: str, user: User, filters: review.Filters, now: dt.datetime) -> Export:
    """The export ``kind`` for ``user`` and ``filters``; ``now`` decides what is overdue.

    Every table joined is an alias, so that the scope's subqueries (which name the tables
    themselves) are never correlated with the outer query."""
    return {"inspections": _inspections, "answers": _answers, "findings": _findings}[kind](
        user, filters, now
    )


def _inspections(user: User, filters: review.Filters, _now: dt.datetime) -> Export:
    i = aliased(Inspection, name="i")
    org = aliased(Organisation, name="org")
    region = aliased(Region, name="region")
    county = aliased(Region, name="county")
    site = aliased(Site, name="site")
    template = aliased(ChecklistTemplate, name="template")
    inspector = aliased(User, name="inspector")
    names = (
        sa.select(
            sa.func.aggregate_strings(
                sa.func.coalesce(sa.func.nullif(inspector.display_name, ""), inspector.username),
                _SEPARATOR,
            )
        )
        .select_from(inspection_inspectors)
        .join(inspector, inspector.id == inspection_inspectors.c.user_id)
        .where(inspection_inspectors.c.inspection_id == i.id)
        .correlate(i)
        .scalar_subquery()
    )
    query = (
        sa.select(
            i.uuid,
            org.name.label("organisation"),
            org.credit_code,
            region.name.label("region"),
            county.name.label("county"),
            site.name.label("site"),
            i.project,
            template.name.label("template"),
            template.version,
            template.lineage,
            i.status,
            i.revision,
            i.planned_on,
            i.submitted_at,
            names.label("inspectors"),
            i.score,
            i.verdict,
            i.grade,
        )
        .select_from(i)
        .join(org, org.id == i.organisation_id)
        .join(template, template.id == i.template_id)
        .outerjoin(region, region.id == org.region_id)
        .outerjoin(county, county.id == region.parent_id)
        .outerjoin(site, site.id == i.site_id)
        .where(*_in_scope(i.id, user, filters))
        .order_by(i.id)
    )

    status_label, verdict_label = labeller(STATUS_LABELS), labeller(VERDICT_LABELS)

    def convert(row: sa.Row) -> list[Any]:
        inspectors = sorted(row.inspectors.split(_SEPARATOR)) if row.inspectors else []
        return [
            row.uuid,
            row.organisation,
            row.credit_code or "",
            " ".join(n for n in (row.county, row.region) if n),
            row.site or "",
            row.project or "",
            row.template,
            row.version,
            row.lineage,
            status_label(row.status),
            text(row.status),
            row.revision,
            row.planned_on,
            local_time(row.submitted_at),
            "、".join(inspectors),
            row.score,
            verdict_label(row.verdict),
            text(row.verdict),
            row.grade or "",
        ]

    return Export("inspections", COLUMNS["inspections"], query, convert)


def _answers(user: User, filters: review.Filters, _now: dt.datetime) -> Export:
    i = aliased(Inspection, name="i")
    org = aliased(Organisation, name="org")
    template = aliased(ChecklistTemplate, name="template")
    item = aliased(TemplateItem, name="item")
    section = aliased(TemplateSection, name="section")
    author = aliased(User, name="author")
    # Each item's place in its template: sections in order, items in order within them.
    numbered = (
        sa.select(
            TemplateItem.id.label("item_id"),
            sa.func.row_number()
            .over(
                partition_by=TemplateItem.template_id,
                order_by=(
                    TemplateSection.position,
                    TemplateSection.id,
                    TemplateItem.position,
                    TemplateItem.id,
                ),
            )
            .label("number"),
        )
        .join(TemplateSection, TemplateSection.id == TemplateItem.section_id)
        .subquery("numbered")
    )
    query = (
        sa.select(
            i.uuid,
            org.name.label("organisation"),
            template.version,
            section.title.label("section"),
            numbered.c.number,
            Answer.item_id,
            item.prompt,
            item.answer_type,
            item.clause_key,
            item.document_number,
            item.document_version,
            item.clause_text_hash,
            item.severity,
            Answer.value,
            # a choice's or parts item's rule names its values (the others need none)
            sa.case((item.answer_type.in_(("choice", "parts")), item.rule), else_=sa.null()).label(
                "rule"
            ),
            Answer.unit,
            Answer.result,
            Answer.reason,
            Answer.answered_at,
            author.display_name,
            author.username,
        )
        .select_from(Answer)
        .join(i, i.id == Answer.inspection_id)
        .join(org, org.id == i.organisation_id)
        .join(template, template.id == i.template_id)
        .join(item, item.id == Answer.item_id)
        .join(section, section.id == item.section_id)
        .join(numbered, numbered.c.item_id == Answer.item_id)
        .outerjoin(author, author.id == Answer.answered_by_id)
        .where(Answer.current.is_(True), *_in_scope(Answer.inspection_id, user, filters))
        .order_by(i.id, numbered.c.number, Answer.id)
    )

    kind_label, severity_label = labeller(ANSWER_TYPE_LABELS), labeller(SEVERITY_SHORT)
    result_label = labeller(RESULT_LABELS)
    unit_names: dict[str, str] = {}

    def unit_label(unit: str | None) -> str:
        if not unit:
            return ""
        if unit not in unit_names:
            unit_names[unit] = display_name(unit)
        return unit_names[unit]

    words = {"yes": str(_("Yes")), "no": str(_("No")), "na": str(_("N/A"))}
    nothing = str(_("None of these"))
    names: dict[int, dict[str, str]] = {}

    def shown(row: sa.Row) -> Any:
        """The value as the checklist shows it: 是/否, a choice's or a part's label."""
        value, kind = row.value, row.answer_type
        if value == "na" or (kind == "yes_no" and value in words):
            return words[value]
        if kind in ("choice", "parts") and isinstance(row.rule, dict):
            if row.item_id not in names:
                listed = row.rule.get("choices" if kind == "choice" else "parts") or []
                names[row.item_id] = {
                    str(c.get("value")): str(c.get("label") or c.get("value"))
                    for c in listed
                    if isinstance(c, dict)
                }
            labels = names[row.item_id]
            if isinstance(value, list):
                return "、".join(labels.get(str(v), str(v)) for v in value) or nothing
            return labels.get(str(value), text(value))
        if kind == "date_pair" and isinstance(value, dict):
            return f"{value.get('from', '')} → {value.get('to', '')}"  # received → answered
        return code(value)

    def code(value: Any) -> Any:
        return json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict) else value

    def convert(row: sa.Row) -> list[Any]:
        return [
            row.uuid,
            row.organisation,
            row.version,
            row.section,
            row.number,
            row.item_id,
            row.prompt,
            kind_label(row.answer_type),
            text(row.answer_type),
            row.clause_key,
            row.document_number or "",
            row.document_version or "",
            row.clause_text_hash,
            severity_label(row.severity),
            text(row.severity),
            text(shown(row)),
            text(code(row.value)),
            unit_label(row.unit),
            row.unit or "",
            result_label(row.result),
            text(row.result),
            row.reason,
            local_time(row.answered_at),
            _name(row.display_name, row.username),
        ]

    return Export("answers", COLUMNS["answers"], query, convert)


def _findings(user: User, filters: review.Filters, now: dt.datetime) -> Export:
    visible = visible_findings(user).whereclause
    criteria = [*([] if visible is None else [visible]), *_filtered(Finding.inspection_id, filters)]
    return findings_export(criteria, now)


def count(kind: str, user: User, filters: review.Filters) -> int:
    """How many rows the export ``kind`` has (one COUNT query)."""
    if kind == "inspections":
        query = sa.select(sa.func.count()).select_from(
            review.apply(visible_inspections(user), filters)
            .with_only_columns(Inspection.id)
            .subquery()
        )
    elif kind == "answers":
        query = (
            sa.select(sa.func.count())
            .select_from(Answer)
            .where(Answer.current.is_(True), *_in_scope(Answer.inspection_id, user, filters))
        )
    else:
        visible = visible_findings(user).whereclause
        query = (
            sa.select(sa.func.count())
            .select_from(Finding)
            .where(
                *([] if visible is None else [visible]),
                *_filtered(Finding.inspection_id, filters),
            )
        )
    return db.session.scalar(query) or 0


def describe(user: User, filters: review.Filters, now: dt.datetime) -> list[tuple[str, str]]:
    """The export's circumstances for the 说明 sheet: when, by whom, with which filters (names
    looked up only within the user's scope)."""
    notes = [("导出时间", local_time(now)), ("导出人", user.name)]
    chosen = filters.args()
    if not chosen:
        notes.append(("筛选条件", "无（范围内的全部记录）"))
    for key, value in chosen.items():
        shown = value
        if key == "organisation":
            name = db.session.scalar(
                visible_organisations(user)
                .with_only_columns(Organisation.name)
                .where(Organisation.id == filters.organisation_id)
            )
            shown = f"{value}（{name}）" if name else value
        elif key == "region":
            found = db.session.get(Region, filters.region_id)
            shown = f"{value}（{found.full_name}）" if found else value
        elif key == "template":
            name = db.session.scalar(
                sa.select(sa.func.max(ChecklistTemplate.name)).where(
                    ChecklistTemplate.lineage == filters.lineage
                )
            )
            shown = f"{value}（{name}）" if name else value
        elif key == "verdict":
            shown = labeller(VERDICT_LABELS)(value)
        elif key == "status":
            shown = labeller(STATUS_LABELS)(value)
        notes.append((FILTER_LABELS[key], shown))
    for key, reason in filters.errors.items():
        notes.append((f"已忽略的筛选：{FILTER_LABELS.get(key, key)}", str(reason)))
    notes.append(("时区", "时间均为北京时间（Asia/Shanghai，+08:00），ISO 8601 格式"))
    return notes


# --- writers ------------------------------------------------------------------------------

#: Data rows per sheet: Excel's 1,048,576 rows less the header row. More rows go on on
#: sheets "<title> (2)", "<title> (3)" …, and the 说明 sheet says so.
SHEET_ROWS = 1_048_575


def write_xlsx(
    out: IO[bytes],
    title: str,
    columns: Sequence[Column],
    rows: Iterable[Sequence[Any]],
    notes: list[tuple[str, str]],
) -> int:
    """Write a workbook to ``out``: sheet ``title`` (a bold header row, frozen below it; beyond
    ``SHEET_ROWS`` rows, more sheets) and a sheet 说明 (``notes``, the row count, what each
    column holds). Returns the row count.

    ``Workbook(write_only=True)`` writes each row to a temporary file as it is appended, so
    memory stays flat whatever the number of rows (only the table of distinct strings grows).
    An .xlsx is a zip archive, written whole when it is saved: it cannot be streamed while it
    is made; the caller sends the finished file.

    Text is written as text, never as a formula (``tabular.xlsx_cells``: a value starting with
    "=" stays a string), and characters a workbook may not hold (control characters) are
    dropped."""
    book = Workbook(write_only=True)
    bold = Font(bold=True)

    def header_cell(target: Any, text: str) -> Any:
        cell = WriteOnlyCell(target, value=text)
        cell.font = bold
        return cell

    def new_sheet(number: int) -> Any:
        sheet = book.create_sheet(title if number == 1 else f"{title[:24]} ({number})")
        for index, column in enumerate(columns, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = column.width
        sheet.freeze_panes = "A2"
        sheet.append([header_cell(sheet, c.heading) for c in columns])
        return sheet

    sheets = 1
    sheet = new_sheet(sheets)
    cell = xlsx_cells(sheet)
    written = in_sheet = 0
    for row in rows:
        if in_sheet == SHEET_ROWS:  # Excel's last row: the rows go on on the next sheet
            sheets += 1
            sheet = new_sheet(sheets)
            cell = xlsx_cells(sheet)
            in_sheet = 0
        sheet.append([cell(v) for v in row])
        written += 1
        in_sheet += 1
    if sheets > 1:
        notes = [*notes, ("工作表", f"数据分为 {sheets} 个工作表，每个最多 {SHEET_ROWS:,} 行")]

    about = book.create_sheet("说明")
    about.column_dimensions["A"].width = 22
    about.column_dimensions["B"].width = 70
    about.column_dimensions["C"].width = 18
    about.append([header_cell(about, "项目"), header_cell(about, "内容")])
    text = xlsx_cells(about)
    for label, value in [*notes, ("行数", str(written))]:
        about.append([text(label), text(value)])
    about.append([])
    about.append(
        [header_cell(about, "列"), header_cell(about, "含义"), header_cell(about, "列代码")]
    )
    for column in columns:
        code = column.name if column.label else ""  # a column without a label: no code
        about.append([text(column.heading), COLUMN_NOTES.get(column.name, ""), code])
    book.save(out)
    return written
