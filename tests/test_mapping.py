"""Header mapping: the headings real people write, in several languages, land on the right field."""

import pytest

from analysis.parsing.columns import column_letter, find_header, match_header
from analysis.parsing.report import MappingKind


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
    assert match.field is None and match.how is MappingKind.PERSONAL_DATA


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


def test_answers_under_the_header_are_not_read_as_headings(monkeypatch):
    """A row of answers repeats its yes/no answers, and its numbers name nothing, so it cannot name as many fields
    as the header found above it: its museum names, towns and remarks are never read as headings (reading them
    made a sheet's header search several times slower)."""
    from analysis.parsing import columns

    read = []
    monkeypatch.setattr(columns, "match_header", lambda text: read.append(text) or match_header(text))
    header_row = ["Museum name", "Country", "Town", "Collection management system", "IIIF", "Persistent identifiers",
                  "Accredited", "Annual visits", "Collection digitised (%)", "Remarks"]
    rows = [header_row,
            ["Musée des Beaux-Arts", "FR", "Lyon", "yes", "yes", "no", "yes", 300_000, 45, "Fermé pour travaux"],
            ["Städel Museum", "DE", "Frankfurt", "yes", "no", "no", "yes", 450_000, 60, "Neue Sammlung online"],
            ["Rijksmuseum", "NL", "Amsterdam", "yes", "yes", "yes", "yes", 2_500_000, 80, "Zie jaarverslag"]]
    header = columns.find_header(rows)
    assert header.rows == [0]
    assert [m.field for m in header.matches] == ["museum_name", "country", None, "has_cms", "iiif",
                                                 "persistent_identifiers", "accredited", "annual_visits",
                                                 "pct_digitised", None]
    assert set(read) == set(header_row)


def test_column_letters():
    assert [column_letter(i) for i in (0, 25, 26, 701, 702)] == ["A", "Z", "AA", "ZZ", "AAA"]


def test_mapping_kinds_and_skipped_sheets_are_worded_for_people_and_compared_as_kinds(tmp_path):
    """One option column per answer, an option that is no answer, a summary column beside option columns, a
    hidden sheet and a sheet of instructions: each gets its kind, and the report words it as before."""
    import openpyxl

    from analysis.parsing.sheets import parse_upload
    from analysis.parsing.report import SkipReason

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Survey"
    ws.append(["Museum name", "Country", "Survey wave", "Collection digitised (%)", "Metadata standards [LIDO]",
               "Metadata standards [Darwin Core]", "E-mail"])
    ws.append(["Wien Museum", "AT", "2025", 40, "LIDO", "", "a@b.at"])
    wb.create_sheet("Old").append(["Museum name", "Country"])
    wb["Old"].sheet_state = "hidden"
    wb.create_sheet("Read me").append(["Please fill in one row per museum", "Thank you"])
    museums = wb.create_sheet("Museums")                   # a list of museums: no survey answers
    museums.append(["Museum name", "Country"])
    museums.append(["Wien Museum", "AT"])
    path = tmp_path / "kinds.xlsx"
    wb.save(path)
    report = parse_upload(path.read_bytes(), "kinds.xlsx").report
    kinds = {m.column: (m.how, m.how_text) for m in report.mapping}
    assert kinds["Metadata standards [LIDO]"] == (MappingKind.OPTION,
                                                  "option 'lido' of a several-answers question")
    assert kinds["Metadata standards [Darwin Core]"] == (
        MappingKind.OTHER_OPTION, "option of a several-answers question, not one of its answers: stored as 'other'")
    assert kinds["E-mail"] == (MappingKind.PERSONAL_DATA, "personal data (dropped)")
    assert report.dropped_columns == ["E-mail"]
    assert report.sheets_skipped == {"Old": SkipReason.HIDDEN, "Read me": SkipReason.NO_HEADER,
                                     "Museums": SkipReason.TEXT_ONLY}
    said = report.as_dict()
    assert said["sheets"]["skipped"] == {
        "Old": "hidden sheet", "Read me": "no survey columns found (instructions, notes or a lookup list)",
        "Museums": "no survey answer columns (text only: instructions or notes)"}
    assert {m["column"]: m["how"] for m in said["mapping"]}["Metadata standards [LIDO]"] == (
        "option 'lido' of a several-answers question")
