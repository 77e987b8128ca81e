"""What a load tells the analyst: findings (errors block the file, warnings do not) and the file report.

A finding always names the file, sheet, row (as Excel shows it), column (the header as written), value,
rule code and a message in plain words, so it can be shown in the app, printed by the CLI, or written
as a comment into an annotated copy of the workbook.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import Enum

from analysis.i18n import N_, _

ERROR, WARNING = "error", "warning"
# What each rule of a finding is called where findings are grouped (the Upload page's "Type of problem").
RULE_NAMES = {
    "3d_over_digitised": N_("3D share above the digitised share"), "3d_over_total": N_("More sites in 3D than sites"),
    "bad_wave": N_("Survey wave not understood"), "country_outside_europe": N_("Country outside Europe"),
    "date_formatted_number": N_("Number formatted as a date"), "date_read": N_("Date read from another form"),
    "digital_staff_over_paid_staff": N_("More digital staff than paid staff"),
    "digitised_plus_no_need_over_100": N_("Digitised and no need above 100 %"),
    "duplicate_column": N_("One question in two columns"), "duplicate_museum": N_("Museum listed twice"),
    "formula_failed": N_("Formula failed"), "formula_value_used": N_("Formula values used"),
    "fuzzy_choice": N_("Answer read as the nearest choice"), "fuzzy_country": N_("Country read from a near spelling"),
    "hidden_row": N_("Hidden rows"), "line_too_long": N_("Line with too many values"),
    "line_too_short": N_("Line with too few values"), "merged_cells": N_("Merged cells"),
    "nan_as_blank": N_("Read as not answered"), "none_as_zero": N_("Read as none (0)"),
    "need_far_from_cost_model": N_("Need far from the cost model"),
    "negative_amount": N_("Negative amount"), "negative_visits": N_("Negative visits"), "no_country": N_("No country"),
    "no_data_rows": N_("No museum rows"), "no_museums": N_("No museum rows"),
    "no_register_header": N_("No register headings"), "no_survey_answers": N_("Row without survey answers"),
    "no_survey_header": N_("No survey headings"), "no_wave": N_("No survey wave"), "not_a_date": N_("Not a date"),
    "not_a_number": N_("Not a number"), "not_a_survey": N_("Not a survey sheet"),
    "not_a_whole_number": N_("Not a whole number"), "not_yes_no": N_("Not yes or no"),
    "note_left_out": N_("Note beside the answer left out"), "note_under_table": N_("Note under the table"),
    "online_over_digitised": N_("More online than digitised"),
    "other_choice": N_("Answer stored as other"), "other_country": N_("Row of another country"),
    "out_of_range": N_("Value out of range"), "percent_as_fraction": N_("Percentage written as a fraction"),
    "quote_swallows_lines": N_("Quote never closed"), "required_missing": N_("Required answer missing"),
    "rights_not_100": N_("Rights shares do not add up to 100 %"), "too_many_rows": N_("Too many rows"),
    "trailing_empty_values": N_("Empty values at line ends"), "unknown_choice": N_("Answer not among the choices"),
    "unknown_country": N_("Country not recognised"), "unknown_museum_type": N_("Museum type not recognised"),
    "unknown_ownership": N_("Ownership not recognised"), "unknown_size": N_("Size class not recognised"),
    "unreadable_file": N_("File cannot be read"), "unrecognised_column": N_("Unrecognised column"),
    "wave_from_title": N_("Wave taken from the title"), "country_from_title": N_("Country taken from the title"),
    "words_around_number": N_("Number read among words"),
}


def rule_name(rule: str) -> str:
    """A finding's rule in words, in the current language ('unrecognised_column' -> 'Unrecognised column')."""
    return _(RULE_NAMES[rule]) if rule in RULE_NAMES else rule.replace("_", " ").capitalize()


class _Worded(Enum):
    """Members whose value is a catalogue message: `text` is that message in the reader's language."""

    @property
    def text(self) -> str:
        return _(self.value)


class MappingKind(_Worded):
    """How a column's meaning was decided. Code compares members; people read `text` (the report, the CLI's
    JSON). The option kinds' text names the option: see ColumnMapping.how_text."""

    RECOGNISED = N_("recognised")
    UNMAPPED = N_("unmapped")
    PERSONAL_DATA = N_("personal data (dropped)")
    TOOL_METADATA = N_("survey tool metadata (set aside)")
    REMARKS = N_("remarks (free text, not stored)")
    ADDRESS = N_("address or web details (not stored)")
    ROW_NUMBERS = N_("row numbers (not stored)")
    OPTION = N_("option '{option}' of a several-answers question")
    OTHER_OPTION = N_("option of a several-answers question, not one of its answers: stored as '{option}'")
    OPTION_SET_ASIDE = N_("option column set aside (the summary column is used)")
    SAVED = N_("saved mapping")                  # an analyst's choice saved for these headings (analysis.loading)
    ANALYST = N_("set by analyst")               # the analyst's choice for this file


class SkipReason(_Worded):
    """Why a sheet is not read as survey rows; `text` is how the report words it."""

    HIDDEN = N_("hidden sheet")
    EMPTY = N_("empty")
    NO_HEADER = N_("no survey columns found (instructions, notes or a lookup list)")
    LOOKUP_LIST = N_("no survey answer columns (a list or lookup table, not survey rows)")
    TEXT_ONLY = N_("no survey answer columns (text only: instructions or notes)")
    NO_ROWS = N_("header only, no data rows")

    @property
    def has_headings(self) -> bool:
        """A header row was found, only no survey question among it: mapping its columns can bring it in."""
        return self in (SkipReason.LOOKUP_LIST, SkipReason.TEXT_ONLY)


@dataclass
class Finding:
    severity: str
    rule: str
    message: str
    sheet: str = ""
    row: int | None = None          # 1-based row number as seen in Excel / a text editor
    column: str = ""                # header text as written in the sheet
    value: object = None
    cell: str = ""                  # e.g. "D14", for annotating the workbook

    def as_dict(self) -> dict:
        d = asdict(self)
        d.pop("severity")
        if d["value"] is not None and not isinstance(d["value"], (str, int, float, bool)):
            d["value"] = str(d["value"])
        return d


@dataclass
class ColumnMapping:
    sheet: str
    column: str            # header as written (two-row headers joined with " / ")
    letter: str            # spreadsheet column letter
    field: str | None      # canonical field, None when unmapped
    confidence: int        # 100 = exact synonym; lower = fuzzy match
    how: MappingKind
    suggestion: str | None = None
    why: str = ""          # the words (or answers) that decided it
    option: str | None = None    # the option code of a column that is one option of a several-answers question

    @property
    def how_text(self) -> str:
        return self.how.text.format(option=self.option)


class HasFindings:
    """Errors and warnings of anything that keeps a `findings` list (a survey file, a register)."""

    findings: list[Finding]

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == ERROR]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == WARNING]


@dataclass
class FileReport(HasFindings):
    """Everything the analyst needs to judge one file before (and after) it is committed."""

    file: str
    sha256: str = ""
    format: str = ""
    sheets_used: list[str] = field(default_factory=list)
    sheets_skipped: dict[str, SkipReason] = field(default_factory=dict)
    layouts: dict[str, str] = field(default_factory=dict)             # sheet -> survey tool recognised
    recognised: list[str] = field(default_factory=list)               # fields seen on skipped sheets
    header_rows: dict[str, list[int]] = field(default_factory=dict)   # sheet -> Excel row numbers
    mapping: list[ColumnMapping] = field(default_factory=list)
    rows_skipped: list[dict] = field(default_factory=list)            # {"sheet","row","reason"}
    findings: list[Finding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)                    # informative, not warnings

    def add(self, severity: str, rule: str, message: str, **where) -> None:
        self.findings.append(Finding(severity, rule, message, **where))

    @property
    def dropped_columns(self) -> list[str]:
        return [m.column for m in self.mapping if m.how is MappingKind.PERSONAL_DATA]

    @property
    def unmapped_columns(self) -> list[str]:
        return [m.column for m in self.mapping
                if m.field is None and m.how in (MappingKind.UNMAPPED, MappingKind.ANALYST)]

    @property
    def remarks_columns(self) -> list[str]:
        """Free-text remarks, the museum's address or website, and row numbers: shown, never stored."""
        return [m.column for m in self.mapping
                if m.how in (MappingKind.REMARKS, MappingKind.ADDRESS, MappingKind.ROW_NUMBERS)]

    @property
    def metadata_columns(self) -> list[str]:
        return [m.column for m in self.mapping if m.how is MappingKind.TOOL_METADATA]

    def as_dict(self) -> dict:
        return {
            "file": self.file,
            "sha256": self.sha256,
            "format": self.format,
            "errors": [f.as_dict() for f in self.errors],
            "warnings": [f.as_dict() for f in self.warnings],
            "sheets": {"used": self.sheets_used,
                       "skipped": {sheet: why.text for sheet, why in self.sheets_skipped.items()}},
            "header_rows": self.header_rows,
            "survey_tool": self.layouts,
            "mapping": [
                {"sheet": m.sheet, "column": m.column, "field": m.field, "confidence": m.confidence,
                 "how": m.how_text, "why": m.why} for m in self.mapping if m.field
            ],
            "unmapped_columns": self.unmapped_columns,
            "dropped_personal_data_columns": self.dropped_columns,
            "survey_tool_metadata_columns": self.metadata_columns,
            "remarks_columns": self.remarks_columns,
            "rows_skipped": self.rows_skipped,
            "notes": self.notes,
        }
