"""Know a section heading by what its words mean, not by its exact wording.

A heading is a short line of its own, in any case, with or without a colon,
markup or numbering (`1.`, `II.`, `A)`); it opens the section whose cue its
words carry by their lemmas (`rules/sections.toml`): `Scopul proiectului`
cues the objective through `scop`, `Activități planificate pentru etapa
următoare` the ongoing activities through `activitate` with `planificat`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
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
    if not body or any(char in body for char in shape.not_inside):
        return None
    if body[-1] in shape.not_at_end:
        return None
    words = _WORD.findall(body)
    return words if 0 < len(words) <= shape.max_words else None


def carries(word: str, cues: tuple[str, ...], lemmas: Mapping[str, str]) -> bool:
    """Whether a word carries one of the cues: its lemma is one, or it is a cue's inflection."""
    return _carries(_HeadingWord.of(word, lemmas), cues)


@dataclass(frozen=True)
class _HeadingWord:
    """A word folded, and its folded spellings and lemmas: read once, tried against every cue."""

    folded: str
    candidates: frozenset[str]

    @classmethod
    def of(cls, word: str, lemmas: Mapping[str, str]) -> _HeadingWord:
        lower = word.lower()
        folded = fold(word)
        lemma, lower_lemma = lemmas.get(word, lower), lemmas.get(lower, lower)
        return cls(folded, frozenset({folded, fold(lemma), fold(lower_lemma)}))


def _carries(word: _HeadingWord, cues: tuple[str, ...]) -> bool:
    for cue in _folded(cues):
        if cue in word.candidates:
            return True
        if len(cue) >= _STEM_CUE and word.folded.startswith(cue[:-1]):
            return True
    return False


@cache
def _folded(cues: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(map(fold, cues))


def section_of(text: str, rules: SectionRules, lemmas: Mapping[str, str]) -> str | None:
    """The section a heading-shaped text opens, by the earliest cue among its words."""
    found = heading_words(text, rules.heading)
    if found is None:
        return None
    words = [_HeadingWord.of(word, lemmas) for word in found]
    cued = [
        (first, section.key)
        for section in rules.sections
        if (first := _first_cue(words, section)) is not None
    ]
    return min(cued)[1] if cued else None


def _first_cue(words: list[_HeadingWord], section: SectionHeading) -> int | None:
    positions = [i for i, word in enumerate(words) if _carries(word, section.cues)]
    if not positions:
        return None
    if section.with_cues and not any(_carries(word, section.with_cues) for word in words):
        return None
    return positions[0]


def is_subheading(text: str, rules: SectionRules) -> bool:
    """A heading inside a section (`… pentru Etapa nr. 1 :`), by the patterns of the rules."""
    cleaned = clean_text(text).lstrip("# ")
    return any(pattern.match(cleaned) for pattern in rules.subheadings.patterns)
