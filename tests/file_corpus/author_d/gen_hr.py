"""Croatian network coordinator's sheet: title lines, single header row of short labels, an example
row before the data, registry IDs, per-row country name, county names, a blank spacer column,
several-answer cells with line breaks inside the cell, '45 %' percentages, remarks + website columns."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from openpyxl import Workbook  # noqa: E402
from openpyxl.styles import Font  # noqa: E402
from openpyxl.utils import get_column_letter  # noqa: E402

from fc_helpers import BOLD, BOX, CENTER, HEAD_FILL, ITALIC, TITLE, WRAP, out_path, write_truth  # noqa: E402

FILE = "HR_digitalizacija_UI_muzeji_2025.xlsx"
SHEET = "Upitnik 2025"

TYPE = {"regional_local": "zavičajni", "art": "umjetnički", "archaeology": "arheološki",
        "science_technology": "tehnički", "ethnography_anthropology": "etnografski",
        "natural_history_science": "prirodoslovni"}
OWN = {"regional_local_authority": ["grad", "županija"], "national_state": ["Republika Hrvatska"],
       "private_nonprofit": ["zaklada"]}
MD = {"lido": "LIDO", "edm": "EDM", "dublin_core": "Dublin Core", "cidoc_crm": "CIDOC CRM",
      "in_house": "vlastiti (interni) model", "none": "nijedan"}
VOC = {"aat": "Getty AAT", "iconclass": "Iconclass", "wikidata": "Wikidata",
       "national_thesaurus": "nacionalni tezaurus", "none": "nema"}
PART = {"europeana": "Europeana", "national_aggregator": "nacionalni agregator",
        "eccch_project": "projekt ECCCH", "digital_europe_project": "projekt Digitalna Europa",
        "none": "ništa od navedenog"}
AIS = {"none": "ne koristimo", "exploring": "istražujemo mogućnosti", "pilot": "pilot projekt",
       "in_production": "u redovnoj uporabi"}
USE = {"cataloguing_metadata": "katalogizacija i metapodaci", "ocr_htr_transcription":
       "OCR / transkripcija rukopisa", "translation": "prijevod", "image_recognition":
       "prepoznavanje slika", "visitor_chatbot": "chatbot za posjetitelje",
       "recommendation_personalisation": "personalizirane preporuke",
       "visitor_analytics": "analitika posjetitelja", "generative_content": "generiranje sadržaja"}
POL = {"none": "nema", "in_preparation": "u pripremi", "adopted": "usvojena"}
ROLE = {"digital_strategy_manager": "voditelj/ica digitalne strategije",
        "digital_collections_curator": "kustos/ica digitalnih zbirki",
        "digital_interactive_experience_developer": "razvojni programer interaktivnih sadržaja",
        "online_community_manager": "voditelj/ica online zajednice i društvenih mreža",
        "data_ai_specialist": "stručnjak za podatke i UI"}
MULTI = {"metadata_standards": MD, "controlled_vocabularies": VOC,
         "eccch_or_dataspace_participation": PART, "ai_use_cases": USE, "roles_present": ROLE}

COLS = [
    ("museum_id", "Reg. br."), ("museum_name", "Naziv muzeja"), ("country", "Država"),
    ("_county", "Županija"), (None, ""),
    ("museum_type", "Vrsta muzeja"), ("ownership", "Osnivač"),
    ("collection_objects", "Broj predmeta u zbirkama"),
    ("pct_catalogued_db", "Katalogizirano u bazi"), ("pct_digitised", "Digitalizirano"),
    ("pct_digitised_3d", "Digitalizirano u 3D"), ("pct_online", "Dostupno online"),
    ("pct_in_europeana_dataspace", "Objavljeno u Europeani"),
    ("has_cms", "Sustav za upravljanje zbirkama"), ("cms_spectrum_compliant", "Usklađen sa SPECTRUM-om"),
    ("metadata_standards", "Metapodatkovni standardi"), ("controlled_vocabularies", "Kontrolirani rječnici"),
    ("persistent_identifiers", "Trajni identifikatori"), ("iiif", "IIIF"),
    ("typical_content_tier", "Europeana razina sadržaja (0–4)"),
    ("eccch_or_dataspace_participation", "Sudjelovanje (Europeana / podatkovni prostor)"),
    ("ai_status", "Umjetna inteligencija (UI) – status"), ("ai_use_cases", "Primjena UI"),
    ("ai_policy", "Politika o UI"),
    ("infra_storage", "Pohrana (1–5)"), ("infra_compute_cloud", "Računalni resursi / oblak (1–5)"),
    ("infra_network", "Mreža (1–5)"), ("infra_capture_equipment", "Oprema za snimanje (1–5)"),
    ("env_cost_monitored", "Prati se ekološki trošak"),
    ("wants_competency_hub", "Interes za europski centar kompetencija (1–5)"),
    ("staff_paid_fte", "Zaposleni (EPZ)"), ("staff_fte_digital", "Digitalni poslovi (EPZ)"),
    ("staff_fte_data_ai", "Podaci / UI (EPZ)"), ("roles_present", "Prisutne uloge"),
    ("leadership_digital_knowledge", "Digitalno znanje uprave (1–5)"),
    ("_remark", "Napomena"), ("_web", "Web stranica"),
]


def mk(mid, name, county, typ, own, objs, cat, dig, d3, onl, eur, cms, spec, md, voc, pid, iiif,
       tier, part, ais, uses, pol, infra, env, hub, fte, dfte, dai, roles, lead, remark, web,
       txt=None, own_word=0):
    d = dict(museum_id=mid, museum_name=name, country="HR", museum_type=typ, ownership=own,
             collection_objects=objs, pct_catalogued_db=cat, pct_digitised=dig, pct_digitised_3d=d3,
             pct_online=onl, pct_in_europeana_dataspace=eur, has_cms=cms, cms_spectrum_compliant=spec,
             metadata_standards=md, controlled_vocabularies=voc, persistent_identifiers=pid, iiif=iiif,
             typical_content_tier=tier, eccch_or_dataspace_participation=part, ai_status=ais,
             ai_use_cases=uses, ai_policy=pol, infra_storage=infra[0], infra_compute_cloud=infra[1],
             infra_network=infra[2], infra_capture_equipment=infra[3], env_cost_monitored=env,
             wants_competency_hub=hub, staff_paid_fte=fte, staff_fte_digital=dfte, staff_fte_data_ai=dai,
             roles_present=roles, leadership_digital_knowledge=lead)
    d["_county"], d["_remark"], d["_web"] = county, remark, web
    d["_txt"] = txt or {}
    d["_own_word"] = own_word
    return d


M = [
    mk("MDC-0147", "Zavičajni muzej Poljica", "Splitsko-dalmatinska", "regional_local",
       "regional_local_authority", 8400, 70, 25, 2, 15, 0, True, False, ["in_house"], ["none"], False,
       False, 1, ["national_aggregator"], "none", None, "none", (2, 2, 3, 1), False, 4, 6, 0.5, 0,
       None, 2, "Digitalizacija fotografske zbirke u tijeku.", "www.muzej-poljica.hr",
       txt={"roles_present": "—", "ai_use_cases": ""}),
    mk("MDC-0032", "Muzej moderne umjetnosti Kvarner", "Primorsko-goranska", "art",
       "regional_local_authority", 14200, 100, 88, 1, 70, 35, True, True, ["lido", "edm", "dublin_core"],
       ["aat", "wikidata"], True, True, 3, ["europeana", "national_aggregator"], "pilot",
       ["image_recognition", "cataloguing_metadata", "translation"], "in_preparation", (4, 3, 4, 4),
       True, 5, 29, 4, 1,
       ["digital_strategy_manager", "digital_collections_curator", "online_community_manager"], 4,
       "Pilot s automatskim opisivanjem slika (2024–2025).", "www.mmu-kvarner.hr"),
    mk("MDC-0215", "Arheološki muzej Cibalae", "Vukovarsko-srijemska", "archaeology", "national_state",
       165000, 54, 14, 3, 5, 2, True, None, ["cidoc_crm", "in_house"], ["national_thesaurus"], False,
       False, 2, ["europeana", "eccch_project"], "exploring", ["ocr_htr_transcription"], "none",
       (2, 1, 2, 3), False, 5, 15, 2, 0.5, ["digital_collections_curator"], 3,
       "Broj predmeta je procjena (arheološki materijal u skupinama).", "www.amc.hr",
       txt={"cms_spectrum_compliant": "ne znam", "collection_objects": "165.000",
            "pct_catalogued_db": "54 %"}),
    mk("MDC-0388", "Muzej industrijske baštine Kupa", "Sisačko-moslavačka", "science_technology",
       "regional_local_authority", 5600, 100, 65, 12.5, 50, 10, True, False, ["dublin_core"],
       ["wikidata"], True, False, 2, ["digital_europe_project"], "in_production",
       ["visitor_chatbot", "visitor_analytics", "generative_content"], "adopted", (4, 5, 4, 3), True, 3,
       11, 2.5, 1, ["digital_interactive_experience_developer", "data_ai_specialist"], 5, "",
       "www.mib-kupa.hr", txt={"pct_digitised_3d": "12,5 %", "staff_fte_digital": "2,5"}),
    mk("MDC-0421", "Etnografski muzej Zagore", "Šibensko-kninska", "ethnography_anthropology",
       "regional_local_authority", 22000, 80, 30, 0, 18, 18, True, False, ["lido"],
       ["national_thesaurus", "aat"], False, False, 2, ["europeana"], "none", None, "none",
       (3, 2, 2, 2), False, None, 8, 1, 0, ["digital_collections_curator"], 2,
       "Nemamo vlastitog informatičara.", "www.emz.hr", own_word=1,
       txt={"wants_competency_hub": "ne znam", "ai_use_cases": "", "collection_objects": "22.000"}),
    mk("MDC-0509", "Prirodoslovni muzej Velebit", "Ličko-senjska", "natural_history_science",
       "national_state", 340000, 45, 8, 0.4, 3, 0, False, None, ["none"], ["none"], False, False, 0,
       ["none"], "exploring", ["image_recognition"], "none", (1, 1, 2, 2), False, 4, 12, 0.5, 0, None,
       2, "Herbarij i entomološka zbirka nisu popisani do kraja.", "www.pmv.hr",
       txt={"cms_spectrum_compliant": "—", "roles_present": "—", "pct_digitised_3d": "0,4 %",
            "collection_objects": "oko 340.000"}),
    mk("MDC-0612", "Zbirka umjetnina Zaklade Marinković", "Grad Zagreb", "art", "private_nonprofit",
       1250, 100, 100, 8, 95, 60, True, True, ["edm", "dublin_core"], ["iconclass", "aat", "wikidata"],
       True, True, 4, ["europeana"], "pilot", ["cataloguing_metadata", "recommendation_personalisation"],
       "adopted", (5, 4, 5, 4), True, 2, 3, 1, 0.5,
       ["digital_collections_curator", "online_community_manager"], 4,
       "Sva djela dostupna pod CC BY-SA.", "www.zaklada-marinkovic.hr"),
]
EXAMPLE = ["MDC-0000", "PRIMJER: Gradski muzej Primjerovo", "Hrvatska", "Zagrebačka", None,
           "zavičajni", "grad", 10000, "60 %", "20 %", "1 %", "10 %", "0 %", "Da", "Ne",
           "LIDO\nDublin Core", "Getty AAT", "Ne", "Ne", 1, "Europeana", "ne koristimo", "", "nema",
           3, 3, 3, 3, "Ne", 3, 10, 1, 0, "kustos/ica digitalnih zbirki", 3,
           "(primjer – ne brisati)", "www.primjer.hr"]


def render(m, f):
    if f in m["_txt"]:
        return m["_txt"][f] or None
    if f in ("_county", "_remark", "_web"):
        return m[f] or None
    v = m.get(f)
    if v is None:
        return None
    if f == "country":
        return "Hrvatska"
    if f == "museum_type":
        return TYPE[v]
    if f == "ownership":
        return OWN[v][m["_own_word"]]
    if f in MULTI:
        return "\n".join(MULTI[f][x] for x in v)
    if f == "ai_status":
        return AIS[v]
    if f == "ai_policy":
        return POL[v]
    if isinstance(v, bool):
        return "Da" if v else "Ne"
    if f.startswith("pct_"):
        return (str(v).replace(".", ",")) + " %"
    return v


def main():
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    ws.cell(1, 1, "Istraživanje o digitalizaciji i umjetnoj inteligenciji u muzejima – 2025.").font = TITLE
    ws.cell(2, 1, "Mreža muzeja – regionalna koordinacija; ispunila: Ivana Horvat").font = ITALIC
    h = 4
    for c, (f, label) in enumerate(COLS, 1):
        if f is None:
            ws.column_dimensions[get_column_letter(c)].width = 2
            continue
        cell = ws.cell(h, c, label)
        cell.font = BOLD
        cell.fill = HEAD_FILL
        cell.alignment = CENTER
        cell.border = BOX
        ws.column_dimensions[get_column_letter(c)].width = 34 if f in MULTI or f in (
            "museum_name", "_remark") else 13
    ws.row_dimensions[h].height = 48
    r = h + 1
    grey = Font(italic=True, color="808080")
    for c, v in enumerate(EXAMPLE, 1):
        if v is not None and v != "":
            cell = ws.cell(r, c, v)
            cell.font = grey
            cell.alignment = WRAP
    r += 1
    for m in M:
        for c, (f, _) in enumerate(COLS, 1):
            if f is None:
                continue
            v = render(m, f)
            cell = ws.cell(r, c, v)
            cell.alignment = WRAP
            cell.border = BOX
            if f == "collection_objects" and isinstance(v, int):
                cell.number_format = "#,##0"
        r += 1
    ws.freeze_panes = ws.cell(h + 1, 3)

    nb = wb.create_sheet("Napomene")
    for i, t in enumerate([
        "Postoci se odnose na ukupan broj predmeta u zbirkama.",
        "Ocjene 1–5: 1 = potpuno neodgovarajuće, 5 = potpuno odgovarajuće.",
        "EPZ = ekvivalent punog radnog vremena.",
        "Više odgovora u jednoj ćeliji – svaki u novom retku (Alt+Enter).",
        "Redak PRIMJER služi samo kao uzorak.",
    ], 1):
        nb.cell(i, 1, t)
    nb.column_dimensions["A"].width = 90
    wb.save(out_path(FILE))

    fields = [f for f, _ in COLS if f and not f.startswith("_")]
    museums = [{k: v for k, v in m.items() if not k.startswith("_")} for m in M]
    write_truth(
        FILE, SHEET, museums, [EXAMPLE[1]],
        "Data on sheet 'Upitnik 2025' (a 'Napomene' notes sheet follows). Two title lines, blank row, "
        "single header row 4 of short Croatian labels, then a grey italic example row 'PRIMJER: Gradski "
        "muzej Primjerovo' (reg. no. MDC-0000) that is not a museum, then 7 museums. 'Reg. br.' holds "
        "registry IDs (museum_id). Country is a per-row column 'Država' = 'Hrvatska' -> HR; 'Županija' "
        "holds county names, not NUTS codes (region_nuts2 omitted). A narrow empty spacer column follows "
        "the county. Percentages written '45 %' / '12,5 %'. Several-answer cells (metadata standards, "
        "vocabularies, participation, AI uses, roles) have one item per line inside the cell "
        "(Alt+Enter). 'vlastiti (interni) model' = in_house; 'nijedan'/'nema'/'ništa od navedenog' = none "
        "for those multi-selects. Yes/no = Da/Ne; 'ne znam' (don't know), '—' and empty cells are null; "
        "an empty AI-use cell for museums that do not use AI is null, and '—' in 'Prisutne uloge' is null. "
        "'oko 340.000' = about 340000, '165.000' = 165000. Osnivač 'grad'/'županija' = "
        "regional_local_authority, 'Republika Hrvatska' = national_state, 'zaklada' = private_nonprofit. "
        "Infrastructure and hub ratings are 1-5. No money columns in this file. 'Napomena' (remarks) and "
        "'Web stranica' are extra columns.",
        fields=fields)


if __name__ == "__main__":
    main()
