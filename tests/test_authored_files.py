"""End-to-end: a French regional network's workbook and a German Landesstelle's CSV, loaded as they come.

Fixtures: tests/authored_files.py (8 French museums in `enquete_2025.xlsx`, 8 German museums in
`umfrage_2025.csv`, wave 2025). Each file is loaded with `load_file(con, path, wave="2025")` into a fresh
DuckDB store (the `con` fixture) and must:
* commit 8 rows;
* store, field by field, the canonical values of CANONICAL_FR / CANONICAL_DE in `current_responses`, and
  NULL in every schema field the file does not answer (the town, the remarks, ... belong nowhere);
* store none of the personal data (respondent names, e-mail addresses, phone numbers) anywhere;
* give `summary(con, wave="2025")` the headline figures worked out BY HAND below from the schema's
  funding arithmetic (shared/survey-schema.md).

The first tests check the fixture itself (the generated cells read back to the canonical values with a
parser written here, and the hand-worked figures follow from the canonical values); they do not touch
the loader.
"""

from __future__ import annotations

import csv
import io

import openpyxl
import pytest

try:  # pytest's rootdir-relative import (tests/ is not a package) ...
    import authored_files as af
except ImportError:  # ... or tests/ became a package
    from tests import authored_files as af

from analysis import schema
from analysis.figures.metrics import summary
from analysis.loading.upload import load_file
from tests.conftest import assert_allowed_values, expected_museum_id, summary_mismatches

CASES = ("fr", "de")

# ----------------------------------------------------------------------------------------------------
# Hand-worked figures, French workbook (wave 2025; a blank horizon means 2030 - 2025 = 5 years).
#
# museum               | pct | objects | budget | h | available  | need = sum of the needs answered      | shortfall
#                      |     |         |        |   | budget x h |                                       | max(0, need - av.)
# 1 Beaux-Arts Montrev.| 45  |  12 500 | 35 000 | 5 |    175 000 | 60k+45k+120k+30k+15k+10k  =   280 000 | 105 000 (3/8)
# 2 Muséum Valberg     | 12  | 420 000 | 45 000 | 5 |    225 000 | 250k+180k+300k+150k+0+20k =   900 000 | 675 000 (3/4)
# 3 Archéo Sauxières   | 25  |  65 000 |   NC   | 5 |       NULL | 40k+80k+_+25k+_+5k        =   150 000 |    NULL (no budget)
# 4 Résistance H.-Jura | 60  |   8 400 |  8 000 | 3 |     24 000 | 10k+12k+30k+8k+33k+3k     =    96 000 |  72 000 (3/4)
# 5 Horlogerie Mortev. | 78  |   5 200 | 45 000 | 5 |    225 000 | 20k+35k+40k+10k+5k+10k    =   120 000 |       0
# 6 Ethno Bresse       | 20  |  32 000 | 22 500 | 4 |     90 000 | 35k+25k+90k+40k+10k+40k   =   240 000 | 150 000 (5/8)
# 7 MAMC Saint-Aubin   | 95  |   3 800 | 90 000 | 5 |    450 000 | 100k+50k+200k+40k+170k+40k=   600 000 | 150 000 (1/4)
# 8 Château Montfaucon | 30  |   1 500 | 25 000 | 5 |    125 000 | all "NC"                  =      NULL |    NULL (no need)
#
# respondents = 8, countries = 1 (FR)
# mean_pct_digitised = (45 + 12 + 25 + 60 + 78 + 20 + 95 + 30) / 8 = 365 / 8 = 45.625
# weighted_pct_digitised (all 8 answered pct and objects):
#   sum(objects)       = 12 500 + 420 000 + 65 000 + 8 400 + 5 200 + 32 000 + 3 800 + 1 500 = 548 400
#   sum(pct x objects) = 45*12 500 + 12*420 000 + 25*65 000 + 60*8 400 + 78*5 200 + 20*32 000 + 95*3 800 + 30*1 500
#                      = 562 500 + 5 040 000 + 1 625 000 + 504 000 + 405 600 + 640 000 + 361 000 + 45 000
#                      = 9 183 100
#   weighted = 9 183 100 / 548 400 = 16.7452...
# objects_to_digitise = objects x (100 - pct_digitised - pct_no_need_digitise) / 100:
#   1: 12 500 x (100-45-10)=45% =   5 625     5:   5 200 x (100-78-5)=17% =   884
#   2: 420 000 x (100-12-5)=83% = 348 600     6:  32 000 x (100-20-30)=50% = 16 000
#   3: 65 000 x (100-25-20)=55% =  35 750     7:   3 800 x (100-95-0)=5%  =    190
#   4:  8 400 x (100-60-15)=25% =   2 100     8:   1 500 x (100-30-40)=30% =   450
#   total = 409 599 (n = 8)
# total_funding_need_eur      = 280 000 + 900 000 + 150 000 + 96 000 + 120 000 + 240 000 + 600 000 = 2 386 000 (n=7)
# total_funding_available_eur = 175 000 + 225 000 + 24 000 + 225 000 + 90 000 + 450 000 + 125 000   = 1 314 000 (n=7)
# total_funding_shortfall_eur = 105 000 + 675 000 + 72 000 + 0 + 150 000 + 150 000                   = 1 152 000 (n=6)
#
# per pillar = shortfall x need_pillar / need  (museum 5: shortfall 0; museums 3 and 8: NULL, nothing)
#   pillar              1 (3/8)   2 (3/4)   4 (3/4)   6 (5/8)   7 (1/4)    total
#   infrastructure      22 500    187 500    7 500    21 875    25 000     264 375
#   equipment           16 875    135 000    9 000    15 625    12 500     189 000
#   human_resources     45 000    225 000   22 500    56 250    50 000     398 750
#   data_metadata       11 250    112 500    6 000    25 000    10 000     164 750
#   copyright_clearance  5 625          0   24 750     6 250    42 500      79 125
#   training             3 750     15 000    2 250    25 000    10 000      56 000
#   (check: 264 375 + 189 000 + 398 750 + 164 750 + 79 125 + 56 000 = 1 152 000 = total shortfall)
# ----------------------------------------------------------------------------------------------------
EXPECTED_FR = {
    "respondents": 8,
    "countries": 1,
    "mean_pct_digitised": 45.625,
    "weighted_pct_digitised": 9_183_100 / 548_400,
    "objects_to_digitise": 409_599,
    "total_funding_need_eur": 2_386_000.0,
    "total_funding_available_eur": 1_314_000.0,
    "total_funding_shortfall_eur": 1_152_000.0,
    "shortfall_by_pillar": {
        "infrastructure": 264_375.0,
        "equipment": 189_000.0,
        "human_resources": 398_750.0,
        "data_metadata": 164_750.0,
        "copyright_clearance": 79_125.0,
        "training": 56_000.0,
    },
    "n": {"pct_digitised": 8, "weighted_pct_digitised": 8, "objects_to_digitise": 8, "funding_need": 7,
          "funding_available": 7, "funding_shortfall": 6},
}

# ----------------------------------------------------------------------------------------------------
# Hand-worked figures, German CSV (wave 2025; a blank Bedarfszeitraum means 5 years).
#
# museum               | pct  | objects   | budget  | h | available  | need                                  | shortfall
# 1 Kunstmus. Hohenfurt| 52.5 |    14 800 |  48 000 | 5 |    240 000 | 80k+40k+150k+30k+45k+55k   =   400 000 | 160 000 (2/5)
# 2 Heimatmus. Unterl. | 10   |     6 200 |   1 500 | 3 |      4 500 | 8k+6k+_+4k+_+2k            =    20 000 |  15 500 (0.775)
# 3 Naturkunde Albtal  | 8    | 1 250 000 | 320 000 | 5 |  1 600 000 | 900k+450k+1200k+500k+50k+100k = 3 200 000 | 1 600 000 (1/2)
# 4 Technik Neckarwerk | 40   |    27 500 |  80 000 | 5 |    400 000 | 120k+95k+180k+40k+10k+55k  =   500 000 | 100 000 (1/5)
# 5 Archäo. Sulzbach   | 22   |   150 000 |  k.A.   | 4 |       NULL | 70k+110k+90k+45k+0+15k     =   330 000 |    NULL (no budget)
# 6 Stadtgesch. Weilst.| 18   |    22 000 |  12 000 | 5 |     60 000 | 25k+15k+60k+20k+8k+22k     =   150 000 |  90 000 (3/5)
# 7 Volkskunde Schw.hof| 30   |     9 600 |   9 500 | 2 |     19 000 | 15k+12k+40k+10k+5k+13k     =    95 000 |  76 000 (4/5)
# 8 Uhrenmus. Kienzler | 88   |     3 100 |  40 000 | 5 |    200 000 | 10k+20k                    =    30 000 |       0
#
# respondents = 8, countries = 1 (DE)
# mean_pct_digitised = (52.5 + 10 + 8 + 40 + 22 + 18 + 30 + 88) / 8 = 268.5 / 8 = 33.5625
# weighted_pct_digitised (all 8 answered both):
#   sum(objects)       = 14 800 + 6 200 + 1 250 000 + 27 500 + 150 000 + 22 000 + 9 600 + 3 100 = 1 483 200
#   sum(pct x objects) = 52.5*14 800 + 10*6 200 + 8*1 250 000 + 40*27 500 + 22*150 000 + 18*22 000 + 30*9 600 + 88*3 100
#                      = 777 000 + 62 000 + 10 000 000 + 1 100 000 + 3 300 000 + 396 000 + 288 000 + 272 800
#                      = 16 195 800
#   weighted = 16 195 800 / 1 483 200 = 10.9195...
# objects_to_digitise (museum 6 left "Anteil ohne Digitalisierungsbedarf" as k.A.: unknown, not counted):
#   1: 14 800 x (100-52.5-8)=39.5% =     5 846    5: 150 000 x (100-22-30)=48% = 72 000
#   2:  6 200 x (100-10-25)=65%    =     4 030    6: NULL
#   3: 1 250 000 x (100-8-10)=82%  = 1 025 000    7:   9 600 x (100-30-35)=35% =  3 360
#   4: 27 500 x (100-40-15)=45%    =    12 375    8:   3 100 x (100-88-5)=7%   =    217
#   total = 1 122 828 (n = 7)
# total_funding_need_eur      = 400 000 + 20 000 + 3 200 000 + 500 000 + 330 000 + 150 000 + 95 000 + 30 000 = 4 725 000 (n=8)
# total_funding_available_eur = 240 000 + 4 500 + 1 600 000 + 400 000 + 60 000 + 19 000 + 200 000          = 2 523 500 (n=7)
# total_funding_shortfall_eur = 160 000 + 15 500 + 1 600 000 + 100 000 + 90 000 + 76 000 + 0               = 2 041 500 (n=7)
#
# per pillar = shortfall x need_pillar / need  (museum 8: shortfall 0; museum 5: NULL)
#   pillar              1 (2/5)  2 (0.775)  3 (1/2)   4 (1/5)  6 (3/5)  7 (4/5)   total
#   infrastructure      32 000    6 200     450 000   24 000   15 000   12 000    539 200
#   equipment           16 000    4 650     225 000   19 000    9 000    9 600    283 250
#   human_resources     60 000    - blank   600 000   36 000   36 000   32 000    764 000
#   data_metadata       12 000    3 100     250 000    8 000   12 000    8 000    293 100
#   copyright_clearance 18 000    - blank    25 000    2 000    4 800    4 000     53 800
#   training            22 000    1 550      50 000   11 000   13 200   10 400    108 150
#   (check: 539 200 + 283 250 + 764 000 + 293 100 + 53 800 + 108 150 = 2 041 500 = total shortfall)
# ----------------------------------------------------------------------------------------------------
EXPECTED_DE = {
    "respondents": 8,
    "countries": 1,
    "mean_pct_digitised": 33.5625,
    "weighted_pct_digitised": 16_195_800 / 1_483_200,
    "objects_to_digitise": 1_122_828,
    "total_funding_need_eur": 4_725_000.0,
    "total_funding_available_eur": 2_523_500.0,
    "total_funding_shortfall_eur": 2_041_500.0,
    "shortfall_by_pillar": {
        "infrastructure": 539_200.0,
        "equipment": 283_250.0,
        "human_resources": 764_000.0,
        "data_metadata": 293_100.0,
        "copyright_clearance": 53_800.0,
        "training": 108_150.0,
    },
    "n": {"pct_digitised": 8, "weighted_pct_digitised": 8, "objects_to_digitise": 7, "funding_need": 8,
          "funding_available": 7, "funding_shortfall": 7},
}
EXPECTED = {"fr": EXPECTED_FR, "de": EXPECTED_DE}

FLOAT_KINDS = {schema.PERCENT, schema.MONEY, schema.DECIMAL}
SCHEMA_NAMES = [f.name for f in schema.FIELDS]


# ====================================================================================================
# The fixture itself (no loader involved)
# ====================================================================================================
_BLANK = {"", "nc", "k.a.", "-", "n/a", "n.d."}


def _fr_value(cell, field: str):
    """A French cell as the canonical value (this test's own reading: French number formats only)."""
    v = cell.value
    if v is None or (isinstance(v, str) and v.strip().lower() in _BLANK):
        return None
    if field == "accredited":
        return {"oui": True, "non": False}[v.strip().lower()]
    if isinstance(v, (int, float)):
        return v * 100 if "%" in cell.number_format else v
    if field.startswith(("pct_", "need_", "digital_budget", "annual_visits", "collection_objects")):
        t = v.replace("€", "").replace("%", "")
        for space in (" ", af.NBSP, af.NNBSP):
            t = t.replace(space, "")
        return float(t.replace(",", "."))
    return v.strip()


def _de_value(text: str, field: str):
    """A German CSV cell as the canonical value (German number formats only)."""
    if text.strip().lower() in _BLANK:
        return None
    if field == "has_cms":
        return {"ja": True, "nein": False}[text.strip().lower()]
    if field.startswith(("pct_", "need_", "digital_budget", "annual_visits", "collection_objects",
                         "funding_horizon")):
        t = text.replace("€", "").replace("%", "").replace(" ", "").replace(".", "").replace(",", ".")
        return float(t)
    return text.strip()


_FR_LABELS = {   # the French answers -> codes, as this test's author reads them
    "country": {"France": "FR"},
    "museum_type": {"Beaux-arts": "art", "Histoire naturelle": "natural_history_science",
                    "Archéologie": "archaeology", "Histoire": "history",
                    "Sciences et techniques": "science_technology", "Ethnographie": "ethnography_anthropology",
                    "Art moderne et contemporain": "art",
                    "Château-musée (monument historique)": "monument_site"},
    "ownership": {"Commune": "regional_local_authority", "Département": "regional_local_authority",
                  "Région": "regional_local_authority", "Association": "private_nonprofit",
                  "Fondation": "private_nonprofit", "État": "national_state"},
}
_DE_LABELS = {
    "country": {"Deutschland": "DE"},
    "museum_type": {"Kunstmuseum": "art", "Heimatmuseum": "regional_local",
                    "Naturkundemuseum": "natural_history_science", "Technikmuseum": "science_technology",
                    "Archäologisches Museum": "archaeology", "Historisches Museum": "history",
                    "Volkskundemuseum": "ethnography_anthropology", "Spezialmuseum": "specialised"},
    "ownership": {"kommunal": "regional_local_authority", "Landkreis": "regional_local_authority",
                  "Land": "regional_local_authority", "Verein": "private_nonprofit",
                  "Stiftung bürgerlichen Rechts": "private_nonprofit",
                  "Unternehmen (privat)": "private_for_profit"},
}


def _same(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if isinstance(b, bool) or isinstance(a, bool):
        return a is b
    if isinstance(b, (int, float)):
        return isinstance(a, (int, float)) and a == pytest.approx(b)
    return a == b


def _check_canonical(canonical: list[dict], extra: str, country: str) -> None:
    fields = {"museum_id", "museum_name", "country", "museum_type", "ownership", "annual_visits",
              "collection_objects", "pct_catalogued_db", "pct_digitised", "pct_digitised_3d",
              "pct_no_need_digitise", "pct_online", "digital_budget_available_eur", *af.NEED_FIELDS,
              "funding_horizon_years", extra}
    assert len(canonical) == 8
    assert len({m["museum_id"] for m in canonical}) == 8
    for m in canonical:
        assert set(m) == fields, m["museum_name"]
        assert m["museum_id"] == expected_museum_id(m["country"], m["museum_name"])
        assert m["country"] == country
        assert_allowed_values(m)
        # no cross-field warning or error is expected from these answers
        if m["pct_no_need_digitise"] is not None:
            assert m["pct_digitised"] + m["pct_no_need_digitise"] <= 100
        assert m["pct_digitised_3d"] <= m["pct_digitised"]
        assert m["pct_online"] <= m["pct_digitised"]


def test_french_workbook_reads_back_to_the_canonical_values(tmp_path):
    path = af.write_enquete_fr(tmp_path)
    assert path.name == "enquete_2025.xlsx"
    _check_canonical(af.CANONICAL_FR, "accredited", "FR")
    ws = openpyxl.load_workbook(path).active
    assert ws.title == af.FR_SHEET
    assert [ws.cell(r, 1).value for r in (1, 2, 3, 4)] == [*af.FR_TITLE_ROWS, None]
    merged = {str(r) for r in ws.merged_cells.ranges}
    # the merged groups of the two-row header: shares (I5:M5), needs (O5:T5), contact (W5:X5);
    # single columns merged over rows 5-6 (A5:A6 "Nom du musée", N5:N6 budget, ...)
    assert {"A1:L1", "A5:A6", "H5:H6", "I5:M5", "N5:N6", "O5:T5", "U5:U6", "V5:V6", "W5:X5"} <= merged
    assert ws["I5"].value == "État des collections (en % du nombre d'objets)"
    assert ws["O5"].value == "Besoins de financement d'ici 2030 (€)"
    assert [ws.cell(6, c).value for c in range(15, 21)] == [
        "Infrastructures (stockage, serveurs, réseau)", "Équipement de numérisation", "Personnel qualifié",
        "Données et métadonnées", "Droits d'auteur", "Formation des équipes"]
    assert ws["A15"].value == "Total réseau" and ws["A17"].value == af.FR_FOOTNOTE
    assert ws.max_row == 17
    for i, want in enumerate(af.CANONICAL_FR):
        row = af.FR_FIRST_DATA_ROW + i
        for col, field in enumerate(af.FR_FIELDS, start=1):
            if field.startswith("_"):
                continue
            got = _fr_value(ws.cell(row, col), field)
            if field in _FR_LABELS:
                got = _FR_LABELS[field][got]
            if field == "funding_horizon_years" and got is not None:
                got = int(got)
            assert _same(got, want[field]), (want["museum_name"], field, got, want[field])
    # the personal data really is in the file
    emails = [ws.cell(af.FR_FIRST_DATA_ROW + i, af.FR_FIELDS.index("_email") + 1).value for i in range(8)]
    assert all("@" in e for e in emails) and set(emails) <= set(af.PERSONAL_FR)


def test_german_csv_reads_back_to_the_canonical_values(tmp_path):
    path = af.write_umfrage_de(tmp_path)
    assert path.name == "umfrage_2025.csv"
    _check_canonical(af.CANONICAL_DE, "has_cms", "DE")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    grid = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert len(grid) == 3 + 8 and all(len(r) == len(af.DE_COLUMNS) for r in grid)
    assert grid[0][0] == af.DE_TITLE and not any(grid[1])
    assert grid[2] == [h for _, h in af.DE_COLUMNS]
    for i, want in enumerate(af.CANONICAL_DE):
        row = grid[3 + i]
        for col, field in enumerate(af.DE_FIELDS):
            if field.startswith("_"):
                continue
            got = _de_value(row[col], field)
            if field in _DE_LABELS:
                got = _DE_LABELS[field][got]
            if field == "funding_horizon_years" and got is not None:
                got = int(got)
            assert _same(got, want[field]), (want["museum_name"], field, got, want[field])
    assert b'"Ehrenamtlich gef\xc3\xbchrt; Inventar' in raw           # a ';' inside a cell is quoted
    phones = [r[af.DE_FIELDS.index("_phone")] for r in grid[3:]]
    assert set(phones) <= set(af.PERSONAL_DE)


def _worked(canonical: list[dict]) -> dict:
    """The schema's funding arithmetic applied to the canonical values (a check of the comments above)."""
    out: dict = {"n": {}}
    pct = [m["pct_digitised"] for m in canonical if m["pct_digitised"] is not None]
    both = [m for m in canonical if m["pct_digitised"] is not None and m["collection_objects"] is not None]
    out["respondents"] = len(canonical)
    out["countries"] = len({m["country"] for m in canonical})
    out["mean_pct_digitised"] = sum(pct) / len(pct)
    out["weighted_pct_digitised"] = (sum(m["pct_digitised"] * m["collection_objects"] for m in both)
                                     / sum(m["collection_objects"] for m in both))
    todo = [m["collection_objects"] * (100 - m["pct_digitised"] - m["pct_no_need_digitise"]) / 100
            for m in both if m["pct_no_need_digitise"] is not None]
    out["objects_to_digitise"] = sum(todo)
    needs, avail, short = [], [], []
    pillars = dict.fromkeys(af.PILLARS, 0.0)
    for m in canonical:
        answered = [m[f] for f in af.NEED_FIELDS if m[f] is not None]
        need = sum(answered) if answered else None
        horizon = m["funding_horizon_years"] or max(1, 2030 - int(af.WAVE))
        av = None if m["digital_budget_available_eur"] is None else m["digital_budget_available_eur"] * horizon
        if need is not None:
            needs.append(need)
        if av is not None:
            avail.append(av)
        if need is not None and av is not None:
            s = max(0.0, need - av)
            short.append(s)
            for p, f in zip(af.PILLARS, af.NEED_FIELDS):
                if m[f] and need:
                    pillars[p] += s * m[f] / need
    out["total_funding_need_eur"] = sum(needs)
    out["total_funding_available_eur"] = sum(avail)
    out["total_funding_shortfall_eur"] = sum(short)
    out["shortfall_by_pillar"] = pillars
    out["n"] = {"pct_digitised": len(pct), "weighted_pct_digitised": len(both), "objects_to_digitise": len(todo),
                "funding_need": len(needs), "funding_available": len(avail), "funding_shortfall": len(short)}
    return out


@pytest.mark.parametrize("case", CASES)
def test_hand_worked_figures_follow_from_the_canonical_values(case):
    canonical = af.CANONICAL_FR if case == "fr" else af.CANONICAL_DE
    bad = summary_mismatches(_worked(canonical), EXPECTED[case])
    assert not bad, "\n".join(bad)
    assert sum(EXPECTED[case]["shortfall_by_pillar"].values()) == pytest.approx(
        EXPECTED[case]["total_funding_shortfall_eur"])


# ====================================================================================================
# Loading the files
# ====================================================================================================
def _load(con, tmp_path, case: str) -> dict:
    writer = af.FILES[case][0]
    return load_file(con, writer(tmp_path), wave=af.WAVE, user="test")


def _problems(result: dict) -> str:
    lines = [f"status={result.get('status')} rows={result.get('rows')}"]
    for m in result.get("mapping") or []:
        lines.append(f"mapping: {m.get('column')!r} -> {m.get('field')} ({m.get('how')}, {m.get('confidence')})")
    for kind in ("errors", "warnings"):
        for e in result.get(kind) or []:
            lines.append(f"{kind[:-1]}: [{e.get('rule')}] {e.get('column')!r} = {e.get('value')!r}: "
                         f"{e.get('message')}")
    lines.append(f"unmapped: {result.get('unmapped_columns')}")
    lines.append(f"dropped personal data: {result.get('dropped_personal_data_columns')}")
    return "\n".join(lines)


def _rows(con) -> dict[str, dict]:
    """current_responses keyed by museum_name (the name is what the file writes; the id is generated and
    compared as one field among the others)."""
    cur = con.execute(f"SELECT museum_id_generated, {', '.join(SCHEMA_NAMES)} FROM current_responses")
    names = ["museum_id_generated", *SCHEMA_NAMES]
    return {r[names.index("museum_name")]: dict(zip(names, r)) for r in cur.fetchall()}


def _compare(field: str, got, want) -> str | None:
    """None when equal, else the difference (floats approx; ints and bools exact in type and value)."""
    if want is None:
        return None if got is None else f"expected NULL, got {got!r}"
    if got is None:
        return f"expected {want!r}, got NULL"
    kind = schema.FIELDS_BY_NAME[field].kind
    if kind in FLOAT_KINDS:
        ok = not isinstance(got, bool) and isinstance(got, (int, float)) and got == pytest.approx(want)
    elif kind == schema.INT:
        ok = not isinstance(got, bool) and isinstance(got, int) and got == want
    elif kind == schema.BOOL:
        ok = isinstance(got, bool) and got is want
    else:
        ok = got == want
    return None if ok else f"expected {want!r}, got {got!r}"


@pytest.mark.parametrize("case", CASES)
def test_file_commits_eight_rows(con, tmp_path, case):
    result = _load(con, tmp_path, case)
    assert result["status"] == "committed", _problems(result)
    assert result["rows"] == 8, _problems(result)
    assert con.execute("SELECT count(*) FROM current_responses").fetchone()[0] == 8, _problems(result)


@pytest.mark.parametrize("case", CASES)
def test_stored_values_equal_the_canonical_values(con, tmp_path, case):
    """Field by field, every museum: current_responses holds exactly the canonical answer."""
    result = _load(con, tmp_path, case)
    canonical = af.FILES[case][1]
    rows = _rows(con)
    assert sorted(rows) == sorted(m["museum_name"] for m in canonical), _problems(result)
    diffs = []
    for m in canonical:
        got = rows[m["museum_name"]]
        if got["survey_wave"] != af.WAVE:
            diffs.append(f"{m['museum_id']}.survey_wave: expected {af.WAVE!r}, got {got['survey_wave']!r}")
        if got["museum_id_generated"] is not True:
            diffs.append(f"{m['museum_id']}: museum_id_generated should be recorded as True")
        for field, want in m.items():
            d = _compare(field, got[field], want)
            if d:
                diffs.append(f"{m['museum_id']}.{field}: {d}")
    assert not diffs, f"{len(diffs)} stored value(s) differ:\n" + "\n".join(diffs) + "\n" + _problems(result)


@pytest.mark.parametrize("case", CASES)
def test_unanswered_fields_stay_null(con, tmp_path, case):
    """Nothing in the file answers the other schema fields: the town, the remarks, the personal columns
    and the total row must not end up in any of them."""
    result = _load(con, tmp_path, case)
    canonical = af.FILES[case][1]
    rows = _rows(con)
    filled = []
    for m in canonical:
        got = rows.get(m["museum_name"])
        if got is None:
            continue
        for field in SCHEMA_NAMES:
            if field not in m and field != "survey_wave" and got[field] is not None:
                filled.append(f"{m['museum_id']}.{field} = {got[field]!r}")
    assert rows, _problems(result)
    assert not filled, "fields the file does not answer were filled:\n" + "\n".join(filled) + "\n" + \
        _problems(result)


def _text_cells(con, sql: str) -> list[str]:
    return [str(v) for row in con.execute(sql).fetchall() for v in row if v is not None]


@pytest.mark.parametrize("case", CASES)
def test_no_personal_data_in_current_responses(con, tmp_path, case):
    result = _load(con, tmp_path, case)
    personal = af.FILES[case][2]
    cells = _text_cells(con, "SELECT * FROM current_responses")
    assert cells, _problems(result)
    found = sorted({p for p in personal for c in cells if p in c})
    assert not found, f"personal data stored in current_responses: {found}"
    assert not [c for c in cells if "@" in c], "an e-mail-like value is stored in current_responses"


@pytest.mark.parametrize("case", CASES)
def test_no_personal_data_anywhere_in_the_store(con, tmp_path, case):
    """Not in any table of the store either (responses, uploads and the report kept with them...)."""
    _load(con, tmp_path, case)
    personal = af.FILES[case][2]
    tables = con.execute("SELECT schema_name, table_name FROM duckdb_tables() WHERE NOT internal").fetchall()
    found = set()
    for schema_name, table in tables:
        for c in _text_cells(con, f'SELECT * FROM "{schema_name}"."{table}"'):
            found |= {f"{table}: {p}" for p in personal if p in c}
    assert not found, f"personal data stored: {sorted(found)}"


@pytest.mark.parametrize("case", CASES)
def test_personal_columns_are_reported_as_dropped(con, tmp_path, case):
    result = _load(con, tmp_path, case)
    headings = af.FILES[case][3]
    dropped = [str(c) for c in result.get("dropped_personal_data_columns") or []]
    missing = [h for h in headings if not any(h in c for c in dropped)]
    assert not missing, f"not reported as dropped personal data: {missing}\n{_problems(result)}"


@pytest.mark.parametrize("case", CASES)
def test_summary_matches_hand_figures(con, tmp_path, case):
    result = _load(con, tmp_path, case)
    assert result["status"] == "committed", _problems(result)
    got = summary(con, wave=af.WAVE)
    bad = summary_mismatches(got, EXPECTED[case])
    assert not bad, "summary differs from the hand-worked figures:\n" + "\n".join(bad) + "\n" + _problems(result)
