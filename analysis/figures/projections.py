"""An investment scenario (analysis.figures.scenarios) projected beyond the museums that answered: the same rule
and sum shared among every museum of the population frame, with 95 % intervals (analysis.figures.weights), and the
share of collections digitised by the horizon with and without the scenario's money (analysis.figures.unit_costs);
both as the command line's JSON.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis import limits
from analysis.figures import unit_costs, weights
from analysis.figures.filters import Filters
from analysis.figures.scenarios import (ASSUMPTIONS, DEFAULT_RULE, PILLARS, RULE_TEXT, SHORTFALLS, Scenario, allocate,
                                        by_group, by_pillar, pillar_weights, rule_name, shortfall_arrays)
from analysis.i18n import N_, _


# --- extrapolated to the population frame ------------------------------------------------------------------
@dataclass(frozen=True)
class FrameScenario:
    """The scenario shared among all museums of the frame: per country and for all countries with a frame
    (scope 'ALL'), N museums, the museums that answered and could be weighted (n), museums with a gap and fully
    funded, shortfall and closed (EUR), each with its 95 % interval; `note` says which countries are in it."""

    table: pd.DataFrame
    note: str
    unallocated_eur: float


def frame_reason(filters: Filters) -> str:
    """Why the scenario cannot be extrapolated to the frame under these filters ('' when it can): the frame counts
    every museum of a country, so only a wave and countries may be chosen."""
    narrowed = [_(name) for name, on in ((N_("museum type"), filters.museum_types), (N_("size"), filters.size_bands),
                                         (N_("ownership"), filters.ownership),
                                         (N_("accreditation"), filters.accredited is not None)) if on]
    if not narrowed:
        return ""
    return _("the population frame counts every museum of a country, so figures for all museums need these filters "
             "cleared: {filters}").format(filters=", ".join(narrowed))


def extrapolation(museums: pd.DataFrame, population: pd.DataFrame, filters: Filters, budget_eur: float,
                  rule: str = DEFAULT_RULE, weights_by_pillar=None) -> tuple[FrameScenario | None, str]:
    """The scenario shared among every museum of the frame (`frame_scenario`), or None and why not, in words."""
    if reason := frame_reason(filters):
        return None, reason
    frame = frame_scenario(museums, population, budget_eur, rule, weights_by_pillar)
    return frame, "" if frame is not None else _("no country in view can be weighted")


def frame_scenario(museums: pd.DataFrame, population: pd.DataFrame, budget_eur: float, rule: str = DEFAULT_RULE,
                   weights_by_pillar=None) -> FrameScenario | None:
    """The same rule and sum shared among every museum of the population frame of the countries in view, each
    museum that answered standing for its stratum (`frame_size_band`, the register's size band where it is in
    one); None when no country can be weighted."""
    known = museums.loc[museums["funding_shortfall_eur"].notna(),
                        ["row", "country", "frame_size_band", "funding_shortfall_eur", *SHORTFALLS]
                        ].reset_index(drop=True)
    data = pd.DataFrame({"country": known["country"].astype(object),
                         "size_band": known["frame_size_band"].astype(object)})
    weighting = weights.post_strata(population, weights.cells(data))
    stratum = weighting.key_of(data)
    kept = stratum.notna().to_numpy()
    if not kept.any():
        return None
    w = stratum[kept].map(weighting.strata.set_index("key")["weight"]).to_numpy(float)
    S, P = shortfall_arrays(known[kept])
    done = allocate(S, P, budget_eur, rule, pillar_weights(weights_by_pillar), weight=w,
                    key=known.loc[kept, "row"].to_numpy())
    rows = data[kept].assign(funded_pct=100 * done.funded, gap_pct=100.0 * (S > 0), closed_eur=done.given,
                             shortfall_eur=S)
    est = {column: weights.estimate_by_country(population, weights.cells(rows, column), bounds=bounds)
           .set_index("scope") for column, bounds in (("funded_pct", (0.0, 100.0)), ("gap_pct", (0.0, 100.0)),
                                  ("closed_eur", (0.0, math.inf)), ("shortfall_eur", (0.0, math.inf)))}
    f, g, c, t = est["funded_pct"], est["gap_pct"], est["closed_eur"], est["shortfall_eur"]
    table = pd.DataFrame({
        "N": f["N"], "n": f["n_weighted"],
        "museums_funded": f["total"] / 100, "funded_lo": f["total_lo"] / 100,
        "funded_hi": np.minimum(f["total_hi"] / 100, f["N"]),
        "funded_share_pct": f["weighted_mean"], "funded_share_lo": f["lo"], "funded_share_hi": f["hi"],
        "museums_with_gap": g["total"] / 100, "gap_lo": g["total_lo"] / 100,
        "gap_hi": np.minimum(g["total_hi"] / 100, g["N"]),
        "closed_eur": c["total"], "closed_lo": c["total_lo"], "closed_hi": c["total_hi"],
        "shortfall_eur": t["total"], "shortfall_lo": t["total_lo"], "shortfall_hi": t["total_hi"]}).reset_index()
    table = table[table["N"].notna()].reset_index(drop=True)
    # All countries together the sum is spent in full unless the frame's whole shortfall is smaller: what is
    # uncertain is that shortfall, so the interval of the money closed follows from its interval.
    every = table["scope"] == weights.ALL
    table.loc[every, "closed_eur"] = budget_eur - done.unallocated
    table.loc[every, "closed_lo"] = np.minimum(budget_eur, table.loc[every, "shortfall_lo"])
    table.loc[every, "closed_hi"] = np.minimum(budget_eur, table.loc[every, "shortfall_hi"])
    return FrameScenario(table, str(f.loc[weights.ALL, "note"]) if weights.ALL in f.index else "", done.unallocated)


# --- the digitisation outlook ----------------------------------------------------------------------------
def outlook(museums: pd.DataFrame, countries: pd.DataFrame, s: Scenario, costs: pd.DataFrame) -> pd.DataFrame:
    """Per country (and 'ALL'), collection-weighted over the museums that gave their share digitised and their
    collection size (`museums`: metrics.digitisation_inputs; `countries`: metrics.outlook_base): the share digitised
    now; projected to the horizon at the yearly progress museums with an earlier answer report (n_pace >=
    SUPPRESS_BELOW_N), never above the share that needs digitising; the extra points the scenario's money to the
    digitisation pillars buys at the cost model's unit costs; and the 2030 target in force. Countries with n <
    SUPPRESS_BELOW_N are suppressed."""
    base = museums[(museums["collection_objects"] > 0) & museums["pct_digitised"].notna()]
    to_digitisation = [f"allocated_{p}_eur" for p in unit_costs.DIGITISATION_PILLARS]
    money = pd.Series(s.museums[to_digitisation].sum(axis=1).to_numpy(), index=s.museums["row"].to_numpy())
    spend = base["row"].map(money).fillna(0.0)
    paid = base[spend > 0]                           # the cost model only where money goes: the rest buys nothing
    modelled = unit_costs.model(paid, costs)
    unit = (1 - modelled["share_3d_pct"] / 100) * modelled["cost_2d_eur"] + \
        modelled["share_3d_pct"] / 100 * modelled["cost_3d_eur"]
    extra = np.minimum(paid["objects_to_digitise"].fillna(0.0), spend[paid.index] / unit)
    bought = pd.DataFrame({"country": base["country"].astype(object), "money_eur": spend,
                           "extra_objects": extra.reindex(base.index, fill_value=0.0)}).groupby("country").sum()
    bought.loc[weights.ALL] = bought.sum()
    frame = countries.set_index("country").join(bought).fillna(
        {"money_eur": 0.0, "extra_objects": 0.0}).reset_index()
    year = frame["reference_year"].astype(float)
    frame["years"] = np.maximum(0, s.horizon - year.fillna(s.horizon).to_numpy())
    frame["now_pct"] = frame["digitised"] / frame["objects"]
    frame["ceiling_pct"] = 100 - frame["no_need"] / frame["objects"]
    frame["pace_pp"] = frame["pace"] / frame["paced_objects"].where(frame["n_pace"] > 0)
    # a negative pace projects no loss; never above the share that needs digitising
    projected = np.minimum(frame["ceiling_pct"], np.maximum(frame["now_pct"],
                                                            frame["now_pct"] + frame["pace_pp"] * frame["years"]))
    frame["projected_pct"] = projected.where(frame["n_pace"] >= limits.SUPPRESS_BELOW_N)
    frame["extra_pp"] = 100 * frame["extra_objects"] / frame["objects"]
    frame["with_money_pct"] = np.minimum(frame["ceiling_pct"],
                                         frame["projected_pct"].fillna(frame["now_pct"]) + frame["extra_pp"])
    frame["target_pct"] = frame["target"] / frame["targeted_objects"].where(frame["targeted_objects"] > 0)
    frame = frame[["country", "n", "now_pct", "n_pace", "pace_pp", "years", "projected_pct", "money_eur",
                   "extra_objects", "extra_pp", "with_money_pct", "ceiling_pct", "target_pct"]]
    frame["suppressed"] = frame["n"] < limits.SUPPRESS_BELOW_N
    values = ["now_pct", "pace_pp", "projected_pct", "money_eur", "extra_objects", "extra_pp", "with_money_pct",
              "ceiling_pct", "target_pct"]
    frame[values] = frame[values].astype(float)
    frame.loc[frame["suppressed"], values] = None
    return frame


def outlook_assumptions(horizon: int) -> list[str]:
    """The outlook's assumptions in the current language."""
    return [
        _("Projection to {year}: the share digitised now (collection-weighted) plus the yearly progress reported "
          "by the museums of the country that answered an earlier wave (collection-weighted, at least {min} "
          "museums), times the years from the wave to {year}; never below the share now, never above the share "
          "that needs digitising.").format(year=horizon, min=limits.SUPPRESS_BELOW_N),
        _("The scenario's money buys objects only through the digitisation pillars (equipment, qualified staff, data "
          "and metadata), at each museum's unit cost in the cost model, up to the objects it still has to digitise; "
          "it comes on top of the pace reported, which museums' own budgets pay for."),
        _("Targets: the collection-digitisation target for 2030 in force (Admin → Targets), collection-weighted."),
    ]


# --- the command line's JSON ------------------------------------------------------------------------------
def _num(value) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def as_json(s: Scenario, frame: FrameScenario | None, frame_reason: str = "") -> dict:
    """What `python -m analysis scenario --json` prints: totals, per pillar and per country (n < SUPPRESS_BELOW_N suppressed),
    and the frame estimates with their 95 % intervals when the scope allows them."""
    countries = by_group(s, "country")
    out = {
        "budget_eur": s.budget_eur, "rule": s.rule, "rule_label": rule_name(s.rule),
        "pillar_weights": dict(zip(PILLARS, map(float, s.omega))) if s.rule == "pillars" else None,
        "respondents": s.respondents, "museums_with_need_and_budget": s.n, "museums_with_gap": s.with_gap,
        "museums_fully_funded": s.funded,
        "share_fully_funded_pct": 100 * s.funded / s.with_gap if s.with_gap else None,
        "shortfall_total_eur": s.total_eur, "shortfall_closed_eur": s.closed_eur,
        "shortfall_closed_pct": 100 * s.closed_eur / s.total_eur if s.total_eur else None,
        "shortfall_remaining_eur": s.remaining_eur, "unallocated_eur": s.unallocated_eur,
        "by_pillar": {r.pillar: {"shortfall_eur": _num(r.shortfall_eur), "closed_eur": _num(r.closed_eur),
                                 "remaining_eur": _num(r.remaining_eur)} for r in by_pillar(s).itertuples()},
        "by_country": {r.group: {"n": int(r.n), "museums_with_gap": _num(r.museums_with_gap),
                                 "museums_fully_funded": _num(r.museums_funded),
                                 "shortfall_total_eur": _num(r.shortfall_eur),
                                 "shortfall_closed_eur": _num(r.closed_eur),
                                 "shortfall_remaining_eur": _num(r.remaining_eur), "suppressed": bool(r.suppressed)}
                       for r in countries.sort_values("group").itertuples()},
        "notes": {"rule": _(RULE_TEXT[s.rule]), "assumptions": list(ASSUMPTIONS),
                  "suppressed": f"countries with fewer than {limits.SUPPRESS_BELOW_N} museums with need and budget "
                                "have their figures left out (null)"},
    }
    if frame is None:
        out["frame"] = {"available": False, "reason": frame_reason}
    else:
        def scope(r) -> dict:
            return {"museums_in_frame": _num(r.N), "museums_weighted": int(r.n),
                    "museums_fully_funded": _num(r.museums_funded),
                    "museums_fully_funded_95ci": [_num(r.funded_lo), _num(r.funded_hi)],
                    "museums_with_gap": _num(r.museums_with_gap),
                    "shortfall_total_eur": _num(r.shortfall_eur),
                    "shortfall_total_95ci": [_num(r.shortfall_lo), _num(r.shortfall_hi)],
                    "shortfall_closed_eur": _num(r.closed_eur),
                    "shortfall_closed_95ci": [_num(r.closed_lo), _num(r.closed_hi)]}
        rows = frame.table.set_index("scope")
        out["frame"] = {"available": True, "note": frame.note, "unallocated_eur": frame.unallocated_eur,
                        **(scope(rows.loc[weights.ALL]) if weights.ALL in rows.index else {}),
                        "by_country": {c: scope(r)
                                       for c, r in rows.drop(index=weights.ALL, errors="ignore").iterrows()}}
    return out
