"""National museum registers: read as real ones come (';', Latin-1, 'na', Muséofile codes, a title row), stored in
their own tables in one transaction, used as the population frame, refused as a survey, and the admin page.

Expected numbers are worked out by hand from the small files below.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from analysis import store
from analysis.figures import metrics
from analysis.loading import registers
from analysis.figures.filters import Filters
from analysis.loading.upload import load_file
from analysis.store import connect, derived, open_store
from tests.conftest import in_language, open_page, write_xlsx

# A Muséofile-style export: ';'-separated, Latin-1, 'na' and 'n.d.' for blanks, French number formats, a
# totals row at the end and a column we do not use (postcode).
MUSEOFILE = (
    "Identifiant;Nom officiel du musée;Catégorie;Fréquentation 2023;Statut;Région;Code postal\n"
    "M0965;Musée des Beaux-Arts de Lyon;Beaux-Arts;na;Collectivité territoriale;Auvergne-Rhône-Alpes;69001\n"
    "M0001;Musée de l'Hôtel-Dieu;Histoire;12 500;Association;Bourgogne-Franche-Comté;21200\n"
    "M0002;Écomusée du pays de Rennes;Écomusée;2.300;na;Bretagne;35200\n"
    "M0003;Musée du Louvre;Beaux-Arts;8 700 000;État;Île-de-France;75001\n"
    "M0004;Musée de la Chasse;Divers inclassables;n.d.;Fondation;Île-de-France;75003\n"
    "Total;;;;;;\n"
).encode("latin-1")


def _db(tmp_path: Path):
    return open_store(tmp_path / "store.duckdb")


def test_a_semicolon_latin1_register_with_na_markers_loads_into_the_frame_table(tmp_path):
    con = _db(tmp_path)
    result = registers.load_register(con, MUSEOFILE, "museofile.csv", country="FR", user="admin@example")
    assert result["status"] == "committed", [f.message for f in result["parsed"].errors]
    assert result["rows"] == 5 and result["countries"] == ["FR"]
    rows = con.execute("SELECT museum_ref, name, museum_type, size_band, annual_visits, ownership, region, "
                       "country, source_row FROM register_museums ORDER BY source_row").fetchall()
    assert rows == [
        ("M0965", "Musée des Beaux-Arts de Lyon", "art", None, None, "regional_local_authority",
         "Auvergne-Rhône-Alpes", "FR", 2),                                        # 'na' visits: size unknown
        ("M0001", "Musée de l'Hôtel-Dieu", "history", "medium", 12500, "private_nonprofit",
         "Bourgogne-Franche-Comté", "FR", 3),
        ("M0002", "Écomusée du pays de Rennes", "regional_local", "small", 2300, None, "Bretagne", "FR", 4),
        ("M0003", "Musée du Louvre", "art", "huge", 8_700_000, "national_state", "Île-de-France", "FR", 5),
        ("M0004", "Musée de la Chasse", None, None, None, "private_nonprofit", "Île-de-France", "FR", 6),
    ]
    assert con.execute("SELECT country, filename, rows, loaded_by FROM registers").fetchall() == [
        ("FR", "museofile.csv", 5, "admin@example")]
    parsed = result["parsed"]
    assert parsed.rows_skipped == [{"row": 7, "reason": "totals row ('Total')"}]
    assert [f.rule for f in parsed.warnings] == ["unknown_museum_type"]
    assert "'Divers inclassables' (1)" in parsed.warnings[0].message
    assert any("semicolon-separated" in note for note in parsed.notes)
    # Registers are not survey answers: nothing reached the responses.
    assert con.execute("SELECT count(*) FROM responses").fetchall() == [(0,)]
    con.close()


def test_the_same_register_loaded_as_a_survey_is_rejected_as_a_register(tmp_path):
    con = _db(tmp_path)
    path = tmp_path / "museofile.csv"
    path.write_bytes(MUSEOFILE)
    result = load_file(con, path)
    assert result["status"] == "rejected"
    assert [e["rule"] for e in result["errors"]] == ["not_a_survey"]
    assert "looks like a list of museums (a register)" in result["errors"][0]["message"]
    assert con.execute("SELECT (SELECT count(*) FROM uploads), (SELECT count(*) FROM register_museums)").fetchall() \
        == [(0, 0)]
    con.close()


def test_loading_the_same_file_twice_is_a_duplicate_and_a_newer_register_replaces_the_older(tmp_path):
    con = _db(tmp_path)
    assert registers.load_register(con, MUSEOFILE, "a.csv", country="FR", user="u")["status"] == "committed"
    again = registers.load_register(con, MUSEOFILE, "renamed.csv", country="FR", user="u")
    assert again["status"] == "duplicate" and "already loaded" in again["message"]
    newer = MUSEOFILE.replace(b"M0004;", b"M0005;")
    assert registers.load_register(con, newer, "b.csv", country="FR", user="u")["status"] == "committed"
    listed = store.register_list(con)
    assert list(zip(listed["register_id"], listed["filename"], listed["in_force"])) == [(2, "b.csv", True),
                                                                                       (1, "a.csv", False)]
    assert con.execute(f"SELECT museum_ref FROM ({derived.CURRENT_REGISTER_MUSEUMS}) WHERE source_row = 6"
                       ).fetchall() == [("M0005",)]
    con.close()


def test_problems_are_reported_in_plain_words_and_block_the_load(tmp_path):
    con = _db(tmp_path)
    # No country column and no country chosen.
    result = registers.load_register(con, MUSEOFILE, "museofile.csv", user="u")
    assert result["status"] == "rejected"
    assert "choose the country of this register" in result["parsed"].errors[0].message
    # A row naming another country than the one chosen.
    text = "ID;Name;Country;Visits\nB1;Museum aan de Stroom;België;500000\nF1;Musée X;France;100\n".encode("utf-8")
    result = registers.load_register(con, text, "mixed.csv", country="FR", user="u")
    errors = result["parsed"].errors
    assert result["status"] == "rejected" and [e.rule for e in errors] == ["other_country"]
    assert errors[0].row == 2 and "Belgium (BE)" in errors[0].message
    # Not a register at all.
    result = registers.load_register(con, b"just;some\nwords;here\n", "notes.csv", country="FR", user="u")
    assert [e.rule for e in result["parsed"].errors] == ["no_register_header"]
    assert con.execute("SELECT count(*) FROM registers").fetchall() == [(0,)]
    con.close()


def test_a_multi_country_workbook_with_a_title_row_and_mapping_museums_words(tmp_path):
    path = write_xlsx(tmp_path / "reg.xlsx", [
        ["Register of museums, 2024 edition"],
        [],
        ["mm_id", "Name of museum", "Size", "Governance", "Admin area", "Country"],
        ["mm.1", "Tiny Museum", "small", "Independent-Not_for_profit", "Kent", "United Kingdom"],
        ["mm.2", "Big Museum", "huge", "Government-National", "London", "UK"],
        ["mm.3", "Odd Museum", "unknown", "Government-Local_Authority", "Fife", "GB"],
        ["mm.3", "Odd Museum (again)", "small", "University", "Fife", "GB"],
        ["ie.1", "Irish Museum", "medium", "", "Dublin", "Irlande"],
    ], sheet="Museums")
    parsed = registers.parse_register(path.read_bytes(), "reg.xlsx")
    assert parsed.ok and parsed.header_row == 3
    summary = parsed.summary().set_index("country")
    assert summary.loc["GB", ["small", "huge", "size unknown", "museums"]].tolist() == [1, 1, 1, 3]
    assert summary.loc["IE", "medium"] == 1
    assert [f.rule for f in parsed.warnings] == ["duplicate_museum"]
    assert [None if pd.isna(v) else v for v in parsed.museums["ownership"]] == [
        "private_nonprofit", "national_state", "regional_local_authority", None]
    con = _db(tmp_path)
    done = registers.commit(con, parsed, user="u")
    assert done["countries"] == ["GB", "IE"]
    assert con.execute("SELECT country, rows FROM registers ORDER BY country").fetchall() == [("GB", 3), ("IE", 1)]
    con.close()


# --- the register as population frame: coverage and a weighted estimate through the store ------------------
SURVEY_HEADER = ["Museum ID", "Museum name", "Country", "Survey wave", "Annual visits", "Collection digitised (%)"]


def _frame_files(tmp_path: Path) -> tuple[bytes, Path]:
    """Austria's register: 60 small, 30 medium, 10 large museums (codes AT-S01 …). The survey: 5 museums of each
    band, with the % digitised of the hand-worked example in test_weights (small 10–50, medium 40–80, large
    80–100). One large museum gave no visits: the register puts it in its band."""
    lines = ["Code;Name;Visits"]
    for band, count, visits in (("S", 60, 2_000), ("M", 30, 50_000), ("L", 10, 500_000)):
        lines += [f"AT-{band}{i:02d};Museum {band}{i:02d};{visits}" for i in range(1, count + 1)]
    register = "\n".join(lines).encode("latin-1")
    rows = []
    for band, visits, values in (("S", 2_000, [10, 20, 30, 40, 50]), ("M", 50_000, [40, 50, 60, 70, 80]),
                                 ("L", 500_000, [80, 85, 90, 95, 100])):
        for i, value in enumerate(values, start=1):
            rows.append([f"AT-{band}{i:02d}", f"Museum {band}{i:02d}", "AT", "2025",
                         None if (band, i) == ("L", 5) else visits, value])
    rows += [[f"IT-{i}", f"Museo {i}", "IT", "2025", 5_000, 50] for i in range(6)]    # Italy: bundled count
    rows += [[f"CY-{i}", f"Mouseio {i}", "CY", "2025", 5_000, 70] for i in range(5)]  # Cyprus: no frame at all
    return register, write_xlsx(tmp_path / "survey.xlsx", [SURVEY_HEADER, *rows])


@pytest.mark.parametrize("register_first", [True, False], ids=["register then survey", "survey then register"])
def test_register_strata_drive_coverage_and_the_weighted_estimate(tmp_path, register_first):
    # The museum without visits is placed by the register either way: a register loaded after the answers
    # reclassifies the respondents already stored.
    con = _db(tmp_path)
    register, survey = _frame_files(tmp_path)
    loads = [lambda: registers.load_register(con, register, "at.csv", country="AT", user="u"),
             lambda: load_file(con, survey)]
    for load in (loads if register_first else loads[::-1]):
        assert load()["status"] == "committed"
    view = Filters(wave="2025")

    cover = metrics.frame_coverage(con, view).set_index(["country", "stratum"])
    assert cover.loc[("AT", "all sizes"), ["respondents", "museums"]].tolist() == [15, 100]   # register, not EGMUS 510
    assert cover.loc[("AT", "all sizes"), "coverage_pct"] == pytest.approx(15)
    assert cover.loc[("AT", "small"), ["respondents", "museums"]].tolist() == [5, 60]
    assert cover.loc[("AT", "small"), "warning"] == "under 10 % of museums answered"          # 5 of 60 = 8.3 %
    assert cover.loc[("AT", "large"), ["respondents", "museums", "coverage_pct"]].tolist() == [5, 10, 50]
    assert cover.loc[("AT", "large"), "warning"] == ""
    # Italy from the bundled frame: ISTAT 2015, 4,976 museums, monuments and archaeological sites.
    assert cover.loc[("IT", "all sizes"), ["respondents", "museums", "year"]].tolist() == [6, 4976, 2015]
    assert cover.loc[("IT", "all sizes"), "flags"] == "different scope: includes monuments and sites"
    assert cover.loc[("CY", "all sizes"), "warning"] == "no population figure: cannot generalise"

    strata = metrics.weighting_strata(con, view)
    assert strata.loc[strata["country"] == "AT", "weight"].tolist() == [12, 6, 2]
    assert strata.loc[strata["country"] == "IT", "weight"].tolist() == [pytest.approx(4976 / 6)]
    assert strata.loc[strata["country"] == "CY", "status"].tolist() == ["excluded"]

    out = metrics.weighted_estimates(con, view, "pct_digitised").set_index("scope")
    assert out.loc["AT", "unweighted_mean"] == pytest.approx(60)
    assert out.loc["AT", "weighted_mean"] == pytest.approx(45)                                 # (1800+1800+900)/100
    assert out.loc["AT", "N"] == 100 and out.loc["AT", "n_weighted"] == 15
    assert out.loc["IT", "weighted_mean"] == pytest.approx(50) and out.loc["IT", "N"] == 4976
    assert pd.isna(out.loc["CY", "weighted_mean"]) and out.loc["CY", "unweighted_mean"] == 70
    # All countries with a frame: (100 × 45 + 4,976 × 50) / 5,076 = 253,300 / 5,076 = 49.90…; Cyprus left out.
    assert out.loc["ALL", "weighted_mean"] == pytest.approx(253_300 / 5_076)
    assert out.loc["ALL", "N"] == 5076 and out.loc["ALL", "n_weighted"] == 21
    assert out.loc["ALL", "unweighted_mean"] == pytest.approx((900 + 300 + 350) / 26)
    assert out.loc["ALL", "note"] == ("Weighted over 2 countries (Austria, Italy); uses 21 of 26 respondents "
                                      "(81 %). Left out: Cyprus: no population figure (no register, no bundled "
                                      "count).")
    con.close()


# --- the admin page ------------------------------------------------------------------------------------------
def _open_registers_page(db: Path, monkeypatch) -> AppTest:
    at = open_page(monkeypatch, db, "views/registers.py")
    assert not at.exception, at.exception
    return at


def _button(at: AppTest, label: str):
    found = [b for b in at.button if b.label == label]
    assert found, [b.label for b in at.button]
    return found[0]


def test_admin_reads_a_register_sees_what_was_read_and_loads_it(tmp_path, monkeypatch):
    db = tmp_path / "page.duckdb"
    at = _open_registers_page(db, monkeypatch)
    assert "No register loaded yet" in "".join(i.value for i in at.info)
    at.file_uploader(key="register-file").upload("museofile.csv", MUSEOFILE, "text/csv").run()
    at.selectbox(key="register-country").set_value("FR")
    _button(at, "Read register").click().run()
    assert not at.exception, at.exception
    summary = next(t.value for t in at.dataframe if "size unknown" in t.value.columns)
    assert summary.iloc[0][["Country", "small (<10k visits)", "medium (10k–100k)", "huge (1M+ visits)",
                            "size unknown", "Museums"]].tolist() == ["France", 1, 1, 1, 2, 5]
    assert any("Divers inclassables" in w.value for w in at.warning)
    con = connect(db)
    assert con.execute("SELECT count(*) FROM register_museums").fetchall() == [(0,)]   # reading stores nothing
    con.close()
    _button(at, "Load into the population frame").click().run()
    assert not at.exception, at.exception
    assert "Loaded 5 museum(s) into the population frame for France" in "".join(s.value for s in at.success)
    listed = next(t.value for t in at.dataframe if "In use" in t.value.columns)
    assert listed[["Country", "File", "Museums"]].values.tolist() == [["France", "museofile.csv", 5]]
    con = connect(db)
    assert con.execute("SELECT count(*) FROM register_museums WHERE country = 'FR'").fetchall() == [(5,)]
    con.close()


def test_a_register_with_errors_cannot_be_loaded_from_the_page(tmp_path, monkeypatch):
    at = _open_registers_page(tmp_path / "page.duckdb", monkeypatch)
    at.file_uploader(key="register-file").upload("museofile.csv", MUSEOFILE, "text/csv").run()
    _button(at, "Read register").click().run()               # no country chosen, none in the file
    assert any("choose the country of this register" in e.value for e in at.error)
    assert "Load into the population frame" not in [b.label for b in at.button]


def test_the_register_page_speaks_german(tmp_path, monkeypatch):
    """What was read, the warnings, the skipped 'Total' row (row 7: heading on row 1, five museums on 2-6) and
    the table per size band read in German. The test thread speaks German too: AppTest formats the country box's
    choices in this thread."""
    with in_language("de"):
        at = open_page(monkeypatch, tmp_path / "de.duckdb", "views/registers.py", lang="de")
        at.file_uploader(key="register-file").upload("museofile.csv", MUSEOFILE, "text/csv").run()
        at.selectbox(key="register-country").set_value("FR")
        _button(at, "Register lesen").click().run()
        assert not at.exception, at.exception
    warnings = [w.value for w in at.warning]
    assert ("1 Museum/Museen haben eine Angabe zu „Museumsart“, die keiner Kategorie der Umfrage entspricht; sie "
            "bleibt leer: 'Divers inclassables' (1).") in warnings
    skipped = next(t.value for t in at.dataframe if "Grund" in t.value.columns)
    assert skipped[["Zeile", "Grund"]].values.tolist() == [[7, "Summenzeile („Total“)"]]
    summary = next(t.value for t in at.dataframe if "Größe unbekannt" in t.value.columns)
    assert summary.iloc[0][["Land", "klein (<10k Besuche)", "sehr groß (1M+ Besuche)", "Größe unbekannt",
                            "Museen"]].tolist() == ["Frankreich", 1, 1, 2, 5]
    read_as = next(t.value for t in at.dataframe if "Gelesen als" in t.value.columns)
    assert read_as.loc[read_as["Überschrift in der Datei"] == "Code postal", "Gelesen als"].tolist() == [
        "nicht verwendet"]
