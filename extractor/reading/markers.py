"""Read the list marker that opens a line, from the inventory of `rules/markup.toml`.

A marker is a glyph (`-`, `•`, `o`, `✓`, `*`, ...) or a numbering (`1.`, `a)`,
`iv.`) followed by white space or the end of the line. Glyphs may stack
(`- ✓ Diseminare` is one item); a glyph that is also a word (`o`) only opens
a line, it never stacks behind another marker.
"""

from __future__ import annotations

from dataclasses import dataclass

from extractor.ruleset import MarkupRules


@dataclass(frozen=True, slots=True)
class Marker:
    """A line's list marker: its kind and level, its first glyph, and where its text starts."""

    kind: str
    level: int
    glyph: str
    end: int

    @property
    def is_word(self) -> bool:
        return self.glyph.isalpha() and self.kind != "numbering"


def read_marker(text: str, start: int, end: int, rules: MarkupRules) -> Marker | None:
    """The marker opening `text[start:end]`, and the offset after it and its white space.

    >>> from extractor.ruleset import load_rules
    >>> read_marker("- ✓ Diseminare", 0, 14, load_rules().markup)
    Marker(kind='dash', level=1, glyph='-', end=4)
    >>> read_marker("o bancă de date", 0, 15, load_rules().markup).is_word
    True
    """
    first: Marker | None = None
    position = start
    while position < end:
        token_end = position
        while token_end < end and not text[token_end].isspace():
            token_end += 1
        token = text[position:token_end]
        found = rules.glyph(token)  # the inventory's glyphs are single chars
        if found is None and first is None and rules.numbering.match(token):
            found = ("numbering", 1)  # numbering only opens a marker, never stacks on one
        if found is None or (first is not None and token.isalpha()):
            break
        after = token_end
        while after < end and text[after].isspace():
            after += 1
        kind, level = found
        first = (
            Marker(kind, level, token, after)
            if first is None
            else Marker(first.kind, first.level, first.glyph, after)
        )
        position = after
    return first
