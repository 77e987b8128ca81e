"""How figures are written for people, in one place: pages, chart titles, slides and notes all use these."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from analysis.lazy import pandas as pd   # lazy: analysis.figures.filters uses compact(), and `summary` must not load pandas

MISSING = "–"


def _missing(value) -> bool:
    return value is None or pd.isna(value)


def _round(value: float, digits: int) -> Decimal:
    """Half up, on the decimal value as written (0.075 -> 0.08), as a reader rounds by hand."""
    return Decimal(f"{float(value):.12g}").quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)


def money(value: float | None, digits: int = 1) -> str:
    """'EUR 12.4 M', always in millions; sums under a million get a second decimal ('EUR 0.12 M')."""
    if _missing(value):
        return MISSING
    if 0 < abs(value) < 1e6:
        digits = max(digits, 2)
    return f"EUR {_round(value / 1e6, digits):,.{digits}f} M"


def pct(value: float | None, digits: int = 0, unit: str = "%") -> str:
    """'46 %' (or '45.8 %' with digits=1; '3.2 pp' with unit='pp')."""
    return MISSING if _missing(value) else f"{_round(value, digits):.{digits}f} {unit}"


def number(value: float | None, digits: int = 0) -> str:
    """'12,345' or '3.1': thousands separators, a fixed number of decimals."""
    return MISSING if _missing(value) else f"{_round(value, digits):,.{digits}f}"


def count(value: float | None, digits: int = 1) -> str:
    """'12.4 million' from a million up, '12,345' below: counts of things such as objects."""
    if _missing(value):
        return MISSING
    return f"{_round(value / 1e6, digits):,.{digits}f} million" if abs(value) >= 1e6 else number(value)


def compact(value: int) -> str:
    """'10k', '100k', '1M': a round threshold in a short label."""
    for size, suffix in ((1_000_000, "M"), (1_000, "k")):
        if value >= size:
            return f"{value / size:g}{suffix}"
    return f"{value:g}"


def mid_sentence(name: str) -> str:
    """'Qualified staff' -> 'qualified staff' inside a sentence; 'EU Horizon Europe' and 'AI policy' keep theirs."""
    return name[:1].lower() + name[1:] if name[1:2].islower() else name
