"""Text files in the encodings and delimiters analysts actually send, and formats told apart by content."""

import pytest

from analysis.readers import UnreadableFile, read_sheets, sniff_format

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
