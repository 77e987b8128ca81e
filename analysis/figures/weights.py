"""Post-stratification weights and design-based 95 % intervals (plain Python, no streamlit).

The respondents are a self-selected group of museums. To say something about *all* museums of a country we
weight them to a population frame, and we say how uncertain that is.

Population frame (`population_frame`)
    Per country, the latest national museum register loaded by an admin (analysis.loading.registers) when there is
    one: its museums counted per size band; register museums of unknown size are shared out over the bands
    in proportion to the museums of known size. Otherwise the bundled number of museums of the country
    (data/museum_frame.csv: EGMUS, national statistics offices and research datasets, each with its year,
    what it counts and its source; one stratum "all sizes"). A register wins because it is the more detailed
    frame (and usually the more recent one). The bundled counts do not all count the same thing (monuments,
    branches, staff thresholds): `frame_flags` says where.

Strata and weights (`post_strata`)
    Stratum = country x size band where the frame gives the distribution by size, else the country.
    Weight of each respondent in stratum h: w = N_h / n_h (museums in the frame / respondents).
    Collapse rule: a stratum with fewer than MIN_STRATUM_N respondents, or with more respondents than museums
    in the frame, is merged with the adjacent size band of the same country (small - medium - large - huge)
    that has fewer respondents (on a tie, the smaller band); repeated until every stratum passes or the
    country is one stratum. Every merge is reported.
    Excluded from weighted estimates (and reported; their answers still count in the unweighted figures):
    countries with no population figure, countries with fewer than MIN_STRATUM_N respondents, and, in a
    country stratified by size, respondents whose size band is unknown.
    Item non-response is treated as missing at random within a stratum: the weights are recomputed for each
    question over the museums that answered it.

Estimates and intervals (`combine`, `estimate_by_country`)
    Weighted mean = sum_h (N_h / N) * mean_h (the post-stratified, Hajek ratio estimator); extrapolated total =
    sum_h N_h * mean_h. Variance by Taylor linearisation, which for this estimator is the stratified-sampling
    formula, conditional on the achieved n_h (Holt & Smith 1979):
        Var(total) = sum_h N_h^2 (1 - n_h / N_h) s_h^2 / n_h,   Var(mean) = Var(total) / N^2
    with the finite population correction. 95 % interval = estimate +/- t * SE, t from Student's distribution
    with Satterthwaite's effective degrees of freedom (Cochran 1977, 5.4). This assumes the respondents of a
    stratum behave like a random sample of its museums: it covers sampling error, not self-selection bias.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis import formats, limits, schema
from analysis.i18n import N_, _

MIN_STRATUM_N = limits.SUPPRESS_BELOW_N      # respondents a stratum (and a country) needs: 5
LOW_COVERAGE_PCT = 10.0                      # below this share of museums, do not generalise
CONFIDENCE = 0.95
BANDS = tuple(band for band, _ in schema.SIZE_BANDS)          # small, medium, large, huge: adjacency order
ALL_SIZES = "all sizes"
SIZE_UNKNOWN = "size unknown"
ALL = "ALL"                                  # the scope of the all-countries row
NO_FRAME = N_("no population figure (no register, no bundled count)")
OLD_FRAME_YEARS = 10                         # a frame figure older than this (before the wave) is flagged

COLLAPSE_RULE = N_(
    "A stratum (country × size band) with fewer than {n} respondents, or with more respondents than museums in "
    "the frame, is merged with the adjacent size band of the same country (small – medium – large – huge) that "
    "has fewer respondents (on a tie, the smaller band), until every stratum has at least {n} or the country is "
    "a single stratum.")
EXCLUSION_RULE = N_(
    "Countries with no population figure (no register and no bundled count), and countries with fewer than "
    "{n} respondents, are excluded from weighted estimates and extrapolated totals; their answers still count in "
    "the unweighted figures. In a country stratified by size, museums that did not give their visits (and are "
    "not in the register) cannot be placed in a stratum and are left out of its weighted estimates.")
INTERVAL_METHOD = N_(
    "95 % intervals use Taylor linearisation of the post-stratified estimator, i.e. the stratified-sampling "
    "variance Σ N_h² (1 − n_h/N_h) s_h² / n_h with the finite population correction, and Student's t with "
    "Satterthwaite's effective degrees of freedom. They measure sampling error only, assuming the museums "
    "that answered in a stratum are like a random sample of its museums; they do not correct for museums "
    "choosing to answer because of what they would answer (self-selection).")


def rules_in_words() -> tuple[str, str, str]:
    """How strata are merged, which countries are left out and how intervals are computed, in the current
    language (the Methodology page and the weighted-estimates chart)."""
    return (_(COLLAPSE_RULE).format(n=MIN_STRATUM_N), _(EXCLUSION_RULE).format(n=MIN_STRATUM_N),
            _(INTERVAL_METHOD))


@dataclass(frozen=True)
class Indicator:
    label: str
    unit: str
    column: str                    # a column of museum_facts with its statistics in fact_cells (analysis.store)
    kind: str = "mean"             # mean of a quantity | share of museums (a 0/100 indicator)
    bounds: tuple[float, float] | None = (0.0, 100.0)
    total: bool = False            # an extrapolated total makes sense (money)
    short: str = ""                # the label inside a sentence, without '(mean)'

    @property
    def name(self) -> str:
        """The label in the current language."""
        return _(self.label)

    @property
    def short_name(self) -> str:
        """The label inside a sentence ('collection digitised'), in the current language."""
        return _(self.short)


# The key indicators: weighted estimates and wave-over-wave change.
INDICATORS: dict[str, Indicator] = {
    "pct_digitised": Indicator(N_("Collection digitised (mean)"), "%", "pct_digitised",
                               short=N_("collection digitised")),
    "pct_online": Indicator(N_("Collection online (mean)"), "%", "pct_online", short=N_("collection online")),
    "pct_staff_ai_trained": Indicator(N_("Staff trained in AI literacy, last 12 months (mean)"), N_("% of staff"),
                                      "pct_staff_ai_trained_12m",
                                      short=N_("staff trained in AI literacy, last 12 months")),
    "written_strategy": Indicator(N_("Museums with a written digital strategy"), N_("% of museums"),
                                  "written_strategy_pct", kind="share",
                                  short=N_("museums with a written digital strategy")),
    "shortfall_per_museum": Indicator(N_("Funding shortfall to 2030 per museum (mean)"), "EUR", "funding_shortfall_eur",
                                      bounds=(0.0, math.inf), total=True,
                                      short=N_("funding shortfall to 2030 per museum")),
}
WAVE_INDICATORS = ("pct_digitised", "pct_online", "pct_staff_ai_trained", "shortfall_per_museum")


# --- Student's t ------------------------------------------------------------------------------------------
def t_quantile(df, p: float = 0.5 + CONFIDENCE / 2):
    """Quantile of Student's t (vectorised over df). Exact for df 1 and 2, the Cornish-Fisher expansion
    (Abramowitz & Stegun 26.7.5) from df 3 on, within 0.004 of the tables there; df < 1 is treated as 1."""
    df = np.maximum(np.asarray(df, dtype=float), 1.0)
    z = _normal_quantile(p)
    g1 = (z ** 3 + z) / 4
    g2 = (5 * z ** 5 + 16 * z ** 3 + 3 * z) / 96
    g3 = (3 * z ** 7 + 19 * z ** 5 + 17 * z ** 3 - 15 * z) / 384
    g4 = (79 * z ** 9 + 776 * z ** 7 + 1482 * z ** 5 - 1920 * z ** 3 - 945 * z) / 92160
    with np.errstate(divide="ignore", invalid="ignore"):
        series = z + g1 / df + g2 / df ** 2 + g3 / df ** 3 + g4 / df ** 4
    exact1 = math.tan(math.pi * (p - 0.5))
    exact2 = (2 * p - 1) * math.sqrt(2 / (4 * p * (1 - p)))
    out = np.where(df >= 3, series, np.where(df >= 2, exact2, exact1))
    return out if out.ndim else float(out)


def _normal_quantile(p: float) -> float:
    """Inverse standard normal CDF by bisection on math.erf (exact to 1e-12; called with a handful of p)."""
    lo, hi = -10.0, 10.0
    for _ in range(100):
        mid = (lo + hi) / 2
        if 0.5 * (1 + math.erf(mid / math.sqrt(2))) < p:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


# --- the estimator ----------------------------------------------------------------------------------------
def combine(N_h, n_h, mean_h, var_h, confidence: float = CONFIDENCE) -> dict[str, np.ndarray]:
    """Post-stratified mean and total with 95 % intervals from per-stratum summaries.

    Arguments are arrays whose last axis is the strata (leading axes, e.g. simulation replicates, are kept):
    museums N_h, respondents n_h (>= 1), respondents' mean_h and variance var_h (ddof=1; 0 where n_h = 1).
    Returns arrays: N, n, mean, se, df, t, lo, hi, total, total_se, total_lo, total_hi."""
    N_h, n_h = np.asarray(N_h, float), np.asarray(n_h, float)
    mean_h, var_h = np.asarray(mean_h, float), np.nan_to_num(np.asarray(var_h, float))
    N = N_h.sum(axis=-1)
    total = (N_h * mean_h).sum(axis=-1)
    fpc = np.clip(1 - n_h / N_h, 0, 1)
    g = N_h ** 2 * fpc / n_h                              # Var(total) = sum_h g_h s_h^2
    parts = g * var_h
    var_total = parts.sum(axis=-1)
    with np.errstate(divide="ignore", invalid="ignore"):
        denom = (parts ** 2 / np.maximum(n_h - 1, 1)).sum(axis=-1)
        df = np.where(denom > 0, var_total ** 2 / denom, np.maximum((n_h - 1).sum(axis=-1), 1))
    t = t_quantile(df, 0.5 + confidence / 2)
    total_se = np.sqrt(var_total)
    mean, se = total / N, total_se / N
    return {"N": N, "n": n_h.sum(axis=-1), "mean": mean, "se": se, "df": df, "t": t,
            "lo": mean - t * se, "hi": mean + t * se, "total": total, "total_se": total_se,
            "total_lo": total - t * total_se, "total_hi": total + t * total_se}


# --- population frame -------------------------------------------------------------------------------------
FRAME_COLUMNS = ["country", "size_band", "museums", "source", "year", "counts", "scope", "status", "url"]


def population_frame(bundled: pd.DataFrame, register: pd.DataFrame) -> pd.DataFrame:
    """The museums of each country, by size band where a register gives them.

    bundled: country, museums (None: no usable figure), year, counts, scope, status, source, url (table
    museum_population, from data/museum_frame.csv).
    register: country, size_band (None = unknown), museums, source, year: the current register of each
    country counted by band (analysis.store.register_counts).
    Returns FRAME_COLUMNS, one row per stratum (size_band None for a country-only stratum); museums is a float
    (unknown-size museums shared out in proportion)."""
    rows = []
    have_register = set(register["country"]) if len(register) else set()
    for country, part in (register.groupby("country", sort=True) if len(register) else ()):
        total = float(part["museums"].sum())
        known = part[part["size_band"].notna()]
        about = {"source": part["source"].iloc[0], "year": part["year"].iloc[0],
                 "counts": "museums in the national register", "scope": None, "status": "register", "url": None}
        if known.empty or float(known["museums"].sum()) == 0:
            rows.append({"country": country, "size_band": None, "museums": total, **about})
            continue
        scale = total / float(known["museums"].sum())
        by_band = dict(zip(known["size_band"], known["museums"].astype(float)))
        rows += [{"country": country, "size_band": band, "museums": by_band[band] * scale, **about}
                 for band in BANDS if band in by_band]
    usable = bundled[bundled["museums"].notna() & ~bundled["country"].isin(have_register)]
    for record in usable.to_dict("records"):
        rows.append({**{k: record.get(k) for k in FRAME_COLUMNS}, "size_band": None,
                     "museums": float(record["museums"])})
    return pd.DataFrame(rows, columns=FRAME_COLUMNS)


# --- the respondents, summarised --------------------------------------------------------------------------
CELL_COLUMNS = ["country", "size_band", "n", "mean", "var"]


def cells(data: pd.DataFrame, column: str | None = None) -> pd.DataFrame:
    """Per country and size band (None: unknown) of the rows of `data` (columns country, size_band): n, and the
    mean and variance (ddof=1) of `column` over the rows that answered it. Everything the weighting needs: the
    store computes the same summaries in SQL (analysis.figures.metrics.frame_cells), callers with rows in hand use this."""
    if column is not None:
        data = data[data[column].notna()]
    keys = [data["country"], data["size_band"].astype(object).where(data["size_band"].notna(), None)]
    if column is None:
        out = data.groupby(keys, dropna=False).size().rename("n").reset_index()
        return out.assign(mean=math.nan, var=math.nan)[CELL_COLUMNS]
    stats = data[column].astype(float).groupby(keys, dropna=False).agg(["count", "mean", "var"])
    return stats.rename(columns={"count": "n"}).reset_index()[CELL_COLUMNS]


def _band(value) -> str:
    """A size band as the weighting names it: unknown bands (None, NaN) are SIZE_UNKNOWN."""
    return value if isinstance(value, str) else SIZE_UNKNOWN


def _pool(groups: list[tuple[int, float, float]]) -> tuple[int, float, float]:
    """n, mean and variance (ddof=1) of several groups together, from each group's (n, mean, variance)."""
    n = sum(g[0] for g in groups)
    if n == 0:
        return 0, math.nan, math.nan
    mean = sum(g[0] * g[1] for g in groups) / n
    spread = sum(max(g[0] - 1, 0) * (0.0 if math.isnan(g[2]) else g[2]) + g[0] * (g[1] - mean) ** 2 for g in groups)
    return n, mean, spread / (n - 1) if n > 1 else 0.0


# --- strata and weights -----------------------------------------------------------------------------------
@dataclass
class Weighting:
    strata: pd.DataFrame        # country, stratum, key, N, n, weight, coverage_pct, status, note, source, year
    members: dict               # (country, size band or SIZE_UNKNOWN) -> the key of the stratum it is in
    excluded: pd.DataFrame      # country, respondents, reason

    def key_of(self, data: pd.DataFrame) -> pd.Series:
        """The stratum key of each row of `data` (columns country, size_band); None where it is left out."""
        bands = data["size_band"].astype("str").where(data["size_band"].notna(), SIZE_UNKNOWN)
        joined = {f"{c}\x1f{b}": key for (c, b), key in self.members.items()}
        keys = (data["country"].astype("str") + "\x1f" + bands).map(joined)    # vectorised: 0.5 M rows at 1M answers
        return keys.astype(object).where(keys.notna(), None)


def _stratum_key(country: str, bands: tuple[str, ...]) -> str:
    return f"{country}|{'+'.join(bands) or ALL_SIZES}"


def _stratum_label(bands: tuple[str, ...]) -> str:
    return " + ".join(bands) if bands else ALL_SIZES


def collapse(groups: list[tuple[tuple[str, ...], float, int]], min_n: int = MIN_STRATUM_N
             ) -> list[tuple[tuple[str, ...], float, int]]:
    """Apply the collapse rule to one country's size bands, in band order: [(bands, N, n)] -> merged list."""
    groups = [g for g in groups if g[1] > 0 or g[2] > 0]
    failing = lambda g: g[2] < min_n or g[1] < g[2]  # noqa: E731
    while len(groups) > 1 and any(failing(g) for g in groups):
        i = min((k for k, g in enumerate(groups) if failing(g)), key=lambda k: (groups[k][2], k))
        neighbours = [k for k in (i - 1, i + 1) if 0 <= k < len(groups)]
        j = min(neighbours, key=lambda k: (groups[k][2], k))
        a, b = sorted((i, j))
        merged = (groups[a][0] + groups[b][0], groups[a][1] + groups[b][1], groups[a][2] + groups[b][2])
        groups[a:b + 1] = [merged]
    return groups


def post_strata(population: pd.DataFrame, counts: pd.DataFrame, min_n: int = MIN_STRATUM_N) -> Weighting:
    """Weights w = N_h / n_h after the collapse rule, from the respondents counted per country and size band
    (`cells` output: columns country, size_band, n). `population` is `population_frame` output.
    Plain loops over a few hundred cells: pandas per country would cost more than the query that counted them."""
    frames: dict[str, list] = {}
    for row in population.itertuples(index=False):
        frames.setdefault(row.country, []).append(row)
    answered: dict[str, dict[str, int]] = {}
    for country, band, n in zip(counts["country"], counts["size_band"], counts["n"]):
        bands = answered.setdefault(country, {})
        bands[_band(band)] = bands.get(_band(band), 0) + int(n)
    strata, excluded, members = [], [], {}
    for country in sorted(answered):
        n_band, frame = answered[country], frames.get(country)
        if frame is None:
            excluded.append((country, sum(n_band.values()), _(NO_FRAME)))
            continue
        by_size = any(isinstance(r.size_band, str) for r in frame)
        if by_size:
            unknown = sum(n for band, n in n_band.items() if band not in BANDS)
            if unknown:
                excluded.append((country, unknown, _("size band unknown (no visits given)")))
            N_band = {r.size_band: float(r.museums) for r in frame}
            groups = collapse([((b,), N_band.get(b, 0.0), n_band.get(b, 0)) for b in BANDS], min_n)
        else:
            groups = [((), float(sum(r.museums for r in frame)), sum(n_band.values()))]
        n_country = sum(g[2] for g in groups)
        if n_country < min_n:
            excluded.append((country, n_country, _("fewer than {n} respondents with a stratum").format(n=min_n)))
            continue
        for bands, N, n in groups:
            merged = len(bands) > 1
            note = ""
            if merged:
                note = _("merged: {bands}").format(bands=", ".join(
                    (_("{band} 1 answer") if n_band.get(b, 0) == 1 else _("{band} {n} answers")).format(
                        band=b, n=n_band.get(b, 0)) for b in bands))
            if N < n:
                note = formats.clauses([note, _("more respondents than museums in the frame (frame out of date?)")])
            key = _stratum_key(country, bands)
            strata.append({"country": country, "stratum": _stratum_label(bands), "key": key,
                           "N": N, "n": n, "weight": N / n if n else math.nan,
                           "coverage_pct": 100.0 * n / N if N else math.nan,
                           "status": "merged" if merged else "weighted", "note": note, "source": frame[0].source,
                           "year": frame[0].year})
            members.update({(country, band): key for band in (bands if by_size else n_band)})
    columns = ["country", "stratum", "key", "N", "n", "weight", "coverage_pct", "status", "note", "source", "year"]
    return Weighting(pd.DataFrame(strata, columns=columns), members,
                     pd.DataFrame(excluded, columns=["country", "respondents", "reason"]))


def collapse_report(weighting: Weighting) -> list[str]:
    """Which strata were merged, in words: 'DE: large + huge (merged: large 3 answers, huge 1 answer)'."""
    merged = weighting.strata[weighting.strata["status"] == "merged"]
    return [formats.labelled(schema.country_name(r.country), f"{r.stratum} ({r.note})") for r in merged.itertuples()]


# --- estimates per country and for all countries with a frame ---------------------------------------------
ESTIMATE_COLUMNS = ["scope", "n", "unweighted_mean", "n_weighted", "N", "weighted_mean", "se", "df", "lo", "hi",
                    "total", "total_lo", "total_hi", "strata", "merged", "countries", "note", "suppressed"]


def what_it_covers(countries: list[str], used: int, respondents: int, left_out: dict[str, str]) -> str:
    """What a weighted all-countries figure stands for, in words: the countries in it, the share of the
    respondents it uses, and the countries left out with their reason."""
    share = formats.pct(100 * used / respondents) if respondents else _("none")
    names = sorted(schema.country_name(c) for c in countries)
    text = (_("Weighted over {n} country ({names}); uses {used} of {respondents} respondents ({share}).")
            if len(names) == 1 else
            _("Weighted over {n} countries ({names}); uses {used} of {respondents} respondents ({share}).")).format(
        n=len(names), names=", ".join(names) or _("none"), used=formats.number(used),
        respondents=formats.number(respondents), share=share)
    if left_out:
        text += " " + _("Left out: {reasons}.").format(reasons=formats.clauses(
            sorted(formats.labelled(schema.country_name(c), why) for c, why in left_out.items())))
    return text


def estimate_by_country(population: pd.DataFrame, answers: pd.DataFrame, bounds: tuple[float, float] | None = None,
                        min_n: int = MIN_STRATUM_N) -> pd.DataFrame:
    """Per country and for ALL countries with a frame: n and unweighted mean over the museums that answered, and
    the weighted mean and extrapolated total with 95 % intervals (over the museums that could be weighted,
    n_weighted, representing N museums). `answers` is `cells` output for one question: item non-response is
    missing at random within a stratum, so the weights are those of the museums that answered it. Unweighted
    means with n < min_n are suppressed."""
    answers = answers[answers["n"] > 0]
    weighting = post_strata(population, answers, min_n)
    by_country: dict[str, list] = {}
    by_stratum: dict[str, list] = {}
    for country, band, n, mean, var in answers[CELL_COLUMNS].itertuples(index=False):
        group = (int(n), float(mean), float(var))
        by_country.setdefault(country, []).append(group)
        key = weighting.members.get((country, _band(band)))
        if key is not None:
            by_stratum.setdefault(key, []).append(group)
    strata = [(s.country, s.N, s.n, s.status, *_pool(by_stratum[s.key])[1:])
              for s in weighting.strata.itertuples() if s.key in by_stratum]
    reasons = weighting.excluded.groupby("country")["reason"].agg(formats.clauses).to_dict()
    rows = []
    for scope in [*sorted(by_country), ALL]:
        groups = [g for gs in by_country.values() for g in gs] if scope == ALL else by_country[scope]
        part = [s for s in strata if scope == ALL or s[0] == scope]
        n, mean, _ = _pool(groups)
        countries = sorted({s[0] for s in part})
        n_weighted = sum(s[2] for s in part)
        row = {"scope": scope, "n": n, "unweighted_mean": mean if n else None, "n_weighted": n_weighted,
               "strata": len(part), "merged": sum(s[3] == "merged" for s in part), "countries": ",".join(countries),
               "note": what_it_covers(countries, n_weighted, n, reasons) if scope == ALL else reasons.get(scope, "")}
        if part:
            est = combine(*zip(*(s[1:3] + s[4:6] for s in part)))
            row.update({k: float(est[k]) for k in ("N", "se", "df", "lo", "hi", "total", "total_lo", "total_hi")})
            row["weighted_mean"] = float(est["mean"])
            if bounds:
                row["lo"], row["hi"] = max(row["lo"], bounds[0]), min(row["hi"], bounds[1])
                row["total_lo"] = max(row["total_lo"], bounds[0] * row["N"])
        rows.append(row)
    frame = pd.DataFrame(rows).reindex(columns=ESTIMATE_COLUMNS)
    frame["suppressed"] = frame["n"] < min_n
    frame.loc[frame["suppressed"], "unweighted_mean"] = None
    return frame


def frame_flags(year, scope, status, wave: str | None) -> str:
    """Why a country's frame figure is not like the others: older than OLD_FRAME_YEARS before the wave, a
    different scope (monuments, branches, thresholds, state museums only), or a quoted (secondary) figure."""
    flags = []
    wave_year = int(wave[:4]) if wave and wave[:4].isdigit() else None
    if wave_year and pd.notna(year) and wave_year - int(year) > OLD_FRAME_YEARS:
        flags.append(_("figure from {year}, more than {years} years before the wave").format(
            year=int(year), years=OLD_FRAME_YEARS))
    if isinstance(scope, str) and scope:
        flags.append(_("different scope: {scope}").format(scope=scope))
    if status == "secondary":
        flags.append(_("secondary source (quotes the statistics office)"))
    return formats.clauses(flags)


def coverage_warning(respondents: int, museums: float | None, min_n: int = MIN_STRATUM_N) -> str:
    """Why a coverage cell is too thin to generalise from, or '' when it is not."""
    if museums is None or (isinstance(museums, float) and math.isnan(museums)):
        return _("no population figure: cannot generalise")
    reasons = []
    if respondents < min_n:
        reasons.append(_("fewer than {n} respondents").format(n=min_n))
    if museums and 100.0 * respondents / museums < LOW_COVERAGE_PCT:
        reasons.append(_("under {pct} % of museums answered").format(pct=formats.plain(LOW_COVERAGE_PCT)))
    if museums and respondents > museums:
        reasons.append(_("more respondents than museums in the frame"))
    return formats.clauses(reasons)


# --- wave over wave -------------------------------------------------------------------------------------
def paired_change(before: np.ndarray, after: np.ndarray, confidence: float = CONFIDENCE) -> dict[str, float]:
    """Mean change within the same museums (after - before) with a paired-t 95 % interval."""
    diff = np.asarray(after, float) - np.asarray(before, float)
    n = len(diff)
    if n == 0:
        return {"n": 0, "change": math.nan, "lo": math.nan, "hi": math.nan}
    mean = float(diff.mean())
    if n < 2:
        return {"n": n, "change": mean, "lo": math.nan, "hi": math.nan}
    half = float(t_quantile(n - 1, 0.5 + confidence / 2)) * float(diff.std(ddof=1)) / math.sqrt(n)
    return {"n": n, "change": mean, "lo": mean - half, "hi": mean + half}
