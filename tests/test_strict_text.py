"""Text files are read strictly enough that no row is ever lost without a word, and a failed formula is never
read as a blank answer (issue #16).

- Any survey rows, however hostile their text (quotes, delimiters, semicolons, brackets, line breaks, SQL),
  written as CSV in every dialect the reader accepts, read back as exactly the values and rows written.
- A quote never closed, a NUL byte, a line with more or fewer values than the heading row, or a quoted value
  that swallowed whole rows is an error naming the line, and the file writes nothing.
- #DIV/0!, #N/A, ... are errors naming the cell, whether a workbook holds them as error cells (xlsx written
  by openpyxl; xls and ods built as Excel and LibreOffice save them) or a CSV holds their text.

Expected values are the values written, worked out here; nothing is pasted back from the code's output.
"""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys

import openpyxl
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from analysis.loading.upload import load_bytes
from analysis.reading.formats import read_sheets
from analysis.reading.grid import UnreadableFile
from analysis.reading.text import CODE_PAGES
from tests.conftest import ROOT
from tests.hostile.conftest import ErrorCell, ods_bytes, xls_bytes

HEADINGS = ["Museum ID", "Museum name", "Country", "Survey wave", "Collection digitised (%)",
            "Digital budget available (EUR a year)"]
SQL_NAMES = ["Robert'); DROP TABLE responses;--", "1' OR '1'='1'; --", 'x"; DELETE FROM uploads; --',
             "'; EXEC xp_cmdshell('dir');--", 'Robert"); DROP TABLE museums;--', "Museum (Wien; Graz), Linz",
             '"Quoted" Museum', "O'Brien's (Dublin)"]
ERRORS = ["#DIV/0!", "#N/A", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!"]
DELIMITERS = [",", ";", "\t", "|"]
QUOTING = {"minimal": csv.QUOTE_MINIMAL, "all": csv.QUOTE_ALL, "non-numeric": csv.QUOTE_NONNUMERIC}


def csv_bytes(rows: list[list], *, delimiter: str = ",", quoting: int = csv.QUOTE_MINIMAL,
              newline: str = "\r\n", encoding: str = "utf-8") -> bytes:
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=delimiter, quoting=quoting, lineterminator=newline).writerows(rows)
    return out.getvalue().encode(encoding)


def counts(con) -> tuple[int, int]:
    with con.cursor() as cur:
        return (cur.execute("SELECT count(*) FROM uploads").fetchone()[0],
                cur.execute("SELECT count(*) FROM responses").fetchone()[0])


def rejected(con, data: bytes, filename: str) -> dict:
    result = load_bytes(con, data, filename, user="test")
    assert result["status"] == "rejected", result
    assert counts(con) == (0, 0), "a rejected file wrote to the store"
    return result


# --- any rows, any dialect: read back exactly -----------------------------------------------------------------
# Text aimed at what breaks CSV readers and sniffers, mixed with any other character the encoding can hold.
HOSTILE_CHARACTERS = list(",;\t|\"'()[]{}\r\n -–#=%€\\") + ["\r\n", "--", "'; DROP TABLE responses;--", '""']


# A cp1252 file's bytes read as well in the other code pages (Polish 'Ł' is cp1252's 'Ù'): which one a file is in is
# read from its letters (tests/test_staff_layouts.py). Here, beside ASCII, the characters every one of them writes alike
# (°, §, ±, ...), so that the file can only read back as written.
SHARED_8BIT = "".join(ch for ch in map(chr, range(0xA0, 0x100)) if ch.isprintable() and all(
    ch.encode("cp1252", errors="ignore").decode(page, errors="ignore") == ch for page in CODE_PAGES))


def values(encoding: str) -> st.SearchStrategy[str]:
    others = st.characters(codec="ascii", exclude_characters="\x00") | st.sampled_from(SHARED_8BIT) \
        if encoding == "cp1252" else st.characters(codec="utf-8", exclude_characters="\x00", exclude_categories=("Cs",))
    text = st.lists(st.one_of(st.sampled_from(HOSTILE_CHARACTERS), others), max_size=12).map("".join)
    return st.one_of(text, st.sampled_from(SQL_NAMES))


@st.composite
def survey_csv(draw):
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]))
    rows = draw(st.lists(st.lists(values(encoding), min_size=len(HEADINGS), max_size=len(HEADINGS)),
                         min_size=1, max_size=12))
    dialect = {"delimiter": draw(st.sampled_from(DELIMITERS)), "quoting": draw(st.sampled_from(list(QUOTING.values()))),
               "newline": draw(st.sampled_from(["\r\n", "\n"])), "encoding": encoding}
    if dialect["newline"] == "\n" and any("\r" in v and "\n" not in v for row in rows for v in row):
        # Python's writer quotes only the characters of its own line ending: with LF it would write a value
        # holding a lone CR bare, which no reader can tell from a line break. Spreadsheet programs quote it.
        dialect["quoting"] = csv.QUOTE_ALL
    return rows, dialect


def is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def line_breaks(value: str) -> int:
    """Line breaks in a value as a reader counts them: \\r\\n, \\r or \\n."""
    return value.count("\n") + value.count("\r") - value.count("\r\n")


@given(survey_csv())
@settings(max_examples=300, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_rows_in_any_dialect_read_back_exactly(case):
    rows, dialect = case
    data = csv_bytes([HEADINGS, *rows], **dialect)
    # cp1252 bytes that happen to be valid UTF-8 as well are read as UTF-8, as they should be
    assume(dialect["encoding"] != "cp1252" or data.isascii() or not is_utf8(data))
    fmt, [sheet] = read_sheets(data)
    assert fmt == "csv"
    read = list(sheet.rows)
    # Each record sits at its own line: 1 + the lines taken by the records before it.
    expected_at, line = [], 1
    for record in [HEADINGS, *rows]:
        expected_at.append(line)
        line += 1 + sum(line_breaks(v) for v in record)
    assert [i + 1 for i, row in enumerate(read) if row] == expected_at
    assert [row for row in read if row] == [HEADINGS, *rows]
    assert sheet.delimiter == dialect["delimiter"]


# --- hostile names that fooled the delimiter guess ---------------------------------------------------------------
@pytest.mark.parametrize("quoting", QUOTING)
@pytest.mark.parametrize("delimiter", DELIMITERS)
def test_museum_names_that_look_like_sql_are_stored_verbatim(con, delimiter, quoting):
    """The held-back file read as semicolon-separated and rejected as having no survey header: a short
    survey whose names hold quotes and semicolons. Every name is stored exactly as written."""
    header = ["Museum name", "Country", "Collection digitised (%)"]
    rows = [[name, "AT", str(10 * i)] for i, name in enumerate(SQL_NAMES, start=1)]
    result = load_bytes(con, csv_bytes([header, *rows], delimiter=delimiter, quoting=QUOTING[quoting]),
                        "names.csv", wave="2025", user="test")
    assert result["status"] == "committed", [e["message"] for e in result["errors"]]
    with con.cursor() as cur:
        stored = cur.execute("SELECT museum_name, pct_digitised FROM responses ORDER BY source_row").fetchall()
    assert stored == [(name, 10.0 * i) for i, name in enumerate(SQL_NAMES, start=1)]


@pytest.mark.parametrize("lines_, delimiter", [
    pytest.param(["Museum survey 2025; wave 2", "", "Museum name;Country;Collection digitised (%)",
                  "Wien Museum;AT;45,5", "Grazer Stadtmuseum;AT;20,25"], ";", id="title-holds-the-delimiter"),
    pytest.param(["Museum name;Staff (FTE, paid);Country", "Wien Museum;12,5;AT", "Graz;3,0;AT"], ";",
                 id="heading-and-answers-hold-commas"),
    pytest.param(["Museum name,Country,Notes", "Wien Museum,AT,a; b; c; d; e", "Graz,AT,f; g; h; i; j"], ",",
                 id="every-answer-holds-semicolons"),
])
def test_the_delimiter_is_the_one_the_heading_row_and_its_answers_share(lines_, delimiter):
    _, [sheet] = read_sheets(("\r\n".join(lines_) + "\r\n").encode())
    assert sheet.delimiter == delimiter
    assert list(sheet.rows)[-2:] == [line.split(delimiter) for line in lines_[-2:]]


# --- broken text: an error at its line, nothing written -----------------------------------------------------------
GOOD = [HEADINGS, ["AT-1", "Wien Museum", "AT", "2025", "40", "10000"],
        ["AT-2", "Grazer Stadtmuseum", "AT", "2025", "20", "5000"],
        ["BE-1", "Museum aan de Stroom", "BE", "2025", "60", "7000"],
        ["FR-1", "Musée Carnavalet", "FR", "2025", "30", "8000"]]


def lines(rows: list[list]) -> list[str]:
    return [",".join(row) for row in rows]


def text(lines_: list[str]) -> bytes:
    return ("\r\n".join(lines_) + "\r\n").encode()


@pytest.mark.parametrize("column", range(len(HEADINGS)))
def test_a_quote_never_closed_is_an_error_at_its_line(con, column):
    """The held-back file: a quote opened in row 3 and never closed made the rest of the file one value,
    and the file was stored with 1 row."""
    rows = [list(row) for row in GOOD]
    rows[2][column] = '"' + rows[2][column]
    result = rejected(con, text(lines(rows)), "unclosed.csv")
    [error] = result["errors"]
    assert (error["rule"], error["row"]) == ("unreadable_file", 3)
    assert "Line 3 has a quote (\") that opens a value and is never closed" in error["message"]


def test_a_quote_closed_rows_later_is_an_error_at_its_line(con):
    """A stray quote in line 3 closed by another in line 4: the widths happen to match, so only the swallowed
    row's delimiters give it away."""
    rows = lines(GOOD)
    rows[2] = rows[2].replace("Grazer", '"Grazer')
    rows[3] = rows[3].replace("Museum aan", 'Museum" aan')
    result = rejected(con, text(rows), "late.csv")
    [error] = result["errors"]
    assert (error["rule"], error["row"], error["column"], error["cell"]) == (
        "quote_swallows_lines", 3, "Museum name", "B3")
    assert "runs from here to line 4" in error["message"]


def test_a_nul_byte_is_an_error_at_its_line(con):
    data = text(lines(GOOD)).replace(b"Grazer", b"Gra\x00zer").replace(b"Carnavalet", b"Carna\x00valet")
    result = rejected(con, data, "nul.csv")
    [error] = result["errors"]
    assert (error["rule"], error["row"]) == ("unreadable_file", 3)
    assert error["message"].startswith("Lines 3, 5 hold a NUL character")


def test_lines_with_too_few_or_too_many_values_are_errors_at_their_lines(con):
    rows = lines(GOOD)
    rows[1] = "AT-1,Wien Museum,AT"                                   # cut short
    rows[2] = "AT-2,Grazer Stadtmuseum,AT,2025,20,5,5000"            # 20,5: a decimal comma without quotes
    result = rejected(con, text(rows), "ragged.csv")
    found = [(e["rule"], e["row"], e["value"]) for e in result["errors"]]
    assert found == [("line_too_short", 2, "AT-1"), ("line_too_long", 3, "5000")]
    assert "Line 3 has 7 values where the heading row (line 1) has 6" in result["errors"][1]["message"]


def test_a_one_value_note_under_the_last_museum_is_left_out_with_a_warning(con):
    rows = [*lines(GOOD), "", "Source: ministry survey office", "Printed 3 March 2025"]
    result = load_bytes(con, text(rows), "notes.csv", user="test")
    assert result["status"] == "committed" and result["rows"] == len(lines(GOOD)) - 1
    [warning] = [w for w in result["warnings"] if w["rule"] == "note_under_table"]
    assert warning["row"] == len(lines(GOOD)) + 2


def test_a_one_value_line_between_museum_rows_is_a_row_cut_short(con):
    rows = lines(GOOD)
    rows.insert(2, "AT-9")
    assert [(e["rule"], e["row"]) for e in rejected(con, text(rows), "cut.csv")["errors"]] == [("line_too_short", 3)]


def test_trailing_empty_values_are_read_with_a_warning(con):
    rows = lines(GOOD)
    rows[1] += ",,"
    rows[3] += ","
    result = load_bytes(con, text(rows), "trailing.csv", user="test")
    assert result["status"] == "committed" and result["rows"] == 4
    [warning] = result["warnings"]
    assert (warning["rule"], warning["row"]) == ("trailing_empty_values", 2)
    assert warning["message"].startswith("Line(s) 2, 4 have a different number of values")


def test_quoted_values_with_line_breaks_keep_their_rows(con):
    rows = [list(row) for row in GOOD]
    rows[1][1] = "Wien Museum\r\n(Karlsplatz; Hermesvilla)"
    rows[3][1] = 'Museum "aan de Stroom",\nAntwerpen'
    result = load_bytes(con, csv_bytes(rows), "breaks.csv", user="test")
    assert result["status"] == "committed", [e["message"] for e in result["errors"]]
    with con.cursor() as cur:
        stored = cur.execute("SELECT source_row, museum_id FROM responses ORDER BY source_row").fetchall()
    assert stored == [(2, "AT-1"), (4, "AT-2"), (5, "BE-1"), (7, "FR-1")]


# --- failed formulas ----------------------------------------------------------------------------------------------
def workbook_with_error_cells() -> bytes:
    """An xlsx written by openpyxl: row i + 2 holds ERRORS[i] as an error cell, in the percent column for
    even i and in the money column for odd i."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Answers"
    sheet.append(HEADINGS)
    for i, shown in enumerate(ERRORS):
        sheet.append([f"AT-{i + 1}", f"Museum {i + 1}", "AT", "2025", 40, 1000])
        cell = sheet.cell(row=i + 2, column=5 if i % 2 == 0 else 6, value=shown)
        cell.data_type = "e"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_error_cells_in_xlsx_are_errors_naming_the_cell(con):
    result = rejected(con, workbook_with_error_cells(), "errors.xlsx")
    found = sorted((e["sheet"], e["row"], e["cell"], e["column"], e["value"]) for e in result["errors"])
    assert found == [("Answers", 2, "E2", "Collection digitised (%)", "#DIV/0!"),
                     ("Answers", 3, "F3", "Digital budget available (EUR a year)", "#N/A"),
                     ("Answers", 4, "E4", "Collection digitised (%)", "#VALUE!"),
                     ("Answers", 5, "F5", "Digital budget available (EUR a year)", "#REF!"),
                     ("Answers", 6, "E6", "Collection digitised (%)", "#NAME?"),
                     ("Answers", 7, "F7", "Digital budget available (EUR a year)", "#NUM!"),
                     ("Answers", 8, "E8", "Collection digitised (%)", "#NULL!")]
    assert {e["rule"] for e in result["errors"]} == {"formula_failed"}
    assert result["errors"][0]["message"].startswith(
        "The cell shows #DIV/0!: its formula failed (it divides by zero")


@pytest.mark.parametrize("build", [lambda rows: xls_bytes([("Answers", rows, False)]),
                                   lambda rows: ods_bytes(rows, sheet="Answers")], ids=["xls", "ods"])
def test_error_cells_in_xls_and_ods_are_errors_naming_the_cell(con, build):
    rows = [HEADINGS, ["AT-1", "Wien Museum", "AT", "2025", ErrorCell("#DIV/0!"), 1000],
            ["AT-2", "Grazer Stadtmuseum", "AT", "2025", 20, ErrorCell("#N/A")]]
    result = rejected(con, build(rows), "errors.bin")
    assert sorted((e["sheet"], e["cell"], e["value"], e["rule"]) for e in result["errors"]) == [
        ("Answers", "E2", "#DIV/0!", "formula_failed"), ("Answers", "F3", "#N/A", "formula_failed")]


@pytest.mark.parametrize("shown, words", [("#DIV/0!", "divides by zero"), ("#N/A", "looks up a value"),
                                          ("#WERT!", "calculates with text"), ("Err:502", "could not be calculated")])
def test_formula_errors_as_text_in_a_csv_are_errors_naming_the_cell(con, shown, words):
    rows = [list(row) for row in GOOD]
    rows[2][5] = shown
    result = rejected(con, csv_bytes(rows, delimiter=";"), "errors.csv")
    [error] = result["errors"]
    assert (error["row"], error["cell"], error["column"], error["value"], error["rule"]) == (
        3, "F3", "Digital budget available (EUR a year)", shown, "formula_failed")
    assert f"shows {shown}: its formula failed (it {words}" in error["message"]


def test_an_error_value_calamine_does_not_know_names_its_cell(con):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Answers"
    sheet.append(HEADINGS)
    sheet.append(["AT-1", "Wien Museum", "AT", "2025", 40, 1000])
    sheet["E2"] = "#SPILL!"
    sheet["E2"].data_type = "e"
    out = io.BytesIO()
    book.save(out)
    with pytest.raises(UnreadableFile, match=r"Sheet 'Answers', cell E2, shows #SPILL!: its formula failed"):
        read_sheets(out.getvalue())
    rejected(con, out.getvalue(), "spill.xlsx")


def test_the_cli_names_the_line_and_the_cell(tmp_path):
    rows = [list(row) for row in GOOD]
    rows[3][4] = "#DIV/0!"
    path = tmp_path / "errors.csv"
    path.write_bytes(csv_bytes(rows))
    done = subprocess.run([sys.executable, "-m", "analysis", "load", str(path), "--db", str(tmp_path / "cli.duckdb")],
                          capture_output=True, text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                          timeout=120)
    assert done.returncode == 1
    assert ("ERROR [formula_failed] CSV, row 4, column 'Collection digitised (%)': The cell shows #DIV/0!: its "
            "formula failed") in done.stdout
