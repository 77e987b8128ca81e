"""MT: Maltese-English xlsx, title block with 'Country: Malta', bilingual short headers, spacer columns,
percentages stored as fractions with % cell format, money like '€1.2m' / '€250k' / '€ 45,000', Iva/Le and
Yes/No, line-break and ';' multi-selects, 'n/a' blanks, TOTAL row, remarks and e-mail columns."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill, Border, Side
from openpyxl.utils import get_column_letter

from common import out_dir, write_truth

FNAME = "MT_museums_digital_survey_2025.xlsx"
SHEET = "Responses"

ROLE = {"director": "Director", "collections": "Curator", "digital_it": "IT / digital officer",
        "finance_admin": "Finance officer", "other": "Volunteer coordinator"}
TYPE = {"monument_site": "Archaeological site", "ethnography_anthropology": "Folklore / ethnography",
        "specialised": "Specialised (maritime)", "art": "Art", "natural_history_science": "Natural history",
        "regional_local": "Local museum", "history": "History (military)", "science_technology": "Science centre"}
OWN = {"national_state": "Heritage Malta (national agency)", "private_nonprofit": "Private foundation",
       "private_for_profit": "Private company", "other_public": "Public university",
       "regional_local_authority": "Local Council", "ppp": "Public-private partnership"}
AI = {"none": "None", "exploring": "Exploring", "pilot": "Pilot", "in_production": "In use"}
POL = {"none": "No", "in_preparation": "Being drafted", "adopted": "Adopted"}
USE = {"cataloguing_metadata": "Cataloguing", "translation": "Translation (MT/EN)", "image_recognition": "Auto-tagging images",
       "visitor_chatbot": "Chatbot", "visitor_analytics": "Visitor analytics", "generative_content": "Generative AI for social media",
       "conservation_monitoring": "Environmental / conservation monitoring", "ocr_htr_transcription": "OCR of archives"}
ROLES = {"digital_strategy_manager": "Digital strategy manager", "digital_collections_curator": "Digital collections curator",
         "digital_interactive_experience_developer": "Interactive experience developer",
         "online_community_manager": "Social media / online community manager", "data_ai_specialist": "Data / AI specialist"}
SRC = {"national": "National government", "regional_local": "Local Council", "eu_structural_rrf": "EU (ERDF)",
       "eu_creative_europe": "Creative Europe", "eu_digital_europe": "Digital Europe", "eu_horizon": "Horizon Europe",
       "private_sponsorship": "Sponsorship", "own_income": "Own income (tickets, shop)"}

M = [
    dict(museum_name="Ta' Marżiena Prehistoric Temples", island="Malta", email="tamarziena@heritagemalta.example",
         respondent_role="collections", museum_type="monument_site", ownership="national_state",
         annual_visits=96500, total_expenditure_eur=1200000, staff_paid_headcount=22, staff_paid_fte=19.5,
         staff_fte_digital=2, staff_fte_data_ai=0.5, collection_objects=4200, collection_objects_precision="exact",
         pct_digitised=55, pct_digitised_3d=20, pct_online=30, pct_online_open=50, pct_online_restricted=40,
         pct_online_rights_unknown=10, copyright_obstacle=2, immovable_at_risk_n=3, immovable_at_risk_3d_n=1,
         immovable_most_visited_n=2, immovable_most_visited_3d_n=1, has_cms=True, cms_spectrum_compliant=True,
         ai_status="pilot", ai_use_cases=["conservation_monitoring", "visitor_analytics"], ai_policy="in_preparation",
         env_cost_monitored=True, roles_present=["digital_collections_curator", "data_ai_specialist"],
         pct_staff_ai_trained_12m=30, digital_budget_available_eur=250000,
         funding_sources=["national", "eu_structural_rrf"], eu_funding_received_eur=850000,
         remarks="Laser scans of the temple apses done 2023",
         disp=dict(total_expenditure_eur="€1.2m", digital_budget_available_eur="€250k",
                   eu_funding_received_eur="€850k", annual_visits=96500)),
    dict(museum_name="Ċittadella Folklore House", island="Gozo", email="folklore.gozo@heritagemalta.example",
         respondent_role="director", museum_type="ethnography_anthropology", ownership="national_state",
         annual_visits=38200, total_expenditure_eur=310000, staff_paid_headcount=7, staff_paid_fte=6,
         staff_fte_digital=0.5, staff_fte_data_ai=0, collection_objects=5600, collection_objects_precision="estimate",
         pct_digitised=42, pct_digitised_3d=3, pct_online=25, pct_online_open=70, pct_online_restricted=20,
         pct_online_rights_unknown=10, copyright_obstacle=1, immovable_at_risk_n=1, immovable_at_risk_3d_n=0,
         immovable_most_visited_n=None, immovable_most_visited_3d_n=None, has_cms=True, cms_spectrum_compliant=None,
         ai_status="exploring", ai_use_cases=["translation"], ai_policy="none", env_cost_monitored=False,
         roles_present=["online_community_manager"], pct_staff_ai_trained_12m=0, digital_budget_available_eur=18000,
         funding_sources=["national"], eu_funding_received_eur=0, remarks="Building itself is listed (Grade 1)",
         disp=dict(total_expenditure_eur="€310k", digital_budget_available_eur="€ 18,000",
                   immovable_most_visited_n="n/a", immovable_most_visited_3d_n="n/a", cms_spectrum_compliant="?")),
    dict(museum_name="Grand Harbour Maritime Heritage Centre", island="Malta", email="info@ghmhc.example",
         respondent_role="digital_it", museum_type="specialised", ownership="private_nonprofit",
         annual_visits=27400, total_expenditure_eur=540000, staff_paid_headcount=12, staff_paid_fte=10,
         staff_fte_digital=1.5, staff_fte_data_ai=0.5, collection_objects=11800, collection_objects_precision="exact",
         pct_digitised=36, pct_digitised_3d=4, pct_online=22, pct_online_open=25, pct_online_restricted=45,
         pct_online_rights_unknown=30, copyright_obstacle=4, immovable_at_risk_n=None, immovable_at_risk_3d_n=None,
         immovable_most_visited_n=None, immovable_most_visited_3d_n=None, has_cms=True, cms_spectrum_compliant=False,
         ai_status="pilot", ai_use_cases=["cataloguing_metadata", "ocr_htr_transcription", "visitor_chatbot"],
         ai_policy="adopted", env_cost_monitored=False,
         roles_present=["digital_strategy_manager", "digital_collections_curator", "online_community_manager"],
         pct_staff_ai_trained_12m=50, digital_budget_available_eur=45000,
         funding_sources=["eu_creative_europe", "private_sponsorship", "own_income"], eu_funding_received_eur=120000,
         remarks="Ship models and port archives; rights of photographers' estates unclear",
         disp=dict(total_expenditure_eur="€540k", digital_budget_available_eur="€ 45,000", eu_funding_received_eur="€120k",
                   immovable_at_risk_n="n/a", immovable_at_risk_3d_n="n/a", immovable_most_visited_n="n/a",
                   immovable_most_visited_3d_n="n/a")),
    dict(museum_name="Mdina Contemporary Art Space", island="Malta", email="hello@mcas.example",
         respondent_role="director", museum_type="art", ownership="private_for_profit",
         annual_visits=14900, total_expenditure_eur=220000, staff_paid_headcount=5, staff_paid_fte=4.5,
         staff_fte_digital=1, staff_fte_data_ai=0, collection_objects=640, collection_objects_precision="exact",
         pct_digitised=100, pct_digitised_3d=2, pct_online=80, pct_online_open=10, pct_online_restricted=85,
         pct_online_rights_unknown=5, copyright_obstacle=5, immovable_at_risk_n=None, immovable_at_risk_3d_n=None,
         immovable_most_visited_n=None, immovable_most_visited_3d_n=None, has_cms=False, cms_spectrum_compliant=False,
         ai_status="in_production", ai_use_cases=["generative_content", "visitor_analytics"], ai_policy="none",
         env_cost_monitored=False, roles_present=["online_community_manager", "digital_interactive_experience_developer"],
         pct_staff_ai_trained_12m=100, digital_budget_available_eur=32000, funding_sources=["own_income", "private_sponsorship"],
         eu_funding_received_eur=0, remarks="Works by living artists – licences only",
         disp=dict(total_expenditure_eur="€220k", digital_budget_available_eur=32000,
                   immovable_at_risk_n="", immovable_at_risk_3d_n="", immovable_most_visited_n="",
                   immovable_most_visited_3d_n="")),
    dict(museum_name="University Natural History Collection", island="Malta", email="nhc@university.example",
         respondent_role="collections", museum_type="natural_history_science", ownership="other_public",
         annual_visits=6100, total_expenditure_eur=None, staff_paid_headcount=4, staff_paid_fte=3,
         staff_fte_digital=1, staff_fte_data_ai=1, collection_objects=85000, collection_objects_precision="estimate",
         pct_digitised=12, pct_digitised_3d=1, pct_online=10, pct_online_open=95, pct_online_restricted=5,
         pct_online_rights_unknown=0, copyright_obstacle=1, immovable_at_risk_n=None, immovable_at_risk_3d_n=None,
         immovable_most_visited_n=None, immovable_most_visited_3d_n=None, has_cms=True, cms_spectrum_compliant=False,
         ai_status="pilot", ai_use_cases=["image_recognition", "ocr_htr_transcription"], ai_policy="in_preparation",
         env_cost_monitored=True, roles_present=["data_ai_specialist", "digital_collections_curator"],
         pct_staff_ai_trained_12m=75, digital_budget_available_eur=15000, funding_sources=["national", "eu_horizon"],
         eu_funding_received_eur=210000, remarks="Budget is part of faculty budget; total expenditure not separable",
         disp=dict(total_expenditure_eur="n/a", digital_budget_available_eur="€15k", eu_funding_received_eur="€210k",
                   immovable_at_risk_n="n/a", immovable_at_risk_3d_n="n/a", immovable_most_visited_n="n/a",
                   immovable_most_visited_3d_n="n/a")),
    dict(museum_name="Żebbuġ Local History Museum", island="Malta", email="museum@zebbuglc.example",
         respondent_role="other", museum_type="regional_local", ownership="regional_local_authority",
         annual_visits=2300, total_expenditure_eur=45000, staff_paid_headcount=1, staff_paid_fte=0.5,
         staff_fte_digital=0, staff_fte_data_ai=0, collection_objects=1900, collection_objects_precision="estimate",
         pct_digitised=30, pct_digitised_3d=0, pct_online=None, pct_online_open=None, pct_online_restricted=None,
         pct_online_rights_unknown=None, copyright_obstacle=None, immovable_at_risk_n=None, immovable_at_risk_3d_n=None,
         immovable_most_visited_n=None, immovable_most_visited_3d_n=None, has_cms=False, cms_spectrum_compliant=None,
         ai_status="none", ai_use_cases=None, ai_policy="none", env_cost_monitored=None, roles_present=None,
         pct_staff_ai_trained_12m=0, digital_budget_available_eur=1000, funding_sources=["regional_local"],
         eu_funding_received_eur=None, remarks="Run mostly by volunteers; nothing online yet",
         disp=dict(total_expenditure_eur="€ 45,000", digital_budget_available_eur="€ 1,000", pct_online="-",
                   pct_online_open="-", pct_online_restricted="-", pct_online_rights_unknown="-", copyright_obstacle="-",
                   immovable_at_risk_n="n/a", immovable_at_risk_3d_n="n/a", immovable_most_visited_n="n/a",
                   immovable_most_visited_3d_n="n/a", cms_spectrum_compliant="n/a", ai_use_cases="",
                   env_cost_monitored="", roles_present="", eu_funding_received_eur="")),
    dict(museum_name="Fort San Ġorġ Military Heritage", island="Malta", email="fortsangorg@ngo.example",
         respondent_role="finance_admin", museum_type="history", ownership="private_nonprofit",
         annual_visits=19750, total_expenditure_eur=260000, staff_paid_headcount=6, staff_paid_fte=5,
         staff_fte_digital=0.5, staff_fte_data_ai=0, collection_objects=3100, collection_objects_precision="exact",
         pct_digitised=48, pct_digitised_3d=6, pct_online=20, pct_online_open=60, pct_online_restricted=30,
         pct_online_rights_unknown=10, copyright_obstacle=2, immovable_at_risk_n=2, immovable_at_risk_3d_n=1,
         immovable_most_visited_n=1, immovable_most_visited_3d_n=0, has_cms=True, cms_spectrum_compliant=False,
         ai_status="exploring", ai_use_cases=None, ai_policy="none", env_cost_monitored=False,
         roles_present=["online_community_manager"], pct_staff_ai_trained_12m=15, digital_budget_available_eur=12500,
         funding_sources=["eu_structural_rrf", "own_income", "private_sponsorship"], eu_funding_received_eur=400000,
         remarks="Fort bastions and counterguard are at risk (coastal erosion)",
         disp=dict(total_expenditure_eur="€260k", digital_budget_available_eur="€ 12,500.00", eu_funding_received_eur="€0.4m",
                   ai_use_cases="")),
    dict(museum_name="Malta Science Discovery Centre", island="Malta", email="info@msdc.example",
         respondent_role="digital_it", museum_type="science_technology", ownership="ppp",
         annual_visits=142000, total_expenditure_eur=2400000, staff_paid_headcount=48, staff_paid_fte=41,
         staff_fte_digital=6, staff_fte_data_ai=2, collection_objects=1500, collection_objects_precision="exact",
         pct_digitised=70, pct_digitised_3d=35, pct_online=60, pct_online_open=20, pct_online_restricted=70,
         pct_online_rights_unknown=10, copyright_obstacle=3, immovable_at_risk_n=None, immovable_at_risk_3d_n=None,
         immovable_most_visited_n=None, immovable_most_visited_3d_n=None, has_cms=True, cms_spectrum_compliant=True,
         ai_status="in_production", ai_use_cases=["visitor_chatbot", "visitor_analytics", "generative_content"],
         ai_policy="adopted", env_cost_monitored=True,
         roles_present=["digital_strategy_manager", "digital_interactive_experience_developer", "data_ai_specialist",
                        "online_community_manager"],
         pct_staff_ai_trained_12m=90, digital_budget_available_eur=380000,
         funding_sources=["national", "eu_digital_europe", "own_income", "private_sponsorship"],
         eu_funding_received_eur=640000, remarks="Interactive exhibits counted as collection objects",
         disp=dict(total_expenditure_eur="€2.4m", digital_budget_available_eur="€380k", eu_funding_received_eur="€640k",
                   immovable_at_risk_n="n/a", immovable_at_risk_3d_n="n/a", immovable_most_visited_n="n/a",
                   immovable_most_visited_3d_n="n/a")),
]

PCT_FIELDS = {"pct_digitised", "pct_digitised_3d", "pct_online", "pct_online_open", "pct_online_restricted",
              "pct_online_rights_unknown", "pct_staff_ai_trained_12m"}


def iva(v):
    return "Iva" if v else "Le"


def yesno(v):
    return "Yes" if v else "No"


# (group, header, field, renderer); group None + header None = spacer column
COLS = [
    ("Museum", "Isem tal-Mużew / Museum name", "museum_name", str),
    ("Museum", "Gżira / Island", "island", None),
    ("Museum", "Respondent role", "respondent_role", lambda v: ROLE[v]),
    ("Museum", "Tip / Type", "museum_type", lambda v: TYPE[v]),
    ("Museum", "Sid / Owner", "ownership", lambda v: OWN[v]),
    (None, None, None, None),
    ("Size", "Żjarat / Visits 2024", "annual_visits", lambda v: v),
    ("Size", "Total expenditure 2024", "total_expenditure_eur", lambda v: v),
    ("Size", "Staff (headcount)", "staff_paid_headcount", lambda v: v),
    ("Size", "Staff FTE", "staff_paid_fte", lambda v: v),
    ("Size", "Digital FTE", "staff_fte_digital", lambda v: v),
    ("Size", "Data / AI FTE", "staff_fte_data_ai", lambda v: v),
    (None, None, None, None),
    ("Collection", "No. of objects", "collection_objects", lambda v: v),
    ("Collection", "Exact or estimate?", "collection_objects_precision", lambda v: {"exact": "Exact", "estimate": "Estimate"}[v]),
    ("Collection", "% digitised", "pct_digitised", lambda v: v / 100),
    ("Collection", "% in 3D", "pct_digitised_3d", lambda v: v / 100),
    ("Collection", "% online", "pct_online", lambda v: v / 100),
    ("Rights of online items", "Open (CC0/PDM/CC BY/BY-SA)", "pct_online_open", lambda v: v / 100),
    ("Rights of online items", "Restricted (NC/ND/InC)", "pct_online_restricted", lambda v: v / 100),
    ("Rights of online items", "Unknown", "pct_online_rights_unknown", lambda v: v / 100),
    ("Rights of online items", "Copyright as obstacle (1-5)", "copyright_obstacle", lambda v: v),
    ("Sites & monuments managed", "At risk (no.)", "immovable_at_risk_n", lambda v: v),
    ("Sites & monuments managed", "At risk – in 3D (no.)", "immovable_at_risk_3d_n", lambda v: v),
    ("Sites & monuments managed", "Most visited (no.)", "immovable_most_visited_n", lambda v: v),
    ("Sites & monuments managed", "Most visited – in 3D (no.)", "immovable_most_visited_3d_n", lambda v: v),
    (None, None, None, None),
    ("Systems & AI", "Collections database?", "has_cms", iva),
    ("Systems & AI", "SPECTRUM compliant?", "cms_spectrum_compliant", yesno),
    ("Systems & AI", "AI use", "ai_status", lambda v: AI[v]),
    ("Systems & AI", "AI used for", "ai_use_cases", lambda v: "; ".join(USE[c] for c in v)),
    ("Systems & AI", "AI policy", "ai_policy", lambda v: POL[v]),
    ("Systems & AI", "Energy / environmental cost of IT monitored?", "env_cost_monitored", iva),
    ("Staff", "Digital roles in house", "roles_present", lambda v: "\n".join(ROLES[c] for c in v)),
    ("Staff", "% staff trained in AI (last 12 months)", "pct_staff_ai_trained_12m", lambda v: v / 100),
    (None, None, None, None),
    ("Funding", "Digital budget / year", "digital_budget_available_eur", lambda v: v),
    ("Funding", "Funded by", "funding_sources", lambda v: "\n".join(SRC[c] for c in v)),
    ("Funding", "EU funds received 2022-2024", "eu_funding_received_eur", lambda v: v),
    ("Other", "Remarks", "remarks", None),
    ("Other", "Contact e-mail", "email", None),
]


def main():
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    ws["A1"] = "Malta Museums Association – Digital Working Group"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = "Survey on digitisation, AI and funding in Maltese museums and heritage sites (2025)"
    ws["A3"] = "Country: Malta"
    ws["A3"].font = Font(bold=True)
    ws["A4"] = "All amounts in euro. Percentages of online items refer to items available online."
    ws["A4"].font = Font(italic=True, size=9)
    GR, HR = 6, 7
    thin = Side(style="thin", color="999999")
    start = None
    for i, (g, h, f, r) in enumerate(COLS):
        col = i + 1
        if h is None:
            ws.column_dimensions[get_column_letter(col)].width = 2
            continue
        c = ws.cell(row=HR, column=col, value=h)
        c.font = Font(bold=True)
        c.fill = PatternFill("solid", fgColor="E2EFDA")
        c.alignment = Alignment(wrap_text=True, vertical="center")
        c.border = Border(bottom=thin)
        ws.column_dimensions[get_column_letter(col)].width = 36 if i == 0 else 14
    # group cells (merged over consecutive non-spacer columns of the same group)
    i = 0
    while i < len(COLS):
        g = COLS[i][0]
        if g is None:
            i += 1
            continue
        j = i
        while j + 1 < len(COLS) and COLS[j + 1][0] == g:
            j += 1
        c = ws.cell(row=GR, column=i + 1, value=g.upper())
        c.font = Font(bold=True, color="FFFFFF")
        c.fill = PatternFill("solid", fgColor="548235")
        c.alignment = Alignment(horizontal="center")
        if j > i:
            ws.merge_cells(start_row=GR, start_column=i + 1, end_row=GR, end_column=j + 1)
        i = j + 1
    ws.row_dimensions[HR].height = 60
    r0 = HR + 1
    for k, m in enumerate(M):
        row = r0 + k
        disp = m.get("disp", {})
        for i, (g, h, f, r) in enumerate(COLS):
            if h is None:
                continue
            if f in ("island", "remarks", "email"):
                v = m[f]
            elif f in disp:
                v = disp[f] if disp[f] != "" else None
            else:
                v = m[f]
                v = None if v is None else r(v)
            c = ws.cell(row=row, column=i + 1, value=v)
            c.alignment = Alignment(wrap_text=True, vertical="top")
            if f in PCT_FIELDS and isinstance(v, float):
                c.number_format = "0%" if round(v * 100) == v * 100 or abs(v * 100 - round(v * 100)) < 1e-9 else "0.0%"
            elif isinstance(v, (int, float)) and f.endswith("_eur"):
                c.number_format = '"€"#,##0'
            elif isinstance(v, int) and f in ("annual_visits", "collection_objects"):
                c.number_format = "#,##0"
    tr = r0 + len(M)
    idx = {c[2]: i + 1 for i, c in enumerate(COLS) if c[2]}
    bold = Font(bold=True)
    ws.cell(row=tr, column=1, value="TOTAL").font = bold
    for f in ("annual_visits", "staff_paid_headcount", "staff_paid_fte", "collection_objects"):
        c = ws.cell(row=tr, column=idx[f], value=sum(m[f] for m in M if m[f] is not None))
        c.font = bold
        if f in ("annual_visits", "collection_objects"):
            c.number_format = "#,##0"
    c = ws.cell(row=tr, column=idx["digital_budget_available_eur"],
                value=sum(m["digital_budget_available_eur"] for m in M))
    c.font = bold
    c.number_format = '"€"#,##0'
    for cc in range(1, len(COLS) + 1):
        ws.cell(row=tr, column=cc).border = Border(top=Side(style="double"))
    ws.cell(row=tr + 2, column=1, value="n/a = not applicable / not available; - or ? = not answered.").font = Font(italic=True, size=9)
    ws.cell(row=tr + 3, column=1, value="Sites & monuments columns only apply to museums that manage immovable heritage.").font = Font(italic=True, size=9)
    ws.freeze_panes = ws.cell(row=HR + 1, column=2)
    # a lists sheet used for the drop-downs (left in the workbook, not data)
    wl = wb.create_sheet("Lists")
    for j, (name, d) in enumerate([("Type", TYPE), ("Owner", OWN), ("AI use", AI), ("AI policy", POL)]):
        wl.cell(row=1, column=j + 1, value=name).font = bold
        for i2, v in enumerate(d.values()):
            wl.cell(row=i2 + 2, column=j + 1, value=v)
    wb.save(os.path.join(out_dir(), FNAME))

    truth = []
    for m in M:
        t = {"museum_name": m["museum_name"], "country": "MT"}
        for g, h, f, r in COLS:
            if f is None or f in ("museum_name", "island", "remarks", "email"):
                continue
            t[f] = m[f]
        truth.append(t)
    write_truth(FNAME, SHEET, truth, ["TOTAL"],
                "Sheet 'Responses' (a second sheet 'Lists' only holds drop-down values). Rows 1-4 title block incl. "
                "'Country: Malta' (country for all rows) and 'All amounts in euro'; row 5 blank; row 6 merged group "
                "cells (MUSEUM, SIZE, COLLECTION, RIGHTS OF ONLINE ITEMS, SITES & MONUMENTS MANAGED, SYSTEMS & AI, STAFF, "
                "FUNDING, OTHER); row 7 short headers, partly bilingual Maltese/English ('Isem tal-Mużew / Museum name', "
                "'Żjarat / Visits 2024'); museums in rows 8-15; row 16 'TOTAL' (not a museum); two note lines below. "
                "Empty narrow spacer columns F, M, AA and AJ. All percentage cells are fractions (0.55) displayed with a "
                "% number format, i.e. 55 %. Money is text like '€1.2m', '€250k', '€0.4m', '€ 12,500.00' or real numbers "
                "with a € format. Booleans are Maltese 'Iva'/'Le' in some columns and 'Yes'/'No' in others. 'n/a', '-', "
                "'?' and empty cells are null (the immovable-heritage counts are n/a for museums without sites). AI uses "
                "are '; '-separated, roles and funding sources one per line inside the cell. Owner: 'Heritage Malta "
                "(national agency)' -> national_state, 'Public university' -> other_public, 'Local Council' -> "
                "regional_local_authority, 'Private foundation' -> private_nonprofit, 'Private company' -> "
                "private_for_profit; 'Local Council' as funder -> regional_local; 'EU (ERDF)' -> eu_structural_rrf. Role "
                "'Curator' -> collections, 'Volunteer coordinator' -> other. Island (Malta/Gozo) is not a NUTS code. "
                "Contact e-mail is personal data; Remarks is an extra column.")


if __name__ == "__main__":
    main()
