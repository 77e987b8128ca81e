"""Admin: load a national museum register, the population frame behind coverage and weights, and list them.

The work is in analysis.loading.registers (read and check) and analysis.store.commit_register (one transaction). A file
is read and shown first; it is stored only when the admin confirms and it has no errors.
"""

import pandas as pd
import pycountry
import streamlit as st

from analysis import formats, schema, store
from analysis.export import tables
from analysis.figures import metrics
from analysis.figures.filters import size_band_label
from analysis.i18n import _
from analysis.loading import registers
from ui import auth, state

st.title(_("Museum registers"))
user = auth.require("admin")
st.caption(_("A national register lists every museum of a country (ID, name, type, visits or size, ownership, "
             "region). Loaded here, it becomes the population frame: coverage and weights then use its number of "
             "museums per size band instead of the EGMUS count. Registers are kept apart from the survey answers."))

FROM_FILE = "from-file"                 # the option that reads the country from the file's own column
con = state.database()
codes = sorted((c.alpha_2 for c in pycountry.countries), key=schema.country_name)

uploaded = st.file_uploader(_("Register file (CSV or workbook)"), key="register-file",
                            type=["csv", "tsv", "txt", "xlsx", "xlsm", "xls", "ods"])
country = st.selectbox(_("Country of the register"), [FROM_FILE, *codes], key="register-country",
                       format_func=lambda c: _("Read it from the file") if c == FROM_FILE
                       else f"{schema.country_name(c)} ({c})",
                       help=_("Needed when the file has no country column; rows naming another country are refused."))
if st.button(_("Read register"), type="primary", disabled=uploaded is None, icon=":material/fact_check:"):
    st.session_state["register-preview"] = registers.parse_register(
        uploaded.getvalue(), uploaded.name, None if country == FROM_FILE else country)
    st.session_state.pop("register-result", None)

if done := st.session_state.get("register-result"):
    (st.success if done["status"] == "committed" else st.info)(done["message"], icon=":material/check_circle:")

parsed: registers.ParsedRegister | None = st.session_state.get("register-preview")


def where(finding) -> str:
    """' (row 12, Visits)' after a finding about one cell, '' after one about the whole file."""
    return " " + _("(row {row}, {column})").format(row=finding.row, column=finding.column) if finding.row else ""



if parsed is not None:
    st.subheader(_("What was read from {file}").format(file=parsed.filename))
    if parsed.header_row:
        st.caption(_("Sheet '{sheet}', headings on row {row}; {museums} museums; {skipped} row(s) skipped.").format(
            sheet=parsed.sheet, row=parsed.header_row, museums=formats.number(len(parsed.museums)),
            skipped=len(parsed.rows_skipped)))
    for note in parsed.notes:
        st.caption(note)
    for finding in parsed.errors:
        st.error(finding.message + where(finding), icon=":material/error:")
    for finding in parsed.warnings[:20]:
        st.warning(finding.message + where(finding), icon=":material/warning:")
    if len(parsed.warnings) > 20:
        st.caption(_("… and {n} more warning(s).").format(n=len(parsed.warnings) - 20))
    if parsed.mapping:
        st.dataframe(pd.DataFrame([{_("Heading in the file"): m["heading"], _("Column"): m["letter"],
                                    _("Read as"): _(registers.LABELS[m["column"]]) if m["column"] else _("not used"),
                                    _("How"): m["how"]}
                                   for m in parsed.mapping]), hide_index=True, key="register-mapping")
    if len(parsed.museums):
        st.markdown(_("**Museums per size band** (the strata this register gives)"))
        summary = parsed.summary()
        st.dataframe(tables.readable(summary.assign(country=summary["country"].map(schema.country_name)).rename(
            columns={b: size_band_label(b) for b, _lower in schema.SIZE_BANDS} | {"size unknown": _("size unknown")})),
            hide_index=True, key="register-summary")
        with st.expander(_("First museums read")):
            first = parsed.museums.head(50)
            st.dataframe(tables.readable(first.assign(country=first["country"].map(schema.country_name),
                                                      size_band=first["size_band"].map(size_band_label))),
                         hide_index=True)
    if parsed.rows_skipped:
        with st.expander(_("Rows skipped ({n})").format(n=len(parsed.rows_skipped))):
            st.dataframe(tables.readable(pd.DataFrame(parsed.rows_skipped)), hide_index=True)
    if parsed.ok and st.button(_("Load into the population frame"), icon=":material/database_upload:"):
        with state.writing() as primary:
            result = registers.commit(primary, parsed, user=user)
        st.session_state["register-result"] = {"status": result["status"], "message": result["message"]}
        st.session_state.pop("register-preview", None)
        st.rerun()
    elif not parsed.ok:
        st.error(_("Nothing can be loaded from this file until the errors above are fixed."), icon=":material/block:")

st.subheader(_("Loaded registers"))
loaded = store.register_list(con)
if loaded.empty:
    st.info(_("No register loaded yet: coverage and weights use the EGMUS number of museums per country."),
            icon=":material/inbox:")
else:
    st.dataframe(loaded.assign(country=loaded["country"].map(schema.country_name)).rename(columns={
        "register_id": _("Register"), "country": _("Country"), "filename": _("File"), "sheet": _("Sheet"),
        "rows": _("Museums"), "loaded_by": _("Loaded by"), "loaded_at": _("Loaded at"), "sha256": "sha256",
        "in_force": _("In use")}), hide_index=True, key="register-list")

st.subheader(_("Population frame in use"))
frame = metrics.population_frame(con)
st.dataframe(frame.assign(country=frame["country"].map(schema.country_name),
                          size_band=frame["size_band"].map(size_band_label).fillna(_("all sizes"))).rename(columns={
    "country": _("Country"), "size_band": _("Size band"), "museums": _("Museums"), "source": _("Source"),
    "year": _("Year")}), hide_index=True, key="population-frame")
