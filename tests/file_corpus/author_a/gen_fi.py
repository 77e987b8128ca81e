"""FI: Museoliitto-style survey compilation, written directly as .ods (hand-made ODF zip; odfpy not available).
Sheets 'Ohjeet' + 'Vastaukset'; data starts in column B, title block, empty spacer columns between groups,
full-question Finnish headers, line-break multi-selects, 'Yhteensä' totals row, 'eos' = not answered."""
import sys, subprocess, os, shutil; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import fmt, truth_row, write_truth, write_ods
from openpyxl import Workbook
from openpyxl.styles import Font, Alignment, PatternFill
from openpyxl.utils import get_column_letter as L

BASE = os.path.join(os.environ["FILE_CORPUS_OUT"], "museot_digitalisaatiokysely_2025")
ROLE = {"director": "Museonjohtaja", "collections": "Amanuenssi (kokoelmat)", "digital_it": "Digitaalisten palvelujen päällikkö",
        "finance_admin": "Hallintopäällikkö", "other": "Yhdistyksen puheenjohtaja"}
TYPE = {"art": "Taidemuseo", "regional_local": "Maakuntamuseo", "natural_history_science": "Luonnontieteellinen museo",
        "science_technology": "Tekniikan museo", "monument_site": "Muinaisjäännös / linna", "specialised": "Erikoismuseo",
        "ethnography_anthropology": "Kansatieteellinen museo", "archaeology": "Arkeologinen museo"}
OWN = {"national_state": "Valtio", "regional_local_authority": "Kunta", "private_nonprofit": "Säätiö", "private_for_profit": "Osakeyhtiö"}
META = {"lido": "LIDO", "dublin_core": "Dublin Core", "cidoc_crm": "CIDOC CRM", "edm": "EDM", "in_house": "Oma", "none": "Ei"}
VOC = {"national_thesaurus": "YSO / KOKO", "wikidata": "Wikidata", "aat": "AAT", "none": "Ei käytössä"}
PART = {"national_aggregator": "Finna (kansallinen kooste)", "europeana": "Europeana", "eccch_project": "ECCCH-hanke",
        "digital_europe_project": "Digitaalinen Eurooppa -hanke", "none": "Ei"}
STRAT = {"written": "Kirjallinen", "unwritten": "Epävirallinen (ei kirjattu)", "none": "Ei ole"}
AI = {"none": "Ei käytössä", "exploring": "Selvitetään", "pilot": "Pilotointi", "in_production": "Tuotantokäytössä"}
USE = {"cataloguing_metadata": "luettelointi", "ocr_htr_transcription": "tekstintunnistus (OCR)", "translation": "kääntäminen",
       "image_recognition": "kuvantunnistus", "visitor_chatbot": "chatbot", "generative_content": "generatiivinen sisältö"}
POL = {"none": "Ei ole", "in_preparation": "Valmisteilla", "adopted": "Hyväksytty"}
SRC = {"national": "valtionosuus", "regional_local": "kunta", "eu_structural_rrf": "EAKR", "private_sponsorship": "yksityiset lahjoitukset",
       "eu_horizon": "Horisontti Eurooppa", "own_income": "omat tulot", "eu_digital_europe": "Digitaalinen Eurooppa",
       "eu_creative_europe": "Luova Eurooppa"}
OBS = {"money": "raha", "staff_time": "henkilöstön aika", "skills": "osaaminen", "copyright": "tekijänoikeudet",
       "infrastructure": "infrastruktuuri", "data_quality": "tietojen laatu", "leadership_strategy": "johtaminen"}
INF = ["infra_storage", "infra_compute_cloud", "infra_network", "infra_capture_equipment"]

def M(name, town, country_txt, date, role, typ, own, acc, vis, htv, vol, obj, prec, cat, dig, d3, onl, eur, cms, meta, voc, pid, iiif,
      tier, part, strat, cover, ai, uses, pol, infra, lead, hub, budget, struct, src, obs, contact, phone, raw=None):
    r = dict(museum_name=name, _town=town, _ctry=country_txt, country="FI", reference_date=date, respondent_role=role,
             museum_type=typ, ownership=own, accredited=acc, annual_visits=vis, staff_paid_fte=htv, volunteers_fte=vol,
             collection_objects=obj, collection_objects_precision=prec, pct_catalogued_db=cat, pct_digitised=dig,
             pct_digitised_3d=d3, pct_online=onl, pct_in_europeana_dataspace=eur, has_cms=cms, metadata_standards=meta,
             controlled_vocabularies=voc, persistent_identifiers=pid, iiif=iiif, typical_content_tier=tier,
             eccch_or_dataspace_participation=part, has_digital_strategy=strat, strategy_covers_preservation=cover,
             ai_status=ai, ai_use_cases=uses, ai_policy=pol, leadership_digital_knowledge=lead, wants_competency_hub=hub,
             digital_budget_available_eur=budget, pct_structural=struct, funding_sources=src, main_obstacles=obs,
             _contact=contact, _phone=phone, _raw=raw or {})
    for k, v in zip(INF, infra): r[k] = v
    return r

D1, D2 = "2024-12-31", "2025-06-30"
rows = [
 M("Taidemuseo Kivikartano", "Järvelä", "Suomi", D1, "director", "art", "regional_local_authority", True, 41250, 16.5, 0.5, 7800, "exact",
   100, 95, 0, 90, 40, True, ["lido", "dublin_core"], ["national_thesaurus", "wikidata"], True, False, 2,
   ["national_aggregator", "europeana"], "written", True, "exploring", ["image_recognition"], "in_preparation", (3, 3, 4, 2), 3, 4,
   55000, 80, ["national", "regional_local"], ["money", "staff_time"], "Liisa Mäkelä", "040 123 4567"),
 M("Lakeuden maakuntamuseo", "Lakeus", "Suomi", D1, "collections", "regional_local", "regional_local_authority", True, 36900, 28, None,
   185000, "estimate", 74, 22, 0.3, 20, 5, True, ["lido"], ["national_thesaurus"], True, False, 1, ["national_aggregator"],
   "written", False, "none", None, "none", (2, 2, 3, 2), 2, 3, 48000, 60, ["national", "regional_local", "eu_structural_rrf"],
   ["money", "staff_time", "skills"], "Pekka Hietala", "050 765 4321", raw={"volunteers_fte": "eos"}),
 M("Luonnonhistoriallinen museo Revontuli", "Revontuli", "Suomi", D1, "digital_it", "natural_history_science", "private_nonprofit", True,
   58400, 35, 2, 1600000, "estimate", 45, 12, 0.8, 10, 8, True, ["dublin_core", "cidoc_crm"], ["wikidata"], True, True, 3,
   ["national_aggregator", "europeana", "eccch_project"], "written", True, "pilot", ["image_recognition", "ocr_htr_transcription"],
   "in_preparation", (3, 4, 4, 3), 4, 5, 190000, 45, ["national", "private_sponsorship", "eu_horizon"], ["infrastructure", "money"],
   "Antti Räsänen", "044 222 3344", raw={"funding_sources": "OKM\nyksityiset lahjoitukset\nHorisontti Eurooppa"}),
 M("Tekniikan museo Vaskiranta", "Vaskiranta", "Suomi", D1, "director", "science_technology", "private_nonprofit", True, 73000, 24, 1.5,
   52000, "exact", 90, 48, 5, 42, 20, True, ["lido", "in_house"], ["national_thesaurus", "aat"], False, False, 2, ["national_aggregator"],
   "written", True, "in_production", ["cataloguing_metadata", "translation", "visitor_chatbot"], "adopted", (4, 4, 4, 4), 4, 3,
   120000, 70, ["national", "own_income", "eu_digital_europe"], ["staff_time"], "Jukka Lehtinen", "040 999 8877"),
 M("Kotiseutumuseo Vanha Pappila", "Kirkonkylä", "Suomi", D2, "other", "regional_local", "private_nonprofit", False, 1350, 0.2, 1.8,
   3200, "estimate", 30, 10, 0, 0, 0, False, ["none"], ["none"], False, False, None, ["none"], "none", None, "none", None, "none",
   (1, 1, 2, 1), 1, 2, 500, 0, ["own_income", "regional_local"], ["money", "skills"], "Aino Virtanen", "045 111 2233",
   raw={"museum_type": "Kotiseutumuseo", "ownership": "Yhdistys", "typical_content_tier": "eos"}),
 M("Korpelan linnanraunio ja museo", "Korpela", "Suomi", D1, "director", "monument_site", "national_state", False, 112000, 9, None, 2400,
   "estimate", 55, 30, 12, 25, 0, True, ["dublin_core"], ["national_thesaurus"], False, False, 1, ["national_aggregator"],
   "unwritten", None, "exploring", ["generative_content"], "none", (2, 3, 2, 2), 3, 4, 25000, 100, ["national"],
   ["money", "staff_time", "infrastructure"], "Matti Korhonen", "029 533 6000",
   raw={"funding_sources": "valtion budjetti", "strategy_covers_preservation": "–", "volunteers_fte": "–"}),
 M("Lasimuseo Kirkasvesi", "Kirkasvesi", "Suomi", D1, "finance_admin", "specialised", "private_for_profit", False, 22000, 5, 0, 11500, "exact",
   100, 85, 10, 80, None, True, ["in_house"], ["wikidata"], False, False, 2, ["none"], "written", False, "pilot",
   ["generative_content", "translation"], "in_preparation", (3, 3, 3, 4), 4, 2, 30000, 90, ["own_income", "private_sponsorship"],
   ["skills"], "Sari Niemi", "040 555 6677",
   raw={"pct_in_europeana_dataspace": "–", "funding_sources": "omat tulot\nyrityssponsorit"}),
 M("Kansatieteellinen museo Aurinkorinne", "Aurinkorinne", "Suomi", D1, "collections", "ethnography_anthropology", "private_nonprofit",
   True, 15700, 12, 0.3, 36000, "exact", 96, 58, 1.5, 55, 30, True, ["lido", "edm"], ["national_thesaurus", "wikidata", "aat"], True,
   True, 3, ["national_aggregator", "europeana"], "written", True, "exploring", ["translation"], "in_preparation", (3, 3, 3, 3), 3, 4,
   70000, 50, ["national", "eu_creative_europe", "own_income"], ["copyright", "money"], "Elina Sääski", "050 444 5566",
   raw={"funding_sources": "OKM\nLuova Eurooppa\nomat tulot"}),
 M("Arkeologinen keskus Muinaismäki", "Muinaismäki", "FI", D1, "collections", "archaeology", "regional_local_authority", True, 8900, 6,
   None, 95000, "estimate", 60, 15, 2, 12, None, True, ["in_house"], ["national_thesaurus"], False, False, 1, ["national_aggregator"],
   "none", None, "none", None, "none", (2, 2, 2, 1), 2, 3, None, None, ["regional_local", "national"],
   ["money", "staff_time", "data_quality"], "Ville Heikkinen", "044 876 5432",
   raw={"pct_in_europeana_dataspace": "eos", "digital_budget_available_eur": "eos", "pct_structural": "eos"}),
 M("Åbolands sjöfartsmuseum", "Pargas", "FI", D2, "director", "specialised", "private_nonprofit", True, 6400, 3.5, 2.5, 14000, "exact",
   88, 40, 0, 38, 10, True, ["lido"], ["national_thesaurus"], True, False, 2, ["national_aggregator"], "unwritten", None, "none", None,
   "none", (2, 3, 3, 2), 2, 3, 9000, 30, ["national", "regional_local", "own_income"], ["staff_time", "money"],
   "Johan Sjöberg", "+358 2 458 1234",
   raw={"museum_type": "Erikoismuseo (merenkulku)", "ownership": "Yhdistys", "strategy_covers_preservation": "eos"}),
]

G = [  # groups of (header, field, kind); None = empty spacer column
 [("Museon nimi", "museum_name", "text"), ("Paikkakunta", "_town", "text"), ("Maa", "_ctry", "text"),
  ("Tiedot ajankohdalta", "reference_date", "date"), ("Vastaajan tehtävä", "respondent_role", ROLE),
  ("Museotyyppi", "museum_type", TYPE), ("Ylläpitäjä", "ownership", OWN), ("Valtionosuusmuseo?", "accredited", "bool"),
  ("Käyntikerrat 2024", "annual_visits", "num"), ("Henkilötyövuodet (htv)", "staff_paid_fte", "num"),
  ("Vapaaehtoistyö (htv)", "volunteers_fte", "num")],
 [("Kokoelman koko (objekteja)", "collection_objects", "num"), ("Onko luku tarkka vai arvio?", "collection_objects_precision",
   {"exact": "Tarkka", "estimate": "Arvio"}),
  ("Kuinka suuri osa kokoelmasta on luetteloitu tietokantaan? (%)", "pct_catalogued_db", "num"),
  ("Kuinka suuri osa on digitoitu? (%)", "pct_digitised", "num"),
  ("Josta 3D-digitoitu (% koko kokoelmasta)", "pct_digitised_3d", "num"),
  ("Kuinka suuri osa on saatavilla verkossa? (%)", "pct_online", "num"),
  ("Kuinka suuri osa on Europeanassa? (%)", "pct_in_europeana_dataspace", "num"),
  ("Onko käytössä kokoelmanhallintajärjestelmä?", "has_cms", "bool"),
  ("Metatietostandardit", "metadata_standards", ("multi", META)),
  ("Asiasanastot / ontologiat", "controlled_vocabularies", ("multi", VOC)),
  ("Pysyvät tunnisteet (URN, ARK, DOI)?", "persistent_identifiers", "bool"), ("IIIF käytössä?", "iiif", "bool"),
  ("Tyypillinen Europeana-sisältötaso (0–4)", "typical_content_tier", "num"),
  ("Osallistuminen tietoavaruuksiin", "eccch_or_dataspace_participation", ("multi", PART))],
 [("Onko museolla digitaalinen strategia?", "has_digital_strategy", STRAT),
  ("Kattaako strategia digitaalisen pitkäaikaissäilytyksen?", "strategy_covers_preservation", "bool"),
  ("Tekoälyn käyttö", "ai_status", AI), ("Tekoälyn käyttökohteet", "ai_use_cases", ("multi", USE)),
  ("Tekoälylinjaus / -ohjeistus", "ai_policy", POL),
  ("Infran riittävyys 1–5: tallennus", "infra_storage", "num"), ("Infran riittävyys 1–5: laskenta ja pilvi", "infra_compute_cloud", "num"),
  ("Infran riittävyys 1–5: tietoliikenne", "infra_network", "num"),
  ("Infran riittävyys 1–5: kuvantamislaitteet", "infra_capture_equipment", "num"),
  ("Johdon digiosaaminen (1–5)", "leadership_digital_knowledge", "num"),
  ("Hyödyntäisimme eurooppalaista tekoälyosaamiskeskusta (1–5)", "wants_competency_hub", "num")],
 [("Digitaalisen toiminnan budjetti (€/vuosi)", "digital_budget_available_eur", "num"),
  ("Josta pysyvää rahoitusta (%)", "pct_structural", "num"),
  ("Rahoituslähteet", "funding_sources", ("multi", SRC)), ("Suurimmat esteet", "main_obstacles", ("multi", OBS)),
  ("Yhteyshenkilö", "_contact", "text"), ("Puhelin", "_phone", "text")],
]
COLS = []
for gi, g in enumerate(G):
    if gi: COLS.append(None)
    COLS.extend(g)

def cell(r, f, k):
    if f in r["_raw"]: return r["_raw"][f]
    v = r.get(f)
    if v is None: return None
    if k == "bool": return "Kyllä" if v else "Ei"
    if k == "date":
        y, m, d = v.split("-")
        if v == D1:   # entered as a real date cell
            import datetime; return datetime.date(int(y), int(m), int(d))
        return f"{int(d)}.{int(m)}.{y}"   # typed/pasted as text
    if k == "num":
        if f in ("annual_visits", "collection_objects", "digital_budget_available_eur") and v >= 1000:
            return fmt(v, " ", ",")   # typed/pasted as text with Finnish space thousands
        return v
    if isinstance(k, dict): return k[v]
    if isinstance(k, tuple): return "\n".join(k[1][c] for c in v)
    return v

ohjeet = [[t] for t in ["Museoiden digitalisaatio- ja tekoälykysely 2025 – ohjeet", "",
    "Välilehdellä 'Vastaukset' on yksi rivi kutakin vastannutta museota kohden.",
    "Prosenttiluvut ovat osuuksia koko kokoelmasta (0–100).",
    "Rahamäärät euroina. Merkintä 'eos' (ei osaa sanoa) tai '–' tarkoittaa, ettei kysymykseen vastattu.",
    "Monivalintakysymysten vastaukset on eroteltu rivinvaihdoilla.",
    "Infrastruktuurin riittävyys ja muut arviot asteikolla 1 (heikko) – 5 (erinomainen)."]]
grid = [[None, "Suomen museoyhteisö – Museoiden digitalisaatio- ja tekoälykysely 2025"],
        [None, "Koonnut: kyselytyöryhmä, päivitetty 14.4.2025"], []]
grid.append([None] + [None if c is None else c[0] for c in COLS])
for r in rows:
    grid.append([None] + [None if c is None else cell(r, c[1], c[2]) for c in COLS])
totrow = [None] * (len(COLS) + 1); totrow[1] = "Yhteensä"
for ci, c in enumerate(COLS, 1):
    if c and c[1] in ("annual_visits", "staff_paid_fte", "volunteers_fte", "digital_budget_available_eur"):
        totrow[ci] = round(sum(r[c[1]] for r in rows if r.get(c[1]) is not None), 1)
grid.append(totrow); grid.append([])
foot = ["eos = ei osaa sanoa (ei vastausta); – = ei vastausta.", "OKM = opetus- ja kulttuuriministeriö; EAKR = Euroopan aluekehitysrahasto."]
for t in foot: grid.append([None, t])
widths = [0.6, 7.5] + [0.4 if c is None else 3.2 for c in COLS[1:]]
write_ods(BASE + ".ods", [("Ohjeet", ohjeet), ("Vastaukset", grid)], col_widths={"Ohjeet": [18.0], "Vastaukset": widths},
          bold_rows={"Ohjeet": {0}, "Vastaukset": {0, 3, len(rows) + 4}})

fields = [c[1] for c in COLS if c and not c[1].startswith("_")]
museums = [truth_row(r, fields) for r in rows]
write_truth(BASE + ".ods.truth.json", os.path.basename(BASE) + ".ods", "Vastaukset", museums, ["Yhteensä"] + foot,
 "ODS spreadsheet. Sheet 'Ohjeet' has instructions only; data on 'Vastaukset'. Column A is empty, table starts at B. "
 "Rows 1-2 title block, row 3 blank, row 4 = header (long Finnish questions, wrapped), 10 museums in rows 5-14, 'Yhteensä' totals row "
 "(visits, FTE, volunteers, budget), then two footnote lines. Three EMPTY spacer columns separate the groups. Country column 'Maa' says "
 "'Suomi' or 'FI'. 'Tiedot ajankohdalta' = reference date: 31.12.2024 is a real ODS date cell (shown d.m.yyyy), 30.6.2025 is typed as text. Some large numbers are text with "
 "space thousands ('1 600 000', '41 250'), others are numeric cells. Multi-selects are separated by line breaks inside the cell. "
 "'eos' (ei osaa sanoa) and '–' = not answered. Booleans Kyllä/Ei. Mappings a careful reader makes: 'Valtionosuusmuseo' (state-subsidised "
 "museum status) = accredited; 'Maakuntamuseo'/'Kotiseutumuseo' -> regional_local; 'Erikoismuseo (merenkulku)' -> specialised; "
 "'Muinaisjäännös / linna' -> monument_site; 'Yhdistys' and 'Säätiö' -> private_nonprofit; 'Kunta' -> regional_local_authority; "
 "'YSO / KOKO' (Finnish national ontologies) -> national_thesaurus; 'Finna (kansallinen kooste)' -> national_aggregator; 'Oma' -> in_house; "
 "'Ei'/'Ei käytössä' in multi-selects -> ['none']; funding 'valtionosuus', 'OKM' (ministry) and 'valtion budjetti' -> national, 'EAKR' "
 "(ERDF) -> eu_structural_rrf, 'yksityiset lahjoitukset'/'yrityssponsorit' -> private_sponsorship. Role 'Yhdistyksen puheenjohtaja' "
 "(association chair) -> other. 'Paikkakunta' (town) is an unknown column; 'Yhteyshenkilö' and 'Puhelin' are personal data. "
 "'Hallintopäällikkö' -> finance_admin.")
print("wrote", BASE + ".ods")
