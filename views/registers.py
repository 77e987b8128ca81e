"""Admin: load a national museum register, the population frame behind coverage and weights, and list them.

The work is in analysis.loading.registers (read and check) and analysis.store.commit_register (one transaction). A file
is read and shown first; it is stored only when the admin confirms and it has no errors.
"""

import pandas as pd
import pycountry
import streamlit as st

from analysis import schema, store
from analysis.figures import metrics
from analysis.loading import registers
from ui import auth, state

st.title("Museum registers")
user = auth.require("admin")
st.caption("A national register lists every museum of a country (ID, name, type, visits or size, ownership, "
           "region). Loaded here, it becomes the population frame: coverage and weights then use its number of "
           "museums per size band instead of the EGMUS count. Registers are kept apart from the survey answers.")

FROM_FILE = "Read it from the file"
con = state.database()
codes = sorted((c.alpha_2 for c in pycountry.countries), key=schema.country_name)

uploaded = st.file_uploader("Register file (CSV or workbook)", key="register-file",
                            type=["csv", "tsv", "txt", "xlsx", "xlsm", "xls", "ods"])
country = st.selectbox("Country of the register", [FROM_FILE, *codes], key="register-country",
                       format_func=lambda c: c if c == FROM_FILE else f"{schema.country_name(c)} ({c})",
                       help="Needed when the file has no country column; rows naming another country are refused.")
if st.button("Read register", type="primary", disabled=uploaded is None, icon=":material/fact_check:"):
    st.session_state["register-preview"] = registers.parse_register(
        uploaded.getvalue(), uploaded.name, None if country == FROM_FILE else country)
    st.session_state.pop("register-result", None)

if done := st.session_state.get("register-result"):
    (st.success if done["status"] == "committed" else st.info)(done["message"], icon=":material/check_circle:")

parsed: registers.ParsedRegister | None = st.session_state.get("register-preview")
if parsed is not None:
    st.subheader(f"What was read from {parsed.filename}")
    if parsed.header_row:
        st.caption(f"Sheet '{parsed.sheet}', headings on row {parsed.header_row}; {len(parsed.museums):,} museums; "
                   f"{len(parsed.rows_skipped)} row(s) skipped.")
    for note in parsed.notes:
        st.caption(note)
    for finding in parsed.errors:
        st.error(finding.message + (f" (row {finding.row}, {finding.column})" if finding.row else ""),
                 icon=":material/error:")
    for finding in parsed.warnings[:20]:
        st.warning(finding.message + (f" (row {finding.row}, {finding.column})" if finding.row else ""),
                   icon=":material/warning:")
    if len(parsed.warnings) > 20:
        st.caption(f"… and {len(parsed.warnings) - 20} more warning(s).")
    if parsed.mapping:
        st.dataframe(pd.DataFrame([{"Heading in the file": m["heading"], "Column": m["letter"],
                                    "Read as": registers.LABELS.get(m["column"], "not used"), "How": m["how"]}
                                   for m in parsed.mapping]), hide_index=True, key="register-mapping")
    if len(parsed.museums):
        st.markdown("**Museums per size band** (the strata this register gives)")
        st.dataframe(parsed.summary(), hide_index=True, key="register-summary")
        with st.expander("First museums read"):
            st.dataframe(parsed.museums.head(50), hide_index=True)
    if parsed.rows_skipped:
        with st.expander(f"Rows skipped ({len(parsed.rows_skipped)})"):
            st.dataframe(pd.DataFrame(parsed.rows_skipped), hide_index=True)
    if parsed.ok and st.button("Load into the population frame", icon=":material/database_upload:"):
        with state.writing() as primary:
            result = registers.commit(primary, parsed, user=user)
        st.session_state["register-result"] = {"status": result["status"], "message": result["message"]}
        st.session_state.pop("register-preview", None)
        st.rerun()
    elif not parsed.ok:
        st.error("Nothing can be loaded from this file until the errors above are fixed.", icon=":material/block:")

st.subheader("Loaded registers")
loaded = store.register_list(con)
if loaded.empty:
    st.info("No register loaded yet: coverage and weights use the EGMUS number of museums per country.",
            icon=":material/inbox:")
else:
    st.dataframe(loaded.assign(country=loaded["country"].map(schema.country_name)).rename(columns={
        "register_id": "Register", "country": "Country", "filename": "File", "sheet": "Sheet", "rows": "Museums",
        "loaded_by": "Loaded by", "loaded_at": "Loaded at", "sha256": "sha256", "in_force": "In use"}),
        hide_index=True, key="register-list")

st.subheader("Population frame in use")
frame = metrics.population_frame(con)
st.dataframe(frame.assign(country=frame["country"].map(schema.country_name),
                          size_band=frame["size_band"].fillna("all sizes")).rename(columns={
    "country": "Country", "size_band": "Size band", "museums": "Museums", "source": "Source", "year": "Year"}),
    hide_index=True, key="population-frame")
