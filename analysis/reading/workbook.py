"""Workbooks (xlsx, xlsm, xls, ods) read with fastexcel (the calamine reader, which never runs macros) into
Arrow tables of cell texts, so that 50,000 rows cost no Python object per cell. A cell whose formula failed
keeps the text a spreadsheet shows (#DIV/0!, #N/A, ...), never a blank: calamine hands such cells over as
empty, so they are written back from the errors fastexcel reports (xlsx, xls) or from content.xml (ods,
found by the checks in analysis.reading.safety). Run only on bytes those checks pass, in a child process
(analysis.reading.sandbox) unless limits.PARSE_IN_CHILD is off."""

from __future__ import annotations

import io
import re
import zipfile

import fastexcel
import pyarrow as pa

from analysis import limits
from analysis.formats import clauses, number
from analysis.i18n import _
from analysis.reading.grid import Sheet, TableRows, UnreadableFile, formula_failure
from analysis.reading.safety import xlsx_sheet_parts


def describe(sheet: Sheet, facts: dict | None, fmt: str) -> None:
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
        said.append(_("{n} cell(s) hold formulas: the values Excel last calculated were used (formulas are not "
                      "recalculated)").format(n=number(sheet.formulas)))
    if sheet.hidden_rows:
        shown = ", ".join(str(r) for r in sheet.hidden_rows[:20]) + (", ..." if len(sheet.hidden_rows) > 20 else "")
        said.append(_("row(s) {rows} are hidden in Excel and were read like the other rows").format(rows=shown))
    if said:
        sheet.note = _("sheet '{sheet}': {notes}").format(sheet=sheet.name, notes=clauses(said))


def read_workbook(data: bytes, fmt: str) -> list[Sheet]:
    """Every sheet as an Arrow table of cell texts (fastexcel, the calamine reader without Python objects
    per cell), keeping Excel positions: leading empty rows are kept, the first used column is recorded."""
    try:
        book = fastexcel.read_excel(data)
        sheets = []
        for name in book.sheet_names:
            sheet = book.load_sheet(name, header_row=None, skip_rows=0, dtypes="string")
            if sheet.width > limits.MAX_COLUMNS:
                raise UnreadableFile(_("Sheet '{sheet}' has {n} columns, more than the limit of {limit}.").format(
                    sheet=name, n=number(sheet.width), limit=number(limits.MAX_COLUMNS)))
            if sheet.total_height > limits.MAX_ROWS + limits.HEADER_SCAN_ROWS:
                raise UnreadableFile(_("Sheet '{sheet}' has {n} rows, more than the limit of {limit}. Split the "
                                       "file.").format(sheet=name, n=number(sheet.total_height),
                                                       limit=number(limits.MAX_ROWS)))
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
            raise UnreadableFile(_("The workbook is password-protected. Save an unprotected copy and upload "
                                   "that.")) from exc
        raise UnreadableFile(_("The {format} workbook could not be read: {problem}").format(
            format=fmt, problem=text.splitlines()[0] if text else repr(exc))) from exc


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
        for part, sheet in xlsx_sheet_parts(zf).items():
            xml = zf.read(part).decode("utf-8", "replace")
            for cell in re.finditer(r"<c\b([^>]*)>(?:(?!</c>).){0,4000}?<v>" + re.escape(shown) + "</v>", xml, re.S):
                if ref := re.search(r'\br="([A-Z]{1,3}\d+)"', cell.group(1)):
                    return formula_failure(shown, _("Sheet '{sheet}', cell {cell},").format(sheet=sheet,
                                                                                             cell=ref.group(1)))
    return formula_failure(shown, _("A cell"))
