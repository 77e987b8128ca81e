"""Turn uploaded bytes into grids of cells, one per sheet, whatever the format.

The format is recognised from the content, not the file name (a PNG renamed .xlsx is told apart).
Workbooks (xlsx, xlsm, xls, ods) are read with python-calamine, which never runs macros; text files are
decoded (BOM, UTF-16, UTF-8, else cp1252/latin-1) and their delimiter sniffed. Grids keep absolute
positions: grid[i][j] is Excel row i+1, column j+1, so every message can point at the cell a person sees.
"""

from __future__ import annotations

import codecs
import csv
import io
import zipfile
from dataclasses import dataclass, field

import python_calamine

from analysis import limits


class UnreadableFile(Exception):
    """The file cannot be read as a spreadsheet; the message says why in plain words."""


@dataclass
class Sheet:
    name: str
    rows: list[list]
    visible: bool = True
    merged: list[tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=list)
    note: str = ""     # how a text file was read (encoding, delimiter)


def sniff_format(data: bytes) -> str:
    if not data:
        raise UnreadableFile("The file is empty (0 bytes).")
    if data.startswith(b"PK\x03\x04"):
        return _zip_format(data)
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "xls"      # OLE2: legacy Excel, or an encrypted (password-protected) xlsx
    for magic, what in ((b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
                        (b"%PDF", "a PDF document"), (b"GIF8", "a GIF image"),
                        (b"PK\x05\x06", "an empty zip archive"), (b"\x1f\x8b", "a gzip archive"),
                        (b"Rar!", "a RAR archive"), (b"7z\xbc\xaf", "a 7-Zip archive")):
        if data.startswith(magic):
            raise UnreadableFile(f"This is {what}, not a spreadsheet. Upload an xlsx, xls, ods or csv file.")
    return "csv"


def _zip_format(data: bytes) -> str:
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
        return fmt, [read_text(data)]
    return fmt, _read_workbook(data, fmt)


def _read_workbook(data: bytes, fmt: str) -> list[Sheet]:
    try:
        wb = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        sheets = []
        for meta in wb.sheets_metadata:
            sheet = wb.get_sheet_by_name(meta.name)
            if sheet.width > limits.MAX_COLUMNS:
                raise UnreadableFile(f"Sheet '{meta.name}' has {sheet.width:,} columns, more than the limit "
                                     f"of {limits.MAX_COLUMNS:,}.")
            if sheet.height > limits.MAX_ROWS + limits.HEADER_SCAN_ROWS:
                raise UnreadableFile(f"Sheet '{meta.name}' has {sheet.height:,} rows, more than the limit "
                                     f"of {limits.MAX_ROWS:,}. Split the file.")
            rows = sheet.to_python(skip_empty_area=False)
            merged = list(sheet.merged_cell_ranges or []) if fmt in ("xlsx", "xlsm") else []
            sheets.append(Sheet(meta.name, rows, str(meta.visible).endswith("Visible"), merged))
        return sheets
    except UnreadableFile:
        raise
    except Exception as exc:  # calamine raises its own error types for damaged / encrypted files
        text = str(exc)
        if fmt == "xls" and ("encrypt" in text.lower() or "password" in text.lower() or "cfb" in text.lower()):
            raise UnreadableFile("The workbook is password-protected. Save an unprotected copy and upload that.") from exc
        raise UnreadableFile(f"The {fmt} workbook could not be read: {text}") from exc


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
    if "\x00" in text:
        text = text.replace("\x00", "")
    delimiter = sniff_delimiter(text)
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
    name = {"\t": "tab", ";": "semicolon", ",": "comma", "|": "pipe"}[delimiter]
    return Sheet("CSV", rows, note=f"read as {encoding} text, {name}-separated")
