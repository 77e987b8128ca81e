"""Layouts museum networks really send, each read whole: group titles merged over headings that name nothing together
with them, a row of units under the headings, totals rows in the survey's languages, answers on separate lines of
one cell, and CSV files saved by Excel in Central European, Baltic, Cyrillic and Greek code pages.

Every workbook is generated here with openpyxl; the expected values are read off the rows written below.
"""

from __future__ import annotations

import io

import duckdb
import openpyxl
import pytest

from analysis import schema
from analysis.loading.upload import load_bytes
from analysis.parsing.columns import find_header, is_total_label, match_option
from analysis.parsing.headers.recognise import assign, heading_to_read, match_header
from analysis.parsing.normalise import parse_cell
from analysis.reading.text import decode_text


def _workbook(rows: list[list], merged: tuple[str, ...] = ()) -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Besvarelser"
    for row in rows:
        ws.append(row)
    for cells in merged:
        ws.merge_cells(cells)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


# A Danish network's sheet: a title, group titles merged over the headings, a row of units, two museums, a totals
# row ("I alt") and a source line. "Besøg og personale" (visits and staff) over "Besøgende 2024" names nothing read
# together; "Finansieringsbehov frem til 2030" over "Infrastruktur" is what makes it a need.
DANISH = [
    ["Museernes digitale kortlægning 2025"],
    [],
    ["Museum", None, None, "Besøg og personale", None, "Samling og digitalisering", None, None,
     "Finansieringsbehov frem til 2030", None, "Finansiering"],
    ["Museum", "Land", "Museumstype", "Besøgende 2024", "Årsværk i alt", "Genstande i samlingen", "Digitaliseret",
     "Tilgængeligt online", "Infrastruktur", "Udstyr", "Finansieringskilder", "Region (NUTS 2)"],
    [None, None, None, "antal", "årsværk", "antal", "%", "%", "EUR", "EUR", None, None],
    ["Kunstmuseet Ålykke", "Danmark", "Kunstmuseum", 48200, 14.5, 6850, 92, 88, 60000, 25000,
     "Statstilskud\nEgenindtægter\nProjekt Kulturarv Vest", "DK04 Midtjylland"],
    ["Egnsmuseet Fjordhøj", "Danmark", "Kulturhistorisk museum", 21000, 6, 145000, 18, 15, 40000, 15000,
     "Kommunen\nStatstilskud", "DK03 Syddanmark"],
    ["I alt", None, None, 69200, 20.5, 151850, None, None, 100000, 40000, None],
    ["Kilde: ODM medlemsundersøgelse 2025."],
]
DANISH_MERGED = ("A3:C3", "D3:E3", "F3:H3", "I3:J3")


def test_group_titles_a_units_row_and_a_totals_row_are_read_as_a_person_reads_them(con):
    result = load_bytes(con, _workbook(DANISH, DANISH_MERGED), "kortlaegning.xlsx", wave="2025")
    assert result["status"] == "committed", result
    assert result["header_rows"] == {"Besvarelser": [3, 4, 5]}
    columns = ("museum_name", "country", "museum_type", "annual_visits", "staff_paid_fte", "collection_objects",
               "pct_digitised", "pct_online", "need_infrastructure_eur", "need_equipment_eur", "funding_sources",
               "region_nuts2")
    stored = con.execute(f"SELECT {', '.join(columns)} FROM current_responses ORDER BY source_row").fetchall()
    assert stored == [
        ("Kunstmuseet Ålykke", "DK", "art", 48200, 14.5, 6850, 92.0, 88.0, 60000.0, 25000.0,
         "national;own_income;other", "DK04"),
        ("Egnsmuseet Fjordhøj", "DK", "history", 21000, 6.0, 145000, 18.0, 15.0, 40000.0, 15000.0,
         "national;regional_local", "DK03"),
    ]


def test_a_heading_is_read_alone_when_its_group_title_makes_it_name_nothing():
    rows = [["Museum", "Visitors & staff", None, "Funding need to 2030 (EUR)"],
            ["Museum name", "Visits 2024", "Paid staff (FTE)", "Equipment"],
            ["Louvre", 9000000, 2000, 50000],
            ["Orsay", 3000000, 900, 20000]]
    header = find_header(rows, merged=[((0, 1), (0, 2))])
    assert header.rows == [0, 1]
    assert [m.field for m in header.matches] == ["museum_name", "annual_visits", "staff_paid_fte",
                                                 "need_equipment_eur"]


def test_a_legend_under_a_heading_leaves_the_heading_to_say_what_it_asks():
    rows = [["Museo", "Paese", "Museo riconosciuto dalla Regione", "Visitatori 2024"],
            [None, None, "sì/no", "numero"],
            ["Museo Civico", "Italia", "sì", 12000],
            ["Pinacoteca", "Italia", "no", 800]]
    header = find_header(rows)
    assert header.rows == [0, 1]
    assert [m.field for m in header.matches] == ["museum_name", "country", "accredited", "annual_visits"]


def test_sub_headings_are_no_row_of_units():
    rows = [["Museum name", "Country", "Funding need to 2030 (EUR)", None],
            [None, None, "Infrastructure", "Equipment"],
            ["Louvre", "FR", 10, 20]]
    header = find_header(rows, merged=[((0, 2), (0, 3))])
    assert header.rows == [0, 1]
    assert [m.field for m in header.matches][2:] == ["need_infrastructure_eur", "need_equipment_eur"]


@pytest.mark.parametrize("label", ["I alt", "Yhteensä", "Kokku", "Kopā", "Iš viso", "Celkem", "Spolu", "Összesen",
                                   "Skupaj", "Ukupno", "Общо", "Σύνολο", "Totalt", "Totale Lombardia",
                                   "TOTAL GENERAL", "Subtotal Madrid", "Razem:"])
def test_a_totals_row_is_known_in_the_survey_languages(label):
    assert is_total_label(label)


@pytest.mark.parametrize("name", ["Summerhill Museum", "Spoluhra Gallery", "Totalmuseum Oslo", "Kokkola Museum"])
def test_a_museum_whose_name_starts_like_a_total_is_no_totals_row(name):
    assert not is_total_label(name)


def test_answers_on_separate_lines_of_a_cell_are_separate_answers():
    f = schema.FIELDS_BY_NAME["funding_sources"]
    value, problem = parse_cell("Statstilskud\r\nEgenindtægter\nProjekt Kulturarv Vest", f)
    assert value == "national;own_income;other"      # the unknown line is kept as 'other', never dropped
    assert problem[1] == "other_choice" and "Projekt Kulturarv Vest" in problem[2]


@pytest.mark.parametrize("text, code_page", [
    ("Múzeum;Megye\nBakonyaljai Helytörténeti Gyűjtemény;Veszprém\nŐrségi Múzeum;Vas\n", "cp1250"),
    ("Muzeum;Liczba obiektów\nMuzeum Łódzkie;12 000\nMuzeum Śląskie w Katowicach;3 500\n", "cp1250"),
    ("Muzejs;Krājuma vienības\nLatvijas Nacionālais mākslas muzejs;12 000\n", "cp1257"),
    ("Muziejus;Eksponatų skaičius\nŠiaulių muziejus;12 000\nŽemaičių muziejus;3 500\n", "cp1257"),
    ("Музей;Брой предмети\nНационален исторически музей;12 000\n", "cp1251"),
    ("Μουσείο;Αριθμός αντικειμένων\nΑρχαιολογικό Μουσείο Θεσσαλονίκης;12 000\n", "cp1253"),
    ("Musée;Propriété\nMusée de la Mer à Sète;Ville\nMusée d’Histoire;État\n", "cp1252"),
    ("Museo;Región\nMuseo de España;Andalucía\nMuseu de São João;Açores\n", "cp1252"),
    ("Museum;Ejerforhold\nKunstmuseet Ålykke;Selvejende\nMøbelmuseet Tørning;Privat\n", "cp1252"),
    ("Museum;Budget;Share\nTate;12 000 €;45 µ\nMuseo;5.000 €;\n", "cp1252"),     # no letter says: the Western page
])
def test_a_csv_saved_in_a_windows_code_page_is_read_in_its_own(text, code_page):
    assert decode_text(text.encode(code_page)) == (text, code_page)


def test_a_hungarian_csv_keeps_its_letters_when_stored(con: duckdb.DuckDBPyConnection):
    text = ("Múzeum neve;Ország;Digitalizált (%)\r\nBakonyaljai Helytörténeti Gyűjtemény;Magyarország;12\r\n"
            "Őrségi Népi Műemlékegyüttes;Magyarország;40\r\n")
    result = load_bytes(con, text.encode("cp1250"), "felmeres.csv", wave="2025")
    assert result["status"] == "committed", result
    assert con.execute("SELECT museum_name, pct_digitised FROM current_responses ORDER BY source_row").fetchall() == [
        ("Bakonyaljai Helytörténeti Gyűjtemény", 12.0), ("Őrségi Népi Műemlékegyüttes", 40.0)]


def test_a_row_numbering_the_columns_is_part_of_the_header():
    rows = [["Nazwa muzeum", "Kraj", "Liczba zwiedzających w 2024 r."],
            ["1", "2", "3"],
            ["Muzeum Regionalne", "Polska", 12000],
            ["Muzeum Sztuki", "Polska", 800]]
    header = find_header(rows)
    assert header.rows == [0, 1]
    assert [m.field for m in header.matches] == ["museum_name", "country", "annual_visits"]


@pytest.mark.parametrize("written, stored", [("DK04 Midtjylland", "DK04"), ("FRK2 - Auvergne-Rhône-Alpes", "FRK2"),
                                             ("EL30: Attiki", "EL30"), ("ITC4", "ITC4"), ("Madrid", "Madrid")])
def test_a_region_written_as_its_nuts_code_and_name_is_stored_as_the_code(written, stored):
    assert parse_cell(written, schema.FIELDS_BY_NAME["region_nuts2"]) == (stored, None)


@pytest.mark.parametrize("field, typed, stored", [
    ("ai_use_cases", "Transkribering (OCR/HTR)", "ocr_htr_transcription"),       # a note in brackets
    ("funding_sources", "sponsorzy / mecenasi", "private_sponsorship"),           # two words for one answer
    ("main_obstacles", "Έλλειψη προσωπικού / χρόνου; Ηγεσία / στρατηγική", "staff_time;leadership_strategy"),
    ("eccch_or_dataspace_participation", "Europeana / national aggregator", "europeana;national_aggregator"),
    ("ownership", "Privat (ApS)", "private_for_profit"),
])
def test_an_answer_with_a_note_in_brackets_or_words_after_a_slash_is_read_by_its_parts(field, typed, stored):
    assert parse_cell(typed, schema.FIELDS_BY_NAME[field])[0] == stored


def test_an_answer_is_not_read_from_words_a_nothing_denies():
    value, problem = parse_cell("sort of - nothing on paper", schema.FIELDS_BY_NAME["has_digital_strategy"])
    assert value != "written" and problem is not None


def test_the_country_stated_above_the_table_is_every_museums_country(con: duckdb.DuckDBPyConnection):
    rows = [["Eesti Muuseumide Digivõrgustik"], ["Riik:", "Eesti"], ["Koostaja:", "Kadri Tamm"], [],
            ["Muuseum", "Külastusi 2024", "Digiteeritud (%)"],
            ["Kunstimuuseum Männiku Villa", 28400, 87],
            ["Raudtee- ja Tehnikamuuseum Jõeääre", 19600, 62]]
    result = load_bytes(con, _workbook(rows), "digiuuring.xlsx", wave="2025")
    assert result["status"] == "committed", result
    assert [w["rule"] for w in result["warnings"]] == ["country_from_title"]
    assert "Riik: Eesti" in result["warnings"][0]["message"]
    assert con.execute("SELECT museum_name, country, pct_digitised FROM current_responses ORDER BY source_row"
                       ).fetchall() == [("Kunstimuuseum Männiku Villa", "EE", 87.0),
                                        ("Raudtee- ja Tehnikamuuseum Jõeääre", "EE", 62.0)]


def test_two_countries_above_the_table_name_none():
    from analysis.parsing.sheets import _country_in

    assert _country_in([["Land:", "Danmark"], ["Partner:", "Land: Sverige"]]) is None
    assert _country_in([["País: España"]]) == ("ES", "País: España")


@pytest.mark.parametrize("heading, field", [("No. of objects¹", "collection_objects"),
                                            ("Visitors 2024*", "annual_visits"), ("Digitised (%)²", "pct_digitised")])
def test_a_footnote_mark_is_no_part_of_a_heading(heading, field):
    assert match_header(heading).field == field


def test_a_region_by_name_is_set_aside_and_by_code_is_stored(con: duckdb.DuckDBPyConnection):
    rows = [["Museum name", "County", "NUTS 2", "Country", "No. of objects¹"],
            ["Shannonside County Museum", "Limerick", "IE05", "Ireland", "32000"],
            ["Glenmara Gallery", "Dublin", "IE06", "Ireland", "250,000*"],
            ["Carrowkeel Folk Museum", "Mayo", "IE04", "Ireland", 8000],
            ["¹ * = estimated count."]]
    result = load_bytes(con, _workbook(rows), "returns.xlsx", wave="2025")
    assert result["status"] == "committed", result
    assert {m["column"]: m["field"] for m in result["mapping"]} == {
        "Museum name": "museum_name", "NUTS 2": "region_nuts2", "Country": "country",
        "No. of objects¹": "collection_objects"}
    assert any("County" in note for note in result["notes"])              # set aside, and said so
    assert con.execute("SELECT region_nuts2, collection_objects FROM current_responses ORDER BY source_row"
                       ).fetchall() == [("IE05", 32000), ("IE06", 250000), ("IE04", 8000)]


def test_a_section_title_lends_no_column_a_question_a_column_beside_it_asks():
    rows = [["Museum", "Land", "Standaarden & systemen", None],
            ["Naam museum", "Land", "Collectieregistratiesysteem", "SPECTRUM-conform"],
            ["Museum Kennemerduin", "Nederland", "ja", "nee"],
            ["Techniekmuseum De Vonk", "Nederland", "ja", "nee"],
            ["Kasteel Hoensbergh", "Nederland", "nee", None]]
    header = find_header(rows, merged=[((0, 2), (0, 3))])
    texts = [heading_to_read(header.readings[c], [r[c] for r in rows[2:]],
                             frozenset({"cms_spectrum_compliant"} if c == 2 else ())) for c in (2, 3)]
    assert texts[0] == "Collectieregistratiesysteem"             # its own words: whether it has a system
    assert [m.field for m in assign(texts, [[r[c] for r in rows[2:]] for c in (2, 3)])] == [
        "has_cms", "cms_spectrum_compliant"]


def test_an_option_after_a_dash_is_one_only_when_it_is_an_answer_of_the_question():
    question = "Aus welchen Quellen wird Ihre Digitalarbeit finanziert? (Mehrfachnennung)"
    assert match_option(f"{question} – Land / Kommune") == ("funding_sources", "regional_local", True)
    assert match_option(f"{question} – Eigeneinnahmen") == ("funding_sources", "own_income", True)
    assert match_option("Data and metadata – amount required") is None          # a heading that says more


def test_a_row_of_answer_kinds_under_full_questions_is_part_of_the_header():
    rows = [["Name des Museums", "Welcher Museumsart ordnen Sie Ihr Haus zu?", "Wie viele Besuche 2024?",
             "Digitales Budget pro Jahr", "Finanzbedarf Infrastruktur", "Finanzierung – Bund",
             "Finanzierung – Eigeneinnahmen", "Finanzierung – Sponsoring"],
            ["Text", "Auswahl", "Anzahl", "EUR", "EUR", "x", "x", "x"],
            ["Städtisches Kunstmuseum Talheim", "Kunstmuseum", 38400, 45000, 90000, "x", None, "x"],
            ["Heimatmuseum Lindenau", "Heimatmuseum", 5200, 8000, 12000, None, "x", None]]
    header = find_header(rows)
    assert header.rows == [0, 1]
    assert header.texts[5:] == rows[0][5:]              # the kinds are no part of the headings: options stay options
    assert [m.field for m in header.matches][:5] == ["museum_name", "museum_type", "annual_visits",
                                                     "digital_budget_available_eur", "need_infrastructure_eur"]


def test_a_group_title_of_unknown_words_does_not_make_a_sure_heading_unsure():
    rows = [["MUSEUM", None, "SIZE", None],
            ["Isem / Name", "Pajjiż / Country", "Żjarat / Visits 2024", "Staff FTE"],
            ["Heritage House", "Malta", 96500, 19.5],
            ["Gozo Museum", "Malta", 38200, 6.0],
            ["Maritime Museum", "Malta", 27400, 10.0]]
    header = find_header(rows, merged=[((0, 0), (0, 1)), ((0, 2), (0, 3))])
    texts = [heading_to_read(header.readings[c], [r[c] for r in rows[2:]]) for c in (2, 3)]
    assert texts == ["Żjarat / Visits 2024", "Staff FTE"]         # not 'SIZE Staff FTE', which reads at 67 %
    assert [m.field for m in assign(texts, [[r[c] for r in rows[2:]] for c in (2, 3)])] == [
        "annual_visits", "staff_paid_fte"]
