"""Where the pdfium reader ends a ligature glyph: where the next char starts, when that char
is a real one further along the same line; else where the ligature's letters' advances end.

pdfium gives a ligature (`ﬁ`) as its letters at one origin, with no width of its own, so
the glyph's end is taken from what follows it. A char on another line (a raised footnote
mark, the next line's first letter), one drawn back at or before the ligature, or one
pdfium made up (its line-break chars) says nothing of the ligature's width. pdfium's calls
are stood in for here, so each case is one char's origin and flag.
"""

from __future__ import annotations

import ctypes

import pytest

from extractor.readers.pdf import pdfium as reader

LIGATURE = ("object", 100.0, 700.0)  # the ligature's text object and origin (x, y)
ADVANCES_END = 109.5


@pytest.mark.parametrize(
    ("origin", "generated", "end"),
    [
        ((110.0, 700.0), False, 110.0),  # the next letter: the ligature ends where it starts
        ((110.0, 700.0), True, ADVANCES_END),  # a space pdfium made up: no width of its own
        ((110.0, 703.5), False, ADVANCES_END),  # a raised mark: another baseline
        ((40.0, 686.0), False, ADVANCES_END),  # the next line's first letter
        ((100.0, 700.0), False, ADVANCES_END),  # drawn at the ligature's own origin
        ((90.0, 700.0), False, ADVANCES_END),  # drawn back, before it
    ],
    ids=["next-letter", "made-up", "raised", "next-line", "same-origin", "drawn-back"],
)
def test_a_ligature_ends_where_a_real_char_after_it_on_its_line_starts(
    monkeypatch: pytest.MonkeyPatch,
    origin: tuple[float, float],
    generated: bool,
    end: float,
) -> None:
    def char_origin(textpage: object, index: int, x: object, y: object) -> int:
        ctypes.cast(x, ctypes.POINTER(ctypes.c_double))[0] = origin[0]
        ctypes.cast(y, ctypes.POINTER(ctypes.c_double))[0] = origin[1]
        return 1

    monkeypatch.setattr(reader.raw, "FPDFText_GetCharOrigin", char_origin)
    monkeypatch.setattr(reader.raw, "FPDFText_IsGenerated", lambda textpage, index: generated)
    assert reader._ligature_end(None, 5, ADVANCES_END, LIGATURE) == end
