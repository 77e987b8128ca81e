"""How figures are written for people, in one place: pages, chart titles, slides and notes all use these.

Numbers follow the current language's conventions through Babel ('1,234.5', '1 234,5', '1.234,5'); the
words around them ('EUR {amount} M', '{amount} million') are catalogue messages, so each language places its
own unit. Rounding is done here, half up, before Babel writes the digits, so every language shows the same
rounded value."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from analysis import i18n
from analysis.i18n import _

MISSING = "–"


def is_missing(value) -> bool:
    """None, NaN, NaT or pandas' NA: a blank cell in every table, export and form. Told apart without importing
    pandas, so that `summary` answers without loading it."""
    if value is None:
        return True
    try:
        return bool(value != value)     # of all values, only NaN and NaT differ from themselves
    except TypeError:                   # pandas' NA compares to NA, which has no truth value
        return True


def _round(value: float, digits: int) -> Decimal:
    """Half up, on the decimal value as written (0.075 -> 0.08), as a reader rounds by hand."""
    return Decimal(f"{float(value):.12g}").quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)


def _locale() -> str:
    """Babel's locale for the current language; English is written the British way, as the interface is."""
    code = i18n.current()
    return "en_GB" if code == i18n.SOURCE_LANGUAGE else code


def _digits(value: float, digits: int) -> str:
    """The rounded value with grouping and exactly `digits` decimals, in the current language's symbols."""
    from babel.numbers import format_decimal
    pattern = "#,##0" + ("." + "0" * digits if digits > 0 else "")
    return format_decimal(_round(value, digits), format=pattern, locale=_locale())


def separators() -> tuple[str, str]:
    """The current language's decimal sign and thousands separator ('.', ','; ',', ' '; ',', '.'): for plotly's
    `separators` (hover labels written as the titles are) and for tables whose numbers stay numbers."""
    from babel.numbers import get_decimal_symbol, get_group_symbol
    return get_decimal_symbol(_locale()), get_group_symbol(_locale())


def plain(value: float) -> str:
    """'12.5', '-5000', '0.075': as many decimals as the value has (up to 3), ungrouped as a cell holds it, with
    the current language's decimal sign ('12,5'); how a cell's value is quoted back in a message."""
    from babel.numbers import format_decimal
    return format_decimal(Decimal(f"{float(value):.12g}"), format="0.###", locale=_locale())


def money(value: float | None, digits: int = 1) -> str:
    """'EUR 12.4 M' ('12,4 M EUR', '12,4 Mio. EUR'), always in millions; sums under a million get a second
    decimal ('EUR 0.12 M')."""
    if is_missing(value):
        return MISSING
    if 0 < abs(value) < 1e6:
        digits = max(digits, 2)
    return _("EUR {amount} M").format(amount=_digits(value / 1e6, digits))


def pct(value: float | None, digits: int = 0, unit: str = "%") -> str:
    """'46 %' (or '45.8 %' with digits=1; '3.2 pp' with unit=_("pp"): the caller passes the unit translated)."""
    return MISSING if is_missing(value) else f"{_digits(value, digits)} {unit}"


def number(value: float | None, digits: int = 0) -> str:
    """'12,345' or '3.1': thousands separators, a fixed number of decimals."""
    return MISSING if is_missing(value) else _digits(value, digits)


def count(value: float | None, digits: int = 1) -> str:
    """'12.4 million' from a million up, '12,345' below: counts of things such as objects."""
    if is_missing(value):
        return MISSING
    if abs(value) >= 1e6:
        return _("{amount} million").format(amount=_digits(value / 1e6, digits))
    return number(value)


def date(value: dt.date | dt.datetime | None, style: str = "medium") -> str:
    """'4 Dec 2026', '4 déc. 2026', '04.12.2026': a day in the current language's medium style; with
    style="long" the month in words ('4 December 2026', '4 décembre 2026', '4. Dezember 2026')."""
    if is_missing(value):
        return MISSING
    from babel.dates import format_date
    return format_date(value, format=style, locale=_locale())


def timestamp(value: dt.datetime | None) -> str:
    """'4 Dec 2026, 14:05': a moment, as the upload history shows it (24-hour clock in every language)."""
    if is_missing(value):
        return MISSING
    return _("{date}, {time}").format(date=date(value), time=f"{value:%H:%M}")


def compact(value: int) -> str:
    """'10k', '100k', '1M': a round threshold in a short label."""
    for size, suffix in ((1_000_000, "M"), (1_000, "k")):
        if value >= size:
            return f"{value / size:g}{suffix}"
    return f"{value:g}"


def listing(items, style: str = "standard") -> str:
    """'5, 6 and 7' ('5, 6 et 7', '5, 6 und 7'); style 'or' for alternatives. Babel's lists of the language."""
    from babel.lists import format_list

    return format_list([str(i) for i in items], style=style, locale=_locale())


def semicolon() -> str:
    """'; ' between the clauses of one sentence; French typography puts a space before it (' ; ')."""
    return _("; ")


def clauses(parts) -> str:
    """The non-empty parts as clauses of one sentence: 'Wave 2025; Germany', 'Vague 2025 ; Allemagne'."""
    return semicolon().join(p for p in parts if p)


def labelled(label: str, value: str) -> str:
    """'Germany: 46 %' ('Allemagne : 46 %'): a value after its label, with the language's colon."""
    return _("{label}: {value}").format(label=label, value=value)


def mid_sentence(name: str) -> str:
    """'Qualified staff' -> 'qualified staff' inside a sentence; 'EU Horizon Europe' and 'AI policy' keep theirs,
    and so does every German label (German nouns keep their capital)."""
    if i18n.current() == "de":
        return name
    return name[:1].lower() + name[1:] if name[1:2].islower() else name
