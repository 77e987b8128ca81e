"""Every chart reads in the reader's language: built in German from the sample store, no sentence of its English
rendering is left in its title, axis titles, legend or annotations; numbers are written the German way."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from babel import Locale

from analysis import charts, formats
from analysis.charts import catalogue
from analysis.export import tables
from analysis.figures.filters import Filters
from analysis.store import open_store
from tests.conftest import in_language

# the same word in English and German: a proper name or a loanword, not an untranslated text
SAME_IN_BOTH = {"Online", "In Europeana", "DigComp", "ENUMERATE"}


def texts(fig) -> list[str]:
    """What a reader sees in words: title and subtitle, axis titles, legend entries and annotations."""
    found = [fig.layout.title.text or ""]
    found += [axis.title.text for axis in [*fig.select_xaxes(), *fig.select_yaxes()] if axis.title.text]
    found += [trace.name for trace in fig.data if trace.name and trace.showlegend is not False]
    found += [note.text for note in fig.layout.annotations if note.text]
    return found


def fragments(fig) -> set[str]:
    """The texts cut at their punctuation ('Share of museums (%)' -> 'Share of museums'), line breaks and markup
    removed, keeping those with words in them."""
    parts = set()
    for text in texts(fig):
        plain = " ".join(re.sub(r"<br>|<[^>]+>", " ", text).split())
        parts.update(p.strip() for p in re.split(r"[;:()·]|, ", plain))
    return {p for p in parts if re.search(r"[A-Za-z]{3}", p)}


def proper_names_only(fragment: str) -> bool:
    """A country's name ('Malta', 'Portugal' from 'Portugal (n=16)') or a name that both languages share."""
    names = set(Locale.parse("de").territories.values())
    words = re.sub(r"n=\d+|\d+", " ", fragment).strip()
    return words in SAME_IN_BOTH or words in names or not re.search(r"[A-Za-z]{3}", words)


@pytest.fixture(scope="module")
def built(sample_db):
    """Every chart of the catalogue in its default view, in English and in German."""
    con = open_store(sample_db)
    try:
        def every_chart():
            view = catalogue.View.of(con, Filters())
            return {key: catalogue.render(key, view) for key in catalogue.CHARTS}
        english = every_chart()
        with in_language("fr"):
            french = every_chart()
        with in_language("de"):
            return {"en": english, "fr": french, "de": every_chart()}
    finally:
        con.close()


def test_every_chart_is_built_in_german(built):
    assert set(built["de"]) == set(catalogue.CHARTS) == set(built["en"])


@pytest.mark.parametrize("key", sorted(catalogue.CHARTS))
def test_no_english_text_is_left_in_a_german_chart(built, key):
    english, german = fragments(built["en"][key].figure), fragments(built["de"][key].figure)
    left = sorted(f for f in german & english if not proper_names_only(f))
    assert not left, f"{key}: {left}"


@pytest.mark.parametrize("key", sorted(catalogue.CHARTS))
def test_every_column_of_a_charts_data_has_a_written_heading(built, key):
    """The table under "Data and downloads" names its columns in the reader's words, not 'Pace pp' made up from
    the column's name in English."""
    assert not [c for c in built["de"][key].data.columns if tables.written_heading(str(c)) is None], key


def test_headings_are_translated_and_derived_ones_stay_plain():
    with in_language("de"):
        assert [tables.heading(c) for c in ("pace_pp", "se", "times_apart")] == [
            "Tempo (Punkte pro Jahr)", "Standardfehler", "Abweichung (Faktor)"]
    assert tables.written_heading("museums_per_gallery") is None
    assert tables.heading("museums_per_gallery") == "Museums per gallery"


@pytest.mark.parametrize("key", sorted(catalogue.CHARTS))
def test_german_notes_leave_no_english_note(built, key):
    chart = built["de"][key]
    assert chart.method.startswith("Methode: ")
    english = set(built["en"][key].notes)
    assert not [note for note in chart.notes if note in english and re.search(r"[A-Za-z]{4}", note)], key


@pytest.mark.parametrize("key", sorted(catalogue.CHARTS))
def test_french_charts_put_a_space_before_colons_and_semicolons(built, key):
    """'Le plus haut : Norvège 33 % ; le plus bas : …', in the title, subtitle, axes, legend and the speaker's notes,
    and a line never starts with the colon ('déficit<br>: 164 M EUR')."""
    chart = built["fr"][key]
    said = [*texts(chart.figure), *chart.notes]
    assert not [t for t in said if re.search(r"[^\s\d][;:]\s", t)], key
    assert not [t for t in said if re.search(r"<br>[;:]", t)], key


def axis_titles(fig) -> list[str]:
    return [axis.title.text for axis in [*fig.select_xaxes(), *fig.select_yaxes()] if axis.title.text]


def test_german_axis_titles_and_legends_as_translated(built):
    assert axis_titles(built["de"]["roles-present"].figure) == ["Anteil der Museen (%)"]
    assert axis_titles(built["de"]["digitisation-levels"].figure) == ["Anteil der Sammlung (%)"]
    assert "Mittlere Bewertung (1–5)" in axis_titles(built["de"]["infrastructure"].figure)
    legend = [t.name for t in built["de"]["digitisation-levels"].figure.data]
    assert legend[:2] == ["Ungewichteter Mittelwert (jedes Museum zählt einmal)",
                          "Nach Sammlungsgröße gewichtet (Anteil der Objekte)"]


def test_german_hover_numbers_use_a_decimal_comma(built):
    assert built["de"]["ai-adoption"].figure.layout.separators == ",."
    assert built["en"]["ai-adoption"].figure.layout.separators is None     # English keeps plotly's own


def test_german_skill_labels_write_levels_with_a_decimal_comma(built):
    labels = [a.text for a in built["de"]["skills-profile"].figure.layout.annotations if "·" in a.text]
    assert labels and all(re.fullmatch(r"\d,\d · \d+ % der Museen unter dem Ziel", text) for text in labels)


def adoption(none: float, production: float) -> pd.DataFrame:
    """Three answers of 20 museums: none, piloting and in production."""
    shares = [none, 100 - none - production, production]
    return pd.DataFrame({"answer": ["none", "pilot", "in_production"], "label": ["None", "Piloting", "In production"],
                         "share": shares, "museums": [round(s * 20 / 100) for s in shares], "n": 20,
                         "suppressed": False})


def test_ai_adoption_finding_in_german_and_french():
    # 9 of 20 museums use no AI (45 %), 3 of 20 have it in production (15 %)
    frame = adoption(45.0, 15.0)
    with in_language("de"):
        german = charts.ai_adoption(frame, "20 Museen")
    with in_language("fr"):
        french = charts.ai_adoption(frame, "20 musées")
    assert charts.split_title(german.layout.title.text) == (
        "45 % der Museen nutzen noch keine KI; 15 % setzen sie produktiv ein", "20 Museen; n = 20 antwortende Museen")
    assert charts.split_title(french.layout.title.text)[0] == (
        "45 % des musées n'utilisent pas encore l'IA ; 15 % l'ont en production")
    assert axis_titles(french) == ["Stade d'adoption de l'IA", "Part des musées (%)"]


def test_on_track_finding_in_german():
    # 12 museums judged against the target: 3 on track, 9 behind; 3 < 12 / 2, so 'Only'
    frame = pd.DataFrame({"status": ["reached", "on_track", "behind", "no_earlier_answer"],
                          "label": ["Reached", "On track", "Behind pace", "No earlier answer"],
                          "museums": [4, 3, 9, 4], "share": [20.0, 15.0, 45.0, 20.0], "n": 20, "suppressed": False})
    with in_language("de"):
        fig = charts.on_track(frame, "20 Museen", "50 % bis 2030")
    assert charts.split_title(fig.layout.title.text) == (
        "Nur 3 von 12 Museen unter dem Ziel liegen im Plan für 50 % bis 2030",
        "20 Museen; n = 20 Museen mit bekanntem Abstand zum Ziel")
    assert axis_titles(fig) == ["Museen"]


def test_plotly_separators_follow_the_language():
    separators = {}
    for code in ("en", "de", "fr"):
        with in_language(code):
            separators[code] = formats.separators()
    assert separators == {"en": (".", ","), "de": (",", "."), "fr": (",", "\u202f")}
