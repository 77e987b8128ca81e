"""NO: one sheet per region, title lines with 'Land: Norge', spacer row and spacer column, line breaks inside
multi-select cells, Norwegian words, space-grouped numbers, 'ikke besvart' / 'vet ikke' / '-' blanks."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from common import out_dir, write_truth, fmt_num

FNAME = "Digitaliseringsundersokelse_museer_2025_per_region.xlsx"

TYPE = {"art": "kunstmuseum", "natural_history_science": "naturhistorisk museum", "archaeology": "arkeologisk museum",
        "science_technology": "teknisk museum", "history": "historisk museum", "regional_local": "regionmuseum",
        "specialised": "spesialmuseum (sjøfart)", "ethnography_anthropology": "etnografisk museum"}
OWN = {"private_nonprofit": "stiftelse", "regional_local_authority": "kommunal", "national_state": "statlig",
       "private_for_profit": "privat AS"}
STRAT = {"written": "ja, skriftlig", "unwritten": "ja, uformell", "none": "nei"}
AI = {"none": "ikke i bruk", "exploring": "utforsker", "pilot": "pilotprosjekt", "in_production": "i drift"}
META = {"lido": "LIDO", "dublin_core": "Dublin Core", "cidoc_crm": "CIDOC-CRM", "edm": "EDM", "in_house": "egen standard",
        "none": "ingen"}
VOC = {"aat": "Getty AAT", "iconclass": "Iconclass", "wikidata": "Wikidata",
       "national_thesaurus": "nasjonal tesaurus (KulturNav)", "none": "ingen"}
USE = {"cataloguing_metadata": "katalogisering / metadata", "ocr_htr_transcription": "transkribering (HTR)",
       "translation": "oversettelse", "image_recognition": "bildegjenkjenning", "visitor_chatbot": "chatbot for publikum",
       "visitor_analytics": "besøksanalyse", "conservation_monitoring": "tilstandsovervåking (konservering)",
       "recommendation_personalisation": "anbefalinger / personalisering"}
PART = {"europeana": "Europeana", "national_aggregator": "DigitaltMuseum (nasjonal aggregator)",
        "eccch_project": "ECCCH-prosjekt", "digital_europe_project": "prosjekt i Digital Europe", "none": "ingen"}
OBS = {"money": "økonomi", "staff_time": "tid / bemanning", "skills": "kompetanse", "copyright": "opphavsrett",
       "infrastructure": "IT-infrastruktur", "leadership_strategy": "ledelse / strategi", "data_quality": "datakvalitet"}

NBSP = "\u00a0"


def no(x, dec=None, sep=" "):
    return fmt_num(x, sep, ",", dec)


def lines(codes, lab):
    return "\n".join(lab[c] for c in codes)


REGIONS = {
    "Østlandet": [
        dict(museum_name="Glomdal kunstmuseum", web="www.glomdalkunst.no", museum_type="art", ownership="private_nonprofit",
             annual_visits=41200, staff_paid_fte=16.4, staff_fte_digital=2, volunteers_fte=0.5, collection_objects=9600,
             pct_catalogued_db=100, pct_digitised=88, pct_no_need_digitise=0, pct_online=85,
             metadata_standards=["lido", "dublin_core"], controlled_vocabularies=["national_thesaurus", "aat"],
             persistent_identifiers=True, iiif=True, typical_content_tier=3, has_digital_strategy="written",
             strategy_covers_preservation=True, ai_status="pilot", ai_use_cases=["cataloguing_metadata", "image_recognition"],
             infra_storage=4, infra_compute_cloud=3, infra_network=4, infra_capture_equipment=4, wants_competency_hub=4,
             eccch_or_dataspace_participation=["national_aggregator", "europeana"], digital_budget_available_eur=68000,
             main_obstacles=["copyright", "staff_time"], kommentar="",
             disp=dict(annual_visits="41" + NBSP + "200", staff_paid_fte="16,4")),
        dict(museum_name="Teknisk samling Rjukanfoss", web="rjukanfoss-teknisk.no", museum_type="science_technology",
             ownership="private_nonprofit", annual_visits=23800, staff_paid_fte=7, staff_fte_digital=1, volunteers_fte=2.5,
             collection_objects=14300, pct_catalogued_db=70, pct_digitised=33, pct_no_need_digitise=12, pct_online=25,
             metadata_standards=["in_house"], controlled_vocabularies=["national_thesaurus"], persistent_identifiers=False,
             iiif=False, typical_content_tier=2, has_digital_strategy="unwritten", strategy_covers_preservation=False,
             ai_status="exploring", ai_use_cases=["conservation_monitoring"], infra_storage=2, infra_compute_cloud=2,
             infra_network=3, infra_capture_equipment=2, wants_competency_hub=5,
             eccch_or_dataspace_participation=["national_aggregator"], digital_budget_available_eur=12500,
             main_obstacles=["money", "skills", "infrastructure"], kommentar="Ønsker felles 3D-utstyr i regionen",
             disp=dict(volunteers_fte="2,5", digital_budget_available_eur="12 500")),
        dict(museum_name="Hedmark bygdetun og regionmuseum", web="", museum_type="regional_local",
             ownership="regional_local_authority", annual_visits=None, staff_paid_fte=4.2, staff_fte_digital=0.4,
             volunteers_fte=None, collection_objects=27000, pct_catalogued_db=52, pct_digitised=19,
             pct_no_need_digitise=None, pct_online=17, metadata_standards=["in_house"], controlled_vocabularies=None,
             persistent_identifiers=None, iiif=False, typical_content_tier=None, has_digital_strategy="none",
             strategy_covers_preservation=None, ai_status="none", ai_use_cases=None, infra_storage=2,
             infra_compute_cloud=1, infra_network=2, infra_capture_equipment=1, wants_competency_hub=3,
             eccch_or_dataspace_participation=["national_aggregator"], digital_budget_available_eur=3000,
             main_obstacles=["money", "staff_time"], kommentar="Besøkstall ikke klart ennå",
             disp=dict(annual_visits="ikke besvart", volunteers_fte="vet ikke", pct_no_need_digitise="vet ikke",
                       controlled_vocabularies="", persistent_identifiers="vet ikke", typical_content_tier="-",
                       strategy_covers_preservation="-", ai_use_cases="-", staff_paid_fte="4,2",
                       staff_fte_digital="0,4")),
    ],
    "Vestlandet": [
        dict(museum_name="Bergvik sjøfartsmuseum", web="www.bergvik-sjofart.no", museum_type="specialised",
             ownership="private_nonprofit", annual_visits=31500, staff_paid_fte=11, staff_fte_digital=1.5, volunteers_fte=3,
             collection_objects=18700, pct_catalogued_db=81, pct_digitised=47, pct_no_need_digitise=8, pct_online=40,
             metadata_standards=["lido", "cidoc_crm"], controlled_vocabularies=["national_thesaurus", "wikidata"],
             persistent_identifiers=True, iiif=False, typical_content_tier=2, has_digital_strategy="written",
             strategy_covers_preservation=True, ai_status="pilot",
             ai_use_cases=["ocr_htr_transcription", "translation"], infra_storage=3, infra_compute_cloud=3,
             infra_network=4, infra_capture_equipment=3, wants_competency_hub=4,
             eccch_or_dataspace_participation=["national_aggregator", "europeana"], digital_budget_available_eur=29000,
             main_obstacles=["staff_time", "money", "data_quality"], kommentar="HTR på skipsprotokoller (Transkribus)",
             disp=dict(annual_visits="31 500", staff_fte_digital="1,5")),
        dict(museum_name="Vestkysten naturhistoriske museum", web="www.vnhm.no", museum_type="natural_history_science",
             ownership="national_state", annual_visits=88900, staff_paid_fte=54.6, staff_fte_digital=7.5, volunteers_fte=0,
             collection_objects=2100000, pct_catalogued_db=62, pct_digitised=21, pct_no_need_digitise=10, pct_online=20,
             metadata_standards=["dublin_core", "edm"], controlled_vocabularies=["wikidata"], persistent_identifiers=True,
             iiif=True, typical_content_tier=4, has_digital_strategy="written", strategy_covers_preservation=True,
             ai_status="in_production", ai_use_cases=["image_recognition", "ocr_htr_transcription", "cataloguing_metadata"],
             infra_storage=4, infra_compute_cloud=4, infra_network=5, infra_capture_equipment=4, wants_competency_hub=3,
             eccch_or_dataspace_participation=["europeana", "eccch_project", "national_aggregator"],
             digital_budget_available_eur=540000, main_obstacles=["money", "data_quality", "skills"],
             kommentar="Universitetsmuseum; innsamlingstall avrundet",
             disp=dict(collection_objects="2 100 000", staff_paid_fte="54,6", staff_fte_digital="7,5",
                       digital_budget_available_eur="540 000")),
        dict(museum_name="Sunnfjord arkeologiske senter", web="sunnfjord-arkeologi.no", museum_type="archaeology",
             ownership="regional_local_authority", annual_visits=9400, staff_paid_fte=5, staff_fte_digital=1,
             volunteers_fte=1, collection_objects=46000, pct_catalogued_db=90, pct_digitised=26, pct_no_need_digitise=40,
             pct_online=22, metadata_standards=["cidoc_crm"], controlled_vocabularies=["national_thesaurus"],
             persistent_identifiers=True, iiif=False, typical_content_tier=1, has_digital_strategy="unwritten",
             strategy_covers_preservation=False, ai_status="exploring", ai_use_cases=None, infra_storage=3,
             infra_compute_cloud=2, infra_network=3, infra_capture_equipment=2, wants_competency_hub=5,
             eccch_or_dataspace_participation=["none"], digital_budget_available_eur=None,
             main_obstacles=["skills", "infrastructure", "money"], kommentar="",
             disp=dict(ai_use_cases="", digital_budget_available_eur="ikke besvart")),
    ],
    "Nord-Norge": [
        dict(museum_name="Porsanger samiske kulturmuseum", web="www.porsanger-museum.no", museum_type="ethnography_anthropology",
             ownership="private_nonprofit", annual_visits=7300, staff_paid_fte=6.5, staff_fte_digital=1, volunteers_fte=0.2,
             collection_objects=6800, pct_catalogued_db=97, pct_digitised=74, pct_no_need_digitise=3, pct_online=58,
             metadata_standards=["lido"], controlled_vocabularies=["national_thesaurus"], persistent_identifiers=True,
             iiif=False, typical_content_tier=2, has_digital_strategy="written", strategy_covers_preservation=False,
             ai_status="exploring", ai_use_cases=["translation"], infra_storage=3, infra_compute_cloud=2,
             infra_network=2, infra_capture_equipment=3, wants_competency_hub=4,
             eccch_or_dataspace_participation=["national_aggregator"], digital_budget_available_eur=21000,
             main_obstacles=["copyright", "infrastructure"],
             kommentar="Samiske rettighetshensyn (tradisjonell kunnskap) ved publisering",
             disp=dict(staff_paid_fte="6,5", volunteers_fte="0,2")),
        dict(museum_name="Tromsø byhistoriske museum", web="", museum_type="history", ownership="regional_local_authority",
             annual_visits=19850, staff_paid_fte=9, staff_fte_digital=2, volunteers_fte=None, collection_objects=33400,
             pct_catalogued_db=68, pct_digitised=39, pct_no_need_digitise=15, pct_online=31,
             metadata_standards=["dublin_core", "in_house"], controlled_vocabularies=["national_thesaurus", "iconclass"],
             persistent_identifiers=False, iiif=False, typical_content_tier=2, has_digital_strategy="written",
             strategy_covers_preservation=True, ai_status="pilot",
             ai_use_cases=["visitor_chatbot", "recommendation_personalisation", "visitor_analytics"],
             infra_storage=4, infra_compute_cloud=3, infra_network=4, infra_capture_equipment=3, wants_competency_hub=2,
             eccch_or_dataspace_participation=["national_aggregator", "digital_europe_project"],
             digital_budget_available_eur=47500, main_obstacles=["staff_time", "leadership_strategy", "money"], kommentar="",
             disp=dict(volunteers_fte="-", digital_budget_available_eur="47 500")),
    ],
}

# (header, field, renderer)
COLS = [
    ("Museum", "museum_name", str),
    ("Nettsted", "web", None),
    ("Type museum", "museum_type", lambda v: TYPE[v]),
    ("Eierform", "ownership", lambda v: OWN[v]),
    (None, None, None),  # spacer column
    ("Besøk 2024", "annual_visits", lambda v: v),
    ("Årsverk, faste ansatte", "staff_paid_fte", lambda v: v),
    ("herav årsverk digitalt arbeid", "staff_fte_digital", lambda v: v),
    ("Frivillige (årsverk)", "volunteers_fte", lambda v: v),
    ("Antall gjenstander", "collection_objects", lambda v: v),
    ("Registrert i database (%)", "pct_catalogued_db", lambda v: v),
    ("Digitalisert (%)", "pct_digitised", lambda v: v),
    ("Ikke behov for digitalisering (%)", "pct_no_need_digitise", lambda v: v),
    ("Tilgjengelig på nett (%)", "pct_online", lambda v: v),
    ("Metadatastandarder", "metadata_standards", lambda v: lines(v, META)),
    ("Kontrollerte vokabularer", "controlled_vocabularies", lambda v: lines(v, VOC)),
    ("Persistente identifikatorer (PID)", "persistent_identifiers", lambda v: "ja" if v else "nei"),
    ("IIIF", "iiif", lambda v: "ja" if v else "nei"),
    ("Typisk innholdsnivå Europeana (0–4)", "typical_content_tier", lambda v: v),
    ("Digital strategi", "has_digital_strategy", lambda v: STRAT[v]),
    ("Strategien omfatter langtidsbevaring", "strategy_covers_preservation", lambda v: "ja" if v else "nei"),
    ("Bruk av KI", "ai_status", lambda v: AI[v]),
    ("KI brukes til", "ai_use_cases", lambda v: lines(v, USE)),
    ("Lagring (1–5)", "infra_storage", lambda v: v),
    ("Sky / regnekraft (1–5)", "infra_compute_cloud", lambda v: v),
    ("Nettverk (1–5)", "infra_network", lambda v: v),
    ("Fotoutstyr / skanning (1–5)", "infra_capture_equipment", lambda v: v),
    ("Vil bruke europeisk kompetansesenter for KI (1–5)", "wants_competency_hub", lambda v: v),
    ("Deltar i", "eccch_or_dataspace_participation", lambda v: lines(v, PART)),
    ("Budsjett digitalt (EUR per år)", "digital_budget_available_eur", lambda v: v),
    ("Største hindringer", "main_obstacles", lambda v: lines(v, OBS)),
    ("Kommentar", "kommentar", None),
]


def main():
    wb = Workbook()
    first = True
    truth = []
    for region, ms in REGIONS.items():
        ws = wb.active if first else wb.create_sheet(region)
        ws.title = region
        first = False
        ws["A1"] = f"Digitalisering og KI i museene 2025 – svar fra region {region}"
        ws["A1"].font = Font(bold=True, size=13)
        ws["A2"] = "Land: Norge"
        ws["A3"] = "Alle beløp er oppgitt i euro (EUR). Vurderinger: 1 = svært dårlig, 5 = svært god."
        ws["A3"].font = Font(italic=True, size=9)
        HR = 5
        for i, (h, f, r) in enumerate(COLS):
            if h is None:
                ws.column_dimensions[get_column_letter(i + 1)].width = 3
                continue
            c = ws.cell(row=HR, column=i + 1, value=h)
            c.font = Font(bold=True, color="FFFFFF")
            c.fill = PatternFill("solid", fgColor="1F4E78")
            c.alignment = Alignment(wrap_text=True, vertical="center")
            ws.column_dimensions[get_column_letter(i + 1)].width = 30 if i == 0 else 15
        ws.row_dimensions[HR].height = 48
        # row 6 left empty as a spacer
        for k, m in enumerate(ms):
            row = HR + 2 + k
            disp = m.get("disp", {})
            for i, (h, f, r) in enumerate(COLS):
                if h is None:
                    continue
                if f in ("web", "kommentar"):
                    v = m[f] or None
                elif f in disp:
                    v = disp[f] if disp[f] != "" else None
                else:
                    v = m[f]
                    v = None if v is None else r(v)
                c = ws.cell(row=row, column=i + 1, value=v)
                c.alignment = Alignment(wrap_text=True, vertical="top")
                if isinstance(v, int) and f in ("annual_visits", "collection_objects", "digital_budget_available_eur"):
                    c.number_format = "#,##0"
        ws.freeze_panes = ws.cell(row=HR + 1, column=2)
        for m in ms:
            t = {"museum_name": m["museum_name"], "country": "NO"}
            for h, f, r in COLS:
                if f is None or f in ("museum_name", "web", "kommentar"):
                    continue
                t[f] = m[f]
            truth.append(t)
    wb.save(os.path.join(out_dir(), FNAME))
    write_truth(FNAME, list(REGIONS), truth, [],
                "Three sheets, one per region (Østlandet, Vestlandet, Nord-Norge), same layout on each: row 1 title, "
                "row 2 'Land: Norge' (country for all rows), row 3 a note that all amounts are in EUR and that 1-5 "
                "ratings run from very poor to very good, row 4 blank, row 5 headers (short Norwegian labels), row 6 an "
                "empty spacer row, data from row 7. Column E is an empty spacer column. Multi-select answers are one "
                "item per line inside the cell (line breaks). Numbers are real numbers or Norwegian text with space / "
                "no-break-space thousands and decimal comma ('41 200', '16,4', '2 100 000'). 'ikke besvart' (not "
                "answered), 'vet ikke' (don't know), '-' and empty cells are null. Region names are not NUTS codes, so "
                "no region_nuts2. Eierform: stiftelse -> private_nonprofit, kommunal -> regional_local_authority, "
                "statlig -> national_state. 'spesialmuseum (sjøfart)' -> specialised, 'regionmuseum' -> regional_local, "
                "'nasjonal tesaurus (KulturNav)' -> national_thesaurus, 'egen standard' -> in_house, 'DigitaltMuseum "
                "(nasjonal aggregator)' -> national_aggregator, 'prosjekt i Digital Europe' -> digital_europe_project. "
                "Only two obstacles for some museums. 'Nettsted' (website) and 'Kommentar' are extra columns.")


if __name__ == "__main__":
    main()
