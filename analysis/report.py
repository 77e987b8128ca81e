"""What a load tells the analyst: findings (errors block the file, warnings do not) and the file report.

A finding always names the file, sheet, row (as Excel shows it), column (the header as written), value,
rule code and a message in plain words, so it can be shown in the app, printed by the CLI, or written
as a comment into an annotated copy of the workbook.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

ERROR, WARNING = "error", "warning"


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
    how: str               # see analysis.headers.recognise: recognised, unmapped, personal data (dropped), ...
    suggestion: str | None = None
    why: str = ""          # the words (or answers) that decided it


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
    sheets_skipped: dict[str, str] = field(default_factory=dict)      # sheet -> reason
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
        return [m.column for m in self.mapping if m.how.startswith("personal")]

    @property
    def unmapped_columns(self) -> list[str]:
        return [m.column for m in self.mapping if m.field is None and m.how in ("unmapped", "set by analyst")]

    @property
    def remarks_columns(self) -> list[str]:
        """Free-text remarks and the museum's address or website: shown, never stored."""
        return [m.column for m in self.mapping if m.how.startswith(("remarks", "address"))]

    @property
    def metadata_columns(self) -> list[str]:
        return [m.column for m in self.mapping if m.how.startswith("survey tool")]

    def as_dict(self) -> dict:
        return {
            "file": self.file,
            "sha256": self.sha256,
            "format": self.format,
            "errors": [f.as_dict() for f in self.errors],
            "warnings": [f.as_dict() for f in self.warnings],
            "sheets": {"used": self.sheets_used, "skipped": self.sheets_skipped},
            "header_rows": self.header_rows,
            "survey_tool": self.layouts,
            "mapping": [
                {"sheet": m.sheet, "column": m.column, "field": m.field, "confidence": m.confidence,
                 "how": m.how, "why": m.why} for m in self.mapping if m.field
            ],
            "unmapped_columns": self.unmapped_columns,
            "dropped_personal_data_columns": self.dropped_columns,
            "survey_tool_metadata_columns": self.metadata_columns,
            "remarks_columns": self.remarks_columns,
            "rows_skipped": self.rows_skipped,
            "notes": self.notes,
        }
