"""The Romanian lemma table, read once per process, and the word forms a line's end may cut."""

from __future__ import annotations

from extractor.nlp.lemmas import lemma_table, word_forms


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
