"""Presentation mode: the chosen charts as slides under the current filters, and the deck exports.

A slide fills a 1440x900 or 1920x1080 screen without scrolling, and a presenter's clicker (PageDown/PageUp) or
the keyboard (Right/Left, Space) steps through the deck, Esc leaves: a Streamlit button shortcut carries one key,
so the extra keys sit on buttons that are hidden but still listen. Keys typed into a text field stay there.
"""

import math

import plotly.graph_objects as go
import streamlit as st

from analysis import export, formats
from analysis.charts import catalogue, geo
from analysis.charts import split_title
from analysis.i18n import _
from ui import filters, state, widgets

CHART_PX = 580          # with the heading, the counter row and the source line a slide stays under 900 px
MIN_LABEL_PX = 14       # category labels never get smaller than this, however many rows
TOP_PX = 36             # above the plot: room for a reference line's label
BELOW_PX = 100          # x axis ticks and title and a legend strip under the plot, for the row estimate
HIDDEN = "present-hidden"
HIDE = f"[data-testid='stLayoutWrapper']:has(> .st-key-{HIDDEN}) {{display: none}}"
# No menus, and the slide is one screen tall: the chart takes the height that the counter row, the heading and the
# source line leave (without this stylesheet it keeps CHART_PX).
FULL_SCREEN = """
[data-testid='stSidebar'], [data-testid='stHeader'], [data-testid='stSidebarCollapsedControl'] {display: none}
[data-testid='stMainBlockContainer'] {height: 100vh; padding-top: 1.5rem; padding-bottom: 1rem;
                                      display: flex; flex-direction: column}
[data-testid='stMainBlockContainer'] > [data-testid='stVerticalBlock'] {flex: 1 1 0; min-height: 0}
[data-testid='stLayoutWrapper']:has(> .st-key-slide-chart) {flex: 1 1 0; min-height: 0}
.st-key-slide-chart {height: 100% !important}
"""


def _every_label(fig: go.Figure, axis: str) -> None:
    """Plotly drops category labels that would collide; a slide keeps each one, on one line (it is full
    width), in a font small enough to fit the rows but not below MIN_LABEL_PX."""
    layout = fig.layout[f"yaxis{axis[1:]}"]
    if layout.ticktext:
        layout.ticktext = [text.replace("<br>", " ") for text in layout.ticktext]
        rows = len(layout.ticktext)
    else:
        # a cached figure holds numbers as a typed-array dict ({'dtype', 'bdata'}): its keys are not categories
        rows = len({v for trace in fig.data if (getattr(trace, "yaxis", None) or "y") == axis
                    and not isinstance(getattr(trace, "y", None), dict)
                    for v in (() if getattr(trace, "y", None) is None else trace.y) if isinstance(v, str)})
        if rows:
            layout.update(tickmode="linear", tick0=0, dtick=1)
    if not rows:
        return
    low, high = layout.domain or (0, 1)
    plot_px = (CHART_PX - (fig.layout.margin.t or 0) - max(fig.layout.margin.b or 0, BELOW_PX)) * (high - low)
    size = layout.tickfont.size or fig.layout.font.size or 18
    layout.update(automargin=True, tickfont={"size": max(MIN_LABEL_PX, min(size, math.floor(plot_px / rows / 1.2)))})


def chart_height(fig: go.Figure, present: bool) -> int:
    """Presentation mode fits the screen; on the page a long category list gets 24 px a row so labels never touch."""
    rows = max((len(trace.y) for trace in fig.data if getattr(trace, "orientation", None) == "h"
                and isinstance(trace.y, (tuple, list))), default=0)
    return CHART_PX if present else max(CHART_PX, 24 * rows + 260)


def slide_figure(fig: go.Figure, height: int = CHART_PX) -> go.Figure:
    """The chart as a slide shows it: the heading above carries the finding and the source line below the
    subtitle, so the plot gets all of the chart's height."""
    out = go.Figure(fig)
    # The legend, if any, in a strip at the foot of the figure: plotly makes room for it there at any width, and it
    # keeps clear of a reference line's label above the plot. The axes make their own room too.
    out.update_layout(title=None, height=height, margin={"t": TOP_PX, "b": 10},
                      legend={"orientation": "h", "xref": "paper", "x": 0, "xanchor": "left", "yref": "container",
                              "y": 0, "yanchor": "bottom"})
    out.update_xaxes(automargin=True)
    for axis in {getattr(trace, "yaxis", None) or "y" for trace in out.data if hasattr(trace, "yaxis")}:
        _every_label(out, axis)
    return out


def source_line(chart) -> str:
    """The filters in words with n, then whatever the chart's subtitle adds to them (suppressed groups, what n
    counts), on one line: the subtitle's line breaks were made for the figure's width."""
    subtitle = " ".join(split_title(chart.figure.layout.title.text)[1].replace("<br>", " ").split())
    said = ([chart.caption, subtitle[len(chart.caption):].lstrip(" ;,")] if subtitle.startswith(chart.caption)
            else [subtitle or chart.caption])
    return formats.clauses([_("Source: museum digitisation survey"), *said]) + ". " + chart.data_version


def _step(delta: int) -> None:
    st.session_state["slide"] = st.session_state.get("slide", 0) + delta


def _leave() -> None:
    st.session_state["present"] = False


version = state.data_version()
view = filters.current()
bar = st.container(horizontal=True, vertical_alignment="center", key="slide-bar")
present = bar.toggle(_("Presentation mode (hide menus)"), key="present", bind="query-params")
hidden = st.container(key=HIDDEN)          # live widgets without a place on screen (deck picker, extra keys)
style = HIDE
if present:
    # The toggle hides itself: a switch that keeps the focus would swallow the keys (Space would flip it).
    style += FULL_SCREEN + ".st-key-present {display: none}"
    bar.button(_("Exit"), key="present-exit", icon=":material/close:", shortcut="Esc", on_click=_leave)
else:
    st.title(_("Present"))
    st.caption(_("Pick the charts for the deck (in the order chosen), step through them as slides, or export "
                 "them. Everything follows the filters in the sidebar. Next slide: → , PageDown or Space; previous: "
                 "← or PageUp (a presenter's clicker sends these)."))
st.html(f"<style>{style}</style>")

if not state.waves(version):
    widgets.empty_state()
    st.stop()

labels = {key: _(definition.label) for key, definition in catalogue.CHARTS.items()}
keys = (hidden if present else st).multiselect(
    _("Charts in the deck"), list(labels), default=list(catalogue.DEFAULT_DECK), format_func=labels.get, key="deck",
    bind="query-params")
if not keys:
    st.info(_("Choose at least one chart."))
    st.stop()
built = state.slides(version, view, tuple(keys))
slides = [chart for chart in built if not chart.empty]
left_out = [chart for chart in built if chart.empty]
if left_out and not present:
    st.caption(_("Left out, nothing to show under these filters: {charts}.").format(
        charts=formats.clauses(labels.get(chart.key, chart.title) for chart in left_out)))
if not slides:
    st.info(_("None of the chosen charts has anything to show under these filters."))
    st.stop()

index = max(0, min(st.session_state.get("slide", 0), len(slides) - 1))
st.session_state["slide"] = index
first, last = index == 0, index == len(slides) - 1
nav = bar if present else st.container(horizontal=True, vertical_alignment="center")
if present:
    nav.space("stretch")
nav.button(_("Previous"), key="slide-prev", icon=":material/chevron_left:", shortcut="Left", on_click=_step,
           args=(-1,), disabled=first)
nav.markdown(_("**Slide {number} of {count}**").format(number=index + 1, count=len(slides)), text_alignment="center",
             width="content" if present else "stretch")
nav.button(_("Next"), key="slide-next", icon=":material/chevron_right:", icon_position="right", shortcut="Right",
           on_click=_step, args=(1,), disabled=last)
for key, shortcut, delta, off in [("slide-pagedown", "PageDown", 1, last), ("slide-space", "Space", 1, last),
                                  ("slide-pageup", "PageUp", -1, first)]:
    hidden.button(shortcut, key=key, shortcut=shortcut, on_click=_step, args=(delta,), disabled=off)

slide = slides[index]
st.markdown(f"## {slide.title}", anchors=False)
height = chart_height(slide.figure, present)
with st.container(key="slide-chart", height=height, border=False):
    st.plotly_chart(geo.served(slide_figure(slide.figure, height)), key=f"slide-{slide.key}", theme=None,
                    config={"displaylogo": False}, height="stretch")
st.caption(source_line(slide))

if not present:
    st.divider()
    st.subheader(_("Export the deck"))
    template = st.file_uploader(_("Branding template (.pptx, optional)"), type=["pptx"], key="template")
    title = _("Museum digitisation in Europe, wave {wave}").format(wave=view.wave)
    scope = built[0].caption
    left, middle, right = st.columns(3)
    drawn = export.images_available()             # the deck's chart pictures, and so the PDF, need chromium
    left.download_button(_("PowerPoint (PPTX)"), lambda: export.pptx_deck(
        built, title, scope, template=template.getvalue() if template else None), "museum-survey-deck.pptx",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation", on_click="ignore",
        icon=":material/slideshow:", width="stretch", disabled=not drawn)
    if not drawn:
        left.caption(_(export.CHROMIUM_HELP))
    middle.download_button(_("Interactive report (HTML)"), lambda: export.html_report(built, title, scope),
                           "museum-survey-report.html", "text/html", on_click="ignore",
                           icon=":material/html:", width="stretch")
    right.download_button("PDF", lambda: export.pdf_from_pptx(export.pptx_deck(built, title, scope)),
                          "museum-survey-deck.pdf", "application/pdf", on_click="ignore",
                          icon=":material/picture_as_pdf:", width="stretch",
                          disabled=not (drawn and export.pdf_available()))
    if not export.pdf_available():
        right.caption(_(export.PDF_HELP))
