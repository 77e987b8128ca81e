"""Text files in the encodings and delimiters analysts actually send, and formats told apart by content."""

import pytest

from analysis.reading.formats import read_sheets, sniff_format
from analysis.reading.grid import UnreadableFile

ROWS = [["Museum name", "Country", "Collection digitised (%)"], ["Musée d'Orsay", "France", "45,5"],
        ["Österreichisches Museum", "Österreich", "12"]]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"])
@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_csv_encodings_and_delimiters(encoding, delimiter):
    text = "\r\n".join(delimiter.join(f'"{c}"' if delimiter in c else c for c in row) for row in ROWS)
    fmt, [sheet] = read_sheets(text.encode(encoding))
    assert fmt == "csv"
    assert sheet.rows == ROWS


def test_quoted_field_spanning_lines_keeps_row_numbers():
    text = 'Museum name,Country\n"Line one\nline two",FR\nSecond,DE\n'
    _, [sheet] = read_sheets(text.encode())
    assert sheet.rows[1] == ["Line one\nline two", "FR"]
    assert sheet.rows[3] == ["Second", "DE"]          # line 4 of the file


@pytest.mark.parametrize("data, words", [
    (b"", "empty"), (b"\x89PNG\r\n\x1a\n....", "PNG image"), (b"%PDF-1.7", "PDF"),
    (b"PK\x03\x04broken", "damaged"),
])
def test_not_a_spreadsheet(data, words):
    with pytest.raises(UnreadableFile, match=words):
        sniff_format(data)


def _workbook(cells: dict[str, object], merged: str | None = None) -> bytes:
    """A one-sheet xlsx written by openpyxl with the given cells (reference -> value)."""
    import io

    import openpyxl
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Survey"
    for ref, value in cells.items():
        sheet[ref] = value
        if isinstance(value, str) and value.isdigit():
            sheet[ref].number_format = "@"                 # stored as text, the way Excel keeps '007'
    if merged:
        sheet.merge_cells(merged)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_workbook_cells_keep_their_type_and_position():
    """A table that starts at C4 under a title in B2: rows[i][j] is still Excel row i+1, column j+1, and each
    cell reads back as python-calamine gives it (numbers as floats, text as text, dates as dates)."""
    import datetime as dt
    data = _workbook({"B2": "Museum survey 2025", "C4": "Museum ID", "D4": "Staff (FTE)", "E4": "Date",
                      "F4": "Has a CMS", "C5": "007", "D5": 1.234, "E5": dt.datetime(2025, 3, 1), "F5": True,
                      "C6": "AT-1", "D6": 0.125, "E6": dt.datetime(2025, 3, 2, 14, 30)}, merged="C6:C7")
    fmt, [sheet] = read_sheets(data)
    assert fmt == "xlsx"
    assert len(sheet.rows) == 6
    assert sheet.rows[1] == ["", "Museum survey 2025", "", "", "", ""]
    assert sheet.rows[4] == ["", "", "007", 1.234, dt.date(2025, 3, 1), True]
    assert sheet.rows[5] == ["", "", "AT-1", 0.125, dt.datetime(2025, 3, 2, 14, 30), ""]
    assert sheet.merged == [((5, 2), (6, 2))]
    assert sheet.column(3).to_pylist() == [None, None, None, "Staff (FTE)", "1.234", "0.125"]
    assert [row[:2] for row in sheet.rows[2:4]] == [["", ""], ["", ""]]


def test_workbook_numbers_are_read_exactly_and_errors_point_at_the_right_cell():
    """A number cell 1.234 is 1.234 (only typed text may use '.' for thousands), text '007' keeps its
    zeros, and a bad answer in a table that starts at column C is reported at its own cell."""
    from analysis.parsing.sheets import parse_upload
    data = _workbook({"C3": "Museum ID", "D3": "Museum name", "E3": "Country", "F3": "Paid staff (FTE)",
                      "G3": "Collection digitised (%)",
                      "C4": "007", "D4": "Musée A", "E4": "FR", "F4": 1.234, "G4": 45,
                      "C5": "AT-1", "D5": "Museum B", "E5": "AT", "F5": 0.125, "G5": "lots"})
    parsed = parse_upload(data, "survey.xlsx", wave="2025")
    assert parsed.frame["museum_id"].tolist() == ["007", "AT-1"]
    assert parsed.frame["staff_paid_fte"].tolist() == [1.234, 0.125]
    assert parsed.frame["_row"].tolist() == [4, 5]
    [error] = parsed.report.errors
    assert (error.rule, error.cell, error.row, error.column, error.value) == (
        "not_a_number", "G5", 5, "Collection digitised (%)", "lots")


def test_text_file_decimals_are_read_as_typed():
    """In a text file '1.234' may be one thousand two hundred and thirty-four (a person typed it), but
    '0.125' and '12.5' cannot be."""
    from analysis.parsing.sheets import parse_upload
    text = ("Museum ID,Museum name,Country,Paid staff (FTE),Collection objects\n"
            "A-1,Museum A,FR,0.125,1.234\nA-2,Museum B,FR,12.5,\n")
    parsed = parse_upload(text.encode(), "survey.csv", wave="2025")
    assert parsed.frame["staff_paid_fte"].tolist() == [0.125, 12.5]
    assert parsed.frame["collection_objects"].tolist()[0] == 1234
