"""NL: network monitor workbook, xlsx. Sheets 'Toelichting', 'Resultaten', 'Keuzelijsten'. Title block, merged group header,
section label rows, a repeated header row, Dutch number/money text ('€ 1,1 mln', '12,5 %'), '; ' multi-selects,
line-break roles, 'Totaal' row, footnotes, museum register number as museum_id."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import fmt, truth_row, write_truth
from openpyxl import Workbook
from openpyxl.styles import Font, Alignment, PatternFill
from openpyxl.utils import get_column_letter as L

OUT = os.path.join(os.environ["FILE_CORPUS_OUT"], "NL_monitor_digitalisering_musea_2025.xlsx")
TYPE = {"art": "Kunstmuseum", "natural_history_science": "Natuurhistorisch museum", "ethnography_anthropology": "Volkenkunde",
        "science_technology": "Wetenschap & techniek", "monument_site": "Monument / kasteel", "history": "Historisch museum",
        "regional_local": "Streekmuseum", "archaeology": "Archeologie", "specialised": "Specialistisch museum", "general_mixed": "Gemengd"}
OWN = {"private_nonprofit": "Stichting", "regional_local_authority": "Gemeente", "national_state": "Rijk", "ppp": "PPS",
       "private_for_profit": "Bv"}
META = {"lido": "LIDO", "dublin_core": "Dublin Core", "edm": "EDM", "cidoc_crm": "CIDOC-CRM", "in_house": "eigen", "none": "geen"}
VOC = {"aat": "AAT", "iconclass": "Iconclass", "wikidata": "Wikidata", "national_thesaurus": "nationale thesaurus", "none": "geen"}
STRAT = {"written": "schriftelijk vastgelegd", "unwritten": "niet op papier", "none": "geen"}
ROLES = {"digital_strategy_manager": "Digitaal strateeg", "digital_collections_curator": "Conservator digitale collecties",
         "digital_interactive_experience_developer": "Ontwikkelaar interactieve ervaringen",
         "online_community_manager": "Online communitymanager", "data_ai_specialist": "Data-/AI-specialist"}
SRC = {"national": "Rijk", "regional_local": "gemeente", "private_sponsorship": "sponsoring", "own_income": "eigen inkomsten",
       "eu_horizon": "Horizon Europe", "eu_creative_europe": "Creative Europe", "eu_digital_europe": "Digital Europe",
       "eu_structural_rrf": "EFRO"}
OBS = {"money": "geld", "staff_time": "tijd van personeel", "skills": "kennis/vaardigheden", "copyright": "auteursrecht",
       "infrastructure": "infrastructuur", "leadership_strategy": "leiderschap/strategie", "data_quality": "datakwaliteit"}
NEEDS = ["need_infrastructure_eur", "need_equipment_eur", "need_human_resources_eur", "need_data_metadata_eur",
         "need_copyright_clearance_eur", "need_training_eur"]

def M(mid, name, plaats, typ, own, acc, vis, fte, fdig, vol, obj, dig, nn, onl, rights, cobs, meta, voc, cms, spec, strat, roles,
      lead, scan, trained, budget, struct, needs, hor, src, obs, contact, tel, rem="", raw=None, land="Nederland"):
    o, rs, u = rights
    r = dict(museum_id=mid, museum_name=name, _plaats=plaats, country="NL", _land=land, museum_type=typ, ownership=own, accredited=acc,
             annual_visits=vis, staff_paid_fte=fte, staff_fte_digital=fdig, volunteers_fte=vol, collection_objects=obj,
             pct_digitised=dig, pct_no_need_digitise=nn, pct_online=onl, pct_online_open=o, pct_online_restricted=rs,
             pct_online_rights_unknown=u, copyright_obstacle=cobs, metadata_standards=meta, controlled_vocabularies=voc, has_cms=cms,
             cms_spectrum_compliant=spec, has_digital_strategy=strat, roles_present=roles, leadership_digital_knowledge=lead,
             skills_assessment_done=scan, pct_staff_ai_trained_12m=trained, digital_budget_available_eur=budget,
             pct_structural=struct, funding_horizon_years=hor, funding_sources=src, main_obstacles=obs,
             _contact=contact, _tel=tel, _rem=rem, _raw=raw or {})
    for k, v in zip(NEEDS, needs): r[k] = v
    return r

secA = [
 M("MR 0217", "Kunstmuseum Ter Aa", "Ter Aa", "art", "private_nonprofit", True, 212000, 95.5, 8, 12, 48500, 92, 3, 85, (55, 35, 10), 4,
   ["lido", "dublin_core"], ["aat", "iconclass", "wikidata"], True, True, "written",
   ["digital_strategy_manager", "digital_collections_curator", "online_community_manager"], 4, True, 35, 640000, 75,
   (300000, 150000, 450000, 120000, 200000, 80000), 5, ["national", "regional_local", "private_sponsorship", "own_income"],
   ["money", "copyright"], "drs. M. de Vries", "030-1234567"),
 M("MR 0388", "Natuurmuseum Kennemerduin", "Kennemerduin", "natural_history_science", "regional_local_authority", True, 88000, 41, 3,
   20.5, 650000, 18, 25, 15, (95, 5, 0), 2, ["dublin_core", "cidoc_crm"], ["wikidata"], True, False, "written",
   ["data_ai_specialist", "digital_collections_curator"], 3, False, 10, 180000, 60, (250000, 120000, 200000, 150000, 0, 40000), None,
   ["national", "regional_local", "eu_horizon"], ["money", "staff_time", "data_quality"], "J. Bakker", "023-7654321",
   rem="nieuw collectiesysteem gepland in 2026", raw={"funding_sources": "Rijk; provincie; Horizon Europe"}),
 M("MR 0042", "Volkenkundig Museum Oostpoort", "Oostpoort", "ethnography_anthropology", "national_state", True, 134500, 72, 6.5, 4,
   210000, 51, 5, 47, (30, 40, 30), 5, ["lido", "edm"], ["aat", "wikidata", "national_thesaurus"], True, True, "written",
   ["digital_strategy_manager", "digital_collections_curator", "data_ai_specialist"], 4, True, 50, 1100000, 80,
   (400000, 100000, 600000, 250000, 300000, 100000), 5, ["national", "eu_creative_europe", "own_income"],
   ["copyright", "data_quality", "staff_time"], "S. El Amrani", "071-5550000",
   raw={"digital_budget_available_eur": "€ 1,1 mln", "controlled_vocabularies": "AAT; Wikidata; nationale thesaurus (NMVW)"}),
 M("MR 0561", "Techniekmuseum De Vonk", "Eemsoord", "science_technology", "private_nonprofit", True, 305000, 58, 9, 35, 27000, 66, 10,
   60, (70, 20, 10), 2, ["in_house", "dublin_core"], ["wikidata"], True, False, "written",
   ["digital_interactive_experience_developer", "online_community_manager", "digital_strategy_manager"], 5, True, 60, 520000, 50,
   (200000, 250000, 300000, 50000, 20000, 60000), 5, ["national", "eu_digital_europe", "private_sponsorship", "own_income"],
   ["staff_time", "infrastructure"], "P. Jansen", "0596-123456"),
 M("MR 0733", "Kasteel Hoensbergh", "Hoensbroek-Zuid", "monument_site", "ppp", True, 96000, 22, 1, 60, 5400, 20, 40, 12,
   (None, None, None), 3, ["none"], ["none"], False, None, "unwritten", [], 2, False, 0, 15000, 0,
   (20000, 80000, 40000, 15000, None, 10000), 5, ["regional_local", "private_sponsorship"], ["money", "skills"],
   "A. Smeets", "045-9876543", rem="rechtenverdeling niet bekend",
   raw={"pct_online_open": "-", "pct_online_restricted": "-", "pct_online_rights_unknown": "-", "funding_sources": "provincie; sponsoring",
        "need_copyright_clearance_eur": "n.v.t."}),
]
secB = [
 M("MR 1104", "Stadsmuseum Oud-Harderbroek", "Harderbroek", "history", "regional_local_authority", True, 31000, 14, 1.5, 25, 60000,
   12.5, 15, 10, (60, 10, 30), 3, ["in_house"], ["aat"], True, True, "none", ["digital_collections_curator"], 2, False, 5, 42500, 100,
   (30000, 25000, 90000, 60000, 15000, 10000), 4, ["regional_local", "own_income"], ["money", "staff_time"], "K. Mulder", "0341-222333",
   raw={"pct_digitised": "12,5 %", "pct_online": "10%", "digital_budget_available_eur": "€ 42.500"}),
 M("MR 1288", "Streekmuseum De Zeven Marken", "Zevenmarken", "regional_local", "private_nonprofit", True, 7800, 3.2, 0.4, 18, 14000, 35,
   10, 30, (100, 0, 0), 1, ["dublin_core"], ["none"], True, False, "none", [], 2, False, 0, 4000, 25,
   (5000, 8000, 30000, 12000, None, 3000), None, ["regional_local", "own_income"], ["staff_time", "money", "skills"],
   "H. Hofstra (vrijwilliger)", "0512-345678",
   raw={"funding_sources": "gemeente; provincie; eigen inkomsten"}),
 M("MR 1350", "Archeologiecentrum Hunzeveen", "Hunzeveen", "archaeology", "regional_local_authority", True, 19400, 12, 1, 8, 480000, 6,
   35, 5, (80, 0, 20), 2, ["cidoc_crm", "in_house"], ["national_thesaurus"], True, True, "unwritten", ["data_ai_specialist"], 3, True,
   25, 60000, 70, (100000, 60000, 80000, 90000, 0, 20000), 5, ["regional_local", "eu_structural_rrf"], ["money", "data_quality"],
   "T. Wolters", "0591-112233",
   raw={"controlled_vocabularies": "ABR (nationale thesaurus)", "ownership": "Provincie", "funding_sources": "provincie; EFRO"}),
 M(None, "Modemuseum Maison Élise", "Maastricht", "specialised", "private_for_profit", False, 45000, 9, 2, 0, 6200, 80, 0, 75,
   (10, 60, 30), 5, ["in_house"], ["wikidata"], True, False, "written", ["online_community_manager", "digital_interactive_experience_developer"],
   4, True, 40, 75000, 30, (20000, 30000, 50000, 15000, 60000, 10000), 3, ["own_income", "private_sponsorship"], ["copyright"],
   "É. Laurent", "043-3210987", rem="niet in Museumregister"),
 M("MR 1412", "Museum Zeeuwse Stromen", "Stromenhaven", "general_mixed", "regional_local_authority", True, 26300, 16, 1.6, 30, 95000, 28,
   12, 22, (40, 20, 40), 4, ["lido"], ["aat", "iconclass"], True, True, "written", ["digital_strategy_manager"], 3, False, None, 38000, 50,
   (40000, 30000, 70000, 50000, 25000, 15000), 5, ["regional_local", "national", "eu_creative_europe"], ["money", "leadership_strategy"],
   "L. de Wit", "0118-654321", land="NL", raw={"pct_staff_ai_trained_12m": "onbekend"}),
]
rows = secA + secB

COLS = [
 ("Algemeen", "Museumregister-nr.", "museum_id", "text"), ("Algemeen", "Museum", "museum_name", "text"),
 ("Algemeen", "Plaats", "_plaats", "text"), ("Algemeen", "Land", "_land", "text"), ("Algemeen", "Type", "museum_type", TYPE),
 ("Algemeen", "Eigenaar / bestuursvorm", "ownership", OWN), ("Algemeen", "Geregistreerd (Museumregister)", "accredited", "bool"),
 ("Algemeen", "Bezoekers 2024", "annual_visits", "int"),
 ("Personeel", "Fte betaald", "staff_paid_fte", "dec"), ("Personeel", "Fte digitaal", "staff_fte_digital", "dec"),
 ("Personeel", "Vrijwilligers (fte)", "volunteers_fte", "dec"),
 ("Collectie & digitalisering (% van totale collectie)", "Aantal objecten", "collection_objects", "int"),
 ("Collectie & digitalisering (% van totale collectie)", "Gedigitaliseerd", "pct_digitised", "pct"),
 ("Collectie & digitalisering (% van totale collectie)", "Digitalisering niet nodig", "pct_no_need_digitise", "pct"),
 ("Collectie & digitalisering (% van totale collectie)", "Online beschikbaar", "pct_online", "pct"),
 ("Rechten (% van online collectie)", "Open (CC0 / PDM / CC BY / CC BY-SA)", "pct_online_open", "pct"),
 ("Rechten (% van online collectie)", "Beperkt (NC/ND, InC)", "pct_online_restricted", "pct"),
 ("Rechten (% van online collectie)", "Onbekend / niet vastgesteld", "pct_online_rights_unknown", "pct"),
 ("Rechten (% van online collectie)", "Auteursrecht als belemmering (1-5)", "copyright_obstacle", "int"),
 ("Standaarden & systemen", "Metadatastandaarden", "metadata_standards", ("multi", META, "; ")),
 ("Standaarden & systemen", "Thesauri", "controlled_vocabularies", ("multi", VOC, "; ")),
 ("Standaarden & systemen", "Collectieregistratiesysteem", "has_cms", "bool"),
 ("Standaarden & systemen", "SPECTRUM-conform", "cms_spectrum_compliant", "bool"),
 ("Strategie & vaardigheden", "Digitale strategie", "has_digital_strategy", STRAT),
 ("Strategie & vaardigheden", "Aanwezige digitale rollen", "roles_present", ("multi", ROLES, "\n")),
 ("Strategie & vaardigheden", "Digitale kennis directie (1-5)", "leadership_digital_knowledge", "int"),
 ("Strategie & vaardigheden", "Vaardighedenscan uitgevoerd", "skills_assessment_done", "bool"),
 ("Strategie & vaardigheden", "% medewerkers AI-training gevolgd (laatste 12 mnd)", "pct_staff_ai_trained_12m", "pct"),
 ("Financiering", "Digitaal budget per jaar", "digital_budget_available_eur", "eur"),
 ("Financiering", "Waarvan structureel", "pct_structural", "pct"),
 ("Behoefte tot 2030 (EUR)", "Infrastructuur", NEEDS[0], "eur"), ("Behoefte tot 2030 (EUR)", "Apparatuur", NEEDS[1], "eur"),
 ("Behoefte tot 2030 (EUR)", "Personeel", NEEDS[2], "eur"), ("Behoefte tot 2030 (EUR)", "Data & metadata", NEEDS[3], "eur"),
 ("Behoefte tot 2030 (EUR)", "Auteursrechten", NEEDS[4], "eur"), ("Behoefte tot 2030 (EUR)", "Training", NEEDS[5], "eur"),
 ("Behoefte tot 2030 (EUR)", "Periode (jaren)", "funding_horizon_years", "int"),
 ("Overig", "Financieringsbronnen", "funding_sources", ("multi", SRC, "; ")),
 ("Overig", "Knelpunten (top 3)", "main_obstacles", ("multi", OBS, "; ")),
 ("Overig", "Contactpersoon", "_contact", "text"), ("Overig", "Telefoon", "_tel", "text"), ("Overig", "Opmerkingen", "_rem", "text"),
]

def cell(r, f, k):
    if f in r["_raw"]: return r["_raw"][f], None
    v = r.get(f)
    if v is None or (isinstance(v, list) and not v): return None, None
    if k == "bool": return ("ja" if v else "nee"), None
    if k == "pct": return fmt(v, ".", ",") + "%", None          # typed as text '45%'
    if k == "eur": return v, '"€" #,##0'
    if k == "int": return v, "#,##0" if v >= 1000 else "0"
    if k == "dec": return v, "0.0"
    if isinstance(k, dict): return k[v], None
    if isinstance(k, tuple): return k[2].join(k[1][c] for c in v), None
    return v, None

wb = Workbook()
w0 = wb.active; w0.title = "Toelichting"
for i, t in enumerate(["Monitor digitalisering & AI in musea – uitvraag 2025", "",
    "Het tabblad 'Resultaten' bevat één regel per museum, gegroepeerd in A (musea met rijksbijdrage) en B (overige musea).",
    "Percentages zijn percentages van de totale collectie, behalve de rechtenverdeling (percentage van wat online staat).",
    "Bedragen in euro's. 'n.v.t.', '-', 'onbekend' of een lege cel = niet ingevuld.",
    "Behoefte = extra benodigd bedrag om de eigen doelen voor 2030 te halen; 'Periode' = aantal jaren waarover die behoefte loopt.",
    "Meerdere antwoorden gescheiden door puntkomma of een nieuwe regel.",
    "Keuzelijsten: zie tabblad 'Keuzelijsten'."], 1):
    w0.cell(row=i, column=1, value=t)
w0["A1"].font = Font(bold=True, size=13); w0.column_dimensions["A"].width = 120

ws = wb.create_sheet("Resultaten")
ws["A1"] = "Stichting Museaal Digitaal Netwerk (MDN)"; ws["A1"].font = Font(bold=True, size=14)
ws["A2"] = "Monitor digitalisering & AI musea — uitvraag 2025 (peildatum 1 januari 2025)"
ws["A3"] = "Bedragen in euro's; percentages van de totale collectie tenzij anders vermeld."
GR, HR = 5, 6
blue = PatternFill("solid", fgColor="D9E1F2")
spans = []
for ci, (g, h, f, k) in enumerate(COLS, 1):
    x = ws.cell(row=HR, column=ci, value=h); x.font = Font(bold=True); x.fill = blue
    x.alignment = Alignment(wrap_text=True, vertical="top")
    ws.column_dimensions[L(ci)].width = 32 if f in ("museum_name", "roles_present", "funding_sources", "main_obstacles") else 13
    if spans and spans[-1][0] == g: spans[-1][2] = ci
    else: spans.append([g, ci, ci])
for g, a, b in spans:
    x = ws.cell(row=GR, column=a, value=g); x.font = Font(bold=True); x.alignment = Alignment(horizontal="center")
    if b > a: ws.merge_cells(start_row=GR, start_column=a, end_row=GR, end_column=b)
ws.row_dimensions[HR].height = 48

def put_rows(start, rs):
    for ri, r in enumerate(rs, start):
        for ci, (g, h, f, k) in enumerate(COLS, 1):
            v, nf = cell(r, f, k); x = ws.cell(row=ri, column=ci, value=v)
            if nf: x.number_format = nf
            if isinstance(v, str) and "\n" in v: x.alignment = Alignment(wrap_text=True, vertical="top")
    return start + len(rs)

row = HR + 1
labA = "A. Musea met structurele rijksbijdrage"; labB = "B. Overige geregistreerde en niet-geregistreerde musea"
ws.cell(row=row, column=2, value=labA).font = Font(bold=True, italic=True); row += 1
row = put_rows(row, secA)
row += 1  # blank spacer row
ws.cell(row=row, column=2, value=labB).font = Font(bold=True, italic=True); row += 1
for ci, (g, h, f, k) in enumerate(COLS, 1):          # header repeated (pasted from second batch)
    ws.cell(row=row, column=ci, value=h).font = Font(bold=True)
row += 1
row = put_rows(row, secB)
ws.cell(row=row, column=2, value="Totaal").font = Font(bold=True)
for ci, (g, h, f, k) in enumerate(COLS, 1):
    if f in ["annual_visits", "staff_paid_fte", "staff_fte_digital", "volunteers_fte", "collection_objects",
             "digital_budget_available_eur"] + NEEDS:
        s = sum(r[f] for r in rows if isinstance(r.get(f), (int, float)))
        x = ws.cell(row=row, column=ci, value=round(s, 1)); x.font = Font(bold=True)
        x.number_format = '"€" #,##0' if f.endswith("_eur") else ("#,##0" if s >= 1000 else "0.0")
foot = ["Bron: MDN-uitvraag onder aangesloten musea, maart–april 2025.",
        "Rechten: percentages van het online beschikbare deel; samen 100%.",
        "Kasteel Hoensbergh wordt beheerd in een publiek-private samenwerking (PPS)."]
for i, t in enumerate(foot):
    ws.cell(row=row + 2 + i, column=2, value=t).font = Font(italic=True, size=9)
ws.freeze_panes = "C7"

wl = wb.create_sheet("Keuzelijsten")
lists = [("Type", list(TYPE.values())), ("Eigenaar", list(OWN.values()) + ["Provincie"]),
         ("Digitale strategie", list(STRAT.values())), ("Rollen", list(ROLES.values())), ("Knelpunten", list(OBS.values()))]
for ci, (h, vals) in enumerate(lists, 1):
    wl.cell(row=1, column=ci, value=h).font = Font(bold=True)
    for ri, v in enumerate(vals, 2): wl.cell(row=ri, column=ci, value=v)
    wl.column_dimensions[L(ci)].width = 34
wb.save(OUT)

fields = [c[2] for c in COLS if not c[2].startswith("_")]
museums = [truth_row(r, fields) for r in rows]
write_truth(OUT + ".truth.json", OUT.split("/")[-1], "Resultaten", museums, [labA, labB, "(repeated header row)", "Totaal"] + foot,
 "Three sheets: 'Toelichting' (explanations), 'Resultaten' (data), 'Keuzelijsten' (drop-down value lists, not data). Resultaten: "
 "3-line title block, blank row, row 5 merged group headers, row 6 header (short Dutch labels). Row 7 is a section label "
 "'A. Musea met structurele rijksbijdrage', 5 museums, a blank row, section label 'B. ...', then the header row REPEATED "
 "(second batch pasted), 5 more museums, then a 'Totaal' row and footnotes. First column 'Museumregister-nr.' (e.g. 'MR 0217') is the "
 "national registry id -> museum_id; the non-registered museum (Modemuseum Maison Élise) has none. Land 'Nederland' or 'NL'. "
 "Percentages typed as text '45%', '12,5 %', '10%'. Money numeric with € format except text '€ 1,1 mln' (=1 100 000) and '€ 42.500'. "
 "Multi-selects separated by '; ' (roles by line breaks). '-', 'n.v.t.', 'onbekend' and empty = not answered; 0 is real (e.g. copyright "
 "need 0, 0% AI trained). Rights shares are % of the online part and sum to 100. 'PPS' -> ppp; 'Provincie'/'Gemeente' -> "
 "regional_local_authority; 'Bv' -> private_for_profit; funding 'provincie'/'gemeente' -> regional_local, 'EFRO' (ERDF) -> "
 "eu_structural_rrf; 'ABR (nationale thesaurus)' and 'nationale thesaurus (NMVW)' -> national_thesaurus; 'eigen' -> in_house; "
 "'geen' -> ['none']. Kasteel Hoensbergh answered no roles (blank) and no CMS, so SPECTRUM is blank. 'Plaats' (town) and 'Opmerkingen' "
 "are unknown columns; 'Contactpersoon'/'Telefoon' are personal data. The 'peildatum 1 januari 2025' in the title is a file-level "
 "reference date; it is not given per museum, so reference_date is left out of the truth.")
print("wrote", OUT)
