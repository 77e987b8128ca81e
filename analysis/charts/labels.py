"""The words charts share: how groups and percentages are written, what is said of groups too small to show,
and the estimates a chart's finding is ranked on."""

from __future__ import annotations

import pandas as pd

from analysis import formats, i18n, schema
from analysis.figures import findings
from analysis.i18n import N_, _
from analysis.limits import SUPPRESS_BELOW_N
from analysis.schema import country_name

GROUP_NOUNS = {"country": (N_("country"), N_("countries")), "museum_type": (N_("museum type"), N_("museum types")),
               "size_band": (N_("size band"), N_("size bands")),
               "ownership": (N_("ownership group"), N_("ownership groups"))}


def group_label(by: str, code: object) -> str:
    """How a breakdown group is written: country names, size bands and enumeration labels in words."""
    from analysis.figures.filters import size_band_label
    if by == "country":
        return country_name(str(code))
    if by == "size_band":
        label = size_band_label(str(code))
        return label[:1].upper() + label[1:]
    field = schema.FIELDS_BY_NAME.get(by)
    if field is not None and field.choices:
        return i18n.survey_label(dict(field.choices).get(str(code), str(code)))
    if isinstance(code, bool):
        return _("Yes") if code else _("No")
    return str(code)


def pct(value: float | None) -> str:
    """'62 %' on a bar or in a title, '–' for a figure not shown."""
    return formats.pct(value)


def not_shown(count: int, singular: str = N_("group"), plural: str = N_("groups")) -> str:
    """'; 2 countries with fewer than 5 answers not shown' (SUPPRESS_BELOW_N), or '' when nothing was hidden.
    The nouns are English (translated here when the catalogue has them) or already translated."""
    if not count:
        return ""
    return formats.semicolon() + _("{n} {groups} with fewer than {min} answers not shown").format(
        n=count, groups=_(singular if count == 1 else plural), min=SUPPRESS_BELOW_N)


def share_hover(category: str, value: str) -> str:
    """'Awareness: 33.0 % (316 museums)': a share bar's hover, its category on axis `category`, its share on
    axis `value` and the museums behind it in customdata."""
    return f"%{{{category}}}: %{{{value}:.1f}} % (%{{customdata}} " + _("museums") + ")<extra></extra>"


def eur_hover(amount: str) -> str:
    """'EUR %{x:,.1f} M' for a hover template, the unit where the reader's language puts it ('%{x:,.1f} M EUR')."""
    return _("EUR {amount} M").format(amount=amount)


def first_n(frame: pd.DataFrame) -> int:
    """The n of a frame whose rows share one n (the museums that answered the question)."""
    return int(frame["n"].iloc[0]) if len(frame) else 0


def estimate(name: str, value: float, row, sd_scale: float = 1.0) -> findings.Estimate:
    """A group's mean (or median: sd_scale 1.25) with its interval when the row carries the spread (`sd`)."""
    sd = getattr(row, "sd", None)
    return findings.Estimate.mean(name, value, row.n, None if sd is None or pd.isna(sd) else sd * sd_scale)
