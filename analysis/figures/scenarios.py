"""Investment scenarios: what a sum of money would achieve if it were shared out by a rule among the museums
whose funding shortfall is known (the shortfall and its split over the six pillars are museum_metrics columns;
nothing here redefines them).

Rules (the budget B, museum i's shortfall S_i, its pillar shortfalls S_ip):
- proportional: every museum gets B x S_i / sum(S), never more than S_i;
- smallest-first: museums in ascending order of shortfall are funded in full while the money lasts, and what is
  left goes to the next one (ties: the earlier answer, in the order answers were committed);
- equal: every museum gets the same amount, never more than its shortfall; what a museum does not need is shared
  equally among the others (so the budget is spent while any gap is left);
- pillars: the budget is split over the pillars in proportion to the chosen weights, never more than a pillar's
  total shortfall (what a pillar does not need goes to the others by their weights; a weight of 0 gets nothing);
  within a pillar, museums get shares in proportion to their shortfall in it.
A museum is fully funded when it gets its whole shortfall.

Every rule also runs with weights: respondent i then stands for w_i museums of the population frame (the
post-stratification weights of analysis.figures.weights), the budget is shared among all of them (the frame's
outcomes, with their 95 % intervals, and the digitisation outlook are in analysis.figures.projections). Everything is
vectorised: a scenario and its curve (CURVE_POINTS budgets x 4 rules) at 100,000 museums is a few sorts and
cumulative sums.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis import formats, i18n, limits, schema
from analysis.figures import definitions
from analysis.i18n import N_, _

RULES = {"proportional": N_("Proportional to shortfall"), "smallest-first": N_("Smallest shortfalls first"),
         "pillars": N_("Pillar priorities"), "equal": N_("Equal amount per museum")}
PILLARS = tuple(schema.PILLARS)
DEFAULT_RULE = "proportional"
DEFAULT_BUDGET_EUR = 50_000_000.0
DEFAULT_PILLAR_WEIGHTS = {"infrastructure": 1, "equipment": 1, "human_resources": 1, "data_metadata": 2,
                          "copyright_clearance": 1, "training": 2}      # skills and data first
CURVE_POINTS = 50
BREAKDOWNS = ("country", "museum_type", "size_band", "ownership")
_TOL = 1e-9                      # relative: sums of floats that should meet do so within this

# how a chart's finding names a rule (translated where shown): 'EUR 50 M {phrase} fully funds ...' and
# '... ; {instead} would fund ...'
RULE_PHRASE = {"proportional": N_("shared in proportion to shortfalls"),
               "smallest-first": N_("given to the smallest shortfalls first"),
               "pillars": N_("split by pillar priorities"), "equal": N_("shared equally")}
RULE_INSTEAD = {"proportional": N_("sharing in proportion to shortfalls"),
                "smallest-first": N_("giving to the smallest shortfalls first"),
                "pillars": N_("splitting by pillar priorities"), "equal": N_("sharing equally")}
RULE_TEXT = {
    "proportional": N_("every museum gets the sum times its share of the total shortfall"),
    "smallest-first": N_("museums are funded in full in ascending order of shortfall while the money lasts; what is "
                         "left goes to the next one"),
    "pillars": N_("the sum is split over the six pillars by the chosen weights (never more than a pillar's shortfall; "
                  "what a pillar does not need goes to the others), then within a pillar in proportion to museums' "
                  "shortfalls in it"),
    "equal": N_("every museum gets the same amount, never more than its shortfall; what a museum does not need is "
                "shared equally among the others"),
}
ASSUMPTION_TEXTS = (
    N_("Shortfall = {shortfall} per museum, {terms}, from the survey; split over the pillars in proportion to its "
       "needs; only museums that gave both needs and a budget take part."),
    N_("A museum is fully funded when it receives its whole shortfall; money is never given beyond a shortfall, and "
       "what no museum can use is reported as left over."),
    N_("Extrapolated figures share the sum among all museums of the population frame of the countries in view: "
       "each museum that answered stands for the museums of its country and size band (post-stratification), so "
       "95 % intervals cover sampling error, not museums choosing to answer."),
)
# in English, as the command line's JSON writes them
ASSUMPTIONS = tuple(text.format(shortfall=definitions.SHORTFALL, terms=definitions.SHORTFALL_TERMS)
                    for text in ASSUMPTION_TEXTS)


def assumptions() -> list[str]:
    """The scenario's assumptions in the current language."""
    return [_(text).format(shortfall=definitions.shortfall(), terms=definitions.shortfall_terms())
            for text in ASSUMPTION_TEXTS]


def rule_name(rule: str) -> str:
    if rule not in RULES:
        raise ValueError(f"unknown rule {rule!r}: choose one of {', '.join(RULES)}")
    return _(RULES[rule])


def pillar_weights(given: dict[str, float] | None) -> np.ndarray:
    """The six pillar weights in schema order (DEFAULT_PILLAR_WEIGHTS where not given); at least one above 0."""
    merged = {**DEFAULT_PILLAR_WEIGHTS, **(given or {})}
    unknown = set(merged) - set(PILLARS)
    if unknown:
        raise ValueError(f"unknown pillar {sorted(unknown)[0]!r}: choose among {', '.join(PILLARS)}")
    out = np.array([float(merged[p]) for p in PILLARS])
    if (out < 0).any() or not (out > 0).any():
        raise ValueError("pillar weights must be 0 or more, and at least one above 0")
    return out


# --- the allocation ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Allocation:
    given: np.ndarray        # EUR to each museum a respondent stands for
    by_pillar: np.ndarray    # (museums, 6): the same, per pillar
    funded: np.ndarray       # share (0–1) of the museums a respondent stands for whose shortfall is fully closed
    unallocated: float       # EUR no museum could use


def _order(S: np.ndarray, key: np.ndarray | None) -> np.ndarray:
    """Museums with a gap in ascending order of shortfall; ties in the order of `key` (default: the list's)."""
    gap = np.flatnonzero(S > 0)
    if key is None:
        return gap[np.argsort(S[gap], kind="stable")]
    return gap[np.lexsort((np.asarray(key)[gap], S[gap]))]


def _pillar_breakpoints(T: np.ndarray, omega: np.ndarray):
    """Water-filling over pillars: active pillars by the level at which each is complete (tau = T / omega), the
    budget at which each completes (G), and the running sums needed to find the level of any budget."""
    active = np.flatnonzero((omega > 0) & (T > 0))
    tau = T[active] / omega[active]
    order = np.argsort(tau, kind="stable")
    Ts, ws, taus = T[active][order], omega[active][order], tau[order]
    cumT, cumW = np.cumsum(Ts), np.cumsum(ws)
    G = cumT + taus * (ws.sum() - cumW)
    return active, taus, G, cumT, cumW, ws.sum()


def _pillar_level(budgets: np.ndarray, G, cumT, cumW, wsum) -> np.ndarray:
    """The water level lambda (pillar p gets min(T_p, lambda x omega_p)) for each budget; inf once all complete."""
    k = np.searchsorted(G, budgets * (1 + _TOL), side="right")
    done_T = np.where(k > 0, cumT[np.maximum(k - 1, 0)], 0.0)
    done_W = np.where(k > 0, cumW[np.maximum(k - 1, 0)], 0.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        level = (budgets - done_T) / (wsum - done_W)
    return np.where(k >= len(G), np.inf, level)


def _museum_thresholds(P: np.ndarray, omega: np.ndarray, T: np.ndarray) -> np.ndarray:
    """Per museum, the water level at which every pillar it has a shortfall in is complete (inf: one never is)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        tau = np.where((omega > 0) & (T > 0), T / omega, np.inf)
    return np.where(P > 0, tau, 0.0).max(axis=1, initial=0.0)


def allocate(S, P, budget: float, rule: str, omega=None, weight=None, key=None) -> Allocation:
    """Share `budget` among museums with shortfalls S (EUR) and pillar shortfalls P (museums x 6) by `rule`;
    `weight` (default 1) is how many museums each row stands for; `omega` the pillar weights (pillars rule);
    `key` the order that breaks ties between equal shortfalls (default: the rows')."""
    rule_name(rule)
    S = np.asarray(S, float)
    P = np.asarray(P, float).reshape(len(S), len(PILLARS))
    w = np.ones(len(S)) if weight is None else np.asarray(weight, float)
    budget = max(float(budget), 0.0)
    total = float((w * S).sum())
    tol = _TOL * max(total, 1.0)
    given, funded = np.zeros(len(S)), np.zeros(len(S))
    gap = S > 0
    if rule == "proportional":
        share = 1.0 if budget >= total - tol else budget / total
        given = S * share
        funded = (gap & (share >= 1.0)).astype(float)
    elif rule == "equal":
        order = _order(S, key)
        s, ww = S[order], w[order]
        C, rest = np.cumsum(ww * s), ww.sum() - np.cumsum(ww)
        if budget >= total - tol:
            level = np.inf
        else:
            k = int(np.searchsorted(C + rest * s, budget + tol, side="right"))
            level = (budget - (C[k - 1] if k else 0.0)) / (rest[k - 1] if k else ww.sum())
        given = np.minimum(S, level)
        funded = (gap & (S <= level * (1 + _TOL))).astype(float)
    elif rule == "smallest-first":
        order = _order(S, key)
        C = np.cumsum(w[order] * S[order])
        k = int(np.searchsorted(C, budget + tol, side="right"))
        given[order[:k]], funded[order[:k]] = S[order[:k]], 1.0
        if k < len(order):
            j, left = order[k], budget - (C[k - 1] if k else 0.0)
            given[j] = left / w[j]
            funded[j] = min(math.floor(left / S[j] + _TOL), w[j] - 1) / w[j] if w[j] >= 1 else 0.0
    else:
        omega = pillar_weights(None) if omega is None else np.asarray(omega, float)
        T = (w[:, None] * P).sum(axis=0)
        active, taus, G, cumT, cumW, wsum = _pillar_breakpoints(T, omega)
        level = float(_pillar_level(np.array([budget]), G, cumT, cumW, wsum)[0]) if len(G) else np.inf
        got = np.zeros(len(PILLARS))
        got[active] = np.minimum(T[active], level * omega[active])
        with np.errstate(divide="ignore", invalid="ignore"):
            share = np.where(T > 0, got / T, 0.0)
        by_pillar = P * share
        reach = _museum_thresholds(P, omega, T)                 # inf: a pillar it needs has weight 0
        funded = (gap & np.isfinite(reach) & (reach <= level * (1 + _TOL))).astype(float)
        spent = float((w[:, None] * by_pillar).sum())
        return Allocation(by_pillar.sum(axis=1), by_pillar, funded, max(budget - spent, 0.0))
    with np.errstate(divide="ignore", invalid="ignore"):
        by_pillar = np.where(gap[:, None], P * (given / S)[:, None], 0.0)
    return Allocation(given, by_pillar, funded, max(budget - float((w * given).sum()), 0.0))


def curve(S, P, omega=None, weight=None, points: int = CURVE_POINTS, key=None) -> pd.DataFrame:
    """Museums fully funded and shortfall closed for `points` budgets from 0 to the whole shortfall, for every rule:
    rule, budget_eur, museums_funded, funded_pct (of the museums with a gap), closed_eur, closed_pct."""
    S = np.asarray(S, float)
    P = np.asarray(P, float).reshape(len(S), len(PILLARS))
    w = np.ones(len(S)) if weight is None else np.asarray(weight, float)
    total = float((w * S).sum())
    tol = _TOL * max(total, 1.0)
    budgets = np.linspace(0.0, total, points)
    order = _order(S, key)
    s, ww = S[order], w[order]
    with_gap = float(ww.sum())
    C, cumW = np.cumsum(ww * s), np.concatenate([[0.0], np.cumsum(ww)])
    rows = {}
    rows["proportional"] = (np.where(budgets >= total - tol, with_gap, 0.0), np.minimum(budgets, total))
    k = np.searchsorted(C, budgets + tol, side="right")
    partial = np.zeros(len(budgets))
    more = k < len(s)
    if more.any():
        left = budgets[more] - np.where(k[more] > 0, C[np.maximum(k[more] - 1, 0)], 0.0)
        partial[more] = np.minimum(np.floor(left / s[k[more]] + _TOL), np.maximum(ww[k[more]] - 1, 0))
    rows["smallest-first"] = (cumW[k] + partial, np.minimum(budgets, total))
    rest = ww.sum() - np.cumsum(ww)
    equal = (cumW[np.searchsorted(C + rest * s, budgets + tol, side="right")], np.minimum(budgets, total))
    omega = pillar_weights(None) if omega is None else np.asarray(omega, float)
    T = (w[:, None] * P).sum(axis=0)
    active, _, G, cumT, cumW_p, wsum = _pillar_breakpoints(T, omega)
    level = _pillar_level(budgets, G, cumT, cumW_p, wsum) if len(G) else np.full(len(budgets), np.inf)
    thresholds = _museum_thresholds(P, omega, T)[order]
    by_threshold = np.argsort(thresholds, kind="stable")
    cum_by_threshold = np.concatenate([[0.0], np.cumsum(ww[by_threshold])])
    reached = np.minimum(np.searchsorted(thresholds[by_threshold], level * (1 + _TOL), side="right"),
                         int(np.isfinite(thresholds).sum()))     # a museum needing a weight-0 pillar never is
    rows["pillars"] = (cum_by_threshold[reached], np.minimum(budgets, float(T[active].sum())))
    rows["equal"] = equal                                       # in the order of RULES
    out = pd.concat([pd.DataFrame({"rule": rule, "budget_eur": budgets, "museums_funded": funded,
                                   "closed_eur": closed}) for rule, (funded, closed) in rows.items()],
                    ignore_index=True)
    out["funded_pct"] = 100 * out["museums_funded"] / with_gap if with_gap else 0.0
    out["closed_pct"] = 100 * out["closed_eur"] / total if total else 0.0
    return out


# --- a scenario over the museums in view ------------------------------------------------------------------
SHORTFALLS = [f"shortfall_{p}_eur" for p in PILLARS]


@dataclass
class Scenario:
    budget_eur: float
    rule: str
    omega: np.ndarray
    horizon: int
    museums: pd.DataFrame        # the museums with a known shortfall (ids, groups, shortfalls), what the scenario gives each
    unallocated_eur: float
    curve: pd.DataFrame
    compared: pd.DataFrame       # every rule at this sum: rule, label, museums_funded, funded_pct, closed_eur, ...
    respondents: int             # museums in view, with or without a known shortfall

    @property
    def n(self) -> int:
        return len(self.museums)

    @property
    def with_gap(self) -> int:
        return int((self.museums["funding_shortfall_eur"] > 0).sum())

    @property
    def funded(self) -> int:
        return int(self.museums["fully_funded"].sum())

    @property
    def total_eur(self) -> float:
        return float(self.museums["funding_shortfall_eur"].sum())

    @property
    def closed_eur(self) -> float:
        return float(self.museums["allocated_eur"].sum())

    @property
    def remaining_eur(self) -> float:
        return self.total_eur - self.closed_eur

    @property
    def weights_text(self) -> str:
        return ", ".join(f"{formats.mid_sentence(i18n.survey_label(schema.PILLARS[p]))} {w:g}"
                         for p, w in zip(PILLARS, self.omega))

    @property
    def described(self) -> str:
        """'EUR 50.0 M, proportional to shortfall': what was tried, in words."""
        text = f"{formats.money(self.budget_eur)}, {formats.mid_sentence(rule_name(self.rule))}"
        return text + (" " + _("(weights: {weights})").format(weights=self.weights_text)
                       if self.rule == "pillars" else "")


def compare(S, P, budget: float, omega) -> pd.DataFrame:
    """Every rule at one sum: rule, label, museums_funded, with_gap, funded_pct, closed_eur, closed_pct."""
    S = np.asarray(S, float)
    total, with_gap = float(S.sum()), int((S > 0).sum())
    rows = []
    for rule, label in RULES.items():
        done = allocate(S, P, budget, rule, omega)
        funded, closed = float(done.funded.sum()), float(done.given.sum())
        rows.append({"rule": rule, "label": label, "phrase": RULE_PHRASE[rule], "instead": RULE_INSTEAD[rule],
                     "museums_funded": funded,
                     "with_gap": with_gap,
                     "funded_pct": 100 * funded / with_gap if with_gap else 0.0, "closed_eur": closed,
                     "closed_pct": 100 * closed / total if total else 0.0})
    return pd.DataFrame(rows)


def shortfall_arrays(museums: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """The shortfalls S and pillar shortfalls P (museums x 6) that allocate() shares among; a pillar not given is 0."""
    S = museums["funding_shortfall_eur"].to_numpy(float)
    P = museums[SHORTFALLS].fillna(0.0).to_numpy(float)
    return S, P


def run(museums: pd.DataFrame, budget_eur: float, rule: str = DEFAULT_RULE, weights_by_pillar=None,
        horizon: int = schema.HORIZON_YEAR, points: int = CURVE_POINTS, respondents: int | None = None) -> Scenario:
    """The scenario among the museums in view that gave need and budget (`metrics.scenario_inputs` rows: `row`, the
    order their answers were committed in, breaks ties), with its curve for every rule; `respondents`, the museums
    in view with or without a known shortfall (default: the rows)."""
    rule_name(rule)
    if budget_eur is None or not math.isfinite(budget_eur) or budget_eur < 0:
        raise ValueError("the sum to invest must be a number of euros, 0 or more")
    omega = pillar_weights(weights_by_pillar)
    kept = ["row", *BREAKDOWNS, "funding_shortfall_eur", *SHORTFALLS]
    known = museums.loc[museums["funding_shortfall_eur"].notna(), kept].reset_index(drop=True)
    S, P = shortfall_arrays(known)
    key = known["row"].to_numpy()
    done = allocate(S, P, budget_eur, rule, omega, key=key)
    per_museum = known.assign(allocated_eur=done.given, fully_funded=(done.funded >= 1) & (S > 0),
                              remaining_eur=S - done.given,
                              **{f"allocated_{p}_eur": done.by_pillar[:, i] for i, p in enumerate(PILLARS)})
    return Scenario(float(budget_eur), rule, omega, int(horizon), per_museum, done.unallocated,
                    curve(S, P, omega, points=points, key=key).assign(label=lambda f: f["rule"].map(RULES)),
                    compare(S, P, budget_eur, omega), len(museums) if respondents is None else respondents)


def by_pillar(s: Scenario) -> pd.DataFrame:
    """Per pillar: the shortfall, what the scenario closes, what is left, and the share closed (%); n = museums with
    need and budget."""
    m = s.museums
    frame = pd.DataFrame({"pillar": list(PILLARS), "label": [schema.PILLARS[p] for p in PILLARS],
                          "shortfall_eur": [float(m[f"shortfall_{p}_eur"].sum()) for p in PILLARS],
                          "closed_eur": [float(m[f"allocated_{p}_eur"].sum()) for p in PILLARS], "n": s.n})
    frame["remaining_eur"] = frame["shortfall_eur"] - frame["closed_eur"]
    frame["closed_pct"] = 100 * frame["closed_eur"] / frame["shortfall_eur"].where(frame["shortfall_eur"] > 0)
    frame["suppressed"] = s.n < limits.SUPPRESS_BELOW_N
    frame.loc[frame["suppressed"], ["shortfall_eur", "closed_eur", "remaining_eur", "closed_pct"]] = None
    return frame


def by_group(s: Scenario, by: str) -> pd.DataFrame:
    """Per country, museum type, size band or ownership: n (museums with need and budget), museums with a gap and
    fully funded, the shortfall, closed and left (EUR), share closed; groups with n < SUPPRESS_BELOW_N suppressed, largest
    shortfall left first."""
    if by not in BREAKDOWNS:
        raise ValueError(f"unknown breakdown {by!r}")
    m = s.museums.assign(has_gap=s.museums["funding_shortfall_eur"] > 0)
    frame = m.groupby(m[by].astype(object).fillna("unknown"), sort=True).agg(
        n=("funding_shortfall_eur", "size"), museums_with_gap=("has_gap", "sum"),
        museums_funded=("fully_funded", "sum"), shortfall_eur=("funding_shortfall_eur", "sum"),
        closed_eur=("allocated_eur", "sum")).reset_index().rename(columns={by: "group"})
    frame["remaining_eur"] = frame["shortfall_eur"] - frame["closed_eur"]
    frame["funded_pct"] = 100 * frame["museums_funded"] / frame["museums_with_gap"].where(frame["museums_with_gap"] > 0)
    frame["closed_pct"] = 100 * frame["closed_eur"] / frame["shortfall_eur"].where(frame["shortfall_eur"] > 0)
    frame["suppressed"] = frame["n"] < limits.SUPPRESS_BELOW_N
    values = ["museums_with_gap", "museums_funded", "shortfall_eur", "closed_eur", "remaining_eur", "funded_pct",
              "closed_pct"]
    frame[values] = frame[values].astype(float)
    frame.loc[frame["suppressed"], values] = None
    return frame.sort_values(["suppressed", "remaining_eur", "group"], ascending=[True, False, True],
                             na_position="last").reset_index(drop=True)
