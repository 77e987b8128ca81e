"""One file on its way into the store, the same steps for the command line and the Upload page:

    receive: too big? -> TOO_BIG          (nothing read)
             same bytes stored already? -> DUPLICATE   (nothing read)
             read, map the columns (saved choices applied), check every cell
                 -> UNREADABLE | HAS_ERRORS | NEEDS_CONFIRMATION (warnings only) | READY
    revise:  the analyst changes the wave or a column's meaning -> checked again, same stages
    commit:  NEEDS_CONFIRMATION (warnings confirmed) or READY -> COMMITTED (or DUPLICATE, if another
             session stored the same bytes meanwhile); anything else cannot be committed and writes nothing

The size limit (analysis.limits), the duplicate check and every verdict's wording live here once; the page
renders an Upload and the CLI prints Upload.as_dict().
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

import duckdb
import pandas as pd

from analysis import limits, store
from analysis.i18n import _
from analysis.figures import unit_costs
from analysis.parsing.sheets import ParsedUpload, parse_upload
from analysis.loading import mappings
from analysis.reading.formats import read_sheets
from analysis.reading.grid import Sheet, UnreadableFile
from analysis.parsing.report import ERROR, FileReport


class Stage(Enum):
    """Where a file is in the review."""

    TOO_BIG = "too big"                    # over limits.MAX_UPLOAD_BYTES: refused before reading
    DUPLICATE = "duplicate"                # these exact bytes are stored already
    UNREADABLE = "unreadable"              # not a spreadsheet that can be read
    HAS_ERRORS = "has errors"              # read and checked: errors hold it back
    NEEDS_CONFIRMATION = "needs confirmation"   # read and checked: warnings to confirm, then it can be committed
    READY = "ready"                        # read and checked: nothing to fix
    COMMITTED = "committed"

    @property
    def status(self) -> str:
        """The word the command line's JSON gives: committed | duplicate | rejected (checked: not yet either)."""
        if self in (Stage.COMMITTED, Stage.DUPLICATE):
            return self.value
        return "checked" if self.committable else "rejected"

    @property
    def open(self) -> bool:
        """Read and checked, not yet committed: the wave and the column mapping may still change."""
        return self in (Stage.HAS_ERRORS, Stage.NEEDS_CONFIRMATION, Stage.READY)

    @property
    def committable(self) -> bool:
        return self in (Stage.NEEDS_CONFIRMATION, Stage.READY)


@dataclass(eq=False)
class Upload:
    """One file under review. `report` says everything found; `parsed` holds the rows once the file is read."""

    name: str
    data: bytes = field(repr=False)
    sha256: str
    stage: Stage
    report: FileReport
    wave: str | None = None
    sheets: list[Sheet] = field(default_factory=list, repr=False)
    parsed: ParsedUpload | None = field(default=None, repr=False)
    decisions: mappings.Decisions = field(default_factory=dict)       # the analyst's column choices
    _columns: pd.DataFrame | None = field(default=None, init=False, repr=False)
    earlier: dict | None = None             # DUPLICATE: the stored upload (store.upload_details)
    upload_id: int | None = None            # COMMITTED: the new upload
    rows: int = 0                           # COMMITTED: museum rows stored
    superseded: int = 0                     # COMMITTED: earlier answers for the same wave it replaces
    mapping_saved_for: list[str] = field(default_factory=list)

    # --- what it says -------------------------------------------------------------------------------
    @property
    def rows_to_load(self) -> int:
        return 0 if self.parsed is None else len(self.parsed.frame)

    @property
    def headline(self) -> str:
        """A few words after the file name: 'ready to load 3 museum row(s)'."""
        e, w, n = len(self.report.errors), len(self.report.warnings), self.rows_to_load
        return {
            Stage.TOO_BIG: _("too large to check"),
            Stage.DUPLICATE: _("already loaded (upload {upload})").format(upload=self.upload_id),
            Stage.UNREADABLE: _("cannot be read"),
            Stage.HAS_ERRORS: _("{n} error(s) to fix before it can be loaded").format(n=e),
            Stage.NEEDS_CONFIRMATION: _("ready to load {n} museum row(s) once you confirm {w} warning(s)").format(
                n=n, w=w),
            Stage.READY: _("ready to load {n} museum row(s)").format(n=n),
            Stage.COMMITTED: _("loaded {n} museum row(s) as upload {upload}").format(n=self.rows,
                                                                                    upload=self.upload_id),
        }[self.stage]

    @property
    def message(self) -> str:
        """What happened to the file, in a sentence or two (the CLI's "message")."""
        if self.stage is Stage.TOO_BIG:
            return _("{problem} Nothing was stored.").format(problem=self.report.errors[0].message)
        if self.stage is Stage.UNREADABLE:
            return _("This file cannot be read. {problem} Nothing was stored.").format(
                problem=self.report.errors[0].message)
        if self.stage is Stage.DUPLICATE:
            d = self.earlier or {}
            when = " " + _("on {when}").format(when=f"{d['uploaded_at']:%Y-%m-%d %H:%M}") if d.get("uploaded_at") \
                else ""
            who = " " + _("by {user} (file name then: '{file}')").format(user=d["uploaded_by"], file=d["filename"]) \
                if d else ""
            return _("This exact file (same contents) was loaded as upload {upload}{when}{who}. Nothing was loaded "
                     "again.").format(upload=self.upload_id, when=when, who=who)
        if self.stage is Stage.HAS_ERRORS:
            return _("{n} error(s): nothing was loaded from this file.").format(n=len(self.report.errors))
        if self.stage is Stage.COMMITTED:
            loaded = _("Loaded {n} museum row(s) as upload {upload}.").format(n=self.rows, upload=self.upload_id)
            return loaded + " " + (
                _("For {n} museum(s) this replaces an earlier answer for the same wave; the earlier answer is kept "
                  "and comes back if this upload is retracted.").format(n=self.superseded) if self.superseded else
                _("No earlier answers were replaced."))
        return self.headline[0].upper() + self.headline[1:] + "."

    @property
    def asks_for_wave(self) -> bool:
        """Whether some rows get their wave from outside the sheet (or have none): then the analyst may set it."""
        report = self.report
        with_wave = {m.sheet for m in report.mapping if m.field == "survey_wave"}
        return (self.wave is not None or any(f.rule in ("no_wave", "wave_from_title") for f in report.findings)
                or any(sheet not in with_wave for sheet in report.sheets_used))

    def column_table(self) -> pd.DataFrame:
        """The mapping table the analyst edits (analysis.loading.mappings.mapping_table), built when first asked
        for (the page asks right after the first check) and then kept, so that edits refer to the same rows."""
        if self._columns is None:
            self._columns = mappings.mapping_table(self.report, self.sheets)
        return self._columns

    def as_dict(self) -> dict:
        """One entry of the CLI's JSON: the report plus "status", "rows", "upload_id" and "message"."""
        out = {**self.report.as_dict(), "status": self.stage.status, "rows": self.rows,
               "upload_id": self.upload_id, "message": self.message}
        if self.stage is Stage.COMMITTED:
            out["superseded"] = self.superseded
        if self.mapping_saved_for:
            out["mapping_saved_for"] = self.mapping_saved_for
        return out

    # --- what the analyst does ------------------------------------------------------------------------
    def revise(self, con: duckdb.DuckDBPyConnection, *, wave: str | None,
               decisions: mappings.Decisions) -> None:
        """Check again with another wave or other column choices (nothing happens when neither changed)."""
        if not self.stage.open or (wave, decisions) == (self.wave, self.decisions):
            return
        self.wave, self.decisions = wave, dict(decisions)
        self._check(con)

    def remember(self, con: duckdb.DuckDBPyConnection, *, user: str) -> list[str]:
        """Save the analyst's column choices, on top of those already saved for the same headings, for the next
        file with these headings; returns the sheets they were saved for."""
        headings = mappings.sheet_headings(self.sheets)
        saved = mappings.saved_for(con, headings)
        return mappings.save(con, headings, {**saved.decisions, **self.decisions}, user=user, filename=self.name)

    def commit(self, con: duckdb.DuckDBPyConnection, *, user: str, warnings_confirmed: bool,
               remember: bool = True) -> None:
        """Store the file whole. With `remember`, the analyst's column choices are saved once it is stored.
        Raises ValueError when the file cannot be committed (errors, or warnings not confirmed)."""
        if not self.stage.committable or self.stage is Stage.NEEDS_CONFIRMATION and not warnings_confirmed:
            raise ValueError(_("{file} cannot be committed: {why}").format(file=self.name, why=self.headline))
        said = self.report.as_dict()
        done = store.commit_upload(con, self.parsed.frame, filename=self.name, sha256=self.sha256,
                                   sheets=self.report.sheets_used, user=user, warnings=said["warnings"],
                                   report={**said, "rows": self.rows_to_load, "upload_id": None})
        if done.status == "duplicate":                 # another session stored these bytes meanwhile
            self.stage, self.upload_id, self.earlier = Stage.DUPLICATE, done.upload_id, \
                store.upload_details(con, done.upload_id)
            return
        self.stage, self.upload_id, self.rows, self.superseded = (Stage.COMMITTED, done.upload_id, done.rows,
                                                                  done.superseded)
        if remember and self.decisions:
            self.mapping_saved_for = self.remember(con, user=user)

    # --- reading and checking -------------------------------------------------------------------------
    def _check(self, con: duckdb.DuckDBPyConnection, progress: Callable[[str], None] = lambda _: None) -> None:
        """Map the columns (the analyst's choices over saved ones over automatic ones) and check every cell."""
        progress(_("Mapping the columns to the survey questions and checking every cell…"))
        saved = mappings.saved_for(con, mappings.sheet_headings(self.sheets))
        parsed = parse_upload(self.data, self.name, wave=self.wave, read=(self.report.format, self.sheets),
                              mapping={**saved.decisions, **self.decisions})
        mappings.mark_saved(parsed.report, saved, self.decisions)
        unit_costs.check_upload(con, parsed)          # declared needs far from the cost model: warnings, not changes
        self.parsed, self.report = parsed, parsed.report
        report = parsed.report
        progress(_("Columns: {recognised} of {n} recognised.").format(
            recognised=sum(1 for m in report.mapping if m.field), n=len(report.mapping)))
        progress(_("Checked {n} museum row(s): {errors} error(s), {warnings} warning(s).").format(
            n=len(parsed.frame), errors=len(report.errors), warnings=len(report.warnings)))
        self.stage = (Stage.HAS_ERRORS if report.errors else
                      Stage.NEEDS_CONFIRMATION if report.warnings else Stage.READY)


def receive(con: duckdb.DuckDBPyConnection, data: bytes, name: str, *, wave: str | None = None,
            choices: dict[str, str | None] | None = None,
            progress: Callable[[str], None] = lambda _: None) -> Upload:
    """Take in one file: refuse it when too big, recognise it when stored already, else read and check it.
    `choices` say what columns are by heading alone, on any sheet ({heading: field, or None to leave it
    out}: the CLI's --map and --ignore); `progress` hears each step as it starts."""
    sha = hashlib.sha256(data).hexdigest()
    report = FileReport(file=name, sha256=sha)
    upload = Upload(name, data, sha, Stage.TOO_BIG, report, wave=wave)
    if (refused := limits.too_big(len(data))) is not None:
        report.add(ERROR, "unreadable_file", refused)
        return upload
    if (earlier := store.find_duplicate(con, sha)) is not None:
        upload.stage, upload.upload_id, upload.earlier = Stage.DUPLICATE, earlier, store.upload_details(con, earlier)
        return upload
    progress(_("Reading the file…"))
    try:
        report.format, upload.sheets = read_sheets(data)
    except UnreadableFile as exc:
        report.add(ERROR, "unreadable_file", str(exc), row=exc.row)
        upload.stage = Stage.UNREADABLE
        return upload
    progress(_("Read {n} sheet(s) ({format}).").format(n=len(upload.sheets), format=report.format))
    upload.decisions = mappings.decisions_by_heading(mappings.sheet_headings(upload.sheets), choices or {})
    upload._check(con, progress)
    return upload


def load_bytes(con: duckdb.DuckDBPyConnection, data: bytes, filename: str, *, wave: str | None = None,
               user: str = "cli", choices: dict[str, str | None] | None = None, remember: bool = False) -> dict:
    """The command line's load of one file: committed when it has no errors (warnings are printed, not
    confirmed); with `remember`, its `choices` are saved for the next file with the same headings."""
    upload = receive(con, data, filename, wave=wave, choices=choices)
    if upload.stage.committable:
        upload.commit(con, user=user, warnings_confirmed=True, remember=remember)
    return upload.as_dict()


def load_file(con: duckdb.DuckDBPyConnection, path: str | os.PathLike, *, wave: str | None = None,
              user: str = "cli", choices: dict[str, str | None] | None = None, remember: bool = False) -> dict:
    path = Path(path)
    return load_bytes(con, path.read_bytes(), path.name, wave=wave, user=user, choices=choices, remember=remember)
