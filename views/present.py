"""Presentation mode: the chosen charts as slides under the current filters, and the deck exports."""

import streamlit as st

from analysis import catalogue, export
from ui import filters, state, widgets

version = state.data_version()
view = filters.current()
present = st.toggle("Presentation mode (hide menus)", key="present", bind="query-params")
if present:
    st.html("<style>[data-testid='stSidebar'],[data-testid='stHeader'],[data-testid='stSidebarCollapsedControl']"
            "{display:none}</style>")
else:
    st.title("Present")
    st.caption("Pick the charts for the deck (in the order chosen), step through them as slides, or export them. "
               "Everything follows the filters in the sidebar.")

if not state.waves(version):
    widgets.empty_state()
    st.stop()

labels = {key: label for key, (label, _) in catalogue.CHARTS.items()}
default = list(catalogue.DEFAULT_DECK)
keys = st.multiselect("Charts in the deck", list(labels), default=default, format_func=labels.get, key="deck",
                      bind="query-params") if not present else st.session_state.get("deck") or default
if not keys:
    st.info("Choose at least one chart.")
    st.stop()
slides = state.slides(version, view, tuple(keys))


def _step(delta: int) -> None:
    st.session_state["slide"] = st.session_state.get("slide", 0) + delta


index = max(0, min(st.session_state.get("slide", 0), len(slides) - 1))
st.session_state["slide"] = index
prev, counter, nxt = st.columns([1, 6, 1])
prev.button("◀ Previous", key="slide-prev", on_click=_step, args=(-1,), disabled=index == 0, width="stretch")
nxt.button("Next ▶", key="slide-next", on_click=_step, args=(1,), disabled=index == len(slides) - 1,
           width="stretch")
slide = slides[index]
counter.markdown(f"<div style='text-align:center'>Slide {index + 1} of {len(slides)}</div>", unsafe_allow_html=True)
st.markdown(f"## {slide.title}")
st.plotly_chart(export.without_title(slide.figure), key=f"slide-{slide.key}", theme=None,
                config={"displaylogo": False})
st.caption(f"Source: museum digitisation survey; {slide.caption}.")

if not present:
    st.divider()
    st.subheader("Export the deck")
    template = st.file_uploader("Branding template (.pptx, optional)", type=["pptx"], key="template")
    title = f"Museum digitisation in Europe, wave {view.wave}"
    subtitle = slides[0].caption
    left, middle, right = st.columns(3)
    left.download_button("PowerPoint (PPTX)", lambda: export.pptx_deck(
        slides, title, subtitle, template=template.getvalue() if template else None), "museum-survey-deck.pptx",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation", on_click="ignore",
        icon=":material/slideshow:", width="stretch")
    middle.download_button("Interactive report (HTML)", lambda: export.html_report(slides, title, subtitle),
                           "museum-survey-report.html", "text/html", on_click="ignore",
                           icon=":material/html:", width="stretch")
    right.download_button("PDF", lambda: export.pdf_from_pptx(export.pptx_deck(slides, title, subtitle)),
                          "museum-survey-deck.pdf", "application/pdf", on_click="ignore",
                          icon=":material/picture_as_pdf:", width="stretch", disabled=not export.pdf_available())
    if not export.pdf_available():
        right.caption(export.PDF_HELP)
