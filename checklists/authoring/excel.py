"""Templates as an Excel workbook for reviewers: the content of ``exchange.template_to_dict``
in readable columns, one row per item (the template's own fields on a sheet before them), and
back: ``xlsx_to_dict`` reads a workbook to the dict that ``exchange.read_template_dict`` and
``exchange.import_template`` take.
"""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from typing import Any

from flask_babel import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font

from checklists.authoring.exchange import (
    template_to_dict,
)
from checklists.authoring.models import (
    REPEAT_AGGREGATES,
    ChecklistTemplate,
)
from checklists.core import tabular
from checklists.core.errors import InputError

#: (column title, dict path). The item sheet's columns, in order.
ITEM_COLUMNS: list[tuple[str, str]] = [
    ("章节", "section"),
    ("检查内容", "prompt"),
    ("检查指引", "guidance"),
    ("答案类型", "answer_type"),
    ("比较", "rule.op"),
    ("要求值", "rule.value"),
    ("下限", "rule.low"),
    ("上限", "rule.high"),
    ("含下限", "rule.low_inclusive"),
    ("含上限", "rule.high_inclusive"),
    ("单位", "rule.unit"),
    ("选项（值|标签|分值|合格）", "rule.choices"),
    ("组成部分（值|标签）", "rule.parts"),
    ("扫码结果须为", "rule.expected"),
    ("扫码结果开头", "rule.prefix"),
    ("不合格须拍照", "rule.photo_on_fail"),
    ("权重/扣分值", "weight"),
    ("严重程度", "severity"),
    ("允许不适用", "na_allowed"),
    ("必答", "required"),
    ("计分", "scored"),
    ("生效日期", "valid_from"),
    ("失效日期", "valid_to"),
    ("过期仍适用", "validity_confirmed"),
    ("确认说明", "validity_note"),
    ("来源表述", "source_span"),
    ("与条款起草不同的说明", "derivation_note"),
    ("整改期限", "fix_n"),
    ("整改期限单位", "fix_unit"),
    ("整改期限依据", "fix_span"),
    ("条款键", "clause.key"),
    ("文号", "clause.document"),
    ("文件版本", "clause.document_version"),
    ("条款原文", "clause.text"),
    ("条款哈希", "clause.text_hash"),
    ("章节键名", "section_key"),
    ("重复填写", "section_repeat"),
    ("每份称为", "section_repeat_label"),
    ("汇总方式", "section_aggregate"),
    ("标识", "key"),
    ("显示条件", "visible_when"),
    ("章节显示条件", "section_visible_when"),
]
#: Columns a workbook written before them may lack (read as empty).
OPTIONAL_COLUMNS = {
    "rule.expected",
    "rule.prefix",
    "key",
    "visible_when",
    "section_visible_when",
    "section_key",
    "section_repeat",
    "section_repeat_label",
    "section_aggregate",
}
META_ROWS: list[tuple[str, str]] = [
    ("格式", "format"),
    ("模板标识", "lineage"),
    ("名称", "name"),
    ("说明", "description"),
    ("适用对象", "org_kind"),
    ("计分方法", "method"),
    ("等级（下限|名称|合格）", "grade_bands"),
]
YES, NO = "是", "否"
BOOL_KEYS = {
    "rule.low_inclusive",
    "rule.high_inclusive",
    "rule.photo_on_fail",
    "na_allowed",
    "required",
    "scored",
    "validity_confirmed",
}
NUMBER_KEYS = {"rule.value", "rule.low", "rule.high", "weight"}


def _cell(value: Any) -> Any:
    if isinstance(value, bool):
        return YES if value else NO
    return value


def _number_cell(text: str | None) -> Any:
    """A rule number as a spreadsheet number when that is exact, else as text."""
    if text in (None, ""):
        return None
    number = Decimal(text)
    if number == number.to_integral() and abs(number) < 10**15:
        return int(number)
    as_float = float(number)
    return as_float if Decimal(repr(as_float)) == number else text


def _lines(rows: list[list[Any]]) -> str:
    return "\n".join("|".join("" if v is None else str(v) for v in row) for row in rows)


def _flat_section(section: dict[str, Any]) -> dict[str, Any]:
    """A section's columns (on each of its rows): its aggregate by its Chinese label, left
    empty for an ordinary section that keeps the default."""
    aggregate = section["aggregate"]
    return {
        "section": section["title"],
        "section_visible_when": section["visible_when"],
        "section_key": section["key"],
        "section_repeat": section["repeat"],
        "section_repeat_label": section["repeat_label"] or None,
        "section_aggregate": (
            REPEAT_AGGREGATES[aggregate] if section["repeat"] or aggregate != "all" else None
        ),
    }


def _flat_item(item: dict[str, Any], section: dict[str, Any]) -> dict[str, Any]:
    rule = item["rule"]
    flat: dict[str, Any] = _flat_section(section)
    for key in (
        "key",
        "visible_when",
        "prompt",
        "guidance",
        "answer_type",
        "severity",
        "validity_note",
        "source_span",
        "derivation_note",
        "fix_unit",
        "fix_span",
    ):
        flat[key] = item[key]
    flat["fix_n"] = item["fix_n"]
    for key in ("na_allowed", "required", "scored", "validity_confirmed"):
        flat[key] = item[key]
    flat["weight"] = _number_cell(item["weight"])
    for key in ("op", "unit", "expected", "prefix"):
        flat[f"rule.{key}"] = rule.get(key)
    for key in ("value", "low", "high"):
        value = rule.get(key)
        flat[f"rule.{key}"] = (
            _number_cell(value) if item["answer_type"] in ("number", "count") else value
        )
    if item["answer_type"] == "yes_no" and "value" in rule:
        flat["rule.value"] = rule["value"]
    for key in ("low_inclusive", "high_inclusive", "photo_on_fail"):
        flat[f"rule.{key}"] = rule.get(key)
    if rule.get("choices"):
        flat["rule.choices"] = _lines(
            [
                [c["value"], c["label"], c["score"], YES if c["pass"] else NO]
                for c in rule["choices"]
            ]
        )
    if rule.get("parts"):
        flat["rule.parts"] = _lines([[p["value"], p["label"]] for p in rule["parts"]])
    flat["valid_from"] = dt.date.fromisoformat(item["valid_from"]) if item["valid_from"] else None
    flat["valid_to"] = dt.date.fromisoformat(item["valid_to"]) if item["valid_to"] else None
    for key in ("key", "document", "document_version", "text", "text_hash"):
        flat[f"clause.{key}"] = item["clause"][key]
    return flat


def template_to_xlsx(template: ChecklistTemplate) -> bytes:
    """A workbook: sheet 模板 (name, method, bands ...), sheet 检查项 (one row per item; a
    section without items is a row with only its title)."""
    data = template_to_dict(template)
    book = Workbook()
    meta = book.active
    meta.title = "模板"
    guarded = tabular.xlsx_cells(meta)  # text stays text: a name like "=HYPERLINK(...)" too
    for label, key in META_ROWS:
        value = data[key]
        if key == "grade_bands":
            value = bands_text(value)
        meta.append([label, guarded(value)])
    meta.append(["版本（仅供参考）", template.version])
    meta.append(["状态（仅供参考）", str(template.status)])
    meta.column_dimensions["A"].width = 22
    meta.column_dimensions["B"].width = 60
    sheet = book.create_sheet("检查项")
    sheet.append([title for title, _key in ITEM_COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    guarded = tabular.xlsx_cells(sheet)
    for section in data["sections"]:
        if not section["items"]:
            only = _flat_section(section)
            sheet.append([guarded(_cell(only.get(key))) for _title, key in ITEM_COLUMNS])
        for item in section["items"]:
            flat = _flat_item(item, section)
            sheet.append([guarded(_cell(flat.get(key))) for _title, key in ITEM_COLUMNS])
    widths = {"检查内容": 40, "条款原文": 60, "章节": 24, "条款键": 30, "检查指引": 30}
    for index, (title, _key) in enumerate(ITEM_COLUMNS, start=1):
        letter = sheet.cell(row=1, column=index).column_letter
        sheet.column_dimensions[letter].width = widths.get(title, 12)
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "C2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def bands_text(bands: list[dict[str, Any]]) -> str:
    """Grade bands as lines ``min|label|是``, as the builder and the workbook show them."""
    return _lines([[b["min"], b["label"], YES if b["pass"] else NO] for b in bands])


def bands_from_text(text: Any) -> list[dict[str, Any]]:
    """The grade bands typed as ``bands_text`` writes them (validated later)."""
    return [{"min": b[0], "label": b[1], "pass": b[2] != NO} for b in _split_lines(text, 3)]


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return format(Decimal(repr(value)).normalize(), "f")
    return str(value)


def _flag(value: Any, where: str, errors: dict[str, str]) -> bool | None:
    if value in (None, ""):
        return None
    if value in (YES, True, "true", "TRUE", 1):
        return True
    if value in (NO, False, "false", "FALSE", 0):
        return False
    errors[where] = _("Write 是 or 否.")
    return None


def _date_cell(value: Any, where: str, errors: dict[str, str]) -> str | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(str(value).strip()).isoformat()
    except ValueError:
        errors[where] = _("Expected a date (YYYY-MM-DD).")
        return None


def _split_lines(value: Any, width: int) -> list[list[str]]:
    rows = []
    for line in _text(value).splitlines():
        if line.strip():
            cells = [c.strip() for c in line.split("|")]
            rows.append((cells + [""] * width)[:width])
    return rows


def xlsx_to_dict(data: bytes) -> dict[str, Any]:
    """Read a workbook written by ``template_to_xlsx`` (and perhaps edited) back into the
    template dict. Cell problems raise InputError naming the sheet, row and column."""
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # a damaged upload can make the reader raise anything
        raise InputError({"file": _("This is not a readable Excel workbook (.xlsx).")}) from exc
    if "模板" not in book.sheetnames or "检查项" not in book.sheetnames:
        raise InputError({"file": _("The workbook needs the sheets 模板 and 检查项.")})
    errors: dict[str, str] = {}
    meta = {
        str(row[0]): row[1] if len(row) > 1 else None
        for row in book["模板"].iter_rows(values_only=True)
        if row and row[0]
    }
    out: dict[str, Any] = {}
    for label, key in META_ROWS:
        value = meta.get(label)
        if key == "grade_bands":
            out[key] = bands_from_text(value)
        elif key == "org_kind":
            out[key] = _text(value) or None
        else:
            out[key] = _text(value)
    out["lineage"] = out["lineage"] or None
    rows = list(book["检查项"].iter_rows(values_only=True))
    if not rows:
        raise InputError({"file": _("The sheet 检查项 is empty.")})
    header = [_text(c) for c in rows[0]]
    index = {}
    for title, key in ITEM_COLUMNS:
        if title not in header:
            if key in OPTIONAL_COLUMNS:
                continue
            raise InputError({"file": _("Column %(c)s is missing in 检查项.", c=title)})
        index[key] = header.index(title)
    sections: list[dict[str, Any]] = []
    for number, row in enumerate(rows[1:], start=2):
        cells = {key: (row[i] if i < len(row) else None) for key, i in index.items()}
        if all(v in (None, "") for v in cells.values()):
            continue
        for key in OPTIONAL_COLUMNS:
            cells.setdefault(key, None)
        title = _text(cells["section"])
        where = f"检查项!{number}"
        if not sections or sections[-1]["title"] != title:
            when = _text(cells["section_visible_when"]).strip() or None
            sections.append(
                {"title": title, "visible_when": when, **_row_section(cells, where, errors)}
            )
            sections[-1]["items"] = []
        if cells["prompt"] in (None, ""):
            continue
        sections[-1]["items"].append(_row_item(cells, where, errors))
    out["sections"] = sections
    if errors:
        raise InputError(errors)
    return out


#: A repeated section's aggregate by its code or its Chinese label (the workbook writes the label).
AGGREGATE_WORDS = {code: code for code in REPEAT_AGGREGATES} | {
    label: code for code, label in REPEAT_AGGREGATES.items()
}


def _row_section(cells: dict[str, Any], where: str, errors: dict[str, str]) -> dict[str, Any]:
    """The repeat fields of the section a row starts (empty cells: an ordinary section); an
    unknown aggregate is passed on as written, for ``read_template_dict`` to refuse."""
    repeat = _flag(cells["section_repeat"], f"{where}.section_repeat", errors)
    aggregate = _text(cells["section_aggregate"]).strip()
    return {
        "key": _text(cells["section_key"]).strip() or None,
        "repeat": bool(repeat),
        "repeat_label": _text(cells["section_repeat_label"]).strip(),
        "aggregate": AGGREGATE_WORDS.get(aggregate, aggregate) if aggregate else "all",
    }


def _row_item(cells: dict[str, Any], where: str, errors: dict[str, str]) -> dict[str, Any]:
    answer_type = _text(cells["answer_type"])
    rule: dict[str, Any] = {}
    for key in ("op", "unit", "expected", "prefix"):
        if cells[f"rule.{key}"] not in (None, ""):
            rule[key] = _text(cells[f"rule.{key}"])
    for key in ("value", "low", "high"):
        if cells[f"rule.{key}"] not in (None, ""):
            rule[key] = _text(cells[f"rule.{key}"])
    for key in ("low_inclusive", "high_inclusive", "photo_on_fail"):
        flag = _flag(cells[f"rule.{key}"], f"{where}.{key}", errors)
        if flag is not None:
            rule[key] = flag
    choices = _split_lines(cells["rule.choices"], 4)
    if choices:
        rule["choices"] = [
            {"value": c[0], "label": c[1], "score": c[2], "pass": c[3] != NO} for c in choices
        ]
    parts = _split_lines(cells["rule.parts"], 2)
    if parts:
        rule["parts"] = [{"value": p[0], "label": p[1]} for p in parts]
    item: dict[str, Any] = {
        "key": _text(cells["key"]).strip() or None,
        "visible_when": _text(cells["visible_when"]).strip() or None,
        "prompt": _text(cells["prompt"]),
        "guidance": _text(cells["guidance"]),
        "answer_type": answer_type,
        "rule": rule,
        "weight": _text(cells["weight"]) or "1",
        "severity": _text(cells["severity"]),
        "validity_note": _text(cells["validity_note"]),
        "source_span": _text(cells["source_span"]),
        "derivation_note": _text(cells["derivation_note"]),
        "fix_n": _text(cells["fix_n"]) or None,
        "fix_unit": _text(cells["fix_unit"]) or None,
        "fix_span": _text(cells["fix_span"]),
        "valid_from": _date_cell(cells["valid_from"], f"{where}.valid_from", errors),
        "valid_to": _date_cell(cells["valid_to"], f"{where}.valid_to", errors),
    }
    for key, default in (
        ("na_allowed", True),
        ("required", True),
        ("scored", True),
        ("validity_confirmed", False),
    ):
        flag = _flag(cells[key], f"{where}.{key}", errors)
        item[key] = default if flag is None else flag
    version = cells["clause.document_version"]
    if version not in (None, ""):
        try:
            version = int(_text(version))
        except ValueError:
            errors[f"{where}.document_version"] = _("Expected a whole number.")
            version = None
    else:
        version = None
    item["clause"] = {
        "key": _text(cells["clause.key"]),
        "document": _text(cells["clause.document"]) or None,
        "document_version": version,
        "text": _text(cells["clause.text"]),
        "text_hash": _text(cells["clause.text_hash"]),
    }
    return item
