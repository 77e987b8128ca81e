"""Which concepts make each survey field: the definitions the recogniser holds a heading against.

A field is written as alternatives ("need equipment | need three_d"): a heading names the field when it
carries every concept of one alternative. Every concept the heading carries must also be one the field
allows (its alternatives, its `may` list, or a neutral concept). So a heading with a distinguishing concept
(3D, catalogue, no need, online, digital staff) can never land on a field without it, and the field whose
alternative is the most specific (most concepts) wins.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from analysis import schema

# Concepts that name the subject of nearly every question; they never tell two fields apart.
NEUTRAL = frozenset({"share", "number", "museum", "collection", "survey", "use", "available", "scaffold"})
# Concepts too general to name a field on their own when the heading has a word not understood ...
WEAK = frozenset({"identifier", "museum", "year", "name", "type", "register", "database", "information",
                  "communication", "creation", "safety", "storage", "network", "equipment", "public", "paid"})
# ... and these also when it has more than one function word: "ID" and "Year", not "Stato (codice ISO)".
STANDALONE = frozenset({"identifier", "year"})
# Concepts that say a column is about a person: never stored.
PERSONAL = frozenset({"email", "phone", "person_name", "ip", "geo", "contact"})

_DEFINITIONS: dict[str, tuple[str, str]] = {
    # field: (alternatives, may also carry)
    "survey_wave": ("wave | survey year | year", "date year"),
    "reference_date": ("reference date | reference", "year"),
    "museum_id": ("identifier | register identifier | museum identifier | register number", "register name"),
    "museum_name": ("museum name | museum", "register"),
    "country": ("country", "identifier name"),
    "region_nuts2": ("region", "identifier name"),
    "respondent_role": ("role | respondent role", "respondent"),
    "museum_type": ("type", "objects"),
    "ownership": ("ownership | public", "type"),
    "accredited": ("accredited | register", "public"),
    "annual_visits": ("visits", "headcount received recent year"),
    "staff_paid_fte": ("staff | fte | paid | staff fte | paid fte", "year"),
    "staff_paid_headcount": ("headcount | staff headcount | staff number", "paid year"),
    "volunteers_fte": ("volunteers", "fte headcount staff year"),
    "total_expenditure_eur": ("expenditure | budget", "funding year"),
    "collection_objects": ("objects", "year"),
    "collection_objects_precision": ("exactness | objects exactness", "objects"),
    "pct_catalogued_db": ("catalogue | catalogue database", "database digital objects metadata"),
    "pct_digitised": ("digitise | digital share", "digital objects"),
    "pct_no_need_digitise": ("negation need | negation need digitise", "digitise objects"),
    "pct_digitised_3d": ("three_d | three_d digitise", "digitise digital objects"),
    "pct_online": ("online", "digitise publish digital objects"),
    "pct_in_europeana_dataspace": ("europeana | dataspace", "publish online digitise objects aggregator eu"),
    "immovable_at_risk_n": ("monument at_risk", ""),
    "immovable_at_risk_3d_n": ("monument at_risk three_d", "digitise"),
    "immovable_most_visited_n": ("monument most_visited", "visits"),
    "immovable_most_visited_3d_n": ("monument most_visited three_d", "digitise visits"),
    "has_digital_strategy": ("strategy | digital strategy", "written digitise ai"),
    "strategy_covers_preservation": ("strategy preservation | preservation", "digital written digitise data"),
    "has_cms": ("cms | database", "digital infrastructure"),
    "cms_spectrum_compliant": ("spectrum | cms spectrum | cms standard", "infrastructure"),
    "metadata_standards": ("metadata standard | metadata | data standard", "data other"),
    "controlled_vocabularies": ("vocabulary", "standard metadata other"),
    "persistent_identifiers": ("persistent_id", "identifier objects"),
    "iiif": ("iiif", "standard publish objects online"),
    "typical_content_tier": ("tier | europeana tier", "europeana"),
    "pct_online_open": ("open | open licence | online open | open rights", "online licence rights objects"),
    "pct_online_restricted": ("restricted | restricted licence", "online licence rights objects"),
    "pct_online_rights_unknown": ("rights unknown | licence unknown", "online objects"),
    "copyright_obstacle": ("rights obstacle", "licence online digitise publish"),
    "ai_status": ("ai | ai stage", "stage"),
    "ai_use_cases": ("ai purpose", "other"),
    "ai_policy": ("ai policy", "written strategy"),
    "infra_storage": ("storage | storage adequacy", "infrastructure digital data adequacy"),
    "infra_compute_cloud": ("compute | compute adequacy", "infrastructure digital adequacy"),
    "infra_network": ("network | network adequacy", "infrastructure digital adequacy online"),
    "infra_capture_equipment": ("equipment | equipment adequacy", "digitise digital adequacy three_d"),
    "env_cost_monitored": ("environment | environment monitored", "expenditure digital monitored purpose infrastructure"),
    "wants_competency_hub": ("hub | hub interest", "ai interest eu digital need"),
    "eccch_or_dataspace_participation": ("participation dataspace | participation europeana | participation project"
                                         " | dataspace project | participation aggregator | aggregator",
                                         "eu dataspace europeana project other data publish"),
    "staff_fte_digital": ("staff digital | staff digitise | fte digital | fte digitise", "fte paid year purpose"),
    "staff_fte_data_ai": ("staff data | staff ai | specialist data | specialist ai | data ai",
                          "fte specialist staff digital year"),
    "roles_present": ("roles | roles digital | specialist roles", "digital data ai specialist staff other"),
    "skill_info_data": ("skills information | information", "data digital literacy staff"),
    "skill_communication": ("skills communication | communication", "digital staff"),
    "skill_content_creation": ("skills creation | creation", "digital staff"),
    "skill_safety": ("skills safety | safety", "digital staff data"),
    "skill_problem_solving": ("problem_solving | skills problem_solving", "digital staff"),
    "skill_ai_literacy": ("ai literacy | ai skills | ai knowledge", "staff"),
    "pct_staff_ai_trained_12m": ("ai training | ai training recent | training recent", "staff literacy skills year"),
    "skills_assessment_done": ("skills assessment", "need digital staff training"),
    "training_plan": ("training plan", "digital staff skills written"),
    "leadership_digital_knowledge": ("leadership knowledge | leadership digital | leadership skills",
                                     "digital knowledge skills digitise"),
    "digital_budget_available_eur": ("digital budget | digitise budget | digital expenditure | digitise expenditure"
                                     " | digital funding | digitise funding",
                                     "funding ai year purpose"),
    "pct_structural": ("structural | structural budget", "budget funding digital year project"),
    "need_infrastructure_eur": ("need infrastructure | need storage | need network | need compute",
                                "funding digital storage network compute horizon target objects year budget expenditure"),
    "need_equipment_eur": ("need equipment", "funding digitise digital three_d horizon target objects year budget expenditure"),
    "need_human_resources_eur": ("need human_resources | need staff | need qualified | need specialist",
                                 "funding staff qualified digital specialist data ai horizon target objects year budget expenditure"),
    "need_data_metadata_eur": ("need metadata | need data", "funding data digital catalogue standard adequacy horizon target objects year budget expenditure"),
    "need_copyright_clearance_eur": ("need rights | need clearance rights", "funding clearance licence horizon target objects year budget expenditure"),
    "need_training_eur": ("need training | need skills", "funding staff digital skills horizon target objects year budget expenditure"),
    "funding_horizon_years": ("horizon | number year need | number year funding | number year budget", "funding need budget target year"),
    "funding_sources": ("funding source | source", "funding budget eu other year digitise digital"),
    "eu_funding_received_eur": ("eu funding | eu received | eu funding received", "project received recent year"),
    "main_obstacles": ("obstacle", "digitise digital ai other"),
}


@dataclass(frozen=True)
class Definition:
    field: str
    kind: str
    alternatives: tuple[frozenset[str], ...]
    allowed: frozenset[str]


@lru_cache(maxsize=1)
def definitions() -> tuple[Definition, ...]:
    out = []
    for f in schema.FIELDS:
        alternatives, may = _DEFINITIONS[f.name]
        alts = tuple(frozenset(a.split()) for a in alternatives.split("|"))
        out.append(Definition(f.name, f.kind, alts, frozenset().union(*alts, may.split(), NEUTRAL)))
    return tuple(out)
