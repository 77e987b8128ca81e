"""Admin: the targets every chart is measured against, editable per country, museum type and wave."""

import streamlit as st

from analysis import formats, schema, store
from analysis.figures import targets
from analysis.i18n import _
from ui import auth, state

st.title(_("Targets"))
auth.require("admin")
st.caption(_("Defaults come from Recommendation (EU) 2021/1970 (3D milestones), DigComp 2.2 and the AI Act "
             "(Art. 4). The collection-digitisation target is a placeholder until a national goal is entered. "
             "A row with a country, museum type or wave applies only there and wins over the default."))

con = state.database()
current = targets.load(con)
types = list(schema.FIELDS_BY_NAME["museum_type"].codes)
edited = st.data_editor(
    current, key="targets-editor", num_rows="dynamic", hide_index=True, width="stretch",
    column_config={
        "metric": st.column_config.SelectboxColumn(_("Metric"), options=list(targets.METRICS), required=True,
                                                   help=formats.clauses(formats.labelled(k, f"{_(v[0])} ({_(v[1])})")
                                                                       for k, v in targets.METRICS.items())),
        "country": st.column_config.TextColumn(_("Country (ISO code, blank = all)"), max_chars=2),
        "museum_type": st.column_config.SelectboxColumn(_("Museum type (blank = all)"), options=types),
        "survey_wave": st.column_config.TextColumn(_("Wave (blank = all)")),
        "target_year": st.column_config.NumberColumn(_("Target year"), min_value=2020, max_value=2050, step=1),
        "value": st.column_config.NumberColumn(_("Target value")),
        "is_placeholder": st.column_config.CheckboxColumn(_("Placeholder"), help=_("Shown as such on the charts")),
        "source": st.column_config.TextColumn(_("Source")),
    })
rows, problems = targets.check(edited)
for problem in problems:
    st.error(problem, icon=":material/error:")
if st.button(_("Save targets"), type="primary", disabled=bool(problems)):
    with state.writing() as primary:
        saved = store.replace_targets(primary, rows)
    st.success(_("Saved {n} targets. Every chart now uses them.").format(n=saved), icon=":material/check_circle:")
