"""The checks run on a workbook's bytes before anything parses it (shared/STACK-NOTES.md section H).

calamine aborts the whole process, with no exception to catch, on a cell far outside the table (XFD1048576)
or a crafted .xls header, so nothing may reach it unchecked: the zip directory (parts, declared sizes,
encryption), every XML part stream-inflated with a byte cap (a part that inflates past the size its
directory declares is refused: declared sizes can lie), XML document type declarations (entity expansion),
the cells counted, and the cell references actually used in each sheet against the row and column limits.
What the checks learn on the way (formulas, hidden rows, merged cells, ods error cells) is handed back for
the sheet's note. Every limit is named in analysis.limits.
"""

from __future__ import annotations

import codecs
import io
import os
import re
import struct
import zipfile
import zlib
from functools import lru_cache
from xml.etree import ElementTree

from analysis import limits
from analysis.formats import number
from analysis.i18n import N_, _
from analysis.reading.grid import UnreadableFile


# --- before parsing: workbooks (zip: xlsx, xlsm, ods) --------------------------------------------------------
_INFLATE_IN = 1 << 18           # compressed bytes fed to zlib at a time
_INFLATE_OUT = 1 << 20          # most inflated bytes produced at a time
_OVERLAP = 512                  # bytes either side of a chunk boundary looked at again (a <row> cut in two)
_XML_PART = re.compile(r"\.(xml|rels|vml)$", re.IGNORECASE)
_ELEMENT_START = re.compile(rb"<[A-Za-z_]")
_DTD_MARKERS = tuple(m.encode(enc) for m in ("<!DOCTYPE", "<!ENTITY") for enc in ("ascii", "utf-16-le", "utf-16-be"))


def too_many_cells() -> UnreadableFile:
    return UnreadableFile(_("The file holds more than {limit} cells, the limit for one upload. Split it into smaller "
                            "files (for example one per country).").format(limit=number(limits.MAX_CELLS)))


PASSWORD_PROTECTED = N_("The workbook is password-protected (encrypted), so it cannot be read. Open it in Excel, "
                        "remove the password (File > Info > Protect Workbook > Encrypt with Password, then clear it), "
                        "save and upload that copy.")


def check_workbook(data: bytes, fmt: str) -> dict[str, dict]:
    """The checks run on a workbook's bytes before anything parses it; raises UnreadableFile. Returns what
    was learnt on the way, per sheet name (xlsx): {"formulas": count, "hidden_rows": {Excel row, ...}}."""
    if fmt in ("xlsx", "xlsm", "ods"):
        return _check_zip_parts(data, fmt)
    return {}     # xls: the OLE2 directory and the workbook stream were checked by sniff_format (compound.py)


def zip_entry_count(data: bytes) -> int | None:
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
            sheets = xlsx_sheet_parts(zf) if fmt != "ods" else {}
    except zipfile.BadZipFile as exc:
        raise UnreadableFile(_("The file looks like a workbook but is damaged or truncated ({problem}).").format(
            problem=exc)) from exc
    facts: dict[str, dict] = {}
    cells, ods_errors = 0, False
    for info in infos:
        if info.flag_bits & 0x1:
            raise UnreadableFile(_(PASSWORD_PROTECTED))
        if not _XML_PART.search(info.filename):
            continue                                    # pictures, printer settings, macros: never parsed
        name = info.filename
        worksheet = fmt != "ods" and (name in sheets or (name.startswith("xl/worksheets/") and "/_rels/" not in name))
        label = (_("Sheet '{sheet}'").format(sheet=sheets[name]) if name in sheets
                 else _("The worksheet part '{part}'").format(part=name))
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
                    raise too_many_cells()
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
        raise UnreadableFile(_("The ods file holds cells whose formula failed, but its content cannot be read to "
                               "say which ({problem}). Open it in LibreOffice and save a fresh copy.").format(
            problem=str(exc)[:120])) from None
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
    damaged = UnreadableFile(_("The workbook is damaged or truncated: its part '{part}' cannot be read.").format(
        part=info.filename))
    try:
        signature, *_header, name_length, extra_length = struct.unpack_from("<IHHHHHIIIHH", data, info.header_offset)
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
        raise UnreadableFile(_("The workbook's part '{part}' is compressed with a method spreadsheet programs do "
                               "not use ({method}). Open it in Excel and save a fresh copy.").format(
            part=info.filename, method=info.compress_type))
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
                raise UnreadableFile(_(
                    "The workbook is damaged or was crafted to exhaust memory: its part '{part}' unpacks to more than "
                    "the {size} bytes its zip directory declares. Nothing was read from it. Open the file in Excel "
                    "and save a fresh copy, or ask the sender for one.").format(part=info.filename,
                                                                                size=number(info.file_size)))
            if chunk:
                yield chunk
    except zlib.error as exc:
        raise damaged from exc


def _check_prolog(buf: bytes, part: str) -> bool:
    """Refuse a document type declaration before the root element (entity expansion, 'billion laughs';
    Excel never writes one). Returns whether the root element is still to come."""
    if buf.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or buf[:2] in (b"<\x00", b"\x00<"):
        raise UnreadableFile(_("The workbook's part '{part}' is written in UTF-16, which spreadsheet programs do "
                               "not produce. Open the file in Excel and save a fresh copy.").format(part=part))
    root = _ELEMENT_START.search(buf)
    prolog = buf if root is None else buf[: root.start()]
    if any(marker in prolog for marker in _DTD_MARKERS):
        raise UnreadableFile(_("The workbook's part '{part}' declares XML entities (a document type declaration). "
                               "Excel never writes one; it is how 'entity expansion' attacks blow up memory. The file "
                               "was refused. Open it in Excel and save a fresh copy.").format(part=part))
    return root is None


def xlsx_sheet_parts(zf: zipfile.ZipFile) -> dict[str, str]:
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
    where = _("cell {cell}").format(cell=ref) if not ref.isdigit() else _("row {row}").format(row=number(int(ref)))
    raise UnreadableFile(_(
        "{sheet} has something in {where}, outside the area a survey may use ({columns} columns, {rows} rows). If "
        "the sheet really is that big, split it into smaller files; if not, it is a stray entry or formatting: in "
        "Excel press Ctrl+End to jump to the last used cell, delete the empty rows and columns up to it, save and "
        "upload again. Nothing was read from the file.").format(sheet=sheet, where=where,
                                                               columns=number(limits.MAX_COLUMNS),
                                                               rows=number(max_rows)))
