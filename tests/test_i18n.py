"""The interface in the languages of its users: every message shown is in the catalogues, every catalogue is
complete, literals are not passed to Streamlit untranslated, the language is negotiated from the browser and
kept in the URL, and every page opens in French and German."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from analysis import i18n
from tests.conftest import ROOT, in_language, open_page

LOCALES = ROOT / "analysis" / "i18n" / "locales"
TRANSLATED = ("fr", "de")


def extracted() -> dict[str, str]:
    """msgid -> 'file:line' for every `_()` / `N_()` message in the source, found as `pybabel extract -F babel.cfg
    -k _ -k N_` finds it."""
    with (ROOT / "babel.cfg").open() as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)
    found = {}
    for filename, line, message, _comments, _context in extract_from_dir(
            str(ROOT), method_map, options_map, keywords={"_": None, "N_": None}):
        assert isinstance(message, str), f"{filename}:{line}: one message per call, no plurals"
        found.setdefault(message, f"{filename}:{line}")
    return found


def catalogue(path: Path, locale: str | None = None):
    with path.open("rb") as handle:
        return read_po(handle, locale=locale)


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


@pytest.fixture(scope="module")
def source_messages():
    return extracted()


def test_every_message_shown_is_in_the_template(source_messages):
    template = {m.id for m in catalogue(LOCALES / "messages.pot") if m.id}
    missing = {msg: where for msg, where in source_messages.items() if msg not in template}
    assert not missing, f"run pybabel extract (README, Adding a language): {missing}"
    stale = template - set(source_messages)
    assert not stale, f"messages no longer in the source: {stale}"


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_catalogue_translates_every_message_with_the_same_placeholders(code, source_messages):
    entries = {m.id: m for m in catalogue(LOCALES / code / "LC_MESSAGES" / "messages.po", code) if m.id}
    problems = []
    for msg, where in source_messages.items():
        entry = entries.get(msg)
        if entry is None or not entry.string:
            problems.append(f"untranslated ({where}): {msg!r}")
        elif entry.fuzzy:
            problems.append(f"fuzzy ({where}): {msg!r}")
        elif placeholders(entry.string) != placeholders(msg):
            problems.append(f"placeholders differ ({where}): {msg!r} -> {entry.string!r}")
        elif entry.string.count("**") != msg.count("**") or entry.string.count("`") != msg.count("`"):
            problems.append(f"Markdown differs ({where}): {msg!r} -> {entry.string!r}")
    assert not problems, "\n".join(problems)


def test_languages_are_english_then_each_catalogue_by_its_own_name():
    assert i18n.languages()[:1] == ("en",) and set(TRANSLATED) <= set(i18n.languages())
    assert [i18n.language_name(c) for c in ("en", "fr", "de")] == ["English", "Français", "Deutsch"]


@pytest.mark.parametrize("header, expected", [
    ("fr-CH,fr;q=0.9,en;q=0.8", "fr"),
    ("de-AT", "de"),
    ("en-GB,en;q=0.9,fr;q=0.8", "en"),
    ("fr;q=0.2,de;q=0.8", "de"),              # by quality, not by order
    ("es-ES,es;q=0.9,de;q=0.5", "de"),        # no Spanish catalogue: the next language asked for
    ("es-ES,it;q=0.9", "en"),                 # nothing we have: English
    ("*", "en"),
    ("", "en"),
    (None, "en"),
    ("fr;q=abc,de", "de"),                    # a malformed weight is ignored, not fatal
])
def test_negotiate_accept_language(header, expected):
    assert i18n.negotiate(header) == expected


def test_use_sets_the_current_language_and_unknown_codes_mean_english():
    try:
        assert i18n.use("fr") == "fr" and i18n.current() == "fr"
        assert i18n._("Overview") == "Vue d'ensemble"
        assert i18n._("A sentence no catalogue has") == "A sentence no catalogue has"
        assert i18n.use("de") == "de" and i18n._("Overview") == "Überblick"
        assert i18n.use("xx") == "en" and i18n._("Overview") == "Overview"
        assert i18n.use(None) == "en"
    finally:
        i18n.use("en")


def test_survey_labels_fall_back_to_english():
    with in_language("fr"):
        assert i18n.survey_label("A label no survey catalogue has") == "A label no survey catalogue has"


# --- no literal reaches Streamlit untranslated ----------------------------------------------------------------
# Streamlit calls (on st, st.sidebar, a column, a container, a status...) whose first argument people read.
SHOWN_FIRST = {"title", "header", "subheader", "caption", "markdown", "write", "text", "button", "form_submit_button",
               "download_button", "link_button", "page_link", "selectbox", "multiselect", "radio", "slider",
               "select_slider", "segmented_control", "pills", "checkbox", "toggle", "file_uploader", "text_input",
               "text_area", "number_input", "date_input", "info", "warning", "error", "success", "toast", "status",
               "expander", "tabs", "metric"}
# Calls whose first argument is a path, not text; their keywords are read.
SHOWN_KEYWORDS_ONLY = {"page_link", "Page", "set_page_config"}
# Keywords people read, on those calls and on st.column_config columns.
SHOWN_KEYWORDS = {"label", "help", "placeholder", "title", "page_title", "display_text"}
ICON = re.compile(r":material/[a-z_]+:|:[a-z_]+:")


def needs_translation(node: ast.AST) -> bool:
    """A string literal, f-string or concatenation with words in it. Exempt by rule: Markdown and punctuation
    alone ('---', '- ', '##### '), icon codes, and words that are all capitals (CSV, XLSX, UTC: the same in every
    language)."""
    if isinstance(node, ast.BinOp):
        return needs_translation(node.left) or needs_translation(node.right)
    if isinstance(node, ast.JoinedStr):
        text = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
    elif isinstance(node, ast.Constant) and isinstance(node.value, str):
        text = node.value
    else:
        return False
    words = re.findall(r"[^\W\d_]+", ICON.sub("", text))
    return any(not word.isupper() for word in words)


def untranslated(tree: ast.AST) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        column = name.endswith("Column")
        shown = []
        if name in SHOWN_FIRST or column or name in SHOWN_KEYWORDS_ONLY:
            if node.args and name not in SHOWN_KEYWORDS_ONLY:
                first = node.args[0]
                shown += first.elts if isinstance(first, (ast.List, ast.Tuple)) else [first]
            shown += [k.value for k in node.keywords if k.arg in SHOWN_KEYWORDS]
        if name == "navigation" and node.args and isinstance(node.args[0], ast.Dict):
            shown += [key for key in node.args[0].keys if key is not None]       # section names
        found += [(n.lineno, name) for n in shown if needs_translation(n)]
    return found


def test_the_checker_flags_literals_and_passes_translated_text():
    flagged = untranslated(ast.parse(
        'st.button("Save")\nst.sidebar.caption(f"{n} museums")\ncols[0].metric("Museums", 3)\n'
        'st.tabs([_("A"), "B c"])\nst.Page("p.py", title="Overview")\nst.navigation({"Explore": []})\n'
        'st.column_config.TextColumn("Source")\nst.info(_("x") + " more words")\nst.title(label="Hello")'))
    assert [line for line, _ in flagged] == [1, 2, 3, 4, 5, 6, 7, 8, 9]
    assert not untranslated(ast.parse(
        'st.button(_("Save"))\nst.markdown("---")\nst.markdown(f"- {sentence}")\n'
        'st.caption(":material/lock: " + _("x"))\n'
        'st.download_button("CSV", data)\nst.caption(f"{view.caption}.")\nst.markdown("##### " + _("4. Load"))\n'
        'st.column_config.DatetimeColumn(format="YYYY-MM-DD HH:mm", help="UTC")\nst.metric(_("Rows"), "12 rows")'))


@pytest.mark.parametrize("path", sorted(p.relative_to(ROOT).as_posix() for p in [
    ROOT / "app.py", *(ROOT / "ui").glob("*.py"), *(ROOT / "views").glob("*.py")]))
def test_no_literal_is_shown_untranslated(path):
    found = untranslated(ast.parse((ROOT / path).read_text()))
    assert not found, f"{path}: wrap these in _(): " + ", ".join(f"line {line} ({name})" for line, name in found)


# --- every page in French and German (AppTest through the router, local open mode: every page allowed) --------
TITLES = {
    "views/overview.py": {"fr": "La numérisation des musées en Europe", "de": "Digitalisierung der Museen in Europa"},
    "views/digitisation.py": {"fr": "Numérisation", "de": "Digitalisierung"},
    "views/skills.py": {"fr": "Compétences numériques et préparation à l'IA",
                        "de": "Digitale Kompetenzen und KI-Bereitschaft"},
    "views/funding.py": {"fr": "Besoins de financement et déficit",
                         "de": "Finanzierungsbedarf und Finanzierungslücke"},
    "views/map.py": {"fr": "Carte de l'Europe", "de": "Europakarte"},
    "views/scenarios.py": {"fr": "Scénarios d'investissement", "de": "Investitionsszenarien"},
    "views/methodology.py": {"fr": "Méthodologie", "de": "Methodik"},
    "views/present.py": {"fr": "Présenter", "de": "Präsentieren"},
    "views/upload.py": {"fr": "Charger des enquêtes", "de": "Umfragen hochladen"},
    "views/history.py": {"fr": "Historique des chargements", "de": "Upload-Verlauf"},
    "views/targets.py": {"fr": "Objectifs", "de": "Zielwerte"},
    "views/registers.py": {"fr": "Registres des musées", "de": "Museumsregister"},
}


def test_every_page_has_its_titles_here():
    assert set(TITLES) == {p.relative_to(ROOT).as_posix() for p in (ROOT / "views").glob("*.py")}


@pytest.mark.parametrize("code", TRANSLATED)
@pytest.mark.parametrize("page", sorted(TITLES))
def test_page_opens_in_the_language_of_the_link(page, code, sample_db, monkeypatch):
    at = open_page(monkeypatch, sample_db, page, lang=code)
    assert not at.exception, at.exception
    assert at.title[0].value == TITLES[page][code]
    assert at.query_params["lang"] == code                   # still in the URL, so the link can be shared
    assert at.selectbox(key="lang").value == code


def test_an_unknown_language_in_the_link_opens_in_english(sample_db, monkeypatch):
    at = open_page(monkeypatch, sample_db, "views/map.py", lang="xx")
    assert at.title[0].value == "Europe map" and at.query_params["lang"] == "en"


def test_choosing_a_language_in_the_sidebar_rewrites_the_page_and_the_link(sample_db, monkeypatch):
    """The menu's choice wins over the link, goes into the URL, and reaches numbers and metric labels."""
    at = open_page(monkeypatch, sample_db, "views/overview.py")
    assert at.title[0].value == "Museum digitisation in Europe" and at.query_params["lang"] == "en"
    at.selectbox(key="lang").set_value("de").run()
    assert at.title[0].value == "Digitalisierung der Museen in Europa" and at.query_params["lang"] == "de"
    assert at.sidebar.header[0].value == "Filter"
    need = next(m for m in at.metric if m.label == "Finanzierungsbedarf bis 2030")
    assert re.fullmatch(r"[\d.]+,\d Mio\. EUR", need.value), need.value      # '1.234,5 Mio. EUR'
    assert "Antwortende Museen" in [m.label for m in at.metric]


def test_the_command_line_writes_a_report_in_the_language_asked_for(sample_db, tmp_path):
    from analysis.__main__ import main

    report = tmp_path / "bericht.html"
    with in_language("de"):
        assert main(["report", str(report), "--db", str(sample_db), "--lang", "de",
                     "--charts", "digitisation-by-country"]) == 0
    text = report.read_text(encoding="utf-8")
    assert "Digitalisierung der Museen in Europa, Welle 2025" in text
    assert re.search(r"\d+ Museen in \d+ Ländern, Welle 2025, alle Arten", text)


# every rule a finding is added with: report.add(ERROR, "rule", ...), (WARNING, "rule", ...), return "rule", _(...)
_RULE_IN_CODE = re.compile(r'(?:\b(?:ERROR|WARNING)\s*,\s*|return\s+|^RULE\s*=\s*)"([a-z0-9]+(?:_[a-z0-9]+)+)"(?=\s*[,)]|$)',
                           re.MULTILINE)


def test_every_rule_a_finding_is_added_with_has_a_name():
    from analysis.parsing.report import RULE_NAMES
    found = {rule for path in (ROOT / "analysis").rglob("*.py") for rule in _RULE_IN_CODE.findall(path.read_text())}
    found |= {"unknown_museum_type", "unknown_ownership", "unknown_size"}     # registers: f"unknown_{column}"
    assert {"unrecognised_column", "need_far_from_cost_model", "3d_over_total", "negative_amount"} <= found
    assert sorted(found - set(RULE_NAMES)) == []


def test_rule_names_in_german_and_french():
    from analysis.parsing.report import rule_name
    with in_language("de"):
        assert rule_name("unrecognised_column") == "Nicht erkannte Spalte"
    with in_language("fr"):
        assert rule_name("percent_as_fraction") == "Pourcentage écrit comme une fraction"
    assert rule_name("some_new_rule") == "Some new rule"
