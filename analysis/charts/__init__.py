"""Charts as pure functions: data in, plotly Figure out, in one house style (`style`), by theme. Callers use
`from analysis import charts; charts.digitisation_levels(...)`; the theme modules are where a chart is changed."""

from analysis.charts.answers import answers_by_group
from analysis.charts.digitisation import (digitisation_by_country, digitisation_levels, distribution_box,
                                          milestones_3d, on_track, rights_status)
from analysis.charts.funding import (need_vs_budget, pillar_need_shortfall, shortfall_by_pillar, shortfall_ranking,
                                     shortfall_ratio_bands)
from analysis.charts.labels import GROUP_NOUNS, group_label
from analysis.charts.map import europe_map, map_label, map_unit, map_value
from analysis.charts.methodology import wave_change, weighted_by_country
from analysis.charts.scenarios import scenario_curve, scenario_groups, scenario_outlook
from analysis.charts.skills import (ai_adoption, ai_literacy_levels, ai_training_gap, choice_bars,
                                    digital_staff_share, infra_adequacy, skills_profile, strategy_and_policy)
from analysis.charts.style import FONT_SIZE, GAP_COLOUR, MET_COLOUR, PALETTE, TEMPLATE, split_title

__all__ = [
    "FONT_SIZE", "GAP_COLOUR", "GROUP_NOUNS", "MET_COLOUR", "PALETTE", "TEMPLATE", "ai_adoption",
    "ai_literacy_levels", "ai_training_gap", "answers_by_group", "choice_bars", "digital_staff_share",
    "digitisation_by_country", "digitisation_levels", "distribution_box", "europe_map", "group_label",
    "infra_adequacy", "map_label", "map_unit", "map_value", "milestones_3d", "need_vs_budget", "on_track",
    "pillar_need_shortfall", "rights_status", "scenario_curve", "scenario_groups", "scenario_outlook",
    "shortfall_by_pillar", "shortfall_ranking", "shortfall_ratio_bands", "skills_profile", "split_title",
    "strategy_and_policy", "wave_change", "weighted_by_country",
]
