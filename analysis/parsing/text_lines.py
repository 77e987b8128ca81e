"""Lines of a text file that cannot be matched to the heading row without guessing: values lost or gained on
the way (a value holding the delimiter without quotes), quotes that swallowed rows, notes under the table.
Workbooks, and text files whose lines all have one width, have none.
"""

from __future__ import annotations

import numpy as np

from analysis.parsing.columns import Header, column_letter
from analysis.parsing.report import ERROR, WARNING, FileReport
from analysis.reading.grid import Sheet, TableRows
from analysis.reading.text import DELIMITERS


_HINTS = {",": "a decimal comma such as 45,5, or a name such as Museum, Wien", ";": "a name such as Museum; Café",
          "\t": "a tab typed into an answer", "|": "a name such as A | B"}


def misaligned_lines(sheet: Sheet, header: Header, start: int, report: FileReport) -> np.ndarray:
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
