"""What a PDF reader gives for each page, and the readers there are."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # types only: the command line reads PDF_ENGINES without the layout code
    from extractor.readers.pdf.layout import Glyph, Shape
    from extractor.readers.pdf.tables import Grid
    from extractor.ruleset import PdfRules

PDF_ENGINES = ("pdfium", "pdfplumber")  # the first is the default (`extractor.PDF_ENGINES`)
DEFAULT_ENGINE = PDF_ENGINES[0]


@dataclass(frozen=True)
class PageContent:
    """One page as read: its number (of how many), height, glyphs, each ruled table's box and
    cell rows, and the curves and rectangles drawn on it (list markers may be drawn shapes)."""

    number: int
    of: int
    height: float
    glyphs: list[Glyph]
    grids: list[Grid]
    shapes: list[Shape]


PageReader = Callable[[bytes, str, "PdfRules"], Iterator[PageContent]]
PageProgress = Callable[[int, int], None]
"""Told the pages read so far and the page count, after each page: for a progress bar."""


def page_reader(engine: str) -> PageReader:
    """The reader of an engine, imported on first use (each is a heavy import)."""
    if engine == "pdfium":
        from extractor.readers.pdf.pdfium import read_pages
    elif engine == "pdfplumber":
        from extractor.readers.pdf.plumber import read_pages
    else:
        raise ValueError(f"unknown PDF engine {engine!r}: one of {', '.join(PDF_ENGINES)}")
    return read_pages
