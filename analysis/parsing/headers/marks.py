"""What a heading says besides its words: how to answer ("(1 = poor … 5 = excellent)", "(oui/non)"), the answers it
lists ("(none / exploring / pilot)"), notes in brackets on what a figure leaves out ("(ohne Dauerleihgaben)"),
words cut short by a full stop ("Nec. form."), and "what ... for" questions. Plain text work, no lexicon: the
reading of the words themselves is analysis.parsing.headers.concepts.
"""

from __future__ import annotations

import re
from itertools import groupby

# Yes/no answers in the survey languages: a legend such as "(yes/no)" or "(oui / non)" says how to answer.
_ANSWER_WORDS = frozenset({"yes", "no", "y", "n", "oui", "non", "ja", "nein", "nee", "si", "sí", "sì", "sim", "não",
                           "tak", "nie", "ano", "ne", "nej", "kyllä", "ei", "igen", "nem", "da", "не", "да", "ναι",
                           "όχι", "jah", "taip", "jā", "nē", "iva", "le", "tá", "níl", "x", "1", "0", "true", "false"})
LEGEND = re.compile(r"[(\[]([^()\[\]]*)[)\]]")
# What separates the items of a list of answers or examples: "(written / unwritten / none)", "(LIDO, EDM…)".
_UNIT = re.compile(r"%|€|\b(?:eur|euros?|fte)\b", re.IGNORECASE)     # a bracket with a unit is kept
_LIST = re.compile(r"[/,;|…]|\.\.\.|\b(?:or|ou|oder|o|lub|albo|eller|nebo|alebo|vagy|ali|sau|ή|или)\b|\s-\s"
                   r"|(?<=\b\w{2})\s+of\s+(?=\w{2}\b)",           # Dutch "(2D of 3D)", not "(number of items)"
                   re.IGNORECASE)
_WHAT_FOR = re.compile(r"^\s*(?:\w+\W+)?(?:what|which|hva|hvad|hvilke|vad|vilka|waar)\b.*"
                       r"\b(?:for|til|till|voor)\s*\W*$", re.IGNORECASE)
# Words that open a note on what a figure leaves out: "(excluding loans)", "(ohne Dauerleihgaben)", "(hors dépôts)"
# ("(no need to digitise)" and "(nº de personas)" are no such note).
_EXCLUDING = frozenset({
    "without", "ohne", "sans", "sin", "senza", "sem", "zonder", "utan", "uden", "uten", "bez", "ilman", "nelkul",
    "fara", "χωρισ", "без", "exclude", "excluding", "excluded", "except", "excl", "ausgenommen", "ausser", "exkl",
    "exklusive", "hors", "sauf", "excluant", "exclus", "escluso", "esclusi", "escluse", "esclusa", "eccetto", "tranne",
    "excepto", "excluyendo", "excluidos", "excluidas", "salvo", "excluindo", "exceto", "exclusief", "uitgezonderd",
    "behalve", "utom", "utesluter", "oprocz", "wylaczajac", "wylaczeniem", "krome", "vyjma", "mimo", "ekskl",
    "eksklusive", "ekskluderet", "undtagen", "unntatt", "lukuun", "kiveve", "osim", "izuzev", "razen", "brez",
    "okrem", "exceptia", "εκτοσ", "освен", "isskyrus", "iznemot", "ħlief", "seachas", "gan", "valja", "nema"})


def _how_to_answer(inner: str) -> bool:
    """Whether a bracket gives a scale "(1 = poor, 5 = good)" or yes/no "(oui/non)"."""
    answers = [w for w in re.split(r"[\s/,;|]+", inner.lower()) if w]
    return "=" in inner or bool(answers) and all(w in _ANSWER_WORDS for w in answers)


def without_legends(text: str) -> str:
    """A heading without what it says about answering: a scale "(1 = very poor, 5 = excellent)", yes/no
    "(oui/non)", or a list of answers or examples "(none / exploring / pilot)", "(CC0, PDM, CC BY)". A
    bracket with a unit or a single qualifier ("(EUR)", "(% of online)") is kept."""
    def legend(m: re.Match) -> str:
        inner = m.group(1)
        listed = len([p for p in _LIST.split(inner) if p and p.strip()]) >= 2 and not _UNIT.search(inner)
        return " " if listed or _how_to_answer(inner) else m.group(0)
    return LEGEND.sub(legend, text)


def listed_answers(text: str) -> list[str]:
    """The answers a heading lists in brackets, "(sztuka, historia, archeologia…)": a list of two or more items
    with no unit; a scale "(1 = poor, 5 = good)" or "(yes/no)" lists none."""
    items = []
    for inner in LEGEND.findall(text):
        parts = [p.strip(" .…") for p in _LIST.split(inner) if p and p.strip(" .…")]
        if len(parts) >= 2 and not _UNIT.search(inner) and not _how_to_answer(inner):
            items += parts
    return items


def asks_what_for(text: str) -> bool:
    """"What do you use AI for?", "Hva bruker dere KI til?": a question for purposes."""
    return bool(_WHAT_FOR.match(LEGEND.sub(" ", text)))


def word_marks(text: str, written: list[str]) -> tuple[list[bool], list[bool]]:
    """For each word of the heading (legends already dropped): whether it stands inside brackets, and whether a
    full stop follows it, as after an abbreviation ("Nec. form.")."""
    bracketed, cut_short, depth, at = [], [], 0, 0
    for w in written:
        found = text.find(w, at)
        for ch in text[at:found]:
            depth += ch in "([" and 1 or (-1 if ch in ")]" else 0)
        bracketed.append(depth > 0)
        at = found + len(w)
        cut_short.append(text[at:at + 1] == ".")
    return bracketed, cut_short


def left_out(folded: list[str], bracketed: list[bool]) -> list[bool]:
    """For each word: whether it stands in brackets that say what the figure leaves out ("(bez depozytów)",
    "(Please exclude long-term loans from other institutions.)"): what is excluded names no field and rules
    none out."""
    flags = [False] * len(folded)
    for inside, run in groupby(range(len(folded)), key=bracketed.__getitem__):
        run = list(run)
        if inside and _EXCLUDING & {folded[k] for k in run[:2]}:
            for k in run:
                flags[k] = True
    return flags
