"""What every deck and report ends with, the same in both: the method of each shown chart, the sources with
n and the caveats; and the date they say they were generated on."""

from __future__ import annotations

import datetime as dt

from analysis import limits

SOURCES = (
    "Population frame: museums per country from EGMUS, national statistics offices and research datasets, "
    "each with its year, what it counts and its source (Methodology page).",
    "Commission Recommendation (EU) 2021/1970 on a common European data space for cultural heritage: "
    "digitisation targets for 2025 and 2030.",
    "NEMO, Network of European Museum Organisations: recommendations on AI in museums (Brussels, 2024).",
)
CAVEATS = (
    "Respondents chose to answer (self-selected): the figures describe them, not every museum.",
    f"Groups with fewer than {limits.SUPPRESS_BELOW_N} answers are suppressed: they are not shown and do not count "
    "as zero.",
    "Each chart's n counts the museums that answered its question; it can be below the respondents.",
)


def today() -> str:
    """The date as every deck and report prints it, e.g. '3 May 2025'."""
    date = dt.date.today()
    return f"{date.day} {date:%B %Y}"


def _method(chart) -> str:
    return chart.method.removeprefix("Method:").strip()


def closing_paragraphs(shown: list, scope: str, survey: str, noun: str = "Slide",
                       first: int = 2) -> list[tuple[str, bool]]:
    """(text, is heading): each shown chart's method, by its slide (or chart) number, those sharing one named
    together; the sources with n; the caveats."""
    methods: dict[str, list[int]] = {}
    for number, chart in enumerate(shown, start=first):
        methods.setdefault(_method(chart), []).append(number)
    lines = [("Method", True)]
    lines += [(f"{noun}{'s' if len(numbers) > 1 else ''} {', '.join(map(str, numbers))}: {method}", False)
              for method, numbers in methods.items()]
    lines += [("Sources", True), (f"{survey}: {scope}.", False),
              *((v, False) for v in dict.fromkeys(chart.data_version for chart in shown) if v),
              *((s, False) for s in SOURCES)]
    lines += [("Caveats", True), *((c, False) for c in CAVEATS)]
    return lines
