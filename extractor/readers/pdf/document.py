"""Read a report from its PDF into the text form of the report, with each char's place on a page.

The rest of the pipeline is shared with text input: this loader writes the same
dialect (one line per paragraph or list item, `**bold**`, `*italic*`, `- ` and
` - ` bullets, table rows with tab-separated cells), leaves page furniture on
lines of its own that it names, and keeps for every char the page and box it
was read from, so spans can name them.
"""

from __future__ import annotations

from array import array
from collections import Counter
from dataclasses import dataclass
from functools import cached_property

import numpy

from extractor.collector import cyclic_gc_paused
from extractor.errors import E_PDF_NO_TEXT, ExtractorError
from extractor.readers.pdf.furniture import furniture
from extractor.readers.pdf.layout import (
    PrintedLine,
    TextBlock,
    Unit,
    glyphs_to_lines,
    line_pitches,
    mark_shapes,
    marker_levels,
    starts_block,
)
from extractor.readers.pdf.problems import damaged
from extractor.readers.pdf.reading import DEFAULT_ENGINE, PageContent, PageProgress, page_reader
from extractor.readers.pdf.tables import (
    Box,
    TableBlock,
    aligned_table,
    continues,
    fill_grid,
    join_continued,
    mark_cut_words,
    split_inside,
    whole_words,
)
from extractor.ruleset import PdfRules

Element = PrintedLine | TableBlock


@dataclass(frozen=True)
class Furniture:
    """A running header, footer or page number: its line in the text, and where it was printed."""

    line: int
    text: str
    page: int
    bbox: Box


@dataclass(frozen=True)
class PdfGeometry:
    """For each char of the loaded text, the page and box it was read from (page 0: none)."""

    pages: array
    boxes: array

    @cached_property
    def _views(self) -> tuple[numpy.ndarray, numpy.ndarray]:
        """The pages, and the boxes as rows, seen as arrays once for every span to locate."""
        pages = numpy.frombuffer(self.pages, dtype=self.pages.typecode)
        return pages, numpy.frombuffer(self.boxes, dtype=self.boxes.typecode).reshape(-1, 4)

    def locate(self, start: int, end: int) -> tuple[int | None, Box | None]:
        """Given a range of the loaded text, the first page it is on and its box there.

        A range that runs over a page break is placed on the page where it starts.
        Chars the loader wrote itself (spaces between lines, markup) have no place.
        """
        all_pages, all_boxes = self._views
        pages = all_pages[start:end]
        placed = pages != 0
        if not placed.any():
            return None, None
        page = pages[placed.argmax()]
        held = all_boxes[start:end][pages == page]
        x0, top, _, _ = held.min(axis=0).tolist()
        _, _, x1, bottom = held.max(axis=0).tolist()
        return int(page), (round(x0, 2), round(top, 2), round(x1, 2), round(bottom, 2))


@dataclass(frozen=True)
class LoadedPdf:
    """A PDF read as the report's text form, with its page count, geometry and furniture."""

    text: str
    pages: int
    geometry: PdfGeometry
    furniture: tuple[Furniture, ...]


@dataclass
class _Page:
    height: float
    lines: list[PrintedLine]
    tables: list[TableBlock]


def load_pdf(
    data: bytes,
    name: str,
    rules: PdfRules,
    on_page: PageProgress | None = None,
    engine: str = DEFAULT_ENGINE,
) -> LoadedPdf:
    """Given the bytes of a PDF and its file name (for messages), the report's text form.

    `on_page` hears of each page read; `engine` names the reader of chars, ruling
    lines and shapes (`reading.PDF_ENGINES`). The layout builds tens of thousands of
    small acyclic objects a page, so it runs with the cyclic collector paused (its
    passes walk the whole heap, spaCy's included): only the reader, whose library
    may make cycles (pdfminer's), runs with it on.
    """
    pages: list[_Page] = []
    for content in page_reader(engine)(data, name, rules):
        with cyclic_gc_paused():
            pages.append(_read_page(content, rules))
        if on_page:
            on_page(len(pages), content.of)
    with cyclic_gc_paused():
        return _lay_out(pages, name, rules)


def _lay_out(pages: list[_Page], name: str, rules: PdfRules) -> LoadedPdf:
    """Given the pages read, the report's text form: furniture, blocks, tables, geometry."""
    if not pages:
        raise damaged(name, ValueError("no pages"))
    if not any(page.lines or page.tables for page in pages):
        raise ExtractorError(
            E_PDF_NO_TEXT,
            f"{name}: the PDF has no text layer (its {len(pages)} page(s) are images)",
            "it needs OCR, which this tool does not do; run an OCR tool and extract its output",
        )
    flagged = furniture([(page.lines, page.height) for page in pages], rules.furniture.page_number)
    elements: list[tuple[Element, bool]] = []
    for page, marks in zip(pages, flagged, strict=True):
        elements.extend(_page_elements(page, marks))
    pieces = _assemble(elements)
    words = _vocabulary(pieces)
    for piece in pieces:
        if isinstance(piece, TableBlock):
            mark_cut_words(piece, words)
    return _write(pieces, len(pages))


def _read_page(content: PageContent, rules: PdfRules) -> _Page:
    """Given a page as read, its glyphs as lines, apart from those in ruled tables."""
    number, glyphs = content.number, content.glyphs
    tables: list[TableBlock] = []
    for box, grid in content.grids:
        held, rest = split_inside(glyphs, box)
        if held:
            tables.append(fill_grid(box, grid, held, number))
            glyphs = rest
    lines = glyphs_to_lines(glyphs, number, rules.lists)
    return _Page(content.height, mark_shapes(lines, content.shapes, rules.lists), tables)


def _page_elements(page: _Page, marks: set[int]) -> list[tuple[Element, bool]]:
    """Given a page and its furniture line indexes, its lines and tables in reading order."""
    body = [line for index, line in enumerate(page.lines) if index not in marks]
    found: list[tuple[Element, bool]] = [(page.lines[index], True) for index in sorted(marks)]
    index = 0
    while index < len(body):
        table = aligned_table(body, index)
        if table:
            found.append((table[0], False))
            index = table[1]
        else:
            found.append((body[index], False))
            index += 1
    found.extend((table, False) for table in page.tables)
    return sorted(found, key=lambda element: element[0].top)


Piece = TextBlock | TableBlock | PrintedLine  # a PrintedLine piece is page furniture


def _assemble(elements: list[tuple[Element, bool]]) -> list[Piece]:
    """Given elements in reading order, flagged when furniture, the blocks of the text form."""
    lines = [element for element, flag in elements if isinstance(element, PrintedLine) and not flag]
    pitches = line_pitches(lines)
    levels = marker_levels(lines)
    columns: dict[int, tuple[float, float]] = {}  # per page, the left and right of its text
    for line in lines:
        left, right = columns.get(line.page, (line.x0, line.x1))
        columns[line.page] = (min(left, line.x0), max(right, line.x1))
    pieces: list[Piece] = []
    pending: list[PrintedLine] = []
    current: TextBlock | None = None

    def close() -> None:
        nonlocal current
        if current is not None:
            pieces.append(current)
            current = None
        pieces.extend(pending)
        pending.clear()

    for element, is_furniture in elements:
        if is_furniture:
            (pending if current is not None else pieces).append(element)  # type: ignore[arg-type]
        elif isinstance(element, TableBlock):
            close()
            at = next((i for i in reversed(range(len(pieces))) if _is_block(pieces[i])), None)
            previous = pieces[at] if at is not None else None
            if at is not None and isinstance(previous, TableBlock) and continues(previous, element):
                pieces[at] = join_continued(previous, element)
            else:
                pieces.append(element)
        else:
            last = current.lines[-1] if current else None
            if current is None or starts_block(element, last, current, pitches, columns[last.page]):  # type: ignore[arg-type]
                close()
                level = _level(element.x0, levels) if element.marker else 0
                current = TextBlock([element], element.marker, level)
            else:
                current.lines.append(element)
    close()
    return pieces


def _level(x: float, levels: list[float]) -> int:
    return min(range(len(levels)), key=lambda index: abs(levels[index] - x))


def _vocabulary(pieces: list[Piece]) -> Counter[str]:
    """Given the blocks, how often each word is written whole in them (furniture aside)."""
    words: Counter[str] = Counter()
    for piece in pieces:
        if isinstance(piece, TextBlock):
            words.update(whole_words(piece.lines))
        elif isinstance(piece, TableBlock):
            for row in piece.rows:
                for cell in row:
                    words.update(whole_words(cell))
    return words


def _is_block(piece: Piece) -> bool:
    """Whether the piece is text or a table, not page furniture."""
    return not isinstance(piece, PrintedLine)


def _write(pieces: list[Piece], page_count: int) -> LoadedPdf:
    """Given the blocks, the loaded text with each char's page and box, and the furniture.

    A char the loader wrote itself (a space between words, a newline, markup) has
    page 0 and an empty box. This loop runs for every char of a report: pages and
    boxes go to lists, made arrays at the end in one numpy conversion each (an
    array's own extend parses every number it is given).
    """
    parts: list[str] = []
    pages: list[int] = []
    boxes: list[float] = []
    add_page, add_box = pages.append, boxes.extend
    found: list[Furniture] = []
    line_number = 1
    for piece in pieces:
        units: list[Unit] = piece.units()
        if parts:
            units = [("\n\n", None), *units]
        if isinstance(piece, PrintedLine):
            line_number_here = line_number + (2 if parts else 0)
            box = (piece.x0, piece.top, piece.x1, piece.bottom)
            found.append(Furniture(line_number_here, piece.text, piece.page, box))
        for text, glyph in units:
            parts.append(text)
            if glyph is None:
                line_number += text.count("\n")
                pages.extend(_NO_PAGE * len(text))
                add_box(_NO_BOX * len(text))
            else:  # the letters of one glyph: one char, or a ligature's
                for _ in text:
                    add_page(glyph.page)
                    add_box((glyph.x0, glyph.top, glyph.x1, glyph.bottom))
    parts.append("\n")
    pages.extend(_NO_PAGE)
    add_box(_NO_BOX)
    geometry = PdfGeometry(_packed("H", pages, numpy.uint16), _packed("f", boxes, numpy.float32))
    return LoadedPdf("".join(parts), page_count, geometry, tuple(found))


def _packed(typecode: str, values: list, dtype: type) -> array:
    """The values as an array of `typecode`, converted by numpy as the array would (C casts)."""
    packed = array(typecode)
    packed.frombytes(numpy.array(values, dtype=dtype).tobytes())
    return packed


_NO_PAGE = (0,)
_NO_BOX = (0.0, 0.0, 0.0, 0.0)
