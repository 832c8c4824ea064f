"""Where the pdfium reader ends a ligature glyph whose own box pdfium does not give: where
the next char starts, when that char is a real one further along the ligature's baseline.

pdfium gives a ligature (`ﬁ`) as its letters at one origin; some PDFs have it share the
glyph's box out among them, and then the glyph's end is taken from what follows it. A
char on another line (a raised footnote mark, the next line's first letter), one drawn
back at or before the ligature, or one pdfium made up (its line-break chars) says nothing
of the ligature's width. pdfium's calls are stood in for here, so each case is one char's
origin and flag.
"""

from __future__ import annotations

import ctypes

import pytest

from extractor.readers.pdf import pdfium as reader

LIGATURE = (100.0, 700.0)  # the ligature's origin (x, y)
LEVEL = (1.0, 0.0)  # its baseline's direction: level text
TURNED = (0.8, 0.6)  # text turned by about 37 degrees


@pytest.mark.parametrize(
    ("direction", "origin", "generated", "run"),
    [
        (LEVEL, (110.0, 700.0), False, (10.0, 0.0)),  # the next letter
        (LEVEL, (110.0, 700.0), True, None),  # a space pdfium made up: no width of its own
        (LEVEL, (110.0, 703.5), False, None),  # a raised mark: another baseline
        (LEVEL, (40.0, 686.0), False, None),  # the next line's first letter
        (LEVEL, (100.0, 700.0), False, None),  # drawn at the ligature's own origin
        (LEVEL, (90.0, 700.0), False, None),  # drawn back, before it
        (TURNED, (108.0, 706.0), False, (8.0, 6.0)),  # the next letter up a turned line
        (TURNED, (108.0, 700.0), False, None),  # level with it: off a turned line
    ],
    ids=[
        "next-letter",
        "made-up",
        "raised",
        "next-line",
        "same-origin",
        "drawn-back",
        "turned-next-letter",
        "turned-off-line",
    ],
)
def test_a_ligature_runs_to_a_real_char_after_it_on_its_baseline(
    monkeypatch: pytest.MonkeyPatch,
    direction: tuple[float, float],
    origin: tuple[float, float],
    generated: bool,
    run: tuple[float, float] | None,
) -> None:
    def char_origin(textpage: object, index: int, x: object, y: object) -> int:
        ctypes.cast(x, ctypes.POINTER(ctypes.c_double))[0] = origin[0]
        ctypes.cast(y, ctypes.POINTER(ctypes.c_double))[0] = origin[1]
        return 1

    monkeypatch.setattr(reader.raw, "FPDFText_GetCharOrigin", char_origin)
    monkeypatch.setattr(reader.raw, "FPDFText_IsGenerated", lambda textpage, index: generated)
    assert reader._run_to(None, 5, LIGATURE, direction) == run
