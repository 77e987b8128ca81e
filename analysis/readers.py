"""Turn uploaded bytes into grids of cells, one per sheet, whatever the format.

The format is recognised from the content, not the file name (a PNG renamed .xlsx is told apart).
Workbooks (xlsx, xlsm, xls, ods) are read with fastexcel (the calamine reader, which never runs macros)
into Arrow tables of cell texts, so that 50,000 rows cost no Python object per cell; text files are
decoded (BOM, UTF-16, UTF-8, else cp1252/latin-1) and their delimiter sniffed. Grids keep absolute
positions: grid[i][j] is Excel row i+1, column j+1, so every message can point at the cell a person sees.

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
import os
import pickle
import re
import struct
import subprocess
import sys
import tempfile
import zipfile
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import IO

import fastexcel
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from analysis import limits


class UnreadableFile(Exception):
    """The file cannot be read as a spreadsheet; the message says why in plain words."""


@dataclass(eq=False)
class Sheet:
    name: str
    rows: Sequence[list]       # rows[i] is Excel row i+1 (for workbooks a TableRows view of the Arrow table)
    visible: bool = True
    merged: list[tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=list)
    note: str = ""     # how the sheet was read: a text file's encoding and delimiter; formulas, hidden rows
    hidden_rows: list[int] = field(default_factory=list)   # Excel row numbers hidden in the sheet (xlsx)
    formulas: int = 0                                      # cells holding a formula (xlsx): cached values used

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
    if len(data) > limits.MAX_UPLOAD_BYTES:
        raise UnreadableFile(f"The file is {len(data) / 1e6:,.1f} MB, more than the limit of "
                             f"{limits.MAX_UPLOAD_BYTES / 1e6:,.0f} MB.")
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
    """Add what the checks learnt from the sheet's XML (merged cells, formulas, hidden rows) and say in the
    sheet's note what a person should know about how it was read (shown with the report)."""
    if not facts:
        return
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
            table = pa.Table.from_batches([sheet.to_arrow()]) if columns else pa.table({})
            sheets.append(Sheet(name, TableRows(table, offset), sheet.visible == "visible"))
            del sheet                                   # the parsed cells: freed before the next sheet is read
        return sheets
    except UnreadableFile:
        raise
    except Exception as exc:  # the reader raises its own error types for damaged / encrypted files
        text = str(exc)
        if fmt == "xls" and ("encrypt" in text.lower() or "password" in text.lower() or "cfb" in text.lower()):
            raise UnreadableFile("The workbook is password-protected. Save an unprotected copy and upload that.") from exc
        raise UnreadableFile(f"The {fmt} workbook could not be read: {text.splitlines()[0] if text else exc!r}") from exc


def decode_text(data: bytes) -> tuple[str, str]:
    """Return (text, encoding): BOMs first, then UTF-16 without BOM, UTF-8, else cp1252 / latin-1."""
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(enc), enc
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


def sniff_delimiter(text: str) -> str:
    sample = "\n".join(text.splitlines()[:50])
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        counts = {d: sample.count(d) for d in ";,\t|"}
        return max(counts, key=counts.get) if any(counts.values()) else ","


def read_text(data: bytes) -> Sheet:
    text, encoding = decode_text(data)
    nul = text.count("\x00")
    if nul:
        text = text.replace("\x00", "")
    delimiter = sniff_delimiter(text)
    name = {"\t": "tab", ";": "semicolon", ",": "comma", "|": "pipe"}[delimiter]
    removed = f"; {nul:,} NUL character(s) removed (the file is damaged or not plain text)" if nul else ""
    note = f"read as {encoding} text, {name}-separated{removed}"
    table = _rectangular_text(text, delimiter)
    if table is not None:
        if table.num_columns > limits.MAX_COLUMNS:
            raise UnreadableFile(f"Line 1 has {table.num_columns:,} columns, more than the limit of "
                                 f"{limits.MAX_COLUMNS:,}.")
        if sum(pc.sum(pc.not_equal(column, "")).as_py() or 0 for column in table.columns) > limits.MAX_CELLS:
            raise _too_many_cells()
        return Sheet("CSV", TableRows(table, 0, typed=False), note=note)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[list] = []
    line_before = 0
    try:
        for record in reader:
            # A quoted field may span lines: pad so that rows[i] is still line i+1 of the file.
            start = line_before + 1
            while len(rows) < start - 1:
                rows.append([])
            rows.append(record)
            line_before = reader.line_num
            if len(rows) > limits.MAX_ROWS + limits.HEADER_SCAN_ROWS:
                raise UnreadableFile(f"The file has more than {limits.MAX_ROWS:,} rows, the limit. Split it.")
            if len(record) > limits.MAX_COLUMNS:
                raise UnreadableFile(f"Line {start} has {len(record):,} columns, more than the limit of "
                                     f"{limits.MAX_COLUMNS:,}.")
    except csv.Error as exc:
        raise UnreadableFile(f"The text file could not be read as CSV near line {reader.line_num}: {exc}") from exc
    if sum(1 for row in rows for cell in row if cell) > limits.MAX_CELLS:
        raise _too_many_cells()
    return Sheet("CSV", rows, note=note)


def _rectangular_text(text: str, delimiter: str) -> pa.Table | None:
    """A text file whose every line is one row of the same width, read at C speed (pyarrow), cells as
    written ('' where empty); None for anything else (titles above the table, line breaks inside quotes,
    blank lines), which the csv module reads line by line, keeping each row's line number."""
    end = text.find("\n")
    width = len(next(csv.reader([text[: end if end >= 0 else len(text)].rstrip("\r")], delimiter=delimiter), []))
    if width < 2:
        return None
    try:
        table = pacsv.read_csv(
            io.BytesIO(text.encode("utf-8")),
            read_options=pacsv.ReadOptions(autogenerate_column_names=True),
            parse_options=pacsv.ParseOptions(delimiter=delimiter, ignore_empty_lines=False),
            convert_options=pacsv.ConvertOptions(column_types={f"f{i}": pa.string() for i in range(width)},
                                                 strings_can_be_null=False, quoted_strings_can_be_null=False))
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return None
    lines = text.count("\n") + (not text.endswith("\n"))
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
    cells = 0
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
    return facts


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
