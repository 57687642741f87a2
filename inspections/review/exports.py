"""Exports of inspections, current answers and findings, as CSV and as Excel workbooks.

Every export is one SELECT of plain columns (joins, no ORM objects and so no lazy loads): the
number of statements does not grow with the number of rows. Rows are read in batches
(``yield_per``: a server-side cursor on PostgreSQL) and written as they arrive, so that
100,000 answers export without holding them all in memory.

Scope: the inspections ``visible_inspections(user)`` returns, narrowed by the review filters
(``review.apply``); findings are ``visible_findings(user)`` narrowed by the same filters
through their inspection. Times are ISO 8601 with their offset, in Asia/Shanghai.

The export itself (``Export``), the CSV writer and the rows of a workbook's sheets are
``checklists.core.tabular``; what a findings row is, ``inspections.findings.export`` (the
findings page's CSV has the same rows). The Excel writer is here.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import json
from collections.abc import Iterable, Sequence
from typing import IO, Any

import sqlalchemy as sa
import xlsxwriter
from flask_babel import gettext as _
from sqlalchemy.orm import aliased

from checklists.accounts.models import Organisation, Region, Site, User
from checklists.accounts.permissions import visible_organisations
from checklists.authoring.forms import SEVERITY_SHORT
from checklists.authoring.models import ChecklistTemplate, TemplateItem, TemplateSection
from checklists.authoring.widgets import ANSWER_TYPE_LABELS
from checklists.core.extensions import db
from checklists.core.tabular import (
    DATE_FORMAT,
    XLSX_OPTIONS,
    Column,
    Export,
    SheetRows,
    columns,
    labeller,
    local_time,
    splice_rows,
    text,
    xlsx_text,
)
from checklists.core.tabular import csv_chunks as csv_chunks  # the CSV writer, named here too
from checklists.scoring.units import display_name as display_name_of
from inspections.filling.labels import RESULT_LABELS, STATUS_LABELS, VERDICT_LABELS
from inspections.filling.models import Answer, Inspection, RepeatInstance, inspection_inspectors
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
#: Distinct (item, value) pairs of the answers export whose cells are kept at a time.
VALUES_REMEMBERED = 4096


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
        ("instance", 16, "重复项实例"),
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

    def convert(row: Sequence[Any]) -> list[Any]:
        (
            uuid,
            organisation,
            credit_code,
            region,
            county,
            site,
            project,
            template,
            version,
            lineage,
            status,
            revision,
            planned_on,
            submitted_at,
            inspectors,
            score,
            verdict,
            grade,
        ) = row
        return [
            uuid,
            organisation,
            credit_code or "",
            " ".join(n for n in (county, region) if n),
            site or "",
            project or "",
            template,
            version,
            lineage,
            status_label(status),
            text(status),
            revision,
            planned_on,
            local_time(submitted_at),
            "、".join(sorted(inspectors.split(_SEPARATOR))) if inspectors else "",
            score,
            verdict_label(verdict),
            text(verdict),
            grade or "",
        ]

    return Export("inspections", COLUMNS["inspections"], query, convert)


def _answers(user: User, filters: review.Filters, _now: dt.datetime) -> Export:
    """The current answers, an inspection's in the order of its template's items.

    What an answer's item says (its section, number, prompt, clause …) is the same on every
    answer to it: the items of the templates in scope are read first, in one SELECT of their
    own (``preload``), and each answer row carries only its item's id. Reading the item's
    columns with every answer took two thirds of the time of reading the answers."""
    i = aliased(Inspection, name="i")
    org = aliased(Organisation, name="org")
    template = aliased(ChecklistTemplate, name="template")
    item = aliased(TemplateItem, name="item")
    section = aliased(TemplateSection, name="section")
    author = aliased(User, name="author")
    instance = aliased(RepeatInstance, name="instance")
    scoped = aliased(Inspection, name="scoped")
    # Each item's place in its template: sections in order, items in order within them.
    place = (section.position, section.id, item.position, item.id)
    items_of = (
        sa.select(
            item.id,
            section.title,
            sa.func.row_number().over(partition_by=item.template_id, order_by=place),
            item.prompt,
            item.answer_type,
            item.clause_key,
            item.document_number,
            item.document_version,
            item.clause_text_hash,
            item.severity,
            # a choice's or parts item's rule names its values (the others need none)
            sa.case((item.answer_type.in_(("choice", "parts")), item.rule), else_=sa.null()),
            section.repeat_label,
        )
        .select_from(item)
        .join(section, section.id == item.section_id)
    )
    query = (
        sa.select(
            i.uuid,
            org.name.label("organisation"),
            template.version,
            Answer.item_id,
            # the value as stored (JSON text): decoded once for each item and value
            sa.cast(Answer.value, sa.Text).label("value"),
            Answer.unit,
            Answer.result,
            Answer.reason,
            Answer.answered_at,
            author.display_name,
            author.username,
            # a repeated section's instance (warehouse, vehicle): its name, or its number
            instance.label,
            instance.position,
        )
        .select_from(Answer)
        .join(i, i.id == Answer.inspection_id)
        .join(org, org.id == i.organisation_id)
        .join(template, template.id == i.template_id)
        # "+ 0": no index on answers.item_id leads the join (SQLite went item by item, then
        # sorted every row); answers are read by inspection, in order, and only each
        # inspection's answers are sorted
        .join(item, item.id == Answer.item_id + 0)
        .join(section, section.id == item.section_id)
        .outerjoin(author, author.id == Answer.answered_by_id)
        .outerjoin(
            instance,
            sa.and_(
                instance.inspection_id == Answer.inspection_id, instance.key == Answer.instance
            ),
        )
        .where(
            Answer.current.is_(True),
            # a removed instance's answers are kept, not part of the result
            sa.or_(Answer.instance == "", instance.removed_at.is_(None)),
            *_in_scope(Answer.inspection_id, user, filters),
        )
        .order_by(Answer.inspection_id, *place, Answer.id)
    )

    kind_label, severity_label = labeller(ANSWER_TYPE_LABELS), labeller(SEVERITY_SHORT)
    result_label = labeller(RESULT_LABELS)
    words = {"yes": str(_("Yes")), "no": str(_("No")), "na": str(_("N/A"))}
    nothing = str(_("None of these"))
    # Worked out once each: an item's cells and what its values are named (``preload``), how
    # each item's values are written (是 / yes), each unit's and each result's cells.
    items: dict[int, tuple[Any, ...]] = {}
    named: dict[int, tuple[Any, dict[str, str] | None]] = {}
    values: dict[tuple[int, str | None], tuple[str, str]] = {}
    units: dict[str | None, tuple[str, str]] = {}
    results: dict[Any, tuple[str, str]] = {}
    nouns: dict[int, str] = {}

    def preload(only: int | None = None) -> None:
        """Read the items of the templates in scope (or of item ``only``'s template: an
        inspection that came in since)."""
        if only is None:
            templates = sa.select(scoped.template_id).where(*_in_scope(scoped.id, user, filters))
        else:
            templates = sa.select(TemplateItem.template_id).where(TemplateItem.id == only)
        for (
            item_id,
            section_title,
            number,
            prompt,
            kind,
            clause_key,
            document_number,
            document_version,
            clause_text_hash,
            severity,
            rule,
            noun,
        ) in db.session.execute(items_of.where(item.template_id.in_(templates))):
            items[item_id] = (
                section_title,
                number,
                item_id,
                prompt,
                kind_label(kind),
                text(kind),
                clause_key,
                document_number or "",
                document_version or "",
                clause_text_hash,
                severity_label(severity),
                text(severity),
            )
            named[item_id] = (kind, value_names(kind, rule))
            nouns[item_id] = noun or str(_("Instance"))

    def value_names(kind: Any, rule: Any) -> dict[str, str] | None:
        """A choice's or parts item's values and their labels, from its rule (None: none)."""
        if not isinstance(rule, dict):
            return None
        listed = rule.get("choices" if kind == "choice" else "parts") or []
        return {
            str(c.get("value")): str(c.get("label") or c.get("value"))
            for c in listed
            if isinstance(c, dict)
        }

    def shown(kind: Any, labels: dict[str, str] | None, value: Any) -> Any:
        """The value as the checklist shows it: 是/否, a choice's or a part's label."""
        if value == "na" or (kind == "yes_no" and value in words):
            return words[value]
        if labels is not None:
            if isinstance(value, list):
                return "、".join(labels.get(str(v), str(v)) for v in value) or nothing
            return labels.get(str(value), text(value))
        if kind == "date_pair" and isinstance(value, dict):
            return f"{value.get('from', '')} → {value.get('to', '')}"  # received → answered
        return code(value)

    def code(value: Any) -> Any:
        return json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict) else value

    def written(item_id: int, stored: str | None) -> tuple[str, str]:
        """The value's cells (as shown, its code) from the value as stored."""
        value = None if stored is None else json.loads(stored)
        kind, labels = named[item_id]
        return text(shown(kind, labels, value)), text(code(value))

    def convert(row: Sequence[Any]) -> list[Any]:
        (
            uuid,
            organisation,
            version,
            item_id,
            stored,
            unit,
            result,
            reason,
            answered_at,
            display_name,
            username,
            instance_label,
            instance_position,
        ) = row
        item_cells = items.get(item_id)
        if item_cells is None:
            preload(item_id)
            item_cells = items[item_id]
        value_cells = values.get((item_id, stored))
        if value_cells is None:
            if len(values) >= VALUES_REMEMBERED:  # free text: memory stays flat
                values.clear()
            value_cells = values[item_id, stored] = written(item_id, stored)
        unit_cells = units.get(unit)
        if unit_cells is None:
            unit_cells = units[unit] = (display_name_of(unit) if unit else "", unit or "")
        result_cells = results.get(result)
        if result_cells is None:
            result_cells = results[result] = (result_label(result), text(result))
        return [
            uuid,
            organisation,
            version,
            *item_cells,
            *value_cells,
            *unit_cells,
            *result_cells,
            reason,
            local_time(answered_at),
            display_name or username or "",
            ""
            if instance_position is None
            else instance_label or f"{nouns[item_id]} {instance_position}",
        ]

    return Export("answers", COLUMNS["answers"], query, convert, preload)


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

    The rows are written as they come to a temporary file for each sheet (``SheetRows``), so
    memory stays flat whatever their number; then XlsxWriter makes the workbook around them
    (sheets, header rows, column widths, styles, the 说明 sheet) and ``splice_rows`` puts
    them in. An .xlsx is a zip archive, written whole at the end: it cannot be streamed while
    it is made; the caller sends the finished file.

    Text is written as text, never as a formula, a link or an error code (``=1+1``,
    ``http://x``, ``#N/A`` stay strings), without the characters a workbook may not hold
    (control characters); dates are dates (2026-11-21), numbers numbers."""
    rows = iter(rows)
    parts: list[SheetRows] = []
    try:
        for first in rows:  # a sheet for each SHEET_ROWS rows: Excel's last row is the limit
            part = SheetRows(len(columns))
            parts.append(part)
            part.write(itertools.chain([first], itertools.islice(rows, SHEET_ROWS - 1)))
        if not parts:
            parts.append(SheetRows(len(columns)))
        written = sum(part.count for part in parts)
        if len(parts) > 1:
            notes = [
                *notes,
                ("工作表", f"数据分为 {len(parts)} 个工作表，每个最多 {SHEET_ROWS:,} 行"),
            ]
        made = io.BytesIO()
        _workbook(made, title, columns, parts, [*notes, ("行数", str(written))])
        # XlsxWriter names the sheets' parts by the order they were added: the data sheets first
        sheets = {f"xl/worksheets/sheet{n}.xml": part for n, part in enumerate(parts, start=1)}
        splice_rows(made.getvalue(), sheets, out)
    finally:
        for part in parts:
            part.close()
    return written


def _workbook(
    out: IO[bytes],
    title: str,
    columns: Sequence[Column],
    parts: Sequence[SheetRows],
    notes: list[tuple[str, str]],
) -> None:
    """The workbook around the rows: a sheet for each of ``parts`` (its header row, widths,
    frozen panes, date columns), then 说明."""
    book = xlsxwriter.Workbook(out, XLSX_OPTIONS)
    bold = book.add_format({"bold": True})
    date = book.add_format({"num_format": DATE_FORMAT})
    for number, part in enumerate(parts, start=1):
        sheet = book.add_worksheet(title if number == 1 else f"{title[:24]} ({number})")
        for index in range(max(len(columns), part.width)):
            width = columns[index].width if index < len(columns) else None
            sheet.set_column(index, index, width, date if index in part.date_columns else None)
        sheet.freeze_panes(1, 0)
        for index, column in enumerate(columns):
            sheet.write_string(0, index, xlsx_text(column.heading), bold)

    about = book.add_worksheet("说明")
    for index, width in enumerate((22, 70, 18)):
        about.set_column(index, index, width)
    line = 0

    def write(*cells: str, style: Any = None) -> None:
        nonlocal line
        for index, cell in enumerate(cells):
            about.write_string(line, index, xlsx_text(str(cell)), style)
        line += 1

    write("项目", "内容", style=bold)
    for label, value in notes:
        write(label, value)
    line += 1
    write("列", "含义", "列代码", style=bold)
    for column in columns:
        code = column.name if column.label else ""  # a column without a label: no code
        write(column.heading, COLUMN_NOTES.get(column.name, ""), code)
    book.close()
