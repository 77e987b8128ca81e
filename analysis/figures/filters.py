"""The shared filters of every view: one object that becomes a SQL WHERE clause and a sentence in words.

Datasette-style: a chart on a slide must say what it shows ("612 museums in 27 countries, wave 2025,
art museums, small"), so the description is generated from the same object as the query.
"""

from __future__ import annotations

from dataclasses import dataclass

from analysis import formats, schema
from analysis.schema import country_name


def _band_labels() -> dict[str, str]:
    """'small (<10k visits)', 'medium (10k–100k)', ..., 'huge (1M+ visits)' from schema.SIZE_BANDS. Shared links
    carry these labels (?size=small+(<10k+visits)), so their wording is part of every link."""
    lows = [formats.compact(lower) for _, lower in schema.SIZE_BANDS]
    labels = {}
    for i, (band, _) in enumerate(schema.SIZE_BANDS):
        if i == 0:
            labels[band] = f"{band} (<{lows[1]} visits)"
        elif i == len(lows) - 1:
            labels[band] = f"{band} ({lows[i]}+ visits)"
        else:
            labels[band] = f"{band} ({lows[i]}–{lows[i + 1]})"
    return labels


SIZE_BAND_LABELS = _band_labels()


@dataclass(frozen=True)
class Filters:
    wave: str | None = None
    countries: tuple[str, ...] = ()
    museum_types: tuple[str, ...] = ()
    size_bands: tuple[str, ...] = ()
    ownership: tuple[str, ...] = ()
    accredited: bool | None = None

    def where(self, alias: str = "") -> tuple[str, list]:
        """SQL condition over museum_metrics and its parameters (values are always bound)."""
        p = f"{alias}." if alias else ""
        clauses, params = [], []
        if self.wave:
            clauses.append(f"{p}survey_wave = ?")
            params.append(self.wave)
        for column, values in ((f"{p}country", self.countries), (f"{p}museum_type", self.museum_types),
                               (f"{p}size_band", self.size_bands), (f"{p}ownership", self.ownership)):
            if values:
                clauses.append(f"{column} IN ({', '.join('?' for _ in values)})")
                params += list(values)
        if self.accredited is not None:
            clauses.append(f"{p}accredited = ?")
            params.append(self.accredited)
        return (" AND ".join(clauses) or "TRUE"), params

    def describe(self, n: int, countries: int | None = None) -> str:
        """'612 museums in 27 countries, wave 2025, all types' (n is the respondents behind the view)."""
        head = f"{n:,} museum{'s' if n != 1 else ''}"
        if countries is not None and not (self.countries and len(self.countries) == countries):
            head += f" in {countries} countr{'y' if countries == 1 else 'ies'}"
        parts = [head]
        if self.countries:
            parts.append(_words([country_name(c) for c in self.countries]))
        if self.wave:
            parts.append(f"wave {self.wave}")
        types = schema.FIELDS_BY_NAME["museum_type"]
        parts.append(_words([dict(types.choices)[t].lower() for t in self.museum_types]) + " museums"
                     if self.museum_types else "all types")
        if self.size_bands:
            parts.append(_words([SIZE_BAND_LABELS[s] for s in self.size_bands]))
        if self.ownership:
            owners = dict(schema.FIELDS_BY_NAME["ownership"].choices)
            parts.append(_words([owners[o].lower() for o in self.ownership]))
        if self.accredited is not None:
            parts.append("accredited only" if self.accredited else "not accredited")
        return ", ".join(parts)


def _words(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
