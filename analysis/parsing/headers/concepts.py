"""Read a column heading as the domain concepts it names, in any of the lexicon's languages.

A heading is folded (case, accents), cut into words, and each word or run of words is looked up in the
lexicon (lexicon/<language>.txt): whole words, Snowball stems (PyStemmer) so that inflected forms match,
hand-written stems ("catalog*"), acronyms in capitals ("=KI"), compound words split into known parts
("urheberrechtsklarung" = urheberrecht + klarung), and one-letter typos of long words. The heading's
language is the one whose words explain most of it; a word is read in that language first, so a false
friend from another language ("no" is "in the" in Portuguese) does not change the meaning.

What is left over is either a function word (a stop word of some language) or an unknown word; unknown
words lower the confidence of a match, they never add meaning.
"""

from __future__ import annotations

import hashlib
import re
import sys
import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib.metadata import version
from pathlib import Path
from typing import NamedTuple

import Stemmer
import stopwordsiso
from rapidfuzz import process
from rapidfuzz.distance import OSA

from analysis.parsing.headers.marks import asks_what_for, left_out, without_legends, word_marks
from analysis.parsing.kept import CACHE_DIR, kept
from analysis.schema import FOOTNOTE_MARKS

LEXICON = Path(__file__).with_name("lexicon")
# Snowball stemmers for the lexicon's languages (Croatian is close enough to Serbian's Latin script).
STEMMERS = {"en": "english", "fr": "french", "de": "german", "it": "italian", "es": "spanish", "nl": "dutch",
            "pl": "polish", "pt": "portuguese", "sv": "swedish", "cs": "czech", "da": "danish", "no": "norwegian",
            "fi": "finnish", "et": "estonian", "hu": "hungarian", "lt": "lithuanian", "ro": "romanian",
            "el": "greek", "ga": "irish", "hr": "serbian"}
MIN_STEM = 4               # shorter stems only match whole words
COMPOUND_MIN_PART = 4       # shorter pieces (art, nam, rat) are found inside too many words
COMPOUND_ENRICH = 10        # a known word this long may still say more through its parts
LINKS = ("", "s", "e", "n", "en", "es", "er", "o", "i")      # Fugen-s and friends between compound parts
TYPO_MIN_LENGTH = 6         # shorter words are too often real words of their own (image, anual)
TYPO_ENDING = 5             # letters after a misspelt stem: an ending ('-itelja'), not another word
TYPO_EDITS = 1              # letters wrong, missing, extra or swapped
ABBREVIATION_MIN = 3        # letters an abbreviation keeps at least ("Nec.", not "N.")
STEM_REST = 7               # letters a hand-written stem may leave after it: more is another word, not an ending
STOPWORD_MAX_LENGTH = 5    # longer "stop words" in some lists are content words (information, problems)

_SPECIAL = str.maketrans({"ß": "ss", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "æ": "ae", "Æ": "ae", "œ": "oe",
                          "Œ": "oe", "đ": "d", "Đ": "d", "ð": "d", "þ": "th", "Þ": "th", "ı": "i", "ς": "σ",
                          "€": " eur ", "’": "'", "‘": "'"})
_WORD = re.compile(r"%|€|[^\W_]+")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


_MARKS = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")   # combining


@lru_cache(maxsize=262144)
def fold(text: str) -> str:
    """Lower case without accents, keeping every script's letters: 'Numérisée' -> 'numerisee', 'Ψηφιοποίηση'
    -> 'ψηφιοποιηση'."""
    if text.isascii():
        return text.lower()
    text = _MARKS.sub("", unicodedata.normalize("NFKD", text.translate(_SPECIAL)))
    return text.lower().translate(_SPECIAL)


_FOOTNOTE = re.compile(f"[{re.escape(FOOTNOTE_MARKS)}]+")


@lru_cache(maxsize=65536)
def words(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(folded words, the same words as written); a one-word CamelCase heading is split: 'StartDate' ->
    start, date (but 'DigComp level' stays whole). Footnote marks are no part of a word."""
    text = _FOOTNOTE.sub(" ", text.replace("€", " € "))
    if " " not in text.strip():
        text = _CAMEL.sub(" ", text)
    written = tuple(_WORD.findall(unicodedata.normalize("NFC", text)))
    return tuple(fold(w).strip() for w in written), written


class Term(NamedTuple):
    """One lexicon entry (a tuple: the lexicon builds some 60,000 of them in every process that reads headings)."""
    concept: str
    lang: str
    words: tuple[tuple[str, str], ...]        # (text, how): how is word | stem | prefix | acronym
    written: str


@dataclass(frozen=True)
class Unit:
    """A run of heading words read as one term: the concepts it may mean (an ambiguous term has several)."""
    concepts: frozenset[str]
    text: str                 # the words as written
    how: str                  # word | stem | prefix | compound | typo | abbreviation | acronym
    inner: frozenset[str] = frozenset()   # concepts of single words inside a phrase


@dataclass(frozen=True)
class Reading:
    units: tuple[Unit, ...]
    unknown: tuple[str, ...]  # words no language explains
    function_words: int       # stop words, numbers, question scaffolding

    @cached_property
    def concepts(self) -> frozenset[str]:
        return frozenset(c for u in self.units for c in u.concepts | u.inner)

    def explain(self, concepts: set[str]) -> str:
        """The words behind these concepts, in heading order: 'numérisée + 3D + %'."""
        return " + ".join(dict.fromkeys(u.text for u in self.units if (u.concepts | u.inner) & concepts))


def _parse_term(raw: str, concept: str, lang: str, stemmer) -> Term | None:
    raw = raw.strip()
    if not raw:
        return None
    if raw.startswith("="):
        return Term(concept, lang, ((raw[1:].strip(), "acronym"),), raw[1:].strip())
    prefix = raw.endswith("*")
    folded, written = words(raw.rstrip("*"))
    if not folded or len(folded) == 1 and len(folded[0]) == 1 and folded[0].isalpha():
        return None                   # a lone letter ("e-", "r.") is a word of its own in other languages
    parts = []
    for i, (f, w) in enumerate(zip(folded, written)):
        last = i == len(folded) - 1
        if last and prefix:
            parts.append((f, "prefix" if len(f) >= MIN_STEM else "word"))
            continue
        stem = fold(stemmer.stemWord(w.lower())) if stemmer and w != "%" else f
        # A short stem that cut much off ("willing" -> "will") would catch other words: whole word only.
        usable = len(stem) >= MIN_STEM and (len(stem) > MIN_STEM or len(f) - len(stem) <= 1)
        parts.append((stem, "stem") if usable else (f, "word"))
    return Term(concept, lang, tuple(parts), raw.rstrip("*"))


@dataclass
class Lexicon:
    exact: dict[str, list[Term]]          # first word as written in the lexicon
    prefixes: dict[str, list[Term]]       # first word's stem (stem or prefix terms)
    acronyms: dict[str, list[Term]]
    stopwords: dict[str, frozenset[str]]  # word -> languages
    vocabulary: dict[tuple[str, int], list[tuple[str, str]]]   # (first letter, length) -> (word, language)
    stems: dict[str, list[tuple[str, str]]]                     # first letter -> (hand-written stem, language)
    languages: tuple[str, ...]
    letters: dict[str, frozenset[str]]    # language -> the accented and non-Latin letters its words are written with


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The lexicon, from the user's cache when it was built there from these same files, code and libraries:
    building it takes about 2 s, and every command-line load reads headings in a new process."""
    return kept(CACHE_DIR / f"lexicon-{_lexicon_key()}.pickle", _build_lexicon)


def _lexicon_key() -> str:
    """What the built lexicon depends on: the lexicon files, this module's code, the stemmer and stop-word
    libraries and Python's version."""
    digest = hashlib.sha256(Path(__file__).read_bytes())
    for path in sorted(LEXICON.glob("*.txt")):
        digest.update(path.name.encode() + path.read_bytes())
    digest.update(" ".join((sys.version, version("pystemmer"), version("stopwordsiso"))).encode())
    return digest.hexdigest()[:16]


def _build_lexicon() -> Lexicon:
    exact: dict[str, list[Term]] = {}
    prefixes: dict[str, list[Term]] = {}
    acronyms: dict[str, list[Term]] = {}
    stop: dict[str, set[str]] = {}
    vocab: dict[tuple[str, int], set[str]] = {}
    stems: dict[str, set[tuple[str, str]]] = {}
    langs = []
    letters: dict[str, frozenset[str]] = {}
    for path in sorted(LEXICON.glob("*.txt")):
        lang = path.stem
        langs.append(lang)
        stemmer = _stemmer(lang)
        text = path.read_text(encoding="utf-8")
        stop_words = stopwordsiso.stopwords(lang) if stopwordsiso.has_lang(lang) else set()
        letters[lang] = _foreign_letters(text + " ".join(stop_words))
        for line in text.splitlines():
            line = line.strip()
            if not line or line.startswith("#") or ":" not in line:
                continue
            concept, _, terms = line.partition(":")
            for raw in terms.split(","):
                term = _parse_term(raw, concept.strip(), lang, stemmer)
                if term is None:
                    continue
                first, how = term.words[0]
                table = {"acronym": acronyms, "word": exact}.get(how, prefixes)
                table.setdefault(first, []).append(term)
                if how == "stem":                       # the word as written matches too
                    exact.setdefault(words(raw.rstrip("*"))[0][0], []).append(term)
                if len(term.words) == 1 and how in ("word", "stem", "prefix"):
                    for w in words(raw)[0]:
                        if len(w) >= TYPO_MIN_LENGTH - 1:
                            vocab.setdefault((w[0], len(w)), set()).add((w, lang))
                if len(term.words) == 1 and how == "prefix" and len(first) >= TYPO_MIN_LENGTH:
                    stems.setdefault(first[0], set()).add((first, lang))
        for w in stop_words:
            for f in words(w)[0]:
                if len(f) <= STOPWORD_MAX_LENGTH:
                    stop.setdefault(f, set()).add(lang)
    return Lexicon(exact, prefixes, acronyms, {w: frozenset(v) for w, v in stop.items()},
                   {k: sorted(v) for k, v in vocab.items()}, {k: sorted(v) for k, v in stems.items()},
                   tuple(langs), letters)


def _foreign_letters(text: str) -> frozenset[str]:
    """The letters of `text` beyond plain a-z, in lower case: what tells a written word's language apart."""
    return frozenset(ch for ch in unicodedata.normalize("NFC", text.lower()) if ch.isalpha() and not ch.isascii())


@lru_cache(maxsize=None)
def _stemmer(lang: str):
    return Stemmer.Stemmer(STEMMERS[lang]) if lang in STEMMERS else None


@lru_cache(maxsize=131072)
def _stem(lang: str, word: str) -> str:
    """The word's Snowball stem in that language, folded (the word itself where there is no stemmer)."""
    stemmer = _stemmer(lang)
    return fold(stemmer.stemWord(word)) if stemmer else fold(word)


@lru_cache(maxsize=65536)
def _word_terms(word: str, written: str) -> tuple[tuple[Term, str], ...]:
    """Terms whose first word matches this heading word (folded, and as written in lower case), and how: the
    same word, the same Snowball stem in the term's language, or a hand-written stem it starts with."""
    lex = lexicon()
    found = [(t, "word") for t in lex.exact.get(word, ())]
    for n in range(len(word), MIN_STEM - 1, -1):
        for t in lex.prefixes.get(word[:n], ()):
            if t.words[0][1] == "prefix":
                found.append((t, "prefix"))
            elif _stem(t.lang, written) == t.words[0][0]:
                found.append((t, "stem"))
    # A word written with a letter its language never uses is not that language's word, whatever it folds to:
    # Hungarian 'sorszám' (row number) is no Maltese 'sors' (source). Words typed without accents pass.
    accented = _foreign_letters(written)
    return tuple((t, how) for t, how in found if accented <= lex.letters[t.lang]) if accented else tuple(found)


def _matches(term: Term, pattern: tuple[str, str], word: str, written: str) -> bool:
    text, how = pattern
    if how == "prefix":
        return word.startswith(text)
    return word == text or how == "stem" and _stem(term.lang, written) == text


_RANK = {"acronym": 3, "word": 3, "prefix": 2, "stem": 1}


class _Hit(NamedTuple):              # a tuple: a heading's words make tens of thousands of them
    start: int
    end: int
    term: Term
    how: str


@lru_cache(maxsize=65536)
def _by_first_word(word: str, written: str) -> tuple[tuple, dict, dict, tuple]:
    """The terms this word can start, split for speed: one-word terms; phrases by their second word as
    written, by the (language, Snowball stem) of their second word; and phrases whose second word is a
    hand-written stem."""
    single, exact, stemmed, prefixed = [], {}, {}, []
    for term, how in _word_terms(word, written):
        if len(term.words) == 1:
            single.append((term, how))
            continue
        text, second = term.words[1]
        if second == "prefix":
            prefixed.append((term, how))
            continue
        exact.setdefault(text, []).append((term, how))
        if second == "stem":
            stemmed.setdefault((term.lang, text), []).append((term, how))
    return tuple(single), exact, stemmed, tuple(prefixed)


def _hits_at(i: int, folded: list[str], written: list[str]) -> list[_Hit]:
    lex = lexicon()
    hits = []
    if written[i].isupper() and len(written[i]) >= 2:
        hits += [_Hit(i, i + 1, t, "acronym") for t in lex.acronyms.get(written[i], ())]
    single, exact, stemmed, prefixed = _by_first_word(folded[i], written[i].lower())
    hits += [_Hit(i, i + 1, term, how) for term, how in single]
    if i + 1 < len(folded):
        following = written[i + 1].lower()
        phrases = {id(t): (t, how) for t, how in exact.get(folded[i + 1], ())}
        for lang in {lang for lang, _ in stemmed}:
            phrases.update((id(t), (t, how)) for t, how in stemmed.get((lang, _stem(lang, following)), ()))
        phrases.update((id(t), (t, how)) for t, how in prefixed if folded[i + 1].startswith(t.words[1][0]))
        for term, how in phrases.values():
            n = len(term.words)
            if i + n <= len(folded) and all(_matches(term, p, folded[i + k], written[i + k].lower())
                                            for k, p in enumerate(term.words[2:], 2)):
                hits.append(_Hit(i, i + n, term, how))
    return hits


def _compound(word: str, langs: frozenset[str]) -> tuple[tuple[str, frozenset[str]], ...] | None:
    """_cut in the heading's languages; for a heading of one word (no language known yet), the cut that one
    language explains best."""
    if langs:
        return _cut(word, langs)
    cuts = [(cut, lang) for lang in lexicon().languages if (cut := _cut(word, frozenset({lang})))]
    return min(cuts, key=lambda c: (len(c[0]), not _all_native(c[0], {c[1]})))[0] if cuts else None


def _all_native(cut, langs: frozenset[str]) -> bool:
    """Every part of a compound cut is a word of one of these languages."""
    return all(any(t.lang in langs for t, _ in _word_terms(piece, piece)) for piece, _ in cut)


@lru_cache(maxsize=65536)
def _cut(word: str, langs: frozenset[str]) -> tuple[tuple[str, frozenset[str]], ...] | None:
    """A compound word cut into known parts, each with the concepts it means: the cut with the fewest parts
    that covers the whole word, joining letters (Fugen-s) allowed between parts, parts in the heading's own
    languages preferred ("Daten" + "spezialisten", not English "date" + ...); None if there is none."""
    if len(word) < 2 * COMPOUND_MIN_PART + 1:
        return None
    best: dict[int, tuple[int, int, tuple]] = {0: (0, 0, ())}        # position -> (parts, -native, cut)
    for start in range(len(word)):
        if start not in best:
            continue
        parts, foreign, cut = best[start]
        for end in range(start + COMPOUND_MIN_PART, len(word) + 1 - (start == 0)):     # never the whole word
            piece = word[start:end]
            terms = {(t.concept, t.lang) for t, _ in _word_terms(piece, piece) if len(t.words) == 1}
            if not terms:
                continue
            native = {c for c, lang in terms if lang in langs}
            meaning = frozenset(native or {c for c, _ in terms})
            for link in LINKS:
                stop = end + len(link)
                if word.startswith(link, end) and stop <= len(word):
                    option = (parts + 1, foreign + (not native), cut + ((piece, meaning),))
                    if stop not in best or option[:2] < best[stop][:2]:
                        best[stop] = option
    whole = best.get(len(word))
    return whole[2] if whole and whole[0] > 1 else None


@lru_cache(maxsize=65536)
def _typo(word: str, langs: frozenset[str]) -> str | None:
    """The lexicon word this one is a likely misspelling of: one letter wrong, missing, extra or two letters
    swapped ("musuem", "traning"), only words of the heading's own languages (French "compte" is no
    misspelling of English "compute"). None when no word or two words are that close."""
    if len(word) < TYPO_MIN_LENGTH or not word.isalpha():
        return None
    vocab = lexicon().vocabulary
    pool = sorted({w for n in range(len(word) - TYPO_EDITS, len(word) + TYPO_EDITS + 1)
                   for w, lang in vocab.get((word[0], n), ()) if lang in langs or not langs})
    found = process.extract(word, pool, scorer=OSA.distance, score_cutoff=TYPO_EDITS, limit=2)
    if found:
        return found[0][0] if len(found) == 1 or found[0][1] < found[1][1] else None
    # An inflected word misspelt within its stem ('vapaaehtiosten' for vapaaehtoi*, 'muzuem' for muzeum*): one edit
    # within the stem's length, the rest of the word an ending (Finnish 'haastattelija', interviewer, is no
    # misspelt 'haaste*').
    close = {stem for stem, lang in lexicon().stems.get(word[0], ())
             if (lang in langs or not langs) and len(stem) <= len(word) <= len(stem) + TYPO_ENDING
             and not word.startswith(stem)
             and any(OSA.distance(word[:n], stem) <= TYPO_EDITS for n in (len(stem) - 1, len(stem), len(stem) + 1))}
    if close:
        return close.pop() if len(close) == 1 else None
    # Or misspelt within its Snowball stem: 'nubmers' is 'numbers' (stem 'number') with two letters swapped.
    stems = {lang: stem for lang in (langs or STEMMERS) if lang in STEMMERS
             and len(stem := _stem(lang, word)) >= TYPO_MIN_LENGTH}
    close = {w for n in range(len(word) - TYPO_ENDING, len(word) + TYPO_EDITS + 1)
             for w, lang in vocab.get((word[0], n), ())
             if lang in stems and OSA.distance(stems[lang], _stem(lang, w)) <= TYPO_EDITS}
    return close.pop() if len(close) == 1 else None


@lru_cache(maxsize=1)
def _words_by_start() -> dict[str, tuple[tuple[str, str, str], ...]]:
    """(word, language, concept) of every word of the lexicon's one-word terms, by their first ABBREVIATION_MIN
    letters: what an abbreviation may stand for."""
    out: dict[str, set[tuple[str, str, str]]] = {}
    for table in (lexicon().exact, lexicon().prefixes):
        for terms in table.values():
            for t in terms:
                if len(t.words) == 1 and t.words[0][1] != "acronym":
                    word = words(t.written)[0][0] if t.words[0][1] == "stem" else t.words[0][0]
                    out.setdefault(word[:ABBREVIATION_MIN], set()).add((word, t.lang, t.concept))
    return {k: tuple(v) for k, v in out.items()}


def _abbreviation(word: str, langs: frozenset[str]) -> frozenset[str]:
    """What an abbreviated word may mean: the concepts of the words of the heading's languages it is the start of
    ('nec' of necesidad, need; 'fabb' of fabbisogno), when they are at most two; else nothing."""
    if len(word) < ABBREVIATION_MIN or not word.isalpha():
        return frozenset()
    meant = {concept for w, lang, concept in _words_by_start().get(word[:ABBREVIATION_MIN], ())
             if len(w) > len(word) and w.startswith(word) and (lang in langs or not langs)} - {"scaffold"}
    return frozenset(meant) if len(meant) <= 2 else frozenset()


def _partial(hit: _Hit, word: str) -> bool:
    """Whether a hit reads its word only through a stem covering at most half of it."""
    return hit.how == "prefix" and 2 * len(hit.term.words[0][0]) <= len(word)


def _misspelt_beyond(hits: list[_Hit], folded: list[str]) -> list[_Hit]:
    """The hits without those that read a word only through stems covering at most half of it when the word is
    rather a misspelling of a longer stem of any language: 'problémamegodás' is Hungarian problémamegold* (problem
    solving) misspelt, not Czech problém* (obstacle) with a long unknown rest."""
    read_whole = {h.start for h in hits if not _partial(h, folded[h.start])}  # also read whole, or mostly

    def misspelt(h: _Hit) -> bool:
        if h.end != h.start + 1 or h.start in read_whole:
            return False
        fixed = _typo(folded[h.start], frozenset())
        return fixed is not None and len(fixed) > len(h.term.words[0][0])

    return [h for h in hits if not misspelt(h)]


@lru_cache(maxsize=16384)
def read(text: str) -> Reading:
    """The concepts a heading names."""
    plain = without_legends(text)
    folded, written = words(plain)
    bracketed, shortened = word_marks(plain, written)
    excluded = left_out(folded, bracketed)
    lex = lexicon()
    hits = [h for i in range(len(folded)) for h in _hits_at(i, folded, written)]
    if any(excluded):
        hits = [h for h in hits if not any(excluded[h.start:h.end])]
    hits = _misspelt_beyond(hits, folded)
    starting: dict[int, list[_Hit]] = {}
    for h in hits:
        starting.setdefault(h.start, []).append(h)
    # The heading's language: the one whose terms and stop words account for most of its words.
    # A hand-written stem ("digitális*") is weaker evidence of a language than a word or a Snowball stem.
    cover: dict[str, dict[int, float]] = {}
    for h in hits:
        if shortened[h.start] and h.end == h.start + 1 and not h.term.written.endswith("."):
            continue                # a word cut short tells no language by a whole word: 'Red. br.' is not Spanish
        seen, weight = cover.setdefault(h.term.lang, {}), 0.5 if h.how == "prefix" else 1
        for k in range(h.start, h.end):
            seen[k] = max(seen.get(k, 0), weight)
    for i, w in enumerate(folded):
        for lang in () if shortened[i] else lex.stopwords.get(w, ()):    # 'Fj.' (fjöldi) tells no English 'fj'
            cover.setdefault(lang, {})[i] = 1
    score = {lang: sum(v.values()) for lang, v in cover.items()}
    top = max(score.values(), default=0)
    langs = frozenset(lang for lang, v in score.items() if v == top) if top else frozenset()

    def usable(i: int) -> list[_Hit]:
        """Hits at word i read in the heading's language; others only for longer words and acronyms."""
        here = starting.get(i, ())
        native = [h for h in here if h.term.lang in langs]
        if native or folded[i] in lex.stopwords and lex.stopwords[folded[i]] & langs:
            return native
        if (parts := _compound(folded[i], langs)) and _all_native(parts, langs):
            return []                   # a compound of the heading's own language beats a foreign stem
        return [h for h in here if len(folded[i]) >= 4 or h.how == "acronym"]

    # Each word starts at most one term: choose the terms that cover the most words (then the fewest terms).
    options = {i: usable(i) for i in range(len(folded))}
    best: dict[int, tuple[int, int, int]] = {len(folded): (0, 0, len(folded))}     # i -> (covered, -terms, end)
    for i in range(len(folded) - 1, -1, -1):
        tries = [(best[i + 1][0], best[i + 1][1], i + 1)]
        for end in {h.end for h in options[i]}:
            tries.append((best[end][0] + end - i, best[end][1] - 1, end))
        best[i] = max(tries)
    units: list[Unit] = []
    unknown: list[str] = []
    function_words = 0
    i = 0
    while i < len(folded):
        end = best[i][2]
        spanning = [h for h in options[i] if h.end == end]
        if spanning:
            rank = max(_RANK[h.how] for h in spanning)      # the word itself beats a stem of another word
            spanning = [h for h in spanning if _RANK[h.how] == rank]
            concepts = frozenset(h.term.concept for h in spanning)
            # Words inside a phrase ("culture de l'IA" is literacy, and about AI) and the parts of a long
            # word ("Digitaliseringsgrad": digitise, and a share) can meet a field's needs, never rule it out.
            inner = frozenset(h.term.concept for k in range(i + 1, end) for h in options[k] if h.end == k + 1)
            if end == i + 1 and len(folded[i]) >= COMPOUND_ENRICH and langs:
                cut = _cut(folded[i], langs) or ()
                if _all_native(cut, langs):                                    # parts of its own language only
                    inner |= {c for _, meaning in cut for c in meaning}
            units.append(Unit(concepts, " ".join(written[i:end]), spanning[0].how, inner - concepts - {"scaffold"}))
            # A word read only by a stem at its start, with more than an ending after it and no known part there,
            # is half understood: Icelandic 'gervigreind-arstfena' (AI, and 'policy' misspelt) is not AI alone.
            rest = len(folded[i]) - max(len(h.term.words[0][0]) for h in spanning)
            if end == i + 1 and rest > STEM_REST and all(h.how == "prefix" for h in spanning) and not inner:
                unknown.append(written[i][-rest:])
            i = end
            continue
        word = folded[i]
        # A word cut short is no stop word of another language: Maltese 'diġ.' (diġitali) is no Danish 'dig' (you).
        foreign = shortened[i] and langs and not lex.stopwords.get(word, frozenset()) & langs
        if word in lex.stopwords and not foreign or any(ch.isdigit() for ch in word) or len(word) == 1 or excluded[i]:
            function_words += 1
        elif parts := _compound(word, langs):
            units += [Unit(meaning, piece, "compound") for piece, meaning in parts]      # each part must fit
        elif shortened[i] and (meant := _abbreviation(word, langs)):
            # An abbreviation, like a misspelt word, may meet a field's needs but never rules a field out.
            units.append(Unit(frozenset(), written[i] + ".", "abbreviation", meant))
        elif (fixed := _typo(word, langs)) and (typo_hits := _hits_at(0, (fixed,), (fixed,))):
            # A misspelt word may meet a field's needs but never rules a field out: it may be no typo at all.
            units.append(Unit(frozenset(), written[i], "typo", frozenset(h.term.concept for h in typo_hits)))
        elif bracketed[i]:
            function_words += 1         # an explanation in brackets that adds nothing known: "(flera svar möjliga)"
        else:
            unknown.append(written[i])
        i += 1
    if asks_what_for(text):
        units.append(Unit(frozenset({"purpose"}), "what … for", "word"))
    scaffold = [u for u in units if u.concepts == {"scaffold"}]
    return Reading(tuple(u for u in units if u not in scaffold), tuple(unknown), function_words + len(scaffold))
