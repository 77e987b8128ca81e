"""Hostile inputs: every file here either is refused with a message that names the problem in plain words
and writes nothing (uploads and responses unchanged), or is loaded with exactly the values it holds (and a
warning or note where something was reinterpreted).

Every fixture is generated in code (tests/hostile/conftest.py).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import tracemalloc

import pytest

from analysis import limits
from analysis.loading.upload import load_bytes
from analysis.reading import formats, sandbox, text, workbook
from analysis.reading.formats import read_sheets
from analysis.reading.grid import UnreadableFile
from tests.conftest import ROOT
from tests.hostile.conftest import (GOOD_ROWS, HEADER, DateCell, Formula, cfb_bytes, counts, csv_text,
                                    encrypted_xlsx_bytes, ods_bytes, part, repeated_part, sheet_xml, xls_bytes,
                                    xlsx_bytes, xlsx_parts, zip_bytes)

SHEET_END = b"</sheetData></worksheet>"


def refused(con, data: bytes, filename: str, *words: str) -> dict:
    """Load `data`; it must be rejected, write nothing, and say `words` (case-insensitive) in its errors."""
    before = counts(con)
    result = load_bytes(con, data, filename, user="hostile")
    assert result["status"] == "rejected", result
    assert counts(con) == before, "a rejected file wrote to the store"
    text = " ".join(e["message"] for e in result["errors"])
    assert result["errors"] and "Traceback" not in text
    for word in words:
        assert word.lower() in text.lower(), text
    return result


def loaded(con, data: bytes, filename: str, rows: int) -> dict:
    """Load `data`; it must be committed with `rows` museum rows, all of them stored."""
    before = counts(con)
    result = load_bytes(con, data, filename, user="hostile")
    assert result["status"] == "committed", [e["message"] for e in result["errors"]]
    assert result["rows"] == rows
    assert counts(con) == (before[0] + 1, before[1] + rows)
    return result


def stored(con, upload_id: int, column: str) -> list:
    with con.cursor() as cur:
        return [v for (v,) in cur.execute(f"SELECT {column} FROM responses WHERE upload_id = ? ORDER BY source_row",
                                          [upload_id]).fetchall()]


def row(**cells) -> list:
    """One museum row in HEADER order; c4=... sets column 4 (0-based)."""
    values = ["AT-9", "Test Museum", "AT", "2025", 40, 1000, 10_000, 100_000]
    for key, value in cells.items():
        values[int(key[1:])] = value
    return values


def without_end(xml: bytes) -> bytes:
    assert xml.endswith(SHEET_END)
    return xml[: -len(SHEET_END)]


def workbook_with(extra_sheet_xml: bytes) -> bytes:
    """The good survey plus raw rows appended to its sheet XML."""
    return zip_bytes(xlsx_parts([("Survey", without_end(sheet_xml([HEADER, *GOOD_ROWS])) + extra_sheet_xml
                                  + SHEET_END, "visible")]))


@pytest.fixture
def no_parsing(monkeypatch):
    """Fail the test if this process parses the workbook, decodes the text or uses what a parsing child read:
    the checks must refuse the file first. A child that started parsing side by side must be stopped."""
    def must_not_run(*args, **kwargs):
        raise AssertionError("the file was parsed: the limit was not checked before parsing")
    for module, name in ((workbook, "read_workbook"), (sandbox, "_child_sheets"), (text, "decode_text")):
        monkeypatch.setattr(module, name, must_not_run)
    children, popen = [], subprocess.Popen

    def watched(*args, **kwargs):
        children.append(popen(*args, **kwargs))
        return children[-1]
    monkeypatch.setattr(sandbox.subprocess, "Popen", watched)
    yield
    assert all(child.poll() is not None for child in children), "a parsing child was left running"


CALAMINE_IN_A_BOX = """
import io, resource, sys
resource.setrlimit(resource.RLIMIT_AS, (3 * 2**30, 3 * 2**30))
import python_calamine
book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(sys.stdin.buffer.read()))
for name in book.sheet_names:
    book.get_sheet_by_name(name).to_python()
print("survived")
"""


def calamine_alone(data: bytes) -> subprocess.CompletedProcess:
    """python-calamine on `data` with no guard, in a child limited to 3 GB: what the app would do without one."""
    return subprocess.run([sys.executable, "-c", CALAMINE_IN_A_BOX], input=data, capture_output=True, timeout=120)


# --- not a spreadsheet at all ------------------------------------------------------------------------------------
def test_empty_csv(seeded):
    refused(seeded, b"", "answers.csv", "empty")


def test_zero_byte_xlsx(seeded):
    refused(seeded, b"", "survey.xlsx", "empty", "0 bytes")


def test_png_renamed_xlsx(seeded):
    refused(seeded, b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "survey.xlsx", "PNG image, not a spreadsheet")


def test_truncated_zip(seeded):
    data = xlsx_bytes()
    refused(seeded, data[: len(data) // 2], "survey.xlsx", "damaged or truncated")


def test_word_document_in_an_ole2_container(seeded):
    refused(seeded, cfb_bytes({"WordDocument": b"\xec\xa5" + b"\x00" * 200}), "survey.xls", "Word document")


def test_zip_with_too_many_parts(seeded):
    data = zip_bytes(xlsx_parts([("Survey", sheet_xml([HEADER, *GOOD_ROWS]), "visible")])
                     + [(f"xl/media/image{i}.png", b"") for i in range(10_001)])
    refused(seeded, data, "survey.xlsx", "10,007 parts", "limit of 10,000")


# --- built to exhaust memory or crash the reader -------------------------------------------------------------
def test_zip_bomb_declaring_a_huge_size(seeded, no_parsing):
    parts = xlsx_parts([("Survey", sheet_xml([HEADER, *GOOD_ROWS]), "visible")])
    name, xml = parts[-1]
    bomb = part(name, xml, declared=4_000_000_000)            # the directory says 4 GB
    refused(seeded, zip_bytes(parts[:-1] + [bomb]), "bomb.xlsx", "would unpack to", "MB, more than the limit")


@pytest.mark.slow
def test_zip_whose_declared_sizes_lie(seeded, no_parsing):
    """Declared 5,000 bytes, inflates to 600 MB: refused as soon as the inflated bytes pass the declared size,
    before python-calamine sees it, without inflating the rest."""
    head = without_end(sheet_xml([HEADER, *GOOD_ROWS]))
    liar = repeated_part("xl/worksheets/sheet1.xml", head, b"<row/>" * 100_000, 1000, SHEET_END, declared=5_000)
    assert liar.size > 600_000_000 and len(liar.compressed) < 3_000_000
    data = zip_bytes(xlsx_parts([("Survey", b"", "visible")])[:-1] + [liar])
    tracemalloc.start()
    started = time.perf_counter()
    try:
        refused(seeded, data, "liar.xlsx", "unpacks to more than the 5,000 bytes its zip directory declares")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert time.perf_counter() - started < 10
    assert peak < 64 * 2**20, f"{peak / 2**20:.0f} MB allocated"


@pytest.mark.slow
def test_calamine_really_aborts_on_a_stray_cell_at_xfd1048576():
    """Why the guard exists: python-calamine allocates every cell up to the last one used and aborts the
    whole process (SIGABRT, nothing to catch) when that is XFD1048576."""
    done = calamine_alone(xlsx_bytes(extra_cells={"XFD1048576": "x"}))
    assert done.returncode == -6, (done.returncode, done.stdout, done.stderr[-500:])
    assert b"memory allocation of" in done.stderr and b"survived" not in done.stdout


def test_one_stray_cell_at_xfd1048576(seeded, no_parsing):
    refused(seeded, xlsx_bytes(extra_cells={"XFD1048576": "oops"}), "stray.xlsx",
            "Sheet 'Survey' has something in cell XFD1048576", "Ctrl+End")


@pytest.mark.parametrize("cell", [
    pytest.param(b'<row r="9"><c r = "XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>', id="spaces-around-="),
    pytest.param(b"<row r='9'><c r='XFD1048576' t='inlineStr'><is><t>x</t></is></c></row>", id="single-quotes"),
    pytest.param(b'<row r="9"><c\nr="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>', id="newline-before-r"),
    pytest.param(b'<row r="9"><c r="xfd1048576" t="inlineStr"><is><t>x</t></is></c></row>', id="lower-case"),
    pytest.param(b'<row r="9"><c t="inlineStr" r="XFD1048576"><is><t>x</t></is></c></row>', id="r-not-first"),
    pytest.param(b'<row r="1048576"><c t="n"><v>1</v></c></row><row r="20">' + b'<c t="n"><v>1</v></c>' * 16384
                 + b"</row>", id="cells-without-references"),
])
def test_stray_cell_written_oddly(seeded, cell):
    """The same stray cell in the other ways XML allows: each one aborts python-calamine (checked by hand in a
    child, see STACK-NOTES H). The reference check names the cell when it can; the memory-limited child that
    parses every workbook catches the rest. Either way: refused, in words, and this process lives on."""
    result = refused(seeded, workbook_with(cell), "stray.xlsx")
    text = result["errors"][0]["message"]
    assert "stray entry" in text and ("XFD1048576" in text or "more memory" in text or "outside the area" in text), text


@pytest.mark.slow
def test_calamine_really_aborts_on_a_crafted_xls_dimensions_record():
    done = calamine_alone(xls_bytes(dimensions=(0xFFFFFFFF, 0xFFFF)))
    assert done.returncode == -6 and b"memory allocation of" in done.stderr, done.stderr[-500:]


def test_xls_whose_dimensions_record_claims_billions_of_cells(seeded):
    refused(seeded, xls_bytes(dimensions=(0xFFFFFFFF, 0xFFFF)), "crafted.xls", "more memory to open than the limit")


def test_xls_with_a_stray_cell_far_right(seeded):
    refused(seeded, xls_bytes(extra_cells={(65535, 65535): "x"}), "stray.xls", "more memory", "Ctrl+End")


def test_billion_laughs_in_the_sheet_xml(seeded, no_parsing):
    entities = '<!ENTITY a "lollollollol">' + "".join(
        f'<!ENTITY {chr(98 + i)} "' + f"&{chr(97 + i)};" * 10 + '">' for i in range(9))
    prolog = f'<?xml version="1.0"?>\n<!DOCTYPE worksheet [{entities}]>\n'
    data = xlsx_bytes([HEADER, row(c1="&j;")], prolog=prolog)
    refused(seeded, data, "laughs.xlsx", "declares XML entities", "document type declaration")


def test_encrypted_xlsx(seeded):
    refused(seeded, encrypted_xlsx_bytes(), "secret.xlsx", "password-protected", "remove the password")


def test_password_protected_xls(seeded):
    refused(seeded, xls_bytes(filepass=True), "secret.xls", "password-protected")


def test_ten_thousand_columns_xlsx(seeded, no_parsing):
    wide = [HEADER + [f"Extra {i}" for i in range(10_000 - len(HEADER))], row()]
    refused(seeded, xlsx_bytes(wide), "wide.xlsx", "outside the area a survey may use", "500 columns")


def test_ten_thousand_columns_csv(seeded):
    wide = [HEADER + [f"Extra {i}" for i in range(10_000 - len(HEADER))], row()]
    refused(seeded, csv_text(wide).encode(), "wide.csv", "10,000 columns", "limit of 500")


@pytest.mark.slow
def test_a_million_rows_xlsx_is_refused_before_parsing(seeded, no_parsing):
    body = b"".join(b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>M</t></is></c><c r="E%d"><v>40</v></c></row>'
                    % (i, i, i) for i in range(2, 1_000_002))
    data = zip_bytes(xlsx_parts([("Survey", without_end(sheet_xml([HEADER])) + body + SHEET_END, "visible")]))
    del body
    assert len(data) < 50 * 2**20
    tracemalloc.start()
    started = time.perf_counter()
    try:
        refused(seeded, data, "million.xlsx", "outside the area a survey may use", "200,040 rows", "split it")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert time.perf_counter() - started < 15
    assert peak < 64 * 2**20, f"{peak / 2**20:.0f} MB allocated before refusing"


@pytest.mark.slow
def test_a_million_rows_csv_is_refused_before_decoding(seeded, no_parsing):
    data = csv_text([HEADER]).encode() + b"AT-1,Wien Museum,AT,2025,40,1000,1,1\r\n" * 1_000_000
    tracemalloc.start()
    started = time.perf_counter()
    try:
        refused(seeded, data, "million.csv", "1,000,001 lines", "limit of 200,000 survey rows")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert time.perf_counter() - started < 10
    assert peak < 16 * 2**20, f"{peak / 2**20:.0f} MB allocated before refusing"


def test_the_dimension_element_is_not_trusted(seeded):
    """A <dimension> claiming A1:XFD1048576 over three real rows is harmless (python-calamine reads the cells,
    not the claim) and is not a reason to refuse."""
    loaded(seeded, xlsx_bytes(head='<dimension ref="A1:XFD1048576"/>'), "dimension.xlsx", 3)


# --- sheets that parse but whose content is wrong -------------------------------------------------------------
def test_duplicate_headers(seeded):
    data = xlsx_bytes([HEADER + ["Museum name"], GOOD_ROWS[0] + ["Other"], GOOD_ROWS[1] + ["Else"]])
    refused(seeded, data, "dupes.xlsx", "Columns 'Museum name' (B) and 'Museum name' (I) both look like")


def test_headers_only(seeded):
    refused(seeded, xlsx_bytes([HEADER]), "empty-survey.xlsx", "no museum rows were found")


def test_1e308_in_a_money_field(seeded):
    result = refused(seeded, xlsx_bytes([HEADER, row(c6=1e308)]), "huge.xlsx", "implausibly large")
    assert result["errors"][0]["row"] == 2 and result["errors"][0]["column"] == HEADER[6]


@pytest.mark.parametrize("text", ["inf", "-Infinity", "Infinity"])
def test_infinity_strings_in_a_number_field(seeded, text):
    result = refused(seeded, xlsx_bytes([HEADER, row(c7=text)]), "inf.xlsx", f"'{text}' is not a number")
    assert result["errors"][0]["cell"] == "H2"


def test_nan_string_in_a_number_field_is_flagged(seeded):
    result = load_bytes(seeded, xlsx_bytes([HEADER, row(c4="NaN")]), "nan.xlsx")
    findings = result["errors"] + result["warnings"]
    assert any("NaN" in f["message"] for f in findings), findings


def test_nan_string_is_never_stored_as_a_number(seeded):
    result = load_bytes(seeded, xlsx_bytes([HEADER, row(c4="NaN")]), "nan.xlsx")
    if result["status"] == "committed":
        assert stored(seeded, result["upload_id"], "pct_digitised") == [None]


def test_negative_money(seeded):
    result = refused(seeded, xlsx_bytes([HEADER, row(c6=-5000)]), "negative.xlsx", "-5000", "at least 0")
    assert result["errors"][0]["cell"] == "G2"


def test_negative_money_is_reported_as_a_negative_amount(seeded):
    result = load_bytes(seeded, xlsx_bytes([HEADER, row(c6=-5000)]), "negative.xlsx")
    assert result["errors"][0]["rule"] == "negative_amount"


def test_percent_over_100(seeded):
    refused(seeded, xlsx_bytes([HEADER, row(c4=150)]), "pct.xlsx", "150 is outside 0–100")


def test_text_in_a_number_field(seeded):
    refused(seeded, xlsx_bytes([HEADER, row(c5="about a thousand")]), "text.xlsx",
            "'about a thousand' is not a number")


def test_formula_whose_cached_value_is_text_in_a_number_field(seeded):
    """The value Excel cached for the formula is what is checked (and named), not the formula."""
    refused(seeded, xlsx_bytes([HEADER, row(c7=Formula("B2&\"!\"", "Test Museum!"))]), "formula.xlsx",
            "'Test Museum!' is not a number")


def test_merged_cells_across_data_rows_count_for_each_row(seeded):
    """Excel shows AT on rows 2-4 of a merged C2:C4: each museum gets it, and a warning names the range."""
    rows = [HEADER, row(c0="AT-1"), row(c0="AT-2", c2=None), row(c0="AT-3", c2=None)]
    result = loaded(seeded, xlsx_bytes(rows, merged=["C2:C4"]), "merged.xlsx", 3)
    assert stored(seeded, result["upload_id"], "country") == ["AT", "AT", "AT"]
    assert [w["rule"] for w in result["warnings"]] == ["merged_cells"]


def test_merged_cells_across_data_rows_are_named(seeded):
    rows = [HEADER, row(c0="AT-1"), row(c0="AT-2", c2=None), row(c0="AT-3", c2=None)]
    result = load_bytes(seeded, xlsx_bytes(rows, merged=["C2:C4"]), "merged.xlsx")
    findings = result["errors"] + result["warnings"]
    assert any("merged" in f["message"].lower() and "C2:C4" in f["message"] for f in findings), findings


def test_the_cell_limit_applies_to_load_bytes_too(seeded, monkeypatch):
    monkeypatch.setattr(limits, "MAX_CELLS", 10)                 # the good survey holds 30 cells
    refused(seeded, xlsx_bytes(), "cells.xlsx", "cells")


def test_two_files_at_once_one_bad(tmp_path):
    """The CLI with a good and a bad file: the good one commits, the bad one writes nothing, exit status 1."""
    good, bad = tmp_path / "good.xlsx", tmp_path / "bad.xlsx"
    good.write_bytes(xlsx_bytes())
    bad.write_bytes(xlsx_bytes(extra_cells={"XFD1048576": "x"}))
    db = tmp_path / "cli.duckdb"
    done = subprocess.run([sys.executable, "-m", "analysis", "load", str(good), str(bad), "--db", str(db), "--json"],
                          capture_output=True, text=True, timeout=180, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 1, done.stderr
    files = json.loads(done.stdout)["files"]
    assert [(f["file"], f["status"], f["rows"]) for f in files] == [("good.xlsx", "committed", 3),
                                                                     ("bad.xlsx", "rejected", 0)]
    assert "XFD1048576" in files[1]["errors"][0]["message"]
    from analysis.store import open_store
    con = open_store(db)
    try:
        assert counts(con) == (1, 3)
        assert con.execute("SELECT filename, rows FROM uploads").fetchall() == [("good.xlsx", 3)]
    finally:
        con.close()


# --- odd but valid: loaded, with exactly the values written -----------------------------------------------------
def test_xlsm_with_macros_is_read_and_its_macros_never_run(seeded):
    data = xlsx_bytes(vba=True)
    assert formats.sniff_format(data) == "xlsm"
    result = loaded(seeded, data, "macros.xlsm", 3)
    assert stored(seeded, result["upload_id"], "museum_name") == [r[1] for r in GOOD_ROWS]


def test_xls_generated_in_code(seeded):
    result = loaded(seeded, xls_bytes(), "legacy.xls", 3)
    assert result["format"] == "xls"
    assert stored(seeded, result["upload_id"], "pct_digitised") == [40, 20, 60]


def test_ods_generated_in_code(seeded):
    result = loaded(seeded, ods_bytes(), "libre.ods", 3)
    assert result["format"] == "ods"
    assert stored(seeded, result["upload_id"], "collection_objects") == [1000, 3000, None]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "cp1252", "utf-8-sig"])
def test_csv_encodings(seeded, encoding):
    rows = [HEADER, row(c0="FR-1", c1="Musée d’Orsay", c2="France"), row(c0="DE-1", c1="Städel Museum", c2="DE")]
    if encoding == "cp1252":
        rows[1][1] += " €"
    result = loaded(seeded, csv_text(rows, delimiter=";").encode(encoding), "answers.csv", 2)
    assert stored(seeded, result["upload_id"], "museum_name") == [rows[1][1], rows[2][1]]


def test_csv_with_a_bom_keeps_the_first_heading(seeded):
    result = loaded(seeded, b"\xef\xbb\xbf" + csv_text().encode(), "bom.csv", 3)
    assert [m for m in result["mapping"] if m["field"] == "museum_id"][0]["column"] == "Museum ID"


def test_csv_with_nul_bytes(seeded):
    """A NUL byte is never part of a text file: which values it cut cannot be known, so the file is refused,
    naming the line (Wien Museum is on line 2)."""
    data = csv_text().encode().replace(b"Wien", b"Wi\x00en")
    result = refused(seeded, data, "nul.csv", "Line 2 holds a NUL character")
    assert result["errors"][0]["row"] == 2


def test_csv_with_mixed_line_endings(seeded):
    lines = [",".join(HEADER[:5]), "AT-1,Wien Museum,AT,2025,40", "AT-2,Grazer Stadtmuseum,AT,2025,20",
             "BE-1,Museum aan de Stroom,BE,2025,60"]
    data = (lines[0] + "\r\n" + lines[1] + "\n" + lines[2] + "\r" + lines[3] + "\n").encode()
    result = loaded(seeded, data, "eol.csv", 3)
    assert stored(seeded, result["upload_id"], "pct_digitised") == [40, 20, 60]
    assert stored(seeded, result["upload_id"], "source_row") == [2, 3, 4]


def test_semicolons_and_decimal_commas(seeded):
    rows = [HEADER[:5], ["AT-1", "Wien Museum", "AT", "2025", "45,5"], ["AT-2", "Graz", "AT", "2025", "20,25"]]
    result = loaded(seeded, csv_text(rows, delimiter=";").encode(), "semicolon.csv", 2)
    assert stored(seeded, result["upload_id"], "pct_digitised") == [45.5, 20.25]


def test_formula_cells_use_the_cached_values_and_are_noted(seeded):
    data = xlsx_bytes([HEADER, row(c4=Formula("20*2", 40), c5=Formula("SUM(J1:J9)", 1000))])
    result = loaded(seeded, data, "formulas.xlsx", 1)
    assert stored(seeded, result["upload_id"], "pct_digitised") == [40]
    assert stored(seeded, result["upload_id"], "collection_objects") == [1000]
    assert any("2 cell(s) hold formulas" in note for note in result["notes"]), result["notes"]


def test_formula_cells_are_a_warning(seeded):
    data = xlsx_bytes([HEADER, row(c4=Formula("20*2", 40))])
    result = load_bytes(seeded, data, "formulas.xlsx")
    assert any("formula" in w["message"].lower() for w in result["warnings"]), result["warnings"]


def test_excel_date_serial_in_a_number_field(seeded):
    result = loaded(seeded, xlsx_bytes([HEADER, row(c6=DateCell(45658))]), "date.xlsx", 1)
    assert stored(seeded, result["upload_id"], "digital_budget_available_eur") == [45658]
    [warning] = [w for w in result["warnings"] if w["rule"] == "date_formatted_number"]
    assert warning["row"] == 2 and "formatted as a date (01/01/2025)" in warning["message"]


@pytest.mark.parametrize("name", [
    pytest.param("<script>alert('pwned')</script>", id="script-tag"),
    pytest.param('<img src=x onerror="alert(1)">', id="html-attribute"),
    pytest.param("=HYPERLINK(\"http://evil.example\",\"click\")", id="formula-injection-text"),
    pytest.param("Robert'); DROP TABLE responses;--", id="sql-drop"),
    pytest.param("1' OR '1'='1'; --", id="sql-or"),
    pytest.param("Muzeum 🏛️ Łódź 👩‍🎨", id="emoji-zwj"),
    pytest.param("متحف الفن الحديث", id="rtl-arabic"),
    pytest.param("מוזיאון ישראל \u202eevil\u202c", id="rtl-override"),
    pytest.param("Cafe\u0301 Mu\u0308seum Z\u0351\u0352a\u035c", id="combining-marks"),
])
def test_hostile_names_are_stored_verbatim(seeded, name):
    result = loaded(seeded, xlsx_bytes([HEADER, row(c1=name)]), "names.xlsx", 1)
    assert stored(seeded, result["upload_id"], "museum_name") == [name]
    with seeded.cursor() as cur:
        assert cur.execute("SELECT count(*) FROM responses").fetchone()[0] == 4      # still there, 3 + 1


def test_leading_apostrophe_before_a_number(seeded):
    """Excel's 'force text' apostrophe: '40 is the number 40."""
    result = loaded(seeded, xlsx_bytes([HEADER, row(c4="'40", c5="'1000")]), "apostrophe.xlsx", 1)
    assert stored(seeded, result["upload_id"], "pct_digitised") == [40]
    assert stored(seeded, result["upload_id"], "collection_objects") == [1000]


@pytest.mark.parametrize("name", ["'s-Hertogenbosch Stedelijk Museum", "' OR '1'='1"])
def test_leading_apostrophe_in_a_name_is_kept(seeded, name):
    result = loaded(seeded, xlsx_bytes([HEADER, row(c1=name)]), "apostrophe.xlsx", 1)
    assert stored(seeded, result["upload_id"], "museum_name") == [name]


def test_hidden_sheet_is_skipped(seeded):
    data = zip_bytes(xlsx_parts([("Survey", sheet_xml([HEADER, row()]), "visible"),
                                 ("Old answers", sheet_xml([HEADER, row(c0="AT-5", c1="Old")]), "hidden")]))
    result = loaded(seeded, data, "hidden-sheet.xlsx", 1)
    assert result["sheets"]["skipped"] == {"Old answers": "hidden sheet"}
    assert stored(seeded, result["upload_id"], "museum_id") == ["AT-9"]


def test_hidden_rows_are_read_and_noted(seeded):
    data = xlsx_bytes([HEADER, row(c0="AT-1"), row(c0="AT-2"), row(c0="AT-3")], hidden_rows=[3])
    result = loaded(seeded, data, "hidden-rows.xlsx", 3)
    assert any("row(s) 3 are hidden in Excel" in note for note in result["notes"]), result["notes"]


def test_hidden_rows_are_a_warning(seeded):
    data = xlsx_bytes([HEADER, row(c0="AT-1"), row(c0="AT-2")], hidden_rows=[3])
    result = load_bytes(seeded, data, "hidden-rows.xlsx")
    assert any(w["row"] == 3 and "hidden" in w["message"] for w in result["warnings"]), result["warnings"]


# --- the reader on its own ----------------------------------------------------------------------------------------
def test_read_sheets_refuses_in_plain_words_without_a_store():
    for data, words in ((b"", "empty"), (encrypted_xlsx_bytes(), "password-protected"),
                        (xlsx_bytes(extra_cells={"XFD1048576": 1}), "XFD1048576")):
        with pytest.raises(UnreadableFile, match=words):
            read_sheets(data)


def test_unusual_zip_compression_is_refused(seeded):
    parts = xlsx_parts([("Survey", sheet_xml([HEADER, *GOOD_ROWS]), "visible")])
    name, xml = parts[-1]
    odd = part(name, xml, stored=True)
    odd.method = 12                                      # bzip2: not what Excel or LibreOffice write
    refused(seeded, zip_bytes(parts[:-1] + [odd]), "bzip.xlsx", "compressed with a method")
