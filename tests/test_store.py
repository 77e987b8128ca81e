"""The store's contract: atomic commits, duplicates, supersede, retract, rejected files write nothing."""

import uuid

import pytest

from analysis.loading.upload import load_file
from tests.conftest import HEADER, in_language, small_survey, write_xlsx


def counts(con):
    return con.execute("SELECT (SELECT count(*) FROM uploads), (SELECT count(*) FROM responses), "
                       "(SELECT count(*) FROM current_responses)").fetchone()


def test_commit_stores_rows_with_attribution(con, tmp_path):
    result = load_file(con, small_survey(tmp_path / "a.xlsx"), user="ana")
    assert (result["status"], result["rows"]) == ("committed", 3)
    upload = con.execute("SELECT filename, length(sha256), sheet, uploaded_by, survey_wave, rows, status "
                         "FROM uploads").fetchone()
    assert upload == ("a.xlsx", 64, "Survey", "ana", "2025", 3, "committed")
    rows = con.execute("SELECT museum_id, source_row, pct_digitised, collection_objects FROM current_responses "
                       "ORDER BY museum_id").fetchall()
    assert rows == [("AT-1", 2, 40.0, 1000), ("AT-2", 3, 20.0, 3000), ("BE-1", 4, 60.0, None)]


def test_same_file_twice_is_a_duplicate_and_changes_nothing(con, tmp_path):
    path = small_survey(tmp_path / "a.xlsx")
    load_file(con, path)
    before = counts(con)
    again = load_file(con, path)
    assert again["status"] == "duplicate" and again["upload_id"] == 1
    assert counts(con) == before


def test_rejected_file_leaves_the_store_unchanged(con, tmp_path):
    load_file(con, small_survey(tmp_path / "good.xlsx"))
    before = counts(con)
    uploads_before = con.execute("SELECT * FROM uploads").fetchall()
    bad = small_survey(tmp_path / "bad.xlsx", [
        ["AT-3", "Good row", "AT", "2025", 30, 10, 1, 1],
        ["AT-4", "Bad row", "AT", "2025", 150, 10, 1, 1],          # 150 % is an error: the whole file is refused
    ])
    result = load_file(con, bad)
    assert result["status"] == "rejected" and result["rows"] == 0
    [error] = result["errors"]
    assert (error["row"], error["column"], error["value"], error["rule"]) == (3, "Collection digitised (%)", 150,
                                                                            "out_of_range")
    assert counts(con) == before
    assert con.execute("SELECT * FROM uploads").fetchall() == uploads_before


def test_later_upload_supersedes_and_retract_restores(con, tmp_path):
    load_file(con, small_survey(tmp_path / "first.xlsx"))
    second = small_survey(tmp_path / "second.xlsx", [["AT-1", "Wien Museum", "AT", "2025", 55, 1000, 10_000, 100_000]])
    result = load_file(con, second)
    assert (result["status"], result["superseded"]) == ("committed", 1)
    assert con.execute("SELECT pct_digitised FROM current_responses WHERE museum_id = 'AT-1'").fetchone() == (55.0,)
    assert con.execute("SELECT count(*) FROM current_responses").fetchone() == (3,)
    assert con.execute("SELECT count(*) FROM responses").fetchone() == (4,)      # nothing is deleted

    from analysis.store import retract_upload
    retracted = retract_upload(con, result["upload_id"], user="admin")
    assert (retracted["status"], retracted["rows_removed"], retracted["earlier_answers_restored"]) == ("retracted", 1, 1)
    assert con.execute("SELECT pct_digitised FROM current_responses WHERE museum_id = 'AT-1'").fetchone() == (40.0,)
    assert con.execute("SELECT status, retracted_by FROM uploads WHERE upload_id = 2").fetchone() == ("retracted", "admin")
    again = retract_upload(con, 2, user="admin")
    assert (again["status"], again["reason"]) == ("unchanged", "already retracted")
    with in_language("de"):
        assert retract_upload(con, 9, user="admin")["reason"] == "diesen Upload gibt es nicht"


def test_retracted_file_can_be_loaded_again(con, tmp_path):
    path = small_survey(tmp_path / "a.xlsx")
    from analysis.store import retract_upload
    retract_upload(con, load_file(con, path)["upload_id"], user="admin")
    assert load_file(con, path)["status"] == "committed"


def test_register_without_survey_questions_is_rejected_saying_what_is_missing(con, tmp_path):
    path = write_xlsx(tmp_path / "register.xlsx", [
        ["Identifiant", "Nom du musée", "Ville", "Pays", "Fréquentation"],
        ["M0965", "Musée des Beaux-Arts", "Lyon", "France", 300000],
        ["M0966", "Musée Saint-Raymond", "Toulouse", "France", 80000],
    ])
    result = load_file(con, path)
    assert result["status"] == "rejected"
    [error] = result["errors"]
    assert error["rule"] == "not_a_survey"
    assert "digitisation, skills, AI or funding" in error["message"]
    assert "it has Museum ID, Museum name, Country, Annual visits but none" in error["message"]
    assert counts(con) == (0, 0, 0)


@pytest.mark.parametrize("content, rule", [
    (b"", "unreadable_file"),
    (b"\x89PNG\r\n\x1a\n" + b"0" * 100, "unreadable_file"),
    (b"PK\x03\x04garbage", "unreadable_file"),
])
def test_unreadable_files_are_rejected_with_a_reason(con, tmp_path, content, rule):
    path = tmp_path / "upload.xlsx"
    path.write_bytes(content)
    result = load_file(con, path)
    assert result["status"] == "rejected" and result["errors"][0]["rule"] == rule
    assert counts(con) == (0, 0, 0)


def test_duplicate_columns_and_duplicate_museums_are_errors(con, tmp_path):
    path = write_xlsx(tmp_path / "d.xlsx", [
        HEADER + ["% digitised"],
        ["AT-1", "Wien Museum", "AT", "2025", 40, 1000, 1, 1, 40],
        ["AT-1", "Wien Museum", "AT", "2025", 41, 1000, 1, 1, 41],
    ])
    result = load_file(con, path)
    rules = sorted(e["rule"] for e in result["errors"])
    assert rules == ["duplicate_column", "duplicate_museum"]


def test_cross_field_rules(con, tmp_path):
    path = write_xlsx(tmp_path / "x.xlsx", [
        ["Museum name", "Country", "Survey wave", "Collection digitised (%)", "No need to digitise (%)",
         "Collection digitised in 3D (%)", "Collection online (%)", "Paid staff (FTE)", "Digital staff (FTE)"],
        ["A", "AT", "2025", 60, 50, 10, 20, 10, 2],     # 60 + 50 > 100
        ["B", "AT", "2025", 10, 0, 20, 5, 10, 2],       # 3D above digitised
        ["C", "AT", "2025", 10, 0, 0, 30, 10, 20],      # online above digitised (warning); digital > paid staff
    ])
    result = load_file(con, path)
    assert sorted((e["row"], e["rule"]) for e in result["errors"]) == [
        (2, "digitised_plus_no_need_over_100"), (3, "3d_over_digitised"), (4, "digital_staff_over_paid_staff")]
    assert [(w["row"], w["rule"]) for w in result["warnings"]] == [(4, "online_over_digitised")]


def test_missing_wave_is_an_error_unless_given(con, tmp_path):
    path = write_xlsx(tmp_path / "w.xlsx", [["Museum name", "Country", "Collection digitised (%)"], ["A", "AT", 10]])
    assert [e["rule"] for e in load_file(con, path)["errors"]] == ["no_wave"]
    result = load_file(con, path, wave="2023")
    assert result["status"] == "committed"
    assert con.execute("SELECT survey_wave, museum_id FROM current_responses").fetchone() == ("2023", "AT-a")


def test_percent_fractions_are_scaled_with_a_warning(con, tmp_path):
    path = write_xlsx(tmp_path / "f.xlsx", [["Museum name", "Country", "Survey wave", "% digitised"],
                                            ["A", "AT", "2025", 0.45], ["B", "AT", "2025", 0.2]])
    result = load_file(con, path)
    assert [w["rule"] for w in result["warnings"]] == ["percent_as_fraction"]
    assert con.execute("SELECT list(pct_digitised ORDER BY museum_name) FROM current_responses").fetchone() == ([45.0, 20.0],)


def test_wave_read_from_the_title_when_no_column_and_no_option(con, tmp_path):
    path = write_xlsx(tmp_path / "survey.xlsx", [["Museum survey 2025 - Austria"], [],
                                                 ["Museum name", "Country", "% digitised"], ["A", "AT", 10]])
    result = load_file(con, path)
    assert result["status"] == "committed"
    assert [w["rule"] for w in result["warnings"]] == ["wave_from_title"]
    assert con.execute("SELECT survey_wave FROM current_responses").fetchall() == [("2025",)]


def test_template_rows_with_only_zeros_are_skipped_and_reported(con, tmp_path):
    path = write_xlsx(tmp_path / "z.xlsx", [["Museum name", "Country", "Survey wave", "% digitised", "Need: training"],
                                            ["A", "AT", "2025", 10, 5], [None, None, None, 0, 0]])
    result = load_file(con, path)
    assert (result["status"], result["rows"]) == ("committed", 1)
    assert result["rows_skipped"] == [{"sheet": "Survey", "row": 3, "reason": "template row with only zeros (no museum)"}]


def test_analyst_mapping_overrides_the_automatic_one(con, tmp_path):
    path = write_xlsx(tmp_path / "o.xlsx", [["Museum name", "Country", "Survey wave", "Favourite share", "% online"],
                                            ["A", "AT", "2025", 30, 10]])
    result = load_file(con, path, user="ana", choices={"Favourite share": "pct_digitised", "% online": None})
    assert result["status"] == "committed"
    assert con.execute("SELECT pct_digitised, pct_online FROM current_responses").fetchall() == [(30.0, None)]


def test_commit_upload_types_every_kind_and_draws_a_uuid_per_row(con):
    """The write path's own conversions, straight from a frame: values of each kind land typed (None, NaN and
    unreadable values as NULL, a missing column as NULL), and every row gets its own random UUID string."""
    import datetime as dt

    import pandas as pd

    from analysis.store import commit_upload

    frame = pd.DataFrame({
        "museum_id": ["AT-1", "AT-2", "AT-3"], "museum_name": ["A", None, 7], "country": ["AT"] * 3,
        "survey_wave": ["2025", "2025", "2025"],
        "reference_date": pd.Series([dt.date(2025, 8, 31), dt.datetime(2025, 9, 1, 13, 30), None], dtype=object),
        "collection_objects": [1000.0, float("nan"), 3.0],                      # int kind, as floats
        "pct_digitised": [40.0, None, 12.5],
        "has_cms": pd.Series([True, None, False], dtype=object),
        "iiif": pd.Series([1, 0, None], dtype=object),                          # 1/0 still read as yes/no
        "_sheet": ["Survey"] * 3, "_row": [2, 3, 4], "museum_id_generated": [False, False, True],
    })
    done = commit_upload(con, frame, filename="f.xlsx", sha256="a" * 64, sheets=["Survey"], user="ana",
                         warnings=[], report={})
    assert (done.status, done.rows, done.superseded) == ("committed", 3, 0)
    rows = con.execute("SELECT museum_name, reference_date, collection_objects, pct_digitised, has_cms, iiif, "
                       "museum_id_generated, source_sheet, source_row, upload_id, region_nuts2 "
                       "FROM responses ORDER BY source_row").fetchall()
    assert rows == [
        ("A", dt.date(2025, 8, 31), 1000, 40.0, True, True, False, "Survey", 2, done.upload_id, None),
        (None, dt.date(2025, 9, 1), None, None, None, False, False, "Survey", 3, done.upload_id, None),
        ("7", None, 3, 12.5, False, None, True, "Survey", 4, done.upload_id, None),
    ]
    ids = [r for (r,) in con.execute("SELECT response_id FROM responses").fetchall()]
    assert len(set(ids)) == 3
    assert all(str(uuid.UUID(r)) == r and uuid.UUID(r).version == 4 for r in ids)
    assert con.execute("SELECT survey_wave, rows FROM uploads").fetchone() == ("2025", 3)


def test_the_store_writes_row_groups_of_16384_rows_and_its_cursors_use_it(tmp_path):
    """The store's tables are kept in row groups of 16,384 rows, not DuckDB's default 122,880 (a 70,000-row upload is
    then written on every core while it runs, not on one at commit); the store is the default database of the
    connection and of every cursor."""
    from analysis.store import connection

    con = connection.connect(tmp_path / "groups.duckdb")
    con.execute("CREATE TABLE numbers AS SELECT range AS n FROM range(40000)")
    con.execute("CHECKPOINT")
    with con.cursor() as cur:
        groups = cur.execute("SELECT count(DISTINCT row_group_id) FROM pragma_storage_info('numbers')").fetchone()[0]
        assert cur.execute("SELECT count(*), sum(n) FROM numbers").fetchone() == (40000, 39999 * 40000 // 2)
    assert groups == 3                                 # 16,384 + 16,384 + 7,232 rows
    con.close()


def test_a_query_too_big_for_memory_spills_beside_the_store_not_into_the_working_directory(tmp_path, monkeypatch):
    """The store is attached to an in-memory DuckDB, whose spill folder would be ./.tmp of whatever directory the app
    or the command line runs in (left behind by a crash, and failing where that directory is read-only)."""
    from analysis.store import connection

    elsewhere = tmp_path / "working-directory"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    con = connection.connect(tmp_path / "spill.duckdb")
    con.execute("SET memory_limit = '30MB'")
    con.execute("CREATE TABLE wide AS SELECT range AS i, repeat('x', 100) AS s FROM range(2000000)")
    # 2,000,000 groups of 100-character text do not fit in 30 MB: the hash table spills to disk
    assert con.execute("SELECT count(*) FROM (SELECT i, any_value(s) FROM wide GROUP BY i)").fetchone() == (2_000_000,)
    assert (tmp_path / "spill.duckdb.tmp").is_dir()
    assert not (elsewhere / ".tmp").exists()
    con.close()
