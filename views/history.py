"""Upload history (admin): every file loaded, by whom and when, and retraction with a confirmation step that
says beforehand what it will change. Retracting deletes nothing: the upload's rows leave every figure and the
answers it replaced come back (analysis.store.retract_upload)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analysis import formats, store
from analysis.export import tables
from analysis.i18n import _
from ui import auth, state

user = auth.require("admin")                   # the name goes into the audit trail
con = state.database()

st.title(_("Upload history"))
st.caption(_("Every file loaded into the store: who loaded it, when, and what it changed. Retracting an upload "
             "takes its rows out of every figure and brings back the answers it replaced. Nothing is deleted."))

if done := st.session_state.pop("retract-result", None):
    if done["status"] == "retracted":
        st.success(_("Upload {upload} ('{file}') retracted: {rows} row(s) taken out of the figures, {restored} "
                     "earlier answer(s) restored.").format(upload=done["upload_id"], file=done["filename"],
                                                           rows=done["rows_removed"],
                                                           restored=done["earlier_answers_restored"]),
                   icon=":material/undo:")
    else:
        st.warning(_("Upload {upload} was not changed: {reason}.").format(upload=done["upload_id"],
                                                                          reason=done["reason"]))

history = store.upload_history(con)
if history.empty:
    st.info(_("No file has been loaded yet."), icon=":material/inbox:")
    st.page_link("views/upload.py", label=_("Upload surveys"), icon=":material/upload_file:")
    st.stop()


def status_text(row) -> str:
    if row.status == "retracted":
        return _("retracted {date} by {user}").format(date=formats.date(row.retracted_at), user=row.retracted_by)
    return _("in use")


FINGERPRINT, LOADED_AT, WARNINGS = _("Fingerprint"), _("Loaded at"), _("Warnings")
table = pd.DataFrame({
    _("Upload"): history["upload_id"], _("File"): history["filename"], FINGERPRINT: history["sha256"].str[:12],
    _("Loaded by"): history["uploaded_by"], LOADED_AT: history["uploaded_at"], _("Wave"): history["survey_wave"],
    _("Rows"): history["rows"], WARNINGS: history["warnings"],
    _("Status"): [status_text(r) for r in history.itertuples()],
})
st.dataframe(table, hide_index=True, width="stretch", column_config={
    FINGERPRINT: st.column_config.TextColumn(help=_("The start of the file's sha256: the same file always has the "
                                                    "same fingerprint")),
    LOADED_AT: st.column_config.DatetimeColumn(format="YYYY-MM-DD HH:mm", help="UTC"),
    WARNINGS: st.column_config.NumberColumn(help=_("Warnings the analyst confirmed when loading")),
})

st.subheader(_("Details and retraction"))
labels = {r.upload_id: formats.labelled(r.upload_id, f"{r.filename} ({status_text(r)})") for r in history.itertuples()}
chosen = st.selectbox(_("Upload"), list(labels), format_func=labels.get, key="history-upload")
details = store.upload_details(con, chosen)
report = details["report"]
st.caption(_("sha256 {sha256} · loaded by {user} on {when} UTC").format(
    sha256=details["sha256"], user=details["uploaded_by"], when=formats.timestamp(details["uploaded_at"])))
if report.get("sheets", {}).get("used"):
    st.markdown(_("Sheets used: {sheets}.").format(sheets=", ".join(report["sheets"]["used"])))
if report.get("warnings"):
    with st.expander(_("{n} warning(s) confirmed when it was loaded").format(n=len(report["warnings"]))):
        st.dataframe(tables.readable(pd.DataFrame(report["warnings"]).astype(str)), hide_index=True, width="stretch")

if details["status"] != "committed":
    st.caption(_("This upload is retracted: its rows are not in any figure."))
    st.stop()

if st.session_state.get("retract-pending") != chosen:
    if st.button(_("Retract this upload…"), key="retract", icon=":material/undo:"):
        st.session_state["retract-pending"] = chosen
        st.rerun()
    st.stop()

preview = store.retract_preview(con, chosen)
replaced_later = preview["rows"] - preview["rows_in_figures"]
already = (" " + _("({n} of them were already replaced by later uploads)").format(n=replaced_later)
           if replaced_later else "")
st.warning(_("**Retract upload {upload} ('{file}')?** Its {rows} row(s) leave the store's figures{already}, and "
             "{restored} earlier answer(s) for the same museums and wave come back. The upload stays listed here as "
             "retracted.").format(upload=chosen, file=details["filename"], rows=preview["rows"], already=already,
                                  restored=preview["earlier_answers_restored"]), icon=":material/warning:")
yes, no, _spare = st.columns([1, 1, 3])
if yes.button(_("Yes, retract it"), type="primary", key="retract-confirm"):
    with state.writing() as primary:
        st.session_state["retract-result"] = store.retract_upload(primary, chosen, user=user)
    st.session_state.pop("retract-pending", None)
    st.rerun()
if no.button(_("Cancel"), key="retract-cancel"):
    st.session_state.pop("retract-pending", None)
    st.rerun()
