"""The `survey` domain: the template's questions, units, help texts, answers and instructions in every language
the header recogniser reads, and what the parsers learn from those catalogues.

The msgids are generated from analysis.schema and the template's own texts (`messages()`); `python -m
analysis.i18n.survey` writes them to locales/survey.pot, from which translators start a catalogue. Reading
goes the other way: an answer or a heading our template writes in any survey language is read back as the
canonical value, so a museum may answer in its own language and the file still loads without warnings.
"""

from __future__ import annotations

from functools import lru_cache

from analysis import i18n, schema

DOMAIN = "survey"
YES, NO = "yes", "no"
# Choice labels that are names (standards, vocabularies, platforms): the same in every language.
NAMES = frozenset({"LIDO", "EDM", "Dublin Core", "CIDOC CRM", "EAD", "MARC", "Getty AAT", "Iconclass", "Wikidata",
                   "Europeana", "IIIF"})
# Units that are symbols or codes, read alike in every language.
SYMBOLS = frozenset({"%", "0–4", "1–5", "EUR", "ISO 3166-1 alpha-2"})


def languages() -> tuple[str, ...]:
    return i18n.languages(DOMAIN)


def text(message: str, language: str) -> str:
    return i18n.gettext(message, DOMAIN, language)


def heading(f: schema.Field, language: str) -> str:
    """The template's column heading in a language: label plus unit, as Field.header writes it in English."""
    label = text(f.label, language)
    return f"{label} ({text(f.unit, language)})" if f.unit else label


def choice_label(f: schema.Field, code: str, language: str) -> str:
    return text(dict(f.choices)[code], language)


def messages() -> list[tuple[str, str]]:
    """(msgid, where it is used) for every text of the domain, in template order, each once."""
    from analysis.export import template
    from analysis.figures.skills import skill_area_label

    found: dict[str, str] = {}

    def add(message: str, where: str) -> None:
        if message and message not in NAMES | SYMBOLS:
            found.setdefault(message, where)

    for message in template.TEXTS:
        add(message, "template")
    add(YES, "yes / no answer")
    add(NO, "yes / no answer")
    for f in schema.FIELDS:
        add(f.label, f"{f.name}: label")
        add(f.unit, f"{f.name}: unit")
        add(f.help, f"{f.name}: help")
        for code, label in f.choices:
            add(label, f"{f.name}: answer {code}")
    for pillar, label in schema.PILLARS.items():
        add(label, f"investment pillar {pillar}")
    for area in schema.SKILL_AREAS:
        add(skill_area_label(area), f"DigComp area {area}")
    return list(found.items())


def answer_keys(written: str) -> set[str]:
    """The forms the parsers look an answer up by (schema.value_key, schema.header_key); header_key drops
    letters outside ASCII, so a Greek or Bulgarian answer has its value_key form only."""
    return {key for key in (schema.value_key(written), schema.header_key(written)) if key}


def translations(message: str) -> dict[str, str]:
    """language -> the message in it, for every survey catalogue that translates it."""
    return {language: text(message, language) for language in languages()[1:]
            if text(message, language) != message}


@lru_cache(maxsize=None)
def translated_choices(f: schema.Field) -> dict[str, str]:
    """Answer key -> code, from every catalogue's translation of the field's choice labels."""
    return {key: code for code, label in f.choices for written in translations(label).values()
            for key in answer_keys(written)}


@lru_cache(maxsize=1)
def yes_no() -> dict[str, bool]:
    """Answer key -> True / False, from every catalogue's 'yes' and 'no'."""
    return {key: meaning for word, meaning in ((YES, True), (NO, False))
            for written in translations(word).values() for key in answer_keys(written)}


@lru_cache(maxsize=1)
def template_headings() -> dict[str, set[str]]:
    """Heading as written in any survey language (label alone or with its unit) -> the fields it names."""
    out: dict[str, set[str]] = {}
    for language in languages():
        for f in schema.FIELDS:
            for written in (text(f.label, language), heading(f, language)):
                out.setdefault(written, set()).add(f.name)
    return out


def write_pot(path) -> None:
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import write_po

    catalog = Catalog(domain=DOMAIN, project="museum survey", fuzzy=False)
    for message, where in messages():
        catalog.add(message, auto_comments=[where])
    with open(path, "wb") as handle:
        write_po(handle, catalog, width=0, omit_header=False)


if __name__ == "__main__":
    target = i18n.LOCALES / f"{DOMAIN}.pot"
    target.parent.mkdir(exist_ok=True)
    write_pot(target)
    print(f"wrote {target}: {len(messages())} messages")
