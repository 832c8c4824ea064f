"""The pdfium reader's char codes: one call for a page, chars past U+FFFF made whole.

pdfium counts a char past U+FFFF (an emoji, a mathematical letter) as two chars, its
UTF-16 halves, and every other pdfium call goes by char index; so the first half's index
gets the whole char and the second's a control char the glyph loop skips. A half with no
other half, which a broken ToUnicode map gives, is no char and becomes U+FFFD, so the
output stays valid UTF-8. pdfium's call is stood in for here, writing the given units.
"""

from __future__ import annotations

import ctypes

import pytest

from extractor.readers.pdf import pdfium as reader


@pytest.mark.parametrize(
    ("units", "codes"),
    [
        ([0x61, 0x62], [0x61, 0x62]),
        ([0x61, 0xD800, 0xDC00, 0x62], [0x61, 0x10000, 0, 0x62]),  # the first char past U+FFFF
        ([0xDBFF, 0xDFFF], [0x10FFFF, 0]),  # the last
        ([0xD834, 0xDD1E, 0xD800, 0xDF00], [0x1D11E, 0, 0x10300, 0]),  # two in a row
        ([0x61, 0xD800], [0x61, 0xFFFD]),  # a first half at the page's end
        ([0xD800, 0x62], [0xFFFD, 0x62]),  # a first half before a letter
        ([0xDC00, 0x62], [0xFFFD, 0x62]),  # a second half alone
        ([0x61, 0xDFFF], [0x61, 0xFFFD]),  # the last second half, alone
        ([0xDC00, 0xDC00], [0xFFFD, 0xFFFD]),  # two second halves make no char
        ([0xD800, 0xE000], [0xFFFD, 0xE000]),  # a first half before the first private-use char
        ([0xD7FF, 0xE000], [0xD7FF, 0xE000]),  # just below and above the halves
    ],
    ids=[
        "plain",
        "first-past",
        "last",
        "two",
        "half-at-end",
        "half-before-letter",
        "lone-second",
        "lone-last",
        "two-second-halves",
        "half-before-private-use",
        "edges",
    ],
)
def test_chars_past_u_ffff_are_whole_at_their_first_index(
    monkeypatch: pytest.MonkeyPatch, units: list[int], codes: list[int]
) -> None:
    def get_text(textpage: object, start: int, count: int, buffer: ctypes.Array) -> int:
        for index, unit in enumerate(units[start : start + count]):
            buffer[index] = unit
        return count + 1

    monkeypatch.setattr(reader.raw, "FPDFText_GetText", get_text)
    assert reader._codes(None, len(units)) == codes
