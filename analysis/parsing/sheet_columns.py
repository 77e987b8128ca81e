"""What each headed column of a sheet is: the analyst's choices, survey-tool bookkeeping, one column per option
of a several-answers question, or a survey field recognised from its heading and answers
(analysis.parsing.headers); then the mapping recorded in the report, and the error that holds back a file
with a column of answers nobody has placed.
"""

from __future__ import annotations

from analysis import formats, schema
from analysis.i18n import N_, _
from analysis.parsing import layouts
from analysis.parsing.column_values import filled_cells
from analysis.parsing.columns import Header, column_letter, match_option
from analysis.parsing.headers import values
from analysis.parsing.headers.concepts import read
from analysis.parsing.headers.fields import PERSONAL
from analysis.parsing.headers.recognise import (ADDRESS, REMARKS, TOOL_METADATA, UNMAPPED, Match, assign, candidates,
                                               heading_to_read, match_header)
from analysis.parsing.report import ERROR, ColumnMapping, FileReport, MappingKind
from analysis.reading.grid import Sheet, cell_value


def _answers(sheet: Sheet, start: int, c: int) -> list[object]:
    """A sample of the answers in column c below the header, typed as the cells are."""
    cells = sheet.column(c).slice(start, values.SAMPLE * 5).to_pylist()
    return [cell_value(v) if sheet.numbers_exact else v for v in cells]


def decide_columns(sheet: Sheet, header: Header, layout: layouts.Layout | None,
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
            why = (_("a {tool} bookkeeping column").format(tool=layout.tool) if layout
                   else _("a survey tool bookkeeping column"))
            decided[c] = Match(None, 100, TOOL_METADATA, why=why), None
        elif option := match_option(text):
            field, code, known = option
            decided[c] = Match(field, 100, MappingKind.OPTION if known else MappingKind.OTHER_OPTION), code
        else:
            free.append(c)
    answers = [_answers(sheet, start, c) for c in free]
    taken = frozenset(m.field for m, code in decided.values() if m.field and code is None)   # options may share
    # A field a column's own words name, and its whole heading too, is that column's: the group title over another
    # column gives way to it (heading_to_read).
    first = {c: heading_to_read(header.readings[c], column) for c, column in zip(free, answers)}
    own = {c: field for c in free if (field := match_header(header.own[c]).field)
           and field in {k.field for k in candidates(schema.question_text(first[c]))}}
    texts = [first[c] if len(header.readings[c]) == 1 else      # one reading: nothing to give way to
             heading_to_read(header.readings[c], column, frozenset(f for d, f in own.items() if d != c))
             for c, column in zip(free, answers)]
    for c, match in zip(free, assign(texts, answers, taken)):
        decided[c] = match, None
    return decided


# The columns set aside on purpose, as the report's notes list them per sheet.
SET_ASIDE = ((TOOL_METADATA, N_("Sheet '{sheet}': survey tool metadata set aside: {columns}.")),
             (REMARKS, N_("Sheet '{sheet}': remarks (free text) not stored: {columns}.")),
             (ADDRESS, N_("Sheet '{sheet}': address or web details not stored: {columns}.")))


def map_columns(sheet: Sheet, header: Header, decided: dict[int, tuple[Match, str | None]], report: FileReport,
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
            if match.how is UNMAPPED and filled_cells(sheet.column(c).slice(start)).any():
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
    for how, words in SET_ASIDE:
        listed = [m.column for m in report.mapping if m.sheet == sheet.name and m.how is how]
        if listed:
            report.notes.append(_(words).format(sheet=sheet.name, columns=", ".join(listed)))
    return fields_at, options


def _unrecognised(report: FileReport, sheet: Sheet, header: Header, c: int, match: Match,
                  holder: int | None) -> None:
    """The error that holds back a file with a column of answers nobody has placed: nothing is left out
    silently. `holder`: the column that holds the field this one looks like, if any."""
    text, letter, row = header.texts[c], column_letter(c), header.rows[-1] + 1
    todo = _("Say what '{heading}' is in the column table of the Upload page, or from the command line with "
             "--map \"{heading}=FIELD\" or --ignore \"{heading}\". Nothing was loaded.").format(heading=text)
    if holder is not None:
        label = schema.FIELDS_BY_NAME[match.suggestion].header
        report.add(ERROR, "duplicate_column",
                   _("Columns '{used}' ({used_letter}) and '{heading}' ({letter}) both look like '{label}'; '{used}' "
                     "fits it better and is used. {todo}").format(
                       used=header.texts[holder], used_letter=column_letter(holder), heading=text, letter=letter,
                       label=label, todo=todo),
                   sheet=sheet.name, row=row, column=text, cell=f"{letter}{row}")
        return
    likely = [f for f in dict.fromkeys([match.suggestion, *(k.field for k in candidates(text))]) if f][:3]
    seen = values.describe(values.sample(_answers(sheet, row, c)))
    if likely:
        fields = formats.listing([f"'{schema.FIELDS_BY_NAME[f].header}'" for f in likely], "or")
        hint = (_("It looks most like {fields} ({why}).") if match.why else _("It looks most like {fields}.")).format(
            fields=fields, why=match.why)
    else:
        hint = _("It matches no survey question.")
    report.add(ERROR, "unrecognised_column",
               _("Column '{heading}' ({letter}) holds answers ({seen}) but is not one of the survey questions the app "
                 "recognises. {hint} {todo}").format(heading=text, letter=letter, seen=seen, hint=hint, todo=todo),
               sheet=sheet.name, row=row, column=text, cell=f"{letter}{row}")
