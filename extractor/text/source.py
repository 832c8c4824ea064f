"""The normalized text of a report, split into lines, that every span points into."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the text: 1-based number, 0-based offsets of its first char and its end.

    It keeps the whole text, not a copy of its own chars: a large report's lines
    would otherwise hold the text a second time.
    """

    number: int
    start: int
    end: int
    whole: str = field(repr=False, compare=False)

    @property
    def text(self) -> str:
        return self.whole[self.start : self.end]

    @property
    def is_blank(self) -> bool:
        return not self.text.strip()


@dataclass(frozen=True)
class SourceText:
    """Given the normalized text, index its lines so offsets become line numbers."""

    text: str
    lines: tuple[Line, ...] = field(init=False)
    _starts: tuple[int, ...] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        lines: list[Line] = []
        start = 0
        text = self.text
        for number, end in enumerate(_line_ends(text), start=1):
            lines.append(Line(number, start, end, text))
            start = end + 1
        object.__setattr__(self, "lines", tuple(lines))
        object.__setattr__(self, "_starts", tuple(line.start for line in lines))

    def line_at(self, offset: int) -> Line:
        return self.lines[bisect_right(self._starts, offset) - 1]

    def span(self, start: int, end: int) -> dict[str, int | None]:
        """The contract's span for the chars `start:end` (end exclusive)."""
        last = max(start, end - 1)
        return {
            "page": None,
            "line_start": self.line_at(start).number,
            "line_end": self.line_at(last).number,
            "char_start": start,
            "char_end": end,
        }


def _line_ends(text: str) -> Iterator[int]:
    """The offset of each line's end (its newline, or the text's end for the last)."""
    end = text.find("\n")
    while end != -1:
        yield end
        end = text.find("\n", end + 1)
    yield len(text)
