"""Text files (CSV and the like): decoded (BOM, UTF-16, UTF-8, else the Windows code page whose letters make words of
the survey's languages), their delimiter found
from the widths of the first records (quotes respected), and read strictly: a NUL byte or a quote never
closed refuses the file at its line. Lines are counted (check_text) before anything is decoded."""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import math
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from analysis import limits
from analysis.formats import number
from analysis.i18n import N_, _
from analysis.reading.grid import Sheet, TableRows, UnreadableFile
from analysis.reading.safety import too_many_cells


TOO_WIDE = N_("Line {line} has {n} columns, more than the limit of {limit}.")


def decode_text(data: bytes) -> tuple[str, str]:
    """Return (text, encoding): BOMs first, then UTF-16 without BOM, UTF-8, else the Windows code page (CODE_PAGES)
    under which the text reads as a survey language writes (cp1252 when several do, as for German), else latin-1."""
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as exc:
                raise UnreadableFile(_("The file starts with the mark of {encoding} text, but byte {byte} is not "
                                       "{encoding}: the file is damaged or cut short. Save it again from the "
                                       "spreadsheet and upload that copy.").format(
                    encoding=enc, byte=number(exc.start))) from None
    head = data[:4000]
    if head and head.count(b"\x00") > len(head) // 4:
        enc = "utf-16-le" if head[1:2] == b"\x00" else "utf-16-be"
        return data.decode(enc, errors="replace"), enc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # the first of CODE_PAGES unless another reads clearly better (not by a rounding error)
    encoding = max(CODE_PAGES, key=lambda enc: (round(_plausible(data[:_SNIFF_CHARS].decode(enc, errors="replace")), 3),
                                                -CODE_PAGES.index(enc)))
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


# What Excel writes as "CSV" on Windows in the survey's countries: Western, Central European, Baltic, Cyrillic, Greek.
CODE_PAGES = ("cp1252", "cp1250", "cp1257", "cp1251", "cp1253")
_WORD_LISTS = [Path(__file__).resolve().parent.parent / "parsing" / part for part in ("headers/lexicon", "answers")]
_BEYOND_ASCII = re.compile(r"[^\W\d_a-z]")
_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _letter_odds() -> tuple[dict[str, float], ...]:
    """Per survey language, log P(letter) of the letters beyond a-z its words use (its heading lexicon and answer
    lists), a letter it never writes at the odds of one unseen."""
    counts: dict[str, Counter] = {}
    for folder in _WORD_LISTS:
        for path in folder.glob("*.txt"):
            counts.setdefault(path.stem, Counter()).update(_BEYOND_ASCII.findall(path.read_text("utf-8").lower()))
    return tuple({ch: math.log((n + _UNSEEN) / (sum(c.values()) + _UNSEEN * len(c))) for ch, n in c.items()}
                 for c in counts.values())


_UNSEEN = 0.5
_NO_LETTER = math.log(1e-6)       # a byte no letter stands for, or a Greek or Cyrillic letter inside a Latin word


def _plausible(text: str) -> float:
    """How well the letters beyond a-z read as one survey language writes them (the best one): the mean log odds
    of each letter. Text decoded with its own code page scores higher than the bytes of one (Hungarian 'ő', cp1250;
    Latvian 'ā', cp1257) read as another's ('õ', 'â', cp1252); 0 for text of a-z only, which any code page reads."""
    seen, mixed = Counter(), text.count("\ufffd")
    for word in _WORD.findall(text.lower()):
        beyond = _BEYOND_ASCII.findall(word)
        if beyond and len(beyond) < len(word) and any(ch >= "\u0370" for ch in beyond):
            mixed += len(beyond)               # 'Mдnniku': Estonian bytes read as Cyrillic
        else:
            seen.update(beyond)
    total = sum(seen.values()) + mixed
    if not total:
        return 0.0
    best = max(sum(n * odds.get(ch, math.log(_UNSEEN / 1000)) for ch, n in seen.items()) for odds in _letter_odds())
    return (best + mixed * _NO_LETTER) / total


DELIMITERS = {",": N_("comma"), ";": N_("semicolon"), "\t": N_("tab"), "|": N_("pipe")}   # translated where shown
_SNIFF_RECORDS, _SNIFF_CHARS = 50, 1 << 18


def sniff_delimiter(text: str) -> str:
    """The delimiter under which the most of the first records have one width: a heading row and its
    answers agree on their width only when cut at the real delimiter. Records are read as the csv module
    reads them, so a quoted name full of semicolons, commas, quotes and brackets ("Robert'); DROP TABLE
    x;--") is one value whatever the delimiter tried (csv.Sniffer guesses from quote patterns inside values
    and is fooled by them). A delimiter that only answers contain cuts those into pieces, but leaves the
    heading row whole: so the share of records of the common width decides, then their number and width."""
    sample = text[:_SNIFF_CHARS]
    if len(text) > _SNIFF_CHARS:
        sample = sample[: max(sample.rfind("\n"), 0)] or sample
    best, best_score = ",", (0.0, 0, 0)
    for delimiter in DELIMITERS:
        reader = csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter)
        records = [len(record) for record in itertools.islice(reader, _SNIFF_RECORDS) if any(record)]
        widths = Counter(width for width in records if width > 1)
        if widths:
            width, n = max(widths.items(), key=lambda item: (item[1], item[0]))
            if (score := (n / len(records), n, width)) > best_score:
                best, best_score = delimiter, score
    return best


def read_text(data: bytes) -> Sheet:
    """A text file as rows of cells, rows[i] being line i+1 (a record whose quoted value spans lines is
    followed by empty rows). Read strictly enough that no row is lost without a word: a NUL character or a
    quote that is never closed refuses the file, naming the line; rows whose width differs from the
    heading row's are reported by analysis.parsing.sheets, which knows where the heading row is."""
    text, encoding = decode_text(data)
    if (nul := text.find("\x00")) >= 0:
        raise UnreadableFile(_nul_message(text, nul), row=line_number(text, nul))
    delimiter = sniff_delimiter(text)
    note = _("read as {encoding} text, {delimiter}-separated").format(encoding=encoding,
                                                                       delimiter=_(DELIMITERS[delimiter]))
    # pyarrow reads UTF-8: a UTF-8 file is handed over as it is, not encoded again from the text (a second copy)
    utf8 = (data if encoding == "utf-8" else data[len(codecs.BOM_UTF8):] if encoding == "utf-8-sig"
            else text.encode("utf-8"))
    table = _rectangular_text(text, delimiter, utf8)
    if table is not None:
        if table.num_columns > limits.MAX_COLUMNS:
            raise UnreadableFile(_(TOO_WIDE).format(line=1, n=number(table.num_columns),
                                                    limit=number(limits.MAX_COLUMNS)))
        if sum(pc.sum(pc.not_equal(column, "")).as_py() or 0 for column in table.columns) > limits.MAX_CELLS:
            raise too_many_cells()
        return Sheet("CSV", TableRows(table, 0, typed=False), note=note, delimiter=delimiter)
    # The sentinel line (a NUL, which the text cannot hold) comes back as the last record only if every quote
    # was closed: otherwise the open quote swallows it, and the record that opened it is named.
    end = "" if not text or text.endswith(("\n", "\r")) else "\n"
    reader = csv.reader(io.StringIO(text + end + "\x00", newline=""), delimiter=delimiter)
    rows: list[list] = []
    start = 1
    try:
        for record in reader:
            while len(rows) < start - 1:
                rows.append([])                 # the lines a quoted value spans: rows[i] stays line i+1
            rows.append(record)
            if len(rows) > limits.MAX_ROWS + limits.HEADER_SCAN_ROWS:
                raise UnreadableFile(_("The file has more than {limit} rows, the limit. Split it.").format(
                    limit=number(limits.MAX_ROWS)))
            if len(record) > limits.MAX_COLUMNS:
                raise UnreadableFile(_(TOO_WIDE).format(line=start, n=number(len(record)),
                                                        limit=number(limits.MAX_COLUMNS)), row=start)
            start = reader.line_num + 1
    except csv.Error as exc:
        if "field larger than field limit" in str(exc):
            raise UnreadableFile(_unclosed_quote(start, _("a value starting there runs on for more than {n} "
                                                          "characters").format(n=number(csv.field_size_limit()))),
                                 row=start) from None
        raise UnreadableFile(_("The text file could not be read as CSV near line {line}: {problem}").format(
            line=start, problem=exc), row=start) from exc
    if rows.pop() != ["\x00"]:
        raise UnreadableFile(_unclosed_quote(len(rows) + 1, _("everything after it, to the end of the file, would "
                                                              "be one value")), row=len(rows) + 1)
    if sum(1 for row in rows for cell in row if cell) > limits.MAX_CELLS:
        raise too_many_cells()
    return Sheet("CSV", rows, note=note, delimiter=delimiter)


def _unclosed_quote(line: int, what: str) -> str:
    return _("Line {line} has a quote (\") that opens a value and is never closed: {what}, so the rows below it "
             "would be lost. Close the quote (a quote inside a value is written twice: \"\"), or save the file "
             "again from the spreadsheet, and upload it again.").format(line=line, what=what)


def _nul_message(text: str, at: int) -> str:
    """Which lines hold a NUL character (a zero byte; the first at `at`): a text file never does, so the file
    is damaged or is not the text it claims to be; guessing which values it cut would risk wrong answers."""
    lines = []
    while at >= 0 and len(lines) < 6:
        lines.append(line_number(text, at))
        breaks = [b for b in (text.find("\n", at), text.find("\r", at)) if b >= 0]
        at = text.find("\x00", min(breaks)) if breaks else -1
    shown = ", ".join(number(n) for n in lines[:5])
    if len(lines) > 5:
        shown = _("{lines} and more").format(lines=shown)
    return (_("Lines {lines} hold a NUL character (a zero byte), which a text file never contains: the file is "
              "damaged, or it is not plain text. Open it in a spreadsheet program, save it again as CSV and upload "
              "that copy.") if len(lines) > 1 else
            _("Line {lines} holds a NUL character (a zero byte), which a text file never contains: the file is "
              "damaged, or it is not plain text. Open it in a spreadsheet program, save it again as CSV and upload "
              "that copy.")).format(lines=shown)


def line_number(text: str, at: int) -> int:
    """The line (from 1) of position `at`, counting line breaks as the csv module does (\r\n, \r or \n)."""
    return text.count("\n", 0, at) + text.count("\r", 0, at) - text.count("\r\n", 0, at) + 1


def _rectangular_text(text: str, delimiter: str, raw: bytes) -> pa.Table | None:
    """A text file whose every line is one row of the same width, read at C speed (pyarrow), cells as
    written ('' where empty); None for anything else (titles above the table, line breaks inside quotes,
    a quote left open, blank lines), which the csv module reads line by line, keeping each row's line
    number. A line with an odd number of quotes ends inside a quoted value (or holds a stray quote):
    pyarrow would close such a value at the line's end without a word, so those files go the slow way. `raw` is the
    text in UTF-8."""
    end = text.find("\n")
    width = len(next(csv.reader([text[: end if end >= 0 else len(text)].rstrip("\r")], delimiter=delimiter), []))
    if width < 2:
        return None
    if b'"' in raw:                # (a lone \r in quotes breaks a line for the csv module, but not for pyarrow)
        if raw.count(b"\r") != raw.count(b"\r\n"):
            return None
        each_line = pc.split_pattern(pa.array([raw], pa.binary()), b"\n").flatten()
        if pc.any(pc.bit_wise_and(pc.count_substring(each_line, b'"'), 1).cast(pa.bool_())).as_py():
            return None
    try:
        table = pacsv.read_csv(
            io.BytesIO(raw),
            read_options=pacsv.ReadOptions(autogenerate_column_names=True),
            parse_options=pacsv.ParseOptions(delimiter=delimiter, ignore_empty_lines=False),
            convert_options=pacsv.ConvertOptions(column_types={f"f{i}": pa.string() for i in range(width)},
                                                 strings_can_be_null=False, quoted_strings_can_be_null=False))
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return None
    lines = raw.count(b"\n") + (not raw.endswith(b"\n"))
    return table if table.num_rows == lines and table.num_columns == width else None


# --- before parsing: text files ---------------------------------------------------------------------------
def check_text(data: bytes) -> None:
    """Refuse a text file with more lines than the row limit allows, before decoding it. A quoted cell may
    span lines, so lines >= rows: a file refused here has more lines, not necessarily more rows."""
    lines = max(data.count(b"\n"), data.count(b"\r"))
    most = limits.MAX_ROWS + limits.HEADER_SCAN_ROWS
    if lines > most:
        raise UnreadableFile(_("The file has {n} lines, more than the limit of {limit} survey rows (plus {titles} "
                               "for titles and headings). Split it into smaller files, for example one per "
                               "country.").format(n=number(lines), limit=number(limits.MAX_ROWS),
                                                  titles=limits.HEADER_SCAN_ROWS))
