"""Survey-tool exports, loaded as they come, must store exactly the hand-worked answers.

Requirement: "Load the exports of online survey tools as they come" - the analyst downloads the responses
from EUSurvey, SurveyMonkey, Google Forms, Microsoft Forms, LimeSurvey, Qualtrics or KoboToolbox and loads
the file unchanged. Fixtures: tests/survey_tools.py (5 museums, 3 countries, wave 2025, one writer per
tool). The same answers typed into the canonical template are the reference ("template" case).

Every expected figure below is worked out by hand, not taken from the code under test. Known loader
problems are marked xfail(strict=True) per (check, case) in KNOWN_PROBLEMS, each with the loader step
that seems responsible; a fix makes the xfail pass, and strict=True then asks for its removal.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

try:  # pytest's rootdir-relative import (tests/ is not a package) ...
    import survey_tools as st
except ImportError:  # ... or tests/ became a package
    from tests import survey_tools as st

from analysis import schema
from analysis.figures.metrics import summary
from analysis.loading.upload import load_file
from analysis.schema import header_key
from analysis.store import open_store
from tests.conftest import assert_allowed_values, expected_museum_id, summary_mismatches

TOOL_CASES = list(st.EXPORTS)
ALL_CASES = [*TOOL_CASES, "template"]

FLOAT_KINDS = {schema.PERCENT, schema.MONEY, schema.DECIMAL}

# ----------------------------------------------------------------------------------------------------
# Hand-worked expected figures (wave 2025: every horizon is blank, so 2030 - 2025 = 5 years).
#
# museum            | pct  | objects   | budget  | available | need (sum of the needs answered)        | shortfall
#                   |      |           |         | budget x 5|                                         | max(0, need - av.)
# AT-kunstsammlung  | 72   |    50 000 | 120 000 |   600 000 | 200k+100k+150k+50k+25k+25k =   550 000  |       0
# AT-stadtmuseum    | 37.5 |    12 000 |  15 000 |    75 000 | 40k+30k+_+20k+_+10k        =   100 000  |  25 000 (1/4)
# BE-musee-royal    | 15   | 1 200 000 | 250 000 | 1 250 000 | 800k+400k+400k+240k+0+160k = 2 000 000  | 750 000 (3/8)
# PT-museu-ciencia  | 55   |     8 000 |  40 000 |   200 000 | 50k+80k+60k+20k+10k+30k    =   250 000  |  50 000 (1/5)
# PT-museu-etnograf | 8    |    30 000 |    -    |      NULL | 60k+40k                    =   100 000  |    NULL (no budget)
#
# respondents = 5, countries = 3 (AT, BE, PT)
# mean_pct_digitised = (72 + 37.5 + 15 + 55 + 8) / 5 = 187.5 / 5 = 37.5
# weighted_pct_digitised (all 5 answered pct and objects)
#   sum(objects)       = 50 000 + 12 000 + 1 200 000 + 8 000 + 30 000 = 1 300 000
#   sum(pct x objects) = 72*50 000 + 37.5*12 000 + 15*1 200 000 + 55*8 000 + 8*30 000
#                      = 3 600 000 + 450 000 + 18 000 000 + 440 000 + 240 000 = 22 730 000
#   weighted = 22 730 000 / 1 300 000 = 17.4846...
# total_funding_need_eur      = 550 000 + 100 000 + 2 000 000 + 250 000 + 100 000 = 3 000 000 (n=5)
# total_funding_available_eur = 600 000 +  75 000 + 1 250 000 + 200 000           = 2 125 000 (n=4)
# total_funding_shortfall_eur =       0 +  25 000 +   750 000 +  50 000           =   825 000 (n=4)
#
# per pillar = shortfall x need_pillar / need (AT-kunst shortfall 0; PT-etno shortfall NULL: nothing)
#   pillar              AT-stadt (1/4)  BE (3/8)   PT-ciencia (1/5)  total
#   infrastructure      10 000          300 000    10 000            320 000
#   equipment            7 500          150 000    16 000            173 500
#   human_resources      - (blank)      150 000    12 000            162 000
#   data_metadata        5 000           90 000     4 000             99 000
#   copyright_clearance  - (blank)            0     2 000              2 000
#   training             2 500           60 000     6 000             68 500
#   (check: 320 000 + 173 500 + 162 000 + 99 000 + 2 000 + 68 500 = 825 000 = total shortfall)
# ----------------------------------------------------------------------------------------------------
EXPECTED_SUMMARY = {
    "respondents": 5,
    "countries": 3,
    "mean_pct_digitised": 37.5,
    "weighted_pct_digitised": 22_730_000 / 1_300_000,
    "total_funding_need_eur": 3_000_000.0,
    "total_funding_available_eur": 2_125_000.0,
    "total_funding_shortfall_eur": 825_000.0,
    "shortfall_by_pillar": {
        "infrastructure": 320_000.0,
        "equipment": 173_500.0,
        "human_resources": 162_000.0,
        "data_metadata": 99_000.0,
        "copyright_clearance": 2_000.0,
        "training": 68_500.0,
    },
    "n": {"pct_digitised": 5, "weighted_pct_digitised": 5, "funding_need": 5, "funding_available": 4,
          "funding_shortfall": 4},
}
EXPECTED_PER_MUSEUM = [   # museum_id, funding_need_eur, funding_available_horizon_eur, funding_shortfall_eur
    ("AT-kunstsammlung-ennstal", 550_000, 600_000, 0),
    ("AT-stadtmuseum-alte-muhle-kremsau", 100_000, 75_000, 25_000),
    ("BE-musee-royal-d-histoire-naturelle-de-valmont", 2_000_000, 1_250_000, 750_000),
    ("PT-museu-de-ciencia-e-tecnica-do-norte", 250_000, 200_000, 50_000),
    ("PT-museu-etnografico-da-ribeira", 100_000, None, None),
]

# Known loader problems would be listed here as {(check, case) or ("value", case, field): reason}, each
# marked xfail(strict=True) so that a fix turns it red until the entry is removed. None are open.
KNOWN_PROBLEMS: dict[tuple, str] = {}


def _params(check: str, cases=TOOL_CASES) -> list:
    out = []
    for case in cases:
        why = KNOWN_PROBLEMS.get((check, case))
        out.append(pytest.param(case, id=case, marks=[pytest.mark.xfail(strict=True, reason=why)] if why else []))
    return out


def _value_params() -> list:
    out = []
    for case in ALL_CASES:
        for field in ("museum_id", *st.ASKED):
            why = KNOWN_PROBLEMS.get(("value", case, field))
            out.append(pytest.param(case, field, id=f"{case}-{field}",
                                    marks=[pytest.mark.xfail(strict=True, reason=why)] if why else []))
    return out


# ----------------------------------------------------------------------------------------------------
# Loading: each file is written and loaded ONCE per test session into its own fresh DuckDB store.
# ----------------------------------------------------------------------------------------------------
@dataclass
class Loaded:
    path: Path
    result: dict
    rows: dict[str, dict]          # museum_id -> every schema field, from current_responses
    stored_text: str               # every value of every table (responses, uploads incl. report JSON)
    summary: dict | None
    per_museum: list[tuple]


_LOADED: dict[str, Loaded] = {}


def _all_text_in_db(con) -> str:
    out = []
    tables = con.execute("SELECT schema_name, table_name FROM duckdb_tables() WHERE NOT internal").fetchall()
    for schema_name, table in tables:
        cur = con.execute(f'SELECT * FROM "{schema_name}"."{table}"')
        out.append(" ".join(d[0] for d in cur.description))
        for row in cur.fetchall():
            out.append(" | ".join("" if v is None else str(v) for v in row))
    return "\n".join(out)


@pytest.fixture(scope="module")
def load(tmp_path_factory):
    def get(case: str) -> Loaded:
        if case not in _LOADED:
            d = tmp_path_factory.mktemp(case)
            writer = st.write_template if case == "template" else st.EXPORTS[case].writer
            path = writer(d)
            con = open_store(str(d / "store.duckdb"))
            try:
                result = load_file(con, path, wave=st.WAVE, user="test")
                names = [f.name for f in schema.FIELDS]
                cur = con.execute(f"SELECT {', '.join(names)} FROM current_responses")
                rows = {r[names.index("museum_id")]: dict(zip(names, r)) for r in cur.fetchall()}
                committed = result["status"] == "committed"
                got_summary = summary(con, wave=st.WAVE) if committed else None
                per_museum = con.execute(
                    "SELECT museum_id, funding_need_eur, funding_available_horizon_eur, funding_shortfall_eur "
                    "FROM museum_metrics ORDER BY museum_id").fetchall() if committed else []
                _LOADED[case] = Loaded(path, result, rows, _all_text_in_db(con), got_summary, per_museum)
            finally:
                con.close()
        return _LOADED[case]
    return get


def _problems(result: dict) -> str:
    lines = [f"status={result.get('status')} rows={result.get('rows')} tool={result.get('survey_tool')}"]
    for kind in ("errors", "warnings"):
        for e in result.get(kind) or []:
            lines.append(f"{kind[:-1]}: [{e.get('rule')}] {e.get('column')!r} = {e.get('value')!r}: {e.get('message')}")
    lines.append(f"unmapped: {result.get('unmapped_columns')}")
    return "\n".join(lines)


def _compare(field: str, got, want) -> str | None:
    """None when equal, else the difference. Floats approx; multi-selects as sets of codes."""
    if want is None:
        return None if got is None else f"expected NULL, got {got!r}"
    if got is None:
        return f"expected {want!r}, got NULL"
    f = schema.FIELDS_BY_NAME[field]
    if f.kind == schema.MULTI:
        items = str(got).split(";")
        ok = set(items) == set(want.split(";")) and len(set(items)) == len(items)
        return None if ok else f"expected {{{want}}}, got {{{got}}}"
    if f.kind in FLOAT_KINDS:
        ok = not isinstance(got, bool) and isinstance(got, (int, float)) and got == pytest.approx(want)
        return None if ok else f"expected {want!r}, got {got!r}"
    if f.kind == schema.INT:
        ok = not isinstance(got, bool) and isinstance(got, int) and got == want
        return None if ok else f"expected {want!r}, got {got!r}"
    return None if got == want else f"expected {want!r}, got {got!r}"


def _listed(names: tuple[str, ...], columns: list[str]) -> bool:
    """One of the spellings of a column among the reported columns (two header rows are joined by ' / ')."""
    keys = {header_key(n) for n in names}
    return any(keys & ({header_key(c)} | {header_key(part) for part in c.split(" / ")}) for c in columns)


# Alternative spellings of a metadata / personal column: the header row the loader chooses may be the
# export tag row or the label row (Qualtrics).
_QT_ALIASES = {a: (a, b) for a, b, _ in st.QT_META}


def _spellings(name: str, case: str) -> tuple[str, ...]:
    return _QT_ALIASES.get(name, (name,)) if case == "qualtrics" else (name,)


# ====================================================================================================
# The fixture itself
# ====================================================================================================
def test_canonical_answers_are_consistent():
    assert len(st.CANONICAL) == 5
    assert {m["country"] for m in st.CANONICAL} == {"AT", "BE", "PT"}
    assert [m["museum_id"] for m in st.CANONICAL] == sorted(m["museum_id"] for m in st.CANONICAL)
    assert sorted(st.SUBMITTED) == [m["museum_id"] for m in st.CANONICAL]
    for m in st.CANONICAL:
        assert set(m) == set(st.FIELDS)
        assert m["museum_id"] == expected_museum_id(m["country"], m["museum_name"])
        assert_allowed_values(m)
        if m["pct_online"] is not None:
            assert m["pct_online"] <= m["pct_digitised"]       # no pct_online > pct_digitised warning
    assert [m["museum_id"] for m in st.CANONICAL if "other" in m["metadata_standards"].split(";")] == \
        [st.OTHER_MUSEUM]
    assert set(st.NEED_FIELDS) == set(schema.NEED_FIELDS.values())


@pytest.mark.parametrize("case", TOOL_CASES)
def test_export_has_the_tools_telltales(tmp_path, case):
    """The written file looks like the tool's export (guards the fixture, not the loader)."""
    import csv
    import io

    import openpyxl

    path = st.EXPORTS[case].writer(tmp_path)
    assert path.exists() and path.stat().st_size > 0
    if path.suffix == ".xlsx":
        ws = openpyxl.load_workbook(path).active
        grid = [[("" if v is None else str(v)) for v in row] for row in ws.iter_rows(values_only=True)]
        raw = b""
    else:
        raw = path.read_bytes()
        text = raw.decode("utf-8-sig")
        delimiter = ";" if case == "kobo" else ","
        grid = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    emails = {p.email for p in st.PEOPLE.values()}
    flat = {c for row in grid for c in row}
    assert emails <= flat, "every export carries the respondents' e-mail addresses"
    if case.startswith("eusurvey"):
        assert grid[0][:1] == ["Alias"] and grid[1][:1] == ["Export Date"] and not any(grid[2])
        assert len(grid) == 4 + 5
        ui = st.EUSURVEY_UI["en" if case == "eusurvey" else "fr"]
        assert grid[3][-5:] == [ui["case"], ui["user"], ui["created"], ui["updated"], ui["languages"]]
        assert {r[-4] for r in grid[4:]} == emails                    # User name holds e-mail addresses
    elif case.startswith("surveymonkey"):
        assert grid[0][:9] == st.SM_META and grid[1][:9] == [""] * 9
        assert "Response" in grid[1] and "Open-Ended Response" in grid[1] and st.SM_OTHER in grid[1]
        assert grid[1].count("") == 9
        if case.endswith("csv"):
            assert raw.startswith(b"\xef\xbb\xbf") and raw.endswith(b"\r\n\r\n") and b'"Stadtmuseum ""Alte' in raw
    elif case == "qualtrics":
        assert raw.startswith(b"\xef\xbb\xbf") and raw.startswith(b'\xef\xbb\xbf"StartDate","EndDate"')
        assert grid[2][0].startswith('{"ImportId":') and all(c.startswith('{"ImportId":') for c in grid[2])
        assert "Q9_6_TEXT" in grid[0] and any(c.endswith(" - Selected Choice") for c in grid[1])
        assert "Dublin Core,Other (please specify)" in flat
    elif case.startswith("limesurvey"):
        assert not raw.startswith(b"\xef\xbb\xbf") and raw.startswith(b'"')
        if case == "limesurvey":
            assert grid[0][0] == "id. Response ID" and any(c.startswith("Q09[SQ001]. ") for c in grid[0])
        assert {"Yes", "No"} <= flat
    elif case == "google_forms":
        assert grid[0][:2] == ["Timestamp", "Email address"] and raw.startswith(b'"Timestamp"')
        assert "Dublin Core, museumdat" in flat
        assert sum(1 for c in grid[0] if c.endswith("]") and "[" in c) == 6
    elif case == "microsoft_forms":
        assert grid[0][:6] == ["ID", "Start time", "Completion time", "Email", "Name", "Last modified time"]
        assert "Dublin Core;museumdat;" in flat and "LIDO;EDM;" in flat
    elif case == "kobo":
        assert raw.startswith(b'"start";"end";') and b'"dublin_core other"' in raw
        assert {"at", "be", "pt"} <= flat and "_uuid" in grid[0] and "_submission_time" in grid[0]
        assert "group_digitisation/metadata_standards/lido" in grid[0]
    if case in ("surveymonkey_csv", "surveymonkey_xlsx", "google_forms"):
        assert " " in path.name and ("[" in path.name or "(" in path.name)    # file names as downloaded
    if case == "qualtrics":
        assert " " in path.name and "," in path.name


# ====================================================================================================
# Loading every export
# ====================================================================================================
@pytest.mark.parametrize("case", _params("commits", ALL_CASES))
def test_export_commits_five_rows(load, case):
    r = load(case).result
    assert r["status"] == "committed", _problems(r)
    assert r["rows"] == 5, _problems(r)
    assert not r["errors"], _problems(r)


@pytest.mark.parametrize("case", _params("tool_named"))
def test_export_names_the_tool(load, case):
    r = load(case).result
    assert set(r["survey_tool"].values()) == {st.EXPORTS[case].tool}, _problems(r)


def test_template_names_no_tool(load):
    assert load("template").result["survey_tool"] == {}


@pytest.mark.parametrize(("case", "field"), _value_params())
def test_stored_value(load, case, field):
    """Field by field, every museum: the value in current_responses equals the canonical answer."""
    loaded = load(case)
    assert sorted(loaded.rows) == [m["museum_id"] for m in st.CANONICAL], _problems(loaded.result)
    diffs = []
    for m in st.CANONICAL:
        got = loaded.rows[m["museum_id"]]
        assert got["survey_wave"] == st.WAVE
        d = _compare(field, got[field], m[field])
        if d:
            diffs.append(f"{m['museum_id']}.{field}: {d}")
    assert not diffs, "\n".join(diffs) + "\n" + _problems(loaded.result)


@pytest.mark.parametrize("case", _params("other_warning", ALL_CASES))
def test_other_answer_is_stored_as_other_with_a_warning(load, case):
    loaded = load(case)
    r = loaded.result
    assert r["status"] == "committed", _problems(r)
    assert "other" in loaded.rows[st.OTHER_MUSEUM]["metadata_standards"].split(";")
    others = [w for w in r["warnings"] if w["rule"] == "other_choice"]
    # Free text written in the answer itself (an 'Other (please specify)' option column, or typed into the
    # choice cell) is read as 'other' with a warning; an explicit 'Other' choice with its text in a separate
    # question (EUSurvey, Qualtrics _TEXT, Kobo *_other, the template code) is simply "other".
    if case in ("eusurvey", "eusurvey_fr", "kobo", "qualtrics", "template"):
        assert not others, _problems(r)
    else:
        assert others, _problems(r)
    assert not [e for e in r["errors"] if e["rule"] == "unknown_choice"], _problems(r)


@pytest.mark.parametrize("case", TOOL_CASES)
def test_no_personal_data_stored(load, case):
    """Names, e-mail addresses, IPs and coordinates appear nowhere in DuckDB nor in the returned report."""
    loaded = load(case)
    report = json.dumps(loaded.result, ensure_ascii=False, default=str)
    found_db = [s for s in st.personal_strings() if s in loaded.stored_text]
    found_report = [s for s in st.personal_strings() if s in report]
    assert not found_db, f"personal data stored in DuckDB: {found_db}"
    assert not found_report, f"personal data echoed in the load report: {found_report}"
    assert "@" not in loaded.stored_text, "an e-mail-like value is stored somewhere"


@pytest.mark.parametrize("case", _params("personal_reported"))
def test_personal_data_columns_are_dropped_and_listed(load, case):
    r = load(case).result
    dropped = r["dropped_personal_data_columns"]
    missing = [n for n in st.EXPORTS[case].personal if not _listed(_spellings(n, case), dropped)]
    assert not missing, f"not listed as dropped personal data: {missing}; listed: {dropped}\n{_problems(r)}"
    mapped = {m["column"] for m in r["mapping"]}
    assert not [n for n in st.EXPORTS[case].personal if _listed(_spellings(n, case), list(mapped))]


@pytest.mark.parametrize("case", _params("metadata_set_aside"))
def test_tool_metadata_set_aside_not_unmapped(load, case):
    r = load(case).result
    aside, unmapped = r["survey_tool_metadata_columns"], r["unmapped_columns"]
    names = st.EXPORTS[case].metadata
    not_listed = [n for n in names if not _listed(_spellings(n, case), aside)]
    called_unknown = [n for n in names if _listed(_spellings(n, case), unmapped)]
    assert not not_listed, f"metadata not listed as set aside: {not_listed}; listed: {aside}"
    assert not called_unknown, f"metadata listed as unknown columns: {called_unknown}"


@pytest.mark.parametrize("case", _params("summary", ALL_CASES))
def test_summary_matches_hand_figures(load, case):
    loaded = load(case)
    assert loaded.summary is not None, _problems(loaded.result)
    bad = summary_mismatches(loaded.summary, EXPECTED_SUMMARY)
    assert not bad, "summary differs from the hand-worked figures:\n" + "\n".join(bad)


def test_template_per_museum_funding_matches_hand_figures(load):
    loaded = load("template")
    assert len(loaded.per_museum) == len(EXPECTED_PER_MUSEUM)
    for got, want in zip(loaded.per_museum, EXPECTED_PER_MUSEUM):
        assert got[0] == want[0]
        for g, w in zip(got[1:], want[1:]):
            assert (g is None and w is None) or (g is not None and w is not None and g == pytest.approx(w)), (got, want)


@pytest.mark.parametrize("case", _params("same_as_template"))
def test_same_stored_values_as_the_template(load, case):
    """Every schema field of every museum equals what the canonical template stores."""
    tool, template = load(case), load("template")
    assert sorted(tool.rows) == sorted(template.rows), _problems(tool.result)
    diffs = []
    for mid, want_row in template.rows.items():
        for f in schema.FIELDS:
            d = _compare(f.name, tool.rows[mid][f.name], want_row[f.name])
            if d:
                diffs.append(f"{mid}.{f.name}: {d}")
    assert not diffs, "\n".join(diffs)


