"""Each mapped column's cells as canonical values: plain numbers and tidy text at C speed (pyarrow), every other
distinct cell text once through analysis.parsing.normalise, with the problems found at every row that holds it.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from analysis import i18n, schema
from analysis.i18n import _
from analysis.parsing import normalise
from analysis.parsing.report import WARNING, FileReport
from analysis.reading.grid import Sheet, cell_value


def filled_cells(column: pa.Array) -> np.ndarray:
    """Which cells hold something other than spaces."""
    something = pc.and_(pc.greater(pc.binary_length(column), 0), pc.invert(pc.utf8_is_space(column)))
    return something.fill_null(False).to_numpy(zero_copy_only=False)


def parse_columns(raw: dict[str, pa.Array], sheet: Sheet, excel_rows: np.ndarray, columns: dict,
                  report: FileReport) -> pd.DataFrame:
    """The sheet's museum rows as canonical values, one column per field of `raw` (field -> cell texts).
    `columns`: (sheet, field) -> (header, letter), to say where a finding is."""
    language = i18n.current()

    def parse(name: str) -> tuple[np.ndarray | list, list[tuple]]:
        i18n.use(language)                  # a worker thread starts in English: findings are in the reader's
        return _parse_column(raw[name], schema.FIELDS_BY_NAME[name], sheet, excel_rows, columns[(sheet.name, name)])

    # Columns are parsed side by side (pyarrow releases the interpreter); findings are reported in column order.
    with ThreadPoolExecutor(min(4, os.cpu_count() or 1)) as pool:
        parsed = dict(zip(raw, pool.map(parse, raw)))
    for _, findings in parsed.values():
        for severity, rule, message, where in findings:
            report.add(severity, rule, message, sheet=sheet.name, **where)
    return pd.DataFrame({name: values for name, (values, _) in parsed.items()})


_PLAIN = {True: r"^-?(0|[1-9]\d*)(\.\d*[1-9])?$",       # a number cell as written out (workbooks)
          False: r"^-?\d+(\.(\d{1,2}|\d{4,}))?$"}     # typed text: '1.234' may mean 1234, so not here
_SPACES = r"[\pZ\t\n\v\f\r\x1c-\x1f\x85]+"                  # what str.split() splits on
_BLANK_MARKERS = pa.array(sorted(normalise.blank_markers()))
_NOT_PLAIN_TEXT = r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?|true|false)$"   # date and yes/no cells


def _objects(values: list | tuple) -> np.ndarray:
    """A 1-D object array of the values as they are (np.array would read tuples as rows)."""
    out = np.empty(len(values), dtype=object)
    out[:] = values
    return out


def _parse_column(raw: pa.Array, f: schema.Field, sheet: Sheet, excel_rows: np.ndarray,
                  where: tuple[str, str]) -> tuple[np.ndarray | list, list[tuple]]:
    """One field's cells as canonical values (float64, NaN = not answered, for numbers, else a list) and
    the findings to report: (severity, rule, message, where). Plain numbers are converted at C speed;
    every other distinct cell text is parsed once in Python (normalise.parse_cell), and its problem
    reported at every row holding it."""
    header, letter = where
    findings = []
    numeric = f.kind in schema.NUMERIC_KINDS
    present = filled_cells(raw)
    if numeric:
        plain = pc.match_substring_regex(raw, _PLAIN[sheet.numbers_exact or f.kind == schema.PERCENT])
        numbers = pc.cast(pc.if_else(plain.fill_null(False), raw, None), pa.float64())
        values = numbers.to_numpy(zero_copy_only=False).astype(float)
        fast = ~np.isnan(values) & (np.abs(values) < 1e15)
        if f.kind == schema.INT:
            fast &= values == np.round(values)
        values[~fast] = np.nan
    elif f.kind == schema.TEXT and f.name not in normalise.CODE_FIRST:   # free text: spaces tidied at C speed
        text = pc.utf8_trim_whitespace(pc.replace_substring_regex(raw, _SPACES, " "))
        special = pc.or_(pc.is_in(pc.utf8_lower(text), _BLANK_MARKERS), pc.starts_with(text, "'"))
        if sheet.numbers_exact:
            special = pc.or_(special, pc.match_substring_regex(text, _NOT_PLAIN_TEXT))
        fast = present & ~special.fill_null(False).to_numpy(zero_copy_only=False)
        values = np.full(len(raw), None, dtype=object)
        values[fast] = _objects(text.filter(pa.array(fast)).to_pylist())
    else:
        values, fast = np.full(len(raw), None, dtype=object), np.zeros(len(raw), dtype=bool)
    at = np.flatnonzero(present & ~fast)
    if at.size:
        encoded = raw.take(pa.array(at)).dictionary_encode()
        typed = [cell_value(t) if sheet.numbers_exact else t for t in encoded.dictionary.to_pylist()]
        parsed, problems = zip(*(normalise.parse_cell(v, f) for v in typed))
        codes = encoded.indices.to_numpy(zero_copy_only=False)
        values[at] = (np.array(parsed, dtype=float) if numeric else _objects(parsed))[codes]
        flagged = np.array([p is not None for p in problems])[codes]
        for i, code in zip(at[flagged].tolist(), codes[flagged].tolist()):
            row = int(excel_rows[i])
            findings.append((*problems[code], {"row": row, "column": header, "value": typed[code],
                                               "cell": f"{letter}{row}"}))
    if f.kind == schema.PERCENT and normalise.looks_like_fraction_column(values, raw):
        values = np.round(values * 100, 10)
        findings.append((WARNING, "percent_as_fraction",
                         _("Every answer in '{column}' is between 0 and 1, so they were read as fractions and "
                           "multiplied by 100 (0.45 -> 45 %). If they really are below 1 %, write them with a % "
                           "sign.").format(column=header), {"column": header}))
    return (values if numeric else values.tolist()), findings
