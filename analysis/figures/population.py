"""Population frame, coverage, weights and weighted estimates with their intervals (the statistics are in
analysis.figures.weights), and the change between waves. Weighted figures describe all museums of a country, so they use
the wave and country filters only."""

from __future__ import annotations

import math

import duckdb

from analysis import limits, store
from analysis.figures.overview import latest_wave, waves
from analysis.figures.sql import check, query, stat
from analysis.figures.filters import Filters
from analysis.lazy import pandas as pd
from analysis.store import derived

# --- Population frame, weighted estimates and waves (Methodology page; the statistics are in analysis.figures.weights) --
# Weighted figures describe all museums of a country, so they use the wave and country filters only (like
# `coverage`). The size band of a respondent found in its country's register (museum_id = register code) is
# the register's, so that respondents and frame are classified alike; otherwise the survey's.
def _weights():
    """analysis.figures.weights, imported on first use: it loads numpy and pandas, which the quick CLI commands skip."""
    from analysis.figures import weights
    return weights


def population_frame(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Museums per country (and size band where a register gives it): analysis.figures.weights.population_frame."""
    weights = _weights()
    return weights.population_frame(store.museum_population_table(con), store.register_counts(con))


def _frame_scope(con: duckdb.DuckDBPyConnection, filters: Filters) -> Filters:
    return Filters(wave=filters.wave or latest_wave(con), countries=filters.countries)


def frame_cells(con: duckdb.DuckDBPyConnection, filters: Filters, indicators: tuple[str, ...] = ()) -> pd.DataFrame:
    """The respondents of the wave (and countries) in view summarised per country and frame size band (None:
    unknown; the register's band where the museum is in one, analysis.store.derived.REGISTER_SIZE_BANDS):
    `respondents`, and per key indicator k asked for (analysis.figures.weights.INDICATORS) n_k, mean_k and var_k
    (ddof=1) over the museums that answered it, added up from fact_cells. Weights and intervals are computed from
    these few hundred rows (analysis.figures.weights), never from the answers one by one."""
    weights = _weights()
    where, params = _frame_scope(con, filters).where()
    stats = "".join(f", {stat('n', ind.column)} AS n_{k}, {stat('mean', ind.column)} AS mean_{k}, "
                    f"{stat('var', ind.column)} AS var_{k}" for k in indicators for ind in [weights.INDICATORS[k]])
    return query(con, f"""
        SELECT country, frame_size_band AS size_band, sum(respondents)::BIGINT AS respondents{stats}
        FROM fact_cells WHERE {where} GROUP BY ALL ORDER BY ALL""", params)


def _cells_of(frame: pd.DataFrame, indicator: str | None = None) -> pd.DataFrame:
    """One indicator's columns of `frame_cells` (or the respondents alone) as analysis.figures.weights.cells gives them."""
    weights = _weights()
    if indicator is None:
        return frame.assign(n=frame["respondents"], mean=math.nan, var=math.nan)[weights.CELL_COLUMNS]
    return frame.rename(columns={f"{s}_{indicator}": s for s in ("n", "mean", "var")})[weights.CELL_COLUMNS]


ABOUT_FRAME = ("year", "counts", "status", "source", "url", "scope")


def frame_coverage(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """Respondents / museums per country, and per size band where a register gives the distribution (raw
    register counts; 'size unknown' rows for museums without a band), with what the frame figure counts, its
    year, status and source. `flags` says where a country's figure is old or counts something else
    (weights.frame_flags); `warning` names why a cell is too thin to generalise (weights.LOW_COVERAGE_PCT,
    weights.MIN_STRATUM_N); countries without a population figure have museums None and say why in `counts`."""
    weights = _weights()
    scope = _frame_scope(con, filters)
    answered: dict[str, dict[str, int]] = {}                  # country -> size band -> respondents
    for country, band, n in frame_cells(con, filters)[["country", "size_band", "respondents"]].itertuples(index=False):
        bands = answered.setdefault(country, {})
        band = band if isinstance(band, str) else weights.SIZE_UNKNOWN
        bands[band] = bands.get(band, 0) + int(n)
    bundled_table, register_table = store.museum_population_table(con), store.register_counts(con)   # read once
    frame: dict[str, list[dict]] = {}
    for record in weights.population_frame(bundled_table, register_table).to_dict("records"):
        frame.setdefault(record["country"], []).append(record)
    bundled = {r["country"]: r for r in bundled_table.to_dict("records")}
    registered: dict[str, dict[str, float]] = {}
    for country, band, museums in register_table[["country", "size_band", "museums"]].itertuples(index=False):
        registered.setdefault(country, {})[band if isinstance(band, str) else weights.SIZE_UNKNOWN] = float(museums)
    rows = []
    for country in sorted(answered):
        pop, by_band = frame.get(country, []), answered[country]
        about = pop[0] if pop else bundled.get(country, {})
        country_row = {"country": country, "stratum": weights.ALL_SIZES, "level": "country",
                       "respondents": sum(by_band.values()),
                       "museums": sum(r["museums"] for r in pop) if pop else None,
                       **{k: about.get(k) for k in ABOUT_FRAME},
                       "flags": weights.frame_flags(about.get("year"), about.get("scope"), about.get("status"),
                                                    scope.wave) if pop else ""}
        rows.append(country_row)
        counts = registered.get(country, {})
        if counts and any(isinstance(r["size_band"], str) for r in pop):
            rows += [{"country": country, "stratum": band, "level": "size band",
                      "respondents": by_band.get(band, 0), "museums": counts.get(band, 0.0),
                      **{k: country_row[k] for k in ABOUT_FRAME}, "flags": ""}
                     for band in (*weights.BANDS, weights.SIZE_UNKNOWN) if band in counts or band in by_band]
    out = pd.DataFrame(rows, columns=["country", "stratum", "level", "respondents", "museums", *ABOUT_FRAME,
                                      "flags"])
    out["coverage_pct"] = 100.0 * out["respondents"] / out["museums"].where(out["museums"] > 0)
    out["warning"] = [("" if s == weights.SIZE_UNKNOWN else weights.coverage_warning(int(r), m))
                      for r, m, s in zip(out["respondents"], out["museums"], out["stratum"])]
    return out


def weighting_strata(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """The weighting cells of the respondents in view after the collapse rule: country, stratum, N (museums),
    n (respondents), weight N/n, coverage, status weighted | merged | excluded and a note (which bands were
    merged; why a country or some respondents are left out)."""
    weights = _weights()
    result = weights.post_strata(population_frame(con), _cells_of(frame_cells(con, filters)))
    excluded = result.excluded.rename(columns={"respondents": "n", "reason": "note"}).assign(
        status="excluded", stratum="—")
    return pd.concat([result.strata.drop(columns="key"), excluded], ignore_index=True).sort_values(
        "country", kind="stable").reset_index(drop=True)


def weighted_estimates(con: duckdb.DuckDBPyConnection, filters: Filters, indicator: str) -> pd.DataFrame:
    """Per country and for all countries with a frame (scope 'ALL'): n and unweighted mean, and the weighted
    mean with its 95 % interval and the extrapolated total (analysis.figures.weights.estimate_by_country)."""
    weights = _weights()
    spec = weights.INDICATORS[check(indicator, weights.INDICATORS)]
    answered = _cells_of(frame_cells(con, filters, (indicator,)), indicator)
    frame = weights.estimate_by_country(population_frame(con), answered, bounds=spec.bounds)
    return frame.assign(indicator=indicator, label=spec.name, unit=spec.unit,
                        survey_wave=_frame_scope(con, filters).wave)


def wave_change(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """Key indicators (weights.WAVE_INDICATORS) in the wave in view and the wave before it, unweighted:
    cross-sections (every museum that answered in each wave, n_base / n_latest) and the panel of museums that
    answered in both (n_panel; filters apply to their latest answer), with the mean change within those museums
    and its paired 95 % interval. Figures with n < 5 are suppressed. Empty when there is no earlier wave."""
    weights = _weights()
    columns = ["indicator", "label", "unit", "base_wave", "latest_wave", "n_base", "mean_base", "n_latest",
               "mean_latest", "change", "n_panel", "panel_base", "panel_latest", "panel_change", "panel_lo",
               "panel_hi"]
    latest = filters.wave or latest_wave(con)
    earlier = [w for w in waves(con) if latest is not None and w < latest]
    if not earlier:
        return pd.DataFrame(columns=columns)
    base = earlier[0]
    keys = weights.WAVE_INDICATORS
    values = [check(weights.INDICATORS[k].column, derived.PANEL_COLUMNS) for k in keys]
    scoped = Filters(countries=filters.countries, museum_types=filters.museum_types, size_bands=filters.size_bands,
                     ownership=filters.ownership, accredited=filters.accredited)
    where, params = scoped.where()
    # Cross-sections, and the panel: answers of the later wave whose museum's previous answer is in the earlier
    # wave (its values are kept with the answer, analysis.derived.PANEL_COLUMNS); filters apply to the later answer.
    with con.cursor() as cur:
        cross = {wave: row for wave, *row in cur.execute(f"""
            SELECT survey_wave, {', '.join(f'{stat("n", c)}, {stat("mean", c)}' for c in values)}
            FROM fact_cells
            WHERE survey_wave IN (?, ?) AND {where} GROUP BY survey_wave""", [base, latest, *params]).fetchall()}
        pairs = lambda c: f"NULLIF(sum(x__pairs_{c}), 0)"  # noqa: E731
        panel = cur.execute(f"""
            SELECT {', '.join(f'COALESCE(sum(x__pairs_{c}), 0)::BIGINT, sum(x__before_{c}) / {pairs(c)}, '
                              f'sum(x__after_{c}) / {pairs(c)}, sum(x__change_{c}) / {pairs(c)}, '
                              f'sqrt(greatest(0, (sum(x__change2_{c}) - pow(sum(x__change_{c}), 2) / {pairs(c)}) '
                              f'/ NULLIF(sum(x__pairs_{c}) - 1, 0)))' for c in values)}
            FROM fact_cells WHERE survey_wave = ? AND previous_wave = ? AND {where}""",
                            [latest, base, *params]).fetchone()
    small = limits.SUPPRESS_BELOW_N
    rows = []
    for i, key in enumerate(keys):
        spec = weights.INDICATORS[key]
        (n_a, mean_a), (n_b, mean_b) = (cross.get(w, [0, None] * len(keys))[2 * i:2 * i + 2] for w in (base, latest))
        n_panel, panel_base, panel_latest, change, sd = panel[5 * i:5 * i + 5]
        row = {"indicator": key, "label": spec.name, "unit": spec.unit, "base_wave": base, "latest_wave": latest,
               "n_base": n_a, "mean_base": mean_a if n_a >= small else None,
               "n_latest": n_b, "mean_latest": mean_b if n_b >= small else None, "n_panel": n_panel}
        row["change"] = (row["mean_latest"] - row["mean_base"]
                         if row["mean_base"] is not None and row["mean_latest"] is not None else None)
        if n_panel >= small:          # weights.paired_change, from the panel's n, mean and sd of the changes
            half = float(weights.t_quantile(n_panel - 1)) * sd / math.sqrt(n_panel)
            row.update(panel_base=panel_base, panel_latest=panel_latest, panel_change=change,
                       panel_lo=change - half, panel_hi=change + half)
        rows.append(row)
    out = pd.DataFrame(rows).reindex(columns=columns)
    num = [c for c in columns if c.startswith(("mean_", "change", "panel_"))]
    out[num] = out[num].astype(float)
    return out
