"""The synthetic survey (analysis.loading.sample): deterministic, realistic in shape, and valid under every schema rule."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pycountry
import pytest

from analysis import schema
from analysis.loading.sample import NAME_SLOTS, NAME_TEMPLATES, TOWNS, generate_sample


@pytest.fixture(scope="module")
def df() -> pd.DataFrame:
    return generate_sample()


@pytest.fixture(scope="module")
def museums(df) -> pd.DataFrame:
    """One row per museum (its first wave)."""
    return df.drop_duplicates("museum_id")


def num(frame: pd.DataFrame, name: str) -> pd.Series:
    return frame[name].astype("float64")


# --- determinism and shape ----------------------------------------------------------------------------

def test_same_seed_gives_identical_frame(df):
    pd.testing.assert_frame_equal(df, generate_sample())


def test_different_seed_gives_different_frame(df):
    other = generate_sample(seed=7)
    assert not df.equals(other)
    assert not np.allclose(num(df, "pct_digitised").head(100), num(other, "pct_digitised").head(100))


def test_every_schema_field_is_a_column_in_schema_order(df):
    assert list(df.columns) == [f.name for f in schema.FIELDS]


def test_dtypes_follow_field_kinds(df):
    expected = {schema.INT: "Int64", schema.DECIMAL: "Float64", schema.PERCENT: "Float64",
                schema.MONEY: "Float64", schema.BOOL: "boolean"}
    for f in schema.FIELDS:
        if f.kind in expected:
            assert str(df[f.name].dtype) == expected[f.kind], f.name
    assert all(isinstance(d, dt.date) and d == dt.date(int(w), 8, 31)
               for d, w in zip(df["reference_date"], df["survey_wave"]))


def test_museum_count_follows_the_argument():
    small = generate_sample(museums=120, seed=3)
    assert small["museum_id"].nunique() == 120


# --- frame: museums, countries, waves -----------------------------------------------------------------

def test_at_least_600_museums_in_25_countries_with_8_each(museums):
    assert museums["museum_id"].nunique() >= 600
    counts = museums["country"].value_counts()
    assert len(counts) >= 25
    assert counts.min() >= 8
    assert counts.idxmax() == "DE"                         # EGMUS: Germany has by far the most museums


def test_country_codes_are_iso_alpha2(df):
    for code in df["country"].unique():
        assert pycountry.countries.get(alpha_2=code) is not None, code


def test_two_waves_with_a_panel(df):
    assert set(df["survey_wave"]) == {"2023", "2025"}
    waves = df.groupby("museum_id")["survey_wave"].nunique()
    assert 0.30 <= (waves == 2).mean() <= 0.50
    assert not df.duplicated(["museum_id", "survey_wave"]).any()


def test_museum_identity_is_stable_and_names_unique_within_country(df, museums):
    assert (df.groupby("museum_id")[["museum_name", "country", "museum_type"]].nunique() == 1).all().all()
    assert not museums.duplicated(["country", "museum_name"]).any()
    assert museums["museum_id"].str.match(r"^[A-Z]{2}-\d{4}$").all()
    assert (museums["museum_id"].str[:2] == museums["country"]).all()


def test_required_fields_and_some_answers_on_every_row(df):
    for name in ("museum_name", "country", "survey_wave", "museum_id", "reference_date"):
        assert df[name].notna().all(), name
    answered = df[["pct_digitised", "digital_budget_available_eur"]].notna().any(axis=1)
    assert answered.all()


def test_some_item_nonresponse_but_not_much(df):
    optional = ["pct_no_need_digitise", "annual_visits", "staff_paid_fte", "skill_info_data", "ai_status",
                "digital_budget_available_eur", "need_training_eur"]
    for name in optional:
        share = df[name].isna().mean()
        assert 0.005 < share < 0.15, (name, share)


def test_name_templates_cover_every_museum_type_and_country():
    assert set(NAME_SLOTS) == set(schema.FIELDS_BY_NAME["museum_type"].codes)
    for lang, text in NAME_TEMPLATES.items():
        assert len(text.split("|")) == len(NAME_SLOTS), lang
        assert all("{t}" in t for group in text.split("|") for t in group.split("/")), lang
    for country, groups in TOWNS.items():
        assert all(lang in NAME_TEMPLATES for lang, _ in groups), country


# --- calibration ------------------------------------------------------------------------------------

def test_sizes_are_skewed_like_mapping_museums(museums):
    visits = num(museums, "annual_visits").dropna()
    assert (visits < 10_000).mean() > 0.50
    assert (visits >= 1_000_000).mean() < 0.02
    assert ((visits >= 10_000) & (visits < 100_000)).mean() > 0.15
    assert ((visits >= 100_000) & (visits < 1_000_000)).mean() > 0.05


def test_staff_and_collections_grow_with_size(museums):
    band = pd.cut(num(museums, "annual_visits"), [0, 1e4, 1e5, 1e6, np.inf])
    staff = num(museums, "staff_paid_fte").groupby(band, observed=True).median()
    objects = num(museums, "collection_objects").groupby(band, observed=True).median()
    assert staff.is_monotonic_increasing and staff.iloc[0] < 3 <= staff.iloc[1]
    assert objects.iloc[:3].is_monotonic_increasing
    both = museums[["annual_visits", "collection_objects"]].astype("float64").dropna()
    assert both.corr(method="spearman").iloc[0, 1] > 0.3


def test_mean_digitised_near_enumerate_and_rising(df):
    means = df.groupby("survey_wave")["pct_digitised"].mean()
    assert all(15 <= v <= 35 for v in means)
    assert means["2025"] > means["2023"]
    panel = df.pivot_table(index="museum_id", columns="survey_wave", values="pct_digitised").dropna()
    change = (panel["2025"] - panel["2023"]).astype("float64")
    assert change.mean() >= 1 and change.mean() <= 10                       # the same museums progress a few points
    assert (change >= 0).mean() > 0.9
    weighted = (num(df, "pct_digitised") * num(df, "collection_objects")).sum() / num(
        df, "collection_objects")[df["pct_digitised"].notna()].sum()
    assert 10 <= weighted <= 30                         # ENUMERATE: ~20% of all collections digitised


def test_online_is_less_than_half_of_digitised_on_average(df):
    assert num(df, "pct_online").mean() < 0.5 * num(df, "pct_digitised").mean()
    assert 40 <= num(df, "pct_catalogued_db").mean() <= 75
    assert 0 < num(df, "pct_digitised_3d").mean() < 5


def test_rights_backlog_is_sizable(df):
    assert num(df, "pct_online_rights_unknown").mean() > 25


def test_written_strategy_near_enumerate(df):
    written = (df.loc[df["survey_wave"] == "2023", "has_digital_strategy"] == "written").mean()
    assert 0.30 <= written <= 0.50


def test_ai_mostly_none_or_exploring(df):
    early = df["ai_status"].isin(["none", "exploring"]).sum() / df["ai_status"].notna().sum()
    assert early > 0.6
    assert df["ai_use_cases"][df["ai_status"] == "none"].isna().all()


def test_digital_staff_share_near_enumerate(df):
    rows = df[["staff_fte_digital", "staff_paid_fte"]].astype("float64").dropna()
    assert 0.02 <= rows["staff_fte_digital"].sum() / rows["staff_paid_fte"].sum() <= 0.06


def test_immovable_heritage_mostly_for_monuments(df):
    others = ~df["museum_type"].isin(["monument_site", "archaeology"])
    assert (num(df, "immovable_at_risk_n")[others].fillna(0) == 0).all()
    assert (num(df, "immovable_at_risk_n")[df["museum_type"] == "monument_site"] > 0).mean() > 0.5


def test_most_museums_with_both_answers_have_a_shortfall(df):
    need = df[list(schema.NEED_FIELDS.values())].astype("float64").sum(axis=1, min_count=1)
    horizon = num(df, "funding_horizon_years").fillna(2030 - df["survey_wave"].astype(int))
    available = num(df, "digital_budget_available_eur") * horizon
    known = need.notna() & available.notna()
    assert known.sum() > 500
    shortfall = need[known] > available[known]
    assert shortfall.mean() >= 0.70
    assert not shortfall.all()                            # some museums are fully funded


def test_money_is_rounded(df):
    for f in schema.FIELDS:
        if f.kind == schema.MONEY:
            values = num(df, f.name).dropna()
            assert (values == values.round()).all(), f.name


# --- validation rules (survey-schema.md) ------------------------------------------------------------

def test_ranges_and_whole_numbers(df):
    for f in schema.FIELDS:
        if f.kind not in schema.NUMERIC_KINDS:
            continue
        values = num(df, f.name).dropna()
        lo = 0 if f.kind == schema.PERCENT else f.minimum
        hi = 100 if f.kind == schema.PERCENT else f.maximum
        if lo is not None:
            assert (values >= lo).all(), f.name
        if hi is not None:
            assert (values <= hi).all(), f.name
        if f.kind == schema.INT:
            assert (values == values.round()).all(), f.name


def test_cross_field_rules_hold_on_every_row(df):
    d = num(df, "pct_digitised")
    assert not (d + num(df, "pct_no_need_digitise") > 100).any()
    assert not (num(df, "pct_digitised_3d") > d).any()
    assert not (num(df, "pct_online") > d).any()                            # a warning in the validator
    assert not (num(df, "pct_in_europeana_dataspace") > num(df, "pct_online")).any()
    assert not (num(df, "staff_fte_digital") > num(df, "staff_paid_fte")).any()
    assert not (num(df, "staff_fte_data_ai") > num(df, "staff_fte_digital")).any()
    for total in ("immovable_at_risk", "immovable_most_visited"):
        assert not (num(df, f"{total}_3d_n") > num(df, f"{total}_n")).any()


def test_rights_shares_sum_to_exactly_100_when_present(df):
    rights = df[["pct_online_open", "pct_online_restricted", "pct_online_rights_unknown"]].astype("float64")
    present = rights.notna().all(axis=1)
    assert present.mean() > 0.5
    assert (rights[present].sum(axis=1) == 100).all()
    assert (rights.notna().sum(axis=1).isin([0, 3])).all()                # answered together or not at all


def test_enum_and_multi_values_are_schema_codes(df):
    for f in schema.FIELDS:
        if f.kind == schema.ENUM:
            assert set(df[f.name].dropna()) <= set(f.codes), f.name
        elif f.kind == schema.MULTI:
            cells = df[f.name].dropna()
            assert len(cells), f.name
            for cell in cells.unique():
                codes = cell.split(";")
                assert set(codes) <= set(f.codes), (f.name, cell)
                assert codes == sorted(set(codes), key=f.codes.index), (f.name, cell)   # loader's order
                if "none" in codes:
                    assert codes == ["none"], (f.name, cell)


def test_no_percent_column_looks_like_fractions(df):
    """The loader reads a column whose answers are all between 0 and 1 as fractions, with a warning."""
    for wave, rows in df.groupby("survey_wave"):
        for f in schema.FIELDS:
            if f.kind == schema.PERCENT:
                assert num(rows, f.name).max() > 1, (wave, f.name)


def test_loads_through_the_real_pipeline_with_no_error_or_warning(df):
    from analysis.parsing.sheets import parse_upload

    parsed = parse_upload(df.to_csv(index=False).encode("utf-8"), "sample.csv")
    assert parsed.report.errors == []
    assert parsed.report.warnings == []
    assert len(parsed.frame) == len(df)
    assert parsed.frame["museum_id_generated"].sum() == 0
