"""An annotated copy of an uploaded file, to send back to a museum or fix by hand.

Every cell a finding points at is filled (red = error, amber = warning) and carries a comment with the
message; an "Issues" sheet lists every finding, one row each, with a link to its cell. Findings about a
whole file, sheet or column (no cell) are listed on the Issues sheet only.

xlsx and xlsm files are annotated in place with openpyxl. Macros are never run or kept: an xlsm is opened
with keep_vba=False, so the copy is a plain xlsx. csv, tsv, xls and ods files (and a workbook openpyxl
cannot open) become a new xlsx holding the grid analysis.reading read, cell for cell, so the row and column
of every finding still match what the analyst sees in the original.
"""

from __future__ import annotations

import datetime as dt
import numbers
from collections import defaultdict
from io import BytesIO

import openpyxl
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet

from analysis.i18n import N_, _
from analysis.reading.formats import read_sheets
from analysis.reading.grid import Sheet
from analysis.parsing.report import ERROR, Finding, FileReport

ERROR_FILL = PatternFill("solid", fgColor="FFC7CE")        # light red
WARNING_FILL = PatternFill("solid", fgColor="FFE699")      # amber
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
# The words of the annotated copy, in the reader's language where it is written.
AUTHOR = N_("Survey check")
ISSUES = N_("Issues")
ISSUE_COLUMNS = (N_("Severity"), N_("Sheet"), N_("Cell"), N_("Excel row"), N_("Column"), N_("Value"), N_("Rule"),
                 N_("Message"))
MAX_TEXT = 32_000                                           # Excel's cell limit is 32,767 characters


def annotated_workbook(data: bytes, report: FileReport, sheets: list[Sheet] | None = None) -> bytes:
    """The xlsx bytes of the annotated copy. `sheets` (read_sheets output) saves a second read of a
    csv/xls/ods file."""
    wb = _open_original(data) if report.format in ("xlsx", "xlsm") else None
    if wb is None:
        wb = _from_grid(sheets if sheets is not None else read_sheets(data)[1])
    linked = _mark_cells(wb, report.findings)
    _issues_sheet(wb, report, linked)
    out = BytesIO()
    wb.save(out)
    return out.getvalue()


def _severity(finding: Finding) -> str:
    return _("Error") if finding.severity == ERROR else _("Warning")


def annotated_name(filename: str) -> str:
    stem = filename.rsplit(".", 1)[0] if "." in filename else filename
    return _("{name} - checked.xlsx").format(name=stem)


def _open_original(data: bytes) -> openpyxl.Workbook | None:
    try:
        return openpyxl.load_workbook(BytesIO(data), keep_vba=False, keep_links=False, rich_text=False)
    except Exception:          # noqa: BLE001 - anything openpyxl cannot open is rebuilt from the grid instead
        return None


def _from_grid(sheets: list[Sheet]) -> openpyxl.Workbook:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for sheet in sheets:
        ws = wb.create_sheet(sheet.name[:31])
        if not sheet.visible:
            ws.sheet_state = "hidden"
        for r, row in enumerate(sheet.rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is not None and value != "":
                    _put(ws.cell(r, c), value)
        for (r0, c0), (r1, c1) in sheet.merged:
            ws.merge_cells(start_row=r0 + 1, start_column=c0 + 1, end_row=r1 + 1, end_column=c1 + 1)
    if not wb.worksheets:
        wb.create_sheet("Sheet1")
    return wb


def _put(cell, value) -> None:
    """Write a value as data, never as a formula (a csv cell '=HYPERLINK(...)' stays text)."""
    if isinstance(value, str):
        cell.value = _clean(value)
        cell.data_type = "s"
    elif isinstance(value, (bool, dt.date, dt.datetime, dt.time, dt.timedelta)):
        cell.value = value
    elif isinstance(value, numbers.Integral):
        cell.value = int(value)
    elif isinstance(value, numbers.Real):              # numpy floats from the parsed frame included
        cell.value = float(value)
    else:
        cell.value = _clean(str(value))
        cell.data_type = "s"


def _clean(text: str) -> str:
    return ILLEGAL_CHARACTERS_RE.sub("", text)[:MAX_TEXT]


def _anchor(ws: Worksheet, coordinate: str):
    """The cell that shows `coordinate`: the top-left cell when it lies inside merged cells."""
    for merged in ws.merged_cells.ranges:
        if coordinate in merged:
            return ws.cell(merged.min_row, merged.min_col)
    return ws[coordinate]


def _mark_cells(wb: openpyxl.Workbook, findings: list[Finding]) -> dict[int, str]:
    """Fill and comment every cell a finding points at; returns {id(finding): "'Sheet'!D14"} for links."""
    at: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for f in findings:
        if f.sheet and f.cell and f.sheet in wb.sheetnames and isinstance(wb[f.sheet], Worksheet):
            at[(f.sheet, f.cell)].append(f)
    linked = {}
    for (sheet, coordinate), items in at.items():
        ws = wb[sheet]
        try:
            cell = _anchor(ws, coordinate)
        except ValueError:              # not a cell reference after all
            continue
        cell.fill = ERROR_FILL if any(f.severity == ERROR for f in items) else WARNING_FILL
        text = "\n\n".join(_("{severity}: {message}").format(severity=_severity(f), message=f.message)
                           for f in items)
        if cell.comment is not None and cell.comment.text:
            text = f"{cell.comment.text}\n---\n{text}"
        lines = sum(1 + len(part) // 45 for part in text.split("\n"))
        cell.comment = Comment(_clean(text), _(AUTHOR), width=320, height=min(600, 24 + 15 * lines))
        for f in items:
            linked[id(f)] = f"'{sheet}'!{cell.coordinate}"
    return linked


def _issues_sheet(wb: openpyxl.Workbook, report: FileReport, linked: dict[int, str]) -> None:
    title = _(ISSUES)
    while title in wb.sheetnames:
        title = f"{title}_"
    ws = wb.create_sheet(title[:31])
    ws.append([_(heading) for heading in ISSUE_COLUMNS])
    for c in range(1, len(ISSUE_COLUMNS) + 1):
        head = ws.cell(1, c)
        head.font = Font(bold=True, color="FFFFFF")
        head.fill = HEADER_FILL
    order = sorted(report.findings, key=lambda f: (f.severity != ERROR, f.sheet, f.row or 0, f.cell))
    for f in order:
        r = ws.max_row + 1
        values = [_severity(f), f.sheet, f.cell, f.row, f.column, f.value,
                  f.rule, f.message]
        for c, value in enumerate(values, start=1):
            if value is not None and value != "":
                _put(ws.cell(r, c), value)
        ws.cell(r, 1).fill = ERROR_FILL if f.severity == ERROR else WARNING_FILL
        ws.cell(r, 8).alignment = Alignment(wrap_text=True, vertical="top")
        if id(f) in linked:
            ws.cell(r, 3).hyperlink = Hyperlink(ref=ws.cell(r, 3).coordinate, location=linked[id(f)])
            ws.cell(r, 3).font = Font(color="0563C1", underline="single")
    if not order:
        ws.cell(2, 8, _("No problems found."))
    for c, width in enumerate((10, 18, 8, 10, 30, 18, 26, 90), start=1):
        ws.column_dimensions[get_column_letter(c)].width = width
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:H{max(ws.max_row, 2)}"
    for sheet in wb.worksheets:
        sheet.sheet_view.tabSelected = False
    ws.sheet_view.tabSelected = True
    wb.active = wb.worksheets.index(ws)
