"""Lines of a text file that cannot be matched to the heading row without guessing: values lost or gained on
the way (a value holding the delimiter without quotes), quotes that swallowed rows, notes under the table.
Workbooks, and text files whose lines all have one width, have none.
"""

from __future__ import annotations

import numpy as np

from analysis.formats import number
from analysis.i18n import N_, _
from analysis.parsing.columns import Header, column_letter
from analysis.parsing.report import ERROR, WARNING, FileReport
from analysis.reading.grid import Sheet, TableRows
from analysis.reading.text import DELIMITERS


_HINTS = {",": N_("a decimal comma such as 45,5, or a name such as Museum, Wien"),
          ";": N_("a name such as Museum; Café"), "\t": N_("a tab typed into an answer"),
          "|": N_("a name such as A | B")}


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
    heading = _("the heading row (line {line})").format(line=header.rows[-1] + 1)
    name = _(DELIMITERS[delimiter])
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
                       _("Line {line} has {n} value(s) (the first: '{first}') where {heading} has {headed} headings, "
                         "so it is not a whole museum row: values are missing, or it is a note under the table. Its "
                         "answers cannot be matched to their columns without guessing. Complete the line (an empty "
                         "answer still needs its {delimiter}), or move a note above the headings, and upload the "
                         "file again.").format(line=line, n=len(row), first=first[:40], heading=heading,
                                                headed=headed, delimiter=name),
                       sheet=sheet.name, row=line, value=first)
        elif len(row) > width and any(value.strip() for value in row[width:]):
            extra = next(value for value in row[width:] if value.strip())
            broken[i] = True
            report.add(ERROR, "line_too_long",
                       _("Line {line} has {n} values where {heading} has {width}: '{extra}' has no heading. Usually "
                         "a value holding a {delimiter} ({hint}) is not in double quotes, so it was cut in two and the "
                         "answers after it moved one column. Put such values in double quotes, or save the file "
                         "again from the spreadsheet, and upload it again.").format(
                           line=line, n=len(row), heading=heading, width=width, extra=extra[:40], delimiter=name,
                           hint=_(_HINTS[delimiter])),
                       sheet=sheet.name, row=line, value=extra)
        elif len(row) != width:
            loose.append(line)
        swallowed = next((c for c, value in enumerate(row) if ("\n" in value or "\r" in value)
                          and value.count(delimiter) >= headed - 1 >= 2), None)
        if swallowed is not None and not broken[i]:
            breaks = sum(v.count("\n") + v.count("\r") - v.count("\r\n") for v in row)
            broken[i] = True
            report.add(ERROR, "quote_swallows_lines",
                       _("Line {line}: a value in quotes runs from here to line {end} and holds as many {delimiter}s "
                         "as a whole row: a quote is probably closed too late, so museum rows were swallowed into one "
                         "value. Check the quotes from line {line} to line {end} (a quote inside a value is written "
                         "twice: \"\"). If it really is one value over several lines, remove its line "
                         "breaks.").format(line=line, end=line + breaks, delimiter=name), sheet=sheet.name, row=line, column=header.texts[swallowed]
                       if swallowed < len(header.texts) else "", cell=f"{column_letter(swallowed)}{line}")
    if notes:
        shown = ", ".join(map(str, notes[:5]))
        report.add(WARNING, "note_under_table",
                   _("Line(s) {lines} under the last museum row hold a single value each (a note or a source line, "
                     "not a museum): not loaded.").format(
                       lines=_("{lines} and more").format(lines=shown) if len(notes) > 5 else shown),
                   sheet=sheet.name, row=notes[0])
    if loose:
        shown = ", ".join(map(str, loose[:5]))
        if len(loose) > 5:
            shown = _("{lines} and {n} more").format(lines=shown, n=number(len(loose) - 5))
        report.add(WARNING, "trailing_empty_values",
                   _("Line(s) {lines} have a different number of values than {heading}, but the difference is only "
                     "empty values after the last heading (a {delimiter} too many or too few at the end of the "
                     "line): they were read as if those were not there.").format(lines=shown, heading=heading,
                                                                                 delimiter=name),
                   sheet=sheet.name, row=loose[0])
    return broken
