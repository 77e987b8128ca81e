# BE (Wallonia), French: columns in an unusual order, extra personal/contact columns, a hidden column,
# an empty column, local words for yes/no, museum types and "pouvoir organisateur", country column at the far right.
import os
from openpyxl import Workbook
from openpyxl.styles import Font, Alignment, PatternFill
from openpyxl.utils import get_column_letter
from gen_common import OUT, truth, check

FN = "enquete_numerique_musees_wallons_2025.xlsx"
SHEET = "Réponses"
TYPE = {"art": "Beaux-arts", "regional_local": "Musée régional / vie locale", "archaeology": "Archéologie",
        "ethnography_anthropology": "Folklore et ethnographie", "monument_site": "Site / monument",
        "natural_history_science": "Sciences naturelles", "specialised": "Musée spécialisé (verre)", "history": "Histoire"}
STRAT = {"written": "Oui, écrite", "unwritten": "Oui, informelle (non écrite)", "none": "Non"}
MD = {"lido": "LIDO", "dublin_core": "Dublin Core", "cidoc_crm": "CIDOC-CRM", "in_house": "format maison", "edm": "EDM",
      "none": "aucune"}
AI = {"none": "Non", "exploring": "En réflexion", "pilot": "Projet pilote", "in_production": "En production"}
POL = {"none": "Aucune", "in_preparation": "En préparation", "adopted": "Adoptée"}

mus = []
def M(n, name, commune, contact, role_txt, role, email, tel, web, verif, dig, onl, budget, typ, po_txt, own, acc,
      visits, obj, strat, cms, md, rights, cobs, ai, pol, fund_txt, fund, comment):
    m = dict(museum_name=name, country="BE", respondent_role=role, museum_type=typ, ownership=own, accredited=acc,
             annual_visits=visits, collection_objects=obj, pct_digitised=dig[0], pct_online=onl[0],
             digital_budget_available_eur=budget[0], has_digital_strategy=strat, has_cms=cms,
             metadata_standards=md, pct_online_open=rights[0], pct_online_restricted=rights[1],
             pct_online_rights_unknown=rights[2], copyright_obstacle=cobs, ai_status=ai, ai_policy=pol,
             funding_sources=fund)
    rc = ["NC" if x is None else x for x in rights]
    m["_cells"] = [n, name, commune, contact, role_txt, email, tel, verif, web, dig[1], onl[1], budget[1],
                   TYPE[typ], po_txt, "oui" if acc else "non", None, visits, obj, STRAT[strat],
                   "oui" if cms else "non", ", ".join(MD[x] for x in md) if md else "NC", rc[0], rc[1], rc[2],
                   "NC" if cobs is None else cobs, AI[ai], POL[pol], fund_txt, "Belgique", comment]
    mus.append(m)

M(1, "Musée des Beaux-Arts de Thiermont", "Thiermont", "Mme Isabelle Delvaux", "Directrice", "director",
  "i.delvaux@thiermont-musees.example.be", "+32 71 00 12 34", "www.mba-thiermont.example.be", "ok", (70, 70), (45, 45),
  (25000, 25000), "art", "Commune", "regional_local_authority", True, 23400, 6200, "written", True, ["lido", "dublin_core"],
  (40, 35, 25), 4, "exploring", "in_preparation", "Commune, Province, Europe créative",
  ["regional_local", "eu_creative_europe"], "Chiffres de fréquentation 2024 encore provisoires.")
M(2, "Musée du Val de Molignée", "Anhée-le-Val", "M. Jean-Luc Petitjean", "Conservateur", "collections",
  "musee.molignee@example.be", "082 00 45 67", "", "ok", (15, 15), (5, 5), (3000, 3000), "regional_local", "ASBL",
  "private_nonprofit", True, 4100, 9500, "unwritten", True, ["in_house"], (None, None, None), 2, "none", "none",
  "Commune, recettes propres", ["regional_local", "own_income"], "")
M(3, "Maison de l'Archéologie de Fosseroule", "Fosseroule", "Dr Nadia El Amrani", "Responsable informatique et collections numériques",
  "digital_it", "n.elamrani@province.example.be", "+32 81 00 98 76", "archeo-fosseroule.example.be", "MD", (22, 22), (10, 10),
  (40000, 40000), "archaeology", "Province", "regional_local_authority", True, 17800, 145000, "written", True,
  ["dublin_core", "cidoc_crm"], (10, 60, 30), 5, "pilot", "adopted", "Province, FEDER, mécénat",
  ["regional_local", "eu_structural_rrf", "private_sponsorship"], "Projet pilote IA : reconnaissance des tessons (avec une université).")
M(4, "Musée du Folklore de Marcinvaux", "Marcinvaux", "Albert Lemaire", "Guide bénévole", "other",
  "", "0475 00 11 22", "", "", (8, 8), (0, 0), (0, "0"), "ethnography_anthropology", "ASBL", "private_nonprofit", False,
  2600, 7000, "none", False, ["none"], (None, None, None), None, "none", "none", "Commune", ["regional_local"],
  "Pas de budget numérique propre ; le site web est tenu par un bénévole.")
M(5, "Centre d'interprétation du Charbonnage de Lambusart-Sud", "Lambusart-Sud", "Mme Carine Bastin",
  "Gestionnaire administrative et financière", "finance_admin", "c.bastin@charbonnage.example.be", "+32 71 00 55 00",
  "www.charbonnage-lambusart.example.be", "ok", (55, 55), (30, 30), (35000, 35000), "monument_site", "Région wallonne (AWaP)",
  "regional_local_authority", True, 52300, 3100, "written", True, ["lido"], (50, 30, 20), 3, "pilot", "in_preparation",
  "Région wallonne, FEDER, recettes propres", ["regional_local", "eu_structural_rrf", "own_income"], "")
M(6, "Musée des Sciences naturelles de Bressoux-le-Haut", "Bressoux-le-Haut", "Mme Sophie Van Damme", "Conservatrice",
  "collections", "svandamme@msn-bressoux.example.be", "04 000 77 88", "msn-bressoux.example.be", "ok", (9.5, "9,5"),
  (4, 4), (28000, 28000), "natural_history_science", "Fondation privée", "private_nonprofit", True, 31000, 260000,
  "written", True, ["dublin_core", "edm"], (70, 10, 20), 3, "exploring", "none", "Mécénat, Province, Horizon Europe",
  ["private_sponsorship", "regional_local", "eu_horizon"], "Nouvelle base de données prévue pour 2026.")
M(7, "Musée du Verre et du Cristal de Hautrage-Vallée", "Hautrage-Vallée", "M. Philippe Degand", "Directeur", "director",
  "direction@verre-hautrage.example.be", "065 00 33 44", "www.verre-hautrage.example.be", "ok", (40, 40), (25, 25),
  (12000, 12000), "specialised", "Société privée (SA)", "private_for_profit", False, 12400, 4800, "unwritten", True,
  ["in_house", "dublin_core"], (None, None, None), 4, "in_production", "none", "Recettes propres, mécénat",
  ["own_income", "private_sponsorship"], "Chatbot sur le site depuis 2024.")
M(8, "Musée d'Histoire locale de Waulsort-Plateau", "Waulsort-Plateau", "Mme Élise Gérard", "Médiatrice culturelle",
  "other", "e.gerard@waulsort-plateau.example.be", "082 00 66 10", "", "MD", (18, 18), (12, 12), (None, "NC"), "history",
  "Commune", "regional_local_authority", True, 8300, 12500, "written", True, ["dublin_core"], (20, 30, 50), 4,
  "exploring", "in_preparation", "Commune, Province", ["regional_local"], "Budget numérique inclus dans le budget général, non isolé.")
check(mus)

HEAD = ["N°", "Musée", "Commune", "Personne de contact", "Fonction du répondant", "E-mail", "Téléphone", "Vérifié",
        "Site internet", "% de la collection numérisée", "% de la collection en ligne", "Budget numérique annuel (€)",
        "Type de musée", "Pouvoir organisateur", "Reconnu par la FWB", "Colonne1", "Nombre de visiteurs (2024)",
        "Nombre d'objets de la collection", "Stratégie numérique", "Logiciel de gestion des collections",
        "Normes de métadonnées utilisées", "En ligne : % sous licence ouverte (CC0, CC BY, domaine public)",
        "En ligne : % sous licence restrictive (NC, ND…)", "En ligne : % statut des droits inconnu",
        "Le droit d'auteur est-il un obstacle ? (1 = pas du tout, 5 = très important)", "Intelligence artificielle : utilisation",
        "Politique IA", "Sources de financement du numérique", "Pays", "Commentaires"]
wb = Workbook(); ws = wb.active; ws.title = SHEET
for i, h in enumerate(HEAD, 1):
    c = ws.cell(1, i, h); c.font = Font(bold=True, color="FFFFFF"); c.fill = PatternFill("solid", fgColor="C00000")
    c.alignment = Alignment(wrap_text=True, vertical="center")
ws.row_dimensions[1].height = 60
for r, m in enumerate(mus, 2):
    for i, x in enumerate(m.pop("_cells"), 1):
        c = ws.cell(r, i, x if x != "" else None)
        if i in (12, 17, 18) and isinstance(x, int): c.number_format = "#,##0"
ws.column_dimensions["H"].hidden = True
ws.column_dimensions["P"].width = 4
for i, w in enumerate([4, 44, 16, 22, 24, 30, 16, 6, 28, 12, 12, 14, 24, 20, 10, 4, 12, 12, 22, 12, 24, 14, 14, 14,
                       18, 16, 14, 34, 10, 50], 1):
    if i != 8: ws.column_dimensions[get_column_letter(i)].width = w
ws.auto_filter.ref = f"A1:{get_column_letter(len(HEAD))}{len(mus) + 1}"
ws.freeze_panes = "C2"
wb.save(os.path.join(OUT, FN))
truth(FN, SHEET, mus, [],
      "Single sheet 'Réponses' with autofilter, header in row 1, 8 museums in rows 2-9. Column order is unusual: contact and "
      "personal columns (Personne de contact, E-mail, Téléphone, Site internet) come right after the museum name, a running "
      "number 'N°' is column A, column H 'Vérifié' (checker's initials) is hidden, column P 'Colonne1' is empty, the "
      "digitisation/online % and budget come before type and ownership, and 'Pays' (Belgique -> BE) is near the end followed "
      "by free-text 'Commentaires'. Yes/no are oui/non. 'Reconnu par la FWB' (recognition by the Fédération Wallonie-Bruxelles) "
      "-> accredited. 'Pouvoir organisateur': Commune/Province/Région wallonne (AWaP) -> regional_local_authority, ASBL and "
      "Fondation privée -> private_nonprofit, Société privée (SA) -> private_for_profit. Fonction du répondant: Directeur/"
      "Directrice -> director, Conservateur/Conservatrice -> collections, 'Responsable informatique et collections numériques' "
      "-> digital_it, 'Gestionnaire administrative et financière' -> finance_admin, 'Guide bénévole' and 'Médiatrice "
      "culturelle' -> other. 'format maison' -> in_house, 'aucune' -> none. Funding: Commune/Province/Région wallonne -> "
      "regional_local, FEDER (ERDF) -> eu_structural_rrf, mécénat -> private_sponsorship, recettes propres -> own_income. "
      "'NC' = not answered; '9,5' is a French decimal (9.5 %); budget '0' for Marcinvaux is a real zero. The three rights "
      "shares are shares of the online material and sum to 100 where given."
      " Comments are free text and carry no schema values.")
print("BE ok")
