"""The cost model: what digitising the objects a museum still has to digitise would cost at published unit
costs, set against what it declares it needs for digitisation. A museum more than FLAG_FACTOR times above or
below the model is flagged for the analyst (on the Scenarios page and in the upload report), never changed.

The unit costs in force live in DuckDB (table unit_costs, migration 8), editable by an admin on the Scenarios
page as the targets are; the published figures they come from, each with its year and range, are listed in
data/digitisation_unit_costs.csv.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

import duckdb
import numpy as np
import pandas as pd

from analysis import formats, i18n, schema, store
from analysis.figures.targets import edited_rows
from analysis.i18n import N_, _
from analysis.parsing.report import WARNING

COLUMNS = list(store.UNIT_COST_COLUMNS)
LITERATURE = store.DATA / "digitisation_unit_costs.csv"
FLAG_FACTOR = 5.0
RULE = "need_far_from_cost_model"
ROWS_LISTED = 20                # an upload report names this many flagged rows one by one, then counts the rest
# The pillars whose needs pay for digitising objects (capture equipment, the staff doing it, the records): what the
# per-object costs of the studies cover. Infrastructure, copyright clearance and training are left out.
DIGITISATION_PILLARS = ("equipment", "human_resources", "data_metadata")
DIGITISATION_NEEDS = tuple(schema.NEED_FIELDS[p] for p in DIGITISATION_PILLARS)
# What the model needs of a museum (columns of museum_metrics, or of an upload plus objects_to_digitise).
INPUTS = ("museum_type", "objects_to_digitise", "pct_digitised", "pct_digitised_3d", *DIGITISATION_NEEDS)

ASSUMPTIONS = (
    N_("Modelled cost = objects still to digitise (collection × (100 − % digitised − % needing no digitisation)) × "
       "a unit cost per object: (1 − 3D share) × the 2D cost + 3D share × the 3D cost."),
    N_("The 3D share is the museum's own (its 3D share of what it has digitised so far) when it gave one, else the "
       "cost model's share for its museum type."),
    N_("Unit costs per museum type come from published studies (data/digitisation_unit_costs.csv); an admin can "
       "change them on this page."),
    N_("Declared digitisation need = the museum's needs for {pillars} (what per-object costs cover); "
       "infrastructure, copyright clearance and training are left out."),
    N_("Flagged when the declared need is more than {factor} times the modelled cost, or the modelled cost more "
       "than {factor} times the declared need; answers are never changed."),
)


def assumptions() -> list[str]:
    """The cost model's assumptions in the current language, as the Scenarios page lists them."""
    pillars = ", ".join(formats.mid_sentence(i18n.survey_label(schema.PILLARS[p])) for p in DIGITISATION_PILLARS)
    return [_(text).format(pillars=pillars, factor=f"{FLAG_FACTOR:g}") for text in ASSUMPTIONS]


def load(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The unit costs in force, the row for all types (museum_type None) first."""
    with con.cursor() as cur:
        return cur.execute(f"SELECT {', '.join(COLUMNS)} FROM unit_costs ORDER BY museum_type NULLS FIRST").df()


def literature() -> pd.DataFrame:
    """The published figures behind the unit costs: kind, low, high, currency, unit, year, source, covers, url."""
    return pd.read_csv(LITERATURE, dtype={"year": str})


def check(frame: pd.DataFrame) -> tuple[list[dict], list[str]]:
    """Return (clean rows, problems in words). A table with any problem is not saved."""
    rows, problems = [], []
    types = set(schema.FIELDS_BY_NAME["museum_type"].codes)
    for where, row in edited_rows(frame, COLUMNS):
        if row["museum_type"] is not None and row["museum_type"] not in types:
            problems.append(_("{where}: '{value}' is not a museum type code ({codes}).").format(
                where=where, value=row["museum_type"], codes=", ".join(sorted(types))))
        try:
            costs = [float(row[c]) for c in ("cost_2d_eur", "cost_3d_eur", "share_3d_pct")]
        except (TypeError, ValueError):
            problems.append(_("{where}: the 2D cost, the 3D cost and the 3D share must be numbers.").format(
                where=where))
            continue
        row["cost_2d_eur"], row["cost_3d_eur"], row["share_3d_pct"] = costs
        if min(costs[:2]) <= 0:
            problems.append(_("{where}: a cost per object must be more than EUR 0.").format(where=where))
        if not 0 <= costs[2] <= 100:
            problems.append(_("{where}: the 3D share {share} must be between 0 and 100 (%).").format(
                where=where, share=formats.plain(costs[2])))
        row["source"] = "" if row["source"] is None else str(row["source"])
        rows.append(row)
    kinds = [r["museum_type"] for r in rows]
    if len(kinds) != len(set(kinds)):
        problems.append(_("Two rows set the costs of the same museum type: keep one."))
    if None not in kinds:
        problems.append(_("Keep a row for all types (museum type left blank): museums of other types use it."))
    return rows, problems


def model(frame: pd.DataFrame, costs: pd.DataFrame) -> pd.DataFrame:
    """Per museum (rows of `frame`, which has INPUTS): the 3D share used and where it comes from, the unit costs,
    the modelled cost of digitising what is left, the declared digitisation need, their ratio and the flag
    ('above': need more than FLAG_FACTOR times the model; 'below': model more than FLAG_FACTOR times the need)."""
    default = costs[costs["museum_type"].isna()]
    if default.empty:
        raise ValueError("the cost model has no row for all museum types")
    by_type = costs.dropna(subset=["museum_type"]).set_index("museum_type")
    kind = frame["museum_type"].astype(object).where(frame["museum_type"].isin(by_type.index), None)
    pick = lambda column: kind.map(by_type[column]).fillna(float(default[column].iloc[0])).astype(float)  # noqa: E731
    digitised = pd.to_numeric(frame["pct_digitised"], errors="coerce").astype(float)
    in_3d = pd.to_numeric(frame["pct_digitised_3d"], errors="coerce").astype(float)
    own = (digitised > 0) & in_3d.notna()
    share = (in_3d / digitised.where(own)).where(own, pick("share_3d_pct") / 100)
    cost_2d, cost_3d = pick("cost_2d_eur"), pick("cost_3d_eur")
    objects = pd.to_numeric(frame["objects_to_digitise"], errors="coerce").astype(float)
    modelled = objects * ((1 - share) * cost_2d + share * cost_3d)
    declared = frame[list(DIGITISATION_NEEDS)].apply(pd.to_numeric, errors="coerce").astype(float).sum(
        axis=1, min_count=1)
    both = modelled.notna() & declared.notna()
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = (declared / modelled).where(both)
    flag = np.select([both & (declared > FLAG_FACTOR * modelled), both & (FLAG_FACTOR * declared < modelled)],
                     ["above", "below"], "")
    return pd.DataFrame({"share_3d_pct": 100 * share, "share_3d_from": np.where(own, "museum", "model"),
                         "cost_2d_eur": cost_2d, "cost_3d_eur": cost_3d, "modelled_cost_eur": modelled,
                         "declared_need_eur": declared, "ratio": ratio, "flag": flag}, index=frame.index)


@dataclass(frozen=True)
class CrossCheck:
    """The cost model over the museums in view: `checked` = those that gave both a digitisation need and what the
    model needs (collection size and shares), with the model's columns; `flagged` = those more than FLAG_FACTOR
    times apart; `names` gives the ID and name of the museums of some of its `row`s, in that order (names are
    fetched only for the museums a table lists)."""

    checked: pd.DataFrame
    names: Callable[[tuple[int, ...]], pd.DataFrame]

    @cached_property                   # computed once: pages show the same check on every rerun
    def flagged(self) -> pd.DataFrame:
        return self.checked[self.checked["flag"] != ""]

    @cached_property
    def sentence(self) -> str:
        """What the check found, in words with n (Markdown)."""
        n, f = len(self.checked), self.flagged
        if not n:
            return _("No museum in view gave both a digitisation need and its collection size and shares, so no "
                     "need can be checked.")
        return _("**{flagged} of {n}** museums that gave both a digitisation need and their collection (**{share}**) "
                 "declare a need more than {factor} times above ({above}) or below ({below}) what digitising their "
                 "remaining objects would cost at published unit costs. They are flagged for the analyst, never "
                 "changed.").format(flagged=len(f), n=n, share=formats.pct(100 * len(f) / n), factor=f"{FLAG_FACTOR:g}",
                                    above=int((f["flag"] == "above").sum()), below=int((f["flag"] == "below").sum()))

    @cached_property
    def furthest_apart(self) -> pd.DataFrame:
        """The flagged museums, those whose need and model are the most times apart first."""
        f = self.flagged
        with np.errstate(divide="ignore"):
            apart = np.fmax(f["ratio"], 1 / f["ratio"]).fillna(np.inf)   # no need declared / nothing left: first
        return f.loc[apart.sort_values(ascending=False, kind="stable").index]

    def table(self, rows: int | None = None) -> pd.DataFrame:
        """The flagged museums as an analyst reads them, furthest apart first (the first `rows` of them, or all):
        names, country and type in words, how many times apart."""
        f = self.furthest_apart.iloc[:rows]
        named = self.names(tuple(f["row"])).set_axis(f.index)
        types = dict(schema.FIELDS_BY_NAME["museum_type"].choices)
        return pd.DataFrame({
            "museum_id": named["museum_id"], "museum_name": named["museum_name"],
            "country": f["country"].map(schema.country_name),
            "museum_type": f["museum_type"].map(types), "objects_to_digitise": f["objects_to_digitise"],
            "share_3d_pct": f["share_3d_pct"], "modelled_cost_eur": f["modelled_cost_eur"],
            "declared_need_eur": f["declared_need_eur"],
            "times_apart": [_("{times}× above").format(times=formats.number(r, 1)) if flag == "above" and
                            math.isfinite(r) else _("nothing left to digitise") if flag == "above" else
                            _("{times}× below").format(times=formats.number(1 / r, 1)) if r > 0 else
                            _("no need declared") for r, flag in zip(f["ratio"], f["flag"])]})


def cross_check(museums: pd.DataFrame, costs: pd.DataFrame,
                names: Callable[[tuple[int, ...]], pd.DataFrame]) -> CrossCheck:
    """The cost model applied to the museums in view (`metrics.digitisation_inputs` rows) that gave both a
    digitisation need and the objects they still have to digitise; `names` as CrossCheck's."""
    given = museums[museums["objects_to_digitise"].notna() & museums[list(DIGITISATION_NEEDS)].notna().any(axis=1)]
    return CrossCheck(given.join(model(given, costs)), names)


def explain(objects: float, m: pd.Series) -> str:
    """One flag in words, as the analyst reads it in the upload report."""
    what = ", ".join(formats.mid_sentence(i18n.survey_label(schema.PILLARS[p])) for p in DIGITISATION_PILLARS)
    basis = _("at EUR {cost_2d} an object in 2D and EUR {cost_3d} in 3D, {share} % in 3D").format(
        cost_2d=formats.number(m["cost_2d_eur"], 2), cost_3d=formats.number(m["cost_3d_eur"], 2),
        share=formats.number(m["share_3d_pct"]))
    need, modelled = formats.money(m["declared_need_eur"], 3), formats.money(m["modelled_cost_eur"], 3)
    if m["modelled_cost_eur"] == 0:
        return _("The declared need for {what} ({need}) is set against no objects left to digitise (digitised plus no "
                 "need to digitise make 100 %). Check the needs and the digitisation shares; nothing was changed."
                 ).format(what=what, need=need)
    if m["declared_need_eur"] == 0:
        return _("No money is declared for {what}, but {objects} objects are still to digitise (modelled cost "
                 "{modelled} {basis}). Check the needs and the collection size; nothing was changed.").format(
            what=what, objects=formats.number(objects), modelled=modelled, basis=basis)
    above = m["flag"] == "above"
    sentence = (_("The declared need for {what} ({need}) is {times} times above the modelled cost of digitising the "
                  "{objects} objects still to digitise ({modelled} {basis}).") if above else
                _("The declared need for {what} ({need}) is {times} times below the modelled cost of digitising the "
                  "{objects} objects still to digitise ({modelled} {basis})."))
    return sentence.format(what=what, need=need, times=formats.number(m["ratio"] if above else 1 / m["ratio"], 1),
                           objects=formats.number(objects), modelled=modelled, basis=basis) + " " + _(
        "More than {factor} times apart: check the needs, the collection size and the digitisation shares; nothing "
        "was changed.").format(factor=formats.plain(FLAG_FACTOR))


def check_upload(con: duckdb.DuckDBPyConnection, parsed) -> None:
    """Add a warning to the upload report (analysis.parsing.sheets.ParsedUpload) for each row whose declared digitisation
    need is more than FLAG_FACTOR times above or below the cost model in force (the first ROWS_LISTED one by one,
    the others in one more warning)."""
    frame = parsed.frame
    if frame.empty:
        return
    numbers = pd.DataFrame({c: pd.to_numeric(frame[c], errors="coerce").astype(float)
                            for c in ("collection_objects", "pct_digitised", "pct_no_need_digitise")})
    with con.cursor() as cur:                   # the store's own definition of what is left to digitise
        cur.register("cost_check_rows", numbers.reset_index(drop=True).assign(i=range(len(numbers))))
        objects = cur.execute("SELECT objects_to_digitise(collection_objects, pct_to_digitise(pct_digitised, "
                              "pct_no_need_digitise)) FROM cost_check_rows ORDER BY i").fetchnumpy()
        cur.unregister("cost_check_rows")
    inputs = frame.reindex(columns=list(INPUTS)).assign(objects_to_digitise=next(iter(objects.values())))
    modelled = model(inputs, load(con))
    flagged = modelled.index[modelled["flag"] != ""]
    for i in flagged[:ROWS_LISTED]:
        sheet, row = frame.at[i, "_sheet"], int(frame.at[i, "_row"])
        answered = [n for n in DIGITISATION_NEEDS if pd.notna(pd.to_numeric(frame.at[i, n], errors="coerce"))]
        header, letter = parsed.columns.get((sheet, answered[0]), (schema.FIELDS_BY_NAME[answered[0]].label, ""))
        parsed.report.add(WARNING, RULE, explain(float(inputs.at[i, "objects_to_digitise"]), modelled.loc[i]),
                          sheet=sheet, row=row, column=header, value=float(modelled.at[i, "declared_need_eur"]),
                          cell=f"{letter}{row}" if letter else "")
    if len(flagged) > ROWS_LISTED:
        rest = flagged[ROWS_LISTED:]
        rows = ", ".join(_("{sheet} row {row}").format(sheet=frame.at[i, "_sheet"], row=int(frame.at[i, "_row"]))
                         for i in rest[:30]) + (", …" if len(rest) > 30 else "")
        parsed.report.add(WARNING, RULE, _("{n} more museums declare a digitisation need more than {factor} times "
                                           "above or below the modelled cost: {rows}. Once the file is loaded the "
                                           "Scenarios page lists them all; nothing was changed.").format(
            n=formats.number(len(rest)), factor=formats.plain(FLAG_FACTOR), rows=rows),
                          sheet=str(frame.at[rest[0], "_sheet"]))
