"""The population frame for every surveyed country, and figures a ministry can cite.

Frame figures below are copied by hand from shared/museum-counts.md (the compiled public sources), not read
from the code; weighted figures are worked out by hand in the comments.
"""

from __future__ import annotations

import datetime as dt
import io
import json

import openpyxl
import pandas as pd
import pytest
from pptx import Presentation

from analysis import export, store
from analysis.charts import catalogue
from analysis.figures import metrics, provenance
from analysis.figures.filters import Filters
from analysis.loading.upload import load_file
from tests.conftest import ROOT, small_survey
from tests.test_cli import cli

# (museums, reference year, status) from shared/museum-counts.md §2, "Frame figure" column.
FROM_THE_SOURCES = {
    "IT": (4976, 2015, "primary"), "ES": (1492, 2022, "primary"), "GB": (3289, 2017, "primary"),
    "SE": (357, 2023, "primary"), "HU": (773, 2021, "primary"), "GR": (176, 2007, "primary"),
    "IE": (230, 2014, "primary"), "NO": (102, 2023, "primary"), "SK": (137, 2022, "primary"),
    "LT": (110, 2022, "primary"), "LV": (156, 2020, "primary"), "IS": (123, 2020, "primary"),
    "RS": (150, 2022, "primary"), "MK": (25, 2021, "primary"), "MT": (72, 2014, "secondary"),
    "TR": (636, 2024, "secondary"), "UA": (564, 2015, "secondary"),
    # newer primary figures replacing the 2005 cross-section
    "NL": (629, 2021, "primary"), "PL": (963, 2022, "primary"), "RO": (787, 2018, "primary"),
    "PT": (680, 2017, "primary"), "SI": (93, 2018, "primary"), "LU": (47, 2011, "primary"),
    "CH": (1081, 2021, "primary"), "BG": (189, 2023, "primary"),
    # unchanged
    "AT": (510, 2021, "primary"), "BE": (162, 2004, "primary"), "BY": (155, 2009, "primary"),
    "BA": (35, 2015, "primary"), "HR": (284, 2014, "primary"), "CZ": (459, 2022, "primary"),
    "DK": (209, 2017, "primary"), "EE": (250, 2018, "primary"), "FI": (326, 2022, "primary"),
    "FR": (1224, 2017, "primary"), "DE": (6854, 2020, "primary"),
}


def test_the_frame_holds_every_sourced_figure_with_its_year_definition_and_source(con):
    frame = store.museum_population_table(con).set_index("country")
    usable = frame[frame["museums"].notna()]
    assert len(usable) == 36 and len(FROM_THE_SOURCES) == 36
    for country, (museums, year, status) in FROM_THE_SOURCES.items():
        row = usable.loc[country]
        assert (row["museums"], row["year"], row["status"]) == (museums, year, status), country
        assert row["counts"] and row["source"] and row["url"].startswith("http"), country
    # Listed, but no figure to weight with: nothing found (CY, ME) or too weak to use (AL, LI).
    assert set(frame.index[frame["museums"].isna()]) == {"CY", "ME", "AL", "LI"}
    # Scopes that make a count not comparable are marked (museum-counts.md §3).
    assert "monuments" in frame.loc["IT", "scope"] and "monuments" in frame.loc["MT", "scope"]
    assert "branches" in frame.loc["PL", "scope"] and "branches" in frame.loc["RO", "scope"]
    assert frame.loc["SE", "scope"] == "staff threshold" and frame.loc["GR", "scope"] == "state museums only"


def test_a_store_made_with_the_old_frame_gets_the_new_figures_on_open(tmp_path):
    db = tmp_path / "old.duckdb"
    con = store.open_store(db)
    con.execute("UPDATE museum_population SET museums = 775, year = 2005 WHERE country = 'NL'")
    con.execute("UPDATE frame_file SET sha256 = 'an older file'")
    con.close()
    con = store.open_store(db)
    assert con.execute("SELECT museums, year FROM museum_population WHERE country = 'NL'").fetchone() == (629, 2021)
    con.close()


def test_nine_in_ten_sample_respondents_count_in_the_weighted_europe(tmp_path):
    """Before: 19 countries in the frame, 52 % of the sample's respondents in weighted estimates."""
    con = store.open_store(tmp_path / "sample.duckdb")
    assert load_file(con, ROOT / "data" / "sample_survey.xlsx")["status"] == "committed"
    wave = metrics.latest_wave(con)
    # Independently: respondents of the latest wave in countries with a bundled figure and at least 5 answers.
    per_country = con.execute("SELECT country, count(pct_digitised) FROM current_responses WHERE survey_wave = ? "
                              "GROUP BY country", [wave]).fetchall()
    framed = {c for c, (museums, _, _) in FROM_THE_SOURCES.items()}
    answered = sum(n for _, n in per_country)
    expected = sum(n for c, n in per_country if c in framed and n >= 5)
    everyone = metrics.weighted_estimates(con, Filters(wave=wave), "pct_digitised").set_index("scope").loc["ALL"]
    assert (everyone["n"], everyone["n_weighted"]) == (answered, expected)
    assert expected / answered >= 0.90
    left_out = sorted(c for c, n in per_country if c not in framed or n < 5)
    assert everyone["note"].startswith(f"Weighted over {len(per_country) - len(left_out)} countries (")
    assert f"uses {expected:,} of {answered:,} respondents" in everyone["note"]
    for country in left_out:
        assert f"{country_name(country)}: " in everyone["note"].split("Left out: ")[1]
    con.close()


def country_name(code: str) -> str:
    import pycountry
    country = pycountry.countries.get(alpha_2=code)
    return getattr(country, "common_name", None) or country.name


# --- data versions -------------------------------------------------------------------------------------------
def test_a_data_version_names_its_uploads_and_frame_and_what_changed_since():
    frame = "641a19c7"
    day = lambda d: dt.datetime(2026, 12, d, 10, 0)  # noqa: E731
    version = provenance.DataVersion("2025", ((1, day(2)), (2, day(2)), (3, day(3)), (5, day(4))), frame, ())
    assert version.token == "5.4.641a19c7"
    assert version.text == ("Data version: wave 2025, uploads #1–3 and #5 (committed 2 Dec 2026 to 4 Dec 2026); "
                            "population frame 641a19c7.")
    assert provenance.changes_since("5.4.641a19c7", version) == []
    later = provenance.DataVersion("2025", (*version.uploads, (7, day(5))), frame, ())
    assert provenance.changes_since(version.token, later) == ["1 upload committed since the link was made (#7)"]
    retracted = provenance.DataVersion("2025", version.uploads[1:], frame, ())
    assert provenance.changes_since(version.token, retracted) == [
        "uploads included when the link was made have been retracted since"]
    with_register = provenance.DataVersion("2025", version.uploads, frame, (2,))
    assert with_register.token == "5.4.641a19c7+r2" and with_register.text.endswith("frame 641a19c7 with register #2.")
    assert provenance.changes_since(version.token, with_register) == [
        "the population frame (museums per country) has changed since"]


def test_every_export_states_the_data_version_it_was_made_from(tmp_path):
    con = store.open_store(tmp_path / "store.duckdb")
    rows = [[f"AT-{i}", f"Museum {i}", "AT", "2025", 10 * i, 1000, 10_000, 100_000] for i in range(1, 7)]
    assert load_file(con, small_survey(tmp_path / "survey.xlsx", rows))["status"] == "committed"
    committed = con.execute("SELECT uploaded_at FROM uploads WHERE upload_id = 1").fetchone()[0]
    sha = con.execute("SELECT sha256 FROM frame_file").fetchone()[0]
    expected = (f"Data version: wave 2025, upload #1 (committed {committed.day} {committed:%b %Y}); "
                f"population frame {sha[:8]}.")
    charts = catalogue.build(con, Filters(wave="2025"), ["digitisation-levels"])
    chart = charts[0]
    assert chart.data_version == expected

    table = pd.read_csv(io.BytesIO(export.to_csv(chart.data, chart.data_version)), encoding="utf-8-sig")
    assert set(table["data_version"]) == {expected}
    sheet = openpyxl.load_workbook(io.BytesIO(export.to_xlsx(chart.data, chart.title, chart.caption,
                                                             chart.data_version))).active
    assert sheet["A3"].value == expected
    figure = export.cited(chart.figure, chart.data_version)
    assert [a.text for a in figure.layout.annotations if a.text == expected] == [expected]
    assert expected in export.html_report(charts, "Deck", chart.caption)
    deck = Presentation(io.BytesIO(export.pptx_deck(charts, "Deck", chart.caption)))
    cover = " ".join(shape.text_frame.text for shape in deck.slides[0].shapes if shape.has_text_frame)
    closing = " ".join(shape.text_frame.text for shape in deck.slides[-1].shapes if shape.has_text_frame)
    assert expected in cover and expected in closing
    con.close()


def test_frame_command_prints_the_frame_in_use(tmp_path):
    db = tmp_path / "cli.duckdb"
    done = cli("frame", "--json", db=db)
    assert done.returncode == 0, done.stderr
    printed = json.loads(done.stdout)
    assert printed["countries"] == 36 and len(printed["version"]) == 8
    rows = {r["country"]: r for r in printed["frame"]}
    assert (rows["SE"]["museums"], rows["SE"]["year"], rows["SE"]["status"]) == (357, 2023, "primary")
    assert {r["country"] for r in printed["without_figure"]} == {"CY", "ME", "AL", "LI"}
    csv = cli("frame", db=db)
    table = pd.read_csv(io.StringIO(csv.stdout))
    assert len(table) == 36 and table.set_index("country").loc["GB", "museums"] == 3289
    assert set(table["frame_version"]) == {printed["version"]}
