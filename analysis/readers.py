"""Turn uploaded bytes into grids of cells, one per sheet, whatever the format.

The format is recognised from the content, not the file name (a PNG renamed .xlsx is told apart).
Workbooks (xlsx, xlsm, xls, ods) are read with fastexcel (the calamine reader, which never runs macros)
into Arrow tables of cell texts, so that 50,000 rows cost no Python object per cell; text files are
decoded (BOM, UTF-16, UTF-8, else cp1252/latin-1), their delimiter found from the widths of the first
records (quotes respected), and read strictly: a NUL byte or a quote never closed refuses the file at its
line. Grids keep absolute positions: grid[i][j] is Excel row i+1, column j+1 (a text file's line i+1), so
every message can point at the cell a person sees. A cell whose formula failed keeps the text a spreadsheet
shows (#DIV/0!, #N/A, ...), never a blank: calamine hands such cells over as empty, so they are written back
from the errors fastexcel reports (xlsx, xls) or from content.xml (ods).

Hostile files (shared/STACK-NOTES.md section H). calamine aborts the whole process, with no exception to
catch, on a cell far outside the table (XFD1048576) or a crafted .xls header. So workbooks are parsed in a
child process limited to `limits.PARSE_MEMORY_BYTES` and `limits.PARSE_SECONDS`, and while it parses, the
app checks the bytes (`check_workbook`): the zip directory (parts, declared sizes, encryption), every XML
part stream-inflated with a byte cap (a part that inflates past the size its directory declares is
refused: declared sizes can lie), XML document type declarations (entity expansion), and the cell
references actually used in each sheet against the row and column limits; OLE2 files are told apart
(password-protected xlsx, password-protected xls, Word) from their directory. A file the checks refuse
has its child killed and is refused in their words; what the checks cannot foresee ends the child, not
the app. Text files have their lines counted before they are decoded. Every limit is named in
analysis.limits.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import itertools
import os
import pickle
import re
import struct
import subprocess
import sys
import tempfile
import zipfile
import zlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import IO
from xml.etree import ElementTree

import fastexcel
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from analysis import limits


class UnreadableFile(Exception):
    """The file cannot be read as a spreadsheet; the message says why in plain words (and `row`, the line of a
    text file it is about, when there is one)."""

    def __init__(self, message: str, row: int | None = None):
        super().__init__(message)
        self.row = row


@dataclass(eq=False)
class Sheet:
    name: str
    rows: Sequence[list]       # rows[i] is Excel row i+1 (for workbooks a TableRows view of the Arrow table)
    visible: bool = True
    merged: list[tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=list)
    note: str = ""     # how the sheet was read: a text file's encoding and delimiter; formulas, hidden rows
    hidden_rows: list[int] = field(default_factory=list)   # Excel row numbers hidden in the sheet (xlsx)
    formulas: int = 0                                      # cells holding a formula (xlsx): cached values used
    delimiter: str = ""                                    # text files: the character between values

    @property
    def numbers_exact(self) -> bool:
        """True for workbook cells, where a plain number string is how a number cell was written out (so
        '1.234' is one point two three four); False for text files, where a person typed it."""
        return isinstance(self.rows, TableRows) and self.rows.typed

    def width(self) -> int:
        """Columns from A to the last one used."""
        if isinstance(self.rows, TableRows):
            return self.rows.offset + self.rows.table.num_columns
        return max(map(len, self.rows), default=0)

    def is_blank(self) -> bool:
        """No cell holds anything but spaces."""
        return not any(pc.any(pc.not_equal(pc.utf8_trim_whitespace(self.column(c)), "")).as_py()
                       for c in range(self.width()))

    def column(self, c: int) -> pa.Array:
        """Column c (0 = A) of every row, as text (None where empty): what the ingest works on, at C speed."""
        if isinstance(self.rows, TableRows):
            return self.rows.column(c)
        return pa.array([row[c] if c < len(row) and row[c] != "" else None for row in self.rows], pa.string())


_PLAIN_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d*[1-9])?")        # how a number cell is written out
_DATE_TIME = re.compile(r"(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)(?:\.(\d+))?")


def cell_value(text: str | None) -> object:
    """A workbook cell as python-calamine would give it, from its text: '' (empty), float, date, datetime,
    time, bool or str. Text that looks exactly like a written-out number is taken for one."""
    if text is None:
        return ""
    if _PLAIN_NUMBER.fullmatch(text):
        return float(text)
    if len(text) >= 19 and (m := _DATE_TIME.fullmatch(text)):
        y, mo, d, h, mi, sec = map(int, m.groups()[:6])
        micro = int((m.group(7) or "0")[:6].ljust(6, "0"))
        if (y, mo, d) == (1899, 12, 31):
            return dt.time(h, mi, sec, micro)
        if (h, mi, sec, micro) == (0, 0, 0, 0):
            return dt.date(y, mo, d)
        return dt.datetime(y, mo, d, h, mi, sec, micro)
    if text in ("true", "false"):
        return text == "true"
    return text


# What a spreadsheet shows in a cell whose formula failed, in English and in the other languages of Excel
# and LibreOffice that a museum may save a CSV in (a CSV keeps the text shown), with what went wrong.
FORMULA_FAILURES = {
    "#DIV/0!": "it divides by zero, often a share of an empty total",
    "#N/A": "it looks up a value that is not there",
    "#VALUE!": "it calculates with text where a number is needed",
    "#REF!": "it points at cells that were deleted",
    "#NAME?": "it uses a function or name the spreadsheet does not know",
    "#NUM!": "its result is not a number that can be calculated",
    "#NULL!": "it refers to two ranges that do not meet",
    "#GETTING_DATA": "it was still fetching its data when the file was saved",
    "#SPILL!": "its results would spill over cells that are not empty",
    "#CALC!": "it cannot calculate its result",
}
_LOCAL_FAILURES = {
    "#NV": "#N/A", "#WERT!": "#VALUE!", "#BEZUG!": "#REF!", "#ZAHL!": "#NUM!",                      # German
    "#VALEUR!": "#VALUE!", "#NOM?": "#NAME?", "#NOMBRE!": "#NUM!", "#NUL!": "#NULL!",               # French
    "#¡DIV/0!": "#DIV/0!", "#¡VALOR!": "#VALUE!", "#¡REF!": "#REF!", "#¿NOMBRE?": "#NAME?",         # Spanish
    "#¡NUM!": "#NUM!", "#¡NULO!": "#NULL!",
    "#N/D": "#N/A", "#VALORE!": "#VALUE!", "#RIF!": "#REF!", "#NOME?": "#NAME?", "#NULLO!": "#NULL!",  # Italian
    "#VALOR!": "#VALUE!", "#NÚM!": "#NUM!", "#NULO!": "#NULL!",                                     # Portuguese
    "#DEEL/0!": "#DIV/0!", "#N/B": "#N/A", "#WAARDE!": "#VALUE!", "#VERW!": "#REF!",                # Dutch
    "#NAAM?": "#NAME?", "#GETAL!": "#NUM!", "#LEEG!": "#NULL!",
}
FORMULA_FAILURE_TEXTS = frozenset({*FORMULA_FAILURES, *_LOCAL_FAILURES,
                                   *(f"Err:{n}" for n in range(500, 600))})   # LibreOffice: Err:502 and the like


def formula_failure(text: str, where: str = "The cell") -> str:
    """Why a formula shows `text` (one of FORMULA_FAILURE_TEXTS), in plain words."""
    why = FORMULA_FAILURES.get(_LOCAL_FAILURES.get(text, text), "it could not be calculated")
    return (f"{where} shows {text}: its formula failed ({why}), so there is no answer to load. A failed formula "
            "is not a blank answer. Correct the formula, or type the value, in the spreadsheet and upload it again.")


def _text(text: str | None) -> str:
    return "" if text is None else text


class TableRows(Sequence):
    """A sheet's rows over its Arrow table (every cell as text, columns from `offset`): rows are built as
    Python lists only where they are read (the header area, samples), while the ingest reads whole columns
    at C speed. Slices are views. `typed`: workbook cells, given back as python-calamine types them."""

    def __init__(self, table: pa.Table, offset: int, start: int = 0, stop: int | None = None, *, typed: bool = True):
        self.table, self.offset, self.typed = table, offset, typed
        self.start, self.stop = start, table.num_rows if stop is None else stop

    def __len__(self) -> int:
        return max(0, self.stop - self.start)

    def __getitem__(self, i):
        if isinstance(i, slice):
            start, stop, step = i.indices(len(self))
            if step != 1:
                return list(self)[i]
            return TableRows(self.table, self.offset, self.start + start, self.start + max(start, stop),
                             typed=self.typed)
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        return self._rows(self.start + i, 1)[0]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, (list, TableRows)) and list(self) == list(other)

    def __iter__(self):
        for at in range(self.start, self.stop, 1024):
            yield from self._rows(at, min(1024, self.stop - at))

    def _rows(self, at: int, n: int) -> list[list]:
        pad, value = [""] * self.offset, cell_value if self.typed else _text
        columns = [[value(v) for v in col.to_pylist()] for col in self.table.slice(at, n).columns]
        return [pad + list(row) for row in zip(*columns)] if columns else [[] for _ in range(n)]

    def column(self, c: int) -> pa.Array:
        j = c - self.offset
        if 0 <= j < self.table.num_columns:
            chunks = self.table.column(j).slice(self.start, len(self))
            return chunks.chunk(0) if chunks.num_chunks == 1 else chunks.combine_chunks()
        return pa.nulls(len(self), pa.string())


def sniff_format(data: bytes) -> str:
    if not data:
        raise UnreadableFile("The file is empty (0 bytes).")
    if data.startswith(b"PK\x03\x04"):
        return _zip_format(data)
    if data.startswith(_OLE2_MAGIC):
        return _ole_format(data)      # legacy Excel; or a password-protected xlsx, a Word file, ...
    for magic, what in ((b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
                        (b"%PDF", "a PDF document"), (b"GIF8", "a GIF image"),
                        (b"PK\x05\x06", "an empty zip archive"), (b"\x1f\x8b", "a gzip archive"),
                        (b"Rar!", "a RAR archive"), (b"7z\xbc\xaf", "a 7-Zip archive")):
        if data.startswith(magic):
            raise UnreadableFile(f"This is {what}, not a spreadsheet. Upload an xlsx, xls, ods or csv file.")
    return "csv"


def _zip_format(data: bytes) -> str:
    entries = _zip_entry_count(data)
    if entries is not None and entries > limits.MAX_ZIP_ENTRIES:
        raise UnreadableFile(f"The file is a zip archive of {entries:,} parts, more than the limit of "
                             f"{limits.MAX_ZIP_ENTRIES:,}; a workbook has a few dozen. It is damaged or not a "
                             "spreadsheet.")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
            names = {i.filename for i in infos}
            declared = sum(i.file_size for i in infos)
            if declared > limits.MAX_UNCOMPRESSED_BYTES:
                raise UnreadableFile(
                    f"The workbook would unpack to {declared / 1e6:,.0f} MB, more than the limit of "
                    f"{limits.MAX_UNCOMPRESSED_BYTES / 1e6:,.0f} MB. Split it into smaller files.")
            if "xl/workbook.xml" in names:
                return "xlsm" if "xl/vbaProject.bin" in names else "xlsx"
            if "content.xml" in names and "mimetype" in names:
                if b"spreadsheet" in zf.read("mimetype"):
                    return "ods"
                raise UnreadableFile("This is an OpenDocument file but not a spreadsheet (ods).")
            if "word/document.xml" in names:
                raise UnreadableFile("This is a Word document, not a spreadsheet.")
    except zipfile.BadZipFile as exc:
        raise UnreadableFile(f"The file looks like a workbook but is damaged or truncated ({exc}).") from exc
    raise UnreadableFile("This is a zip archive, not a spreadsheet. Upload the xlsx, xls, ods or csv file itself.")


def read_sheets(data: bytes) -> tuple[str, list[Sheet]]:
    """Return (format, sheets). Raises UnreadableFile with a plain-words reason."""
    if (reason := limits.too_big(len(data))) is not None:
        raise UnreadableFile(reason)
    fmt = sniff_format(data)
    if fmt == "csv":
        check_text(data)
        return fmt, [read_text(data)]
    if limits.PARSE_IN_CHILD and sys.executable:
        facts, sheets = _check_while_child_parses(data, fmt)
    else:
        facts = check_workbook(data, fmt)
        sheets = _read_workbook(data, fmt)
    for sheet in sheets:
        _describe(sheet, facts.get(sheet.name), fmt)
    return fmt, sheets


def _describe(sheet: Sheet, facts: dict | None, fmt: str) -> None:
    """Add what the checks learnt from the sheet's XML (merged cells, formulas, hidden rows, ods error cells)
    and say in the sheet's note what a person should know about how it was read (shown with the report)."""
    if not facts:
        return
    if facts.get("errors") and isinstance(sheet.rows, TableRows):
        rows = sheet.rows
        cells = {(r, c - rows.offset): text for (r, c), text in facts["errors"].items()}
        sheet.rows = TableRows(_with_texts(rows.table, rows.offset, cells), rows.offset, typed=rows.typed)
    sheet.formulas, sheet.hidden_rows = facts["formulas"], sorted(facts["hidden_rows"])
    if fmt in ("xlsx", "xlsm"):
        sheet.merged = sorted(facts["merged"])
    said = []
    if sheet.formulas:
        said.append(f"{sheet.formulas:,} cell(s) hold formulas: the values Excel last calculated were used "
                    "(formulas are not recalculated)")
    if sheet.hidden_rows:
        shown = ", ".join(str(r) for r in sheet.hidden_rows[:20]) + (", ..." if len(sheet.hidden_rows) > 20 else "")
        said.append(f"row(s) {shown} are hidden in Excel and were read like the other rows")
    if said:
        sheet.note = f"sheet '{sheet.name}': " + "; ".join(said)


def _read_workbook(data: bytes, fmt: str) -> list[Sheet]:
    """Every sheet as an Arrow table of cell texts (fastexcel, the calamine reader without Python objects
    per cell), keeping Excel positions: leading empty rows are kept, the first used column is recorded."""
    try:
        book = fastexcel.read_excel(data)
        sheets = []
        for name in book.sheet_names:
            sheet = book.load_sheet(name, header_row=None, skip_rows=0, dtypes="string")
            if sheet.width > limits.MAX_COLUMNS:
                raise UnreadableFile(f"Sheet '{name}' has {sheet.width:,} columns, more than the limit "
                                     f"of {limits.MAX_COLUMNS:,}.")
            if sheet.total_height > limits.MAX_ROWS + limits.HEADER_SCAN_ROWS:
                raise UnreadableFile(f"Sheet '{name}' has {sheet.total_height:,} rows, more than the limit "
                                     f"of {limits.MAX_ROWS:,}. Split the file.")
            columns = sheet.available_columns()
            offset = columns[0].absolute_index if columns else 0
            table = pa.table({})
            if columns:
                batch, errors = sheet.to_arrow_with_errors()
                table = _with_texts(pa.Table.from_batches([batch]), offset, _error_cells(errors))
            sheets.append(Sheet(name, TableRows(table, offset), sheet.visible == "visible"))
            del sheet                                   # the parsed cells: freed before the next sheet is read
        return sheets
    except UnreadableFile:
        raise
    except Exception as exc:  # the reader raises its own error types for damaged / encrypted files
        text = str(exc)
        if unknown := re.search(r"Unsupported cell error value '([^']{1,40})'", text):
            raise UnreadableFile(_failed_cell(data, unknown.group(1))) from None
        if fmt == "xls" and ("encrypt" in text.lower() or "password" in text.lower() or "cfb" in text.lower()):
            raise UnreadableFile("The workbook is password-protected. Save an unprotected copy and upload that.") from exc
        raise UnreadableFile(f"The {fmt} workbook could not be read: {text.splitlines()[0] if text else exc!r}") from exc


# calamine's names for the error values a cell can hold (its CellErrorType), as spreadsheets show them
_ERROR_KINDS = {"Div0": "#DIV/0!", "NA": "#N/A", "Value": "#VALUE!", "Ref": "#REF!", "Name": "#NAME?",
                "Num": "#NUM!", "Null": "#NULL!", "GettingData": "#GETTING_DATA"}
_ERROR_KIND = re.compile(r"Error\((" + "|".join(_ERROR_KINDS) + r")\)")


def _error_cells(errors: fastexcel.CellErrors | None) -> dict[tuple[int, int], str]:
    """{(row, column within the table): text} of the error cells (a formula that failed: #DIV/0!, #N/A, ...),
    which the reader hands over as empty cells, as if the museum had not answered."""
    cells = {}
    for error in errors.errors if errors else ():
        if kind := _ERROR_KIND.search(error.detail):
            cells[error.position] = _ERROR_KINDS[kind.group(1)]
    return cells


def _with_texts(table: pa.Table, offset: int, cells: dict[tuple[int, int], str]) -> pa.Table:
    """The table with these cells ({(row, column within the table): text}) set to their text (error cells, so
    that the ingest names each one); cells outside the table hold no survey answer and are left out."""
    by_column: dict[int, dict[int, str]] = {}
    for (r, c), text in cells.items():
        if 0 <= c < table.num_columns and 0 <= r < table.num_rows:
            by_column.setdefault(c, {})[r] = text
    for c, texts in by_column.items():
        values = table.column(c).to_pylist()
        for r, text in texts.items():
            values[r] = text
        table = table.set_column(c, table.field(c), pa.array(values, pa.string()))
    return table


def _failed_cell(data: bytes, shown: str) -> str:
    """calamine refuses a whole xlsx over an error value it does not know (#SPILL!, #CALC! of newer Excel):
    say which cell holds it, from the sheet XML (the checks have passed it), and that its formula failed."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for part, sheet in _xlsx_sheet_parts(zf).items():
            xml = zf.read(part).decode("utf-8", "replace")
            for cell in re.finditer(r"<c\b([^>]*)>(?:(?!</c>).){0,4000}?<v>" + re.escape(shown) + "</v>", xml, re.S):
                if ref := re.search(r'\br="([A-Z]{1,3}\d+)"', cell.group(1)):
                    return formula_failure(shown, f"Sheet '{sheet}', cell {ref.group(1)},")
    return formula_failure(shown, "A cell")


def decode_text(data: bytes) -> tuple[str, str]:
    """Return (text, encoding): BOMs first, then UTF-16 without BOM, UTF-8, else cp1252 / latin-1."""
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as exc:
                raise UnreadableFile(f"The file starts with the mark of {enc} text, but byte {exc.start:,} is not "
                                     f"{enc}: the file is damaged or cut short. Save it again from the spreadsheet "
                                     "and upload that copy.") from None
    head = data[:4000]
    if head and head.count(b"\x00") > len(head) // 4:
        enc = "utf-16-le" if head[1:2] == b"\x00" else "utf-16-be"
        return data.decode(enc, errors="replace"), enc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


DELIMITERS = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"}
_SNIFF_RECORDS, _SNIFF_CHARS = 50, 1 << 18


def sniff_delimiter(text: str) -> str:
    """The delimiter under which the most of the first records have one width: a heading row and its
    answers agree on their width only when cut at the real delimiter. Records are read as the csv module
    reads them, so a quoted name full of semicolons, commas, quotes and brackets ("Robert'); DROP TABLE
    x;--") is one value whatever the delimiter tried (csv.Sniffer guesses from quote patterns inside values
    and is fooled by them). A delimiter that only answers contain cuts those into pieces, but leaves the
    heading row whole: so the share of records of the common width decides, then their number and width."""
    sample = text[:_SNIFF_CHARS]
    if len(text) > _SNIFF_CHARS:
        sample = sample[: max(sample.rfind("\n"), 0)] or sample
    best, best_score = ",", (0.0, 0, 0)
    for delimiter in DELIMITERS:
        reader = csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter)
        records = [len(record) for record in itertools.islice(reader, _SNIFF_RECORDS) if any(record)]
        widths = Counter(width for width in records if width > 1)
        if widths:
            width, n = max(widths.items(), key=lambda item: (item[1], item[0]))
            if (score := (n / len(records), n, width)) > best_score:
                best, best_score = delimiter, score
    return best


def read_text(data: bytes) -> Sheet:
    """A text file as rows of cells, rows[i] being line i+1 (a record whose quoted value spans lines is
    followed by empty rows). Read strictly enough that no row is lost without a word: a NUL character or a
    quote that is never closed refuses the file, naming the line; rows whose width differs from the
    heading row's are reported by analysis.ingest, which knows where the heading row is."""
    text, encoding = decode_text(data)
    if (nul := text.find("\x00")) >= 0:
        raise UnreadableFile(_nul_message(text, nul), row=line_number(text, nul))
    delimiter = sniff_delimiter(text)
    note = f"read as {encoding} text, {DELIMITERS[delimiter]}-separated"
    table = _rectangular_text(text, delimiter)
    if table is not None:
        if table.num_columns > limits.MAX_COLUMNS:
            raise UnreadableFile(f"Line 1 has {table.num_columns:,} columns, more than the limit of "
                                 f"{limits.MAX_COLUMNS:,}.")
        if sum(pc.sum(pc.not_equal(column, "")).as_py() or 0 for column in table.columns) > limits.MAX_CELLS:
            raise _too_many_cells()
        return Sheet("CSV", TableRows(table, 0, typed=False), note=note, delimiter=delimiter)
    # The sentinel line (a NUL, which the text cannot hold) comes back as the last record only if every quote
    # was closed: otherwise the open quote swallows it, and the record that opened it is named.
    end = "" if not text or text.endswith(("\n", "\r")) else "\n"
    reader = csv.reader(io.StringIO(text + end + "\x00", newline=""), delimiter=delimiter)
    rows: list[list] = []
    start = 1
    try:
        for record in reader:
            while len(rows) < start - 1:
                rows.append([])                 # the lines a quoted value spans: rows[i] stays line i+1
            rows.append(record)
            if len(rows) > limits.MAX_ROWS + limits.HEADER_SCAN_ROWS:
                raise UnreadableFile(f"The file has more than {limits.MAX_ROWS:,} rows, the limit. Split it.")
            if len(record) > limits.MAX_COLUMNS:
                raise UnreadableFile(f"Line {start} has {len(record):,} columns, more than the limit of "
                                     f"{limits.MAX_COLUMNS:,}.", row=start)
            start = reader.line_num + 1
    except csv.Error as exc:
        if "field larger than field limit" in str(exc):
            raise UnreadableFile(_unclosed_quote(start, f"a value starting there runs on for more than "
                                                        f"{csv.field_size_limit():,} characters"), row=start) from None
        raise UnreadableFile(f"The text file could not be read as CSV near line {start}: {exc}", row=start) from exc
    if rows.pop() != ["\x00"]:
        raise UnreadableFile(_unclosed_quote(len(rows) + 1, "everything after it, to the end of the file, would "
                                                            "be one value"), row=len(rows) + 1)
    if sum(1 for row in rows for cell in row if cell) > limits.MAX_CELLS:
        raise _too_many_cells()
    return Sheet("CSV", rows, note=note, delimiter=delimiter)


def _unclosed_quote(line: int, what: str) -> str:
    return (f"Line {line} has a quote (\") that opens a value and is never closed: {what}, so the rows below it "
            "would be lost. Close the quote (a quote inside a value is written twice: \"\"), or save the file "
            "again from the spreadsheet, and upload it again.")


def _nul_message(text: str, at: int) -> str:
    """Which lines hold a NUL character (a zero byte; the first at `at`): a text file never does, so the file
    is damaged or is not the text it claims to be; guessing which values it cut would risk wrong answers."""
    lines = []
    while at >= 0 and len(lines) < 6:
        lines.append(line_number(text, at))
        breaks = [b for b in (text.find("\n", at), text.find("\r", at)) if b >= 0]
        at = text.find("\x00", min(breaks)) if breaks else -1
    shown = ", ".join(f"{n:,}" for n in lines[:5]) + (" and more" if len(lines) > 5 else "")
    return (f"Line{'s' if len(lines) > 1 else ''} {shown} hold{'' if len(lines) > 1 else 's'} a NUL character (a "
            "zero byte), which a text file never contains: the file is damaged, or it is not plain text. Open it "
            "in a spreadsheet program, save it again as CSV and upload that copy.")


def line_number(text: str, at: int) -> int:
    """The line (from 1) of position `at`, counting line breaks as the csv module does (\r\n, \r or \n)."""
    return text.count("\n", 0, at) + text.count("\r", 0, at) - text.count("\r\n", 0, at) + 1


def _rectangular_text(text: str, delimiter: str) -> pa.Table | None:
    """A text file whose every line is one row of the same width, read at C speed (pyarrow), cells as
    written ('' where empty); None for anything else (titles above the table, line breaks inside quotes,
    a quote left open, blank lines), which the csv module reads line by line, keeping each row's line
    number. A line with an odd number of quotes ends inside a quoted value (or holds a stray quote):
    pyarrow would close such a value at the line's end without a word, so those files go the slow way."""
    end = text.find("\n")
    width = len(next(csv.reader([text[: end if end >= 0 else len(text)].rstrip("\r")], delimiter=delimiter), []))
    if width < 2:
        return None
    raw = text.encode("utf-8")
    if b'"' in raw:                # (a lone \r in quotes breaks a line for the csv module, but not for pyarrow)
        if raw.count(b"\r") != raw.count(b"\r\n"):
            return None
        each_line = pc.split_pattern(pa.array([raw], pa.binary()), b"\n").flatten()
        if pc.any(pc.bit_wise_and(pc.count_substring(each_line, b'"'), 1).cast(pa.bool_())).as_py():
            return None
    try:
        table = pacsv.read_csv(
            io.BytesIO(raw),
            read_options=pacsv.ReadOptions(autogenerate_column_names=True),
            parse_options=pacsv.ParseOptions(delimiter=delimiter, ignore_empty_lines=False),
            convert_options=pacsv.ConvertOptions(column_types={f"f{i}": pa.string() for i in range(width)},
                                                 strings_can_be_null=False, quoted_strings_can_be_null=False))
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return None
    lines = raw.count(b"\n") + (not raw.endswith(b"\n"))
    return table if table.num_rows == lines and table.num_columns == width else None


# --- before parsing: text files ---------------------------------------------------------------------------
def check_text(data: bytes) -> None:
    """Refuse a text file with more lines than the row limit allows, before decoding it. A quoted cell may
    span lines, so lines >= rows: a file refused here has more lines, not necessarily more rows."""
    lines = max(data.count(b"\n"), data.count(b"\r"))
    most = limits.MAX_ROWS + limits.HEADER_SCAN_ROWS
    if lines > most:
        raise UnreadableFile(f"The file has {lines:,} lines, more than the limit of {limits.MAX_ROWS:,} survey rows "
                             f"(plus {limits.HEADER_SCAN_ROWS} for titles and headings). Split it into smaller "
                             "files, for example one per country.")


# --- before parsing: workbooks (zip: xlsx, xlsm, ods) --------------------------------------------------------
_INFLATE_IN = 1 << 18           # compressed bytes fed to zlib at a time
_INFLATE_OUT = 1 << 20          # most inflated bytes produced at a time
_OVERLAP = 512                  # bytes either side of a chunk boundary looked at again (a <row> cut in two)
_XML_PART = re.compile(r"\.(xml|rels|vml)$", re.IGNORECASE)
_ELEMENT_START = re.compile(rb"<[A-Za-z_]")
_DTD_MARKERS = tuple(m.encode(enc) for m in ("<!DOCTYPE", "<!ENTITY") for enc in ("ascii", "utf-16-le", "utf-16-be"))


def _too_many_cells() -> UnreadableFile:
    return UnreadableFile(f"The file holds more than {limits.MAX_CELLS:,} cells, the limit for one upload. Split it "
                          "into smaller files (for example one per country).")


_PASSWORD = ("The workbook is password-protected (encrypted), so it cannot be read. Open it in Excel, remove "
             "the password (File > Info > Protect Workbook > Encrypt with Password, then clear it), save and "
             "upload that copy.")


def check_workbook(data: bytes, fmt: str) -> dict[str, dict]:
    """The checks run on a workbook's bytes before anything parses it; raises UnreadableFile. Returns what
    was learnt on the way, per sheet name (xlsx): {"formulas": count, "hidden_rows": {Excel row, ...}}."""
    if fmt in ("xlsx", "xlsm", "ods"):
        return _check_zip_parts(data, fmt)
    return {}     # xls: the OLE2 directory and the workbook stream were checked by sniff_format (_ole_format)


def _zip_entry_count(data: bytes) -> int | None:
    """Parts in a zip, from its end-of-central-directory record, before zipfile builds its directory."""
    at = data.rfind(b"PK\x05\x06", max(0, len(data) - 65_557))
    if at < 0 or at + 22 > len(data):
        return None
    (entries,) = struct.unpack_from("<H", data, at + 10)
    return None if entries == 0xFFFF else entries           # zip64: zipfile reads the real count


def _check_zip_parts(data: bytes, fmt: str) -> dict[str, dict]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
            sheets = _xlsx_sheet_parts(zf) if fmt != "ods" else {}
    except zipfile.BadZipFile as exc:
        raise UnreadableFile(f"The file looks like a workbook but is damaged or truncated ({exc}).") from exc
    facts: dict[str, dict] = {}
    cells, ods_errors = 0, False
    for info in infos:
        if info.flag_bits & 0x1:
            raise UnreadableFile(_PASSWORD)
        if not _XML_PART.search(info.filename):
            continue                                    # pictures, printer settings, macros: never parsed
        name = info.filename
        worksheet = fmt != "ods" and (name in sheets or (name.startswith("xl/worksheets/") and "/_rels/" not in name))
        label = f"Sheet '{sheets[name]}'" if name in sheets else f"The worksheet part '{name}'"
        found = (facts.setdefault(sheets.get(name, name), {"formulas": 0, "hidden_rows": set(), "merged": set()})
                 if worksheet else None)
        in_prolog, carry = True, b""
        for chunk in _inflate(data, info):
            if in_prolog:
                in_prolog = _check_prolog(carry + chunk, name)
            seam = carry + chunk[:_OVERLAP]              # what a chunk boundary cut in two is looked for in
            if name == "content.xml":
                cells += chunk.count(b"<table:table-cell")
                ods_errors = ods_errors or any(_ODS_ERROR in window for window in (seam, chunk))
            elif worksheet:
                cells += _count_cells(chunk)
                if cells > limits.MAX_CELLS:
                    raise _too_many_cells()
            if worksheet:
                for window in (seam, chunk):
                    _check_cell_references(window, label)
                    _gather(window, found)
                if chunk.count(b"<f"):
                    found["formulas"] += chunk.count(b"<f>") + chunk.count(b"<f ")
            carry = chunk[-_OVERLAP:]
    if ods_errors:
        for sheet, errors in _ods_error_cells(data).items():
            facts.setdefault(sheet, {"formulas": 0, "hidden_rows": set(), "merged": set()})["errors"] = errors
    return facts


_ODS_ERROR = b'calcext:value-type="error"'
_ODS = {p: "{urn:oasis:names:tc:opendocument:xmlns:" + p + ":1.0}" for p in ("table", "text")}
_CALCEXT = "{urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0}"


def _ods_error_cells(data: bytes) -> dict[str, dict[tuple[int, int], str]]:
    """{sheet: {(row, column): text shown}} of the cells LibreOffice marks as a failed formula
    (calcext:value-type="error"), which calamine reads as empty text. Only run when the checks saw one, on a
    content.xml they have passed (no document type declaration, no more bytes than declared)."""
    table, cell = _ODS["table"], (_ODS["table"] + "table-cell", _ODS["table"] + "covered-table-cell")
    found: dict[str, dict[tuple[int, int], str]] = {}
    sheet, row, column = "", 0, 0
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf, zf.open("content.xml") as xml:
            for event, element in ElementTree.iterparse(xml, events=("start", "end")):
                if event == "start":
                    if element.tag == table + "table":
                        sheet, row = element.get(table + "name", ""), 0
                    elif element.tag == table + "table-row":
                        column = 0
                    continue
                if element.tag in cell:
                    if element.get(_CALCEXT + "value-type") == "error":
                        shown = "\n".join("".join(p.itertext()) for p in element.iter(_ODS["text"] + "p"))
                        found.setdefault(sheet, {})[(row, column)] = shown.strip()
                    column += int(element.get(table + "number-columns-repeated", "1"))
                    element.clear()
                elif element.tag == table + "table-row":
                    row += int(element.get(table + "number-rows-repeated", "1"))
                    element.clear()
    except (ElementTree.ParseError, ValueError, zipfile.BadZipFile, OSError, EOFError, zlib.error) as exc:
        raise UnreadableFile("The ods file holds cells whose formula failed, but its content cannot be read to say "
                             f"which ({str(exc)[:120]}). Open it in LibreOffice and save a fresh copy.") from None
    return found


_NAMESPACED_CELL = re.compile(rb"<[A-Za-z_][\w.-]*:c[\s>/]")
_HIDDEN_ROW = re.compile(rb"""<row\b[^>]*?\shidden=["'](?:1|true)["'][^>]*>""")
_ROW_NUMBER = re.compile(rb"""\sr=["'](\d+)["']""")
_MERGE = re.compile(rb"""<mergeCell\s+ref=["']\$?([A-Za-z]{1,3})\$?(\d{1,7}):\$?([A-Za-z]{1,3})\$?(\d{1,7})["']""")


def _count_cells(chunk: bytes) -> int:
    """Cells in a chunk of sheet XML, from above (a limit, not a statistic): xlsx <c ...> (one bytes.count, at
    memory speed, which also counts the few <col>, <cfRule>... elements), ods <table:table-cell ...>; the
    regex for namespaced tags (<x:c ...>) only runs where such a prefix appears."""
    return chunk.count(b"<c") + (len(_NAMESPACED_CELL.findall(chunk)) if b":c " in chunk else 0)


def _gather(xml: bytes, found: dict) -> None:
    """Hidden rows and merged cells of a worksheet, from its XML (the reader does not report them)."""
    for row in (_HIDDEN_ROW.finditer(xml) if b"hidden=" in xml else ()):
        number = _ROW_NUMBER.search(row.group(0))
        if number and len(found["hidden_rows"]) < 1000:
            found["hidden_rows"].add(int(number.group(1)))
    for merge in (_MERGE.finditer(xml) if b"<mergeCell" in xml else ()):
        c0, r0, c1, r1 = merge.groups()
        found["merged"].add(((int(r0) - 1, column_number(c0.decode()) - 1),
                             (int(r1) - 1, column_number(c1.decode()) - 1)))


def _inflate(data: bytes, info: zipfile.ZipInfo):
    """Yield a part's bytes as they inflate, never more than its directory declares (a part that inflates
    past its declared size is refused as soon as it does: the sizes of a crafted zip can lie)."""
    damaged = UnreadableFile(f"The workbook is damaged or truncated: its part '{info.filename}' cannot be read.")
    try:
        signature, *_, name_length, extra_length = struct.unpack_from("<IHHHHHIIIHH", data, info.header_offset)
    except struct.error:
        raise damaged from None
    if signature != 0x04034B50:
        raise damaged
    start = info.header_offset + 30 + name_length + extra_length
    if info.compress_type == zipfile.ZIP_STORED:
        if info.compress_size != info.file_size:
            raise damaged
        end = min(start + info.compress_size, len(data))
        for at in range(start, end, _INFLATE_OUT):
            yield data[at: min(at + _INFLATE_OUT, end)]
        return
    if info.compress_type != zipfile.ZIP_DEFLATED:
        raise UnreadableFile(f"The workbook's part '{info.filename}' is compressed with a method spreadsheet "
                             f"programs do not use ({info.compress_type}). Open it in Excel and save a fresh copy.")
    inflater, at, produced = zlib.decompressobj(-15), start, 0
    try:
        while not inflater.eof:
            if inflater.unconsumed_tail:
                chunk = inflater.decompress(inflater.unconsumed_tail, _INFLATE_OUT)
            elif at < len(data):
                chunk = inflater.decompress(data[at: at + _INFLATE_IN], _INFLATE_OUT)
                at += _INFLATE_IN
            else:
                raise damaged
            produced += len(chunk)
            if produced > info.file_size:
                raise UnreadableFile(
                    f"The workbook is damaged or was crafted to exhaust memory: its part '{info.filename}' unpacks "
                    f"to more than the {info.file_size:,} bytes its zip directory declares. Nothing was read from "
                    "it. Open the file in Excel and save a fresh copy, or ask the sender for one.")
            if chunk:
                yield chunk
    except zlib.error as exc:
        raise damaged from exc


def _check_prolog(buf: bytes, part: str) -> bool:
    """Refuse a document type declaration before the root element (entity expansion, 'billion laughs';
    Excel never writes one). Returns whether the root element is still to come."""
    if buf.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or buf[:2] in (b"<\x00", b"\x00<"):
        raise UnreadableFile(f"The workbook's part '{part}' is written in UTF-16, which spreadsheet programs do "
                             "not produce. Open the file in Excel and save a fresh copy.")
    root = _ELEMENT_START.search(buf)
    prolog = buf if root is None else buf[: root.start()]
    if any(marker in prolog for marker in _DTD_MARKERS):
        raise UnreadableFile(f"The workbook's part '{part}' declares XML entities (a document type declaration). "
                             "Excel never writes one; it is how 'entity expansion' attacks blow up memory. The file "
                             "was refused. Open it in Excel and save a fresh copy.")
    return root is None


def _xlsx_sheet_parts(zf: zipfile.ZipFile) -> dict[str, str]:
    """{part name: sheet name} from xl/workbook.xml and its relationships (small parts; a crafted one that
    lies about its size makes zipfile stop at the declared size and fail its CRC check: then {})."""
    try:
        names = {i.filename: i for i in zf.infolist()}
        book, rels = names.get("xl/workbook.xml"), names.get("xl/_rels/workbook.xml.rels")
        if book is None or rels is None or book.file_size + rels.file_size > 16 * 2**20:
            return {}
        book_xml, rels_xml = zf.read(book).decode("utf-8", "replace"), zf.read(rels).decode("utf-8", "replace")
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error, NotImplementedError, RuntimeError):
        return {}
    targets = {}
    for rel in re.findall(r"<(?:\w+:)?Relationship\b[^>]*>", rels_xml):
        rid, target = re.search(r'\bId="([^"]*)"', rel), re.search(r'\bTarget="([^"]*)"', rel)
        if rid and target:
            path = target.group(1)
            targets[rid.group(1)] = path.lstrip("/") if path.startswith("/") else \
                os.path.normpath("xl/" + path).replace(os.sep, "/")
    parts = {}
    for tag in re.findall(r"<(?:\w+:)?sheet\b[^>]*>", book_xml):
        sheet, rid = re.search(r'\bname="([^"]*)"', tag), re.search(r'\b\w+:id="([^"]*)"', tag)
        if sheet and rid and rid.group(1) in targets:
            parts[targets[rid.group(1)]] = _unescape(sheet.group(1))
    return parts


def _unescape(text: str) -> str:
    return (text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&apos;", "'")
            .replace("&amp;", "&"))


def column_number(letters: str) -> int:
    """'A' -> 1, 'XFD' -> 16384 (case-insensitive, as python-calamine reads references)."""
    number = 0
    for ch in letters.upper():
        number = number * 26 + ord(ch) - 64
    return number


def _letters(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@lru_cache(maxsize=8)
def _reference_pattern(max_columns: int, max_rows: int) -> re.Pattern:
    """One regex that matches only cell references that may be beyond the limits, so a normal sheet costs one
    C-speed pass and no Python per cell: a column past `max_columns` (more letters, or as many and later),
    or a row number that may be past `max_rows` (checked exactly in Python: such matches are rare)."""
    last = _letters(max_columns)
    over = [f"[A-Z]{{{len(last) + 1},}}"]
    for i, ch in enumerate(last):
        if ch != "Z":
            nxt = chr(ord(ch) + 1)
            over.append(re.escape(last[:i]) + f"[{nxt}-Z]" + "[A-Z]" * (len(last) - i - 1))
    digits, first = len(str(max_rows)), str(max_rows)[0]
    big = rf"\d{{{digits + 1},}}" + (rf"|[{first}-9]\d{{{digits - 1}}}" if first != "1" else rf"|\d{{{digits}}}")
    return re.compile(rb""" r=["'](?:(?P<cell>(?i:""" + "|".join(over).encode() + rb""")\d+)"""
                      rb"""|(?P<row>[A-Za-z]*+(?P<number>""" + big.encode() + rb"""))["'])""")


def _check_cell_references(xml: bytes, sheet: str) -> None:
    """Refuse a cell (or row) reference beyond the limits: calamine allocates the whole rectangle up to the
    last cell used, so one stray entry at XFD1048576 asks for 17 billion cells and aborts the process.
    The <dimension> element is not trusted; the references of the cells themselves are."""
    max_rows = limits.MAX_ROWS + limits.HEADER_SCAN_ROWS
    pattern = _reference_pattern(limits.MAX_COLUMNS, max_rows)

    def beyond(m: re.Match | None) -> bool:
        return m is not None and bool(m.group("cell") or int(m.group("number")) > max_rows)
    found = next(filter(beyond, pattern.finditer(xml)), None)
    if found is None:
        return
    if found.group("row") and found.group("row").isdigit():     # a <row r="..."> element: name its cell
        cell = pattern.search(xml, found.end(), found.end() + 2000)
        found = cell if beyond(cell) else found
    ref = (found.group("cell") or found.group("row")).decode("ascii", "replace").upper()
    where = f"cell {ref}" if not ref.isdigit() else f"row {int(ref):,}"
    raise UnreadableFile(
        f"{sheet} has something in {where}, outside the area a survey may use ({limits.MAX_COLUMNS:,} columns, "
        f"{max_rows:,} rows). If the sheet really is that big, split it into smaller files; if not, it is a stray "
        "entry or formatting: in Excel press Ctrl+End to jump to the last used cell, delete the empty rows and "
        "columns up to it, save and upload again. Nothing was read from the file.")


# --- before parsing: OLE2 files (xls, and what else hides in that container) ----------------------------------
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENDOFCHAIN, _FREESECT = 0xFFFFFFFE, 0xFFFFFFFF


def _ole_format(data: bytes) -> str:
    """'xls' for a legacy workbook. Refuses, in plain words, what else Office keeps in an OLE2 container:
    a password-protected xlsx (EncryptionInfo + EncryptedPackage streams), a password-protected xls (a
    FILEPASS record in the workbook stream), Word and PowerPoint files. A container this reader cannot
    follow is left to python-calamine, which explains it."""
    try:
        ole = _Cfb(data)
    except (struct.error, ValueError, IndexError):
        return "xls"
    names = {name.lower(): entry for name, entry in ole.entries.items()}
    if "encryptedpackage" in names or "encryptioninfo" in names:
        raise UnreadableFile(_PASSWORD)
    book = names.get("workbook") or names.get("book")
    if book is None:
        for stream, what in (("worddocument", "a Word document (.doc)"),
                             ("powerpoint document", "a PowerPoint presentation (.ppt)")):
            if stream in names:
                raise UnreadableFile(f"This is {what}, not a spreadsheet. Upload an xlsx, xls, ods or csv file.")
        raise UnreadableFile("This is an Office 97-2003 file (OLE2) with no Excel workbook in it. Upload an xlsx, "
                             "xls, ods or csv file.")
    try:
        head = ole.read(book, 1 << 16)
    except (struct.error, ValueError, IndexError):
        return "xls"
    at = 0
    for _ in range(256):                 # FILEPASS follows the first BOF record; look a little further
        if at + 4 > len(head):
            break
        kind, size = struct.unpack_from("<HH", head, at)
        if kind == 0x002F and head[at + 4: at + 6] != b"\x00\x00":
            raise UnreadableFile(_PASSWORD)
        if kind == 0x000A:               # EOF of the workbook globals
            break
        at += 4 + size
    return "xls"


class _Cfb:
    """Just enough of MS-CFB to list a compound file's streams and read the start of one."""

    def __init__(self, data: bytes):
        self.data = data
        shift, mini_shift = struct.unpack_from("<HH", data, 30)
        if shift not in (9, 12) or mini_shift != 6:
            raise ValueError("not a compound file")
        self.size = 1 << shift
        n_fat, first_dir, _, self.cutoff, first_minifat, _, first_difat, n_difat = struct.unpack_from(
            "<IIIIIIII", data, 44)
        difat = list(struct.unpack_from("<109I", data, 76))
        sector, seen = first_difat, 0
        while sector not in (_ENDOFCHAIN, _FREESECT) and seen < n_difat and len(difat) < n_fat + 109:
            words = struct.unpack_from(f"<{self.size // 4}I", data, self._offset(sector))
            difat += words[:-1]
            sector, seen = words[-1], seen + 1
        self.fat: list[int] = []
        for sector in difat[: min(n_fat, len(difat))]:
            self.fat += struct.unpack_from(f"<{self.size // 4}I", data, self._offset(sector))
        directory = b"".join(self._sector(s) for s in self._chain(first_dir))
        self.entries: dict[str, tuple[int, int, int]] = {}
        self.root = None
        for i in range(len(directory) // 128):
            entry = directory[i * 128: (i + 1) * 128]
            length, kind = struct.unpack_from("<HB", entry, 64)
            start, size = struct.unpack_from("<IQ", entry, 116)
            if self.size == 512:
                size &= 0xFFFFFFFF                      # version 3: the high word may be garbage
            if kind == 5:
                self.root = (kind, start, size)
            elif kind == 2 and 2 <= length <= 64:
                self.entries[entry[: length - 2].decode("utf-16-le", "replace")] = (kind, start, size)
        self.first_minifat = first_minifat

    def _offset(self, sector: int) -> int:
        offset = (sector + 1) * self.size
        if offset + self.size > len(self.data):
            raise ValueError("sector outside the file")
        return offset

    def _sector(self, sector: int) -> bytes:
        offset = self._offset(sector)
        return self.data[offset: offset + self.size]

    def _chain(self, start: int, fat: list[int] | None = None):
        fat = self.fat if fat is None else fat
        sector, steps = start, 0
        while sector not in (_ENDOFCHAIN, _FREESECT) and sector < len(fat):
            yield sector
            sector, steps = fat[sector], steps + 1
            if steps > len(fat):
                raise ValueError("sector chain loops")

    def read(self, entry: tuple[int, int, int], most: int) -> bytes:
        _, start, size = entry
        want = min(size, most)
        if size >= self.cutoff:
            out = bytearray()
            for sector in self._chain(start):
                out += self._sector(sector)
                if len(out) >= want:
                    break
            return bytes(out[:want])
        if self.root is None:
            raise ValueError("no root entry")
        minifat: list[int] = []
        for sector in self._chain(self.first_minifat):
            minifat += struct.unpack(f"<{self.size // 4}I", self._sector(sector))
        stream = bytearray()
        for sector in self._chain(self.root[1]):
            stream += self._sector(sector)
        out = bytearray()
        for mini in self._chain(start, minifat):
            out += stream[mini * 64: mini * 64 + 64]
            if len(out) >= want:
                break
        return bytes(out[:want])


# --- parsing in a child process ---------------------------------------------------------------------------------
_ROOT = Path(__file__).resolve().parent.parent
_CHILD = "import sys; sys.path.insert(0, sys.argv[1]); from analysis.readers import _child_main; _child_main()"
_ALLOCATION = re.compile(r"memory allocation of (\d+) bytes failed")


def _check_while_child_parses(data: bytes, fmt: str) -> tuple[dict[str, dict], list[Sheet]]:
    """check_workbook here while _read_workbook runs in a fresh interpreter limited to PARSE_MEMORY_BYTES and
    PARSE_SECONDS, side by side on two cores. The app process itself never parses a file the checks have
    not passed; a refused file's child is killed at once, and the checks' plain-words reason wins over
    whatever the child ran into. What the checks could not foresee (a crafted .xls, an odd way of writing
    cell references) ends the child, and the upload is refused in plain words instead of the app
    disappearing."""
    args = [sys.executable, "-I", "-c", _CHILD, str(_ROOT), fmt, str(os.getpid()), str(limits.PARSE_MEMORY_BYTES),
            str(limits.MAX_ROWS), str(limits.MAX_COLUMNS), str(limits.HEADER_SCAN_ROWS)]
    # The bytes go in and the sheets come out through unnamed temporary files, not pipes: a pipe needs this
    # process to feed it, which it cannot do quickly while the checks hold the interpreter.
    with tempfile.TemporaryFile() as given, tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        given.write(data)
        given.seek(0)
        child = subprocess.Popen(args, stdin=given, stdout=out, stderr=err)
        try:
            facts = check_workbook(data, fmt)
            child.wait(limits.PARSE_SECONDS)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()
            raise UnreadableFile(f"Reading the workbook took longer than {limits.PARSE_SECONDS:,} seconds, the limit, "
                                 "and was stopped. It is far bigger than a survey, or crafted. Split it into smaller "
                                 "files.") from None
        except BaseException:
            child.kill()
            child.wait()
            raise
        out.seek(0)
        err.seek(0)
        return facts, _child_sheets(child.returncode, out, err.read(), fmt)


def _child_sheets(returncode: int, out: IO[bytes], err: bytes, fmt: str) -> list[Sheet]:
    """The child's sheets, or its failure in plain words."""
    if returncode == 0:
        try:
            kind, payload = pickle.load(out)
        except Exception:                               # noqa: BLE001 - any garbage means the child failed
            kind, payload = "crashed", None
        if kind == "ok":
            return payload
        if kind == "unreadable":
            raise UnreadableFile(payload)
    errors = err.decode("utf-8", "replace")
    wanted = _ALLOCATION.search(errors)
    if wanted or returncode in (-6, -9) or "MemoryError" in errors:
        need = f" (it asked for {int(wanted.group(1)) / 2**30:,.1f} GB at once)" if wanted else ""
        raise UnreadableFile(
            f"The workbook needs more memory to open than the limit of {limits.PARSE_MEMORY_BYTES / 2**30:,.1f} GB"
            f"{need}, so it was refused. This usually means a stray entry far below or to the right of the table "
            "(in Excel press Ctrl+End to find the last used cell and delete the empty rows and columns up to it), "
            "or a damaged or crafted file. Save a fresh copy and upload again.")
    last = errors.strip().splitlines()[-1:] or [f"exit status {returncode}"]
    raise UnreadableFile(f"The {fmt} workbook could not be read: the reader stopped ({last[0][:200]}).")


def _child_main() -> None:
    """The child: limit memory, die with the parent, read the workbook from stdin, pickle the sheets (or the
    plain-words reason) to stdout."""
    fmt, parent, memory, rows, columns, scan = sys.argv[2], *map(int, sys.argv[3:8])
    try:
        import ctypes
        import signal
        ctypes.CDLL(None).prctl(1, signal.SIGKILL)      # PR_SET_PDEATHSIG: a killed parent ends the child
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:
        sys.exit(1)
    if memory:
        try:
            import resource
            resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        except (ImportError, ValueError, OSError):
            pass
    limits.MAX_ROWS, limits.MAX_COLUMNS, limits.HEADER_SCAN_ROWS = rows, columns, scan
    data = sys.stdin.buffer.read()
    try:
        result = ("ok", _read_workbook(data, fmt))
    except UnreadableFile as exc:
        result = ("unreadable", str(exc))
    except MemoryError:
        sys.stderr.write("MemoryError\n")
        sys.exit(3)
    pickle.dump(result, sys.stdout.buffer, protocol=pickle.HIGHEST_PROTOCOL)   # streamed: no copy in memory
