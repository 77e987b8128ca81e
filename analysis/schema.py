"""The canonical museum survey: every field, its type, unit, allowed values and labels.

This module is the single source of truth (see shared/survey-schema.md). The template workbook, the
validator, the DuckDB table and the data dictionary are generated from FIELDS. How headings in many
languages are recognised as these fields is in analysis/headers (a concept lexicon per language and a
definition per field).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# --- field kinds -------------------------------------------------------------------------------------
TEXT, ENUM, MULTI, BOOL, INT, DECIMAL, PERCENT, MONEY, DATE, COUNTRY, WAVE = (
    "text", "enum", "multi", "bool", "int", "decimal", "percent", "money", "date", "country", "wave",
)
NUMERIC_KINDS = {INT, DECIMAL, PERCENT, MONEY}

# DuckDB column type per kind (identifiers and types reach SQL only from here).
SQL_TYPES = {
    TEXT: "VARCHAR", ENUM: "VARCHAR", MULTI: "VARCHAR", BOOL: "BOOLEAN", INT: "BIGINT",
    DECIMAL: "DOUBLE", PERCENT: "DOUBLE", MONEY: "DOUBLE", DATE: "DATE", COUNTRY: "VARCHAR",
    WAVE: "VARCHAR",
}


@dataclass(frozen=True)
class Field:
    name: str
    kind: str
    label: str
    group: str
    unit: str = ""
    minimum: float | None = None
    maximum: float | None = None
    help: str = ""
    choices: tuple[tuple[str, str], ...] = ()   # (code, English label) for enum / multi
    required: bool = False
    choice_synonyms: tuple[tuple[str, str], ...] = ()   # (answer as typed in FR/DE/NL/ES/IT/PL, code)
    source: str = ""                             # why the field exists (survey-schema.md rationale)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(code for code, _ in self.choices)

    @property
    def header(self) -> str:
        """The column heading used in the template: label plus unit."""
        return f"{self.label} ({self.unit})" if self.unit else self.label


def _answers(**texts: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    return tuple((text, code) for code, words in texts.items() for text in words)


def _choices(*codes: str, labels: dict[str, str] | None = None) -> tuple[tuple[str, str], ...]:
    labels = labels or {}
    return tuple((c, labels.get(c, c.replace("_", " ").capitalize())) for c in codes)


LIKERT = "1 = very poor / none … 5 = excellent / fully"

# --- the fields, in template order --------------------------------------------------------------------
FIELDS: tuple[Field, ...] = (
    # Identification and frame
    Field("survey_wave", WAVE, "Survey wave", "Identification", "year", required=True,
          help="The survey round, e.g. 2025. May instead be given when the file is loaded.",
          source="ENUMERATE runs every two years; 2021/1970 milestones in 2025 and 2030"),
    Field("reference_date", DATE, "Reference date", "Identification", "date",
          help="The date the figures refer to (ISO 8601, e.g. 2025-08-31).",
          source="ENUMERATE reference date"),
    Field("museum_id", TEXT, "Museum ID", "Identification",
          help="National register ID (Muséofile M0965, Mapping Museums mm.*, …). Generated from country "
               "and name when left blank.",
          source="join to museum registers"),
    Field("museum_name", TEXT, "Museum name", "Identification", required=True,
          ),
    Field("country", COUNTRY, "Country", "Identification", "ISO 3166-1 alpha-2", required=True,
          help="Country name in any EU language, or ISO code (FR, FRA).",
          source="EGMUS/ENUMERATE report by country"),
    Field("region_nuts2", TEXT, "Region (NUTS 2)", "Identification", "NUTS 2 code",
          source="sub-national charts"),
    Field("respondent_role", ENUM, "Respondent role", "Identification",
          choices=_choices("director", "collections", "digital_it", "finance_admin", "other",
                           labels={"digital_it": "Digital / IT", "finance_admin": "Finance / administration"}),
          source="answer quality"),
    # Classification
    Field("museum_type", ENUM, "Museum type", "Classification",
          choices=_choices("art", "archaeology", "history", "natural_history_science", "science_technology",
                           "ethnography_anthropology", "specialised", "regional_local", "general_mixed",
                           "monument_site", "other",
                           labels={"natural_history_science": "Natural history & natural science",
                                   "science_technology": "Science & technology",
                                   "ethnography_anthropology": "Ethnography & anthropology",
                                   "regional_local": "Regional / local", "general_mixed": "General / mixed",
                                   "monument_site": "Monument / site"}),
          choice_synonyms=_answers(
              art=("art museum", "fine arts", "musée d'art", "beaux-arts", "kunstmuseum", "kunst", "arte",
                   "museo de arte", "museo d'arte", "muzeum sztuki", "sztuka"),
              archaeology=("archéologie", "archeologie", "archäologie", "arqueología", "archeologia",
                           "archeologiczne", "musée archéologique", "archäologisches museum"),
              history=("histoire", "geschichte", "geschiedenis", "historia", "storia", "historyczne",
                       "musée d'histoire", "historisches museum", "historisch museum"),
              natural_history_science=("histoire naturelle", "naturkunde", "naturhistorisch",
                                       "natuurhistorisch", "ciencias naturales", "storia naturale",
                                       "przyrodnicze", "natural history"),
              science_technology=("sciences et techniques", "technik", "technikmuseum", "techniek",
                                  "ciencia y tecnología", "scienza e tecnica", "techniki", "science"),
              ethnography_anthropology=("ethnographie", "ethnologie", "völkerkunde", "volkskunde", "etnografie",
                                        "etnografía", "etnografia", "etnograficzne", "ethnography"),
              specialised=("spécialisé", "spezialmuseum", "gespecialiseerd", "especializado",
                           "specializzato", "specjalistyczne"),
              regional_local=("régional", "local", "heimatmuseum", "regionalmuseum", "stadtmuseum",
                              "streekmuseum", "museo local", "museo locale", "regionalne", "regional"),
              general_mixed=("général", "pluridisciplinaire", "mehrspartenmuseum", "allgemein", "algemeen",
                             "general", "generale", "interdyscyplinarne", "mixed"),
              monument_site=("monument", "site", "site archéologique", "denkmal", "gedenkstätte",
                             "schloss", "monumento", "sitio", "sito", "zabytek", "skansen"),
              other=("autre", "andere", "anders", "otro", "altro", "inne")),
          source="UNESCO/ICOM typology behind EGMUS / ISO 18461"),
    Field("ownership", ENUM, "Ownership", "Classification",
          choices=_choices("national_state", "regional_local_authority", "other_public", "private_nonprofit",
                           "private_for_profit", "ppp",
                           labels={"national_state": "National / state",
                                   "regional_local_authority": "Regional / local authority",
                                   "private_nonprofit": "Private non-profit",
                                   "private_for_profit": "Private for-profit",
                                   "ppp": "Public-private partnership"}),
          choice_synonyms=_answers(
              national_state=("state", "national", "état", "national public", "staatlich", "bund", "rijk",
                              "estatal", "statale", "państwowe", "public (state)"),
              regional_local_authority=("local authority", "municipal", "collectivité territoriale", "landkreis",
                                        "kreis", "bezirk",
                                        "commune", "communal", "département", "région", "kommunal",
                                        "land", "gemeentelijk", "provinciaal", "municipal", "comunale",
                                        "samorządowe", "regional"),
              other_public=("other public", "autre public", "sonstige öffentliche", "overig publiek",
                            "otro público", "altro pubblico", "inne publiczne", "public"),
              private_nonprofit=("association", "foundation", "fondation", "stiftung", "verein", "stichting",
                                 "vereniging", "fundación", "asociación", "fondazione", "associazione",
                                 "fundacja", "stowarzyszenie", "non-profit", "charity", "privé non lucratif"),
              # a bare 'private' ('privat', 'privato') fits non-profit and for-profit alike: not listed
              private_for_profit=("commercial", "company", "privé commercial", "gmbh", "commercieel"),
              ppp=("partenariat public-privé", "öffentlich-private partnerschaft", "publiek-private samenwerking",
                   "asociación público-privada", "partenariato pubblico-privato", "partnerstwo publiczno-prywatne")),
          source="EGMUS 3a–3e"),
    Field("accredited", BOOL, "Accredited", "Classification", "yes / no",
          help="National accreditation or label (UK Accreditation, Musée de France …).",
          source="Mapping Museums; French label"),
    Field("annual_visits", INT, "Annual visits", "Classification", "visits a year", minimum=0,
          source="EGMUS 6a; the basis of every size scheme"),
    Field("staff_paid_fte", DECIMAL, "Paid staff", "Classification", "FTE", minimum=0,
          source="EGMUS 7c"),
    Field("staff_paid_headcount", INT, "Paid staff headcount", "Classification", "persons", minimum=0,
          source="EGMUS 7a"),
    Field("volunteers_fte", DECIMAL, "Volunteers", "Classification", "FTE", minimum=0,
          source="EGMUS 7g"),
    Field("total_expenditure_eur", MONEY, "Total expenditure", "Classification", "EUR a year", minimum=0,
          source="EGMUS 10a"),
    # Digitisation level
    Field("collection_objects", INT, "Collection size", "Digitisation", "objects", minimum=0,
          source="turns % into object counts and costs"),
    Field("collection_objects_precision", ENUM, "Collection size is", "Digitisation",
          choices=_choices("exact", "estimate"),
          source="counts are often estimates"),
    Field("pct_catalogued_db", PERCENT, "Catalogued in a collection database", "Digitisation", "%", 0, 100,
          source="ENUMERATE metadata cataloguing"),
    Field("pct_digitised", PERCENT, "Collection digitised", "Digitisation", "%", 0, 100,
          source="ENUMERATE"),
    Field("pct_no_need_digitise", PERCENT, "No need to digitise", "Digitisation", "%", 0, 100,
          source="ENUMERATE"),
    Field("pct_digitised_3d", PERCENT, "Collection digitised in 3D", "Digitisation", "%", 0, 100,
          source="Recommendation 3D focus"),
    Field("pct_online", PERCENT, "Collection online", "Digitisation", "%", 0, 100,
          source="ENUMERATE access; NEMO 2020"),
    Field("pct_in_europeana_dataspace", PERCENT, "Published to Europeana / data space", "Digitisation", "%", 0, 100,
          source="Recommendation: Europeana is the basis of the data space"),
    Field("immovable_at_risk_n", INT, "Monuments and sites at risk", "Digitisation", "count", minimum=0,
          source="2021/1970 criterion (a)"),
    Field("immovable_at_risk_3d_n", INT, "Monuments and sites at risk digitised in 3D", "Digitisation", "count",
          minimum=0,
          source="2021/1970 criterion (a)"),
    Field("immovable_most_visited_n", INT, "Most-visited monuments and sites", "Digitisation", "count", minimum=0,
          source="2021/1970 criterion (b)"),
    Field("immovable_most_visited_3d_n", INT, "Most-visited monuments and sites digitised in 3D", "Digitisation",
          "count", minimum=0,
          source="2021/1970 criterion (b)"),
    Field("has_digital_strategy", ENUM, "Digital strategy", "Digitisation",
          choice_synonyms=_answers(
              written=("yes, written", "yes written", "stratégie écrite", "oui, écrite", "schriftliche strategie",
                       "ja, schriftlich", "geschreven strategie", "estrategia escrita", "strategia scritta",
                       "pisemna strategia"),
              unwritten=("yes, not written", "yes, unwritten", "stratégie non écrite", "oui, non écrite",
                         "nicht schriftlich", "ja, nicht schriftlich", "ongeschreven strategie",
                         "estrategia no escrita", "strategia non scritta", "niepisemna strategia"),
              none=("no", "no strategy", "pas de stratégie", "non", "keine strategie", "nein", "geen strategie",
                    "sin estrategia", "nessuna strategia", "brak strategii")),
          choices=_choices("written", "unwritten", "none",
                           labels={"written": "Written strategy", "unwritten": "Unwritten strategy",
                                   "none": "No strategy"}),
          source="ENUMERATE Q6.1"),
    Field("strategy_covers_preservation", BOOL, "Strategy covers digital preservation", "Digitisation", "yes / no",
          source="ENUMERATE CS4"),
    Field("has_cms", BOOL, "Collection management system", "Digitisation", "yes / no",
          source="EGMUS 13d"),
    Field("cms_spectrum_compliant", BOOL, "CMS is SPECTRUM compliant", "Digitisation", "yes / no",
          source="SPECTRUM"),
    Field("metadata_standards", MULTI, "Metadata standards", "Digitisation",
          choice_synonyms=_answers(
              in_house=("own schema", "in house schema", "schéma maison", "schéma interne", "eigenes schema",
                        "hauseigenes schema", "eigen schema", "esquema propio", "schema interno",
                        "własny schemat"),
              none=("aucun", "aucune", "keine", "geen", "ninguno", "nessuno", "brak")),
          choices=_choices("lido", "edm", "dublin_core", "cidoc_crm", "ead", "marc", "in_house", "none",
                           labels={"lido": "LIDO", "edm": "EDM", "dublin_core": "Dublin Core",
                                   "cidoc_crm": "CIDOC CRM", "ead": "EAD", "marc": "MARC",
                                   "in_house": "In-house", "none": "None"}),
          source="NEMO #2 interoperable data"),
    Field("controlled_vocabularies", MULTI, "Controlled vocabularies", "Digitisation",
          choices=_choices("aat", "iconclass", "wikidata", "national_thesaurus", "none",
                           labels={"aat": "Getty AAT", "iconclass": "Iconclass", "wikidata": "Wikidata",
                                   "national_thesaurus": "National thesaurus", "none": "None"}),
          source="interoperability"),
    Field("persistent_identifiers", BOOL, "Persistent identifiers", "Digitisation", "yes / no",
          source="data-space readiness"),
    Field("iiif", BOOL, "IIIF", "Digitisation", "yes / no",
          source="Europeana tier 2 accepts IIIF"),
    Field("typical_content_tier", INT, "Typical Europeana content tier", "Digitisation", "0–4", 0, 4,
          source="Europeana Publishing Framework"),
    Field("pct_online_open", PERCENT, "Online: open licence", "Digitisation", "% of online", 0, 100,
          source="Europeana tier 4"),
    Field("pct_online_restricted", PERCENT, "Online: restricted licence", "Digitisation", "% of online", 0, 100,
          source="Europeana tier 3"),
    Field("pct_online_rights_unknown", PERCENT, "Online: rights unknown", "Digitisation", "% of online", 0, 100,
          source="NEMO #2 copyright"),
    Field("copyright_obstacle", INT, "Copyright is an obstacle", "Digitisation", "1–5", 1, 5, help=LIKERT,
          source="NEMO copyright surveys"),
    # AI use and infrastructure
    Field("ai_status", ENUM, "AI adoption stage", "AI and infrastructure",
          choice_synonyms=_answers(
              none=("no", "not at all", "pas d'utilisation de l'ia", "aucune utilisation", "keine nutzung",
                    "nein", "geen gebruik", "ningún uso", "nessun uso", "nie korzystamy", "not using"),
              exploring=("exploration", "explorer", "exploring ai", "erkundung", "wir erkunden", "verkennen",
                         "explorando", "esplorazione", "rozpoznanie"),
              pilot=("projet pilote", "pilote", "pilotprojekt", "pilotproject", "proyecto piloto",
                     "progetto pilota", "pilotaż", "pilot project", "testing"),
              in_production=("en production", "en service", "im einsatz", "produktiv", "in gebruik",
                             "en producción", "in produzione", "wdrożone", "in use", "production")),
          choices=_choices("none", "exploring", "pilot", "in_production",
                           labels={"none": "Not using AI", "in_production": "In production"}),
          source="adoption stage"),
    Field("ai_use_cases", MULTI, "AI use cases", "AI and infrastructure",
          choices=_choices("cataloguing_metadata", "ocr_htr_transcription", "translation", "image_recognition",
                           "visitor_chatbot", "recommendation_personalisation", "visitor_analytics",
                           "conservation_monitoring", "generative_content", "other",
                           labels={"cataloguing_metadata": "Cataloguing & metadata",
                                   "ocr_htr_transcription": "OCR / HTR transcription",
                                   "visitor_chatbot": "Visitor chatbot",
                                   "recommendation_personalisation": "Recommendation & personalisation",
                                   "generative_content": "Generative content"}),
          source="NEMO 2025 EC workshop"),
    Field("ai_policy", ENUM, "AI policy", "AI and infrastructure",
          choice_synonyms=_answers(
              none=("no", "aucune", "pas de politique", "keine", "geen", "ninguna", "nessuna", "brak"),
              in_preparation=("en préparation", "en cours", "in vorbereitung", "in voorbereiding",
                              "en preparación", "in preparazione", "w przygotowaniu", "being prepared"),
              adopted=("yes", "adoptée", "oui", "verabschiedet", "ja", "vastgesteld", "aprobada", "adottata",
                       "przyjęta", "in place")),
          choices=_choices("none", "in_preparation", "adopted",
                           labels={"none": "No policy", "in_preparation": "In preparation"}),
          source="NEMO #1 and #2"),
    Field("infra_storage", INT, "Storage is adequate", "AI and infrastructure", "1–5", 1, 5, help=LIKERT,
          source="NEMO #2 infrastructure"),
    Field("infra_compute_cloud", INT, "Compute / cloud is adequate", "AI and infrastructure", "1–5", 1, 5,
          help=LIKERT,
          source="NEMO #2 infrastructure"),
    Field("infra_network", INT, "Network is adequate", "AI and infrastructure", "1–5", 1, 5, help=LIKERT,
          source="NEMO #2 infrastructure"),
    Field("infra_capture_equipment", INT, "Capture equipment is adequate", "AI and infrastructure", "1–5", 1, 5,
          help=LIKERT,
          source="NEMO #2 equipment"),
    Field("env_cost_monitored", BOOL, "Environmental cost of digital is monitored", "AI and infrastructure",
          "yes / no",
          source="NEMO: environmental costs"),
    Field("wants_competency_hub", INT, "Would use a European AI competency hub", "AI and infrastructure", "1–5",
          1, 5, help=LIKERT,
          source="NEMO #3"),
    Field("eccch_or_dataspace_participation", MULTI, "Data space participation", "AI and infrastructure",
          choices=_choices("europeana", "eccch_project", "digital_europe_project", "national_aggregator", "none",
                           labels={"europeana": "Europeana", "eccch_project": "ECCCH project",
                                   "digital_europe_project": "Digital Europe project",
                                   "national_aggregator": "National aggregator", "none": "None"}),
          source="2021/1970 and ECCCH"),
    # Staff digital and AI skills
    Field("staff_fte_digital", DECIMAL, "Digital staff", "Skills", "FTE", minimum=0,
          source="ENUMERATE: 3.3% of paid staff"),
    Field("staff_fte_data_ai", DECIMAL, "Data / AI specialists", "Skills", "FTE", minimum=0,
          source="NEMO #2 highly qualified human resources"),
    Field("roles_present", MULTI, "Specialist digital roles present", "Skills",
          choices=_choices("digital_strategy_manager", "digital_collections_curator",
                           "digital_interactive_experience_developer", "online_community_manager",
                           "data_ai_specialist",
                           labels={"data_ai_specialist": "Data / AI specialist"}),
          source="Mu.SA profiles plus AI"),
    Field("skill_info_data", INT, "Skills: information and data literacy", "Skills", "DigComp level 1–8", 1, 8,
          source="DigComp 2.2 area 1"),
    Field("skill_communication", INT, "Skills: communication and collaboration", "Skills", "DigComp level 1–8",
          1, 8,
          source="DigComp 2.2 area 2"),
    Field("skill_content_creation", INT, "Skills: digital content creation", "Skills", "DigComp level 1–8", 1, 8,
          source="DigComp 2.2 area 3"),
    Field("skill_safety", INT, "Skills: safety", "Skills", "DigComp level 1–8", 1, 8,
          source="DigComp 2.2 area 4"),
    Field("skill_problem_solving", INT, "Skills: problem solving", "Skills", "DigComp level 1–8", 1, 8,
          source="DigComp 2.2 area 5"),
    Field("skill_ai_literacy", INT, "Skills: AI literacy", "Skills",
          "1 none, 2 awareness, 3 can use safely, 4 can deploy and evaluate", 1, 4,
          source="AI Act Art. 4"),
    Field("pct_staff_ai_trained_12m", PERCENT, "Staff trained in AI literacy (last 12 months)", "Skills", "%", 0, 100,
          source="AI Act Art. 4"),
    Field("skills_assessment_done", BOOL, "Digital skills needs assessed", "Skills", "yes / no",
          source="One by One"),
    Field("training_plan", BOOL, "Digital training plan", "Skills", "yes / no",
          source="One by One"),
    Field("leadership_digital_knowledge", INT, "Leadership's digital knowledge", "Skills", "1–5", 1, 5, help=LIKERT,
          source="Nesta 2019"),
    # Funding
    Field("digital_budget_available_eur", MONEY, "Digital budget available", "Funding", "EUR a year", minimum=0,
          source="ENUMERATE total cost of ownership"),
    Field("pct_structural", PERCENT, "Structural share of digital budget", "Funding", "%", 0, 100,
          source="ENUMERATE"),
    Field("need_infrastructure_eur", MONEY, "Need: infrastructure", "Funding", "EUR to 2030", minimum=0,
          source="NEMO #2 infrastructure"),
    Field("need_equipment_eur", MONEY, "Need: equipment", "Funding", "EUR to 2030", minimum=0,
          source="NEMO #2 equipment"),
    Field("need_human_resources_eur", MONEY, "Need: qualified staff", "Funding", "EUR to 2030", minimum=0,
          source="NEMO #2 highly qualified human resources"),
    Field("need_data_metadata_eur", MONEY, "Need: data and metadata", "Funding", "EUR to 2030", minimum=0,
          source="NEMO #2 interoperable data"),
    Field("need_copyright_clearance_eur", MONEY, "Need: copyright clearance", "Funding", "EUR to 2030", minimum=0,
          source="NEMO #2 copyright"),
    Field("need_training_eur", MONEY, "Need: staff training", "Funding", "EUR to 2030", minimum=0,
          source="NEMO #2 adequate skills"),
    Field("funding_horizon_years", INT, "Funding horizon", "Funding", "years", 1, 30,
          help="Years over which the needs apply; blank means until 2030.",
          source="needed to annualise"),
    Field("funding_sources", MULTI, "Funding sources", "Funding",
          choices=_choices("national", "regional_local", "eu_digital_europe", "eu_horizon", "eu_creative_europe",
                           "eu_structural_rrf", "private_sponsorship", "own_income",
                           labels={"regional_local": "Regional / local", "eu_digital_europe": "EU Digital Europe",
                                   "eu_horizon": "EU Horizon Europe", "eu_creative_europe": "EU Creative Europe",
                                   "eu_structural_rrf": "EU structural funds / RRF",
                                   "private_sponsorship": "Private sponsorship"}),
          source="where the money comes from"),
    Field("eu_funding_received_eur", MONEY, "EU funding received (last 3 years)", "Funding", "EUR", minimum=0,
          source="EU-programme uptake"),
    Field("main_obstacles", MULTI, "Main obstacles (top 3)", "Funding",
          choices=_choices("money", "staff_time", "skills", "copyright", "infrastructure", "leadership_strategy",
                           "data_quality",
                           labels={"staff_time": "Staff time", "leadership_strategy": "Leadership / strategy",
                                   "data_quality": "Data quality"}),
          source="NEMO 2020; Nesta"),
)

FIELDS_BY_NAME: dict[str, Field] = {f.name: f for f in FIELDS}
REQUIRED = tuple(f.name for f in FIELDS if f.required)

# An upload must answer at least one question of these groups: otherwise it is not a survey.
SURVEY_GROUPS = ("Digitisation", "AI and infrastructure", "Skills", "Funding")
SURVEY_FIELDS = tuple(f.name for f in FIELDS if f.group in SURVEY_GROUPS)

# --- investment pillars (NEMO 2024, recommendation #2) -------------------------------------------------
PILLARS: dict[str, str] = {
    "infrastructure": "Infrastructure",
    "equipment": "Equipment",
    "human_resources": "Qualified staff",
    "data_metadata": "Data & metadata",
    "copyright_clearance": "Copyright clearance",
    "training": "Staff training",
}
NEED_FIELDS = {pillar: f"need_{pillar}_eur" for pillar in PILLARS}

SKILL_AREAS = ("info_data", "communication", "content_creation", "safety", "problem_solving")

# --- derived classifications (thresholds are settings, used by the SQL views) ---------------------------
# The columns the shared filters read (analysis.figures.filters); the store keeps them on every derived row
# and counts by them in fact_cells (analysis.store.derived).
FILTER_COLUMNS = ("survey_wave", "country", "museum_type", "size_band", "ownership", "accredited")
SIZE_BANDS = (("small", 0), ("medium", 10_000), ("large", 100_000), ("huge", 1_000_000))  # visits a year
EGMUS_TYPE_GROUPS = {
    "art_archaeology_history": ("art", "archaeology", "history"),
    "science_tech_ethnology": ("natural_history_science", "science_technology", "ethnography_anthropology"),
}
HORIZON_YEAR = 2030
MILESTONE_YEAR = 2025             # Recommendation 2021/1970: the interim milestones (3D), before the 2030 goals
DEFAULT_SKILL_TARGET = 4          # DigComp upper intermediate for general staff
SKILL_MAX_GAP = DEFAULT_SKILL_TARGET - 1

# --- values ------------------------------------------------------------------------------------------
BLANK_MARKERS = frozenset({
    "", "n/a", "na", "n.a.", "n.a", "-", "--", "–", "—", "?", "nc", "n.c.", "nd", "n.d.", "k.a.", "k. a.",
    "ka", "s.o.", "s/o", "null", "nan", "none given", "unknown", "inconnu", "unbekannt", "onbekend",
    "desconocido", "sconosciuto", "nieznane", "brak danych", "b.d.", "sans objet", "nicht zutreffend",
    "niet van toepassing", "no aplica", "non applicabile", "nie dotyczy", "#n/a",
})
TRUE_WORDS = frozenset({
    "yes", "y", "true", "1", "x", "✓", "✔", "oui", "o", "vrai", "ja", "j", "wahr", "waar", "sí", "si", "s",
    "verdadero", "vero", "tak", "t", "prawda",
})
FALSE_WORDS = frozenset({
    "no", "n", "false", "0", "non", "faux", "nein", "falsch", "nee", "neen", "onwaar", "falso", "nie", "f",
    "fałsz",
})
# "Other" as an answer in the survey languages (header_key form): a several-answers question stores 'other'.
OTHER_ANSWERS = frozenset({"other", "others", "other please specify", "other specify", "autre", "autres",
                           "andere", "sonstige", "sonstiges", "anders", "otro", "otros", "otra", "altro", "altri",
                           "inne", "inny", "other text", "other open ended response"})
# The label of a totals or subtotal row (its first filled cell starts with one), in the survey's languages.
TOTAL_ROW_WORDS = ("total", "totals", "grand total", "subtotal", "sub-total", "sum", "σ", "∑", "overall", "all museums",
                   "totaal", "subtotaal", "gesamt", "summe", "insgesamt", "zwischensumme", "gesamtsumme", "totale",
                   "subtotale", "totale generale", "somma", "suma", "razem", "ogółem", "łącznie", "tous les musées",
                   "ensemble", "sous-total", "total général", "alle musea", "alle museen", "todos los museos",
                   "tutti i musei", "total general", "subtotal general", "total geral", "i alt", "totalt", "samtals",
                   "summa", "yhteensä", "välisumma", "kokku", "vahesumma", "kopā", "starpsumma", "iš viso",
                   "celkem", "mezisoučet", "součet", "spolu", "celkom", "medzisúčet", "súčet", "skupaj", "vsota",
                   "ukupno", "sveukupno", "zbroj", "összesen", "mindösszesen", "részösszeg", "общо", "всичко",
                   "σύνολο", "συνολικά", "άθροισμα", "iomlán", "san iomlán", "totali")


# The marks that point to a footnote under the table, after a heading or a figure ('No. of objects¹', '250,000*').
FOOTNOTE_MARKS = "*¹²³⁴⁵⁶⁷⁸⁹⁰†‡"

# The label of a template's example row, left in ('BEISPIEL: Museum Musterstadt', 'PRIMJER: Gradski muzej ...').
EXAMPLE_ROW_WORDS = ("example", "e.g.", "sample", "beispiel", "muster", "exemple", "ejemplo", "esempio", "exemplo",
                     "voorbeeld", "eksempel", "exempel", "esimerkki", "näide", "piemērs", "pavyzdys", "przykład",
                     "příklad", "príklad", "primer", "primjer", "példa", "minta", "exemplu", "пример", "παράδειγμα",
                     "sampla", "eżempju", "dæmi")


def header_key(text: object) -> str:
    """Normalise a header or label for matching: lower case, no accents, punctuation as spaces.

    '%' and '3d' survive because they carry meaning ("% digitised" vs "digitised").
    """
    s = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", str(text).replace("€", " eur "))   # "StartDate" -> "Start Date"
    s = re.sub(r"[’‘ʼ`´]", " ", s)                        # typographic apostrophes, as "'": "d’art" is "d'art"
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()
    s = re.sub(r"[^a-z0-9%]+", " ", s)
    return " ".join(s.split())


_QUESTION_CODE = re.compile(r"^\s*(?P<code>[A-Za-z_][\w\[\]]{0,24}|\d{1,3}[a-z]?)\.\s+(?=\S)")


def question_text(text: object) -> str:
    """A heading without the question code survey tools put in front: "Q09[SQ001]. What ..." -> "What ...",
    "id. Response ID" -> "Response ID", "3. Country" -> "Country". A word with a full stop is an abbreviation,
    not a code, and stays when it is short ("N. dipendenti", "Cod. museo", "Fréq. annuelle") or capitalised with
    no question after it ("Volunt. (ETC)"); a code of letters is lower case ("submitdate. Date submitted") or
    stands before a question ("Museumtype. What type is ...")."""
    text = str(text)
    found = _QUESTION_CODE.match(text)
    if not found:
        return text
    code, rest = found["code"], text[found.end():]
    if code.isalpha() and code.lower() != "id" and (len(code) <= 5 or code[0].isupper() and len(rest.split()) < 3):
        return text
    return rest


def value_key(text: object) -> str:
    """Normalise an answer for lookup (enumeration labels, booleans, blank markers)."""
    return " ".join(str(text).strip().lower().split())


@lru_cache(maxsize=None)
def choice_lookup(f: Field) -> dict[str, str]:
    """value_key(code or label) -> code, for an enumeration or multi-select field."""
    table: dict[str, str] = {}
    for text, code in f.choice_synonyms:
        table[value_key(text)] = code
        table[header_key(text)] = code
    for code, label in f.choices:           # codes and English labels win over translations
        for text in (code, code.replace("_", " "), label):
            table[value_key(text)] = code
            table[header_key(text)] = code
    return table


# The countries of Europe (Council of Europe members, Belarus, Kosovo, the Vatican, the Faroe and Åland Islands,
# Svalbard and the Crown Dependencies): a country elsewhere is read with a warning (the Map page lists it apart).
EUROPE = frozenset("AD AL AM AT AX AZ BA BE BG BY CH CY CZ DE DK EE ES FI FO FR GB GE GG GI GR HR HU IE IM IS IT JE LI "
                   "LT LU LV MC MD ME MK MT NL NO PL PT RO RS RU SE SI SJ SK SM TR UA VA XK".split())


def country_name(code: str) -> str:
    """'DE' -> 'Germany' (the common English name where pycountry has one), 'Allemagne' and 'Deutschland' in
    French and German (Babel's names)."""
    from analysis import i18n
    if i18n.current() != i18n.SOURCE_LANGUAGE:
        from babel import Locale
        name = Locale.parse(i18n.current()).territories.get(code)
        if name:
            return name
    import pycountry

    country = pycountry.countries.get(alpha_2=code)
    return getattr(country, "common_name", None) or (country.name if country else code)


def choices_text(f: Field) -> str:
    return ", ".join(f"{code} ({label})" if label.lower() != code.replace("_", " ") else code
                     for code, label in f.choices)


def data_dictionary() -> list[dict[str, str]]:
    """One row per field, for the generated data dictionary and the methodology page."""
    rows = []
    for f in FIELDS:
        allowed = choices_text(f) if f.choices else ""
        if f.kind == BOOL:
            allowed = "yes / no (also oui/non, ja/nein, sí/no, sì/no, tak/nie, 1/0, x)"
        elif f.minimum is not None or f.maximum is not None:
            lo = "" if f.minimum is None else f"{f.minimum:g}"
            hi = "" if f.maximum is None else f"{f.maximum:g}"
            allowed = f"{lo} to {hi}".strip() if hi else f"≥ {lo}"
        rows.append({
            "field": f.name, "label": f.label, "group": f.group, "type": f.kind, "unit": f.unit,
            "allowed": allowed, "required": "yes" if f.required else "", "help": f.help, "source": f.source,
        })
    return rows
