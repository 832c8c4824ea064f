"""One spelling of the text for every later stage, with a way back to the input.

NFC; Romanian cedilla letters as comma-below; CRLF and CR as LF; no-break and
other odd spaces as spaces; invisible format chars removed, and form feeds too
(the page breaks pdftotext writes before a page's first line, which would read
as indent). `origin` maps an offset of the normalized text to the offset it came
from in the loaded text.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import regex

_TRANSLATE: dict[str, str] = {
    "\u015e": "\u0218",  # Ş -> Ș
    "\u015f": "\u0219",  # ş -> ș
    "\u0162": "\u021a",  # Ţ -> Ț
    "\u0163": "\u021b",  # ţ -> ț
    **dict.fromkeys("\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008", " "),
    **dict.fromkeys("\u2009\u200a\u202f\u205f\u3000", " "),
    **dict.fromkeys("\u2028\u2029", "\n"),
    **dict.fromkeys("\u00ad\u200b\u200c\u200d\u2060\ufeff\f", ""),
}
_NEEDS_WORK = re.compile("[\r" + "".join(_TRANSLATE) + "]")


@dataclass(frozen=True)
class Normalized:
    """Normalized text, and where each of its chars came from in the loaded text.

    The way back is kept as the points where it stops running alongside: from
    normalized offset `starts[k]` on, char i came from `origins[k] + i - starts[k]`.
    A text that only lost its CRs has one point a line, not one a char.
    """

    text: str
    starts: tuple[int, ...] = ()
    origins: tuple[int, ...] = ()
    loaded_length: int | None = None

    def origin(self, offset: int) -> int:
        """Given an offset into the normalized text, the offset in the loaded text."""
        if self.loaded_length is None:
            return offset
        if offset >= len(self.text):
            return self.loaded_length
        point = bisect_right(self.starts, offset) - 1
        return self.origins[point] + offset - self.starts[point]


# A line with its end (CRLF, CR or LF): NFC never joins chars across a line's end.
_LINE = re.compile(r"(?P<body>[^\r\n]*+)(?:\r\n|\r|\n)?+")


@cache
def _marks() -> regex.Pattern[str]:
    """Every char that `unicodedata.combining` counts is a mark (`\\p{M}`) to `regex` too,
    checked over all of Unicode: a line that is NFC and has no mark is left as it is char
    by char. Compiled when a text first needs work (`extractor text` of a clean one never
    imports `regex`)."""
    import regex

    return regex.compile(r"\p{M}")


def normalize(text: str) -> Normalized:
    """Given loaded text, the text every span points into."""
    if unicodedata.is_normalized("NFC", text) and not _NEEDS_WORK.search(text):
        return Normalized(text)
    mapped = _Mapping()
    for line in _LINE.finditer(text):
        start, end = line.span()
        if start == end:
            continue
        body = line.group("body")
        if (
            unicodedata.is_normalized("NFC", body)
            and not _NEEDS_WORK.search(body)
            and not _marks().search(body)
        ):
            mapped.copy(body, start)
            if end > start + len(body):
                mapped.add("\n", start + len(body))
        else:
            _normalize_by_cluster(text, start, end, mapped)
    return mapped.normalized(len(text))


def _normalize_by_cluster(text: str, index: int, end: int, mapped: _Mapping) -> None:
    """Normalize `text[index:end]` a char and its combining marks at a time."""
    while index < end:
        if text[index] == "\r":
            mapped.add("\n", index)
            index += 2 if text.startswith("\n", index + 1) else 1
            continue
        cluster_end = index + 1
        while cluster_end < end and unicodedata.combining(text[cluster_end]):
            cluster_end += 1
        cluster = unicodedata.normalize("NFC", text[index:cluster_end])
        mapped.add("".join(_TRANSLATE.get(ch, ch) for ch in cluster), index)
        index = cluster_end


class _Mapping:
    """The normalized text being built, with the points where its way back changes."""

    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.length = 0
        self.starts: list[int] = []
        self.origins: list[int] = []

    def add(self, piece: str, origin: int) -> None:
        """Append `piece`, every char of which came from the loaded char at `origin`."""
        for offset in range(len(piece)):
            self._point(self.length + offset, origin)
        self.pieces.append(piece)
        self.length += len(piece)

    def copy(self, piece: str, origin: int) -> None:
        """Append `piece`, as it stands in the loaded text from `origin` on."""
        if piece:
            self._point(self.length, origin)
        self.pieces.append(piece)
        self.length += len(piece)

    def _point(self, offset: int, origin: int) -> None:
        if not self.starts or self.origins[-1] + offset - self.starts[-1] != origin:
            self.starts.append(offset)
            self.origins.append(origin)

    def normalized(self, loaded_length: int) -> Normalized:
        return Normalized(
            "".join(self.pieces), tuple(self.starts), tuple(self.origins), loaded_length
        )
