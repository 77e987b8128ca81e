"""Cell parsing: each expected value below is what a person means by what they typed."""

import datetime as dt

import pytest

from analysis import schema
from analysis.parsing.normalise import parse_cell, parse_number

F = schema.FIELDS_BY_NAME


@pytest.mark.parametrize("typed, expected", [
    ("1 200 000", 1_200_000), ("1.200.000,50", 1_200_000.5), ("€ 1,200,000", 1_200_000), ("1,2 M€", 1_200_000),
    ("250k", 250_000), ("250 K€", 250_000), ("1.200.000 €", 1_200_000), ("12,50", 12.5), ("3.5", 3.5),
    ("1.200", 1200), ("EUR 45", 45), ("2 Mio. €", 2_000_000), ("1\u00a0250\u00a0000 €", 1_250_000),
])
def test_money_forms(typed, expected):
    assert parse_cell(typed, F["digital_budget_available_eur"]) == (pytest.approx(expected), None)


@pytest.mark.parametrize("typed, expected", [
    ("45", 45), ("45%", 45), ("45 %", 45), ("45,5", 45.5), ("45.5 %", 45.5), (45, 45), (12.25, 12.25),
])
def test_percent_forms(typed, expected):
    assert parse_cell(typed, F["pct_digitised"]) == (pytest.approx(expected), None)


@pytest.mark.parametrize("typed", ["n/a", "-", "?", "NC", "na", "n.d.", "k.A.", "", "   ", None])
def test_blank_markers_are_not_answered(typed):
    assert parse_cell(typed, F["pct_digitised"]) == (None, None)


@pytest.mark.parametrize("typed, expected", [
    ("oui", True), ("Non", False), ("ja", True), ("nein", False), ("sí", True), ("tak", True), ("nie", False),
    ("x", True), (1, True), (0.0, False), ("Yes", True), ("nee", False),
])
def test_booleans_in_several_languages(typed, expected):
    assert parse_cell(typed, F["accredited"]) == (expected, None)


@pytest.mark.parametrize("typed, expected", [
    ("France", "FR"), ("Frankreich", "FR"), ("Allemagne", "DE"), ("Niederlande", "NL"), ("Pays-Bas", "NL"),
    ("Polska", "PL"), ("Hiszpania", "ES"), ("Italia", "IT"), ("DEU", "DE"), ("fr", "FR"), ("België", "BE"),
    ("Österreich", "AT"), ("Czechia", "CZ"), ("UK", "GB"), ("EL", "GR"), ("Ελλάδα", "GR"),
])
def test_countries_in_eu_languages_and_codes(typed, expected):
    assert parse_cell(typed, F["country"]) == (expected, None)


def test_unknown_country_is_an_error_that_says_how_to_fix_it():
    value, (severity, rule, message) = parse_cell("Atlantis", F["country"])
    assert (value, severity, rule) == (None, "error", "unknown_country")
    assert "ISO code" in message


def test_text_in_number_field_is_an_error_naming_the_value():
    value, (severity, rule, message) = parse_cell("about half", F["pct_digitised"])
    assert (value, severity, rule) == (None, "error", "not_a_number")
    assert "'about half'" in message


def test_enum_label_code_and_fuzzy():
    field = F["museum_type"]
    assert parse_cell("Natural history & natural science", field) == ("natural_history_science", None)
    assert parse_cell("art", field) == ("art", None)
    value, (severity, rule, _) = parse_cell("Archaeologie", field)
    assert (value, severity, rule) == ("archaeology", "warning", "fuzzy_choice")
    value, (severity, rule, message) = parse_cell("Zoo", field)
    assert (value, severity, rule) == (None, "error", "unknown_choice")
    assert "monument_site" in message


@pytest.mark.parametrize("typed", ["lido;edm", "LIDO; EDM", "lido, edm", "lido edm", "EDM | LIDO"])
def test_multi_select_separators(typed):
    assert parse_cell(typed, F["metadata_standards"]) == ("lido;edm", None)


def test_multi_select_free_text_becomes_other_with_a_warning():
    value, (severity, rule, message) = parse_cell("LIDO; Excel list from 1998", F["metadata_standards"])
    assert (value, severity, rule) == ("lido;other", "warning", "other_choice")
    assert "Excel list from 1998" in message


def test_whole_numbers_and_date_formatted_numbers():
    assert parse_cell("12.500", F["collection_objects"]) == (12500, None)
    value, (severity, rule, _) = parse_cell(12.5, F["collection_objects"])
    assert (value, severity, rule) == (None, "error", "not_a_whole_number")
    # Excel shows the number 45 formatted as a date as 14/02/1900 (its 1900 leap-year bug included).
    value, (severity, rule, _) = parse_cell(dt.date(1900, 2, 14), F["collection_objects"])
    assert (value, severity, rule) == (45, "warning", "date_formatted_number")


def test_dates_and_waves():
    assert parse_cell("31/08/2025", F["reference_date"]) == (dt.date(2025, 8, 31), None)
    assert parse_cell("2025-08-31", F["reference_date"]) == (dt.date(2025, 8, 31), None)
    assert parse_cell(2025.0, F["survey_wave"]) == ("2025", None)
    assert parse_cell("wave two", F["survey_wave"])[1][1] == "bad_wave"


def test_parse_number_rejects_words():
    assert parse_number("twelve") is None
    assert parse_number("12 museums") is None


def test_three_decimals_after_zero_are_decimals_not_thousands():
    assert parse_number("0.125") == 0.125
    assert parse_number("0,125") == 0.125
    assert parse_number("1.250") == 1250.0          # one separator, three digits after it: thousands


# --- figures written with words, as museum staff type them ------------------------------------------------------
@pytest.mark.parametrize("field, typed, expected, left_out", [
    ("collection_objects", "ca. 5000", 5000, "'ca.'"),
    ("collection_objects", "~5000", 5000, "'~'"),
    ("collection_objects", "about 3,500", 3500, "'about'"),
    ("collection_objects", "ok. 2 tys.", 2000, "'ok.'"),               # Polish: about two thousand
    ("collection_objects", "c. 40,000", 40000, "'c.'"),
    ("collection_objects", "cca 300", 300, "'cca'"),                   # Czech, Slovak
    ("collection_objects", "12 500 (estimated)", 12500, "'(estimated)'"),
    ("annual_visits", "ca. 120.000 (2023)", 120000, "'(2023)'"),        # the year the figure is of
    ("annual_visits", "circa 8.000 (dato 2023)", 8000, "'(dato 2023)'"),
    ("collection_objects", "10000 objects", 10000, "'objects'"),
    ("collection_objects", "40 000 obj.", 40000, "'obj.'"),
    ("annual_visits", "noin 12 000 kävijää", 12000, "'noin', 'kävijää'"),   # Finnish: about 12,000 visitors
    ("collection_objects", "c.40k objects (est.)", 40_000, "'objects'"),      # the 'k' is the figure's own word
    ("collection_objects", "ok. 12 tys. muzealiów", 12_000, "'muzealiów'"),
    ("annual_visits", "45 tisuća posjetitelja", 45_000, "'posjetitelja'"),
    ("staff_paid_fte", "3,5 VZÄ", 3.5, "'VZÄ'"),                       # German: full-time equivalents
    ("pct_digitised", "ca. 30%", 30, "'ca.'"),
    ("pct_digitised", "circa 10 %", 10, "'circa'"),
    ("pct_digitised", "45 % (geschätzt)", 45, "'(geschätzt)'"),
    ("digital_budget_available_eur", "ca. 1,2 Mio. €", 1_200_000, "'ca.'"),
])
def test_a_figure_among_words_is_read_with_a_warning_naming_what_was_left_out(field, typed, expected, left_out):
    value, (severity, rule, message) = parse_cell(typed, F[field])
    assert (value, severity, rule) == (pytest.approx(expected), "warning", "words_around_number")
    assert f"'{typed}'" in message and left_out in message


@pytest.mark.parametrize("field, typed, expected", [
    ("collection_objects", "2 tys.", 2000), ("collection_objects", "3 Tsd.", 3000),
    ("collection_objects", "1,5 mln", 1_500_000), ("collection_objects", "2 miljoen", 2_000_000),
    ("digital_budget_available_eur", "1,5 mld €", 1_500_000_000),
    ("digital_budget_available_eur", "250 ezer €", 250_000),
    ("digital_budget_available_eur", "25 mil €", 25_000),              # Spanish, Portuguese: thousand
    ("digital_budget_available_eur", "1,2 mil. EUR", 1_200_000),       # Czech, Slovak: million
    ("digital_budget_available_eur", "40 TEUR", 40_000), ("digital_budget_available_eur", "€ 12.000,-", 12_000),
    ("digital_budget_available_eur", "1,2 millones de euros", 1_200_000),
    ("digital_budget_available_eur", "15.000 ευρώ", 15_000), ("annual_visits", "120 de mii", 120_000),
    ("pct_digitised", "80 por ciento", 80), ("pct_digitised", "87 százalék", 87), ("pct_digitised", "45 v.H.", 45),
    ("pct_digitised", "12.5 per cent", 12.5), ("pct_digitised", "10 на сто", 10),
    ("need_equipment_eur", "5.000 evrur", 5_000), ("need_equipment_eur", "1,2 млн. евро", 1_200_000),
])
def test_thousands_and_millions_in_the_survey_languages(field, typed, expected):
    assert parse_cell(typed, F[field]) == (pytest.approx(expected), None)


@pytest.mark.parametrize("field, typed", [
    ("pct_digitised", "<5%"), ("pct_digitised", "20-30%"), ("collection_objects", "5 000+"),
    ("collection_objects", "> 10000"), ("collection_objects", "over 5000"),
    ("collection_objects", "5 milionu"),                # a multiplier not known: never a unit
    ("collection_objects", "5000 (3000 on display)"),   # a note with another figure in it
    ("digital_budget_available_eur", "30 000 zł"), ("digital_budget_available_eur", "ca. £ 3,000"),
    ("pct_digitised", "about half"),
])
def test_bounds_ranges_other_currencies_and_unknown_multipliers_stay_errors(field, typed):
    value, (severity, rule, message) = parse_cell(typed, F[field])
    assert (value, severity, rule) == (None, "error", "not_a_number")
    assert f"'{typed}'" in message


@pytest.mark.parametrize("typed, expected, severity", [
    ("Republic of Ireland", "IE", "warning"),           # spelt like 'Republic of Iceland', names Ireland
    ("Bundesrepublik Deutschland", "DE", None), ("Lëtzebuerg", "LU", None), ("Spain (Catalonia)", "ES", "warning"),
])
def test_country_named_inside_a_longer_answer(typed, expected, severity):
    value, problem = parse_cell(typed, F["country"])
    assert (value, problem and problem[0]) == (expected, severity)


def test_an_answer_naming_two_countries_is_an_error():
    assert parse_cell("Germany/Austria", F["country"])[1][1] == "unknown_country"


@pytest.mark.parametrize("typed", [
    "31. Dezember 2024", "31 grudnia 2024", "31. prosince 2024", "December 31, 2024", "2024. december 31.",
    "31 Δεκεμβρίου 2024", "31 dic. 2024", "31-Dec-2024", "31 de diciembre de 2024", "2024. 12. 31.", "31.12.2024.",
    "31.12.2024 г.", "2024 m. gruodžio 31 d.", "2024. gada 31. decembris", "31 ta' Diċembru 2024", "k 31. 12. 2024",
    "Stichtag 31.12.24", "31. Dezember 2024", "31/12 2024",
])
def test_dates_written_with_the_month_name_or_local_punctuation(typed):
    assert parse_cell(typed, F["reference_date"]) == (dt.date(2024, 12, 31), None)


def test_dates_read_by_a_guess_say_so():
    # the day can only be second; 45657 is the number Excel stores for 31 December 2024 (45658 = 1 January 2025)
    for typed in ("12/31/2024", "45657"):
        value, (severity, rule, message) = parse_cell(typed, F["reference_date"])
        assert (value, severity, rule) == (dt.date(2024, 12, 31), "warning", "date_read")
        assert "2024-12-31" in message
    assert parse_cell("05/06/2024", F["reference_date"]) == (dt.date(2024, 6, 5), None)   # day first in Europe


@pytest.mark.parametrize("typed", ["Dec 2024", "2024", "31 listopad 2024"])    # listopad: Croatian October,
def test_dates_without_a_day_or_with_a_month_of_two_languages_are_errors(typed):   # Polish and Czech November
    assert parse_cell(typed, F["reference_date"])[1][1] == "not_a_date"


@pytest.mark.parametrize("typed, expected", [
    ("Ja, statsanerkendt", True), ("Oui (appellation Musée de France)", True), ("tak (wpisane do rejestru)", True),
    ("nein - nur regional", False),
])
def test_yes_or_no_with_a_note_after_it_is_read_with_a_warning(typed, expected):
    value, (severity, rule, message) = parse_cell(typed, F["accredited"])
    assert (value, severity, rule) == (expected, "warning", "note_left_out")
    assert f"'{typed}'" in message


def test_a_note_after_something_else_than_yes_or_no_is_still_an_error():
    assert parse_cell("pending, 2026", F["accredited"])[1][1] == "not_yes_no"


@pytest.mark.parametrize("typed", ["oui, mais non écrite", "Yes, informal (not written down)"])
def test_a_yes_a_no_or_a_denied_choice_inside_a_longer_answer_names_no_choice(typed):
    # 'non' alone would be 'none' (no strategy) and 'written' a written one: both would be wrong readings
    assert parse_cell(typed, F["has_digital_strategy"])[0] not in ("none", "written")


@pytest.mark.parametrize("typed", ["privat", "private", "privato", "prywatne"])
def test_a_bare_private_fits_non_profit_and_for_profit_so_is_asked_for(typed):
    assert parse_cell(typed, F["ownership"])[1][1] == "unknown_choice"


def test_a_word_for_not_answered_that_is_also_a_country_code_stays_the_country():
    assert parse_cell("DK", F["country"]) == ("DK", None)          # English 'DK' (don't know) is Denmark here


@pytest.mark.parametrize("typed, expected", [("Ελλάδα", "GR"), ("България", "BG")])
def test_an_answer_in_greek_or_cyrillic_letters_is_no_blank(typed, expected):
    assert parse_cell(typed, F["country"]) == (expected, None)


def test_austrian_january():
    assert parse_cell("15. Jänner 2025", F["reference_date"]) == (dt.date(2025, 1, 15), None)


@pytest.mark.parametrize("typed", ["aucune", "brak", "keine"])
def test_a_word_for_none_is_the_none_answer_of_a_choice_question(typed):
    assert parse_cell(typed, F["has_digital_strategy"]) == ("none", None)


@pytest.mark.parametrize("typed", ["Tá, ach níl sé scríofa", "kirjalikult pole, aga suunad on kokku lepitud"])
def test_a_choice_denied_before_or_after_is_not_read(typed):       # Irish 'it is not written', Estonian 'in writing
    assert parse_cell(typed, F["has_digital_strategy"])[0] != "written"   # there is none, but ...'


def test_a_country_outside_europe_is_read_with_a_warning():
    value, (severity, rule, message) = parse_cell("LR", F["country"])    # Liberia; Lithuanian staff may mean LT
    assert (value, severity, rule) == ("LR", "warning", "country_outside_europe")
    assert "Liberia" in message
    assert parse_cell("Norway", F["country"]) == ("NO", None)


def test_a_phrase_inside_a_longer_one_names_nothing_of_its_own():
    # 'historique' alone is history; inside 'monument historique' it is part of a monument
    assert parse_cell("Château-musée (monument historique)", F["museum_type"])[0] == "monument_site"
    assert parse_cell("Musée d'art et d'histoire", F["museum_type"])[0] == "general_mixed"   # of two kinds: mixed
    assert parse_cell("Musée d'art et d'archéologie industrielle", F["museum_type"])[0] is None   # two, not listed


@pytest.mark.parametrize("typed, expected", [
    ("4 - Good", 4), ("4 (gut)", 4), ("3 = ausreichend", 3), ("3/5", 3), ("4 von 5", 4), ("3 sur 5", 3),
    ("Level 3", 3), ("Stufe 2 (Grundkenntnisse)", 2),
])
def test_a_rating_with_its_label_or_its_scale_is_read_with_a_warning(typed, expected):
    value, (severity, rule, _) = parse_cell(typed, F["infra_storage"])         # a 1-5 scale
    assert (value, severity, rule) == (expected, "warning", "words_around_number")


@pytest.mark.parametrize("typed", ["3-4", "3/4", "good", "4 of 8"])     # two levels, another scale, a label alone
def test_a_rating_that_names_no_one_level_of_the_scale_is_an_error(typed):
    assert parse_cell(typed, F["infra_storage"])[1][1] == "not_a_number"


@pytest.mark.parametrize("typed", ["nein", "keine", "ei"])
def test_a_bare_no_or_none_to_a_several_answers_question_with_a_none_option_is_none(typed):
    assert parse_cell(typed, F["metadata_standards"]) == ("none", None)


def test_a_longer_item_naming_several_options_chooses_them_all_with_a_warning():
    field = F["eccch_or_dataspace_participation"]
    value, (severity, rule, _) = parse_cell("Europeana (via national aggregator)", field)
    assert (value, severity, rule) == ("europeana;national_aggregator", "warning", "fuzzy_choice")


def test_a_plus_separates_several_answers():
    assert parse_cell("LIDO + Dublin Core", F["metadata_standards"]) == ("lido;dublin_core", None)


def test_a_figure_out_of_another_figure_is_no_number():
    assert parse_cell("2 de 5", F["collection_objects"])[1][1] == "not_a_number"     # not 25
    assert parse_cell("2 de 5", F["infra_storage"])[0] == 2                           # level 2 of 5


@pytest.mark.parametrize("typed", ["1. money 2. skills 3. copyright", "1) money 2) skills 3) copyright",
                                   "1/ money 2/ skills 3/ copyright", "1.º money 2.º skills 3.º copyright"])
def test_a_ranked_list_is_several_answers(typed):
    assert parse_cell(typed, F["main_obstacles"]) == ("money;skills;copyright", None)


@pytest.mark.parametrize("typed", ["2024", "25000"])
def test_a_number_is_no_answer_to_a_several_answers_question(typed):
    value, (severity, rule, message) = parse_cell(typed, F["funding_sources"])
    assert (value, severity, rule) == (None, "error", "unknown_choice")
    assert f"'{typed}'" in message


@pytest.mark.parametrize("typed", ["Ayuntamiento", "gemeente", "Ministerstvo kultury"])
def test_a_public_body_that_owns_museums_is_a_source_of_funding_at_its_level(typed):
    assert parse_cell(typed, F["funding_sources"])[0] in ("regional_local", "national")
    assert parse_cell(typed, F["ownership"])[0] == {"national": "national_state",
                                                    "regional_local": "regional_local_authority"}[
        parse_cell(typed, F["funding_sources"])[0]]


def test_staff_words_do_not_start_compound_words():
    # Swedish 'entré' (entrance fees: own income) is no head of French 'entreprise'
    assert "own_income" not in parse_cell("mécénat d'entreprise", F["funding_sources"])[0]


def test_separators_alone_are_no_number_and_no_answer():
    assert parse_cell(";", F["funding_sources"]) == (None, None)


def test_a_figure_among_words_too_large_is_out_of_range():
    assert parse_cell("ca. 5000000000000000", F["collection_objects"])[1][1] == "out_of_range"
