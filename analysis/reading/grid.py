"""What every format is read into: a Sheet of rows of cells, kept at the positions a person sees (rows[i] is
Excel row i+1, or a text file's line i+1), so that every message can point at the cell; how a workbook cell's
text becomes a value; the texts a spreadsheet shows for a failed formula; and UnreadableFile, the plain-words
refusal every reader raises."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import pyarrow as pa
import pyarrow.compute as pc

from analysis.i18n import N_, _


class UnreadableFile(Exception):
    """The file cannot be read as a spreadsheet; the message says why in plain words (and `row`, the line of a
    text file it is about, when there is one)."""

    def __init__(self, message: str, row: int | None = None):
        super().__init__(message)
        self.row = row


@dataclass(eq=False)
class Sheet:
    name: str
    rows: Sequence[list]       # rows[i] is Excel row i+1 (for workbooks a TableRows view of the Arrow table)
    visible: bool = True
    merged: list[tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=list)
    note: str = ""     # how the sheet was read: a text file's encoding and delimiter; formulas, hidden rows
    hidden_rows: list[int] = field(default_factory=list)   # Excel row numbers hidden in the sheet (xlsx)
    formulas: int = 0                                      # cells holding a formula (xlsx): cached values used
    delimiter: str = ""                                    # text files: the character between values

    @property
    def numbers_exact(self) -> bool:
        """True for workbook cells, where a plain number string is how a number cell was written out (so
        '1.234' is one point two three four); False for text files, where a person typed it."""
        return isinstance(self.rows, TableRows) and self.rows.typed

    def width(self) -> int:
        """Columns from A to the last one used."""
        if isinstance(self.rows, TableRows):
            return self.rows.offset + self.rows.table.num_columns
        return max(map(len, self.rows), default=0)

    def is_blank(self) -> bool:
        """No cell holds anything but spaces."""
        return not any(pc.any(pc.not_equal(pc.utf8_trim_whitespace(self.column(c)), "")).as_py()
                       for c in range(self.width()))

    def column(self, c: int) -> pa.Array:
        """Column c (0 = A) of every row, as text (None where empty): what the ingest works on, at C speed."""
        if isinstance(self.rows, TableRows):
            return self.rows.column(c)
        return pa.array([row[c] if c < len(row) and row[c] != "" else None for row in self.rows], pa.string())


_PLAIN_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d*[1-9])?")        # how a number cell is written out
_DATE_TIME = re.compile(r"(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)(?:\.(\d+))?")


def cell_value(text: str | None) -> object:
    """A workbook cell as python-calamine would give it, from its text: '' (empty), float, date, datetime,
    time, bool or str. Text that looks exactly like a written-out number is taken for one."""
    if text is None:
        return ""
    if _PLAIN_NUMBER.fullmatch(text):
        return float(text)
    if len(text) >= 19 and (m := _DATE_TIME.fullmatch(text)):
        y, mo, d, h, mi, sec = map(int, m.groups()[:6])
        micro = int((m.group(7) or "0")[:6].ljust(6, "0"))
        if (y, mo, d) == (1899, 12, 31):
            return dt.time(h, mi, sec, micro)
        if (h, mi, sec, micro) == (0, 0, 0, 0):
            return dt.date(y, mo, d)
        return dt.datetime(y, mo, d, h, mi, sec, micro)
    if text in ("true", "false"):
        return text == "true"
    return text


# What a spreadsheet shows in a cell whose formula failed, in English and in the other languages of Excel
# and LibreOffice that a museum may save a CSV in (a CSV keeps the text shown), with what went wrong.
FORMULA_FAILURES = {
    "#DIV/0!": N_("it divides by zero, often a share of an empty total"),
    "#N/A": N_("it looks up a value that is not there"),
    "#VALUE!": N_("it calculates with text where a number is needed"),
    "#REF!": N_("it points at cells that were deleted"),
    "#NAME?": N_("it uses a function or name the spreadsheet does not know"),
    "#NUM!": N_("its result is not a number that can be calculated"),
    "#NULL!": N_("it refers to two ranges that do not meet"),
    "#GETTING_DATA": N_("it was still fetching its data when the file was saved"),
    "#SPILL!": N_("its results would spill over cells that are not empty"),
    "#CALC!": N_("it cannot calculate its result"),
}
_LOCAL_FAILURES = {
    "#NV": "#N/A", "#WERT!": "#VALUE!", "#BEZUG!": "#REF!", "#ZAHL!": "#NUM!",                      # German
    "#VALEUR!": "#VALUE!", "#NOM?": "#NAME?", "#NOMBRE!": "#NUM!", "#NUL!": "#NULL!",               # French
    "#¡DIV/0!": "#DIV/0!", "#¡VALOR!": "#VALUE!", "#¡REF!": "#REF!", "#¿NOMBRE?": "#NAME?",         # Spanish
    "#¡NUM!": "#NUM!", "#¡NULO!": "#NULL!",
    "#N/D": "#N/A", "#VALORE!": "#VALUE!", "#RIF!": "#REF!", "#NOME?": "#NAME?", "#NULLO!": "#NULL!",  # Italian
    "#VALOR!": "#VALUE!", "#NÚM!": "#NUM!", "#NULO!": "#NULL!",                                     # Portuguese
    "#DEEL/0!": "#DIV/0!", "#N/B": "#N/A", "#WAARDE!": "#VALUE!", "#VERW!": "#REF!",                # Dutch
    "#NAAM?": "#NAME?", "#GETAL!": "#NUM!", "#LEEG!": "#NULL!",
}
FORMULA_FAILURE_TEXTS = frozenset({*FORMULA_FAILURES, *_LOCAL_FAILURES,
                                   *(f"Err:{n}" for n in range(500, 600))})   # LibreOffice: Err:502 and the like


def formula_failure(text: str, where: str | None = None) -> str:
    """Why a formula shows `text` (one of FORMULA_FAILURE_TEXTS), in plain words; `where` names the cell
    (default: 'The cell')."""
    why = _(FORMULA_FAILURES.get(_LOCAL_FAILURES.get(text, text), N_("it could not be calculated")))
    return _("{where} shows {text}: its formula failed ({why}), so there is no answer to load. A failed formula is "
             "not a blank answer. Correct the formula, or type the value, in the spreadsheet and upload it "
             "again.").format(where=where or _("The cell"), text=text, why=why)


def _text(text: str | None) -> str:
    return "" if text is None else text


class TableRows(Sequence):
    """A sheet's rows over its Arrow table (every cell as text, columns from `offset`): rows are built as
    Python lists only where they are read (the header area, samples), while the ingest reads whole columns
    at C speed. Slices are views. `typed`: workbook cells, given back as python-calamine types them."""

    def __init__(self, table: pa.Table, offset: int, start: int = 0, stop: int | None = None, *, typed: bool = True):
        self.table, self.offset, self.typed = table, offset, typed
        self.start, self.stop = start, table.num_rows if stop is None else stop

    def __len__(self) -> int:
        return max(0, self.stop - self.start)

    def __getitem__(self, i):
        if isinstance(i, slice):
            start, stop, step = i.indices(len(self))
            if step != 1:
                return list(self)[i]
            return TableRows(self.table, self.offset, self.start + start, self.start + max(start, stop),
                             typed=self.typed)
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        return self._rows(self.start + i, 1)[0]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, (list, TableRows)) and list(self) == list(other)

    def __iter__(self):
        for at in range(self.start, self.stop, 1024):
            yield from self._rows(at, min(1024, self.stop - at))

    def _rows(self, at: int, n: int) -> list[list]:
        pad, value = [""] * self.offset, cell_value if self.typed else _text
        columns = [[value(v) for v in col.to_pylist()] for col in self.table.slice(at, n).columns]
        return [pad + list(row) for row in zip(*columns)] if columns else [[] for _ in range(n)]

    def column(self, c: int) -> pa.Array:
        j = c - self.offset
        if 0 <= j < self.table.num_columns:
            chunks = self.table.column(j).slice(self.start, len(self))
            return chunks.chunk(0) if chunks.num_chunks == 1 else chunks.combine_chunks()
        return pa.nulls(len(self), pa.string())
