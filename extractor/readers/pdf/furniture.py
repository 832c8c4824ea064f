"""Page furniture: running headers, footers and page numbers, which are not the report's text.

A line is furniture when it is among the first or last lines of its page, in the
top or bottom band, and either repeats (digits aside) at the same height on many
pages, or reads as a page number (`Pagina 3 din 20`, `3 / 20`, `- 3 -`, `3`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import regex

from extractor.readers.pdf.layout import PrintedLine

BAND = 0.12  # share of the page height, at the top and at the bottom, where furniture stands
EDGE_LINES = 2  # how many lines at each end of a page may be furniture
REPEAT_SHARE = 0.5  # a line repeated on this share of the pages (and 3 or more) is furniture
REPEAT_MIN = 3  # fewer repeats may be a table header repeated where the table goes on
_DIGITS = regex.compile(r"\d+")


def _key(line: PrintedLine) -> tuple[str, int]:
    return _DIGITS.sub("#", line.text.strip().lower()), round(line.top / 4)


def _edge(lines: Sequence[PrintedLine], height: float) -> list[int]:
    count = len(lines)
    ends = {*range(min(EDGE_LINES, count)), *range(max(0, count - EDGE_LINES), count)}
    return [
        index
        for index in sorted(ends)
        if lines[index].bottom < BAND * height or lines[index].top > (1 - BAND) * height
    ]


def furniture(
    pages: Sequence[tuple[Sequence[PrintedLine], float]], page_number: regex.Pattern[str]
) -> list[set[int]]:
    """Given each page's lines (top to bottom) and height, the indexes of its furniture lines."""
    counts = Counter(
        _key(lines[index]) for lines, height in pages for index in set(_edge(lines, height))
    )
    needed = max(REPEAT_MIN, REPEAT_SHARE * len(pages))
    return [
        {
            index
            for index in _edge(lines, height)
            if counts[_key(lines[index])] >= needed or page_number.match(lines[index].text.strip())
        }
        for lines, height in pages
    ]
