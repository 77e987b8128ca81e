"""One hand-worked survey (5 museums, 3 countries, wave 2025) exported by seven online survey tools.

Everything is generated in code (openpyxl / the csv module); no binary fixture is committed.

`CANONICAL` is the truth: the values every export must store in `current_responses` (country as ISO
alpha-2, percentages 0-100, money in EUR, enumeration codes, multi-selects as ';'-joined codes,
blank = None). The expected aggregates are worked out by hand in tests/test_survey_tools.py.

Each writer produces the file the way that tool writes its "download responses" export, with the
tool's own header rows, metadata columns, personal-data columns and multi-choice layout; the writer's
docstring lists the telltale rows and columns. None of the exports carries the survey wave: it is given
at load time (wave="2025").

Sources for the layouts: EUSurvey's CommonExcelExportCreator (preamble "Alias" / "Export Date" rows,
metadata columns appended after the questions, multi-choice answers joined with ';', number questions
as numeric cells) and messages_en/fr.properties (the metadata labels in the exporting user's language);
LimeSurvey's export writer (headings "code. text", sub-questions "Q09[SQ001]. Question [Option]",
"Full answers" writes a multiple-choice option as "Yes"/"No" and the [other] column as typed);
the tools' documented CSV/XLSX layouts for SurveyMonkey, Qualtrics, Google Forms, Microsoft Forms and
KoboToolbox.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

WAVE = "2025"

NEED_FIELDS = (
    "need_infrastructure_eur",
    "need_equipment_eur",
    "need_human_resources_eur",
    "need_data_metadata_eur",
    "need_copyright_clearance_eur",
    "need_training_eur",
)

# Every field the exports answer (museum_id is not asked: the loader generates it from country + name).
FIELDS = (
    "museum_id",
    "museum_name",
    "country",
    "museum_type",
    "pct_digitised",
    "pct_online",
    "collection_objects",
    "digital_budget_available_eur",
    *NEED_FIELDS,
    "metadata_standards",
    "ai_status",
    "has_digital_strategy",
)
ASKED = FIELDS[1:]

# --- the canonical, hand-worked answers (sorted by museum_id) ---------------------------------------
# museum_id is what the loader generates: country + '-' + the name lower-cased, accents removed,
# every run of other characters replaced by '-' (worked out by hand here).
CANONICAL: list[dict] = [
    {
        "museum_id": "AT-kunstsammlung-ennstal",
        "museum_name": "Kunstsammlung Ennstal",
        "country": "AT",
        "museum_type": "art",
        "pct_digitised": 72.0,
        "pct_online": 40.0,
        "collection_objects": 50_000,
        "digital_budget_available_eur": 120_000.0,
        "need_infrastructure_eur": 200_000.0,
        "need_equipment_eur": 100_000.0,
        "need_human_resources_eur": 150_000.0,
        "need_data_metadata_eur": 50_000.0,
        "need_copyright_clearance_eur": 25_000.0,
        "need_training_eur": 25_000.0,
        "metadata_standards": "lido;edm",
        "ai_status": "pilot",
        "has_digital_strategy": "written",
    },
    {   # quotes and a comma inside the name; answers "Other" (free text) among the metadata standards
        "museum_id": "AT-stadtmuseum-alte-muhle-kremsau",
        "museum_name": 'Stadtmuseum "Alte Mühle", Kremsau',
        "country": "AT",
        "museum_type": "history",
        "pct_digitised": 37.5,
        "pct_online": 20.0,
        "collection_objects": 12_000,
        "digital_budget_available_eur": 15_000.0,
        "need_infrastructure_eur": 40_000.0,
        "need_equipment_eur": 30_000.0,
        "need_human_resources_eur": None,            # not answered
        "need_data_metadata_eur": 20_000.0,
        "need_copyright_clearance_eur": None,        # not answered
        "need_training_eur": 10_000.0,
        "metadata_standards": "dublin_core;other",   # "museumdat", typed into the Other box
        "ai_status": "none",
        "has_digital_strategy": "unwritten",
    },
    {
        "museum_id": "BE-musee-royal-d-histoire-naturelle-de-valmont",
        "museum_name": "Musée royal d'Histoire naturelle de Valmont",
        "country": "BE",
        "museum_type": "natural_history_science",
        "pct_digitised": 15.0,
        "pct_online": 5.0,
        "collection_objects": 1_200_000,
        "digital_budget_available_eur": 250_000.0,
        "need_infrastructure_eur": 800_000.0,
        "need_equipment_eur": 400_000.0,
        "need_human_resources_eur": 400_000.0,
        "need_data_metadata_eur": 240_000.0,
        "need_copyright_clearance_eur": 0.0,         # answered zero: stored 0, not NULL
        "need_training_eur": 160_000.0,
        "metadata_standards": "edm;dublin_core;cidoc_crm",
        "ai_status": "exploring",
        "has_digital_strategy": "written",
    },
    {
        "museum_id": "PT-museu-de-ciencia-e-tecnica-do-norte",
        "museum_name": "Museu de Ciência e Técnica do Norte",
        "country": "PT",
        "museum_type": "science_technology",
        "pct_digitised": 55.0,
        "pct_online": 30.0,
        "collection_objects": 8_000,
        "digital_budget_available_eur": 40_000.0,
        "need_infrastructure_eur": 50_000.0,
        "need_equipment_eur": 80_000.0,
        "need_human_resources_eur": 60_000.0,
        "need_data_metadata_eur": 20_000.0,
        "need_copyright_clearance_eur": 10_000.0,
        "need_training_eur": 30_000.0,
        "metadata_standards": "lido",
        "ai_status": "in_production",
        "has_digital_strategy": "written",
    },
    {   # the museum that skipped questions
        "museum_id": "PT-museu-etnografico-da-ribeira",
        "museum_name": "Museu Etnográfico da Ribeira",
        "country": "PT",
        "museum_type": "ethnography_anthropology",
        "pct_digitised": 8.0,
        "pct_online": None,
        "collection_objects": 30_000,
        "digital_budget_available_eur": None,
        "need_infrastructure_eur": 60_000.0,
        "need_equipment_eur": 40_000.0,
        "need_human_resources_eur": None,
        "need_data_metadata_eur": None,
        "need_copyright_clearance_eur": None,
        "need_training_eur": None,
        "metadata_standards": "in_house",
        "ai_status": None,
        "has_digital_strategy": "none",
    },
]
BY_ID = {m["museum_id"]: m for m in CANONICAL}
OTHER_MUSEUM = "AT-stadtmuseum-alte-muhle-kremsau"
OTHER_TEXT = "museumdat"

# The order the answers came in (exports list responses by submission, not by museum).
SUBMITTED = (
    "AT-stadtmuseum-alte-muhle-kremsau",
    "BE-musee-royal-d-histoire-naturelle-de-valmont",
    "AT-kunstsammlung-ennstal",
    "PT-museu-de-ciencia-e-tecnica-do-norte",
    "PT-museu-etnografico-da-ribeira",
)
START = {mid: dt.datetime(2025, 3, 10 + i, 9 + i, 5 * i + 2, 17) for i, mid in enumerate(SUBMITTED)}
END = {mid: t + dt.timedelta(minutes=14, seconds=33) for mid, t in START.items()}


# --- personal data written into the exports; none of it may be stored -------------------------------
@dataclass(frozen=True)
class Person:
    first: str
    last: str
    email: str
    ip: str
    latitude: str
    longitude: str

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}"


PEOPLE = {
    "AT-kunstsammlung-ennstal": Person("Katharina", "Gruber", "k.gruber@kunstsammlung-ennstal.at",
                                       "193.170.12.34", "47.5712", "14.2398"),
    "AT-stadtmuseum-alte-muhle-kremsau": Person("Florian", "Hintersteiner", "f.hintersteiner@alte-muehle-kremsau.at",
                                                "91.115.201.7", "48.4103", "15.6021"),
    "BE-musee-royal-d-histoire-naturelle-de-valmont": Person("Sophie", "Vandermeulen", "s.vandermeulen@mrhn-valmont.be",
                                                             "81.246.33.120", "50.4671", "4.8719"),
    "PT-museu-de-ciencia-e-tecnica-do-norte": Person("Ana", "Magalhães", "ana.magalhaes@mctn.pt",
                                                     "188.81.150.3", "41.1496", "-8.6110"),
    "PT-museu-etnografico-da-ribeira": Person("João", "Figueiredo", "joao.figueiredo@museu-ribeira.pt",
                                              "85.240.17.66", "40.6405", "-7.9103"),
}


def personal_strings() -> list[str]:
    """Every personal value written into an export (names, addresses, IPs, coordinates)."""
    out = []
    for p in PEOPLE.values():
        out += [p.email, p.full, p.last, f"{p.last}, {p.first}", p.ip, p.latitude, p.longitude]
    return out


# --- answer labels, as the survey presented them --------------------------------------------------
EN = {
    "country": {"AT": "Austria", "BE": "Belgium", "PT": "Portugal"},
    "museum_type": {"art": "Art", "history": "History", "natural_history_science": "Natural history & natural science",
                    "science_technology": "Science & technology",
                    "ethnography_anthropology": "Ethnography & anthropology"},
    "ai_status": {"none": "Not using AI", "exploring": "Exploring", "pilot": "Pilot", "in_production": "In production"},
    "has_digital_strategy": {"written": "Written strategy", "unwritten": "Unwritten strategy", "none": "No strategy"},
    "metadata_standards": {"lido": "LIDO", "edm": "EDM", "dublin_core": "Dublin Core", "cidoc_crm": "CIDOC CRM",
                           "in_house": "In-house"},
}
# The French version of the same survey (EUSurvey translation), as a French-speaking museum sees it.
FR = {
    "country": {"AT": "Autriche", "BE": "Belgique", "PT": "Portugal"},
    "museum_type": {"art": "Beaux-arts", "history": "Histoire", "natural_history_science": "Histoire naturelle",
                    "science_technology": "Sciences et techniques", "ethnography_anthropology": "Ethnographie"},
    "ai_status": {"none": "Pas d'utilisation de l'IA", "exploring": "Exploration", "pilot": "Projet pilote",
                  "in_production": "En production"},
    "has_digital_strategy": {"written": "Stratégie écrite", "unwritten": "Stratégie non écrite",
                             "none": "Pas de stratégie"},
    "metadata_standards": {"lido": "LIDO", "edm": "EDM", "dublin_core": "Dublin Core", "cidoc_crm": "CIDOC CRM",
                           "in_house": "Schéma maison"},
}
METADATA_OPTIONS = ("lido", "edm", "dublin_core", "cidoc_crm", "in_house")   # the options the survey offered
NEED_LABELS = {   # the sub-labels of the funding question, in the order asked
    "need_infrastructure_eur": "Infrastructure",
    "need_equipment_eur": "Equipment",
    "need_human_resources_eur": "Qualified staff",
    "need_data_metadata_eur": "Data and metadata",
    "need_copyright_clearance_eur": "Copyright clearance",
    "need_training_eur": "Staff training",
}

# English question wording (long, as online surveys ask it).
Q = {
    "museum_name": "What is the name of your museum?",
    "country": "In which country is your museum located?",
    "museum_type": "Which type of museum is it?",
    "pct_digitised": "What percentage of your collection has been digitised?",
    "pct_online": "What percentage of your collection is accessible online?",
    "collection_objects": "How many objects are in your collection?",
    "digital_budget_available_eur": "What is your museum's annual digital budget (EUR)?",
    "needs": "How much funding does your museum need until 2030 for each area (EUR)?",
    "metadata_standards": "Which metadata standards does your museum use?",
    "ai_status": "Does your museum use artificial intelligence (AI)?",
    "has_digital_strategy": "Does your museum have a digital strategy?",
}

NUMBER_FIELDS = ("pct_digitised", "pct_online", "collection_objects", "digital_budget_available_eur", *NEED_FIELDS)
CHOICE_FIELDS = ("country", "museum_type", "ai_status", "has_digital_strategy")


def _plain(v) -> str:
    """A number as a survey tool's text answer: 72, 37.5, 1200000 ('' when not answered)."""
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return str(v)


def _typed(tool: str, mid: str, field: str) -> str:
    """The answer as typed into a free-text box (see TYPED), else the plain number."""
    return TYPED.get(tool, {}).get(mid, {}).get(field, _plain(BY_ID[mid][field]))


def _label(labels: dict, field: str, mid: str) -> str:
    code = BY_ID[mid][field]
    return "" if code is None else labels[field][code]


def _picked(mid: str) -> list[str]:
    codes = BY_ID[mid]["metadata_standards"].split(";")
    return [c for c in codes if c != "other"]


def _other(mid: str) -> str:
    return OTHER_TEXT if "other" in BY_ID[mid]["metadata_standards"].split(";") else ""


# Numbers typed into open text boxes, the way respondents write them (everything else: plain digits).
TYPED = {
    "surveymonkey": {
        "AT-kunstsammlung-ennstal": {"pct_digitised": "72%", "digital_budget_available_eur": "EUR120000",
                                     "collection_objects": "50000"},
        "AT-stadtmuseum-alte-muhle-kremsau": {"pct_digitised": "37,5", "digital_budget_available_eur": "15k",
                                              "need_infrastructure_eur": "40k"},
        "BE-musee-royal-d-histoire-naturelle-de-valmont": {"collection_objects": "1.200.000",
                                                           "need_infrastructure_eur": "800.000"},
        "PT-museu-de-ciencia-e-tecnica-do-norte": {"pct_digitised": "55 %"},
    },
    "qualtrics": {
        "AT-stadtmuseum-alte-muhle-kremsau": {"pct_digitised": "37.5"},
        "BE-musee-royal-d-histoire-naturelle-de-valmont": {"digital_budget_available_eur": "250,000"},
    },
    "limesurvey": {},           # numerical-input questions: digits only (LimeSurvey trims 37.5000000000)
    "google": {
        "AT-kunstsammlung-ennstal": {"pct_digitised": "72%", "digital_budget_available_eur": "EUR120000"},
        "AT-stadtmuseum-alte-muhle-kremsau": {"pct_digitised": "37,5", "digital_budget_available_eur": "15k",
                                              "pct_online": "20%"},
        "BE-musee-royal-d-histoire-naturelle-de-valmont": {"collection_objects": "1.200.000",
                                                           "need_infrastructure_eur": "800 000"},
        "PT-museu-de-ciencia-e-tecnica-do-norte": {"need_equipment_eur": "80k"},
    },
    "msforms": {
        "AT-stadtmuseum-alte-muhle-kremsau": {"pct_digitised": "37,5"},
        "BE-musee-royal-d-histoire-naturelle-de-valmont": {"collection_objects": "1 200 000",
                                                           "digital_budget_available_eur": "€250.000"},
        "AT-kunstsammlung-ennstal": {"pct_digitised": "72 %"},
    },
    "kobo": {},                 # integer / decimal questions: digits only
}


# --- helpers for writing ------------------------------------------------------------------------------
def _write_csv(path: Path, rows: list[list], *, delimiter: str = ",", quote_all: bool = False, bom: bool = False,
               lineterminator: str = "\r\n", trailing_blank_line: bool = False) -> Path:
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter, lineterminator=lineterminator,
                        quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL)
    writer.writerows(rows)
    text = buf.getvalue() + (lineterminator if trailing_blank_line else "")
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


def _xlsx(path: Path, rows: list[list], sheet: str, bold_rows: int = 1, number_format: dict | None = None) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    for row in rows:
        ws.append(row)
    for r in range(1, bold_rows + 1):
        for cell in ws[r]:
            cell.font = Font(bold=True)
    for (r, c), fmt in (number_format or {}).items():
        ws.cell(r, c).number_format = fmt
    wb.save(path)
    return path


# =====================================================================================================
# EUSurvey
# =====================================================================================================
EUSURVEY_UI = {   # the metadata labels, in the exporting user's interface language (messages_xx.properties)
    "en": {"case": "Contribution ID", "user": "User name", "created": "Creation date", "updated": "Last update",
           "languages": "Languages"},
    "fr": {"case": "Numéro d'identification de la contribution", "user": "Nom d'utilisateur",
           "created": "Date de création", "updated": "Dernière mise à jour", "languages": "Langues"},
}
EUSURVEY_QUESTIONS = {
    "en": {
        "museum_name": "Name of your museum",
        "country": "Country",
        "museum_type": "Type of museum",
        "pct_digitised": Q["pct_digitised"],
        "pct_online": Q["pct_online"],
        "collection_objects": Q["collection_objects"],
        "digital_budget_available_eur": "Annual digital budget (EUR)",
        **{f: f"Funding needed until 2030 (EUR): {label}" for f, label in NEED_LABELS.items()},
        "metadata_standards": Q["metadata_standards"],
        "other": "If other, please specify",
        "ai_status": Q["ai_status"],
        "has_digital_strategy": Q["has_digital_strategy"],
        "your_name": "Your name",
        "your_email": "Your e-mail address",
    },
    "fr": {
        "museum_name": "Nom du musée",
        "country": "Pays",
        "museum_type": "Type de musée",
        "pct_digitised": "Quel pourcentage de votre collection a été numérisé ?",
        "pct_online": "Quel pourcentage de votre collection est accessible en ligne ?",
        "collection_objects": "Combien d'objets compte votre collection ?",
        "digital_budget_available_eur": "Budget numérique annuel (EUR)",
        "need_infrastructure_eur": "Besoin de financement d'ici 2030 (EUR) : infrastructure",
        "need_equipment_eur": "Besoin de financement d'ici 2030 (EUR) : équipement",
        "need_human_resources_eur": "Besoin de financement d'ici 2030 (EUR) : personnel qualifié",
        "need_data_metadata_eur": "Besoin de financement d'ici 2030 (EUR) : données et métadonnées",
        "need_copyright_clearance_eur": "Besoin de financement d'ici 2030 (EUR) : droits d'auteur",
        "need_training_eur": "Besoin de financement d'ici 2030 (EUR) : formation du personnel",
        "metadata_standards": "Quelles normes de métadonnées votre musée utilise-t-il ?",
        "other": "Si autre, veuillez préciser",
        "ai_status": "Votre musée utilise-t-il l'intelligence artificielle (IA) ?",
        "has_digital_strategy": "Votre musée a-t-il une stratégie numérique ?",
        "your_name": "Votre nom",
        "your_email": "Votre adresse e-mail",
    },
}


def write_eusurvey(dir: Path, language: str = "en") -> Path:
    """EUSurvey "Export > Results > xlsx" (CommonExcelExportCreator), one sheet named "Content".

    Telltales:
    * preamble: row 1 `Alias | <survey alias>`, row 2 `Export Date | <date cell>`, row 3 empty; the question
      titles are in row 4. "Alias" and "Export Date" are hard-coded English in every UI language;
    * the survey's questions first, then the metadata columns appended at the END, labelled in the exporting
      user's UI language: `Contribution ID | User name | Creation date | Last update | Languages`
      (French: `Numéro d'identification de la contribution | Nom d'utilisateur | Date de création |
      Dernière mise à jour | Langues`);
    * `User name` holds the EU Login of the respondent: an e-mail address;
    * number questions are numeric cells (format "0" / "0.0"); choice answers are the option titles;
    * multiple choice: the chosen option titles in one cell joined with ';' (no space). EUSurvey has no
      built-in "Other" box: the form offers an "Other" option plus a free-text question "If other, please
      specify", whose text therefore stays in its own (unmapped) column;
    * personal questions asked by the form: "Your name", "Your e-mail address".
    `language="fr"`: the French translation of the survey exported by a French-speaking user (question
    titles, answer titles and metadata labels in French).
    """
    q, ui = EUSURVEY_QUESTIONS[language], EUSURVEY_UI[language]
    labels = EN if language == "en" else FR
    other_word = "Other" if language == "en" else "Autre"
    path = Path(dir) / ("Content_museum-digitisation-2025.xlsx" if language == "en"
                        else "Content_museum-digitisation-2025 (FR).xlsx")
    # the form's question order
    order = ["museum_name", "country", "museum_type", "pct_digitised", "pct_online", "collection_objects",
             "digital_budget_available_eur", *NEED_FIELDS, "metadata_standards", "other", "ai_status",
             "has_digital_strategy", "your_name", "your_email"]
    header = [q[k] for k in order] + [ui["case"], ui["user"], ui["created"], ui["updated"], ui["languages"]]
    rows: list[list] = [["Alias", "museum-digitisation-2025"], ["Export Date", dt.datetime(2025, 4, 2, 16, 40, 5)], [],
                        header]
    for i, mid in enumerate(SUBMITTED):
        m, p = BY_ID[mid], PEOPLE[mid]
        row = []
        for k in order:
            if k in CHOICE_FIELDS:
                row.append(_label(labels, k, mid) or None)
            elif k in NUMBER_FIELDS:
                v = m[k]
                row.append(None if v is None else float(v))       # NumberQuestion -> numeric cell
            elif k == "museum_name":
                row.append(m[k])
            elif k == "metadata_standards":
                picked = [labels["metadata_standards"][c] for c in _picked(mid)]
                row.append(";".join(picked + ([other_word] if _other(mid) else [])))
            elif k == "other":
                row.append(_other(mid) or None)
            elif k == "your_name":
                row.append(p.full)
            elif k == "your_email":
                row.append(p.email)
        row += [f"3f9c2e1a-7b4d-4c8e-9a1f-0d2e5b6c7a{i:02d}", p.email, START[mid], END[mid],
                "FR" if language == "fr" else "EN"]
        rows.append(row)
    formats = {}
    first_data = 5
    for r in range(first_data, first_data + len(SUBMITTED)):
        for c, k in enumerate(order, start=1):
            if k in NUMBER_FIELDS:
                formats[(r, c)] = "0.0" if k in ("pct_digitised", "pct_online") else "0"
        for c in (len(order) + 3, len(order) + 4):
            formats[(r, c)] = "yyyy-mm-dd hh:mm:ss"
    formats[(2, 2)] = "yyyy-mm-dd hh:mm"
    return _xlsx(path, rows, "Content", bold_rows=0, number_format=formats)


def write_eusurvey_fr(dir: Path) -> Path:
    """The same EUSurvey export made by a French-speaking user from the French translation of the form."""
    return write_eusurvey(dir, language="fr")


# =====================================================================================================
# SurveyMonkey
# =====================================================================================================
SM_META = ["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address", "Email Address", "First Name",
           "Last Name", "Custom Data 1"]
SM_OTHER = "Other (please specify)"


def _surveymonkey_rows() -> list[list]:
    row1 = list(SM_META)
    row2 = [""] * len(SM_META)
    for f in ("museum_name", "country", "museum_type", "pct_digitised", "pct_online", "collection_objects",
              "digital_budget_available_eur"):
        row1.append(Q[f])
        row2.append("Response" if f in CHOICE_FIELDS else "Open-Ended Response")
    for i, f in enumerate(NEED_FIELDS):            # Multiple Textboxes: question text once, over the first box
        row1.append(Q["needs"] if i == 0 else "")
        row2.append(NEED_LABELS[f])
    for i, code in enumerate(METADATA_OPTIONS):    # Checkboxes: one column per option, then the Other box
        row1.append(f"{Q['metadata_standards']} (Select all that apply)" if i == 0 else "")
        row2.append(EN["metadata_standards"][code])
    row1.append("")
    row2.append(SM_OTHER)
    for f in ("ai_status", "has_digital_strategy"):
        row1.append(Q[f])
        row2.append("Response")
    rows = [row1, row2]
    for i, mid in enumerate(SUBMITTED):
        m, p = BY_ID[mid], PEOPLE[mid]
        row = [str(114_872_003_512 + 7 * i), "431287650", START[mid].strftime("%m/%d/%Y %I:%M:%S %p"),
               END[mid].strftime("%m/%d/%Y %I:%M:%S %p"), p.ip, p.email, p.first, p.last, "NEMO-2025"]
        for f in ("museum_name", "country", "museum_type", "pct_digitised", "pct_online", "collection_objects",
                  "digital_budget_available_eur"):
            row.append(m[f] if f == "museum_name" else _label(EN, f, mid) if f in CHOICE_FIELDS
                       else _typed("surveymonkey", mid, f))
        row += [_typed("surveymonkey", mid, f) for f in NEED_FIELDS]
        row += [EN["metadata_standards"][c] if c in _picked(mid) else "" for c in METADATA_OPTIONS]
        row.append(_other(mid))
        row += [_label(EN, "ai_status", mid), _label(EN, "has_digital_strategy", mid)]
        rows.append(row)
    return rows


def write_surveymonkey_xlsx(dir: Path) -> Path:
    """SurveyMonkey "Export > All responses data > XLS", sheet "Sheet".

    Telltales:
    * two header rows: row 1 = question text written ONCE over the first column of the question (the
      other columns of that question are blank in row 1); row 2 = `Response` (closed question),
      `Open-Ended Response` (text box), the sub-label of each box of a Multiple Textboxes question
      ("Infrastructure" ... "Staff training"), or the option text of each Checkboxes option;
    * metadata first, row 2 blank under them: `Respondent ID | Collector ID | Start Date | End Date |
      IP Address | Email Address | First Name | Last Name | Custom Data 1` (IP, e-mail and names are
      personal data, filled by an e-mail collector);
    * multiple choice: one column per option holding the option text when chosen, blank otherwise, then an
      `Other (please specify)` column holding the respondent's own words;
    * every answer is text (numbers as typed: "72%", "37,5", "EUR120000", "15k", "1.200.000").
    """
    path = Path(dir) / "Museum digitisation survey 2025 [SurveyMonkey].xlsx"
    return _xlsx(path, _surveymonkey_rows(), "Sheet", bold_rows=2)


def write_surveymonkey_csv(dir: Path) -> Path:
    """SurveyMonkey "Export > All responses data > CSV" (the file inside the downloaded zip).

    Same two header rows and columns as the XLS export; UTF-8 with a BOM, ',' separated, quotes only
    where needed (the name with quotes and a comma), CRLF line ends and an empty line at the end.
    """
    path = Path(dir) / "CSV Responses (1) [museum survey 2025].csv"
    return _write_csv(path, _surveymonkey_rows(), bom=True, trailing_blank_line=True)


# =====================================================================================================
# Qualtrics
# =====================================================================================================
QT_META = [  # (row 1 id, row 2 label, row 3 ImportId JSON)
    ("StartDate", "Start Date", '{"ImportId":"startDate","timeZone":"Europe/Brussels"}'),
    ("EndDate", "End Date", '{"ImportId":"endDate","timeZone":"Europe/Brussels"}'),
    ("Status", "Response Type", '{"ImportId":"status"}'),
    ("IPAddress", "IP Address", '{"ImportId":"ipAddress"}'),
    ("Progress", "Progress", '{"ImportId":"progress"}'),
    ("Duration (in seconds)", "Duration (in seconds)", '{"ImportId":"duration"}'),
    ("Finished", "Finished", '{"ImportId":"finished"}'),
    ("RecordedDate", "Recorded Date", '{"ImportId":"recordedDate","timeZone":"Europe/Brussels"}'),
    ("ResponseId", "Response ID", '{"ImportId":"_recordId"}'),
    ("RecipientLastName", "Recipient Last Name", '{"ImportId":"recipientLastName"}'),
    ("RecipientFirstName", "Recipient First Name", '{"ImportId":"recipientFirstName"}'),
    ("RecipientEmail", "Recipient Email", '{"ImportId":"recipientEmail"}'),
    ("ExternalReference", "External Data Reference", '{"ImportId":"externalDataReference"}'),
    ("LocationLatitude", "Location Latitude", '{"ImportId":"locationLatitude"}'),
    ("LocationLongitude", "Location Longitude", '{"ImportId":"locationLongitude"}'),
    ("DistributionChannel", "Distribution Channel", '{"ImportId":"distributionChannel"}'),
    ("UserLanguage", "User Language", '{"ImportId":"userLanguage"}'),
]
QT_TYPE_QUESTION = "Which of the following best describes your museum?"


def write_qualtrics(dir: Path) -> Path:
    """Qualtrics "Data & Analysis > Export data > CSV, use choice text".

    Telltales:
    * three header rows: row 1 = export tags (`StartDate`, ..., `Q1`, `Q8_1`, `Q9`, `Q9_6_TEXT`), row 2 =
      question text (` - Selected Choice` after a choice question that has a text-entry option, ` - Other
      (please specify) - Text` for that text, ` - <sub-label>` for form fields), row 3 = `{"ImportId":"QID1"}`;
    * metadata: `StartDate, EndDate, Status, IPAddress, Progress, Duration (in seconds), Finished,
      RecordedDate, ResponseId, RecipientLastName, RecipientFirstName, RecipientEmail, ExternalReference,
      LocationLatitude, LocationLongitude, DistributionChannel, UserLanguage` (IP, recipient names and
      e-mail, latitude/longitude are personal data);
    * multiple choice: ONE column with the chosen choice texts joined by ',' (no space), including the
      text of the Other choice, and a `Q9_6_TEXT` column with what was typed into the Other box;
    * the museum-type question is worded "Which of the following best describes your museum?";
    * UTF-8 with a BOM, ',' separated, EVERY value quoted, CRLF; the file name has spaces and a comma.
    """
    path = Path(dir) / "Museum Digitisation Survey 2025_April 2, 2025_16.40.csv"
    cols: list[tuple[str, str, str]] = list(QT_META)
    simple = [("Q1", Q["museum_name"], "QID1_TEXT"), ("Q2", Q["country"], "QID2"), ("Q3", QT_TYPE_QUESTION, "QID3"),
              ("Q4", Q["pct_digitised"], "QID4_TEXT"), ("Q5", Q["pct_online"], "QID5_TEXT"),
              ("Q6", Q["collection_objects"], "QID6_TEXT"), ("Q7", Q["digital_budget_available_eur"], "QID7_TEXT")]
    cols += [(a, b, json.dumps({"ImportId": c}, separators=(",", ":"))) for a, b, c in simple]
    for i, f in enumerate(NEED_FIELDS, start=1):
        cols.append((f"Q8_{i}", f"{Q['needs']} - {NEED_LABELS[f]}", f'{{"ImportId":"QID8_{i}"}}'))
    cols.append(("Q9", f"{Q['metadata_standards']} - Selected Choice", '{"ImportId":"QID9"}'))
    cols.append(("Q9_6_TEXT", f"{Q['metadata_standards']} - Other (please specify) - Text",
                 '{"ImportId":"QID9_6_TEXT"}'))
    cols.append(("Q10", Q["ai_status"], '{"ImportId":"QID10"}'))
    cols.append(("Q11", Q["has_digital_strategy"], '{"ImportId":"QID11"}'))
    rows = [[c[0] for c in cols], [c[1] for c in cols], [c[2] for c in cols]]
    for i, mid in enumerate(SUBMITTED):
        m, p = BY_ID[mid], PEOPLE[mid]
        fmt = "%Y-%m-%d %H:%M:%S"
        row = [START[mid].strftime(fmt), END[mid].strftime(fmt), "IP Address", p.ip, "100",
               str(int((END[mid] - START[mid]).total_seconds())), "True", END[mid].strftime(fmt),
               f"R_3kT8wQz{i}LmN2pXa", p.last, p.first, p.email, "", p.latitude, p.longitude, "email", "EN"]
        row += [m["museum_name"], _label(EN, "country", mid), _label(EN, "museum_type", mid)]
        row += [_typed("qualtrics", mid, f) for f in ("pct_digitised", "pct_online", "collection_objects",
                                                      "digital_budget_available_eur")]
        row += [_typed("qualtrics", mid, f) for f in NEED_FIELDS]
        chosen = [EN["metadata_standards"][c] for c in _picked(mid)]
        chosen += ["Other (please specify)"] if _other(mid) else []
        row += [",".join(chosen), _other(mid)]
        row += [_label(EN, "ai_status", mid), _label(EN, "has_digital_strategy", mid)]
        rows.append(row)
    return _write_csv(path, rows, quote_all=True, bom=True)


# =====================================================================================================
# LimeSurvey
# =====================================================================================================
LS_META = [  # (code, text)
    ("id", "Response ID"), ("submitdate", "Date submitted"), ("lastpage", "Last page"),
    ("startlanguage", "Start language"), ("seed", "Seed"), ("startdate", "Date started"),
    ("datestamp", "Date last action"), ("ipaddr", "IP address"),
    ("firstname", "First name"), ("lastname", "Last name"), ("email", "Email address"),
]


def write_limesurvey(dir: Path, headings: str = "code_text") -> Path:
    """LimeSurvey "Responses > Export > CSV", "Full answers", headings "Question code & question text".

    Telltales:
    * ONE header row; every heading is `code. text`: metadata `id. Response ID`, `submitdate. Date submitted`,
      `lastpage. Last page`, `startlanguage. Start language`, `seed. Seed`, `startdate. Date started`,
      `datestamp. Date last action`, `ipaddr. IP address`, and the participant fields of a survey with a
      participant list `firstname. First name`, `lastname. Last name`, `email. Email address` (personal);
    * questions `Q01. What is the name of your museum?`; sub-questions `Q08[SQ001]. <question> [Infrastructure]`;
    * multiple choice: one column per option `Q09[SQ001]. <question> [LIDO]` holding "Yes" (chosen) or "No"
      (LimeSurvey's full-answer text for Y / empty), and `Q09[other]. <question> [Other]` holding the text;
    * numbers as stored (decimal places trimmed: 37.5), dates `2025-03-10 09:02:17`;
    * ',' separated, every value quoted, no BOM, LF line ends; file name `results-survey<sid>.csv`.
    `headings="full"`: the "Full question text" heading style (no codes: `Response ID`,
    `What is the name of your museum?`, `<question> [LIDO]`, `<question> [Other]`).
    """
    code = headings == "code_text"

    def h(c: str, text: str) -> str:
        return f"{c}. {text}" if code else text

    path = Path(dir) / ("results-survey482913.csv" if code else "results-survey482913 (full text).csv")
    header = [h(c, t) for c, t in LS_META]
    qcodes = {"museum_name": "Q01", "country": "Q02", "museum_type": "Q03", "pct_digitised": "Q04",
              "pct_online": "Q05", "collection_objects": "Q06", "digital_budget_available_eur": "Q07",
              "ai_status": "Q10", "has_digital_strategy": "Q11"}
    singles_before = ["museum_name", "country", "museum_type", "pct_digitised", "pct_online", "collection_objects",
                      "digital_budget_available_eur"]
    header += [h(qcodes[f], Q[f]) for f in singles_before]
    header += [h(f"Q08[SQ{i:03d}]", f"{Q['needs']} [{NEED_LABELS[f]}]") for i, f in enumerate(NEED_FIELDS, 1)]
    header += [h(f"Q09[SQ{i:03d}]", f"{Q['metadata_standards']} [{EN['metadata_standards'][c]}]")
               for i, c in enumerate(METADATA_OPTIONS, 1)]
    header.append(h("Q09[other]", f"{Q['metadata_standards']} [Other]"))
    header += [h(qcodes[f], Q[f]) for f in ("ai_status", "has_digital_strategy")]
    rows = [header]
    for i, mid in enumerate(SUBMITTED):
        m, p = BY_ID[mid], PEOPLE[mid]
        fmt = "%Y-%m-%d %H:%M:%S"
        row = [str(17 + i), END[mid].strftime(fmt), "4", "en", str(1_408_277_153 + 31 * i), START[mid].strftime(fmt),
               END[mid].strftime(fmt), p.ip, p.first, p.last, p.email]
        for f in singles_before:
            row.append(m[f] if f == "museum_name" else _label(EN, f, mid) if f in CHOICE_FIELDS
                       else _typed("limesurvey", mid, f))
        row += [_typed("limesurvey", mid, f) for f in NEED_FIELDS]
        row += ["Yes" if c in _picked(mid) else "No" for c in METADATA_OPTIONS]
        row.append(_other(mid))
        row += [_label(EN, "ai_status", mid), _label(EN, "has_digital_strategy", mid)]
        rows.append(row)
    return _write_csv(path, rows, quote_all=True, lineterminator="\n")


def write_limesurvey_fulltext(dir: Path) -> Path:
    """The same LimeSurvey export with the "Full question text" heading style."""
    return write_limesurvey(dir, headings="full")


# =====================================================================================================
# Google Forms
# =====================================================================================================
def write_google_forms(dir: Path) -> Path:
    """Google Forms "Responses > Download responses (.csv)".

    Telltales:
    * `Timestamp` first (`2025/03/10 9:02:17 AM CET`), then `Email address` (the form collects e-mail
      addresses: personal), then one column per question titled with the question text;
    * a grid question writes one column per row: `Question [Row]` - the six funding needs are
      `How much funding ...? [Infrastructure]` ... `[Staff training]`;
    * checkboxes: the chosen options in ONE cell joined with ', ', the respondent's own "Other" words
      written in the same list ("Dublin Core, museumdat");
    * a personal question "Your name";
    * ',' separated, EVERY value quoted, UTF-8 without BOM; the file name has spaces, brackets and a dash.
    """
    path = Path(dir) / "Museum digitisation survey 2025 (Responses) - Form responses 1.csv"
    header = ["Timestamp", "Email address"]
    header += [Q[f] for f in ("museum_name", "country", "museum_type", "pct_digitised", "pct_online",
                              "collection_objects", "digital_budget_available_eur")]
    header += [f"{Q['needs']} [{NEED_LABELS[f]}]" for f in NEED_FIELDS]
    header += [Q["metadata_standards"], Q["ai_status"], Q["has_digital_strategy"], "Your name"]
    rows = [header]
    for mid in SUBMITTED:
        m, p = BY_ID[mid], PEOPLE[mid]
        t = START[mid]
        stamp = f"{t:%Y/%m/%d} {t.hour % 12 or 12}:{t:%M:%S} {'AM' if t.hour < 12 else 'PM'} CET"
        row = [stamp, p.email, m["museum_name"], _label(EN, "country", mid), _label(EN, "museum_type", mid)]
        row += [_typed("google", mid, f) for f in ("pct_digitised", "pct_online", "collection_objects",
                                                   "digital_budget_available_eur")]
        row += [_typed("google", mid, f) for f in NEED_FIELDS]
        chosen = [EN["metadata_standards"][c] for c in _picked(mid)] + ([_other(mid)] if _other(mid) else [])
        row += [", ".join(chosen), _label(EN, "ai_status", mid), _label(EN, "has_digital_strategy", mid), p.full]
        rows.append(row)
    return _write_csv(path, rows, quote_all=True, lineterminator="\n")


# =====================================================================================================
# Microsoft Forms
# =====================================================================================================
def write_microsoft_forms(dir: Path) -> Path:
    """Microsoft Forms "Responses > Open in Excel" (the downloaded xlsx), sheet "Sheet1".

    Telltales:
    * `ID | Start time | Completion time | Email | Name | Last modified time` first (Email and Name are
      the respondent's Microsoft account: personal; "Name" is never the museum), then the questions;
    * answers are text cells, numbers included ("72 %", "37,5", "1 200 000", "€250.000");
    * multiple choice: the chosen options in ONE cell, each followed by ';' (a trailing ';'), the
      respondent's "Other" words written as one more item ("Dublin Core;museumdat;");
    * the six funding needs are six "Number" questions titled `<question> [Infrastructure]` etc.;
    * dates are date-time cells.
    """
    path = Path(dir) / "Museum digitisation survey 2025(1-5).xlsx"
    header = ["ID", "Start time", "Completion time", "Email", "Name", "Last modified time"]
    header += [Q[f] for f in ("museum_name", "country", "museum_type", "pct_digitised", "pct_online",
                              "collection_objects", "digital_budget_available_eur")]
    header += [f"{Q['needs']} [{NEED_LABELS[f]}]" for f in NEED_FIELDS]
    header += [Q["metadata_standards"], Q["ai_status"], Q["has_digital_strategy"]]
    rows = [header]
    for i, mid in enumerate(SUBMITTED, start=1):
        m, p = BY_ID[mid], PEOPLE[mid]
        row = [i, START[mid], END[mid], p.email, p.full, None, m["museum_name"], _label(EN, "country", mid),
               _label(EN, "museum_type", mid)]
        row += [_typed("msforms", mid, f) or None for f in ("pct_digitised", "pct_online", "collection_objects",
                                                           "digital_budget_available_eur")]
        row += [_typed("msforms", mid, f) or None for f in NEED_FIELDS]
        chosen = [EN["metadata_standards"][c] for c in _picked(mid)] + ([_other(mid)] if _other(mid) else [])
        row += ["".join(f"{c};" for c in chosen), _label(EN, "ai_status", mid) or None,
                _label(EN, "has_digital_strategy", mid)]
        rows.append(row)
    formats = {(r, c): "m/d/yy h:mm:ss" for r in range(2, 2 + len(SUBMITTED)) for c in (2, 3)}
    return _xlsx(path, rows, "Sheet1", number_format=formats)


# =====================================================================================================
# KoboToolbox
# =====================================================================================================
KOBO_QUESTIONS = {   # XLSForm names, inside groups
    "museum_name": "group_museum/museum_name",
    "country": "group_museum/country",
    "museum_type": "group_museum/museum_type",
    "pct_digitised": "group_digitisation/pct_digitised",
    "pct_online": "group_digitisation/pct_online",
    "collection_objects": "group_digitisation/collection_objects",
    "has_digital_strategy": "group_digitisation/digital_strategy",
    "metadata_standards": "group_digitisation/metadata_standards",
    "ai_status": "group_ai/ai_status",
    "digital_budget_available_eur": "group_funding/digital_budget",
    "need_infrastructure_eur": "group_funding/need_infrastructure",
    "need_equipment_eur": "group_funding/need_equipment",
    "need_human_resources_eur": "group_funding/need_staff",
    "need_data_metadata_eur": "group_funding/need_data_metadata",
    "need_copyright_clearance_eur": "group_funding/need_copyright",
    "need_training_eur": "group_funding/need_training",
}
KOBO_META_BEFORE = ["start", "end"]
KOBO_META_AFTER = ["__version__", "meta/instanceID", "_id", "_uuid", "_submission_time", "_validation_status",
                   "_notes", "_status", "_submitted_by", "_tags", "_index"]
KOBO_PERSONAL = ["group_respondent/respondent_name", "group_respondent/respondent_email",
                 "group_respondent/_location_latitude", "group_respondent/_location_longitude"]


def write_kobo(dir: Path) -> Path:
    """KoboToolbox "Downloads > CSV, XML values and headers, include groups, group separator '/'".

    Telltales:
    * `start`, `end` first; `__version__`, `meta/instanceID`, `_id`, `_uuid`, `_submission_time`,
      `_validation_status`, `_notes`, `_status`, `_submitted_by`, `_tags`, `_index` last;
    * headers are `group/question` paths of the XLSForm names, answers are the choice CODES (lower-case ISO
      country codes "at", "be", "pt"; museum types, AI stages and strategy as the form's codes);
    * select_multiple: a summary column `group_digitisation/metadata_standards` with the chosen codes
      separated by SPACES ("dublin_core other") AND one column per option
      `group_digitisation/metadata_standards/lido` ... `/other` holding 1 / 0; the "or_other" text is in
      `group_digitisation/metadata_standards_other`;
    * personal data: `group_respondent/respondent_name`, `group_respondent/respondent_email`, and the
      geopoint `group_respondent/location` ("lat lon alt precision") with its
      `_location_latitude`, `_location_longitude`, `_location_altitude`, `_location_precision` parts;
    * ';' separated, EVERY value quoted (empty answers as ""), UTF-8 without BOM, CRLF.
    """
    path = Path(dir) / "Museum_digitisation_2025_-_all_versions_-_False_-_2025-04-02-16-40-05.csv"
    order = ["museum_name", "country", "museum_type", "pct_digitised", "pct_online", "collection_objects",
             "has_digital_strategy", "metadata_standards"]
    header = list(KOBO_META_BEFORE) + [KOBO_QUESTIONS[f] for f in order]
    options = [*METADATA_OPTIONS, "other"]
    header += [f"{KOBO_QUESTIONS['metadata_standards']}/{c}" for c in options]
    header.append(f"{KOBO_QUESTIONS['metadata_standards']}_other")
    tail = ["ai_status", "digital_budget_available_eur", *NEED_FIELDS]
    header += [KOBO_QUESTIONS[f] for f in tail]
    header += ["group_respondent/respondent_name", "group_respondent/respondent_email", "group_respondent/location",
               "group_respondent/_location_latitude", "group_respondent/_location_longitude",
               "group_respondent/_location_altitude", "group_respondent/_location_precision"]
    header += KOBO_META_AFTER
    rows = [header]
    for i, mid in enumerate(SUBMITTED, start=1):
        m, p = BY_ID[mid], PEOPLE[mid]
        iso = "%Y-%m-%dT%H:%M:%S.000+01:00"
        row = [START[mid].strftime(iso), END[mid].strftime(iso)]
        for f in order:
            v = m[f]
            if f == "country":
                row.append(v.lower())
            elif f == "metadata_standards":
                row.append(" ".join(v.split(";")))
            elif f in NUMBER_FIELDS:
                row.append(_typed("kobo", mid, f))
            else:
                row.append("" if v is None else v)
        codes = m["metadata_standards"].split(";")
        row += ["1" if c in codes else "0" for c in options]
        row.append(_other(mid))
        for f in tail:
            v = m[f]
            row.append(_typed("kobo", mid, f) if f in NUMBER_FIELDS else ("" if v is None else v))
        row += [p.full, p.email, f"{p.latitude} {p.longitude} 312.0 4.8", p.latitude, p.longitude, "312.0", "4.8"]
        uuid = f"5c1f0b7e-2a4d-4e8b-9f3a-71c2d9e0ab{i:02d}"
        row += ["vKm3Qw8rX2pLbYt5", f"uuid:{uuid}", str(218_734_900 + i), uuid,
                END[mid].strftime("%Y-%m-%dT%H:%M:%S"), "", "", "submitted_via_web", "", "", str(i)]
        rows.append(row)
    return _write_csv(path, rows, delimiter=";", quote_all=True)


# =====================================================================================================
# The canonical template (what museums fill in by hand), with the same answers
# =====================================================================================================
def template_records() -> list[dict]:
    """The canonical answers as records for analysis.export.template.write_template (no museum_id: generated)."""
    return [{f: m[f] for f in ASKED} for m in CANONICAL]


def write_template(dir: Path) -> Path:
    import pandas as pd

    from analysis.export.template import write_template as _write

    path = Path(dir) / "museum_survey_template_2025.xlsx"
    _write(path, pd.DataFrame(template_records()))
    return path


# =====================================================================================================
# Registry: case -> writer, the tool the loader must name, metadata and personal-data headers as written
# =====================================================================================================
@dataclass(frozen=True)
class Export:
    writer: object
    tool: str
    metadata: tuple[str, ...]     # tool metadata columns: set aside and listed, never "unmapped"
    personal: tuple[str, ...]     # personal-data columns: dropped and listed


_LS_META_CODED = tuple(f"{c}. {t}" for c, t in LS_META[:7])
_LS_PERSONAL_CODED = tuple(f"{c}. {t}" for c, t in LS_META[7:])

EXPORTS: dict[str, Export] = {
    "eusurvey": Export(write_eusurvey, "EUSurvey",
                       ("Contribution ID", "Creation date", "Last update", "Languages"),
                       ("User name", "Your name", "Your e-mail address")),
    "eusurvey_fr": Export(write_eusurvey_fr, "EUSurvey",
                          ("Numéro d'identification de la contribution", "Date de création", "Dernière mise à jour",
                           "Langues"),
                          ("Nom d'utilisateur", "Votre nom", "Votre adresse e-mail")),
    "surveymonkey_xlsx": Export(write_surveymonkey_xlsx, "SurveyMonkey",
                                ("Respondent ID", "Collector ID", "Start Date", "End Date", "Custom Data 1"),
                                ("IP Address", "Email Address", "First Name", "Last Name")),
    "surveymonkey_csv": Export(write_surveymonkey_csv, "SurveyMonkey",
                               ("Respondent ID", "Collector ID", "Start Date", "End Date", "Custom Data 1"),
                               ("IP Address", "Email Address", "First Name", "Last Name")),
    "qualtrics": Export(write_qualtrics, "Qualtrics",
                        ("StartDate", "EndDate", "Status", "Progress", "Duration (in seconds)", "Finished",
                         "RecordedDate", "ResponseId", "ExternalReference", "DistributionChannel", "UserLanguage"),
                        ("IPAddress", "RecipientLastName", "RecipientFirstName", "RecipientEmail",
                         "LocationLatitude", "LocationLongitude")),
    "limesurvey": Export(write_limesurvey, "LimeSurvey", _LS_META_CODED, _LS_PERSONAL_CODED),
    "limesurvey_fulltext": Export(write_limesurvey_fulltext, "LimeSurvey",
                                  tuple(t for _, t in LS_META[:7]), tuple(t for _, t in LS_META[7:])),
    "google_forms": Export(write_google_forms, "Google Forms", ("Timestamp",), ("Email address", "Your name")),
    "microsoft_forms": Export(write_microsoft_forms, "Microsoft Forms",
                              ("ID", "Start time", "Completion time", "Last modified time"), ("Email", "Name")),
    "kobo": Export(write_kobo, "KoboToolbox", tuple(KOBO_META_BEFORE + KOBO_META_AFTER), tuple(KOBO_PERSONAL)),
}
