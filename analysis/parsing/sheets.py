"""Read one uploaded file into canonical survey rows plus a report of everything found on the way.

    bytes -> sheets (analysis.reading) -> header row + column mapping (columns, headers) -> data rows
          -> cell values (normalise) -> checks (rules) -> ParsedUpload (frame + FileReport)

Nothing here writes to the store: a ParsedUpload is committed by analysis.store only when it has no errors.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from analysis import limits, schema
from analysis.parsing import layouts, normalise, rules
from analysis.parsing.headers import values
from analysis.parsing.headers.concepts import read
from analysis.parsing.headers.fields import PERSONAL
from analysis.parsing.headers.recognise import ADDRESS, REMARKS, TOOL_METADATA, UNMAPPED, Match, assign, candidates
from analysis.parsing.columns import Header, cell_text, column_letter, find_header, is_total_label, match_option
from analysis.reading.formats import read_sheets
from analysis.reading.grid import (FORMULA_FAILURE_TEXTS, Sheet, TableRows, UnreadableFile, cell_value,
                                   formula_failure)
from analysis.reading.text import DELIMITERS
from analysis.parsing.report import ERROR, WARNING, ColumnMapping, FileReport, MappingKind, SkipReason


@dataclass
class ParsedUpload:
    report: FileReport
    frame: pd.DataFrame                    # canonical columns + _sheet, _row, museum_id_generated
    columns: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)  # (sheet, field) -> (header, letter)

    @property
    def ok(self) -> bool:
        return not self.report.errors


def parse_upload(data: bytes, filename: str, *, wave: str | None = None,
                 mapping: dict[tuple[str, str], str | None] | None = None,
                 read: tuple[str, list[Sheet]] | None = None) -> ParsedUpload:
    """Parse and validate one file. `mapping` overrides the automatic column mapping:
    {(sheet, header as written): field, or None to leave the column out}. `read` is the file's
    read_sheets() result when the caller has it already (the file is then read once)."""
    report = FileReport(file=filename, sha256=hashlib.sha256(data).hexdigest())
    try:
        report.format, sheets = read or read_sheets(data)
    except UnreadableFile as exc:
        report.add(ERROR, "unreadable_file", str(exc), row=exc.row)
        return ParsedUpload(report, _empty_frame())
    frames, columns = [], {}
    for sheet in sheets:
        if sheet.note:
            report.notes.append(f"{filename}: {sheet.note}.")
        frame = _read_sheet(sheet, report, columns, mapping or {})
        if frame is not None:
            frames.append(frame)
    if not frames:
        _explain_no_survey(sheets, report)
        return ParsedUpload(report, _empty_frame(), columns)
    if not wave:
        wave = _infer_wave(frames, filename, report)
    frame = pd.concat(frames, ignore_index=True)
    if len(frame) > limits.MAX_ROWS:
        report.add(ERROR, "too_many_rows", f"The file has {len(frame):,} survey rows, more than the limit of "
                                           f"{limits.MAX_ROWS:,}. Split it into smaller files.")
        return ParsedUpload(report, _empty_frame(), columns)
    frame = _fill_wave_and_ids(frame, wave, report)
    rules.check(frame, report, columns)
    return ParsedUpload(report, frame, columns)


def _empty_frame() -> pd.DataFrame:
    return pd.DataFrame(columns=[*schema.FIELDS_BY_NAME, "_sheet", "_row", "museum_id_generated"])


def _read_sheet(sheet: Sheet, report: FileReport, columns: dict,
                overrides: dict[tuple[str, str], str | None]) -> pd.DataFrame | None:
    if not sheet.visible:
        report.sheets_skipped[sheet.name] = SkipReason.HIDDEN
        return None
    if sheet.is_blank():
        report.sheets_skipped[sheet.name] = SkipReason.EMPTY
        return None
    header = find_header(sheet.rows, sheet.merged)
    if header is None:
        report.sheets_skipped[sheet.name] = SkipReason.NO_HEADER
        return None
    layout = layouts.detect([[cell_text(v) for v in row] for row in sheet.rows[: header.rows[-1] + 1]])
    decided = _decide_columns(sheet, header, layout, overrides)
    mapped = {m.field for m, _ in decided.values() if m.field}
    if not mapped & set(schema.SURVEY_FIELDS) or not mapped & {"museum_name", "museum_id", "country"}:
        report.recognised += [f.label for f in schema.FIELDS if f.name in mapped and f.label not in report.recognised]
        numbers = any(isinstance(v, (int, float)) and not isinstance(v, bool) for row in sheet.rows for v in row)
        report.sheets_skipped[sheet.name] = SkipReason.LOOKUP_LIST if numbers else SkipReason.TEXT_ONLY
        return None
    if layout:
        report.layouts[sheet.name] = layout.tool
        report.notes.append(f"Sheet '{sheet.name}': recognised as a {layout.tool} export.")
    fields_at, options = _map_columns(sheet, header, decided, report, columns)
    raw, excel_rows = _data_rows(sheet, header, fields_at, options, header.rows[-1] + 1, report)
    if not len(excel_rows):
        report.sheets_skipped[sheet.name] = SkipReason.NO_ROWS
        return None
    for row in sorted(set(sheet.hidden_rows) & set(excel_rows.tolist())):
        report.add(WARNING, "hidden_row", f"Row {row} is hidden in Excel; it was loaded like the other rows. "
                                          "Delete it from the sheet if it should not count.", sheet=sheet.name, row=row)
    if sheet.formulas:
        report.add(WARNING, "formula_value_used",
                   f"{sheet.formulas:,} cell(s) hold formulas: the values Excel last calculated were used. Check "
                   "them, or paste the values in place of the formulas.", sheet=sheet.name)
    report.sheets_used.append(sheet.name)
    report.header_rows[sheet.name] = [r + 1 for r in header.rows]
    def parse(name: str) -> tuple[np.ndarray | list, list[tuple]]:
        return _parse_column(raw[name], schema.FIELDS_BY_NAME[name], sheet, excel_rows, columns[(sheet.name, name)])

    # Columns are parsed side by side (pyarrow releases the interpreter); findings are reported in column order.
    with ThreadPoolExecutor(min(4, os.cpu_count() or 1)) as pool:
        parsed = dict(zip(raw, pool.map(parse, raw)))
    for _, findings in parsed.values():
        for severity, rule, message, where in findings:
            report.add(severity, rule, message, sheet=sheet.name, **where)
    frame = pd.DataFrame({name: values for name, (values, _) in parsed.items()})
    frame["_sheet"] = sheet.name
    frame["_row"] = excel_rows
    titles = [cell_text(v) for row in sheet.rows[: header.rows[0]] for v in row if cell_text(v)]
    frame.attrs["wave_hint"] = _year_in(titles, sheet.name)
    return frame


def _answers(sheet: Sheet, start: int, c: int) -> list[object]:
    """A sample of the answers in column c below the header, typed as the cells are."""
    cells = sheet.column(c).slice(start, values.SAMPLE * 5).to_pylist()
    return [cell_value(v) if sheet.numbers_exact else v for v in cells]


def _decide_columns(sheet: Sheet, header: Header, layout: layouts.Layout | None,
                    overrides: dict) -> dict[int, tuple[Match, str | None]]:
    """What every headed column is: column index -> (match, option code when the column is one option of
    a several-answers question). The analyst's choices come first, then survey-tool metadata and option
    columns; the rest are assigned together from their headings and answers (analysis.parsing.headers)."""
    start = header.rows[-1] + 1
    decided: dict[int, tuple[Match, str | None]] = {}
    free: list[int] = []
    for c, text in enumerate(header.texts):
        if not text:
            continue
        if (sheet.name, text) in overrides:
            decided[c] = Match(overrides[(sheet.name, text)], 100, MappingKind.ANALYST), None
        elif layouts.is_metadata(text, layout) and not read(text).concepts & PERSONAL:   # GPS is personal
            decided[c] = Match(None, 100, TOOL_METADATA, why=f"a {layout.tool if layout else 'survey tool'} "
                                                             "bookkeeping column"), None
        elif option := match_option(text):
            field, code, known = option
            decided[c] = Match(field, 100, MappingKind.OPTION if known else MappingKind.OTHER_OPTION), code
        else:
            free.append(c)
    answers = [_answers(sheet, start, c) for c in free]
    taken = frozenset(m.field for m, code in decided.values() if m.field and code is None)   # options may share
    for c, match in zip(free, assign([header.texts[c] for c in free], answers, taken)):
        decided[c] = match, None
    return decided


def _map_columns(sheet: Sheet, header: Header, decided: dict[int, tuple[Match, str | None]], report: FileReport,
                 columns: dict) -> tuple[dict[int, str], dict[str, list[tuple[int, str]]]]:
    """Record the mapping of every column; a column that holds answers but is not recognised stops the file
    until the analyst says what it is. Return column index -> field for the usable columns, and the
    several-answers questions written as one column per option: field -> [(column index, option code)]."""
    fields_at: dict[int, str] = {}
    options: dict[str, list[tuple[int, str]]] = {}
    start = header.rows[-1] + 1
    for c, (match, code) in sorted(decided.items()):
        text, letter = header.texts[c], column_letter(c)
        report.mapping.append(ColumnMapping(sheet.name, text, letter, match.field, match.confidence, match.how,
                                            match.suggestion, match.why, code))
        if match.field is None:
            if match.how is UNMAPPED and _filled(sheet.column(c).slice(start)).any():
                holder = next((k for k, (m, _) in decided.items() if m.field and m.field == match.suggestion), None)
                _unrecognised(report, sheet, header, c, match, holder)
            continue
        if code is not None:
            options.setdefault(match.field, []).append((c, code))
            continue
        fields_at[c] = match.field
        columns[(sheet.name, match.field)] = (text, letter)
    for name in list(options):
        if name in fields_at.values():         # the tool also wrote a summary column: use it, never count twice
            for m in report.mapping:
                if m.sheet == sheet.name and m.field == name and m.how in (MappingKind.OPTION,
                                                                           MappingKind.OTHER_OPTION):
                    m.how = MappingKind.OPTION_SET_ASIDE
            del options[name]
        else:
            first = options[name][0][0]
            question = header.texts[first].split(" / ")[0]
            columns[(sheet.name, name)] = (question, column_letter(first))
    # Personal data is listed on its own (FileReport.dropped_columns), never among the notes.
    for how, words in ((TOOL_METADATA, "survey tool metadata set aside"), (REMARKS, "remarks (free text) not stored"),
                       (ADDRESS, "address or web details not stored")):
        listed = [m.column for m in report.mapping if m.sheet == sheet.name and m.how is how]
        if listed:
            report.notes.append(f"Sheet '{sheet.name}': {words}: {', '.join(listed)}.")
    return fields_at, options


def _unrecognised(report: FileReport, sheet: Sheet, header: Header, c: int, match: Match,
                  holder: int | None) -> None:
    """The error that holds back a file with a column of answers nobody has placed: nothing is left out
    silently. `holder`: the column that holds the field this one looks like, if any."""
    text, letter, row = header.texts[c], column_letter(c), header.rows[-1] + 1
    todo = (f"Say what '{text}' is in the column table of the Upload page, or from the command line with "
            f"--map \"{text}=FIELD\" or --ignore \"{text}\". Nothing was loaded.")
    if holder is not None:
        label = schema.FIELDS_BY_NAME[match.suggestion].header
        report.add(ERROR, "duplicate_column",
                   f"Columns '{header.texts[holder]}' ({column_letter(holder)}) and '{text}' ({letter}) both look "
                   f"like '{label}'; '{header.texts[holder]}' fits it better and is used. {todo}",
                   sheet=sheet.name, row=row, column=text, cell=f"{letter}{row}")
        return
    likely = [f for f in dict.fromkeys([match.suggestion, *(k.field for k in candidates(text))]) if f][:3]
    seen = values.describe(values.sample(_answers(sheet, row, c)))
    hint = (" It looks most like " + " or ".join(f"'{schema.FIELDS_BY_NAME[f].header}'" for f in likely)
            + (f" ({match.why})" if match.why else "") + "." if likely else " It matches no survey question.")
    report.add(ERROR, "unrecognised_column",
               f"Column '{text}' ({letter}) holds answers ({seen}) but is not one of the survey questions the app "
               f"recognises.{hint} {todo}", sheet=sheet.name, row=row, column=text, cell=f"{letter}{row}")


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
                   f"Cells {span} are merged: '{cell_text(typed)}' was used for rows {r0 + 1} to {r1 + 1}. Unmerge "
                   "them and fill in each row if that is not right.", sheet=sheet.name, row=r0 + 1,
                   value=typed, cell=f"{column_letter(c0)}{r0 + 1}")


def _filled(column: pa.Array) -> np.ndarray:
    """Which cells hold something other than spaces."""
    something = pc.and_(pc.greater(pc.binary_length(column), 0), pc.invert(pc.utf8_is_space(column)))
    return something.fill_null(False).to_numpy(zero_copy_only=False)


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


def _data_rows(sheet: Sheet, header: Header, fields_at: dict[int, str], options: dict[str, list[tuple[int, str]]],
               start: int, report: FileReport) -> tuple[dict[str, pa.Array], np.ndarray]:
    """The museum rows under the header, as columns (field -> cell texts) plus their Excel row numbers.
    Blank rows, repeated headers, totals, notes and zero-only template rows are skipped and reported.
    Rows are classified column by column at C speed; only the skipped ones are looked at one by one."""
    height = len(sheet.rows) - start
    if height <= 0:
        return {}, np.array([], dtype=np.int64)
    cells = {c: sheet.column(c).slice(start) for c in range(sheet.width())}
    _fill_merged(sheet, cells, start, report)
    filled = {c: _filled(column) for c, column in cells.items()}
    count = sum(filled.values(), np.zeros(height, dtype=np.int64))
    broken = _misaligned_lines(sheet, header, start, report)
    skipped = (count == 0) | broken           # blank rows: counted, not listed; misaligned lines: errors already
    reasons: dict[int, str] = {}

    def skip(rows: np.ndarray, reason: str) -> None:
        for i in np.flatnonzero(rows & ~skipped):
            reasons[int(i)] = reason
        skipped[rows] = True

    first_rows = np.zeros(height, dtype=bool)
    first_rows[[i for i in range(min(3, height))
                if layouts.is_header_continuation([cell_text(v) for v in sheet.rows[start + i]])]] = True
    skip(first_rows, "survey tool header row")
    # Repeated header rows: text cells equal to the heading as written (lower case).
    header_texts = {c: header.texts[c].split(" / ")[-1].strip().lower() for c in fields_at}
    same = sum((_equals_ignoring_case(cells[c], text) for c, text in header_texts.items()),
               np.zeros(height, dtype=np.int64))
    skip(same >= max(2, len(header_texts) // 2), "repeated header row")
    # Totals and notes, from each row's first filled cell (its distinct texts are looked at once each).
    undecided = np.flatnonzero(~skipped)
    texts = _first_filled(cells, filled, undecided)
    labels = {t: cell_text(cell_value(t) if sheet.numbers_exact else t) for t in set(texts)}
    total_labels = {t for t, label in labels.items() if is_total_label(label)}
    totals, notes = np.zeros(height, dtype=bool), np.zeros(height, dtype=bool)
    for i, t in zip(undecided.tolist(), texts):
        if t in total_labels:
            totals[i], reasons[i] = True, f"totals row ('{labels[t]}')"
        elif count[i] == 1:
            notes[i], reasons[i] = True, f"note ('{labels[t][:60]}')"
    skipped |= totals | notes
    if sheet.numbers_exact:                     # number cells holding 0 only: a template row, not a museum
        zeros = sum((pc.equal(column, "0").fill_null(False).to_numpy(zero_copy_only=False)
                     for column in cells.values()), np.zeros(height, dtype=np.int64))
        skip((zeros == count) & (count > 1), "template row with only zeros (no museum)")
    for i in sorted(reasons):
        report.rows_skipped.append({"sheet": sheet.name, "row": start + i + 1, "reason": reasons[i]})
    if blank := int((count == 0).sum()):
        report.notes.append(f"Sheet '{sheet.name}': {blank} empty row(s) skipped.")
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


_HINTS = {",": "a decimal comma such as 45,5, or a name such as Museum, Wien", ";": "a name such as Museum; Café",
          "\t": "a tab typed into an answer", "|": "a name such as A | B"}


def _misaligned_lines(sheet: Sheet, header: Header, start: int, report: FileReport) -> np.ndarray:
    """Text files whose lines differ in width (read line by line): which rows from `start` cannot be matched
    to the columns without guessing, each an error at its line, left out so that it raises no other finding.
    A line with fewer values than there are headings, or with values past the last one, has lost or gained
    a value on the way (usually a value holding the delimiter without quotes): its answers would land in the
    wrong columns. A quoted value holding a line break and a whole row's worth of delimiters has swallowed
    rows (a quote closed too late). Lines whose extra values are all empty (trailing delimiters) are read as
    if those were not there, with one warning."""
    height = len(sheet.rows) - start
    broken = np.zeros(max(height, 0), dtype=bool)
    if not sheet.delimiter or isinstance(sheet.rows, TableRows) or height <= 0:
        return broken                              # a workbook, or a text file whose lines all have one width
    rows, delimiter = sheet.rows, sheet.delimiter
    width = max(len(rows[r]) for r in header.rows)
    headed = max((c + 1 for c, text in enumerate(header.texts) if text), default=width)
    heading = f"the heading row (line {header.rows[-1] + 1})"
    name = DELIMITERS[delimiter]
    loose, notes = [], []
    last_whole = max((i for i in range(height) if len(rows[start + i]) >= headed), default=-1)
    for i in range(height):
        row, line = rows[start + i], start + i + 1
        if len(row) == width and not (i + 1 < height and not rows[start + i + 1]):
            continue                               # the usual line: as wide as the heading row, one line long
        if not any(value.strip() for value in row):
            continue
        if i > last_whole and sum(1 for value in row if value.strip()) == 1:
            broken[i] = True                       # one value under the last museum row: a note, not a row
            notes.append(line)
            continue
        if len(row) < headed:
            broken[i] = True
            first = next(value for value in row if value.strip())
            report.add(ERROR, "line_too_short",
                       f"Line {line} has {len(row)} value(s) (the first: '{first[:40]}') where {heading} has "
                       f"{headed} headings, so it is not a whole museum row: values are missing, or it is a note "
                       "under the table. Its answers cannot be matched to their columns without guessing. Complete "
                       f"the line (an empty answer still needs its {name}), or move a note above the headings, and "
                       "upload the file again.", sheet=sheet.name, row=line, value=first)
        elif len(row) > width and any(value.strip() for value in row[width:]):
            extra = next(value for value in row[width:] if value.strip())
            broken[i] = True
            report.add(ERROR, "line_too_long",
                       f"Line {line} has {len(row)} values where {heading} has {width}: '{extra[:40]}' has no "
                       f"heading. Usually a value holding a {name} ({_HINTS[delimiter]}) is not in double quotes, "
                       "so it was cut in two and the answers after it moved one column. Put such values in double "
                       "quotes, or save the file again from the spreadsheet, and upload it again.",
                       sheet=sheet.name, row=line, value=extra)
        elif len(row) != width:
            loose.append(line)
        swallowed = next((c for c, value in enumerate(row) if ("\n" in value or "\r" in value)
                          and value.count(delimiter) >= headed - 1 >= 2), None)
        if swallowed is not None and not broken[i]:
            breaks = sum(v.count("\n") + v.count("\r") - v.count("\r\n") for v in row)
            broken[i] = True
            report.add(ERROR, "quote_swallows_lines",
                       f"Line {line}: a value in quotes runs from here to line {line + breaks} and holds as many "
                       f"{name}s as a whole row: a quote is probably closed too late, so museum rows were swallowed "
                       f"into one value. Check the quotes from line {line} to line {line + breaks} (a quote inside "
                       "a value is written twice: \"\"). If it really is one value over several lines, remove its "
                       "line breaks.", sheet=sheet.name, row=line, column=header.texts[swallowed]
                       if swallowed < len(header.texts) else "", cell=f"{column_letter(swallowed)}{line}")
    if notes:
        report.add(WARNING, "note_under_table",
                   f"Line(s) {', '.join(map(str, notes[:5]))}{' and more' if len(notes) > 5 else ''} under the last "
                   "museum row hold a single value each (a note or a source line, not a museum): not loaded.",
                   sheet=sheet.name, row=notes[0])
    if loose:
        shown = ", ".join(map(str, loose[:5])) + (f" and {len(loose) - 5:,} more" if len(loose) > 5 else "")
        report.add(WARNING, "trailing_empty_values",
                   f"Line(s) {shown} have a different number of values than {heading}, but the difference is only "
                   f"empty values after the last heading (a {name} too many or too few at the end of the line): "
                   "they were read as if those were not there.", sheet=sheet.name, row=loose[0])
    return broken


_PLAIN = {True: r"^-?(0|[1-9]\d*)(\.\d*[1-9])?$",       # a number cell as written out (workbooks)
          False: r"^-?\d+(\.(\d{1,2}|\d{4,}))?$"}     # typed text: '1.234' may mean 1234, so not here
_SPACES = r"[\pZ\t\n\v\f\r\x1c-\x1f\x85]+"                  # what str.split() splits on
_BLANK_MARKERS = pa.array(sorted(schema.BLANK_MARKERS))
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
    present = _filled(raw)
    if numeric:
        plain = pc.match_substring_regex(raw, _PLAIN[sheet.numbers_exact or f.kind == schema.PERCENT])
        numbers = pc.cast(pc.if_else(plain.fill_null(False), raw, None), pa.float64())
        values = numbers.to_numpy(zero_copy_only=False).astype(float)
        fast = ~np.isnan(values) & (np.abs(values) < 1e15)
        if f.kind == schema.INT:
            fast &= values == np.round(values)
        values[~fast] = np.nan
    elif f.kind == schema.TEXT:              # free text: spaces tidied at C speed; markers like 'n/a' in Python
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
                         f"Every answer in '{header}' is between 0 and 1, so they were read as fractions and "
                         f"multiplied by 100 (0.45 -> 45 %). If they really are below 1 %, write them with a % "
                         "sign.", {"column": header}))
    return (values if numeric else values.tolist()), findings


_YEAR = re.compile(r"(?<!\d)(20[0-4]\d)(?!\d)")


def _year_in(*texts) -> str | None:
    """The one survey year (2000-2049) the texts mention, None when they mention none or several."""
    years = {y for text in texts for t in ([text] if isinstance(text, str) else text) for y in _YEAR.findall(t)}
    return years.pop() if len(years) == 1 else None


def _infer_wave(frames: list[pd.DataFrame], filename: str, report: FileReport) -> str | None:
    """When neither a wave column nor --wave is given, read the year from the title rows, the sheet name or
    the file name ("Museum survey 2025"), and say so in a warning."""
    if all("survey_wave" in f and f["survey_wave"].notna().all() for f in frames):
        return None
    hints = {f.attrs.get("wave_hint") for f in frames} - {None}
    source, year = ("title or sheet name", hints.pop()) if len(hints) == 1 else ("file name",
                                                                                 _year_in(Path(filename).stem))
    if year:
        report.add(WARNING, "wave_from_title", f"No survey wave column: wave {year} was taken from the {source}. "
                                               "Give the wave when loading if that is wrong.")
    return year


def _slug(text: str) -> str:
    """'Musée d’Art' -> 'musee-d-art': a typographic apostrophe separates words like a plain one does."""
    s = unicodedata.normalize("NFKD", re.sub(r"[’‘ʼ´`]", "'", text)).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")[:60]


def _fill_wave_and_ids(frame: pd.DataFrame, wave: str | None, report: FileReport) -> pd.DataFrame:
    for name in schema.FIELDS_BY_NAME:
        if name not in frame:
            frame[name] = None
    if wave:
        blank = frame["survey_wave"].isna()
        if blank.any() and not blank.all():
            report.notes.append(f"Survey wave {wave} used for {int(blank.sum())} row(s) with no wave.")
        frame.loc[blank, "survey_wave"] = str(wave)
    no_id = frame["museum_id"].isna() & frame["museum_name"].notna() & frame["country"].notna()
    frame["museum_id_generated"] = no_id
    if no_id.any():
        frame.loc[no_id, "museum_id"] = [f"{c}-{_slug(n)}" for c, n in
                                         zip(frame.loc[no_id, "country"], frame.loc[no_id, "museum_name"])]
        report.notes.append(f"Museum ID generated from country and name for {int(no_id.sum())} row(s) "
                            f"that had none.")
    return frame


def _explain_no_survey(sheets: list[Sheet], report: FileReport) -> None:
    if report.errors:
        return
    reasons = report.sheets_skipped
    if SkipReason.NO_ROWS in reasons.values():
        report.add(ERROR, "no_data_rows", "The survey columns are there but no museum rows were found under "
                                          "them. Nothing was loaded.")
        return
    register = [name for name, why in reasons.items() if why.has_headings]
    if register:
        # Columns were recognised, but only identification / classification ones: a register, not a survey.
        report.add(ERROR, "not_a_survey",
                   "This looks like a list of museums (a register), not a survey: it has "
                   f"{', '.join(report.recognised) or 'no recognisable columns'} but none of the survey questions on "
                   "digitisation, skills, AI or funding (for example 'Collection digitised (%)' or "
                   "'Digital budget available (EUR a year)'). Nothing was loaded.", sheet=register[0])
        return
    headers = _first_headers(sheets)
    report.add(ERROR, "no_survey_header",
               "No sheet has survey columns. A survey needs at least 'Museum name', 'Country' and one "
               "digitisation, skills or funding question as column headers"
               + (f"; the first rows contain: {', '.join(headers)}" if headers else "") + ". Nothing was loaded.")


def _first_headers(sheets: list[Sheet]) -> list[str]:
    for sheet in sheets:
        if not sheet.visible:
            continue
        for row in sheet.rows[: limits.HEADER_SCAN_ROWS]:
            texts = [cell_text(v) for v in row if cell_text(v)]
            if len(texts) >= 2:
                return [f"'{t[:40]}'" for t in texts[:12]]
    return []
