"""What a chart definition is made of, and the registry they fill: the View a chart is drawn for, the Chart it
returns (figure, data, caption, alt text, speaker notes), the `@chart(...)` decorator that registers it in CHARTS,
and the wording every definition shares (`finish` writes the notes: the finding with its n, the figures behind it,
what it does not say, the method). The definitions themselves are in analysis.charts.definitions; pages and exports
use analysis.charts.catalogue.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

import duckdb
import pandas as pd
import plotly.graph_objects as go

from analysis import charts, formats, limits
from analysis.figures import metrics, projections, provenance, weights
from analysis.figures.filters import Filters
from analysis.i18n import N_, _

CAVEAT = N_("Museums chose to take part, so these figures describe the museums that answered, not every museum "
             "in the countries shown")


@dataclass(frozen=True)
class View:
    """What a chart is drawn for: the filters, their headline summary, the filters in words with n, and a way
    to fetch any aggregate of analysis.figures.metrics under these filters: `fetch(metrics.distribution, *args)`."""

    filters: Filters
    summary: dict
    caption: str
    fetch: Callable[..., Any]
    data_version: str = ""        # which uploads and frame the figures come from (analysis.figures.provenance)
    cache_key: tuple = ()         # what its charts may be cached under in the app (data version, language, view)

    @classmethod
    def of(cls, con: duckdb.DuckDBPyConnection, filters: Filters) -> "View":
        """A view straight on the store (command line, exports, tests)."""
        s = metrics.summary(con, filters=filters)
        return cls(filters, s, filters.describe(s["respondents"], s["countries"]),
                   lambda metric, *args: metric(con, filters, *args),
                   provenance.current(con, filters.wave).text)


@dataclass
class Chart:
    key: str                      # file names, element keys, the deck picker
    figure: go.Figure
    data: pd.DataFrame            # the table behind the figure, as downloaded
    caption: str                  # the filters in words, with n
    alt: str                      # what the chart shows, for screen readers and the data expander
    notes: list[str] = field(default_factory=list)   # speaker notes; the last one is the method
    empty: bool = False           # nothing could be shown (too few answers): left out of decks
    data_version: str = ""        # printed on its downloads, images, decks and reports

    @property
    def title(self) -> str:
        """The finding: the figure's title without the subtitle."""
        return charts.split_title(self.figure.layout.title.text)[0] or self.key

    @property
    def method(self) -> str:
        return self.notes[-1] if self.notes else ""


@dataclass(frozen=True)
class Definition:
    key: str
    label: str                    # how the deck picker names it
    build: Callable[..., Chart]


CHARTS: dict[str, Definition] = {}



def chart(key: str, label: str):
    """Register a chart definition under `key` (the key of its default view) with its picker label."""
    def register(build: Callable[..., Chart]) -> Callable[..., Chart]:
        CHARTS[key] = Definition(key, label, build)
        return build
    return register


# --- notes and wording, shared by every definition -----------------------------------------------------
def finish(view: View, key: str, fig: go.Figure, data: pd.DataFrame, alt: str, *, n: int, figures: list[str],
           method: str, hidden: int = 0, noun: tuple[str, str] = (N_("group"), N_("groups")), empty: bool = False,
           caption: str | None = None) -> Chart:
    """A Chart with notes a speaker can read aloud: finding and n, figures, caveats, method. `noun` names the
    groups (singular, plural) in English or already translated."""
    finding = charts.split_title(fig.layout.title.text)[0]
    caveat = _(CAVEAT)
    if hidden:
        caveat += formats.semicolon() + _("{n} {groups} with fewer than {min} answers are not shown").format(
            n=hidden, groups=_(noun[0] if hidden == 1 else noun[1]), min=limits.SUPPRESS_BELOW_N)
    notes = [_("{finding} (n = {n} museums).").format(finding=finding, n=formats.number(n)),
             *[f for f in figures if f], caveat + ".", _("Method: {method}").format(method=method)]
    return Chart(key, fig, data, view.caption if caption is None else caption, alt, notes, empty, view.data_version)


def hidden(frame: pd.DataFrame) -> int:
    return int(frame["suppressed"].sum()) if "suppressed" in frame else 0


def ends(shown: pd.DataFrame, name: Callable[[Any], str], value: str, text: Callable[[float], str]) -> str:
    """'Highest: Denmark 46 % (n = 25); lowest: Malta 12 % (n = 6)', as the chart shows them."""
    if shown.empty:
        return ""
    ordered = shown.sort_values(value, ascending=False)
    top, low = ordered.iloc[0], ordered.iloc[-1]
    first = f"{name(top)} {text(top[value])} (n = {int(top['n'])})"
    if len(ordered) == 1:
        return _("Only group shown: {group}.").format(group=first)
    return _("Highest: {highest}; lowest: {lowest}.").format(
        highest=first, lowest=f"{name(low)} {text(low[value])} (n = {int(low['n'])})")


def pct(value: float) -> str:
    return formats.pct(value)


def pct1(value: float) -> str:
    return formats.pct(value, 1)


def frame_sentence(frame: projections.FrameScenario | None, reason: str) -> str:
    """The scenario over every museum of the frame, with 95 % intervals, in one sentence (or why there is none);
    the scenario-curve notes and the Scenarios page both say it."""
    if frame is None:
        return _("Not extrapolated to all museums: {reason}.").format(reason=reason)
    every = frame.table.set_index("scope").loc[weights.ALL]
    return _("Shared among all {museums} museums of the frame (estimate): {funded} fully funded (95 % interval "
             "{funded_lo}–{funded_hi}) of {with_gap} with a gap; their shortfall {shortfall} (95 % interval "
             "{shortfall_lo}–{shortfall_hi}).").format(
        museums=formats.number(every["N"]), funded=formats.number(every["museums_funded"]),
        funded_lo=formats.number(every["funded_lo"]), funded_hi=formats.number(every["funded_hi"]),
        with_gap=formats.number(every["museums_with_gap"]), shortfall=formats.money(every["shortfall_eur"]),
        shortfall_lo=formats.money(every["shortfall_lo"]), shortfall_hi=formats.money(every["shortfall_hi"])
    ) + " " + frame.note
