"""Upload surveys: check each file (read -> map -> validate), let the analyst fix the column mapping, show
every problem, and load a file whole only when it has no errors (warnings need a tick).

The work is in analysis.pipeline / mappings / annotate; this page keeps one review per file (by sha256) in
the session so that edits, reruns and the final load all act on the same bytes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
from io import BytesIO

import pandas as pd
import streamlit as st

from analysis import limits, mappings, pipeline, schema, store
from analysis.annotate import annotated_name, annotated_workbook
from analysis.readers import UnreadableFile, read_sheets
from analysis.report import ERROR
from analysis.template import write_template
from ui import auth, state

TYPES = ["xlsx", "xlsm", "xls", "ods", "csv", "tsv"]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FROM_FILE = "Read it from the file"
PREVIEW_ROWS = 200

user = auth.require("analyst")                 # the name goes into the audit trail
con = state.database()
reviews: dict[str, dict] = st.session_state.setdefault("upload_reviews", {})


def template_bytes() -> bytes:
    out = BytesIO()
    write_template(out)
    return out.getvalue()


def wave_options() -> list[str]:
    return [FROM_FILE, *(str(y) for y in range(dt.date.today().year + 1, 2014, -1))]


def check_file(name: str, data: bytes, wave: str | None) -> None:
    """Read, map and validate one file, with its progress shown; the result goes into `reviews`."""
    sha = hashlib.sha256(data).hexdigest()
    if sha in reviews and reviews[sha]["result"] is None:
        st.info(f"**{md(name)}** has the same contents as **{md(reviews[sha]['name'])}**, checked already.",
                icon=":material/content_copy:")
        return
    review = {"name": name, "data": data, "sha": sha, "wave": wave, "decisions": {}, "result": None}
    label = md(name)
    with st.status(f"Checking {label}…", expanded=True) as status:
        if refused := limits.too_big(len(data)):
            review["refused"] = refused
            status.update(label=f"{label}: too large to check", state="error", expanded=False)
        elif (earlier := store.find_duplicate(con, sha)) is not None:
            review["duplicate"] = store.upload_details(con, earlier)
            status.update(label=f"{label}: already loaded (upload {earlier})", state="complete", expanded=False)
        else:
            status.write("Reading the file…")
            try:
                fmt, review["sheets"] = read_sheets(data)
                status.write(f"Read {len(review['sheets'])} sheet(s) ({fmt}).")
            except UnreadableFile:
                review["sheets"] = []                       # parse_upload says why, in the report
            status.write("Mapping the columns to the survey questions and checking every cell…")
            parsed = pipeline.parse(con, data, name, wave=wave, sheets=review["sheets"])
            review["parsed"], review["parsed_key"] = parsed, (wave, ())
            review["base"] = mappings.mapping_table(parsed.report, review["sheets"])
            report = parsed.report
            used = sum(1 for m in report.mapping if m.field)
            status.write(f"Columns: {used} of {len(report.mapping)} recognised.")
            status.write(f"Checked {len(parsed.frame)} museum row(s): {len(report.errors)} error(s), "
                         f"{len(report.warnings)} warning(s).")
            status.update(label=f"{label}: {verdict_words(parsed)}", expanded=False,
                          state="error" if report.errors else "complete")
    reviews[sha] = review


def verdict_words(parsed) -> str:
    r = parsed.report
    if r.errors:
        return f"{len(r.errors)} error(s) to fix before it can be loaded"
    if r.warnings:
        return f"ready to load {len(parsed.frame)} museum row(s) once you confirm {len(r.warnings)} warning(s)"
    return f"ready to load {len(parsed.frame)} museum row(s)"


def reparse_if_needed(review: dict) -> None:
    """Parse again when the analyst changed the wave or the column mapping (the report follows at once)."""
    key = (review["wave"], tuple(sorted(review["decisions"].items(), key=str)))
    if key != review["parsed_key"]:
        review["parsed"] = pipeline.parse(con, review["data"], review["name"], wave=review["wave"],
                                          mapping=review["decisions"], sheets=review["sheets"])
        review["parsed_key"] = key


# --- per file -------------------------------------------------------------------------------------------
def show_review(review: dict) -> None:
    sha, name = review["sha"], review["name"]
    tag = sha[:12]
    st.subheader(f":material/description: {md(name)}", divider="gray")
    if "refused" in review:
        st.error(review["refused"], icon=":material/block:")
        return
    if "duplicate" in review:
        d = review["duplicate"]
        st.warning(f"**Already loaded.** This exact file (same contents) was loaded as upload {d['upload_id']} "
                   f"on {d['uploaded_at']:%Y-%m-%d %H:%M} by {md(d['uploaded_by'])} (file name then: "
                   f"'{md(d['filename'])}'). Nothing was loaded again. To replace it, retract upload "
                   f"{d['upload_id']} on the Upload history page first.", icon=":material/content_copy:")
        return
    if review["result"] is not None:
        show_result(review)
        return
    unreadable = [f.message for f in review["parsed"].report.errors if f.rule == "unreadable_file"]
    if unreadable:
        st.error(f"**This file cannot be read.** {md(unreadable[0])} Nothing was stored.", icon=":material/block:")
        return

    if review["wave"] or needs_wave(review["parsed"].report):
        wave = st.selectbox("Survey wave for rows that do not give one", wave_options(),
                            index=wave_options().index(review["wave"] or FROM_FILE), key=f"wave-{tag}",
                            help="This file has no survey wave column (or leaves it empty). 'Read it from the "
                                 "file' takes the year from the title or file name, and says so in a warning.")
        review["wave"] = None if wave == FROM_FILE else wave

    st.markdown("##### 1. Check how the columns are read")
    report = review["parsed"].report
    show_sheets(report)
    if review["base"].empty:
        st.caption("No column headings were found, so there is nothing to map.")
    else:
        st.caption("Each heading in the file is matched to a survey question; **How** says which words decided it. "
                   "Change **Stored as** where the match is wrong. A column marked "
                   f"**{mappings.UNDECIDED}** holds answers the app could not place: pick the question it answers, "
                   f"or **{mappings.IGNORE}** to leave it out; the file loads only once every such column is "
                   "decided. The check below is redone at once.")
        edited = st.data_editor(
            review["base"], key=f"mapping-{tag}", hide_index=True, width="stretch",
            disabled=[c for c in review["base"].columns if c != "Stored as"],
            column_order=[c for c in review["base"].columns
                          if c != "Sheet" or review["base"]["Sheet"].nunique() > 1],
            column_config={
                "Heading in the file": st.column_config.TextColumn(width="medium"),
                "Stored as": st.column_config.SelectboxColumn(
                    options=mappings.field_choices(), required=True, width="medium",
                    help="The survey question this column answers"),
                "Confidence": st.column_config.TextColumn(width="small",
                                                          help="100 % = the heading is a known wording"),
                "How": st.column_config.TextColumn(width="medium"),
                "Sample values": st.column_config.TextColumn(width="large",
                                                             help="The first values under this heading"),
            })
        review["decisions"] = mappings.decisions_from_table(review["base"], edited)
    reparse_if_needed(review)
    parsed = review["parsed"]
    report = parsed.report
    if review["decisions"]:
        changes = "; ".join(f"'{md(h)}' → {md(mappings.choice_of(f))}"
                            for (_, h), f in review["decisions"].items())
        st.info(f"Your changes: {changes}. They are remembered for files with the same headings once this file "
                "is loaded.", icon=":material/edit:")
    if report.unmapped_columns:
        st.caption(f"Not stored (not recognised or left out): {md(', '.join(report.unmapped_columns))}.")
    if report.dropped_columns:
        st.caption(f":material/lock: Personal data, never stored: {md(', '.join(report.dropped_columns))}.")

    st.markdown("##### 2. Problems found")
    show_findings(report, tag)
    left, right = st.columns(2)
    left.download_button("Download the file with problems marked", key=f"annotated-{tag}",
                         data=lambda: annotated_workbook(review["data"], report, review["sheets"]),
                         file_name=annotated_name(name), mime=XLSX, on_click="ignore",
                         icon=":material/download:", disabled=not report.findings,
                         help="A copy of the workbook with each problem cell coloured (red = error, amber = "
                              "warning) and the explanation in a comment, plus a sheet listing every problem. "
                              "Send it back to the museum or fix it yourself, then upload it again.")
    if review["decisions"] and report.errors:
        if right.button("Remember my column choices", key=f"remember-{tag}", icon=":material/bookmark:",
                        help="Use the same choices automatically for the next file with exactly these headings "
                             "(for example the corrected file)."):
            saved = pipeline.remember_mapping(con, review["sheets"], review["decisions"],
                                              user=user, filename=name)
            st.toast(f"Column choices saved for sheet(s): {', '.join(saved)}.")

    st.markdown("##### 3. Rows that will be stored")
    show_preview(parsed)

    st.markdown("##### 4. Load")
    show_commit(review)


def needs_wave(report) -> bool:
    """Whether some rows get their wave from outside the sheet (or have none): then the analyst may set it."""
    with_wave = {m.sheet for m in report.mapping if m.field == "survey_wave"}
    return (any(f.rule in ("no_wave", "wave_from_title") for f in report.findings)
            or any(sheet not in with_wave for sheet in report.sheets_used))


def show_sheets(report) -> None:
    lines = []
    for sheet in report.sheets_used:
        rows = report.header_rows.get(sheet, [])
        where = f"headings on row {' and '.join(str(r) for r in rows)}" if rows else ""
        lines.append(f":material/check_circle: Sheet **{md(sheet)}** is used ({where}).")
    for sheet, why in report.sheets_skipped.items():
        lines.append(f":material/do_not_disturb_on: Sheet **{md(sheet)}** is skipped: {why}.")
    if lines:
        st.markdown("  \n".join(lines))
    if report.rows_skipped:
        skipped = ", ".join(f"{r['row']} ({r['reason']})" for r in report.rows_skipped[:8])
        more = f" and {len(report.rows_skipped) - 8} more" if len(report.rows_skipped) > 8 else ""
        st.caption(f"Rows left out: {skipped}{more}.")
    for note in report.notes:
        if "personal data not stored" not in note:        # said once, after the table
            st.caption(md(note))


def show_findings(report, tag: str) -> None:
    if not report.findings:
        st.success("No problems found: every cell could be read and every rule is met.",
                   icon=":material/task_alt:")
        return
    e, w = len(report.errors), len(report.warnings)
    if e:
        whole = [f"- {md(f.message)}" for f in report.errors            # about the file or a whole column
                 if not f.row or f.rule in ("unrecognised_column", "duplicate_column")]
        st.error(f"**{e} error(s)**: the file cannot be loaded until they are fixed in the spreadsheet "
                 f"(or, where a column was read wrongly, in the table above)."
                 + (f" Also {w} warning(s) to check." if w else "") + ("\n\n" + "\n".join(whole) if whole else ""),
                 icon=":material/error:")
    else:
        st.warning(f"**{w} warning(s)**: the file can be loaded, but please check them first (then tick the box "
                   "under 4. Load).", icon=":material/warning:")
    findings = pd.DataFrame([{"Severity": "Error" if f.severity == ERROR else "Warning", "Sheet": f.sheet,
                              "Row": f.row, "Column": f.column, "Value": value_text(f.value),
                              "Problem": f.message, "Type": rule_text(f.rule), "Rule": f.rule}
                             for f in report.findings])
    counts = (findings.groupby(["Severity", "Type"], sort=False)
              .agg(Count=("Type", "size"), Example=("Problem", "first")).reset_index()
              .sort_values(["Severity", "Count"], ascending=[True, False]))
    st.dataframe(counts, hide_index=True, width="stretch", key=f"counts-{tag}",
                 column_config={"Example": st.column_config.TextColumn(width="large")})
    filters = iter(st.columns(2))
    present = [s for s in ("Error", "Warning") if s in set(findings["Severity"])]
    severities = present
    if len(present) > 1:
        severities = next(filters).pills("Show", present, selection_mode="multi", default=present,
                                         key=f"severity-{tag}") or present
    types = next(filters).multiselect("Type of problem", sorted(findings["Type"].unique()), key=f"types-{tag}",
                              placeholder="All types")
    shown = findings[findings["Severity"].isin(severities)]
    if types:
        shown = shown[shown["Type"].isin(types)]
    st.dataframe(shown, hide_index=True, width="stretch", key=f"findings-{tag}",
                 column_order=[c for c in ("Severity", "Sheet", "Row", "Column", "Value", "Problem", "Rule")
                               if c != "Sheet" or findings["Sheet"].nunique() > 1],
                 column_config={"Row": st.column_config.NumberColumn("Excel row", format="%d"),
                                "Value": st.column_config.TextColumn(width="small"),
                                "Problem": st.column_config.TextColumn(width="large"),
                                "Rule": st.column_config.TextColumn(
                                    width="small", help="The rule's code, as the command line and the annotated "
                                                        "workbook give it")})


def where(f) -> str:
    """'Row 4, Share online (%): ' for a finding on a cell, '' for one about the whole file."""
    parts = [p for p in (f"Row {f.row}" if f.row else "", md(f.column)) if p]
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


def rule_text(rule: str) -> str:
    return rule.replace("_", " ").capitalize()


def show_preview(parsed) -> None:
    frame = parsed.frame
    if frame.empty:
        st.caption("No museum rows were found.")
        return
    filled = [f.name for f in schema.FIELDS if f.name in frame and frame[f.name].notna().any()]
    preview = frame[["_row", *filled]].head(PREVIEW_ROWS).rename(
        columns={"_row": "Excel row", **{n: schema.FIELDS_BY_NAME[n].header for n in filled}})
    generated = int(frame["museum_id_generated"].sum())
    st.caption(f"{len(frame)} museum row(s), as they will be stored: numbers, yes/no and answers from a list "
               "are cleaned up ('45 %' → 45), and values that break a rule are left empty."
               + (f" The museum ID was made from country and name for {generated} row(s)." if generated else "")
               + (f" First {PREVIEW_ROWS} shown." if len(frame) > PREVIEW_ROWS else ""))
    st.dataframe(preview.astype(object).where(preview.notna(), None), hide_index=True, width="stretch")


def show_commit(review: dict) -> None:
    parsed, tag = review["parsed"], review["sha"][:12]
    report = parsed.report
    rows = len(parsed.frame)
    if report.errors or not rows:
        st.button(f"Load {rows} museum row(s)", key=f"commit-{tag}", disabled=True, icon=":material/upload:")
        st.caption("Nothing can be loaded from this file until the errors are fixed. Nothing was stored.")
        return
    confirmed = True
    if report.warnings:
        listed = [f"- {where(f)}{md(f.message)}" for f in report.warnings[:10]]
        if len(report.warnings) > 10:
            listed.append(f"- … and {len(report.warnings) - 10} more in the table above.")
        st.markdown("\n".join(listed))
        digest = hashlib.sha256("|".join(f.message for f in report.warnings).encode()).hexdigest()[:8]
        confirmed = st.checkbox(f"I have checked the {len(report.warnings)} warning(s) and want to load this file",
                                key=f"ack-{tag}-{digest}")
    if st.button(f"Load {rows} museum row(s)", key=f"commit-{tag}", type="primary", disabled=not confirmed,
                 icon=":material/upload:"):
        review["result"] = pipeline.commit_reviewed(con, parsed, user=user,
                                                    sheets=review["sheets"], mapping=review["decisions"])
        st.rerun()
    if not confirmed:
        st.caption("Tick the box above to load the file with its warnings.")


def show_result(review: dict) -> None:
    result = review["result"]
    if result["status"] == "duplicate":
        st.warning(result["message"], icon=":material/content_copy:")
        return
    if result["status"] != "committed":
        st.error(result["message"], icon=":material/error:")
        return
    superseded = result.get("superseded") or 0
    st.success(f"**Loaded {result['rows']} museum row(s)** as upload {result['upload_id']}."
               + (f" For {superseded} museum(s) this replaces an earlier answer for the same wave; the earlier "
                  "answer is kept and comes back if this upload is retracted." if superseded else
                  " No earlier answers were replaced."), icon=":material/task_alt:")
    if result.get("mapping_saved_for"):
        st.caption("Your column choices are saved and will be used for the next file with the same headings.")
    st.page_link("views/overview.py", label="See the updated figures on the Overview", icon=":material/dashboard:")


# --- the page -------------------------------------------------------------------------------------------
st.title("Upload surveys")
st.caption("Load the survey spreadsheets that museums send back. Every file is checked first: you see how its "
           "columns are read, every problem with its row and column, and the rows that would be stored. A file "
           "is loaded whole, and only when it has no errors.")

left, right = st.columns([3, 1], vertical_alignment="bottom")
right.download_button("Blank survey to send out", template_bytes, "museum_survey_template.xlsx", XLSX,
                      on_click="ignore", icon=":material/download:", key="template",
                      help="The survey workbook museums fill in, with dropdowns and instructions.")
max_mb = max(1, math.ceil(limits.MAX_UPLOAD_BYTES / 2**20))     # the widget takes whole MB
left.caption(f"Limits per file: {max_mb} MB, {limits.MAX_ROWS:,} museum rows, {limits.MAX_CELLS:,} cells.")

with st.form("upload-form", clear_on_submit=True):
    files = st.file_uploader(f"Survey files ({', '.join(TYPES)})", type=TYPES, accept_multiple_files=True,
                             max_upload_size=max_mb, key="upload-files")
    form_wave = st.selectbox("Survey wave", wave_options(), key="upload-wave",
                             help="For files without a survey wave column. You can change it per file below.")
    submitted = st.form_submit_button("Check files", type="primary", icon=":material/fact_check:")

if submitted:
    if not files:
        st.warning("Choose one or more files first.")
    for upload in files or []:
        check_file(upload.name, upload.getvalue(), None if form_wave == FROM_FILE else form_wave)

if reviews:
    if st.button("Clear checked files", icon=":material/clear_all:", key="clear-reviews",
                 help="Forget the files checked in this session (nothing is removed from the store)."):
        reviews.clear()
        st.rerun()
    for item in list(reviews.values()):
        show_review(item)
