"""Which format uploaded bytes are, recognised from the content, not the file name (a PNG renamed .xlsx is
told apart), and read_sheets, the one entry point that reads them the way their format needs: text files
counted, decoded and read here; workbooks checked (analysis.reading.safety) while a child process parses
them (analysis.reading.sandbox)."""

from __future__ import annotations

import io
import sys
import zipfile

from analysis import limits
from analysis.formats import number
from analysis.i18n import N_, _
from analysis.reading import compound, safety, sandbox, text, workbook
from analysis.reading.grid import Sheet, UnreadableFile


# Files people upload by mistake, known by their first bytes, and how the refusal names them.
NOT_SPREADSHEETS = ((b"\x89PNG", N_("a PNG image")), (b"\xff\xd8\xff", N_("a JPEG image")),
                    (b"%PDF", N_("a PDF document")), (b"GIF8", N_("a GIF image")),
                    (b"PK\x05\x06", N_("an empty zip archive")), (b"\x1f\x8b", N_("a gzip archive")),
                    (b"Rar!", N_("a RAR archive")), (b"7z\xbc\xaf", N_("a 7-Zip archive")))


def sniff_format(data: bytes) -> str:
    if not data:
        raise UnreadableFile(_("The file is empty (0 bytes)."))
    if data.startswith(b"PK\x03\x04"):
        return _zip_format(data)
    if data.startswith(compound.OLE2_MAGIC):
        return compound.ole_format(data)      # legacy Excel; or a password-protected xlsx, a Word file, ...
    for magic, what in NOT_SPREADSHEETS:
        if data.startswith(magic):
            raise UnreadableFile(_(compound.NOT_A_SPREADSHEET).format(what=_(what)))
    return "csv"


def _zip_format(data: bytes) -> str:
    entries = safety.zip_entry_count(data)
    if entries is not None and entries > limits.MAX_ZIP_ENTRIES:
        raise UnreadableFile(_("The file is a zip archive of {n} parts, more than the limit of {limit}; a workbook "
                               "has a few dozen. It is damaged or not a spreadsheet.").format(
            n=number(entries), limit=number(limits.MAX_ZIP_ENTRIES)))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
            names = {i.filename for i in infos}
            declared = sum(i.file_size for i in infos)
            if declared > limits.MAX_UNCOMPRESSED_BYTES:
                raise UnreadableFile(_("The workbook would unpack to {size} MB, more than the limit of {limit} MB. "
                                       "Split it into smaller files.").format(
                    size=number(declared / 1e6), limit=number(limits.MAX_UNCOMPRESSED_BYTES / 1e6)))
            if "xl/workbook.xml" in names:
                return "xlsm" if "xl/vbaProject.bin" in names else "xlsx"
            if "content.xml" in names and "mimetype" in names:
                if b"spreadsheet" in zf.read("mimetype"):
                    return "ods"
                raise UnreadableFile(_("This is an OpenDocument file but not a spreadsheet (ods)."))
            if "word/document.xml" in names:
                raise UnreadableFile(_("This is a Word document, not a spreadsheet."))
    except zipfile.BadZipFile as exc:
        raise UnreadableFile(_("The file looks like a workbook but is damaged or truncated ({problem}).").format(
            problem=exc)) from exc
    raise UnreadableFile(_("This is a zip archive, not a spreadsheet. Upload the xlsx, xls, ods or csv file "
                           "itself."))


def read_sheets(data: bytes) -> tuple[str, list[Sheet]]:
    """Return (format, sheets). Raises UnreadableFile with a plain-words reason."""
    if (reason := limits.too_big(len(data))) is not None:
        raise UnreadableFile(reason)
    fmt = sniff_format(data)
    if fmt == "csv":
        text.check_text(data)
        return fmt, [text.read_text(data)]
    if limits.PARSE_IN_CHILD and sys.executable:
        facts, sheets = sandbox.check_while_child_parses(data, fmt)
    else:
        facts = safety.check_workbook(data, fmt)
        sheets = workbook.read_workbook(data, fmt)
    for sheet in sheets:
        workbook.describe(sheet, facts.get(sheet.name), fmt)
    return fmt, sheets
