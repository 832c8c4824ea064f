"""The compact lemma table gives the lookup table's lemmas, from a cache built once."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from extractor.nlp.lemmas import (
    LemmaTable,
    _table_source,
    lemma_table,
    load_table,
    load_word_forms,
    word_forms,
)

SOURCE = _table_source()
TABLE: dict[str, str] = json.loads(gzip.decompress(SOURCE.read_bytes()))


def test_the_cached_table_holds_every_entry_of_the_lookup_table(tmp_path: Path) -> None:
    load_table(SOURCE, tmp_path)  # builds the cache
    cached = load_table(SOURCE, tmp_path)
    assert isinstance(cached, LemmaTable)
    assert len(cached) == len(TABLE)
    assert dict(cached.items()) == TABLE


@pytest.mark.parametrize("word", ["proiectele", "audituri", "ș", "zzz-not-a-word", "", "Ăla"])
def test_a_lookup_is_the_lookup_tables(tmp_path: Path, word: str) -> None:
    load_table(SOURCE, tmp_path)
    assert load_table(SOURCE, tmp_path).get(word) == TABLE.get(word)


@pytest.mark.parametrize("kept", [1000, 0], ids=["cut short", "empty"])
def test_a_cache_cut_short_is_built_again(tmp_path: Path, kept: int) -> None:
    load_table(SOURCE, tmp_path)
    (cache,) = tmp_path.iterdir()
    cache.write_bytes(cache.read_bytes()[:kept])
    assert load_table(SOURCE, tmp_path)["proiectele"] == "proiect"
    assert isinstance(load_table(SOURCE, tmp_path), LemmaTable)


@pytest.mark.parametrize("kept", [1000, 0], ids=["cut short", "empty"])
def test_a_word_forms_cache_cut_short_is_built_again(tmp_path: Path, kept: int) -> None:
    built = load_word_forms(SOURCE, tmp_path)
    (cache,) = tmp_path.iterdir()
    cache.write_bytes(cache.read_bytes()[:kept])
    assert list(load_word_forms(SOURCE, tmp_path)) == list(built)
    assert list(load_word_forms(SOURCE, tmp_path)) == list(built)


def test_without_a_writable_cache_folder_the_table_is_read_from_its_json(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("a file where the cache folder would be")
    table = load_table(SOURCE, blocked / "cache")
    assert table == TABLE


def test_the_table_is_read_once_per_process() -> None:
    assert lemma_table() is lemma_table()
    assert lemma_table()["proiectele"] == "proiect"


def test_lemma_table_maps_spellings_to_lemmas() -> None:
    table = lemma_table()
    assert table["obiectivele"] == "obiectiv"
    assert table["rezultatele"] == "rezultat"
    assert table["activitățile"] == "activitate"
    assert lemma_table() is table


def test_word_forms_are_lower_case_sorted_spellings_and_lemmas() -> None:
    words = word_forms()
    assert list(words) == sorted(words)
    assert {"obiectivele", "obiectiv", "activitate"} <= set(words)
    assert all(word == word.lower() for word in words[:1000])


def test_cached_word_forms_are_the_forms_built_from_the_table(tmp_path: Path) -> None:
    built = load_word_forms(SOURCE, tmp_path)  # builds the cache
    cached = load_word_forms(SOURCE, tmp_path)
    assert isinstance(built, tuple) and not isinstance(cached, tuple)
    assert len(cached) == len(built)
    assert list(cached) == list(built)
    assert cached[-1] == built[-1] and cached[:2] == list(built[:2])
