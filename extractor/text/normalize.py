"""One spelling of the text for every later stage, with a way back to the input.

NFC; Romanian cedilla letters as comma-below; CRLF and CR as LF; no-break and
other odd spaces as spaces; invisible format chars removed. `origin` maps an
offset of the normalized text to the offset it came from in the loaded text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_TRANSLATE: dict[str, str] = {
    "\u015e": "\u0218",  # Ş -> Ș
    "\u015f": "\u0219",  # ş -> ș
    "\u0162": "\u021a",  # Ţ -> Ț
    "\u0163": "\u021b",  # ţ -> ț
    **dict.fromkeys("\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008", " "),
    **dict.fromkeys("\u2009\u200a\u202f\u205f\u3000", " "),
    **dict.fromkeys("\u2028\u2029", "\n"),
    **dict.fromkeys("\u00ad\u200b\u200c\u200d\u2060\ufeff", ""),
}
_NEEDS_WORK = re.compile("[\r" + "".join(_TRANSLATE) + "]")


@dataclass(frozen=True)
class Normalized:
    """Normalized text; `offsets[i]` is the loaded-text offset of char i (None: the same)."""

    text: str
    offsets: tuple[int, ...] | None = None
    loaded_length: int | None = None

    def origin(self, offset: int) -> int:
        """Given an offset into the normalized text, the offset in the loaded text."""
        if self.offsets is None:
            return offset
        if offset >= len(self.offsets):
            return self.loaded_length  # type: ignore[return-value]
        return self.offsets[offset]


def normalize(text: str) -> Normalized:
    """Given loaded text, the text every span points into."""
    if unicodedata.is_normalized("NFC", text) and not _NEEDS_WORK.search(text):
        return Normalized(text)
    pieces: list[str] = []
    offsets: list[int] = []
    index, length = 0, len(text)
    while index < length:
        if text[index] == "\r":
            pieces.append("\n")
            offsets.append(index)
            index += 2 if text.startswith("\n", index + 1) else 1
            continue
        end = index + 1
        while end < length and unicodedata.combining(text[end]):
            end += 1
        cluster = unicodedata.normalize("NFC", text[index:end])
        for ch in cluster:
            replacement = _TRANSLATE.get(ch, ch)
            pieces.append(replacement)
            offsets.extend([index] * len(replacement))
        index = end
    return Normalized("".join(pieces), tuple(offsets), length)
