"""Text of fields and items as the contract writes it, with a map back to the source.

Markup is removed (`**`, `*`, the `<>` of autolinks, leading bullet glyphs),
runs of white space become one space, and the ends are trimmed. Words,
spelling and punctuation are kept. Each char of the result knows the source
offset it came from, so facts found in cleaned text get true spans.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from math import inf
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import regex

# White space as Unicode's White_Space property and the `regex` module's \s have it;
# `re`'s \s and `str.split` also take \x1c-\x1f, which the text keeps as written.
_WHITE_SPACE = "\t-\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_SPACES = re.compile(f"[{_WHITE_SPACE}]+")
_SPACED_HYPHEN = re.compile(f"[{_WHITE_SPACE}]*-[{_WHITE_SPACE}]*")
_WORD = re.compile(f"[^{_WHITE_SPACE}\x00]+")
_SPACE = re.compile(f"[{_WHITE_SPACE}]")
# White space to `str.split` but not to `_SPACES`.
_SPLIT_ONLY_SPACE = re.compile(r"[\x1c-\x1f]")
# Chars below this are kept in `_UNMARKED` once worked out: the Latin, Greek and
# Cyrillic a report is written in, a bounded few thousand.
_UNMARKED_KEPT_BELOW = 0x2000


@dataclass(frozen=True)
class Cleaned:
    """Cleaned text, and where each of its words and joining spaces came from.

    `words[i]` is (start in the text, start in the source, length) of the i-th
    word; `spaces[i]` the source offset of the white space before word i + 1.
    """

    text: str
    words: tuple[tuple[int, int, int], ...]
    spaces: tuple[int, ...]

    def source_offset(self, position: int) -> int:
        """Given an offset into the cleaned text, the source offset of that char."""
        index = bisect_right(self.words, (position, inf, inf)) - 1
        start, source_start, length = self.words[index]
        if position < start + length:
            return source_start + position - start
        return self.spaces[index]

    def source_range(self, start: int, end: int) -> tuple[int, int]:
        """Given a range of the cleaned text, the source range it came from."""
        return self.source_offset(start), self.source_offset(end - 1) + 1

    @property
    def offsets(self) -> tuple[int, ...]:
        """Per char of the text, its source offset."""
        return tuple(self.source_offset(position) for position in range(len(self.text)))


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
    words: list[tuple[int, int, int]] = []
    spaces: list[int] = []
    length = 0
    previous_end: int | None = None
    kept = _without_markup(raw, lambda markup: "\x00" * len(markup.group()))
    for word in _WORD.finditer(kept, skip):
        start, end = word.span()
        if previous_end is not None:
            # Between two words: white space (one space in the text), markup, or both.
            if kept[previous_end] != "\x00":
                gap: int | None = previous_end
            else:
                found = _SPACE.search(kept, previous_end, start)
                gap = found.start() if found else None
            if gap is not None:
                pieces.append(" ")
                spaces.append(base + gap)
                length += 1
            else:
                spaces.append(base + start)
        pieces.append(word.group())
        words.append((length, base + start, end - start))
        length += end - start
        previous_end = end
    return Cleaned("".join(pieces), tuple(words), tuple(spaces))


def clean_pieces(text: str, pieces: Sequence[tuple[int, int, bool]]) -> Cleaned:
    """The contract's text of several ranges of `text`, joined, with the map back to it.

    Each piece is (start, end, glued): a glued piece joins the one before
    without a space (a word cut by a hyphen at a line's end).

    >>> clean_pieces("coope- rare și *alte*", [(0, 5, False), (7, 21, True)]).text
    'cooperare și alte'
    """
    words: list[tuple[int, int, int]] = []
    spaces: list[int] = []
    pieces_text: list[str] = []
    length = 0
    for start, end, glued in pieces:
        part = clean(text[start:end], base=start)
        if not part.text:
            continue
        if words:
            if glued:
                spaces.append(part.words[0][1])
            else:
                pieces_text.append(" ")
                spaces.append(start)
                length += 1
        words.extend((offset + length, source, size) for offset, source, size in part.words)
        spaces.extend(part.spaces)
        pieces_text.append(part.text)
        length += len(part.text)
    return Cleaned("".join(pieces_text), tuple(words), tuple(spaces))


def pieces_text(text: str, pieces: Sequence[tuple[int, int, bool]]) -> str:
    """`clean_pieces(text, pieces).text`, faster, for callers that need no offsets.

    >>> pieces_text("coope- rare și *alte*", [(0, 5, False), (7, 21, True)])
    'cooperare și alte'
    """
    parts: list[str] = []
    for start, end, glued in pieces:
        raw = text[start:end]
        if _SPLIT_ONLY_SPACE.search(raw):
            part = clean(raw).text
        else:
            # What `clean` keeps: markup (and any NUL, which it reads as markup) out,
            # then the words, one space where white space was between them.
            part = " ".join(_without_markup(raw).replace("\x00", "").split())
        if not part:
            continue
        if parts and not glued:
            parts.append(" ")
        parts.append(part)
    return "".join(parts)


def is_clean(raw: str) -> bool:
    """Whether `clean(raw)` gives `raw` back, each char mapped to its own offset.

    So it does when `raw` holds no markup char (`*`, `<`, `>`) nor NUL, and its words are
    single-spaced, with no other white space (`_single_spaced` leaves it as it is).

    >>> is_clean("Planul de acțiune;"), is_clean("Planul  de **acțiune**")
    (True, False)
    """
    return (
        "*" not in raw
        and "<" not in raw
        and ">" not in raw
        and "\x00" not in raw
        and not _SPLIT_ONLY_SPACE.search(raw)
        and " ".join(raw.split()) == raw
    )


def clean_text(raw: str, bullets: str = "") -> str:
    """`clean(raw, bullets=bullets).text`, faster, for callers that need no offsets.

    >>> clean_text("- <https://x.ro/> și **Planul**;", bullets="-")
    'https://x.ro/ și Planul;'
    """
    skip = leading_marker_length(raw, bullets) if bullets else 0
    return _single_spaced(_without_markup(raw[skip:]))


def _without_markup(raw: str, replacement: str | Callable[[regex.Match[str]], str] = "") -> str:
    """`raw` with each markup match replaced; most lines hold none, and are given back as
    they are without a pass of the pattern (every match is of a `*`, `<` or `>`)."""
    if "*" in raw or "<" in raw or ">" in raw:
        return _markup().sub(replacement, raw)
    return raw


@cache
def _markup() -> regex.Pattern[str]:
    """Emphasis stars, and the angle brackets of an autolink such as <https://x.ro/>.

    The lookbehind of any width needs `regex`, imported here, when a text first holds a
    markup char: its 8 ms of import are a tenth of `diff`, whose documents hold none.
    """
    import regex

    return regex.compile(
        r"\*+|<(?=(?:https?://|www\.)[^<>\s]+>)|(?<=<(?:https?://|www\.)[^<>\s]+)>"
    )


def _single_spaced(text: str) -> str:
    """`text` with each run of white space (`_SPACES`) one space, and its ends trimmed.

    `str.split` does it in a fraction of the time of `_SPACES.sub`; the two agree
    but on the few chars only `str.split` takes for white space.
    """
    if _SPLIT_ONLY_SPACE.search(text):
        return _SPACES.sub(" ", text).strip()
    return " ".join(text.split())


class _Unmarked(dict[int, str]):
    """A `str.translate` table: a char to its canonical decomposition less combining marks.

    Decomposing char by char and dropping the marks gives what NFD of the whole text
    less its marks gives (canonical reordering only moves marks), without a Python
    step per char. A char is worked out on first sight; the common ones are kept.
    """

    def __missing__(self, code: int) -> str:
        decomposed = unicodedata.normalize("NFD", chr(code))
        unmarked = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
        if code < _UNMARKED_KEPT_BELOW:
            self[code] = unmarked
        return unmarked


_UNMARKED = _Unmarked()


def fold(text: str) -> str:
    """A key for matching wordings: no diacritics, no case, no spacing around hyphens.

    >>> fold("Activități  în curs:")
    'activitati in curs:'
    >>> fold("Nord - Vest") == fold("nord-vest")
    True
    """
    bare = text if text.isascii() else text.translate(_UNMARKED)
    spaced = _single_spaced(bare.casefold())
    return _SPACED_HYPHEN.sub("-", spaced) if "-" in spaced else spaced


def fold_within(text: str, limit: int) -> str | None:
    """`fold(text)` if it is at most `limit` chars long, else None; for lookups among keys
    of at most `limit` chars, where most texts tried are long lines.

    The fold of a text's start is the start of its fold (chars fold one by one, and
    spaces only merge or go), so when the start of a long text already folds longer
    than `limit`, the rest need not be read.

    >>> fold_within("Titlu proiect", 20), fold_within("Un paragraf lung " * 9, 20)
    ('titlu proiect', None)
    """
    window = _FOLD_WINDOW * (limit + 1)
    if len(text) > window and len(fold(text[:window])) > limit:
        return None
    folded = fold(text)
    return folded if len(folded) <= limit else None


# A long text's first `_FOLD_WINDOW * (limit + 1)` chars decide `fold_within` but when
# they hold that many spaces and marks.
_FOLD_WINDOW = 2
