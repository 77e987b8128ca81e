"""Upload history (admin): every file loaded, by whom and when, and retraction with a confirmation step that
says beforehand what it will change. Retracting deletes nothing: the upload's rows leave every figure and the
answers it replaced come back (analysis.store.retract_upload)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analysis import store
from ui import auth, state

user = auth.require("admin")                   # the name goes into the audit trail
con = state.database()

st.title("Upload history")
st.caption("Every file loaded into the store: who loaded it, when, and what it changed. Retracting an upload "
           "takes its rows out of every figure and brings back the answers it replaced. Nothing is deleted.")

if done := st.session_state.pop("retract-result", None):
    if done["status"] == "retracted":
        st.success(f"Upload {done['upload_id']} ('{done['filename']}') retracted: {done['rows_removed']} row(s) "
                   f"taken out of the figures, {done['earlier_answers_restored']} earlier answer(s) restored.",
                   icon=":material/undo:")
    else:
        st.warning(f"Upload {done['upload_id']} was not changed: {done['reason']}.")

history = store.upload_history(con)
if history.empty:
    st.info("No file has been loaded yet.", icon=":material/inbox:")
    st.page_link("views/upload.py", label="Upload surveys", icon=":material/upload_file:")
    st.stop()


def status_text(row) -> str:
    if row.status == "retracted":
        return f"retracted {row.retracted_at:%Y-%m-%d} by {row.retracted_by}"
    return "in use"


table = pd.DataFrame({
    "Upload": history["upload_id"], "File": history["filename"], "Fingerprint": history["sha256"].str[:12],
    "Loaded by": history["uploaded_by"], "Loaded at": history["uploaded_at"], "Wave": history["survey_wave"],
    "Rows": history["rows"], "Warnings": history["warnings"],
    "Status": [status_text(r) for r in history.itertuples()],
})
st.dataframe(table, hide_index=True, width="stretch", column_config={
    "Fingerprint": st.column_config.TextColumn(help="The start of the file's sha256: the same file always has "
                                                    "the same fingerprint"),
    "Loaded at": st.column_config.DatetimeColumn(format="YYYY-MM-DD HH:mm", help="UTC"),
    "Warnings": st.column_config.NumberColumn(help="Warnings the analyst confirmed when loading"),
})

st.subheader("Details and retraction")
labels = {r.upload_id: f"{r.upload_id}: {r.filename} ({status_text(r)})" for r in history.itertuples()}
chosen = st.selectbox("Upload", list(labels), format_func=labels.get, key="history-upload")
details = store.upload_details(con, chosen)
report = details["report"]
st.caption(f"sha256 {details['sha256']} · loaded by {details['uploaded_by']} on "
           f"{details['uploaded_at']:%Y-%m-%d %H:%M} UTC")
if report.get("sheets", {}).get("used"):
    st.markdown(f"Sheets used: {', '.join(report['sheets']['used'])}.")
if report.get("warnings"):
    with st.expander(f"{len(report['warnings'])} warning(s) confirmed when it was loaded"):
        st.dataframe(pd.DataFrame(report["warnings"]).astype(str), hide_index=True, width="stretch")

if details["status"] != "committed":
    st.caption("This upload is retracted: its rows are not in any figure.")
    st.stop()

if st.session_state.get("retract-pending") != chosen:
    if st.button("Retract this upload…", key="retract", icon=":material/undo:"):
        st.session_state["retract-pending"] = chosen
        st.rerun()
    st.stop()

preview = store.retract_preview(con, chosen)
replaced_later = preview["rows"] - preview["rows_in_figures"]
st.warning(f"**Retract upload {chosen} ('{details['filename']}')?** Its {preview['rows']} row(s) leave the store's "
           f"figures" + (f" ({replaced_later} of them were already replaced by later uploads)" if replaced_later
                         else "")
           + f", and {preview['earlier_answers_restored']} earlier answer(s) for the same museums and wave come "
             "back. The upload stays listed here as retracted.", icon=":material/warning:")
yes, no, _ = st.columns([1, 1, 3])
if yes.button("Yes, retract it", type="primary", key="retract-confirm"):
    with state.writing() as primary:
        st.session_state["retract-result"] = store.retract_upload(primary, chosen, user=user)
    st.session_state.pop("retract-pending", None)
    st.rerun()
if no.button("Cancel", key="retract-cancel"):
    st.session_state.pop("retract-pending", None)
    st.rerun()
