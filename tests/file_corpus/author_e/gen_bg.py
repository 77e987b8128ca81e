"""BG: CSV as saved by Bulgarian Excel: cp1251, ';' delimiter, decimal comma, CRLF, title/country lines above
the header, 'хил.'/'млн.' number words, 'н.д.' blanks, comma-separated multi-selects, notes line at the end."""
import csv
import io
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import out_dir, write_truth, fmt_num

FNAME = "anketa_digitalizacia_muzei_BG_2025.csv"
NBSP = "\u00a0"

TYPE = {"art": "художествен", "archaeology": "археологически", "natural_history_science": "природонаучен",
        "ethnography_anthropology": "етнографски", "history": "исторически", "science_technology": "технически"}
OWN = {"national_state": "държавна", "regional_local_authority": "общинска", "private_nonprofit": "частна (фондация)"}
STRAT = {"written": "писмена", "unwritten": "неписана", "none": "няма"}
AI = {"none": "не се използва", "exploring": "проучване", "pilot": "пилотен проект", "in_production": "внедрен"}
SRC = {"national": "държавен бюджет", "regional_local": "общински бюджет", "eu_structural_rrf": "ПВУ",
       "eu_creative_europe": "Творческа Европа", "eu_digital_europe": "Цифрова Европа", "eu_horizon": "Хоризонт Европа",
       "private_sponsorship": "спонсорство", "own_income": "собствени приходи"}
OBS = {"money": "финансиране", "staff_time": "липса на време", "skills": "умения", "copyright": "авторски права",
       "infrastructure": "инфраструктура", "leadership_strategy": "ръководство/стратегия", "data_quality": "качество на данните"}


def bg(x, dec=None):
    return fmt_num(x, NBSP, ",", dec)


def yn(v):
    return "да" if v else "не"


def lst(codes, lab):
    return ", ".join(lab[c] for c in codes)


M = [
    dict(city="Пловдив", museum_name="Художествена галерия „Никола Стоев“", museum_type="art",
         ownership="regional_local_authority", annual_visits=24000, staff_paid_fte=14, staff_fte_digital=1.5,
         collection_objects=7850, pct_catalogued_db=92, pct_digitised=61, pct_digitised_3d=0, pct_online=35,
         has_digital_strategy="unwritten", has_cms=True, ai_status="exploring", skill_info_data=3,
         skill_communication=4, skill_content_creation=3, skill_safety=2, skill_problem_solving=3,
         skills_assessment_done=False, training_plan=True, leadership_digital_knowledge=3,
         digital_budget_available_eur=9500, pct_structural=40, need_infrastructure_eur=30000, need_equipment_eur=18000,
         need_human_resources_eur=45000, need_data_metadata_eur=12000, need_copyright_clearance_eur=20000,
         need_training_eur=6000, funding_sources=["regional_local", "national", "eu_structural_rrf"],
         eu_funding_received_eur=38000, main_obstacles=["money", "copyright", "skills"],
         contact=("Мария Петрова", "032 62 34 12"),
         disp=dict(annual_visits="24 хил.")),
    dict(city="Враца", museum_name="Археологически музей „Древна Мизия“", museum_type="archaeology",
         ownership="regional_local_authority", annual_visits=8500, staff_paid_fte=9, staff_fte_digital=1,
         collection_objects=96000, pct_catalogued_db=48, pct_digitised=14.5, pct_digitised_3d=2.5, pct_online=6,
         has_digital_strategy="none", has_cms=True, ai_status="none", skill_info_data=2,
         skill_communication=3, skill_content_creation=2, skill_safety=2, skill_problem_solving=2,
         skills_assessment_done=False, training_plan=False, leadership_digital_knowledge=2,
         digital_budget_available_eur=3000, pct_structural=None, need_infrastructure_eur=25000, need_equipment_eur=60000,
         need_human_resources_eur=40000, need_data_metadata_eur=15000, need_copyright_clearance_eur=None,
         need_training_eur=5000, funding_sources=["regional_local"], eu_funding_received_eur=0,
         main_obstacles=["money", "staff_time", "infrastructure"], contact=("Георги Иванов", "092 66 14 08"),
         disp=dict(annual_visits="8,5 хил.", pct_structural="н.д.", need_copyright_clearance_eur="н.д.",
                   need_equipment_eur="60 хил.")),
    dict(city="София", museum_name="Национален природонаучен музей „Балкан“", museum_type="natural_history_science",
         ownership="national_state", annual_visits=156000, staff_paid_fte=72.5, staff_fte_digital=6,
         collection_objects=1200000, pct_catalogued_db=30, pct_digitised=7, pct_digitised_3d=0.3, pct_online=4,
         has_digital_strategy="written", has_cms=True, ai_status="pilot", skill_info_data=4,
         skill_communication=4, skill_content_creation=4, skill_safety=3, skill_problem_solving=4,
         skills_assessment_done=True, training_plan=True, leadership_digital_knowledge=4,
         digital_budget_available_eur=180000, pct_structural=55, need_infrastructure_eur=650000,
         need_equipment_eur=400000, need_human_resources_eur=900000, need_data_metadata_eur=350000,
         need_copyright_clearance_eur=10000, need_training_eur=60000,
         funding_sources=["national", "eu_horizon", "eu_digital_europe", "private_sponsorship"],
         eu_funding_received_eur=420000, main_obstacles=["money", "staff_time", "data_quality"],
         contact=("д-р Светла Николова", "02 988 51 15"),
         disp=dict(collection_objects="1,2 млн.", annual_visits="156 хил.", need_human_resources_eur="900 хил.")),
    dict(city="Смолян", museum_name="Етнографски музей „Родопски бит“", museum_type="ethnography_anthropology",
         ownership="regional_local_authority", annual_visits=11200, staff_paid_fte=6.5, staff_fte_digital=0.5,
         collection_objects=18400, pct_catalogued_db=75, pct_digitised=40, pct_digitised_3d=5, pct_online=28,
         has_digital_strategy="written", has_cms=True, ai_status="exploring", skill_info_data=3,
         skill_communication=3, skill_content_creation=3, skill_safety=2, skill_problem_solving=3,
         skills_assessment_done=True, training_plan=False, leadership_digital_knowledge=3,
         digital_budget_available_eur=6000, pct_structural=100, need_infrastructure_eur=12000, need_equipment_eur=22000,
         need_human_resources_eur=30000, need_data_metadata_eur=9000, need_copyright_clearance_eur=1500,
         need_training_eur=4000, funding_sources=["regional_local", "eu_creative_europe", "own_income"],
         eu_funding_received_eur=25000, main_obstacles=["staff_time", "skills", "money"],
         contact=("Елена Кехайова", "0301 6 27 27"), disp={}),
    dict(city="Тутраканово", museum_name="Исторически музей – Тутраканово", museum_type="history",
         ownership="regional_local_authority", annual_visits=4300, staff_paid_fte=3, staff_fte_digital=None,
         collection_objects=12500, pct_catalogued_db=20, pct_digitised=8, pct_digitised_3d=None, pct_online=None,
         has_digital_strategy="none", has_cms=False, ai_status="none", skill_info_data=2,
         skill_communication=2, skill_content_creation=1, skill_safety=1, skill_problem_solving=2,
         skills_assessment_done=False, training_plan=False, leadership_digital_knowledge=2,
         digital_budget_available_eur=None, pct_structural=None, need_infrastructure_eur=10000,
         need_equipment_eur=15000, need_human_resources_eur=20000, need_data_metadata_eur=8000,
         need_copyright_clearance_eur=None, need_training_eur=3000, funding_sources=["regional_local"],
         eu_funding_received_eur=None, main_obstacles=["money", "skills", "infrastructure"],
         contact=("Стоян Димитров", "0888 123 456"),
         disp=dict(staff_fte_digital="-", pct_digitised_3d="-", pct_online="н.д.", digital_budget_available_eur="н.д.",
                   pct_structural="н.д.", need_copyright_clearance_eur="-", eu_funding_received_eur="н.д.")),
    dict(city="Русе", museum_name="Музей на техниката „Дунав“", museum_type="science_technology",
         ownership="national_state", annual_visits=32700, staff_paid_fte=18, staff_fte_digital=2.5,
         collection_objects=9300, pct_catalogued_db=85, pct_digitised=50, pct_digitised_3d=18, pct_online=42,
         has_digital_strategy="written", has_cms=True, ai_status="in_production", skill_info_data=4,
         skill_communication=5, skill_content_creation=5, skill_safety=4, skill_problem_solving=4,
         skills_assessment_done=True, training_plan=True, leadership_digital_knowledge=4,
         digital_budget_available_eur=55000, pct_structural=35, need_infrastructure_eur=40000, need_equipment_eur=75000,
         need_human_resources_eur=60000, need_data_metadata_eur=20000, need_copyright_clearance_eur=0,
         need_training_eur=10000, funding_sources=["national", "eu_digital_europe", "own_income", "private_sponsorship"],
         eu_funding_received_eur=150000, main_obstacles=["skills", "infrastructure", "data_quality"],
         contact=("Инж. Пламен Колев", "082 82 00 11"),
         disp=dict(eu_funding_received_eur="150 хил.")),
    dict(city="Казанлък", museum_name="Къща-музей „Елена Дамянова“", museum_type="history",
         ownership="private_nonprofit", annual_visits=2900, staff_paid_fte=2, staff_fte_digital=0.25,
         collection_objects=1450, pct_catalogued_db=100, pct_digitised=90, pct_digitised_3d=10, pct_online=70,
         has_digital_strategy="unwritten", has_cms=False, ai_status="exploring", skill_info_data=3,
         skill_communication=4, skill_content_creation=4, skill_safety=3, skill_problem_solving=3,
         skills_assessment_done=False, training_plan=False, leadership_digital_knowledge=4,
         digital_budget_available_eur=1500, pct_structural=0, need_infrastructure_eur=3000, need_equipment_eur=4000,
         need_human_resources_eur=6000, need_data_metadata_eur=2000, need_copyright_clearance_eur=500,
         need_training_eur=1000, funding_sources=["private_sponsorship", "own_income"], eu_funding_received_eur=0,
         main_obstacles=["money", "staff_time"], contact=("Дарина Колева", "0431 6 44 10"), disp={}),
]

# (header, field, renderer)
COLS = [
    ("№", "_n", None),
    ("Музей", "museum_name", str),
    ("Град", "city", None),
    ("Вид музей", "museum_type", lambda v: TYPE[v]),
    ("Собственост", "ownership", lambda v: OWN[v]),
    ("Посещения 2024", "annual_visits", lambda v: bg(v)),
    ("Персонал (ЕПЗ)", "staff_paid_fte", lambda v: bg(v)),
    ("в т.ч. зает с дигитализация (ЕПЗ)", "staff_fte_digital", lambda v: bg(v)),
    ("Брой фондови единици", "collection_objects", lambda v: bg(v)),
    ("Въведени в база данни (%)", "pct_catalogued_db", lambda v: bg(v)),
    ("Дигитализирани (%)", "pct_digitised", lambda v: bg(v)),
    ("в т.ч. 3D (%)", "pct_digitised_3d", lambda v: bg(v)),
    ("Достъпни онлайн (%)", "pct_online", lambda v: bg(v)),
    ("Дигитална стратегия", "has_digital_strategy", lambda v: STRAT[v]),
    ("Система за управление на колекциите", "has_cms", yn),
    ("Изкуствен интелект", "ai_status", lambda v: AI[v]),
    ("Умения: информация и данни (1-8)", "skill_info_data", str),
    ("Умения: комуникация (1-8)", "skill_communication", str),
    ("Умения: създаване на съдържание (1-8)", "skill_content_creation", str),
    ("Умения: безопасност (1-8)", "skill_safety", str),
    ("Умения: решаване на проблеми (1-8)", "skill_problem_solving", str),
    ("Извършена оценка на уменията", "skills_assessment_done", yn),
    ("План за обучение", "training_plan", yn),
    ("Дигитални познания на ръководството (1-5)", "leadership_digital_knowledge", str),
    ("Годишен бюджет за дигитални дейности (евро)", "digital_budget_available_eur", lambda v: bg(v)),
    ("Постоянна част от бюджета (%)", "pct_structural", lambda v: bg(v)),
    ("Нужди до 2030: инфраструктура (евро)", "need_infrastructure_eur", lambda v: bg(v)),
    ("Нужди: оборудване (евро)", "need_equipment_eur", lambda v: bg(v)),
    ("Нужди: човешки ресурси (евро)", "need_human_resources_eur", lambda v: bg(v)),
    ("Нужди: данни и метаданни (евро)", "need_data_metadata_eur", lambda v: bg(v)),
    ("Нужди: авторски права (евро)", "need_copyright_clearance_eur", lambda v: bg(v)),
    ("Нужди: обучение (евро)", "need_training_eur", lambda v: bg(v)),
    ("Източници на финансиране", "funding_sources", lambda v: lst(v, SRC)),
    ("Получени средства от ЕС за последните 3 г. (евро)", "eu_funding_received_eur", lambda v: bg(v)),
    ("Основни пречки", "main_obstacles", lambda v: lst(v, OBS)),
    ("Лице за контакт", "_c0", None),
    ("Телефон", "_c1", None),
]


def main():
    n = len(COLS)
    rows = []

    def line(first):
        rows.append([first] + [""] * (n - 1))

    line("Анкета за дигитализацията и използването на изкуствен интелект в музеите – обобщени отговори")
    line("Държава: България")
    line("")
    rows.append([h for h, f, r in COLS])
    for k, m in enumerate(M):
        row = []
        disp = m.get("disp", {})
        for h, f, r in COLS:
            if f == "_n":
                v = str(k + 1)
            elif f == "city":
                v = m["city"]
            elif f.startswith("_c"):
                v = m["contact"][int(f[2])]
            elif f in disp:
                v = disp[f]
            else:
                v = m[f]
                v = "" if v is None else r(v)
            row.append(v)
        rows.append(row)
    line("")
    line("Забележки: ЕПЗ = еквивалент на пълна заетост; н.д. = няма данни; всички суми са в евро; "
         "ПВУ = План за възстановяване и устойчивост.")
    line("Изготвил: Сдружение на музейните специалисти, март 2025 г.")
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    w.writerows(rows)
    with open(os.path.join(out_dir(), FNAME), "wb") as f:
        f.write(buf.getvalue().encode("cp1251"))

    truth = []
    for m in M:
        t = {"museum_name": m["museum_name"], "country": "BG"}
        for h, f, r in COLS:
            if f.startswith("_") or f in ("museum_name", "city"):
                continue
            t[f] = m[f]
        truth.append(t)
    write_truth(FNAME, None, truth, [],
                "CSV saved by a Bulgarian-locale Excel: Windows-1251 encoding, ';' delimiter, CRLF line ends, decimal "
                "comma, no-break-space (0xA0) thousands separator; every line padded with ';' to the full width. "
                "Line 1 is a title, line 2 'Държава: България' (country for all rows), line 3 empty, line 4 the "
                "header, 7 museum rows, then an empty line and two note lines (abbreviations, 'all amounts in euro', "
                "author). Column '№' is a running number. Thousand/million words: '24 хил.' = 24 000, '8,5 хил.' = "
                "8 500, '156 хил.' = 156 000, '1,2 млн.' = 1 200 000 objects, '60 хил.' / '900 хил.' / '150 хил.' EUR. "
                "'н.д.' (няма данни), '-' and empty cells are not answered. Multi-selects are ', '-separated "
                "Bulgarian labels; 'ПВУ' (Recovery and Resilience Plan) -> eu_structural_rrf, 'общински бюджет' -> "
                "regional_local, 'държавен бюджет' -> national. Ownership: държавна -> national_state, общинска -> "
                "regional_local_authority, 'частна (фондация)' -> private_nonprofit. 'Персонал (ЕПЗ)' is paid staff "
                "FTE. Zero values (pct_structural 0, eu funding 0, copyright need 0) are real zeros. Contact person "
                "and phone are personal data; 'Град' (city) is an extra column.")


if __name__ == "__main__":
    main()
