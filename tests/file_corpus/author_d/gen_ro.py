"""Romanian regional network workbook: 'Țara: România' line, data in two regional blocks each with
a section title row, the second block repeating the header row (pasted from another coordinator),
Romanian number words ('45 mii €', '1,2 mil. €'), semicolon-separated answers, footnotes, a lists sheet."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from openpyxl import Workbook  # noqa: E402
from openpyxl.utils import get_column_letter  # noqa: E402

from fc_helpers import (BOLD, BOX, CENTER, GROUP_FILL, HEAD_FILL, ITALIC, TITLE, WRAP,  # noqa: E402
                        fmt_num, out_path, write_truth)

FILE = "RO_chestionar_muzee_digitizare_2025.xlsx"
SHEET = "Chestionar"

ROLE = {"director": "director", "collections": "muzeograf", "digital_it": "informatician",
        "finance_admin": "contabil-șef", "other": "referent relații publice"}
TYPE = {"general_mixed": "complex muzeal (mixt)", "ethnography_anthropology": "etnografie",
        "natural_history_science": "științele naturii", "art": "artă", "monument_site": "monument istoric / sit",
        "science_technology": "știință și tehnică", "archaeology": "arheologie", "specialised": "specializat"}
OWN = {"regional_local_authority": ["Consiliul Județean", "Primăria"], "national_state": ["Ministerul Culturii"],
       "private_nonprofit": ["fundație"], "private_for_profit": ["SRL (privat)"]}
STRAT = {"written": "da, scrisă", "unwritten": "da, nescrisă", "none": "nu"}
AIS = {"none": "nu folosim", "exploring": "explorăm", "pilot": "proiect pilot", "in_production": "utilizare curentă"}
USE = {"cataloguing_metadata": "catalogare și metadate", "ocr_htr_transcription": "OCR pentru etichete",
       "translation": "traducere", "image_recognition": "recunoaștere de imagini",
       "visitor_chatbot": "chatbot pentru vizitatori", "visitor_analytics": "analiza fluxului de vizitatori",
       "generative_content": "conținut generativ (texte, imagini)"}
POL = {"none": "nu există", "in_preparation": "în pregătire", "adopted": "adoptată"}
SRC = {"national": "buget de stat", "regional_local": "buget local/județean",
       "eu_digital_europe": "Europa Digitală", "eu_horizon": "Orizont Europa",
       "eu_creative_europe": "Europa Creativă", "eu_structural_rrf": "PNRR / fonduri structurale",
       "private_sponsorship": "sponsorizări", "own_income": "venituri proprii"}
OBS = {"money": "lipsa fondurilor", "staff_time": "lipsa timpului personalului",
       "skills": "competențe insuficiente", "copyright": "drepturi de autor",
       "infrastructure": "infrastructură IT", "leadership_strategy": "lipsa sprijinului conducerii",
       "data_quality": "calitatea datelor"}
NEEDS = ["need_infrastructure_eur", "need_equipment_eur", "need_human_resources_eur",
         "need_data_metadata_eur", "need_copyright_clearance_eur", "need_training_eur"]

COLS = [
    ("_nr", "Nr. crt."), ("museum_name", "Denumirea muzeului"), ("_county", "Județ"),
    ("respondent_role", "Funcția respondentului"), ("museum_type", "Tip muzeu"),
    ("ownership", "Subordonare"), ("accredited", "Acreditat"),
    ("annual_visits", "Vizitatori 2024"), ("staff_paid_headcount", "Personal angajat (nr.)"),
    ("staff_paid_fte", "Personal (echiv. normă întreagă)"),
    ("volunteers_fte", "Voluntari (echiv. normă întreagă)"),
    ("total_expenditure_eur", "Cheltuieli totale 2024"),
    ("collection_objects", "Nr. obiecte în colecții"),
    ("collection_objects_precision", "Nr. obiecte: exact / estimat"),
    ("pct_digitised", "% digitizat"), ("pct_no_need_digitise", "% nu necesită digitizare"),
    ("pct_online", "% accesibil online"), ("pct_in_europeana_dataspace", "% în Europeana"),
    ("has_digital_strategy", "Strategie digitală"), ("ai_status", "Inteligență artificială – stadiu"),
    ("ai_use_cases", "IA – utilizări"), ("ai_policy", "Politică privind IA"),
    ("skill_ai_literacy", "Nivel alfabetizare IA (1–4)"),
    ("pct_staff_ai_trained_12m", "% personal instruit IA (ultimele 12 luni)"),
    ("training_plan", "Plan de formare profesională"),
    ("digital_budget_available_eur", "Buget digital anual"),
    ("pct_structural", "% buget structural"),
    ("need_infrastructure_eur", "Necesar până în 2030: infrastructură"),
    ("need_equipment_eur", "Necesar: echipamente"),
    ("need_human_resources_eur", "Necesar: resurse umane"),
    ("need_data_metadata_eur", "Necesar: date și metadate"),
    ("need_copyright_clearance_eur", "Necesar: drepturi de autor"),
    ("need_training_eur", "Necesar: formare"),
    ("funding_horizon_years", "Orizont (ani)"),
    ("funding_sources", "Surse de finanțare"),
    ("eu_funding_received_eur", "Fonduri UE primite (ultimii 3 ani)"),
    ("main_obstacles", "Principalele obstacole (top 3)"),
    ("_contact", "Persoană de contact"), ("_phone", "Telefon"), ("_web", "Site web"),
]


def mk(name, county, role, typ, own, acc, visits, head, fte, vol, exp, objs, prec, dig, nn, onl, eur,
       strat, ais, uses, pol, lit, trained, plan, budget, struct, needs, hor, src, eu_rec, obs,
       contact, phone, web, txt=None, own_word=0):
    d = dict(museum_name=name, country="RO", respondent_role=role, museum_type=typ, ownership=own,
             accredited=acc, annual_visits=visits, staff_paid_headcount=head, staff_paid_fte=fte,
             volunteers_fte=vol, total_expenditure_eur=exp, collection_objects=objs,
             collection_objects_precision=prec, pct_digitised=dig, pct_no_need_digitise=nn,
             pct_online=onl, pct_in_europeana_dataspace=eur, has_digital_strategy=strat, ai_status=ais,
             ai_use_cases=uses, ai_policy=pol, skill_ai_literacy=lit, pct_staff_ai_trained_12m=trained,
             training_plan=plan, digital_budget_available_eur=budget, pct_structural=struct,
             funding_horizon_years=hor, funding_sources=src, eu_funding_received_eur=eu_rec,
             main_obstacles=obs)
    for k, v in zip(NEEDS, needs):
        d[k] = v
    d["_county"], d["_contact"], d["_phone"], d["_web"] = county, contact, phone, web
    d["_txt"] = txt or {}
    d["_own_word"] = own_word
    return d


NORD_EST = [
    mk("Complexul Muzeal Ceahlău", "Neamț", "director", "general_mixed", "regional_local_authority", True,
       84300, 96, 92, 3, 2400000, 410000, "estimate", 16, 20, 6, 2, "written", "exploring",
       ["cataloguing_metadata"], "in_preparation", 2, 10, True, 45000, 40,
       (300000, 250000, 400000, 150000, 20000, 50000), 6,
       ["national", "regional_local", "eu_structural_rrf"], 380000, ["money", "staff_time", "skills"],
       "Mihai Popescu", "0233 211 450", "www.cmceahlau.ro",
       txt={"annual_visits": "84.300", "total_expenditure_eur": "2,4 mil. €",
            "digital_budget_available_eur": "45 mii €", "pct_digitised": "16%",
            "main_obstacles": "1. lipsa fondurilor; 2. lipsa timpului personalului; 3. competențe insuficiente"}),
    mk("Muzeul Etnografic al Bucovinei de Sus", "Suceava", "collections", "ethnography_anthropology",
       "regional_local_authority", True, 22700, 18, 17, 0, 540000, 31500, "exact", 28, 15, 12, 4,
       "unwritten", "none", None, "none", 1, 0, False, 8000, 100, (60000, 40000, 50000, 30000, 0, 10000),
       None, ["regional_local"], 0, ["money", "skills", "infrastructure"],
       "Elena Rusu", "0230 522 118", "www.etnobucovina.ro",
       txt={"ai_use_cases": "N/A", "funding_horizon_years": "nu știu", "digital_budget_available_eur": "8.000 €"}),
    mk("Muzeul de Științele Naturii „Prut”", "Iași", "digital_it", "natural_history_science",
       "regional_local_authority", True, 38000, 25, 24, 1.5, 900000, 120000, "estimate", 11, 35, 4, 0,
       "written", "pilot", ["image_recognition", "ocr_htr_transcription"], "none", 3, 25, True, 22000, 70,
       (90000, 70000, 120000, 60000, 5000, 15000), 6, ["regional_local", "eu_horizon", "own_income"],
       150000, ["staff_time", "data_quality"], "Andrei Ionescu", "0744 310 992", "www.msnprut.ro",
       own_word=1, txt={"digital_budget_available_eur": "22.000 €", "volunteers_fte": "1,5",
                        "ai_use_cases": "recunoaștere de imagini; OCR pentru etichete de herbar"}),
    mk("Fundația „Ateneul Vechi” – Muzeul de Artă Modernă", "Botoșani", "other", "art",
       "private_nonprofit", False, 6200, 4, 3.5, 2, 180000, 950, "exact", 100, 0, 90, 40, "written",
       "in_production", ["visitor_chatbot", "translation", "generative_content"], "adopted", 4, 75, True,
       15000, 20, (None, None, 20000, None, None, 5000), 3,
       ["private_sponsorship", "eu_creative_europe", "own_income"], 60000, ["copyright", "money"],
       "Ioana Dumitrescu", "0752 004 317", "www.ateneulvechi.ro",
       txt={"need_infrastructure_eur": "-", "need_equipment_eur": "-", "need_data_metadata_eur": "-",
            "need_copyright_clearance_eur": "-", "staff_paid_fte": "3,5"}),
]
CENTRU = [
    mk("Cetatea Târnavei – sit istoric", "Brașov", "director", "monument_site", "regional_local_authority",
       True, 152000, 14, 13, 0, 700000, 3400, "exact", 45, 10, 20, 0, "unwritten", "exploring",
       ["visitor_analytics"], "none", 2, 5, False, 30000, 50, (50000, 180000, 40000, 10000, 0, 8000), 6,
       ["regional_local", "own_income", "eu_structural_rrf"], 1100000, ["money", "skills"],
       "Radu Stoica", "0268 400 221", "www.cetateatarnavei.ro", own_word=1,
       txt={"annual_visits": "152.000", "eu_funding_received_eur": "1,1 mil. €"}),
    mk("Muzeul Tehnicii și Industriei Mureș", "Mureș", "finance_admin", "science_technology",
       "regional_local_authority", True, 17800, 21, 20, 0, 610000, 9700, "estimate", 35, 5, 15, 3, "none",
       "none", None, "none", 1, 0, False, None, None, (70000, 60000, 45000, 25000, 2000, 12000), 6,
       ["national", "regional_local"], None, ["money", "leadership_strategy", "staff_time"],
       "Gabriela Moldovan", "0265 118 707", "www.mtimures.ro",
       txt={"ai_use_cases": "-", "digital_budget_available_eur": "N/A", "pct_structural": "N/A",
            "eu_funding_received_eur": ""}),
    mk("Muzeul de Arheologie „Cetățuia” Alba", "Alba", "collections", "archaeology", "national_state",
       True, 64500, 40, 38, 4, 1350000, 275000, "estimate", 19, 25, 8, 5, "written", "pilot",
       ["cataloguing_metadata", "image_recognition"], "in_preparation", 2, 15, True, 52000, 65,
       (200000, 150000, 160000, 90000, 0, 25000), 6, ["national", "eu_digital_europe", "eu_horizon"],
       240000, ["staff_time", "data_quality", "money"], "Sorin Pavel", "0258 813 300",
       "www.arheoalba.ro",
       txt={"total_expenditure_eur": "1,35 mil. €", "digital_budget_available_eur": "52 mii €",
            "need_infrastructure_eur": "200 mii €", "collection_objects": "cca. 275.000"}),
    mk("Muzeul Jucăriilor de Altădată Sibiu", "Sibiu", "director", "specialised", "private_for_profit",
       False, 27400, 6, 5, 0, 210000, 2300, "exact", 70, 0, 55, 0, "none", "exploring", ["visitor_chatbot"],
       "none", 2, 30, False, 4000, 0, (None, 10000, None, None, None, None), None, ["own_income"], 0,
       ["staff_time"], "Cristina Bălan", "0723 556 901", "www.muzeuljucariilor.ro",
       txt={"digital_budget_available_eur": "4.000 EUR"}),
]
M = NORD_EST + CENTRU


def render(m, f):
    if f in m["_txt"]:
        return m["_txt"][f] or None
    if f in ("_county", "_contact", "_phone", "_web"):
        return m[f]
    v = m.get(f)
    if v is None:
        return None
    if f == "respondent_role":
        return ROLE[v]
    if f == "museum_type":
        return TYPE[v]
    if f == "ownership":
        return OWN[v][m["_own_word"]]
    if f == "collection_objects_precision":
        return "exact" if v == "exact" else "estimat"
    if f == "has_digital_strategy":
        return STRAT[v]
    if f == "ai_status":
        return AIS[v]
    if f == "ai_policy":
        return POL[v]
    if f == "ai_use_cases":
        return "; ".join(USE[x] for x in v)
    if f == "funding_sources":
        return "; ".join(SRC[x] for x in v)
    if f == "main_obstacles":
        return "; ".join(OBS[x] for x in v)
    if isinstance(v, bool):
        return "Da" if v else "Nu"
    if isinstance(v, float):
        return str(v).replace(".", ",")
    return v


def header(ws, r):
    for c, (_, label) in enumerate(COLS, 1):
        cell = ws.cell(r, c, label)
        cell.font = BOLD
        cell.fill = HEAD_FILL
        cell.alignment = CENTER
        cell.border = BOX
    ws.row_dimensions[r].height = 45


def main():
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    ws.cell(1, 1, "Chestionar privind digitizarea, competențele digitale și finanțarea muzeelor – 2025").font = TITLE
    ws.cell(2, 1, "Țara: România").font = BOLD
    ws.cell(3, 1, "Rețeaua muzeelor din regiunile Nord-Est și Centru – centralizator").font = ITALIC
    ws.cell(4, 1, "Sumele sunt exprimate în EUR.").font = ITALIC
    header(ws, 6)
    r = 7
    n = 0
    for title, block, repeat in (("Regiunea Nord-Est", NORD_EST, False), ("Regiunea Centru", CENTRU, True)):
        if repeat:
            r += 1  # blank row between blocks
        ws.cell(r, 1, title).font = BOLD
        ws.cell(r, 1).fill = GROUP_FILL
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=6)
        r += 1
        if repeat:
            header(ws, r)
            r += 1
        for m in block:
            n += 1
            for c, (f, _) in enumerate(COLS, 1):
                v = n if f == "_nr" else render(m, f)
                cell = ws.cell(r, c, v)
                cell.border = BOX
                cell.alignment = WRAP
                if isinstance(v, int) and (f.endswith("_eur") or f in ("annual_visits", "collection_objects")):
                    cell.number_format = "#,##0"
            r += 1
    r += 1
    notes = ["Note:", "N/A, „-” sau „nu știu” = fără răspuns.",
             "Necesarul de finanțare = suma totală necesară pentru atingerea obiectivelor până în 2030.",
             "Procentele se raportează la numărul total de obiecte din colecții."]
    for t in notes:
        ws.cell(r, 2, t).font = ITALIC
        r += 1
    widths = {1: 6, 2: 40, 3: 12}
    for c in range(1, len(COLS) + 1):
        ws.column_dimensions[get_column_letter(c)].width = widths.get(c, 30 if COLS[c - 1][0] in (
            "ai_use_cases", "funding_sources", "main_obstacles") else 14)
    ws.freeze_panes = "C7"

    ls = wb.create_sheet("Liste")
    lists = [("Tip muzeu", TYPE.values()), ("Strategie digitală", STRAT.values()),
             ("IA – stadiu", AIS.values()), ("Politică IA", POL.values()),
             ("Surse de finanțare", SRC.values()), ("Obstacole", OBS.values())]
    for c, (h, vals) in enumerate(lists, 1):
        ls.cell(1, c, h).font = BOLD
        for i, v in enumerate(vals, 2):
            ls.cell(i, c, v)
        ls.column_dimensions[get_column_letter(c)].width = 30
    wb.save(out_path(FILE))

    fields = [f for f, _ in COLS if not f.startswith("_")]
    museums = [{k: v for k, v in m.items() if not k.startswith("_")} for m in M]
    write_truth(
        FILE, SHEET, museums,
        ["Regiunea Nord-Est", "Regiunea Centru", "Denumirea muzeului"] + notes,
        "Data on the first sheet 'Chestionar' ('Liste' holds drop-down lists). Title block with 'Țara: "
        "România' (country RO for all rows) and 'Sumele sunt exprimate în EUR'. Header in row 6 (short "
        "labels). The museums come in two regional blocks, each introduced by a merged section row "
        "('Regiunea Nord-Est', 'Regiunea Centru'); the second block repeats the header row (pasted from "
        "another coordinator) after a blank row. 'Nr. crt.' is a running number, not an ID; 'Județ' holds "
        "county names, not NUTS codes. Money uses Romanian forms: '45 mii €' = 45000, '2,4 mil. €' = "
        "2400000, '1,35 mil. €' = 1350000, '8.000 €' = 8000, 'cca. 275.000' objects = 275000. Decimal comma "
        "in '3,5' / '1,5'. Several-answer cells are separated by ';' and the obstacles of the first museum "
        "carry ranking numbers ('1. lipsa fondurilor; 2. ...'). 'N/A', '-', 'nu știu' and empty cells are "
        "null. Roles: muzeograf = collections, informatician = digital_it, contabil-șef = finance_admin, "
        "referent relații publice = other. 'complex muzeal (mixt)' = general_mixed; 'monument istoric / sit' "
        "= monument_site; Consiliul Județean/Primăria = regional_local_authority; Ministerul Culturii = "
        "national_state; fundație = private_nonprofit; SRL (privat) = private_for_profit. 'buget "
        "local/județean' = regional_local; 'PNRR / fonduri structurale' = eu_structural_rrf. AI literacy is "
        "the 1-4 code. Contact person and phone are personal data.",
        fields=fields)


if __name__ == "__main__":
    main()
