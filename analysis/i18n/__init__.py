"""The language people read: gettext catalogues (one .po file per language and domain) and the current language.

Two domains: `messages` (the interface, figures, exports; English, French and German) and `survey` (the survey
template's questions, instructions and answers, in every language the header recogniser reads). Adding a
language is adding one catalogue file under locales/<lang>/LC_MESSAGES/.

The current language is a context variable: pages, charts, findings and exports ask for it instead of passing
it through every call. The app sets it once per rerun (each Streamlit session reruns in its own thread, which
starts with a fresh context), the command line once per command. English needs no catalogue: the msgids are
the English text, and a message missing from a catalogue falls back to them.

Strings defined at import time (labels in tables of constants) are marked with `N_` and translated where they
are shown, with `_`.
"""

from __future__ import annotations

from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path

LOCALES = Path(__file__).parent / "locales"
SOURCE_LANGUAGE = "en"
DOMAINS = ("messages", "survey")

_current: ContextVar[str] = ContextVar("language", default=SOURCE_LANGUAGE)


@lru_cache(maxsize=None)            # the catalogues ship with the code: listed once, not on every rerun
def languages(domain: str = "messages") -> tuple[str, ...]:
    """English first, then every language that has a catalogue for this domain, in code order."""
    found = sorted(p.parent.parent.name for p in LOCALES.glob(f"*/LC_MESSAGES/{domain}.po"))
    return (SOURCE_LANGUAGE, *(code for code in found if code != SOURCE_LANGUAGE))


def language_name(code: str) -> str:
    """The language's own name for itself ('Français'), as a language menu shows it."""
    from babel import Locale
    name = Locale.parse(code).get_display_name(code) or code
    return name[:1].upper() + name[1:]


def use(code: str | None) -> str:
    """Make `code` the current language (an unknown or empty code means English); returns the one in force."""
    code = code if code in languages() else SOURCE_LANGUAGE
    _current.set(code)
    return code


def current() -> str:
    return _current.get()


def negotiate(accept_language: str | None, domain: str = "messages") -> str:
    """The best catalogue for a browser's Accept-Language header ('fr-CH,fr;q=0.9,en;q=0.8' -> 'fr')."""
    from babel.core import negotiate_locale
    wanted = []
    for part in (accept_language or "").split(","):
        tag, _, quality = part.strip().partition(";q=")
        try:
            weight = float(quality) if quality else 1.0
        except ValueError:
            continue
        if tag and tag != "*":
            wanted.append((weight, tag.strip()))
    preferred = [tag for _, tag in sorted(wanted, key=lambda pair: -pair[0])]
    return negotiate_locale(preferred, list(languages(domain)), sep="-") or SOURCE_LANGUAGE


@lru_cache(maxsize=None)
def catalogue(code: str, domain: str = "messages") -> dict[str, str]:
    """msgid -> translation for one language; untranslated and fuzzy entries are left out (English shows)."""
    path = LOCALES / code / "LC_MESSAGES" / f"{domain}.po"
    if code == SOURCE_LANGUAGE or not path.exists():
        return {}
    from babel.messages.pofile import read_po
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=code, domain=domain)
    return {m.id: m.string for m in catalog
            if m.id and isinstance(m.id, str) and m.string and not m.fuzzy}


def gettext(message: str, domain: str = "messages", language: str | None = None) -> str:
    """The message in the current (or the given) language; the English text when it has no translation."""
    return catalogue(language or current(), domain).get(message, message)


def _(message: str) -> str:
    return gettext(message)


def N_(message: str) -> str:
    """Marks a string for the catalogue without translating it now: it is translated where it is shown."""
    return message


def survey_label(text: str) -> str:
    """A survey text shown in the interface (a field's label, an answer's or a category's label: museum types,
    pillars, DigComp areas, AI stages) in the current language, from the `survey` catalogues."""
    return gettext(text, "survey")
