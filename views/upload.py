"""Upload surveys: check each file (read -> map -> validate), let the analyst fix the column mapping, show
every problem, and load a file whole only when it has no errors (warnings need a tick).

The workflow is analysis.loading.upload (the same steps as the command line's load); this page keeps one
Upload per file (by sha256) in the session, renders its stage and calls its methods.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
from io import BytesIO

import pandas as pd
import streamlit as st

from analysis import formats, i18n, limits, schema
from analysis.i18n import N_, _
from analysis.loading import mappings
from analysis.loading.annotate import annotated_name, annotated_workbook
from analysis.loading.upload import Stage, Upload, receive
from analysis.parsing.report import ERROR, rule_name
from analysis.export.template import write_template
from ui import auth, state

TYPES = ["xlsx", "xlsm", "xls", "ods", "csv", "tsv"]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FROM_FILE = "from-file"                 # the wave option that reads the year from the file
PREVIEW_ROWS = 200

user = auth.require("analyst")                 # the name goes into the audit trail
con = state.database()
reviews: dict[str, Upload] = st.session_state.setdefault("upload_reviews", {})


def template_bytes() -> bytes:
    out = BytesIO()
    write_template(out)
    return out.getvalue()


def wave_options() -> list[str]:
    return [FROM_FILE, *(str(y) for y in range(dt.date.today().year + 1, 2014, -1))]


def wave_name(option: str) -> str:
    return _("Read it from the file") if option == FROM_FILE else option


def check_file(name: str, data: bytes, wave: str | None) -> None:
    """Take in one file with its progress shown; the Upload goes into `reviews`."""
    sha = hashlib.sha256(data).hexdigest()
    if sha in reviews and reviews[sha].stage is not Stage.COMMITTED:
        st.info(_("**{file}** has the same contents as **{other}**, checked already.").format(
            file=md(name), other=md(reviews[sha].name)), icon=":material/content_copy:")
        return
    label = md(name)
    with st.status(_("Checking {file}…").format(file=label), expanded=True) as status:
        upload = receive(con, data, name, wave=wave, progress=status.write)
        failed = upload.stage in (Stage.TOO_BIG, Stage.UNREADABLE, Stage.HAS_ERRORS)
        status.update(label=formats.labelled(label, md(upload.headline)), expanded=False,
                      state="error" if failed else "complete")
    reviews[sha] = upload


# --- per file -------------------------------------------------------------------------------------------
def show_review(upload: Upload) -> None:
    tag = upload.sha256[:12]
    st.subheader(f":material/description: {md(upload.name)}", divider="gray")
    if upload.stage in (Stage.TOO_BIG, Stage.UNREADABLE):
        st.error(md(upload.message), icon=":material/block:")
        return
    if upload.stage is Stage.DUPLICATE:
        st.warning(_("**Already loaded.** {message} To replace it, retract upload {upload} on the Upload history "
                     "page first.").format(message=md(upload.message), upload=upload.upload_id),
                   icon=":material/content_copy:")
        return
    if upload.stage is Stage.COMMITTED:
        show_result(upload)
        return

    wave = upload.wave
    if upload.asks_for_wave:
        chosen = st.selectbox(_("Survey wave for rows that do not give one"), wave_options(),
                              index=wave_options().index(upload.wave or FROM_FILE), key=f"wave-{tag}",
                              format_func=wave_name,
                              help=_("This file has no survey wave column (or leaves it empty). 'Read it from the "
                                     "file' takes the year from the title or file name, and says so in a warning."))
        wave = None if chosen == FROM_FILE else chosen

    st.markdown("##### " + _("1. Check how the columns are read"))
    show_sheets(upload.report)
    base, decisions = upload.column_table(), upload.decisions
    if base.empty:
        st.caption(_("No column headings were found, so there is nothing to map."))
    else:
        st.caption(_("Each heading in the file is matched to a survey question; **How** says which words decided "
                     "it. Change **Stored as** where the match is wrong. A column marked **{undecided}** holds "
                     "answers the app could not place: pick the question it answers, or **{ignore}** to leave it "
                     "out; the file loads only once every such column is decided. The check below is redone at "
                     "once.").format(undecided=_(mappings.UNDECIDED), ignore=_(mappings.IGNORE)))
        edited = st.data_editor(
            base, key=f"mapping-{tag}", hide_index=True, width="stretch",
            disabled=[c for c in base.columns if c != "Stored as"],
            column_order=[c for c in base.columns if c != "Sheet" or base["Sheet"].nunique() > 1],
            column_config={
                "Sheet": _("Sheet"), "Column": _("Column"),
                "Heading in the file": st.column_config.TextColumn(_("Heading in the file"), width="medium"),
                "Stored as": st.column_config.SelectboxColumn(
                    _("Stored as"), options=mappings.field_choices(), format_func=mappings.choice_label,
                    required=True, width="medium", help=_("The survey question this column answers")),
                "Confidence": st.column_config.TextColumn(_("Confidence"), width="small",
                                                          help=_("100 % = the heading is a known wording")),
                "How": st.column_config.TextColumn(_("How"), width="medium"),
                "Sample values": st.column_config.TextColumn(_("Sample values"), width="large",
                                                             help=_("The first values under this heading")),
            })
        decisions = mappings.decisions_from_table(base, edited)
    upload.revise(con, wave=wave, decisions=decisions)
    report = upload.report
    if upload.decisions:
        changes = formats.clauses(f"'{md(h)}' → {md(mappings.choice_label(mappings.choice_of(f)))}"
                                  for (_sheet, h), f in upload.decisions.items())
        st.info(_("Your changes: {changes}. They are remembered for files with the same headings once this file "
                  "is loaded.").format(changes=changes), icon=":material/edit:")
    if report.unmapped_columns:
        st.caption(_("Not stored (not recognised or left out): {columns}.").format(
            columns=md(", ".join(report.unmapped_columns))))
    if report.dropped_columns:
        st.caption(":material/lock: " + _("Personal data, never stored: {columns}.").format(
            columns=md(", ".join(report.dropped_columns))))

    st.markdown("##### " + _("2. Problems found"))
    show_findings(report, tag)
    left, right = st.columns(2)
    left.download_button(_("Download the file with problems marked"), key=f"annotated-{tag}",
                         data=lambda: annotated_workbook(upload.data, report, upload.sheets),
                         file_name=annotated_name(upload.name), mime=XLSX, on_click="ignore",
                         icon=":material/download:", disabled=not report.findings,
                         help=_("A copy of the workbook with each problem cell coloured (red = error, amber = "
                                "warning) and the explanation in a comment, plus a sheet listing every problem. "
                                "Send it back to the museum or fix it yourself, then upload it again."))
    if upload.decisions and upload.stage is Stage.HAS_ERRORS:
        if right.button(_("Remember my column choices"), key=f"remember-{tag}", icon=":material/bookmark:",
                        help=_("Use the same choices automatically for the next file with exactly these headings "
                               "(for example the corrected file).")):
            with state.writing() as primary:
                saved = upload.remember(primary, user=user)
            st.toast(_("Column choices saved for sheet(s): {sheets}.").format(sheets=", ".join(saved)))

    st.markdown("##### " + _("3. Rows that will be stored"))
    show_preview(upload.parsed.frame)

    st.markdown("##### " + _("4. Load"))
    show_commit(upload)


def show_sheets(report) -> None:
    lines = []
    for sheet in report.sheets_used:
        rows = report.header_rows.get(sheet, [])
        where = N_("headings on row {rows}") if len(rows) == 1 else N_("headings on rows {rows}")
        where = _(where).format(rows=formats.listing(rows)) if rows else ""
        lines.append(":material/check_circle: " + _("Sheet **{sheet}** is used ({where}).").format(
            sheet=md(sheet), where=where))
    for sheet, why in report.sheets_skipped.items():
        lines.append(":material/do_not_disturb_on: " + _("Sheet **{sheet}** is skipped: {why}.").format(
            sheet=md(sheet), why=why.text))
    if lines:
        st.markdown("  \n".join(lines))
    if report.rows_skipped:
        skipped = ", ".join(f"{r['row']} ({r['reason']})" for r in report.rows_skipped[:8])
        more = " " + _("and {n} more").format(n=len(report.rows_skipped) - 8) if len(report.rows_skipped) > 8 else ""
        st.caption(_("Rows left out: {rows}{more}.").format(rows=skipped, more=more))
    for note in report.notes:
        st.caption(md(note))


def show_findings(report, tag: str) -> None:
    if not report.findings:
        st.success(_("No problems found: every cell could be read and every rule is met."),
                   icon=":material/task_alt:")
        return
    e, w = len(report.errors), len(report.warnings)
    if e:
        whole = [f"- {md(f.message)}" for f in report.errors            # about the file or a whole column
                 if not f.row or f.rule in ("unrecognised_column", "duplicate_column")]
        st.error(_("**{n} error(s)**: the file cannot be loaded until they are fixed in the spreadsheet (or, where "
                   "a column was read wrongly, in the table above).").format(n=e)
                 + (" " + _("Also {n} warning(s) to check.").format(n=w) if w else "")
                 + ("\n\n" + "\n".join(whole) if whole else ""), icon=":material/error:")
    else:
        st.warning(_("**{n} warning(s)**: the file can be loaded, but please check them first (then tick the box "
                     "under 4. Load).").format(n=w), icon=":material/warning:")
    error, warning = _("Error"), _("Warning")
    findings = pd.DataFrame([{"Severity": error if f.severity == ERROR else warning, "Sheet": f.sheet,
                              "Row": f.row, "Column": f.column, "Value": value_text(f.value),
                              "Problem": f.message, "Type": rule_name(f.rule), "Rule": f.rule}
                             for f in report.findings])
    counts = (findings.groupby(["Severity", "Type"], sort=False)
              .agg(Count=("Type", "size"), Example=("Problem", "first")).reset_index()
              .sort_values(["Severity", "Count"], ascending=[True, False]))
    st.dataframe(counts, hide_index=True, width="stretch", key=f"counts-{tag}",
                 column_config={"Severity": _("Severity"), "Type": _("Type"), "Count": _("Count"),
                                "Example": st.column_config.TextColumn(_("Example"), width="large")})
    filters = iter(st.columns(2))
    present = [s for s in (error, warning) if s in set(findings["Severity"])]
    severities = present
    if len(present) > 1:
        severities = next(filters).pills(_("Show"), present, selection_mode="multi", default=present,
                                         key=f"severity-{tag}") or present
    types = next(filters).multiselect(_("Type of problem"), sorted(findings["Type"].unique()), key=f"types-{tag}",
                                      placeholder=_("All types"))
    shown = findings[findings["Severity"].isin(severities)]
    if types:
        shown = shown[shown["Type"].isin(types)]
    st.dataframe(shown, hide_index=True, width="stretch", key=f"findings-{tag}",
                 column_order=[c for c in ("Severity", "Sheet", "Row", "Column", "Value", "Problem", "Rule")
                               if c != "Sheet" or findings["Sheet"].nunique() > 1],
                 column_config={"Severity": _("Severity"), "Sheet": _("Sheet"), "Column": _("Column"),
                                "Row": st.column_config.NumberColumn(_("Excel row"), format="%d"),
                                "Value": st.column_config.TextColumn(_("Value"), width="small"),
                                "Problem": st.column_config.TextColumn(_("Problem"), width="large"),
                                "Rule": st.column_config.TextColumn(
                                    _("Rule"), width="small",
                                    help=_("The rule's code, as the command line and the annotated workbook give "
                                           "it"))})


def where(f) -> str:
    """'Row 4, Share online (%): ' for a finding on a cell, '' for one about the whole file."""
    parts = [p for p in (_("Row {row}").format(row=f.row) if f.row else "", md(f.column)) if p]
    return f"**{', '.join(parts)}**: " if parts else ""


def md(text: str) -> str:
    """Text from a file (headings, sheet names), shown literally inside Markdown."""
    return re.sub(r"([\\`*_\[\]<>#|$~])", r"\\\1", str(text))


def value_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def show_preview(frame: pd.DataFrame) -> None:
    if frame.empty:
        st.caption(_("No museum rows were found."))
        return
    filled = [f.name for f in schema.FIELDS if f.name in frame and frame[f.name].notna().any()]
    preview = frame[["_row", *filled]].head(PREVIEW_ROWS).rename(
        columns={"_row": _("Excel row"), **{n: i18n.survey_label(schema.FIELDS_BY_NAME[n].header) for n in filled}})
    generated = int(frame["museum_id_generated"].sum())
    st.caption(" ".join(part for part in (
        _("{n} museum row(s), as they will be stored: numbers, yes/no and answers from a list are cleaned up "
          "('45 %' → 45), and values that break a rule are left empty.").format(n=len(frame)),
        _("The museum ID was made from country and name for {n} row(s).").format(n=generated) if generated else "",
        _("First {n} shown.").format(n=PREVIEW_ROWS) if len(frame) > PREVIEW_ROWS else "") if part))
    st.dataframe(preview.astype(object).where(preview.notna(), None), hide_index=True, width="stretch")


def show_commit(upload: Upload) -> None:
    report, tag, rows = upload.report, upload.sha256[:12], upload.rows_to_load
    if not upload.stage.committable:
        st.button(_("Load {n} museum row(s)").format(n=rows), key=f"commit-{tag}", disabled=True,
                  icon=":material/upload:")
        st.caption(_("Nothing can be loaded from this file until the errors are fixed. Nothing was stored."))
        return
    confirmed = True
    if upload.stage is Stage.NEEDS_CONFIRMATION:
        listed = [f"- {where(f)}{md(f.message)}" for f in report.warnings[:10]]
        if len(report.warnings) > 10:
            listed.append("- " + _("… and {n} more in the table above.").format(n=len(report.warnings) - 10))
        st.markdown("\n".join(listed))
        digest = hashlib.sha256("|".join(f.message for f in report.warnings).encode()).hexdigest()[:8]
        confirmed = st.checkbox(_("I have checked the {n} warning(s) and want to load this file").format(
            n=len(report.warnings)), key=f"ack-{tag}-{digest}")
    if st.button(_("Load {n} museum row(s)").format(n=rows), key=f"commit-{tag}", type="primary",
                 disabled=not confirmed, icon=":material/upload:"):
        with state.writing() as primary:
            upload.commit(primary, user=user, warnings_confirmed=confirmed)
        st.rerun()
    if not confirmed:
        st.caption(_("Tick the box above to load the file with its warnings."))


def show_result(upload: Upload) -> None:
    st.success(md(upload.message), icon=":material/task_alt:")
    if upload.mapping_saved_for:
        st.caption(_("Your column choices are saved and will be used for the next file with the same headings."))
    st.page_link("views/overview.py", label=_("See the updated figures on the Overview"), icon=":material/dashboard:")


# --- the page -------------------------------------------------------------------------------------------
st.title(_("Upload surveys"))
st.caption(_("Load the survey spreadsheets that museums send back. Every file is checked first: you see how its "
             "columns are read, every problem with its row and column, and the rows that would be stored. A file "
             "is loaded whole, and only when it has no errors."))

left, right = st.columns([3, 1], vertical_alignment="bottom")
right.download_button(_("Blank survey to send out"), template_bytes, "museum_survey_template.xlsx", XLSX,
                      on_click="ignore", icon=":material/download:", key="template",
                      help=_("The survey workbook museums fill in, with dropdowns and instructions."))
max_mb = max(1, math.ceil(limits.MAX_UPLOAD_BYTES / 2**20))     # the widget takes whole MB
left.caption(_("Limits per file: {mb} MB, {rows} museum rows, {cells} cells.").format(
    mb=max_mb, rows=formats.number(limits.MAX_ROWS), cells=formats.number(limits.MAX_CELLS)))

with st.form("upload-form", clear_on_submit=True):
    files = st.file_uploader(_("Survey files ({types})").format(types=", ".join(TYPES)), type=TYPES,
                             accept_multiple_files=True,
                             max_upload_size=max_mb, key="upload-files")
    form_wave = st.selectbox(_("Survey wave"), wave_options(), key="upload-wave", format_func=wave_name,
                             help=_("For files without a survey wave column. You can change it per file below."))
    submitted = st.form_submit_button(_("Check files"), type="primary", icon=":material/fact_check:")

if submitted:
    if not files:
        st.warning(_("Choose one or more files first."))
    for upload in files or []:
        check_file(upload.name, upload.getvalue(), None if form_wave == FROM_FILE else form_wave)

if reviews:
    if st.button(_("Clear checked files"), icon=":material/clear_all:", key="clear-reviews",
                 help=_("Forget the files checked in this session (nothing is removed from the store).")):
        reviews.clear()
        st.rerun()
    for item in list(reviews.values()):
        show_review(item)
