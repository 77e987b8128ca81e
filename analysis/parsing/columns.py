"""Find the header row of a sheet, and read one-column-per-option headings of several-answers questions.

What each heading means is decided in analysis.parsing.headers (concepts, field definitions, answers, one
assignment per sheet); this module finds where the headings are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from analysis import limits, schema
from analysis.parsing import layouts
from analysis.parsing.headers.concepts import read
from analysis.parsing.headers.recognise import Match, match_header


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def cell_text(value: object) -> str:
    if value is None or isinstance(value, bool):
        return ""
    if isinstance(value, float):
        return "" if value != value else (str(int(value)) if value.is_integer() else str(value))
    return " ".join(str(value).split())


@dataclass
class Header:
    rows: list[int]               # 0-based grid rows that make up the header
    texts: list[str]              # per column: the header as written ("Upper / lower" for two rows)
    matches: list[Match]
    readings: list[tuple[str, ...]]   # per column: what its heading may be read as, first choice first
    own: list[str]                # per column: its own words, without a group title over them or units under them

    @property
    def fields(self) -> int:
        return len({m.field for m in self.matches if m.field})

    @property
    def score(self) -> float:
        return _score(self.fields, sum(m.confidence for m in self.matches if m.field))


def _score(fields: int, confidence: int) -> float:
    """How well rows read as a header: the fields they name, then the confidence of their matched headings summed."""
    return fields + 0.001 * confidence


_LETTER = re.compile(r"[^\W\d_]")          # every letter (str.isalpha), and a few other signs: a bound may count more


def _best_score(readings: list[tuple[str, ...]]) -> tuple[float, int]:
    """The highest score (Header.score) and number of fields headings read as `readings` could reach: a field for
    each distinct heading with a letter in it, at full confidence. A row of answers cannot reach the header already
    found (its numbers name nothing and it repeats its yes/no answers), so its museum names and remarks are never
    read as headings."""
    named = [r for r in readings if any(map(_LETTER.search, r))]
    fields = len(set(named))
    return _score(fields, 100 * len(named)), fields


class Layout(NamedTuple):
    """A possible header before any of its headings is read (Header without the matches)."""
    rows: list[int]
    texts: list[str]
    readings: list[tuple[str, ...]]
    own: list[str]


def _read(layout: Layout) -> Header:
    """The header these rows make, each column matched by the first of its readings that names a field."""
    matches = [next((m for m in map(match_header, r) if m.field), match_header(r[-1])) for r in layout.readings]
    return Header(layout.rows, layout.texts, matches, layout.readings, layout.own)


def _layout(grid: list[list[str]], upper: int | None, lower: int, width: int, merged) -> Layout:
    """The header of row `lower` (under row `upper`, when given). `grid`: the first rows of the sheet as cell texts,
    each `width` long."""
    low = list(grid[lower])
    if upper is None:
        return Layout([lower], low, [(t,) for t in low], low)
    up = list(grid[upper])
    for (r0, c0), (r1, c1) in merged:           # a merged cell's text belongs to every column it spans
        if r0 <= upper <= r1 and up[c0]:
            for c in range(c0, min(c1, width - 1) + 1):
                up[c] = up[c0]
    carried = ""
    texts, readings = [], []
    for c in range(width):
        carried = up[c] or (carried if low[c] else "")      # a group title runs over its sub-headers
        if carried and low[c] and carried != low[c]:
            # The group title with its sub-heading first: "Funding need / Equipment" is a need, not equipment; the
            # sub-heading alone when the two name nothing together ("Visitors & staff / Visits 2024"); the title
            # alone over a unit or a legend ("Museo riconosciuto / sì/no").
            texts.append(f"{carried} / {low[c]}")
            readings.append((f"{carried} {low[c]}", low[c], *([carried] if _is_unit(low[c]) else [])))
        else:
            texts.append(low[c] or carried)
            readings.append((low[c] or carried,))
    return Layout([upper, lower], texts, readings, [low[c] or up[c] for c in range(width)])


def _padded(row: list, width: int) -> list:
    return list(row[:width]) + [None] * (width - len(row))


_NUMBER = re.compile(r"^[-+]?\d[\d\s.,]*%?$")
_UNIT_CELL = re.compile(r"^\(?\s*(%|eur|€|euro|euros|fte|etp|vzä|years?|ann[ée]es|jahre|\d{4})\s*\)?$", re.IGNORECASE)


def _is_lower_header(grid: list[list[str]], upper: int, lower: int, width: int, merged) -> bool:
    """Whether row `lower` continues the header begun on row `upper` (sub-headings under group titles, the
    "Response" row of a survey tool, a row of units) rather than being the first row of answers. It holds no
    numbers; and the upper row has group titles merged over several columns, or the lower row is all units,
    or it repeats one label across columns, or numbers stand below some of its texts (headings over
    answers), none of which a first row of answers does."""
    low = grid[lower]
    filled = [t for t in low if t]
    if layouts.is_header_continuation(low):           # Qualtrics' {"ImportId": ...} row: skipped as a row
        return False
    if all(_UNIT_CELL.match(t) for t in filled):
        return bool(filled)
    if any(_NUMBER.match(t) for t in filled):
        return False
    if _titles_over(merged, upper) or len(set(filled)) < len(filled):
        return True
    below = grid[lower + 1: lower + 6]
    return any(low[c] and any(_NUMBER.match(r[c]) for r in below) for c in range(width))


def find_header(rows: list[list], merged=()) -> Header | None:
    """The best header among the first HEADER_SCAN_ROWS rows: one row, or two rows read together. Two rows
    are read together only when the second looks like headings too, however few headings were recognised:
    a first row of answers is never glued onto the header."""
    width = max((len(r) for r in rows[: limits.HEADER_SCAN_ROWS + 1]), default=0)
    grid = [[cell_text(v) for v in _padded(row, width)] for row in rows[: limits.HEADER_SCAN_ROWS + 6]]
    best: Header | None = None
    for r in range(min(len(rows), limits.HEADER_SCAN_ROWS)):
        texts = [t for t in grid[r] if t]
        if len(texts) < 2 or sum(bool(_NUMBER.match(t)) for t in texts) > len(texts) / 2:
            continue                                    # a header row is mostly words; this is answers
        layout = _layout(grid, None, r, width, merged)
        if best is None or _best_score(layout.readings)[0] > best.score + 0.5:      # else it cannot win: not read
            single = _read(layout)
            if best is None or single.score > best.score + 0.5:
                best = single
        # A row of units is no sub-headings: it joins the header once the header is found (below).
        if r > 0 and any(grid[r - 1]) and not _is_units_row(grid, r, width) and _is_lower_header(
                grid, r - 1, r, width, merged):
            layout = _layout(grid, r - 1, r, width, merged)
            could, fields = _best_score(layout.readings)
            if could <= best.score + 0.5 and fields < best.fields:
                continue                                # it cannot win: not read
            pair = _read(layout)
            # Sub-headings under the best single row belong to it when they read at least as well, and so do
            # group titles merged over the best row's headings.
            if pair.score > best.score + 0.5 or pair.fields >= best.fields and (
                    best.rows == [r - 1] or best.rows == [r] and _titles_over(merged, r - 1)):
                best = pair
    if best is None or best.score < 2:
        return None
    below = best.rows[-1] + 1
    if below < len(grid) and _numbers_the_columns(grid[below]):        # "1, 2, 3, ...": a form's column numbers
        best.rows.append(below)
    elif below < len(grid) and _is_units_row(grid, below, width):
        best.rows.append(below)
        best.readings = [tuple(f"{text} {grid[below][c]}" for text in readings) + readings if grid[below][c]
                         else readings for c, readings in enumerate(best.readings)]
    return best


def _numbers_the_columns(cells: list[str]) -> bool:
    """Whether a row under the headings counts the columns (1, 2, 3, ... left to right), as statistics offices'
    forms print it, rather than answering."""
    filled = [t for t in cells if t]
    return len(filled) >= 3 and all(t.isdigit() for t in filled) and [int(t) for t in filled] == list(
        range(int(filled[0]), int(filled[0]) + len(filled)))


def _titles_over(merged, row: int) -> bool:
    return any(r0 <= row <= r1 and c1 > c0 for (r0, c0), (r1, c1) in merged)


# "1-8", "(1–5)", "ja/nej", the mark to tick an option with ("x", "✓") and what a mark means ("Ja = zutreffend")
_LEGEND = re.compile(r"^\(?\s*(\d+\s*[-–]\s*\d+|[^\W\d_]+\s*/\s*[^\W\d_]+|[xX✓✔]|[\w✓✔]{1,8}\s*=\s*[^=]{1,20})\s*\)?$")


def _is_units_row(grid: list[list[str]], row: int, width: int) -> bool:
    """Whether `row`, just under the headings, says the unit or scale of each answer ("antal", "%", "EUR", "VZÄ",
    "1-8", "ja/nej", "x") rather than being a museum or sub-headings: two or more short cells, no figure, at least
    three in four of them a unit or a scale (or half, when the row says a few things over and over), and figures below
    some."""
    cells = grid[row]
    filled = [t for t in cells if t]
    if len(filled) < 2 or any(_NUMBER.match(t) or len(t) > 30 or len(t.split()) > 3 for t in filled):
        return False
    units = sum(map(_is_unit, filled))          # most are units ('št. oseb' may not be), or half and said again and
    if 4 * units < 3 * len(filled) and not (2 * units >= len(filled) and 2 * len(set(filled)) <= len(filled)):
        return False                            # again, as a form's row of answer kinds ('Text', 'Auswahl', 'EUR')
    below = grid[row + 1: row + 6]
    return any(cells[c] and any(_NUMBER.match(r[c]) for r in below) for c in range(width))


_UNIT_CONCEPTS = frozenset({"number", "fte", "funding", "share", "year", "objects", "collection", "scaffold"})


def _is_unit(text: str) -> bool:
    """A unit ("%", "EUR", "antal", "% af samlingen") or a scale ("1-8", "ja/nej"), as the heading lexicon
    reads it: no figure, and every word a unit's."""
    if _NUMBER.match(text) or len(text) > 30:
        return False
    if _UNIT_CELL.match(text) or _LEGEND.match(text):
        return True
    reading = read(text)
    return bool(reading.concepts) and reading.concepts <= _UNIT_CONCEPTS and not reading.unknown


TOTAL_WORDS = frozenset(schema.value_key(w) for w in schema.TOTAL_ROW_WORDS)
_TOTAL_RE = re.compile(r"^(" + "|".join(re.escape(w) for w in sorted(TOTAL_WORDS, key=len, reverse=True))
                       + r")\b[\s:]*", re.IGNORECASE)


# 'BEISPIEL: Museum Musterstadt (bitte überschreiben)': the template's example row, not a museum (a regular expression
# both Python's and Arrow's engines read, so that sheet_rows can look at a whole column at once)
EXAMPLE_LABEL = r"^\s*(" + "|".join(map(re.escape, schema.EXAMPLE_ROW_WORDS)) + r")\s*[:(\-–]"


def is_total_label(value: object) -> bool:
    text = schema.value_key(cell_text(value)).rstrip(":")
    return bool(text) and (text in TOTAL_WORDS or bool(_TOTAL_RE.match(text)) and len(text) < 40)


# Question – Option, as a word processor writes the dash: only with one of the question's answers after it, since a
# heading may say more after a dash ('Data and metadata – amount required' is no option of the metadata standards).
_DASHED = re.compile(r"^(?P<q>.+?)\s+[–—]\s+(?P<o>.+)$")
_OPTION_SPLITS = (
    re.compile(r"^(?P<q>.+?)\s*[-:/_]\s*(?P<o>other\b.*?)(?:\s*[-_]\s*text)?$", re.IGNORECASE),  # ... Other (text)
    re.compile(r"^(?P<q>.+?)\s*\[(?P<o>[^\[\]]+)\]\s*$"),                 # Google Forms grid: Question [Option]
    re.compile(r"^(?P<q>.+?)\s+/\s+(?P<o>.+)$"),                          # two header rows joined: Question / Option
    re.compile(r"^(?P<q>.+?)\s+-\s+(?:selected choice\s+-\s+)?(?P<o>[^-]+)$", re.IGNORECASE),  # Qualtrics
    re.compile(r"^(?P<q>.+):\s+(?P<o>[^:]+)$"),                           # Question: Option
    re.compile(r"^(?P<q>[^/\s]+(?:/[^/\s]+)*)/(?P<o>[^/\s]+)$"),          # Kobo path: group/question/option
    _DASHED,
)


# What survey tools write after a question that is not one of its options.
_TOOL_MARKERS = frozenset({"selected choice", "response", "open ended response", "text", "answer", "comment"})


def match_option(text: str) -> tuple[str, str, bool] | None:
    """(multi-select field, option code, whether the option is one of the field's answers) when a heading is
    one option of a several-answers question, as survey tools write them: "Metadata standards [LIDO]",
    "Metadata standards / EDM", "Q5 - Selected Choice - Dublin Core", "group/metadata_standards/lido". An
    option that is none of the field's answers is stored as 'other' (and the mapping says so)."""
    from analysis.parsing.normalise import match_choice

    for pattern in _OPTION_SPLITS:
        found = pattern.match(text.strip())
        if not found:
            continue
        question = match_header(found["q"])
        if question.field is None:
            continue
        f = schema.FIELDS_BY_NAME[question.field]
        if f.kind != schema.MULTI:
            continue
        option = found["o"].strip()
        if schema.header_key(option) in _TOOL_MARKERS:          # "Q9 - Selected Choice": the whole question
            return None
        if schema.header_key(option) in schema.OTHER_ANSWERS or schema.header_key(option).startswith("other "):
            return f.name, "other", True
        code, _ = match_choice(option, f)
        if code is None and pattern is _DASHED:
            continue
        return (f.name, code, True) if code is not None else (f.name, "other", False)
    return None
