"""Spans of a PDF's document placed on their page and box, through normalization's offsets."""

from __future__ import annotations

from array import array

from extractor.readers.pdf.document import PdfGeometry
from extractor.readers.pdf.placement import place_spans
from extractor.text.normalize import normalize


def geometry(pages: list[int], boxes: list[tuple[float, float, float, float]]) -> PdfGeometry:
    flat = [value for box in boxes for value in box]
    return PdfGeometry(array("H", pages), array("d", flat))


def span(start: int, end: int) -> dict[str, int | None]:
    return {"page": None, "line_start": 1, "line_end": 1, "char_start": start, "char_end": end}


# "ab\ncd": a and b on page 1, the newline written by the loader, c and d on page 2.
GEOMETRY = geometry(
    [1, 1, 0, 2, 2],
    [(10, 20, 15, 30), (15, 20, 20, 30), (0, 0, 0, 0), (50, 60, 55, 70), (55, 60, 61, 72)],
)


def test_every_span_at_any_depth_gets_page_and_box() -> None:
    document = {"projects": [{"span": span(0, 2), "items": [{"span": span(3, 5)}]}]}
    placed = place_spans(document, normalize("ab\ncd"), GEOMETRY)
    assert placed["projects"][0]["span"]["page"] == 1
    assert placed["projects"][0]["span"]["bbox"] == [10.0, 20.0, 20.0, 30.0]
    assert placed["projects"][0]["items"][0]["span"]["page"] == 2
    assert placed["projects"][0]["items"][0]["span"]["bbox"] == [50.0, 60.0, 61.0, 72.0]


def test_a_span_over_a_page_break_is_placed_where_it_starts() -> None:
    placed = place_spans({"span": span(1, 5)}, normalize("ab\ncd"), GEOMETRY)
    assert placed["span"]["page"] == 1
    assert placed["span"]["bbox"] == [15.0, 20.0, 20.0, 30.0]


def test_chars_the_loader_wrote_have_no_place() -> None:
    placed = place_spans({"span": span(2, 3)}, normalize("ab\ncd"), GEOMETRY)
    assert placed["span"]["page"] is None and placed["span"]["bbox"] is None


def test_an_empty_span_has_no_place() -> None:
    """An empty value's span covers no char: at the start of the text (also of one that
    normalization shortened further on), or just after a line break that normalization
    shortened (its last char before it is elsewhere)."""
    crlf = geometry([1, 0, 0, 2], [(1, 1, 2, 2), (0, 0, 0, 0), (0, 0, 0, 0), (7, 8, 9, 10)])
    for text, layout, at in (("ab\ncd", GEOMETRY, 0), ("a\r\nc", crlf, 0), ("a\r\nc", crlf, 2)):
        placed = place_spans({"span": span(at, at)}, normalize(text), layout)
        assert placed["span"]["page"] is None and placed["span"]["bbox"] is None


def test_offsets_go_back_through_normalization() -> None:
    # CRLF becomes one newline: normalized offset 3 is loaded offset 4.
    crlf = geometry(
        [1, 1, 0, 0, 2, 2],
        [(1, 1, 2, 2), (2, 1, 3, 2), (0, 0, 0, 0), (0, 0, 0, 0), (7, 8, 9, 10), (9, 8, 11, 10)],
    )
    placed = place_spans({"span": span(3, 5)}, normalize("ab\r\ncd"), crlf)
    assert placed["span"]["page"] == 2
    assert placed["span"]["bbox"] == [7.0, 8.0, 11.0, 10.0]


def test_the_input_is_not_changed() -> None:
    document = {"span": span(0, 2)}
    place_spans(document, normalize("ab\ncd"), GEOMETRY)
    assert document == {"span": span(0, 2)}
