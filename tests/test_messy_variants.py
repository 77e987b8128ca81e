"""The same hand-worked survey, written clean and messy, must store exactly the same values.

Fixtures: tests/messy_fixtures.py (6 museums, 3 countries, wave 2025, generated in code).
The expected aggregates below are worked out by hand, not taken from the code under test.
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

try:  # pytest's rootdir-relative import (tests/ is not a package) ...
    import messy_fixtures as fx
except ImportError:  # ... or tests/ became a package
    from tests import messy_fixtures as fx

from analysis.figures.metrics import summary
from analysis.loading.upload import load_file
from analysis.store import open_store
from tests.conftest import summary_mismatches

ROOT = Path(__file__).resolve().parents[1]

FLOAT_FIELDS = {
    "pct_digitised", "pct_no_need_digitise", "pct_online", "staff_paid_fte", "staff_fte_digital",
    "digital_budget_available_eur", *fx.NEED_FIELDS,
}
INT_FIELDS = {"annual_visits", "collection_objects", "funding_horizon_years"}
MULTI_FIELDS = {"metadata_standards"}

# ----------------------------------------------------------------------------------------------------
# Hand-worked expected figures (wave 2025, so the default horizon is 2030 - 2025 = 5 years).
#
# museum | pct  | objects | budget    | horizon | available  | need (sum of answered needs)       | shortfall
# DE01   | 30   | 200 000 |   100 000 | 5 (def) |    500 000 | 400k+200k+200k+100k+0+100k = 1 000 000 |   500 000 (1/2 of need)
# DE02   | 45.5 |  20 000 |    50 000 | 4       |    200 000 | 100k+100k+50k+50k+50k+50k  =   400 000 |   200 000 (1/2)
# FR01   | 60   | 500 000 | 1 200 000 | 5 (def) |  6 000 000 | 3M+1.5M+3M+1.5M+1.5M+1.5M  = 12 000 000 | 6 000 000 (1/2)
# FR02   | 10   |  80 000 |    10 000 | 5 (def) |     50 000 | 10k+10k+_+5k+_+5k          =    30 000 |         0 (need < available)
# NL01   | 50   | 200 000 |   200 000 | 2       |    400 000 | 200k+200k+200k+100k+100k+0 =   800 000 |   400 000 (1/2)
# NL02   | 14.5 |    -    |     -     | 5 (def) |     NULL   | 40k+20k                    =    60 000 |      NULL (budget blank)
#
# respondents = 6, countries = 3 (DE, FR, NL)
# mean_pct_digitised = (30 + 45.5 + 60 + 10 + 50 + 14.5) / 6 = 210 / 6 = 35.0
# weighted_pct_digitised (museums with pct AND objects: NL02 has no objects, so 5 museums)
#   sum(objects)       = 200 000 + 20 000 + 500 000 + 80 000 + 200 000 = 1 000 000
#   sum(pct x objects) = 30*200 000 + 45.5*20 000 + 60*500 000 + 10*80 000 + 50*200 000
#                      = 6 000 000 + 910 000 + 30 000 000 + 800 000 + 10 000 000 = 47 710 000
#   weighted = 47 710 000 / 1 000 000 = 47.71
# total_funding_need_eur      = 1 000 000 + 400 000 + 12 000 000 + 30 000 + 800 000 + 60 000 = 14 290 000 (n=6)
# total_funding_available_eur = 500 000 + 200 000 + 6 000 000 + 50 000 + 400 000              =  7 150 000 (n=5)
# total_funding_shortfall_eur = 500 000 + 200 000 + 6 000 000 + 0 + 400 000                    =  7 100 000 (n=5)
#
# per pillar = shortfall x need_pillar / need  (ratio 1/2 for DE01, DE02, FR01, NL01; FR02 shortfall 0;
#              NL02 shortfall NULL, so it adds nothing)
#   pillar              DE01      DE02     FR01       FR02  NL01      total
#   infrastructure      200 000   50 000   1 500 000  0     100 000   1 850 000
#   equipment           100 000   50 000     750 000  0     100 000   1 000 000
#   human_resources     100 000   25 000   1 500 000  0     100 000   1 725 000
#   data_metadata        50 000   25 000     750 000  0      50 000     875 000
#   copyright_clearance       0   25 000     750 000  0      50 000     825 000
#   training             50 000   25 000     750 000  0           0     825 000
#   (check: 1 850 000 + 1 000 000 + 1 725 000 + 875 000 + 825 000 + 825 000 = 7 100 000 = total shortfall)
# ----------------------------------------------------------------------------------------------------
EXPECTED_SUMMARY = {
    "respondents": 6,
    "countries": 3,
    "mean_pct_digitised": 35.0,
    "weighted_pct_digitised": 47.71,
    "total_funding_need_eur": 14_290_000.0,
    "total_funding_available_eur": 7_150_000.0,
    "total_funding_shortfall_eur": 7_100_000.0,
    "shortfall_by_pillar": {
        "infrastructure": 1_850_000.0,
        "equipment": 1_000_000.0,
        "human_resources": 1_725_000.0,
        "data_metadata": 875_000.0,
        "copyright_clearance": 825_000.0,
        "training": 825_000.0,
    },
}

VARIANT_NAMES = list(fx.VARIANTS)


# --- helpers ----------------------------------------------------------------------------------------
def _load(tmp_path: Path, variant: str):
    src = tmp_path / "src"
    src.mkdir()
    path = fx.VARIANTS[variant](src)
    con = open_store(str(tmp_path / "survey.duckdb"))
    result = load_file(con, path, wave=fx.WAVE, user="test")
    return con, path, result


def _problems(result: dict) -> str:
    """Errors and warnings in a readable form for assertion messages."""
    lines = []
    for kind in ("errors", "warnings"):
        for e in result.get(kind) or []:
            lines.append(f"{kind[:-1]}: {e}")
    extra = {k: v for k, v in result.items() if k not in ("errors", "warnings")}
    return "\n".join([f"result: {extra}", *lines])


def _stored_rows(con) -> list[dict]:
    cols = ", ".join(fx.COLUMNS)
    cur = con.execute(
        f"SELECT {cols}, survey_wave FROM current_responses ORDER BY museum_id"
    )
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur.fetchall()]


def _compare(field: str, got, want) -> str | None:
    """None when equal, else a description of the difference."""
    if want is None:
        return None if got is None else f"expected NULL, got {got!r}"
    if got is None:
        return f"expected {want!r}, got NULL"
    if field in MULTI_FIELDS:
        # ';'-joined codes; the order of the codes is not specified, so compare the sets.
        got_items = str(got).split(";")
        if sorted(got_items) != sorted(want.split(";")) or len(set(got_items)) != len(got_items):
            return f"expected {want!r}, got {got!r}"
        return None
    if field in FLOAT_FIELDS:
        if isinstance(got, bool) or not isinstance(got, (int, float)) or got != pytest.approx(want):
            return f"expected {want!r}, got {got!r}"
        return None
    if field in INT_FIELDS:
        if isinstance(got, bool) or not isinstance(got, (int, float)) or got != want:
            return f"expected {want!r}, got {got!r}"
        return None
    if field == "accredited":
        return None if got is want else f"expected {want!r}, got {got!r}"
    return None if got == want else f"expected {want!r}, got {got!r}"


def _all_text_in_db(con) -> str:
    """Every table's column names and values, as text (to look for personal data)."""
    out = []
    tables = con.execute(
        "SELECT schema_name, table_name FROM duckdb_tables() WHERE NOT internal"
    ).fetchall()
    for schema, table in tables:
        cur = con.execute(f'SELECT * FROM "{schema}"."{table}"')
        out.append(" ".join(d[0] for d in cur.description))
        for row in cur.fetchall():
            out.append(" ".join("" if v is None else str(v) for v in row))
    return "\n".join(out)


# --- the fixture itself -----------------------------------------------------------------------------
def test_canonical_fixture_is_consistent():
    """The hand-worked data obeys the schema's cross-field rules and uses real field names."""
    assert len(fx.CANONICAL) == 6
    assert {m["country"] for m in fx.CANONICAL} == {"DE", "FR", "NL"}
    assert [m["museum_id"] for m in fx.CANONICAL] == sorted(m["museum_id"] for m in fx.CANONICAL)
    for m in fx.CANONICAL:
        assert set(m) == set(fx.COLUMNS)
        if m["pct_digitised"] is not None and m["pct_no_need_digitise"] is not None:
            assert m["pct_digitised"] + m["pct_no_need_digitise"] <= 100
        if m["staff_fte_digital"] is not None:
            assert m["staff_fte_digital"] <= m["staff_paid_fte"]
        if m["pct_online"] is not None:
            assert m["pct_online"] <= m["pct_digitised"]  # no warning expected
    from analysis import schema

    names = {f.name for f in schema.FIELDS}
    assert set(fx.COLUMNS) <= names
    assert set(fx.NEED_FIELDS) == set(schema.NEED_FIELDS.values())


@pytest.mark.parametrize("variant", VARIANT_NAMES)
def test_fixture_files_are_generated(tmp_path, variant):
    path = fx.VARIANTS[variant](tmp_path)
    assert path.exists() and path.stat().st_size > 0
    if variant == "csv_semicolon_cp1252":
        raw = path.read_bytes()
        assert "Écomusée".encode("cp1252") in raw and b"\x80" in raw  # cp1252 É and €
        with pytest.raises(UnicodeDecodeError):
            raw.decode("utf-8")


# --- loading every variant stores exactly the canonical values ---------------------------------------
@pytest.mark.parametrize("variant", VARIANT_NAMES)
def test_variant_commits_six_rows(tmp_path, variant):
    con, _, result = _load(tmp_path, variant)
    try:
        assert result["status"] == "committed", _problems(result)
        assert result["rows"] == 6, _problems(result)
        assert not result.get("errors"), _problems(result)
    finally:
        con.close()


@pytest.mark.parametrize("variant", VARIANT_NAMES)
def test_variant_stores_canonical_values(tmp_path, variant):
    con, _, result = _load(tmp_path, variant)
    try:
        assert result["status"] == "committed", _problems(result)
        rows = _stored_rows(con)
    finally:
        con.close()
    assert [r["museum_id"] for r in rows] == [m["museum_id"] for m in fx.CANONICAL], _problems(result)
    diffs = []
    for got, want in zip(rows, fx.CANONICAL):
        assert got["survey_wave"] == fx.WAVE
        for field in fx.COLUMNS:
            d = _compare(field, got[field], want[field])
            if d:
                diffs.append(f"{want['museum_id']}.{field}: {d}")
    assert not diffs, f"[{variant}] stored values differ:\n" + "\n".join(diffs) + "\n" + _problems(result)


@pytest.mark.parametrize("variant", VARIANT_NAMES)
def test_variant_stores_typed_columns(tmp_path, variant):
    """Percent/money/FTE are DOUBLE, booleans BOOLEAN, in the stored table."""
    con, _, result = _load(tmp_path, variant)
    try:
        types = dict(con.execute(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'responses'"
        ).fetchall())
    finally:
        con.close()
    for f in FLOAT_FIELDS:
        assert types.get(f) == "DOUBLE", (f, types.get(f))
    assert types.get("accredited") == "BOOLEAN"


@pytest.mark.parametrize("variant", sorted(fx.VARIANTS_WITH_EMAIL))
def test_no_personal_data_stored(tmp_path, variant):
    con, _, result = _load(tmp_path, variant)
    try:
        assert result["status"] == "committed", _problems(result)
        columns = [c[0].lower() for c in con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'responses'"
        ).fetchall()]
        everything = _all_text_in_db(con)
    finally:
        con.close()
    assert not [c for c in columns if "mail" in c or "courriel" in c], columns
    for address in fx.EMAILS.values():
        assert address not in everything
    assert "@" not in everything, "an e-mail-like value is stored somewhere"


@pytest.mark.parametrize("variant", sorted(fx.VARIANTS_WITH_EMAIL))
def test_report_mentions_dropped_personal_data(tmp_path, variant):
    con, _, result = _load(tmp_path, variant)
    try:
        uploads = _all_text_in_db(con)  # the uploads row keeps the warnings as JSON
    finally:
        con.close()
    report = json.dumps({k: v for k, v in result.items() if k != "file"}, ensure_ascii=False, default=str)
    header = fx.VARIANTS_WITH_EMAIL[variant]
    assert header.lower() in report.lower() or header.lower() in uploads.lower(), (
        f"the dropped personal-data column {header!r} is not mentioned in the report:\n{_problems(result)}"
    )
    for address in fx.EMAILS.values():
        assert address not in report, "the report echoes an e-mail address"


@pytest.mark.parametrize("variant", sorted(fx.VARIANTS_WITH_TOTAL_ROW))
def test_report_mentions_skipped_total_row(tmp_path, variant):
    con, _, result = _load(tmp_path, variant)
    con.close()
    report = json.dumps({k: v for k, v in result.items() if k != "file"}, ensure_ascii=False, default=str)
    word = fx.VARIANTS_WITH_TOTAL_ROW[variant].lower()
    assert word in report.lower() or "total" in report.lower(), (
        f"the skipped {word!r} row is not mentioned in the report:\n{_problems(result)}"
    )


# --- aggregates ---------------------------------------------------------------------------------------
def test_summary_clean_matches_hand_figures(tmp_path):
    con, _, result = _load(tmp_path, "clean")
    try:
        assert result["status"] == "committed", _problems(result)
        got = summary(con, wave=fx.WAVE)
    finally:
        con.close()
    bad = summary_mismatches(got, EXPECTED_SUMMARY)
    assert not bad, "summary differs from the hand-worked figures:\n" + "\n".join(bad) + f"\n{got}"


@pytest.mark.parametrize("variant", [v for v in VARIANT_NAMES if v != "clean"])
def test_summary_messy_matches_hand_figures(tmp_path, variant):
    con, _, result = _load(tmp_path, variant)
    try:
        assert result["status"] == "committed", _problems(result)
        got = summary(con, wave=fx.WAVE)
    finally:
        con.close()
    bad = summary_mismatches(got, EXPECTED_SUMMARY)
    assert not bad, f"[{variant}] summary differs:\n" + "\n".join(bad) + f"\n{got}"


def test_summary_country_filter_hand_figures(tmp_path):
    """FR only: FR01 + FR02. mean (60+10)/2 = 35; weighted (60*500k + 10*80k)/580k = 30.8M/580k;
    need 12 000 000 + 30 000 = 12 030 000; available 6 000 000 + 50 000 = 6 050 000;
    shortfall 6 000 000 + 0 = 6 000 000."""
    con, _, result = _load(tmp_path, "clean")
    try:
        assert result["status"] == "committed", _problems(result)
        got = summary(con, wave=fx.WAVE, countries=["FR"])
    finally:
        con.close()
    want = {
        "respondents": 2, "countries": 1, "mean_pct_digitised": 35.0,
        "weighted_pct_digitised": 30_800_000 / 580_000,
        "total_funding_need_eur": 12_030_000.0, "total_funding_available_eur": 6_050_000.0,
        "total_funding_shortfall_eur": 6_000_000.0,
        "shortfall_by_pillar": {"infrastructure": 1_500_000.0, "equipment": 750_000.0,
                                "human_resources": 1_500_000.0, "data_metadata": 750_000.0,
                                "copyright_clearance": 750_000.0, "training": 750_000.0},
    }
    bad = summary_mismatches(got, want)
    assert not bad, "\n".join(bad) + f"\n{got}"


def test_museum_metrics_per_museum(tmp_path):
    """The per-museum derived figures of the hand-worked table above."""
    con, _, result = _load(tmp_path, "clean")
    try:
        assert result["status"] == "committed", _problems(result)
        rows = con.execute(
            "SELECT museum_id, funding_need_eur, funding_available_horizon_eur, funding_shortfall_eur "
            "FROM museum_metrics ORDER BY museum_id"
        ).fetchall()
    finally:
        con.close()
    want = [
        ("DE01", 1_000_000, 500_000, 500_000),
        ("DE02", 400_000, 200_000, 200_000),
        ("FR01", 12_000_000, 6_000_000, 6_000_000),
        ("FR02", 30_000, 50_000, 0),
        ("NL01", 800_000, 400_000, 400_000),
        ("NL02", 60_000, None, None),
    ]
    assert len(rows) == len(want)
    for g, w in zip(rows, want):
        assert g[0] == w[0]
        for gv, wv in zip(g[1:], w[1:]):
            assert (gv is None and wv is None) or (gv is not None and wv is not None
                                                     and gv == pytest.approx(wv)), (g, w)


# --- the CLI ------------------------------------------------------------------------------------------
def test_cli_load_and_summary_clean(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    path = fx.write_clean(src)
    db = tmp_path / "cli.duckdb"
    load = subprocess.run(
        [sys.executable, "-m", "analysis", "load", str(path), "--db", str(db), "--wave", fx.WAVE,
         "--user", "test", "--json"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert load.returncode == 0, load.stdout + load.stderr
    files = json.loads(load.stdout)["files"]
    assert len(files) == 1 and files[0]["status"] == "committed" and files[0]["rows"] == 6, files
    summ = subprocess.run(
        [sys.executable, "-m", "analysis", "summary", "--db", str(db), "--wave", fx.WAVE, "--json"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert summ.returncode == 0, summ.stdout + summ.stderr
    got = json.loads(summ.stdout)
    bad = summary_mismatches(got, EXPECTED_SUMMARY)
    assert not bad, "\n".join(bad) + f"\n{got}"
    assert not any(isinstance(v, float) and math.isnan(v) for v in got.values() if not isinstance(v, dict))
