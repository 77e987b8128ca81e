"""Answers as museum staff write them in the survey's languages, beyond the catalogue labels: one file per language
(<code>.txt), one line per meaning, its answers separated by ' | ' (an answer may hold a comma: 'Ja, schriftlich'):

    <field>.<code>: answer | answer | ...   an answer to a choice question ('ownership.private_nonprofit: Stiftung')
    yes: ... / no: ...                       a yes/no question
    blank: ...                               not answered: not applicable, do not know, no data ('weet ik niet')
    zero: ...                                none at all, in a number question ('keine', 'aucun', 'ei yhtään')

An answer that two files (or two lines) give different meanings is left out: it names no one answer.
"""

from __future__ import annotations

import hashlib
import unicodedata
from functools import lru_cache
from pathlib import Path

from analysis import schema
from analysis.parsing.kept import CACHE_DIR, kept

HERE = Path(__file__).resolve().parent


def latin(text: str) -> bool:
    """Whether every letter is a Latin one: only then may accents and punctuation be dropped (header_key), since Greek
    or Cyrillic would lose their letters ('Хоризонт 2020' is no '2020')."""
    return all(unicodedata.name(ch, "").startswith("LATIN") for ch in text if ch.isalpha())


def keys(answer: str) -> set[str]:
    """The forms an answer is looked up by: as typed and, in Latin letters, also without accents or punctuation."""
    return {k for k in (schema.value_key(answer), schema.header_key(answer) if latin(answer) else "") if k}


@lru_cache(maxsize=1)
def lexicon() -> dict[str, dict[str, str]]:
    """Field (or 'yes_no', 'blank', 'zero') -> answer key -> code ('yes' or 'no' for yes_no), from the user's cache
    when it was built there from these same files and code (building it takes about half a second)."""
    digest = hashlib.sha256(Path(__file__).read_bytes() + Path(schema.__file__).read_bytes())   # keys(): schema's
    for path in sorted(HERE.glob("*.txt")):
        digest.update(path.name.encode() + path.read_bytes())
    return kept(CACHE_DIR / f"answers-{digest.hexdigest()[:16]}.pickle", _build)


def _build() -> dict[str, dict[str, str]]:
    meanings: dict[str, dict[str, set[str]]] = {}
    for path in sorted(HERE.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                meaning, _, answers = line.partition(":")
                field, _, code = meaning.strip().partition(".")
                if field in ("yes", "no"):
                    field, code = "yes_no", field
                for answer in answers.split("|"):
                    for key in keys(answer):
                        meanings.setdefault(field, {}).setdefault(key, set()).add(code)
    return {field: {key: codes.pop() for key, codes in found.items() if len(codes) == 1}
            for field, found in meanings.items()}


def choices(field: str) -> dict[str, str]:
    return lexicon().get(field, {})


@lru_cache(maxsize=1)
def blank() -> frozenset[str]:
    return frozenset(lexicon().get("blank", {}))


@lru_cache(maxsize=1)
def zero() -> frozenset[str]:
    return frozenset(lexicon().get("zero", {}))


@lru_cache(maxsize=1)
def yes_no() -> dict[str, bool]:
    return {key: code == "yes" for key, code in lexicon().get("yes_no", {}).items()}
