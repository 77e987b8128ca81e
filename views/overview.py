"""Overview: headline figures for the filtered view, each with its n, and the findings to lead with."""

import streamlit as st

from analysis import formats
from analysis.figures import findings, metrics
from analysis.i18n import _
from ui import widgets

st.title(_("Museum digitisation in Europe"))
st.caption(_("Evidence for NEMO's 2024 call to invest in infrastructure, equipment, qualified staff, "
             "interoperable data, copyright clearance and skills."))

view = widgets.explore_view()
s, caption = view.summary, view.caption
st.caption(_("{filters}. Unweighted means count every museum equally; collection-weighted means count every "
             "object equally.").format(filters=caption))

for sentence in findings.headline_findings(s, view.fetch(metrics.distribution, "pct_digitised", "country")):
    st.markdown(f"- {sentence}")

n = s["n"]
money, pct = formats.money, lambda v: formats.pct(v, 1)
cols = st.columns(4)
cols[0].metric(_("Museums responding"), formats.number(s["respondents"]),
               help=_("in {n} countries").format(n=s["countries"]))
cols[1].metric(_("Digitised (unweighted mean)"), pct(s["mean_pct_digitised"]),
               help=_("Mean share of the collection digitised, every museum counting once; "
                      "n = {n} museums that answered").format(n=n["pct_digitised"]))
cols[2].metric(_("Digitised (collection-weighted)"), pct(s["weighted_pct_digitised"]),
               help=_("Share of all objects digitised, every object counting once; "
                      "n = {n} museums with both share and collection size").format(n=n["weighted_pct_digitised"]))
cols[3].metric(_("Objects still to digitise"), formats.count(s["objects_to_digitise"]),
               help=_("n = {n} museums with collection size and both shares").format(n=n["objects_to_digitise"]))
cover = view.fetch(metrics.coverage)
known = cover.dropna(subset=["museums"])
cols = st.columns(4)
cols[3].metric(_("Museum population covered"),
               formats.pct(100 * known["respondents"].sum() / known["museums"].sum(), 1) if len(known)
               else formats.MISSING,
               help=_("{respondents} respondents of {museums} museums in the {countries} countries with a "
                      "population figure.").format(respondents=formats.number(known["respondents"].sum()),
                                                   museums=formats.number(known["museums"].sum()),
                                                   countries=len(known)) + " " + findings.coverage_note(cover))
cols[0].metric(_("Funding need to 2030"), money(s["total_funding_need_eur"]),
               help=_("n = {n}").format(n=n["funding_need"]))
cols[1].metric(_("Digital budget to 2030"), money(s["total_funding_available_eur"]),
               help=_("n = {n}").format(n=n["funding_available"]))
cols[2].metric(_("Funding shortfall to 2030"), money(s["total_funding_shortfall_eur"]),
               help=_("n = {n} museums that gave both needs and budget").format(n=n["funding_shortfall"]))

st.caption(_("**Museum population covered:** {note}").format(note=findings.coverage_note(cover)))
widgets.show(view, "digitisation-by-country")
widgets.show(view, "shortfall-by-pillar")
