"""Decide what each column of a sheet is: a survey field, personal data, survey-tool metadata, remarks, or
not known. Headings are read as concepts (analysis.parsing.headers.concepts) and held against the field definitions
(analysis.parsing.headers.fields); the answers under a heading must fit the field (analysis.parsing.headers.values); and all
columns of a sheet are assigned together, so two columns never claim one field and the better one wins.

Confidence starts at 100 for a heading whose every word is understood and drops with each word that is
not; a column is mapped automatically only at AUTO or above (calibrated on the development corpus in
tests/header_corpus so that automatic mappings are right at least 99 % of the time), else its likeliest
field is only suggested.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from analysis import schema
from analysis.i18n import N_, _, survey, survey_label
from analysis.parsing import normalise
from analysis.parsing.headers import values
from analysis.parsing.headers.concepts import Reading, read, words
from analysis.parsing.headers.fields import NEUTRAL, PERSONAL, STANDALONE, WEAK, Definition, definitions
from analysis.parsing.headers.marks import listed_answers
from analysis.parsing.report import MappingKind

AUTO = 80                 # lowest confidence mapped without a person's confirmation
SUGGEST = 40              # lowest confidence offered as a suggestion
AMBIGUOUS = 60            # confidence of a heading that names two fields equally well
CLEAR_LEAD = 5            # of two equally specific fields, one that explains this much more of the heading wins
TYPO_COST = 10            # confidence a misspelt word costs
ANSWERS_AGREE = 10        # confidence gained when every answer fits the field
UNSAID_PERCENT = 30       # confidence lost by a percentage field whose heading says no share or %
_MONEY_WORDS = frozenset({"eur", "euro", "euros", "keur", "meur", "k€", "m€", "€"})

RECOGNISED, UNMAPPED = MappingKind.RECOGNISED, MappingKind.UNMAPPED
PERSONAL_DATA, TOOL_METADATA = MappingKind.PERSONAL_DATA, MappingKind.TOOL_METADATA
REMARKS, ADDRESS = MappingKind.REMARKS, MappingKind.ADDRESS
OWN_HEADING = N_("the survey's own heading")          # the reasons a person reads: translated where given
ANOTHER_COLUMN = N_("another column fits this question better")


@dataclass(frozen=True)
class Match:
    field: str | None
    confidence: int
    how: MappingKind
    suggestion: str | None = None
    why: str = ""                 # the words that decided it: "numérisée + 3D + %"
    own: bool = False             # the survey's own heading (a template's): taken whatever the answers


@dataclass(frozen=True)
class Candidate:
    field: str
    specificity: int              # concepts in the alternative that matched
    confidence: int
    why: str
    unsaid_percent: bool = False  # a percentage field whose heading names no share: its answers may say so


@lru_cache(maxsize=1)
def _own_headings() -> dict[str, str]:
    """Field names, and labels and template headings in every survey language: what our own template and
    exports write. A heading two fields claim is left to the concept-based reading."""
    claims: dict[str, set[str]] = {}
    for f in schema.FIELDS:
        claims.setdefault(" ".join(words(f.name)[0]), set()).add(f.name)
    for written, fields in survey.template_headings().items():
        claims.setdefault(" ".join(words(written)[0]), set()).update(fields)
    return {k: next(iter(v)) for k, v in claims.items() if len(v) == 1}


GUESSED = ("typo", "abbreviation")     # words read as what they may stand for, not as written


def _confidence(reading: Reading, allowed: frozenset[str]) -> int:
    """100 x the share of the heading's words that are understood. A misspelt or abbreviated word counts only
    when it reads as a concept the field allows (at a cost); else it is as good as unknown."""
    typos = [u for u in reading.units if u.how in GUESSED]
    helpful = [u for u in typos if u.inner & allowed]
    understood = len(reading.units) - len(typos) + len(helpful)
    if not understood:
        return 0
    unknown = len(reading.unknown) + len(typos) - len(helpful)
    score = 100 * understood / (understood + unknown) - TYPO_COST * len(helpful)
    return max(0, round(score - sum(2 for u in reading.units if u.how == "compound")))


def _named_by(present: frozenset[str]) -> list[Definition]:
    """The definitions one of whose alternatives these concepts meet, in schema order."""
    found = {i: d for c in present for i, d in _by_concept().get(c, ()) if any(a <= present for a in d.alternatives)}
    return [found[i] for i in sorted(found)]


@lru_cache(maxsize=1)
def _by_concept() -> dict[str, list[tuple[int, Definition]]]:
    """The definitions (with their place in schema order) each concept appears in."""
    out: dict[str, list[tuple[int, Definition]]] = {}
    for i, d in enumerate(definitions()):
        for c in frozenset().union(*d.alternatives):
            out.setdefault(c, []).append((i, d))
    return out


def _kind_allows(kind: str, concepts: frozenset[str], folded: list[str]) -> bool:
    """Units in the heading must suit the field's kind: a share is a percentage, a count is not, EUR is money."""
    share = "share" in concepts or "%" in folded
    if share != (kind == schema.PERCENT) and (share or "number" in concepts):
        return False
    return kind == schema.MONEY or not _MONEY_WORDS & set(folded)


@lru_cache(maxsize=16384)
def candidates(text: str) -> tuple[Candidate, ...]:
    """The fields this heading can name, most specific first."""
    reading = read(text)
    folded = words(text)[0]
    units = reading.units
    # What the heading's words say themselves: a phrase's inner words do not ("take part" is no share), the
    # parts of a long word do ("Digitaliseringsgrad" is a share).
    said = frozenset(c for u in units for c in (u.concepts if " " in u.text else u.concepts | u.inner))
    out = []
    present = reading.concepts
    for d in _named_by(present):
        if not all(u.concepts & d.allowed for u in units if u.concepts):
            continue
        met = [a for a in d.alternatives if a <= present]
        if not met or not _kind_allows(d.kind, said, folded):
            continue
        best = max(met, key=len)
        conf = _confidence(reading, d.allowed)
        # Every word understood, some misspelt: "Musuem type" names the type as surely as "Museum type" does (a
        # heading of misspelt words only is not: Danish 'Løbenummer', a row number, is no misspelt ID).
        typos = sum(1 for u in units if u.how in GUESSED and u.inner & d.allowed)
        whole = conf + TYPO_COST * typos >= 100 and typos < len(units)
        if best <= NEUTRAL and (reading.function_words or not whole) or best <= STANDALONE and (
                reading.function_words > 1 or not whole) or len(best) == 1 and best <= WEAK and not whole:
            continue        # "Museum" alone is the museum's name, "...describes your museum?" is not; "Code" is
                            # an ID, "Stato (codice ISO)" is not
        unsaid = d.kind == schema.PERCENT and "share" not in present
        if unsaid:
            conf -= UNSAID_PERCENT          # "Site internet" names online, but is it a share? The answers say.
        out.append(Candidate(d.field, len(best), conf, reading.explain(set(best) | (present & d.allowed - NEUTRAL))
                             or reading.explain(set(best)), unsaid))
    items = listed_answers(text)
    named = [values.options_named(item) for item in items]
    listed = _listed_field(named)
    if listed and out and not any(c.field in fields for c in out for fields in named):
        # The answers a heading lists say what it asks when the fields its words name take none of them: Polish
        # "profil muzeum (sztuka, historia, archeologia…)" is the museum's type (a 'profil' may also be a job's).
        out = [Candidate(listed, max((c.specificity for c in out), default=0) + 1, 100,
                         _("the answers it lists: {answers}").format(answers=", ".join(items)))]
    return tuple(sorted(out, key=lambda c: (-c.specificity, -c.confidence)))


def _listed_field(named: list[frozenset[str]]) -> str | None:
    """The one choice question at least half of the listed answers (two or more) are options of, read exactly."""
    counts = Counter(field for fields in named for field in fields)
    fits = [field for field, n in counts.items() if n >= 2 and 2 * n >= len(named)]
    return fits[0] if len(fits) == 1 else None


def _set_aside(text: str) -> Match | None:
    """Personal data or survey-tool metadata, from the heading alone. Decided by what the words themselves
    say (`said`); the words inside a phrase or the parts of a long word only help to say it is the museum's."""
    reading = read(text)
    said = frozenset(c for u in reading.units for c in u.concepts)
    # A term that is only about a person (an ambiguous one, such as "enquêté", is not).
    personal = {c for u in reading.units if u.concepts <= PERSONAL | {"respondent"} for c in u.concepts}
    if "museum" in reading.concepts:             # "full name of the museum"; "museum e-mail" is still personal
        personal -= {"person_name", "respondent"}
    if personal - {"respondent"} or ("respondent" in personal and not reading.concepts & {"role", "identifier"}) \
            or reading.concepts == {"name"} and not reading.unknown:
        return Match(None, 95, PERSONAL_DATA, why=reading.explain(personal | {"name"}))
    if any(u.concepts == {"tool_metadata"} for u in reading.units) or said == {"respondent", "identifier"}:
        return Match(None, 90, TOOL_METADATA, why=reading.explain({"tool_metadata", "identifier"}))
    return None


@lru_cache(maxsize=16384)
def match_header(text: str) -> Match:
    """What a heading alone says (no answers looked at)."""
    if not any(ch.isalpha() for ch in text):                 # numbers and dates are answers, not headings
        return Match(None, 0, UNMAPPED)
    if "/" in text and re.fullmatch(r"[\w./-]+", text) and ("_" in text or text.islower()):
        text = text.rsplit("/", 1)[1]      # KoboToolbox/ODK path group/question (not "Mitarbeiter/innen")
    own = _own_headings().get(" ".join(words(schema.question_text(text))[0]))
    if own:
        return Match(own, 100, RECOGNISED, why=_(OWN_HEADING), own=True)
    if aside := _set_aside(text):
        return aside
    return _decide(text, candidates(schema.question_text(text)))


def _decide(text: str, found: tuple[Candidate, ...] | list[Candidate]) -> Match:
    if not found:
        reading = read(text)
        said = [u.concepts for u in reading.units if u.concepts]           # a misspelt word says nothing itself
        if said and all(c <= {"remarks", "other"} for c in said):                          # notes, "If other"
            return Match(None, 90, REMARKS, why=reading.explain({"remarks", "other"}))
        if _about_address(reading):                           # the museum's town, street or website
            return Match(None, 90, ADDRESS, why=reading.explain({"address"}))
        return Match(None, 0, UNMAPPED)
    top = sorted((c for c in found if c.specificity == found[0].specificity), key=lambda c: -c.confidence)
    return _verdict(top[0], len(top) == 1 or top[0].confidence - top[1].confidence >= CLEAR_LEAD)


def _about_address(reading: Reading) -> bool:
    """Whether a heading no field explains is the museum's address or website ("Site web du musée"), not a
    question that mentions one ("What share of your collection is online, on your website or another portal?")."""
    said = {c for u in reading.units for c in u.concepts}
    return "address" in said and all(u.concepts & ({"address"} | NEUTRAL | WEAK) for u in reading.units)


def _verdict(best: Candidate, clear: bool, suggest_from: int = SUGGEST) -> Match:
    """Mapped when sure enough and no other field fits as well; else only suggested (from `suggest_from`)."""
    confidence = best.confidence if clear else min(best.confidence, AMBIGUOUS)
    if confidence >= AUTO:
        return Match(best.field, confidence, RECOGNISED, why=best.why)
    return Match(None, confidence, UNMAPPED, best.field if confidence >= suggest_from else None, why=best.why)


def _with_answers(c: Candidate, share: float, answers: list[object]) -> Candidate:
    """Answers that all fit the field (enough of them, of a kind more telling than free text) add to the
    heading's confidence; a percentage field whose heading says no share gets back what that cost."""
    kind = schema.FIELDS_BY_NAME[c.field].kind
    if share < 1 or len(answers) < values.EVIDENCE or kind == schema.TEXT:
        return c
    gain = ANSWERS_AGREE + (UNSAID_PERCENT if c.unsaid_percent else 0)
    return Candidate(c.field, c.specificity, min(100, c.confidence + gain),
                     _("{why} + the answers fit").format(why=c.why))


def heading_to_read(readings: tuple[str, ...], answers: list[object], claimed: frozenset[str] = frozenset()) -> str:
    """Of the readings of one heading (a two-row heading: its group title with the sub-heading, then the sub-heading
    alone), the first that says what the column is, as `assign` would read it: a field its answers can be, or data set
    aside; the first reading when none does. A later reading naming the same fields more surely is taken instead (a
    group title of words the lexicon lacks, 'SIZE / Staff FTE', only lowers the confidence). A reading that names only
    fields another column's own heading names (`claimed`) gives way to the next: a section title lends its words to no
    column ('Standaarden & systemen' over 'Collectieregistratiesysteem' is no SPECTRUM compliance when a column beside
    it is headed 'SPECTRUM-conform')."""
    column = values.sample(answers)

    def named(text: str) -> tuple[set[str], int]:
        found = [c for c in candidates(schema.question_text(text)) if values.fit(c.field, column) >= values.IMPOSSIBLE]
        return {c.field for c in found}, max((c.confidence for c in found), default=0)

    for i, text in enumerate(readings):
        alone = match_header(text)
        if alone.own or alone.how not in (RECOGNISED, UNMAPPED):
            return text
        fields, sure = named(text)
        if fields and not (fields <= claimed and i + 1 < len(readings)):
            surer = [t for t in readings[i + 1:] if (found := named(t))[0] == fields and found[1] > sure]
            return surer[0] if surer else text
    return readings[0]


def assign(texts: list[str], answers: list[list[object]], taken: frozenset[str] = frozenset()) -> list[Match]:
    """Every column of one sheet at once. `answers`: a sample of each column's answers; `taken`: fields
    other columns already hold (the analyst's choices). A field goes to one column at most (an optimal
    assignment over specificity, confidence and fit of the answers); answers that cannot belong to a field
    rule the pair out."""
    decided: dict[int, Match] = {}
    tiers: dict[int, list[tuple[Candidate, float]]] = {}
    for col, (text, column) in enumerate(zip(texts, answers)):
        column = values.sample(column)
        alone = match_header(text) if text else Match(None, 0, UNMAPPED)
        # One of our own headings, unless its answers cannot be that field and can be another its words name: Polish
        # 'Kraj' is our heading for the country, but Slovak 'Kraj' over 'Bratislavský kraj' is a region. (Answers
        # that fit nothing, such as failed formulas, are reported cell by cell under our heading.)
        # A region, which takes codes only, is such another field: its names are where the museum is (below).
        own = alone.own and (values.fit(alone.field, column) >= values.IMPOSSIBLE or not any(
            values.fit(c.field, column) >= values.IMPOSSIBLE or c.field in normalise.CODE_FIRST
            for c in candidates(schema.question_text(text)) if c.field != alone.field))
        if alone.how is PERSONAL_DATA and values.plain_numbers(column):
            alone = Match(None, 0, UNMAPPED)    # Dutch 'Bez. p.j.' over 12000, 4500: visitors, not German 'Bez.' (name)
        if own and (alone.field in taken or alone.field in {m.field for m in decided.values()}):
            decided[col] = Match(None, 100, UNMAPPED, alone.field, why=_(ANOTHER_COLUMN))   # the same heading twice
        elif alone.how not in (RECOGNISED, UNMAPPED) or own:
            decided[col] = alone          # our own template's headings: wrong answers are reported cell by cell
        elif kind := values.aside_kind(column):
            decided[col] = Match(None, 95, ADDRESS if kind == values.WEB else PERSONAL_DATA,
                                 why=_("the answers are {kind}").format(kind=_(kind)))
        elif fitting := [(c, share) for c in candidates(schema.question_text(text))
                         if (share := values.fit(c.field, column)) >= values.IMPOSSIBLE]:
            fitting = [(_with_answers(c, share, column), share) for c, share in fitting]
            spec = max(c.specificity for c, _ in fitting)
            best_share = max(share for c, share in fitting if c.specificity == spec)
            top = [(c, share) for c, share in fitting if c.specificity == spec and share == best_share]
            lead = max(c.confidence for c, _ in top)
            tiers[col] = [(c, share) for c, share in top if c.confidence > lead - CLEAR_LEAD]
        elif alone.suggestion is None and (by_answers := values.enum_by_answers(column)):
            decided[col] = Match(by_answers, AUTO, RECOGNISED,
                                 why=_("its answers are {question} answers").format(
                                     question=survey_label(schema.FIELDS_BY_NAME[by_answers].label)))
        elif _about_address(reading := read(text)):
            decided[col] = Match(None, 90, ADDRESS, why=reading.explain({"address"}))
        elif column and any(c.field in normalise.CODE_FIRST for c in candidates(schema.question_text(text))):
            # a region by its name, not its NUTS code ('Madrid', 'łódzkie'): where the museum is, as its address is
            decided[col] = Match(None, 90, ADDRESS, why=_("the answers are names, not codes: {answers}").format(
                answers=values.describe(column)))
        elif values.running_numbers(column):          # no field takes them: they count the rows
            decided[col] = Match(None, 90, MappingKind.ROW_NUMBERS,
                                 why=_("the answers count the rows: {answers}").format(answers=values.describe(column)))
        else:
            refused = alone.field or alone.suggestion
            decided[col] = Match(None, 0, alone.how if alone.field is None else UNMAPPED, refused,
                                 why=_("the answers do not fit {question}").format(
                                     question=survey_label(schema.FIELDS_BY_NAME[refused].label))
                                 if refused and column else alone.why)
    taken = taken | {m.field for m in decided.values() if m.field}
    fields = sorted({c.field for top in tiers.values() for c, _ in top} - taken)
    won: dict[int, str] = {}
    if fields:
        # Imported here: scipy.optimize costs a new process 0.3 s and 40 MB, and most sheets leave no field contested.
        from scipy.optimize import linear_sum_assignment

        at = {f: i for i, f in enumerate(fields)}
        cols = sorted(tiers)
        score = np.zeros((len(cols), len(fields)))
        for r, col in enumerate(cols):
            for c, share in tiers[col]:
                if c.field in at:
                    score[r, at[c.field]] = 1000 + 10 * c.specificity + c.confidence + 20 * share
        for r, f in zip(*linear_sum_assignment(score, maximize=True)):
            if score[r, f] > 0:
                won[cols[r]] = fields[f]
    for col, top in tiers.items():
        if col in won:
            # The answers fit this field, so it is always offered, however unsure the heading.
            decided[col] = _verdict(next(c for c, _ in top if c.field == won[col]), len(top) == 1, suggest_from=0)
        else:
            c = top[0][0]
            decided[col] = Match(None, c.confidence, UNMAPPED, c.field, why=_(ANOTHER_COLUMN))
    return [decided[col] for col in range(len(texts))]
