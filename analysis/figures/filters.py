"""The shared filters of every view: one object that becomes a SQL WHERE clause and a sentence in words.

Datasette-style: a chart on a slide must say what it shows ("612 museums in 27 countries, wave 2025,
art museums, small"), so the description is generated from the same object as the query.
"""

from __future__ import annotations

from dataclasses import dataclass

from analysis import formats, i18n, schema
from analysis.i18n import N_, _
from analysis.schema import country_name


# The size bands of schema.SIZE_BANDS in words; shared links carry the labels (?size=small+(<10k+visits)), so
# their wording, in the link's language, is part of every link.
BAND_NAMES = {"small": N_("small"), "medium": N_("medium"), "large": N_("large"), "huge": N_("huge")}


def size_band_label(band: str) -> str:
    """'small (<10k visits)', 'medium (10k–100k)', ..., 'huge (1M+ visits)' in the current language."""
    bands = [name for name, _lower in schema.SIZE_BANDS]
    if band not in bands:
        return band
    lows = [formats.compact(lower) for _name, lower in schema.SIZE_BANDS]
    i, name = bands.index(band), _(BAND_NAMES.get(band, band))
    if i == 0:
        return _("{band} (<{upper} visits)").format(band=name, upper=lows[1])
    if i == len(bands) - 1:
        return _("{band} ({lower}+ visits)").format(band=name, lower=lows[i])
    return _("{band} ({lower}–{upper})").format(band=name, lower=lows[i], upper=lows[i + 1])


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
        head = (_("{n} museum") if n == 1 else _("{n} museums")).format(n=formats.number(n))
        if countries is not None and not (self.countries and len(self.countries) == countries):
            head = (_("{museums} in {n} country") if countries == 1 else _("{museums} in {n} countries")).format(
                museums=head, n=countries)
        parts = [head]
        if self.countries:
            parts.append(_words([country_name(c) for c in self.countries]))
        if self.wave:
            parts.append(_("wave {wave}").format(wave=self.wave))
        types = schema.FIELDS_BY_NAME["museum_type"]
        parts.append(_("{types} museums").format(
            types=_words([formats.mid_sentence(i18n.survey_label(dict(types.choices)[t])) for t in self.museum_types]))
            if self.museum_types else _("all types"))
        if self.size_bands:
            parts.append(_words([size_band_label(s) for s in self.size_bands]))
        if self.ownership:
            owners = dict(schema.FIELDS_BY_NAME["ownership"].choices)
            parts.append(_words([formats.mid_sentence(i18n.survey_label(owners[o])) for o in self.ownership]))
        if self.accredited is not None:
            parts.append(_("accredited only") if self.accredited else _("not accredited"))
        return ", ".join(parts)

def _words(items: list[str]) -> str:
    return items[0] if len(items) == 1 else _("{items} and {last}").format(items=", ".join(items[:-1]), last=items[-1])
