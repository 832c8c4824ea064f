"""The normalized text of a report, split into lines, that every span points into."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the text: 1-based number, 0-based offsets of its first char and its end."""

    number: int
    start: int
    end: int
    text: str

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
        for number, chunk in enumerate(self.text.split("\n"), start=1):
            lines.append(Line(number, start, start + len(chunk), chunk))
            start += len(chunk) + 1
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
