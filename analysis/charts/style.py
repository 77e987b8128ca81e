"""The house style every chart shares: palette, template, font sizes, and the one way a chart gets its title,
subtitle, legend and margins (`titled`), readable from the back of a hall and on a half-page slide."""

from __future__ import annotations

import re
import textwrap

import plotly.graph_objects as go

from analysis import formats, i18n
from analysis.i18n import _
from analysis.limits import SUPPRESS_BELOW_N

# Okabe-Ito: distinguishable with the common forms of colour blindness.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442", "#000000")
FONT_SIZE = 18
# One lean template: the look of plotly_white, only the parts these charts use. Every figure carries its
# template to the browser, and plotly_white's is 7 KB (colour scales, 3D scenes, polar axes, 25 trace types).
_AXIS = {"gridcolor": "#EBF0F8", "linecolor": "#EBF0F8", "zerolinecolor": "#EBF0F8", "zerolinewidth": 2, "ticks": "",
         "title": {"standoff": 15}, "automargin": True}
TEMPLATE = go.layout.Template(
    layout={"autotypenumbers": "strict", "font": {"color": "#2a3f5f"}, "title": {"x": 0.05}, "colorway": PALETTE,
            "paper_bgcolor": "white", "plot_bgcolor": "white", "hovermode": "closest", "hoverlabel": {"align": "left"},
            "xaxis": _AXIS, "yaxis": _AXIS, "shapedefaults": {"line": {"color": "#2a3f5f"}},
            "annotationdefaults": {"arrowcolor": "#2a3f5f", "arrowhead": 0, "arrowwidth": 1}},
    data={"bar": [{"marker": {"line": {"color": "white", "width": 0.5}}, "error_x": {"color": "#2a3f5f"},
                   "error_y": {"color": "#2a3f5f"}}],
          "choropleth": [{"colorbar": {"outlinewidth": 0, "ticks": ""}}]})

# --- colours with a meaning, the same on every page ----------------------------------------------------
TARGET_COLOUR = "#000000"             # a target, milestone or reference line
GAP_COLOUR = PALETTE[3]               # vermillion: below the target, a gap, a shortfall
MET_COLOUR = PALETTE[0]               # blue: at or above the target, or neutral
NO_DATA_COLOUR = "#BBBBBB"            # neutral grey for "cannot be judged"; not a category colour
BUDGET_COLOUR = "#666666"             # neutral grey: money available, not a pillar
CLOSED_COLOUR = PALETTE[2]            # bluish green: shortfall the scenario closes
NOW_COLOUR = "#666666"                # neutral grey: where things stand today
WEIGHTED_COLOUR = PALETTE[0]          # blue: the population-weighted estimate and its interval
UNWEIGHTED_COLOUR = PALETTE[1]        # orange: the respondents' own (unweighted) mean
MAP_NO_ANSWER_COLOUR = "#EEEEEE"      # countries nobody in this view answered for
MAP_SUPPRESSED_COLOUR = "#B0B0B0"     # too few answers: not shown (Viridis has no grey, so no clash)

# --- legibility: title characters per line ------------------------------------------------------------
# a full-width chart; half of a page with the legend below the plot (44) or above it (40)
FULL_WIDTH_CHARS, HALF_WIDTH_CHARS, NARROW_CHARS = 85, 44, 40


_GLUED = "\x00"      # stands for the space French puts before ':' and ';', which must not start a line


def wrap(text: str, width: int) -> str:
    """Break a plain-text title or subtitle into <br>-separated lines (plotly titles do not wrap), never before a
    colon or semicolon ('déficit<br>: 164 M EUR')."""
    glued = text.replace(" :", _GLUED + ":").replace(" ;", _GLUED + ";")
    return "<br>".join(textwrap.wrap(glued, width, break_long_words=False)).replace(_GLUED, " ") or text


def _wrap_figures(text: str, width: int) -> str:
    """wrap, never breaking a figure from its unit ('EUR 75.9 M', '7 %', 'n = 208')."""
    kept = re.sub(r"(\d) (%|M\b|k\b|pp\b|points\b)", "\\1\u00a0\\2", text)
    kept = re.sub(r"\bn = (\d)", "n\u00a0=\u00a0\\1", kept)
    kept = re.sub(r"\bEUR (\d)", "EUR\u00a0\\1", kept)
    return wrap(kept, width).replace("\u00a0", " ")


def _axis_title(text: str, width: int) -> str:
    """An axis title that fits under a narrow plot area: longer than `width`, it breaks at the space nearest its
    middle ('Shortfall per museum<br>(EUR millions)'), so that neither line is left with a lone '(%)'."""
    spaces = [i for i, c in enumerate(text) if c == " "]
    if len(text) <= width or not spaces:
        return text
    cut = min(spaces, key=lambda i: abs(2 * i - len(text)))
    return f"{text[:cut]}<br>{text[cut + 1:]}" if max(cut, len(text) - cut - 1) <= width else wrap(text, width)


def _legible_axes(fig: go.Figure, width: int) -> tuple[int, int]:
    """Axis text that stays inside a chart `width` title characters wide: every axis grows its margin for its
    labels and title, long category labels of a horizontal chart break over lines (ticktext: the data keep their
    labels) and long axis titles wrap, so the plot area keeps room for its centred axis title and bar labels.
    Returns (categories on the y axis, lines of the tallest one) for the caller to give each row its height."""
    fig.update_xaxes(automargin=True)
    fig.update_yaxes(automargin=True)
    for axis in [*fig.select_xaxes(), *fig.select_yaxes()]:
        if axis.title.text:
            axis.title.text = _axis_title(axis.title.text, int(width * 0.75))
    values = (getattr(trace, "y", None) for trace in fig.data)
    categories = list(dict.fromkeys(v for y in values if y is not None for v in y if isinstance(v, str)))
    wrapped = [wrap(c, width // 2 + 2) for c in categories]       # 'United Kingdom (n=112)' keeps one line
    if wrapped != categories:
        fig.update_yaxes(tickmode="array", tickvals=categories, ticktext=wrapped)
    return len(categories), max((w.count("<br>") + 1 for w in wrapped), default=0)


# --- titles: house_style writes them, titled lays them out, split_title reads them back ----------------
def _legend_rows(fig: go.Figure, width: int, asked: int) -> int:
    """Rows the horizontal legend takes, at least `asked`: plotly lays entries out in columns as wide as the
    longest name (plus its symbol), so a language with longer names needs more rows than the chart asked for."""
    names = [t.name for t in fig.data if t.name and t.showlegend is not False]
    if not asked or not names:
        return asked
    per_row = max(1, int(width * FONT_SIZE / (FONT_SIZE - 2)) // (max(map(len, names)) + 5))
    return max(asked, -(-len(names) // per_row))


def house_style(fig: go.Figure, title: str, subtitle: str) -> go.Figure:
    """Fonts, template and the title markup (finding, then the subtitle in a smaller span) that every chart
    carries; `titled` builds on it, and a map, which has no axes and a fixed frame, uses it alone."""
    fig.update_layout(
        title={"text": f"{title}<br><span style='font-size:{FONT_SIZE - 2}px'>{subtitle}</span>",
               "font": {"size": FONT_SIZE + 4}},
        font={"size": FONT_SIZE, "family": "Arial, Helvetica, sans-serif"},
        template=TEMPLATE, margin={"l": 10, "r": 10, "t": 140, "b": 10},
        legend={"orientation": "h", "y": -0.15},
    )
    if i18n.current() != i18n.SOURCE_LANGUAGE:     # hover numbers in the reader's style: '3,7', '1.234'
        fig.update_layout(separators="".join(formats.separators()))
    if any(getattr(trace, "orientation", None) == "h" for trace in fig.data):
        fig.update_yaxes(tickmode="linear", tick0=0, dtick=1)     # every category labelled, none skipped
    return fig


def titled(fig: go.Figure, title: str, subtitle: str, *, width: int = FULL_WIDTH_CHARS, legend_rows: int = 0,
           plot_height: int | None = None, line_label: bool = False) -> go.Figure:
    """House style with the title and subtitle wrapped to `width` characters and sitting on top of the plot area,
    axis text kept legible, and the legend (if any, `legend_rows` rows) in a strip of its own. Two layouts:

    - `plot_height` None: the figure keeps its own height (set before, 450 if not); the top margin grows with the
      header's lines and the legend sits at the bottom of the figure (a full slide);
    - `plot_height` given: the figure is made taller by the header so that the plot area keeps `plot_height`
      pixels (more if wrapped row labels need it); the legend sits above the plot, under the subtitle, with room
      for a reference line's label when `line_label` (a chart that may sit in half a page)."""
    legend_rows = _legend_rows(fig, width, legend_rows)
    if plot_height is None:
        head, sub = wrap(title, width), wrap(subtitle, int(width * 1.3))
        lines = head.count("<br>") + sub.count("<br>") + 2
        house_style(fig, head, sub)
        _legible_axes(fig, width)
        # plotly anchors a multi-line title by its first line: put that 30 px below the top, lines 29 px apart
        height = fig.layout.height or 450
        fig.update_layout(title={"yref": "container", "y": 1 - 30 / height, "yanchor": "top"},
                          margin={"t": 30 + 29 * lines, "l": 10, "r": 30,
                                  "b": 90 + 34 * legend_rows if legend_rows else 10},
                          showlegend=bool(legend_rows),
                          legend={"orientation": "h", "yref": "container", "y": 0, "yanchor": "bottom", "x": 0})
        return fig
    head, sub = _wrap_figures(title, width), _wrap_figures(subtitle, int(width * 1.4))
    house_style(fig, head, sub)
    rows, row_lines = _legible_axes(fig, width)
    plot_height = max(plot_height, 80 + rows * (22 * row_lines + 10))    # wrapped row labels clear each other
    lines = head.count("<br>") + sub.count("<br>") + 2
    legend_px, label_px = 30 * legend_rows, 34 * line_label
    top = 34 + 26 * lines + legend_px + label_px + 6
    # plotly puts the first line's baseline, not its top, at the padding: 26 px leave room for its ascenders
    fig.update_layout(height=plot_height + top, margin={"t": top, "l": 10, "r": 30, "b": 10},
                      showlegend=legend_rows > 0,
                      title={"yref": "container", "y": 1, "yanchor": "top", "pad": {"t": 26}})
    if legend_rows:       # just above the plot area, under the subtitle (and above a reference line's label)
        fig.update_layout(legend={"orientation": "h", "yanchor": "bottom", "y": 1 + (label_px + 4) / plot_height,
                                  "x": 0, "xanchor": "left", "traceorder": "normal",
                                  "font": {"size": FONT_SIZE - 2}})
    return fig


def split_title(text: str | None) -> tuple[str, str]:
    """(finding, subtitle) of a house-style title: the finding may wrap over several lines; the subtitle is the
    smaller span with the filters in words and n."""
    text = text or ""
    head, _, rest = text.partition("<span")
    subtitle = rest.split(">", 1)[1].rsplit("</span>", 1)[0] if rest else ""
    return " ".join(head.replace("<br>", " ").split()), subtitle


def too_few(fig: go.Figure, n: int) -> None:
    """An empty chart that says why: too few answers to show anything."""
    fig.add_annotation(text=_("Too few answers to show (n = {n}; at least {min} needed)").format(
                           n=n, min=SUPPRESS_BELOW_N),
                       showarrow=False, xref="paper", yref="paper", x=0.5, y=0.5, font={"size": FONT_SIZE})
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
