"""Builders for hostile files, all generated in code (no binary fixture is committed).

The workbooks are written by hand, byte by byte, so that a test controls exactly what a reader sees:
a zip whose directory lies about sizes, a cell at XFD1048576, a DTD in the sheet XML, an OLE2 container
with an EncryptionInfo stream, a legacy .xls (BIFF8) and an OpenDocument spreadsheet. The formats are
small subsets of ECMA-376 (xlsx), MS-CFB + MS-XLS (xls) and OpenDocument 1.2 (ods) - enough for
python-calamine to read them, nothing more.
"""

from __future__ import annotations

import shutil
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable
from xml.sax.saxutils import escape

import pytest

from analysis import limits
from analysis.store import open_store

# --- a good survey, written with the template's headings ------------------------------------------------
HEADER = ["Museum ID", "Museum name", "Country", "Survey wave", "Collection digitised (%)",
          "Collection size (objects)", "Digital budget available (EUR a year)", "Need: infrastructure (EUR to 2030)"]
GOOD_ROWS = [
    ["AT-1", "Wien Museum", "AT", "2025", 40, 1000, 10_000, 100_000],
    ["AT-2", "Grazer Stadtmuseum", "AT", "2025", 20, 3000, 5_000, 50_000],
    ["BE-1", "Museum aan de Stroom", "BE", "2025", 60, None, None, 30_000],
]


@dataclass(frozen=True)
class Formula:
    """A formula cell with the value Excel cached when it last calculated."""
    formula: str
    cached: object


@dataclass(frozen=True)
class ErrorCell:
    """A cell holding an error value, as spreadsheet programs save a formula that failed ('#DIV/0!', ...)."""
    shown: str


# BIFF8 error codes (MS-XLS 2.5.97 BErr)
XLS_ERROR_CODES = {"#NULL!": 0x00, "#DIV/0!": 0x07, "#VALUE!": 0x0F, "#REF!": 0x17, "#NAME?": 0x1D, "#NUM!": 0x24,
                   "#N/A": 0x2A}


@dataclass(frozen=True)
class DateCell:
    """A number formatted as a date in Excel (the cell holds the serial; the style says 'date')."""
    serial: float


def column_letter(index: int) -> str:       # 0 -> A
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


# --- xlsx, by hand --------------------------------------------------------------------------------------
def _cell(ref: str, value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, Formula):
        if isinstance(value.cached, str):
            return f'<c r="{ref}" t="str"><f>{escape(value.formula)}</f><v>{escape(value.cached)}</v></c>'
        return f'<c r="{ref}"><f>{escape(value.formula)}</f><v>{value.cached!r}</v></c>'
    if isinstance(value, DateCell):
        return f'<c r="{ref}" s="1"><v>{value.serial!r}</v></c>'
    if isinstance(value, ErrorCell):
        return f'<c r="{ref}" t="e"><v>{escape(value.shown)}</v></c>'
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, (int, float)):
        return f'<c r="{ref}"><v>{value!r}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape(str(value))}</t></is></c>'


def sheet_xml(rows: list[list], *, hidden_rows: Iterable[int] = (), merged: Iterable[str] = (),
              extra_cells: dict[str, object] | None = None, prolog: str = "", head: str = "") -> bytes:
    """A worksheet part. rows[i] is Excel row i+1; hidden_rows are Excel row numbers; merged are ranges
    like 'A2:A4'; extra_cells {"XFD1048576": "x"} are appended in a row of their own; `prolog` replaces
    the XML declaration (a DTD goes there) and `head` goes before <sheetData> (a <dimension>)."""
    hidden = set(hidden_rows)
    out = [prolog or '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
           '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">', head, '<sheetData>']
    for i, row in enumerate(rows, start=1):
        attrs = ' hidden="1"' if i in hidden else ""
        out.append(f'<row r="{i}"{attrs}>' + "".join(_cell(f"{column_letter(j)}{i}", v)
                                                     for j, v in enumerate(row)) + "</row>")
    for ref, value in (extra_cells or {}).items():
        row = int("".join(ch for ch in ref if ch.isdigit()))
        out.append(f'<row r="{row}">{_cell(ref, value)}</row>')
    out.append("</sheetData>")
    if merged:
        out.append(f'<mergeCells count="{len(list(merged))}">'
                   + "".join(f'<mergeCell ref="{m}"/>' for m in merged) + "</mergeCells>")
    out.append("</worksheet>")
    return "".join(out).encode()


STYLES = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          b'<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
          b'<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
          b'<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
          b'<borders count="1"><border/></borders>'
          b'<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
          b'<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
          b'<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
          b'</styleSheet>')


def xlsx_parts(sheets: list[tuple[str, bytes, str]], *, vba: bool = False) -> list[tuple[str, bytes]]:
    """The parts of a minimal workbook: sheets are (name, sheet_xml, state) with state visible|hidden."""
    main = "application/vnd.ms-excel.sheet.macroEnabled.main+xml" if vba else \
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
    types = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             '<Default Extension="xml" ContentType="application/xml"/>'
             + ('<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>' if vba else "")
             + f'<Override PartName="/xl/workbook.xml" ContentType="{main}"/>'
             '<Override PartName="/xl/styles.xml" '
             'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>']
    rels = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">']
    book = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>']
    parts = []
    for i, (name, xml, state) in enumerate(sheets, start=1):
        types.append(f'<Override PartName="/xl/worksheets/sheet{i}.xml" '
                     'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>')
        rels.append(f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                    f'relationships/worksheet" Target="worksheets/sheet{i}.xml"/>')
        hidden = "" if state == "visible" else f' state="{state}"'
        book.append(f'<sheet name="{escape(name)}" sheetId="{i}"{hidden} r:id="rId{i}"/>')
        parts.append((f"xl/worksheets/sheet{i}.xml", xml))
    n = len(sheets)
    rels.append(f'<Relationship Id="rId{n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                'relationships/styles" Target="styles.xml"/>')
    if vba:
        rels.append(f'<Relationship Id="rId{n + 2}" Type="http://schemas.microsoft.com/office/2006/relationships/'
                    'vbaProject" Target="vbaProject.bin"/>')
    types.append("</Types>")
    rels.append("</Relationships>")
    book.append("</sheets></workbook>")
    root_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                 '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                 'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    head = [("[Content_Types].xml", "".join(types).encode()), ("_rels/.rels", root_rels.encode()),
            ("xl/workbook.xml", "".join(book).encode()), ("xl/_rels/workbook.xml.rels", "".join(rels).encode()),
            ("xl/styles.xml", STYLES)]
    if vba:
        # A real vbaProject.bin is an OLE2 container of VBA source; any OLE2 bytes show the part is there.
        head.append(("xl/vbaProject.bin", cfb_bytes({"PROJECT": b'ID="{00000000}"\r\nModule=Module1\r\n',
                                                     "dir": b"\x01" * 64})))
    return head + parts


def xlsx_bytes(rows: list[list] | None = None, *, sheet: str = "Survey", vba: bool = False,
               more_sheets: list[tuple[str, bytes, str]] = (), **sheet_options) -> bytes:
    """A one-sheet workbook (plus `more_sheets`) holding `rows` (default: the good survey)."""
    rows = [HEADER, *GOOD_ROWS] if rows is None else rows
    return zip_bytes(xlsx_parts([(sheet, sheet_xml(rows, **sheet_options), "visible"), *more_sheets], vba=vba))


def write_survey_xlsx(path: Path, frame) -> Path:
    """A big survey fast: the template's Survey sheet (its headings, and cell values as analysis.export.template
    writes them) for a frame of analysis.loading.sample, as raw XML (openpyxl takes minutes for 30,000 rows)."""
    from analysis import schema
    from analysis.export import template

    columns = []
    for j, f in enumerate(schema.FIELDS):
        letter, cache = column_letter(j), {}
        cells = []
        for i, value in enumerate(frame[f.name].tolist(), start=2):
            key = (type(value), value)
            if key not in cache:
                cached = template._cell_value(value, f, "en")
                if cached is None:
                    cache[key] = None
                elif isinstance(cached, (int, float)) and not isinstance(cached, bool):
                    cache[key] = ("", f"<v>{cached!r}</v></c>")
                else:
                    text = cached.isoformat() if hasattr(cached, "isoformat") else str(cached)
                    cache[key] = (' t="inlineStr"', f"<is><t>{escape(text)}</t></is></c>")
            kind = cache[key]
            cells.append("" if kind is None else f'<c r="{letter}{i}"{kind[0]}>{kind[1]}')
        columns.append(cells)
    header = "".join(f'<c r="{column_letter(j)}1" t="inlineStr"><is><t>{escape(f.header)}</t></is></c>'
                     for j, f in enumerate(schema.FIELDS))
    body = "".join(f'<row r="{i}">' + "".join(cells) + "</row>" for i, cells in enumerate(zip(*columns), start=2))
    xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.'
           f'openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">{header}</row>{body}'
           "</sheetData></worksheet>").encode()
    parts = xlsx_parts([("Survey", b"", "visible")])[:-1]
    path.write_bytes(zip_bytes(parts + [part("xl/worksheets/sheet1.xml", xml, level=1)]))
    return path


# --- zip, by hand (so that the directory can lie) ------------------------------------------------------
@dataclass
class Part:
    name: str
    compressed: bytes
    crc: int
    size: int                     # real uncompressed size
    method: int = 8               # 0 stored, 8 deflate
    declared: int | None = None   # what the local header and central directory claim (default: size)
    flags: int = 0


def deflate(data: bytes, level: int = 6) -> bytes:
    c = zlib.compressobj(level, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


def part(name: str, data: bytes, *, stored: bool = False, declared: int | None = None, level: int = 6) -> Part:
    return Part(name, data if stored else deflate(data, level), zlib.crc32(data), len(data), 0 if stored else 8,
                declared)


def repeated_part(name: str, head: bytes, filler: bytes, times: int, tail: bytes, *,
                  declared: int | None = None) -> Part:
    """head + filler * times + tail, deflated without building it: each filler block is compressed once
    after a full flush (which resets the deflate window), so the same compressed block can be repeated.
    A 1 GB part costs a few milliseconds and about a megabyte to make. Its CRC is left 0: a reader that
    gets as far as checking it has already inflated the whole part, which is what these files test."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = c.compress(head) + c.flush(zlib.Z_FULL_FLUSH)
    block = c.compress(filler) + c.flush(zlib.Z_FULL_FLUSH)
    last = c.compress(tail) + c.flush(zlib.Z_FINISH)
    return Part(name, first + block * times + last, 0, len(head) + len(filler) * times + len(tail),
                declared=declared)


def zip_bytes(parts: list, *, comment: bytes = b"") -> bytes:
    """A zip archive; parts are Part or (name, bytes). Sizes above 4 GiB are not needed here (no zip64)."""
    parts = [p if isinstance(p, Part) else part(*p) for p in parts]
    out, central = bytearray(), bytearray()
    for p in parts:
        name = p.name.encode()
        declared = p.size if p.declared is None else p.declared
        offset = len(out)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, p.flags, p.method, 0, 0x21, p.crc & 0xFFFFFFFF,
                           len(p.compressed), declared, len(name), 0) + name + p.compressed
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, p.flags, p.method, 0, 0x21,
                               p.crc & 0xFFFFFFFF, len(p.compressed), declared, len(name), 0, 0, 0, 0, 0,
                               offset) + name
    out += central + struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(parts), len(parts), len(central),
                                 len(out), len(comment)) + comment
    return bytes(out)


# --- OLE2 compound file (MS-CFB, version 3), by hand ----------------------------------------------------
FREESECT, ENDOFCHAIN, FATSECT, NOSTREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
MINI_CUTOFF = 4096


def cfb_bytes(streams: dict[str, bytes]) -> bytes:
    """A compound file holding `streams` under the root storage. Every stream is padded to the mini-stream
    cut-off (4096 bytes), so that all of them live in ordinary 512-byte sectors and no mini FAT is needed."""
    names = list(streams)
    datas = [s + b"\x00" * max(0, MINI_CUTOFF - len(s)) for s in streams.values()]
    n_dir = -(-(len(names) + 1) // 4)
    n_data = [-(-len(d) // 512) for d in datas]
    total = n_dir + sum(n_data)
    n_fat = 1
    while n_fat * 128 < n_fat + total:
        n_fat += 1
    fat = [FATSECT] * n_fat
    first_dir = len(fat)
    fat += [first_dir + i + 1 for i in range(n_dir - 1)] + [ENDOFCHAIN]
    starts = []
    for count in n_data:
        start = len(fat)
        starts.append(start)
        fat += [start + i + 1 for i in range(count - 1)] + [ENDOFCHAIN]
    fat += [FREESECT] * (n_fat * 128 - len(fat))

    def entry(name: str, kind: int, child: int, right: int, start: int, size: int) -> bytes:
        encoded = (name + "\x00").encode("utf-16-le")
        return (encoded.ljust(64, b"\x00") + struct.pack("<HBBIII", len(encoded), kind, 1, NOSTREAM, right, child)
                + b"\x00" * 16 + b"\x00" * 4 + b"\x00" * 16 + struct.pack("<IQ", start, size))

    directory = entry("Root Entry", 5, 1 if names else NOSTREAM, NOSTREAM, ENDOFCHAIN, 0)
    for i, (name, data, start) in enumerate(zip(names, datas, starts), start=1):
        directory += entry(name, 2, NOSTREAM, i + 1 if i < len(names) else NOSTREAM, start, len(data))
    directory = directory.ljust(n_dir * 512, b"\x00")
    for i in range(len(names) + 1, n_dir * 4):            # unused entries: empty, no siblings
        directory = directory[: i * 128 + 68] + struct.pack("<III", NOSTREAM, NOSTREAM, NOSTREAM) + \
            directory[i * 128 + 80:]
    difat = [*range(n_fat)] + [FREESECT] * (109 - n_fat)
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 16 + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
              + b"\x00" * 6 + struct.pack("<IIIIIIIII", 0, n_fat, first_dir, 0, MINI_CUTOFF, ENDOFCHAIN, 0,
                                          ENDOFCHAIN, 0)
              + struct.pack("<109I", *difat))
    body = struct.pack(f"<{len(fat)}I", *fat) + directory + b"".join(d.ljust(c * 512, b"\x00")
                                                                     for d, c in zip(datas, n_data))
    return header + body


def encrypted_xlsx_bytes() -> bytes:
    """What Excel writes for a password-protected xlsx: an OLE2 file with EncryptionInfo (agile, 4.4)
    and EncryptedPackage streams instead of a zip. The XML and ciphertext are stand-ins."""
    info = struct.pack("<HHI", 4, 4, 0x40) + (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<encryption '
        b'xmlns="http://schemas.microsoft.com/office/2006/encryption"><keyData saltSize="16" blockSize="16" '
        b'keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" '
        b'hashAlgorithm="SHA512" saltValue="AAAAAAAAAAAAAAAAAAAAAA=="/></encryption>')
    package = struct.pack("<Q", 9000) + bytes(range(256)) * 36
    return cfb_bytes({"EncryptionInfo": info, "EncryptedPackage": package})


# --- legacy Excel (BIFF8 in a compound file), by hand -----------------------------------------------------
def _record(kind: int, data: bytes = b"") -> bytes:
    return struct.pack("<HH", kind, len(data)) + data


def _xl_string16(text: str) -> bytes:        # XLUnicodeString: cch (u16), flags (1 = UTF-16), characters
    return struct.pack("<HB", len(text), 1) + text.encode("utf-16-le")


def xls_bytes(sheets: list[tuple[str, list[list], bool]] | None = None, *, filepass: bool = False,
              dimensions: tuple[int, int] | None = None, sst_count: int | None = None,
              extra_cells: dict[tuple[int, int], object] | None = None) -> bytes:
    """A BIFF8 workbook: sheets are (name, rows, hidden). `filepass` adds the record Excel writes for a
    password-protected .xls; `dimensions` overrides the DIMENSIONS record (rows, columns); `sst_count`
    adds a shared-string table that claims that many strings but holds none; `extra_cells` {(row, col):
    value} (0-based) are added to the first sheet."""
    sheets = sheets or [("Survey", [HEADER, *GOOD_ROWS], False)]
    bof = lambda dt: _record(0x0809, struct.pack("<HHHHII", 0x0600, dt, 0x0DBB, 0x07CC, 0, 0x0206))  # noqa: E731
    globals_head = bof(0x0005) + (_record(0x002F, struct.pack("<HHH", 1, 1, 1) + b"\x00" * 48) if filepass else b"")
    globals_head += _record(0x0042, struct.pack("<H", 1200))
    if sst_count is not None:
        globals_head += _record(0x00FC, struct.pack("<ii", sst_count, sst_count))
    bodies = []
    for k, (name, rows, _) in enumerate(sheets):
        cells = b""
        positioned = [(r, c, v) for r, row in enumerate(rows) for c, v in enumerate(row)]
        if k == 0 and extra_cells:
            positioned += [(r, c, v) for (r, c), v in extra_cells.items()]
        for r, c, v in positioned:
            if v is None:
                continue
            if isinstance(v, ErrorCell):                                    # BOOLERR with fError = 1
                cells += _record(0x0205, struct.pack("<HHHBB", r, c, 0, XLS_ERROR_CODES[v.shown], 1))
            elif isinstance(v, bool):
                cells += _record(0x0205, struct.pack("<HHHBB", r, c, 0, int(v), 0))
            elif isinstance(v, (int, float)):
                cells += _record(0x0203, struct.pack("<HHHd", r, c, 0, float(v)))
            else:
                cells += _record(0x0204, struct.pack("<HHH", r, c, 0) + _xl_string16(str(v)))
        n_rows, n_cols = dimensions or (len(rows), max((len(r) for r in rows), default=0))
        dims = _record(0x0200, struct.pack("<IIHHH", 0, n_rows, 0, n_cols, 0))
        bodies.append(bof(0x0010) + dims + cells + _record(0x000A))
    sheet_records = [_record(0x0085, struct.pack("<IBBBB", 0, 1 if hidden else 0, 0, len(name), 1)
                             + name.encode("utf-16-le")) for name, _, hidden in sheets]
    offset = len(globals_head) + sum(len(s) for s in sheet_records) + 4       # + the globals' EOF record
    bound = b""
    for record, body in zip(sheet_records, bodies):
        bound += record[:4] + struct.pack("<I", offset) + record[8:]
        offset += len(body)
    return cfb_bytes({"Workbook": globals_head + bound + _record(0x000A) + b"".join(bodies)})


# --- OpenDocument spreadsheet, by hand ----------------------------------------------------------------------
def ods_bytes(rows: list[list] | None = None, *, sheet: str = "Survey", content_xml: bytes | None = None) -> bytes:
    rows = [HEADER, *GOOD_ROWS] if rows is None else rows

    def cell(v: object) -> str:
        if v is None:
            return "<table:table-cell/>"
        if isinstance(v, ErrorCell):         # as LibreOffice saves a formula whose result is an error
            return ('<table:table-cell table:formula="of:=1/0" office:value-type="string" office:string-value="" '
                    f'calcext:value-type="error"><text:p>{escape(v.shown)}</text:p></table:table-cell>')
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            return (f'<table:table-cell office:value-type="float" office:value="{v!r}"><text:p>{v}</text:p>'
                    "</table:table-cell>")
        return f'<table:table-cell office:value-type="string"><text:p>{escape(str(v))}</text:p></table:table-cell>'

    content = content_xml or (
        '<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" office:version="1.2">'
        f'<office:body><office:spreadsheet><table:table table:name="{escape(sheet)}">'
        + "".join("<table:table-row>" + "".join(cell(v) for v in row) + "</table:table-row>" for row in rows)
        + "</table:table></office:spreadsheet></office:body></office:document-content>").encode()
    manifest = (b'<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest '
                b'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                b'<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.'
                b'opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" '
                b'manifest:media-type="text/xml"/></manifest:manifest>')
    return zip_bytes([part("mimetype", b"application/vnd.oasis.opendocument.spreadsheet", stored=True),
                      ("META-INF/manifest.xml", manifest), ("content.xml", content)])


# --- CSV ------------------------------------------------------------------------------------------------------
def csv_text(rows: list[list] | None = None, delimiter: str = ",", newline: str = "\r\n") -> str:
    rows = [HEADER, *GOOD_ROWS] if rows is None else rows
    return newline.join(delimiter.join("" if v is None else str(v) for v in row) for row in rows) + newline


# --- stores ------------------------------------------------------------------------------------------------
SEED_ROWS = [[f"SEED-{i}", f"Seed museum {i}", "FR", "2024", 10 * i, 100 * i, 1000, 2000] for i in range(1, 4)]


def counts(con) -> tuple[int, int]:
    """(uploads, responses) in a store."""
    with con.cursor() as cur:
        return (cur.execute("SELECT count(*) FROM uploads").fetchone()[0],
                cur.execute("SELECT count(*) FROM responses").fetchone()[0])


@pytest.fixture(scope="session")
def seeded_store_file(tmp_path_factory):
    """A store holding one committed upload (3 museums, wave 2024), so that "nothing was written" is
    checked against a store that is not empty. Tests get a copy (see `seeded`)."""
    from analysis.loading.upload import load_bytes

    path = tmp_path_factory.mktemp("seed") / "seeded.duckdb"
    con = open_store(path)
    assert load_bytes(con, xlsx_bytes([HEADER, *SEED_ROWS]), "seed.xlsx", user="seed")["status"] == "committed"
    con.close()
    return path


@pytest.fixture
def seeded(seeded_store_file, tmp_path):
    """A fresh copy of the seeded store, open."""
    target = tmp_path / "store.duckdb"
    shutil.copyfile(seeded_store_file, target)
    con = open_store(target)
    yield con
    con.close()


@pytest.fixture(autouse=True)
def _parse_in_a_child(monkeypatch):
    """Hostile workbooks may abort python-calamine: this suite always parses them in the guarded child,
    whatever MUSEUM_PARSE_IN_CHILD says, so that the test process itself never goes down."""
    monkeypatch.setattr(limits, "PARSE_IN_CHILD", True)


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: takes more than a few seconds (still part of the default run)")
