"""Two survey files written the way French and German museum staff actually send them (wave 2025).

Everything is generated in code (openpyxl for the workbook, the csv module for the CSV); no binary file is
committed. The museums are invented (invented names, towns and figures); the layouts, wordings and
number formats are the ones a French regional museum network and a German Landesstelle use.

* `write_enquete_fr(dir)` -> `enquete_2025.xlsx`: a French regional network's workbook. Three title rows,
  a blank row, a TWO-ROW header (merged group cells "État des collections (en % du nombre d'objets)",
  "Besoins de financement d'ici 2030 (€)" and "Personne ayant renseigné le questionnaire" over their
  sub-headings; single columns merged vertically over both header rows), 8 museums, then a "Total réseau"
  row and a footnote. Values as French staff type them: "45 %", "35 000 €" (some with the no-break
  spaces French Excel produces), "NC" for "non communiqué", oui/non, numeric cells with French
  number formats, the 3D share as an Excel percentage cell (0.005 shown as "0,5 %").
* `write_umfrage_de(dir)` -> `umfrage_2025.csv`: a German Landesstelle's export from Excel ("CSV UTF-8
  (durch Trennzeichen getrennt)": UTF-8 with BOM, ';' separated, CRLF). A title line and an empty line
  (padded with ';' as Excel writes them) before the header row; German number formats ("12.500",
  "1.200.000,00", "52,5"), ja/nein, "k.A." and "-" for "not answered".

`CANONICAL_FR` / `CANONICAL_DE` are the truth: for each museum, the values that must be stored in
`current_responses` (percent 0-100, EUR, ISO alpha-2 country, the schema's codes, blank = None).
Every schema field NOT listed in a museum's dict must be stored as NULL (nothing in the file answers it).
`museum_id` is not in the files; it is the id the loader generates: country + '-' + the name lower-cased,
accents removed, every run of other characters (spaces, straight or typographic apostrophes, hyphens)
replaced by '-' (the rule stated in tests/survey_tools.py), so "Muséum d’histoire" (the apostrophe French
Excel's autocorrect types) and "Muséum d'histoire" give the same id.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

from tests.survey_tools import NEED_FIELDS

WAVE = "2025"

PILLARS = tuple(name[len("need_"):-len("_eur")] for name in NEED_FIELDS)

NBSP = "\u00a0"    # no-break space (Word / Excel autocorrect before % and €)
NNBSP = "\u202f"   # narrow no-break space (the fr-FR thousands separator of Windows / Excel since 2018)

# =====================================================================================================
# French workbook
# =====================================================================================================
FR_FILE = "enquete_2025.xlsx"
FR_SHEET = "Enquête 2025"
FR_TITLE_ROWS = [
    "Enquête sur la numérisation des musées – Région Bourgogne-Franche-Comté",
    "Réseau régional des musées – campagne 2025 (données de l'année 2024)",
    "Source : questionnaire adressé aux musées du réseau par la DRAC et l'association régionale des "
    "conservateurs ; réponses reçues au 14 mars 2025",
]
FR_HEADER_ROW = 5          # first of the two header rows (rows 1-3 titles, row 4 blank)
FR_FIRST_DATA_ROW = 7

# The header as written: (group heading in row 5 or None, heading in row 6 or None).
#   (text, None)  -> a single column, its cell merged vertically over rows 5-6 (text in row 5)
#   (group, sub)  -> a sub-heading in row 6 under a group cell merged horizontally in row 5
FR_GROUP_COLLECTIONS = "État des collections (en % du nombre d'objets)"
FR_GROUP_NEEDS = "Besoins de financement d'ici 2030 (€)"
FR_GROUP_CONTACT = "Personne ayant renseigné le questionnaire"
FR_COLUMNS: list[tuple[str, str | None, str | None]] = [   # (field or tag, row-5 text, row-6 text)
    ("museum_name", "Nom du musée", None),
    ("_commune", "Commune", None),                                   # the town: not a survey field
    ("country", "Pays", None),
    ("museum_type", "Type de musée", None),
    ("ownership", "Tutelle", None),
    ("accredited", f"Appellation «{NBSP}Musée de France{NBSP}»", None),
    ("annual_visits", "Fréquentation 2024 (entrées)", None),
    ("collection_objects", "Nombre d'objets dans les collections", None),
    ("pct_catalogued_db", FR_GROUP_COLLECTIONS, "Informatisées (base de données)"),
    ("pct_digitised", FR_GROUP_COLLECTIONS, "Numérisées"),
    ("pct_digitised_3d", FR_GROUP_COLLECTIONS, "dont numérisées en 3D"),
    ("pct_no_need_digitise", FR_GROUP_COLLECTIONS, "Sans besoin de numérisation"),
    ("pct_online", FR_GROUP_COLLECTIONS, "Consultables en ligne"),
    ("digital_budget_available_eur", "Budget annuel consacré au numérique (€)", None),
    ("need_infrastructure_eur", FR_GROUP_NEEDS, "Infrastructures (stockage, serveurs, réseau)"),
    ("need_equipment_eur", FR_GROUP_NEEDS, "Équipement de numérisation"),
    ("need_human_resources_eur", FR_GROUP_NEEDS, "Personnel qualifié"),
    ("need_data_metadata_eur", FR_GROUP_NEEDS, "Données et métadonnées"),
    ("need_copyright_clearance_eur", FR_GROUP_NEEDS, "Droits d'auteur"),
    ("need_training_eur", FR_GROUP_NEEDS, "Formation des équipes"),
    ("funding_horizon_years", "Horizon des besoins (en années)", None),
    ("_remarques", "Remarques", None),                               # free text: not a survey field
    ("_respondent", FR_GROUP_CONTACT, "Nom et prénom"),              # personal data: never stored
    ("_email", FR_GROUP_CONTACT, "Courriel"),                        # personal data: never stored
]
FR_FIELDS = [c[0] for c in FR_COLUMNS]

# Number formats of the numeric cells (French Excel): thousands with a space, euros, percentages.
F_INT = "#,##0"
F_EUR = '#,##0\\ [$€-40C]'
F_PCT = "0.0%"


def _n(value, fmt):
    """A numeric cell with its Excel number format."""
    return ("num", value, fmt)


# The cells of the 8 museum rows, exactly as typed (text) or entered (numeric cell + format), in the
# order of FR_COLUMNS. Text values use regular spaces unless NBSP / NNBSP is written out.
FR_CELLS: list[list] = [
    [   # 1 Beaux-arts, Commune
        "Musée des Beaux-Arts de Montrevel", "Montrevel", "France", "Beaux-arts", "Commune", "oui",
        "48 200", _n(12_500, F_INT),
        "85 %", "45 %", _n(0.005, F_PCT), "10 %", "30 %",
        "35 000 €",
        _n(60_000, F_EUR), _n(45_000, F_EUR), _n(120_000, F_EUR), _n(30_000, F_EUR), _n(15_000, F_EUR),
        _n(10_000, F_EUR),
        None,
        "Récolement décennal achevé en 2023.",
        "Claire Dumontet", "claire.dumontet@ville-montrevel.fr",
    ],
    [   # 2 Histoire naturelle, Département; copyright need answered 0 (stored 0, not NULL)
        "Muséum d’histoire naturelle de Valberg", "Valberg-les-Salines", "France", "Histoire naturelle",
        "Département", "oui",
        _n(23_750, F_INT), "420 000",
        "38 %", f"12{NBSP}%", _n(0.002, F_PCT), "5 %", "6 %",
        "45 000 €",
        "250 000 €", "180 000 €", "300 000 €", "150 000 €", "0 €", "20 000 €",
        _n(5, "0"),
        "Herbiers non comptés pièce à pièce ; nombre d'objets estimé.",
        "Jean-Baptiste Roussel", "jb.roussel@museum-valberg.fr",
    ],
    [   # 3 Archéologie, Commune; budget "NC"; two needs left empty
        "Musée archéologique de Sauxières", "Sauxières", "France", "Archéologie", "Commune", "oui",
        "9 800", "65 000",
        "70 %", "25 %", _n(0.04, F_PCT), "20 %", "15 %",
        "NC",
        _n(40_000, F_EUR), _n(80_000, F_EUR), None, _n(25_000, F_EUR), None, _n(5_000, F_EUR),
        None,
        "Budget numérique non individualisé (inclus dans le budget de la ville).",
        "Nathalie Perrin-Garnier", "n.perrin-garnier@sauxieres.fr",
    ],
    [   # 4 Histoire, Association; horizon 3 years
        "Musée de la Résistance et de la Déportation du Haut-Jura", "Châtelmont", "France", "Histoire",
        "Association", "non",
        "6 300", _n(8_400, F_INT),
        "100 %", "60 %", _n(0, F_PCT), "15 %", _n(40, "0"),
        "8 000 €",
        "10 000", "12 000", "30 000", "8 000", "33 000", "3 000",
        _n(3, "0"),
        "Nombreux fonds photographiques dont les droits restent à clarifier.",
        "Michel Bouvard", "michel.bouvard@wanadoo.fr",
    ],
    [   # 5 Sciences et techniques, Fondation; no shortfall
        "Musée de l’Horlogerie de Morteval", "Morteval", "France", "Sciences et techniques", "Fondation",
        "Oui",
        _n(31_000, F_INT), "5 200",
        "92 %", "78 %", _n(0.12, F_PCT), "5 %", "55 %",
        _n(45_000, F_EUR),
        "20 000 €", "35 000 €", "40 000 €", "10 000 €", "5 000 €", "10 000 €",
        None,
        None,
        "Élodie Chapuis", "e.chapuis@fondation-horlogerie-morteval.org",
    ],
    [   # 6 Ethnographie, Département; 55,5 %; horizon 4 years
        "Musée départemental d’ethnographie de la Bresse", "Pierre-sur-Seille", "France", "Ethnographie",
        "Département", "oui",
        "14 900", "32 000",
        "55,5 %", "20 %", _n(0.01, F_PCT), "30 %", "10 %",
        "22 500 €",
        _n(35_000, F_EUR), _n(25_000, F_EUR), _n(90_000, F_EUR), _n(40_000, F_EUR), _n(10_000, F_EUR),
        _n(40_000, F_EUR),
        _n(4, "0"),
        "Besoins chiffrés sur 4 ans (plan pluriannuel 2025-2028).",
        "Olivier Mercier", "olivier.mercier@cd-bresse.fr",
    ],
    [   # 7 Art moderne et contemporain, Région; narrow no-break spaces (copied from a formatted cell)
        "Musée d’Art moderne et contemporain de Saint-Aubin", "Saint-Aubin-des-Prés", "France",
        "Art moderne et contemporain", "Région", "oui",
        f"112{NNBSP}500", _n(3_800, F_INT),
        "100 %", "95 %", _n(0.02, F_PCT), "0 %", "80 %",
        f"90{NNBSP}000{NBSP}€",
        f"100{NNBSP}000{NBSP}€", "50 000 €", f"200{NNBSP}000{NBSP}€", "40 000 €", "170 000 €", "40 000 €",
        None,
        "Montants TTC. Campagne de numérisation 3D des sculptures prévue en 2026.",
        "Sophie Lambert-Moreau", "s.lambert-moreau@macsa-saintaubin.fr",
    ],
    [   # 8 Château-musée (monument), État; no need answered ("NC" everywhere) -> funding need NULL
        "Château de Montfaucon-le-Vieux", "Montfaucon-le-Vieux", "France", "Château-musée (monument historique)",
        "État", "non",
        "205 000", "1 500",
        "60 %", "30 %", _n(0.1, F_PCT), "40 %", "20 %",
        "25 000 €",
        "NC", "NC", "NC", "NC", "NC", "NC",
        None,
        "Besoins portés au niveau national par l'opérateur, non chiffrés ici.",
        "Pierre-Yves Guillot", "pierre-yves.guillot@monuments-nationaux.fr",
    ],
]
FR_FOOTNOTE = "NC : non communiqué. Montants en euros TTC. Parts en % du nombre total d'objets."

# --- the truth (values that must be stored), one dict per museum, in the row order of the file ----------
CANONICAL_FR: list[dict] = [
    {
        "museum_id": "FR-musee-des-beaux-arts-de-montrevel",
        "museum_name": "Musée des Beaux-Arts de Montrevel",
        "country": "FR", "museum_type": "art", "ownership": "regional_local_authority", "accredited": True,
        "annual_visits": 48_200, "collection_objects": 12_500,
        "pct_catalogued_db": 85.0, "pct_digitised": 45.0, "pct_digitised_3d": 0.5,
        "pct_no_need_digitise": 10.0, "pct_online": 30.0,
        "digital_budget_available_eur": 35_000.0,
        "need_infrastructure_eur": 60_000.0, "need_equipment_eur": 45_000.0,
        "need_human_resources_eur": 120_000.0, "need_data_metadata_eur": 30_000.0,
        "need_copyright_clearance_eur": 15_000.0, "need_training_eur": 10_000.0,
        "funding_horizon_years": None,
    },
    {
        "museum_id": "FR-museum-d-histoire-naturelle-de-valberg",
        "museum_name": "Muséum d’histoire naturelle de Valberg",
        "country": "FR", "museum_type": "natural_history_science", "ownership": "regional_local_authority",
        "accredited": True,
        "annual_visits": 23_750, "collection_objects": 420_000,
        "pct_catalogued_db": 38.0, "pct_digitised": 12.0, "pct_digitised_3d": 0.2,
        "pct_no_need_digitise": 5.0, "pct_online": 6.0,
        "digital_budget_available_eur": 45_000.0,
        "need_infrastructure_eur": 250_000.0, "need_equipment_eur": 180_000.0,
        "need_human_resources_eur": 300_000.0, "need_data_metadata_eur": 150_000.0,
        "need_copyright_clearance_eur": 0.0, "need_training_eur": 20_000.0,
        "funding_horizon_years": 5,
    },
    {
        "museum_id": "FR-musee-archeologique-de-sauxieres",
        "museum_name": "Musée archéologique de Sauxières",
        "country": "FR", "museum_type": "archaeology", "ownership": "regional_local_authority", "accredited": True,
        "annual_visits": 9_800, "collection_objects": 65_000,
        "pct_catalogued_db": 70.0, "pct_digitised": 25.0, "pct_digitised_3d": 4.0,
        "pct_no_need_digitise": 20.0, "pct_online": 15.0,
        "digital_budget_available_eur": None,
        "need_infrastructure_eur": 40_000.0, "need_equipment_eur": 80_000.0,
        "need_human_resources_eur": None, "need_data_metadata_eur": 25_000.0,
        "need_copyright_clearance_eur": None, "need_training_eur": 5_000.0,
        "funding_horizon_years": None,
    },
    {
        "museum_id": "FR-musee-de-la-resistance-et-de-la-deportation-du-haut-jura",
        "museum_name": "Musée de la Résistance et de la Déportation du Haut-Jura",
        "country": "FR", "museum_type": "history", "ownership": "private_nonprofit", "accredited": False,
        "annual_visits": 6_300, "collection_objects": 8_400,
        "pct_catalogued_db": 100.0, "pct_digitised": 60.0, "pct_digitised_3d": 0.0,
        "pct_no_need_digitise": 15.0, "pct_online": 40.0,
        "digital_budget_available_eur": 8_000.0,
        "need_infrastructure_eur": 10_000.0, "need_equipment_eur": 12_000.0,
        "need_human_resources_eur": 30_000.0, "need_data_metadata_eur": 8_000.0,
        "need_copyright_clearance_eur": 33_000.0, "need_training_eur": 3_000.0,
        "funding_horizon_years": 3,
    },
    {
        "museum_id": "FR-musee-de-l-horlogerie-de-morteval",
        "museum_name": "Musée de l’Horlogerie de Morteval",
        "country": "FR", "museum_type": "science_technology", "ownership": "private_nonprofit", "accredited": True,
        "annual_visits": 31_000, "collection_objects": 5_200,
        "pct_catalogued_db": 92.0, "pct_digitised": 78.0, "pct_digitised_3d": 12.0,
        "pct_no_need_digitise": 5.0, "pct_online": 55.0,
        "digital_budget_available_eur": 45_000.0,
        "need_infrastructure_eur": 20_000.0, "need_equipment_eur": 35_000.0,
        "need_human_resources_eur": 40_000.0, "need_data_metadata_eur": 10_000.0,
        "need_copyright_clearance_eur": 5_000.0, "need_training_eur": 10_000.0,
        "funding_horizon_years": None,
    },
    {
        "museum_id": "FR-musee-departemental-d-ethnographie-de-la-bresse",
        "museum_name": "Musée départemental d’ethnographie de la Bresse",
        "country": "FR", "museum_type": "ethnography_anthropology", "ownership": "regional_local_authority",
        "accredited": True,
        "annual_visits": 14_900, "collection_objects": 32_000,
        "pct_catalogued_db": 55.5, "pct_digitised": 20.0, "pct_digitised_3d": 1.0,
        "pct_no_need_digitise": 30.0, "pct_online": 10.0,
        "digital_budget_available_eur": 22_500.0,
        "need_infrastructure_eur": 35_000.0, "need_equipment_eur": 25_000.0,
        "need_human_resources_eur": 90_000.0, "need_data_metadata_eur": 40_000.0,
        "need_copyright_clearance_eur": 10_000.0, "need_training_eur": 40_000.0,
        "funding_horizon_years": 4,
    },
    {
        "museum_id": "FR-musee-d-art-moderne-et-contemporain-de-saint-aubin",
        "museum_name": "Musée d’Art moderne et contemporain de Saint-Aubin",
        "country": "FR", "museum_type": "art", "ownership": "regional_local_authority", "accredited": True,
        "annual_visits": 112_500, "collection_objects": 3_800,
        "pct_catalogued_db": 100.0, "pct_digitised": 95.0, "pct_digitised_3d": 2.0,
        "pct_no_need_digitise": 0.0, "pct_online": 80.0,
        "digital_budget_available_eur": 90_000.0,
        "need_infrastructure_eur": 100_000.0, "need_equipment_eur": 50_000.0,
        "need_human_resources_eur": 200_000.0, "need_data_metadata_eur": 40_000.0,
        "need_copyright_clearance_eur": 170_000.0, "need_training_eur": 40_000.0,
        "funding_horizon_years": None,
    },
    {
        "museum_id": "FR-chateau-de-montfaucon-le-vieux",
        "museum_name": "Château de Montfaucon-le-Vieux",
        "country": "FR", "museum_type": "monument_site", "ownership": "national_state", "accredited": False,
        "annual_visits": 205_000, "collection_objects": 1_500,
        "pct_catalogued_db": 60.0, "pct_digitised": 30.0, "pct_digitised_3d": 10.0,
        "pct_no_need_digitise": 40.0, "pct_online": 20.0,
        "digital_budget_available_eur": 25_000.0,
        "need_infrastructure_eur": None, "need_equipment_eur": None,
        "need_human_resources_eur": None, "need_data_metadata_eur": None,
        "need_copyright_clearance_eur": None, "need_training_eur": None,
        "funding_horizon_years": None,
    },
]
PERSONAL_FR: list[str] = [row[FR_FIELDS.index(f)] for row in FR_CELLS for f in ("_respondent", "_email")]
# Family names alone too (a partial copy of a respondent's name is still personal data).
PERSONAL_FR += ["Dumontet", "Roussel", "Perrin-Garnier", "Bouvard", "Chapuis", "Mercier", "Lambert-Moreau",
                "Guillot"]
FR_PERSONAL_HEADINGS = ("Nom et prénom", "Courriel")


def _fr_total_row() -> list:
    """'Total réseau': the network's column sums, pasted as values (as regional networks send them)."""
    row: list = [None] * len(FR_COLUMNS)
    row[0] = "Total réseau"
    for field in ("annual_visits", "collection_objects", "digital_budget_available_eur", *NEED_FIELDS):
        values = [m[field] for m in CANONICAL_FR if m[field] is not None]
        row[FR_FIELDS.index(field)] = _n(int(sum(values)), F_EUR if field.endswith("_eur") else F_INT)
    return row


def write_enquete_fr(dir: Path) -> Path:
    """The French regional network's workbook; returns its path (dir / "enquete_2025.xlsx")."""
    path = Path(dir) / FR_FILE
    wb = Workbook()
    ws = wb.active
    ws.title = FR_SHEET
    ncol = len(FR_COLUMNS)
    bold = Font(bold=True)
    head_fill = PatternFill("solid", fgColor="DCE6F1")
    group_fill = PatternFill("solid", fgColor="B8CCE4")
    thin = Side(style="thin", color="808080")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(horizontal="center", vertical="center", wrap_text=True)

    # rows 1-3: titles (the first merged across the table), row 4 blank
    ws.cell(1, 1, FR_TITLE_ROWS[0]).font = Font(bold=True, size=14)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=12)
    ws.cell(2, 1, FR_TITLE_ROWS[1]).font = Font(italic=True)
    ws.cell(3, 1, FR_TITLE_ROWS[2]).font = Font(italic=True, size=9)

    # rows 5-6: the two-row header
    h1, h2 = FR_HEADER_ROW, FR_HEADER_ROW + 1
    col = 1
    while col <= ncol:
        _, top, sub = FR_COLUMNS[col - 1]
        if sub is None:   # a single column: merged vertically over both header rows
            ws.cell(h1, col, top)
            ws.merge_cells(start_row=h1, start_column=col, end_row=h2, end_column=col)
            for r in (h1, h2):
                c = ws.cell(r, col)
                c.font, c.fill, c.alignment, c.border = bold, head_fill, wrap, box
            col += 1
            continue
        end = col
        while end < ncol and FR_COLUMNS[end][1] == top and FR_COLUMNS[end][2] is not None:
            end += 1
        ws.cell(h1, col, top)
        ws.merge_cells(start_row=h1, start_column=col, end_row=h1, end_column=end)
        for c_ in range(col, end + 1):
            g = ws.cell(h1, c_)
            g.font, g.fill, g.alignment, g.border = bold, group_fill, wrap, box
            s = ws.cell(h2, c_, FR_COLUMNS[c_ - 1][2])
            s.font, s.fill, s.alignment, s.border = bold, head_fill, wrap, box
        col = end + 1

    # rows 7-14: the museums; row 15: "Total réseau"; row 16 blank; row 17: footnote
    def put(r: int, cells: list) -> None:
        for c_, v in enumerate(cells, start=1):
            cell = ws.cell(r, c_)
            if isinstance(v, tuple):
                cell.value, cell.number_format = v[1], v[2]
            else:
                cell.value = v
            cell.border = box

    for i, cells in enumerate(FR_CELLS):
        assert len(cells) == ncol, (i, len(cells))
        put(FR_FIRST_DATA_ROW + i, cells)
    total_row = FR_FIRST_DATA_ROW + len(FR_CELLS)
    put(total_row, _fr_total_row())
    for cell in ws[total_row]:
        cell.font = bold
    ws.cell(total_row + 2, 1, FR_FOOTNOTE).font = Font(italic=True, size=9)

    widths = [44, 20, 10, 26, 14, 14, 14, 14, 14, 12, 12, 14, 12, 16, 16, 16, 14, 14, 12, 12, 14, 50, 24, 36]
    for c_, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(c_)].width = w
    ws.row_dimensions[h1].height = 32
    ws.row_dimensions[h2].height = 45
    ws.freeze_panes = ws.cell(FR_FIRST_DATA_ROW, 2)
    wb.save(path)
    return path


# =====================================================================================================
# German CSV
# =====================================================================================================
DE_FILE = "umfrage_2025.csv"
DE_TITLE = "Umfrage zum Stand der Digitalisierung in den Museen 2025 – Landesstelle für Museumsbetreuung"
DE_COLUMNS: list[tuple[str, str]] = [   # (field or tag, heading as written)
    ("museum_name", "Name des Museums"),
    ("_ort", "Ort"),                                                   # the town: not a survey field
    ("country", "Land"),
    ("museum_type", "Museumsart"),
    ("ownership", "Träger"),
    ("annual_visits", "Besuche 2024"),
    ("collection_objects", "Sammlungsumfang (Anzahl Objekte)"),
    ("pct_catalogued_db", "Erschließungsgrad Sammlungsdatenbank (%)"),
    ("pct_digitised", "Digitalisierungsgrad (%)"),
    ("pct_digitised_3d", "3D-Digitalisierungsgrad (%)"),
    ("pct_no_need_digitise", "Anteil ohne Digitalisierungsbedarf (%)"),
    ("pct_online", "Online zugänglich (%)"),
    ("has_cms", "Sammlungsdatenbank vorhanden (ja/nein)"),
    ("digital_budget_available_eur", "Verfügbare Mittel für Digitales pro Jahr (€)"),
    ("need_infrastructure_eur", "Mittelbedarf IT-Infrastruktur bis 2030 (€)"),
    ("need_equipment_eur", "Mittelbedarf Geräteausstattung bis 2030 (€)"),
    ("need_human_resources_eur", "Personalbedarf Fachkräfte bis 2030 (€)"),
    ("need_data_metadata_eur", "Mittelbedarf Daten und Metadaten bis 2030 (€)"),
    ("need_copyright_clearance_eur", "Mittelbedarf Urheberrechtsklärung bis 2030 (€)"),
    ("need_training_eur", "Mittelbedarf Fortbildung bis 2030 (€)"),
    ("funding_horizon_years", "Bedarfszeitraum (Jahre)"),
    ("_anmerkungen", "Anmerkungen"),                                   # free text: not a survey field
    ("_respondent", "Name der ausfüllenden Person"),                   # personal data: never stored
    ("_phone", "Telefon"),                                             # personal data: never stored
]
DE_FIELDS = [c[0] for c in DE_COLUMNS]

# The 8 rows exactly as written to the CSV (every cell a string, "" = empty), in the order of DE_COLUMNS.
DE_CELLS: list[list[str]] = [
    ["Städtisches Kunstmuseum Hohenfurt", "Hohenfurt", "Deutschland", "Kunstmuseum", "kommunal",
     "38.400", "14.800", "90", "52,5", "1,5", "8", "35", "ja", "48.000,00",
     "80.000,00", "40.000,00", "150.000,00", "30.000,00", "45.000,00", "55.000,00", "",
     "Bedarf inkl. MwSt.", "Dr. Katrin Albrecht", "07361 52-4410"],
    ["Heimatmuseum Unterlenningen", "Lenningen", "Deutschland", "Heimatmuseum", "Verein",
     "2.150", "6.200", "40", "10", "0", "25", "2", "nein", "1.500",
     "8.000", "6.000", "k.A.", "4.000", "-", "2.000", "3",
     "Ehrenamtlich geführt; Inventar teilweise nur auf Karteikarten", "Gerhard Pfisterer", "0171 4839201"],
    ["Naturkundemuseum Albtal", "Talheim", "Deutschland", "Naturkundemuseum", "Land",
     "96.500", "1.250.000", "35", "8", "0,3", "10", "4", "ja", "320.000,00",
     "900.000,00", "450.000,00", "1.200.000,00", "500.000,00", "50.000,00", "100.000,00", "5",
     "Objektzahl geschätzt (Insekten- und Herbarbelege)", "Prof. Dr. Matthias Krämer-Lutz", "+49 7123 9388-102"],
    ["Technikmuseum Neckarwerk", "Neckarbronn", "Deutschland", "Technikmuseum", "Stiftung bürgerlichen Rechts",
     "61.000", "27.500", "75", "40", "6", "15", "25", "ja", "80.000 €",
     "120.000", "95.000", "180.000", "40.000", "10.000", "55.000", "",
     "", "Sabine Oberdorfer", "0711 6603-27"],
    ["Archäologisches Museum Kastell Sulzbach", "Sulzbach am Kocher", "Deutschland", "Archäologisches Museum",
     "Landkreis",
     "18.200", "150.000", "60", "22", "5", "30", "12", "ja", "k.A.",
     "70.000", "110.000", "90.000", "45.000", "0", "15.000", "4",
     "Budget läuft über den Kreishaushalt, nicht gesondert ausgewiesen", "Thomas Wieland", "07971 8312-55"],
    ["Stadtgeschichtliches Museum Weilstetten", "Weilstetten", "Deutschland", "Historisches Museum", "kommunal",
     "12.750", "22.000", "65", "18", "0,5", "k.A.", "18", "ja", "12.000,00",
     "25.000", "15.000", "60.000", "20.000", "8.000", "22.000", "",
     "Anteil ohne Digitalisierungsbedarf nicht ermittelt", "Ulrike Brenner-Haag", "07433 2619"],
    ["Museum für Volkskunde im Schwarzwaldhof", "Obertal", "Deutschland", "Volkskundemuseum", "Verein",
     "24.300", "9.600", "80", "30", "2", "35", "20", "ja", "9.500,00",
     "15.000", "12.000", "40.000", "10.000", "5.000", "13.000", "2",
     "Förderantrag läuft, Zeitraum 2025–2026", "Bernd Kaltenbach", "07722 91 45 03"],
    ["Uhrenmuseum der Firma Kienzler", "Kienbach", "Deutschland", "Spezialmuseum", "Unternehmen (privat)",
     "7.800", "3.100", "100", "88", "15", "5", "60", "ja", "40.000,00",
     "10.000", "20.000", "", "", "", "", "",
     "Firmenmuseum; Bedarf nur für Geräte und Server", "Lena Hofstetter", "07720 880512"],
]

# --- the truth, in the row order of the file ------------------------------------------------------------
# Träger: kommunal / Landkreis -> regional_local_authority; Verein, Stiftung bürgerlichen Rechts ->
# private_nonprofit; Unternehmen (privat) -> private_for_profit; Land (a Bundesland, i.e. a regional
# government, not the national state) -> regional_local_authority.
# Museumsart: Heimatmuseum -> regional_local; Spezialmuseum -> specialised; Volkskundemuseum ->
# ethnography_anthropology; Historisches Museum -> history.
CANONICAL_DE: list[dict] = [
    {
        "museum_id": "DE-stadtisches-kunstmuseum-hohenfurt",
        "museum_name": "Städtisches Kunstmuseum Hohenfurt",
        "country": "DE", "museum_type": "art", "ownership": "regional_local_authority",
        "annual_visits": 38_400, "collection_objects": 14_800,
        "pct_catalogued_db": 90.0, "pct_digitised": 52.5, "pct_digitised_3d": 1.5,
        "pct_no_need_digitise": 8.0, "pct_online": 35.0, "has_cms": True,
        "digital_budget_available_eur": 48_000.0,
        "need_infrastructure_eur": 80_000.0, "need_equipment_eur": 40_000.0,
        "need_human_resources_eur": 150_000.0, "need_data_metadata_eur": 30_000.0,
        "need_copyright_clearance_eur": 45_000.0, "need_training_eur": 55_000.0,
        "funding_horizon_years": None,
    },
    {
        "museum_id": "DE-heimatmuseum-unterlenningen",
        "museum_name": "Heimatmuseum Unterlenningen",
        "country": "DE", "museum_type": "regional_local", "ownership": "private_nonprofit",
        "annual_visits": 2_150, "collection_objects": 6_200,
        "pct_catalogued_db": 40.0, "pct_digitised": 10.0, "pct_digitised_3d": 0.0,
        "pct_no_need_digitise": 25.0, "pct_online": 2.0, "has_cms": False,
        "digital_budget_available_eur": 1_500.0,
        "need_infrastructure_eur": 8_000.0, "need_equipment_eur": 6_000.0,
        "need_human_resources_eur": None, "need_data_metadata_eur": 4_000.0,
        "need_copyright_clearance_eur": None, "need_training_eur": 2_000.0,
        "funding_horizon_years": 3,
    },
    {
        "museum_id": "DE-naturkundemuseum-albtal",
        "museum_name": "Naturkundemuseum Albtal",
        "country": "DE", "museum_type": "natural_history_science", "ownership": "regional_local_authority",
        "annual_visits": 96_500, "collection_objects": 1_250_000,
        "pct_catalogued_db": 35.0, "pct_digitised": 8.0, "pct_digitised_3d": 0.3,
        "pct_no_need_digitise": 10.0, "pct_online": 4.0, "has_cms": True,
        "digital_budget_available_eur": 320_000.0,
        "need_infrastructure_eur": 900_000.0, "need_equipment_eur": 450_000.0,
        "need_human_resources_eur": 1_200_000.0, "need_data_metadata_eur": 500_000.0,
        "need_copyright_clearance_eur": 50_000.0, "need_training_eur": 100_000.0,
        "funding_horizon_years": 5,
    },
    {
        "museum_id": "DE-technikmuseum-neckarwerk",
        "museum_name": "Technikmuseum Neckarwerk",
        "country": "DE", "museum_type": "science_technology", "ownership": "private_nonprofit",
        "annual_visits": 61_000, "collection_objects": 27_500,
        "pct_catalogued_db": 75.0, "pct_digitised": 40.0, "pct_digitised_3d": 6.0,
        "pct_no_need_digitise": 15.0, "pct_online": 25.0, "has_cms": True,
        "digital_budget_available_eur": 80_000.0,
        "need_infrastructure_eur": 120_000.0, "need_equipment_eur": 95_000.0,
        "need_human_resources_eur": 180_000.0, "need_data_metadata_eur": 40_000.0,
        "need_copyright_clearance_eur": 10_000.0, "need_training_eur": 55_000.0,
        "funding_horizon_years": None,
    },
    {
        "museum_id": "DE-archaologisches-museum-kastell-sulzbach",
        "museum_name": "Archäologisches Museum Kastell Sulzbach",
        "country": "DE", "museum_type": "archaeology", "ownership": "regional_local_authority",
        "annual_visits": 18_200, "collection_objects": 150_000,
        "pct_catalogued_db": 60.0, "pct_digitised": 22.0, "pct_digitised_3d": 5.0,
        "pct_no_need_digitise": 30.0, "pct_online": 12.0, "has_cms": True,
        "digital_budget_available_eur": None,
        "need_infrastructure_eur": 70_000.0, "need_equipment_eur": 110_000.0,
        "need_human_resources_eur": 90_000.0, "need_data_metadata_eur": 45_000.0,
        "need_copyright_clearance_eur": 0.0, "need_training_eur": 15_000.0,
        "funding_horizon_years": 4,
    },
    {
        "museum_id": "DE-stadtgeschichtliches-museum-weilstetten",
        "museum_name": "Stadtgeschichtliches Museum Weilstetten",
        "country": "DE", "museum_type": "history", "ownership": "regional_local_authority",
        "annual_visits": 12_750, "collection_objects": 22_000,
        "pct_catalogued_db": 65.0, "pct_digitised": 18.0, "pct_digitised_3d": 0.5,
        "pct_no_need_digitise": None, "pct_online": 18.0, "has_cms": True,
        "digital_budget_available_eur": 12_000.0,
        "need_infrastructure_eur": 25_000.0, "need_equipment_eur": 15_000.0,
        "need_human_resources_eur": 60_000.0, "need_data_metadata_eur": 20_000.0,
        "need_copyright_clearance_eur": 8_000.0, "need_training_eur": 22_000.0,
        "funding_horizon_years": None,
    },
    {
        "museum_id": "DE-museum-fur-volkskunde-im-schwarzwaldhof",
        "museum_name": "Museum für Volkskunde im Schwarzwaldhof",
        "country": "DE", "museum_type": "ethnography_anthropology", "ownership": "private_nonprofit",
        "annual_visits": 24_300, "collection_objects": 9_600,
        "pct_catalogued_db": 80.0, "pct_digitised": 30.0, "pct_digitised_3d": 2.0,
        "pct_no_need_digitise": 35.0, "pct_online": 20.0, "has_cms": True,
        "digital_budget_available_eur": 9_500.0,
        "need_infrastructure_eur": 15_000.0, "need_equipment_eur": 12_000.0,
        "need_human_resources_eur": 40_000.0, "need_data_metadata_eur": 10_000.0,
        "need_copyright_clearance_eur": 5_000.0, "need_training_eur": 13_000.0,
        "funding_horizon_years": 2,
    },
    {
        "museum_id": "DE-uhrenmuseum-der-firma-kienzler",
        "museum_name": "Uhrenmuseum der Firma Kienzler",
        "country": "DE", "museum_type": "specialised", "ownership": "private_for_profit",
        "annual_visits": 7_800, "collection_objects": 3_100,
        "pct_catalogued_db": 100.0, "pct_digitised": 88.0, "pct_digitised_3d": 15.0,
        "pct_no_need_digitise": 5.0, "pct_online": 60.0, "has_cms": True,
        "digital_budget_available_eur": 40_000.0,
        "need_infrastructure_eur": 10_000.0, "need_equipment_eur": 20_000.0,
        "need_human_resources_eur": None, "need_data_metadata_eur": None,
        "need_copyright_clearance_eur": None, "need_training_eur": None,
        "funding_horizon_years": None,
    },
]
PERSONAL_DE: list[str] = [row[DE_FIELDS.index(f)] for row in DE_CELLS for f in ("_respondent", "_phone")]
PERSONAL_DE += ["Albrecht", "Pfisterer", "Krämer-Lutz", "Oberdorfer", "Wieland", "Brenner-Haag", "Kaltenbach",
                "Hofstetter"]
# The phone numbers as digits only (a loader that "cleans" a number must not keep it either).
PERSONAL_DE += ["".join(ch for ch in row[DE_FIELDS.index("_phone")] if ch.isdigit()) for row in DE_CELLS]
DE_PERSONAL_HEADINGS = ("Name der ausfüllenden Person", "Telefon")


def write_umfrage_de(dir: Path) -> Path:
    """The German Landesstelle's CSV; returns its path (dir / "umfrage_2025.csv")."""
    path = Path(dir) / DE_FILE
    ncol = len(DE_COLUMNS)
    pad = [""] * (ncol - 1)
    rows = [[DE_TITLE, *pad], ["", *pad], [h for _, h in DE_COLUMNS]]
    for cells in DE_CELLS:
        assert len(cells) == ncol, (cells[0], len(cells))
        rows.append(cells)
    buf = io.StringIO()
    csv.writer(buf, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL).writerows(rows)
    path.write_bytes(b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8"))
    return path


FILES = {
    "fr": (write_enquete_fr, CANONICAL_FR, PERSONAL_FR, FR_PERSONAL_HEADINGS),
    "de": (write_umfrage_de, CANONICAL_DE, PERSONAL_DE, DE_PERSONAL_HEADINGS),
}
