"""The Europe map: one metric per country as a choropleth over the shipped outlines (no tiles, no basemap), and
how its values are written."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from analysis import formats
from analysis.figures import findings
from analysis.charts.labels import estimate
from analysis.i18n import N_, _
from analysis.charts.style import FONT_SIZE, MAP_NO_ANSWER_COLOUR, MAP_SUPPRESSED_COLOUR, house_style, wrap
from analysis.limits import SUPPRESS_BELOW_N
from analysis.schema import country_name

MAP_LON_RANGE, MAP_LAT_RANGE = (-25.0, 45.0), (34.0, 71.5)   # Iceland to the Urals' foot, Crete to North Cape


def map_value(value: float, unit: str, precise: bool = False) -> str:
    """'62 %', '12 pp', 'EUR 3.4 M', 'EUR 0.12 M', '0.42': how a map value is written (more digits on hover)."""
    if unit in ("%", "pp"):
        return formats.pct(value, 1 if precise else 0, unit if unit == "%" else _("pp"))
    if unit == "EUR M":
        return formats.money(value * 1e6, 2 if precise else 1)
    if unit == "EUR k":
        return _("EUR {amount} k").format(amount=formats.number(value, 2 if precise else 0))
    if unit == "index":
        return formats.number(value, 3 if precise else 2)
    return f"{formats.number(value, 2 if precise else 1)} {unit}".strip()


UNIT_WORDS = {"pp": N_("pp"), "EUR M": N_("EUR M"), "EUR k": N_("EUR k"), "index": N_("index")}


def map_unit(unit: str) -> str:
    """A map unit as the colour bar and the notes write it, in the reader's language ('Mio. EUR')."""
    return _(UNIT_WORDS[unit]) if unit in UNIT_WORDS else unit


def map_label(value: float, unit: str) -> str:
    """The number printed on a country, without its unit (the colour bar carries it): '62', '3.4', '0.42'."""
    if unit == "index":
        return formats.number(value, 2)
    if unit == "EUR M" and abs(value) < 100:
        return formats.number(value, 1 if abs(value) >= 1 else 2)
    return formats.number(value)


def europe_map(frame: pd.DataFrame, metric_label: str, caption: str, geojson: dict, unit: str = "") -> go.Figure:
    """Choropleth of one metric per country over the shipped Europe GeoJSON (no tiles, no basemap).

    frame: one row per country with `country` (ISO alpha-2), `n`, `value` and `suppressed`, as
    analysis.figures.metrics.country_values returns it. Countries with fewer than SUPPRESS_BELOW_N answers are drawn mid
    grey and named in the subtitle; countries nobody answered for are light grey; codes the geometry lacks are
    named.
    """
    features = {f["properties"]["iso_a2"]: f["properties"] for f in geojson["features"]}

    def name(code: str) -> str:
        named = country_name(code)
        return features[code]["name"] if named == code and code in features else named

    on_map = frame["country"].isin(list(features))
    shown = frame[on_map & ~frame["suppressed"] & frame["value"].notna()].sort_values("value", ascending=False)
    hidden = frame[on_map & ~frame.index.isin(shown.index)]
    off_map = frame[~on_map]
    absent = [code for code in features if code not in set(frame["country"])]

    fig = go.Figure()
    # Value labels first: plotly.js fetches a world topojson from its CDN for a geo subplot whose FIRST trace
    # has a `locationmode` (every choropleth has one); a lon/lat scattergeo first keeps the map offline.
    fig.add_scattergeo(lon=[features[c]["label_lon"] for c in shown["country"]],
                       lat=[features[c]["label_lat"] for c in shown["country"]],
                       text=[map_label(v, unit) for v in shown["value"]], mode="text", name="values",
                       textfont={"size": FONT_SIZE - 4, "color": "#000000", "shadow": "auto", "weight": "bold"},
                       hoverinfo="skip", showlegend=False)
    def only(codes) -> dict:      # each trace carries just its own outlines: the geometry is sent once, not 3x
        wanted = set(codes)
        return {"type": "FeatureCollection",
                "features": [f for f in geojson["features"] if f["properties"]["iso_a2"] in wanted]}

    fig.add_choropleth(geojson=only(absent), featureidkey="properties.iso_a2", locations=absent, name=_("No answers"),
                       z=[0] * len(absent), colorscale=[[0, MAP_NO_ANSWER_COLOUR], [1, MAP_NO_ANSWER_COLOUR]],
                       showscale=False, marker={"line": {"color": "#FFFFFF", "width": 0.8}},
                       customdata=[name(c) for c in absent], hovertemplate="%{customdata}: " + _("no answers") + "<extra></extra>")
    fig.add_choropleth(geojson=only(hidden["country"]), featureidkey="properties.iso_a2",
                       locations=list(hidden["country"]),
                       z=[0] * len(hidden), name=_("Fewer than {min} answers").format(min=SUPPRESS_BELOW_N), showscale=False,
                       colorscale=[[0, MAP_SUPPRESSED_COLOUR], [1, MAP_SUPPRESSED_COLOUR]],
                       marker={"line": {"color": "#FFFFFF", "width": 0.8}},
                       customdata=[[name(c), int(n)] for c, n in zip(hidden["country"], hidden["n"])],
                       hovertemplate="%{customdata[0]}: " + _("fewer than {min} answers").format(
                           min=SUPPRESS_BELOW_N) + " (n = %{customdata[1]})<extra></extra>")
    fig.add_choropleth(geojson=only(shown["country"]), featureidkey="properties.iso_a2",
                       locations=list(shown["country"]),
                       z=list(shown["value"]), name=metric_label, colorscale="Viridis",
                       marker={"line": {"color": "#FFFFFF", "width": 0.8}},
                       colorbar={"title": {"text": map_unit(unit), "side": "top"}, "thickness": 22, "len": 0.8,
                                 "tickfont": {"size": FONT_SIZE - 2}, "x": 1.0},
                       customdata=[[name(c), map_value(v, unit, precise=True), int(n)]
                                   for c, v, n in zip(shown["country"], shown["value"], shown["n"])],
                       hovertemplate="%{customdata[0]}: %{customdata[1]} (n = %{customdata[2]})<extra></extra>")
    fig.update_geos(visible=False, showframe=False, bgcolor="rgba(0,0,0,0)",
                    projection={"type": "conic conformal", "parallels": [43, 62], "rotation": {"lon": 10}},
                    lonaxis_range=list(MAP_LON_RANGE), lataxis_range=list(MAP_LAT_RANGE))

    if len(shown) >= 2:
        ranking = findings.rank([estimate(name(r.country), r.value, r)
                                 for r in shown.itertuples()])
        top, low = ranking.top, ranking.bottom
        ends = [_("highest in {country} ({value})").format(country=top.name, value=map_value(top.value, unit))
                if ranking.top_holds else "",
                _("lowest in {country} ({value})").format(country=low.name, value=map_value(low.value, unit))
                if ranking.bottom_holds else ""]
        if any(ends):
            finding = ", ".join(e for e in ends if e)
        else:
            finding = _("from {low} to {high} across {count} countries; {why}").format(
                low=map_value(low.value, unit), high=map_value(top.value, unit), count=len(shown),
                why=ranking.why_not(_("country")))
    elif len(shown) == 1:
        only = shown.iloc[0]
        finding = _("{value} in {country}, the only country with {min} or more answers").format(
            value=map_value(only["value"], unit), country=name(only["country"]), min=SUPPRESS_BELOW_N)
    else:
        finding = _("too few answers per country to map")
        fig.add_annotation(text=_("No country has {min} or more answers to this question").format(
                               min=SUPPRESS_BELOW_N), showarrow=False,
                           x=0.5, y=0.5, xref="paper", yref="paper", font={"size": FONT_SIZE},
                           bgcolor="rgba(255,255,255,0.85)")
    answered = int(frame["n"].sum())
    museums = (_("n = {n} museum answered") if answered == 1 else _("n = {n} museums answered")).format(
        n=formats.number(answered))
    countries = (_("{count} country shown") if len(shown) == 1 else _("{count} countries shown")).format(
        count=len(shown))
    lines = [formats.clauses([caption, f"{museums}, {countries}"])]
    grey = _("Light grey: no answers")
    if len(hidden):
        grey += formats.semicolon() + _("mid grey, fewer than {min} answers: {countries}").format(
            min=SUPPRESS_BELOW_N, countries=", ".join(name(c) for c in sorted(hidden["country"])))
    lines.append(grey)
    if len(off_map):
        lines.append(_("Not on this map: {countries}").format(
            countries=", ".join(name(c) for c in sorted(off_map["country"]))))
    title = formats.labelled(metric_label, finding)
    if len(title) > 80:          # metric on the first line (what downloads use as the title), finding below
        title = "<br>".join([wrap(title[:-len(finding)].rstrip(), 80), wrap(finding, 80)])
    lines = [wrap(line, 110) for line in lines]
    fig.update_layout(height=900, dragmode=False)
    house_style(fig, title, "<br>".join(lines))
    fig.update_layout(margin={"l": 10, "r": 10, "t": 80 + 32 * (title.count("<br>") + len(lines)), "b": 10})
    return fig
