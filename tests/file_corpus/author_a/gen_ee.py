"""EE: network coordinator workbook, xlsx. Metadata block (country only there), merged group headers, blank spacer
columns, percentages stored as fractions with Excel % format, funding sources as one 'x' column per option,
'Kokku' totals row, '—' = no answer."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import truth_row, write_truth
from openpyxl import Workbook
from openpyxl.styles import Font, Alignment, PatternFill
from openpyxl.utils import get_column_letter as L
import datetime

OUT = os.path.join(os.environ["FILE_CORPUS_OUT"], "Eesti_muuseumide_digiuuring_2025.xlsx")
ROLE = {"director": "Direktor", "collections": "Kogude juht", "digital_it": "IT-spetsialist", "finance_admin": "Finantsjuht",
        "other": "Haridusjuht"}
TYPE = {"art": "Kunstimuuseum", "science_technology": "Tehnikamuuseum", "natural_history_science": "Loodusmuuseum",
        "history": "Ajaloomuuseum", "monument_site": "Mälestis / linnus", "ethnography_anthropology": "Etnograafiamuuseum",
        "regional_local": "Maakonnamuuseum"}
OWN = {"national_state": "Riik", "regional_local_authority": "Kohalik omavalitsus", "private_nonprofit": "MTÜ"}
STRAT = {"written": "Kirjalik", "unwritten": "Kirjutamata", "none": "Puudub"}
AI = {"none": "Ei kasuta", "exploring": "Uurime võimalusi", "pilot": "Pilootprojekt", "in_production": "Igapäevases kasutuses"}
POL = {"none": "Puudub", "in_preparation": "Koostamisel", "adopted": "Kinnitatud"}
OBS = {"money": "raha", "staff_time": "töötajate aeg", "skills": "oskused", "copyright": "autoriõigus", "infrastructure": "taristu",
       "leadership_strategy": "juhtimine/strateegia", "data_quality": "andmete kvaliteet"}
SRC = [("national", "Riik"), ("regional_local", "KOV"), ("eu_structural_rrf", "EL struktuurifondid"), ("eu_horizon", "Euroopa Horisont"),
       ("eu_creative_europe", "Loov Euroopa"), ("eu_digital_europe", "Digitaalne Euroopa"), ("private_sponsorship", "Sponsorid"),
       ("own_income", "Omatulu")]

def M(name, role, typ, own, vis, obj, dig, d3, nn, onl, imm, fte, fdig, fai, strat, ai, pol, assess, plan, lit, budget, eu, needs,
      hor, src, obs, mail, raw=None):
    r = dict(museum_name=name, country="EE", respondent_role=role, museum_type=typ, ownership=own, annual_visits=vis,
             collection_objects=obj, pct_digitised=dig, pct_digitised_3d=d3, pct_no_need_digitise=nn, pct_online=onl,
             staff_paid_fte=fte, staff_fte_digital=fdig, staff_fte_data_ai=fai, has_digital_strategy=strat, ai_status=ai,
             ai_policy=pol, skills_assessment_done=assess, training_plan=plan, skill_ai_literacy=lit,
             digital_budget_available_eur=budget, eu_funding_received_eur=eu, funding_horizon_years=hor, funding_sources=src,
             main_obstacles=obs, _mail=mail, _raw=raw or {})
    for k, v in zip(["immovable_at_risk_n", "immovable_at_risk_3d_n", "immovable_most_visited_n", "immovable_most_visited_3d_n"],
                    imm or (None,) * 4): r[k] = v
    for k, v in zip(["need_infrastructure_eur", "need_equipment_eur", "need_human_resources_eur", "need_training_eur"], needs): r[k] = v
    return r

rows = [
 M("Kunstimuuseum Männiku Villa", "director", "art", "regional_local_authority", 28400, 12300, 87, 2, 5, 80, None, 14.5, 1.5, 0.5,
   "written", "exploring", "in_preparation", True, True, 2, 45000, 0, (20000, 15000, 60000, 10000), 5,
   ["national", "regional_local", "own_income"], ["money", "staff_time"], "info@mannikuvilla.ee"),
 M("Raudtee- ja Tehnikamuuseum Jõeääre", "digital_it", "science_technology", "private_nonprofit", 19600, 8900, 62, 8, 10, 55, None,
   8, 1, 0, "unwritten", "pilot", "none", False, False, 3, 12000, 35000, (30000, 45000, 25000, 8000), 3,
   ["eu_digital_europe", "private_sponsorship", "own_income"], ["skills", "money"], "tehnika@joeaare-muuseum.ee"),
 M("Loodusmuuseum Rabaserva", "collections", "natural_history_science", "national_state", 95000, 310000, 15, 0.5, 25, 12, None,
   41, 4, 1, "written", "pilot", "in_preparation", True, True, 2, 160000, 220000, (150000, 90000, 180000, 40000), 5,
   ["national", "eu_structural_rrf", "eu_horizon"], ["money", "data_quality", "infrastructure"], "kogud@rabaserva.ee"),
 M("Ajaloomuuseum Vana Raekoda", "finance_admin", "history", "regional_local_authority", 134500, 65000, 48, 1, 8, 41, None,
   26, 2.5, 0.5, "written", "in_production", "adopted", True, True, 3, 88000, 0, (50000, 20000, 70000, 15000), None,
   ["national", "regional_local", "own_income"], ["staff_time", "copyright"], "finants@vanaraekoda.ee",
   raw={"funding_horizon_years": "—"}),
 M("Kivilinna linnusevaremed ja muuseum", "director", "monument_site", "national_state", 210000, 1800, 35, 20, 30, 30, (4, 2, 3, 1),
   11, 1, 0, "written", "exploring", "none", False, True, 2, 30000, 150000, (40000, 120000, 30000, 10000), 5,
   ["national", "eu_structural_rrf", "own_income"], ["money", "skills"], "direktor@kivilinna.ee"),
 M("Rahvakultuurimuuseum Kaseküla", "other", "ethnography_anthropology", "private_nonprofit", 6300, 21000, 29, 0, 15, 22, None,
   4.5, 0.5, 0, "none", "none", "none", False, False, 1, 3500, None, (10000, 12000, 20000, 5000), 5,
   ["regional_local", "own_income", "private_sponsorship"], ["money", "staff_time", "skills"], "kasekyla.muuseum@mail-naide.ee",
   raw={"eu_funding_received_eur": "ei tea"}),
 M("Rannaküla Maakonnamuuseum", "collections", "regional_local", "regional_local_authority", 11900, 54000, 40, 0.5, 10, 38, None,
   9.5, 1, 0, "unwritten", "exploring", "none", True, False, 2, 14000, 18000, (15000, 10000, None, 6000), 5,
   ["regional_local", "national", "eu_structural_rrf"], ["money"], "rannakyla@muuseum-naide.ee",
   raw={"need_human_resources_eur": "—"}),
]

# (group, header, field, kind)
COLS = [
 ("Muuseum", "Muuseum", "museum_name", "text"), ("Muuseum", "Vastaja roll", "respondent_role", ROLE),
 ("Muuseum", "Muuseumi liik", "museum_type", TYPE), ("Muuseum", "Omandivorm", "ownership", OWN),
 ("Muuseum", "Külastusi 2024", "annual_visits", "int"),
 None,
 ("Kogud ja digiteerimine", "Museaale kokku", "collection_objects", "int"),
 ("Kogud ja digiteerimine", "Digiteeritud", "pct_digitised", "pct"),
 ("Kogud ja digiteerimine", "sh 3D (kogu kogust)", "pct_digitised_3d", "pct"),
 ("Kogud ja digiteerimine", "Ei vaja digiteerimist", "pct_no_need_digitise", "pct"),
 ("Kogud ja digiteerimine", "Veebis kättesaadav", "pct_online", "pct"),
 ("Kogud ja digiteerimine", "Ohustatud mälestised (arv)", "immovable_at_risk_n", "int"),
 ("Kogud ja digiteerimine", "neist 3D-digiteeritud", "immovable_at_risk_3d_n", "int"),
 ("Kogud ja digiteerimine", "Enimkülastatud mälestised (arv)", "immovable_most_visited_n", "int"),
 ("Kogud ja digiteerimine", "neist 3D-digiteeritud ", "immovable_most_visited_3d_n", "int"),
 None,
 ("Töötajad, oskused ja TI", "Töötajad (TTE)", "staff_paid_fte", "dec"),
 ("Töötajad, oskused ja TI", "sh digitöö (TTE)", "staff_fte_digital", "dec"),
 ("Töötajad, oskused ja TI", "sh andme-/TI-spetsialistid (TTE)", "staff_fte_data_ai", "dec"),
 ("Töötajad, oskused ja TI", "Digistrateegia", "has_digital_strategy", STRAT),
 ("Töötajad, oskused ja TI", "Tehisintellekti (TI) kasutus", "ai_status", AI),
 ("Töötajad, oskused ja TI", "TI-poliitika", "ai_policy", POL),
 ("Töötajad, oskused ja TI", "Oskuste hindamine tehtud", "skills_assessment_done", "bool"),
 ("Töötajad, oskused ja TI", "Koolituskava olemas", "training_plan", "bool"),
 ("Töötajad, oskused ja TI", "TI-kirjaoskus (1 puudub – 4 oskab juurutada ja hinnata)", "skill_ai_literacy", "int"),
 None,
 ("Rahastamine (EUR)", "Digieelarve aastas", "digital_budget_available_eur", "eur"),
 ("Rahastamine (EUR)", "EL-toetus viimase 3 a jooksul", "eu_funding_received_eur", "eur"),
 ("Rahastamine (EUR)", "Vajadus: taristu", "need_infrastructure_eur", "eur"),
 ("Rahastamine (EUR)", "Vajadus: seadmed", "need_equipment_eur", "eur"),
 ("Rahastamine (EUR)", "Vajadus: personal", "need_human_resources_eur", "eur"),
 ("Rahastamine (EUR)", "Vajadus: koolitus", "need_training_eur", "eur"),
 ("Rahastamine (EUR)", "Vajaduse periood (aastat)", "funding_horizon_years", "int"),
] + [("Rahastusallikad (märgi x)", lab, "src:" + code, "src") for code, lab in SRC] + [
 ("Takistused", "Peamised takistused (kuni 3)", "main_obstacles", ("multi", OBS)),
 ("Kontakt", "E-post", "_mail", "text"),
]

def cell(r, f, k):
    if f in r["_raw"]: return r["_raw"][f], None
    if k == "src": return ("x" if f[4:] in r["funding_sources"] else None), None
    v = r.get(f)
    if v is None: return None, None
    if k == "pct": return round(v / 100, 6), ("0.0%" if not float(v).is_integer() else "0%")
    if k == "int": return v, "# ##0" if v >= 1000 else "0"
    if k == "dec": return v, "0.0"
    if k == "eur": return v, '# ##0 "€"'
    if k == "bool": return ("jah" if v else "ei"), None
    if isinstance(k, dict): return k[v], None
    if isinstance(k, tuple): return ", ".join(k[1][c] for c in v), None
    return v, None

wb = Workbook(); ws = wb.active; ws.title = "Küsitlus 2025"
ws["A1"] = "[LOGO] EMDV – Eesti Muuseumide Digivõrgustik"; ws["A1"].font = Font(bold=True, size=14)
ws["A2"] = "Muuseumide digiküpsuse ja rahastamisvajaduse uuring 2025"; ws["A2"].font = Font(size=12)
ws["A4"] = "Riik:"; ws["B4"] = "Eesti"
ws["A5"] = "Koostaja:"; ws["B5"] = "Kadri Tamm, võrgustiku koordinaator"
ws["A6"] = "Koostatud:"; ws["B6"] = datetime.date(2025, 3, 15); ws["B6"].number_format = "dd.mm.yyyy"
for a in ("A4", "A5", "A6"): ws[a].font = Font(bold=True)
GR, HR = 8, 9
grey = PatternFill("solid", fgColor="FCE4D6")
ci = 1; spans = []
for c in COLS:
    if c is None:
        ws.column_dimensions[L(ci)].width = 2; ci += 1; continue
    g, h, f, k = c
    x = ws.cell(row=HR, column=ci, value=h); x.font = Font(bold=True); x.fill = grey
    x.alignment = Alignment(wrap_text=True, vertical="top")
    ws.column_dimensions[L(ci)].width = 34 if ci == 1 else (7 if k == "src" else 14)
    if spans and spans[-1][0] == g and spans[-1][2] == ci - 1: spans[-1][2] = ci
    else: spans.append([g, ci, ci])
    ci += 1
for g, a, b in spans:
    x = ws.cell(row=GR, column=a, value=g); x.font = Font(bold=True); x.alignment = Alignment(horizontal="center")
    if b > a: ws.merge_cells(start_row=GR, start_column=a, end_row=GR, end_column=b)
ws.row_dimensions[HR].height = 60
for ri, r in enumerate(rows, HR + 1):
    ci = 1
    for c in COLS:
        if c is not None:
            v, nf = cell(r, c[2], c[3]); x = ws.cell(row=ri, column=ci, value=v)
            if nf: x.number_format = nf
        ci += 1
tot = HR + 1 + len(rows)
ws.cell(row=tot, column=1, value="Kokku").font = Font(bold=True)
ci = 1
for c in COLS:
    if c is not None and c[3] in ("int", "dec", "eur") and c[2] not in ("funding_horizon_years", "skill_ai_literacy"):
        vals = [r[c[2]] for r in rows if r.get(c[2]) is not None]
        if vals:
            x = ws.cell(row=tot, column=ci, value=sum(vals)); x.font = Font(bold=True)
            x.number_format = '# ##0 "€"' if c[3] == "eur" else ("0.0" if c[3] == "dec" else "# ##0")
    ci += 1
foot = ["Märkus: „—“ ja „ei tea“ = vastust ei ole. Protsendid on osakaal kogu kogust.",
        "Mälestiste veerud täidetakse ainult kinnismälestisi haldavate muuseumide puhul."]
for i, t in enumerate(foot):
    ws.cell(row=tot + 2 + i, column=1, value=t).font = Font(italic=True, size=9)
ws.freeze_panes = ws.cell(row=HR + 1, column=2)
wb.save(OUT)

fields = [c[2] for c in COLS if c and not c[2].startswith("_") and not c[2].startswith("src:")] + ["funding_sources"]
museums = [truth_row(r, fields) for r in rows]
write_truth(OUT + ".truth.json", OUT.split("/")[-1], "Küsitlus 2025", museums, ["Kokku"] + foot,
 "Single sheet 'Küsitlus 2025'. Rows 1-2 logo/title text; rows 4-6 a key/value metadata block: 'Riik: Eesti' (the ONLY place the "
 "country appears -> EE for every museum), compiler name (personal data) and compilation date 15.03.2025 (not a reference date per "
 "museum, so reference_date not given). Row 8 merged group headers, row 9 column headers (Estonian short labels), 7 museums rows 10-16, "
 "'Kokku' totals row 17, footnotes below. Three narrow EMPTY spacer columns (F, P, Z) between groups. Percent columns hold fractions "
 "(0.87, 0.005) with Excel percent number format (displayed 87%, 0.5%) -> canonical 87, 0.5. Money numeric with '# ##0 \"€\"' format. "
 "Funding sources are one column per option (Riik=national, KOV=regional_local, EL struktuurifondid=eu_structural_rrf, Euroopa "
 "Horisont=eu_horizon, Loov Euroopa=eu_creative_europe, Digitaalne Euroopa=eu_digital_europe, Sponsorid=private_sponsorship, "
 "Omatulu=own_income) marked 'x'. Obstacles comma-separated Estonian words. Booleans jah/ei. '—' and 'ei tea' = not answered; 0 is a "
 "real answer (EU funding 0). Only four of the six need pillars are asked (infrastructure, equipment, HR, training). The monument "
 "site has the immovable-at-risk / most-visited counts; other museums leave them blank. MTÜ (non-profit association) -> "
 "private_nonprofit; 'Haridusjuht' (head of education) -> other. 'E-post' column is personal data.")
print("wrote", OUT)
