"""DK: ODM-style member survey, xlsx, instructions sheet + data sheet with title block,
merged group header, units row, 'I alt' totals row and footnotes."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import fmt, truth_row, write_truth
from openpyxl import Workbook
from openpyxl.styles import Font, Alignment, PatternFill, Border, Side
from openpyxl.utils import get_column_letter as L

OUT = os.path.join(os.environ["FILE_CORPUS_OUT"], "dk_museer_digital_kortlaegning_2025.xlsx")

TYPE = {"art": "Kunstmuseum", "regional_local": "Lokalhistorisk museum", "natural_history_science": "Naturhistorisk museum",
        "science_technology": "Teknisk museum", "monument_site": "Fortidsminde / borgruin", "history": "Historisk museum",
        "archaeology": "Arkæologisk museum", "specialised": "Specialmuseum", "general_mixed": "Blandet (kunst og kulturhistorie)"}
OWN = {"private_nonprofit": "Selvejende institution (fond)", "regional_local_authority": "Kommunalt",
       "national_state": "Statsligt", "private_for_profit": "Privat (ApS)"}
STRAT = {"written": "Ja, skriftlig", "unwritten": "Ja, men ikke nedskrevet", "none": "Nej"}
AI = {"none": "Ingen brug", "exploring": "Undersøger muligheder", "pilot": "Pilotprojekt", "in_production": "I drift"}
SRC = {"national": "Statslige tilskud", "regional_local": "Kommune/region", "private_sponsorship": "Private fonde og sponsorer",
       "own_income": "Egenindtægter", "eu_horizon": "EU Horizon Europe", "eu_digital_europe": "EU Digital Europe",
       "eu_creative_europe": "EU Kreativt Europa"}
OBS = {"money": "Økonomi", "staff_time": "Tid/personale", "skills": "Kompetencer", "copyright": "Ophavsret",
       "infrastructure": "IT-infrastruktur", "leadership_strategy": "Ledelse/strategi", "data_quality": "Datakvalitet"}
REG = {"DK01": "DK01 Hovedstaden", "DK02": "DK02 Sjælland", "DK03": "DK03 Syddanmark", "DK04": "DK04 Midtjylland", "DK05": "DK05 Nordjylland"}

SK = ["skill_info_data", "skill_communication", "skill_content_creation", "skill_safety", "skill_problem_solving"]
NEEDS = ["need_infrastructure_eur", "need_equipment_eur", "need_human_resources_eur", "need_data_metadata_eur",
         "need_copyright_clearance_eur", "need_training_eur"]

def M(name, reg, typ, own, acc, vis, fte, fdig, obj, est, cat, dig, d3, onl, strat, ai, skills, budget, needs, src, obs,
      contact, mail, rem="", raw=None):
    r = dict(museum_name=name, country="DK", region_nuts2=reg, museum_type=typ, ownership=own, accredited=acc,
             annual_visits=vis, staff_paid_fte=fte, staff_fte_digital=fdig, collection_objects=obj,
             collection_objects_precision=(None if obj is None else ("estimate" if est else "exact")),
             pct_catalogued_db=cat, pct_digitised=dig, pct_digitised_3d=d3, pct_online=onl, has_digital_strategy=strat,
             ai_status=ai, digital_budget_available_eur=budget, funding_sources=src, main_obstacles=obs,
             _contact=contact, _mail=mail, _rem=rem, _raw=raw or {})
    for k, v in zip(SK, skills): r[k] = v
    for k, v in zip(NEEDS, needs): r[k] = v
    return r

rows = [
 M("Kunstmuseet Ålykke", "DK04", "art", "private_nonprofit", True, 48500, 22.5, 2.0, 6850, False, 100, 92, 0, 88,
   "written", "exploring", (4, 4, 3, 4, 3), 85000, (60000, 25000, 150000, 40000, 30000, 20000),
   ["national", "own_income", "private_sponsorship"], ["money", "copyright"], "Mette Kjærgaard", "mk@kunstmuseet-aalykke.dk",
   raw={"pct_online": "88 %", "digital_budget_available_eur": "85.000"}),
 M("Egnsmuseet Fjordhøj", "DK03", "regional_local", "regional_local_authority", True, 12300, 9.0, 0.5, 145000, True, 62, 18, 0.5, 15,
   "unwritten", "none", (3, 3, 2, 3, 2), 22000, (40000, 15000, 120000, 60000, 5000, 15000),
   ["regional_local", "national"], ["money", "staff_time", "skills"], "Jens Østergaard", "jo@fjordhoej.dk",
   raw={"pct_digitised_3d": "0,5", "staff_fte_digital": "0,5"}, rem="Tal for samlingen er et skøn fra 2019"),
 M("Naturhistorisk Samling Bornholm", "DK01", "natural_history_science", "private_nonprofit", True, 31000, 14.0, 1.5, 420000, True, 35, 8, 1.2, 6,
   "written", "pilot", (4, 3, 3, 3, 4), 40000, (180000, 95000, 200000, 120000, None, 25000),
   ["national", "private_sponsorship", "eu_horizon"], ["money", "data_quality"], "Søren Holm", "sh@nhsb.dk",
   raw={"pct_digitised_3d": "1,2", "need_copyright_clearance_eur": "-"}),
 M("Teknikmuseet Skovlyst", "DK02", "science_technology", "private_nonprofit", True, 67800, 31.0, 3.0, 38000, False, 88, 41, 6, 35,
   "written", "in_production", (5, 5, 4, 5, 5), 210000, (90000, 140000, 180000, 50000, 10000, 30000),
   ["national", "own_income", "eu_digital_europe"], ["staff_time", "infrastructure"], "Anne-Sofie Bæk", "asb@skovlyst-teknik.dk"),
 M("Vordingholm Borgruin og Voldsted", "DK02", "monument_site", "national_state", False, 154000, 6.5, 0, 1200, True, 40, 25, 20, 10,
   "none", "none", (2, 3, 2, 2, 2), 5000, (None, 75000, None, 10000, None, None),
   ["national"], ["money", "skills", "staff_time"], "Poul Frederiksen", "pf@slks-borge.dk",
   rem="3D-scanning af ruinen ønskes"),
 M("Besættelsesmuseet Nordkysten", "DK05", "history", "private_nonprofit", True, 22400, 7.0, 1.0, 18500, False, 95, 70, 2, 64,
   "written", "exploring", (4, 4, 4, 3, 3), 30000, (20000, 10000, 60000, 15000, 45000, 10000),
   ["national", "private_sponsorship", "own_income"], ["copyright", "money"], "Karen Møller", "km@besaettelse-nord.dk"),
 M("Arkæologisk Museum Limfjorden", "DK05", "archaeology", "regional_local_authority", True, 9100, 11.5, 1.0, 250000, True, 70, 12, 0.8, 9,
   "unwritten", "none", (None,) * 5, None, (None,) * 6,
   None, ["money", "staff_time"], "Lars Vestergaard", "lv@amlimfjord.dk",
   raw={"digital_budget_available_eur": "ved ikke", "pct_digitised_3d": "0,8"}, rem="Kompetencedelen ikke udfyldt"),
 M("Møbel- og Designmuseet Tørning", "DK03", "specialised", "private_for_profit", False, 15600, 4.0, 0.8, 3400, False, 100, 100, 15, 100,
   "written", "pilot", (5, 6, 6, 4, 5), 18000, (None, 20000, 30000, None, None, None),
   ["own_income", "private_sponsorship"], ["staff_time"], "Ida Løvgren", "ida@toerning-design.dk"),
 M("Kystmuseet Espergærde", "DK01", "general_mixed", "regional_local_authority", True, 41000, 18.0, 2.5, 72000, True, 81, 33, 1, 30,
   "written", "exploring", (4, 4, 3, 3, 3), 65000, (30000, 20000, 90000, 80000, 20000, 15000),
   ["regional_local", "national", "eu_creative_europe"], ["money", "staff_time", "data_quality"], "Birgitte Aagaard", "ba@kystmuseet.dk"),
]

# columns: (group, header, unit, field, kind)
COLS = [
 ("Museum", "Museum", "", "museum_name", "text"),
 ("Museum", "Land", "", "country", "land"),
 ("Museum", "Region (NUTS 2)", "", "region_nuts2", "region"),
 ("Museum", "Museumstype", "", "museum_type", ("enum", TYPE)),
 ("Museum", "Ejerforhold", "", "ownership", ("enum", OWN)),
 ("Museum", "Statsanerkendt", "ja/nej", "accredited", "bool"),
 ("Besøg og personale", "Besøgende 2024", "antal", "annual_visits", "int"),
 ("Besøg og personale", "Årsværk i alt", "årsværk", "staff_paid_fte", "dec"),
 ("Besøg og personale", "heraf digitalt", "årsværk", "staff_fte_digital", "dec"),
 ("Samling og digitalisering", "Genstande i samlingen", "antal", "collection_objects", "obj"),
 ("Samling og digitalisering", "Registreret i database", "%", "pct_catalogued_db", "pct"),
 ("Samling og digitalisering", "Digitaliseret", "%", "pct_digitised", "pct"),
 ("Samling og digitalisering", "heraf i 3D", "% af samlingen", "pct_digitised_3d", "pct"),
 ("Samling og digitalisering", "Tilgængeligt online", "%", "pct_online", "pct"),
 ("Strategi og AI", "Digital strategi", "", "has_digital_strategy", ("enum", STRAT)),
 ("Strategi og AI", "Brug af kunstig intelligens (AI)", "", "ai_status", ("enum", AI)),
 ("Digitale kompetencer, typisk niveau (DigComp 1-8)", "Information og data", "1-8", SK[0], "int"),
 ("Digitale kompetencer, typisk niveau (DigComp 1-8)", "Kommunikation og samarbejde", "1-8", SK[1], "int"),
 ("Digitale kompetencer, typisk niveau (DigComp 1-8)", "Digitalt indhold", "1-8", SK[2], "int"),
 ("Digitale kompetencer, typisk niveau (DigComp 1-8)", "Sikkerhed", "1-8", SK[3], "int"),
 ("Digitale kompetencer, typisk niveau (DigComp 1-8)", "Problemløsning", "1-8", SK[4], "int"),
 ("Budget", "Digitalt budget pr. år", "EUR", "digital_budget_available_eur", "money"),
 ("Finansieringsbehov frem til 2030", "Infrastruktur", "EUR", NEEDS[0], "money"),
 ("Finansieringsbehov frem til 2030", "Udstyr", "EUR", NEEDS[1], "money"),
 ("Finansieringsbehov frem til 2030", "Personale", "EUR", NEEDS[2], "money"),
 ("Finansieringsbehov frem til 2030", "Data og metadata", "EUR", NEEDS[3], "money"),
 ("Finansieringsbehov frem til 2030", "Rettighedsafklaring", "EUR", NEEDS[4], "money"),
 ("Finansieringsbehov frem til 2030", "Kompetenceudvikling", "EUR", NEEDS[5], "money"),
 ("Finansiering og barrierer", "Finansieringskilder (flere svar mulige)", "", "funding_sources", ("multi", SRC, "\n")),
 ("Finansiering og barrierer", "Største barrierer (max 3)", "", "main_obstacles", ("multi", OBS, ", ")),
 ("Kontakt", "Kontaktperson", "", "_contact", "text"),
 ("Kontakt", "E-mail", "", "_mail", "text"),
 ("Kontakt", "Bemærkninger", "", "_rem", "text"),
]

def cell_value(r, field, kind):
    if field in r["_raw"]:
        return r["_raw"][field], None
    v = r.get(field)
    if field.startswith("skill_") and v is None:
        return None, None
    if v is None:
        return None, None
    if kind == "land": return "Danmark", None
    if kind == "region": return REG[v], None
    if kind == "bool": return ("ja" if v else "nej"), None
    if kind == "obj":
        if r["collection_objects_precision"] == "estimate":
            return fmt(v, ".", ",") + "*", None
        return v, "#,##0"
    if kind in ("int",): return v, "#,##0" if v >= 1000 else "0"
    if kind == "dec": return v, "0.0"
    if kind == "pct": return v, "0"
    if kind == "money": return v, "#,##0"
    if isinstance(kind, tuple) and kind[0] == "enum": return kind[1][v], None
    if isinstance(kind, tuple) and kind[0] == "multi": return kind[2].join(kind[1][c] for c in v), None
    return v, None

wb = Workbook()
ws0 = wb.active; ws0.title = "Vejledning"
for i, line in enumerate([
    "ODM – Organisationen Danske Museer",
    "Kortlægning af digital modenhed, AI og finansieringsbehov 2025",
    "",
    "Sådan læses arket 'Besvarelser':",
    "• Én linje pr. museum. Beløb er omregnet til EUR af sekretariatet (kurs 7,46).",
    "• Procenter er andele af hele samlingen.",
    "• Kompetenceniveauer er museets egen vurdering af medarbejdernes typiske niveau på DigComp-skalaen 1-8.",
    "• Tomme felter og 'ved ikke' betyder, at spørgsmålet ikke er besvaret.",
    "• Finansieringsbehov er det samlede beløb, museet skønner at mangle for at nå sine mål frem til 2030.",
    "",
    "Spørgsmål: sekretariatet@odm-eksempel.dk"], 1):
    ws0.cell(row=i, column=1, value=line)
ws0["A1"].font = Font(bold=True, size=14); ws0.column_dimensions["A"].width = 110

ws = wb.create_sheet("Besvarelser")
ws["A1"] = "[ODM logo]"; ws["A1"].font = Font(italic=True, color="888888")
ws["B1"] = "Organisationen Danske Museer"; ws["B1"].font = Font(bold=True, size=14)
ws["B2"] = "Kortlægning af digital modenhed og finansieringsbehov 2025 – samlede besvarelser"
ws["B3"] = "Udfyldt af sekretariatet på baggrund af medlemmernes besvarelser, marts 2025"
GR, HR, UR = 5, 6, 7
fill = PatternFill("solid", fgColor="DDEBF7"); thin = Side(style="thin", color="999999")
# group header with merges
start = 1
for ci in range(1, len(COLS) + 2):
    g = COLS[ci - 1][0] if ci <= len(COLS) else None
    if ci > len(COLS) or g != COLS[start - 1][0]:
        ws.cell(row=GR, column=start, value=COLS[start - 1][0]).font = Font(bold=True)
        ws.cell(row=GR, column=start).alignment = Alignment(horizontal="center")
        if ci - 1 > start:
            ws.merge_cells(start_row=GR, start_column=start, end_row=GR, end_column=ci - 1)
        start = ci
for ci, (g, h, u, f, k) in enumerate(COLS, 1):
    c = ws.cell(row=HR, column=ci, value=h); c.font = Font(bold=True); c.fill = fill
    c.alignment = Alignment(wrap_text=True, vertical="top")
    ws.cell(row=UR, column=ci, value=u or None).font = Font(italic=True)
    ws.column_dimensions[L(ci)].width = 30 if ci in (1, 29, 30, 33) else 14
r0 = UR + 1
for ri, r in enumerate(rows):
    for ci, (g, h, u, f, k) in enumerate(COLS, 1):
        v, nf = cell_value(r, f, k)
        c = ws.cell(row=r0 + ri, column=ci, value=v)
        if nf: c.number_format = nf
        if isinstance(v, str) and "\n" in v: c.alignment = Alignment(wrap_text=True, vertical="top")
tot = r0 + len(rows)
ws.cell(row=tot, column=1, value="I alt").font = Font(bold=True)
for ci, (g, h, u, f, k) in enumerate(COLS, 1):
    if f in ["annual_visits", "staff_paid_fte", "staff_fte_digital", "digital_budget_available_eur"] + NEEDS:
        s = sum(r[f] for r in rows if r.get(f) is not None)
        c = ws.cell(row=tot, column=ci, value=s); c.font = Font(bold=True)
        c.number_format = "#,##0" if s >= 1000 else "0.0"
notes = ["* Skøn. Øvrige genstandstal er optalt i museets registreringsdatabase.",
         "Tomme felter og 'ved ikke' = ikke besvaret. '-' = ikke relevant/ikke besvaret.",
         "Beløb i EUR (omregnet fra DKK, kurs 7,46).",
         "Kilde: ODM medlemsundersøgelse 2025."]
for i, n in enumerate(notes):
    ws.cell(row=tot + 2 + i, column=1, value=n).font = Font(italic=True, size=9)
ws.freeze_panes = "B8"
wb.save(OUT)

fields = [c[3] for c in COLS if not c[3].startswith("_")] + ["collection_objects_precision"]
museums = [truth_row(r, fields) for r in rows]
write_truth(OUT + ".truth.json", OUT.split("/")[-1], "Besvarelser", museums, ["I alt"] + notes,
 "Two sheets: 'Vejledning' (instructions only) and 'Besvarelser' (data). Data sheet: logo text and 3-line title block, "
 "blank row, row 5 merged group headers, row 6 column headers (Danish short labels), row 7 units row (antal, årsværk, %, EUR, 1-8), "
 "9 museums in rows 8-16, 'I alt' totals row (sums of visits, FTE, budget, needs) then 4 footnote lines. "
 "Country is a column 'Land' = 'Danmark'. Region column holds 'DK0x Name' -> region_nuts2 = the code. "
 "Collection counts followed by '*' are estimates (text cell like '145.000*', Danish thousands dot); the footnote says all other counts are "
 "exact (counted from the database), hence collection_objects_precision exact/estimate. Some numbers typed as text in Danish format "
 "('0,5', '1,2', '85.000', '88 %'). 'ved ikke' and '-' = not answered. Money is already in EUR. Multi-selects: funding sources separated by "
 "line breaks, obstacles by ', '. 'Selvejende institution (fond)' read as private_nonprofit; 'Statsanerkendt' = national accreditation. "
 "Contact name/e-mail are personal data; 'Bemærkninger' is a free remark column. Needs are 'frem til 2030' (no explicit horizon column, "
 "so funding_horizon_years not given). Arkæologisk Museum Limfjorden left skills, budget, needs and funding sources blank.")
print("wrote", OUT)
