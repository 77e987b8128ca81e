"""The survey workbook generated from analysis.schema: blank (the template museums fill in) or filled.

Sheets: Instructions (how to answer, one line per question), Survey (one column per field, headed with
label and unit, with dropdowns for answers from a list and number checks for % and money) and a hidden
Lists sheet that feeds the dropdowns. Written in any language of the `survey` catalogues (analysis.i18n.survey):
headings, instructions, dropdown answers and yes/no. A filled template loads with zero warnings, whatever its
language.
"""

from __future__ import annotations

import datetime as dt
import os
from functools import partial

import pandas as pd
from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from analysis import formats, i18n, schema
from analysis.i18n import survey as texts

BLANK_ROWS = 500                       # rows prepared with dropdowns and checks in the blank template
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
REQUIRED_FILL = PatternFill("solid", fgColor="9C2A00")

SHEETS = ("Instructions", "Survey", "Lists")
COLUMNS = ("Column heading", "Field", "Unit", "Allowed answers", "Required", "Help")
NOT_ALLOWED, SEE_INSTRUCTIONS, RANGE = "Not an allowed answer", "see Instructions", "{low} to {high}"
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
TEXTS = (*SHEETS, *INSTRUCTIONS, *COLUMNS, NOT_ALLOWED, SEE_INSTRUCTIONS, RANGE)   # the catalogue's template part


def _cell_value(value: object, f: schema.Field, language: str) -> object:
    if formats.is_missing(value):
        return None
    if f.kind == schema.ENUM:
        return texts.choice_label(f, value, language) if value in f.codes else value
    if f.kind == schema.MULTI:
        return "; ".join(texts.choice_label(f, c, language) if c in f.codes else c for c in str(value).split(";"))
    if f.kind == schema.BOOL:
        return texts.text(texts.YES if value else texts.NO, language)
    if f.kind == schema.DATE and isinstance(value, (dt.date, pd.Timestamp)):
        return value if isinstance(value, dt.date) else value.date()
    if f.kind == schema.INT:
        return int(value)
    if f.kind in (schema.DECIMAL, schema.PERCENT, schema.MONEY):
        return float(value)
    return str(value)


def _allowed(f: schema.Field, row: dict[str, str], language: str) -> str:
    """The allowed answers as the Instructions sheet states them: the data dictionary's in English (codes and
    the other languages' yes / no), the translated labels, yes / no and ranges in another language."""
    if language == i18n.SOURCE_LANGUAGE:
        return row["allowed"]
    if f.choices:
        return ", ".join(texts.choice_label(f, code, language) for code in f.codes)
    if f.kind == schema.BOOL:
        return f"{texts.text(texts.YES, language)} / {texts.text(texts.NO, language)}"
    if f.maximum is not None:
        return texts.text(RANGE, language).format(low=f"{f.minimum or 0:g}", high=f"{f.maximum:g}")
    return f"≥ {f.minimum:g}" if f.minimum is not None else ""


def _validation(f: schema.Field, lists_ref: str | None, allowed: str, language: str) -> DataValidation | None:
    if f.kind == schema.ENUM and lists_ref:
        dv = DataValidation(type="list", formula1=lists_ref, allow_blank=True)
    elif f.kind == schema.BOOL:
        yes, no = texts.text(texts.YES, language), texts.text(texts.NO, language)
        dv = DataValidation(type="list", formula1=f'"{yes},{no}"', allow_blank=True)
    elif f.kind in (schema.PERCENT, schema.MONEY, schema.DECIMAL, schema.INT):
        kind = "whole" if f.kind == schema.INT else "decimal"
        lo = 0 if f.minimum is None else f.minimum
        hi = f.maximum if f.maximum is not None else 1e15
        dv = DataValidation(type=kind, operator="between", formula1=str(lo), formula2=str(hi), allow_blank=True)
    else:
        return None
    dv.error = f"{texts.text(f.label, language)}: {allowed or texts.text(SEE_INSTRUCTIONS, language)}"
    dv.errorTitle = texts.text(NOT_ALLOWED, language)
    dv.showErrorMessage = True
    return dv


def _sheet_ref(name: str) -> str:
    """A sheet name as a formula writes it: quoted unless it is a plain word."""
    return name if name.isascii() and name.isalnum() else quote_sheetname(name)


def write_template(path: str | os.PathLike, frame: pd.DataFrame | None = None, language: str = "en") -> None:
    """The blank template (frame None) or one filled with `frame`'s canonical values, in a survey language."""
    if language not in texts.languages():
        raise ValueError(f"no survey catalogue for '{language}': choose among {', '.join(texts.languages())}")
    say = partial(texts.text, language=language)
    wb = Workbook()
    info = wb.active
    info.title = say(SHEETS[0])
    info["A1"] = say(INSTRUCTIONS[0])
    info["A1"].font = Font(size=16, bold=True)
    for i, line in enumerate(INSTRUCTIONS[1:], start=3):
        info.cell(i, 1, say(line))
    start = len(INSTRUCTIONS) + 3
    for j, title in enumerate(COLUMNS, 1):
        info.cell(start, j, say(title)).font = Font(bold=True)
    allowed = {}
    for i, row in enumerate(schema.data_dictionary(), start=start + 1):
        f = schema.FIELDS_BY_NAME[row["field"]]
        allowed[f.name] = _allowed(f, row, language)
        required = say(texts.YES) if f.required else ""
        for j, text in enumerate((texts.heading(f, language), f.name, say(f.unit), allowed[f.name], required,
                                  say(f.help)), 1):
            info.cell(i, j, text)
    for letter, width in zip("ABCDEF", (46, 32, 18, 60, 10, 60)):
        info.column_dimensions[letter].width = width

    survey = wb.create_sheet(say(SHEETS[1]))
    lists = wb.create_sheet(say(SHEETS[2]))
    lists.sheet_state = "hidden"
    n_rows = BLANK_ROWS if frame is None else max(len(frame), 1)
    list_col = 0
    for j, f in enumerate(schema.FIELDS, start=1):
        header = texts.heading(f, language)
        cell = survey.cell(1, j, header)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = REQUIRED_FILL if f.required else HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if f.help:
            cell.comment = Comment(say(f.help), "survey")
        survey.column_dimensions[get_column_letter(j)].width = max(14, min(len(header) + 2, 34))
        lists_ref = None
        if f.kind == schema.ENUM:
            list_col += 1
            lists.cell(1, list_col, f.name)
            for i, code in enumerate(f.codes, start=2):
                lists.cell(i, list_col, texts.choice_label(f, code, language))
            col = get_column_letter(list_col)
            lists_ref = f"{_sheet_ref(lists.title)}!${col}$2:${col}${len(f.choices) + 1}"
        dv = _validation(f, lists_ref, allowed[f.name], language)
        if dv is not None:
            survey.add_data_validation(dv)
            letter = get_column_letter(j)
            dv.add(f"{letter}2:{letter}{n_rows + 1}")
    survey.row_dimensions[1].height = 48
    survey.freeze_panes = "D2"
    if frame is not None:
        for i, record in enumerate(frame.to_dict("records"), start=2):
            for j, f in enumerate(schema.FIELDS, start=1):
                value = _cell_value(record.get(f.name), f, language)
                if value is not None:
                    survey.cell(i, j, value)
    wb.active = 1
    wb.save(path)
