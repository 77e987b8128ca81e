"""When a group may be called the highest, lowest, most or least (issue #22, "findings that hold").

Every expected interval is worked out by hand from tabulated values: Student's t(0.975, df) from a t table,
Wilson intervals from the textbook formula; titles from the figures in each hand-made frame.
"""

import pandas as pd
import pytest

from analysis import charts
from analysis.figures import findings
from analysis.figures.findings import RANK_MIN_N, Estimate, rank, stands_out

CAPTION = "caption"


def _title(fig) -> str:
    """The chart's own sentence: line breaks as spaces, without the subtitle."""
    return fig.layout.title.text.replace("<br>", " ").split(" <span")[0].split("<span")[0].strip()


# --- the interval of a mean: Student's t with the sample sd -------------------------------------------------
def test_mean_half_width_is_t_times_sd_over_root_n():
    # n = 20, sd 10: t(0.975, 19) = 2.093 (table) -> 2.093 x 10 / sqrt(20) = 2.093 x 2.2361 = 4.680
    assert Estimate.mean("A", 50.0, 20, 10.0).half_width == pytest.approx(4.680, abs=1e-3)
    # n = 5, sd 2: t(0.975, 4) = 2.776 -> 2.776 x 2 / sqrt(5) = 2.483
    assert Estimate.mean("B", 3.0, 5, 2.0).half_width == pytest.approx(2.483, abs=1e-3)
    # n = 30, sd 20: t(0.975, 29) = 2.045 -> 2.045 x 20 / sqrt(30) = 7.467
    assert Estimate.mean("C", 30.0, 30, 20.0).half_width == pytest.approx(7.467, abs=2e-3)


def test_mean_keeps_its_figures_and_has_no_interval_without_a_spread():
    e = Estimate.mean("Austria", 46, 12, 15.0)
    assert (e.name, e.value, e.n) == ("Austria", 46.0, 12)
    assert Estimate.mean("A", 50.0, 20, None).half_width is None
    assert Estimate.mean("A", 50.0, 20, float("nan")).half_width is None
    assert Estimate.mean("A", 50.0, 1, 10.0).half_width is None            # one answer: no sample sd
    assert Estimate.mean("A", 50.0, 20, 0.0).half_width == 0.0              # everyone gave the same answer


# --- the interval of a share: Wilson, as the larger distance from p to either end ------------------------
def test_share_half_width_is_the_farther_end_of_the_wilson_interval():
    # 50 of 100: Wilson 95 % interval 40.38 % to 59.62 % (symmetric at 50 %) -> 9.62 pp
    assert Estimate.share("A", 50.0, 100).half_width == pytest.approx(9.62, abs=0.01)
    # 5 of 50 (10 %): Wilson interval 4.35 % to 21.36 %; the upper end is farther: 21.36 - 10 = 11.36 pp
    assert Estimate.share("B", 10.0, 50).half_width == pytest.approx(11.36, abs=0.01)
    # 0 of 20: Wilson interval 0 % to 16.11 % (z^2/n / (1 + z^2/n) = 0.19208 / 1.19208) -> 16.11 pp
    assert Estimate.share("C", 0.0, 20).half_width == pytest.approx(16.11, abs=0.01)
    e = Estimate.share("Money", 80.0, 200)
    assert (e.name, e.value, e.n) == ("Money", 80.0, 200)


def test_total_has_no_interval():
    e = Estimate.total("Qualified staff", 6e6, 25)
    assert (e.name, e.value, e.n, e.half_width) == ("Qualified staff", 6e6, 25, None)


# --- stands_out ---------------------------------------------------------------------------------------------
def test_under_twenty_answers_never_stands_out():
    assert RANK_MIN_N == 20
    # 19 answers, 90 % against 10 % with tiny intervals: still not named
    few = Estimate("Denmark", 90.0, 19, 0.5)
    many = Estimate("France", 10.0, 300, 0.5)
    assert not stands_out(few, many)
    assert not stands_out(Estimate.share("A", 90.0, 19), Estimate.share("B", 10.0, 300))
    assert not stands_out(Estimate.total("A", 100e6, 19), Estimate.total("B", 1e6, 300))
    # the same figures on 20 answers do
    assert stands_out(Estimate("Denmark", 90.0, 20, 0.5), many)


def test_overlapping_intervals_do_not_stand_out_and_separated_ones_do():
    # n = 30, sd 10 each: half width t(0.975, 29) 2.045 x 10 / sqrt(30) = 3.734; together 7.47
    a = Estimate.mean("A", 50.0, 30, 10.0)
    assert not stands_out(a, Estimate.mean("B", 45.0, 30, 10.0))          # 5 apart < 7.47
    assert not stands_out(a, Estimate.mean("B", 43.0, 30, 10.0))          # 7 apart < 7.47
    assert stands_out(a, Estimate.mean("B", 42.0, 30, 10.0))              # 8 apart > 7.47
    assert stands_out(a, Estimate.mean("B", 40.0, 30, 10.0))
    # lower as well as higher: the gap is taken either way
    assert stands_out(Estimate.mean("B", 40.0, 30, 10.0), a)
    # shares: 80 % and 40 % of 200 (Wilson ends 6.1 and 6.9 pp away) stand out; 55 % and 50 % of 200 do not
    assert stands_out(Estimate.share("A", 80.0, 200), Estimate.share("B", 40.0, 200))
    assert not stands_out(Estimate.share("A", 55.0, 200), Estimate.share("B", 50.0, 200))


def test_totals_within_ten_percent_do_not_stand_out():
    # 10 % of the larger (100) is 10
    assert not stands_out(Estimate.total("A", 100.0, 25), Estimate.total("B", 91.0, 25))     # 9 apart
    assert not stands_out(Estimate.total("A", 100.0, 25), Estimate.total("B", 90.0, 25))     # 10: not more
    assert stands_out(Estimate.total("A", 100.0, 25), Estimate.total("B", 89.0, 25))         # 11 apart
    assert stands_out(Estimate.total("A", 6e6, 25), Estimate.total("B", 3e6, 25))


# --- rank -----------------------------------------------------------------------------------------------------
def test_rank_orders_from_highest_and_says_which_ends_hold():
    # AT 60 (n 40, sd 10: 2.023 x 10 / sqrt(40) = 3.20), BE 20 (n 30: 3.73), DE 22 (n 30: 3.73)
    r = rank([Estimate.mean("Belgium", 20.0, 30, 10.0), Estimate.mean("Austria", 60.0, 40, 10.0),
              Estimate.mean("Germany", 22.0, 30, 10.0)])
    assert [g.name for g in r.groups] == ["Austria", "Germany", "Belgium"]
    assert (r.top.name, r.bottom.name) == ("Austria", "Belgium")
    assert r.top_holds                       # 60 - 22 = 38 > 3.20 + 3.73
    assert not r.bottom_holds                # 22 - 20 = 2 < 3.73 + 3.73
    assert r.why_not() == "the differences are within sampling noise"


def test_why_not_names_too_few_answers_first():
    r = rank([Estimate.mean("Denmark", 46.0, 5, 20.0), Estimate.mean("France", 30.0, 200, 20.0)])
    assert not r.top_holds
    assert r.why_not() == "too few answers per group (under 20) to rank them"


def test_one_group_has_no_ranking():
    r = rank([Estimate.mean("France", 30.0, 400, 1.0)])
    assert r.top is r.bottom and not r.top_holds and not r.bottom_holds


# --- the complaints, as chart titles ---------------------------------------------------------------
def _countries(rows: list[tuple]) -> pd.DataFrame:
    """A `digitisation_by_country` frame from (country, n, mean, sd) rows; n < 5 suppressed."""
    frame = pd.DataFrame(rows, columns=["country", "n", "mean_pct_digitised", "sd"])
    frame["weighted_pct_digitised"] = frame["mean_pct_digitised"]
    frame["suppressed"] = frame["n"] < 5
    frame.loc[frame["suppressed"], ["mean_pct_digitised", "weighted_pct_digitised", "sd"]] = None
    return frame


def test_denmark_does_not_lead_on_five_answers():
    frame = _countries([("DK", 5, 46.0, 20.0), ("FR", 200, 30.0, 20.0), ("DE", 150, 25.0, 20.0)])
    title = _title(charts.digitisation_by_country(frame, CAPTION))
    assert "leads" not in title and "Denmark" not in title
    assert title.startswith("Country means range from 25 % to 46 % of collections digitised; too few answers per ")
    assert title.endswith("(under 20) to rank them")
    # even a lead of 60 points with a tight spread is not named on 5 answers
    frame = _countries([("DK", 5, 90.0, 2.0), ("FR", 200, 30.0, 20.0)])
    assert "leads" not in _title(charts.digitisation_by_country(frame, CAPTION))


def test_a_leader_that_stands_out_is_named():
    # DK n 60, sd 15: t(0.975, 59) 2.001 x 15 / sqrt(60) = 3.87; FR n 200, sd 20: 1.972 x 20 / sqrt(200) = 2.79
    # 46 - 30 = 16 > 6.66
    frame = _countries([("DK", 60, 46.0, 15.0), ("FR", 200, 30.0, 20.0), ("DE", 150, 25.0, 20.0)])
    assert _title(charts.digitisation_by_country(frame, CAPTION)) == (
        "Denmark leads with 46 % of collections digitised (n = 60)")
    # the same leader 4 points ahead (34 against 30) is within 6.66: no "leads"
    frame = _countries([("DK", 60, 34.0, 15.0), ("FR", 200, 30.0, 20.0), ("DE", 150, 25.0, 20.0)])
    title = _title(charts.digitisation_by_country(frame, CAPTION))
    assert title == ("Country means range from 25 % to 34 % of collections digitised; the differences are within "
                     "sampling noise")


def test_a_single_country_is_named_without_ranking_words():
    # only France has 5 or more answers (Denmark's 3 are suppressed)
    frame = _countries([("FR", 40, 30.0, 20.0), ("DK", 3, 46.0, 20.0)])
    fig = charts.digitisation_by_country(frame, CAPTION)
    title = _title(fig)
    assert title == "France: 30 % of collections digitised on average (n = 40)"
    assert "leads" not in title
    assert "1 country with fewer than 5 answers not shown" in fig.layout.title.text


def _infra(means: list[float], ns: list[int], sd: float) -> pd.DataFrame:
    """A `column_means` frame of the four infrastructure ratings (1–5)."""
    return pd.DataFrame({"field": ["infra_storage", "infra_compute_cloud", "infra_network", "infra_capture_equipment"],
                         "label": ["Storage is adequate", "Compute / cloud is adequate", "Network is adequate",
                                   "Capture equipment is adequate"],
                         "n": ns, "mean": means, "sd": sd, "median": [round(m) for m in means], "suppressed": False})


def test_infrastructure_ratings_within_noise_are_not_called_least_adequate():
    # 3.2, 3.0, 3.1, 3.1 with sd 1.0 on ~300 answers: compute 3.0 (n 300) has half width
    # t(0.975, 299) 1.968 x 1.0 / sqrt(300) = 0.114, the nearer 3.1 (n 310) 1.968 / sqrt(310) = 0.112:
    # 0.1 apart < 0.226
    fig = charts.infra_adequacy(_infra([3.2, 3.0, 3.1, 3.1], [290, 300, 310, 295], 1.0), CAPTION)
    title = _title(fig)
    assert "least adequate" not in title
    assert title == ("Infrastructure ratings range from 3.0 to 3.2 on a 1–5 scale; the differences are within "
                     "sampling noise")


def test_an_item_rated_clearly_lower_is_called_least_adequate():
    # compute at 2.0: 1.1 below the next (3.1), far more than 0.226
    fig = charts.infra_adequacy(_infra([3.2, 2.0, 3.1, 3.1], [290, 300, 310, 295], 1.0), CAPTION)
    assert _title(fig) == "Compute / cloud is rated least adequate: 2.0 on a 1–5 scale"


# --- the Overview's headline sentences -----------------------------------------------------------------------
def _summary(pillars: dict[str, float], n: int) -> dict:
    return {"n": {"pct_digitised": 0, "objects_to_digitise": 0, "funding_shortfall": n},
            "mean_pct_digitised": None, "weighted_pct_digitised": None, "objects_to_digitise": None,
            "total_funding_shortfall_eur": sum(pillars.values()), "total_funding_need_eur": 30e6,
            "shortfall_by_pillar": pillars}


NO_COUNTRIES = pd.DataFrame({"group": pd.Series([], dtype=str), "n": pd.Series([], dtype=int),
                             "mean": pd.Series([], dtype=float), "sd": pd.Series([], dtype=float),
                             "suppressed": pd.Series([], dtype=bool)})


def test_headline_names_the_largest_gap_only_when_it_holds():
    # 6 + 3 + 1 = 10 M on 30 museums; infrastructure 6 M is 3 M (> 0.6 M) ahead: 60 % of it
    [text] = findings.headline_findings(
        _summary({"infrastructure": 6e6, "human_resources": 3e6, "equipment": 1e6, "training": 0}, 30), NO_COUNTRIES)
    assert text == ("The funding shortfall to 2030 is **EUR 10.0 M** across 30 museums that gave needs and budgets; "
                    "the largest gap is **infrastructure** (60 % of it). Total need: EUR 30.0 M.")
    # 6 M against 5.8 M: 0.2 M apart, within 0.6 M; (6 + 5.8) / 12.8 = 92 %
    [text] = findings.headline_findings(
        _summary({"infrastructure": 6e6, "human_resources": 5.8e6, "equipment": 1e6}, 30), NO_COUNTRIES)
    assert text == ("The funding shortfall to 2030 is **EUR 12.8 M** across 30 museums that gave needs and budgets; "
                    "the two largest gaps are **infrastructure** and **qualified staff** "
                    "(92 % of it together). Total need: EUR 30.0 M.")


def test_headline_names_the_extreme_countries_only_when_both_hold():
    summary = {**_summary({}, 0), "total_funding_shortfall_eur": 0}
    # AT 60 (n 40, sd 10: 3.20), BE 20 (n 30, sd 10: 3.73): 40 apart
    held = pd.DataFrame({"group": ["AT", "BE"], "n": [40, 30], "mean": [60.0, 20.0], "sd": [10.0, 10.0],
                         "suppressed": [False, False]})
    assert findings.headline_findings(summary, held) == [
        "Digitisation ranges from **20 %** in Belgium to **60 %** in Austria (2 countries with at least 5 answers)."]
    few = held.assign(n=[6, 5])
    [text] = findings.headline_findings(summary, few)
    assert text.startswith("Country means range from 20 % to 60 % (2 countries with at least 5 answers), but too few "
                           "answers per ")
    assert text.endswith("(under 20) to rank them.") and "Austria" not in text and "Belgium" not in text
