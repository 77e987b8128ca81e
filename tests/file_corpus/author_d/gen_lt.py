"""Lithuanian network coordinator's workbook: instructions sheet first, title block with
'Šalis: Lietuva', two-row header with merged group cells, totals row, footnotes, contact columns."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from openpyxl import Workbook  # noqa: E402
from openpyxl.utils import get_column_letter  # noqa: E402

from fc_helpers import (BOLD, BOX, CENTER, GROUP_FILL, HEAD_FILL, ITALIC, TITLE,  # noqa: E402
                        TOTAL_FILL, WRAP, out_path, write_truth)

FILE = "LT_muziejai_skaitmeninimas_2025.xlsx"
SHEET = "Anketa"

TYPE = {"regional_local": "kraštotyros", "art": "dailės", "science_technology": "mokslo ir technikos",
        "ethnography_anthropology": "etnografijos", "natural_history_science": "gamtos",
        "archaeology": "archeologijos", "specialised": "specializuotas (automobilių)",
        "history": "istorijos"}
OWN = {"regional_local_authority": "savivaldybės", "national_state": "valstybinis",
       "private_for_profit": "privatus (UAB)"}
STRAT = {"written": "yra, patvirtinta raštu", "unwritten": "yra, bet neužrašyta", "none": "nėra"}
AI = {"none": "nenaudojame", "exploring": "svarstome", "pilot": "bandomasis projektas",
      "in_production": "naudojame nuolat"}

# canonical museums; rendering hints in keys starting with "_"
M = [
    dict(museum_name="Pajūrio krašto muziejus", museum_type="regional_local",
         ownership="regional_local_authority", accredited=True, annual_visits=18450,
         staff_paid_fte=22.5, staff_fte_digital=1.5, collection_objects=64200,
         collection_objects_precision="estimate", pct_digitised=38, pct_digitised_3d=0.5,
         pct_online=21, has_digital_strategy="written", ai_status="exploring", ai_use_cases=None,
         digital_budget_available_eur=12000, need_infrastructure_eur=45000,
         need_equipment_eur=30000, need_human_resources_eur=60000, need_training_eur=8000,
         funding_sources=["regional_local", "eu_structural_rrf"],
         main_obstacles=["money", "staff_time"],
         _txt=dict(ai_use_cases="", digital_budget_available_eur="12 tūkst. €",
                   need_equipment_eur="30 tūkst. €",
                   funding_sources="savivaldybės biudžetas, ES struktūriniai fondai",
                   main_obstacles="lėšų trūkumas, darbuotojų laiko stoka"),
         _contact=("Rasa Jonaitienė", "r.jonaitiene@pajurio-muziejus.lt")),
    dict(museum_name="Vilniaus taikomosios dailės galerija", museum_type="art",
         ownership="national_state", accredited=True, annual_visits=142300, staff_paid_fte=48,
         staff_fte_digital=4, collection_objects=21870, collection_objects_precision="exact",
         pct_digitised=72, pct_digitised_3d=3, pct_online=55, has_digital_strategy="written",
         ai_status="pilot", ai_use_cases=["cataloguing_metadata", "image_recognition"],
         digital_budget_available_eur=85000, need_infrastructure_eur=120000,
         need_equipment_eur=95000, need_human_resources_eur=150000, need_training_eur=20000,
         funding_sources=["national", "eu_creative_europe", "private_sponsorship"],
         main_obstacles=["copyright", "skills", "money"],
         _txt=dict(pct_digitised="72 %", ai_use_cases="katalogavimas, vaizdų atpažinimas",
                   funding_sources="valstybės biudžetas, Kūrybiška Europa, rėmėjai",
                   main_obstacles="autorių teisės, įgūdžių trūkumas, lėšų trūkumas",
                   digital_budget_available_eur="85 000 €"),
         _contact=("Tomas Žukauskas", "tomas.zukauskas@vtdg.lt")),
    dict(museum_name="Kauno technikos istorijos muziejus", museum_type="science_technology",
         ownership="national_state", accredited=True, annual_visits=36900, staff_paid_fte=31,
         staff_fte_digital=2, collection_objects=15400, collection_objects_precision="estimate",
         pct_digitised=41, pct_digitised_3d=6, pct_online=18, has_digital_strategy="unwritten",
         ai_status="none", ai_use_cases=None, digital_budget_available_eur=None,
         need_infrastructure_eur=70000, need_equipment_eur=110000,
         need_human_resources_eur=48000, need_training_eur=12000,
         funding_sources=["national", "own_income"], main_obstacles=["money", "infrastructure"],
         _txt=dict(ai_use_cases="", digital_budget_available_eur="n.d.",
                   pct_digitised_3d="6 %",
                   funding_sources="valstybės biudžetas, nuosavos pajamos",
                   main_obstacles="lėšų trūkumas, IT infrastruktūra"),
         _contact=("Darius Kazlauskas", "d.kazlauskas@ktim.lt")),
    dict(museum_name="Dzūkijos etnografijos muziejus", museum_type="ethnography_anthropology",
         ownership="regional_local_authority", accredited=False, annual_visits=4820,
         staff_paid_fte=6.5, staff_fte_digital=0.5, collection_objects=9300,
         collection_objects_precision="estimate", pct_digitised=12, pct_digitised_3d=0,
         pct_online=8, has_digital_strategy="none", ai_status="none", ai_use_cases=None,
         digital_budget_available_eur=2500, need_infrastructure_eur=15000,
         need_equipment_eur=12000, need_human_resources_eur=None, need_training_eur=3000,
         funding_sources=["regional_local"], main_obstacles=["money", "staff_time", "skills"],
         _txt=dict(ai_use_cases="", digital_budget_available_eur="2 500 €",
                   need_human_resources_eur="n.d.",
                   funding_sources="savivaldybės biudžetas",
                   main_obstacles="lėšų trūkumas, laiko stoka, įgūdžių trūkumas"),
         _contact=("Ona Vaitkevičienė", "dzukijos.muziejus@gmail.com")),
    dict(museum_name="Nemuno deltos gamtos muziejus", museum_type="natural_history_science",
         ownership="regional_local_authority", accredited=True, annual_visits=27600,
         staff_paid_fte=14, staff_fte_digital=1, collection_objects=112000,
         collection_objects_precision="estimate", pct_digitised=25, pct_digitised_3d=2,
         pct_online=10, has_digital_strategy="written", ai_status="exploring",
         ai_use_cases=["image_recognition"], digital_budget_available_eur=7500,
         need_infrastructure_eur=40000, need_equipment_eur=25000,
         need_human_resources_eur=36000, need_training_eur=6000,
         funding_sources=["regional_local", "eu_horizon"],
         main_obstacles=["data_quality", "money"],
         _txt=dict(ai_use_cases="vaizdų atpažinimas (rūšių nustatymas)",
                   digital_budget_available_eur="7,5 tūkst. €",
                   funding_sources="savivaldybės biudžetas, „Horizontas Europa“",
                   main_obstacles="duomenų kokybė, lėšų trūkumas"),
         _contact=("Gintarė Paulauskė", "gintare@ndgm.lt")),
    dict(museum_name="Merkinės piliakalnių archeologijos muziejus", museum_type="archaeology",
         ownership="national_state", accredited=True, annual_visits=58200, staff_paid_fte=19,
         staff_fte_digital=3.5, collection_objects=240500, collection_objects_precision="exact",
         pct_digitised=17, pct_digitised_3d=1.2, pct_online=9, has_digital_strategy="written",
         ai_status="pilot", ai_use_cases=["ocr_htr_transcription"],
         digital_budget_available_eur=36000, need_infrastructure_eur=180000,
         need_equipment_eur=250000, need_human_resources_eur=90000, need_training_eur=15000,
         funding_sources=["national", "eu_structural_rrf", "eu_digital_europe"],
         main_obstacles=["staff_time", "data_quality", "infrastructure"],
         _txt=dict(ai_use_cases="inventorinių knygų teksto atpažinimas (OCR)",
                   need_equipment_eur="250 tūkst. €",
                   funding_sources="valstybės biudžetas, ES struktūriniai fondai, Skaitmeninė Europa",
                   main_obstacles="laiko stoka, duomenų kokybė, IT infrastruktūra"),
         _contact=("Justinas Mockus", "j.mockus@merkines-muziejus.lt")),
    dict(museum_name="UAB „Retro garažas“ automobilių muziejus", museum_type="specialised",
         ownership="private_for_profit", accredited=False, annual_visits=11200, staff_paid_fte=4,
         staff_fte_digital=None, collection_objects=380, collection_objects_precision="exact",
         pct_digitised=90, pct_digitised_3d=15, pct_online=60, has_digital_strategy="none",
         ai_status="in_production", ai_use_cases=["visitor_chatbot", "visitor_analytics"],
         digital_budget_available_eur=5000, need_infrastructure_eur=None,
         need_equipment_eur=8000, need_human_resources_eur=None, need_training_eur=None,
         funding_sources=["own_income", "private_sponsorship"], main_obstacles=["staff_time"],
         _txt=dict(staff_fte_digital="–", ai_use_cases="pokalbių robotas lankytojams, lankytojų analitika",
                   digital_budget_available_eur="5 tūkst. €",
                   funding_sources="nuosavos pajamos, rėmėjai", main_obstacles="laiko stoka"),
         _contact=("Mindaugas Stankevičius", "info@retrogarazas.lt")),
    dict(museum_name="Šiaulių miesto istorijos muziejus", museum_type="history",
         ownership="regional_local_authority", accredited=True, annual_visits=23100,
         staff_paid_fte=17.5, staff_fte_digital=2, collection_objects=88000,
         collection_objects_precision="estimate", pct_digitised=46, pct_digitised_3d=0.8,
         pct_online=30, has_digital_strategy="written", ai_status="exploring",
         ai_use_cases=["translation", "cataloguing_metadata"], digital_budget_available_eur=18500,
         need_infrastructure_eur=55000, need_equipment_eur=40000,
         need_human_resources_eur=72000, need_training_eur=9500,
         funding_sources=["regional_local", "national"],
         main_obstacles=["money", "leadership_strategy"],
         _txt=dict(ai_use_cases="vertimas, katalogavimas",
                   digital_budget_available_eur="18,5 tūkst. €",
                   pct_online="30 %",
                   funding_sources="savivaldybės biudžetas, Lietuvos kultūros taryba (valstybės lėšos)",
                   main_obstacles="lėšų trūkumas, vadovybės palaikymo ir strategijos stoka"),
         _contact=("Laura Petrauskaitė", "laura.p@siauliumuziejus.lt")),
]

# (field, sub-header text, group)
COLS = [
    (None, "Nr.", "Muziejus"),
    ("museum_name", "Muziejaus pavadinimas", "Muziejus"),
    ("museum_type", "Tipas", "Muziejus"),
    ("ownership", "Steigėjas", "Muziejus"),
    ("accredited", "Akredituotas", "Muziejus"),
    ("annual_visits", "Lankytojų sk. 2024 m.", "Lankytojai ir personalas"),
    ("staff_paid_fte", "Etatų sk. (iš viso)", "Lankytojai ir personalas"),
    ("staff_fte_digital", "iš jų skaitmeninimo darbams, etatai", "Lankytojai ir personalas"),
    ("collection_objects", "Eksponatų sk.", "Rinkiniai ir skaitmeninimas"),
    ("collection_objects_precision", "Skaičius tikslus / apytikslis", "Rinkiniai ir skaitmeninimas"),
    ("pct_digitised", "Suskaitmeninta, % rinkinio", "Rinkiniai ir skaitmeninimas"),
    ("pct_digitised_3d", "Suskaitmeninta 3D, % rinkinio", "Rinkiniai ir skaitmeninimas"),
    ("pct_online", "Prieinama internete, % rinkinio", "Rinkiniai ir skaitmeninimas"),
    ("has_digital_strategy", "Skaitmeninimo strategija", "Strategija ir dirbtinis intelektas (DI)"),
    ("ai_status", "DI naudojimas", "Strategija ir dirbtinis intelektas (DI)"),
    ("ai_use_cases", "Kam naudojamas DI", "Strategija ir dirbtinis intelektas (DI)"),
    ("digital_budget_available_eur", "Metinis skaitmeninimo biudžetas", "Finansai"),
    ("need_infrastructure_eur", "Poreikis iki 2030: IT infrastruktūra", "Finansai"),
    ("need_equipment_eur", "Poreikis iki 2030: įranga", "Finansai"),
    ("need_human_resources_eur", "Poreikis iki 2030: specialistai (žmogiškieji ištekliai)", "Finansai"),
    ("need_training_eur", "Poreikis iki 2030: darbuotojų mokymai", "Finansai"),
    ("funding_sources", "Finansavimo šaltiniai", "Finansai"),
    ("main_obstacles", "Pagrindinės kliūtys (iki 3)", "Finansai"),
    ("_name", "Kontaktinis asmuo", "Kontaktai"),
    ("_mail", "El. paštas", "Kontaktai"),
]


def render(m, f):
    txt = m.get("_txt", {})
    if f in txt:
        return txt[f] if txt[f] != "" else None
    v = m.get(f)
    if f == "_name":
        return m["_contact"][0]
    if f == "_mail":
        return m["_contact"][1]
    if v is None:
        return None
    if f == "museum_type":
        return TYPE[v]
    if f == "ownership":
        return OWN[v]
    if f == "accredited":
        return "Taip" if v else "Ne"
    if f == "collection_objects_precision":
        return "tikslus" if v == "exact" else "apytikslis"
    if f == "has_digital_strategy":
        return STRAT[v]
    if f == "ai_status":
        return AI[v]
    return v


def main():
    wb = Workbook()
    ins = wb.active
    ins.title = "Instrukcija"
    lines = [
        "Muziejų skaitmeninimo, skaitmeninių kompetencijų ir finansavimo poreikių apklausa 2025",
        "",
        "Kaip pildyti:",
        "1. Lape „Anketa“ kiekvienam muziejui skirta viena eilutė. Filialų atskirai nenurodykite.",
        "2. Lankytojų skaičius – 2024 m. apsilankymų skaičius.",
        "3. Procentai skaičiuojami nuo viso rinkinio eksponatų skaičiaus.",
        "4. Sumas nurodykite eurais (galima rašyti „12 tūkst. €“).",
        "5. Poreikis – suma, reikalinga iki 2030 m. skaitmeninimo tikslams pasiekti.",
        "6. Jei duomenų neturite, rašykite „n.d.“ arba palikite tuščią langelį.",
        "7. Keli atsakymai viename langelyje – atskirkite kableliais.",
        "",
        "Klausimus siųskite koordinatorei: Rūta Petraitienė, ruta.petraitiene@muziejutinklas.lt",
    ]
    for i, t in enumerate(lines, 1):
        ins.cell(i, 1, t)
    ins["A1"].font = TITLE
    ins.column_dimensions["A"].width = 100

    ws = wb.create_sheet(SHEET)
    ncol = len(COLS)
    ws.cell(1, 1, "Lietuvos muziejų skaitmeninimo būklės apklausa – 2025 m.").font = TITLE
    ws.cell(2, 1, "Šalis: Lietuva").font = BOLD
    ws.cell(3, 1, "Duomenis surinko: Muziejų skaitmeninimo tinklas, koordinatorė R. Petraitienė")
    hr1, hr2 = 5, 6
    # group header row with merged cells
    start = 1
    for c in range(1, ncol + 2):
        g = COLS[c - 1][2] if c <= ncol else None
        gprev = COLS[start - 1][2]
        if g != gprev:
            ws.cell(hr1, start, gprev)
            if c - 1 > start:
                ws.merge_cells(start_row=hr1, start_column=start, end_row=hr1, end_column=c - 1)
            start = c
    for c in range(1, ncol + 1):
        cell = ws.cell(hr1, c)
        cell.fill = GROUP_FILL
        cell.font = BOLD
        cell.alignment = CENTER
        cell.border = BOX
        h = ws.cell(hr2, c, COLS[c - 1][1])
        h.fill = HEAD_FILL
        h.font = BOLD
        h.alignment = CENTER
        h.border = BOX
    ws.row_dimensions[hr2].height = 45
    r = hr2 + 1
    for i, m in enumerate(M, 1):
        ws.cell(r, 1, i)
        for c, (f, _, _) in enumerate(COLS[1:], 2):
            v = render(m, f)
            cell = ws.cell(r, c, v)
            cell.border = BOX
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                if f in ("annual_visits", "collection_objects") or f.endswith("_eur"):
                    cell.number_format = "#,##0"
                elif f.startswith("pct_"):
                    cell.number_format = "0.0" if v != int(v) else "0"
        r += 1
    # totals row
    tot = {f: sum(m[f] for m in M if m.get(f) is not None)
           for f in ("annual_visits", "staff_paid_fte", "collection_objects")}
    ws.cell(r, 2, "Iš viso").font = BOLD
    for c, (f, _, _) in enumerate(COLS, 1):
        ws.cell(r, c).fill = TOTAL_FILL
        if f in tot:
            ws.cell(r, c, tot[f]).font = BOLD
            ws.cell(r, c).number_format = "#,##0" if f != "staff_paid_fte" else "0.0"
    total_row = r
    r += 2
    notes = [
        "Pastabos:",
        "n.d. – nėra duomenų; tuščias langelis – muziejus neatsakė.",
        "Visos sumos – eurais. Poreikis nurodytas visam laikotarpiui iki 2030 m.",
        "Procentai – nuo viso rinkinio eksponatų skaičiaus.",
    ]
    for t in notes:
        ws.cell(r, 2, t).font = ITALIC
        r += 1
    widths = [5, 38, 16, 16, 12, 12, 11, 14, 12, 14, 13, 13, 13, 22, 18, 30, 16, 16, 16, 18, 16, 40, 40, 22, 30]
    for c, w in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(c)].width = w
    for row in ws.iter_rows(min_row=hr2 + 1, max_row=total_row):
        for cell in row:
            cell.alignment = WRAP
    ws.freeze_panes = ws.cell(hr2 + 1, 3)
    wb.save(out_path(FILE))

    fields = [f for f, _, _ in COLS if f and not f.startswith("_")]
    museums = [{k: v for k, v in m.items() if not k.startswith("_")} for m in M]
    for m in museums:
        m["country"] = "LT"
    write_truth(
        FILE, SHEET, museums, ["Iš viso"] + notes,
        "Workbook with an instructions sheet ('Instrukcija') first; the data are on sheet 'Anketa'. "
        "Title block in rows 1-3 with 'Šalis: Lietuva' (country LT for every museum, no country column). "
        "Two-row header (row 5 merged group cells: Muziejus / Lankytojai ir personalas / Rinkiniai ir "
        "skaitmeninimas / Strategija ir DI / Finansai / Kontaktai; row 6 short labels), data rows 7-14, "
        "a yellow 'Iš viso' totals row (sums of visits, FTE and objects) and italic footnotes below. "
        "Column A is a running number, not an ID. Yes/no = Taip/Ne; 'n.d.' (nėra duomenų) and '–' mean "
        "not answered; an empty 'Kam naudojamas DI' cell is null. Money is in EUR with local forms "
        "'12 tūkst. €' = 12000, '7,5 tūkst. €' = 7500, '2 500 €'. The 'Poreikis iki 2030' columns are "
        "need_*_eur for four pillars (no data/metadata or copyright columns, no horizon column). "
        "'yra, bet neužrašyta' strategy = unwritten; 'svarstome' = exploring; 'bandomasis projektas' = pilot; "
        "'naudojame nuolat' = in_production. 'Lietuvos kultūros taryba (valstybės lėšos)' is national "
        "funding. 'vadovybės palaikymo ir strategijos stoka' = leadership_strategy. Contact person and "
        "e-mail columns are personal data.",
        fields=fields)


if __name__ == "__main__":
    main()
