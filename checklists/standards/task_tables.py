"""A table of tasks (序号 | 重点任务 | 责任单位 | 完成时限): each row's tasks are read from its own
cells, and whoever its 责任单位 cell names is who must do them (its 完成时限 cell's date too, a
requirement of its own, GUIDE 1.4). Read as one text, a row's cells ran into each other: the
task (全面排查…) gave no requirement at all and the date (2024年4月底前) named no one. Pure
module (standard library and the requirement type); ``extraction`` hands its reader in.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from checklists.standards.requirements import Requirement

#: A header cell naming who answers for a row's task (责任单位, 牵头单位, 责任部门, 责任主体).
_UNITS_HEAD = re.compile(r"^(?:责任|牵头|主责|承办|实施)(?:单位|部门|主体)")
#: A header cell naming what is to be done (重点任务, 工作任务, 整改措施, 工作内容, 目标任务).
_TASK_HEAD = re.compile(r"(?:任务|措施|内容|事项|目标|要求)")
#: A header cell of a row's number or note, no words to read (序号, 备注).
_NO_WORDS_HEAD = re.compile(r"^(?:序号|编号|备注)$")
#: Who helps, in a units cell after the lead ones (A牵头，B配合; A牵头 B、C配合).
_HELPERS = re.compile(r"(?:牵头(?:负责)?)[，,；;\s].*$|(?:牵头|负责|按职责分工负责)$")

Reader = Callable[[str, tuple[int, ...]], list[Requirement]]


def read_task_table(
    text: str, read: Reader, join_offsets: tuple[int, ...] = ()
) -> list[Requirement] | None:
    """The requirements of a table of tasks (its header names a task column and a 责任单位
    column), row by row; None for any other text (a table of figures, prose). ``read`` reads
    one cell (with where a page break joined its words)."""
    lines = text.split("\n")
    if len(lines) < 2 or "\t" not in lines[0]:
        return None
    head = [c.strip() for c in lines[0].split("\t")]
    units_col = next((k for k, c in enumerate(head) if _UNITS_HEAD.match(c)), None)
    if units_col is None or not any(_TASK_HEAD.search(c) for c in head):
        return None
    found: list[Requirement] = []
    at = len(lines[0]) + 1
    for line in lines[1:]:
        cells = line.split("\t")
        units = cells[units_col].strip() if units_col < len(cells) else ""
        units = _HELPERS.sub("", units).strip("，,；; ")
        row: list[Requirement] = []
        offset = at
        for k, cell in enumerate(cells):
            named = head[k] if k < len(head) else ""
            if k != units_col and cell.strip() and not _NO_WORDS_HEAD.match(named):
                # (the time cell too: a date is a row of its own, GUIDE 1.4)
                joins = tuple(j - offset for j in join_offsets if offset < j < offset + len(cell))
                row += [replace(r, start=r.start + offset) for r in read(cell, joins)]
            offset += len(cell) + 1
        if units:
            row = [
                r if r.subject else replace(r, subject=units, subject_kind="authority") for r in row
            ]
        found += row
        at += len(line) + 1
    return found
