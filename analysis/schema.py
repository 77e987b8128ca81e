"""The canonical museum survey: every field, its type, unit, allowed values, labels and header synonyms.

This module is the single source of truth (see shared/survey-schema.md). The template workbook, the
header mapper, the validator, the DuckDB table and the data dictionary are all generated from FIELDS;
nothing else in the code base lists survey fields by hand.

Synonyms are written the way people head columns in EN, FR, DE, NL, ES, IT and PL. They are matched after
`header_key()` normalisation (lower case, accents and punctuation removed), so "Nom du musée" and
"nom du musee" are the same key.
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
    synonyms: tuple[str, ...] = ()               # header texts in several languages
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
          synonyms=("wave", "year", "survey year", "survey round", "year of survey", "vague", "année de l'enquête",
                    "année", "welle", "erhebungsjahr", "jahr", "golf", "enquêtejaar", "jaar", "ola",
                    "año de la encuesta", "año", "edizione", "anno dell'indagine", "anno", "edycja",
                    "rok badania", "rok"),
          source="ENUMERATE runs every two years; 2021/1970 milestones in 2025 and 2030"),
    Field("reference_date", DATE, "Reference date", "Identification", "date",
          help="The date the figures refer to (ISO 8601, e.g. 2025-08-31).",
          synonyms=("date of reference", "as of date", "date de référence", "stichtag", "referentiedatum",
                    "peildatum", "fecha de referencia", "data di riferimento", "data referencyjna"),
          source="ENUMERATE reference date"),
    Field("museum_id", TEXT, "Museum ID", "Identification",
          help="National register ID (Muséofile M0965, Mapping Museums mm.*, …). Generated from country "
               "and name when left blank.",
          synonyms=("museum id", "museum code", "id", "identifier", "register id", "registry id",
                    "identifiant du musée", "identifiant", "code muséofile", "museofile", "museums-id",
                    "kennung", "museumnummer", "identificador del museo", "codice museo", "id muzeum",
                    "identyfikator muzeum"),
          source="join to museum registers"),
    Field("museum_name", TEXT, "Museum name", "Identification", required=True,
          synonyms=("museum", "name of museum", "name of the museum", "institution", "institution name",
                    "organisation", "organization", "name of institution", "nom du musée", "musée", "nom de l'institution",
                    "établissement", "name des museums", "museumsname", "einrichtung", "naam van het museum",
                    "museumnaam", "naam museum", "nombre del museo", "museo", "nome del museo",
                    "nome museo", "nazwa muzeum", "muzeum", "instytucja"),
          ),
    Field("country", COUNTRY, "Country", "Identification", "ISO 3166-1 alpha-2", required=True,
          help="Country name in any EU language, or ISO code (FR, FRA).",
          synonyms=("country code", "country name", "pays", "code pays", "land", "staat", "ländercode",
                    "país", "paese", "nazione", "stato", "kraj", "państwo"),
          source="EGMUS/ENUMERATE report by country"),
    Field("region_nuts2", TEXT, "Region (NUTS 2)", "Identification", "NUTS 2 code",
          synonyms=("region", "nuts2", "nuts 2", "région", "bundesland", "regio", "provincie", "región",
                    "comunidad autónoma", "regione", "województwo", "region nuts"),
          source="sub-national charts"),
    Field("respondent_role", ENUM, "Respondent role", "Identification",
          choices=_choices("director", "collections", "digital_it", "finance_admin", "other",
                           labels={"digital_it": "Digital / IT", "finance_admin": "Finance / administration"}),
          synonyms=("role of respondent", "your role", "position", "fonction du répondant", "votre fonction",
                    "funktion", "ihre funktion", "functie", "rol", "cargo", "ruolo", "stanowisko"),
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
              ethnography_anthropology=("ethnographie", "ethnologie", "völkerkunde", "etnografie",
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
          synonyms=("type of museum", "type", "category", "museum category", "collection type",
                    "type de musée", "catégorie", "museumsart", "museumstyp", "art des museums", "sparte",
                    "soort museum", "type museum", "tipo de museo", "tipo", "tipologia", "tipo di museo",
                    "rodzaj muzeum", "typ muzeum"),
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
              regional_local_authority=("local authority", "municipal", "collectivité territoriale",
                                        "commune", "communal", "département", "région", "kommunal",
                                        "land", "gemeentelijk", "provinciaal", "municipal", "comunale",
                                        "samorządowe", "regional"),
              other_public=("other public", "autre public", "sonstige öffentliche", "overig publiek",
                            "otro público", "altro pubblico", "inne publiczne", "public"),
              private_nonprofit=("association", "foundation", "fondation", "stiftung", "verein", "stichting",
                                 "vereniging", "fundación", "asociación", "fondazione", "associazione",
                                 "fundacja", "stowarzyszenie", "non-profit", "charity", "privé non lucratif"),
              private_for_profit=("commercial", "company", "privé commercial", "privat", "gmbh",
                                  "commercieel", "privado", "privato", "prywatne", "private"),
              ppp=("partenariat public-privé", "öffentlich-private partnerschaft", "publiek-private samenwerking",
                   "asociación público-privada", "partenariato pubblico-privato", "partnerstwo publiczno-prywatne")),
          synonyms=("owner", "governance", "legal status", "type of ownership", "ownership type", "propriété", "tutelle", "statut juridique",
                    "träger", "trägerschaft", "eigentümer", "rechtsform", "eigendom", "eigenaar",
                    "beheersvorm", "titularidad", "propiedad", "proprietà", "titolarità", "własność",
                    "organizator", "forma własności"),
          source="EGMUS 3a–3e"),
    Field("accredited", BOOL, "Accredited", "Classification", "yes / no",
          help="National accreditation or label (UK Accreditation, Musée de France …).",
          synonyms=("accreditation", "accredited museum", "label", "musée de france", "appellation musée de france",
                    "akkreditiert", "registriert", "geregistreerd", "museumregister", "acreditado",
                    "riconosciuto", "accreditato", "akredytacja", "rejestr muzeów"),
          source="Mapping Museums; French label"),
    Field("annual_visits", INT, "Annual visits", "Classification", "visits a year", minimum=0,
          synonyms=("visits", "visitors", "visitor numbers", "number of visits", "annual visitors",
                    "visits per year", "visiteurs", "fréquentation", "nombre de visiteurs", "entrées",
                    "besuche", "besucher", "besucherzahl", "bezoekers", "bezoekersaantal", "aantal bezoekers",
                    "visitantes", "visitas", "visitatori", "visite", "ingressi", "frekwencja",
                    "liczba zwiedzających", "zwiedzający", "zwiedzających"),
          source="EGMUS 6a; the basis of every size scheme"),
    Field("staff_paid_fte", DECIMAL, "Paid staff", "Classification", "FTE", minimum=0,
          synonyms=("staff fte", "paid staff fte", "employees fte", "staff", "etp", "personnel etp",
                    "personnel rémunéré", "effectif", "vza", "mitarbeiter vza", "personal vollzeitäquivalente",
                    "fte personeel", "fte", "personal eti", "personal", "personale eti", "personale",
                    "etaty", "pracownicy etaty", "zatrudnienie etaty"),
          source="EGMUS 7c"),
    Field("staff_paid_headcount", INT, "Paid staff headcount", "Classification", "persons", minimum=0,
          synonyms=("headcount", "number of employees", "employees", "nombre de salariés",
                    "mitarbeiterzahl", "anzahl mitarbeiter", "aantal medewerkers", "número de empleados",
                    "numero dipendenti", "liczba pracowników"),
          source="EGMUS 7a"),
    Field("volunteers_fte", DECIMAL, "Volunteers", "Classification", "FTE", minimum=0,
          synonyms=("volunteers", "volunteer fte", "bénévoles", "ehrenamtliche", "freiwillige", "vrijwilligers",
                    "voluntarios", "volontari", "wolontariusze"),
          source="EGMUS 7g"),
    Field("total_expenditure_eur", MONEY, "Total expenditure", "Classification", "EUR a year", minimum=0,
          synonyms=("expenditure", "total budget", "annual budget", "operating budget", "dépenses totales",
                    "budget total", "budget annuel", "gesamtausgaben", "ausgaben", "gesamtetat",
                    "totale uitgaven", "uitgaven", "gasto total", "presupuesto total", "spesa totale",
                    "spese totali", "wydatki ogółem", "budżet"),
          source="EGMUS 10a"),
    # Digitisation level
    Field("collection_objects", INT, "Collection size", "Digitisation", "objects", minimum=0,
          synonyms=("collection objects", "number of objects", "objects in collection", "items in collection",
                    "collection items", "taille de la collection", "nombre d'objets", "objets",
                    "sammlungsumfang", "anzahl objekte", "objekte", "bestand", "omvang collectie",
                    "aantal objecten", "objecten", "tamaño de la colección", "número de objetos",
                    "objetos", "numero di oggetti", "oggetti", "consistenza collezione", "liczba obiektów",
                    "wielkość zbiorów", "muzealia"),
          source="turns % into object counts and costs"),
    Field("collection_objects_precision", ENUM, "Collection size is", "Digitisation",
          choices=_choices("exact", "estimate"),
          synonyms=("precision", "count precision", "exact or estimate", "précision", "genauigkeit",
                    "nauwkeurigheid", "precisión", "precisione", "dokładność"),
          source="counts are often estimates"),
    Field("pct_catalogued_db", PERCENT, "Catalogued in a collection database", "Digitisation", "%", 0, 100,
          synonyms=("catalogued", "% catalogued", "percent catalogued", "share catalogued",
                    "catalogued in database", "inventoried", "catalogué", "inventorié", "% inventorié",
                    "informatisé", "inventarisiert", "erfasst in datenbank", "katalogisiert",
                    "gecatalogiseerd", "geregistreerd in database", "catalogado", "inventariado",
                    "catalogato", "inventariato", "skatalogowane", "zinwentaryzowane"),
          source="ENUMERATE metadata cataloguing"),
    Field("pct_digitised", PERCENT, "Collection digitised", "Digitisation", "%", 0, 100,
          synonyms=("digitised", "digitized", "% digitised", "% digitized", "percent digitised",
                    "share digitised", "share of collection digitised", "collection digitised",
                    "digitally reproduced", "numérisé", "numérisés", "% numérisé", "part numérisée",
                    "collection numérisée", "digitalisiert", "anteil digitalisiert", "% digitalisiert",
                    "gedigitaliseerd", "% gedigitaliseerd", "digitalizado", "% digitalizado",
                    "digitalizzato", "% digitalizzato", "zdigitalizowane", "% zdigitalizowane",
                    "odsetek zdigitalizowanych", "zdigitalizowanych", "zdigitalizowane zbiory"),
          source="ENUMERATE"),
    Field("pct_no_need_digitise", PERCENT, "No need to digitise", "Digitisation", "%", 0, 100,
          synonyms=("no need to digitise", "no need to digitize", "does not need digitising",
                    "pas besoin de numériser", "sans besoin de numérisation", "kein digitalisierungsbedarf",
                    "nicht zu digitalisieren", "hoeft niet gedigitaliseerd", "geen digitalisering nodig",
                    "no necesita digitalización", "non necessita digitalizzazione",
                    "nie wymaga digitalizacji"),
          source="ENUMERATE"),
    Field("pct_digitised_3d", PERCENT, "Collection digitised in 3D", "Digitisation", "%", 0, 100,
          synonyms=("3d", "% 3d", "digitised 3d", "digitised in 3d", "3d digitised", "numérisé en 3d",
                    "3d numérisé", "3d digitalisiert", "in 3d digitalisiert", "3d gedigitaliseerd",
                    "digitalizado en 3d", "digitalizzato in 3d", "zdigitalizowane 3d", "digitalizacja 3d"),
          source="Recommendation 3D focus"),
    Field("pct_online", PERCENT, "Collection online", "Digitisation", "%", 0, 100,
          synonyms=("online", "% online", "accessible online", "available online", "collection online",
                    "en ligne", "% en ligne", "accessible en ligne", "online zugänglich", "online verfügbar",
                    "online beschikbaar", "en línea", "accesible en línea", "in linea", "online accessibile",
                    "dostępne online", "udostępnione online"),
          source="ENUMERATE access; NEMO 2020"),
    Field("pct_in_europeana_dataspace", PERCENT, "Published to Europeana / data space", "Digitisation", "%", 0, 100,
          synonyms=("europeana", "% europeana", "in europeana", "data space", "publié sur europeana",
                    "in europeana veröffentlicht", "in europeana", "publicado en europeana",
                    "pubblicato su europeana", "w europeanie"),
          source="Recommendation: Europeana is the basis of the data space"),
    Field("immovable_at_risk_n", INT, "Monuments and sites at risk", "Digitisation", "count", minimum=0,
          synonyms=("sites at risk", "monuments at risk", "heritage at risk", "monuments en péril",
                    "sites en danger", "gefährdete denkmäler", "bedreigde monumenten",
                    "monumentos en riesgo", "monumenti a rischio", "zabytki zagrożone"),
          source="2021/1970 criterion (a)"),
    Field("immovable_at_risk_3d_n", INT, "Monuments and sites at risk digitised in 3D", "Digitisation", "count",
          minimum=0,
          synonyms=("sites at risk 3d", "monuments at risk digitised in 3d", "monuments en péril numérisés 3d",
                    "gefährdete denkmäler 3d", "bedreigde monumenten 3d", "monumentos en riesgo 3d",
                    "monumenti a rischio 3d", "zabytki zagrożone 3d"),
          source="2021/1970 criterion (a)"),
    Field("immovable_most_visited_n", INT, "Most-visited monuments and sites", "Digitisation", "count", minimum=0,
          synonyms=("most visited sites", "most visited monuments", "monuments les plus visités",
                    "meistbesuchte denkmäler", "meest bezochte monumenten", "monumentos más visitados",
                    "monumenti più visitati", "najczęściej odwiedzane zabytki"),
          source="2021/1970 criterion (b)"),
    Field("immovable_most_visited_3d_n", INT, "Most-visited monuments and sites digitised in 3D", "Digitisation",
          "count", minimum=0,
          synonyms=("most visited sites 3d", "most visited monuments digitised in 3d",
                    "monuments les plus visités 3d", "meistbesuchte denkmäler 3d", "meest bezochte monumenten 3d",
                    "monumentos más visitados 3d", "monumenti più visitati 3d",
                    "najczęściej odwiedzane zabytki 3d"),
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
          synonyms=("digital strategy", "digitisation strategy", "has a digital strategy", "stratégie numérique",
                    "stratégie de numérisation", "digitalstrategie", "digitale strategie",
                    "digitalisierungsstrategie", "estrategia digital", "strategia digitale",
                    "strategia cyfrowa"),
          source="ENUMERATE Q6.1"),
    Field("strategy_covers_preservation", BOOL, "Strategy covers digital preservation", "Digitisation", "yes / no",
          synonyms=("covers preservation", "digital preservation", "préservation numérique",
                    "langzeitarchivierung", "digitale duurzaamheid", "preservación digital",
                    "conservazione digitale", "archiwizacja cyfrowa"),
          source="ENUMERATE CS4"),
    Field("has_cms", BOOL, "Collection management system", "Digitisation", "yes / no",
          synonyms=("cms", "collection database", "has cms", "collections management system",
                    "logiciel de gestion des collections", "base de données des collections",
                    "sammlungsdatenbank", "inventarisierungssoftware", "collectiebeheersysteem",
                    "sistema de gestión de colecciones", "sistema di gestione delle collezioni",
                    "system zarządzania zbiorami"),
          source="EGMUS 13d"),
    Field("cms_spectrum_compliant", BOOL, "CMS is SPECTRUM compliant", "Digitisation", "yes / no",
          synonyms=("spectrum", "spectrum compliant", "conforme spectrum", "spectrum-konform",
                    "spectrum compatibel", "compatible con spectrum", "conforme a spectrum", "zgodny ze spectrum"),
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
          synonyms=("metadata standard", "metadata", "normes de métadonnées", "métadonnées",
                    "metadatenstandards", "metadaten", "metadatastandaarden", "estándares de metadatos",
                    "standard di metadati", "standardy metadanych"),
          source="NEMO #2 interoperable data"),
    Field("controlled_vocabularies", MULTI, "Controlled vocabularies", "Digitisation",
          choices=_choices("aat", "iconclass", "wikidata", "national_thesaurus", "none",
                           labels={"aat": "Getty AAT", "iconclass": "Iconclass", "wikidata": "Wikidata",
                                   "national_thesaurus": "National thesaurus", "none": "None"}),
          synonyms=("vocabularies", "thesauri", "vocabulaires contrôlés", "thésaurus", "kontrollierte vokabulare",
                    "thesauri", "gecontroleerde vocabulaires", "vocabularios controlados",
                    "vocabolari controllati", "słowniki kontrolowane"),
          source="interoperability"),
    Field("persistent_identifiers", BOOL, "Persistent identifiers", "Digitisation", "yes / no",
          synonyms=("pids", "persistent ids", "identifiants pérennes", "persistente identifikatoren",
                    "persistente identifiers", "identificadores persistentes", "identificatori persistenti",
                    "trwałe identyfikatory"),
          source="data-space readiness"),
    Field("iiif", BOOL, "IIIF", "Digitisation", "yes / no",
          synonyms=("iiif support", "uses iiif", "iiif compatible"),
          source="Europeana tier 2 accepts IIIF"),
    Field("typical_content_tier", INT, "Typical Europeana content tier", "Digitisation", "0–4", 0, 4,
          synonyms=("content tier", "europeana tier", "tier", "niveau de contenu europeana",
                    "europeana-inhaltsstufe", "europeana tier", "nivel de contenido", "livello europeana",
                    "poziom europeana"),
          source="Europeana Publishing Framework"),
    Field("pct_online_open", PERCENT, "Online: open licence", "Digitisation", "% of online", 0, 100,
          synonyms=("open licence", "open license", "% open", "cc0 cc by", "licence ouverte", "offene lizenz",
                    "open licentie", "licencia abierta", "licenza aperta", "licencja otwarta"),
          source="Europeana tier 4"),
    Field("pct_online_restricted", PERCENT, "Online: restricted licence", "Digitisation", "% of online", 0, 100,
          synonyms=("restricted licence", "restricted license", "% restricted", "licence restreinte",
                    "eingeschränkte lizenz", "beperkte licentie", "licencia restringida", "licenza ristretta",
                    "licencja ograniczona"),
          source="Europeana tier 3"),
    Field("pct_online_rights_unknown", PERCENT, "Online: rights unknown", "Digitisation", "% of online", 0, 100,
          synonyms=("rights unknown", "% rights unknown", "unknown rights", "copyright unknown",
                    "droits inconnus", "statut des droits inconnu", "rechte unbekannt", "rechten onbekend",
                    "derechos desconocidos", "diritti sconosciuti", "prawa nieznane"),
          source="NEMO #2 copyright"),
    Field("copyright_obstacle", INT, "Copyright is an obstacle", "Digitisation", "1–5", 1, 5, help=LIKERT,
          synonyms=("copyright obstacle", "copyright as obstacle", "droit d'auteur obstacle",
                    "urheberrecht hindernis", "auteursrecht obstakel", "derechos de autor obstáculo",
                    "diritto d'autore ostacolo", "prawo autorskie przeszkoda"),
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
          synonyms=("ai status", "ai adoption", "use of ai", "uses ai", "using ai", "ai use", "do you use ai", "artificial intelligence", "ia", "usage de l'ia",
                    "intelligence artificielle", "ki-nutzung", "ki", "künstliche intelligenz", "ai-gebruik",
                    "uso de ia", "inteligencia artificial", "uso dell'ia", "intelligenza artificiale",
                    "wykorzystanie ai", "sztuczna inteligencja"),
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
          synonyms=("ai uses", "ai applications", "usages de l'ia", "ki-anwendungen", "ai-toepassingen",
                    "usos de ia", "usi dell'ia", "zastosowania ai"),
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
          synonyms=("ai guidelines", "politique ia", "charte ia", "ki-richtlinie", "ai-beleid", "política de ia",
                    "policy ia", "polityka ai"),
          source="NEMO #1 and #2"),
    Field("infra_storage", INT, "Storage is adequate", "AI and infrastructure", "1–5", 1, 5, help=LIKERT,
          synonyms=("storage", "storage adequacy", "stockage", "speicher", "opslag", "almacenamiento",
                    "archiviazione", "przechowywanie danych"),
          source="NEMO #2 infrastructure"),
    Field("infra_compute_cloud", INT, "Compute / cloud is adequate", "AI and infrastructure", "1–5", 1, 5,
          help=LIKERT,
          synonyms=("compute", "cloud", "computing", "calcul", "rechenleistung", "rekenkracht", "computación",
                    "calcolo", "moc obliczeniowa"),
          source="NEMO #2 infrastructure"),
    Field("infra_network", INT, "Network is adequate", "AI and infrastructure", "1–5", 1, 5, help=LIKERT,
          synonyms=("network", "connectivity", "bandwidth", "réseau", "netzwerk", "netwerk", "red", "rete", "sieć"),
          source="NEMO #2 infrastructure"),
    Field("infra_capture_equipment", INT, "Capture equipment is adequate", "AI and infrastructure", "1–5", 1, 5,
          help=LIKERT,
          synonyms=("capture equipment", "equipment", "scanning equipment", "équipement de numérisation",
                    "digitalisierungsausstattung", "digitaliseringsapparatuur", "equipos de captura",
                    "attrezzature di acquisizione", "sprzęt do digitalizacji"),
          source="NEMO #2 equipment"),
    Field("env_cost_monitored", BOOL, "Environmental cost of digital is monitored", "AI and infrastructure",
          "yes / no",
          synonyms=("environmental cost", "environmental impact monitored", "coût environnemental",
                    "umweltkosten", "milieukosten", "coste ambiental", "costo ambientale", "koszt środowiskowy"),
          source="NEMO: environmental costs"),
    Field("wants_competency_hub", INT, "Would use a European AI competency hub", "AI and infrastructure", "1–5",
          1, 5, help=LIKERT,
          synonyms=("competency hub", "competence centre", "ai hub", "centre de compétences",
                    "kompetenzzentrum", "kenniscentrum", "centro de competencias", "centro di competenza",
                    "centrum kompetencji"),
          source="NEMO #3"),
    Field("eccch_or_dataspace_participation", MULTI, "Data space participation", "AI and infrastructure",
          choices=_choices("europeana", "eccch_project", "digital_europe_project", "national_aggregator", "none",
                           labels={"europeana": "Europeana", "eccch_project": "ECCCH project",
                                   "digital_europe_project": "Digital Europe project",
                                   "national_aggregator": "National aggregator", "none": "None"}),
          synonyms=("dataspace participation", "data space participation", "eccch", "participation à l'espace de données",
                    "datenraum", "dataruimte", "espacio de datos", "spazio dei dati", "przestrzeń danych"),
          source="2021/1970 and ECCCH"),
    # Staff digital and AI skills
    Field("staff_fte_digital", DECIMAL, "Digital staff", "Skills", "FTE", minimum=0,
          synonyms=("digital staff", "digital staff fte", "digitisation staff", "staff digitisation fte",
                    "digitisation staff fte", "personnel numérique", "etp numérique", "digitalpersonal",
                    "personal digitalisierung", "digitaal personeel", "fte digitaal", "personal digital",
                    "personale digitale", "pracownicy cyfrowi", "etaty cyfrowe"),
          source="ENUMERATE: 3.3% of paid staff"),
    Field("staff_fte_data_ai", DECIMAL, "Data / AI specialists", "Skills", "FTE", minimum=0,
          synonyms=("data ai staff", "data specialists", "ai specialists", "spécialistes données ia",
                    "daten ki fachkräfte", "data ai specialisten", "especialistas en datos e ia",
                    "specialisti dati ia", "specjaliści danych ai"),
          source="NEMO #2 highly qualified human resources"),
    Field("roles_present", MULTI, "Specialist digital roles present", "Skills",
          choices=_choices("digital_strategy_manager", "digital_collections_curator",
                           "digital_interactive_experience_developer", "online_community_manager",
                           "data_ai_specialist",
                           labels={"data_ai_specialist": "Data / AI specialist"}),
          synonyms=("roles", "digital roles", "specialist roles", "rôles numériques", "digitale rollen",
                    "rollen", "roles digitales", "ruoli digitali", "role cyfrowe"),
          source="Mu.SA profiles plus AI"),
    Field("skill_info_data", INT, "Skills: information and data literacy", "Skills", "DigComp level 1–8", 1, 8,
          synonyms=("information and data literacy", "data literacy", "culture de l'information et des données",
                    "informations- und datenkompetenz", "informatie- en datavaardigheid",
                    "alfabetización informacional", "alfabetizzazione su informazioni e dati",
                    "umiejętność korzystania z informacji"),
          source="DigComp 2.2 area 1"),
    Field("skill_communication", INT, "Skills: communication and collaboration", "Skills", "DigComp level 1–8",
          1, 8,
          synonyms=("communication and collaboration", "communication", "communication et collaboration",
                    "kommunikation und zusammenarbeit", "communicatie en samenwerking",
                    "comunicación y colaboración", "comunicazione e collaborazione",
                    "komunikacja i współpraca"),
          source="DigComp 2.2 area 2"),
    Field("skill_content_creation", INT, "Skills: digital content creation", "Skills", "DigComp level 1–8", 1, 8,
          synonyms=("content creation", "digital content creation", "création de contenus numériques",
                    "erstellung digitaler inhalte", "digitale contentcreatie", "creación de contenidos digitales",
                    "creazione di contenuti digitali", "tworzenie treści cyfrowych"),
          source="DigComp 2.2 area 3"),
    Field("skill_safety", INT, "Skills: safety", "Skills", "DigComp level 1–8", 1, 8,
          synonyms=("safety", "security", "sécurité", "sicherheit", "veiligheid", "seguridad", "sicurezza",
                    "bezpieczeństwo"),
          source="DigComp 2.2 area 4"),
    Field("skill_problem_solving", INT, "Skills: problem solving", "Skills", "DigComp level 1–8", 1, 8,
          synonyms=("problem solving", "résolution de problèmes", "problemlösung", "probleemoplossing",
                    "resolución de problemas", "risoluzione dei problemi", "rozwiązywanie problemów"),
          source="DigComp 2.2 area 5"),
    Field("skill_ai_literacy", INT, "Skills: AI literacy", "Skills",
          "1 none, 2 awareness, 3 can use safely, 4 can deploy and evaluate", 1, 4,
          synonyms=("ai literacy", "ai skills", "littératie ia", "compétences ia", "ki-kompetenz",
                    "ai-geletterdheid", "alfabetización en ia", "alfabetizzazione ia", "kompetencje ai"),
          source="AI Act Art. 4"),
    Field("pct_staff_ai_trained_12m", PERCENT, "Staff trained in AI literacy (last 12 months)", "Skills", "%", 0, 100,
          synonyms=("staff trained in ai", "ai training", "% staff ai trained", "personnel formé à l'ia",
                    "formation ia", "ki-geschultes personal", "ki-schulung", "personeel getraind in ai",
                    "personal formado en ia", "personale formato ia", "pracownicy przeszkoleni z ai"),
          source="AI Act Art. 4"),
    Field("skills_assessment_done", BOOL, "Digital skills needs assessed", "Skills", "yes / no",
          synonyms=("skills assessment", "skills audit", "évaluation des compétences", "kompetenzanalyse",
                    "vaardighedenanalyse", "evaluación de competencias", "valutazione delle competenze",
                    "ocena kompetencji"),
          source="One by One"),
    Field("training_plan", BOOL, "Digital training plan", "Skills", "yes / no",
          synonyms=("training plan", "plan de formation", "fortbildungsplan", "weiterbildungsplan",
                    "opleidingsplan", "plan de formación", "piano di formazione", "plan szkoleń"),
          source="One by One"),
    Field("leadership_digital_knowledge", INT, "Leadership's digital knowledge", "Skills", "1–5", 1, 5, help=LIKERT,
          synonyms=("leadership digital knowledge", "management digital knowledge", "direction compétences numériques",
                    "digitale kompetenz der leitung", "digitale kennis directie", "conocimiento digital de la dirección",
                    "competenze digitali della direzione", "wiedza cyfrowa kierownictwa"),
          source="Nesta 2019"),
    # Funding
    Field("digital_budget_available_eur", MONEY, "Digital budget available", "Funding", "EUR a year", minimum=0,
          synonyms=("digital budget", "digitisation budget", "annual digitisation budget", "budget for digitisation",
                    "budget available", "budget numérique", "budget de numérisation", "budget disponible",
                    "digitalbudget", "budget digitalisierung", "digitalisierungsetat", "digitaal budget", "digitaliseringsbudget",
                    "budget digitalisering", "presupuesto digital", "presupuesto de digitalización",
                    "budget digitale", "budget per la digitalizzazione", "budżet cyfrowy",
                    "budżet na digitalizację"),
          source="ENUMERATE total cost of ownership"),
    Field("pct_structural", PERCENT, "Structural share of digital budget", "Funding", "%", 0, 100,
          synonyms=("structural share", "% structural", "structural funding", "part structurelle",
                    "budget pérenne", "struktureller anteil", "structureel aandeel", "parte estructural",
                    "quota strutturale", "udział stały"),
          source="ENUMERATE"),
    Field("need_infrastructure_eur", MONEY, "Need: infrastructure", "Funding", "EUR to 2030", minimum=0,
          synonyms=("infrastructure need", "infrastructure", "need infrastructure", "besoin infrastructure",
                    "besoins infrastructure", "infrastructure besoin", "bedarf infrastruktur", "infrastruktur",
                    "finanzbedarf infrastruktur", "behoefte infrastructuur", "infrastructuur", "necesidad infraestructura", "infraestructura",
                    "fabbisogno infrastruttura", "infrastruttura", "potrzeby infrastruktura", "infrastruktura"),
          source="NEMO #2 infrastructure"),
    Field("need_equipment_eur", MONEY, "Need: equipment", "Funding", "EUR to 2030", minimum=0,
          synonyms=("equipment need", "need equipment", "besoin équipement", "besoins équipement", "équipement",
                    "bedarf ausstattung", "finanzbedarf ausstattung", "ausstattung", "geräte", "behoefte apparatuur", "apparatuur",
                    "necesidad equipamiento", "equipamiento", "fabbisogno attrezzature", "attrezzature",
                    "potrzeby sprzęt", "sprzęt"),
          source="NEMO #2 equipment"),
    Field("need_human_resources_eur", MONEY, "Need: qualified staff", "Funding", "EUR to 2030", minimum=0,
          synonyms=("human resources need", "human resources", "staff need", "need staff", "qualified staff",
                    "besoin ressources humaines", "finanzbedarf personal", "ressources humaines", "personnel qualifié", "bedarf personal",
                    "personal", "fachpersonal", "behoefte personeel", "personeel", "necesidad recursos humanos",
                    "recursos humanos", "fabbisogno risorse umane", "risorse umane", "potrzeby kadry",
                    "zasoby ludzkie", "kadry"),
          source="NEMO #2 highly qualified human resources"),
    Field("need_data_metadata_eur", MONEY, "Need: data and metadata", "Funding", "EUR to 2030", minimum=0,
          synonyms=("data and metadata need", "data metadata", "need data", "besoin données et métadonnées",
                    "données et métadonnées", "bedarf daten und metadaten", "finanzbedarf daten und metadaten", "daten und metadaten",
                    "behoefte data en metadata", "data en metadata", "necesidad datos y metadatos",
                    "datos y metadatos", "fabbisogno dati e metadati", "dati e metadati",
                    "potrzeby dane i metadane", "dane i metadane"),
          source="NEMO #2 interoperable data"),
    Field("need_copyright_clearance_eur", MONEY, "Need: copyright clearance", "Funding", "EUR to 2030", minimum=0,
          synonyms=("copyright clearance need", "copyright clearance", "rights clearance", "need copyright",
                    "besoin droits d'auteur", "droits d'auteur", "gestion des droits", "bedarf rechteklärung", "finanzbedarf rechteklärung",
                    "rechteklärung", "urheberrecht", "behoefte rechtenklaring", "rechtenklaring", "auteursrecht",
                    "necesidad derechos de autor", "derechos de autor", "fabbisogno diritti d'autore",
                    "diritti d'autore", "potrzeby prawa autorskie", "prawa autorskie"),
          source="NEMO #2 copyright"),
    Field("need_training_eur", MONEY, "Need: staff training", "Funding", "EUR to 2030", minimum=0,
          synonyms=("training need", "training", "need training", "staff training", "besoin formation", "formation",
                    "bedarf fortbildung", "finanzbedarf fortbildung", "finanzbedarf weiterbildung", "fortbildung", "weiterbildung", "schulung", "behoefte opleiding",
                    "opleiding", "training personeel", "necesidad formación", "formación", "fabbisogno formazione",
                    "formazione", "potrzeby szkolenia", "szkolenia"),
          source="NEMO #2 adequate skills"),
    Field("funding_horizon_years", INT, "Funding horizon", "Funding", "years", 1, 30,
          help="Years over which the needs apply; blank means until 2030.",
          synonyms=("horizon", "years", "horizon years", "horizon en années", "durée", "zeithorizont", "jahre",
                    "looptijd", "horizonte", "años", "orizzonte", "anni", "horyzont", "lata"),
          source="needed to annualise"),
    Field("funding_sources", MULTI, "Funding sources", "Funding",
          choices=_choices("national", "regional_local", "eu_digital_europe", "eu_horizon", "eu_creative_europe",
                           "eu_structural_rrf", "private_sponsorship", "own_income",
                           labels={"regional_local": "Regional / local", "eu_digital_europe": "EU Digital Europe",
                                   "eu_horizon": "EU Horizon Europe", "eu_creative_europe": "EU Creative Europe",
                                   "eu_structural_rrf": "EU structural funds / RRF",
                                   "private_sponsorship": "Private sponsorship"}),
          synonyms=("sources of funding", "funding", "sources de financement", "financement", "finanzierungsquellen",
                    "finanzierung", "financieringsbronnen", "financiering", "fuentes de financiación",
                    "financiación", "fonti di finanziamento", "finanziamento", "źródła finansowania",
                    "finansowanie"),
          source="where the money comes from"),
    Field("eu_funding_received_eur", MONEY, "EU funding received (last 3 years)", "Funding", "EUR", minimum=0,
          synonyms=("eu funding", "eu funding received", "financement ue", "financement européen", "eu-fördermittel",
                    "eu-förderung", "eu-financiering", "financiación ue", "fondi ue", "finansowanie ue",
                    "środki ue"),
          source="EU-programme uptake"),
    Field("main_obstacles", MULTI, "Main obstacles (top 3)", "Funding",
          choices=_choices("money", "staff_time", "skills", "copyright", "infrastructure", "leadership_strategy",
                           "data_quality",
                           labels={"staff_time": "Staff time", "leadership_strategy": "Leadership / strategy",
                                   "data_quality": "Data quality"}),
          synonyms=("obstacles", "barriers", "main barriers", "obstacles principaux", "freins", "hindernisse",
                    "hürden", "belemmeringen", "obstakels", "obstáculos", "ostacoli", "przeszkody", "bariery"),
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
SIZE_BANDS = (("small", 0), ("medium", 10_000), ("large", 100_000), ("huge", 1_000_000))  # visits a year
EGMUS_TYPE_GROUPS = {
    "art_archaeology_history": ("art", "archaeology", "history"),
    "science_tech_ethnology": ("natural_history_science", "science_technology", "ethnography_anthropology"),
}
HORIZON_YEAR = 2030
DEFAULT_SKILL_TARGET = 4          # DigComp upper intermediate for general staff
SKILL_MAX_GAP = DEFAULT_SKILL_TARGET - 1

# --- columns that hold personal data: dropped at ingest, never stored ---------------------------------
PERSONAL_DATA_HEADERS = (
    "email", "e mail", "email address", "e mail address", "mail", "courriel", "adresse e mail", "adresse mail",
    "e mail adresse", "correo", "correo electronico", "posta elettronica", "indirizzo email", "adres e mail",
    "phone", "telephone", "phone number", "tel", "telephone number", "mobile", "téléphone", "telefon",
    "telefoonnummer", "telefono", "numero di telefono", "numer telefonu", "respondent", "respondent name",
    "name of respondent", "your name", "contact", "contact person", "contact name", "nom du répondant",
    "votre nom", "personne de contact", "ansprechpartner", "ansprechperson", "name der antwortenden person",
    "ihr name", "contactpersoon", "naam respondent", "uw naam", "persona de contacto", "nombre del encuestado",
    "su nombre", "referente", "nome del compilatore", "il tuo nome", "osoba kontaktowa", "imię i nazwisko",
    "first name", "last name", "surname", "prénom", "nom de famille", "vorname", "nachname", "voornaam",
    "achternaam", "nombre y apellidos", "nome e cognome", "nazwisko",
    # survey tools: respondent identity and location ("Name" is never the museum)
    "name", "user name", "username", "ip address", "ipaddress", "latitude", "longitude", "location latitude",
    "location longitude", "recipient email", "recipient first name", "recipient last name", "email address",
    "e mail address", "respondent email", "contact email", "nom", "nombre", "nome", "naam", "imie",
)

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
TOTAL_ROW_WORDS = ("total", "totals", "grand total", "sum", "σ", "∑", "totaal", "gesamt", "summe", "insgesamt",
                   "totale", "suma", "razem", "ogółem", "overall", "all museums", "tous les musées",
                   "ensemble", "alle musea", "alle museen", "todos los museos", "tutti i musei")


def header_key(text: object) -> str:
    """Normalise a header or label for matching: lower case, no accents, punctuation as spaces.

    '%' and '3d' survive because they carry meaning ("% digitised" vs "digitised").
    """
    s = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", str(text).replace("€", " eur "))   # "StartDate" -> "Start Date"
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()
    s = re.sub(r"[^a-z0-9%]+", " ", s)
    return " ".join(s.split())


_QUESTION_CODE = re.compile(r"^\s*(?:[A-Za-z_][\w\[\]]{0,24}|\d{1,3}[a-z]?)\.\s+(?=\S)")


def question_text(text: object) -> str:
    """A heading without the question code survey tools put in front: "Q09[SQ001]. What ..." -> "What ...",
    "id. Response ID" -> "Response ID", "3. Country" -> "Country"."""
    return _QUESTION_CODE.sub("", str(text), count=1)


def value_key(text: object) -> str:
    """Normalise an answer for lookup (enumeration labels, booleans, blank markers)."""
    return " ".join(str(text).strip().lower().split())


def header_synonyms() -> dict[str, str]:
    """header_key -> field name, from names, labels, template headers and synonyms.

    A key claimed by two fields is ambiguous and left out (it then goes to fuzzy matching, which reports a
    confidence below 100 and lets a person confirm it).
    """
    claims: dict[str, set[str]] = {}
    for f in FIELDS:
        for text in (f.name, f.name.replace("_", " "), f.label, f.header, *f.synonyms):
            claims.setdefault(header_key(text), set()).add(f.name)
    return {key: next(iter(names)) for key, names in claims.items() if len(names) == 1 and key}


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


def country_name(code: str) -> str:
    """'DE' -> 'Germany' (the common English name where pycountry has one)."""
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
