"""DE: Land museum association, xlsx, instructions sheet first, full-question headings, units row,
one column per option ('x' for funding sources, 'Ja' for obstacles), German number formats, 'k.A.',
leftover example row, personal data columns."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from common import out_dir, write_truth, fmt_num

FNAME = "Umfrage_Digitalisierung_KI_Museumsverband_2025.xlsx"
SHEET = "Rücklauf"

ROLE = {"director": "Museumsleitung", "collections": "Sammlungsleitung / Kustodin", "digital_it": "IT / Digitales",
        "finance_admin": "Verwaltung", "other": "Ehrenamtliche Mitarbeit"}
TYPE = {"art": "Kunstmuseum", "regional_local": "Regionalmuseum", "natural_history_science": "Naturkundemuseum",
        "science_technology": "Technikmuseum", "archaeology": "Archäologisches Museum",
        "history": "Historisches Museum", "general_mixed": "Mehrspartenmuseum"}
STRAT = {"written": "ja, schriftlich", "unwritten": "ja, aber nicht verschriftlicht", "none": "nein"}
AI = {"none": "nein", "exploring": "wird geprüft", "pilot": "Pilotprojekt", "in_production": "im Regelbetrieb"}
POL = {"none": "nein", "in_preparation": "in Vorbereitung", "adopted": "verabschiedet"}
SRC = [("national", "Bund (BKM u. a.)"), ("regional_local", "Land / Kommune"),
       ("eu_structural_rrf", "EU: EFRE / Aufbau- und Resilienzfazilität"), ("eu_creative_europe", "EU: Kreatives Europa"),
       ("eu_digital_europe", "EU: Digitales Europa"), ("eu_horizon", "EU: Horizont Europa"),
       ("private_sponsorship", "Private Förderer / Sponsoring"), ("own_income", "Eigeneinnahmen")]
OBS = [("money", "Fehlende Finanzmittel"), ("staff_time", "Fehlende Personalkapazität / Zeit"),
       ("skills", "Fehlende Kompetenzen"), ("copyright", "Urheber- und Nutzungsrechte"),
       ("infrastructure", "Technische Infrastruktur"), ("leadership_strategy", "Fehlende Strategie / Leitung"),
       ("data_quality", "Datenqualität")]


def de(x, dec=None):
    return fmt_num(x, ".", ",", dec)


M = [
    dict(museum_name="Städtisches Kunstmuseum Talheim", ort="Talheim", respondent_role="director",
         person=("Dr. Katrin Wessel", "k.wessel@talheim.de", "06131 44 55 60"),
         museum_type="art", own=("Kommune", "regional_local_authority"), accredited=True,
         annual_visits=38400, staff_paid_headcount=24, staff_paid_fte=18.5, staff_fte_digital=2.5,
         staff_fte_data_ai=0.5, collection_objects=12800, collection_objects_precision="exact",
         pct_catalogued_db=91, pct_digitised=64, pct_no_need_digitise=5, pct_digitised_3d=1.5, pct_online=48,
         pct_in_europeana_dataspace=12, has_cms=True, has_digital_strategy="written",
         skill_info_data=4, skill_communication=5, skill_content_creation=4, skill_safety=3, skill_problem_solving=4,
         skill_ai_literacy=2, pct_staff_ai_trained_12m=25, ai_status="pilot", ai_policy="in_preparation",
         digital_budget_available_eur=85000, pct_structural=60, need_infrastructure_eur=120000,
         need_equipment_eur=40000, need_human_resources_eur=180000, need_data_metadata_eur=60000,
         need_copyright_clearance_eur=35000, need_training_eur=20000, funding_horizon_years=5,
         funding_sources=["regional_local", "national", "private_sponsorship"], eu_funding_received_eur=0,
         main_obstacles=["staff_time", "copyright", "money"], bem="Digitalisierung Grafische Sammlung läuft",
         disp=dict(annual_visits=38400, digital_budget_available_eur="85.000 €")),
    dict(museum_name="Regionalmuseum Burg Hohenstein", ort="Hohenstein", respondent_role="other",
         person=("Werner Albrecht", "info@burg-hohenstein-museum.de", "0171 2345678"),
         museum_type="regional_local", own=("eingetragener Verein", "private_nonprofit"), accredited=False,
         annual_visits=7900, staff_paid_headcount=2, staff_paid_fte=1.5, staff_fte_digital=0.2,
         staff_fte_data_ai=0, collection_objects=9000, collection_objects_precision="estimate",
         pct_catalogued_db=35, pct_digitised=20, pct_no_need_digitise=10, pct_digitised_3d=0, pct_online=5,
         pct_in_europeana_dataspace=0, has_cms=True, has_digital_strategy="none",
         skill_info_data=2, skill_communication=3, skill_content_creation=2, skill_safety=2, skill_problem_solving=2,
         skill_ai_literacy=1, pct_staff_ai_trained_12m=0, ai_status="none", ai_policy="none",
         digital_budget_available_eur=2500, pct_structural=None, need_infrastructure_eur=8000,
         need_equipment_eur=12000, need_human_resources_eur=30000, need_data_metadata_eur=10000,
         need_copyright_clearance_eur=None, need_training_eur=3000, funding_horizon_years=None,
         funding_sources=["own_income", "regional_local"], eu_funding_received_eur=None,
         main_obstacles=["money", "staff_time", "skills"], bem="Wir sind überwiegend ehrenamtlich organisiert.",
         disp=dict(annual_visits="ca. 7.900", collection_objects="ca. 9.000", pct_structural="k.A.",
                   need_copyright_clearance_eur="k.A.", funding_horizon_years="", eu_funding_received_eur="k.A.",
                   staff_paid_fte="1,5", staff_fte_digital="0,2")),
    dict(museum_name="Naturkundemuseum am Wallgraben", ort="Mainfeld", respondent_role="collections",
         person=("Jana Köhler", "jana.koehler@nkm-mainfeld.de", "0621 998877"),
         museum_type="natural_history_science", own=("Stiftung öffentlichen Rechts", "other_public"), accredited=True,
         annual_visits=112000, staff_paid_headcount=61, staff_paid_fte=47.3, staff_fte_digital=6,
         staff_fte_data_ai=2, collection_objects=1450000, collection_objects_precision="estimate",
         pct_catalogued_db=38, pct_digitised=9, pct_no_need_digitise=15, pct_digitised_3d=0.4, pct_online=7,
         pct_in_europeana_dataspace=3, has_cms=True, has_digital_strategy="written",
         skill_info_data=5, skill_communication=4, skill_content_creation=4, skill_safety=4, skill_problem_solving=5,
         skill_ai_literacy=3, pct_staff_ai_trained_12m=40, ai_status="in_production", ai_policy="adopted",
         digital_budget_available_eur=420000, pct_structural=45, need_infrastructure_eur=900000,
         need_equipment_eur=650000, need_human_resources_eur=1200000, need_data_metadata_eur=400000,
         need_copyright_clearance_eur=20000, need_training_eur=80000, funding_horizon_years=6,
         funding_sources=["regional_local", "national", "eu_horizon", "eu_digital_europe"],
         eu_funding_received_eur=310000, main_obstacles=["money", "data_quality", "staff_time"],
         bem="Sammlungszahl geschätzt (Entomologie)",
         disp=dict(collection_objects="ca. 1,45 Mio.", need_human_resources_eur="1,2 Mio. €",
                   need_infrastructure_eur="900 T€", digital_budget_available_eur="0,42 Mio. €",
                   staff_paid_fte="47,3", staff_fte_digital="6,0", pct_digitised_3d="0,4")),
    dict(museum_name="Museum für Industriekultur Eisenbach", ort="Eisenbach", respondent_role="digital_it",
         person=("Tobias Brandt", "t.brandt@industriekultur-eisenbach.de", "0228 5566-12"),
         museum_type="science_technology", own=("private GmbH (gewinnorientiert)", "private_for_profit"),
         accredited=False, annual_visits=54300, staff_paid_headcount=19, staff_paid_fte=15, staff_fte_digital=3,
         staff_fte_data_ai=1, collection_objects=23500, collection_objects_precision="exact",
         pct_catalogued_db=77, pct_digitised=41, pct_no_need_digitise=20, pct_digitised_3d=12, pct_online=30,
         pct_in_europeana_dataspace=None, has_cms=True, has_digital_strategy="unwritten",
         skill_info_data=5, skill_communication=5, skill_content_creation=6, skill_safety=4, skill_problem_solving=5,
         skill_ai_literacy=3, pct_staff_ai_trained_12m=60, ai_status="pilot", ai_policy="none",
         digital_budget_available_eur=130000, pct_structural=30, need_infrastructure_eur=70000,
         need_equipment_eur=150000, need_human_resources_eur=90000, need_data_metadata_eur=25000,
         need_copyright_clearance_eur=5000, need_training_eur=15000, funding_horizon_years=5,
         funding_sources=["eu_structural_rrf", "private_sponsorship", "own_income"], eu_funding_received_eur=95000,
         main_obstacles=["skills", "infrastructure", "money"], bem="",
         disp=dict(pct_in_europeana_dataspace="k.A.", digital_budget_available_eur="130 T€")),
    dict(museum_name="Archäologisches Landesschaufenster Kastell Vetera", ort="Altkirchen", respondent_role="collections",
         person=("Dr. Miriam Sauer", "miriam.sauer@kastell-vetera.de", "02801 71 23 40"),
         museum_type="archaeology", own=("Landkreis", "regional_local_authority"), accredited=True,
         annual_visits=26750, staff_paid_headcount=11, staff_paid_fte=8.75, staff_fte_digital=1.25,
         staff_fte_data_ai=0, collection_objects=310000, collection_objects_precision="estimate",
         pct_catalogued_db=55, pct_digitised=15, pct_no_need_digitise=30, pct_digitised_3d=3, pct_online=6,
         pct_in_europeana_dataspace=2, has_cms=True, has_digital_strategy="written",
         skill_info_data=4, skill_communication=3, skill_content_creation=3, skill_safety=3, skill_problem_solving=3,
         skill_ai_literacy=2, pct_staff_ai_trained_12m=10, ai_status="exploring", ai_policy="none",
         digital_budget_available_eur=30000, pct_structural=80, need_infrastructure_eur=45000,
         need_equipment_eur=90000, need_human_resources_eur=75000, need_data_metadata_eur=40000,
         need_copyright_clearance_eur=0, need_training_eur=10000, funding_horizon_years=5,
         funding_sources=["regional_local", "eu_creative_europe"], eu_funding_received_eur=48000,
         main_obstacles=["staff_time", "money", "infrastructure"], bem="3D-Scan der Grabungsfunde geplant",
         disp=dict(staff_paid_fte="8,75", staff_fte_digital="1,25", collection_objects="ca. 310.000")),
    dict(museum_name="Historisches Museum der Stadt Lindenau", ort="Lindenau", respondent_role="finance_admin",
         person=("Sabine Roth", "sabine.roth@lindenau.de", "0345 10 20 30"),
         museum_type="history", own=("Kommune", "regional_local_authority"), accredited=True,
         annual_visits=15600, staff_paid_headcount=9, staff_paid_fte=7, staff_fte_digital=0.5,
         staff_fte_data_ai=None, collection_objects=41000, collection_objects_precision="exact",
         pct_catalogued_db=60, pct_digitised=28, pct_no_need_digitise=None, pct_digitised_3d=0, pct_online=18,
         pct_in_europeana_dataspace=0, has_cms=False, has_digital_strategy="none",
         skill_info_data=3, skill_communication=3, skill_content_creation=3, skill_safety=2, skill_problem_solving=3,
         skill_ai_literacy=1, pct_staff_ai_trained_12m=None, ai_status="none", ai_policy="none",
         digital_budget_available_eur=None, pct_structural=None, need_infrastructure_eur=30000,
         need_equipment_eur=15000, need_human_resources_eur=60000, need_data_metadata_eur=20000,
         need_copyright_clearance_eur=5000, need_training_eur=5000, funding_horizon_years=None,
         funding_sources=["regional_local"], eu_funding_received_eur=0,
         main_obstacles=["money", "leadership_strategy", "skills"], bem="Budget im Haushalt nicht gesondert ausgewiesen",
         disp=dict(staff_fte_data_ai="k.A.", pct_no_need_digitise="?", pct_staff_ai_trained_12m="k.A.",
                   digital_budget_available_eur="k.A.", pct_structural="k.A.", funding_horizon_years="k.A.")),
    dict(museum_name="Museumsquartier Oberwald", ort="Oberwald", respondent_role="director",
         person=("Frank Mertens", "direktion@museumsquartier-oberwald.de", "07441 808 0"),
         museum_type="general_mixed", own=("Stiftung bürgerlichen Rechts", "private_nonprofit"), accredited=True,
         annual_visits=68900, staff_paid_headcount=33, staff_paid_fte=26, staff_fte_digital=4,
         staff_fte_data_ai=1.5, collection_objects=86000, collection_objects_precision="exact",
         pct_catalogued_db=84, pct_digitised=52, pct_no_need_digitise=8, pct_digitised_3d=6, pct_online=44,
         pct_in_europeana_dataspace=20, has_cms=True, has_digital_strategy="written",
         skill_info_data=5, skill_communication=6, skill_content_creation=5, skill_safety=4, skill_problem_solving=5,
         skill_ai_literacy=3, pct_staff_ai_trained_12m=75, ai_status="in_production", ai_policy="adopted",
         digital_budget_available_eur=210000, pct_structural=70, need_infrastructure_eur=150000,
         need_equipment_eur=60000, need_human_resources_eur=240000, need_data_metadata_eur=90000,
         need_copyright_clearance_eur=40000, need_training_eur=30000, funding_horizon_years=5,
         funding_sources=["regional_local", "eu_digital_europe", "private_sponsorship", "own_income"],
         eu_funding_received_eur=125000, main_obstacles=["copyright", "staff_time", "data_quality"], bem="",
         disp=dict(digital_budget_available_eur="210.000,00 €")),
]

EXAMPLE = dict(museum_name="BEISPIEL: Museum Musterstadt (bitte überschreiben)", ort="Musterstadt")

# (question, unit, field, renderer)
Q = [
    ("Name des Museums", "Text", "museum_name", str),
    ("Ort", "Text", "ort", str),
    ("Land", "Text", "_land", None),
    ("Funktion der ausfüllenden Person", "Auswahl", "respondent_role", lambda v: ROLE[v]),
    ("Name der ausfüllenden Person", "Text", "_p0", None),
    ("E-Mail", "Text", "_p1", None),
    ("Telefon", "Text", "_p2", None),
    ("Welcher Museumsart ordnen Sie Ihr Haus überwiegend zu?", "Auswahl", "museum_type", lambda v: TYPE[v]),
    ("Wer ist Träger des Museums?", "Text", "_own", None),
    ("Ist Ihr Museum mit einem Museumsgütesiegel zertifiziert bzw. registriert?", "Ja/Nein", "accredited",
     lambda v: "Ja" if v else "Nein"),
    ("Wie viele Besuche verzeichnete Ihr Museum im Jahr 2024?", "Anzahl", "annual_visits", lambda v: de(v)),
    ("Wie viele bezahlte Beschäftigte hat Ihr Museum (Köpfe)?", "Personen", "staff_paid_headcount", lambda v: v),
    ("Wie vielen Vollzeitäquivalenten entspricht das bezahlte Personal?", "VZÄ", "staff_paid_fte", lambda v: v),
    ("Wie viele VZÄ davon arbeiten überwiegend an Digitalisierung und digitalen Angeboten?", "VZÄ",
     "staff_fte_digital", lambda v: v),
    ("Wie viele VZÄ haben eine Daten- oder KI-Spezialisierung?", "VZÄ", "staff_fte_data_ai", lambda v: v),
    ("Wie viele Objekte umfasst Ihre Sammlung?", "Anzahl", "collection_objects", lambda v: v),
    ("Ist diese Objektzahl genau gezählt oder geschätzt?", "genau / geschätzt", "collection_objects_precision",
     lambda v: {"exact": "genau", "estimate": "geschätzt"}[v]),
    ("Welcher Anteil der Sammlung ist auf Objektebene in einer Datenbank erfasst?", "%", "pct_catalogued_db", lambda v: v),
    ("Welcher Anteil der Sammlung ist digitalisiert (2D oder 3D)?", "%", "pct_digitised", lambda v: v),
    ("Welcher Anteil der Sammlung muss nicht digitalisiert werden?", "%", "pct_no_need_digitise", lambda v: v),
    ("Welcher Anteil der Sammlung ist in 3D digitalisiert?", "%", "pct_digitised_3d", lambda v: v),
    ("Welcher Anteil der Sammlung ist online zugänglich (eigene Website oder Portale)?", "%", "pct_online", lambda v: v),
    ("Welcher Anteil ist über Europeana bzw. den Datenraum veröffentlicht?", "%", "pct_in_europeana_dataspace", lambda v: v),
    ("Nutzen Sie ein digitales Sammlungsmanagementsystem / eine Inventardatenbank?", "Ja/Nein", "has_cms",
     lambda v: "Ja" if v else "Nein"),
    ("Verfügt Ihr Museum über eine Digitalstrategie?", "Auswahl", "has_digital_strategy", lambda v: STRAT[v]),
    ("Digitale Kompetenzen der Mitarbeitenden: Umgang mit Informationen und Daten", "Stufe 1–8", "skill_info_data", lambda v: v),
    ("Digitale Kompetenzen: Kommunikation und Zusammenarbeit", "Stufe 1–8", "skill_communication", lambda v: v),
    ("Digitale Kompetenzen: Erstellung digitaler Inhalte", "Stufe 1–8", "skill_content_creation", lambda v: v),
    ("Digitale Kompetenzen: Sicherheit", "Stufe 1–8", "skill_safety", lambda v: v),
    ("Digitale Kompetenzen: Problemlösung", "Stufe 1–8", "skill_problem_solving", lambda v: v),
    ("KI-Kompetenz der Mitarbeitenden (1 = keine, 2 = Grundverständnis, 3 = sichere Nutzung, 4 = Einsatz und Bewertung)",
     "Stufe 1–4", "skill_ai_literacy", lambda v: v),
    ("Wie viel Prozent der Mitarbeitenden wurden in den letzten 12 Monaten zu KI geschult?", "%",
     "pct_staff_ai_trained_12m", lambda v: v),
    ("Setzt Ihr Museum Künstliche Intelligenz ein?", "Auswahl", "ai_status", lambda v: AI[v]),
    ("Gibt es eine interne KI-Richtlinie?", "Auswahl", "ai_policy", lambda v: POL[v]),
    ("Welches Budget steht jährlich für Digitales, Digitalisierung und KI zur Verfügung?", "EUR pro Jahr",
     "digital_budget_available_eur", lambda v: v),
    ("Welcher Anteil dieses Budgets ist strukturell (dauerhaft im Haushalt)?", "%", "pct_structural", lambda v: v),
    ("Finanzbedarf bis zur Erreichung Ihrer Ziele: Infrastruktur (Speicher, Server, Netz, Sammlungssysteme)", "EUR",
     "need_infrastructure_eur", lambda v: v),
    ("Finanzbedarf: Ausstattung / Geräte (2D-/3D-Erfassung, Hardware)", "EUR", "need_equipment_eur", lambda v: v),
    ("Finanzbedarf: qualifiziertes Personal (Digitales, Daten, KI)", "EUR", "need_human_resources_eur", lambda v: v),
    ("Finanzbedarf: Daten und Metadaten (Interoperabilität, Erschließung)", "EUR", "need_data_metadata_eur", lambda v: v),
    ("Finanzbedarf: Klärung von Urheber- und Nutzungsrechten", "EUR", "need_copyright_clearance_eur", lambda v: v),
    ("Finanzbedarf: Fortbildung des vorhandenen Personals", "EUR", "need_training_eur", lambda v: v),
    ("Auf wie viele Jahre bezieht sich der genannte Bedarf?", "Jahre", "funding_horizon_years", lambda v: v),
]
Q_SRC = [("Aus welchen Quellen wird Ihre Digitalarbeit finanziert? (Mehrfachnennung) – " + lab,
          "x = zutreffend", "src:" + code) for code, lab in SRC]
Q_EU = [("Wie viel EU-Fördermittel hat Ihr Museum in den letzten 3 Jahren erhalten?", "EUR",
         "eu_funding_received_eur", lambda v: v)]
Q_OBS = [("Was sind die drei größten Hindernisse? – " + lab, "Ja = zutreffend", "obs:" + code) for code, lab in OBS]
Q_END = [("Bemerkungen", "Text", "bem", None)]


def main():
    wb = Workbook()
    ws0 = wb.active
    ws0.title = "Hinweise"
    lines = [
        ("Museumsverband Rheinhessen-Pfalz e. V.", Font(bold=True, size=14)),
        ("Erhebung 2025: Digitalisierung, Kompetenzen und Künstliche Intelligenz in den Mitgliedsmuseen", Font(bold=True)),
        ("", None),
        ("Hinweise zum Ausfüllen", Font(bold=True)),
        ("1. Bitte tragen Sie pro Museum eine Zeile im Tabellenblatt „Rücklauf“ ein.", None),
        ("2. Zeile 5 enthält ein Ausfüllbeispiel in grauer Schrift. Bitte nicht löschen, sondern darunter eintragen.", None),
        ("3. Prozentangaben bitte als Zahl zwischen 0 und 100 angeben, Geldbeträge in Euro.", None),
        ("4. Bei Mehrfachnennungen bitte in der jeweiligen Spalte ein „x“ bzw. „Ja“ setzen.", None),
        ("5. Wenn Sie eine Frage nicht beantworten können, tragen Sie bitte „k.A.“ (keine Angabe) ein.", None),
        ("6. Digitale Kompetenzen: Stufen 1–8 nach dem Europäischen Referenzrahmen DigComp 2.2.", None),
        ("", None),
        ("Rücksendung bis 31. März 2025 an digital@museumsverband-rhp.de", Font(italic=True)),
        ("Ihre personenbezogenen Angaben werden nur für Rückfragen verwendet.", Font(italic=True, size=9)),
    ]
    for i, (t, f) in enumerate(lines):
        c = ws0.cell(row=i + 1, column=1, value=t)
        if f:
            c.font = f
    ws0.column_dimensions["A"].width = 110

    ws = wb.create_sheet(SHEET)
    ws["A1"] = "Rücklauf Mitgliederbefragung Digitalisierung & KI 2025 (Stand: 04.04.2025)"
    ws["A1"].font = Font(bold=True, size=12)
    cols = Q + [(a, b, c, None) for a, b, c in Q_SRC] + Q_EU + [(a, b, c, None) for a, b, c in Q_OBS] + Q_END
    HR, UR = 3, 4
    for i, (q, u, f, r) in enumerate(cols):
        c = ws.cell(row=HR, column=i + 1, value=q)
        c.font = Font(bold=True)
        c.alignment = Alignment(wrap_text=True, vertical="top")
        c.fill = PatternFill("solid", fgColor="FFF2CC")
        cu = ws.cell(row=UR, column=i + 1, value=u)
        cu.font = Font(italic=True, size=9)
        cu.fill = PatternFill("solid", fgColor="F2F2F2")
        ws.column_dimensions[get_column_letter(i + 1)].width = 34 if i == 0 else 18
    ws.row_dimensions[HR].height = 110
    grey = Font(italic=True, color="808080")
    # example row 5
    ex = {"museum_name": EXAMPLE["museum_name"], "ort": "Musterstadt", "_land": "Deutschland",
          "respondent_role": "Museumsleitung", "_p0": "Max Mustermann", "_p1": "max@musterstadt.de",
          "_p2": "01234 56789", "museum_type": "Regionalmuseum", "_own": "Kommune", "accredited": "Ja",
          "annual_visits": "12.000", "staff_paid_headcount": 5, "staff_paid_fte": 3.5, "collection_objects": 10000,
          "pct_digitised": 25, "src:regional_local": "x", "obs:money": "Ja"}
    for i, (q, u, f, r) in enumerate(cols):
        if f in ex:
            ws.cell(row=5, column=i + 1, value=ex[f]).font = grey
    for k, m in enumerate(M):
        row = 6 + k
        disp = m.get("disp", {})
        for i, (q, u, f, r) in enumerate(cols):
            cell = ws.cell(row=row, column=i + 1)
            if f == "_land":
                v = "Deutschland"
            elif f.startswith("_p"):
                v = m["person"][int(f[2])]
            elif f == "_own":
                v = m["own"][0]
            elif f.startswith("src:"):
                v = "x" if f[4:] in m["funding_sources"] else None
            elif f.startswith("obs:"):
                v = "Ja" if f[4:] in m["main_obstacles"] else None
            elif f == "bem":
                v = m["bem"] or None
            elif f == "ort":
                v = m["ort"]
            elif f in disp:
                v = disp[f] if disp[f] != "" else None
            else:
                v = m[f]
                v = None if v is None else r(v)
            cell.value = v
            if isinstance(v, (int, float)) and f.endswith("_eur"):
                cell.number_format = '#,##0 "€"'
            elif isinstance(v, (int, float)) and f in ("annual_visits", "collection_objects"):
                cell.number_format = "#,##0"
    ws.freeze_panes = "B5"
    wb.save(os.path.join(out_dir(), FNAME))

    truth = []
    skip = {"ort", "person", "own", "disp", "bem"}
    for m in M:
        t = {"museum_name": m["museum_name"], "country": "DE", "ownership": m["own"][1]}
        for k, v in m.items():
            if k in skip or k == "museum_name":
                continue
            t[k] = v
        truth.append(t)
    write_truth(FNAME, SHEET, truth, [EXAMPLE["museum_name"]],
                "Two sheets: 'Hinweise' (instructions only) comes first, data are on 'Rücklauf'. Row 1 title, row 3 "
                "holds the headings as full German questions, row 4 a units row ('Anzahl', '%', 'VZÄ', 'EUR', 'x = "
                "zutreffend'...), row 5 is the template's grey example row 'BEISPIEL: Museum Musterstadt (bitte "
                "überschreiben)' (not a museum), museums in rows 6-12. Country is a 'Land' column with 'Deutschland'. "
                "Funding sources are one column per option marked 'x' and the three main obstacles one column per "
                "option marked 'Ja' (empty = not chosen). Mixed cell types: many numbers are real numbers, others "
                "German text: 'ca. 7.900', 'ca. 1,45 Mio.' (1 450 000 objects), '1,2 Mio. €', '900 T€' (900 000), "
                "'0,42 Mio. €', '130 T€', '210.000,00 €', '8,75'. 'k.A.', '?' and empty cells are not answered (null). "
                "Museum types: Regionalmuseum -> regional_local, Mehrspartenmuseum -> general_mixed. Träger: Kommune/"
                "Landkreis -> regional_local_authority, Stiftung öffentlichen Rechts -> other_public, e. V. and Stiftung "
                "bürgerlichen Rechts -> private_nonprofit, private GmbH -> private_for_profit. Role 'Ehrenamtliche "
                "Mitarbeit' -> other. 'Land / Kommune' funding -> regional_local, 'Bund' -> national. AI literacy is the "
                "1-4 scale. Name/E-Mail/Telefon of the respondent are personal data; 'Ort' and 'Bemerkungen' are extra "
                "columns. eu_funding_received_eur of 0 is a real zero.")


if __name__ == "__main__":
    main()
