"""Hard wrapping at a fixed width, as plain-text exports do.

Continuation lines indented to the bullet's text or flush; some words broken
at a hyphenation point made for the purpose (`coope-` / `rare`), never at a
hyphen the text already has, so the join is unambiguous.
"""

from __future__ import annotations

from drift.lines import (
    TEXT_KINDS,
    bullet_prefix,
    classify,
    join_lines,
    opens_line_badly,
    split_lines,
)

VOWELS = frozenset("aeiouăâîAEIOUĂÂÎ")
TRAILING_PUNCTUATION = ".,;:!?)"
MIN_HYPHENATED_LENGTH = 8


def hyphenation_points(word: str) -> list[int]:
    """Places a Romanian typesetter may break `word` at: V-CV and VC-CV, never inside ch, gh.

    >>> hyphenation_points("cooperare")
    [3, 5]
    """
    core = word.rstrip(TRAILING_PUNCTUATION)
    if len(core) < MIN_HYPHENATED_LENGTH or not core.isalpha() or not core[1:].islower():
        return []
    points = []
    for p in range(3, len(core) - 2):
        before, here, after = core[p - 1], core[p], core[p + 1]
        if here in VOWELS or after not in VOWELS or here == "h":
            continue
        if before in VOWELS or (core[p - 2] in VOWELS and before not in VOWELS):
            points.append(p)
    return points


class _Hyphenator:
    """Breaks every other word that does not fit at its last hyphenation point that fits."""

    def __init__(self) -> None:
        self.chances = 0

    def split(self, word: str, room: int) -> tuple[str, str] | None:
        points = [p for p in hyphenation_points(word) if p + 1 <= room]
        if not points:
            return None
        self.chances += 1
        if self.chances % 2 or opens_line_badly(word[points[-1] :]):
            return None
        return word[: points[-1]] + "-", word[points[-1] :]


def _wrap_line(
    line: str, width: int, indent_continuation: bool, hyphenator: _Hyphenator | None
) -> list[str]:
    """One long line filled to `width`: never a marker-like word or a lone number opening a line."""
    prefix = bullet_prefix(line) or line[: len(line) - len(line.lstrip())]
    continuation = " " * len(prefix) if indent_continuation else ""
    out: list[str] = []
    current, empty = prefix, True
    for word in filter(None, line[len(prefix) :].split(" ")):
        candidate = current + ("" if empty else " ") + word
        if empty or len(candidate) <= width or opens_line_badly(word):
            current, empty = candidate, False
            continue
        split = hyphenator.split(word, width - len(current) - 1) if hyphenator else None
        if split:
            out.append(f"{current} {split[0]}")
            current = continuation + split[1]
        else:
            out.append(current)
            current = continuation + word
    if out and current.strip().isdigit():
        out[-1] += " " + current.strip()
    else:
        out.append(current)
    return out


def wrap(text: str, width: int, indent_continuation: bool, hyphenate: bool) -> str:
    """Every paragraph and bullet longer than `width` filled to it; tables and headings kept."""
    lines = split_lines(text)
    hyphenator = _Hyphenator() if hyphenate else None
    out: list[str] = []
    for line, kind in zip(lines, classify(lines), strict=True):
        if kind in TEXT_KINDS and len(line) > width:
            out.extend(_wrap_line(line, width, indent_continuation, hyphenator))
        else:
            out.append(line)
    return join_lines(out)


WRAPS = {
    "wrap_72_indented": (72, True, False, "a plain-text export hard-wrapped at 72 columns"),
    "wrap_72_flush": (72, False, False, "a 72-column wrap that starts continuation lines flush"),
    "wrap_96_indented": (96, True, False, "a plain-text export hard-wrapped at 96 columns"),
    "wrap_96_flush": (96, False, False, "a 96-column wrap that starts continuation lines flush"),
    "wrap_72_hyphenated": (
        72, False, True, "a 72-column wrap that hyphenates some words (`coope-` / `rare`)",
    ),
    "wrap_96_hyphenated": (
        96, True, True, "a 96-column wrap, indented, that hyphenates some words",
    ),
}  # fmt: skip
