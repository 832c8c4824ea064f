"""Text of fields and items as the contract writes it, with a map back to the source.

Markup is removed (`**`, `*`, the `<>` of autolinks, leading bullet glyphs),
runs of white space become one space, and the ends are trimmed. Words,
spelling and punctuation are kept. Each char of the result knows the source
offset it came from, so facts found in cleaned text get true spans.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import regex

# Emphasis stars, and the angle brackets of an autolink such as <https://x.ro/>.
_MARKUP = regex.compile(r"\*+|<(?=(?:https?://|www\.)[^<>\s]+>)|(?<=<(?:https?://|www\.)[^<>\s]+)>")
_SPACES = regex.compile(r"\s+")
_SPACED_HYPHEN = regex.compile(r"\s*-\s*")
_WORD = regex.compile(r"[^\s\x00]+")
_SPACE = regex.compile(r"\s")


@dataclass(frozen=True)
class Cleaned:
    """Cleaned text and, per char, the source offset it was taken from."""

    text: str
    offsets: tuple[int, ...]

    def source_range(self, start: int, end: int) -> tuple[int, int]:
        """Given a range of the cleaned text, the source range it came from."""
        return self.offsets[start], self.offsets[end - 1] + 1


def leading_marker_length(raw: str, bullets: str) -> int:
    """Length of the indentation and bullet glyphs (`- `, `• `, `- ✓ `) that open `raw`."""
    position = len(raw) - len(raw.lstrip())
    while position < len(raw) and raw[position] in bullets:
        after = position + 1
        if after < len(raw) and not raw[after].isspace():
            break
        position = after
        while position < len(raw) and raw[position].isspace():
            position += 1
    return position


def clean(raw: str, base: int = 0, bullets: str = "") -> Cleaned:
    """Given source text starting at offset `base`, the contract's text of it.

    >>> clean("- **Planul** de  acțiune;", bullets="-").text
    'Planul de acțiune;'
    """
    skip = leading_marker_length(raw, bullets) if bullets else 0
    pieces: list[str] = []
    offsets: list[int] = []
    previous_end: int | None = None
    kept = _MARKUP.sub(lambda markup: "\x00" * len(markup.group()), raw)
    for word in _WORD.finditer(kept, skip):
        start, end = word.span()
        if previous_end is not None:
            gap = _SPACE.search(kept, previous_end, start)
            if gap:
                pieces.append(" ")
                offsets.append(base + gap.start())
        pieces.append(word.group())
        offsets.extend(range(base + start, base + end))
        previous_end = end
    return Cleaned("".join(pieces), tuple(offsets))


def clean_text(raw: str, bullets: str = "") -> str:
    """`clean(raw, bullets=bullets).text`, faster, for callers that need no offsets.

    >>> clean_text("- <https://x.ro/> și **Planul**;", bullets="-")
    'https://x.ro/ și Planul;'
    """
    skip = leading_marker_length(raw, bullets) if bullets else 0
    return _SPACES.sub(" ", _MARKUP.sub("", raw[skip:])).strip()


def fold(text: str) -> str:
    """A key for matching wordings: no diacritics, no case, no spacing around hyphens.

    >>> fold("Activități  în curs:")
    'activitati in curs:'
    >>> fold("Nord - Vest") == fold("nord-vest")
    True
    """
    if text.isascii():
        bare = text
    else:
        decomposed = unicodedata.normalize("NFD", text)
        bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACED_HYPHEN.sub("-", _SPACES.sub(" ", bare.casefold()).strip())
