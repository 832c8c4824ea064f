"""Read a report from its PDF into the text form of the report, with each char's place on a page.

The rest of the pipeline is shared with text input: this loader writes the same
dialect (one line per paragraph or list item, `**bold**`, `*italic*`, `- ` and
` - ` bullets, table rows with tab-separated cells), leaves page furniture on
lines of its own that it names, and keeps for every char the page and box it
was read from, so spans can name them.
"""

from __future__ import annotations

import io
import logging
import warnings
from array import array
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfplumber.page import Page

from extractor.errors import (
    E_PDF_DAMAGED,
    E_PDF_ENCRYPTED,
    E_PDF_NO_TEXT,
    ExtractorError,
)
from extractor.readers.pdf.furniture import furniture
from extractor.readers.pdf.layout import (
    Glyph,
    PrintedLine,
    Shape,
    TextBlock,
    Unit,
    chars_to_glyphs,
    glyphs_to_lines,
    line_pitches,
    mark_shapes,
    marker_levels,
    starts_block,
)
from extractor.readers.pdf.tables import (
    Box,
    TableBlock,
    aligned_table,
    continues,
    fill_grid,
    inside,
    join_continued,
    mark_cut_words,
    ruled_grids,
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

    def locate(self, start: int, end: int) -> tuple[int | None, Box | None]:
        """Given a range of the loaded text, the first page it is on and its box there.

        A range that runs over a page break is placed on the page where it starts.
        Chars the loader wrote itself (spaces between lines, markup) have no place.
        """
        end = min(end, len(self.pages))
        page = next((self.pages[i] for i in range(start, end) if self.pages[i]), 0)
        if not page:
            return None, None
        x0 = top = float("inf")
        x1 = bottom = float("-inf")
        for i in range(start, end):
            if self.pages[i] == page:
                x0 = min(x0, self.boxes[4 * i])
                top = min(top, self.boxes[4 * i + 1])
                x1 = max(x1, self.boxes[4 * i + 2])
                bottom = max(bottom, self.boxes[4 * i + 3])
        return page, (round(x0, 2), round(top, 2), round(x1, 2), round(bottom, 2))


@dataclass(frozen=True)
class LoadedPdf:
    """A PDF read as the report's text form, with its page count, geometry and furniture."""

    text: str
    pages: int
    geometry: PdfGeometry
    furniture: tuple[Furniture, ...]


PageProgress = Callable[[int, int], None]
"""Told the pages read so far and the page count, after each page: for a progress bar."""


@dataclass
class _Page:
    number: int
    height: float
    lines: list[PrintedLine]
    tables: list[TableBlock]


def load_pdf(
    data: bytes, name: str, rules: PdfRules, on_page: PageProgress | None = None
) -> LoadedPdf:
    """Given the bytes of a PDF and its file name (for messages), the report's text form."""
    pages = _read_pages(data, name, rules, on_page)
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


def _read_pages(
    data: bytes, name: str, rules: PdfRules, on_page: PageProgress | None
) -> list[_Page]:
    """Open the PDF and read each page's glyphs and ruled tables, closing each page once read."""
    pages: list[_Page] = []
    with _library_messages_held():
        try:
            document = pdfplumber.open(io.BytesIO(data))
        except Exception as error:  # a damaged file makes the parser raise almost anything
            if _encrypted(error):
                raise ExtractorError(
                    E_PDF_ENCRYPTED,
                    f"{name}: the PDF is password-protected",
                    "save an unprotected copy (print to PDF, or qpdf --decrypt) and extract that",
                ) from error
            raise _damaged(name, error) from error
        try:
            for page in document.pages:
                pages.append(_read_page(page, rules))
                page.close()
                if on_page:
                    on_page(len(pages), len(document.pages))
        except Exception as error:  # as above: objects read lazily, page by page
            raise _damaged(name, error, len(pages) + 1) from error
        finally:
            with suppress(Exception):  # closing reads the pages again: a bad one raises again
                document.close()
    if not pages:
        raise _damaged(name, ValueError("no pages"))
    return pages


@contextmanager
def _library_messages_held() -> Iterator[None]:
    """Keep pdfminer's and pdfplumber's warnings and log lines off stderr.

    On a damaged file they print dozens of lines of raw PDF objects; they are
    passed on to this module's logger at debug level, which `--debug` shows.
    """
    held = _Held()
    loggers = [logging.getLogger(name) for name in _LIBRARY_LOGGERS]
    saved = [(logger.level, logger.propagate) for logger in loggers]
    for logger in loggers:
        logger.addHandler(held)
        logger.setLevel(logging.WARNING)
        logger.propagate = False
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            yield
    finally:
        for logger, (level, propagate) in zip(loggers, saved, strict=True):
            logger.removeHandler(held)
            logger.setLevel(level)
            logger.propagate = propagate
        for record in held.records:
            _LOG.debug("%s: %s", record.name, record.getMessage())
        for warning in caught:
            _LOG.debug("%s: %s", warning.category.__name__, warning.message)


_LIBRARY_LOGGERS = ("pdfminer", "pdfplumber")
_LOG = logging.getLogger(__name__)


class _Held(logging.Handler):
    """A log handler that keeps the records instead of printing them."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def _encrypted(error: BaseException) -> bool:
    """Whether opening failed for want of a password (pdfplumber wraps pdfminer's error)."""
    causes = (error, *error.args[:1])
    return any(isinstance(cause, PDFPasswordIncorrect | PDFEncryptionError) for cause in causes)


_DETAIL = 80  # chars of the parser's own message: some quote whole raw PDF objects


def _damaged(name: str, error: BaseException, page: int | None = None) -> ExtractorError:
    where = f" (page {page})" if page else ""
    detail = " ".join(str(error).split())[:_DETAIL] or type(error).__name__
    return ExtractorError(
        E_PDF_DAMAGED,
        f"{name}: the PDF is damaged or truncated{where}: {detail}",
        "get a complete copy of the file, or re-save it with a PDF viewer",
    )


def _read_page(page: Page, rules: PdfRules) -> _Page:
    """Given an open page, its glyphs as lines, apart from those in ruled tables."""
    number = page.page_number
    grids = ruled_grids(page)
    glyphs = chars_to_glyphs(page.chars, number, rules)
    tables: list[TableBlock] = []
    for box, grid in grids:
        held = [glyph for glyph in glyphs if inside(glyph, box)]
        if held:
            tables.append(fill_grid(box, grid, held, number))
            glyphs = [glyph for glyph in glyphs if not inside(glyph, box)]
    lines = mark_shapes(glyphs_to_lines(glyphs, number, rules.lists), _shapes(page), rules.lists)
    return _Page(number, float(page.height), lines, tables)


def _shapes(page: Page) -> list[Shape]:
    """Given an open page, its curves and rectangles as plain boxes, filled or outlined."""
    return [
        Shape(
            float(drawn["x0"]),
            float(drawn["top"]),
            float(drawn["x1"]),
            float(drawn["bottom"]),
            bool(drawn.get("fill")),
        )
        for drawn in (*page.curves, *page.rects)
    ]


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
    """Given the blocks, the loaded text with each char's page and box, and the furniture."""
    parts: list[str] = []
    pages = array("H")
    boxes = array("f")
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
            line_number += text.count("\n")
            _place(pages, boxes, len(text), glyph)
    parts.append("\n")
    _place(pages, boxes, 1, None)
    return LoadedPdf("".join(parts), page_count, PdfGeometry(pages, boxes), tuple(found))


def _place(pages: array, boxes: array, count: int, glyph: Glyph | None) -> None:
    for _ in range(count):
        if glyph is None:
            pages.append(0)
            boxes.extend((0.0, 0.0, 0.0, 0.0))
        else:
            pages.append(glyph.page)
            boxes.extend((glyph.x0, glyph.top, glyph.x1, glyph.bottom))
