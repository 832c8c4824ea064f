"""Peel markup off a line's text: markdown heading marks, and emphasis wrapping all of it.

The PDF reader writes bold runs as `**...**` and italic ones as `*...*`, and
converters write markdown headings (`## ...`), so both paths meet here. Only
emphasis that wraps the whole rest of the line is peeled: `**Planul** de
acțiune` stays as it is (cleaning drops its stars later).
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

_HEADING_MARKS = regex.compile(r"(#{1,6})[ \t]+")
# Emphasis marks, strongest first, and what each means.
_EMPHASIS = (("**", "bold"), ("__", "bold"), ("*", "italic"), ("_", "italic"))


@dataclass(frozen=True, slots=True)
class Peeled:
    """Offsets (into the text given) of the bare text, and the markup taken off it."""

    start: int
    end: int
    bold: bool = False
    italic: bool = False


def heading_level(text: str, start: int, end: int) -> tuple[int, int]:
    """The markdown heading level at `start` (0 for none) and where the heading's text starts.

    >>> heading_level("## Rezultate", 0, 12)
    (2, 3)
    """
    match = _HEADING_MARKS.match(text, start, end)
    return (len(match.group(1)), match.end()) if match else (0, start)


def peel_emphasis(text: str, start: int, end: int) -> Peeled:
    """The bare text of `text[start:end]` inside emphasis that wraps all of it.

    >>> peel_emphasis("**Obiectivul proiectului:**", 0, 27)
    Peeled(start=2, end=25, bold=True, italic=False)
    >>> peel_emphasis("**a** și **b**", 0, 14).bold
    False
    """
    bold = italic = False
    peeled = True
    while peeled:
        peeled = False
        for mark, kind in _EMPHASIS:
            width = len(mark)
            if end - start <= 2 * width:
                continue
            if not (text.startswith(mark, start) and text.endswith(mark, start, end)):
                continue
            inner = text[start + width : end - width]
            if mark in inner or inner != inner.strip():
                continue
            start, end = start + width, end - width
            bold, italic = bold or kind == "bold", italic or kind == "italic"
            peeled = True
            break
    return Peeled(start, end, bold, italic)


def is_markup_only(text: str) -> bool:
    """A line of markup alone (`**`, `*`, `__`, `#`): it holds no words.

    >>> is_markup_only("****"), is_markup_only("**a**")
    (True, False)
    """
    return bool(text.strip()) and not text.strip("*_# \t")
