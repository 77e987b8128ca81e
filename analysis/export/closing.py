"""What every deck and report ends with, the same in both: the method of each shown chart, the sources with
n and the caveats; and the date they say they were generated on. All in the current language."""

from __future__ import annotations

import datetime as dt

from analysis import formats, limits
from analysis.i18n import N_, _

CLOSING = N_("Method, sources and caveats")       # the closing slide's and section's heading
SURVEY = N_("Museum digitisation survey")          # the source every slide footer and report names by default
SOURCES = (
    N_("Population frame: museums per country from EGMUS, national statistics offices and research datasets, "
       "each with its year, what it counts and its source (Methodology page)."),
    N_("Commission Recommendation (EU) 2021/1970 on a common European data space for cultural heritage: "
       "digitisation targets for 2025 and 2030."),
    N_("NEMO, Network of European Museum Organisations: recommendations on AI in museums (Brussels, 2024)."),
)
CAVEATS = (
    N_("Respondents chose to answer (self-selected): the figures describe them, not every museum."),
    N_("Groups with fewer than {n} answers are suppressed: they are not shown and do not count as zero."),
    N_("Each chart's n counts the museums that answered its question; it can be below the respondents."),
)
# How the method list names the slides (deck) or charts (report) sharing a method: one, several.
NUMBERED = {"slide": (N_("Slide {numbers}: {method}"), N_("Slides {numbers}: {method}")),
            "chart": (N_("Chart {numbers}: {method}"), N_("Charts {numbers}: {method}"))}


def today() -> str:
    """The date as every deck and report prints it, in the current language: '3 May 2025', '3 mai 2025',
    '3. Mai 2025'."""
    return formats.date(dt.date.today(), "long")


def _method(chart) -> str:
    """The chart's method without its 'Method:' label (as the chart's notes word it, in the current language)."""
    label = _("Method: {method}").partition("{method}")[0]
    return chart.method.removeprefix(label).strip()


def closing_paragraphs(shown: list, scope: str, survey: str, kind: str = "slide",
                       first: int = 2) -> list[tuple[str, bool]]:
    """(text, is heading): each shown chart's method, by its slide (or chart) number, those sharing one named
    together; the sources with n; the caveats."""
    methods: dict[str, list[int]] = {}
    for number, chart in enumerate(shown, start=first):
        methods.setdefault(_method(chart), []).append(number)
    one, several = NUMBERED[kind]
    lines = [(_("Method"), True)]
    lines += [(_(several if len(numbers) > 1 else one).format(numbers=", ".join(map(str, numbers)), method=method),
               False) for method, numbers in methods.items()]
    lines += [(_("Sources"), True), (_("{survey}: {scope}.").format(survey=survey, scope=scope), False),
              *((v, False) for v in dict.fromkeys(chart.data_version for chart in shown) if v),
              *((_(s), False) for s in SOURCES)]
    lines += [(_("Caveats"), True), *((_(c).format(n=limits.SUPPRESS_BELOW_N), False) for c in CAVEATS)]
    return lines
