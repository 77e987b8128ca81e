"""The upload service (analysis.loading.upload) stage by stage, on real workbooks and a real DuckDB file: which
stage a file reaches, what it says, and what is written. Expected values are worked out by hand from the
rows written here."""

from __future__ import annotations

import hashlib

import pytest

from analysis import limits
from analysis.loading import upload as service
from analysis.loading.upload import Stage, load_bytes, receive
from analysis.store import open_store
from tests.conftest import HEADER, small_survey, write_xlsx


@pytest.fixture
def con(tmp_path):
    con = open_store(tmp_path / "service.duckdb")
    yield con
    con.close()


def stored(con) -> tuple[int, int]:
    """(uploads, responses) rows in the store."""
    return con.execute("SELECT (SELECT count(*) FROM uploads), (SELECT count(*) FROM responses)").fetchone()


def test_a_clean_file_is_ready_then_committed_whole(con, tmp_path):
    data = small_survey(tmp_path / "clean.xlsx").read_bytes()
    upload = receive(con, data, "clean.xlsx")
    assert upload.stage is Stage.READY and upload.stage.status == "checked"
    assert (upload.rows_to_load, upload.headline) == (3, "ready to load 3 museum row(s)")
    assert stored(con) == (0, 0)                                   # checking writes nothing

    upload.commit(con, user="ana", warnings_confirmed=False)       # nothing to confirm
    assert (upload.stage, upload.upload_id, upload.rows, upload.superseded) == (Stage.COMMITTED, 1, 3, 0)
    assert upload.message == "Loaded 3 museum row(s) as upload 1. No earlier answers were replaced."
    assert stored(con) == (1, 3)
    assert con.execute("SELECT filename, sha256, uploaded_by, status FROM uploads").fetchall() == [
        ("clean.xlsx", hashlib.sha256(data).hexdigest(), "ana", "committed")]
    assert con.execute("SELECT museum_id, pct_digitised FROM responses ORDER BY museum_id").fetchall() == [
        ("AT-1", 40.0), ("AT-2", 20.0), ("BE-1", 60.0)]


def test_a_later_answer_for_the_same_wave_says_what_it_replaces(con, tmp_path):
    load_bytes(con, small_survey(tmp_path / "first.xlsx").read_bytes(), "first.xlsx")
    fix = small_survey(tmp_path / "fix.xlsx", [["AT-1", "Wien Museum", "AT", "2025", 45, 1000, 10_000, 100_000]])
    upload = receive(con, fix.read_bytes(), "fix.xlsx")
    upload.commit(con, user="ana", warnings_confirmed=False)
    assert (upload.upload_id, upload.rows, upload.superseded) == (2, 1, 1)      # AT-1 for 2025, answered again
    assert upload.message == ("Loaded 1 museum row(s) as upload 2. For 1 museum(s) this replaces an earlier "
                              "answer for the same wave; the earlier answer is kept and comes back if this upload "
                              "is retracted.")


def test_a_file_already_stored_is_a_duplicate_and_is_not_read(con, tmp_path, monkeypatch):
    data = small_survey(tmp_path / "survey.xlsx").read_bytes()
    load_bytes(con, data, "survey.xlsx", user="seed")

    def must_not_read(*args, **kwargs):
        raise AssertionError("read a file already stored")
    monkeypatch.setattr(service, "read_sheets", must_not_read)
    upload = receive(con, data, "renamed copy.xlsx")
    assert (upload.stage, upload.upload_id, upload.stage.status) == (Stage.DUPLICATE, 1, "duplicate")
    when = con.execute("SELECT uploaded_at FROM uploads").fetchone()[0]
    assert upload.message == (f"This exact file (same contents) was loaded as upload 1 on {when:%Y-%m-%d %H:%M} "
                              "by seed (file name then: 'survey.xlsx'). Nothing was loaded again.")
    with pytest.raises(ValueError):
        upload.commit(con, user="ana", warnings_confirmed=True)
    assert stored(con) == (1, 3)
    result = upload.as_dict()
    assert (result["status"], result["rows"], result["upload_id"], result["errors"]) == ("duplicate", 0, 1, [])


def test_the_same_bytes_committed_from_two_reviews_are_stored_once(con, tmp_path):
    data = small_survey(tmp_path / "twice.xlsx").read_bytes()
    first, second = receive(con, data, "twice.xlsx"), receive(con, data, "twice.xlsx")   # two sessions
    first.commit(con, user="ana", warnings_confirmed=False)
    second.commit(con, user="bo", warnings_confirmed=False)
    assert (first.stage, second.stage, second.upload_id) == (Stage.COMMITTED, Stage.DUPLICATE, 1)
    assert stored(con) == (1, 3)


def test_a_file_over_the_size_limit_is_refused_before_reading(con, monkeypatch):
    monkeypatch.setattr(limits, "MAX_UPLOAD_BYTES", 2**20)                   # 1 MB
    monkeypatch.setattr(service, "read_sheets", lambda data: pytest.fail("read a file over the limit"))
    upload = receive(con, b"x" * (3 * 2**19), "big.xlsx")                   # 1.5 MB
    assert (upload.stage, upload.stage.status, upload.headline) == (Stage.TOO_BIG, "rejected", "too large to check")
    assert upload.message == ("The file is 1.5 MB, more than the limit of 1 MB. Split it into smaller files, or "
                              "remove sheets that are not survey answers (pictures, pivot tables). Nothing was stored.")
    assert [f.rule for f in upload.report.errors] == ["unreadable_file"]
    with pytest.raises(ValueError):
        upload.commit(con, user="ana", warnings_confirmed=True)
    assert load_bytes(con, b"x" * (3 * 2**19), "big.xlsx")["status"] == "rejected"
    assert stored(con) == (0, 0)


def test_a_file_that_is_not_a_spreadsheet_is_unreadable(con):
    upload = receive(con, b"%PDF-1.7 not a workbook", "survey.xlsx")
    assert (upload.stage, upload.stage.status) == (Stage.UNREADABLE, "rejected")
    assert upload.message == ("This file cannot be read. This is a PDF document, not a spreadsheet. Upload an "
                              "xlsx, xls, ods or csv file. Nothing was stored.")
    assert stored(con) == (0, 0)


def test_a_file_with_errors_cannot_be_committed_until_its_columns_are_fixed(con, tmp_path):
    data = small_survey(tmp_path / "bad.xlsx", [["AT-1", "Wien Museum", "AT", "2025", 150, 1000, 10_000, 1],
                                                ["AT-2", "Grazer", "AT", "2025", 20, 3000, "lots", 1]]).read_bytes()
    upload = receive(con, data, "bad.xlsx")
    assert upload.stage is Stage.HAS_ERRORS
    assert sorted((f.row, f.column, f.rule) for f in upload.report.errors) == [
        (2, "Collection digitised (%)", "out_of_range"), (3, "Digital budget available (EUR a year)", "not_a_number")]
    assert upload.headline == "2 error(s) to fix before it can be loaded"
    with pytest.raises(ValueError):
        upload.commit(con, user="ana", warnings_confirmed=True)
    assert stored(con) == (0, 0)

    # Leaving the budget column out removes its error; 150 % is still wrong, so the file still cannot load.
    upload.revise(con, wave=None, decisions={("Survey", "Digital budget available (EUR a year)"): None})
    assert [(f.row, f.rule) for f in upload.report.errors] == [(2, "out_of_range")]
    assert upload.report.unmapped_columns == ["Digital budget available (EUR a year)"]
    assert upload.stage is Stage.HAS_ERRORS
    result = load_bytes(con, data, "bad.xlsx")
    assert (result["status"], result["rows"], result["message"]) == (
        "rejected", 0, "2 error(s): nothing was loaded from this file.")
    assert stored(con) == (0, 0)


def test_a_wave_given_in_review_clears_the_missing_wave_error(con, tmp_path):
    data = write_xlsx(tmp_path / "nowave.xlsx", [["Museum name", "Country", "Collection digitised (%)"],
                                                 ["Wien Museum", "AT", 40]]).read_bytes()
    upload = receive(con, data, "nowave.xlsx")
    assert upload.stage is Stage.HAS_ERRORS and upload.asks_for_wave
    upload.revise(con, wave="2025", decisions={})
    assert upload.stage is Stage.READY
    upload.commit(con, user="ana", warnings_confirmed=False)
    assert con.execute("SELECT museum_name, survey_wave FROM responses").fetchall() == [("Wien Museum", "2025")]


def test_warnings_must_be_confirmed_before_a_commit(con, tmp_path):
    header = ["Museum name", "Country", "Survey wave", "Collection digitised (%)", "Share of collection online (%)"]
    data = write_xlsx(tmp_path / "warn.xlsx", [header, ["Wien Museum", "AT", "2025", 20, 30]]).read_bytes()
    upload = receive(con, data, "warn.xlsx")             # 30 % online of a collection 20 % digitised
    assert upload.stage is Stage.NEEDS_CONFIRMATION and len(upload.report.warnings) == 1
    assert upload.headline == "ready to load 1 museum row(s) once you confirm 1 warning(s)"
    with pytest.raises(ValueError):
        upload.commit(con, user="ana", warnings_confirmed=False)
    assert stored(con) == (0, 0)
    upload.commit(con, user="ana", warnings_confirmed=True)
    assert upload.stage is Stage.COMMITTED and stored(con) == (1, 1)


def test_column_choices_made_in_review_are_saved_with_the_commit(con, tmp_path):
    data = write_xlsx(tmp_path / "odd.xlsx", [["Museum name", "Country", "Survey wave", "Collection digitised (%)",
                                               "Q7"], ["Wien Museum", "AT", "2025", 40, 10_000]]).read_bytes()
    upload = receive(con, data, "odd.xlsx")
    assert upload.stage is Stage.HAS_ERRORS and [f.rule for f in upload.report.errors] == ["unrecognised_column"]
    upload.revise(con, wave=None, decisions={("Survey", "Q7"): "digital_budget_available_eur"})
    assert upload.stage is Stage.READY
    upload.commit(con, user="ana", warnings_confirmed=False)
    assert upload.mapping_saved_for == ["Survey"]
    assert con.execute("SELECT mapping, saved_by FROM saved_mappings").fetchall() == [
        ('{"Q7": "digital_budget_available_eur"}', "ana")]
    assert con.execute("SELECT digital_budget_available_eur FROM responses").fetchall() == [(10_000.0,)]


def test_the_command_line_choices_by_heading_apply_on_first_read(con, tmp_path):
    rows = [[*HEADER[:4], "Favourite share"], ["AT-1", "Wien Museum", "AT", "2025", 30]]
    upload = receive(con, write_xlsx(tmp_path / "o.xlsx", rows).read_bytes(), "o.xlsx",
                     choices={"favourite  SHARE": "pct_digitised"})        # case and spaces do not matter
    assert upload.decisions == {("Survey", "Favourite share"): "pct_digitised"}
    assert upload.stage is Stage.READY
    assert [(m.column, m.field, m.how_text) for m in upload.report.mapping if m.column == "Favourite share"] == [
        ("Favourite share", "pct_digitised", "set by analyst")]
