"""The generated template: what a museum fills in, and what comes back out unchanged."""

import datetime as dt

import openpyxl
import pytest

from analysis import schema
from analysis.figures import unit_costs
from analysis.docs import data_dictionary_markdown
from analysis.loading.upload import load_file
from analysis.export.template import write_template
from tests.conftest import ROOT

FILLED = {
    "survey_wave": "2025", "reference_date": dt.date(2025, 8, 31), "museum_id": "M0965", "museum_name": "Musée X",
    "country": "FR", "museum_type": "art", "ownership": "regional_local_authority", "accredited": True,
    "annual_visits": 120_000, "collection_objects": 40_000, "pct_digitised": 35.5, "pct_no_need_digitise": 20,
    "pct_digitised_3d": 1.5, "pct_online": 12, "pct_online_open": 50, "pct_online_restricted": 30,
    "pct_online_rights_unknown": 20, "has_digital_strategy": "written", "metadata_standards": "lido;edm",
    "roles_present": "digital_collections_curator", "skill_safety": 3, "skill_ai_literacy": 2,
    "staff_paid_fte": 40, "staff_fte_digital": 2.5, "digital_budget_available_eur": 150_000,
    "need_infrastructure_eur": 300_000, "need_training_eur": 25_000, "ai_status": "pilot",
    "main_obstacles": "money;staff_time",
}


def test_blank_template_has_every_field_dropdowns_and_number_checks(tmp_path):
    path = tmp_path / "template.xlsx"
    write_template(path)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Instructions", "Survey", "Lists"]
    assert wb["Lists"].sheet_state == "hidden"
    survey = wb["Survey"]
    headers = [c.value for c in survey[1]]
    assert headers == [f.header for f in schema.FIELDS]
    rules = {str(dv.sqref).split(":")[0]: dv for dv in survey.data_validations.dataValidation}
    letter = {f.name: openpyxl.utils.get_column_letter(i) for i, f in enumerate(schema.FIELDS, start=1)}
    assert rules[f"{letter['museum_type']}2"].type == "list"
    assert rules[f"{letter['accredited']}2"].formula1 == '"yes,no"'
    pct = rules[f"{letter['pct_digitised']}2"]
    assert (pct.type, pct.formula1, pct.formula2) == ("decimal", "0", "100")


def test_filled_template_round_trips_with_zero_warnings(con, tmp_path):
    import pandas as pd

    path = tmp_path / "filled.xlsx"
    write_template(path, pd.DataFrame([FILLED]))
    result = load_file(con, path)
    assert (result["status"], result["rows"], result["warnings"], result["errors"]) == ("committed", 1, [], [])
    assert result["unmapped_columns"] == []
    stored = dict(zip(FILLED, con.execute(f"SELECT {', '.join(FILLED)} FROM current_responses").fetchall()[0]))
    for name, expected in FILLED.items():
        assert stored[name] == pytest.approx(expected) if isinstance(expected, float) else stored[name] == expected, name


def test_committed_data_dictionary_is_generated_from_the_schema():
    assert (ROOT / "docs" / "data-dictionary.md").read_text(encoding="utf-8") == data_dictionary_markdown()


def test_bundled_sample_is_the_seeded_generator_output_and_loads_cleanly(con):
    from analysis.loading.sample import generate_sample

    expected = generate_sample()                      # the defaults `make sample` uses
    result = load_file(con, ROOT / "data" / "sample_survey.xlsx")
    # The cost model's plausibility flags (analysis.figures.unit_costs) are the only warnings: the generator draws needs from
    # budgets, not from collection sizes, so some museums' needs are far from the modelled cost.
    others = [w for w in result["warnings"] if w["rule"] != unit_costs.RULE]
    assert (result["status"], result["rows"], result["errors"], others) == ("committed", len(expected), [], [])
    assert len(result["warnings"]) == unit_costs.ROWS_LISTED + 1           # the first flagged rows, then a count
    stored = con.execute("SELECT survey_wave, count(*), avg(pct_digitised), sum(need_training_eur) "
                         "FROM current_responses GROUP BY ALL ORDER BY 1").fetchall()
    by_wave = expected.groupby("survey_wave").agg(n=("museum_id", "size"), pct=("pct_digitised", "mean"),
                                                   training=("need_training_eur", "sum"))
    assert [(w, n, pytest.approx(p), pytest.approx(t)) for w, (n, p, t) in by_wave.iterrows()] == stored
