"""A small hand-worked survey (6 museums, 3 countries, wave 2025) and the same data written messily.

Everything is generated in code with openpyxl / the csv module; no binary fixture is committed.

`CANONICAL` is the truth: the values every variant must store in `responses` / `current_responses`
(country as ISO alpha-2, percentages 0-100, money in EUR, booleans, enumeration codes, multi-selects as
';'-joined codes, blank = None). The expected aggregates are worked out by hand in
tests/test_messy_variants.py.

The messy variants are what analysts actually send:

* `french`  - French headers, a title block above the header, French country names, oui/non, "45 %",
              "45,5", "1.200.000 €", "100 000 €" (with a no-break space), "NC" for not answered, an
              "E-mail" column (personal data: must be dropped), blank rows between countries and a
              "Total" row at the bottom.
* `german`  - German headers, a merged two-row header ("Finanzbedarf bis 2030 (EUR)" over the six need
              columns, the other headings merged vertically over both rows), German country names,
              ja/nein, decimal commas, "3.000.000", "k.A." for not answered, a "Summe" row.
* `csv_semicolon_cp1252` - English headers as people write them, ';' delimiter, decimal commas,
              cp1252 encoding (accented names, "€" in a header), country names and alpha-2/alpha-3 codes,
              an e-mail column.

Enumeration answers are written as the template's English labels (or codes), as a dropdown would
produce them; the percent-as-fraction case (0.45) is deliberately absent (it triggers a warning by design).
"""

from __future__ import annotations

import csv
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

WAVE = "2025"

NEED_FIELDS = (
    "need_infrastructure_eur",
    "need_equipment_eur",
    "need_human_resources_eur",
    "need_data_metadata_eur",
    "need_copyright_clearance_eur",
    "need_training_eur",
)

# Column order of every variant (canonical field names).
COLUMNS = (
    "museum_id",
    "museum_name",
    "country",
    "museum_type",
    "ownership",
    "accredited",
    "annual_visits",
    "collection_objects",
    "pct_digitised",
    "pct_no_need_digitise",
    "pct_online",
    "has_digital_strategy",
    "staff_paid_fte",
    "staff_fte_digital",
    "digital_budget_available_eur",
    *NEED_FIELDS,
    "funding_horizon_years",
    "metadata_standards",
)

# --- the canonical, hand-worked data set (sorted by museum_id) ---------------------------------------
CANONICAL: list[dict] = [
    {
        "museum_id": "DE01",
        "museum_name": "Museum für Völkerkunde Hafenstadt",
        "country": "DE",
        "museum_type": "ethnography_anthropology",
        "ownership": "regional_local_authority",
        "accredited": True,
        "annual_visits": 120_000,
        "collection_objects": 200_000,
        "pct_digitised": 30.0,
        "pct_no_need_digitise": 10.0,
        "pct_online": 20.0,
        "has_digital_strategy": "written",
        "staff_paid_fte": 40.0,
        "staff_fte_digital": 4.0,
        "digital_budget_available_eur": 100_000.0,
        "need_infrastructure_eur": 400_000.0,
        "need_equipment_eur": 200_000.0,
        "need_human_resources_eur": 200_000.0,
        "need_data_metadata_eur": 100_000.0,
        "need_copyright_clearance_eur": 0.0,          # answered zero: stored 0, not NULL
        "need_training_eur": 100_000.0,
        "funding_horizon_years": None,                # default 2030 - 2025 = 5
        "metadata_standards": "lido;edm",
    },
    {
        "museum_id": "DE02",
        "museum_name": "Kunsthalle Süderau",
        "country": "DE",
        "museum_type": "art",
        "ownership": "private_nonprofit",
        "accredited": False,
        "annual_visits": 45_000,
        "collection_objects": 20_000,
        "pct_digitised": 45.5,
        "pct_no_need_digitise": 4.5,
        "pct_online": 25.0,
        "has_digital_strategy": "unwritten",
        "staff_paid_fte": 12.5,
        "staff_fte_digital": 1.5,
        "digital_budget_available_eur": 50_000.0,
        "need_infrastructure_eur": 100_000.0,
        "need_equipment_eur": 100_000.0,
        "need_human_resources_eur": 50_000.0,
        "need_data_metadata_eur": 50_000.0,
        "need_copyright_clearance_eur": 50_000.0,
        "need_training_eur": 50_000.0,
        "funding_horizon_years": 4,
        "metadata_standards": "dublin_core",
    },
    {
        "museum_id": "FR01",
        "museum_name": "Musée des Beaux-Arts de Sainte-Élise",
        "country": "FR",
        "museum_type": "art",
        "ownership": "national_state",
        "accredited": True,
        "annual_visits": 1_200_000,
        "collection_objects": 500_000,
        "pct_digitised": 60.0,
        "pct_no_need_digitise": 20.0,
        "pct_online": 45.0,
        "has_digital_strategy": "written",
        "staff_paid_fte": 250.0,
        "staff_fte_digital": 20.0,
        "digital_budget_available_eur": 1_200_000.0,
        "need_infrastructure_eur": 3_000_000.0,
        "need_equipment_eur": 1_500_000.0,
        "need_human_resources_eur": 3_000_000.0,
        "need_data_metadata_eur": 1_500_000.0,
        "need_copyright_clearance_eur": 1_500_000.0,
        "need_training_eur": 1_500_000.0,
        "funding_horizon_years": None,
        "metadata_standards": "lido;edm;cidoc_crm",
    },
    {
        "museum_id": "FR02",
        "museum_name": "Écomusée du Pays d'Aurèle",
        "country": "FR",
        "museum_type": "regional_local",
        "ownership": "regional_local_authority",
        "accredited": False,
        "annual_visits": 8_000,
        "collection_objects": 80_000,
        "pct_digitised": 10.0,
        "pct_no_need_digitise": 50.0,
        "pct_online": 5.0,
        "has_digital_strategy": "none",
        "staff_paid_fte": 3.0,
        "staff_fte_digital": 0.5,
        "digital_budget_available_eur": 10_000.0,
        "need_infrastructure_eur": 10_000.0,
        "need_equipment_eur": 10_000.0,
        "need_human_resources_eur": None,             # not answered
        "need_data_metadata_eur": 5_000.0,
        "need_copyright_clearance_eur": None,         # not answered
        "need_training_eur": 5_000.0,
        "funding_horizon_years": None,
        "metadata_standards": "in_house",
    },
    {
        "museum_id": "NL01",
        "museum_name": "Historisch Museum Zuiderhaven",
        "country": "NL",
        "museum_type": "history",
        "ownership": "national_state",
        "accredited": True,
        "annual_visits": 300_000,
        "collection_objects": 200_000,
        "pct_digitised": 50.0,
        "pct_no_need_digitise": 10.0,
        "pct_online": 50.0,                           # equal to pct_digitised: no warning
        "has_digital_strategy": "written",
        "staff_paid_fte": 60.0,
        "staff_fte_digital": 6.0,
        "digital_budget_available_eur": 200_000.0,
        "need_infrastructure_eur": 200_000.0,
        "need_equipment_eur": 200_000.0,
        "need_human_resources_eur": 200_000.0,
        "need_data_metadata_eur": 100_000.0,
        "need_copyright_clearance_eur": 100_000.0,
        "need_training_eur": 0.0,
        "funding_horizon_years": 2,
        "metadata_standards": "edm;dublin_core",
    },
    {   # the museum that left many fields blank
        "museum_id": "NL02",
        "museum_name": "Museum Het Oude Molenhuis",
        "country": "NL",
        "museum_type": "specialised",
        "ownership": "private_nonprofit",
        "accredited": None,
        "annual_visits": 15_000,
        "collection_objects": None,
        "pct_digitised": 14.5,
        "pct_no_need_digitise": None,
        "pct_online": None,
        "has_digital_strategy": None,
        "staff_paid_fte": 5.0,
        "staff_fte_digital": None,
        "digital_budget_available_eur": None,
        "need_infrastructure_eur": 40_000.0,
        "need_equipment_eur": 20_000.0,
        "need_human_resources_eur": None,
        "need_data_metadata_eur": None,
        "need_copyright_clearance_eur": None,
        "need_training_eur": None,
        "funding_horizon_years": None,
        "metadata_standards": None,
    },
]

# Personal data written into the messy variants; none of it may be stored.
EMAILS = {
    "DE01": "sammlung@voelkerkunde-hafenstadt.de",
    "DE02": "info@kunsthalle-suederau.de",
    "FR01": "conservation@mba-sainte-elise.fr",
    "FR02": "contact@ecomusee-aurele.fr",
    "NL01": "collecties@zuiderhaven-museum.nl",
    "NL02": "j.devries@oudemolenhuis.nl",
}

NBSP = "\u00a0"

# --- English labels of the enumeration codes used (as the template's dropdowns write them) ------------
TYPE_LABEL = {
    "ethnography_anthropology": "Ethnography & anthropology",
    "art": "Art",
    "regional_local": "Regional / local",
    "history": "History",
    "specialised": "Specialised",
}
OWNERSHIP_LABEL = {
    "regional_local_authority": "Regional / local authority",
    "private_nonprofit": "Private non-profit",
    "national_state": "National / state",
}
STRATEGY_LABEL = {"written": "Written strategy", "unwritten": "Unwritten strategy", "none": "No strategy"}
METADATA_LABEL = {"lido": "LIDO", "edm": "EDM", "dublin_core": "Dublin Core", "cidoc_crm": "CIDOC CRM",
                  "in_house": "In-house"}


def _labels(codes: str | None, sep: str) -> str | None:
    if codes is None:
        return None
    return sep.join(METADATA_LABEL[c] for c in codes.split(";"))


def _by_id() -> dict[str, dict]:
    return {m["museum_id"]: m for m in CANONICAL}


def _total(field: str) -> float:
    return sum(m[field] or 0 for m in CANONICAL)


# --- clean ------------------------------------------------------------------------------------------
def write_clean(dir: Path) -> Path:
    """English canonical field names, one header row, typed cells, codes."""
    path = Path(dir) / "survey_clean.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "Survey"
    ws.append(["survey_wave", *COLUMNS])
    for m in CANONICAL:
        ws.append([int(WAVE), *(m[c] for c in COLUMNS)])
    wb.save(path)
    return path


# --- French -----------------------------------------------------------------------------------------
FRENCH_HEADERS = {
    "museum_id": "Identifiant",
    "museum_name": "Nom du musée",
    "country": "Pays",
    "museum_type": "Type de musée",
    "ownership": "Tutelle",
    "accredited": "Accréditation",
    "annual_visits": "Fréquentation annuelle",
    "collection_objects": "Nombre d'objets",
    "pct_digitised": "% numérisé",
    "pct_no_need_digitise": "% sans besoin de numérisation",
    "pct_online": "% en ligne",
    "has_digital_strategy": "Stratégie numérique",
    "staff_paid_fte": "Personnel (ETP)",
    "staff_fte_digital": "ETP numérique",
    "digital_budget_available_eur": "Budget numérique (€)",
    "need_infrastructure_eur": "Besoin : infrastructure (€)",
    "need_equipment_eur": "Besoin : équipement (€)",
    "need_human_resources_eur": "Besoin : ressources humaines (€)",
    "need_data_metadata_eur": "Besoin : données et métadonnées (€)",
    "need_copyright_clearance_eur": "Besoin : droits d'auteur (€)",
    "need_training_eur": "Besoin : formation (€)",
    "funding_horizon_years": "Horizon (années)",
    "metadata_standards": "Normes de métadonnées",
}
FRENCH_EMAIL_HEADER = "E-mail"
FRENCH_COUNTRY = {"DE": "Allemagne", "FR": "France", "NL": "Pays-Bas"}

# Every cell of the French sheet, written by hand the way it would be typed (None = empty cell).
FRENCH_CELLS = {
    "DE01": {
        "annual_visits": "120 000", "collection_objects": 200000,
        "pct_digitised": "30 %", "pct_no_need_digitise": "10 %", "pct_online": "20 %",
        "staff_paid_fte": 40, "staff_fte_digital": "4",
        "digital_budget_available_eur": f"100{NBSP}000 €",
        "need_infrastructure_eur": "400 000 €", "need_equipment_eur": "200 000 €",
        "need_human_resources_eur": "200 000 €", "need_data_metadata_eur": "100 000 €",
        "need_copyright_clearance_eur": "0 €", "need_training_eur": "100 000 €",
        "funding_horizon_years": None,
    },
    "DE02": {
        "annual_visits": 45000, "collection_objects": "20 000",
        "pct_digitised": "45,5", "pct_no_need_digitise": "4,5 %", "pct_online": "25 %",
        "staff_paid_fte": "12,5", "staff_fte_digital": "1,5",
        "digital_budget_available_eur": "50 000 €",
        "need_infrastructure_eur": "100 000 €", "need_equipment_eur": "100 000 €",
        "need_human_resources_eur": "50 000 €", "need_data_metadata_eur": "50 000 €",
        "need_copyright_clearance_eur": "50 000 €", "need_training_eur": "50 000 €",
        "funding_horizon_years": 4,
    },
    "FR01": {
        "annual_visits": "1 200 000", "collection_objects": "500 000",
        "pct_digitised": "60 %", "pct_no_need_digitise": "20 %", "pct_online": "45 %",
        "staff_paid_fte": 250, "staff_fte_digital": 20,
        "digital_budget_available_eur": "1.200.000 €",
        "need_infrastructure_eur": "3.000.000 €", "need_equipment_eur": "1.500.000 €",
        "need_human_resources_eur": "3.000.000 €", "need_data_metadata_eur": "1.500.000 €",
        "need_copyright_clearance_eur": "1.500.000 €", "need_training_eur": "1.500.000 €",
        "funding_horizon_years": None,
    },
    "FR02": {
        "annual_visits": 8000, "collection_objects": "80 000",
        "pct_digitised": "10 %", "pct_no_need_digitise": "50 %", "pct_online": "5 %",
        "staff_paid_fte": 3, "staff_fte_digital": "0,5",
        "digital_budget_available_eur": "10 000 €",
        "need_infrastructure_eur": "10 000 €", "need_equipment_eur": "10 000 €",
        "need_human_resources_eur": None, "need_data_metadata_eur": "5 000 €",
        "need_copyright_clearance_eur": "NC", "need_training_eur": "5 000 €",
        "funding_horizon_years": None,
    },
    "NL01": {
        "annual_visits": "300 000", "collection_objects": 200000,
        "pct_digitised": "50 %", "pct_no_need_digitise": "10 %", "pct_online": "50 %",
        "staff_paid_fte": 60, "staff_fte_digital": 6,
        "digital_budget_available_eur": "200 000 €",
        "need_infrastructure_eur": "200 000 €", "need_equipment_eur": "200 000 €",
        "need_human_resources_eur": "200 000 €", "need_data_metadata_eur": "100 000 €",
        "need_copyright_clearance_eur": "100 000 €", "need_training_eur": "0 €",
        "funding_horizon_years": 2,
    },
    "NL02": {
        "annual_visits": "15 000", "collection_objects": "NC",
        "pct_digitised": "14,5", "pct_no_need_digitise": None, "pct_online": "NC",
        "staff_paid_fte": 5, "staff_fte_digital": "-",
        "digital_budget_available_eur": "NC",
        "need_infrastructure_eur": "40 000 €", "need_equipment_eur": "20 000 €",
        "need_human_resources_eur": None, "need_data_metadata_eur": None,
        "need_copyright_clearance_eur": None, "need_training_eur": None,
        "funding_horizon_years": None,
    },
}


def _fr_bool(v: bool | None) -> str | None:
    return None if v is None else ("oui" if v else "non")


def _fr_money_total(field: str) -> str:
    return f"{int(_total(field)):,} €".replace(",", " ")


def write_french(dir: Path) -> Path:
    """French headers, title block, oui/non, '45 %', '45,5', '1.200.000 €', e-mail, blank rows, Total."""
    path = Path(dir) / "enquete_numerisation_musees_2025.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "Réponses"
    headers = [FRENCH_HEADERS[c] for c in COLUMNS]
    headers.insert(2, FRENCH_EMAIL_HEADER)  # after the museum name, as survey tools export it
    ws.append(["Enquête sur la numérisation des musées européens – vague 2025"])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append(["Source : questionnaire en ligne, réponses brutes au 30/09/2025. Montants en euros ; "
               "NC = non communiqué."])
    ws.append([])
    ws.append(headers)
    for cell in ws[4]:
        cell.font = Font(bold=True)
    by_id = _by_id()
    previous_country = None
    for mid in ("FR01", "FR02", "DE01", "DE02", "NL01", "NL02"):  # grouped by country, not sorted
        m = by_id[mid]
        if previous_country is not None and m["country"] != previous_country:
            ws.append([])  # a blank row between countries
        previous_country = m["country"]
        cells = FRENCH_CELLS[mid]
        row = []
        for c in COLUMNS:
            if c in cells:
                row.append(cells[c])
            elif c == "country":
                row.append(FRENCH_COUNTRY[m["country"]])
            elif c == "museum_type":
                row.append(TYPE_LABEL[m[c]])
            elif c == "ownership":
                row.append(OWNERSHIP_LABEL[m[c]])
            elif c == "accredited":
                row.append(_fr_bool(m[c]))
            elif c == "has_digital_strategy":
                row.append(STRATEGY_LABEL[m[c]] if m[c] else None)
            elif c == "metadata_standards":
                row.append(_labels(m[c], ", "))
            else:
                row.append(m[c])
        row.insert(2, EMAILS[mid])
        ws.append(row)
    ws.append([])
    total = {c: None for c in COLUMNS}
    total["museum_id"] = "Total"
    total["annual_visits"] = f"{int(_total('annual_visits')):,}".replace(",", " ")
    total["collection_objects"] = f"{int(_total('collection_objects')):,}".replace(",", " ")
    total["digital_budget_available_eur"] = _fr_money_total("digital_budget_available_eur")
    for f in NEED_FIELDS:
        total[f] = _fr_money_total(f)
    total_row = [total[c] for c in COLUMNS]
    total_row.insert(2, None)
    ws.append(total_row)
    for cell in ws[ws.max_row]:
        cell.font = Font(bold=True)
    wb.save(path)
    return path


# --- German -----------------------------------------------------------------------------------------
GERMAN_HEADERS = {
    "museum_id": "Museums-ID",
    "museum_name": "Name des Museums",
    "country": "Land",
    "museum_type": "Museumsart",
    "ownership": "Trägerschaft",
    "accredited": "Akkreditiert",
    "annual_visits": "Besucher pro Jahr",
    "collection_objects": "Anzahl Objekte",
    "pct_digitised": "Anteil digitalisiert (%)",
    "pct_no_need_digitise": "Kein Digitalisierungsbedarf (%)",
    "pct_online": "Online zugänglich (%)",
    "has_digital_strategy": "Digitalstrategie",
    "staff_paid_fte": "Personal (VZÄ)",
    "staff_fte_digital": "Digitalpersonal (VZÄ)",
    "digital_budget_available_eur": "Digitalbudget (EUR)",
    "funding_horizon_years": "Zeithorizont (Jahre)",
    "metadata_standards": "Metadatenstandards",
}
GERMAN_NEED_GROUP = "Finanzbedarf bis 2030 (EUR)"
GERMAN_NEED_SUBHEADERS = {
    "need_infrastructure_eur": "Infrastruktur",
    "need_equipment_eur": "Ausstattung",
    "need_human_resources_eur": "Personal",
    "need_data_metadata_eur": "Daten und Metadaten",
    "need_copyright_clearance_eur": "Rechteklärung",
    "need_training_eur": "Fortbildung",
}
GERMAN_COUNTRY = {"DE": "Deutschland", "FR": "Frankreich", "NL": "Niederlande"}

GERMAN_CELLS = {
    "DE01": {"pct_digitised": 30, "pct_no_need_digitise": 10, "pct_online": 20,
             "staff_paid_fte": 40, "staff_fte_digital": 4},
    "DE02": {"pct_digitised": "45,5", "pct_no_need_digitise": "4,5", "pct_online": 25,
             "staff_paid_fte": "12,5", "staff_fte_digital": "1,5"},
    "FR01": {"pct_digitised": 60, "pct_no_need_digitise": 20, "pct_online": 45,
             "staff_paid_fte": 250, "staff_fte_digital": 20,
             "digital_budget_available_eur": "1.200.000",
             "need_infrastructure_eur": "3.000.000", "need_equipment_eur": "1.500.000",
             "need_human_resources_eur": "3.000.000", "need_data_metadata_eur": "1.500.000",
             "need_copyright_clearance_eur": "1.500.000", "need_training_eur": "1.500.000"},
    "FR02": {"pct_digitised": 10, "pct_no_need_digitise": 50, "pct_online": 5,
             "staff_paid_fte": 3, "staff_fte_digital": "0,5",
             "need_human_resources_eur": "k.A.", "need_copyright_clearance_eur": None},
    "NL01": {"pct_digitised": 50, "pct_no_need_digitise": 10, "pct_online": 50,
             "staff_paid_fte": 60, "staff_fte_digital": 6},
    "NL02": {"pct_digitised": "14,5", "pct_no_need_digitise": "k.A.", "pct_online": None,
             "staff_paid_fte": 5, "staff_fte_digital": "k.A.", "collection_objects": "k.A.",
             "digital_budget_available_eur": None},
}


def _de_bool(v: bool | None) -> str | None:
    return None if v is None else ("ja" if v else "nein")


def write_german(dir: Path) -> Path:
    """German headers, merged two-row header over the needs, ja/nein, decimal commas, 'Summe' row."""
    path = Path(dir) / "Umfrage_Digitalisierung_Museen_2025.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "Daten"
    bold_center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for col, c in enumerate(COLUMNS, start=1):
        top = ws.cell(row=1, column=col)
        if c in GERMAN_NEED_SUBHEADERS:
            ws.cell(row=2, column=col, value=GERMAN_NEED_SUBHEADERS[c]).font = Font(bold=True)
        else:
            top.value = GERMAN_HEADERS[c]
            ws.merge_cells(start_row=1, start_column=col, end_row=2, end_column=col)
        top.font = Font(bold=True)
        top.alignment = bold_center
    first_need = COLUMNS.index(NEED_FIELDS[0]) + 1
    last_need = COLUMNS.index(NEED_FIELDS[-1]) + 1
    ws.cell(row=1, column=first_need, value=GERMAN_NEED_GROUP)
    ws.merge_cells(start_row=1, start_column=first_need, end_row=1, end_column=last_need)
    for m in CANONICAL:
        cells = GERMAN_CELLS[m["museum_id"]]
        row = []
        for c in COLUMNS:
            if c in cells:
                row.append(cells[c])
            elif c == "country":
                row.append(GERMAN_COUNTRY[m["country"]])
            elif c == "museum_type":
                row.append(TYPE_LABEL[m[c]])
            elif c == "ownership":
                row.append(OWNERSHIP_LABEL[m[c]])
            elif c == "accredited":
                row.append(_de_bool(m[c]))
            elif c == "has_digital_strategy":
                row.append(STRATEGY_LABEL[m[c]] if m[c] else None)
            elif c == "metadata_standards":
                row.append(_labels(m[c], "; "))
            elif isinstance(m[c], float) and m[c].is_integer():
                row.append(int(m[c]))   # money typed as whole numbers
            else:
                row.append(m[c])
        ws.append(row)
    for r in ws.iter_rows(min_row=3, max_row=ws.max_row):
        for cell in r:
            if isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool):
                cell.number_format = "#,##0"
    summe = [None] * len(COLUMNS)
    summe[0] = "Summe"
    for f in ("annual_visits", "collection_objects", "digital_budget_available_eur", *NEED_FIELDS):
        summe[COLUMNS.index(f)] = int(_total(f))
    ws.append(summe)
    for cell in ws[ws.max_row]:
        cell.font = Font(bold=True)
    wb.save(path)
    return path


# --- CSV, ';', cp1252 -------------------------------------------------------------------------------
CSV_HEADERS = {
    "museum_id": "Museum ID",
    "museum_name": "Museum name",
    "country": "Country",
    "museum_type": "Type of museum",
    "ownership": "Ownership",
    "accredited": "Accredited",
    "annual_visits": "Annual visitors",
    "collection_objects": "Number of objects",
    "pct_digitised": "% digitised",
    "pct_no_need_digitise": "% no need to digitise",
    "pct_online": "% online",
    "has_digital_strategy": "Digital strategy",
    "staff_paid_fte": "Staff (FTE)",
    "staff_fte_digital": "Digital staff (FTE)",
    "digital_budget_available_eur": "Digital budget (€)",
    "need_infrastructure_eur": "Infrastructure need (€)",
    "need_equipment_eur": "Equipment need (€)",
    "need_human_resources_eur": "Human resources need (€)",
    "need_data_metadata_eur": "Data and metadata need (€)",
    "need_copyright_clearance_eur": "Copyright clearance need (€)",
    "need_training_eur": "Training need (€)",
    "funding_horizon_years": "Horizon (years)",
    "metadata_standards": "Metadata standards",
}
CSV_EMAIL_HEADER = "Email address"
CSV_COUNTRY = {"DE01": "Germany", "DE02": "DEU", "FR01": "France", "FR02": "FR", "NL01": "Netherlands",
               "NL02": "NLD"}
CSV_CELLS = {
    "DE01": {"staff_fte_digital": "4", "metadata_standards": "LIDO;EDM"},
    "DE02": {"pct_digitised": "45,5", "pct_no_need_digitise": "4,5", "staff_paid_fte": "12,5",
             "staff_fte_digital": "1,5"},
    "FR01": {"annual_visits": "1 200 000", "digital_budget_available_eur": "1 200 000",
             "need_infrastructure_eur": "3 000 000", "metadata_standards": "LIDO;EDM;CIDOC CRM"},
    "FR02": {"staff_fte_digital": "0,5", "need_human_resources_eur": "n/a"},
    "NL01": {"metadata_standards": "EDM, Dublin Core"},
    "NL02": {"pct_digitised": "14,5", "collection_objects": "n/a"},
}


def _csv_number(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return str(v).replace(".", ",")


def write_csv_semicolon_cp1252(dir: Path) -> Path:
    """English headers, ';' delimiter, decimal commas, cp1252, accents, an e-mail column."""
    path = Path(dir) / "museum_survey_2025.csv"
    header = [CSV_HEADERS[c] for c in COLUMNS] + [CSV_EMAIL_HEADER]
    rows = [header]
    for m in CANONICAL:
        cells = CSV_CELLS[m["museum_id"]]
        row = []
        for c in COLUMNS:
            if c in cells:
                row.append(cells[c])
            elif c == "country":
                row.append(CSV_COUNTRY[m["museum_id"]])
            elif c == "museum_type":
                row.append(TYPE_LABEL[m[c]])
            elif c == "ownership":
                row.append(OWNERSHIP_LABEL[m[c]])
            elif c == "accredited":
                row.append("" if m[c] is None else ("yes" if m[c] else "no"))
            elif c == "has_digital_strategy":
                row.append(STRATEGY_LABEL[m[c]] if m[c] else "")
            elif c == "metadata_standards":
                row.append(_labels(m[c], ";") or "")
            elif isinstance(m[c], str):
                row.append(m[c])
            else:
                row.append(_csv_number(m[c]))
        row.append(EMAILS[m["museum_id"]])
        rows.append(row)
    with open(path, "w", encoding="cp1252", newline="") as fh:
        csv.writer(fh, delimiter=";", lineterminator="\r\n").writerows(rows)
    return path


VARIANTS = {
    "clean": write_clean,
    "french": write_french,
    "german": write_german,
    "csv_semicolon_cp1252": write_csv_semicolon_cp1252,
}

# Which variants carry personal data / a totals row (for the report checks).
VARIANTS_WITH_EMAIL = {"french": FRENCH_EMAIL_HEADER, "csv_semicolon_cp1252": CSV_EMAIL_HEADER}
VARIANTS_WITH_TOTAL_ROW = {"french": "Total", "german": "Summe"}
