"""The sentences a presenter leads with, computed from the figures (never typed by hand)."""

from __future__ import annotations

import pandas as pd

from analysis import schema
from analysis.schema import country_name


def _m(value: float) -> str:
    return f"€{value / 1e6:,.1f} M"


def headline_findings(summary: dict, by_country: pd.DataFrame) -> list[str]:
    """Up to three findings: digitisation level, funding shortfall, spread between countries."""
    out = []
    n = summary["n"]
    if summary["mean_pct_digitised"] is not None:
        text = (f"Museums have digitised **{summary['mean_pct_digitised']:.0f} %** of their collections on average "
                f"(n = {n['pct_digitised']})")
        if summary["weighted_pct_digitised"] is not None:
            text += f"; counted by objects it is **{summary['weighted_pct_digitised']:.0f} %**"
        if summary["objects_to_digitise"]:
            text += (f", and **{summary['objects_to_digitise'] / 1e6:,.1f} million objects** still need digitising "
                     f"(n = {n['objects_to_digitise']})")
        out.append(text + ".")
    shortfall, need = summary["total_funding_shortfall_eur"], summary["total_funding_need_eur"]
    if shortfall:
        pillars = {p: v for p, v in summary["shortfall_by_pillar"].items() if v}
        top = max(pillars, key=pillars.get)
        out.append(f"The funding shortfall to 2030 is **{_m(shortfall)}** across {n['funding_shortfall']} museums "
                   f"that gave needs and budgets; the largest gap is **{schema.PILLARS[top].lower()}** "
                   f"({100 * pillars[top] / shortfall:.0f} % of it). Total need: {_m(need)}.")
    shown = by_country[~by_country["suppressed"]].dropna(subset=["mean"])
    if len(shown) >= 2:
        low, high = shown.loc[shown["mean"].idxmin()], shown.loc[shown["mean"].idxmax()]
        out.append(f"Digitisation ranges from **{low['mean']:.0f} %** in {country_name(low['group'])} to "
                   f"**{high['mean']:.0f} %** in {country_name(high['group'])} ({len(shown)} countries with at "
                   f"least 5 answers).")
    return out
