"""Turn the cells people type into canonical values: "45 %" -> 45.0, "1.200.000 €" -> 1200000.0,
"oui" -> True, "Frankreich" -> "FR", "n/a" -> blank.

Each parser takes one cell and returns (value, problem). problem is None when the cell was read
cleanly, else (severity, rule, message). Columns are parsed once per distinct value, so a column of
50,000 cells with a few hundred distinct answers costs a few hundred parses.
"""

from __future__ import annotations

import datetime as dt
import gettext
import math
import re
import unicodedata
from functools import lru_cache

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pycountry
from rapidfuzz import fuzz, process

from analysis import formats, i18n, schema
from analysis.i18n import _, survey
from analysis.parsing import answers
from analysis.parsing.numbers import figure_among_words, parse_number
from analysis.parsing.report import ERROR, WARNING
from analysis.schema import Field

Problem = tuple[str, str, str] | None

_EXCEL_EPOCH = dt.date(1899, 12, 30)


def is_blank(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    if not isinstance(value, str):
        return False
    return _blank_text(schema.value_key(value))


@lru_cache(maxsize=65536)
def _blank_text(key: str) -> bool:
    """Also without accents and punctuation ('nao se aplica', 'N.V.T'), but never an empty key (Greek, Cyrillic)."""
    if key in blank_markers():
        return True
    folded = key if key.isascii() and key.replace(" ", "").isalnum() else schema.header_key(key)
    return folded != key and folded != "" and folded in blank_markers()


@lru_cache(maxsize=1)
def blank_markers() -> frozenset[str]:
    """What people write for 'not answered': the schema's markers and the answer lexicon's, but for the lexicon's
    that also name a country (English 'DK', don't know, is Denmark in a country column)."""
    return schema.BLANK_MARKERS | (answers.blank() - country_lookup().keys())


def _excel_serial(day: dt.date) -> float:
    """The number Excel stores for a date (1900 system, including its 1900 leap-year bug)."""
    serial = (day - _EXCEL_EPOCH).days
    return float(serial - 1 if day < dt.date(1900, 3, 1) else serial)


def _to_number(value: object, f: Field) -> tuple[float | None, Problem]:
    read_among_words: Problem = None
    if isinstance(value, bool):
        return None, (ERROR, "not_a_number", _("'{value}' is a yes/no answer; {field} needs a number.").format(
            value=value, field=i18n.survey_label(f.label)))
    if isinstance(value, (int, float)):
        number = float(value)
    elif isinstance(value, (dt.date, dt.datetime)):
        day = value.date() if isinstance(value, dt.datetime) else value
        number = _excel_serial(day)
        if not math.isfinite(number):
            return None, (ERROR, "not_a_number", _("'{value}' is a date; {field} needs a number.").format(
                value=value, field=i18n.survey_label(f.label)))
        return number, (WARNING, "date_formatted_number",
                        _("The cell is formatted as a date ({day}); read it as the number {number}. Check the value "
                          "and format the cell as a number.").format(day=f"{day:%d/%m/%Y}",
                                                                     number=formats.plain(number)))
    else:
        number = parse_number(str(value), percent=f.kind == schema.PERCENT)
        if number is None and schema.value_key(value) in answers.zero():
            return 0.0, (WARNING, "none_as_zero", _("'{value}' was read as 0.").format(value=value))
        if number is None and (found := figure_among_words(str(value), f)):
            number, left_out = found
            read_among_words = (WARNING, "words_around_number", _(
                "'{value}' was read as {number}, leaving out {words}.").format(
                value=value, number=formats.plain(number), words=", ".join(f"'{w}'" for w in left_out)))
        if number is None:
            unit = {schema.PERCENT: _("a percentage such as 45 or 45,5 %"),
                    schema.MONEY: _("an amount in euros such as 250000, 1.200.000 € or 1,2 M€")}.get(
                f.kind, _("a number"))
            return None, (ERROR, "not_a_number", _("'{value}' is not a number. {field} needs {unit}.").format(
                value=value, field=i18n.survey_label(f.label), unit=unit))
    if not math.isfinite(number):
        return None, (ERROR, "not_a_number", _("'{value}' is not a finite number.").format(value=value))
    if abs(number) > 1e15:
        return None, (ERROR, "out_of_range", _("{number} is implausibly large for {field}.").format(
            number=f"{number:g}", field=i18n.survey_label(f.label)))
    return number, read_among_words


def parse_numeric(value: object, f: Field) -> tuple[object, Problem]:
    number, problem = _to_number(value, f)
    if number is None:
        return None, problem
    if f.kind == schema.INT:
        if abs(number - round(number)) > 1e-9:
            return None, (ERROR, "not_a_whole_number", _("{number} is not a whole number; {field} counts "
                                                         "{unit}.").format(
                number=formats.plain(number), field=i18n.survey_label(f.label),
                unit=i18n.survey_label(f.unit) if f.unit else _("whole units")))
        number = int(round(number))
    return number, problem


_NOTE_AFTER = re.compile(r"\s*(?:[,(;:]|\s[-–]\s)\s*")     # where a note after an answer starts


def _yes_no(key: str) -> bool | None:
    """Yes or no as the template writes it in a survey language or as staff write it; None when neither."""
    if key in schema.TRUE_WORDS or key in schema.FALSE_WORDS:
        return key in schema.TRUE_WORDS
    for form in (key, schema.header_key(key)):
        for words in (survey.yes_no(), answers.yes_no()):
            if form in words:
                return words[form]
    return None


def parse_bool(value: object, f: Field) -> tuple[object, Problem]:
    if isinstance(value, bool):
        return value, None
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value), None
    key = schema.value_key(value).rstrip(".")
    if (meaning := _yes_no(key)) is not None:
        return meaning, None
    head, *note = _NOTE_AFTER.split(key, maxsplit=1)
    if note and (meaning := _yes_no(head)) is not None:   # 'Ja, statsanerkendt', 'Oui (appellation Musée de France)'
        return meaning, (WARNING, "note_left_out", _("'{value}' was read as '{answer}'; the words after it were left "
                                                     "out.").format(value=value, answer=head))
    return None, (ERROR, "not_yes_no", _("'{value}' is not a yes/no answer. {field} needs yes or no (oui/non, "
                                         "ja/nein, sí/no, tak/nie, 1/0 also work).").format(
        value=value, field=i18n.survey_label(f.label)))


@lru_cache(maxsize=None)
def catalogue_choices(f: Field) -> dict[str, str]:
    """Every answer as questionnaires word it -> code: the choice labels of every survey catalogue (what the template
    writes in a museum's language) under the schema's codes, English labels and synonyms."""
    return {**survey.translated_choices(f), **schema.choice_lookup(f)}


# Money from a public body is money of its level of government: a body that owns museums nationally or regionally and
# locally ('Ministerstvo kultury', 'Bezirk', 'Ayuntamiento', 'gemeente') is also a source of funding at that level.
_FUNDING_FROM_OWNERS = {"national_state": "national", "regional_local_authority": "regional_local"}


@lru_cache(maxsize=None)
def choice_table(f: Field) -> dict[str, str]:
    """Every answer accepted exactly -> code: the catalogue's and, under them, staff's own words (answers/)."""
    table = {**answers.choices(f.name), **catalogue_choices(f)}
    if f.name != "funding_sources":
        return table
    owners = choice_table(schema.FIELDS_BY_NAME["ownership"])
    return {**{key: _FUNDING_FROM_OWNERS[code] for key, code in owners.items() if code in _FUNDING_FROM_OWNERS},
            **table}


@lru_cache(maxsize=None)
def _catalogue_keys(f: Field) -> list[str]:
    return list(catalogue_choices(f))


_NOT = frozenset({"not", "nicht", "niet", "inte", "ikke", "ei", "nem", "nu", "ne", "nav", "neni", "nejsou", "nil",
                  "nera", "pole", "nothing", "nichts", "niets", "rien", "nada", "niente", "nulla", "nic", "nič",
                  "semmi", "nimic", "ingenting", "intet", "inget"})


def match_choice(text: str, f: Field) -> tuple[str | None, bool]:
    """Return (code, exact). Fuzzy matches need a high score, since they are applied without asking."""
    table = choice_table(f)
    for key in (schema.value_key(text), schema.header_key(text)):
        if key in table:
            return table[key], True
        if f.kind == schema.MULTI and schema.header_key(key) in schema.OTHER_ANSWERS:
            return "other", True
    # near spellings of the questionnaire's own answers only: staff's words are many and looser (answers/)
    best = process.extractOne(schema.header_key(text), _catalogue_keys(f), scorer=fuzz.ratio, score_cutoff=85)
    if best:
        return table[best[0]], False
    named = named_choices(text, f)
    if f.kind == schema.ENUM and len(named) == 1:
        return named.pop(), False
    # a note in brackets or alternatives after a slash: 'Transkribering (OCR/HTR)', 'sponsorzy / mecenasi'
    parts = [part for part in _PARTS.split(text) if part.strip()]
    meant = {match_choice(part, f)[0] for part in parts} - {None} if len(parts) > 1 else set()
    return (meant.pop(), False) if len(meant) == 1 else (None, False)


_PARTS = re.compile(r"\s*[()/]\s*")


def named_choices(text: str, f: Field) -> set[str]:
    """The choices a longer answer names: "Art moderne et contemporain" is art, "Château-musée (monument historique)"
    a monument; "Musée d'art et d'histoire" names two (for a single-choice question, it stays open).
    Its yes, no and not qualify rather than name ('oui, mais non écrite' is no 'non', no strategy), and a choice
    # one or two words after a 'not', or right before one, is denied ('Yes, informal (not written down)', Irish
    # 'níl sé scríofa', Estonian 'kirjalikult pole')."""
    table = choice_table(f)
    words = _words(text)

    def denied(i: int, n: int) -> bool:
        return any(w in _NOT or _yes_no(w) is False for w in words[max(i - 2, 0):i] + words[i + n:i + n + 1])

    found = [(i, n, table[p]) for n in (1, 2, 3) for i in range(len(words) - n + 1)
             if len(p := " ".join(words[i:i + n])) >= 3 and p in table and p not in _NOT and _yes_no(p) is None
             and not denied(i, n)]
    # a phrase inside a longer one found names nothing of its own: 'monument historique' is no 'historique'
    named = {code for i, n, code in found
             if not any(j <= i and i + n <= j + m and m > n for j, m, _code in found)}
    # ... also at the head of a compound word: "Naturkundemuseum" (naturkunde), "Kunstmuseum" (kunst), by the
    # questionnaire's own answers only (staff's short words would start too many others: Swedish 'entré', entrance
    # fees, is no head of French 'entreprise').
    catalogue = catalogue_choices(f)
    return named | {catalogue[w[:k]] for i, w in enumerate(words) for k in range(5, len(w)) if w[:k] in catalogue
                    and not denied(i, 1)}


def _words(text: str) -> list[str]:
    """An answer's words as the answer lists are keyed: Latin letters without accents, Greek and Cyrillic as written
    (header_key would drop their letters)."""
    if answers.latin(text):
        return schema.header_key(text).split()
    return re.sub(r"[^\w%]+", " ", schema.value_key(text)).split()


def _none_answer(text: str, f: Field) -> bool:
    """A word for none or a bare no ('aucune', 'brak', 'nein') to a choice question that has the answer 'none'."""
    key = schema.value_key(text).rstrip(".")
    return "none" in f.codes and (key in answers.zero() or _yes_no(key) is False)


def parse_enum(value: object, f: Field) -> tuple[object, Problem]:
    text = _as_text(value)
    code, exact = match_choice(text, f)
    if code is None and _none_answer(text, f):
        code, exact = "none", True
    if code is None:
        return None, (ERROR, "unknown_choice", _("'{value}' is not one of the allowed answers for {field}: "
                                                 "{answers}.").format(value=text, field=i18n.survey_label(f.label),
                                                                       answers=schema.choices_text(f)))
    if not exact:
        return code, (WARNING, "fuzzy_choice", _("'{value}' was read as '{code}' ({answer}).").format(
            value=text, code=code, answer=i18n.survey_label(dict(f.choices)[code])))
    return code, None


# What separates several answers in one cell: ; , | + and new lines, and the numbers of a ranked list ('1. finance
# 2. lidi 3. kvalita dat', '1) ...', '1/ ...', Portuguese '1.º ...').
_MULTI_SPLIT = re.compile(r"\s*[;,|+]\s*|\s*(?:^|(?<=\s))\d{1,2}(?:\.º|º|[.)/])\s+")


def _split_outside_brackets(text: str) -> list[str]:
    """The answers of one line: a separator inside brackets belongs to its answer ('conținut generativ (texte,
    imagini)' is one answer)."""
    masked, held, depth = [], [], 0
    for ch in text:
        depth += (ch == "(") - (ch == ")" and depth > 0)
        inside = depth and ch in ";,|+"
        held += [ch] if inside else []
        masked.append("\0" if inside else ch)
    kept = iter(held)                                          # the separators inside brackets, in order
    return [re.sub("\0", lambda _m: next(kept), item) for item in _MULTI_SPLIT.split("".join(masked))]


def parse_multi(value: object, f: Field) -> tuple[object, Problem]:
    codes: list[str] = []
    guessed, other = [], []
    lines = str(value).splitlines() if isinstance(value, str) else [value]     # one answer a line (Alt+Enter in Excel)
    items = [item for line in lines for item in _split_outside_brackets(_as_text(line)) if item]
    if items and all(parse_number(item) is not None for item in items):  # an amount, a year: no answer at all
        return None, (ERROR, "unknown_choice", _("'{value}' is a number, not an answer to {field}: {answers}.").format(
            value=_as_text(value), field=i18n.survey_label(f.label), answers=schema.choices_text(f)))
    for item in items:
        code, exact = match_choice(item, f)
        if not exact and " " in item:               # survey tools may separate codes by spaces
            parts = [match_choice(p, f) for p in item.split()]
            if all(c and e for c, e in parts):
                codes += [c for c, _ in parts]
                continue
        if code is None and _none_answer(item, f):
            code, exact = "none", True
        if code is None and (named := named_choices(item, f)):    # 'Europeana über die Deutsche Digitale Bibliothek'
            codes += sorted(named)
            guessed.append(_("'{value}' as '{code}'").format(value=item, code="', '".join(sorted(named))))
            continue
        if code is None:
            other.append(item)
            code = "other"
        elif not exact:
            guessed.append(_("'{value}' as '{code}'").format(value=item, code=code))
        codes.append(code)
    order = {c: i for i, c in enumerate((*f.codes, "other"))}
    result = ";".join(sorted(set(codes), key=order.get)) or None
    if other:
        return result, (WARNING, "other_choice", _("{values} matched none of the answers for {field} and was stored "
                                                   "as 'other'.").format(values=", ".join(repr(o) for o in other),
                                                                         field=i18n.survey_label(f.label)))
    if guessed:
        return result, (WARNING, "fuzzy_choice", _("Read {guesses}.").format(guesses=", ".join(guessed)))
    return result, None


def _country_key(text: str) -> str:
    s = unicodedata.normalize("NFKD", text.casefold())
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^\w]+", " ", s).split())


_EU_LANGUAGES = ("en", "fr", "de", "nl", "es", "it", "pl", "pt", "sv", "da", "fi", "cs", "sk", "sl", "hu",
                 "ro", "bg", "el", "hr", "et", "lv", "lt", "ga", "mt", "lb", "no", "nb")
_COUNTRY_EXTRAS = {"uk": "GB", "u k": "GB", "great britain": "GB", "england": "GB", "scotland": "GB",
                   "wales": "GB", "el": "GR", "holland": "NL", "czechia": "CZ", "czech republic": "CZ",
                   "kosovo": "XK", "xk": "XK", "russia": "RU", "turkey": "TR", "turkiye": "TR",
                   "moldova": "MD", "the netherlands": "NL", "slovak republic": "SK", "macedonia": "MK",
                   "lëtzebuerg": "LU", "Ελλάς": "GR"}


@lru_cache(maxsize=1)
def country_lookup() -> dict[str, str]:
    """Every spelling we accept -> ISO alpha-2: codes, English names and names in EU languages."""
    table: dict[str, str] = {}
    translations = []
    for lang in _EU_LANGUAGES:
        try:
            translations.append(gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang]))
        except OSError:
            continue
    for c in pycountry.countries:
        names = {c.name, getattr(c, "official_name", c.name), getattr(c, "common_name", c.name)}
        for name in list(names):
            names.update(t.gettext(name) for t in translations)
        for name in names:
            table.setdefault(_country_key(name), c.alpha_2)
            if "," in name:                          # "Korea, Republic of" -> also "Korea"
                table.setdefault(_country_key(name.split(",")[0]), c.alpha_2)
        table[_country_key(c.alpha_2)] = c.alpha_2
        table[_country_key(c.alpha_3)] = c.alpha_2
    table.update({_country_key(name): code for name, code in _COUNTRY_EXTRAS.items()})
    return table


def parse_country(value: object, f: Field) -> tuple[object, Problem]:
    text = _as_text(value)
    table = country_lookup()
    key = _country_key(text)
    if key in table:
        code = table[key]
        if code in schema.EUROPE:
            return code, None
        return code, (WARNING, "country_outside_europe", _(
            "'{value}' was read as {country} ({code}), a country outside Europe: check it.").format(
            value=text, country=schema.country_name(code), code=code))
    # A longer answer that names one country ('Republic of Ireland', 'Bundesrepublik Deutschland', 'Malta (MT)') is
    # that country; it is not spelt like another ('Republic of Iceland'). Codes inside words ('de', 'it') count not.
    words = key.split()
    named = {table[p] for n in range(1, 5) for i in range(len(words) - n + 1)
             if len(p := " ".join(words[i:i + n])) > 3 and p in table}
    best = process.extractOne(key, list(table), scorer=fuzz.ratio, score_cutoff=90) if len(key) > 4 else None
    if len(named) == 1 or best and not named:
        code = named.pop() if named else table[best[0]]
        return code, (WARNING, "fuzzy_country", _("'{value}' was read as {country} ({code}).").format(
            value=text, country=schema.country_name(code), code=code))
    return None, (ERROR, "unknown_country", _("'{value}' is not a country we recognise. Write the country name (in "
                                              "any EU language) or its ISO code, e.g. FR or FRA.").format(value=text))


_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y", "%Y/%m/%d", "%Y.%m.%d", "%d/%m/%y", "%d.%m.%y")
_US_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_SERIAL = re.compile(r"^[1-9]\d{4}$")                   # an Excel date serial written out: 1927-05-18 to 2173-10-14
# A date written with the month's name: its day, month and year in any order once ordinal endings ('1er', '31st')
# and the little words between them ('30 de junio de 2024', 'the 5th of May 2024', Polish '31 grudnia 2024 r.') are
# left aside (Bulgarian '31.12.2024 г.', Lithuanian '2024 m. gruodžio 31 d.', 'Stichtag 31.12.24'); or day, month
# and year in figures with mixed separators (Swedish '31/12 2024').
_DATE_FILLER = re.compile(r"(?<=\d)(st|nd|rd|th|er|e|º|ª|г)\b|\b(de|del|of|the|r|г|m|d|gada|ta'|k|ke|dne|stichtag|"
                          r"stand|per|zum|am|au|as of|as at|na dzień)(?!\w)", re.IGNORECASE)
_DATE_PARTS = re.compile(r"[\s.,/-]+")


@lru_cache(maxsize=1)
def month_names() -> dict[str, int]:
    """Month names and their abbreviations in the survey's languages, as written in a date ('31. Dezember 2024',
    '31 grudnia 2024', '2024. december 31.'), without accents or full stop -> month. A name that is another month
    in another language (Croatian 'listopad' is October, Polish and Czech November) is left out."""
    from babel.dates import get_month_names
    seen: dict[str, set[int]] = {}
    for lang in (*_EU_LANGUAGES, "de_AT"):                      # Austrian 'Jänner'
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for month, name in get_month_names(width, context, locale=lang).items():
                    seen.setdefault(_country_key(name), set()).add(month)
    return {name: months.pop() for name, months in seen.items() if len(months) == 1 and name}


def _day(year: str, month: int, day: str) -> dt.date | None:
    try:
        return dt.date(int(year), month, int(day))
    except ValueError:
        return None


def _spelt_date(text: str) -> dt.date | None:
    """A date with its month's name or with mixed separators, once its little words are left aside."""
    parts = [p for p in _DATE_PARTS.split(_DATE_FILLER.sub(" ", text)) if p]
    if len(parts) != 3:
        return None
    if all(p.isdigit() for p in parts):                    # day, month, year: '31/12 2024', 'Stichtag 31.12.24'
        day, month, year = parts
        if len(day) > 2 or len(month) > 2 or len(year) not in (2, 4):
            return None
        return _day(year if len(year) == 4 else str(dt.datetime.strptime(year, "%y").year), int(month), day)
    words = [p for p in parts if not p.isdigit()]
    days = [p for p in parts if p.isdigit() and len(p) <= 2]
    years = [p for p in parts if p.isdigit() and len(p) == 4]
    if (len(words), len(days), len(years)) != (1, 1, 1):
        return None
    month = month_names().get(_country_key(words[0]))
    return _day(years[0], month, days[0]) if month else None


def parse_date(value: object, f: Field) -> tuple[object, Problem]:
    if isinstance(value, dt.datetime):
        return value.date(), None
    if isinstance(value, dt.date):
        return value, None
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 1 <= value < 2_958_466:
        return _EXCEL_EPOCH + dt.timedelta(days=int(value)), None
    text = _as_text(value)
    tidy = re.sub(r"\.\s+(?=\d)", ".", text).rstrip(".")        # Hungarian '2024. 12. 31.', '31.12.2024.'
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(tidy[:10] if fmt == "%Y-%m-%d" else tidy, fmt).date(), None
        except ValueError:
            continue
    read = None
    if (m := _US_DATE.match(text)) and int(m[2]) > 12:            # 12/31/2024: the day can only be second
        read = _day(m[3], int(m[1]), m[2])
    elif _SERIAL.match(text):
        read = _EXCEL_EPOCH + dt.timedelta(days=int(text))
    elif spelt := _spelt_date(text):
        return spelt, None
    if read is not None:
        return read, (WARNING, "date_read", _("'{value}' was read as the date {day}.").format(
            value=text, day=read.isoformat()))
    return None, (ERROR, "not_a_date", _("'{value}' is not a date. Write it as 2025-08-31 or 31/08/2025.").format(
        value=text))


_YEAR = re.compile(r"^(19|20)\d\d")


def parse_wave(value: object, f: Field) -> tuple[object, Problem]:
    text = _as_text(value)
    if not _YEAR.match(text):
        return None, (ERROR, "bad_wave", _("'{value}' is not a survey wave. Use the survey year, e.g. 2025.").format(
            value=text))
    return text, None


def _as_text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    return " ".join(str(value).split())


# Text questions whose answer is a code, as staff write it: the code first, often with its name ("DK04 Midtjylland").
CODE_FIRST = {"region_nuts2": re.compile(r"([A-Z]{2}[0-9A-Z][0-9])(?:$|[\s:–—-])")}


def parse_text(value: object, f: Field) -> tuple[object, Problem]:
    text = _as_text(value)
    if (code := CODE_FIRST.get(f.name)) and (found := code.match(text)):
        return found.group(1), None
    return text, None


PARSERS = {
    schema.TEXT: parse_text, schema.ENUM: parse_enum, schema.MULTI: parse_multi, schema.BOOL: parse_bool,
    schema.INT: parse_numeric, schema.DECIMAL: parse_numeric, schema.PERCENT: parse_numeric,
    schema.MONEY: parse_numeric, schema.DATE: parse_date, schema.COUNTRY: parse_country,
    schema.WAVE: parse_wave,
}


def parse_cell(value: object, f: Field) -> tuple[object, Problem]:
    if isinstance(value, str):
        value = value.strip()
        if _FORCED_TEXT.match(value):          # Excel's leading apostrophe before a number: '40 is 40
            value = value[1:].strip()
        if f.kind in schema.NUMERIC_KINDS and value.lower() == "nan":
            return None, (WARNING, "nan_as_blank", _("'{value}' (not a number) was read as not answered.").format(
                value=value))
    if is_blank(value):
        return None, None
    return PARSERS[f.kind](value, f)


_FORCED_TEXT = re.compile(r"^'[\s\d.,+\-−%€/:]+$")


def looks_like_fraction_column(parsed: np.ndarray, raw: pa.Array) -> bool:
    """True for a percent column typed as fractions (0.45 for 45 %) or formatted as % in Excel.

    All answers must be numbers between 0 and 1, not just 0s and 1s, and none written with a '%' sign.
    """
    numbers = parsed[~np.isnan(parsed)]
    if not numbers.size or (numbers > 1).any() or np.isin(numbers, (0, 1)).all():
        return False
    return not pc.any(pc.match_substring(raw, "%")).as_py()
