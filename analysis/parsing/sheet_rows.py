"""The museum rows under a sheet's header, as the mapped columns' cell texts: blank rows, repeated headers,
totals, notes and zero-only template rows skipped and reported; merged cells filled down; failed formulas
reported at their cells; one column per option of a several-answers question folded into one answer.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from analysis import schema
from analysis.i18n import N_, _
from analysis.parsing import layouts, normalise
from analysis.parsing.column_values import filled_cells
from analysis.parsing.columns import EXAMPLE_LABEL, Header, cell_text, column_letter, is_total_label
from analysis.parsing.report import ERROR, WARNING, FileReport
from analysis.parsing.text_lines import misaligned_lines
from analysis.reading.grid import FORMULA_FAILURE_TEXTS, Sheet, cell_value, formula_failure


def _chosen(value: object, code: str) -> str | None:
    """One option column's cell as the option it stands for: Yes/1/x/the option text mean chosen;
    blank/No/0 mean not chosen; text in an 'Other' column is the respondent's own answer."""
    if value is None or value == "" or isinstance(value, bool) and not value:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return code if value else None
    key = schema.value_key(value)
    if key in schema.FALSE_WORDS or normalise.is_blank(value):
        return None
    if code == "other" and key not in schema.TRUE_WORDS:
        return str(value).replace(";", ",")
    return code


def _fill_merged(sheet: Sheet, cells: dict[int, pa.Array], start: int, report: FileReport) -> None:
    """A value merged over several data rows counts for each of them, as Excel shows it, with a warning.
    `cells`: the sheet's columns from row `start` (0-based) down."""
    height = len(cells[0]) if cells else 0
    for (r0, c0), (r1, c1) in sheet.merged:
        if r0 < start or r1 <= r0 or r0 - start >= height or c0 >= len(cells):
            continue
        value = cells[c0][r0 - start].as_py()
        if value is None or not value.strip():
            continue
        below = slice(r0 + 1 - start, min(r1 - start, height - 1) + 1)        # the merged rows under the value
        for c in range(c0, min(c1, len(cells) - 1) + 1):
            column = cells[c].to_pylist()
            column[below] = [value if v is None or v == "" else v for v in column[below]]
            cells[c] = pa.array(column, pa.string())
        typed = cell_value(value) if sheet.numbers_exact else value
        span = f"{column_letter(c0)}{r0 + 1}:{column_letter(c1)}{r1 + 1}"
        report.add(WARNING, "merged_cells",
                   _("Cells {cells} are merged: '{value}' was used for rows {first} to {last}. Unmerge them and fill "
                     "in each row if that is not right.").format(cells=span, value=cell_text(typed), first=r0 + 1,
                                                                  last=r1 + 1), sheet=sheet.name, row=r0 + 1,
                   value=typed, cell=f"{column_letter(c0)}{r0 + 1}")


def _equals_ignoring_case(column: pa.Array, text: str) -> np.ndarray:
    """Which cells read `text` (lower case), give or take case and surrounding spaces. Only cells long enough
    are compared, so a column of short numbers costs one length check."""
    long_enough = np.flatnonzero(pc.greater_equal(pc.utf8_length(column), len(text)).fill_null(False)
                                 .to_numpy(zero_copy_only=False))
    same = np.zeros(len(column), dtype=bool)
    if long_enough.size:
        candidates = pc.utf8_lower(pc.utf8_trim_whitespace(column.take(pa.array(long_enough))))
        same[long_enough] = pc.equal(candidates, text).fill_null(False).to_numpy(zero_copy_only=False)
    return same


def _first_filled(cells: dict[int, pa.Array], filled: dict[int, np.ndarray], rows: np.ndarray) -> list[str]:
    """The text of the first filled cell of each of `rows` (all have one), looking left to right only as far
    as needed: usually the first column answers for every row."""
    first = np.full(len(rows), -1)
    for c in sorted(cells):
        todo = first < 0
        if not todo.any():
            break
        first[todo & filled[c][rows]] = c
    texts = np.empty(len(rows), dtype=object)
    for c in np.unique(first):
        at = np.flatnonzero(first == c)
        texts[at] = cells[int(c)].take(pa.array(rows[at])).to_pylist()
    return texts.tolist()


def data_rows(sheet: Sheet, header: Header, fields_at: dict[int, str], options: dict[str, list[tuple[int, str]]],
               start: int, report: FileReport) -> tuple[dict[str, pa.Array], np.ndarray]:
    """The museum rows under the header, as columns (field -> cell texts) plus their Excel row numbers.
    Blank rows, repeated headers, totals, notes and zero-only template rows are skipped and reported.
    Rows are classified column by column at C speed; only the skipped ones are looked at one by one."""
    height = len(sheet.rows) - start
    if height <= 0:
        return {}, np.array([], dtype=np.int64)
    cells = {c: sheet.column(c).slice(start) for c in range(sheet.width())}
    _fill_merged(sheet, cells, start, report)
    filled = {c: filled_cells(column) for c, column in cells.items()}
    count = sum(filled.values(), np.zeros(height, dtype=np.int64))
    broken = misaligned_lines(sheet, header, start, report)
    skipped = (count == 0) | broken           # blank rows: counted, not listed; misaligned lines: errors already
    reasons: dict[int, str] = {}

    def skip(rows: np.ndarray, reason: str) -> None:
        for i in np.flatnonzero(rows & ~skipped):
            reasons[int(i)] = _(reason)
        skipped[rows] = True

    first_rows = np.zeros(height, dtype=bool)
    first_rows[[i for i in range(min(3, height))
                if layouts.is_header_continuation([cell_text(v) for v in sheet.rows[start + i]])]] = True
    skip(first_rows, N_("survey tool header row"))
    # Repeated header rows: text cells equal to the heading as written (lower case).
    header_texts = {c: header.texts[c].split(" / ")[-1].strip().lower() for c in fields_at}
    same = sum((_equals_ignoring_case(cells[c], text) for c, text in header_texts.items()),
               np.zeros(height, dtype=np.int64))
    skip(same >= max(2, len(header_texts) // 2), N_("repeated header row"))
    # Totals and notes, from each row's first filled cell (its distinct texts are looked at once each).
    undecided = np.flatnonzero(~skipped)
    texts = _first_filled(cells, filled, undecided)
    labels = {t: cell_text(cell_value(t) if sheet.numbers_exact else t) for t in set(texts)}
    total_labels = {t for t, label in labels.items() if is_total_label(label)}
    # ... and the template's example row, by the name it gives the museum (its first cell may be an ID)
    named = next((cells[c] for c, name in fields_at.items() if name == "museum_name"), None)
    example = np.zeros(height, dtype=bool) if named is None else pc.match_substring_regex(
        named, EXAMPLE_LABEL, ignore_case=True).fill_null(False).to_numpy(zero_copy_only=False)
    totals, notes = np.zeros(height, dtype=bool), np.zeros(height, dtype=bool)
    for i, t in zip(undecided.tolist(), texts):
        if t in total_labels:
            totals[i], reasons[i] = True, _("totals row ('{label}')").format(label=labels[t])
        elif example[i]:
            totals[i], reasons[i] = True, _("the template's example row ('{label}')").format(
                label=cell_text(named[i].as_py())[:60])
        elif count[i] == 1:
            notes[i], reasons[i] = True, _("note ('{text}')").format(text=labels[t][:60])
    skipped |= totals | notes
    if sheet.numbers_exact:                     # number cells holding 0 only: a template row, not a museum
        zeros = sum((pc.equal(column, "0").fill_null(False).to_numpy(zero_copy_only=False)
                     for column in cells.values()), np.zeros(height, dtype=np.int64))
        skip((zeros == count) & (count > 1), N_("template row with only zeros (no museum)"))
    for i in sorted(reasons):
        report.rows_skipped.append({"sheet": sheet.name, "row": start + i + 1, "reason": reasons[i]})
    if blank := int((count == 0).sum()):
        report.notes.append(_("Sheet '{sheet}': {n} empty row(s) skipped.").format(sheet=sheet.name, n=blank))
    kept = np.flatnonzero(~skipped)
    used = sorted({*fields_at, *(c for choices in options.values() for c, _ in choices)})
    _failed_formulas(sheet, header, cells, used, ~skipped, start, report)
    take = pa.array(kept)
    columns = {name: cells[c] if len(kept) == height else cells[c].take(take) for c, name in fields_at.items()}
    for name, choices in options.items():
        picked = []
        for c, code in choices:
            column = cells[c].take(take).to_pylist()
            meaning = {v: _chosen(cell_value(v) if sheet.numbers_exact else v, code) for v in set(column)}
            picked.append([meaning[v] for v in column])
        columns[name] = pa.array(["; ".join(p for p in row if p) or None for row in zip(*picked)], pa.string())
    return columns, kept + start + 1


_FAILED = pa.array(sorted(FORMULA_FAILURE_TEXTS))


def _failed_formulas(sheet: Sheet, header: Header, cells: dict[int, pa.Array], used: list[int],
                     museum_rows: np.ndarray, start: int, report: FileReport) -> None:
    """A cell that shows a failed formula (#DIV/0!, #N/A, ... as an error cell of a workbook, or as the text a
    CSV kept) is an error at that cell, never a blank answer; the cell is then read as empty so that it raises
    no other finding. Only the columns that are stored, on the museum rows, are looked at (at C speed: the
    texts exactly as spreadsheets write them)."""
    for c in used:
        failed = pc.is_in(cells[c], value_set=_FAILED)
        at = np.flatnonzero(failed.to_numpy(zero_copy_only=False) & museum_rows)
        if not at.size:
            continue
        for i, text in zip(at.tolist(), cells[c].take(pa.array(at)).to_pylist()):
            row = start + i + 1
            report.add(ERROR, "formula_failed", formula_failure(text), sheet=sheet.name, row=row,
                       column=header.texts[c], value=text, cell=f"{column_letter(c)}{row}")
        cells[c] = pc.if_else(failed, pa.scalar(None, pa.string()), cells[c])
