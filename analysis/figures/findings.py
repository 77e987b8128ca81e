"""The sentences a presenter leads with, computed from the figures (never typed by hand)."""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd
from scipy import stats

from analysis import formats, i18n, limits, schema
from analysis.formats import money, pct
from analysis.i18n import _
from analysis.schema import country_name


def headline_findings(summary: dict, by_country: pd.DataFrame) -> list[str]:
    """Up to three findings: digitisation level, funding shortfall, spread between countries."""
    out = []
    n = summary["n"]
    if summary["mean_pct_digitised"] is not None:
        text = _("Museums have digitised **{share}** of their collections on average (n = {n})").format(
            share=pct(summary["mean_pct_digitised"]), n=n["pct_digitised"])
        if summary["weighted_pct_digitised"] is not None:
            text += _("; counted by objects it is **{share}**").format(share=pct(summary["weighted_pct_digitised"]))
        if summary["objects_to_digitise"]:
            text += _(", and **{objects} objects** still need digitising (n = {n})").format(
                objects=formats.count(summary["objects_to_digitise"]), n=n["objects_to_digitise"])
        out.append(text + ".")
    shortfall, need = summary["total_funding_shortfall_eur"], summary["total_funding_need_eur"]
    if shortfall:
        ranking = rank([Estimate.total(formats.mid_sentence(i18n.survey_label(schema.PILLARS[p])), v,
                                       n["funding_shortfall"])
                        for p, v in summary["shortfall_by_pillar"].items() if v])
        first = ranking.top
        if ranking.top_holds or len(ranking.groups) == 1:
            largest = _("the largest gap is **{pillar}** ({share} of it)").format(
                pillar=first.name, share=pct(100 * first.value / shortfall))
        else:
            second = ranking.groups[1]
            largest = _("the two largest gaps are **{first}** and **{second}** ({share} of it together)").format(
                first=first.name, second=second.name, share=pct(100 * (first.value + second.value) / shortfall))
        out.append(_("The funding shortfall to 2030 is **{shortfall}** across {n} museums that gave needs and "
                     "budgets; {largest}. Total need: {need}.").format(
            shortfall=money(shortfall), n=n["funding_shortfall"], largest=largest, need=money(need)))
    shown = by_country[~by_country["suppressed"]].dropna(subset=["mean"])
    if len(shown) >= 2:
        ranking = rank([Estimate.mean(country_name(r.group), r.mean, r.n, r.sd) for r in shown.itertuples()])
        high, low = ranking.top, ranking.bottom
        if ranking.top_holds and ranking.bottom_holds:
            out.append(_("Digitisation ranges from **{low}** in {low_country} to **{high}** in {high_country} "
                         "({n} countries with at least {min} answers).").format(
                low=pct(low.value), low_country=low.name, high=pct(high.value), high_country=high.name,
                n=len(shown), min=limits.SUPPRESS_BELOW_N))
        else:
            out.append(_("Country means range from {low} to {high} ({n} countries with at least {min} answers), "
                         "but {why}.").format(low=pct(low.value), high=pct(high.value), n=len(shown),
                                             min=limits.SUPPRESS_BELOW_N, why=ranking.why_not(_("country"))))
    return out


# --- when a group may be called highest, lowest, most or least ------------------------------------------
RANK_MIN_N = 20          # answers a group needs before it is singled out as the highest or the lowest
SIMILAR_WITHIN = 0.10    # totals with no known spread: within 10 % of each other count as similar
_Z95 = 1.96


@dataclass(frozen=True)
class Estimate:
    """One group's figure with its n and, when the spread of museums' answers is known, its 95 % interval."""

    name: str
    value: float
    n: int
    half_width: float | None = None

    @classmethod
    def mean(cls, name: str, value: float, n: int, sd: float | None) -> "Estimate":
        """A mean of museums' answers: interval from Student's t with the sample standard deviation."""
        half = None
        if sd is not None and not pd.isna(sd) and n > 1:
            half = float(stats.t.ppf(0.975, n - 1)) * float(sd) / math.sqrt(n)
        return cls(name, float(value), int(n), half)

    @classmethod
    def share(cls, name: str, pct: float, n: int) -> "Estimate":
        """A share of museums (%): Wilson's 95 % interval, which stays sensible near 0 and 100 %."""
        p, z2 = pct / 100, _Z95 ** 2
        centre = (p + z2 / (2 * n)) / (1 + z2 / n)
        half = _Z95 * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n)
        return cls(name, float(pct), int(n), 100 * (half + abs(centre - p)))

    @classmethod
    def total(cls, name: str, value: float, n: int) -> "Estimate":
        return cls(name, float(value), int(n))


def stands_out(first: Estimate, second: Estimate) -> bool:
    """Whether `first` may be called higher (or lower) than `second`: it rests on at least RANK_MIN_N answers,
    and the difference is larger than noise (the 95 % intervals do not overlap; for totals, more than
    SIMILAR_WITHIN apart)."""
    if first.n < RANK_MIN_N:
        return False
    gap = abs(first.value - second.value)
    if first.half_width is not None and second.half_width is not None:
        return gap > first.half_width + second.half_width
    return gap > SIMILAR_WITHIN * max(abs(first.value), abs(second.value))


@dataclass(frozen=True)
class Ranking:
    """Groups from highest to lowest, and which ends of the ranking may be named."""

    groups: list[Estimate]

    @property
    def top(self) -> Estimate:
        return self.groups[0]

    @property
    def bottom(self) -> Estimate:
        return self.groups[-1]

    @property
    def top_holds(self) -> bool:
        return len(self.groups) >= 2 and stands_out(self.groups[0], self.groups[1])

    @property
    def bottom_holds(self) -> bool:
        return len(self.groups) >= 2 and stands_out(self.groups[-1], self.groups[-2])

    def why_not(self, noun: str = "group") -> str:
        """Why an end is not named: too few answers at that end, or differences within noise."""
        if min(self.top.n, self.bottom.n) < RANK_MIN_N:
            return _("too few answers per {noun} (under {n}) to rank them").format(noun=noun, n=RANK_MIN_N)
        return _("the differences are within sampling noise")


def rank(groups: list[Estimate]) -> Ranking:
    return Ranking(sorted(groups, key=lambda g: g.value, reverse=True))


def coverage_note(cover: pd.DataFrame) -> str:
    """Which countries a coverage figure stands for (metrics.coverage rows), and which it leaves out for want
    of a population figure, in words."""
    known = cover[cover["museums"].notna()]
    missing = cover[cover["museums"].isna()]
    names = sorted(country_name(c) for c in known["country"])
    counted = _("counts from {n} country with a population figure ({names}).") if len(names) == 1 else \
        _("counts from {n} countries with a population figure ({names}).")
    text = counted.format(n=len(names), names=", ".join(names)) if names else \
        _("no country in view has a population figure.")
    if len(missing):
        respondents = lambda r: (_("{country} ({n} respondent)") if r.respondents == 1 else  # noqa: E731
                                 _("{country} ({n} respondents)")).format(country=country_name(r.country),
                                                                           n=r.respondents)
        text += " " + _("No population figure yet for {countries}, left out of this figure.").format(
            countries=", ".join(respondents(r) for r in missing.sort_values("country").itertuples()))
    return text[0].upper() + text[1:]
