"""Column mappings an analyst confirmed, remembered for the next sheet with exactly the same headings.

A sheet's signature is the sha256 of its headings as written (two-row headings joined with " / "), in
column order, ignoring empty ones. What is saved is only what the analyst decided ({heading: field, or
None to leave the column out}); every other column keeps the automatic mapping, so a personal-data column
is still recognised and dropped as such. The SQL lives in analysis.store (table saved_mappings).

Also here: the mapping table the Upload page edits (one row per column, with sample values from the sheet).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

import duckdb
import pandas as pd

from analysis import i18n, schema, store
from analysis.i18n import N_, _, survey
from analysis.parsing.columns import cell_text, column_letter, find_header
from analysis.reading.grid import Sheet
from analysis.parsing.report import ColumnMapping, FileReport, MappingKind

IGNORE = N_("(ignore)")                  # the choice that leaves a column out of the store
UNDECIDED = N_("(not recognised: choose)")   # what an unrecognised column shows until the analyst chooses
SAMPLE_VALUES = 3
# the mapping table's columns; the page shows them translated
TABLE_COLUMNS = [N_("Sheet"), N_("Column"), N_("Heading in the file"), N_("Stored as"), N_("Confidence"), N_("How"),
                 N_("Sample values")]

Decisions = dict[tuple[str, str], "str | None"]      # (sheet, heading as written) -> field or None


def signature(headings: list[str]) -> str:
    return hashlib.sha256("\x1f".join(headings).encode("utf-8")).hexdigest()


def sheet_headings(sheets: list[Sheet]) -> dict[str, list[str]]:
    """The headings of every visible sheet that has a header row, found the way analysis.parsing.sheets finds them."""
    out = {}
    for sheet in sheets:
        header = find_header(sheet.rows, sheet.merged) if sheet.visible else None
        if header is not None:
            out[sheet.name] = [t for t in header.texts if t]
    return out


@dataclass
class Saved:
    decisions: Decisions = field(default_factory=dict)
    sources: dict[str, dict] = field(default_factory=dict)       # sheet -> who saved it, when, from which file


def saved_for(con: duckdb.DuckDBPyConnection, headings: dict[str, list[str]]) -> Saved:
    """The saved decisions that apply to these sheets (matched on their exact headings)."""
    saved = Saved()
    for sheet, texts in headings.items():
        found = store.load_mapping(con, signature(texts))
        if found is None:
            continue
        known = set(texts)
        saved.decisions.update({(sheet, h): f for h, f in found["mapping"].items()
                                if h in known and (f is None or f in schema.FIELDS_BY_NAME)})
        saved.sources[sheet] = found
    return saved


def mark_saved(report: FileReport, saved: Saved, overrides: Decisions) -> None:
    """Say in the report which columns came from a saved mapping (analysis.parsing.sheets marks every override
    MappingKind.ANALYST), and whose mapping it was."""
    for m in report.mapping:
        key = (m.sheet, m.column)
        if key in saved.decisions and key not in overrides:
            m.how = MappingKind.SAVED
    for sheet, found in saved.sources.items():
        when = found["saved_at"].strftime("%Y-%m-%d") if found["saved_at"] else "?"
        origin = " " + _("(first used for '{file}')").format(file=found["filename"]) if found.get("filename") else ""
        report.notes.append(_("Sheet '{sheet}': column choices saved by {user} on {when}{origin} were applied, "
                              "because its headings are exactly the same.").format(
            sheet=sheet, user=found["saved_by"], when=when, origin=origin))


def save(con: duckdb.DuckDBPyConnection, headings: dict[str, list[str]], decisions: Decisions, *, user: str,
         filename: str = "") -> list[str]:
    """Remember the decisions for each sheet they concern; returns those sheets. Decisions for a sheet
    replace what was saved for its headings before (pass the saved ones merged with the new ones)."""
    by_sheet: dict[str, dict[str, str | None]] = {}
    for (sheet, heading), f in decisions.items():
        if sheet in headings and heading in headings[sheet]:
            by_sheet.setdefault(sheet, {})[heading] = f
    for sheet, mapping in by_sheet.items():
        store.save_mapping(con, signature(headings[sheet]), headers=headings[sheet], mapping=mapping, user=user,
                           sheet=sheet, filename=filename)
    return sorted(by_sheet)


# --- the table the Upload page shows and edits --------------------------------------------------------
def field_choices() -> list[str]:
    """What a column can be stored as: UNDECIDED (shown, not chosen), IGNORE, then every field's heading in
    template order."""
    return [UNDECIDED, IGNORE, *(f.header for f in schema.FIELDS)]


def choice_of(name: str | None) -> str:
    return IGNORE if name is None else schema.FIELDS_BY_NAME[name].header


def choice_label(choice: str) -> str:
    """A choice as the analyst reads it, in the current language: '(ignorer)', the template's heading of the field
    ('Anteil der digitalisierten Sammlung (%)'). The choice itself stays the English heading."""
    if choice in (IGNORE, UNDECIDED):
        return _(choice)
    return survey.heading(schema.FIELDS_BY_NAME[field_of(choice)], i18n.current())


def field_of(choice: str | None) -> str | None:
    if not choice or choice in (IGNORE, UNDECIDED):
        return None
    return next(f.name for f in schema.FIELDS if f.header == choice)


# The column table speaks to the analyst ("set by you"); other kinds read as the report words them.
_HOW = {MappingKind.SAVED: N_("your saved choice"), MappingKind.ANALYST: N_("set by you"),
        MappingKind.PERSONAL_DATA: N_("personal data: never stored"),
        MappingKind.TOOL_METADATA: N_("survey tool bookkeeping: not stored"),
        MappingKind.REMARKS: N_("remarks: not stored"), MappingKind.ADDRESS: N_("address or website: not stored"),
        MappingKind.ROW_NUMBERS: N_("row numbers: not stored")}


def how_text(m: ColumnMapping) -> str:
    """How a column was read, in words: 'recognised (numérisée + 3D + %)', 'not recognised; likeliest: ...'."""
    because = f" ({m.why})" if m.why else ""
    if m.how is MappingKind.UNMAPPED:
        return (_("not recognised; likeliest: {choice}{because}. Choose one, or {ignore}").format(
                    choice=choice_label(choice_of(m.suggestion)), because=because, ignore=_(IGNORE))
                if m.suggestion else
                _("not recognised{because}. Choose a question, or {ignore}").format(because=because, ignore=_(IGNORE)))
    return (_(_HOW[m.how]) if m.how in _HOW else m.how_text) + because


def mapping_table(report: FileReport, sheets: list[Sheet], decisions: Decisions | None = None) -> pd.DataFrame:
    """One row per column heading: sheet, column letter, heading, the field it is stored as (a choice from
    field_choices()), confidence, how it was decided and sample values from the sheet.

    Used sheets come from the report. A sheet skipped for lack of survey answer columns but with a header
    row is listed too, so that mapping its columns here can bring it in."""
    decisions = decisions or {}
    grids = {s.name: s for s in sheets}
    rows = []
    for m in report.mapping:
        sheet = grids.get(m.sheet)
        start = report.header_rows.get(m.sheet, [0])[-1]          # Excel row of the header = grid index below
        rows.append(_row(m, _samples(sheet, _index(m.letter), start)))
    for name, why in report.sheets_skipped.items():
        sheet = grids.get(name)
        if sheet is None or not why.has_headings:
            continue
        header = find_header(sheet.rows, sheet.merged)
        if header is None:
            continue
        for c, (text, match) in enumerate(zip(header.texts, header.matches)):
            if not text:
                continue
            m = ColumnMapping(name, text, column_letter(c), match.field, match.confidence, match.how,
                              match.suggestion, match.why)
            if (name, text) in decisions:
                m.field, m.how, m.confidence = decisions[(name, text)], MappingKind.ANALYST, 100
            rows.append(_row(m, _samples(sheet, c, header.rows[-1] + 1)))
    return pd.DataFrame(rows, columns=TABLE_COLUMNS)


def _row(m: ColumnMapping, samples: str) -> list:
    if m.how is MappingKind.PERSONAL_DATA:
        samples = _("(not shown: personal data)")       # never echo e-mail addresses or names on screen
    shown = UNDECIDED if m.how is MappingKind.UNMAPPED and samples else choice_of(m.field)
    return [m.sheet, m.letter, m.column, shown, f"{m.confidence} %" if m.field else "", how_text(m), samples]


def _index(letter: str) -> int:
    n = 0
    for ch in letter:
        n = n * 26 + ord(ch) - 64
    return n - 1


def _samples(sheet: Sheet | None, c: int, start: int) -> str:
    if sheet is None:
        return ""
    found = []
    for row in sheet.rows[start:]:
        text = cell_text(row[c]) if c < len(row) else ""
        if text and text not in found:
            found.append(text if len(text) <= 30 else text[:29] + "…")
            if len(found) == SAMPLE_VALUES:
                break
    return " · ".join(found)


def field_named(text: str) -> str | None:
    """A field from what a person types: its name (pct_digitised), its heading or its label, any case."""
    wanted = " ".join(text.split()).casefold()
    for f in schema.FIELDS:
        if wanted in (f.name, f.header.casefold(), f.label.casefold()):
            return f.name
    return None


def decisions_by_heading(headings: dict[str, list[str]], choices: dict[str, str | None]) -> Decisions:
    """Choices made by heading alone (the command line's --map and --ignore) for every sheet that has that
    heading; headings compare without regard to case and runs of spaces."""
    wanted = {" ".join(h.split()).casefold(): f for h, f in choices.items()}
    return {(sheet, text): wanted[" ".join(text.split()).casefold()] for sheet, texts in headings.items()
            for text in texts if " ".join(text.split()).casefold() in wanted}


def decisions_from_table(base: pd.DataFrame, edited: pd.DataFrame) -> Decisions:
    """The analyst's edits: {(sheet, heading): field or None} for every row whose choice changed."""
    out: Decisions = {}
    for (_, before), (_, after) in zip(base.iterrows(), edited.iterrows()):
        if after["Stored as"] != before["Stored as"] and after["Stored as"] != UNDECIDED:
            out[(before["Sheet"], before["Heading in the file"])] = field_of(after["Stored as"])
    return out
