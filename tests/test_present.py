"""The presentation page: slides follow the filters, every key a presenter uses steps through them, and charts
with nothing to show are named instead of shown as slides."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from analysis.charts import catalogue
from analysis.loading.upload import load_file
from analysis.store import open_store
from tests.conftest import open_page, small_survey

PAGE = "views/present.py"


@dataclass
class Store:
    path: Path
    wave: str                   # the latest wave, which the page opens on
    museums: int                # museums answering in it, and their countries
    countries: int
    most_per_country: int       # the most answers any one country gave to the digitisation share


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory) -> Store:
    """The generated sample with 120 museums (as the browser tests use), with its figures read from the store."""
    from analysis.loading.sample import generate_sample
    from analysis.export.template import write_template

    work = tmp_path_factory.mktemp("present")
    write_template(work / "survey.xlsx", generate_sample(museums=120, seed=7))
    con = open_store(work / "store.duckdb")
    try:
        assert load_file(con, work / "survey.xlsx")["status"] == "committed"
        latest = "(SELECT max(survey_wave) FROM current_responses)"
        wave, museums, countries = con.execute(
            f"SELECT any_value(survey_wave), count(*), count(DISTINCT country) FROM current_responses "
            f"WHERE survey_wave = {latest}").fetchone()
        most = con.execute(f"SELECT max(n) FROM (SELECT count(pct_digitised) AS n FROM current_responses "
                           f"WHERE survey_wave = {latest} GROUP BY country)").fetchone()[0]
    finally:
        con.close()
    return Store(work / "store.duckdb", wave, museums, countries, most)


def _slide(at) -> tuple[str, str]:
    texts = [m.value for m in at.markdown]
    return next(t for t in texts if t.startswith("**Slide ")), next(t for t in texts if t.startswith("## "))


def _left_out(at) -> str:
    return next(c.value for c in at.caption if c.value.startswith("Left out"))


def test_slides_step_with_every_key_button(sample_store, monkeypatch):
    at = open_page(monkeypatch, sample_store.path, PAGE)
    assert not at.exception
    # No country reaches 5 answers, so the country chart (first in the default deck of five) has nothing to
    # show: it is named, and the other four are the slides.
    assert sample_store.most_per_country < 5
    assert "Digitisation by country" in _left_out(at)
    counter, first_title = _slide(at)
    assert counter == "**Slide 1 of 4**"
    assert at.button(key="slide-prev").disabled and at.button(key="slide-pageup").disabled

    steps = [("slide-next", 2), ("slide-pagedown", 3), ("slide-space", 4), ("slide-pageup", 3),
             ("slide-prev", 2), ("slide-prev", 1)]
    titles = {1: first_title}
    for key, expected in steps:
        at.button(key=key).click().run()
        counter, title = _slide(at)
        assert counter == f"**Slide {expected} of 4**", key
        assert titles.setdefault(expected, title) == title, key     # the same slide each time it comes back
    assert len(set(titles.values())) == 4                            # four different findings

    for key in ("slide-next", "slide-next", "slide-next"):
        at.button(key=key).click().run()
    assert _slide(at)[0] == "**Slide 4 of 4**"
    assert all(at.button(key=key).disabled for key in ("slide-next", "slide-pagedown", "slide-space"))


def test_slide_chart_has_a_fixed_height_and_no_title(sample_store, monkeypatch):
    """The heading carries the finding, so the figure drops its title and keeps the slide's chart height."""
    at = open_page(monkeypatch, sample_store.path, PAGE)
    chart = at.get("plotly_chart")[0]
    layout = json.loads(chart.proto.spec)["layout"]
    assert chart.proto.id.endswith("slide-digitisation-levels")   # the second of the deck, first shown
    assert layout["height"] == 580
    assert not (layout.get("title") or {}).get("text")
    source = next(c.value for c in at.caption if c.value.startswith("Source:"))
    # The filters in words with n sit under the chart, not in it.
    assert (f"{sample_store.museums} museums in {sample_store.countries} countries, wave {sample_store.wave}"
            in source)


def test_deck_with_nothing_to_show_names_the_charts(tmp_path, monkeypatch):
    """Three museums: every chart of the default deck is below the minimum of 5 answers."""
    db = tmp_path / "p.duckdb"
    con = open_store(db)
    load_file(con, small_survey(tmp_path / "a.xlsx"))
    con.close()
    at = open_page(monkeypatch, db, PAGE)
    assert not at.exception
    left_out = _left_out(at)
    for key in catalogue.DEFAULT_DECK:
        assert catalogue.CHARTS[key].label in left_out, key
    assert [i.value for i in at.info] == ["None of the chosen charts has anything to show under these filters."]
    assert not [m for m in at.markdown if m.value.startswith("**Slide ")]


def test_presentation_mode_from_the_link_and_out_with_exit(sample_store, monkeypatch):
    """?present=true opens the slides without the page furniture; Exit (or Esc) brings the picker back."""
    at = open_page(monkeypatch, sample_store.path, PAGE, present="true")
    assert not at.exception
    assert _slide(at)[0] == "**Slide 1 of 4**"
    assert not [t for t in at.title if t.value == "Present"]
    assert not [c for c in at.caption if c.value.startswith("Left out")]      # named outside presentation mode
    at.button(key="present-exit").click().run()
    assert [t.value for t in at.title] == ["Present"]
    assert at.toggle(key="present").value is False
    assert _slide(at)[0] == "**Slide 1 of 4**"
