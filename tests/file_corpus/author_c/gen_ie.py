# IE: multi-row title block, two-row grouped header with merged cells, percent-formatted cells,
# totals row (SUM formulas with cached values) and footnotes under the table.
import os
from openpyxl import Workbook
from openpyxl.styles import Font, Alignment, PatternFill, Border, Side
from openpyxl.utils import get_column_letter
from gen_common import OUT, truth, check, inject_cached

FN = "IE_Regional_Museums_Digital_Capacity_Returns_2025.xlsx"
SHEET = "Returns 2025"
TYPE = {"regional_local": "County / local museum", "art": "Art gallery", "archaeology": "Archaeology",
        "ethnography_anthropology": "Folk life / ethnography", "natural_history_science": "Natural history",
        "history": "History", "specialised": "Specialist (single theme)", "science_technology": "Science & technology",
        "monument_site": "Historic house / site"}
OWN = {"regional_local_authority": "Local authority", "private_nonprofit": "Independent (charity / trust)",
       "national_state": "State (OPW / national)", "other_public": "University (other public body)"}
STRAT = {"written": "Yes - written", "unwritten": "Yes - not written down", "none": "No"}
AI = {"none": "Not using", "exploring": "Exploring", "pilot": "Pilot project", "in_production": "In regular use"}
OBS = {"money": "Money", "staff_time": "Staff time", "skills": "Skills", "copyright": "Copyright",
       "infrastructure": "IT infrastructure", "leadership_strategy": "Leadership / strategy", "data_quality": "Data quality"}
NEEDS = ["need_infrastructure_eur", "need_equipment_eur", "need_human_resources_eur", "need_data_metadata_eur",
         "need_copyright_clearance_eur", "need_training_eur"]

def M(name, county, nuts, typ, own, acc, visits, fte, dfte, obj, est, cat, dig, d3, onl, nn, strat, ai, budget, needs, obs, disp=None):
    m = dict(museum_name=name, country="IE", region_nuts2=nuts, museum_type=typ, ownership=own, accredited=acc,
             annual_visits=visits, staff_paid_fte=fte, staff_fte_digital=dfte, collection_objects=obj,
             pct_catalogued_db=cat, pct_digitised=dig, pct_digitised_3d=d3, pct_online=onl, pct_no_need_digitise=nn,
             has_digital_strategy=strat, ai_status=ai, digital_budget_available_eur=budget, main_obstacles=obs)
    if est:
        m["collection_objects_precision"] = "estimate"
    for k, v in zip(NEEDS, needs):
        m[k] = v
    m["_county"] = county
    m["_disp"] = disp or {}
    return m

mus = [
 M("Shannonside County Museum", "Limerick", "IE05", "regional_local", "regional_local_authority", True, 18450, 6.5, 1.0,
   32000, False, 70, 28, 1, 15, 10, "written", "exploring", 22000, [40000, 25000, 90000, 30000, 5000, 12000],
   ["money", "staff_time", "skills"]),
 M("Glenmara Gallery of Modern Art", "Dublin", "IE06", "art", "private_nonprofit", True, 64200, 14, 2.5,
   2350, False, 100, 92, 0, 80, 0, "written", "pilot", 85000, [60000, 15000, 150000, 20000, 45000, 18000],
   ["money", "copyright", "staff_time"]),
 M("Dún Riada Archaeological Museum", "Sligo", "IE04", "archaeology", "national_state", True, 121000, 38, 4,
   250000, True, 55, 18, 3, 9, 20, "written", "exploring", 140000, [350000, 220000, 480000, 160000, None, 40000],
   ["staff_time", "money", "infrastructure"]),
 M("Carrowkeel Folk Museum", "Mayo", "IE04", "ethnography_anthropology", "private_nonprofit", False, 5300, 1.5, None,
   8000, True, 40, 12, 0, 5, 15, "none", "none", 1500, [8000, 12000, 35000, None, None, 4000],
   ["money", "skills", "staff_time"], disp={"staff_fte_digital": "n/a"}),
 M("Inishbeg Natural History Collection", "Cork", "IE05", "natural_history_science", "other_public", False, 9800, 4, 0.5,
   410000, True, 35, 6, 0.5, 4, 30, "unwritten", "pilot", 30000, [120000, 90000, 200000, 60000, 0, 10000],
   ["staff_time", "data_quality", "money"]),
 M("Ballinacurra Famine and Emigration Museum", "Kildare", "IE06", "history", "regional_local_authority", True, 27600, 5, 1,
   4100, False, 95, 60, 2, 45, 5, "written", "none", 18000, [15000, 10000, 60000, 8000, 3000, 6000],
   ["money", "staff_time", "leadership_strategy"]),
 M("Tóchar Linen Heritage Centre", "Donegal", "IE04", "specialised", "private_nonprofit", False, 3100, 0.8, 0.1,
   1200, False, 20, 10, 0, None, None, "none", "none", None, [None] * 6,
   ["money", "skills"], disp={"digital_budget_available_eur": "?"}),
 M("Corrib Science Works", "Galway", "IE04", "science_technology", "private_nonprofit", False, 210000, 22, 3,
   600, False, 100, 75, 25, 60, 0, "written", "in_production", 120000, [80000, 50000, 100000, 20000, 10000, 25000],
   ["staff_time", "skills", "infrastructure"]),
 M("Slievenamon House and Gardens", "Tipperary", "IE05", "monument_site", "national_state", True, 48900, 9, 1,
   3700, False, 80, 45, 12, 30, 10, "unwritten", "exploring", 25000, [30000, 45000, 70000, 15000, 2000, 8000],
   ["money", "staff_time", "copyright"]),
]
check(mus)

wb = Workbook(); ws = wb.active; ws.title = SHEET
bold = Font(bold=True); hdrfill = PatternFill("solid", fgColor="DDEBF7"); grpfill = PatternFill("solid", fgColor="BDD7EE")
thin = Side(style="thin", color="999999"); box = Border(left=thin, right=thin, top=thin, bottom=thin)
ws["A1"] = "Regional Museums Network Ireland - Digital Capacity Survey 2025"; ws["A1"].font = Font(bold=True, size=14)
ws.merge_cells("A1:L1")
ws["A2"] = "Consolidated returns from member museums (reporting year 2024). Compiled 14/03/2025."
ws["A3"] = "Queries: Network office, survey coordinator - tel. 0818 000 000 (office hours)"
ws["A4"] = "DRAFT - for discussion at the April network meeting"; ws["A4"].font = Font(italic=True, color="C00000")
sub = ["Museum name", "County", "NUTS 2", "Country", "Type of museum", "Governance", "MSPI accredited",
       "Visits 2024", "Paid staff (FTE)", "of which digital (FTE)",
       "No. of objects¹",
       "Catalogued in database", "Digitised (2D or 3D)", "Digitised in 3D", "Available online", "No need to digitise²",
       "Digital strategy?", "Use of AI",
       "Annual digital budget", "Need to 2030: infrastructure", "Need to 2030: equipment", "Need to 2030: staff",
       "Need to 2030: data & metadata", "Need to 2030: copyright clearance", "Need to 2030: training",
       "Main obstacles (top 3)"]
groups = [("Museum", 1, 7), ("Visitors & staff", 8, 10), ("Collection", 11, 11),
          ("Digitisation (% of collection)", 12, 16), ("Strategy & AI", 17, 18),
          ("Funding (EUR)", 19, 25), ("Obstacles", 26, 26)]
HR1, HR2 = 6, 7
for g, a, b in groups:
    c = ws.cell(HR1, a, g); c.font = bold; c.fill = grpfill; c.alignment = Alignment(horizontal="center")
    if b > a:
        ws.merge_cells(start_row=HR1, start_column=a, end_row=HR1, end_column=b)
for i, h in enumerate(sub, 1):
    c = ws.cell(HR2, i, h); c.font = bold; c.fill = hdrfill; c.border = box
    c.alignment = Alignment(wrap_text=True, vertical="top")
ws.row_dimensions[HR2].height = 45
r = HR2 + 1
first = r
for m in mus:
    d = m["_disp"]
    def v(f, conv=lambda x: x):
        if f in d: return d[f]
        x = m.get(f)
        return None if x is None else conv(x)
    obj = m["collection_objects"]
    objcell = f"{obj:,}*" if m.get("collection_objects_precision") == "estimate" else obj
    row = [m["museum_name"], m["_county"], m["region_nuts2"], "Ireland", TYPE[m["museum_type"]], OWN[m["ownership"]],
           "Yes" if m["accredited"] else "No", m["annual_visits"], m["staff_paid_fte"], v("staff_fte_digital"), objcell]
    for f in ["pct_catalogued_db", "pct_digitised", "pct_digitised_3d", "pct_online", "pct_no_need_digitise"]:
        row.append(v(f, lambda x: round(x / 100, 6)))
    row += [STRAT[m["has_digital_strategy"]], AI[m["ai_status"]], v("digital_budget_available_eur")]
    row += [v(k) for k in NEEDS]
    row.append("; ".join(OBS[o] for o in m["main_obstacles"]))
    for i, x in enumerate(row, 1):
        c = ws.cell(r, i, x); c.border = box
        if 12 <= i <= 16 and isinstance(x, float | int):
            c.number_format = "0.0%" if (x * 1000) % 10 else "0%"
        if i in (8,) or i >= 19 and i <= 25:
            if isinstance(x, (int, float)): c.number_format = "#,##0"
        if i == 11 and isinstance(x, int): c.number_format = "#,##0"
    r += 1
last = r - 1
tot = r
ws.cell(tot, 1, "Total (9 returns)").font = bold
cached = {}
for col in [8, 9, 10, 19, 20, 21, 22, 23, 24, 25]:
    L = get_column_letter(col)
    c = ws.cell(tot, col, f"=SUM({L}{first}:{L}{last})"); c.font = bold; c.number_format = "#,##0.0" if col in (9, 10) else "#,##0"
    vals = [ws.cell(rr, col).value for rr in range(first, last + 1)]
    sm = sum(x for x in vals if isinstance(x, (int, float)))
    cached[f"SUM({L}{first}:{L}{last})"] = round(sm, 2)
ws.cell(tot, 11, f"c. {sum(m['collection_objects'] for m in mus):,}").font = bold
for col in range(1, 27):
    ws.cell(tot, col).border = Border(top=Side(style="double"))
foot = ["¹ * = estimated count (no complete inventory yet).",
        "² Share of the collection that the museum does not intend to digitise (e.g. duplicates, bulk archaeological material).",
        "Percentages are shares of the total number of objects. A blank cell means the question was not answered.",
        "Source: member returns received Jan-Feb 2025; figures are self-reported and have not been audited."]
for i, t in enumerate(foot):
    ws.cell(tot + 2 + i, 1, t).font = Font(italic=True, size=9)
widths = {1: 40, 2: 11, 3: 8, 4: 9, 5: 24, 6: 26, 26: 40}
for i in range(1, 27):
    ws.column_dimensions[get_column_letter(i)].width = widths.get(i, 14)
ws.freeze_panes = ws.cell(HR2 + 1, 2)
wb.save(os.path.join(OUT, FN)); inject_cached(os.path.join(OUT, FN), cached)
truth(FN, SHEET, mus, ["Total (9 returns)"] + foot,
      "Single sheet 'Returns 2025'. Rows 1-4 are a title block (title, compiled date, contact line, DRAFT note); row 6 holds "
      "merged group headings (Museum / Visitors & staff / Collection / Digitisation (% of collection) / Strategy & AI / "
      "Funding (EUR) / Obstacles) and row 7 the real column headers; data in rows 8-16. Row 17 is a 'Total (9 returns)' row "
      "with SUM formulas (not a museum), followed by four footnote lines. The five digitisation columns are Excel cells "
      "formatted as percent, so stored as fractions (0.28 displayed 28%) -> canonical 28. 'of which digital (FTE)' = "
      "staff_fte_digital; 'Digitised in 3D' is a share of the whole collection. Object counts with a trailing '*' are text "
      "cells like '250,000*' and per footnote 1 are estimates (collection_objects_precision='estimate'); unstarred counts "
      "have no precision stated, so precision is omitted. MSPI = Irish museum accreditation scheme -> accredited. "
      "'University (other public body)' -> other_public; 'State (OPW / national)' -> national_state. 'n/a' and '?' are not "
      "answered. Need columns are EUR to 2030 (horizon not stated -> omitted). Country column says 'Ireland'.")
print("IE ok")
