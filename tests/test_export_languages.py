"""Decks, reports, load reports and the command line in French and German: the texts a person reads, written
out here by hand, and numbers and dates in the language's style."""

from __future__ import annotations

import io
import re

import pytest
from pptx import Presentation

from analysis.__main__ import main
from analysis.export.tables import heading
from analysis.loading.upload import load_file
from tests.conftest import HEADER, in_language, write_xlsx

ENGLISH_HEADINGS = ("Method, sources and caveats", "Method", "Sources", "Caveats", "Source:", "generated",
                    "Scope:", "Slide ", "Left out", "Museum digitisation")
GERMAN_MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
                 "November", "Dezember")


def _texts(page) -> list[str]:
    return [shape.text_frame.text for shape in page.shapes if shape.has_text_frame and shape.text_frame.text]


@pytest.fixture(scope="module")
def german_deck(sample_db, tmp_path_factory):
    """The command line's deck of the sample store, in German: the title, two charts, the closing slide."""
    out = tmp_path_factory.mktemp("deck") / "vortrag.pptx"
    with in_language("de"):
        assert main(["deck", str(out), "--db", str(sample_db), "--lang", "de",
                     "--charts", "digitisation-by-country,shortfall-by-pillar"]) == 0
    return list(Presentation(io.BytesIO(out.read_bytes())).slides)


def test_the_german_deck_has_german_titles_and_date(german_deck):
    cover, *_charts, closing = german_deck
    assert cover.shapes.title.text == "Digitalisierung der Museen in Europa, Welle 2025"
    under = _texts(cover)[1]
    # '486 Museen in 30 Ländern, Welle 2025, alle Arten' then 'Umfrage zur ... · erstellt am 5. Dezember 2026'
    assert re.match(r"\d+ Museen in \d+ Ländern, Welle 2025, alle Arten\n"
                    r"Umfrage zur Digitalisierung der Museen · erstellt am \d{1,2}\. (\w+) \d{4}", under), under
    assert re.search(r"am \d{1,2}\. (\w+)", under).group(1) in GERMAN_MONTHS
    assert closing.shapes.title.text == "Methode, Quellen und Einschränkungen"
    body = "\n".join(_texts(closing))
    for words in ("Methode\n", "Quellen\n", "Einschränkungen\n", "Folie 2: ", "Folie 3: ",
                  "Gruppen mit weniger als 5 Antworten werden unterdrückt"):
        assert words in body, words


def test_the_german_deck_keeps_no_english_heading(german_deck):
    for page in german_deck:
        words = "\n".join([*_texts(page), page.notes_slide.notes_text_frame.text])
        left = [english for english in ENGLISH_HEADINGS if re.search(rf"\b{re.escape(english)}(?!\w)", words)]
        assert not left, (left, words)
    notes = german_deck[0].notes_slide.notes_text_frame.text
    assert notes.startswith("Umfang: ") and "Grafiken: Folie 2, " in notes


def test_the_german_deck_writes_money_in_the_german_way(german_deck):
    """The shortfall slide's finding names euros in millions as German writes them: '264,0 Mio. EUR'."""
    titles = " ".join(page.shapes.title.text for page in german_deck[1:-1])
    assert re.search(r"\d+,\d Mio\.\xa0?\s?EUR", titles.replace("\xa0", " ")), titles


def test_the_html_report_in_french_says_when_and_what_in_french(sample_db, tmp_path):
    out = tmp_path / "rapport.html"
    with in_language("fr"):
        assert main(["report", str(out), "--db", str(sample_db), "--lang", "fr",
                     "--charts", "digitisation-by-country"]) == 0
    text = out.read_text(encoding="utf-8")
    assert "<html lang='fr'>" in text
    assert "<h2>Méthode, sources et réserves</h2>" in text and "<h3>Réserves</h3>" in text
    assert "Graphique 1 : " in text and "Description du graphique" in text
    assert re.search(r"généré le \d{1,2} (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|"
                     r"novembre|décembre) \d{4}\.", text)


def test_table_headings_follow_the_language():
    with in_language("de"):
        assert [heading(c) for c in ("shortfall_eur", "n", "suppressed")] == [
            "Lücke (EUR)", "Museen (n)", "Nicht gezeigt (weniger als 5 Antworten)"]
    with in_language("fr"):
        assert heading("mean") == "Moyenne"
    assert heading("shortfall_eur") == "Shortfall (EUR)"


def test_the_load_command_prints_its_report_in_german(tmp_path, capsys):
    path = write_xlsx(tmp_path / "umfrage.xlsx", [HEADER, ["AT-1", "Wien Museum", "AT", "2025", 140, 1000, 0, 0]])
    with in_language("de"):
        assert main(["load", str(path), "--db", str(tmp_path / "s.duckdb"), "--lang", "de"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("umfrage.xlsx: ABGELEHNT - 1 Fehler: ")
    assert "  FEHLER [out_of_range] Survey, Zeile 2, Spalte „Collection digitised (%)“: 140 liegt außerhalb" in out


def test_the_load_command_prints_its_findings_the_french_way(tmp_path, capsys):
    path = write_xlsx(tmp_path / "enquete.xlsx", [HEADER, ["AT-1", "Wien Museum", "AT", "2025", 140, 1000, 0, 0]])
    with in_language("fr"):
        assert main(["load", str(path), "--db", str(tmp_path / "s.duckdb"), "--lang", "fr"]) == 1
    out = capsys.readouterr().out
    assert "  ERREUR [out_of_range] Survey, ligne 2, colonne « Collection digitised (%) » : 140 " in out


def test_a_column_nobody_recognises_is_refused_in_french(con, tmp_path):
    path = write_xlsx(tmp_path / "enquete.xlsx", [
        [*HEADER, "Couleur préférée"],
        ["AT-1", "Wien Museum", "AT", "2025", 40, 1000, 10_000, 100_000, "bleu"],
        ["AT-2", "Grazer Stadtmuseum", "AT", "2025", 20, 3000, 5_000, 50_000, "vert"]])
    with in_language("fr"):
        result = load_file(con, path)
    assert result["status"] == "rejected"
    [error] = result["errors"]
    assert error["rule"] == "unrecognised_column" and error["column"] == "Couleur préférée"
    assert error["message"] == (
        "La colonne « Couleur préférée » (I) contient des réponses (bleu · vert) mais n'est pas l'une des questions "
        "de l'enquête que l'application reconnaît. Elle ne correspond à aucune question de l'enquête. Indiquez ce "
        "qu'est « Couleur préférée » dans le tableau des colonnes de la page Chargement, ou en ligne de commande "
        "avec --map \"Couleur préférée=FIELD\" ou --ignore \"Couleur préférée\". Rien n'a été chargé.")
    assert result["message"] == "1 erreur(s) : rien n'a été chargé depuis ce fichier."


def test_a_picture_uploaded_as_a_survey_is_refused_in_german(con, tmp_path):
    path = tmp_path / "foto.xlsx"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    with in_language("de"):
        result = load_file(con, path)
    assert result["errors"][0]["message"] == ("Das ist ein PNG-Bild, keine Tabelle. Laden Sie eine xlsx-, xls-, ods- "
                                              "oder csv-Datei hoch.")
