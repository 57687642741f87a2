"""A table of tasks (序号 | 重点任务 | 责任单位 | 完成时限): each row's tasks are read from its own
cells, and whoever its 责任单位 cell names is who must do them (its 完成时限 cell's date too, a
requirement of its own, GUIDE 1.4). Read as one text, a row's cells ran into each other: the
task (全面排查…) gave no requirement at all and the date (2024年4月底前) named no one. A table
of rates (车型 | 白天 | 24小时最高限价) likewise: each row's figures apply to the class its first
cell names (90周岁以上: its bound too, read as any case is). And a check table (检查项目 |
检查标准 | 检查结果): each row's standard, a state to check where it states no number. Pure
module (standard library, the requirement type, the case reader); ``extraction`` hands its
reader in.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import replace

from checklists.standards.cases import condition_at
from checklists.standards.picking import without_number
from checklists.standards.quantities import masked
from checklists.standards.requirements import Applicability, Requirement

#: A header cell naming who answers for a row's task (责任单位, 牵头单位, 责任部门, 责任主体).
_UNITS_HEAD = re.compile(r"^(?:责任|牵头|主责|承办|实施)(?:单位|部门|主体)")
#: A header cell naming what is to be done (重点任务, 工作任务, 整改措施, 工作内容, 目标任务).
_TASK_HEAD = re.compile(r"(?:任务|措施|内容|事项|目标|要求)")
#: A header cell of a row's number or note, no words to read (序号, 备注).
_NO_WORDS_HEAD = re.compile(r"^(?:序号|编号|备注)$")
#: Who helps, in a units cell after the lead ones (A牵头，B配合; A牵头 B、C配合).
_HELPERS = re.compile(r"(?:牵头(?:负责)?)[，,；;\s].*$|(?:牵头|负责|按职责分工负责)$")

Reader = Callable[[str, tuple[int, ...]], list[Requirement]]


def _rows_under_a_header(text: str) -> tuple[list[str], list[str]] | None:
    """A table's lines and its header's cells (its first line, cells apart by tabs), or None for
    a text with no such header."""
    lines = text.split("\n")
    if len(lines) < 2 or "\t" not in lines[0]:
        return None
    return lines, [c.strip() for c in lines[0].split("\t")]


def _cells_by_row(lines: list[str]) -> Iterator[list[tuple[int, str]]]:
    """Each row under a table's header: its cells, each with where it starts in the table."""
    at = len(lines[0]) + 1
    for line in lines[1:]:
        cells, offset = [], at
        for cell in line.split("\t"):
            cells.append((offset, cell))
            offset += len(cell) + 1
        yield cells
        at += len(line) + 1


def read_table(
    text: str, read: Reader, join_offsets: tuple[int, ...] = ()
) -> list[Requirement] | None:
    """The requirements of a table whose header says what kind it is, row by row: of tasks
    (序号 | 重点任务 | 责任单位 | 完成时限), of rates (车型 | 白天 | 24小时最高限价), a check table
    (检查项目 | 检查标准 | 检查结果) or a table of limits (指标名称 | 单位 | 标准值); None for any
    other text."""
    for reader in (read_task_table, read_rate_table, read_check_table, read_limit_table):
        if (found := reader(text, read, join_offsets)) is not None:
            return found
    return None


def _joins_in(join_offsets: tuple[int, ...], start: int, end: int) -> tuple[int, ...]:
    """Where a page break joined the words of the cell at ``start``..``end``, from its start."""
    return tuple(j - start for j in join_offsets if start < j < end)


def read_task_table(
    text: str, read: Reader, join_offsets: tuple[int, ...] = ()
) -> list[Requirement] | None:
    """The requirements of a table of tasks (its header names a task column and a 责任单位
    column), row by row; None for any other text (a table of figures, prose). ``read`` reads
    one cell (with where a page break joined its words)."""
    if (table := _rows_under_a_header(text)) is None:
        return None
    lines, head = table
    units_col = next((k for k, c in enumerate(head) if _UNITS_HEAD.match(c)), None)
    if units_col is None or not any(_TASK_HEAD.search(c) for c in head):
        return None
    found: list[Requirement] = []
    for cells in _cells_by_row(lines):
        units = cells[units_col][1].strip() if units_col < len(cells) else ""
        units = _HELPERS.sub("", units).strip("，,；; ")
        row: list[Requirement] = []
        for k, (offset, cell) in enumerate(cells):
            named = head[k] if k < len(head) else ""
            if k != units_col and cell.strip() and not _NO_WORDS_HEAD.match(named):
                # (the time cell too: a date is a row of its own, GUIDE 1.4)
                joins = _joins_in(join_offsets, offset, offset + len(cell))
                row += [replace(r, start=r.start + offset) for r in read(cell, joins)]
        if units:
            row = [
                r if r.subject else replace(r, subject=units, subject_kind="authority") for r in row
            ]
        found += row
    return found


#: A header cell naming the classes a table's rows are (车型 | 收费标准: 小型车, 大型车…).
_CLASS_HEAD = re.compile(
    r"^(?:类别|类型|分类|车型|种类|品种|地区|区域|地区类别|等级|级别|档次|档位|对象|补助对象|人员类别)$"
)
#: A unit a header cell gives its figures in (补助标准（元/人·月）, 限价(元/吨)).
_HEAD_UNIT = re.compile(r"\s*[（(]\s*(?P<unit>[^（()）\d]{1,12}?)\s*[）)]\s*$")
_BARE_NUMBER = re.compile(r"\d{1,9}(?:\.\d+)?")


def read_rate_table(
    text: str, read: Reader, join_offsets: tuple[int, ...] = ()
) -> list[Requirement] | None:
    """The requirements of a table of rates (车型 | 白天 | 夜间 | 24小时最高限价: a class named
    in each row's first cell, the figures for it in the others), row by row; None for any
    other text. Each figure cell is read alone; one that says nothing alone (30元 under
    24小时最高限价; 300 under 补助标准（元/人·月）) is read after its column's header, in the
    header's unit. Each row's requirements apply to its class (小型车)."""
    if (table := _rows_under_a_header(text)) is None:
        return None
    lines, head = table
    names = [k for k, c in enumerate(head) if not _NO_WORDS_HEAD.match(c)]
    if len(names) < 2 or not _CLASS_HEAD.match(head[names[0]]):
        return None
    class_col = names[0]
    found: list[Requirement] = []
    for cells in _cells_by_row(lines):
        name = cells[class_col][1].strip() if class_col < len(cells) else ""
        # (the class as a case, read once a row: 90周岁以上 with its bound, 小型车 by name)
        case = condition_at(name, masked(name), 0, len(name)) if name else None
        for k, (offset, cell) in enumerate(cells):
            words = cell.strip()
            if k > class_col and k < len(head) and name and re.search(r"\d", words):
                start = offset + cell.find(words)
                # (read alone first: its own spans, its page-break joins)
                joins = _joins_in(join_offsets, start, start + len(words))
                rows = [replace(r, start=r.start + start) for r in read(words, joins)]
                if not rows:
                    rows = [
                        replace(r, start=start, span=words) for r in _figures(words, head[k], read)
                    ]
                found += [r if r.applies_when else replace(r, applies_when=case) for r in rows]
    return found


def _figures(words: str, head: str, read: Reader) -> list[Requirement]:
    """What a figure cell that says nothing alone says after its column's header (``head``),
    in the header's unit."""
    unit = _HEAD_UNIT.search(head)
    topic = head[: unit.start()] if unit else head
    if unit and _BARE_NUMBER.fullmatch(words):
        words += unit.group("unit")  # (300 under 补助标准（元/人·月）: 300元/人·月)
    return [r for r in read(topic + words, ()) if r.start + len(r.span) > len(topic)]


#: A header cell naming what a row is checked against (检查标准, 检查要求, 考核标准, 标准要求).
_STANDARD_HEAD = re.compile(
    r"^(?:检查|考核|评价|验收|评分|评定)?(?:标准|要求|标准要求|内容及标准)$"
)
#: A header cell naming what a row checks (检查项目, 项目, 检查事项).
_ITEM_HEAD = re.compile(r"^(?:检查|考核|评价|验收)?(?:项目|事项|类别|环节)$")
#: Words a standard cell holds that state nothing to check (无, /, —).
_NO_STANDARD = re.compile(r"[\s/／—\-－无]*")


def read_check_table(
    text: str, read: Reader, join_offsets: tuple[int, ...] = ()
) -> list[Requirement] | None:
    """The requirements of a check table (序号 | 检查项目 | 检查标准 | 检查结果: each row a thing
    checked and the standard it must meet), row by row; None for any other text. A standard
    cell is read alone (不超过2米: its number); one that states no number nor modal word
    (持有有效经营许可证) is still the row's requirement: a state to check (GUIDE 1.1: an item
    of a standard states what a thing is to be)."""
    if (table := _rows_under_a_header(text)) is None:
        return None
    lines, head = table
    standard = next((k for k, c in enumerate(head) if _STANDARD_HEAD.match(c)), None)
    item = next((k for k, c in enumerate(head) if _ITEM_HEAD.match(c)), None)
    if standard is None or item is None:
        return None
    found: list[Requirement] = []
    for cells in _cells_by_row(lines):
        cell_at, cell = cells[standard] if standard < len(cells) else (0, "")
        words = cell.strip()
        if words and not _NO_STANDARD.fullmatch(words):
            start = cell_at + cell.find(words)
            # (软管长度 | 不超过2米: what is measured, from the item's cell, then its bound)
            named = cells[item][0] if item < standard else start
            end = start + len(words)
            joins = _joins_in(join_offsets, named, end)
            rows = [replace(r, start=r.start + named) for r in read(text[named:end], joins)]
            if not any(r.start + len(r.span) > start for r in rows):
                # (a state to check, no number: the standard's words, without their stop)
                stop = start + len(words.rstrip("。；;"))
                rows = [
                    without_number(
                        text, start, stop, modality=None, kind="presence", join_offsets=join_offsets
                    )
                ]
            found += rows
    return found


#: A header cell naming what a row limits (指标名称, 污染物项目, 控制项目, 参数).
_MEASURE_HEAD = re.compile(
    r"^(?:(?:技术|质量|控制|监测|检测|评价)?指标(?:名称)?|(?:污染物|控制|检测|监测)?项目(?:名称)?|"
    r"污染物|参数|名称)$"
)
#: A header cell of the unit a row's figures are in (单位, 计量单位).
_UNIT_HEAD = re.compile(r"^(?:计量)?单位$")
#: A header cell of the figure a row must meet (标准值, 限值, 排放限值（mg/L）, 控制值).
_LIMIT_HEAD = re.compile(
    r"^(?:标准值|(?:标准|排放|浓度|控制)?限值|指标值|控制值|要求值|最高允许排放浓度|允许值)"
    r"(?:\s*[（(][^（()）]{1,12}[）)])?$"
)
#: A header cell naming a grade each row's figure in its column is for (一级, Ⅱ类, A级, 甲级).
_GRADE_HEAD = re.compile(r"^(?:[一二三四五六\dⅠⅡⅢⅣⅤIV]{1,3}|[A-E]|[甲乙丙丁])[级类等]$")
#: A figure's number, the unit going right after it (≤50 → ≤50mg/L; ≤5（8）: after the 5).
_FIGURE = re.compile(r"\d+(?:\.\d+)?")


def read_limit_table(
    text: str, read: Reader, join_offsets: tuple[int, ...] = ()
) -> list[Requirement] | None:
    """The requirements of a table of limits (指标名称 | 单位 | 标准值: what is measured, its
    unit, its bound; or 项目 | 一级 | 二级: a bound for each grade), row by row; None for any
    other text. Each figure cell is read after its row's name, in the row's unit (from the unit
    column, or the name's or the column's brackets: 服务半径（米）); its words are the row's
    own, from the name to the figure. A grade's figure applies to that grade."""
    if (table := _rows_under_a_header(text)) is None:
        return None
    lines, head = table
    name_col = next((k for k, c in enumerate(head) if _MEASURE_HEAD.match(c)), None)
    unit_col = next((k for k, c in enumerate(head) if _UNIT_HEAD.match(c)), None)
    limits = [k for k, c in enumerate(head) if _LIMIT_HEAD.match(c)]
    grades = [k for k, c in enumerate(head) if _GRADE_HEAD.match(c)]
    if name_col is None or not (limits or len(grades) >= 2):
        return None
    found: list[Requirement] = []
    for cells in _cells_by_row(lines):
        if name_col >= len(cells) or not (name := cells[name_col][1].strip()):
            continue
        named_at = cells[name_col][0] + cells[name_col][1].find(name)
        unit = cells[unit_col][1].strip() if unit_col is not None and unit_col < len(cells) else ""
        own = _HEAD_UNIT.search(name)
        topic = name[: own.start()] if own else name
        for k in limits or grades:
            if k >= len(cells) or not _FIGURE.search(words := cells[k][1].strip()):
                continue
            bracket = own or _HEAD_UNIT.search(head[k])
            given = unit or (bracket.group("unit").strip() if bracket else "")
            figure = _FIGURE.search(words)
            rows = read(f"{topic}{words[: figure.end()]}{given}{words[figure.end() :]}", ())
            end = cells[k][0] + cells[k][1].find(words) + len(words)
            span = text[named_at:end]
            case = Applicability(head[k]) if k in grades else None
            found += [
                replace(r, start=named_at, span=span, applies_when=r.applies_when or case)
                for r in rows
            ]
    return found
