"""A small text's records, as the reading stage makes them, for the parsing tests."""

from __future__ import annotations

from extractor.nlp.lemmas import lemma_table, word_forms
from extractor.reading.records import Record, lines_to_records
from extractor.ruleset import load_rules
from extractor.text.source import SourceText

RULES = load_rules()
WORDS = word_forms()


def records_of(text: str) -> tuple[Record, ...]:
    return lines_to_records(SourceText(text).lines, RULES, lemma_table())
