"""Page furniture by evidence: page numbers in their usual forms, and running heads.

A text converted from a PDF keeps each page's number and running head, also
in the middle of a paragraph. A page number is known by its form
(`rules/document.toml`); a running head by recurring, digits aside, on three
lines or more while no rule reads it as a heading, label, table row or item.
A lone number between a metadata label alone on its line and the next label is
that label's value (`Nr. membri cluster`, `29`, `Regiunea`), and a line that
recurs only right after labels is a value, not a running head.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

import regex

from extractor.ruleset import FurnitureRules

_DIGITS = regex.compile(r"\d+")
_PUNCTUATION = (".", ",", ";", ":", "!", "?")


def is_page_number(text: str, rules: FurnitureRules) -> bool:
    return any(pattern.match(text) for pattern in rules.patterns)


def furniture_indexes(
    texts: Sequence[str],
    is_structure: Callable[[int], bool],
    is_label: Callable[[int], bool],
    rules: FurnitureRules,
) -> frozenset[int]:
    """Given the bare texts of the non-blank lines, the indexes of the page furniture.

    `is_structure(i)` says whether a rule reads text `i` as structure (a heading,
    a label, a table row, an item), which recurs in every report without being
    furniture; `is_label(i)` whether it is a metadata column label alone on its
    line, whose value is on the next line.
    """
    keys = [_key(text, rules) for text in texts]
    counts = Counter(key for key in keys if key is not None)
    after_label = [index > 0 and is_label(index - 1) for index in range(len(texts))]
    # A value recurs (`Centru`, `Textile și pielărie`) but only ever right after its label.
    elsewhere = {key for key, after in zip(keys, after_label, strict=True) if not after}
    found = set()
    for index, text in enumerate(texts):
        if is_page_number(text, rules):
            between_labels = index + 1 == len(texts) or is_label(index + 1)
            if not (after_label[index] and between_labels):
                found.add(index)
        elif (
            keys[index] is not None
            and counts[keys[index]] >= rules.recurring
            and keys[index] in elsewhere
            and len(text) <= rules.recurring_length
            and _stands_apart(text)
            and not is_structure(index)
        ):
            found.add(index)
    return frozenset(found)


def _key(text: str, rules: FurnitureRules) -> str | None:
    """What recurs of a line: its words, digits aside, in any case; None for a line too
    long for any running head to share its key (casefolding a char gives at most three),
    so the key of a long paragraph line is not kept."""
    key = _DIGITS.sub("#", " ".join(text.split())).casefold()
    return key if len(key) <= 3 * rules.recurring_length else None


def _stands_apart(text: str) -> bool:
    """A running head is no sentence: it starts in no lower case and ends in no punctuation
    (a wrapped paragraph's last word, `clusterului;`, and a paragraph two projects share,
    `Nu este cazul.`, recur too)."""
    letters = [char for char in text if char.isalpha()]
    return bool(letters) and not letters[0].islower() and not text.rstrip().endswith(_PUNCTUATION)
