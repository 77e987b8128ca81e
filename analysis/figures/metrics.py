"""Every aggregate the pages, exports and the command line read, in one place (analysis.figures has them by
theme: overview, digitisation, skills, funding, population; analysis.figures.sql, how they are read).

Metrics are defined once in SQL (analysis.store.derived); the aggregates only filter and add them up, always with
the n behind each figure, and suppress groups with fewer than SUPPRESS_BELOW_N respondents.
"""

from analysis.figures.overview import (answers_by, choice_counts, country_values, coverage, digitisation_by_country,
                                       distribution, latest_wave, MAP_METRICS, options, summary, totals, waves)
from analysis.figures.digitisation import (level_means, level_summary, LEVELS, milestones_3d, on_track_2030,
                                           ON_TRACK_DEFINITION, ON_TRACK_LABELS, on_track_definition, pace_needed,
                                           RIGHTS, rights_shares, target_in_force, targets_in_force)
from analysis.figures.skills import (AI_TRAINED_TARGET_PCT, averages, column_means, digital_staff_share,
                                     ENUMERATE_DIGITAL_FTE_PCT, INFRA_FIELDS, level_counts, ordered_shares,
                                     skill_profile, strategy_and_policy)
from analysis.figures.funding import (digitisation_inputs, eu_funding, EU_SOURCES, funding_totals, museum_names,
                                      outlook_base, pillar_funding, scenario_context, scenario_inputs, shortfall_by,
                                      shortfall_ratio_bands)
from analysis.figures.population import (frame_cells, frame_coverage, population_frame, wave_change,
                                         weighted_estimates, weighting_strata)
from analysis.figures.sql import GROUPS

__all__ = ["AI_TRAINED_TARGET_PCT", "answers_by", "averages", "choice_counts", "column_means", "country_values",
           "coverage", "digital_staff_share", "digitisation_by_country", "digitisation_inputs", "distribution",
           "ENUMERATE_DIGITAL_FTE_PCT", "eu_funding", "EU_SOURCES", "frame_cells", "frame_coverage", "funding_totals",
           "GROUPS", "INFRA_FIELDS", "latest_wave", "level_counts", "level_means", "level_summary", "LEVELS",
           "MAP_METRICS", "milestones_3d", "museum_names", "on_track_2030", "ON_TRACK_DEFINITION", "ON_TRACK_LABELS",
           "on_track_definition", "options", "ordered_shares", "outlook_base", "pace_needed", "pillar_funding",
           "population_frame", "RIGHTS", "rights_shares", "scenario_context", "scenario_inputs", "shortfall_by",
           "shortfall_ratio_bands", "skill_profile", "strategy_and_policy", "summary", "target_in_force",
           "targets_in_force", "totals", "wave_change", "waves", "weighted_estimates", "weighting_strata"]
