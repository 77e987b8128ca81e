# -*- coding: utf-8 -*-
"""Generator for test corpus b: five museum-survey files (ES, PT, IT, PL, CZ/SK)
written the way national networks / museum staff produce them, plus truth files.
Run with /work/main/.venv/bin/python generate_b.py"""
import json, os, csv, io
from openpyxl import Workbook
from openpyxl.styles import Font, Alignment, PatternFill, Border, Side
from openpyxl.utils import get_column_letter

OUT = os.environ["FILE_CORPUS_OUT"]
BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
GREY = PatternFill("solid", fgColor="DDDDDD")
BLUE = PatternFill("solid", fgColor="DCE6F1")
THIN = Side(style="thin", color="999999")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)


def num(x, thou=".", dec=",", nd=2):
    """Format a number the local way: 1.234,5 / 1 234,5."""
    if float(x).is_integer():
        s = f"{int(round(x)):,}".replace(",", "\x00")
        return s.replace("\x00", thou)
    s = f"{x:,.{nd}f}".rstrip("0").rstrip(".")
    ip, fp = s.split(".") if "." in s else (s, "")
    ip = ip.replace(",", thou)
    return ip + (dec + fp if fp else "")


def truth(fname, sheet, museums, not_museums, notes, country=None):
    out = []
    for m in museums:
        d = {k: v for k, v in m.items() if not k.startswith("_") and v is not None}
        if country and "country" not in d:
            d["country"] = country
        for k in list(d):
            if isinstance(d[k], list) and not d[k]:
                del d[k]
        out.append(d)
    with open(os.path.join(OUT, fname + ".truth.json"), "w", encoding="utf-8") as f:
        json.dump({"file": fname, "wave": "2025", "sheet_with_data": sheet, "museums": out,
                   "not_museums": not_museums, "notes": notes}, f, ensure_ascii=False, indent=2)


def inv(d):
    """code -> local label (first label wins)"""
    r = {}
    for k, v in d.items():
        r.setdefault(v, k)
    return r


# =============================================================================
# 1. ES  - xlsx, real numeric cells with number formats, title block, 2-row header
#          with merged groups, region heading rows, subtotals per region, notes.
# =============================================================================
def make_es():
    fname = "ES_red_museos_digitalizacion_2025.xlsx"
    TYPE = {"art": "Arte", "archaeology": "Arqueología", "history": "Historia",
            "natural_history_science": "Ciencias naturales", "science_technology": "Ciencia y tecnología",
            "ethnography_anthropology": "Etnografía y antropología", "specialised": "Especializado",
            "monument_site": "Monumento / yacimiento"}
    STRAT = {"written": "Sí, escrita", "unwritten": "Sí, no escrita", "none": "No"}
    AI = {"none": "No", "exploring": "Explorando", "pilot": "Proyecto piloto", "in_production": "En producción"}
    # museums; "_own" = titularidad text as written; "_src"/"_obs" = text as written
    M = [
        ("Comunidad de Madrid", [
            dict(museum_name="Museo de Artes Decorativas de Chamberí", _prov="Madrid", museum_type="art",
                 _own="Estatal", ownership="national_state", annual_visits=48230, staff_paid_fte=22.5,
                 staff_fte_digital=2.0, collection_objects=18400, pct_catalogued_db=92, pct_digitised=61,
                 pct_digitised_3d=1.2, pct_online=44, has_digital_strategy="written", ai_status="exploring",
                 digital_budget_available_eur=85000,
                 _src="Ministerio de Cultura, Fondos Next Generation (PRTR)", funding_sources=["national", "eu_structural_rrf"],
                 _obs="Falta de personal, Derechos de autor", main_obstacles=["staff_time", "copyright"],
                 _contact=("Lucía Benavente Ortiz", "lbenavente@madc-chamberi.example.es", "+34 914 55 21 80"), _rem=""),
            dict(museum_name="Museo Arqueológico de Valdemoro", _prov="Madrid", museum_type="archaeology",
                 _own="Municipal", ownership="regional_local_authority", annual_visits=6850, staff_paid_fte=4,
                 staff_fte_digital=0.5, collection_objects=32000, pct_catalogued_db=40, pct_digitised=15,
                 pct_digitised_3d=3, pct_online=None, _blank={"pct_online": "s/d"}, has_digital_strategy="none",
                 ai_status="none", digital_budget_available_eur=4500,
                 _src="Ayuntamiento", funding_sources=["regional_local"],
                 _obs="Falta de financiación, Falta de personal, Infraestructura tecnológica",
                 main_obstacles=["money", "staff_time", "infrastructure"],
                 _contact=("Andrés Villalba", "museo.arqueologico@valdemoro-ayto.example.es", "918 09 93 10"),
                 _rem="Cifra de visitantes provisional"),
            dict(museum_name="Fundación Museo del Ferrocarril Castellano", _prov="Madrid", museum_type="science_technology",
                 _own="Fundación privada", ownership="private_nonprofit", annual_visits=112400, staff_paid_fte=31,
                 staff_fte_digital=3.5, collection_objects=5200, pct_catalogued_db=100, pct_digitised=78,
                 pct_digitised_3d=22, pct_online=50, has_digital_strategy="unwritten", ai_status="pilot",
                 digital_budget_available_eur=140000,
                 _src="Ingresos propios, Mecenazgo, Comunidad de Madrid",
                 funding_sources=["own_income", "private_sponsorship", "regional_local"],
                 _obs="Competencias digitales, Calidad de los datos", main_obstacles=["skills", "data_quality"],
                 _contact=("Marta Gil-Sanz", "mgil@fundacionferrocarril.example.org", "+34 915 06 77 02"), _rem=""),
        ]),
        ("Andalucía", [
            dict(museum_name="Museo de Bellas Artes de Écija", _prov="Sevilla", museum_type="art",
                 _own="Autonómica (Junta de Andalucía)", ownership="regional_local_authority", annual_visits=21900,
                 staff_paid_fte=9, staff_fte_digital=1, collection_objects=3450, pct_catalogued_db=88,
                 pct_digitised=95, pct_digitised_3d=0, pct_online=90, has_digital_strategy="written",
                 ai_status="none", digital_budget_available_eur=22000,
                 _src="Comunidad Autónoma, FEDER", funding_sources=["regional_local", "eu_structural_rrf"],
                 _obs="Falta de financiación", main_obstacles=["money"],
                 _contact=("José Antonio Ruiz Peña", "bellasartes.ecija@juntadeandalucia.example.es", "955 12 40 33"), _rem=""),
            dict(museum_name="Museo Etnográfico de la Alpujarra Alta", _prov="Granada", museum_type="ethnography_anthropology",
                 _own="Diputación Provincial", ownership="regional_local_authority", annual_visits=3120,
                 staff_paid_fte=2, staff_fte_digital=None, collection_objects=1870, pct_catalogued_db=55,
                 pct_digitised=30, pct_digitised_3d=None, pct_online=10,
                 _blank={"staff_fte_digital": "n/c", "pct_digitised_3d": "-", "digital_budget_available_eur": "s/d"},
                 has_digital_strategy="none", ai_status="none", digital_budget_available_eur=None,
                 _src="Diputación", funding_sources=["regional_local"],
                 _obs="Falta de financiación, Falta de personal, Competencias digitales",
                 main_obstacles=["money", "staff_time", "skills"],
                 _contact=("Encarnación Mórez", "etnografico@dipgra.example.es", "958 76 30 41"),
                 _rem="Abierto sólo fines de semana"),
            dict(museum_name="Conjunto Arqueológico de Baelo Menor", _prov="Cádiz", museum_type="monument_site",
                 _own="Estatal", ownership="national_state", annual_visits=236700, staff_paid_fte=27,
                 staff_fte_digital=2, collection_objects=41000, pct_catalogued_db=67, pct_digitised=35,
                 pct_digitised_3d=8, pct_online=21, has_digital_strategy="written", ai_status="in_production",
                 digital_budget_available_eur=96500,
                 _src="Ministerio de Cultura, Horizonte Europa, Ingresos propios",
                 funding_sources=["national", "eu_horizon", "own_income"],
                 _obs="Derechos de autor, Infraestructura tecnológica", main_obstacles=["copyright", "infrastructure"],
                 _contact=("Ignacio Lozano", "ilozano@baelomenor.example.es", "956 10 67 00"), _rem=""),
        ]),
        ("Cataluña", [
            dict(museum_name="Museu d'Història de Santa Coloma del Riu", _prov="Barcelona", museum_type="history",
                 _own="Municipal", ownership="regional_local_authority", annual_visits=14300, staff_paid_fte=6.5,
                 staff_fte_digital=1, collection_objects=9800, pct_catalogued_db=73, pct_digitised=48,
                 pct_digitised_3d=0.5, pct_online=31, has_digital_strategy="unwritten", ai_status="exploring",
                 digital_budget_available_eur=18000,
                 _src="Ayuntamiento, Generalitat de Catalunya", funding_sources=["regional_local"],
                 _obs="Falta de personal, Falta de estrategia", main_obstacles=["staff_time", "leadership_strategy"],
                 _contact=("Jordi Puigvert i Mas", "jpuigvert@museusantacoloma.example.cat", "93 385 22 10"), _rem=""),
            dict(museum_name="Col·lecció de Geologia de la Universitat del Vallès", _prov="Barcelona",
                 museum_type="natural_history_science", _own="Universidad pública", ownership="other_public",
                 annual_visits=2450, staff_paid_fte=3, staff_fte_digital=1.5, collection_objects=65000,
                 pct_catalogued_db=81, pct_digitised=12, pct_digitised_3d=2, pct_online=12,
                 has_digital_strategy="none", ai_status="pilot", digital_budget_available_eur=12000,
                 _src="Horizonte Europa, Europa Digital", funding_sources=["eu_horizon", "eu_digital_europe"],
                 _obs="Calidad de los datos, Falta de financiación", main_obstacles=["data_quality", "money"],
                 _contact=("Núria Casals", "geologia@uvalles.example.cat", "93 580 11 47"),
                 _rem="Colección universitaria, visitas concertadas"),
            dict(museum_name="Museu del Disseny Tèxtil de Terrassa", _prov="Barcelona", museum_type="specialised",
                 _own="Privada (empresa)", ownership="private_for_profit", annual_visits=8900, staff_paid_fte=5,
                 staff_fte_digital=0.5, collection_objects=2300, pct_catalogued_db=100, pct_digitised=100,
                 pct_digitised_3d=5, pct_online=70, has_digital_strategy="written", ai_status="in_production",
                 digital_budget_available_eur=30000,
                 _src="Ingresos propios, Patrocinio privado", funding_sources=["own_income", "private_sponsorship"],
                 _obs="Derechos de autor", main_obstacles=["copyright"],
                 _contact=("Oriol Ferrer", "info@museudisseny-textil.example.cat", "93 731 40 02"), _rem=""),
        ]),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Museos"
    ws["A1"] = "Red de Museos de España — Encuesta sobre digitalización, competencias digitales y financiación"
    ws["A1"].font = TITLE
    ws["A2"] = "País: España"
    ws["A3"] = "Fuente: cuestionarios remitidos por los museos de la Red. Fecha de envío: 14/03/2025"
    ws["A4"] = "Unidad de gestión: Subdirección de Museos (datos provisionales)"
    # two-row header from row 6
    groups = [("Identificación", 4), ("Público y personal", 3), ("Colección y digitalización", 5),
              ("Estrategia e IA", 2), ("Financiación", 3), ("Contacto", 4)]
    sub = ["Museo", "Provincia", "Tipología", "Titularidad",
           "Visitantes 2024", "Personal (ETC) (1)", "Personal dedicado a lo digital (ETC)",
           "Nº de objetos de la colección", "% catalogado en base de datos", "% digitalizado (2)", "% digitalizado en 3D",
           "% accesible en línea",
           "Estrategia digital", "Uso de inteligencia artificial",
           "Presupuesto digital anual (€)", "Fuentes de financiación", "Principales obstáculos",
           "Persona de contacto", "Correo electrónico", "Teléfono", "Observaciones"]
    c = 1
    for g, n in groups:
        ws.cell(6, c, g).font = BOLD
        ws.cell(6, c).fill = BLUE
        ws.cell(6, c).alignment = CENTER
        ws.merge_cells(start_row=6, start_column=c, end_row=6, end_column=c + n - 1)
        c += n
    for i, h in enumerate(sub, 1):
        cell = ws.cell(7, i, h)
        cell.font = BOLD; cell.fill = GREY; cell.alignment = CENTER; cell.border = BOX
    ws.row_dimensions[7].height = 45
    FMT = {"int": "#,##0", "fte": "0.0", "pct": "0.0%", "eur": '#,##0 "€"'}
    cols = [("museum_name", None), ("_prov", None), ("museum_type", "type"), ("_own", None),
            ("annual_visits", "int"), ("staff_paid_fte", "fte"), ("staff_fte_digital", "fte"),
            ("collection_objects", "int"), ("pct_catalogued_db", "pct"), ("pct_digitised", "pct"),
            ("pct_digitised_3d", "pct"), ("pct_online", "pct"), ("has_digital_strategy", "strat"),
            ("ai_status", "ai"), ("digital_budget_available_eur", "eur"), ("_src", None), ("_obs", None),
            ("_c0", None), ("_c1", None), ("_c2", None), ("_rem", None)]
    r = 8
    not_museums = []
    allm = []
    grand = dict(v=0, f=0.0, o=0, b=0)
    for region, ms in M:
        ws.cell(r, 1, region).font = Font(bold=True, italic=True)
        not_museums.append(region)
        r += 1
        tot = dict(v=0, f=0.0, o=0, b=0)
        for m in ms:
            m["country"] = "ES"
            allm.append(m)
            blank = m.get("_blank", {})
            for ci, (k, kind) in enumerate(cols, 1):
                if k.startswith("_c"):
                    val = m["_contact"][int(k[2])]
                elif k in blank:
                    val = blank[k]
                else:
                    val = m.get(k)
                    if kind == "type": val = TYPE[val]
                    elif kind == "strat": val = STRAT[val]
                    elif kind == "ai": val = AI[val]
                    elif kind == "pct": val = val / 100
                cell = ws.cell(r, ci, val if val != "" else None)
                cell.border = BOX
                if kind in FMT and not isinstance(val, str):
                    cell.number_format = FMT[kind]
                    cell.alignment = Alignment(horizontal="right")
            tot["v"] += m["annual_visits"]; tot["f"] += m["staff_paid_fte"]
            tot["o"] += m["collection_objects"]; tot["b"] += m["digital_budget_available_eur"] or 0
            r += 1
        lab = f"Total {region}"
        not_museums.append(lab)
        ws.cell(r, 1, lab).font = BOLD
        for ci, key, fmt in [(5, "v", "int"), (6, "f", "fte"), (8, "o", "int"), (15, "b", "eur")]:
            cell = ws.cell(r, ci, tot[key]); cell.number_format = FMT[fmt]; cell.font = BOLD
            grand[key] += tot[key]
        for ci in range(1, 22):
            ws.cell(r, ci).fill = GREY
        r += 2  # blank spacer
    ws.cell(r, 1, "TOTAL GENERAL").font = BOLD
    not_museums.append("TOTAL GENERAL")
    for ci, key, fmt in [(5, "v", "int"), (6, "f", "fte"), (8, "o", "int"), (15, "b", "eur")]:
        cell = ws.cell(r, ci, grand[key]); cell.number_format = FMT[fmt]; cell.font = BOLD
    r += 2
    for t in ["(1) ETC = equivalente a tiempo completo.",
              "(2) Porcentajes sobre el total de objetos de la colección; incluye digitalización 2D y 3D.",
              "s/d = sin datos; n/c = no contesta; - = no procede.",
              "Los totales por comunidad no incluyen los museos que no facilitaron el dato."]:
        ws.cell(r, 1, t).font = Font(italic=True, size=9)
        r += 1
    widths = [44, 12, 22, 26, 12, 11, 14, 14, 12, 12, 12, 12, 16, 16, 16, 40, 44, 26, 40, 16, 34]
    for i, w in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = w
    ws.freeze_panes = "B8"
    wb.save(os.path.join(OUT, fname))
    truth(fname, "Museos", allm, not_museums,
          "Single sheet 'Museos'. Title block (rows 1-4: network name, 'País: España', 'Fuente:' with the date the "
          "file was sent, not a reference date). Two-row header: row 6 has merged group cells (Identificación, Público y "
          "personal, Colección y digitalización, Estrategia e IA, Financiación, Contacto), row 7 the real column labels. "
          "Region heading rows (Comunidad de Madrid / Andalucía / Cataluña) above each group, a 'Total <región>' subtotal "
          "row after each group, a blank spacer row, then 'TOTAL GENERAL' and footnotes. Numbers are real numeric cells: "
          "percentages are stored as fractions (0.61) with a '0.0%' format, so a reader must multiply by 100 (1.2% 3D is "
          "stored 0.012); visits/objects '#,##0'; budget '#,##0 \"€\"'. Country comes only from the title block "
          "('País: España'). Blank markers: 's/d', 'n/c', '-'. Several-answer cells are comma-separated Spanish text "
          "('Ayuntamiento, Generalitat de Catalunya' are both regional_local -> one code). Provincia is a free column "
          "(no NUTS2 given; region_nuts2 deliberately left out of the truth). Contact name/e-mail/phone columns are "
          "personal data. 'Universidad pública' -> other_public; 'Privada (empresa)' -> private_for_profit; FEDER and "
          "Next Generation (PRTR) -> eu_structural_rrf.")


# =============================================================================
# 2. PT  - CSV ';' cp1252 (Excel PT 'CSV (separado por vírgulas)'), preamble lines,
#          full-question headers, Portuguese numbers as text.
# =============================================================================
def make_pt():
    fname = "PT_inquerito_digitalizacao_museus.csv"
    H = ["Nome do museu", "Distrito / Região Autónoma", "País", "Data de referência dos dados",
         "Função de quem responde", "Tipologia do museu", "Tutela", "Museu credenciado na RPM?",
         "N.º de visitantes (2024)", "N.º de objetos da coleção", "O número é exato ou estimativa?",
         "% da coleção inventariada em base de dados", "% da coleção digitalizada",
         "% sem necessidade de digitalização", "% digitalizada em 3D", "% disponível online",
         "O museu tem estratégia digital?", "Utiliza inteligência artificial?", "Em que aplicações de IA?",
         "Orçamento anual para o digital (€)", "% estrutural do orçamento digital",
         "Necessidades até 2030 - Infraestruturas (€)", "Necessidades até 2030 - Equipamento (€)",
         "Necessidades até 2030 - Recursos humanos (€)", "Necessidades até 2030 - Dados e metadados (€)",
         "Necessidades até 2030 - Direitos de autor (€)", "Necessidades até 2030 - Formação (€)",
         "Fontes de financiamento", "Principais obstáculos (até 3)", "E-mail de contacto", "Observações"]
    keys = ["museum_name", "_dist", "_pais", "reference_date", "respondent_role", "museum_type", "ownership",
            "accredited", "annual_visits", "collection_objects", "collection_objects_precision",
            "pct_catalogued_db", "pct_digitised", "pct_no_need_digitise", "pct_digitised_3d", "pct_online",
            "has_digital_strategy", "ai_status", "ai_use_cases", "digital_budget_available_eur", "pct_structural",
            "need_infrastructure_eur", "need_equipment_eur", "need_human_resources_eur", "need_data_metadata_eur",
            "need_copyright_clearance_eur", "need_training_eur", "funding_sources", "main_obstacles", "_email", "_obs"]
    # each museum: canonical dict + "_t" = text as written for each key
    def m(canon, text):
        canon = dict(canon); canon["country"] = "PT"; canon["_t"] = text; return canon
    M = [
        m(dict(museum_name="Museu Municipal de Arqueologia de Torre de Moura", reference_date="2024-12-31",
               respondent_role="collections", museum_type="archaeology", ownership="regional_local_authority",
               accredited=True, annual_visits=7420, collection_objects=15000, collection_objects_precision="estimate",
               pct_catalogued_db=62, pct_digitised=28.5, pct_no_need_digitise=10, pct_digitised_3d=2, pct_online=12,
               has_digital_strategy="none", ai_status="none", digital_budget_available_eur=6000, pct_structural=100,
               need_infrastructure_eur=25000, need_equipment_eur=18000, need_human_resources_eur=40000,
               need_data_metadata_eur=12000, need_copyright_clearance_eur=None, need_training_eur=5000,
               funding_sources=["regional_local", "eu_structural_rrf"], main_obstacles=["money", "staff_time", "skills"]),
          ["Museu Municipal de Arqueologia de Torre de Moura", "Beja", "Portugal", "31/12/2024", "Conservador(a)",
           "Arqueologia", "Municipal", "Sim", "7.420", "15.000", "Estimativa", "62", "28,5", "10", "2", "12", "Não",
           "Não utiliza", "", "6.000 €", "100 %", "25.000 €", "18.000 €", "40.000 €", "12 mil €", "s/d", "5.000 €",
           "Câmara Municipal, Fundos europeus (PRR)", "Falta de verba, Falta de pessoal, Competências digitais",
           "museu.arqueologia@cm-torredemoura.example.pt", ""]),
        m(dict(museum_name="Museu Nacional de Arte Setecentista", reference_date="2024-12-31", respondent_role="director",
               museum_type="art", ownership="national_state", accredited=True, annual_visits=184350,
               collection_objects=42718, collection_objects_precision="exact", pct_catalogued_db=97, pct_digitised=71,
               pct_no_need_digitise=None, pct_digitised_3d=4.5, pct_online=58, has_digital_strategy="written",
               ai_status="pilot", ai_use_cases=["cataloguing_metadata", "translation", "image_recognition"],
               digital_budget_available_eur=210000, pct_structural=60, need_infrastructure_eur=1200000,
               need_equipment_eur=350000, need_human_resources_eur=480000, need_data_metadata_eur=220000,
               need_copyright_clearance_eur=90000, need_training_eur=60000,
               funding_sources=["national", "eu_structural_rrf", "private_sponsorship"],
               main_obstacles=["copyright", "infrastructure"]),
          ["Museu Nacional de Arte Setecentista", "Lisboa", "Portugal", "31/12/2024", "Diretor(a)", "Arte",
           "Administração central (Museus e Monumentos de Portugal)", "Sim", "184.350", "42.718", "Exato", "97", "71",
           "s/d", "4,5", "58", "Sim, documento escrito", "Projeto-piloto",
           "Catalogação e metadados, Tradução automática, Reconhecimento de imagem", "210.000,00 €", "60",
           "1,2 milhões €", "350.000 €", "480.000 €", "220.000 €", "90.000 €", "60.000 €",
           "Orçamento do Estado, PRR, Mecenato", "Direitos de autor, Infraestruturas informáticas",
           "direcao@mnas.example.pt", "Valores de necessidades estimados pela equipa de gestão"]),
        m(dict(museum_name="Casa-Museu Fernanda Quintela", reference_date="2024-12-31", respondent_role="digital_it",
               museum_type="art", ownership="private_nonprofit", accredited=False, annual_visits=11050,
               collection_objects=3260, collection_objects_precision="exact", pct_catalogued_db=100, pct_digitised=100,
               pct_no_need_digitise=0, pct_digitised_3d=0, pct_online=85, has_digital_strategy="unwritten",
               ai_status="exploring", ai_use_cases=["visitor_chatbot"], digital_budget_available_eur=15000,
               pct_structural=40, need_infrastructure_eur=20000, need_equipment_eur=None, need_human_resources_eur=30000,
               need_data_metadata_eur=8000, need_copyright_clearance_eur=15000, need_training_eur=4000,
               funding_sources=["own_income", "private_sponsorship"], main_obstacles=["money", "copyright"]),
          ["Casa-Museu Fernanda Quintela", "Porto", "Portugal", "31/12/2024", "Técnico(a) de informática", "Arte",
           "Fundação", "Não", "11.050", "3.260", "Exato", "100", "100", "0", "0", "85", "Sim, mas não escrita",
           "Em exploração", "Chatbot para visitantes", "15 mil €", "40 %", "20.000 €", "n.d.", "30.000 €", "8.000 €",
           "15.000 €", "4.000 €", "Receitas próprias, Mecenato", "Falta de verba, Direitos de autor",
           "geral@casamuseufq.example.pt", ""]),
        m(dict(museum_name="Museu de História Natural da Universidade do Mondego", reference_date="2024-12-31",
               respondent_role="collections", museum_type="natural_history_science", ownership="other_public",
               accredited=True, annual_visits=38900, collection_objects=350000, collection_objects_precision="estimate",
               pct_catalogued_db=45, pct_digitised=9, pct_no_need_digitise=20, pct_digitised_3d=0.8, pct_online=7.5,
               has_digital_strategy="written", ai_status="in_production",
               ai_use_cases=["ocr_htr_transcription", "cataloguing_metadata"], digital_budget_available_eur=95000,
               pct_structural=25, need_infrastructure_eur=300000, need_equipment_eur=150000,
               need_human_resources_eur=420000, need_data_metadata_eur=260000, need_copyright_clearance_eur=0,
               need_training_eur=35000, funding_sources=["eu_horizon", "national", "eu_structural_rrf"],
               main_obstacles=["staff_time", "data_quality", "infrastructure"]),
          ["Museu de História Natural da Universidade do Mondego", "Coimbra", "Portugal", "31/12/2024",
           "Conservador(a)", "Ciências naturais", "Universidade pública", "Sim", "38.900", "350.000", "Estimativa",
           "45", "9", "20", "0,8", "7,5", "Sim, documento escrito", "Em produção",
           "Transcrição de etiquetas (OCR/HTR), Catalogação e metadados", "95.000 €", "25", "300.000 €", "150.000 €",
           "420.000 €", "260.000 €", "0 €", "35.000 €", "Horizonte Europa, Orçamento do Estado, Fundos europeus (PRR)",
           "Falta de pessoal, Qualidade dos dados, Infraestruturas informáticas", "mhn@umondego.example.pt",
           "Coleções de zoologia, botânica e mineralogia"]),
        m(dict(museum_name="Museu Etnográfico da Ilha Terceira", reference_date="2024-12-31",
               respondent_role="finance_admin", museum_type="ethnography_anthropology",
               ownership="regional_local_authority", accredited=True, annual_visits=4310, collection_objects=6800,
               collection_objects_precision="estimate", pct_catalogued_db=30, pct_digitised=12,
               pct_no_need_digitise=None, pct_digitised_3d=None, pct_online=5, has_digital_strategy="none",
               ai_status="none", digital_budget_available_eur=2500, pct_structural=100, need_infrastructure_eur=15000,
               need_equipment_eur=10000, need_human_resources_eur=None, need_data_metadata_eur=None,
               need_copyright_clearance_eur=None, need_training_eur=3000, funding_sources=["regional_local"],
               main_obstacles=["money", "staff_time"]),
          ["Museu Etnográfico da Ilha Terceira", "Açores (Angra do Heroísmo)", "Portugal", "31/12/2024",
           "Administrativo(a)", "Etnografia", "Governo Regional dos Açores", "Sim", "4.310", "6.800", "Estimativa",
           "30", "12", "s/d", "s/d", "5", "Não", "Não utiliza", "", "2.500 €", "100", "15.000 €", "10.000 €", "s/d",
           "s/d", "s/d", "3.000 €", "Governo Regional", "Falta de verba, Falta de pessoal", "", ""]),
        m(dict(museum_name="Museu do Vinho e da Vinha de Lamego", reference_date="2024-12-31", respondent_role="other",
               museum_type="specialised", ownership="private_for_profit", accredited=False, annual_visits=62000,
               collection_objects=1150, collection_objects_precision="exact", pct_catalogued_db=100, pct_digitised=85,
               pct_no_need_digitise=15, pct_digitised_3d=10, pct_online=60, has_digital_strategy="unwritten",
               ai_status="in_production",
               ai_use_cases=["visitor_chatbot", "recommendation_personalisation", "generative_content"],
               digital_budget_available_eur=45000, pct_structural=80, need_infrastructure_eur=10000,
               need_equipment_eur=25000, need_human_resources_eur=0, need_data_metadata_eur=5000,
               need_copyright_clearance_eur=0, need_training_eur=8000, funding_sources=["own_income"],
               main_obstacles=["skills"]),
          ["Museu do Vinho e da Vinha de Lamego", "Viseu", "Portugal", "31/12/2024",
           "Outro (responsável de comunicação)", "Especializado", "Empresa privada", "Não", "62.000", "1.150", "Exato",
           "100", "85", "15", "10", "60", "Sim, mas não escrita", "Em produção",
           "Chatbot para visitantes, Recomendações personalizadas, Conteúdos gerados por IA", "45.000 €", "80 %",
           "10.000 €", "25.000 €", "0 €", "5.000 €", "0 €", "8.000 €", "Receitas próprias", "Competências digitais",
           "comunicacao@vinhovinhalamego.example.pt", "Museu de empresa (adega)"]),
        m(dict(museum_name="Núcleo Museológico do Mosteiro de São Fins", reference_date="2024-12-31",
               respondent_role="director", museum_type="monument_site", ownership="national_state", accredited=True,
               annual_visits=95300, collection_objects=820, collection_objects_precision="exact", pct_catalogued_db=90,
               pct_digitised=40, pct_no_need_digitise=30, pct_digitised_3d=15, pct_online=20,
               has_digital_strategy="written", ai_status="exploring", digital_budget_available_eur=None,
               pct_structural=None, need_infrastructure_eur=60000, need_equipment_eur=120000,
               need_human_resources_eur=50000, need_data_metadata_eur=15000, need_copyright_clearance_eur=2000,
               need_training_eur=10000, funding_sources=["national", "eu_creative_europe"],
               main_obstacles=["money", "leadership_strategy"]),
          ["Núcleo Museológico do Mosteiro de São Fins", "Viana do Castelo", "Portugal", "31/12/2024", "Diretor(a)",
           "Monumento / sítio", "Administração central (Museus e Monumentos de Portugal)", "Sim", "95.300", "820",
           "Exato", "90", "40", "30", "15", "20", "Sim, documento escrito", "Em exploração", "", "n.d.", "",
           "60.000 €", "120.000 €", "50.000 €", "15.000 €", "2.000 €", "10.000 €", "Orçamento do Estado, Europa Criativa",
           "Falta de verba, Falta de estratégia", "", "Orçamento digital incluído no orçamento geral do monumento"]),
        m(dict(museum_name="Museu de Vila Real do Guadiana", reference_date="2024-12-31", respondent_role="collections",
               museum_type="general_mixed", ownership="regional_local_authority", accredited=False, annual_visits=9870,
               collection_objects=12400, collection_objects_precision="estimate", pct_catalogued_db=55,
               pct_digitised=22, pct_no_need_digitise=5, pct_digitised_3d=0, pct_online=22,
               has_digital_strategy="none", ai_status="exploring", ai_use_cases=["translation", "other"],
               digital_budget_available_eur=8500, pct_structural=70, need_infrastructure_eur=30000,
               need_equipment_eur=20000, need_human_resources_eur=35000, need_data_metadata_eur=10000,
               need_copyright_clearance_eur=5000, need_training_eur=6000,
               funding_sources=["regional_local", "own_income"], main_obstacles=["staff_time", "money"]),
          ["Museu de Vila Real do Guadiana", "Faro", "Portugal", "31/12/2024", "Conservador(a)", "Misto / generalista",
           "Municipal", "Não", "9.870", "12.400", "Estimativa", "55", "22", "5", "0", "22", "Não", "Em exploração",
           "Tradução automática, Outro: legendagem em língua gestual", "8.500 €", "70", "30.000 €", "20.000 €",
           "35.000 €", "10.000 €", "5.000 €", "6.000 €", "Câmara Municipal, Receitas próprias",
           "Falta de pessoal, Falta de verba", "museu@cm-vrguadiana.example.pt", ""]),
    ]
    rows = [["Inquérito à digitalização, competências digitais e financiamento dos museus - 2025"] + [""] * (len(H) - 1),
            ["Fonte: respostas recebidas até 28/02/2025 (Rede Portuguesa de Museus - coordenação)"] + [""] * (len(H) - 1),
            [""] * len(H), H]
    for mm in M:
        rows.append(mm["_t"])
    rows.append([""] * len(H))
    rows.append(["Notas: s/d = sem dados; n.d. = não disponível. Valores monetários em euros."] + [""] * (len(H) - 1))
    rows.append(["'Necessidades até 2030' = montante total estimado necessário até 2030 (não anual)."] + [""] * (len(H) - 1))
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    w.writerows(rows)
    with open(os.path.join(OUT, fname), "w", encoding="cp1252", newline="") as f:
        f.write(buf.getvalue())
    truth(fname, None, M, [],
          "CSV as Portuguese Excel writes it: ';' delimiter, Windows-1252 (ANSI) encoding, CRLF, decimal comma. Two "
          "preamble lines (survey title; 'Fonte: ...' with the closing date of the survey) and an empty line above the "
          "header (header is the 4th line); two note lines after an empty line at the bottom. Headers are full "
          "Portuguese questions. Numbers are text in PT format: '7.420' (thousands dot), '28,5', '100 %', money "
          "'210.000,00 €', '12 mil €' (mil = thousand -> 12000), '15 mil €' (15000), '1,2 milhões €' (1200000). "
          "Blank markers 's/d', 'n.d.', empty. Yes/no as 'Sim'/'Não'. Multi-selects comma-separated; "
          "'Transcrição de etiquetas (OCR/HTR)' is ONE item (ocr_htr_transcription) containing a slash; 'Outro: "
          "legendagem em língua gestual' -> other. PRR (Plano de Recuperação e Resiliência) -> eu_structural_rrf; "
          "'Orçamento do Estado' -> national; 'Câmara Municipal'/'Governo Regional' -> regional_local; 'Mecenato' -> "
          "private_sponsorship. Tutela 'Universidade pública' -> other_public, 'Fundação' -> private_nonprofit, "
          "'Empresa privada' -> private_for_profit, 'Governo Regional dos Açores' -> regional_local_authority. "
          "Respondent roles: Conservador(a) -> collections, Técnico(a) de informática -> digital_it, Administrativo(a) -> "
          "finance_admin, 'Outro (...)' -> other. 'Falta de verba' = money, 'Falta de pessoal' = staff_time. Need "
          "columns are totals to 2030; funding_horizon_years is not given. The Açores museum is still PT.")


# =============================================================================
# 3. IT  - xlsx, EVERYTHING typed as text, one sheet per region + 'Istruzioni'
#          sheet, units row under the header, 'Totale <regione>' row, line-break multi-selects.
# =============================================================================
def make_it():
    fname = "IT_ricognizione_musei_regioni.xlsx"
    TYPE = {"art": "Arte", "archaeology": "Archeologia", "history": "Storia",
            "natural_history_science": "Scienze naturali", "science_technology": "Scienza e tecnica",
            "ethnography_anthropology": "Etnografia e antropologia", "specialised": "Specializzato",
            "regional_local": "Museo locale / del territorio", "monument_site": "Monumento / area archeologica"}
    STRAT = {"written": "Sì, formalizzata", "unwritten": "Sì, non formalizzata", "none": "No"}
    POL = {"none": "Nessuna", "in_preparation": "In preparazione", "adopted": "Adottata"}
    MD = {"lido": "LIDO", "dublin_core": "Dublin Core", "cidoc_crm": "CIDOC-CRM", "edm": "EDM",
          "in_house": "standard interno", "none": "nessuno"}
    OBS = {"money": "risorse economiche", "staff_time": "tempo del personale", "skills": "competenze",
           "copyright": "diritti d'autore", "infrastructure": "infrastruttura",
           "leadership_strategy": "mancanza di strategia", "data_quality": "qualità dei dati"}
    H = ["Denominazione del museo", "Comune", "Tipologia", "Titolarità", "Museo riconosciuto dalla Regione",
         "Visitatori 2024", "Personale retribuito", "di cui dedicato al digitale", "Volontari",
         "Patrimonio (beni)", "Catalogato in banca dati", "Digitalizzato", "di cui in 3D", "Consultabile online",
         "Online: licenze aperte (CC0, CC BY, PD)", "Online: licenze restrittive (NC/ND, InC)",
         "Online: diritti non definiti", "Standard di metadati", "Software di gestione catalogo",
         "Immagini IIIF", "Strategia digitale", "Policy sull'uso dell'IA", "Budget annuo per il digitale",
         "Spesa totale annua del museo", "Fonti di finanziamento", "Ostacoli principali",
         "Quanto il diritto d'autore ostacola l'accesso online? (1-5)", "Referente", "Telefono", "Note"]
    U = ["", "", "", "", "sì/no", "n.", "ETP", "ETP", "ETP", "n. beni", "%", "%", "%", "%",
         "% dell'online", "% dell'online", "% dell'online", "", "sì/no", "sì/no", "", "", "€", "€", "", "", "1 = per nulla, 5 = moltissimo", "", "", ""]
    keys = ["museum_name", "_comune", "museum_type", "_tit", "accredited", "annual_visits", "staff_paid_fte",
            "staff_fte_digital", "volunteers_fte", "collection_objects", "pct_catalogued_db", "pct_digitised",
            "pct_digitised_3d", "pct_online", "pct_online_open", "pct_online_restricted", "pct_online_rights_unknown",
            "metadata_standards", "has_cms", "iiif", "has_digital_strategy", "ai_policy",
            "digital_budget_available_eur", "total_expenditure_eur", "_src", "main_obstacles", "copyright_obstacle",
            "_ref", "_tel", "_note"]
    PCT = {"pct_catalogued_db", "pct_digitised", "pct_digitised_3d", "pct_online", "pct_online_open",
           "pct_online_restricted", "pct_online_rights_unknown"}
    EUR = {"digital_budget_available_eur", "total_expenditure_eur"}

    def mk(name, comune, typ, tit, own, acc, vis, fte, dig, vol, obj, cat, d, d3, onl, op, rs, un, md, cms, iiif,
           strat, pol, bud, tot, src_txt, src, obs, cpy, ref, tel, note=""):
        return dict(museum_name=name, _comune=comune, museum_type=typ, _tit=tit, ownership=own, accredited=acc,
                    annual_visits=vis, staff_paid_fte=fte, staff_fte_digital=dig, volunteers_fte=vol,
                    collection_objects=obj, pct_catalogued_db=cat, pct_digitised=d, pct_digitised_3d=d3,
                    pct_online=onl, pct_online_open=op, pct_online_restricted=rs, pct_online_rights_unknown=un,
                    metadata_standards=md, has_cms=cms, iiif=iiif, has_digital_strategy=strat, ai_policy=pol,
                    digital_budget_available_eur=bud, total_expenditure_eur=tot, _src=src_txt, funding_sources=src,
                    main_obstacles=obs, copyright_obstacle=cpy, _ref=ref, _tel=tel, _note=note, country="IT")
    N = None
    REG = [
        ("Lombardia", [
            mk("Pinacoteca Civica di Val Seriana", "Clusone Alta (BG)", "art", "Comunale", "regional_local_authority",
               True, 27450, 8.5, 1, 2, 4120, 100, 82, 1.5, 64, 70, 20, 10, ["lido", "dublin_core"], True, False,
               "written", "in_preparation", 38000, 610000, "Comune\nRegione\nArt bonus",
               ["regional_local", "private_sponsorship"], ["staff_time", "copyright"], 3,
               "dott.ssa Chiara Moretti", "035 70 12 345"),
            mk("Museo Civico di Scienze Naturali di Brembate Superiore", "Brembate Superiore (BG)",
               "natural_history_science", "Comunale", "regional_local_authority", True, 12800, 5, 0.5, N, 210000, 38,
               6, 0.2, 4, 100, 0, 0, ["in_house"], True, False, "none", "none", 9500, 240000, "Comune\nPNRR",
               ["regional_local", "eu_structural_rrf"], ["money", "staff_time", "data_quality"], 1,
               "dott. Paolo Rinaldi", "035 61 44 120", "Collezioni entomologiche in gran parte non inventariate"),
            mk("Museo della Seta di Brianza", "Garbagnate Brianza (LC)", "specialised", "Fondazione",
               "private_nonprofit", False, 5600, 3, 0, 4.5, 2900, 70, 35, 0, N, N, N, N, [], False, False, "none",
               "none", 2000, 95000, "sponsor privati\nbiglietteria", ["private_sponsorship", "own_income"],
               ["money", "skills"], N, "Giulia Ferrario", "039 99 87 654"),
            mk("Museo Archeologico Nazionale della Lomellina", "Lomello Nuova (PV)", "archaeology", "Statale (MiC)",
               "national_state", True, 41200, 14, 2, 0, 78500, 64, 27, 3, 18, 85, 5, 10,
               ["lido", "cidoc_crm", "edm"], True, True, "written", "adopted", 55000, 1150000,
               "Stato (MiC)\nPNRR\nHorizon Europe", ["national", "eu_structural_rrf", "eu_horizon"],
               ["infrastructure", "data_quality"], 2, "arch. Stefano Bellini", "0384 85 001"),
        ]),
        ("Toscana", [
            mk("Museo dell'Opera di San Frediano", "Lucignano Val di Chiana (AR)", "art", "Fondazione",
               "private_nonprofit", True, 96700, 18, 2.5, 6, 1480, 100, 100, 12, 100, 40, 55, 5,
               ["dublin_core", "edm"], True, True, "unwritten", "in_preparation", 72000, 1900000,
               "biglietteria\nsponsor privati\nEuropa Creativa",
               ["own_income", "private_sponsorship", "eu_creative_europe"], ["copyright"], 4,
               "Francesca Guidi", "0575 83 90 12"),
            mk("Museo Etnografico della Garfagnana Alta", "Castiglione di Garfagnana (LU)", "ethnography_anthropology",
               "Unione dei Comuni", "regional_local_authority", False, 3150, 1.5, N, 3, 5400, 45, 20, 0, 20, 100,
               0, 0, ["none"], False, False, "none", "none", 1500, 48000, "Comune\nRegione", ["regional_local"],
               ["money", "staff_time", "skills"], 1, "Marco Pieroni", "0583 68 10 22", "Apertura stagionale"),
            mk("Museo degli Strumenti Scientifici «G. Lorenzini»", "Siena", "science_technology",
               "Università statale", "other_public", True, 8900, 4, 1, 1, 6700, 90, 55, 15, 50, 90, 10, 0,
               ["cidoc_crm", "lido"], True, True, "written", "adopted", 24000, 320000, "Horizon Europe\nRegione",
               ["eu_horizon", "regional_local"], ["staff_time"], 2, "prof. Elena Sarti", "0577 23 45 678"),
        ]),
        ("Campania", [
            mk("Area Archeologica di Calatia Minore", "Maddaloni Vecchia (CE)", "monument_site", "Statale (MiC)",
               "national_state", True, 152000, 35, 3, N, 22000, 58, 31, 9, 25, 60, 25, 15, ["edm", "dublin_core"],
               True, False, "written", "in_preparation", 120000, 3400000, "Stato (MiC)\nPNRR\nFESR",
               ["national", "eu_structural_rrf"], ["money", "infrastructure", "copyright"], 3,
               "dott. Gennaro Esposito", "0823 40 55 11"),
            mk("Museo Civico del Territorio di Alta Irpinia", "Bisaccia Nuova (AV)", "regional_local", "Comunale",
               "regional_local_authority", False, 2300, 1, 0, 2, 3800, 15, 5, 0, 0, N, N, N, ["none"], False, False,
               "none", "none", N, 35000, "Comune", ["regional_local"], ["money", "skills", "leadership_strategy"],
               N, "Antonio Di Stasio", "0827 89 100", "Nessun contenuto online"),
        ]),
    ]
    wb = Workbook()
    ws0 = wb.active
    ws0.title = "Istruzioni"
    for i, t in enumerate([
        "Ricognizione sullo stato della digitalizzazione dei musei - Coordinamento delle reti museali regionali",
        "",
        "Compilare un foglio per regione, una riga per museo.",
        "Percentuali sul totale del patrimonio (beni); le tre percentuali sui diritti si riferiscono ai soli beni online e devono sommare a 100.",
        "ETP = equivalenti a tempo pieno.",
        "Per le risposte multiple andare a capo (Alt+Invio) tra una voce e l'altra.",
        "Se il dato non è disponibile scrivere n.d.",
        "Trasmettere entro il 31 marzo 2025 a: reti.musei@coordinamento.example.it"], 1):
        ws0.cell(i, 1, t)
    ws0["A1"].font = TITLE
    ws0.column_dimensions["A"].width = 120
    not_museums = []
    allm = []
    for reg, ms in REG:
        ws = wb.create_sheet(reg)
        ws["A1"] = f"Regione {reg} - Ricognizione digitalizzazione musei (dati 2024)"
        ws["A1"].font = TITLE
        ws["A1"].number_format = "@"
        for i, h in enumerate(H, 1):
            c = ws.cell(3, i, h); c.font = BOLD; c.fill = GREY; c.alignment = CENTER; c.border = BOX
            c.number_format = "@"
            u = ws.cell(4, i, U[i - 1] or None); u.font = Font(italic=True, size=9); u.alignment = CENTER
            u.number_format = "@"
        ws.row_dimensions[3].height = 60
        r = 5
        tv = to = tb = 0
        for m in ms:
            allm.append(m)
            for ci, k in enumerate(keys, 1):
                v = m.get(k)
                if k in ("_ref", "_tel", "_note", "_comune", "_tit", "_src", "museum_name"):
                    s = v or ""
                elif v is None or v == []:
                    s = "n.d."
                elif k == "museum_type": s = TYPE[v]
                elif k == "has_digital_strategy": s = STRAT[v]
                elif k == "ai_policy": s = POL[v]
                elif isinstance(v, bool): s = "sì" if v else "no"
                elif k == "metadata_standards": s = "\n".join(MD[x] for x in v)
                elif k == "main_obstacles": s = "\n".join(OBS[x] for x in v)
                elif k in PCT: s = num(v) + "%"
                elif k in EUR: s = "€ " + num(v)
                else: s = num(v)
                c = ws.cell(r, ci, s if s != "" else None)
                c.number_format = "@"; c.alignment = WRAP; c.border = BOX
            tv += m["annual_visits"]; to += m["collection_objects"]; tb += m["digital_budget_available_eur"] or 0
            r += 1
        lab = f"Totale {reg}"
        not_museums.append(lab)
        for ci, s in [(1, lab), (6, num(tv)), (10, num(to)), (23, "€ " + num(tb))]:
            c = ws.cell(r, ci, s); c.font = BOLD; c.number_format = "@"; c.fill = GREY
        r += 2
        ws.cell(r, 1, "n.d. = dato non disponibile").font = Font(italic=True, size=9)
        widths = [42, 26, 22, 18, 12, 11, 10, 10, 9, 11, 10, 10, 9, 10, 14, 14, 12, 18, 12, 9, 20, 16, 14, 16, 24,
                  24, 18, 24, 14, 34]
        for i, w in enumerate(widths, 1):
            ws.column_dimensions[get_column_letter(i)].width = w
        ws.freeze_panes = "B5"
    wb.save(os.path.join(OUT, fname))
    truth(fname, ["Lombardia", "Toscana", "Campania"], allm, not_museums,
          "Workbook with a first sheet 'Istruzioni' (instructions only, no data) and one sheet per region "
          "(Lombardia, Toscana, Campania). Every cell is TEXT (number format '@'), including numbers: '27.450', '8,5', "
          "'1,5%', '€ 1.150.000'. Each region sheet: title in row 1, header in row 3, a units row in row 4 ('n.', "
          "'ETP', '%', '€', 'sì/no', '% dell'online'), museums from row 5, then a 'Totale <regione>' row and a note "
          "line. Country is Italy for all (only implied by the workbook: regions, Comune with province codes, "
          "language). Multi-selects (metadata standards, funding sources, obstacles) are separated by line breaks "
          "inside the cell. 'n.d.' = not available (blank). Rights shares are % of the online items and sum to 100 "
          "where all three are given. 'Unione dei Comuni' -> regional_local_authority; 'Università statale' -> "
          "other_public; 'Art bonus' (tax-credit donations) and 'sponsor privati' -> private_sponsorship; "
          "'biglietteria' -> own_income; PNRR and FESR -> eu_structural_rrf; 'Comune'+'Regione' -> regional_local once. "
          "'Software di gestione catalogo' -> has_cms. Budget and total expenditure are EUR per year. Referente/"
          "Telefono are personal data. Museo della Seta di Brianza left metadata standards and rights blank (n.d.).")


# =============================================================================
# 4. PL  - xlsx, real numeric cells, two-row header with merged groups + row of
#          column numbers (GUS style), funding sources as one column per option ('x'),
#          'b.d.' for missing, 'Razem' row.
# =============================================================================
def make_pl():
    fname = "PL_ankieta_cyfryzacja_muzeow_2025.xlsx"
    TYPE = {"art": "artystyczne", "archaeology": "archeologiczne", "history": "historyczne",
            "natural_history_science": "przyrodnicze", "science_technology": "techniki i nauki",
            "ethnography_anthropology": "etnograficzne", "regional_local": "regionalne"}
    AI = {"none": "nie", "exploring": "rozważamy", "pilot": "pilotaż", "in_production": "wdrożone"}
    PREC = {"exact": "dokładna", "estimate": "szacunkowa"}
    SRC = [("national", "budżet państwa"), ("regional_local", "samorząd"),
           ("eu_structural_rrf", "fundusze UE (KPO / FEnIKS / RPO)"), ("eu_horizon", "Horyzont Europa"),
           ("eu_creative_europe", "Kreatywna Europa"), ("private_sponsorship", "sponsorzy / mecenasi"),
           ("own_income", "przychody własne")]
    cols = [  # (key, group, label, fmt)
        ("museum_name", "Dane muzeum", "Nazwa muzeum", None),
        ("_woj", "Dane muzeum", "Województwo", None),
        ("museum_type", "Dane muzeum", "Rodzaj muzeum", None),
        ("_org", "Dane muzeum", "Organizator", None),
        ("accredited", "Dane muzeum", "Wpis do Państwowego Rejestru Muzeów (tak/nie)", None),
        ("annual_visits", "Dane muzeum", "Frekwencja 2024 (osoby)", "#,##0"),
        ("staff_paid_fte", "Kadry i kompetencje", "Zatrudnienie (etaty)", "0.0"),
        ("staff_paid_headcount", "Kadry i kompetencje", "Zatrudnienie (osoby)", "0"),
        ("staff_fte_digital", "Kadry i kompetencje", "w tym etaty ds. cyfryzacji", "0.00"),
        ("staff_fte_data_ai", "Kadry i kompetencje", "w tym etaty – dane / SI", "0.0"),
        ("skill_info_data", "Kadry i kompetencje", "Kompetencje: informacja i dane (1–8)", "0"),
        ("skill_communication", "Kadry i kompetencje", "Kompetencje: komunikacja (1–8)", "0"),
        ("skill_content_creation", "Kadry i kompetencje", "Kompetencje: tworzenie treści (1–8)", "0"),
        ("skill_safety", "Kadry i kompetencje", "Kompetencje: bezpieczeństwo (1–8)", "0"),
        ("skill_problem_solving", "Kadry i kompetencje", "Kompetencje: rozwiązywanie problemów (1–8)", "0"),
        ("skill_ai_literacy", "Kadry i kompetencje", "Kompetencje w zakresie SI (1 – brak, 2 – świadomość, 3 – bezpieczne używanie, 4 – wdrażanie i ocena)", "0"),
        ("pct_staff_ai_trained_12m", "Kadry i kompetencje", "% pracowników przeszkolonych z SI w ost. 12 mies.", "0"),
        ("skills_assessment_done", "Kadry i kompetencje", "Czy przeprowadzono ocenę kompetencji cyfrowych?", None),
        ("training_plan", "Kadry i kompetencje", "Czy muzeum ma plan szkoleń?", None),
        ("collection_objects", "Cyfryzacja zbiorów", "Liczba muzealiów", "#,##0"),
        ("collection_objects_precision", "Cyfryzacja zbiorów", "Liczba dokładna / szacunkowa", None),
        ("pct_digitised", "Cyfryzacja zbiorów", "% zdigitalizowanych", "0.0"),
        ("pct_digitised_3d", "Cyfryzacja zbiorów", "% zdigitalizowanych w 3D", "0.0"),
        ("pct_online", "Cyfryzacja zbiorów", "% udostępnionych online", "0.0"),
        ("pct_in_europeana_dataspace", "Cyfryzacja zbiorów", "% przekazanych do Europeany", "0.0"),
        ("ai_status", "Cyfryzacja zbiorów", "Wykorzystanie sztucznej inteligencji (SI)", None),
    ] + [("_src_" + code, "Źródła finansowania cyfryzacji (zaznaczyć x)", lab, None) for code, lab in SRC] + [
        ("digital_budget_available_eur", "Finansowanie (EUR)", "Roczny budżet na cyfryzację (EUR)", "#,##0"),
        ("need_infrastructure_eur", "Potrzeby finansowe do 2030 r. (EUR)", "infrastruktura IT", "#,##0"),
        ("need_equipment_eur", "Potrzeby finansowe do 2030 r. (EUR)", "sprzęt do digitalizacji", "#,##0"),
        ("need_human_resources_eur", "Potrzeby finansowe do 2030 r. (EUR)", "kadry specjalistyczne", "#,##0"),
        ("need_data_metadata_eur", "Potrzeby finansowe do 2030 r. (EUR)", "dane i metadane", "#,##0"),
        ("need_copyright_clearance_eur", "Potrzeby finansowe do 2030 r. (EUR)", "prawa autorskie", "#,##0"),
        ("need_training_eur", "Potrzeby finansowe do 2030 r. (EUR)", "szkolenia", "#,##0"),
        ("funding_horizon_years", "Potrzeby finansowe do 2030 r. (EUR)", "okres (lata)", "0"),
        ("_uwagi", "Uwagi", "Uwagi", None),
        ("_osoba", "Uwagi", "Osoba wypełniająca", None),
        ("_email", "Uwagi", "e-mail", None),
    ]
    F = ["museum_name", "_woj", "museum_type", "_org", "ownership", "accredited", "annual_visits", "staff_paid_fte",
         "staff_paid_headcount", "staff_fte_digital", "staff_fte_data_ai", "skill_info_data", "skill_communication",
         "skill_content_creation", "skill_safety", "skill_problem_solving", "skill_ai_literacy",
         "pct_staff_ai_trained_12m", "skills_assessment_done", "training_plan", "collection_objects",
         "collection_objects_precision", "pct_digitised", "pct_digitised_3d", "pct_online",
         "pct_in_europeana_dataspace", "ai_status", "funding_sources", "digital_budget_available_eur",
         "need_infrastructure_eur", "need_equipment_eur", "need_human_resources_eur", "need_data_metadata_eur",
         "need_copyright_clearance_eur", "need_training_eur", "funding_horizon_years", "_uwagi", "_osoba", "_email"]
    B = None
    raw = [
        ["Muzeum Regionalne Ziemi Łowickiej-Księżackiej", "łódzkie", "regional_local", "powiat",
         "regional_local_authority", True, 18640, 12.5, 15, 1.0, 0, 3, 3, 2, 3, 2, 1, 0, False, False, 24300,
         "estimate", 18.5, 0.4, 6, 0, "none", ["regional_local", "own_income"], 7500, 40000, 35000, 60000, 20000,
         3000, 8000, 5, "", "Halina Pietrzak", "h.pietrzak@muzeum-lowicz.example.pl"],
        ["Muzeum Sztuki Dawnej im. Anny Wiśniewskiej", "mazowieckie", "art", "Minister Kultury i Dziedzictwa Narodowego",
         "national_state", True, 312500, 148, 171, 9, 2, 5, 5, 4, 4, 4, 3, 35, True, True, 96412, "exact", 64, 3.2,
         41, 22, "pilot", ["national", "eu_structural_rrf", "eu_creative_europe", "private_sponsorship"], 450000,
         900000, 650000, 1200000, 400000, 150000, 120000, 6, "Dane o potrzebach wg strategii 2025–2030",
         "dr Tomasz Zieliński", "t.zielinski@msd.example.pl"],
        ["Muzeum Techniki Kolejowej w Skierniewicach", "łódzkie", "science_technology", "fundacja",
         "private_nonprofit", False, 27300, 6, 9, 0.5, B, 3, 4, 3, 2, 3, 2, 10, False, True, 1240, "exact", 45, 8,
         30, 0, "exploring", ["private_sponsorship", "own_income"], 12000, 15000, 80000, 25000, 5000, 0, 4000, 5,
         "Skaner 3D – największa potrzeba", "Krzysztof Nowacki", "biuro@mtk-skierniewice.example.pl"],
        ["Muzeum Przyrodnicze Uniwersytetu Podlaskiego", "podlaskie", "natural_history_science",
         "uczelnia publiczna", "other_public", True, 9450, 7, 8, 1.5, 0.5, 4, 3, 3, 3, 4, 2, 20, True, False,
         180000, "estimate", 11, 0.1, 9, 3, "pilot", ["national", "eu_horizon"], 30000, 120000, 60000, 200000,
         150000, 0, 15000, B, "", "Agnieszka Sowa", "a.sowa@up-muzeum.example.pl"],
        ["Muzeum Etnograficzne Pogórza Dynowskiego", "podkarpackie", "ethnography_anthropology", "gmina",
         "regional_local_authority", True, 4120, 3, 4, 0.25, 0, 2, 3, 2, 2, 2, 1, 0, False, False, 7800, "estimate",
         9, 0, 2, B, "none", ["regional_local"], 1800, 12000, 9000, 30000, 6000, B, 2500, 5, "",
         "Jan Wróbel", "muzeum@dynow-gmina.example.pl"],
        ["Muzeum Historyczne Ziemi Wałeckiej", "zachodniopomorskie", "history", "samorząd województwa",
         "regional_local_authority", True, 56800, 38, 44, 3, 1, 4, 4, 4, 3, 3, 2, 15, True, True, 61000, "estimate",
         38, 1.5, 25, 12, "exploring", ["regional_local", "eu_structural_rrf", "own_income"], 95000, 250000,
         180000, 300000, 120000, 40000, 30000, 5, "", "Ewa Szczepańska", "e.szczepanska@mhzw.example.pl"],
        ["Muzeum Archeologiczne „Grodzisko Wiślańskie”", "małopolskie", "archaeology", "gmina",
         "regional_local_authority", True, 142000, 21, 26, 2, 1, 4, 5, 5, 3, 4, 3, 60, True, True, 35500, "exact",
         52, 14, 33, 10, "in_production",
         ["regional_local", "eu_horizon", "eu_creative_europe", "own_income"], 160000, 100000, 140000, 220000,
         60000, 20000, 25000, 5, "SI: rozpoznawanie obrazu w katalogowaniu ceramiki", "Michał Dąbrowski",
         "m.dabrowski@grodzisko.example.pl"],
        ["Galeria Sztuki Nowoczesnej „Kamienica pod Gryfem”", "pomorskie", "art", "spółka prywatna",
         "private_for_profit", False, 21000, 5, 6, 1, 0, 5, 6, 6, 4, 5, 3, 80, False, True, 640, "exact", 100, 5,
         95, 0, "in_production", [], 20000, B, B, B, B, B, B, B,
         "Nie wypełniono części dot. potrzeb finansowych", "Natalia Gryf-Kowalska", "natalia@kamienicagryf.example.pl"],
    ]
    BD_KEYS = {"staff_fte_data_ai", "pct_in_europeana_dataspace", "need_copyright_clearance_eur",
               "funding_horizon_years", "need_infrastructure_eur", "need_equipment_eur", "need_human_resources_eur",
               "need_data_metadata_eur", "need_training_eur"}
    ORG = {}
    M = []
    for row in raw:
        d = dict(zip(F, row)); d["country"] = "PL"
        M.append(d)
    wb = Workbook()
    ws = wb.active
    ws.title = "Ankieta"
    ws["A1"] = "Sieć Muzeów Regionalnych – Ankieta: cyfryzacja zbiorów, kompetencje cyfrowe i finansowanie"
    ws["A1"].font = TITLE
    ws["A2"] = "Zestawienie odpowiedzi muzeów z Polski. Data opracowania: 10.03.2025 r."
    ws["A3"] = "Kwoty w euro (EUR). b.d. – brak danych."
    # group row 5, labels row 6, column numbers row 7
    gstart = 1
    for i in range(1, len(cols) + 2):
        if i == len(cols) + 1 or (i > 1 and cols[i - 1][1] != cols[i - 2][1]):
            g = cols[gstart - 1][1]
            c = ws.cell(5, gstart, g); c.font = BOLD; c.fill = BLUE; c.alignment = CENTER
            if i - 1 > gstart:
                ws.merge_cells(start_row=5, start_column=gstart, end_row=5, end_column=i - 1)
            gstart = i
    for i, (k, g, lab, fmt) in enumerate(cols, 1):
        c = ws.cell(6, i, lab); c.font = BOLD; c.fill = GREY; c.alignment = CENTER; c.border = BOX
        n = ws.cell(7, i, i); n.alignment = CENTER; n.font = Font(italic=True, size=8)
    ws.row_dimensions[6].height = 75
    r = 8
    sums = {}
    for m in M:
        for i, (k, g, lab, fmt) in enumerate(cols, 1):
            if k.startswith("_src_"):
                v = "x" if k[5:] in m["funding_sources"] else None
            elif k == "museum_type": v = TYPE[m[k]]
            elif k == "ai_status": v = AI[m[k]]
            elif k == "collection_objects_precision": v = PREC[m[k]]
            elif k in ("accredited", "skills_assessment_done", "training_plan"): v = "tak" if m[k] else "nie"
            else:
                v = m.get(k)
                if v is None and k in BD_KEYS:
                    v = "b.d."
            c = ws.cell(r, i, v if v != "" else None); c.border = BOX
            if fmt and not isinstance(v, str) and v is not None:
                c.number_format = fmt
            if k in ("annual_visits", "staff_paid_fte", "staff_paid_headcount", "collection_objects",
                     "digital_budget_available_eur") or k.startswith("need_"):
                if isinstance(v, (int, float)):
                    sums[i] = sums.get(i, 0) + v
        r += 1
    ws.cell(r, 1, "Razem").font = BOLD
    for i, s in sums.items():
        c = ws.cell(r, i, s); c.font = BOLD; c.number_format = cols[i - 1][3]
    for i in range(1, len(cols) + 1):
        ws.cell(r, i).fill = GREY
    r += 2
    for t in ["Objaśnienia: etaty = przeliczeniowe etaty (pełny wymiar czasu pracy).",
              "Kompetencje oceniane wg ram DigComp 2.2 (poziomy 1–8), samoocena muzeum.",
              f"Potrzeby finansowe – łączna kwota do 2030 r.; kol. {[c[0] for c in cols].index('funding_horizon_years') + 1} – liczba lat, których dotyczą potrzeby."]:
        ws.cell(r, 1, t).font = Font(italic=True, size=9); r += 1
    for i in range(1, len(cols) + 1):
        ws.column_dimensions[get_column_letter(i)].width = 14
    ws.column_dimensions["A"].width = 46
    ws.freeze_panes = "B8"
    wb.save(os.path.join(OUT, fname))
    for m in M:
        for k in ("_woj", "_org", "_uwagi", "_osoba", "_email"):
            m.pop(k, None)
    truth(fname, "Ankieta", M, ["Razem"],
          "Single sheet 'Ankieta'. Title block rows 1-3 (says the museums are from Poland, amounts in EUR, "
          "'b.d. – brak danych'). Header: row 5 merged group cells (Dane muzeum / Kadry i kompetencje / Cyfryzacja "
          "zbiorów / Źródła finansowania cyfryzacji (zaznaczyć x) / Finansowanie (EUR) / Potrzeby finansowe do 2030 r. "
          "(EUR) / Uwagi), row 6 column labels, row 7 is a GUS-style row of column numbers 1..N (not data). Data from "
          "row 8, then a 'Razem' totals row and explanatory notes. Real numeric cells (percentages stored as 0-100 "
          "numbers, e.g. 18.5; counts with '#,##0'); 'b.d.' text in some numeric cells = blank. Funding sources are one "
          "column per option marked 'x' (blank = not chosen); the last museum marked none and left the needs block "
          "'b.d.', so funding_sources and need_* are omitted for it. Yes/no as 'tak'/'nie'. Organizer: powiat/gmina/"
          "samorząd województwa -> regional_local_authority; Minister Kultury -> national_state; fundacja -> "
          "private_nonprofit; uczelnia publiczna -> other_public; spółka prywatna -> private_for_profit. AI literacy "
          "column is coded 1-4 (header explains). 'techniki i nauki' -> science_technology; 'regionalne' -> "
          "regional_local. Fundusze UE (KPO / FEnIKS / RPO) -> eu_structural_rrf. Names contain Polish quotes „…”. "
          "Person/e-mail columns are personal data.")


# =============================================================================
# 5. CZ/SK - xlsx, joint Czech-Slovak network file, numbers as text with spaces
#           ('23 480', '0,6 %', '1,2 mil. €', '250 tis. €'), units row, slash
#           multi-selects, 'Celkem' row, legend sheet.
# =============================================================================
def make_cz():
    fname = "CZ_SK_pruzkum_digitalizace_muzei.xlsx"
    NBSP = "\u00a0"

    def t(x):
        return num(x, thou=NBSP, dec=",")
    H = ["Název muzea", "Stát", "Kraj", "Typ muzea", "Zřizovatel", "Návštěvnost 2024", "Počet sbírkových předmětů",
         "Počet je", "Evidováno v databázi", "Digitalizováno", "Nepotřebuje digitalizaci", "z toho 3D",
         "Online", "Ohrožené památkové objekty ve správě", "z toho zdokumentováno 3D", "Digitální strategie",
         "Systém pro správu sbírek", "Umělá inteligence", "Využití UI", "Pravidla pro UI",
         "Úložiště", "Výpočetní kapacita / cloud", "Síť", "Snímací technika",
         "Zájem o evropské centrum kompetencí", "Zapojení do datových prostorů", "Autorská práva jako překážka",
         "Digitální znalosti vedení", "Roční rozpočet na digitalizaci", "Prostředky z EU (posl. 3 roky)",
         "Hlavní překážky", "Kontaktní osoba", "E-mail", "Telefon"]
    U = ["", "", "", "", "", "návštěv", "ks", "přesně / odhad", "%", "%", "%", "%", "%", "počet", "počet", "",
         "ano / ne", "", "", "", "1–5", "1–5", "1–5", "1–5", "1–5", "", "1–5", "1–5", "EUR", "EUR", "", "", "", ""]
    keys = ["museum_name", "country", "_kraj", "museum_type", "ownership", "annual_visits", "collection_objects",
            "collection_objects_precision", "pct_catalogued_db", "pct_digitised", "pct_no_need_digitise",
            "pct_digitised_3d", "pct_online", "immovable_at_risk_n", "immovable_at_risk_3d_n", "has_digital_strategy",
            "has_cms", "ai_status", "ai_use_cases", "ai_policy", "infra_storage", "infra_compute_cloud",
            "infra_network", "infra_capture_equipment", "wants_competency_hub", "eccch_or_dataspace_participation",
            "copyright_obstacle", "leadership_digital_knowledge", "digital_budget_available_eur",
            "eu_funding_received_eur", "main_obstacles", "_c0", "_c1", "_c2"]

    def mk(vals, text):
        d = dict(zip([k for k in keys if not k.startswith("_")], vals))
        d["_t"] = text
        return d
    # text cells exactly as written; canonical values alongside
    M = [
        mk(["Regionální muzeum v Kostelci nad Sázavou", "CZ", "regional_local", "regional_local_authority", 23480,
            142000, "estimate", 71, 24, 15, 0.6, 11, None, None, "written", True, "exploring", None,
            "in_preparation", 3, 2, 3, 2, 4, ["national_aggregator"], 3, 3, 42000, None,
            ["money", "staff_time"]],
           ["Regionální muzeum v Kostelci nad Sázavou", "Česko", "Středočeský", "vlastivědné", "kraj", "23 480",
            "142 000", "odhad", "71 %", "24 %", "15 %", "0,6 %", "11 %", "–", "–", "ano – písemná", "ano",
            "zvažujeme", "–", "připravujeme", "3", "2", "3", "2", "4", "eSbírky", "3", "3", "42 000 €", "–",
            "peníze / nedostatek času", "Mgr. Petra Dvořáková", "dvorakova@muzeum-kostelec.example.cz",
            "+420 321 123 456"]),
        mk(["Galerie výtvarného umění v Hradišti pod Lesem", "CZ", "art", "regional_local_authority", 31200, 8930,
            "exact", 100, 88, 0, 2, 70, None, None, "written", True, "pilot",
            ["cataloguing_metadata", "image_recognition"], "adopted", 4, 3, 4, 3, 5,
            ["europeana", "national_aggregator"], 4, 4, 65000, 120000, ["copyright", "data_quality"]],
           ["Galerie výtvarného umění v Hradišti pod Lesem", "Česko", "Zlínský", "umělecké", "kraj", "31 200",
            "8 930", "přesně", "100 %", "88 %", "0 %", "2 %", "70 %", "–", "–", "ano – písemná", "ano",
            "pilotní projekt", "katalogizace / rozpoznávání obrazu", "schválena", "4", "3", "4", "3", "5",
            "Europeana / eSbírky", "4", "4", "65 000 €", "120 000 €", "autorská práva / kvalita dat",
            "Ing. Jakub Novotný", "novotny@gvu-hradiste.example.cz", "+420 572 555 010"]),
        mk(["Technické muzeum Železná Lhota", "CZ", "science_technology", "national_state", 211000, 58700,
            "estimate", 83, 41, 10, 6.5, 29, None, None, "written", True, "in_production",
            ["ocr_htr_transcription", "visitor_chatbot", "visitor_analytics"], "adopted", 4, 4, 5, 3, 3,
            ["europeana", "national_aggregator", "digital_europe_project"], 2, 5, 1200000, 250000,
            ["staff_time", "infrastructure"]],
           ["Technické muzeum Železná Lhota", "Česko", "Plzeňský", "technické", "Ministerstvo kultury", "211 000",
            "58 700", "odhad", "83 %", "41 %", "10 %", "6,5 %", "29 %", "–", "–", "ano – písemná", "ano",
            "v běžném provozu", "přepis textů (OCR) / chatbot pro návštěvníky / analýza návštěvnosti", "schválena",
            "4", "4", "5", "3", "3", "Europeana / eSbírky / projekt Digitální Evropa", "2", "5", "1,2 mil. €",
            "250 tis. €", "nedostatek času / infrastruktura", "Bc. Lukáš Černý", "cerny@tmzl.example.cz",
            "+420 377 100 200"]),
        mk(["Státní hrad Kokořínek", "CZ", "monument_site", "national_state", 74500, 3200, "estimate", 95, 60, 20,
            30, 15, 3, 1, "unwritten", True, "none", None, "none", 2, 1, 2, 2, 4, ["none"], 2, 2, 18000, None,
            ["money", "skills", "infrastructure"]],
           ["Státní hrad Kokořínek", "Česko", "Středočeský", "památkový objekt", "Ministerstvo kultury", "74 500",
            "3 200", "odhad", "95 %", "60 %", "20 %", "30 %", "15 %", "3", "1", "ano – nepísemná", "ano",
            "nevyužíváme", "–", "nemáme", "2", "1", "2", "2", "4", "žádné", "2", "2", "18 000 €", "–",
            "peníze / kvalifikace / infrastruktura", "Hana Malá", "kastelan@kokorinek.example.cz", "315 999 111"]),
        mk(["Muzeum řemesel a cechů ve Starém Bydžově", "CZ", "specialised", "private_nonprofit", 2140, 1600,
            "exact", 40, 10, None, 0, 0, None, None, "none", False, "none", None, "none", 1, 1, 2, 1, None,
            ["none"], 1, 2, 800, None, ["money", "skills"]],
           ["Muzeum řemesel a cechů ve Starém Bydžově", "Česko", "Královéhradecký", "specializované", "spolek",
            "2 140", "1 600", "přesně", "40 %", "10 %", "neuvedeno", "0 %", "0 %", "–", "–", "ne", "ne",
            "nevyužíváme", "–", "nemáme", "1", "1", "2", "1", "nevím", "žádné", "1", "2", "800 €", "–",
            "peníze / kvalifikace", "Josef Kubát", "", ""]),
        mk(["Vlastivedné múzeum v Hornej Súči", "SK", "regional_local", "regional_local_authority", 16700, 87400,
            "estimate", 66, 19, 12, 1, 8, None, None, "written", True, "exploring", None, "none", 3, 2, 3, 3, 5,
            ["national_aggregator"], 3, 3, 22000, 60000, ["money", "staff_time", "data_quality"]],
           ["Vlastivedné múzeum v Hornej Súči", "Slovensko", "Trenčiansky", "vlastivedné",
            "samosprávny kraj", "16 700", "87 400", "odhad", "66 %", "19 %", "12 %", "1 %", "8 %", "–", "–",
            "áno – písomná", "áno", "zvažujeme", "–", "nemáme", "3", "2", "3", "3", "5", "Slovakiana", "3", "3",
            "22 000 €", "60 000 €", "peniaze / nedostatok času / kvalita dát", "PhDr. Zuzana Hrnčiarová",
            "hrnciarova@vm-hornasuca.example.sk", "+421 32 123 4567"]),
        mk(["Múzeum baníctva a hutníctva v Štiavnických Vrchoch", "SK", "science_technology", "national_state",
            98300, 35900, "exact", 90, 52, 8, 11, 37, 5, 2, "written", True, "pilot",
            ["cataloguing_metadata", "translation"], "in_preparation", 3, 3, 4, 4, 4,
            ["europeana", "national_aggregator"], 3, 4, 75000, 310000, ["copyright", "infrastructure"]],
           ["Múzeum baníctva a hutníctva v Štiavnických Vrchoch", "Slovensko", "Banskobystrický", "technické",
            "Ministerstvo kultury SR", "98 300", "35 900", "presne", "90 %", "52 %", "8 %", "11 %", "37 %", "5",
            "2", "áno – písomná", "áno", "pilotný projekt", "katalogizácia / preklad", "pripravujeme", "3", "3",
            "4", "4", "4", "Europeana / Slovakiana", "3", "4", "75 000 €", "310 tis. €",
            "autorské práva / infraštruktúra", "Ing. Martin Kováč", "kovac@mbh-vrchy.example.sk",
            "+421 45 600 7788"]),
        mk(["Mestská galéria v Rimavskej Seči", "SK", "art", "regional_local_authority", 6900, 2450, "exact", 100,
            73, 0, 0, 55, None, None, "unwritten", True, "none", None, "none", 2, 2, 3, 1, 3, ["national_aggregator"],
            4, 3, 4500, None, ["money", "copyright"]],
           ["Mestská galéria v Rimavskej Seči", "Slovensko", "Banskobystrický", "umelecké", "mesto", "6 900",
            "2 450", "presne", "100 %", "73 %", "0 %", "0 %", "55 %", "–", "–", "áno – nepísomná", "áno",
            "nevyužívame", "–", "nemáme", "2", "2", "3", "1", "3", "Slovakiana", "4", "3", "4 500 €", "–",
            "peniaze / autorské práva", "Mgr. Ildikó Szabóová", "galeria@rimavskasec.example.sk", ""]),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Údaje"
    ws["A1"] = "Průzkum digitalizace muzeí a galerií 2025 – společný výstup České a Slovenské muzejní sítě"
    ws["A1"].font = TITLE
    ws["A2"] = "Zdroj: dotazníky členských muzeí, zpracováno 20. 3. 2025"
    for i, h in enumerate(H, 1):
        c = ws.cell(4, i, h); c.font = BOLD; c.fill = GREY; c.alignment = CENTER; c.border = BOX
        u = ws.cell(5, i, U[i - 1] or None); u.font = Font(italic=True, size=9); u.alignment = CENTER
    ws.row_dimensions[4].height = 48
    r = 6
    tv = to = tb = te = 0
    for m in M:
        for i, s in enumerate(m["_t"], 1):
            s = s.replace(" ", NBSP) if i in (6, 7, 29, 30) else s  # thousands with non-breaking space
            c = ws.cell(r, i, s if s != "" else None); c.number_format = "@"; c.border = BOX; c.alignment = WRAP
        tv += m["annual_visits"]; to += m["collection_objects"]
        tb += m["digital_budget_available_eur"] or 0; te += m["eu_funding_received_eur"] or 0
        r += 1
    ws.cell(r, 1, "Celkem").font = BOLD
    for ci, v in [(6, tv), (7, to), (29, tb), (30, te)]:
        c = ws.cell(r, ci, t(v) + (" €" if ci >= 29 else "")); c.font = BOLD; c.number_format = "@"
    for i in range(1, len(H) + 1):
        ws.cell(r, i).fill = GREY
    r += 2
    for tx in ["Poznámka: procenta z celkového počtu sbírkových předmětů; 'z toho 3D' je podíl ze sbírky, ne z digitalizovaných.",
               "– = neuvedeno / netýká se; hodnocení 1 = zcela nedostatečné, 5 = plně dostatečné (u překážek 1 = žádná, 5 = zásadní).",
               "Slovenská múzeá vyplnili dotazník v slovenčine."]:
        ws.cell(r, 1, tx).font = Font(italic=True, size=9); r += 1
    widths = [44, 10, 16, 16, 20, 11, 12, 10] + [10] * 7 + [16, 10, 16, 34, 14] + [9] * 5 + [30, 10, 10, 13, 13, 34,
                                                                                          26, 34, 18]
    for i, w in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = w
    ws.freeze_panes = "B6"
    leg = wb.create_sheet("Vysvětlivky")
    for i, (a, b) in enumerate([
        ("Pole", "Význam"), ("Evidováno v databázi", "% předmětů s katalogizačním záznamem v elektronické databázi"),
        ("Digitalizováno", "% předmětů s digitální reprodukcí (2D nebo 3D)"),
        ("Online", "% předmětů dostupných online (vlastní web, eSbírky, Slovakiana, Europeana)"),
        ("Umělá inteligence", "nevyužíváme / zvažujeme / pilotní projekt / v běžném provozu"),
        ("Pravidla pro UI", "nemáme / připravujeme / schválena"),
        ("Hlavní překážky", "max. 3, oddělené lomítkem"),
        ("mil. / tis.", "milion / tisíc")], 1):
        leg.cell(i, 1, a); leg.cell(i, 2, b)
    leg["A1"].font = BOLD; leg["B1"].font = BOLD
    leg.column_dimensions["A"].width = 26; leg.column_dimensions["B"].width = 90
    wb.save(os.path.join(OUT, fname))
    for m in M:
        m.pop("_t")
    truth(fname, "Údaje", M, ["Celkem"],
          "Joint Czech + Slovak network workbook. Data sheet 'Údaje' (second sheet 'Vysvětlivky' is a legend, no "
          "data). Title rows 1-2, header row 4 (short Czech labels), units row 5 ('návštěv', 'ks', '%', '1–5', "
          "'EUR'), museums rows 6-13, then a 'Celkem' totals row and footnotes. All cells are text; thousands "
          "separated by non-breaking spaces ('23 480'), percentages '0,6 %', money '42 000 €', '1,2 mil. €' "
          "(= 1 200 000) and '250 tis. €' / '310 tis. €' (tis. = thousand). Country column 'Stát' is 'Česko' (CZ) or "
          "'Slovensko' (SK); the 3 Slovak rows are written in Slovak (áno/nie, presne, písomná, nevyužívame, "
          "pilotný projekt, peniaze...). Multi-selects separated by ' / ' ('přepis textů (OCR)' is one item). "
          "'–' (en dash), 'neuvedeno' and 'nevím' are blank. 'žádné' in the data-space column -> ['none']. "
          "Zřizovatel: kraj / samosprávny kraj / mesto -> regional_local_authority; Ministerstvo kultury (SR) -> "
          "national_state; spolek -> private_nonprofit. Typ: vlastivědné/vlastivedné -> regional_local, "
          "památkový objekt -> monument_site, specializované -> specialised. eSbírky and Slovakiana are national "
          "aggregators. Immovable-at-risk counts are only given for the castle and the mining museum. Rating columns "
          "(Úložiště, Výpočetní kapacita / cloud, Síť, Snímací technika) map to infra_storage, infra_compute_cloud, "
          "infra_network, infra_capture_equipment; 'Zájem o evropské centrum kompetencí' -> wants_competency_hub. "
          "Contact columns are personal data.")


if __name__ == "__main__":
    make_es(); make_pt(); make_it(); make_pl(); make_cz()
    print("done")
