"""One regression test per failure class of header recognition (see the header-recognition issue): the
more specific field wins, need / budget / adequacy and the three staff counts stay apart, questions and
compound words are read, answers that cannot belong to a field rule it out, one field per sheet, the header
row is never glued to the first answers, personal data is dropped, and no column of answers is left out
without the analyst deciding."""

from __future__ import annotations

import json

import pytest

from analysis.parsing.headers.concepts import fold, read
from analysis.parsing.headers.fields import definitions
from analysis.parsing.headers.recognise import (ADDRESS, AUTO, PERSONAL_DATA, REMARKS, TOOL_METADATA, UNMAPPED, assign,
                                                match_header)
from analysis.parsing.columns import find_header
from analysis.parsing.report import MappingKind
from analysis.loading.upload import load_bytes, load_file
from tests.conftest import write_xlsx
from tests.test_cli import cli


def field(header: str) -> str | None:
    return match_header(header).field


# --- the lexicon and the definitions agree ---------------------------------------------------------------
def test_every_concept_a_field_needs_is_in_the_english_lexicon():
    concepts = {line.split(":")[0] for line in open("analysis/parsing/headers/lexicon/en.txt", encoding="utf-8")
                if ":" in line and not line.startswith("#")}
    used = {c for d in definitions() for alt in d.alternatives for c in alt} | {c for d in definitions()
                                                                             for c in d.allowed}
    assert used <= concepts


def test_every_language_file_uses_only_known_concepts():
    from pathlib import Path

    concepts = {line.split(":")[0] for line in open("analysis/parsing/headers/lexicon/en.txt", encoding="utf-8")
                if ":" in line and not line.startswith("#")}
    for path in Path("analysis/parsing/headers/lexicon").glob("*.txt"):
        own = {line.split(":")[0].strip() for line in path.read_text(encoding="utf-8").splitlines()
               if ":" in line and not line.lstrip().startswith("#")}
        assert own <= concepts, (path.name, own - concepts)


def test_folding_keeps_every_script():
    assert fold("Numérisée ŁÓDŹ Straße") == "numerisee lodz strasse"
    assert fold("Ψηφιοποίηση") == "ψηφιοποιηση" and fold("Дигитализация") == "дигитализация"


@pytest.mark.parametrize("header, expected", [
    ("Sorszám", None),                        # Hungarian 'row number': 'á' is no letter of Maltese 'sors*' (source)
    ("Sorsi ta' finanzjament", "funding_sources"),     # the Maltese term itself still reads
    ("Műtárgyak száma", "collection_objects"),
    ("Mutargyak szama", "collection_objects"),         # typed without accents: every language's terms still apply
    ("Numero du musee", "museum_id"),
])
def test_a_word_is_read_only_in_languages_whose_letters_it_uses(header, expected):
    assert field(header) == expected


# --- specific beats general --------------------------------------------------------------------------------
@pytest.mark.parametrize("header, expected", [
    ("Part numérisée en 3D (%)", "pct_digitised_3d"),
    ("Part cataloguée dans une base de données (%)", "pct_catalogued_db"),
    ("What percentage of your collection does not need to be digitised?", "pct_no_need_digitise"),
    ("Share of the collection accessible online (%)", "pct_online"),
    ("Part numérisée (%)", "pct_digitised"),
])
def test_the_more_specific_field_wins(header, expected):
    assert field(header) == expected


def test_a_distinguishing_word_never_lands_on_a_field_without_it():
    assert "three_d" in read("Part numérisée en 3D (%)").concepts
    for header in ("Part numérisée en 3D (%)", "Digitised in 3D (%)", "Share not needing digitisation (%)",
                   "Share online (%)", "Catalogued (%)"):
        assert field(header) != "pct_digitised", header


# --- need vs budget vs adequacy; the three staff counts --------------------------------------------------
@pytest.mark.parametrize("header, expected", [
    ("Funding needed for capture equipment", "need_equipment_eur"),
    ("How adequate is your capture equipment? (1 = very poor, 5 = excellent)", "infra_capture_equipment"),
    ("Digital budget available per year (EUR)", "digital_budget_available_eur"),
    ("Bedarf Urheberrechtsklärung (EUR)", "need_copyright_clearance_eur"),
    ("Besoin de financement : formation du personnel (€)", "need_training_eur"),
    ("Paid staff (FTE)", "staff_paid_fte"),
    ("Staff working on digitisation (FTE)", "staff_fte_digital"),
    ("Number of employees (headcount)", "staff_paid_headcount"),
])
def test_need_budget_adequacy_and_staff_stay_apart(header, expected):
    assert field(header) == expected


# --- question forms, units and compound words ---------------------------------------------------------
@pytest.mark.parametrize("header, expected", [
    ("Over how many years do these funding needs apply?", "funding_horizon_years"),
    ("Horizon de financement (années)", "funding_horizon_years"),
    ("Q12. What share of your collection is accessible online?", "pct_online"),
    ("Erschließungsgrad (%)", "pct_catalogued_db"),
    ("Digitalisierungsbudget (EUR)", "digital_budget_available_eur"),
    ("Besuchszahlen pro Jahr", "annual_visits"),
])
def test_questions_units_and_compounds(header, expected):
    assert field(header) == expected


def test_a_typo_is_read_but_costs_confidence():
    right, typo = match_header("Share of collection digitised (%)"), match_header("Share of collection digitsed (%)")
    assert typo.field == right.field == "pct_digitised" and typo.confidence < right.confidence


def test_a_typo_within_the_stem_of_an_inflected_word_is_read():
    # Finnish 'vapaaehtoi*' (volunteer) typed 'vapaaehtiosten': two letters swapped inside the stem, then the ending;
    # Croatian 'posjetitelj*' (visitor) typed 'posjeitelja': a letter missing inside the stem.
    for right, typo, expected in (
            ("Vapaaehtoisten henkilötyövuodet", "Vapaaehtiosten henkilötyövuodet", "volunteers_fte"),
            ("Broj posjetitelja godišnje", "Broj posjeitelja godišnje", "annual_visits")):
        right, typo = match_header(right), match_header(typo)
        assert typo.field == right.field == expected and typo.confidence < right.confidence


def test_a_misspelt_word_beside_a_weak_one_still_names_the_field():
    # 'type' alone is too weak to name a field unless every other word is understood: a misspelt 'museum' is
    m = match_header("Musuem type")
    assert m.field == "museum_type" and m.confidence < match_header("Museum type").confidence
    assert field("Musuem") is None                        # a misspelt word alone names nothing for sure


def test_a_typo_within_the_snowball_stem_of_an_inflected_word_is_read():
    # 'nubmers': 'numbers' with two letters swapped; its stem 'nubmer' is one swap from 'number'
    m = match_header("Visitor nubmers per year")
    assert m.field == "annual_visits" and m.confidence < match_header("Visitor numbers per year").confidence


@pytest.mark.parametrize("header", ["Lfd. Nr.", "Laufende Nummer", "Volgnummer", "Löpnummer", "Løpenummer"])
def test_a_running_number_is_no_identifier_of_the_museum(header):
    assert field(header) is None                          # it counts the rows of the sheet


def test_the_answers_a_heading_lists_decide_when_its_words_name_a_field_taking_none():
    # Polish 'profil' is also a job's profile; the museum types listed in brackets say what is asked
    assert field("1.4 Jaki jest profil Państwa muzeum (sztuka, historia, archeologia, przyroda…)?") == "museum_type"
    assert field("Funding sources (national, EU, private)") == "funding_sources"   # 'national' is a source too
    assert match_header("Comments (art, history)").how is REMARKS                   # no question: a note


@pytest.mark.parametrize("header", [
    "Q4. Approximately how many objects are in your museum's own collection? (Please exclude long-term loans from "
    "other institutions.)",
    "2.1 Wie viele Objekte umfasst Ihre eigene Sammlung (ohne Dauerleihgaben Dritter)?",
    "Ile obiektów liczą zbiory własne muzeum (bez depozytów)?",
])
def test_what_a_note_in_brackets_leaves_out_rules_no_field_out(header):
    assert field(header) == "collection_objects"


def test_what_a_note_in_brackets_leaves_out_names_no_field():
    assert field("Share digitised (excluding 3D)") == "pct_digitised"
    for staff, volunteers in (("Antal ansatte (ekskl. frivillige)", "Antal ansatte (frivillige)"),      # Danish
                              ("Broj zaposlenih (osim volontera)", "Broj zaposlenih (volonteri)")):    # Croatian
        assert (field(staff), field(volunteers)) == ("staff_paid_headcount", "volunteers_fte")
    assert field("Plantilla (nº de personas)") == "staff_paid_headcount"      # 'nº' is no 'no'


@pytest.mark.parametrize("header, expected", [
    ("Nec. formación (€)", "need_training_eur"),          # Spanish necesidad
    ("Fabb. dati/metad. (€)", "need_data_metadata_eur"),  # Italian fabbisogno
    ("Horiz. necesid. (años)", "funding_horizon_years"),
])
def test_an_abbreviated_word_reads_as_the_words_it_starts(header, expected):
    m = match_header(header)
    assert m.field == expected and m.confidence < 100


def test_an_abbreviation_of_many_words_says_nothing():
    assert read("Comp. info/dati (1-8)").units[0].text == "info"   # 'comp' starts too many words to mean one


def test_a_word_cut_short_is_no_stop_word_of_another_language():
    # Maltese 'diġ.' (diġitali) is no Danish 'dig' (you): the budget is not the museum's total, unasked
    assert match_header("Baġit diġ. disponib.").field is None
    # Icelandic 'Fj.' (fjöldi, number) does not make the heading English: '(einst.)' is einstaklingar, persons
    m = match_header("Fj. starfsm. (einst.)")
    assert (m.field, m.suggestion) == (None, "staff_paid_headcount")


def test_a_word_cut_short_tells_no_language_by_a_whole_word():
    # Croatian 'Red. br.' (redni broj, row number): 'red' is no Spanish network here
    assert match_header("Red. br.").field is None
    assert field("Anz. MA") == "staff_paid_headcount"        # terms written with their full stop still read


def test_a_misspelt_role_of_the_respondent_is_no_personal_data():
    # Bulgarian 'длъжност' (position) typed 'Длъжнсот': the respondent's role, a survey answer
    assert field("Длъжнсот на попълващия анкетата") == "respondent_role"


def test_half_the_answers_a_heading_lists_read_exactly_decide():
    # "Does your museum use AI applications? (none / exploring / pilot / in production)": the stage of AI, not its uses
    assert field("4.1 Χρησιμοποιεί το μουσείο σας εφαρμογές τεχνητής νοημοσύνης; (καμία / διερεύνηση / πιλοτικά / "
                 "σε παραγωγική λειτουργία)") == "ai_status"


def test_a_question_mentioning_a_website_is_no_address():
    m = match_header("Q8. What percentage of your collection is accessible online, on your own website or any "
                     "other portal?")
    assert m.how is UNMAPPED                              # not set aside as the museum's address: the analyst decides
    assert match_header("Site web du musée").how is ADDRESS


def test_a_name_heading_over_numbers_is_no_personal_data():
    # Dutch 'Bez.' (bezoekers, visitors) is also German 'Bez.' (Bezeichnung, a name): the numbers are no names
    [visitors, person] = assign(["Bez. p.j. (2024)", "Name"], [[12000, 4500, 800.0, "350"], ["Anna", "Bob", "Carl"]])
    assert visitors.how is UNMAPPED and person.how is PERSONAL_DATA


def test_a_misspelt_long_word_is_not_read_through_a_short_stem_of_its_start():
    # Hungarian 'problémamegoldó' (problem solving) misspelt is not Czech 'problém*' (obstacle) with a long unknown
    # rest: the analyst is offered problem solving instead.
    for typo in ("Problémamegodó", "Problémamegolás"):
        m = match_header(typo)
        assert (m.field, m.suggestion) == (None, "skill_problem_solving")
    assert field("Problémy") == "main_obstacles"              # the Czech word itself still reads


@pytest.mark.parametrize("header, expected", [
    ("Number in the museum register", "museum_id"),        # a number in the register names the museum ...
    ("Nummer im Museumsregister", "museum_id"),
    ("Registered museum (yes/no)", "accredited"),           # ... being in it is what accreditation asks
])
def test_a_number_in_the_register_is_the_museums_identifier(header, expected):
    assert field(header) == expected


def test_a_misspelt_word_is_no_remark():
    # Slovak 'survey round' with a slip: asked about, never set aside as a note column.
    assert match_header("Kolo zisťovaia").how is UNMAPPED


def test_a_stem_with_an_unread_word_after_it_is_only_half_understood():
    # Icelandic 'gervigreind*' (AI) with a misspelt 'stefna' (policy) after it: not AI status at full confidence.
    m = match_header("Gervigreindarstenfa")
    assert m.field is None and m.confidence < AUTO


@pytest.mark.parametrize("header", ["Hva brukes kunstig intelligens til?", "What is AI used for?"])
def test_what_for_questions_ask_for_purposes(header):
    assert field(header) == "ai_use_cases"


def test_unknown_words_lower_confidence_below_automatic_mapping():
    m = match_header("Share of collection digitised by volunteer photographers of the friends' society (%)")
    assert m.field is None


# --- answers are evidence ---------------------------------------------------------------------------------
def test_money_answers_cannot_fill_a_one_to_five_scale():
    heading = "Capture equipment"
    assert field(heading) == "infra_capture_equipment"
    [scale] = assign([heading], [[3, 4, 2, 5]])
    [money] = assign([heading], [[25000.0, 120000.0, 8000.0]])
    assert scale.field == "infra_capture_equipment"
    assert money.field is None and "do not fit" in money.why


def test_numbers_are_no_options_of_a_several_answers_question():
    # 'Sorszam' (Hungarian 'row number' typed without accents) starts like Maltese 'sors' (source): the heading
    # alone says funding sources, but the row numbers under it cannot be options, so the column is not mapped.
    [numbers] = assign(["Sorszam"], [[12, 7, 3, 25, 9]])
    assert numbers.field is None and "do not fit" in numbers.why
    [row_numbers] = assign(["Sorszam"], [[1, 2, 3, 4, 5]])          # counting the rows: set aside as such
    assert row_numbers.how is MappingKind.ROW_NUMBERS
    # answers in words the option list does not know are still taken (stored as 'other', with a warning)
    [sources] = assign(["Sources of funding"], [["national", "EU funds", "private;regional"]])
    assert sources.field == "funding_sources"


def test_our_own_heading_yields_when_its_answers_cannot_be_that_field():
    # 'Kraj' is the Polish template's heading for the country; in Slovak and Czech it is a region: by its NUTS code
    # the region question, by its name where the museum is (set aside as an address is, never stored as a code)
    region, = assign(["Región"], [["ES30", "ES61 Andalucía", "ES51", "ES52 Comunitat Valenciana"]])
    assert region.field == "region_nuts2" and not region.own
    named, = assign(["Kraj"], [["Bratislavský kraj", "Košický kraj", "Žilinský kraj", "Prešovský kraj"]])
    assert (named.field, named.how) == (None, ADDRESS)
    country, = assign(["Kraj"], [["Polska", "Niemcy", "PL", "Ruritania"]])    # most answers fit: cell by cell
    assert country.field == "country" and country.own


def test_two_columns_never_claim_one_field_and_the_better_one_wins():
    texts = ["Country", "Country of the lender", "% digitised"]
    matches = assign(texts, [["France", "Belgique"], ["Italia", "Deutschland"], [40, 50]])
    assert [m.field for m in matches] == ["country", None, "pct_digitised"]
    assert matches[1].suggestion == "country"


def test_an_enum_column_is_recognised_by_its_answers():
    [m] = assign(["Which of the following best fits?"], [["Art", "History", "Archaeology", "Art"]])
    assert m.field == "museum_type"


# --- personal data ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("header", ["Nome e cognome del compilatore", "Naam invuller", "Nome do respondente",
                                    "E-mail", "Téléphone", "Contact person", "IP Address", "Latitude",
                                    "Respondent name", "Name"])
def test_personal_data_headings_are_dropped(header):
    assert match_header(header).how == PERSONAL_DATA


def test_personal_data_is_recognised_by_its_answers():
    matches = assign(["Kontakt", "Field 7", "Where"],
                     [["anna@museum.at", "b.c@d.eu"], ["+43 1 234 5678", "0043 316 80170"],
                      ["48.20849, 16.37208", "47.07078, 15.43950"]])
    assert [m.how for m in matches] == [PERSONAL_DATA] * 3


def test_tool_bookkeeping_and_remarks_are_set_aside_not_blocking():
    assert match_header("Timestamp").how == TOOL_METADATA
    assert match_header("Remarques").how == REMARKS


# --- header rows ------------------------------------------------------------------------------------------
def test_the_first_row_of_answers_is_never_glued_onto_a_header():
    rows = [["Museum", "Country", "Obscure column", "Another one"],
            ["Kunsthalle", "Austria", "Kunst", "Wien"],
            ["Stadtmuseum", "Austria", "Geschichte", "Graz"]]
    header = find_header(rows)
    assert header is not None and header.rows == [0]


def test_a_two_row_header_with_group_titles_is_read_together():
    rows = [["Museum name", "Country", "Funding need to 2030 (EUR)", None],
            [None, None, "Infrastructure", "Equipment"],
            ["Louvre", "FR", 10, 20]]
    header = find_header(rows, merged=[((0, 2), (0, 3))])
    assert header.rows == [0, 1]
    assert [m.field for m in header.matches] == ["museum_name", "country", "need_infrastructure_eur",
                                                 "need_equipment_eur"]


# --- nothing silently left out ------------------------------------------------------------------------------
ROWS = [["Museum name", "Country", "Survey wave", "Collection digitised (%)", "Favourite colour"],
        ["Wien Museum", "AT", "2025", 40, "blue"],
        ["Grazer Stadtmuseum", "AT", "2025", 20, "green"]]


def test_a_column_of_answers_nobody_placed_blocks_the_file(con, tmp_path):
    path = write_xlsx(tmp_path / "colour.xlsx", ROWS)
    result = load_file(con, path)
    assert result["status"] == "rejected"
    [error] = [e for e in result["errors"] if e["rule"] == "unrecognised_column"]
    assert error["column"] == "Favourite colour" and "blue · green" in error["message"]
    assert con.execute("SELECT count(*) FROM uploads").fetchone() == (0,)


def test_a_blank_unknown_column_does_not_block(con, tmp_path):
    path = write_xlsx(tmp_path / "blank.xlsx", [[*r[:4], None if i else r[4]] for i, r in enumerate(ROWS)])
    assert load_file(con, path)["status"] == "committed"


def test_ignore_or_map_on_the_command_line(tmp_path):
    path = write_xlsx(tmp_path / "colour.xlsx", ROWS)
    db = tmp_path / "cli.duckdb"
    refused = cli("load", str(path), "--json", db=db)
    assert refused.returncode == 1
    done = cli("load", str(path), "--json", "--ignore", "favourite colour", db=db)
    assert done.returncode == 0 and json.loads(done.stdout)["files"][0]["rows"] == 2
    bad = cli("load", str(path), "--map", "Favourite colour=colour_of_museum", db=db)
    assert bad.returncode != 0 and "HEADING=FIELD" in bad.stderr


def test_map_stores_the_column_as_the_chosen_field(con, tmp_path):
    rows = [[*r[:4], "Budget X"] if i == 0 else [*r[:4], 1000 * i] for i, r in enumerate(ROWS)]
    path = write_xlsx(tmp_path / "budget.xlsx", rows)
    result = load_bytes(con, path.read_bytes(), path.name, choices={"budget x": "digital_budget_available_eur"})
    assert result["status"] == "committed"
    got = con.execute("SELECT museum_name, digital_budget_available_eur FROM current_responses ORDER BY 2").fetchall()
    assert got == [("Wien Museum", 1000.0), ("Grazer Stadtmuseum", 2000.0)]


def test_an_abbreviation_with_a_full_stop_is_not_a_question_code():
    from analysis.schema import question_text

    assert question_text("Q09[SQ001]. What share is online?") == "What share is online?"
    assert question_text("id. Response ID") == "Response ID"
    assert question_text("N. dipendenti") == "N. dipendenti"
    assert question_text("Volunt. (ETC)") == "Volunt. (ETC)"            # an abbreviation, not a code: nothing follows
    assert question_text("submitdate. Date submitted") == "Date submitted"     # LimeSurvey: code. text
    assert question_text("Museumtype. What type of museum are you?") == "What type of museum are you?"


def test_the_column_table_says_why_a_column_was_read_so():
    from analysis.loading.mappings import how_text
    from analysis.parsing.report import ColumnMapping, MappingKind

    def column(how, suggestion, why):
        return ColumnMapping("Survey", "heading", "A", None, 0, how, suggestion, why)

    assert how_text(column(MappingKind.RECOGNISED, None, "numérisée + 3D + %")) == "recognised (numérisée + 3D + %)"
    assert how_text(column(MappingKind.UNMAPPED, "pct_digitised", "digitised")).startswith(
        "not recognised; likeliest: Collection digitised (%) (digitised)")


def test_typographic_and_plain_apostrophes_give_one_museum_id(con, tmp_path):
    rows = [["Museum name", "Country", "Survey wave", "Collection digitised (%)"],
            ["Musée d’Art", "FR", "2025", 40]]
    load_file(con, write_xlsx(tmp_path / "a.xlsx", rows))
    assert con.execute("SELECT museum_id FROM current_responses").fetchall() == [("FR-musee-d-art",)]


def test_a_column_counting_the_rows_is_set_aside_not_blocking(con, tmp_path):
    """'Lp.' (Polish row number) over 1, 2, 3: no survey question, not stored, and the file still loads; a column
    any field takes keeps its field ('ID' numbered 1, 2, 3 is the museum's ID)."""
    [counter, ident, gaps] = assign(["Lp.", "ID", "Lp."], [[1, 2, 3, 4], [1, 2, 3, 4], [1, 2, 4, 7]])
    assert counter.how is MappingKind.ROW_NUMBERS and ident.field == "museum_id"
    assert gaps.how is UNMAPPED                          # not a count of rows
    path = write_xlsx(tmp_path / "lp.xlsx", [["Lp.", "Nazwa muzeum", "Kraj", "Fala", "% zdigitalizowanych zbiorów"],
                                             [1, "Muzeum Narodowe", "Polska", "2025", 35],
                                             [2, "Muzeum Śląskie", "Polska", "2025", 20],
                                             [3, "Muzeum Tatrzańskie", "PL", "2025", 12.5]])
    result = load_file(con, path)
    assert result["status"] == "committed", result["errors"]
    assert result["remarks_columns"] == ["Lp."]
    assert sorted(con.execute("SELECT pct_digitised FROM current_responses").fetchall()) == [(12.5,), (20.0,), (35.0,)]


def test_a_survey_tool_download_with_the_questions_of_the_issue(con, tmp_path):
    """SurveyMonkey-shaped: a question row over a 'Response' row (no merged cells), per-option columns for
    the AI purposes, personal and tool columns. Every value lands where a person would put it."""
    from openpyxl import Workbook

    questions = ["Respondent ID", "Start Date", "Email Address", "First Name",
                 "What is the name of your museum?", "In which country is your museum located?",
                 "What percentage of your collection does not need to be digitised?",
                 "For which purposes does your museum use AI?", None,
                 "Funding needed for capture equipment", "Over how many years will you need this funding?",
                 "How adequate is your capture equipment? (1 = very poor, 5 = excellent)"]
    below = [None] * 4 + ["Response", "Response", "Open-Ended Response", "Cataloguing / metadata", "Translation",
                          "Open-Ended Response", "Open-Ended Response", "Response"]
    wb = Workbook()
    for row in (questions, below, [1, "2025-03-01", "a@b.eu", "Ann", "Musée A", "France", 10, "Cataloguing / metadata",
                                   "", 5000, 4, 3],
                [2, "2025-03-02", "c@d.eu", "Bo", "Museo B", "Italy", 20, "", "Translation", 1000, 5, 2]):
        wb.active.append(row)
    wb.save(tmp_path / "sm.xlsx")
    result = load_file(con, tmp_path / "sm.xlsx", wave="2025")
    assert result["status"] == "committed", result["errors"]
    assert result["dropped_personal_data_columns"] == ["Email Address", "First Name"]
    got = con.execute("SELECT museum_name, country, pct_no_need_digitise, ai_use_cases, need_equipment_eur, "
                      "funding_horizon_years, infra_capture_equipment FROM current_responses ORDER BY country").fetchall()
    assert got == [("Musée A", "FR", 10.0, "cataloguing_metadata", 5000.0, 4, 3),
                   ("Museo B", "IT", 20.0, "translation", 1000.0, 5, 2)]
