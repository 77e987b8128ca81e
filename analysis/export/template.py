"""The survey workbook generated from analysis.schema: blank (the template museums fill in) or filled.

Sheets: Instructions (how to answer, one line per question), Survey (one column per field, headed with
label and unit, with dropdowns for answers from a list and number checks for % and money) and a hidden
Lists sheet that feeds the dropdowns. A filled template loads with zero warnings.
"""

from __future__ import annotations

import datetime as dt
import os

import pandas as pd
from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from analysis import schema

BLANK_ROWS = 500                       # rows prepared with dropdowns and checks in the blank template
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
REQUIRED_FILL = PatternFill("solid", fgColor="9C2A00")

INSTRUCTIONS = (
    "How to fill in this survey",
    "One row per museum. Keep the column headings as they are; you may hide columns you do not answer.",
    "Leave a cell empty when you do not know the answer: empty means 'not answered', never zero.",
    "Percentages are numbers from 0 to 100 (45 means 45 %). Money is in euros (EUR).",
    "Answers with a dropdown must be picked from the list. For questions with several answers, separate "
    "them with a semicolon, e.g. 'LIDO; EDM'.",
    "Red headings are required: museum name, country and survey wave.",
    "Do not enter personal data (names, e-mail addresses, phone numbers): it is not stored.",
)


def _cell_value(value: object, f: schema.Field) -> object:
    if value is None or (isinstance(value, float) and value != value) or value is pd.NA:
        return None
    if f.kind == schema.ENUM:
        return dict(f.choices).get(value, value)
    if f.kind == schema.MULTI:
        return "; ".join(dict(f.choices).get(c, c) for c in str(value).split(";"))
    if f.kind == schema.BOOL:
        return "yes" if value else "no"
    if f.kind == schema.DATE and isinstance(value, (dt.date, pd.Timestamp)):
        return value if isinstance(value, dt.date) else value.date()
    if f.kind == schema.INT:
        return int(value)
    if f.kind in (schema.DECIMAL, schema.PERCENT, schema.MONEY):
        return float(value)
    return str(value)


def _validation(f: schema.Field, lists_ref: str | None) -> DataValidation | None:
    if f.kind == schema.ENUM and lists_ref:
        dv = DataValidation(type="list", formula1=lists_ref, allow_blank=True)
    elif f.kind == schema.BOOL:
        dv = DataValidation(type="list", formula1='"yes,no"', allow_blank=True)
    elif f.kind in (schema.PERCENT, schema.MONEY, schema.DECIMAL, schema.INT):
        kind = "whole" if f.kind == schema.INT else "decimal"
        lo = 0 if f.minimum is None else f.minimum
        hi = f.maximum if f.maximum is not None else 1e15
        dv = DataValidation(type=kind, operator="between", formula1=str(lo), formula2=str(hi), allow_blank=True)
    else:
        return None
    dv.error = f"{f.label}: {schema.data_dictionary()[schema.FIELDS.index(f)]['allowed'] or 'see Instructions'}"
    dv.errorTitle = "Not an allowed answer"
    dv.showErrorMessage = True
    return dv


def write_template(path: str | os.PathLike, frame: pd.DataFrame | None = None) -> None:
    wb = Workbook()
    info = wb.active
    info.title = "Instructions"
    info["A1"] = INSTRUCTIONS[0]
    info["A1"].font = Font(size=16, bold=True)
    for i, line in enumerate(INSTRUCTIONS[1:], start=3):
        info.cell(i, 1, line)
    start = len(INSTRUCTIONS) + 3
    for j, title in enumerate(("Column heading", "Field", "Unit", "Allowed answers", "Required", "Help"), 1):
        info.cell(start, j, title).font = Font(bold=True)
    for i, row in enumerate(schema.data_dictionary(), start=start + 1):
        f = schema.FIELDS_BY_NAME[row["field"]]
        for j, text in enumerate((f.header, f.name, f.unit, row["allowed"], row["required"], f.help), 1):
            info.cell(i, j, text)
    for letter, width in zip("ABCDEF", (46, 32, 18, 60, 10, 60)):
        info.column_dimensions[letter].width = width

    survey = wb.create_sheet("Survey")
    lists = wb.create_sheet("Lists")
    lists.sheet_state = "hidden"
    n_rows = BLANK_ROWS if frame is None else max(len(frame), 1)
    list_col = 0
    for j, f in enumerate(schema.FIELDS, start=1):
        cell = survey.cell(1, j, f.header)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = REQUIRED_FILL if f.required else HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if f.help:
            cell.comment = Comment(f.help, "survey")
        survey.column_dimensions[get_column_letter(j)].width = max(14, min(len(f.header) + 2, 34))
        lists_ref = None
        if f.kind == schema.ENUM:
            list_col += 1
            lists.cell(1, list_col, f.name)
            for i, (_, label) in enumerate(f.choices, start=2):
                lists.cell(i, list_col, label)
            col = get_column_letter(list_col)
            lists_ref = f"Lists!${col}$2:${col}${len(f.choices) + 1}"
        dv = _validation(f, lists_ref)
        if dv is not None:
            survey.add_data_validation(dv)
            letter = get_column_letter(j)
            dv.add(f"{letter}2:{letter}{n_rows + 1}")
    survey.row_dimensions[1].height = 48
    survey.freeze_panes = "D2"
    if frame is not None:
        for i, record in enumerate(frame.to_dict("records"), start=2):
            for j, f in enumerate(schema.FIELDS, start=1):
                value = _cell_value(record.get(f.name), f)
                if value is not None:
                    survey.cell(i, j, value)
    wb.active = 1
    wb.save(path)
