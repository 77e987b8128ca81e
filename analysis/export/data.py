"""The data behind a view as CSV and as a styled XLSX sheet, safe to open in a spreadsheet.

Text cells that a spreadsheet would run as a formula (starting with = + - @, tab or carriage return) are
prefixed with an apostrophe (OWASP CSV injection); numbers stay numbers.
"""

from __future__ import annotations

import io

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from analysis import formats
from analysis.i18n import _

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _safe(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(neutralise)
    return out


def to_csv(frame: pd.DataFrame, data_version: str = "") -> bytes:
    """The table as CSV; a last column `data_version` says which uploads and frame it was made from, so the
    file stays one plain table that any tool reads."""
    out = _safe(frame)
    if data_version:
        out = out.assign(data_version=data_version)
    return out.to_csv(index=False).encode("utf-8-sig")     # BOM: Excel opens UTF-8 correctly


def to_xlsx(frame: pd.DataFrame, title: str, caption: str, data_version: str = "") -> bytes:
    """One sheet: the title, the filters in words and the data version above a table with bold headings."""
    wb = Workbook()
    ws = wb.active
    ws.title = _("Data")
    ws["A1"] = neutralise(title)
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = neutralise(caption)
    ws["A3"] = neutralise(data_version)
    safe = _safe(frame)
    for j, column in enumerate(safe.columns, start=1):
        ws.cell(4, j, str(column)).font = Font(bold=True)
        ws.column_dimensions[get_column_letter(j)].width = max(12, min(40, len(str(column)) + 4))
    for i, row in enumerate(safe.itertuples(index=False), start=5):
        for j, value in enumerate(row, start=1):
            if not formats.is_missing(value):
                ws.cell(i, j, value.item() if hasattr(value, "item") else value)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
