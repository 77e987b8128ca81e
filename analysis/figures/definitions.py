"""What every derived column of the museum_metrics view means: formula, unit and why, in one place.

The SQL in analysis.store computes the metrics; this module says in words what that SQL does, for the
Methodology page and the exports. tests/test_page_methodology.py fails when museum_metrics gains a
column that is not described here, so the two cannot drift apart silently.
"""

from __future__ import annotations

from dataclasses import dataclass

from analysis import formats, i18n, schema
from analysis.figures.skills import skill_area_label
from analysis.i18n import N_, _


@dataclass(frozen=True)
class Definition:
    """Label, formula, unit and note in English with {placeholders}, translated and filled in by `table`."""
    label: str
    formula: str
    unit: str
    note: str = ""
    values: tuple[tuple[str, str], ...] = ()     # this metric's own placeholders ({area}, {pillar})


def _bands() -> str:
    lows = [lower for _, lower in schema.SIZE_BANDS]
    parts = []
    for i, (band, lower) in enumerate(schema.SIZE_BANDS):
        upper = lows[i + 1] if i + 1 < len(lows) else None
        parts.append(f"{band} {formats.number(lower)}–<{formats.number(upper)}" if upper
                     else f"{band} ≥{formats.number(lower)}")
    return formats.clauses(parts)


_H = schema.HORIZON_YEAR
_GAP = N_("max(target − value, 0); blank when either is blank")

# A museum's funding shortfall (funding_shortfall_eur) as pages, chart notes and scenario assumptions word it.
SHORTFALL = N_("max(0, need − budget × horizon)")
SHORTFALL_TERMS_TEXT = N_("with its annual digital budget and its own funding horizon (to {year} unless it gave "
                          "another)")
SHORTFALL_TERMS = SHORTFALL_TERMS_TEXT.format(year=_H)


def shortfall() -> str:
    """SHORTFALL in the current language ('max(0, Bedarf − Budget × Horizont)')."""
    return _(SHORTFALL)


def shortfall_terms() -> str:
    """SHORTFALL_TERMS in the current language."""
    return _(SHORTFALL_TERMS_TEXT).format(year=_H)

METRICS: dict[str, Definition] = {
    # classification and bookkeeping
    "wave_year": Definition(N_("Wave year"), N_("first four characters of survey_wave, as a year"), N_("year")),
    "reference_year": Definition(N_("Reference year"), N_("year of reference_date, else the wave year"), N_("year")),
    "size_band": Definition(N_("Size band"), N_("from annual_visits: {bands} visits a year; blank when visits are "
                                                "blank"), N_("band"), N_("Mapping Museums bands (DOMAIN.md §3.2)")),
    "egmus_type_group": Definition(
        N_("EGMUS type group"), N_("museum_type grouped as EGMUS 2b–2d: {groups}; other types = other"), N_("group"),
        N_("comparability with EGMUS counts"),
        (("groups", "; ".join(f"{g} = {', '.join(t)}" for g, t in schema.EGMUS_TYPE_GROUPS.items())),)),
    # targets in force (most specific row of the targets table)
    "target_pct_digitised": Definition(N_("Digitisation target"), N_("targets table, metric pct_digitised, year "
                                       "{year}: the row for the museum's country, type or wave, else the default"),
                                       N_("% of collection"), N_("placeholder 50 % until a national goal is set")),
    "target_3d_at_risk_pct": Definition(N_("3D target, monuments at risk"), N_("targets table, metric 3d_at_risk: "
                                        "2025 milestone for waves up to 2025, else 2030"), N_("% of those assets"),
                                        N_("Recommendation (EU) 2021/1970 point 6(a)")),
    "target_3d_most_visited_pct": Definition(N_("3D target, most-visited monuments"), N_("targets table, metric "
                                             "3d_most_visited, milestone as above"), N_("% of those assets"),
                                             N_("Recommendation (EU) 2021/1970 point 6(b)")),
    "target_skill_level": Definition(N_("Skill target"), N_("targets table, metric skill_level; default {skill}"),
                                     N_("DigComp level"), "DigComp 2.2"),
    "target_pct_staff_ai_trained": Definition(N_("AI-literacy training target"), N_("targets table, metric "
                                              "pct_staff_ai_trained"), N_("% of staff"), N_("AI Act Art. 4")),
    # digitisation
    "pct_to_digitise": Definition(N_("Still to digitise"), "100 − pct_digitised − pct_no_need_digitise",
                                  N_("% of collection"), N_("ENUMERATE 'still needs to be digitised'")),
    "objects_to_digitise": Definition(N_("Objects still to digitise"), "collection_objects × pct_to_digitise / 100",
                                      N_("objects"), N_("turns a share into a workload")),
    "digitisation_gap_pp": Definition(N_("Gap to the digitisation target"),
                                      "target_pct_digitised − pct_digitised, {gap}", N_("percentage points")),
    "gap_3d_at_risk": Definition(N_("3D gap, monuments at risk"), "immovable_at_risk_n × target_3d_at_risk_pct / 100 "
                                 "− immovable_at_risk_3d_n, {gap}", N_("assets")),
    "gap_3d_most_visited": Definition(N_("3D gap, most-visited monuments"), "immovable_most_visited_n × "
                                      "target_3d_most_visited_pct / 100 − immovable_most_visited_3d_n, {gap}",
                                      N_("assets")),
    "required_annual_rate_pp": Definition(N_("Pace needed"), "digitisation_gap_pp / max(1, {year} − reference_year)",
                                          N_("percentage points a year"), N_("on track for {year}")),
    "catalogue_gap_pp": Definition(N_("Not yet catalogued"), "100 − pct_catalogued_db", N_("percentage points"),
                                   N_("AI needs properly described metadata (NEMO #2)")),
    "online_gap_pp": Definition(N_("Digitised but not online"), N_("pct_digitised − pct_online (may be negative when "
                                "metadata-only records are published)"), N_("percentage points"), "NEMO 2020"),
    "rights_backlog_pct": Definition(N_("Rights unknown"), "pct_online_rights_unknown", N_("% of what is online"),
                                     N_("copyright backlog (NEMO #2)")),
    # skills
    "digital_fte_share": Definition(N_("Digital staff share"), N_("staff_fte_digital / staff_paid_fte (blank when "
                                    "paid FTE is 0 or blank)"), N_("ratio 0–1"), N_("ENUMERATE baseline 3.3 %")),
    **{f"skills_gap_{a}": Definition(N_("Skills gap: {area}"), "target_skill_level − skill_{area_code}, {gap}",
                                     N_("DigComp levels"), values=(("area", skill_area_label(a)), ("area_code", a)))
       for a in schema.SKILL_AREAS},
    "skills_gap_index": Definition(N_("Skills gap index"), N_("mean of the answered skills_gap_<area> ÷ {max_gap} "
                                   "(the largest gap to the default target)"), N_("index 0–1"),
                                   N_("0 = every area at target")),
    "ai_literacy_gap_pct": Definition(N_("AI-literacy training gap"), "target_pct_staff_ai_trained − "
                                      "pct_staff_ai_trained_12m, {gap}", N_("percentage points of staff")),
    # funding
    "funding_need_eur": Definition(N_("Funding need"), N_("sum of the six need_<pillar>_eur answered (a blank pillar "
                                   "counts 0); blank when none is answered"), N_("EUR to the horizon")),
    "horizon_years": Definition(N_("Funding horizon"), N_("funding_horizon_years, else max(1, {year} − wave year)"),
                                N_("years")),
    "funding_available_horizon_eur": Definition(N_("Budget over the horizon"), "digital_budget_available_eur × "
                                                "horizon_years", "EUR"),
    "funding_shortfall_eur": Definition(N_("Funding shortfall"), N_("max(0, funding_need_eur − "
                                        "funding_available_horizon_eur); blank when either is blank"), "EUR"),
    "shortfall_ratio": Definition(N_("Shortfall ratio"), N_("funding_shortfall_eur / funding_need_eur (blank when "
                                  "the need is 0)"), N_("ratio 0–1")),
    "shortfall_per_object_eur": Definition(N_("Shortfall per object to digitise"), "funding_shortfall_eur / "
                                           "objects_to_digitise", N_("EUR per object"),
                                           N_("sanity check against unit costs")),
    "shortfall_per_visit_eur": Definition(N_("Shortfall per visit"), "funding_shortfall_eur / annual_visits",
                                          N_("EUR per visit")),
    "shortfall_per_fte_eur": Definition(N_("Shortfall per paid FTE"), "funding_shortfall_eur / staff_paid_fte",
                                        N_("EUR per FTE")),
    **{f"shortfall_{p}_eur": Definition(N_("Shortfall: {pillar}"), N_("funding_shortfall_eur × need_{code}_eur / "
                                        "funding_need_eur (0 where that need is 0 or blank)"), "EUR",
                                        N_("the museum's shortfall shared out in proportion to its needs"),
                                        (("pillar", label), ("code", p)))
       for p, label in schema.PILLARS.items()},
}


def table() -> list[dict[str, str]]:
    """One row per derived metric, in view order, for the Methodology page, in the current language."""
    shared = {"year": _H, "gap": _(_GAP), "bands": _bands(), "skill": schema.DEFAULT_SKILL_TARGET,
              "max_gap": schema.SKILL_MAX_GAP}

    def say(text: str, d: Definition) -> str:
        own = {key: i18n.survey_label(value) for key, value in d.values}     # pillar names from the survey
        return _(text).format(**shared, **own) if text else ""

    return [{"metric": name, "label": say(d.label, d), "formula": say(d.formula, d), "unit": say(d.unit, d),
             "note": say(d.note, d)} for name, d in METRICS.items()]


# How figures are aggregated (the Methodology page shows these next to the weighting rules of analysis.figures.weights).
AGGREGATES: dict[str, str] = {
    N_("Unweighted mean"): N_("every museum that answered counts once (how ENUMERATE reports). It describes the "
                              "respondents, not all museums."),
    N_("Collection-weighted mean"): N_("Σ(value × collection_objects) / Σ collection_objects over museums that gave "
                                       "both: the share of objects, so large collections count more."),
    N_("Population-weighted (post-stratified) mean"): N_("respondents weighted to the number of museums in their "
                                                         "country (and size band, where a register gives it): an "
                                                         "estimate for all museums, with a 95 % interval."),
    N_("Sums and totals"): N_("summed over the museums that answered, with that n. Extrapolated totals multiply each "
                              "stratum's mean by its number of museums."),
    N_("Shares"): N_("museums giving an answer ÷ museums that answered the question (blank answers are left out)."),
}

# What the survey cannot tell, whatever the weights.
LIMITATIONS: tuple[str, ...] = (
    N_("Self-selection: museums choose to answer. Weights correct for who answered by country and size, not for "
       "museums answering because of what they would answer (the more digital ones may be keener); intervals do "
       "not include this bias."),
    N_("Item non-response: many museums leave money and collection-size questions blank. Every figure gives its "
       "n; weights are recomputed over the museums that answered each question, which assumes the blanks are "
       "like the answers within a country and size band."),
    N_("Self-assessed skills: DigComp levels and AI literacy are the respondent's own judgement of typical staff, "
       "not a test; they can move because the person answering changed."),
    N_("Estimates, not counts: collection sizes, percentages digitised and funding needs are often estimates "
       "(see collection_objects_precision); needs are what museums say they need to 2030."),
    N_("Population figures differ in age and definition: EGMUS counts come from different years by country and "
       "follow national museum definitions, so coverage and weighted figures are not strictly comparable across "
       "countries (EGMUS says so itself). A register is only as current as its last update."),
    N_("Countries without a population figure are left out of weighted estimates and extrapolated totals; their "
       "answers count in the unweighted figures only."),
    N_("Change between waves mixes real change with a change of who answered: compare the panel (the same "
       "museums in both waves) with the cross-sections before drawing a trend."),
    N_("Targets marked as placeholders are not national goals."),
)
