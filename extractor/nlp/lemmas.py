"""The Romanian lemma lookup table of spacy-lookups-data, read once per process.

Section headings are known by the lemmas of their words, and the fact lexicon
lemmatizes by the same table; this is the one place that reads it.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Mapping
from functools import cache
from importlib.resources import files


@cache
def lemma_table() -> Mapping[str, str]:
    """Spelling -> lemma, as the table writes them (case-sensitive: look up lower case too)."""
    data = files("spacy_lookups_data") / "data" / "ro_lemma_lookup.json.gz"
    return json.loads(gzip.decompress(data.read_bytes()))


@cache
def word_forms() -> tuple[str, ...]:
    """Every spelling and lemma of the table, lower case and sorted: the words a line's end
    may cut, in an order that finds a word and the words it starts by bisection."""
    table = lemma_table()
    return tuple(sorted({word.lower() for pair in table.items() for word in pair}))
