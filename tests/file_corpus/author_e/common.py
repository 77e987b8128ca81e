"""Shared helpers for the file-corpus generators (truth writing, local number formats, checks)."""
import json
import os

FIELDS = """response_id survey_wave reference_date museum_id museum_name country region_nuts2 respondent_role
museum_type ownership accredited annual_visits staff_paid_fte staff_paid_headcount volunteers_fte
total_expenditure_eur collection_objects collection_objects_precision pct_catalogued_db pct_digitised
pct_no_need_digitise pct_digitised_3d pct_online pct_in_europeana_dataspace immovable_at_risk_n
immovable_at_risk_3d_n immovable_most_visited_n immovable_most_visited_3d_n has_digital_strategy
strategy_covers_preservation has_cms cms_spectrum_compliant metadata_standards controlled_vocabularies
persistent_identifiers iiif typical_content_tier pct_online_open pct_online_restricted
pct_online_rights_unknown copyright_obstacle ai_status ai_use_cases ai_policy infra_storage
infra_compute_cloud infra_network infra_capture_equipment env_cost_monitored wants_competency_hub
eccch_or_dataspace_participation staff_fte_digital staff_fte_data_ai roles_present skill_info_data
skill_communication skill_content_creation skill_safety skill_problem_solving skill_ai_literacy
pct_staff_ai_trained_12m skills_assessment_done training_plan leadership_digital_knowledge
digital_budget_available_eur pct_structural need_infrastructure_eur need_equipment_eur
need_human_resources_eur need_data_metadata_eur need_copyright_clearance_eur need_training_eur
funding_horizon_years funding_sources eu_funding_received_eur main_obstacles""".split()

ENUMS = {
    "respondent_role": {"director", "collections", "digital_it", "finance_admin", "other"},
    "museum_type": {"art", "archaeology", "history", "natural_history_science", "science_technology",
                    "ethnography_anthropology", "specialised", "regional_local", "general_mixed",
                    "monument_site", "other"},
    "ownership": {"national_state", "regional_local_authority", "other_public", "private_nonprofit",
                  "private_for_profit", "ppp"},
    "collection_objects_precision": {"exact", "estimate"},
    "has_digital_strategy": {"written", "unwritten", "none"},
    "ai_status": {"none", "exploring", "pilot", "in_production"},
    "ai_policy": {"none", "in_preparation", "adopted"},
}
MULTIS = {
    "metadata_standards": {"lido", "edm", "dublin_core", "cidoc_crm", "ead", "marc", "in_house", "none"},
    "controlled_vocabularies": {"aat", "iconclass", "wikidata", "national_thesaurus", "none"},
    "ai_use_cases": {"cataloguing_metadata", "ocr_htr_transcription", "translation", "image_recognition",
                     "visitor_chatbot", "recommendation_personalisation", "visitor_analytics",
                     "conservation_monitoring", "generative_content", "other"},
    "eccch_or_dataspace_participation": {"europeana", "eccch_project", "digital_europe_project",
                                         "national_aggregator", "none"},
    "roles_present": {"digital_strategy_manager", "digital_collections_curator",
                      "digital_interactive_experience_developer", "online_community_manager",
                      "data_ai_specialist"},
    "funding_sources": {"national", "regional_local", "eu_digital_europe", "eu_horizon", "eu_creative_europe",
                        "eu_structural_rrf", "private_sponsorship", "own_income"},
    "main_obstacles": {"money", "staff_time", "skills", "copyright", "infrastructure", "leadership_strategy",
                       "data_quality"},
}
PCT = [f for f in FIELDS if f.startswith("pct_")]


def out_dir():
    d = os.environ["FILE_CORPUS_OUT"]
    os.makedirs(d, exist_ok=True)
    return d


def check(m):
    """Assert a canonical museum dict satisfies the schema's rules."""
    for k, v in m.items():
        assert k in FIELDS, k
        if v is None:
            continue
        if k in ENUMS:
            assert v in ENUMS[k], (k, v)
        if k in MULTIS:
            assert isinstance(v, list) and v and set(v) <= MULTIS[k], (k, v)
        if k in PCT:
            assert 0 <= v <= 100, (k, v)
        if k.endswith("_eur"):
            assert v >= 0, (k, v)
    g = m.get
    if g("pct_digitised") is not None and g("pct_no_need_digitise") is not None:
        assert g("pct_digitised") + g("pct_no_need_digitise") <= 100, m["museum_name"]
    if g("pct_digitised") is not None and g("pct_digitised_3d") is not None:
        assert g("pct_digitised_3d") <= g("pct_digitised"), m["museum_name"]
    r = [g("pct_online_open"), g("pct_online_restricted"), g("pct_online_rights_unknown")]
    if all(x is not None for x in r):
        assert abs(sum(r) - 100) <= 2, (m["museum_name"], r)
    if g("staff_fte_digital") is not None and g("staff_paid_fte") is not None:
        assert g("staff_fte_digital") <= g("staff_paid_fte"), m["museum_name"]
    for a, b in [("immovable_at_risk_3d_n", "immovable_at_risk_n"),
                 ("immovable_most_visited_3d_n", "immovable_most_visited_n")]:
        if g(a) is not None and g(b) is not None:
            assert g(a) <= g(b)


def write_truth(fname, sheet, museums, not_museums, notes):
    for m in museums:
        check(m)
    doc = {"file": fname, "wave": "2025", "sheet_with_data": sheet, "museums": museums,
           "not_museums": not_museums, "notes": notes}
    with open(os.path.join(out_dir(), fname + ".truth.json"), "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=2)


def group(n, sep):
    """Integer part with thousands separator sep."""
    s = str(int(n))
    out = []
    while len(s) > 3:
        out.insert(0, s[-3:])
        s = s[:-3]
    out.insert(0, s)
    return sep.join(out)


def fmt_num(x, thou, dec, decimals=None):
    """Format number x with given thousands and decimal separators; decimals None = as needed."""
    neg = x < 0
    x = abs(x)
    if decimals is None:
        if float(x).is_integer():
            s = group(int(round(x)), thou)
        else:
            txt = repr(float(x))
            ip, fp = txt.split(".")
            s = group(int(ip), thou) + dec + fp
    else:
        txt = f"{x:.{decimals}f}"
        if decimals:
            ip, fp = txt.split(".")
            s = group(int(ip), thou) + dec + fp
        else:
            s = group(int(txt), thou)
    return ("-" if neg else "") + s
