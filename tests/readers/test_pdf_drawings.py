"""What the pdfium reader makes of a page's drawing: the same ruled tables and shapes as pdfplumber.

Writers draw tables and list markers in many ways: rectangles (`re`) or four lines,
closed with `h` or with a last line back to the start, under a `cm` that moves,
scales, turns or mirrors them, inside a form object with its own matrix. The
pdfium reader works the page geometry out itself, so each such page is read by
both readers and compared. Coordinates are sixteenths of a point, which both
libraries hold exactly, so the comparison is exact up to the pdfium reader's
rounding to a thousandth of a point.
"""

from __future__ import annotations

import pytest

from extractor.readers.pdf.layout import Shape
from extractor.readers.pdf.reading import PageContent, page_reader
from extractor.ruleset import load_rules

RULES = load_rules().pdf
HEIGHT = 500


def stream(content: str, attributes: str = "") -> str:
    data = content.encode("latin-1")
    return f"<< {attributes} /Length {len(data)} >>\nstream\n{content}\nendstream"


def drawing_pdf(content: str, form: str = "", form_matrix: str = "1 0 0 1 0 0") -> bytes:
    """A one-page PDF drawing `content`, with a form object /Fm1 that `content` may paint."""
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 {HEIGHT}] /Contents 4 0 R"
        " /Resources << /XObject << /Fm1 5 0 R >> >> >>",
        stream(content),
        stream(
            form,
            f"/Type /XObject /Subtype /Form /BBox [-2000 -2000 2000 2000] /Matrix [{form_matrix}]",
        ),
    ]
    out, offsets = pdf_objects(objects)
    start = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode("latin-1")
    out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode("latin-1")
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{start}\n%%EOF\n".encode(
            "latin-1"
        )
    )
    return bytes(out)


def pdf_objects(objects: list[str]) -> tuple[bytearray, list[int]]:
    """A PDF's header and its objects, numbered from 1, with where each starts: what a
    cross-reference table or stream after them gives."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    return out, offsets


def table_as_rectangles(x: float, y: float) -> str:
    """A 2-by-2 table of `re` cells, 40.0625 wide and 12.1875 tall, from (x, y) up, stroked as
    one path."""
    cells = (
        f"{x + column * 40.0625} {y + row * 12.1875} 40.0625 12.1875 re\n"
        for row in range(2)
        for column in range(2)
    )
    return "".join(cells) + "S\n"


def table_as_lines(x: float, y: float) -> str:
    """The same table as single stroked lines, the outer box closed by `h`."""
    right, top = x + 80.125, y + 24.375
    return (
        f"{x} {y} m {right} {y} l {right} {top} l {x} {top} l h S\n"
        f"{x} {y + 12.1875} m {right} {y + 12.1875} l S\n"
        f"{x + 40.0625} {y} m {x + 40.0625} {top} l S\n"
    )


def table_as_one_outline(x: float, y: float) -> str:
    """The same table with its outer box one path begun halfway along its top and closed by
    `h`: the closing segment draws part of the top rule."""
    right, top = x + 80.125, y + 24.375
    return (
        f"{x + 20.25} {top} m {right} {top} l {right} {y} l {x} {y} l {x} {top} l h S\n"
        f"{x} {y + 12.1875} m {right} {y + 12.1875} l S\n"
        f"{x + 40.0625} {y} m {x + 40.0625} {top} l S\n"
    )


MARKERS = (
    # a filled square closed by a line back to its start, an outlined one closed by `h`
    "30.5 400.25 4.0625 4.0625 re f\n"
    "30.5 380.25 m 34.5625 380.25 l 34.5625 384.3125 l 30.5 384.3125 l 30.5 380.25 l S\n"
    "30.5 360.25 m 34.5625 360.25 l 34.5625 364.3125 l 30.5 364.3125 l h S\n"
    # trapezoids, begun on a level side and just after one: four sides, no rectangle
    "28 180 m 32.0625 180 l 31 184.125 l 29 184.125 l h f\n"
    "32.0625 170 m 31 174.125 l 29 174.125 l 28 170 l h f\n"
    # four sides of a square left open, the last ending halfway up: no rectangle
    "30.5 280.25 m 34.5625 280.25 l 34.5625 284.3125 l 30.5 284.3125 l 30.5 282.25 l S\n"
    # a round bullet of four curves, a triangle, a lozenge (a square turned: not a rectangle)
    "32 340 m 32 341.125 31.125 342 30 342 c 28.875 342 28 341.125 28 340 c"
    " 28 338.875 28.875 338 30 338 c 31.125 338 32 338.875 32 340 c f\n"
    "28 320 m 32.0625 322.0625 l 28 324.125 l h f\n"
    "30 300 m 32.0625 302.0625 l 30 304.125 l 27.9375 302.0625 l h S\n"
    # a stroke drawn there and back, and an arc: each one shape, not a rule
    "28 160 m 34.0625 160 l 28 160 l S\n"
    "28 150 m 30 152.125 32.0625 152.125 34.0625 150 c S\n"
    # a line closed by `h` (a rule, as pdfminer reads it), an arc closed by `h` (a shape)
    "40 140 m 46.0625 140 l h S\n"
    "28 130 m 30 132.125 32.0625 132.125 34.0625 130 c h S\n"
    # painted with neither fill nor stroke (`n`): a clipping path, not drawn
    "50 50 300 400 re n\n"
)

CLOSED_SHAPES = (
    # a round bullet closed by `h` at its start, and two four-sided tabs with one right
    # angle each, at their start and at their second corner: no rectangles
    "32 70 m 32 71.125 31.125 72 30 72 c 28.875 72 28 71.125 28 70 c"
    " 28 68.875 28.875 68 30 68 c 31.125 68 32 68.875 32 70 c h f\n"
    "28 50 m 28 54.125 l 31 54.125 l 32.0625 51 l h f\n"
    "28 40 m 32.0625 40 l 32.0625 43 l 29 44.125 l h f\n"
)

MATRICES = {
    "as drawn": "1 0 0 1 0 0",
    "moved": "1 0 0 1 12.5625 -20.25",
    "scaled": "0.5 0 0 1.25 8.0625 4.125",
    "turned a quarter": "0 1 -1 0 380.0625 10.5",
    "mirrored": "-1 0 0 1 390.1875 0",
    "sheared": "1 0.25 0 1 0 0",
    "turned and scaled": "0 -0.5 0.75 0 40.25 480.5",
}


def read(data: bytes, engine: str) -> PageContent:
    (page,) = page_reader(engine)(data, "drawing.pdf", RULES)
    return page


def to_thousandths(page: PageContent) -> tuple[list, list[Shape]]:
    """pdfplumber's figures as the pdfium reader rounds them: to a thousandth of a point."""

    def box(values: tuple[float, ...]) -> tuple[float, ...]:
        return tuple(round(value, 3) for value in values)

    grids = [
        (box(bbox), [[cell and box(cell) for cell in row] for row in rows])
        for bbox, rows in page.grids
    ]
    shapes = [
        Shape(*box((shape.x0, shape.top, shape.x1, shape.bottom)), shape.filled)
        for shape in page.shapes
    ]
    return grids, shapes


def assert_read_alike(data: bytes) -> PageContent:
    ours, reference = read(data, "pdfium"), read(data, "pdfplumber")
    assert (ours.grids, ours.shapes) == to_thousandths(reference)
    return ours


@pytest.mark.parametrize("matrix", MATRICES.values(), ids=MATRICES.keys())
def test_tables_and_markers_under_a_page_matrix(matrix: str) -> None:
    """A `cm` before the drawing places every point of it: tables and markers alike."""
    content = (
        f"q {matrix} cm\n"
        + table_as_rectangles(60.25, 100.125)
        + table_as_lines(200.0625, 220.3125)
        + table_as_one_outline(40.5, 300.25)
        + MARKERS
        + CLOSED_SHAPES
        + "Q\n"
    )
    page = assert_read_alike(drawing_pdf(content))
    assert len(page.grids) == 3 or matrix == MATRICES["sheared"]  # a sheared table rules nothing
    assert len(page.shapes) >= 6


@pytest.mark.parametrize("matrix", MATRICES.values(), ids=MATRICES.keys())
def test_a_form_objects_matrix_goes_under_the_page_matrix(matrix: str) -> None:
    """A form object (a header drawn once, a table pasted as a figure) has a matrix of its own,
    applied before the one in force where the page paints it."""
    form = table_as_rectangles(10.0625, 20.125) + MARKERS
    content = f"q 1 0 0 1 30.5 -15.25 cm q {matrix} cm /Fm1 Do Q Q\n"
    page = assert_read_alike(drawing_pdf(content, form, form_matrix="0.75 0 0 0.5 40.125 60.0625"))
    assert page.shapes


def test_what_the_page_draws_after_a_form_object_is_read_too() -> None:
    """A page goes on after a form object it paints (a letterhead first, the table after)."""
    data = drawing_pdf(
        "/Fm1 Do\n" + table_as_lines(200.0625, 300.3125), table_as_rectangles(10, 20)
    )
    assert len(assert_read_alike(data).grids) == 2


def test_a_form_in_a_turned_form() -> None:
    """Matrices compose innermost first: a form turned a quarter inside a page turned a quarter,
    its drawing scaled and moved before both."""
    data = drawing_pdf(
        "q 0 1 -1 0 300.5 20.25 cm /Fm1 Do Q\n",
        "q 2 0 0 0.5 10.125 30.0625 cm " + table_as_lines(5.25, 8.0625) + MARKERS + " Q\n",
        form_matrix="0 1 -1 0 100.0625 -12.5",
    )
    assert len(assert_read_alike(data).grids) == 1
