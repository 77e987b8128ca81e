"""Latvian museum network: one row per museum with full-question headings, saved from Latvian
Excel as 'CSV (semikolu atdalīts)': ';' delimiter, decimal comma, NBSP/space thousands,
Windows-1257 code page, CRLF. A title line and an empty line precede the header; a signature line follows."""
import csv
import io
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fc_helpers import fmt_dec, fmt_num, out_path, write_truth  # noqa: E402

FILE = "LV_muzeju_aptauja_2025.csv"
NB = "\xa0"

ROLE = {"director": ["direktors", "direktore"], "collections": ["krājuma glabātāja"],
        "digital_it": ["IT speciālists"], "finance_admin": ["galvenā grāmatvede"],
        "other": ["izglītības darba vadītāja"]}
TYPE = {"regional_local": "novadpētniecības muzejs", "art": "mākslas muzejs",
        "natural_history_science": "dabas muzejs", "ethnography_anthropology": "etnogrāfijas muzejs",
        "science_technology": "tehnikas muzejs", "specialised": "specializētais muzejs (porcelāns, stikls)",
        "history": "vēstures muzejs"}
OWN = {"regional_local_authority": "pašvaldība", "national_state": "valsts",
       "private_nonprofit": "biedrība (privāts, bezpeļņas)", "private_for_profit": "SIA (privāts)"}
STRAT = {"written": "Jā, rakstiska", "unwritten": "Jā, nerakstiska", "none": "Nav"}
AI = {"none": "Neizmantojam", "exploring": "Apsveram iespējas", "pilot": "Pilotprojekts",
      "in_production": "Izmantojam ikdienā"}
POL = {"none": "Nav", "in_preparation": "Tiek izstrādāta", "adopted": "Pieņemta"}
LIT = {1: "1 – nav zināšanu", 2: "2 – pamatizpratne", 3: "3 – prot droši lietot",
       4: "4 – prot ieviest un izvērtēt"}
OBS = {"money": "finansējuma trūkums", "staff_time": "darbinieku laika trūkums",
       "skills": "prasmju trūkums", "copyright": "autortiesības", "infrastructure": "IT infrastruktūra",
       "leadership_strategy": "vadības atbalsta trūkums", "data_quality": "datu kvalitāte"}

# columns: (field, header)
COLS = [
    ("museum_name", "Muzeja nosaukums"),
    ("country", "Valsts"),
    ("_region", "Reģions"),
    ("respondent_role", "Jūsu amats muzejā"),
    ("museum_type", "Kāds ir muzeja veids?"),
    ("ownership", "Kas ir muzeja dibinātājs?"),
    ("accredited", "Vai muzejs ir akreditēts?"),
    ("annual_visits", "Cik apmeklējumu muzejs saņēma 2024. gadā?"),
    ("collection_objects", "Cik priekšmetu ir muzeja krājumā?"),
    ("pct_catalogued_db", "Cik % krājuma priekšmetu ir aprakstīti elektroniskā datubāzē?"),
    ("pct_digitised", "Cik % krājuma ir digitalizēti (2D vai 3D)?"),
    ("pct_no_need_digitise", "Cik % krājuma nav nepieciešams digitalizēt?"),
    ("pct_online", "Cik % krājuma ir pieejami tiešsaistē (muzeja vietnē vai portālos)?"),
    ("pct_online_open", "Kāda daļa (%) tiešsaistē pieejamā ir ar atvērtām licencēm (CC0, CC BY, CC BY-SA, PDM)?"),
    ("pct_online_restricted", "Kāda daļa (%) tiešsaistē pieejamā ir ar ierobežojošām licencēm (NC, ND, InC)?"),
    ("pct_online_rights_unknown", "Kāda daļa (%) tiešsaistē pieejamā ir ar nenoskaidrotu tiesību statusu?"),
    ("copyright_obstacle", "Cik lielā mērā autortiesības kavē krājuma izmantošanu? (1 – nemaz, 5 – ļoti)"),
    ("has_digital_strategy", "Vai muzejam ir digitālā stratēģija?"),
    ("strategy_covers_preservation", "Vai stratēģija ietver digitālo saglabāšanu?"),
    ("staff_paid_fte", "Cik slodžu (PLE) kopā ir algotajiem darbiniekiem?"),
    ("staff_fte_digital", "Cik slodžu (PLE) strādā ar digitalizāciju un digitālajiem pakalpojumiem?"),
    ("volunteers_fte", "Cik slodžu (PLE) veido brīvprātīgie?"),
    ("skill_info_data", "Darbinieku tipiskais prasmju līmenis (1–8): informācijas un datu pratība"),
    ("skill_communication", "Darbinieku tipiskais prasmju līmenis (1–8): komunikācija un sadarbība"),
    ("skill_content_creation", "Darbinieku tipiskais prasmju līmenis (1–8): digitāla satura veidošana"),
    ("skill_safety", "Darbinieku tipiskais prasmju līmenis (1–8): drošība"),
    ("skill_problem_solving", "Darbinieku tipiskais prasmju līmenis (1–8): problēmu risināšana"),
    ("skill_ai_literacy", "Kāda ir darbinieku MI pratība?"),
    ("pct_staff_ai_trained_12m", "Cik % darbinieku pēdējo 12 mēnešu laikā apguva MI pratības apmācību?"),
    ("skills_assessment_done", "Vai ir veikts darbinieku digitālo prasmju novērtējums?"),
    ("training_plan", "Vai muzejam ir apmācību plāns?"),
    ("leadership_digital_knowledge", "Cik labi muzeja vadība pārzina digitālos jautājumus? (1–5)"),
    ("ai_status", "Vai muzejs izmanto mākslīgo intelektu (MI)?"),
    ("ai_policy", "Vai muzejam ir MI lietošanas politika?"),
    ("digital_budget_available_eur", "Cik liels ir gada budžets digitalizācijai un digitālajām darbībām (EUR)?"),
    ("pct_structural", "Cik % no šī budžeta ir pastāvīgs (ne projektu) finansējums?"),
    ("main_obstacles", "Kādi ir galvenie šķēršļi digitalizācijai? (ne vairāk kā 3)"),
    ("_mail", "E-pasts"),
    ("_phone", "Tālrunis"),
]

SK = ("skill_info_data", "skill_communication", "skill_content_creation", "skill_safety",
      "skill_problem_solving")


def mk(name, region, role, typ, own, acc, visits, objs, cat, dig, nn, onl, rights, cobs, strat, cov,
       fte, dfte, vol, skills, lit, trained, assess, plan, lead, ai, pol, budget, struct, obs, mail,
       phone, txt=None, role_word=0):
    d = dict(museum_name=name, country="LV", respondent_role=role, museum_type=typ, ownership=own,
             accredited=acc, annual_visits=visits, collection_objects=objs, pct_catalogued_db=cat,
             pct_digitised=dig, pct_no_need_digitise=nn, pct_online=onl,
             pct_online_open=rights[0], pct_online_restricted=rights[1],
             pct_online_rights_unknown=rights[2], copyright_obstacle=cobs,
             has_digital_strategy=strat, strategy_covers_preservation=cov, staff_paid_fte=fte,
             staff_fte_digital=dfte, volunteers_fte=vol, skill_ai_literacy=lit,
             pct_staff_ai_trained_12m=trained, skills_assessment_done=assess, training_plan=plan,
             leadership_digital_knowledge=lead, ai_status=ai, ai_policy=pol,
             digital_budget_available_eur=budget, pct_structural=struct, main_obstacles=obs)
    for k, v in zip(SK, skills):
        d[k] = v
    d["_region"], d["_mail"], d["_phone"] = region, mail, phone
    d["_txt"] = txt or {}
    d["_role_word"] = role_word
    return d


M = [
    mk("Kuldīgas novada vēstures muzejs", "Kurzeme", "director", "regional_local",
       "regional_local_authority", True, 21340, 54800, 88, 42, 10, 30, (40, 35, 25), 3, "written",
       True, 18, 1.5, 2, (4, 3, 3, 4, 3), 2, 15, False, True, 3, "exploring", "none", 9800, 70,
       ["money", "staff_time"], "muzejs@kuldigasvm.lv", "+371 63322110", role_word=0,
       txt={"annual_visits": "21" + NB + "340", "digital_budget_available_eur": "9" + NB + "800,00"}),
    mk("Daugavmalas mākslas muzejs", "Rīga", "digital_it", "art", "national_state", True, 96500,
       18200, 100, 85, 0, 64, (20, 60, 20), 4, "written", True, 41, 5, 0, (5, 5, 6, 4, 5), 3, 40,
       True, True, 4, "pilot", "in_preparation", 62000, 55, ["copyright", "money", "skills"],
       "digitals@daugavmalasmuzejs.lv", "67 221 904",
       txt={"pct_digitised": "85%", "pct_online": "64%", "digital_budget_available_eur": "62 000 EUR"}),
    mk("Gaujas dabas muzejs", "Vidzeme", "collections", "natural_history_science",
       "regional_local_authority", True, 14900, 230000, 61, 19, 25, 7, (70, 0, 30), 2, "unwritten",
       False, 9, 0.8, 1.5, (3, 3, 2, 3, 3), 1, 0, False, False, 2, "none", "none", None, None,
       ["money", "infrastructure", "data_quality"], "gaujas.daba@inbox.lv", "+371 29 114 552",
       txt={"digital_budget_available_eur": "nav datu", "pct_structural": "nav datu",
            "collection_objects": "230" + NB + "000"}),
    mk("Latgales keramikas un amatniecības muzejs", "Latgale", "other", "ethnography_anthropology",
       "regional_local_authority", True, 7650, 12400, 95, 33, 5, 33, (10, 20, 70), 5, "none", None,
       7, 0.5, 0, (2, 3, 3, 2, 2), 2, 0, False, False, None, "none", "none", 1200, 100,
       ["money", "skills", "other"], "keramika.muzejs@latgale.lv", "65 401 233",
       txt={"strategy_covers_preservation": "nav attiecināms", "leadership_digital_knowledge": "-",
            "main_obstacles": "finansējuma trūkums, prasmju trūkums, cits: telpu trūkums",
            "pct_staff_ai_trained_12m": "0%", "digital_budget_available_eur": "1200"}),
    mk("Zemgales tehnikas un lauksaimniecības muzejs", "Zemgale", "director", "science_technology",
       "private_nonprofit", False, 3100, 2950, 40, 20, 30, 12, (None, None, None), None, "none", None,
       2, 0, 3.5, (3, 2, 2, 2, 3), 1, 0, False, False, 2, "none", "none", 0, None,
       ["money", "staff_time"], "zemgales.tehnika@gmail.com", "+371 26 553 017", role_word=1,
       txt={"strategy_covers_preservation": "", "pct_online_open": "-",
            "pct_online_restricted": "-", "pct_online_rights_unknown": "-", "copyright_obstacle": "",
            "pct_structural": "-"}),
    mk("Porcelāna un stikla muzejs „Baltais zirgs”", "Rīga", "finance_admin", "specialised",
       "private_for_profit", False, 32800, 6100, 100, 97, 0, 80, (0, 100, 0), 1, "written", False, 12,
       2, 0, (5, 6, 6, 5, 5), 3, 60, True, True, 5, "in_production", "adopted", 24000, 90,
       ["skills"], "birojs@baltaiszirgs.lv", "67 000 318",
       txt={"digital_budget_available_eur": "24" + NB + "000,00"}),
    mk("Alūksnes pilsdrupu vēstures muzejs", "Vidzeme", "collections", "history",
       "regional_local_authority", True, 45200, 71300, 76, 51, 12, 44, (25, 50, 25), 3, "written",
       True, 23.5, 2.5, 1, (4, 4, 4, 3, 4), 2, 22, True, False, 3, "exploring", "in_preparation",
       17500, 65, ["staff_time", "leadership_strategy"], "krajums@aluksnesmuzejs.lv", "64 321 765",
       txt={"annual_visits": "45" + NB + "200", "collection_objects": "71" + NB + "300",
            "staff_paid_fte": "23,50"}),
]


def render(m, f):
    if f in m["_txt"]:
        return m["_txt"][f]
    if f in ("_region", "_mail", "_phone"):
        return m[f]
    v = m.get(f)
    if v is None:
        return ""
    if f == "country":
        return "Latvija"
    if f == "respondent_role":
        return ROLE[v][m["_role_word"]]
    if f == "museum_type":
        return TYPE[v]
    if f == "ownership":
        return OWN[v]
    if f == "has_digital_strategy":
        return STRAT[v]
    if f == "ai_status":
        return AI[v]
    if f == "ai_policy":
        return POL[v]
    if f == "skill_ai_literacy":
        return LIT[v]
    if f == "main_obstacles":
        return ", ".join(OBS[o] for o in v)
    if isinstance(v, bool):
        return "Jā" if v else "Nē"
    if f in ("annual_visits", "collection_objects"):
        return fmt_num(v, " ", ",", 0) if v >= 10000 else str(v)
    if f.endswith("_eur"):
        return fmt_num(v, " ", ",", 0)
    if isinstance(v, float):
        return fmt_dec(v)
    return str(v)


def main():
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    n = len(COLS)
    w.writerow(["LATVIJAS MUZEJU DIGITALIZĀCIJAS UN MI APTAUJA 2025 – apkopojums"] + [""] * (n - 1))
    w.writerow([""] * n)
    w.writerow([h for _, h in COLS])
    for m in M:
        w.writerow([render(m, f) for f, _ in COLS])
    w.writerow([""] * n)
    sig = "Apkopoja: Muzeju tīkla koordinācijas grupa, 2025. gada marts"
    w.writerow([sig] + [""] * (n - 1))
    data = buf.getvalue().encode("cp1257")  # strict: fails if a char is not in the code page
    with open(out_path(FILE), "wb") as fh:
        fh.write(data)

    fields = [f for f, _ in COLS if not f.startswith("_")]
    museums = [{k: v for k, v in m.items() if not k.startswith("_")} for m in M]
    write_truth(
        FILE, None, museums, [sig],
        "CSV exported from Latvian Excel: delimiter ';', decimal comma, Windows-1257 (cp1257) encoding, "
        "CRLF line ends. Line 1 is a title padded with ';', line 2 is empty, line 3 is the header "
        "(full questions in Latvian), 7 museum rows, an empty line and a signature line 'Apkopoja: ...' "
        "(not a museum). Country column 'Valsts' = 'Latvija' -> LV. 'Reģions' holds region names "
        "(Kurzeme, Vidzeme...), not NUTS codes, so region_nuts2 is omitted. Some thousands separators are "
        "a no-break space (0xA0) as Latvian Excel writes them, others a normal space; '9 800,00' = 9800. "
        "Yes/no = Jā/Nē. 'nav datu', '-', 'nav attiecināms' and empty cells are not answered (null). "
        "The budget of the Zemgale museum is an explicit 0 (not null). AI literacy answers are '2 – "
        "pamatizpratne' style text carrying the 1-4 code. Obstacles are comma-separated inside the cell; "
        "'cits: telpu trūkums' (other: lack of premises) is 'other'. Respondent roles: direktors/direktore "
        "= director, krājuma glabātāja = collections, IT speciālists = digital_it, galvenā grāmatvede = "
        "finance_admin, izglītības darba vadītāja = other. 'biedrība (privāts, bezpeļņas)' = "
        "private_nonprofit, 'SIA (privāts)' = private_for_profit. E-mail and phone columns are personal data.",
        fields=fields)


if __name__ == "__main__":
    main()
