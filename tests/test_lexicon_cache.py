"""The header lexicon is built once per machine and kept in the user's cache: a later process reads it back
whole, and a cache that is damaged, stale or cannot be written never changes what headings mean."""

from __future__ import annotations

import shutil

import pytest

from analysis.parsing.headers import concepts


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """An empty cache directory for one test; the process's own lexicon comes back afterwards."""
    monkeypatch.setattr(concepts, "CACHE_DIR", tmp_path / "cache")
    concepts.lexicon.cache_clear()
    yield tmp_path / "cache"
    concepts.lexicon.cache_clear()


def test_the_first_build_is_kept_and_read_back_the_same(cache):
    built = concepts.lexicon()
    kept = list(cache.iterdir())
    assert [p.name for p in kept] == [f"lexicon-{concepts._lexicon_key()}.pickle"]
    concepts.lexicon.cache_clear()
    read_back = concepts.lexicon()
    assert read_back is not built and read_back == built == concepts._build_lexicon()
    # de.txt and fr.txt write "=KI" and "=IA" on their `ai` lines: acronyms, read back from the file
    assert ("ai", "de") in {(t.concept, t.lang) for t in read_back.acronyms["KI"]}
    assert ("ai", "fr") in {(t.concept, t.lang) for t in read_back.acronyms["IA"]}


def test_a_damaged_cache_is_built_again(cache):
    concepts.lexicon()
    (kept,) = cache.iterdir()
    kept.write_bytes(b"not a lexicon")
    concepts.lexicon.cache_clear()
    assert concepts.lexicon() == concepts._build_lexicon()
    assert kept.read_bytes() != b"not a lexicon"                    # rebuilt and kept again


def test_a_cache_that_cannot_be_written_still_gives_the_lexicon(cache):
    cache.parent.mkdir(exist_ok=True)
    cache.write_text("a file where the cache directory should be")
    assert concepts.lexicon() == concepts._build_lexicon()


def test_editing_a_lexicon_file_makes_a_new_key_and_drops_the_old_file(cache, tmp_path, monkeypatch):
    concepts.lexicon()
    before = concepts._lexicon_key()
    words = tmp_path / "lexicon"
    shutil.copytree(concepts.LEXICON, words)
    with open(words / "en.txt", "a", encoding="utf-8") as fh:
        fh.write("\nshare: =ZYXW\n")
    monkeypatch.setattr(concepts, "LEXICON", words)
    concepts.lexicon.cache_clear()
    assert concepts._lexicon_key() != before
    assert [(t.concept, t.lang) for t in concepts.lexicon().acronyms["ZYXW"]] == [("share", "en")]
    assert [p.name for p in cache.iterdir()] == [f"lexicon-{concepts._lexicon_key()}.pickle"]


def test_the_answer_lists_are_kept_and_read_back_the_same(tmp_path, monkeypatch):
    from analysis.parsing import answers
    monkeypatch.setattr(answers, "CACHE_DIR", tmp_path / "cache")
    answers.lexicon.cache_clear()
    try:
        built = answers.lexicon()
        (kept,) = (tmp_path / "cache").iterdir()
        assert kept.name.startswith("answers-") and kept.suffix == ".pickle"
        answers.lexicon.cache_clear()
        assert answers.lexicon() == built == answers._build()
        assert built["funding_sources"]["efre"] == "eu_structural_rrf"        # de.txt: the EU's regional fund
    finally:
        answers.lexicon.cache_clear()


@pytest.mark.parametrize("damaged", [False, True])
def test_reading_the_cache_leaves_garbage_collection_as_it_was(cache, damaged):
    """The collector is paused while the lexicon is unpickled and comes back on afterwards, whether the kept
    file was read or had to be rebuilt; a caller that had paused it itself finds it still paused."""
    import gc

    concepts.lexicon()
    if damaged:
        next(cache.iterdir()).write_bytes(b"not a lexicon")
    for was_on in (True, False):
        concepts.lexicon.cache_clear()
        (gc.enable if was_on else gc.disable)()
        try:
            concepts.lexicon()
            assert gc.isenabled() is was_on
        finally:
            gc.enable()


def test_the_kept_lexicon_is_out_of_the_collectors_sight(cache):
    """Every full garbage collection walked the lexicon's ~430,000 objects (0.2-0.3 s, at any moment of an upload);
    once kept, the collector no longer sees them, whether they were read from the cache or built."""
    import gc

    for _ in ("built", "read from the cache"):
        concepts.lexicon.cache_clear()
        gc.unfreeze()
        lexicon = concepts.lexicon()
        tracked = {id(o) for o in gc.get_objects()}
        assert id(lexicon) not in tracked and id(lexicon.exact) not in tracked
        assert gc.get_freeze_count() > 100_000
