"""The survey template in every language of the survey catalogues: complete catalogues, answers and headings
read back as the canonical values with zero warnings, and the `template --lang` command."""

import datetime as dt
import re
import subprocess
import sys

import openpyxl
import pandas as pd
import pytest
from babel.messages.pofile import read_po

from analysis import i18n, schema
from analysis.__main__ import main
from analysis.export.template import write_template
from analysis.i18n import survey
from analysis.loading.upload import load_file
from analysis.parsing import normalise
from analysis.parsing.headers import recognise
from analysis.parsing.headers.concepts import LEXICON, words
from tests.conftest import ROOT

LANGUAGES = survey.languages()
CHOICE_FIELDS = [f for f in schema.FIELDS if f.choices]
BOOL_FIELDS = [f for f in schema.FIELDS if f.kind == schema.BOOL]
MUSEUMS = max(len(f.choices) for f in CHOICE_FIELDS)          # enough rows for every answer of every question


def _museum(i: int) -> dict:
    """Museum i answers the i-th choice of every single-choice question, the i-th and next of every
    several-answers question, and yes on even rows: together the rows give every answer of the template."""
    record = {
        "survey_wave": "2025", "reference_date": dt.date(2025, 8, 31 - i), "museum_id": f"PL-{i:02d}",
        "museum_name": f"Muzeum nr {i}", "country": ("PL", "FR", "DE", "GR", "BG")[i % 5],
        "region_nuts2": "PL91", "annual_visits": 10_000 * (i + 1), "staff_paid_fte": 20.5 + i,
        "staff_fte_digital": 1.5, "collection_objects": 5_000 + i, "pct_digitised": 40 + i,
        "pct_no_need_digitise": 10, "pct_digitised_3d": 2.5, "pct_online": 30, "pct_online_open": 50,
        "pct_online_restricted": 30.5, "pct_online_rights_unknown": 19.5, "total_expenditure_eur": 1_250_000.5,
        "need_infrastructure_eur": 300_000, "need_training_eur": 25_000, "skill_safety": 1 + i % 8,
        "infra_storage": 1 + i % 5, "funding_horizon_years": 5,
    }
    for f in CHOICE_FIELDS:
        codes = f.codes
        if f.kind == schema.ENUM:
            record[f.name] = codes[i % len(codes)]
        else:
            picked = {codes[i % len(codes)], codes[(i + 1) % len(codes)]}
            record[f.name] = ";".join(c for c in codes if c in picked)
    for f in BOOL_FIELDS:
        record[f.name] = i % 2 == 0
    return record


FILLED = pd.DataFrame([_museum(i) for i in range(MUSEUMS)])


def test_the_survey_languages_are_the_header_recognisers():
    assert set(LANGUAGES) == {p.stem for p in LEXICON.glob("*.txt")}


@pytest.mark.parametrize("language", LANGUAGES[1:])
def test_every_catalogue_translates_every_message(language):
    path = i18n.LOCALES / language / "LC_MESSAGES" / "survey.po"
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=language, domain="survey")
    entries = {m.id: m for m in catalog if m.id}
    for message, _ in survey.messages():
        entry = entries.get(message)
        assert entry is not None and entry.string and not entry.fuzzy, (language, message)
        assert sorted(re.findall(r"{\w+}", entry.string)) == sorted(re.findall(r"{\w+}", message)), message
    assert set(entries) == {m for m, _ in survey.messages()}, "messages no longer in the schema"


def test_committed_pot_lists_every_message():
    with (i18n.LOCALES / "survey.pot").open("rb") as handle:
        assert [m.id for m in read_po(handle) if m.id] == [m for m, _ in survey.messages()]


@pytest.mark.parametrize("f", CHOICE_FIELDS, ids=lambda f: f.name)
def test_no_answer_means_two_choices_across_languages(f):
    """A label written in any language reads as its own code: no word of one language is another
    language's word for a different answer, nor an English label, code or synonym of one."""
    english = schema.choice_lookup(f)
    for code, label in f.choices:
        for language, written in survey.translations(label).items():
            for key in survey.answer_keys(written):
                assert survey.translated_choices(f)[key] == code, (language, written)
                assert english.get(key, code) == code, (language, written, english.get(key))


def test_yes_and_no_never_mean_the_other_in_any_language():
    for word, meaning in ((survey.YES, True), (survey.NO, False)):
        for language, written in survey.translations(word).items():
            for key in survey.answer_keys(written):
                assert survey.yes_no()[key] is meaning, (language, written)
                assert key not in (schema.FALSE_WORDS if meaning else schema.TRUE_WORDS), (language, written)
                assert "," not in written, "a comma would split the yes / no dropdown"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_template_answer_and_heading_reads_back_exactly(language):
    for f in CHOICE_FIELDS:
        for code in f.codes:
            written = survey.choice_label(f, code, language)
            assert normalise.match_choice(written, f) == (code, True), (f.name, written)
            if f.kind == schema.MULTI:
                assert not re.search(r"[;,|\n]", written), "a separator would split the answer"
    for f in BOOL_FIELDS[:1]:
        assert normalise.parse_bool(survey.text(survey.YES, language), f) == (True, None)
        assert normalise.parse_bool(survey.text(survey.NO, language), f) == (False, None)
    for f in schema.FIELDS:
        for written in (survey.heading(f, language), survey.text(f.label, language)):    # the unit may be cut
            match = recognise.match_header(written)
            assert (match.field, match.confidence, match.why) == (f.name, 100, recognise.OWN_HEADING), written


def test_no_heading_names_two_fields_across_languages():
    """A label or heading of one field in one language is never another field's in another language (the
    recogniser would leave such a heading to the concepts)."""
    claims: dict[str, set[str]] = {}
    for written, fields in survey.template_headings().items():
        claims.setdefault(" ".join(words(written)[0]), set()).update(fields)
    assert {key: fields for key, fields in claims.items() if len(fields) > 1} == {}


@pytest.mark.parametrize("language", LANGUAGES)
def test_filled_template_round_trips_with_zero_warnings(con, tmp_path, language):
    path = tmp_path / f"survey_{language}.xlsx"
    write_template(path, FILLED, language=language)
    result = load_file(con, path)
    assert (result["status"], result["rows"], result["warnings"], result["errors"]) == (
        "committed", MUSEUMS, [], [])
    assert result["unmapped_columns"] == []
    names = list(FILLED.columns)
    stored = pd.DataFrame(con.execute(f"SELECT {', '.join(names)} FROM current_responses ORDER BY museum_id")
                          .fetchall(), columns=names)
    for name in names:
        for i, (got, expected) in enumerate(zip(stored[name], FILLED[name])):
            assert got == (pytest.approx(expected) if isinstance(expected, float) else expected), (name, i)


def test_polish_template_reads_as_written_by_hand(tmp_path):
    path = tmp_path / "survey_pl.xlsx"
    write_template(path, language="pl")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Instrukcja", "Ankieta", "Listy"]
    sheet = wb["Ankieta"]
    headings = {cell.value for cell in sheet[1]}
    assert {"Nazwa muzeum", "Kraj (ISO 3166-1 alpha-2)", "Rodzaj muzeum", "Zdigitalizowana część zbiorów (%)",
            "Wydatki ogółem (EUR rocznie)", "Potrzeby: sprzęt (EUR do 2030)", "Akredytacja (tak / nie)",
            "Umiejętności: bezpieczeństwo (poziom DigComp 1–8)"} <= headings
    lists = wb["Listy"]
    column = next(c for c in lists[1] if c.value == "museum_type").column
    assert [lists.cell(r, column).value for r in (2, 3, 12)] == ["Sztuka", "Archeologia", "Inne"]
    rules = {dv.formula1 for dv in sheet.data_validations.dataValidation}
    assert '"tak,nie"' in rules
    letter = openpyxl.utils.get_column_letter(column)
    assert f"Listy!${letter}$2:${letter}$12" in rules
    assert wb["Instrukcja"]["A1"].value == "Jak wypełnić ankietę"


def test_template_command_writes_the_language_asked_for(tmp_path, capsys):
    out = tmp_path / "survey_pl.xlsx"
    assert main(["template", "--lang", "pl", str(out)]) == 0
    assert openpyxl.load_workbook(out).sheetnames[1] == "Ankieta"


def test_template_command_names_the_languages_when_one_is_unknown(tmp_path):
    done = subprocess.run([sys.executable, "-m", "analysis", "template", "--lang", "xx", str(tmp_path / "t.xlsx")],
                          cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 2 and not (tmp_path / "t.xlsx").exists()
    assert "invalid choice: 'xx'" in done.stderr and "'pl'" in done.stderr and "'el'" in done.stderr


def test_write_template_refuses_a_language_without_catalogue(tmp_path):
    with pytest.raises(ValueError, match="no survey catalogue for 'xx': choose among en, bg"):
        write_template(tmp_path / "t.xlsx", language="xx")
