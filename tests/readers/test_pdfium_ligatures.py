"""Where the pdfium reader ends a ligature glyph whose own box pdfium does not give: where
the next char starts, when that char is a real one further along the ligature's baseline.

pdfium gives a ligature (`ﬁ`) as its letters at one origin; some PDFs have it share the
glyph's box out among them, and then the glyph's end is taken from what follows it. A
char on another line (a raised footnote mark, the next line's first letter), one drawn
back at or before the ligature, or one pdfium made up (its line-break chars) says nothing
of the ligature's width. pdfium's calls are stood in for here, so each case is one char's
origin and flag, or the loose boxes pdfium gives a ligature's letters.
"""

from __future__ import annotations

import ctypes

import pytest

from extractor.readers.pdf import pdfium as reader

LIGATURE = (100.0, 700.0)  # the ligature's origin (x, y)
LEVEL = (1.0, 0.0)  # its baseline's direction: level text
TURNED = (0.8, 0.6)  # text turned by about 37 degrees
CONDENSED = (0.5, 0.0)  # level text squeezed to half its width
# A char off the line by exactly the tolerance (1e-4 per point along): 2**-10 up over
# 9.765625 across, both exact in binary, so the comparison meets the bound itself.
AT_TOLERANCE = (LIGATURE[0] + 9.765625, LIGATURE[1] + 2**-10)


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
        (LEVEL, (100.5, 700.0), False, (0.5, 0.0)),  # a next letter under a point on
        # pdfium's 32-bit origins: a level line's next letter a hair off it is on it
        (LEVEL, (110.0, 700.0005), False, (10.0, 700.0005 - LIGATURE[1])),
        (LEVEL, AT_TOLERANCE, False, (9.765625, 2**-10)),  # the bound is on the line
        # the tolerance is a slope on the page, whatever the text's scale
        (CONDENSED, (110.0, 700.0015), False, None),
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
        "close-next-letter",
        "a-hair-off-line",
        "at-the-tolerance",
        "condensed-off-line",
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


@pytest.mark.parametrize(
    ("matrix", "boxes", "advance"),
    [
        # level text: the box's width is the advance
        ((1.0, 0.0, 0.0, 1.0), [(100.0, 708.0, 106.5, 697.0)] * 2, 6.5),
        # turned 30 degrees: width |a| advance + |c| height, height |b| advance + |d| height
        (
            (0.866, 0.5, -0.5, 0.866),
            [(100.0, 711.91, 110.629, 700.0)] * 2,
            pytest.approx(6.5, abs=1e-3),
        ),
        # squashed flat to the bound of what tells: a d - b c at the tolerance itself
        ((1.0, 0.0, 0.0, 0.001), [(100.0, 700.011, 106.5, 700.0)] * 2, pytest.approx(6.5)),
        # turned 45 degrees: the box's width and height say nothing apart
        ((0.7071, 0.7071, -0.7071, 0.7071), [(100.0, 712.4, 112.4, 700.0)] * 2, None),
        # the box shared out among the letters: each letter's box differs
        ((1.0, 0.0, 0.0, 1.0), [(100.0, 708.0, 103.0, 697.0), (103.0, 708.0, 106.5, 697.0)], None),
    ],
    ids=["level", "turned-30", "squashed-to-the-bound", "turned-45", "shared-out"],
)
def test_a_ligatures_advance_from_pdfiums_box(
    monkeypatch: pytest.MonkeyPatch,
    matrix: tuple[float, float, float, float],
    boxes: list[tuple[float, float, float, float]],
    advance: object,
) -> None:
    """pdfium gives each letter of a ligature the glyph's loose box; its advance is worked
    back from the box through the char's matrix, unless the letters' boxes differ or the
    matrix cannot tell width from height (text turned about 45 degrees)."""
    by_index = {3: boxes[0], 4: boxes[1]}  # the ligature's first letter, then this one

    def loose_box(textpage: object, index: int, box: object) -> int:
        rect = box._obj  # the FS_RECTF a `byref` points to
        rect.left, rect.top, rect.right, rect.bottom = by_index[index]
        return 1

    monkeypatch.setattr(reader.raw, "FPDFText_GetLooseCharBox", loose_box)
    assert reader._boxed_advance(None, 3, 4, matrix) == advance
