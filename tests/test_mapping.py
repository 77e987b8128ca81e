"""Header mapping: the headings real people write, in several languages, land on the right field."""

import pytest

from analysis.mapping import column_letter, find_header, match_header


@pytest.mark.parametrize("header, field", [
    ("Nom du musée", "museum_name"), ("Name des Museums", "museum_name"), ("Nazwa muzeum", "museum_name"),
    ("Nombre del museo", "museum_name"), ("Naam van het museum", "museum_name"),
    ("Pays", "country"), ("Land", "country"), ("Paese", "country"),
    ("% numérisé", "pct_digitised"), ("Anteil digitalisiert (%)", "pct_digitised"),
    ("Share of collection digitised (%)", "pct_digitised"), ("% digitized", "pct_digitised"),
    ("Budget numérique (€)", "digital_budget_available_eur"), ("Digitalbudget (EUR)", "digital_budget_available_eur"),
    ("Annual digitisation budget (EUR)", "digital_budget_available_eur"),
    ("Staff digitisation FTE", "staff_fte_digital"), ("Besucher pro Jahr", "annual_visits"),
    ("Collection digitised in 3D (%)", "pct_digitised_3d"), ("Online: rights unknown (% of online)",
                                                             "pct_online_rights_unknown"),
])
def test_headers_map_to_fields(header, field):
    assert match_header(header).field == field


@pytest.mark.parametrize("header", ["E-mail", "Courriel", "Téléphone", "Contact person", "Ansprechpartner"])
def test_personal_data_headers_are_recognised(header):
    match = match_header(header)
    assert match.field is None and match.how.startswith("personal")


def test_unknown_header_stays_unmapped():
    assert match_header("Favourite colour").field is None


def test_header_found_below_title_rows_and_two_row_header_joined():
    rows = [
        ["Survey of museums 2025", None, None, None],
        ["Source: national network", None, None, None],
        [None, None, None, None],
        ["Museum name", "Country", "Funding need to 2030 (EUR)", None],
        [None, None, "Infrastructure", "Equipment"],
        ["Louvre", "FR", 10, 20],
    ]
    header = find_header(rows, merged=[((3, 2), (3, 3))])
    assert header.rows == [3, 4]
    assert [m.field for m in header.matches] == ["museum_name", "country", "need_infrastructure_eur",
                                                 "need_equipment_eur"]


def test_column_letters():
    assert [column_letter(i) for i in (0, 25, 26, 701, 702)] == ["A", "Z", "AA", "ZZ", "AAA"]
