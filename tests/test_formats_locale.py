"""Numbers, money and dates in each language's style, checked against values written by hand. French groups
thousands with a narrow no-break space (U+202F) as CLDR writes it; German with a full stop."""

import datetime as dt

import pytest

from analysis import formats, i18n

NNBSP = "\u202f"


@pytest.fixture
def language():
    """Sets the current language for one test and gives English back afterwards."""
    def use(code):
        assert i18n.use(code) == code
    yield use
    i18n.use("en")


def test_english_is_written_as_before(language):
    language("en")
    assert formats.number(1234.5, 1) == "1,234.5"
    assert formats.number(12345) == "12,345"
    assert formats.money(12_400_000) == "EUR 12.4 M"
    assert formats.money(123_456) == "EUR 0.12 M"
    assert formats.money(1_234_560_000) == "EUR 1,234.6 M"
    assert formats.pct(45.75, 1) == "45.8 %"
    assert formats.pct(0.5) == "1 %"                       # half up, not to even
    assert formats.count(12_449_999) == "12.4 million"
    assert formats.count(999_999) == "999,999"
    assert formats.date(dt.date(2026, 12, 4)) == "4 Dec 2026"
    assert formats.timestamp(dt.datetime(2026, 12, 4, 14, 5)) == "4 Dec 2026, 14:05"
    assert formats.mid_sentence("Qualified staff") == "qualified staff"


def test_french(language):
    language("fr")
    assert formats.number(1234.5, 1) == f"1{NNBSP}234,5"
    assert formats.money(12_400_000) == "12,4 M EUR"
    assert formats.money(123_456) == "0,12 M EUR"
    assert formats.pct(45.75, 1) == "45,8 %"
    assert formats.count(12_449_999) == "12,4 millions"
    assert formats.date(dt.date(2026, 12, 4)) == "4 déc. 2026"
    assert formats.timestamp(dt.datetime(2026, 12, 4, 14, 5)) == "4 déc. 2026 à 14:05"
    assert formats.mid_sentence("Personnel qualifié") == "personnel qualifié"


def test_german(language):
    language("de")
    assert formats.number(1234.5, 1) == "1.234,5"
    assert formats.number(-0.075, 2) == "-0,08"
    assert formats.money(12_400_000) == "12,4 Mio. EUR"
    assert formats.money(1_234_560_000) == "1.234,6 Mio. EUR"
    assert formats.pct(45.75, 1) == "45,8 %"
    assert formats.count(3_250_000, 2) == "3,25 Mio."
    assert formats.date(dt.date(2026, 12, 4)) == "04.12.2026"
    assert formats.mid_sentence("Qualifiziertes Personal") == "Qualifiziertes Personal"   # nouns keep capitals


def test_lists_take_the_language_words(language):
    expected = {"en": ("5, 6 and 7", "'a' or 'b'"), "fr": ("5, 6 et 7", "'a' ou 'b'"), "de": ("5, 6 und 7", "'a' oder 'b'")}
    for code, (rows, fields) in expected.items():
        language(code)
        assert (formats.listing([5, 6, 7]), formats.listing(["'a'", "'b'"], "or")) == (rows, fields)


def test_clauses_and_labels_take_the_language_punctuation(language):
    """French puts a space before ';' and ':' (typographie française); English and German do not."""
    expected = {"en": ("Wave 2025; Germany; n = 12", "Germany: 46 %"),
                "fr": ("Wave 2025 ; Germany ; n = 12", "Germany : 46 %"),
                "de": ("Wave 2025; Germany; n = 12", "Germany: 46 %")}
    for code, (joined, labelled) in expected.items():
        language(code)
        assert formats.clauses(["Wave 2025", "", "Germany", "n = 12"]) == joined      # empty parts are dropped
        assert formats.labelled("Germany", "46 %") == labelled


def test_missing_values_are_a_dash_in_every_language(language):
    for code in ("en", "fr", "de"):
        language(code)
        assert [formats.money(None), formats.pct(float("nan")), formats.date(None)] == ["–"] * 3


def test_every_kind_of_missing_value_is_a_dash_and_zero_is_not(language):
    import numpy as np
    import pandas as pd

    language("en")
    assert [formats.number(v) for v in (pd.NA, pd.NaT, np.float64("nan"), np.datetime64("NaT"))] == ["–"] * 4
    assert [formats.date(pd.NaT), formats.timestamp(pd.NaT), formats.date(np.datetime64("NaT"))] == ["–"] * 3
    assert [formats.number(0), formats.money(0.0), formats.pct(np.int64(0))] == ["0", "EUR 0.0 M", "0 %"]


def test_a_cell_value_is_quoted_as_written_with_the_language_decimal_sign(language):
    language("en")
    assert [formats.plain(v) for v in (-5000, 12.5, 0.075, 100.0)] == ["-5000", "12.5", "0.075", "100"]
    language("de")
    assert [formats.plain(v) for v in (-5000, 12.5)] == ["-5000", "12,5"]
