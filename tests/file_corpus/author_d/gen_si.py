"""Slovenian museum association workbook: title block with country and reference date, two-row
header with merged groups + a units row, blank spacer columns, funding sources as one column per
option marked with 'x', totals row 'Skupaj', notes, contact columns, and a codebook sheet."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from openpyxl import Workbook  # noqa: E402
from openpyxl.utils import get_column_letter  # noqa: E402

from fc_helpers import (BOLD, BOX, CENTER, GROUP_FILL, HEAD_FILL, ITALIC, TITLE,  # noqa: E402
                        TOTAL_FILL, fmt_num, out_path, write_truth)

FILE = "SI_anketa_digitalizacija_muzejev_2025.xlsx"
SHEET = "Podatki"

TYPE = {"regional_local": "pokrajinski", "art": "umetnostni", "science_technology": "tehniški",
        "monument_site": "grad / spomenik", "ethnography_anthropology": "etnološki",
        "natural_history_science": "naravoslovni", "archaeology": "arheološki", "history": "zgodovinski"}
OWN = {"regional_local_authority": "občina", "national_state": "država",
       "private_nonprofit": "zasebni (zavod)", "ppp": "javno-zasebno partnerstvo"}
SRC = [("national", "Državni proračun"), ("regional_local", "Občina"),
       ("eu_digital_europe", "Digitalna Evropa"), ("eu_horizon", "Obzorje Evropa"),
       ("eu_creative_europe", "Ustvarjalna Evropa"), ("eu_structural_rrf", "Kohezijski skladi / NOO"),
       ("private_sponsorship", "Sponzorji, donatorji"), ("own_income", "Lastni prihodki")]
NEEDS = ["need_infrastructure_eur", "need_equipment_eur", "need_human_resources_eur",
         "need_data_metadata_eur", "need_copyright_clearance_eur", "need_training_eur"]

BLANK = object()  # written as '—'


def mk(name, typ, own, visits, head, fte, exp, objs, dig, d3, onl, eur, imm, budget, struct, needs,
       horizon, src, eu, contact, txt=None):
    d = dict(museum_name=name, museum_type=typ, ownership=own, annual_visits=visits,
             staff_paid_headcount=head, staff_paid_fte=fte, total_expenditure_eur=exp,
             collection_objects=objs, pct_digitised=dig, pct_digitised_3d=d3, pct_online=onl,
             pct_in_europeana_dataspace=eur, immovable_at_risk_n=imm[0], immovable_at_risk_3d_n=imm[1],
             immovable_most_visited_n=imm[2], immovable_most_visited_3d_n=imm[3],
             digital_budget_available_eur=budget, pct_structural=struct,
             funding_horizon_years=horizon, funding_sources=src, eu_funding_received_eur=eu)
    for k, v in zip(NEEDS, needs):
        d[k] = v
    d["country"] = "SI"
    d["reference_date"] = "2024-12-31"
    d["_contact"] = contact
    d["_txt"] = txt or {}
    return d


N4 = (None, None, None, None)
M = [
    mk("Pokrajinski muzej Savinja", "regional_local", "regional_local_authority", 28400, 24, 22.5,
       1180000, 95000, 31, 1, 14, 3, N4, 18000, 80, (60000, 35000, 90000, 25000, 5000, 10000), 6,
       ["national", "regional_local"], 0, ("Maja Kovač", "maja.kovac@pm-savinja.si", "03 548 21 10"),
       txt={"total_expenditure_eur": "1.180.000", "digital_budget_available_eur": "18.000 €"}),
    mk("Galerija sodobne umetnosti Drava", "art", "national_state", 64200, 38, 36, 2450000, 12300,
       78, 0, 61, 20, N4, 55000, 60, (40000, 20000, 120000, 15000, 45000, 12000), None,
       ["national", "eu_creative_europe", "private_sponsorship"], 85000,
       ("Jure Novak", "jure.novak@gsu-drava.si", "02 229 58 00"),
       txt={"pct_digitised": "78 %", "pct_online": "61 %", "eu_funding_received_eur": "85.000,00"}),
    mk("Tehniški muzej Sava", "science_technology", "national_state", 112500, 45, 43.5, 3100000,
       38000, 22, 4, 12, 2, N4, 40000, 75, (150000, 220000, 110000, 40000, 8000, 30000), 6,
       ["national", "own_income", "eu_digital_europe"], 120000,
       ("Andrej Zupan", "andrej.zupan@tms-sava.si", "01 436 16 05"),
       txt={"staff_paid_fte": "43,5", "total_expenditure_eur": "3.100.000,00 €"}),
    mk("Grad Kamnik nad Krko", "monument_site", "ppp", 41000, 9, 8, 640000, 2100, 60, 25, 40, 0,
       (3, 1, 1, 1), 12000, 30, (20000, 45000, 30000, 5000, 0, 4000), 5,
       ["regional_local", "eu_structural_rrf", "own_income"], 210000,
       ("Petra Vidmar", "info@grad-kamnik-krka.si", "041 332 118"),
       txt={"pct_digitised_3d": "25 %"}),
    mk("Etnološki muzej Bela krajina", "ethnography_anthropology", "regional_local_authority", 6900, 5,
       4.5, 310000, 14500, 18, 0.5, 9, 5, N4, 3500, 100, (10000, 8000, None, 6000, 2000, 3000), None,
       ["regional_local"], None, ("Špela Golob", "emb.muzej@siol.net", "07 356 71 20"),
       txt={"need_human_resources_eur": BLANK, "eu_funding_received_eur": BLANK,
            "digital_budget_available_eur": "3.500 €", "pct_digitised_3d": "0,5"}),
    mk("Prirodoslovni muzej Snežnik", "natural_history_science", "private_nonprofit", 9800, 7, 5,
       420000, 185000, 9, 0.2, 4, 0, N4, 6000, 20, (25000, 18000, 40000, 30000, 1000, 5000), 6,
       ["private_sponsorship", "eu_horizon", "own_income"], 45000,
       ("Tina Krajnc", "tina@pm-sneznik.si", "031 555 204"),
       txt={"collection_objects": "cca. 185.000"}),
    mk("Arheološki muzej Posočje", "archaeology", "regional_local_authority", 15600, 12, 11, 760000,
       310000, 12, 2, 6, 1, (5, 2, 2, 0), 9000, 85, (80000, 60000, 50000, 70000, 0, 10000), 6,
       ["national", "regional_local"], 0, ("Boštjan Mlakar", "bostjan.mlakar@amp.si", "05 380 44 91")),
    mk("Muzej novejše zgodovine Zasavje", "history", "regional_local_authority", 11300, 10, 9.5, 590000,
       47000, 40, 0, 22, 8, N4, 7500, 90, (30000, 15000, 45000, 20000, 12000, 6000), 6,
       ["regional_local", "national", "own_income"], 0,
       ("Nina Kos", "nina.kos@mnz-zasavje.si", "03 566 12 40"),
       txt={"digital_budget_available_eur": "7.500,00 €"}),
]

# (field, label, unit, group); None field = spacer column
COLS = [
    ("_nr", "Zap. št.", "", "Osnovni podatki"),
    ("museum_name", "Muzej", "", "Osnovni podatki"),
    ("museum_type", "Vrsta muzeja", "", "Osnovni podatki"),
    ("ownership", "Ustanovitelj", "", "Osnovni podatki"),
    ("annual_visits", "Obiskovalci 2024", "št.", "Osnovni podatki"),
    ("staff_paid_headcount", "Zaposleni", "št. oseb", "Osnovni podatki"),
    ("staff_paid_fte", "Zaposleni", "EPZ", "Osnovni podatki"),
    ("total_expenditure_eur", "Odhodki skupaj 2024", "EUR", "Osnovni podatki"),
    (None, "", "", None),
    ("collection_objects", "Predmeti v zbirkah", "št.", "Zbirke in digitalizacija"),
    ("pct_digitised", "Digitalizirano", "% zbirke", "Zbirke in digitalizacija"),
    ("pct_digitised_3d", "Digitalizirano v 3D", "% zbirke", "Zbirke in digitalizacija"),
    ("pct_online", "Dostopno na spletu", "% zbirke", "Zbirke in digitalizacija"),
    ("pct_in_europeana_dataspace", "Objavljeno v Europeani", "% zbirke", "Zbirke in digitalizacija"),
    (None, "", "", None),
    ("immovable_at_risk_n", "Ogroženi spomeniki / območja", "št.", "Nepremična dediščina v upravljanju"),
    ("immovable_at_risk_3d_n", "od tega 3D dokumentirani", "št.", "Nepremična dediščina v upravljanju"),
    ("immovable_most_visited_n", "Najbolj obiskani spomeniki / območja", "št.", "Nepremična dediščina v upravljanju"),
    ("immovable_most_visited_3d_n", "od tega 3D dokumentirani", "št.", "Nepremična dediščina v upravljanju"),
    (None, "", "", None),
    ("digital_budget_available_eur", "Letni proračun za digitalno", "EUR/leto", "Proračun"),
    ("pct_structural", "Stalna (neprojektna) sredstva", "% proračuna", "Proračun"),
    ("need_infrastructure_eur", "Infrastruktura", "EUR", "Potrebe do leta 2030"),
    ("need_equipment_eur", "Oprema", "EUR", "Potrebe do leta 2030"),
    ("need_human_resources_eur", "Kadri", "EUR", "Potrebe do leta 2030"),
    ("need_data_metadata_eur", "Podatki in metapodatki", "EUR", "Potrebe do leta 2030"),
    ("need_copyright_clearance_eur", "Urejanje avtorskih pravic", "EUR", "Potrebe do leta 2030"),
    ("need_training_eur", "Usposabljanje", "EUR", "Potrebe do leta 2030"),
    ("funding_horizon_years", "Obdobje", "let", "Potrebe do leta 2030"),
] + [("_src_" + code, label, "x", "Viri financiranja (označite z x)") for code, label in SRC] + [
    ("eu_funding_received_eur", "Prejeta EU sredstva 2022–2024", "EUR", "EU sredstva"),
    (None, "", "", None),
    ("_c0", "Kontaktna oseba", "", "Kontakt"),
    ("_c1", "E-pošta", "", "Kontakt"),
    ("_c2", "Telefon", "", "Kontakt"),
]


def render(m, f, i):
    if f == "_nr":
        return i
    if f in m["_txt"]:
        v = m["_txt"][f]
        return "—" if v is BLANK else v
    if f.startswith("_src_"):
        return "x" if f[5:] in m["funding_sources"] else None
    if f.startswith("_c"):
        return m["_contact"][int(f[2])]
    v = m.get(f)
    if v is None:
        return None
    if f == "museum_type":
        return TYPE[v]
    if f == "ownership":
        return OWN[v]
    return v


def main():
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    ncol = len(COLS)
    ws.cell(1, 1, "Anketa o digitalizaciji, digitalnih kompetencah in financiranju muzejev 2025").font = TITLE
    ws.cell(2, 1, "Država: Slovenija").font = BOLD
    ws.cell(3, 1, "Stanje na dan: 31. 12. 2024").font = BOLD
    g_row, h_row, u_row = 5, 6, 7
    c = 1
    while c <= ncol:
        g = COLS[c - 1][3]
        e = c
        while e < ncol and COLS[e][3] == g:
            e += 1
        if g:
            ws.cell(g_row, c, g)
            if e > c:
                ws.merge_cells(start_row=g_row, start_column=c, end_row=g_row, end_column=e)
            for k in range(c, e + 1):
                ws.cell(g_row, k).fill = GROUP_FILL
                ws.cell(g_row, k).font = BOLD
                ws.cell(g_row, k).alignment = CENTER
                ws.cell(g_row, k).border = BOX
        c = e + 1
    for c, (f, label, unit, g) in enumerate(COLS, 1):
        if f is None:
            ws.column_dimensions[get_column_letter(c)].width = 2
            continue
        h = ws.cell(h_row, c, label)
        u = ws.cell(u_row, c, unit or None)
        for x in (h, u):
            x.fill = HEAD_FILL
            x.alignment = CENTER
            x.border = BOX
        h.font = BOLD
        u.font = ITALIC
        ws.column_dimensions[get_column_letter(c)].width = 36 if f == "museum_name" else (
            3.5 if f.startswith("_src_") else 14)
    ws.row_dimensions[h_row].height = 60
    r = u_row + 1
    for i, m in enumerate(M, 1):
        for c, (f, _, _, _) in enumerate(COLS, 1):
            if f is None:
                continue
            v = render(m, f, i)
            cell = ws.cell(r, c, v)
            cell.border = BOX
            if isinstance(v, (int, float)):
                if f.endswith("_eur") or f in ("annual_visits", "collection_objects"):
                    cell.number_format = "#,##0"
                elif f == "staff_paid_fte":
                    cell.number_format = "0.0"
            if f.startswith("_src_"):
                cell.alignment = CENTER
        r += 1
    # totals
    sum_f = ["annual_visits", "staff_paid_headcount", "staff_paid_fte", "total_expenditure_eur",
             "collection_objects", "digital_budget_available_eur"] + NEEDS
    ws.cell(r, 2, "Skupaj")
    for c, (f, _, _, _) in enumerate(COLS, 1):
        if f is None:
            continue
        cell = ws.cell(r, c)
        cell.fill = TOTAL_FILL
        cell.font = BOLD
        cell.border = BOX
        if f in sum_f:
            cell.value = sum(m[f] for m in M if m.get(f) is not None)
            cell.number_format = "#,##0" if f != "staff_paid_fte" else "0.0"
    r += 2
    notes = [
        "Opombe:",
        "— ni podatka / muzej ni odgovoril.",
        "Odstotki se nanašajo na celotno zbirko (vse predmete), tudi delež v 3D.",
        "Nepremična dediščina: izpolnijo le muzeji, ki upravljajo spomenike ali arheološka območja.",
        "Potrebe so skupni znesek, potreben do cilja leta 2030; »Obdobje« = število let, na katera se potrebe nanašajo.",
    ]
    for t in notes:
        ws.cell(r, 2, t).font = ITALIC
        r += 1
    ws.freeze_panes = ws.cell(u_row + 1, 3)

    cb = wb.create_sheet("Šifranti")
    rows = [("Vrsta muzeja", ", ".join(TYPE.values())), ("Ustanovitelj", ", ".join(OWN.values())),
            ("EPZ", "ekvivalent polnega zaposlovanja"), ("NOO", "Načrt za okrevanje in odpornost")]
    for i, (a, b) in enumerate(rows, 1):
        cb.cell(i, 1, a).font = BOLD
        cb.cell(i, 2, b)
    cb.column_dimensions["A"].width = 18
    cb.column_dimensions["B"].width = 110
    wb.save(out_path(FILE))

    fields = ["reference_date"] + [f for f, *_ in COLS if f and not f.startswith("_")] + ["funding_sources"]
    museums = [{k: v for k, v in m.items() if not k.startswith("_")} for m in M]
    write_truth(
        FILE, SHEET, museums, ["Skupaj"] + notes,
        "Data on sheet 'Podatki' (a codebook sheet 'Šifranti' follows). Title block: 'Država: Slovenija' "
        "(country SI for all rows) and 'Stanje na dan: 31. 12. 2024', read as reference_date 2024-12-31 for "
        "every museum. Row 5 = merged group cells, row 6 = labels (two columns are both labelled "
        "'Zaposleni' and are told apart only by the units row: 'št. oseb' = staff_paid_headcount, 'EPZ' = "
        "staff_paid_fte; likewise the two 'od tega 3D dokumentirani' columns follow at-risk and most-visited "
        "counts), row 7 = units row, data rows 8-15, a 'Skupaj' totals row, then notes. Narrow blank spacer "
        "columns separate the groups. Funding sources are eight columns, one per option, marked 'x' "
        "(Državni proračun = national, Občina = regional_local, Kohezijski skladi / NOO = eu_structural_rrf, "
        "Sponzorji = private_sponsorship, Lastni prihodki = own_income). Numbers mostly real numeric cells, "
        "some text in Slovenian format ('1.180.000', '3.100.000,00 €', '85.000,00', '43,5', '0,5', '78 %', "
        "'cca. 185.000' = an approximate 185000). '—' = not answered (null); empty immovable-heritage cells "
        "are null (only site-managing museums fill them), explicit 0 stays 0. Blank 'Obdobje' (horizon) is "
        "null even though the note says needs run to 2030. Type 'pokrajinski' (regional museum) = "
        "regional_local; 'grad / spomenik' = monument_site; 'zasebni (zavod)' = private_nonprofit; "
        "'javno-zasebno partnerstvo' = ppp. Contact person, e-mail and phone are personal data.",
        fields=fields)


if __name__ == "__main__":
    main()
