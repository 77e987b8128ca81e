# GR: workbook with an instructions sheet first, a code-book sheet, and the data on the third sheet;
# row 1 of the data sheet = short variable codes (Q1..Q33), row 2 = Greek human-readable headings, data from row 3.
import os
from openpyxl import Workbook
from openpyxl.styles import Font, Alignment, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from gen_common import OUT, truth, check

FN = "GR_Erevna_Psifiakes_Dexiotites_Mouseion_2025.xlsx"
SHEET = "Απαντήσεις"
NA = "Δ/Α"
ROLE = {"director": "Διευθυντής/ρια", "collections": "Επιμελητής/ρια συλλογών", "digital_it": "Υπεύθυνος/η ψηφιακών & πληροφορικής",
        "finance_admin": "Διοικητικό / οικονομικό τμήμα", "other": "Άλλο"}
TYPE = {"archaeology": "Αρχαιολογικό", "ethnography_anthropology": "Λαογραφικό", "art": "Τέχνης", "history": "Ιστορικό",
        "natural_history_science": "Φυσικής Ιστορίας", "specialised": "Εξειδικευμένο (θεματικό)",
        "science_technology": "Επιστήμης & Τεχνολογίας", "monument_site": "Αρχαιολογικός χώρος / μνημείο"}
OWN = {"national_state": "Δημόσιο (ΥΠΠΟ)", "private_nonprofit": "Ίδρυμα (ΝΠΙΔ μη κερδοσκοπικό)",
       "regional_local_authority": "Δήμος", "other_public": "Άλλο ΝΠΔΔ (Πανεπιστήμιο)", "private_for_profit": "Ιδιωτικό (εταιρικό μουσείο)"}
ROLES = {"digital_strategy_manager": "Υπεύθυνος ψηφιακής στρατηγικής", "digital_collections_curator": "Επιμελητής ψηφιακών συλλογών",
         "digital_interactive_experience_developer": "Προγραμματιστής ψηφιακών εμπειριών",
         "online_community_manager": "Διαχειριστής διαδικτυακής κοινότητας", "data_ai_specialist": "Ειδικός δεδομένων / ΤΝ"}
AIS = {"none": "Καμία χρήση", "exploring": "Διερεύνηση", "pilot": "Πιλοτική εφαρμογή", "in_production": "Σε παραγωγική λειτουργία"}
AIU = {"cataloguing_metadata": "Τεκμηρίωση / μεταδεδομένα", "ocr_htr_transcription": "OCR / μεταγραφή χειρογράφων",
       "translation": "Μετάφραση", "image_recognition": "Αναγνώριση εικόνας", "visitor_chatbot": "Chatbot για επισκέπτες",
       "recommendation_personalisation": "Εξατομίκευση / προτάσεις", "visitor_analytics": "Ανάλυση επισκεψιμότητας",
       "conservation_monitoring": "Παρακολούθηση συντήρησης", "generative_content": "Παραγωγή περιεχομένου (γενετική ΤΝ)"}
POL = {"none": "Καμία", "in_preparation": "Υπό εκπόνηση", "adopted": "Εγκεκριμένη"}
OB = {"money": "Χρηματοδότηση", "staff_time": "Έλλειψη προσωπικού / χρόνου", "skills": "Δεξιότητες",
      "copyright": "Πνευματικά δικαιώματα", "infrastructure": "Υποδομές", "leadership_strategy": "Ηγεσία / στρατηγική",
      "data_quality": "Ποιότητα δεδομένων"}
COLS = [  # (code, Greek heading, field)
 ("Q1", "Επωνυμία μουσείου", "museum_name"), ("Q2", "Χώρα", "country"), ("Q3", "Περιφέρεια (κωδ. NUTS 2)", "region_nuts2"),
 ("Q4", "Ιδιότητα συντάκτη/τριας", "respondent_role"), ("Q5", "Κατηγορία μουσείου", "museum_type"),
 ("Q6", "Φορέας / ιδιοκτησιακό καθεστώς", "ownership"), ("Q7", "Επισκέπτες 2024", "annual_visits"),
 ("Q8", "Αμειβόμενο προσωπικό (ΙΠΑ)", "staff_paid_fte"), ("Q9", "Προσωπικό σε ψηφιακά καθήκοντα (ΙΠΑ)", "staff_fte_digital"),
 ("Q10", "Προσωπικό με ειδίκευση δεδομένων / ΤΝ (ΙΠΑ)", "staff_fte_data_ai"), ("Q11", "Υπάρχοντες ψηφιακοί ρόλοι", "roles_present"),
 ("Q12", "% συλλογής ψηφιοποιημένο", "pct_digitised"),
 ("Q13", "Δεξιότητες: πληροφορίες & δεδομένα (1-8)", "skill_info_data"),
 ("Q14", "Δεξιότητες: επικοινωνία & συνεργασία (1-8)", "skill_communication"),
 ("Q15", "Δεξιότητες: δημιουργία ψηφιακού περιεχομένου (1-8)", "skill_content_creation"),
 ("Q16", "Δεξιότητες: ασφάλεια (1-8)", "skill_safety"), ("Q17", "Δεξιότητες: επίλυση προβλημάτων (1-8)", "skill_problem_solving"),
 ("Q18", "Γραμματισμός στην ΤΝ (1-4)", "skill_ai_literacy"), ("Q19", "% προσωπικού με εκπαίδευση ΤΝ (τελευταίοι 12 μήνες)", "pct_staff_ai_trained_12m"),
 ("Q20", "Έγινε αξιολόγηση αναγκών δεξιοτήτων;", "skills_assessment_done"), ("Q21", "Υπάρχει σχέδιο κατάρτισης;", "training_plan"),
 ("Q22", "Ψηφιακή γνώση της διοίκησης (1-5)", "leadership_digital_knowledge"), ("Q23", "Χρήση ΤΝ", "ai_status"),
 ("Q24", "Εφαρμογές ΤΝ", "ai_use_cases"), ("Q25", "Πολιτική για την ΤΝ", "ai_policy"),
 ("Q26", "Επάρκεια: αποθήκευση (1-5)", "infra_storage"), ("Q27", "Επάρκεια: υπολογιστική ισχύς / cloud (1-5)", "infra_compute_cloud"),
 ("Q28", "Επάρκεια: δίκτυο (1-5)", "infra_network"), ("Q29", "Επάρκεια: εξοπλισμός λήψης (1-5)", "infra_capture_equipment"),
 ("Q30", "Παρακολουθείται το περιβαλλοντικό κόστος;", "env_cost_monitored"),
 ("Q31", "Θα χρησιμοποιούσατε ευρωπαϊκό κόμβο ικανοτήτων ΤΝ; (1-5)", "wants_competency_hub"),
 ("Q32", "Κύρια εμπόδια (έως 3)", "main_obstacles"), ("Q33", "Σχόλια", None)]
F = [c[2] for c in COLS if c[2]]

mus = []
def M(vals, disp=None, comment=None):
    m = dict(zip(F, vals)); m["country"] = "GR"; m["_disp"] = disp or {}; m["_comment"] = comment
    mus.append(m)
n = None
M(["Αρχαιολογικό Μουσείο Πετροχωρίου", "GR", "EL43", "director", "archaeology", "national_state", 74000, 21, 2, 0,
   ["digital_collections_curator"], 18, 3, 4, 2, 3, 3, 2, 10, False, False, 2, "exploring", n, "none", 2, 2, 3, 1, False, 4,
   ["staff_time", "money", "skills"]], {"ai_use_cases": "-"})
M(["Λαογραφικό Μουσείο Κάτω Λιβαδιών", "GR", "EL54", "collections", "ethnography_anthropology", "private_nonprofit", 5200, 2.5,
   0.5, n, n, 12, 2, 3, 2, 2, 2, 1, 0, False, False, 2, "none", n, "none", 1, 1, 2, 1, False, 3, ["money", "skills", "staff_time"]],
  {"staff_fte_data_ai": NA, "roles_present": NA})
M(["Μουσείο Σύγχρονης Τέχνης Θερμαϊκού", "GR", "EL52", "digital_it", "art", "private_nonprofit", 96000, 28, 4, 1,
   ["digital_strategy_manager", "digital_collections_curator", "online_community_manager", "data_ai_specialist"], 75, 5, 6, 6,
   4, 5, 3, 45, True, True, 4, "in_production",
   ["cataloguing_metadata", "visitor_chatbot", "translation", "recommendation_personalisation"], "adopted", 4, 4, 4, 3, True, 5,
   ["money", "copyright"]], comment="Η πολιτική ΤΝ εγκρίθηκε από το ΔΣ τον Νοέμβριο 2024.")
M(["Ιστορικό Αρχείο-Μουσείο Κεφαλοβρύσου", "GR", "EL63", "director", "history", "regional_local_authority", 8900, 4, 1, 0,
   ["digital_collections_curator"], 40, 3, 4, 3, 3, 3, 2, 25, False, True, 3, "pilot", ["ocr_htr_transcription", "other"],
   "in_preparation", 3, 2, 3, 2, False, 4, ["staff_time", "money", "infrastructure"]],
  {"ai_use_cases": "OCR / μεταγραφή χειρογράφων; Άλλο: αναζήτηση στο αρχείο τοπικών εφημερίδων"})
M(["Μουσείο Φυσικής Ιστορίας Δυτικών Πιερίων", "GR", "EL52", "collections", "natural_history_science", "other_public", 12300, 6, 1,
   0.5, ["data_ai_specialist", "digital_collections_curator"], 9, 4, 4, 3, 4, 5, 3, 30, True, False, 3, "pilot",
   ["image_recognition"], "none", 3, 3, 4, 2, True, 5, ["money", "data_quality", "staff_time"]])
M(["Ναυτικό Μουσείο Πορτοκαλιάς", "GR", "EL42", "finance_admin", "specialised", "regional_local_authority", 15400, 3, n, 0, n,
   22, 2, 3, 3, 2, 2, 2, 0, False, False, 2, "none", n, "none", 2, 1, 2, 2, False, 3, ["money", "staff_time", "leadership_strategy"]],
  {"staff_fte_digital": NA, "roles_present": "-", "ai_use_cases": None}, comment="Το μουσείο λειτουργεί μόνο Απρίλιο-Οκτώβριο.")
M(["Μουσείο Βιομηχανικής Τεχνολογίας Λευκοπηγής", "GR", "EL65", "digital_it", "science_technology", "private_for_profit", 21000, 5,
   1.5, 0.5, ["digital_interactive_experience_developer", "online_community_manager"], 55, 5, 5, 5, 4, 4, 3, 60, True, True, 4,
   "in_production", ["visitor_analytics", "generative_content", "visitor_chatbot"], "adopted", 4, 3, 4, 4, False, 4,
   ["skills", "staff_time"]])
M(["Αρχαιολογικός Χώρος και Μουσείο Ακροβουνίου", "GR", "EL30", "other", "monument_site", "national_state", 310000, 45, 3, 0,
   ["digital_collections_curator"], 30, 3, 3, 3, 3, 3, n, n, False, False, 3, "exploring", n, "in_preparation", 2, 2, 2, 3,
   False, 5, ["money", "copyright", "staff_time"]], {"skill_ai_literacy": NA, "pct_staff_ai_trained_12m": NA, "ai_use_cases": "-"},
  comment="Συμπληρώθηκε από αρχαιολόγο της Εφορείας.")
check(mus)

def render(f, v, disp):
    if f in disp: return disp[f]
    if v is None: return None
    if f == "country": return "Ελλάδα"
    if f == "respondent_role": return ROLE[v]
    if f == "museum_type": return TYPE[v]
    if f == "ownership": return OWN[v]
    if f == "roles_present": return "; ".join(ROLES[x] for x in v)
    if f == "ai_status": return AIS[v]
    if f == "ai_use_cases": return "; ".join(AIU[x] for x in v)
    if f == "ai_policy": return POL[v]
    if f == "main_obstacles": return "; ".join(OB[x] for x in v)
    if isinstance(v, bool): return "Ναι" if v else "Όχι"
    return v

wb = Workbook()
ws0 = wb.active; ws0.title = "Οδηγίες"
intro = ["Έρευνα για τον ψηφιακό μετασχηματισμό και τις δεξιότητες των μουσείων - 2025",
         "Δίκτυο Περιφερειακών Μουσείων (ενδεικτικό όνομα αποστολέα)",
         "",
         "Οδηγίες συμπλήρωσης:",
         "1. Συμπληρώστε μία γραμμή ανά μουσείο στο φύλλο «Απαντήσεις», ξεκινώντας από τη γραμμή 3.",
         "2. Η γραμμή 1 περιέχει τους κωδικούς ερωτήσεων (Q1-Q33)· μην τους αλλάζετε. Η γραμμή 2 περιέχει τις ερωτήσεις.",
         "3. Δεξιότητες (Q13-Q17): επίπεδο DigComp 2.2 από 1 (βασικό) έως 8 (εξειδικευμένο) για το τυπικό μέλος του προσωπικού.",
         "4. Γραμματισμός ΤΝ (Q18): 1 = καθόλου, 2 = επίγνωση, 3 = ασφαλής χρήση, 4 = εφαρμογή και αξιολόγηση.",
         "5. Κλίμακες 1-5: 1 = πολύ χαμηλή / καθόλου, 5 = πολύ υψηλή / απόλυτα.",
         "6. ΙΠΑ = ισοδύναμα πλήρους απασχόλησης. Τα ποσοστά είναι επί του συνόλου της συλλογής ή του προσωπικού.",
         "7. Σε πεδία πολλαπλών επιλογών χωρίστε τις απαντήσεις με ερωτηματικό ( ; ).",
         "8. Αν δεν γνωρίζετε ή δεν θέλετε να απαντήσετε, γράψτε «Δ/Α» (δεν απαντήθηκε) ή αφήστε το κελί κενό.",
         "",
         "Προθεσμία αποστολής: 28 Φεβρουαρίου 2025."]
for i, t in enumerate(intro, 1):
    ws0.cell(i, 1, t)
ws0["A1"].font = Font(bold=True, size=14); ws0["A4"].font = Font(bold=True); ws0.column_dimensions["A"].width = 120
ws1 = wb.create_sheet("Κωδικοί")
ws1.append(["Κωδικός", "Ερώτηση", "Επιτρεπτές τιμές"])
allowed = {"respondent_role": ROLE, "museum_type": TYPE, "ownership": OWN, "roles_present": ROLES, "ai_status": AIS,
           "ai_use_cases": AIU, "ai_policy": POL, "main_obstacles": OB}
for code, head, f in COLS:
    a = " | ".join(allowed[f].values()) if f in allowed else ("Ναι / Όχι" if f in ("skills_assessment_done", "training_plan", "env_cost_monitored") else "")
    ws1.append([code, head, a])
for c in ws1[1]: c.font = Font(bold=True)
ws1.column_dimensions["B"].width = 60; ws1.column_dimensions["C"].width = 100
ws = wb.create_sheet(SHEET)
for i, (code, head, f) in enumerate(COLS, 1):
    c = ws.cell(1, i, code); c.font = Font(bold=True, color="808080", size=9); c.fill = PatternFill("solid", fgColor="EDEDED")
    c = ws.cell(2, i, head); c.font = Font(bold=True); c.fill = PatternFill("solid", fgColor="D9E1F2")
    c.alignment = Alignment(wrap_text=True, vertical="top")
    ws.column_dimensions[get_column_letter(i)].width = 40 if i in (1, 11, 24, 32, 33) else 16
ws.row_dimensions[2].height = 75
for r, m in enumerate(mus, 3):
    for i, (code, head, f) in enumerate(COLS, 1):
        v = m["_comment"] if f is None else render(f, m[f], m["_disp"])
        ws.cell(r, i, v)
dv = DataValidation(type="list", formula1='"Ναι,Όχι,Δ/Α"', allow_blank=True)
ws.add_data_validation(dv)
for col in ("T", "U", "AD"):
    dv.add(f"{col}3:{col}200")
ws.freeze_panes = "B3"
wb.active = 2
wb.save(os.path.join(OUT, FN))
for m in mus: m.pop("_disp"); m.pop("_comment")
truth(FN, SHEET, mus, [],
      "Three sheets: 'Οδηγίες' (instructions, no data), 'Κωδικοί' (code book: Q-code, question, allowed answers) and the data "
      "sheet 'Απαντήσεις' (opens active). On the data sheet row 1 holds short codes Q1-Q33, row 2 the Greek question headings, "
      "data rows 3-10 (8 museums). Χώρα 'Ελλάδα' -> GR; NUTS 2 codes use Greece's EL prefix (EL43, EL52...). Ναι/Όχι = yes/no; "
      "'Δ/Α' (δεν απαντήθηκε), '-' and empty = not answered. ΙΠΑ = FTE (Q8 staff_paid_fte, Q9 staff_fte_digital, Q10 "
      "staff_fte_data_ai). Multi-answers separated by '; '. Q13-Q17 are DigComp levels 1-8, Q18 AI literacy 1-4, Q22/Q26-Q29/Q31 "
      "are 1-5 Likert. Q4 'Άλλο' -> other. Q6: Δημόσιο (ΥΠΠΟ) -> national_state, Δήμος -> regional_local_authority, Ίδρυμα "
      "(ΝΠΙΔ μη κερδοσκοπικό) -> private_nonprofit, 'Άλλο ΝΠΔΔ (Πανεπιστήμιο)' -> other_public, 'Ιδιωτικό (εταιρικό μουσείο)' -> "
      "private_for_profit. Q24 for Κεφαλοβρύσου includes a free 'Άλλο: ...' item -> other. Q33 Σχόλια is free text, not a "
      "schema field. The file has no collection-size or funding data except obstacles.")
print("GR ok")
