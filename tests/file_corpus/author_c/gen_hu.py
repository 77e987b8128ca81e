# HU: CSV as Hungarian-locale Excel writes it ("CSV (pontosvesszővel tagolt)"): ';' delimiter, ',' decimal,
# Windows-1250 encoding, CRLF, thousands shown with non-breaking spaces where the column was formatted,
# dates as 2024.12.31., trailing rows of bare ';' from formatted-but-empty rows.
import os
from gen_common import OUT, truth, check

FN = "muzeumi_digitalizacios_felmeres_2025.csv"
NB = "\u00a0"
TYPE = {"art": "Képzőművészeti", "regional_local": "Helytörténeti", "natural_history_science": "Természettudományi",
        "ethnography_anthropology": "Néprajzi", "science_technology": "Műszaki / technikatörténeti",
        "archaeology": "Régészeti", "specialised": "Szakmúzeum (fotó)", "monument_site": "Kastély / műemlék",
        "general_mixed": "Vegyes (több szakágú)"}
OWN = {"regional_local_authority": "Önkormányzati", "national_state": "Állami", "private_nonprofit": "Alapítványi",
       "private_for_profit": "Gazdasági társaság (Kft.)"}
DS = {"europeana": "Europeana", "national_aggregator": "nemzeti aggregátor", "eccch_project": "ECCCH projekt",
      "digital_europe_project": "Digitális Európa projekt", "none": "nincs"}
FS = {"national": "központi költségvetés", "regional_local": "önkormányzat", "eu_digital_europe": "Digitális Európa program",
      "eu_horizon": "Horizont Európa", "eu_creative_europe": "Kreatív Európa", "eu_structural_rrf": "EU strukturális alapok (GINOP/TOP)",
      "private_sponsorship": "szponzoráció", "own_income": "saját bevétel"}
OB = {"money": "pénzhiány", "staff_time": "munkaidő hiánya", "skills": "szakértelem hiánya", "copyright": "szerzői jog",
      "infrastructure": "infrastruktúra", "leadership_strategy": "stratégia hiánya", "data_quality": "adatminőség"}
ND = "nincs adat"
NEEDS = ["need_infrastructure_eur", "need_equipment_eur", "need_human_resources_eur", "need_data_metadata_eur",
         "need_copyright_clearance_eur", "need_training_eur"]
FIELDS = ["reference_date", "museum_name", "country", "region_nuts2", "museum_type", "ownership", "annual_visits",
          "staff_paid_headcount", "staff_paid_fte", "volunteers_fte", "collection_objects", "collection_objects_precision",
          "pct_catalogued_db", "pct_digitised", "pct_digitised_3d", "pct_online", "pct_in_europeana_dataspace", "has_cms",
          "persistent_identifiers", "iiif", "typical_content_tier", "eccch_or_dataspace_participation",
          "digital_budget_available_eur", "pct_structural"] + NEEDS + ["funding_horizon_years", "funding_sources",
          "eu_funding_received_eur", "main_obstacles"]
HEAD = ["Vonatkozási dátum", "Múzeum neve", "Ország", "Régió (NUTS2)", "Múzeum típusa", "Fenntartó",
        "Látogatók száma (2024)", "Foglalkoztatottak (fő)", "Foglalkoztatottak (FTE)", "Önkéntesek (FTE)",
        "Műtárgyak száma (db)", "Darabszám: pontos / becsült", "Adatbázisban nyilvántartva (%)", "Digitalizált (%)",
        "3D-ben digitalizált (a gyűjtemény %-a)", "Online elérhető (%)", "Europeana / adattér (%)", "Gyűjteménykezelő rendszer",
        "Tartós azonosítók (PID)", "IIIF", "Jellemző Europeana tartalmi szint (0-4)", "Részvétel adattérben",
        "Digitális költségvetés (EUR/év)", "Ebből strukturális (%)", "Igény 2030-ig: infrastruktúra (EUR)",
        "Igény 2030-ig: eszközök (EUR)", "Igény 2030-ig: szakemberek (EUR)", "Igény 2030-ig: adatok, metaadatok (EUR)",
        "Igény 2030-ig: jogtisztázás (EUR)", "Igény 2030-ig: képzés (EUR)", "Időtáv (év)", "Finanszírozási források",
        "EU-támogatás az elmúlt 3 évben (EUR)", "Fő akadályok"]
assert len(HEAD) == len(FIELDS)

def hu_int_nb(n): return f"{n:,}".replace(",", NB)
def dec(x): return f"{x:g}".replace(".", ",")
def yn(b): return "igen" if b else "nem"

def render(f, v, disp):
    if f in disp: return disp[f]
    if v is None: return ""
    if f == "reference_date": y, m, d = v.split("-"); return f"{y}.{m}.{d}."
    if f == "country": return "Magyarország"
    if f == "museum_type": return TYPE[v]
    if f == "ownership": return OWN[v]
    if f == "collection_objects_precision": return {"exact": "pontos", "estimate": "becsült"}[v]
    if f in ("collection_objects", "digital_budget_available_eur", "eu_funding_received_eur") or f in NEEDS: return hu_int_nb(v)
    if f == "pct_structural": return f"{dec(v)}%"
    if isinstance(v, bool): return yn(v)
    if f == "eccch_or_dataspace_participation": return ", ".join(DS[x] for x in v)
    if f == "funding_sources": return ", ".join(FS[x] for x in v)
    if f == "main_obstacles": return ", ".join(OB[x] for x in v)
    if isinstance(v, float): return dec(v)
    return str(v)

mus = []
def M(vals, disp=None):
    m = dict(zip(FIELDS, vals)); m["country"] = "HU"; m["_disp"] = disp or {}
    mus.append(m)
D = "2024-12-31"
n = None
M([D, "Tiszakerti Képtár", "HU", "HU32", "art", "regional_local_authority", 15600, 9, 7.5, 0.5, 5400, "exact", 100, 80, 0, 55, 20,
   True, True, False, 2, ["europeana", "national_aggregator"], 12000, 60, 20000, 15000, 40000, 10000, 8000, 5000, 5,
   ["regional_local", "national"], 0, ["money", "staff_time", "copyright"]])
M([D, "Bakonyaljai Helytörténeti Gyűjtemény", "HU", "HU22", "regional_local", "regional_local_authority", 1900, 2, 1.0, 0.8,
   6000, "estimate", 25, 10, 0, 2, 0, False, False, False, n, ["none"], 800, 100, 5000, 6000, 15000, 3000, n, 2000, n,
   ["regional_local"], 0, ["money", "skills"]], {"typical_content_tier": ND, "need_copyright_clearance_eur": "-", "funding_horizon_years": ND})
M([D, "Alföldi Természettudományi Múzeum", "HU", "HU33", "natural_history_science", "national_state", 88000, 64, 58.5, 2,
   1200000, "estimate", 40, 7.5, 0.2, 3, 1, True, True, True, 3, ["europeana", "eccch_project"], 150000, 45, 400000, 250000,
   500000, 200000, 20000, 60000, 6, ["national", "eu_horizon", "eu_structural_rrf"], 320000,
   ["staff_time", "infrastructure", "money"]])
M(["2025-01-31", "Mátraszéli Néprajzi Múzeum", "HU", "HU31", "ethnography_anthropology", "regional_local_authority", 7400, 6, 5, n,
   21000, "exact", 70, 35, 1.5, 20, 10, True, False, False, 2, ["national_aggregator"], 6500, 80, 10000, 18000, 30000, 12000,
   2000, 4000, 5, ["regional_local", "eu_creative_europe"], 35000, ["money", "staff_time", "skills"]], {"volunteers_fte": "-"})
M([D, "Duna-parti Ipartörténeti Múzeum", "HU", "HU12", "science_technology", "private_nonprofit", 23500, 11, 9, 1.5, 9800,
   "estimate", 60, 25, 5, 15, 0, True, False, False, 1, ["none"], 9000, 30, 25000, 40000, 35000, 8000, 1000, 6000, 5,
   ["private_sponsorship", "own_income", "eu_digital_europe"], 15000, ["money", "infrastructure", "leadership_strategy"]])
M([D, "Pannon Régészeti Park és Múzeum", "HU", "HU21", "archaeology", "national_state", 142000, 38, 35, 0, 310000, "estimate",
   50, 15, 4, 6, 2, True, True, False, 2, ["europeana", "national_aggregator", "digital_europe_project"], 85000, 50, 300000,
   200000, 350000, 120000, 0, 30000, 5, ["national", "eu_structural_rrf", "eu_digital_europe"], 210000,
   ["staff_time", "money", "data_quality"]])
M([D, "Budai Kortárs Fotográfiai Ház", "HU", "HU11", "specialised", "private_for_profit", 56000, 14, 12, n, 48000, "exact", 95,
   90, 0, 30, 0, True, True, True, 3, ["none"], 40000, 70, 30000, 10000, 60000, 15000, 90000, 5000, 4,
   ["own_income", "private_sponsorship"], 0, ["copyright", "money"]], {"volunteers_fte": ND})
M([D, "Somogyvári Kastélymúzeum", "HU", "HU23", "monument_site", "national_state", 34000, 17, 15.5, 3, 2600, "exact", 100, 65,
   30, 40, 15, True, False, False, 2, ["europeana"], 20000, 40, 25000, 60000, 45000, 10000, 3000, 7000, 5,
   ["national", "eu_structural_rrf", "own_income"], 95000, ["money", "staff_time", "infrastructure"]])
M([D, "Hortobágyszéli Pásztormúzeum", "HU", "HU32", "ethnography_anthropology", "private_nonprofit", 4800, 3, 2.5, 1, 3200,
   "estimate", 45, 20, n, 8, n, False, False, False, n, ["none"], n, n, n, n, n, n, n, n, n, ["own_income", "regional_local"], 0,
   ["money", "skills", "staff_time"]],
  {"pct_digitised_3d": ND, "pct_in_europeana_dataspace": ND, "typical_content_tier": ND, "digital_budget_available_eur": ND,
   "pct_structural": "-"})
M([D, "Marosparti Városi Múzeum", "HU", "HU33", "general_mixed", "regional_local_authority", 26000, 22, 19, 2.5, 178000,
   "estimate", 65, 28, 1, 12, 5, True, True, False, 2, ["europeana", "national_aggregator"], 30000, 65, 80000, 50000, 120000,
   40000, 5000, 15000, 6, ["regional_local", "national", "eu_creative_europe"], 60000, ["staff_time", "money", "data_quality"]])
check(mus)

lines = [";".join(HEAD)]
for m in mus:
    cells = [render(f, m[f], m["_disp"]) for f in FIELDS]
    for c in cells: assert ";" not in c and '"' not in c
    lines.append(";".join(cells))
lines += [";" * (len(HEAD) - 1)] * 3
with open(os.path.join(OUT, FN), "w", encoding="cp1250", newline="") as f:
    f.write("\r\n".join(lines) + "\r\n")
for m in mus: m.pop("_disp")
truth(FN, None, mus, [],
      "CSV saved by Hungarian-locale Excel: Windows-1250 (cp1250) encoding, no BOM, ';' delimiter, CRLF, decimal comma "
      "('7,5', '58,5'), thousands separated by a non-breaking space (U+00A0, byte 0xA0) in the object-count and EUR columns "
      "(e.g. '1 200 000'), dates in Hungarian form '2024.12.31.' -> 2024-12-31 (Vonatkozási dátum = reference_date). "
      "Header in line 1, 10 museums, then three lines of bare semicolons (empty formatted rows, not museums). Ország "
      "'Magyarország' -> HU; Régió column holds NUTS2 codes. igen/nem = yes/no. 'nincs adat' (no data) and '-' are not "
      "answered, whereas 'nincs' (none) in 'Részvétel adattérben' is a real answer -> ['none']. Multi-answer cells are "
      "comma-separated. Fenntartó: Önkormányzati -> regional_local_authority, Állami -> national_state, Alapítványi -> "
      "private_nonprofit, Gazdasági társaság (Kft.) -> private_for_profit. Types: Helytörténeti -> regional_local, Néprajzi -> "
      "ethnography_anthropology, Műszaki/technikatörténeti -> science_technology, Szakmúzeum (fotó) -> specialised, "
      "Kastély/műemlék -> monument_site, Vegyes (több szakágú) -> general_mixed. 'Foglalkoztatottak (fő)' = headcount, "
      "'(FTE)' = staff_paid_fte. 'Ebből strukturális (%)' = pct_structural. Funding: központi költségvetés -> national, "
      "önkormányzat -> regional_local, 'EU strukturális alapok (GINOP/TOP)' -> eu_structural_rrf, Digitális Európa program -> "
      "eu_digital_europe, Kreatív Európa -> eu_creative_europe, Horizont Európa -> eu_horizon, szponzoráció -> "
      "private_sponsorship, saját bevétel -> own_income. Obstacles: pénzhiány money, munkaidő hiánya staff_time, szakértelem "
      "hiánya skills, szerzői jog copyright, infrastruktúra, stratégia hiánya leadership_strategy, adatminőség data_quality. "
      "Money is already in EUR (header says EUR).")
print("HU ok")
