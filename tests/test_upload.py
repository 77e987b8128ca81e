"""The analyst's upload workflow through the real entrypoint (AppTest), plus the upload service it rests on
(analysis.loading.upload): its stages, saved mappings, limits checked before reading, retraction on the
history page.

Workbooks are built here with openpyxl. Expected values are worked out by hand from the rows written.
AppTest runs in this process, so the store the page opened (ui.state caches one connection per path) is
read back through a second connection to the same file: DuckDB shares the database instance in-process.
"""

from __future__ import annotations

import getpass
import hashlib
import json
from pathlib import Path

import openpyxl
import pytest
from streamlit.testing.v1 import AppTest

from analysis import accounts, limits
from analysis.parsing.sheets import parse_upload
from analysis.loading import mappings, upload
from analysis.loading.upload import load_bytes, load_file, receive
from analysis.reading.formats import read_sheets
from analysis.store import connect, open_store
from tests.conftest import ROOT, in_language, small_survey, write_xlsx

APP = str(ROOT / "app.py")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
BUDGET = "Digital budget available (EUR a year)"

# "Q7" is how a survey tool exports question 7 (here: the digital budget). Nothing maps it automatically.
ODD_HEADER = ["Museum name", "Country", "Survey wave", "Collection digitised (%)", "Q7"]


def odd_survey(path: Path, rows: list[list]) -> bytes:
    return write_xlsx(path, [ODD_HEADER, *rows]).read_bytes()


@pytest.fixture
def db(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "upload.duckdb"
    monkeypatch.setenv("MUSEUM_DB", str(path))
    return path


def query(db: Path, sql: str, params: list | None = None) -> list[tuple]:
    con = connect(db)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def open_page(page: str, signed_in_as: str | None = None, role: str = "analyst") -> AppTest:
    """The page through the entrypoint; with `signed_in_as`, as that account (ui.auth accounts mode),
    otherwise in local open mode."""
    at = AppTest.from_file(APP, default_timeout=60)
    if signed_in_as:
        at.secrets["accounts"] = {signed_in_as: {"password_hash": accounts.hash_password("pw", iterations=1000),
                                                 "role": role}}
    at.run()
    if signed_in_as:                                           # through the sidebar's sign-in form
        at.text_input(key="sign-in-user").input(signed_in_as)
        at.text_input(key="sign-in-password").input("pw")
        button(at, "Sign in").click().run()
    at.switch_page(page).run()
    assert not at.exception
    return at


def local_user() -> str:
    """Who the audit trail names in local open mode (no sign-in configured): the account running the app."""
    return f"{getpass.getuser()} (local)"


def button(at: AppTest, label: str):
    matches = [b for b in at.button if b.label == label]
    assert matches, f"no button {label!r} among {[b.label for b in at.button]}"
    return matches[0]


def check(at: AppTest, *files: tuple[str, bytes]) -> AppTest:
    for name, data in files:
        at.file_uploader(key="upload-files").upload(name, data, XLSX)
    button(at, "Check files").click().run()
    assert not at.exception, at.exception
    return at


def set_mapping(at: AppTest, heading: str, choice: str) -> AppTest:
    """Change one 'Stored as' cell of the mapping editor, as a click in the table would."""
    editor = at.data_editor[0]
    table = editor.value
    row = int(table.index[table["Heading in the file"] == heading][0])
    at.session_state[editor.key] = {"edited_rows": {row: {"Stored as": choice}}, "added_rows": [],
                                    "deleted_rows": []}
    at.run()
    assert not at.exception, at.exception
    return at


def mapping_row(at: AppTest, heading: str) -> dict:
    table = at.data_editor[0].value
    return table[table["Heading in the file"] == heading].iloc[0].to_dict()


def table_with(at: AppTest, *columns: str):
    """The first table on the page that has these columns."""
    return next(t.value for t in at.dataframe if set(columns) <= set(t.value.columns))


def texts(elements) -> str:
    return "\n".join(e.value for e in elements)


# --- the whole workflow ---------------------------------------------------------------------------------
def test_map_an_unknown_column_then_commit_stores_exactly_those_rows(db, tmp_path):
    data = odd_survey(tmp_path / "odd.xlsx", [["Wien Museum", "AT", "2025", 40, 10_000],
                                              ["Grazer Stadtmuseum", "AT", "2025", 20, 5_000]])
    at = check(open_page("views/upload.py", signed_in_as="ana"), ("odd.xlsx", data))

    q7 = mapping_row(at, "Q7")
    assert q7["Stored as"] == mappings.UNDECIDED and q7["How"].startswith("not recognised")
    assert q7["Sample values"] == "10000 · 5000"
    assert mapping_row(at, "Collection digitised (%)")["Stored as"] == "Collection digitised (%)"
    assert "Not stored (not recognised or left out): Q7." in texts(at.caption)

    set_mapping(at, "Q7", BUDGET)
    assert "'Q7' → Digital budget available (EUR a year)" in texts(at.info)
    assert "Not stored" not in texts(at.caption)                 # re-validated at once: Q7 is used now
    assert "No problems found" in texts(at.success)
    assert query(db, "SELECT count(*) FROM uploads") == [(0,)]    # checking stores nothing

    button(at, "Load 2 museum row(s)").click().run()
    assert not at.exception
    assert "Loaded 2 museum row(s) as upload 1. No earlier answers were replaced." in texts(at.success)
    assert [p.label for p in at.get("page_link")] == ["See the updated figures on the Overview"]

    assert query(db, "SELECT museum_name, country, survey_wave, pct_digitised, digital_budget_available_eur "
                     "FROM responses ORDER BY source_row") == [
        ("Wien Museum", "AT", "2025", 40.0, 10_000.0), ("Grazer Stadtmuseum", "AT", "2025", 20.0, 5_000.0)]
    assert query(db, "SELECT filename, sha256, uploaded_by, rows, status FROM uploads") == [
        ("odd.xlsx", hashlib.sha256(data).hexdigest(), "ana", 2, "committed")]
    saved = query(db, "SELECT mapping, saved_by FROM saved_mappings")
    assert saved == [('{"Q7": "digital_budget_available_eur"}', "ana")]


def test_saved_mapping_is_reused_for_the_next_file_with_the_same_headings(db, tmp_path):
    first = odd_survey(tmp_path / "first.xlsx", [["Wien Museum", "AT", "2025", 40, 10_000]])
    at = check(open_page("views/upload.py"), ("first.xlsx", first))
    set_mapping(at, "Q7", BUDGET)
    button(at, "Load 1 museum row(s)").click().run()
    assert "Your column choices are saved" in texts(at.caption)

    # Next wave, same odd headings: Q7 is mapped without the analyst doing anything.
    second = odd_survey(tmp_path / "second.xlsx", [["Wien Museum", "AT", "2027", 55, 12_500],
                                                   ["Musée de Cluny", "FR", "2027", 35, 7_000]])
    at = check(open_page("views/upload.py"), ("second.xlsx", second))
    q7 = mapping_row(at, "Q7")
    assert q7["Stored as"] == BUDGET and q7["How"] == "your saved choice"
    assert f"column choices saved by {local_user()}" in texts(at.caption)
    button(at, "Load 2 museum row(s)").click().run()
    assert query(db, "SELECT museum_name, digital_budget_available_eur FROM current_responses "
                     "WHERE survey_wave = '2027' ORDER BY museum_name") == [("Musée de Cluny", 7_000.0),
                                                                            ("Wien Museum", 12_500.0)]


def test_the_command_line_applies_a_saved_mapping_too(tmp_path):
    con = open_store(tmp_path / "cli.duckdb")
    try:
        data = odd_survey(tmp_path / "a.xlsx", [["Wien Museum", "AT", "2025", 40, 10_000]])
        first = receive(con, data, "a.xlsx")
        first.revise(con, wave=None, decisions={("Survey", "Q7"): "digital_budget_available_eur"})
        assert first.remember(con, user="ana") == ["Survey"]
        result = load_bytes(con, data, "a.xlsx", user="cli")
        assert result["status"] == "committed"
        assert {m["column"]: (m["field"], m["how"]) for m in result["mapping"]}["Q7"] == (
            "digital_budget_available_eur", "saved mapping")
        assert con.execute("SELECT digital_budget_available_eur FROM responses").fetchall() == [(10_000.0,)]
    finally:
        con.close()


def test_a_sheet_skipped_for_unknown_questions_is_brought_in_by_mapping_them(tmp_path):
    """Museum name and country are recognised but no survey question: the sheet is skipped, yet its columns
    are offered for mapping, and mapping Q1 (and leaving Q2 out) brings it in."""
    data = write_xlsx(tmp_path / "codes.xlsx", [["Museum name", "Country", "Survey wave", "Q1", "Q2"],
                                                ["Wien Museum", "AT", "2025", 40, 1000]]).read_bytes()
    _, sheets = read_sheets(data)
    before = parse_upload(data, "codes.xlsx")
    assert [f.rule for f in before.report.errors] == ["not_a_survey"]
    table = mappings.mapping_table(before.report, sheets)
    assert table["Heading in the file"].tolist() == ["Museum name", "Country", "Survey wave", "Q1", "Q2"]
    assert table["Stored as"].tolist()[3:] == [mappings.UNDECIDED] * 2    # answers nobody placed yet
    edited = table.copy()
    edited.loc[3, "Stored as"] = "Collection digitised (%)"
    decisions = mappings.decisions_from_table(table, edited)
    assert decisions == {("Survey", "Q1"): "pct_digitised"}
    assert [f.rule for f in parse_upload(data, "codes.xlsx", mapping=decisions).report.errors] == [
        "unrecognised_column"]                                               # Q2 still holds answers
    edited.loc[4, "Stored as"] = mappings.IGNORE
    decisions = mappings.decisions_from_table(table, edited)
    assert decisions == {("Survey", "Q1"): "pct_digitised", ("Survey", "Q2"): None}
    after = parse_upload(data, "codes.xlsx", mapping=decisions)
    assert after.ok and after.frame["pct_digitised"].tolist() == [40.0]


def test_the_column_table_speaks_german_and_stores_the_same_choices(db, tmp_path):
    """Headings, the choices offered and the summary of changes read in German, while the value chosen stays the
    field's English heading, as in English (the test thread speaks German too: AppTest formats the wave box's
    choices in this thread)."""
    data = odd_survey(tmp_path / "odd.xlsx", [["Wien Museum", "AT", "2025", 40, 10_000]])
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = "de"
    with in_language("de"):
        at.run()
        at.switch_page("views/upload.py").run()
        at.file_uploader(key="upload-files").upload("odd.xlsx", data, XLSX)
        button(at, "Dateien prüfen").click().run()
        assert not at.exception, at.exception
        columns = json.loads(at.data_editor[0].proto.columns)
        assert [columns[c]["label"] for c in ("Heading in the file", "Stored as", "Sample values")] == [
            "Überschrift in der Datei", "Gespeichert als", "Beispielwerte"]
        problems = table_with(at, "Severity", "Type")
        assert problems[["Type", "Count"]].values.tolist() == [["Nicht erkannte Spalte", 1]]     # Q7 holds answers
        offered = {o["value"]: o["label"] for o in columns["Stored as"]["type_config"]["options"]}
        assert offered[mappings.UNDECIDED] == "(nicht erkannt: bitte wählen)"
        assert offered[mappings.IGNORE] == "(ignorieren)"
        assert offered[BUDGET] == "Verfügbares Digitalbudget (EUR pro Jahr)"
        set_mapping(at, "Q7", BUDGET)
        assert "'Q7' → Verfügbares Digitalbudget (EUR pro Jahr)" in texts(at.info)


# --- what must not be stored ----------------------------------------------------------------------------
def test_a_file_with_errors_cannot_be_loaded_and_writes_nothing(db, tmp_path):
    data = small_survey(tmp_path / "bad.xlsx", [["AT-1", "Wien Museum", "AT", "2025", 150, 1000, 10_000, 1],
                                                ["AT-2", "Grazer", "AT", "2025", 20, 3000, "lots", 1]]).read_bytes()
    at = check(open_page("views/upload.py"), ("bad.xlsx", data))
    assert "**2 error(s)**" in texts(at.error)
    findings = table_with(at, "Row", "Problem")
    assert sorted(zip(findings["Row"], findings["Column"], findings["Rule"])) == [
        (2, "Collection digitised (%)", "out_of_range"), (3, "Digital budget available (EUR a year)", "not_a_number")]
    load = button(at, "Load 2 museum row(s)")
    assert load.disabled
    assert "Nothing can be loaded from this file until the errors are fixed" in texts(at.caption)
    assert [d.label for d in at.get("download_button")] == ["Blank survey to send out",
                                                            "Download the file with problems marked"]
    assert query(db, "SELECT (SELECT count(*) FROM uploads), (SELECT count(*) FROM responses)") == [(0, 0)]


def test_warnings_must_be_confirmed_before_loading(db, tmp_path):
    header = ["Museum name", "Country", "Survey wave", "Collection digitised (%)", "Share of collection online (%)"]
    data = write_xlsx(tmp_path / "warn.xlsx", [header, ["Wien Museum", "AT", "2025", 20, 30]]).read_bytes()
    at = check(open_page("views/upload.py"), ("warn.xlsx", data))
    assert "**1 warning(s)**" in texts(at.warning)
    assert button(at, "Load 1 museum row(s)").disabled
    at.checkbox[0].check().run()
    assert not button(at, "Load 1 museum row(s)").disabled
    button(at, "Load 1 museum row(s)").click().run()
    assert query(db, "SELECT museum_name, pct_online FROM responses") == [("Wien Museum", 30.0)]
    assert query(db, "SELECT json_array_length(warnings) FROM uploads") == [(1,)]


def test_an_identical_file_is_reported_as_already_loaded(db, tmp_path):
    path = small_survey(tmp_path / "survey.xlsx")
    con = open_store(db)
    load_file(con, path, user="seed")
    con.close()
    at = check(open_page("views/upload.py"), ("renamed copy.xlsx", path.read_bytes()))
    warning = texts(at.warning)
    assert "**Already loaded.** This exact file (same contents) was loaded as upload 1" in warning
    assert "by seed (file name then: 'survey.xlsx')" in warning
    assert not [b for b in at.button if b.label.startswith("Load ")]
    assert query(db, "SELECT count(*) FROM uploads") == [(1,)]


def test_a_file_over_the_size_limit_is_refused_before_parsing(db, tmp_path, monkeypatch):
    data = small_survey(tmp_path / "big.xlsx").read_bytes()
    monkeypatch.setattr(limits, "MAX_UPLOAD_BYTES", len(data) - 1)

    def must_not_read(*args, **kwargs):
        raise AssertionError("read a file over the limit")
    monkeypatch.setattr(upload, "read_sheets", must_not_read)
    at = check(open_page("views/upload.py"), ("big.xlsx", data))
    assert "more than the limit of" in texts(at.error)
    assert query(db, "SELECT count(*) FROM uploads") == [(0,)]


def test_cells_over_the_limit_are_refused_by_the_reader(db, tmp_path, monkeypatch):
    path = small_survey(tmp_path / "s.xlsx")                       # 1 header + 3 rows x 8 columns, 2 empty
    con = open_store(db)
    monkeypatch.setattr(limits, "MAX_CELLS", 4 * 8 - 2 - 1)         # one cell too many: 30 > 29
    result = load_file(con, path)
    assert result["status"] == "rejected"
    assert "more than 29 cells" in result["errors"][0]["message"]
    monkeypatch.setattr(limits, "MAX_CELLS", 4 * 8 - 2)
    assert load_file(con, path)["status"] == "committed"
    csv = tmp_path / "s.csv"
    csv.write_text("Museum name;Country;Survey wave;% digitised\nA;AT;2025;10\nB;AT;2025;20\n")
    monkeypatch.setattr(limits, "MAX_CELLS", 11)                  # 12 cells
    assert "more than 11 cells" in load_file(con, csv)["errors"][0]["message"]
    con.close()


# --- history ---------------------------------------------------------------------------------------------
def test_history_lists_uploads_and_retracts_with_confirmation(db, tmp_path):
    con = open_store(db)
    load_file(con, small_survey(tmp_path / "2025.xlsx"), user="seed")                     # AT-1 at 40 %
    load_file(con, small_survey(tmp_path / "fix.xlsx", [["AT-1", "Wien Museum", "AT", "2025", 45, 1000, 1, 1]]),
              user="ana")                                                                  # replaces AT-1
    con.close()
    at = open_page("views/history.py")
    table = at.dataframe[0].value
    assert table[["Upload", "File", "Loaded by", "Rows", "Status"]].values.tolist() == [
        [2, "fix.xlsx", "ana", 1, "in use"], [1, "2025.xlsx", "seed", 3, "in use"]]
    assert table["Fingerprint"].str.len().tolist() == [12, 12]

    assert at.selectbox(key="history-upload").value == 2
    button(at, "Retract this upload…").click().run()
    assert "Its 1 row(s) leave the store's figures, and 1 earlier answer(s)" in texts(at.warning)
    assert query(db, "SELECT status FROM uploads WHERE upload_id = 2") == [("committed",)]   # not yet

    button(at, "Yes, retract it").click().run()
    assert not at.exception
    assert "1 row(s) taken out of the figures, 1 earlier answer(s) restored" in texts(at.success)
    assert query(db, "SELECT status, retracted_by FROM uploads WHERE upload_id = 2") == [
        ("retracted", local_user())]
    assert query(db, "SELECT pct_digitised FROM current_responses WHERE museum_id = 'AT-1'") == [(40.0,)]


def test_cancel_leaves_the_upload_in_use(db, tmp_path):
    con = open_store(db)
    load_file(con, small_survey(tmp_path / "a.xlsx"), user="seed")
    con.close()
    at = open_page("views/history.py")
    button(at, "Retract this upload…").click().run()
    button(at, "Cancel").click().run()
    assert [b.label for b in at.button] == ["Retract this upload…"]
    assert query(db, "SELECT status FROM uploads") == [("committed",)]


def test_a_file_that_is_not_a_spreadsheet_says_what_it_is(db):
    at = check(open_page("views/upload.py"), ("survey.xlsx", b"%PDF-1.7 not a workbook"))
    assert texts(at.error) == ("This file cannot be read. This is a PDF document, not a spreadsheet. Upload an "
                               "xlsx, xls, ods or csv file. Nothing was stored.")
    assert not [b for b in at.button if b.label.startswith("Load ")]
    assert query(db, "SELECT count(*) FROM uploads") == [(0,)]


def test_a_quote_never_closed_is_shown_with_its_line_and_nothing_is_stored(db):
    data = ("Museum name,Country,Survey wave,Collection digitised (%)\r\nWien Museum,AT,2025,40\r\n"
            '"Grazer Stadtmuseum,AT,2025,20\r\nMuseum aan de Stroom,BE,2025,60\r\n').encode()
    at = check(open_page("views/upload.py"), ("survey.csv", data))
    assert "This file cannot be read. Line 3 has a quote (\") that opens a value and is never closed" \
        in texts(at.error)
    assert not [b for b in at.button if b.label.startswith("Load ")]
    assert query(db, "SELECT count(*) FROM uploads") == [(0,)]


def test_a_failed_formula_is_shown_at_its_cell_and_cannot_be_loaded(db, tmp_path):
    path = small_survey(tmp_path / "div.xlsx")
    book = openpyxl.load_workbook(path)
    book["Survey"]["E3"] = "#DIV/0!"
    book["Survey"]["E3"].data_type = "e"                        # an error cell, as Excel saves 20/0
    book.save(path)
    at = check(open_page("views/upload.py"), ("div.xlsx", path.read_bytes()))
    findings = table_with(at, "Row", "Problem")
    assert list(zip(findings["Row"], findings["Column"], findings["Value"], findings["Rule"])) == [
        (3, "Collection digitised (%)", "#DIV/0!", "formula_failed")]
    assert findings["Problem"][0].startswith("The cell shows #DIV/0!: its formula failed")
    assert button(at, "Load 3 museum row(s)").disabled
    assert query(db, "SELECT count(*) FROM uploads") == [(0,)]


def test_a_survey_without_a_wave_can_be_given_one_on_the_page(db, tmp_path):
    header = ["Museum name", "Country", "Collection digitised (%)"]
    data = write_xlsx(tmp_path / "nowave.xlsx", [header, ["Wien Museum", "AT", 40]]).read_bytes()
    at = check(open_page("views/upload.py"), ("nowave.xlsx", data))
    assert "The survey wave is not given" in texts(at.error)        # a file-level error, said in the box
    at.selectbox(key=f"wave-{hashlib.sha256(data).hexdigest()[:12]}").set_value("2025").run()
    assert "No problems found" in texts(at.success)
    button(at, "Load 1 museum row(s)").click().run()
    assert query(db, "SELECT museum_name, survey_wave FROM responses") == [("Wien Museum", "2025")]


def test_empty_store_pages_render(db):
    at = open_page("views/upload.py")
    assert at.title[0].value == "Upload surveys"
    at = open_page("views/history.py")
    assert "No file has been loaded yet." in texts(at.info)


def test_the_mapping_table_never_shows_personal_data(tmp_path):
    data = write_xlsx(tmp_path / "p.xlsx", [["Museum name", "Country", "Survey wave", "% digitised", "E-mail"],
                                            ["A", "AT", "2025", 10, "ana@museum.at"]]).read_bytes()
    table = mappings.mapping_table(parse_upload(data, "p.xlsx").report, read_sheets(data)[1])
    email = table[table["Heading in the file"] == "E-mail"].iloc[0]
    assert email["Sample values"] == "(not shown: personal data)"
    assert not table.astype(str).apply(lambda column: column.str.contains("@")).any().any()
