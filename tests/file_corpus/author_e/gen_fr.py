"""FR: regional museum network, xlsx, title block + 'Pays : France', two-row header with merged groups,
French number strings, 'NC' blanks, totals row, footnotes, contact columns."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill, Border, Side
from openpyxl.utils import get_column_letter

from common import out_dir, write_truth, fmt_num

FNAME = "Enquete_numerique_reseau_musees_BFC_2025.xlsx"
SHEET = "Synthèse réponses"
NBSP = "\u202f"  # narrow no-break space, as LibreOffice/Excel FR writes thousands

TYPE_FR = {"art": "Beaux-arts", "archaeology": "Archéologie", "natural_history_science": "Sciences naturelles",
           "history": "Histoire", "science_technology": "Sciences et techniques",
           "ethnography_anthropology": "Ethnographie", "monument_site": "Site archéologique / monument",
           "specialised": "Musée thématique (horlogerie)"}
STRAT_FR = {"written": "écrite", "unwritten": "non formalisée", "none": "aucune"}
AI_FR = {"none": "Aucun usage", "exploring": "Réflexion en cours", "pilot": "Projet pilote",
         "in_production": "En production"}
USE_FR = {"cataloguing_metadata": "aide au catalogage", "ocr_htr_transcription": "transcription (OCR)",
          "translation": "traduction", "image_recognition": "reconnaissance d'images",
          "visitor_chatbot": "agent conversationnel", "visitor_analytics": "analyse de la fréquentation"}
SRC_FR = {"national": "État (DRAC)", "regional_local": "Région / collectivités", "eu_structural_rrf": "FEDER",
          "eu_horizon": "Horizon Europe", "eu_creative_europe": "Europe créative",
          "eu_digital_europe": "programme Europe numérique", "private_sponsorship": "mécénat",
          "own_income": "ressources propres"}
OBS_FR = {"money": "budget", "staff_time": "temps des équipes", "skills": "compétences",
          "copyright": "droits d'auteur", "infrastructure": "infrastructures informatiques",
          "leadership_strategy": "pilotage / stratégie", "data_quality": "qualité des données"}

# Canonical data.  'own' = (French label, code); 'disp' = per-cell display overrides.
M = [
    dict(museum_id="M0101", museum_name="Musée des Beaux-Arts de Valmont-sur-Saône", ville="Valmont-sur-Saône",
         region_nuts2="FRC1", museum_type="art", own=("Commune", "regional_local_authority"), accredited=True,
         annual_visits=48250, staff_paid_fte=22.5, staff_fte_digital=3.0, collection_objects=38500,
         pct_catalogued_db=82, pct_digitised=46, pct_digitised_3d=2, pct_online=31,
         has_digital_strategy="written", pct_online_open=60, pct_online_restricted=25, pct_online_rights_unknown=15,
         ai_status="pilot", ai_use_cases=["cataloguing_metadata", "image_recognition"],
         digital_budget_available_eur=42000, need_infrastructure_eur=60000, need_equipment_eur=25000,
         need_human_resources_eur=90000, need_data_metadata_eur=30000, need_copyright_clearance_eur=15000,
         need_training_eur=12000, funding_sources=["national", "regional_local", "private_sponsorship"],
         main_obstacles=["money", "staff_time", "copyright"],
         contact=("Claire Monnier", "c.monnier@valmont-musees.fr", "03 84 12 34 56")),
    dict(museum_id="M0214", museum_name="Musée archéologique du Pays d'Orbe", ville="Orbe-la-Côte",
         region_nuts2="FRC2", museum_type="archaeology", own=("Département", "regional_local_authority"),
         accredited=True, annual_visits=12870, staff_paid_fte=9, staff_fte_digital=1, collection_objects=112000,
         pct_catalogued_db=64, pct_digitised=18, pct_digitised_3d=4, pct_online=9,
         has_digital_strategy="unwritten", pct_online_open=35, pct_online_restricted=20,
         pct_online_rights_unknown=45, ai_status="exploring", ai_use_cases=None,
         digital_budget_available_eur=15000, need_infrastructure_eur=40000, need_equipment_eur=55000,
         need_human_resources_eur=60000, need_data_metadata_eur=25000, need_copyright_clearance_eur=None,
         need_training_eur=8000, funding_sources=["national", "regional_local", "eu_structural_rrf"],
         main_obstacles=["money", "skills", "infrastructure"],
         disp=dict(ai_use_cases="-", need_copyright_clearance_eur="NC"),
         contact=("Julien Perrot", "jperrot@cd-orbe.fr", "03 81 45 67 89")),
    dict(museum_id="M0330", museum_name="Muséum d'histoire naturelle de Saint-Aurèle", ville="Saint-Aurèle",
         region_nuts2="FRC1", museum_type="natural_history_science", own=("Commune", "regional_local_authority"),
         accredited=True, annual_visits=27400, staff_paid_fte=15, staff_fte_digital=2, collection_objects=250000,
         pct_catalogued_db=41, pct_digitised=12, pct_digitised_3d=0.5, pct_online=14,
         has_digital_strategy="written", pct_online_open=80, pct_online_restricted=10, pct_online_rights_unknown=10,
         ai_status="pilot", ai_use_cases=["image_recognition", "ocr_htr_transcription"],
         digital_budget_available_eur=28000, need_infrastructure_eur=35000, need_equipment_eur=40000,
         need_human_resources_eur=70000, need_data_metadata_eur=50000, need_copyright_clearance_eur=5000,
         need_training_eur=10000, funding_sources=["national", "regional_local", "eu_horizon"],
         main_obstacles=["staff_time", "data_quality", "money"],
         contact=("Sophie Lacroix", "s.lacroix@saint-aurele.fr", "03 85 22 10 10")),
    dict(museum_id="M0457", museum_name="Maison-musée Jules Berthaud", ville="Clairvaux-les-Monts",
         region_nuts2="FRC2", museum_type="history", own=("Association", "private_nonprofit"), accredited=True,
         annual_visits=6120, staff_paid_fte=3.5, staff_fte_digital=0.5, collection_objects=8400,
         pct_catalogued_db=95, pct_digitised=70, pct_digitised_3d=0, pct_online=55,
         has_digital_strategy="none", pct_online_open=90, pct_online_restricted=5, pct_online_rights_unknown=5,
         ai_status="none", ai_use_cases=None, digital_budget_available_eur=4000,
         need_infrastructure_eur=10000, need_equipment_eur=6000, need_human_resources_eur=None,
         need_data_metadata_eur=8000, need_copyright_clearance_eur=2000, need_training_eur=3000,
         funding_sources=["own_income", "private_sponsorship", "regional_local"],
         main_obstacles=["money", "staff_time", "leadership_strategy"],
         disp=dict(ai_use_cases="", need_human_resources_eur="NC"),
         contact=("Marc Berthaud", "amis.berthaud@orange.fr", "06 12 98 76 54")),
    dict(museum_id="M0518", museum_name="Musée de la Forge et des Techniques", ville="Fontenoy-la-Forge",
         region_nuts2="FRC2", museum_type="science_technology",
         own=("Communauté de communes", "regional_local_authority"), accredited=True, annual_visits=19300,
         staff_paid_fte=7, staff_fte_digital=1, collection_objects=15600, pct_catalogued_db=58, pct_digitised=22,
         pct_digitised_3d=8, pct_online=12, has_digital_strategy="unwritten", pct_online_open=None,
         pct_online_restricted=None, pct_online_rights_unknown=None, ai_status="exploring",
         ai_use_cases=["translation"], digital_budget_available_eur=None, need_infrastructure_eur=20000,
         need_equipment_eur=30000, need_human_resources_eur=45000, need_data_metadata_eur=15000,
         need_copyright_clearance_eur=3000, need_training_eur=6000,
         funding_sources=["regional_local", "eu_structural_rrf"], main_obstacles=["money", "skills"],
         disp=dict(pct_online_open="NC", pct_online_restricted="NC", pct_online_rights_unknown="NC",
                   digital_budget_available_eur="NC"),
         contact=("Pauline Girard", "musee.forge@cc-fontenoy.fr", "03 84 70 11 22")),
    dict(museum_id="M0622", museum_name="Musée d'Ethnographie comtoise", ville="Lons-sur-Seille",
         region_nuts2="FRC2", museum_type="ethnography_anthropology", own=("Département", "regional_local_authority"),
         accredited=True, annual_visits=9850, staff_paid_fte=6, staff_fte_digital=0.8, collection_objects=21000,
         pct_catalogued_db=73, pct_digitised=35, pct_digitised_3d=1, pct_online=20,
         has_digital_strategy="written", pct_online_open=40, pct_online_restricted=40, pct_online_rights_unknown=20,
         ai_status="in_production", ai_use_cases=["ocr_htr_transcription", "translation", "visitor_chatbot"],
         digital_budget_available_eur=22000, need_infrastructure_eur=15000, need_equipment_eur=10000,
         need_human_resources_eur=50000, need_data_metadata_eur=20000, need_copyright_clearance_eur=25000,
         need_training_eur=7000, funding_sources=["national", "regional_local", "eu_creative_europe"],
         main_obstacles=["copyright", "money", "data_quality"],
         contact=("Nadia Benali", "n.benali@doubs-jura.fr", "03 81 65 43 21")),
    dict(museum_id="M0705", museum_name="Site et musée gallo-romain des Sept-Fontaines", ville="Sept-Fontaines",
         region_nuts2="FRC1", museum_type="monument_site", own=("État", "national_state"), accredited=True,
         annual_visits=64800, staff_paid_fte=31, staff_fte_digital=4, collection_objects=74000,
         pct_catalogued_db=88, pct_digitised=52, pct_digitised_3d=15, pct_online=40,
         has_digital_strategy="written", pct_online_open=55, pct_online_restricted=30, pct_online_rights_unknown=15,
         ai_status="pilot", ai_use_cases=["image_recognition", "visitor_analytics", "other"],
         digital_budget_available_eur=95000, need_infrastructure_eur=120000, need_equipment_eur=80000,
         need_human_resources_eur=150000, need_data_metadata_eur=40000, need_copyright_clearance_eur=10000,
         need_training_eur=20000, funding_sources=["national", "eu_digital_europe", "own_income"],
         main_obstacles=["staff_time", "skills", "infrastructure"],
         disp=dict(ai_use_cases="reconnaissance d'images ; analyse de la fréquentation ; autre : visite en réalité augmentée"),
         contact=("Thomas Renaud", "thomas.renaud@culture.gouv.fr", "03 86 55 00 00")),
    dict(museum_id="M0833", museum_name="Musée de l'Horlogerie du Haut-Val", ville="Morteau-le-Haut",
         region_nuts2="FRC2", museum_type="specialised", own=("Fondation", "private_nonprofit"), accredited=None,
         annual_visits=None, staff_paid_fte=4, staff_fte_digital=None, collection_objects=5200,
         pct_catalogued_db=100, pct_digitised=60, pct_digitised_3d=5, pct_online=45,
         has_digital_strategy="unwritten", pct_online_open=70, pct_online_restricted=30, pct_online_rights_unknown=0,
         ai_status="none", ai_use_cases=None, digital_budget_available_eur=8000, need_infrastructure_eur=5000,
         need_equipment_eur=12000, need_human_resources_eur=20000, need_data_metadata_eur=4000,
         need_copyright_clearance_eur=0, need_training_eur=2000,
         funding_sources=["own_income", "private_sponsorship"], main_obstacles=["money"],
         disp=dict(accredited="NC", annual_visits="NC", staff_fte_digital="NC", ai_use_cases=""),
         contact=("Henri Vuillemin", "contact@fondation-horlogerie.fr", "03 81 67 00 11")),
]


def fr(x, dec=None):
    return fmt_num(x, NBSP, ",", dec)


def pct(x):
    return fr(x) + " %"


def eur(x):
    return fr(x) + " €"


def multi(codes, labels):
    return " ; ".join(labels[c] for c in codes)


# columns: (group, header, field, renderer)
COLS = [
    ("Identification", "Code Muséofile", "museum_id", str),
    ("Identification", "Musée", "museum_name", str),
    ("Identification", "Commune", "ville", str),
    ("Identification", "Région (code NUTS 2)", "region_nuts2", str),
    ("Identification", "Type de musée", "museum_type", lambda v: TYPE_FR[v]),
    ("Identification", "Gestionnaire", "own", None),
    ("Identification", "Appellation « Musée de France »", "accredited", lambda v: "oui" if v else "non"),
    ("Fréquentation et personnel", "Entrées 2024", "annual_visits", None),  # numeric cell
    ("Fréquentation et personnel", "ETP salariés", "staff_paid_fte", lambda v: fr(v)),
    ("Fréquentation et personnel", "dont ETP numérique", "staff_fte_digital", lambda v: fr(v)),
    ("Collections et numérisation", "Nb d'objets", "collection_objects", lambda v: fr(v)),
    ("Collections et numérisation", "% inventorié en base", "pct_catalogued_db", pct),
    ("Collections et numérisation", "% numérisé", "pct_digitised", pct),
    ("Collections et numérisation", "dont 3D (%)", "pct_digitised_3d", pct),
    ("Collections et numérisation", "% en ligne", "pct_online", pct),
    ("Collections et numérisation", "Stratégie numérique", "has_digital_strategy", lambda v: STRAT_FR[v]),
    ("Statut juridique des contenus en ligne (1)", "% licence ouverte", "pct_online_open", pct),
    ("Statut juridique des contenus en ligne (1)", "% licence restrictive", "pct_online_restricted", pct),
    ("Statut juridique des contenus en ligne (1)", "% droits non identifiés", "pct_online_rights_unknown", pct),
    ("Intelligence artificielle", "Usage de l'IA", "ai_status", lambda v: AI_FR[v]),
    ("Intelligence artificielle", "Usages de l'IA (plusieurs réponses)", "ai_use_cases", lambda v: multi(v, USE_FR)),
    ("Financement (€)", "Budget numérique annuel", "digital_budget_available_eur", eur),
    ("Besoins de financement d'ici 2030 (€) (2)", "Infrastructures", "need_infrastructure_eur", eur),
    ("Besoins de financement d'ici 2030 (€) (2)", "Équipement", "need_equipment_eur", eur),
    ("Besoins de financement d'ici 2030 (€) (2)", "Ressources humaines", "need_human_resources_eur", eur),
    ("Besoins de financement d'ici 2030 (€) (2)", "Données / métadonnées", "need_data_metadata_eur", eur),
    ("Besoins de financement d'ici 2030 (€) (2)", "Droits d'auteur", "need_copyright_clearance_eur", eur),
    ("Besoins de financement d'ici 2030 (€) (2)", "Formation", "need_training_eur", eur),
    ("Financement (€)", "Sources de financement", "funding_sources", lambda v: multi(v, SRC_FR)),
    ("Financement (€)", "Principaux freins", "main_obstacles", lambda v: multi(v, OBS_FR)),
    ("Contact", "Nom", "c0", None),
    ("Contact", "Courriel", "c1", None),
    ("Contact", "Téléphone", "c2", None),
]


def main():
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    bold = Font(bold=True)
    ws["A1"] = "Réseau des musées de Bourgogne-Franche-Comté"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = "Enquête 2025 sur la transformation numérique des musées du réseau – synthèse des réponses"
    ws["A2"].font = Font(italic=True, size=11)
    ws["A3"] = "Pays : France"
    ws["A4"] = "Date de référence des données : 31/12/2024"
    # row 5 blank; row 6 groups; row 7 headers
    hdr_fill = PatternFill("solid", fgColor="DCE6F1")
    grp_fill = PatternFill("solid", fgColor="B8CCE4")
    thin = Side(style="thin", color="808080")
    col = 1
    runs = []
    for i, (g, h, f, r) in enumerate(COLS):
        c = ws.cell(row=7, column=i + 1, value=h)
        c.font = bold
        c.fill = hdr_fill
        c.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        c.border = Border(top=thin, bottom=thin, left=thin, right=thin)
        if runs and runs[-1][0] == g:
            runs[-1][2] = i + 1
        else:
            runs.append([g, i + 1, i + 1])
    for g, a, b in runs:
        c = ws.cell(row=6, column=a, value=g)
        c.font = bold
        c.fill = grp_fill
        c.alignment = Alignment(horizontal="center")
        if b > a:
            ws.merge_cells(start_row=6, start_column=a, end_row=6, end_column=b)
    ws.row_dimensions[7].height = 45
    r0 = 8
    for k, m in enumerate(M):
        row = r0 + k
        disp = m.get("disp", {})
        for i, (g, h, f, rend) in enumerate(COLS):
            cell = ws.cell(row=row, column=i + 1)
            if f == "own":
                cell.value = m["own"][0]
            elif f in ("c0", "c1", "c2"):
                cell.value = m["contact"][int(f[1])]
            elif f in disp:
                cell.value = disp[f] if disp[f] != "" else None
            elif f == "annual_visits":
                cell.value = m[f]
                cell.number_format = "#,##0"
            else:
                v = m[f]
                cell.value = None if v is None else rend(v)
            if f in ("ai_use_cases", "funding_sources", "main_obstacles"):
                cell.alignment = Alignment(wrap_text=True)
    # blank row then totals
    tr = r0 + len(M) + 1
    idx = {c[2]: i + 1 for i, c in enumerate(COLS)}
    ws.cell(row=tr, column=idx["museum_name"], value="Total réseau (8 musées)").font = bold
    tv = sum(m["annual_visits"] for m in M if m["annual_visits"] is not None)
    c = ws.cell(row=tr, column=idx["annual_visits"], value=tv)
    c.number_format = "#,##0"
    c.font = bold
    ws.cell(row=tr, column=idx["staff_paid_fte"], value=fr(sum(m["staff_paid_fte"] for m in M))).font = bold
    ws.cell(row=tr, column=idx["collection_objects"], value=fr(sum(m["collection_objects"] for m in M))).font = bold
    ws.cell(row=tr, column=idx["digital_budget_available_eur"],
            value=eur(sum(m["digital_budget_available_eur"] or 0 for m in M))).font = bold
    notes = [
        "NC : non communiqué ; « - » : sans objet.",
        "(1) Part des contenus mis en ligne selon leur statut : licence ouverte (CC0, CC BY, CC BY-SA, domaine public), "
        "licence restrictive (NC/ND…), droits non identifiés. Total = 100 %.",
        "(2) Montants estimés pour atteindre les objectifs 2030, en euros TTC.",
        "Source : questionnaire en ligne du réseau, réponses reçues entre janvier et mars 2025. Saisie : Réseau BFC.",
    ]
    for j, t in enumerate(notes):
        ws.cell(row=tr + 2 + j, column=1, value=t).font = Font(italic=True, size=9)
    widths = {1: 12, 2: 42, 3: 20, 4: 12, 5: 24, 6: 22}
    for i in range(1, len(COLS) + 1):
        ws.column_dimensions[get_column_letter(i)].width = widths.get(i, 16)
    ws.freeze_panes = "C8"
    wb.save(os.path.join(out_dir(), FNAME))

    truth = []
    for m in M:
        t = {"museum_name": m["museum_name"], "country": "FR", "museum_id": m["museum_id"],
             "region_nuts2": m["region_nuts2"], "reference_date": "2024-12-31",
             "ownership": m["own"][1]}
        for g, h, f, r in COLS:
            if f in ("museum_id", "museum_name", "ville", "region_nuts2", "own", "c0", "c1", "c2"):
                continue
            t[f] = m[f]
        truth.append(t)
    write_truth(FNAME, SHEET, truth, ["Total réseau (8 musées)"],
                "Single sheet. Rows 1-4 are a title block: network name, survey title, 'Pays : France' (country for "
                "every row) and 'Date de référence des données : 31/12/2024' (taken as reference_date for every "
                "museum). Row 5 blank, row 6 holds merged group cells (Identification, Fréquentation et personnel, "
                "Collections et numérisation, rights, IA, Financement, Besoins..., Contact), row 7 the short French "
                "column labels, data rows 8-15. Row 17 is a 'Total réseau (8 musées)' totals row (not a museum), "
                "followed by footnotes. 'Code Muséofile' is the museum_id; the region column holds NUTS 2 codes "
                "(FRC1/FRC2). Numbers are text in French format with narrow no-break space thousands and comma "
                "decimals ('0,5 %', '42 000 €'); visits are real numbers. 'NC' and '-' and empty cells are not "
                "answered. Multi-selects are ' ; '-separated French labels; 'autre : visite en réalité augmentée' "
                "maps to other. Gestionnaire: Commune/Département/Communauté de communes -> regional_local_authority, "
                "État -> national_state, Association/Fondation -> private_nonprofit. Type 'Musée thématique "
                "(horlogerie)' -> specialised, 'Site archéologique / monument' -> monument_site, 'Sciences et "
                "techniques' -> science_technology. The Muséum has pct_online 14 > pct_digitised 12 (legitimate "
                "warning case). Contact name/e-mail/phone columns are personal data. The AI-uses column is blank or "
                "'-' where no use is reported (null).")


if __name__ == "__main__":
    main()
