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
    value, (severity, rule, message) = parse_cell("LIDO; our own spreadsheet", F["metadata_standards"])
    assert (value, severity, rule) == ("lido;other", "warning", "other_choice")
    assert "our own spreadsheet" in message


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
