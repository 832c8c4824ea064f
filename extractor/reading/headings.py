"""Know a section heading by what its words mean, not by its exact wording.

A heading is a short line of its own, in any case, with or without a colon,
markup or numbering (`1.`, `II.`, `A)`); it opens the section whose cue its
words carry by their lemmas (`rules/sections.toml`): `Scopul proiectului`
cues the objective through `scop`, `Activități planificate pentru etapa
următoare` the ongoing activities through `activitate` with `planificat`.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

import regex

from extractor.ruleset import HeadingShape, SectionHeading, SectionRules
from extractor.text.cleaning import clean_text, fold

_WORD = regex.compile(r"\p{L}+")
# A cue of at least this many letters also matches words that start with it less
# its last letter: the inflections the lemma table lacks (`derulării`, `desfășurării`).
_STEM_CUE = 5


def heading_words(text: str, shape: HeadingShape) -> list[str] | None:
    """The words of a heading-shaped text (numbering and colon aside), or None if it is none.

    >>> from extractor.ruleset import load_rules
    >>> heading_words("II. Principalele rezultate:", load_rules().sections.heading)
    ['Principalele', 'rezultate']
    >>> heading_words("Au fost atrași 3 membri;", load_rules().sections.heading) is None
    True
    """
    body = shape.numbering.sub("", clean_text(text).lstrip("# "), count=1).rstrip(": ")
    if not body or any(char in shape.not_inside for char in body):
        return None
    if body[-1] in shape.not_at_end:
        return None
    words = _WORD.findall(body)
    return words if 0 < len(words) <= shape.max_words else None


def carries(word: str, cues: tuple[str, ...], lemmas: Mapping[str, str]) -> bool:
    """Whether a word carries one of the cues: its lemma is one, or it is a cue's inflection."""
    lower = word.lower()
    candidates = {fold(word), fold(lemmas.get(word, lower)), fold(lemmas.get(lower, lower))}
    for cue in _folded(cues):
        if cue in candidates:
            return True
        stem = cue[:-1]
        if len(cue) >= _STEM_CUE and fold(word).startswith(stem):
            return True
    return False


@cache
def _folded(cues: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(map(fold, cues))


def section_of(text: str, rules: SectionRules, lemmas: Mapping[str, str]) -> str | None:
    """The section a heading-shaped text opens, by the earliest cue among its words."""
    words = heading_words(text, rules.heading)
    if words is None:
        return None
    found = [
        (first, section.key)
        for section in rules.sections
        if (first := _first_cue(words, section, lemmas)) is not None
    ]
    return min(found)[1] if found else None


def _first_cue(words: list[str], section: SectionHeading, lemmas: Mapping[str, str]) -> int | None:
    positions = [i for i, word in enumerate(words) if carries(word, section.cues, lemmas)]
    if not positions:
        return None
    if section.with_cues and not any(carries(w, section.with_cues, lemmas) for w in words):
        return None
    return positions[0]


def is_subheading(text: str, rules: SectionRules) -> bool:
    """A heading inside a section (`… pentru Etapa nr. 1 :`), by the patterns of the rules."""
    cleaned = clean_text(text).lstrip("# ")
    return any(pattern.match(cleaned) for pattern in rules.subheadings.patterns)
