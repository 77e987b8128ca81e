"""Figures as people type them in the survey's languages: "1.200.000 €" -> 1200000.0, "2 tys." -> 2000.0,
"ca. 5000" -> 5000.0 (with the words left out, for a warning). A cell that could be two figures is none."""

from __future__ import annotations

import re

from analysis import schema
from analysis.schema import Field

# Thousand, million and billion as written after a figure in the survey's languages ('2 tys.', '1,5 Mrd.', '3 mill.'),
# with or without a full stop; 'mil' is a thousand (Spanish, Portuguese: '25 mil €'), 'mil.' a million (Czech, Slovak:
# '1,2 mil. EUR').
_MULTIPLIERS = {
    **dict.fromkeys((
        "k", "tsd", "tausend", "mille", "duizend", "tys", "tysiąc", "tysiące", "tysięcy", "tis", "tisíc", "tisíce",
        "tisícov", "tisuća", "tisuće", "tisoč", "tusen", "tusind", "tus", "tuhat", "tuhatta", "tuh", "ezer", "tūkst",
        "tūkstančiai", "tūkstančių", "tūkstoši", "хил", "хиляди", "χιλ", "χιλιάδες", "mii", "míle", "þús", "þúsund",
        "mila", "mil"), 1e3),
    **dict.fromkeys((
        "m", "mn", "mio", "mln", "mill", "million", "millions", "millón", "millones", "miljoen", "miljoenen", "miljon",
        "miljoner", "millió", "milhão", "milhões", "milione", "milioni", "milion", "miliony", "milionów", "milión",
        "milióny", "miliónov", "milijon", "milijoni", "milijona", "milijun", "milijuna", "milijonų", "miljoni",
        "miljonit", "miljoona", "miljoonaa", "milj", "milioane", "милион", "милиона", "млн", "εκατ", "εκ",
        "εκατομμύρια"), 1e6),
    **dict.fromkeys(("md", "mrd", "mld", "bn", "billion", "milliard", "milliarden", "milliards", "miliard",
                     "miliardy", "miliardów", "miliardi", "miljard", "miljarder", "milliárd"), 1e9)}
_LETTER = r"[^\W\d_]"
_CURRENCY = re.compile(rf"€|(?<!{_LETTER})(eur|euros?|euró|euroa|euroja|eurot|eura|eurų|evro|evrov|evra|evrur|evrum|"
                       rf"eiro|ευρώ|ευρω|евро)(?!{_LETTER})\.?")
_THOUSAND_EUR = re.compile(rf"(?<!{_LETTER})t\s?(€|eur|euro|euros)(?!{_LETTER})")   # German 'TEUR', '15 T€': thousands
_NO_CENTS = re.compile(r"[.,][-–—]{1,2}$")                                   # '12.000,-': no cents
_SUFFIX = re.compile(r"(?<=[\d\s.,])(" + "|".join(sorted(map(re.escape, _MULTIPLIERS), key=len, reverse=True))
                     + r")\.?$")
# Words that may be a multiplier not in the table above ('5 mil', '3 milionu'): never read as a unit, which would
# make the figure a thousand or a million times too small.
_MULTIPLIER_LIKE = re.compile(r"^(mil|mld|mrd|ty|ti|tu|tū|tau|tsd|duiz|ezer|хил|χιλ|εκατ|мил|þús|mii)")
# Figures known only roughly, as people write them in the survey's languages: the word before ('ca. 5000', 'about
# 3,500', 'ok. 2 tys.', 'noin 40 %') or after ('5000 approx.', '12 500 (estimated)'). The figure is read, with a
# warning. Bounds ('over 5000', '< 5 %', '5 000+') and ranges ('20-30 %') name no one figure and stay errors.
_ROUGHLY = (
    "ca", "cca", "circa", "cirka", "zirka", "approx", "approximately", "about", "around", "roughly", "some", "est",
    "estimated", "estimate", "etwa", "ungefähr", "rund", "rd", "geschätzt", "schätzung", "env", "environ", "estimé",
    "estimation", "ongeveer", "ong", "zo'n", "geschat", "schatting", "aprox", "aproximadamente", "alrededor de",
    "cerca de", "unos", "unas", "estimado", "estimación", "all'incirca", "intorno a", "stima", "stimato",
    "por volta de", "estimativa", "ok", "około", "szac", "szacunkowo", "przybliżone", "přibližně", "asi", "zhruba",
    "okolo", "kolem", "odhad", "odhadem", "približne", "pribl", "približno", "okoli", "oko", "otprilike", "procjena",
    "kb", "körülbelül", "mintegy", "kábé", "becslés", "becsült", "aproximativ", "în jur de", "estimat", "около",
    "приблизително", "ок", "περίπου", "περ", "omkring", "ungefär", "runt", "rundt", "ung", "uppskattat", "skønnet",
    "anslått", "noin", "arviolta", "suunnilleen", "arvio", "umbes", "ligikaudu", "hinnanguliselt", "apm", "apmēram",
    "aptuveni", "apie", "apytiksliai", "apyt", "maždaug", "madwar", "ċirka", "timpeall", "thart ar", "um", "u.þ.b",
    "ongeféier", "ap", "bejn wieħed u ieħor", "c.a", "c", "n", "u")
_ROUGH_WORDS = "|".join(sorted(map(re.escape, _ROUGHLY), key=len, reverse=True))
# One-letter words ('c. 40,000', Finnish 'n. 5000', Estonian 'u. 300') only with their full stop.
_ROUGH_BEFORE = re.compile(rf"^(?:[~≈∼±]|\+/?-|(?:{_ROUGH_WORDS})(?:\.|(?<=\w\w)(?=\s)))\s*", re.IGNORECASE)
# ... and, after it, the year the figure is of: '120.000 (2023)', '8.000 (dato 2023)', '5 000 (Stand 2024)', or the
# mark of a footnote ('250,000*': an estimate, says the note under the table).
_ROUGH_AFTER = re.compile(rf"\s*(?:\(\s*(?:(?:{_ROUGH_WORDS})\.?|(?:[^\W\d_]+\.?:?\s+)?(?:19|20)\d\d)\s*\)"
                          rf"|(?<=[\d\s.%€])(?:{_ROUGH_WORDS})(?:\.|(?<=\w\w))|[{re.escape(schema.FOOTNOTE_MARKS)}]+)$",
                          re.IGNORECASE)
# Full-time equivalents as staff write the unit after a figure ('3,5 VZÄ', '6 ETI', '2,5 årsværk', '3 htv'): the only
# words read after the figure of an FTE question, where '3 Personen' or '15 volunteers' count people instead.
_FTE_WORDS = frozenset({
    "fte", "ftes", "vzä", "vzae", "vollzeitäquivalente", "vollzeitäquivalent", "vollzeitstellen", "etp", "eqtp", "vte",
    "voltijdequivalent", "voltijdequivalenten", "etc", "ejc", "eti", "ula", "etat", "etaty", "etatów", "etatu",
    "úvazek", "úvazky", "úvazků", "úväzok", "úväzky", "úväzkov", "årsværk", "årsverk", "åa", "åak", "htv",
    "henkilötyövuotta", "henkilötyövuosi", "etatai", "etato", "slodze", "slodzes", "ιπα", "norme", "normă",
    "úv", "úvazku", "tjänst", "tjänster", "årsarbetskraft", "årsarbetskrafter", "norme întregi", "normă întreagă"})
_UNIT_WORDS = re.compile(r"(?<=[\d.])\s*((?:[^\W\d_][\w.'’-]*\s*){1,3})$")
_PERCENT_WORDS = re.compile(
    r"%|(?<!\w)(pct|percent|pour ?cent|prozent|procent|procento|procenta|proc|por ciento|por cento|per cento|"
    r"százalék|prosenttia|prosentti|prosent|protsenti|procentų|procenti|posto|odstotkov|la sută|τοις εκατό|v\.?\s?h|"
    r"per cent|на сто|faoin gcéad|faoi chéad)"
    r"(?!\w)\.?")
_FILLER = re.compile(r"(?<!\w)de(?=\s*([^\W\d_]|$))")   # '1,2 millones de euros', Romanian '120 de mii' ('2 de 5': no)
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009']+")
_DIGITS = re.compile(r"^\d+([.,]\d+)*$|^[.,]\d+$")



def parse_number(text: str, *, percent: bool = False) -> float | None:
    """Parse a typed number; None when it is not one. Percent columns read a lone ',' or '.' as decimal."""
    s = text.strip().lower()
    negative = s.startswith("(") and s.endswith(")")
    s = s.strip("()")
    s = _CURRENCY.sub(" ", _THOUSAND_EUR.sub(" k ", s))
    s = _FILLER.sub(" ", _NO_CENTS.sub("", s.strip()))
    s = _PERCENT_WORDS.sub(" ", s) if percent else s
    s = s.strip()
    multiplier = 1.0
    if not percent and (m := _SUFFIX.search(s)):
        multiplier = 1e6 if m.group(0) == "mil." else _MULTIPLIERS[m.group(1)]
        s = s[: m.start()]
    s = s.strip()
    if s.startswith(("-", "−", "–")):
        negative, s = True, s[1:]
    elif s.startswith("+"):
        s = s[1:]
    s = _SPACES.sub("", s)
    if not s or not _DIGITS.match(s):
        return None
    commas, dots = s.count(","), s.count(".")
    if commas and dots:                          # the last separator is the decimal one
        decimal = "," if s.rfind(",") > s.rfind(".") else "."
        s = s.replace("." if decimal == "," else ",", "").replace(decimal, ".")
    elif commas or dots:
        sep = "," if commas else "."
        head, _, tail = s.rpartition(sep)
        # '1.234' is one thousand two hundred and thirty-four; '0.125' cannot be (no group starts with 0)
        thousands = (commas + dots > 1) or (not percent and multiplier == 1.0 and len(tail) == 3 and head != "0")
        s = s.replace(sep, "") if thousands else head.replace(sep, "") + "." + tail
    value = float(s) * multiplier
    return -value if negative else value


# An answer on a rating scale as survey tools export it and staff type it: the level with its label ('4 - Good',
# '4 (gut)', '3 = ausreichend'), out of the scale's top ('3/5', '4 von 5', '3 sur 5'), or after the word for level
# ('Level 3', 'Stufe 2', 'poziom 4'). A top other than the scale's ('3/4' on 1-5) or two levels ('3-4') are no answer.
_LEVEL_WORDS = ("level", "niveau", "stufe", "poziom", "úroveň", "uroven", "nivel", "livello", "nivå", "taso", "szint",
                "nivo", "raven", "razina", "ниво", "επίπεδο", "lygis", "līmenis", "tase", "leibhéal", "stig", "livell")
_OUT_OF = ("/", "von", "of", "out of", "sur", "su", "de", "z", "ze", "af", "av", "από", "от", "iš", "no", "van")
_SCALE = re.compile(rf"^(?:(?:{'|'.join(_LEVEL_WORDS)})\.?\s*)?(\d{{1,2}})"
                    rf"(?:\s*(?:{'|'.join(map(re.escape, _OUT_OF))})\s*(\d{{1,2}}))?"
                    rf"(?:\s*[-–—=:(.,]\s*(\D*?)\)?)?$", re.IGNORECASE)


def _scale_answer(text: str, f: Field) -> tuple[float, list[str]] | None:
    m = _SCALE.match(text)
    if not m or m.group(2) and float(m.group(2)) != f.maximum:
        return None
    left_out = [w for w in (text[:m.start(1)].strip(), text[m.end(1):].strip()) if w]
    return (float(m.group(1)), left_out) if left_out else None


def figure_among_words(text: str, f: Field) -> tuple[float, list[str]] | None:
    """The one figure in a cell that also holds words: a figure given roughly ('ca. 5000', '12 500 (estimated)') and
    a unit after it, any for whole counts ('10000 objects', '12 000 visitors'), full-time equivalents for the FTE
    questions ('3,5 VZÄ'); on a rating scale, the level with its label ('4 - Good'). None when what is left is no
    number, or when the words could make it another figure: a bound, a range, an unknown multiplier ('5 milionu'), a
    note ('1 (half-time)'), or people where full-time equivalents are asked ('3 Personen', '15 volunteers')."""
    rest, left_out = " ".join(text.split()), []
    if f.kind == schema.INT and f.maximum is not None and f.maximum <= 10:
        return _scale_answer(rest, f)
    if (m := _ROUGH_BEFORE.match(rest)) and m.end() < len(rest):
        left_out.append(rest[:m.end()].strip())
        rest = rest[m.end():]
    if (m := _ROUGH_AFTER.search(rest)) and m.start() > 0:
        left_out.append(rest[m.start():].strip())
        rest = rest[:m.start()]
    if m := _UNIT_WORDS.search(rest):
        words = m.group(1).split()
        start = m.start(1)
        if words[0].lower().rstrip(".") in _MULTIPLIERS:      # '12 tys. muzealiów', 'c.40k objects': the figure's
            start = rest.index(words[1], start + len(words[0])) if len(words) > 1 else len(rest)     # own word
            words = words[1:]
        unit = " ".join(words)
        fits = f.kind == schema.INT or f.kind == schema.DECIMAL and unit.lower().rstrip(".") in _FTE_WORDS
        if unit and fits and not any(_MULTIPLIER_LIKE.match(w.lower()) for w in words):
            left_out.append(unit)
            rest = rest[:start]
    number = parse_number(rest, percent=f.kind == schema.PERCENT) if left_out else None
    return None if number is None else (number, left_out)
