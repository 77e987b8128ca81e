"""How figures are written for people, in one place: pages, chart titles, slides and notes all use these."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pandas as pd

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


def pct(value: float | None, digits: int = 0) -> str:
    """'46 %' (or '45.8 %' with digits=1)."""
    return MISSING if _missing(value) else f"{_round(value, digits):.{digits}f} %"


def number(value: float | None, digits: int = 0) -> str:
    """'12,345' or '3.1': thousands separators, a fixed number of decimals."""
    return MISSING if _missing(value) else f"{_round(value, digits):,.{digits}f}"


def mid_sentence(name: str) -> str:
    """'Qualified staff' -> 'qualified staff' inside a sentence; 'EU Horizon Europe' and 'AI policy' keep theirs."""
    return name[:1].lower() + name[1:] if name[1:2].islower() else name
