"""What a column's answers say about the field it can be: the same cell parser that validates the upload
judges whether the values fit a field (money cannot go into a 1-5 scale, a country list is a country), and
recognises personal data by content (e-mail addresses, phone numbers, IP addresses, GPS coordinates)."""

from __future__ import annotations

import re
from functools import lru_cache

from analysis import schema
from analysis.i18n import N_
from analysis.parsing import normalise
from analysis.parsing.report import ERROR

SAMPLE = 12                  # distinct answers looked at per column
IMPOSSIBLE = 0.5             # fewer answers than this share fit the field: the pair is refused ...
EVIDENCE = 3                 # ... when the column has at least this many different answers (else cells are checked)
PERSONAL_SHARE = 0.5         # this share of answers look like contact data: the column is personal data

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]{2,}$")
_PHONE = re.compile(r"^(?:\+|00)?[\d\s().\-/]{7,}$")
_IP = re.compile(r"^(?:\d{1,3}\.){3}\d{1,3}$|^[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}$", re.IGNORECASE)
_WEB = re.compile(r"^(?:https?://|www\.)\S+$|^[\w-]+(?:\.[\w-]+)+\.[a-z]{2,}(?:/\S*)?$", re.IGNORECASE)
_NUMBER = re.compile(r"^\s*[-+]?\d+(?:[.,]\d+)?\s*$")
WEB = N_("web addresses")       # the kinds aside_kind names are catalogue messages, translated where shown
_COORDINATES = re.compile(r"^-?\d{1,3}\.\d{4,}(?:[ ,;]+-?\d{1,3}\.\d{4,})*(?:\s+-?\d+(?:\.\d+)?){0,2}$")


def sample(values: list[object]) -> list[object]:
    """Up to SAMPLE distinct non-blank answers, in order."""
    seen: dict[str, object] = {}
    for v in values:
        if v is None or v == "" or normalise.is_blank(v):
            continue
        seen.setdefault(repr(v), v)
        if len(seen) == SAMPLE:
            break
    return list(seen.values())


def fit(field: str, answers: list[object]) -> float:
    """The share of answers the field's own parser accepts without an error and within the field's range
    (1.0 for a column with too few answers to judge). A several-answers question stores an answer matching none
    of its options as 'other', with a warning: free text may be an option in words the matcher does not know, but
    a number is no option at all (row numbers under 'Sorszam' are no funding sources)."""
    if len(answers) < EVIDENCE:
        return 1.0
    if code := normalise.CODE_FIRST.get(field):          # a code question: its answers are codes, not names
        return sum(bool(code.match(str(v).strip())) for v in answers) / len(answers)
    f = schema.FIELDS_BY_NAME[field]
    low = -float("inf") if f.minimum is None else f.minimum
    high = float("inf") if f.maximum is None else f.maximum
    good = 0
    for v in answers:
        value, problem = normalise.parse_cell(v, f)
        in_range = not isinstance(value, (int, float)) or isinstance(value, bool) or low <= value <= high
        number_as_option = problem is not None and problem[1] == "other_choice" and _NUMBER.match(str(v))
        good += (problem is None or problem[0] != ERROR) and in_range and not number_as_option
    return good / len(answers)


def aside_kind(answers: list[object]) -> str | None:
    """'e-mail addresses', 'phone numbers', 'IP addresses' or 'GPS coordinates' when most answers are; WEB
    for web addresses (the museum's, not personal, but not a survey answer either)."""
    texts = [str(v).strip() for v in answers if isinstance(v, str)]
    if not texts or len(texts) < len(answers) / 2:
        return None
    for kind, pattern in ((N_("e-mail addresses"), _EMAIL), (N_("IP addresses"), _IP),
                          (N_("GPS coordinates"), _COORDINATES), (WEB, _WEB)):
        if sum(bool(pattern.match(t)) for t in texts) >= PERSONAL_SHARE * len(answers):
            return kind
    phones = [t for t in texts if _PHONE.match(t) and (t.startswith(("+", "00", "0", "(")) or " " in t)]
    if len(phones) >= PERSONAL_SHARE * len(answers) and all(sum(ch.isdigit() for ch in t) >= 7 for t in phones):
        return N_("phone numbers")
    return None


def plain_numbers(answers: list[object]) -> bool:
    """Whether there are enough answers to judge and every one is a number too short to be a phone number:
    counts, amounts, years, never anyone's name or contact."""
    return len(answers) >= EVIDENCE and all(
        isinstance(v, (int, float)) and not isinstance(v, bool) or isinstance(v, str) and _NUMBER.match(v)
        for v in answers) and all(sum(ch.isdigit() for ch in str(v).split(".")[0]) < 7 for v in answers)


def running_numbers(answers: list[object]) -> bool:
    """Whether the answers count the rows, 1, 2, 3, ... (from any start): a row number ('Lp.', 'Nr. crt.',
    'Sorszám'), not a survey answer."""
    if not plain_numbers(answers):
        return False
    numbers = [float(str(v).replace(",", ".")) for v in answers]
    return all(n.is_integer() for n in numbers) and all(b - a == 1 for a, b in zip(numbers, numbers[1:]))


def describe(answers: list[object]) -> str:
    """A few answers as a person reads them: 'FR · 45 % · oui'."""
    shown = [str(v) if not isinstance(v, float) or not v.is_integer() else str(int(v)) for v in answers[:4]]
    return " · ".join(s if len(s) <= 30 else s[:29] + "…" for s in shown)


def enum_by_answers(answers: list[object]) -> str | None:
    """The one single-choice question (of three or more answers) whose answers fill this column: at least
    80 % of its distinct answers ("Which of the following best describes your museum?" answered Art, ...)."""
    if len(answers) < 2:
        return None
    table = _enum_answers()
    counts: dict[str, int] = {}
    for a in answers:
        for name in table.get(schema.value_key(a), ()):
            counts[name] = counts.get(name, 0) + 1
    fits = [name for name, n in counts.items() if n >= 0.8 * len(answers)]
    return fits[0] if len(fits) == 1 else None


def options_named(answer: object) -> frozenset[str]:
    """The choice questions (single or several answers) one of whose options this answer is, read exactly: a code,
    a label or its translation (no guess)."""
    keys = {schema.value_key(answer), schema.header_key(answer)}
    return frozenset(name for key in keys for name in _choice_answers(staff=False).get(key, ()))


@lru_cache(maxsize=2)
def _choice_answers(staff: bool = True) -> dict[str, frozenset[str]]:
    """Answer (value_key) -> the choice questions that accept it exactly: as staff answer them in a column, or, for
    the answers a heading lists, only as questionnaires word them (staff's words are looser: Hungarian
    'informatika' is the respondent's role, not what a budget heading's list of activities is about)."""
    out: dict[str, set[str]] = {}
    for f in schema.FIELDS:
        if f.kind in (schema.ENUM, schema.MULTI):
            for key in (normalise.choice_table if staff else normalise.catalogue_choices)(f):
                out.setdefault(key, set()).add(f.name)
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def _enum_answers() -> dict[str, frozenset[str]]:
    """Answer (value_key) -> the single-choice fields of three or more answers that accept it."""
    enums = {f.name for f in schema.FIELDS if f.kind == schema.ENUM and len(f.choices) >= 3}
    return {key: fields & enums for key, fields in _choice_answers().items() if fields & enums}
