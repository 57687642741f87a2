"""Tables for download: columns, one SELECT read in batches, the one CSV writer, the rows of a
workbook's sheets, and the one guard of workbook cells.

An ``Export`` is one SELECT of plain columns (no ORM objects and so no lazy loads) and how a
result row becomes cells; its rows are read ``BATCH`` at a time (``yield_per``: a server-side
cursor on PostgreSQL) and written as they arrive. ``csv_response`` streams them as CSV, UTF-8
with a byte order mark (so that Excel reads the Chinese), text a spreadsheet would run as a
formula neutralised (``csv_cell``).

Workbooks are made with XlsxWriter (``XLSX_OPTIONS``: text never becomes a formula, a link or
a number); the data rows of a large sheet are written by ``SheetRows`` in the form XlsxWriter
gives them in constant-memory mode, then put into the workbook by ``splice_rows`` (see there
why). Workbooks made with openpyxl (the template exchange) write their cells through
``xlsx_cells``: text stays text, never a formula.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import operator
import re
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import IO, Any
from xml.etree import ElementTree
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from flask import Response, stream_with_context
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE
from xlsxwriter.utility import xl_col_to_name

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
#: A cell's first character ("" for an empty cell) …
_FIRST = operator.itemgetter(slice(0, 1))
#: … one that may start a formula (a sign may start a number too: ``csv_cell`` tells).
_FORMULA_FIRST = re.compile("[=+\\-@\t\r]")
#: What the csv module writes as ``csv_cell`` has it: text, numbers, None (an empty cell) and
#: dates (``str`` of a date is its ISO 8601). A row holding anything else goes cell by cell.
_NONE = type(None)
_AS_THEY_ARE = frozenset({str, int, float, Decimal, _NONE, dt.date})
#: What has the csv module quote a field: the quote, a line break (a comma is counted).
_QUOTED = re.compile('["\r\n]')
#: Asia/Shanghai has been eight hours ahead of UTC at every moment since China gave up daylight
#: saving time in September 1991: a later moment is shifted without looking up the zone's rules.
_STEADY_SINCE = dt.datetime(1991, 9, 15)
_EIGHT_HOURS = dt.timedelta(hours=8)


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
    """One export: its columns, the SELECT that reads it, and how a result row becomes cells.

    ``convert`` takes a result row as a tuple, its values in the order the SELECT lists its
    columns (unpacking it is much cheaper than reading each value by its name)."""

    kind: str
    columns: tuple[Column, ...]
    query: sa.Select
    convert: Callable[[Sequence[Any]], list[Any]]
    #: Run once before the rows are read: reads what rows look up (in a SELECT of its own).
    preload: Callable[[], None] | None = None

    @property
    def header(self) -> list[str]:
        return [c.heading for c in self.columns]

    def rows(self) -> Iterator[list[Any]]:
        """The rows, read ``BATCH`` at a time; the cursor is closed however iteration ends.

        The SELECT runs on the session's connection without the ORM's handling of results (the
        columns are plain values: the ORM has nothing to add, and took half the time)."""
        if self.preload is not None:
            self.preload()
        query = self.query.execution_options(yield_per=BATCH)
        result = db.session.connection().execute(query)
        try:
            for batch in result.partitions():
                yield from map(self.convert, batch)
        finally:
            result.close()


def local_time(moment: dt.datetime | None) -> str:
    """ISO 8601 in Asia/Shanghai with its offset (``2026-11-21T11:00:00+08:00``); a naive
    moment is UTC (SQLite hands those back)."""
    if moment is None:
        return ""
    offset = moment.utcoffset()
    if offset is not None:
        moment = moment.replace(tzinfo=None) - offset
    if moment < _STEADY_SINCE:
        return moment.replace(tzinfo=dt.UTC).astimezone(ZONE).isoformat()
    return (moment + _EIGHT_HOURS).isoformat() + "+08:00"


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
    """A converter of values into what ``sheet.append`` takes (an openpyxl write-only sheet or
    an ordinary one): text stays text, never a formula or an error code (a value starting with
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
    """CSV text in chunks of ``CHUNK_ROWS`` rows, a byte order mark first, every cell as
    ``csv_cell`` has it, quoted as the csv module quotes.

    Most rows need nothing done to them: their cells are text, numbers and dates, none starts
    as a formula would, none holds a comma, a quote or a line break. Such a row is its cells'
    text joined by commas (what the csv module would write, for less than half the cost); a
    row of other cells goes through ``csv_cell`` and the csv module."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    write, put = writer.writerow, buffer.write
    as_they_are, formula, quoted = _AS_THEY_ARE, _FORMULA_FIRST.search, _QUOTED.search
    put("\ufeff")
    write(header)
    for n, row in enumerate(rows, start=1):
        kinds = set(map(type, row))
        cells = list(map(str, row)) if kinds <= as_they_are else None
        if cells is None or formula("".join(map(_FIRST, cells))):
            write([csv_cell(v) for v in row])
        else:
            line = ",".join(cells)
            if (
                _NONE in kinds  # None is written as an empty field
                or len(cells) < 2  # a lone empty field is written ""
                or line.count(",") != len(cells) - 1
                or quoted(line)
            ):
                write(row)
            else:
                put(line + "\r\n")
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


# --- workbooks ----------------------------------------------------------------------------

#: Every XlsxWriter workbook's options: rows go to temporary files as they are written (memory
#: stays flat), and text is written as text, never read as a formula, a link or a number.
XLSX_OPTIONS = {
    "constant_memory": True,
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
}
#: How a date cell shows: 2026-11-21.
DATE_FORMAT = "yyyy-mm-dd"
#: The most text a cell holds (Excel's limit, in UTF-16 units); longer text is cut, as
#: XlsxWriter cuts it.
CELL_CHARS = 32_767
#: Excel counts days from this one; its count is right from 1 March 1900 (an earlier date is
#: written as text).
_EXCEL_EPOCH = dt.date(1899, 12, 30)
_FIRST_DAY = dt.date(1900, 3, 1)
#: What no cell may hold: control characters (openpyxl's ILLEGAL_CHARACTERS_RE, which Excel
#: refuses), lone surrogates and U+FFFE, U+FFFF (no XML may hold them).
_UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
#: A character the row's template cannot write as it is: to escape, or to remove.
_NOT_PLAIN = re.compile("[&<>\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
#: Stands for the date style's number in the rows until the workbook's styles are known (no
#: cell's text holds a NUL: ``xlsx_text`` removes it).
_DATE_STYLE = "\x00"
_MAIN_NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
#: Shapes of row remembered by a sheet (each is one template).
_SHAPES = 1024


def xlsx_text(value: str) -> str:
    """Text as a cell holds it: without the characters no cell may hold, cut at ``CELL_CHARS``
    (``"ok\\x07"`` is ``"ok"``)."""
    if _UNWRITABLE.search(value):
        value = _UNWRITABLE.sub("", value)
    if len(value) > CELL_CHARS // 2:
        units = value.encode("utf-16-le")
        if len(units) > 2 * CELL_CHARS:
            value = units[: 2 * CELL_CHARS].decode("utf-16-le", "ignore")
    return value


def _cell(ref: str, value: Any) -> str:
    """One cell's XML as XlsxWriter writes it in constant-memory mode ("" when empty): text as
    an in-line string (never a formula, a link or an error code), numbers, booleans, a date
    with the date style; a moment as its local time in text (``local_time``); anything else as
    its text."""
    if value is None or (isinstance(value, str) and not value):
        return ""
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, int):
        return f'<c r="{ref}"><v>{int(value)}</v></c>'
    if (isinstance(value, float) and math.isfinite(value)) or (
        isinstance(value, Decimal) and value.is_finite()
    ):
        return f'<c r="{ref}"><v>{value}</v></c>'
    if isinstance(value, dt.datetime):
        value = local_time(value)
    elif isinstance(value, dt.date) and value >= _FIRST_DAY:
        return f'<c r="{ref}" s="{_DATE_STYLE}"><v>{(value - _EXCEL_EPOCH).days}</v></c>'
    cut = xlsx_text(value if isinstance(value, str) else str(value))
    if not cut:
        return ""
    escaped = cut.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    space = ' xml:space="preserve"' if cut[0].isspace() or cut[-1].isspace() else ""
    return f'<c r="{ref}" t="inlineStr"><is><t{space}>{escaped}</t></is></c>'


def _picker(positions: Sequence[int]) -> Callable[[Sequence[Any]], tuple[Any, ...]] | None:
    """A function from a row to the tuple of its cells at ``positions`` (None: no position)."""
    if not positions:
        return None
    if len(positions) == 1:
        only = positions[0]
        return lambda row: (row[only],)
    return operator.itemgetter(*positions)


@dataclass(frozen=True)
class _Shape:
    """How rows of one shape (each cell's type, which are empty) are written: ``template``, the
    row's XML with places for the row number ({0}) and each cell ({1}, {2} …), and the cells to
    look at first: text (``texts``), numbers that might not be finite, dates (in days)."""

    template: str
    texts: Callable[[Sequence[Any]], tuple[Any, ...]] | None
    floats: Callable[[Sequence[Any]], tuple[Any, ...]] | None
    decimals: Callable[[Sequence[Any]], tuple[Any, ...]] | None
    dates: tuple[int, ...]

    def row(self, number: int, row: Sequence[Any]) -> str | None:
        """Row ``number``'s XML, or None when a cell needs more than the template does."""
        if self.texts is not None:
            texts = self.texts(row)
            joined = "".join(texts)
            if (
                len(joined) > CELL_CHARS // 2
                or _NOT_PLAIN.search(joined)
                or tuple(map(str.strip, texts)) != texts  # space at an end: xml:space
            ):
                return None
        if self.floats is not None and not all(map(math.isfinite, self.floats(row))):
            return None
        if self.decimals is not None and not all(map(Decimal.is_finite, self.decimals(row))):
            return None
        if self.dates:
            row = list(row)
            for j in self.dates:
                if row[j] < _FIRST_DAY:
                    return None
                row[j] = (row[j] - _EXCEL_EPOCH).days
        return self.template.format(number, *row)


class SheetRows:
    """The data rows of one sheet (row 2 on: row 1 is the header, the workbook's) as the XML of
    its ``<sheetData>``, in the very form XlsxWriter writes in constant-memory mode, kept in a
    temporary file until ``splice_rows`` puts them into the workbook. Memory stays flat: a
    thousand rows are gathered at a time.

    A cell is written as ``_cell`` writes it. Most rows are written without looking at each
    cell: a row's shape (its cells' types, which are empty) picks a template made once, the
    row's text is checked in one search (anything to escape or remove, space at an end), and
    one ``str.format`` writes the row; other rows go cell by cell. 113,400 answers of 24
    columns take 3 s on the benchmark machine, where XlsxWriter's ``write_row`` took 32."""

    def __init__(self, columns: int = 0) -> None:
        #: The header's cells (the sheet is at least this wide).
        self.columns = columns
        #: Data rows written.
        self.count = 0
        #: The most cells in a row.
        self.width = 0
        #: Columns (from 0) that may hold a date (every date cell's column is one): the
        #: workbook gives them the date style.
        self.date_columns: set[int] = set()
        self.file: IO[bytes] = tempfile.TemporaryFile()
        self._letters: list[str] = []
        self._shapes: dict[tuple[Any, ...], _Shape | None] = {}

    def write(self, rows: Iterable[Sequence[Any]]) -> None:
        """Write ``rows`` after those written so far."""
        shapes, gathered = self._shapes, []
        number = self.count + 1
        for row in rows:
            number += 1
            key = (*map(type, row), *map(bool, row))
            try:
                shape = shapes[key]
            except KeyError:
                if len(shapes) >= _SHAPES:
                    shapes.clear()
                shape = shapes[key] = self._shape(row)
            xml = None if shape is None else shape.row(number, row)
            gathered.append(self._slowly(number, row) if xml is None else xml)
            if len(gathered) == 1000:
                self.file.write("".join(gathered).encode())
                gathered.clear()
                self.count = number - 1
        self.file.write("".join(gathered).encode())
        self.count = number - 1

    def close(self) -> None:
        self.file.close()

    def _letter(self, j: int) -> str:
        while len(self._letters) <= j:
            self._letters.append(xl_col_to_name(len(self._letters)))
        return self._letters[j]

    def _shape(self, row: Sequence[Any]) -> _Shape | None:
        """The template for rows shaped as ``row`` (None: such rows go cell by cell)."""
        cells: list[str] = []
        texts: list[int] = []
        floats: list[int] = []
        decimals: list[int] = []
        dates: list[int] = []
        for j, value in enumerate(row):
            kind, ref, place = type(value), self._letter(j) + "{0}", "{" + str(j + 1) + "}"
            if value is None or (kind is str and not value):
                continue
            if kind is str:
                texts.append(j)
                cells.append(f'<c r="{ref}" t="inlineStr"><is><t>{place}</t></is></c>')
            elif kind is int or kind is float or kind is Decimal:
                if kind is float:
                    floats.append(j)
                elif kind is Decimal:
                    decimals.append(j)
                cells.append(f'<c r="{ref}"><v>{place}</v></c>')
            elif kind is dt.date:
                dates.append(j)
                self.date_columns.add(j)
                cells.append(f'<c r="{ref}" s="{_DATE_STYLE}"><v>{place}</v></c>')
            else:
                return None
        self.width = max(self.width, len(row))
        template = '<row r="{0}">' + "".join(cells) + "</row>"
        return _Shape(template, _picker(texts), _picker(floats), _picker(decimals), tuple(dates))

    def _slowly(self, number: int, row: Sequence[Any]) -> str:
        """Row ``number``'s XML, cell by cell."""
        cells = []
        for j, value in enumerate(row):
            cell = _cell(f"{self._letter(j)}{number}", value)
            if _DATE_STYLE in cell:
                self.date_columns.add(j)
            cells.append(cell)
        self.width = max(self.width, len(row))
        return f'<row r="{number}">{"".join(cells)}</row>'


def splice_rows(workbook: bytes, sheets: Mapping[str, SheetRows], out: IO[bytes]) -> None:
    """Write to ``out`` the workbook XlsxWriter made (``workbook``: each data sheet holds its
    header row only) with each sheet's rows after its header (``sheets``, by the sheet's part
    in the archive: ``xl/worksheets/sheet1.xml`` is the first sheet added), its dimension
    widened to them, their dates given the style showing ``DATE_FORMAT``. Every other part is
    XlsxWriter's as it made it.

    Why not let XlsxWriter write the rows too: ``worksheet.write_row`` spends some 10 µs of
    Python on each cell (32 s for 113,400 answers of 24 columns on the benchmark machine,
    where 5 s is the aim), and it compresses the archive at zlib's default level, 4 s for
    those answers' 140 MB of XML. Here that is level 1: under a second, for a file some 7 %
    larger."""
    with (
        zipfile.ZipFile(io.BytesIO(workbook)) as made,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive,
    ):
        style = b""
        if any(rows.date_columns for rows in sheets.values()):
            style = _style_number(made.read("xl/styles.xml"), DATE_FORMAT)
        for info in made.infolist():
            data = made.read(info)
            rows = sheets.get(info.filename)
            if rows is None:
                archive.writestr(info.filename, data)
                continue
            head, tail = data.decode().split("</sheetData>")
            width = max(rows.width, rows.columns, 1)
            dimension = f'<dimension ref="A1:{xl_col_to_name(width - 1)}{rows.count + 1}"/>'
            head, found = re.subn(r'<dimension ref="[^"]*"/>', dimension, head, count=1)
            if not found:
                raise ValueError(f"{info.filename}: no dimension to widen")
            size = rows.file.seek(0, io.SEEK_END) + len(data)
            rows.file.seek(0)
            with archive.open(
                info.filename, "w", force_zip64=size > zipfile.ZIP64_LIMIT // 2
            ) as part:
                part.write(head.encode())
                while chunk := rows.file.read(1 << 20):
                    part.write(chunk.replace(b"\x00", style) if rows.date_columns else chunk)
                part.write(b"</sheetData>" + tail.encode())


def _style_number(styles: bytes, number_format: str) -> bytes:
    """The number (its place in ``cellXfs``) of the cell style of ``styles`` (the workbook's
    xl/styles.xml) showing numbers as ``number_format``."""
    root = ElementTree.fromstring(styles)
    formats = root.iterfind("m:numFmts/m:numFmt", _MAIN_NS)
    codes = {f.get("formatCode"): f.get("numFmtId") for f in formats}
    wanted = codes.get(number_format)
    for number, xf in enumerate(root.iterfind("m:cellXfs/m:xf", _MAIN_NS)):
        if wanted is not None and xf.get("numFmtId") == wanted:
            return str(number).encode()
    raise LookupError(f"no cell style shows numbers as {number_format}")
