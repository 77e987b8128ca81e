"""Every chart definition, by theme; importing this package registers them all in
`registry.CHARTS` (analysis.charts.catalogue imports it, so CHARTS is complete wherever charts are used).

The import order below is the order of CHARTS, which the deck picker shows: keep it when adding a module."""

from analysis.charts.definitions import overview, digitisation, skills, funding, map, methodology, scenarios

__all__ = ["overview", "digitisation", "skills", "funding", "map", "methodology", "scenarios"]
