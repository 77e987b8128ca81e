"""Find the header row of a sheet and map its headers to schema fields.

Matching goes from sure to less sure: an exact synonym (confidence 100), the same with units and filler
words removed (95), then rapidfuzz on the cleaned text (its score). Below FUZZY_CUTOFF a column stays
unmapped and the best guess is only offered as a suggestion, never applied.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from analysis import limits, schema

FUZZY_CUTOFF = 86
SUGGEST_CUTOFF = 60

_UNIT_TOKENS = {"eur", "euro", "euros", "%", "fte", "etp", "vza", "eti", "pct", "percent", "pourcentage",
                "prozent", "procent", "porcentaje", "percentuale", "year", "years", "yr", "an", "annees", "jahr",
                "jahre", "jaar", "jaren", "ano", "anos", "anno", "anni", "rok", "lata", "per", "par", "pro", "a",
                "au"}
_UNIT_PREPOSITIONS = {"in", "en", "w", "im", "i"}
_FILLER = {"of", "the", "a", "an", "de", "la", "le", "les", "des", "du", "d", "l", "der", "die", "das", "den",
           "van", "het", "een", "del", "della", "dello", "di", "el", "los", "las", "il", "lo", "share",
           "proportion", "percentage", "part", "anteil", "aandeel", "porcentaje", "quota", "odsetek",
           "number", "nombre", "anzahl", "aantal", "numero", "liczba", "total", "your", "votre", "ihr",
           "uw", "su", "vostro", "what", "is", "are", "how", "many", "much", "has", "have", "been", "been",
           "museum", "musee", "museums", "museo", "muzeum", "collection", "annual", "annuel", "annuelle",
           "jahrlich", "jaarlijks", "anual", "anuales", "annuale", "annuali", "annui", "annuo", "annua", "roczna",
           "roczny", "rocznie", "yearly", "collezione", "coleccion", "sammlung", "collectie", "zbiorow",
           "zbiory", "kolekcji", "della", "dei", "na", "which", "in", "where", "located", "situated", "does",
           "do", "you", "it", "its", "for", "each", "area", "please", "give", "enter", "indicate", "estimate",
           "approximately", "about", "until", "by", "this", "that", "currently", "roughly", "our", "we",
           "quel", "quelle", "est", "votre", "welche", "welcher", "ist", "wat", "welke", "cual", "qual", "jaki",
           "jaka", "response", "open ended response", "selected choice", "survey", "question"}


def _strip_units(key: str) -> str:
    tokens = key.split()
    kept: list[str] = []
    for tok in tokens:
        if tok in _UNIT_TOKENS:
            if kept and kept[-1] in _UNIT_PREPOSITIONS:
                kept.pop()
            continue
        kept.append(tok)
    return " ".join(kept)


_FILLER_PHRASES = re.compile(r"\b(open ended response|selected choice|please specify|if other)\b")
_STEMS = {"needed": "need", "needs": "need", "required": "need", "requirement": "need", "requirements": "need",
          "digitized": "digitised", "digitalised": "digitised", "digitalized": "digitised", "cataloged": "catalogued",
          "visitors": "visits", "objets": "objets"}
# Words that say a column is about the respondent (GPS, identity, contact): dropped as personal data.
_PERSONAL_WORDS = frozenset({"email", "courriel", "telephone", "phone", "latitude", "longitude", "altitude",
                             "surname", "firstname", "lastname", "respondent", "ip", "ipaddr", "location",
                             "geolocation", "gps", "recipient"})
# Too general to name a field on their own inside a long question.
_GENERIC_WORDS = frozenset({"name", "type", "number", "date", "time", "id", "code", "other", "text", "group",
                            "funding", "respondent", "total", "data", "staff", "budget", "year", "level"})


def _core(key: str) -> str:
    key = _FILLER_PHRASES.sub(" ", key)
    return " ".join(_STEMS.get(t, t) for t in _strip_units(key).split() if t not in _FILLER)


def _about_a_person(key: str) -> bool:
    words = set(key.split())
    return bool(words & _PERSONAL_WORDS) or {"first", "name"} <= words or {"last", "name"} <= words or (
        {"user", "name"} <= words)


@dataclass(frozen=True)
class Match:
    field: str | None
    confidence: int
    how: str                      # exact | fuzzy | unmapped | personal data (dropped)
    suggestion: str | None = None


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, str], frozenset[str], frozenset[str]]:
    exact = schema.header_synonyms()
    claims: dict[str, set[str]] = {}
    for f in schema.FIELDS:                 # ambiguous synonyms count here too: "personal" is staff or a need
        for text in (f.name.replace("_", " "), f.label, f.header, *f.synonyms):
            claims.setdefault(_core(schema.header_key(text)), set()).add(f.name)
    core = {k: next(iter(v)) for k, v in claims.items() if len(v) == 1 and k}
    personal = frozenset(schema.header_key(h) for h in schema.PERSONAL_DATA_HEADERS)
    return exact, core, personal, frozenset(_core(k) for k in personal) - {""}


@lru_cache(maxsize=8192)
def match_header(text: str) -> Match:
    if "/" in text and re.fullmatch(r"[\w./-]+", text):      # KoboToolbox/ODK path: group/question
        last = match_header(text.rsplit("/", 1)[1])
        if last.field or last.how.startswith("personal"):
            return last
    key = schema.header_key(schema.question_text(text))
    if not key or not re.search(r"[a-z%]", key):           # numbers and dates are answers, not headings
        return Match(None, 0, "unmapped")
    exact, core, personal, personal_core = _tables()
    if key in personal or _strip_units(key) in personal:
        return Match(None, 100, "personal data (dropped)")
    for candidate in (key, _strip_units(key)):
        if candidate in exact:
            return Match(exact[candidate], 100, "exact")
    cleaned = _core(key)
    if cleaned in core:
        return Match(core[cleaned], 95, "exact")
    if cleaned in personal_core or _about_a_person(key):
        return Match(None, 95, "personal data (dropped)")
    if not cleaned:
        return Match(None, 0, "unmapped")
    if contained := _contained_synonym(cleaned):
        return Match(contained, 90, "exact")
    if single := _single_word_synonym(cleaned):
        return Match(single, 88, "fuzzy")
    best = process.extractOne(cleaned, list(core), scorer=fuzz.token_sort_ratio)
    if best and best[1] >= FUZZY_CUTOFF:
        return Match(core[best[0]], int(best[1]), "fuzzy")
    suggestion = core[best[0]] if best and best[1] >= SUGGEST_CUTOFF else None
    return Match(None, int(best[1]) if best else 0, "unmapped", suggestion)


@lru_cache(maxsize=1)
def _multiword_synonyms() -> list[tuple[frozenset[str], str]]:
    """Synonyms of two or more meaningful words, longest first, for finding them inside longer headings."""
    _, core, _, _ = _tables()
    return sorted(((frozenset(k.split()), name) for k, name in core.items() if len(k.split()) >= 2),
                  key=lambda item: -len(item[0]))


def _contained_synonym(cleaned: str) -> str | None:
    """The field whose longest multi-word synonym appears whole in the heading ("Funding need / Equipment"
    contains "need equipment"); None when nothing fits or two fields fit equally well."""
    words = set(cleaned.split())
    hits = [(len(tokens), name) for tokens, name in _multiword_synonyms() if tokens <= words]
    if not hits:
        return None
    longest = max(n for n, _ in hits)
    names = {name for n, name in hits if n == longest}
    return names.pop() if len(names) == 1 else None


def _single_word_synonym(cleaned: str) -> str | None:
    """In a long question ("Which of the following best describes the ownership of your museum?"), the one
    field named by a single distinctive word; None when no word or words of two fields appear."""
    words = cleaned.split()
    if len(words) < 2:
        return None
    _, core, _, _ = _tables()
    names = {core[w] for w in words if w in core and len(w) > 3 and w not in _GENERIC_WORDS}
    return names.pop() if len(names) == 1 else None


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def cell_text(value: object) -> str:
    if value is None or isinstance(value, bool):
        return ""
    if isinstance(value, float):
        return "" if value != value else (str(int(value)) if value.is_integer() else str(value))
    return " ".join(str(value).split())


@dataclass
class Header:
    rows: list[int]               # 0-based grid rows that make up the header
    texts: list[str]              # per column: the header as written ("Upper / lower" for two rows)
    matches: list[Match]

    @property
    def score(self) -> float:
        fields = {m.field for m in self.matches if m.field}
        return len(fields) + 0.001 * sum(m.confidence for m in self.matches if m.field)


def _header_from(rows: list[list], upper: int | None, lower: int, width: int, merged) -> Header:
    low = [cell_text(v) for v in _padded(rows[lower], width)]
    if upper is None:
        return Header([lower], low, [match_header(t) for t in low])
    up = [cell_text(v) for v in _padded(rows[upper], width)]
    for (r0, c0), (r1, c1) in merged:           # a merged cell's text belongs to every column it spans
        if r0 <= upper <= r1 and up[c0]:
            for c in range(c0, min(c1, width - 1) + 1):
                up[c] = up[c0]
    carried = ""
    texts, matches = [], []
    for c in range(width):
        carried = up[c] or (carried if low[c] else "")      # a group title runs over its sub-headers
        if carried and low[c] and carried != low[c]:
            joined = f"{carried} / {low[c]}"
            options = [(match_header(f"{carried} {low[c]}"), joined), (match_header(low[c]), joined)]
        else:
            text = low[c] or carried
            options = [(match_header(text), text)]
        # The joined heading wins when it means something: "Funding need / Equipment" is a need, not equipment.
        match, text = next((o for o in options if o[0].field), options[-1])
        texts.append(text)
        matches.append(match)
    return Header([upper, lower], texts, matches)


def _padded(row: list, width: int) -> list:
    return list(row[:width]) + [None] * (width - len(row))


def find_header(rows: list[list], merged=()) -> Header | None:
    """The best header among the first HEADER_SCAN_ROWS rows: one row, or two rows read together."""
    width = max((len(r) for r in rows[: limits.HEADER_SCAN_ROWS + 1]), default=0)
    best: Header | None = None
    for r in range(min(len(rows), limits.HEADER_SCAN_ROWS)):
        if sum(1 for v in rows[r] if cell_text(v)) < 2:
            continue
        candidates = [_header_from(rows, None, r, width, merged)]
        if r > 0 and any(cell_text(v) for v in rows[r - 1]):
            candidates.append(_header_from(rows, r - 1, r, width, merged))
        for cand in candidates:
            if best is None or cand.score > best.score + 0.5:
                best = cand
    if best is None or best.score < 2:
        return None
    return best


TOTAL_WORDS = frozenset(schema.value_key(w) for w in schema.TOTAL_ROW_WORDS)
_TOTAL_RE = re.compile(r"^(" + "|".join(re.escape(w) for w in sorted(TOTAL_WORDS, key=len, reverse=True))
                       + r")\b[\s:]*", re.IGNORECASE)


def is_total_label(value: object) -> bool:
    text = schema.value_key(cell_text(value)).rstrip(":")
    return bool(text) and (text in TOTAL_WORDS or bool(_TOTAL_RE.match(text)) and len(text) < 40)


_OPTION_SPLITS = (
    re.compile(r"^(?P<q>.+?)\s*[-:/_]\s*(?P<o>other\b.*?)(?:\s*[-_]\s*text)?$", re.IGNORECASE),  # ... Other (text)
    re.compile(r"^(?P<q>.+?)\s*\[(?P<o>[^\[\]]+)\]\s*$"),                 # Google Forms grid: Question [Option]
    re.compile(r"^(?P<q>.+)\s+/\s+(?P<o>[^/]+)$"),                        # two header rows joined: Question / Option
    re.compile(r"^(?P<q>.+?)\s+-\s+(?:selected choice\s+-\s+)?(?P<o>[^-]+)$", re.IGNORECASE),  # Qualtrics
    re.compile(r"^(?P<q>.+):\s+(?P<o>[^:]+)$"),                           # Question: Option
    re.compile(r"^(?P<q>[^/\s]+(?:/[^/\s]+)*)/(?P<o>[^/\s]+)$"),          # Kobo path: group/question/option
)


def match_option(text: str) -> tuple[str, str] | None:
    """(multi-select field, option code) when a heading is one option of a several-answers question,
    as survey tools write them: "Metadata standards [LIDO]", "Metadata standards / EDM",
    "Q5 - Selected Choice - Dublin Core", "group/metadata_standards/lido"."""
    from analysis import schema
    from analysis.normalise import match_choice

    for pattern in _OPTION_SPLITS:
        found = pattern.match(text.strip())
        if not found:
            continue
        question = match_header(found["q"])
        if question.field is None:
            continue
        f = schema.FIELDS_BY_NAME[question.field]
        if f.kind != schema.MULTI:
            continue
        option = found["o"].strip()
        if schema.header_key(option) in schema.OTHER_ANSWERS or schema.header_key(option).startswith("other "):
            return f.name, "other"
        code, _ = match_choice(option, f)
        if code is not None:
            return f.name, code
    return None
