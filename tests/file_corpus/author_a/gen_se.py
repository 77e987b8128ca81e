"""SE: web-survey export re-saved from Swedish Excel as 'CSV (semikolonavgränsad)': cp1252, ';', decimal comma,
NBSP thousands, preamble lines, full-question headers, one column per AI use-case option, footer line."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import fmt, truth_row, write_truth, NBSP

OUT = os.path.join(os.environ["FILE_CORPUS_OUT"], "sverige_museienkat_digitalisering_ai_2025.csv")

ROLE = {"director": "Museichef", "collections": "Samlingsansvarig/intendent", "digital_it": "IT/digital utveckling",
        "finance_admin": "Ekonomi/administration"}
TYPE = {"art": "Konstmuseum", "regional_local": "Länsmuseum", "science_technology": "Tekniskt museum",
        "ethnography_anthropology": "Etnografiskt museum", "archaeology": "Arkeologiskt museum",
        "natural_history_science": "Naturhistoriskt museum", "specialised": "Specialmuseum"}
OWN = {"regional_local_authority": "Kommun", "national_state": "Staten", "private_nonprofit": "Stiftelse",
       "private_for_profit": "Aktiebolag"}
STRAT = {"written": "Ja, skriftlig", "unwritten": "Ja, men inte nedskriven", "none": "Nej"}
AI = {"none": "Inte alls", "exploring": "Vi undersöker möjligheterna", "pilot": "Pilotprojekt", "in_production": "I löpande drift"}
POL = {"none": "Nej", "in_preparation": "Under framtagande", "adopted": "Ja, antagen"}
OBS = {"money": "Pengar", "staff_time": "Personalens tid", "skills": "Kompetens", "copyright": "Upphovsrätt",
       "infrastructure": "Infrastruktur", "leadership_strategy": "Ledning/strategi", "data_quality": "Datakvalitet"}
USES = [("cataloguing_metadata", "AI används för: Katalogisering och metadata"),
        ("ocr_htr_transcription", "AI används för: Transkribering (OCR/HTR)"),
        ("translation", "AI används för: Översättning"),
        ("image_recognition", "AI används för: Bildigenkänning"),
        ("visitor_chatbot", "AI används för: Chattbot för besökare"),
        ("other", "AI används för: Annat")]

def M(name, ort, role, typ, own, vis, head, fte, obj, dig, nn, onl, rights, cms, strat, ai, uses, pol, lit, trained, plan,
      budget, eu, obs, mail, rem="", raw=None):
    o, rs, u = rights
    return dict(museum_name=name, country="SE", _ort=ort, respondent_role=role, museum_type=typ, ownership=own,
                annual_visits=vis, staff_paid_headcount=head, staff_paid_fte=fte, collection_objects=obj, pct_digitised=dig,
                pct_no_need_digitise=nn, pct_online=onl, pct_online_open=o, pct_online_restricted=rs, pct_online_rights_unknown=u,
                has_cms=cms, has_digital_strategy=strat, ai_status=ai, ai_use_cases=uses, ai_policy=pol, skill_ai_literacy=lit,
                pct_staff_ai_trained_12m=trained, training_plan=plan, digital_budget_available_eur=budget,
                eu_funding_received_eur=eu, main_obstacles=obs, _mail=mail, _rem=rem, _raw=raw or {})

rows = [
 M("Åmynne Konstmuseum", "Åmynne", "director", "art", "regional_local_authority", 54200, 18, 15.5, 9400, 78, 5, 70, (60, 30, 10),
   True, "written", "exploring", ["cataloguing_metadata", "translation"], "in_preparation", 2, 15, True, 62000, 0,
   ["money", "copyright"], "asa.lindqvist@amynnekonst.se", raw={"pct_digitised": "78 %"}),
 M("Länsmuseet Västra Fjällen", "Storsjöhed", "collections", "regional_local", "regional_local_authority", 88300, 46, 39.8, 1250000,
   21.5, 10, 19, (35, 15, 50), True, "written", "pilot", ["ocr_htr_transcription", "image_recognition"], "none", 2, 30, True,
   240000, 180000, ["money", "staff_time", "copyright"], "samlingar@vastrafjallen.se",
   rem="Huvudman är Region Västra Fjällen", raw={"ownership": "Region"}),
 M("Tekniska Samlingarna i Bruksholm", "Bruksholm", "digital_it", "science_technology", "private_nonprofit", 132000, 60, 52, 210000,
   46, 12, 40, (80, 15, 5), True, "written", "in_production",
   ["cataloguing_metadata", "ocr_htr_transcription", "visitor_chatbot", "other"], "adopted", 3, 65, True, 410000, 95000,
   ["staff_time", "infrastructure"], "it@tekniska-bruksholm.se", rem="Annat = syntolkning av bilder"),
 M("Hembygdsmuseet Gammelgården Lillsjö", "Lillsjö", "other", "regional_local", "private_nonprofit", 2100, 0, 0, 4500, 5, None, 0,
   (None, None, None), False, "none", "none", [], "none", 1, 0, False, 1500, 0, ["money", "skills", "staff_time"],
   "gammelgarden.lillsjo@telia-exempel.se",
   raw={"respondent_role": "Ideell medarbetare", "museum_type": "Hembygdsmuseum", "ownership": "Ideell förening"}),
 M("Museum för Världskulturer i Strömsvik", "Strömsvik", "collections", "ethnography_anthropology", "national_state", 176500, 75, 68.5,
   98000, 64, 3, 58, (20, 45, 35), True, "written", "exploring", ["translation", "image_recognition"], "in_preparation", 2, 40, True,
   350000, 420000, ["copyright", "data_quality", "money"], "digital@varldskulturer-stromsvik.se",
   raw={"respondent_role": "Intendent"}),
 M("Fornhallen Uppvik", "Uppvik", "finance_admin", "archaeology", "regional_local_authority", 19800, 12, 10.5, 310000, 9, 20, 7,
   (100, 0, 0), True, "unwritten", "none", [], "none", 1, None, False, 12000, None, ["money", "staff_time"],
   "ekonomi@fornhallen.se", raw={"pct_staff_ai_trained_12m": "-", "eu_funding_received_eur": "vet ej"}),
 M("Naturhistoriska museet i Lundavik", "Lundavik", "director", "natural_history_science", "private_nonprofit", 64000, 38, 33, 2800000,
   4.5, 30, 4, (90, 5, 5), True, "written", "pilot", ["image_recognition", "ocr_htr_transcription"], "none", 3, 20, True, 150000, 60000,
   ["money", "infrastructure", "data_quality"], "chef@nhm-lundavik.se"),
 M("Järnvägsmuseet Sörby", "Sörby", "other", "specialised", "private_for_profit", 27500, 9, 7.5, 1900, 55, 15, 50, (50, 50, 0),
   False, "none", "exploring", ["visitor_chatbot"], "none", 2, 10, False, 8000, 0, ["skills"], "info@jarnvagsmuseet-sorby.se",
   raw={"respondent_role": "Kommunikatör", "museum_type": "Specialmuseum (järnväg)"}),
]

COLS = [
 ("Museets namn", "museum_name", "text"), ("Ort", "_ort", "text"), ("Land", "country", "land"),
 ("Din roll på museet", "respondent_role", ROLE), ("Vilken typ av museum är ni?", "museum_type", TYPE),
 ("Huvudman", "ownership", OWN), ("Antal besök 2024", "annual_visits", "num"),
 ("Antal anställda (personer)", "staff_paid_headcount", "num"), ("Antal årsarbetskrafter", "staff_paid_fte", "num"),
 ("Antal föremål i samlingen", "collection_objects", "num"),
 ("Hur stor andel av samlingen är digitaliserad? (%)", "pct_digitised", "num"),
 ("Hur stor andel behöver inte digitaliseras? (%)", "pct_no_need_digitise", "num"),
 ("Hur stor andel av samlingen är tillgänglig online? (%)", "pct_online", "num"),
 ("Andel av det som finns online med öppen licens (CC0/PDM/CC BY/CC BY-SA) (%)", "pct_online_open", "num"),
 ("Andel av det som finns online med begränsad licens (NC/ND m.fl.) (%)", "pct_online_restricted", "num"),
 ("Andel av det som finns online med okänd rättighetsstatus (%)", "pct_online_rights_unknown", "num"),
 ("Har ni ett digitalt samlingsförvaltningssystem?", "has_cms", "bool"),
 ("Har museet en digital strategi?", "has_digital_strategy", STRAT),
 ("I vilken utsträckning använder ni AI?", "ai_status", AI),
] + [(h, "use:" + c, "use") for c, h in USES] + [
 ("Har ni en AI-policy?", "ai_policy", POL),
 ("Personalens AI-kunskap (1=ingen, 2=medvetenhet, 3=kan använda säkert, 4=kan införa och utvärdera)", "skill_ai_literacy", "num"),
 ("Andel av personalen som gått AI-utbildning senaste 12 mån (%)", "pct_staff_ai_trained_12m", "num"),
 ("Finns en plan för kompetensutveckling?", "training_plan", "bool"),
 ("Digital budget per år (EUR)", "digital_budget_available_eur", "num"),
 ("Erhållet EU-stöd senaste 3 åren (EUR)", "eu_funding_received_eur", "num"),
 ("Största hindren (välj högst 3)", "main_obstacles", ("multi", OBS)),
 ("E-post", "_mail", "text"), ("Övriga kommentarer", "_rem", "text"),
]

def cell(r, f, k):
    if f in r["_raw"]: return r["_raw"][f]
    if f.startswith("use:"):
        return "Ja" if f[4:] in r["ai_use_cases"] else ""
    v = r.get(f)
    if v is None: return ""
    if k == "land": return "Sverige"
    if k == "bool": return "Ja" if v else "Nej"
    if k == "num": return fmt(v, NBSP, ",")
    if isinstance(k, dict): return k[v]
    if isinstance(k, tuple): return ", ".join(k[1][c] for c in v)
    return v

def q(s):
    s = str(s)
    return '"' + s.replace('"', '""') + '"' if any(ch in s for ch in ';"\n') else s

n = len(COLS)
lines = ["Sveriges museer i samverkan – enkät om digitalisering och AI 2025" + ";" * (n - 1),
         "Sammanställning av inkomna svar, export från webbenkäten 2025-04-11" + ";" * (n - 1),
         ";" * (n - 1),
         ";".join(q(h) for h, f, k in COLS)]
for r in rows:
    lines.append(";".join(q(cell(r, f, k)) for h, f, k in COLS))
lines.append(";" * (n - 1))
foot = "Tomma celler = ej besvarat. Belopp i euro. Bearbetat av kansliet."
lines.append(foot + ";" * (n - 1))
with open(OUT, "w", encoding="cp1252", newline="") as fh:
    fh.write("\r\n".join(lines) + "\r\n")

fields = [f for h, f, k in COLS if not f.startswith("_") and not f.startswith("use:")] + ["ai_use_cases"]
museums = [truth_row(r, fields) for r in rows]
write_truth(OUT + ".truth.json", OUT.split("/")[-1], None, museums,
 ["Sveriges museer i samverkan – enkät om digitalisering och AI 2025",
  "Sammanställning av inkomna svar, export från webbenkäten 2025-04-11", foot],
 "CSV as written by Swedish Excel 'CSV (semikolonavgränsad)': Windows-1252 encoding, ';' delimiter, CRLF, no BOM. Two title lines "
 "and an empty ';;;' line before the header row; a blank line and a footer note after the 8 data rows. Headers are full Swedish questions. "
 "Numbers use decimal comma and NON-BREAKING SPACE (U+00A0) as thousands separator (e.g. '1\u00a0250\u00a0000', '39,8'); '78 %' once. "
 "AI use cases are one column per option ('AI används för: ...') with 'Ja' or empty; the 'Annat' option maps to 'other'. Museums with no "
 "ticks (ai_status none) have ai_use_cases omitted. Obstacles comma-separated in one cell. '-' and 'vet ej' (don't know) = not answered. "
 "0 is a real answer (e.g. EU funding received 0, 0 employees and 0 FTE for the volunteer-run hembygdsmuseum, 0 % online). "
 "Ownership 'Region' and 'Kommun' -> regional_local_authority, 'Stiftelse'/'Ideell förening' -> private_nonprofit, 'Aktiebolag' -> "
 "private_for_profit. Type 'Länsmuseum' and 'Hembygdsmuseum' -> regional_local; 'Specialmuseum (järnväg)' -> specialised. Role "
 "'Intendent' -> collections; 'Ideell medarbetare' and 'Kommunikatör' -> other. 'E-post' is personal data; 'Ort' (town) and "
 "'Övriga kommentarer' are unknown columns.")
print("wrote", OUT)
