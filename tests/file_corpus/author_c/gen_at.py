# AT: one sheet, header in row 1, numbers typed with their units ("12.000 Objekte", "€ 45.000,-", "3,5 VZÄ", "35 %"),
# multi-answer cells with line breaks (Alt+Enter) inside the cell, blanks as "k.A." / "-".
import os
from openpyxl import Workbook
from openpyxl.styles import Font, Alignment, PatternFill
from openpyxl.utils import get_column_letter
from gen_common import OUT, truth, check

FN = "Erhebung_Digitalisierung_Regionalmuseen_2025_Rueckmeldungen.xlsx"
SHEET = "Rückmeldungen"
TYPE = {"regional_local": "Heimatmuseum", "art": "Kunstmuseum / Kunsthalle", "natural_history_science": "Naturkundemuseum",
        "ethnography_anthropology": "Volkskundemuseum", "specialised": "Spezialmuseum (Textil)",
        "monument_site": "Schloss / Baudenkmal", "science_technology": "Technikmuseum", "archaeology": "Archäologiemuseum"}
STRAT = {"written": "ja, schriftlich", "unwritten": "ja, aber nicht schriftlich", "none": "nein"}
AI = {"none": "kein Einsatz", "exploring": "in Prüfung", "pilot": "Pilotprojekt", "in_production": "im Regelbetrieb"}
AIU = {"cataloguing_metadata": "Inventarisierung / Metadaten", "ocr_htr_transcription": "Texterkennung (OCR/HTR)",
       "translation": "Übersetzung", "image_recognition": "Bilderkennung", "visitor_chatbot": "Chatbot für Besucher:innen",
       "visitor_analytics": "Besucheranalyse"}
OBS = {"money": "fehlendes Geld", "staff_time": "zu wenig Personal / Zeit", "skills": "fehlendes Know-how",
       "copyright": "Urheberrecht", "infrastructure": "IT-Infrastruktur", "leadership_strategy": "keine klare Strategie",
       "data_quality": "Datenqualität"}

mus = []
def M(name, ort, typ, traeger, own, acc, visits, fte, dfte, obj, cat, dig, d3, onl, strat, ai, uses, budget,
      ninf, neq, nhr, ntr, fund_txt, fund, eu, obs):
    m = dict(museum_name=name, country="AT", museum_type=typ, ownership=own, accredited=acc, annual_visits=visits,
             staff_paid_fte=fte, staff_fte_digital=dfte, collection_objects=obj[0], pct_catalogued_db=cat[0],
             pct_digitised=dig[0], pct_digitised_3d=d3[0], pct_online=onl[0], has_digital_strategy=strat,
             ai_status=ai, ai_use_cases=uses[0], digital_budget_available_eur=budget[0],
             need_infrastructure_eur=ninf[0], need_equipment_eur=neq[0], need_human_resources_eur=nhr[0],
             need_training_eur=ntr[0], funding_sources=fund, eu_funding_received_eur=eu[0], main_obstacles=obs)
    if obj[2]:
        m["collection_objects_precision"] = "estimate"
    m["_cells"] = [name, ort, "Österreich", TYPE[typ], traeger, "ja" if acc else "nein", visits_txt(visits),
                   fte_txt(fte), fte_txt(dfte) if dfte is not None else "-", obj[1], cat[1], dig[1], d3[1], onl[1],
                   STRAT[strat], AI[ai], uses[1], budget[1], ninf[1], neq[1], nhr[1], ntr[1], fund_txt, eu[1],
                   "\n".join(OBS[o] for o in obs)]
    mus.append(m)

def de(n):  # 12000 -> "12.000"
    return f"{n:,}".replace(",", ".")
def visits_txt(v): return de(v)
def fte_txt(x): return (f"{x:g}".replace(".", ",")) + " VZÄ"
def P(x): return (x, f"{x:g} %".replace(".", ",")) if x is not None else (None, "k.A.")
def E(x, style=0):
    if x is None: return (None, "k.A.")
    s = [f"€ {de(x)}", f"{de(x)} €", f"€ {de(x)},-", f"EUR {de(x)}"][style]
    return (x, s)

M("Heimatmuseum Oberwaldbach", "Oberwaldbach", "regional_local", "Gemeinde", "regional_local_authority", False,
  2350, 0.5, 0.1, (3500, "ca. 3.500 Objekte", True), P(30), P(10), P(0), P(0), "none", "none", (None, ""),
  E(1200), E(5000), E(8000), E(20000), E(2500), "Gemeinde\nLand NÖ", ["regional_local"], (0, "€ 0"),
  ["money", "staff_time", "skills"])
M("Kunsthalle Mürzbrück", "Mürzbrück", "art", "Stadtgemeinde", "regional_local_authority", True,
  41800, 9, 1.5, (4820, "4.820 Werke", False), P(100), P(85), P(5), P(60), "written", "pilot",
  (["cataloguing_metadata", "translation", "visitor_chatbot"], "Inventarisierung / Metadaten\nÜbersetzung\nChatbot für Besucher:innen"),
  E(38000, 1), E(50000, 1), E(30000, 1), E(120000, 1), E(15000, 1), "Stadt\nLand Steiermark\nBund (BMKÖS)\nSponsoring",
  ["regional_local", "national", "private_sponsorship"], (None, "k.A."), ["staff_time", "money", "copyright"])
M("Naturkundemuseum Hochschwab-Nord", "Thörlbrück", "natural_history_science", "Land", "regional_local_authority", True,
  67300, 24.5, 3, (850000, "ca. 850.000 Objekte (inkl. Herbar)", True), P(45), P(12), P(1), P(8), "written", "exploring",
  (["image_recognition", "ocr_htr_transcription"], "Bilderkennung (Insektensammlung)\nTexterkennung Herbarbelege"),
  E(95000, 2), (1200000, "1,2 Mio. €"), E(350000, 2), E(600000, 2), E(40000, 2),
  "Land Steiermark\nKulturerbe digital (RRF)\nEigenmittel", ["regional_local", "eu_structural_rrf", "own_income"],
  (180000, "€ 180.000"), ["staff_time", "infrastructure", "data_quality"])
M("Volkskundemuseum Lungauer Tal", "St. Margarethen am Tauernweg", "ethnography_anthropology", "Museumsverein",
  "private_nonprofit", True, 6900, 2.25, None, (14200, "14.200 Objekte", False), P(65), P(20), (None, "-"), P(12),
  "unwritten", "exploring", (None, ""), E(6000), E(15000), E(25000), E(45000), E(5000),
  "Land Salzburg\nGemeinde\nKulturerbe digital (RRF)", ["regional_local", "eu_structural_rrf"], (42000, "€ 42.000"),
  ["money", "skills"])
M("Textilmuseum Weberhof", "Hallbrunn im Pinzgau", "specialised", "Privatstiftung", "private_nonprofit", False,
  11250, 3, 0.5, (22000, "ca. 22 000 Stück", True), P(55), P(30), P(2), P(25), "written", "pilot",
  (["cataloguing_metadata", "other"], "Metadaten-Anreicherung\nProvenienzforschung (Testphase)"),
  E(14500), E(20000), E(35000), E(50000), E(8000), "Sponsoring\nEigenmittel\nLand Salzburg",
  ["private_sponsorship", "own_income", "regional_local"], (0, "€ 0"), ["money", "staff_time", "copyright"])
M("Schlossmuseum Rabenstein an der Leiten", "Rabenstein an der Leiten", "monument_site", "Schlossbetriebs GmbH",
  "private_for_profit", False, 88400, 12, 1, (2100, "2.100 Objekte", False), P(90), P(50), P(20), P(40),
  "unwritten", "in_production",
  (["visitor_chatbot", "translation", "visitor_analytics"], "Chatbot für Besucher:innen\nÜbersetzung (Audioguide)\nBesucheranalyse"),
  E(30000, 3), E(25000, 3), E(60000, 3), E(40000, 3), E(10000, 3), "Eigenmittel\nSponsoring",
  ["own_income", "private_sponsorship"], (None, "k.A."), ["staff_time", "skills", "leadership_strategy"])
M("Museum Industriewelt Steyrtal", "Kleinsteyr", "science_technology", "Verein", "private_nonprofit", True,
  19700, 4.5, 1, (6500, "rund 6.500 Objekte", True), P(80), P(35), P(8), P(20), "none", "exploring", (None, "-"),
  E(9000), E(30000), E(45000), E(60000), (None, "k.A."), "Land OÖ\nGemeinde\nEigenmittel",
  ["regional_local", "own_income"], (0, "€ 0"), ["money", "staff_time", "infrastructure"])
M("Römermuseum Saalachtal", "Weißbach-Au", "archaeology", "Land", "regional_local_authority", True,
  15300, 3.5, 0.75, (31000, "31.000 Fundobjekte", False), P(75), P(40), P(6), P(15), "written", "none", (None, ""),
  E(16000), E(40000), E(70000), E(90000), E(12000), "Land Salzburg\nBund\nEU – Kreatives Europa",
  ["regional_local", "national", "eu_creative_europe"], (65000, "€ 65.000"), ["money", "staff_time", "skills"])
check(mus)

HEAD = ["Museum", "Ort", "Staat", "Museumstyp", "Träger", "Österr. Museumsgütesiegel", "Besuche 2024",
        "Personal gesamt", "davon für Digitalisierung", "Sammlungsumfang",
        "in Datenbank inventarisiert (% der Sammlung)", "digitalisiert (% der Sammlung)", "davon 3D (% der Sammlung)",
        "online zugänglich (% der Sammlung)", "Digitalstrategie vorhanden?", "Einsatz von KI", "KI – wofür?",
        "Jahresbudget Digitales", "Bedarf bis 2030 – IT-Infrastruktur", "Bedarf bis 2030 – Geräte (Scanner, Kamera, 3D)",
        "Bedarf bis 2030 – Personal", "Bedarf bis 2030 – Schulungen", "Finanzierung (Quellen)",
        "EU-Fördermittel erhalten (letzte 3 Jahre)", "Größte Hindernisse"]
wb = Workbook(); ws = wb.active; ws.title = SHEET
for i, h in enumerate(HEAD, 1):
    c = ws.cell(1, i, h); c.font = Font(bold=True); c.fill = PatternFill("solid", fgColor="FFF2CC")
    c.alignment = Alignment(wrap_text=True, vertical="top")
for r, m in enumerate(mus, 2):
    for i, x in enumerate(m["_cells"], 1):
        c = ws.cell(r, i, x if x != "" else None)
        c.alignment = Alignment(wrap_text=True, vertical="top")
        c.number_format = "@"
widths = [34, 22, 10, 24, 18, 12, 11, 12, 12, 26, 14, 14, 12, 14, 22, 14, 34, 13, 15, 15, 15, 14, 26, 16, 30]
for i, w in enumerate(widths, 1):
    ws.column_dimensions[get_column_letter(i)].width = w
ws.freeze_panes = "B2"
ws2 = wb.create_sheet("Legende")
ws2["A1"] = "k.A. = keine Angabe"; ws2["A2"] = "VZÄ = Vollzeitäquivalente"
ws2["A3"] = "Prozentangaben beziehen sich auf die Gesamtzahl der Objekte der Sammlung."
ws2["A4"] = "Bedarf bis 2030 = geschätzter Gesamtbedarf in Euro bis 2030 (nicht pro Jahr)."
wb.save(os.path.join(OUT, FN))
for m in mus: m.pop("_cells")
truth(FN, SHEET, mus, [],
      "Data on first sheet 'Rückmeldungen', header in row 1, one museum per row (rows 2-9); a second sheet 'Legende' "
      "explains k.A. = keine Angabe, VZÄ = FTE, %% of collection, needs = total EUR to 2030. Every value is a text cell "
      "typed with its unit: German thousands dots and decimal commas ('4.820 Werke', '2,25 VZÄ', '35 %', '€ 95.000,-', "
      "'38.000 €', 'EUR 25.000', '1,2 Mio. €' = 1 200 000). 'ca.'/'rund' before the object count -> precision estimate "
      "(others: precision not stated, omitted). 'ca. 22 000 Stück' uses a space as thousands separator. 'Personal gesamt' "
      "= staff_paid_fte, 'davon für Digitalisierung' = staff_fte_digital. Multi-answer cells (KI – wofür?, Finanzierung, "
      "Hindernisse) use line breaks inside the cell. Funding: Gemeinde/Stadt/Land X -> regional_local (deduplicated), "
      "Bund/BMKÖS -> national, 'Kulturerbe digital (RRF)' = Austria's RRF-funded programme -> eu_structural_rrf, "
      "Eigenmittel -> own_income, Sponsoring -> private_sponsorship, 'EU – Kreatives Europa' -> eu_creative_europe. "
      "AI uses: 'Provenienzforschung (Testphase)' matches no code -> other; 'Metadaten-Anreicherung' -> cataloguing_metadata. "
      "Träger: Gemeinde/Stadtgemeinde/Land -> regional_local_authority, (Museums)Verein/Privatstiftung -> private_nonprofit, "
      "GmbH -> private_for_profit. Gütesiegel = Austrian museum accreditation label -> accredited. 'k.A.', '-' and empty = "
      "not answered; '€ 0' and '0 %' are real zeros.".replace("%%", "%"))
print("AT ok")
