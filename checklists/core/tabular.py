"""Tables for download: columns, one SELECT read in batches, the one CSV writer and the one
guard of workbook cells.

An ``Export`` is one SELECT of plain columns (no ORM objects and so no lazy loads) and how a
result row becomes cells; its rows are read ``BATCH`` at a time (``yield_per``: a server-side
cursor on PostgreSQL) and written as they arrive. ``csv_response`` streams them as CSV, UTF-8
with a byte order mark (so that Excel reads the Chinese), text a spreadsheet would run as a
formula neutralised (``csv_cell``). Every workbook (openpyxl) writes its cells through
``xlsx_cells``: text stays text, never a formula.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from flask import Response, stream_with_context
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE

from checklists.core.db import as_utc
from checklists.core.extensions import db

#: Times in exports are in the service's zone.
ZONE = ZoneInfo("Asia/Shanghai")
#: Rows fetched per round trip (and kept in memory at a time).
BATCH = 2000
#: CSV rows gathered before a chunk is sent.
CHUNK_ROWS = 500
#: A CSV cell starting with one of these would be run as a formula by a spreadsheet.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
#: A number as a spreadsheet reads one (``-5``, ``+1.5e3``): left as it is although it starts
#: with a sign. Not ``-inf``, ``+NaN`` or ``-1_0``, which ``Decimal`` reads but Excel does not.
_NUMBER = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")


@dataclass(frozen=True)
class Column:
    #: The column's code (``status``, ``due_on``): stable, what code reading an export keys on.
    name: str
    #: Excel column width (characters).
    width: int = 14
    #: What the header row says (``状态``); the code when empty.
    label: str = ""

    @property
    def heading(self) -> str:
        return self.label or self.name


def columns(*spec: str | tuple[str, int] | tuple[str, int, str]) -> tuple[Column, ...]:
    """Columns from names, (name, width) or (name, width, label) tuples."""
    return tuple(Column(*s) if isinstance(s, tuple) else Column(s) for s in spec)


@dataclass
class Export:
    """One export: its columns, the SELECT that reads it, and how a result row becomes cells."""

    kind: str
    columns: tuple[Column, ...]
    query: sa.Select
    convert: Callable[[sa.Row], list[Any]]

    @property
    def header(self) -> list[str]:
        return [c.heading for c in self.columns]

    def rows(self) -> Iterator[list[Any]]:
        """The rows, read ``BATCH`` at a time; the cursor is closed however iteration ends."""
        result = db.session.execute(self.query.execution_options(yield_per=BATCH))
        try:
            for row in result:
                yield self.convert(row)
        finally:
            result.close()


def local_time(moment: dt.datetime | None) -> str:
    """ISO 8601 with the +08:00 offset (SQLite hands back naive UTC)."""
    if moment is None:
        return ""
    return as_utc(moment).astimezone(ZONE).isoformat()


def text(value: Any) -> str:
    """An enum or other value as plain text ("" for None)."""
    return "" if value is None else str(value)


def labeller(labels: Mapping[Any, Any]) -> Callable[[Any], str]:
    """A function from a code (``"open"``, an enum member) to its label as text, read once in
    the current language (``labels`` may hold lazy strings); "" for None, the code itself when
    ``labels`` has none for it."""
    resolved = {str(code): str(label) for code, label in labels.items() if code is not None}

    def label(code: Any) -> str:
        if code is None:
            return ""
        key = str(code)
        return resolved.get(key, key)

    return label


def csv_cell(value: Any) -> Any:
    """A value as a CSV cell: dates in ISO 8601, booleans as 1/0, and text a spreadsheet would
    run as a formula (=, +, -, @, tab or CR first, unless it is a number) prefixed with an
    apostrophe."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str) and value.startswith(FORMULA_START) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def xlsx_cells(sheet: Any) -> Callable[[Any], Any]:
    """A converter of values into what ``sheet.append`` takes (a write-only sheet or an
    ordinary one): text stays text, never a formula or an error code (a value starting with
    "=" is a cell typed as a string), without the control characters a workbook may not hold
    (openpyxl refuses them)."""
    illegal = ILLEGAL_CHARACTERS_RE.search

    def convert(value: Any) -> Any:
        if not isinstance(value, str):
            return value
        if illegal(value):
            value = ILLEGAL_CHARACTERS_RE.sub("", value)
        if value.startswith("=") or value in ERROR_CODES:
            cell = WriteOnlyCell(sheet, value=value)
            cell.data_type = "s"
            return cell
        return value

    return convert


def csv_chunks(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> Iterator[str]:
    """CSV text in chunks of ``CHUNK_ROWS`` rows, a byte order mark first, every cell through
    ``csv_cell``."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    buffer.write("\ufeff")
    writer.writerow(header)
    for n, row in enumerate(rows, start=1):
        writer.writerow([csv_cell(v) for v in row])
        if n % CHUNK_ROWS == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def csv_response(header: Sequence[str], rows: Iterable[Sequence[Any]], filename: str) -> Response:
    """A CSV download streamed as the rows are read (``csv_chunks``), named ``filename``."""
    response = Response(stream_with_context(csv_chunks(header, rows)), mimetype="text/csv")
    response.headers["Content-Disposition"] = f"attachment; filename={filename}"
    return response
